// SPDX-License-Identifier: GPL-2.0-only
/*
 * SFF-8472 transceiver emulator, for tests and demos only.
 *
 * Each emulator registers one I2C adapter with one cage on it. A module in
 * the cage answers at 0x50 (A0h) and 0x51 (A2h) and behaves like a real
 * SFF-8472 transceiver: images served byte for byte, live values with torn
 * reads, alarm flags, status/control bits, a paged user EEPROM with a write
 * cycle, the address-change sequence, fault injection and bus accounting.
 *
 * See tools/testing/sff8472-emul/sff8472-emul.rst.
 */

#include <linux/debugfs.h>
#include <linux/err.h>
#include <linux/i2c.h>
#include <linux/kernel.h>
#include <linux/ktime.h>
#include <linux/mod_devicetable.h>
#include <linux/module.h>
#include <linux/mutex.h>
#include <linux/platform_device.h>
#include <linux/property.h>
#include <linux/slab.h>
#include <linux/string.h>
#include <linux/uaccess.h>
#include <linux/workqueue.h>

#include "sff8472_compat.h"
#include "sff8472_emul_compat.h"
#include "sff8472_version.h"
#include "sff8472_emul.h"

#define EMUL_ADDR_GC		0x00	/* general call */
#define EMUL_ADDR_A0		0x50
#define EMUL_ADDR_A2		0x51
#define EMUL_DEV_A0		0
#define EMUL_DEV_A2		1
#define EMUL_DEV_GC		2

#define EMUL_BIT_NS		10000	/* one bit time at 100 kHz */
#define EMUL_PAGE_SIZE		8	/* user EEPROM page */
#define EMUL_WRITE_CYCLE_US	5000
#define EMUL_ADDR_CHANGE_CMD	0x04

#define A2(off)			(SFF8472_PAGE_LEN + (off))

/* Defined bits of the flag bytes 112, 113, 116, 117 (Table 3.18). */
static const u8 emul_flag_off[4] = { 112, 113, 116, 117 };
static const u8 emul_flag_mask[4] = { 0xff, 0xc0, 0xff, 0xc0 };

struct emul_torn {
	bool pending;		/* one half served, the other not yet */
	u8 half;		/* 0: MSB served, 1: LSB served */
	u16 value;		/* field value when that half was served */
	u64 txn;		/* transaction that served it */
};

struct sff8472_emul {
	struct i2c_adapter adap;
	struct i2c_adapter_quirks quirks;
	enum sff8472_emul_mode mode;
	unsigned int max_len;
	struct mutex lock;	/* everything below */
	struct dentry *dir;
	struct delayed_work work;

	/* the module */
	bool loaded;		/* an image is held (for re-insertion) */
	bool present;
	size_t size;		/* 256 or 512 */
	u8 mem[2 * SFF8472_PAGE_LEN];
	u8 orig[2 * SFF8472_PAGE_LEN];
	char profile[16];
	u8 ptr[2];		/* address pointer of A0h and A2h */
	u8 page;		/* address-change modules: 0 = 0x50, 1 = 0x51 */
	bool live;
	bool latched;
	bool pins_applied;
	unsigned int pins;
	ktime_t inserted;
	ktime_t busy_until;
	atomic64_t skipped_ns;	/* time let pass without waiting */

	/* settings */
	unsigned int drb_ms;
	unsigned int slow_ms;
	unsigned int write_cycle_us;

	/* drift */
	s16 step[SFF8472_NUM_CHANNELS];
	s32 dmin[SFF8472_NUM_CHANNELS];
	s32 dmax[SFF8472_NUM_CHANNELS];
	unsigned int every_xfers;
	unsigned int period_ms;
	unsigned int xfers;

	/* torn reads */
	struct emul_torn torn[SFF8472_NUM_CHANNELS];
	u64 txn;

	/* faults */
	unsigned int nack_next;
	unsigned int nack_nth;
	unsigned int remove_after;
	unsigned int remove_nth;
	unsigned int ff_nth;
	unsigned int ff_from;	/* first data byte ff_nth changes */
	unsigned int nack_every;
	unsigned int nack_count;	/* transactions since nack_every was set */
	bool read_ff;
	u8 unstable_dev;	/* EMUL_DEV_A0 or EMUL_DEV_A2 */
	u8 unstable_off;
	u16 unstable_len;
	unsigned int unstable_xfers;	/* transactions left to complement */
	bool unstable_on;	/* this transaction complements the range */
	bool unstable_hit;	/* it read a byte of the range */
	bool burst_broken;	/* RTL8672/RTL9601C: 1st byte of a read only */

	struct sff8472_emul_stats stats;
};

static struct dentry *emul_debugfs_root;

/* ---------------------------------------------------------------------- */
/* Built-in profiles                                                       */

static void put_str(u8 *p, const char *s, size_t len)
{
	memset(p, ' ', len);
	memcpy(p, s, min(strlen(s), len));
}

static void put_be16(u8 *p, u16 v)
{
	p[0] = v >> 8;
	p[1] = v;
}

static void put_be32(u8 *p, u32 v)
{
	put_be16(p, v >> 16);
	put_be16(p + 2, v);
}

static u8 emul_sum(const u8 *p, size_t len)
{
	u8 sum = 0;

	while (len--)
		sum += *p++;
	return sum;
}

static void emul_fix_checksums(u8 *img, size_t size)
{
	img[SFP_CC_BASE] = emul_sum(img, 63);
	img[SFP_CC_EXT] = emul_sum(img + 64, 31);
	if (size > SFF8472_PAGE_LEN)
		img[A2(SFP_CHKSUM)] = emul_sum(img + A2(0), 95);
}

/* Thresholds of one channel, in Table 3.15 order. */
static void put_thr(u8 *img, enum sff8472_channel ch, u16 high_alarm,
		    u16 low_alarm, u16 high_warn, u16 low_warn)
{
	u8 *p = img + A2(8 * ch);

	put_be16(p, high_alarm);
	put_be16(p + 2, low_alarm);
	put_be16(p + 4, high_warn);
	put_be16(p + 6, low_warn);
}

static void put_live(u8 *img, u16 t, u16 v, u16 bias, u16 tx, u16 rx)
{
	put_be16(img + A2(96), t);
	put_be16(img + A2(98), v);
	put_be16(img + A2(100), bias);
	put_be16(img + A2(102), tx);
	put_be16(img + A2(104), rx);
}

/* Calibration constants an internally calibrated module should carry. */
static void put_unity_cal(u8 *img)
{
	put_be32(img + A2(68), 0x3f800000);	/* Rx_PWR(1) = 1.0 */
	put_be16(img + A2(76), 0x0100);		/* slopes 1.0, offsets 0 */
	put_be16(img + A2(80), 0x0100);
	put_be16(img + A2(84), 0x0100);
	put_be16(img + A2(88), 0x0100);
}

static void put_ident(u8 *img, const char *vendor, const char *pn,
		      const char *rev, const char *sn, const char *date)
{
	img[0] = 0x03;			/* SFP/SFP+ */
	img[1] = 0x04;			/* function defined by 2-wire ID */
	put_str(img + 20, vendor, 16);
	img[37] = 0x02;			/* OUI 02:00:00, locally administered */
	put_str(img + 40, pn, 16);
	put_str(img + 56, rev, 4);
	put_str(img + 68, sn, 16);
	put_str(img + 84, date, 8);
}

/*
 * Internally calibrated 10GBASE-SR, 850 nm. Live: 34.375 degC, 3.3057 V,
 * 7.0 mA, 562.3 uW (-2.5 dBm) TX, 316.2 uW (-5.0 dBm) RX. Non-latched flags.
 */
static void build_internal(u8 *img)
{
	put_ident(img, "EMUL OPTICS", "EMU-10G-SR", "A", "EMU10SR0001",
		  "230415");
	img[2] = 0x07;			/* LC */
	img[3] = 0x10;			/* 10GBASE-SR */
	img[11] = 0x06;			/* 64B/66B */
	img[12] = 0x67;			/* 10.3 GBd */
	img[16] = 0x08;			/* OM2 80 m */
	img[17] = 0x03;			/* OM1 30 m */
	img[18] = 0x28;			/* OM4 400 m */
	img[19] = 0x1e;			/* OM3 300 m */
	put_be16(img + 60, 850);
	img[65] = 0x1a;			/* TX_DISABLE, TX_FAULT, RX_LOS */
	img[92] = 0x68;			/* DDM, internal cal, average power */
	img[93] = 0xfa;			/* flags, soft TXD/TXF/LOS/RS0/RS1 */
	img[94] = 0x03;			/* SFF-8472 rev 10.2 */

	put_thr(img, SFF8472_TEMP, 0x4e00, 0xf300, 0x4900, 0xf800);
	put_thr(img, SFF8472_VCC, 0x9088, 0x7148, 0x8ca0, 0x7530);
	put_thr(img, SFF8472_BIAS, 0x19c8, 0x07d0, 0x189c, 0x09c4);
	put_thr(img, SFF8472_TX_POWER, 0x312d, 0x02e5, 0x1f07, 0x0746);
	put_thr(img, SFF8472_RX_POWER, 0x312d, 0x0064, 0x1f07, 0x009e);
	put_unity_cal(img);
	put_live(img, 0x2260, 0x8121, 0x0dac, 0x15f7, 0x0c5a);
}

