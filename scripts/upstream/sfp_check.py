#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-2.0-only
"""Linux's sfp.c before and after our fixes (the net and net-next series of
scripts/upstream/sfp/), against the exact reference.

Reads what sfp-inside.sh wrote on two boards: BEFORE ran Debian's 6.12 UML
kernel, whose sfp.c is stock (its hwmon code is the newest kernel's, line
for line), AFTER the newest kernel with both series applied. Every expected
value is computed from the cage's image by scripts/e2e/check.py, that is
from SFF-8472 and kunit/gen_calibration_vectors.py, never from either
driver. Prints the values stock sfp.c gets wrong beside the fixed ones, and
one "ok:"/"FAILED:" line per check. With SFP_VALUES_CSV set, also writes
those values there (cage, module, file, stock, fixed, reference), the
driver series' cover letter's table (scripts/upstream/hwmon_series.py).

  sfp_check.py BEFORE AFTER LABEL=WHAT...
"""
import csv
import os
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(HERE, '..', 'e2e'))
import check as e2e  # noqa: E402

# The symptoms the patches' commit messages quote, as stock sfp.c shows
# them: (cage, hwmon file) -> value, or None for a file it hides. The
# other one, net-next 1/2's TX power of -5 uW (port2 power1_input), shows
# only once net 1/2 has made the offsets signed; stock sfp.c reads 6549.
QUOTED = {
    ('port1', 'in0_input'): '9854',        # net 1/2: 9.854 V, not 3.300 V
    ('port1', 'curr1_input'): '138',       # net 1/2: 138 mA, not 7 mA
    ('port1', 'power1_input'): '6870',     # net 1/2: 6870 uW, not 316 uW
    ('port1', 'temp1_lcrit'): '108000',    # net 2/2: 108 degC, not -20
    ('port2', 'temp1_input'): '35004',     # net-next 1/2: 35.004 degC, not 35.002
    ('port1', 'power2_input'): None,       # net-next 2/2: hidden, not 269 uW
}


def expected(image):
    exp = e2e.expected_hwmon(image)
    del exp['name']     # sfp.c names its devices after the cage
    return {k: None if v is None else str(v) for k, v in exp.items()}


def show(value):
    return 'absent' if value is None else value


def main():
    before_dir, after_dir, cages = sys.argv[1], sys.argv[2], sys.argv[3:]
    res = e2e.Results()
    rows = []
    for cage in cages:
        label, _, what = cage.partition('=')
        paths = {w: os.path.join(d, label) for w, d in
                 (('before', before_dir), ('after', after_dir))}
        files = {w: e2e.read_files(os.path.join(p, 'files'), True)
                 for w, p in paths.items()}
        with open(os.path.join(paths['after'], 'image'), 'rb') as f:
            exp = expected(f.read())
        for w in files:
            res.check(f'sfp.c {w} the fixes: {label} ({what}) has a hwmon device',
                      bool(files[w]), 'see the board log')
        wrong = [k for k in exp if files['after'].get(k) != exp[k]]
        res.check(f'sfp.c with the fixes: {label} ({what}) shows all {len(exp)} '
                  'inputs, limits, alarms and labels as the exact reference',
                  not wrong, ', '.join(f'{k} {show(files["after"].get(k))} '
                                       f'(reference {show(exp[k])})'
                                       for k in wrong))
        for k in exp:
            if files['before'].get(k) != exp[k]:
                rows.append((label, what, k, show(files['before'].get(k)),
                             show(files['after'].get(k)), show(exp[k])))
        if what.startswith('internal'):
            changed = [k for k in exp if files['before'].get(k) != files['after'].get(k)]
            res.check(f'sfp.c: {label} ({what}) reads the same before and after the fixes',
                      not changed, ', '.join(changed))
        for (q_label, k), value in QUOTED.items():
            if q_label == label:
                res.check(f'stock sfp.c: {label} {k} reads {show(value)}, '
                          'as the commit message says',
                          files['before'].get(k) == value,
                          f'it reads {show(files["before"].get(k))}')

    print('\nValues stock sfp.c shows wrong (hwmon units), with the fixes, '
          'and the exact reference:\n')
    print('| file | stock sfp.c | with the fixes | reference |')
    print('|---|---|---|---|')
    for label, _, *row in rows:
        print(f'| {label} ' + ' | '.join(row) + ' |')
    print()
    if os.environ.get('SFP_VALUES_CSV'):
        with open(os.environ['SFP_VALUES_CSV'], 'w', newline='') as f:
            out = csv.writer(f)
            out.writerow(('cage', 'module', 'file', 'stock', 'fixed', 'reference'))
            out.writerows(rows)
    return e2e.finish(res, 'sfp.c values')


if __name__ == '__main__':
    sys.exit(main())
