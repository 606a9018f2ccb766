#!/bin/sh
# Inside the board: what an unprivileged user can do to cages port1..portN
# (N >= 1). As nobody, write to every file of each cage's device, hwmon and
# nvmem directories, the eeprom and nvmem files and the attributes root may
# write among them: every write must fail, with nothing on the bus and the
# module unchanged. Then read every readable file again and again for
# SECONDS: the bus must see no more than one live snapshot per
# update_interval per cage (the presence poll is off: SFP_UML_POLL_MS is
# set high by the caller). Prints ok:/FAILED: lines.
#
#   unpriv.sh N SECONDS SNAPSHOT_XFERS
set -u
here=$(dirname "$0")
. "$here/../uml-lib.sh"
n=$1 seconds=$2 per_snapshot=$3
tmp=$(mktemp -d)
stat_of() { sed -n "s/^$2 \([0-9]*\)/\1/p" "$1/stats"; }
result() { if [ "$1" = 0 ]; then echo "ok: $2"; else echo "FAILED: $2"; fi; }

dirs=
k=1
while [ "$k" -le "$n" ]; do
	dev=$(cage_dev "port$k")
	emul=$(cage_emul "port$k")
	h=$(cage_hwmon "port$k")
	nv=$(dirname "$dev"/*/nvmem)
	dirs="$dirs $dev $h $nv"
	cat "$emul/image" >"$tmp/image$k"
	cat "$h/update_interval" >"$tmp/interval$k"
	k=$((k + 1))
done
reset_stats "$n"

# shellcheck disable=SC2086
nobody python3 "$here/unpriv.py" write $dirs
k=1
while [ "$k" -le "$n" ]; do
	emul=$(cage_emul "port$k")
	h=$(cage_hwmon "port$k")
	written=$(stat_of "$emul" bytes_written)
	cat "$emul/image" >"$tmp/after"
	cmp -s "$tmp/image$k" "$tmp/after" && [ "$written" = 0 ] &&
		[ "$(cat "$h/update_interval")" = "$(cat "$tmp/interval$k")" ]
	result $? "port$k: after nobody's writes: 0 bytes written on the bus ($written), image and update_interval unchanged"
	k=$((k + 1))
done

# Every snapshot taken so far has expired when the loop starts.
sleep 1.1
reset_stats "$n"
# shellcheck disable=SC2086
nobody python3 "$here/unpriv.py" read "$seconds" $dirs >"$tmp/loop"
cat "$tmp/loop"
read_ns=$(sed -n 's/^read_ns //p' "$tmp/loop")
k=1
while [ "$k" -le "$n" ]; do
	interval=$(cat "$tmp/interval$k")
	# A snapshot lives until jiffies reach taken + interval: in HZ=100
	# jiffies that is at least interval - 10 ms of real time.
	bound=$(( (read_ns / ((interval - 10) * 1000000) + 1) * per_snapshot ))
	xfers=$(stat_of "$(cage_emul "port$k")" transactions)
	echo "transactions port$k $xfers bound $bound"
	[ "$xfers" -le "$bound" ] && [ "$xfers" -gt 0 ]
	result $? "port$k: $seconds s of reads by nobody cost $xfers transactions, at most $bound (one snapshot per ${interval} ms)"
	k=$((k + 1))
done
rm -rf "$tmp"
