#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-only
#
# Device tree checks for sff8472, with Debian's device-tree-compiler and
# dt-schema (2022.08) and the bindings of the extracted Linux 6.12 tree:
#
#   1. every dts-examples/*.dts goes through cpp (for <dt-bindings/...>) and
#      dtc; any dtc warning fails;
#   2. dt-doc-validate checks our bindings (the driver's and the test-only
#      emulator's in tools/testing/sff8472-emul/bindings/,
#      i2c/linux,sff8472-emul.yaml and
#      i2c/linux,sff8472-emul-bus.yaml) against the dt-schema
#      meta-schemas; any message fails (the tool exits 0 on some of its own
#      findings);
#   3. dt-mk-schema builds one processed schema from our bindings, the
#      upstream bindings the examples use (listed in UPSTREAM below, among
#      them vendor-prefixes.yaml, which already has "sff" and "linux") and
#      dtschema's core schemas; any message fails (it skips bad schemas and
#      exits 0);
#   4. the bindings' own examples and every compiled example are validated
#      with dt-validate -m against that schema: any message fails, except
#      that the root node's board compatible matches no schema;
#   5. the emulated User-Mode Linux board: dts-examples/uml-emulated-board.dts
#      must be identical to the output of "scripts/uml-board.sh 4 i2c" (the
#      board scripts/sfp-uml boots for make demo), and one generated board
#      per other mode, the bench's boards behind PCA9548 switches and boards
#      for Linux's sfp driver (not checked in) must compile and validate
#      like the examples;
#   6. the overlays for existing boards (dts-examples/*.dtso) are applied with
#      fdtoverlay to the board DTB built from the kernel tree (the "base:"
#      line of each), and the result is validated like the examples;
#   7. negative controls: a deliberately wrong sff,sff8472 node, a wrong
#      linux,sff8472-emul node and a wrong linux,sff8472-emul-bus node must
#      be rejected, proving that the validation above can fail at all.
#
# Prints one line per check and then "dt-check: P passed, F failed". When
# SFF8472_COUNTS names a file, writes "P F 0" into it. Exits non-zero on any
# failure.
#
# SFF8472_DT_ROOT checks another copy of the repository's Documentation/,
# dts-examples/ and, if the copy has it, scripts/uml-board.sh (for example a
# deliberately broken one). SFF8472_KTREE skips
# scripts/kernel-tree.sh and uses that extracted kernel tree.
set -u

repo=$(cd "$(dirname "$0")/.." && pwd)
root=${SFF8472_DT_ROOT:-$repo}
root=$(cd "$root" && pwd) || exit 1
bindings=$root/Documentation/devicetree/bindings
binding=$bindings/hwmon/sff,sff8472.yaml
# The emulator's bindings live with it (test infrastructure, no hardware).
emul_bindings=$root/tools/testing/sff8472-emul/bindings
emul_binding=$emul_bindings/i2c/linux,sff8472-emul.yaml
bus_binding=$emul_bindings/i2c/linux,sff8472-emul-bus.yaml
board_gen=$root/scripts/uml-board.sh
[ -f "$board_gen" ] || board_gen=$repo/scripts/uml-board.sh

# Upstream bindings the examples use, relative to the kernel's bindings
# directory. dt-validate -m reports any node whose compatible matches no
# schema, so a new compatible in an example fails until it is listed here.
UPSTREAM="
vendor-prefixes.yaml
gpio/gpio-pca95xx.yaml
gpio/snps,dw-apb-gpio.yaml
i2c/i2c-mux.yaml
i2c/i2c-mux-pca954x.yaml
i2c/snps,designware-i2c.yaml
interrupt-controller/arm,gic.yaml
mux/mux-controller.yaml
net/sff,sfp.yaml
"

passed=0 failed=0
work=$(mktemp -d "${TMPDIR:-/tmp}/dt-check.XXXXXX") || exit 1
trap 'rm -rf "$work"' EXIT
log=$work/log

ok() {
	passed=$((passed + 1))
	echo "ok: $1"
}

# Fails a check and shows its messages, long lines cut (a vendor-prefix
# failure lists every known prefix).
nok() {
	failed=$((failed + 1))
	echo "FAILED: $1"
	if [ -s "$log" ]; then
		head -n 40 "$log" | cut -c 1-300 | sed 's/^/    /'
	fi
}

finish() {
	echo "dt-check: $passed passed, $failed failed"
	if [ -n "${SFF8472_COUNTS:-}" ]; then
		echo "$passed $failed 0" >"$SFF8472_COUNTS"
	fi
	[ "$failed" -eq 0 ]
	exit
}

