// SPDX-License-Identifier: GPL-2.0-only
/*
 * SFF-8472 cache: what every output reads, and the only caller of the bus
 * (Documentation/hwmon/sff8472.rst, "Caching"): a per-insertion image read
 * into scratch before it replaces the cached one, and the live snapshot.
 */

#include <linux/device.h>
#include <linux/err.h>
#include <linux/i2c.h>
#include <linux/jiffies.h>
#include <linux/lockdep.h>
#include <linux/minmax.h>
#include <linux/string.h>

#include <kunit/visibility.h>

#include "sff8472.h"
#include "sff8472_compat.h"

#define SFF8472_A2_STATIC_TAIL		120	/* A2h 120-255 */

static bool sff8472_all(const u8 *buf, size_t len, u8 byte)
{
	return !memchr_inv(buf, byte, len);
}

static bool sff8472_a0_codes_ok(const u8 *a0)
{
	return sff8472_base_checksum_ok(a0) && sff8472_ext_checksum_ok(a0);
}

/*
 * Read 0-95 of @addr, once more if its check code(s) are wrong: a module
 * settling or being pulled out tears blocks. Many modules carry wrong codes
 * over valid data, so the second read is used either way.
 */
static int sff8472_read_block(struct sff8472_bus *bus, enum sff8472_addr addr,
			      u8 *buf)
{
	bool (*ok)(const u8 *) = addr == SFF8472_A0 ?
				 sff8472_a0_codes_ok : sff8472_dmi_checksum_ok;
	int ret;

	ret = sff8472_bus_read(bus, addr, 0, buf, SFF8472_BASE_LEN);
	if (!ret && !ok(buf))
		ret = sff8472_bus_read(bus, addr, 0, buf, SFF8472_BASE_LEN);
	return ret;
}

/* A0h 0-95; -ENODEV when nothing (or only pulled-up lines) answers. */
static int sff8472_read_a0_base(struct sff8472_bus *bus, u8 *a0)
{
	int ret = sff8472_read_block(bus, SFF8472_A0, a0);

	if (ret && !sff8472_bus_recover_a0(bus))
		ret = sff8472_read_block(bus, SFF8472_A0, a0);
	if (ret || sff8472_all(a0, SFF8472_BASE_LEN, 0xff))
		return -ENODEV;
	return 0;
}

/*
 * GPON sticks whose SoC emulates the EEPROM (RTL8672, RTL9601C) answer a
 * read of several bytes with the first byte and zeros, as sfp.c knows: so
 * every read piece of A0h 0-95 is zero after its first byte.
 */
static bool sff8472_burst_broken(const struct sff8472_bus *bus, const u8 *a0)
{
	unsigned int i, piece = bus->max_read;

	if (piece < 2)
		return false;
	for (i = 0; i < SFF8472_BASE_LEN; i += piece)
		if (memchr_inv(&a0[i + 1], 0,
			       min(piece, SFF8472_BASE_LEN - i) - 1))
			return false;
	return true;
}

/* A0h 0-95, in single bytes if the module needs them (once per insertion). */
static int sff8472_read_a0(struct sff8472_bus *bus, u8 *a0)
{
	int ret;

	sff8472_bus_byte_io(bus, false);
	ret = sff8472_read_a0_base(bus, a0);
	if (ret || !sff8472_burst_broken(bus, a0))
		return ret;
	dev_info(&bus->client->dev,
		 "broken RTL8672/RTL9601C-style EEPROM emulation: reading it one byte at a time\n");
	sff8472_bus_byte_io(bus, true);
	return sff8472_read_a0_base(bus, a0);
}

/* A threshold set is usable if filled in and low alarm < high alarm. */
static u8 sff8472_thresholds_ok(const struct sff8472_module *m)
{
	u8 ok = 0;
	int ch;

	for (ch = 0; ch < SFF8472_NUM_CHANNELS; ch++) {
		const u16 *raw = m->thr.raw[ch];
		s32 low, high;

		if (!(raw[0] | raw[1] | raw[2] | raw[3]) ||
		    (raw[0] & raw[1] & raw[2] & raw[3]) == 0xffff)
			continue;
		if (sff8472_calibrate(&m->cal, ch, raw[SFF8472_LOW_ALARM],
				      SFF8472_UNIT_FINE, &low) ||
		    sff8472_calibrate(&m->cal, ch, raw[SFF8472_HIGH_ALARM],
				      SFF8472_UNIT_FINE, &high) ||
		    low >= high)
			continue;
		ok |= BIT(ch);
	}
	return ok;
}

