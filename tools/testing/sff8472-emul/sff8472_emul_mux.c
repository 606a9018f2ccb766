// SPDX-License-Identifier: GPL-2.0-only
/*
 * Emulated PCA9548 I2C switches in front of emulated SFP cages, for tests
 * and demos only.
 *
 * A bus is one I2C adapter with up to eight PCA9548 at 0x70-0x77, as on a
 * switch's management board. Each PCA9548 is modelled as the real chip is
 * seen from the bus: a one-byte control register at its own address, bit N
 * connecting downstream channel N, read back as written. Every transaction
 * addressed to a switch reads or writes that register; every other
 * transaction reaches the cages of all connected channels (wired-AND when
 * several answer), and NACKs when none is connected. Each channel has one
 * cage, an ordinary sff8472 emulator (sff8472_emul.c) whose own adapter
 * carries no clients: the bus calls its algorithm directly, so a cage
 * counts the transactions that reached it, and the bus counts all of them,
 * the switches' own included. The kernel's i2c-mux-pca954x driver binds to
 * the switches from the device tree and registers the channel adapters.
 *
 * See tools/testing/sff8472-emul/sff8472-emul.rst.
 */

#include <linux/debugfs.h>
#include <linux/err.h>
#include <linux/i2c.h>
#include <linux/kernel.h>
#include <linux/mod_devicetable.h>
#include <linux/module.h>
#include <linux/mutex.h>
#include <linux/of.h>
#include <linux/platform_device.h>
#include <linux/property.h>
#include <linux/slab.h>
#include <linux/string.h>

#include "sff8472_compat.h"
#include "sff8472_emul_compat.h"
#include "sff8472_version.h"
#include "sff8472_emul_mux.h"

#define MUX_NACK_BITS	11	/* S, address + NACK, P */
#define MUX_BIT_NS	10000	/* one bit time at 100 kHz */

struct emul_mux {
	bool present;
	u8 control;
	struct sff8472_emul *cage[SFF8472_EMUL_MUX_CHANNELS];
	/* debugfs links: by channel adapter, by sff,sfp node */
	struct dentry *link[SFF8472_EMUL_MUX_CHANNELS][2];
};

struct sff8472_emul_bus {
	struct i2c_adapter adap;
	struct i2c_adapter_quirks quirks;
	unsigned int max_len;
	struct mutex lock;	/* control registers, stats, transfers */
	struct emul_mux mux[SFF8472_EMUL_MUX_MAX];
	struct sff8472_emul_bus_stats stats;
	struct dentry *root;	/* the emulator's debugfs directory */
	struct dentry *dir;
};

/* A cage on a connected channel, for one forwarded transaction. */
struct mux_target {
	struct sff8472_emul *cage;
	struct i2c_adapter *adap;
};

static struct emul_mux *mux_at(struct sff8472_emul_bus *bus, u16 addr)
{
	struct emul_mux *m;

	if (addr < SFF8472_EMUL_MUX_ADDR0 ||
	    addr >= SFF8472_EMUL_MUX_ADDR0 + SFF8472_EMUL_MUX_MAX)
		return NULL;
	m = &bus->mux[addr - SFF8472_EMUL_MUX_ADDR0];
	return m->present ? m : NULL;
}

/* The cages of every connected channel, in address then channel order. */
static int mux_targets(struct sff8472_emul_bus *bus, struct mux_target *t)
{
	int i, ch, n = 0;

	for (i = 0; i < SFF8472_EMUL_MUX_MAX; i++) {
		struct emul_mux *m = &bus->mux[i];

		if (!m->present)
			continue;
		for (ch = 0; ch < SFF8472_EMUL_MUX_CHANNELS; ch++) {
			if (!(m->control & BIT(ch)))
				continue;
			t[n].cage = m->cage[ch];
			t[n].adap = sff8472_emul_adapter(m->cage[ch]);
			n++;
		}
	}
	return n;
}

