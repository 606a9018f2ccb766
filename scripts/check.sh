#!/bin/sh
# Every test tier of the project. Each tier adds its counts; the last line is
#   N passed, N failed[, N skipped]
# and the exit status is non-zero when anything failed.
set -u

repo=$(cd "$(dirname "$0")/.." && pwd)
cd "$repo" || exit 1
passed=0 failed=0 skipped=0
counts=$(mktemp)
# Tiers that try what a hostile world does append "KEY N" lines here (KEY:
# images, faults, concurrent, cycles, reports); the line before the last
# sums them.
SFF8472_SUMMARY=$(mktemp)
export SFF8472_SUMMARY

. "$repo/scripts/check-lib.sh"

# Add the "passed failed skipped" counts a tier wrote to file $2; a tier that
# exited non-zero ($3) without counting a failure counts one. $4, when
# given, is how long the tier took, in seconds (for the time budget).
tier_counts() {
	if [ -s "$2" ]; then
		read -r p f s <"$2"
	else
		p=0 f=1 s=0
	fi
	[ "$3" -ne 0 ] && [ "$f" -eq 0 ] && f=1
	passed=$((passed + p)) failed=$((failed + f)) skipped=$((skipped + s))
	echo "$1: $p passed, $f failed, $s skipped${4:+ ($4 s)}"
	[ "$f" -eq 0 ] || echo "$1: $f failed" >>"$bg/failed-tiers"
}

# A tier that reports its own counts in $counts. Its output is kept in
# $bg too, for the digest of failures.
tier() {
	name=$1
	shift
	: >"$counts"
	t0=$(date +%s)
	{
		SFF8472_COUNTS=$counts "$@"
		echo $? >"$counts.status"
	} 2>&1 | tee "$bg/foreground-$(echo "$name" | tr ' ' -).log"
	tier_counts "$name" "$counts" "$(cat "$counts.status")" $(($(date +%s) - t0))
}

# seconds_since T0 FILE: how long since T0, into FILE (the background tiers').
seconds_since() { echo $(($(date +%s) - $1)) >"$2"; }

# The host's boot files before anything runs (even the tool installation).
boot_before=$(boot_fingerprint)

# Extract and hook the kernel tree once, before anything runs in parallel.
scripts/kernel-tree.sh >/dev/null || exit 1

# These run one after the other beside tiers 1 and 2 and the hostile and
# fuzz tiers, on the other core: the builds for every kernel (3), the
# newest kernel's UML (2n, under a lock of its own), the bench (5, on the
# 6.12 kernel tier 1 built: it counts bus transactions, not time),
# sff8472-info, Debian's kernels in QEMU (4) and the BMC (6). Warm, that
# chain ends first; cold, its kernel builds keep it going long after the
# foreground's tiers, so the foreground then takes the jobs it has not
# started (each job runs once, in whichever chain claims it first). Each
# leaves NAME.log, .counts, .status and .seconds in $bg.
bg=$(mktemp -d)
trap 'rm -rf "$counts" "$counts.status" "$SFF8472_SUMMARY" "$bg"' EXIT
# check() (check-lib.sh) adds the names of failed checks here.
# shellcheck disable=SC2034 # used by the sourced check-lib.sh
check_failures="$bg/failed-checks.log"
background() {
	name=$1
	shift
	t0=$(date +%s)
	SFF8472_COUNTS="$bg/$name.counts" "$@" >"$bg/$name.log" 2>&1
	echo $? >"$bg/$name.status"
	seconds_since "$t0" "$bg/$name.seconds"
}
# job NAME CMD...: background NAME CMD, unless the other chain claimed it.
job() {
	mkdir "$bg/$1.claimed" 2>/dev/null || return 0
	background "$@"
}
# The jobs on the 6.12 kernel tier 1 built and after, for whichever chain
# is free.
later_jobs() {
	job bench nice -n 5 scripts/bench/run.sh
	job info nice -n 5 scripts/info/run.sh
	job debian nice -n 5 scripts/qemu/run.sh
	job bmc nice -n 5 scripts/bmc/run.sh
	job sfp-fixes nice -n 5 scripts/upstream/sfp-fixes.sh
	# The driver series' cover letter takes the bench's and the sfp.c
	# fixes' numbers. Its builds yield to the foreground's boards (they
	# set make check's time).
	job hwmon-series sh -c 'until [ -f "$1/bench.status" ] && [ -f "$1/sfp-fixes.status" ]
		do sleep 5; done
		exec nice -n 19 scripts/upstream/hwmon-check.sh' - "$bg"
}
# background_result TITLE NAME: the output and the counts of a finished one.
background_result() {
	cat "$bg/$2.log"
	tier_counts "$1" "$bg/$2.counts" "$(cat "$bg/$2.status" 2>/dev/null || echo 1)" \
		"$(cat "$bg/$2.seconds" 2>/dev/null)"
}
(
	background static scripts/static-checks.sh
	background kunit-newest nice -n 5 scripts/kunit.sh --kernel newest
	background e2e-newest nice -n 5 scripts/e2e/newest.sh
	# The bench boots the 6.12 kernel tier 1 builds: only under the shared
	# lock, beside the foreground's boards (the build check would wait
	# for the exclusive one between them).
	# (The directory goes when make check ends: never wait past that.)
	while [ -d "$bg" ] && [ ! -f "$bg/uml-6.12" ]; do sleep 1; done
	SFP_UML_PREBUILT=$(cat "$bg/uml-6.12")
	export SFP_UML_PREBUILT
	later_jobs
) &
background_pid=$!

