#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-2.0-only
"""The driver's layers call one way only (sff8472.h's layer comment).

    layer-check.py [--self-test]

Builds the graph of calls between the driver's .c files (a file calls
another when it names a function or object the other defines) and fails on
any cycle, and on an output (hwmon, nvmem, sysfs) that calls anything but
the cache and the pure code. --self-test adds a call from the cache to
hot-plug and must see the check fail.
"""
import glob
import os
import re
import sys

DRV = os.path.join(os.path.dirname(os.path.abspath(__file__)), '..',
                   'drivers', 'hwmon', 'sff8472')
OUTPUTS = {'sff8472_hwmon.c', 'sff8472_nvmem.c', 'sff8472_sysfs.c'}
LEAVES = {'sff8472_cache.c', 'sff8472_decode.c', 'sff8472_calibration.c',
          'sff8472_name.c'}


def graph(sources):
    defined = {}
    for f, text in sources.items():
        for m in re.finditer(r'^[a-z][^\n;=]*?\b(sff8472_\w+)\(', text, re.M):
            defined.setdefault(m.group(1), f)
        for m in re.finditer(r'^(?:const )?struct \w+ (sff8472_\w+)\s*=', text, re.M):
            defined.setdefault(m.group(1), f)
    edges = {f: set() for f in sources}
    for f, text in sources.items():
        # A comment that names another file's function is no call.
        code = re.sub(r'/\*.*?\*/|//[^\n]*', ' ', text, flags=re.S)
        for name in set(re.findall(r'\bsff8472_\w+', code)):
            if defined.get(name, f) != f:
                edges[f].add(defined[name])
    return edges


def cycles(edges):
    found, state = [], {}

    def visit(f, path):
        state[f] = 'open'
        for g in sorted(edges[f]):
            if state.get(g) == 'open':
                found.append(path[path.index(g):] + [g])
            elif g not in state:
                visit(g, path + [g])
        state[f] = 'done'

    for f in sorted(edges):
        if f not in state:
            visit(f, [f])
    return found


def problems(sources):
    edges = graph(sources)
    out = [' -> '.join(c) for c in cycles(edges)]
    for f in sorted(OUTPUTS & set(edges)):
        out += [f'{f} -> {g} (an output calls only the cache)'
                for g in sorted(edges[f] - LEAVES)]
    return out


def main():
    sources = {}
    for path in glob.glob(os.path.join(DRV, '*.c')):
        if not path.endswith('_test.c'):
            with open(path) as f:
                sources[os.path.basename(path)] = f.read()
    if sys.argv[1:] == ['--self-test']:
        sources['sff8472_cache.c'] += '\nstatic void f(void) { sff8472_hp_kick(0, 0); }\n'
        found = bool(problems(sources))
        print('layer-check: a call from the cache to hot-plug is ' +
              ('found' if found else 'NOT found'))
        return 0 if found else 1
    wrong = problems(sources)
    for w in wrong:
        print('layer-check: ' + w)
    print(f'layer-check: {len(sources)} files, ' +
          (f'{len(wrong)} problems' if wrong else 'calls go one way'))
    return 1 if wrong else 0


if __name__ == '__main__':
    sys.exit(main())