/*
 * Diagnostics are shown when the module advertises them (A0h 92 bit 6)
 * and A2h is not blank, or, for modules that forget the bit, when CC_DMI
 * checks over a page that is neither all 00h nor all FFh (0 == 0 proves
 * nothing).
 */
static void sff8472_classify(struct sff8472_module *m)
{
	const u8 *a2 = m->a2;
	bool all_ff = sff8472_all(a2, SFF8472_DMI_STATIC_LEN, 0xff);
	bool all_00 = sff8472_all(a2, SFF8472_DMI_STATIC_LEN, 0);

	m->cc_dmi_ok = m->has_a2 && sff8472_dmi_checksum_ok(a2);
	sff8472_decode_thresholds(a2, &m->thr);
	sff8472_decode_calibration(a2, m->id.diag_type, &m->cal);
	if (m->id.diag_type & SFP_DIAGMON_DDM)
		m->has_ddm = !all_ff && !(all_00 && m->cal.external);
	else
		m->has_ddm = m->cc_dmi_ok && !all_ff && !all_00;
	m->has_ddm &= m->has_a2 && m->is_sfp;
	m->thr_valid = m->has_ddm ? sff8472_thresholds_ok(m) : 0;
}

/* A2h 0-95 and 120-255; a module without a readable A2h is fine. */
static int sff8472_read_a2(struct sff8472_bus *bus, struct sff8472_module *m)
{
	int ret;

	ret = sff8472_read_block(bus, SFF8472_A2, m->a2);
	if (ret)	/* Some modules NACK once while busy: ask twice. */
		ret = sff8472_read_block(bus, SFF8472_A2, m->a2);
	if (ret)
		return 0;
	ret = sff8472_bus_read(bus, SFF8472_A2, SFF8472_A2_STATIC_TAIL,
			       &m->a2[SFF8472_A2_STATIC_TAIL],
			       SFF8472_PAGE_LEN - SFF8472_A2_STATIC_TAIL);
	if (ret)
		return ret;
	m->has_a2 = true;
	return 0;
}

/*
 * Is @m the module in the cage? @len bytes at A2h @off (none: CC_DMI
 * alone), then its CC_DMI, in one transfer where the adapter allows.
 * Return: 0, -ESTALE for another module's CC_DMI, or the bus error.
 */
static int sff8472_read_same(struct sff8472_bus *bus,
			     const struct sff8472_module *m, unsigned int off,
			     u8 *buf, size_t len)
{
	u8 dmi;
	int ret;

	if (len)
		ret = sff8472_bus_read_proven(bus, SFF8472_A2, off, buf,
					      len, SFP_CHKSUM, &dmi);
	else
		ret = sff8472_bus_read(bus, SFF8472_A2, SFP_CHKSUM,
				       &dmi, 1);
	if (ret)
		return ret;
	return dmi == m->a2[SFP_CHKSUM] ? 0 : -ESTALE;
}

/* A2h 96-119 followed by CC_DMI, which must be the one of @m. */
static int sff8472_read_live(struct sff8472_bus *bus,
			     const struct sff8472_module *m,
			     struct sff8472_snapshot *snap)
{
	int ret = sff8472_read_same(bus, m, SFF8472_LIVE_START, snap->raw,
				    SFF8472_LIVE_LEN);

	if (ret)
		return ret;
	sff8472_decode_live(snap->raw, &snap->lv);
	return 0;
}

/*
 * The last read of an insertion proves the module answered to the end: the
 * first live snapshot, or for a module without A2h its CC_EXT again.
 */
static int sff8472_prove(struct sff8472_bus *bus, struct sff8472_module *m,
			 struct sff8472_snapshot *first)
{
	u8 cc_ext;
	int ret;

	if (m->has_a2)
		return sff8472_read_live(bus, m, first);
	ret = sff8472_bus_read(bus, SFF8472_A0, SFP_CC_EXT,
			       &cc_ext, 1);
	if (!ret && cc_ext != m->a0[SFP_CC_EXT])
		ret = -EIO;
	return ret;
}

static bool sff8472_same_image(const struct sff8472_module *a,
			       const struct sff8472_module *b)
{
	return a->has_a2 == b->has_a2 && !memcmp(a->a0, b->a0, sizeof(a->a0)) &&
	       (!a->has_a2 || (!memcmp(a->a2, b->a2, SFF8472_LIVE_START) &&
			       !memcmp(&a->a2[SFF8472_A2_STATIC_TAIL],
				       &b->a2[SFF8472_A2_STATIC_TAIL],
				       SFF8472_PAGE_LEN - SFF8472_A2_STATIC_TAIL)));
}

