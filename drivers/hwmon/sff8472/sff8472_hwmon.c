// SPDX-License-Identifier: GPL-2.0-only
/*
 * SFF-8472 hwmon channels: temp1, in0, curr1, power1 (TX), power2 (RX)
 * (Documentation/hwmon/sff8472.rst). Inputs and alarms come from the live
 * snapshot, limits and labels from the image. Alarms are the module's own
 * flags: hwmon drivers do not compare readings with limits. A threshold
 * set the module did not fill in gives neither limits nor alarms.
 */

#include <linux/device.h>
#include <linux/err.h>
#include <linux/hwmon.h>
#include <linux/minmax.h>
#include "sff8472_compat.h"

#include <kunit/visibility.h>

#include "sff8472.h"

#define SFF8472_UPDATE_INTERVAL_MAX_MS	600000

enum sff8472_attr_kind {
	SFF8472_ATTR_NONE,
	SFF8472_ATTR_INPUT,
	SFF8472_ATTR_LIMIT,
	SFF8472_ATTR_ALARM,
	SFF8472_ATTR_LABEL,
};

/*
 * The hwmon attribute numbers of the channel types differ, but each type
 * has the same ten attributes; one row per type, in the order below.
 */
enum sff8472_attr_col {
	COL_INPUT, COL_LABEL,
	COL_LCRIT, COL_MIN, COL_MAX, COL_CRIT,
	COL_LCRIT_ALARM, COL_MIN_ALARM, COL_MAX_ALARM, COL_CRIT_ALARM,
	NUM_COLS
};

static const u32 sff8472_attr_table[][NUM_COLS] = {
	[hwmon_temp] = {
		hwmon_temp_input, hwmon_temp_label,
		hwmon_temp_lcrit, hwmon_temp_min, hwmon_temp_max,
		hwmon_temp_crit, hwmon_temp_lcrit_alarm, hwmon_temp_min_alarm,
		hwmon_temp_max_alarm, hwmon_temp_crit_alarm,
	},
	[hwmon_in] = {
		hwmon_in_input, hwmon_in_label,
		hwmon_in_lcrit, hwmon_in_min, hwmon_in_max, hwmon_in_crit,
		hwmon_in_lcrit_alarm, hwmon_in_min_alarm, hwmon_in_max_alarm,
		hwmon_in_crit_alarm,
	},
	[hwmon_curr] = {
		hwmon_curr_input, hwmon_curr_label,
		hwmon_curr_lcrit, hwmon_curr_min, hwmon_curr_max,
		hwmon_curr_crit, hwmon_curr_lcrit_alarm, hwmon_curr_min_alarm,
		hwmon_curr_max_alarm, hwmon_curr_crit_alarm,
	},
	[hwmon_power] = {
		hwmon_power_input, hwmon_power_label,
		hwmon_power_lcrit, hwmon_power_min, hwmon_power_max,
		hwmon_power_crit, hwmon_power_lcrit_alarm,
		hwmon_power_min_alarm, hwmon_power_max_alarm,
		hwmon_power_crit_alarm,
	},
};

/* Limits in column order COL_LCRIT.. and COL_LCRIT_ALARM.. */
static const enum sff8472_limit sff8472_col_limit[] = {
	SFF8472_LOW_ALARM, SFF8472_LOW_WARN, SFF8472_HIGH_WARN,
	SFF8472_HIGH_ALARM,
};

static const char * const sff8472_labels[SFF8472_NUM_CHANNELS] = {
	[SFF8472_TEMP] = "temperature",
	[SFF8472_VCC] = "VCC",
	[SFF8472_BIAS] = "bias",
	[SFF8472_TX_POWER] = "TX_power",
	[SFF8472_RX_POWER] = "RX_power",
};

/* temp1, in0, curr1, power1, power2 -> SFF-8472 channel, or -EINVAL. */
static int sff8472_hwmon_channel(enum hwmon_sensor_types type, int channel)
{
	switch (type) {
	case hwmon_temp:
		return channel == 0 ? SFF8472_TEMP : -EINVAL;
	case hwmon_in:
		return channel == 0 ? SFF8472_VCC : -EINVAL;
	case hwmon_curr:
		return channel == 0 ? SFF8472_BIAS : -EINVAL;
	case hwmon_power:
		if (channel == 0)
			return SFF8472_TX_POWER;
		return channel == 1 ? SFF8472_RX_POWER : -EINVAL;
	default:
		return -EINVAL;
	}
}

static enum sff8472_attr_kind sff8472_attr_kind(enum hwmon_sensor_types type,
						u32 attr,
						enum sff8472_limit *limit)
{
	int col;

