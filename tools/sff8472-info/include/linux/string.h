/* SPDX-License-Identifier: GPL-2.0-only */
#ifndef _SFF8472_SHIM_LINUX_STRING_H
#define _SFF8472_SHIM_LINUX_STRING_H

#include <string.h>

#endif
