#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-2.0-only
"""Reference for the SFF-8472 calibration core; writes the KUnit vector table.

Independent of the C code: every expected value is computed exactly with
fractions.Fraction from SFF-8472 rev 11.0 ("Internal Calibration",
"External Calibration", Table 3.16) and the driver's documented rules, then
cross-checked against a plain double-precision evaluation.

Rules (sff8472_calibrate() in sff8472_decode.h, and sff8472_calibration.c):
  * internal: temp s16 1/256 degC, Vcc u16 100 uV, bias u16 2 uA, power 0.1 uW;
    the external constants are ignored.
  * external linear: LSB = slope/256 * raw + offset (temp raw is s16).
  * external RX: LSB = sum c[i] * raw^i, c[i] IEEE-754 single; NaN/Inf in any
    coefficient -> -EINVAL; zero and denormal coefficients count as 0.
    A term with |term| >= 2^48 LSB is out of range: out-of-range terms of one
    sign saturate the result in that direction, of both signs -> -ERANGE.
  * clamp to -32768..32767 (temp) or 0..65535 LSB, then one rounding, half
    away from zero, to the unit (HWMON: mdegC, mV, mA, uW; FINE: LSB, LSB,
    uA, LSB).

Vectors are dropped (and counted in the header) when the double evaluation
disagrees only because the exact value is within the double's error bound
of a rounding tie, or when a term has bits below 2^-64 LSB (the C's
fixed-point resolution) and the exact value lies within 2^-56 LSB of a tie
(65535 LSB is a tie in uW, so this covers the upper clamp limit too). Any
other disagreement is a bug in this script: it aborts.

Usage: gen_calibration_vectors.py [--check]   (default: rewrite the header)
       gen_calibration_vectors.py --sample K     (every Kth vector of each
                                                  kind, to stdout: the
                                                  mainline series' table)
"""

import argparse
import math
import os
import random
import struct
import sys
from fractions import Fraction as F

HEADER = os.path.join(os.path.dirname(os.path.abspath(__file__)), '..', 'drivers',
                      'hwmon', 'sff8472', 'sff8472_calibration_vectors.h')

TEMP, VCC, BIAS, TX, RX = range(5)
HWMON, FINE = 0, 1
CHANNELS = ['TEMP', 'VCC', 'BIAS', 'TX_POWER', 'RX_POWER']
SCALE = {  # output = LSB * SCALE
    (TEMP, HWMON): F(1000, 256), (TEMP, FINE): F(1),
    (VCC, HWMON): F(1, 10), (VCC, FINE): F(1),
    (BIAS, HWMON): F(2, 1000), (BIAS, FINE): F(2),
    (TX, HWMON): F(1, 10), (TX, FINE): F(1),
    (RX, HWMON): F(1, 10), (RX, FINE): F(1),
}
TERM_BOUND = 2 ** 48
EINVAL, ERANGE = 'EINVAL', 'ERANGE'
C_FRAC = F(1, 2 ** 64)      # resolution of the C accumulator
C_MARGIN = F(1, 2 ** 56)    # keep-out zone around ties for inexact terms


def limits(ch):
    return (-32768, 32767) if ch == TEMP else (0, 65535)


def round_half_away(q):
    n = math.floor(abs(q) + F(1, 2))
    return -n if q < 0 else n


def f32_exact(bits):
    """Exact value of an IEEE-754 single (denormals as 0), None for NaN/Inf."""
    e, m = (bits >> 23) & 0xff, bits & 0x7fffff
    if e == 0xff:
        return None
    if e == 0:
        return F(0)
    v = F((m | 1 << 23)) * F(2) ** (e - 150)
    return -v if bits >> 31 else v


def f32_double(bits):
    if (bits >> 23) & 0xff == 0:
        return 0.0
    return struct.unpack('>f', struct.pack('>I', bits))[0]


def f32_bits(value):
    return struct.unpack('>I', struct.pack('>f', value))[0]


def to_unit(ch, unit, v):
    lo, hi = limits(ch)
    return round_half_away(min(max(v, lo), hi) * SCALE[(ch, unit)])


def linear_lsb(ch, external, slope, offset, raw):
    """Exact unclamped value in LSB for the internal and external-linear paths."""
    x = raw - 0x10000 if ch == TEMP and raw & 0x8000 else raw
    return F(slope, 256) * x + offset if external and ch != RX else F(x)


