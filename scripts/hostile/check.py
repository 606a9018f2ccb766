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
and a 512-byte read whose halves come from different modules.

  check.py OUT TAGDIR POLL_MS UPDATE_MS LABEL=TAGS...

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
CLEAN_ERRORS = {'ENODEV', 'ENOENT', 'EIO', 'ENXIO'}
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
        for i in (0, 256):
            halves[hashlib.sha1(img[i:i + 256]).hexdigest()[:16]] = (t, i)
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
        if err not in CLEAN_ERRORS:
            self.bad.append(f'{label} {what}: {err}')


def judge_text(j, label, path, values):
    live = {'temp1_input', 'in0_input', 'vcc_100uv'}
    for line in open(path):
        t0, t1, what, text = line.rstrip('\n').split(' ', 3)
        j.ops += 1
        if text.startswith('!'):
            j.error(label, what, text[1:])
        elif (what, text) not in values:
            j.bad.append(f'{label} {what}: "{text}" is no module\'s')
        else:
            kind = 'live' if what in live else 'identity'
            j.value(label, what, kind, values[(what, text)], int(t0), int(t1))


def judge_eeprom(j, label, path, halves):
    for line in open(path):
        t0, t1, what, text = line.split()
        j.ops += 1
        if text.startswith('!'):
            j.error(label, what, text[1:])
            continue
        size, hashes = text.split(':')
        found = [halves.get(h) for h in hashes.split(',')]
        ok = (int(size) in (256, 512) and None not in found and
              [off for _, off in found] == [0, 256][:len(found)] and
              len({t for t, _ in found}) == 1)
        if not ok:
            j.bad.append(f'{label} {what}: {size} bytes, halves {found}')
            continue
        j.value(label, what, 'identity', found[0][0], int(t0), int(t1))
        if len(found) == 2:
            j.value(label, what, 'live', found[1][0], int(t0), int(t1))


def main():
    out, tagdir = sys.argv[1], sys.argv[2]
    poll_ms, update_ms = int(sys.argv[3]), int(sys.argv[4])
    res = e2e.Results()
    bounds = {'live': update_ms + JIFFY_MS,
              'identity': poll_ms + 50 + 100 + SCHED_MS}
    total, lags = 0, {k: 0.0 for k in bounds}
    for spec in sys.argv[5:]:
        label, tags = spec.split('=')
        values, halves = expected(tagdir, [int(t) for t in tags.split(',')])
        j = Judge(res, presence(f'{out}/{label}-swap.log'), bounds)
        judge_text(j, label, f'{out}/{label}-hwmon.log', values)
        judge_text(j, label, f'{out}/{label}-sysfs.log', values)
        judge_eeprom(j, label, f'{out}/{label}-eeprom.log', halves)
        swaps = sum(1 for line in open(f'{out}/{label}-swap.log')
                    if line.split()[2] == 'out')
        binds = sum(1 for line in open(f'{out}/{label}-bind.log')
                    if line.split()[2] == 'bind')
        res.check(f'{label}: {j.ops} reads ({j.errors} clean errors) during '
                  f'{swaps} swaps and {binds} rebinds each belong to a module '
                  'in the cage then', not j.bad and swaps and binds,
                  '; '.join(j.bad[:5]) + (f' (and {len(j.bad) - 5} more)'
                                          if len(j.bad) > 5 else ''))
        res.check(f'{label}: some reads saw values', j.ops > j.errors)
        total += j.ops
        for k in lags:
            lags[k] = max(lags[k], j.max_lag[k])
    print(f'concurrent {total}')
    print('largest lag: ' + ', '.join(f'{k} {v:.0f} ms (bound {bounds[k]})'
                                      for k, v in lags.items()))
    if os.environ.get('HOSTILE_COUNTS'):
        with open(os.environ['HOSTILE_COUNTS'], 'a') as f:
            f.write(f'{res.passed} {res.failed}\n')
    sys.exit(1 if res.failed else 0)


if __name__ == '__main__':
    main()
