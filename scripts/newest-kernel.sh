#!/bin/sh
# Fetch the newest linux-source-7.* in Debian's archive (trixie-backports,
# or sid when sid has a newer one), unpack it into the cache and prepare an
# x86_64 build tree for out-of-tree modules; print that tree (a KDIR).
#
#   scripts/newest-kernel.sh          # KDIR for out-of-tree builds
#   scripts/newest-kernel.sh --source # the unpacked, pristine source tree
#   scripts/newest-kernel.sh --sparse # a sparse that this kernel accepts
#
# Debian's 7.x headers packages are built for trixie (their kbuild tools
# need trixie's libc), so the Debian 12 host prepares its own tree from the
# source package instead. apt-get runs with its own sources list, lists and
# archives in the cache: the host's apt state is never touched and nothing
# is installed. Unpacked once per version, prepared once per configuration.
set -eu

what=${1:-kdir}
case "$what" in
kdir | --source | --sparse) ;;
*) echo "usage: newest-kernel.sh [--source|--sparse]" >&2; exit 2 ;;
esac

repo=$(cd "$(dirname "$0")/.." && pwd)
cache=${SFF8472_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/sff8472}
state="$cache/newest"
mkdir -p "$state/lists/partial" "$state/archives/partial" "$state/debs"
exec 8>"$state/lock"
flock 8
# What a killed run left behind; no other run is using it (the lock).
rm -rf "$cache"/newest-extract.* "$state"/sparse.*

"$repo/scripts/deps.sh" >&2

key=/usr/share/keyrings/debian-archive-keyring.gpg
# deb-src for sparse's source package (below).
cat >"$state/sources.list" <<EOF
deb [signed-by=$key] http://deb.debian.org/debian trixie main
deb [signed-by=$key] http://deb.debian.org/debian trixie-backports main
deb [signed-by=$key] http://deb.debian.org/debian sid main
deb-src [signed-by=$key] http://deb.debian.org/debian trixie main
deb-src [signed-by=$key] http://deb.debian.org/debian sid main
EOF
# apt-get or apt-cache with the state in the cache.
apt_newest() {
	tool=$1
	shift
	"$tool" -o Dir::Etc::SourceList="$state/sources.list" \
		-o Dir::Etc::SourceParts=/dev/null \
		-o Dir::State::Lists="$state/lists" -o Dir::State::Status=/dev/null \
		-o Dir::Cache="$state" -o Dir::Cache::pkgcache="$state/pkgcache.bin" \
		-o Dir::Cache::srcpkgcache="$state/srcpkgcache.bin" \
		-o APT::Sandbox::User=root "$@"
}

# The lists are refreshed once a day, so the newest kernel moves forward
# with Debian, and when the sources change; a failed refresh (a mirror in
# sync) keeps the old lists.
stamp="$state/lists/.sff8472-updated"
if [ -z "$(find "$stamp" -mmin -1440 2>/dev/null)" ] ||
	! cmp -s "$stamp" "$state/sources.list"; then
	if apt_newest apt-get -qq update >&2; then
		cp "$state/sources.list" "$stamp"
	else
		echo "newest-kernel: apt-get update failed, using the lists as they are" >&2
	fi
fi

# linux-source-7.3 (trixie-backports) and linux-source-7.2 (sid) are
# different packages: the highest series wins, whatever suite has it.
pkg=$(apt_newest apt-cache search --names-only '^linux-source-7\.[0-9]+$' |
	awk '{print $1}' | sort -V | tail -n 1)
[ -n "$pkg" ] || { echo "newest-kernel: no linux-source-7.* in the archive" >&2; exit 1; }
series=${pkg#linux-source-}
ver=$(apt_newest apt-cache policy "$pkg" | awk '/Candidate:/ {print $2}')
src="$cache/linux-$ver"

if [ ! -f "$src/.sff8472-extracted" ]; then
	# linux-source is Architecture: all, and its versions have no epoch.
	deb="$state/debs/${pkg}_${ver}_all.deb"
	tmp=$(mktemp -d "$cache/newest-extract.XXXXXX")
	trap 'rm -rf "$tmp"' EXIT
	if [ ! -f "$deb" ]; then
		echo "newest-kernel: downloading $pkg $ver" >&2
		# Into place only once whole (apt-get checked its hash).
		(cd "$tmp" && apt_newest apt-get -qq download "$pkg=$ver") >&2
		mv "$tmp/${deb##*/}" "$deb"
	fi
	echo "newest-kernel: unpacking $pkg $ver into $src" >&2
	dpkg-deb --fsys-tarfile "$deb" |
		tar -xO "./usr/src/linux-source-$series.tar.xz" | tar -xJ -C "$tmp"
	rm -rf "$src"
	mv "$tmp/linux-source-$series" "$src"
	touch "$src/.sff8472-extracted"
	# Older versions' trees, build trees and packages are not needed any more.
	for old in "$cache"/linux-7.* "$state"/build-* "$state/debs/"*.deb; do
		case "$old" in
		"$src" | "$deb" | "$state/build-$ver" | "$state/build-$ver.config") ;;
		*) rm -rf "$old" ;;
		esac
	done
