#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-2.0-only
"""Check what the emulated board showed against independent expectations.

Reads the snapshots scripts/e2e/collect.sh wrote (per cage: the emulator's
image, the eeprom file, sysfs, hwmon, modes, and `sensors -u`) and computes
what a user must see from the image bytes alone, with SFF-8472's tables and
the exact reference of kunit/gen_calibration_vectors.py: never from the
driver. Prints one "ok:"/"FAILED:" line per check and the counts.

  check.py OUT MODE LABEL=KIND...     KIND: ddm, no-ddm, empty
"""

import os
import re
import struct
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(HERE, '..', '..', 'kunit'))
import gen_calibration_vectors as ref  # noqa: E402

CHANNELS = [  # hwmon name, label, spec channel, sensors -u divisor
    ('temp1', 'temperature', ref.TEMP, 1000),
    ('in0', 'VCC', ref.VCC, 1000),
    ('curr1', 'bias', ref.BIAS, 1000),
    ('power1', 'TX_power', ref.TX, 1000000),
    ('power2', 'RX_power', ref.RX, 1000000),
]
# hwmon limit suffix -> offset of its threshold in a channel's 8 bytes (Table 3.15)
LIMITS = {'crit': 0, 'lcrit': 2, 'max': 4, 'min': 6}
# hwmon alarm suffix -> (flag byte offset from 112, bit) for channel index 0..4
ALARM_BYTES = {'crit_alarm': (0, 'high'), 'lcrit_alarm': (0, 'low'),
               'max_alarm': (4, 'high'), 'min_alarm': (4, 'low')}
EXT_SLOPE = {ref.TEMP: 84, ref.VCC: 88, ref.BIAS: 76, ref.TX: 80}


class Results:
    def __init__(self):
        self.passed = self.failed = 0

    def check(self, name, ok, detail=''):
        if ok:
            self.passed += 1
            print(f'ok: {name}')
        else:
            self.failed += 1
            print(f'FAILED: {name}{": " + detail if detail else ""}')
        return ok


def be16(b, off):
    return struct.unpack_from('>H', b, off)[0]


def calibrate(a0, a2, ch, raw):
    """Expected hwmon value of raw A/D value `raw`, per the spec."""
    external = bool(a0[92] & 0x10)
    if ch == ref.RX and external:
        coef = [struct.unpack_from('>I', a2, 72 - 4 * i)[0] for i in range(5)]
        value, err, _ = ref.rx(ref.HWMON, raw, coef)
        return None if err else value
    slope = be16(a2, EXT_SLOPE[ch]) if ch != ref.RX else 256
    offset = struct.unpack_from('>h', a2, EXT_SLOPE[ch] + 2)[0] if ch != ref.RX else 0
    return ref.linear(ch, ref.HWMON, external, slope, offset, raw)


def flag(a2, base, ch, which):
    """Alarm/warning flag bit of channel ch from A2h 112-113 / 116-117 (Table 3.18)."""
    bit = 15 - 2 * ch - (0 if which == 'high' else 1)
    word = be16(a2, 112 + base)
    return (word >> bit) & 1


def expected_hwmon(image):
    """{file: value} a user must read from the hwmon directory."""
    a0, a2 = image[:256], image[256:512]
    exp = {'name': 'sff8472'}
    for i, (name, label, ch, _) in enumerate(CHANNELS):
        exp[f'{name}_label'] = label
        exp[f'{name}_input'] = calibrate(a0, a2, ch, be16(a2, 96 + 2 * i))
        for suffix, off in LIMITS.items():
            exp[f'{name}_{suffix}'] = calibrate(a0, a2, ch, be16(a2, 8 * i + off))
        if a0[93] & 0x80:
            for suffix, (base, which) in ALARM_BYTES.items():
                exp[f'{name}_{suffix}'] = flag(a2, base, i, which)
        else:
            v = exp[f'{name}_input']
            exp[f'{name}_lcrit_alarm'] = int(v < exp[f'{name}_lcrit'])
            exp[f'{name}_min_alarm'] = int(v < exp[f'{name}_min'])
            exp[f'{name}_max_alarm'] = int(v > exp[f'{name}_max'])
            exp[f'{name}_crit_alarm'] = int(v > exp[f'{name}_crit'])
    return exp


