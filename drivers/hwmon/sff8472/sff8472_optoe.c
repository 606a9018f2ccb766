// SPDX-License-Identifier: GPL-2.0-only
/*
 * optoe compatibility for SFP cages: the files SONiC and ONL platform code
 * use on a cage bound as "optoe2" (see
 * Documentation/ABI/testing/sysfs-driver-sff8472):
 *
 *   dev_class  2, optoe's class of two-address (SFF-8472) devices; the
 *              only class this driver serves
 *   port_name  free text for the platform's own use, up to 19 characters
 *              like optoe; the cage's label until written
 *   write_max  bytes per write transaction, 1-128 as optoe takes it;
 *              caps the driver's chunks of user-EEPROM writes
 *
 * The eeprom file itself is the driver's own (sff8472_nvmem.c). None of
 * these touches the bus.
 */

#include <linux/device.h>
#include <linux/kstrtox.h>
#include <linux/property.h>
#include <linux/string.h>
#include <linux/sysfs.h>

#include <kunit/visibility.h>

#include "sff8472.h"

#define SFF8472_OPTOE_TWO_ADDR	2	/* optoe's dev_class for SFP */
#define SFF8472_OPTOE_PAGE	128	/* optoe's largest write_max */

/**
 * sff8472_optoe_init() - port_name and write_max as a cage starts
 * @data: the cage
 *
 * port_name starts as the cage's firmware label, else its device name
 * (what optoe shows); write_max as the driver writes without it.
 */
void sff8472_optoe_init(struct sff8472_cage *data)
{
	const char *label = NULL;

	if (device_property_read_string(data->dev, "label", &label) ||
	    !label || !*label)
		label = dev_name(data->dev);
	strscpy(data->port_name, label, sizeof(data->port_name));
	data->cache.write_max = SFF8472_USER_EEPROM_PAGE;
}

static ssize_t dev_class_show(struct device *dev,
			      struct device_attribute *attr, char *buf)
{
	return sysfs_emit(buf, "%d\n", SFF8472_OPTOE_TWO_ADDR);
}

/* Platform code sets the class it instantiated; only SFP's is served. */
static ssize_t dev_class_store(struct device *dev,
			       struct device_attribute *attr,
			       const char *buf, size_t count)
{
	int class;

	if (kstrtoint(buf, 0, &class) || class != SFF8472_OPTOE_TWO_ADDR)
		return -EINVAL;
	return count;
}
static DEVICE_ATTR_RW(dev_class);

static ssize_t port_name_show(struct device *dev,
			      struct device_attribute *attr, char *buf)
{
	struct sff8472_cage *data = dev_get_drvdata(dev);
	ssize_t ret;

	mutex_lock(&data->cache.lock);
	ret = sysfs_emit(buf, "%s\n", data->port_name);
	mutex_unlock(&data->cache.lock);
	return ret;
}

/* One word, like optoe's; a longer name is refused, not cut. */
static ssize_t port_name_store(struct device *dev,
			       struct device_attribute *attr,
			       const char *buf, size_t count)
{
	struct sff8472_cage *data = dev_get_drvdata(dev);
	const char *word = skip_spaces(buf);
	size_t len = strcspn(word, " \t\n");

	if (!len || len >= sizeof(data->port_name) || *skip_spaces(word + len))
		return -EINVAL;
	mutex_lock(&data->cache.lock);
	memcpy(data->port_name, word, len);
	data->port_name[len] = '\0';
	mutex_unlock(&data->cache.lock);
	return count;
}
static DEVICE_ATTR_RW(port_name);

static ssize_t write_max_show(struct device *dev,
			      struct device_attribute *attr, char *buf)
{
	struct sff8472_cage *data = dev_get_drvdata(dev);

	return sysfs_emit(buf, "%u\n", READ_ONCE(data->cache.write_max));
}

static ssize_t write_max_store(struct device *dev,
			       struct device_attribute *attr,
			       const char *buf, size_t count)
{
	struct sff8472_cage *data = dev_get_drvdata(dev);
	unsigned int max;

	if (kstrtouint(buf, 0, &max) || !max || max > SFF8472_OPTOE_PAGE)
		return -EINVAL;
	mutex_lock(&data->cache.lock);
	WRITE_ONCE(data->cache.write_max, max);
	mutex_unlock(&data->cache.lock);
	return count;
}
static DEVICE_ATTR_RW(write_max);

static struct attribute *sff8472_optoe_attrs[] = {
	&dev_attr_dev_class.attr,
	&dev_attr_port_name.attr,
	&dev_attr_write_max.attr,
	NULL
};

const struct attribute_group sff8472_optoe_group = {
	.attrs = sff8472_optoe_attrs,
};
EXPORT_SYMBOL_IF_KUNIT(sff8472_optoe_group);
