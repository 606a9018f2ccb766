/* SPDX-License-Identifier: GPL-2.0-only */
#ifndef _SFF8472_SHIM_KUNIT_VISIBILITY_H
#define _SFF8472_SHIM_KUNIT_VISIBILITY_H

#define VISIBLE_IF_KUNIT
#define EXPORT_SYMBOL_IF_KUNIT(symbol)

#endif