def is_tie(ch, unit, v):
    lo, hi = limits(ch)
    q = min(max(v, lo), hi) * SCALE[(ch, unit)]
    return q - math.floor(q) == F(1, 2)


def linear(ch, unit, external, slope, offset, raw):
    """Expected value for the internal and external-linear paths."""
    x = raw - 0x10000 if ch == TEMP and raw & 0x8000 else raw
    exact = to_unit(ch, unit, linear_lsb(ch, external, slope, offset, raw))
    lo, hi = limits(ch)   # double cross-check
    d = (slope / 256 * x + offset) if external and ch != RX else float(x)
    q = min(max(d, lo), hi) * SCALE[(ch, unit)].numerator / SCALE[(ch, unit)].denominator
    dbl = int(math.copysign(math.floor(abs(q) + 0.5), q))
    assert dbl == exact, (ch, unit, external, slope, offset, raw, exact, dbl)
    return exact


def tie_distance(v, unit):
    """Distance in LSB from v to the nearest rounding tie of the RX unit."""
    q = v * SCALE[(RX, unit)]
    return abs(q - (math.floor(q) + F(1, 2))) / SCALE[(RX, unit)]


class Excluded(Exception):
    pass


def rx(unit, raw, coef):
    """Expected (value, error) for the external RX polynomial."""
    cs = [f32_exact(c) for c in coef]
    for c, v in zip(coef, cs):   # the exact decoder must agree with struct's
        if v:
            assert F(struct.unpack('>f', struct.pack('>I', c))[0]) == v
    if None in cs:
        return 0, EINVAL, False
    terms = [c * raw ** i for i, c in enumerate(cs)]
    pos = any(t >= TERM_BOUND for t in terms)
    neg = any(t <= -TERM_BOUND for t in terms)
    v = F(65535 if pos else 0) if pos or neg else sum(terms)
    exact = (0, ERANGE) if pos and neg else (to_unit(RX, unit, v), None)
    tie = not (pos and neg) and tie_distance(min(max(v, 0), 65535), unit) == 0
    if not (pos or neg):
        if any(t % C_FRAC for t in terms) and tie_distance(v, unit) <= C_MARGIN:
            raise Excluded('below C resolution near a tie')

    # double-precision cross-check
    dterms = [f32_double(c) * float(raw) ** i for i, c in enumerate(coef)]
    dpos = any(t >= TERM_BOUND for t in dterms)
    dneg = any(t <= -TERM_BOUND for t in dterms)
    if dpos and dneg:
        dbl = (0, ERANGE)
    elif dpos or dneg:
        dbl = (round_half_away(F(65535 if dpos else 0) * SCALE[(RX, unit)]), None)
    else:
        q = min(max(math.fsum(dterms), 0.0), 65535.0) / SCALE[(RX, unit)].denominator
        dbl = (int(math.floor(q + 0.5)), None)
    if dbl != exact:
        bound = sum(abs(t) for t in terms if abs(t) < TERM_BOUND) * F(1, 2 ** 48) + C_FRAC
        near_bound = any(abs(abs(t) - TERM_BOUND) <= TERM_BOUND * F(1, 2 ** 40) for t in terms)
        v = sum(terms)
        if near_bound or tie_distance(v, unit) <= bound:
            raise Excluded('double disagrees within its error of a tie')
        raise AssertionError(('reference mismatch', unit, raw, [hex(c) for c in coef],
                              exact, dbl))
    return exact + (tie,)


# ---------------------------------------------------------------- generation

RAW_EDGES = [0x0000, 0x0001, 0x0002, 0x0005, 0x000f, 0x0010, 0x0080, 0x00ff, 0x0100,
             0x7ffe, 0x7fff, 0x8000, 0x8001, 0xd800, 0xd2ff, 0xfff0, 0xfffe, 0xffff,
             0x1900, 0xe700, 0x7d00, 0x80e8, 0x8080]
SLOPES = [0x0000, 0x0001, 0x0080, 0x00ff, 0x0100, 0x0101, 0x0108, 0x0180, 0x01ff,
          0x0200, 0xfffe, 0xffff]
