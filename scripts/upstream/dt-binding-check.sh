#!/bin/sh
# make dt_binding_check for one binding of a kernel tree, with the dt-schema
# that tree asks for:
#
#   scripts/upstream/dt-binding-check.sh TREE SCHEMA
#                     (SCHEMA under Documentation/devicetree/bindings/,
#                      e.g. hwmon/sff,sff8472.yaml)
#
# Debian 12's dt-schema (2022.08) is older than 7.3 wants (2024.4), so the
# check runs in a Debian sid minbase root made with mmdebstrap, with the
# tools the check uses (the kernel's own dtc is built there), kept in the
# cache ($cache/dt-schema-root) and made again when a week old or when its
# package list changes; downloaded packages stay there for the next one.
# The archive this machine reaches may be a snapshot whose sid Release
# file has expired: its date is not checked.
# The tree is mounted read-only inside, the output goes to the root's
# /out. Every mount is made in a private mount namespace. Prints the
# check's output; fails on its failure or on any line in it but make's
# progress.
set -u

repo=$(cd "$(dirname "$0")/../.." && pwd)
tree=$1 schema=$2
cache=${SFF8472_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/sff8472}
base="$cache/dt-schema-root"
root="$base/root" archives="$base/archives"
packages="make gcc libc6-dev flex bison pkg-config python3 dt-schema yamllint"

"$repo/scripts/deps.sh" mmdebstrap >/dev/null || exit 1
mkdir -p "$archives/partial"
exec 8>"$base.lock"
flock 8

stamp="$root/.sff8472-packages"
if [ "$(cat "$stamp" 2>/dev/null)" != "$packages" ] ||
	[ -n "$(find "$stamp" -mtime +7 2>/dev/null)" ]; then
	rm -rf "$root"
	# shellcheck disable=SC2016 # $1 is mmdebstrap's, in its hooks
	nice -n 10 unshare --mount --pid --fork --kill-child --propagation private \
		mmdebstrap --variant=minbase --mode=root --format=directory \
		--skip=download/empty --skip=essential/unlink --dpkgopt=force-unsafe-io \
		--aptopt='Acquire::Check-Valid-Until "false"' \
		--include="$(echo "$packages" | tr ' ' ,)" \
		--setup-hook='mkdir -p "$1/var/cache/apt/archives"' \
		--setup-hook="mount --bind '$archives' \"\$1/var/cache/apt/archives\"" \
		--customize-hook='umount "$1/var/cache/apt/archives"' \
		sid "$root" "deb http://deb.debian.org/debian sid main" \
		>"$base/mmdebstrap.log" 2>&1 ||
		{ tail -n 30 "$base/mmdebstrap.log"; exit 1; }
	echo "$packages" >"$stamp"
fi

# The check depends on the binding, the tree, the root and this script
# alone: after a pass, the same four pass again without the 40 s run.
inputs=$({ echo "$tree $schema"; stat -c %Y "$stamp"; cat "$0" \
	"$tree/Documentation/devicetree/bindings/$schema"; } | sha256sum)
if [ "$(cat "$base/passed" 2>/dev/null)" = "$inputs" ]; then
	echo "dt-binding-check: $schema as it passed last time (same tree and dt-schema root)"
	exit 0
fi
rm -f "$base/passed"

# A fresh /out: make would not check an example again whose .dtb is there
# (dt-validate's findings leave it there).
rm -rf "$root/out"
mkdir -p "$root/tree" "$root/out"
# Not the caller's make flags (make check's -s would hide the progress
# this script reads).
# shellcheck disable=SC2016 # expanded by the inner sh
env -u MAKEFLAGS -u MFLAGS -u MAKELEVEL -u MAKEOVERRIDES \
	unshare --mount --pid --fork --kill-child --propagation private sh -c '
	mount --bind "$1" "$2/tree" && mount -o remount,bind,ro "$2/tree" &&
	mount --rbind /dev "$2/dev" && mount -t proc proc "$2/proc" &&
	chroot "$2" sh -c "cd /tree && make O=/out -j$(nproc) dt_binding_check DT_SCHEMA_FILES=$3"
' - "$tree" "$root" "$schema" >"$base/check.log" 2>&1
status=$?
cat "$base/check.log"
# Anything but make's progress lines is a finding: dt-validate reports a
# bad example and still exits 0.
! grep -vE '^  [A-Z]+ +(\[C\] +)?[^ ]+$|^make\[[0-9]+\]: (Entering|Leaving) directory' \
	"$base/check.log" | grep . && [ "$status" -eq 0 ] &&
	echo "$inputs" >"$base/passed"
