# Helpers for scripts run inside the emulated board (sourced). Under UML
# with KASAN every exec costs tens of milliseconds, so these use shell
# builtins where they can and one process per directory where they can't.

# The device of the cage labelled $1 (e.g. port1): its sff8472 client, or
# on boards for Linux's sfp driver (sfp-uml --driver sfp) its sff,sfp
# platform device sfp-$1.
cage_dev() {
	local d l
	if [ -d "/sys/bus/platform/devices/sfp-$1" ]; then
		echo "/sys/bus/platform/devices/sfp-$1"
		return 0
	fi
	for d in /sys/bus/i2c/devices/*-0050; do
		# The DT label ends in a NUL, which the shell drops.
		l=
		read -r l <"$d/of_node/label" 2>/dev/null || :
		[ "$l" = "$1" ] && { echo "$d"; return 0; }
	done
	return 1
}

# The emulator's debugfs directory of the cage labelled $1: the one of the
# adapter the cage's client sits on (client B-0050 is on adapter i2c-B; for
# a cage behind a switch, a link named after the switch's channel adapter).
# An sff,sfp cage has no client: the emulated switches link its node name
# (sfp-port1) to it; on a board without switches, cage portK is the adapter
# of DT node i2c-cageK.
cage_emul() {
	local d a root=/sys/kernel/debug/sff8472-emul
	if [ -d "/sys/bus/platform/devices/sfp-$1" ]; then
		[ -d "$root/sfp-$1" ] && { echo "$root/sfp-$1"; return 0; }
		for a in /sys/bus/i2c/devices/i2c-*; do
			[ "$a/of_node" -ef "/sys/firmware/devicetree/base/i2c-cage${1#port}" ] &&
				{ echo "$root/${a##*/}"; return 0; }
		done
		return 1
	fi
	d=$(cage_dev "$1") || return 1
	d=${d##*/}
	echo "/sys/kernel/debug/sff8472-emul/i2c-${d%%-*}"
}

# The driver directory of the cage device $1 (see cage_dev).
cage_driver() {
	case ${1##*/} in
	sfp-*) echo /sys/bus/platform/drivers/sfp ;;
	*) echo /sys/bus/i2c/drivers/sff8472 ;;
	esac
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

# The hwmon directory of the cage labelled $1, waiting up to 10 s for it:
# sfp.c registers hwmon from a work item a while after it binds, and a
# driver bound again takes a moment too.
wait_hwmon() {
	local k=0
	until cage_hwmon "$1"; do
		[ $k -ge 100 ] && return 1
		sleep 0.1
		k=$((k + 1))
	done
}

# Reset the emulator's bus accounting of cages port1..port$1.
reset_stats() {
	local k=1
	while [ "$k" -le "$1" ]; do
		echo reset >"$(cage_emul "port$k")/stats"
		k=$((k + 1))
	done
}

# Print "PATH:VALUE" for each regular file in the directories given, or
# "grep: PATH: ERROR" when it cannot be read.
dump_files() {
	find "$@" -maxdepth 1 -type f ! -name uevent ! -name eeprom ! -name nvmem \
		-exec grep -H '' {} + 2>&1
}

# Print "PATH MODE" for each regular file in the directories given.
dump_modes() {
	find "$@" -maxdepth 1 -type f -printf '%p %m\n'
}

# Snapshot everything a user sees of cage $1 into directory $2/$1: the
# emulator's image, the eeprom file, the device's and hwmon's files.
snapshot_cage() {
	local label=$1 out=$2/$1 emul dev dirs
	mkdir -p "$out"
	dev=$(cage_dev "$label") || { echo "no cage $label" >"$out/error"; return 1; }
	emul=$(cage_emul "$label")
	echo "${dev##*/}" >"$out/devname"
	cat "$emul/image" >"$out/image"
	# Page by page: the A2h half fails on a module without A2h.
	dd if="$dev/eeprom" of="$out/eeprom" bs=256 count=2 2>"$out/eeprom.err"
	# The same bytes through the nvmem device itself (B-0050N, a child).
	set -- "$dev"/*/nvmem
	[ -f "$1" ] && dd if="$1" of="$out/nvmem" bs=256 count=2 2>"$out/nvmem.err"
	[ -f "$1" ] && stat -c '%a' "$1" >"$out/nvmem.mode"
	dirs="$dev/"
	[ -d "$dev/hwmon" ] && dirs="$dirs $(echo "$dev"/hwmon/hwmon*/)"
	# shellcheck disable=SC2086
	dump_files $dirs >"$out/files"
	# shellcheck disable=SC2086
	dump_modes $dirs >"$out/modes"
}

# Scrape Prometheus node_exporter (Debian's prometheus-node-exporter) once
# into file $1, as a monitoring server would: only its hwmon collector,
# listening on the loopback device. Its own log goes to $1.log.
node_exporter_scrape() {
	local pid status
	ip link set lo up || return 1
	prometheus-node-exporter --collector.disable-defaults --collector.hwmon \
		--web.disable-exporter-metrics \
		--web.listen-address=127.0.0.1:9100 >"$1.log" 2>&1 &
	pid=$!
	# Connection refused until it listens: retry, at most about 30 s.
	curl -sSf --retry 30 --retry-delay 1 --retry-connrefused \
		-o "$1" http://127.0.0.1:9100/metrics
	status=$?
	kill "$pid"
	wait "$pid" 2>/dev/null
	return "$status"
}

# Run a command as the unprivileged user nobody (uid and gid 65534).
nobody() { setpriv --reuid=65534 --regid=65534 --clear-groups "$@"; }