static void mux_account(struct sff8472_emul_bus *bus, u64 bits, u64 rd,
			u64 wr, u64 gc, bool nack)
{
	bus->stats.bus.transactions++;
	bus->stats.bus.general_calls += gc;
	bus->stats.bus.nacks += nack;
	bus->stats.bus.bytes_read += rd;
	bus->stats.bus.bytes_written += wr;
	bus->stats.bus.bits += bits;
	bus->stats.bus.bus_time_ns += bits * MUX_BIT_NS;
}

/*
 * Nothing connected answers: S, address + NACK, P; @gc: that address was
 * the general call's.
 */
static int mux_nobody(struct sff8472_emul_bus *bus, bool gc)
{
	mux_account(bus, MUX_NACK_BITS, 0, 0, gc, true);
	return -ENXIO;
}

/*
 * What one forwarded transaction cost: the longest of the cages' (they
 * share the wire), counted by the cages themselves with the same rules.
 */
struct mux_cost {
	struct sff8472_emul_stats before;
	u64 bits, rd, wr, gc;
};

static void mux_cost_start(struct mux_cost *c, struct mux_target *t)
{
	sff8472_emul_get_stats(t->cage, &c->before);
}

static void mux_cost_end(struct mux_cost *c, struct mux_target *t)
{
	struct sff8472_emul_stats after;

	sff8472_emul_get_stats(t->cage, &after);
	c->bits = max(c->bits, after.bits - c->before.bits);
	c->rd = max(c->rd, after.bytes_read - c->before.bytes_read);
	c->wr = max(c->wr, after.bytes_written - c->before.bytes_written);
	c->gc = max(c->gc, after.general_calls - c->before.general_calls);
}

/* ---------------------------------------------------------------------- */
/* The switches' control registers                                         */

/* One transaction to a switch: writes set the register, reads return it. */
static void mux_register_xfer(struct sff8472_emul_bus *bus, struct emul_mux *m,
			      struct i2c_msg *msgs, int num)
{
	u64 bits = 1, rd = 0, wr = 0;	/* STOP */
	int i;

	for (i = 0; i < num; i++) {
		bits += 1 + 9 + 9 * msgs[i].len;
		if (msgs[i].flags & I2C_M_RD) {
			memset(msgs[i].buf, m->control, msgs[i].len);
			rd += msgs[i].len;
		} else {
			if (msgs[i].len)
				m->control = msgs[i].buf[msgs[i].len - 1];
			wr += msgs[i].len;
		}
	}
	bus->stats.mux_transactions++;
	mux_account(bus, bits, rd, wr, 0, false);
}

/* ---------------------------------------------------------------------- */
/* Adapter algorithms                                                      */

/*
 * Run one transaction on every connected cage with @one, which merges what
 * a cage that answered read into the caller's result (wired-AND). Returns
 * the first success, or the first error if no cage answered.
 */
static int mux_each(struct mux_target *t, int n,
		    int (*one)(struct mux_target *t, void *ctx), void *ctx,
		    struct mux_cost *cost, bool *acked)
{
	int k, r, ret = -ENXIO;

	*acked = false;
	for (k = 0; k < n; k++) {
		mux_cost_start(cost, &t[k]);
		r = one(&t[k], ctx);
		mux_cost_end(cost, &t[k]);
		if (r >= 0 && !*acked) {
			*acked = true;
			ret = r;
		} else if (r < 0 && !*acked && k == 0) {
			ret = r;
		}
	}
	return ret;
}

struct mux_i2c_ctx {
	struct i2c_msg *msgs, *copy;
	int num;
	u8 *data;
};

