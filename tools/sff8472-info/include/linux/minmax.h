/* SPDX-License-Identifier: GPL-2.0-only */
#ifndef _SFF8472_SHIM_LINUX_MINMAX_H
#define _SFF8472_SHIM_LINUX_MINMAX_H

/* Same type required, as the kernel's min() checks. */
#define min(x, y) ({					\
	__typeof__(x) _x = (x);				\
	__typeof__(y) _y = (y);				\
	(void)(&_x == &_y);				\
	_x < _y ? _x : _y; })

#define clamp_t(type, val, lo, hi) ({			\
	type _v = (val), _lo = (lo), _hi = (hi);	\
	_v < _lo ? _lo : _v > _hi ? _hi : _v; })

#endif
