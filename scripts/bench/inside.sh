#!/bin/sh
# Inside the emulated board (scripts/bench/run.sh boots it through
# scripts/sfp-uml): measure what each bench row costs on the bus, from the
# emulator's accounting (tools/testing/sff8472-emul/sff8472-emul.rst), and write
# one line per row to OUT:
#
#   ROW transactions=T bytes_read=R bytes_written=W bits=B mux=M
#
#   inside.sh OUT DRIVER N main|poll|limit|insertion
#
# DRIVER is sff8472 or sfp (the cages' driver on this board), N the number
# of cages behind switches (port1..portN). "main": every row but the poll;
# "poll": one presence poll cycle of port1; "limit": a cold sensors run
# only (a board with a 16-byte transfer limit); "insertion": the insertion
# only (a board with another max_transfer_size).
set -u
here=$(dirname "$0")
. "$here/../uml-lib.sh"
out=$1 driver=$2 n=$3 what=$4
root=/sys/kernel/debug/sff8472-emul
: >"$out"

# The switches' bus: the emulator directory with a "muxes" file.
bus=
for d in "$root"/i2c-*; do
	[ -f "$d/muxes" ] && bus=$d
done

reset() { echo reset >"$1/stats"; }

# record ROW DIR: the counters of DIR/stats since its last reset.
record() {
	t=0 r=0 w=0 b=0 m=0
	while read -r k v; do
		case $k in
		transactions) t=$v ;;
		bytes_read) r=$v ;;
		bytes_written) w=$v ;;
		bits) b=$v ;;
		mux_transactions) m=$v ;;
		esac
	done <"$2/stats"
	echo "$1 transactions=$t bytes_read=$r bytes_written=$w bits=$b mux=$m" >>"$out"
}

# The sensors chip name of cage $1 (libsensors: NAME-i2c-BUS-ADDR for an
# I2C client, NAME-isa-0000 for sfp's platform device).
chip() {
	h=$(cage_hwmon "$1") || { echo "bench: $1 has no hwmon device" >&2; return 1; }
	read -r nm <"$h/name"
	d=$(cage_dev "$1")
	case ${d##*/} in
	sfp-*) echo "$nm-isa-0000" ;;
	*) d=${d##*/}; echo "$nm-i2c-${d%%-*}-50" ;;
	esac
}

# The first $1 words of $all_chips.
chips() {
	# shellcheck disable=SC2086 # one chip name per word
	set -- "$1" $all_chips
	c=$1 l=
	shift
	while [ "$c" -gt 0 ] && [ $# -gt 0 ]; do
		l="$l $1"
		c=$((c - 1))
		shift
	done
	echo "$l"
}

# Let every cached live snapshot expire (sff8472: update_interval, 1 s by
# default; sfp has no cache, the wait costs nothing).
expire() {
	ms=1000
	h=$(cage_hwmon port1) && [ -f "$h/update_interval" ] && read -r ms <"$h/update_interval"
	sleep "$(((ms + 200) / 1000)).$((((ms + 200) % 1000) / 100))"
}

# For a warm row: keep port1's snapshot valid however slow the machine is,
# by raising update_interval (sff8472) right after the cold row; "release"
# puts the interval back. sfp.c has no cache and no such file.
hold() {
	h=$(cage_hwmon port1) && [ -f "$h/update_interval" ] || return 0
	read -r held <"$h/update_interval"
	echo 600000 >"$h/update_interval"
}
release() {
	h=$(cage_hwmon port1) && [ -f "$h/update_interval" ] || return 0
	echo "$held" >"$h/update_interval"
}

# Wait until the counters of DIR stop moving for a second (at most 20 s).
settle() {
	last=-1 k=0
	while [ $k -lt 20 ]; do
		sleep 1
		now=$(cat "$1/stats")
		[ "$now" = "$last" ] && return 0
		last=$now k=$((k + 1))
	done
}

emul=$(cage_emul port1) || { echo "bench: no emulator for port1" >&2; exit 1; }
dev=$(cage_dev port1) || { echo "bench: no cage port1" >&2; exit 1; }

case $what in
poll)
	# One cycle: the first transactions after a reset, then quiet.
	reset "$emul"
	k=0
	while [ $k -lt 50 ] && grep -q '^transactions 0$' "$emul/stats"; do
		sleep 0.1
		k=$((k + 1))
	done
	sleep 0.3
	record poll_cycle "$emul"
	exit 0
	;;
limit)
	expire
	c=$(chip port1)
	reset "$emul"
	sensors "$c" >/dev/null 2>&1
	record sensors_cold "$emul"
	exit 0
	;;
esac

# Insertion: the module is in the cage (uml-setup.sh); bind the driver to
# it again and count until its hwmon device is there and the bus is quiet.
name=${dev##*/}
drv=$(cage_driver "$dev")
echo "$name" >"$drv/unbind"
reset "$emul"
echo "$name" >"$drv/bind"
wait_hwmon port1 >/dev/null
settle "$emul"
record insertion "$emul"
[ "$what" = insertion ] && exit 0
hw=$(cage_hwmon port1) || { echo "bench: port1 has no hwmon device" >&2; exit 1; }

# The chip names, before counting: sfp's hwmon devices come up a while
# after their driver binds.
all_chips=
i=1
while [ "$i" -le "$n" ]; do
	wait_hwmon "port$i" >/dev/null
	all_chips="$all_chips $(chip "port$i")" || exit 1
	i=$((i + 1))
done

expire
reset "$emul"
sensors $(chips 1) >"$out.sensors" 2>&1
record sensors_cold "$emul"
grep -q '^temperature:' "$out.sensors" ||
	{ echo "bench: sensors on port1:" >&2; cat "$out.sensors" >&2; exit 1; }
hold
reset "$emul"
sensors $(chips 1) >/dev/null 2>&1
record sensors_warm "$emul"
release

expire
reset "$emul"
dump_files "$hw/" >"$out.attrs"
record attributes "$emul"

if [ -f "$dev/eeprom" ]; then
	expire
	reset "$emul"
	dd if="$dev/eeprom" of=/dev/null bs=512 count=1 2>/dev/null
	record eeprom_cold "$emul"
	hold
	reset "$emul"
	dd if="$dev/eeprom" of=/dev/null bs=512 count=1 2>/dev/null
	record eeprom_warm "$emul"
	release
fi

# Over 1, 16 and N cages behind the switches, switch traffic included.
for c in 1 16 "$n"; do
	[ "$c" -le "$n" ] || continue
	expire
	reset "$bus"
	# shellcheck disable=SC2046 # one chip name per word
	sensors $(chips "$c") >"$out.cages" 2>&1
	record "cages_$c" "$bus"
	# Every chip was read: one temperature line each.
	[ "$(grep -c '^temperature:' "$out.cages")" = "$c" ] ||
		{ echo "bench: sensors over $c cages:" >&2; cat "$out.cages" >&2; exit 1; }
done

# Background traffic of an idle cage over 3 s (sfp: no presence poll on
# the bus; sff8472 boards of this run have theirs disabled).
if [ "$driver" = sfp ]; then
	reset "$emul"
	sleep 3
	record idle_3s "$emul"
fi
