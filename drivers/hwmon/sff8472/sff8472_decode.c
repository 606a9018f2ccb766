// SPDX-License-Identifier: GPL-2.0-only
/*
 * SFF-8472 decode core: identity (A0h), thresholds, checksums and live
 * values (A2h). Pure functions over EEPROM bytes: no I/O, no allocation,
 * no floating point. Table numbers refer to SFF-8472 rev 11.0.
 */

#include <linux/bits.h>
#include <linux/export.h>
#include <linux/minmax.h>
#include <linux/module.h>
#include <linux/string.h>
#include <linux/types.h>
#include "sff8472_compat.h"

#include <kunit/visibility.h>

#include "sff8472_decode.h"

/* A0h field lengths (Table 3.1); the offsets are <linux/sfp.h>'s. */
#define VENDOR_STR_LEN		16
#define VENDOR_REV_LEN		4
#define DATE_CODE_LEN		8

/* Byte 12 escape value: nominal rate is in byte 66, units of 250 MBd. */
#define BR_NOMINAL_EXT		0xff

/* Transceiver code byte 8: SFP+ cable technology (Table 3.5). */
#define XCVR8_ACTIVE_CABLE	BIT(3)
#define XCVR8_PASSIVE_CABLE	BIT(2)

/* The check code of CC_BASE, CC_EXT and CC_DMI: the sum modulo 256. */
u8 sff8472_checksum(const u8 *buf, size_t len)
{
	u8 sum = 0;
	size_t i;

	for (i = 0; i < len; i++)
		sum += buf[i];

	return sum;
}
EXPORT_SYMBOL_IF_KUNIT(sff8472_checksum);

/* Is @expected the check code of @len bytes at @buf? */
bool sff8472_checksum_ok(const u8 *buf, size_t len, u8 expected)
{
	return sff8472_checksum(buf, len) == expected;
}
EXPORT_SYMBOL_IF_KUNIT(sff8472_checksum_ok);

static bool sff8472_is_pad(u8 c)
{
	return c == ' ' || c == '\0';
}

static char sff8472_printable(u8 c)
{
	return (c >= 0x20 && c <= 0x7e) ? c : '?';
}

/**
 * sff8472_copy_string() - copy a fixed-width ASCII field for display
 * @dst: destination buffer, always NUL-terminated if @dst_size > 0
 * @dst_size: size of @dst including the terminating NUL
 * @src: field bytes
 * @len: field width
 *
 * Trailing spaces and NULs are trimmed (modules pad with either), then
 * every remaining byte outside printable ASCII (20h-7Eh) is replaced by
 * '?'. Leading spaces are kept. The result is truncated to @dst_size - 1
 * characters.
 *
 * Return: the length of the string written to @dst.
 */
size_t sff8472_copy_string(char *dst, size_t dst_size, const u8 *src,
			   size_t len)
{
	size_t n, i;

	if (!dst_size)
		return 0;

	while (len && sff8472_is_pad(src[len - 1]))
		len--;

	n = min(len, dst_size - 1);
	for (i = 0; i < n; i++)
		dst[i] = sff8472_printable(src[i]);
	dst[n] = '\0';

	return n;
}
EXPORT_SYMBOL_IF_KUNIT(sff8472_copy_string);

static bool sff8472_two_digits(const u8 *p, u8 *val)
{
	if (p[0] < '0' || p[0] > '9' || p[1] < '0' || p[1] > '9')
		return false;

	*val = (p[0] - '0') * 10 + (p[1] - '0');
	return true;
}

/**
 * sff8472_decode_date() - decode the date code (A0h bytes 84-91, Table 3.8)
 * @code: the 8 bytes of the date code
 * @date: result
 *
 * YYMMDD must be ASCII digits with month 1-12 and day 1-31 for @date->valid;
 * otherwise year, month and day are 0. The lot code (bytes 90-91) is vendor
 * specific and may be blank, so it does not affect validity; it is shown
 * only within @date->raw, which always holds a display-safe copy of all
 * eight bytes.
 */
