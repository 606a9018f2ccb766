// SPDX-License-Identifier: GPL-2.0-only
/*
 * sff8472-info: what `ethtool -m` prints for an SFF-8472 module, from the
 * sff8472 driver's eeprom file (512 bytes, A0h then A2h: optoe's layout),
 * from a dump of 256 (A0h only) or 512 bytes, or from a cage named by its
 * label, without a network device.
 *
 *   sff8472-info [--json] FILE|LABEL
 *
 * The identity, thresholds, flags and calibrated values come from the
 * driver's own pure code (drivers/hwmon/sff8472/sff8472_decode.c and
 * sff8472_calibration.c, built here against the shim headers in include/),
 * so the numbers are the ones the driver's sysfs and hwmon files give, in
 * full resolution. Field names, order and units are ethtool's; where
 * ethtool's arithmetic is wrong (external calibration of RX power: it
 * ignores Rx_PWR(4) and uses x instead of x^2, x^3) the value printed is
 * the one SFF-8472 rev 11.0 defines.
 *
 * Exit status: 0, 1 for bad input (one line on stderr), 2 for bad usage.
 */

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "sff8472_decode.h"
#include "sff8472_version.h"

#define PROG		"sff8472-info"
#define PAGE		SFF8472_PAGE_LEN
#define FULL		(2 * SFF8472_PAGE_LEN)
#define SYSFS_DEVICES	"/bus/i2c/devices"

/* A0h bytes ethtool shows that the driver's decode does not interpret. */
#define A0_EXT_ID	1
#define A0_XCVR		3	/* 3-10, and 36 */
#define A0_XCVR_EXT	36
#define A0_ENCODING	11
#define A0_BR_NOMINAL	12
#define A0_RATE_ID	13
#define A0_LENGTHS	14	/* 14-19 */
#define A0_CABLE_SPEC	60
#define A0_BR_MAX	66
#define A0_BR_MIN	67

struct module {
	u8 img[FULL];
	size_t len;		/* PAGE or FULL */
	const char *source;
};

static bool json;
static bool json_first = true;

/* ------------------------------------------------------------------ */
/* Output: ethtool's "\t%-41s : value" lines, or one JSON object.      */

static void die(const char *fmt, ...)
{
	va_list ap;

	fputs(PROG ": ", stderr);
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fputc('\n', stderr);
	exit(1);
}

/*
 * JSON member name: the ethtool field name in lower case, runs of other
 * characters as one '_', then '_' and the unit, unless the name ends with
 * it already ("Length (SMF,km)" is "length_smf_km").
 */
static void json_key(const char *name, const char *unit)
{
	char key[128];
	size_t n = 0, u = unit ? strlen(unit) : 0;
	bool sep = false;
	const char *p;

	for (p = name; *p && n < sizeof(key) - 2; p++) {
		char c = *p;

		if (c >= 'A' && c <= 'Z')
			c += 'a' - 'A';
		if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) {
			if (sep && n)
				key[n++] = '_';
			sep = false;
			key[n++] = c;
		} else {
			sep = true;
		}
	}
	key[n] = '\0';
	if (unit && !(n > u && key[n - u - 1] == '_' && !strcmp(key + n - u, unit)))
		snprintf(key + n, sizeof(key) - n, "_%s", unit);
	printf("%s\n  \"%s\": ", json_first ? "" : ",", key);
	json_first = false;
}

static void json_string(const char *s)
{
	putchar('"');
	for (; *s; s++) {
		unsigned char c = *s;

		if (c == '"' || c == '\\')
			printf("\\%c", c);
		else if (c < 0x20 || c > 0x7e)
			printf("\\u%04x", c);
		else
			putchar(c);
	}
	putchar('"');
}

static void text_name(const char *name)
{
	printf("\t%-41s : ", name);
}

static void out_str(const char *name, const char *value)
{
	if (json) {
		json_key(name, NULL);
		json_string(value);
	} else {
		text_name(name);
		printf("%s\n", value);
	}
}

/* "0x03 (SFP)"; JSON: "identifier": 3, "identifier_description": "SFP" */
static void out_code(const char *name, unsigned int code, const char *desc)
{
	if (json) {
		json_key(name, NULL);
		printf("%u", code);
		json_key(name, "description");
		json_string(desc);
	} else {
		text_name(name);
		printf("0x%02x (%s)\n", code, desc);
	}
}

/* "10300MBd"; JSON: "br_nominal_mbd": 10300 */
static void out_uint(const char *name, unsigned int value, const char *unit,
		     const char *key_unit)
{
	if (json) {
		json_key(name, key_unit);
		printf("%u", value);
	} else {
		text_name(name);
		printf("%u%s\n", value, unit);
	}
}

static void out_bool(const char *name, bool value, const char *yes,
		     const char *no)
{
	if (json) {
		json_key(name, NULL);
		fputs(value ? "true" : "false", stdout);
	} else {
		text_name(name);
		printf("%s\n", value ? yes : no);
	}
}

