// SPDX-License-Identifier: GPL-2.0-only
/*
 * KUnit tests for the SFF-8472 A0h/A2h field decoder.
 *
 * Every expected value is derived by hand from SFF-8472 rev 11.0 (table
 * numbers cited), never by running the code under test. Check codes of the
 * sample dumps were summed by hand (shown in comments) and are cross-checked
 * by a tiny byte-summing helper local to this file.
 */

#include <kunit/test.h>
#include <linux/module.h>
#include <linux/string.h>

#include "sff8472_compat.h"
#include "sff8472_decode.h"

/* Independent of sff8472_checksum(): used only to cross-check the dumps. */
static u8 test_sum(const u8 *buf, size_t len)
{
	unsigned int sum = 0;

	while (len--)
		sum += *buf++;

	return sum & 0xff;
}

/* ---- sff8472_copy_string() ---------------------------------------- */

struct string_case {
	const char *name;
	u8 src[16];
	size_t len;
	size_t dst_size;
	const char *expected;
};

static const struct string_case string_cases[] = {
	{
		.name = "space padded",
		.src = "ACME CORP       ",
		.len = 16, .dst_size = 17, .expected = "ACME CORP",
	},
	{
		.name = "NUL padded",
		.src = "ACME\0\0\0\0\0\0\0\0\0\0\0\0",
		.len = 16, .dst_size = 17, .expected = "ACME",
	},
	{
		.name = "mixed space and NUL padding",
		.src = "FS \0 \0\0 \0 \0\0\0\0\0\0",
		.len = 16, .dst_size = 17, .expected = "FS",
	},
	{
		.name = "interior space kept",
		.src = "A B    \0",
		.len = 8, .dst_size = 17, .expected = "A B",
	},
	{
		.name = "leading spaces kept",
		.src = "  X  ",
		.len = 5, .dst_size = 17, .expected = "  X",
	},
	{
		.name = "all spaces",
		.src = "                ",
		.len = 16, .dst_size = 17, .expected = "",
	},
	{
		.name = "all NUL",
		.src = { 0 },
		.len = 16, .dst_size = 17, .expected = "",
	},
	{
		.name = "full 16 characters",
		.src = "0123456789ABCDEF",
		.len = 16, .dst_size = 17, .expected = "0123456789ABCDEF",
	},
	{
		.name = "non-printables in the middle",
		.src = { 'A', 'B', 0x01, 'C', 0x7f, 0x80, 'D', 0x1f, 'E', ' ', ' ' },
		.len = 11, .dst_size = 17, .expected = "AB?C??D?E",
	},
	{
		.name = "interior NUL is not an end",
		.src = "AB\0CD   ",
		.len = 8, .dst_size = 17, .expected = "AB?CD",
	},
	{
		.name = "all 0xFF (blank EEPROM)",
		.src = "\xff\xff\xff\xff\xff\xff\xff\xff"
		       "\xff\xff\xff\xff\xff\xff\xff\xff",
		.len = 16, .dst_size = 17, .expected = "????????????????",
	},
	{
		.name = "trailing 0xFF is not padding",
		.src = "AB\xff ",
		.len = 4, .dst_size = 17, .expected = "AB?",
	},
	{
		.name = "tilde and space are printable",
		.src = "~ !",
		.len = 3, .dst_size = 17, .expected = "~ !",
	},
	{
		.name = "truncated to destination",
		.src = "ABCDEFGH",
		.len = 8, .dst_size = 5, .expected = "ABCD",
	},
	{
		.name = "4-byte field in 5-byte destination",
		.src = "1A  ",
		.len = 4, .dst_size = 5, .expected = "1A",
	},
	{
		.name = "zero length source",
		.src = "XYZ",
		.len = 0, .dst_size = 17, .expected = "",
	},
};

static void string_case_desc(const struct string_case *t, char *desc)
{
	strscpy(desc, t->name, KUNIT_PARAM_DESC_SIZE);
}

KUNIT_ARRAY_PARAM(sff8472_string, string_cases, string_case_desc);

static void sff8472_test_copy_string(struct kunit *test)
{
	const struct string_case *t = test->param_value;
	char dst[20];
	size_t ret;

	memset(dst, 'Z', sizeof(dst));
	ret = sff8472_copy_string(dst, t->dst_size, t->src, t->len);

	KUNIT_EXPECT_STREQ(test, dst, t->expected);
	KUNIT_EXPECT_EQ(test, ret, strlen(t->expected));
	/* Nothing written past the destination size. */
	KUNIT_EXPECT_EQ(test, dst[t->dst_size], 'Z');
}

static void sff8472_test_copy_string_zero_size(struct kunit *test)
{
	static const u8 src[3] = { 'A', 'B', 'C' };
	char dst[4] = "QQQ";

	KUNIT_EXPECT_EQ(test, sff8472_copy_string(dst, 0, src, 3), 0);
	KUNIT_EXPECT_STREQ(test, dst, "QQQ");
}

/* ---- check codes ----------------------------------------------------- */