/*
 * Externally calibrated 1000BASE-LX, 1310 nm, latched flags. Constants
 * (A2h 56-91) and their meaning:
 *   Rx_PWR(4) 0x26800000 =  2^-50 (8.8818e-16)
 *   Rx_PWR(3) 0xaf000000 = -2^-33 (-1.1642e-10)
 *   Rx_PWR(2) 0x37000000 =  2^-17 (7.6294e-06)
 *   Rx_PWR(1) 0x3f600000 =  0.875
 *   Rx_PWR(0) 0xc0400000 = -3.0
 *   Tx_I   slope 0x0140 = 1.25,   offset 0xff9c = -100 (-200 uA)
 *   Tx_PWR slope 0x00f0 = 0.9375, offset 0xffce = -50 (-5.0 uW)
 *   T      slope 0x0080 = 0.5,    offset 0xf600 = -2560 (-10 degC)
 *   V      slope 0x0110 = 1.0625, offset 0xff9c = -100 (-10 mV)
 * Live raw values and what they calibrate to:
 *   T 0x5a00 = 23040 -> 0.5 * 23040 - 2560 = 8960/256 = 35.0 degC
 *   V 0x79b1 = 31153 -> 1.0625 * 31153 - 100 = 33000.6 -> 3.3001 V
 *   I 0x0b40 = 2880  -> 1.25 * 2880 - 100 = 3500 -> 7.000 mA
 *   TX 0x0d62 = 3426 -> 0.9375 * 3426 - 50 = 3161.9 -> 316.19 uW
 *   RX x = 0x0bb8 = 3000 -> 0.0719 - 3.1432 + 68.6646 + 2625 - 3 = 2687.593
 *      (0.1 uW) -> 268.76 uW
 * Thresholds are raw, like the A/D values:
 *   T  50 / -20 / 45 / -5 degC, V 3.6 / 3.0 / 3.5 / 3.1 V,
 *   I  15 / 2 / 12 / 3 mA, TX 1000 / 112.2 / 794.3 / 141.3 uW,
 *   RX x = 4000 / 20 / 3500 / 40.
 */
static void build_external(u8 *img)
{
	put_ident(img, "EMUL PHOTONICS", "EMU-1G-LX10", "1.0",
		  "EMU1GLX0002", "190702");
	img[2] = 0x07;			/* LC */
	img[6] = 0x02;			/* 1000BASE-LX */
	img[11] = 0x01;			/* 8B/10B */
	img[12] = 0x0d;			/* 1.3 GBd */
	img[14] = 0x0a;			/* SMF 10 km */
	img[15] = 0x64;			/* SMF 10000 m */
	put_be16(img + 60, 1310);
	img[64] = 0x02;			/* power level 2 declared */
	img[65] = 0x1a;
	img[92] = 0x58;			/* DDM, external cal, average power */
	img[93] = 0x80;			/* alarm/warning flags only */
	img[94] = 0x02;			/* rev 9.5 */

	put_thr(img, SFF8472_TEMP, 0x7800, 0xec00, 0x6e00, 0x0a00);
	put_thr(img, SFF8472_VCC, 0x84b8, 0x6ea9, 0x810b, 0x7257);
	put_thr(img, SFF8472_BIAS, 0x17c0, 0x0370, 0x1310, 0x0500);
	put_thr(img, SFF8472_TX_POWER, 0x29e0, 0x04e2, 0x214e, 0x0619);
	put_thr(img, SFF8472_RX_POWER, 0x0fa0, 0x0014, 0x0dac, 0x0028);
	put_be32(img + A2(56), 0x26800000);
	put_be32(img + A2(60), 0xaf000000);
	put_be32(img + A2(64), 0x37000000);
	put_be32(img + A2(68), 0x3f600000);
	put_be32(img + A2(72), 0xc0400000);
	put_be16(img + A2(76), 0x0140);
	put_be16(img + A2(78), 0xff9c);
	put_be16(img + A2(80), 0x00f0);
	put_be16(img + A2(82), 0xffce);
	put_be16(img + A2(84), 0x0080);
	put_be16(img + A2(86), 0xf600);
	put_be16(img + A2(88), 0x0110);
	put_be16(img + A2(90), 0xff9c);
	put_live(img, 0x5a00, 0x79b1, 0x0b40, 0x0d62, 0x0bb8);
}

/* Passive 3 m direct-attach copper cable, no DDM, A0h only. */
static void build_copper(u8 *img)
{
	put_ident(img, "EMUL CABLES", "EMU-DAC-3M", "B", "EMUDAC0003",
		  "210901");
	img[2] = 0x21;			/* copper pigtail */
	img[8] = 0x04;			/* passive cable */
	img[12] = 0x67;
	img[18] = 0x03;			/* 3 m */
	img[60] = 0x01;			/* SFF-8431 appendix E */
}

/* 1000BASE-SX that needs the address-change sequence (A0h[92] bit 2). */
static void build_addr_change(u8 *img)
{
	put_ident(img, "EMUL OPTICS", "EMU-1G-SX-AC", "C", "EMU1GSX0004",
		  "170220");
	img[2] = 0x07;
	img[6] = 0x01;			/* 1000BASE-SX */
	img[11] = 0x01;
	img[12] = 0x0d;
	img[16] = 0x37;			/* OM2 550 m */
	img[17] = 0x1b;			/* OM1 270 m */
	put_be16(img + 60, 850);
	img[65] = 0x1a;
	img[92] = 0x6c;			/* DDM, internal, average, addr change */
	img[93] = 0xf0;
	img[94] = 0x01;			/* rev 9.3 */

	put_thr(img, SFF8472_TEMP, 0x5500, 0xf600, 0x5000, 0xfb00);
	put_thr(img, SFF8472_VCC, 0x8ca0, 0x7530, 0x88b8, 0x7918);
	put_thr(img, SFF8472_BIAS, 0x2710, 0x0064, 0x2328, 0x00c8);
	put_thr(img, SFF8472_TX_POWER, 0x1f07, 0x0621, 0x18a6, 0x07b5);
	put_thr(img, SFF8472_RX_POWER, 0x2710, 0x0028, 0x1f07, 0x0032);
	put_unity_cal(img);
	put_live(img, 0x1d80, 0x80e8, 0x0bb8, 0x0f8a, 0x09c4);
}

/*
 * GPON ONU stick whose EEPROM is emulated by its SoC (RTL8672/RTL9601C):
 * the internal profile's diagnostics under a GPON identity, and reads of
 * more than one byte return the first byte and then zeros.
 */
static void build_gpon(u8 *img)
{
	build_internal(img);
	put_ident(img, "EMUL GPON", "EMU-GPON-ONU", "1", "EMUGPON0005",
		  "240102");
	img[2] = 0x01;			/* SC */
	img[3] = 0;
	img[6] = 0x02;			/* 1000BASE-LX */
	img[11] = 0x03;			/* NRZ */
	img[12] = 0x0d;			/* 1.3 GBd */
	put_be16(img + 60, 1310);
}

struct emul_profile {
	const char *name;
	size_t size;
	bool latched;
	bool burst_broken;
	void (*build)(u8 *img);
};

static const struct emul_profile emul_profiles[] = {
	{ SFF8472_EMUL_PROFILE_INTERNAL, 512, false, false, build_internal },
	{ SFF8472_EMUL_PROFILE_EXTERNAL, 512, true, false, build_external },
	{ SFF8472_EMUL_PROFILE_COPPER, 256, false, false, build_copper },
	{ SFF8472_EMUL_PROFILE_ADDR_CHANGE, 512, false, false,
	  build_addr_change },
	{ SFF8472_EMUL_PROFILE_GPON, 512, false, true, build_gpon },
	{ SFF8472_EMUL_PROFILE_EMPTY, 0, false, false, NULL },
};

static const struct emul_profile *emul_find_profile(const char *name)
{
	size_t i;

	for (i = 0; i < ARRAY_SIZE(emul_profiles); i++)
		if (sysfs_streq(name, emul_profiles[i].name))
			return &emul_profiles[i];
	return NULL;
}

static void emul_build(const struct emul_profile *p, u8 *img)
{
	memset(img, 0, 2 * SFF8472_PAGE_LEN);
	if (!p->build)
		return;
	p->build(img);
	emul_fix_checksums(img, p->size);
}

int sff8472_emul_profile_image(const char *name, u8 *buf, size_t len)
{
	const struct emul_profile *p = emul_find_profile(name);
	u8 *img;

	if (!p)
		return -ENOENT;
	img = kmalloc(2 * SFF8472_PAGE_LEN, GFP_KERNEL);
	if (!img)
		return -ENOMEM;
	emul_build(p, img);
	memcpy(buf, img, min(len, p->size));
	kfree(img);
	return p->size;
}
EXPORT_SYMBOL_GPL(sff8472_emul_profile_image);

/* ---------------------------------------------------------------------- */
/* Module model (called with emul->lock held)                              */

/* The module's clock: ktime, plus what a test let pass without waiting. */
static ktime_t emul_now(struct sff8472_emul *e)
{
	return ktime_add_ns(ktime_get(), atomic64_read(&e->skipped_ns));
}

static bool emul_before(ktime_t start, u64 us, ktime_t now)
{
	return ktime_before(now, ktime_add_us(start, us));
}

static bool emul_is_signed(enum sff8472_channel ch)
{
	return ch == SFF8472_TEMP;
}

static s32 emul_to_s32(enum sff8472_channel ch, u16 raw)
{
	return emul_is_signed(ch) ? (s32)(s16)raw : (s32)raw;
}

static u16 emul_be16(const u8 *p)
{
	return (p[0] << 8) | p[1];
}

