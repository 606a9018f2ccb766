#!/bin/sh
# Inside the board: the edges of issue 8's reproductions. port1 holds an
# A0h-only module that advertises diagnostics, port2 the internal profile,
# port3 a module without alarm flags whose thresholds were never filled
# in, port4 a copper cable without A2h, port5 a GPON stick whose EEPROM
# emulation breaks reads of more than one byte. Leaves "step value" lines in
# OUT/steps for check.py --edges.
#
#   edges.sh OUT
set -u
. "$(dirname "$0")/../uml-lib.sh"
out=$1
mkdir -p "$out"
log() { echo "$*" >>"$out/steps"; }
read_or_err() { cat "$1" 2>/dev/null || echo "!err"; }
# One read of the emulator's counters, so that a presence look cannot fall
# between two of them.
stats_to() { cat "$1/stats" >"$out/$2.stats"; }
stat_of() { sed -n "s/^$2 \([0-9]*\)/\1/p" "$out/$1.stats"; }

# 1. Any user reading eeprom costs at most one live snapshot per interval.
dev=$(cage_dev port2)
emul=$(cage_emul port2)
log nobody_uid "$(nobody id -u)"
sleep 1.1			# the insertion's snapshot has expired
# A presence look now, so that the next one, a poll interval (1 s) later,
# does not fall among the reads counted.
name=${dev##*/}
echo check >"/sys/kernel/debug/i2c/i2c-${name%%-*}/$name/hotplug_state"
sleep 0.1
echo reset >"$emul/stats"
nobody sh -c "for i in 1 2 3 4 5; do cat $dev/eeprom >/dev/null || exit 1; done"
log nobody_cat_status $?
stats_to "$emul" five_cats
log five_cats_transactions "$(stat_of five_cats transactions)"
log five_cats_bytes_read "$(stat_of five_cats bytes_read)"

# The presence look of an idle cage, at the default 1 s interval.
echo reset >"$emul/stats"
sleep 5
stats_to "$emul" idle_5s
log idle_5s_bus_time_ns "$(stat_of idle_5s bus_time_ns)"
log idle_5s_transactions "$(stat_of idle_5s transactions)"

# 2. Pulled out during the live read: no alarm, no status bit from 0xFF.
h=$(cage_hwmon port2)
echo 0 >"$h/update_interval"
for f in "$h/temp1_crit_alarm" "$dev/rx_los" "$dev/tx_fault"; do
	echo 1 >"$emul/present"
	sleep 0.3
	echo "remove_after 17" >"$emul/faults"
	log "pulled_$(basename "$f")" "$(read_or_err "$f")"
	echo clear >"$emul/faults"
done
echo 1 >"$emul/present"

# 3. and 5. Modules without A2h: the A0h page, then an error.
for port in port1 port4; do
	dev=$(cage_dev $port)
	log "${port}_present" "$(read_or_err "$dev/present")"
	log "${port}_vendor_pn" "$(read_or_err "$dev/vendor_pn")"
	cat "$dev/eeprom" >"$out/$port.eeprom" 2>"$out/$port.err"
	log "${port}_cat_status" $?
	log "${port}_cat_bytes" "$(wc -c <"$out/$port.eeprom")"
	cat "$(cage_emul $port)/image" >"$out/$port.image"
done

# 4. Thresholds never filled in: no limit and no alarm files for them.
h=$(cage_hwmon port3)
for f in temp1_input temp1_crit temp1_crit_alarm in0_crit_alarm \
	 power2_lcrit_alarm; do
	[ -e "$h/$f" ]
	log "nothresh_has_$f" $?
done

# 6. (issue 11) The GPON stick decodes like its image, read byte by byte.
snapshot_cage port5 "$out/gpon"
