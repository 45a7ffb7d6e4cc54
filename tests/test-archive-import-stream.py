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
import sqlite3
import sys
import tempfile

sys.dont_write_bytecode = True   # no __pycache__ in the source tree
sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), 'lib'))
from sltest import (check, check_memory, fresh, generate, missing, peak_of, report,  # noqa: E402
                    run, without_time)


def main():
    if missing(generator=True):
        return 0
    with tempfile.TemporaryDirectory() as tmp:
        source = generate(tmp, 3)

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

    return report()


if __name__ == '__main__':
    sys.exit(main())
