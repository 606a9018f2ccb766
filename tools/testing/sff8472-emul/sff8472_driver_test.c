// SPDX-License-Identifier: GPL-2.0-only
/*
 * KUnit tests for the sff8472 driver running against the emulator.
 *
 * Expected values are worked out by hand from SFF-8472 rev 11.0 (section
 * "Diagnostics", Tables 3.15-3.18a) and the profile constants documented in
 * sff8472_emul.c; the driver's own decode functions are never used to
 * compute an expectation.
 *
 * hwmon units: m°C, mV, mA, µW; results are rounded half away from zero.
 */

#include <dt-bindings/gpio/gpio.h>
#include <kunit/device.h>
#include <kunit/resource.h>
#include <kunit/test.h>
#include <linux/delay.h>
#include <linux/gpio/driver.h>
#include <linux/gpio/property.h>
#include <linux/hwmon.h>
#include <linux/i2c.h>
#include <linux/kernel.h>
#include <linux/kernfs.h>
#include <linux/kmsg_dump.h>
#include <linux/ktime.h>
#include <linux/nvmem-consumer.h>
#include <linux/property.h>
#include <linux/slab.h>
#include <linux/string.h>
#include <linux/workqueue.h>

#include "sff8472_compat.h"
#include "sff8472.h"
#include "sff8472_emul.h"

MODULE_IMPORT_NS("EXPORTED_FOR_KUNIT_TESTING");

/*
 * Long enough that the background presence poll never runs in a test:
 * every test starts with it (drv_test_init()).
 */
#define QUIET_POLL_MS	3600000

static const struct property_entry drv_no_props[] = {
	{ }
};

/* A segment where the address change sequence (general calls) is fine. */
static const struct property_entry drv_gc_props[] = {
	PROPERTY_ENTRY_BOOL("sff,allow-address-change"),
	{ }
};

struct drv_bus {
	const char *name;
	enum sff8472_emul_mode mode;
	unsigned int max_len;
	/*
	 * Transactions for one snapshot: A2h 96-119, then CC_DMI (A2h 95) as
	 * proof that the module answered to the end. I2C: one transfer of
	 * four messages (two with 16-byte chunks: 96-111, then 112-119 with
	 * the proof). SMBus block: one block read and one byte read. Word:
	 * 12 words and the byte. Byte: A2h 96-109 as seven MSB-LSB-MSB
	 * triples (21), 110-119 (10) and the byte: 32.
	 */
	unsigned int snapshot_xfers;
	/*
	 * Insertion: A0h 0-95 and 96-255, A2h 0-95 and 120-255 (136 bytes),
	 * then the first snapshot. 32-byte chunks: 3 + 5 + 3 + 5 = 16, plus
	 * the snapshot; 16-byte chunks: 6 + 10 + 6 + 9 = 31; words: 48 + 80 +
	 * 48 + 68 = 244; bytes: 96 + 160 + 96 + 136 = 488.
	 */
	unsigned int insert_xfers;
	bool atomic16;
};

static const struct drv_bus drv_buses[] = {
	{ "i2c", SFF8472_EMUL_I2C, 0, 1, 16 + 1, true },
	{ "i2c-16", SFF8472_EMUL_I2C, 16, 2, 31 + 2, true },
	{ "smbus-block", SFF8472_EMUL_SMBUS_BLOCK, 0, 2, 16 + 2, true },
	{ "smbus-word", SFF8472_EMUL_SMBUS_WORD, 0, 13, 244 + 13, true },
	{ "smbus-byte", SFF8472_EMUL_SMBUS_BYTE, 0, 32, 488 + 32, false },
};

static void drv_bus_desc(const struct drv_bus *bus, char *desc)
{
	strscpy(desc, bus->name, KUNIT_PARAM_DESC_SIZE);
}

KUNIT_ARRAY_PARAM(drv_bus, drv_buses, drv_bus_desc);

/* Modes that can read a 16-bit field in one transaction. */
static const struct drv_bus *drv_atomic_buses[] = {
	&drv_buses[0], &drv_buses[1], &drv_buses[2], &drv_buses[3],
};

static void drv_atomic_desc(const struct drv_bus **bus, char *desc)
{
	strscpy(desc, (*bus)->name, KUNIT_PARAM_DESC_SIZE);
}

KUNIT_ARRAY_PARAM(drv_atomic, drv_atomic_buses, drv_atomic_desc);

struct drv {
	struct sff8472_emul *emul;
	struct i2c_client *client;
	struct device *dev;
	struct sff8472_cage *data;
	struct nvmem_device *nvmem;
};

KUNIT_DEFINE_ACTION_WRAPPER(drv_unregister_client, i2c_unregister_device,
			    struct i2c_client *);
KUNIT_DEFINE_ACTION_WRAPPER(drv_put_device, put_device, struct device *);

/* The cage's driver data, or NULL when the driver did not bind. */
static struct sff8472_cage *drv_data(struct device *dev)
{
	return dev->driver ? dev_get_drvdata(dev) : NULL;
}

static struct device *drv_hwmon_of(struct device *dev)
{
	struct sff8472_cage *data = drv_data(dev);

	return data ? data->hwmon : NULL;
}

/* Run the hot-plug machine now, as a periodic look would, and wait. */
static void drv_kick(struct device *dev, unsigned long why)
{
	struct sff8472_cage *data = drv_data(dev);

	sff8472_hp_kick(data, why);
	flush_delayed_work(&data->hp.work);
}

static void drv_poll(struct device *dev)
{
	drv_kick(dev, SFF8472_KICK_POLL);
}

/* What the MOD_DEF0 IRQ does, then wait for the run it queued. */
static void drv_edge(struct device *dev)
{
	drv_kick(dev, SFF8472_KICK_EDGE);
}

static enum sff8472_hp_state drv_state(struct sff8472_cage *data)
{
	enum sff8472_hp_state state;

	mutex_lock(&data->cache.lock);
	state = data->hp.state;
	mutex_unlock(&data->cache.lock);
	return state;
}

/*
 * @ms pass for the module and the driver, without waiting: both clocks move
 * ahead a jiffy at a time, and the hot-plug machine runs after each step if
 * its work is queued (as it would have run by itself when due).
 */
static void drv_pass(struct drv *d, unsigned int ms)
{
	unsigned long left = msecs_to_jiffies(ms);

	for (; left; left--) {
		mutex_lock(&d->data->cache.lock);
		d->data->cache.skipped++;
		mutex_unlock(&d->data->cache.lock);
		sff8472_emul_skip(d->emul, jiffies_to_msecs(1));
		flush_delayed_work(&d->data->hp.work);
	}
}

/*
 * Let time pass (at most 2 s) until the machine waits for nothing but the
 * next look: a removal without MOD_DEF0 takes a few failed looks with
 * back-off.
 */
static void drv_settle(struct kunit *test, struct drv *d)
{
	enum sff8472_hp_state state;
	int i;

	for (i = 0; i < 100; i++) {
		flush_delayed_work(&d->data->hp.work);
		state = drv_state(d->data);
		if (state == SFF8472_HP_EMPTY || state == SFF8472_HP_PRESENT)
			return;
		drv_pass(d, 20);
	}
	KUNIT_FAIL(test, "hot-plug still in %s", sff8472_hp_state_name(state));
}

/*
 * Kernel log lines of device @name that contain @text; with @last, also the
 * index of the last of them among all lines (-1 when none).
 */
static int drv_log_scan(struct kunit *test, const char *name,
			const char *text, int *last)
{
	struct kmsg_dump_iter iter = { };
	size_t len, size = 1024;
	char *line = kunit_kzalloc(test, size, GFP_KERNEL);
	int n = 0, i;

	KUNIT_ASSERT_NOT_NULL(test, line);
	if (last)
		*last = -1;
	kmsg_dump_rewind(&iter);
	for (i = 0; kmsg_dump_get_line(&iter, false, line, size - 1, &len); i++) {
		line[len] = '\0';
		if (!strstr(line, name) || !strstr(line, text))
			continue;
		n++;
		if (last)
			*last = i;
	}
	return n;
}

static int drv_log_count_of(struct kunit *test, const char *name,
			    const char *text)
{
	return drv_log_scan(test, name, text, NULL);
}

static int drv_log_count(struct kunit *test, struct device *dev,
			 const char *text)
{
	return drv_log_count_of(test, dev_name(dev), text);
}

/* A read(2) of the cage's eeprom file at @off. */
static ssize_t drv_eeprom_read(struct drv *d, loff_t off, u8 *buf,
			       size_t count)
{
	const struct attribute_group *grp = sff8472_groups[0];

	/* Not through a local: the attribute is const only since 6.17. */
	return grp->bin_attrs[0]->read(NULL, &d->dev->kobj, grp->bin_attrs[0],
				       buf, off, count);
}

/* The sysfs attribute @name of the driver's files, or NULL. */
static struct device_attribute *drv_find_attr(const char *name)
{
	struct attribute **a;

	for (a = sff8472_groups[0]->attrs; *a; a++)
		if (!strcmp((*a)->name, name))
			return container_of(*a, struct device_attribute, attr);
	return NULL;
}

static ssize_t drv_attr_show(struct device *dev, const char *name, char *buf)
{
	struct device_attribute *attr = drv_find_attr(name);

	return attr ? attr->show(dev, attr, buf) : -ENOENT;
}

static ssize_t drv_attr_store(struct device *dev, const char *name,
			      const char *buf, size_t count)
{
	struct device_attribute *attr = drv_find_attr(name);

	if (!attr)
		return -ENOENT;
	return attr->store ? attr->store(dev, attr, buf, count) : -EACCES;
}

static int drv_attr_mode(const char *name)
{
	struct device_attribute *attr = drv_find_attr(name);

	return attr ? attr->attr.mode : -ENOENT;
}

/* A reference on the current hwmon device, which the driver may drop. */
static struct device *drv_hold_hwmon(struct kunit *test, struct device *dev)
{
	struct device *hwmon = drv_hwmon_of(dev);
	int ret;

	KUNIT_ASSERT_NOT_NULL(test, hwmon);
	get_device(hwmon);
	ret = kunit_add_action_or_reset(test, drv_put_device, hwmon);
	KUNIT_ASSERT_EQ(test, 0, ret);
	return hwmon;
}

KUNIT_DEFINE_ACTION_WRAPPER(drv_put_nvmem, nvmem_device_put,
			    struct nvmem_device *);

static int drv_nvmem_of(struct device *dev, const void *cage)
{
	return dev->parent == cage;
}

/* The bound cage's driver data and nvmem device (the driver keeps none). */
static void drv_found(struct kunit *test, struct drv *d)
{
	int ret;

	d->data = drv_data(d->dev);
	if (!d->data)
		return;
	d->nvmem = nvmem_device_find(d->dev, drv_nvmem_of);
	KUNIT_ASSERT_NOT_ERR_OR_NULL(test, d->nvmem);
	ret = kunit_add_action_or_reset(test, drv_put_nvmem, d->nvmem);
	KUNIT_ASSERT_EQ(test, 0, ret);
}

/* Create the 0x50 client of @emul; removed automatically at test end. */
static void drv_new_client(struct kunit *test, struct drv *d,
			   const struct property_entry *props)
{
	struct software_node *node;
	struct i2c_board_info info = { I2C_BOARD_INFO("sff8472", 0x50) };
	int ret;

	node = kunit_kzalloc(test, sizeof(*node), GFP_KERNEL);
	KUNIT_ASSERT_NOT_NULL(test, node);
	node->properties = props;
	info.swnode = node;

	d->client = i2c_new_client_device(sff8472_emul_adapter(d->emul), &info);
	KUNIT_ASSERT_NOT_ERR_OR_NULL(test, d->client);
	ret = kunit_add_action_or_reset(test, drv_unregister_client, d->client);
	KUNIT_ASSERT_EQ(test, 0, ret);
	d->dev = &d->client->dev;
	drv_found(test, d);
}

/* Bind the driver to 0x50 of @emul; unbound automatically at test end. */
static void drv_bind(struct kunit *test, struct drv *d,
		     const struct property_entry *props)
{
	drv_new_client(test, d, props);
	KUNIT_ASSERT_NOT_NULL_MSG(test, d->data, "driver did not bind");
}

/* Insert a built-in profile (a hot-plug if a module was there). */
static void drv_load(struct kunit *test, struct drv *d, const char *profile)
{
	KUNIT_ASSERT_EQ(test, 0, sff8472_emul_load_profile(d->emul, profile));
}

static void drv_load_image(struct kunit *test, struct drv *d, const u8 *img)
{
	int ret = sff8472_emul_load_image(d->emul, img,
					  SFF8472_EMUL_IMAGE_FULL);

	KUNIT_ASSERT_EQ(test, 0, ret);
}

/* A copy of a built-in profile's 512-byte image, to modify. */
static u8 *drv_profile_image(struct kunit *test, const char *profile)
{
	u8 *img = kunit_kzalloc(test, SFF8472_EMUL_IMAGE_FULL, GFP_KERNEL);
	int size;

	KUNIT_ASSERT_NOT_NULL(test, img);
	size = sff8472_emul_profile_image(profile, img,
					  SFF8472_EMUL_IMAGE_FULL);
	KUNIT_ASSERT_EQ(test, SFF8472_EMUL_IMAGE_FULL, size);
	return img;
}

static void drv_setup(struct kunit *test, struct drv *d,
		      const struct drv_bus *bus, const char *profile,
		      const struct property_entry *props)
{
	d->emul = sff8472_emul_kunit_create(test, bus->mode, bus->max_len);
	drv_load(test, d, profile);
	drv_bind(test, d, props);
}

static struct device *drv_hwmon(struct drv *d)
{
	return drv_hwmon_of(d->dev);
}

static int drv_visible(struct drv *d, enum hwmon_sensor_types type, u32 attr,
		       int channel)
{
	return sff8472_hwmon_is_visible(dev_get_drvdata(drv_hwmon(d)), type,
					attr, channel);
}

static int drv_read(struct drv *d, enum hwmon_sensor_types type, u32 attr,
		    int channel, long *val)
{
	struct device *hwmon = drv_hwmon(d);

	if (!hwmon)
		return -ENODEV;
	return sff8472_hwmon_read(hwmon, type, attr, channel, val);
}

static long drv_read_ok(struct kunit *test, struct drv *d,
			enum hwmon_sensor_types type, u32 attr, int channel)
{
	long val = LONG_MIN;

	KUNIT_EXPECT_EQ_MSG(test, 0, drv_read(d, type, attr, channel, &val),
			    "type %d attr %u channel %d", type, attr, channel);
	return val;
}

/* The attribute is shown (0444) and reads @want. */
static void drv_expect_shown(struct kunit *test, struct drv *d,
			     enum hwmon_sensor_types type, u32 attr,
			     int channel, long want)
{
	KUNIT_EXPECT_EQ_MSG(test, 0444, drv_visible(d, type, attr, channel),
			    "type %d attr %u channel %d", type, attr, channel);
	KUNIT_EXPECT_EQ(test, want, drv_read_ok(test, d, type, attr, channel));
}

static void drv_set_interval(struct kunit *test, struct drv *d, long ms)
{
	struct device *hwmon = drv_hwmon(d);

	KUNIT_ASSERT_NOT_NULL(test, hwmon);
	KUNIT_ASSERT_EQ(test, 0, sff8472_hwmon_write(hwmon, hwmon_chip,
						     hwmon_chip_update_interval,
						     0, ms));
}

/* The next live read goes to the bus (the snapshot has expired). */
static void drv_expire(struct drv *d)
{
	mutex_lock(&d->data->cache.lock);
	sff8472_cache_drop_live(&d->data->cache);
	mutex_unlock(&d->data->cache.lock);
}

/* Every later live read goes to the bus (update_interval 0). */
static void drv_no_cache(struct kunit *test, struct drv *d)
{
	drv_set_interval(test, d, 0);
}

static const char *drv_label(struct kunit *test, struct drv *d,
			     enum hwmon_sensor_types type, u32 attr,
			     int channel)
{
	const char *str = NULL;
	int ret;

	ret = sff8472_hwmon_read_string(drv_hwmon(d), type, attr, channel,
					&str);
	KUNIT_EXPECT_EQ(test, 0, ret);
	return str;
}

static char *drv_show(struct kunit *test, struct drv *d, const char *name,
		      ssize_t *ret)
{
	char *buf = kunit_kzalloc(test, PAGE_SIZE, GFP_KERNEL);

	KUNIT_ASSERT_NOT_NULL(test, buf);
	*ret = drv_attr_show(d->dev, name, buf);
	return buf;
}

static void drv_expect_show(struct kunit *test, struct drv *d,
			    const char *name, const char *expected)
{
	ssize_t ret;
	char *buf = drv_show(test, d, name, &ret);

	KUNIT_EXPECT_GT_MSG(test, ret, 0, "%s", name);
	KUNIT_EXPECT_STREQ_MSG(test, buf, expected, "%s", name);
}

static void drv_expect_show_err(struct kunit *test, struct drv *d,
				const char *name, int err)
{
	ssize_t ret;

	drv_show(test, d, name, &ret);
	KUNIT_EXPECT_EQ_MSG(test, ret, (ssize_t)err, "%s", name);
}

static ssize_t drv_store(struct drv *d, const char *name, const char *val)
{
	return drv_attr_store(d->dev, name, val, strlen(val));
}

static void drv_stats(struct drv *d, struct sff8472_emul_stats *st)
{
	sff8472_emul_get_stats(d->emul, st);
}

/* hwmon attributes in the order a `sensors` run reads them. */
static const u32 drv_attrs[][10] = {
	[hwmon_temp] = { hwmon_temp_input, hwmon_temp_label, hwmon_temp_lcrit,
			 hwmon_temp_min, hwmon_temp_max, hwmon_temp_crit,
			 hwmon_temp_lcrit_alarm, hwmon_temp_min_alarm,
			 hwmon_temp_max_alarm, hwmon_temp_crit_alarm },
	[hwmon_in] = { hwmon_in_input, hwmon_in_label, hwmon_in_lcrit,
		       hwmon_in_min, hwmon_in_max, hwmon_in_crit,
		       hwmon_in_lcrit_alarm, hwmon_in_min_alarm,
		       hwmon_in_max_alarm, hwmon_in_crit_alarm },
	[hwmon_curr] = { hwmon_curr_input, hwmon_curr_label, hwmon_curr_lcrit,
			 hwmon_curr_min, hwmon_curr_max, hwmon_curr_crit,
			 hwmon_curr_lcrit_alarm, hwmon_curr_min_alarm,
			 hwmon_curr_max_alarm, hwmon_curr_crit_alarm },
	[hwmon_power] = { hwmon_power_input, hwmon_power_label,
			  hwmon_power_lcrit, hwmon_power_min, hwmon_power_max,
			  hwmon_power_crit, hwmon_power_lcrit_alarm,
			  hwmon_power_min_alarm, hwmon_power_max_alarm,
			  hwmon_power_crit_alarm },
};

enum {
	COL_INPUT, COL_LABEL, COL_LCRIT, COL_MIN, COL_MAX, COL_CRIT,
	COL_LCRIT_ALARM, COL_MIN_ALARM, COL_MAX_ALARM, COL_CRIT_ALARM
};

struct drv_chan {
	enum hwmon_sensor_types type;
	int channel;
	const char *label;
};

static const struct drv_chan drv_chans[] = {
	{ hwmon_temp, 0, "temperature" },
	{ hwmon_in, 0, "VCC" },
	{ hwmon_curr, 0, "bias" },
	{ hwmon_power, 0, "TX_power" },
	{ hwmon_power, 1, "RX_power" },
};

/* Expected input and _lcrit, _min, _max, _crit per channel. */
struct drv_expect {
	long input[5];
	long limit[5][4];
};

static void drv_expect_channels(struct kunit *test, struct drv *d,
				const struct drv_expect *e)
{
	int i, l;

	for (i = 0; i < ARRAY_SIZE(drv_chans); i++) {
		const struct drv_chan *c = &drv_chans[i];
		const u32 *a = drv_attrs[c->type];

		KUNIT_EXPECT_EQ_MSG(test, e->input[i],
				    drv_read_ok(test, d, c->type, a[COL_INPUT],
						c->channel), "%s", c->label);
		for (l = 0; l < 4; l++)
			KUNIT_EXPECT_EQ_MSG(test, e->limit[i][l],
					    drv_read_ok(test, d, c->type,
							a[COL_LCRIT + l],
							c->channel),
					    "%s limit %d", c->label, l);
	}
}

/*
 * "internal": A/D values are in the spec's units.
 *   T 0x2260 = 8800/256 = 34.375 °C; thresholds 0x4e00 78, 0xf300 -13,
 *     0x4900 73, 0xf800 -8 °C.
 *   V 0x8121 = 33057 x 100 µV = 3305.7 -> 3306 mV; 0x9088 37000, 0x7148
 *     29000, 0x8ca0 36000, 0x7530 30000 -> 3700/2900/3600/3000 mV.
 *   I 0x0dac = 3500 x 2 µA = 7 mA; 0x19c8 6600 -> 13.2 -> 13, 0x07d0
 *     2000 -> 4, 0x189c 6300 -> 12.6 -> 13, 0x09c4 2500 -> 5 mA.
 *   TX 0x15f7 = 5623 x 0.1 µW = 562.3 -> 562 µW; 0x312d 12589 -> 1259,
 *     0x02e5 741 -> 74, 0x1f07 7943 -> 794, 0x0746 1862 -> 186 µW.
 *   RX 0x0c5a = 3162 -> 316 µW; 0x312d -> 1259, 0x0064 100 -> 10,
 *     0x1f07 -> 794, 0x009e 158 -> 15.8 -> 16 µW.
 */
static const struct drv_expect drv_internal = {
	.input = { 34375, 3306, 7, 562, 316 },
	.limit = {
		{ -13000, -8000, 73000, 78000 },
		{ 2900, 3000, 3600, 3700 },
		{ 4, 5, 13, 13 },
		{ 74, 186, 794, 1259 },
		{ 10, 16, 794, 1259 },
	},
};

/*
 * "external": T 0x5a00: 0.5 x 23040 - 2560 = 8960/256 = 35.0 °C;
 * V 0x79b1: 1.0625 x 31153 - 100 = 33000.06 -> 3300 mV (33000 x 100 µV);
 * I 0x0b40: 1.25 x 2880 - 100 = 3500 x 2 µA = 7 mA; TX 0x0d62: 0.9375 x
 * 3426 - 50 = 3161.875 -> 316 µW; RX x = 3000: -3 + 2625 + 68.665 -
 * 3.143 + 0.072 = 2687.59 -> 269 µW. Thresholds:
 *   T 50 / -20 / 45 / -5 °C; V 3.6 / 3.0 / 3.5 / 3.1 V (e.g. 0x84b8:
 *   1.0625 x 33976 - 100 = 35999.5 -> 3599.95 -> 3600 mV);
 *   I 15 / 2 / 12 / 3 mA; TX 1000 / 112.19 / 794.31 / 141.34 µW.
 *   RX: P(x) = -3 + 0.875 x + 2^-17 x^2 - 2^-33 x^3 + 2^-50 x^4 (0.1 µW):
 *     x=4000: -3 + 3500 + 122.070 - 7.451 + 0.227 = 3611.85 -> 361 µW
 *     x=20:   -3 + 17.5 + 0.003 = 14.50 -> 1 µW
 *     x=3500: -3 + 3062.5 + 93.460 - 4.991 + 0.133 = 3148.10 -> 315 µW
 *     x=40:   -3 + 35 + 0.012 = 32.01 -> 3 µW
 */
