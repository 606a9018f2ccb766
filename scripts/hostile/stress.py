#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-2.0-only
"""Inside the board: readers, module swappers and driver rebinders at once.

One process per role, forked from this one so that they share one clock
(CLOCK_MONOTONIC) and one start; under UML with KASAN a process start
costs much more than a read. Each role logs what it did, one line per
operation, "T0 T1 WHAT VALUE" (nanoseconds before and after), into
OUT/<role>.log; scripts/hostile/check.py judges them on the host.

  stress.py OUT SECONDS CAGE...
  stress.py --shared OUT SECONDS CAGE...
      CAGE: LABEL:DEV:EMUL:TAGDIR:TAG,TAG,...:REBIND (1 or 0)

Per cage: a reader of hwmon (temp1_input, temp1_crit, in0_input), one of
sysfs (vendor_sn, vcc_100uv), one of the eeprom file and the nvmem file
(512 bytes in one read; logs the SHA-1 of each half), one that keeps
vendor_sn, temp1_input and eeprom open and reads them again through the
same descriptors, a swapper that pulls the module out (debugfs present)
and pushes another tagged one in (debugfs image) and, with REBIND 1, a
rebinder that unbinds and binds the driver. The first tag of a cage is the
module in it at the start.

With --shared (boards of many cages, e.g. 16 behind PCA9548 switches),
five processes share all the cages instead: one reads hwmon and sysfs of
each cage in turn, one the eeprom and nvmem files, one the held
descriptors, one swaps the module of a cage picked at random, and one
unbinds and binds the driver of a random cage among those with REBIND 1.
They log into the same per-cage files, so check.py judges them alike. Exit status 1 when a role failed (an error
where none may be, on stderr) or did not finish within 30 s of the end (a
hang).
"""
import errno
import glob
import hashlib
import os
import random
import signal
import sys
import time

DRIVER = '/sys/bus/i2c/drivers/sff8472'
HWMON_FILES = ('temp1_input', 'temp1_crit', 'in0_input')
SYSFS_FILES = ('vendor_sn', 'vcc_100uv')
HANG_S = 30


def now():
    return time.monotonic_ns()


def read_file(path, size=4096):
    """(bytes, None) or (None, errno name), from one open and one read."""
    try:
        fd = os.open(path, os.O_RDONLY)
        try:
            return os.read(fd, size), None
        finally:
            os.close(fd)
    except OSError as e:
        return None, errno.errorcode[e.errno]


def write_file(path, data):
    fd = os.open(path, os.O_WRONLY)
    try:
        os.write(fd, data)
    finally:
        os.close(fd)


class Log:
    def __init__(self, path):
        self.f = open(path, 'w', buffering=1 << 16)

    def op(self, t0, what, value):
        self.f.write(f'{t0} {now()} {what} {value}\n')


def hwmon_dir(dev):
    found = glob.glob(f'{dev}/hwmon/hwmon*')
    return found[0] if found else None


def text_reader(log, end, files, directory):
    """Read each file in turn; `directory` finds where they are now."""
    while now() < end:
        once(log, files, directory)


def once(log, files, directory):
    """Each of @files once."""
    for name in files:
        t0 = now()
        d = directory()
        if d is None:
            log.op(t0, name, '!ENOENT')
        else:
            data, err = read_file(f'{d}/{name}')
            log.op(t0, name, '!' + err if err else data.decode().strip() or '-')


def eeprom_text(data):
    """SIZE:HASH,HASH: the size read and the SHA-1 of each 256-byte half."""
    halves = [hashlib.sha1(data[i:i + 256]).hexdigest()[:16]
              for i in range(0, len(data), 256)]
    return f'{len(data)}:' + ','.join(halves)


def eeprom_reader(log, end, dev, once_only=False):
    """512 bytes in one read from the eeprom file, then from nvmem."""
    while now() < end:
        if once_only:
            end = 0
        for what in ('eeprom', 'nvmem'):
            t0 = now()
            path = f'{dev}/eeprom'
            if what == 'nvmem':
                found = glob.glob(f'{dev}/*/nvmem')
                path = found[0] if found else f'{dev}/nvmem-gone'
            data, err = read_file(path, 512)
            log.op(t0, what, '!' + err if err else eeprom_text(data))


