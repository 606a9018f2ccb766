#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-2.0-only
"""Check what the BMC guest showed (scripts/bmc/init, scripts/bmc/boot.sh).

Values come from each cage's image through the independent reference of
scripts/e2e/check.py (SFF-8472's tables), never from the driver. The
transfer path comes from the guest's sysfs (the driver of every device
between the SoC and the cage), from i2cdetect -F (the functionality
i2c-aspeed reports) and from the kernel's i2c tracepoints: every message
the cage's adapter carried, with the bytes it returned, which must be the
image's bytes at the offsets read (0xFF throughout for a blank EEPROM).

  check.py OUT TREE LABEL=KIND[:smbus][@DRIVERS]...
    KIND: ddm (a module with diagnostics), no-ddm (a module without A2h)
    or empty (a blank EEPROM, all 0xFF: no module); :smbus when the
    EEPROM is QEMU's SMBus EEPROM model (see check_transfers); DRIVERS:
    the adapters' drivers from the SoC down, joined with '>' (default
    aspeed-i2c-bus)

TREE is the kernel tree the guest's kernel was built from.
"""

import collections
import os
import re
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(HERE, '..', 'e2e'))
import check as e2e  # noqa: E402

SHOWN = ('present', 'vendor_name', 'vendor_pn', 'vendor_sn', 'cc_base_ok')
TRACE = re.compile(r'(i2c_write|i2c_read|i2c_reply|i2c_result): i2c-(\d+) '
                   r'(?:#(\d+) a=([0-9a-f]+) f=([0-9a-f]+) l=(\d+)(?: \[([0-9a-f-]*)\])?'
                   r'|n=(\d+) ret=(-?\d+))')


class Bus:
    """What the i2c tracepoints saw on one adapter."""

    def __init__(self):
        self.transfers = collections.Counter()   # messages per transfer -> count
        self.failed = collections.Counter()      # addresses of a failed transfer -> count
        self.addrs = set()                        # addresses of the transfer under way
        self.read_lens = []
        self.by_addr = collections.Counter()     # address -> messages
        self.replies = []                         # (address, offset, byte, after a read)
        self.pending = {}                         # message index -> offset written
        self.read_seen = False                    # a read earlier in this transfer


def parse_trace(path):
    """{adapter number: Bus} from the trace file. A read's offset is the
    byte written by the message before it in the same transfer."""
    buses = collections.defaultdict(Bus)
    for line in open(path, encoding='utf-8', errors='replace'):
        m = TRACE.search(line)
        if not m:
            continue
        event, adap = m.group(1), int(m.group(2))
        bus = buses[adap]
        if event == 'i2c_result':
            bus.transfers[int(m.group(8))] += 1
            if int(m.group(9)) < 0:
                bus.failed[tuple(sorted(bus.addrs))] += 1
            bus.pending, bus.addrs, bus.read_seen = {}, set(), False
            continue
        idx, addr, length = int(m.group(3)), int(m.group(4), 16), int(m.group(6))
        data = bytes.fromhex(m.group(7).replace('-', '')) if m.group(7) else b''
        if event in ('i2c_write', 'i2c_read'):
            bus.addrs.add(addr)
        if event == 'i2c_write':
            bus.by_addr[addr] += 1
            if data:
                bus.pending[idx] = (addr, data[0])
        elif event == 'i2c_read':
            bus.by_addr[addr] += 1
            bus.read_lens.append(length)
        elif event == 'i2c_reply':
            start = bus.pending.get(idx - 1)
            if start and start[0] == addr:
                bus.replies += [(addr, start[1] + i, b, bus.read_seen)
                                for i, b in enumerate(data)]
            bus.read_seen = True
    return buses


