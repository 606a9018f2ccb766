// SPDX-License-Identifier: GPL-2.0-only
/*
 * KUnit tests for the SFF-8472 cache and hot-plug logic, on a RAM fake of
 * the bus. KUnit's static stubs put the fake in place of the bus functions
 * (sff8472_bus_read() and the rest, the interface in sff8472.h) and of the
 * publication, in the test's own thread only; the tests move the clock
 * (cache.skipped) and run the state machine (sff8472_hp_run_once())
 * themselves, so nothing sleeps and no work item runs. The emulator's
 * suites (tools/testing/sff8472-emul) take the same paths through real I2C
 * transfers, access modes and fault injection.
 *
 * Expected values are worked out by hand from SFF-8472 rev 11.0.
 */

#include <kunit/device.h>
#include <kunit/static_stub.h>
#include <kunit/test.h>
#include <linux/bitops.h>
#include <linux/cleanup.h>
#include <linux/device.h>
#include <linux/err.h>
#include <linux/i2c.h>
#include <linux/jiffies.h>
#include <linux/module.h>
#include <linux/sfp.h>
#include <linux/string.h>

#include "sff8472.h"
#include "sff8472_compat.h"

#define RAM_POLL_MS	1000
/*
 * The clock is jiffies plus what a test skipped, and jiffies go on while
 * the test runs: a long update_interval (the longest hwmon takes) keeps a
 * snapshot fresh until the test itself lets it expire.
 */
#define RAM_INTERVAL_MS	600000
#define RAM_A2(off)	(SFF8472_PAGE_LEN + (off))	/* in the eeprom view */

/* The fake: a module's two pages, how it answers, what it was asked. */
struct ram {
	struct sff8472_cage cage;
	struct i2c_client client;
	u8 mem[2][SFF8472_PAGE_LEN];	/* A0h, A2h */
	bool present;			/* answers at all */
	bool a2_absent;			/* answers at A0h only */
	unsigned int nacks;		/* the next so many calls fail */
	unsigned int calls;		/* every bus call, failed or not */
	unsigned int writes;
	u8 controls[2];			/* bits of A2h 110, 118 it may change */
	unsigned int publications;
	bool shown_present;
	u32 shown_generation;
};

static struct ram *ram_of(struct sff8472_bus *bus)
{
	return container_of(bus, struct ram, cage.bus);
}

/*
 * One bus call (one or more I2C transfers on a real adapter): 0, or the
 * NACK of a failing, absent or A0h-only module.
 */
static int ram_call(struct ram *r, enum sff8472_addr addr, unsigned int off,
		    size_t len)
{
	r->calls++;
	if (addr > SFF8472_A2 || off + len > SFF8472_PAGE_LEN) {
		KUNIT_FAIL(kunit_get_current_test(),
			   "bus call at %d:%u+%zu is outside a page", addr, off,
			   len);
		return -EINVAL;
	}
	if (r->nacks) {
		r->nacks--;
		return -ENXIO;
	}
	if (!r->present || (addr == SFF8472_A2 && r->a2_absent))
		return -ENXIO;
	return 0;
}

static int ram_read(struct sff8472_bus *bus, enum sff8472_addr addr,
		    unsigned int off, u8 *buf, size_t len)
{
	struct ram *r = ram_of(bus);
	int ret = ram_call(r, addr, off, len);

	if (!ret)
		memcpy(buf, &r->mem[addr][off], len);
	return ret;
}

/* The data and the proof byte come in one call, as they do on the bus. */
static int ram_read_proven(struct sff8472_bus *bus, enum sff8472_addr addr,
			   unsigned int off, u8 *buf, size_t len,
			   unsigned int proof_off, u8 *proof)
{
	struct ram *r = ram_of(bus);
	int ret = ram_read(bus, addr, off, buf, len);

	if (ret)
		return ret;
	if (proof_off >= SFF8472_PAGE_LEN) {
		KUNIT_FAIL(kunit_get_current_test(), "proof byte at %u",
			   proof_off);
		return -EINVAL;
	}
	*proof = r->mem[addr][proof_off];
	return 0;
}

/* A2h 110 or 118, one byte: a control byte (SONiC's writes). */
static bool ram_is_control(unsigned int a2_off, size_t len)
{
	return len == 1 && (a2_off == SFP_STATUS || a2_off == SFP_EXT_STATUS);
}