static void sff8472_commit(struct sff8472_cache *cache,
			   const struct sff8472_snapshot *first)
{
	if (!cache->present || !sff8472_same_image(&cache->mod, &cache->scratch))
		cache->generation++;
	cache->mod = cache->scratch;
	cache->present = true;
	cache->doubted = false;
	cache->live = *first;
	cache->live.taken = sff8472_now(cache);
	cache->live.tried = cache->mod.has_a2;
}

/**
 * sff8472_cache_load() - read the module in the cage from scratch
 * @cache: the cage's cache, with its lock held
 *
 * Return: 0 when the module is cached (a new generation unless it is the
 * one already cached), -ENODEV when nothing answered at A0h, or another
 * negative error when a module answered but could not be read completely
 * (the cache is then unchanged).
 */
int sff8472_cache_load(struct sff8472_cache *cache)
{
	struct sff8472_module *m = &cache->scratch;
	struct sff8472_bus *bus = cache->bus;
	struct sff8472_snapshot first = { };
	u8 id;
	int ret;

	lockdep_assert_held(&cache->lock);
	memset(m, 0, sizeof(*m));
	ret = sff8472_read_a0(bus, m->a0);
	if (ret)
		return ret;
	ret = sff8472_bus_read(bus, SFF8472_A0, SFF8472_BASE_LEN,
			       &m->a0[SFF8472_BASE_LEN],
			       SFF8472_PAGE_LEN - SFF8472_BASE_LEN);
	if (ret)
		return ret;

	sff8472_decode_id(m->a0, &m->id);
	id = m->id.identifier;
	m->is_sfp = id == SFF8024_ID_SFP || id == SFF8024_ID_SFF_8472;
	sff8472_bus_module_changed(bus, m->id.diag_type &
				   SFP_DIAGMON_ADDRMODE);
	m->gc_refused = (m->id.diag_type & SFP_DIAGMON_ADDRMODE) &&
			!bus->allow_gc;
	/* Nothing is asked of a device that is no SFP (a wrong bus). */
	if (m->is_sfp && !m->gc_refused) {
		ret = sff8472_read_a2(bus, m);
		if (ret)
			return ret;
	}
	sff8472_classify(m);
	ret = sff8472_prove(bus, m, &first);
	if (ret)
		return ret == -ESTALE ? -EIO : ret;
	sff8472_commit(cache, &first);
	return 0;
}
EXPORT_SYMBOL_IF_KUNIT(sff8472_cache_load);

/**
 * sff8472_cache_forget() - the cage is (now) empty
 * @cache: the cage's cache, with its lock held
 * @surely_gone: MOD_DEF0 says so; the module cannot be hiding at A2h
 */
void sff8472_cache_forget(struct sff8472_cache *cache, bool surely_gone)
{
	lockdep_assert_held(&cache->lock);
	cache->present = false;
	cache->doubted = false;
	cache->live.tried = false;
	sff8472_bus_forget(cache->bus, surely_gone);
}

/**
 * sff8472_cache_doubt() - the cached module is (no longer) in doubt
 * @cache: the cage's cache, with its lock held
 * @doubt: it may be gone or swapped for another: until it answers again,
 *	its readers get -EIO, never its cached identity or values
 */
void sff8472_cache_doubt(struct sff8472_cache *cache, bool doubt)
{
	lockdep_assert_held(&cache->lock);
	cache->doubted = doubt;
}

/*
 * Have the hot-plug machine compare the module with the cache. Only the
 * first failure wakes it: until it has verified, it knows when it may.
 */
static void sff8472_cache_want_verify(struct sff8472_cache *cache)
{
	if (cache->verify_wanted)
		return;
	cache->verify_wanted = true;
	if (cache->watch)
		mod_delayed_work(system_freezable_wq, cache->watch, 0);
}

/*
 * A read that should have proven the cached module did not: the hot-plug
 * layer looks, and another CC_DMI (-ESTALE, returned as -EIO) puts the
 * module in doubt until it has. Returns the error for the caller.
 */
static int sff8472_cache_proof_failed(struct sff8472_cache *cache, int ret)
{
	if (ret == -ESTALE)
		sff8472_cache_doubt(cache, true);
	sff8472_cache_want_verify(cache);
	return ret == -ESTALE ? -EIO : ret;
}

