#!/bin/sh
# Fetch one of Debian's own kernels, headers and image, as packages and unpack
# them into the cache -- never installed, so /boot, /vmlinuz and the host's
# /lib/modules are never touched -- and print the unpacked root.
#
#   scripts/debian-kernel.sh 6.1|6.12
#
# The root holds, as on an installed system, boot/vmlinuz-KVER,
# boot/config-KVER, lib/modules/KVER/ (the image's modules; build -> the
# headers) and usr/src/linux-headers-KVER (a KDIR for out-of-tree builds).
# The newest ABI of the series in the archive is used; unpacked once, reused.
set -eu

series=${1:?usage: debian-kernel.sh 6.1|6.12}
cache=${SFF8472_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/sff8472}
mkdir -p "$cache/debian"
exec 8>"$cache/debian/lock"
flock 8

case "$series" in
6.1) pattern='^linux-image-6\.1\.0-[0-9]+-amd64$' ;;
6.12) pattern='^linux-image-6\.12\.[0-9]+\+deb[0-9]+-amd64$' ;;
*) echo "debian-kernel: unknown series $series" >&2; exit 2 ;;
esac

newest_image() {
	apt-cache search --names-only "$pattern" | awk '{print $1}' | sort -V | tail -n 1
}

image=$(newest_image)
if [ -z "$image" ]; then
	# A fresh machine has no package lists yet.
	apt-get update -qq >&2
	image=$(newest_image)
fi
[ -n "$image" ] || { echo "debian-kernel: no $pattern in the archive" >&2; exit 1; }
kver=${image#linux-image-}
root="$cache/debian/$kver"
if [ -f "$root/.sff8472-unpacked" ]; then
	# shellcheck disable=SC2046
	"$(dirname "$0")/deps.sh" $(cat "$root/.sff8472-depends") >&2
	echo "$root"
	exit 0
fi

headers=linux-headers-$kver
# The headers need their -common package and linux-kbuild-*, which hold the
# Makefile, include/ and scripts/ the arch package points to.
deps=$(apt-cache depends "$headers" | awk '/Depends: linux-(headers|kbuild)-/ {print $2}')
debs="$cache/debian/debs"
mkdir -p "$debs"
echo "debian-kernel: downloading $image $headers $deps" >&2
# shellcheck disable=SC2086
(cd "$debs" && apt-get download -qq -o APT::Sandbox::User=root "$image" "$headers" $deps) >&2

# dpkg-deb -x drops what the packages depend on; the headers' tools need it
# (linux-kbuild-6.12 runs pahole for module BTF): install those that are not
# kernel packages themselves, as apt-get install linux-headers-* would.
tools=""
for pkg in "$headers" $deps; do
	tools="$tools $(dpkg-deb -f "$(ls "$debs/${pkg}"_*.deb | sort -V | tail -n 1)" Depends |
		tr ',' '\n' | sed 's/|.*//; s/(.*)//; s/:any//' | awk '$1 !~ /^linux-/ {print $1}')"
done
# shellcheck disable=SC2086
"$(dirname "$0")/deps.sh" $tools >&2

tmp=$(mktemp -d "$cache/debian/unpack.XXXXXX")
for pkg in "$image" "$headers" $deps; do
	dpkg-deb -x "$(ls "$debs/${pkg}"_*.deb | sort -V | tail -n 1)" "$tmp"
done
# Absolute paths inside the packages point into the host's /usr/src: make
# them point into this root.
hdr="$tmp/usr/src/linux-headers-$kver"
sed -i "s|^include /usr/src/|include $root/usr/src/|" "$hdr/Makefile"
# Debian 13's packages (merged /usr) put the modules in usr/lib/modules, and
# an installed system has /lib -> usr/lib: so does this root, so that
# lib/modules/KVER is there for every caller (a fresh Debian 13 root failed
# here). The links are relative to where the directory really is.
[ -e "$tmp/lib" ] || ln -s usr/lib "$tmp/lib"
mods=$(cd "$tmp/lib/modules/$kver" && pwd -P)
ln -sfn "$(realpath -m --relative-to="$mods" "$hdr")" "$mods/build"
common=$(sed -n "s|^include $root/usr/src/\(.*\)/Makefile|\1|p" "$hdr/Makefile")
ln -sfn "$(realpath -m --relative-to="$mods" "$tmp/usr/src/$common")" "$mods/source"
rm -rf "$root"
mv "$tmp" "$root"
echo $tools >"$root/.sff8472-depends"
touch "$root/.sff8472-unpacked"
echo "$root"
