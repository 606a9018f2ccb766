#!/bin/sh
# The sfp.c fixes (scripts/upstream/sfp/: a net series, signed constants,
# and a net-next series on top of it, rounding and RX power; `make
# upstream` writes both), proven. The series: `git am` takes them onto
# sfp.c as Debian's newest linux-source has it, and that kernel's
# checkpatch.pl --strict finds nothing in them but that it cannot look up
# the Fixes: commit (no kernel history here), and sfp.c builds for 32-bit
# ARM with W=1. The values: Linux's own
# sfp.c binds four emulated cages (the externally calibrated profile,
# sfp_dump.py's dump, the internally calibrated profile, the externally
# calibrated dump of the BMC tier), once stock (Debian's 6.12 UML kernel)
# and once with both series applied (the newest kernel's tree,
# scripts/kernel-tree.sh); sfp_check.py compares both with the exact
# reference and prints the values the fixes change; when every check
# passed, they go to build/sfp-values.csv too, for the driver series' cover
# letter. Writes "passed failed 0" to $SFF8472_COUNTS when set.
set -u

repo=$(cd "$(dirname "$0")/../.." && pwd)
cd "$repo" || exit 1
. scripts/check-lib.sh
cache=${SFF8472_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/sff8472}
series="scripts/upstream/sfp/net scripts/upstream/sfp/net-next"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
passed=0 failed=0
finish() {
	echo "sfp.c fixes: $passed passed, $failed failed"
	[ -n "${SFF8472_COUNTS:-}" ] && echo "$passed $failed 0" >"$SFF8472_COUNTS"
	[ "$failed" -eq 0 ]
	exit
}

# Never a table from an earlier run.
rm -f build/sfp-values.csv
tree=$(scripts/kernel-tree.sh newest) || { check "the newest tree is there" false; finish; }

# A repository of the files the series touch, as extracted.
git_am_onto_pristine() {
	git init -q "$work/am" &&
	cp -a "$tree/.sff8472-pristine/." "$work/am/" &&
	git -C "$work/am" add -A &&
	git -C "$work/am" -c user.name=check -c user.email=check@example.invalid \
		commit -qm "as extracted" || return 1
	for d in $series; do
		git -C "$work/am" -c user.name=check -c user.email=check@example.invalid \
			am -q "$repo/$d"/0[0-9][0-9][1-9]-*.patch || return 1
	done
}
check "sfp.c series: git am applies net, then net-next, to sfp.c of $(basename "$tree")" \
	git_am_onto_pristine
checkpatch_clean() { # DIR
	# From the series' directory: given a path under scripts/, checkpatch
	# takes each blank context line for trailing whitespace. Without the
	# kernel's git history it cannot find any Fixes: commit; fixes_cited
	# checks those.
	out=$(cd "$1" && perl "$tree/scripts/checkpatch.pl" --strict --terse --no-tree \
		--ignore UNKNOWN_COMMIT_ID 0*.patch 2>&1)
	status=$?
	echo "$out" | grep -E 'ERROR|WARNING|CHECK'
	[ "$status" -eq 0 ] && ! echo "$out" | grep -qE 'ERROR|WARNING|CHECK'
}
# The commit that added sfp.c's hwmon code, as its own later fixes cite
# it (Andrew Lunn's "net: phy: sfp: hwmon: Fix scaling of RX power").
fixes_cited() {
	tag='Fixes: 1323061a018a ("net: phy: sfp: Add HWMON support for module sensors")'
	for p in scripts/upstream/sfp/net/0[0-9][0-9][1-9]-*.patch; do
		grep -qxF "$tag" "$p" || { echo "$p: no '$tag'"; return 1; }
	done
	! grep -l '^Fixes:' scripts/upstream/sfp/net-next/*.patch
}
for d in $series; do
	check "sfp.c series: checkpatch.pl --strict of $(basename "$tree") finds nothing in ${d##*/}" \
		checkpatch_clean "$d"
done
check "sfp.c series: each net fix names the commit that added sfp.c's hwmon code, net-next none" \
	fixes_cited

# 32-bit: with both series, sfp.c builds for ARM (multi_v7_defconfig,
# where it is a module) with W=1 and sparse (C=2: checked even when
# ccache has the object) and no warning, and calls no 64-bit division
# helper of libgcc, which the kernel does not have.
arm_build() {
	scripts/deps.sh gcc-arm-linux-gnueabihf >/dev/null || return 1
	sparse=$(scripts/newest-kernel.sh --sparse) || return 1
	out="$cache/sfp-arm-build"
	exec 6>"$out.lock"	# hwmon-check.sh builds in it too
	flock 6
	set -- -s -C "$tree" ARCH=arm CROSS_COMPILE=arm-linux-gnueabihf- O="$out"
	make "$@" multi_v7_defconfig >/dev/null 2>"$work/arm.log" &&
	make "$@" -j"$(nproc)" CC="ccache arm-linux-gnueabihf-gcc" W=1 C=2 \
		CHECK="$sparse" drivers/net/phy/sfp.o >>"$work/arm.log" 2>&1 ||
		{ cat "$work/arm.log"; return 1; }
	! grep -E 'warning:|error:' "$work/arm.log" &&
	! arm-linux-gnueabihf-nm -u "$out/drivers/net/phy/sfp.o" | grep -E '__aeabi_u?ldivmod|__u?divdi3'
}
check "sfp.c series: sfp.c builds for 32-bit ARM with W=1 and sparse, without 64-bit division helpers" \
	arm_build

dumps() {
	python3 scripts/upstream/sfp_dump.py "$work/edges.bin" &&
	python3 scripts/e2e/make_dump.py "$work/internal.bin" &&
	python3 scripts/bmc/make_external.py "$work/internal.bin" "$work/external.bin"
}
dumps || { check "the dumps are written" false; finish; }
board() { # OUT, then sfp-uml's environment
	out=$1
	shift
	env "$@" scripts/sfp-uml --driver sfp --cages 4 --cage port1=external \
		--cage port2="$work/edges.bin" --cage port3=internal \
		--cage port4="$work/external.bin" \
		-- sh scripts/upstream/sfp-inside.sh "$work/$out" 4 \
		>"$work/$out.log" 2>&1 || { cat "$work/$out.log"; false; }
}
check "sfp.c stock (6.12 UML): the board runs" board before SFP_UML_SERIES=6.12
newest=$(flock "$cache/uml-newest.lock" scripts/uml-kernel.sh newest)
check "sfp.c with the fixes (newest UML): the board runs" \
	board after SFP_UML_SERIES=newest SFP_UML_PREBUILT="$newest"
E2E_COUNTS="$work/values" SFP_VALUES_CSV="$work/values.csv" \
	python3 scripts/upstream/sfp_check.py "$work/before" "$work/after" \
	port1=external-profile port2=edges-dump port3=internal-profile \
	port4=external-dump
read -r p f _ <"$work/values" || { p=0 f=1; }
passed=$((passed + p)) failed=$((failed + f))
[ "$failed" -ne 0 ] || { mkdir -p build && mv "$work/values.csv" build/sfp-values.csv; }
finish
