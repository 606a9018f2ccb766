#!/bin/sh
# Runs inside the emulated board of scripts/demo.sh.
set -u
cage() { sh "$(dirname "$0")/uml-cage.sh" "$@"; }
dev_of() {
	for d in /sys/bus/i2c/drivers/sff8472/*-0050; do
		[ "$(cat "$d/of_node/label" 2>/dev/null | tr -d '\0')" = "$1" ] && echo "$d"
	done
}
show() { printf '\n$ %s\n' "$*"; "$@"; }

echo "Cages: port1 internally calibrated SR, port2 externally calibrated LR,"
echo "port3 passive copper DAC (no diagnostics), port4 empty."
show sensors

p1=$(dev_of port1)
printf '\n== identity and status of port1 (%s)\n' "$p1"
for f in vendor_name vendor_oui vendor_pn vendor_rev vendor_sn date_code \
	identifier connector wavelength nominal_bitrate compliance_revision \
	cc_base_ok cc_ext_ok cc_dmi_ok calibration rx_power_type present \
	data_ready rx_los tx_fault tx_disable_state rs0_state rs1_state \
	power_level_state vcc_100uv bias_ua tx_power_100nw rx_power_100nw; do
	printf '%-20s %s\n' "$f" "$(cat "$p1/$f" 2>&1)"
done

show od -A x -t x1z -v "$p1/eeprom"

printf '\n== hot swap: pull the module out of port2\n'
cage port2 empty
sleep 2
show sensors
printf '\n== insert an internally calibrated module into port2\n'
cage port2 internal
sleep 3
show sensors