/* Within the A2h user EEPROM (Table 3.16). */
static bool ram_is_user(unsigned int a2_off, size_t len)
{
	return a2_off >= SFF8472_A2_USER_EEPROM &&
	       a2_off + len <= SFF8472_A2_USER_EEPROM_END + 1;
}

/*
 * What the driver may write: one control byte, changing only the control
 * bits the module advertises, or user EEPROM bytes within one of its pages.
 */
static bool ram_write_allowed(const struct ram *r, enum sff8472_addr addr,
			      unsigned int off, const u8 *buf, size_t len)
{
	unsigned int page = SFF8472_USER_EEPROM_PAGE;

	if (addr != SFF8472_A2 || !len)
		return false;
	if (ram_is_control(off, len))
		return !((buf[0] ^ r->mem[addr][off]) &
			 ~r->controls[off == SFP_EXT_STATUS]);
	return ram_is_user(off, len) && off / page == (off + len - 1) / page;
}

static int ram_write(struct sff8472_bus *bus, enum sff8472_addr addr,
		     unsigned int off, const u8 *buf, size_t len)
{
	struct ram *r = ram_of(bus);
	int ret;

	if (!ram_write_allowed(r, addr, off, buf, len)) {
		KUNIT_FAIL(kunit_get_current_test(),
			   "write of %zu bytes at %d:%u is not allowed", len,
			   addr, off);
		return -EINVAL;
	}
	ret = ram_call(r, addr, off, len);
	if (ret)
		return ret;
	r->writes++;
	memcpy(&r->mem[addr][off], buf, len);
	return 0;
}

static int ram_wait_write_cycle(struct sff8472_bus *bus)
{
	return ram_call(ram_of(bus), SFF8472_A2, SFF8472_A2_USER_EEPROM, 1);
}

/* What the outputs would show after a run of the state machine. */
static void ram_publish(struct sff8472_cage *data)
{
	struct ram *r = container_of(data, struct ram, cage);

	guard(mutex)(&data->cache.lock);
	r->publications++;
	r->shown_present = data->cache.present;
	r->shown_generation = data->cache.generation;
}

static void ram_sum(u8 *page, unsigned int first, unsigned int last)
{
	unsigned int i, sum = 0;

	for (i = first; i < last; i++)
		sum += page[i];
	page[last] = sum;
}

/*
 * A well-formed internally calibrated module (Tables 3.1, 3.15, 3.16) with
 * serial @sn and temperature high alarm @temp_high_alarm (so two modules
 * differ in A0h and A2h), which advertises soft TX_DISABLE only. Its live
 * values: 25.5 degC (1980h), 3.3000 V (80E8h = 33000 x 100 uV), 12 mA
 * (1770h = 6000 x 2 uA), TX 800 uW (1F40h x 0.1 uW), RX 400 uW (0FA0h).
 */
static void ram_module(struct ram *r, const char *sn, u16 temp_high_alarm)
{
	static const u8 thresholds[40] = {
		0x50, 0x00, 0xf6, 0x00, 0x4b, 0x00, 0xfb, 0x00,	/* degC */
		0x90, 0x88, 0x71, 0x48, 0x8c, 0xa0, 0x75, 0x30,	/* V */
		0x61, 0xa8, 0x01, 0xf4, 0x4e, 0x20, 0x03, 0xe8,	/* bias */
		0x3e, 0x80, 0x07, 0xd0, 0x3a, 0x98, 0x0b, 0xb8,	/* TX */
		0x4e, 0x20, 0x00, 0x64, 0x3a, 0x98, 0x00, 0xc8,	/* RX */
	};
	static const u8 live[] = {
		0x19, 0x80, 0x80, 0xe8, 0x17, 0x70, 0x1f, 0x40, 0x0f, 0xa0,
	};
	u8 *a0 = r->mem[SFF8472_A0], *a2 = r->mem[SFF8472_A2];

	memset(r->mem, 0, sizeof(r->mem));
	a0[SFP_PHYS_ID] = SFF8024_ID_SFP;
	a0[SFP_PHYS_EXT_ID] = SFP_PHYS_EXT_ID_SFP;
	a0[SFP_CONNECTOR] = SFF8024_CONNECTOR_LC;
	memcpy(&a0[SFP_VENDOR_NAME], "RAM FAKE        ", 16);
	memcpy(&a0[SFP_VENDOR_SN], sn, strlen(sn));
	a0[SFP_DIAGMON] = SFP_DIAGMON_DDM | SFP_DIAGMON_INT_CAL;
	a0[SFP_ENHOPTS] = SFP_ENHOPTS_SOFT_TX_DISABLE;
	a0[SFP_SFF8472_COMPLIANCE] = SFP_SFF8472_COMPLIANCE_REV11_0;
	ram_sum(a0, 0, SFP_CC_BASE);
	ram_sum(a0, SFP_CC_BASE + 1, SFP_CC_EXT);
	memcpy(a2, thresholds, sizeof(thresholds));
	a2[0] = temp_high_alarm >> 8;
	a2[1] = temp_high_alarm & 0xff;
	ram_sum(a2, 0, SFP_CHKSUM);
	memcpy(&a2[SFP_TEMP], live, sizeof(live));
	r->controls[0] = SFP_STATUS_TX_DISABLE_FORCE;
	r->controls[1] = 0;
	r->present = true;
}

