// SPDX-License-Identifier: GPL-2.0-only
/*
 * SFF-8472 bus access: every byte the driver reads from or writes to a
 * module goes through this file.
 *
 * The access mode is the best one the adapter offers:
 *
 *   I2C          one write-then-read transfer per chunk (default 32 bytes,
 *                or sff,max-transfer-size up to the page size, less if the
 *                adapter quirks say so)
 *   SMBus block  I2C block reads of up to 32 bytes
 *   SMBus word   one word read per 16-bit field, coherent by construction
 *   SMBus byte   single bytes; each live 16-bit value is read MSB, LSB,
 *                MSB again and retried until both MSB reads agree
 *
 * Chunks are split at even offsets only, so in the first three modes every
 * 16-bit field comes from a single transaction and can never be torn.
 *
 * Modules that set A0h byte 92 bit 2 answer at either 0x50 or 0x51 and are
 * switched with the address-change sequence, a two-byte general call
 * (04h, then 00h for A0h or 02h for A2h). A general call reaches every
 * device on the bus segment, so it is sent only to modules that ask for it,
 * and such a module needs a segment of its own (e.g. a mux channel).
 *
 * A module that does not answer costs one NACKed transaction; nothing here
 * retries a NACK except the bounded write-cycle poll after an EEPROM write.
 */

#include <linux/delay.h>
#include <linux/device.h>
#include <linux/i2c.h>
#include <linux/jiffies.h>
#include <linux/lockdep.h>
#include <linux/minmax.h>
#include "sff8472_compat.h"

#include "sff8472.h"

#define SFF8472_GC_ADDR			0x00
#define SFF8472_GC_ADDR_CHANGE		0x04
#define SFF8472_GC_SELECT_A0		0x00
#define SFF8472_GC_SELECT_A2		0x02

/* Byte mode: attempts to read a live 16-bit value with a stable MSB. */
#define SFF8472_BYTE_WORD_TRIES		4
/* EEPROM write cycle: SFP EEPROMs need up to ~10 ms; allow some margin. */
#define SFF8472_WRITE_CYCLE_MS		40

static const char * const sff8472_mode_names[] = {
	[SFF8472_BUS_I2C] = "i2c",
	[SFF8472_BUS_SMBUS_BLOCK] = "smbus-block",
	[SFF8472_BUS_SMBUS_WORD] = "smbus-word",
	[SFF8472_BUS_SMBUS_BYTE] = "smbus-byte",
};

const char *sff8472_bus_mode_name(enum sff8472_bus_mode mode)
{
	return sff8472_mode_names[mode];
}

static unsigned int sff8472_i2c_chunk(struct i2c_adapter *adap,
				      unsigned int chunk, bool *no_rep_start)
{
	const struct i2c_adapter_quirks *q = adap->quirks;

	if (!q)
		return chunk;
	if (q->max_read_len)
		chunk = min_t(unsigned int, chunk, q->max_read_len);
	if ((q->flags & I2C_AQ_COMB) && q->max_comb_2nd_msg_len)
		chunk = min_t(unsigned int, chunk, q->max_comb_2nd_msg_len);
	*no_rep_start = q->flags & I2C_AQ_NO_REP_START;
	return chunk;
}

static unsigned int sff8472_i2c_write_max(struct i2c_adapter *adap)
{
	const struct i2c_adapter_quirks *q = adap->quirks;
	unsigned int max = SFF8472_USER_EEPROM_PAGE;

	/* The offset byte travels in the same message. */
	if (q && q->max_write_len)
		max = min_t(unsigned int, max, q->max_write_len - 1);
	if (q && (q->flags & I2C_AQ_COMB) && q->max_comb_1st_msg_len)
		max = min_t(unsigned int, max, q->max_comb_1st_msg_len - 1);
	return max;
}

/**
 * sff8472_bus_init() - choose the access mode from the adapter's abilities
 * @data: the cage
 * @max_transfer: sff,max-transfer-size, 0 if absent (then 32 bytes)
 *
 * Return: 0, or -EOPNOTSUPP if the adapter cannot even read a byte.
 */