def read_pairs(path):
    """{name: value} from "name value" lines (steps, stats)."""
    pairs = {}
    if os.path.exists(path):
        for line in open(path, encoding='utf-8', errors='replace'):
            k, _, v = line.rstrip('\n').partition(' ')
            pairs[k] = v
    return pairs


def in_hwmon(path):
    return '/hwmon/hwmon' in path


def read_files(path, hwmon):
    """{file name: value or "!error"} of the device's (or its hwmon's) files,
    from dump_files (scripts/uml-lib.sh)."""
    files = {}
    if os.path.exists(path):
        for line in open(path, encoding='utf-8', errors='replace'):
            line = line.rstrip('\n')
            if line.startswith('grep: '):
                fpath, _, value = line[len('grep: '):].rpartition(': ')
                value = '!' + value
            else:
                fpath, _, value = line.partition(':')
            if in_hwmon(fpath) == hwmon:
                files[os.path.basename(fpath)] = value
    return files


def read_modes(path, hwmon=False):
    """{file name: octal mode} from dump_modes (scripts/uml-lib.sh)."""
    return {os.path.basename(k): v for k, v in read_pairs(path).items()
            if in_hwmon(k) == hwmon}


def parse_sensors_u(path):
    """{chip: {subfeature: value string}} from `sensors -u`."""
    chips, chip = {}, None
    for line in open(path, encoding='utf-8', errors='replace'):
        line = line.rstrip('\n')
        if re.match(r'^\S+-i2c-\d+-[0-9a-f]+$', line):
            chip = chips.setdefault(line, {})
        elif chip is not None and (m := re.match(r'^  (\w+): (\S+)$', line)):
            chip[m.group(1)] = m.group(2)
    return chips


def abi_files():
    """{file: octal mode} documented in the ABI file for the client device."""
    path = os.path.join(HERE, '..', '..', 'Documentation', 'ABI', 'testing',
                        'sysfs-driver-sff8472')
    files, what = {}, []
    for line in open(path, encoding='utf-8'):
        if m := re.match(r'^What:\s+/sys/bus/i2c/devices/<bus>-0050/(\w+)$', line):
            what.append(m.group(1))
        elif m := re.search(r'\((?:RO|RW|WO), (0[0-7]{3})\b', line):
            for w in what:
                files[w] = m.group(1)
            what = []
    return files


def check_cage(res, out, mode, label, kind):
    d = os.path.join(out, label)
    tag = f'{mode} {label} ({kind})'
    image = open(os.path.join(d, 'image'), 'rb').read() if os.path.exists(
        os.path.join(d, 'image')) else b''
    eeprom = open(os.path.join(d, 'eeprom'), 'rb').read() if os.path.exists(
        os.path.join(d, 'eeprom')) else b''
    hwmon = read_files(os.path.join(d, 'files'), hwmon=True)
    sysfs = read_files(os.path.join(d, 'files'), hwmon=False)

    if kind == 'empty':
        res.check(f'{tag}: no hwmon device', not hwmon)
        res.check(f'{tag}: present reads 0', sysfs.get('present') == '0', sysfs.get('present', ''))
        res.check(f'{tag}: identity fails while empty',
                  sysfs.get('vendor_name', '').startswith('!'), sysfs.get('vendor_name', ''))
        return
    res.check(f'{tag}: present reads 1', sysfs.get('present') == '1', sysfs.get('present', ''))
    n = len(image)
    res.check(f'{tag}: eeprom equals the image ({n} bytes)',
              n in (256, 512) and eeprom[:n] == image,
              f'eeprom {len(eeprom)} bytes, first difference at '
              f'{next((i for i in range(min(n, len(eeprom))) if eeprom[i] != image[i]), "end")}')
    nvmem = open(os.path.join(d, 'nvmem'), 'rb').read() if os.path.exists(
        os.path.join(d, 'nvmem')) else b''
    res.check(f'{tag}: the nvmem device reads the same bytes', nvmem[:n] == image and n,
              f'nvmem {len(nvmem)} bytes')
    mode_file = os.path.join(d, 'nvmem.mode')
    nv_mode = open(mode_file).read().strip() if os.path.exists(mode_file) else 'missing'
    res.check(f'{tag}: the nvmem device is readable by all, writable by none (0444)',
              nv_mode == '444', nv_mode)
    if kind == 'no-ddm':
        res.check(f'{tag}: no hwmon device without diagnostics', not hwmon, str(hwmon)[:80])
        return
    exp = expected_hwmon(image)
    exp['label'] = label    # the DT label of the cage (design.md: fixed name)
    bad = [f'{k}={hwmon.get(k)!r} want {v!r}' for k, v in exp.items()
           if hwmon.get(k) != str(v)]
    res.check(f'{tag}: hwmon values, thresholds, labels and alarms', not bad, '; '.join(bad[:6]))


