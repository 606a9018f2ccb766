#!/bin/sh
# The production driver's size: the lines of every file under
# drivers/hwmon/sff8472/ that is not a test (*_test.c, the test vectors).
#
#   scripts/driver-size.sh [--files] [--max N]
#
# Prints the total (and with --files each file's figure); with --max, fails
# when the total is above N (make check's ratchet: the driver may shrink,
# never grow).
set -eu
repo=$(cd "$(dirname "$0")/.." && pwd)
cd "$repo/drivers/hwmon/sff8472"
files=$(find . -maxdepth 1 -type f \( -name '*.[ch]' -o -name Kconfig -o -name Makefile \) \
	! -name '*_test.c' ! -name '*_vectors.h' ! -name '*.mod.c' -printf '%f\n' | sort)
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