/* One cage gets its own copy of the messages; its reads are ANDed in. */
static int mux_one_i2c(struct mux_target *t, void *ctx)
{
	struct mux_i2c_ctx *c = ctx;
	size_t pos = 0;
	int i, j, r;

	for (i = 0; i < c->num; i++) {
		c->copy[i] = c->msgs[i];
		c->copy[i].buf = c->data + pos;
		memcpy(c->copy[i].buf, c->msgs[i].buf, c->msgs[i].len);
		pos += c->msgs[i].len;
	}
	r = t->adap->algo->master_xfer(t->adap, c->copy, c->num);
	if (r < 0)
		return r;
	for (i = 0; i < c->num; i++)
		if (c->msgs[i].flags & I2C_M_RD)
			for (j = 0; j < c->msgs[i].len; j++)
				c->msgs[i].buf[j] &= c->copy[i].buf[j];
	return r;
}

static int mux_forward_i2c(struct sff8472_emul_bus *bus, struct i2c_msg *msgs,
			   int num)
{
	struct mux_target t[SFF8472_EMUL_MUX_MAX * SFF8472_EMUL_MUX_CHANNELS];
	struct mux_i2c_ctx c = { .msgs = msgs, .num = num };
	struct mux_cost cost = { };
	size_t total = 0;
	bool acked;
	int n, i, ret;

	n = mux_targets(bus, t);
	if (!n)
		return mux_nobody(bus, !msgs[0].addr && !(msgs[0].flags & I2C_M_RD));

	for (i = 0; i < num; i++)
		total += msgs[i].len;
	c.copy = kcalloc(num, sizeof(*c.copy), GFP_KERNEL);
	c.data = kmalloc(max_t(size_t, total, 1), GFP_KERNEL);
	if (!c.copy || !c.data) {
		kfree(c.copy);
		kfree(c.data);
		return -ENOMEM;
	}
	for (i = 0; i < num; i++)
		if (msgs[i].flags & I2C_M_RD)
			memset(msgs[i].buf, 0xff, msgs[i].len);
	ret = mux_each(t, n, mux_one_i2c, &c, &cost, &acked);
	kfree(c.copy);
	kfree(c.data);
	/* Refused before reaching the wire (length, for instance). */
	if (cost.bits)
		mux_account(bus, cost.bits, cost.rd, cost.wr, cost.gc, !acked);
	return ret;
}

static int mux_master_xfer(struct i2c_adapter *adap, struct i2c_msg *msgs,
			   int num)
{
	struct sff8472_emul_bus *bus = i2c_get_adapdata(adap);
	int i, to_mux = 0, ret;
	struct emul_mux *m;
	bool same = true;

	for (i = 0; i < num; i++) {
		if (msgs[i].flags & (I2C_M_TEN | I2C_M_RECV_LEN))
			return -EOPNOTSUPP;
		if (bus->max_len && msgs[i].len > bus->max_len)
			return -EOPNOTSUPP;
		if (mux_at(bus, msgs[i].addr))
			to_mux++;
		if (msgs[i].addr != msgs[0].addr)
			same = false;
	}
	/* A switch and anything else in one transaction is not modelled. */
	if (to_mux && (to_mux != num || !same))
		return -EOPNOTSUPP;
	m = to_mux ? mux_at(bus, msgs[0].addr) : NULL;

	mutex_lock(&bus->lock);
	if (m) {
		mux_register_xfer(bus, m, msgs, num);
		ret = num;
	} else {
		ret = mux_forward_i2c(bus, msgs, num);
	}
	mutex_unlock(&bus->lock);
	return ret;
}

/* SMBus to a switch: send/receive byte, write/read byte data. */
static int mux_register_smbus(struct sff8472_emul_bus *bus, struct emul_mux *m,
			      char read_write, u8 command, int size,
			      union i2c_smbus_data *data)
{
	struct i2c_msg msgs[2] = {
		{ .len = 1, .buf = &command },
		{ .flags = I2C_M_RD, .len = 1, .buf = &data->byte },
	};
	u8 wbuf[2] = { command, data->byte };

