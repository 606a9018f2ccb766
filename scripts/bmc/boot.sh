#!/bin/sh
# Boot the BMC tier's ARM kernel (scripts/bmc/kernel.sh) on QEMU's
# ast2600-evb with the cages of scripts/bmc/ast2600-evb-cages.dts, run
# scripts/bmc/init inside, and unpack the guest's snapshots into OUT.
#
#   scripts/bmc/boot.sh OUT
#
# port1 is QEMU's own SMBus EEPROM of the EVB (bus 7, 0x50). The other
# cages get at24c EEPROMs of 256 bytes addressed by one offset byte
# (address-size=1, QEMU >= 8.0, hence QEMU 10 from bookworm-backports,
# scripts/bmc/qemu10.sh): port2 (bus 4) at 0x50 and 0x51, port3 (0x50,
# 0x51) and port4 (0x50 only) behind a PCA9548 at 0x70 on bus 6, channels 0
# and 2. The modules' images go into the initramfs (images/portN.bin) and
# the guest writes them into the EEPROMs: make_edge_dumps.py's A0h page
# alone in port1 and port4, make_dump.py's internally calibrated module in
# port2, make_external.py's externally calibrated one in port3. (QEMU's
# drive backing cannot serve a 256-byte part: the block layer reports a
# raw file's size in 512-byte sectors.) The initramfs is busybox (Debian's
# armhf busybox-static,
# unpacked into the cache). Exit status 0 when the guest ran to its end;
# OUT/console.log is its console, OUT/qemu.log what QEMU itself said.
set -eu

out=${1:?usage: boot.sh OUT}
repo=$(cd "$(dirname "$0")/../.." && pwd)
cache=${SFF8472_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/sff8472}

build=$("$repo/scripts/bmc/kernel.sh")
tree=$("$repo/scripts/kernel-tree.sh")
busybox=$("$repo/scripts/bmc/armhf-package.sh" busybox-static)/bin/busybox
work="$cache/bmc"
stage="$work/initramfs"
rm -rf "$stage" "$out"
mkdir -p "$stage/bin" "$stage/proc" "$stage/sys" "$stage/dev" "$stage/images" "$out"

cp "$busybox" "$stage/bin/busybox"
# The same package for the host's architecture lists the same applets.
host_busybox=$("$repo/scripts/debian-package.sh" busybox-static)/bin/busybox
for applet in $("$host_busybox" --list); do
	[ -e "$stage/bin/$applet" ] || ln -s busybox "$stage/bin/$applet"
done
cp "$repo/scripts/bmc/init" "$stage/init"
cp "$repo/scripts/uml-lib.sh" "$stage/uml-lib.sh"
python3 "$repo/scripts/e2e/make_dump.py" "$work/dump.bin"
python3 "$repo/scripts/e2e/make_edge_dumps.py" "$work/dump.bin" "$work"
python3 "$repo/scripts/bmc/make_external.py" "$work/dump.bin" "$work/external.bin"
cp "$work/a0only.bin" "$stage/images/port1.bin"
cp "$work/dump.bin" "$stage/images/port2.bin"
cp "$work/external.bin" "$stage/images/port3.bin"
cp "$work/a0only.bin" "$stage/images/port4.bin"
(cd "$stage" && find . | cpio -o -H newc --quiet | gzip -1) >"$work/initrd.gz"

dts=$repo/scripts/bmc/ast2600-evb-cages.dts
cpp -nostdinc -undef -D__DTS__ -x assembler-with-cpp -I "$tree/include" \
	-I "$tree/arch/arm/boot/dts/aspeed" "$dts" |
	dtc -q -I dts -O dtb -o "$work/board.dtb" -

eeprom() { echo "-device at24c-eeprom,bus=$1,address=$2,rom-size=256,address-size=1"; }
# shellcheck disable=SC2046
set -- \
	$(eeprom aspeed.i2c.bus.4 0x50) $(eeprom aspeed.i2c.bus.4 0x51) \
	-device pca9548,bus=aspeed.i2c.bus.6,address=0x70 \
	$(eeprom i2c.0 0x50) $(eeprom i2c.0 0x51) \
	$(eeprom i2c.2 0x50)

qemu=$("$repo/scripts/bmc/qemu10.sh")
echo "bmc: booting $build/arch/arm/boot/zImage on ast2600-evb, console in $out/console.log" >&2
# The machine cannot power off (the guest halts): stop QEMU once the guest
# says it is done, or after 300 s.
"$qemu" -M ast2600-evb -nographic -no-reboot \
	-kernel "$build/arch/arm/boot/zImage" -dtb "$work/board.dtb" \
	-initrd "$work/initrd.gz" \
	-append "console=ttyS4,115200n8 loglevel=4 panic=-1" \
	"$@" </dev/null >"$out/console.log" 2>"$out/qemu.log" &
pid=$!
status=0 waited=0
until grep -q '^sff8472-guest: done' "$out/console.log"; do
	kill -0 "$pid" 2>/dev/null || break
	[ "$waited" -lt 300 ] || { status=1; break; }
	sleep 1
	waited=$((waited + 1))
done
kill "$pid" 2>/dev/null || :
wait "$pid" 2>/dev/null || :
tr -d '\r' <"$out/console.log" |
	sed -n '/^sff8472-guest: snapshot begin$/,/^sff8472-guest: snapshot end$/p' |
	sed '1d;$d' | base64 -d | tar -xz -C "$out" || status=1
grep -q '^sff8472-guest: done' "$out/console.log" || status=1
exit "$status"