static bool emul_tx_off(struct sff8472_emul *e)
{
	if (e->pins_applied && (e->pins & SFF8472_EMUL_PIN_TX_DISABLE))
		return true;
	return (e->mem[SFP_ENHOPTS] & SFP_ENHOPTS_SOFT_TX_DISABLE) &&
	       (e->mem[A2(SFP_STATUS)] & SFP_STATUS_TX_DISABLE_FORCE);
}

/* The value a host reads for a channel (a disabled laser reads 0 when live). */
static u16 emul_value(struct sff8472_emul *e, enum sff8472_channel ch)
{
	if (ch == SFF8472_TX_POWER && e->live && emul_tx_off(e))
		return 0;
	return emul_be16(e->mem + A2(SFP_TEMP + 2 * ch));
}

static bool emul_flags_follow(struct sff8472_emul *e)
{
	return e->live && e->size == 2 * SFF8472_PAGE_LEN &&
	       (e->mem[SFP_ENHOPTS] & SFP_ENHOPTS_ALARMWARN);
}

/* Current conditions, as bytes 112, 113, 116, 117. */
static void emul_conditions(struct sff8472_emul *e, u8 cond[4])
{
	int ch;

	memset(cond, 0, 4);
	for (ch = 0; ch < SFF8472_NUM_CHANNELS; ch++) {
		const u8 *t = e->mem + A2(8 * ch);
		s32 v = emul_to_s32(ch, emul_value(e, ch));
		int byte = ch < 4 ? 0 : 1;
		int shift = ch < 4 ? 6 - 2 * ch : 6;

		cond[byte] |= (((v > emul_to_s32(ch, emul_be16(t))) << 1) |
			       (v < emul_to_s32(ch, emul_be16(t + 2)))) << shift;
		cond[byte + 2] |= (((v > emul_to_s32(ch, emul_be16(t + 4))) << 1) |
				   (v < emul_to_s32(ch, emul_be16(t + 6)))) << shift;
	}
}

static void emul_update_flags(struct sff8472_emul *e)
{
	u8 cond[4];
	int i;

	if (!emul_flags_follow(e))
		return;
	emul_conditions(e, cond);
	for (i = 0; i < 4; i++) {
		u8 *f = e->mem + A2(emul_flag_off[i]);

		if (e->latched)
			*f |= cond[i];
		else
			*f = (*f & ~emul_flag_mask[i]) | cond[i];
	}
}

/* A latched flag byte was read: flags whose condition is gone clear. */
static void emul_flag_read(struct sff8472_emul *e, u8 off)
{
	u8 cond[4];
	int i;

	if (!emul_flags_follow(e) || !e->latched)
		return;
	emul_conditions(e, cond);
	for (i = 0; i < 4; i++) {
		if (emul_flag_off[i] == off) {
			u8 *f = e->mem + A2(off);

			*f = (*f & ~emul_flag_mask[i]) | cond[i];
		}
	}
}

/* Byte as the host sees it, without side effects. */
static u8 emul_peek(struct sff8472_emul *e, int dev, u8 off, ktime_t now)
{
	u8 val = e->mem[dev * SFF8472_PAGE_LEN + off];

	if (dev != EMUL_DEV_A2)
		return val;
	if (off >= SFP_TEMP && off < SFP_TEMP + 10) {
		u16 v = emul_value(e, (off - SFP_TEMP) / 2);

		val = (off & 1) ? v & 0xff : v >> 8;
	}
	if (off == SFP_STATUS &&
	    emul_before(e->inserted, (u64)e->drb_ms * USEC_PER_MSEC, now))
		val |= SFF8472_STATUS_DATA_NOT_READY;
	return val;
}

static void emul_torn_check(struct sff8472_emul *e, u8 off)
{
	int ch = (off - SFP_TEMP) / 2;
	u8 half = off & 1;
	struct emul_torn *t = &e->torn[ch];
	u16 cur = emul_value(e, ch);

	if (t->pending && t->half != half) {
		if (t->txn != e->txn) {
			u16 mixed = half ? (t->value & 0xff00) | (cur & 0xff) :
					   (cur & 0xff00) | (t->value & 0xff);

			if (mixed != t->value && mixed != cur)
				e->stats.torn_reads++;
		}
		t->pending = false;
		return;
	}
	t->pending = true;
	t->half = half;
	t->value = cur;
	t->txn = e->txn;
}

static u8 emul_read_byte(struct sff8472_emul *e, int dev, ktime_t now)
{
	u8 off, val;

	if (!e->present || dev == EMUL_DEV_GC)
		return 0xff;	/* nobody drives SDA: the pull-up reads 1s */
	off = e->ptr[dev]++;
	val = emul_peek(e, dev, off, now);
	if (dev == EMUL_DEV_A2) {
		if (off >= SFP_TEMP && off < SFP_TEMP + 10)
			emul_torn_check(e, off);
		emul_flag_read(e, off);
	}
	if (e->unstable_on && dev == e->unstable_dev &&
	    off >= e->unstable_off && off - e->unstable_off < e->unstable_len) {
		e->unstable_hit = true;
		val = ~val;
	}
	return e->read_ff ? 0xff : val;
}

/* Returns false when the module NACKs the byte. */
static bool emul_write_byte(struct sff8472_emul *e, int dev, int idx, u8 val,
			    bool *ee_written, u8 *gc)
{
	u8 a0_93, off, mask = 0;
	u8 *p;

	if (!e->present)
		return false;
	if (dev == EMUL_DEV_GC) {
		if (idx == 0)
			return val == EMUL_ADDR_CHANGE_CMD;
		if (idx == 1) {
			*gc = val;
			return true;
		}
		return false;
	}
	if (idx == 0) {
		e->ptr[dev] = val;
		return true;
	}
	if (dev == EMUL_DEV_A0)
		return false;	/* A0h is write-protected: NACK the data */

	off = e->ptr[dev];
	if (off >= SFF8472_A2_USER_EEPROM && off <= SFF8472_A2_USER_EEPROM_END)
		e->ptr[dev] = (off & ~(EMUL_PAGE_SIZE - 1)) |
			      ((off + 1) & (EMUL_PAGE_SIZE - 1));
	else
		e->ptr[dev] = off + 1;

	p = e->mem + A2(off);
	a0_93 = e->mem[SFP_ENHOPTS];
	switch (off) {
	case SFP_STATUS:
		if (a0_93 & SFP_ENHOPTS_SOFT_TX_DISABLE)
			mask |= SFP_STATUS_TX_DISABLE_FORCE;
		if (a0_93 & SFP_ENHOPTS_SOFT_RATE_SELECT)
			mask |= SFP_STATUS_RS0_SELECT;
		*p = (*p & ~mask) | (val & mask);
		emul_update_flags(e);
		break;
	case SFP_EXT_STATUS:
		if (a0_93 & SFP_ENHOPTS_SOFT_RATE_SFF8431)
			mask |= SFP_EXT_STATUS_RS1_SELECT;
		if (e->mem[SFP_OPTIONS] & BIT(1))
			mask |= SFP_EXT_STATUS_PWRLVL_SELECT;
		*p = (*p & ~mask) | (val & mask);
		if (mask & SFP_EXT_STATUS_PWRLVL_SELECT) {
			*p &= ~SFF8472_EXT_POWER_LEVEL_STATE;
			if (*p & SFP_EXT_STATUS_PWRLVL_SELECT)
				*p |= SFF8472_EXT_POWER_LEVEL_STATE;
		}
		break;
	case SFF8472_A2_USER_EEPROM ... SFF8472_A2_USER_EEPROM_END:
		*p = val;
		*ee_written = true;
		break;
	default:
		break;		/* read-only: ACKed and ignored */
	}
	return true;
}

/* Which memory answers at @addr now, or -1 for a NACK. */
static int emul_addr_dev(struct sff8472_emul *e, u16 addr, bool read,
			 ktime_t now)
{
	bool addr_change;

	if (!e->present)
		return -1;
	if (emul_before(e->inserted, (u64)e->slow_ms * USEC_PER_MSEC, now))
		return -1;
	if (ktime_before(now, e->busy_until))
		return -1;
	addr_change = e->mem[SFP_DIAGMON] & SFP_DIAGMON_ADDRMODE;
	switch (addr) {
	case EMUL_ADDR_GC:
		return addr_change && !read ? EMUL_DEV_GC : -1;
	case EMUL_ADDR_A0:
		return !addr_change || e->page == 0 ? EMUL_DEV_A0 : -1;
	case EMUL_ADDR_A2:
		if (e->size < 2 * SFF8472_PAGE_LEN)
			return -1;
		return !addr_change || e->page == 1 ? EMUL_DEV_A2 : -1;
	}
	return -1;
}

static void emul_drift_step(struct sff8472_emul *e)
{
	int ch;

	for (ch = 0; ch < SFF8472_NUM_CHANNELS; ch++) {
		u8 *p = e->mem + A2(SFP_TEMP + 2 * ch);
		s32 v;

		if (!e->step[ch])
			continue;
		v = emul_to_s32(ch, emul_be16(p)) + e->step[ch];
		if (v >= e->dmax[ch]) {
			v = e->dmax[ch];
			e->step[ch] = -abs(e->step[ch]);
		} else if (v <= e->dmin[ch]) {
			v = e->dmin[ch];
			e->step[ch] = abs(e->step[ch]);
		}
		put_be16(p, (u16)v);
	}
	emul_update_flags(e);
}

struct emul_seg {
	u16 addr;
	bool read;
	u16 len;
	u8 *buf;
};

