#!/bin/sh
# Tier 0: fresh roots. For Debian 12 (bookworm) and 13 (trixie), a clean
# minbase root from Debian's archive (main, -updates, -security, as an
# installed Debian has), a clean copy of the repository (git archive HEAD of
# this checkout, nothing else from the host tree) at /root/sff8472, and there,
# as root, exactly the README's user commands. A package the README's steps
# do not install, and the project's scripts do not install either, fails
# here: this is the truth about dependencies.
#
#   scripts/fresh-root/run.sh [RELEASE...]     (default: bookworm trixie)
#
# Three changes to the README's lines, and only these:
#   - `apt-get install` and `apt-get remove` run with -y (and
#     DEBIAN_FRONTEND=noninteractive): nobody answers their question here;
#   - `$(uname -r)` is the root's Debian kernel ABI (the newest
#     linux-image-*-amd64 in that root's archive), passed to make as KVER=:
#     in a chroot uname -r names the host's kernel;
#   - `modprobe sff8472` is not run (nothing loads modules into the host's
#     kernel); instead the module must be under /lib/modules/KVER/updates
#     and `modinfo -k KVER sff8472` must find it (depmod ran).
# `make dkms-install`, `make deb` and the lines installing and removing the
# package run only when the Makefile has those targets.
# FRESH_ROOT_INSTALL lists the releases that also take the install route
# (default: every release run); the others only run `make demo`.
#
# Roots live in $cache/fresh-root/RELEASE/root, only while the tier runs;
# downloaded packages stay in $cache/fresh-root/RELEASE/archives (apt's
# archive, bind-mounted), and compiles go through the host's ccache
# directory, mounted at the same path inside (a cache hides no package).
# Every mount is made in a private mount namespace and every process in a PID
# namespace of its own (unshare), so neither outlives the command, even when
# it is killed.
# Writes "passed failed skipped" to $SFF8472_COUNTS when set.
#
# Cost on the 2-core development machine (December 2026): a root 20-75 s;
# Debian 12's make demo 476 s with a test run beside it (its UML kernel
# from the host's ccache: same gcc and paths); Debian 13's 524 s with its
# UML kernel cold (gcc 14; its objects stay in the shared ccache for the
# next run), and its whole run, the install ways and two QEMU boots
# included, 752 s. Beyond make check's 12 minutes, hence opt-in there.
set -u

repo=$(cd "$(dirname "$0")/../.." && pwd)
cd "$repo" || exit 1
cache=${SFF8472_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/sff8472}
base="$cache/fresh-root"
passed=0 failed=0 skipped=0
. "$repo/scripts/check-lib.sh"
version=$(sed -n 's/^PACKAGE_VERSION="\(.*\)"$/\1/p' dkms.conf)

# The README's user commands, verbatim: each must appear in README.md as it is.
readme_lines='apt-get install make
make demo
apt-get install linux-headers-$(uname -r)
make
make install
modprobe sff8472
make uninstall
apt-get install dkms linux-headers-$(uname -r)
make dkms-install
make dkms-remove
make deb
apt-get install ./sff8472-dkms_*.deb
apt-get remove sff8472-dkms'

releases=${*:-bookworm trixie}
install_releases=${FRESH_ROOT_INSTALL:-$releases}

"$repo/scripts/deps.sh" mmdebstrap || exit 1
mkdir -p "$base"

# Inside the root HOME is /root and the project's cache /root/.cache/sff8472,
# as for root on the host; the host's ccache directory is mounted where the
# root's ccache looks, so a compile seen on the host (same paths) is a hit.
ccache_dir=$(ccache -k cache_dir 2>/dev/null || echo "$HOME/.cache/ccache")
mkdir -p "$ccache_dir"

# record passed|failed|skipped TEXT: one result of release $rel, shown.
record() {
	case $1 in passed) echo "ok: $2" ;; failed) echo "FAILED: $2" ;; *) echo "skip: $2" ;; esac
	echo "$1" >>"$log_dir/$rel.result"
}
# count TEXT COMMAND...: one check of release $rel; its result is also $r.
count() {
	text=$1
	shift
	if "$@"; then r=passed; else r=failed; fi
	record "$r" "$text"
}

# Remove a root, and before that anything mounted below it (a run killed
# before its namespace was gone, or an older script): nothing stale may
# break the next run.
remove_root() {
	findmnt -rn -o TARGET | grep "^$1/" | sort -r |
		while read -r m; do umount -l "$m" 2>/dev/null || true; done
	rm -rf --one-file-system "$1"
}

