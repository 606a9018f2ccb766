// SPDX-License-Identifier: GPL-2.0-only
/*
 * SFF-8472 SFP transceiver diagnostics: probe, cache and hot-plug.
 *
 * Cache. Static data (A0h 0-95, A2h 0-95) is read and checked once per
 * insertion; identity, thresholds and calibration are decoded from it.
 * Live data (A2h 96-119) is one snapshot per update_interval. Everything is
 * under data->lock, together with the bus traffic, so a value is always
 * decoded with the constants of the module it was read from.
 *
 * Check codes. A block whose check code (CC_BASE, CC_EXT or CC_DMI) is
 * wrong is read once more, since a module that is still settling or being
 * pulled out can return a torn block. If it is still wrong, the failure is
 * logged once for that insertion, shown as 0 in cc_base_ok, cc_ext_ok or
 * cc_dmi_ok, and the block is decoded anyway: many modules in the field
 * carry wrong check codes but valid data, and hiding their diagnostics
 * would help nobody. An A0h block of all 0xFF is not a module (an empty or
 * half-removed cage reads as pulled-up lines) and counts as absent.
 *
 * Hot-plug. With a MOD_DEF0 GPIO, its level tells presence; every IRQ
 * edge makes the module be read again (an edge pair can hide a swap).
 * After an insertion edge (or a level change seen by the GPIO poll) the
 * module gets t_serial (300 ms) before the first read; the cage reads as
 * empty meanwhile. A GPIO read error is no removal: the level is read
 * again after the back-off below. Without an IRQ (polled GPIO, or no GPIO
 * at all) a poll every sff,poll-interval-ms re-reads A0h 68-95 (serial
 * number, date code, options, CC_EXT): different bytes mean another
 * module, which is then read from scratch, and without a GPIO a NACK means
 * removal. A live or EEPROM read that fails returns -EIO and queues the
 * same check, which tells a removal from a swap and from a transient error
 * (same module: nothing changes). A live read that finds another CC_DMI
 * than the cached one (a swap between two polls) marks the cage empty at
 * once, so the new module's values are never decoded with the old
 * constants. Modules that NACK for a while after insertion are retried
 * with a bounded back-off from the work item, so readers never wait for
 * them.
 *
 * All of this runs in one work item, on the freezable workqueue (no bus
 * traffic while the system is suspended); probe queues it and waits for
 * it, so it never runs concurrently with itself.
 */

#include <linux/device.h>
#include <linux/gpio/consumer.h>
#include <linux/i2c.h>
#include <linux/interrupt.h>
#include <linux/jiffies.h>
#include <linux/kobject.h>
#include <linux/minmax.h>
#include <linux/mod_devicetable.h>
#include <linux/module.h>
#include <linux/property.h>
#include <linux/string.h>

#include <kunit/visibility.h>

#include "sff8472.h"
#include "sff8472_compat.h"
#include "sff8472_version.h"

#define SFF8472_A2_ADDR			0x51
#define SFF8472_SN_START		68	/* A0h 68-95: SN ... CC_EXT */
#define SFF8472_SN_LEN			(SFF8472_BASE_LEN - SFF8472_SN_START)
#define SFF8472_RETRY_MIN_MS		50
#define SFF8472_POLL_MIN_MS		50
#define SFF8472_SLOW_WARN_MS		60000	/* GPON sticks: up to 60 s */
#define SFF8472_T_SERIAL_MS		300	/* SFF-8472 Table 3.11 */

static bool user_eeprom_writable;
module_param(user_eeprom_writable, bool, 0644);
MODULE_PARM_DESC(user_eeprom_writable,
		 "Allow writes to the A2h user EEPROM (bytes 128-247) through nvmem; applies to cages bound afterwards");

enum sff8472_event {
	SFF8472_EV_NONE,
	SFF8472_EV_INSERTED,
	SFF8472_EV_REMOVED,
	SFF8472_EV_SWAPPED,
};

static bool sff8472_all_ff(const u8 *buf, size_t len)
{
	return !memchr_inv(buf, 0xff, len);
}

