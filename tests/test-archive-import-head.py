#!/usr/bin/python3
# test-archive-import-head.py — the head of a streamed archive, read as the text read whole
#
# SPDX-License-Identifier: GPL-3.0-or-later
#
# import-archive streams a regular file: its members, plans, topic pool,
# research topics and other records about people are read from it one
# element at a time, checked, and read again to be checked against the
# ledger and written (app/core/archive/sl-archive-head.c). Anything else
# (a pipe) is read whole, as every file was before. Through the real
# program (STUDY_LEDGER), on an archive of a ledger written by the
# benchmark's generator (SL_BENCH_GENERATE), each case here is imported
# both ways, the file and the same bytes through a pipe (/dev/stdin), and
# must give the same exit status, the same message (the file's name aside)
# and the same ledger: errors in every streamed array, an element that is
# not JSON after an error found earlier (the text read whole says where it
# is not JSON first), ids already in the ledger (the second reading),
# duplicate ids, arrays that are null or not arrays, a key given twice,
# and --merge with --dry-run's report.
# Prints TAP.

import copy
import json
import os
import subprocess
import sys
import tempfile

sys.dont_write_bytecode = True   # no __pycache__ in the source tree
sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), 'lib'))
from sltest import SL, check, fresh, generate, missing, report, run  # noqa: E402


def import_both(tmp, name, text, *options, base=None):
    """Imports @text (bytes) from a file and through a pipe, each into a
    fresh ledger (a copy of @base when given); returns both results as
    (status, stdout, stderr, archive exported after or None)."""
    path = os.path.join(tmp, f'{name}.json')
    with open(path, 'wb') as f:
        f.write(text)
    results = []
    for way in ('file', 'pipe'):
        ledger = fresh(tmp, f'{name}-{way}.db')
        if base is not None:
            run('--database', ledger, 'import-archive', base)
        argument = path if way == 'file' else '/dev/stdin'
        done = subprocess.run([SL, '--database', ledger, 'import-archive', *options, argument],
                              input=text, capture_output=True)
        out = done.stdout.decode().replace(path, 'ARCHIVE').replace('/dev/stdin', 'ARCHIVE')
        err = done.stderr.decode().replace(path, 'ARCHIVE').replace('/dev/stdin', 'ARCHIVE')
        again = None   # a refused import into no ledger leaves none
        if os.path.exists(ledger):
            exported = os.path.join(tmp, f'{name}-{way}-again.json')
            run('--database', ledger, 'export-archive', exported)
            with open(exported, encoding='utf-8') as f:
                again = json.load(f)
            again.pop('exported_at', None)
        results.append((done.returncode, out, err, again))
    os.unlink(path)
    return results


def same_both_ways(tmp, name, text, *options, fails=True, base=None, expect=None):
    (status, out, err, ledger), (status2, out2, err2, ledger2) = \
        import_both(tmp, name, text, *options, base=base)
    check(f'{name}: the same from the file as read whole',
          (status, out, err, ledger) == (status2, out2, err2, ledger2),
          f'file: {status} {err.strip()}\npipe: {status2} {err2.strip()}')
    check(f'{name}: {"refused" if fails else "imported"}', (status != 0) == fails, err.strip())
    if expect is not None:
        check(f'{name}: the message names {expect}', expect in err, err.strip())


def dumps(document):
    return json.dumps(document, ensure_ascii=False, indent=2).encode()