for tool in cpp dtc dt-doc-validate dt-mk-schema dt-validate dt-extract-example; do
	if ! command -v "$tool" >/dev/null 2>&1; then
		: >"$log"
		nok "tool $tool installed (scripts/deps.sh)"
		finish
	fi
done

if [ -n "${SFF8472_KTREE:-}" ]; then
	ktree=$SFF8472_KTREE
else
	ktree=$("$repo/scripts/kernel-tree.sh") || ktree=
fi
kbindings=$ktree/Documentation/devicetree/bindings
if [ -z "$ktree" ] || [ ! -d "$kbindings" ] ||
	[ ! -d "$ktree/scripts/dtc/include-prefixes" ]; then
	: >"$log"
	nok "Linux 6.12 tree with DT bindings and dt-bindings headers ($ktree)"
	finish
fi

# dtc before 1.7.0 (Debian 12 has 1.6.1) wants '#address-cells' in every
# interrupt provider; dtc 1.7.0 dropped that check as a false positive and
# the dtc bundled with Linux 6.12 does not have it. Every other check stays.
dtc_flags="-I dts -O dtb -b 0"
dtc_ver=$(dtc --version | sed -n 's/.*Version: DTC \([0-9][0-9.]*\).*/\1/p')
case $dtc_ver in
1.[0-6].*) dtc_flags="$dtc_flags -Wno-interrupt_provider" ;;
esac

# cpp the way the kernel's cmd_dtc does it, then dtc; warnings count.
# $1 source, $2 output dtb, $3 extra dtc flags
# shellcheck disable=SC2086 # the flag lists are split on purpose
compile() {
	cpp -nostdinc -I "$ktree/scripts/dtc/include-prefixes" -undef \
		-D__DTS__ -x assembler-with-cpp -o "$2.pp" "$1" >"$log" 2>&1 &&
		dtc $dtc_flags ${3:-} -o "$2" "$2.pp" >>"$log" 2>&1 &&
		[ ! -s "$log" ]
}

# dt-validate prints its findings and exits 0. Board compatibles on the root
# node match no binding; everything else must be silent.
# $1 dtb
validate() {
	dt-validate -m -s "$work/processed.json" "$1" 2>&1 |
		grep -v ': /: failed to match any schema with compatible:' >"$log"
	[ ! -s "$log" ]
}

