#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-2.0-only
"""Check sff8472-info's output for module images against independent
expectations.

For each image, runs the tool (text and --json) and computes what it must
print from the image bytes alone: ethtool's field names and order (from
ethtool's sfpid.c/sfpdiag.c, written out below), SFF-8472's tables for the
identity, and for every value the exact reference of scripts/e2e/check.py
(kunit/gen_calibration_vectors.py), never the driver's code. One
"ok:"/"FAILED:" line per check; "passed failed" appended to $E2E_COUNTS.

  check.py TOOL IMAGE...
"""

import importlib.util
import json
import math
import os
import re
import struct
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
_spec = importlib.util.spec_from_file_location(
    'e2e_check', os.path.join(HERE, '..', 'e2e', 'check.py'))
e2e = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(e2e)
ref = e2e.ref

# ethtool's names (sfpid.c, sfpdiag.c, sff-common.c) -------------------------

LENGTHS = [('Length (SMF,km)', 1, 'km'), ('Length (SMF)', 100, 'm'),
           ('Length (50um)', 10, 'm'), ('Length (62.5um)', 10, 'm'),
           ('Length (Copper)', 1, 'm'), ('Length (OM3)', 10, 'm')]
# Bits of A0h bytes 3-10 that ethtool has no "Transceiver type" line for.
XCVR_UNNAMED = {(5, 7), (5, 3), (9, 1), (10, 5), (10, 3), (10, 1)}
# Byte 36 values ethtool names.
XCVR_EXT = set([0x01, 0x02, 0x03, 0x04, 0x08, 0x0b, 0x0c, 0x0d, 0x16, 0x18, 0x19]
               + list(range(0x1a, 0x28)) + list(range(0x30, 0x34))
               + list(range(0x40, 0x47)) + list(range(0x50, 0x56)))
# Option bits of the byte 64-65 word ethtool names (bits 1-13).
OPTION_BITS = range(1, 14)
CONNECTORS = {0x01: 'SC', 0x07: 'LC', 0x21: 'Copper pigtail', 0x22: 'RJ45'}
# ethtool's flag and threshold order: channel, then high/low alarm/warning.
CHANNELS = [('Laser bias current', ref.BIAS), ('Laser output power', ref.TX),
            ('Module temperature', ref.TEMP), ('Module voltage', ref.VCC),
            ('Laser rx power', ref.RX)]
LIMITS = [('high alarm', 0, 'high'), ('low alarm', 2, 'low'),
          ('high warning', 4, 'high'), ('low warning', 6, 'low')]
A2_VALUE = {ref.TEMP: 96, ref.VCC: 98, ref.BIAS: 100, ref.TX: 102, ref.RX: 104}
A2_THRESH = {ref.TEMP: 0, ref.VCC: 8, ref.BIAS: 16, ref.TX: 24, ref.RX: 32}


def display(raw):
    """A fixed-width ASCII field as the driver's ABI documents it: trailing
    spaces and NULs dropped, other bytes outside 20h-7Eh shown as '?'."""
    raw = raw.rstrip(b' \0')
    return ''.join(chr(c) if 0x20 <= c <= 0x7e else '?' for c in raw)


def fmt_value(ch, v):
    """ethtool's format of a value in the reference's FINE unit (1/256 degC,
    100 uV, uA, 0.1 uW); None: not computable."""
    if v is None:
        return None
    if ch == ref.BIAS:
        return f'{v / 1000:.3f} mA'
    if ch in (ref.TX, ref.RX):
        mw = v / 10000
        dbm = f'{10 * math.log10(mw):.2f}' if v else '-inf'
        return f'{mw:.4f} mW / {dbm} dBm'
    if ch == ref.TEMP:
        c = v / 256
        return f'{c:.2f} degrees C / {c * 1.8 + 32:.2f} degrees F'
    return f'{v / 10000:.4f} V'


