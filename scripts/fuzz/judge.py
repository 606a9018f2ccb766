#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-2.0-only
"""Judge what the fuzzing board read (scripts/fuzz/inside.py's JSON lines)
against what the images' bytes say, from SFF-8472 and the documented rules
(Documentation/hwmon/sff8472.rst) alone, with the exact reference of
kunit/gen_calibration_vectors.py (through scripts/e2e/check.py's
calibrate()): never from the driver.

A record with a bus fault injected (its "fault", scripts/fuzz/images.py)
is judged the same way, except that any file may fail, the module may
read as absent and its hwmon device be missing: every value shown must
still be the module's own. The swap must still be seen.

Where the documentation leaves a choice open (a threshold comparison
that differs between the exact value and the rounded ones, an RX
polynomial the reference excludes as too close to a tie, an address
change module that only some cages may switch), every reading of it is
accepted; everything else must match.

  judge.py CHUNK                       one board's chunk: CHUNK/images.bin and
                                       manifest (scripts/fuzz/images.py), CHUNK/out
                                       (the workers' worker*.jsonl, the kernel
                                       log); writes CHUNK/verdict.json
  judge.py --summary WORK SEED KEEPDIR  every WORK/chunk*/verdict.json

The summary prints one "ok:"/"FAILED:" line per property class with the
first failing images, keeps the first failing image in KEEPDIR and ends
with the summary line. It writes "passed failed 0" to $SFF8472_COUNTS and
"images N", "faults N", "reports N" to $SFF8472_SUMMARY when set.
"""

import glob
import json
import os
import re
import struct
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(HERE, '..', 'e2e'))
import check as e2e  # noqa: E402
ref = e2e.ref

ANY = 'any'     # the documentation allows either answer
FINE_FILES = {'vcc_100uv': ref.VCC, 'bias_ua': ref.BIAS,
              'tx_power_100nw': ref.TX, 'rx_power_100nw': ref.RX}
LIMIT_AT = e2e.LIMITS            # suffix -> offset in the channel's 8 bytes
CLASSES = [
    ('ran', 'every image went through a probe and a hot swap'),
    ('present', 'present reads 1 for every module whose A0h answers, 0 for all FFh'),
    ('eeprom', 'eeprom and nvmem: A0h bytes equal the image; A2h equal or an error'),
    ('text', 'no control characters in any text file'),
    ('identity', 'identity, check-code and calibration files as the ABI document says'),
    ('hwmon', 'hwmon device exactly for modules with diagnostics, its name and labels'),
    ('values', 'values and limits equal the exact reference or fail'),
    ('unfilled', 'no limit or alarm from a threshold set the module did not fill in'),
    ('alarms', 'alarms: the module\'s flags; no alarm files without them'),
    ('ready', 'Data_Ready_Bar: inputs, alarms and full-resolution values fail'),
    ('reports', 'no sanitiser, lockdep or WARN report in the kernel log'),
]


def be16(b, off):
    return struct.unpack_from('>H', b, off)[0]


def exact_lsb(a0, a2, ch, raw, clamp):
    """Exact calibrated value in LSB (Fraction), None on an arithmetic error."""
    if ch == ref.RX and a0[92] & 0x10:
        cs = [ref.f32_exact(struct.unpack_from('>I', a2, 72 - 4 * i)[0]) for i in range(5)]
        if None in cs:
            return None
        terms = [c * raw ** i for i, c in enumerate(cs)]
        pos = any(t >= ref.TERM_BOUND for t in terms)
        neg = any(t <= -ref.TERM_BOUND for t in terms)
        if pos and neg:
            return None
        v = ref.F(65535 if pos else 0) if pos or neg else sum(terms)
    else:
        slope = be16(a2, e2e.EXT_SLOPE[ch]) if ch != ref.RX else 256
        offset = struct.unpack_from('>h', a2, e2e.EXT_SLOPE[ch] + 2)[0] if ch != ref.RX else 0
        v = ref.linear_lsb(ch, bool(a0[92] & 0x10), slope, offset, raw)
    lo, hi = ref.limits(ch)
    return min(max(v, lo), hi) if clamp else v


