# Counting helpers shared by scripts/check.sh and scripts/static-checks.sh
# (sourced). They add to the caller's $passed and $failed.

# check NAME COMMAND [ARG...]: run one check that counts as one test. A
# check that took 5 s or more says how long (where a cold run spends it).
check() {
	name=$1
	shift
	check_t0=$(date +%s)
	if "$@"; then
		passed=$((passed + 1))
		check_s=$(($(date +%s) - check_t0))
		[ "$check_s" -ge 5 ] && check_s=" ($check_s s)" || check_s=
		echo "ok: $name$check_s"
	else
		failed=$((failed + 1))
		# check.sh collects these for its digest of failures.
		echo "FAILED: $name" | tee -a "${check_failures:-/dev/null}"
	fi
}

# What the host boots from: every file under /boot with its checksum, and
# where /vmlinuz and /initrd.img (and their .old) point. Tests compare it
# before and after: nothing here may change it.
boot_fingerprint() {
	find /boot -xdev -type f -exec sha256sum {} + 2>/dev/null | sort
	find /boot -xdev ! -type f -printf '%p %y %l\n' 2>/dev/null | sort
	for f in /vmlinuz /vmlinuz.old /initrd.img /initrd.img.old; do
		printf '%s -> %s\n' "$f" "$(readlink "$f" 2>/dev/null || echo none)"
	done
}
