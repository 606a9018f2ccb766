#!/bin/sh
# The mainline tier's driver series (scripts/upstream/hwmon_series.py, what
# make upstream writes to build/upstream/hwmon/), against the newest
# kernel in Debian's archive:
#
#   - checkpatch --strict reports nothing on its patches, with no
#     exceptions;
#   - git am applies them to the files they touch as extracted;
#   - kernel-doc -Wall is silent on the series' sources;
#   - the series' driver builds with W=1 and sparse, without a warning, as
#     a module against that kernel for x86_64 and for 32-bit ARM
#     (multi_v7_defconfig), there without 64-bit division helpers.
#
# Needs build/bench.csv (make bench) for the cover letter's numbers.
# Writes "passed failed 0" to $SFF8472_COUNTS when set.
set -u

repo=$(cd "$(dirname "$0")/../.." && pwd)
cd "$repo" || exit 1
cache=${SFF8472_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/sff8472}
passed=0 failed=0
. scripts/check-lib.sh
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

finish() {
	echo "hwmon series: $passed passed, $failed failed"
	[ -z "${SFF8472_COUNTS:-}" ] || echo "$passed $failed 0" >"$SFF8472_COUNTS"
	[ "$failed" -eq 0 ]
	exit
}

tree=$(scripts/kernel-tree.sh newest) || { failed=1; finish; }
series="$work/series"
check "make upstream writes the driver series (binding, driver with its tests, cover letter)" \
	python3 scripts/upstream/hwmon_series.py --tree "$tree" \
	--pristine "$tree/.sff8472-pristine" --bench build/bench.csv --out "$series"
ls "$series"/0001-*.patch >/dev/null 2>&1 || finish

# From the series' directory: checkpatch takes a path under scripts/ for
# kernel source.
checkpatch_clean() {
	(cd "$series" && perl "$tree/scripts/checkpatch.pl" --strict --no-tree \
		--show-types 0[0-9][0-9][1-9]-*.patch) >"$work/checkpatch.log" 2>&1
	status=$?
	grep -E '^(ERROR|WARNING|CHECK):' "$work/checkpatch.log"
	[ "$status" -eq 0 ] && ! grep -qE '^(ERROR|WARNING|CHECK):' "$work/checkpatch.log"
}
check "checkpatch --strict reports nothing on the driver series, no exceptions" checkpatch_clean

# git am on the files the series touches, as extracted (hwmon's Kconfig
# and Makefile from before the tree was hooked).
applied="$work/applied"
git_am() {
	mkdir -p "$applied"
	files=$(sed -n 's|^--- a/||p' "$series"/0[0-9][0-9][1-9]-*.patch | sort -u)
	for f in $files; do
		mkdir -p "$(dirname "$applied/$f")"
		if [ -f "$tree/.sff8472-pristine/$f" ]; then
			cp "$tree/.sff8472-pristine/$f" "$applied/$f"
		else
			cp "$tree/$f" "$applied/$f"
		fi
	done
	git -C "$applied" init -q &&
		git -C "$applied" add -A &&
		git -C "$applied" -c user.name=check -c user.email=check@example.invalid \
			commit -q -m extracted &&
		git -C "$applied" -c user.name=check -c user.email=check@example.invalid \
			am -q "$series"/0[0-9][0-9][1-9]-*.patch
}
check "git am applies the driver series to the newest kernel's files as extracted" git_am

drv="$applied/drivers/hwmon/sff8472"
kernel_doc_clean() {
	"$tree/scripts/kernel-doc" -none -Wall "$drv"/*.[ch] >"$work/kdoc.log" 2>&1
	cat "$work/kdoc.log"
	[ ! -s "$work/kdoc.log" ]
}
check "kernel-doc -Wall is silent on the series' sources" kernel_doc_clean

# The series' driver directory as an external module: every object of
# the driver and of its tests, with W=1 and sparse.
objects=$(cd "$drv" && ls ./*.c | sed 's|^\./||; s|\.c$|.o|')
# build ARCH KDIR [MAKE ARGS...]
build() {
	arch=$1 kdir=$2
	shift 2
	rm -f "$drv"/*.o "$drv"/.*.cmd
	# shellcheck disable=SC2086 # $objects: file names without spaces
	make -s -C "$kdir" M="$drv" W=1 C=2 CHECK="$sparse" \
		CONFIG_SENSORS_SFF8472=m CONFIG_SENSORS_SFF8472_KUNIT_TEST=m \
		"$@" $objects >"$work/$arch.log" 2>&1 ||
		{ cat "$work/$arch.log"; return 1; }
	for o in $objects; do
		[ -f "$drv/$o" ] || { echo "hwmon-check: $arch: no $o"; return 1; }
	done
	! grep -E 'warning:|error:' "$work/$arch.log"
}
sparse=$(scripts/newest-kernel.sh --sparse) || sparse=false
x86_64_build() { build x86_64 "$(scripts/newest-kernel.sh)"; }
check "the series' driver builds as a module for x86_64 with W=1 and sparse, no warnings" \
	x86_64_build

# 32-bit ARM: the tree sfp-fixes.sh configures (multi_v7_defconfig),
# prepared here if it has not run yet; one ARM build at a time.
arm_build() {
	scripts/deps.sh gcc-arm-linux-gnueabihf >/dev/null || return 1
	out="$cache/sfp-arm-build"
	exec 6>"$out.lock"
	flock 6
	[ -f "$out/include/generated/autoconf.h" ] ||
		make -s -C "$tree" ARCH=arm CROSS_COMPILE=arm-linux-gnueabihf- O="$out" \
			multi_v7_defconfig modules_prepare >"$work/arm-prepare.log" 2>&1 ||
		{ cat "$work/arm-prepare.log"; return 1; }
	build arm "$out" ARCH=arm CROSS_COMPILE=arm-linux-gnueabihf- \
		CC="ccache arm-linux-gnueabihf-gcc" || return 1
	! arm-linux-gnueabihf-nm -u "$drv"/*.o | grep -E '__aeabi_u?ldivmod|__u?divdi3'
}
check "the series' driver builds as a module for 32-bit ARM with W=1 and sparse, no 64-bit division helpers" \
	arm_build

finish
