#!/bin/sh
# Inside the board, before the command: put the module of each cage in place
# while the driver is unbound from it, then bind the driver again, so that it
# probes populated cages exactly as at boot on a real board.
#
#   uml-setup.sh CAGES      CAGES: lines "LABEL IMAGE" (see scripts/sfp-uml)
set -eu
here=$(dirname "$0")
. "$here/uml-lib.sh"

while read -r label image; do
	dev=$(cage_dev "$label") || { echo "uml-setup: no cage labelled $label" >&2; exit 1; }
	name=${dev##*/}
	drv=$(cage_driver "$dev")
	[ -e "$drv/$name" ] && echo "$name" >"$drv/unbind"
	sh "$here/uml-cage.sh" "$label" "$image"
	echo "$name" >"$drv/bind"
done <"$1"
