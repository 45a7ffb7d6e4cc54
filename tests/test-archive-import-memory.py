#!/usr/bin/python3
# test-archive-import-memory.py — import-archive's memory does not grow with the file (issue 16)
#
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Through the real program (STUDY_LEDGER) on ledgers written by the
# benchmark's generator (SL_BENCH_GENERATE):
#  - a generated archive (Chinese text) imported into an empty ledger, the
#    bulk path (no WAL, the search texts and index built in batches),
#    gives the same search results as the same archive merged into a
#    ledger that holds a record already, the same search texts as the
#    schema's own triggers write, the same schema, and the same archive
#    when exported again; --dry-run writes nothing;
#  - the peak memory (ru_maxrss, from wait4) of importing 8,000 meetings
#    with 13 ids each is within a few MiB of importing 2,000 of them: every
#    id of the file is kept on disk, not in memory, and the batch's search
#    texts are written without SQLite's copy of them in memory (before:
#    about 17 MiB more). Memory, not time: nothing here depends on the
#    machine's speed.
# Prints TAP.

import json
import os
import re
import shutil
import sqlite3
import subprocess
import sys
import tempfile
import uuid

SL = os.environ.get('STUDY_LEDGER')
GENERATE = os.environ.get('SL_BENCH_GENERATE')
results = []

QUERIES = ['学习', '生态', '党', '会议', '学习贯彻', '环境保护', '整改措施', '习近平', '的',
           '理论学习中心组', 'a', '2023', 'zzzz不存在']


def check(name, ok, detail=''):
    results.append((name, ok, detail))


def check_memory(name, ok, detail=''):
    """Peak memory bounds hold in the normal build only: under
    AddressSanitizer freed blocks wait in its quarantine."""
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


# The program run from a small process of its own, which prints its peak
# RSS: a child's ru_maxrss starts at the size of the process it was
# forked from, and this script holds whole archives.
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
    env = {k: v for k, v in os.environ.items() if k not in ('MALLOC_PERTURB_', 'MALLOC_CHECK_')}
    done = subprocess.run([sys.executable, '-c', PEAK_HELPER, SL, *args], capture_output=True,
                          text=True, env=env)
    if done.returncode != 0:
        raise SystemExit(f'Bail out! {" ".join(args[2:4])}: {done.stderr.strip()[-600:]}')
    return int(done.stdout.split()[-1])


def without_time(path):
    with open(path, encoding='utf-8') as f:
        return re.sub(r'"exported_at" : "[^"]*"', '', f.read())


def fresh(tmp, name):
    path = os.path.join(tmp, name)
    for suffix in ('', '-wal', '-shm'):
        if os.path.exists(path + suffix):
            os.unlink(path + suffix)
    return path


def searches(ledger):
    return {q: run('--database', ledger, 'search', '--all', q)[0] for q in QUERIES}


def schema(ledger):
    with sqlite3.connect(f'file:{ledger}?mode=ro', uri=True) as db:
        return db.execute("SELECT type, name, sql FROM sqlite_schema ORDER BY name").fetchall()


def texts(ledger):
    with sqlite3.connect(f'file:{ledger}?mode=ro', uri=True) as db:
        return db.execute('SELECT meeting_id, body FROM search_text ORDER BY meeting_id').fetchall()


def texts_by_triggers(tmp, ledger):
    """search_text as the schema's triggers write it, one meeting at a
    time: every meeting's text rewritten by meetings_text_update, in a
    copy (sqlite3 has no tokenizer; only search_text and the queue
    change)."""
    copy = os.path.join(tmp, 'triggers.db')
    shutil.copyfile(ledger, copy)
    with sqlite3.connect(copy) as db:
        db.execute('UPDATE meetings SET title = title')
        rows = db.execute('SELECT meeting_id, body FROM search_text ORDER BY meeting_id').fetchall()
    os.unlink(copy)
    return rows


