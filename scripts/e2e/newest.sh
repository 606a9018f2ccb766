#!/bin/sh
# The end-to-end smoke on the newest kernel in Debian's archive (the UML
# kernel of `scripts/uml-kernel.sh newest`), beside the full tier on 6.12:
# an I2C board with two profiles (internal and external calibration) through
# collect.sh and check.py (sensors, the eeprom and nvmem files, the hwmon
# values against the reference, bus cost), then the scenario of run.sh (a
# dump file and the internal profile: alarms, a hot swap, nvmem writes;
# node_exporter only on 6.12, whose kernel alone has IPv4).
# Writes "passed failed 0" to $SFF8472_COUNTS when set.
set -u

repo=$(cd "$(dirname "$0")/../.." && pwd)
cd "$repo" || exit 1
cache=${SFF8472_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/sff8472}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
counts="$work/counts"
: >"$counts"

# The kernel is built under the exclusive lock; the boards then share it.
SFP_UML_SERIES=newest
SFP_UML_PREBUILT=$(flock "$cache/uml-newest.lock" scripts/uml-kernel.sh newest) || {
	echo "FAILED: e2e newest: the UML kernel of the newest tree did not build"
	[ -n "${SFF8472_COUNTS:-}" ] && echo "0 1 0" >"$SFF8472_COUNTS"
	exit 1
}
export SFP_UML_SERIES SFP_UML_PREBUILT
tag=$(basename "$SFP_UML_PREBUILT" | sed 's/^build-um-//; s/-.*//')

# A board that did not run to its end counts one failure, with its log.
board_failed() {
	echo "FAILED: e2e $tag $1: the board did not run"
	cat "$work/$1.log"
	echo "0 1" >>"$counts"
}

out="$work/i2c"
if SFP_UML_POLL_MS=600000 scripts/sfp-uml --cages 2 --cage port1=internal \
	--cage port2=external -- sh scripts/e2e/collect.sh "$out" 2 >"$work/i2c.log" 2>&1; then
	E2E_COUNTS=$counts python3 scripts/e2e/check.py "$out" "$tag/i2c" port1=ddm port2=ddm
else
	board_failed i2c
fi

python3 scripts/e2e/make_dump.py "$work/dump.bin"
if scripts/sfp-uml --cages 2 --cage port1="$work/dump.bin" --cage port2=internal \
	-- sh scripts/e2e/scenario.sh "$work/scenario" >"$work/scenario.log" 2>&1; then
	# A kernel without IPv4 (kunit/full.kunitconfig is the 6.12
	# kernel's) runs no node_exporter: its configuration says so.
	no_metrics=--no-metrics
	grep -qx CONFIG_INET=y "$SFP_UML_PREBUILT/.config" && no_metrics=
	# shellcheck disable=SC2086 # $no_metrics: an option or nothing
	E2E_COUNTS=$counts python3 scripts/e2e/check.py --scenario "$work/scenario" \
		"$work/dump.bin" $no_metrics
else
	board_failed scenario
fi

passed=$(awk '{p += $1} END {print p + 0}' "$counts")
failed=$(awk '{f += $2} END {print f + 0}' "$counts")
[ -n "${SFF8472_COUNTS:-}" ] && echo "$passed $failed 0" >"$SFF8472_COUNTS"
echo "e2e $tag: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
