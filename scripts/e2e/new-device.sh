#!/bin/sh
# Inside the board: port1 from the device tree, plus one emulator adapter
# without a cage node (sff8472_emul.cages). Name a new_device cage on it
# through the labels module parameter, which also has an entry for port1
# that its device-tree label must win over; print the hwmon names and the
# chips `sensors` lists.
set -u
. "$(dirname "$0")/../uml-lib.sh"
port1=$(cage_dev port1) || exit 1
bus=
for a in /sys/bus/i2c/devices/i2c-*; do
	n=${a##*/i2c-}
	[ -e "/sys/bus/i2c/devices/$n-0050" ] || bus=$n
done
[ -n "$bus" ] || { echo "no adapter without a cage" >&2; exit 1; }
echo "${port1##*/}=not-this,$bus-0050=Uplink 1" >/sys/module/sff8472/parameters/labels
echo sff8472 0x50 >"/sys/bus/i2c/devices/i2c-$bus/new_device"
echo "port1 $(cat "$port1"/hwmon/hwmon*/name)"
echo "new $(cat "/sys/bus/i2c/devices/$bus-0050"/hwmon/hwmon*/name)"
echo "bus $bus"
sensors | grep -e '-i2c-'
