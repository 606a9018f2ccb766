/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * The release of the out-of-tree driver, as modinfo shows it. dkms.conf's
 * PACKAGE_VERSION must be the same (checked by `make check`).
 */
#ifndef _SFF8472_VERSION_H
#define _SFF8472_VERSION_H

#define SFF8472_VERSION "0.1.0"

#endif /* _SFF8472_VERSION_H */
