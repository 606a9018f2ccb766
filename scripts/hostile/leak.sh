#!/bin/sh
# Inside the board: N unbind/bind and N remove/insert cycles over cages
# port1..portK (cycles.py), with devices, slab caches and kmemleak compared
# before and after.
#
#   leak.sh OUT N K
set -u
here=$(dirname "$0")
. "$here/../uml-lib.sh"
out=$1 n=$2 k=$3
mkdir -p "$out"
cages='' i=1
while [ "$i" -le "$k" ]; do
	dev=$(cage_dev "port$i") || { echo "no cage port$i" >&2; exit 1; }
	name=${dev##*/}
	hp=/sys/kernel/debug/i2c/i2c-${name%%-*}/$name/hotplug_state
	cages="$cages $dev:$(cage_emul "port$i"):$hp"
	i=$((i + 1))
done
# shellcheck disable=SC2086
exec python3 "$here/cycles.py" "$out" "$n" $cages
