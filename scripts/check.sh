#!/bin/sh
# Every test tier of the project. Each tier adds its counts; the last line is
#   N passed, N failed[, N skipped]
# and the exit status is non-zero when anything failed.
set -u

repo=$(cd "$(dirname "$0")/.." && pwd)
cd "$repo" || exit 1
passed=0 failed=0 skipped=0
counts=$(mktemp)
trap 'rm -f "$counts"' EXIT

# One named check that counts as one test.
check() {
	name=$1
	shift
	if "$@"; then
		passed=$((passed + 1))
		echo "ok: $name"
	else
		failed=$((failed + 1))
		echo "FAILED: $name"
	fi
}

# A tier that reports its own "passed failed skipped" counts in $counts.
tier() {
	name=$1
	shift
	: >"$counts"
	SFF8472_COUNTS=$counts "$@"
	status=$?
	if [ -s "$counts" ]; then
		read -r p f s <"$counts"
	else
		p=0 f=1 s=0
	fi
	[ "$status" -ne 0 ] && [ "$f" -eq 0 ] && f=1
	passed=$((passed + p)) failed=$((failed + f)) skipped=$((skipped + s))
	echo "$name: $p passed, $f failed, $s skipped"
}

echo "== tier 1: KUnit under UML (decode, emulator, driver)"
check "calibration vectors match kunit/gen_calibration_vectors.py" \
	python3 kunit/gen_calibration_vectors.py --check
tier kunit scripts/kunit.sh

echo "== tier 2: end to end in UML with Debian's userspace (scripts/sfp-uml)"
tier e2e scripts/e2e/run.sh

echo "== tier 3: out-of-tree build and static checks"
check "W=1 and sparse build against Debian 6.12 headers" env C=1 scripts/build-module.sh
check "checkpatch --strict" scripts/checkpatch.sh
tier dt-check scripts/dt-check.sh

if [ "$skipped" -gt 0 ]; then
	echo "$passed passed, $failed failed, $skipped skipped"
else
	echo "$passed passed, $failed failed"
fi
[ "$failed" -eq 0 ]