/* One transaction: START, segments separated by repeated STARTs, STOP. */
static int emul_transfer(struct sff8472_emul *e, struct emul_seg *segs, int n)
{
	bool nack_all = false, ee_written = false, gc_seen = false;
	bool all_ff = false;
	ktime_t now = emul_now(e);
	unsigned int data_in = 0;	/* data bytes read so far */
	u64 bits = 0;
	int ret = 0, i, j, dev;
	u8 gc = 0xff;

	mutex_lock(&e->lock);
	e->txn++;
	e->stats.transactions++;
	e->unstable_on = e->unstable_xfers > 0;
	e->unstable_hit = false;
	if (e->remove_nth && --e->remove_nth == 0) {
		e->present = false;
		e->stats.faults++;
	}
	if (e->nack_next) {
		e->nack_next--;
		nack_all = true;
	}
	if (e->nack_nth && --e->nack_nth == 0) {
		nack_all = true;
		e->stats.faults++;
	}
	if (e->nack_every && ++e->nack_count >= e->nack_every) {
		e->nack_count = 0;
		nack_all = true;
		e->stats.faults++;
	}
	if (e->ff_nth && --e->ff_nth == 0) {
		all_ff = true;
		e->stats.faults++;
	}

	for (i = 0; i < n && !ret; i++) {
		struct emul_seg *s = &segs[i];

		bits += 1 + 9;		/* (repeated) START, address + ACK */
		if (!s->addr && !s->read)
			e->stats.general_calls++;
		dev = nack_all ? -1 : emul_addr_dev(e, s->addr, s->read, now);
		if (dev < 0) {
			ret = -ENXIO;
			break;
		}
		gc_seen |= dev == EMUL_DEV_GC;
		for (j = 0; j < s->len; j++) {
			bits += 9;	/* data byte + ACK */
			if (s->read) {
				e->stats.bytes_read++;
				s->buf[j] = emul_read_byte(e, dev, now);
				/* Its EEPROM emulation fills the rest with 0. */
				if (e->burst_broken && j)
					s->buf[j] = 0;
				if (all_ff && data_in >= e->ff_from) {
					e->stats.ff_bytes += s->buf[j] != 0xff;
					s->buf[j] = 0xff;
				}
				data_in++;
			} else {
				e->stats.bytes_written++;
				if (!emul_write_byte(e, dev, j, s->buf[j],
						     &ee_written, &gc)) {
					ret = -EIO;
				}
			}
			if (e->remove_after && --e->remove_after == 0) {
				e->present = false;
				e->stats.faults++;
			}
			if (ret)
				break;
		}
	}
	bits += 1;			/* STOP */

	if (ret)
		e->stats.nacks++;
	if (e->unstable_hit) {
		e->unstable_xfers--;
		e->stats.faults++;
	}
	e->unstable_on = false;
	if (ee_written)
		e->busy_until = ktime_add_us(emul_now(e), e->write_cycle_us);
	if (!ret && gc_seen && (gc & 3) != 1 && (gc & 3) != 3)
		e->page = (gc & 3) == 2;
	e->stats.bits += bits;
	e->stats.bus_time_ns += bits * EMUL_BIT_NS;
	if (e->every_xfers && ++e->xfers >= e->every_xfers) {
		e->xfers = 0;
		emul_drift_step(e);
	}
	mutex_unlock(&e->lock);
	return ret;
}

/* ---------------------------------------------------------------------- */
/* Adapter algorithms                                                      */

static int emul_master_xfer(struct i2c_adapter *adap, struct i2c_msg *msgs,
			    int num)
{
	struct sff8472_emul *e = i2c_get_adapdata(adap);
	struct emul_seg *segs;
	int i, ret;

	segs = kcalloc(num, sizeof(*segs), GFP_KERNEL);
	if (!segs)
		return -ENOMEM;
	for (i = 0; i < num; i++) {
		if (msgs[i].flags & (I2C_M_TEN | I2C_M_RECV_LEN)) {
			kfree(segs);
			return -EOPNOTSUPP;
		}
		if (e->max_len && msgs[i].len > e->max_len) {
			kfree(segs);
			return -EOPNOTSUPP;
		}
		segs[i].addr = msgs[i].addr;
		segs[i].read = msgs[i].flags & I2C_M_RD;
		segs[i].len = msgs[i].len;
		segs[i].buf = msgs[i].buf;
	}
	ret = emul_transfer(e, segs, num);
	kfree(segs);
	return ret ? ret : num;
}

static const u32 emul_func[SFF8472_EMUL_NUM_MODES] = {
	[SFF8472_EMUL_I2C] = I2C_FUNC_I2C | I2C_FUNC_SMBUS_EMUL,
	[SFF8472_EMUL_SMBUS_BLOCK] = I2C_FUNC_SMBUS_BYTE |
		I2C_FUNC_SMBUS_BYTE_DATA | I2C_FUNC_SMBUS_WORD_DATA |
		I2C_FUNC_SMBUS_I2C_BLOCK,
	[SFF8472_EMUL_SMBUS_WORD] = I2C_FUNC_SMBUS_BYTE_DATA |
		I2C_FUNC_SMBUS_WORD_DATA,
	[SFF8472_EMUL_SMBUS_BYTE] = I2C_FUNC_SMBUS_BYTE |
		I2C_FUNC_SMBUS_BYTE_DATA,
};

static u32 emul_functionality(struct i2c_adapter *adap)
{
	struct sff8472_emul *e = i2c_get_adapdata(adap);

	return emul_func[e->mode];
}

static int emul_smbus_xfer(struct i2c_adapter *adap, u16 addr,
			   unsigned short flags, char read_write, u8 command,
			   int size, union i2c_smbus_data *data)
{
	struct sff8472_emul *e = i2c_get_adapdata(adap);
	u32 func = emul_func[e->mode];
	bool rd = read_write == I2C_SMBUS_READ;
	u8 buf[I2C_SMBUS_BLOCK_MAX + 1];
	struct emul_seg segs[2] = {
		{ .addr = addr, .buf = buf },
		{ .addr = addr, .read = true, .buf = buf + 1 },
	};
	int n = 1, len, ret;

	buf[0] = command;
	switch (size) {
	case I2C_SMBUS_BYTE:
		if (!(func & (rd ? I2C_FUNC_SMBUS_READ_BYTE :
				   I2C_FUNC_SMBUS_WRITE_BYTE)))
			return -EOPNOTSUPP;
		/* receive byte: S addr+R data P; send byte: S addr+W cmd P */
		segs[0].read = rd;
		segs[0].len = 1;
		break;
	case I2C_SMBUS_BYTE_DATA:
	case I2C_SMBUS_WORD_DATA:
		if (!(func & (size == I2C_SMBUS_BYTE_DATA ?
			      I2C_FUNC_SMBUS_BYTE_DATA : I2C_FUNC_SMBUS_WORD_DATA)))
			return -EOPNOTSUPP;
		len = size == I2C_SMBUS_BYTE_DATA ? 1 : 2;
		if (rd) {
			segs[0].len = 1;
			segs[1].len = len;
			n = 2;
		} else {
			/* a word goes LSB first */
			buf[1] = len == 1 ? data->byte : data->word & 0xff;
			buf[2] = data->word >> 8;
			segs[0].len = 1 + len;
		}
		break;
	case I2C_SMBUS_I2C_BLOCK_DATA:
		if (!(func & I2C_FUNC_SMBUS_I2C_BLOCK))
			return -EOPNOTSUPP;
		len = data->block[0];
		if (!len || len > I2C_SMBUS_BLOCK_MAX)
			return -EINVAL;
		if (e->max_len && len > e->max_len)
			return -EOPNOTSUPP;
		if (rd) {
			segs[0].len = 1;
			segs[1].len = len;
			n = 2;
		} else {
			memcpy(buf + 1, data->block + 1, len);
			segs[0].len = 1 + len;
		}
		break;
	default:
		return -EOPNOTSUPP;
	}

	ret = emul_transfer(e, segs, n);
	if (ret || !rd)
		return ret;
	switch (size) {
	case I2C_SMBUS_BYTE:
		data->byte = buf[0];
		break;
	case I2C_SMBUS_BYTE_DATA:
		data->byte = buf[1];
		break;
	case I2C_SMBUS_WORD_DATA:
		data->word = buf[1] | (buf[2] << 8);	/* first byte is LSB */
		break;
	case I2C_SMBUS_I2C_BLOCK_DATA:
		memcpy(data->block + 1, buf + 1, data->block[0]);
		break;
	}
	return 0;
}

static const struct i2c_algorithm emul_i2c_algo = {
	.master_xfer = emul_master_xfer,
	.functionality = emul_functionality,
};

static const struct i2c_algorithm emul_smbus_algo = {
	.smbus_xfer = emul_smbus_xfer,
	.functionality = emul_functionality,
};

/* ---------------------------------------------------------------------- */
/* C API                                                                   */

static const char * const emul_mode_names[SFF8472_EMUL_NUM_MODES] = {
	[SFF8472_EMUL_I2C] = "i2c",
	[SFF8472_EMUL_SMBUS_BLOCK] = "smbus-block",
	[SFF8472_EMUL_SMBUS_WORD] = "smbus-word",
	[SFF8472_EMUL_SMBUS_BYTE] = "smbus-byte",
};

const char *sff8472_emul_mode_name(enum sff8472_emul_mode mode)
{
	return mode < SFF8472_EMUL_NUM_MODES ? emul_mode_names[mode] : NULL;
}
EXPORT_SYMBOL_GPL(sff8472_emul_mode_name);

struct i2c_adapter *sff8472_emul_adapter(struct sff8472_emul *emul)
{
	return &emul->adap;
}
EXPORT_SYMBOL_GPL(sff8472_emul_adapter);