# 1. The examples compile cleanly.
examples=""
for dts in "$root"/dts-examples/*.dts; do
	[ -e "$dts" ] || continue
	name=$(basename "$dts" .dts)
	if compile "$dts" "$work/$name.dtb"; then
		ok "dtc: dts-examples/$name.dts compiles without warnings"
		examples="$examples $name"
	else
		nok "dtc: dts-examples/$name.dts compiles without warnings"
	fi
done
if ! ls "$root"/dts-examples/*.dts >/dev/null 2>&1; then
	: >"$log"
	nok "dts-examples/ has examples"
fi

# 2. The bindings are valid bindings.
for b in "$binding" "$emul_binding" "$bus_binding"; do
	# Its $id is relative to its directory of bindings.
	base=${b%/bindings/*}/bindings
	rel=${b#"$base"/}
	if [ -f "$b" ] && dt-doc-validate -u "$base" "$b" >"$log" 2>&1 &&
		[ ! -s "$log" ]; then
		ok "dt-doc-validate: $rel"
	else
		[ -f "$b" ] || echo "$b: missing" >"$log"
		nok "dt-doc-validate: $rel"
	fi
done

# 3. One processed schema: ours, the upstream ones we need, dtschema core.
set -- "$binding" "$emul_binding" "$bus_binding"
for f in $UPSTREAM; do
	set -- "$@" "$kbindings/$f"
done
what="dt-mk-schema: sff,sff8472.yaml + linux,sff8472-emul.yaml + linux,sff8472-emul-bus.yaml + $(($# - 3)) upstream bindings + dtschema core"
# dt-mk-schema skips a missing file silently.
: >"$log"
for f; do
	[ -f "$f" ] || echo "$f: missing" >>"$log"
done
if [ ! -s "$log" ] &&
	dt-mk-schema -j -o "$work/processed.json" "$@" >"$log" 2>&1 &&
	[ ! -s "$log" ] && [ -s "$work/processed.json" ]; then
	ok "$what"
else
	nok "$what"
	finish
fi

# 4a. The bindings' own examples. dt-extract-example wraps each in an
# "example-0" node with #address-cells but no reg, which dtc's
# avoid_unnecessary_addr_size dislikes (the kernel disables that check by
# default, Makefile.dtbs); the example itself gets every other check.
for b in "$binding" "$emul_binding" "$bus_binding"; do
	rel=${b#"${b%/bindings/*}/bindings"/}
	ex=$work/example-$(basename "$b" .yaml)
	if dt-extract-example "$b" >"$ex.dts" 2>"$log" &&
		[ ! -s "$log" ] &&
		compile "$ex.dts" "$ex.dtb" -Wno-avoid_unnecessary_addr_size &&
		validate "$ex.dtb"; then
		ok "dt-validate: example in $rel"
	else
		nok "dt-validate: example in $rel"
	fi
done

# 4b. Every compiled example; each must contain at least one cage.
for name in $examples; do
	dtb=$work/$name.dtb
	if ! grep -q 'sff,sff8472' "$root/dts-examples/$name.dts"; then
		echo "no sff,sff8472 node" >"$log"
		nok "dt-validate: dts-examples/$name.dts"
	elif validate "$dtb"; then
		ok "dt-validate: dts-examples/$name.dts"
	else
		nok "dt-validate: dts-examples/$name.dts"
	fi
done

# 5a. The checked-in emulated board is the one scripts/sfp-uml boots for
# make demo (scripts/demo.sh: 4 cages, mode i2c); 4b validated it.
board="dts-examples/uml-emulated-board.dts"
what="$board is the output of scripts/uml-board.sh 4 i2c"
if [ ! -f "$root/$board" ]; then
	echo "$root/$board: missing" >"$log"
	nok "$what"
elif sh "$board_gen" 4 i2c >"$work/uml-board.dts" 2>"$log" &&
	[ ! -s "$log" ] &&
	diff -u "$root/$board" "$work/uml-board.dts" >"$log" 2>&1; then
	ok "$what"
else
	nok "$what"
fi

# 5b. One generated board per other mode (mode i2c is the checked-in one),
# the 48-cage boards behind PCA9548 switches of scripts/bench for both
# drivers, and boards for Linux's sfp driver, compiled and validated like
# the examples.
for args in "2 i2c16" "2 smbus-block" "2 smbus-word" "2 smbus-byte" \
	"--mux 48 i2c" "--mux --driver sfp 48 i2c" \
	"--mux 9 smbus-byte" "--driver sfp 2 i2c16" "1 i2c"; do
	what="dt-validate: scripts/uml-board.sh $args"
	out=$work/uml-board-$(echo "$args" | tr ' ' '-')
	# shellcheck disable=SC2086 # the arguments are split on purpose
	if sh "$board_gen" $args >"$out.dts" 2>"$log" && [ ! -s "$log" ] &&
		grep -q 'sff,sff8472\|sff,sfp' "$out.dts" &&
		compile "$out.dts" "$out.dtb" && validate "$out.dtb"; then
		ok "$what"
	else
		nok "$what"
	fi
done

# 6. Overlays for existing boards: compiled with symbols, applied with
# fdtoverlay to the board's DTB (built with symbols from the kernel tree),
# and the cage in the result validated: findings about the board's own
# nodes (dt-schema 2022.08 predates some upstream DT fixes) are not ours.
for dtso in "$root"/dts-examples/*.dtso; do
	[ -e "$dtso" ] || continue
	name=$(basename "$dtso" .dtso)
	base=$(sed -n 's/^ \* base: \(.*\.dts\)$/\1/p' "$dtso")
	what="fdtoverlay: dts-examples/$name.dtso on $(basename "$base" .dts)"
	: >"$log"
	if [ -n "$base" ] && [ -f "$ktree/$base" ] &&
		cpp -nostdinc -I "$ktree/scripts/dtc/include-prefixes" \
			-I "$(dirname "$ktree/$base")" -undef -D__DTS__ \
			-x assembler-with-cpp -o "$work/base.pp" "$ktree/$base" >>"$log" 2>&1 &&
		dtc -q -@ -I dts -O dtb -o "$work/base.dtb" "$work/base.pp" >>"$log" 2>&1 &&
		compile "$dtso" "$work/$name.dtbo" -@ &&
		fdtoverlay -i "$work/base.dtb" -o "$work/$name.dtb" "$work/$name.dtbo" >>"$log" 2>&1 &&
		fdtget "$work/$name.dtb" "$(fdtget -t s "$work/base.dtb" /__symbols__ i2c1)/sfp@50" \
			compatible >"$log.found" 2>>"$log" &&
		grep -qx 'sff,sff8472' "$log.found" &&
		{ dt-validate -s "$work/processed.json" "$work/$name.dtb" 2>&1 |
			grep -A1 'sfp@50' >"$log"; [ ! -s "$log" ]; }; then
		ok "$what"
	else
		[ -n "$base" ] || echo "$dtso: no ' * base: PATH.dts' line" >>"$log"
		nok "$what"
	fi
done

# 7. Negative controls: each of these mistakes must be reported against our
# binding (one address, wrong reg-names, a policy property that is a module
# parameter, unknown property, missing reg, boolean with a value) and
# against the emulator's (unknown mode and
# profile, length out of range, unknown property, missing #size-cells).
cat >"$work/bad.dts" <<'EOF'
/dts-v1/;
/ {
	model = "negative control";
	compatible = "acme,dt-check-negative";
	#address-cells = <1>;
	#size-cells = <1>;

	i2c {
		#address-cells = <1>;
		#size-cells = <0>;

		sfp@51 {
			compatible = "sff,sff8472";
			reg = <0x51>;
			reg-names = "a2";
			sff,poll-interval-ms = <1000>;
			sff,no-such-property;
		};

		sfp@50 {
			compatible = "sff,sff8472";
			reg = <0x50>, <0x51>;
			reg-names = "id", "diag";
		};
	};

	i2c-bus {
		sfp {
			compatible = "sff,sff8472";
			sff,allow-address-change = <1>;
		};
	};

	i2c-emul-bad {
		compatible = "linux,sff8472-emul";
		linux,mode = "smbus-quick";
		linux,max-transfer-len = <65536>;
		linux,profile = "full";
		linux,no-such-property;
		#address-cells = <1>;
	};

	i2c-bus-bad {
		compatible = "linux,sff8472-emul-bus";
		linux,mode = "smbus-word";
		linux,profile = "internal";
		#address-cells = <1>;
	};
};
EOF
dtc -q -I dts -O dtb -o "$work/bad.dtb" "$work/bad.dts" >"$log" 2>&1
dt-validate -s "$work/processed.json" "$work/bad.dtb" >"$work/bad.out" 2>&1
# expect_findings NAME SCHEMA FINDING...: every FINDING (a regex) is
# reported in $work/bad.out and attributed to SCHEMA.
expect_findings() {
	name=$1 schema=$2 missing=""
	shift 2
	for expect in "$@"; do
		grep -A1 -- "$expect" "$work/bad.out" | grep -q -- "$schema" ||
			missing="$missing
missed: $expect"
	done
	if [ -z "$missing" ]; then
		ok "negative control: $name ($# findings)"
	else
		{ echo "$missing"; cat "$work/bad.out"; } >"$log"
		nok "negative control: $name ($# findings)"
	fi
}
expect_findings "a wrong sff,sff8472 node is rejected" 'sff,sff8472.yaml' \
	"sfp@51: reg: .* is too short" \
	"sfp@51: reg-names:0: 'a0' was expected" \
	"sfp@51: 'sff,no-such-property', 'sff,poll-interval-ms' do not match any of the regexes" \
	"sfp@50: reg-names:0: 'a0' was expected" \
	"sfp@50: reg-names:1: 'a2' was expected" \
	"sfp: 'reg' is a required property" \
	"sfp: 'reg-names' is a required property" \
	"sfp: sff,allow-address-change: .* is not of type 'boolean'"
expect_findings "a wrong linux,sff8472-emul node is rejected" 'linux,sff8472-emul.yaml' \
	"i2c-emul-bad: linux,mode:0: 'smbus-quick' is not one of" \
	"i2c-emul-bad: linux,max-transfer-len:0:0: 65536 is greater than the maximum of 65535" \
	"i2c-emul-bad: linux,profile:0: 'full' is not one of" \
	"i2c-emul-bad: Unevaluated properties are not allowed (.*'linux,no-such-property'" \
	"i2c-emul-bad: '#size-cells' is a required property"
expect_findings "a wrong linux,sff8472-emul-bus node is rejected" 'linux,sff8472-emul-bus.yaml' \
	"i2c-bus-bad: linux,mode:0: 'smbus-word' is not one of" \
	"i2c-bus-bad: Unevaluated properties are not allowed (.*'linux,profile'" \
	"i2c-bus-bad: '#size-cells' is a required property"

finish