static void ram_module_a(struct ram *r)
{
	ram_module(r, "RAM-A", 0x5000);	/* 80 degC */
}

static void ram_module_b(struct ram *r)
{
	ram_module(r, "RAM-B", 0x5500);	/* 85 degC */
}

static int ram_init(struct kunit *test)
{
	struct ram *r = kunit_kzalloc(test, sizeof(*r), GFP_KERNEL);
	struct sff8472_cage *data;

	KUNIT_ASSERT_NOT_NULL(test, r);
	data = &r->cage;
	data->dev = kunit_device_register(test, "sff8472-ram");
	KUNIT_ASSERT_NOT_ERR_OR_NULL(test, data->dev);
	r->client.dev.init_name = "sff8472-ram-client";
	data->bus.client = &r->client;
	data->bus.mode = SFF8472_BUS_I2C;
	data->bus.max_read = SFF8472_DEFAULT_CHUNK;
	data->bus.max_write = SFF8472_USER_EEPROM_PAGE;
	data->bus.saved_mode = SFF8472_BUS_SMBUS_BYTE;
	data->bus.saved_max_read = 1;
	data->cache.bus = &data->bus;
	mutex_init(&data->cache.lock);
	data->cache.update_interval = RAM_INTERVAL_MS;
	data->cache.write_max = SFF8472_USER_EEPROM_PAGE;
	kunit_activate_static_stub(test, sff8472_bus_read, ram_read);
	kunit_activate_static_stub(test, sff8472_bus_read_proven,
				   ram_read_proven);
	kunit_activate_static_stub(test, sff8472_bus_write, ram_write);
	kunit_activate_static_stub(test, sff8472_bus_wait_write_cycle,
				   ram_wait_write_cycle);
	kunit_activate_static_stub(test, sff8472_publish, ram_publish);
	test->priv = r;
	return 0;
}

/* The clock and the cache's entry points, under the cache lock. */
static void ram_pass(struct ram *r, unsigned int ms)
{
	guard(mutex)(&r->cage.cache.lock);
	r->cage.cache.skipped += msecs_to_jiffies(ms);
}

static int ram_load(struct ram *r)
{
	guard(mutex)(&r->cage.cache.lock);
	return sff8472_cache_load(&r->cage.cache);
}

static int ram_value(struct ram *r, enum sff8472_channel ch, long *val)
{
	guard(mutex)(&r->cage.cache.lock);
	return sff8472_cache_value(&r->cage.cache, ch, SFF8472_UNIT_HWMON, val);
}

static ssize_t ram_eeprom_read(struct ram *r, unsigned int off, u8 *buf,
			       size_t count, bool whole)
{
	guard(mutex)(&r->cage.cache.lock);
	return sff8472_cache_eeprom_read(&r->cage.cache, off, buf, count,
					 whole);
}

static ssize_t ram_eeprom_write(struct ram *r, unsigned int off,
				const u8 *buf, size_t count)
{
	guard(mutex)(&r->cage.cache.lock);
	return sff8472_cache_eeprom_write(&r->cage.cache, off, buf, count);
}

/* 0 while the cached module may be shown, else what its readers get. */
static int ram_module_err(struct ram *r)
{
	u8 byte;
	ssize_t ret = ram_eeprom_read(r, 0, &byte, 1, true);

	return ret < 0 ? ret : 0;
}