static void sff8472_test_checksum(struct kunit *test)
{
	static const u8 small[] = { 0x10, 0x20, 0x30 };	/* 0x60 */
	static const u8 wrap0[] = { 0xff, 0x01 };	/* 0x100 -> 0x00 */
	static const u8 wrap1[] = { 0xff, 0xff };	/* 0x1fe -> 0xfe */
	u8 ff63[63];

	/* 63 * 255 = 16065 = 62 * 256 + 193 -> 0xc1 */
	memset(ff63, 0xff, sizeof(ff63));

	KUNIT_EXPECT_EQ(test, sff8472_checksum(small, 0), 0);
	KUNIT_EXPECT_EQ(test, sff8472_checksum(small, 3), 0x60);
	KUNIT_EXPECT_EQ(test, sff8472_checksum(small, 2), 0x30);
	KUNIT_EXPECT_EQ(test, sff8472_checksum(wrap0, 2), 0x00);
	KUNIT_EXPECT_EQ(test, sff8472_checksum(wrap1, 2), 0xfe);
	KUNIT_EXPECT_EQ(test, sff8472_checksum(ff63, sizeof(ff63)), 0xc1);
}

static void sff8472_test_checksum_ok(struct kunit *test)
{
	static const u8 small[] = { 0x10, 0x20, 0x30 };
	static const u8 wrap0[] = { 0xff, 0x01 };
	u8 ff63[63];

	memset(ff63, 0xff, sizeof(ff63));

	KUNIT_EXPECT_TRUE(test, sff8472_checksum_ok(small, 3, 0x60));
	KUNIT_EXPECT_FALSE(test, sff8472_checksum_ok(small, 3, 0x5f));
	KUNIT_EXPECT_FALSE(test, sff8472_checksum_ok(small, 3, 0x61));
	/* Only the low 8 bits count: 0x100 matches 0x00, not 0xff. */
	KUNIT_EXPECT_TRUE(test, sff8472_checksum_ok(wrap0, 2, 0x00));
	KUNIT_EXPECT_FALSE(test, sff8472_checksum_ok(wrap0, 2, 0xff));
	KUNIT_EXPECT_FALSE(test, sff8472_checksum_ok(wrap0, 2, 0x01));
	/* An all-0xFF (absent or blank) A0h base page fails CC_BASE. */
	KUNIT_EXPECT_FALSE(test, sff8472_checksum_ok(ff63, 63, 0xff));
	KUNIT_EXPECT_TRUE(test, sff8472_checksum_ok(ff63, 63, 0xc1));
	KUNIT_EXPECT_TRUE(test, sff8472_checksum_ok(small, 0, 0x00));
}

static void sff8472_test_dmi_checksum(struct kunit *test)
{
	u8 a2[SFF8472_DMI_STATIC_LEN];
	int i;

	/* Bytes 0..94 = 0..94: sum = 94 * 95 / 2 = 4465 = 17 * 256 + 113. */
	for (i = 0; i < 95; i++)
		a2[i] = i;
	a2[SFP_CHKSUM] = 113;
	KUNIT_ASSERT_EQ(test, test_sum(a2, 95), 113);

	KUNIT_EXPECT_TRUE(test, sff8472_dmi_checksum_ok(a2));

	a2[SFP_CHKSUM] = 112;
	KUNIT_EXPECT_FALSE(test, sff8472_dmi_checksum_ok(a2));
	a2[SFP_CHKSUM] = 114;
	KUNIT_EXPECT_FALSE(test, sff8472_dmi_checksum_ok(a2));

	/* A single flipped bit in the covered range breaks it... */
	a2[SFP_CHKSUM] = 113;
	a2[56] ^= 0x01;
	KUNIT_EXPECT_FALSE(test, sff8472_dmi_checksum_ok(a2));
	a2[56] ^= 0x01;

	/* ...and byte 94 is covered, i.e. not off by one at the end. */
	a2[94]++;
	KUNIT_EXPECT_FALSE(test, sff8472_dmi_checksum_ok(a2));
	a2[94]--;
	KUNIT_EXPECT_TRUE(test, sff8472_dmi_checksum_ok(a2));

	/* All zero: sum 0, CC_DMI 0. */
	memset(a2, 0, sizeof(a2));
	KUNIT_EXPECT_TRUE(test, sff8472_dmi_checksum_ok(a2));
}

/* ---- date code (Table 3.8) ------------------------------------------ */

struct date_case {
	const char *name;
	u8 code[8];
	bool valid;
	u16 year;
	u8 month;
	u8 day;
	const char *raw;
};

static const struct date_case date_cases[] = {
	{
		.name = "valid with lot",
		.code = "190514AB", .valid = true,
		.year = 2019, .month = 5, .day = 14,
		.raw = "190514AB",
	},
	{
		.name = "valid, blank lot (spaces)",
		.code = "231231  ", .valid = true,
		.year = 2023, .month = 12, .day = 31,
		.raw = "231231",
	},
	{
		.name = "valid, blank lot (NULs), year 00 is 2000",
		.code = "000101\0\0", .valid = true,
		.year = 2000, .month = 1, .day = 1, .raw = "000101",
	},
	{
		.name = "year 99",
		.code = "99063001", .valid = true,
		.year = 2099, .month = 6, .day = 30,
		.raw = "99063001",
	},
	{
		.name = "non-digit lot is vendor specific",
		.code = "210704X-", .valid = true,
		.year = 2021, .month = 7, .day = 4,
		.raw = "210704X-",
	},
	{
		.name = "0xFF lot",
		.code = "210704\xff\xff", .valid = true,
		.year = 2021, .month = 7, .day = 4,
		.raw = "210704??",
	},
	{
		.name = "0xFF inside month",
		.code = { '1', '9', 0xff, 0xff, '1', '4', 'A', 'B' },
		.valid = false,
		.raw = "19??14AB",
	},
	{
		.name = "all 0xFF",
		.code = "\xff\xff\xff\xff\xff\xff\xff\xff", .valid = false,
		.raw = "????????",
	},
	{
		.name = "all spaces",
		.code = "        ", .valid = false, .raw = "",
	},
	{
		.name = "all NUL",
		.code = { 0 }, .valid = false, .raw = "",
	},
	{
		.name = "month 00",
		.code = "190014  ", .valid = false, .raw = "190014",
	},
	{
		.name = "month 13",
		.code = "191301  ", .valid = false, .raw = "191301",
	},
	{
		.name = "month 12 day 31",
		.code = "191231  ", .valid = true,
		.year = 2019, .month = 12, .day = 31, .raw = "191231",
	},
	{
		.name = "day 00",
		.code = "190500  ", .valid = false, .raw = "190500",
	},
	{
		.name = "day 32",
		.code = "190532  ", .valid = false, .raw = "190532",
	},
	{
		.name = "letter O in month",
		.code = "19O514  ", .valid = false, .raw = "19O514",
	},
	{
		.name = "space in year",
		.code = " 90514  ", .valid = false, .raw = " 90514",
	},
	{
		.name = "digit lower bound minus one (slash)",
		.code = "19/514  ", .valid = false, .raw = "19/514",
	},
	{
		.name = "digit upper bound plus one (colon)",
		.code = "1905:4  ", .valid = false, .raw = "1905:4",
	},
};