	switch (size) {
	case I2C_SMBUS_BYTE:
		if (read_write == I2C_SMBUS_READ)
			mux_register_xfer(bus, m, &msgs[1], 1);
		else
			mux_register_xfer(bus, m, msgs, 1);
		return 0;
	case I2C_SMBUS_BYTE_DATA:
		if (read_write == I2C_SMBUS_READ) {
			mux_register_xfer(bus, m, msgs, 2);
		} else {
			msgs[0].len = 2;
			msgs[0].buf = wbuf;
			mux_register_xfer(bus, m, msgs, 1);
		}
		return 0;
	}
	return -EOPNOTSUPP;
}

static void mux_and_data(int size, union i2c_smbus_data *acc,
			 const union i2c_smbus_data *d)
{
	int i;

	switch (size) {
	case I2C_SMBUS_BYTE:
	case I2C_SMBUS_BYTE_DATA:
		acc->byte &= d->byte;
		break;
	case I2C_SMBUS_WORD_DATA:
		acc->word &= d->word;
		break;
	case I2C_SMBUS_I2C_BLOCK_DATA:
		for (i = 1; i <= acc->block[0] && i <= I2C_SMBUS_BLOCK_MAX; i++)
			acc->block[i] &= d->block[i];
		break;
	}
}

static bool mux_smbus_supported(u32 func, bool rd, int size)
{
	switch (size) {
	case I2C_SMBUS_BYTE:
		return func & (rd ? I2C_FUNC_SMBUS_READ_BYTE :
				    I2C_FUNC_SMBUS_WRITE_BYTE);
	case I2C_SMBUS_BYTE_DATA:
		return func & (rd ? I2C_FUNC_SMBUS_READ_BYTE_DATA :
				    I2C_FUNC_SMBUS_WRITE_BYTE_DATA);
	case I2C_SMBUS_WORD_DATA:
		return func & (rd ? I2C_FUNC_SMBUS_READ_WORD_DATA :
				    I2C_FUNC_SMBUS_WRITE_WORD_DATA);
	case I2C_SMBUS_I2C_BLOCK_DATA:
		return func & (rd ? I2C_FUNC_SMBUS_READ_I2C_BLOCK :
				    I2C_FUNC_SMBUS_WRITE_I2C_BLOCK);
	}
	return false;
}

struct mux_smbus_ctx {
	u16 addr;
	unsigned short flags;
	char read_write;
	u8 command;
	int size;
	const union i2c_smbus_data *data;
	union i2c_smbus_data acc;
};

/* One cage gets its own copy of the data; what it read is ANDed in. */
static int mux_one_smbus(struct mux_target *t, void *ctx)
{
	struct mux_smbus_ctx *c = ctx;
	union i2c_smbus_data d = *c->data;
	int r;

	r = t->adap->algo->smbus_xfer(t->adap, c->addr, c->flags,
				      c->read_write, c->command, c->size, &d);
	if (r >= 0 && c->read_write == I2C_SMBUS_READ)
		mux_and_data(c->size, &c->acc, &d);
	return r;
}

static int mux_forward_smbus(struct sff8472_emul_bus *bus, u16 addr,
			     unsigned short flags, char read_write, u8 command,
			     int size, union i2c_smbus_data *data)
{
	struct mux_target t[SFF8472_EMUL_MUX_MAX * SFF8472_EMUL_MUX_CHANNELS];
	struct mux_smbus_ctx c = {
		.addr = addr, .flags = flags, .read_write = read_write,
		.command = command, .size = size, .data = data,
	};
	bool rd = read_write == I2C_SMBUS_READ, acked;
	struct mux_cost cost = { };
	int n, ret;

	n = mux_targets(bus, t);
	if (!n)	/* only SMBus receive byte starts with a read */
		return mux_nobody(bus, !addr && !(rd && size == I2C_SMBUS_BYTE));
	memset(&c.acc, 0xff, sizeof(c.acc));
	if (size == I2C_SMBUS_I2C_BLOCK_DATA)	/* block[0] aliases byte */
		c.acc.block[0] = data->block[0];
	ret = mux_each(t, n, mux_one_smbus, &c, &cost, &acked);
	/* Refused before reaching the wire (length, for instance). */
	if (!cost.bits)
		return ret;
	if (acked && rd) {
		if (size == I2C_SMBUS_I2C_BLOCK_DATA)
			memcpy(data->block + 1, c.acc.block + 1, data->block[0]);
		else if (size == I2C_SMBUS_WORD_DATA)
			data->word = c.acc.word;
		else
			data->byte = c.acc.byte;
	}
	mux_account(bus, cost.bits, cost.rd, cost.wr, cost.gc, !acked);
	return ret;
}