# The roots this run holds the lock of (another run may use the others).
held=""
cleanup() {
	for r in $held; do
		remove_root "$base/$r/root"
	done
}
trap cleanup EXIT
trap 'exit 130' INT TERM HUP

# mmdebstrap RELEASE ROOT: a minbase root. The archive directory is mounted
# over the root's apt archive (--skip=download/empty and essential/unlink keep
# what is there), so a second run downloads only what changed. The package
# lists stay, as on an installed Debian (apt-get install works without an
# apt-get update first). dpkg in the root skips its fsyncs (force-unsafe-io,
# which stays in the root's dpkg.cfg.d): faster, and no package more.
make_root() {
	rel=$1 root=$2 archives="$base/$1/archives"
	mkdir -p "$archives/partial"
	nice -n 10 unshare --mount --pid --fork --kill-child --propagation private mmdebstrap \
		--variant=minbase --mode=root --format=directory \
		--skip=download/empty --skip=essential/unlink --skip=cleanup/apt/lists \
		--dpkgopt=force-unsafe-io \
		--setup-hook='mkdir -p "$1/var/cache/apt/archives"' \
		--setup-hook="mount --bind '$archives' \"\$1/var/cache/apt/archives\"" \
		--customize-hook='umount "$1/var/cache/apt/archives"' \
		"$rel" "$root" \
		"deb http://deb.debian.org/debian $rel main" \
		"deb http://deb.debian.org/debian $rel-updates main" \
		"deb http://deb.debian.org/debian-security $rel-security main"
}

# in_root RELEASE COMMAND: run COMMAND (sh) as root in the root, in
# /root/sff8472, with /proc, /sys, /dev (a private /dev/shm for UML), the
# apt archive and the ccache directory mounted, in a mount namespace of its
# own, its processes in a PID namespace (killed with it). A login's
# environment, nothing of the caller's.
in_root() {
	nice -n 10 unshare --mount --pid --fork --kill-child --propagation private sh -eu -c '
		root=$1 archives=$2 ccache=$3 cmd=$4
		mount -t proc proc "$root/proc"
		mount --rbind /sys "$root/sys"
		mount --rbind /dev "$root/dev"
		mount -t tmpfs -o mode=1777 tmpfs "$root/dev/shm"
		mount --bind "$archives" "$root/var/cache/apt/archives"
		mkdir -p "$root$ccache"
		mount --bind "$ccache" "$root$ccache"
		exec chroot "$root" /usr/bin/env -i HOME=/root USER=root LOGNAME=root \
			SHELL=/bin/sh TERM=dumb DEBIAN_FRONTEND=noninteractive \
			PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin \
			/bin/sh -c "cd /root/sff8472 && $cmd"
	' sh "$base/$1/root" "$base/$1/archives" "$ccache_dir" "$2"
}

# The README line as it runs in a root whose kernel is $kver (see the top).
adapt() {
	case "$1" in
	modprobe*) echo "find /lib/modules/$kver/updates -name 'sff8472.ko*' | grep . && modinfo -k $kver sff8472" ;;
	apt-get\ install\ * | apt-get\ remove\ *)
		echo "$1" | sed "s/^apt-get [a-z]*/& -y/; s/\$(uname -r)/$kver/g" ;;
	"make demo") echo "$1" ;;
	make*) echo "$1 KVER=$kver" ;;
	*) echo "$1" ;;
	esac
}

# Lines that need a Makefile target the checkout may not have yet (they are
# being added): run when `make -n TARGET` works in the copy, else skipped.
needs_target() {
	case "$1" in
	"make dkms-install" | "make dkms-remove" | "apt-get install dkms"*) echo dkms-install ;;
	"make deb" | *sff8472-dkms*) echo deb ;;
	esac
}

# Each line's output stays in $base/logs/RELEASE.* until that release runs again.
log_dir="$base/logs"
mkdir -p "$log_dir"

# run_line RELEASE LINE: one README line in the root; its output in a log,
# its tail shown when it fails.
run_line() {
	log="$log_dir/$1.$(echo "$2" | tr -c 'a-zA-Z0-9\n' _)"
	start=$(date +%s)
	if in_root "$1" "$2" >"$log" 2>&1; then
		echo "  ($1: '$2' took $(($(date +%s) - start)) s)"
	else
		echo "  ($1: '$2' failed after $(($(date +%s) - start)) s; its last lines:)"
		tail -n 30 "$log" | sed 's/^/    /'
		return 1
	fi
}

