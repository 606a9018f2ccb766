// SPDX-License-Identifier: GPL-2.0-only
/*
 * KUnit tests for the SFF-8472 calibration core.
 *
 * The table vectors come from gen_calibration_vectors.py of the sff8472
 * project (kunit/), an exact (Python fractions) reference independent of
 * the C code; the spot checks below derive their expected values by hand
 * from SFF-8472 rev 11.0.
 */

#include <kunit/test.h>
#include <linux/array_size.h>
#include <linux/module.h>
#include <linux/string.h>

#include "sff8472_compat.h"
#include "sff8472_decode.h"
#include "sff8472_calibration_vectors.h"

#define F32_NAN		0x7fc00000
#define F32_ONE		0x3f800000

static void sff8472_cal_check_lin(struct kunit *test,
				  const struct sff8472_cal_lin_vector *vec,
				  size_t n)
{
	size_t i;

	for (i = 0; i < n; i++) {
		const struct sff8472_cal_lin_vector *v = &vec[i];
		struct sff8472_calibration cal = { .external = v->external };
		s32 out = 0;
		int ch, ret;

		/*
		 * Garbage everywhere the vector does not define: other channels'
		 * constants and NaN RX coefficients must not leak into this one.
		 */
		for (ch = 0; ch < SFF8472_RX_POWER; ch++) {
			cal.slope[ch] = 0x1234;
			cal.offset[ch] = -777;
		}
		memset32(cal.rx_pwr, F32_NAN, ARRAY_SIZE(cal.rx_pwr));
		if (v->channel < SFF8472_RX_POWER) {
			cal.slope[v->channel] = v->slope;
			cal.offset[v->channel] = v->offset;
		}

		ret = sff8472_calibrate(&cal, v->channel, v->raw, v->unit, &out);
		KUNIT_EXPECT_EQ_MSG(test, ret, 0, "vector %zu", i);
		KUNIT_EXPECT_EQ_MSG(test, out, v->expected,
				    "vector %zu: ch %u unit %u ext %d slope 0x%04x offset %d raw 0x%04x",
				    i, v->channel, v->unit, v->external, v->slope,
				    v->offset, v->raw);
	}
}

static void sff8472_cal_check_rx(struct kunit *test,
				 const struct sff8472_cal_rx_vector *vec,
				 size_t n)
{
	size_t i;

	for (i = 0; i < n; i++) {
		const struct sff8472_cal_rx_vector *v = &vec[i];
		struct sff8472_calibration cal = { .external = true };
		s32 out = 0;
		int ret;

		memcpy(cal.rx_pwr, v->coef, sizeof(cal.rx_pwr));
		ret = sff8472_calibrate(&cal, SFF8472_RX_POWER, v->raw, v->unit, &out);
		KUNIT_EXPECT_EQ_MSG(test, ret, v->error, "vector %zu", i);
		if (!ret && !v->error)
			KUNIT_EXPECT_EQ_MSG(test, out, v->expected,
					    "vector %zu: unit %u raw 0x%04x c %08x %08x %08x %08x %08x",
					    i, v->unit, v->raw, v->coef[0], v->coef[1],
					    v->coef[2], v->coef[3], v->coef[4]);
	}
}

static void sff8472_cal_internal_vectors_test(struct kunit *test)
{
	sff8472_cal_check_lin(test, sff8472_cal_internal_vectors,
			      ARRAY_SIZE(sff8472_cal_internal_vectors));
}

static void sff8472_cal_linear_vectors_test(struct kunit *test)
{
	sff8472_cal_check_lin(test, sff8472_cal_linear_vectors,
			      ARRAY_SIZE(sff8472_cal_linear_vectors));
}

static void sff8472_cal_rx_vectors_test(struct kunit *test)
{
	sff8472_cal_check_rx(test, sff8472_cal_rx_vectors,
			     ARRAY_SIZE(sff8472_cal_rx_vectors));
}

