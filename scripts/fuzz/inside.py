#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-2.0-only
"""Inside the board (scripts/fuzz/inside.sh): one worker, two cages bound
to the driver in different adapter modes, one long-lived process (under
UML with KASAN every exec costs tens of milliseconds).

Each image of the worker's share goes through a probe in one cage (driver
unbound, image loaded, driver bound) and a hot swap in the other (the
image replaces the module the cage holds, then "check" kicks the hot-plug
state machine); the cages take turns. After each, every file of the
device, of its hwmon device and the eeprom file are read. One JSON line per
image and operation goes to OUT; scripts/fuzz/judge.py judges them.

An image with a fault in WORK/faults (scripts/fuzz/images.py) has it
armed in the emulator during its hot swap (phase "swap": once the new
module is in the cage, before the kick; the look is kicked again every
KICK_S until the driver shows the module, as its periodic look would) or
while its files are read after the swap (phase "read"), and cleared after
the files were read. Its record names the fault.

  inside.py WORK WORKER WORKERS OUT DEV:EMUL:MODE DEV:EMUL:MODE
"""

import errno
import glob
import json
import os
import sys
import time

SKIP = {'uevent', 'eeprom'}
SWAP_TIMEOUT_S = 5.0
KICK_S = 0.05


class Cage:
    def __init__(self, spec):
        self.dev, self.emul, self.mode = spec.split(':')
        self.name = os.path.basename(self.dev)
        bus = self.name.split('-')[0]
        self.state = f'/sys/kernel/debug/i2c/i2c-{bus}/{self.name}/hotplug_state'
        self.driver = '/sys/bus/i2c/drivers/sff8472'
        with open(self.emul + '/image', 'rb') as f:
            self.image = f.read()

    def load(self, img):
        with open(self.emul + '/image', 'wb', buffering=0) as f:
            f.write(img)
        self.image = img

    def write(self, path, text):
        try:
            with open(path, 'w') as f:
                f.write(text)
            return None
        except OSError as e:
            return errno.errorcode.get(e.errno, str(e.errno))

    def kick(self):
        return self.write(self.state, 'check')

    def fault(self, cmd):
        return self.write(self.emul + '/faults', cmd)

    def eeprom_a0(self):
        try:
            fd = os.open(self.dev + '/eeprom', os.O_RDONLY)
        except OSError:
            return None
        try:
            return os.pread(fd, 256, 0)
        except OSError:
            return None
        finally:
            os.close(fd)

    def read1(self, path):
        try:
            with open(path, 'rb', buffering=0) as f:
                return f.read(4096).decode('latin-1')
        except OSError as e:
            return '!' + errno.errorcode.get(e.errno, str(e.errno))


def read_dir(cage, path):
    files = {}
    try:
        entries = list(os.scandir(path))
    except OSError:
        return None
    for e in entries:
        if e.name not in SKIP and e.is_file(follow_symlinks=False):
            files[e.name] = cage.read1(e.path)
    return files


def eeprom(cage, path):
    """Each page of the eeprom file (or the nvmem device): "same" as the
    image, "!ERRNO", or hex."""
    pages = []
    try:
        fd = os.open(path, os.O_RDONLY)
    except OSError as e:
        return ['!' + errno.errorcode.get(e.errno, '?')] * 2
    try:
        for page in range(2):
            want = cage.image[256 * page:256 * page + 256]
            try:
                got = os.pread(fd, 256, 256 * page)
            except OSError as e:
                pages.append('!' + errno.errorcode.get(e.errno, '?'))
                continue
            pages.append('same' if got == want and want else got.hex())
    finally:
        os.close(fd)
    return pages


def snapshot(cage):
    hw = None
    try:
        names = [n for n in os.listdir(cage.dev + '/hwmon') if n.startswith('hwmon')]
    except OSError:
        names = []
    if names:
        hw = read_dir(cage, cage.dev + '/hwmon/' + names[0])
    # The nvmem device, a child of the client: B-0050N, N as nvmem numbers it.
    nvmem = (glob.glob(cage.dev + '/*/nvmem') + ['missing'])[0]
    return {'dev': read_dir(cage, cage.dev), 'hwmon': hw,
            'eeprom': eeprom(cage, cage.dev + '/eeprom'), 'nvmem': eeprom(cage, nvmem),
            'state': cage.read1(cage.state).strip()}


