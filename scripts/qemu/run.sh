#!/bin/sh
# Tier 4: Debian's own kernels. For 6.1 and 6.12: the user's `make` and
# `make install`, the DKMS flow (dkms add/build/install, signed with a MOK
# key), then the kernel booted under QEMU with the DKMS-built modules
# (scripts/qemu/boot.sh), checked by scripts/qemu/check.py.
# Writes "passed failed 0" to $SFF8472_COUNTS when set.
set -u

repo=$(cd "$(dirname "$0")/../.." && pwd)
cd "$repo" || exit 1
cache=${SFF8472_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/sff8472}
passed=0 failed=0
. "$repo/scripts/check-lib.sh"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
version=$(sed -n 's/^#define SFF8472_VERSION "\(.*\)"$/\1/p' \
	drivers/hwmon/sff8472/sff8472_version.h)

# `make` with no headers for the kernel says which package to install.
no_headers_message() {
	! make KVER=0.0-none >"$work/nohdr" 2>&1 &&
		grep -q 'apt-get install linux-headers-0.0-none' "$work/nohdr" &&
		[ "$(grep -c '^sff8472:' "$work/nohdr")" -le 2 ]
}
check "make without kernel headers names the package to install" no_headers_message
check "dkms.conf's PACKAGE_VERSION is the module's version ($version)" \
	grep -qx "PACKAGE_VERSION=\"$version\"" dkms.conf

# The user's route: make && make install in a fresh copy of the clone (the
# UML builds use the clone's driver directory meanwhile), into a scratch root.
# The builds here (make, DKMS, the emulator) compile through ccache, from
# the same paths each run: unchanged sources are hits.
[ ! -d /usr/lib/ccache ] || PATH=/usr/lib/ccache:$PATH
export PATH

make_install() {
	clone="$cache/make-install/$1" dest="$work/install-$1"
	mkdir -p "$cache/make-install"
	# Another clone's make check uses it too: to the end of this tier.
	exec 8>"$clone.lock"
	flock 8
	rm -rf "$clone"
	mkdir -p "$clone"
	git ls-files -z --cached --others --exclude-standard |
		xargs -0 cp --parents -t "$clone"
	make -s -C "$clone" KDIR="$2" >"$work/make-$1.log" 2>&1 &&
		make -s -C "$clone" KDIR="$2" KVER="$1" INSTALL_MOD_PATH="$dest" install \
			>>"$work/make-$1.log" 2>&1 &&
		grep -q '^updates/.*/sff8472\.ko[.a-z]*:' "$dest/lib/modules/$1/modules.dep" &&
		! grep -q 'sff8472_emul' "$dest/lib/modules/$1/modules.dep" ||
		{ tail -n 20 "$work/make-$1.log"; return 1; }
}

# make deb in a fresh copy of the clone: the driver's sources for DKMS,
# depending on dkms, never the emulator or the tests.
deb_ok() {
	clone="$work/clone-deb"
	mkdir -p "$clone"
	git ls-files -z --cached --others --exclude-standard |
		xargs -0 cp --parents -t "$clone"
	deb="$clone/sff8472-dkms_${version}_all.deb"
	make -s -C "$clone" deb >"$work/deb.log" 2>&1 &&
		dpkg-deb -c "$deb" >"$work/deb.list" &&
		[ "$(dpkg-deb -f "$deb" Depends)" = dkms ] &&
		grep -q " ./usr/src/sff8472-$version/dkms.conf$" "$work/deb.list" &&
		grep -q " ./usr/src/sff8472-$version/drivers/hwmon/sff8472/sff8472_main.c$" "$work/deb.list" &&
		! grep -q 'emul\|_test\.c' "$work/deb.list" ||
		{ tail -n 20 "$work/deb.log"; return 1; }
}
check "make deb: sff8472-dkms_${version}_all.deb, depends on dkms, no emulator" deb_ok

# The DKMS-built module: for this kernel, this version, signed by DKMS's key;
# DKMS installs no emulator (make install-emulator put it in updates/).
dkms_module_ok() {
	ko=$(ls "$1/lib/modules/$2/updates/dkms/sff8472.ko"*) &&
		modinfo -F vermagic "$ko" | grep -q "^$2 " &&
		[ "$(modinfo -F version "$ko")" = "$version" ] &&
		[ "$(modinfo -F signer "$ko")" = "DKMS module signing key" ] &&
		[ "$(ls "$1/lib/modules/$2/updates/dkms")" = "$(basename "$ko")" ] &&
		ls "$1/lib/modules/$2/updates/tools/testing/sff8472-emul/sff8472_emul.ko"* >/dev/null
}

# DKMS and make install go to the cache and scratch roots only.
host_module_trees() {
	find /lib/modules /usr/src /var/lib/dkms -maxdepth 3 -printf '%p %y %T@\n' 2>/dev/null | sort
}
trees_before=$(host_module_trees)

for series in 6.1 6.12; do
	root=$(scripts/debian-kernel.sh "$series") || {
		check "Debian $series kernel packages fetched" false
		continue
	}
	kver=$(basename "$root")
	check "$kver: make && make install (KDIR=its headers), the driver only" \
		make_install "$kver" "$root/usr/src/linux-headers-$kver"
	check "$kver: dkms add, build and install" scripts/dkms-install.sh "$series" >/dev/null
	check "$kver: DKMS module alone in updates/dkms, right vermagic and version, signed" \
		dkms_module_ok "$root" "$kver"
	out="$work/qemu-$series"
	if scripts/qemu/boot.sh "$series" "$out" \
		i2c:internal,smbus-byte:external,smbus-block:copper >"$work/boot.log" 2>&1; then
		E2E_COUNTS="$work/counts" python3 scripts/qemu/check.py "$out" "$kver" "$version" \
			port1=ddm port2=ddm port3=no-ddm
		read -r p f <"$work/counts" || f=1
		passed=$((passed + ${p:-0})) failed=$((failed + ${f:-1}))
		rm -f "$work/counts"
	else
		check "$kver: the QEMU guest boots and runs to its end" false
		tail -n 30 "$work/boot.log" "$out/console.log"
	fi
done

check "the host's /lib/modules, /usr/src and /var/lib/dkms are untouched" \
	test "$(host_module_trees)" = "$trees_before"

[ -n "${SFF8472_COUNTS:-}" ] && echo "$passed $failed 0" >"$SFF8472_COUNTS"
echo "debian kernels: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