static void sff8472_cal_rx_special_vectors_test(struct kunit *test)
{
	sff8472_cal_check_rx(test, sff8472_cal_rx_special_vectors,
			     ARRAY_SIZE(sff8472_cal_rx_special_vectors));
}

/* Calibrate one value, expecting success. */
static s32 cal1(struct kunit *test, const struct sff8472_calibration *cal,
		enum sff8472_channel ch, u16 raw, enum sff8472_unit unit)
{
	s32 out = S32_MIN;

	KUNIT_EXPECT_EQ(test, sff8472_calibrate(cal, ch, raw, unit, &out), 0);
	return out;
}

static const struct sff8472_calibration sff8472_cal_identity = {
	.slope = { 0x0100, 0x0100, 0x0100, 0x0100 },
};

static void sff8472_cal_internal_spot_test(struct kunit *test)
{
	const struct sff8472_calibration *id = &sff8472_cal_identity;
	const enum sff8472_unit H = SFF8472_UNIT_HWMON, F = SFF8472_UNIT_FINE;

	/* Table 3.14: 0xD800 is -40 °C; 0xD2FF = -11521/256 = -45.00390625 °C */
	KUNIT_EXPECT_EQ(test, cal1(test, id, SFF8472_TEMP, 0xd800, H), -40000);
	KUNIT_EXPECT_EQ(test, cal1(test, id, SFF8472_TEMP, 0xd2ff, H), -45004);
	KUNIT_EXPECT_EQ(test, cal1(test, id, SFF8472_TEMP, 0xd2ff, F), -11521);
	/* 0x7FFF = 127 255/256 °C = 127996.09 m°C; 0x8000 = -128 °C */
	KUNIT_EXPECT_EQ(test, cal1(test, id, SFF8472_TEMP, 0x7fff, H), 127996);
	KUNIT_EXPECT_EQ(test, cal1(test, id, SFF8472_TEMP, 0x8000, H), -128000);
	/* 16/256 °C = 62.5 m°C: a tie, rounded away from zero both ways */
	KUNIT_EXPECT_EQ(test, cal1(test, id, SFF8472_TEMP, 0x0010, H), 63);
	KUNIT_EXPECT_EQ(test, cal1(test, id, SFF8472_TEMP, 0xfff0, H), -63);
	/* Vcc 33000 * 100 µV = 3.3 V; 0xFFFF = 6553.5 mV -> 6554 */
	KUNIT_EXPECT_EQ(test, cal1(test, id, SFF8472_VCC, 33000, H), 3300);
	KUNIT_EXPECT_EQ(test, cal1(test, id, SFF8472_VCC, 0xffff, H), 6554);
	/* bias 3000 * 2 µA = 6 mA; 250 * 2 µA = 0.5 mA -> 1 mA; FINE in µA */
	KUNIT_EXPECT_EQ(test, cal1(test, id, SFF8472_BIAS, 3000, H), 6);
	KUNIT_EXPECT_EQ(test, cal1(test, id, SFF8472_BIAS, 250, H), 1);
	KUNIT_EXPECT_EQ(test, cal1(test, id, SFF8472_BIAS, 249, H), 0);
	KUNIT_EXPECT_EQ(test, cal1(test, id, SFF8472_BIAS, 0xffff, F), 131070);
	/* power 5000 * 0.1 µW = 500 µW; 15 * 0.1 = 1.5 µW -> 2 */
	KUNIT_EXPECT_EQ(test, cal1(test, id, SFF8472_TX_POWER, 5000, H), 500);
	KUNIT_EXPECT_EQ(test, cal1(test, id, SFF8472_RX_POWER, 15, H), 2);
	KUNIT_EXPECT_EQ(test, cal1(test, id, SFF8472_RX_POWER, 14, H), 1);
	KUNIT_EXPECT_EQ(test, cal1(test, id, SFF8472_RX_POWER, 0xffff, F), 65535);
}

