#!/bin/sh
# The mainline tier's driver series (scripts/upstream/hwmon_series.py, what
# make upstream writes to build/upstream/hwmon/), against the newest
# kernel in Debian's archive:
#
#   - checkpatch --strict reports nothing on its patches, with no
#     exceptions;
#   - git am applies them to the files they touch as extracted;
#   - kernel-doc -Wall is silent on the series' sources;
#   - in a pristine copy of that tree with the series, the driver and its
#     tests build with W=1 (and sparse) without a warning, as a module and
#     built in, for x86_64 (defconfig) and 32-bit ARM (multi_v7_defconfig;
#     there without 64-bit division helpers), make dt_binding_check passes
#     for the binding (scripts/upstream/dt-binding-check.sh) and kunit.py
#     run with the series' .kunitconfig passes (13 min cold beside the
#     other tiers, a third of it kunit.py's UML build; under 2 min warm).
#
# Needs build/bench.csv (make bench) and build/sfp-values.csv
# (scripts/upstream/sfp-fixes.sh) for the cover letter's numbers.
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
	--pristine "$tree/.sff8472-pristine" --bench build/bench.csv \
	--sfp-values build/sfp-values.csv --out "$series"
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

# A pristine tree: the newest tree as extracted (hard links; the hooks and
# the sfp.c series undone), with the series' files from git am. Made once
# per tree; after that only the series' files that changed are replaced,
# so its builds (output directories in the cache) stay incremental.
pristine="$cache/pristine-$(basename "$tree")"
exec 6>"$pristine.lock"
flock 6
# replace FILE FROM: a copy, never an edit of a hard link (the tree's file
# would change too); kept as it is when equal.
replace() {
	cmp -s "$2" "$pristine/$1" && return 0
	rm -f "$pristine/$1"
	mkdir -p "$(dirname "$pristine/$1")"
	cp "$2" "$pristine/$1"
}
make_pristine() {
	if [ "$(cat "$pristine/.sff8472-pristine-of" 2>/dev/null)" != "$tree" ]; then
		rm -rf "$pristine"
		cp -al "$tree" "$pristine" || return 1
		rm -rf "$pristine/drivers/hwmon/sff8472" "$pristine/drivers/hwmon/sff8472-emul" \
			"$pristine/.sff8472-pristine" "$pristine/.sff8472-extracted"
		(cd "$tree/.sff8472-pristine" && find . -type f) | while read -r f; do
			replace "$f" "$tree/.sff8472-pristine/$f"
		done
		echo "$tree" >"$pristine/.sff8472-pristine-of"
	fi
	(cd "$applied" && git ls-files) >"$work/series-files"
	while read -r f; do
		replace "$f" "$applied/$f"
	done <"$work/series-files"
	# What the series no longer has (a file it dropped) goes too.
	(cd "$pristine" && find drivers/hwmon/sff8472 -type f) | while read -r f; do
		grep -qx "$f" "$work/series-files" || rm -f "$pristine/$f"
	done
	[ ! -L "$pristine/drivers/hwmon/sff8472" ] &&
		[ "$(grep -c sff8472 "$pristine/drivers/hwmon/Kconfig")" = 1 ] &&
		[ "$(grep -c sff8472 "$pristine/drivers/hwmon/Makefile")" = 1 ] &&
		cmp -s "$pristine/drivers/net/phy/sfp.c" \
			"$tree/.sff8472-pristine/drivers/net/phy/sfp.c"
}
check "a pristine copy of the newest tree carries the series and nothing else of ours" \
	make_pristine