static const struct drv_expect drv_external = {
	.input = { 35000, 3300, 7, 316, 269 },
	.limit = {
		{ -20000, -5000, 45000, 50000 },
		{ 3000, 3100, 3500, 3600 },
		{ 2, 3, 12, 15 },
		{ 112, 141, 794, 1000 },
		{ 1, 3, 315, 361 },
	},
};

/*
 * "addr-change": T 0x1d80 = 7552/256 = 29.5 °C; V 0x80e8 = 33000 -> 3300
 * mV; I 0x0bb8 = 3000 -> 6 mA; TX 0x0f8a = 3978 -> 397.8 -> 398 µW; RX
 * 0x09c4 = 2500 -> 250 µW. Thresholds: T 0x5500 85, 0xf600 -10, 0x5000
 * 80, 0xfb00 -5 °C; V 36000/30000/35000/31000 -> 3600/3000/3500/3100 mV;
 * I 0x2710 10000 -> 20, 0x0064 100 -> 0.2 -> 0, 0x2328 9000 -> 18,
 * 0x00c8 200 -> 0.4 -> 0 mA; TX 0x1f07 -> 794, 0x0621 1569 -> 157,
 * 0x18a6 6310 -> 631, 0x07b5 1973 -> 197 µW; RX 0x2710 -> 1000, 0x0028
 * 40 -> 4, 0x1f07 -> 794, 0x0032 50 -> 5 µW.
 */
static const struct drv_expect drv_addr_change = {
	.input = { 29500, 3300, 6, 398, 250 },
	.limit = {
		{ -10000, -5000, 80000, 85000 },
		{ 3000, 3100, 3500, 3600 },
		{ 0, 0, 18, 20 },
		{ 157, 197, 631, 794 },
		{ 4, 5, 794, 1000 },
	},
};

/* Every adapter mode decodes the internal profile the same. */
static void drv_test_modes_internal(struct kunit *test)
{
	const struct drv_bus *bus = test->param_value;
	struct sff8472_emul_stats st;
	struct drv d = {};
	int i;

	drv_setup(test, &d, bus, SFF8472_EMUL_PROFILE_INTERNAL,
		  drv_no_props);
	KUNIT_ASSERT_NOT_NULL(test, drv_hwmon(&d));
	drv_expect_channels(test, &d, &drv_internal);

	for (i = 0; i < ARRAY_SIZE(drv_chans); i++) {
		const struct drv_chan *c = &drv_chans[i];

		KUNIT_EXPECT_STREQ(test, c->label,
				   drv_label(test, &d, c->type,
					     drv_attrs[c->type][COL_LABEL],
					     c->channel));
	}

	/* Full resolution: the raw values of the internal profile. */
	drv_expect_show(test, &d, "vcc_100uv", "33057\n");
	drv_expect_show(test, &d, "bias_ua", "7000\n");
	drv_expect_show(test, &d, "tx_power_100nw", "5623\n");
	drv_expect_show(test, &d, "rx_power_100nw", "3162\n");

	/*
	 * Nothing was NACKed since the module was inserted: in particular no
	 * general call (only address-change modules ACK one) went out.
	 */
	drv_poll(d.dev);
	drv_stats(&d, &st);
	KUNIT_EXPECT_EQ(test, st.nacks, 0ULL);
}

/* External calibration in every mode, RX polynomial included. */
static void drv_test_modes_external(struct kunit *test)
{
	const struct drv_bus *bus = test->param_value;
	struct drv d = {};

	drv_setup(test, &d, bus, SFF8472_EMUL_PROFILE_EXTERNAL,
		  drv_no_props);
	KUNIT_ASSERT_NOT_NULL(test, drv_hwmon(&d));
	drv_expect_channels(test, &d, &drv_external);
	/* 33000.06 x 100 µV; 3500 x 2 µA; 3161.875 and 2687.59 x 0.1 µW. */
	drv_expect_show(test, &d, "vcc_100uv", "33000\n");
	drv_expect_show(test, &d, "bias_ua", "7000\n");
	drv_expect_show(test, &d, "tx_power_100nw", "3162\n");
	drv_expect_show(test, &d, "rx_power_100nw", "2688\n");
	drv_expect_show(test, &d, "calibration", "external\n");
	drv_expect_show(test, &d, "rx_power_type", "average\n");
}

/* The address-change module: values, and A0h readable again after A2h. */
static void drv_test_modes_addr_change(struct kunit *test)
{
	const struct drv_bus *bus = test->param_value;
	struct drv d = {};

	drv_setup(test, &d, bus, SFF8472_EMUL_PROFILE_ADDR_CHANGE,
		  drv_gc_props);
	KUNIT_ASSERT_NOT_NULL(test, drv_hwmon(&d));
	drv_expect_channels(test, &d, &drv_addr_change);
	drv_expect_show(test, &d, "vendor_pn", "EMU-1G-SX-AC\n");

	/* The poll reads A0h after the live read went to A2h. */
	drv_poll(d.dev);
	drv_expect_show(test, &d, "present", "1\n");
	drv_no_cache(test, &d);
	KUNIT_EXPECT_EQ(test, 29500L, drv_read_ok(test, &d, hwmon_temp,
						  hwmon_temp_input, 0));
}

/*
 * A `sensors` run (every hwmon attribute once) costs one snapshot; labels
 * and thresholds cost nothing; a second run within update_interval costs
 * nothing either.
 */
static void drv_read_all(struct kunit *test, struct drv *d, bool inputs)
{
	long val;
	int i, col;

	drv_read_ok(test, d, hwmon_chip, hwmon_chip_update_interval, 0);
	for (i = 0; i < ARRAY_SIZE(drv_chans); i++) {
		const struct drv_chan *c = &drv_chans[i];
		const u32 *a = drv_attrs[c->type];

		for (col = 0; col < 10; col++) {
			bool live = col == COL_INPUT || col >= COL_LCRIT_ALARM;

			if (col == COL_LABEL) {
				drv_label(test, d, c->type, a[col], c->channel);
				continue;
			}
			if (live && !inputs)
				continue;
			KUNIT_EXPECT_EQ(test, 0, drv_read(d, c->type, a[col],
							  c->channel, &val));
		}
	}
}

static void drv_test_transaction_budget(struct kunit *test)
{
	const struct drv_bus *bus = test->param_value;
	struct sff8472_emul_stats st;
	struct drv d = {};

	d.emul = sff8472_emul_kunit_create(test, bus->mode, bus->max_len);
	drv_load(test, &d, SFF8472_EMUL_PROFILE_INTERNAL);
	sff8472_emul_reset_stats(d.emul);
	drv_bind(test, &d, drv_no_props);
	KUNIT_ASSERT_NOT_NULL(test, drv_hwmon(&d));
	drv_stats(&d, &st);
	kunit_info(test, "%s: insertion %llu transactions, %llu bytes read, %llu us bus time\n",
		   bus->name, st.transactions, st.bytes_read,
		   st.bus_time_ns / 1000);
	KUNIT_EXPECT_EQ(test, st.transactions, (u64)bus->insert_xfers);
	KUNIT_EXPECT_EQ(test, st.nacks, 0ULL);

	/* The first snapshot is the insertion's; let it expire. */
	drv_expire(&d);

	sff8472_emul_reset_stats(d.emul);
	drv_read_all(test, &d, false);
	drv_stats(&d, &st);
	KUNIT_EXPECT_EQ_MSG(test, st.transactions, 0ULL,
			    "labels and thresholds must not touch the bus");

	drv_read_all(test, &d, true);
	drv_stats(&d, &st);
	kunit_info(test, "%s: full read %llu transactions, %llu bytes read, %llu written, %llu us bus time\n",
		   bus->name, st.transactions, st.bytes_read, st.bytes_written,
		   st.bus_time_ns / 1000);
	KUNIT_EXPECT_EQ(test, st.transactions, (u64)bus->snapshot_xfers);
	if (bus->atomic16)
		KUNIT_EXPECT_EQ(test, st.torn_reads, 0ULL);

	sff8472_emul_reset_stats(d.emul);
	drv_read_all(test, &d, true);
	drv_stats(&d, &st);
	KUNIT_EXPECT_EQ(test, st.transactions, 0ULL);
}

/* The max_transfer_size parameter limits the chunk on an unlimited I2C adapter. */
static void drv_test_max_transfer_param(struct kunit *test)
{
	struct sff8472_emul_stats st;
	struct drv d = {}, d1 = {}, d64 = {};
	u8 buf[160];

	/* 16: A2h 95-109 and 110-119, as with the adapter quirk. */
	sff8472_params.max_transfer_size = 16;
	drv_setup(test, &d, &drv_buses[0], SFF8472_EMUL_PROFILE_INTERNAL,
		  drv_no_props);
	drv_expire(&d);
	sff8472_emul_reset_stats(d.emul);
	drv_read_all(test, &d, true);
	drv_stats(&d, &st);
	KUNIT_EXPECT_EQ(test, st.transactions, 2ULL);
	KUNIT_EXPECT_EQ(test, st.bytes_read, 25ULL);

	/* 1: no 16-bit field fits, so the byte ladder step is used. */
	sff8472_params.max_transfer_size = 1;
	drv_setup(test, &d1, &drv_buses[0], SFF8472_EMUL_PROFILE_INTERNAL,
		  drv_no_props);
	drv_expire(&d1);
	sff8472_emul_reset_stats(d1.emul);
	drv_read_all(test, &d1, true);
	drv_stats(&d1, &st);
	KUNIT_EXPECT_EQ(test, st.transactions, 32ULL);
	drv_expect_channels(test, &d1, &drv_internal);

	/*
	 * 64 (above the default 32), at insertion: A0h 0-95 in 64 + 32, A0h
	 * 96-255 in 64 + 64 + 32, A2h 0-95 in 64 + 32, A2h 120-255 in 64 +
	 * 64 + 8, the snapshot with its proof in one: 11 transactions, 256 +
	 * 96 + 136 + 24 + 1 bytes. The EEPROM file then costs nothing.
	 */
	d64.emul = sff8472_emul_kunit_create(test, SFF8472_EMUL_I2C, 0);
	drv_load(test, &d64, SFF8472_EMUL_PROFILE_INTERNAL);
	sff8472_emul_reset_stats(d64.emul);
	sff8472_params.max_transfer_size = 64;
	drv_bind(test, &d64, drv_no_props);
	drv_stats(&d64, &st);
	KUNIT_EXPECT_EQ(test, st.transactions, 11ULL);
	KUNIT_EXPECT_EQ(test, st.bytes_read, 513ULL);
	sff8472_emul_reset_stats(d64.emul);
	KUNIT_EXPECT_EQ(test, (int)sizeof(buf),
			nvmem_device_read(d64.nvmem, 96, sizeof(buf),
					  buf));
	drv_stats(&d64, &st);
	KUNIT_EXPECT_EQ(test, st.transactions, 0ULL);
}

/*
 * VCC drifts by @step LSB on every transaction, from 0x2000 (8192) to
 * 8192 + 1000 x @step, so every genuine value is 8192 + k x @step. A torn
 * value (MSB of one sample with the LSB of another) is off by a multiple
 * of 256, which is not a multiple of 7 or 37, so it falls off that grid.
 * Internal calibration: vcc_100uv is the raw value.
 */
#define DRIFT_MIN	8192
#define DRIFT_STEPS	1000

static void drv_drift_reads(struct kunit *test, struct drv *d, int step,
			    int reads)
{
	char *buf = kunit_kzalloc(test, PAGE_SIZE, GFP_KERNEL);
	int i, bad = 0, ok = 0;
	long v, lo = LONG_MAX, hi = LONG_MIN;

	KUNIT_ASSERT_NOT_NULL(test, buf);
	for (i = 0; i < reads; i++) {
		if (drv_attr_show(d->dev, "vcc_100uv", buf) < 0 ||
		    kstrtol(strim(buf), 10, &v))
			continue;
		ok++;
		lo = min(lo, v);
		hi = max(hi, v);
		if (v < DRIFT_MIN || v > DRIFT_MIN + step * DRIFT_STEPS ||
		    (v - DRIFT_MIN) % step)
			bad++;
	}
	kunit_info(test, "%d of %d reads valid, values %ld..%ld\n", ok,
		   reads, lo, hi);
	KUNIT_EXPECT_EQ_MSG(test, bad, 0, "torn values reached userspace");
	KUNIT_EXPECT_GT(test, ok, reads / 2);
}

static void drv_start_drift(struct kunit *test, struct drv *d, int step)
{
	int ret;

	ret = sff8472_emul_set_live(d->emul, SFF8472_VCC, DRIFT_MIN);
	KUNIT_ASSERT_EQ(test, 0, ret);
	ret = sff8472_emul_set_drift(d->emul, SFF8472_VCC, step, DRIFT_MIN,
				     DRIFT_MIN + step * DRIFT_STEPS);
	KUNIT_ASSERT_EQ(test, 0, ret);
	sff8472_emul_set_update_rate(d->emul, 1, 0);
}

static void drv_test_no_torn_reads(struct kunit *test)
{
	const struct drv_bus *bus = *(const struct drv_bus **)test->param_value;
	struct sff8472_emul_stats st;
	struct drv d = {};

	drv_setup(test, &d, bus, SFF8472_EMUL_PROFILE_INTERNAL,
		  drv_no_props);
	drv_no_cache(test, &d);
	drv_start_drift(test, &d, 37);
	sff8472_emul_reset_stats(d.emul);
	drv_drift_reads(test, &d, 37, 300);
	drv_stats(&d, &st);
	KUNIT_EXPECT_EQ(test, st.torn_reads, 0ULL);
}

/* Byte mode: torn bytes happen on the bus, MSB-LSB-MSB keeps them out. */
static void drv_test_byte_mode_retry(struct kunit *test)
{
	struct sff8472_emul_stats st;
	struct drv d = {};

	drv_setup(test, &d, &drv_buses[4], SFF8472_EMUL_PROFILE_INTERNAL,
		  drv_no_props);
	drv_no_cache(test, &d);
	drv_start_drift(test, &d, 37);
	sff8472_emul_reset_stats(d.emul);
	drv_drift_reads(test, &d, 37, 1000);
	drv_stats(&d, &st);
	kunit_info(test, "byte mode: %llu torn byte pairs on the bus, none reported\n",
		   st.torn_reads);
	KUNIT_EXPECT_GT(test, st.torn_reads, 0ULL);
}

static void drv_test_copper(struct kunit *test)
{
	struct drv d = {};

	drv_setup(test, &d, &drv_buses[0], SFF8472_EMUL_PROFILE_COPPER,
		  drv_no_props);
	KUNIT_EXPECT_NULL(test, drv_hwmon(&d));
	drv_expect_show(test, &d, "present", "1\n");
	drv_expect_show(test, &d, "vendor_name", "EMUL CABLES\n");
	drv_expect_show(test, &d, "vendor_pn", "EMU-DAC-3M\n");
	drv_expect_show(test, &d, "vendor_oui", "02:00:00\n");
	drv_expect_show(test, &d, "date_code", "2021-09-01\n");
	drv_expect_show(test, &d, "identifier", "0x03\n");
	drv_expect_show(test, &d, "connector", "0x21\n");
	drv_expect_show(test, &d, "nominal_bitrate", "10300\n");
	drv_expect_show(test, &d, "cc_base_ok", "1\n");
	drv_expect_show(test, &d, "cc_ext_ok", "1\n");
	drv_expect_show(test, &d, "calibration", "none\n");
	drv_expect_show_err(test, &d, "wavelength", -ENODATA);
	drv_expect_show_err(test, &d, "cc_dmi_ok", -ENODATA);
	drv_expect_show_err(test, &d, "rx_power_type", -ENODATA);
	drv_expect_show_err(test, &d, "bias_ua", -ENODATA);
	drv_expect_show_err(test, &d, "data_ready", -ENODATA);
	KUNIT_EXPECT_EQ(test, -EOPNOTSUPP,
			drv_store(&d, "soft_tx_disable", "1"));
}

static void drv_test_empty_cage(struct kunit *test)
{
	static const char * const files[] = {
		"vendor_name", "vendor_sn", "date_code", "wavelength",
		"cc_base_ok", "calibration", "data_ready", "rx_los",
		"soft_tx_disable", "vcc_100uv",
	};
	struct drv d = {};
	u8 buf[16];
	int i;

	drv_setup(test, &d, &drv_buses[0], SFF8472_EMUL_PROFILE_EMPTY,
		  drv_no_props);
	KUNIT_EXPECT_NULL(test, drv_hwmon(&d));
	drv_expect_show(test, &d, "present", "0\n");
	for (i = 0; i < ARRAY_SIZE(files); i++)
		drv_expect_show_err(test, &d, files[i], -ENODEV);
	KUNIT_EXPECT_EQ(test, -ENODEV, drv_store(&d, "soft_tx_disable", "1"));
	KUNIT_EXPECT_EQ(test, -ENODEV,
			nvmem_device_read(d.nvmem, 0, sizeof(buf), buf));

	/* Insertion is found by the next poll. */
	drv_load(test, &d, SFF8472_EMUL_PROFILE_INTERNAL);
	drv_poll(d.dev);
	drv_expect_show(test, &d, "present", "1\n");
	KUNIT_ASSERT_NOT_NULL(test, drv_hwmon(&d));
	KUNIT_EXPECT_EQ(test, 34375L, drv_read_ok(test, &d, hwmon_temp,
						  hwmon_temp_input, 0));
}

static void drv_test_identity(struct kunit *test)
{
	struct drv d = {};
	int mode;

	drv_setup(test, &d, &drv_buses[0], SFF8472_EMUL_PROFILE_INTERNAL,
		  drv_no_props);
	drv_expect_show(test, &d, "vendor_name", "EMUL OPTICS\n");
	drv_expect_show(test, &d, "vendor_oui", "02:00:00\n");
	drv_expect_show(test, &d, "vendor_pn", "EMU-10G-SR\n");
	drv_expect_show(test, &d, "vendor_rev", "A\n");
	drv_expect_show(test, &d, "vendor_sn", "EMU10SR0001\n");
	drv_expect_show(test, &d, "date_code", "2023-04-15\n");
	drv_expect_show(test, &d, "identifier", "0x03\n");
	drv_expect_show(test, &d, "connector", "0x07\n");
	drv_expect_show(test, &d, "wavelength", "850\n");
	/* byte 12 = 0x67 = 103 x 100 MBd */
	drv_expect_show(test, &d, "nominal_bitrate", "10300\n");
	drv_expect_show(test, &d, "compliance_revision", "0x03\n");
	drv_expect_show(test, &d, "cc_base_ok", "1\n");
	drv_expect_show(test, &d, "cc_ext_ok", "1\n");
	drv_expect_show(test, &d, "cc_dmi_ok", "1\n");
	drv_expect_show(test, &d, "calibration", "internal\n");
	drv_expect_show(test, &d, "rx_power_type", "average\n");
	drv_expect_show(test, &d, "present", "1\n");
	drv_expect_show(test, &d, "data_ready", "1\n");
	mode = drv_attr_mode("vendor_name");
	KUNIT_EXPECT_EQ(test, 0444, mode);
	mode = drv_attr_mode("soft_tx_disable");
	KUNIT_EXPECT_EQ(test, 0644, mode);
	mode = drv_attr_mode("power_level");
	KUNIT_EXPECT_EQ(test, 0644, mode);
}

/* Swaps between differently calibrated modules, with and without a poll. */
static void drv_test_hot_swap(struct kunit *test)
{
	struct drv d = {};
	struct device *first;
	long val;
	int ret;

	drv_setup(test, &d, &drv_buses[0], SFF8472_EMUL_PROFILE_INTERNAL,
		  drv_no_props);
	drv_no_cache(test, &d);
	first = drv_hold_hwmon(test, d.dev);
	KUNIT_EXPECT_EQ(test, 34375L, drv_read_ok(test, &d, hwmon_temp,
						  hwmon_temp_input, 0));

	/*
	 * Swap before the poll: the next live read sees another CC_DMI and
	 * must fail rather than decode 0x5a00 with internal calibration
	 * (which would read 90 °C instead of 35 °C).
	 */
	drv_load(test, &d, SFF8472_EMUL_PROFILE_EXTERNAL);
	ret = sff8472_hwmon_read(first, hwmon_temp, hwmon_temp_input, 0, &val);
	KUNIT_EXPECT_EQ(test, -EIO, ret);
	drv_poll(d.dev);
	KUNIT_ASSERT_NOT_NULL(test, drv_hwmon(&d));
	drv_expect_channels(test, &d, &drv_external);
	drv_expect_show(test, &d, "vendor_sn", "EMU1GLX0002\n");
	drv_expect_show(test, &d, "calibration", "external\n");

	/* Swap back, found by the poll (serial number differs). */
	drv_load(test, &d, SFF8472_EMUL_PROFILE_INTERNAL);
	drv_poll(d.dev);
	drv_no_cache(test, &d);
	drv_expect_channels(test, &d, &drv_internal);
	drv_expect_show(test, &d, "calibration", "internal\n");

	/* To a module without diagnostics: the hwmon device goes away. */
	drv_load(test, &d, SFF8472_EMUL_PROFILE_COPPER);
	drv_poll(d.dev);
	KUNIT_EXPECT_NULL(test, drv_hwmon(&d));
	drv_expect_show(test, &d, "vendor_pn", "EMU-DAC-3M\n");
}

/*
 * A module swapped while the system slept: no IRQ, no poll, no read since.
 * Resume alone must bring the new module's identity and calibration.
 */
static void drv_test_resume_rechecks(struct kunit *test)
{
	const struct dev_pm_ops *pm;
	struct drv d = {};

	drv_setup(test, &d, &drv_buses[0], SFF8472_EMUL_PROFILE_INTERNAL,
		  drv_no_props);
	drv_load(test, &d, SFF8472_EMUL_PROFILE_EXTERNAL);

	pm = d.dev->driver->pm;
	KUNIT_ASSERT_NOT_NULL(test, pm);
	KUNIT_ASSERT_NOT_NULL(test, pm->resume);
	KUNIT_EXPECT_EQ(test, 0, pm->resume(d.dev));
	flush_delayed_work(&d.data->hp.work);

	drv_expect_show(test, &d, "vendor_sn", "EMU1GLX0002\n");
	drv_expect_show(test, &d, "calibration", "external\n");
	drv_no_cache(test, &d);
	drv_expect_channels(test, &d, &drv_external);
}

