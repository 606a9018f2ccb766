#!/bin/sh
# Fetch QEMU 10's qemu-system-arm from Debian's bookworm-backports and
# unpack it into the cache without installing it, with the libraries it
# needs that bookworm lacks; print the command that runs it (a wrapper in
# the cache). The host's QEMU (7.2, used by the x86 tier) and its package
# state stay as they are: apt-get runs with its own sources list, lists,
# status and archives in the cache. QEMU 10's at24c-eeprom takes
# address-size=1, which an SFP module's EEPROM needs (one offset byte);
# QEMU 7.2's always takes two.
#
#   scripts/bmc/qemu10.sh
set -eu

cache=${SFF8472_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/sff8472}
state="$cache/debian-backports"
root="$state/root"
mkdir -p "$state/lists/partial" "$state/archives/partial" "$state/debs"
exec 8>"$state/lock"
flock 8

if [ ! -x "$root/qemu-system-arm" ]; then
	cat >"$state/sources.list" <<-EOF
		deb [signed-by=/usr/share/keyrings/debian-archive-keyring.gpg] http://deb.debian.org/debian bookworm main
		deb [signed-by=/usr/share/keyrings/debian-archive-keyring.gpg] http://deb.debian.org/debian bookworm-updates main
		deb [signed-by=/usr/share/keyrings/debian-archive-keyring.gpg] http://deb.debian.org/debian-security bookworm-security main
		deb [signed-by=/usr/share/keyrings/debian-archive-keyring.gpg] http://deb.debian.org/debian bookworm-backports main
	EOF
	apt_bpo() {
		apt-get -qq -o Dir::Etc::SourceList="$state/sources.list" \
			-o Dir::Etc::SourceParts=/dev/null \
			-o Dir::State::Lists="$state/lists" -o Dir::State::Status=/dev/null \
			-o Dir::Cache="$state" -o Dir::Cache::pkgcache= -o Dir::Cache::srcpkgcache= \
			-o APT::Sandbox::User=root "$@"
	}
	# A list that fails (a mirror in sync) is no failure if the packages
	# can still be downloaded.
	apt_bpo update >&2 || true
	# qemu-system-arm from backports and what it depends on, resolved
	# against an empty status (as on a bare machine), so every library it
	# needs is among the downloads; those the host already has at the same
	# version are unpacked too, harmlessly.
	rm -rf "$state/archives/"*.deb "$root.new"
	apt_bpo install --download-only --no-install-recommends -y \
		-t bookworm-backports qemu-system-arm >&2
	mkdir -p "$root.new"
	for deb in "$state/archives/"*.deb; do
		dpkg-deb -x "$deb" "$root.new/fs"
	done
	# Only the libraries the host lacks come from the unpacked tree (none
	# on an up-to-date bookworm with the host's QEMU 7.2): linked into lib,
	# which is on LD_LIBRARY_PATH for this binary alone, until ldd finds
	# everything.
	fs="$root.new/fs"
	mkdir -p "$root.new/lib"
	while missing=$(LD_LIBRARY_PATH="$root.new/lib" ldd "$fs/usr/bin/qemu-system-arm" |
		awk '/not found/ {print $1}') && [ -n "$missing" ]; do
		for lib in $missing; do
			found=$(find "$fs/lib" "$fs/usr/lib" -name "$lib" | head -n 1)
			[ -n "$found" ] || { echo "qemu10.sh: $lib in no package" >&2; exit 1; }
			ln -s "../fs${found#"$fs"}" "$root.new/lib/$lib"
		done
	done
	dpkg-deb -f "$state/archives/qemu-system-arm_"*.deb Version >"$root.new/version"
	# The wrapper names the final paths (the tree moves to $root).
	cat >"$root.new/qemu-system-arm" <<-'EOF'
		#!/bin/sh
		# QEMU from bookworm-backports (scripts/bmc/qemu10.sh).
		export LD_LIBRARY_PATH=ROOT/lib
		export QEMU_MODULE_DIR=ROOT/fs/usr/lib/x86_64-linux-gnu/qemu
		exec ROOT/fs/usr/bin/qemu-system-arm -L ROOT/fs/usr/share/qemu "$@"
	EOF
	sed -i "s|ROOT|$root|g" "$root.new/qemu-system-arm"
	rm -rf "$root"
	mv "$root.new" "$root"
	chmod +x "$root/qemu-system-arm"
	"$root/qemu-system-arm" --version >&2
fi
echo "$root/qemu-system-arm"
