// SPDX-License-Identifier: GPL-2.0-only
/*
 * SFF-8472 calibration core: raw A/D value -> physical unit, integers only.
 *
 * Semantics (SFF-8472 rev 11.0, "Internal Calibration", "External
 * Calibration", Table 3.16 and 3.16a-d):
 *
 * Constants. cal->external is A0h byte 92 bit 4. Only then are the constants
 * in A2h bytes 56-91 used (all big-endian): Rx_PWR(4..0) at 56, 60, 64, 68,
 * 72; Tx_I slope/offset at 76/78, Tx_PWR at 80/82, T at 84/86, V at 88/90.
 * Internally calibrated modules often carry garbage there, so otherwise the
 * structure holds the identity (slope 0x0100, offset 0, coefficients 0) and
 * sff8472_calibrate() ignores it anyway.
 *
 * Internal calibration. Temperature is s16 in 1/256 °C; Vcc is u16 in
 * 100 µV; bias is u16 in 2 µA; TX and RX power are u16 in 0.1 µW.
 *
 * External, linear channels (temperature, Vcc, bias, TX power):
 *	value[LSB] = slope / 256 * raw + offset
 * slope is unsigned 8.8 fixed point, offset is signed 16-bit in the LSB of
 * the channel. The temperature raw value is sign-extended before the slope
 * is applied. Computed exactly as v256 = slope * raw + offset * 256 (s64).
 *
 * External RX power: value[LSB] = sum(i = 0..4) c[i] * x^i, x = raw (u16),
 * c[i] IEEE-754 single precision bit patterns decoded in integer arithmetic.
 * A NaN or infinite coefficient makes the RX channel fail with -EINVAL (the
 * other channels do not look at the coefficients). Zero and denormal
 * coefficients count as 0. Each term is the exact 88-bit product of the
 * 24-bit mantissa and x^i (which fits in u64), scaled by its exponent into a
 * signed 128-bit fixed-point number with 64 fractional bits; bits below
 * 2^-64 LSB are truncated, so the sum is within 5 * 2^-64 LSB of the exact
 * value and the rounded result is exact unless the exact value lies within
 * that margin of a rounding tie or of a clamp limit.
 *
 * Out-of-range terms. A term whose exact magnitude is at least 2^48 LSB
 * (2^32 times the whole output range) is not added. If all such terms have
 * the same sign the result saturates in that direction (65535 LSB if
 * positive, 0 if negative), whatever the other terms are; if there are such
 * terms of both signs the result is undefined and the call returns -ERANGE.
 * Every in-range term is below 2^48, so the accumulator cannot overflow.
 *
 * Clamping and rounding. The exact value is clamped to the range of the
 * 16-bit result: temperature -32768..32767 (1/256 °C), everything else
 * 0..65535 LSB. It is then converted to the requested unit with a single
 * rounding, half away from zero:
 *	SFF8472_UNIT_HWMON: m°C = LSB * 1000 / 256, mV = LSB / 10,
 *			    mA = LSB * 2 / 1000, µW = LSB / 10
 *	SFF8472_UNIT_FINE:  1/256 °C = LSB, 100 µV = LSB, µA = LSB * 2,
 *			    0.1 µW = LSB
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