def calibrated(a0, a2, ch, raw, unit):
    try:
        return e2e.calibrate(a0, a2, ch, raw, unit)
    except ref.Excluded:
        return ANY


def readings(a0, a2, ch, raw):
    """The value in every reading the documentation allows: exact (clamped
    or not), then rounded to the full resolution and to hwmon's unit."""
    out = [exact_lsb(a0, a2, ch, raw, False), exact_lsb(a0, a2, ch, raw, True)]
    for unit in (ref.FINE, ref.HWMON):
        v = calibrated(a0, a2, ch, raw, unit)
        out.append(None if v == ANY else v)
    return out


def outcomes(a0, a2, ch, raw_a, raw_b, less, skip_unclamped=False):
    """{True, False}: whether a < b (or a > b) in some allowed reading."""
    got = set()
    ra, rb = readings(a0, a2, ch, raw_a), readings(a0, a2, ch, raw_b)
    for k, (a, b) in enumerate(zip(ra, rb)):
        if a is None or b is None or (skip_unclamped and k == 0):
            continue
        got.add(a < b if less else a > b)
    return got or {True, False}


def filled(a0, a2, ch):
    """True, False or ANY: did the module fill this threshold set in?"""
    raw = struct.unpack_from('>4H', a2, 8 * ch)
    if all(r == 0 for r in raw) or all(r == 0xffff for r in raw):
        return False
    high_alarm, low_alarm = raw[0], raw[1]     # Table 3.15
    below = outcomes(a0, a2, ch, low_alarm, high_alarm, True)
    return below.pop() if len(below) == 1 else ANY


def has_ddm(img):
    """True, False or ANY (Documentation/hwmon/sff8472.rst, Description)."""
    a0, a2 = img[:256], img[256:]
    if a0[0] not in (0x02, 0x03) or len(img) < 512 or a2 == b'\xff' * 256:
        return False
    if a0[92] & 0x04:
        return ANY      # address change: allowed on device-tree cages only
    if a2[:96] == b'\xff' * 96:
        return False    # thresholds, constants and CC_DMI blank
    if a2[:96] == bytes(96):    # CC_DMI "checks" 0 == 0: proves nothing
        return bool(a0[92] & 0x40) and not a0[92] & 0x10   # external: no slopes
    if a0[92] & 0x40:
        return True
    return sum(a2[:95]) & 0xff == a2[95]


def shown(field):
    """An identity string as the ABI document shows it: trailing spaces and
    NULs removed, bytes outside printable ASCII as '?'."""
    return ''.join(chr(c) if 0x20 <= c <= 0x7e else '?' for c in field.rstrip(b' \0'))


def date_code(code):
    """The date_code file: YYYY-MM-DD, or the raw bytes shown as the
    identity strings are."""
    yy, mm, dd = code[0:2], code[2:4], code[4:6]
    if all(re.fullmatch(rb'[0-9]{2}', f) for f in (yy, mm, dd)) and \
            1 <= int(mm) <= 12 and 1 <= int(dd) <= 31:
        return {f'20{yy.decode()}-{mm.decode()}-{dd.decode()}\n'}
    return {shown(code) + '\n'}


