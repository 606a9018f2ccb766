#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-2.0-only
"""Check what the emulated board showed against independent expectations.

Reads the snapshots scripts/e2e/collect.sh wrote (per cage: the emulator's
image, the eeprom file, sysfs, hwmon, modes, and `sensors -u`) and computes
what a user must see from the image bytes alone, with SFF-8472's tables and
the exact reference of kunit/gen_calibration_vectors.py: never from the
driver. Prints one "ok:"/"FAILED:" line per check and the counts.

  check.py OUT MODE [--metrics] LABEL=KIND...     KIND: ddm, no-ddm, empty

With --metrics, also OUT/metrics: what Prometheus node_exporter's hwmon
collector exported of the board.

  check.py --scenario OUT DUMP [--no-metrics]   scenario.sh's steps
  check.py --edges OUT                          edges.sh's steps

--no-metrics: the board's kernel has no networking, so no node_exporter.
"""

import math
import os
import re
import struct
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(HERE, '..', '..', 'kunit'))
import gen_calibration_vectors as ref  # noqa: E402

CHANNELS = [  # hwmon name, label, spec channel, sensors -u divisor
    ('temp1', 'temperature', ref.TEMP, 1000),
    ('in0', 'VCC', ref.VCC, 1000),
    ('curr1', 'bias', ref.BIAS, 1000),
    ('power1', 'TX_power', ref.TX, 1000000),
    ('power2', 'RX_power', ref.RX, 1000000),
]
# hwmon limit suffix -> offset of its threshold in a channel's 8 bytes (Table 3.15)
LIMITS = {'crit': 0, 'lcrit': 2, 'max': 4, 'min': 6}
# hwmon alarm suffix -> (flag byte offset from 112, bit) for channel index 0..4
ALARM_BYTES = {'crit_alarm': (0, 'high'), 'lcrit_alarm': (0, 'low'),
               'max_alarm': (4, 'high'), 'min_alarm': (4, 'low')}
EXT_SLOPE = {ref.TEMP: 84, ref.VCC: 88, ref.BIAS: 76, ref.TX: 80}


class Results:
    def __init__(self):
        self.passed = self.failed = 0

    def check(self, name, ok, detail=''):
        if ok:
            self.passed += 1
            print(f'ok: {name}')
        else:
            self.failed += 1
            print(f'FAILED: {name}{": " + detail if detail else ""}')
        return ok


def be16(b, off):
    return struct.unpack_from('>H', b, off)[0]


def calibrate(a0, a2, ch, raw, unit=ref.HWMON):
    """Expected value of raw A/D value `raw` in `unit` (hwmon's by default),
    per the spec; None where the spec's arithmetic fails (NaN, Inf, terms out
    of range of both signs)."""
    external = bool(a0[92] & 0x10)
    if ch == ref.RX and external:
        coef = [struct.unpack_from('>I', a2, 72 - 4 * i)[0] for i in range(5)]
        value, err, _ = ref.rx(unit, raw, coef)
        return None if err else value
    slope = be16(a2, EXT_SLOPE[ch]) if ch != ref.RX else 256
    offset = struct.unpack_from('>h', a2, EXT_SLOPE[ch] + 2)[0] if ch != ref.RX else 0
    return ref.linear(ch, unit, external, slope, offset, raw)


def flag(a2, base, ch, which):
    """Alarm/warning flag bit of channel ch from A2h 112-113 / 116-117 (Table 3.18)."""
    bit = 15 - 2 * ch - (0 if which == 'high' else 1)
    word = be16(a2, 112 + base)
    return (word >> bit) & 1


def hwmon_name(label):
    """The hwmon name of a cage (design.md): sff8472_<label>, with what hwmon
    refuses in a name ('-', '*', space, tab, newline) turned into '_'."""
    return re.sub(r'[-* \t\n]', '_', f'sff8472_{label}') if label else 'sff8472'


