#!/usr/bin/env python3
"""Write the driver's mainline series (make upstream, scripts/upstream/run.sh).

    hwmon_series.py --tree TREE --pristine DIR --out DIR

TREE is the newest kernel tree (scripts/kernel-tree.sh newest), DIR under
--pristine holds drivers/hwmon/Kconfig and Makefile as extracted (the tree's
own are hooked). The series, in git format-patch form with a cover letter:

  1. dt-bindings: hwmon: the binding, and a MAINTAINERS entry for it;
  2. hwmon: the driver, Kconfig, Makefile, its Documentation/hwmon/ page,
     the rest of the MAINTAINERS entry, and its KUnit tests with their
     .kunitconfig (in a patch of their own, checkpatch would ask for a
     MAINTAINERS change that the directory's entry makes needless).

The driver's files become what a kernel of TREE's version needs: no
sff8472_compat.h (its macros are expanded as they read for that version),
no sff8472_version.h or MODULE_VERSION, nothing the out-of-tree build
alone has (sff8472_sysfs.c, the blocks under #ifdef SFF8472_OUT_OF_TREE,
the Makefile's paragraph that names it), and nothing made visible for
tests the series does not carry (the emulator's). Its calibration vectors
are every 20th of the driver's (kunit/gen_calibration_vectors.py
--sample): 294 vectors in 485 lines, where the whole table's 8,735 lines
would be most of the patch. Author and maintainer are placeholders for a
person to fill in.
"""
import argparse
import csv
import os
import re
import shutil
import subprocess
import sys
import tempfile

REPO = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
DRV = 'drivers/hwmon/sff8472'
BINDING = 'Documentation/devicetree/bindings/hwmon/sff,sff8472.yaml'
DOC = 'Documentation/hwmon/sff8472.rst'
OUT_OF_TREE_FILES = {'sff8472_sysfs.c', 'sff8472_compat.h', 'sff8472_version.h'}
OUT_OF_TREE_MACRO = 'SFF8472_OUT_OF_TREE'
AUTHOR = 'Author Placeholder <author-placeholder@example.invalid>'
MAINTAINER = 'Maintainer Placeholder <maintainer-placeholder@example.invalid>'
TEMPLATES = os.path.join(REPO, 'scripts', 'upstream', 'hwmon')
VECTORS = 'sff8472_calibration_vectors.h'
VECTORS_SAMPLE = 20

sys.path.insert(0, os.path.join(REPO, 'kunit'))
import gen_calibration_vectors as vectors  # noqa: E402


def kernel_version(tree):
    """(VERSION, PATCHLEVEL, SUBLEVEL) from TREE's top Makefile."""
    with open(os.path.join(tree, 'Makefile')) as f:
        head = f.read(2000)
    return tuple(int(re.search(rf'^{k} = (\d+)', head, re.M).group(1))
                 for k in ('VERSION', 'PATCHLEVEL', 'SUBLEVEL'))


VERSION_TEST = re.compile(
    r'#if LINUX_VERSION_CODE (>=|<) KERNEL_VERSION\((\d+), (\d+), (\d+)\)$')


def compat_macros(text, version):
    """The function-like macros sff8472_compat.h defines for VERSION:
    {name: (params, body)}. An #ifndef other than the include guard tests
    for something the newest kernels have, so it is false there."""
    macros = {}
    stack = []          # (active, else_active) per open conditional
    lines = text.split('\n')
    i = 0
    while i < len(lines):
        line = lines[i]
        while line.endswith('\\'):
            i += 1
            line = line[:-1].rstrip() + '\n' + lines[i].strip()
        i += 1
        active = all(a for a, _ in stack)
        m = VERSION_TEST.match(line)
        if m:
            wanted = tuple(int(x) for x in m.groups()[1:])
            cond = version >= wanted if m.group(1) == '>=' else version < wanted
            stack.append((cond, not cond))
        elif line.startswith('#ifndef '):
            guard = line.split()[1] == '_SFF8472_COMPAT_H'
            stack.append((guard, not guard))
        elif line.startswith('#if'):
            sys.exit(f'hwmon_series: cannot evaluate "{line}" in sff8472_compat.h')
        elif line.startswith('#else'):
            stack[-1] = (stack[-1][1], False)
        elif line.startswith('#endif'):
            stack.pop()
        elif active and line.startswith('#define '):
            m = re.match(r'#define (\w+)\(([^)]*)\)\s+(.*)$', line, re.S)
            if m:
                params = [p.strip() for p in m.group(2).split(',')]
                macros[m.group(1)] = (params, m.group(3).strip())
    return macros