def many_meetings(document, count):
    """@document with @count meetings made from its first one: new ids for
    the meeting, its 10 studies and 2 measures; little else, so that the
    file is mostly ids."""
    model = dict(document['meetings'][0])
    model['attendance'] = model.get('attendance', [])[:3]
    model['speeches'] = model.get('speeches', [])[:1]
    studies = (model.get('studies') or [])[:1]
    measures = (model.get('measures') or [])[:1]
    meetings = []
    for i in range(count):
        meeting = dict(model)
        meeting['id'] = str(uuid.UUID(int=(1 << 64) + i * 16, version=4))
        meeting['title'] = f'第{i}次会议 学习研讨'
        meeting['studies'] = [dict(studies[0], id=str(uuid.UUID(int=(2 << 64) + i * 16 + j, version=4)),
                                   position=j + 1, title=f'学习第{j}篇')
                              for j in range(10)] if studies else []
        meeting['measures'] = [dict(measures[0], id=str(uuid.UUID(int=(3 << 64) + i * 16 + j, version=4)),
                                    position=j + 1)
                               for j in range(2)] if measures else []
        meetings.append(meeting)
    out = dict(document)
    out['meetings'] = meetings
    for key in ('research_topics', 'topics'):
        out[key] = []   # they may name the generated file's own meetings
    return out


def main():
    if not SL or not GENERATE:
        print('1..0 # SKIP STUDY_LEDGER or SL_BENCH_GENERATE is not set')
        return 0
    with tempfile.TemporaryDirectory() as tmp:
        source = os.path.join(tmp, 'source.db')
        subprocess.run([GENERATE, '--scale', '2', '--seed', '5', '--output', source],
                       check=True, capture_output=True)
        archive = os.path.join(tmp, 'archive.json')
        run('--database', source, 'export-archive', archive)

        # Into an empty ledger: the bulk path.
        direct = fresh(tmp, 'direct.db')
        run('--database', direct, 'import-archive', archive)

        # Merged into a ledger that holds one organization already: the
        # write-ahead log and the merge's lookups.
        with open(archive, encoding='utf-8') as f:
            document = json.load(f)
        other = os.path.join(tmp, 'other.json')
        with open(other, 'w', encoding='utf-8') as f:
            json.dump({'format': document['format'], 'version': document['version'],
                       'organizations': [{'id': '0b6c3c1e-9a43-4f57-9a35-2f1f4c3f7d11',
                                          'name': '另一个党支部', 'kind': 'branch', 'parent': None}]},
                      f, ensure_ascii=False)
        merged = fresh(tmp, 'merged.db')
        run('--database', merged, 'import-archive', other)
        run('--database', merged, 'import-archive', '--merge', archive)

        found = searches(direct)
        check('into an empty ledger: the same search results as merged into a ledger with a record',
              found == searches(merged),
              [q for q in QUERIES if found[q] != searches(merged)[q]])
        check('the searches find something', sum(1 for q in QUERIES if len(found[q]) > 1000) >= 8,
              {q: len(found[q]) for q in QUERIES})
        check('the search texts are those the schema\'s triggers write',
              texts(direct) == texts_by_triggers(tmp, direct))
        check('the same search texts either way', texts(direct) == texts(merged))
        check('the schema is unchanged by the bulk write (its triggers put back as they were)',
              schema(direct) == schema(merged))
        again = os.path.join(tmp, 'again.json')
        run('--database', direct, 'export-archive', again)
        check('exported again: the same archive', without_time(archive) == without_time(again))

        before = texts(merged)
        out, _ = run('--database', merged, 'import-archive', '--merge', '--dry-run', archive)
        check('--dry-run writes nothing', texts(merged) == before and searches(merged) == found)

        # Peak memory of 2,000 and of 8,000 meetings of 13 ids each.
        peaks = {}
        for count in (2000, 8000):
            path = os.path.join(tmp, f'many-{count}.json')
            with open(path, 'w', encoding='utf-8') as f:
                json.dump(many_meetings(document, count), f, ensure_ascii=False, indent=1)
            ledger = fresh(tmp, f'many-{count}.db')
            peaks[count] = peak_of('--database', ledger, 'import-archive', path)
            with sqlite3.connect(f'file:{ledger}?mode=ro', uri=True) as db:
                n = db.execute('SELECT count(*) FROM studies').fetchone()[0]
            check(f'{count} meetings imported with their studies', n == count * 10, n)
            os.unlink(path)
        growth = (peaks[8000] - peaks[2000]) / 1024
        check_memory('8,000 meetings of 13 ids each: peak within 6 MiB of 2,000 meetings',
                     growth <= 6, f'{peaks[2000] / 1024:.1f} → {peaks[8000] / 1024:.1f} MiB')

    print(f'1..{len(results)}')
    failed = 0
    for i, (name, ok, detail) in enumerate(results, 1):
        print(f'{"ok" if ok else "not ok"} {i} - {name}')
        if detail != '':
            print(f'# {detail}')
        failed += not ok
    return 1 if failed else 0


if __name__ == '__main__':
    sys.exit(main())
