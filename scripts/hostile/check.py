#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-2.0-only
"""Judge what the readers of stress.py read while modules were swapped.

Every value a reader logged must belong to a module of its cage that was
in the cage at some moment of the read, or no longer ago than the driver
promises to notice (Documentation/hwmon/sff8472.rst, "Caching" and
"Hot-plug"):

  - live values (hwmon inputs, full-resolution sysfs values, the A2h half
    of a 512-byte read) come from a snapshot at most update_interval old
    (plus one jiffy of rounding), proven by CC_DMI, which is distinct for
    every tagged module;
  - cached identity (vendor_sn, thresholds, the A0h half) lasts until the
    hot-plug machine has noticed the swap: one poll interval, the 50 and
    100 ms back-off of the two looks that confirm a removal, and
    SCHED_MS for the work item to get the CPU and the cache lock on one
    loaded UML CPU.

The expected values of each module come from its image, by SFF-8472 and
the exact reference of kunit/gen_calibration_vectors.py (through
scripts/e2e/check.py), never from the driver. A value that maps to no
module, or to a module absent then, fails; so does an error other than
the clean ones of an empty cage, an unbound driver or a failed live read,
and a 512-byte read whose halves come from different modules or that is
short other than as the ABI allows (352 bytes of the eeprom file when the
live snapshot failed).

  check.py OUT TAGDIR POLL_MS LABEL=TAGS:UPDATE_MS...   (TAGS: 0,1,2)

Prints ok:/FAILED: lines, "concurrent N" (reader operations) and the
largest lag seen per kind of value; exit status 1 on a failure.
"""
import hashlib
import os
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(HERE, '..', 'e2e'))
import check as e2e  # noqa: E402

JIFFY_MS = 10                    # CONFIG_HZ=100 in the UML kernel
SCHED_MS = 250
# Empty cage, unbound driver or removed hwmon device, failed live snapshot
# (every tagged module has A2h: no ENXIO).
CLEAN_ERRORS = {'ENODEV', 'ENOENT', 'EIO'}
MS = 1000000


def expected(tagdir, tags):
    """{(file, text): tag} and {half hash: tag} of every module."""
    values, halves = {}, {}
    for t in tags:
        img = open(f'{tagdir}/tag{t}.bin', 'rb').read()
        hw = e2e.expected_hwmon(img)
        for name in ('temp1_input', 'temp1_crit', 'in0_input'):
            values[(name, str(hw[name]))] = t
        values[('vendor_sn', img[68:84].decode().strip())] = t
        # A2h 98-99: VCC in units of 100 uV (SFF-8472 Table 3.17).
        values[('vcc_100uv', str(e2e.be16(img, 256 + 98)))] = t
        # A0h, A2h, and A2h up to its live bytes (96).
        for i, n in ((0, 256), (256, 256), (256, 96)):
            halves[hashlib.sha1(img[i:i + n]).hexdigest()[:16]] = (t, i)
    return values, halves


def presence(path):
    """{tag: [(in_t0, out_t1)]}: when each module may have been in the cage."""
    spans, cur = {}, None
    for line in open(path):
        t0, t1, what, tag = line.split()
        if what == 'in':
            cur = (int(tag), int(t0))
        else:
            spans.setdefault(cur[0], []).append((cur[1], int(t1)))
            cur = None
    if cur:
        spans.setdefault(cur[0], []).append((cur[1], 1 << 62))
    return spans


def lag_ms(spans, tag, t0, t1):
    """How long before the read the module was last in; None if never."""
    best = None
    for a, b in spans.get(tag, []):
        if a > t1:
            continue
        lag = max(0, t0 - b) / MS
        best = lag if best is None else min(best, lag)
    return best


class Judge:
    def __init__(self, res, spans, bounds):
        self.res, self.spans, self.bounds = res, spans, bounds
        self.ops = self.errors = 0
        self.errnos = {}
        self.bad = []
        self.max_lag = {k: 0.0 for k in bounds}

    def value(self, label, what, kind, tag, t0, t1):
        lag = lag_ms(self.spans, tag, t0, t1)
        if lag is None or lag > self.bounds[kind]:
            self.bad.append(f'{label} {what}: module {tag} read at {t0} '
                            f'was last in {lag} ms before')
        else:
            self.max_lag[kind] = max(self.max_lag[kind], lag)

    def error(self, label, what, err):
        self.errors += 1
        self.errnos[err] = self.errnos.get(err, 0) + 1
        if err not in CLEAN_ERRORS:
            self.bad.append(f'{label} {what}: {err}')