/* Read A0h 0-95, once more if a check code is wrong (see top of file). */
static int sff8472_read_a0(struct sff8472_data *data, u8 *a0)
{
	int ret;

	ret = sff8472_bus_read(data, SFF8472_PAGE_A0, 0, a0, SFF8472_BASE_LEN);
	if (!ret && !(sff8472_base_checksum_ok(a0) &&
		      sff8472_ext_checksum_ok(a0)))
		ret = sff8472_bus_read(data, SFF8472_PAGE_A0, 0, a0,
				       SFF8472_BASE_LEN);
	if (!ret && sff8472_all_ff(a0, SFF8472_BASE_LEN))
		ret = -ENODEV;
	return ret;
}

/*
 * Read A2h 0-95. A module has diagnostics when A0h byte 92 bit 6 says so,
 * or when A2h answers with a correct CC_DMI (some modules forget the bit).
 * A page of all 00h or all FFh proves nothing (0 == 0), so it does not
 * count as diagnostics.
 */
static int sff8472_read_a2(struct sff8472_data *data, u8 *a2, bool *has_ddm)
{
	bool advertised = data->id.diag_type & SFF8472_DIAG_DDM;
	int ret;

	*has_ddm = false;
	ret = sff8472_bus_read(data, SFF8472_PAGE_A2, 0, a2,
			       SFF8472_DMI_STATIC_LEN);
	if (!ret && !sff8472_dmi_checksum_ok(a2))
		ret = sff8472_bus_read(data, SFF8472_PAGE_A2, 0, a2,
				       SFF8472_DMI_STATIC_LEN);
	if (ret)
		return advertised ? ret : 0;	/* no A2h: fine without DDM */

	*has_ddm = advertised ||
		   (sff8472_dmi_checksum_ok(a2) &&
		    memchr_inv(a2, 0, SFF8472_DMI_STATIC_LEN) &&
		    memchr_inv(a2, 0xff, SFF8472_DMI_STATIC_LEN));
	return 0;
}

static void sff8472_report_codes(struct sff8472_data *data)
{
	bool base = data->id.cc_base_ok, ext = data->id.cc_ext_ok;
	bool dmi = !data->has_ddm || data->cc_dmi_ok;

	if (base && ext && dmi)
		return;
	dev_warn(data->dev,
		 "module %s %s: wrong check code%s%s%s, decoding anyway\n",
		 data->id.vendor_pn, data->id.vendor_sn,
		 base ? "" : " CC_BASE", ext ? "" : " CC_EXT",
		 dmi ? "" : " CC_DMI");
}

static void sff8472_report_insert(struct sff8472_data *data)
{
	sff8472_report_codes(data);
	dev_info(data->dev, "%s %s %s inserted%s\n", data->id.vendor_name,
		 data->id.vendor_pn, data->id.vendor_sn,
		 data->has_ddm ? "" : " (no diagnostics)");
}

/*
 * Read and decode everything static about the module in the cage. @seen is
 * set once A0h has answered, i.e. a module is there even if it fails later.
 */
static int sff8472_insert(struct sff8472_data *data, bool *seen)
{
	u8 a0[SFF8472_BASE_LEN], a2[SFF8472_DMI_STATIC_LEN];
	bool has_ddm;
	int ret;

	/* A newly inserted module powers up answering at A0h. */
	data->addr_change = false;
	data->cur_page = SFF8472_PAGE_A0;
	*seen = false;
	ret = sff8472_read_a0(data, a0);
	if (ret && data->last_addr_change) {
		/*
		 * The last module seen here needed the address change and may
		 * still be in the cage, switched to A2h: select A0h and look
		 * once more. Never for other cages, since a general call
		 * reaches every device on the segment.
		 */
		data->addr_change = true;
		data->cur_page = SFF8472_PAGE_UNKNOWN;
		ret = sff8472_read_a0(data, a0);
	}
	if (ret) {
		data->addr_change = false;
		data->cur_page = SFF8472_PAGE_A0;
		return ret;
	}

	*seen = true;
	sff8472_decode_id(a0, &data->id);
	data->addr_change = data->id.diag_type & SFF8472_DIAG_ADDR_CHANGE;
	data->last_addr_change = data->addr_change;
	ret = sff8472_read_a2(data, a2, &has_ddm);
	if (ret)
		return ret;

	memcpy(data->a0, a0, sizeof(a0));
	data->has_ddm = has_ddm;
	if (has_ddm) {
		memcpy(data->a2, a2, sizeof(a2));
		data->cc_dmi_ok = sff8472_dmi_checksum_ok(a2);
		sff8472_decode_thresholds(a2, &data->thr);
		sff8472_decode_calibration(a2, data->id.diag_type, &data->cal);
	} else {
		memset(data->a2, 0, sizeof(data->a2));
		data->cc_dmi_ok = false;
	}
	data->live_valid = false;
	data->present = true;
	return 0;
}

