#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-2.0-only
"""Check what a Debian kernel booted under QEMU showed (scripts/qemu/init).

The values come from the emulator's image bytes through the independent
reference of scripts/e2e/check.py (SFF-8472's tables and
kunit/gen_calibration_vectors.py), never from the driver.

  check.py OUT KVER VERSION LABEL=KIND...     KIND: ddm, no-ddm, empty
"""

import os
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(HERE, '..', 'e2e'))
import check as e2e  # noqa: E402

# O, E and N in Documentation/admin-guide/tainted-kernels.rst
TAINT_OOT, TAINT_UNSIGNED, TAINT_TEST = 1 << 12, 1 << 13, 1 << 18


def check_taints(res, out, kver, steps):
    """The driver taints only as out of tree (O) and unsigned (E). The
    emulator may add N (test) too: modpost marks modules under
    tools/testing/ as test modules, and since 6.13 an M= build names them
    so (relative to the module directory); nothing else may."""
    driver = steps.get('taint_sff8472', '?')
    emul = steps.get('taint_sff8472_emul', '?')
    res.check(f'{kver}: the driver taints only out of tree (O) and unsigned (E): {driver!r}',
              'O' in driver and set(driver) <= set('OE'))
    res.check(f'{kver}: the emulator taints only O, E and test (N): {emul!r}',
              'O' in emul and set(emul) <= set('OEN'))
    tainted = int(open(os.path.join(out, 'tainted')).read().strip() or -1)
    allowed = TAINT_OOT | TAINT_UNSIGNED | (TAINT_TEST if 'N' in emul else 0)
    res.check(f'{kver}: the kernel\'s taints are only O, E and the emulator\'s N: {tainted}',
              tainted & TAINT_OOT and not tainted & ~allowed)


def main():
    out, kver, version = sys.argv[1:4]
    labels = [tuple(a.split('=', 1)) for a in sys.argv[4:]]
    res = e2e.Results()
    steps = e2e.read_pairs(os.path.join(out, 'steps'))
    res.check(f'{kver}: the guest runs Debian\'s kernel {kver}', steps.get('uname') == kver,
              steps.get('uname', 'missing'))
    # The driver from DKMS; the emulator, never packaged, from make
    # install-emulator (scripts/dkms-install.sh).
    dkms_dir = f'/lib/modules/{kver}/updates/dkms/'
    emul_dir = f'/lib/modules/{kver}/updates/tools/testing/sff8472-emul/'
    for mod, step, where in (('sff8472_emul', 'modprobe_emul', emul_dir),
                             ('sff8472', 'modprobe_sff8472', dkms_dir)):
        res.check(f'{kver}: modprobe {mod} succeeds', steps.get(step) == '0', steps.get(step, ''))
        path = steps.get(f'path_{mod}', '')
        res.check(f'{kver}: modprobe finds {mod} in {where}', path.startswith(where + mod),
                  path)
    res.check(f'{kver}: the loaded module is version {version}', steps.get('version') == version,
              steps.get('version', ''))
    for i, (label, kind) in enumerate(labels, 1):
        res.check(f'{kver}: new_device binds {label}', steps.get(f'new_device_port{i}') == '0')
        e2e.check_cage(res, out, kver, label, kind, dt_label=False)
    e2e.check_sensors(res, out, kver, labels)

    for step in ('delete_device_port1', 'unload_sff8472', 'unload_sff8472_emul'):
        res.check(f'{kver}: {step} succeeds', steps.get(step) == '0', steps.get(step, 'missing'))

    check_taints(res, out, kver, steps)
    reports = subprocess.run([os.path.join(HERE, '..', 'sanitiser-reports.sh'),
                              os.path.join(out, 'dmesg')], capture_output=True, text=True)
    res.check(f'{kver}: no warning, oops or BUG in dmesg, unload included', reports.returncode == 1,
              reports.stdout[:2000])
    return e2e.finish(res, f'qemu {kver}')


if __name__ == '__main__':
    sys.exit(main())
