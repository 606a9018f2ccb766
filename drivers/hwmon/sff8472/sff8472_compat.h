/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * sff8472_compat.h - the kernel interfaces sff8472 uses that are newer than
 * Debian 12's 6.1, in one place. The driver is written for the newest
 * kernel; each shim below names the release that made it unnecessary and
 * adds nothing there. `make check` builds the driver against Debian's 6.1,
 * 6.12 and newest 7.x with W=1 and sparse, and loads it into Debian's 6.1
 * and 6.12 kernels under QEMU.
 */
#ifndef _SFF8472_COMPAT_H
#define _SFF8472_COMPAT_H

#include <linux/module.h>
#include <linux/sfp.h>
#include <linux/slab.h>
#include <linux/sysfs.h>
#include <linux/version.h>
#include <linux/workqueue.h>

/* 6.12 moved <asm/unaligned.h> to <linux/unaligned.h>. */
#if LINUX_VERSION_CODE >= KERNEL_VERSION(6, 12, 0)
#include <linux/unaligned.h>
#else
#include <asm/unaligned.h>
#endif

/*
 * 6.3 dropped the i2c_device_id argument of i2c_driver.probe; before, the
 * one-argument callback was .probe_new. Use as SFF8472_I2C_PROBE(fn),
 * in place of ".probe = fn,".
 */
#if LINUX_VERSION_CODE >= KERNEL_VERSION(6, 3, 0)
#define SFF8472_I2C_PROBE(fn)	.probe = (fn)
#else
#define SFF8472_I2C_PROBE(fn)	.probe_new = (fn)
#endif

/*
 * 6.4 made hwmon_chip_info.info a pointer to const pointers, so the channel
 * table can be const all through; the hwmon core never wrote to it. Use as
 * ".info = SFF8472_HWMON_INFO(table),".
 */
#if LINUX_VERSION_CODE >= KERNEL_VERSION(6, 4, 0)
#define SFF8472_HWMON_INFO(table)	(table)
#else
#define SFF8472_HWMON_INFO(table)	((const struct hwmon_channel_info **)(table))
#endif

/*
 * disable_delayed_work_sync() came with 6.10. cancel_delayed_work_sync()
 * also stops a work that re-queues itself, but a later queueing runs it
 * again: before 6.10 the caller must have stopped every other queuer (IRQ,
 * readers) first.
 */
#if LINUX_VERSION_CODE < KERNEL_VERSION(6, 10, 0)
static inline bool disable_delayed_work_sync(struct delayed_work *dwork)
{
	return cancel_delayed_work_sync(dwork);
}
#endif

/*
 * 6.5 named the rate select and power level control bits of A2h bytes 110
 * and 118 in <linux/sfp.h> (SFF-8472 Tables 3.17 and 3.18a). <linux/sfp.h>
 * is included above, so where these are enum constants already the macros
 * only repeat their values.
 */
#if LINUX_VERSION_CODE < KERNEL_VERSION(6, 5, 0)
#define SFP_STATUS_RS0_SELECT		BIT(3)
#define SFP_EXT_STATUS_RS1_SELECT	BIT(3)
#define SFP_EXT_STATUS_PWRLVL_SELECT	BIT(0)
#endif

/*
 * 6.17 made the bin_attribute read and write callbacks and an
 * attribute_group's bin_attrs take const bin_attributes (6.13 to 6.16 had
 * const variants beside them, read_new, write_new and bin_attrs_new). Before,
 * SFF8472_BIN_ATTR_RW(name, size) defines bin_attr_<name> over callbacks
 * that pass the attribute on to name_read and name_write, and
 * SFF8472_BIN_ATTRS(table) casts the const table for ".bin_attrs ="; sysfs
 * never wrote to it.
 */
#if LINUX_VERSION_CODE >= KERNEL_VERSION(6, 17, 0)
#define SFF8472_BIN_ATTR_RW(_name, _size)				\
	static const struct bin_attribute bin_attr_##_name =		\
		__BIN_ATTR_RW(_name, _size)
