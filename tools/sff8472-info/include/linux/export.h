/* SPDX-License-Identifier: GPL-2.0-only */
/* Nothing to export in userspace. */
