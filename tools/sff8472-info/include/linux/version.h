/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * sff8472_compat.h picks interfaces by kernel release. The pure code is
 * written for 6.12: the Makefile defines the release code as 6.12's
 * (<linux/unaligned.h>, the <linux/sfp.h> names of 6.5 and later).
 */
#ifndef _SFF8472_SHIM_LINUX_VERSION_H
#define _SFF8472_SHIM_LINUX_VERSION_H

#define KERNEL_VERSION(a, b, c)	(((a) << 16) + ((b) << 8) + (c))

#endif