/* Lines that repeat one name (Transceiver type, Option): a JSON array. */
static void out_list(const char *name, const char *const *items, int n)
{
	int i;

	if (json) {
		json_key(name, NULL);
		putchar('[');
		for (i = 0; i < n; i++) {
			if (i)
				fputs(", ", stdout);
			json_string(items[i]);
		}
		putchar(']');
		return;
	}
	for (i = 0; i < n; i++) {
		text_name(name);
		printf("%s\n", items[i]);
	}
}

/* A value the calibration could not compute (NaN/Inf constants, ...). */
static void out_unavailable(const char *name, const char *const *units,
			    int ret)
{
	const char *why = ret == -ERANGE ? "calibration terms out of range" :
					   "invalid calibration constants";

	if (json) {
		for (; *units; units++) {
			json_key(name, *units);
			fputs("null", stdout);
		}
	} else {
		text_name(name);
		printf("unavailable (%s)\n", why);
	}
}

/* ------------------------------------------------------------------ */
/* Values, from the driver's calibration in its FINE units.            */

static const char *const bias_units[] = { "ma", NULL };
static const char *const power_units[] = { "mw", "dbm", NULL };
static const char *const temp_units[] = { "degrees_c", "degrees_f", NULL };
static const char *const vcc_units[] = { "v", NULL };

static void out_value(const char *name, const struct sff8472_calibration *cal,
		      enum sff8472_channel ch, u16 raw)
{
	s32 v;
	int ret = sff8472_calibrate(cal, ch, raw, SFF8472_UNIT_FINE, &v);
	double mw, dbm, c, f;

	if (ret) {
		static const char *const *const units[] = {
			temp_units, vcc_units, bias_units, power_units,
			power_units,
		};

		out_unavailable(name, units[ch], ret);
		return;
	}

	switch (ch) {
	case SFF8472_BIAS:		/* µA, >= 0 */
		if (json) {
			json_key(name, "ma");
			printf("%d.%03d", v / 1000, v % 1000);
		} else {
			text_name(name);
			printf("%d.%03d mA\n", v / 1000, v % 1000);
		}
		break;
	case SFF8472_TX_POWER:		/* 0.1 µW, >= 0 */
	case SFF8472_RX_POWER:
		mw = v / 10000.;
		dbm = 10. * log10(mw);
		if (json) {
			json_key(name, "mw");
			printf("%d.%04d", v / 10000, v % 10000);
			json_key(name, "dbm");
			if (v)
				printf("%.2f", dbm);
			else
				fputs("null", stdout);	/* -inf */
		} else {
			text_name(name);
			printf("%d.%04d mW / %.2f dBm\n", v / 10000, v % 10000,
			       dbm);
		}
		break;
	case SFF8472_TEMP:		/* 1/256 °C */
		c = v / 256.;
		f = c * 1.8 + 32.;
		if (json) {
			json_key(name, "degrees_c");
			printf("%.8f", c);
			json_key(name, "degrees_f");
			printf("%.8f", f);
		} else {
			text_name(name);
			printf("%.2f degrees C / %.2f degrees F\n", c, f);
		}
		break;
	case SFF8472_VCC:		/* 100 µV, >= 0 */
		if (json) {
			json_key(name, "v");
			printf("%d.%04d", v / 10000, v % 10000);
		} else {
			text_name(name);
			printf("%d.%04d V\n", v / 10000, v % 10000);
		}
		break;
	default:
		break;
	}
}

/* ------------------------------------------------------------------ */
/* Identity (A0h), in ethtool's order.                                  */

#define UNKNOWN	"reserved or unknown"

/* The name of @code in a table indexed by code, or @other. */
static const char *lookup(const char *const *table, u8 code, const char *other)
{
	return table[code] ? table[code] : other;
}

#define N(t)	(sizeof(t) / sizeof((t)[0]))

/* SFF-8024 Table 4-1, as ethtool names them. */
static const char *const identifiers[256] = {
	[0x00] = "no module present, unknown, or unspecified",
	[0x01] = "GBIC",
	[0x02] = "module soldered to motherboard",
	[0x03] = "SFP",
	[0x04] = "300 pin XBI",
	[0x05] = "XENPAK",
	[0x06] = "XFP",
	[0x07] = "XFF",
	[0x08] = "XFP-E",
	[0x09] = "XPAK",
	[0x0a] = "X2",
	[0x0b] = "DWDM-SFP",
	[0x0c] = "QSFP",
	[0x0d] = "QSFP+",
	[0x0e] = "CXP",
	[0x0f] = "Shielded Mini Multilane HD 4X",
	[0x10] = "Shielded Mini Multilane HD 8X",
	[0x11] = "QSFP28",
	[0x12] = "CXP2/CXP28",
	[0x13] = "CDFP Style 1/Style 2",
	[0x14] = "Shielded Mini Multilane HD 4X Fanout Cable",
	[0x15] = "Shielded Mini Multilane HD 8X Fanout Cable",
	[0x16] = "CDFP Style 3",
	[0x17] = "microQSFP",
	[0x18] = "QSFP-DD Double Density 8X Pluggable Transceiver (INF-8628)",
	[0x19] = "OSFP 8X Pluggable Transceiver",
	[0x1b] = "DSFP Dual Small Form Factor Pluggable Transceiver",
	[0x1e] = "QSFP+ or later with Common Management Interface Specification (CMIS)",
	[0x1f] =
		"SFP-DD Double Density 2X Pluggable Transceiver with Common Management Interface Specification (CMIS)",
	[0x20] = "SFP+ and later with Common Management Interface Specification (CMIS)",
};

