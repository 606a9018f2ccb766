// SPDX-License-Identifier: GPL-2.0-only
/*
 * Write the emulator's built-in profile images on the host, without UML:
 * the "Built-in profiles" section of tools/testing/sff8472-emul/sff8472_emul.c
 * (its builders, as the emulator runs them) is cut out by scripts/info/run.sh
 * into emul_profiles.inc and compiled here with the sff8472-info shims.
 *
 *   emul_images OUTDIR     writes OUTDIR/<profile>.bin (256 or 512 bytes)
 */
#include <stdio.h>
#include <string.h>
#include <linux/minmax.h>

#include "sff8472_emul.h"

#define A2(off)			(SFF8472_PAGE_LEN + (off))
#define ARRAY_SIZE(a)		(sizeof(a) / sizeof((a)[0]))

static bool sysfs_streq(const char *a, const char *b)
{
	return !strcmp(a, b);
}

#include "emul_profiles.inc"

int main(int argc, char **argv)
{
	u8 img[2 * SFF8472_PAGE_LEN];
	char path[4096];
	size_t i;

	if (argc != 2) {
		fprintf(stderr, "usage: emul_images OUTDIR\n");
		return 2;
	}
	for (i = 0; i < ARRAY_SIZE(emul_profiles); i++) {
		const struct emul_profile *p = emul_find_profile(emul_profiles[i].name);
		FILE *f;

		if (!p->size)
			continue;	/* the empty cage */
		emul_build(p, img);
		snprintf(path, sizeof(path), "%s/%s.bin", argv[1], p->name);
		f = fopen(path, "wb");
		if (!f || fwrite(img, 1, p->size, f) != p->size || fclose(f)) {
			perror(path);
			return 1;
		}
		printf("%s %zu\n", p->name, p->size);
	}
	return 0;
}