def aspeed_reports_no_quirks(tree):
    """The controller and mux drivers of the guest's kernel set no adapter
    quirks: then the driver's documented choice is plain I2C in chunks of
    max_transfer_size's default, 32 bytes (Documentation/hwmon/sff8472.rst,
    Bus access), with a whole proof in one transfer."""
    src = [os.path.join(tree, 'drivers', 'i2c', p) for p in
           ('busses/i2c-aspeed.c', 'muxes/i2c-mux-pca954x.c')]
    return all(os.path.exists(p) and 'quirks' not in open(p).read() for p in src)


VIA = {'aspeed-i2c-bus': 'i2c-aspeed', 'pca954x': 'i2c-mux-pca954x'}
UNITS = (('temp1', 'C', 1000, 3), ('in0', 'V', 1000, 3), ('curr1', 'mA', 1, 0),
         ('power1', 'uW', 1, 0), ('power2', 'uW', 1, 0))


def sensors_line(hwmon):
    """One line of what the guest's hwmon files said, as sensors shows it:
    each input with its thresholds (lcrit/min/max/crit), then the alarms set."""
    def fmt(v, div, dec):
        try:
            return f'{int(v) / div:.{dec}f}'
        except ValueError:
            return v
    parts = []
    for name, unit, div, dec in UNITS:
        lim = '/'.join(fmt(hwmon.get(f'{name}_{s}', '?'), div, dec)
                       for s in ('lcrit', 'min', 'max', 'crit'))
        parts.append(f'{hwmon.get(f"{name}_label", name)} '
                     f'{fmt(hwmon.get(f"{name}_input", "?"), div, dec)} {unit} ({lim})')
    alarms = [k.removesuffix('_alarm') for k, v in sorted(hwmon.items())
              if k.endswith('_alarm') and v == '1']
    return (f'{hwmon.get("name", "?")}: ' + ', '.join(parts) +
            f'; alarms: {" ".join(alarms) or "none"}')


def check_eeprom_length(res, d, kind, tag):
    """cat eeprom gives both pages of a module with diagnostics, and the A0h
    page then an error (the dd of the A2h half) of a module without."""
    if kind == 'empty':
        return
    n = os.path.getsize(os.path.join(d, 'eeprom')) if os.path.exists(
        os.path.join(d, 'eeprom')) else -1
    err = open(os.path.join(d, 'eeprom.err'), errors='replace').read() if os.path.exists(
        os.path.join(d, 'eeprom.err')) else ''
    failed = 'dd: ' in err
    if kind == 'ddm':
        res.check(f'{tag}: eeprom reads 512 bytes without an error', n == 512 and not failed,
                  f'{n} bytes, {err.strip()[:120]}')
    else:
        res.check(f'{tag}: eeprom reads the 256 bytes of A0h, then an error', n == 256 and failed,
                  f'{n} bytes, {err.strip()[:120]}')


def check_path(res, out, steps, label, drivers):
    dev = steps.get(f'{label}_dev', '')
    path = steps.get(f'{label}_path', '')
    res.check(f'{label}: bound from the device tree at {dev}', dev.endswith('-0050'), dev)
    got = steps.get(f'{label}_drivers', '').split()
    want = drivers + ['sff8472']
    res.check(f'{label}: on {" > ".join(want)}', got[-len(want):] == want, f'{got} ({path})')
    funcs = {k.strip(): v.strip() for k, v in
             (line.rsplit(' ', 1) for line in open(os.path.join(out, f'funcs-{label}'))
              if line.rstrip().endswith((' yes', ' no')))}
    res.check(f'{label}: its adapter reports plain I2C (I2C_FUNC_I2C) to i2c-dev',
              funcs.get('I2C') == 'yes', str(funcs)[:200])
    print(f'bmc: {label} adapter i2c-{dev.split("-")[0]} functionality: '
          f'{", ".join(k for k, v in funcs.items() if v == "yes")}')
    return funcs


