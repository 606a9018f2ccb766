# SPDX-License-Identifier: GPL-2.0-only
#
# For users (README.md); the driver only, never the emulator:
#   make            build sff8472.ko for the running kernel; needs only its
#                   headers, installs nothing
#   make install    install sff8472.ko into /lib/modules/<kernel>/updates
#                   and run depmod
#   make uninstall  remove what make install and make install-emulator put
#                   there, and run depmod
#   make dkms-install  dkms add, build and install this tree (copied to
#                   /usr/src/sff8472-<version>) for KVER; needs dkms
#   make dkms-remove   dkms remove it from every kernel, delete that copy
#   make deb        sff8472-dkms_<version>_all.deb in this directory: the
#                   driver's sources for DKMS; needs only dpkg-deb; and
#                   sff8472-info_<version>_<arch>.deb (needs a C compiler)
#   make tools      build tools/sff8472-info/sff8472-info (`ethtool -m` output
#                   from an eeprom file or a cage's label; needs only a C
#                   compiler and libc, no kernel tree); make install installs
#                   it into $(DESTDIR)/usr/local/bin when the C library's
#                   headers are there (make tools_install insists)
#
# To try the driver without SFP hardware (test infrastructure, like the
# kernel's i2c-stub; tools/testing/sff8472-emul/sff8472-emul.rst):
#   make emulator   build sff8472_emul.ko and sff8472_emul_mux.ko in
#                   build/emulator/ (a copy of the sources)
#   make install-emulator  install them beside the driver, run depmod
#
# For developers (Documentation/hwmon/sff8472-testing.rst):
#   make check      every test tier; the last line is "N passed, N failed"
#   make demo       the emulated board demo
#   make bench      bus cost of sff8472 beside Linux's sfp.c (build/bench.*)
#   make fuzz       N seeded module images (default 100000) through probes and
#                   hot swaps in UML, two boards at a time; SEED=S repeats a
#                   run (default: a new seed, printed); a failing image is
#                   kept in build/fuzz/. make check fuzzes 2000 with seed 8472.
#   make fresh-root  tier 0: in fresh Debian 12 and 13 roots (mmdebstrap),
#                   a clean copy of the repository and exactly the README's
#                   commands (scripts/fresh-root/run.sh); make check only with SFF8472_FRESH_ROOT=1
#   make clean
#
# KDIR (or KERNEL_SRC, as Yocto's module.bbclass passes it) selects another
# kernel build tree; KVER names the kernel make install, make dkms-install
# and depmod work for; INSTALL_MOD_PATH a staging root.

KVER ?= $(shell uname -r)
KERNEL_SRC ?= /lib/modules/$(KVER)/build
KDIR ?= $(KERNEL_SRC)
DEPMOD ?= depmod
RUN_DEPMOD = $(DEPMOD) -a $(if $(INSTALL_MOD_PATH),-b $(INSTALL_MOD_PATH)) $(KVER)
# A distribution kernel's .config does not know the driver's symbols.
SFF8472_KCONFIG := CONFIG_SENSORS_SFF8472=m
KBUILD := $(MAKE) -C $(KDIR) M=$(CURDIR) $(SFF8472_KCONFIG)
# The emulator builds in a copy of the sources, so that this tree's
# modules.order never names it and make install cannot install it.
EMUL_DIR := $(CURDIR)/build/emulator
EMUL_KBUILD := $(MAKE) -C $(KDIR) M=$(EMUL_DIR) CONFIG_SENSORS_SFF8472_EMUL=m

# The one source of the version: what modinfo shows. dkms.conf must agree.
VERSION := $(shell sed -n 's/^\#define SFF8472_VERSION "\(.*\)"$$/\1/p' \
	drivers/hwmon/sff8472/sff8472_version.h)