static void date_case_desc(const struct date_case *t, char *desc)
{
	strscpy(desc, t->name, KUNIT_PARAM_DESC_SIZE);
}

KUNIT_ARRAY_PARAM(sff8472_date, date_cases, date_case_desc);

static void sff8472_test_date(struct kunit *test)
{
	const struct date_case *t = test->param_value;
	struct sff8472_date date;

	memset(&date, 0x5a, sizeof(date));
	sff8472_decode_date(t->code, &date);

	KUNIT_EXPECT_EQ(test, date.valid, t->valid);
	KUNIT_EXPECT_EQ(test, date.year, t->valid ? t->year : 0);
	KUNIT_EXPECT_EQ(test, date.month, t->valid ? t->month : 0);
	KUNIT_EXPECT_EQ(test, date.day, t->valid ? t->day : 0);
	KUNIT_EXPECT_STREQ(test, date.raw, t->raw);
}

/* ---- A0h: complete dumps -------------------------------------------- */

/*
 * 10GBASE-SR module, internally calibrated, modelled on a Finisar
 * FTLX8571D3BCL.
 *
 * CC_BASE, sum of bytes 0-62:
 *   0-19:  03+04+07+10h+06h+67h+08+03+28h+1Eh  = 220
 *   20-35: "FINISAR CORP.   "  70+73+78+73+83+65+82+32+67+79+82+80+46+3*32
 *                                                 = 1006
 *   37-39: 00 90h 65h                             = 245
 *   40-55: "FTLX8571D3BCL   "  70+84+76+88+56+53+55+49+68+51+66+67+76+3*32
 *                                                 = 955
 *   56-59: "A   "                                 = 161
 *   60-61: 03h 52h                                = 85
 *   total 2672 = 10 * 256 + 112 -> CC_BASE = 70h
 * CC_EXT, sum of bytes 64-94:
 *   64-65: 00 1Ah                                 = 26
 *   68-83: "AQF0A1B         "  65+81+70+48+65+49+66+9*32 = 732
 *   84-91: "190514  "          49+57+48+53+49+52+2*32    = 372
 *   92-94: 68h F0h 05h                            = 349
 *   total 1479 = 5 * 256 + 199 -> CC_EXT = C7h
 */
static const u8 a0_sr[SFF8472_BASE_LEN] = {
	[0] = 0x03,		/* SFP (Table 3.2) */
	[1] = 0x04,		/* defined by two-wire ID (Table 3.3) */
	[2] = 0x07,		/* LC (Table 3.4) */
	[3] = 0x10,		/* 10GBASE-SR (Table 3.5) */
	[11] = 0x06,		/* 64B/66B */
	[12] = 0x67,		/* 103 x 100 MBd */
	[16] = 0x08,		/* OM2 80 m */
	[17] = 0x03,		/* OM1 30 m */
	[18] = 0x28,		/* optical: OM4 400 m */
	[19] = 0x1e,		/* OM3 300 m */
	[20] = 'F', 'I', 'N', 'I', 'S', 'A', 'R', ' ',
	       'C', 'O', 'R', 'P', '.', ' ', ' ', ' ',
	[37] = 0x00, 0x90, 0x65,
	[40] = 'F', 'T', 'L', 'X', '8', '5', '7', '1',
	       'D', '3', 'B', 'C', 'L', ' ', ' ', ' ',
	[56] = 'A', ' ', ' ', ' ',
	[60] = 0x03, 0x52,	/* 850 nm */
	[63] = 0x70,		/* CC_BASE */
	[64] = 0x00, 0x1a,	/* TX_DISABLE, TX_FAULT, RX_LOS (Table 3.7) */
	[68] = 'A', 'Q', 'F', '0', 'A', '1', 'B', ' ',
	       ' ', ' ', ' ', ' ', ' ', ' ', ' ', ' ',
	[84] = '1', '9', '0', '5', '1', '4', ' ', ' ',
	[92] = 0x68,		/* DDM, internally calibrated, average power */
	[93] = 0xf0,		/* flags, soft TX_DISABLE/TX_FAULT/RX_LOS */
	[94] = 0x05,		/* rev 11.0 (Table 3.12) */
	[95] = 0xc7,		/* CC_EXT */
};

