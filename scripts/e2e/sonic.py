#!/usr/bin/env python3
# Inside the board, as root: SONiC's SfpOptoeBase access pattern on every
# cage, judged against the emulator's own image (debugfs), never against
# the driver. Cages port1..portN from the device tree, plus one cage that
# platform code instantiates as "optoe2" through new_device on the one
# emulator adapter without a cage node (sff8472_emul.cages=MODE:internal).
#
# What SfpOptoeBase does, as sonic-platform-common's sfp_optoe_base.py:
#   read_eeprom(offset, n):  open(path, 'rb'), seek(offset), one read(n)
#   write_eeprom(offset, n, data): open(path, 'r+b'), seek, write
#   tx_disable(on): read_eeprom(366, 1), set/clear bit 6, write_eeprom it
#   back with the status bits as read
# plus port_name and write_max writes and the dev_class read of platform
# init scripts. Prints "ok: ..." or "FAILED: ..." per check; exit status 1
# on any failure.
#
#   sonic.py PORT=KIND...    KIND: ddm-txd (soft TX_DISABLE advertised),
#                            ddm (diagnostics, no soft TX_DISABLE),
#                            no-ddm (A0h only, nothing to write)
import errno
import glob
import os
import sys
import time

EMUL = '/sys/kernel/debug/sff8472-emul'
failed = 0


def check(name, ok, detail=''):
    global failed
    if ok:
        print(f'ok: {name}')
    else:
        failed += 1
        print(f'FAILED: {name}' + (f': {detail}' if detail else ''))


def read_eeprom(path, offset, n):
    """SfpOptoeBase.read_eeprom: None on an error, else the bytes read."""
    try:
        with open(path, mode='rb', buffering=0) as f:
            f.seek(offset)
            return f.read(n)
    except OSError:
        return None


def write_eeprom(path, offset, data):
    """SfpOptoeBase.write_eeprom: (True, None) or (False, errno)."""
    try:
        with open(path, mode='r+b', buffering=0) as f:
            f.seek(offset)
            f.write(data)
        return True, None
    except OSError as e:
        return False, e.errno


def emul_image(emul):
    with open(os.path.join(emul, 'image'), 'rb') as f:
        return f.read()


def dt_label(dev):
    try:
        with open(os.path.join(dev, 'of_node', 'label'), 'rb') as f:
            return f.read().rstrip(b'\0').decode()
    except OSError:
        return None


def cage_devices():
    """{label: device dir} of the device-tree cages."""
    out = {}
    for dev in glob.glob('/sys/bus/i2c/devices/*-0050'):
        label = dt_label(dev)
        if label:
            out[label] = dev
    return out


def emul_of(dev):
    bus = os.path.basename(dev).split('-')[0]
    return os.path.join(EMUL, f'i2c-{bus}')


def sysfs(dev, name, value=None):
    path = os.path.join(dev, name)
    if value is None:
        with open(path) as f:
            return f.read()
    try:
        with open(path, 'w') as f:
            f.write(value)
        return None
    except OSError as e:
        return e.errno


# (offset, length): within A0h, across A0h/A2h, thresholds, the live
# values, the control bytes, the user EEPROM, the end, the whole file.
RANGES = [(0, 1), (0, 128), (20, 16), (40, 16), (92, 4), (128, 128),
          (250, 12), (256, 96), (352, 24), (366, 1), (374, 1), (384, 120),
          (504, 8), (0, 512)]


def check_reads(tag, path, image, kind):
    for off, n in RANGES:
        got = read_eeprom(path, off, n)
        if kind == 'no-ddm' and off >= 256:
            check(f'{tag}: read {n} at {off} fails (no A2h)', got is None,
                  f'got {None if got is None else len(got)} bytes')
        elif kind == 'no-ddm' and off + n > 256:
            check(f'{tag}: read {n} at {off} is short at the end of A0h',
                  got == image[off:256], f'{got!r:.60}')
        else:
            check(f'{tag}: read {n} at {off} is the module\'s',
                  got == image[off:off + n],
                  f'{None if got is None else got.hex()[:64]} != '
                  f'{image[off:off + n].hex()[:64]}')


def tx_disable(path, on):
    """SfpOptoeBase.tx_disable on SFP: one byte at 366, bit 6."""
    byte = read_eeprom(path, 366, 1)
    if byte is None or len(byte) != 1:
        return False, None
    value = byte[0] | 0x40 if on else byte[0] & ~0x40
    return write_eeprom(path, 366, bytes([value]))


