// SPDX-License-Identifier: GPL-2.0-only
/*
 * SFF-8472 bus access: every byte the driver reads from or writes to a
 * module goes through this file, which knows nothing of caching or
 * hot-plug. Documentation/hwmon/sff8472.rst describes the access modes
 * ("Bus access"), the address change sequence, and why every read is
 * proven by a byte read after it and a piece that ends in 0xFF is read
 * twice ("Caching"): pulled-up lines read 0xFF without any bus error.
 *
 * Chunks end at even offsets only, so in every mode but SMBus byte a
 * 16-bit field comes from one transaction and cannot be torn. Nothing here
 * retries a NACK but the bounded write-cycle poll after an EEPROM write.
 */

#include <linux/delay.h>
#include <linux/device.h>
#include <linux/i2c.h>
#include <linux/jiffies.h>
#include <linux/minmax.h>
#include <linux/string.h>

#include <kunit/visibility.h>

#include "sff8472.h"
#include "sff8472_compat.h"

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

/* Can one transfer carry write, read, write, read? */
static bool sff8472_i2c_combined(struct i2c_adapter *adap)
{
	const struct i2c_adapter_quirks *q = adap->quirks;

	if (!q)
		return true;
	if (q->flags & (I2C_AQ_COMB | I2C_AQ_NO_REP_START))
		return false;
	return !q->max_num_msgs || q->max_num_msgs >= 4;
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
 * @bus: the cage's bus, with @bus->client set
 * @max_transfer: the max_transfer_size parameter, 0 for the default (32)
 *
 * Return: 0, or -EOPNOTSUPP if the adapter cannot even read a byte.
 */
int sff8472_bus_init(struct sff8472_bus *bus, u32 max_transfer)
{
	struct device *dev = &bus->client->dev;
	struct i2c_adapter *adap = bus->client->adapter;
	u32 func = i2c_get_functionality(adap);
	unsigned int chunk = SFF8472_DEFAULT_CHUNK;

	if (max_transfer)
		chunk = min_t(u32, max_transfer, SFF8472_PAGE_LEN);

	if (func & I2C_FUNC_I2C) {
		bus->mode = SFF8472_BUS_I2C;
		chunk = sff8472_i2c_chunk(adap, chunk, &bus->no_rep_start);
		bus->max_write = sff8472_i2c_write_max(adap);
		bus->combined = sff8472_i2c_combined(adap);
	} else if (func & I2C_FUNC_SMBUS_READ_I2C_BLOCK) {
		bus->mode = SFF8472_BUS_SMBUS_BLOCK;
		chunk = min_t(unsigned int, chunk, I2C_SMBUS_BLOCK_MAX);
		bus->max_write = (func & I2C_FUNC_SMBUS_WRITE_I2C_BLOCK) ?
				  SFF8472_USER_EEPROM_PAGE : 1;
	} else if ((func & I2C_FUNC_SMBUS_READ_WORD_DATA) &&
		   (func & I2C_FUNC_SMBUS_READ_BYTE_DATA)) {
		bus->mode = SFF8472_BUS_SMBUS_WORD;
		chunk = 2;
		bus->max_write = 1;
	} else if (func & I2C_FUNC_SMBUS_READ_BYTE_DATA) {
		bus->mode = SFF8472_BUS_SMBUS_BYTE;
		chunk = 1;
		bus->max_write = 1;
	} else {
		return dev_err_probe(dev, -EOPNOTSUPP,
				     "adapter can neither transfer I2C messages nor read SMBus bytes\n");
	}

	/* A chunk limit below one 16-bit field leaves only byte reads. */
	if (bus->mode <= SFF8472_BUS_SMBUS_BLOCK && chunk < 2) {
		bus->mode = SFF8472_BUS_SMBUS_BYTE;
		bus->max_write = 1;
	}
	bus->max_read = bus->mode <= SFF8472_BUS_SMBUS_BLOCK ?
			 round_down(chunk, 2) : chunk;

	if (bus->mode != SFF8472_BUS_I2C &&
	    !(func & I2C_FUNC_SMBUS_WRITE_BYTE_DATA))
		bus->max_write = 0;	/* no writes at all */

	if (bus->mode == SFF8472_BUS_SMBUS_BYTE)
		dev_warn(dev,
			 "adapter reads single bytes only: 16-bit values are not atomic, reading MSB-LSB-MSB\n");
	bus->cur_addr = SFF8472_A0;
	bus->saved_mode = SFF8472_BUS_SMBUS_BYTE;
	bus->saved_max_read = 1;
	dev_dbg(dev, "bus mode %s, %u bytes per read, %u per write%s\n",
		sff8472_bus_mode_name(bus->mode), bus->max_read,
		bus->max_write, bus->combined ? ", combined proofs" : "");
	return 0;
}

/**
 * sff8472_bus_module_changed() - another module (or none) is in the cage
 * @bus: the cage's bus, with the cache lock held
 * @addr_change: the new module needs the address change sequence
 *
 * A module powers up answering at A0h.
 */
void sff8472_bus_module_changed(struct sff8472_bus *bus, bool addr_change)
{
	bus->addr_change = addr_change && bus->allow_gc;
	bus->last_addr_change = bus->addr_change;
	bus->cur_addr = SFF8472_A0;
}

static int sff8472_general_call(struct sff8472_bus *bus, u8 select)
{
	struct i2c_adapter *adap = bus->client->adapter;
	union i2c_smbus_data smbus = { .byte = select };
	u8 buf[2] = { SFF8472_GC_ADDR_CHANGE, select };
	struct i2c_msg msg = {
		.addr = SFF8472_GC_ADDR, .len = sizeof(buf), .buf = buf,
	};
	int ret;

	if (bus->mode == SFF8472_BUS_I2C) {
		ret = i2c_transfer(adap, &msg, 1);
		return sff8472_all_or_error(ret, 1);
	}
	return i2c_smbus_xfer(adap, SFF8472_GC_ADDR, 0, I2C_SMBUS_WRITE,
			      SFF8472_GC_ADDR_CHANGE, I2C_SMBUS_BYTE_DATA,
			      &smbus);
}

/* Make an address-change module answer for @addr; no-op for the others. */
static int sff8472_select_addr(struct sff8472_bus *bus,
			       enum sff8472_addr addr)
{
	int ret;

	if (!bus->addr_change || bus->cur_addr == addr)
		return 0;
	if (WARN_ON_ONCE(!bus->allow_gc))
		return -EOPNOTSUPP;
	ret = sff8472_general_call(bus, addr == SFF8472_A2 ?
				   SFF8472_GC_SELECT_A2 : SFF8472_GC_SELECT_A0);
	bus->cur_addr = ret ? SFF8472_ADDR_UNKNOWN : addr;
	/*
	 * Nothing took the call: perhaps another module, swapped in, that
	 * answers at A0h without it. Let the A0h read find out.
	 */
	return addr == SFF8472_A0 ? 0 : ret;
}

static struct i2c_client *sff8472_addr_client(struct sff8472_bus *bus,
					      enum sff8472_addr addr)
{
	return addr == SFF8472_A2 ? bus->a2_client : bus->client;
}

static int sff8472_i2c_read(struct sff8472_bus *bus,
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

	if (!bus->no_rep_start) {
		ret = i2c_transfer(adap, msgs, 2);
		return sff8472_all_or_error(ret, 2);
	}

	/* Set the pointer, then read, with nobody else in between. */
	i2c_lock_bus(adap, I2C_LOCK_SEGMENT);
	ret = __i2c_transfer(adap, &msgs[0], 1);
	if (ret == 1)
		ret = __i2c_transfer(adap, &msgs[1], 1);
	i2c_unlock_bus(adap, I2C_LOCK_SEGMENT);
	return sff8472_all_or_error(ret, 1);
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

/* Nobody drove SDA during the whole read. */
static bool sff8472_pulled_up(const u8 *buf, size_t len)
{
	return !memchr_inv(buf, 0xff, len);
}

/* A byte; a first read of 0xFF is discarded and the byte read again. */
static int sff8472_byte_read_reread_ff(struct i2c_client *client, u8 off, u8 *buf)
{
	int ret = sff8472_byte_read(client, off, buf);

	if (!ret && sff8472_pulled_up(buf, 1))
		ret = sff8472_byte_read(client, off, buf);
	return ret;
}

/*
 * Byte mode: the module may update a value between our two reads. If the
 * MSB is the same before and after the LSB, the three bytes belong to one
 * value (values move by small steps between two samples).
 */
static int sff8472_byte_read_word(struct sff8472_bus *bus,
				  struct i2c_client *client, u8 off, u8 *buf)
{
	u8 msb, lsb, msb_again;
	int tries, ret;

	for (tries = 0; tries < SFF8472_BYTE_WORD_TRIES; tries++) {
		ret = sff8472_byte_read_reread_ff(client, off, &msb);
		if (!ret)
			ret = sff8472_byte_read_reread_ff(client, off + 1, &lsb);
		if (!ret)
			ret = sff8472_byte_read_reread_ff(client, off, &msb_again);
		if (ret)
			return ret;
		if (msb == msb_again) {
			buf[0] = msb;
			buf[1] = lsb;
			return 0;
		}
	}
	dev_dbg(&bus->client->dev, "A2h %u: value kept changing while read\n",
		off);
	return -EIO;
}

/* A2h 96-109 hold live 16-bit A/D values (Table 3.17). */
static bool sff8472_is_live_word(enum sff8472_addr addr, unsigned int off)
{
	return addr == SFF8472_A2 && !(off & 1) &&
	       off >= SFP_TEMP && off < SFP_STATUS;
}

/* Read up to @len bytes at @off in one go; returns the count or an error. */
static int sff8472_read_piece_once(struct sff8472_bus *bus,
				   enum sff8472_addr addr, unsigned int off,
				   u8 *buf, size_t len)
{
	struct i2c_client *client = sff8472_addr_client(bus, addr);
	size_t n;
	int ret;

	switch (bus->mode) {
	case SFF8472_BUS_I2C:
	case SFF8472_BUS_SMBUS_BLOCK:
		n = min_t(size_t, len, bus->max_read);
		/* Never end a chunk inside a 16-bit field. */
		if (n < len && ((off + n) & 1))
			n--;
		ret = bus->mode == SFF8472_BUS_I2C ?
		      sff8472_i2c_read(bus, client, off, buf, n) :
		      sff8472_block_read(client, off, buf, n);
		break;
	case SFF8472_BUS_SMBUS_WORD:
		n = (off & 1) || len < 2 ? 1 : 2;
		ret = n == 2 ? sff8472_word_read(client, off, buf) :
			       sff8472_byte_read(client, off, buf);
		break;
	default:
		n = len >= 2 && sff8472_is_live_word(addr, off) ? 2 : 1;
		ret = n == 2 ? sff8472_byte_read_word(bus, client, off, buf) :
			       sff8472_byte_read_reread_ff(client, off, buf);
		break;
	}
	return ret ? ret : n;
}

/* The number of 0xFF bytes at the end of @buf. */
static size_t sff8472_ff_tail(const u8 *buf, size_t len)
{
	size_t n = 0;

	while (n < len && buf[len - 1 - n] == 0xff)
		n++;
	return n;
}

/*
 * The same, but a piece that ends in 0xFF is read twice, and the read with
 * fewer 0xFF bytes at its end used: a glitch only ever adds 0xFF bytes at
 * the end, so of two reads with at most one bad, the one used is good.
 */
static int sff8472_read_piece(struct sff8472_bus *bus,
			      enum sff8472_addr addr, unsigned int off,
			      u8 *buf, size_t len)
{
	u8 again[SFF8472_PAGE_LEN];
	int n, ret;

	n = sff8472_read_piece_once(bus, addr, off, buf, len);
	/* In byte mode every byte was made sure of already. */
	if (n <= 0 || bus->mode == SFF8472_BUS_SMBUS_BYTE || buf[n - 1] != 0xff)
		return n;
	ret = sff8472_read_piece_once(bus, addr, off, again, n);
	if (ret < 0)
		return ret;
	if (sff8472_ff_tail(again, n) <= sff8472_ff_tail(buf, n))
		memcpy(buf, again, n);
	return n;
}

static bool sff8472_range_ok(unsigned int off, size_t len)
{
	return off <= SFF8472_PAGE_LEN && len <= SFF8472_PAGE_LEN - off;
}

/*
 * Read [@off, @off + @len) of @addr, leaving the last piece unread when
 * @keep_last is set and the adapter can end with a combined proof; returns
 * the number of bytes left (0 or the last piece) or an error.
 */
static int sff8472_read_pieces(struct sff8472_bus *bus,
			       enum sff8472_addr addr, unsigned int off,
			       u8 *buf, size_t len, bool keep_last)
{
	int ret;

	ret = sff8472_select_addr(bus, addr);
	while (!ret && len) {
		if (keep_last && len <= bus->max_read)
			return len;
		ret = sff8472_read_piece(bus, addr, off, buf, len);
		if (ret < 0)
			return ret;
		off += ret;
		buf += ret;
		len -= ret;
		ret = 0;
	}
	return ret;
}

/**
 * sff8472_bus_read() - read bytes at one address
 * @bus: the cage's bus, with the cache lock held
 * @addr: A0h or A2h
 * @off: first byte
 * @buf: destination
 * @len: byte count, @off + @len <= 256
 *
 * @buf may be partly written on failure; callers read into a scratch
 * buffer so a failed read never mixes with cached data.
 *
 * Return: 0 or a negative error code from the adapter.
 */
int sff8472_bus_read(struct sff8472_bus *bus, enum sff8472_addr addr,
		     unsigned int off, u8 *buf, size_t len)
{
	KUNIT_STATIC_STUB_REDIRECT(sff8472_bus_read, bus, addr, off, buf, len);
	if (!sff8472_range_ok(off, len))
		return -EINVAL;
	return sff8472_read_pieces(bus, addr, off, buf, len, false);
}
EXPORT_SYMBOL_IF_KUNIT(sff8472_bus_read);

/* The last piece and the proof byte in one transfer of four messages. */
static int sff8472_i2c_read_combined(struct i2c_client *client, u8 off,
				     u8 *buf, size_t len, u8 proof_off,
				     u8 *proof)
{
	struct i2c_msg msgs[4] = {
		{ .addr = client->addr, .len = 1, .buf = &off },
		{ .addr = client->addr, .flags = I2C_M_RD, .len = len,
		  .buf = buf },
		{ .addr = client->addr, .len = 1, .buf = &proof_off },
		{ .addr = client->addr, .flags = I2C_M_RD, .len = 1,
		  .buf = proof },
	};
	int ret = i2c_transfer(client->adapter, msgs, ARRAY_SIZE(msgs));

	return sff8472_all_or_error(ret, ARRAY_SIZE(msgs));
}

/* 0xFF bytes at the end of a piece followed by its proof byte. */
static size_t sff8472_ff_tail_proven(const u8 *buf, size_t len, u8 proof)
{
	return proof == 0xff ? 1 + sff8472_ff_tail(buf, len) : 0;
}

/*
 * The last piece with its proof in one transfer. A proof byte of 0xFF (a
 * module whose CC_DMI is 0xFF) cannot tell a transfer that ends in 0xFF
 * from the module's answer, so a piece that ends in 0xFF is read once more
 * here too, and the transfer with fewer 0xFF bytes at its end (the proof
 * byte included) used.
 */
static int sff8472_read_last_proven(struct sff8472_bus *bus,
				    enum sff8472_addr addr, u8 off, u8 *buf,
				    size_t len, u8 proof_off, u8 *proof)
{
	struct i2c_client *client = sff8472_addr_client(bus, addr);
	u8 again[SFF8472_PAGE_LEN], again_proof;
	int ret;

	ret = sff8472_i2c_read_combined(client, off, buf, len, proof_off,
					proof);
	if (ret || buf[len - 1] != 0xff)
		return ret;
	ret = sff8472_i2c_read_combined(client, off, again, len, proof_off,
					&again_proof);
	if (ret)
		return ret;
	if (sff8472_ff_tail_proven(again, len, again_proof) <=
	    sff8472_ff_tail_proven(buf, len, *proof)) {
		memcpy(buf, again, len);
		*proof = again_proof;
	}
	return 0;
}

/**
 * sff8472_bus_read_proven() - read bytes, then one byte that proves it
 * @bus: the cage's bus, with the cache lock held
 * @addr: A0h or A2h
 * @off: first byte
 * @buf: destination
 * @len: byte count, @off + @len <= 256
 * @proof_off: offset in @addr of the byte read after the data
 * @proof: where that byte goes
 *
 * The proof byte is read after every data byte, so a module that was
 * pulled out during the read fails it (its address byte gets no ACK); the
 * caller compares *@proof with what it expects.
 *
 * Return: 0 or a negative error code from the adapter.
 */
int sff8472_bus_read_proven(struct sff8472_bus *bus, enum sff8472_addr addr,
			    unsigned int off, u8 *buf, size_t len,
			    unsigned int proof_off, u8 *proof)
{
	bool combined = bus->mode == SFF8472_BUS_I2C && bus->combined;
	int ret;

	KUNIT_STATIC_STUB_REDIRECT(sff8472_bus_read_proven, bus, addr, off, buf,
				   len, proof_off, proof);
	if (!sff8472_range_ok(off, len) || proof_off >= SFF8472_PAGE_LEN)
		return -EINVAL;
	ret = sff8472_read_pieces(bus, addr, off, buf, len, combined);
	if (ret < 0)
		return ret;
	if (ret)
		return sff8472_read_last_proven(bus, addr, off + len - ret,
						buf + len - ret, ret,
						proof_off, proof);
	ret = sff8472_read_piece(bus, addr, proof_off, proof, 1);
	return ret < 0 ? ret : 0;
}
EXPORT_SYMBOL_IF_KUNIT(sff8472_bus_read_proven);

/**
 * sff8472_bus_byte_io() - read the module one byte at a time, or not
 * @bus: the cage's bus, with the cache lock held
 * @on: single bytes (a module whose EEPROM emulation breaks longer reads)
 *
 * SMBus byte reads work on any adapter that has a better mode, and they
 * bring the MSB-LSB-MSB reading of live values with them.
 */
void sff8472_bus_byte_io(struct sff8472_bus *bus, bool on)
{
	if (on == bus->byte_io)
		return;
	swap(bus->mode, bus->saved_mode);
	swap(bus->max_read, bus->saved_max_read);
	bus->byte_io = on;
}

/**
 * sff8472_bus_forget() - no module is cached any more
 * @bus: the cage's bus, with the cache lock held
 * @surely_gone: the last module cannot still be there (MOD_DEF0 says so)
 *
 * The next module powers up answering at A0h.
 */
void sff8472_bus_forget(struct sff8472_bus *bus, bool surely_gone)
{
	bus->addr_change = false;
	bus->cur_addr = SFF8472_A0;
	if (surely_gone)
		bus->last_addr_change = false;
}

/**
 * sff8472_bus_recover_a0() - 0x50 did not answer: is the last module still
 *	there, switched to A2h?
 * @bus: the cage's bus, with the cache lock held
 *
 * Only when the last module seen here needed the address change, and only
 * if something answers at 0x51, is "select A0h" sent: an empty cage gets
 * no general call.
 *
 * Return: 0 when A0h may be read again, else a negative error code.
 */
int sff8472_bus_recover_a0(struct sff8472_bus *bus)
{
	u8 byte;
	int ret;

	if (!bus->last_addr_change)
		return -ENXIO;
	ret = sff8472_read_piece(bus, SFF8472_A2, 0, &byte, 1);
	if (ret < 0)
		return ret;
	bus->addr_change = true;
	bus->cur_addr = SFF8472_A2;
	return sff8472_select_addr(bus, SFF8472_A0);
}

/**
 * sff8472_bus_write() - write bytes in one transaction
 * @bus: the cage's bus, with the cache lock held
 * @addr: A0h or A2h
 * @off: first byte
 * @buf: bytes to write
 * @len: 1 to @bus->max_write bytes, within one EEPROM page
 *
 * Return: 0 or a negative error code.
 */
int sff8472_bus_write(struct sff8472_bus *bus, enum sff8472_addr addr,
		      unsigned int off, const u8 *buf, size_t len)
{
	struct i2c_client *client;
	u8 msg_buf[SFF8472_USER_EEPROM_PAGE + 1];
	struct i2c_msg msg = { .len = len + 1, .buf = msg_buf };
	int ret;

	KUNIT_STATIC_STUB_REDIRECT(sff8472_bus_write, bus, addr, off, buf, len);
	if (!len || len > bus->max_write || !sff8472_range_ok(off, len))
		return -EINVAL;

	ret = sff8472_select_addr(bus, addr);
	if (ret)
		return ret;

	client = sff8472_addr_client(bus, addr);
	if (bus->mode == SFF8472_BUS_I2C) {
		msg.addr = client->addr;
		msg_buf[0] = off;
		memcpy(&msg_buf[1], buf, len);
		ret = i2c_transfer(client->adapter, &msg, 1);
		return sff8472_all_or_error(ret, 1);
	}
	if (len > 1)
		return i2c_smbus_write_i2c_block_data(client, off, len, buf);
	return i2c_smbus_write_byte_data(client, off, buf[0]);
}
EXPORT_SYMBOL_IF_KUNIT(sff8472_bus_write);

/**
 * sff8472_bus_wait_write_cycle() - wait until an EEPROM write has finished
 * @bus: the cage's bus, with the cache lock held
 *
 * The module NACKs its addresses while it programs the EEPROM; poll with a
 * one-byte read from right after the write (acknowledge polling, as EEPROM
 * datasheets give it: a module that is done at once costs no sleep), for a
 * bounded time.
 *
 * Return: 0, or -ETIMEDOUT.
 */
int sff8472_bus_wait_write_cycle(struct sff8472_bus *bus)
{
	unsigned long deadline = jiffies +
				 msecs_to_jiffies(SFF8472_WRITE_CYCLE_MS);
	unsigned long started;
	u8 byte;

	KUNIT_STATIC_STUB_REDIRECT(sff8472_bus_wait_write_cycle, bus);
	for (;;) {
		/* Sample the time first, like at24, so load cannot cut short. */
		started = jiffies;
		if (sff8472_read_piece(bus, SFF8472_A2,
				       SFF8472_A2_USER_EEPROM, &byte, 1) == 1)
			return 0;
		if (!time_before(started, deadline))
			return -ETIMEDOUT;
		usleep_range(1000, 1500);
	}
}
EXPORT_SYMBOL_IF_KUNIT(sff8472_bus_wait_write_cycle);