def expected_hwmon(image, label=None):
    """{file: value} a user must read from the hwmon directory."""
    a0, a2 = image[:256], image[256:512]
    exp = {'name': hwmon_name(label)}
    for i, (name, chan_label, ch, _) in enumerate(CHANNELS):
        exp[f'{name}_label'] = chan_label
        exp[f'{name}_input'] = calibrate(a0, a2, ch, be16(a2, 96 + 2 * i))
        for suffix, off in LIMITS.items():
            exp[f'{name}_{suffix}'] = calibrate(a0, a2, ch, be16(a2, 8 * i + off))
        # Only the module's own flags: hwmon drivers do not compare
        # readings with limits (sysfs-interface.rst).
        if has_flags(image):
            for suffix, (base, which) in ALARM_BYTES.items():
                exp[f'{name}_{suffix}'] = flag(a2, base, i, which)
    return exp


def has_flags(image):
    """A0h byte 93 bit 7: the module implements alarm and warning flags."""
    return bool(image[93] & 0x80)


def beyond_limit(exp, name, suffix):
    """What an alert on input against limit gives for a module without
    flags (the documented rules): 1 past the limit, 0 within, None without
    a limit to compare with."""
    limit = exp.get(f'{name}_{suffix.removesuffix("_alarm")}')
    value = exp.get(f'{name}_input')
    if limit is None or value is None:
        return None
    return int(value < limit if suffix in ('lcrit_alarm', 'min_alarm') else value > limit)


def read_pairs(path):
    """{name: value} from "name value" lines (steps, stats)."""
    pairs = {}
    if os.path.exists(path):
        for line in open(path, encoding='utf-8', errors='replace'):
            k, _, v = line.rstrip('\n').partition(' ')
            pairs[k] = v
    return pairs


def in_hwmon(path):
    return '/hwmon/hwmon' in path


def read_files(path, hwmon):
    """{file name: value or "!error"} of the device's (or its hwmon's) files,
    from dump_files (scripts/uml-lib.sh)."""
    files = {}
    if os.path.exists(path):
        for line in open(path, encoding='utf-8', errors='replace'):
            line = line.rstrip('\n')
            if line.startswith('grep: '):
                fpath, _, value = line[len('grep: '):].rpartition(': ')
                value = '!' + value
            else:
                fpath, _, value = line.partition(':')
            if in_hwmon(fpath) == hwmon:
                files[os.path.basename(fpath)] = value
    return files


def read_modes(path, hwmon=False):
    """{file name: octal mode} from dump_modes (scripts/uml-lib.sh)."""
    return {os.path.basename(k): v for k, v in read_pairs(path).items()
            if in_hwmon(k) == hwmon}


def parse_sensors_u(path):
    """{chip: {subfeature: value string}} from `sensors -u`."""
    chips, chip = {}, None
    for line in open(path, encoding='utf-8', errors='replace'):
        line = line.rstrip('\n')
        if re.match(r'^\S+-i2c-\d+-[0-9a-f]+$', line):
            chip = chips.setdefault(line, {})
        elif chip is not None and (m := re.match(r'^  (\w+): (\S+)$', line)):
            chip[m.group(1)] = m.group(2)
    return chips


def abi_files():
    """{file: octal mode} documented in the ABI file for the client device."""
    path = os.path.join(HERE, '..', '..', 'Documentation', 'ABI', 'testing',
                        'sysfs-driver-sff8472')
    files, what = {}, []
    for line in open(path, encoding='utf-8'):
        if m := re.match(r'^What:\s+/sys/bus/i2c/devices/<bus>-0050/(\w+)$', line):
            what.append(m.group(1))
        elif m := re.search(r'\((?:RO|RW|WO), (0[0-7]{3})\b', line):
            for w in what:
                files[w] = m.group(1)
            what = []
    return files


