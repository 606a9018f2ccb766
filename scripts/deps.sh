#!/bin/sh
# Install, from Debian's archive only, what building and testing sff8472 needs.
# Idempotent: installs only what is missing, and runs apt-get update at most
# once per call, only when something is missing.
set -eu

PKGS="build-essential bc bison flex libelf-dev libssl-dev ccache
device-tree-compiler dt-schema lm-sensors i2c-tools sparse python3 perl
kmod cpio rsync xz-utils linux-source-6.12
prometheus-node-exporter prometheus curl iproute2"

missing=""
for p in $PKGS; do
	dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "ok installed" ||
		missing="$missing $p"
done

# The newest 6.12 headers for this architecture, e.g. linux-headers-6.12.117+deb12-amd64.
newest_headers() {
	apt-cache search --names-only '^linux-headers-6\.12\.[0-9]+\+deb[0-9]+-amd64$' |
		awk '{print $1}' | sort -V | tail -n 1
}

if ! ls -d /usr/src/linux-headers-6.12.*-amd64 >/dev/null 2>&1; then
	hdr=$(newest_headers)
	if [ -z "$hdr" ]; then
		missing="$missing __update__"
	else
		missing="$missing $hdr"
	fi
fi

[ -n "$missing" ] || exit 0

SUDO=""
[ "$(id -u)" -eq 0 ] || SUDO=sudo
export DEBIAN_FRONTEND=noninteractive
echo "deps: installing:$missing" >&2
$SUDO apt-get update -qq
case "$missing" in
*__update__*)
	hdr=$(newest_headers)
	[ -n "$hdr" ] || { echo "deps: no linux-headers-6.12.*-amd64 in the archive" >&2; exit 1; }
	missing=$(echo "$missing" | sed "s/__update__/$hdr/")
	;;
esac
# shellcheck disable=SC2086
$SUDO apt-get install -y -qq --no-install-recommends $missing >&2
