#!/bin/sh
# Build a User-Mode Linux kernel with the driver, the emulator and their KUnit
# suites (KASAN, UBSAN and lockdep on), boot it and report the results.
#
#   scripts/kunit.sh [FILTER_GLOB]      e.g. scripts/kunit.sh 'sff8472_emul*'
#
# Fails on a failed test, a build error, a crash, or any report from the
# sanitisers or lockdep in the kernel log. Writes "passed failed skipped" to
# $SFF8472_COUNTS when that is set, for the summary line of `make check`.
# Concurrent runs (several clones or engineers) are serialised by a lock.
set -eu

repo=$(cd "$(dirname "$0")/.." && pwd)
cache=${SFF8472_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/sff8472}
mkdir -p "$cache"

exec 9>"$cache/kunit.lock"
flock 9

"$repo/scripts/clean-sources.sh"
tree=$("$repo/scripts/kernel-tree.sh")
build="$cache/build-um-$(basename "$tree" | sed 's/^linux-//')"
out="$cache/kunit-output.txt"

set +e
python3 "$tree/tools/testing/kunit/kunit.py" run \
	--arch=um --kunitconfig="$repo/kunit/.kunitconfig" \
	--build_dir="$build" --jobs="$(nproc)" --timeout=600 \
	--make_options="CC=ccache gcc" "$@" >"$out" 2>&1
status=$?
set -e

# kunit.py's own summary and any failure detail, without the build noise.
grep -E '^\[[0-9:]+\] (=|\[|Testing complete|Elapsed|Configuring|Building|Starting|ERROR)|FAILED|error:|Error|not ok' "$out" |
	grep -v '\[PASSED\]' || true

log="$build/test.log"
sanitiser='BUG: KASAN|UBSAN:|WARNING: possible|possible circular locking|possible recursive locking|inconsistent lock state|suspicious RCU usage|BUG: sleeping function|BUG: |Kernel panic|WARNING: CPU|kernel BUG at|Oops'
if [ -f "$log" ] && grep -Eq "$sanitiser" "$log"; then
	echo "kunit: kernel log has sanitiser, lockdep or crash reports:" >&2
	grep -E -A20 "$sanitiser" "$log" | head -80 >&2
	status=1
fi

summary=$(grep -E 'Testing complete\. Ran [0-9]+ tests' "$out" | tail -n 1)
passed=$(echo "$summary" | sed -n 's/.*passed: \([0-9]*\).*/\1/p')
failed=$(echo "$summary" | sed -n 's/.*failed: \([0-9]*\).*/\1/p')
skipped=$(echo "$summary" | sed -n 's/.*skipped: \([0-9]*\).*/\1/p')
: "${passed:=0}" "${failed:=0}" "${skipped:=0}"
if [ "$status" -ne 0 ] && [ "$failed" -eq 0 ]; then
	# A build error, crash or sanitiser report counts as one failure.
	failed=1
	[ -z "$summary" ] && tail -n 40 "$out" >&2
fi
[ -n "${SFF8472_COUNTS:-}" ] && echo "$passed $failed $skipped" >"$SFF8472_COUNTS"
echo "kunit: $passed passed, $failed failed, $skipped skipped"
exit "$status"
