/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * SFF-8472 decode core: pure functions over EEPROM bytes.
 *
 * Nothing here does I/O, allocates or uses floating point, so every function
 * can be tested exhaustively from KUnit. Byte offsets and bit names follow
 * SFF-8472 rev 11.0; the comments cite its tables.
 */
#ifndef _SFF8472_DECODE_H
#define _SFF8472_DECODE_H

#include <linux/bits.h>
#include <linux/sfp.h>
#include <linux/types.h>

/* Sizes of the areas the driver caches (A0h 0-95, A2h 0-95, A2h 96-119). */
#define SFF8472_BASE_LEN	96
#define SFF8472_DMI_STATIC_LEN	96
#define SFF8472_LIVE_START	96
#define SFF8472_LIVE_LEN	24	/* A2h 96-119 */
#define SFF8472_PAGE_LEN	256

/*
 * Register and bit names come from <linux/sfp.h> (SFP_DIAGMON, SFP_STATUS,
 * ...); what it lacks is defined here.
 */

/* A2h user EEPROM (Table 3.16). */
#define SFF8472_A2_USER_EEPROM	128	/* 128-247 */
#define SFF8472_A2_USER_EEPROM_END 247

/* A2h byte 110, status/control (Table 3.17): states and Data_Ready_Bar. */
#define SFF8472_STATUS_RS1		BIT(5)
#define SFF8472_STATUS_RS0		BIT(4)
#define SFF8472_STATUS_DATA_NOT_READY	BIT(0)

/* A2h byte 118, extended status/control (Table 3.18a). */
#define SFF8472_EXT_POWER_LEVEL_STATE	BIT(1)

/* The five monitored quantities, in A2h order (bytes 96-105). */
enum sff8472_channel {
	SFF8472_TEMP,
	SFF8472_VCC,
	SFF8472_BIAS,
	SFF8472_TX_POWER,
	SFF8472_RX_POWER,
	SFF8472_NUM_CHANNELS
};

/* The four limits of a channel; hwmon names in brackets. */
enum sff8472_limit {
	SFF8472_LOW_ALARM,	/* _lcrit */
	SFF8472_LOW_WARN,	/* _min */
	SFF8472_HIGH_WARN,	/* _max */
	SFF8472_HIGH_ALARM,	/* _crit */
	SFF8472_NUM_LIMITS
};

/*
 * Output units. HWMON: m°C, mV, mA, µW (Documentation/hwmon/sysfs-interface.rst).
 * FINE: the spec's own resolution: 1/256 °C, 100 µV, µA (LSB is 2 µA), 0.1 µW.
 */
enum sff8472_unit {
	SFF8472_UNIT_HWMON,
	SFF8472_UNIT_FINE,
};

/* Vendor strings, trimmed, NUL-terminated, non-printable bytes shown as '?'. */
struct sff8472_date {
	bool valid;		/* digits, month 1-12, day 1-31 */
	u16 year;		/* 2000 + YY */
	u8 month;
	u8 day;
	char raw[9];		/* bytes 84-91, sanitised, for display when !valid */
};

/* What the outputs and logs use of A0h bytes 0-95 (Table 3.1). */
struct sff8472_id {
	u8 identifier;		/* byte 0 */
	u8 connector;		/* byte 2 */
	u32 br_nominal_mbd;	/* byte 12 (x100 MBd) or byte 66 (x250 MBd) */
	char vendor_name[17];	/* bytes 20-35 */
	u8 vendor_oui[3];	/* bytes 37-39 */
	char vendor_pn[17];	/* bytes 40-55 */
	char vendor_rev[5];	/* bytes 56-59 */
	bool is_cable;		/* byte 8 bit 2 (passive) or bit 3 (active) */
	u16 wavelength_nm;	/* bytes 60-61 when !is_cable */
	u16 options;		/* bytes 64-65 */
	char vendor_sn[17];	/* bytes 68-83 */
	struct sff8472_date date; /* bytes 84-91 */
	u8 diag_type;		/* byte 92 */
	u8 enh_options;		/* byte 93 */
	u8 compliance;		/* byte 94 */
	bool cc_base_ok;	/* sum of bytes 0-62 == byte 63 */
	bool cc_ext_ok;		/* sum of bytes 64-94 == byte 95 */
};

/* External calibration constants (A2h 56-91, Table 3.16). */
struct sff8472_calibration {
	bool external;		/* A0h byte 92 bit 4; constants ignored otherwise */
	u16 slope[SFF8472_RX_POWER];	/* unsigned 8.8, indexed by channel */
	s16 offset[SFF8472_RX_POWER];	/* LSB of the channel's internal unit */
	u32 rx_pwr[5];		/* IEEE-754 single bit patterns; index = power of x */
};

/* Raw 16-bit thresholds (A2h 0-39, Table 3.15). */
struct sff8472_thresholds {
	u16 raw[SFF8472_NUM_CHANNELS][SFF8472_NUM_LIMITS];
};

/* One coherent snapshot of A2h 96-119. */
struct sff8472_live {
	u16 raw[SFF8472_NUM_CHANNELS];	/* bytes 96-105 */
	u8 status;			/* byte 110 */
	/* flags[ch][limit], from bytes 112-113 and 116-117, reserved bits masked */
	bool flag[SFF8472_NUM_CHANNELS][SFF8472_NUM_LIMITS];
};

u8 sff8472_checksum(const u8 *buf, size_t len);
bool sff8472_checksum_ok(const u8 *buf, size_t len, u8 expected);

size_t sff8472_copy_string(char *dst, size_t dst_size, const u8 *src, size_t len);
void sff8472_decode_date(const u8 *code, struct sff8472_date *date);

void sff8472_decode_id(const u8 a0[SFF8472_BASE_LEN], struct sff8472_id *id);
void sff8472_decode_thresholds(const u8 a2[SFF8472_DMI_STATIC_LEN],
			       struct sff8472_thresholds *thr);
void sff8472_decode_calibration(const u8 a2[SFF8472_DMI_STATIC_LEN], u8 diag_type,
				struct sff8472_calibration *cal);
bool sff8472_base_checksum_ok(const u8 a0[SFF8472_BASE_LEN]);
bool sff8472_ext_checksum_ok(const u8 a0[SFF8472_BASE_LEN]);
bool sff8472_dmi_checksum_ok(const u8 a2[SFF8472_DMI_STATIC_LEN]);
void sff8472_decode_live(const u8 live[SFF8472_LIVE_LEN], struct sff8472_live *lv);

/*
 * Convert a raw A/D value or threshold of @ch into @unit, applying @cal.
 * Returns 0, -EINVAL when an Rx_PWR coefficient is NaN or infinite (or
 * @ch/@unit is invalid), or -ERANGE when Rx_PWR terms of at least 2^48 LSB
 * have both signs (terms that large of one sign saturate the result).
 * Results are clamped to the spec's range for the channel (temperature
 * -32768..32767 LSB, i.e. -128..+127.996 °C, the others 0..65535 LSB) and
 * rounded once, half away from zero, to @unit.
 */
int sff8472_calibrate(const struct sff8472_calibration *cal,
		      enum sff8472_channel ch, u16 raw,
		      enum sff8472_unit unit, s32 *out);

#endif /* _SFF8472_DECODE_H */