void sff8472_decode_date(const u8 *code, struct sff8472_date *date)
{
	u8 yy, mm, dd;

	memset(date, 0, sizeof(*date));

	sff8472_copy_string(date->raw, sizeof(date->raw), code, DATE_CODE_LEN);

	if (!sff8472_two_digits(code, &yy) ||
	    !sff8472_two_digits(code + 2, &mm) ||
	    !sff8472_two_digits(code + 4, &dd))
		return;

	if (mm < 1 || mm > 12 || dd < 1 || dd > 31)
		return;

	date->valid = true;
	date->year = 2000 + yy;
	date->month = mm;
	date->day = dd;
}
EXPORT_SYMBOL_IF_KUNIT(sff8472_decode_date);

/*
 * Byte 12 in 100 MBd, or with the FFh escape byte 66 in 250 MBd (the byte
 * <linux/sfp.h> names after its other use, the maximum rate).
 */
static u32 sff8472_br_nominal(const u8 *a0)
{
	u8 nominal = a0[SFP_BR_NOMINAL];

	if (nominal == BR_NOMINAL_EXT)
		return a0[SFP_BR_MAX] * 250U;
	return nominal * 100U;
}

/**
 * sff8472_decode_id() - decode the serial ID fields (A0h 0-95, Table 3.1)
 * @a0: A0h bytes 0-95
 * @id: result
 *
 * Check codes are verified but the fields are decoded regardless; callers
 * decide what to do with a module that fails CC_BASE or CC_EXT.
 */
void sff8472_decode_id(const u8 a0[SFF8472_BASE_LEN], struct sff8472_id *id)
{
	const u8 *xcvr = &a0[SFP_COMPLIANCE];

	memset(id, 0, sizeof(*id));

	id->identifier = a0[SFP_PHYS_ID];
	id->connector = a0[SFP_CONNECTOR];
	id->br_nominal_mbd = sff8472_br_nominal(a0);
	id->is_cable = xcvr[5] & (XCVR8_PASSIVE_CABLE | XCVR8_ACTIVE_CABLE);

	sff8472_copy_string(id->vendor_name, sizeof(id->vendor_name),
			    &a0[SFP_VENDOR_NAME], VENDOR_STR_LEN);
	memcpy(id->vendor_oui, &a0[SFP_VENDOR_OUI], sizeof(id->vendor_oui));
	sff8472_copy_string(id->vendor_pn, sizeof(id->vendor_pn),
			    &a0[SFP_VENDOR_PN], VENDOR_STR_LEN);
	sff8472_copy_string(id->vendor_rev, sizeof(id->vendor_rev),
			    &a0[SFP_VENDOR_REV], VENDOR_REV_LEN);
	/* For cables, bytes 60-61 are a compliance code instead. */
	if (!id->is_cable)
		id->wavelength_nm = get_unaligned_be16(&a0[SFP_OPTICAL_WAVELENGTH_MSB]);

	id->options = get_unaligned_be16(&a0[SFP_OPTIONS]);
	sff8472_copy_string(id->vendor_sn, sizeof(id->vendor_sn),
			    &a0[SFP_VENDOR_SN], VENDOR_STR_LEN);
	sff8472_decode_date(&a0[SFP_DATECODE], &id->date);
	id->diag_type = a0[SFP_DIAGMON];
	id->enh_options = a0[SFP_ENHOPTS];
	id->compliance = a0[SFP_SFF8472_COMPLIANCE];

	id->cc_base_ok = sff8472_base_checksum_ok(a0);
	id->cc_ext_ok = sff8472_ext_checksum_ok(a0);
}
EXPORT_SYMBOL_IF_KUNIT(sff8472_decode_id);

/**
 * sff8472_decode_thresholds() - decode A2h bytes 0-39 (Table 3.15)
 * @a2: A2h bytes 0-95
 * @thr: result
 *
 * Each channel has 8 bytes: high alarm, low alarm, high warning, low
 * warning, each big-endian.
 */
