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
#  - the same for the head of the file: an archive whose members, plans,
#    topic pool and research topics hold 30 MB more text peaks within a
#    few MiB of the same archive without them (before: the head was parsed
#    whole, about 70 MiB more), and what it imports is what it holds.
# Prints TAP.

import json
import os
import shutil
import sqlite3
import sys
import tempfile
import uuid

sys.dont_write_bytecode = True   # no __pycache__ in the source tree
sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), 'lib'))
from sltest import (check, check_memory, fresh, generate, missing, peak_of, report,  # noqa: E402
                    run, without_time)


QUERIES = ['学习', '生态', '党', '会议', '学习贯彻', '环境保护', '整改措施', '习近平', '的',
           '理论学习中心组', 'a', '2023', 'zzzz不存在']


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


LONG = '结合分管工作，对标对表中央要求，还有不小差距，推动各项任务落实落细。' * 20   # 2 KB


def new_id(kind, i):
    return str(uuid.UUID(int=(kind << 96) + i, version=4))


def big_head(document):
    """@document with its head grown by about 30 MB of text and 13,000 ids:
    copies of its plans (items included), topic-pool items, members and
    research topics under new ids, each with long texts."""
    out = dict(document)
    plans = []
    for i in range(500):
        plan = dict(document['plans'][i % len(document['plans'])], id=new_id(5, i),
                    year=1924 + i % 100, guiding=LONG, focus=LONG, requirements=LONG)
        plan['items'] = [dict(item, id=new_id(6, i * 100 + j), content=LONG)
                         for j, item in enumerate(plan.get('items') or [])]
        plans.append(plan)
    out['plans'] = document['plans'] + plans
    out['topics'] = document['topics'] + [
        dict(document['topics'][i % len(document['topics'])], id=new_id(7, i), note=LONG,
             planned_meeting=None) for i in range(3000)]
    # Members without long texts: the ledger keeps its members in memory
    # (SlLedger's list of them, for the window), whatever reads them.
    out['members'] = document['members'] + [
        dict(document['members'][i % len(document['members'])], id=new_id(8, i))
        for i in range(2000)]
    out['research_topics'] = document['research_topics'] + [
        dict(document['research_topics'][i % len(document['research_topics'])], id=new_id(9, i),
             note=LONG) for i in range(2000)]
    return out


def counted(ledger):
    with sqlite3.connect(f'file:{ledger}?mode=ro', uri=True) as db:
        return {table: db.execute(f'SELECT count(*) FROM {table}').fetchone()[0]   # noqa: S608
                for table in ('members', 'plans', 'plan_items', 'topics', 'research_topics')}


def head_memory(tmp, document):
    """The peaks of importing @document and the same with a big head."""
    small = dict(document, meetings=document['meetings'][:200])
    small_path = os.path.join(tmp, 'small-head.json')
    big_path = os.path.join(tmp, 'big-head.json')
    grown = big_head(small)
    for path, doc in ((small_path, small), (big_path, grown)):
        with open(path, 'w', encoding='utf-8') as f:
            json.dump(doc, f, ensure_ascii=False, indent=1)
    size = (os.path.getsize(big_path) - os.path.getsize(small_path)) / 1e6
    peaks = {}
    for name, path in (('small', small_path), ('big', big_path)):
        ledger = fresh(tmp, f'{name}-head.db')
        peaks[name] = peak_of('--database', ledger, 'import-archive', path)
    counts = counted(os.path.join(tmp, 'big-head.db'))
    want = {'members': len(grown['members']), 'plans': len(grown['plans']),
            'plan_items': sum(len(p.get('items') or []) for p in grown['plans']),
            'topics': len(grown['topics']), 'research_topics': len(grown['research_topics'])}
    check('a big head: every member, plan, item, topic and research topic imported',
          counts == want, f'{counts} != {want}')
    again = os.path.join(tmp, 'big-again.json')
    run('--database', os.path.join(tmp, 'big-head.db'), 'export-archive', again)
    with open(again, encoding='utf-8') as f:
        exported = json.load(f)
    for key in ('members', 'plans', 'topics', 'research_topics'):
        check(f'a big head: its {key} exported again as they were read',
              sorted(json.dumps(x, sort_keys=True) for x in exported[key]) ==
              sorted(json.dumps(x, sort_keys=True) for x in grown[key]))
    # The import's page cache (8 MiB, sl-archive-import.c) fills with the
    # big head's rows and not with the small one's: 10 MiB, for what must
    # not come back is the head held whole (about 70 MiB more).
    growth = (peaks['big'] - peaks['small']) / 1024
    check_memory(f'a head {size:.0f} MB larger: peak within 10 MiB',
                 size > 25 and growth <= 10,
                 f'{peaks["small"] / 1024:.1f} → {peaks["big"] / 1024:.1f} MiB')
    for path in (small_path, big_path, again):
        os.unlink(path)


def main():
    if missing(generator=True):
        return 0
    with tempfile.TemporaryDirectory() as tmp:
        source = generate(tmp, 5)
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

        head_memory(tmp, document)

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

    return report(details='all')


if __name__ == '__main__':
    sys.exit(main())
