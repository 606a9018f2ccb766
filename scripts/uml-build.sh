#!/bin/sh
# Build (incrementally) the end-to-end UML kernel and print the path of its
# build directory, which holds `linux` and the driver module.
set -eu

repo=$(cd "$(dirname "$0")/.." && pwd)
cache=${SFF8472_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/sff8472}
mkdir -p "$cache"
exec 8>"$cache/uml-e2e.lock"
flock 8

"$repo/scripts/clean-sources.sh"
tree=$("$repo/scripts/kernel-tree.sh")
build="$cache/build-uml-e2e-$(basename "$tree" | sed 's/^linux-//')"
mkdir -p "$build"
log="$build/build.log"
mk() { make -C "$tree" O="$build" ARCH=um CC="ccache gcc" "$@"; }

if ! cmp -s "$repo/scripts/uml-e2e.config" "$build/.e2e-fragment" 2>/dev/null ||
   [ ! -f "$build/.config" ]; then
	mk defconfig >"$log" 2>&1
	"$tree/scripts/kconfig/merge_config.sh" -m -O "$build" "$build/.config" \
		"$repo/scripts/uml-e2e.config" >>"$log" 2>&1
	mk olddefconfig >>"$log" 2>&1
	# A symbol whose dependencies are unmet is dropped silently: refuse that.
	grep -E '^CONFIG_[A-Z0-9_]+=[ym]$' "$repo/scripts/uml-e2e.config" | while read -r opt; do
		grep -qx "$opt" "$build/.config" ||
			{ echo "uml-build: $opt did not make it into .config" >&2; exit 1; }
	done
	cp "$repo/scripts/uml-e2e.config" "$build/.e2e-fragment"
fi
if ! mk -j"$(nproc)" linux modules >>"$log" 2>&1; then
	grep -E 'error|Error' "$log" | head -n 20 >&2
	echo "uml-build: build failed, see $log" >&2
	exit 1
fi
echo "$build"