def check_transfers(res, label, image, bus, kind, smbus_model, qemu_log):
    """The cage's own adapter carried the driver's reads: plain I2C messages
    of at most 32 bytes (the whole chunk used when a module answers), and
    every byte returned equal to the image's (0xFF for a blank EEPROM).

    The module without A2h is QEMU's SMBus EEPROM model, whose state machine
    takes no repeated start from a read to a write ("Unexpected send start
    condition in state 3" in QEMU's log) and answers the read after it with
    garbage: those reads of the presence look's proof are counted apart."""
    reads = bus.read_lens
    if kind == 'empty':
        res.check(f'{label}: reads of at most 32 bytes ({len(reads)} reads)',
                  reads and max(reads) <= 32, str(sorted(set(reads))))
        image = b'\xff' * 512
    else:
        res.check(f'{label}: reads of at most 32 bytes, 32-byte chunks used '
                  f'({len(reads)} reads)', reads and max(reads) == 32, str(sorted(set(reads))))
    if kind != 'empty':
        res.check(f'{label}: the presence proof travels in one four-message transfer',
                  bus.transfers.get(4, 0) > 0, str(dict(bus.transfers)))
    checked = [r for r in bus.replies if not (smbus_model and r[3])]
    bad = [f'{a:#x}:{o}={b:#04x} want {image[o + (256 if a == 0x51 else 0)]:#04x}'
           for a, o, b, _ in checked
           if o + (256 if a == 0x51 else 0) < len(image) and
           b != image[o + (256 if a == 0x51 else 0)]]
    seen = len({(a, o) for a, o, _, _ in checked})
    # At least what a user's files come from (SFF-8472's layout): A0h
    # 0-95 (identity, both check codes), and with diagnostics A2h 0-119
    # (thresholds, calibration, CC_DMI, live values).
    least = {'no-ddm': 96, 'ddm': 96 + 120}.get(kind, 1)
    res.check(f'{label}: all {len(checked)} bytes read on the wire ({seen} offsets, '
              f'>= {least}) equal the {"blank EEPROM" if kind == "empty" else "image"}',
              seen >= least and not bad, '; '.join(bad[:5]))
    if smbus_model:
        apart = len(bus.replies) - len(checked)
        res.check(f'{label}: the {apart} bytes read after a read in one transfer are what '
                  f'QEMU\'s SMBus EEPROM model says it mishandled',
                  not apart or 'Unexpected send start condition in state 3' in qemu_log)
    return sum(bus.transfers.values())