static void sff8472_test_id_sr(struct kunit *test)
{
	static const u8 oui[3] = { 0x00, 0x90, 0x65 };
	struct sff8472_id id;

	/* The hand-computed check codes are right. */
	KUNIT_ASSERT_EQ(test, test_sum(a0_sr, 63), 0x70);
	KUNIT_ASSERT_EQ(test, test_sum(&a0_sr[64], 31), 0xc7);

	memset(&id, 0x5a, sizeof(id));
	sff8472_decode_id(a0_sr, &id);

	KUNIT_EXPECT_EQ(test, id.identifier, 0x03);
	KUNIT_EXPECT_EQ(test, id.connector, 0x07);
	KUNIT_EXPECT_EQ(test, id.br_nominal_mbd, 10300);
	KUNIT_EXPECT_STREQ(test, id.vendor_name, "FINISAR CORP.");
	KUNIT_EXPECT_MEMEQ(test, id.vendor_oui, oui, sizeof(oui));
	KUNIT_EXPECT_STREQ(test, id.vendor_pn, "FTLX8571D3BCL");
	KUNIT_EXPECT_STREQ(test, id.vendor_rev, "A");
	KUNIT_EXPECT_FALSE(test, id.is_cable);
	KUNIT_EXPECT_EQ(test, id.wavelength_nm, 850);
	KUNIT_EXPECT_EQ(test, id.options, 0x001a);
	KUNIT_EXPECT_STREQ(test, id.vendor_sn, "AQF0A1B");
	KUNIT_EXPECT_TRUE(test, id.date.valid);
	KUNIT_EXPECT_EQ(test, id.date.year, 2019);
	KUNIT_EXPECT_EQ(test, id.date.month, 5);
	KUNIT_EXPECT_EQ(test, id.date.day, 14);
	KUNIT_EXPECT_STREQ(test, id.date.raw, "190514");
	KUNIT_EXPECT_EQ(test, id.diag_type, 0x68);
	KUNIT_EXPECT_TRUE(test, id.diag_type & SFP_DIAGMON_DDM);
	KUNIT_EXPECT_TRUE(test, id.diag_type & SFP_DIAGMON_INT_CAL);
	KUNIT_EXPECT_FALSE(test, id.diag_type & SFP_DIAGMON_EXT_CAL);
	KUNIT_EXPECT_TRUE(test, id.diag_type & SFP_DIAGMON_RXPWR_AVG);
	KUNIT_EXPECT_FALSE(test, id.diag_type & SFP_DIAGMON_ADDRMODE);
	KUNIT_EXPECT_EQ(test, id.enh_options, 0xf0);
	KUNIT_EXPECT_EQ(test, id.compliance, 0x05);
	KUNIT_EXPECT_TRUE(test, id.cc_base_ok);
	KUNIT_EXPECT_TRUE(test, id.cc_ext_ok);
}

static void sff8472_test_id_checksums(struct kunit *test)
{
	struct sff8472_id id;
	u8 a0[SFF8472_BASE_LEN];

	/* Byte 62 is covered by CC_BASE only. */
	memcpy(a0, a0_sr, sizeof(a0));
	a0[62] = 0x01;
	sff8472_decode_id(a0, &id);
	KUNIT_EXPECT_FALSE(test, id.cc_base_ok);
	KUNIT_EXPECT_TRUE(test, id.cc_ext_ok);

	/* CC_BASE one too high / one too low. */
	memcpy(a0, a0_sr, sizeof(a0));
	a0[63] = 0x71;
	sff8472_decode_id(a0, &id);
	KUNIT_EXPECT_FALSE(test, id.cc_base_ok);
	a0[63] = 0x6f;
	sff8472_decode_id(a0, &id);
	KUNIT_EXPECT_FALSE(test, id.cc_base_ok);

	/* Byte 64 is covered by CC_EXT only. */
	memcpy(a0, a0_sr, sizeof(a0));
	a0[64] = 0x01;
	sff8472_decode_id(a0, &id);
	KUNIT_EXPECT_TRUE(test, id.cc_base_ok);
	KUNIT_EXPECT_FALSE(test, id.cc_ext_ok);

	/* Byte 94 is covered by CC_EXT. */
	memcpy(a0, a0_sr, sizeof(a0));
	a0[94] = 0x04;
	sff8472_decode_id(a0, &id);
	KUNIT_EXPECT_FALSE(test, id.cc_ext_ok);

	/* CC_BASE itself (byte 63) is not part of CC_EXT (64-94) . */
	memcpy(a0, a0_sr, sizeof(a0));
	a0[63] = 0x00;
	sff8472_decode_id(a0, &id);
	KUNIT_EXPECT_TRUE(test, id.cc_ext_ok);

	/* Moving 1 from byte 0 to byte 62 keeps the sum: still valid. */
	memcpy(a0, a0_sr, sizeof(a0));
	a0[0]--;
	a0[62]++;
	sff8472_decode_id(a0, &id);
	KUNIT_EXPECT_TRUE(test, id.cc_base_ok);

	/* Wrap-around: +80h twice is +100h, invisible to an 8-bit sum. */
	memcpy(a0, a0_sr, sizeof(a0));
	a0[65] += 0x80;		/* 1Ah -> 9Ah */
	a0[66] += 0x80;		/* 00h -> 80h */
	sff8472_decode_id(a0, &id);
	KUNIT_EXPECT_TRUE(test, id.cc_ext_ok);

	/* Blank EEPROM: 63 * FFh sums to C1h, not FFh. */
	memset(a0, 0xff, sizeof(a0));
	sff8472_decode_id(a0, &id);
	KUNIT_EXPECT_FALSE(test, id.cc_base_ok);
	/* 31 * FFh = 7905 = 30 * 256 + 225 -> E1h, not FFh. */
	KUNIT_EXPECT_FALSE(test, id.cc_ext_ok);
	KUNIT_EXPECT_STREQ(test, id.vendor_name, "????????????????");
	KUNIT_EXPECT_FALSE(test, id.date.valid);
}

