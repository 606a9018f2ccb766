#!/bin/sh
# checkpatch.pl --strict over every C source and header of the project.
set -u

repo=$(cd "$(dirname "$0")/.." && pwd)
tree=$("$repo/scripts/kernel-tree.sh") || exit 1
cd "$repo" || exit 1
files=$(git ls-files --cached --others --exclude-standard -- '*.c' '*.h')
[ -n "$files" ] || exit 0
# shellcheck disable=SC2086
out=$(perl "$tree/scripts/checkpatch.pl" --strict --no-tree --terse --show-types -f $files 2>&1)
status=$?
printf '%s\n' "$out" | grep -E 'ERROR|WARNING|CHECK'
exit $status
