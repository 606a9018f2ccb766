#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-2.0-only
"""Inside the board, as an unprivileged user: write, then read, everything.

  unpriv.py write DIR...        try to write every regular file of each
                                DIR (and the files named): each must fail
  unpriv.py read SECONDS DIR... read every readable regular file of each
                                DIR (and the files named) again and again
                                for SECONDS

Prints "ok:"/"FAILED:" lines; the read loop prints "read_ns N" (from
before its first read to after its last) and "reads N".
"""
import errno
import os
import sys
import time


def files(paths):
    out = []
    for p in paths:
        if os.path.isdir(p):
            out += sorted(os.path.join(p, f) for f in os.listdir(p)
                          if os.path.isfile(os.path.join(p, f)))
        else:
            out.append(p)
    return out


def try_writes(paths):
    """Every write refused, at open or at write; the names of the others."""
    written = []
    for path in paths:
        for data in (b'0\n', b'1\n', b'\xff' * 512):
            try:
                fd = os.open(path, os.O_WRONLY)
            except OSError as e:
                if e.errno not in (errno.EACCES, errno.EPERM):
                    written.append(f'{path}: open {errno.errorcode[e.errno]}')
                break
            try:
                os.write(fd, data)
                written.append(f'{path}: wrote {data[:2]!r}')
            except OSError:
                pass
            finally:
                os.close(fd)
    return written


def read_loop(seconds, paths):
    readable = [p for p in paths if os.access(p, os.R_OK)]
    reads = 0
    start = time.monotonic_ns()
    end = start + int(seconds * 1e9)
    while time.monotonic_ns() < end:
        for path in readable:
            try:
                with open(path, 'rb') as f:
                    f.read()
            except OSError:
                pass
            reads += 1
    print(f'read_ns {time.monotonic_ns() - start}')
    print(f'reads {reads}')
    print(f'readable {len(readable)}')


def main():
    uid = os.getuid()
    if uid == 0:
        sys.exit('unpriv: must not run as root')
    if sys.argv[1] == 'write':
        paths = files(sys.argv[2:])
        bad = try_writes(paths)
        print(('ok' if not bad and paths else 'FAILED') +
              f': uid {uid} could write none of {len(paths)} files' +
              (': ' + '; '.join(bad) if bad else ''))
    else:
        read_loop(float(sys.argv[2]), files(sys.argv[3:]))


if __name__ == '__main__':
    main()
