#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-2.0-only
"""Write a 512-byte module dump (A0h then A2h) for the end-to-end tests.

Built here from SFF-8472 Tables 3.1, 3.15 and 3.17, independently of the
emulator's profiles: an internally calibrated 1000BASE-LX module with habits
of real modules (vendor strings padded with NULs, 0xFF in the lot code), no
alarm flags advertised (A0h 93 bit 7 clear: limits, but no alarm files), and
RX power below its low warning threshold.

  make_dump.py FILE
"""
import struct
import sys


def field(text, width, pad=b'\0'):
    return text.encode().ljust(width, pad)


a0 = bytearray(256)
a0[0:3] = bytes([0x03, 0x04, 0x07])        # SFP, ext id, LC connector
a0[6] = 0x02                                # 1000BASE-LX
a0[11] = 0x01                               # 8B/10B
a0[12] = 13                                 # 1.3 GBd
a0[14:16] = bytes([10, 100])                # 10 km
a0[20:36] = field('E2E OPTICS', 16)         # NUL padded, as some vendors do
a0[37:40] = bytes([0x00, 0x17, 0x6a])
a0[40:56] = field('LX-1310-10', 16)
a0[56:60] = field('B1', 4, b' ')
a0[60:62] = struct.pack('>H', 1310)
a0[63] = sum(a0[0:63]) & 0xff
a0[64:66] = bytes([0x00, 0x1a])
a0[68:84] = field('E2E0000042', 16)
a0[84:92] = b'250607' + b'\xff\xff'        # 0xFF in the lot code
a0[92] = 0x68                               # DDM, internal, average power
a0[93] = 0x70                               # soft TX_DISABLE, TX_FAULT, RX_LOS; no flags
a0[94] = 0x08
a0[95] = sum(a0[64:95]) & 0xff

a2 = bytearray(256)
# High alarm, low alarm, high warning, low warning per channel (Table 3.15).
thresholds = [
    (0x5500, 0xfb00, 0x5000, 0x0000),       # 85, -5, 80, 0 degC
    (0x8fe8, 0x7530, 0x8a98, 0x7a80),       # 3.68, 3.00, 3.55, 3.13 V
    (0x9c40, 0x03e8, 0x88b8, 0x07d0),       # 80, 2, 70, 4 mA
    (0x1f07, 0x0c5a, 0x18a6, 0x0f8d),       # TX uW x10
    (0x2710, 0x0064, 0x1f07, 0x0190),       # RX: 1000, 10, 794.3, 40 uW
]
for i, t in enumerate(thresholds):
    a2[8 * i:8 * i + 8] = struct.pack('>4H', *t)
a2[95] = sum(a2[0:95]) & 0xff
# Live values: 41.5 degC, 3.301 V, 17.5 mA, 316.2 uW TX, 25.1 uW RX (< 40 uW warning).
a2[96:106] = struct.pack('>hHHHH', 0x2980, 33010, 8750, 3162, 251)
a2[110] = 0x00                              # data ready, no LOS/fault
a2[128:136] = b'USERDATA'

with open(sys.argv[1], 'wb') as f:
    f.write(bytes(a0 + a2))
