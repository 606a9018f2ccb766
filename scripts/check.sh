#!/bin/sh
# Every test tier of the project. Each tier adds its counts; the last line is
#   N passed, N failed[, N skipped]
# and the exit status is non-zero when anything failed.
set -u

repo=$(cd "$(dirname "$0")/.." && pwd)
cd "$repo" || exit 1
passed=0 failed=0 skipped=0
counts=$(mktemp)

. "$repo/scripts/check-lib.sh"

# Add the "passed failed skipped" counts a tier wrote to file $2; a tier that
# exited non-zero ($3) without counting a failure counts one.
tier_counts() {
	if [ -s "$2" ]; then
		read -r p f s <"$2"
	else
		p=0 f=1 s=0
	fi
	[ "$3" -ne 0 ] && [ "$f" -eq 0 ] && f=1
	passed=$((passed + p)) failed=$((failed + f)) skipped=$((skipped + s))
	echo "$1: $p passed, $f failed, $s skipped"
}

# A tier that reports its own counts in $counts.
tier() {
	name=$1
	shift
	: >"$counts"
	SFF8472_COUNTS=$counts "$@"
	tier_counts "$name" "$counts" $?
}

# Extract and hook the kernel tree once, before anything runs in parallel.
scripts/kernel-tree.sh >/dev/null || exit 1

# Tier 3 needs no UML kernel: it runs beside tiers 1 and 2, on the other core.
static_log=$(mktemp)
static_counts=$(mktemp)
trap 'rm -f "$counts" "$static_log" "$static_counts"' EXIT
SFF8472_COUNTS=$static_counts scripts/static-checks.sh >"$static_log" 2>&1 &
static_pid=$!

echo "== tier 1: KUnit under UML (decode, emulator, driver)"
check "calibration vectors match kunit/gen_calibration_vectors.py" \
	python3 kunit/gen_calibration_vectors.py --check
tier kunit scripts/kunit.sh

echo "== tier 2: end to end in UML with Debian's userspace (scripts/sfp-uml)"
tier e2e scripts/e2e/run.sh

echo "== tier 5: bench, bus cost beside Linux's sfp.c (scripts/bench/run.sh)"
tier bench scripts/bench/run.sh

echo "== tier 3: out-of-tree build (W=1, sparse), checkpatch, device tree"
wait "$static_pid"
status=$?
cat "$static_log"
tier_counts "static checks" "$static_counts" "$status"

if [ "$skipped" -gt 0 ]; then
	echo "$passed passed, $failed failed, $skipped skipped"
else
	echo "$passed passed, $failed failed"
fi
[ "$failed" -eq 0 ]
