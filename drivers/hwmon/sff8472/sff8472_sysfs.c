// SPDX-License-Identifier: GPL-2.0-only
/*
 * The out-of-tree build's files beyond hwmon and nvmem, on the I2C client
 * (Documentation/ABI/testing/sysfs-driver-sff8472), in this one file: the
 * mainline series leaves it out (scripts/upstream), as identity and status
 * decode is userspace's job there (sff8472-info reads them from nvmem).
 *
 * Identity from the cache, status bits and full-resolution values from the
 * live snapshot, the soft controls, optoe's files for SONiC and ONL
 * platform code (dev_class, port_name, write_max) and the optoe-layout
 * "eeprom" file. They exist for the life of the binding; what the module
 * does not advertise reads and writes -EOPNOTSUPP.
 */

#include <linux/device.h>
#include <linux/err.h>
#include <linux/kobject.h>
#include <linux/kstrtox.h>
#include <linux/property.h>
#include <linux/string.h>
#include <linux/sysfs.h>

#include <kunit/visibility.h>

#include "sff8472.h"
#include "sff8472_compat.h"

#define SFF8472_OPTOE_TWO_ADDR	2	/* optoe's dev_class for SFP */
#define SFF8472_OPTOE_PAGE	128	/* optoe's largest write_max */

/* Identity: the cached, decoded A0h of the module in the cage. */
static ssize_t sff8472_show_locked(struct device *dev, char *buf,
				   ssize_t (*show)(const struct sff8472_module *m,
						   char *buf))
{
	struct sff8472_cage *data = dev_get_drvdata(dev);
	const struct sff8472_module *m;
	ssize_t ret;

	mutex_lock(&data->cache.lock);
	m = sff8472_cache_module(&data->cache);
	ret = IS_ERR(m) ? PTR_ERR(m) : show(m, buf);
	mutex_unlock(&data->cache.lock);
	return ret;
}

/* An identity file over name##_id_show(). */
#define SFF8472_ID_ATTR_FN(name)					\
static ssize_t name##_show(struct device *dev,				\
			   struct device_attribute *attr, char *buf)	\
{									\
	return sff8472_show_locked(dev, buf, name##_id_show);		\
}									\
static DEVICE_ATTR_RO(name)

#define SFF8472_ID_ATTR(name, fmt, expr)				\
static ssize_t name##_id_show(const struct sff8472_module *m, char *buf) \
{									\
	return sysfs_emit(buf, fmt "\n", expr);				\
}									\
SFF8472_ID_ATTR_FN(name)

SFF8472_ID_ATTR(vendor_name, "%s", m->id.vendor_name);
SFF8472_ID_ATTR(vendor_pn, "%s", m->id.vendor_pn);
SFF8472_ID_ATTR(vendor_rev, "%s", m->id.vendor_rev);
SFF8472_ID_ATTR(vendor_sn, "%s", m->id.vendor_sn);
SFF8472_ID_ATTR(vendor_oui, "%3phC", m->id.vendor_oui);
SFF8472_ID_ATTR(identifier, "0x%02x", m->id.identifier);
SFF8472_ID_ATTR(connector, "0x%02x", m->id.connector);
SFF8472_ID_ATTR(compliance_revision, "0x%02x", m->id.compliance);
SFF8472_ID_ATTR(nominal_bitrate, "%u", m->id.br_nominal_mbd);
SFF8472_ID_ATTR(cc_base_ok, "%d", m->id.cc_base_ok);
SFF8472_ID_ATTR(cc_ext_ok, "%d", m->id.cc_ext_ok);

static ssize_t date_code_id_show(const struct sff8472_module *m, char *buf)
{
	const struct sff8472_date *d = &m->id.date;

	if (!d->valid)
		return sysfs_emit(buf, "%s\n", d->raw);
	return sysfs_emit(buf, "%04u-%02u-%02u\n", d->year, d->month, d->day);
}

static ssize_t wavelength_id_show(const struct sff8472_module *m, char *buf)
{
	if (m->id.is_cable)
		return -ENODATA;
	return sysfs_emit(buf, "%u\n", m->id.wavelength_nm);
}

static ssize_t cc_dmi_ok_id_show(const struct sff8472_module *m, char *buf)
{
	if (!m->has_ddm)
		return -ENODATA;
	return sysfs_emit(buf, "%d\n", m->cc_dmi_ok);
}

/* What the values are decoded with, not merely what bits are set. */
static ssize_t calibration_id_show(const struct sff8472_module *m, char *buf)
{
	if (!m->has_ddm)
		return sysfs_emit(buf, "none\n");
	return sysfs_emit(buf, "%s\n",
			  m->cal.external ? "external" : "internal");
}

static ssize_t rx_power_type_id_show(const struct sff8472_module *m,
				     char *buf)
{
	if (!m->has_ddm)
		return -ENODATA;
	return sysfs_emit(buf, "%s\n", m->id.diag_type &
			  SFP_DIAGMON_RXPWR_AVG ? "average" : "oma");
}

SFF8472_ID_ATTR_FN(date_code);
SFF8472_ID_ATTR_FN(wavelength);
SFF8472_ID_ATTR_FN(cc_dmi_ok);
SFF8472_ID_ATTR_FN(calibration);
SFF8472_ID_ATTR_FN(rx_power_type);

static ssize_t present_show(struct device *dev, struct device_attribute *attr,
			    char *buf)
{
	struct sff8472_cage *data = dev_get_drvdata(dev);
	bool present;

	mutex_lock(&data->cache.lock);
	present = data->cache.present;
	mutex_unlock(&data->cache.lock);
	return sysfs_emit(buf, "%d\n", present);
}
static DEVICE_ATTR_RO(present);

/*
 * A file of one bit of A2h 110/118 (sff8472_cache_bit()): shows @first
 * when it is clear and @first + 1 when set (@invert: the other way round);
 * a control's file takes the same two values.
 */
struct sff8472_bit_attr {
	struct device_attribute dev_attr;
	enum sff8472_bit bit;
	u8 first;
	bool invert;
};

static const struct sff8472_bit_attr *
sff8472_attr_bit(struct device_attribute *attr)
{
	return container_of(attr, struct sff8472_bit_attr, dev_attr);
}

static ssize_t sff8472_bit_show(struct device *dev,
				struct device_attribute *attr, char *buf)
{
	const struct sff8472_bit_attr *ba = sff8472_attr_bit(attr);
	struct sff8472_cage *data = dev_get_drvdata(dev);
	bool on;
	int ret;