void sff8472_decode_thresholds(const u8 a2[SFF8472_DMI_STATIC_LEN],
			       struct sff8472_thresholds *thr)
{
	int ch;

	for (ch = 0; ch < SFF8472_NUM_CHANNELS; ch++) {
		const u8 *p = &a2[SFP_TEMP_HIGH_ALARM + ch * 8];

		thr->raw[ch][SFF8472_HIGH_ALARM] = get_unaligned_be16(p);
		thr->raw[ch][SFF8472_LOW_ALARM] = get_unaligned_be16(p + 2);
		thr->raw[ch][SFF8472_HIGH_WARN] = get_unaligned_be16(p + 4);
		thr->raw[ch][SFF8472_LOW_WARN] = get_unaligned_be16(p + 6);
	}
}
EXPORT_SYMBOL_IF_KUNIT(sff8472_decode_thresholds);

/* CC_BASE, A0h byte 63, covers bytes 0-62. */
bool sff8472_base_checksum_ok(const u8 a0[SFF8472_BASE_LEN])
{
	return sff8472_checksum_ok(a0, SFP_CC_BASE,
				   a0[SFP_CC_BASE]);
}
EXPORT_SYMBOL_IF_KUNIT(sff8472_base_checksum_ok);

/* CC_EXT, A0h byte 95, covers bytes 64-94. */
bool sff8472_ext_checksum_ok(const u8 a0[SFF8472_BASE_LEN])
{
	return sff8472_checksum_ok(&a0[SFP_OPTIONS],
				   SFP_CC_EXT - SFP_OPTIONS,
				   a0[SFP_CC_EXT]);
}
EXPORT_SYMBOL_IF_KUNIT(sff8472_ext_checksum_ok);

/* CC_DMI, A2h byte 95, covers bytes 0-94. */
bool sff8472_dmi_checksum_ok(const u8 a2[SFF8472_DMI_STATIC_LEN])
{
	return sff8472_checksum_ok(a2, SFP_CHKSUM,
				   a2[SFP_CHKSUM]);
}
EXPORT_SYMBOL_IF_KUNIT(sff8472_dmi_checksum_ok);

#define LIVE(off)	((off) - SFF8472_LIVE_START)

/**
 * sff8472_decode_live() - decode one snapshot of A2h 96-119
 * @live: A2h bytes 96-119
 * @lv: result
 *
 * Alarm (112-113) and warning (116-117) flags follow Table 3.18: byte
 * 112/116 bit 7 down to bit 0 are temperature high/low, Vcc high/low, bias
 * high/low, TX power high/low; byte 113/117 bits 7/6 are RX power high/low.
 * The remaining bits are reserved and ignored, as are reserved bits of
 * byte 118 (Table 3.18a).
 */
void sff8472_decode_live(const u8 live[SFF8472_LIVE_LEN],
			 struct sff8472_live *lv)
{
	u16 alarm = get_unaligned_be16(&live[LIVE(SFP_ALARM0)]);
	u16 warn = get_unaligned_be16(&live[LIVE(SFP_WARN0)]);
	int ch;

	for (ch = 0; ch < SFF8472_NUM_CHANNELS; ch++) {
		/* High flag at bit 15 - 2 * ch of the 16-bit word, low below. */
		u16 high = BIT(15 - 2 * ch);
		u16 low = BIT(14 - 2 * ch);

		lv->raw[ch] = get_unaligned_be16(&live[LIVE(SFP_TEMP) +
						       2 * ch]);
		lv->flag[ch][SFF8472_HIGH_ALARM] = alarm & high;
		lv->flag[ch][SFF8472_LOW_ALARM] = alarm & low;
		lv->flag[ch][SFF8472_HIGH_WARN] = warn & high;
		lv->flag[ch][SFF8472_LOW_WARN] = warn & low;
	}

	lv->status = live[LIVE(SFP_STATUS)];
}
EXPORT_SYMBOL_IF_KUNIT(sff8472_decode_live);