OFFSETS = [0, 1, -1, 2, -2, 3, -3, -10, 10, 127, -128, 1000, -1000, 32767, -32768]
SPECIAL = [0x00000000, 0x80000000, 0x00000001, 0x80000001, 0x007fffff, 0x807fffff,
           0x00800000, 0x80800000, 0x3f800000, 0xbf800000, 0x71800000, 0xf1800000,
           0x7f000000, 0xff000000, 0x7f7fffff, 0xff7fffff, 0x7f800000, 0xff800000,
           0x7fc00000, 0xffc00000, 0x7f800001, 0xffffffff, 0x0d800000, 0x2a800000]


def gen_internal(rng):
    out = []
    raws = RAW_EDGES + [rng.randrange(0x10000) for _ in range(20)]
    for ch in range(5):
        for unit in (HWMON, FINE):
            for raw in raws:
                # garbage constants: must be ignored without bit 4
                slope, offset = rng.randrange(0x10000), rng.randrange(-32768, 32768)
                out.append((ch, unit, False, slope, offset, raw,
                            linear(ch, unit, False, slope, offset, raw)))
    return out


def gen_linear(rng):
    out = []

    def add(ch, unit, slope, offset, raw):
        out.append((ch, unit, True, slope, offset, raw,
                    linear(ch, unit, True, slope, offset, raw)))

    for ch in range(4):
        for unit in (HWMON, FINE):
            for slope in SLOPES:
                for offset in OFFSETS:
                    add(ch, unit, slope, offset, rng.choice(RAW_EDGES))
            for raw in RAW_EDGES:
                add(ch, unit, 0x0100, 0, raw)
                add(ch, unit, rng.choice(SLOPES), rng.choice(OFFSETS), raw)
            for _ in range(60):   # realistic: slope near 1, small offsets
                add(ch, unit, rng.randrange(0x00c0, 0x0140),
                    rng.randrange(-300, 300), rng.randrange(0x10000))
            for _ in range(40):
                add(ch, unit, rng.randrange(0x10000), rng.randrange(-32768, 32768),
                    rng.randrange(0x10000))
            # exact rounding ties: search a raw for a random slope/offset
            found = 0
            for _ in range(400):
                slope, offset = rng.randrange(1, 0x400), rng.randrange(-2000, 2000)
                raw = rng.randrange(0x10000)
                if is_tie(ch, unit, linear_lsb(ch, True, slope, offset, raw)):
                    add(ch, unit, slope, offset, raw)
                    found += 1
                    if found == 6:
                        break
    return out


def realistic_coef(rng):
    return [f32_bits(-rng.uniform(0, 20)),
            f32_bits(rng.uniform(0.1, 2.0)),
            f32_bits(rng.choice((-1, 1)) * 10 ** rng.uniform(-10, -6)),
            f32_bits(rng.choice((-1, 1)) * 10 ** rng.uniform(-15, -11)),
            f32_bits(rng.choice((-1, 1)) * 10 ** rng.uniform(-20, -16))]


def random_coef(rng):
    """All five non-zero, random signs, terms of comparable size at large x."""
    coef = []
    for i in range(5):
        e = rng.randrange(127 - 16 * i - 12, 127 - 16 * i + 12)
        coef.append(rng.randrange(2) << 31 | e << 23 | rng.randrange(1 << 23))
    return coef


def dyadic_coef(rng):
    """Short dyadic coefficients and small x: exact sums, many ties."""
    return [f32_bits(rng.randrange(-64, 65) / 4.0), f32_bits(rng.randrange(-8, 9) / 2.0),
            f32_bits(rng.randrange(-4, 5) / 8.0), f32_bits(rng.randrange(-2, 3) / 64.0),
            f32_bits(rng.randrange(-2, 3) / 512.0)]


class Gen:
    def __init__(self):
        self.vectors, self.excluded, self.ties = [], 0, 0

    def add(self, unit, raw, coef):
        try:
            val, err, tie = rx(unit, raw, coef)
        except Excluded:
            self.excluded += 1
            return
        self.ties += tie
        self.vectors.append((unit, raw, val, err, list(coef)))


