#!/usr/bin/python3
# test-relocated-install.py — an installation moved elsewhere speaks its own language
#
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Issue 17: a .deb unpacked with dpkg-deb -x ran in English, since the
# translation was looked up at the configured prefix, not beside the
# program. Installs this build with `meson install --destdir` into a
# temporary folder, moves the installed prefix somewhere else entirely,
# and runs the moved study-ledger (and the window's program, with a
# command word, which runs headless) with LANGUAGE=zh_CN: --help and a
# command's error must be Chinese. Then the moved tree's translation is
# replaced by one whose "Usage:" is a marker, which must be what --help
# prints: the program reads the translation it was moved with, not one
# left at the configured prefix (which a developer's or CI's machine may
# well have installed). Prints TAP.
#
# Usage: test-relocated-install.py MESON BUILD-DIR PREFIX BINDIR LIBEXECDIR LOCALEDIR
# (the directories as meson's options: BINDIR etc. relative to PREFIX or
# absolute)

import os
import shutil
import struct
import subprocess
import sys
import tempfile

sys.dont_write_bytecode = True   # no __pycache__ in the source tree
sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), 'lib'))
from sltest import check, report  # noqa: E402

MARKER = '用法（搬移后的安装）：'


def relative(prefix, folder):
    folder = os.path.join(prefix, folder)
    return os.path.relpath(folder, prefix)


def write_mo(path, translations):
    """A GNU .mo file of @translations (msgid → msgstr), with the header
    entry that declares UTF-8."""
    entries = dict(translations)
    entries[''] = 'Content-Type: text/plain; charset=UTF-8\n'
    keys = sorted(entries)
    ids = [k.encode() for k in keys]
    strs = [entries[k].encode() for k in keys]
    n = len(keys)
    header_size = 7 * 4
    ids_table = header_size
    strs_table = ids_table + n * 8
    data = strs_table + n * 8
    offsets = []
    blob = b''
    for text in ids + strs:
        offsets.append((len(text), data + len(blob)))
        blob += text + b'\0'
    out = struct.pack('<7I', 0x950412de, 0, n, ids_table, strs_table, 0, 0)
    for length, offset in offsets:
        out += struct.pack('<2I', length, offset)
    with open(path, 'wb') as f:
        f.write(out + blob)


def has_zh_locale():
    try:
        done = subprocess.run(['locale', '-a'], capture_output=True, text=True)
    except OSError:
        return False
    return any(line.lower().replace('-', '') in ('zh_cn.utf8',) for line in done.stdout.split())


def main():
    meson, build, prefix, bindir, libexecdir, localedir = sys.argv[1:7]
    if prefix == '/' or not os.path.isabs(prefix):
        print(f'1..0 # SKIP the prefix {prefix} cannot be moved')
        return 0
    if not has_zh_locale():
        print('1..0 # SKIP the zh_CN.UTF-8 locale is not generated (build-aux/setup.sh does it)')
        return 0

    with tempfile.TemporaryDirectory(prefix='sl-relocated-') as tmp:
        dest = os.path.join(tmp, 'dest')
        done = subprocess.run([meson, 'install', '-C', build, '--no-rebuild', '--quiet',
                               '--destdir', dest], capture_output=True, text=True)
        check('meson install --destdir', done.returncode == 0, done.stdout + done.stderr)
        if done.returncode != 0:
            return report()

        # Nothing of the configured prefix in the new place's name.
        moved = os.path.join(tmp, 'elsewhere', 'opt', 'sl')
        os.makedirs(os.path.dirname(moved))
        shutil.move(dest + prefix, moved)
        shutil.rmtree(dest)

        program = os.path.join(moved, relative(prefix, bindir), 'study-ledger')
        window = os.path.join(moved, relative(prefix, libexecdir), 'study-ledger-window')
        mo = os.path.join(moved, relative(prefix, localedir), 'zh_CN', 'LC_MESSAGES',
                          'study-ledger.mo')
        check('the moved tree holds the program and its translation',
              os.path.isfile(program) and os.path.isfile(mo), f'{program}\n{mo}')

        env = {k: v for k, v in os.environ.items()
               if k not in ('DISPLAY', 'WAYLAND_DISPLAY', 'LC_MESSAGES', 'G_MESSAGES_DEBUG')}
        env.update(LANGUAGE='zh_CN', LANG='zh_CN.UTF-8', LC_ALL='zh_CN.UTF-8',
                   XDG_DATA_HOME=os.path.join(tmp, 'data'))
        nowhere = os.path.join(tmp, 'no-ledger.db')

        def run(*args):
            return subprocess.run(list(args), capture_output=True, text=True, env=env, timeout=60)

        done = run(program, '--help')
        check('moved study-ledger --help is in Chinese',
              done.returncode == 0 and '用法：' in done.stdout and '打开窗口' in done.stdout
              and 'Usage:' not in done.stdout, done.stdout[:400] + done.stderr)

        for name, path in (('study-ledger', program), ('study-ledger-window', window)):
            done = run(path, '--database', nowhere, 'check')
            check(f'moved {name} check: its error in Chinese',
                  done.returncode == 1 and '处没有台账' in done.stderr, done.stderr)

        # The moved translation, not one at the configured prefix.
        write_mo(mo, {'Usage:': MARKER})
        done = run(program, '--help')
        check('moved study-ledger reads the translation it was moved with',
              done.returncode == 0 and MARKER in done.stdout, done.stdout[:400] + done.stderr)
        done = run(window, '--help')
        check('moved study-ledger-window reads the translation it was moved with',
              done.returncode == 0 and MARKER in done.stdout, done.stdout[:400] + done.stderr)

    return report()


if __name__ == '__main__':
    sys.exit(main())
