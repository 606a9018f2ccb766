#!/bin/sh
# The README's main job: build the module against Debian's headers, then show
# the driver at work on an emulated board inside User-Mode Linux.
set -eu

repo=$(cd "$(dirname "$0")/.." && pwd)
cd "$repo"
echo "== building sff8472.ko against Debian's 6.12 headers (W=1)"
scripts/build-module.sh
echo
echo "== booting an emulated board in User-Mode Linux (first run builds the UML kernel)"
exec scripts/sfp-uml --cages 4 \
	--cage port1=internal --cage port2=external \
	--cage port3=copper --cage port4=empty \
	-- sh scripts/demo-inside.sh