	mutex_lock(&data->cache.lock);
	ret = sff8472_cache_bit(&data->cache, ba->bit, &on);
	mutex_unlock(&data->cache.lock);
	return ret ? ret : sysfs_emit(buf, "%d\n", ba->first + (on ^ ba->invert));
}

static ssize_t sff8472_bit_store(struct device *dev,
				 struct device_attribute *attr,
				 const char *buf, size_t count)
{
	const struct sff8472_bit_attr *ba = sff8472_attr_bit(attr);
	struct sff8472_cage *data = dev_get_drvdata(dev);
	unsigned int val;
	int ret;

	ret = kstrtouint(buf, 0, &val);
	if (ret)
		return ret;
	if (val < ba->first || val > ba->first + 1)
		return -EINVAL;

	/* The cache refuses controls the module does not advertise. */
	mutex_lock(&data->cache.lock);
	ret = sff8472_cache_set_control(&data->cache, ba->bit,
					val > ba->first);
	mutex_unlock(&data->cache.lock);
	return ret ? ret : count;
}

/* A status bit has no store at all, so not even root can write it. */
#define SFF8472_BIT_ATTR(name, which, first_value, inverted)		\
static struct sff8472_bit_attr bit_attr_##name = {			\
	.dev_attr = __ATTR(name, 0444, sff8472_bit_show, NULL),		\
	.bit = which, .first = first_value, .invert = inverted,		\
}

#define SFF8472_CONTROL_ATTR(name, which, first_value)			\
static struct sff8472_bit_attr bit_attr_##name = {			\
	.dev_attr = __ATTR(name, 0644, sff8472_bit_show, sff8472_bit_store), \
	.bit = which, .first = first_value,				\
}