def check_sensors(res, out, mode, labels):
    chips = parse_sensors_u(os.path.join(out, 'sensors-u'))
    for label, kind in labels:
        d = os.path.join(out, label)
        if kind != 'ddm':
            continue
        devname = open(os.path.join(d, 'devname')).read().strip()   # e.g. 3-0050
        bus, addr = devname.split('-')
        chip = chips.get(f'sff8472-i2c-{bus}-{int(addr, 16):x}')
        if not res.check(f'{mode} {label}: sensors -u lists the chip', chip is not None,
                         ', '.join(chips)):
            continue
        exp = expected_hwmon(open(os.path.join(d, 'image'), 'rb').read())
        bad = []
        for name, _, _, div in CHANNELS:
            for k, v in exp.items():
                if k.startswith(name + '_') and not k.endswith('_label'):
                    want = f'{v / (1 if k.endswith("alarm") else div):.3f}'
                    if chip.get(k) != want:
                        bad.append(f'{k}={chip.get(k)} want {want}')
        res.check(f'{mode} {label}: sensors -u values', not bad, '; '.join(bad[:6]))


def check_cost(res, out, mode, labels):
    # One sensors run with an expired cache costs one live read, split by the
    # adapter's limits; nothing for thresholds or labels. The bounds come
    # from the layout, not the code: A2h 96-119 is 24 bytes, then CC_DMI
    # (A2h 95) is read as proof that the module answered to the end. Plain
    # I2C carries both in one transfer of four messages (two transfers with
    # 16-byte chunks: 96-111, then 112-119 and the proof); SMBus block needs
    # a block read and a byte read; words carry 2 (12 + 1); a byte-only bus
    # reads the seven 16-bit fields of 96-109 MSB-LSB-MSB (21), 110-119 (10)
    # and the proof byte.
    limit = {'i2c': 1, 'i2c16': 2, 'smbus-block': 2, 'smbus-word': 13,
             'smbus-byte': 7 * 3 + 10 + 1}[mode]
    for label, kind in labels:
        stats = read_pairs(os.path.join(out, label, 'sensors-cost'))
        if kind != 'ddm':
            continue
        t = int(stats['transactions'])
        res.check(f'{mode} {label}: a sensors run costs {t} <= {limit} transactions',
                  t <= limit)
        res.check(f'{mode} {label}: no torn reads', stats.get('torn_reads') == '0',
                  stats.get('torn_reads', ''))


def check_abi(res, out, mode, label):
    documented = abi_files()
    modes = read_modes(os.path.join(out, label, 'modes'))
    res.check('ABI document lists files with permissions', len(documented) >= 20,
              f'{len(documented)} parsed')
    bad = [f'{f}: {modes.get(f, "missing")} want {m}' for f, m in documented.items()
           if modes.get(f) != m.lstrip('0')]
    res.check(f'{mode} {label}: every documented sysfs file present with its permissions',
              not bad, '; '.join(bad[:6]))


