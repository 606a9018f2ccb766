/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * The SFF-8472 register names of the kernel's include/linux/sfp.h (6.12)
 * that the pure decode code and sff8472-info use.
 */
#ifndef _SFF8472_SHIM_LINUX_SFP_H
#define _SFF8472_SHIM_LINUX_SFP_H

#include <linux/bits.h>

enum {
	SFP_PHYS_ID			= 0,
	SFP_CC_BASE			= 63,
	SFP_OPTIONS			= 64,	/* 2 bytes, MSB, LSB */
	SFP_DIAGMON			= 92,
	SFP_DIAGMON_DDM			= BIT(6),
	SFP_DIAGMON_INT_CAL		= BIT(5),
	SFP_DIAGMON_EXT_CAL		= BIT(4),
	SFP_DIAGMON_RXPWR_AVG		= BIT(3),
	SFP_ENHOPTS			= 93,
	SFP_ENHOPTS_ALARMWARN		= BIT(7),
	SFP_SFF8472_COMPLIANCE		= 94,
	SFP_CC_EXT			= 95,

	SFP_TEMP_HIGH_ALARM		= 0,
	SFP_CAL_RXPWR4			= 56,
	SFP_CHKSUM			= 95,
	SFP_TEMP			= 96,
	SFP_STATUS			= 110,
	SFP_STATUS_RS0_SELECT		= BIT(3),
	SFP_ALARM0			= 112,
	SFP_WARN0			= 116,
	SFP_EXT_STATUS			= 118,
	SFP_EXT_STATUS_RS1_SELECT	= BIT(3),
	SFP_EXT_STATUS_PWRLVL_SELECT	= BIT(0),
};

#endif
