/* SPDX-License-Identifier: GPL-2.0-only */
#ifndef _SFF8472_SHIM_LINUX_ERRNO_H
#define _SFF8472_SHIM_LINUX_ERRNO_H

#include_next <linux/errno.h>	/* the UAPI header: EINVAL, ERANGE */

#endif