/* SFF-8024 Table 4-3. */
static const char *const connectors[256] = {
	[0x00] = "unknown or unspecified",
	[0x01] = "SC",
	[0x02] = "Fibre Channel Style 1 copper",
	[0x03] = "Fibre Channel Style 2 copper",
	[0x04] = "BNC/TNC",
	[0x05] = "Fibre Channel coaxial headers",
	[0x06] = "FibreJack",
	[0x07] = "LC",
	[0x08] = "MT-RJ",
	[0x09] = "MU",
	[0x0a] = "SG",
	[0x0b] = "Optical pigtail",
	[0x0c] = "MPO Parallel Optic",
	[0x0d] = "MPO Parallel Optic - 2x16",
	[0x20] = "HSSDC II",
	[0x21] = "Copper pigtail",
	[0x22] = "RJ45",
	[0x23] = "No separable connector",
	[0x24] = "MXC 2x16",
	[0x25] = "CS optical connector",
	[0x26] = "Mini CS optical connector",
	[0x27] = "MPO 2x12",
	[0x28] = "MPO 1x16",
};

/* SFF-8024 Table 4-2, SFF-8472 meanings of 04h-06h. */
static const char *const encodings[256] = {
	[0x00] = "unspecified",
	[0x01] = "8B/10B",
	[0x02] = "4B/5B",
	[0x03] = "NRZ",
	[0x04] = "Manchester",
	[0x05] = "SONET Scrambled",
	[0x06] = "64B/66B",
	[0x07] = "(256B/257B (transcoded FEC-enabled data)",
	[0x08] = "PAM4",
};

/* SFF-8472 Table 5-6 (byte 13). */
static const char *const rate_ids[256] = {
	[0x00] = "unspecified",
	[0x01] = "4/2/1G Rate_Select & AS0/AS1",
	[0x02] = "8/4/2G Rx Rate_Select only",
	[0x03] = "8/4/2G Independent Rx & Tx Rate_Select",
	[0x04] = "8/4/2G Tx Rate_Select only",
};

/* Transceiver compliance bits, bytes 3-10 (Table 5-3), ethtool's names. */
struct xcvr_bit {
	u8 byte;
	u8 bit;
	const char *name;
};

static const struct xcvr_bit xcvr_bits[] = {
	{ 3, 7, "10G Ethernet: 10G Base-ER [SFF-8472 rev10.4 onwards]" },
	{ 3, 6, "10G Ethernet: 10G Base-LRM" },
	{ 3, 5, "10G Ethernet: 10G Base-LR" },
	{ 3, 4, "10G Ethernet: 10G Base-SR" },
	{ 3, 3, "Infiniband: 1X SX" }, { 3, 2, "Infiniband: 1X LX" },
	{ 3, 1, "Infiniband: 1X Copper Active" },
	{ 3, 0, "Infiniband: 1X Copper Passive" },
	{ 4, 7, "ESCON: ESCON MMF, 1310nm LED" },
	{ 4, 6, "ESCON: ESCON SMF, 1310nm Laser" },
	{ 4, 5, "SONET: OC-192, short reach" },
	{ 4, 4, "SONET: SONET reach specifier bit 1" },
	{ 4, 3, "SONET: SONET reach specifier bit 2" },
	{ 4, 2, "SONET: OC-48, long reach" },
	{ 4, 1, "SONET: OC-48, intermediate reach" },
	{ 4, 0, "SONET: OC-48, short reach" },
	{ 5, 6, "SONET: OC-12, single mode, long reach" },
	{ 5, 5, "SONET: OC-12, single mode, inter. reach" },
	{ 5, 4, "SONET: OC-12, short reach" },
	{ 5, 2, "SONET: OC-3, single mode, long reach" },
	{ 5, 1, "SONET: OC-3, single mode, inter. reach" },
	{ 5, 0, "SONET: OC-3, short reach" },
	{ 6, 7, "Ethernet: BASE-PX" }, { 6, 6, "Ethernet: BASE-BX10" },
	{ 6, 5, "Ethernet: 100BASE-FX" },
	{ 6, 4, "Ethernet: 100BASE-LX/LX10" },
	{ 6, 3, "Ethernet: 1000BASE-T" }, { 6, 2, "Ethernet: 1000BASE-CX" },
	{ 6, 1, "Ethernet: 1000BASE-LX" }, { 6, 0, "Ethernet: 1000BASE-SX" },
	{ 7, 7, "FC: very long distance (V)" },
	{ 7, 6, "FC: short distance (S)" },
	{ 7, 5, "FC: intermediate distance (I)" },
	{ 7, 4, "FC: long distance (L)" }, { 7, 3, "FC: medium distance (M)" },
	{ 7, 2, "FC: Shortwave laser, linear Rx (SA)" },
	{ 7, 1, "FC: Longwave laser (LC)" },
	{ 7, 0, "FC: Electrical inter-enclosure (EL)" },
	{ 8, 7, "FC: Electrical intra-enclosure (EL)" },
	{ 8, 6, "FC: Shortwave laser w/o OFC (SN)" },
	{ 8, 5, "FC: Shortwave laser with OFC (SL)" },
	{ 8, 4, "FC: Longwave laser (LL)" }, { 8, 3, "Active Cable" },
	{ 8, 2, "Passive Cable" }, { 8, 1, "FC: Copper FC-BaseT" },
	{ 9, 7, "FC: Twin Axial Pair (TW)" }, { 9, 6, "FC: Twisted Pair (TP)" },
	{ 9, 5, "FC: Miniature Coax (MI)" }, { 9, 4, "FC: Video Coax (TV)" },
	{ 9, 3, "FC: Multimode, 62.5um (M6)" },
	{ 9, 2, "FC: Multimode, 50um (M5)" }, { 9, 0, "FC: Single Mode (SM)" },
	{ 10, 7, "FC: 1200 MBytes/sec" }, { 10, 6, "FC: 800 MBytes/sec" },
	{ 10, 4, "FC: 400 MBytes/sec" }, { 10, 2, "FC: 200 MBytes/sec" },
	{ 10, 0, "FC: 100 MBytes/sec" },
};

