#!/bin/sh
# Remove build products from the driver's and the emulator's directories.
# The UML builds use them through symlinks with O=, and Kbuild's VPATH would
# otherwise pick up objects built in place for another kernel.
set -eu
repo=$(cd "$(dirname "$0")/.." && pwd)
if [ -e "$repo/.git" ]; then
	git -C "$repo" clean -q -f -X -- drivers/ tools/testing/sff8472-emul/
	exit 0
fi
# A copy without git metadata (a release tarball, git archive, DKMS's copy):
# what .gitignore names, found by hand.
# DKMS's copy has no emulator.
dirs="$repo/drivers"
[ ! -d "$repo/tools/testing/sff8472-emul" ] || dirs="$dirs $repo/tools/testing/sff8472-emul"
# shellcheck disable=SC2086 # paths without spaces
find $dirs \( -name '*.o' -o -name '*.ko' -o -name '*.mod' -o -name '*.mod.c' \
	-o -name '*.cmd' -o -name '*.a' -o -name '*.dtb' -o -name '*.symvers' \
	-o -name '*.order' -o -name '.*.d' -o -name '__pycache__' -o -name '.tmp_versions' \) \
	-prune -exec rm -rf {} +
