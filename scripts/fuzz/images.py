#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-2.0-only
"""Seeded module images for the fuzzing tier (scripts/fuzz/run.sh).

Image I of seed S depends on S and I alone (its own random generator), so
one failing image is made again without the others. Categories:

  bitflip     a realistic module with 1 to 8 bits flipped anywhere
  random      random bytes (a quarter of them A0h only)
  zeros       all 00h (512 or 256 bytes)
  ones        all FFh; or a realistic A0h over an A2h of all FFh
  a0only      a realistic A0h alone (256 bytes), diagnostics bits random
  strings     vendor fields full of control and high bytes, no padding
  extcal      external calibration: random slopes and offsets, IEEE-754
              coefficients among NaN, +-Inf, denormals, +-3.4e38, random bits
  flags       random A0h 92/93 and A2h 110-119 (status, flags, controls)
  thresholds  threshold sets all 0000h, all FFFFh, crossed or random

Realistic modules are built from SFF-8472 Tables 3.1, 3.15-3.18a. Check
codes are right or wrong at random (bitflip, random, zeros and ones keep
what they have).

Bus faults. One image in FAULT_EVERY (at random, from the seed and the
index alone, like the image) has a fault the emulator injects (its debugfs
"faults" file, tools/testing/sff8472-emul/sff8472-emul.rst) in its hot swap: a
NACK, 0xFF data or 0xFF from the K-th data byte on at the N-th transaction
from the swap, or an unstable range of A0h or A2h for the next transaction
that reads it, armed when the new module is in the cage; or an
intermittent module (every N-th transaction NACKs) while the files are
read after the swap. Unstable ranges lie in a block a check code covers
(A0h 0-63, 64-95, A2h 0-95) and are of odd length, so the code always
tells (the complement of an odd number of bytes changes their sum by an
odd number): a byte no code covers that reads wrong once is the module's
word against nobody's.

  images.py SEED FIRST COUNT OUTDIR   writes OUTDIR/images.bin (one 512-byte
                                      slot per image), OUTDIR/manifest
                                      ("index category length" lines) and
                                      OUTDIR/faults ("index kind phase
                                      command" lines, phase swap or read)
  images.py --one SEED INDEX FILE     writes image INDEX alone, as a dump
"""

import os
import random
import struct
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(HERE, '..', '..', 'kunit'))
import gen_calibration_vectors as ref  # noqa: E402

CATEGORIES = [  # name, weight
    ('bitflip', 28), ('random', 10), ('zeros', 2), ('ones', 3), ('a0only', 7),
    ('strings', 10), ('extcal', 16), ('flags', 12), ('thresholds', 12),
]
VENDORS = [b'FINISAR CORP.', b'AVAGO', b'Cisco-Methode', b'FS', b'INNOLIGHT']
FLOAT_EDGES = [0x7fc00000, 0xffc00000, 0x7f800001, 0x7f800000, 0xff800000,
               0x00000001, 0x807fffff, 0x007fffff, 0x7f7fffff, 0xff7fffff,
               0x00000000, 0x80000000, 0x3f800000, 0xbf800000]
# Base of each channel's slope/offset pair in A2h (Table 3.16); RX has none.
SLOPE_AT = [84, 88, 76, 80]


def checksum(b, lo, hi):
    return sum(b[lo:hi]) & 0xff


def fix_codes(img):
    img[63] = checksum(img, 0, 63)
    img[95] = checksum(img, 64, 95)
    if len(img) == 512:
        img[256 + 95] = checksum(img, 256, 256 + 95)


def spoil_codes(rng, img):
    """Right check codes, then some of them wrong (at random)."""
    fix_codes(img)
    for at in (63, 95, 256 + 95):
        if at < len(img) and rng.random() < 0.4:
            img[at] = (img[at] + rng.randrange(1, 256)) & 0xff


def text(rng, width, words):
    s = rng.choice(words)[:width]
    return s + rng.choice((b' ', b'\0')) * (width - len(s))


def realistic_a0(rng, external):
    a0 = bytearray(256)
    a0[0] = 0x03
    a0[1] = 0x04
    a0[2] = rng.choice((0x07, 0x01, 0x22, 0x21))
    a0[3:11] = bytes(rng.choice((0, 0, 1 << rng.randrange(8))) for _ in range(8))
    a0[12] = rng.choice((13, 103, 0xff))
    a0[66] = rng.randrange(256)
    a0[20:36] = text(rng, 16, VENDORS)
    a0[37:40] = bytes(rng.randrange(256) for _ in range(3))
    a0[40:56] = text(rng, 16, [b'SFP-10G-SR', b'LX-1310-10', b'FTLX8571D3BCL'])
    a0[56:60] = text(rng, 4, [b'A', b'B1', b'1.0'])
    a0[60:62] = struct.pack('>H', rng.choice((850, 1310, 1550)))
    a0[64:66] = bytes([0, rng.choice((0x1a, 0x12, 0x02))])
    a0[68:84] = text(rng, 16, [b'SN%08d' % rng.randrange(10 ** 8)])
    a0[84:92] = b'%02d%02d%02d' % (rng.randrange(100), rng.randrange(1, 13),
                                   rng.randrange(1, 32)) + bytes(rng.choice(
                                       (b'  ', b'\xff\xff', b'01')))
    a0[92] = 0x40 | (0x10 if external else 0x20) | rng.choice((0x08, 0))
    a0[93] = rng.choice((0xf8, 0x80, 0x70, 0xfa, 0x00))
    a0[94] = rng.choice((0x08, 0x06, 0x01))
    return a0