def gen_rx(rng):
    g = Gen()
    rx_raws = [0, 1, 2, 3, 15, 255, 256, 0x7fff, 0x8000, 0xfffe, 0xffff]
    for unit in (HWMON, FINE):
        for _ in range(300):
            g.add(unit, rng.choice(rx_raws + [rng.randrange(0x10000)] * 8),
                  realistic_coef(rng))
        for _ in range(300):
            g.add(unit, rng.randrange(0x10000), random_coef(rng))
        for _ in range(200):
            g.add(unit, rng.randrange(0, 40), dyadic_coef(rng))
        for raw in rx_raws:   # identity polynomial c1 = 1
            g.add(unit, raw, [0, f32_bits(1.0), 0, 0, 0])
        for x in (1, 3, 5, 15, 25, 65535):   # ties: c1 = 0.5 and c0 = -0.5
            g.add(unit, x, [0, f32_bits(0.5), 0, 0, 0])
            g.add(unit, x, [f32_bits(-0.5), f32_bits(1.0), 0, 0, 0])
    return g


def gen_rx_special(rng):
    g = Gen()
    raws = [0, 1, 2, 0x100, 0x7fff, 0x8000, 0xffff]
    for unit in (HWMON, FINE):
        for i in range(5):
            for bits in SPECIAL:
                for raw in rng.sample(raws, 3):
                    coef = realistic_coef(rng)
                    coef[i] = bits
                    g.add(unit, raw, coef)
        for _ in range(150):   # fully random bit patterns, any exponent
            g.add(unit, rng.choice(raws + [rng.randrange(0x10000)]),
                  [rng.getrandbits(32) for _ in range(5)])
        for _ in range(60):    # huge terms of random signs in random places
            coef = realistic_coef(rng)
            for i in rng.sample(range(5), rng.randrange(1, 4)):
                coef[i] = f32_bits(rng.choice((-1, 1)) * 10 ** rng.uniform(20, 38))
            g.add(unit, rng.choice((1, 0x100, 0xffff)), coef)
        # at the 2^48 bound: c1 * 2^15
        for c1 in (2.0 ** 33, 2.0 ** 33 * (1 - 2.0 ** -24), -(2.0 ** 33),
                   -(2.0 ** 33) * (1 - 2.0 ** -24)):
            g.add(unit, 0x8000, [0, f32_bits(c1), 0, 0, 0])
        # 2^48 is out of range, -(2^48 - 2^24) is not: the rule says 65535 even
        # where the exact sum is negative; two out-of-range signs: -ERANGE
        neg_big, c1 = f32_bits(-(2.0 ** 48 - 2.0 ** 24)), f32_bits(2.0 ** 33)
        c2 = f32_bits(-(2.0 ** 18) * (1 - 2.0 ** -24))
        g.add(unit, 0x8000, [neg_big, c1, 0, 0, 0])
        g.add(unit, 0x8000, [neg_big, c1, c2, 0, 0])
        g.add(unit, 0x8000, [0, c1, f32_bits(-(2.0 ** 18)), 0, 0])
        g.add(unit, 0xffff, [f32_bits(1e30), 0, 0, 0, f32_bits(-1e-30)])
        g.add(unit, 0xffff, [0, 0, 0, 0, 0x7f7fffff])
        g.add(unit, 0xffff, [0xff7fffff] * 5)
    return g


# ---------------------------------------------------------------- output

def fmt_lin(v):
    ch, unit, ext, slope, offset, raw, exp = v
    return '\t{ %d, %d, %s, 0x%04x, %d, 0x%04x, %d },' % (
        ch, unit, 'true' if ext else 'false', slope, offset, raw, exp)


def fmt_rx(v):
    unit, raw, val, err, coef = v
    return '\t{ %d, 0x%04x, %d, %s,\n\t  { %s } },' % (
        unit, raw, val, '-' + err if err else '0', ', '.join('0x%08x' % c for c in coef))