fi
if [ "$what" = --source ]; then
	echo "$src"
	exit 0
fi

# Kbuild's own test (scripts/checker-valid.sh, 6.15 and later) tells
# whether sparse understands this kernel's headers; 7.x's use
# __typeof_unqual__, which Debian 12's sparse 0.6.4 rejects, and Kbuild then
# skips C=1 with one line of warning. The newest sparse source package in
# the archive is built into the cache instead: the binary packages of
# trixie and sid need their glibc.
sparse_ok() {
	[ ! -f "$src/scripts/checker-valid.sh" ] ||
		[ "$(sh "$src/scripts/checker-valid.sh" "$1" -m64)" = 1 ]
}
if [ "$what" = --sparse ]; then
	if sparse_ok sparse; then
		command -v sparse
		exit 0
	fi
	sver=$(apt_newest apt-cache showsrc sparse | awk '/^Version:/ {print $2}' |
		sort -V | tail -n 1)
	sparse="$state/sparse-$sver/sparse"
	if [ ! -x "$sparse" ]; then
		echo "newest-kernel: building sparse $sver (Debian 12's is too old)" >&2
		tmp=$(mktemp -d "$state/sparse.XXXXXX")
		trap 'rm -rf "$tmp"' EXIT
		# Upstream's tarball: the Debian patches only pin gcc-16.
		(cd "$tmp" && apt_newest apt-get -qq source --download-only "sparse=$sver") >&2
		mkdir "$tmp/src"
		tar -xzf "$tmp"/sparse_*.orig.tar.gz -C "$tmp/src" --strip-components=1
		nice make -s -C "$tmp/src" -j2 CC="ccache gcc" sparse >/dev/null
		sparse_ok "$tmp/src/sparse" ||
			{ echo "newest-kernel: sparse $sver fails $src/scripts/checker-valid.sh" >&2; exit 1; }
		rm -rf "$state/sparse-"*
		mkdir "$state/sparse-$sver"
		mv "$tmp/src/sparse" "$sparse"
	fi
	echo "$sparse"
	exit 0
fi

# Kbuild fails with a clear message when gcc is older than the tree's
# minimum; say which one is needed instead.
min=$("$src/scripts/min-tool-version.sh" gcc)
have=$(gcc -dumpfullversion)
if [ "$(printf '%s\n%s\n' "$min" "$have" | sort -V | head -n 1)" != "$min" ]; then
	echo "newest-kernel: Linux $ver needs gcc $min, the host has $have" >&2
	exit 1
fi

# x86_64's defconfig plus what the driver, its emulator and tests use.
kdir="$state/build-$ver"
fragment="$state/build-$ver.config"
cat >"$fragment" <<EOF
CONFIG_MODULES=y
CONFIG_I2C=y
CONFIG_I2C_MUX=y
CONFIG_HWMON=y
CONFIG_NVMEM=y
CONFIG_NVMEM_SYSFS=y
CONFIG_OF=y
CONFIG_GPIOLIB=y
CONFIG_DEBUG_FS=y
CONFIG_KUNIT=m
EOF
sum=$(sha256sum <"$fragment" | cut -d' ' -f1)
if [ "$(cat "$kdir/.sff8472-prepared" 2>/dev/null)" != "$sum" ]; then
	echo "newest-kernel: preparing $kdir" >&2
	rm -f "$kdir/.sff8472-prepared"
	mkdir -p "$kdir"
	kmake() {
		nice make -s -C "$src" O="$kdir" -j2 CC="ccache gcc" HOSTCC="ccache gcc" "$@"
	}
	kmake x86_64_defconfig >&2
	"$src/scripts/kconfig/merge_config.sh" -m -O "$kdir" "$kdir/.config" "$fragment" >&2
	kmake olddefconfig >&2
	# merge_config.sh warns about values olddefconfig overrode: check here.
	while read -r line; do
		grep -qx "$line" "$kdir/.config" ||
			{ echo "newest-kernel: $line did not survive olddefconfig" >&2; exit 1; }
	done <"$fragment"
	kmake modules_prepare >&2
	echo "$sum" >"$kdir/.sff8472-prepared"
fi
echo "$kdir"