static int mux_smbus_xfer(struct i2c_adapter *adap, u16 addr,
			  unsigned short flags, char read_write, u8 command,
			  int size, union i2c_smbus_data *data)
{
	struct sff8472_emul_bus *bus = i2c_get_adapdata(adap);
	union i2c_smbus_data dummy = { };
	struct emul_mux *m;
	int ret;

	if (!mux_smbus_supported(adap->algo->functionality(adap),
				 read_write == I2C_SMBUS_READ, size))
		return -EOPNOTSUPP;
	if (!data)	/* i2c_smbus_write_byte() passes none */
		data = &dummy;
	mutex_lock(&bus->lock);
	m = mux_at(bus, addr);
	if (m)
		ret = mux_register_smbus(bus, m, read_write, command, size,
					 data);
	else
		ret = mux_forward_smbus(bus, addr, flags, read_write, command,
					size, data);
	mutex_unlock(&bus->lock);
	return ret;
}

/* The same functionality as the cages: every cage has the bus's mode. */
static u32 mux_functionality(struct i2c_adapter *adap)
{
	struct sff8472_emul_bus *bus = i2c_get_adapdata(adap);
	struct i2c_adapter *cage = NULL;
	int i;

	for (i = 0; i < SFF8472_EMUL_MUX_MAX && !cage; i++)
		if (bus->mux[i].present)
			cage = sff8472_emul_adapter(bus->mux[i].cage[0]);
	return cage ? cage->algo->functionality(cage) : 0;
}

static const struct i2c_algorithm mux_i2c_algo = {
	.master_xfer = mux_master_xfer,
	.functionality = mux_functionality,
};

static const struct i2c_algorithm mux_smbus_algo = {
	.smbus_xfer = mux_smbus_xfer,
	.functionality = mux_functionality,
};

/* ---------------------------------------------------------------------- */
/* C API                                                                   */

struct i2c_adapter *sff8472_emul_bus_adapter(struct sff8472_emul_bus *bus)
{
	return &bus->adap;
}
EXPORT_SYMBOL_GPL(sff8472_emul_bus_adapter);

struct sff8472_emul *sff8472_emul_bus_cage(struct sff8472_emul_bus *bus,
					   u8 mux_addr, unsigned int chan)
{
	struct emul_mux *m = mux_at(bus, mux_addr);

	return m && chan < SFF8472_EMUL_MUX_CHANNELS ? m->cage[chan] : NULL;
}
EXPORT_SYMBOL_GPL(sff8472_emul_bus_cage);

int sff8472_emul_bus_control(struct sff8472_emul_bus *bus, u8 mux_addr)
{
	struct emul_mux *m = mux_at(bus, mux_addr);
	int ret;

	if (!m)
		return -ENODEV;
	mutex_lock(&bus->lock);
	ret = m->control;
	mutex_unlock(&bus->lock);
	return ret;
}
EXPORT_SYMBOL_GPL(sff8472_emul_bus_control);

void sff8472_emul_bus_get_stats(struct sff8472_emul_bus *bus,
				struct sff8472_emul_bus_stats *stats)
{
	mutex_lock(&bus->lock);
	*stats = bus->stats;
	mutex_unlock(&bus->lock);
}
EXPORT_SYMBOL_GPL(sff8472_emul_bus_get_stats);

