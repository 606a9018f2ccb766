// SPDX-License-Identifier: GPL-2.0-only
/*
 * SFF-8472 calibration core: raw A/D value to physical unit, integers only.
 * The rules are sff8472_calibrate()'s (sff8472_decode.h) and
 * Documentation/hwmon/sff8472.rst's ("Calibration").
 *
 * The linear channels are exact: v256 = slope * raw + offset * 256 (s64).
 * The RX power polynomial decodes each IEEE 754 coefficient in integer
 * arithmetic (zero and denormals count as 0): a term is the exact 88-bit
 * product of the 24-bit mantissa and x^i, which fits in u64, scaled by its
 * exponent into signed 128-bit fixed point with 64 fractional bits. Bits
 * below 2^-64 LSB are truncated, so the sum is within 5 * 2^-64 LSB of the
 * exact value, and the one rounding is exact unless the value lies within
 * that margin of a tie or a clamp limit. Terms of 2^48 LSB or more are not
 * added, so the sum cannot overflow.
 */

#include <kunit/visibility.h>
#include <linux/bitops.h>
#include <linux/bits.h>
#include <linux/errno.h>
#include <linux/export.h>
#include <linux/math64.h>
#include <linux/minmax.h>
#include "sff8472_compat.h"

#include "sff8472_decode.h"

#define SFF8472_SLOPE_ONE	0x0100
#define SFF8472_RX_TERMS	5
/* A term of at least 2^SFF8472_RX_TERM_BITS LSB saturates (see above). */
#define SFF8472_RX_TERM_BITS	48
#define SFF8472_LSB_MAX		65535
#define SFF8472_TEMP_MIN	(-32768)
#define SFF8472_TEMP_MAX	32767

/* A2h offsets of the slopes, each followed by its offset (Table 3.16). */
static const u8 sff8472_cal_slope_reg[SFF8472_RX_POWER] = {
	[SFF8472_TEMP]		= SFP_CAL_T_SLOPE,
	[SFF8472_VCC]		= SFP_CAL_V_SLOPE,
	[SFF8472_BIAS]		= SFP_CAL_TXI_SLOPE,
	[SFF8472_TX_POWER]	= SFP_CAL_TXPWR_SLOPE,
};

/* output = LSB * num / den */
struct sff8472_scale {
	u16 num;
	u16 den;
};

static const struct sff8472_scale sff8472_scales[SFF8472_NUM_CHANNELS][2] = {
	[SFF8472_TEMP] = {
		[SFF8472_UNIT_HWMON]	= { 1000, 256 },
		[SFF8472_UNIT_FINE]	= { 1, 1 },
	},
	[SFF8472_VCC] = {
		[SFF8472_UNIT_HWMON]	= { 1, 10 },
		[SFF8472_UNIT_FINE]	= { 1, 1 },
	},
	[SFF8472_BIAS] = {
		[SFF8472_UNIT_HWMON]	= { 1, 500 },
		[SFF8472_UNIT_FINE]	= { 2, 1 },
	},
	[SFF8472_TX_POWER] = {
		[SFF8472_UNIT_HWMON]	= { 1, 10 },
		[SFF8472_UNIT_FINE]	= { 1, 1 },
	},
	[SFF8472_RX_POWER] = {
		[SFF8472_UNIT_HWMON]	= { 1, 10 },
		[SFF8472_UNIT_FINE]	= { 1, 1 },
	},
};

/* Signed fixed point, value = hi + lo / 2^64 (two's complement over 128 bits). */
struct sff8472_fx {
	s64 hi;
	u64 lo;
};

static void sff8472_fx_add(struct sff8472_fx *acc, s64 hi, u64 lo)
{
	u64 sum = acc->lo + lo;

	acc->hi += hi + (sum < lo);
	acc->lo = sum;
}

void sff8472_decode_calibration(const u8 a2[SFF8472_DMI_STATIC_LEN], u8 diag_type,
				struct sff8472_calibration *cal)
{
	const u8 *p = a2 + SFP_CAL_RXPWR4;
	int ch, i;

	cal->external = diag_type & SFP_DIAGMON_EXT_CAL;
	for (ch = 0; ch < SFF8472_RX_POWER; ch++) {
		const u8 *reg = a2 + sff8472_cal_slope_reg[ch];

		cal->slope[ch] = cal->external ? get_unaligned_be16(reg) :
						 SFF8472_SLOPE_ONE;
		cal->offset[ch] = cal->external ? (s16)get_unaligned_be16(reg + 2) : 0;
	}
	/* Rx_PWR(4) comes first, at byte 56. */
	for (i = 0; i < SFF8472_RX_TERMS; i++)
		cal->rx_pwr[i] = cal->external ?
			get_unaligned_be32(p + 4 * (SFF8472_RX_TERMS - 1 - i)) : 0;
}
EXPORT_SYMBOL_IF_KUNIT(sff8472_decode_calibration);

/*
 * Evaluate the Rx_PWR polynomial into @res (LSB of 0.1 µW, before clamping).
 * Returns 0, -EINVAL for a NaN/Inf coefficient or -ERANGE for out-of-range
 * terms of both signs.
 */
