/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * SFF-8472 driver internals shared by the core (probe, cache, hot-plug),
 * the bus access layer and the three outputs (hwmon, nvmem, sysfs).
 */
#ifndef _SFF8472_H
#define _SFF8472_H

#include <linux/atomic.h>
#include <linux/hwmon.h>
#include <linux/mutex.h>
#include <linux/types.h>
#include <linux/workqueue.h>

#include "sff8472_decode.h"

struct device;
struct gpio_desc;
struct i2c_client;
struct nvmem_device;

/* The two 256-byte pages of a module, at 0x50 (A0h) and 0x51 (A2h). */
enum sff8472_page {
	SFF8472_PAGE_A0,
	SFF8472_PAGE_A2,
	SFF8472_PAGE_UNKNOWN,	/* address-change module in an unknown state */
};

/* How the adapter lets us read, best first (see sff8472_bus.c). */
enum sff8472_bus_mode {
	SFF8472_BUS_I2C,
	SFF8472_BUS_SMBUS_BLOCK,
	SFF8472_BUS_SMBUS_WORD,
	SFF8472_BUS_SMBUS_BYTE,
};

#define SFF8472_DEFAULT_CHUNK		32	/* bytes per I2C read */
#define SFF8472_DEFAULT_POLL_MS		1000
#define SFF8472_DEFAULT_UPDATE_MS	1000
#define SFF8472_USER_EEPROM_PAGE	8	/* conservative EEPROM page */
#define SFF8472_NVMEM_SIZE		(2 * SFF8472_PAGE_LEN)

/**
 * struct sff8472_data - one cage
 * @client: A0h client (0x50), the device the driver binds to
 * @a2_client: ancillary A2h client (0x51)
 * @dev: &client->dev
 * @lock: serialises the address change, every transfer and every cache
 *	update, so a value and the constants used to decode it always belong
 *	to the same module and the same moment
 * @mode: bus access mode chosen at probe
 * @max_read: bytes per read transaction (even, >= 2 in block/I2C modes)
 * @max_write: bytes per write transaction (never more than a page)
 * @no_rep_start: adapter cannot do write-then-read with a repeated start
 * @cur_page: page an address-change module currently answers for
 * @present: a module answered and its static data is cached
 * @addr_change: the cached module needs the address-change sequence
 * @has_ddm: the cached module has diagnostics (A2h 0-95 cached)
 * @a0: cached A0h 0-95
 * @a2: cached A2h 0-95 (valid when @has_ddm)
 * @id: decoded @a0
 * @thr: decoded thresholds
 * @cal: calibration constants of the cached module
 * @cc_dmi_ok: CC_DMI of @a2 was correct
 * @live: last snapshot of A2h 96-119
 * @lv: @live decoded
 * @live_valid: @live belongs to the cached module and may be used
 * @live_time: jiffies when @live was read
 * @update_interval: live snapshot lifetime in ms (hwmon update_interval)
 * @poll_ms: presence poll period
 * @user_eeprom_writable: nvmem writes to A2h 128-247 are allowed
 * @retry_ms: current insertion retry back-off, 0 when not retrying
 * @insert_start: jiffies of the first failed insertion attempt
 * @slow_warned: the module has been reported as not answering
 * @last_addr_change: the last module seen in the cage needed the address
 *	change (kept while it may still be there, unlike @addr_change)
 * @edge_seen: the MOD_DEF0 IRQ fired since the last check (a swap may hide
 *	behind an edge pair), so the module is read again
 * @recheck: a read failed; the presence work checks the module's bytes
 * @level_asserted: MOD_DEF0 level at the last successful read
 * @gpio_failed: the last MOD_DEF0 read failed (retried with @retry_ms)
 * @settling: waiting t_serial after an insertion edge, until @settle_until
 * @settle_until: jiffies when the module may be read after insertion
 * @presence_gpio: MOD_DEF0 (asserted when a module is present) or NULL
 * @presence_irq: IRQ of @presence_gpio, or negative when polled
 * @presence_work: hot-plug state machine (insertion, removal, swap)
 * @reported_present: what userspace was last told (presence work only)
 * @hwmon_err_logged: a failed hwmon registration was logged for this
 *	insertion (presence work only)
 * @hwmon: hwmon device, registered only while a DDM module is present
 * @nvmem: the 512-byte EEPROM view
 */
struct sff8472_data {
	struct i2c_client *client;
	struct i2c_client *a2_client;
	struct device *dev;
	struct mutex lock;	/* bus, address change and cache */

