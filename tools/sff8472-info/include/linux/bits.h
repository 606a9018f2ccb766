/* SPDX-License-Identifier: GPL-2.0-only */
#ifndef _SFF8472_SHIM_LINUX_BITS_H
#define _SFF8472_SHIM_LINUX_BITS_H

#define BIT(n)		(1UL << (n))
#define GENMASK(h, l)	((~0UL >> (8 * sizeof(long) - 1 - (h))) & (~0UL << (l)))

#endif