def identity(a0, a2, ddm):
    """{file: set of allowed contents} of the identity files (ABI document)."""
    exp = {'vendor_name': shown(a0[20:36]), 'vendor_pn': shown(a0[40:56]),
           'vendor_rev': shown(a0[56:60]), 'vendor_sn': shown(a0[68:84]),
           'vendor_oui': a0[37:40].hex(':'), 'identifier': f'0x{a0[0]:02x}',
           'connector': f'0x{a0[2]:02x}', 'compliance_revision': f'0x{a0[94]:02x}',
           'nominal_bitrate': str(a0[66] * 250 if a0[12] == 0xff else a0[12] * 100),
           'cc_base_ok': str(int(sum(a0[0:63]) & 0xff == a0[63])),
           'cc_ext_ok': str(int(sum(a0[64:95]) & 0xff == a0[95]))}
    exp = {f: {v + '\n'} for f, v in exp.items()}
    exp['date_code'] = date_code(a0[84:92])
    exp['wavelength'] = {'!ENODATA'} if a0[8] & 0x0c else {f'{be16(a0, 60)}\n'}
    cal = 'external\n' if a0[92] & 0x10 else 'internal\n'
    if ddm is True:
        exp['cc_dmi_ok'] = {f'{int(sum(a2[0:95]) & 0xff == a2[95])}\n'}
        exp['calibration'] = {cal}
        exp['rx_power_type'] = {'average\n' if a0[92] & 0x08 else 'oma\n'}
    elif ddm is False:
        exp['cc_dmi_ok'] = exp['rx_power_type'] = {'!ENODATA'}
        exp['calibration'] = {'none\n'}
    return exp


class Expect:
    """Everything about one image the checks need, computed once."""

    def __init__(self, img):
        self.img = img
        self.a0, self.a2 = img[:256], img[256:]
        self.answers = self.a0 != b'\xff' * 256
        self.ddm = has_ddm(img) if self.answers else False
        self.identity = identity(self.a0, self.a2, self.ddm) if self.answers else {}
        if self.ddm is False or len(img) < 512:
            return
        a0, a2 = self.a0, self.a2
        self.ready = not a2[110] & 0x01
        self.flags = e2e.has_flags(img)
        self.filled = [filled(a0, a2, ch) for ch in range(5)]
        self.value = {}
        for i, (name, _, ch, _) in enumerate(e2e.CHANNELS):
            raw = be16(a2, 96 + 2 * i)
            self.value[f'{name}_input'] = calibrated(a0, a2, ch, raw, ref.HWMON)
            for suffix, off in LIMIT_AT.items():
                self.value[f'{name}_{suffix}'] = calibrated(
                    a0, a2, ch, be16(a2, 8 * i + off), ref.HWMON)
        for f, ch in FINE_FILES.items():
            self.value[f] = calibrated(a0, a2, ch, be16(a2, 96 + 2 * ch), ref.FINE)

    def alarm(self, i, suffix):
        """{0, 1} the alarm file may read (a filled set): the module's flag.
        Without flags there is no alarm file to read."""
        if not self.flags:
            return set()
        base, which = e2e.ALARM_BYTES[suffix]
        return {e2e.flag(self.a2, base, i, which)}