	enum sff8472_bus_mode mode;
	unsigned int max_read;
	unsigned int max_write;
	bool no_rep_start;
	enum sff8472_page cur_page;

	bool present;
	bool addr_change;
	bool has_ddm;
	u8 a0[SFF8472_BASE_LEN];
	u8 a2[SFF8472_DMI_STATIC_LEN];
	struct sff8472_id id;
	struct sff8472_thresholds thr;
	struct sff8472_calibration cal;
	bool cc_dmi_ok;

	u8 live[SFF8472_LIVE_LEN];
	struct sff8472_live lv;
	bool live_valid;
	unsigned long live_time;
	unsigned long update_interval;

	unsigned int poll_ms;
	bool user_eeprom_writable;
	unsigned int retry_ms;
	unsigned long insert_start;
	bool slow_warned;
	bool last_addr_change;
	atomic_t edge_seen;
	atomic_t recheck;
	bool level_asserted;
	bool gpio_failed;
	bool settling;
	unsigned long settle_until;
	struct gpio_desc *presence_gpio;
	int presence_irq;
	struct delayed_work presence_work;
	bool reported_present;
	bool hwmon_err_logged;

	struct device *hwmon;
	struct nvmem_device *nvmem;
};

/* sff8472_bus.c: all bus traffic; callers hold @lock. */
int sff8472_bus_init(struct sff8472_data *data, u32 max_transfer);
int sff8472_bus_read(struct sff8472_data *data, enum sff8472_page page,
		     unsigned int off, u8 *buf, size_t len);
int sff8472_bus_write(struct sff8472_data *data, enum sff8472_page page,
		      unsigned int off, const u8 *buf, size_t len);
int sff8472_bus_wait_write_cycle(struct sff8472_data *data);
const char *sff8472_bus_mode_name(enum sff8472_bus_mode mode);

/* sff8472_core.c: the cache. */
int sff8472_update_live(struct sff8472_data *data);
void sff8472_invalidate_live(struct sff8472_data *data);
void sff8472_cage_lost(struct sff8472_data *data);
void sff8472_request_check(struct sff8472_data *data);

static inline u8 sff8472_live_byte(const struct sff8472_data *data,
				   unsigned int a2_off)
{
	return data->live[a2_off - SFF8472_LIVE_START];
}

static inline bool sff8472_data_ready(const struct sff8472_data *data)
{
	return !(sff8472_live_byte(data, SFF8472_A2_STATUS) &
		 SFF8472_STATUS_DATA_NOT_READY);
}

/* sff8472_hwmon.c */
int sff8472_hwmon_register(struct sff8472_data *data);
void sff8472_hwmon_unregister(struct sff8472_data *data);
int sff8472_live_value(struct sff8472_data *data, enum sff8472_channel ch,
		       enum sff8472_unit unit, long *val);

/* sff8472_nvmem.c */
int sff8472_nvmem_register(struct sff8472_data *data);

/* sff8472_sysfs.c */
extern const struct attribute_group *sff8472_groups[];
void sff8472_sysfs_notify_presence(struct sff8472_data *data);

#if IS_ENABLED(CONFIG_KUNIT)
/* The hwmon ops, visible to the tests (VISIBLE_IF_KUNIT). */
int sff8472_hwmon_read(struct device *hwmon_dev,
		       enum hwmon_sensor_types type, u32 attr, int channel,
		       long *val);
int sff8472_hwmon_write(struct device *hwmon_dev,
			enum hwmon_sensor_types type, u32 attr, int channel,
			long val);
int sff8472_hwmon_read_string(struct device *hwmon_dev,
			      enum hwmon_sensor_types type, u32 attr,
			      int channel, const char **str);
#endif

#if IS_ENABLED(CONFIG_SENSORS_SFF8472_KUNIT_TEST)
/* Entry points that exist only for sff8472_driver_test.c. */
struct sff8472_data *sff8472_kunit_data(struct device *dev);
struct device *sff8472_kunit_hwmon_dev(struct device *dev);
void sff8472_kunit_poll(struct device *dev);
void sff8472_kunit_edge(struct device *dev);
ssize_t sff8472_kunit_show(struct device *dev, const char *name, char *buf);
ssize_t sff8472_kunit_store(struct device *dev, const char *name,
			    const char *buf, size_t count);
int sff8472_kunit_attr_mode(struct device *dev, const char *name);
#endif

#endif /* _SFF8472_H */