def expected(img):
    """[(name, value or None)] in ethtool's order; None: any value."""
    a0, a2 = img[:256], img[256:]
    out = [('Identifier', f'0x{a0[0]:02x} (SFP)' if a0[0] == 3 else None)]
    if a0[0] in (2, 3) and a0[1] == 4:
        out.append(('Extended identifier',
                    '0x04 (GBIC/SFP defined by 2-wire interface ID)'))
        out.append(('Connector', f'0x{a0[2]:02x} ({CONNECTORS[a0[2]]})'
                    if a0[2] in CONNECTORS else None))
        out.append(('Transceiver codes', ' '.join(
            f'0x{b:02x}' for b in list(a0[3:11]) + [a0[36]])))
        n = sum(1 for byte in range(3, 11) for bit in range(8)
                if a0[byte] >> bit & 1 and (byte, bit) not in XCVR_UNNAMED)
        out += [('Transceiver type', None)] * (n + (a0[36] in XCVR_EXT))
        out.append(('Encoding', None))
        br = a0[66] * 250 if a0[12] == 0xff else a0[12] * 100
        out.append(('BR, Nominal', f'{br}MBd'))
        out.append(('Rate identifier', None))
        for i, (name, mult, unit) in enumerate(LENGTHS):
            out.append((name, f'{a0[14 + i] * mult}{unit}'))
        if a0[8] & 0x04:
            out.append(('Passive Cu cmplnce.', None))
        elif a0[8] & 0x08:
            out.append(('Active Cu cmplnce.', None))
        else:
            out.append(('Laser wavelength', f'{struct.unpack_from(">H", a0, 60)[0]}nm'))
        out.append(('Vendor name', display(a0[20:36])))
        out.append(('Vendor OUI', f'{a0[37]:02x}:{a0[38]:02x}:{a0[39]:02x}'))
        out.append(('Vendor PN', display(a0[40:56])))
        out.append(('Vendor rev', display(a0[56:60])))
        out.append(('Option values', f'0x{a0[64]:02x} 0x{a0[65]:02x}'))
        word = a0[64] << 8 | a0[65]
        out += [('Option', None)] * sum(1 for b in OPTION_BITS if word >> b & 1)
        mx, mn = (a0[67], a0[67]) if a0[12] == 0xff else (a0[66], a0[67])
        if a0[12] == 0:
            mx = mn = 0
        out.append(('BR margin, max', f'{mx}%'))
        out.append(('BR margin, min', f'{mn}%'))
        out.append(('Vendor SN', display(a0[68:84])))
        out.append(('Date code', display(a0[84:92])))
    if not a0[92] & 0x40 or len(img) == 256:
        out.append(('Optical diagnostics support', 'No'))
        return out
    out.append(('Optical diagnostics support', 'Yes'))

    def value(ch, off):
        raw = struct.unpack_from('>H', a2, off)[0]
        v = e2e.calibrate(a0, a2, ch, raw, ref.FINE)
        if v is None:   # only the external RX polynomial fails: say why
            coef = [struct.unpack_from('>I', a2, 72 - 4 * i)[0] for i in range(5)]
            err = ref.rx(ref.FINE, raw, coef)[1]
            return ('unavailable (calibration terms out of range)' if err == ref.ERANGE
                    else 'unavailable (invalid calibration constants)')
        return fmt_value(ch, v)

    rx = ('Receiver signal average optical power' if a0[92] & 0x08
          else 'Receiver signal OMA')
    for name, ch in (('Laser bias current', ref.BIAS), ('Laser output power', ref.TX),
                     (rx, ref.RX), ('Module temperature', ref.TEMP),
                     ('Module voltage', ref.VCC)):
        out.append((name, value(ch, A2_VALUE[ch])))
    aw = bool(a0[93] & 0x80)
    out.append(('Alarm/warning flags implemented', 'Yes' if aw else 'No'))
    if not aw:
        return out
    for name, ch in CHANNELS:
        for lname, _, which in LIMITS:
            base = 0 if 'alarm' in lname else 4
            on = e2e.flag(a2, base, ch, which)
            out.append((f'{name} {lname}', 'On' if on else 'Off'))
    for name, ch in CHANNELS:
        for lname, off, _ in LIMITS:
            out.append((f'{name} {lname} threshold', value(ch, A2_THRESH[ch] + off)))
    return out


LINE = re.compile(r'^\t(.{41}) : (.*)$')


def parse_text(text):
    """[(name, value)]; None if a line is not ethtool's '\\t%-41s : %s'."""
    pairs = []
    for line in text.split('\n')[:-1]:
        m = LINE.match(line)
        if not m:
            return None
        pairs.append((m.group(1).rstrip(), m.group(2)))
    return pairs


def json_key(name, suffix=None):
    key = '_'.join(re.findall(r'[a-z0-9]+', name.lower()))
    return f'{key}_{suffix}' if suffix and not key.endswith(f'_{suffix}') else key


NUM = r'(-?\d+\.\d+|-inf)'