def check_tx_disable(tag, dev, path, emul, kind):
    before = emul_image(emul)
    ok, err = tx_disable(path, True)
    after = emul_image(emul)
    if kind != 'ddm-txd':
        check(f'{tag}: tx_disable refused', not ok,
              'the write was accepted')
        check(f'{tag}: tx_disable changed nothing', after == before)
        return
    check(f'{tag}: tx_disable(True) accepted', ok, f'errno {err}')
    check(f'{tag}: TX_DISABLE set in the module (A2h 110 bit 6)',
          after[366] & 0x40 == 0x40, f'{after[366]:#04x}')
    check(f'{tag}: only bit 6 of A2h 110 changed',
          after[:366] + after[367:] == before[:366] + before[367:] and
          (after[366] ^ before[366]) & ~0x40 == 0)
    check(f'{tag}: soft_tx_disable reads 1',
          sysfs(dev, 'soft_tx_disable') == '1\n')
    ok, err = tx_disable(path, False)
    check(f'{tag}: tx_disable(False) accepted', ok, f'errno {err}')
    check(f'{tag}: TX_DISABLE clear again', emul_image(emul) == before)


def check_refused_writes(tag, path, emul, kind):
    before = emul_image(emul)
    for off, data in [(0, b'\x00'), (384, b'SONIC'), (504, b'\x01'),
                      (352, b'\x00\x00')]:
        ok, err = write_eeprom(path, off, data)
        want = errno.EACCES if kind == 'no-ddm' else errno.EPERM
        check(f'{tag}: write of {len(data)} at {off} refused ({errno.errorcode[want]})',
              not ok and err == want, f'ok {ok} errno {err}')
    check(f'{tag}: refused writes changed nothing', emul_image(emul) == before)


def check_optoe_files(tag, dev, default_name):
    check(f'{tag}: dev_class reads 2', sysfs(dev, 'dev_class') == '2\n')
    check(f'{tag}: dev_class 2 accepted', sysfs(dev, 'dev_class', '2') is None)
    check(f'{tag}: dev_class 1 refused',
          sysfs(dev, 'dev_class', '1') == errno.EINVAL)
    check(f'{tag}: port_name starts as {default_name}',
          sysfs(dev, 'port_name') == default_name + '\n')
    check(f'{tag}: port_name written', sysfs(dev, 'port_name', 'Ethernet0') is None
          and sysfs(dev, 'port_name') == 'Ethernet0\n')
    check(f'{tag}: a 20-character port_name refused',
          sysfs(dev, 'port_name', 'E' * 20) == errno.EINVAL and
          sysfs(dev, 'port_name') == 'Ethernet0\n')
    check(f'{tag}: write_max 1 accepted', sysfs(dev, 'write_max', '1') is None
          and sysfs(dev, 'write_max') == '1\n')
    check(f'{tag}: write_max 0 refused',
          sysfs(dev, 'write_max', '0') == errno.EINVAL)


def check_cage(tag, dev, kind, default_name):
    path = os.path.join(dev, 'eeprom')
    emul = emul_of(dev)
    image = emul_image(emul)
    check_optoe_files(tag, dev, default_name)
    check_reads(tag, path, image, kind)
    check_tx_disable(tag, dev, path, emul, kind)
    check_refused_writes(tag, path, emul, kind)


def optoe2_cage():
    """Instantiate the adapter without a cage node as optoe2."""
    taken = {os.path.basename(d).split('-')[0]
             for d in glob.glob('/sys/bus/i2c/devices/*-0050')}
    free = [os.path.basename(a)[4:] for a in glob.glob('/sys/bus/i2c/devices/i2c-*')
            if os.path.basename(a)[4:] not in taken and
            os.path.isdir(os.path.join(EMUL, os.path.basename(a)))]
    if len(free) != 1:
        return None
    with open(f'/sys/bus/i2c/devices/i2c-{free[0]}/new_device', 'w') as f:
        f.write('optoe2 0x50')
    dev = f'/sys/bus/i2c/devices/{free[0]}-0050'
    for _ in range(50):
        if os.path.exists(os.path.join(dev, 'driver')):
            return dev
        time.sleep(0.1)
    return dev


def main():
    cages = cage_devices()
    for arg in sys.argv[1:]:
        label, kind = arg.split('=')
        dev = cages.get(label)
        check(f'{label}: cage found', dev is not None)
        if dev:
            check_cage(label, dev, kind, label)
    dev = optoe2_cage()
    check('optoe2: new_device binds the sff8472 driver', dev is not None and
          os.path.realpath(os.path.join(dev, 'driver')).endswith('/sff8472'))
    if dev:
        check('optoe2: name is optoe2', sysfs(dev, 'name') == 'optoe2\n')
        check_cage('optoe2', dev, 'ddm-txd', os.path.basename(dev))
    return 1 if failed else 0


if __name__ == '__main__':
    sys.exit(main())
