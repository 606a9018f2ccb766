#!/bin/sh
# The sff8472-info tier, on the host only (no UML, no kernel tree): build the
# tool warning-free, run it on every built-in emulator profile and on the
# module dumps the other tiers use, and check what it prints against
# independent expectations (scripts/info/check.py: ethtool's names and
# order, SFF-8472's tables, the exact calibration reference of
# scripts/e2e/check.py); then bad input, A0h-only and bad check codes, and
# finding a cage by its label in a sysfs tree laid out as the driver's.
# Writes "passed failed 0" to $SFF8472_COUNTS when set.
set -u

repo=$(cd "$(dirname "$0")/../.." && pwd)
cd "$repo" || exit 1
passed=0 failed=0
. "$repo/scripts/check-lib.sh"

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
tooldir=tools/sff8472-info
tool=$repo/$tooldir/sff8472-info
drv=drivers/hwmon/sff8472
emul=tools/testing/sff8472-emul

# 1. The build: the driver's pure files as they are, -Wall -Wextra -O2, no
# warning; and nothing but a C compiler, libc and libm.
build_clean() {
	make -s -B -C "$tooldir" CFLAGS=-O2 >"$work/build.log" 2>&1 &&
		! grep -q 'warning' "$work/build.log" ||
		{ cat "$work/build.log"; return 1; }
}
check "make -C $tooldir builds with -Wall -Wextra -O2, no warning" build_clean
uses_driver_code() {
	make -s -n -B -C "$tooldir" |
		grep -q " \.\./\.\./$drv/sff8472_decode\.c \.\./\.\./$drv/sff8472_calibration\.c "
}
check "the tool is built from the driver's own sff8472_decode.c and sff8472_calibration.c" \
	uses_driver_code
check "make tools (top level) builds it" make -s tools
install_staged() {
	make -s tools_install DESTDIR="$work/root" >/dev/null &&
		test -x "$work/root/usr/local/bin/sff8472-info"
}
check "make tools_install DESTDIR=... puts it in usr/local/bin" install_staged

# 2. The images. The emulator's built-in profiles, from its own builders (the
# "Built-in profiles" section of sff8472_emul.c, compiled on the host).
mkdir -p "$work/img" "$work/fuzz"
emul_images() {
	sed -n '/^\/\* Built-in profiles/,/^int sff8472_emul_profile_image/p' \
		"$emul/sff8472_emul.c" | sed '$d' >"$work/emul_profiles.inc" &&
		${CC:-cc} -std=gnu11 -Wall -Wextra -O2 -I"$tooldir/include" -I"$drv" -I"$emul" \
			-DLINUX_VERSION_CODE=0x060c00 '-DIS_ENABLED(option)=0' \
			-I"$work" scripts/info/emul_images.c -o "$work/emul_images" &&
		"$work/emul_images" "$work/img" >"$work/profiles" &&
		[ "$(cut -d' ' -f1 "$work/profiles" | tr '\n' ' ')" = \
			"internal external copper addr-change gpon " ]
}
check "the emulator's five built-in profile images, built on the host" emul_images
# The dumps of the other tiers, from their own generators.
python3 scripts/e2e/make_dump.py "$work/img/e2e-dump.bin"
python3 scripts/e2e/make_edge_dumps.py "$work/img/e2e-dump.bin" "$work/fuzz"
mv "$work/fuzz/a0only.bin" "$work/img/e2e-a0only.bin"
mv "$work/fuzz/nothresh.bin" "$work/img/e2e-nothresh.bin"
python3 scripts/bmc/make_external.py "$work/img/e2e-dump.bin" "$work/img/bmc-external.bin"
python3 scripts/hostile/make_tagged.py "$work/img/e2e-dump.bin" "$work/fuzz" 3
for k in 0 2; do mv "$work/fuzz/tag$k.bin" "$work/img/hostile-tag$k.bin"; done
head -c 256 "$work/img/internal.bin" >"$work/img/internal-a0only.bin"
# Bad check codes: one byte of each area changed, codes left as they were.
python3 - "$work/img" <<'EOF'
import sys
d = sys.argv[1]
img = bytearray(open(f'{d}/internal.bin', 'rb').read())
img[20] ^= 0x01                 # vendor name: CC_BASE wrong
img[256 + 0] ^= 0x01            # temperature high alarm: CC_DMI wrong
open(f'{d}/internal-badcc.bin', 'wb').write(img)
img = bytearray(open(f'{d}/external.bin', 'rb').read())
img[68] ^= 0x01                 # serial number: CC_EXT wrong
open(f'{d}/external-badcc.bin', 'wb').write(img)
EOF
# 40 seeded images of the fuzzing tier: bit flips, random bytes, wrong
# codes, NaN and out-of-range calibration constants, strange strings.
python3 scripts/fuzz/images.py 8472 0 40 "$work/fuzz" &&
	while read -r i category len; do
		dd if="$work/fuzz/images.bin" of="$work/img/fuzz-$i-$category.bin" \
			bs=512 skip="$i" count=1 status=none &&
			truncate -s "$len" "$work/img/fuzz-$i-$category.bin"
	done <"$work/fuzz/manifest"