void sff8472_emul_bus_reset_stats(struct sff8472_emul_bus *bus)
{
	mutex_lock(&bus->lock);
	memset(&bus->stats, 0, sizeof(bus->stats));
	mutex_unlock(&bus->lock);
}
EXPORT_SYMBOL_GPL(sff8472_emul_bus_reset_stats);

/* ---------------------------------------------------------------------- */
/* debugfs                                                                 */

static int mux_stats_show(struct seq_file *s, void *unused)
{
	struct sff8472_emul_bus_stats st;

	sff8472_emul_bus_get_stats(s->private, &st);
	seq_printf(s, "transactions %llu\nnacks %llu\nbytes_read %llu\n",
		   st.bus.transactions, st.bus.nacks, st.bus.bytes_read);
	seq_printf(s, "bytes_written %llu\ntorn_reads %llu\nbits %llu\n",
		   st.bus.bytes_written, st.bus.torn_reads, st.bus.bits);
	seq_printf(s, "bus_time_ns %llu\ngeneral_calls %llu\n",
		   st.bus.bus_time_ns, st.bus.general_calls);
	seq_printf(s, "mux_transactions %llu\n", st.mux_transactions);
	return 0;
}

static int mux_stats_open(struct inode *inode, struct file *file)
{
	return single_open(file, mux_stats_show, inode->i_private);
}

/* Any write resets the counters. */
static ssize_t mux_stats_write(struct file *file, const char __user *ubuf,
			       size_t count, loff_t *ppos)
{
	sff8472_emul_bus_reset_stats(file_inode(file)->i_private);
	return count;
}

static const struct file_operations mux_stats_fops = {
	.owner = THIS_MODULE,
	.open = mux_stats_open,
	.read = seq_read,
	.write = mux_stats_write,
	.llseek = seq_lseek,
	.release = single_release,
};

/* "0x70 0x04": each switch's address and control register. */
static int mux_muxes_show(struct seq_file *s, void *unused)
{
	struct sff8472_emul_bus *bus = s->private;
	int i;

	mutex_lock(&bus->lock);
	for (i = 0; i < SFF8472_EMUL_MUX_MAX; i++)
		if (bus->mux[i].present)
			seq_printf(s, "0x%02x 0x%02x\n",
				   SFF8472_EMUL_MUX_ADDR0 + i,
				   bus->mux[i].control);
	mutex_unlock(&bus->lock);
	return 0;
}
DEFINE_SHOW_ATTRIBUTE(mux_muxes);

static void mux_debugfs_init(struct sff8472_emul_bus *bus)
{
	bus->root = debugfs_lookup("sff8472-emul", NULL);
	if (IS_ERR_OR_NULL(bus->root))
		return;
	bus->dir = debugfs_create_dir(dev_name(&bus->adap.dev), bus->root);
	debugfs_create_file("stats", 0600, bus->dir, bus, &mux_stats_fops);
	debugfs_create_file("muxes", 0400, bus->dir, bus, &mux_muxes_fops);
}

/*
 * Make each cage of the device tree reachable in debugfs under the names a
 * test knows: "i2c-N" for the channel adapter N the i2c-mux-pca954x driver
 * registered for it, and the node name of a "sff,sfp" cage whose i2c-bus
 * is that channel. Both link to the cage's own directory.
 */
static void mux_link_channel(struct sff8472_emul_bus *bus, struct emul_mux *m,
			     unsigned int ch, struct device_node *ch_np)
{
	const char *target = dev_name(&sff8472_emul_adapter(m->cage[ch])->dev);
	struct i2c_adapter *adap;
	struct device_node *np;
	char name[64];

	adap = of_find_i2c_adapter_by_node(ch_np);
	if (adap) {
		snprintf(name, sizeof(name), "i2c-%d", i2c_adapter_id(adap));
		m->link[ch][0] = debugfs_create_symlink(name, bus->root, target);
		put_device(&adap->dev);
	}
	for_each_node_with_property(np, "i2c-bus") {
		struct device_node *bus_np = of_parse_phandle(np, "i2c-bus", 0);

		if (bus_np == ch_np && !m->link[ch][1]) {
			snprintf(name, sizeof(name), "%pOFn", np);
			m->link[ch][1] = debugfs_create_symlink(name, bus->root,
								target);
		}
		of_node_put(bus_np);
	}
}