class Judge:
    def __init__(self):
        self.fail = {c: [] for c, _ in CLASSES}

    def bad(self, cls, rec, detail):
        self.fail[cls].append((rec['index'], rec['category'], rec['op'], rec['mode'], detail))

    def text(self, rec):
        for where in ('dev', 'hwmon'):
            for f, v in (rec.get(where) or {}).items():
                if v.startswith('!'):
                    continue
                body = v[:-1] if v.endswith('\n') else v
                if not v.endswith('\n') or re.search(r'[\x00-\x1f\x7f]', body):
                    self.bad('text', rec, f'{where}/{f} = {v!r}')

    def record(self, rec, exp):
        dev, hw = rec.get('dev') or {}, rec.get('hwmon')
        faulted = 'fault' in rec
        if rec['op'] == 'probe' and rec.get('bind'):
            self.bad('ran', rec, f'bind failed: {rec["bind"]}')
        if rec['op'] == 'swap' and not (rec.get('seen') and rec.get('decoy', True)):
            self.bad('ran', rec, f'swap not seen within 5 s (state {rec.get("state")})')
        if faulted and (rec.get('fault_err') or rec.get('fault_clear')):
            self.bad('ran', rec, f'fault {rec["fault"]!r} not armed or cleared: '
                     f'{rec.get("fault_err") or rec.get("fault_clear")}')
        self.text(rec)
        present = dev.get('present')
        if exp.answers:
            if present != '1\n' and not (faulted and (present == '0\n' or
                                                       str(present).startswith('!'))):
                self.bad('present', rec, f'present {present!r}')
            for f in ('eeprom', 'nvmem'):
                if rec[f][0] != 'same' and not (faulted and rec[f][0].startswith('!')):
                    self.bad('eeprom', rec, f'{f}: A0h page {rec[f][0][:40]}')
        elif present != '0\n' and not (faulted and str(present).startswith('!')):
            # all FFh: pulled-up lines, no module
            self.bad('present', rec, f'present {present!r} for an A0h of all FFh')
        for f in ('eeprom', 'nvmem'):
            a2page = rec[f][1]
            if a2page != 'same' and not a2page.startswith('!') or \
                    len(exp.img) == 256 and not a2page.startswith('!'):
                self.bad('eeprom', rec, f'{f}: A2h page {a2page[:40]}')
        for f, allowed in exp.identity.items():
            got = dev.get(f)
            if faulted and (got is None or got.startswith('!')):
                continue
            if got not in allowed:
                self.bad('identity', rec, f'{f} = {got!r}, allowed {sorted(allowed)}')
        if exp.ddm is not ANY and (hw is not None) != exp.ddm and \
                not (faulted and hw is None):
            self.bad('hwmon', rec, f'hwmon {"present" if hw is not None else "missing"}')
        if hw is not None:
            self.names(rec, hw)
        if exp.ddm is False:
            return
        self.values(rec, exp, dev, FINE_FILES)
        if hw is not None:
            self.values(rec, exp, hw, exp.value)
            self.thresholds(rec, exp, hw)

    def names(self, rec, hw):
        """Device-tree cages are labelled portK; new_device cages have none."""
        label = hw.get('label', '').strip()
        want = {f'{n}_label': f'{chan}\n' for n, chan, _, _ in e2e.CHANNELS}
        want['name'] = e2e.hwmon_name(label if 'label' in hw else None) + '\n'
        bad = [f'{f} = {hw.get(f)!r}' for f, v in want.items() if hw.get(f) != v]
        if bad or 'label' in hw and not re.fullmatch(r'port\d+', label):
            self.bad('hwmon', rec, '; '.join(bad) or f'label {label!r}')

    def values(self, rec, exp, files, names):
        for f in names:
            if f not in files:
                continue
            got, want = files[f], exp.value[f]
            live = f in FINE_FILES or f.endswith('_input')
            if live and not exp.ready:
                if got != '!ENODATA' and not ('fault' in rec and got.startswith('!')):
                    self.bad('ready', rec, f'{f} = {got!r} with Data_Ready_Bar set')
                continue
            if got.startswith('!') or want == ANY or got == f'{want}\n':
                continue
            self.bad('values', rec, f'{f} = {got.strip()!r}, reference {want}')

    def thresholds(self, rec, exp, hw):
        for i, (name, _, _, _) in enumerate(e2e.CHANNELS):
            if f'{name}_input' not in hw:
                self.bad('hwmon', rec, f'{name}_input missing')
            limits = [f'{name}_{s}' for s in LIMIT_AT]
            alarms = [f'{name}_{s}' for s in e2e.ALARM_BYTES]
            shown = [f for f in limits + alarms if f in hw]
            if exp.filled[i] is False and shown:
                self.bad('unfilled', rec, f'{", ".join(shown)} shown for an unfilled set')
                continue
            want = 8 if exp.flags else 4
            if exp.filled[i] is True and len(shown) != want:
                self.bad('unfilled', rec, f'{name}: {len(shown)} of {want} limit and alarm '
                         'files for a filled set')
            for f in alarms:
                if f in hw and not exp.flags:
                    self.bad('alarms', rec, f'{f} shown for a module without flags')
                    continue
                if f not in hw or hw[f].startswith('!'):
                    continue
                if not exp.ready:
                    self.bad('ready', rec, f'{f} = {hw[f]!r} with Data_Ready_Bar set')
                    continue
                allowed = exp.alarm(i, f[len(name) + 1:])
                if hw[f] not in (f'{a}\n' for a in allowed):
                    self.bad('alarms', rec, f'{f} = {hw[f].strip()!r}, allowed {sorted(allowed)}')


