#!/usr/bin/python3
# test-archive-export-memory.py — export-archive streams attachments (issues 12, 16)
#
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Through the real program (STUDY_LEDGER):
#  - attachments of 0, 1, 2, 3 and 4 bytes and one of 50 MB (the largest
#    the ledger takes) come out of export-archive as the base64 of their
#    bytes (RFC 4648, no line breaks), compared with Python's own encoder,
#    and the archive imported into a new ledger exports the same bytes;
#  - exporting the ledger with the 50 MB attachment peaks (ru_maxrss of
#    the study-ledger process, from wait4) less than 40 MB above the same
#    ledger without it, and under 120 MB in all: the attachment is encoded
#    from its BLOB a chunk at a time straight into the file, never held
#    whole, as bytes or as its 67 MB of base64 (before: about 164 MB above).
# Memory, not time: nothing here depends on the machine's speed or load.
# Prints TAP.

import base64
import hashlib
import json
import os
import re
import subprocess
import sys
import tempfile

SL = os.environ.get('STUDY_LEDGER')
SRCDIR = os.environ.get('G_TEST_SRCDIR', os.path.dirname(os.path.abspath(__file__)))
results = []


def check(name, ok, detail=''):
    results.append((name, ok, detail))


def run(*args):
    done = subprocess.run([SL, *args], capture_output=True, text=True)
    if done.returncode != 0:
        raise SystemExit(f'Bail out! {" ".join(args[2:4])}: exit {done.returncode}: '
                         f'{done.stderr.strip()[-600:]}')
    return done.stdout


# Runs the program from a small process of its own and prints its peak
# RSS: a child's ru_maxrss starts at the size of the process it was forked
# from, and this script reads whole archives.
PEAK_HELPER = """
import os, subprocess, sys
process = subprocess.Popen(sys.argv[1:], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
_, status, usage = os.wait4(process.pid, 0)
sys.stderr.write(process.stderr.read().decode())
print(usage.ru_maxrss)
sys.exit(os.waitstatus_to_exitcode(status))
"""


def peak_of(*args):
    """Runs the program; returns its peak RSS in KiB (ru_maxrss)."""
    # meson's MALLOC_PERTURB_ fills what is freed and so keeps it in the
    # process's memory: measured without it.
    env = {k: v for k, v in os.environ.items() if k not in ('MALLOC_PERTURB_', 'MALLOC_CHECK_')}
    done = subprocess.run([sys.executable, '-c', PEAK_HELPER, SL, *args], capture_output=True,
                          text=True, env=env)
    if done.returncode != 0:
        raise SystemExit(f'Bail out! {" ".join(args[2:4])}: {done.stderr.strip()[-600:]}')
    return int(done.stdout.split()[-1])


def without_time(path):
    with open(path, 'rb') as f:
        return re.sub(rb'"exported_at" : "[^"]*"', b'', f.read())


def attachments_of(path):
    """name → (size, sha256, data) of every attachment in the archive."""
    with open(path, encoding='utf-8') as f:
        document = json.load(f)
    return {a['name']: (a['size'], a['sha256'], a['data'])
            for m in document['meetings'] for a in m.get('attachments', [])}


def main():
    if not SL:
        print('1..0 # SKIP STUDY_LEDGER is not set')
        return 0
    with tempfile.TemporaryDirectory() as tmp:
        ledger = os.path.join(tmp, 'ledger.db')
        run('--database', ledger, 'import-archive', os.path.join(SRCDIR, 'data', 'year-2023-v2.json'))
        with open(os.path.join(SRCDIR, 'data', 'year-2023-v2.json'), encoding='utf-8') as f:
            meetings = [m['id'] for m in json.load(f)['meetings']]

        # The small ones, and the baseline: the ledger without the large one.
        contents = {}
        for size in range(5):
            name = f'small-{size}.bin'
            contents[name] = bytes((17 * i + size) & 0xff for i in range(size))
            path = os.path.join(tmp, name)
            with open(path, 'wb') as f:
                f.write(contents[name])
            run('--database', ledger, 'attach', '--meeting', meetings[size % 2], '--kind',
                'material', path)
        small = os.path.join(tmp, 'small.json')
        baseline = peak_of('--database', ledger, 'export-archive', small)

        # 50 MB, the most an attachment may be; a size that is not a
        # multiple of 3, so that the text ends with padding.
        large = os.urandom(50 * 1024 * 1024 - 1)
        contents['large.bin'] = large
        path = os.path.join(tmp, 'large.bin')
        with open(path, 'wb') as f:
            f.write(large)
        run('--database', ledger, 'attach', '--meeting', meetings[0], '--kind', 'material', path)
        os.unlink(path)

        archive = os.path.join(tmp, 'archive.json')
        peak = peak_of('--database', ledger, 'export-archive', archive)
        growth = (peak - baseline) / 1024
        check('a 50 MB attachment: export-archive peaks less than 40 MB above the same ledger '
              'without it', growth < 40,
              f'grew {growth:.1f} MB (peak {peak / 1024:.1f} MB, baseline {baseline / 1024:.1f} MB)')
        check('and under 120 MB in all', peak / 1024 < 120, f'peak {peak / 1024:.1f} MB')

        found = attachments_of(archive)
        for name, data in contents.items():
            size, sha256, text = found.get(name, (None, None, None))
            check(f'{name} ({len(data)} bytes): its base64 in the archive is that of its bytes',
                  text == base64.b64encode(data).decode('ascii') and size == len(data) and
                  sha256 == hashlib.sha256(data).hexdigest(),
                  f'size {size}, text {None if text is None else text[:40]}…')
        del found, contents, large

        # Imported into a new ledger and exported again: the same bytes.
        again = os.path.join(tmp, 'again.json')
        copy = os.path.join(tmp, 'copy.db')
        run('--database', copy, 'import-archive', archive)
        run('--database', copy, 'export-archive', again)
        check('the archive imported and exported again is the same bytes',
              without_time(archive) == without_time(again))

    print(f'1..{len(results)}')
    for i, (name, ok, detail) in enumerate(results, 1):
        print(f'{"ok" if ok else "not ok"} {i} - {name}')
        if not ok and detail:
            for line in detail.splitlines():
                print(f'# {line}')
    return 0 if all(ok for _, ok, _ in results) else 1


if __name__ == '__main__':
    sys.exit(main())