SFF8472_BIT_ATTR(rx_los, SFF8472_BIT_RX_LOS, 0, false);
SFF8472_BIT_ATTR(tx_fault, SFF8472_BIT_TX_FAULT, 0, false);
SFF8472_BIT_ATTR(tx_disable_state, SFF8472_BIT_TX_DISABLE, 0, false);
SFF8472_BIT_ATTR(rs0_state, SFF8472_BIT_RS0, 0, false);
SFF8472_BIT_ATTR(rs1_state, SFF8472_BIT_RS1, 0, false);
SFF8472_BIT_ATTR(data_ready, SFF8472_BIT_DATA_NOT_READY, 0, true);
SFF8472_BIT_ATTR(power_level_state, SFF8472_BIT_POWER_LEVEL, 1, false);
SFF8472_CONTROL_ATTR(soft_tx_disable, SFF8472_CTL_TX_DISABLE, 0);
SFF8472_CONTROL_ATTR(soft_rate_select, SFF8472_CTL_RATE_SELECT, 0);
SFF8472_CONTROL_ATTR(soft_rs1, SFF8472_CTL_RS1, 0);
SFF8472_CONTROL_ATTR(power_level, SFF8472_CTL_POWER_LEVEL, 1);

/* Full resolution: the spec's own units, calibrated. */
static ssize_t sff8472_show_fine(struct device *dev, char *buf,
				 enum sff8472_channel ch)
{
	struct sff8472_cage *data = dev_get_drvdata(dev);
	long val;
	int ret;

	mutex_lock(&data->cache.lock);
	ret = sff8472_cache_value(&data->cache, ch, SFF8472_UNIT_FINE, &val);
	mutex_unlock(&data->cache.lock);
	return ret ? ret : sysfs_emit(buf, "%ld\n", val);
}

#define SFF8472_FINE_ATTR(name, ch)					\
static ssize_t name##_show(struct device *dev,				\
			   struct device_attribute *attr, char *buf)	\
{									\
	return sff8472_show_fine(dev, buf, ch);				\
}									\
static DEVICE_ATTR_RO(name)

SFF8472_FINE_ATTR(vcc_100uv, SFF8472_VCC);
SFF8472_FINE_ATTR(bias_ua, SFF8472_BIAS);
SFF8472_FINE_ATTR(tx_power_100nw, SFF8472_TX_POWER);
SFF8472_FINE_ATTR(rx_power_100nw, SFF8472_RX_POWER);

/*
 * optoe's files: dev_class is 2, optoe's class of two-address (SFF-8472)
 * devices, the only one served; port_name is free text for the platform,
 * up to 19 characters, the cage's label until written; write_max caps the
 * chunks of user-EEPROM writes, 1-128 as optoe takes it.
 */
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

/*
 * The eeprom file: the cache's 512-byte view, under the cache lock. sysfs
 * keeps @off and @count inside the file's size.
 */
static ssize_t sff8472_eeprom_io(struct kobject *kobj, loff_t off, char *buf,
				 size_t count, bool write)
{
	struct sff8472_cage *data = dev_get_drvdata(kobj_to_dev(kobj));
	ssize_t ret;

	mutex_lock(&data->cache.lock);
	if (write)
		ret = sff8472_cache_eeprom_write(&data->cache, off, buf, count);
	else
		ret = sff8472_cache_eeprom_read(&data->cache, off, buf, count,
						false);
	mutex_unlock(&data->cache.lock);
	return ret;
}

static ssize_t eeprom_read(struct file *filp, struct kobject *kobj,
			   const struct bin_attribute *attr, char *buf, loff_t off,
			   size_t count)
{
	return sff8472_eeprom_io(kobj, off, buf, count, false);
}

static ssize_t eeprom_write(struct file *filp, struct kobject *kobj,
			    const struct bin_attribute *attr, char *buf, loff_t off,
			    size_t count)
{
	return sff8472_eeprom_io(kobj, off, buf, count, true);
}

SFF8472_BIN_ATTR_RW(eeprom, SFF8472_NVMEM_SIZE);

static const struct bin_attribute *const sff8472_eeprom_attrs[] = {
	&bin_attr_eeprom,
	NULL
};

/*
 * Readable by all (it costs no bus traffic); writable by root while there
 * is something root may write: a control the module in the cage
 * advertises, or the opted-in user EEPROM.
 */