/* Before a write: CC_DMI proves the module is still the cached one. */
static int sff8472_cache_same_module(struct sff8472_cache *cache)
{
	int ret = sff8472_read_same(cache->bus, &cache->mod, 0, NULL, 0);

	return ret ? sff8472_cache_proof_failed(cache, ret) : 0;
}

/* 0 when the cached module may be shown, else the error its readers get. */
static int sff8472_cache_state(const struct sff8472_cache *cache)
{
	if (!cache->present)
		return -ENODEV;
	return cache->doubted ? -EIO : 0;
}

/**
 * sff8472_cache_drop_live() - the next reader takes a new snapshot
 * @cache: the cage's cache, with its lock held (after a control write)
 */
void sff8472_cache_drop_live(struct sff8472_cache *cache)
{
	lockdep_assert_held(&cache->lock);
	cache->live.tried = false;
}
EXPORT_SYMBOL_IF_KUNIT(sff8472_cache_drop_live);

/**
 * sff8472_cache_check() - cheap look: is the cached module still there?
 * @cache: the cage's cache, with its lock held
 *
 * Reads the two A0h check codes (CC_BASE, CC_EXT) in one transfer where
 * the adapter allows; an address-change module that answers at A2h is
 * asked for CC_DMI instead.
 *
 * Return: 0 when they match the cache, -ESTALE when they differ, or the
 * bus error.
 */
int sff8472_cache_check(struct sff8472_cache *cache)
{
	const struct sff8472_module *m = &cache->mod;
	struct sff8472_bus *bus = cache->bus;
	u8 base, ext;
	int ret;

	lockdep_assert_held(&cache->lock);
	if (bus->addr_change && bus->cur_addr == SFF8472_A2)
		return sff8472_read_same(bus, m, 0, NULL, 0);
	ret = sff8472_bus_read_proven(bus, SFF8472_A0, SFP_CC_BASE,
				      &base, 1, SFP_CC_EXT, &ext);
	if (ret)
		return ret;
	return base == m->a0[SFP_CC_BASE] &&
	       ext == m->a0[SFP_CC_EXT] ? 0 : -ESTALE;
}

/**
 * sff8472_cache_verify() - full comparison of the module with the cache
 * @cache: the cage's cache, with its lock held
 *
 * Compares A0h 0-95 and, when cached, A2h 0-95. A module whose A2h did not
 * answer at insertion although it advertises diagnostics is asked again.
 *
 * Return: 0 when the same, -ESTALE when different (read it again from
 * scratch), or the bus error.
 */
int sff8472_cache_verify(struct sff8472_cache *cache)
{
	const struct sff8472_module *m = &cache->mod;
	struct sff8472_bus *bus = cache->bus;
	u8 *buf = cache->scratch.a0;
	int ret;

	lockdep_assert_held(&cache->lock);
	ret = sff8472_read_block(bus, SFF8472_A0, buf);
	if (ret)
		return ret;
	if (memcmp(buf, m->a0, SFF8472_BASE_LEN))
		return -ESTALE;
	if (!m->is_sfp || m->gc_refused)
		return 0;
	ret = sff8472_read_block(bus, SFF8472_A2, buf);
	if (!m->has_a2)
		return !ret && (m->id.diag_type & SFP_DIAGMON_DDM) ? -ESTALE : 0;
	if (ret)
		return ret;
	return memcmp(buf, m->a2, SFF8472_BASE_LEN) ? -ESTALE : 0;
}

/**
 * sff8472_cache_module() - the cached module
 * @cache: the cage's cache, with its lock held
 *
 * Return: the module; ERR_PTR(-ENODEV) when the cage is empty, or
 * ERR_PTR(-EIO) while the module is in doubt.
 */
const struct sff8472_module *sff8472_cache_module(struct sff8472_cache *cache)
{
	int ret;

	lockdep_assert_held(&cache->lock);
	ret = sff8472_cache_state(cache);
	return ret ? ERR_PTR(ret) : &cache->mod;
}

static bool sff8472_live_fresh(const struct sff8472_cache *cache, u64 now)
{
	return cache->live.tried &&
	       time_before64(now, cache->live.taken +
			     msecs_to_jiffies(cache->update_interval));
}