/* The five values of module A (ram_module()), in hwmon units. */
static void ram_expect_values(struct kunit *test, struct ram *r)
{
	static const long want[SFF8472_NUM_CHANNELS] = {
		[SFF8472_TEMP] = 25500,		/* m degC */
		[SFF8472_VCC] = 3300,		/* mV */
		[SFF8472_BIAS] = 12,		/* mA */
		[SFF8472_TX_POWER] = 800,	/* uW */
		[SFF8472_RX_POWER] = 400,	/* uW */
	};
	long val;
	int ch;

	for (ch = 0; ch < SFF8472_NUM_CHANNELS; ch++) {
		KUNIT_EXPECT_EQ_MSG(test, ram_value(r, ch, &val), 0,
				    "channel %d", ch);
		KUNIT_EXPECT_EQ_MSG(test, val, want[ch], "channel %d", ch);
	}
}

/*
 * An insertion reads A0h 0-95 and 96-255, A2h 0-95 and 120-255, and the
 * first snapshot with its proof: five bus calls, and the snapshot serves
 * every reader until update_interval has passed.
 */
static void ram_test_insertion(struct kunit *test)
{
	struct ram *r = test->priv;
	const struct sff8472_module *m;

	ram_module_a(r);
	KUNIT_ASSERT_EQ(test, ram_load(r), 0);
	KUNIT_EXPECT_EQ(test, r->calls, 5);
	KUNIT_EXPECT_EQ(test, r->cage.cache.generation, 1);
	m = &r->cage.cache.mod;
	KUNIT_EXPECT_TRUE(test, m->has_a2);
	KUNIT_EXPECT_TRUE(test, m->has_ddm);
	KUNIT_EXPECT_EQ(test, m->thr_valid, 0x1f);
	ram_expect_values(test, r);
	KUNIT_EXPECT_EQ(test, r->calls, 5);
}

/* The same bytes are the same module; other bytes are a new generation. */
static void ram_test_generation(struct kunit *test)
{
	struct ram *r = test->priv;

	ram_module_a(r);
	KUNIT_ASSERT_EQ(test, ram_load(r), 0);
	KUNIT_ASSERT_EQ(test, ram_load(r), 0);
	KUNIT_EXPECT_EQ(test, r->cage.cache.generation, 1);
	ram_module_b(r);
	KUNIT_ASSERT_EQ(test, ram_load(r), 0);
	KUNIT_EXPECT_EQ(test, r->cage.cache.generation, 2);
	ram_module_a(r);
	KUNIT_ASSERT_EQ(test, ram_load(r), 0);
	KUNIT_EXPECT_EQ(test, r->cage.cache.generation, 3);
}

/* Every sensor and the whole eeprom file, 100 times each. */
static void ram_read_everything(struct kunit *test, struct ram *r)
{
	u8 *buf = kunit_kmalloc(test, SFF8472_NVMEM_SIZE, GFP_KERNEL);
	long val;
	int i, ch;

	KUNIT_ASSERT_NOT_NULL(test, buf);
	for (i = 0; i < 100; i++) {
		for (ch = 0; ch < SFF8472_NUM_CHANNELS; ch++)
			ram_value(r, ch, &val);
		KUNIT_EXPECT_EQ(test, ram_eeprom_read(r, 0, buf,
						      SFF8472_NVMEM_SIZE, true),
				SFF8472_NVMEM_SIZE);
	}
}

/* However often anything is read: one snapshot per update_interval. */
static void ram_test_one_snapshot_per_interval(struct kunit *test)
{
	struct ram *r = test->priv;
	long val;

	ram_module_a(r);
	KUNIT_ASSERT_EQ(test, ram_load(r), 0);
	ram_read_everything(test, r);
	KUNIT_EXPECT_EQ(test, r->calls, 5);

	r->mem[SFF8472_A2][SFP_TEMP + 1] = 0xc0;	/* 19C0h: 25.75 degC */
	ram_pass(r, RAM_INTERVAL_MS / 2);
	ram_read_everything(test, r);
	KUNIT_EXPECT_EQ(test, r->calls, 5);
	KUNIT_EXPECT_EQ(test, ram_value(r, SFF8472_TEMP, &val), 0);
	KUNIT_EXPECT_EQ(test, val, 25500);

	ram_pass(r, RAM_INTERVAL_MS / 2);
	ram_read_everything(test, r);
	KUNIT_EXPECT_EQ(test, r->calls, 6);
	KUNIT_EXPECT_EQ(test, ram_value(r, SFF8472_TEMP, &val), 0);
	KUNIT_EXPECT_EQ(test, val, 25750);
}