def call_args(text, start):
    """The arguments of the call whose '(' is at START, and the end."""
    depth, args, cur = 0, [], ''
    for j in range(start, len(text)):
        c = text[j]
        if c == '(':
            depth += 1
            if depth == 1:
                continue
        elif c == ')':
            depth -= 1
            if depth == 0:
                args.append(cur.strip())
                return args, j + 1
        elif c == ',' and depth == 1:
            args.append(cur.strip())
            cur = ''
            continue
        cur += c
    sys.exit('hwmon_series: unbalanced macro call')


SIMPLE = r'[A-Za-z_][\w.]*(?:->[\w.]+)*'


def unparen(expr):
    """Drop the parentheses a macro body puts around a name or a member
    access (not a call's: those follow a name or a bracket)."""
    while True:
        new = re.sub(rf'(?<![\w)\]])\(({SIMPLE})\)', r'\1', expr)
        if new == expr:
            return expr
        expr = new


def expand(text, macros):
    """TEXT with every call of MACROS expanded (one-line bodies only)."""
    for name, (params, body) in macros.items():
        while True:
            m = re.search(rf'\b{name}\(', text)
            if not m:
                break
            if '\n' in body:
                sys.exit(f'hwmon_series: {name} has a multi-line body; expand it by hand')
            args, end = call_args(text, m.end() - 1)
            out = body
            for p, a in zip(params, args):
                out = re.sub(rf'\b{p}\b', lambda _m, a=a: a, out)
            out = out.replace(' ## ', '').replace('##', '')
            text = text[:m.start()] + unparen(out) + text[end:]
    return text


def drop_out_of_tree(text, path):
    """TEXT without its #ifdef SFF8472_OUT_OF_TREE blocks (an #else part
    stays)."""
    out, depth, skipping = [], 0, None
    for line in text.split('\n'):
        s = line.strip()
        if skipping is None and s == f'#ifdef {OUT_OF_TREE_MACRO}':
            skipping, depth = True, 0
            continue
        if skipping is not None:
            if s.startswith('#if'):
                depth += 1
            elif s.startswith('#endif'):
                if depth == 0:
                    skipping = None
                    continue
                depth -= 1
            elif s.startswith('#else') and depth == 0:
                skipping = False
                continue
            if skipping:
                continue
        out.append(line)
    text = '\n'.join(out)
    if OUT_OF_TREE_MACRO in text:
        sys.exit(f'hwmon_series: {path} names {OUT_OF_TREE_MACRO} outside "#ifdef"')
    return text


def drop_member_docs(text):
    """TEXT without the kernel-doc lines of struct members that are no
    longer there (those under #ifdef SFF8472_OUT_OF_TREE), with their
    continuation lines."""
    lines = text.split('\n')
    out, skipping = [], False
    for i, line in enumerate(lines):
        m = re.match(r' \* @(\w+):', line)
        if m:
            rest = '\n'.join(lines[:i] + lines[i + 1:])
            skipping = not re.search(rf'\b{m.group(1)}\b', rest)
        elif not line.startswith(' *\t'):
            skipping = False
        if not skipping:
            out.append(line)
    return '\n'.join(out)