/**
 * sff8472_cage_lost() - forget the module: the cage is (now) empty
 * @data: the cage, with @data->lock held
 *
 * Readers see -ENODEV from now on; the presence work takes care of hwmon
 * and notifications.
 */
void sff8472_cage_lost(struct sff8472_data *data)
{
	lockdep_assert_held(&data->lock);
	data->present = false;
	data->live_valid = false;
	data->addr_change = false;
	data->cur_page = SFF8472_PAGE_A0;
}

static void sff8472_schedule_check(struct sff8472_data *data)
{
	mod_delayed_work(system_freezable_wq, &data->presence_work, 0);
}

/**
 * sff8472_request_check() - a read failed: is the module still there?
 * @data: the cage, with @data->lock held
 *
 * The live snapshot is dropped, so no reader gets the old one, and the
 * presence work checks the cage at once: removed, swapped, or the same
 * module after a transient error (then nothing changes).
 */
void sff8472_request_check(struct sff8472_data *data)
{
	lockdep_assert_held(&data->lock);
	data->live_valid = false;
	atomic_set(&data->recheck, 1);
	sff8472_schedule_check(data);
}

void sff8472_invalidate_live(struct sff8472_data *data)
{
	lockdep_assert_held(&data->lock);
	data->live_valid = false;
}

/*
 * Parts of A2h 95-119 the driver uses: CC_DMI and the five values, status,
 * alarm flags, warning flags and extended status. Where every transaction
 * carries a byte or a word, only these are read (10 word or 22 byte
 * transactions instead of 13 or 32); the unused bytes stay zero.
 */
static const struct {
	u8 off;
	u8 len;
} sff8472_live_parts[] = {
	{ SFF8472_A2_CC_DMI, 1 + 2 * SFF8472_NUM_CHANNELS },
	{ SFF8472_A2_STATUS, 1 },
	{ SFF8472_A2_ALARM_FLAGS, 2 },
	{ SFF8472_A2_WARN_FLAGS, 3 },	/* flags and extended status */
};

static int sff8472_read_live_parts(struct sff8472_data *data, u8 *buf)
{
	unsigned int i;
	int ret;

	for (i = 0; i < ARRAY_SIZE(sff8472_live_parts); i++) {
		unsigned int off = sff8472_live_parts[i].off;

		ret = sff8472_bus_read(data, SFF8472_PAGE_A2, off,
				       &buf[off - SFF8472_A2_CC_DMI],
				       sff8472_live_parts[i].len);
		if (ret)
			return ret;
	}
	return 0;
}

/*
 * The live read starts one byte early, at CC_DMI (A2h 95), at no extra
 * transaction in block modes: a different CC_DMI means the module was
 * swapped since the last poll, and its values must not be decoded with the
 * cached constants.
 */
static int sff8472_read_live(struct sff8472_data *data,
			     u8 live[SFF8472_LIVE_LEN])
{
	u8 buf[1 + SFF8472_LIVE_LEN] = { };
	int ret;

	if (data->max_read > 2)
		ret = sff8472_bus_read(data, SFF8472_PAGE_A2, SFF8472_A2_CC_DMI,
				       buf, sizeof(buf));
	else
		ret = sff8472_read_live_parts(data, buf);
	if (ret)
		return ret;
	if (buf[0] != data->a2[SFF8472_A2_CC_DMI])
		return -ESTALE;
	memcpy(live, &buf[1], SFF8472_LIVE_LEN);
	return 0;
}

/**
 * sff8472_update_live() - make sure the live snapshot is fresh
 * @data: the cage, with @data->lock held
 *
 * Return: 0 with a snapshot of the module in the cage, -ENODEV when the
 * cage is empty (or holds another module that the presence work has yet to
 * read), -EIO when the read failed (the presence work then decides whether
 * the module is still there), -ENODATA without diagnostics.
 */