int sff8472_bus_init(struct sff8472_data *data, u32 max_transfer)
{
	struct i2c_adapter *adap = data->client->adapter;
	u32 func = i2c_get_functionality(adap);
	unsigned int chunk = SFF8472_DEFAULT_CHUNK;

	if (max_transfer)
		chunk = min_t(u32, max_transfer, SFF8472_PAGE_LEN);

	if (func & I2C_FUNC_I2C) {
		data->mode = SFF8472_BUS_I2C;
		chunk = sff8472_i2c_chunk(adap, chunk, &data->no_rep_start);
		data->max_write = sff8472_i2c_write_max(adap);
	} else if (func & I2C_FUNC_SMBUS_READ_I2C_BLOCK) {
		data->mode = SFF8472_BUS_SMBUS_BLOCK;
		chunk = min_t(unsigned int, chunk, I2C_SMBUS_BLOCK_MAX);
		data->max_write = (func & I2C_FUNC_SMBUS_WRITE_I2C_BLOCK) ?
				  SFF8472_USER_EEPROM_PAGE : 1;
	} else if ((func & I2C_FUNC_SMBUS_READ_WORD_DATA) &&
		   (func & I2C_FUNC_SMBUS_READ_BYTE_DATA)) {
		data->mode = SFF8472_BUS_SMBUS_WORD;
		chunk = 2;
		data->max_write = 1;
	} else if (func & I2C_FUNC_SMBUS_READ_BYTE_DATA) {
		data->mode = SFF8472_BUS_SMBUS_BYTE;
		chunk = 1;
		data->max_write = 1;
	} else {
		return dev_err_probe(data->dev, -EOPNOTSUPP,
				     "adapter can neither transfer I2C messages nor read SMBus bytes\n");
	}

	/* A chunk limit below one 16-bit field leaves only byte reads. */
	if (data->mode <= SFF8472_BUS_SMBUS_BLOCK && chunk < 2) {
		data->mode = SFF8472_BUS_SMBUS_BYTE;
		data->max_write = 1;
	}
	data->max_read = data->mode <= SFF8472_BUS_SMBUS_BLOCK ?
			 round_down(chunk, 2) : chunk;

	if (data->mode != SFF8472_BUS_I2C &&
	    !(func & I2C_FUNC_SMBUS_WRITE_BYTE_DATA))
		data->max_write = 0;	/* no writes at all */

	if (data->mode == SFF8472_BUS_SMBUS_BYTE)
		dev_warn(data->dev,
			 "adapter reads single bytes only: 16-bit values are not atomic, reading MSB-LSB-MSB\n");
	dev_dbg(data->dev, "bus mode %s, %u bytes per read, %u per write\n",
		sff8472_bus_mode_name(data->mode), data->max_read,
		data->max_write);
	return 0;
}

static int sff8472_general_call(struct sff8472_data *data, u8 select)
{
	struct i2c_adapter *adap = data->client->adapter;
	union i2c_smbus_data smbus = { .byte = select };
	u8 buf[2] = { SFF8472_GC_ADDR_CHANGE, select };
	struct i2c_msg msg = {
		.addr = SFF8472_GC_ADDR, .len = sizeof(buf), .buf = buf,
	};
	int ret;

	if (data->mode == SFF8472_BUS_I2C) {
		ret = i2c_transfer(adap, &msg, 1);
		return ret == 1 ? 0 : (ret < 0 ? ret : -EIO);
	}
	return i2c_smbus_xfer(adap, SFF8472_GC_ADDR, 0, I2C_SMBUS_WRITE,
			      SFF8472_GC_ADDR_CHANGE, I2C_SMBUS_BYTE_DATA,
			      &smbus);
}

/* Make an address-change module answer for @page; no-op for the others. */
static int sff8472_select_page(struct sff8472_data *data,
			       enum sff8472_page page)
{
	int ret;

	if (!data->addr_change || data->cur_page == page)
		return 0;
	ret = sff8472_general_call(data, page == SFF8472_PAGE_A2 ?
				   SFF8472_GC_SELECT_A2 : SFF8472_GC_SELECT_A0);
	data->cur_page = ret ? SFF8472_PAGE_UNKNOWN : page;
	return ret;
}

