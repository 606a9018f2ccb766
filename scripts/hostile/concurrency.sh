#!/bin/sh
# Inside the board: readers of hwmon, sysfs and eeprom on every cage while
# its modules are swapped and (HOW "rebind") its driver unbound and bound,
# or (HOW "interval0") with update_interval 0, so that every read is a new
# snapshot (stress.py). Cage K's modules are tags TAGS_K of TAGDIR, the
# first of them in the cage at the start. With --shared, five processes
# share all the cages (stress.py --shared: boards of many cages). The
# kernel's reports are sfp-uml's to find.
#
#   concurrency.sh [--shared] OUT SECONDS TAGDIR TAGS_1:HOW_1 [TAGS_2:HOW_2...]
#   (TAGS_K: 0,1,2)
set -u
here=$(dirname "$0")
. "$here/../uml-lib.sh"
shared=
[ "$1" = --shared ] && { shared=--shared; shift; }
out=$1 seconds=$2 tagdir=$3
shift 3
mkdir -p "$out"

cages='' k=1
for cage in "$@"; do
	dev=$(cage_dev "port$k") || { echo "no cage port$k" >&2; exit 1; }
	rebind=1
	if [ "${cage#*:}" = interval0 ]; then
		echo 0 >"$(cage_hwmon "port$k")/update_interval" || exit 1
		rebind=0
	fi
	cages="$cages port$k:$dev:$(cage_emul "port$k"):$tagdir:${cage%:*}:$rebind"
	k=$((k + 1))
done
# shellcheck disable=SC2086
exec python3 "$here/stress.py" $shared "$out" "$seconds" $cages