def main():
    if missing(generator=True):
        return 0
    with tempfile.TemporaryDirectory() as tmp:
        source = generate(tmp, 7, scale=1)
        archive = os.path.join(tmp, 'archive.json')
        run('--database', source, 'export-archive', archive)
        with open(archive, encoding='utf-8') as f:
            whole = json.load(f)
        small = dict(whole, meetings=whole['meetings'][:20])
        # The topics that name a meeting left out would be refused.
        kept = {m['id'] for m in small['meetings']}
        small['topics'] = [dict(t, planned_meeting=t['planned_meeting']
                                if t.get('planned_meeting') in kept else None)
                           for t in small['topics']]
        base = os.path.join(tmp, 'small.json')
        with open(base, 'wb') as f:
            f.write(dumps(small))

        same_both_ways(tmp, 'valid', dumps(small), fails=False)

        doc = copy.deepcopy(small)
        doc['plans'][1]['items'][2]['month'] = 13
        same_both_ways(tmp, 'plan item out of range', dumps(doc), expect='plans[1].items[2].month')

        doc = copy.deepcopy(small)
        doc['members'][5]['joined_on'] = '2023-02-30'
        same_both_ways(tmp, 'member with a wrong date', dumps(doc), expect='members[5].joined_on')

        doc = copy.deepcopy(small)
        doc['topics'][3]['received_on'] = 'soon'
        same_both_ways(tmp, 'topic with a wrong date', dumps(doc), expect='topics[3].received_on')

        doc = copy.deepcopy(small)
        doc['research_topics'][1]['status'] = 'unheard_of'
        same_both_ways(tmp, 'research topic with an unknown code', dumps(doc),
                       expect='research_topics[1].status')

        doc = copy.deepcopy(small)
        doc['plans'][0]['items'][0]['leads'] = ['00000000-0000-4000-8000-000000000001']
        same_both_ways(tmp, 'plan item naming no member', dumps(doc),
                       expect='plans[0].items[0].leads[0]')

        doc = copy.deepcopy(small)
        doc['topics'][2]['id'] = doc['plans'][0]['items'][0]['id']
        same_both_ways(tmp, 'a topic with a plan item\'s id', dumps(doc), expect='topics[2].id')

        # Not JSON in a later array after an error in an earlier one: the
        # text read whole says where it is not JSON.
        doc = copy.deepcopy(small)
        doc['members'][5]['joined_on'] = '2023-02-30'
        doc['research_topics'][0]['note'] = 'NOT_JSON'
        text = dumps(doc).replace(b'"NOT_JSON"', b'tru')
        same_both_ways(tmp, 'not JSON after an error', text, expect='not valid JSON')

        text = dumps(small).replace(b'"plans": [', b'"plans": [ 1,,', 1)
        same_both_ways(tmp, 'a plan not JSON', text, expect='not valid JSON')

        doc = copy.deepcopy(small)
        doc['meetings'][0]['date'] = 'yesterday'
        doc['topics'][0]['note'] = 'NOT_JSON'
        text = dumps(doc).replace(b'"NOT_JSON"', b'nul')
        same_both_ways(tmp, 'a meeting refused, a topic not JSON', text, expect='not valid JSON')

        # Without plans, no meeting may name a plan item.
        unplanned = dict(small, plans=[], meetings=[dict(m, plan_item=None) for m in small['meetings']])
        for value in ('null', '{}', '"plans"', '[]'):
            text = dumps(unplanned).replace(b'"plans": []', f'"plans": {value}'.encode())
            same_both_ways(tmp, f'plans as {value}', text, fails=value in ('{}', '"plans"'))

        text = dumps(small)
        text = text[:text.rindex(b'}')] + b', "topics": []}'
        same_both_ways(tmp, 'topics given twice', text, fails=False)

        doc = copy.deepcopy(small)
        doc['plans'][0]['items'][1]['id'] = doc['plans'][2]['items'][0]['id']
        same_both_ways(tmp, 'two plan items with one id', dumps(doc), expect='plans[2].items[0].id')

        # Into a ledger that has them already: the second reading checks.
        doc = {'format': small['format'], 'version': small['version'],
               'members': [dict(small['members'][3], id='00000000-0000-4000-8000-00000000000a'),
                           small['members'][4]],
               'plans': small['plans'][:1]}
        same_both_ways(tmp, 'a member the ledger has', dumps(doc), base=base,
                       expect='members[1].id: the ledger already has')
        doc['members'] = doc['members'][:1]
        same_both_ways(tmp, 'a plan the ledger has', dumps(doc), base=base,
                       expect='plans[0].id: the ledger already has')
        doc['plans'] = [dict(small['plans'][0], id='00000000-0000-4000-8000-00000000000b')]
        same_both_ways(tmp, 'a plan item the ledger has', dumps(doc), base=base,
                       expect='plans[0].items[0].id: the ledger already has')

        doc = copy.deepcopy(small)
        doc['members'][2]['post'] = '新的职务'
        doc['plans'][1]['title'] = '新的标题'
        del doc['topics'][4]['note']
        same_both_ways(tmp, 'merged', dumps(doc), '--merge', fails=False, base=base)
        same_both_ways(tmp, 'merged, dry run', dumps(doc), '--merge', '--dry-run', fails=False,
                       base=base)

    return report()


if __name__ == '__main__':
    sys.exit(main())
