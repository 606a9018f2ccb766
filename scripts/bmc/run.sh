#!/bin/sh
# Tier 6: the driver on a real SoC's I2C stack. The 32-bit ARM kernel built
# from Debian's linux-source-6.12 with the driver built in
# (scripts/bmc/kernel.sh) boots on QEMU's model of an ASPEED AST2600 BMC
# (ast2600-evb); the kernel's i2c-aspeed and i2c-mux-pca954x drivers carry
# the driver's reads to QEMU's EEPROMs, two cages on SoC buses and two
# behind a PCA9548, bound from the device tree (scripts/bmc/boot.sh,
# scripts/bmc/init), on QEMU 10 from bookworm-backports
# (scripts/bmc/qemu10.sh, unpacked into the cache). scripts/bmc/check.py
# checks what the guest showed against the reference of scripts/e2e/check.py
# for each cage's image: port2 (SoC bus) and port3 (behind the mux) hold
# modules with diagnostics, internally and externally calibrated; port1
# (QEMU's SMBus EEPROM of the EVB) and port4 (behind the mux) modules
# without A2h.
# Writes "passed failed 0" to $SFF8472_COUNTS when set; SFF8472_SUMMARY
# gets the cycles and the reports.
set -u

repo=$(cd "$(dirname "$0")/../.." && pwd)
cd "$repo" || exit 1
passed=0 failed=0
. "$repo/scripts/check-lib.sh"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
out=${SFF8472_BMC_OUT:-$work/out}

start=$(date +%s)
if build=$(scripts/bmc/kernel.sh); then
	check "ARM kernel built with the driver in (CONFIG_SENSORS_SFF8472=y)" \
		grep -qx 'CONFIG_SENSORS_SFF8472=y' "$build/.config"
else
	check "ARM kernel built with the driver in" false
fi
built=$(date +%s)
if [ -f "${build:-/none}/arch/arm/boot/zImage" ]; then
	if scripts/bmc/boot.sh "$out" >"$work/boot.log" 2>&1; then
		tree=$(scripts/kernel-tree.sh)
		E2E_COUNTS="$work/counts" python3 scripts/bmc/check.py "$out" "$tree" \
			port1=no-ddm:smbus port2=ddm \
			port3=ddm@aspeed-i2c-bus\>pca954x port4=no-ddm@aspeed-i2c-bus\>pca954x
		read -r p f <"$work/counts" || f=1
		passed=$((passed + ${p:-0})) failed=$((failed + ${f:-1}))
		if [ -n "${SFF8472_SUMMARY:-}" ]; then
			echo "cycles $(grep -c '_bind_again 0$' "$out/steps")" >>"$SFF8472_SUMMARY"
			scripts/sanitiser-reports.sh "$out/dmesg" >/dev/null &&
				echo "reports 1" >>"$SFF8472_SUMMARY"
		fi
	else
		check "the AST2600 guest boots and runs to its end" false
		tail -n 30 "$work/boot.log" "$out/console.log"
	fi
fi
echo "bmc: kernel $((built - start)) s, boot and checks $(($(date +%s) - built)) s"

[ -n "${SFF8472_COUNTS:-}" ] && echo "$passed $failed 0" >"$SFF8472_COUNTS"
echo "bmc ast2600: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