/* Byte 36, extended compliance (SFF-8024 Table 4-4), those ethtool names. */
static const char *const xcvr_ext[256] = {
	[0x01] = "Extended: 100G AOC or 25GAUI C2M AOC with worst BER of 5x10^(-5)",
	[0x02] = "Extended: 100G Base-SR4 or 25GBase-SR",
	[0x03] = "Extended: 100G Base-LR4 or 25GBase-LR",
	[0x04] = "Extended: 100G Base-ER4 or 25GBase-ER",
	[0x08] = "Extended: 100G ACC or 25GAUI C2M ACC with worst BER of 5x10^(-5)",
	[0x0b] = "Extended: 100G Base-CR4 or 25G Base-CR CA-L",
	[0x0c] = "Extended: 25G Base-CR CA-S",
	[0x0d] = "Extended: 25G Base-CR CA-N",
	[0x16] = "Extended: 10Gbase-T with SFI electrical interface",
	[0x18] = "Extended: 100G AOC or 25GAUI C2M AOC with worst BER of 10^(-12)",
	[0x19] = "Extended: 100G ACC or 25GAUI C2M ACC with worst BER of 10^(-12)",
	[0x1a] =
		"Extended: 100GE-DWDM2 (DWDM transceiver using 2 wavelengths on a 1550 nm DWDM grid with a reach up to 80 km)",
	[0x1b] = "Extended: 100G 1550nm WDM (4 wavelengths)",
	[0x1c] = "Extended: 10Gbase-T Short Reach",
	[0x1d] = "Extended: 5GBASE-T",
	[0x1e] = "Extended: 2.5GBASE-T",
	[0x1f] = "Extended: 40G SWDM4",
	[0x20] = "Extended: 100G SWDM4",
	[0x21] = "Extended: 100G PAM4 BiDi",
	[0x22] =
		"Extended: 4WDM-10 MSA (10km version of 100G CWDM4 with same RS(528,514) FEC in host system)",
	[0x23] =
		"Extended: 4WDM-20 MSA (20km version of 100GBASE-LR4 with RS(528,514) FEC in host system)",
	[0x24] =
		"Extended: 4WDM-40 MSA (40km reach with APD receiver and RS(528,514) FEC in host system)",
	[0x25] = "Extended: 100GBASE-DR (clause 140), CAUI-4 (no FEC)",
	[0x26] = "Extended: 100G-FR or 100GBASE-FR1 (clause 140), CAUI-4 (no FEC)",
	[0x27] = "Extended: 100G-LR or 100GBASE-LR1 (clause 140), CAUI-4 (no FEC)",
	[0x30] =
		"Extended: Active Copper Cable with 50GAUI, 100GAUI-2 or 200GAUI-4 C2M. Providing a worst BER of 10-6 or below",
	[0x31] =
		"Extended: Active Optical Cable with 50GAUI, 100GAUI-2 or 200GAUI-4 C2M. Providing a worst BER of 10-6 or below",
	[0x32] =
		"Extended: Active Copper Cable with 50GAUI, 100GAUI-2 or 200GAUI-4 C2M. Providing a worst BER of 2.6x10-4 for ACC, 10-5 for AUI, or below",
	[0x33] =
		"Extended: Active Optical Cable with 50GAUI, 100GAUI-2 or 200GAUI-4 C2M. Providing a worst BER of 2.6x10-4 for ACC, 10-5 for AUI, or below",
	[0x40] = "Extended: 50GBASE-CR, 100GBASE-CR2, or 200GBASE-CR4",
	[0x41] = "Extended: 50GBASE-SR, 100GBASE-SR2, or 200GBASE-SR4",
	[0x42] = "Extended: 50GBASE-FR or 200GBASE-DR4",
	[0x43] = "Extended: 200GBASE-FR4",
	[0x44] = "Extended: 200G 1550 nm PSM4",
	[0x45] = "Extended: 50GBASE-LR",
	[0x46] = "Extended: 200GBASE-LR4",
	[0x50] = "Extended: 64GFC EA",
	[0x51] = "Extended: 64GFC SW",
	[0x52] = "Extended: 64GFC LW",
	[0x53] = "Extended: 128GFC EA",
	[0x54] = "Extended: 128GFC SW",
	[0x55] = "Extended: 128GFC LW",
};