/*
 * Passive copper direct-attach cable, 3 m, compliant to SFF-8431 Appendix E
 * (Table 3.1c: byte 8 = 04h, bytes 60-61 = 0100h), strings NUL padded.
 *
 * CC_BASE, sum of bytes 0-62:
 *   0-19:  03+04+21h+04+67h+03                    = 150
 *   20-35: "OEM" + 13 spaces   79+69+77+13*32     = 641
 *   37-39: 00 00 0Ch                              = 12
 *   40-55: "SFP-H10GB-CU3M\0\0"
 *          83+70+80+45+72+49+48+71+66+45+67+85+51+77 = 909
 *   56-59: "V01\0"  86+48+49                      = 183
 *   60-61: 01h 00h                                = 1
 *   total 1896 = 7 * 256 + 104 -> CC_BASE = 68h
 * CC_EXT, sum of bytes 64-94:
 *   68-83: "TED1234A0BC" + 5 NULs
 *          84+69+68+49+50+51+52+65+48+66+67       = 669
 *   84-91: "210704  "  50+49+48+55+48+52+2*32     = 366
 *   total 1035 = 4 * 256 + 11 -> CC_EXT = 0Bh
 */
static const u8 a0_dac[SFF8472_BASE_LEN] = {
	[0] = 0x03,
	[1] = 0x04,
	[2] = 0x21,		/* copper pigtail */
	[8] = 0x04,		/* passive cable */
	[12] = 0x67,
	[18] = 0x03,		/* 3 m */
	[20] = 'O', 'E', 'M', ' ', ' ', ' ', ' ', ' ',
	       ' ', ' ', ' ', ' ', ' ', ' ', ' ', ' ',
	[37] = 0x00, 0x00, 0x0c,
	[40] = 'S', 'F', 'P', '-', 'H', '1', '0', 'G',
	       'B', '-', 'C', 'U', '3', 'M', 0, 0,
	[56] = 'V', '0', '1', 0,
	[60] = 0x01, 0x00,	/* SFF-8431 Appendix E (Table 3.6b) */
	[63] = 0x68,
	[68] = 'T', 'E', 'D', '1', '2', '3', '4', 'A', '0', 'B', 'C',
	[84] = '2', '1', '0', '7', '0', '4', ' ', ' ',
	[95] = 0x0b,
};

static void sff8472_test_id_dac(struct kunit *test)
{
	static const u8 oui[3] = { 0x00, 0x00, 0x0c };
	struct sff8472_id id;

	KUNIT_ASSERT_EQ(test, test_sum(a0_dac, 63), 0x68);
	KUNIT_ASSERT_EQ(test, test_sum(&a0_dac[64], 31), 0x0b);

	memset(&id, 0x5a, sizeof(id));
	sff8472_decode_id(a0_dac, &id);

	KUNIT_EXPECT_EQ(test, id.identifier, 0x03);
	KUNIT_EXPECT_EQ(test, id.connector, 0x21);
	KUNIT_EXPECT_EQ(test, id.br_nominal_mbd, 10300);
	KUNIT_EXPECT_TRUE(test, id.is_cable);
	KUNIT_EXPECT_EQ(test, id.wavelength_nm, 0);
	KUNIT_EXPECT_STREQ(test, id.vendor_name, "OEM");
	KUNIT_EXPECT_MEMEQ(test, id.vendor_oui, oui, sizeof(oui));
	KUNIT_EXPECT_STREQ(test, id.vendor_pn, "SFP-H10GB-CU3M");
	KUNIT_EXPECT_STREQ(test, id.vendor_rev, "V01");
	KUNIT_EXPECT_STREQ(test, id.vendor_sn, "TED1234A0BC");
	KUNIT_EXPECT_EQ(test, id.options, 0);
	KUNIT_EXPECT_TRUE(test, id.date.valid);
	KUNIT_EXPECT_EQ(test, id.date.year, 2021);
	KUNIT_EXPECT_EQ(test, id.date.month, 7);
	KUNIT_EXPECT_EQ(test, id.date.day, 4);
	KUNIT_EXPECT_EQ(test, id.diag_type, 0);
	KUNIT_EXPECT_EQ(test, id.enh_options, 0);
	KUNIT_EXPECT_EQ(test, id.compliance, 0);
	KUNIT_EXPECT_TRUE(test, id.cc_base_ok);
	KUNIT_EXPECT_TRUE(test, id.cc_ext_ok);
}

static void sff8472_test_id_active_cable(struct kunit *test)
{
	struct sff8472_id id;
	u8 a0[SFF8472_BASE_LEN] = {
		[8] = 0x08,		/* active cable */
		[18] = 0x0a,		/* 10 m */
		[60] = 0x04, 0x00,	/* SFF-8431 limiting (Table 3.6c) */
	};

	sff8472_decode_id(a0, &id);
	KUNIT_EXPECT_TRUE(test, id.is_cable);
	KUNIT_EXPECT_EQ(test, id.wavelength_nm, 0);

	/* Optical: bytes 60-61 are the wavelength, MSB first (1310 nm). */
	a0[8] = 0;
	a0[60] = 0x05;
	a0[61] = 0x1e;
	sff8472_decode_id(a0, &id);
	KUNIT_EXPECT_FALSE(test, id.is_cable);
	KUNIT_EXPECT_EQ(test, id.wavelength_nm, 1310);
}

