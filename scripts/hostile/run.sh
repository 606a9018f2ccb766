#!/bin/sh
# The hostile tier, in User-Mode Linux through scripts/sfp-uml:
#
# 1. Concurrency (concurrency.sh, stress.py, check.py), in I2C and in SMBus
#    byte mode: on two cages, readers of hwmon, sysfs, eeprom and nvmem while
#    a swapper pulls each cage's module out and pushes another in, every
#    module tagged (make_tagged.py), and a rebinder unbinds and binds the
#    driver of one cage (the other is read with update_interval 0): no hang,
#    no kernel report, clean errors only, and every value read belongs to a
#    module in the cage at the time (within the driver's documented lag).
#    The same on the 16-cage switch board (sfp-uml --mux: cages behind
#    emulated PCA9548s bound by i2c-mux-pca954x), five processes sharing
#    all the cages (stress.py --shared): no value through the wrong channel.
# 2. Unprivileged users (unpriv.sh): nobody writes nothing, and reads cost at
#    most one live snapshot per update_interval per cage, in every adapter
#    mode (i2c with the leak board, then one short board per other mode).
# 3. Leaks (leak.sh, cycles.py), with kmemleak on: unbind/bind and
#    remove/insert cycles; kmemleak, devices and slab caches after them.
#
# Appends "concurrent N", "cycles N" and "reports N" to $SFF8472_SUMMARY and
# writes "passed failed 0" to $SFF8472_COUNTS when set.
#
#   run.sh [SECONDS [CYCLES]]   defaults: 25 s per concurrency board, 1000 cycles
set -u

repo=$(cd "$(dirname "$0")/../.." && pwd)
cd "$repo" || exit 1
seconds=${1:-25} cycles=${2:-1000}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
counts="$work/counts"
: >"$counts"
uml=scripts/sfp-uml
here=scripts/hostile
# Concurrency board: a fast presence poll, so that swaps are seen soon.
poll_ms=100
reports=0

count() { echo "$1" >>"$counts"; }
# The ok:/FAILED: lines of file $1, counted; status $2 non-zero without a
# FAILED: line (a crash) counts one failure.
count_lines() {
	failures=$(grep -c '^FAILED:' "$1")
	[ "$2" -ne 0 ] && [ "$failures" -eq 0 ] && failures=1
	count "$(grep -c '^ok:' "$1") $failures"
}
# A board that failed to run, or whose kernel reported a bug, counts a
# failure; a kernel report counts as one report.
board_failed() {
	echo "FAILED: hostile $1: the board did not run"
	grep -q 'sfp-uml: the kernel reported a bug' "$2" && reports=$((reports + 1))
	tail -n 60 "$2"
	count "0 1"
}

# Judge what concurrency board $1 read (in $work/conc-$1) with check.py's
# cage arguments $2...: its ok:/FAILED: lines, counts and operations.
judge_board() {
	name=$1 out="$work/conc-$1"
	shift
	python3 $here/check.py "$out" "$work/tags" $poll_ms "$@" >"$out.check" 2>&1
	status=$?
	sed "s/^\(ok\|FAILED\): /&$name: /" "$out.check"
	count_lines "$out.check" "$status"
	n=$(sed -n 's/^concurrent //p' "$out.check")
	concurrent=$((concurrent + ${n:-0}))
}

# Readers and swappers on a board of two cages in adapter mode $1: port1's
# driver rebound again and again, port2 read with update_interval 0 (every
# live value must then come from the module in the cage during the read).
concurrency_board() {
	start=$(date +%s)
	out="$work/conc-$1"
	if SFP_UML_POLL_MS=$poll_ms $uml --cages 2 --adapter "$1" \
		--cage port1="$work/tags/tag0.bin" --cage port2="$work/tags/tag6.bin" \
		-- sh $here/concurrency.sh "$out" "$seconds" "$work/tags" \
		0,1,2,3,4,5:rebind 6,7,8,9,10,11:interval0 >"$out.log" 2>&1; then
		judge_board "$1" port1=0,1,2,3,4,5:1000 port2=6,7,8,9,10,11:0
	else
		board_failed "concurrency $1" "$out.log"
	fi
	echo "hostile: concurrency board ($1) $(($(date +%s) - start)) s"
}