/**
 * sff8472_cache_live() - the live snapshot, read when it has expired
 * @cache: the cage's cache, with its lock held
 * @snap: set to the snapshot on success
 *
 * A snapshot whose CC_DMI is another module's puts the module in doubt at
 * once; a failed read (a NACK) only makes the hot-plug layer look.
 *
 * Return: 0; -ENODEV (empty cage), -ENODATA (no A2h), or -EIO when the
 * last attempt, within update_interval, failed or met another module, or
 * the module is in doubt.
 */
int sff8472_cache_live(struct sff8472_cache *cache,
		       const struct sff8472_snapshot **snap)
{
	u64 now = sff8472_now(cache);
	int ret;

	ret = sff8472_cache_state(cache);
	if (ret)
		return ret;
	if (!cache->mod.has_a2)
		return -ENODATA;
	if (!sff8472_live_fresh(cache, now)) {
		cache->live.tried = true;
		cache->live.taken = now;
		ret = sff8472_read_live(cache->bus, &cache->mod, &cache->live);
		if (ret) {
			dev_dbg(&cache->bus->client->dev,
				"live read failed (%d)\n", ret);
			sff8472_cache_proof_failed(cache, ret);
			ret = -EIO;
		}
		cache->live.err = ret;
	}
	*snap = &cache->live;
	return cache->live.err;
}

/**
 * sff8472_cache_ready() - the live snapshot, with valid A/D readings
 * @cache: the cage's cache, with its lock held
 * @snap: set to the snapshot on success
 *
 * Return: 0, or -ENODEV, -EIO, or -ENODATA (no diagnostics, or the module's
 * Data_Ready_Bar is set).
 */
int sff8472_cache_ready(struct sff8472_cache *cache,
			const struct sff8472_snapshot **snap)
{
	int ret;

	if (!sff8472_cache_state(cache) && !cache->mod.has_ddm)
		return -ENODATA;
	ret = sff8472_cache_live(cache, snap);
	if (ret)
		return ret;
	return (*snap)->lv.status & SFF8472_STATUS_DATA_NOT_READY ? -ENODATA : 0;
}

/**
 * sff8472_cache_value() - calibrated live value of a channel
 * @cache: the cage's cache, with its lock held
 * @ch: channel
 * @unit: hwmon or full-resolution units
 * @val: result
 *
 * Return: 0, or an error of sff8472_cache_ready() or sff8472_calibrate().
 */
int sff8472_cache_value(struct sff8472_cache *cache, enum sff8472_channel ch,
			enum sff8472_unit unit, long *val)
{
	const struct sff8472_snapshot *snap;
	s32 out;
	int ret;

	ret = sff8472_cache_ready(cache, &snap);
	if (ret)
		return ret;
	ret = sff8472_calibrate(&cache->mod.cal, ch, snap->lv.raw[ch], unit,
				&out);
	if (!ret)
		*val = out;
	return ret;
}
EXPORT_SYMBOL_IF_KUNIT(sff8472_cache_value);

/* Bytes of A2h starting at @a2_off, up to @len, from image or snapshot. */
static ssize_t sff8472_a2_bytes(struct sff8472_cache *cache,
				unsigned int a2_off, u8 *buf, size_t len)
{
	const struct sff8472_snapshot *snap;
	int ret;

	if (a2_off >= SFF8472_LIVE_START && a2_off < SFF8472_A2_STATIC_TAIL) {
		ret = sff8472_cache_live(cache, &snap);
		if (ret)
			return ret;
		len = min_t(size_t, len, SFF8472_A2_STATIC_TAIL - a2_off);
		memcpy(buf, &snap->raw[a2_off - SFF8472_LIVE_START], len);
		return len;
	}
	if (a2_off < SFF8472_LIVE_START)
		len = min_t(size_t, len, SFF8472_LIVE_START - a2_off);
	memcpy(buf, &cache->mod.a2[a2_off], len);
	return len;
}

/**
 * sff8472_cache_eeprom_read() - bytes of the 512-byte EEPROM view
 * @cache: the cage's cache, with its lock held
 * @off: first byte (A0h at 0-255, A2h at 256-511)
 * @buf: destination
 * @count: bytes wanted
 * @whole: all or nothing: an error after some bytes is still the error
 *
 * Everything comes from the image and the live snapshot: no read costs
 * more than that one snapshot. Unless @whole, a read that meets an error
 * after some bytes is short: a module without A2h gives the bytes up to
 * the end of A0h (-ENXIO for a read that starts in A2h), a failed live
 * snapshot those up to A2h 96 (-EIO for a read that starts there).
 *
 * Return: bytes read (0 at or past the end), or a negative error.
 */
