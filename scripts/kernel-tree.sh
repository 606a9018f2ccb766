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
# drivers/hwmon/sff8472 becomes a symlink to it, and drivers/hwmon/Kconfig
# and Makefile gain one line each. Every step is idempotent.
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

link="$tree/drivers/hwmon/sff8472"
if [ "$(readlink "$link" 2>/dev/null)" != "$repo/drivers/hwmon/sff8472" ]; then
	rm -rf "$link"
	ln -s "$repo/drivers/hwmon/sff8472" "$link"
fi

kconfig="$tree/drivers/hwmon/Kconfig"
if ! grep -q 'drivers/hwmon/sff8472/Kconfig' "$kconfig"; then
	# Inside the "if HWMON" block, just before its closing "endif".
	sed -i 's|^endif # HWMON$|source "drivers/hwmon/sff8472/Kconfig"\n\n&|' "$kconfig"
	grep -q 'drivers/hwmon/sff8472/Kconfig' "$kconfig" ||
		{ echo "kernel-tree: cannot hook $kconfig" >&2; exit 1; }
fi

makefile="$tree/drivers/hwmon/Makefile"
grep -q '^obj-y += sff8472/' "$makefile" || echo 'obj-y += sff8472/' >> "$makefile"

echo "$tree"