def check_scenario(res, out, dump):
    """The steps of scenario.sh: alarms, hot swap, removal, nvmem writes."""
    steps = read_pairs(os.path.join(out, 'steps'))
    image = open(dump, 'rb').read()
    res.check('scenario: the dump file is served as it is',
              open(os.path.join(out, 'initial', 'port1', 'image'), 'rb').read() == image)
    check_cage(res, os.path.join(out, 'initial'), 'dump', 'port1', 'ddm')
    check_cage(res, os.path.join(out, 'initial'), 'scenario', 'port2', 'ddm')
    want = {
        'update_interval': '100',
        'hot_temp1_input': '127000', 'hot_temp1_max_alarm': '1', 'hot_temp1_crit_alarm': '1',
        'hot_in0_input': '0', 'hot_in0_min_alarm': '1', 'hot_in0_lcrit_alarm': '1',
        'cool_temp1_input': '25000', 'cool_temp1_crit_alarm': '0',
        'cool_in0_input': '3300', 'cool_in0_lcrit_alarm': '0',
    }
    for k, v in want.items():
        res.check(f'scenario alarms: {k} is {v}', steps.get(k) == v, steps.get(k, 'missing'))
    res.check('scenario: swap to another module detected', steps.get('swap_detected') == '0')
    check_cage(res, os.path.join(out, 'swapped'), 'swapped', 'port2', 'ddm')
    res.check('scenario: removal detected, hwmon gone', steps.get('removal_detected') == '0')
    check_cage(res, os.path.join(out, 'removed'), 'removed', 'port2', 'empty')
    res.check('scenario: nvmem writes refused by default',
              steps.get('write_default_off') not in (None, '0'))
    res.check('scenario: eeprom is 0644 with user_eeprom_writable=1',
              steps.get('eeprom_mode') == '644', steps.get('eeprom_mode', ''))
    res.check('scenario: user EEPROM write succeeds', steps.get('write_user_eeprom') == '0')
    res.check('scenario: user EEPROM write reads back', steps.get('readback') == 'E2E-TEST',
              steps.get('readback', ''))
    res.check('scenario: user EEPROM write reached the module',
              steps.get('emulator_has') == 'E2E-TEST', steps.get('emulator_has', ''))
    for k in ('write_a0', 'write_status', 'write_past_user'):
        res.check(f'scenario: {k} refused', steps.get(k) not in (None, '0'), steps.get(k, ''))
    res.check('scenario: refused writes put nothing on the bus',
              steps.get('refused_bytes_written') == '0', steps.get('refused_bytes_written', ''))
    res.check('scenario: SONiC sets soft TX_DISABLE through eeprom offset 366',
              steps.get('sonic_tx_disable_write') == '0' and steps.get('sonic_soft_tx_disable') == '1'
              and steps.get('sonic_module_bit6') == '1',
              f"status {steps.get('sonic_tx_disable_write')}, soft_tx_disable "
              f"{steps.get('sonic_soft_tx_disable')}, module bit {steps.get('sonic_module_bit6')}")
    res.check('scenario: RS1 through offset 374 refused (not advertised), module unchanged',
              steps.get('sonic_rs1_write') not in (None, '0')
              and steps.get('sonic_module_byte118') == str(image[256 + 118]),
              f"status {steps.get('sonic_rs1_write')}, byte {steps.get('sonic_module_byte118')}")
    after = open(os.path.join(out, 'after_writes', 'port1', 'image'), 'rb').read()
    res.check('scenario: only A2h 128-135 changed in the module',
              after[:384] == image[:384] and after[384:392] == b'E2E-TEST'
              and after[392:] == image[392:])