# make demo must print the sensors output of the emulated cages, as on the host.
demo_shows_sensors() {
	run_line "$1" "make demo" || return 1
	grep -q '^sff8472.*-i2c-[0-9]*-50$' "$log" && return 0
	echo "  ($1: no sff8472 chip in the output of make demo; its last lines:)"
	tail -n 30 "$log" | sed 's/^/    /'
	return 1
}

# The newest Debian kernel the root's archive offers (the ABI a machine
# running that release's newest kernel has): the generic flavour, not -rt
# or -cloud.
root_kver() {
	in_root "$1" "apt-cache search --names-only '^linux-image-[0-9.]+(-[0-9]+|\+deb[0-9]+)-amd64\$' | cut -d' ' -f1" |
		sed 's/^linux-image-//' | sort -V | tail -n 1
}

# The package's module booted on each kernel a user of the release runs: the
# release's own ($kver) and the newest of its backports, whose headers the
# user installs after the package (DKMS's kernel hook then builds the
# module). Each kernel's linux-image package is unpacked in the root under
# /qemu/KVER with the DKMS-built module from the root's /lib/modules and the
# emulator from the README's `make install-emulator`, and booted in QEMU
# with cages bound by new_device (scripts/qemu), values checked against the
# reference. Counts go to $log_dir/$rel.result.
package_boots() {
	rel=$1 root="$base/$1/root"
	new=$(in_root "$rel" "echo 'deb http://deb.debian.org/debian $rel-backports main' \
		>/etc/apt/sources.list.d/backports.list && apt-get update -qq >/dev/null &&
		apt-cache search --names-only '^linux-image-[0-9.]+\+deb[0-9]+-amd64\$' | cut -d' ' -f1" |
		sed -n 's/^linux-image-//p' | sort -V | tail -n 1)
	# /qemu/KVER: the image, the DKMS-built module, the emulator.
	cat >"$root/root/stage-kernel" <<'EOF'
k=$1
# From the backports when there (its linux-base is newer than the release's).
apt-get install -y -t "$2" --download-only "linux-image-$k" >/dev/null
rm -rf "/qemu/$k"
mkdir -p "/qemu/$k"
# 7.x splits the image: linux-binary (vmlinuz), -modules, -base (modules.*).
for p in image binary modules base; do
	for deb in /var/cache/apt/archives/linux-"$p-${k}"_*.deb; do
		[ ! -f "$deb" ] || dpkg-deb -x "$deb" "/qemu/$k"
	done
done
# Debian 13's packages use usr/lib/modules, Debian 12's lib/modules.
[ -e "/qemu/$k/lib" ] || ln -s usr/lib "/qemu/$k/lib"
mkdir -p "/qemu/$k/lib/modules/$k/updates"
cp -a "/lib/modules/$k/updates/dkms" "/qemu/$k/lib/modules/$k/updates/"
make install-emulator KVER="$k" INSTALL_MOD_PATH="/qemu/$k" DEPMOD=true
EOF
	if [ -n "$new" ] && [ "$new" != "$kver" ]; then
		count "$rel: apt-get install -t $rel-backports linux-headers-$new (DKMS builds for it)" \
			run_line "$rel" "apt-get install -y -t $rel-backports linux-headers-$new"
	else
		record skipped "$rel: $rel-backports has no newer kernel than $kver"
		new=""
	fi
	for k in $kver $new; do
		count "$rel: dkms status: sff8472 installed for $k" \
			in_root "$rel" "dkms status -m sff8472 -k $k | grep -q ': installed'"
		count "$rel: $k: its image unpacked with the DKMS module and make install-emulator" \
			run_line "$rel" "sh -eu /root/stage-kernel $k $rel-backports"
		out="$log_dir/$rel.qemu-$k"
		rm -rf "$out"
		if "$repo/scripts/qemu/boot.sh" "$root/qemu/$k" "$out" \
			i2c:internal,smbus-byte:external,smbus-block:copper >"$out.log" 2>&1; then
			E2E_COUNTS="$out.counts" python3 "$repo/scripts/qemu/check.py" "$out" "$k" \
				"$version" port1=ddm port2=ddm port3=no-ddm
			read -r p f <"$out.counts" || f=1
			yes passed | head -n "${p:-0}" >>"$log_dir/$rel.result"
			yes failed | head -n "${f:-1}" >>"$log_dir/$rel.result"
		else
			record failed "$rel: $k boots in QEMU and runs to its end"
			tail -n 30 "$out.log" "$out/console.log"
		fi
	done
}