/* Options, bytes 64-65 (Table 8-3), as a 16-bit word, ethtool's order. */
static const struct {
	u16 mask;
	const char *name;
} option_bits[] = {
	{ BIT(1), "RX_LOS implemented" },
	{ BIT(2), "RX_LOS implemented, inverted" },
	{ BIT(3), "TX_FAULT implemented" },
	{ BIT(4), "TX_DISABLE implemented" },
	{ BIT(5), "RATE_SELECT implemented" },
	{ BIT(6), "Tunable transmitter technology" },
	{ BIT(7), "Receiver decision threshold implemented" },
	{ BIT(8), "Linear receiver output implemented" },
	{ BIT(9), "Power level 2 requirement" },
	{ BIT(10), "Cooled transceiver implemented" },
	{ BIT(11), "Retimer or CDR implemented" },
	{ BIT(12), "Paging implemented" },
	{ BIT(13), "Power level 3 requirement" },
};

static void show_transceiver(const u8 *a0)
{
	const char *items[N(xcvr_bits) + 1];
	char codes[64];
	const char *ext;
	size_t i;
	int n = 0;

	snprintf(codes, sizeof(codes),
		 "0x%02x 0x%02x 0x%02x 0x%02x 0x%02x 0x%02x 0x%02x 0x%02x 0x%02x",
		 a0[3], a0[4], a0[5], a0[6], a0[7], a0[8], a0[9], a0[10],
		 a0[A0_XCVR_EXT]);
	if (json) {
		json_key("Transceiver codes", NULL);
		printf("[%u, %u, %u, %u, %u, %u, %u, %u, %u]", a0[3], a0[4],
		       a0[5], a0[6], a0[7], a0[8], a0[9], a0[10],
		       a0[A0_XCVR_EXT]);
	} else {
		out_str("Transceiver codes", codes);
	}

	for (i = 0; i < N(xcvr_bits); i++)
		if (a0[xcvr_bits[i].byte] & BIT(xcvr_bits[i].bit))
			items[n++] = xcvr_bits[i].name;
	ext = lookup(xcvr_ext, a0[A0_XCVR_EXT], NULL);
	if (ext)
		items[n++] = ext;
	out_list("Transceiver type", items, n);
}

static void show_options(const struct sff8472_id *id)
{
	const char *items[N(option_bits)];
	char values[16];
	size_t i;
	int n = 0;

	if (json) {
		json_key("Option values", NULL);
		printf("[%u, %u]", id->options >> 8, id->options & 0xff);
	} else {
		snprintf(values, sizeof(values), "0x%02x 0x%02x",
			 id->options >> 8, id->options & 0xff);
		out_str("Option values", values);
	}
	for (i = 0; i < N(option_bits); i++)
		if (id->options & option_bits[i].mask)
			items[n++] = option_bits[i].name;
	out_list("Option", items, n);
}

static void show_wavelength(const u8 *a0, const struct sff8472_id *id)
{
	u8 spec = a0[A0_CABLE_SPEC];
	char text[64];
	const char *what;

	if (!id->is_cable) {
		out_uint("Laser wavelength", id->wavelength_nm, "nm", "nm");
		return;
	}
	/* Byte 8 bit 2 (passive) wins, as in ethtool. */
	if (a0[8] & BIT(2))
		what = spec == 0x00 ? "unspecified" :
		       spec == 0x01 ? "SFF-8431 appendix E" : "unknown";
	else
		what = spec == 0x00 ? "unspecified" :
		       spec == 0x01 ? "SFF-8431 appendix E" :
		       spec == 0x04 ? "SFF-8431 limiting" : "unknown";
	if (json) {
		out_code(a0[8] & BIT(2) ? "Passive Cu cmplnce." :
					  "Active Cu cmplnce.", spec, what);
		return;
	}
	snprintf(text, sizeof(text), "0x%02x (%s) [SFF-8472 rev10.4 only]",
		 spec, what);
	out_str(a0[8] & BIT(2) ? "Passive Cu cmplnce." : "Active Cu cmplnce.",
		text);
}

