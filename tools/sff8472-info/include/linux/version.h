/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * sff8472_compat.h picks interfaces by kernel release. The driver is
 * written for the newest: the Makefile defines the release code as 7.3's,
 * so none of the old kernels' shims (<asm/unaligned.h>, the pre-6.15
 * debugfs helper) is wanted here.
 */
#ifndef _SFF8472_SHIM_LINUX_VERSION_H
#define _SFF8472_SHIM_LINUX_VERSION_H

#define KERNEL_VERSION(a, b, c)	(((a) << 16) + ((b) << 8) + (c))

#endif