def check_cage(res, out, mode, label, kind, dt_label=True):
    d = os.path.join(out, label)
    tag = f'{mode} {label} ({kind})'
    image = open(os.path.join(d, 'image'), 'rb').read() if os.path.exists(
        os.path.join(d, 'image')) else b''
    eeprom = open(os.path.join(d, 'eeprom'), 'rb').read() if os.path.exists(
        os.path.join(d, 'eeprom')) else b''
    hwmon = read_files(os.path.join(d, 'files'), hwmon=True)
    sysfs = read_files(os.path.join(d, 'files'), hwmon=False)

    if kind == 'empty':
        res.check(f'{tag}: no hwmon device', not hwmon)
        res.check(f'{tag}: present reads 0', sysfs.get('present') == '0', sysfs.get('present', ''))
        res.check(f'{tag}: identity fails while empty',
                  sysfs.get('vendor_name', '').startswith('!'), sysfs.get('vendor_name', ''))
        return
    res.check(f'{tag}: present reads 1', sysfs.get('present') == '1', sysfs.get('present', ''))
    n = len(image)
    res.check(f'{tag}: eeprom equals the image ({n} bytes)',
              n in (256, 512) and eeprom[:n] == image,
              f'eeprom {len(eeprom)} bytes, first difference at '
              f'{next((i for i in range(min(n, len(eeprom))) if eeprom[i] != image[i]), "end")}')
    nvmem = open(os.path.join(d, 'nvmem'), 'rb').read() if os.path.exists(
        os.path.join(d, 'nvmem')) else b''
    res.check(f'{tag}: the nvmem device reads the same bytes', nvmem[:n] == image and n,
              f'nvmem {len(nvmem)} bytes')
    mode_file = os.path.join(d, 'nvmem.mode')
    nv_mode = open(mode_file).read().strip() if os.path.exists(mode_file) else 'missing'
    res.check(f'{tag}: the nvmem device is readable by all, writable by none (0444)',
              nv_mode == '444', nv_mode)
    if kind == 'no-ddm':
        res.check(f'{tag}: no hwmon device without diagnostics', not hwmon, str(hwmon)[:80])
        return
    exp = expected_hwmon(image, label)
    if dt_label:    # a cage named by the labels parameter has no hwmon label file
        exp['label'] = label    # the DT label of the cage (design.md: fixed name)
    bad = [f'{k}={hwmon.get(k)!r} want {v!r}' for k, v in exp.items()
           if hwmon.get(k) != str(v)]
    res.check(f'{tag}: hwmon values, thresholds, labels and alarms', not bad, '; '.join(bad[:6]))
    alarms = sorted(k for k in hwmon if k.endswith('_alarm'))
    res.check(f'{tag}: alarm files only as the module\'s flags '
              f'({"flags" if has_flags(image) else "none without flags"})',
              alarms == sorted(k for k in exp if k.endswith('_alarm')), ' '.join(alarms[:6]))


def check_sensors(res, out, mode, labels):
    chips = parse_sensors_u(os.path.join(out, 'sensors-u'))
    for label, kind in labels:
        d = os.path.join(out, label)
        if kind != 'ddm':
            continue
        devname = open(os.path.join(d, 'devname')).read().strip()   # e.g. 3-0050
        bus, addr = devname.split('-')
        chip = chips.get(f'{hwmon_name(label)}-i2c-{bus}-{int(addr, 16):x}')
        if not res.check(f'{mode} {label}: sensors -u lists the chip', chip is not None,
                         ', '.join(chips)):
            continue
        exp = expected_hwmon(open(os.path.join(d, 'image'), 'rb').read())
        bad = []
        for name, _, _, div in CHANNELS:
            for k, v in exp.items():
                if k.startswith(name + '_') and not k.endswith('_label'):
                    want = f'{v / (1 if k.endswith("alarm") else div):.3f}'
                    if chip.get(k) != want:
                        bad.append(f'{k}={chip.get(k)} want {want}')
        res.check(f'{mode} {label}: sensors -u values', not bad, '; '.join(bad[:6]))


def check_cost(res, out, mode, labels):
    # One sensors run with an expired cache costs one live read, split by the
    # adapter's limits; nothing for thresholds or labels. The bounds come
    # from the layout, not the code: A2h 96-119 is 24 bytes, then CC_DMI
    # (A2h 95) is read as proof that the module answered to the end. Plain
    # I2C carries both in one transfer of four messages (two transfers with
    # 16-byte chunks: 96-111, then 112-119 and the proof); SMBus block needs
    # a block read and a byte read; words carry 2 (12 + 1); a byte-only bus
    # reads the seven 16-bit fields of 96-109 MSB-LSB-MSB (21), 110-119 (10)
    # and the proof byte.
    limit = {'i2c': 1, 'i2c16': 2, 'smbus-block': 2, 'smbus-word': 13,
             'smbus-byte': 7 * 3 + 10 + 1}[mode.removeprefix('mux-').split('/')[-1]]
    for label, kind in labels:
        stats = read_pairs(os.path.join(out, label, 'sensors-cost'))
        if kind != 'ddm':
            continue
        t = int(stats['transactions'])
        res.check(f'{mode} {label}: a sensors run costs {t} <= {limit} transactions',
                  t <= limit)
        res.check(f'{mode} {label}: no torn reads', stats.get('torn_reads') == '0',
                  stats.get('torn_reads', ''))


