#!/bin/sh
# Remove build products from the driver directory. The UML builds use it
# through a symlink with O=, and Kbuild's VPATH would otherwise pick up
# objects built in place for another kernel.
set -eu
repo=$(cd "$(dirname "$0")/.." && pwd)
git -C "$repo" clean -q -f -X -- drivers/
