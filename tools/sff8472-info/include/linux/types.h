/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Userspace stand-ins for the kernel-internal headers the driver's pure
 * decode and calibration code includes (drivers/hwmon/sff8472/
 * sff8472_decode.c, sff8472_calibration.c). Only what those files use.
 */
#ifndef _SFF8472_SHIM_LINUX_TYPES_H
#define _SFF8472_SHIM_LINUX_TYPES_H

#include_next <linux/types.h>	/* the UAPI header: __u8 ... */
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

typedef uint8_t u8;
typedef uint16_t u16;
typedef uint32_t u32;
typedef uint64_t u64;
typedef int16_t s16;
typedef int32_t s32;
typedef int64_t s64;

#endif