# node_exporter's hwmon collector: metric unit and scale per hwmon type
# (its values are the sysfs values in base units; alarm files are scaled
# the same way, so a set power alarm reads 1e-06).
EXPORTER_UNITS = {'temp': ('celsius', 1e-3), 'in': ('volts', 1e-3),
                  'curr': ('amps', 1e-3), 'power': ('watt', 1e-6)}


def parse_metrics(path):
    """[(metric, {label: value}, value)] from Prometheus' text format."""
    series = []
    for line in open(path, encoding='utf-8', errors='replace'):
        line = line.strip()
        if not line or line.startswith('#'):
            continue
        m = re.match(r'^([a-zA-Z_:][\w:]*)(?:\{(.*)\})?\s+(\S+)$', line)
        if m:
            labels = dict(re.findall(r'(\w+)="((?:[^"\\]|\\.)*)"', m.group(2) or ''))
            series.append((m.group(1), labels, float(m.group(3))))
    return series


def expected_series(image, label, chip):
    """{(metric, sensor): value} node_exporter must export for one cage."""
    exp = {('node_hwmon_chip_names', hwmon_name(label)): 1.0}
    for file, value in expected_hwmon(image, label).items():
        m = re.match(r'^([a-z]+)(\d+)_(\w+)$', file)
        if not m or value is None:
            continue
        kind, sensor, element = m.group(1), m.group(1) + m.group(2), m.group(3)
        if element == 'label':
            exp[('node_hwmon_sensor_label', sensor, value)] = 1.0
            continue
        unit, scale = EXPORTER_UNITS[kind]
        middle = '' if element == 'input' else f'_{element}'
        exp[(f'node_hwmon_{kind}{middle}_{unit}', sensor)] = value * scale
    return exp


def check_metrics(res, tag, path, cages):
    """cages: [(label, image or None, devname, update_interval ms)]; image
    None: the cage has no hwmon device."""
    if not res.check(f'{tag}: node_exporter scraped', os.path.exists(path)):
        return
    series = parse_metrics(path)
    for label, image, devname, interval in cages:
        # node_exporter names a chip after its device's path: the adapter
        # i2c-B, then the client B-0050.
        bus = devname.split('-')[0]
        chip = f'i2c_{bus}_{devname.replace("-", "_")}'
        got = {}
        for metric, labels, value in series:
            if labels.get('chip') != chip:
                continue
            if metric == 'node_hwmon_chip_names':
                key = (metric, labels.get('chip_name'))
            elif metric == 'node_hwmon_sensor_label':
                key = (metric, labels.get('sensor'), labels.get('label'))
            else:
                key = (metric, labels.get('sensor'))
            got[key] = value
        if image is None:
            res.check(f'{tag} {label}: no node_exporter series without a hwmon device',
                      not got, str(sorted(got))[:200])
            continue
        exp = expected_series(image, label, chip)
        exp[('node_hwmon_update_interval_seconds', 'update_interval0')] = interval / 1000
        res.check(f'{tag} {label}: node_hwmon_chip_names maps {chip} to {hwmon_name(label)}',
                  got.get(('node_hwmon_chip_names', hwmon_name(label))) == 1.0,
                  str([k for k in got if k[0] == 'node_hwmon_chip_names']))
        units = {k: v for k, v in exp.items() if re.search(r'_(celsius|volts|amps|watt)$', k[0])}
        bad = [f'{k[0]}{{sensor="{k[1]}"}}={got.get(k)} want {v:g}' for k, v in units.items()
               if k[0].find('_alarm_') < 0
               and (k not in got or not math.isclose(got[k], v, rel_tol=1e-9, abs_tol=1e-12))]
        res.check(f'{tag} {label}: node_exporter values and thresholds in '
                  f'celsius, volts, amps and watts', not bad, '; '.join(bad[:6]))
        alarms = {k: v for k, v in units.items() if k[0].find('_alarm_') >= 0}
        bad = [f'{k[0]}{{sensor="{k[1]}"}}={got.get(k)} want {v:g}' for k, v in alarms.items()
               if k not in got or not math.isclose(got[k], v, rel_tol=1e-9, abs_tol=1e-12)]
        res.check(f'{tag} {label}: node_exporter alarm series '
                  f'({sum(1 for v in alarms.values() if v)} set of {len(alarms)})',
                  len(alarms) == (20 if has_flags(image) else 0) and not bad,
                  '; '.join(bad[:6]))
        labels_bad = [k for k in exp if k[0] == 'node_hwmon_sensor_label' and k not in got]
        res.check(f'{tag} {label}: node_hwmon_sensor_label carries the channel labels',
                  not labels_bad, str(labels_bad))
        # Nothing else: no series from the driver's own sysfs files, which
        # node_exporter also reads (the hwmon device's "device" directory).
        extra = sorted(str(k) for k in got if k not in exp)
        res.check(f'{tag} {label}: no node_exporter series beyond the hwmon channels',
                  not extra and len(got) == len(exp), '; '.join(extra[:6]))


