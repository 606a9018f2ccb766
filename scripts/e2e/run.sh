#!/bin/sh
# End-to-end tests: the real driver, bound from a device tree, under Debian's
# own userspace in User-Mode Linux, through scripts/sfp-uml. Every built-in
# profile in every adapter mode, then a scenario (alarms, hot swap, nvmem
# writes) on a dump file, and the runner's refusal of malformed images.
# Then the edges of a monitoring driver (edges.sh): unprivileged readers,
# modules pulled mid-read, modules without A2h, unfilled thresholds.
# Writes "passed failed 0" to $SFF8472_COUNTS when set.
set -u

repo=$(cd "$(dirname "$0")/../.." && pwd)
cd "$repo" || exit 1
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
counts="$work/counts"
: >"$counts"
uml=scripts/sfp-uml

# A check that counts as one test.
expect() {
	name=$1
	shift
	if "$@"; then echo "ok: $name"; echo "1 0" >>"$counts"
	else echo "FAILED: $name"; echo "0 1" >>"$counts"; fi
}

# The runner refuses malformed images before booting, with exit status 2.
refuses() {
	"$uml" "$@" -- true 2>"$work/refusal"
	[ $? -eq 2 ] && grep -q 'sfp-uml: ' "$work/refusal"
}
head -c 300 /dev/zero >"$work/short.bin"
expect "sfp-uml refuses a 300-byte image" refuses --cage port1="$work/short.bin"
expect "sfp-uml refuses an unreadable image" refuses --cage port1="$work/missing.bin"
expect "sfp-uml refuses an unknown cage label" refuses --cage port9=internal
expect "sfp-uml refuses an unknown adapter mode" refuses --adapter spi
expect "sfp-uml refuses switches on smbus-word" refuses --mux --adapter smbus-word
expect "sfp-uml refuses more than 64 cages behind switches" refuses --mux --cages 65
expect "sfp-uml refuses an unknown driver" refuses --driver at24

# The exit status and both output streams of the command come back.
# On a failure, what came back (a cold run once failed this unexplained).
forwards() {
	"$uml" -- sh -c 'echo out; echo err >&2; exit 7' >"$work/o" 2>"$work/e"
	status=$?
	[ "$status" -eq 7 ] && [ "$(cat "$work/o")" = out ] && [ "$(cat "$work/e")" = err ] ||
		{ echo "status $status, stdout:"; head -n 20 "$work/o"; echo "stderr:"; head -n 40 "$work/e"; false; }
}
expect "sfp-uml forwards stdout, stderr and the exit status" forwards

# SONiC's SfpOptoeBase access pattern (scripts/e2e/sonic.py), after the
# collection on the same board: every built-in profile (port6 holds the
# GPON stick) and a cage that platform code instantiates as optoe2 on the
# emulator adapter without a cage node, judged against the emulator.
sonic_counts() {
	p=0 f=1
	if [ -s "$1" ]; then
		p=$(grep -c '^ok: ' "$1")
		f=$(grep -c '^FAILED: ' "$1")
		grep '^FAILED: ' "$1"
		[ "$p" -gt 0 ] || { f=$((f + 1)); tail -n 20 "$1"; }
	fi
	echo "e2e sonic $2: $p passed, $f failed"
	echo "$p $f" >>"$counts"
}

for mode in i2c i2c16 smbus-block smbus-word smbus-byte; do
	out="$work/$mode"
	# node_exporter once: what it reads does not depend on the adapter.
	scrape=
	[ "$mode" = i2c ] && scrape=metrics
	spec=$mode:internal
	[ "$mode" = i2c16 ] && spec=i2c:internal:16
	# No presence poll during the bus-cost measurement (see collect.sh).
	sonic="port1=ddm-txd port2=ddm port3=no-ddm port4=ddm-txd port6=ddm-txd"
	if SFP_UML_POLL_MS=600000 SFP_UML_KERNEL_ARGS=sff8472_emul.cages=$spec \
		"$uml" --cages 6 --adapter "$mode" --cage port1=internal --cage port2=external \
		--cage port3=copper --cage port4=addr-change --cage port5=empty --cage port6=gpon \
		-- sh -c "sh scripts/e2e/collect.sh $out 6 $scrape && python3 scripts/e2e/sonic.py $sonic >$out/sonic.log 2>&1; :" \
		>"$work/$mode.log" 2>&1; then
		E2E_COUNTS=$counts python3 scripts/e2e/check.py "$out" "$mode" ${scrape:+--metrics} \
			port1=ddm port2=ddm port3=no-ddm port4=ddm port5=empty
		sonic_counts "$out/sonic.log" "$mode"
	else
		echo "FAILED: e2e $mode: the board did not run"; cat "$work/$mode.log"
		echo "0 1" >>"$counts"
	fi
