#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-2.0-only
"""Variants of make_dump.py's module for the edge cases of edges.sh.

  make_edge_dumps.py DUMP OUTDIR

a0only.bin    the 256-byte A0h page alone, which advertises diagnostics
              (A0h 92 bit 6) although nothing answers at A2h
nothresh.bin  no alarm flags (A0h 93 bit 7 clear, as in DUMP) and the
              thresholds, A2h 0-39, never filled in (all zero); CC_DMI kept
              right, so the module is otherwise a good one
"""
import os
import sys

dump = bytearray(open(sys.argv[1], 'rb').read())
out = sys.argv[2]
assert len(dump) == 512 and dump[92] & 0x40 and not dump[93] & 0x80

with open(os.path.join(out, 'a0only.bin'), 'wb') as f:
    f.write(bytes(dump[:256]))

nothresh = bytearray(dump)
nothresh[256:256 + 40] = bytes(40)
nothresh[256 + 95] = sum(nothresh[256:256 + 95]) & 0xff
with open(os.path.join(out, 'nothresh.bin'), 'wb') as f:
    f.write(bytes(nothresh))
