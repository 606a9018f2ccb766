#!/bin/sh
# Fuzzing tier: N seeded module images (scripts/fuzz/images.py), each
# through a probe and a hot swap in two adapter modes on the emulated board
# (scripts/sfp-uml), every sysfs, hwmon and eeprom file read, and judged on
# the host against the images' bytes (scripts/fuzz/judge.py). One image in
# eight (seeded, like the images) has a bus fault injected by the emulator
# in its hot swap: a NACK, 0xFF data or 0xFF from a byte on at a random
# transaction, an unstable range, or an intermittently NACKing module
# while its files are read; the judge then accepts the module's own
# values or errors, nothing else.
#
#   run.sh [N [SEED]]      default 2000 images, seed 8472 (make check)
#
# Images run in chunks of FUZZ_CHUNK (default 1000), one board boot each
# (sfp-uml stops a board after 600 s), FUZZ_BOARDS boards at a time
# (default 1; make fuzz uses 2, one per core). Chunks alternate between
# two boards: device-tree cages on plain I2C beside SMBus byte and word
# adapters, then on I2C with 16-byte messages beside SMBus block and byte.
# The first failing image is kept in build/fuzz/, with the readings and
# kernel logs of the failing chunks. Writes "passed failed 0"
# to $SFF8472_COUNTS and "images N", "faults N", "reports N" to
# $SFF8472_SUMMARY when set.
set -u

repo=$(cd "$(dirname "$0")/../.." && pwd)
cd "$repo" || exit 1
n=${1:-2000} seed=${2:-8472}
chunk=${FUZZ_CHUNK:-1000} boards=${FUZZ_BOARDS:-1}
workers=2
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# Chunk K: images FIRST.. (COUNT of them) on one board.
run_chunk() {
	d=$work/chunk$1
	mkdir -p "$d/out"
	if [ $(($1 % 2)) -eq 0 ]; then
		mode=i2c extra=smbus-byte,smbus-word
	else
		mode=i2c16 extra=smbus-block,smbus-byte
	fi
	python3 scripts/fuzz/images.py "$seed" "$2" "$3" "$d" || return 1
	# A log large enough for a chunk's messages: a report must not scroll out.
	SFP_UML_KERNEL_ARGS="sff8472_emul.cages=$extra log_buf_len=16M" \
		scripts/sfp-uml --cages $workers \
		--adapter $mode -- sh scripts/fuzz/inside.sh "$d" "$d/out" $workers \
		>"$d/out/console" 2>&1
	python3 scripts/fuzz/judge.py "$d" >/dev/null
}

# Build the kernel once: each board then only shares the lock.
cache=${SFF8472_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/sff8472}
mkdir -p "$cache"
SFP_UML_PREBUILT=$(flock "$cache/uml-6.12.lock" scripts/uml-kernel.sh 6.12) || exit 1
export SFP_UML_PREBUILT

echo "fuzz: seed $seed, $n images in chunks of $chunk, $boards board(s) at a time"
start=$(date +%s)
k=0 first=0 running=0
while [ "$first" -lt "$n" ]; do
	count=$((n - first < chunk ? n - first : chunk))
	run_chunk "$k" "$first" "$count" &
	k=$((k + 1)) first=$((first + count)) running=$((running + 1))
	if [ "$running" -ge "$boards" ]; then
		wait
		running=0
	fi
done
wait
secs=$(($(date +%s) - start))
python3 scripts/fuzz/judge.py --summary "$work" "$seed" "$repo/build/fuzz"
status=$?
# What the failing boards read and logged, for a look by hand.
for d in "$work"/chunk*; do
	grep -qs '"fails": {}' "$d/verdict.json" && continue
	mkdir -p build/fuzz && rm -rf "build/fuzz/${d##*/}" && cp -r "$d" build/fuzz/ &&
		echo "fuzz: readings and kernel log of ${d##*/} kept in build/fuzz/${d##*/}"
done
echo "fuzz: $n images in $secs s ($(awk -v n="$n" -v s="$secs" 'BEGIN { printf "%.1f", n / (s ? s : 1) }') images/s)"
exit "$status"
