#!/usr/bin/python3
# test-merge-evidence.py — import-archive --merge and the evidence of final meetings
#
# SPDX-License-Identifier: GPL-3.0-or-later
#
# What an acceptance tester found in the merge (issue 12), through the real
# program (STUDY_LEDGER) on tests/data/evidence-2023.json (a final meeting
# with a revision, an attachment and a measure; a draft):
# - absent keys keep the ledger's values, required ones too, for a record
#   the ledger has; a new record without them is refused (ARCHIVE.md);
# - the summary and --dry-run count a meeting whose only change is its
#   state, revisions or attachments, and name them;
# - a tampered history or attachment is refused by --merge as by a plain
#   import, and the ledger is left as it was;
# - a merge changes a final meeting's measures only with --reason, and
#   the revision keeps that reason.
# Prints TAP.

import copy
import json
import os
import subprocess
import tempfile

SL = os.environ.get('STUDY_LEDGER')
DATA = os.path.join(os.environ.get('G_TEST_SRCDIR', os.path.dirname(__file__)), 'data',
                    'evidence-2023.json')
FINAL = '66666666-6666-4666-8666-666666666661'
DRAFT = '66666666-6666-4666-8666-666666666662'
MEMBER = '22222222-2222-4222-8222-222222222222'
MEASURE = '88888888-8888-4888-8888-888888888881'
EVIDENCE_KEYS = ('state', 'finalized_at', 'finalized_by', 'hash', 'revisions', 'attachments')
results = []


def check(name, ok, detail=''):
    results.append((name, bool(ok), detail))


def run(*args):
    done = subprocess.run([SL, *args], capture_output=True, text=True)
    return done.returncode, done.stdout, done.stderr


def run_ok(*args):
    status, out, err = run(*args)
    if status != 0:
        raise SystemExit(f'Bail out! {" ".join(args[2:4])}: {err.strip()}')
    return out


def load(path):
    with open(path, encoding='utf-8') as f:
        return json.load(f)


def save(tmp, name, archive):
    path = os.path.join(tmp, name)
    with open(path, 'w', encoding='utf-8') as f:
        json.dump(archive, f, ensure_ascii=False)
    return path


def partial(meetings=(), members=()):
    return {'format': 'study-ledger-archive', 'version': 2,
            'exported_at': '2024-02-01T08:00:00+08:00',
            'meetings': list(meetings), 'members': list(members)}


def export(db, tmp):
    out = os.path.join(tmp, 'export.json')
    run_ok('--database', db, 'export-archive', out)
    archive = load(out)
    archive.pop('exported_at', None)
    return archive


def meeting(archive, id):
    return next(m for m in archive['meetings'] if m['id'] == id)


def fresh(tmp, name, source=DATA):
    db = os.path.join(tmp, name)
    run_ok('--database', db, 'import-archive', source)
    return db


def history(db, id):
    return json.loads(run_ok('--database', db, 'history', '--meeting', id, '--json'))


def absent_keys(tmp):
    db = fresh(tmp, 'absent.db')
    was = export(db, tmp)
    file = save(tmp, 'absent.json', partial(
        meetings=[{'id': DRAFT, 'note': '部分键合并'}],
        members=[{'id': MEMBER, 'phone': '13800138000'}]))
    status, out, err = run('--database', db, 'import-archive', file, '--merge')
    check('a record the ledger has may leave out required keys', status == 0, err.strip())
    got = export(db, tmp)
    want = load(DATA)
    draft = meeting(got, DRAFT)
    check('the merged key is taken', draft.get('note') == '部分键合并', repr(draft.get('note')))
    for key in ('organization', 'kind', 'date', 'title', 'measures', 'attendance'):
        check(f'an absent {key} keeps its value', draft.get(key) == meeting(was, DRAFT).get(key),
              f'{draft.get(key)!r}')
    member = next(m for m in got['members'] if m['id'] == MEMBER)
    check('a member keeps its name', member['name'] == '李四', member['name'])
    check("a member's phone is merged", member['phone'] == '13800138000', member['phone'])
    check('the summary names the keys', 'note' in out and 'phone' in out, out)

    before = export(db, tmp)
    new_id = '66666666-6666-4666-8666-6666666666ff'
    file = save(tmp, 'new.json', partial(meetings=[{'id': new_id, 'note': '新会议'}]))
    status, out, err = run('--database', db, 'import-archive', file, '--merge')
    check('a new record without its required keys is refused', status != 0, out)
    check('the message names the record and the key',
          'meetings[0].organization: is required and missing' in err, err.strip())
    check('nothing was written', export(db, tmp) == before)
    status, _, err = run('--database', db, 'import-archive', file)
    check('a plain import still refuses it', status != 0 and 'is required and missing' in err,
          err.strip())

    # A partial record that changes a final meeting needs --reason, and
    # its hash is then that of the merged content.
    file = save(tmp, 'final.json', partial(meetings=[{'id': FINAL, 'note': '补记'}]))
    status, _, err = run('--database', db, 'import-archive', file, '--merge')
    check('a partial change to a final meeting needs --reason',
          status != 0 and '--reason' in err, err.strip())
    check('...and leaves the ledger as it was', export(db, tmp) == before)
    status, _, err = run('--database', db, 'import-archive', file, '--merge',
                         '--reason', '补记备注')
    check('with --reason it is merged', status == 0, err.strip())
    revisions = history(db, FINAL)
    check('a revision keeps the reason', revisions and revisions[-1]['reason'] == '补记备注',
          repr(revisions))
    final = meeting(export(db, tmp), FINAL)
    check('the final meeting keeps its title', final.get('title') == meeting(want, FINAL)['title'])
    status, out, err = run('--database', db, 'check')
    check('check finds the merged final meeting sound', status == 0, out + err)