static void sff8472_cal_linear_spot_test(struct kunit *test)
{
	struct sff8472_calibration cal = sff8472_cal_identity;
	const enum sff8472_unit H = SFF8472_UNIT_HWMON, F = SFF8472_UNIT_FINE;

	cal.external = true;

	/* Vcc slope 1.5, offset -10: 1.5 * 33000 - 10 = 49490 LSB = 4949.0 mV */
	cal.slope[SFF8472_VCC] = 0x0180;
	cal.offset[SFF8472_VCC] = -10;
	KUNIT_EXPECT_EQ(test, cal1(test, &cal, SFF8472_VCC, 33000, H), 4949);
	KUNIT_EXPECT_EQ(test, cal1(test, &cal, SFF8472_VCC, 33000, F), 49490);
	/* 1.5 * 3 - 10 = -5.5 LSB: clamped to 0 */
	KUNIT_EXPECT_EQ(test, cal1(test, &cal, SFF8472_VCC, 3, F), 0);

	/*
	 * sfp.c bug 1 (unsigned offset): a -10 mV offset is -100 LSB;
	 * 33000 - 100 = 32900 LSB = 3290 mV, not (33000 + 65436) -> 9844 mV.
	 */
	cal.slope[SFF8472_VCC] = 0x0100;
	cal.offset[SFF8472_VCC] = -100;
	KUNIT_EXPECT_EQ(test, cal1(test, &cal, SFF8472_VCC, 33000, H), 3290);
	KUNIT_EXPECT_EQ(test, cal1(test, &cal, SFF8472_VCC, 150, H), 5);
	KUNIT_EXPECT_EQ(test, cal1(test, &cal, SFF8472_VCC, 50, H), 0);

	/*
	 * sfp.c bug 2 (slope before sign extension): slope 0.5 and raw 0xEC00
	 * (-5120) give -2560 LSB = -10 °C, not 0.5 * 60416 = +118 °C.
	 */
	cal.slope[SFF8472_TEMP] = 0x0080;
	cal.offset[SFF8472_TEMP] = 0;
	KUNIT_EXPECT_EQ(test, cal1(test, &cal, SFF8472_TEMP, 0xec00, H), -10000);
	KUNIT_EXPECT_EQ(test, cal1(test, &cal, SFF8472_TEMP, 0xec00, F), -2560);
	/* 0.5 * -5121 - 1 = -2561.5 LSB = -10005.859375 m°C -> -10006 */
	cal.offset[SFF8472_TEMP] = -1;
	KUNIT_EXPECT_EQ(test, cal1(test, &cal, SFF8472_TEMP, 0xebff, H), -10006);
	/* FINE rounds -2561.5 half away from zero: -2562 */
	KUNIT_EXPECT_EQ(test, cal1(test, &cal, SFF8472_TEMP, 0xebff, F), -2562);

	/* temperature clamps to -32768..32767 LSB */
	cal.slope[SFF8472_TEMP] = 0x0200;
	cal.offset[SFF8472_TEMP] = 0;
	KUNIT_EXPECT_EQ(test, cal1(test, &cal, SFF8472_TEMP, 0x7000, H), 127996);
	KUNIT_EXPECT_EQ(test, cal1(test, &cal, SFF8472_TEMP, 0x9000, F), -32768);

	/* bias slope 255.99609375 (0xFFFF), raw 0xFFFF: clamps at 131.07 mA */
	cal.slope[SFF8472_BIAS] = 0xffff;
	KUNIT_EXPECT_EQ(test, cal1(test, &cal, SFF8472_BIAS, 0xffff, H), 131);
	KUNIT_EXPECT_EQ(test, cal1(test, &cal, SFF8472_BIAS, 0xffff, F), 131070);
	/* slope 0 leaves the offset: 32767 LSB * 2 µA = 65.534 mA -> 66 */
	cal.slope[SFF8472_BIAS] = 0;
	cal.offset[SFF8472_BIAS] = 32767;
	KUNIT_EXPECT_EQ(test, cal1(test, &cal, SFF8472_BIAS, 1234, H), 66);
	/* TX slope 1/256, raw 0xFFFF: 255.99609375 LSB = 25.599609375 µW -> 26 */
	cal.slope[SFF8472_TX_POWER] = 0x0001;
	KUNIT_EXPECT_EQ(test, cal1(test, &cal, SFF8472_TX_POWER, 0xffff, H), 26);
	KUNIT_EXPECT_EQ(test, cal1(test, &cal, SFF8472_TX_POWER, 0xffff, F), 256);

	/* without bit 4 the same constants are ignored */
	cal.external = false;
	KUNIT_EXPECT_EQ(test, cal1(test, &cal, SFF8472_TEMP, 0xec00, F), -5120);
	KUNIT_EXPECT_EQ(test, cal1(test, &cal, SFF8472_VCC, 33000, H), 3300);
}

