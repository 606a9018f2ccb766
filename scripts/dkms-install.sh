#!/bin/sh
# The DKMS flow a user runs (dkms add, build, install), with Debian's dkms,
# for one of Debian's kernels unpacked by scripts/debian-kernel.sh. Every
# tree is redirected into the cache: dkms's own tree, the source tree, and
# the install tree, which is the unpacked kernel's lib/modules, so the
# modules land in lib/modules/KVER/updates/dkms as on a real system. Modules
# are signed as dkms does on Debian, with a MOK key kept in the cache.
# DKMS installs the driver only; the emulator the QEMU guest needs is then
# built and installed beside it with the user's `make install-emulator`.
#
#   scripts/dkms-install.sh 6.1|6.12
#
# Prints the unpacked kernel root; dkms's output goes to the log it names.
set -eu

series=${1:?usage: dkms-install.sh 6.1|6.12}
repo=$(cd "$(dirname "$0")/.." && pwd)
cache=${SFF8472_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/sff8472}

root=$("$repo/scripts/debian-kernel.sh" "$series")
kver=$(basename "$root")
kdir="$root/usr/src/linux-headers-$kver"
version=$(sed -n 's/^PACKAGE_VERSION="\(.*\)"$/\1/p' "$repo/dkms.conf")
work="$cache/dkms/$kver"
log="$work/dkms.log"

rm -rf "$work" "$root/lib/modules/$kver/updates"
mkdir -p "$work/dkmstree" "$work/sourcetree" "$work/clone"
# What a clone holds, without the git metadata and build products.
git -C "$repo" ls-files -z --cached --others --exclude-standard \
	dkms.conf Makefile Kbuild drivers tools/testing/sff8472-emul \
	scripts/clean-sources.sh |
	(cd "$repo" && xargs -0 cp --parents -t "$work/clone")

# dkms takes these from the environment when framework.conf leaves them unset.
sign_file=$(echo "$root"/usr/lib/linux-kbuild-*/scripts/sign-file)
mok_signing_key="$cache/dkms/mok.key"
mok_certificate="$cache/dkms/mok.pub"
export sign_file mok_signing_key mok_certificate

trees="--dkmstree $work/dkmstree --sourcetree $work/sourcetree"
echo "dkms-install: dkms add/build/install for $kver, log in $log" >&2
# shellcheck disable=SC2086
{
	dkms add $trees "$work/clone" &&
	dkms build $trees -m sff8472 -v "$version" -k "$kver" \
		--kernelsourcedir "$kdir" &&
	dkms install $trees -m sff8472 -v "$version" -k "$kver" \
		--kernelsourcedir "$kdir" --installtree "$root/lib/modules" \
		--no-depmod &&
	make -C "$work/clone" KDIR="$kdir" KVER="$kver" INSTALL_MOD_PATH="$root" \
		DEPMOD=true install-emulator
} >"$log" 2>&1 || {
	tail -n 30 "$log" >&2
	find "$work/dkmstree" -name make.log -exec tail -n 30 {} \; >&2
	exit 1
}
echo "$root"
