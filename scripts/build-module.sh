#!/bin/sh
# Build sff8472.ko, sff8472_emul.ko and sff8472_emul_mux.ko out of tree with W=1 (and sparse when
# C=1 is in the environment), and fail on any compiler or sparse warning.
# The build runs in a copy of the sources, so the source directory stays
# clean for the UML builds that use it through the kernel tree; the modules
# are copied to build/.
#
#   scripts/build-module.sh [6.1|6.12|newest|KDIR]
#
# 6.1 and 6.12 (the default) are Debian's headers, fetched into the cache by
# scripts/debian-kernel.sh; newest is the newest linux-source-7.* in Debian's
# archive, prepared by scripts/newest-kernel.sh; KDIR is any kernel build tree.
set -eu

repo=$(cd "$(dirname "$0")/.." && pwd)
cache=${SFF8472_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/sff8472}
kdir=${1:-6.12}
case "$kdir" in
6.1 | 6.12)
	root=$("$repo/scripts/debian-kernel.sh" "$kdir")
	kdir="$root/usr/src/linux-headers-$(basename "$root")"
	;;
newest)
	kdir=$("$repo/scripts/newest-kernel.sh")
	[ -z "${C:-}" ] || CHECK=$("$repo/scripts/newest-kernel.sh" --sparse)
	;;
esac
[ -f "$kdir/Makefile" ] || { echo "build-module: no kernel build tree (KDIR=$kdir)" >&2; exit 1; }

work="$cache/oot-$(basename "$kdir")"
mkdir -p "$work" "$repo/build"
# make demo and the static checks may build for the same kernel at once.
exec 9>"$work.lock"
flock 9
# Fresh copy each time, so every file is compiled and its warnings are seen.
rm -rf "$work/src"
mkdir -p "$work/src"
cp -r "$repo/Kbuild" "$repo/drivers" "$work/src/"
mkdir -p "$work/src/tools/testing"
cp -r "$repo/tools/testing/sff8472-emul" "$work/src/tools/testing/"
log="$work/build.log"
# A tree made with modules_prepare (scripts/newest-kernel.sh) has no
# Module.symvers: modpost cannot know the kernel's exports, so it may only
# warn about them. The in-kernel UML builds link the driver for real.
modpost_warn=""
[ -f "$kdir/Module.symvers" ] || modpost_warn=1
# The KUnit suites compile where the kernel has KUnit (the newest tree;
# Debian's configurations leave it out); they run under UML.
kunit=""
! grep -qE '^CONFIG_KUNIT=(y|m)$' "$kdir/.config" || kunit=1
set +e
# Through ccache (the same paths each time): only sparse runs again on
# unchanged sources, and ccache replays their warnings.
make -C "$kdir" M="$work/src" CC="ccache gcc" CONFIG_SENSORS_SFF8472=m CONFIG_SENSORS_SFF8472_EMUL=m \
	${kunit:+CONFIG_SENSORS_SFF8472_KUNIT_TEST=m CONFIG_SENSORS_SFF8472_EMUL_KUNIT_TEST=m} \
	W=1 ${C:+C=$C} ${CHECK:+CHECK=$CHECK} ${modpost_warn:+KBUILD_MODPOST_WARN=1} modules >"$log" 2>&1
status=$?
set -e
# Kbuild skips C=1 with a warning of its own when sparse is too old for
# the tree, and sparse prints nothing on clean files: a CHECK line per file
# proves it ran.
if [ -n "${C:-}" ] && ! grep -q '^  CHECK ' "$log"; then
	grep 'specified, but' "$log" >&2
	echo "build-module: sparse did not run against $kdir" >&2
	status=1
fi
if grep -E 'warning:|error:' "$log" >&2; then
	echo "build-module: warnings or errors building against $kdir" >&2
	status=1
fi
[ "$status" -eq 0 ] || { tail -n 30 "$log" >&2; exit 1; }
for ko in drivers/hwmon/sff8472/sff8472.ko tools/testing/sff8472-emul/sff8472_emul.ko \
	tools/testing/sff8472-emul/sff8472_emul_mux.ko; do
	cp "$work/src/$ko" "$repo/build/"
	ko=$(basename "$ko")
	echo "built build/$ko against $(basename "$kdir") (W=1${C:+, sparse}${kunit:+, KUnit suites too})"
done