def summary(tmp):
    # The ledger has the meeting as a draft, without its history or its
    # attachment; the file has it final, with both.
    draft = load(DATA)
    for key in EVIDENCE_KEYS:
        meeting(draft, FINAL).pop(key, None)
    db = fresh(tmp, 'summary.db', save(tmp, 'draft.json', draft))
    before = export(db, tmp)

    status, out, err = run('--database', db, 'import-archive', DATA, '--merge', '--dry-run')
    check('dry run of a merge that finalises', status == 0, err.strip())
    line = next((l for l in out.splitlines() if FINAL in l), '')
    check('the dry run lists the meeting as changed', line.startswith('changed'), out)
    for key in ('state', 'revisions', 'attachments'):
        check(f'the dry run names {key}', key in line, line)
    check('the dry run counts one change', 'change 1 ' in out, out)
    check('the dry run wrote nothing', export(db, tmp) == before)

    status, out, err = run('--database', db, 'import-archive', DATA, '--merge')
    check('a merge that finalises', status == 0, err.strip())
    line = next((l for l in out.splitlines() if FINAL in l), '')
    check('the summary names state, revisions and attachments',
          all(key in line for key in ('state', 'revisions', 'attachments')), out)
    check('the summary counts one change', '1 changed' in out, out)
    got = meeting(export(db, tmp), FINAL)
    check('the meeting is final', got.get('state') == 'final')
    check('with its attachment', len(got.get('attachments', [])) == 1)


def tampered(tmp):
    db = fresh(tmp, 'tamper.db')
    before = export(db, tmp)
    original = load(DATA)

    def edit_chain(m):
        m['revisions'][0]['chain'] = '0' * 64

    def edit_snapshot(m):
        m['revisions'][0]['snapshot'] = m['revisions'][0]['snapshot'].replace('制定方案', '制定计划')

    def edit_number(m):
        m['revisions'][0]['revision'] = 2

    def edit_bytes(m):
        data = m['attachments'][0]['data']
        m['attachments'][0]['data'] = ('B' if data[0] != 'B' else 'C') + data[1:]

    for name, edit in (('a broken chain', edit_chain), ('an edited snapshot', edit_snapshot),
                       ('a wrong revision number', edit_number),
                       ("an attachment's bytes that do not match", edit_bytes)):
        archive = copy.deepcopy(original)
        edit(meeting(archive, FINAL))
        file = save(tmp, 'tampered.json', archive)
        status, _, plain_err = run('--database', os.path.join(tmp, f'plain-{len(results)}.db'),
                                   'import-archive', file)
        check(f'a plain import refuses {name}', status != 0, plain_err.strip())
        for extra in ((), ('--reason', '合并')):
            status, out, err = run('--database', db, 'import-archive', file, '--merge', *extra)
            check(f'--merge {" ".join(extra)} refuses {name}', status != 0, out.strip())
            check(f'--merge {" ".join(extra)} leaves the ledger as it was after {name}',
                  export(db, tmp) == before)