static void mux_link_dt(struct sff8472_emul_bus *bus, struct device_node *np)
{
	struct device_node *mux_np, *ch_np;
	u32 addr, ch;

	if (IS_ERR_OR_NULL(bus->root))
		return;
	for_each_child_of_node(np, mux_np) {
		if (of_property_read_u32(mux_np, "reg", &addr) ||
		    !mux_at(bus, addr))
			continue;
		for_each_child_of_node(mux_np, ch_np)
			if (!of_property_read_u32(ch_np, "reg", &ch) &&
			    ch < SFF8472_EMUL_MUX_CHANNELS)
				mux_link_channel(bus, mux_at(bus, addr), ch,
						 ch_np);
	}
}

/* ---------------------------------------------------------------------- */
/* Creation                                                                */

static void mux_free_cages(struct sff8472_emul_bus *bus)
{
	int i, ch;

	for (i = 0; i < SFF8472_EMUL_MUX_MAX; i++)
		for (ch = 0; ch < SFF8472_EMUL_MUX_CHANNELS; ch++)
			sff8472_emul_destroy(bus->mux[i].cage[ch]);
}

static struct sff8472_emul_bus *mux_create(struct device *parent,
					   enum sff8472_emul_mode mode,
					   unsigned int max_len, u8 mux_mask)
{
	struct sff8472_emul_bus *bus;
	int i, ch, ret;

	if (!mux_mask || mode >= SFF8472_EMUL_NUM_MODES || max_len > U16_MAX)
		return ERR_PTR(-EINVAL);
	bus = kzalloc_obj(*bus, GFP_KERNEL);
	if (!bus)
		return ERR_PTR(-ENOMEM);
	mutex_init(&bus->lock);
	bus->max_len = max_len;

	/* The cages exist before the switches' driver probes the bus. */
	for (i = 0; i < SFF8472_EMUL_MUX_MAX; i++) {
		if (!(mux_mask & BIT(i)))
			continue;
		bus->mux[i].present = true;
		for (ch = 0; ch < SFF8472_EMUL_MUX_CHANNELS; ch++) {
			struct sff8472_emul *e;

			e = sff8472_emul_create(mode, max_len);
			if (IS_ERR(e)) {
				ret = PTR_ERR(e);
				goto err;
			}
			bus->mux[i].cage[ch] = e;
		}
	}

	bus->adap.owner = THIS_MODULE;
	bus->adap.algo = mode == SFF8472_EMUL_I2C ? &mux_i2c_algo :
						    &mux_smbus_algo;
	if (max_len && mode == SFF8472_EMUL_I2C) {
		bus->quirks.max_read_len = max_len;
		bus->quirks.max_write_len = max_len;
		bus->adap.quirks = &bus->quirks;
	}
	snprintf(bus->adap.name, sizeof(bus->adap.name),
		 "sff8472-emul-bus %s", sff8472_emul_mode_name(mode));
	if (parent) {
		bus->adap.dev.parent = parent;
		/* the switches are DT children of our node */
		bus->adap.dev.of_node = parent->of_node;
	}
	i2c_set_adapdata(&bus->adap, bus);
	ret = i2c_add_adapter(&bus->adap);
	if (ret)
		goto err;
	mux_debugfs_init(bus);
	return bus;

err:
	mux_free_cages(bus);
	mutex_destroy(&bus->lock);
	kfree(bus);
	return ERR_PTR(ret);
}

struct sff8472_emul_bus *sff8472_emul_bus_create(enum sff8472_emul_mode mode,
						 unsigned int max_xfer_len,
						 u8 mux_mask)
{
	return mux_create(NULL, mode, max_xfer_len, mux_mask);
}
EXPORT_SYMBOL_GPL(sff8472_emul_bus_create);