int sff8472_update_live(struct sff8472_data *data)
{
	u8 live[SFF8472_LIVE_LEN];
	int ret;

	lockdep_assert_held(&data->lock);
	if (!data->present)
		return -ENODEV;
	if (!data->has_ddm)
		return -ENODATA;
	if (data->live_valid &&
	    time_before(jiffies, data->live_time +
			msecs_to_jiffies(data->update_interval)))
		return 0;

	ret = sff8472_read_live(data, live);
	if (ret == -ESTALE) {
		/* Another module: never decode it with these constants. */
		sff8472_cage_lost(data);
		sff8472_schedule_check(data);
		return -ENODEV;
	}
	if (ret) {
		dev_dbg(data->dev, "live read failed (%d)\n", ret);
		sff8472_request_check(data);
		return -EIO;
	}
	memcpy(data->live, live, sizeof(live));
	sff8472_decode_live(live, &data->lv);
	data->live_time = jiffies;
	data->live_valid = true;
	return 0;
}

/* Next retry of a module (or GPIO) known to be there but failing. */
static void sff8472_backoff(struct sff8472_data *data)
{
	if (!data->retry_ms) {
		data->retry_ms = SFF8472_RETRY_MIN_MS;
		data->insert_start = jiffies;
		data->slow_warned = false;
	} else {
		data->retry_ms = min_t(unsigned int, data->retry_ms * 2,
				       data->poll_ms);
	}
}

static void sff8472_insert_failed(struct sff8472_data *data, int err)
{
	sff8472_backoff(data);
	if (!data->slow_warned &&
	    time_after(jiffies, data->insert_start +
		       msecs_to_jiffies(SFF8472_SLOW_WARN_MS))) {
		dev_warn(data->dev, "module present but not answering (%d)\n",
			 err);
		data->slow_warned = true;
	}
}

/*
 * Read the cached module again from scratch. The same module (same A0h and
 * A2h 0-95) is no event: readers, hwmon and userspace see no change.
 * @module_known: MOD_DEF0 says a module is there, so a failure is retried.
 */
static enum sff8472_event sff8472_reread(struct sff8472_data *data,
					 bool module_known)
{
	u8 a0[SFF8472_BASE_LEN], a2[SFF8472_DMI_STATIC_LEN];
	bool had_ddm = data->has_ddm, seen;
	int ret;

	memcpy(a0, data->a0, sizeof(a0));
	memcpy(a2, data->a2, sizeof(a2));
	sff8472_cage_lost(data);
	ret = sff8472_insert(data, &seen);
	if (ret) {
		if (module_known || seen)
			sff8472_insert_failed(data, ret);
		else
			data->retry_ms = 0;
		return SFF8472_EV_REMOVED;
	}
	data->retry_ms = 0;
	if (had_ddm == data->has_ddm && !memcmp(a0, data->a0, sizeof(a0)) &&
	    !memcmp(a2, data->a2, sizeof(a2)))
		return SFF8472_EV_NONE;
	return SFF8472_EV_SWAPPED;
}

/* Is the cached module still the one in the cage? */
static enum sff8472_event sff8472_check_same(struct sff8472_data *data)
{
	u8 sn[SFF8472_SN_LEN];

	if (!sff8472_bus_read(data, SFF8472_PAGE_A0, SFF8472_SN_START, sn,
			      sizeof(sn)) &&
	    !memcmp(sn, &data->a0[SFF8472_SN_START], sizeof(sn)))
		return SFF8472_EV_NONE;

	/*
	 * Gone, another module, or a transient error. A quick swap can look
	 * like a NACK (e.g. the address-change sequence is not understood by
	 * the new module), so look once more from scratch: one more NACK if
	 * the cage is empty.
	 */
	return sff8472_reread(data, data->presence_gpio);
}

/*
 * Insertion attempt. A module known to be there (GPIO, or A0h answered)
 * that fails is retried with a growing but bounded back-off; without that
 * knowledge a NACK is an empty cage and the normal poll goes on.
 */
static enum sff8472_event sff8472_try_insert(struct sff8472_data *data,
					     bool module_known)
{
	bool seen;
	int ret = sff8472_insert(data, &seen);

	if (!ret) {
		data->retry_ms = 0;
		return SFF8472_EV_INSERTED;
	}
	if (!module_known && !seen) {
		data->retry_ms = 0;
		return SFF8472_EV_NONE;
	}
	sff8472_insert_failed(data, ret);
	return SFF8472_EV_NONE;
}