DKMS_SRC := /usr/src/sff8472-$(VERSION)
DEB := sff8472-dkms_$(VERSION)_all.deb
DEB_ARCH = $(shell dpkg --print-architecture)
INFO_DEB = sff8472-info_$(VERSION)_$(DEB_ARCH).deb
# What DKMS and the package get: the driver's sources, no emulator, no tests.
DRIVER_SOURCES := $(filter-out %_test.c %_vectors.h, \
	$(wildcard drivers/hwmon/sff8472/*.[ch])) \
	drivers/hwmon/sff8472/Makefile drivers/hwmon/sff8472/Kconfig
EMUL_SOURCES := $(filter-out %_test.c, \
	$(wildcard tools/testing/sff8472-emul/*.[ch])) \
	tools/testing/sff8472-emul/Makefile

.PHONY: all modules install modules_install uninstall have-kdir emulator \
	install-emulator have-version have-dkms not-packaged not-make-installed \
	dkms-source dkms-install dkms-remove deb info-deb tools tools_install deps \
	check demo bench fuzz fresh-root upstream clean driver-sources

all: modules

have-kdir:
	@test -f "$(KDIR)/Makefile" || { \
	echo "sff8472: no kernel build tree at $(KDIR)." >&2; \
	echo "sff8472: install the headers of the running kernel (Debian, Ubuntu: apt-get install linux-headers-$(KVER)), or set KDIR=." >&2; \
	exit 1; }

modules: have-kdir
	$(KBUILD) modules

# Distribution headers lack the kernel's signing key: sign only when the tree
# has one (a self-built kernel). DKMS signs with its own MOK key
# (Documentation/hwmon/sff8472-out-of-tree.rst, "Out-of-tree installation").
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

# The driver needs only the kernel's headers: the tool is installed with it
# when the C library's headers are there too (make tools_install insists).
install: modules_install
	$(RUN_DEPMOD)
	@if printf '#include <stdio.h>\n' | $(CC) -E -x c - >/dev/null 2>&1; then \
		$(MAKE) --no-print-directory tools_install; \
	else \
		echo "sff8472: sff8472-info not installed: no C library headers (Debian: apt-get install libc6-dev), then make tools_install"; \
	fi

# The user-space tool. A staging install (INSTALL_MOD_PATH) gets it too.
tools:
	$(MAKE) -C tools/sff8472-info

tools_install:
	$(MAKE) -C tools/sff8472-info DESTDIR=$(or $(DESTDIR),$(INSTALL_MOD_PATH)) install


emulator: have-kdir
	rm -rf $(EMUL_DIR)
	mkdir -p $(EMUL_DIR)
	cp -p --parents -t $(EMUL_DIR) Kbuild drivers/hwmon/sff8472/Makefile \
		drivers/hwmon/sff8472/*.h $(EMUL_SOURCES)
	$(EMUL_KBUILD) modules

install-emulator: emulator
	$(EMUL_KBUILD) INSTALL_MOD_DIR=updates $(SIGN) modules_install
	$(RUN_DEPMOD)

uninstall:
	rm -f $(INSTALL_MOD_PATH)/lib/modules/$(KVER)/updates/drivers/hwmon/sff8472/sff8472.ko* \
		$(addprefix $(INSTALL_MOD_PATH)/lib/modules/$(KVER)/updates/tools/testing/sff8472-emul/, \
		$(addsuffix .ko*,sff8472_emul sff8472_emul_mux))
	$(RUN_DEPMOD)

have-version:
	@test -n "$(VERSION)" && grep -qx 'PACKAGE_VERSION="$(VERSION)"' dkms.conf || { \
	echo "sff8472: dkms.conf's PACKAGE_VERSION is not SFF8472_VERSION ($(VERSION)) of sff8472_version.h" >&2; \
	exit 1; }

have-dkms:
	@command -v dkms >/dev/null || { \
	echo "sff8472: dkms not found; install the package dkms (Debian, Ubuntu: apt-get install dkms)" >&2; \
	exit 1; }

# The tree DKMS builds from, under $(DESTDIR) (the package's root, or /).
dkms-source: have-version
	rm -rf $(DESTDIR)$(DKMS_SRC)
	mkdir -p $(DESTDIR)$(DKMS_SRC)
	cp --parents -t $(DESTDIR)$(DKMS_SRC) dkms.conf Makefile Kbuild COPYING \
		$(DRIVER_SOURCES)

# A copy the package installed belongs to dpkg: leave it alone.
not-packaged:
	@! dpkg-query -S $(DKMS_SRC) >/dev/null 2>&1 || { \
	echo "sff8472: $(DKMS_SRC) belongs to the sff8472-dkms package (apt-get remove sff8472-dkms)" >&2; \
	exit 1; }

# DKMS refuses a module of its version that make install put there.
not-make-installed:
	@! ls $(INSTALL_MOD_PATH)/lib/modules/$(KVER)/updates/drivers/hwmon/sff8472/sff8472.ko* >/dev/null 2>&1 || { \
	echo "sff8472: make install put sff8472.ko in /lib/modules/$(KVER)/updates; run make uninstall first" >&2; \
	exit 1; }

dkms-install: have-dkms have-version have-kdir not-packaged not-make-installed
	test -z "$$(dkms status -m sff8472 -v $(VERSION))" || dkms remove -m sff8472 -v $(VERSION) --all
	$(MAKE) --no-print-directory dkms-source DESTDIR=
	dkms add -m sff8472 -v $(VERSION)
	dkms build -m sff8472 -v $(VERSION) -k $(KVER)
	dkms install -m sff8472 -v $(VERSION) -k $(KVER)

dkms-remove: have-dkms have-version not-packaged
	test -z "$$(dkms status -m sff8472 -v $(VERSION))" || dkms remove -m sff8472 -v $(VERSION) --all
	rm -rf $(DKMS_SRC)

# Hand-built, no debhelper: dkms's own common.postinst does what dh_dkms's
# postinst does. The package holds the sources only; DKMS builds on install.
deb: have-version
	@command -v dpkg-deb >/dev/null || { \
	echo "sff8472: dpkg-deb not found; install the package dpkg" >&2; exit 1; }
	rm -rf build/deb $(DEB)
	$(MAKE) --no-print-directory dkms-source DESTDIR=build/deb
	mkdir -p build/deb/DEBIAN build/deb/usr/share/doc/sff8472-dkms
	cp scripts/deb/copyright build/deb/usr/share/doc/sff8472-dkms/
	chmod -R u=rwX,go=rX build/deb
	sed -e 's/@VERSION@/$(VERSION)/' -e "s/@SIZE@/$$(du -sk --exclude=DEBIAN build/deb | cut -f1)/" \
		scripts/deb/control >build/deb/DEBIAN/control
	for f in postinst prerm; do \
		sed 's/@VERSION@/$(VERSION)/' scripts/deb/$$f >build/deb/DEBIAN/$$f && \
		chmod 0755 build/deb/DEBIAN/$$f || exit 1; \
	done
	dpkg-deb --root-owner-group --build build/deb $(DEB)
	$(MAKE) --no-print-directory info-deb

# sff8472-info for this machine's architecture, beside the DKMS package.
info-deb: have-version tools
	rm -rf build/info-deb sff8472-info_*.deb
	$(MAKE) -C tools/sff8472-info DESTDIR=$(CURDIR)/build/info-deb PREFIX=/usr install
	mkdir -p build/info-deb/DEBIAN build/info-deb/usr/share/doc/sff8472-info
	cp scripts/deb/copyright build/info-deb/usr/share/doc/sff8472-info/
	chmod -R u=rwX,go=rX build/info-deb
	sed -e 's/@VERSION@/$(VERSION)/' -e 's/@ARCH@/$(DEB_ARCH)/' \
		-e "s/@SIZE@/$$(du -sk --exclude=DEBIAN build/info-deb | cut -f1)/" \
		scripts/deb/control-info >build/info-deb/DEBIAN/control
	dpkg-deb --root-owner-group --build build/info-deb $(INFO_DEB)

deps:
	@scripts/deps.sh

# For scripts/driver-size.sh: the files that make the driver.
driver-sources:
	@printf '%s\n' $(DRIVER_SOURCES)

# The developer targets build kernels through ccache. In depend mode a miss
# costs no preprocessor run: a cold UML build took 238 s instead of 320.
check demo bench upstream fuzz: export CCACHE_DEPEND = 1

check:
	@scripts/check.sh

demo: deps
	@scripts/demo.sh

bench: deps
	@scripts/bench/run.sh

fresh-root:
	@scripts/fresh-root/run.sh

upstream:
	@scripts/upstream/run.sh

N ?= 100000
SEED ?= $(shell date +%s)
fuzz: deps
	@FUZZ_BOARDS=2 scripts/fuzz/run.sh $(N) $(SEED)

# Also from DKMS's copy of the sources, which has no .git.
clean:
	rm -rf build sff8472-dkms_*.deb sff8472-info_*.deb
	$(MAKE) -C tools/sff8472-info clean
	test ! -f "$(KDIR)/Makefile" || $(KBUILD) clean
	test ! -e .git || scripts/clean-sources.sh
