/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * sff8472_emul_compat.h - what the emulator, and only the emulator, needs
 * of kernels newer than Debian 12's 6.1, as sff8472_compat.h is for the
 * driver (test infrastructure stays out of the driver's files).
 */
#ifndef _SFF8472_EMUL_COMPAT_H
#define _SFF8472_EMUL_COMPAT_H

#include <linux/slab.h>
#include <linux/version.h>

/*
 * 6.11 made platform_driver.remove return void; before, it returned int.
 * SFF8472_DEFINE_PLATFORM_REMOVE(fn) after a void fn() defines what
 * SFF8472_PLATFORM_REMOVE(fn) names for ".remove =".
 */
#if LINUX_VERSION_CODE >= KERNEL_VERSION(6, 11, 0)
#define SFF8472_DEFINE_PLATFORM_REMOVE(fn) \
	static void fn(struct platform_device *pdev)
#define SFF8472_PLATFORM_REMOVE(fn)	(fn)
#else
#define SFF8472_DEFINE_PLATFORM_REMOVE(fn)				\
	static int fn##_int(struct platform_device *pdev)		\
	{								\
		fn(pdev);						\
		return 0;						\
	}								\
	static int fn##_int(struct platform_device *pdev)
#define SFF8472_PLATFORM_REMOVE(fn)	(fn##_int)
#endif

/*
 * 7.0 added kzalloc_obj(), which takes the size from the object the
 * pointer points to; 6.12's stable releases took it too (Debian's 6.12.118
 * has it), so test for the macro, not the version.
 */
#ifndef kzalloc_obj
#define kzalloc_obj(obj, gfp)	kzalloc(sizeof(obj), gfp)
#endif

#endif /* _SFF8472_EMUL_COMPAT_H */
