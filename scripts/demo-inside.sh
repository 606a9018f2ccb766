#!/bin/sh
# Runs inside the emulated board of scripts/demo.sh.
set -u
. "$(dirname "$0")/uml-lib.sh"
cage() { sh "$(dirname "$0")/uml-cage.sh" "$@"; }
show() { printf '\n$ %s\n' "$*"; "$@"; }

echo "Cages: port1 internally calibrated SR, port2 externally calibrated LR,"
echo "port3 passive copper DAC (no diagnostics), port4 empty."
show sensors

p1=$(cage_dev port1)
printf '\n== identity and status of port1 (%s)\n' "$p1"
for f in vendor_name vendor_oui vendor_pn vendor_rev vendor_sn date_code \
	identifier connector wavelength nominal_bitrate compliance_revision \
	cc_base_ok cc_ext_ok cc_dmi_ok calibration rx_power_type present \
	data_ready rx_los tx_fault tx_disable_state rs0_state rs1_state \
	power_level_state vcc_100uv bias_ua tx_power_100nw rx_power_100nw; do
	v=$(cat "$p1/$f" 2>&1) || v="(${v##*: })"
	printf '%-20s %s\n' "$f" "$v"
done

show od -A x -t x1z -v "$p1/eeprom"

printf '\n== hot swap: pull the externally calibrated module out of port2\n'
cage port2 empty
sleep 2
show sensors
printf '\n== push a module that needs the address-change sequence into port2\n'
cage port2 addr-change
sleep 3
show sensors