enum sff8472_emul_mode sff8472_emul_get_mode(struct sff8472_emul *emul)
{
	return emul->mode;
}
EXPORT_SYMBOL_GPL(sff8472_emul_get_mode);

/* Show the cage pins in A2h byte 110. */
static void emul_apply_pins(struct sff8472_emul *e)
{
	static const u8 map[][2] = {
		{ SFF8472_EMUL_PIN_TX_DISABLE, SFP_STATUS_TX_DISABLE },
		{ SFF8472_EMUL_PIN_TX_FAULT, SFP_STATUS_TX_FAULT },
		{ SFF8472_EMUL_PIN_RX_LOS, SFP_STATUS_RX_LOS },
		{ SFF8472_EMUL_PIN_RS0, SFF8472_STATUS_RS0 },
		{ SFF8472_EMUL_PIN_RS1, SFF8472_STATUS_RS1 },
	};
	u8 *st = e->mem + A2(SFP_STATUS);
	size_t i;

	if (!e->pins_applied)
		return;
	for (i = 0; i < ARRAY_SIZE(map); i++) {
		*st &= ~map[i][1];
		if (e->pins & map[i][0])
			*st |= map[i][1];
	}
}

static void emul_insert_locked(struct sff8472_emul *e)
{
	e->present = true;
	e->inserted = emul_now(e);
	e->busy_until = 0;
	e->ptr[0] = 0;
	e->ptr[1] = 0;
	e->page = 0;
	memset(e->torn, 0, sizeof(e->torn));
	/* control bits come back at their power-up values */
	e->mem[A2(SFP_STATUS)] = e->orig[A2(SFP_STATUS)];
	e->mem[A2(SFP_EXT_STATUS)] = e->orig[A2(SFP_EXT_STATUS)];
	emul_apply_pins(e);
}

static void emul_load_locked(struct sff8472_emul *e, const u8 *img,
			     size_t len, const char *profile, bool latched)
{
	memset(e->orig, 0, sizeof(e->orig));
	memcpy(e->orig, img, len);
	memcpy(e->mem, e->orig, sizeof(e->mem));
	e->size = len;
	e->loaded = true;
	e->live = false;
	e->latched = latched;
	e->pins_applied = false;
	e->remove_after = 0;
	e->remove_nth = 0;
	e->ff_nth = 0;
	e->ff_from = 0;
	memset(e->step, 0, sizeof(e->step));
	strscpy(e->profile, profile, sizeof(e->profile));
	e->burst_broken = false;
	emul_insert_locked(e);
}

int sff8472_emul_load_image(struct sff8472_emul *emul, const u8 *image,
			    size_t len)
{
	if (len != SFF8472_EMUL_IMAGE_A0_ONLY && len != SFF8472_EMUL_IMAGE_FULL)
		return -EINVAL;
	mutex_lock(&emul->lock);
	emul_load_locked(emul, image, len, "custom", false);
	mutex_unlock(&emul->lock);
	return 0;
}
EXPORT_SYMBOL_GPL(sff8472_emul_load_image);

int sff8472_emul_load_profile(struct sff8472_emul *emul, const char *name)
{
	const struct emul_profile *p = emul_find_profile(name);
	u8 *img;

	if (!p)
		return -ENOENT;
	if (!p->size) {
		sff8472_emul_remove(emul);
		mutex_lock(&emul->lock);
		emul->loaded = false;
		strscpy(emul->profile, p->name, sizeof(emul->profile));
		mutex_unlock(&emul->lock);
		return 0;
	}
	img = kmalloc(2 * SFF8472_PAGE_LEN, GFP_KERNEL);
	if (!img)
		return -ENOMEM;
	emul_build(p, img);
	mutex_lock(&emul->lock);
	emul_load_locked(emul, img, p->size, p->name, p->latched);
	emul->burst_broken = p->burst_broken;
	mutex_unlock(&emul->lock);
	kfree(img);
	return 0;
}
EXPORT_SYMBOL_GPL(sff8472_emul_load_profile);

int sff8472_emul_read_image(struct sff8472_emul *emul, u8 *buf, size_t len)
{
	ktime_t now = emul_now(emul);
	int size, i;

	mutex_lock(&emul->lock);
	size = emul->present ? emul->size : 0;
	for (i = 0; i < size && i < len; i++)
		buf[i] = emul_peek(emul, i / SFF8472_PAGE_LEN,
				   i % SFF8472_PAGE_LEN, now);
	mutex_unlock(&emul->lock);
	return size;
}
EXPORT_SYMBOL_GPL(sff8472_emul_read_image);

void sff8472_emul_remove(struct sff8472_emul *emul)
{
	mutex_lock(&emul->lock);
	emul->present = false;
	emul->remove_after = 0;
	emul->remove_nth = 0;
	mutex_unlock(&emul->lock);
}
EXPORT_SYMBOL_GPL(sff8472_emul_remove);

int sff8472_emul_insert(struct sff8472_emul *emul)
{
	int ret = 0;

	mutex_lock(&emul->lock);
	if (!emul->loaded)
		ret = -ENODEV;
	else
		emul_insert_locked(emul);
	mutex_unlock(&emul->lock);
	return ret;
}
EXPORT_SYMBOL_GPL(sff8472_emul_insert);

bool sff8472_emul_present(struct sff8472_emul *emul)
{
	bool present;

	mutex_lock(&emul->lock);
	present = emul->present;
	mutex_unlock(&emul->lock);
	return present;
}
EXPORT_SYMBOL_GPL(sff8472_emul_present);

int sff8472_emul_set_live(struct sff8472_emul *emul, enum sff8472_channel ch,
			  u16 raw)
{
	if (ch >= SFF8472_NUM_CHANNELS)
		return -EINVAL;
	mutex_lock(&emul->lock);
	put_be16(emul->mem + A2(SFP_TEMP + 2 * ch), raw);
	emul->live = true;
	emul_update_flags(emul);
	mutex_unlock(&emul->lock);
	return 0;
}
EXPORT_SYMBOL_GPL(sff8472_emul_set_live);

u16 sff8472_emul_get_live(struct sff8472_emul *emul, enum sff8472_channel ch)
{
	u16 v;

	if (ch >= SFF8472_NUM_CHANNELS)
		return 0;
	mutex_lock(&emul->lock);
	v = emul_value(emul, ch);
	mutex_unlock(&emul->lock);
	return v;
}
EXPORT_SYMBOL_GPL(sff8472_emul_get_live);

int sff8472_emul_set_drift(struct sff8472_emul *emul, enum sff8472_channel ch,
			   s16 step, u16 min, u16 max)
{
	s32 lo, hi;

	if (ch >= SFF8472_NUM_CHANNELS)
		return -EINVAL;
	lo = emul_to_s32(ch, min);
	hi = emul_to_s32(ch, max);
	if (step && lo >= hi)
		return -EINVAL;
	mutex_lock(&emul->lock);
	emul->step[ch] = step;
	emul->dmin[ch] = lo;
	emul->dmax[ch] = hi;
	if (step)
		emul->live = true;
	emul_update_flags(emul);
	mutex_unlock(&emul->lock);
	return 0;
}
EXPORT_SYMBOL_GPL(sff8472_emul_set_drift);

static void emul_work(struct work_struct *work)
{
	struct sff8472_emul *e = container_of(to_delayed_work(work),
					      struct sff8472_emul, work);
	unsigned int period;

	mutex_lock(&e->lock);
	emul_drift_step(e);
	period = e->period_ms;
	mutex_unlock(&e->lock);
	if (period)
		schedule_delayed_work(&e->work, msecs_to_jiffies(period));
}

void sff8472_emul_set_update_rate(struct sff8472_emul *emul,
				  unsigned int every_xfers,
				  unsigned int period_ms)
{
	cancel_delayed_work_sync(&emul->work);
	mutex_lock(&emul->lock);
	emul->every_xfers = every_xfers;
	emul->xfers = 0;
	emul->period_ms = period_ms;
	mutex_unlock(&emul->lock);
	if (period_ms)
		schedule_delayed_work(&emul->work, msecs_to_jiffies(period_ms));
}
EXPORT_SYMBOL_GPL(sff8472_emul_set_update_rate);

void sff8472_emul_run_periodic(struct sff8472_emul *emul)
{
	flush_delayed_work(&emul->work);
}
EXPORT_SYMBOL_GPL(sff8472_emul_run_periodic);

void sff8472_emul_update(struct sff8472_emul *emul)
{
	mutex_lock(&emul->lock);
	emul_drift_step(emul);
	mutex_unlock(&emul->lock);
}
EXPORT_SYMBOL_GPL(sff8472_emul_update);

void sff8472_emul_set_latched(struct sff8472_emul *emul, bool latched)
{
	mutex_lock(&emul->lock);
	emul->latched = latched;
	mutex_unlock(&emul->lock);
}
EXPORT_SYMBOL_GPL(sff8472_emul_set_latched);

void sff8472_emul_set_pins(struct sff8472_emul *emul, unsigned int pins)
{
	mutex_lock(&emul->lock);
	emul->pins = pins;
	emul->pins_applied = true;
	emul_apply_pins(emul);
	emul_update_flags(emul);
	mutex_unlock(&emul->lock);
}
EXPORT_SYMBOL_GPL(sff8472_emul_set_pins);

unsigned int sff8472_emul_get_pins(struct sff8472_emul *emul)
{
	unsigned int pins;

	mutex_lock(&emul->lock);
	pins = emul->pins;
	mutex_unlock(&emul->lock);
	return pins;
}
EXPORT_SYMBOL_GPL(sff8472_emul_get_pins);