def reports(out):
    """Sanitiser, lockdep and WARN reports (lines matching the pattern of
    scripts/sanitiser-reports.sh) in the kernel log of a board, or in its
    console output where it stopped before saving the log."""
    script = os.path.join(HERE, '..', 'sanitiser-reports.sh')
    pattern = re.search(r"^pattern='(.*)'$", open(script).read(), re.M).group(1)
    log = os.path.join(out, 'dmesg')
    if not os.path.exists(log):
        log = os.path.join(out, 'console')
    if not os.path.exists(log):
        return 1, f'no kernel log in {out}'
    with open(log, encoding='utf-8', errors='replace') as f:
        if 'Linux version' not in f.readline():
            return 1, f'{log} does not start at boot: the kernel log overflowed'
    r = subprocess.run([script, log], capture_output=True, text=True)
    if r.returncode != 0:
        return 0, ''
    lines = open(log, encoding='utf-8', errors='replace').read().split('\n')
    return sum(bool(re.search(pattern, line)) for line in lines), r.stdout


def judge_chunk(chunk):
    """Judge one board's chunk; write CHUNK/verdict.json and drop the
    readings of a clean chunk (a long run would keep gigabytes)."""
    manifest = [line.split() for line in open(os.path.join(chunk, 'manifest'))]
    blob = open(os.path.join(chunk, 'images.bin'), 'rb').read()
    slot = {int(idx): (pos, cat, int(n)) for pos, (idx, cat, n) in enumerate(manifest)}
    planned = set()
    if os.path.exists(os.path.join(chunk, 'faults')):
        planned = {int(line.split()[0]) for line in open(os.path.join(chunk, 'faults'))}
    judge, seen, cache, faults = Judge(), {}, {}, {}
    swap_ms = {'fault': [0, 0], 'none': [0, 0]}     # swaps, milliseconds
    readings = sorted(glob.glob(os.path.join(chunk, 'out', 'worker*.jsonl')))
    for path in readings:
        for line in open(path):
            try:
                rec = json.loads(line)
            except ValueError:
                continue    # a worker cut short: its image counts as not run
            pos, _, n = slot[rec['index']]
            if rec['index'] not in cache:
                cache.clear()
                cache[rec['index']] = Expect(blob[512 * pos:512 * pos + n])
            if rec['op'] == 'swap' and rec['index'] in planned and 'fault' not in rec:
                judge.bad('ran', rec, 'its planned fault was not injected')
            judge.record(rec, cache[rec['index']])
            if 'fault' in rec:
                kind = rec['fault'].split(':')[0]
                faults[kind] = faults.get(kind, 0) + 1
            if rec['op'] == 'swap' and 'ms' in rec:
                acc = swap_ms['fault' if 'fault' in rec else 'none']
                acc[0] += 1
                acc[1] += rec['ms']
            seen.setdefault(rec['index'], set()).add(rec['op'])
    missing = [i for i in slot if seen.get(i) != {'probe', 'swap'}]
    if missing:
        judge.fail['ran'].append((missing[0], slot[missing[0]][1], '-', '-',
                                  f'{len(missing)} images not run (board stopped?)'))
    nreports, text = reports(os.path.join(chunk, 'out'))
    if nreports:
        judge.fail['reports'].append(('-', '-', '-', '-', text[:3000]))
    verdict = {'images': len(slot) - len(missing), 'reports': nreports, 'faults': faults,
               'swap_ms': swap_ms,
               'fails': {c: [len(f)] + f[:4] for c, f in judge.fail.items() if f}}
    with open(os.path.join(chunk, 'verdict.json'), 'w') as f:
        json.dump(verdict, f)
    if not verdict['fails']:
        for path in readings:
            os.remove(path)
    return 1 if verdict['fails'] else 0