ssize_t sff8472_cache_eeprom_read(struct sff8472_cache *cache,
				  unsigned int off, u8 *buf, size_t count,
				  bool whole)
{
	size_t done = 0;
	ssize_t n;

	lockdep_assert_held(&cache->lock);
	n = sff8472_cache_state(cache);
	if (n)
		return n;
	if (off >= SFF8472_NVMEM_SIZE)
		return 0;
	count = min_t(size_t, count, SFF8472_NVMEM_SIZE - off);
	while (done < count) {
		unsigned int pos = off + done;

		if (pos < SFF8472_PAGE_LEN) {
			n = min_t(size_t, count - done, SFF8472_PAGE_LEN - pos);
			memcpy(buf + done, &cache->mod.a0[pos], n);
		} else if (!cache->mod.has_a2) {
			n = -ENXIO;
		} else {
			n = sff8472_a2_bytes(cache, pos - SFF8472_PAGE_LEN,
					     buf + done, count - done);
		}
		/* Bytes before another module's CC_DMI are stale. */
		if (n < 0)
			return done && !whole && !cache->doubted ? done : n;
		done += n;
	}
	return done;
}
EXPORT_SYMBOL_IF_KUNIT(sff8472_cache_eeprom_read);

/*
 * The status and control bits of A2h 110 and 118 (Tables 3.17, 3.18a),
 * and what advertises each: A0h byte 93 bits (one of them), bytes 64-65,
 * or nothing (always there).
 */
static const struct sff8472_bit_desc {
	u8 a2_off;
	u8 mask;
	u8 enh_options;
	u16 options;
} sff8472_bits[] = {
	[SFF8472_BIT_RX_LOS] = { SFP_STATUS, SFP_STATUS_RX_LOS,
				 SFP_ENHOPTS_SOFT_RX_LOS },
	[SFF8472_BIT_TX_FAULT] = { SFP_STATUS, SFP_STATUS_TX_FAULT,
				   SFP_ENHOPTS_SOFT_TX_FAULT },
	[SFF8472_BIT_TX_DISABLE] = { SFP_STATUS, SFP_STATUS_TX_DISABLE,
				     SFP_ENHOPTS_SOFT_TX_DISABLE },
	[SFF8472_BIT_RS0] = { SFP_STATUS, SFF8472_STATUS_RS0,
			      SFP_ENHOPTS_SOFT_RATE_SELECT },
	[SFF8472_BIT_RS1] = { SFP_STATUS, SFF8472_STATUS_RS1,
			      SFP_ENHOPTS_SOFT_RATE_SELECT |
			      SFP_ENHOPTS_SOFT_RATE_SFF8431 },
	[SFF8472_BIT_DATA_NOT_READY] = { SFP_STATUS,
					 SFF8472_STATUS_DATA_NOT_READY },
	[SFF8472_BIT_POWER_LEVEL] = { SFP_EXT_STATUS,
				      SFF8472_EXT_POWER_LEVEL_STATE, 0,
				      SFP_OPTIONS_POWER_DECL },
	[SFF8472_CTL_TX_DISABLE] = { SFP_STATUS, SFP_STATUS_TX_DISABLE_FORCE,
				     SFP_ENHOPTS_SOFT_TX_DISABLE },
	[SFF8472_CTL_RATE_SELECT] = { SFP_STATUS, SFP_STATUS_RS0_SELECT,
				      SFP_ENHOPTS_SOFT_RATE_SELECT },
	[SFF8472_CTL_RS1] = { SFP_EXT_STATUS, SFP_EXT_STATUS_RS1_SELECT,
			      SFP_ENHOPTS_SOFT_RATE_SFF8431 },
	[SFF8472_CTL_POWER_LEVEL] = { SFP_EXT_STATUS,
				      SFP_EXT_STATUS_PWRLVL_SELECT, 0,
				      SFP_OPTIONS_POWER_DECL },
};

/* Does @m have @d? (NULL: any module may.) */
static bool sff8472_advertises(const struct sff8472_module *m,
			       const struct sff8472_bit_desc *d)
{
	return !m || (!d->enh_options && !d->options) ||
	       (m->id.enh_options & d->enh_options) ||
	       (m->id.options & d->options);
}

/* Control bits of A2h @a2_off; with @m, only those @m advertises. */
static u8 sff8472_control_bits(const struct sff8472_module *m,
			       unsigned int a2_off)
{
	u8 bits = 0;
	int i;

	for (i = SFF8472_CTL_TX_DISABLE; i < ARRAY_SIZE(sff8472_bits); i++)
		if (sff8472_bits[i].a2_off == a2_off &&
		    sff8472_advertises(m, &sff8472_bits[i]))
			bits |= sff8472_bits[i].mask;
	return bits;
}