def probe(cage, img):
    err = cage.write(cage.driver + '/unbind', cage.name)
    cage.load(img)
    err = err or cage.write(cage.driver + '/bind', cage.name)
    return {'bind': err}


def wait_for(cage, img, rekick=False):
    """Until the driver shows @img (or, for an A0h of all FFh, no module);
    with @rekick, the look is kicked again every KICK_S."""
    start = kicked = time.monotonic()
    gone = img[:256] == b'\xff' * 256
    while time.monotonic() - start < SWAP_TIMEOUT_S:
        if gone:
            if cage.read1(cage.dev + '/present') == '0\n':
                return True
        elif cage.eeprom_a0() == img[:256]:
            return True
        time.sleep(0.002)
        if rekick and time.monotonic() - kicked > KICK_S:
            cage.kick()
            kicked = time.monotonic()
    return False


def unlike(*values):
    """A byte value none of @values is."""
    return min(set(range(len(values) + 1)) - set(values))


def swap(cage, img, fault=None):
    """Replace the module in a bound cage. The look compares CC_BASE and
    CC_EXT (A0h 63, 95), or CC_DMI (A2h 95) for an address change module
    answering at A2h; if they are the old module's, another module in
    between makes the swap visible, as a real pull and push would."""
    info = {}
    old = cage.image
    same = old[63:64] == img[63:64] and old[95:96] == img[95:96]
    if len(old) == 512 and old[92] & 0x04:
        same = same or old[351:352] == img[351:352]
    if same:
        decoy = bytearray(img)
        decoy[63] = unlike(old[63], img[63])
        if len(decoy) == 512:
            decoy[351] = unlike(old[351] if len(old) == 512 else 0, img[351])
        cage.load(bytes(decoy))
        cage.kick()
        info['decoy'] = wait_for(cage, decoy)
    cage.load(img)
    armed = fault is not None and fault[1] == 'swap'
    if armed:
        info['fault_err'] = cage.fault(fault[2])
    info['kick'] = cage.kick()
    t = time.monotonic()
    info['seen'] = wait_for(cage, img, armed)
    info['ms'] = round((time.monotonic() - t) * 1000)
    if fault is not None and fault[1] == 'read':
        info['fault_err'] = cage.fault(fault[2])
    return info


def main():
    work, worker, workers, out = sys.argv[1], int(sys.argv[2]), int(sys.argv[3]), sys.argv[4]
    cages = [Cage(s) for s in sys.argv[5:7]]
    manifest = [line.split() for line in open(os.path.join(work, 'manifest'))]
    faults = {}
    if os.path.exists(os.path.join(work, 'faults')):
        for line in open(os.path.join(work, 'faults')):
            index, kind, phase, cmd = line.rstrip('\n').split(' ', 3)
            faults[index] = (kind, phase, cmd)
    blob = open(os.path.join(work, 'images.bin'), 'rb')
    with open(out, 'w') as f:
        for pos in range(worker, len(manifest), workers):
            index, category, length = manifest[pos][0], manifest[pos][1], int(manifest[pos][2])
            blob.seek(512 * pos)
            img = blob.read(512)[:length]
            turn = (pos // workers) % 2
            for op, cage in (('probe', cages[turn]), ('swap', cages[1 - turn])):
                fault = faults.get(index) if op == 'swap' else None
                info = probe(cage, img) if op == 'probe' else swap(cage, img, fault)
                rec = {'index': int(index), 'category': category, 'op': op,
                       'mode': cage.mode, 'cage': cage.name}
                rec.update(info)
                rec.update(snapshot(cage))
                if fault:
                    rec['fault'] = f'{fault[0]}: {fault[2]}'
                    rec['fault_clear'] = cage.fault('clear')
                f.write(json.dumps(rec) + '\n')
            f.flush()
    return 0


if __name__ == '__main__':
    sys.exit(main())