def ideal_record(exp):
    """What a driver without defects shows of the image of @exp, from the
    judge's own expectations (for the self test only)."""
    dev = {f: sorted(v)[0] for f, v in exp.identity.items()}
    dev['present'] = '1\n'
    dev.update({f: f'{exp.value[f]}\n' for f in FINE_FILES})
    hw = {'name': 'sff8472_port1\n', 'label': 'port1\n'}
    for i, (name, chan, _, _) in enumerate(e2e.CHANNELS):
        hw[f'{name}_label'] = f'{chan}\n'
        hw[f'{name}_input'] = f'{exp.value[name + "_input"]}\n'
        if exp.filled[i] is True:
            for s in LIMIT_AT:
                hw[f'{name}_{s}'] = f'{exp.value[f"{name}_{s}"]}\n'
            for s in e2e.ALARM_BYTES if exp.flags else ():
                hw[f'{name}_{s}'] = f'{min(exp.alarm(i, s))}\n'
    return {'index': 0, 'category': 'self-test', 'op': 'probe', 'mode': 'i2c',
            'bind': None, 'dev': dev, 'hwmon': hw, 'eeprom': ['same', 'same'],
            'nvmem': ['same', '!ENXIO']}


def faulted_record(exp):
    """What a driver may show of @exp's module under a bus fault: errors,
    no module, no hwmon device (for the self test only)."""
    rec = ideal_record(exp)
    rec.update(op='swap', seen=True, fault='nack: nack_nth 1', fault_err=None,
               fault_clear=None, hwmon=None, eeprom=['!ENXIO'] * 2, nvmem=['!ENXIO'] * 2)
    rec['dev'] = {f: '!EIO' for f in rec['dev']}
    rec['dev']['present'] = '0\n'
    return rec


def self_test():
    """The judge passes a faultless record and a record of errors under a
    bus fault, and catches each planted fault, with and without a bus
    fault."""
    import random
    import images
    rng = random.Random(8472)
    while True:     # a module with flags, every set filled, data ready
        img = images.realistic(rng, external=False)
        img[93] |= 0x80
        images.fix_codes(img)
        exp = Expect(bytes(img))
        if exp.ddm is True and exp.ready and all(f is True for f in exp.filled):
            break
    faults = {
        'values': lambda r: r['hwmon'].update(temp1_input=f'{exp.value["temp1_input"] + 1}\n'),
        'unfilled': lambda r: [r['hwmon'].pop(f'in0_{s}') for s in LIMIT_AT],
        'alarms': lambda r: r['hwmon'].update(curr1_max_alarm=str(1 - min(exp.alarm(2, 'max_alarm'))) + '\n'),
        'text': lambda r: r['dev'].update(vendor_sn='SN\x07\n'),
        'present': lambda r: r['dev'].update(present='0\n'),
        'eeprom': lambda r: r.update(eeprom=['00' * 256, 'same']),
        'identity': lambda r: r['dev'].update(cc_base_ok='0\n'),
        'hwmon': lambda r: r.update(hwmon=None),
    }
    other = bytearray(exp.img)      # another module: another serial number
    other[68:84] = b'OTHER-MODULE-SN '
    images.fix_codes(other)
    under_fault = {   # the module's own value or an error, nothing else
        'values': lambda r: r['hwmon'].update(temp1_input=f'{exp.value["temp1_input"] - 1}\n'),
        'identity': lambda r: r['dev'].update(vendor_sn=sorted(Expect(bytes(other)).identity[
            'vendor_sn'])[0]),
        'eeprom': lambda r: r.update(eeprom=['same', bytes(other[256:]).hex()]),
        'present': lambda r: r['dev'].update(present='2\n'),
        'ran': lambda r: r.update(fault_err='EINVAL'),
        'ready': lambda r: (r['hwmon'].update(temp1_input='!ENODATA'),
                            r['dev'].update(vcc_100uv='!ENODATA')),
    }
    judge = Judge()
    judge.record(ideal_record(exp), exp)
    judge.record(faulted_record(exp), exp)
    missed = [c for c, f in judge.fail.items() if f]
    for cls, plant in faults.items():
        judge = Judge()
        rec = ideal_record(exp)
        plant(rec)
        judge.record(rec, exp)
        if not judge.fail[cls]:
            missed.append(f'missed {cls}')
    for cls, plant in under_fault.items():
        judge = Judge()
        rec = ideal_record(exp)
        rec.update(op='swap', seen=True, fault='ff-partial: ff_nth 3 5')
        plant(rec)
        judge.record(rec, exp)
        if cls == 'ready':      # errors are no fault under a bus fault
            if any(judge.fail.values()):
                missed.append('an error under a bus fault taken for a failure')
        elif not judge.fail[cls]:
            missed.append(f'missed {cls} under a bus fault')
    return missed