#ifdef SFF8472_OUT_OF_TREE
/**
 * sff8472_cache_bit() - a status or control bit, from the live snapshot
 * @cache: the cage's cache, with its lock held
 * @bit: which
 * @on: set to the bit
 *
 * Return: 0; -ENODEV or -EIO (no module to show), -ENODATA (no
 * diagnostics), -EOPNOTSUPP (not advertised), or the live read's error.
 */
int sff8472_cache_bit(struct sff8472_cache *cache, enum sff8472_bit bit,
		      bool *on)
{
	const struct sff8472_bit_desc *d = &sff8472_bits[bit];
	const struct sff8472_module *m = sff8472_cache_module(cache);
	const struct sff8472_snapshot *snap;
	int ret;

	if (IS_ERR(m))
		return PTR_ERR(m);
	if (!m->has_ddm)
		return -ENODATA;
	if (!sff8472_advertises(m, d))
		return -EOPNOTSUPP;
	ret = sff8472_cache_live(cache, &snap);
	if (!ret)
		*on = sff8472_snap_byte(snap, d->a2_off) & d->mask;
	return ret;
}
#endif

/*
 * Set control bits @mask of A2h @a2_off (110, 118) to @value, read-modify-
 * write with a fresh read proven by CC_DMI, so the other bits stay as the
 * module has them. Returns 0, -EOPNOTSUPP (not advertised, no A2h, or an
 * adapter that cannot write), -EIO (another module: now in doubt) or
 * another error.
 */
static int sff8472_cache_write_bit(struct sff8472_cache *cache,
				   unsigned int a2_off, u8 mask, u8 value)
{
	struct sff8472_bus *bus = cache->bus;
	u8 byte;
	int ret;

	lockdep_assert_held(&cache->lock);
	ret = sff8472_cache_state(cache);
	if (ret)
		return ret;
	if (!cache->mod.has_ddm || !bus->max_write ||
	    mask & ~sff8472_control_bits(&cache->mod, a2_off))
		return -EOPNOTSUPP;
	ret = sff8472_read_same(bus, &cache->mod, a2_off, &byte, 1);
	if (ret)
		return sff8472_cache_proof_failed(cache, ret);
	if ((byte & mask) == (value & mask))
		return 0;
	byte = (byte & ~mask) | (value & mask);
	ret = sff8472_bus_write(bus, SFF8472_A2, a2_off, &byte, 1);
	sff8472_cache_drop_live(cache);
	return ret;
}

#ifdef SFF8472_OUT_OF_TREE
/* Set or clear control @ctl; as sff8472_cache_write_bit(). */
int sff8472_cache_set_control(struct sff8472_cache *cache,
			      enum sff8472_bit ctl, bool on)
{
	const struct sff8472_bit_desc *d = &sff8472_bits[ctl];

	return sff8472_cache_write_bit(cache, d->a2_off, d->mask,
				       on ? d->mask : 0);
}
#endif

/*
 * A whole control byte written through the eeprom file, as SONiC does
 * (read, change a bit, write back): the advertised control bits are set
 * from it exactly as their sysfs files would set them; its status bits are
 * the module's and are ignored. A 1 in a control bit the module does not
 * advertise is refused before anything goes on the bus.
 */
static int sff8472_write_control_byte(struct sff8472_cache *cache,
				      unsigned int a2_off, u8 value)
{
	u8 allowed = sff8472_control_bits(&cache->mod, a2_off);

	if (!cache->mod.has_ddm ||
	    value & sff8472_control_bits(NULL, a2_off) & ~allowed)
		return -EOPNOTSUPP;
	return sff8472_cache_write_bit(cache, a2_off, allowed, value);
}

#define SFF8472_NVMEM_USER_START	(SFF8472_PAGE_LEN + SFF8472_A2_USER_EEPROM)
#define SFF8472_NVMEM_USER_END		(SFF8472_PAGE_LEN + \
					 SFF8472_A2_USER_EEPROM_END + 1)

/* The A2h user EEPROM, when enabled. */
static bool sff8472_write_allowed(struct sff8472_cache *cache,
				  unsigned int off, size_t count)
{
	return cache->user_eeprom_writable && count &&
	       off >= SFF8472_NVMEM_USER_START &&
	       off < SFF8472_NVMEM_USER_END &&
	       count <= SFF8472_NVMEM_USER_END - off;
}