# 3. Every image: names, order, values, warnings, JSON.
: >"$work/counts"
E2E_COUNTS=$work/counts python3 scripts/info/check.py "$tool" "$work"/img/*.bin
if read -r p f <"$work/counts"; then
	passed=$((passed + p)) failed=$((failed + f))
else
	failed=$((failed + 1))
fi

# 4. Values the emulator's own comment works out by hand for the externally
# calibrated profile, and ethtool's RX arithmetic, which they disprove.
line() { grep -qxF "$(printf '\t%-41s : %s' "$1" "$2")" "$work/external.txt"; }
"$tool" "$work/img/external.bin" >"$work/external.txt"
check "external profile: Module temperature 35.00 degrees C (slope 0.5, offset -10 degC)" \
	line "Module temperature" "35.00 degrees C / 95.00 degrees F"
check "external profile: Laser bias current 7.000 mA (slope 1.25, offset -200 uA)" \
	line "Laser bias current" "7.000 mA"
check "external profile: RX power 268.76 uW = 0.2688 mW, all five Rx_PWR terms" \
	line "Receiver signal average optical power" "0.2688 mW / -5.71 dBm"
ethtool_rx_differs() {
	# ethtool: Rx_PWR(0) + x * (Rx_PWR(1) + Rx_PWR(2) + Rx_PWR(3)), no Rx_PWR(4)
	python3 - "$work/img/external.bin" <<'EOF'
import struct, sys
a2 = open(sys.argv[1], 'rb').read()[256:]
c4, c3, c2, c1, c0 = struct.unpack_from('>5f', a2, 56)
x = struct.unpack_from('>H', a2, 104)[0]
ethtool = c0 + x * (c1 + c2 + c3)
sys.exit(0 if f'{ethtool / 10000:.4f}' != '0.2688' else 1)
EOF
}
check "external profile: ethtool's RX formula would print another value" ethtool_rx_differs

# 5. Bad input: one line on stderr, nothing on stdout, exit status 1.
head -c 100 "$work/img/internal.bin" >"$work/truncated.bin"
head -c 300 "$work/img/internal.bin" >"$work/between.bin"
cat "$work/img/internal.bin" "$work/img/internal.bin" | head -c 513 >"$work/oversized.bin"
: >"$work/empty.bin"
mkdir "$work/adir"
refused() {
	want=$1
	shift
	"$tool" "$@" >"$work/out" 2>"$work/err"
	rc=$?
	[ "$rc" -eq "$want" ] && [ ! -s "$work/out" ] &&
		[ "$(wc -l <"$work/err")" -eq 1 ] && grep -q '^sff8472-info: ' "$work/err" ||
		{ echo "exit $rc, stdout $(wc -c <"$work/out") bytes, stderr:"; cat "$work/err"; return 1; }
}
check "a truncated file (100 bytes) is refused with one line" refused 1 "$work/truncated.bin"
check "a 300-byte file is refused with one line" refused 1 "$work/between.bin"
check "an oversized file (513 bytes) is refused with one line" refused 1 "$work/oversized.bin"
check "an empty file is refused with one line" refused 1 "$work/empty.bin"
check "an unreadable file (a directory: read fails) is refused with one line" \
	refused 1 "$work/adir"
check "a missing file is refused with one line" refused 1 "$work/missing.bin"
check "--json of a truncated file: one line, no JSON" refused 1 --json "$work/truncated.bin"
usage_error() { "$tool" "$@" >/dev/null 2>"$work/err"; [ $? -eq 2 ] && grep -q usage "$work/err"; }
check "no argument: usage, exit status 2" usage_error
check "an unknown option: usage, exit status 2" usage_error --bogus "$work/img/internal.bin"

# 6. A cage by its label: a sysfs tree as the driver lays it out (its
# ABI document), with an at24 EEPROM carrying the same label as a decoy.
sys=$work/sys
devs=$sys/bus/i2c/devices
mkdir -p "$sys/bus/i2c/drivers/sff8472" "$sys/bus/i2c/drivers/at24"
cage() {	# cage DEVICE IMAGE DRIVER
	mkdir -p "$devs/$1"
	cp "$2" "$devs/$1/eeprom"
	ln -s "../../../../bus/i2c/drivers/$3" "$devs/$1/driver"
}
cage 3-0050 "$work/img/external.bin" sff8472
mkdir -p "$devs/3-0050/hwmon/hwmon4" "$devs/3-0050/of_node"
printf 'sff8472_port_1\n' >"$devs/3-0050/hwmon/hwmon4/name"
printf 'port-1\n' >"$devs/3-0050/hwmon/hwmon4/label"
printf 'port-1\0' >"$devs/3-0050/of_node/label"
cage 4-0050 "$work/img/internal.bin" sff8472
printf 'Ethernet7\n' >"$devs/4-0050/port_name"
cage 5-0050 "$work/img/gpon.bin" at24
mkdir -p "$devs/5-0050/of_node"
printf 'port-1\0' >"$devs/5-0050/of_node/label"
cage 6-0050 "$work/img/copper.bin" sff8472
cage 7-0050 "$work/img/copper.bin" sff8472
printf 'dup\n' >"$devs/6-0050/port_name"
printf 'dup\n' >"$devs/7-0050/port_name"
"$tool" "$work/img/external.bin" >"$work/by-file-ext"
"$tool" "$work/img/internal.bin" >"$work/by-file-int"
by_label() {	# by_label LABEL EXPECTED-OUTPUT
	SFF8472_SYSFS=$sys "$tool" "$1" >"$work/by-label" 2>"$work/err" &&
		cmp -s "$work/by-label" "$2" || { cat "$work/err"; return 1; }
}
check "label: the device tree label (port-1) finds 3-0050, not the at24 decoy" \
	by_label port-1 "$work/by-file-ext"
check "label: the hwmon name (sff8472_port_1) finds 3-0050" \
	by_label sff8472_port_1 "$work/by-file-ext"
check "label: port_name (Ethernet7, optoe) finds 4-0050" by_label Ethernet7 "$work/by-file-int"
check "label: the I2C device name (4-0050) finds it" by_label 4-0050 "$work/by-file-int"
label_refused() {
	SFF8472_SYSFS=$sys
	export SFF8472_SYSFS
	refused 1 "$1"
	status=$?
	unset SFF8472_SYSFS
	return $status
}
check "label: an unknown label is refused with one line" label_refused port-9
check "label: a label two cages share is refused with one line naming both" \
	sh -c "SFF8472_SYSFS='$sys' '$tool' dup 2>&1 >/dev/null | grep -q '6-0050.*7-0050\|7-0050.*6-0050'"
check "label: an at24 device is no cage (5-0050 by name is refused)" label_refused 5-0050

[ -n "${SFF8472_COUNTS:-}" ] && echo "$passed $failed 0" >"$SFF8472_COUNTS"
echo "sff8472-info: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