done

# A cage instantiated with new_device (no device-tree node) is named through
# the labels module parameter; a device-tree label wins over an entry there.
# Expected names from design.md: sff8472_<label>, blanks turned into '_'.
newdev() {
	if SFP_UML_KERNEL_ARGS=sff8472_emul.cages=i2c:internal \
		"$uml" -- sh scripts/e2e/new-device.sh >"$work/newdev" 2>&1; then
		bus=$(sed -n 's/^bus //p' "$work/newdev")
		if grep -qx 'port1 sff8472_port1' "$work/newdev" &&
			grep -qx 'new sff8472_Uplink_1' "$work/newdev" &&
			grep -qx "sff8472_Uplink_1-i2c-$bus-50" "$work/newdev" &&
			grep -qx 'sff8472_port1-i2c-[0-9]*-50' "$work/newdev"; then
			return 0
		fi
	fi
	cat "$work/newdev"
	return 1
}
expect "new_device cage named by the labels parameter (sensors: sff8472_Uplink_1-i2c-B-50)" newdev

# Behind two emulated PCA9548 switches bound by i2c-mux-pca954x (the layout
# of dts-examples/switch-16-cages.dts): the same checks on 16 cages, among
# them cages of both switches; each cage's own cost excludes the selects.
out="$work/mux-i2c"
if SFP_UML_POLL_MS=600000 "$uml" --mux --cages 16 --cage port1=internal --cage port2=external \
	--cage port3=copper --cage port9=external --cage port16=empty \
	-- sh scripts/e2e/collect.sh "$out" 16 >"$work/mux.log" 2>&1; then
	E2E_COUNTS=$counts python3 scripts/e2e/check.py "$out" mux-i2c \
		port1=ddm port2=ddm port3=no-ddm port8=ddm port9=ddm port16=empty
else
	echo "FAILED: e2e mux-i2c: the board did not run"; cat "$work/mux.log"
	echo "0 1" >>"$counts"
fi

python3 scripts/e2e/make_dump.py "$work/dump.bin"
if "$uml" --cages 2 --cage port1="$work/dump.bin" --cage port2=internal \
	-- sh scripts/e2e/scenario.sh "$work/scenario" >"$work/scenario.log" 2>&1; then
	E2E_COUNTS=$counts python3 scripts/e2e/check.py --scenario "$work/scenario" "$work/dump.bin"
else
	echo "FAILED: e2e scenario: the board did not run"; cat "$work/scenario.log"
	echo "0 1" >>"$counts"
fi

python3 scripts/e2e/make_edge_dumps.py "$work/dump.bin" "$work"
if "$uml" --cages 5 --cage port1="$work/a0only.bin" --cage port2=internal \
	--cage port3="$work/nothresh.bin" --cage port4=copper --cage port5=gpon \
	-- sh scripts/e2e/edges.sh "$work/edges" >"$work/edges.log" 2>&1; then
	E2E_COUNTS=$counts python3 scripts/e2e/check.py --edges "$work/edges"
else
	echo "FAILED: e2e edges: the board did not run"; cat "$work/edges.log"
	echo "0 1" >>"$counts"
fi

passed=$(awk '{p += $1} END {print p + 0}' "$counts")
failed=$(awk '{f += $2} END {print f + 0}' "$counts")
[ -n "${SFF8472_COUNTS:-}" ] && echo "$passed $failed 0" >"$SFF8472_COUNTS"
echo "e2e: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
