#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-2.0-only
"""An externally calibrated variant of make_dump.py's module for the BMC tier.

  make_external.py DUMP OUT

From SFF-8472 Tables 3.15-3.18, independently of the driver: A0h 92 says
external calibration (bit 4, bit 5 clear), A2h 56-91 hold the constants
(Rx_PWR(4)..(0) as big-endian IEEE-754 floats, then slope and signed offset
of TX bias, TX power, temperature and Vcc), and A0h 93 bit 7 advertises the
alarm and warning flags of A2h 112-117, of which RX power low warning is
set. The raw A/D values and thresholds stay those of DUMP; the part and
serial numbers differ, so the two modules are told apart in the output.
"""
import struct
import sys

image = bytearray(open(sys.argv[1], 'rb').read())
assert len(image) == 512
a0, a2 = image[:256], image[256:]
a0[40:56] = b'LX-1310-EXTCAL'.ljust(16, b'\0')
a0[63] = sum(a0[0:63]) & 0xff
a0[68:84] = b'E2E0000043'.ljust(16, b'\0')
a0[92] = (a0[92] & ~0x20) | 0x10            # DDM, external calibration
a0[93] |= 0x80                              # alarm/warning flags implemented
a0[95] = sum(a0[64:95]) & 0xff
a2[56:76] = struct.pack('>5f', 0.0, 0.0, 0.0, 1.25, 2.0)   # Rx_PWR(4)..(0)
a2[76:92] = struct.pack('>HhHhHhHh',
                        0x0110, 0,            # TX bias: slope 1.0625, offset 0
                        0x00f0, 5,            # TX power: slope 0.9375, +0.5 uW
                        0x0100, 0x0080,       # temperature: slope 1, +0.5 degC
                        0x0100, -100)         # Vcc: slope 1, -10 mV
a2[95] = sum(a2[0:95]) & 0xff
a2[112:118] = bytes([0x00, 0x00, 0, 0, 0x00, 0x40])   # RX power low warning
with open(sys.argv[2], 'wb') as f:
    f.write(bytes(a0 + a2))