static int sff8472_rx_poly(const u32 coef[SFF8472_RX_TERMS], u16 x,
			   struct sff8472_fx *res)
{
	bool pos_huge = false, neg_huge = false;
	struct sff8472_fx acc = { 0, 0 };
	u64 xp = 1;	/* x^i */
	int i;

	for (i = 0; i < SFF8472_RX_TERMS; i++)
		if (((coef[i] >> 23) & 0xff) == 0xff)
			return -EINVAL;

	for (i = 0; i < SFF8472_RX_TERMS; i++) {
		u32 e = (coef[i] >> 23) & 0xff;
		bool neg = coef[i] & BIT(31);
		u64 m = (coef[i] & GENMASK(22, 0)) | BIT(23);
		u64 ph, pl, hi, lo;
		int bits, s;

		if (i)
			xp *= x;
		/* ±0 and denormals count as 0; so does x^i = 0. */
		if (!e || !xp)
			continue;

		/* P = m * x^i < 2^88 exactly; the term is P * 2^(e - 150). */
		ph = mul_u64_u64_shr(m, xp, 64);
		pl = m * xp;
		bits = ph ? 64 + fls64(ph) : fls64(pl);

		/* |term| >= 2^48  <=>  P >= 2^(198 - e)  <=>  bits >= 199 - e */
		if (bits + (int)e >= 151 + SFF8472_RX_TERM_BITS) {
			if (neg)
				neg_huge = true;
			else
				pos_huge = true;
			continue;
		}

		/* term * 2^64 = P * 2^(e - 86), < 2^112 here */
		s = (int)e - 86;
		if (s == 0) {
			hi = ph;
			lo = pl;
		} else if (s > 0 && s < 64) {
			hi = (ph << s) | (pl >> (64 - s));
			lo = pl << s;
		} else if (s >= 64) {
			hi = pl << (s - 64);
			lo = 0;
		} else if (s > -64) {
			hi = ph >> -s;
			lo = (pl >> -s) | (ph << (64 + s));
		} else {
			hi = 0;
			lo = ph >> (-s - 64);
		}

		if (neg) {
			/* two's complement negation of (hi, lo) */
			hi = ~hi + !lo;
			lo = -lo;
		}
		sff8472_fx_add(&acc, (s64)hi, lo);
	}

	if (pos_huge && neg_huge)
		return -ERANGE;
	if (pos_huge) {
		acc.hi = SFF8472_LSB_MAX;
		acc.lo = 0;
	} else if (neg_huge) {
		acc.hi = 0;
		acc.lo = 0;
	}
	*res = acc;
	return 0;
}

/* Round @v * num / den half away from zero; |v| <= 2^16. */
static s32 sff8472_scale_round(struct sff8472_fx v, const struct sff8472_scale *sc)
{
	bool neg = v.hi < 0;
	u64 twice;

	if (neg) {
		v.hi = ~v.hi + !v.lo;
		v.lo = -v.lo;
	}
	/* floor(2 * v * num), exact: the fraction of v only adds its floor */
	twice = (u64)v.hi * 2 * sc->num + mul_u64_u64_shr(v.lo, 2 * sc->num, 64);
	/* round(q) = floor((2 * v * num + den) / (2 * den)) for q >= 0 */
	twice = div_u64(twice + sc->den, 2 * sc->den);

	return neg ? -(s32)twice : (s32)twice;
}

int sff8472_calibrate(const struct sff8472_calibration *cal,
		      enum sff8472_channel ch, u16 raw,
		      enum sff8472_unit unit, s32 *out)
{
	struct sff8472_fx v;
	s64 v256;

	if ((unsigned int)ch >= SFF8472_NUM_CHANNELS ||
	    (unit != SFF8472_UNIT_HWMON && unit != SFF8472_UNIT_FINE))
		return -EINVAL;

	if (ch == SFF8472_RX_POWER && cal->external) {
		int ret = sff8472_rx_poly(cal->rx_pwr, raw, &v);

		if (ret)
			return ret;
		if (v.hi < 0) {
			v.hi = 0;
			v.lo = 0;
		} else if (v.hi >= SFF8472_LSB_MAX) {
			v.hi = SFF8472_LSB_MAX;
			v.lo = 0;
		}
	} else {
		s64 x = ch == SFF8472_TEMP ? (s16)raw : raw;

		if (cal->external && ch != SFF8472_RX_POWER)
			v256 = cal->slope[ch] * x + cal->offset[ch] * 256LL;
		else
			v256 = x * 256;

		if (ch == SFF8472_TEMP)
			v256 = clamp_t(s64, v256, SFF8472_TEMP_MIN * 256LL,
				       SFF8472_TEMP_MAX * 256LL);
		else
			v256 = clamp_t(s64, v256, 0, SFF8472_LSB_MAX * 256LL);

		/* exact: floor division by 256 and the remainder as fraction */
		v.hi = v256 >> 8;
		v.lo = (u64)(v256 & 0xff) << 56;
	}

	*out = sff8472_scale_round(v, &sff8472_scales[ch][unit]);
	return 0;
}
EXPORT_SYMBOL_IF_KUNIT(sff8472_calibrate);