static struct i2c_client *sff8472_page_client(struct sff8472_data *data,
					      enum sff8472_page page)
{
	return page == SFF8472_PAGE_A2 ? data->a2_client : data->client;
}

static int sff8472_i2c_read(struct sff8472_data *data,
			    struct i2c_client *client, u8 off, u8 *buf,
			    size_t len)
{
	struct i2c_adapter *adap = client->adapter;
	struct i2c_msg msgs[2] = {
		{ .addr = client->addr, .len = 1, .buf = &off },
		{ .addr = client->addr, .flags = I2C_M_RD, .len = len,
		  .buf = buf },
	};
	int ret;

	if (!data->no_rep_start) {
		ret = i2c_transfer(adap, msgs, 2);
		return ret == 2 ? 0 : (ret < 0 ? ret : -EIO);
	}

	/* Set the pointer, then read, with nobody else in between. */
	i2c_lock_bus(adap, I2C_LOCK_SEGMENT);
	ret = __i2c_transfer(adap, &msgs[0], 1);
	if (ret == 1)
		ret = __i2c_transfer(adap, &msgs[1], 1);
	i2c_unlock_bus(adap, I2C_LOCK_SEGMENT);
	return ret == 1 ? 0 : (ret < 0 ? ret : -EIO);
}

static int sff8472_block_read(struct i2c_client *client, u8 off, u8 *buf,
			      size_t len)
{
	int ret = i2c_smbus_read_i2c_block_data(client, off, len, buf);

	if (ret < 0)
		return ret;
	return ret == len ? 0 : -EIO;
}

static int sff8472_word_read(struct i2c_client *client, u8 off, u8 *buf)
{
	/* The byte at @off arrives first, i.e. as the SMBus low byte. */
	int ret = i2c_smbus_read_word_swapped(client, off);

	if (ret < 0)
		return ret;
	put_unaligned_be16(ret, buf);
	return 0;
}

static int sff8472_byte_read(struct i2c_client *client, u8 off, u8 *buf)
{
	int ret = i2c_smbus_read_byte_data(client, off);

	if (ret < 0)
		return ret;
	*buf = ret;
	return 0;
}

/*
 * Byte mode: the module may update a value between our two reads. If the
 * MSB is the same before and after the LSB, the three bytes belong to one
 * value (values move by small steps between two samples).
 */
static int sff8472_byte_read_word(struct sff8472_data *data,
				  struct i2c_client *client, u8 off, u8 *buf)
{
	u8 msb, lsb, msb_again;
	int tries, ret;

	for (tries = 0; tries < SFF8472_BYTE_WORD_TRIES; tries++) {
		ret = sff8472_byte_read(client, off, &msb);
		if (!ret)
			ret = sff8472_byte_read(client, off + 1, &lsb);
		if (!ret)
			ret = sff8472_byte_read(client, off, &msb_again);
		if (ret)
			return ret;
		if (msb == msb_again) {
			buf[0] = msb;
			buf[1] = lsb;
			return 0;
		}
	}
	dev_dbg(data->dev, "A2h %u: value kept changing while read\n", off);
	return -EIO;
}

/* A2h 96-109 hold live 16-bit A/D values (Table 3.17). */
static bool sff8472_is_live_word(enum sff8472_page page, unsigned int off)
{
	return page == SFF8472_PAGE_A2 && !(off & 1) &&
	       off >= SFF8472_A2_LIVE && off < SFF8472_A2_STATUS;
}