def summary(work, seed, keep):
    """All chunks' verdicts: one line per property class, the summary line."""
    import images
    total, nreports, fails, faults = 0, 0, {}, {}
    swap_ms = {'fault': [0, 0], 'none': [0, 0]}
    for chunk in sorted(glob.glob(os.path.join(work, 'chunk*'))):
        try:
            v = json.load(open(os.path.join(chunk, 'verdict.json')))
        except (OSError, ValueError):
            v = {'images': 0, 'reports': 0, 'fails': {'ran': [1, [
                '-', '-', '-', '-', f'{chunk} has no verdict: its judge failed']]}}
        total += v['images']
        nreports += v['reports']
        for kind, n in v.get('faults', {}).items():
            faults[kind] = faults.get(kind, 0) + n
        for k, (n, ms) in v.get('swap_ms', {}).items():
            swap_ms[k][0] += n
            swap_ms[k][1] += ms
        for cls, f in v['fails'].items():
            old = fails.setdefault(cls, [0])
            old[0] += f[0]
            old.extend(f[1:])
    missed = self_test()
    print(f'{"FAILED" if missed else "ok"}: fuzz the judge passes a faultless reading '
          f'and catches a fault of each class planted in it{": " if missed else ""}'
          f'{", ".join(missed)}')
    passed, failed = int(not missed), int(bool(missed))
    first = None
    for cls, words in CLASSES:
        if cls not in fails:
            passed += 1
            print(f'ok: fuzz {words}')
            continue
        failed += 1
        n, shown = fails[cls][0], sorted(fails[cls][1:], key=lambda f: str(f[0]).zfill(9))
        print(f'FAILED: fuzz {words}: {n} times')
        for idx, cat, op, mode, detail in shown[:4]:
            print(f'    image {idx} ({cat}, {op}, {mode}): {detail}')
            if isinstance(idx, int) and (first is None or idx < first[0]):
                first = (idx, cat)
    if first:
        os.makedirs(keep, exist_ok=True)
        path = os.path.join(keep, f'fuzz-seed{seed}-image{first[0]}-{first[1]}.bin')
        with open(path, 'wb') as f:
            f.write(images.image(int(seed), first[0])[1])
        print(f'fuzz: seed {seed}: first failing image {first[0]} ({first[1]}), kept as '
              f'{path}; load it with scripts/sfp-uml --cage port1={path} -- ...')
    nfaults = sum(faults.values())
    print(f'fuzz: seed {seed}: {total} images fuzzed, each through a probe and a hot '
          f'swap, {nfaults} of the swaps with a bus fault injected '
          f'({", ".join(f"{n} {k}" for k, n in sorted(faults.items())) or "none"}), '
          f'{nreports} reports found')
    print('fuzz: a hot swap took ' + ', '.join(
        f'{ms // max(n, 1)} ms on average {what} ({n} swaps)'
        for what, (n, ms) in (('with a bus fault', swap_ms['fault']),
                              ('without', swap_ms['none']))))
    if os.environ.get('SFF8472_COUNTS'):
        with open(os.environ['SFF8472_COUNTS'], 'w') as f:
            f.write(f'{passed} {failed} 0\n')
    if os.environ.get('SFF8472_SUMMARY'):
        with open(os.environ['SFF8472_SUMMARY'], 'a') as f:
            f.write(f'images {total}\nfaults {nfaults}\nreports {nreports}\n')
    return 1 if failed else 0


def main():
    if sys.argv[1] == '--summary':
        return summary(*sys.argv[2:5])
    return judge_chunk(sys.argv[1])


if __name__ == '__main__':
    sys.exit(main())
