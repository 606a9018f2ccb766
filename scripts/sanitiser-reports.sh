#!/bin/sh
# Print the sanitiser, lockdep and crash reports found in kernel log FILE;
# exit 0 if there are any, 1 if there are none.
set -u
pattern='BUG: KASAN|UBSAN:|WARNING: possible|possible circular locking|possible recursive locking|inconsistent lock state|suspicious RCU usage|BUG: sleeping function|BUG: |Kernel panic|WARNING: CPU|kernel BUG at|Oops|general protection fault'
grep -Eq "$pattern" "$1" || exit 1
grep -E -A25 "$pattern" "$1" | head -n 100
exit 0