def main():
    out, tree = sys.argv[1:3]
    cages = []
    for arg in sys.argv[3:]:
        label, _, rest = arg.partition('=')
        kind, _, drivers = rest.partition('@')
        kind, _, model = kind.partition(':')
        cages.append((label, kind, model == 'smbus', (drivers or 'aspeed-i2c-bus').split('>')))
    res = e2e.Results()
    steps = e2e.read_pairs(os.path.join(out, 'steps'))
    res.check('the guest is 32-bit ARM', steps.get('uname_m', '').startswith('armv7'),
              steps.get('uname_m', 'missing'))
    res.check('the guest is the AST2600 EVB', 'AST2600 EVB' in steps.get('machine', ''),
              steps.get('machine', 'missing'))
    dmesg = open(os.path.join(out, 'dmesg'), encoding='utf-8', errors='replace').read()
    qemu_log = open(os.path.join(out, 'qemu.log'), encoding='utf-8', errors='replace').read()
    no_quirks = aspeed_reports_no_quirks(tree)
    res.check('i2c-aspeed and i2c-mux-pca954x set no adapter quirks (kernel source)', no_quirks)
    print(f'bmc: adapter quirks: {"none" if no_quirks else "some"} (i2c-aspeed.c, i2c-mux-pca954x.c)')
    buses = parse_trace(os.path.join(out, 'trace'))
    parent_funcs = None
    for label, kind, smbus_model, drivers in cages:
        funcs = check_path(res, out, steps, label, drivers)
        if len(drivers) == 1:
            parent_funcs = funcs
        elif parent_funcs is not None:
            res.check(f'{label}: the mux channel reports its controller\'s functionality',
                      funcs == parent_funcs)
        dev = steps.get(f'{label}_dev', 'none')
        for step in ('bind', 'bind_again', 'unbind'):
            res.check(f'{label}: {step} succeeds', steps.get(f'{label}_{step}') == '0',
                      steps.get(f'{label}_{step}', 'missing'))
        res.check(f'{label}: no driver, identity or hwmon files while unbound',
                  steps.get(f'{label}_unbound_has_files') == '1')
        # The mode line of the bind after the images were loaded (the last).
        lines = re.findall(rf'sff8472 {re.escape(dev)}: (bus mode .*)', dmesg)
        res.check(f'{label}: the driver logs plain I2C, 32-byte reads, combined proofs',
                  lines and lines[-1].startswith('bus mode i2c, 32 bytes per read, ') and
                  lines[-1].endswith(', combined proofs') and no_quirks,
                  lines[-1] if lines else 'no line')
        e2e.check_cage(res, out, 'bmc', label, kind)
        e2e.check_cage(res, os.path.join(out, 'cycle'), 'bmc after unbind/bind', label, kind)
        image_file = os.path.join(out, label, 'image')
        image = open(image_file, 'rb').read() if os.path.exists(image_file) else b''
        bus = buses.get(int(dev.split('-')[0]) if '-' in dev else -1, Bus())
        n = check_transfers(res, label, image, bus, kind, smbus_model, qemu_log)
        for snap in ('', 'cycle'):
            check_eeprom_length(res, os.path.join(out, snap, label), kind,
                                f'{label}{" after unbind/bind" if snap else ""}')
        files = e2e.read_files(os.path.join(out, label, 'files'), hwmon=False)
        shown = ' '.join(f'{k}={files.get(k, "")!r}' for k in SHOWN)
        print(f'bmc: {label} on {steps.get(f"{label}_adapter", "")} [{" > ".join(drivers)}],'
              f' {n} transfers traced: {shown}')
        print(f'bmc:   {steps.get(f"{label}_path", "")}')
        if kind == 'ddm':
            via = ' > '.join(VIA.get(d, d) for d in drivers)
            if len(drivers) > 1:
                via += f' channel {steps.get(f"{label}_adapter", "").rpartition(" ")[2].rstrip(")")}'
            print(f'bmc: {label} {dev} via {via}: '
                  f'{sensors_line(e2e.read_files(os.path.join(out, label, "files"), hwmon=True))}')
        if len(drivers) > 1:
            mux = steps.get(f'{label}_mux', '-')
            pbus = buses.get(int(mux.split('-')[0] or -1), Bus())
            res.check(f'{label}: the mux {mux} was selected and the cage read through '
                      f'its parent bus ({pbus.by_addr[0x70]} mux messages)',
                      mux.endswith('-0070') and pbus.by_addr[0x70] > 0 and
                      pbus.by_addr[0x50] > 0)
    # Only the module without A2h may fail a transfer, and only at 0x51.
    # A cage behind the mux: its channel's adapter and the mux's parent
    # carry the same failed transfer.
    no_a2 = {int(steps.get(f'{label}_dev', '-').split('-')[0] or -1)
             for label, kind, _, _ in cages if kind == 'no-ddm'}
    no_a2 |= {int(steps.get(f'{label}_mux', '-').split('-')[0] or -1)
              for label, kind, _, _ in cages if kind == 'no-ddm'}
    failed = {f'i2c-{n} {[hex(a) for a in addrs]}': c for n, b in buses.items()
              for addrs, c in b.failed.items()}
    res.check(f'failed transfers only at the absent A2h: {failed}',
              all(n in no_a2 and addrs == (0x51,) for n, b in buses.items()
                  for addrs in b.failed))
    reports = subprocess.run([os.path.join(HERE, '..', 'sanitiser-reports.sh'),
                              os.path.join(out, 'dmesg')], capture_output=True, text=True)
    res.check('no warning, oops or BUG in dmesg', reports.returncode == 1, reports.stdout[:2000])
    return e2e.finish(res, 'bmc ast2600')


if __name__ == '__main__':
    sys.exit(main())