def json_agrees(pairs, doc):
    """Every text line has its JSON member(s) with the same value; returns
    the disagreements."""
    bad = []
    lists = {}
    for name, value in pairs:
        if name in ('Transceiver type', 'Option'):
            lists.setdefault(json_key(name), []).append(value)
            continue
        k = json_key(name)
        if m := re.fullmatch(r'0x([0-9a-f]{2}) \((.*?)\)( \[SFF-8472 rev10.4 only\])?', value):
            got = (doc.get(k), doc.get(k + '_description'))
            want = (int(m.group(1), 16), m.group(2))
        elif name in ('Transceiver codes', 'Option values'):
            got, want = doc.get(k), [int(x, 16) for x in value.split()]
        elif value in ('Yes', 'No', 'On', 'Off'):
            got, want = doc.get(k), value in ('Yes', 'On')
        elif m := re.fullmatch(r'(\d+)(MBd|km|m|nm|%)', value):
            unit = {'MBd': 'mbd', '%': 'percent'}.get(m.group(2), m.group(2))
            got, want = doc.get(json_key(name, unit)), int(m.group(1))
        elif m := re.fullmatch(NUM + r' mA', value):
            got, want = f'{doc.get(k + "_ma"):.3f}', m.group(1)
        elif m := re.fullmatch(NUM + r' V', value):
            got, want = f'{doc.get(k + "_v"):.4f}', m.group(1)
        elif m := re.fullmatch(NUM + r' mW / ' + NUM + ' dBm', value):
            dbm = doc.get(k + '_dbm')
            got = (f'{doc.get(k + "_mw"):.4f}', '-inf' if dbm is None else f'{dbm:.2f}')
            want = m.groups()
        elif m := re.fullmatch(NUM + r' degrees C / ' + NUM + ' degrees F', value):
            got = (f'{doc.get(k + "_degrees_c"):.2f}', f'{doc.get(k + "_degrees_f"):.2f}')
            want = m.groups()
        elif value.startswith('unavailable'):
            got = [v for kk, v in doc.items() if kk.startswith(k + '_')
                   and not kk.startswith(k + '_threshold')]
            want = [None] * len(got) if got else ['(members)']
        else:
            got, want = doc.get(k), value
        if got != want:
            bad.append(f'{name}: json {got!r} text {want!r}')
    for k, items in lists.items():
        if doc.get(k) != items:
            bad.append(f'{k}: json {doc.get(k)!r} text {items!r}')
    for name in ('Transceiver type', 'Option'):
        k = json_key(name)
        if k not in lists and doc.get(k, []) != []:
            bad.append(f'{k}: json {doc.get(k)!r}, no text lines')
    return bad


def check_image(res, tool, path, tag):
    img = open(path, 'rb').read()
    run = subprocess.run([tool, path], capture_output=True)
    text = run.stdout.decode('ascii', 'replace')
    err = run.stderr.decode('ascii', 'replace')
    res.check(f'{tag}: exit status 0', run.returncode == 0,
              f'{run.returncode}: {err.strip()[:200]}')
    pairs = parse_text(text)
    if not res.check(f'{tag}: every line is ethtool\'s "\\t%-41s : value"',
                     pairs is not None, text[:200]):
        return
    exp = expected(img)
    names = [n for n, _ in pairs]
    want_names = [n for n, _ in exp]
    res.check(f'{tag}: ethtool\'s field names in ethtool\'s order ({len(names)} lines)',
              names == want_names,
              next((f'line {i + 1}: {a!r} want {b!r}' for i, (a, b) in
                    enumerate(zip(names + [None] * 99, want_names + [None] * 99))
                    if a != b), ''))
    if names == want_names:
        bad = [f'{n}: {v!r} want {w!r}' for (n, v), (_, w) in zip(pairs, exp)
               if w is not None and v != w]
        res.check(f'{tag}: values equal the reference (identity, diagnostics, flags, thresholds)',
                  not bad, '; '.join(bad[:4]))

    # Check codes: a warning line on stderr for each wrong one, nothing else.
    a0, a2 = img[:256], img[256:]
    wrong = []
    if sum(a0[0:63]) & 0xff != a0[63]:
        wrong.append('CC_BASE')
    if sum(a0[64:95]) & 0xff != a0[95]:
        wrong.append('CC_EXT')
    if len(img) == 512 and a0[92] & 0x40 and sum(a2[0:95]) & 0xff != a2[95]:
        wrong.append('CC_DMI')
    lines = err.split('\n')[:-1]
    warned = [w for w in ('CC_BASE', 'CC_EXT', 'CC_DMI')
              if any(ln.startswith('sff8472-info: warning: ') and f'{w} (' in ln
                     for ln in lines)]
    a0only = len(img) == 256 and a0[92] & 0x40
    res.check(f'{tag}: stderr warns of exactly the wrong check codes {wrong}'
              f'{" and says there are no diagnostics" if a0only else ""}',
              warned == wrong and len(lines) == len(wrong) + bool(a0only)
              and (not a0only or 'no diagnostics' in lines[-1]), err.strip()[:300])

    run = subprocess.run([tool, '--json', path], capture_output=True)
    try:
        doc = json.loads(run.stdout)
    except ValueError as e:
        res.check(f'{tag}: --json parses', False, repr(e))
        return
    res.check(f'{tag}: --json parses, exit status 0', run.returncode == 0)
    if pairs is not None:
        bad = json_agrees(pairs, doc)
        cc = {'cc_base_ok': 'CC_BASE' not in wrong, 'cc_ext_ok': 'CC_EXT' not in wrong}
        bad += [f'{k}={doc.get(k)}' for k, v in cc.items() if doc.get(k) != v]
        res.check(f'{tag}: --json agrees with the text ({len(doc)} members)',
                  not bad, '; '.join(bad[:4]))


def main():
    res = e2e.Results()
    tool = sys.argv[1]
    for path in sys.argv[2:]:
        check_image(res, tool, path, os.path.basename(path))
    return e2e.finish(res, 'sff8472-info images')


if __name__ == '__main__':
    sys.exit(main())