def threshold_set(rng, lo, hi, signed):
    """High alarm, low alarm, high warning, low warning, in that order."""
    la, lw, hw, ha = sorted(rng.randrange(lo, hi) for _ in range(4))
    fmt = '>4h' if signed else '>4H'
    return struct.pack(fmt, ha, la, hw, lw)


def realistic_a2(rng, a0):
    a2 = bytearray(256)
    ranges = [(-8000, 25000, True), (25000, 40000, False), (1000, 40000, False),
              (500, 20000, False), (10, 20000, False)]
    for ch, (lo, hi, signed) in enumerate(ranges):
        a2[8 * ch:8 * ch + 8] = threshold_set(rng, lo, hi, signed)
    if a0[92] & 0x10:
        for at in SLOPE_AT:
            a2[at:at + 4] = struct.pack('>Hh', rng.randrange(0xc0, 0x140),
                                        rng.randrange(-300, 300))
        coef = ref.realistic_coef(rng)
        for i, c in enumerate(coef):
            a2[72 - 4 * i:76 - 4 * i] = struct.pack('>I', c)
    a2[96:106] = struct.pack('>hHHHH', rng.randrange(-2000, 20000),
                             rng.randrange(30000, 36000), rng.randrange(2000, 20000),
                             rng.randrange(0, 20000), rng.randrange(0, 20000))
    a2[110] = rng.choice((0x00, 0x02, 0x04, 0x40))
    a2[112:114] = bytes(rng.choice((0, 0, rng.randrange(256))) for _ in range(2))
    a2[116:118] = bytes(rng.choice((0, 0, rng.randrange(256))) for _ in range(2))
    a2[128:136] = b'USERDATA'
    return a2


def realistic(rng, external=None):
    if external is None:
        external = rng.random() < 0.4
    a0 = realistic_a0(rng, external)
    img = a0 + realistic_a2(rng, a0)
    fix_codes(img)
    return img