echo "== tier 1: KUnit under UML (decode, emulator, driver)"
check "calibration vectors match kunit/gen_calibration_vectors.py" \
	python3 kunit/gen_calibration_vectors.py --check
tier kunit scripts/kunit.sh
# Tier 1 built the 6.12 UML kernel: its directory, for the bench beside
# (empty if the build failed: the bench then builds, and fails, itself).
cache=${SFF8472_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/sff8472}
{ flock "$cache/uml-6.12.lock" scripts/uml-kernel.sh 6.12 2>/dev/null || :; } >"$bg/uml-6.12.new"
mv "$bg/uml-6.12.new" "$bg/uml-6.12"

echo "== tier 2: end to end in UML with Debian's userspace (scripts/sfp-uml)"
tier e2e scripts/e2e/run.sh

echo "== hostile world: readers during swaps and rebinds, unprivileged users, leaks (scripts/hostile/run.sh)"
tier hostile scripts/hostile/run.sh

echo "== tier 2f: fuzzing, 2000 seeded images through probes and hot swaps (scripts/fuzz/run.sh)"
tier fuzz scripts/fuzz/run.sh

# make demo as a user runs it (its deps step included): it must work and
# leave the host's boot files alone.
demo_leaves_boot_alone() {
	before=$(boot_fingerprint)
	make demo >"$counts.demo" 2>&1 && grep -q '^sff8472.*-i2c-[0-9]*-50$' "$counts.demo" &&
		[ "$(boot_fingerprint)" = "$before" ] ||
		{ tail -n 20 "$counts.demo"; return 1; }
}
check "make demo runs and leaves /boot and /vmlinuz untouched" demo_leaves_boot_alone
rm -f "$counts.demo"

# Whatever the other chain has not started yet runs here.
(
	SFP_UML_PREBUILT=$(cat "$bg/uml-6.12")
	export SFP_UML_PREBUILT
	later_jobs
)

echo "== tier 3: out-of-tree build (W=1, sparse) for Debian 6.1, 6.12 and the newest 7.x, checkpatch, device tree"
wait "$background_pid"
background_result "static checks" static

echo "== tier 2n: the newest kernel in Debian's archive under UML: KUnit, and an end-to-end smoke (scripts/e2e/newest.sh)"
background_result "kunit newest" kunit-newest
background_result "e2e newest" e2e-newest

echo "== tier 5: bench, bus cost beside Linux's sfp.c (scripts/bench/run.sh)"
background_result bench bench

echo "== sff8472-info: ethtool -m output from eeprom files, on the host (scripts/info/run.sh)"
background_result info info

echo "== tier 4: Debian's 6.1 and 6.12 kernels: make install, DKMS, booted in QEMU"
background_result "debian kernels" debian

echo "== tier 6: 32-bit ARM, ASPEED AST2600 BMC in QEMU: i2c-aspeed, PCA9548, device tree"
background_result "bmc ast2600" bmc

# Minutes per release even warm (see the script): the install route only on Debian 13.
# Tier 0 builds two Debian roots and a UML kernel in each: far beyond this
# run's time budget for now, so only on request (make fresh-root, or
# SFF8472_FRESH_ROOT=1 here).
echo "== mainline: Linux's sfp.c with our fixes, stock and patched, against the exact reference (scripts/upstream/sfp-fixes.sh)"
background_result "sfp.c fixes" sfp-fixes

echo "== mainline: the driver's series, checked and built in the newest kernel (scripts/upstream/hwmon-check.sh)"
background_result "hwmon series" hwmon-series

if [ "${SFF8472_FRESH_ROOT:-0}" = 1 ]; then
	echo "== tier 0: fresh Debian 12 and 13 roots run the README's commands (scripts/fresh-root/run.sh)"
	tier "fresh roots" env FRESH_ROOT_INSTALL=trixie scripts/fresh-root/run.sh
fi

check "make check left /boot and /vmlinuz untouched" \
	test "$(boot_fingerprint)" = "$boot_before"

# One line with what the hostile tiers did; a report anywhere is a failure.
hostile_sum() { awk -v k="$1" '$1 == k { n += $2 } END { print n + 0 }' "$SFF8472_SUMMARY"; }
reports=$(hostile_sum reports)
echo "hostile world: $(hostile_sum images) images fuzzed, $(hostile_sum faults) faults injected," \
	"$(hostile_sum concurrent) concurrent operations, $(hostile_sum cycles) cycles, $reports reports"
[ "$reports" -eq 0 ] || failed=$((failed + 1))

# CI shows only the end of the output: what failed, with the lines just
# before each failure, comes right above the counts.
failure_digest() {
	echo "== what failed (each with the lines before it; the whole output is above)"
	cat "$bg/failed-tiers" 2>/dev/null
	for log in "$bg"/*.log; do
		grep -h -B 6 -E '^FAILED: |\[FAILED\]|^not ok' "$log"
	done | cut -c 1-200 | head -n 80
}
[ "$failed" -eq 0 ] || failure_digest

if [ "$skipped" -gt 0 ]; then
	echo "$passed passed, $failed failed, $skipped skipped"
else
	echo "$passed passed, $failed failed"
fi
[ "$failed" -eq 0 ]