# After each way's uninstall line, no kernel of the root keeps the module
# and DKMS (once installed) knows none: the README's ways are alternatives,
# and DKMS refuses a module of its version that another way left.
nothing_left() {
	in_root "$1" "! find /lib/modules/*/updates -name 'sff8472*.ko*' | grep -q . &&
		! { command -v dkms >/dev/null && dkms status -m sff8472 | grep -q .; }"
}

echo "== tier 0: fresh roots ($releases): git archive HEAD and the README's commands"
# A line counts when a line of README.md is exactly it, leading and trailing
# blanks aside (the README shows commands as indented code).
lines_in_readme() {
	git -C "$repo" show HEAD:README.md | sed 's/^[[:space:]]*//; s/[[:space:]]*$//' >"$log_dir/README.md"
	missing=$(echo "$readme_lines" | while IFS= read -r l; do
		grep -qFx -- "$l" "$log_dir/README.md" || echo "$l"
	done)
	[ -z "$missing" ] || { echo "$missing" | sed 's/^/  not in README.md: /'; return 1; }
}
check "fresh root: each README user command appears verbatim in README.md" lines_in_readme

for rel in $releases; do
	root="$base/$rel/root"
	t0=$(date +%s)
	# One run per release at a time (they would share its root); runs for
	# two releases may go side by side.
	mkdir -p "$base/$rel"
	exec 8>"$base/$rel/lock"
	flock 8
	held="$held $rel"
	remove_root "$root"
	rm -rf "$log_dir/$rel".*
	if ! check "$rel: mmdebstrap --variant=minbase (main, $rel-updates, $rel-security)" \
		make_root "$rel" "$root" >"$log_dir/$rel.mmdebstrap" 2>&1; then
		tail -n 30 "$log_dir/$rel.mmdebstrap"
		continue
	fi
	echo "  ($rel: root made in $(($(date +%s) - t0)) s)"
	mkdir -p "$root/root/sff8472"
	git -C "$repo" archive HEAD | tar -x -C "$root/root/sff8472"
	kver=$(root_kver "$rel")
	check "$rel: the archive has a linux-image-*-amd64 (\$(uname -r) is ${kver:-none})" test -n "$kver"
	case " $install_releases " in *" $rel "*) route=1 ;; *) route=0 ;; esac
	echo "$readme_lines" | while IFS= read -r line; do
		[ -n "$kver" ] || case "$line" in *make\ demo | *install\ make) ;; *) continue ;; esac
		target=$(needs_target "$line")
		if [ -n "$target" ] && ! in_root "$rel" "make -n $target" >/dev/null 2>&1; then
			record skipped "$rel: $line (the Makefile has no $target target yet)"
			continue
		fi
		case "$line" in
		"apt-get install make") ;;
		"make demo")
			count "$rel: make demo shows the emulated cages in sensors" \
				demo_shows_sensors "$rel"
			continue ;;
		*) if [ $route -eq 0 ]; then
			record skipped "$rel: $line (install route only on: $install_releases)"
			continue
		   fi ;;
		esac
		cmd=$(adapt "$line")
		count "$rel: $line${cmd:+ (as: $cmd)}" run_line "$rel" "$cmd"
		case "$r $line" in
		"passed apt-get install ./sff8472-dkms_"*) package_boots "$rel" ;;
		"passed make uninstall" | "passed make dkms-remove" | "passed apt-get remove "*)
			count "$rel: after $line no kernel has the module, dkms status is empty" \
				nothing_left "$rel" ;;
		esac
	done
	passed=$((passed + $(grep -c passed "$log_dir/$rel.result")))
	failed=$((failed + $(grep -c failed "$log_dir/$rel.result")))
	skipped=$((skipped + $(grep -c skipped "$log_dir/$rel.result")))
	remove_root "$root"
	held=""
	exec 8>&-
	echo "  ($rel: $(($(date +%s) - t0)) s in all)"
done

check "fresh roots: nothing left mounted under $base" \
	sh -c "! findmnt -rn -o TARGET | grep -q '^$base/'"

[ -n "${SFF8472_COUNTS:-}" ] && echo "$passed $failed $skipped" >"$SFF8472_COUNTS"
echo "fresh roots: $passed passed, $failed failed, $skipped skipped"
[ "$failed" -eq 0 ]
