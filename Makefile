# SPDX-License-Identifier: GPL-2.0-only
#
#   make            build sff8472.ko (and the emulator) against Debian's 6.12
#                   headers with W=1 into build/; any warning fails the build
#   make check      every test tier; the last line is "N passed, N failed"
#   make demo       the emulated board demo
#   make bench      bus cost of sff8472 beside Linux's sfp.c (build/bench.*)
#   make clean
#
# KDIR selects another kernel build tree (default: newest installed
# linux-headers-6.12.*-amd64).

# Empty: scripts/build-module.sh picks the newest (by version) itself.
KDIR ?=

.PHONY: all modules deps check demo bench clean

all: modules

deps:
	@scripts/deps.sh

modules: deps
	@scripts/build-module.sh $(KDIR)

check: deps
	@scripts/check.sh

demo: deps
	@scripts/demo.sh

bench: deps
	@scripts/bench/run.sh

clean:
	rm -rf build
	scripts/clean-sources.sh
