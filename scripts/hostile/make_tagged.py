#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-2.0-only
"""Write N tagged module dumps for the concurrency test.

Each is the end-to-end dump of scripts/e2e/make_dump.py (a realistic,
internally calibrated module) with a per-module tag K (0 <= K < 52) in
what a reader sees of it:

  - the serial number (A0h 68-83), "CONC-TAG-" and a letter (A-Z, then
    a-z): a distinct CC_EXT, so the driver's periodic look tells the
    modules apart;
  - the temperature high alarm threshold (A2h 0-1) raised by K/256 degC:
    a distinct CC_DMI, so a live snapshot proves which module it read,
    and a distinct temp1_crit;
  - the live temperature (A2h 96-97), 20 + 2K degC, and VCC (A2h 98-99),
    3.0 V + K mV: distinct temp1_input, in0_input and vcc_100uv.

CC_BASE, CC_EXT and CC_DMI are recomputed (SFF-8472 section 8.6). Writes
DIR/tagK.bin for K = 0..N-1.

  make_tagged.py BASE_DUMP DIR N
"""
import os
import struct
import sys


def tagged(base, k):
    img = bytearray(base)
    a0, a2 = 0, 256
    letter = chr(ord('A') + k) if k < 26 else chr(ord('a') + k - 26)
    img[a0 + 68:a0 + 84] = f'CONC-TAG-{letter}'.encode().ljust(16, b' ')
    high_alarm = struct.unpack_from('>h', img, a2)[0] + k
    struct.pack_into('>h', img, a2, high_alarm)
    struct.pack_into('>hH', img, a2 + 96, (20 + 2 * k) * 256, 30000 + 10 * k)
    img[a0 + 63] = sum(img[a0:a0 + 63]) & 0xff
    img[a0 + 95] = sum(img[a0 + 64:a0 + 95]) & 0xff
    img[a2 + 95] = sum(img[a2:a2 + 95]) & 0xff
    return bytes(img)


def main():
    base_path, out, n = sys.argv[1], sys.argv[2], int(sys.argv[3])
    if not 1 <= n <= 52:
        sys.exit('make_tagged: N is 1 to 52')
    base = open(base_path, 'rb').read()
    if len(base) != 512:
        sys.exit('make_tagged: the base dump must be 512 bytes')
    os.makedirs(out, exist_ok=True)
    for k in range(n):
        with open(os.path.join(out, f'tag{k}.bin'), 'wb') as f:
            f.write(tagged(base, k))


if __name__ == '__main__':
    main()
