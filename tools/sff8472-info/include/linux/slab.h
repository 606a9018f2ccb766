/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * User-space stand-in for <linux/slab.h>: sff8472_compat.h includes it for
 * its kernel-only shims, none of which the pure decode code expands.
 */
#ifndef _SFF8472_INFO_LINUX_SLAB_H
#define _SFF8472_INFO_LINUX_SLAB_H
#endif
