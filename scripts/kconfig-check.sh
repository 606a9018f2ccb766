#!/bin/sh
# KUNIT_ALL_TESTS runs the driver's pure suites: in the 6.12 tree (hooked
# by scripts/kernel-tree.sh), a UML configuration with KUnit,
# KUNIT_ALL_TESTS and the driver, but no emulator, gets the decode and
# calibration tests (CONFIG_SENSORS_SFF8472_KUNIT_TEST) and not the
# emulator's (CONFIG_SENSORS_SFF8472_EMUL_KUNIT_TEST).
set -eu

repo=$(cd "$(dirname "$0")/.." && pwd)
tree=$("$repo/scripts/kernel-tree.sh")
cache=${SFF8472_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/sff8472}
# The build directory keeps Kconfig's own tools between runs; the
# configuration is made anew each time.
out="$cache/kconfig-check"
mkdir -p "$out"
exec 8>"$out.lock"
flock 8
rm -f "$out/.config" "$out/.config.old"
# HWMON needs HAS_IOMEM, which UML has with PCI over virtio (kunit/.kunitconfig).
cat >"$out/.config" <<CONFIG
CONFIG_KUNIT=y
CONFIG_KUNIT_ALL_TESTS=y
CONFIG_VIRTIO_UML=y
CONFIG_UML_PCI_OVER_VIRTIO=y
CONFIG_I2C=y
CONFIG_HWMON=y
CONFIG_SENSORS_SFF8472=y
CONFIG
make -s -C "$tree" O="$out" ARCH=um olddefconfig >"$out/log" 2>&1 || { cat "$out/log"; exit 1; }
grep -qx 'CONFIG_SENSORS_SFF8472=y' "$out/.config" &&
	grep -qx 'CONFIG_SENSORS_SFF8472_KUNIT_TEST=y' "$out/.config" &&
	! grep -q '^CONFIG_SENSORS_SFF8472_EMUL' "$out/.config" || {
	grep 'SFF8472' "$out/.config"
	exit 1
}
