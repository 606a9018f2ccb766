#!/bin/sh
# Inside a board of Linux's sfp.c (scripts/sfp-uml --driver sfp): for each
# cage port1..portN, the emulator's image and every hwmon file sfp.c shows,
# into OUT/portK/{image,files}.
#
#   sfp-inside.sh OUT N
set -u
. "$(dirname "$0")/../uml-lib.sh"
out=$1 n=$2
i=1
while [ "$i" -le "$n" ]; do
	dir="$out/port$i"
	mkdir -p "$dir"
	cat "$(cage_emul "port$i")/image" >"$dir/image"
	# sfp.c registers hwmon from a work item a while after it probes.
	k=0
	until hw=$(cage_hwmon "port$i") || [ $k -ge 100 ]; do
		sleep 0.1
		k=$((k + 1))
	done
	if [ -n "$hw" ]; then
		dump_files "$hw/" >"$dir/files"
	else
		echo "no hwmon device" >"$dir/error"
	fi
	i=$((i + 1))
done
