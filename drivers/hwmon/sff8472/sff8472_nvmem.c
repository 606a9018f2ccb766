// SPDX-License-Identifier: GPL-2.0-only
/*
 * SFF-8472 EEPROM view: one 512-byte nvmem device per cage in the optoe
 * layout (A0h at 0-255, A2h at 256-511), with the legacy "eeprom" file on
 * the I2C client so /sys/bus/i2c/devices/B-0050/eeprom exists.
 *
 * Static areas (A0h 0-95, A2h 0-95) come from the cache, the rest from the
 * bus. Writes are off unless sff,user-eeprom-writable or the module
 * parameter user_eeprom_writable enable them, and then only the A2h user
 * EEPROM (128-247) accepts them; anything else is refused before a single
 * byte goes on the bus.
 */

#include <linux/device.h>
#include <linux/minmax.h>
#include <linux/module.h>
#include <linux/nvmem-provider.h>
#include <linux/string.h>

#include "sff8472.h"

#define SFF8472_NVMEM_A2		SFF8472_PAGE_LEN
#define SFF8472_NVMEM_USER_START	(SFF8472_NVMEM_A2 + SFF8472_A2_USER_EEPROM)
#define SFF8472_NVMEM_USER_END		(SFF8472_NVMEM_A2 + \
					 SFF8472_A2_USER_EEPROM_END + 1)

static int sff8472_nvmem_read_page(struct sff8472_data *data,
				   enum sff8472_page page, unsigned int off,
				   u8 *buf, size_t len)
{
	const u8 *cache = page == SFF8472_PAGE_A0 ? data->a0 :
			  (data->has_ddm ? data->a2 : NULL);
	size_t n;
	int ret;

	if (cache && off < SFF8472_BASE_LEN) {
		n = min_t(size_t, len, SFF8472_BASE_LEN - off);
		memcpy(buf, cache + off, n);
		off += n;
		buf += n;
		len -= n;
	}
	if (!len)
		return 0;

	ret = sff8472_bus_read(data, page, off, buf, len);
	/*
	 * A0h always answers, A2h does on DDM modules: else the module may be
	 * gone, which the presence check now finds out.
	 */
	if (ret && (page == SFF8472_PAGE_A0 || data->has_ddm)) {
		sff8472_request_check(data);
		return -EIO;
	}
	return ret;
}

static int sff8472_nvmem_read(void *priv, unsigned int off, void *val,
			      size_t count)
{
	struct sff8472_data *data = priv;
	u8 *buf = val;
	int ret = 0;

	if (off + count > SFF8472_NVMEM_SIZE)
		return -EINVAL;

	mutex_lock(&data->lock);
	if (!data->present)
		ret = -ENODEV;
	while (!ret && count) {
		enum sff8472_page page = off / SFF8472_PAGE_LEN;
		unsigned int page_off = off % SFF8472_PAGE_LEN;
		size_t n = min_t(size_t, count, SFF8472_PAGE_LEN - page_off);

		ret = sff8472_nvmem_read_page(data, page, page_off, buf, n);
		off += n;
		buf += n;
		count -= n;
	}
	mutex_unlock(&data->lock);
	return ret;
}

/* Only the A2h user EEPROM, and only when enabled. */
static bool sff8472_nvmem_write_allowed(struct sff8472_data *data,
					unsigned int off, size_t count)
{
	return data->user_eeprom_writable && count &&
	       off >= SFF8472_NVMEM_USER_START &&
	       off + count <= SFF8472_NVMEM_USER_END;
}

/* Page by page, waiting for each write cycle to end. */
static int sff8472_nvmem_write_user(struct sff8472_data *data,
				    unsigned int off, const u8 *buf,
				    size_t count)
{
	int ret = 0;

	while (!ret && count) {
		size_t n = min_t(size_t, count, data->max_write);

		n = min_t(size_t, n, SFF8472_USER_EEPROM_PAGE -
				     off % SFF8472_USER_EEPROM_PAGE);
		ret = sff8472_bus_write(data, SFF8472_PAGE_A2, off, buf, n);
		if (!ret)
			ret = sff8472_bus_wait_write_cycle(data);
		off += n;
		buf += n;
		count -= n;
	}
	return ret;
}

static int sff8472_nvmem_write(void *priv, unsigned int off, void *val,
			       size_t count)
{
	struct sff8472_data *data = priv;
	int ret;

	if (!sff8472_nvmem_write_allowed(data, off, count))
		return -EPERM;
	if (!data->max_write)
		return -EOPNOTSUPP;	/* the adapter cannot write */

	mutex_lock(&data->lock);
	if (!data->present)
		ret = -ENODEV;
	else if (!data->has_ddm)
		ret = -EOPNOTSUPP;	/* no A2h, so no user EEPROM */
	else
		ret = sff8472_nvmem_write_user(data, off - SFF8472_NVMEM_A2,
					       val, count);
	mutex_unlock(&data->lock);
	return ret;
}

int sff8472_nvmem_register(struct sff8472_data *data)
{
	struct nvmem_config config = {
		.name = dev_name(data->dev),
		.id = NVMEM_DEVID_AUTO,
		.type = NVMEM_TYPE_EEPROM,
		.dev = data->dev,
		.owner = THIS_MODULE,
		/* The legacy "eeprom" file needs the nvmem sysfs support. */
		.compat = IS_ENABLED(CONFIG_NVMEM_SYSFS),
		.base_dev = data->dev,
		.read_only = !data->user_eeprom_writable,
		.root_only = false,
		.reg_read = sff8472_nvmem_read,
		.reg_write = sff8472_nvmem_write,
		.priv = data,
		.stride = 1,
		.word_size = 1,
		.size = SFF8472_NVMEM_SIZE,
	};

	data->nvmem = devm_nvmem_register(data->dev, &config);
	if (IS_ERR(data->nvmem))
		return dev_err_probe(data->dev, PTR_ERR(data->nvmem),
				     "cannot register nvmem\n");
	return 0;
}