	if (sff8472_hwmon_channel(type, 0) < 0)
		return SFF8472_ATTR_NONE;
	for (col = 0; col < NUM_COLS; col++)
		if (sff8472_attr_table[type][col] == attr)
			break;

	if (col == COL_INPUT)
		return SFF8472_ATTR_INPUT;
	if (col == COL_LABEL)
		return SFF8472_ATTR_LABEL;
	if (col >= COL_LCRIT && col <= COL_CRIT) {
		*limit = sff8472_col_limit[col - COL_LCRIT];
		return SFF8472_ATTR_LIMIT;
	}
	if (col >= COL_LCRIT_ALARM && col <= COL_CRIT_ALARM) {
		*limit = sff8472_col_limit[col - COL_LCRIT_ALARM];
		return SFF8472_ATTR_ALARM;
	}
	return SFF8472_ATTR_NONE;
}

/*
 * 0 when @ch of @m has a filled threshold set, and for an @alarm also
 * flags, to show; else the error its readers get.
 */
static int sff8472_shown(const struct sff8472_module *m,
			 enum sff8472_channel ch, bool alarm)
{
	if (IS_ERR(m))
		return PTR_ERR(m);
	if (!m->has_ddm || !(m->thr_valid & BIT(ch)))
		return -ENODATA;
	return alarm && !(m->id.enh_options & SFP_ENHOPTS_ALARMWARN) ?
	       -EOPNOTSUPP : 0;
}

/* A limit of a channel whose threshold set the module filled in. */
static int sff8472_threshold(const struct sff8472_module *m,
			     enum sff8472_channel ch, enum sff8472_limit limit,
			     long *val)
{
	s32 out;
	int ret;

	ret = sff8472_shown(m, ch, false);
	if (!ret)
		ret = sff8472_calibrate(&m->cal, ch, m->thr.raw[ch][limit],
					SFF8472_UNIT_HWMON, &out);
	if (!ret)
		*val = out;
	return ret;
}

/* The module's own flag. */
static int sff8472_alarm(struct sff8472_cache *cache, enum sff8472_channel ch,
			 enum sff8472_limit limit, long *val)
{
	const struct sff8472_snapshot *snap;
	int ret;

	ret = sff8472_shown(sff8472_cache_module(cache), ch, true);
	if (!ret)
		ret = sff8472_cache_ready(cache, &snap);
	if (!ret)
		*val = snap->lv.flag[ch][limit];
	return ret;
}

static int sff8472_chip_read(struct sff8472_cage *data, u32 attr, long *val)
{
	if (attr != hwmon_chip_update_interval)
		return -EOPNOTSUPP;
	*val = READ_ONCE(data->cache.update_interval);
	return 0;
}

VISIBLE_IF_KUNIT int sff8472_hwmon_read(struct device *dev,
					enum hwmon_sensor_types type,
					u32 attr, int channel, long *val)
{
	struct sff8472_cage *data = dev_get_drvdata(dev);
	struct sff8472_cache *cache = &data->cache;
	enum sff8472_limit limit = SFF8472_LOW_ALARM;
	enum sff8472_attr_kind kind;
	int ch, ret;

	if (type == hwmon_chip)
		return sff8472_chip_read(data, attr, val);
	ch = sff8472_hwmon_channel(type, channel);
	kind = sff8472_attr_kind(type, attr, &limit);
	if (ch < 0 || kind == SFF8472_ATTR_NONE || kind == SFF8472_ATTR_LABEL)
		return -EOPNOTSUPP;

	mutex_lock(&cache->lock);
	if (kind == SFF8472_ATTR_INPUT)
		ret = sff8472_cache_value(cache, ch, SFF8472_UNIT_HWMON, val);
	else if (kind == SFF8472_ATTR_LIMIT)
		ret = sff8472_threshold(sff8472_cache_module(cache), ch, limit,
					val);
	else
		ret = sff8472_alarm(cache, ch, limit, val);
	mutex_unlock(&cache->lock);
	return ret;
}
EXPORT_SYMBOL_IF_KUNIT(sff8472_hwmon_read);

VISIBLE_IF_KUNIT int sff8472_hwmon_write(struct device *dev,
					 enum hwmon_sensor_types type,
					 u32 attr, int channel, long val)
{
	struct sff8472_cage *data = dev_get_drvdata(dev);

	if (type != hwmon_chip || attr != hwmon_chip_update_interval)
		return -EOPNOTSUPP;
	if (val < 0)
		return -EINVAL;

	mutex_lock(&data->cache.lock);
	data->cache.update_interval = min_t(long, val,
					    SFF8472_UPDATE_INTERVAL_MAX_MS);
	mutex_unlock(&data->cache.lock);
	return 0;
}
EXPORT_SYMBOL_IF_KUNIT(sff8472_hwmon_write);

