#!/usr/bin/python3
# test-merge-rows.py — a merge keeps what a guest's or a speech's row leaves out
#
# SPDX-License-Identifier: GPL-3.0-or-later
#
# ARCHIVE.md: absent keys on --merge leave local values as they are. Guests
# have no id and speeches had none before version 2, so a merged meeting's
# guests and speeches are written anew; each row must still keep the
# ledger's unit, superior and remarks (a guest, found by name) and kind and
# title (a speech, by id, else by speaker). Runs the real program
# (STUDY_LEDGER) on tests/data/year-2023-v2.json. Prints TAP.

import json
import os
import sys
import tempfile

sys.dont_write_bytecode = True   # no __pycache__ in the source tree
sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), 'lib'))
from sltest import check, missing, report, run  # noqa: E402

DATA = os.path.join(os.environ.get('G_TEST_SRCDIR', os.path.dirname(__file__)), 'data',
                    'year-2023-v2.json')
MEETING = '50000000-0000-4000-8000-000000000001'


def meeting_of(path):
    with open(path, encoding='utf-8') as f:
        return next(m for m in json.load(f)['meetings'] if m['id'] == MEETING)


def main():
    if missing():
        return 0
    with tempfile.TemporaryDirectory() as tmp:
        db = os.path.join(tmp, 'ledger.db')
        run('--database', db, 'import-archive', DATA)
        with open(DATA, encoding='utf-8') as f:
            archive = json.load(f)
        before = next(m for m in archive['meetings'] if m['id'] == MEETING)
        for kind, keys in (('guests', ('unit', 'superior', 'remarks')),
                           ('speeches', ('kind', 'title'))):
            for row in before[kind]:
                for key in keys:
                    row.pop(key, None)
        # One speech as a version-1 desk writes it: no id either.
        before['speeches'][0].pop('id', None)
        partial = os.path.join(tmp, 'partial.json')
        with open(partial, 'w', encoding='utf-8') as f:
            json.dump(archive, f, ensure_ascii=False)
        run('--database', db, 'import-archive', partial, '--merge')
        out = os.path.join(tmp, 'out.json')
        run('--database', db, 'export-archive', out)

        want = meeting_of(DATA)
        got = meeting_of(out)
        for key in ('unit', 'superior', 'remarks'):
            check(f'a guest keeps its {key}', got['guests'][0].get(key) == want['guests'][0].get(key),
                  f"{got['guests'][0].get(key)!r} != {want['guests'][0].get(key)!r}")
        for i, (g, w) in enumerate(zip(got['speeches'], want['speeches'])):
            for key in ('id', 'kind', 'title'):
                check(f'speech {i} keeps its {key}', g.get(key) == w.get(key),
                      f'{g.get(key)!r} != {w.get(key)!r}')

        # An explicit null still clears.
        with open(partial, encoding='utf-8') as f:
            archive = json.load(f)
        next(m for m in archive['meetings'] if m['id'] == MEETING)['guests'][0]['remarks'] = None
        with open(partial, 'w', encoding='utf-8') as f:
            json.dump(archive, f, ensure_ascii=False)
        run('--database', db, 'import-archive', partial, '--merge')
        run('--database', db, 'export-archive', out)
        check('null clears a guest\'s remarks', meeting_of(out)['guests'][0].get('remarks') is None)

    return report()


if __name__ == '__main__':
    sys.exit(main())
