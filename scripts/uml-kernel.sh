#!/bin/sh
# Build, incrementally, the one User-Mode Linux kernel the tests use: the
# driver, the emulator and their KUnit suites built in, KASAN, UBSAN and
# lockdep on (kunit/.kunitconfig; kunit/sfp.kunitconfig: Linux's sfp.c;
# kunit/full.kunitconfig for 6.12: networking for node_exporter). scripts/kunit.sh runs its suites;
# scripts/sfp-uml boots it with kunit.enable=0 for the end-to-end tests.
# Prints the build directory (the kernel is its `linux`).
#
#   scripts/uml-kernel.sh [6.12|newest]   (the kernel tree, scripts/kernel-tree.sh)
#
# Callers hold $cache/uml-SERIES.lock around build (exclusive) and use
# (shared): the two trees' kernels build and run side by side.
set -eu

repo=$(cd "$(dirname "$0")/.." && pwd)
cache=${SFF8472_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/sff8472}

"$repo/scripts/clean-sources.sh"
series=${1:-6.12}
tree=$("$repo/scripts/kernel-tree.sh" "$series")
build="$cache/build-um-$(basename "$tree" | sed 's/^linux-//')"
log="$cache/uml-build.log"
[ "$series" = 6.12 ] || log="$cache/uml-build-$series.log"
configs="--kunitconfig=$repo/kunit/.kunitconfig --kunitconfig=$repo/kunit/sfp.kunitconfig"
[ "$series" != 6.12 ] || configs="$configs --kunitconfig=$repo/kunit/full.kunitconfig"

# Skip the build (a no-op make costs seconds) when nothing it uses changed.
stamp="$build/.sff8472-built"
# The stamp names the clone it was built from and is older than every change.
if [ -x "$build/linux" ] && [ "$(cat "$stamp" 2>/dev/null)" = "$repo" ] &&
   [ -z "$(find "$repo/drivers" "$repo/tools/testing/sff8472-emul" \
	"$repo/kunit/.kunitconfig" "$repo/kunit/full.kunitconfig" \
	"$repo/kunit/sfp.kunitconfig" "$repo/scripts/upstream/sfp" \
	"$tree/.sff8472-extracted" \
	-newer "$stamp" -print -quit)" ]; then
	echo "$build"
	exit 0
fi
rm -f "$stamp"
mkdir -p "$build"
echo "$repo" >"$stamp.new"
# A cold build takes minutes: say so, and show progress while it runs.
echo "uml-kernel: building the UML kernel in $build, log: $log" >&2
(
	while sleep 60; do
		echo "uml-kernel: $(find "$build" -name '*.o' | wc -l) objects built"
	done
) >&2 &
progress=$!
trap 'kill "$progress" 2>/dev/null' EXIT
# shellcheck disable=SC2086 # $configs: options, paths without spaces
if ! python3 "$tree/tools/testing/kunit/kunit.py" build \
	--arch=um $configs \
	--build_dir="$build" --jobs="$(nproc)" \
	--make_options="CC=ccache gcc" >"$log" 2>&1; then
	grep -E 'error:|Error |ERROR|Missing:' "$log" | head -n 30 >&2
	echo "uml-kernel: build failed, see $log" >&2
	exit 1
fi
mv "$stamp.new" "$stamp"
echo "$build"
