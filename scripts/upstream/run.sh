#!/bin/sh
# make upstream: write the patch series for mainline into build/upstream/.
#
#   build/upstream/sfp/   [PATCH net 0/4..4/4]: Linux's sfp.c computes
#                         external calibration wrong; the fixes, against
#                         the newest linux-source in Debian's archive.
#
# The series is kept in scripts/upstream/sfp/ (sfp.c is not ours to hold
# as source); scripts/upstream/sfp-fixes.sh proves it in make check.
# Author and Signed-off-by are placeholders for a person to fill in.
set -eu

repo=$(cd "$(dirname "$0")/../.." && pwd)
out="$repo/build/upstream/sfp"
rm -rf "$out"
mkdir -p "$out"
cp "$repo"/scripts/upstream/sfp/0*.patch "$out/"
echo "upstream: wrote $(ls "$out" | wc -l) files of the sfp.c series to build/upstream/sfp/"
echo "upstream: fill in the author placeholder (author-placeholder@example.invalid) and Fixes: tags before sending"