void sff8472_emul_set_data_ready_delay(struct sff8472_emul *emul, unsigned int ms)
{
	mutex_lock(&emul->lock);
	emul->drb_ms = ms;
	mutex_unlock(&emul->lock);
}
EXPORT_SYMBOL_GPL(sff8472_emul_set_data_ready_delay);

void sff8472_emul_set_slow_start(struct sff8472_emul *emul, unsigned int ms)
{
	mutex_lock(&emul->lock);
	emul->slow_ms = ms;
	mutex_unlock(&emul->lock);
}
EXPORT_SYMBOL_GPL(sff8472_emul_set_slow_start);

void sff8472_emul_set_write_cycle(struct sff8472_emul *emul, unsigned int us)
{
	mutex_lock(&emul->lock);
	emul->write_cycle_us = us;
	mutex_unlock(&emul->lock);
}
EXPORT_SYMBOL_GPL(sff8472_emul_set_write_cycle);

void sff8472_emul_skip(struct sff8472_emul *emul, unsigned int ms)
{
	atomic64_add((s64)ms * NSEC_PER_MSEC, &emul->skipped_ns);
}
EXPORT_SYMBOL_GPL(sff8472_emul_skip);

void sff8472_emul_nack_next(struct sff8472_emul *emul, unsigned int n)
{
	mutex_lock(&emul->lock);
	emul->nack_next = n;
	mutex_unlock(&emul->lock);
}
EXPORT_SYMBOL_GPL(sff8472_emul_nack_next);

void sff8472_emul_nack_nth(struct sff8472_emul *emul, unsigned int n)
{
	mutex_lock(&emul->lock);
	emul->nack_nth = n;
	mutex_unlock(&emul->lock);
}
EXPORT_SYMBOL_GPL(sff8472_emul_nack_nth);

void sff8472_emul_remove_after(struct sff8472_emul *emul, unsigned int n)
{
	mutex_lock(&emul->lock);
	emul->remove_after = n;
	mutex_unlock(&emul->lock);
}
EXPORT_SYMBOL_GPL(sff8472_emul_remove_after);

void sff8472_emul_remove_nth(struct sff8472_emul *emul, unsigned int n)
{
	mutex_lock(&emul->lock);
	emul->remove_nth = n;
	mutex_unlock(&emul->lock);
}
EXPORT_SYMBOL_GPL(sff8472_emul_remove_nth);

void sff8472_emul_ff_nth_from(struct sff8472_emul *emul, unsigned int n,
			      unsigned int from)
{
	mutex_lock(&emul->lock);
	emul->ff_nth = n;
	emul->ff_from = from;
	mutex_unlock(&emul->lock);
}
EXPORT_SYMBOL_GPL(sff8472_emul_ff_nth_from);

void sff8472_emul_ff_nth(struct sff8472_emul *emul, unsigned int n)
{
	sff8472_emul_ff_nth_from(emul, n, 0);
}
EXPORT_SYMBOL_GPL(sff8472_emul_ff_nth);

void sff8472_emul_nack_every(struct sff8472_emul *emul, unsigned int n)
{
	mutex_lock(&emul->lock);
	emul->nack_every = n;
	emul->nack_count = 0;
	mutex_unlock(&emul->lock);
}
EXPORT_SYMBOL_GPL(sff8472_emul_nack_every);

void sff8472_emul_set_read_ff(struct sff8472_emul *emul, bool on)
{
	mutex_lock(&emul->lock);
	emul->read_ff = on;
	mutex_unlock(&emul->lock);
}
EXPORT_SYMBOL_GPL(sff8472_emul_set_read_ff);

int sff8472_emul_unstable(struct sff8472_emul *emul, unsigned int page,
			  unsigned int off, unsigned int len, unsigned int n)
{
	if (page > SFF8472_EMUL_A2 || !len || off >= SFF8472_PAGE_LEN ||
	    len > SFF8472_PAGE_LEN - off)
		return -EINVAL;
	mutex_lock(&emul->lock);
	emul->unstable_dev = page == SFF8472_EMUL_A2 ? EMUL_DEV_A2 :
						       EMUL_DEV_A0;
	emul->unstable_off = off;
	emul->unstable_len = len;
	emul->unstable_xfers = n;
	mutex_unlock(&emul->lock);
	return 0;
}
EXPORT_SYMBOL_GPL(sff8472_emul_unstable);

void sff8472_emul_unstable_a2(struct sff8472_emul *emul, u8 off,
			      unsigned int n)
{
	sff8472_emul_unstable(emul, SFF8472_EMUL_A2, off, 1, n);
}
EXPORT_SYMBOL_GPL(sff8472_emul_unstable_a2);

void sff8472_emul_clear_faults(struct sff8472_emul *emul)
{
	mutex_lock(&emul->lock);
	emul->nack_next = 0;
	emul->nack_nth = 0;
	emul->remove_after = 0;
	emul->remove_nth = 0;
	emul->ff_nth = 0;
	emul->ff_from = 0;
	emul->nack_every = 0;
	emul->read_ff = false;
	emul->unstable_xfers = 0;
	mutex_unlock(&emul->lock);
}
EXPORT_SYMBOL_GPL(sff8472_emul_clear_faults);

void sff8472_emul_get_stats(struct sff8472_emul *emul,
			    struct sff8472_emul_stats *stats)
{
	mutex_lock(&emul->lock);
	*stats = emul->stats;
	mutex_unlock(&emul->lock);
}
EXPORT_SYMBOL_GPL(sff8472_emul_get_stats);

void sff8472_emul_reset_stats(struct sff8472_emul *emul)
{
	mutex_lock(&emul->lock);
	memset(&emul->stats, 0, sizeof(emul->stats));
	mutex_unlock(&emul->lock);
}
EXPORT_SYMBOL_GPL(sff8472_emul_reset_stats);

/* ---------------------------------------------------------------------- */
/* debugfs                                                                 */

static const char * const emul_chan_names[SFF8472_NUM_CHANNELS] = {
	"temp", "vcc", "bias", "tx_power", "rx_power",
};

static int emul_parse_chan(const char *s)
{
	int i;

	for (i = 0; i < SFF8472_NUM_CHANNELS; i++)
		if (!strcmp(s, emul_chan_names[i]))
			return i;
	return -EINVAL;
}

/* Copy a short command from userspace and split it into words. */
static int emul_get_cmd(const char __user *ubuf, size_t count, char *buf,
			size_t size, char **argv, int maxargs)
{
	char *p, *tok;
	int argc = 0;

	if (count >= size)
		return -EINVAL;
	if (copy_from_user(buf, ubuf, count))
		return -EFAULT;
	buf[count] = '\0';
	p = buf;
	while ((tok = strsep(&p, " \t\n")) != NULL) {
		if (!*tok)
			continue;
		if (argc == maxargs)
			return -EINVAL;
		argv[argc++] = tok;
	}
	return argc;
}

struct emul_image_file {
	struct sff8472_emul *emul;
	size_t size;		/* bytes readable */
	size_t written;		/* bytes written and not loaded yet */
	bool writes;		/* write() was called */
	bool overflow;
	u8 buf[2 * SFF8472_PAGE_LEN];
};

static int emul_image_open(struct inode *inode, struct file *file)
{
	struct emul_image_file *f = kzalloc_obj(*f, GFP_KERNEL);

	if (!f)
		return -ENOMEM;
	f->emul = inode->i_private;
	if (file->f_mode & FMODE_READ)
		f->size = sff8472_emul_read_image(f->emul, f->buf,
						  sizeof(f->buf));
	file->private_data = f;
	return nonseekable_open(inode, file);
}

static ssize_t emul_image_read(struct file *file, char __user *ubuf,
			       size_t count, loff_t *ppos)
{
	struct emul_image_file *f = file->private_data;

	return simple_read_from_buffer(ubuf, count, ppos, f->buf, f->size);
}

/*
 * A first write() of exactly 256 or 512 bytes loads the image at once (and
 * fails if it cannot). Anything else is collected and loaded on close.
 */
static ssize_t emul_image_write(struct file *file, const char __user *ubuf,
				size_t count, loff_t *ppos)
{
	struct emul_image_file *f = file->private_data;
	bool first = !f->writes;
	int ret;

	f->writes = true;
	if (f->overflow || f->written + count > sizeof(f->buf)) {
		f->overflow = true;
		return -EFBIG;
	}
	if (copy_from_user(f->buf + f->written, ubuf, count))
		return -EFAULT;
	if (first && (count == SFF8472_EMUL_IMAGE_A0_ONLY ||
		      count == SFF8472_EMUL_IMAGE_FULL)) {
		ret = sff8472_emul_load_image(f->emul, f->buf, count);
		return ret ? ret : count;
	}
	f->written += count;
	return count;
}

static int emul_image_release(struct inode *inode, struct file *file)
{
	struct emul_image_file *f = file->private_data;
	struct dentry *dentry = file->f_path.dentry;

	/* the emulator may be gone: only touch it while debugfs holds it */
	if (f->written && !f->overflow && !debugfs_file_get(dentry)) {
		if (sff8472_emul_load_image(f->emul, f->buf, f->written))
			pr_warn("sff8472-emul: %s: %zu bytes is not an image\n",
				dev_name(&f->emul->adap.dev), f->written);
		debugfs_file_put(dentry);
	}
	kfree(f);
	return 0;
}

static const struct file_operations emul_image_fops = {
	.owner = THIS_MODULE,
	.open = emul_image_open,
	.read = emul_image_read,
	.write = emul_image_write,
	.release = emul_image_release,
};