# The Prometheus rules Documentation/hwmon/sff8472-out-of-tree.rst gives, tested with
# promtool against what node_exporter exported while alarms were set.
ALERTS = {  # alert name -> (alarm file suffix, summary wording)
    'SfpHighAlarm': ('crit_alarm', 'above its high alarm threshold'),
    'SfpLowAlarm': ('lcrit_alarm', 'below its low alarm threshold'),
    'SfpHighWarning': ('max_alarm', 'above its high warning threshold'),
    'SfpLowWarning': ('min_alarm', 'below its low warning threshold'),
}


def doc_rules():
    """The rule group of the hwmon documentation's Monitoring section: the
    literal block that starts with "groups:" and the recording rule block."""
    path = os.path.join(HERE, '..', '..', 'Documentation', 'hwmon',
                        'sff8472-out-of-tree.rst')
    lines = open(path, encoding='utf-8').read().split('\n')
    out = []
    for i, line in enumerate(lines):
        if line in ('    groups:', '          - record: sff8472:optical_power:dbm'):
            j = i
            while j < len(lines) and (lines[j].startswith('    ') or not lines[j].strip()):
                out.append(lines[j][4:])
                j += 1
    return '\n'.join(out) + '\n'


def yaml_str(text):
    return '"' + text.replace('\\', '\\\\').replace('"', '\\"') + '"'


def yaml_map(labels):
    return '{' + ', '.join(f'{k}: {yaml_str(v)}' for k, v in sorted(labels.items())) + '}'


def labels_text(labels):
    return '{' + ','.join(f'{k}={yaml_str(v)}' for k, v in sorted(labels.items())) + '}'


