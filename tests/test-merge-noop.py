#!/usr/bin/python3
# test-merge-noop.py — a merge of what the ledger already holds writes nothing
#
# SPDX-License-Identifier: GPL-3.0-or-later
#
# `import-archive --merge` of the ledger's own export (a final meeting with
# a revision and an attachment, a locked year, guests, speeches, measures,
# the version-2 records) must leave every row as it was: no change count
# raised (a window holding a record would take it for another program's
# change), no speech or guest written again under a new key, no revision
# added; the same twice over. A real change still goes in, and raises only
# its own meeting's count. Runs the real program (STUDY_LEDGER) on
# tests/data/year-2023-v2.json and reads the file with Python's sqlite3.
# Prints TAP.

import json
import os
import sqlite3
import sys
import tempfile

sys.dont_write_bytecode = True   # no __pycache__ in the source tree
sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), 'lib'))
from sltest import check, missing, report, run  # noqa: E402

DATA = os.path.join(os.environ.get('G_TEST_SRCDIR', os.path.dirname(__file__)), 'data',
                    'year-2023-v2.json')
MEETING = '50000000-0000-4000-8000-000000000001'
TOP = '某局党组'


def dump(db):
    """Every row of every plain table (the search index's virtual table
    needs our tokenizer, which Python's sqlite3 has not)."""
    conn = sqlite3.connect(db)
    try:
        tables = [name for name, sql in conn.execute(
            "SELECT name, sql FROM sqlite_master WHERE type = 'table' ORDER BY name")
            if not sql.upper().startswith('CREATE VIRTUAL')]
        rows = []
        for name in tables:
            try:
                found = conn.execute(f'SELECT * FROM "{name}"').fetchall()
            except sqlite3.OperationalError:
                continue   # a shadow table of the index
            rows += sorted(f'{name}: {row!r}' for row in found)
        return rows
    finally:
        conn.close()


def counts(db):
    with sqlite3.connect(db) as conn:
        return {uuid: count for uuid, count in
                conn.execute('SELECT uuid, change_count FROM meetings')}


def main():
    if missing():
        return 0
    with tempfile.TemporaryDirectory() as tmp:
        db = os.path.join(tmp, 'ledger.db')
        run('--database', db, 'import-archive', DATA)
        run('--database', db, 'finalize', '--meeting', MEETING, '--by', '王五')
        sheet = os.path.join(tmp, '签到表.txt')
        with open(sheet, 'w', encoding='utf-8') as f:
            f.write('签到表\n')
        run('--database', db, 'attach', '--meeting', MEETING, '--kind', 'signed_sheet',
            '--reason', '补传签到表', sheet)
        run('--database', db, 'lock-year', '2023', '--organization', TOP)
        own = os.path.join(tmp, 'own.json')
        run('--database', db, 'export-archive', own)

        before = dump(db)
        for turn in ('first', 'second'):
            out, _ = run('--database', db, 'import-archive', own, '--merge')
            after = dump(db)
            changed = [line for line in after if line not in set(before)]
            check(f'a {turn} merge of the own export changes no row', after == before,
                  '; '.join(changed[:5]))
            check(f'a {turn} merge reports nothing changed', ' 0 changed' in out, out.strip())

        # A real change still goes in, and only its meeting's count rises.
        with open(own, encoding='utf-8') as f:
            archive = json.load(f)
        archive['meetings'] = [m for m in archive['meetings'] if m['id'] != MEETING]
        other = archive['meetings'][0]
        # Out of the locked year's reach: a year 2024 meeting would be new;
        # unlock instead, with a reason.
        run('--database', db, 'unlock-year', '2023', '--organization', TOP, '--reason', '补录地点')
        other['place'] = (other.get('place') or '') + '（改）'
        changed_file = os.path.join(tmp, 'changed.json')
        with open(changed_file, 'w', encoding='utf-8') as f:
            json.dump(archive, f, ensure_ascii=False)
        was = counts(db)
        run('--database', db, 'import-archive', changed_file, '--merge')
        now = counts(db)
        raised = sorted(uuid for uuid in now if now[uuid] != was.get(uuid))
        check('a changed meeting is saved, and no other', raised == [other['id']], repr(raised))

    return report()


if __name__ == '__main__':
    sys.exit(main())
