#!/bin/sh
# make bench: the bus cost of sff8472 and of Linux's own SFP driver
# (drivers/net/phy/sfp.c) on the same emulated modules (the "internal"
# profile in every cage), in User-Mode Linux through scripts/sfp-uml.
# Counts come from the emulator's bus accounting, never from a clock.
#
# Five boards, one UML run each: 48 cages behind six PCA9548 switches for
# each driver (presence poll of sff8472 off, so that it is not counted with
# the rows); one sff8472 cage with a 16-byte transfer limit; one sff8472
# cage with a 1000 ms presence poll, to count one poll cycle; one sff8472
# cage with max_transfer_size=255, for its insertion.
#
# Prints the markdown table and the checks (the issue's targets, met or
# explained in Documentation/hwmon/sff8472-bench.rst), writes build/bench.json
# and build/bench.csv, and "passed failed 0" to $SFF8472_COUNTS when set.
set -u

repo=$(cd "$(dirname "$0")/../.." && pwd)
cd "$repo" || exit 1
mkdir -p build
raw=$(mktemp -d "$repo/build/bench-raw.XXXXXX")
trap 'rm -rf "$raw"' EXIT
uml=scripts/sfp-uml
inside=scripts/bench/inside.sh
cages=48
status=0

board() {
	log=$1
	shift
	if ! "$@" >"$raw/$log.log" 2>&1; then
		echo "bench: a board did not run: $*" >&2
		cat "$raw/$log.log" >&2
		status=1
	fi
}

board sff8472 env SFP_UML_POLL_MS=600000 $uml --mux --cages $cages \
	-- sh $inside "$raw/sff8472.txt" sff8472 $cages main
board sfp $uml --mux --driver sfp --cages $cages \
	-- sh $inside "$raw/sfp.txt" sfp $cages main
board limit env SFP_UML_POLL_MS=600000 $uml --adapter i2c16 \
	-- sh $inside "$raw/sff8472-limit.txt" sff8472 1 limit
board poll env SFP_UML_POLL_MS=1000 $uml \
	-- sh $inside "$raw/sff8472-poll.txt" sff8472 1 poll
board xfer255 env SFP_UML_POLL_MS=600000 SFP_UML_MAX_TRANSFER=255 $uml \
	-- sh $inside "$raw/sff8472-xfer255.txt" sff8472 1 insertion

python3 scripts/bench/report.py "$raw" build/bench.json build/bench.csv ||
	status=1
echo "bench: wrote build/bench.json and build/bench.csv"
exit $status