static enum sff8472_event sff8472_check_gpio(struct sff8472_data *data)
{
	bool edge = atomic_xchg(&data->edge_seen, 0);
	bool recheck = atomic_xchg(&data->recheck, 0);
	bool was_asserted = data->level_asserted;
	int level = gpiod_get_value_cansleep(data->presence_gpio);

	if (level < 0) {
		/* Unknown, e.g. a GPIO expander that NACKed: ask again. */
		dev_dbg(data->dev, "cannot read mod-def0 (%d)\n", level);
		if (edge)
			atomic_set(&data->edge_seen, 1);
		if (recheck)
			atomic_set(&data->recheck, 1);
		if (!data->gpio_failed)
			data->retry_ms = 0;
		data->gpio_failed = true;
		sff8472_backoff(data);
		return SFF8472_EV_NONE;
	}
	if (data->gpio_failed) {
		data->gpio_failed = false;
		data->retry_ms = 0;
	}

	data->level_asserted = level;
	if (!level) {
		data->retry_ms = 0;
		data->settling = false;
		/* The next module powers up answering at A0h. */
		data->last_addr_change = false;
		if (!data->present)
			return SFF8472_EV_NONE;
		sff8472_cage_lost(data);
		return SFF8472_EV_REMOVED;
	}

	/*
	 * Insertion edge (an edge pair may also hide a swap): give the module
	 * t_serial before reading it, and show an empty cage meanwhile.
	 */
	if (edge || !was_asserted) {
		data->settling = true;
		data->settle_until = jiffies +
				     msecs_to_jiffies(SFF8472_T_SERIAL_MS);
		data->retry_ms = 0;
		if (!data->present)
			return SFF8472_EV_NONE;
		sff8472_cage_lost(data);
		return SFF8472_EV_REMOVED;
	}
	if (data->settling) {
		if (time_before(jiffies, data->settle_until))
			return SFF8472_EV_NONE;
		data->settling = false;
	}
	if (!data->present)
		return sff8472_try_insert(data, true);
	/* Without an IRQ, or after a failed read, check the bytes. */
	if (data->presence_irq < 0 || recheck)
		return sff8472_check_same(data);
	return SFF8472_EV_NONE;
}

static enum sff8472_event sff8472_check_presence(struct sff8472_data *data)
{
	lockdep_assert_held(&data->lock);
	if (data->presence_gpio)
		return sff8472_check_gpio(data);
	atomic_set(&data->recheck, 0);
	if (data->present)
		return sff8472_check_same(data);

	return sff8472_try_insert(data, false);
}

/* Delay until the next check in jiffies, or 0 when only an IRQ will wake us. */
static unsigned long sff8472_next_check(struct sff8472_data *data)
{
	if (data->retry_ms)
		return msecs_to_jiffies(data->retry_ms);
	if (data->settling)
		return max_t(long, data->settle_until - jiffies, 1);
	if (data->presence_gpio && data->presence_irq >= 0)
		return 0;
	return msecs_to_jiffies(data->poll_ms);
}

static void sff8472_presence_work(struct work_struct *work)
{
	struct sff8472_data *data = container_of(to_delayed_work(work),
						 struct sff8472_data,
						 presence_work);
	enum sff8472_event ev;
	unsigned long next;
	bool present, want_hwmon, changed;
	int ret;

	mutex_lock(&data->lock);
	ev = sff8472_check_presence(data);
	if (ev == SFF8472_EV_INSERTED || ev == SFF8472_EV_SWAPPED)
		sff8472_report_insert(data);
	present = data->present;
	want_hwmon = present && data->has_ddm;
	next = sff8472_next_check(data);
	mutex_unlock(&data->lock);

	/* A reader may have found the module gone before we did. */
	changed = ev != SFF8472_EV_NONE || present != data->reported_present;
	if (data->reported_present && !present)
		dev_info(data->dev, "module removed\n");
	data->reported_present = present;
	if (changed)
		data->hwmon_err_logged = false;

	/*
	 * hwmon is (un)registered without data->lock: unregistering waits
	 * for readers, and readers take data->lock.
	 */
	if (changed || want_hwmon != !!data->hwmon) {
		sff8472_hwmon_unregister(data);
		ret = want_hwmon ? sff8472_hwmon_register(data) : 0;
		/* Once per insertion, not on every poll. */
		if (ret && !data->hwmon_err_logged) {
			dev_err(data->dev, "cannot register hwmon device: %pe\n",
				ERR_PTR(ret));
			data->hwmon_err_logged = true;
		}
	}
	if (changed)
		sff8472_sysfs_notify_presence(data);
	if (next)
		mod_delayed_work(system_freezable_wq, &data->presence_work,
				 next);
}

