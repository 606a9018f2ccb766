# SPDX-License-Identifier: GPL-2.0-only
#
#   make            build sff8472.ko (and the emulator, sff8472_emul.ko) for
#                   the running kernel; needs only its headers, installs nothing
#   make install    install them into /lib/modules/<kernel>/updates and run depmod,
#                   and sff8472-info into $(DESTDIR)/usr/local/bin when the
#                   C library's headers are installed (make tools_install)
#   make tools      build tools/sff8472-info/sff8472-info (`ethtool -m` output
#                   from an eeprom file or a cage's label; needs only a C
#                   compiler and libc, no kernel tree)
#   make check      every test tier; the last line is "N passed, N failed"
#   make demo       the emulated board demo
#   make bench      bus cost of sff8472 beside Linux's sfp.c (build/bench.*)
#   make fuzz       N seeded module images (default 100000) through probes and
#                   hot swaps in UML, two boards at a time; SEED=S repeats a
#                   run (default: a new seed, printed); a failing image is
#                   kept in build/fuzz/. make check fuzzes 2000 with seed 8472.
#   make clean
#
# KDIR (or KERNEL_SRC, as Yocto's module.bbclass passes it) selects another
# kernel build tree; KVER names the kernel `make install` runs depmod for.

KVER ?= $(shell uname -r)
KERNEL_SRC ?= /lib/modules/$(KVER)/build
KDIR ?= $(KERNEL_SRC)
DEPMOD ?= depmod
# A distribution kernel's .config does not know the driver's symbols.
SFF8472_KCONFIG := CONFIG_SENSORS_SFF8472=m CONFIG_SENSORS_SFF8472_EMUL=m
KBUILD := $(MAKE) -C $(KDIR) M=$(CURDIR) $(SFF8472_KCONFIG)

.PHONY: all modules install modules_install tools tools_install have-kdir deps check demo bench fuzz clean

all: modules

have-kdir:
	@test -f "$(KDIR)/Makefile" || { \
	echo "sff8472: no kernel build tree at $(KDIR)." >&2; \
	echo "sff8472: install the headers of the running kernel (Debian, Ubuntu: apt-get install linux-headers-$(KVER)), or set KDIR=." >&2; \
	exit 1; }

modules: have-kdir
	$(KBUILD) modules

# Distribution headers lack the kernel's signing key: sign only when the tree
# has one (a self-built kernel). DKMS signs with its own MOK key (README).
SIGN := $(if $(wildcard $(KDIR)/certs/signing_key.pem),,CONFIG_MODULE_SIG_ALL=)

# Yocto calls modules_install itself, with DEPMOD=echo.
modules_install: have-kdir
	$(KBUILD) INSTALL_MOD_DIR=updates $(SIGN) modules_install

# The driver needs only the kernel's headers: the tool is installed with it
# when the C library's headers are there too (make tools_install insists).
install: modules_install
	$(DEPMOD) -a $(if $(INSTALL_MOD_PATH),-b $(INSTALL_MOD_PATH)) $(KVER)
	@if printf '#include <stdio.h>\n' | $(CC) -E -x c - >/dev/null 2>&1; then \
		$(MAKE) --no-print-directory tools_install; \
	else \
		echo "sff8472: sff8472-info not installed: no C library headers (Debian: apt-get install libc6-dev), then make tools_install"; \
	fi

# The user-space tool. A staging install (INSTALL_MOD_PATH) gets it too.
DESTDIR ?= $(INSTALL_MOD_PATH)
tools:
	$(MAKE) -C tools/sff8472-info

tools_install:
	$(MAKE) -C tools/sff8472-info DESTDIR=$(DESTDIR) install

deps:
	@scripts/deps.sh

check:
	@scripts/check.sh

demo: deps
	@scripts/demo.sh

bench: deps
	@scripts/bench/run.sh

N ?= 100000
SEED ?= $(shell date +%s)
fuzz: deps
	@FUZZ_BOARDS=2 scripts/fuzz/run.sh $(N) $(SEED)

# Also from DKMS's copy of the sources, which has no .git.
clean:
	rm -rf build
	$(MAKE) -C tools/sff8472-info clean
	test ! -f "$(KDIR)/Makefile" || $(KBUILD) clean
	test ! -e .git || scripts/clean-sources.sh
