#!/bin/sh
# checkpatch.pl --strict over every C source and header of the project, the
# newest kernel's in Debian's archive (scripts/newest-kernel.sh): mainline
# review applies that one, and each release teaches it new rules.
set -u

repo=$(cd "$(dirname "$0")/.." && pwd)
tree=$("$repo/scripts/newest-kernel.sh" --source) || exit 1
cd "$repo" || exit 1
driver_compat=drivers/hwmon/sff8472/sff8472_compat.h
emul_compat=tools/testing/sff8472-emul/sff8472_emul_compat.h
files=$(git ls-files --cached --others --exclude-standard -- '*.c' '*.h' |
	grep -v -x -e "$driver_compat" -e "$emul_compat")
[ -n "$files" ] || exit 0
checkpatch() {
	perl "$tree/scripts/checkpatch.pl" --strict --no-tree --terse --show-types -f "$@" 2>&1
}
# shellcheck disable=SC2086
out=$(checkpatch $files)
status=$?
# The compat headers (the driver's and the emulator's) are the only places
# that test kernel versions (they are for out-of-tree builds against older
# kernels) and spell the non-const bin_attribute their callbacks take;
# every other check applies.
cout=$(checkpatch --ignore LINUX_VERSION_CODE,CONSTANT_COMPARISON,CONST_STRUCT \
	"$driver_compat" "$emul_compat")
cstatus=$?
printf '%s\n%s\n' "$out" "$cout" | grep -E 'ERROR|WARNING|CHECK'
[ "$status" -eq 0 ] && [ "$cstatus" -eq 0 ]