/* ---- bit rate (bytes 12, 66, 67) ------------------------------------ */

struct br_case {
	const char *name;
	u8 nominal, max, min;
	u32 nominal_mbd;
};

static const struct br_case br_cases[] = {
	{ "10G SR, no margins", 0x67, 0, 0, 10300 },
	{ "1.3 GBd +5% -10%: margins do not change it", 13, 5, 10, 1300 },
	{ "254 x 100 MBd is not the escape", 0xfe, 0, 0, 25400 },
	{ "nominal unspecified", 0, 5, 5, 0 },
	{ "FFh: byte 66 is 250 MBd units (25 GBd)", 0xff, 100, 0, 25000 },
	{ "FFh: byte 67 does not matter", 0xff, 100, 3, 25000 },
	{ "FFh: 255 x 250 MBd", 0xff, 255, 0, 63750 },
	{ "FFh with byte 66 zero: unspecified", 0xff, 0, 5, 0 },
};

static void br_case_desc(const struct br_case *t, char *desc)
{
	strscpy(desc, t->name, KUNIT_PARAM_DESC_SIZE);
}

KUNIT_ARRAY_PARAM(sff8472_br, br_cases, br_case_desc);

static void sff8472_test_bit_rate(struct kunit *test)
{
	const struct br_case *t = test->param_value;
	u8 a0[SFF8472_BASE_LEN] = {};
	struct sff8472_id id;

	a0[12] = t->nominal;
	a0[66] = t->max;
	a0[67] = t->min;
	sff8472_decode_id(a0, &id);

	KUNIT_EXPECT_EQ(test, id.br_nominal_mbd, t->nominal_mbd);
}

/* ---- A2h thresholds (Table 3.15) ------------------------------------ */

static void sff8472_test_thresholds(struct kunit *test)
{
	static const u8 a2[SFF8472_DMI_STATIC_LEN] = {
		/* temperature: 85, -10, 80, 0 degC in 1/256 degC */
		0x55, 0x00, 0xf6, 0x00, 0x50, 0x00, 0x00, 0x00,
		/* Vcc: 3.6, 3.0, 3.5, 3.1 V in 100 uV */
		0x8c, 0xa0, 0x75, 0x30, 0x88, 0xb8, 0x79, 0x18,
		/* bias */
		0x3a, 0x98, 0x0b, 0xb8, 0x33, 0x90, 0x0f, 0xa0,
		/* TX power */
		0x7b, 0x86, 0x0f, 0x8d, 0x62, 0x1f, 0x13, 0x92,
		/* RX power */
		0x9c, 0x40, 0x00, 0x64, 0x7b, 0x87, 0x00, 0xa0,
		/* 40-95 must not matter */
		[40 ... 95] = 0xee,
	};
	static const u16 expected[SFF8472_NUM_CHANNELS][SFF8472_NUM_LIMITS] = {
		[SFF8472_TEMP] = {
			[SFF8472_HIGH_ALARM] = 0x5500,
			[SFF8472_LOW_ALARM] = 0xf600,
			[SFF8472_HIGH_WARN] = 0x5000,
			[SFF8472_LOW_WARN] = 0x0000,
		},
		[SFF8472_VCC] = {
			[SFF8472_HIGH_ALARM] = 36000,
			[SFF8472_LOW_ALARM] = 30000,
			[SFF8472_HIGH_WARN] = 35000,
			[SFF8472_LOW_WARN] = 31000,
		},
		[SFF8472_BIAS] = {
			[SFF8472_HIGH_ALARM] = 0x3a98,
			[SFF8472_LOW_ALARM] = 0x0bb8,
			[SFF8472_HIGH_WARN] = 0x3390,
			[SFF8472_LOW_WARN] = 0x0fa0,
		},
		[SFF8472_TX_POWER] = {
			[SFF8472_HIGH_ALARM] = 0x7b86,
			[SFF8472_LOW_ALARM] = 0x0f8d,
			[SFF8472_HIGH_WARN] = 0x621f,
			[SFF8472_LOW_WARN] = 0x1392,
		},
		[SFF8472_RX_POWER] = {
			[SFF8472_HIGH_ALARM] = 0x9c40,
			[SFF8472_LOW_ALARM] = 0x0064,
			[SFF8472_HIGH_WARN] = 0x7b87,
			[SFF8472_LOW_WARN] = 0x00a0,
		},
	};
	struct sff8472_thresholds thr;
	int ch, lim;

	memset(&thr, 0x5a, sizeof(thr));
	sff8472_decode_thresholds(a2, &thr);

	for (ch = 0; ch < SFF8472_NUM_CHANNELS; ch++)
		for (lim = 0; lim < SFF8472_NUM_LIMITS; lim++)
			KUNIT_EXPECT_EQ_MSG(test, thr.raw[ch][lim],
					    expected[ch][lim],
					    "channel %d limit %d", ch, lim);
}

/* ---- A2h live values, status and flags (Tables 3.17, 3.18, 3.18a) --- */

#define LIVE_OFF(a2)	((a2) - SFF8472_LIVE_START)