/* Removal: no stale value, neither before nor after the poll notices. */
static void drv_test_removal(struct kunit *test)
{
	struct drv d = {};
	struct device *hwmon;
	long val;
	int ret;

	drv_setup(test, &d, &drv_buses[0], SFF8472_EMUL_PROFILE_INTERNAL,
		  drv_no_props);
	drv_no_cache(test, &d);
	hwmon = drv_hold_hwmon(test, d.dev);
	sff8472_emul_remove(d.emul);
	/* The read fails; the presence check it queues finds the removal. */
	ret = sff8472_hwmon_read(hwmon, hwmon_temp, hwmon_temp_input, 0, &val);
	KUNIT_EXPECT_EQ(test, -EIO, ret);
	drv_settle(test, &d);
	ret = sff8472_hwmon_read(hwmon, hwmon_temp, hwmon_temp_input, 0, &val);
	KUNIT_EXPECT_EQ(test, -ENODEV, ret);
	/* Thresholds are cached, but belong to a module that is gone. */
	ret = sff8472_hwmon_read(hwmon, hwmon_temp, hwmon_temp_max, 0, &val);
	KUNIT_EXPECT_EQ(test, -ENODEV, ret);
	drv_expect_show_err(test, &d, "vendor_sn", -ENODEV);

	KUNIT_EXPECT_NULL(test, drv_hwmon(&d));
	drv_expect_show(test, &d, "present", "0\n");

	/* Re-insertion: identity and calibration are read again. */
	KUNIT_ASSERT_EQ(test, 0, sff8472_emul_insert(d.emul));
	drv_poll(d.dev);
	KUNIT_ASSERT_NOT_NULL(test, drv_hwmon(&d));
	KUNIT_EXPECT_EQ(test, 34375L, drv_read_ok(test, &d, hwmon_temp,
						  hwmon_temp_input, 0));
}

static void drv_test_data_ready(struct kunit *test)
{
	struct drv d = {};
	long val;

	d.emul = sff8472_emul_kunit_create(test, SFF8472_EMUL_I2C, 0);
	sff8472_emul_set_data_ready_delay(d.emul, 100000);
	drv_load(test, &d, SFF8472_EMUL_PROFILE_INTERNAL);
	drv_bind(test, &d, drv_no_props);
	KUNIT_ASSERT_NOT_NULL(test, drv_hwmon(&d));
	drv_no_cache(test, &d);

	KUNIT_EXPECT_EQ(test, -ENODATA, drv_read(&d, hwmon_temp,
						 hwmon_temp_input, 0, &val));
	KUNIT_EXPECT_EQ(test, -ENODATA, drv_read(&d, hwmon_power,
						 hwmon_power_crit_alarm, 1,
						 &val));
	drv_expect_show(test, &d, "data_ready", "0\n");
	drv_expect_show_err(test, &d, "rx_power_100nw", -ENODATA);
	/* Thresholds do not depend on the A/D. */
	KUNIT_EXPECT_EQ(test, 78000L, drv_read_ok(test, &d, hwmon_temp,
						  hwmon_temp_crit, 0));

	sff8472_emul_set_data_ready_delay(d.emul, 0);
	KUNIT_EXPECT_EQ(test, 34375L, drv_read_ok(test, &d, hwmon_temp,
						  hwmon_temp_input, 0));
	drv_expect_show(test, &d, "data_ready", "1\n");
}

/* Module flags (A0h 93 bit 7 set): temp 74 °C is above 73 warn, below 78. */
static void drv_test_alarm_flags(struct kunit *test)
{
	struct drv d = {};

	drv_setup(test, &d, &drv_buses[0], SFF8472_EMUL_PROFILE_INTERNAL,
		  drv_no_props);
	drv_no_cache(test, &d);
	KUNIT_ASSERT_EQ(test, 0, sff8472_emul_set_live(d.emul, SFF8472_TEMP,
						       0x4a00));
	KUNIT_EXPECT_EQ(test, 1L, drv_read_ok(test, &d, hwmon_temp,
					      hwmon_temp_max_alarm, 0));
	KUNIT_EXPECT_EQ(test, 0L, drv_read_ok(test, &d, hwmon_temp,
					      hwmon_temp_crit_alarm, 0));
	KUNIT_EXPECT_EQ(test, 0L, drv_read_ok(test, &d, hwmon_temp,
					      hwmon_temp_min_alarm, 0));
	/* RX 0x0050 = 8 µW: below the 10 µW low alarm and 15.8 µW warning. */
	KUNIT_ASSERT_EQ(test, 0, sff8472_emul_set_live(d.emul,
						       SFF8472_RX_POWER, 0x50));
	KUNIT_EXPECT_EQ(test, 1L, drv_read_ok(test, &d, hwmon_power,
					      hwmon_power_lcrit_alarm, 1));
	KUNIT_EXPECT_EQ(test, 1L, drv_read_ok(test, &d, hwmon_power,
					      hwmon_power_min_alarm, 1));
	KUNIT_EXPECT_EQ(test, 0L, drv_read_ok(test, &d, hwmon_power,
					      hwmon_power_lcrit_alarm, 0));
}

/* Sum of bytes 64-94, the CC_EXT rule of SFF-8472 (Table 3.1). */
static u8 drv_cc_ext(const u8 *a0)
{
	u8 sum = 0;
	int i;

	for (i = 64; i < 95; i++)
		sum += a0[i];
	return sum;
}

/*
 * Without module flags there are no alarm attributes: hwmon drivers do not
 * compare readings with limits. The limits stay, for userspace to compare.
 */
static void drv_test_alarm_without_flags(struct kunit *test)
{
	struct drv d = {};
	u8 *img = drv_profile_image(test, SFF8472_EMUL_PROFILE_INTERNAL);
	long val;
	int i, col;

	img[93] &= ~0x80;		/* no alarm/warning flags */
	img[95] = drv_cc_ext(img);
	/* 74 °C: above the 73 °C warning, below the 78 °C alarm. */
	img[256 + 96] = 0x4a;
	img[256 + 97] = 0x00;
	/* RX 0x0050 = 8 µW, below 10 µW alarm and 15.8 µW warning. */
	img[256 + 104] = 0x00;
	img[256 + 105] = 0x50;

	d.emul = sff8472_emul_kunit_create(test, SFF8472_EMUL_I2C, 0);
	drv_load_image(test, &d, img);
	drv_bind(test, &d, drv_no_props);
	KUNIT_ASSERT_NOT_NULL(test, drv_hwmon(&d));
	drv_expect_show(test, &d, "cc_ext_ok", "1\n");

	for (i = 0; i < ARRAY_SIZE(drv_chans); i++) {
		const struct drv_chan *c = &drv_chans[i];

		for (col = COL_LCRIT_ALARM; col <= COL_CRIT_ALARM; col++) {
			u32 attr = drv_attrs[c->type][col];

			KUNIT_EXPECT_EQ(test, 0, drv_visible(&d, c->type, attr,
							     c->channel));
			KUNIT_EXPECT_EQ(test, -EOPNOTSUPP,
					drv_read(&d, c->type, attr, c->channel,
						 &val));
		}
	}
	drv_expect_shown(test, &d, hwmon_temp, hwmon_temp_max, 0, 73000);
	KUNIT_EXPECT_EQ(test, 74000L, drv_read_ok(test, &d, hwmon_temp,
						  hwmon_temp_input, 0));
	drv_expect_shown(test, &d, hwmon_power, hwmon_power_lcrit, 1, 10);
	KUNIT_EXPECT_EQ(test, 8L, drv_read_ok(test, &d, hwmon_power,
					      hwmon_power_input, 1));
}

/* Wrong check codes: shown, logged, decoded anyway. */
static void drv_test_bad_checksum(struct kunit *test)
{
	struct drv d = {};
	u8 *img = drv_profile_image(test, SFF8472_EMUL_PROFILE_INTERNAL);

	img[63] ^= 0x5a;		/* CC_BASE */
	img[256 + 95] ^= 0x01;		/* CC_DMI */

	d.emul = sff8472_emul_kunit_create(test, SFF8472_EMUL_I2C, 0);
	drv_load_image(test, &d, img);
	drv_bind(test, &d, drv_no_props);
	drv_expect_show(test, &d, "cc_base_ok", "0\n");
	drv_expect_show(test, &d, "cc_ext_ok", "1\n");
	drv_expect_show(test, &d, "cc_dmi_ok", "0\n");
	drv_expect_show(test, &d, "vendor_pn", "EMU-10G-SR\n");
	KUNIT_ASSERT_NOT_NULL(test, drv_hwmon(&d));
	KUNIT_EXPECT_EQ(test, 34375L, drv_read_ok(test, &d, hwmon_temp,
						  hwmon_temp_input, 0));
}

/*
 * A NACK on a live read fails that read with -EIO and costs one NACKed
 * transaction, no retry loop. The presence check it queues finds the same
 * module.
 */
static void drv_test_nack(struct kunit *test)
{
	struct sff8472_emul_stats st;
	struct drv d = {};
	ktime_t start;
	long val;

	drv_setup(test, &d, &drv_buses[0], SFF8472_EMUL_PROFILE_INTERNAL,
		  drv_no_props);
	drv_no_cache(test, &d);
	sff8472_emul_reset_stats(d.emul);
	sff8472_emul_nack_next(d.emul, 1);
	start = ktime_get();
	KUNIT_EXPECT_EQ(test, -EIO, drv_read(&d, hwmon_temp,
					     hwmon_temp_input, 0, &val));
	KUNIT_EXPECT_LT(test, ktime_ms_delta(ktime_get(), start), 100LL);

	/* The module is still there: the next poll reads it again. */
	drv_poll(d.dev);
	drv_stats(&d, &st);
	KUNIT_EXPECT_EQ(test, st.nacks, 1ULL);
	drv_expect_show(test, &d, "present", "1\n");
	drv_no_cache(test, &d);
	KUNIT_EXPECT_EQ(test, 34375L, drv_read_ok(test, &d, hwmon_temp,
						  hwmon_temp_input, 0));
}

/* Pulled out in the middle of a live read: an error, not a value. */
static void drv_test_removed_mid_read(struct kunit *test)
{
	struct drv d = {};
	long val;

	drv_setup(test, &d, &drv_buses[0], SFF8472_EMUL_PROFILE_INTERNAL,
		  drv_no_props);
	drv_no_cache(test, &d);
	sff8472_emul_remove_after(d.emul, 8);
	KUNIT_EXPECT_LT(test, drv_read(&d, hwmon_curr, hwmon_curr_input, 0,
				       &val), 0);
	KUNIT_EXPECT_LT(test, drv_read(&d, hwmon_temp, hwmon_temp_input, 0,
				       &val), 0);
}

/* A module that NACKs after insertion: probe is quick, readers too. */
static void drv_test_slow_module(struct kunit *test)
{
	struct drv d = {};
	ktime_t start;

	d.emul = sff8472_emul_kunit_create(test, SFF8472_EMUL_I2C, 0);
	sff8472_emul_set_slow_start(d.emul, 300);
	drv_load(test, &d, SFF8472_EMUL_PROFILE_INTERNAL);
	start = ktime_get();
	drv_bind(test, &d, drv_no_props);
	KUNIT_EXPECT_LT(test, ktime_ms_delta(ktime_get(), start), 100LL);
	drv_expect_show(test, &d, "present", "0\n");
	drv_expect_show_err(test, &d, "vendor_pn", -ENODEV);

	drv_pass(&d, 350);
	drv_poll(d.dev);
	drv_expect_show(test, &d, "present", "1\n");
	KUNIT_ASSERT_NOT_NULL(test, drv_hwmon(&d));
	KUNIT_EXPECT_EQ(test, 34375L, drv_read_ok(test, &d, hwmon_temp,
						  hwmon_temp_input, 0));
}

static void drv_test_update_interval(struct kunit *test)
{
	struct sff8472_emul_stats st;
	struct drv d = {};
	long ms;

	drv_setup(test, &d, &drv_buses[0], SFF8472_EMUL_PROFILE_INTERNAL,
		  drv_no_props);
	ms = drv_read_ok(test, &d, hwmon_chip, hwmon_chip_update_interval, 0);
	KUNIT_EXPECT_EQ(test, 1000L, ms);
	KUNIT_EXPECT_EQ(test, -EINVAL,
			sff8472_hwmon_write(drv_hwmon(&d), hwmon_chip,
					    hwmon_chip_update_interval, 0, -5));
	ms = drv_read_ok(test, &d, hwmon_chip, hwmon_chip_update_interval, 0);
	KUNIT_EXPECT_EQ(test, 1000L, ms);
	drv_set_interval(test, &d, 200);
	ms = drv_read_ok(test, &d, hwmon_chip, hwmon_chip_update_interval, 0);
	KUNIT_EXPECT_EQ(test, 200L, ms);

	/* New values show up after the interval, not before. */
	drv_read_ok(test, &d, hwmon_temp, hwmon_temp_input, 0);
	KUNIT_ASSERT_EQ(test, 0, sff8472_emul_set_live(d.emul, SFF8472_TEMP,
						       0x1900));
	sff8472_emul_reset_stats(d.emul);
	KUNIT_EXPECT_EQ(test, 34375L, drv_read_ok(test, &d, hwmon_temp,
						  hwmon_temp_input, 0));
	drv_stats(&d, &st);
	KUNIT_EXPECT_EQ(test, st.transactions, 0ULL);
	drv_pass(&d, 250);
	/* 0x1900 = 6400/256 = 25 °C */
	KUNIT_EXPECT_EQ(test, 25000L, drv_read_ok(test, &d, hwmon_temp,
						  hwmon_temp_input, 0));
}

static void drv_test_nvmem_identical(struct kunit *test)
{
	static const char * const profiles[] = {
		SFF8472_EMUL_PROFILE_INTERNAL, SFF8472_EMUL_PROFILE_EXTERNAL,
		SFF8472_EMUL_PROFILE_ADDR_CHANGE, SFF8472_EMUL_PROFILE_COPPER,
	};
	const struct drv_bus *bus = test->param_value;
	struct drv d = {};
	u8 *img, *got;
	int i, size, ret;

	img = kunit_kzalloc(test, SFF8472_NVMEM_SIZE, GFP_KERNEL);
	got = kunit_kzalloc(test, SFF8472_NVMEM_SIZE, GFP_KERNEL);
	KUNIT_ASSERT_NOT_NULL(test, img);
	KUNIT_ASSERT_NOT_NULL(test, got);
	drv_setup(test, &d, bus, SFF8472_EMUL_PROFILE_EMPTY, drv_gc_props);

	for (i = 0; i < ARRAY_SIZE(profiles); i++) {
		drv_load(test, &d, profiles[i]);
		drv_poll(d.dev);
		size = sff8472_emul_read_image(d.emul, img, SFF8472_NVMEM_SIZE);
		memset(got, 0, SFF8472_NVMEM_SIZE);
		ret = nvmem_device_read(d.nvmem, 0, size, got);
		KUNIT_EXPECT_EQ_MSG(test, size, ret, "%s", profiles[i]);
		KUNIT_EXPECT_MEMEQ_MSG(test, got, img, size, "%s",
				       profiles[i]);
		/* Odd offsets, crossing cache/bus and A0h/A2h boundaries. */
		KUNIT_EXPECT_EQ(test, size - 201,
				nvmem_device_read(d.nvmem, 93,
						  size - 201, got));
		KUNIT_EXPECT_MEMEQ(test, got, img + 93, size - 201);
	}
	/* Copper has no A2h: reading it is an error, never invented bytes. */
	KUNIT_EXPECT_LT(test, nvmem_device_read(d.nvmem, 256, 16, got),
			0);
}

static void drv_expect_refused(struct kunit *test, struct drv *d,
			       unsigned int off, size_t len)
{
	struct sff8472_emul_stats st;
	u8 buf[16];

	memset(buf, 0xa5, sizeof(buf));
	sff8472_emul_reset_stats(d->emul);
	KUNIT_EXPECT_LT_MSG(test, nvmem_device_write(d->nvmem, off, len,
						     buf), 0,
			    "write of %zu at %u", len, off);
	drv_stats(d, &st);
	KUNIT_EXPECT_EQ_MSG(test, st.transactions, 0ULL, "off %u", off);
	KUNIT_EXPECT_EQ_MSG(test, st.bytes_written, 0ULL, "off %u", off);
}

static void drv_test_nvmem_write_default_off(struct kunit *test)
{
	struct drv d = {};

	drv_setup(test, &d, &drv_buses[0], SFF8472_EMUL_PROFILE_INTERNAL,
		  drv_no_props);
	/* Even the user EEPROM is refused by default. */
	drv_expect_refused(test, &d, 256 + 128, 4);
	drv_expect_refused(test, &d, 0, 1);
}

static void drv_test_nvmem_write(struct kunit *test)
{
	const struct drv_bus *bus = test->param_value;
	struct drv d = {};
	u8 data[20], *img, got[20];
	int i;

	img = kunit_kzalloc(test, SFF8472_NVMEM_SIZE, GFP_KERNEL);
	KUNIT_ASSERT_NOT_NULL(test, img);
	sff8472_params.user_eeprom_writable = true;
	drv_setup(test, &d, bus, SFF8472_EMUL_PROFILE_INTERNAL, drv_no_props);

	drv_expect_refused(test, &d, 0, 1);		/* A0h */
	drv_expect_refused(test, &d, 256 + 0, 2);	/* thresholds */
	drv_expect_refused(test, &d, 256 + 111, 1);	/* next to control */
	drv_expect_refused(test, &d, 256 + 110, 2);	/* 110 and 111 */
	drv_expect_refused(test, &d, 256 + 127, 2);	/* straddles 128 */
	drv_expect_refused(test, &d, 256 + 244, 8);	/* straddles 247 */
	drv_expect_refused(test, &d, 256 + 248, 1);	/* vendor area */

	/* A2h 130-149: crosses the 8-byte pages at 136 and 144. */
	for (i = 0; i < sizeof(data); i++)
		data[i] = 0x30 + i;
	KUNIT_EXPECT_EQ(test, (int)sizeof(data),
			nvmem_device_write(d.nvmem, 256 + 130,
					   sizeof(data), data));
	sff8472_emul_read_image(d.emul, img, SFF8472_NVMEM_SIZE);
	KUNIT_EXPECT_MEMEQ(test, img + 256 + 130, data, sizeof(data));
	KUNIT_EXPECT_EQ(test, (int)sizeof(got),
			nvmem_device_read(d.nvmem, 256 + 130,
					  sizeof(got), got));
	KUNIT_EXPECT_MEMEQ(test, got, data, sizeof(data));
}

/* A write(2) to the cage's eeprom file, as sysfs hands it to the driver. */
static ssize_t drv_eeprom_write(struct drv *d, loff_t off, u8 *buf,
				size_t count)
{
	const struct attribute_group *grp = sff8472_groups[0];

	/* Not through a local: the attribute is const only since 6.17. */
	return grp->bin_attrs[0]->write(NULL, &d->dev->kobj, grp->bin_attrs[0],
					buf, off, count);
}

/* Through the nvmem device or the eeprom file: bytes written, or an error. */
static ssize_t drv_write_via(struct drv *d, bool nvmem, unsigned int off,
			     u8 *buf, size_t len)
{
	if (nvmem)
		return nvmem_device_write(d->nvmem, off, len, buf);
	return drv_eeprom_write(d, off, buf, len);
}

/*
 * Where root may write in the 512-byte view (A2h at 256): one whole control
 * byte, A2h 110 or 118 (SFF-8472 Tables 3.17 and 3.18a), and with the user
 * EEPROM opted in its 120 bytes, A2h 128-247 (Table 3.20); never the vendor
 * control bytes 248-255 (Table 3.21) or anything else.
 */
static bool drv_write_in_range(unsigned int off, size_t len)
{
	if (len == 1 && (off == 256 + 110 || off == 256 + 118))
		return true;
	return len && off >= 256 + 128 && off + len <= 256 + 248;
}

#define DRV_WRITE_MAX_OFF	511
#define DRV_WRITE_MAX_LEN	520

/*
 * Every offset 0-511 and length 0-520, through both files, on an empty cage:
 * a write in range gets as far as asking for the module (-ENODEV), any other
 * is refused first. Nothing reaches the bus either way.
 */
static void drv_sweep_empty(struct kunit *test, struct drv *d, u8 *buf,
			    bool nvmem)
{
	struct sff8472_emul_stats st;
	unsigned int off, bad = 0;
	size_t len;
	ssize_t ret;

	sff8472_emul_reset_stats(d->emul);
	for (off = 0; off <= DRV_WRITE_MAX_OFF; off++) {
		for (len = 0; len <= DRV_WRITE_MAX_LEN; len++) {
			ret = drv_write_via(d, nvmem, off, buf, len);
			if (drv_write_in_range(off, len) ? ret == -ENODEV :
			    ret < 0 && ret != -ENODEV)
				continue;
			if (bad++ < 8)
				KUNIT_FAIL(test, "%s: %zu bytes at %u: %zd",
					   nvmem ? "nvmem" : "eeprom", len, off,
					   ret);
		}
	}
	KUNIT_EXPECT_EQ(test, bad, 0U);
	drv_stats(d, &st);
	KUNIT_EXPECT_EQ(test, st.transactions, 0ULL);
}

/*
 * With a module present, the writes at @off in range: each offset's
 * one-byte and longest writes, and every write of up to 8 bytes, go to the
 * module and land exactly there (the empty-cage sweep covers the decision
 * for the rest, whose page-by-page write cycles would take minutes).
 * Returns the failures.
 */
static unsigned int drv_sweep_allowed(struct kunit *test, struct drv *d,
				      u8 *buf, u8 *img, bool nvmem,
				      unsigned int off)
{
	unsigned int bad = 0;
	size_t len;
	ssize_t ret;

	for (len = 1; len <= DRV_WRITE_MAX_LEN; len++) {
		/* Controls off; the status bits are the module's. */
		bool control = off < 256 + 128;

		if (!drv_write_in_range(off, len) ||
		    (len > 8 && off + len != 256 + 248))
			continue;
		buf[0] = control ? 0 : off + len;
		ret = drv_write_via(d, nvmem, off, buf, len);
		sff8472_emul_read_image(d->emul, img, SFF8472_NVMEM_SIZE);
		if (ret == len && (control || !memcmp(img + off, buf, len)))
			continue;
		if (bad++ < 4)
			KUNIT_FAIL(test, "%s: %zu bytes at %u: %zd",
				   nvmem ? "nvmem" : "eeprom", len, off, ret);
	}
	return bad;
}

/*
 * The same sweep with a module present: every write out of range is
 * refused, and all of them together at one offset put nothing on the bus.
 */
static void drv_sweep_present(struct kunit *test, struct drv *d, u8 *buf,
			      bool nvmem)
{
	u8 *img = kunit_kzalloc(test, SFF8472_NVMEM_SIZE, GFP_KERNEL);
	struct sff8472_emul_stats st;
	unsigned int off, bad = 0;
	size_t len;
	ssize_t ret;

	KUNIT_ASSERT_NOT_NULL(test, img);
	for (off = 0; off <= DRV_WRITE_MAX_OFF; off++) {
		sff8472_emul_reset_stats(d->emul);
		for (len = 0; len <= DRV_WRITE_MAX_LEN; len++) {
			if (drv_write_in_range(off, len))
				continue;
			ret = drv_write_via(d, nvmem, off, buf, len);
			if (ret >= 0 && bad++ < 8)
				KUNIT_FAIL(test, "%s: %zu bytes at %u accepted: %zd",
					   nvmem ? "nvmem" : "eeprom", len, off,
					   ret);
		}
		drv_stats(d, &st);
		if (st.transactions && bad++ < 8)
			KUNIT_FAIL(test, "%s: refused writes at %u: %llu transactions",
				   nvmem ? "nvmem" : "eeprom", off,
				   st.transactions);
		bad += drv_sweep_allowed(test, d, buf, img, nvmem, off);
	}
	KUNIT_EXPECT_EQ(test, bad, 0U);
}