def gen_bitflip(rng):
    img = realistic(rng)
    if rng.random() < 0.15:
        img = img[:256]
    for _ in range(rng.randrange(1, 9)):
        bit = rng.randrange(8 * len(img))
        img[bit // 8] ^= 1 << (bit % 8)
    return img


def gen_random(rng):
    return bytearray(rng.randrange(256) for _ in range(rng.choice((512, 512, 512, 256))))


def gen_zeros(rng):
    return bytearray(rng.choice((512, 256)))


def gen_ones(rng):
    if rng.random() < 0.5:
        return bytearray(b'\xff' * 512)
    img = realistic(rng)
    img[256:] = b'\xff' * 256
    return img


def gen_a0only(rng):
    img = realistic(rng)[:256]
    img[92] = rng.randrange(256)
    img[0] = rng.choice((0x03, 0x03, 0x02, rng.randrange(256)))
    spoil_codes(rng, img)
    return img


def hostile_text(rng, width):
    pool = list(range(0x20)) + [0x7f] + list(range(0x80, 0x100)) + list(b'AZaz09 -')
    return bytes(rng.choice(pool) for _ in range(width))


def gen_strings(rng):
    img = realistic(rng)
    for at, width in ((20, 16), (40, 16), (56, 4), (68, 16), (84, 8)):
        if rng.random() < 0.8:
            img[at:at + width] = hostile_text(rng, width)
    spoil_codes(rng, img)
    return img


def rand_float(rng):
    r = rng.random()
    if r < 0.5:
        return rng.choice(FLOAT_EDGES)
    if r < 0.75:
        return rng.randrange(1 << 32)
    return rng.choice((ref.realistic_coef, ref.random_coef, ref.dyadic_coef))(rng)[0]


def gen_extcal(rng):
    img = realistic(rng, external=True)
    a2 = 256
    for at in SLOPE_AT:
        slope = rng.choice((rng.randrange(0x10000), rng.choice(ref.SLOPES)))
        offset = rng.choice((rng.randrange(-32768, 32768), rng.choice(ref.OFFSETS)))
        img[a2 + at:a2 + at + 4] = struct.pack('>Hh', slope, offset)
    coef = rng.choice((ref.realistic_coef, ref.random_coef, ref.dyadic_coef))(rng)
    for i in range(5):
        if rng.random() < 0.4:
            coef[i] = rand_float(rng)
        img[a2 + 72 - 4 * i:a2 + 76 - 4 * i] = struct.pack('>I', coef[i])
    for at in range(a2 + 96, a2 + 106, 2):
        if rng.random() < 0.5:
            img[at:at + 2] = struct.pack('>H', rng.choice(
                (rng.randrange(0x10000), rng.choice(ref.RAW_EDGES))))
    for at in range(a2, a2 + 40, 2):
        if rng.random() < 0.2:
            img[at:at + 2] = struct.pack('>H', rng.randrange(0x10000))
    if rng.random() < 0.2:
        img[92] |= 0x20     # both calibration bits
    spoil_codes(rng, img)
    return img


def gen_flags(rng):
    img = realistic(rng)
    img[92] = rng.randrange(256) | rng.choice((0, 0x40))
    img[93] = rng.randrange(256)
    img[64] = rng.randrange(256)
    img[256 + 110:256 + 120] = bytes(rng.randrange(256) for _ in range(10))
    spoil_codes(rng, img)
    return img


def gen_thresholds(rng):
    img = realistic(rng)
    img[93] = rng.choice((0x00, 0x80, img[93]))
    for ch in range(5):
        at = 256 + 8 * ch
        kind = rng.randrange(6)
        if kind == 0:
            img[at:at + 8] = bytes(8)
        elif kind == 1:
            img[at:at + 8] = b'\xff' * 8
        elif kind == 2:     # low alarm above high alarm
            img[at:at + 2], img[at + 2:at + 4] = img[at + 2:at + 4], img[at:at + 2]
        elif kind == 3:     # low alarm equal to high alarm
            img[at + 2:at + 4] = img[at:at + 2]
        elif kind == 4:
            img[at:at + 8] = bytes(rng.randrange(256) for _ in range(8))
    spoil_codes(rng, img)
    return img


GENERATORS = {name: globals()['gen_' + name] for name, _ in CATEGORIES}
FAULT_EVERY = 8
# Fault classes (the judge counts each): weight, phase.
FAULT_KINDS = [('nack', 3, 'swap'), ('ff', 2, 'swap'), ('ff-partial', 4, 'swap'),
               ('unstable-a0', 2, 'swap'), ('unstable-a2', 2, 'swap'),
               ('nack-every', 2, 'read')]


def unstable_range(rng, blocks):
    lo, hi = rng.choice(blocks)          # a block and its check code
    length = rng.randrange(1, 16, 2)
    off = rng.randrange(lo, hi + 1 - length + 1)
    return off, length


def fault(seed, index):
    """(kind, phase, command) of image @index's fault, or None."""
    rng = random.Random(f'sff8472-fuzz-fault:{seed}:{index}')
    if rng.randrange(FAULT_EVERY):
        return None
    names, weights, phases = zip(*FAULT_KINDS)
    kind = rng.choices(names, weights)[0]
    n = rng.randrange(1, 40)
    if kind == 'nack':
        cmd = f'nack_nth {n}'
    elif kind == 'ff':
        cmd = f'ff_nth {n}'
    elif kind == 'ff-partial':
        cmd = f'ff_nth {n} {rng.randrange(1, 32)}'
    elif kind == 'unstable-a0':
        off, length = unstable_range(rng, [(0, 63), (64, 95)])
        cmd = f'unstable a0 {off} {length} 1'
    elif kind == 'unstable-a2':
        off, length = unstable_range(rng, [(0, 95)])
        cmd = f'unstable a2 {off} {length} 1'
    else:
        cmd = f'nack_every {rng.randrange(2, 8)}'
    return kind, phases[names.index(kind)], cmd


def image(seed, index):
    """(category, bytes) of image @index of @seed."""
    rng = random.Random(f'sff8472-fuzz:{seed}:{index}')
    names, weights = zip(*CATEGORIES)
    category = rng.choices(names, weights)[0]
    return category, bytes(GENERATORS[category](rng))


def main():
    if sys.argv[1] == '--one':
        seed, index, path = int(sys.argv[2]), int(sys.argv[3]), sys.argv[4]
        with open(path, 'wb') as f:
            f.write(image(seed, index)[1])
        return 0
    seed, first, count, out = int(sys.argv[1]), int(sys.argv[2]), int(sys.argv[3]), sys.argv[4]
    os.makedirs(out, exist_ok=True)
    with open(os.path.join(out, 'images.bin'), 'wb') as blob, \
            open(os.path.join(out, 'manifest'), 'w') as manifest, \
            open(os.path.join(out, 'faults'), 'w') as faults:
        for i in range(first, first + count):
            category, img = image(seed, i)
            assert len(img) in (256, 512), (category, len(img))
            blob.write(img.ljust(512, b'\0'))
            manifest.write(f'{i} {category} {len(img)}\n')
            f = fault(seed, i)
            if f:
                faults.write(f'{i} {f[0]} {f[1]} {f[2]}\n')
    return 0


if __name__ == '__main__':
    sys.exit(main())
