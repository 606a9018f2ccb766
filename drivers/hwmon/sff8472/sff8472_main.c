// SPDX-License-Identifier: GPL-2.0-only
/*
 * SFF-8472 SFP transceiver diagnostics: probe and power management.
 */

#include <linux/device.h>
#include <linux/gpio/consumer.h>
#include <linux/i2c.h>
#include <linux/interrupt.h>
#include <linux/mod_devicetable.h>
#include <linux/module.h>
#include <linux/property.h>

#include <kunit/visibility.h>

#include "sff8472.h"
#include "sff8472_compat.h"
#include "sff8472_version.h"

#define SFF8472_A2_ADDR		0x51

/* Not hardware, so not in the DT; each applies to cages bound later. */
VISIBLE_IF_KUNIT struct sff8472_params sff8472_params = {
	.poll_interval_ms = SFF8472_DEFAULT_POLL_MS,
};
EXPORT_SYMBOL_IF_KUNIT(sff8472_params);
module_param_named(user_eeprom_writable, sff8472_params.user_eeprom_writable,
		   bool, 0644);
MODULE_PARM_DESC(user_eeprom_writable,
		 "Allow writes to the A2h user EEPROM (bytes 128-247)");
module_param_named(allow_address_change, sff8472_params.allow_address_change,
		   bool, 0644);
MODULE_PARM_DESC(allow_address_change,
		 "Allow the address change sequence (I2C general calls) on every cage, like sff,allow-address-change");
module_param_named(poll_interval_ms, sff8472_params.poll_interval_ms, uint,
		   0644);
MODULE_PARM_DESC(poll_interval_ms,
		 "Presence check period in ms of cages without a mod-def0 interrupt (50-3600000, default 1000)");
module_param_named(max_transfer_size, sff8472_params.max_transfer_size, uint,
		   0644);
MODULE_PARM_DESC(max_transfer_size,
		 "Largest I2C read in bytes, for modules or bridges that cannot read long (1-255; 0: 32)");

static irqreturn_t sff8472_presence_irq(int irq, void *dev_id)
{
	sff8472_hp_kick(dev_id, SFF8472_KICK_EDGE);
	return IRQ_HANDLED;
}

/*
 * MOD_DEF0 and its IRQ. Either may defer probe, so this runs before anything
 * is registered (which would start another probe round at once).
 */
static int sff8472_get_presence(struct device *dev, struct gpio_desc **gpio,
				int *irq)
{
	*irq = -ENXIO;
	*gpio = devm_gpiod_get_optional(dev, "mod-def0", GPIOD_IN);
	if (IS_ERR(*gpio))
		return dev_err_probe(dev, PTR_ERR(*gpio),
				     "cannot get mod-def0 GPIO\n");
	if (!*gpio)
		return 0;
	*irq = gpiod_to_irq(*gpio);
	if (*irq == -EPROBE_DEFER)
		return dev_err_probe(dev, *irq, "mod-def0 IRQ not ready\n");
	return 0;	/* without an IRQ, poll the GPIO level */
}

/* Both edges: a removal and an insertion each need a look. */
static void sff8472_request_presence_irq(struct sff8472_cage *data, int irq)
{
	struct device *dev = data->dev;
	int ret;

	if (irq < 0)
		return;
	/* Set before the IRQ is live: its first edge must find it set. */
	data->hp.irq_mode = true;
	ret = devm_request_threaded_irq(dev, irq, NULL, sff8472_presence_irq,
					IRQF_TRIGGER_RISING |
					IRQF_TRIGGER_FALLING | IRQF_ONESHOT,
					dev_name(dev), data);
	if (ret) {
		data->hp.irq_mode = false;
		dev_warn(dev, "mod-def0 IRQ unavailable (%d), polling\n", ret);
	}
}

static void sff8472_stop_hotplug(void *data)
{
	sff8472_hp_stop(data);
}

static void sff8472_release_hwmon(void *data)
{
	sff8472_hwmon_unregister(data);
}

static void sff8472_unregister_client(void *client)
{
	i2c_unregister_device(client);
}

/* /sys/kernel/debug/i2c/i2c-B/B-0050/ */
static int sff8472_debugfs(struct sff8472_cage *data)
{
	struct dentry *dir = SFF8472_CLIENT_DEBUGFS(data->bus.client);

	if (!dir)
		return -ENOMEM;
	sff8472_hp_debugfs(data, dir);
	return 0;
}

