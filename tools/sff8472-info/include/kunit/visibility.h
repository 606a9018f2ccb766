/* SPDX-License-Identifier: GPL-2.0-only */
#ifndef _SFF8472_SHIM_KUNIT_VISIBILITY_H
#define _SFF8472_SHIM_KUNIT_VISIBILITY_H

#include <assert.h>

#define VISIBLE_IF_KUNIT
/* Nothing to export: a no-op declaration that takes the trailing ';'. */
#define EXPORT_SYMBOL_IF_KUNIT(sym)	static_assert(1, #sym)

#endif