def held_reader(log, end, dev):
    """Files opened once and read again and again through the same
    descriptor (as a monitoring agent may keep them), across swaps and
    rebinds: opened again only after a read failed."""
    fds = {}
    while now() < end:
        held_reads(log, dev, fds)


def held_reads(log, dev, fds):
    """One round of held_reader's reads, through the descriptors @fds."""
    paths = {'vendor_sn': lambda: f'{dev}/vendor_sn',
             'temp1_input': lambda: f'{hwmon_dir(dev)}/temp1_input',
             'eeprom': lambda: f'{dev}/eeprom'}
    for name, path in paths.items():
        t0 = now()
        try:
            if name not in fds:
                fds[name] = os.open(path(), os.O_RDONLY)
            data = os.pread(fds[name], 512, 0)
        except OSError as e:
            log.op(t0, name, '!' + errno.errorcode[e.errno])
            if name in fds:
                os.close(fds.pop(name))
            continue
        if name == 'eeprom':
            log.op(t0, name, eeprom_text(data))
        else:
            log.op(t0, name, data.decode().strip() or '-')


def swapper(log, end, emul, tagdir, tags):
    """Pull the module out, leave the cage empty a moment, push the next in."""
    rng = random.Random(tags[0])
    images = {t: open(f'{tagdir}/tag{t}.bin', 'rb').read() for t in tags}
    cur = tags[0]
    log.op(0, 'in', cur)
    while now() < end:
        time.sleep(rng.uniform(0.1, 2.0))
        t0 = now()
        write_file(f'{emul}/present', b'0')
        log.op(t0, 'out', cur)
        time.sleep(rng.uniform(0.0, 0.4))
        cur = rng.choice([t for t in tags if t != cur])
        t0 = now()
        write_file(f'{emul}/image', images[cur])
        log.op(t0, 'in', cur)


def rebinder(log, end, dev, seed):
    """Unbind the driver from the cage and bind it again."""
    rng = random.Random(seed)
    name = os.path.basename(dev).encode()
    while now() < end:
        time.sleep(rng.uniform(0.5, 1.5))
        t0 = now()
        write_file(f'{DRIVER}/unbind', name)
        log.op(t0, 'unbind', 0)
        time.sleep(rng.uniform(0.0, 0.2))
        t0 = now()
        write_file(f'{DRIVER}/bind', name)
        log.op(t0, 'bind', 0)