static irqreturn_t sff8472_presence_irq(int irq, void *dev_id)
{
	struct sff8472_data *data = dev_id;

	atomic_set(&data->edge_seen, 1);
	sff8472_schedule_check(data);
	return IRQ_HANDLED;
}

/*
 * MOD_DEF0 GPIO and its IRQ number. Either may defer probe, so this runs
 * before anything is registered (a registration during a deferred probe
 * would trigger another probe round at once).
 */
static int sff8472_get_presence(struct sff8472_data *data, int *irq)
{
	struct device *dev = data->dev;

	*irq = -ENXIO;
	data->presence_irq = -ENXIO;
	data->presence_gpio = devm_gpiod_get_optional(dev, "mod-def0",
						      GPIOD_IN);
	if (IS_ERR(data->presence_gpio))
		return dev_err_probe(dev, PTR_ERR(data->presence_gpio),
				     "cannot get mod-def0 GPIO\n");
	if (!data->presence_gpio)
		return 0;

	/* No settling for a module that was there before probe. */
	data->level_asserted = true;
	*irq = gpiod_to_irq(data->presence_gpio);
	if (*irq == -EPROBE_DEFER)
		return dev_err_probe(dev, *irq, "mod-def0 IRQ not ready\n");
	return 0;	/* without an IRQ, poll the GPIO level */
}

static void sff8472_request_presence_irq(struct sff8472_data *data, int irq)
{
	struct device *dev = data->dev;
	int ret;

	if (irq < 0)
		return;
	/* Both edges: a removal and an insertion each need a look. */
	ret = devm_request_threaded_irq(dev, irq, NULL, sff8472_presence_irq,
					IRQF_TRIGGER_RISING |
					IRQF_TRIGGER_FALLING | IRQF_ONESHOT,
					dev_name(dev), data);
	if (ret) {
		dev_warn(dev, "mod-def0 IRQ unavailable (%d), polling\n", ret);
		return;
	}
	data->presence_irq = irq;
}

static void sff8472_stop_presence(void *arg)
{
	struct sff8472_data *data = arg;

	disable_delayed_work_sync(&data->presence_work);
}

static void sff8472_release_hwmon(void *arg)
{
	sff8472_hwmon_unregister(arg);
}

static void sff8472_unregister_client(void *client)
{
	i2c_unregister_device(client);
}

static void sff8472_read_properties(struct sff8472_data *data,
				    u32 *max_transfer)
{
	struct device *dev = data->dev;

	*max_transfer = 0;
	device_property_read_u32(dev, "sff,max-transfer-size", max_transfer);
	data->poll_ms = SFF8472_DEFAULT_POLL_MS;
	device_property_read_u32(dev, "sff,poll-interval-ms", &data->poll_ms);
	data->poll_ms = max_t(u32, data->poll_ms, SFF8472_POLL_MIN_MS);
	data->user_eeprom_writable = user_eeprom_writable ||
		device_property_read_bool(dev, "sff,user-eeprom-writable");
	data->update_interval = SFF8472_DEFAULT_UPDATE_MS;
}

