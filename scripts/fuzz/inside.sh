#!/bin/sh
# Inside the board of scripts/fuzz/run.sh: pair each device-tree cage
# portK (the board's adapter mode) with the K-th adapter the emulator's
# cages parameter made (another mode), bound with new_device, and run one
# inside.py worker per pair. The kernel log goes to OUT/dmesg.
#
#   inside.sh WORK OUT WORKERS
set -u
. "$(dirname "$0")/../uml-lib.sh"
work=$1 out=$2 workers=$3
here=$(dirname "$0")
mkdir -p "$out"

# The emulator adapters without a device-tree cage, in bus order.
extra=
for a in /sys/bus/i2c/devices/i2c-*; do
	[ -e "$a/of_node" ] && continue
	read -r name <"$a/name" || continue
	case $name in
	"sff8472-emul "*) extra="$extra ${a##*/i2c-}:${name#sff8472-emul }" ;;
	esac
done

k=0
pids=
for pair in $extra; do
	k=$((k + 1))
	[ "$k" -le "$workers" ] || break
	bus=${pair%%:*}
	echo sff8472 0x50 >"/sys/bus/i2c/devices/i2c-$bus/new_device" || exit 1
	dev=$(cage_dev "port$k") || { echo "no cage port$k" >&2; exit 1; }
	emul=$(cage_emul "port$k")
	read -r mode _ <"$emul/mode"
	python3 "$here/inside.py" "$work" $((k - 1)) "$workers" "$out/worker$k.jsonl" \
		"$dev:$emul:$mode" \
		"/sys/bus/i2c/devices/$bus-0050:/sys/kernel/debug/sff8472-emul/i2c-$bus:${pair#*:}" \
		2>"$out/worker$k.err" &
	pids="$pids $!"
done
[ "$k" -ge "$workers" ] || { echo "inside.sh: $k extra adapters for $workers workers" >&2; exit 1; }
status=0
for p in $pids; do
	wait "$p" || status=1
done
dmesg >"$out/dmesg"
exit "$status"
