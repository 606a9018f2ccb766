#!/bin/sh
# Install, from Debian's archive only, the tools testing sff8472 needs (make
# check, make demo; never plain make). Idempotent: installs only what is
# missing, and runs apt-get update at most once per call, only when something
# is missing. No kernel package: kernels, headers and busybox are fetched and
# unpacked into the cache (scripts/debian-kernel.sh, debian-package.sh), as
# installing linux-headers-* would pull a linux-image into /boot.
set -eu

PKGS="build-essential bc bison flex libelf-dev libssl-dev ccache
device-tree-compiler dt-schema lm-sensors i2c-tools sparse python3 perl
kmod cpio rsync xz-utils linux-source-6.12 qemu-system-x86 dkms openssl
gzip prometheus-node-exporter prometheus curl iproute2 patch git"
# A tier that needs more names it: scripts/bmc/kernel.sh adds the ARM cross
# compiler (its QEMU comes from bookworm-backports, unpacked into the cache
# by scripts/bmc/qemu10.sh, so the host's qemu-system-* stay Debian's).
PKGS="$PKGS $*"

missing=""
for p in $PKGS; do
	dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "ok installed" ||
		missing="$missing $p"
done

# dt-schema is not in Debian 13 (trixie): there, make demo must not fail for
# it; only make check's device-tree checks use it, and they fail by name
# without it (scripts/dt-check.sh). Dropped only when the package lists are
# there (apt knows apt) and do not have it; any other missing package stays
# an error.
case " $missing " in
*" dt-schema "*)
	if apt-cache show --no-all-versions apt >/dev/null 2>&1 &&
	   ! apt-cache show --no-all-versions dt-schema >/dev/null 2>&1; then
		echo "deps: dt-schema is not in this release's archive; make check's device-tree checks will fail" >&2
		missing=$(echo "$missing" | sed 's/ dt-schema / /; s/ dt-schema$//')
	fi ;;
esac

[ -n "$missing" ] || exit 0

SUDO=""
[ "$(id -u)" -eq 0 ] || SUDO=sudo
export DEBIAN_FRONTEND=noninteractive
echo "deps: installing:$missing" >&2
$SUDO apt-get update -qq
# shellcheck disable=SC2086
$SUDO apt-get install -y -qq --no-install-recommends $missing >&2
