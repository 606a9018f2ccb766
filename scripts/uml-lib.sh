# Helpers for scripts run inside the emulated board (sourced).

# The sff8472 client device of the cage labelled $1 (e.g. port1).
cage_dev() {
	local d
	for d in /sys/bus/i2c/devices/*-0050; do
		[ "$(tr -d '\0' <"$d/of_node/label" 2>/dev/null)" = "$1" ] && { echo "$d"; return 0; }
	done
	return 1
}

# The emulator's debugfs directory of the cage labelled $1.
cage_emul() {
	local d
	d=$(cage_dev "$1") || return 1
	echo "/sys/kernel/debug/sff8472-emul/$(basename "$(dirname "$(readlink -f "$d")")")"
}

# The hwmon directory of the cage labelled $1, if it has one.
cage_hwmon() {
	local d h
	d=$(cage_dev "$1") || return 1
	for h in "$d"/hwmon/hwmon*; do
		[ -d "$h" ] && { echo "$h"; return 0; }
	done
	return 1
}

# Print "name value" (or "name !error") for each file in directory $1.
dump_files() {
	local f v
	for f in "$1"/*; do
		[ -f "$f" ] || continue
		case ${f##*/} in uevent|eeprom|nvmem) continue ;; esac
		if v=$(cat "$f" 2>&1); then
			printf '%s %s\n' "${f##*/}" "$v"
		else
			printf '%s !%s\n' "${f##*/}" "${v##*: }"
		fi
	done
}

# Print "name mode" for each file in directory $1.
dump_modes() {
	local f
	for f in "$1"/*; do
		[ -f "$f" ] && printf '%s %s\n' "${f##*/}" "$(stat -c %a "$f")"
	done
}

# Snapshot everything a user sees of cage $1 into directory $2/$1.
snapshot_cage() {
	local label=$1 out=$2/$1 emul dev h
	mkdir -p "$out"
	emul=$(cage_emul "$label") || { echo "no cage $label" >"$out/error"; return 1; }
	dev=$(cage_dev "$label")
	basename "$dev" >"$out/devname"
	cat "$emul/image" >"$out/image"
	# Page by page: the A2h half fails on a module without A2h.
	dd if="$dev/eeprom" of="$out/eeprom" bs=256 count=2 2>"$out/eeprom.err" || true
	dump_files "$dev" >"$out/sysfs"
	dump_modes "$dev" >"$out/modes"
	if h=$(cage_hwmon "$label"); then
		dump_files "$h" >"$out/hwmon"
		dump_modes "$h" >"$out/hwmon.modes"
	fi
}
