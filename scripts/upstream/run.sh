#!/bin/sh
# make upstream: write the patch series for mainline into build/upstream/.
#
#   build/upstream/sfp-net/       [PATCH net 0/2..2/2]: Linux's sfp.c uses
#                                 the signed calibration constants unsigned
#   build/upstream/sfp-net-next/  [PATCH net-next 0/2..2/2], on top of it:
#                                 one rounding, and RX power computed
#
# Both are against the newest linux-source in Debian's archive, kept in
# scripts/upstream/sfp/ (sfp.c is not ours to hold as source), and proven
# in make check by scripts/upstream/sfp-fixes.sh. Author and
# Signed-off-by are placeholders for a person to fill in.
set -eu

repo=$(cd "$(dirname "$0")/../.." && pwd)
for tree in net net-next; do
	out="$repo/build/upstream/sfp-$tree"
	rm -rf "$out"
	mkdir -p "$out"
	cp "$repo"/scripts/upstream/sfp/$tree/0*.patch "$out/"
	echo "upstream: wrote $(ls "$out" | wc -l) files of the sfp.c $tree series to build/upstream/sfp-$tree/"
done
echo "upstream: fill in the author placeholder (author-placeholder@example.invalid) before sending"