LIVE_FILES = {'temp1_input', 'in0_input', 'vcc_100uv'}


def judge_text(j, label, what, text, t0, t1, values):
    if (what, text) not in values:
        j.bad.append(f'{label} {what}: "{text}" is no module\'s')
        return
    kind = 'live' if what in LIVE_FILES else 'identity'
    j.value(label, what, kind, values[(what, text)], t0, t1)


def judge_eeprom(j, label, what, text, t0, t1, halves):
    """512 bytes, or (ABI: the live snapshot failed) the eeprom file's 352,
    up to A2h 96; each half, whole or up to there, from one module."""
    size, hashes = text.split(':')
    found = [halves.get(h) for h in hashes.split(',')]
    if ((size, what) not in (('512', 'eeprom'), ('512', 'nvmem'),
                             ('352', 'eeprom')) or None in found or
            [off for _, off in found] != [0, 256] or
            len({t for t, _ in found}) != 1):
        j.bad.append(f'{label} {what}: {size} bytes, halves {found}')
        return
    j.value(label, what, 'identity', found[0][0], t0, t1)
    j.value(label, what, 'live' if size == '512' else 'identity',
            found[1][0], t0, t1)


def judge_log(j, label, path, values, halves):
    """Every operation of a reader's log."""
    for line in open(path):
        t0, t1, what, text = line.rstrip('\n').split(' ', 3)
        j.ops += 1
        if text.startswith('!'):
            j.error(label, what, text[1:])
        elif what in ('eeprom', 'nvmem'):
            judge_eeprom(j, label, what, text, int(t0), int(t1), halves)
        else:
            judge_text(j, label, what, text, int(t0), int(t1), values)


def main():
    out, tagdir = sys.argv[1], sys.argv[2]
    poll_ms = int(sys.argv[3])
    res = e2e.Results()
    total = 0
    for spec in sys.argv[4:]:
        label, tags = spec.split('=')
        tags, update_ms = tags.split(':')
        # With update_interval 0 every read is a snapshot of its own.
        bounds = {'live': int(update_ms) + (JIFFY_MS if int(update_ms) else 0),
                  'identity': poll_ms + 50 + 100 + SCHED_MS}
        values, halves = expected(tagdir, [int(t) for t in tags.split(',')])
        j = Judge(res, presence(f'{out}/{label}-swap.log'), bounds)
        for reader in ('hwmon', 'sysfs', 'eeprom', 'held'):
            judge_log(j, label, f'{out}/{label}-{reader}.log', values, halves)
        swaps = sum(1 for line in open(f'{out}/{label}-swap.log')
                    if line.split()[2] == 'out')
        binds = 0
        if os.path.exists(f'{out}/{label}-bind.log'):
            binds = sum(1 for line in open(f'{out}/{label}-bind.log')
                        if line.split()[2] == 'bind')
        res.check(f'{label}: {j.ops} reads ({j.errors} clean errors) during '
                  f'{swaps} swaps and {binds} rebinds (update_interval '
                  f'{update_ms} ms) each belong to a module in the cage then',
                  not j.bad and swaps,
                  '; '.join(j.bad[:5]) + (f' (and {len(j.bad) - 5} more)'
                                          if len(j.bad) > 5 else ''))
        res.check(f'{label}: some reads saw values', j.ops > j.errors)
        print(f'{label} errors: ' + ', '.join(f'{e} {n}' for e, n in
                                              sorted(j.errnos.items())))
        total += j.ops
        print(f'{label} largest lag: ' + ', '.join(
            f'{k} {v:.0f} ms (bound {bounds[k]})' for k, v in j.max_lag.items()))
    print(f'concurrent {total}')
    if os.environ.get('HOSTILE_COUNTS'):
        with open(os.environ['HOSTILE_COUNTS'], 'a') as f:
            f.write(f'{res.passed} {res.failed}\n')
    sys.exit(1 if res.failed else 0)


if __name__ == '__main__':
    main()