/* Read up to @len bytes at @off in one go; returns the count or an error. */
static int sff8472_read_piece(struct sff8472_data *data,
			      enum sff8472_page page, unsigned int off,
			      u8 *buf, size_t len)
{
	struct i2c_client *client = sff8472_page_client(data, page);
	size_t n;
	int ret;

	switch (data->mode) {
	case SFF8472_BUS_I2C:
	case SFF8472_BUS_SMBUS_BLOCK:
		n = min_t(size_t, len, data->max_read);
		/* Never end a chunk inside a 16-bit field. */
		if (n < len && ((off + n) & 1))
			n--;
		ret = data->mode == SFF8472_BUS_I2C ?
		      sff8472_i2c_read(data, client, off, buf, n) :
		      sff8472_block_read(client, off, buf, n);
		break;
	case SFF8472_BUS_SMBUS_WORD:
		n = (off & 1) || len < 2 ? 1 : 2;
		ret = n == 2 ? sff8472_word_read(client, off, buf) :
			       sff8472_byte_read(client, off, buf);
		break;
	default:
		n = len >= 2 && sff8472_is_live_word(page, off) ? 2 : 1;
		ret = n == 2 ? sff8472_byte_read_word(data, client, off, buf) :
			       sff8472_byte_read(client, off, buf);
		break;
	}
	return ret ? ret : n;
}

/**
 * sff8472_bus_read() - read bytes of one page
 * @data: the cage, with @data->lock held
 * @page: A0h or A2h
 * @off: first byte
 * @buf: destination
 * @len: byte count, @off + @len <= 256
 *
 * @buf may be partly written on failure; callers read into a scratch
 * buffer so a failed read never mixes with cached data.
 *
 * Return: 0 or a negative error code from the adapter.
 */
int sff8472_bus_read(struct sff8472_data *data, enum sff8472_page page,
		     unsigned int off, u8 *buf, size_t len)
{
	int ret;

	lockdep_assert_held(&data->lock);
	if (off + len > SFF8472_PAGE_LEN)
		return -EINVAL;

	ret = sff8472_select_page(data, page);
	while (!ret && len) {
		ret = sff8472_read_piece(data, page, off, buf, len);
		if (ret < 0)
			break;
		off += ret;
		buf += ret;
		len -= ret;
		ret = 0;
	}
	return ret;
}

/**
 * sff8472_bus_write() - write bytes in one transaction
 * @data: the cage, with @data->lock held
 * @page: A0h or A2h
 * @off: first byte
 * @buf: bytes to write
 * @len: 1 to @data->max_write bytes, within one EEPROM page
 *
 * Return: 0 or a negative error code.
 */
int sff8472_bus_write(struct sff8472_data *data, enum sff8472_page page,
		      unsigned int off, const u8 *buf, size_t len)
{
	struct i2c_client *client = sff8472_page_client(data, page);
	u8 msg_buf[SFF8472_USER_EEPROM_PAGE + 1];
	struct i2c_msg msg = {
		.addr = client->addr, .len = len + 1, .buf = msg_buf,
	};
	int ret;

	lockdep_assert_held(&data->lock);
	if (!len || len > data->max_write || off + len > SFF8472_PAGE_LEN)
		return -EINVAL;

	ret = sff8472_select_page(data, page);
	if (ret)
		return ret;

	if (data->mode == SFF8472_BUS_I2C) {
		msg_buf[0] = off;
		memcpy(&msg_buf[1], buf, len);
		ret = i2c_transfer(client->adapter, &msg, 1);
		return ret == 1 ? 0 : (ret < 0 ? ret : -EIO);
	}
	if (len > 1)
		return i2c_smbus_write_i2c_block_data(client, off, len, buf);
	return i2c_smbus_write_byte_data(client, off, buf[0]);
}

/**
 * sff8472_bus_wait_write_cycle() - wait until an EEPROM write has finished
 * @data: the cage, with @data->lock held
 *
 * The module NACKs its addresses while it programs the EEPROM; poll with a
 * one-byte read, for a bounded time.
 *
 * Return: 0, or -ETIMEDOUT.
 */
int sff8472_bus_wait_write_cycle(struct sff8472_data *data)
{
	unsigned long deadline = jiffies +
				 msecs_to_jiffies(SFF8472_WRITE_CYCLE_MS);
	unsigned long started;
	u8 byte;

	do {
		usleep_range(1000, 1500);
		/* Sample the time first, like at24, so load cannot cut short. */
		started = jiffies;
		if (sff8472_read_piece(data, SFF8472_PAGE_A2,
				       SFF8472_A2_USER_EEPROM, &byte, 1) == 1)
			return 0;
	} while (time_before(started, deadline));

	return -ETIMEDOUT;
}
