#!/bin/sh
# Build, incrementally, the 32-bit ARM kernel the BMC tier boots on QEMU's
# ast2600-evb: Debian's linux-source-6.12 with aspeed_g5_defconfig plus
# scripts/bmc/kernel.config (the driver built in), cross-compiled with
# Debian's gcc-arm-linux-gnueabihf through ccache, at nice 10 on every core.
# Prints the build directory (arch/arm/boot/zImage in it).
set -eu

repo=$(cd "$(dirname "$0")/../.." && pwd)
cache=${SFF8472_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/sff8472}

"$repo/scripts/deps.sh" gcc-arm-linux-gnueabihf
"$repo/scripts/clean-sources.sh"
tree=$("$repo/scripts/kernel-tree.sh")
build="$cache/build-arm-$(basename "$tree" | sed 's/^linux-//')"
log="$cache/arm-build.log"
fragment="$repo/scripts/bmc/kernel.config"
kmake() {
	nice -n 10 make -C "$tree" O="$build" ARCH=arm \
		CROSS_COMPILE=arm-linux-gnueabihf- CC="ccache arm-linux-gnueabihf-gcc" \
		-j"$(nproc)" "$@"
}

# One build at a time; skip it (a no-op make costs seconds) when nothing it
# uses changed. The stamp names the clone it was built from and is older
# than every change.
mkdir -p "$build"
exec 6>"$cache/arm-build.lock"
flock 6
stamp="$build/.sff8472-built"
if [ -f "$build/arch/arm/boot/zImage" ] && [ "$(cat "$stamp" 2>/dev/null)" = "$repo" ] &&
   [ -z "$(find "$repo/drivers" "$fragment" "$tree/.sff8472-extracted" \
	-newer "$stamp" -print -quit)" ]; then
	echo "$build"
	exit 0
fi
rm -f "$stamp"
echo "$repo" >"$stamp.new"
echo "bmc-kernel: building the ARM kernel in $build, log: $log" >&2
start=$(date +%s)
if ! { kmake aspeed_g5_defconfig &&
	cp "$build/.config" "$build/.config.base" &&
	"$tree/scripts/kconfig/merge_config.sh" -m -O "$build" \
		"$build/.config.base" "$fragment" &&
	kmake olddefconfig && kmake zImage; } >"$log" 2>&1; then
	grep -E 'error:|Error |ERROR' "$log" | head -n 30 >&2
	echo "bmc-kernel: build failed, see $log" >&2
	exit 1
fi
# What the fragment asks for must have survived olddefconfig.
grep -q '^CONFIG_SENSORS_SFF8472=y' "$build/.config" ||
	{ echo "bmc-kernel: the driver is not built in" >&2; exit 1; }
echo "bmc-kernel: built in $(($(date +%s) - start)) s" >&2
mv "$stamp.new" "$stamp"
echo "$build"