/*
 * A failed snapshot is an error for every reader until it expires, never
 * the old values; the eeprom file gives what the image holds before A2h 96
 * and makes the hot-plug machine look.
 */
static void ram_test_failed_snapshot(struct kunit *test)
{
	struct ram *r = test->priv;
	u8 buf[SFF8472_NVMEM_SIZE];
	long val;
	int ch;

	ram_module_a(r);
	KUNIT_ASSERT_EQ(test, ram_load(r), 0);
	ram_pass(r, RAM_INTERVAL_MS);
	r->nacks = 1;
	for (ch = 0; ch < SFF8472_NUM_CHANNELS; ch++)
		KUNIT_EXPECT_EQ(test, ram_value(r, ch, &val), -EIO);
	KUNIT_EXPECT_EQ(test, ram_eeprom_read(r, 0, buf, sizeof(buf), true),
			-EIO);
	KUNIT_EXPECT_EQ(test, ram_eeprom_read(r, 0, buf, sizeof(buf), false),
			RAM_A2(SFF8472_LIVE_START));
	KUNIT_EXPECT_EQ(test, r->calls, 6);
	KUNIT_EXPECT_TRUE(test, r->cage.cache.verify_wanted);
	KUNIT_EXPECT_FALSE(test, r->cage.cache.doubted);

	ram_pass(r, RAM_INTERVAL_MS);
	ram_expect_values(test, r);
	KUNIT_EXPECT_EQ(test, r->calls, 7);
}

/*
 * A snapshot whose CC_DMI is another module's puts the cached module in
 * doubt: no byte or value of it is shown, and nothing is written to the
 * module in the cage, until the hot-plug machine has looked.
 */
static void ram_test_other_module_in_doubt(struct kunit *test)
{
	struct ram *r = test->priv;
	u8 buf[SFF8472_NVMEM_SIZE] = { };
	unsigned int calls;
	long val;

	ram_module_a(r);
	r->cage.cache.user_eeprom_writable = true;
	KUNIT_ASSERT_EQ(test, ram_load(r), 0);
	ram_module_b(r);
	ram_pass(r, RAM_INTERVAL_MS);
	KUNIT_EXPECT_EQ(test, ram_value(r, SFF8472_TEMP, &val), -EIO);
	KUNIT_EXPECT_TRUE(test, r->cage.cache.doubted);
	calls = r->calls;

	KUNIT_EXPECT_EQ(test, ram_module_err(r), -EIO);
	KUNIT_EXPECT_EQ(test, ram_eeprom_read(r, 0, buf, sizeof(buf), false),
			-EIO);
	KUNIT_EXPECT_EQ(test, ram_eeprom_write(r, RAM_A2(SFF8472_A2_USER_EEPROM),
					       buf, SFF8472_USER_EEPROM_PAGE),
			-EIO);
	KUNIT_EXPECT_EQ(test, ram_eeprom_write(r, RAM_A2(SFP_STATUS), buf, 1),
			-EIO);
	ram_pass(r, RAM_INTERVAL_MS);
	KUNIT_EXPECT_EQ(test, ram_value(r, SFF8472_TEMP, &val), -EIO);
	KUNIT_EXPECT_EQ(test, r->calls, calls);
	KUNIT_EXPECT_EQ(test, r->writes, 0);
}

/* What a write of @count bytes at @off of the eeprom view must return. */
static ssize_t ram_write_result(struct ram *r, unsigned int off,
				unsigned int count, u8 fill)
{
	bool a2 = off >= RAM_A2(0);

	if (a2 && ram_is_control(off - RAM_A2(0), count))
		/* All ones sets controls the module does not have. */
		return fill ? -EOPNOTSUPP : 1;
	if (a2 && ram_is_user(off - RAM_A2(0), count) &&
	    r->cage.cache.user_eeprom_writable)
		return count;
	return -EPERM;
}

/*
 * Every write through the eeprom view, at every offset and of every length,
 * with the user EEPROM opted in or not and with bytes of all ones and all
 * zeros: the fake fails the test on any write outside what the driver may
 * write, and a refused write must cost no bus call at all. A mismatch is
 * reported once, with the first place it was seen.
 */