static void sff8472_read_settings(struct sff8472_cage *data)
{
	data->cache.user_eeprom_writable =
		READ_ONCE(sff8472_params.user_eeprom_writable);
	data->bus.allow_gc = READ_ONCE(sff8472_params.allow_address_change) ||
		device_property_read_bool(data->dev, "sff,allow-address-change");
	data->cache.update_interval = SFF8472_DEFAULT_UPDATE_MS;
	data->cache.write_max = SFF8472_USER_EEPROM_PAGE;
}

static int sff8472_claim_a2(struct sff8472_cage *data)
{
	struct i2c_client *a2;

	a2 = i2c_new_ancillary_device(data->bus.client, "a2", SFF8472_A2_ADDR);
	if (IS_ERR(a2))
		return dev_err_probe(data->dev, PTR_ERR(a2),
				     "cannot claim A2h address\n");
	data->bus.a2_client = a2;
	return devm_add_action_or_reset(data->dev, sff8472_unregister_client,
					a2);
}

static int sff8472_probe(struct i2c_client *client)
{
	struct device *dev = &client->dev;
	struct sff8472_cage *data;
	struct gpio_desc *gpio;
	int irq, ret;

	data = devm_kzalloc(dev, sizeof(*data), GFP_KERNEL);
	if (!data)
		return -ENOMEM;
	data->dev = dev;
	data->bus.client = client;
	data->cache.bus = &data->bus;
	ret = devm_mutex_init(dev, &data->cache.lock);
	if (ret)
		return ret;
	i2c_set_clientdata(client, data);

	sff8472_read_settings(data);
#ifdef SFF8472_OUT_OF_TREE
	sff8472_sysfs_init(data);
#endif
	data->hwmon_name = sff8472_hwmon_name(dev);
	if (IS_ERR(data->hwmon_name))
		return PTR_ERR(data->hwmon_name);
	ret = sff8472_bus_init(&data->bus,
			       READ_ONCE(sff8472_params.max_transfer_size));
	if (ret)
		return ret;
	ret = sff8472_get_presence(dev, &gpio, &irq);
	if (ret)
		return ret;
	ret = sff8472_claim_a2(data);
	if (ret)
		return ret;
	ret = sff8472_hp_init(data, gpio,
			      READ_ONCE(sff8472_params.poll_interval_ms));
	if (ret)
		return ret;

	/* Teardown runs in reverse: nvmem, IRQ, hot-plug, then hwmon. */
	ret = devm_add_action_or_reset(dev, sff8472_release_hwmon, data);
	if (ret)
		return ret;
	ret = devm_add_action_or_reset(dev, sff8472_stop_hotplug, data);
	if (ret)
		return ret;
	sff8472_request_presence_irq(data, irq);
	ret = sff8472_nvmem_register(data);
	if (ret)
		return ret;
	ret = sff8472_debugfs(data);
	if (ret)
		return ret;
	sff8472_hp_start(data);
	return 0;
}

/* "optoe2": what SONiC and ONL platform code instantiate SFP cages as. */
static const struct i2c_device_id sff8472_id[] = {
	{ "sff8472" },
	{ "optoe2" },
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
	sff8472_hp_kick(dev_get_drvdata(dev), SFF8472_KICK_DOUBT);
	return 0;
}

static DEFINE_SIMPLE_DEV_PM_OPS(sff8472_pm_ops, NULL, sff8472_resume);

static struct i2c_driver sff8472_driver = {
	.driver = {
		.name = "sff8472",
		.of_match_table = sff8472_of_match,
#ifdef SFF8472_OUT_OF_TREE
		.dev_groups = sff8472_groups,
#endif
		.pm = pm_sleep_ptr(&sff8472_pm_ops),
	},
	SFF8472_I2C_PROBE(sff8472_probe),
	.id_table = sff8472_id,
};
module_i2c_driver(sff8472_driver);

MODULE_AUTHOR("The sff8472 driver authors");
MODULE_DESCRIPTION("SFF-8472 SFP transceiver digital diagnostics");
MODULE_LICENSE("GPL");
MODULE_VERSION(SFF8472_VERSION);