def check_doc_rules(res, tag, path, cages, work):
    """cages: [(label, image, devname)]. Every set alarm of a module with
    flags, and every input past its limit on a module without them, fires its
    alert with the port and channel attached, nothing else fires, and the
    recording rule gives each power in dBm, computed from the image."""
    import subprocess
    rules = os.path.join(work, 'rules.yml')
    with open(rules, 'w') as f:
        f.write(doc_rules())
    try:
        r = subprocess.run(['promtool', 'check', 'rules', rules],
                           capture_output=True, text=True)
    except OSError as e:
        res.check(f'{tag}: promtool runs', False, repr(e))
        return
    res.check(f'{tag}: the documented rules are valid (promtool check rules: 4 alerts, 1 recording rule)',
              r.returncode == 0 and 'SUCCESS: 5 rules found' in r.stdout,
              (r.stdout + r.stderr).strip()[-300:])

    series = [(m, lbl, v) for m, lbl, v in parse_metrics(path) if m.startswith('node_hwmon_')]
    inputs = [f'      - series: {yaml_str(m + labels_text(dict(lbl, instance="board")))}\n'
              f'        values: "{v!r} {v!r} {v!r}"\n' for m, lbl, v in series]
    alert_tests, samples = [], []
    for label, image, devname in cages:
        bus = devname.split('-')[0]
        chip = f'i2c_{bus}_{devname.replace("-", "_")}'
        exp = expected_hwmon(image, label)
        for name, chan_label, _, _ in CHANNELS:
            for alert, (suffix, words) in ALERTS.items():
                fires = exp.get(f'{name}_{suffix}') if has_flags(image) else \
                    beyond_limit(exp, name, suffix)
                if fires == 1:
                    alert_tests.append((alert, {
                        'chip': chip, 'chip_name': hwmon_name(label), 'instance': 'board',
                        'sensor': name, 'label': chan_label,
                        'severity': 'critical' if 'Alarm' in alert else 'warning'},
                        f'{hwmon_name(label)} {chan_label} {words}'))
            if name.startswith('power'):
                uw = exp[f'{name}_input']
                dbm = 10 * math.log10(uw / 1000) if uw else -math.inf
                samples.append(({'chip': chip, 'chip_name': hwmon_name(label),
                                 'instance': 'board', 'sensor': name},
                                 math.floor(dbm * 100 + 0.5) / 100))
    test = ['rule_files: [rules.yml]\nevaluation_interval: 1m\ntests:\n',
            '  - interval: 1m\n    input_series:\n'] + inputs
    test.append('    alert_rule_test:\n')
    for alert in ALERTS:
        test.append(f'      - eval_time: 1m\n        alertname: {alert}\n        exp_alerts:\n')
        for a, labels, summary in alert_tests:
            if a == alert:
                test.append(f'          - exp_labels: {yaml_map(labels)}\n'
                            f'            exp_annotations: {{summary: {yaml_str(summary)}}}\n')
        if not any(a == alert for a, _, _ in alert_tests):
            test[-1] = test[-1].replace('exp_alerts:\n', 'exp_alerts: []\n')
    test.append('    promql_expr_test:\n'
                '      - expr: round(sff8472:optical_power:dbm, 0.01)\n'
                '        eval_time: 1m\n        exp_samples:\n')
    for labels, value in samples:
        test.append(f'          - labels: {yaml_str(labels_text(labels))}\n'
                    f'            value: {value!r}\n')
    tests = os.path.join(work, 'rules_test.yml')
    with open(tests, 'w') as f:
        f.write(''.join(test))
    r = subprocess.run(['promtool', 'test', 'rules', tests], capture_output=True, text=True)
    fired = len(alert_tests)
    res.check(f'{tag}: the documented alert rules fire for the {fired} set alarms, '
              f'with port and channel, and nothing else; the dBm recording rule',
              r.returncode == 0 and fired > 0, (r.stdout + r.stderr).strip()[-600:])


def check_abi(res, out, mode, label):
    documented = abi_files()
    modes = read_modes(os.path.join(out, label, 'modes'))
    res.check('ABI document lists files with permissions', len(documented) >= 20,
              f'{len(documented)} parsed')
    bad = [f'{f}: {modes.get(f, "missing")} want {m}' for f, m in documented.items()
           if modes.get(f) != m.lstrip('0')]
    res.check(f'{mode} {label}: every documented sysfs file present with its permissions',
              not bad, '; '.join(bad[:6]))


def check_scenario_metrics(res, out, steps, hot):
    res.check('scenario: node_exporter ran while alarms were set',
              steps.get('hot_metrics_status') == '0', steps.get('hot_metrics_status', 'missing'))
    check_metrics(res, 'scenario alarms node_exporter', os.path.join(out, 'hot_metrics'),
                  [(c, open(os.path.join(hot, c, 'image'), 'rb').read(),
                    open(os.path.join(hot, c, 'devname')).read().strip(), interval)
                   for c, interval in (('port1', 1000), ('port2', 100))])
    check_doc_rules(res, 'scenario alarms prometheus', os.path.join(out, 'hot_metrics'),
                    [(c, open(os.path.join(hot, c, 'image'), 'rb').read(),
                      open(os.path.join(hot, c, 'devname')).read().strip())
                     for c in ('port1', 'port2')], out)