static void show_identity(const u8 *a0, const struct sff8472_id *id)
{
	static const char *const lengths[] = {
		"Length (SMF,km)", "Length (SMF)", "Length (50um)",
		"Length (62.5um)", "Length (Copper)", "Length (OM3)",
	};
	static const unsigned int mult[] = { 1, 100, 10, 10, 1, 10 };
	static const char *const unit[] = { "km", "m", "m", "m", "m", "m" };
	unsigned int br_max, br_min, i;
	char text[32];

	out_code("Identifier", id->identifier,
		 lookup(identifiers, id->identifier, UNKNOWN));
	if ((id->identifier != 0x02 && id->identifier != 0x03) ||
	    a0[A0_EXT_ID] != 0x04)
		return;

	out_code("Extended identifier", a0[A0_EXT_ID],
		 "GBIC/SFP defined by 2-wire interface ID");
	out_code("Connector", id->connector,
		 lookup(connectors, id->connector, UNKNOWN));
	show_transceiver(a0);
	out_code("Encoding", a0[A0_ENCODING],
		 lookup(encodings, a0[A0_ENCODING], UNKNOWN));

	/* ethtool: byte 12 = 0 means no rate; FFh moves margins to 67. */
	if (a0[A0_BR_NOMINAL] == 0) {
		br_max = 0;
		br_min = 0;
	} else if (a0[A0_BR_NOMINAL] == 0xff) {
		br_max = a0[A0_BR_MIN];
		br_min = a0[A0_BR_MIN];
	} else {
		br_max = a0[A0_BR_MAX];
		br_min = a0[A0_BR_MIN];
	}
	out_uint("BR, Nominal", id->br_nominal_mbd, "MBd", "mbd");
	out_code("Rate identifier", a0[A0_RATE_ID],
		 lookup(rate_ids, a0[A0_RATE_ID], UNKNOWN));
	for (i = 0; i < N(lengths); i++)
		out_uint(lengths[i], a0[A0_LENGTHS + i] * mult[i], unit[i],
			 unit[i]);
	show_wavelength(a0, id);
	out_str("Vendor name", id->vendor_name);
	snprintf(text, sizeof(text), "%02x:%02x:%02x", id->vendor_oui[0],
		 id->vendor_oui[1], id->vendor_oui[2]);
	out_str("Vendor OUI", text);
	out_str("Vendor PN", id->vendor_pn);
	out_str("Vendor rev", id->vendor_rev);
	show_options(id);
	out_uint("BR margin, max", br_max, "%", "percent");
	out_uint("BR margin, min", br_min, "%", "percent");
	out_str("Vendor SN", id->vendor_sn);
	out_str("Date code", id->date.raw);
}

/* ------------------------------------------------------------------ */
/* Diagnostics (A2h), in ethtool's order.                               */

static const char *const chan_names[SFF8472_NUM_CHANNELS] = {
	[SFF8472_TEMP]		= "Module temperature",
	[SFF8472_VCC]		= "Module voltage",
	[SFF8472_BIAS]		= "Laser bias current",
	[SFF8472_TX_POWER]	= "Laser output power",
	[SFF8472_RX_POWER]	= "Laser rx power",
};

/* ethtool's order of the channels in flags and thresholds. */
static const enum sff8472_channel flag_order[] = {
	SFF8472_BIAS, SFF8472_TX_POWER, SFF8472_TEMP, SFF8472_VCC,
	SFF8472_RX_POWER,
};

static const struct {
	enum sff8472_limit limit;
	const char *name;
} limit_order[] = {
	{ SFF8472_HIGH_ALARM, "high alarm" },
	{ SFF8472_LOW_ALARM, "low alarm" },
	{ SFF8472_HIGH_WARN, "high warning" },
	{ SFF8472_LOW_WARN, "low warning" },
};

static void show_diagnostics(const struct module *m,
			     const struct sff8472_id *id)
{
	const u8 *a2 = m->img + PAGE;
	struct sff8472_calibration cal;
	struct sff8472_thresholds thr;
	struct sff8472_live live;
	char name[64];
	size_t c, l;
	bool aw;

	sff8472_decode_calibration(a2, id->diag_type, &cal);
	sff8472_decode_thresholds(a2, &thr);
	sff8472_decode_live(a2 + SFF8472_LIVE_START, &live);

	out_bool("Optical diagnostics support", true, "Yes", "No");
	out_value("Laser bias current", &cal, SFF8472_BIAS,
		  live.raw[SFF8472_BIAS]);
	out_value("Laser output power", &cal, SFF8472_TX_POWER,
		  live.raw[SFF8472_TX_POWER]);
	out_value(id->diag_type & SFP_DIAGMON_RXPWR_AVG ?
		  "Receiver signal average optical power" :
		  "Receiver signal OMA", &cal, SFF8472_RX_POWER,
		  live.raw[SFF8472_RX_POWER]);
	out_value("Module temperature", &cal, SFF8472_TEMP,
		  live.raw[SFF8472_TEMP]);
	out_value("Module voltage", &cal, SFF8472_VCC, live.raw[SFF8472_VCC]);

	aw = id->enh_options & SFP_ENHOPTS_ALARMWARN;
	out_bool("Alarm/warning flags implemented", aw, "Yes", "No");
	if (!aw)
		return;

	for (c = 0; c < N(flag_order); c++)
		for (l = 0; l < N(limit_order); l++) {
			snprintf(name, sizeof(name), "%s %s",
				 chan_names[flag_order[c]], limit_order[l].name);
			out_bool(name,
				 live.flag[flag_order[c]][limit_order[l].limit],
				 "On", "Off");
		}
	for (c = 0; c < N(flag_order); c++)
		for (l = 0; l < N(limit_order); l++) {
			enum sff8472_channel ch = flag_order[c];

			snprintf(name, sizeof(name), "%s %s threshold",
				 chan_names[ch], limit_order[l].name);
			out_value(name, &cal, ch,
				  thr.raw[ch][limit_order[l].limit]);
		}
}

