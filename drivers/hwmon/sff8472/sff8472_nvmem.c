// SPDX-License-Identifier: GPL-2.0-only
/*
 * SFF-8472 EEPROM view, 512 bytes in optoe's layout (A0h at 0-255, A2h at
 * 256-511), twice over the cache (Documentation/hwmon/sff8472.rst,
 * "EEPROM"): the driver's own "eeprom" file, which SONiC-style tools read
 * and which is short where a module has no A2h (nvmem's compat file could
 * not be), and an nvmem device, whose reads are all or nothing.
 */

#include <linux/device.h>
#include <linux/module.h>
#include <linux/nvmem-provider.h>
#include <linux/sysfs.h>

#include <kunit/visibility.h>

#include "sff8472.h"
#include "sff8472_compat.h"

static ssize_t sff8472_eeprom_read(struct sff8472_cage *data,
				   unsigned int off, u8 *buf, size_t count,
				   bool whole)
{
	ssize_t ret;

	mutex_lock(&data->cache.lock);
	ret = sff8472_cache_eeprom_read(&data->cache, off, buf, count, whole);
	mutex_unlock(&data->cache.lock);
	return ret;
}

static ssize_t sff8472_eeprom_write(struct sff8472_cage *data,
				    unsigned int off, const u8 *buf,
				    size_t count)
{
	ssize_t ret;

	mutex_lock(&data->cache.lock);
	ret = sff8472_cache_eeprom_write(&data->cache, off, buf, count);
	mutex_unlock(&data->cache.lock);
	return ret;
}

static int sff8472_nvmem_read(void *priv, unsigned int off, void *val,
			      size_t count)
{
	/* All or nothing, with the error that stopped it. */
	ssize_t ret = sff8472_eeprom_read(priv, off, val, count, true);

	if (ret < 0)
		return ret;
	return ret == count ? 0 : -EINVAL;
}

static int sff8472_nvmem_write(void *priv, unsigned int off, void *val,
			       size_t count)
{
	return sff8472_all_or_error(sff8472_eeprom_write(priv, off, val, count),
				    count);
}

int sff8472_nvmem_register(struct sff8472_cage *data)
{
	struct nvmem_config config = {
		.name = dev_name(data->dev),
		.id = NVMEM_DEVID_AUTO,
		.type = NVMEM_TYPE_EEPROM,
		.dev = data->dev,
		.owner = THIS_MODULE,
		/* sysfs, cells: user EEPROM opted in only; the cache decides. */
		.read_only = !data->cache.user_eeprom_writable,
		.root_only = false,
		.reg_read = sff8472_nvmem_read,
		.reg_write = sff8472_nvmem_write,
		.priv = data,
		.stride = 1,
		.word_size = 1,
		.size = SFF8472_NVMEM_SIZE,
	};
	struct nvmem_device *nvmem;

	nvmem = devm_nvmem_register(data->dev, &config);
	if (IS_ERR(nvmem))
		return dev_err_probe(data->dev, PTR_ERR(nvmem),
				     "cannot register nvmem\n");
	return 0;
}
