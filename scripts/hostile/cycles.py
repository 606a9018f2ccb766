#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-2.0-only
"""Inside the board: unbind/bind and remove/insert cycles, then leaks.

Each cage, in a process of its own (so cages cycle at the same time),
runs its share of N unbind/bind cycles (the driver unbound and bound
again: a full remove and probe) and of N remove/insert cycles (the module
pulled out and pushed in again through the emulator, the driver told to
look at once through its hotplug_state "check"); after each step it waits
until the driver shows the new state (present 0/1, hwmon gone/back).

Before and after (after a warm-up of the same cycles, with the page cache
dropped, so KASAN's quarantine and the kernel's caches are in a steady
state) it counts the devices (I2C clients, hwmon, nvmem) and the active
objects of every slab cache; kmemleak, when on (kmemleak=on), is scanned
after the warm-up (its reports then are the baseline, not ours, and are
cleared) and after the cycles.

  cycles.py OUT N CAGE...      CAGE: DEV:EMUL:HOTPLUG_STATE_FILE

Prints ok:/FAILED: lines, then "cycles N" and "leaks N".
"""
import glob
import os
import sys
import time

DRIVER = '/sys/bus/i2c/drivers/sff8472'
KMEMLEAK = '/sys/kernel/debug/kmemleak'
WARMUP = 20
STEP_TIMEOUT_S = 10
# kmemleak reports only objects older than 5 s (MSECS_MIN_AGE).
KMEMLEAK_AGE_S = 6
QUARANTINE_OPENS = 6000
SLAB_NOISE = 200


def write(path, text):
    with open(path, 'w') as f:
        f.write(text)


def read(path):
    try:
        with open(path) as f:
            return f.read().strip()
    except OSError:
        return None


def wait_for(what, cond):
    end = time.monotonic() + STEP_TIMEOUT_S
    while not cond():
        if time.monotonic() > end:
            raise RuntimeError(f'timed out waiting for {what}')
        time.sleep(0.005)


def shows(dev, present):
    """The driver is bound and shows the module in or out, hwmon with it."""
    return (os.path.exists(f'{dev}/driver') and
            read(f'{dev}/present') == str(int(present)) and
            bool(glob.glob(f'{dev}/hwmon/hwmon*')) == present)


def bind_cycle(dev):
    name = os.path.basename(dev)
    write(f'{DRIVER}/unbind', name)
    if os.path.exists(f'{dev}/driver') or os.path.exists(f'{dev}/hwmon'):
        raise RuntimeError(f'{name} still bound after unbind')
    write(f'{DRIVER}/bind', name)
    wait_for(f'{name} bound', lambda: shows(dev, True))


def plug_cycle(dev, emul, hp):
    write(f'{emul}/present', '0')
    write(hp, 'check')
    wait_for(f'{dev} empty', lambda: shows(dev, False))
    write(f'{emul}/present', '1')
    write(hp, 'check')
    wait_for(f'{dev} present', lambda: shows(dev, True))


def run_cycles(n, cages):
    """n of each kind, shared among the cages; one process per cage."""
    pids = []
    for i, (dev, emul, hp) in enumerate(cages):
        share = n // len(cages) + (i < n % len(cages))
        pid = os.fork()
        if pid == 0:
            try:
                for _ in range(share):
                    bind_cycle(dev)
                    plug_cycle(dev, emul, hp)
            except (OSError, RuntimeError) as e:
                print(f'cycles: {dev}: {e}', file=sys.stderr)
                os._exit(1)
            os._exit(0)
        pids.append(pid)
    return all(os.waitpid(p, 0)[1] == 0 for p in pids)


def devices():
    return {what: len(glob.glob(pattern)) for what, pattern in (
        ('i2c clients', '/sys/bus/i2c/devices/*-*'),
        ('hwmon', '/sys/class/hwmon/hwmon*'),
        ('nvmem', '/sys/bus/nvmem/devices/*'))}


def flush_quarantine():
    """Push what the cycles freed out of KASAN's quarantine.

    KASAN keeps freed objects allocated in a FIFO quarantine of up to 1/32
    of memory (12 MB here) before they go back to their slab; so many
    opens of a seq_file (a 4 KB buffer each, and a struct file) push
    everything older out.
    """
    for _ in range(QUARANTINE_OPENS):
        with open('/proc/self/stat') as f:
            f.read()


def slabs():
    """{cache: active objects} from /proc/slabinfo."""
    write('/proc/sys/vm/drop_caches', '3')
    flush_quarantine()
    out = {}
    for line in open('/proc/slabinfo').readlines()[2:]:
        f = line.split()
        out[f[0]] = int(f[1])
    return out


def kmemleak_scan():
    """The unreferenced objects kmemleak reports now, or None if it is off."""
    if not os.path.exists(KMEMLEAK):
        return None
    try:
        time.sleep(KMEMLEAK_AGE_S)
        write(KMEMLEAK, 'scan')
        write(KMEMLEAK, 'scan')
    except OSError:
        return None		# kmemleak=off: the file refuses commands
    return open(KMEMLEAK).read()


def check(name, ok, detail=''):
    print(f'ok: {name}' if ok else f'FAILED: {name}: {detail}')
    return ok


def main():
    out, n = sys.argv[1], int(sys.argv[2])
    cages = [c.split(':') for c in sys.argv[3:]]
    os.makedirs(out, exist_ok=True)
    check(f'{WARMUP} warm-up cycles', run_cycles(WARMUP, cages))
    baseline = kmemleak_scan()
    if baseline is not None:
        open(f'{out}/kmemleak-baseline', 'w').write(baseline)
        write(KMEMLEAK, 'clear')
    dev_before, slab_before = devices(), slabs()

    start = time.monotonic()
    ok = check(f'{n} unbind/bind and {n} remove/insert cycles over '
               f'{len(cages)} cages', run_cycles(n, cages))
    print(f'cycle time {time.monotonic() - start:.1f} s')

    dev_after, slab_after = devices(), slabs()
    check(f'devices before and after: {dev_before}', dev_before == dev_after,
          f'after: {dev_after}')
    # A leak of one object every other cycle grows its cache by n/2; the
    # rest of the kernel (these processes, sysfs lookups) moves a cache by
    # up to about 100 objects, so fewer than 2 * SLAB_NOISE cycles cannot
    # tell.
    limit = max(n // 2, SLAB_NOISE)
    grown = {c: slab_after.get(c, 0) - v for c, v in slab_before.items()
             if slab_after.get(c, 0) - v >= limit}
    with open(f'{out}/slabs', 'w') as f:
        for c, v in sorted(slab_before.items()):
            f.write(f'{c} {v} {slab_after.get(c, 0)}\n')
    check(f'no slab cache grew by {limit} objects or more', not grown,
          str(grown))
    leaks = kmemleak_scan()
    wanted = 'kmemleak=on' in open('/proc/cmdline').read().split()
    if leaks is None:
        if wanted:
            check('kmemleak is on', False, 'kmemleak=on but no kmemleak')
        print('kmemleak: off')
        nleaks = 0
    else:
        open(f'{out}/kmemleak', 'w').write(leaks)
        nleaks = leaks.count('unreferenced object')
        check('kmemleak: no leak after the cycles', nleaks == 0, leaks[:3000])
    print(f'cycles {2 * n if ok else 0}')
    print(f'leaks {nleaks}')


if __name__ == '__main__':
    main()
