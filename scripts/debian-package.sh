#!/bin/sh
# Fetch a Debian package and unpack it into the cache without installing it
# (no maintainer scripts, no triggers such as update-initramfs); print the
# directory it was unpacked into. Used for the QEMU guest's busybox.
#
#   scripts/debian-package.sh PACKAGE
set -eu

pkg=${1:?usage: debian-package.sh PACKAGE}
cache=${SFF8472_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/sff8472}
mkdir -p "$cache/debian/debs"
exec 8>"$cache/debian/lock"
flock 8

version=$(apt-cache policy "$pkg" | awk '/Candidate:/ {print $2}')
if [ -z "$version" ] || [ "$version" = "(none)" ]; then
	apt-get update -qq >&2	# a fresh machine has no package lists yet
	version=$(apt-cache policy "$pkg" | awk '/Candidate:/ {print $2}')
fi
dir="$cache/debian/$pkg"
if [ "$(cat "$dir/.sff8472-version" 2>/dev/null)" != "$version" ]; then
	rm -rf "$dir" "$cache/debian/debs/${pkg}_"*.deb
	(cd "$cache/debian/debs" && apt-get download -qq -o APT::Sandbox::User=root "$pkg") >&2
	dpkg-deb -x "$cache/debian/debs/${pkg}_"*.deb "$dir"
	echo "$version" >"$dir/.sff8472-version"
fi
echo "$dir"