static int sff8472_probe(struct i2c_client *client)
{
	struct device *dev = &client->dev;
	struct sff8472_data *data;
	u32 max_transfer;
	int irq, ret;

	data = devm_kzalloc(dev, sizeof(*data), GFP_KERNEL);
	if (!data)
		return -ENOMEM;
	data->client = client;
	data->dev = dev;
	ret = devm_mutex_init(dev, &data->lock);
	if (ret)
		return ret;
	INIT_DELAYED_WORK(&data->presence_work, sff8472_presence_work);
	i2c_set_clientdata(client, data);

	sff8472_read_properties(data, &max_transfer);
	ret = sff8472_bus_init(data, max_transfer);
	if (ret)
		return ret;
	ret = sff8472_get_presence(data, &irq);
	if (ret)
		return ret;

	data->a2_client = i2c_new_ancillary_device(client, "a2",
						   SFF8472_A2_ADDR);
	if (IS_ERR(data->a2_client))
		return dev_err_probe(dev, PTR_ERR(data->a2_client),
				     "cannot claim A2h address\n");
	ret = devm_add_action_or_reset(dev, sff8472_unregister_client,
				       data->a2_client);
	if (ret)
		return ret;

	/* Teardown runs in reverse: nvmem, IRQ, work, then hwmon. */
	ret = devm_add_action_or_reset(dev, sff8472_release_hwmon, data);
	if (ret)
		return ret;
	ret = devm_add_action_or_reset(dev, sff8472_stop_presence, data);
	if (ret)
		return ret;
	sff8472_request_presence_irq(data, irq);
	ret = sff8472_nvmem_register(data);
	if (ret)
		return ret;

	/*
	 * First look into the cage now (an empty cage is not an error),
	 * through the work item, so it never runs concurrently with a check
	 * queued by the IRQ or a reader.
	 */
	sff8472_schedule_check(data);
	flush_delayed_work(&data->presence_work);
	return 0;
}

static const struct i2c_device_id sff8472_id[] = {
	{ "sff8472" },
	{ }
};
MODULE_DEVICE_TABLE(i2c, sff8472_id);

static const struct of_device_id sff8472_of_match[] = {
	{ .compatible = "sff,sff8472" },
	{ }
};
MODULE_DEVICE_TABLE(of, sff8472_of_match);

/*
 * A module may have been pulled or swapped while the system slept, with no
 * IRQ seen and no poll run: look at the cage again once tasks are thawed
 * (the work is on the freezable workqueue).
 */
static int sff8472_resume(struct device *dev)
{
	struct sff8472_data *data = dev_get_drvdata(dev);

	atomic_set(&data->recheck, 1);
	sff8472_schedule_check(data);
	return 0;
}

static DEFINE_SIMPLE_DEV_PM_OPS(sff8472_pm_ops, NULL, sff8472_resume);

static struct i2c_driver sff8472_driver = {
	.driver = {
		.name = "sff8472",
		.of_match_table = sff8472_of_match,
		.dev_groups = sff8472_groups,
		.pm = pm_sleep_ptr(&sff8472_pm_ops),
	},
	SFF8472_I2C_PROBE(sff8472_probe),
	.id_table = sff8472_id,
};
module_i2c_driver(sff8472_driver);

#if IS_ENABLED(CONFIG_SENSORS_SFF8472_KUNIT_TEST)
struct sff8472_data *sff8472_kunit_data(struct device *dev)
{
	return dev_get_drvdata(dev);
}
EXPORT_SYMBOL_IF_KUNIT(sff8472_kunit_data);

struct device *sff8472_kunit_hwmon_dev(struct device *dev)
{
	struct sff8472_data *data = dev_get_drvdata(dev);

	return data ? data->hwmon : NULL;
}
EXPORT_SYMBOL_IF_KUNIT(sff8472_kunit_hwmon_dev);

/* Run one presence check now and wait for it, as the poll would. */
void sff8472_kunit_poll(struct device *dev)
{
	struct sff8472_data *data = dev_get_drvdata(dev);

	sff8472_schedule_check(data);
	flush_delayed_work(&data->presence_work);
}
EXPORT_SYMBOL_IF_KUNIT(sff8472_kunit_poll);

/* Behave as the MOD_DEF0 IRQ does, then wait for the check it queued. */
void sff8472_kunit_edge(struct device *dev)
{
	struct sff8472_data *data = dev_get_drvdata(dev);

	sff8472_presence_irq(0, data);
	flush_delayed_work(&data->presence_work);
}
EXPORT_SYMBOL_IF_KUNIT(sff8472_kunit_edge);
#endif

MODULE_AUTHOR("The sff8472 driver authors");
MODULE_DESCRIPTION("SFF-8472 SFP transceiver digital diagnostics");
MODULE_LICENSE("GPL");
MODULE_VERSION(SFF8472_VERSION);