static void ram_sweep_writes(struct kunit *test, struct ram *r, u8 fill)
{
	unsigned int off, count, wrong = 0, costly = 0, pages = 0;
	unsigned int page = SFF8472_USER_EEPROM_PAGE, writes = r->writes;
	u8 *user = &r->mem[SFF8472_A2][SFF8472_A2_USER_EEPROM];
	size_t user_len = SFF8472_A2_USER_EEPROM_END + 1 -
			  SFF8472_A2_USER_EEPROM;
	u8 user_fill = r->cage.cache.user_eeprom_writable ? fill : 0;
	u8 buf[SFF8472_NVMEM_SIZE];

	memset(buf, fill, sizeof(buf));
	for (off = 0; off < SFF8472_NVMEM_SIZE; off++) {
		for (count = 1; off + count <= SFF8472_NVMEM_SIZE; count++) {
			ssize_t want = ram_write_result(r, off, count, fill);
			unsigned int calls = r->calls;
			ssize_t ret = ram_eeprom_write(r, off, buf, count);

			if (ret != want && !wrong++)
				KUNIT_FAIL(test, "%u+%u: %zd, not %zd", off,
					   count, ret, want);
			if (want < 0 && r->calls != calls && !costly++)
				KUNIT_FAIL(test, "%u+%u refused after %u calls",
					   off, count, r->calls - calls);
			/* The user EEPROM takes one write per page. */
			if (want > 0 && !ram_is_control(off - RAM_A2(0), count))
				pages += (off + count - 1) / page - off / page + 1;
		}
	}
	KUNIT_EXPECT_EQ(test, wrong, 0);
	KUNIT_EXPECT_EQ(test, costly, 0);
	/* The control bit is clear already: a control byte of 0 writes none. */
	KUNIT_EXPECT_EQ(test, r->writes - writes, pages);
	KUNIT_EXPECT_TRUE(test, !memchr_inv(user, user_fill, user_len));
	KUNIT_EXPECT_TRUE(test, !memchr_inv(&r->cage.cache.mod.a2
					    [SFF8472_A2_USER_EEPROM],
					    user_fill, user_len));
}

static void ram_test_write_range(struct kunit *test)
{
	struct ram *r = test->priv;
	int writable;

	for (writable = 0; writable < 2; writable++) {
		ram_module_a(r);
		r->cage.cache.user_eeprom_writable = writable;
		KUNIT_ASSERT_EQ(test, ram_load(r), 0);
		ram_sweep_writes(test, r, 0xff);
		ram_sweep_writes(test, r, 0x00);
	}
}

/*
 * SONiC's TX disable: it writes the whole of A2h 110 back. The driver sets
 * the control bit in the byte the module holds now, so its status bits
 * stay; a control the module does not advertise is refused off the bus.
 */
static void ram_test_control_byte(struct kunit *test)
{
	struct ram *r = test->priv;
	u8 *status = &r->mem[SFF8472_A2][SFP_STATUS];
	u8 byte = SFP_STATUS_TX_DISABLE_FORCE;
	unsigned int calls;

	ram_module_a(r);
	KUNIT_ASSERT_EQ(test, ram_load(r), 0);
	*status = SFP_STATUS_TX_FAULT | SFP_STATUS_RX_LOS;
	KUNIT_EXPECT_EQ(test, ram_eeprom_write(r, RAM_A2(SFP_STATUS), &byte,
					       1), 1);
	KUNIT_EXPECT_EQ(test, *status, SFP_STATUS_TX_DISABLE_FORCE |
			SFP_STATUS_TX_FAULT | SFP_STATUS_RX_LOS);
	KUNIT_EXPECT_EQ(test, r->writes, 1);

	calls = r->calls;
	byte = SFP_STATUS_RS0_SELECT;
	KUNIT_EXPECT_EQ(test, ram_eeprom_write(r, RAM_A2(SFP_STATUS), &byte,
					       1), -EOPNOTSUPP);
	KUNIT_EXPECT_EQ(test, r->calls, calls);
}

/*
 * A module whose A2h does not answer (asked twice) is shown by identity
 * only, proven by its CC_EXT read again.
 */
static void ram_test_no_a2(struct kunit *test)
{
	struct ram *r = test->priv;
	u8 buf[SFF8472_NVMEM_SIZE];
	long val;

	ram_module_a(r);
	r->a2_absent = true;
	KUNIT_ASSERT_EQ(test, ram_load(r), 0);
	KUNIT_EXPECT_EQ(test, r->calls, 5);
	KUNIT_EXPECT_FALSE(test, r->cage.cache.mod.has_a2);
	KUNIT_EXPECT_FALSE(test, r->cage.cache.mod.has_ddm);
	KUNIT_EXPECT_EQ(test, ram_value(r, SFF8472_TEMP, &val), -ENODATA);
	KUNIT_EXPECT_EQ(test, ram_eeprom_read(r, 0, buf, sizeof(buf), false),
			SFF8472_PAGE_LEN);
	KUNIT_EXPECT_EQ(test, ram_eeprom_read(r, RAM_A2(0), buf, 1, false),
			-ENXIO);
	KUNIT_EXPECT_EQ(test, r->calls, 5);
}