static void sff8472_test_live_values(struct kunit *test)
{
	u8 live[SFF8472_LIVE_LEN] = {
		0x19, 0x80,		/* 96: 25.5 degC */
		0x80, 0x58,		/* 98: 32856 x 100 uV */
		0x17, 0x70,		/* 100: 6000 x 2 uA */
		0x1f, 0x40,		/* 102: 8000 x 0.1 uW */
		0x0f, 0xa1,		/* 104: 4001 x 0.1 uW */
		0xaa, 0xaa, 0xaa, 0xaa,	/* 106-109 unallocated */
		0x42,			/* 110: soft TX disable, RX_LOS */
		0xff,			/* 111 reserved */
		0x00, 0x00,		/* 112-113 alarms */
		0xff, 0xff,		/* 114-115 unallocated */
		0x00, 0x00,		/* 116-117 warnings */
		0xf7,			/* 118: reserved 7-4 and 2 set */
		0xff,			/* 119 unallocated */
	};
	struct sff8472_live lv;
	int ch, lim;

	memset(&lv, 0, sizeof(lv));
	for (ch = 0; ch < SFF8472_NUM_CHANNELS; ch++)
		for (lim = 0; lim < SFF8472_NUM_LIMITS; lim++)
			lv.flag[ch][lim] = true;

	sff8472_decode_live(live, &lv);

	KUNIT_EXPECT_EQ(test, lv.raw[SFF8472_TEMP], 0x1980);
	KUNIT_EXPECT_EQ(test, lv.raw[SFF8472_VCC], 32856);
	KUNIT_EXPECT_EQ(test, lv.raw[SFF8472_BIAS], 6000);
	KUNIT_EXPECT_EQ(test, lv.raw[SFF8472_TX_POWER], 8000);
	KUNIT_EXPECT_EQ(test, lv.raw[SFF8472_RX_POWER], 4001);
	KUNIT_EXPECT_EQ(test, lv.status, 0x42);
	KUNIT_EXPECT_TRUE(test, lv.status & SFP_STATUS_TX_DISABLE_FORCE);
	KUNIT_EXPECT_TRUE(test, lv.status & SFP_STATUS_RX_LOS);
	KUNIT_EXPECT_FALSE(test, lv.status & SFF8472_STATUS_DATA_NOT_READY);

	for (ch = 0; ch < SFF8472_NUM_CHANNELS; ch++)
		for (lim = 0; lim < SFF8472_NUM_LIMITS; lim++)
			KUNIT_EXPECT_FALSE_MSG(test, lv.flag[ch][lim],
					       "channel %d limit %d", ch, lim);

	/* Negative temperature stays a raw two's complement pattern. */
	live[LIVE_OFF(96)] = 0xf6;
	live[LIVE_OFF(97)] = 0x00;
	live[LIVE_OFF(110)] = SFF8472_STATUS_DATA_NOT_READY;
	sff8472_decode_live(live, &lv);
	KUNIT_EXPECT_EQ(test, lv.raw[SFF8472_TEMP], 0xf600);
	KUNIT_EXPECT_EQ(test, lv.status, SFF8472_STATUS_DATA_NOT_READY);
}

struct flag_case {
	const char *name;
	u8 offset;	/* A2h byte */
	u8 bit;
	enum sff8472_channel ch;
	enum sff8472_limit lim;
};

/* Table 3.18, one row per defined bit. */
static const struct flag_case flag_cases[] = {
	{ "112.7 temp high alarm", 112, 7, SFF8472_TEMP, SFF8472_HIGH_ALARM },
	{ "112.6 temp low alarm", 112, 6, SFF8472_TEMP, SFF8472_LOW_ALARM },
	{ "112.5 Vcc high alarm", 112, 5, SFF8472_VCC, SFF8472_HIGH_ALARM },
	{ "112.4 Vcc low alarm", 112, 4, SFF8472_VCC, SFF8472_LOW_ALARM },
	{ "112.3 bias high alarm", 112, 3, SFF8472_BIAS, SFF8472_HIGH_ALARM },
	{ "112.2 bias low alarm", 112, 2, SFF8472_BIAS, SFF8472_LOW_ALARM },
	{ "112.1 TX high alarm", 112, 1, SFF8472_TX_POWER, SFF8472_HIGH_ALARM },
	{ "112.0 TX low alarm", 112, 0, SFF8472_TX_POWER, SFF8472_LOW_ALARM },
	{ "113.7 RX high alarm", 113, 7, SFF8472_RX_POWER, SFF8472_HIGH_ALARM },
	{ "113.6 RX low alarm", 113, 6, SFF8472_RX_POWER, SFF8472_LOW_ALARM },
	{ "116.7 temp high warning", 116, 7, SFF8472_TEMP, SFF8472_HIGH_WARN },
	{ "116.6 temp low warning", 116, 6, SFF8472_TEMP, SFF8472_LOW_WARN },
	{ "116.5 Vcc high warning", 116, 5, SFF8472_VCC, SFF8472_HIGH_WARN },
	{ "116.4 Vcc low warning", 116, 4, SFF8472_VCC, SFF8472_LOW_WARN },
	{ "116.3 bias high warning", 116, 3, SFF8472_BIAS, SFF8472_HIGH_WARN },
	{ "116.2 bias low warning", 116, 2, SFF8472_BIAS, SFF8472_LOW_WARN },
	{ "116.1 TX high warning", 116, 1, SFF8472_TX_POWER, SFF8472_HIGH_WARN },
	{ "116.0 TX low warning", 116, 0, SFF8472_TX_POWER, SFF8472_LOW_WARN },
	{ "117.7 RX high warning", 117, 7, SFF8472_RX_POWER, SFF8472_HIGH_WARN },
	{ "117.6 RX low warning", 117, 6, SFF8472_RX_POWER, SFF8472_LOW_WARN },
};