static int emul_show_profile(struct seq_file *s, void *unused)
{
	struct sff8472_emul *e = s->private;

	mutex_lock(&e->lock);
	seq_printf(s, "%s\n", e->loaded || e->present ? e->profile : "empty");
	mutex_unlock(&e->lock);
	return 0;
}

static ssize_t emul_write_profile(struct file *file, const char __user *ubuf,
				  size_t count, loff_t *ppos)
{
	struct sff8472_emul *e = file_inode(file)->i_private;
	char buf[32], *argv[1];
	int ret;

	ret = emul_get_cmd(ubuf, count, buf, sizeof(buf), argv, 1);
	if (ret < 1)
		return ret < 0 ? ret : -EINVAL;
	ret = sff8472_emul_load_profile(e, argv[0]);
	return ret ? ret : count;
}

static int emul_show_live(struct seq_file *s, void *unused)
{
	struct sff8472_emul *e = s->private;
	int ch;

	mutex_lock(&e->lock);
	for (ch = 0; ch < SFF8472_NUM_CHANNELS; ch++)
		seq_printf(s, "%s 0x%04x drift %d %d %d\n", emul_chan_names[ch],
			   emul_value(e, ch), e->step[ch], e->dmin[ch],
			   e->dmax[ch]);
	seq_printf(s, "live %d latched %d every_xfers %u period_ms %u\n",
		   e->live, e->latched, e->every_xfers, e->period_ms);
	mutex_unlock(&e->lock);
	return 0;
}

/*
 * "<chan> <raw>", "drift <chan> <step> <min> <max>", "rate <xfers> <ms>",
 * "update", "latched <0|1>".
 */
static ssize_t emul_write_live(struct file *file, const char __user *ubuf,
			       size_t count, loff_t *ppos)
{
	struct sff8472_emul *e = file_inode(file)->i_private;
	char buf[96], *argv[5];
	u16 v[3];
	s16 step;
	u32 a, b;
	int argc, ch, ret = -EINVAL;

	argc = emul_get_cmd(ubuf, count, buf, sizeof(buf), argv, 5);
	if (argc < 1)
		return argc < 0 ? argc : -EINVAL;
	if (!strcmp(argv[0], "update") && argc == 1) {
		sff8472_emul_update(e);
		ret = 0;
	} else if (!strcmp(argv[0], "latched") && argc == 2) {
		bool on;

		ret = kstrtobool(argv[1], &on);
		if (!ret)
			sff8472_emul_set_latched(e, on);
	} else if (!strcmp(argv[0], "rate") && argc == 3) {
		ret = kstrtou32(argv[1], 0, &a) ?: kstrtou32(argv[2], 0, &b);
		if (!ret)
			sff8472_emul_set_update_rate(e, a, b);
	} else if (!strcmp(argv[0], "drift") && argc == 5) {
		ch = emul_parse_chan(argv[1]);
		if (ch < 0)
			return ch;
		ret = kstrtos16(argv[2], 0, &step) ?:
		      kstrtou16(argv[3], 0, &v[0]) ?:
		      kstrtou16(argv[4], 0, &v[1]);
		if (!ret)
			ret = sff8472_emul_set_drift(e, ch, step, v[0], v[1]);
	} else if (argc == 2) {
		ch = emul_parse_chan(argv[0]);
		if (ch < 0)
			return ch;
		ret = kstrtou16(argv[1], 0, &v[2]);
		if (!ret)
			ret = sff8472_emul_set_live(e, ch, v[2]);
	}
	return ret ? ret : count;
}

static int emul_show_faults(struct seq_file *s, void *unused)
{
	struct sff8472_emul *e = s->private;

	mutex_lock(&e->lock);
	seq_printf(s, "nack_next %u\nnack_nth %u\nremove_after %u\nread_ff %d\n",
		   e->nack_next, e->nack_nth, e->remove_after, e->read_ff);
	seq_printf(s, "ff_nth %u\nff_from %u\nremove_nth %u\nnack_every %u\n",
		   e->ff_nth, e->ff_from, e->remove_nth, e->nack_every);
	seq_printf(s, "unstable %s %u %u %u\n",
		   e->unstable_dev == EMUL_DEV_A2 ? "a2" : "a0",
		   e->unstable_off, e->unstable_len, e->unstable_xfers);
	seq_printf(s, "slow_start_ms %u\ndata_ready_ms %u\nwrite_cycle_us %u\n",
		   e->slow_ms, e->drb_ms, e->write_cycle_us);
	mutex_unlock(&e->lock);
	return 0;
}

/* "unstable a0|a2 OFF LEN N" */
static int emul_write_unstable(struct sff8472_emul *e, char **argv)
{
	unsigned int page, off, len, n;
	int ret;

	if (!strcmp(argv[0], "a0"))
		page = SFF8472_EMUL_A0;
	else if (!strcmp(argv[0], "a2"))
		page = SFF8472_EMUL_A2;
	else
		return -EINVAL;
	ret = kstrtouint(argv[1], 0, &off) ?: kstrtouint(argv[2], 0, &len) ?:
	      kstrtouint(argv[3], 0, &n);
	return ret ?: sff8472_emul_unstable(e, page, off, len, n);
}

static ssize_t emul_write_faults(struct file *file, const char __user *ubuf,
				 size_t count, loff_t *ppos)
{
	struct sff8472_emul *e = file_inode(file)->i_private;
	char buf[64], *argv[5];
	unsigned int n = 0, k;
	int argc, ret;

	argc = emul_get_cmd(ubuf, count, buf, sizeof(buf), argv, 5);
	if (argc < 1)
		return argc < 0 ? argc : -EINVAL;
	if (argc == 1) {
		if (strcmp(argv[0], "clear"))
			return -EINVAL;
		sff8472_emul_clear_faults(e);
		return count;
	}
	if (!strcmp(argv[0], "unstable")) {
		ret = argc == 5 ? emul_write_unstable(e, argv + 1) : -EINVAL;
		return ret ?: count;
	}
	ret = kstrtouint(argv[1], 0, &n);
	if (ret)
		return ret;
	if (!strcmp(argv[0], "ff_nth") && argc == 3) {
		ret = kstrtouint(argv[2], 0, &k);
		if (ret)
			return ret;
		sff8472_emul_ff_nth_from(e, n, k);
		return count;
	}
	if (argc != 2)
		return -EINVAL;
	if (!strcmp(argv[0], "nack_next"))
		sff8472_emul_nack_next(e, n);
	else if (!strcmp(argv[0], "nack_nth"))
		sff8472_emul_nack_nth(e, n);
	else if (!strcmp(argv[0], "remove_after"))
		sff8472_emul_remove_after(e, n);
	else if (!strcmp(argv[0], "read_ff"))
		sff8472_emul_set_read_ff(e, n);
	else if (!strcmp(argv[0], "ff_nth"))
		sff8472_emul_ff_nth(e, n);
	else if (!strcmp(argv[0], "remove_nth"))
		sff8472_emul_remove_nth(e, n);
	else if (!strcmp(argv[0], "nack_every"))
		sff8472_emul_nack_every(e, n);
	else if (!strcmp(argv[0], "slow_start_ms"))
		sff8472_emul_set_slow_start(e, n);
	else if (!strcmp(argv[0], "data_ready_ms"))
		sff8472_emul_set_data_ready_delay(e, n);
	else if (!strcmp(argv[0], "write_cycle_us"))
		sff8472_emul_set_write_cycle(e, n);
	else
		return -EINVAL;
	return count;
}

static int emul_show_stats(struct seq_file *s, void *unused)
{
	struct sff8472_emul *e = s->private;
	struct sff8472_emul_stats st;

	sff8472_emul_get_stats(e, &st);
	seq_printf(s, "transactions %llu\nnacks %llu\nbytes_read %llu\n",
		   st.transactions, st.nacks, st.bytes_read);
	seq_printf(s, "bytes_written %llu\ntorn_reads %llu\nbits %llu\n",
		   st.bytes_written, st.torn_reads, st.bits);
	seq_printf(s, "bus_time_ns %llu\ngeneral_calls %llu\n",
		   st.bus_time_ns, st.general_calls);
	return 0;
}

/* Any write resets the counters. */
static ssize_t emul_write_stats(struct file *file, const char __user *ubuf,
				size_t count, loff_t *ppos)
{
	sff8472_emul_reset_stats(file_inode(file)->i_private);
	return count;
}

static int emul_show_present(struct seq_file *s, void *unused)
{
	seq_printf(s, "%d\n", sff8472_emul_present(s->private));
	return 0;
}

static ssize_t emul_write_present(struct file *file, const char __user *ubuf,
				  size_t count, loff_t *ppos)
{
	struct sff8472_emul *e = file_inode(file)->i_private;
	bool on;
	int ret;

	ret = kstrtobool_from_user(ubuf, count, &on);
	if (ret)
		return ret;
	if (!on) {
		sff8472_emul_remove(e);
		return count;
	}
	ret = sff8472_emul_insert(e);
	return ret ? ret : count;
}

static int emul_show_pins(struct seq_file *s, void *unused)
{
	seq_printf(s, "0x%x\n", sff8472_emul_get_pins(s->private));
	return 0;
}

static ssize_t emul_write_pins(struct file *file, const char __user *ubuf,
			       size_t count, loff_t *ppos)
{
	unsigned int pins;
	int ret;

	ret = kstrtouint_from_user(ubuf, count, 0, &pins);
	if (ret)
		return ret;
	sff8472_emul_set_pins(file_inode(file)->i_private, pins);
	return count;
}

static int emul_mode_show(struct seq_file *s, void *unused)
{
	struct sff8472_emul *e = s->private;

	seq_printf(s, "%s %u\n", sff8472_emul_mode_name(e->mode), e->max_len);
	return 0;
}