/* Hot-plug without MOD_DEF0, run by the test in place of its work item. */
static void ram_hp_init(struct kunit *test, struct ram *r)
{
	KUNIT_ASSERT_EQ(test, sff8472_hp_init(&r->cage, NULL, RAM_POLL_MS), 0);
	/* The fake answers in this thread only: no work item may run. */
	r->cage.cache.watch = NULL;
}

static long ram_run(struct ram *r, unsigned long kicks)
{
	set_mask_bits(&r->cage.hp.kicks, 0, kicks);
	return sff8472_hp_run_once(&r->cage);
}

/*
 * A run, and the delay it asks for: @ms from its actions, counted from a
 * clock read after them (the real jiffies may have moved in between).
 */
static void ram_expect_run(struct kunit *test, struct ram *r,
			   unsigned long kicks, unsigned int ms)
{
	u64 start = get_jiffies_64();
	long delay = ram_run(r, kicks);
	long late = get_jiffies_64() - start;

	KUNIT_EXPECT_LE(test, delay, (long)msecs_to_jiffies(ms));
	KUNIT_EXPECT_GE(test, delay, (long)msecs_to_jiffies(ms) - late);
}

/* The first look finds the module, publishes it, and waits for the next. */
static void ram_test_hp_first_look(struct kunit *test)
{
	struct ram *r = test->priv;

	ram_hp_init(test, r);
	ram_module_a(r);
	ram_expect_run(test, r, SFF8472_KICK_POLL, RAM_POLL_MS);
	KUNIT_EXPECT_EQ(test, r->cage.hp.state, SFF8472_HP_PRESENT);
	KUNIT_EXPECT_EQ(test, r->publications, 1);
	KUNIT_EXPECT_TRUE(test, r->shown_present);
	KUNIT_EXPECT_EQ(test, r->shown_generation, 1);
	ram_expect_values(test, r);
}

/* An empty cage: one look at A0h, nothing to show. */
static void ram_test_hp_empty(struct kunit *test)
{
	struct ram *r = test->priv;

	ram_hp_init(test, r);
	ram_expect_run(test, r, SFF8472_KICK_POLL, RAM_POLL_MS);
	KUNIT_EXPECT_EQ(test, r->cage.hp.state, SFF8472_HP_EMPTY);
	KUNIT_EXPECT_EQ(test, r->calls, 1);
	KUNIT_EXPECT_EQ(test, r->publications, 1);
	KUNIT_EXPECT_FALSE(test, r->shown_present);
	KUNIT_EXPECT_EQ(test, ram_module_err(r), -ENODEV);
}

/*
 * Without MOD_DEF0, a module is gone after three failed full comparisons,
 * 50 and 100 ms apart; meanwhile it is in doubt, shown to nobody.
 */
static void ram_test_hp_removal(struct kunit *test)
{
	struct ram *r = test->priv;

	ram_hp_init(test, r);
	ram_module_a(r);
	ram_run(r, SFF8472_KICK_POLL);
	r->present = false;
	ram_pass(r, RAM_POLL_MS);
	ram_expect_run(test, r, 0, 50);
	KUNIT_EXPECT_EQ(test, r->cage.hp.state, SFF8472_HP_MISSING);
	KUNIT_EXPECT_EQ(test, ram_module_err(r), -EIO);
	KUNIT_EXPECT_TRUE(test, r->shown_present);

	ram_pass(r, 50);
	ram_expect_run(test, r, 0, 100);
	KUNIT_EXPECT_EQ(test, r->cage.hp.state, SFF8472_HP_MISSING);
	ram_pass(r, 100);
	ram_run(r, 0);
	KUNIT_EXPECT_EQ(test, r->cage.hp.state, SFF8472_HP_EMPTY);
	KUNIT_EXPECT_FALSE(test, r->shown_present);
	KUNIT_EXPECT_EQ(test, ram_module_err(r), -ENODEV);
	/* A0h check codes, then three verifications of A0h 0-95. */
	KUNIT_EXPECT_EQ(test, r->calls, 5 + 1 + 3);
}