# The 16-cage switch board: cage K holds tags 2K-2 and 2K-1 (distinct over
# the board, so a value read through the wrong switch channel is caught);
# odd cages are rebound, even ones read with update_interval 0.
mux_board() {
	start=$(date +%s)
	out="$work/conc-mux"
	set --
	specs='' checks='' k=1
	while [ "$k" -le 16 ]; do
		a=$((2 * k - 2)) b=$((2 * k - 1))
		set -- "$@" --cage "port$k=$work/tags/tag$a.bin"
		if [ $((k % 2)) -eq 1 ]; then
			specs="$specs $a,$b:rebind" checks="$checks port$k=$a,$b:1000"
		else
			specs="$specs $a,$b:interval0" checks="$checks port$k=$a,$b:0"
		fi
		k=$((k + 1))
	done
	# shellcheck disable=SC2086
	if SFP_UML_POLL_MS=$poll_ms $uml --mux --cages 16 "$@" \
		-- sh $here/concurrency.sh --shared "$out" "$seconds" "$work/tags" \
		$specs >"$out.log" 2>&1; then
		# shellcheck disable=SC2086
		judge_board mux $checks
	else
		board_failed "concurrency mux" "$out.log"
	fi
	echo "hostile: concurrency board (16 cages behind PCA9548s) $(($(date +%s) - start)) s"
}

python3 scripts/e2e/make_dump.py "$work/base.bin"
python3 $here/make_tagged.py "$work/base.bin" "$work/tags" 32
concurrent=0
# One transfer per snapshot, and one byte per transaction (a swap can land
# in the middle of a snapshot).
concurrency_board i2c
concurrency_board smbus-byte
mux_board

# Unprivileged users and leaks: no presence poll (it would be counted with
# the reads), kmemleak on; a snapshot is one transaction in i2c mode
# (Documentation/hwmon/sff8472.rst, "Caching").
start=$(date +%s)
if SFP_UML_POLL_MS=600000 SFP_UML_KERNEL_ARGS=kmemleak=on $uml --cages 4 -- \
	sh -c "sh $here/unpriv.sh 2 10 1 && sh $here/leak.sh $work/leak $cycles 4" \
	>"$work/leak.log" 2>&1; then
	cat "$work/leak.log"
	count_lines "$work/leak.log" 0
	done_cycles=$(sed -n 's/^cycles //p' "$work/leak.log")
	leaks=$(sed -n 's/^leaks //p' "$work/leak.log")
	reports=$((reports + ${leaks:-0}))
else
	board_failed "unprivileged and leaks" "$work/leak.log"
	done_cycles=0
fi
echo "hostile: unprivileged and leak board $(($(date +%s) - start)) s"

# Unprivileged reads in the other adapter modes, one cage each, 3 s of
# reads: transactions per snapshot from Documentation/hwmon/sff8472.rst,
# "Caching".
start=$(date +%s)
for spec in i2c16:2 smbus-block:2 smbus-word:13 smbus-byte:32; do
	mode=${spec%:*}
	if SFP_UML_POLL_MS=600000 $uml --cages 1 --adapter "$mode" -- \
		sh $here/unpriv.sh 1 3 "${spec#*:}" >"$work/unpriv-$mode.log" 2>&1; then
		sed -n "s/^\(ok\|FAILED\): /&$mode: /p" "$work/unpriv-$mode.log"
		count_lines "$work/unpriv-$mode.log" 0
	else
		board_failed "unprivileged $mode" "$work/unpriv-$mode.log"
	fi
done
echo "hostile: unprivileged boards (4 modes) $(($(date +%s) - start)) s"

if [ -n "${SFF8472_SUMMARY:-}" ]; then
	{
		echo "concurrent $concurrent"
		echo "cycles ${done_cycles:-0}"
		echo "reports $reports"
	} >>"$SFF8472_SUMMARY"
fi
passed=$(awk '{p += $1} END {print p + 0}' "$counts")
failed=$(awk '{f += $2} END {print f + 0}' "$counts")
[ "$reports" -eq 0 ] || failed=$((failed + 1))
[ -n "${SFF8472_COUNTS:-}" ] && echo "$passed $failed 0" >"$SFF8472_COUNTS"
echo "hostile: $passed passed, $failed failed, $reports reports"
[ "$failed" -eq 0 ]