def shared_roles(cages, end, out):
    """(name, function) of the five processes that share all @cages; each
    logs into the per-cage files (LABEL-ROLE.log) itself."""
    specs = [spec.split(':') for spec in cages]

    def logs(role):
        return {label: Log(f'{out}/{label}-{role}.log') for label, *_ in specs}

    def readers(_):
        hw, sysfs = logs('hwmon'), logs('sysfs')
        while now() < end:
            for label, dev, *_ in specs:
                once(hw[label], HWMON_FILES, lambda d=dev: hwmon_dir(d))
                once(sysfs[label], SYSFS_FILES, lambda d=dev: d)
        close(hw, sysfs)

    def eeproms(_):
        ee = logs('eeprom')
        while now() < end:
            for label, dev, *_ in specs:
                eeprom_reader(ee[label], now() + 1, dev, once_only=True)
        close(ee)

    def held(_):
        hl = logs('held')
        fds = {label: {} for label, *_ in specs}
        while now() < end:
            for label, dev, *_ in specs:
                held_reads(hl[label], dev, fds[label])
        close(hl)

    def swaps(_):
        sw = logs('swap')
        rng = random.Random(len(specs))
        state = {}
        for label, _, emul, tagdir, tags, _ in specs:
            tags = [int(t) for t in tags.split(',')]
            images = {t: open(f'{tagdir}/tag{t}.bin', 'rb').read() for t in tags}
            state[label] = [emul, tags, images, tags[0]]
            sw[label].op(0, 'in', tags[0])
        while now() < end:
            time.sleep(rng.uniform(0.02, 0.2))
            label = rng.choice(list(state))
            emul, tags, images, cur = state[label]
            t0 = now()
            write_file(f'{emul}/present', b'0')
            sw[label].op(t0, 'out', cur)
            time.sleep(rng.uniform(0.0, 0.2))
            cur = rng.choice([t for t in tags if t != cur])
            t0 = now()
            write_file(f'{emul}/image', images[cur])
            sw[label].op(t0, 'in', cur)
            state[label][3] = cur
        close(sw)

    def binds(_):
        rebound = [(label, dev) for label, dev, *_, rebind in specs if rebind == '1']
        bl = logs('bind')
        rng = random.Random(len(rebound))
        while now() < end and rebound:
            time.sleep(rng.uniform(0.1, 0.5))
            label, dev = rng.choice(rebound)
            name = os.path.basename(dev).encode()
            t0 = now()
            write_file(f'{DRIVER}/unbind', name)
            bl[label].op(t0, 'unbind', 0)
            time.sleep(rng.uniform(0.0, 0.2))
            t0 = now()
            write_file(f'{DRIVER}/bind', name)
            bl[label].op(t0, 'bind', 0)
        close(bl)

    return [('shared-readers', readers), ('shared-eeprom', eeproms),
            ('shared-held', held), ('shared-swap', swaps), ('shared-bind', binds)]


def close(*groups):
    for logs in groups:
        for log in logs.values():
            log.f.close()


def roles(cages, end):
    """(name, function) of every process to fork."""
    out = []
    for spec in cages:
        label, dev, emul, tagdir, tags, rebind = spec.split(':')
        tags = [int(t) for t in tags.split(',')]
        out += [
            (f'{label}-hwmon', lambda log, d=dev: text_reader(
                log, end, HWMON_FILES, lambda: hwmon_dir(d))),
            (f'{label}-sysfs', lambda log, d=dev: text_reader(
                log, end, SYSFS_FILES, lambda: d)),
            (f'{label}-eeprom', lambda log, d=dev: eeprom_reader(log, end, d)),
            (f'{label}-held', lambda log, d=dev: held_reader(log, end, d)),
            (f'{label}-swap', lambda log, e=emul, td=tagdir, t=tags:
                swapper(log, end, e, td, t)),
        ]
        if rebind == '1':
            out.append((f'{label}-bind', lambda log, d=dev, s=label:
                        rebinder(log, end, d, s)))
    return out


def run_role(name, fn, path):
    """In the forked process: the role, and its exit status."""
    try:
        log = Log(path)
        fn(log)
        log.f.close()
        return 0
    except Exception as e:  # noqa: BLE001 - any failure ends the role
        print(f'stress: {name}: {e!r}', file=sys.stderr)
        return 1


def main():
    args = sys.argv[1:]
    shared = args[0] == '--shared'
    if shared:
        args = args[1:]
    out, seconds, cages = args[0], float(args[1]), args[2:]
    os.makedirs(out, exist_ok=True)
    end = now() + int(seconds * 1e9)
    pids = {}
    for name, fn in (shared_roles(cages, end, out) if shared else roles(cages, end)):
        pid = os.fork()
        if pid == 0:
            os._exit(run_role(name, fn, f'{out}/{name}.log'))
        pids[pid] = name
    status = 0
    deadline = time.monotonic() + seconds + HANG_S
    while pids and time.monotonic() < deadline:
        pid, st = os.waitpid(-1, os.WNOHANG)
        if pid == 0:
            time.sleep(0.2)
            continue
        if st != 0:
            print(f'stress: {pids[pid]} failed (status {st})', file=sys.stderr)
            status = 1
        del pids[pid]
    for pid, name in pids.items():
        print(f'stress: {name} hung', file=sys.stderr)
        os.kill(pid, signal.SIGKILL)
        status = 1
    sys.exit(status)


if __name__ == '__main__':
    main()
