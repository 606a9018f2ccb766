#!/bin/sh
# Boot one of Debian's own kernels under qemu-system-x86_64 (software
# emulation) with the DKMS-built sff8472.ko (in the guest's
# /lib/modules/KVER/updates/dkms) and sff8472_emul.ko from make
# install-emulator (in updates/), run scripts/qemu/init inside, and
# unpack the guest's snapshots into OUT.
#
#   scripts/qemu/boot.sh 6.1|6.12|ROOT OUT CAGES
#
# ROOT, a directory, is a kernel unpacked from its linux-image package with
# the modules already in its lib/modules/KVER/updates (the Debian 13 root of
# scripts/fresh-root/run.sh prepares one per kernel); a series has
# scripts/dkms-install.sh fetch the kernel and build the modules.
#
# CAGES is the emulator's cages= parameter. The guest is an initramfs:
# busybox-static (unpacked from its package) for what else it needs, and
# Debian's dash, sensors, cat, grep, find, dd, stat, kmod and dmesg from the
# host with their libraries, and the
# modules with a modules.dep made by depmod. Exit status 0 when the guest
# ran to its end; OUT/console.log is its console.
set -eu

series=${1:?usage: boot.sh 6.1|6.12|ROOT OUT CAGES} out=${2:?} cages=${3:?}
repo=$(cd "$(dirname "$0")/../.." && pwd)
cache=${SFF8472_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/sff8472}

if [ -d "$series" ]; then
	root=$series
	kver=$(ls "$root/lib/modules")
else
	root=$("$repo/scripts/dkms-install.sh" "$series")
	kver=$(basename "$root")
fi
busybox=$("$repo/scripts/debian-package.sh" busybox-static)/bin/busybox
work="$cache/qemu/$kver"
stage="$work/initramfs"
rm -rf "$work" "$out"
mkdir -p "$stage/usr/bin" "$stage/usr/sbin" "$stage/usr/lib" "$stage/usr/lib64" \
	"$stage/bin" "$stage/etc" "$stage/proc" "$stage/sys" "$stage/dev" "$out"
# Debian 12's merged /usr, so the host's library paths work as they are.
ln -s usr/lib "$stage/lib"
ln -s usr/lib64 "$stage/lib64"

# The modules and whatever they depend on, then the guest's modules.dep.
depmod -b "$root" "$kver"
modprobe -d "$root" -S "$kver" -a --show-depends sff8472_emul sff8472 |
	awk '$1 == "insmod" {print $2}' | while read -r ko; do
		rel=${ko#"$root"/}
		mkdir -p "$stage/$(dirname "$rel")"
		cp "$ko" "$stage/$rel"
	done
for f in modules.order modules.builtin modules.builtin.modinfo; do
	cp "$root/lib/modules/$kver/$f" "$stage/lib/modules/$kver/"
done
depmod -b "$stage" "$kver"

cp "$busybox" "$stage/bin/busybox"
for applet in $("$busybox" --list); do
	[ -e "$stage/bin/$applet" ] || ln -s busybox "$stage/bin/$applet"
done
for tool in dash sensors cat grep find dd stat kmod dmesg; do
	bin=$(command -v "$tool")
	cp "$bin" "$stage/usr/bin/"
	ldd "$bin" | grep -o '/[^ ]*' | while read -r lib; do
		mkdir -p "$stage$(dirname "$lib")"
		cp -L "$lib" "$stage$lib"
	done
done
for tool in modprobe modinfo; do
	ln -s ../bin/kmod "$stage/usr/sbin/$tool"
done
cp -r /etc/sensors3.conf /etc/sensors.d "$stage/etc/"
cp "$repo/scripts/qemu/init" "$stage/init"
cp "$repo/scripts/uml-lib.sh" "$stage/uml-lib.sh"
echo "$cages" >"$stage/cages"
(cd "$stage" && find . | cpio -o -H newc --quiet | gzip -1) >"$work/initrd.gz"

# Debian's 7.x packages keep the image beside the modules, not in /boot.
kernel="$root/boot/vmlinuz-$kver"
[ -f "$kernel" ] || kernel="$root/lib/modules/$kver/vmlinuz"
# No KVM here; the timeout is for a guest that hangs.
echo "qemu: booting Debian's $kver, console in $out/console.log" >&2
status=0
timeout 900 qemu-system-x86_64 -accel tcg -m 512 -nographic -no-reboot \
	-kernel "$kernel" -initrd "$work/initrd.gz" \
	-append "console=ttyS0 panic=-1" \
	-serial mon:stdio -serial "file:$work/data" \
	</dev/null >"$out/console.log" 2>&1 || status=$?
tr -d '\r' <"$work/data" | base64 -d | tar -x -C "$out" || status=1
grep -q '^sff8472-guest: done' "$out/console.log" || status=1
exit "$status"
