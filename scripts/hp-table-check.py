#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-2.0-only
"""The hot-plug transition table of Documentation/hwmon/sff8472.rst against
the one in sff8472_hotplug.c (sff8472_hp_next()), which is the machine.

    hp-table-check.py               exit 0 when they agree, cell by cell
    hp-table-check.py --self-test   a changed cell must be found

The events and states are read from their enums and name tables in the
sources, so a new state or event missing in either table fails as well.
"""
import os
import re
import sys

DRV = os.path.join('drivers', 'hwmon', 'sff8472')


def c_enum(text, name):
    """The constants of enum NAME, in order."""
    body = re.search(r'enum %s \{(.*?)\};' % name, text, re.S).group(1)
    body = re.sub(r'/\*.*?\*/', '', body, flags=re.S)
    return [c.split('=')[0].strip() for c in body.split(',') if c.strip()]


def c_table(repo):
    """{(state name, event name): next state name} from the C sources."""
    with open(os.path.join(repo, DRV, 'sff8472.h')) as f:
        header = f.read()
    with open(os.path.join(repo, DRV, 'sff8472_hotplug.c')) as f:
        source = f.read()
    states = [s for s in c_enum(header, 'sff8472_hp_state') if not s.endswith('NUM_STATES')]
    events = [e for e in c_enum(header, 'sff8472_hp_event') if not e.endswith('NUM_EVENTS')]
    state_name = dict(re.findall(r'\[(SFF8472_HP_\w+)\] = "([a-z]+)"', source))
    event_name = dict(re.findall(r'\[(SFF8472_EV_\w+)\] = "([a-z-]+)"', source))
    fn = source[source.index('enum sff8472_hp_state sff8472_hp_next('):]
    fn = fn[:fn.index('\n}\n')]
    letter = dict(re.findall(r'\b([A-Z]) = (SFF8472_HP_\w+)', fn))
    rows = dict(re.findall(r'\[([A-Z])\] = \{([^}]*)\}', fn))
    table = {}
    for row_letter, cells in rows.items():
        cells = [c.strip() for c in cells.split(',') if c.strip()]
        if len(cells) != len(events):
            raise SystemExit(f'C row {row_letter}: {len(cells)} cells, {len(events)} events')
        for ev, cell in zip(events, cells):
            table[(state_name[letter[row_letter]], event_name[ev])] = \
                state_name[letter[cell]]
    if len(rows) != len(states):
        raise SystemExit(f'C table: {len(rows)} rows, {len(states)} states')
    return table, [state_name[s] for s in states], [event_name[e] for e in events]


def rst_table(text):
    """{(state, column): next state} from the rst grid (- is the same state)."""
    lines = text.splitlines()
    head = next(i for i, l in enumerate(lines) if re.match(r'State\s+poll\s', l))
    columns = lines[head].split()[1:]
    table = {}
    for line in lines[head + 2:]:
        if line.startswith('='):
            break
        cells = [c.replace('\\-', '-') for c in line.split()]
        if len(cells) != len(columns) + 1:
            raise SystemExit(f'rst row "{line}": {len(cells) - 1} cells, {len(columns)} columns')
        for col, cell in zip(columns, cells[1:]):
            table[(cells[0], col)] = cells[0] if cell == '-' else cell
    return table, columns


def compare(c, rst_text):
    table, states, events = c
    rst, columns = rst_table(rst_text)
    wrong = []
    for ev in events:
        if ev == 'none':
            continue
        if ev not in columns:
            wrong.append(f'event {ev}: no column in the rst table')
            continue
        for st in states:
            want = table[(st, ev)]
            got = rst.get((st, ev))
            if got != want:
                wrong.append(f'{st} --{ev}--> C: {want}, rst: {got}')
    extra = {st for st, _ in rst} - set(states)
    wrong += [f'rst row {st}: no such state' for st in sorted(extra)]
    return wrong


def main():
    repo = os.path.join(os.path.dirname(os.path.abspath(__file__)), '..')
    self_test = sys.argv[1:] == ['--self-test']
    with open(os.path.join(repo, 'Documentation', 'hwmon', 'sff8472.rst')) as f:
        rst = f.read()
    c = c_table(repo)
    if self_test:
        # The cell present --doubt--> verify, turned into check.
        changed = re.sub(r'^(present\s+check\s+\S+\s+settle\s+empty\s+)verify',
                         r'\1check ', rst, flags=re.M)
        found = changed != rst and compare(c, changed)
        print('hp-table-check: a changed cell is ' + ('found' if found else 'NOT found'))
        return 0 if found else 1
    wrong = compare(c, rst)
    for w in wrong:
        print('hp-table-check: ' + w)
    n = len(c[1]) * (len(c[2]) - 1)
    print(f'hp-table-check: {len(wrong) or n} '
          + ('cells differ' if wrong else 'cells agree'))
    return 1 if wrong else 0


if __name__ == '__main__':
    sys.exit(main())
