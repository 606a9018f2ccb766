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
	if hw=$(wait_hwmon "port$i"); then
		dump_files "$hw/" >"$dir/files"
	else
		echo "no hwmon device" >"$dir/error"
	fi
	i=$((i + 1))
done
