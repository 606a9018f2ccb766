#!/bin/sh
# Inside the UML board: put IMAGE (a dump file, a profile name or "empty")
# into the emulated cage whose sff8472 node has DT label LABEL. The driver
# sees a hot-plug, as when a module is pulled and another pushed in.
#
#   uml-cage.sh LABEL IMAGE
set -eu
. "$(dirname "$0")/uml-lib.sh"

emul=$(cage_emul "$1") || { echo "uml-cage: no cage labelled $1" >&2; exit 1; }
if [ -f "$2" ]; then
	cat "$2" >"$emul/image"
else
	echo "$2" >"$emul/profile"
fi