static void drv_test_write_range(struct kunit *test)
{
	u8 *buf = kunit_kzalloc(test, DRV_WRITE_MAX_LEN, GFP_KERNEL);
	struct drv d = {};
	int i;

	KUNIT_ASSERT_NOT_NULL(test, buf);
	for (i = 0; i < DRV_WRITE_MAX_LEN; i++)
		buf[i] = 0x40 + i % 64;
	sff8472_params.user_eeprom_writable = true;
	drv_setup(test, &d, &drv_buses[0], SFF8472_EMUL_PROFILE_INTERNAL,
		  drv_no_props);
	sff8472_emul_set_write_cycle(d.emul, 0);
	drv_sweep_present(test, &d, buf, false);
	drv_sweep_present(test, &d, buf, true);

	sff8472_emul_remove(d.emul);
	drv_poll(d.dev);
	drv_settle(test, &d);
	drv_sweep_empty(test, &d, buf, false);
	drv_sweep_empty(test, &d, buf, true);
}

/* The eeprom file's mode as sysfs shows it now. */
static umode_t drv_eeprom_mode(struct kunit *test, struct drv *d)
{
	struct kernfs_node *kn = kernfs_find_and_get(d->dev->kobj.sd, "eeprom");
	umode_t mode;

	KUNIT_ASSERT_NOT_NULL(test, kn);
	mode = kn->mode & 0777;
	kernfs_put(kn);
	return mode;
}

/*
 * SONiC's tx_disable with the driver's defaults: the eeprom file is
 * root-writable while the module has a control the driver may set, byte
 * 110 is read, bit 6 set and written back with the status bits as read,
 * and the module's TX_DISABLE follows; the user EEPROM stays refused.
 */
static void drv_test_control_bytes_default(struct kunit *test)
{
	u8 *img = kunit_kzalloc(test, SFF8472_NVMEM_SIZE, GFP_KERNEL);
	struct sff8472_emul_stats st;
	struct drv d = {};
	u8 byte, data[4] = { 1, 2, 3, 4 };

	KUNIT_ASSERT_NOT_NULL(test, img);
	drv_setup(test, &d, &drv_buses[0], SFF8472_EMUL_PROFILE_INTERNAL,
		  drv_no_props);
	KUNIT_EXPECT_EQ(test, drv_eeprom_mode(test, &d), (umode_t)0644);
	sff8472_emul_set_pins(d.emul, SFF8472_EMUL_PIN_RX_LOS);
	drv_no_cache(test, &d);
	KUNIT_ASSERT_EQ(test, (ssize_t)1, drv_eeprom_read(&d, 366, &byte, 1));
	KUNIT_EXPECT_EQ(test, byte & 0x42, 0x02);	/* RX_LOS, TX on */
	byte |= 0x40;
	KUNIT_EXPECT_EQ(test, (ssize_t)1, drv_eeprom_write(&d, 366, &byte, 1));
	sff8472_emul_read_image(d.emul, img, SFF8472_NVMEM_SIZE);
	KUNIT_EXPECT_EQ(test, img[256 + 110] & 0x40, 0x40);
	drv_expect_show(test, &d, "soft_tx_disable", "1\n");
	byte &= ~0x40;
	KUNIT_EXPECT_EQ(test, (ssize_t)1, drv_eeprom_write(&d, 366, &byte, 1));
	drv_expect_show(test, &d, "soft_tx_disable", "0\n");

	sff8472_emul_reset_stats(d.emul);
	KUNIT_EXPECT_EQ(test, (ssize_t)-EPERM,
			drv_eeprom_write(&d, 256 + 128, data, sizeof(data)));
	KUNIT_EXPECT_EQ(test, -EPERM, nvmem_device_write(d.nvmem,
							 256 + 128,
							 sizeof(data), data));
	drv_stats(&d, &st);
	KUNIT_EXPECT_EQ(test, st.transactions, 0ULL);

	/* A cable without diagnostics has nothing to write: read-only. */
	drv_load(test, &d, SFF8472_EMUL_PROFILE_COPPER);
	drv_poll(d.dev);
	drv_settle(test, &d);
	KUNIT_EXPECT_EQ(test, drv_eeprom_mode(test, &d), (umode_t)0444);
	drv_load(test, &d, SFF8472_EMUL_PROFILE_INTERNAL);
	drv_poll(d.dev);
	drv_settle(test, &d);
	KUNIT_EXPECT_EQ(test, drv_eeprom_mode(test, &d), (umode_t)0644);
}

/* No soft TX_DISABLE (A0h 93 bit 6 clear): SONiC's write changes nothing. */
static void drv_test_tx_disable_not_advertised(struct kunit *test)
{
	u8 *img = kunit_kzalloc(test, SFF8472_NVMEM_SIZE, GFP_KERNEL);
	struct sff8472_emul_stats st;
	struct drv d = {};
	u8 byte;

	KUNIT_ASSERT_NOT_NULL(test, img);
	drv_setup(test, &d, &drv_buses[0], SFF8472_EMUL_PROFILE_EXTERNAL,
		  drv_no_props);
	KUNIT_ASSERT_EQ(test, (ssize_t)1, drv_eeprom_read(&d, 366, &byte, 1));
	byte |= 0x40;
	sff8472_emul_reset_stats(d.emul);
	KUNIT_EXPECT_EQ(test, (ssize_t)-EOPNOTSUPP,
			drv_eeprom_write(&d, 366, &byte, 1));
	drv_stats(&d, &st);
	KUNIT_EXPECT_EQ(test, st.transactions, 0ULL);
	sff8472_emul_read_image(d.emul, img, SFF8472_NVMEM_SIZE);
	KUNIT_EXPECT_EQ(test, img[256 + 110] & 0x40, 0);
}

static void drv_expect_optoe(struct kunit *test, struct drv *d,
			     const char *name, const char *expected)
{
	struct device_attribute *attr = drv_find_attr(name);
	char *buf = kunit_kzalloc(test, PAGE_SIZE, GFP_KERNEL);

	KUNIT_ASSERT_NOT_NULL(test, attr);
	KUNIT_ASSERT_NOT_NULL(test, buf);
	KUNIT_EXPECT_GT(test, attr->show(d->dev, attr, buf), 0);
	KUNIT_EXPECT_STREQ_MSG(test, buf, expected, "%s", name);
}

static ssize_t drv_store_optoe(struct drv *d, const char *name,
			       const char *val)
{
	struct device_attribute *attr = drv_find_attr(name);

	return attr ? attr->store(d->dev, attr, val, strlen(val)) : -ENOENT;
}

/*
 * A cage instantiated as "optoe2" (SONiC, ONL) binds and behaves as one
 * bound as "sff8472", with optoe's dev_class, port_name and write_max.
 */
static void drv_test_optoe2(struct kunit *test)
{
	struct i2c_board_info info = { I2C_BOARD_INFO("optoe2", 0x50) };
	u8 *img = kunit_kzalloc(test, SFF8472_NVMEM_SIZE, GFP_KERNEL);
	u8 data[4] = { 0x11, 0x22, 0x33, 0x44 };
	struct software_node *node;
	struct sff8472_emul_stats st;
	struct drv d = {};
	char name[24];
	int ret;

	KUNIT_ASSERT_NOT_NULL(test, img);
	node = kunit_kzalloc(test, sizeof(*node), GFP_KERNEL);
	KUNIT_ASSERT_NOT_NULL(test, node);
	node->properties = drv_no_props;
	sff8472_params.user_eeprom_writable = true;
	info.swnode = node;
	d.emul = sff8472_emul_kunit_create(test, SFF8472_EMUL_I2C, 0);
	drv_load(test, &d, SFF8472_EMUL_PROFILE_INTERNAL);
	d.client = i2c_new_client_device(sff8472_emul_adapter(d.emul), &info);
	KUNIT_ASSERT_NOT_ERR_OR_NULL(test, d.client);
	ret = kunit_add_action_or_reset(test, drv_unregister_client, d.client);
	KUNIT_ASSERT_EQ(test, 0, ret);
	d.dev = &d.client->dev;
	drv_found(test, &d);
	KUNIT_ASSERT_NOT_NULL_MSG(test, d.data, "optoe2 did not bind");

	drv_expect_show(test, &d, "vendor_pn", "EMU-10G-SR\n");
	KUNIT_EXPECT_NOT_NULL(test, drv_hwmon(&d));
	drv_expect_optoe(test, &d, "dev_class", "2\n");
	KUNIT_EXPECT_EQ(test, (ssize_t)2, drv_store_optoe(&d, "dev_class", "2\n"));
	KUNIT_EXPECT_EQ(test, (ssize_t)-EINVAL,
			drv_store_optoe(&d, "dev_class", "1"));
	KUNIT_EXPECT_EQ(test, (ssize_t)-EINVAL,
			drv_store_optoe(&d, "dev_class", "3"));

	snprintf(name, sizeof(name), "%s\n", dev_name(d.dev));
	drv_expect_optoe(test, &d, "port_name", name);
	KUNIT_EXPECT_EQ(test, (ssize_t)10,
			drv_store_optoe(&d, "port_name", "Ethernet0\n"));
	drv_expect_optoe(test, &d, "port_name", "Ethernet0\n");
	/* optoe keeps 19 characters: 20 are refused, the name unchanged. */
	KUNIT_EXPECT_EQ(test, (ssize_t)20,
			drv_store_optoe(&d, "port_name", "Ethernet12345678901\n"));
	KUNIT_EXPECT_EQ(test, (ssize_t)-EINVAL,
			drv_store_optoe(&d, "port_name", "Ethernet123456789012"));
	KUNIT_EXPECT_EQ(test, (ssize_t)-EINVAL,
			drv_store_optoe(&d, "port_name", "two words"));
	drv_expect_optoe(test, &d, "port_name", "Ethernet12345678901\n");

	/* write_max 1: a 4-byte user-EEPROM write is 4 one-byte writes. */
	drv_expect_optoe(test, &d, "write_max", "8\n");
	KUNIT_EXPECT_EQ(test, (ssize_t)-EINVAL,
			drv_store_optoe(&d, "write_max", "0"));
	KUNIT_EXPECT_EQ(test, (ssize_t)-EINVAL,
			drv_store_optoe(&d, "write_max", "129"));
	KUNIT_EXPECT_EQ(test, (ssize_t)1, drv_store_optoe(&d, "write_max", "1"));
	drv_expect_optoe(test, &d, "write_max", "1\n");
	sff8472_emul_set_write_cycle(d.emul, 0);
	sff8472_emul_reset_stats(d.emul);
	KUNIT_EXPECT_EQ(test, (ssize_t)sizeof(data),
			drv_eeprom_write(&d, 256 + 200, data, sizeof(data)));
	/* The CC_DMI proof, 4 x (a write, its write-cycle poll), read-back. */
	drv_stats(&d, &st);
	KUNIT_EXPECT_EQ(test, st.transactions, 10ULL);
	sff8472_emul_read_image(d.emul, img, SFF8472_NVMEM_SIZE);
	KUNIT_EXPECT_MEMEQ(test, img + 256 + 200, data, sizeof(data));
}

static void drv_test_controls(struct kunit *test)
{
	struct sff8472_emul_stats st;
	struct drv d = {};
	u8 *img;

	img = kunit_kzalloc(test, SFF8472_NVMEM_SIZE, GFP_KERNEL);
	KUNIT_ASSERT_NOT_NULL(test, img);
	drv_setup(test, &d, &drv_buses[0], SFF8472_EMUL_PROFILE_INTERNAL,
		  drv_no_props);
	drv_no_cache(test, &d);

	/* Internal profile: A0h 93 = 0xfa, soft TXD, RS0 and RS1. */
	drv_expect_show(test, &d, "soft_tx_disable", "0\n");
	KUNIT_EXPECT_EQ(test, 1, drv_store(&d, "soft_tx_disable", "1"));
	sff8472_emul_read_image(d.emul, img, SFF8472_NVMEM_SIZE);
	KUNIT_EXPECT_TRUE(test, img[256 + 110] & BIT(6));
	drv_expect_show(test, &d, "soft_tx_disable", "1\n");
	KUNIT_EXPECT_EQ(test, 1, drv_store(&d, "soft_tx_disable", "0"));
	drv_expect_show(test, &d, "soft_tx_disable", "0\n");

	KUNIT_EXPECT_EQ(test, 1, drv_store(&d, "soft_rate_select", "1"));
	drv_expect_show(test, &d, "soft_rate_select", "1\n");
	KUNIT_EXPECT_EQ(test, 1, drv_store(&d, "soft_rs1", "1"));
	drv_expect_show(test, &d, "soft_rs1", "1\n");
	sff8472_emul_read_image(d.emul, img, SFF8472_NVMEM_SIZE);
	KUNIT_EXPECT_TRUE(test, img[256 + 110] & BIT(3));
	KUNIT_EXPECT_TRUE(test, img[256 + 118] & BIT(3));
	KUNIT_EXPECT_EQ(test, -EINVAL, drv_store(&d, "soft_rs1", "2"));

	/* Pins show in the status files. */
	sff8472_emul_set_pins(d.emul, SFF8472_EMUL_PIN_RX_LOS |
			      SFF8472_EMUL_PIN_TX_DISABLE);
	drv_expect_show(test, &d, "rx_los", "1\n");
	drv_expect_show(test, &d, "tx_fault", "0\n");

	/* Power level not declared (A0h 64 bit 1 clear): nothing written. */
	sff8472_emul_reset_stats(d.emul);
	KUNIT_EXPECT_EQ(test, -EOPNOTSUPP, drv_store(&d, "power_level", "2"));
	drv_expect_show_err(test, &d, "power_level_state", -EOPNOTSUPP);
	drv_stats(&d, &st);
	KUNIT_EXPECT_EQ(test, st.transactions, 0ULL);
}

static void drv_test_controls_not_advertised(struct kunit *test)
{
	static const char * const controls[] = {
		"soft_tx_disable", "soft_rate_select", "soft_rs1",
	};
	struct sff8472_emul_stats st;
	struct drv d = {};
	int i;

	/* External profile: A0h 93 = 0x80 (flags only), A0h 64 bit 1 set. */
	drv_setup(test, &d, &drv_buses[0], SFF8472_EMUL_PROFILE_EXTERNAL,
		  drv_no_props);
	drv_no_cache(test, &d);
	sff8472_emul_reset_stats(d.emul);
	for (i = 0; i < ARRAY_SIZE(controls); i++)
		KUNIT_EXPECT_EQ_MSG(test, -EOPNOTSUPP,
				    drv_store(&d, controls[i], "1"), "%s",
				    controls[i]);
	drv_expect_show_err(test, &d, "rx_los", -EOPNOTSUPP);
	drv_stats(&d, &st);
	KUNIT_EXPECT_EQ(test, st.transactions, 0ULL);

	/* Power level 2 is declared, so it can be selected. */
	drv_expect_show(test, &d, "power_level_state", "1\n");
	KUNIT_EXPECT_EQ(test, 1, drv_store(&d, "power_level", "2"));
	drv_expect_show(test, &d, "power_level", "2\n");
	drv_expect_show(test, &d, "power_level_state", "2\n");
	KUNIT_EXPECT_EQ(test, -EINVAL, drv_store(&d, "power_level", "3"));
}

/*
 * An address-change module last switched to A2h answers only at 0x51.
 * After a failed live read and a failed general call, the presence check
 * must select A0h again rather than take the NACK at 0x50 for an empty
 * cage.
 */
static void drv_test_addr_change_after_error(struct kunit *test)
{
	struct drv d = {};
	long val;

	drv_setup(test, &d, &drv_buses[0], SFF8472_EMUL_PROFILE_ADDR_CHANGE,
		  drv_gc_props);
	drv_no_cache(test, &d);
	KUNIT_EXPECT_EQ(test, 29500L, drv_read_ok(test, &d, hwmon_temp,
						  hwmon_temp_input, 0));
	/* The live read, then the general call of the presence check. */
	sff8472_emul_nack_next(d.emul, 2);
	KUNIT_EXPECT_LT(test, drv_read(&d, hwmon_temp, hwmon_temp_input, 0,
				       &val), 0);
	drv_poll(d.dev);
	drv_expect_show(test, &d, "present", "1\n");
	/* Until the module answers the next verification: errors only. */
	drv_expect_show_err(test, &d, "vendor_pn", -EIO);
	drv_settle(test, &d);
	KUNIT_ASSERT_NOT_NULL(test, drv_hwmon(&d));
	drv_no_cache(test, &d);
	KUNIT_EXPECT_EQ(test, 29500L, drv_read_ok(test, &d, hwmon_temp,
						  hwmon_temp_input, 0));
}

/*
 * A general call reaches every device on the segment: a cage whose last
 * module did not ask for the address change never sends one, even when
 * the module is gone; looking at an empty cage costs one NACK per look.
 */
static void drv_test_no_general_call(struct kunit *test)
{
	struct sff8472_emul_stats st;
	struct drv d = {};

	drv_setup(test, &d, &drv_buses[0], SFF8472_EMUL_PROFILE_INTERNAL,
		  drv_gc_props);
	sff8472_emul_remove(d.emul);
	sff8472_emul_reset_stats(d.emul);
	drv_poll(d.dev);
	drv_settle(test, &d);
	drv_expect_show(test, &d, "present", "0\n");
	drv_stats(&d, &st);
	KUNIT_EXPECT_EQ(test, st.general_calls, 0ULL);
	KUNIT_EXPECT_EQ(test, st.nacks, st.transactions);

	sff8472_emul_reset_stats(d.emul);
	drv_poll(d.dev);
	drv_stats(&d, &st);
	KUNIT_EXPECT_EQ(test, st.transactions, 1ULL);
	KUNIT_EXPECT_EQ(test, st.nacks, 1ULL);
}

/*
 * The same after an address-change module was removed: a general call only
 * goes out when something answers at 0x51, so an empty cage gets none.
 */
static void drv_test_no_general_call_after_addr_change(struct kunit *test)
{
	struct sff8472_emul_stats st;
	struct drv d = {};

	drv_setup(test, &d, &drv_buses[0], SFF8472_EMUL_PROFILE_ADDR_CHANGE,
		  drv_gc_props);
	drv_no_cache(test, &d);
	KUNIT_EXPECT_EQ(test, 29500L, drv_read_ok(test, &d, hwmon_temp,
						  hwmon_temp_input, 0));
	sff8472_emul_remove(d.emul);
	drv_poll(d.dev);
	drv_settle(test, &d);
	drv_expect_show(test, &d, "present", "0\n");
	sff8472_emul_reset_stats(d.emul);
	drv_poll(d.dev);
	drv_poll(d.dev);
	drv_stats(&d, &st);
	KUNIT_EXPECT_EQ(test, st.general_calls, 0ULL);
	KUNIT_EXPECT_EQ(test, st.nacks, st.transactions);
}

/*
 * Without sff,allow-address-change, a module that needs the sequence is
 * shown without diagnostics, and no general call ever goes out.
 */
static void drv_test_addr_change_not_allowed(struct kunit *test)
{
	static const char msg[] = "not allowed here";
	struct sff8472_emul_stats st;
	struct drv d = {};
	u8 *buf = kunit_kzalloc(test, SFF8472_NVMEM_SIZE, GFP_KERNEL);

	KUNIT_ASSERT_NOT_NULL(test, buf);
	d.emul = sff8472_emul_kunit_create(test, SFF8472_EMUL_I2C, 0);
	drv_load(test, &d, SFF8472_EMUL_PROFILE_ADDR_CHANGE);
	sff8472_emul_reset_stats(d.emul);
	drv_bind(test, &d, drv_no_props);
	drv_expect_show(test, &d, "present", "1\n");
	drv_expect_show(test, &d, "vendor_pn", "EMU-1G-SX-AC\n");
	drv_expect_show(test, &d, "calibration", "none\n");
	KUNIT_EXPECT_NULL(test, drv_hwmon(&d));
	KUNIT_EXPECT_EQ(test, 1, drv_log_count(test, d.dev, msg));
	KUNIT_EXPECT_EQ(test, 256, drv_eeprom_read(&d, 0, buf, SFF8472_NVMEM_SIZE));
	drv_poll(d.dev);
	drv_poll(d.dev);
	drv_stats(&d, &st);
	KUNIT_EXPECT_EQ(test, st.general_calls, 0ULL);
	KUNIT_EXPECT_EQ(test, st.nacks, 0ULL);
	KUNIT_EXPECT_EQ(test, 1, drv_log_count(test, d.dev, msg));
}

/*
 * A0h byte 92 bit 6 clear and A2h all zero: CC_DMI "matches" (0 == 0),
 * but that is no reason to show 0 °C, 0 V, 0 mA as diagnostics.
 */
static void drv_test_a2_zero_no_ddm(struct kunit *test)
{
	struct drv d = {};
	u8 *img = drv_profile_image(test, SFF8472_EMUL_PROFILE_INTERNAL);

	img[92] &= ~0x40;		/* no DDM advertised */
	img[95] = drv_cc_ext(img);
	memset(img + 256, 0, 256);

	d.emul = sff8472_emul_kunit_create(test, SFF8472_EMUL_I2C, 0);
	drv_load_image(test, &d, img);
	drv_bind(test, &d, drv_no_props);
	drv_expect_show(test, &d, "present", "1\n");
	drv_expect_show(test, &d, "cc_ext_ok", "1\n");
	KUNIT_EXPECT_NULL(test, drv_hwmon(&d));
	drv_expect_show_err(test, &d, "cc_dmi_ok", -ENODATA);
	drv_expect_show_err(test, &d, "bias_ua", -ENODATA);
}

/*
 * A transient bus error fails the read that met it (-EIO, never the old
 * snapshot), and every read until update_interval has passed (one attempt
 * per interval, whatever the readers do). The presence check finds the
 * same module: hwmon stays as it is and the next snapshot works.
 */