sparse=$(scripts/newest-kernel.sh --sparse) || sparse=false
# build ARCH DEFCONFIG [MAKE ARGS...]: the driver's directory in the
# pristine tree as a module and built in (with its KUnit tests), with W=1;
# sparse (which the two would tell nothing different) on the module. Each
# way has its own output directory in the cache, made from DEFCONFIG, so
# that a run rebuilds only what changed. The driver's objects go before
# each build, so that every warning is shown again (ccache replays them).
# Cold, the built-in way's directory starts as a copy of the module's,
# prepared already: only what the changed option touches is built again.
build() {
	arch=$1 defconfig=$2
	shift 2
	for how in m y; do
		out="$cache/pristine-$arch-$how"
		log="$work/$arch-$how.log"
		if [ "$how" = y ] && [ ! -f "$out/.config" ]; then
			rm -rf "$out" "$out.new"
			cp -a "$cache/pristine-$arch-m" "$out.new" 2>/dev/null &&
				mv "$out.new" "$out" || rm -rf "$out.new"
		fi
		set -- -s -C "$pristine" O="$out" "$@"
		opt=--enable check=0
		[ "$how" = y ] || opt=--module check=2
		{ [ -f "$out/.config" ] || make "$@" "$defconfig"; } >"$log" 2>&1 &&
			cp "$out/.config" "$work/config" &&
			"$pristine/scripts/config" --file "$work/config" --enable I2C \
				--enable HWMON --enable KUNIT "$opt" SENSORS_SFF8472 \
				"$opt" SENSORS_SFF8472_KUNIT_TEST &&
			{ cmp -s "$work/config" "$out/.config" ||
				{ cp "$work/config" "$out/.config" && make "$@" olddefconfig; }; } \
				>>"$log" 2>&1 &&
			grep -qx "CONFIG_SENSORS_SFF8472=$how" "$out/.config" &&
			rm -f "$out"/drivers/hwmon/sff8472/*.o &&
			make "$@" -j"$(nproc)" W=1 C="$check" CHECK="$sparse" \
				drivers/hwmon/sff8472/ >>"$log" 2>&1 &&
			[ -f "$out/drivers/hwmon/sff8472/sff8472_main.o" ] ||
			{ echo "$arch ($how):"; tail -n 40 "$log"; return 1; }
		! grep -E 'warning:|error:' "$log" || return 1
		shift 4	# the -s -C TREE O=OUT in front of the caller's arguments
	done
}
x86_64_build() {
	build x86_64 defconfig CC="ccache gcc"
}
check "in the pristine tree the driver and its tests build for x86_64 as a module and built in, W=1 and sparse, no warnings" \
	x86_64_build

arm_build() {
	scripts/deps.sh gcc-arm-linux-gnueabihf >/dev/null || return 1
	build arm multi_v7_defconfig ARCH=arm CROSS_COMPILE=arm-linux-gnueabihf- \
		CC="ccache arm-linux-gnueabihf-gcc" || return 1
	! arm-linux-gnueabihf-nm -u "$cache"/pristine-arm-[my]/drivers/hwmon/sff8472/*.o |
		grep -E '__aeabi_u?ldivmod|__u?divdi3'
}
check "in the pristine tree the driver and its tests build for 32-bit ARM as a module and built in, W=1 and sparse, no 64-bit division helpers" \
	arm_build

# The binding as the device tree maintainers check it.
dt_binding_check() {
	scripts/upstream/dt-binding-check.sh "$pristine" hwmon/sff,sff8472.yaml \
		>"$work/dt.log" 2>&1 &&
		grep -qE 'DTC.*sff,sff8472.example.dtb|as it passed last time' "$work/dt.log" ||
		{ tail -n 20 "$work/dt.log"; false; }
}
check "in the pristine tree make dt_binding_check passes the binding (dt-schema of Debian sid)" \
	dt_binding_check

# KUnit as a kernel developer runs it, with the series' .kunitconfig (and
# scripts/upstream/lean.kunitconfig, which only turns off what it never uses).
kunit_run() {
	python3 "$pristine/tools/testing/kunit/kunit.py" run \
		--kunitconfig="$pristine/drivers/hwmon/sff8472" \
		--kunitconfig="$repo/scripts/upstream/lean.kunitconfig" \
		--build_dir="$cache/pristine-kunit" --jobs="$(nproc)" --timeout=600 \
		--make_options CC="ccache gcc" >"$work/kunit.log" 2>&1
	status=$?
	grep -E 'Testing complete|FAILED|not ok|ERROR' "$work/kunit.log"
	[ "$status" -eq 0 ] && grep -q 'Testing complete. Ran [1-9][0-9]* tests: passed: [1-9]' "$work/kunit.log" &&
		! grep -q 'failed: [1-9]' "$work/kunit.log"
}
check "in the pristine tree tools/testing/kunit/kunit.py run passes the series' KUnit tests" \
	kunit_run

finish