/* ------------------------------------------------------------------ */
/* Input: a file, or the eeprom file of the cage with a label.          */

/*
 * 256 or 512 bytes. The driver's eeprom file of a module without A2h
 * returns the A0h page and then ENXIO.
 */
static void read_image(const char *path, struct module *m)
{
	u8 extra;
	ssize_t n;
	int fd;

	m->source = path;
	fd = open(path, O_RDONLY);
	if (fd < 0)
		die("%s: %s", path, strerror(errno));
	m->len = 0;
	for (;;) {
		n = read(fd, m->len < FULL ? m->img + m->len : &extra,
			 m->len < FULL ? FULL - m->len : 1);
		if (n < 0 && errno == EINTR)
			continue;
		if (n < 0 && errno == ENXIO && m->len == PAGE)
			break;	/* the A0h page; nothing answers at A2h */
		if (n < 0 && errno == ENODEV && !m->len)
			die("%s: no module in the cage", path);
		if (n < 0)
			die("%s: read failed after %zu bytes: %s", path,
			    m->len, strerror(errno));
		if (n == 0)
			break;
		if (m->len == FULL)
			die("%s: more than %d bytes (A0h and A2h)", path,
			    FULL);
		m->len += n;
	}
	close(fd);
	if (m->len != PAGE && m->len != FULL)
		die("%s: %zu bytes, not %d (A0h) or %d (A0h, A2h)", path,
		    m->len, PAGE, FULL);
}

/* "@a/@b" into @buf; a path longer than PATH_MAX is an input error. */
static void path_join(char *buf, size_t size, const char *a, const char *b)
{
	if (snprintf(buf, size, "%s/%s", a, b) >= (int)size)
		die("%s/%s: path too long", a, b);
}

/* First line of a small sysfs file, without the newline; "" if none. */
static void read_attr(const char *dir, const char *name, char *buf,
		      size_t size)
{
	char path[PATH_MAX];
	FILE *f;

	buf[0] = '\0';
	path_join(path, sizeof(path), dir, name);
	f = fopen(path, "r");
	if (!f)
		return;
	if (!fgets(buf, size, f))
		buf[0] = '\0';
	fclose(f);
	buf[strcspn(buf, "\n")] = '\0';
}

/*
 * The hwmon name the driver gives a cage with @label (hwmon sanitising:
 * '-', '*', space, tab and newline become '_').
 */
static void hwmon_name(const char *label, char *buf, size_t size)
{
	char *p;

	snprintf(buf, size, "sff8472_%s", label);
	for (p = buf; *p; p++)
		if (strchr("-* \t\n", *p))
			*p = '_';
}

/*
 * Does the cage at @dir answer to @label: its port_name, device tree
 * label, hwmon label or hwmon name ("sff8472_<label>" or the name itself)?
 */
static bool cage_matches(const char *dir, const char *label)
{
	char buf[256], want[256], sub[PATH_MAX];
	struct dirent *e;
	bool hit = false;
	DIR *d;

	read_attr(dir, "port_name", buf, sizeof(buf));
	if (!strcmp(buf, label))
		return true;
	read_attr(dir, "of_node/label", buf, sizeof(buf));
	if (!strcmp(buf, label))
		return true;

	hwmon_name(label, want, sizeof(want));
	path_join(sub, sizeof(sub), dir, "hwmon");
	d = opendir(sub);
	if (!d)
		return false;
	while (!hit && (e = readdir(d))) {
		char hw[PATH_MAX];

		if (strncmp(e->d_name, "hwmon", 5))
			continue;
		path_join(hw, sizeof(hw), sub, e->d_name);
		read_attr(hw, "name", buf, sizeof(buf));
		hit = !strcmp(buf, want) || !strcmp(buf, label);
		read_attr(hw, "label", buf, sizeof(buf));
		hit |= !strcmp(buf, label);
	}
	closedir(d);
	return hit;
}

static bool is_sff8472_cage(const char *dir)
{
	char path[PATH_MAX], target[PATH_MAX];
	const char *base;
	ssize_t n;

	path_join(path, sizeof(path), dir, "driver");
	n = readlink(path, target, sizeof(target) - 1);
	if (n < 0)
		return false;
	target[n] = '\0';
	base = strrchr(target, '/');
	base = base ? base + 1 : target;
	return !strcmp(base, "sff8472");
}

static void find_cage(const char *label, char *eeprom, size_t size)
{
	const char *root = getenv("SFF8472_SYSFS");
	char devices[PATH_MAX], dir[PATH_MAX], found[1024] = "";
	struct dirent *e;
	int hits = 0;
	DIR *d;

	snprintf(devices, sizeof(devices), "%s" SYSFS_DEVICES,
		 root && *root ? root : "/sys");
	d = opendir(devices);
	if (!d)
		die("%s: no such file, and no %s: %s", label, devices,
		    strerror(errno));
	while ((e = readdir(d))) {
		if (e->d_name[0] == '.')
			continue;
		path_join(dir, sizeof(dir), devices, e->d_name);
		if (!is_sff8472_cage(dir))
			continue;
		if (strcmp(e->d_name, label) && !cage_matches(dir, label))
			continue;
		if (!hits++)
			path_join(eeprom, size, dir, "eeprom");
		if (strlen(found) + strlen(e->d_name) + 2 < sizeof(found)) {
			strcat(found, " ");
			strcat(found, e->d_name);
		}
	}
	closedir(d);
	if (!hits)
		die("%s: no such file, and no sff8472 cage with that label in %s",
		    label, devices);
	if (hits > 1)
		die("%s: several sff8472 cages have that label:%s", label,
		    found);
}