static void drv_test_transient_error(struct kunit *test)
{
	u8 *whole = kunit_kzalloc(test, SFF8472_NVMEM_SIZE, GFP_KERNEL);
	struct sff8472_emul_stats st;
	struct drv d = {};
	struct device *hwmon;
	u8 buf[16];
	long val;
	int ret;

	KUNIT_ASSERT_NOT_NULL(test, whole);
	drv_setup(test, &d, &drv_buses[0], SFF8472_EMUL_PROFILE_INTERNAL,
		  drv_no_props);
	drv_set_interval(test, &d, 100);
	hwmon = drv_hold_hwmon(test, d.dev);
	KUNIT_EXPECT_EQ(test, 34375L, drv_read_ok(test, &d, hwmon_temp,
						  hwmon_temp_input, 0));
	drv_pass(&d, 150);
	sff8472_emul_nack_next(d.emul, 1);
	ret = sff8472_hwmon_read(hwmon, hwmon_temp, hwmon_temp_input, 0, &val);
	KUNIT_EXPECT_EQ(test, -EIO, ret);
	drv_poll(d.dev);
	KUNIT_EXPECT_PTR_EQ(test, drv_hwmon(&d), hwmon);
	drv_expect_show(test, &d, "present", "1\n");
	sff8472_emul_reset_stats(d.emul);
	ret = sff8472_hwmon_read(hwmon, hwmon_temp, hwmon_temp_input, 0, &val);
	KUNIT_EXPECT_EQ(test, -EIO, ret);
	drv_stats(&d, &st);
	KUNIT_EXPECT_EQ(test, st.transactions, 0ULL);
	drv_pass(&d, 150);
	ret = sff8472_hwmon_read(hwmon, hwmon_temp, hwmon_temp_input, 0, &val);
	KUNIT_EXPECT_EQ(test, 0, ret);
	KUNIT_EXPECT_EQ(test, 34375L, val);

	/* The same for the live part of the EEPROM file (A2h 96-119). */
	drv_pass(&d, 150);
	sff8472_emul_nack_next(d.emul, 1);
	KUNIT_EXPECT_EQ(test, -EIO,
			nvmem_device_read(d.nvmem, 256 + 96, sizeof(buf),
					  buf));
	drv_poll(d.dev);
	KUNIT_EXPECT_PTR_EQ(test, drv_hwmon(&d), hwmon);
	drv_expect_show(test, &d, "present", "1\n");
	drv_pass(&d, 150);
	KUNIT_EXPECT_EQ(test, (int)sizeof(buf),
			nvmem_device_read(d.nvmem, 256 + 96, sizeof(buf),
					  buf));

	/*
	 * A whole read, from A0h on, fails with the same error: nvmem reads
	 * are all or nothing, and this module has A2h (-ENXIO would say it
	 * has none).
	 */
	drv_pass(&d, 150);
	sff8472_emul_nack_next(d.emul, 1);
	KUNIT_EXPECT_EQ(test, -EIO,
			nvmem_device_read(d.nvmem, 0, SFF8472_NVMEM_SIZE,
					  whole));
}

/* A failing hwmon registration (a label that is no string) logs once. */
static void drv_test_hwmon_error_once(struct kunit *test)
{
	static const struct property_entry props[] = {
		PROPERTY_ENTRY_U32("label", 7),
		{ }
	};
	static const char msg[] = "cannot register hwmon device";
	struct drv d = {};
	int before;

	drv_setup(test, &d, &drv_buses[0], SFF8472_EMUL_PROFILE_INTERNAL,
		  props);
	KUNIT_EXPECT_NULL(test, drv_hwmon(&d));
	drv_expect_show(test, &d, "present", "1\n");
	before = drv_log_count(test, d.dev, msg);
	KUNIT_EXPECT_GE(test, before, 1);
	drv_poll(d.dev);
	drv_poll(d.dev);
	drv_poll(d.dev);
	KUNIT_EXPECT_EQ(test, before, drv_log_count(test, d.dev, msg));
}

/*
 * The hwmon name carries the cage's label (design.md: `sff8472_<label>`,
 * with '-', '*', space, tab and newline turned into '_' as
 * hwmon_sanitize_name() does), so `sensors` and node_exporter tell ports
 * apart; `sff8472` without a label. Expected names are written out by hand.
 */
struct drv_name_case {
	const char *desc;
	const struct property_entry *props;
	const char *name;
};

static const struct property_entry drv_name_plain[] = {
	PROPERTY_ENTRY_STRING("label", "port1"),
	{ }
};

static const struct property_entry drv_name_dash[] = {
	PROPERTY_ENTRY_STRING("label", "sfp-1-2"),
	{ }
};

static const struct property_entry drv_name_star[] = {
	PROPERTY_ENTRY_STRING("label", "port*"),
	{ }
};

static const struct property_entry drv_name_blanks[] = {
	PROPERTY_ENTRY_STRING("label", "Uplink 1\tA\n"),
	{ }
};

static const struct property_entry drv_name_kept[] = {
	PROPERTY_ENTRY_STRING("label", "eth0/sfp+_x.y"),
	{ }
};

static const struct property_entry drv_name_empty[] = {
	PROPERTY_ENTRY_STRING("label", ""),
	{ }
};

static const struct property_entry drv_name_u32[] = {
	PROPERTY_ENTRY_U32("label", 7),
	{ }
};

static const struct property_entry drv_name_none[] = {
	{ }
};

static const struct drv_name_case drv_name_cases[] = {
	{ "plain", drv_name_plain, "sff8472_port1" },
	{ "dashes", drv_name_dash, "sff8472_sfp_1_2" },
	{ "star", drv_name_star, "sff8472_port_" },
	{ "blanks", drv_name_blanks, "sff8472_Uplink_1_A_" },
	{ "other characters kept", drv_name_kept, "sff8472_eth0/sfp+_x.y" },
	{ "empty label", drv_name_empty, "sff8472" },
	{ "label not a string", drv_name_u32, "sff8472" },
	{ "no label", drv_name_none, "sff8472" },
};

static void drv_name_desc(const struct drv_name_case *c, char *desc)
{
	strscpy(desc, c->desc, KUNIT_PARAM_DESC_SIZE);
}

KUNIT_ARRAY_PARAM(drv_name, drv_name_cases, drv_name_desc);

static void drv_test_hwmon_name(struct kunit *test)
{
	const struct drv_name_case *c = test->param_value;
	struct device *dev;
	const char *name;
	int ret;

	dev = kunit_device_register(test, "sff8472-name-test");
	KUNIT_ASSERT_NOT_ERR_OR_NULL(test, dev);
	ret = device_create_managed_software_node(dev, c->props, NULL);
	KUNIT_ASSERT_EQ(test, 0, ret);
	name = sff8472_hwmon_name(dev);
	KUNIT_ASSERT_NOT_ERR_OR_NULL(test, name);
	KUNIT_EXPECT_STREQ(test, c->name, name);
}

/* The "labels" module parameter: DEVICE=LABEL entries for new_device cages. */
static void drv_test_map_label(struct kunit *test)
{
	static const struct {
		const char *map, *dev, *label;
	} cases[] = {
		{ NULL, "3-0050", NULL },
		{ "", "3-0050", NULL },
		{ "3-0050=port1,4-0050=port2", "3-0050", "port1" },
		{ "3-0050=port1,4-0050=port2", "4-0050", "port2" },
		{ "3-0050=port1,4-0050=port2", "5-0050", NULL },
		{ "13-0050=a,3-0050=b", "3-0050", "b" },
		{ "3-00500=a", "3-0050", NULL },
		{ "3-0050", "3-0050", NULL },
		{ "3-0050=,3-0050=b", "3-0050", "b" },
		{ "3-0050=Uplink 1\n", "3-0050", "Uplink 1" },
		{ "3-0050=a\n4-0050=b\n", "4-0050", "b" },
	};
	unsigned int i;

	for (i = 0; i < ARRAY_SIZE(cases); i++) {
		size_t len = 0;
		const char *l = sff8472_map_label(cases[i].map, cases[i].dev,
						  &len);

		if (!cases[i].label) {
			KUNIT_EXPECT_NULL_MSG(test, l, "case %u", i);
			continue;
		}
		KUNIT_ASSERT_NOT_NULL_MSG(test, l, "case %u", i);
		KUNIT_EXPECT_EQ_MSG(test, strlen(cases[i].label), len,
				    "case %u", i);
		KUNIT_EXPECT_EQ_MSG(test, 0, strncmp(cases[i].label, l, len),
				    "case %u", i);
	}
}

/* What a user reads in the hwmon device's own "name" and "label" files. */
static void drv_expect_hwmon_attr(struct kunit *test, struct device *hwmon,
				  const char *attr, const char *want)
{
	const struct attribute_group *const *g;
	struct attribute *const *a;
	char *buf = kunit_kzalloc(test, PAGE_SIZE, GFP_KERNEL);

	KUNIT_ASSERT_NOT_NULL(test, buf);
	KUNIT_ASSERT_NOT_NULL(test, hwmon->class);
	for (g = hwmon->class->dev_groups; g && *g; g++) {
		for (a = (*g)->attrs; *a; a++) {
			struct device_attribute *da;

			if (strcmp((*a)->name, attr))
				continue;
			da = container_of(*a, struct device_attribute, attr);
			KUNIT_ASSERT_GT(test, da->show(hwmon, da, buf), 0);
			KUNIT_EXPECT_STREQ(test, want, buf);
			return;
		}
	}
	KUNIT_FAIL(test, "hwmon has no %s attribute", attr);
}

static void drv_test_hwmon_name_bound(struct kunit *test)
{
	static const struct property_entry props[] = {
		PROPERTY_ENTRY_STRING("label", "port-7 A"),
		{ }
	};
	struct drv d = {}, plain = {};

	drv_setup(test, &d, &drv_buses[0], SFF8472_EMUL_PROFILE_INTERNAL,
		  props);
	KUNIT_ASSERT_NOT_NULL(test, drv_hwmon(&d));
	drv_expect_hwmon_attr(test, drv_hwmon(&d), "name", "sff8472_port_7_A\n");
	/* The chip label stays the label itself. */
	drv_expect_hwmon_attr(test, drv_hwmon(&d), "label", "port-7 A\n");
	/* After a swap the new hwmon device has the same name. */
	drv_load(test, &d, SFF8472_EMUL_PROFILE_EXTERNAL);
	drv_poll(d.dev);
	KUNIT_ASSERT_NOT_NULL(test, drv_hwmon(&d));
	drv_expect_hwmon_attr(test, drv_hwmon(&d), "name", "sff8472_port_7_A\n");

	drv_setup(test, &plain, &drv_buses[0], SFF8472_EMUL_PROFILE_INTERNAL,
		  drv_no_props);
	KUNIT_ASSERT_NOT_NULL(test, drv_hwmon(&plain));
	drv_expect_hwmon_attr(test, drv_hwmon(&plain), "name", "sff8472\n");
}

/* No bus traffic while the system is suspended. */
static void drv_test_freezable_work(struct kunit *test)
{
	struct drv d = {};

	drv_setup(test, &d, &drv_buses[0], SFF8472_EMUL_PROFILE_INTERNAL,
		  drv_no_props);
	KUNIT_EXPECT_PTR_EQ(test, d.data->hp.work.wq,
			    system_freezable_wq);
}

#if IS_ENABLED(CONFIG_GPIOLIB)
/*
 * MOD_DEF0 on a one-line test GPIO chip without IRQ, so the driver polls
 * the level. gpiolib finds the chip of a software-node GPIO reference by
 * the node's name up to 6.12 (so it is the chip's label) and by the chip's
 * fwnode later (so that is the node).
 */
struct drv_gpio {
	struct gpio_chip chip;
	int level;		/* 0, 1 or a negative error */
	atomic_t reads;
	atomic_t outside_work;	/* reads not made by a work item */
};

static const struct software_node drv_gpio_node = {
	.name = "sff8472-test-mod-def0",
};

static const struct property_entry drv_gpio_props[] = {
	PROPERTY_ENTRY_GPIO("mod-def0-gpios", &drv_gpio_node, 0,
			    GPIO_ACTIVE_HIGH),
	{ }
};

static int drv_gpio_get(struct gpio_chip *gc, unsigned int offset)
{
	struct drv_gpio *g = gpiochip_get_data(gc);

	atomic_inc(&g->reads);
	if (!current_work())
		atomic_inc(&g->outside_work);
	return READ_ONCE(g->level);
}

static int drv_gpio_to_irq_defer(struct gpio_chip *gc, unsigned int offset)
{
	return -EPROBE_DEFER;
}

static int drv_gpio_get_direction(struct gpio_chip *gc, unsigned int offset)
{
	return GPIO_LINE_DIRECTION_IN;
}

static int drv_gpio_direction_input(struct gpio_chip *gc, unsigned int offset)
{
	return 0;
}

KUNIT_DEFINE_ACTION_WRAPPER(drv_unregister_node, software_node_unregister,
			    const struct software_node *);

/*
 * Registered before the driver binds, so it goes away after it; the node
 * before the chip's parent, so the chip's device, which links to the node,
 * is gone before the node.
 */
static struct drv_gpio *
drv_gpio_create_irq(struct kunit *test, int level,
		    int (*to_irq)(struct gpio_chip *gc, unsigned int offset))
{
	struct drv_gpio *g = kunit_kzalloc(test, sizeof(*g), GFP_KERNEL);
	struct device *parent;
	int ret;

	KUNIT_ASSERT_NOT_NULL(test, g);
	ret = software_node_register(&drv_gpio_node);
	KUNIT_ASSERT_EQ(test, 0, ret);
	ret = kunit_add_action_or_reset(test, drv_unregister_node,
					(void *)&drv_gpio_node);
	KUNIT_ASSERT_EQ(test, 0, ret);
	parent = kunit_device_register(test, "sff8472-test-gpio");
	KUNIT_ASSERT_NOT_ERR_OR_NULL(test, parent);

	g->level = level;
	g->chip.label = drv_gpio_node.name;
	g->chip.fwnode = software_node_fwnode(&drv_gpio_node);
	g->chip.parent = parent;
	g->chip.owner = THIS_MODULE;
	g->chip.base = -1;
	g->chip.ngpio = 1;
	g->chip.get = drv_gpio_get;
	g->chip.get_direction = drv_gpio_get_direction;
	g->chip.direction_input = drv_gpio_direction_input;
	g->chip.to_irq = to_irq;
	g->chip.can_sleep = true;
	ret = devm_gpiochip_add_data(parent, &g->chip, g);
	KUNIT_ASSERT_EQ(test, 0, ret);
	return g;
}

static struct drv_gpio *drv_gpio_create(struct kunit *test, int level)
{
	return drv_gpio_create_irq(test, level, NULL);
}

/*
 * The test chip has no IRQ; make the driver behave as if MOD_DEF0 had one
 * (no periodic look) and inject the edges with drv_edge().
 */
static void drv_fake_irq(struct drv *d)
{
	mutex_lock(&d->data->cache.lock);
	d->data->hp.irq_mode = true;
	mutex_unlock(&d->data->cache.lock);
}

/* Presence comes from the GPIO: an empty cage costs no bus traffic. */
static void drv_test_gpio_presence(struct kunit *test)
{
	struct sff8472_emul_stats st;
	struct drv d = {};
	struct drv_gpio *g;

	g = drv_gpio_create(test, 0);
	d.emul = sff8472_emul_kunit_create(test, SFF8472_EMUL_I2C, 0);
	drv_load(test, &d, SFF8472_EMUL_PROFILE_INTERNAL);
	drv_bind(test, &d, drv_gpio_props);
	drv_expect_show(test, &d, "present", "0\n");
	KUNIT_EXPECT_NULL(test, drv_hwmon(&d));
	drv_poll(d.dev);
	drv_stats(&d, &st);
	KUNIT_EXPECT_EQ(test, st.transactions, 0ULL);

	/* Read t_serial (300 ms) after the insertion, by the work itself. */
	WRITE_ONCE(g->level, 1);
	drv_poll(d.dev);
	drv_pass(&d, 400);
	drv_expect_show(test, &d, "present", "1\n");
	KUNIT_ASSERT_NOT_NULL(test, drv_hwmon(&d));
	drv_no_cache(test, &d);
	drv_expect_channels(test, &d, &drv_internal);

	/* A swap while MOD_DEF0 stays asserted is still found (polled). */
	drv_load(test, &d, SFF8472_EMUL_PROFILE_EXTERNAL);
	drv_poll(d.dev);
	drv_no_cache(test, &d);
	drv_expect_channels(test, &d, &drv_external);

	WRITE_ONCE(g->level, 0);
	drv_poll(d.dev);
	drv_expect_show(test, &d, "present", "0\n");
	KUNIT_EXPECT_NULL(test, drv_hwmon(&d));
	drv_expect_show_err(test, &d, "vendor_pn", -ENODEV);
}

/* A cage with MOD_DEF0 asserted and a module that NACKs for @ms. */
static void drv_setup_slow(struct kunit *test, struct drv *d, unsigned int ms,
			   const struct property_entry *props)
{
	drv_gpio_create(test, 1);
	d->emul = sff8472_emul_kunit_create(test, SFF8472_EMUL_I2C, 0);
	sff8472_emul_set_slow_start(d->emul, ms);
	drv_load(test, d, SFF8472_EMUL_PROFILE_INTERNAL);
	drv_bind(test, d, props);
}

/*
 * MOD_DEF0 asserted but the module NACKs for 300 ms (GPON sticks do so for
 * up to a minute): the driver retries by itself with a growing back-off
 * (50, 100, 200, 400 ms ...), well before the one-hour poll.
 */
static void drv_test_gpio_slow_module(struct kunit *test)
{
	struct drv d = {};

	drv_setup_slow(test, &d, 300, drv_gpio_props);
	drv_expect_show(test, &d, "present", "0\n");

	drv_pass(&d, 1500);
	drv_expect_show(test, &d, "present", "1\n");
	KUNIT_EXPECT_NOT_NULL(test, drv_hwmon(&d));
}

/*
 * The same with the largest poll interval the parameter takes: the
 * back-off is bounded by the poll interval, which is clamped to an hour,
 * so it can neither overflow nor stall the retries.
 */
static void drv_test_gpio_slow_module_huge_poll(struct kunit *test)
{
	struct drv d = {};

	sff8472_params.poll_interval_ms = U32_MAX;
	drv_setup_slow(test, &d, 300, drv_gpio_props);
	KUNIT_EXPECT_EQ(test, d.data->hp.poll_ms, 3600000U);
	drv_expect_show(test, &d, "present", "0\n");
	drv_pass(&d, 1500);
	drv_expect_show(test, &d, "present", "1\n");
}

/*
 * A module that NACKs for minutes behind an asserted MOD_DEF0 is logged
 * once as present but not answering, when its back-offs (50 ms, doubling)
 * have added up to a minute (the attempt at 102.35 s), and is read once it
 * answers (at the attempt at 204.75 s).
 */
static void drv_test_gpio_slow_warning(struct kunit *test)
{
	struct drv d = {};

	drv_setup_slow(test, &d, 150000, drv_gpio_props);
	drv_pass(&d, 100000);
	KUNIT_EXPECT_EQ(test, 0, drv_log_count(test, d.dev, "not answering"));
	drv_pass(&d, 5000);
	KUNIT_EXPECT_EQ(test, 1, drv_log_count(test, d.dev, "not answering"));
	drv_pass(&d, 95000);
	drv_expect_show(test, &d, "present", "0\n");
	drv_pass(&d, 5000);
	drv_expect_show(test, &d, "present", "1\n");
	KUNIT_EXPECT_EQ(test, 1, drv_log_count(test, d.dev, "not answering"));
}

static int drv_count_hwmon(struct device *dev, void *count)
{
	if (dev->class && !strcmp(dev->class->name, "hwmon"))
		(*(int *)count)++;
	return 0;
}

/*
 * Probe looks at the cage itself, synchronously: it never waits for a
 * work item (which would never run once workqueues are frozen for
 * suspend), the module is there when probe returns, and the later runs
 * of the machine register no second hwmon device.
 */
static void drv_test_probe_first_look(struct kunit *test)
{
	struct drv d = {};
	struct drv_gpio *g;
	int count = 0;

	g = drv_gpio_create(test, 1);
	d.emul = sff8472_emul_kunit_create(test, SFF8472_EMUL_I2C, 0);
	drv_load(test, &d, SFF8472_EMUL_PROFILE_INTERNAL);
	drv_bind(test, &d, drv_gpio_props);
	KUNIT_EXPECT_GT(test, atomic_read(&g->outside_work), 0);
	drv_expect_show(test, &d, "present", "1\n");
	KUNIT_EXPECT_NOT_NULL(test, drv_hwmon(&d));
	drv_poll(d.dev);
	drv_edge(d.dev);
	drv_pass(&d, 400);
	drv_poll(d.dev);
	device_for_each_child(d.dev, &count, drv_count_hwmon);
	KUNIT_EXPECT_EQ(test, 1, count);
}

/*
 * IRQ mode: an edge (contact bounce) restarts the module, which then NACKs
 * for 600 ms. The re-read after the edge fails; the driver must retry by
 * itself, as no further edge will come.
 */
static void drv_test_gpio_irq_reread_retry(struct kunit *test)
{
	struct drv d = {};

	drv_gpio_create(test, 1);
	d.emul = sff8472_emul_kunit_create(test, SFF8472_EMUL_I2C, 0);
	drv_load(test, &d, SFF8472_EMUL_PROFILE_INTERNAL);
	drv_bind(test, &d, drv_gpio_props);
	KUNIT_ASSERT_NOT_NULL(test, drv_hwmon(&d));
	drv_fake_irq(&d);

	sff8472_emul_set_slow_start(d.emul, 600);
	sff8472_emul_remove(d.emul);
	KUNIT_ASSERT_EQ(test, 0, sff8472_emul_insert(d.emul));
	drv_edge(d.dev);
	drv_pass(&d, 2000);
	drv_expect_show(test, &d, "present", "1\n");
	KUNIT_EXPECT_NOT_NULL(test, drv_hwmon(&d));
}

/*
 * IRQ mode: reading MOD_DEF0 fails once (an I2C GPIO expander NACKs). That
 * is no removal; the level is read again after a while.
 */
static void drv_test_gpio_error_not_removal(struct kunit *test)
{
	struct drv d = {};
	struct device *hwmon;
	struct drv_gpio *g;

	g = drv_gpio_create(test, 1);
	d.emul = sff8472_emul_kunit_create(test, SFF8472_EMUL_I2C, 0);
	drv_load(test, &d, SFF8472_EMUL_PROFILE_INTERNAL);
	drv_bind(test, &d, drv_gpio_props);
	hwmon = drv_hold_hwmon(test, d.dev);
	drv_fake_irq(&d);

	WRITE_ONCE(g->level, -EIO);
	drv_edge(d.dev);
	drv_expect_show(test, &d, "present", "1\n");
	KUNIT_EXPECT_PTR_EQ(test, drv_hwmon(&d), hwmon);

	/* Retried without another edge: the module is gone by then. */
	WRITE_ONCE(g->level, 0);
	drv_pass(&d, 500);
	drv_expect_show(test, &d, "present", "0\n");
	KUNIT_EXPECT_NULL(test, drv_hwmon(&d));
}

/*
 * t_serial: after a MOD_DEF0 insertion edge the module gets 300 ms before
 * the first read (polled and IRQ mode); nobody waits for it meanwhile.
 */
static void drv_test_gpio_settle(struct kunit *test)
{
	struct sff8472_emul_stats st;
	struct drv d = {};
	struct drv_gpio *g;
	ktime_t start;

	g = drv_gpio_create(test, 0);
	d.emul = sff8472_emul_kunit_create(test, SFF8472_EMUL_I2C, 0);
	drv_load(test, &d, SFF8472_EMUL_PROFILE_INTERNAL);
	drv_bind(test, &d, drv_gpio_props);

	sff8472_emul_reset_stats(d.emul);
	WRITE_ONCE(g->level, 1);
	start = ktime_get();
	drv_poll(d.dev);
	drv_expect_show(test, &d, "present", "0\n");
	KUNIT_EXPECT_LT(test, ktime_ms_delta(ktime_get(), start), 100LL);
	drv_pass(&d, 200);
	drv_stats(&d, &st);
	KUNIT_EXPECT_EQ(test, st.transactions, 0ULL);
	drv_pass(&d, 300);
	drv_expect_show(test, &d, "present", "1\n");
	KUNIT_EXPECT_NOT_NULL(test, drv_hwmon(&d));

	/* IRQ mode: removal, then an insertion edge. */
	drv_fake_irq(&d);
	WRITE_ONCE(g->level, 0);
	drv_edge(d.dev);
	drv_expect_show(test, &d, "present", "0\n");
	sff8472_emul_reset_stats(d.emul);
	WRITE_ONCE(g->level, 1);
	drv_edge(d.dev);
	drv_pass(&d, 200);
	drv_stats(&d, &st);
	KUNIT_EXPECT_EQ(test, st.transactions, 0ULL);
	drv_expect_show(test, &d, "present", "0\n");
	drv_pass(&d, 300);
	drv_expect_show(test, &d, "present", "1\n");
	KUNIT_EXPECT_NOT_NULL(test, drv_hwmon(&d));
}