static void flag_case_desc(const struct flag_case *t, char *desc)
{
	strscpy(desc, t->name, KUNIT_PARAM_DESC_SIZE);
}

KUNIT_ARRAY_PARAM(sff8472_flag, flag_cases, flag_case_desc);

static void sff8472_test_flag_bit(struct kunit *test)
{
	const struct flag_case *t = test->param_value;
	u8 live[SFF8472_LIVE_LEN] = {};
	struct sff8472_live lv;
	int ch, lim;

	live[LIVE_OFF(t->offset)] = 1 << t->bit;
	sff8472_decode_live(live, &lv);

	for (ch = 0; ch < SFF8472_NUM_CHANNELS; ch++)
		for (lim = 0; lim < SFF8472_NUM_LIMITS; lim++)
			KUNIT_EXPECT_EQ_MSG(test, lv.flag[ch][lim],
					    ch == t->ch && lim == t->lim,
					    "channel %d limit %d", ch, lim);
	KUNIT_EXPECT_EQ(test, lv.status, 0);
}

static void sff8472_test_flags_reserved(struct kunit *test)
{
	u8 live[SFF8472_LIVE_LEN];
	struct sff8472_live lv;
	int ch, lim;

	/* Everything set except the 20 defined flag bits. */
	memset(live, 0xff, sizeof(live));
	live[LIVE_OFF(112)] = 0x00;
	live[LIVE_OFF(113)] = 0x3f;	/* reserved alarms, Table 3.18 */
	live[LIVE_OFF(116)] = 0x00;
	live[LIVE_OFF(117)] = 0x3f;	/* reserved warnings */
	sff8472_decode_live(live, &lv);

	for (ch = 0; ch < SFF8472_NUM_CHANNELS; ch++)
		for (lim = 0; lim < SFF8472_NUM_LIMITS; lim++)
			KUNIT_EXPECT_FALSE_MSG(test, lv.flag[ch][lim],
					       "channel %d limit %d", ch, lim);
	KUNIT_EXPECT_EQ(test, lv.status, 0xff);
}

static void sff8472_test_flags_all(struct kunit *test)
{
	u8 live[SFF8472_LIVE_LEN] = {};
	struct sff8472_live lv;
	int ch, lim;

	live[LIVE_OFF(112)] = 0xff;
	live[LIVE_OFF(113)] = 0xc0;
	live[LIVE_OFF(116)] = 0xff;
	live[LIVE_OFF(117)] = 0xc0;
	sff8472_decode_live(live, &lv);

	for (ch = 0; ch < SFF8472_NUM_CHANNELS; ch++)
		for (lim = 0; lim < SFF8472_NUM_LIMITS; lim++)
			KUNIT_EXPECT_TRUE_MSG(test, lv.flag[ch][lim],
					      "channel %d limit %d", ch, lim);

	/* Alarms only: no warning leaks, and vice versa. */
	live[LIVE_OFF(116)] = 0;
	live[LIVE_OFF(117)] = 0;
	sff8472_decode_live(live, &lv);
	for (ch = 0; ch < SFF8472_NUM_CHANNELS; ch++) {
		KUNIT_EXPECT_TRUE(test, lv.flag[ch][SFF8472_HIGH_ALARM]);
		KUNIT_EXPECT_TRUE(test, lv.flag[ch][SFF8472_LOW_ALARM]);
		KUNIT_EXPECT_FALSE(test, lv.flag[ch][SFF8472_HIGH_WARN]);
		KUNIT_EXPECT_FALSE(test, lv.flag[ch][SFF8472_LOW_WARN]);
	}
}

static struct kunit_case sff8472_decode_test_cases[] = {
	KUNIT_CASE_PARAM(sff8472_test_copy_string, sff8472_string_gen_params),
	KUNIT_CASE(sff8472_test_copy_string_zero_size),
	KUNIT_CASE(sff8472_test_checksum),
	KUNIT_CASE(sff8472_test_checksum_ok),
	KUNIT_CASE(sff8472_test_dmi_checksum),
	KUNIT_CASE_PARAM(sff8472_test_date, sff8472_date_gen_params),
	KUNIT_CASE(sff8472_test_id_sr),
	KUNIT_CASE(sff8472_test_id_checksums),
	KUNIT_CASE(sff8472_test_id_dac),
	KUNIT_CASE(sff8472_test_id_active_cable),
	KUNIT_CASE_PARAM(sff8472_test_bit_rate, sff8472_br_gen_params),
	KUNIT_CASE(sff8472_test_thresholds),
	KUNIT_CASE(sff8472_test_live_values),
	KUNIT_CASE_PARAM(sff8472_test_flag_bit, sff8472_flag_gen_params),
	KUNIT_CASE(sff8472_test_flags_reserved),
	KUNIT_CASE(sff8472_test_flags_all),
	{}
};

static struct kunit_suite sff8472_decode_test_suite = {
	.name = "sff8472_decode",
	.test_cases = sff8472_decode_test_cases,
};

kunit_test_suite(sff8472_decode_test_suite);

MODULE_DESCRIPTION("KUnit tests for the SFF-8472 field decoder");
MODULE_LICENSE("GPL");
MODULE_IMPORT_NS("EXPORTED_FOR_KUNIT_TESTING");