/* ------------------------------------------------------------------ */

static void warn_code(const struct module *m, const char *code,
		      const char *bytes, u8 stored, u8 sum)
{
	fprintf(stderr, "%s: warning: %s: %s is 0x%02x, %s sum to 0x%02x; shown anyway\n",
		PROG, m->source, code, stored, bytes, sum);
}

static void warn_checksums(const struct module *m,
			   const struct sff8472_id *id, bool *dmi_ok)
{
	const u8 *a0 = m->img, *a2 = m->img + PAGE;

	if (!id->cc_base_ok)
		warn_code(m, "CC_BASE (A0h byte 63)", "bytes 0-62",
			  a0[SFP_CC_BASE], sff8472_checksum(a0, SFP_CC_BASE));
	if (!id->cc_ext_ok)
		warn_code(m, "CC_EXT (A0h byte 95)", "bytes 64-94",
			  a0[SFP_CC_EXT],
			  sff8472_checksum(a0 + SFP_OPTIONS,
					   SFP_CC_EXT - SFP_OPTIONS));
	*dmi_ok = true;
	if (m->len == FULL && (id->diag_type & SFP_DIAGMON_DDM)) {
		*dmi_ok = sff8472_dmi_checksum_ok(a2);
		if (!*dmi_ok)
			warn_code(m, "CC_DMI (A2h byte 95)", "bytes 0-94",
				  a2[SFP_CHKSUM],
				  sff8472_checksum(a2, SFP_CHKSUM));
	}
}

static void print_usage(FILE *f)
{
	fprintf(f,
		"usage: " PROG " [--json] FILE|LABEL\n"
		"  FILE   a module's memory: 512 bytes (A0h then A2h, the sff8472\n"
		"         driver's and optoe's eeprom file) or 256 bytes (A0h only)\n"
		"  LABEL  a cage of the sff8472 driver: its label, port_name, hwmon\n"
		"         name or I2C device name (e.g. port1, 3-0050); its eeprom\n"
		"         file is read\n"
		"Prints what `ethtool -m` prints for an SFF-8472 module; --json prints\n"
		"one JSON object instead.\n");
}

int main(int argc, char **argv)
{
	const char *arg = NULL;
	char eeprom[PATH_MAX];
	struct sff8472_id id;
	struct module m;
	struct stat st;
	bool dmi_ok;
	int i;

	for (i = 1; i < argc; i++) {
		if (!strcmp(argv[i], "--json") || !strcmp(argv[i], "-j")) {
			json = true;
		} else if (!strcmp(argv[i], "--help") || !strcmp(argv[i], "-h")) {
			print_usage(stdout);
			return 0;
		} else if (!strcmp(argv[i], "--version")) {
			printf(PROG " " SFF8472_VERSION "\n");
			return 0;
		} else if (argv[i][0] == '-' && argv[i][1] && !arg) {
			fprintf(stderr, PROG ": unknown option %s\n", argv[i]);
			print_usage(stderr);
			return 2;
		} else if (!arg) {
			arg = argv[i];
		} else {
			print_usage(stderr);
			return 2;
		}
	}
	if (!arg) {
		print_usage(stderr);
		return 2;
	}

	/* A path, or a label when nothing of that name exists. */
	if (!stat(arg, &st) || strchr(arg, '/')) {
		read_image(arg, &m);
	} else {
		find_cage(arg, eeprom, sizeof(eeprom));
		read_image(eeprom, &m);
	}

	sff8472_decode_id(m.img, &id);
	warn_checksums(&m, &id, &dmi_ok);

	if (json) {
		printf("{");
		out_str("source", m.source);
		out_bool("cc_base_ok", id.cc_base_ok, "", "");
		out_bool("cc_ext_ok", id.cc_ext_ok, "", "");
		if (m.len == FULL && (id.diag_type & SFP_DIAGMON_DDM))
			out_bool("cc_dmi_ok", dmi_ok, "", "");
	}
	show_identity(m.img, &id);
	if (!(id.diag_type & SFP_DIAGMON_DDM)) {
		out_bool("Optical diagnostics support", false, "Yes", "No");
	} else if (m.len == PAGE) {
		fprintf(stderr, "%s: %s: A0h page only (%d bytes): no diagnostics\n",
			PROG, m.source, PAGE);
		out_bool("Optical diagnostics support", false, "Yes", "No");
	} else {
		show_diagnostics(&m, &id);
	}
	if (json)
		printf("\n}\n");
	if (fflush(stdout) || ferror(stdout))
		die("write error: %s", strerror(errno));
	return 0;
}