def render(sample=1):
    """The header; with SAMPLE > 1, every SAMPLEth vector of each kind."""
    rng = random.Random(8472)
    internal, lin = gen_internal(rng), gen_linear(rng)
    rxg, spg = gen_rx(rng), gen_rx_special(rng)
    n = len(internal) + len(lin) + len(rxg.vectors) + len(spg.vectors)
    lin_ties = sum(is_tie(v[0], v[1], linear_lsb(*v[0:1], *v[2:6]))
                   for v in internal + lin)
    kinds = [internal[::sample], lin[::sample], rxg.vectors[::sample],
             spg.vectors[::sample]]
    counts = [
        ' * %d vectors: %d internal, %d external linear, %d RX polynomial,' %
        (sum(map(len, kinds)), *map(len, kinds[:3])),
        ' * %d RX special (NaN, Inf, zeros, denormals, extreme exponents, huge terms).' %
        len(kinds[3])]
    if sample == 1:
        about = [
            ' * GENERATED by kunit/gen_calibration_vectors.py -- do not edit.',
            ' * Regenerate: python3 kunit/gen_calibration_vectors.py',
            ' * Verify:     python3 kunit/gen_calibration_vectors.py --check',
            ' *', *counts,
            ' * Expected values are exact (Python fractions) and agree with a double',
            ' * evaluation; %d generated RX vectors were dropped because they lie' %
            (rxg.excluded + spg.excluded),
            ' * within rounding error of a tie (see the script).']
    else:
        about = [
            ' * GENERATED by gen_calibration_vectors.py of the sff8472 project -- do',
            ' * not edit: every %dth of its %d vectors, whose expected values are' %
            (sample, n),
            ' * exact (Python fractions) and agree with a double evaluation.',
            ' *', *counts]
    lines = [
        '/* SPDX-License-Identifier: GPL-2.0-only */',
        '/*',
        *about,
        ' * Fields: lin { channel, unit, external, slope, offset, raw, expected },',
        ' * rx { unit, raw, expected, error, { c0, c1, c2, c3, c4 } } with error 0',
        ' * or a negative errno and c[i] the IEEE-754 bits of Rx_PWR(i).',
        ' */',
        '#ifndef _SFF8472_CALIBRATION_VECTORS_H',
        '#define _SFF8472_CALIBRATION_VECTORS_H',
        '',
        '#include <linux/errno.h>',
        '#include <linux/types.h>',
        '',
        'struct sff8472_cal_lin_vector {',
        '\tu8 channel;\t\t/* enum sff8472_channel */',
        '\tu8 unit;\t\t/* enum sff8472_unit */',
        '\tbool external;',
        '\tu16 slope;',
        '\ts16 offset;',
        '\tu16 raw;',
        '\ts32 expected;',
        '};',
        '',
        'struct sff8472_cal_rx_vector {',
        '\tu8 unit;\t\t/* enum sff8472_unit */',
        '\tu16 raw;',
        '\ts32 expected;',
        '\tint error;',
        '\tu32 coef[5];\t\t/* index = power of x */',
        '};',
        '',
    ]
    for name, vecs, fmt in zip(('internal', 'linear', 'rx', 'rx_special'), kinds,
                               (fmt_lin, fmt_lin, fmt_rx, fmt_rx)):
        kind = 'lin' if fmt is fmt_lin else 'rx'
        lines.append('static const struct sff8472_cal_%s_vector sff8472_cal_%s_vectors[] = {'
                     % (kind, name))
        lines += [fmt(v) for v in vecs]
        lines += ['};', '']
    if sample == 1:
        lines += ['/* Exactly on a rounding tie: %d linear/internal and %d RX vectors. */'
                  % (lin_ties, rxg.ties + spg.ties), '']
    lines += ['#endif /* _SFF8472_CALIBRATION_VECTORS_H */', '']
    return '\n'.join(lines)


def main():
    ap = argparse.ArgumentParser(description=__doc__.split('\n')[0])
    ap.add_argument('--check', action='store_true',
                    help='exit 1 if the checked-in header differs')
    ap.add_argument('--sample', type=int, metavar='K',
                    help='print every Kth vector of each kind instead')
    args = ap.parse_args()
    if args.sample is not None and args.sample < 2:
        ap.error('--sample K needs K >= 2')
    if args.sample:
        sys.stdout.write(render(args.sample))
        return 0
    text = render()
    if args.check:
        try:
            with open(HEADER) as f:
                same = f.read() == text
        except FileNotFoundError:
            same = False
        if not same:
            print('%s is stale: run %s' % (HEADER, sys.argv[0]), file=sys.stderr)
            return 1
        return 0
    with open(HEADER, 'w') as f:
        f.write(text)
    return 0


if __name__ == '__main__':
    sys.exit(main())
