/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * SFF-8472 driver internals. The layers, each in its own file, with calls
 * going one way only:
 *
 *   sff8472_main.c     probe and power management: the only file that
 *                      knows every layer
 *   sff8472_hotplug.c  the module state machine (insertion, removal, swap)
 *   sff8472_publish.c  what userspace is told after each run of it (hwmon
 *                      device, log lines, uevents)
 *   sff8472_cache.c    the per-insertion image and the live snapshot
 *   sff8472_bus.c      every transfer, the access-mode ladder, the
 *                      address change sequence
 *   sff8472_decode.c,  pure decode and calibration
 *   sff8472_calibration.c
 *
 * The outputs (sff8472_hwmon.c, sff8472_nvmem.c, sff8472_sysfs.c) are
 * leaves: they call only the cache, never the bus, probe or hot-plug.
 */
#ifndef _SFF8472_H
#define _SFF8472_H

#include <linux/atomic.h>
#include <linux/hwmon.h>
#include <linux/jiffies.h>
#include <linux/mutex.h>
#include <linux/types.h>
#include <linux/workqueue.h>

#include "sff8472_decode.h"

struct dentry;
struct device;
struct gpio_desc;
struct i2c_client;

/* The two 256-byte memories of a module, at 0x50 (A0h) and 0x51 (A2h). */
enum sff8472_addr {
	SFF8472_A0,
	SFF8472_A2,
	SFF8472_ADDR_UNKNOWN,	/* address-change module in an unknown state */
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
 * struct sff8472_bus - how this cage's module is reached
 * @client: A0h client (0x50), the device the driver binds to
 * @a2_client: ancillary A2h client (0x51)
 * @mode: access mode chosen at probe
 * @max_read: bytes per read transaction (even, >= 2 in block/I2C modes)
 * @max_write: bytes per write transaction (0: the adapter cannot write)
 * @no_rep_start: adapter cannot do write-then-read with a repeated start
 * @combined: one transfer may carry two write-then-read pairs
 * @allow_gc: the segment tolerates I2C general calls (address change)
 * @addr_change: the module needs the address change sequence
 * @last_addr_change: the last module seen here needed it (it may still be
 *	there, switched to A2h)
 * @cur_addr: the address an address-change module currently answers at
 * @byte_io: the module is read one byte at a time (its EEPROM emulation
 *	breaks longer reads); @mode and @max_read say so meanwhile
 * @saved_mode: the other of @mode and SMBus byte mode
 * @saved_max_read: the other @max_read
 */
struct sff8472_bus {
	struct i2c_client *client;
	struct i2c_client *a2_client;
	enum sff8472_bus_mode mode;
	unsigned int max_read;
	unsigned int max_write;
	bool no_rep_start;
	bool combined;
	bool allow_gc;
	bool addr_change;
	bool last_addr_change;
	enum sff8472_addr cur_addr;
	bool byte_io;
	enum sff8472_bus_mode saved_mode;
	unsigned int saved_max_read;
};

/**
 * struct sff8472_module - everything static about one insertion
 * @a0: A0h 0-255
 * @a2: A2h 0-95 and 120-255 (96-119 live in the snapshot), when @has_a2
 * @has_a2: A2h answered and is cached
 * @has_ddm: the module has usable diagnostics (hwmon is shown)
 * @is_sfp: A0h byte 0 names an SFP-type module (SFF-8024 02h or 03h)
 * @gc_refused: the module needs general calls the segment does not allow
 * @cc_dmi_ok: CC_DMI of @a2 is correct
 * @thr_valid: bit per channel: its threshold set was filled in and is sane
 * @id: decoded @a0
 * @thr: decoded thresholds
 * @cal: calibration constants
 */
struct sff8472_module {
	u8 a0[SFF8472_PAGE_LEN];
	u8 a2[SFF8472_PAGE_LEN];
	bool has_a2;
	bool has_ddm;
	bool is_sfp;
	bool gc_refused;
	bool cc_dmi_ok;
	u8 thr_valid;
	struct sff8472_id id;
	struct sff8472_thresholds thr;
	struct sff8472_calibration cal;
};

/**
 * struct sff8472_snapshot - one proven read of A2h 96-119
 * @raw: the bytes
 * @lv: @raw decoded
 * @taken: get_jiffies_64() of the attempt
 * @err: its result: 0, or the error every reader gets until it expires
 * @tried: an attempt has been made for the cached module
 */
struct sff8472_snapshot {
	u8 raw[SFF8472_LIVE_LEN];
	struct sff8472_live lv;
	u64 taken;
	int err;
	bool tried;
};

/**
 * struct sff8472_cache - what the outputs read, and the only way to the bus
 * @lock: serialises every transfer and every change of the cache, so a
 *	value and the constants it is decoded with belong to one module
 * @bus: the bus this cache reads
 * @present: @mod holds the module in the cage
 * @doubted: @mod did not answer its last verification (it may be gone or
 *	swapped): its readers get -EIO, not its bytes, until it answers again
 * @generation: counts insertions (a new value means another module)
 * @mod: the cached module
 * @scratch: where a module is read before it replaces @mod
 * @live: the live snapshot of @mod
 * @update_interval: lifetime of @live in ms (hwmon update_interval)
 * @user_eeprom_writable: writes to A2h 128-247 are allowed
 * @write_max: most bytes per user-EEPROM write transaction (optoe's
 *	write_max)
 * @watch: the hot-plug work, woken when a read of the cached module
 *	failed or found another module; NULL once the cage is being unbound
 * @verify_wanted: such a read happened, and the module has not been
 *	compared with the cache since
 * @skipped: jiffies a KUnit test let pass without waiting (sff8472_now())
 */
struct sff8472_cache {
	struct mutex lock;	/* bus and cache */
	struct sff8472_bus *bus;
	bool present;
	bool doubted;
	u32 generation;
	struct sff8472_module mod;
	struct sff8472_module scratch;
	struct sff8472_snapshot live;
	unsigned int update_interval;
	bool user_eeprom_writable;
	unsigned int write_max;
	struct delayed_work *watch;
	bool verify_wanted;
	u64 skipped;
};

/* The cache's and hot-plug's clock: jiffies, and what KUnit tests skipped. */
static inline u64 sff8472_now(const struct sff8472_cache *cache)
{
	lockdep_assert_held(&cache->lock);
	return get_jiffies_64() + cache->skipped;
}

/* Hot-plug states (Documentation/hwmon/sff8472.rst, "Hot-plug"). */
enum sff8472_hp_state {
	SFF8472_HP_EMPTY,	/* no module */
	SFF8472_HP_SETTLE,	/* MOD_DEF0 asserted: waiting t_serial */
	SFF8472_HP_PROBE,	/* reading the module */
	SFF8472_HP_RETRY,	/* a module is there but failed: back-off */
	SFF8472_HP_PRESENT,	/* cached, shown */
	SFF8472_HP_CHECK,	/* cheap look: same check codes? */
	SFF8472_HP_VERIFY,	/* full comparison with the cache */
	SFF8472_HP_MISSING,	/* stopped answering: looking again */
	SFF8472_HP_NUM_STATES
};

enum sff8472_hp_event {
	SFF8472_EV_NONE,
	/* From outside the state machine. */
	SFF8472_EV_POLL,	/* periodic look */
	SFF8472_EV_TIMER,	/* the state's deadline passed */
	SFF8472_EV_MOD_ON,	/* MOD_DEF0 asserted, or an edge while high */
	SFF8472_EV_MOD_OFF,	/* MOD_DEF0 deasserted */
	SFF8472_EV_DOUBT,	/* a read failed, resume, periodic full check */
	/* Outcomes of the entry actions. */
	SFF8472_EV_OK,		/* read, or the same module */
	SFF8472_EV_CHANGED,	/* another module's bytes */
	SFF8472_EV_FAILED,	/* no (complete) answer; may be transient */
	SFF8472_EV_GONE,	/* conclusively no module */
	SFF8472_EV_NUM_EVENTS
};

/* Reasons to run the state machine now (sff8472_hp_kick()). */
#define SFF8472_KICK_EDGE	BIT(0)	/* MOD_DEF0 IRQ */
#define SFF8472_KICK_DOUBT	BIT(1)	/* read failure, resume */
#define SFF8472_KICK_POLL	BIT(2)	/* look now (debugfs "check") */

/**
 * struct sff8472_hotplug - the module state machine of one cage
 * @state: current state
 * @run_lock: one run at a time, with its publication: probe's first look
 *	and the work (an MOD_DEF0 edge during probe queues it)
 * @work: runs the machine; on the freezable workqueue
 * @kicks: SFF8472_KICK_* bits not yet handled
 * @gpio: MOD_DEF0 (asserted while a module is present) or NULL
 * @irq_mode: @gpio raises an IRQ on both edges; no periodic look
 * @level: MOD_DEF0 level at the last read
 * @gpio_failed: the last MOD_DEF0 read failed
 * @poll_ms: period of the look without an IRQ
 * @next_poll: sff8472_now() of the next periodic look
 * @deadline: sff8472_now() of the end of SETTLE, RETRY and MISSING; in
 *	PRESENT, of the first VERIFY a reader may cause (one a second)
 * @polls: periodic looks in PRESENT since the last full comparison
 * @retry_ms: current back-off
 * @retried_ms: the back-offs of this episode, summed (up to the warning)
 * @misses: failed looks at a module known to be there
 * @slow_warned: "present but not answering" was logged for this episode
 */
struct sff8472_hotplug {
	enum sff8472_hp_state state;
	struct mutex run_lock;	/* serialises runs and publication */
	struct delayed_work work;
	unsigned long kicks;
	struct gpio_desc *gpio;
	bool irq_mode;
	bool level;
	bool gpio_failed;
	unsigned int poll_ms;
	u64 next_poll;
	u64 deadline;
	unsigned int polls;
	unsigned int retry_ms;
	unsigned int retried_ms;
	unsigned int misses;
	bool slow_warned;
};

/**
 * struct sff8472_cage - one cage
 * @dev: &bus.client->dev
 * @bus: transfers
 * @cache: image and snapshot, under @cache.lock
 * @hp: hot-plug
 * @hwmon_name: hwmon name of the cage (sff8472_hwmon_name()), devm-allocated
 * @hwmon: hwmon device, registered only while a DDM module is present
 * @shown_generation: cache generation that @hwmon and the last uevent show
 * @shown_present: whether userspace was last told a module is present
 * @hwmon_err_logged: a failed hwmon registration was logged for this module
 * @port_name: optoe's port_name, under @cache.lock (out of tree only)
 */
struct sff8472_cage {
	struct device *dev;
	struct sff8472_bus bus;
	struct sff8472_cache cache;
	struct sff8472_hotplug hp;
	const char *hwmon_name;
	struct device *hwmon;
	u32 shown_generation;
	bool shown_present;
	bool hwmon_err_logged;
#ifdef SFF8472_OUT_OF_TREE
	char port_name[20];
#endif
};

/* 0 when a transfer moved all @n (messages or bytes), else the error. */
static inline int sff8472_all_or_error(ssize_t ret, size_t n)
{
	if (ret < 0)
		return ret;
	return (size_t)ret == n ? 0 : -EIO;
}

/* sff8472_bus.c: every transfer; callers hold the cache lock. */
int sff8472_bus_init(struct sff8472_bus *bus, u32 max_transfer);
int sff8472_bus_read(struct sff8472_bus *bus, enum sff8472_addr addr,
		     unsigned int off, u8 *buf, size_t len);
int sff8472_bus_read_proven(struct sff8472_bus *bus, enum sff8472_addr addr,
			    unsigned int off, u8 *buf, size_t len,
			    unsigned int proof_off, u8 *proof);
int sff8472_bus_write(struct sff8472_bus *bus, enum sff8472_addr addr,
		      unsigned int off, const u8 *buf, size_t len);
int sff8472_bus_wait_write_cycle(struct sff8472_bus *bus);
void sff8472_bus_module_changed(struct sff8472_bus *bus, bool addr_change);
int sff8472_bus_recover_a0(struct sff8472_bus *bus);
void sff8472_bus_forget(struct sff8472_bus *bus, bool surely_gone);
void sff8472_bus_byte_io(struct sff8472_bus *bus, bool on);
const char *sff8472_bus_mode_name(enum sff8472_bus_mode mode);

/* sff8472_cache.c: for the hot-plug layer. */
int sff8472_cache_load(struct sff8472_cache *cache);
void sff8472_cache_forget(struct sff8472_cache *cache, bool surely_gone);
int sff8472_cache_check(struct sff8472_cache *cache);
int sff8472_cache_verify(struct sff8472_cache *cache);
void sff8472_cache_drop_live(struct sff8472_cache *cache);
void sff8472_cache_doubt(struct sff8472_cache *cache, bool doubt);

/* sff8472_cache.c: for the outputs; all with the cache lock held. */
const struct sff8472_module *sff8472_cache_module(struct sff8472_cache *cache);
int sff8472_cache_live(struct sff8472_cache *cache,
		       const struct sff8472_snapshot **snap);
int sff8472_cache_ready(struct sff8472_cache *cache,
			const struct sff8472_snapshot **snap);
int sff8472_cache_value(struct sff8472_cache *cache, enum sff8472_channel ch,
			enum sff8472_unit unit, long *val);
ssize_t sff8472_cache_eeprom_read(struct sff8472_cache *cache,
				  unsigned int off, u8 *buf, size_t count,
				  bool whole);
ssize_t sff8472_cache_eeprom_write(struct sff8472_cache *cache,
				   unsigned int off, const u8 *buf,
				   size_t count);

/* The bits of A2h 110 and 118 the sysfs files show; the controls (CTL) last. */
enum sff8472_bit {
	SFF8472_BIT_RX_LOS,
	SFF8472_BIT_TX_FAULT,
	SFF8472_BIT_TX_DISABLE,
	SFF8472_BIT_RS0,
	SFF8472_BIT_RS1,
	SFF8472_BIT_DATA_NOT_READY,
	SFF8472_BIT_POWER_LEVEL,
	SFF8472_CTL_TX_DISABLE,
	SFF8472_CTL_RATE_SELECT,
	SFF8472_CTL_RS1,
	SFF8472_CTL_POWER_LEVEL,
};

#ifdef SFF8472_OUT_OF_TREE
int sff8472_cache_bit(struct sff8472_cache *cache, enum sff8472_bit bit,
		      bool *on);
int sff8472_cache_set_control(struct sff8472_cache *cache,
			      enum sff8472_bit ctl, bool on);
bool sff8472_cache_writable(struct sff8472_cache *cache);
#endif

static inline u8 sff8472_snap_byte(const struct sff8472_snapshot *snap,
				   unsigned int a2_off)
{
	return snap->raw[a2_off - SFF8472_LIVE_START];
}

/* sff8472_hotplug.c */
const char *sff8472_hp_state_name(enum sff8472_hp_state state);
int sff8472_hp_init(struct sff8472_cage *data, struct gpio_desc *gpio,
		    unsigned int poll_ms);
void sff8472_hp_start(struct sff8472_cage *data);
void sff8472_hp_stop(struct sff8472_cage *data);
void sff8472_hp_kick(struct sff8472_cage *data, unsigned long why);
void sff8472_hp_debugfs(struct sff8472_cage *data, struct dentry *dir);
#if IS_ENABLED(CONFIG_KUNIT)
long sff8472_hp_run_once(struct sff8472_cage *data);
#endif

/* sff8472_publish.c: called by the hot-plug work after the machine ran. */
void sff8472_publish(struct sff8472_cage *data);

/* sff8472_hwmon.c */
int sff8472_hwmon_register(struct sff8472_cage *data);
void sff8472_hwmon_unregister(struct sff8472_cage *data);

/* sff8472_name.c */
const char *sff8472_hwmon_name(struct device *dev);
#if IS_ENABLED(CONFIG_KUNIT)
const char *sff8472_map_label(const char *map, const char *devname,
			      size_t *len);
#endif

/* sff8472_nvmem.c */
int sff8472_nvmem_register(struct sff8472_cage *data);

#ifdef SFF8472_OUT_OF_TREE
/* sff8472_sysfs.c, the out-of-tree build's files (not in the series) */
extern const struct attribute_group *sff8472_groups[];
void sff8472_sysfs_init(struct sff8472_cage *data);
void sff8472_sysfs_changed(struct sff8472_cage *data);
#endif

/* The module parameters (sff8472_main.c), under their own names. */
struct sff8472_params {
	bool user_eeprom_writable;
	bool allow_address_change;
	unsigned int poll_interval_ms;
	unsigned int max_transfer_size;
};

#if IS_ENABLED(CONFIG_KUNIT)
extern struct sff8472_params sff8472_params;

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
umode_t sff8472_hwmon_is_visible(const void *drvdata,
				 enum hwmon_sensor_types type, u32 attr,
				 int channel);
#endif

#endif /* _SFF8472_H */
