#!/bin/sh
# Prepare the Linux source tree the tests build against, and print its path.
#
#   scripts/kernel-tree.sh [6.12|newest]
#
# Debian's linux-source-6.12 tarball (the default) is extracted once into a
# cache outside the repository, keyed by the package version, and reused by
# every clone; newest is the newest linux-source-7.* in Debian's archive,
# unpacked by scripts/newest-kernel.sh.
# The driver directory of the calling clone is then hooked into that tree:
# drivers/hwmon/sff8472 becomes a symlink to it, drivers/hwmon/sff8472-emul
# one to the emulator's, and drivers/hwmon/Kconfig and Makefile gain one
# line each per directory; the newest tree gets the sfp.c fixes of
# scripts/upstream/sfp/ as well. Every step is idempotent.
set -eu

repo=$(cd "$(dirname "$0")/.." && pwd)
cache=${SFF8472_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/sff8472}
series=${1:-6.12}

"$repo/scripts/deps.sh"

case "$series" in
6.12)
	ver=$(dpkg-query -W -f='${Version}' linux-source-6.12)
	tree="$cache/linux-$ver"
	;;
newest) tree=$("$repo/scripts/newest-kernel.sh" --source) ;;
*) echo "kernel-tree: unknown kernel $series" >&2; exit 2 ;;
esac
mkdir -p "$cache"
# One extraction or hook at a time (parallel tiers, several clones).
exec 7>"$cache/tree.lock"
flock 7

if [ "$series" = 6.12 ] && [ ! -f "$tree/.sff8472-extracted" ]; then
	echo "kernel-tree: extracting linux-source-6.12 $ver into $tree" >&2
	tmp=$(mktemp -d "$cache/extract.XXXXXX")
	tar -xJf /usr/src/linux-source-6.12.tar.xz -C "$tmp"
	rm -rf "$tree"
	mv "$tmp/linux-source-6.12" "$tree"
	rmdir "$tmp"
	touch "$tree/.sff8472-extracted"
fi

# The driver, and beside it the test infrastructure (never in the driver's
# directory): each a symlink into the clone, sourced and built by hwmon's
# Kconfig and Makefile.
# hwmon's Kconfig and Makefile as extracted, in $tree/.sff8472-pristine/
# (for make upstream's series); from a tree hooked before they were kept,
# without the lines hook() adds.
keep_pristine() { # FILE_IN_TREE
	[ -f "$tree/.sff8472-pristine/$1" ] && return 0
	mkdir -p "$(dirname "$tree/.sff8472-pristine/$1")"
	sed -e '/^source "drivers\/hwmon\/sff8472\(-emul\)\?\/Kconfig"$/{N;d}' \
		-e '/^obj-y += sff8472\(-emul\)\?\/$/d' "$tree/$1" \
		>"$tree/.sff8472-pristine/$1"
}
keep_pristine drivers/hwmon/Kconfig
keep_pristine drivers/hwmon/Makefile

hook() { # DIR_IN_TREE REPO_DIR
	link="$tree/drivers/hwmon/$1"
	if [ "$(readlink "$link" 2>/dev/null)" != "$repo/$2" ]; then
		rm -rf "$link"
		ln -s "$repo/$2" "$link"
	fi
	kconfig="$tree/drivers/hwmon/Kconfig"
	if ! grep -q "drivers/hwmon/$1/Kconfig" "$kconfig"; then
		# Inside the "if HWMON" block, just before its closing "endif".
		sed -i "s|^endif # HWMON\$|source \"drivers/hwmon/$1/Kconfig\"\\n\\n&|" "$kconfig"
		grep -q "drivers/hwmon/$1/Kconfig" "$kconfig" ||
			{ echo "kernel-tree: cannot hook $kconfig" >&2; exit 1; }
	fi
	makefile="$tree/drivers/hwmon/Makefile"
	grep -q "^obj-y += $1/" "$makefile" || echo "obj-y += $1/" >> "$makefile"
}
hook sff8472 drivers/hwmon/sff8472
hook sff8472-emul tools/testing/sff8472-emul

# The newest tree also carries `make upstream`'s sfp.c fixes
# (scripts/upstream/sfp/net, then net-next), so its UML kernel runs sfp.c
# with them (scripts/upstream/sfp-fixes.sh). The files they touch are kept
# as extracted and rebuilt from those whenever a series changes.
apply_series() { # DIR...
	pristine="$tree/.sff8472-pristine"
	patches=
	for d in "$@"; do
		patches="$patches $(ls "$d"/0[0-9][0-9][1-9]-*.patch)"
	done
	# shellcheck disable=SC2086 # $patches: paths without spaces
	files=$(sed -n 's|^+++ b/||p' $patches | sort -u)
	work=$(mktemp -d)
	for f in $files; do
		if [ ! -f "$pristine/$f" ]; then
			mkdir -p "$(dirname "$pristine/$f")"
			cp "$tree/$f" "$pristine/$f"
		fi
		mkdir -p "$(dirname "$work/$f")"
		cp "$pristine/$f" "$work/$f"
	done
	for p in $patches; do
		patch -s -d "$work" -p1 <"$p" ||
			{ echo "kernel-tree: $p does not apply" >&2; exit 1; }
	done
	for f in $files; do
		cmp -s "$work/$f" "$tree/$f" || cp "$work/$f" "$tree/$f"
	done
	rm -rf "$work"
}
[ "$series" = 6.12 ] ||
	apply_series "$repo/scripts/upstream/sfp/net" "$repo/scripts/upstream/sfp/net-next"

echo "$tree"