void sff8472_emul_bus_destroy(struct sff8472_emul_bus *bus)
{
	int i, ch;

	if (IS_ERR_OR_NULL(bus))
		return;
	for (i = 0; i < SFF8472_EMUL_MUX_MAX; i++)
		for (ch = 0; ch < SFF8472_EMUL_MUX_CHANNELS; ch++) {
			debugfs_remove(bus->mux[i].link[ch][0]);
			debugfs_remove(bus->mux[i].link[ch][1]);
		}
	debugfs_remove_recursive(bus->dir);
	if (!IS_ERR_OR_NULL(bus->root))
		dput(bus->root);
	/* Unbinds the switches' driver, which removes the channel adapters. */
	i2c_del_adapter(&bus->adap);
	mux_free_cages(bus);
	mutex_destroy(&bus->lock);
	kfree(bus);
}
EXPORT_SYMBOL_GPL(sff8472_emul_bus_destroy);

void sff8472_emul_bus_destroy_action(void *bus)
{
	sff8472_emul_bus_destroy(bus);
}
EXPORT_SYMBOL_GPL(sff8472_emul_bus_destroy_action);

/* ---------------------------------------------------------------------- */
/* Device tree / platform driver                                           */

static const char * const mux_mode_names[] = {
	"i2c", "smbus-block", "smbus-word", "smbus-byte",
};

static int mux_probe(struct platform_device *pdev)
{
	struct device *dev = &pdev->dev;
	struct sff8472_emul_bus *bus;
	struct device_node *child;
	const char *s = "i2c";
	u32 max_len = 0, addr;
	u8 mask = 0;
	int mode;

	device_property_read_string(dev, "linux,mode", &s);
	mode = match_string(mux_mode_names, ARRAY_SIZE(mux_mode_names), s);
	if (mode < 0)
		return dev_err_probe(dev, mode, "unknown mode %s\n", s);
	device_property_read_u32(dev, "linux,max-transfer-len", &max_len);
	for_each_available_child_of_node(dev->of_node, child)
		if (of_device_is_compatible(child, "nxp,pca9548") &&
		    !of_property_read_u32(child, "reg", &addr) &&
		    addr >= SFF8472_EMUL_MUX_ADDR0 &&
		    addr < SFF8472_EMUL_MUX_ADDR0 + SFF8472_EMUL_MUX_MAX)
			mask |= BIT(addr - SFF8472_EMUL_MUX_ADDR0);
	if (!mask)
		return dev_err_probe(dev, -EINVAL, "no nxp,pca9548 child at 0x70-0x77\n");

	bus = mux_create(dev, mode, max_len, mask);
	if (IS_ERR(bus))
		return dev_err_probe(dev, PTR_ERR(bus), "cannot create bus\n");
	/* i2c-mux-pca954x, when built in, has registered the channels now. */
	mux_link_dt(bus, dev->of_node);
	platform_set_drvdata(pdev, bus);
	return 0;
}

static void mux_remove(struct platform_device *pdev)
{
	sff8472_emul_bus_destroy(platform_get_drvdata(pdev));
}

SFF8472_DEFINE_PLATFORM_REMOVE(mux_remove);

static const struct of_device_id mux_of_match[] = {
	{ .compatible = "linux,sff8472-emul-bus" },
	{ }
};
MODULE_DEVICE_TABLE(of, mux_of_match);

static struct platform_driver mux_driver = {
	.driver = {
		.name = "sff8472-emul-bus",
		.of_match_table = mux_of_match,
	},
	.probe = mux_probe,
	.remove = SFF8472_PLATFORM_REMOVE(mux_remove),
};
module_platform_driver(mux_driver);

MODULE_DESCRIPTION("Emulated PCA9548 switches in front of emulated SFP cages (tests and demos only)");
MODULE_LICENSE("GPL");
MODULE_VERSION(SFF8472_VERSION);