/* A swap between two looks is found by one: a new generation is shown. */
static void ram_test_hp_swap(struct kunit *test)
{
	struct ram *r = test->priv;

	ram_hp_init(test, r);
	ram_module_a(r);
	ram_run(r, SFF8472_KICK_POLL);
	ram_module_b(r);
	ram_pass(r, RAM_POLL_MS);
	ram_run(r, 0);
	KUNIT_EXPECT_EQ(test, r->cage.hp.state, SFF8472_HP_PRESENT);
	KUNIT_EXPECT_EQ(test, r->publications, 2);
	KUNIT_EXPECT_EQ(test, r->shown_generation, 2);
	KUNIT_EXPECT_EQ(test, r->cage.cache.mod.a2[0], 0x55);
}

/* One NACK is no removal: the full comparison finds the same module. */
static void ram_test_hp_transient_nack(struct kunit *test)
{
	struct ram *r = test->priv;

	ram_hp_init(test, r);
	ram_module_a(r);
	ram_run(r, SFF8472_KICK_POLL);
	r->nacks = 1;
	ram_pass(r, RAM_POLL_MS);
	ram_run(r, 0);
	KUNIT_EXPECT_EQ(test, r->cage.hp.state, SFF8472_HP_PRESENT);
	KUNIT_EXPECT_EQ(test, r->shown_generation, 1);
	KUNIT_EXPECT_FALSE(test, r->cage.cache.doubted);
	/* The failed look, then A0h 0-95 and A2h 0-95. */
	KUNIT_EXPECT_EQ(test, r->calls, 5 + 1 + 2);
}

/*
 * The periodic look costs one bus call (the two A0h check codes); one in
 * every 300 s of them is the full comparison (A0h and A2h 0-95).
 */
static void ram_test_hp_poll_cost(struct kunit *test)
{
	unsigned int looks = 300000 / RAM_POLL_MS, i;
	struct ram *r = test->priv;

	ram_hp_init(test, r);
	ram_module_a(r);
	ram_run(r, SFF8472_KICK_POLL);
	for (i = 1; i <= 2 * looks; i++) {
		ram_pass(r, RAM_POLL_MS);
		ram_run(r, 0);
		if (i == looks - 1)
			KUNIT_EXPECT_EQ(test, r->calls, 5 + i);
	}
	KUNIT_EXPECT_EQ(test, r->cage.hp.state, SFF8472_HP_PRESENT);
	KUNIT_EXPECT_EQ(test, r->calls, 5 + 2 * (looks - 1) + 2 * 2);
	KUNIT_EXPECT_EQ(test, r->publications, 1 + 2 * looks);
	KUNIT_EXPECT_EQ(test, r->shown_generation, 1);
}

static struct kunit_case sff8472_cache_test_cases[] = {
	KUNIT_CASE(ram_test_insertion),
	KUNIT_CASE(ram_test_generation),
	KUNIT_CASE(ram_test_one_snapshot_per_interval),
	KUNIT_CASE(ram_test_failed_snapshot),
	KUNIT_CASE(ram_test_other_module_in_doubt),
	KUNIT_CASE(ram_test_write_range),
	KUNIT_CASE(ram_test_control_byte),
	KUNIT_CASE(ram_test_no_a2),
	KUNIT_CASE(ram_test_hp_first_look),
	KUNIT_CASE(ram_test_hp_empty),
	KUNIT_CASE(ram_test_hp_removal),
	KUNIT_CASE(ram_test_hp_swap),
	KUNIT_CASE(ram_test_hp_transient_nack),
	KUNIT_CASE(ram_test_hp_poll_cost),
	{ }
};

/* The fake answers only in the test's thread: no work item may be left. */
static void ram_exit(struct kunit *test)
{
	struct ram *r = test->priv;

	KUNIT_EXPECT_FALSE(test, delayed_work_pending(&r->cage.hp.work));
}

static struct kunit_suite sff8472_cache_test_suite = {
	.name = "sff8472_cache",
	.init = ram_init,
	.exit = ram_exit,
	.test_cases = sff8472_cache_test_cases,
};

kunit_test_suite(sff8472_cache_test_suite);

MODULE_DESCRIPTION("KUnit tests for the SFF-8472 cache and hot-plug logic");
MODULE_LICENSE("GPL");
MODULE_IMPORT_NS("EXPORTED_FOR_KUNIT_TESTING");
