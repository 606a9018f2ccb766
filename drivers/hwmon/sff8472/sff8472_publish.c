// SPDX-License-Identifier: GPL-2.0-only
/*
 * SFF-8472 publication after each run of the state machine, without the
 * cache lock (unregistering hwmon waits for its readers, who take it): a
 * new generation gets its log lines, hwmon device and uevent.
 */

#include <linux/bits.h>
#include <linux/device.h>
#include <linux/err.h>
#include <linux/mutex.h>
#include <linux/sfp.h>

#include <kunit/visibility.h>

#include "sff8472.h"
#include "sff8472_compat.h"

/* One line per thing worth knowing about a new module. */
static void sff8472_log_module(struct sff8472_cage *data,
			       const struct sff8472_module *m)
{
	const struct sff8472_id *id = &m->id;
	bool dmi = !m->has_a2 || m->cc_dmi_ok;

	if (!m->is_sfp)
		dev_warn(data->dev,
			 "identifier %02xh is no SFP module (wrong bus?): identity only\n",
			 id->identifier);
	if (m->gc_refused)
		dev_warn(data->dev,
			 "module needs the address change sequence (I2C general calls), not allowed here (sff,allow-address-change): no diagnostics\n");
	else if (m->is_sfp && !m->has_a2 && (id->diag_type & SFP_DIAGMON_DDM))
		dev_warn(data->dev,
			 "module advertises diagnostics but A2h does not answer\n");
	else if (m->has_a2 && !m->has_ddm && (id->diag_type & SFP_DIAGMON_DDM))
		dev_warn(data->dev,
			 "module advertises diagnostics but A2h is blank\n");
	if (m->has_ddm && m->thr_valid != GENMASK(SFF8472_NUM_CHANNELS - 1, 0))
		dev_info(data->dev,
			 "thresholds not filled in for channels %#x: no limits or alarms for them\n",
			 (unsigned int)GENMASK(SFF8472_NUM_CHANNELS - 1, 0) &
			 ~m->thr_valid);
	if (!id->cc_base_ok || !id->cc_ext_ok || !dmi)
		dev_warn(data->dev,
			 "module %s %s: wrong check code%s%s%s, decoding anyway\n",
			 id->vendor_pn, id->vendor_sn,
			 id->cc_base_ok ? "" : " CC_BASE",
			 id->cc_ext_ok ? "" : " CC_EXT", dmi ? "" : " CC_DMI");
	dev_info(data->dev, "%s %s %s inserted%s\n", id->vendor_name,
		 id->vendor_pn, id->vendor_sn,
		 m->has_ddm ? "" : " (no diagnostics)");
}

/**
 * sff8472_publish() - show userspace what the cache now holds
 * @data: the cage, without the cache lock held
 *
 * Called only by the hot-plug layer's run, under its run lock.
 */
void sff8472_publish(struct sff8472_cage *data)
{
	struct sff8472_cache *cache = &data->cache;
	bool present, want_hwmon, changed;
	u32 generation;
	int ret;

	KUNIT_STATIC_STUB_REDIRECT(sff8472_publish, data);
	mutex_lock(&cache->lock);
	present = cache->present;
	generation = cache->generation;
	want_hwmon = present && cache->mod.has_ddm;
	changed = present != data->shown_present ||
		  (present && generation != data->shown_generation);
	/* A swap: the old module's removal first, then the new one. */
	if (changed && data->shown_present)
		dev_info(data->dev, "module removed\n");
	if (changed && present)
		sff8472_log_module(data, &cache->mod);
	mutex_unlock(&cache->lock);

	if (!changed && want_hwmon == !!data->hwmon)
		return;
	if (changed)
		data->hwmon_err_logged = false;
	data->shown_present = present;
	data->shown_generation = generation;

	sff8472_hwmon_unregister(data);
	ret = want_hwmon ? sff8472_hwmon_register(data) : 0;
	if (ret && !data->hwmon_err_logged) {
		dev_err(data->dev, "cannot register hwmon device: %pe\n",
			ERR_PTR(ret));
		data->hwmon_err_logged = true;
	}
#ifdef SFF8472_OUT_OF_TREE
	if (changed)
		sff8472_sysfs_changed(data);
#endif
}
EXPORT_SYMBOL_IF_KUNIT(sff8472_publish);
