#!/usr/bin/python3
# test-archive-import-stream.py — import-archive streams its file (issue 16)
#
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Through the real program (STUDY_LEDGER) on ledgers written by the
# benchmark's generator (SL_BENCH_GENERATE):
#  - a generated multi-year ledger's archive, imported into a new ledger and
#    exported again, gives the same bytes (the time of export aside), also
#    when the file's keys come in another order and the meetings first;
#  - a 30 MB attachment goes through import-archive without the process's
#    peak memory (ru_maxrss, from wait4) growing by more than the
#    attachment's own pages: the base64 text (40 MB) is never held, let
#    alone copied. Memory, not time: nothing here depends on the machine's
#    speed.
#  - the same for --merge, and a damaged attachment still gets the
#    message that says where.
# Prints TAP.

import json
import os
import re
import sqlite3
import subprocess
import sys
import tempfile

SL = os.environ.get('STUDY_LEDGER')
GENERATE = os.environ.get('SL_BENCH_GENERATE')
results = []


def check(name, ok, detail=''):
    results.append((name, ok, detail))


def check_memory(name, ok, detail=''):
    """A bound on peak memory: measured in the normal build. Under
    AddressSanitizer (the CI's second round) freed blocks wait in its
    quarantine, so the peak measures the sanitizer, not the import."""
    if os.environ.get('ASAN_OPTIONS'):
        results.append((f'{name} # SKIP peak memory is not ours under AddressSanitizer', True, detail))
    else:
        check(name, ok, detail)


def run(*args, fail=False):
    """Runs the program; returns (stdout, stderr)."""
    done = subprocess.run([SL, *args], capture_output=True, text=True)
    if (done.returncode != 0) != fail:
        raise SystemExit(f'Bail out! {" ".join(args[2:4])}: exit {done.returncode}: '
                         f'{done.stderr.strip()[-600:]}')
    return done.stdout, done.stderr


# Runs the program from a small process of its own and prints its peak
# RSS: a child's ru_maxrss starts at the size of the process it was forked
# from, and this script holds whole archives.
PEAK_HELPER = """
import os, subprocess, sys
process = subprocess.Popen(sys.argv[1:], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
_, status, usage = os.wait4(process.pid, 0)
sys.stderr.write(process.stderr.read().decode())
print(usage.ru_maxrss)
sys.exit(os.waitstatus_to_exitcode(status))
"""


def peak_of(*args):
    """Runs the program and returns its peak RSS in KiB (ru_maxrss)."""
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


def fresh(tmp, name):
    path = os.path.join(tmp, name)
    for suffix in ('', '-wal', '-shm'):
        if os.path.exists(path + suffix):
            os.unlink(path + suffix)
    return path


def main():
    if not SL or not GENERATE:
        print('1..0 # SKIP STUDY_LEDGER or SL_BENCH_GENERATE is not set')
        return 0
    with tempfile.TemporaryDirectory() as tmp:
        source = os.path.join(tmp, 'source.db')
        subprocess.run([GENERATE, '--scale', '2', '--seed', '3', '--output', source],
                       check=True, capture_output=True)

        # Round trip of two generated years.
        first = os.path.join(tmp, 'first.json')
        again = os.path.join(tmp, 'again.json')
        run('--database', source, 'export-archive', first)
        copy = fresh(tmp, 'copy.db')
        run('--database', copy, 'import-archive', first)
        run('--database', copy, 'export-archive', again)
        check('two generated years: the archive imported and exported again is the same bytes',
              without_time(first) == without_time(again))

        # The same file with its keys in another order: meetings first,
        # the records they name after them, compact, non-ASCII escaped.
        with open(first, encoding='utf-8') as f:
            document = json.load(f)
        keys = ['meetings'] + [k for k in reversed(list(document)) if k != 'meetings']
        shuffled = os.path.join(tmp, 'shuffled.json')
        with open(shuffled, 'w', encoding='ascii') as f:
            json.dump({k: document[k] for k in keys}, f, ensure_ascii=True, separators=(',', ':'))
        del document
        copy = fresh(tmp, 'copy.db')
        run('--database', copy, 'import-archive', shuffled)
        run('--database', copy, 'export-archive', again)
        check('meetings before the records they name, escaped: the same bytes again',
              without_time(first) == without_time(again))

        # A 30 MB attachment. The baseline: the same ledger's archive
        # without it, imported the same way.
        with sqlite3.connect(f'file:{source}?mode=ro', uri=True) as db:
            meeting = db.execute('SELECT uuid FROM meetings ORDER BY date DESC LIMIT 1').fetchone()[0]
        baseline = peak_of('--database', fresh(tmp, 'base.db'), 'import-archive', first)

        scan = os.path.join(tmp, 'scan.bin')
        with open(scan, 'wb') as f:
            f.write(os.urandom(30 * 1024 * 1024))
        run('--database', source, 'attach', '--meeting', meeting, '--kind', 'material', scan)
        large = os.path.join(tmp, 'large.json')
        run('--database', source, 'export-archive', large)

        target = fresh(tmp, 'large.db')
        peak = peak_of('--database', target, 'import-archive', large)
        growth = (peak - baseline) / 1024
        # The attachment's 30 MB of pages wait in SQLite's cache for the
        # commit; the file's 40 MB of base64 and any copy of it must not.
        check_memory('a 30 MB attachment: import-archive peaks less than 45 MB above the same archive '
              'without it', growth < 45, f'grew {growth:.1f} MB (peak {peak / 1024:.1f} MB, '
              f'baseline {baseline / 1024:.1f} MB)')
        run('--database', target, 'export-archive', again)
        check('and the ledger it makes exports the same bytes', without_time(large) == without_time(again))

        # Merged over the ledger that holds it: the attachment is kept.
        peak = peak_of('--database', target, 'import-archive', '--merge', large)
        check_memory('--merge of the same archive peaks as low', (peak - baseline) / 1024 < 45,
              f'grew {(peak - baseline) / 1024:.1f} MB (peak {peak / 1024:.1f} MB)')

        # A damaged attachment: the same message as the text read whole.
        with open(large, 'rb') as f:
            text = f.read()
        at = text.index(b'"data" : "') + len(b'"data" : "') + 1000
        damaged = os.path.join(tmp, 'damaged.json')
        with open(damaged, 'wb') as f:
            f.write(text[:at] + b'*' + text[at + 1:])
        del text
        _, err = run('--database', fresh(tmp, 'damaged.db'), 'import-archive', damaged, fail=True)
        check('a damaged attachment is refused with the byte and where it is',
              'attachments[0].data' in err and '“*” at 1000' in err, err.strip())

    print(f'1..{len(results)}')
    for i, (name, ok, detail) in enumerate(results, 1):
        print(f'{"ok" if ok else "not ok"} {i} - {name}')
        if not ok and detail:
            for line in detail.splitlines():
                print(f'# {line}')
    return 0 if all(ok for _, ok, _ in results) else 1


if __name__ == '__main__':
    sys.exit(main())
