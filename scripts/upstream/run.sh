#!/bin/sh
# make upstream: write the patch series for mainline into build/upstream/.
#
#   build/upstream/hwmon/         [PATCH 0/2..2/2]: the binding, and the
#                                 driver with its documentation and KUnit
#                                 tests (scripts/upstream/hwmon_series.py)
#   build/upstream/sfp-net/       [PATCH net 0/2..2/2]: Linux's sfp.c uses
#                                 the signed calibration constants unsigned
#   build/upstream/sfp-net-next/  [PATCH net-next 0/2..2/2], on top of it:
#                                 one rounding, and RX power computed
#
# All against the newest linux-source in Debian's archive. The sfp.c
# series are kept in scripts/upstream/sfp/ (sfp.c is not ours to hold as
# source); the driver's is made from the driver. make check proves them
# (scripts/upstream/sfp-fixes.sh, hwmon-check.sh). The driver series'
# cover letter takes its numbers from make bench (build/bench.csv) and
# sfp-fixes.sh (build/sfp-values.csv), each run first if its file is
# missing. Author and Signed-off-by are placeholders for a
# person to fill in.
set -eu

repo=$(cd "$(dirname "$0")/../.." && pwd)
cd "$repo"
[ -f build/bench.csv ] || scripts/bench/run.sh >/dev/null
[ -f build/sfp-values.csv ] || scripts/upstream/sfp-fixes.sh >/dev/null
tree=$(scripts/kernel-tree.sh newest)
python3 scripts/upstream/hwmon_series.py --tree "$tree" \
	--pristine "$tree/.sff8472-pristine" --bench build/bench.csv \
	--sfp-values build/sfp-values.csv --out build/upstream/hwmon
for tree in net net-next; do
	out="$repo/build/upstream/sfp-$tree"
	rm -rf "$out"
	mkdir -p "$out"
	cp "$repo"/scripts/upstream/sfp/$tree/0*.patch "$out/"
	echo "upstream: wrote $(ls "$out" | wc -l) files of the sfp.c $tree series to build/upstream/sfp-$tree/"
done
echo "upstream: fill in the author and maintainer placeholders (*-placeholder@example.invalid) before sending"