VISIBLE_IF_KUNIT int sff8472_hwmon_read_string(struct device *dev,
					       enum hwmon_sensor_types type,
					       u32 attr, int channel,
					       const char **str)
{
	enum sff8472_limit limit;
	int ch = sff8472_hwmon_channel(type, channel);

	if (ch < 0 || sff8472_attr_kind(type, attr, &limit) !=
		      SFF8472_ATTR_LABEL)
		return -EOPNOTSUPP;
	*str = sff8472_labels[ch];
	return 0;
}
EXPORT_SYMBOL_IF_KUNIT(sff8472_hwmon_read_string);

/*
 * Limits and alarms of a channel whose threshold set the module did not
 * fill in are absent: there is nothing true to show. So are the alarms of a
 * module without flags.
 */
VISIBLE_IF_KUNIT umode_t sff8472_hwmon_is_visible(const void *drvdata,
						  enum hwmon_sensor_types type,
						  u32 attr, int channel)
{
	struct sff8472_cage *data = (struct sff8472_cage *)drvdata;
	enum sff8472_limit limit;
	enum sff8472_attr_kind kind;
	int ch = sff8472_hwmon_channel(type, channel);
	bool shown;

	if (type == hwmon_chip)
		return attr == hwmon_chip_update_interval ? 0644 : 0;
	kind = sff8472_attr_kind(type, attr, &limit);
	if (ch < 0 || kind == SFF8472_ATTR_NONE)
		return 0;
	if (kind != SFF8472_ATTR_LIMIT && kind != SFF8472_ATTR_ALARM)
		return 0444;
	mutex_lock(&data->cache.lock);
	shown = !sff8472_shown(&data->cache.mod, ch,
			       kind == SFF8472_ATTR_ALARM);
	mutex_unlock(&data->cache.lock);
	return shown ? 0444 : 0;
}
EXPORT_SYMBOL_IF_KUNIT(sff8472_hwmon_is_visible);

#define SFF8472_ATTRS(p)						\
	(HWMON_##p##_INPUT | HWMON_##p##_LABEL | HWMON_##p##_LCRIT |	\
	 HWMON_##p##_MIN | HWMON_##p##_MAX | HWMON_##p##_CRIT |		\
	 HWMON_##p##_LCRIT_ALARM | HWMON_##p##_MIN_ALARM |		\
	 HWMON_##p##_MAX_ALARM | HWMON_##p##_CRIT_ALARM)

static const struct hwmon_channel_info * const sff8472_hwmon_info[] = {
	HWMON_CHANNEL_INFO(chip, HWMON_C_UPDATE_INTERVAL),
	HWMON_CHANNEL_INFO(temp, SFF8472_ATTRS(T)),
	HWMON_CHANNEL_INFO(in, SFF8472_ATTRS(I)),
	HWMON_CHANNEL_INFO(curr, SFF8472_ATTRS(C)),
	HWMON_CHANNEL_INFO(power, SFF8472_ATTRS(P), SFF8472_ATTRS(P)),
	NULL
};

static const struct hwmon_ops sff8472_hwmon_ops = {
	.is_visible = sff8472_hwmon_is_visible,
	.read = sff8472_hwmon_read,
	.read_string = sff8472_hwmon_read_string,
	.write = sff8472_hwmon_write,
};

static const struct hwmon_chip_info sff8472_chip_info = {
	.ops = &sff8472_hwmon_ops,
	.info = SFF8472_HWMON_INFO(sff8472_hwmon_info),
};

/**
 * sff8472_hwmon_register() - create the hwmon device for a DDM module
 * @data: the cage, without @data->lock held
 *
 * The name is @data->hwmon_name (sff8472_hwmon_name()); hwmon takes the
 * firmware "label" of the client as its chip label by itself.
 *
 * Return: 0 or a negative error code (the caller logs it).
 */
int sff8472_hwmon_register(struct sff8472_cage *data)
{
	struct device *hwmon;

	hwmon = hwmon_device_register_with_info(data->dev, data->hwmon_name,
						data,
						&sff8472_chip_info, NULL);
	if (IS_ERR(hwmon))
		return PTR_ERR(hwmon);
	data->hwmon = hwmon;
	return 0;
}

/* Remove the hwmon device (module gone or swapped), if there is one. */
void sff8472_hwmon_unregister(struct sff8472_cage *data)
{
	if (!data->hwmon)
		return;
	hwmon_device_unregister(data->hwmon);
	data->hwmon = NULL;
}