def measures(tmp):
    db = fresh(tmp, 'measures.db')
    before = export(db, tmp)
    file = save(tmp, 'measure.json', partial(meetings=[{
        'id': FINAL, 'measures': [{'id': MEASURE, 'progress': '已通过验收'}]}]))
    status, _, err = run('--database', db, 'import-archive', file, '--merge')
    check("a merge of a final meeting's measures needs --reason",
          status != 0 and '--reason' in err, err.strip())
    check('...and leaves the ledger as it was', export(db, tmp) == before)
    status, _, err = run('--database', db, 'import-archive', file, '--merge', '--reason', '跟进整改')
    check('with --reason it is merged', status == 0, err.strip())
    revisions = history(db, FINAL)
    check('the revision keeps the given reason', revisions[-1]['reason'] == '跟进整改',
          repr(revisions[-1]))
    got = meeting(export(db, tmp), FINAL)
    check('the progress is merged, the text kept',
          got['measures'][0]['progress'] == '已通过验收' and got['measures'][0]['text'] == '制定贯彻方案',
          repr(got['measures'][0]))


def other_desk(tmp):
    # 乙机 revises the final meeting from where both desks stand; its
    # revision, reason and time, extend 甲机's chain and are kept.
    a = fresh(tmp, 'desk-a.db')
    b = fresh(tmp, 'desk-b.db')
    edit = save(tmp, 'edit.json', partial(meetings=[{'id': FINAL, 'decisions': '制定方案并印发'}]))
    run_ok('--database', b, 'import-archive', edit, '--merge', '--reason', '乙机更正决定事项')
    from_b = os.path.join(tmp, 'from-b.json')
    run_ok('--database', b, 'export-archive', from_b)
    want = history(b, FINAL)

    before = export(a, tmp)
    status, _, err = run('--database', a, 'import-archive', from_b, '--merge')
    check("another desk's revision still needs --reason", status != 0 and '--reason' in err,
          err.strip())
    check('...and leaves the ledger as it was', export(a, tmp) == before)
    status, out, err = run('--database', a, 'import-archive', from_b, '--merge', '--reason', '合并乙机')
    check("a merge of another desk's revision", status == 0, err.strip())
    got = history(a, FINAL)
    check("the other desk's revisions are kept as they are", got == want,
          f'{got!r}\n{want!r}')
    mine = meeting(export(a, tmp), FINAL)
    theirs = meeting(load(from_b), FINAL)
    for key in ('hash', 'finalized_at', 'finalized_by', 'revisions', 'decisions'):
        check(f'the final meeting has their {key}', mine.get(key) == theirs.get(key),
              f'{mine.get(key)!r} != {theirs.get(key)!r}')
    status, out, err = run('--database', a, 'check')
    check('check finds the extended chain sound', status == 0, out + err)
    status, out, err = run('--database', a, 'import-archive', from_b, '--merge')
    check('merging it again changes nothing', status == 0 and '0 changed' in out, out + err)

    # Both desks revised: the histories part, and the merge's own revision
    # keeps this desk's content (the file's revisions cannot follow it).
    c = fresh(tmp, 'desk-c.db')
    mine = save(tmp, 'mine.json', partial(meetings=[{'id': FINAL, 'note': '甲机补记'}]))
    run_ok('--database', c, 'import-archive', mine, '--merge', '--reason', '甲机补记')
    status, _, err = run('--database', c, 'import-archive', from_b, '--merge', '--reason', '合并乙机')
    check('a merge of a history that parted', status == 0, err.strip())
    got = history(c, FINAL)
    check('...adds a revision of its own', [r['reason'] for r in got] ==
          ['更正决定事项的文字', '甲机补记', '合并乙机'], repr(got))
    status, out, err = run('--database', c, 'check')
    check('check finds it sound', status == 0, out + err)


def main():
    if not SL:
        print('1..0 # SKIP STUDY_LEDGER is not set')
        return 0
    with tempfile.TemporaryDirectory() as tmp:
        absent_keys(tmp)
        summary(tmp)
        tampered(tmp)
        measures(tmp)
        other_desk(tmp)

    print(f'1..{len(results)}')
    failed = 0
    for i, (name, ok, detail) in enumerate(results, 1):
        print(f'{"ok" if ok else "not ok"} {i} - {name}')
        if not ok:
            failed += 1
            for line in str(detail).splitlines()[:8]:
                print(f'# {line}')
    return 1 if failed else 0


if __name__ == '__main__':
    raise SystemExit(main())
