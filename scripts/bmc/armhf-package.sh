#!/bin/sh
# Fetch a Debian armhf package and unpack it into the cache without
# installing it, and print the directory it was unpacked into (the BMC
# guest's busybox). apt-get runs with its own state in the cache and the
# host's sources, so the host's dpkg architectures and package lists stay
# as they are.
#
#   scripts/bmc/armhf-package.sh PACKAGE
set -eu

pkg=${1:?usage: armhf-package.sh PACKAGE}
cache=${SFF8472_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/sff8472}
state="$cache/debian-armhf"
mkdir -p "$state/lists/partial" "$state/archives/partial" "$state/debs"
exec 8>"$state/lock"
flock 8

apt_armhf() {
	apt-get -qq -o APT::Architecture=armhf -o APT::Architectures=armhf \
		-o Dir::State::Lists="$state/lists" -o Dir::State::Status=/dev/null \
		-o Dir::Cache="$state" -o Dir::Cache::pkgcache= -o Dir::Cache::srcpkgcache= \
		-o APT::Sandbox::User=root "$@"
}

dir="$state/$pkg"
if [ ! -f "$dir/.sff8472-version" ]; then
	# A list that fails (a mirror in sync) is no failure if the package
	# can still be downloaded.
	apt_armhf update >&2 || true
	rm -f "$state/debs/${pkg}_"*.deb
	(cd "$state/debs" && apt_armhf download "$pkg") >&2
	rm -rf "$dir"
	dpkg-deb -x "$state/debs/${pkg}_"*_armhf.deb "$dir"
	dpkg-deb -f "$state/debs/${pkg}_"*_armhf.deb Version >"$dir/.sff8472-version"
fi
echo "$dir"