static void sff8472_cal_rx_spot_test(struct kunit *test)
{
	struct sff8472_calibration cal = sff8472_cal_identity;
	const enum sff8472_unit H = SFF8472_UNIT_HWMON, F = SFF8472_UNIT_FINE;
	s32 out = 0;

	cal.external = true;

	/*
	 * c0 = -1.5 (0xBFC00000), c1 = 0.5 (0x3F000000), c2 = 2^-20
	 * (0x35800000), x = 1000: -1.5 + 500 + 10^6 / 2^20 = 499.4537 LSB
	 * -> 499 (0.1 µW) and 49.945 -> 50 µW.
	 */
	cal.rx_pwr[0] = 0xbfc00000;
	cal.rx_pwr[1] = 0x3f000000;
	cal.rx_pwr[2] = 0x35800000;
	KUNIT_EXPECT_EQ(test, cal1(test, &cal, SFF8472_RX_POWER, 1000, F), 499);
	KUNIT_EXPECT_EQ(test, cal1(test, &cal, SFF8472_RX_POWER, 1000, H), 50);
	/* x = 0: -1.5 clamps to 0 */
	KUNIT_EXPECT_EQ(test, cal1(test, &cal, SFF8472_RX_POWER, 0, F), 0);
	/* c4 = 2^-64 (0x1F800000), x = 65535: 0.99993896..., c3..c1 = 0, c0 = 0 */
	memset32(cal.rx_pwr, 0, ARRAY_SIZE(cal.rx_pwr));
	cal.rx_pwr[4] = 0x1f800000;
	KUNIT_EXPECT_EQ(test, cal1(test, &cal, SFF8472_RX_POWER, 0xffff, F), 1);
	/* denormal and -0 coefficients count as 0 */
	cal.rx_pwr[4] = 0x007fffff;
	cal.rx_pwr[0] = 0x80000000;
	cal.rx_pwr[1] = F32_ONE;
	KUNIT_EXPECT_EQ(test, cal1(test, &cal, SFF8472_RX_POWER, 12345, F), 12345);

	/* NaN or Inf anywhere: -EINVAL, even where its term would be x^4 * 0 */
	cal.rx_pwr[4] = F32_NAN;
	KUNIT_EXPECT_EQ(test, sff8472_calibrate(&cal, SFF8472_RX_POWER, 0, F, &out),
			-EINVAL);
	cal.rx_pwr[4] = 0xff800000;
	KUNIT_EXPECT_EQ(test, sff8472_calibrate(&cal, SFF8472_RX_POWER, 5, H, &out),
			-EINVAL);
	/* ... but only for RX power, and only with external calibration */
	KUNIT_EXPECT_EQ(test, cal1(test, &cal, SFF8472_TX_POWER, 5, F), 5);
	cal.external = false;
	KUNIT_EXPECT_EQ(test, cal1(test, &cal, SFF8472_RX_POWER, 5, F), 5);
	cal.external = true;

	/*
	 * Out-of-range terms (|term| >= 2^48 LSB): c4 = 1e30 (0x7149F2CA)
	 * saturates up, c0 = -1e30 (0xF149F2CA) saturates down, both: -ERANGE.
	 */
	memset32(cal.rx_pwr, 0, ARRAY_SIZE(cal.rx_pwr));
	cal.rx_pwr[4] = 0x7149f2ca;
	KUNIT_EXPECT_EQ(test, cal1(test, &cal, SFF8472_RX_POWER, 1, F), 65535);
	KUNIT_EXPECT_EQ(test, cal1(test, &cal, SFF8472_RX_POWER, 0, F), 0);
	KUNIT_EXPECT_EQ(test, cal1(test, &cal, SFF8472_RX_POWER, 0xffff, H), 6554);
	cal.rx_pwr[0] = 0xf149f2ca;
	KUNIT_EXPECT_EQ(test, sff8472_calibrate(&cal, SFF8472_RX_POWER, 1, F, &out),
			-ERANGE);
	/* x = 0: the c4 term is 0, only c0 = -1e30 is out of range -> 0 */
	KUNIT_EXPECT_EQ(test, cal1(test, &cal, SFF8472_RX_POWER, 0, F), 0);
	/* 2^127 * 65535^4 (exponent 254, largest x): saturates, no overflow */
	cal.rx_pwr[0] = 0;
	cal.rx_pwr[4] = 0x7f7fffff;
	KUNIT_EXPECT_EQ(test, cal1(test, &cal, SFF8472_RX_POWER, 0xffff, F), 65535);
	/* the bound itself: c1 = 2^33 (0x50000000), x = 2^15 -> 2^48: out of range */
	memset32(cal.rx_pwr, 0, ARRAY_SIZE(cal.rx_pwr));
	cal.rx_pwr[1] = 0x50000000;
	cal.rx_pwr[2] = 0xc8800000;	/* -2^18: x^2 term -2^48 */
	KUNIT_EXPECT_EQ(test, sff8472_calibrate(&cal, SFF8472_RX_POWER, 0x8000, F, &out),
			-ERANGE);
	/* c2 = -(2^18 - 2^-6) (0xC87FFFFF): term -(2^48 - 2^24) is in range */
	cal.rx_pwr[2] = 0xc87fffff;
	KUNIT_EXPECT_EQ(test, cal1(test, &cal, SFF8472_RX_POWER, 0x8000, F), 65535);
}

