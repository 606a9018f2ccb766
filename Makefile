# SPDX-License-Identifier: GPL-2.0-only
#
#   make            build sff8472.ko (and the emulator, sff8472_emul.ko) for
#                   the running kernel; needs only its headers, installs nothing
#   make install    install them into /lib/modules/<kernel>/updates and run depmod
#   make check      every test tier; the last line is "N passed, N failed"
#   make demo       the emulated board demo
#   make bench      bus cost of sff8472 beside Linux's sfp.c (build/bench.*)
#   make fuzz       N seeded module images (default 100000) through probes and
#                   hot swaps in UML, two boards at a time; SEED=S repeats a
#                   run (default: a new seed, printed); a failing image is
#                   kept in build/fuzz/. make check fuzzes 2000 with seed 8472.
#   make fresh-root  tier 0: in fresh Debian 12 and 13 roots (mmdebstrap),
#                   a clean copy of the repository and exactly the README's
#                   commands (scripts/fresh-root/run.sh); make check runs it too
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

.PHONY: all modules install modules_install have-kdir deps check demo bench fuzz fresh-root clean

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

# Debian's 6.12 kernels compress their modules with xz at modules_install
# (CONFIG_MODULE_COMPRESS_XZ), but linux-headers-* does not pull in xz-utils
# (a fresh Debian 13 root failed with "xz: not found"): without the
# compressor the module is installed uncompressed, which depmod and modprobe
# take all the same.
NOCOMPRESS := $(foreach c,xz:XZ zstd:ZSTD gzip:GZIP,$(if $(shell command -v $(firstword $(subst :, ,$(c)))),,CONFIG_MODULE_COMPRESS_$(lastword $(subst :, ,$(c)))=))

# Yocto calls modules_install itself, with DEPMOD=echo.
modules_install: have-kdir
	$(KBUILD) INSTALL_MOD_DIR=updates $(SIGN) $(NOCOMPRESS) modules_install

install: modules_install
	$(DEPMOD) -a $(if $(INSTALL_MOD_PATH),-b $(INSTALL_MOD_PATH)) $(KVER)

deps:
	@scripts/deps.sh

check:
	@scripts/check.sh

demo: deps
	@scripts/demo.sh

bench: deps
	@scripts/bench/run.sh

fresh-root:
	@scripts/fresh-root/run.sh

N ?= 100000
SEED ?= $(shell date +%s)
fuzz: deps
	@FUZZ_BOARDS=2 scripts/fuzz/run.sh $(N) $(SEED)

# Also from DKMS's copy of the sources, which has no .git.
clean:
	rm -rf build
	test ! -f "$(KDIR)/Makefile" || $(KBUILD) clean
	test ! -e .git || scripts/clean-sources.sh