/* -EPROBE_DEFER from the MOD_DEF0 IRQ lookup defers probe: no polling. */
static void drv_test_gpio_irq_defer(struct kunit *test)
{
	struct drv d = {};

	drv_gpio_create_irq(test, 1, drv_gpio_to_irq_defer);
	d.emul = sff8472_emul_kunit_create(test, SFF8472_EMUL_I2C, 0);
	drv_load(test, &d, SFF8472_EMUL_PROFILE_INTERNAL);
	drv_new_client(test, &d, drv_gpio_props);
	KUNIT_EXPECT_NULL(test, d.data);
}
#endif /* CONFIG_GPIOLIB */

/* The check codes of SFF-8472 Table 3.1 and 3.15: sums of the bytes. */
static u8 drv_sum(const u8 *p, int len)
{
	u8 sum = 0;

	while (len--)
		sum += *p++;
	return sum;
}

static void drv_fix_codes(u8 *img)
{
	img[63] = drv_sum(img, 63);
	img[95] = drv_sum(img + 64, 31);
	img[256 + 95] = drv_sum(img + 256, 95);
}

/*
 * Five reads of the whole eeprom file by anyone cost at most one live
 * snapshot (A2h 96-119), and the bytes are the module's.
 */
static void drv_test_eeprom_one_snapshot(struct kunit *test)
{
	const struct drv_bus *bus = test->param_value;
	struct sff8472_emul_stats st;
	struct drv d = {};
	u8 *img = kunit_kzalloc(test, SFF8472_NVMEM_SIZE, GFP_KERNEL);
	u8 *got = kunit_kzalloc(test, SFF8472_NVMEM_SIZE, GFP_KERNEL);
	int i;

	KUNIT_ASSERT_NOT_NULL(test, img);
	KUNIT_ASSERT_NOT_NULL(test, got);
	drv_setup(test, &d, bus, SFF8472_EMUL_PROFILE_INTERNAL,
		  drv_no_props);
	drv_expire(&d);
	sff8472_emul_reset_stats(d.emul);
	for (i = 0; i < 5; i++) {
		memset(got, 0, SFF8472_NVMEM_SIZE);
		KUNIT_EXPECT_EQ(test, (ssize_t)SFF8472_NVMEM_SIZE,
				drv_eeprom_read(&d, 0, got, SFF8472_NVMEM_SIZE));
	}
	drv_stats(&d, &st);
	KUNIT_EXPECT_LE(test, st.transactions, (u64)bus->snapshot_xfers);
	KUNIT_ASSERT_EQ(test, SFF8472_NVMEM_SIZE,
			sff8472_emul_read_image(d.emul, img,
						SFF8472_NVMEM_SIZE));
	KUNIT_EXPECT_MEMEQ(test, got, img, SFF8472_NVMEM_SIZE);
}

/*
 * Pulled out during the live read, after each byte in turn: the tail reads
 * 0xFF, which must never become a value or an alarm (0xFF in the flag bytes
 * sets every flag).
 */
static void drv_test_removed_during_snapshot(struct kunit *test)
{
	struct drv d = {};
	char *buf = kunit_kzalloc(test, PAGE_SIZE, GFP_KERNEL);
	int n, ret;
	long val;

	KUNIT_ASSERT_NOT_NULL(test, buf);
	drv_setup(test, &d, &drv_buses[0], SFF8472_EMUL_PROFILE_INTERNAL,
		  drv_no_props);
	drv_no_cache(test, &d);
	for (n = 1; n <= SFF8472_LIVE_LEN; n++) {
		KUNIT_ASSERT_EQ(test, 0, sff8472_emul_insert(d.emul));
		drv_poll(d.dev);
		drv_settle(test, &d);
		drv_expect_show(test, &d, "present", "1\n");
		sff8472_emul_remove_after(d.emul, n);
		ret = drv_read(&d, hwmon_temp, hwmon_temp_crit_alarm, 0, &val);
		KUNIT_EXPECT_LT_MSG(test, ret, 0, "removed after %d bytes", n);
		KUNIT_EXPECT_LT(test, drv_attr_show(d.dev, "rx_los", buf), 0);
		KUNIT_EXPECT_LT(test, drv_attr_show(d.dev, "tx_fault", buf), 0);
		sff8472_emul_clear_faults(d.emul);
	}
}

/*
 * A0h answers and advertises diagnostics (byte 92 bit 6), but there is no
 * A2h: the module is shown, without diagnostics, and its eeprom file gives
 * the A0h page, then -ENXIO where A2h would be.
 */
static void drv_test_a0_only_module(struct kunit *test)
{
	struct drv d = {};
	u8 *img = drv_profile_image(test, SFF8472_EMUL_PROFILE_INTERNAL);
	u8 *got = kunit_kzalloc(test, SFF8472_NVMEM_SIZE, GFP_KERNEL);

	KUNIT_ASSERT_NOT_NULL(test, got);
	d.emul = sff8472_emul_kunit_create(test, SFF8472_EMUL_I2C, 0);
	KUNIT_ASSERT_EQ(test, 0, sff8472_emul_load_image(d.emul, img, 256));
	drv_bind(test, &d, drv_no_props);
	drv_expect_show(test, &d, "present", "1\n");
	drv_expect_show(test, &d, "vendor_pn", "EMU-10G-SR\n");
	drv_expect_show(test, &d, "calibration", "none\n");
	KUNIT_EXPECT_NULL(test, drv_hwmon(&d));
	KUNIT_EXPECT_EQ(test, 1,
			drv_log_count(test, d.dev, "A2h does not answer"));
	KUNIT_EXPECT_EQ(test, 256, drv_eeprom_read(&d, 0, got,
						   SFF8472_NVMEM_SIZE));
	KUNIT_EXPECT_MEMEQ(test, got, img, 256);
	KUNIT_EXPECT_EQ(test, -ENXIO, drv_eeprom_read(&d, 256, got, 256));
	KUNIT_EXPECT_EQ(test, 0, drv_eeprom_read(&d, 512, got, 16));
	/* dd bs=256: the first block reads, the second fails. */
	KUNIT_EXPECT_EQ(test, 256, drv_eeprom_read(&d, 0, got, 256));
}

/* The mode hwmon gives an attribute of the cage's hwmon device. */
/*
 * Thresholds the module did not fill in give no limits and no alarms:
 * temperature all zero, VCC all FFh, bias with low alarm above high
 * alarm. The other channels keep theirs. The module has flags (93 bit
 * 7), but they compare against the same unfilled thresholds.
 */
static void drv_test_thresholds_not_filled(struct kunit *test)
{
	static const u32 limit_attrs[] = {
		hwmon_temp_crit, hwmon_temp_lcrit, hwmon_temp_crit_alarm,
		hwmon_temp_lcrit_alarm, hwmon_temp_max_alarm,
	};
	struct drv d = {};
	u8 *img = drv_profile_image(test, SFF8472_EMUL_PROFILE_INTERNAL);
	long val;
	int i;

	memset(img + 256, 0, 8);		/* temperature */
	memset(img + 256 + 8, 0xff, 8);		/* VCC */
	img[256 + 16] = 0x00;			/* bias high alarm 0x00c8 */
	img[256 + 17] = 0xc8;			/* low alarm stays 0x07d0 */
	drv_fix_codes(img);
	d.emul = sff8472_emul_kunit_create(test, SFF8472_EMUL_I2C, 0);
	drv_load_image(test, &d, img);
	drv_bind(test, &d, drv_no_props);
	KUNIT_ASSERT_NOT_NULL(test, drv_hwmon(&d));

	for (i = 0; i < ARRAY_SIZE(limit_attrs); i++) {
		KUNIT_EXPECT_EQ(test, 0, drv_visible(&d, hwmon_temp,
						     limit_attrs[i], 0));
		KUNIT_EXPECT_EQ(test, -ENODATA, drv_read(&d, hwmon_temp,
							 limit_attrs[i], 0,
							 &val));
	}
	KUNIT_EXPECT_EQ(test, 0, drv_visible(&d, hwmon_in, hwmon_in_crit_alarm,
					     0));
	KUNIT_EXPECT_EQ(test, 0, drv_visible(&d, hwmon_curr, hwmon_curr_max, 0));
	/* Inputs stay; so do the channels with sane thresholds. */
	drv_expect_shown(test, &d, hwmon_temp, hwmon_temp_input, 0, 34375);
	drv_expect_shown(test, &d, hwmon_power, hwmon_power_crit_alarm, 1, 0);
	KUNIT_EXPECT_EQ(test, 1,
			drv_log_count(test, d.dev, "thresholds not filled in"));
}

/* A2h all FFh although the module advertises diagnostics: none shown. */
static void drv_test_blank_a2(struct kunit *test)
{
	struct drv d = {};
	u8 *img = drv_profile_image(test, SFF8472_EMUL_PROFILE_INTERNAL);

	memset(img + 256, 0xff, 256);
	d.emul = sff8472_emul_kunit_create(test, SFF8472_EMUL_I2C, 0);
	drv_load_image(test, &d, img);
	drv_bind(test, &d, drv_no_props);
	drv_expect_show(test, &d, "present", "1\n");
	KUNIT_EXPECT_NULL(test, drv_hwmon(&d));
	drv_expect_show_err(test, &d, "vcc_100uv", -ENODATA);
	KUNIT_EXPECT_EQ(test, 1, drv_log_count(test, d.dev, "A2h is blank"));
}

/*
 * Whatever answers at 0x50 on a wrong bus is no SFP (here a QSFP, 0Ch):
 * identity and eeprom, no hwmon, nothing asked at 0x51, one log line.
 */
static void drv_test_not_sfp(struct kunit *test)
{
	struct sff8472_emul_stats st;
	struct drv d = {};
	u8 *img = drv_profile_image(test, SFF8472_EMUL_PROFILE_INTERNAL);
	u8 got[16];

	img[0] = 0x0c;
	drv_fix_codes(img);
	d.emul = sff8472_emul_kunit_create(test, SFF8472_EMUL_I2C, 0);
	drv_load_image(test, &d, img);
	sff8472_emul_reset_stats(d.emul);
	drv_bind(test, &d, drv_no_props);
	drv_expect_show(test, &d, "present", "1\n");
	drv_expect_show(test, &d, "identifier", "0x0c\n");
	KUNIT_EXPECT_NULL(test, drv_hwmon(&d));
	/* A0h in 3 + 5 reads of 32 bytes, and CC_EXT again as the proof. */
	drv_stats(&d, &st);
	KUNIT_EXPECT_EQ(test, st.transactions, 9ULL);
	KUNIT_EXPECT_EQ(test, st.bytes_read, 257ULL);
	KUNIT_EXPECT_EQ(test, 1, drv_log_count(test, d.dev, "no SFP module"));
	KUNIT_EXPECT_EQ(test, 16, drv_eeprom_read(&d, 0, got, sizeof(got)));
	KUNIT_EXPECT_EQ(test, -ENXIO, drv_eeprom_read(&d, 256, got,
						      sizeof(got)));
}

/*
 * Swaps between modules that differ only in the part number (A0h 40-55),
 * e.g. counterfeits with cloned serial numbers. With a different CC_BASE
 * the periodic look finds it; with the same CC_BASE (two characters
 * swapped) the periodic full comparison does.
 */
static void drv_test_swap_cloned_serial(struct kunit *test)
{
	struct drv d = {};
	u8 *a = drv_profile_image(test, SFF8472_EMUL_PROFILE_INTERNAL);
	u8 *b = drv_profile_image(test, SFF8472_EMUL_PROFILE_INTERNAL);
	u8 *c = drv_profile_image(test, SFF8472_EMUL_PROFILE_INTERNAL);

	memcpy(b + 40, "EMU-10G-LR      ", 16);
	drv_fix_codes(b);
	memcpy(c + 40, "EMU-01G-LR      ", 16);	/* b's bytes, reordered */
	drv_fix_codes(c);
	KUNIT_ASSERT_EQ(test, b[63], c[63]);
	d.emul = sff8472_emul_kunit_create(test, SFF8472_EMUL_I2C, 0);
	drv_load_image(test, &d, a);
	drv_bind(test, &d, drv_no_props);
	drv_expect_show(test, &d, "vendor_pn", "EMU-10G-SR\n");

	drv_load_image(test, &d, b);
	drv_poll(d.dev);
	drv_expect_show(test, &d, "vendor_pn", "EMU-10G-LR\n");

	drv_load_image(test, &d, c);
	drv_poll(d.dev);
	drv_expect_show(test, &d, "vendor_pn", "EMU-10G-LR\n");
	/* The periodic look, due now, is the one in so many that is full. */
	mutex_lock(&d.data->cache.lock);
	d.data->hp.next_poll = sff8472_now(&d.data->cache);
	d.data->hp.polls = UINT_MAX - 1;
	mutex_unlock(&d.data->cache.lock);
	flush_delayed_work(&d.data->hp.work);
	drv_expect_show(test, &d, "vendor_pn", "EMU-01G-LR\n");
}

/*
 * A module whose CC_DMI reads back unstably: each live read that meets it
 * fails, but the module is the same, so nothing is re-inserted: no log
 * line, no new hwmon device, no uevent.
 */
static void drv_test_unstable_cc_dmi(struct kunit *test)
{
	struct drv d = {};
	struct device *hwmon;
	int before, i, failed = 0;
	long val;

	drv_setup(test, &d, &drv_buses[0], SFF8472_EMUL_PROFILE_INTERNAL,
		  drv_no_props);
	hwmon = drv_hold_hwmon(test, d.dev);
	before = drv_log_count(test, d.dev, "inserted");
	drv_no_cache(test, &d);
	for (i = 0; i < 10; i++) {
		sff8472_emul_unstable_a2(d.emul, SFP_CHKSUM, 1);
		failed += drv_read(&d, hwmon_temp, hwmon_temp_input, 0,
				   &val) < 0;
		drv_pass(&d, 1000);	/* a reader's VERIFY is due */
	}
	KUNIT_EXPECT_EQ(test, failed, 10);
	drv_settle(test, &d);
	KUNIT_EXPECT_PTR_EQ(test, drv_hwmon(&d), hwmon);
	KUNIT_EXPECT_EQ(test, before, drv_log_count(test, d.dev, "inserted"));
	KUNIT_EXPECT_EQ(test, 34375L, drv_read_ok(test, &d, hwmon_temp,
						  hwmon_temp_input, 0));
}

/* Two NACKs in a row without MOD_DEF0 are no removal. */
static void drv_test_two_nacks_no_removal(struct kunit *test)
{
	struct drv d = {};
	struct device *hwmon;

	drv_setup(test, &d, &drv_buses[0], SFF8472_EMUL_PROFILE_INTERNAL,
		  drv_no_props);
	hwmon = drv_hold_hwmon(test, d.dev);
	sff8472_emul_nack_next(d.emul, 2);
	drv_poll(d.dev);
	drv_settle(test, &d);
	drv_expect_show(test, &d, "present", "1\n");
	KUNIT_EXPECT_PTR_EQ(test, drv_hwmon(&d), hwmon);
}

/* Whatever timer the hot-plug machine waits for has expired. */
static void drv_deadline_due(struct drv *d)
{
	mutex_lock(&d->data->cache.lock);
	d->data->hp.deadline = sff8472_now(&d->data->cache);
	mutex_unlock(&d->data->cache.lock);
}

/*
 * A reader's suspicion schedules the verification an hour ahead, so a test
 * sees the in-doubt state until it runs the work itself.
 */
static void drv_park_verify(struct drv *d)
{
	mutex_lock(&d->data->cache.lock);
	d->data->hp.deadline = sff8472_now(&d->data->cache) +
			       msecs_to_jiffies(QUIET_POLL_MS);
	mutex_unlock(&d->data->cache.lock);
}

/*
 * In doubt: every attribute of the module (through the hwmon device held
 * since before), the eeprom file and nvmem are -EIO, and a control write is
 * -EIO without a byte on the bus.
 */
static void drv_expect_in_doubt(struct kunit *test, struct drv *d,
				struct device *hwmon)
{
	struct sff8472_emul_stats before, after;
	u8 buf[8];
	long val;

	KUNIT_EXPECT_EQ(test, -EIO, sff8472_hwmon_read(hwmon, hwmon_temp,
						       hwmon_temp_max, 0,
						       &val));
	KUNIT_EXPECT_EQ(test, -EIO, sff8472_hwmon_read(hwmon, hwmon_temp,
						       hwmon_temp_input, 0,
						       &val));
	KUNIT_EXPECT_EQ(test, -EIO, sff8472_hwmon_read(hwmon, hwmon_temp,
						       hwmon_temp_crit_alarm,
						       0, &val));
	drv_expect_show_err(test, d, "vendor_pn", -EIO);
	KUNIT_EXPECT_EQ(test, (ssize_t)-EIO,
			drv_eeprom_read(d, 0, buf, sizeof(buf)));
	KUNIT_EXPECT_EQ(test, (ssize_t)-EIO,
			drv_eeprom_read(d, 256 + 96, buf, sizeof(buf)));
	KUNIT_EXPECT_EQ(test, -EIO, nvmem_device_read(d->nvmem, 0,
						      sizeof(buf), buf));
	drv_stats(d, &before);
	KUNIT_EXPECT_EQ(test, (ssize_t)-EIO,
			drv_store(d, "soft_tx_disable", "1"));
	drv_stats(d, &after);
	KUNIT_EXPECT_EQ(test, before.bytes_written, after.bytes_written);
	KUNIT_EXPECT_EQ(test, before.transactions, after.transactions);
}

/* Values a test compares before and after the module was in doubt. */
static void drv_doubt_values(struct kunit *test, struct drv *d, long *val)
{
	drv_expire(d);
	val[0] = drv_read_ok(test, d, hwmon_temp, hwmon_temp_max, 0);
	val[1] = drv_read_ok(test, d, hwmon_temp, hwmon_temp_input, 0);
	val[2] = drv_read_ok(test, d, hwmon_power, hwmon_power_crit, 1);
}

/*
 * A reader meets another module (its CC_DMI differs): from then on the old
 * module is in doubt, before the hot-plug machine has looked. When the old
 * module is back when it looks, the same hwmon device shows the same values.
 */
static void drv_test_doubt_on_stale(struct kunit *test)
{
	u8 *other = drv_profile_image(test, SFF8472_EMUL_PROFILE_INTERNAL);
	long val, before[3], after[3];
	struct device *hwmon;
	struct drv d = {};

	other[256 + 0] ^= 0x01;		/* temp high alarm threshold */
	drv_fix_codes(other);
	drv_setup(test, &d, &drv_buses[0], SFF8472_EMUL_PROFILE_INTERNAL,
		  drv_no_props);
	hwmon = drv_hold_hwmon(test, d.dev);
	drv_doubt_values(test, &d, before);
	drv_park_verify(&d);

	drv_load_image(test, &d, other);
	drv_expire(&d);
	KUNIT_EXPECT_EQ(test, -EIO, sff8472_hwmon_read(hwmon, hwmon_temp,
						       hwmon_temp_input, 0,
						       &val));
	KUNIT_EXPECT_EQ(test, SFF8472_HP_PRESENT, drv_state(d.data));
	drv_expect_in_doubt(test, &d, hwmon);

	drv_load(test, &d, SFF8472_EMUL_PROFILE_INTERNAL);
	drv_deadline_due(&d);	/* the parked VERIFY */
	drv_settle(test, &d);
	KUNIT_EXPECT_PTR_EQ(test, drv_hwmon(&d), hwmon);
	drv_doubt_values(test, &d, after);
	KUNIT_EXPECT_EQ(test, before[0], after[0]);
	KUNIT_EXPECT_EQ(test, before[1], after[1]);
	KUNIT_EXPECT_EQ(test, before[2], after[2]);
}

/*
 * Swapped with nobody reading since: a control write proves the module is
 * still the cached one before it writes, and writes nothing to another.
 */
static void drv_test_write_proves_module(struct kunit *test)
{
	u8 *orig = drv_profile_image(test, SFF8472_EMUL_PROFILE_INTERNAL);
	u8 *other = drv_profile_image(test, SFF8472_EMUL_PROFILE_INTERNAL);
	u8 *img = drv_profile_image(test, SFF8472_EMUL_PROFILE_INTERNAL);
	u8 data[2] = { 0x5a, 0xa5 };
	struct drv d = {};

	other[256 + 0] ^= 0x01;
	drv_fix_codes(other);
	sff8472_params.user_eeprom_writable = true;
	drv_setup(test, &d, &drv_buses[0], SFF8472_EMUL_PROFILE_INTERNAL,
		  drv_no_props);
	drv_park_verify(&d);

	drv_load_image(test, &d, other);
	KUNIT_EXPECT_EQ(test, (ssize_t)-EIO,
			drv_store(&d, "soft_tx_disable", "1"));
	sff8472_emul_read_image(d.emul, img, SFF8472_NVMEM_SIZE);
	KUNIT_EXPECT_FALSE(test, img[256 + 110] & BIT(6));

	/* The machine reads the other module; swap back, unseen. */
	drv_kick(d.dev, SFF8472_KICK_DOUBT);
	drv_settle(test, &d);
	drv_park_verify(&d);
	drv_load(test, &d, SFF8472_EMUL_PROFILE_INTERNAL);
	KUNIT_EXPECT_EQ(test, -EIO, nvmem_device_write(d.nvmem,
						       256 + 130,
						       sizeof(data), data));
	sff8472_emul_read_image(d.emul, img, SFF8472_NVMEM_SIZE);
	KUNIT_EXPECT_MEMEQ(test, img + 256 + 130, orig + 256 + 130,
			   sizeof(data));
}

/*
 * A whole-file read that meets another module's CC_DMI at A2h 96 fails: the
 * bytes before it are the old module's, so a short read of them would be
 * stale bytes reported as success.
 */
static void drv_test_read_meets_other_module(struct kunit *test)
{
	u8 *other = drv_profile_image(test, SFF8472_EMUL_PROFILE_INTERNAL);
	u8 *got = kunit_kzalloc(test, SFF8472_NVMEM_SIZE, GFP_KERNEL);
	struct drv d = {};

	KUNIT_ASSERT_NOT_NULL(test, got);
	other[256 + 0] ^= 0x01;
	drv_fix_codes(other);
	drv_setup(test, &d, &drv_buses[0], SFF8472_EMUL_PROFILE_INTERNAL,
		  drv_no_props);
	drv_park_verify(&d);
	drv_load_image(test, &d, other);
	drv_expire(&d);
	KUNIT_EXPECT_EQ(test, (ssize_t)-EIO,
			drv_eeprom_read(&d, 0, got, SFF8472_NVMEM_SIZE));
	KUNIT_EXPECT_EQ(test, (ssize_t)-EIO,
			drv_eeprom_read(&d, 0, got, SFF8472_NVMEM_SIZE));
}