static void sff8472_cal_bad_args_test(struct kunit *test)
{
	s32 out = 0;

	KUNIT_EXPECT_EQ(test, sff8472_calibrate(&sff8472_cal_identity,
						SFF8472_NUM_CHANNELS, 0,
						SFF8472_UNIT_HWMON, &out), -EINVAL);
	KUNIT_EXPECT_EQ(test, sff8472_calibrate(&sff8472_cal_identity, SFF8472_VCC, 0,
						(enum sff8472_unit)2, &out), -EINVAL);
}

static void sff8472_cal_decode_test(struct kunit *test)
{
	static const u8 consts[36] = {
		0x00, 0x00, 0x00, 0x01,	/* 56: Rx_PWR(4) */
		0x80, 0x00, 0x00, 0x00,	/* 60: Rx_PWR(3) */
		0x35, 0x80, 0x00, 0x00,	/* 64: Rx_PWR(2) */
		0x3f, 0x80, 0x00, 0x00,	/* 68: Rx_PWR(1) */
		0xbf, 0xc0, 0x00, 0x00,	/* 72: Rx_PWR(0) */
		0x01, 0x08, 0xff, 0xfe,	/* 76: Tx_I slope 1.03125, offset -2 */
		0x02, 0x00, 0x7f, 0xff,	/* 80: Tx_PWR slope 2, offset 32767 */
		0x00, 0x80, 0x80, 0x00,	/* 84: T slope 0.5, offset -32768 */
		0xff, 0xff, 0xff, 0x9c,	/* 88: V slope 255.996, offset -100 */
	};
	struct sff8472_calibration cal;
	u8 a2[SFF8472_DMI_STATIC_LEN];
	unsigned int i;
	int ch;

	memset(a2, 0xa5, sizeof(a2));
	memcpy(a2 + SFP_CAL_RXPWR4, consts, sizeof(consts));

	sff8472_decode_calibration(a2, SFP_DIAGMON_DDM | SFP_DIAGMON_EXT_CAL, &cal);
	KUNIT_EXPECT_TRUE(test, cal.external);
	KUNIT_EXPECT_EQ(test, cal.rx_pwr[4], 0x00000001);
	KUNIT_EXPECT_EQ(test, cal.rx_pwr[3], 0x80000000);
	KUNIT_EXPECT_EQ(test, cal.rx_pwr[2], 0x35800000);
	KUNIT_EXPECT_EQ(test, cal.rx_pwr[1], 0x3f800000);
	KUNIT_EXPECT_EQ(test, cal.rx_pwr[0], 0xbfc00000);
	KUNIT_EXPECT_EQ(test, cal.slope[SFF8472_BIAS], 0x0108);
	KUNIT_EXPECT_EQ(test, cal.offset[SFF8472_BIAS], -2);
	KUNIT_EXPECT_EQ(test, cal.slope[SFF8472_TX_POWER], 0x0200);
	KUNIT_EXPECT_EQ(test, cal.offset[SFF8472_TX_POWER], 32767);
	KUNIT_EXPECT_EQ(test, cal.slope[SFF8472_TEMP], 0x0080);
	KUNIT_EXPECT_EQ(test, cal.offset[SFF8472_TEMP], -32768);
	KUNIT_EXPECT_EQ(test, cal.slope[SFF8472_VCC], 0xffff);
	KUNIT_EXPECT_EQ(test, cal.offset[SFF8472_VCC], -100);

	/* internal (both calibration bits set counts as external above) */
	sff8472_decode_calibration(a2, SFP_DIAGMON_DDM | SFP_DIAGMON_INT_CAL, &cal);
	KUNIT_EXPECT_FALSE(test, cal.external);
	for (ch = 0; ch < SFF8472_RX_POWER; ch++) {
		KUNIT_EXPECT_EQ(test, cal.slope[ch], 0x0100);
		KUNIT_EXPECT_EQ(test, cal.offset[ch], 0);
	}
	for (i = 0; i < ARRAY_SIZE(cal.rx_pwr); i++)
		KUNIT_EXPECT_EQ(test, cal.rx_pwr[i], 0);

	sff8472_decode_calibration(a2, SFP_DIAGMON_INT_CAL | SFP_DIAGMON_EXT_CAL, &cal);
	KUNIT_EXPECT_TRUE(test, cal.external);
}

static struct kunit_case sff8472_calibration_cases[] = {
	KUNIT_CASE(sff8472_cal_internal_vectors_test),
	KUNIT_CASE(sff8472_cal_linear_vectors_test),
	KUNIT_CASE(sff8472_cal_rx_vectors_test),
	KUNIT_CASE(sff8472_cal_rx_special_vectors_test),
	KUNIT_CASE(sff8472_cal_internal_spot_test),
	KUNIT_CASE(sff8472_cal_linear_spot_test),
	KUNIT_CASE(sff8472_cal_rx_spot_test),
	KUNIT_CASE(sff8472_cal_bad_args_test),
	KUNIT_CASE(sff8472_cal_decode_test),
	{}
};

static struct kunit_suite sff8472_calibration_suite = {
	.name = "sff8472_calibration",
	.test_cases = sff8472_calibration_cases,
};

kunit_test_suite(sff8472_calibration_suite);

MODULE_DESCRIPTION("KUnit tests for the SFF-8472 calibration core");
MODULE_LICENSE("GPL");
MODULE_IMPORT_NS("EXPORTED_FOR_KUNIT_TESTING");
