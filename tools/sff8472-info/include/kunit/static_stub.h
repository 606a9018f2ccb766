/* SPDX-License-Identifier: GPL-2.0-only */
/* sff8472_compat.h includes it; the pure code redirects nothing. */
