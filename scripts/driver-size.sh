#!/bin/sh
# The production driver's size: the lines of the files DKMS and the package
# get (the Makefile's DRIVER_SOURCES: drivers/hwmon/sff8472/ without its
# tests).
#
#   scripts/driver-size.sh [--files] [--max N]
#
# Prints the total (and with --files each file's figure); with --max, fails
# when the total is above N (make check's ratchet: the driver may shrink,
# never grow).
set -eu
repo=$(cd "$(dirname "$0")/.." && pwd)
cd "$repo"
files=$(make -s --no-print-directory driver-sources)
per_file=""
[ "${1:-}" != --files ] || { per_file=1; shift; }
# shellcheck disable=SC2086 # file names without spaces
[ -z "$per_file" ] || wc -l $files | sort -n
# shellcheck disable=SC2086
total=$(cat $files | wc -l)
echo "driver-size: $total production lines in drivers/hwmon/sff8472/"
if [ "${1:-}" = --max ]; then
	[ "$total" -le "$2" ] || { echo "driver-size: more than $2" >&2; exit 1; }
fi