static umode_t sff8472_eeprom_mode(struct sff8472_cage *data)
{
	bool writable;

	mutex_lock(&data->cache.lock);
	writable = sff8472_cache_writable(&data->cache);
	mutex_unlock(&data->cache.lock);
	return writable ? 0644 : 0444;
}

static umode_t sff8472_eeprom_visible(struct kobject *kobj,
				      const struct bin_attribute *attr, int n)
{
	return sff8472_eeprom_mode(dev_get_drvdata(kobj_to_dev(kobj)));
}

/**
 * sff8472_eeprom_update_mode() - the eeprom file's mode after a module change
 * @data: the cage, without the cache lock held
 *
 * Until the driver core has made the file (during probe) there is nothing
 * to change: it gets its mode from sff8472_eeprom_visible() then.
 */
static void sff8472_eeprom_update_mode(struct sff8472_cage *data)
{
	int ret = sysfs_chmod_file(&data->dev->kobj, &bin_attr_eeprom.attr,
				   sff8472_eeprom_mode(data));

	if (ret && ret != -ENOENT)
		dev_warn(data->dev, "cannot change the eeprom file's mode: %pe\n",
			 ERR_PTR(ret));
}

SFF8472_DEFINE_BIN_VISIBLE(sff8472_eeprom_visible);
static struct attribute *sff8472_attrs[] = {
	&dev_attr_vendor_name.attr,
	&dev_attr_vendor_oui.attr,
	&dev_attr_vendor_pn.attr,
	&dev_attr_vendor_rev.attr,
	&dev_attr_vendor_sn.attr,
	&dev_attr_date_code.attr,
	&dev_attr_identifier.attr,
	&dev_attr_connector.attr,
	&dev_attr_wavelength.attr,
	&dev_attr_nominal_bitrate.attr,
	&dev_attr_compliance_revision.attr,
	&dev_attr_cc_base_ok.attr,
	&dev_attr_cc_ext_ok.attr,
	&dev_attr_cc_dmi_ok.attr,
	&dev_attr_calibration.attr,
	&dev_attr_rx_power_type.attr,
	&dev_attr_present.attr,
	&bit_attr_data_ready.dev_attr.attr,
	&bit_attr_rx_los.dev_attr.attr,
	&bit_attr_tx_fault.dev_attr.attr,
	&bit_attr_tx_disable_state.dev_attr.attr,
	&bit_attr_rs0_state.dev_attr.attr,
	&bit_attr_rs1_state.dev_attr.attr,
	&bit_attr_power_level_state.dev_attr.attr,
	&bit_attr_soft_tx_disable.dev_attr.attr,
	&bit_attr_soft_rate_select.dev_attr.attr,
	&bit_attr_soft_rs1.dev_attr.attr,
	&bit_attr_power_level.dev_attr.attr,
	&dev_attr_vcc_100uv.attr,
	&dev_attr_bias_ua.attr,
	&dev_attr_tx_power_100nw.attr,
	&dev_attr_rx_power_100nw.attr,
	&dev_attr_dev_class.attr,
	&dev_attr_port_name.attr,
	&dev_attr_write_max.attr,
	NULL
};

static const struct attribute_group sff8472_group = {
	.attrs = sff8472_attrs,
	.bin_attrs = SFF8472_BIN_ATTRS(sff8472_eeprom_attrs),
	.is_bin_visible = SFF8472_BIN_VISIBLE(sff8472_eeprom_visible),
};

const struct attribute_group *sff8472_groups[] = {
	&sff8472_group,
	NULL
};
EXPORT_SYMBOL_IF_KUNIT(sff8472_groups);

/* port_name starts as the cage's firmware label, else its device name. */
void sff8472_sysfs_init(struct sff8472_cage *data)
{
	const char *label = NULL;

	if (device_property_read_string(data->dev, "label", &label) ||
	    !label || !*label)
		label = dev_name(data->dev);
	strscpy(data->port_name, label, sizeof(data->port_name));
}

/*
 * Another module, or none: the eeprom file's mode follows it, and
 * userspace hears of it (poll() on "present", a uevent).
 */
void sff8472_sysfs_changed(struct sff8472_cage *data)
{
	sff8472_eeprom_update_mode(data);
	sysfs_notify(&data->dev->kobj, NULL, dev_attr_present.attr.name);
	kobject_uevent(&data->dev->kobj, KOBJ_CHANGE);
}