def realign(lines, i, col):
    """Lines after I, up to the one closing the parenthesis opened on line
    I, aligned to column COL (tabs, then spaces, as the kernel aligns)."""
    depth = lines[i].count('(') - lines[i].count(')')
    j = i + 1
    while depth > 0 and j < len(lines):
        depth += lines[j].count('(') - lines[j].count(')')
        lines[j] = '\t' * (col // 8) + ' ' * (col % 8) + lines[j].lstrip()
        j += 1


def test_only(text, wanted):
    """TEXT without what it makes visible to tests the series does not carry:
    EXPORT_SYMBOL_IF_KUNIT of a name the series' tests do not use (WANTED)
    goes, such a VISIBLE_IF_KUNIT definition becomes static, and the
    #include of <kunit/visibility.h> goes when nothing needs it. Returns
    the text and the names made static."""
    text = re.sub(r'^EXPORT_SYMBOL_IF_KUNIT\((\w+)\);\n',
                  lambda m: m.group(0) if m.group(1) in wanted else '', text, flags=re.M)
    lines, hidden = text.split('\n'), set()
    for i, line in enumerate(lines):
        m = re.match(r'VISIBLE_IF_KUNIT (.*?)\b(\w+)\s*([(=\[])', line)
        if m and m.group(2) not in wanted:
            hidden.add(m.group(2))
            lines[i] = 'static ' + line[len('VISIBLE_IF_KUNIT '):]
            if m.group(3) == '(':
                realign(lines, i, tabs_width(lines[i][:lines[i].index('(') + 1]))
    text = '\n'.join(lines)
    if not re.search(r'\b(VISIBLE|EXPORT_SYMBOL)_IF_KUNIT\b', text):
        text = re.sub(r'^#include <kunit/visibility\.h>\n\n?', '', text, flags=re.M)
    return text, hidden


def tabs_width(prefix):
    """The display width of PREFIX with 8-column tabs."""
    col = 0
    for c in prefix:
        col = (col // 8 + 1) * 8 if c == '\t' else col + 1
    return col


def drop_kunit_declarations(text, hidden):
    """TEXT without its #if IS_ENABLED(CONFIG_KUNIT) blocks whose every
    declaration is of a name in HIDDEN (now static where defined)."""
    def block(m):
        declared = set(re.findall(r'\b(sff8472_\w+)\s*(?:\(|;)', m.group(1)))
        return '' if declared and declared <= hidden else m.group(0)
    return re.sub(r'^#if IS_ENABLED\(CONFIG_KUNIT\)\n(.*?)^#endif\n\n?', block, text,
                  flags=re.M | re.S)


def add_include(text, header):
    """TEXT with #include <HEADER> in its sorted block of HEADER's directory
    (<linux/...>, <kunit/...>), or in a block of its own after <linux/...>."""
    line = f'#include <{header}>'
    if line in text:
        return text
    group = header.split('/')[0]
    incs = list(re.finditer(rf'^#include <{group}/[^>]+>$', text, re.M))
    after = [m for m in incs if m.group(0) > line]
    if after:
        pos = after[0].start()
        return text[:pos] + line + '\n' + text[pos:]
    if not incs:
        incs = list(re.finditer(r'^#include <linux/[^>]+>$', text, re.M))
        line = '\n' + line
    pos = incs[-1].end()
    return text[:pos] + '\n' + line + text[pos:]


def mainline_source(text, path, macros):
    """A driver file as the series carries it."""
    text = drop_member_docs(drop_out_of_tree(text, path))
    text = re.sub(r'^#include "sff8472_(compat|version)\.h"\n', '', text, flags=re.M)
    text = re.sub(r'^MODULE_VERSION\(.*\);\n', '', text, flags=re.M)
    text = text.replace('MODULE_AUTHOR("The sff8472 driver authors")',
                        f'MODULE_AUTHOR("{AUTHOR}")')
    text = expand(text, macros)
    if re.search(r'\b(get|put)_unaligned', text):
        text = add_include(text, 'linux/unaligned.h')
    if 'KUNIT_STATIC_STUB_REDIRECT' in text:
        text = add_include(text, 'kunit/static_stub.h')
    left = re.findall(r'\bSFF8472_[A-Z_]+\(', text)
    unknown = [n for n in left if n[:-1] not in defined_here(text)]
    if unknown:
        sys.exit(f'hwmon_series: {path} still calls {sorted(set(unknown))}')
    return re.sub(r'\n{3,}', '\n\n', text)


def defined_here(text):
    return set(re.findall(r'#define (SFF8472_[A-Z_]+)\(', text))


def makefile():
    """The driver's Makefile without the out-of-tree paragraph."""
    with open(os.path.join(REPO, DRV, 'Makefile')) as f:
        paragraphs = f.read().rstrip('\n').split('\n\n')
    return '\n\n'.join(p for p in paragraphs if OUT_OF_TREE_MACRO not in p) + '\n'


def insert_after(lines, new, entries, key, is_next):
    """LINES with NEW after the block of the entry (an index in ENTRIES)
    whose KEY is the greatest below NEW's: these files are sorted only in
    stretches. A block ends at the first later line IS_NEXT accepts."""
    nkey = key(new[0])
    before = max((i for i in entries if key(lines[i]) < nkey),
                 key=lambda i: key(lines[i]))
    end = next(i for i in range(before + 1, len(lines)) if is_next(lines[i]))
    return lines[:end] + new + lines[end:]


def hwmon_kconfig(pristine):
    with open(os.path.join(pristine, 'drivers/hwmon/Kconfig')) as f:
        lines = f.read().split('\n')
    key = lambda l: re.sub(r'^(config (SENSORS_)?|source "drivers/hwmon/)', '', l).upper()
    top = re.compile(r'(config|menuconfig|source|comment|menu|endmenu|if|endif)\b')
    entries = [i for i, l in enumerate(lines) if l.startswith('config ')]
    return '\n'.join(insert_after(lines, ['source "drivers/hwmon/sff8472/Kconfig"', ''],
                                  entries, key, top.match))


def hwmon_makefile(pristine):
    with open(os.path.join(pristine, 'drivers/hwmon/Makefile')) as f:
        lines = f.read().split('\n')
    subdir = re.compile(r'obj-.*\+=\s*\w+/$')
    entries = [i for i, l in enumerate(lines) if subdir.match(l)]
    return '\n'.join(insert_after(lines, ['obj-$(CONFIG_SENSORS_SFF8472)\t+= sff8472/'],
                                  entries, lambda l: l.split('+=')[-1].strip(),
                                  lambda l: True))


def hwmon_index(tree):
    """Documentation/hwmon/index.rst with the page in the drivers' list."""
    with open(os.path.join(tree, 'Documentation/hwmon/index.rst')) as f:
        lines = f.read().split('\n')
    start = lines.index('Hardware Monitoring Kernel Drivers')
    entries = [i for i, l in enumerate(lines) if i > start and re.match(r'   [a-z0-9]', l)]
    return '\n'.join(insert_after(lines, ['   sff8472'], entries, str.strip,
                                  lambda l: True))


def maintainers(tree, files):
    with open(os.path.join(tree, 'MAINTAINERS')) as f:
        text = f.read()
    entry = ('SFF-8472 SFP TRANSCEIVER DIAGNOSTICS DRIVER\n'
             f'M:\t{MAINTAINER}\n'
             'L:\tlinux-hwmon@vger.kernel.org\n'
             'S:\tMaintained\n' +
             ''.join(f'F:\t{f}\n' for f in files) + '\n')
    lines = text.split('\n')
    title = re.compile(r'[A-Z0-9](?![A-Z]?:\t)')
    entries = [i for i in range(1, len(lines) - 1)
               if not lines[i - 1] and title.match(lines[i]) and
               re.match(r'[A-Z]:\t', lines[i + 1])]
    return '\n'.join(insert_after(lines, entry.split('\n')[:-1], entries,
                                  lambda l: l, lambda l: l and title.match(l) and
                                  not re.match(r'[A-Z]:\t', l)))


def bench_numbers(text, csv_path):
    """TEXT with each {ROW.DRIVER} replaced by "transactions / bus ms" from
    make bench's CSV."""
    with open(csv_path) as f:
        rows = {(r['row'], r['driver']): r for r in csv.DictReader(f)}

    def cell(m):
        r = rows[(m.group(1), m.group(2))]
        return f"{float(r['transactions']):g} / {float(r['bus_ms']):.2f} ms".ljust(19)
    text = re.sub(r'\{(\w+)\.(\w+)\} *', cell, text)
    return '\n'.join(line.rstrip() for line in text.split('\n'))


def sfp_values(text, csv_path):
    """TEXT with {sfp_values} replaced by a table of what stock sfp.c shows
    wrong, from scripts/upstream/sfp-fixes.sh's CSV: per module and
    channel, the input (or the one file wrong) and how many of the
    channel's other files are wrong too."""
    groups = {}
    with open(csv_path) as f:
        for r in csv.DictReader(f):
            channel, _, what = r['file'].partition('_')
            groups.setdefault((r['module'].replace('-', ' '), channel), {})[what] = r
    if not groups:
        raise SystemExit(f'{csv_path}: no values')
    rows = [('module', 'hwmon file', 'sfp.c', 'exact', 'also wrong')]
    for (module, channel), files in groups.items():
        shown = files.get('input') or next(iter(files.values()))
        others = [w for w in files if files[w] is not shown]
        also = [w for w in others if w == 'label']
        for kind, of_kind in (('limits', ('lcrit', 'min', 'max', 'crit')),
                              ('alarms', [f'{w}_alarm' for w in ('lcrit', 'min', 'max', 'crit')])):
            wrong = [w for w in of_kind if w in others]
            also += [f'4 {kind}'] if len(wrong) == 4 else wrong
        rows.append((module, shown['file'], shown['stock'], shown['reference'],
                     ', '.join(also)))
    widths = [max(len(r[i]) for r in rows) for i in range(4)]
    table = '\n'.join(('  ' + ''.join(c.ljust(w + 2) for c, w in zip(r, widths)) + r[4]).rstrip()
                      for r in rows)
    return text.replace('{sfp_values}', table)


def write(work, path, text):
    full = os.path.join(work, path)
    os.makedirs(os.path.dirname(full), exist_ok=True)
    with open(full, 'w') as f:
        f.write(text)


def read(path):
    with open(os.path.join(REPO, path)) as f:
        return f.read()


def git(work, *args, **kw):
    env = dict(os.environ, GIT_AUTHOR_NAME='Author Placeholder',
               GIT_AUTHOR_EMAIL='author-placeholder@example.invalid',
               GIT_COMMITTER_NAME='Author Placeholder',
               GIT_COMMITTER_EMAIL='author-placeholder@example.invalid',
               GIT_AUTHOR_DATE='2026-01-01T00:00:00Z',
               GIT_COMMITTER_DATE='2026-01-01T00:00:00Z')
    return subprocess.run(['git', '-C', work, *args], check=True, env=env,
                          stdout=subprocess.PIPE, text=True, **kw).stdout


def commit(work, message_file):
    git(work, 'add', '-A')
    git(work, 'commit', '-q', '-F', os.path.join(TEMPLATES, message_file))


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument('--tree', required=True)
    ap.add_argument('--pristine', required=True)
    ap.add_argument('--out', required=True)
    ap.add_argument('--bench', required=True, help="make bench's bench.csv")
    ap.add_argument('--sfp-values', required=True,
                    help="scripts/upstream/sfp-fixes.sh's sfp-values.csv")
    a = ap.parse_args()
    version = kernel_version(a.tree)
    macros = compat_macros(read(f'{DRV}/sff8472_compat.h'), version)

    work = tempfile.mkdtemp()
    try:
        git(work, 'init', '-q')
        for f in ('drivers/hwmon/Kconfig', 'drivers/hwmon/Makefile'):
            write(work, f, open(os.path.join(a.pristine, f)).read())
        for f in ('Documentation/hwmon/index.rst', 'MAINTAINERS'):
            write(work, f, open(os.path.join(a.tree, f)).read())
        git(work, 'add', '-A')
        git(work, 'commit', '-q', '-m', f'Linux {version[0]}.{version[1]}.{version[2]}')

        binding = read(BINDING).replace(
            'sff8472 developers <sff8472-devel@example.org>', MAINTAINER)
        write(work, BINDING, binding)
        write(work, 'MAINTAINERS', maintainers(a.tree, [BINDING]))
        commit(work, '0001.msg')

        sources = sorted(f for f in os.listdir(os.path.join(REPO, DRV))
                         if f.endswith(('.c', '.h')) and f not in OUT_OF_TREE_FILES)
        tests = [f for f in sources if f.endswith(('_test.c', '_vectors.h'))]
        wanted = set(re.findall(r'\w+', ''.join(read(f'{DRV}/{f}') for f in tests)))
        texts = {f: mainline_source(read(f'{DRV}/{f}'), f, macros) for f in sources}
        hidden = set()
        for f in sources:
            if f.endswith('.c') and f not in tests:
                texts[f], names = test_only(texts[f], wanted)
                hidden |= names
        for f in sources:
            if f.endswith('.h'):
                texts[f] = drop_kunit_declarations(texts[f], hidden)
            write(work, f'{DRV}/{f}', texts[f])
        write(work, f'{DRV}/{VECTORS}', vectors.render(VECTORS_SAMPLE))
        write(work, f'{DRV}/Kconfig', read(f'{DRV}/Kconfig'))
        write(work, f'{DRV}/Makefile', makefile())
        write(work, f'{DRV}/.kunitconfig', read('scripts/upstream/hwmon/kunitconfig'))
        write(work, 'drivers/hwmon/Kconfig', hwmon_kconfig(a.pristine))
        write(work, 'drivers/hwmon/Makefile', hwmon_makefile(a.pristine))
        write(work, DOC, read(DOC))
        write(work, 'Documentation/hwmon/index.rst', hwmon_index(a.tree))
        write(work, 'MAINTAINERS', maintainers(a.tree, [BINDING, DOC, f'{DRV}/']))
        commit(work, '0002.msg')

        shutil.rmtree(a.out, ignore_errors=True)
        os.makedirs(a.out)
        git(work, 'format-patch', '-q', '--cover-letter', '--subject-prefix=PATCH',
            '-o', os.path.abspath(a.out), 'HEAD~2')
        cover = os.path.join(a.out, '0000-cover-letter.patch')
        with open(cover) as f:
            text = f.read()
        with open(os.path.join(TEMPLATES, 'cover-letter.txt')) as f:
            letter = sfp_values(bench_numbers(f.read(), a.bench), a.sfp_values)
        letter = letter.replace('{vectors_sample}', str(VECTORS_SAMPLE))
        subject, body = letter.split('\n', 1)
        text = text.replace('*** SUBJECT HERE ***', subject)
        text = text.replace('*** BLURB HERE ***', body.strip('\n'))
        with open(cover, 'w') as f:
            f.write(text)
    finally:
        shutil.rmtree(work)
    print(f'upstream: wrote {len(os.listdir(a.out))} files of the hwmon series to {a.out}')


if __name__ == '__main__':
    main()
