#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-only
#
# Device tree checks for sff8472, with Debian's device-tree-compiler and
# dt-schema (2022.08) and the bindings of the extracted Linux 6.12 tree:
#
#   1. every dts-examples/*.dts goes through cpp (for <dt-bindings/...>) and
#      dtc; any dtc warning fails;
#   2. dt-doc-validate checks our binding against the dt-schema meta-schemas;
#      any message fails (the tool exits 0 on some of its own findings);
#   3. dt-mk-schema builds one processed schema from our binding, the
#      upstream bindings the examples use (listed in UPSTREAM below, among
#      them vendor-prefixes.yaml, which already has "sff") and dtschema's
#      core schemas; any message fails (it skips bad schemas and exits 0);
#   4. the binding's own example and every compiled example are validated
#      with dt-validate -m against that schema: any message fails, except
#      that the root node's board compatible matches no schema;
#   5. a negative control: a deliberately wrong sff,sff8472 node must be
#      rejected, proving that the validation above can fail at all.
#
# Prints one line per check and then "dt-check: P passed, F failed". When
# SFF8472_COUNTS names a file, writes "P F 0" into it. Exits non-zero on any
# failure.
#
# SFF8472_DT_ROOT checks another copy of the repository's Documentation/ and
# dts-examples/ (for example a deliberately broken one). SFF8472_KTREE skips
# scripts/kernel-tree.sh and uses that extracted kernel tree.
set -u

repo=$(cd "$(dirname "$0")/.." && pwd)
root=${SFF8472_DT_ROOT:-$repo}
root=$(cd "$root" && pwd) || exit 1
bindings=$root/Documentation/devicetree/bindings
binding=$bindings/hwmon/sff,sff8472.yaml

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

# 2. The binding is a valid binding.
if dt-doc-validate -u "$bindings" "$binding" >"$log" 2>&1 &&
	[ ! -s "$log" ]; then
	ok "dt-doc-validate: hwmon/sff,sff8472.yaml"
else
	nok "dt-doc-validate: hwmon/sff,sff8472.yaml"
fi

# 3. One processed schema: ours, the upstream ones we need, dtschema core.
set -- "$binding"
for f in $UPSTREAM; do
	set -- "$@" "$kbindings/$f"
done
what="dt-mk-schema: sff,sff8472.yaml + $(($# - 1)) upstream bindings + dtschema core"
if dt-mk-schema -j -o "$work/processed.json" "$@" >"$log" 2>&1 &&
	[ ! -s "$log" ] && [ -s "$work/processed.json" ]; then
	ok "$what"
else
	nok "$what"
	finish
fi

# 4a. The binding's own example. dt-extract-example wraps it in an
# "example-0" node with #address-cells but no reg, which dtc's
# avoid_unnecessary_addr_size dislikes (the kernel disables that check by
# default, Makefile.dtbs); the example itself gets every other check.
if dt-extract-example "$binding" >"$work/binding-example.dts" 2>"$log" &&
	[ ! -s "$log" ] &&
	compile "$work/binding-example.dts" "$work/binding-example.dtb" \
		-Wno-avoid_unnecessary_addr_size &&
	validate "$work/binding-example.dtb"; then
	ok "dt-validate: example in hwmon/sff,sff8472.yaml"
else
	nok "dt-validate: example in hwmon/sff,sff8472.yaml"
fi

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

# 5. Negative control: each of these mistakes must be reported against our
# binding (wrong reg, size out of range, unknown property, missing reg,
# boolean with a value).
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
			sff,max-transfer-size = <0>;
			sff,no-such-property;
		};
	};

	i2c-bus {
		sfp {
			compatible = "sff,sff8472";
			sff,user-eeprom-writable = <1>;
		};
	};
};
EOF
dtc -q -I dts -O dtb -o "$work/bad.dtb" "$work/bad.dts" >"$log" 2>&1
dt-validate -s "$work/processed.json" "$work/bad.dtb" >"$work/bad.out" 2>&1
missing=""
for expect in "sfp@51: reg:0:0: 80 was expected" \
	"sfp@51: sff,max-transfer-size:0:0: 0 is less than the minimum of 1" \
	"sfp@51: 'sff,no-such-property' does not match any of the regexes" \
	"sfp: 'reg' is a required property" \
	"sfp: sff,user-eeprom-writable: .* is not of type 'boolean'"; do
	grep -A1 -- "$expect" "$work/bad.out" | grep -q 'sff,sff8472.yaml' ||
		missing="$missing
missed: $expect"
done
if [ -z "$missing" ]; then
	ok "negative control: a wrong sff,sff8472 node is rejected (5 findings)"
else
	{ echo "$missing"; cat "$work/bad.out"; } >"$log"
	nok "negative control: a wrong sff,sff8472 node is rejected (5 findings)"
fi

finish
