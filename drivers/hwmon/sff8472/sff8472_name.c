// SPDX-License-Identifier: GPL-2.0-only
/*
 * The hwmon name of a cage: "sff8472_<label>" for a cage with a label,
 * "sff8472" for one without, so that `sensors` (which never prints the
 * hwmon label) and node_exporter's node_hwmon_chip_names tell ports apart.
 *
 * The label is the cage's firmware "label" property (device tree, ACPI
 * _DSD or a software node), or else the entry for the cage in the "labels"
 * module parameter, for cages instantiated through new_device.
 */

#include <linux/device.h>
#include <linux/err.h>
#include <linux/hwmon.h>
#include <linux/module.h>
#include <linux/moduleparam.h>
#include <linux/property.h>
#include <linux/slab.h>
#include <linux/string.h>

#include <kunit/visibility.h>

#include "sff8472.h"

#define SFF8472_NAME_PREFIX	"sff8472"

static char *labels;
module_param(labels, charp, 0644);
MODULE_PARM_DESC(labels,
		 "Labels of cages without a firmware label: DEVICE=LABEL[,DEVICE=LABEL...], e.g. 3-0050=port1,4-0050=port2; applies to cages bound afterwards");

/**
 * sff8472_map_label() - find a device's label in a "labels" map
 * @map: "DEVICE=LABEL" entries separated by commas or newlines, or NULL
 * @devname: the device's name, e.g. "3-0050"
 * @len: set to the length of the label found
 *
 * Return: the start of the first non-empty label given to @devname in @map
 * (not NUL-terminated at @len), or NULL.
 */
VISIBLE_IF_KUNIT const char *sff8472_map_label(const char *map,
					       const char *devname,
					       size_t *len)
{
	size_t n = strlen(devname);
	const char *p = map;

	while (p && *p) {
		size_t entry = strcspn(p, ",\n");

		if (entry > n + 1 && p[n] == '=' && !strncmp(p, devname, n)) {
			*len = entry - n - 1;
			return p + n + 1;
		}
		p += entry;
		if (*p)
			p++;
	}
	return NULL;
}
EXPORT_SYMBOL_IF_KUNIT(sff8472_map_label);

/**
 * sff8472_hwmon_name() - the hwmon name of a cage
 * @dev: the cage's device (the A0h client)
 *
 * "sff8472_<label>" with the characters hwmon does not accept in a name
 * replaced by '_' (devm_hwmon_sanitize_name()), or "sff8472" when the cage
 * has no label. <label> is the firmware "label" property when it is a
 * non-empty string, else the cage's entry in the labels parameter.
 *
 * Return: the name, allocated with devm so that it outlives every hwmon
 * device of @dev, or an ERR_PTR() when out of memory.
 */
const char *sff8472_hwmon_name(struct device *dev)
{
	const char *label = NULL;
	const char *name;
	size_t len = 0;
	char *full;

	/* The parameter may be rewritten (and freed) through sysfs. */
	kernel_param_lock(THIS_MODULE);
	/*
	 * A software node's "label" that is no string reads as success
	 * with no string; an empty one names nothing either.
	 */
	if (device_property_read_string(dev, "label", &label) || !label ||
	    !*label)
		label = sff8472_map_label(labels, dev_name(dev), &len);
	else
		len = strlen(label);
	full = len ? kasprintf(GFP_KERNEL, SFF8472_NAME_PREFIX "_%.*s",
			       (int)len, label) : NULL;
	kernel_param_unlock(THIS_MODULE);

	if (!len)
		return SFF8472_NAME_PREFIX;
	if (!full)
		return ERR_PTR(-ENOMEM);
	name = devm_hwmon_sanitize_name(dev, full);
	kfree(full);
	return name;
}
EXPORT_SYMBOL_IF_KUNIT(sff8472_hwmon_name);
