#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-2.0-only
"""Write the 512-byte dump (A0h then A2h) of an externally calibrated module
whose readings show what the sfp.c fixes mend besides the emulator's
"external" profile: a value that the old code rounded twice, and one that
a negative offset takes below the format's range.

Built from SFF-8472 rev 11.0 Tables 3.1, 3.15, 3.16 and 3.17 alone:
  temperature  slope 0.5, offset -2560 LSB (-10 degC), A/D 23041:
               8960.5 LSB = 35.002 degC, which one rounding to an LSB first
               makes 35.004;
  TX power     slope 0.9375, offset -50 LSB, A/D 0: below 0, so 0 uW;
  RX power     Rx_PWR(0..4) = 5.0, 1.2, -2e-6, 0, 0 at A/D 3001;
  Vcc, bias    as the emulator's profile (offsets -100 LSB).

  sfp_dump.py FILE
"""
import os
import struct
import sys

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), '..', 'fuzz'))
from images import fix_codes  # noqa: E402

a0 = bytearray(256)
a0[0:3] = bytes([0x03, 0x04, 0x07])         # SFP, ext id, LC connector
a0[6] = 0x02                                # 1000BASE-LX
a0[12] = 13                                 # 1.3 GBd
a0[20:36] = b'SFP FIX CHECK'.ljust(16)
a0[40:56] = b'EXTCAL-EDGES'.ljust(16)
a0[60:62] = struct.pack('>H', 1310)
a0[68:84] = b'EDGE0001'.ljust(16)
a0[84:92] = b'261207  '
a0[92] = 0x58                               # DDM, external calibration, average
a0[93] = 0x80                               # alarm and warning flags
a0[94] = 0x02

a2 = bytearray(256)
thresholds = [                              # high alarm, low alarm, high warn, low warn
    (0x7800, 0xec00, 0x6e00, 0x0a00),       # temperature A/D
    (0x84b8, 0x6ea9, 0x810b, 0x7257),       # Vcc
    (0x17c0, 0x0370, 0x1310, 0x0500),       # bias
    (0x29e0, 0x04e2, 0x214e, 0x0619),       # TX power
    (0x0fa0, 0x0014, 0x0dac, 0x0028),       # RX power
]
for ch, limits in enumerate(thresholds):
    struct.pack_into('>4H', a2, 8 * ch, *limits)
for i, coef in enumerate((0.0, 0.0, -2e-6, 1.2, 5.0)):   # Rx_PWR(4) first
    struct.pack_into('>f', a2, 56 + 4 * i, coef)
struct.pack_into('>HhHhHhHh', a2, 76,
                 0x0140, -100,              # bias slope, offset
                 0x00f0, -50,               # TX power
                 0x0080, -2560,             # temperature
                 0x0110, -100)              # Vcc
struct.pack_into('>5H', a2, 96, 23041, 31153, 2880, 0, 3001)

image = a0 + a2
fix_codes(image)
with open(sys.argv[1], 'wb') as f:
    f.write(image)
