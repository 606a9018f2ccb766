/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * User-space stand-in for <linux/sysfs.h>: sff8472_compat.h includes it for
 * its kernel-only shims, none of which the pure decode code expands.
 */
#ifndef _SFF8472_INFO_LINUX_SYSFS_H
#define _SFF8472_INFO_LINUX_SYSFS_H
#endif