/* One of the control bytes SONiC writes (A2h 110, 118). */
static bool sff8472_is_control_write(unsigned int off, size_t count)
{
	return count == 1 && (off == SFF8472_PAGE_LEN + SFP_STATUS ||
			      off == SFF8472_PAGE_LEN + SFP_EXT_STATUS);
}

#ifdef SFF8472_OUT_OF_TREE
/**
 * sff8472_cache_writable() - may root write anything through the eeprom file?
 * @cache: the cage's cache, with its lock held
 *
 * Return: true when the user EEPROM is opted in, or the module in the cage
 * advertises a control the driver may set and the adapter can write.
 */
bool sff8472_cache_writable(struct sff8472_cache *cache)
{
	const struct sff8472_module *m = &cache->mod;

	lockdep_assert_held(&cache->lock);
	if (cache->user_eeprom_writable)
		return true;
	return cache->present && m->has_ddm && cache->bus->max_write &&
	       (sff8472_control_bits(m, SFP_STATUS) |
		sff8472_control_bits(m, SFP_EXT_STATUS));
}
#endif

/*
 * Page by page, waiting for each write cycle to end. Returns the bytes the
 * module took (like at24, a failure after the first page is a short
 * write), or the error when it took none.
 */
static ssize_t sff8472_write_user(struct sff8472_cache *cache,
				  unsigned int a2_off, const u8 *buf,
				  size_t count)
{
	struct sff8472_bus *bus = cache->bus;
	unsigned int chunk = min(bus->max_write, cache->write_max);
	size_t done = 0;
	int ret = 0;

	while (done < count) {
		unsigned int pos = a2_off + done;
		size_t n = min_t(size_t, count - done, chunk);

		n = min_t(size_t, n, SFF8472_USER_EEPROM_PAGE -
				     pos % SFF8472_USER_EEPROM_PAGE);
		ret = sff8472_bus_write(bus, SFF8472_A2, pos, buf + done,
					n);
		if (ret)
			break;
		done += n;
		ret = sff8472_bus_wait_write_cycle(bus);
		if (ret)
			break;
	}
	return done ? done : ret;
}

/**
 * sff8472_cache_eeprom_write() - write through the 512-byte view
 * @cache: the cage's cache, with its lock held
 * @off: first byte in the 512-byte view
 * @buf: bytes
 * @count: byte count
 *
 * Single bytes at A2h 110 and 118 (their advertised control bits), and
 * when opted in the A2h user EEPROM (128-247), read back into the image
 * afterwards; anything else is refused before a byte goes on the bus, and
 * CC_DMI proves the module is still the cached one before the first.
 *
 * Return: the bytes written (fewer than @count when the module stopped
 * taking them after some), -EIO (another module: now in doubt) or a
 * negative error.
 */
ssize_t sff8472_cache_eeprom_write(struct sff8472_cache *cache,
				   unsigned int off, const u8 *buf,
				   size_t count)
{
	unsigned int a2_off = off - SFF8472_PAGE_LEN;
	struct sff8472_bus *bus = cache->bus;
	u8 back[SFF8472_A2_USER_EEPROM_END + 1 - SFF8472_A2_USER_EEPROM];
	ssize_t written;
	int ret;

	lockdep_assert_held(&cache->lock);
	if (sff8472_is_control_write(off, count)) {
		ret = sff8472_cache_state(cache);
		if (!ret)
			ret = sff8472_write_control_byte(cache, a2_off, *buf);
		return ret ? ret : count;
	}
	if (!sff8472_write_allowed(cache, off, count))
		return -EPERM;
	if (!bus->max_write)
		return -EOPNOTSUPP;	/* the adapter cannot write */
	ret = sff8472_cache_state(cache);
	if (ret)
		return ret;
	if (!cache->mod.has_a2)
		return -EOPNOTSUPP;	/* no A2h, so no user EEPROM */
	ret = sff8472_cache_same_module(cache);
	if (ret)
		return ret;

	written = sff8472_write_user(cache, a2_off, buf, count);
	if (!sff8472_bus_read(bus, SFF8472_A2, a2_off, back, count))
		memcpy(&cache->mod.a2[a2_off], back, count);
	else if (written > 0)
		written = -EIO;
	if (written != count)
		sff8472_cache_want_verify(cache);
	return written;
}
EXPORT_SYMBOL_IF_KUNIT(sff8472_cache_eeprom_write);
