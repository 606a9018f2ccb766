# Counting helpers shared by scripts/check.sh and scripts/static-checks.sh
# (sourced). They add to the caller's $passed and $failed.

# check NAME COMMAND [ARG...]: run one check that counts as one test.
check() {
	name=$1
	shift
	if "$@"; then
		passed=$((passed + 1))
		echo "ok: $name"
	else
		failed=$((failed + 1))
		echo "FAILED: $name"
	fi
}