#define SFF8472_BIN_ATTRS(table)	(table)
#else
/* fn##_compat, an old-style callback that calls the const-style fn. */
#define SFF8472_BIN_OP_COMPAT(fn)					\
	static ssize_t fn##_compat(struct file *filp, struct kobject *kobj, \
				   struct bin_attribute *attr, char *buf, \
				   loff_t off, size_t count)		\
	{								\
		return fn(filp, kobj, attr, buf, off, count);		\
	}
#define SFF8472_BIN_ATTR_RW(_name, _size)				\
	SFF8472_BIN_OP_COMPAT(_name##_read)				\
	SFF8472_BIN_OP_COMPAT(_name##_write)				\
	static struct bin_attribute bin_attr_##_name =			\
		__BIN_ATTR(_name, 0644, _name##_read_compat,		\
			   _name##_write_compat, _size)
#define SFF8472_BIN_ATTRS(table)	((struct bin_attribute **)(table))
#endif

/*
 * 6.13 made attribute_group.is_bin_visible take a const bin_attribute.
 * SFF8472_DEFINE_BIN_VISIBLE(fn) after fn() defines what
 * SFF8472_BIN_VISIBLE(fn) names for ".is_bin_visible =".
 */
#if LINUX_VERSION_CODE >= KERNEL_VERSION(6, 13, 0)
#define SFF8472_DEFINE_BIN_VISIBLE(fn)					\
	static umode_t fn(struct kobject *kobj,				\
			  const struct bin_attribute *attr, int n)
#define SFF8472_BIN_VISIBLE(fn)	(fn)
#else
#define SFF8472_DEFINE_BIN_VISIBLE(fn)					\
	static umode_t fn##_compat(struct kobject *kobj,		\
				   struct bin_attribute *attr, int n)	\
	{								\
		return fn(kobj, attr, n);				\
	}								\
	static umode_t fn##_compat(struct kobject *kobj,		\
				   struct bin_attribute *attr, int n)
#define SFF8472_BIN_VISIBLE(fn)	(fn##_compat)
#endif

/* 6.4 added the KUnit static stubs that put the tests' RAM fake in place. */
#if LINUX_VERSION_CODE >= KERNEL_VERSION(6, 4, 0)
#include <kunit/static_stub.h>
#else
#define KUNIT_STATIC_STUB_REDIRECT(...) do { } while (0)
#endif

/*
 * 6.13 made symbol namespaces string literals: MODULE_IMPORT_NS("NS").
 * Before, the macro stringified a bare name.
 */
#if LINUX_VERSION_CODE < KERNEL_VERSION(6, 13, 0)
#undef MODULE_IMPORT_NS
#define MODULE_IMPORT_NS(ns)	MODULE_INFO(import_ns, ns)
#endif

/*
 * 6.15 gave every I2C client a debugfs directory that the core creates
 * before probe and removes after remove (i2c/i2c-B/B-0050/); a second one
 * of that name makes the core warn. Before, the driver makes and removes
 * its own there: SFF8472_CLIENT_DEBUGFS(client) is the directory either
 * way, NULL if the driver could not arrange the removal (debugfs itself
 * returns errors as pointers, which its functions take).
 */
#if LINUX_VERSION_CODE >= KERNEL_VERSION(6, 15, 0)
#define SFF8472_CLIENT_DEBUGFS(client)	((client)->debugfs)
#else
#include <linux/debugfs.h>
#include <linux/device.h>
#include <linux/i2c.h>

static inline void sff8472_remove_debugfs(void *dir)
{
	debugfs_remove_recursive(dir);
}

static inline struct dentry *
sff8472_devm_client_debugfs(struct i2c_client *client)
{
	struct dentry *dir;

	dir = debugfs_create_dir(dev_name(&client->dev),
				 client->adapter->debugfs);
	if (devm_add_action_or_reset(&client->dev, sff8472_remove_debugfs,
				     dir))
		return NULL;
	return dir;
}

#define SFF8472_CLIENT_DEBUGFS(client)	sff8472_devm_client_debugfs(client)
#endif

#endif /* _SFF8472_COMPAT_H */
