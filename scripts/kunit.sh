#!/bin/sh
# Build the UML test kernel (scripts/uml-kernel.sh) and run its KUnit suites.
#
#   scripts/kunit.sh [--kernel 6.12|newest] [FILTER_GLOB]
#                                       e.g. scripts/kunit.sh 'sff8472_emul*'
#
# Fails on a failed test, a build error, a crash, or any report from the
# sanitisers or lockdep in the kernel log. Writes "passed failed skipped" to
# $SFF8472_COUNTS when that is set, for the summary line of `make check`.
# Concurrent runs (several clones or engineers) are serialised by a lock.
set -eu

repo=$(cd "$(dirname "$0")/.." && pwd)
cache=${SFF8472_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/sff8472}
mkdir -p "$cache"
series=6.12
if [ "${1:-}" = --kernel ]; then
	series=${2:?usage: kunit.sh [--kernel 6.12|newest] [FILTER_GLOB]}
	shift 2
fi
exec 9>"$cache/uml-$series.lock"
flock 9
out="$cache/kunit-output.txt"
[ "$series" = 6.12 ] || out="$cache/kunit-output-$series.txt"
report() {
	[ -n "${SFF8472_COUNTS:-}" ] && echo "$1 $2 $3" >"$SFF8472_COUNTS"
	echo "kunit: $1 passed, $2 failed, $3 skipped"
}

build=$("$repo/scripts/uml-kernel.sh" "$series") || { report 0 1 0; exit 1; }
tree=$("$repo/scripts/kernel-tree.sh" "$series")

set +e
python3 "$tree/tools/testing/kunit/kunit.py" exec --build_dir="$build" \
	--timeout=600 "$@" >"$out" 2>&1
status=$?
set -e

# kunit.py's own summary and any failure detail.
grep -E '^\[[0-9:]+\] (=|\[|Testing complete|Elapsed|Starting|ERROR)|FAILED|not ok' "$out" |
	grep -v '\[PASSED\]' || true

log="$build/test.log"
if [ -f "$log" ] && "$repo/scripts/sanitiser-reports.sh" "$log" >&2; then
	echo "kunit: the kernel log has sanitiser, lockdep or crash reports" >&2
	status=1
fi

# Fault-injection cases log "sff8472-summary: KEY N" for the hostile-world
# line of `make check`; a sanitiser report above counts as one report.
if [ -n "${SFF8472_SUMMARY:-}" ] && [ -f "$log" ]; then
	sed -n 's/.*sff8472-summary: \([a-z]*\) \([0-9]*\)$/\1 \2/p' "$log" >>"$SFF8472_SUMMARY"
	[ "$status" -ne 0 ] && "$repo/scripts/sanitiser-reports.sh" "$log" >/dev/null &&
		echo "reports 1" >>"$SFF8472_SUMMARY"
fi

summary=$(grep -E 'Testing complete\. Ran [0-9]+ tests' "$out" | tail -n 1)
passed=$(echo "$summary" | sed -n 's/.*passed: \([0-9]*\).*/\1/p')
failed=$(echo "$summary" | sed -n 's/.*failed: \([0-9]*\).*/\1/p')
skipped=$(echo "$summary" | sed -n 's/.*skipped: \([0-9]*\).*/\1/p')
: "${passed:=0}" "${failed:=0}" "${skipped:=0}"
if [ "$status" -ne 0 ] && [ "$failed" -eq 0 ]; then
	# A crash or sanitiser report counts as one failure.
	failed=1
	[ -z "$summary" ] && tail -n 40 "$out" >&2
fi
report "$passed" "$failed" "$skipped"
exit "$status"