/* Let time pass (at most 3 s) until @name reads again; false if never. */
static bool drv_wait_readable(struct kunit *test, struct drv *d,
			      const char *name)
{
	ssize_t ret;
	int i;

	for (i = 0; i < 150; i++) {
		drv_show(test, d, name, &ret);
		if (ret > 0)
			return true;
		drv_pass(d, 20);
	}
	return false;
}

/*
 * A reader meets another module's CC_DMI just after a verification: the
 * doubt is settled by a VERIFY as soon as the rate limit allows (1 s), not
 * at the next periodic look (an hour here).
 */
static void drv_test_doubt_settled_soon(struct kunit *test)
{
	u8 *other = drv_profile_image(test, SFF8472_EMUL_PROFILE_INTERNAL);
	struct drv d = {};
	long val;

	other[256 + 0] ^= 0x01;
	drv_fix_codes(other);
	drv_setup(test, &d, &drv_buses[0], SFF8472_EMUL_PROFILE_INTERNAL,
		  drv_no_props);
	drv_kick(d.dev, SFF8472_KICK_DOUBT);	/* a verification just now */
	drv_settle(test, &d);

	drv_load_image(test, &d, other);
	drv_expire(&d);
	KUNIT_EXPECT_EQ(test, -EIO, drv_read(&d, hwmon_temp, hwmon_temp_input,
					     0, &val));
	drv_load(test, &d, SFF8472_EMUL_PROFILE_INTERNAL);
	KUNIT_EXPECT_TRUE(test, drv_wait_readable(test, &d, "vendor_pn"));
}

/* A swap logs the removal of the old module before the new one's line. */
static void drv_test_swap_log_order(struct kunit *test)
{
	int inserted, removed;
	struct drv d = {};

	drv_setup(test, &d, &drv_buses[0], SFF8472_EMUL_PROFILE_INTERNAL,
		  drv_no_props);
	drv_load(test, &d, SFF8472_EMUL_PROFILE_EXTERNAL);
	drv_poll(d.dev);
	drv_settle(test, &d);
	drv_expect_show(test, &d, "vendor_pn", "EMU-1G-LX10\n");
	drv_log_scan(test, dev_name(d.dev), " inserted", &inserted);
	drv_log_scan(test, dev_name(d.dev), "module removed", &removed);
	KUNIT_EXPECT_GE(test, removed, 0);
	KUNIT_EXPECT_GT(test, inserted, removed);
}

/*
 * A verification that misreads A2h (twice, so the re-read does not save
 * it) reads the module again; the same module keeps its hwmon device and
 * is not announced again.
 */
static void drv_test_misread_not_announced(struct kunit *test)
{
	struct device *hwmon;
	struct drv d = {};
	int inserted, removed;

	drv_setup(test, &d, &drv_buses[0], SFF8472_EMUL_PROFILE_INTERNAL,
		  drv_no_props);
	hwmon = drv_hold_hwmon(test, d.dev);
	inserted = drv_log_count(test, d.dev, " inserted");
	removed = drv_log_count(test, d.dev, "module removed");

	sff8472_emul_unstable_a2(d.emul, 0, 2);
	drv_kick(d.dev, SFF8472_KICK_DOUBT);
	drv_settle(test, &d);
	KUNIT_EXPECT_PTR_EQ(test, drv_hwmon(&d), hwmon);
	KUNIT_EXPECT_EQ(test, inserted, drv_log_count(test, d.dev,
						      " inserted"));
	KUNIT_EXPECT_EQ(test, removed, drv_log_count(test, d.dev,
						     "module removed"));
	drv_expect_show(test, &d, "vendor_pn", "EMU-10G-SR\n");
}

/*
 * A user-EEPROM write whose second page fails has still written the
 * first: the eeprom file returns those bytes, as at24 does, and the view
 * shows what the module holds.
 */
static void drv_test_partial_user_write(struct kunit *test)
{
	u8 *img = kunit_kzalloc(test, SFF8472_NVMEM_SIZE, GFP_KERNEL);
	u8 *orig = drv_profile_image(test, SFF8472_EMUL_PROFILE_INTERNAL);
	u8 data[16], got[16];
	struct drv d = {};
	int i;

	KUNIT_ASSERT_NOT_NULL(test, img);
	for (i = 0; i < sizeof(data); i++)
		data[i] = 0xc0 + i;
	sff8472_params.user_eeprom_writable = true;
	drv_setup(test, &d, &drv_buses[0], SFF8472_EMUL_PROFILE_INTERNAL,
		  drv_no_props);
	sff8472_emul_set_write_cycle(d.emul, 0);
	/* CC_DMI proof, page 130-135, its write-cycle poll, page 136-143. */
	sff8472_emul_nack_nth(d.emul, 4);
	KUNIT_EXPECT_EQ(test, (ssize_t)6,
			drv_eeprom_write(&d, 256 + 130, data, sizeof(data)));
	sff8472_emul_read_image(d.emul, img, SFF8472_NVMEM_SIZE);
	KUNIT_EXPECT_MEMEQ(test, img + 256 + 130, data, 6);
	KUNIT_EXPECT_MEMEQ(test, img + 256 + 136, orig + 256 + 136, 10);
	drv_settle(test, &d);
	KUNIT_EXPECT_EQ(test, (ssize_t)sizeof(got),
			drv_eeprom_read(&d, 256 + 130, got, sizeof(got)));
	KUNIT_EXPECT_MEMEQ(test, got, img + 256 + 130, sizeof(got));
}

#if IS_ENABLED(CONFIG_GPIOLIB)
/*
 * MOD_DEF0 asserted but the module does not answer a verification: it is
 * in doubt (missing) until it answers as itself again; then the same hwmon
 * device shows the same values.
 */
static void drv_test_doubt_missing(struct kunit *test)
{
	long before[3], after[3];
	struct device *hwmon;
	struct drv d = {};

	drv_gpio_create(test, 1);
	d.emul = sff8472_emul_kunit_create(test, SFF8472_EMUL_I2C, 0);
	drv_load(test, &d, SFF8472_EMUL_PROFILE_INTERNAL);
	drv_bind(test, &d, drv_gpio_props);
	drv_fake_irq(&d);
	hwmon = drv_hold_hwmon(test, d.dev);
	drv_doubt_values(test, &d, before);

	sff8472_emul_remove(d.emul);
	drv_kick(d.dev, SFF8472_KICK_DOUBT);
	KUNIT_EXPECT_EQ(test, SFF8472_HP_MISSING, drv_state(d.data));
	drv_expect_in_doubt(test, &d, hwmon);
	drv_expect_show(test, &d, "present", "1\n");

	KUNIT_ASSERT_EQ(test, 0, sff8472_emul_insert(d.emul));
	drv_settle(test, &d);
	KUNIT_EXPECT_EQ(test, SFF8472_HP_PRESENT, drv_state(d.data));
	KUNIT_EXPECT_PTR_EQ(test, drv_hwmon(&d), hwmon);
	drv_doubt_values(test, &d, after);
	KUNIT_EXPECT_EQ(test, before[0], after[0]);
	KUNIT_EXPECT_EQ(test, before[1], after[1]);
	KUNIT_EXPECT_EQ(test, before[2], after[2]);
}
#endif

/*
 * The snapshot's age is kept in 64 bits: one taken 2^32 jiffies ago (weeks
 * on a 32-bit BMC, where unsigned long arithmetic wraps) is old.
 */
static void drv_test_snapshot_age_64bit(struct kunit *test)
{
	struct sff8472_emul_stats st;
	struct drv d = {};

	drv_setup(test, &d, &drv_buses[0], SFF8472_EMUL_PROFILE_INTERNAL,
		  drv_no_props);
	mutex_lock(&d.data->cache.lock);
	d.data->cache.live.taken = sff8472_now(&d.data->cache) - BIT_ULL(32);
	mutex_unlock(&d.data->cache.lock);
	sff8472_emul_reset_stats(d.emul);
	drv_read_ok(test, &d, hwmon_temp, hwmon_temp_input, 0);
	drv_stats(&d, &st);
	KUNIT_EXPECT_EQ(test, st.transactions, 1ULL);
}

/*
 * The periodic look without MOD_DEF0 (issue: at most 1 ms of bus time per
 * second per cage at the default 1 s interval): CC_BASE and CC_EXT. I2C:
 * one transfer of four messages, START + 4 x (address or byte + ACK, with
 * their STARTs) = 4 x 19 + 1 = 77 bit times; the SMBus modes: two byte
 * reads of 39 bit times each.
 */
static void drv_test_poll_cost(struct kunit *test)
{
	const struct drv_bus *bus = test->param_value;
	bool combined = bus->mode == SFF8472_EMUL_I2C;
	struct sff8472_emul_stats st;
	struct drv d = {};

	drv_setup(test, &d, bus, SFF8472_EMUL_PROFILE_INTERNAL,
		  drv_no_props);
	sff8472_emul_reset_stats(d.emul);
	drv_poll(d.dev);
	drv_stats(&d, &st);
	KUNIT_EXPECT_EQ(test, st.transactions, combined ? 1ULL : 2ULL);
	KUNIT_EXPECT_EQ(test, st.bits, combined ? 77ULL : 78ULL);
	KUNIT_EXPECT_LE(test, st.bus_time_ns, 1000000ULL);
	KUNIT_EXPECT_EQ(test, st.nacks, 0ULL);
}

/* The look at a module with a check code of 0xFF at A0h @cc. */
static void drv_poll_cost_ff(struct kunit *test, unsigned int cc,
			     unsigned int fill, u64 xfers, u64 bits)
{
	const struct drv_bus *bus = test->param_value;
	u8 *img = drv_profile_image(test, SFF8472_EMUL_PROFILE_INTERNAL);
	unsigned int start = cc == 63 ? 0 : 64;
	struct sff8472_emul_stats st;
	struct drv d = {};

	img[fill] += 0xff - drv_sum(img + start, cc - start);
	img[cc] = drv_sum(img + start, cc - start);
	KUNIT_ASSERT_EQ(test, img[cc], 0xff);
	d.emul = sff8472_emul_kunit_create(test, bus->mode, bus->max_len);
	drv_load_image(test, &d, img);
	drv_bind(test, &d, drv_no_props);
	sff8472_emul_reset_stats(d.emul);
	drv_poll(d.dev);
	drv_stats(&d, &st);
	KUNIT_EXPECT_EQ_MSG(test, st.transactions, xfers, "A0h %u", cc);
	KUNIT_EXPECT_EQ_MSG(test, st.bits, bits, "A0h %u", cc);
	KUNIT_EXPECT_EQ(test, st.nacks, 0ULL);
	KUNIT_EXPECT_EQ(test, SFF8472_HP_PRESENT, drv_state(d.data));
}

/*
 * A check code of 0xFF is read twice in the look (the first all-0xFF read
 * is discarded): in the SMBus modes one byte read more (3 x 39 bits);
 * in the combined I2C mode a CC_BASE of 0xFF repeats the four-message
 * transfer (2 x 77 bits) and a CC_EXT of 0xFF, the proof byte in that
 * transfer, costs nothing. The bytes changed to make the sums: A0h 62
 * (unallocated) and 91 (date code lot).
 */
static void drv_test_poll_cost_ff(struct kunit *test)
{
	const struct drv_bus *bus = test->param_value;
	bool combined = bus->mode == SFF8472_EMUL_I2C;

	drv_poll_cost_ff(test, 63, 62, combined ? 2 : 3, combined ? 154 : 117);
	drv_poll_cost_ff(test, 95, 91, combined ? 1 : 3, combined ? 77 : 117);
}

/*
 * SONiC's writes through the eeprom file (optoe offsets): soft TX_DISABLE
 * is A2h 110 bit 6 at file offset 366, RS1 A2h 118 bit 3 at 374. They act
 * as the sysfs controls do: read-modify-write of the control bits only,
 * and only those the module advertises (A0h 93, 64).
 */
static void drv_test_sonic_control_writes(struct kunit *test)
{
	struct sff8472_emul_stats st;
	struct drv d = {};
	u8 *img = drv_profile_image(test, SFF8472_EMUL_PROFILE_INTERNAL);
	u8 byte;

	img[93] &= ~0x08;		/* no soft RS0 */
	drv_fix_codes(img);
	d.emul = sff8472_emul_kunit_create(test, SFF8472_EMUL_I2C, 0);
	drv_load_image(test, &d, img);
	sff8472_params.user_eeprom_writable = true;
	drv_bind(test, &d, drv_no_props);
	drv_expect_show(test, &d, "soft_tx_disable", "0\n");

	/* TX_DISABLE on, with the read-only status bits as read (RX_LOS). */
	byte = 0x40 | 0x02;
	KUNIT_EXPECT_EQ(test, 1, nvmem_device_write(d.nvmem, 366, 1,
						    &byte));
	KUNIT_ASSERT_EQ(test, SFF8472_NVMEM_SIZE,
			sff8472_emul_read_image(d.emul, img,
						SFF8472_NVMEM_SIZE));
	KUNIT_EXPECT_EQ(test, img[256 + 110] & 0x40, 0x40);
	drv_expect_show(test, &d, "soft_tx_disable", "1\n");

	/* RS1 on at 118, then both off again. */
	byte = 0x08;
	KUNIT_EXPECT_EQ(test, 1, nvmem_device_write(d.nvmem, 374, 1,
						    &byte));
	drv_expect_show(test, &d, "soft_rs1", "1\n");
	byte = 0;
	KUNIT_EXPECT_EQ(test, 1, nvmem_device_write(d.nvmem, 366, 1,
						    &byte));
	KUNIT_EXPECT_EQ(test, 1, nvmem_device_write(d.nvmem, 374, 1,
						    &byte));
	drv_expect_show(test, &d, "soft_tx_disable", "0\n");
	drv_expect_show(test, &d, "soft_rs1", "0\n");

	/* Soft RS0 is not advertised: changing it is refused, unwritten. */
	sff8472_emul_reset_stats(d.emul);
	byte = 0x08;
	KUNIT_EXPECT_EQ(test, -EOPNOTSUPP,
			nvmem_device_write(d.nvmem, 366, 1, &byte));
	drv_stats(&d, &st);
	KUNIT_EXPECT_EQ(test, st.transactions, 0ULL);
	KUNIT_EXPECT_EQ(test, -EOPNOTSUPP,
			drv_store(&d, "soft_rate_select", "1"));
}

/*
 * A GPON stick whose SoC emulates the EEPROM (RTL8672/RTL9601C): reads of
 * more than a byte return the first byte and zeros. Found on insertion,
 * then read in single bytes; it decodes like its image (the internal
 * profile's values) in every adapter mode. One log line per insertion.
 */
static void drv_test_gpon_byte_io(struct kunit *test)
{
	const struct drv_bus *bus = test->param_value;
	struct drv d = {};
	u8 *img = kunit_kzalloc(test, SFF8472_NVMEM_SIZE, GFP_KERNEL);
	u8 *got = kunit_kzalloc(test, SFF8472_NVMEM_SIZE, GFP_KERNEL);

	static const char msg[] = "one byte at a time";
	char name[16];
	int before;

	KUNIT_ASSERT_NOT_NULL(test, img);
	KUNIT_ASSERT_NOT_NULL(test, got);
	d.emul = sff8472_emul_kunit_create(test, bus->mode, bus->max_len);
	snprintf(name, sizeof(name), "%d-0050",
		 i2c_adapter_id(sff8472_emul_adapter(d.emul)));
	before = drv_log_count_of(test, name, msg);
	drv_load(test, &d, SFF8472_EMUL_PROFILE_GPON);
	drv_bind(test, &d, drv_no_props);
	drv_expect_show(test, &d, "vendor_pn", "EMU-GPON-ONU\n");
	drv_expect_show(test, &d, "wavelength", "1310\n");
	KUNIT_ASSERT_NOT_NULL(test, drv_hwmon(&d));
	drv_no_cache(test, &d);
	drv_expect_channels(test, &d, &drv_internal);
	KUNIT_ASSERT_EQ(test, SFF8472_NVMEM_SIZE,
			sff8472_emul_profile_image(SFF8472_EMUL_PROFILE_GPON,
						   img, SFF8472_NVMEM_SIZE));
	KUNIT_EXPECT_EQ(test, (ssize_t)SFF8472_NVMEM_SIZE,
			drv_eeprom_read(&d, 0, got, SFF8472_NVMEM_SIZE));
	KUNIT_EXPECT_MEMEQ(test, got, img, SFF8472_NVMEM_SIZE);
	KUNIT_EXPECT_EQ(test, bus->mode == SFF8472_EMUL_SMBUS_BYTE ? 0 : 1,
			drv_log_count(test, d.dev, msg) - before);
}

/*
 * A NACK at each transaction of a `sensors` read-out in turn (issue 9's
 * fault injection, first step): every input and alarm read is the right
 * value or an error, never another value; once the fault is gone the
 * same module is shown again, without re-insertion.
 */
static void drv_test_nack_each_transaction(struct kunit *test)
{
	const struct drv_bus *bus = test->param_value;
	struct device *hwmon;
	struct drv d = {};
	int k, i, wrong = 0, errors = 0;
	long val;

	drv_setup(test, &d, bus, SFF8472_EMUL_PROFILE_INTERNAL,
		  drv_no_props);
	hwmon = drv_hold_hwmon(test, d.dev);
	for (k = 1; k <= bus->snapshot_xfers; k++) {
		drv_settle(test, &d);
		drv_expire(&d);
		sff8472_emul_nack_nth(d.emul, k);
		for (i = 0; i < ARRAY_SIZE(drv_chans); i++) {
			const struct drv_chan *c = &drv_chans[i];
			const u32 *a = drv_attrs[c->type];

			if (drv_read(&d, c->type, a[COL_INPUT], c->channel,
				     &val))
				errors++;
			else
				wrong += val != drv_internal.input[i];
			if (drv_read(&d, c->type, a[COL_CRIT_ALARM],
				     c->channel, &val))
				errors++;
			else
				wrong += val != 0;
		}
		sff8472_emul_clear_faults(d.emul);
	}
	kunit_info(test, "%s: %d transactions faulted, %d reads failed\n",
		   bus->name, bus->snapshot_xfers, errors);
	kunit_info(test, "sff8472-summary: faults %d\n", bus->snapshot_xfers);
	KUNIT_EXPECT_EQ(test, wrong, 0);
	KUNIT_EXPECT_GT(test, errors, 0);
	drv_settle(test, &d);
	drv_expire(&d);
	drv_expect_channels(test, &d, &drv_internal);
	KUNIT_EXPECT_PTR_EQ(test, drv_hwmon(&d), hwmon);
}

/*
 * Fault injection at every transaction (issue 9): for an insertion, a
 * `sensors` read-out and a full eeprom read, a NACK, 0xFF data and a
 * removal at each transaction k of the operation in turn, and a removal
 * after each byte n (which includes the removal at every k > 1: it is the
 * removal after the last byte of transaction k - 1); for a swap, the same
 * without the bytes. Also at each k: a glitch inside the transfer, its
 * data bytes from the second on reading 0xFF while the module stays (the
 * first byte is the module's, so the piece is not all 0xFF). Whatever the
 * driver shows is the present module's documented value or an error: never
 * the previous module's, never one decoded from 0xFF, and once the fault is
 * gone (the module put back) the right values again, without unbinding.
 */
enum drv_fault_kind {
	DRV_FAULT_NONE, DRV_FAULT_NACK, DRV_FAULT_FF, DRV_FAULT_REMOVAL,
	DRV_FAULT_REMOVAL_BYTE, DRV_FAULT_FF_TAIL
};

static const char * const drv_fault_names[] = {
	[DRV_FAULT_NONE] = "no fault",
	[DRV_FAULT_NACK] = "NACK", [DRV_FAULT_FF] = "0xFF data",
	[DRV_FAULT_REMOVAL] = "removal",
	[DRV_FAULT_REMOVAL_BYTE] = "removal after byte",
	[DRV_FAULT_FF_TAIL] = "0xFF from the 2nd data byte",
};

/* A module and its documented identity and values. */
struct drv_module {
	const char *profile;
	const char *vendor_pn;
	const char *vendor_sn;
	const struct drv_expect *expect;
};

static const struct drv_module drv_mod_internal = {
	SFF8472_EMUL_PROFILE_INTERNAL, "EMU-10G-SR\n", "EMU10SR0001\n",
	&drv_internal,
};

static const struct drv_module drv_mod_addr_change = {
	SFF8472_EMUL_PROFILE_ADDR_CHANGE, "EMU-1G-SX-AC\n", "EMU1GSX0004\n",
	&drv_addr_change,
};

struct drv_fault_run;

struct drv_fault_op {
	const char *name;
	const struct drv_module *mod;	/* in the cage during the operation */
	const struct drv_module *prev;	/* shown before it, or NULL */
	/* Transactions of the operation in a fault-free run, or 0: unknown. */
	unsigned int (*expected_xfers)(const struct drv_bus *bus);
	void (*prepare)(struct drv_fault_run *r);	/* no fault armed */
	void (*start)(struct drv_fault_run *r);		/* before arming */
	void (*run)(struct drv_fault_run *r);		/* the bus traffic */
	bool each_byte;		/* a removal after each byte too */
	bool same_hwmon;	/* no re-publication: the module stays */
};

struct drv_fault_run {
	struct kunit *test;
	struct drv d;
	const struct drv_bus *bus;
	const struct drv_fault_op *op;
	struct device *hwmon;	/* published before the faults */
	u8 *img;		/* the image of op->mod */
	u8 *got;
	char *text;
	enum drv_fault_kind kind;
	unsigned int at;	/* transaction or byte of the fault */
	unsigned int xfers;	/* of the operation without a fault */
	unsigned int ff_changed;	/* 0xFF faults that changed data */
	int errors;		/* reads that failed while faulted */
	int kind_errors[DRV_FAULT_FF_TAIL + 1];
};

/* Run the machine (deadlines due) until it rests in @want. */
static void drv_fault_reach(struct drv_fault_run *r, enum sff8472_hp_state want)
{
	int i;

	for (i = 0; i < 8 && drv_state(r->d.data) != want; i++) {
		drv_deadline_due(&r->d);
		drv_poll(r->d.dev);
	}
	KUNIT_EXPECT_EQ_MSG(r->test, (int)want, (int)drv_state(r->d.data),
			    "%s: %s at %u: hot-plug in %s", r->op->name,
			    drv_fault_names[r->kind], r->at,
			    sff8472_hp_state_name(drv_state(r->d.data)));
}

/* One value seen while faulted: an error, or exactly @want. */
static void drv_fault_value(struct drv_fault_run *r, int ret, long val,
			    long want, const char *what, int index)
{
	if (ret) {
		r->errors++;
		return;
	}
	KUNIT_EXPECT_EQ_MSG(r->test, val, want, "%s: %s at %u: %s %d",
			    r->op->name, drv_fault_names[r->kind], r->at,
			    what, index);
}