def check_edges(res, out):
    """The steps of edges.sh: issue 8's reproductions, each answered right."""
    steps = read_pairs(os.path.join(out, 'steps'))
    res.check('edges: eeprom is read as an unprivileged user',
              steps.get('nobody_uid') == '65534' and steps.get('nobody_cat_status') == '0',
              f"uid {steps.get('nobody_uid')} status {steps.get('nobody_cat_status')}")
    # At most one snapshot: 24 bytes and the CC_DMI proof, one transfer.
    t = int(steps.get('five_cats_transactions') or 99)
    b = int(steps.get('five_cats_bytes_read') or 999)
    res.check(f'edges: five cat eeprom cost {t} <= 1 transactions, {b} <= 25 bytes',
              t <= 1 and b <= 25)
    # Issue 14: at most 1 ms of bus time per second per cage when idle; at
    # least 4 looks in 5 s (so the poll ran), at most 6.
    ns = int(steps.get('idle_5s_bus_time_ns') or 10**9)
    looks = int(steps.get('idle_5s_transactions') or 0)
    res.check(f'edges: an idle cage costs {ns / 5e6:.2f} <= 1 ms/s of bus time ({looks} looks)',
              ns <= 5_000_000 and 4 <= looks <= 6)
    for f in ('temp1_crit_alarm', 'rx_los', 'tx_fault'):
        v = steps.get(f'pulled_{f}')
        res.check(f'edges: {f} read while the module is pulled is an error', v == '!err', v)
    images = {p: open(os.path.join(out, f'{p}.image'), 'rb').read() for p in ('port1', 'port4')}
    for port, pn in (('port1', 'LX-1310-10'), ('port4', 'EMU-DAC-3M')):
        res.check(f'edges: {port} without A2h is present',
                  steps.get(f'{port}_present') == '1', steps.get(f'{port}_present'))
        res.check(f'edges: {port} vendor_pn', steps.get(f'{port}_vendor_pn') == pn,
                  steps.get(f'{port}_vendor_pn'))
        got = open(os.path.join(out, f'{port}.eeprom'), 'rb').read()
        res.check(f'edges: cat {port}/eeprom gives the A0h page, then an error',
                  got == images[port][:256] and steps.get(f'{port}_cat_status') != '0',
                  f"{len(got)} bytes, status {steps.get(f'{port}_cat_status')}")
    for f, present in (('temp1_input', True), ('temp1_crit', False),
                       ('temp1_crit_alarm', False), ('in0_crit_alarm', False),
                       ('power2_lcrit_alarm', False)):
        v = steps.get(f'nothresh_has_{f}')
        res.check(f'edges: unfilled thresholds: {f} {"present" if present else "absent"}',
                  v == ('0' if present else '1'), v)


def main():
    res = Results()
    try:
        if sys.argv[1] == '--scenario':
            check_scenario(res, sys.argv[2], sys.argv[3])
            return finish(res, 'scenario')
        if sys.argv[1] == '--edges':
            check_edges(res, sys.argv[2])
            return finish(res, 'edges')
        return check_board(res, sys.argv[1], sys.argv[2],
                           [tuple(a.split('=', 1)) for a in sys.argv[3:]])
    except Exception as e:  # a missing or malformed snapshot is a failure
        res.check(f'snapshots of {sys.argv[1:3]} are complete', False, repr(e))
        return finish(res, 'incomplete')


def check_board(res, out, mode, labels):
    for label, kind in labels:
        check_cage(res, out, mode, label, kind)
    check_sensors(res, out, mode, labels)
    check_cost(res, out, mode, labels)
    ddm = [lbl for lbl, kind in labels if kind == 'ddm']
    if ddm:
        check_abi(res, out, mode, ddm[0])
    return finish(res, mode)


def finish(res, what):
    print(f'e2e {what}: {res.passed} passed, {res.failed} failed')
    counts = os.environ.get('E2E_COUNTS')
    if counts:
        with open(counts, 'a') as f:
            f.write(f'{res.passed} {res.failed}\n')
    return 1 if res.failed else 0


if __name__ == '__main__':
    sys.exit(main())