#define EMUL_RW_FILE(name)						\
static int emul_open_##name(struct inode *inode, struct file *file)	\
{									\
	return single_open(file, emul_show_##name, inode->i_private);	\
}									\
static const struct file_operations emul_##name##_fops = {		\
	.owner = THIS_MODULE,						\
	.open = emul_open_##name,					\
	.read = seq_read,						\
	.write = emul_write_##name,					\
	.llseek = seq_lseek,						\
	.release = single_release,					\
}

EMUL_RW_FILE(profile);
EMUL_RW_FILE(live);
EMUL_RW_FILE(faults);
EMUL_RW_FILE(stats);
EMUL_RW_FILE(present);
EMUL_RW_FILE(pins);
DEFINE_SHOW_ATTRIBUTE(emul_mode);

static void emul_debugfs_init(struct sff8472_emul *e)
{
	if (IS_ERR_OR_NULL(emul_debugfs_root))
		return;
	e->dir = debugfs_create_dir(dev_name(&e->adap.dev), emul_debugfs_root);
	debugfs_create_file("image", 0600, e->dir, e, &emul_image_fops);
	debugfs_create_file("profile", 0600, e->dir, e, &emul_profile_fops);
	debugfs_create_file("present", 0600, e->dir, e, &emul_present_fops);
	debugfs_create_file("live", 0600, e->dir, e, &emul_live_fops);
	debugfs_create_file("pins", 0600, e->dir, e, &emul_pins_fops);
	debugfs_create_file("faults", 0600, e->dir, e, &emul_faults_fops);
	debugfs_create_file("stats", 0600, e->dir, e, &emul_stats_fops);
	debugfs_create_file("mode", 0400, e->dir, e, &emul_mode_fops);
}

/* ---------------------------------------------------------------------- */
/* Creation                                                                */

static struct sff8472_emul *emul_create(struct device *parent,
					enum sff8472_emul_mode mode,
					unsigned int max_len,
					const char *profile)
{
	struct sff8472_emul *e;
	int ret;

	if (mode >= SFF8472_EMUL_NUM_MODES || max_len > U16_MAX)
		return ERR_PTR(-EINVAL);
	e = kzalloc_obj(*e, GFP_KERNEL);
	if (!e)
		return ERR_PTR(-ENOMEM);
	mutex_init(&e->lock);
	INIT_DELAYED_WORK(&e->work, emul_work);
	e->mode = mode;
	e->max_len = max_len;
	e->write_cycle_us = EMUL_WRITE_CYCLE_US;
	strscpy(e->profile, SFF8472_EMUL_PROFILE_EMPTY, sizeof(e->profile));

	e->adap.owner = THIS_MODULE;
	e->adap.algo = mode == SFF8472_EMUL_I2C ? &emul_i2c_algo :
						  &emul_smbus_algo;
	if (max_len && mode == SFF8472_EMUL_I2C) {
		e->quirks.max_read_len = max_len;
		e->quirks.max_write_len = max_len;
		e->adap.quirks = &e->quirks;
	}
	snprintf(e->adap.name, sizeof(e->adap.name), "sff8472-emul %s",
		 emul_mode_names[mode]);
	if (parent) {
		e->adap.dev.parent = parent;
		/* DT children of our node become clients on this adapter */
		e->adap.dev.of_node = parent->of_node;
	}
	i2c_set_adapdata(&e->adap, e);
	/* the module is in the cage before DT children are probed */
	ret = profile ? sff8472_emul_load_profile(e, profile) : 0;
	if (!ret)
		ret = i2c_add_adapter(&e->adap);
	if (ret) {
		mutex_destroy(&e->lock);
		kfree(e);
		return ERR_PTR(ret);
	}
	emul_debugfs_init(e);
	return e;
}

struct sff8472_emul *sff8472_emul_create(enum sff8472_emul_mode mode,
					 unsigned int max_xfer_len)
{
	return emul_create(NULL, mode, max_xfer_len, NULL);
}
EXPORT_SYMBOL_GPL(sff8472_emul_create);

void sff8472_emul_destroy(struct sff8472_emul *emul)
{
	if (IS_ERR_OR_NULL(emul))
		return;
	debugfs_remove_recursive(emul->dir);
	i2c_del_adapter(&emul->adap);
	mutex_lock(&emul->lock);
	emul->period_ms = 0;
	mutex_unlock(&emul->lock);
	cancel_delayed_work_sync(&emul->work);
	mutex_destroy(&emul->lock);
	kfree(emul);
}
EXPORT_SYMBOL_GPL(sff8472_emul_destroy);

void sff8472_emul_destroy_action(void *emul)
{
	sff8472_emul_destroy(emul);
}
EXPORT_SYMBOL_GPL(sff8472_emul_destroy_action);

static int emul_parse_mode(const char *s)
{
	int i;

	for (i = 0; i < SFF8472_EMUL_NUM_MODES; i++)
		if (sysfs_streq(s, emul_mode_names[i]))
			return i;
	return -EINVAL;
}

/* ---------------------------------------------------------------------- */
/* Device tree / platform driver                                           */

static int emul_probe(struct platform_device *pdev)
{
	struct device *dev = &pdev->dev;
	const char *s = "i2c", *profile = NULL;
	struct sff8472_emul *e;
	u32 max_len = 0;
	int mode;

	device_property_read_string(dev, "linux,mode", &s);
	mode = emul_parse_mode(s);
	if (mode < 0)
		return dev_err_probe(dev, mode, "unknown mode %s\n", s);
	device_property_read_u32(dev, "linux,max-transfer-len", &max_len);
	device_property_read_string(dev, "linux,profile", &profile);

	e = emul_create(dev, mode, max_len, profile);
	if (IS_ERR(e))
		return dev_err_probe(dev, PTR_ERR(e), "cannot create cage\n");
	platform_set_drvdata(pdev, e);
	return 0;
}

static void emul_remove(struct platform_device *pdev)
{
	sff8472_emul_destroy(platform_get_drvdata(pdev));
}

SFF8472_DEFINE_PLATFORM_REMOVE(emul_remove);

static const struct of_device_id emul_of_match[] = {
	{ .compatible = "linux,sff8472-emul" },
	{ }
};
MODULE_DEVICE_TABLE(of, emul_of_match);

static struct platform_driver emul_driver = {
	.driver = {
		.name = "sff8472-emul",
		.of_match_table = emul_of_match,
	},
	.probe = emul_probe,
	.remove = SFF8472_PLATFORM_REMOVE(emul_remove),
};

/* ---------------------------------------------------------------------- */
/* Module parameters: adapters without DT                                  */

#define EMUL_MAX_PARAM_CAGES 8

static char *cages[EMUL_MAX_PARAM_CAGES];
static int nr_cages;
module_param_array(cages, charp, &nr_cages, 0444);
MODULE_PARM_DESC(cages,
		 "Adapters to create, each mode[:profile[:max_len]], e.g. i2c:internal,smbus-byte:copper");

static struct sff8472_emul *param_emuls[EMUL_MAX_PARAM_CAGES];

static int emul_create_param(const char *spec, struct sff8472_emul **out)
{
	char *dup, *p, *mode_s, *profile, *len_s;
	unsigned int max_len = 0;
	struct sff8472_emul *e;
	int mode, ret = 0;

	dup = kstrdup(spec, GFP_KERNEL);
	if (!dup)
		return -ENOMEM;
	p = dup;
	mode_s = strsep(&p, ":");
	profile = strsep(&p, ":");
	len_s = strsep(&p, ":");
	mode = emul_parse_mode(mode_s);
	if (mode < 0)
		ret = mode;
	if (!ret && len_s)
		ret = kstrtouint(len_s, 0, &max_len);
	if (ret)
		goto out;
	e = sff8472_emul_create(mode, max_len);
	if (IS_ERR(e)) {
		ret = PTR_ERR(e);
		goto out;
	}
	if (profile && *profile)
		ret = sff8472_emul_load_profile(e, profile);
	if (ret)
		sff8472_emul_destroy(e);
	else
		*out = e;
out:
	kfree(dup);
	return ret;
}

static void emul_destroy_params(void)
{
	int i;

	for (i = 0; i < EMUL_MAX_PARAM_CAGES; i++) {
		sff8472_emul_destroy(param_emuls[i]);
		param_emuls[i] = NULL;
	}
}

static int __init sff8472_emul_init(void)
{
	int i, ret;

	emul_debugfs_root = debugfs_create_dir("sff8472-emul", NULL);
	ret = platform_driver_register(&emul_driver);
	if (ret)
		goto err_debugfs;
	for (i = 0; i < nr_cages; i++) {
		ret = emul_create_param(cages[i], &param_emuls[i]);
		if (ret) {
			pr_err("sff8472-emul: cage \"%s\": %d\n", cages[i], ret);
			goto err_cages;
		}
	}
	return 0;

err_cages:
	emul_destroy_params();
	platform_driver_unregister(&emul_driver);
err_debugfs:
	debugfs_remove_recursive(emul_debugfs_root);
	return ret;
}
module_init(sff8472_emul_init);

static void __exit sff8472_emul_exit(void)
{
	emul_destroy_params();
	platform_driver_unregister(&emul_driver);
	debugfs_remove_recursive(emul_debugfs_root);
}
module_exit(sff8472_emul_exit);

MODULE_DESCRIPTION("Emulated SFF-8472 transceivers (tests and demos only)");
MODULE_LICENSE("GPL");
MODULE_VERSION(SFF8472_VERSION);