/* Every hwmon input, limit and alarm (the profiles raise no alarm). */
static void drv_fault_sensors(struct drv_fault_run *r)
{
	const struct drv_expect *e = r->op->mod->expect;
	int i, col, ret;
	long val;

	for (i = 0; i < ARRAY_SIZE(drv_chans); i++) {
		const struct drv_chan *c = &drv_chans[i];
		const u32 *a = drv_attrs[c->type];

		val = LONG_MIN;
		ret = drv_read(&r->d, c->type, a[COL_INPUT], c->channel, &val);
		drv_fault_value(r, ret, val, e->input[i], "input", i);
		for (col = COL_LCRIT; col <= COL_CRIT_ALARM; col++) {
			long want = col <= COL_CRIT ?
				    e->limit[i][col - COL_LCRIT] : 0;

			ret = drv_read(&r->d, c->type, a[col], c->channel,
				       &val);
			drv_fault_value(r, ret, val, want, c->label, col);
		}
	}
}

/* The eeprom file: an error, or the image's bytes (a short read too). */
static void drv_fault_eeprom(struct drv_fault_run *r)
{
	ssize_t n;

	memset(r->got, 0, SFF8472_NVMEM_SIZE);
	n = drv_eeprom_read(&r->d, 0, r->got, SFF8472_NVMEM_SIZE);
	if (n <= 0) {
		r->errors++;
		return;
	}
	KUNIT_EXPECT_MEMEQ_MSG(r->test, r->got, r->img, n, "%s: %s at %u",
			       r->op->name, drv_fault_names[r->kind], r->at);
}

/* A sysfs file: an error, or @want. */
static void drv_fault_file(struct drv_fault_run *r, const char *name,
			   const char *want)
{
	if (drv_attr_show(r->d.dev, name, r->text) < 0) {
		r->errors++;
		return;
	}
	KUNIT_EXPECT_STREQ_MSG(r->test, r->text, want, "%s: %s at %u: %s",
			       r->op->name, drv_fault_names[r->kind], r->at,
			       name);
}

/* Identity and status bits (the profiles: no RX_LOS, no TX_FAULT). */
static void drv_fault_files(struct drv_fault_run *r)
{
	drv_fault_file(r, "vendor_pn", r->op->mod->vendor_pn);
	drv_fault_file(r, "vendor_sn", r->op->mod->vendor_sn);
	drv_fault_file(r, "rx_los", "0\n");
	drv_fault_file(r, "tx_fault", "0\n");
	drv_fault_file(r, "data_ready", "1\n");
}

/* What a user sees while, or right after, the fault hit. */
static void drv_fault_look(struct drv_fault_run *r)
{
	drv_fault_sensors(r);
	drv_fault_files(r);
	drv_fault_eeprom(r);
}

/*
 * The fault is gone, the module back, and the driver had its periodic look
 * (an address-change module put back answers at A0h again, which only a
 * look finds out): all right again, no error.
 */
static void drv_fault_recovered(struct drv_fault_run *r)
{
	const struct drv_module *m = r->op->mod;
	struct kunit *test = r->test;
	long val;

	sff8472_emul_clear_faults(r->d.emul);
	if (!sff8472_emul_present(r->d.emul))
		KUNIT_ASSERT_EQ(test, 0, sff8472_emul_insert(r->d.emul));
	drv_poll(r->d.dev);
	drv_fault_reach(r, SFF8472_HP_PRESENT);
	drv_expire(&r->d);
	KUNIT_ASSERT_NOT_NULL(test, drv_hwmon(&r->d));
	KUNIT_ASSERT_EQ_MSG(test, 0, drv_read(&r->d, hwmon_temp,
					      hwmon_temp_input, 0, &val),
			    "%s: %s at %u: not recovered", r->op->name,
			    drv_fault_names[r->kind], r->at);
	drv_expect_channels(test, &r->d, m->expect);
	drv_expect_show(test, &r->d, "vendor_pn", m->vendor_pn);
	drv_expect_show(test, &r->d, "vendor_sn", m->vendor_sn);
	KUNIT_EXPECT_EQ(test, (ssize_t)SFF8472_NVMEM_SIZE,
			drv_eeprom_read(&r->d, 0, r->got, SFF8472_NVMEM_SIZE));
	KUNIT_EXPECT_MEMEQ(test, r->got, r->img, SFF8472_NVMEM_SIZE);
}

static void drv_fault_arm(struct drv_fault_run *r)
{
	switch (r->kind) {
	case DRV_FAULT_NONE:
		break;
	case DRV_FAULT_NACK:
		sff8472_emul_nack_nth(r->d.emul, r->at);
		break;
	case DRV_FAULT_FF:
		sff8472_emul_ff_nth(r->d.emul, r->at);
		break;
	case DRV_FAULT_REMOVAL:
		sff8472_emul_remove_nth(r->d.emul, r->at);
		break;
	case DRV_FAULT_REMOVAL_BYTE:
		sff8472_emul_remove_after(r->d.emul, r->at);
		break;
	case DRV_FAULT_FF_TAIL:
		sff8472_emul_ff_nth_from(r->d.emul, r->at, 1);
		break;
	}
}

/*
 * What one armed fault did: it fired (before it was cleared); 0xFF data in
 * one transaction is read once more, so it costs exactly one transaction
 * more (none when it changed no byte: a write, or bytes that were 0xFF
 * anyway) and no reader sees an error.
 */
static void drv_fault_check(struct drv_fault_run *r,
			    const struct sff8472_emul_stats *st,
			    unsigned int xfers)
{
	struct kunit *test = r->test;
	const char *name = drv_fault_names[r->kind];

	KUNIT_EXPECT_EQ_MSG(test, st->faults, 1ULL, "%s: %s at %u: fired",
			    r->op->name, name, r->at);
	r->kind_errors[r->kind] += r->errors;
	if (r->kind != DRV_FAULT_FF)
		return;
	r->ff_changed += !!st->ff_bytes;
	KUNIT_EXPECT_EQ_MSG(test, st->transactions,
			    (u64)xfers + !!st->ff_bytes,
			    "%s: %s at %u: transactions", r->op->name, name,
			    r->at);
	KUNIT_EXPECT_EQ_MSG(test, r->errors, 0, "%s: %s at %u: errors",
			    r->op->name, name, r->at);
}

/* One operation with one fault, what it shows, and the recovery. */
static void drv_fault_once(struct drv_fault_run *r, enum drv_fault_kind kind,
			   unsigned int at)
{
	struct sff8472_emul_stats st;

	r->kind = kind;
	r->at = at;
	r->errors = 0;
	r->op->prepare(r);
	r->op->start(r);
	sff8472_emul_reset_stats(r->d.emul);
	drv_fault_arm(r);
	r->op->run(r);
	drv_stats(&r->d, &st);
	drv_fault_look(r);
	drv_fault_check(r, &st, r->xfers);
	drv_fault_recovered(r);
}

/* Transactions and bytes of the operation without a fault. */
static void drv_fault_measure(struct drv_fault_run *r, unsigned int *xfers,
			      unsigned int *bytes)
{
	struct sff8472_emul_stats st;

	r->op->prepare(r);
	r->op->start(r);
	sff8472_emul_reset_stats(r->d.emul);
	r->op->run(r);
	drv_stats(&r->d, &st);
	KUNIT_EXPECT_EQ(r->test, st.nacks, 0ULL);
	*xfers = st.transactions;
	*bytes = st.bytes_read + st.bytes_written;
	r->errors = 0;
	drv_fault_look(r);
	KUNIT_EXPECT_EQ_MSG(r->test, r->errors, 0, "%s without a fault",
			    r->op->name);
	drv_fault_recovered(r);
}

static void drv_fault_every_transfer(struct kunit *test,
				     const struct drv_fault_op *op)
{
	const struct drv_bus *bus = test->param_value;
	struct drv_fault_run r = { .test = test, .bus = bus, .op = op };
	unsigned int xfers, bytes, k;
	ktime_t start = ktime_get();
	int faults = 0;

	r.img = drv_profile_image(test, op->mod->profile);
	r.got = kunit_kzalloc(test, SFF8472_NVMEM_SIZE, GFP_KERNEL);
	r.text = kunit_kzalloc(test, PAGE_SIZE, GFP_KERNEL);
	KUNIT_ASSERT_NOT_NULL(test, r.got);
	KUNIT_ASSERT_NOT_NULL(test, r.text);
	drv_setup(test, &r.d, bus, op->prev ? op->prev->profile :
		  op->mod->profile, drv_gc_props);
	r.hwmon = drv_hold_hwmon(test, r.d.dev);

	drv_fault_measure(&r, &xfers, &bytes);
	r.xfers = xfers;
	if (op->expected_xfers)
		KUNIT_EXPECT_EQ(test, xfers, op->expected_xfers(bus));
	for (k = 1; k <= xfers; k++) {
		drv_fault_once(&r, DRV_FAULT_NACK, k);
		drv_fault_once(&r, DRV_FAULT_FF, k);
		drv_fault_once(&r, DRV_FAULT_FF_TAIL, k);
		faults += 3;
		if (k == 1 || !op->each_byte) {
			drv_fault_once(&r, DRV_FAULT_REMOVAL, k);
			faults++;
		}
	}
	for (k = 1; op->each_byte && k <= bytes; k++, faults++)
		drv_fault_once(&r, DRV_FAULT_REMOVAL_BYTE, k);
	kunit_info(test, "%s, %s: %u transactions, %u bytes, %d faults, reads failed: %d NACK, %d 0xFF, %d 0xFF tail, %d removal, %d removal after byte, %lld ms\n",
		   op->name, bus->name, xfers, bytes, faults,
		   r.kind_errors[DRV_FAULT_NACK], r.kind_errors[DRV_FAULT_FF],
		   r.kind_errors[DRV_FAULT_FF_TAIL],
		   r.kind_errors[DRV_FAULT_REMOVAL],
		   r.kind_errors[DRV_FAULT_REMOVAL_BYTE],
		   ktime_ms_delta(ktime_get(), start));
	kunit_info(test, "sff8472-summary: faults %d\n", faults);
	KUNIT_EXPECT_GT(test, r.kind_errors[DRV_FAULT_NACK], 0);
	KUNIT_EXPECT_EQ(test, r.kind_errors[DRV_FAULT_FF], 0);
	KUNIT_EXPECT_GT(test, r.ff_changed, 0U);
	KUNIT_EXPECT_GT(test, r.kind_errors[DRV_FAULT_REMOVAL], 0);
	if (op->each_byte)
		KUNIT_EXPECT_GT(test,
				r.kind_errors[DRV_FAULT_REMOVAL_BYTE], 0);
	if (op->same_hwmon)
		KUNIT_EXPECT_PTR_EQ(test, drv_hwmon(&r.d), r.hwmon);
}

/* The cage is empty and the driver knows it. */
static void drv_fault_empty(struct drv_fault_run *r)
{
	sff8472_emul_remove(r->d.emul);
	drv_fault_reach(r, SFF8472_HP_EMPTY);
	KUNIT_EXPECT_NULL(r->test, drv_hwmon(&r->d));
}

static void drv_fault_insert(struct drv_fault_run *r)
{
	KUNIT_ASSERT_EQ(r->test, 0, sff8472_emul_insert(r->d.emul));
}

/* The driver shows the previous module, which is swapped for the next. */
static void drv_fault_show_prev(struct drv_fault_run *r)
{
	drv_load(r->test, &r->d, r->op->prev->profile);
	drv_poll(r->d.dev);
	drv_fault_reach(r, SFF8472_HP_PRESENT);
	drv_expect_show(r->test, &r->d, "vendor_sn", r->op->prev->vendor_sn);
}

static void drv_fault_swap(struct drv_fault_run *r)
{
	drv_load(r->test, &r->d, r->op->mod->profile);
}

/* The hot-plug path: the periodic look finds the module and reads it. */
static void drv_fault_poll(struct drv_fault_run *r)
{
	drv_poll(r->d.dev);
}

static void drv_fault_nothing(struct drv_fault_run *r)
{
}

/* The snapshot has expired: the next reader takes a new one. */
static void drv_fault_expire(struct drv_fault_run *r)
{
	drv_expire(&r->d);
}

static void drv_fault_read_eeprom(struct drv_fault_run *r)
{
	drv_fault_eeprom(r);
}

static unsigned int drv_insert_xfers(const struct drv_bus *bus)
{
	return bus->insert_xfers;
}

static unsigned int drv_snapshot_xfers(const struct drv_bus *bus)
{
	return bus->snapshot_xfers;
}

static const struct drv_fault_op drv_fault_insertion = {
	"insertion", &drv_mod_internal, NULL, drv_insert_xfers,
	drv_fault_empty, drv_fault_insert, drv_fault_poll, true,
};

/*
 * B is the address-change module: its insertion (A0h, the general call,
 * A2h) is the one faulted, at each transaction, in every adapter mode.
 */
static const struct drv_fault_op drv_fault_swap_op = {
	"swap", &drv_mod_addr_change, &drv_mod_internal, NULL,
	drv_fault_show_prev, drv_fault_swap, drv_fault_poll, false,
};

static const struct drv_fault_op drv_fault_readout = {
	"sensors", &drv_mod_internal, NULL, drv_snapshot_xfers,
	drv_fault_nothing, drv_fault_expire, drv_fault_sensors, true, true,
};

static const struct drv_fault_op drv_fault_eeprom_op = {
	"eeprom", &drv_mod_internal, NULL, drv_snapshot_xfers,
	drv_fault_nothing, drv_fault_expire, drv_fault_read_eeprom, true,
	true,
};

/*
 * A module whose CC_DMI happens to be 0xFF: a snapshot transaction of 0xFF
 * that ends with the proof byte proves nothing then. 0xFF data at each
 * transaction of the snapshot is still never a value, alarm or status bit,
 * nor an error: it costs exactly one transaction more. A2h 94
 * (unallocated, ignored by the driver) makes the sum 0xFF.
 */
static void drv_test_fault_cc_dmi_ff(struct kunit *test)
{
	const struct drv_bus *bus = test->param_value;
	struct drv_fault_run r = {
		.test = test, .bus = bus, .op = &drv_fault_readout,
		.kind = DRV_FAULT_FF,
	};
	struct sff8472_emul_stats st;
	u8 *a2;

	r.img = drv_profile_image(test, SFF8472_EMUL_PROFILE_INTERNAL);
	r.got = kunit_kzalloc(test, SFF8472_NVMEM_SIZE, GFP_KERNEL);
	r.text = kunit_kzalloc(test, PAGE_SIZE, GFP_KERNEL);
	KUNIT_ASSERT_NOT_NULL(test, r.got);
	KUNIT_ASSERT_NOT_NULL(test, r.text);
	a2 = r.img + SFF8472_PAGE_LEN;
	a2[94] = 0xff - drv_sum(a2, 94);
	a2[95] = drv_sum(a2, 95);
	KUNIT_ASSERT_EQ(test, a2[95], 0xff);
	r.d.emul = sff8472_emul_kunit_create(test, bus->mode, bus->max_len);
	drv_load_image(test, &r.d, r.img);
	drv_bind(test, &r.d, drv_no_props);
	drv_expire(&r.d);
	sff8472_emul_reset_stats(r.d.emul);
	drv_fault_look(&r);
	drv_stats(&r.d, &st);
	KUNIT_EXPECT_EQ(test, r.errors, 0);
	r.xfers = st.transactions;
	/* Its proof byte of 0xFF is read twice where it is read alone. */
	KUNIT_EXPECT_EQ(test, r.xfers, bus->snapshot_xfers +
				       (bus->mode != SFF8472_EMUL_I2C));
	for (r.at = 1; r.at <= r.xfers; r.at++) {
		drv_expire(&r.d);
		r.errors = 0;
		sff8472_emul_reset_stats(r.d.emul);
		sff8472_emul_ff_nth(r.d.emul, r.at);
		drv_fault_look(&r);
		drv_stats(&r.d, &st);
		drv_fault_check(&r, &st, r.xfers);
		drv_fault_recovered(&r);
	}
	KUNIT_EXPECT_GT(test, r.ff_changed, 0U);
	kunit_info(test, "sff8472-summary: faults %u\n", r.xfers);
}

static void drv_test_fault_insertion(struct kunit *test)
{
	drv_fault_every_transfer(test, &drv_fault_insertion);
}

static void drv_test_fault_swap(struct kunit *test)
{
	drv_fault_every_transfer(test, &drv_fault_swap_op);
}

static void drv_test_fault_sensors(struct kunit *test)
{
	drv_fault_every_transfer(test, &drv_fault_readout);
}

static void drv_test_fault_eeprom(struct kunit *test)
{
	drv_fault_every_transfer(test, &drv_fault_eeprom_op);
}

static struct kunit_case sff8472_driver_cases[] = {
	KUNIT_CASE_PARAM(drv_test_modes_internal, drv_bus_gen_params),
	KUNIT_CASE_PARAM(drv_test_modes_external, drv_bus_gen_params),
	KUNIT_CASE_PARAM(drv_test_modes_addr_change, drv_bus_gen_params),
	KUNIT_CASE_PARAM(drv_test_transaction_budget, drv_bus_gen_params),
	KUNIT_CASE(drv_test_max_transfer_param),
	KUNIT_CASE_PARAM(drv_test_no_torn_reads, drv_atomic_gen_params),
	KUNIT_CASE(drv_test_byte_mode_retry),
	KUNIT_CASE(drv_test_copper),
	KUNIT_CASE(drv_test_empty_cage),
	KUNIT_CASE(drv_test_identity),
	KUNIT_CASE(drv_test_hot_swap),
	KUNIT_CASE(drv_test_resume_rechecks),
	KUNIT_CASE(drv_test_removal),
	KUNIT_CASE(drv_test_data_ready),
	KUNIT_CASE(drv_test_alarm_flags),
	KUNIT_CASE(drv_test_alarm_without_flags),
	KUNIT_CASE(drv_test_bad_checksum),
	KUNIT_CASE(drv_test_nack),
	KUNIT_CASE(drv_test_removed_mid_read),
	KUNIT_CASE(drv_test_slow_module),
	KUNIT_CASE(drv_test_update_interval),
	KUNIT_CASE_PARAM(drv_test_nvmem_identical, drv_bus_gen_params),
	KUNIT_CASE(drv_test_nvmem_write_default_off),
	KUNIT_CASE_PARAM(drv_test_nvmem_write, drv_bus_gen_params),
	KUNIT_CASE(drv_test_write_range),
	KUNIT_CASE(drv_test_control_bytes_default),
	KUNIT_CASE(drv_test_tx_disable_not_advertised),
	KUNIT_CASE(drv_test_optoe2),
	KUNIT_CASE(drv_test_controls),
	KUNIT_CASE(drv_test_sonic_control_writes),
	KUNIT_CASE(drv_test_controls_not_advertised),
	KUNIT_CASE(drv_test_addr_change_after_error),
	KUNIT_CASE_PARAM_ATTR(drv_test_nack_each_transaction, drv_bus_gen_params,
			      { .speed = KUNIT_SPEED_SLOW }),
	KUNIT_CASE_PARAM(drv_test_gpon_byte_io, drv_bus_gen_params),
	KUNIT_CASE_PARAM(drv_test_eeprom_one_snapshot, drv_bus_gen_params),
	KUNIT_CASE(drv_test_removed_during_snapshot),
	KUNIT_CASE(drv_test_a0_only_module),
	KUNIT_CASE(drv_test_thresholds_not_filled),
	KUNIT_CASE(drv_test_blank_a2),
	KUNIT_CASE(drv_test_not_sfp),
	KUNIT_CASE(drv_test_swap_cloned_serial),
	KUNIT_CASE(drv_test_unstable_cc_dmi),
	KUNIT_CASE(drv_test_two_nacks_no_removal),
	KUNIT_CASE(drv_test_doubt_on_stale),
	KUNIT_CASE(drv_test_write_proves_module),
	KUNIT_CASE(drv_test_read_meets_other_module),
	KUNIT_CASE(drv_test_doubt_settled_soon),
	KUNIT_CASE(drv_test_swap_log_order),
	KUNIT_CASE(drv_test_misread_not_announced),
	KUNIT_CASE(drv_test_partial_user_write),
	KUNIT_CASE(drv_test_snapshot_age_64bit),
	KUNIT_CASE_PARAM(drv_test_poll_cost, drv_bus_gen_params),
	KUNIT_CASE_PARAM(drv_test_poll_cost_ff, drv_bus_gen_params),
	KUNIT_CASE(drv_test_no_general_call),
	KUNIT_CASE(drv_test_no_general_call_after_addr_change),
	KUNIT_CASE(drv_test_addr_change_not_allowed),
	KUNIT_CASE(drv_test_a2_zero_no_ddm),
	KUNIT_CASE(drv_test_transient_error),
	KUNIT_CASE(drv_test_freezable_work),
	KUNIT_CASE(drv_test_hwmon_error_once),
	KUNIT_CASE_PARAM(drv_test_hwmon_name, drv_name_gen_params),
	KUNIT_CASE(drv_test_map_label),
	KUNIT_CASE(drv_test_hwmon_name_bound),
	KUNIT_CASE_PARAM_ATTR(drv_test_fault_insertion, drv_bus_gen_params,
			      { .speed = KUNIT_SPEED_SLOW }),
	KUNIT_CASE_PARAM_ATTR(drv_test_fault_swap, drv_bus_gen_params,
			      { .speed = KUNIT_SPEED_SLOW }),
	KUNIT_CASE_PARAM(drv_test_fault_cc_dmi_ff, drv_bus_gen_params),
	KUNIT_CASE_PARAM_ATTR(drv_test_fault_sensors, drv_bus_gen_params,
			      { .speed = KUNIT_SPEED_SLOW }),
	KUNIT_CASE_PARAM_ATTR(drv_test_fault_eeprom, drv_bus_gen_params,
			      { .speed = KUNIT_SPEED_SLOW }),
#if IS_ENABLED(CONFIG_GPIOLIB)
	KUNIT_CASE(drv_test_gpio_presence),
	KUNIT_CASE(drv_test_gpio_slow_module),
	KUNIT_CASE(drv_test_gpio_slow_module_huge_poll),
	KUNIT_CASE(drv_test_gpio_slow_warning),
	KUNIT_CASE(drv_test_probe_first_look),
	KUNIT_CASE(drv_test_gpio_irq_reread_retry),
	KUNIT_CASE(drv_test_gpio_error_not_removal),
	KUNIT_CASE(drv_test_gpio_settle),
	KUNIT_CASE(drv_test_gpio_irq_defer),
	KUNIT_CASE(drv_test_doubt_missing),
#endif
	{}
};

/*
 * The module parameters as loaded, while the tests change them for the
 * cages they bind: each test starts from these with the poll quiet.
 */
static struct sff8472_params drv_params_loaded;

static int drv_suite_init(struct kunit_suite *suite)
{
	drv_params_loaded = sff8472_params;
	return 0;
}

static int drv_test_init(struct kunit *test)
{
	sff8472_params = drv_params_loaded;
	sff8472_params.poll_interval_ms = QUIET_POLL_MS;
	return 0;
}

static void drv_suite_exit(struct kunit_suite *suite)
{
	sff8472_params = drv_params_loaded;
}

static struct kunit_suite sff8472_driver_suite = {
	.name = "sff8472_driver",
	.suite_init = drv_suite_init,
	.init = drv_test_init,
	.suite_exit = drv_suite_exit,
	.test_cases = sff8472_driver_cases,
};

kunit_test_suite(sff8472_driver_suite);

MODULE_DESCRIPTION("KUnit tests for the sff8472 driver against the emulator");
MODULE_LICENSE("GPL");