def check_scenario(res, out, dump, metrics=True):
    """The steps of scenario.sh: alarms, hot swap, removal, nvmem writes;
    with metrics, what node_exporter exported while the alarms were set."""
    steps = read_pairs(os.path.join(out, 'steps'))
    image = open(dump, 'rb').read()
    res.check('scenario: the dump file is served as it is',
              open(os.path.join(out, 'initial', 'port1', 'image'), 'rb').read() == image)
    check_cage(res, os.path.join(out, 'initial'), 'dump', 'port1', 'ddm')
    check_cage(res, os.path.join(out, 'initial'), 'scenario', 'port2', 'ddm')
    want = {
        'update_interval': '100',
        'hot_temp1_input': '127000', 'hot_temp1_max_alarm': '1', 'hot_temp1_crit_alarm': '1',
        'hot_in0_input': '0', 'hot_in0_min_alarm': '1', 'hot_in0_lcrit_alarm': '1',
        'cool_temp1_input': '25000', 'cool_temp1_crit_alarm': '0',
        'cool_in0_input': '3300', 'cool_in0_lcrit_alarm': '0',
    }
    for k, v in want.items():
        res.check(f'scenario alarms: {k} is {v}', steps.get(k) == v, steps.get(k, 'missing'))
    hot = os.path.join(out, 'hot')
    if metrics:
        check_scenario_metrics(res, out, steps, hot)
    res.check('scenario: swap to another module detected', steps.get('swap_detected') == '0')
    check_cage(res, os.path.join(out, 'swapped'), 'swapped', 'port2', 'ddm')
    res.check('scenario: removal detected, hwmon gone', steps.get('removal_detected') == '0')
    check_cage(res, os.path.join(out, 'removed'), 'removed', 'port2', 'empty')
    res.check('scenario: nvmem writes refused by default',
              steps.get('write_default_off') not in (None, '0'))
    res.check('scenario: eeprom is 0644 with user_eeprom_writable=1',
              steps.get('eeprom_mode') == '644', steps.get('eeprom_mode', ''))
    res.check('scenario: user EEPROM write succeeds', steps.get('write_user_eeprom') == '0')
    res.check('scenario: user EEPROM write reads back', steps.get('readback') == 'E2E-TEST',
              steps.get('readback', ''))
    res.check('scenario: user EEPROM write reached the module',
              steps.get('emulator_has') == 'E2E-TEST', steps.get('emulator_has', ''))
    for k in ('write_a0', 'write_status', 'write_past_user'):
        res.check(f'scenario: {k} refused', steps.get(k) not in (None, '0'), steps.get(k, ''))
    res.check('scenario: refused writes put nothing on the bus',
              steps.get('refused_bytes_written') == '0', steps.get('refused_bytes_written', ''))
    res.check('scenario: SONiC sets soft TX_DISABLE through eeprom offset 366',
              steps.get('sonic_tx_disable_write') == '0' and steps.get('sonic_soft_tx_disable') == '1'
              and steps.get('sonic_module_bit6') == '1',
              f"status {steps.get('sonic_tx_disable_write')}, soft_tx_disable "
              f"{steps.get('sonic_soft_tx_disable')}, module bit {steps.get('sonic_module_bit6')}")
    res.check('scenario: RS1 through offset 374 refused (not advertised), module unchanged',
              steps.get('sonic_rs1_write') not in (None, '0')
              and steps.get('sonic_module_byte118') == str(image[256 + 118]),
              f"status {steps.get('sonic_rs1_write')}, byte {steps.get('sonic_module_byte118')}")
    after = open(os.path.join(out, 'after_writes', 'port1', 'image'), 'rb').read()
    res.check('scenario: only A2h 128-135 changed in the module',
              after[:384] == image[:384] and after[384:392] == b'E2E-TEST'
              and after[392:] == image[392:])


