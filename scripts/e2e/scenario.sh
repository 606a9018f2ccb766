#!/bin/sh
# Inside the board (port1: a dump file, port2: the internal profile): drive
# values past thresholds, hot-swap port2, and write through nvmem. Each step
# leaves snapshots and "step value" lines in OUT for check_scenario.py.
#
#   scenario.sh OUT
set -u
. "$(dirname "$0")/../uml-lib.sh"
out=$1
mkdir -p "$out"
log() { echo "$*" >>"$out/steps"; }
cage() { sh "$(dirname "$0")/../uml-cage.sh" "$@"; }
read_or_err() { cat "$1" 2>/dev/null || echo "!err"; }

# Wait up to 6 s for the driver to notice a change of the cage's module.
wait_for() {
	i=0
	while [ $i -lt 60 ]; do
		eval "$1" && return 0
		sleep 0.1
		i=$((i + 1))
	done
	return 1
}

snapshot_cage port1 "$out/initial"
snapshot_cage port2 "$out/initial"

# Alarms: a value driven past a threshold flips the matching alarm file.
h=$(cage_hwmon port2)
echo 100 >"$h/update_interval"
log update_interval "$(cat "$h/update_interval")"
log before_temp_crit_alarm "$(read_or_err "$h/temp1_crit_alarm")"
emul=$(cage_emul port2)
echo "temp 32512" >"$emul/live"		# 0x7f00: +127 °C
echo "vcc 0" >"$emul/live"
echo "tx_power 65535" >"$emul/live"	# 6553.5 uW, past the high alarm
sleep 0.3
for f in temp1_input temp1_max_alarm temp1_crit_alarm in0_input in0_min_alarm in0_lcrit_alarm; do
	log "hot_$f" "$(read_or_err "$h/$f")"
done
# What node_exporter exports of set alarms, with the images it came from
# (port1's dump has RX power below its low warning). A kernel without
# networking (the newest kernel's, scripts/e2e/newest.sh) has none to run:
# check.py --no-metrics is told so by the host, and fails without it.
if [ -d /proc/sys/net ]; then
	node_exporter_scrape "$out/hot_metrics"
	log hot_metrics_status $?
fi
for c in port1 port2; do
	mkdir -p "$out/hot/$c"
	cat "$(cage_emul $c)/image" >"$out/hot/$c/image"
	basename "$(cage_dev $c)" >"$out/hot/$c/devname"
done
echo "tx_power 5623" >"$emul/live"	# back to the profile's 562.3 uW
echo "temp 6400" >"$emul/live"		# 0x1900: +25 °C
echo "vcc 33000" >"$emul/live"		# 3.3 V
sleep 0.3
for f in temp1_input temp1_crit_alarm in0_input in0_lcrit_alarm; do
	log "cool_$f" "$(read_or_err "$h/$f")"
done

# Hot swap to a differently calibrated module, then removal.
old_sn=$(cat "$(cage_dev port2)/vendor_sn")
cage port2 external
wait_for '[ "$(cat "$(cage_dev port2)/vendor_sn" 2>/dev/null)" != "$old_sn" ] && cage_hwmon port2 >/dev/null'
log swap_detected $?
sleep 0.2
snapshot_cage port2 "$out/swapped"
cage port2 empty
wait_for '! cage_hwmon port2 >/dev/null'
log removal_detected $?
snapshot_cage port2 "$out/removed"

# nvmem writes: off by default, then enabled with the module parameter.
dev=$(cage_dev port1)
emul=$(cage_emul port1)
printf 'E2E-TEST' | dd of="$dev/eeprom" bs=1 seek=384 conv=notrunc 2>/dev/null
log write_default_off $?
echo 1 >/sys/module/sff8472/parameters/user_eeprom_writable
name=$(basename "$dev")
echo "$name" >/sys/bus/i2c/drivers/sff8472/unbind
echo "$name" >/sys/bus/i2c/drivers/sff8472/bind
wait_for '[ -e "$(cage_dev port1)/eeprom" ] && [ "$(cat "$(cage_dev port1)/present" 2>/dev/null)" = 1 ]'
dev=$(cage_dev port1)
log eeprom_mode "$(stat -c %a "$dev/eeprom")"
printf 'E2E-TEST' | dd of="$dev/eeprom" bs=8 seek=48 conv=notrunc 2>/dev/null	# A2h 128
log write_user_eeprom $?
sleep 0.1
log readback "$(dd if="$dev/eeprom" bs=8 skip=48 count=1 2>/dev/null)"
log emulator_has "$(dd if="$emul/image" bs=8 skip=48 count=1 2>/dev/null)"
# A presence look now, so that the next one, a poll interval (1 s) later,
# does not fall among the writes counted (its reads' offset bytes would).
echo check >"/sys/kernel/debug/i2c/i2c-${name%%-*}/$name/hotplug_state"
sleep 0.1
echo reset >"$emul/stats"
printf 'XXXXXXXX' | dd of="$dev/eeprom" bs=8 seek=0 conv=notrunc 2>/dev/null	# A0h 0
log write_a0 $?
printf 'X' | dd of="$dev/eeprom" bs=1 seek=366 conv=notrunc 2>/dev/null	# A2h 110
log write_status $?
printf 'XXXXXXXX' | dd of="$dev/eeprom" bs=4 seek=63 conv=notrunc 2>/dev/null	# A2h 248-255
log write_past_user $?
log refused_bytes_written "$(sed -n 's/^bytes_written \([0-9]*\)/\1/p' "$emul/stats")"
snapshot_cage port1 "$out/after_writes"

# SONiC's writes through eeprom (writes are enabled now): soft TX_DISABLE
# is read-modify-written at offset 366 (A2h 110 bit 6), which this module
# advertises; RS1 at 374 (A2h 118 bit 3) it does not, so that is refused.
byte_at() { dd if="$1" bs=1 skip="$2" count=1 2>/dev/null | od -An -tu1 | tr -d ' '; }
b=$(byte_at "$dev/eeprom" 366)
# shellcheck disable=SC2059
printf "$(printf '\\%03o' $((b | 64)))" | dd of="$dev/eeprom" bs=1 seek=366 conv=notrunc 2>/dev/null
log sonic_tx_disable_write $?
log sonic_soft_tx_disable "$(read_or_err "$dev/soft_tx_disable")"
log sonic_module_bit6 $(( $(byte_at "$emul/image" 366) >> 6 & 1 ))
printf '\010' | dd of="$dev/eeprom" bs=1 seek=374 conv=notrunc 2>/dev/null
log sonic_rs1_write $?
log sonic_module_byte118 "$(byte_at "$emul/image" 374)"
