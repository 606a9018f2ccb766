/* SPDX-License-Identifier: GPL-2.0-only */
#ifndef _SFF8472_SHIM_LINUX_BITOPS_H
#define _SFF8472_SHIM_LINUX_BITOPS_H

#include <linux/types.h>

/* Position of the most significant set bit, 1-based; 0 for 0. */
static inline int fls64(u64 x)
{
	return x ? 64 - __builtin_clzll(x) : 0;
}

#endif