def check_edges(res, out):
    """The steps of edges.sh: issue 8's reproductions, each answered right."""
    steps = read_pairs(os.path.join(out, 'steps'))
    check_cage(res, os.path.join(out, 'gpon'), 'edges gpon', 'port5', 'ddm')
    res.check('edges: eeprom is read as an unprivileged user',
              steps.get('nobody_uid') == '65534' and steps.get('nobody_cat_status') == '0',
              f"uid {steps.get('nobody_uid')} status {steps.get('nobody_cat_status')}")
    # At most one snapshot: 24 bytes and the CC_DMI proof, one transfer.
    t = int(steps.get('five_cats_transactions') or 99)
    b = int(steps.get('five_cats_bytes_read') or 999)
    res.check(f'edges: five cat eeprom cost {t} <= 1 transactions, {b} <= 25 bytes',
              t <= 1 and b <= 25)
    # Issue 14: at most 1 ms of bus time per second per cage when idle; at
    # least 4 looks in 5 s (so the poll ran), at most 6.
    ns = int(steps.get('idle_5s_bus_time_ns') or 10**9)
    looks = int(steps.get('idle_5s_transactions') or 0)
    res.check(f'edges: an idle cage costs {ns / 5e6:.2f} <= 1 ms/s of bus time ({looks} looks)',
              ns <= 5_000_000 and 4 <= looks <= 6)
    for f in ('temp1_crit_alarm', 'rx_los', 'tx_fault'):
        v = steps.get(f'pulled_{f}')
        res.check(f'edges: {f} read while the module is pulled is an error', v == '!err', v)
    images = {p: open(os.path.join(out, f'{p}.image'), 'rb').read() for p in ('port1', 'port4')}
    for port, pn in (('port1', 'LX-1310-10'), ('port4', 'EMU-DAC-3M')):
        res.check(f'edges: {port} without A2h is present',
                  steps.get(f'{port}_present') == '1', steps.get(f'{port}_present'))
        res.check(f'edges: {port} vendor_pn', steps.get(f'{port}_vendor_pn') == pn,
                  steps.get(f'{port}_vendor_pn'))
        got = open(os.path.join(out, f'{port}.eeprom'), 'rb').read()
        res.check(f'edges: cat {port}/eeprom gives the A0h page, then an error',
                  got == images[port][:256] and steps.get(f'{port}_cat_status') != '0',
                  f"{len(got)} bytes, status {steps.get(f'{port}_cat_status')}")
    for f, present in (('temp1_input', True), ('temp1_crit', False),
                       ('temp1_crit_alarm', False), ('in0_crit_alarm', False),
                       ('power2_lcrit_alarm', False)):
        v = steps.get(f'nothresh_has_{f}')
        res.check(f'edges: unfilled thresholds: {f} {"present" if present else "absent"}',
                  v == ('0' if present else '1'), v)


def main():
    res = Results()
    try:
        if sys.argv[1] == '--scenario':
            check_scenario(res, sys.argv[2], sys.argv[3], '--no-metrics' not in sys.argv[4:])
            return finish(res, 'scenario')
        if sys.argv[1] == '--edges':
            check_edges(res, sys.argv[2])
            return finish(res, 'edges')
        args = sys.argv[3:]
        metrics = '--metrics' in args
        return check_board(res, sys.argv[1], sys.argv[2],
                           [tuple(a.split('=', 1)) for a in args if a != '--metrics'],
                           metrics)
    except Exception as e:  # a missing or malformed snapshot is a failure
        res.check(f'snapshots of {sys.argv[1:3]} are complete', False, repr(e))
        return finish(res, 'incomplete')


def check_board(res, out, mode, labels, metrics=False):
    for label, kind in labels:
        check_cage(res, out, mode, label, kind)
    check_sensors(res, out, mode, labels)
    check_cost(res, out, mode, labels)
    ddm = [lbl for lbl, kind in labels if kind == 'ddm']
    if ddm:
        check_abi(res, out, mode, ddm[0])
    if metrics:
        cages = []
        for label, kind in labels:
            if kind == 'empty':
                continue    # no client to name a chip after: nothing to find
            d = os.path.join(out, label)
            image = open(os.path.join(d, 'image'), 'rb').read() if kind == 'ddm' else None
            cages.append((label, image, open(os.path.join(d, 'devname')).read().strip(), 1000))
        check_metrics(res, f'{mode} node_exporter', os.path.join(out, 'metrics'), cages)
    return finish(res, mode)


def finish(res, what):
    print(f'e2e {what}: {res.passed} passed, {res.failed} failed')
    counts = os.environ.get('E2E_COUNTS')
    if counts:
        with open(counts, 'a') as f:
            f.write(f'{res.passed} {res.failed}\n')
    return 1 if res.failed else 0


if __name__ == '__main__':
    sys.exit(main())
