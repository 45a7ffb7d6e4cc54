#!/usr/bin/python3
# test-evidence-integrity.py — what an outside checker of the evidence finds
#
# SPDX-License-Identifier: GPL-3.0-or-later
#
# ARCHIVE.md (version 2) defines a final meeting's hash so that anyone can
# recompute it offline: for our data, Python's json.dumps of the hash form.
# Each case here is a fault an acceptance tester found, run through the
# real program (STUDY_LEDGER) on real SQLite files in a temporary folder,
# from tests/data/evidence-2023.json (a final meeting with one revision
# and an attachment, a draft):
#
# - hours such as 0.1, 2.4, 1/3 are hashed and exported as Python writes
#   them (the shortest text that reads back the same), so that an archive
#   hashed by Python imports, `finalize` gives Python's hash, and export
#   writes "hours": 2.4; absurd hours are refused on import, and a huge
#   value set behind the program's back still exports as JSON;
# - a final meeting turned back into a draft by SQL is named by `check`,
#   and export-archive refuses it rather than write what import refuses;
# - the revisions of an imported meeting deleted are found by `check`;
# - finalized_at, a revision's at and a lock's times must be RFC 3339;
# - an attachment's speech must be one of its meeting's speeches.
#
# Prints TAP.

import copy
import hashlib
import json
import os
import re
import sqlite3
import subprocess
import sys
import tempfile

SL = os.environ.get('STUDY_LEDGER')
DATA = os.path.join(os.environ.get('G_TEST_SRCDIR', os.path.dirname(__file__)), 'data',
                    'evidence-2023.json')
FINAL = '66666666-6666-4666-8666-666666666661'
DRAFT = '66666666-6666-4666-8666-666666666662'

# The hashes of the fixture's final and draft meeting with these hours,
# computed once by the recipe below (Python 3.11, json.dumps): fixed, so
# that the program is held to them, not only to this file's recipe.
HOURS_HASHES = {
    0.1: ('a99819fe2c2d35ac4aa3304e964c56782a617499c95bcf21f273a90e256ba4c3',
          'bb58963e5d95b79aeed70b6a31a9ceb8b19120e72b7758e7b4e2644f14b63110'),
    2.4: ('a6cd52015357f48786f3d27b6ee032cc713df046dfefbd6484f81b1a19f17508',
          'fee8a231df8ed6deeaf0a7aa6ecfba9b7270f2a8cda983d180d7033cafefdad5'),
    0.7: ('6c82edc36b4cfac885db4a1fdd7d38b9e80a1e2ff393b3f87b773e2cc967ccb4',
          '8562f414df55fb66a6d67f28729af9e7cb2f9a97ec91f89596f77c5f2c44d169'),
    3.3: ('1da687347e4afb5c075f30099912726c578274b0a03c69e4787555e2f05f12dc',
          '33a1b2694595952a94b6799e84b88d6753c3cbfee7dc0431e53cc8f3a068fdec'),
    1 / 3: ('2cb84fa67f1ab8924256bc9d65c8ecf8b0ea4209e473273fde6d5e6124f2de4b',
            '77699a17b722d3d53070e8b25eb92c5c619d752e12b634bcaf2bbbd5b36d9d4f'),
    1e-7: ('2a2fe01c1e02e493927e046021a9db89a7ab561067286f372092278e1e1b639c',
           '4271bc265755be9d80e1b757879c530a73dc0ea5320e699e8c54fc600a1f170e'),
    7.0: ('0ae57d3b3ecfdcbda5118749ef7d58afb15c6647a248404f36b13b84d2069be7',
          'b2eee1b2ab4ffebb080d3914c4ca8be3b50da1cff9663fec280bdeef533a464e'),
}

results = []


def check(name, ok, detail=''):
    results.append((name, bool(ok), detail))


# The hash form, as ARCHIVE.md gives it -----------------------------------------

def strip(value):
    if isinstance(value, dict):
        return {k: strip(v) for k, v in value.items()
                if not (v is None or v is False or v == '' or v == [])}
    if isinstance(value, list):
        return [strip(v) for v in value]
    if isinstance(value, float) and value.is_integer():
        return int(value)
    return value


def hash_form(meeting):
    meeting = copy.deepcopy(meeting)
    for key in ('state', 'finalized_at', 'finalized_by', 'hash', 'revisions'):
        meeting.pop(key, None)
    for attachment in meeting.get('attachments') or []:
        attachment.pop('data', None)
    return json.dumps(strip(meeting), ensure_ascii=False, sort_keys=True, separators=(',', ':'))


def sha256(text):
    return hashlib.sha256(text.encode('utf-8')).hexdigest()


# The program ----------------------------------------------------------------------

def run(*args):
    return subprocess.run([SL, *args], capture_output=True, text=True)


def load_fixture():
    with open(DATA, encoding='utf-8') as f:
        return json.load(f)


def meeting_of(archive, meeting_id):
    return next(m for m in archive['meetings'] if m['id'] == meeting_id)


def write_json(path, archive):
    with open(path, 'w', encoding='utf-8') as f:
        json.dump(archive, f, ensure_ascii=False, indent=2)


def case_hours(tmp):
    """Hours hashed and written as Python writes them."""
    for hours, (final_hash, draft_hash) in HOURS_HASHES.items():
        name = f'hours {hours!r}'
        archive = load_fixture()
        final = meeting_of(archive, FINAL)
        draft = meeting_of(archive, DRAFT)
        final['hours'] = hours
        draft['hours'] = hours
        final['hash'] = sha256(hash_form(final))
        check(f'{name}: the recipe gives the fixed hashes',
              final['hash'] == final_hash and sha256(hash_form(draft)) == draft_hash,
              f'{final["hash"]} {sha256(hash_form(draft))}')

        path = os.path.join(tmp, f'hours-{hours!r}.json')
        db = os.path.join(tmp, f'hours-{hours!r}.db')
        write_json(path, archive)
        done = run('--database', db, 'import-archive', path)
        check(f'{name}: a final meeting hashed by Python imports', done.returncode == 0,
              done.stderr.strip())
        if done.returncode != 0:
            continue

        done = run('--database', db, 'check')
        check(f'{name}: check finds nothing', done.returncode == 0, done.stdout + done.stderr)

        done = run('--database', db, 'finalize', '--meeting', DRAFT, '--by', '王五')
        check(f'{name}: finalize gives the hash Python gives',
              done.returncode == 0 and draft_hash in done.stdout, done.stdout + done.stderr)

        out = os.path.join(tmp, f'hours-{hours!r}-out.json')
        done = run('--database', db, 'export-archive', out)
        check(f'{name}: export-archive', done.returncode == 0, done.stderr.strip())
        if done.returncode != 0:
            continue
        with open(out, encoding='utf-8') as f:
            text = f.read()
        exported = json.loads(text)
        for meeting_id, expected in ((FINAL, final_hash), (DRAFT, draft_hash)):
            meeting = meeting_of(exported, meeting_id)
            check(f'{name}: {meeting_id[-1]} exported with its hours and hash',
                  meeting.get('hours') == hours and meeting.get('hash') == expected
                  and sha256(hash_form(meeting)) == expected,
                  f'{meeting.get("hours")!r} {meeting.get("hash")}')
        # As Python writes it: 2.4, not 2.3999999999999999; 7, a whole number.
        written = json.dumps(strip(hours))
        check(f'{name}: written as "hours": {written}',
              len(re.findall(r'"hours" ?: ?' + re.escape(written) + r'[,\n]', text)) == 2,
              [line.strip() for line in text.splitlines() if '"hours"' in line])


def case_absurd_hours(tmp):
    """Hours beyond what the window takes are refused; a huge number
    written behind the program's back still exports as JSON."""
    for hours in (1e21, 1000.5, 5000):
        archive = load_fixture()
        draft = meeting_of(archive, DRAFT)
        draft['hours'] = hours
        path = os.path.join(tmp, f'absurd-{hours!r}.json')
        db = os.path.join(tmp, f'absurd-{hours!r}.db')
        write_json(path, archive)
        done = run('--database', db, 'import-archive', path)
        check(f'hours {hours!r}: refused on import, naming the field',
              done.returncode != 0 and 'meetings[1].hours' in done.stderr
              and '1000' in done.stderr and not os.path.exists(db),
              done.stderr.strip())

    db = os.path.join(tmp, 'huge.db')
    done = run('--database', db, 'import-archive', DATA)
    check('the fixture imports', done.returncode == 0, done.stderr.strip())
    with sqlite3.connect(db) as connection:
        connection.execute('UPDATE meetings SET hours = 1e21 WHERE uuid = ?', (DRAFT,))
    connection.close()
    out = os.path.join(tmp, 'huge.json')
    done = run('--database', db, 'export-archive', out)
    check('hours 1e21 in the ledger: export-archive', done.returncode == 0, done.stderr.strip())
    if done.returncode == 0:
        with open(out, encoding='utf-8') as f:
            text = f.read()
        try:
            exported = json.loads(text)
            hours = meeting_of(exported, DRAFT).get('hours')
        except ValueError as e:
            hours = str(e)
        check('hours 1e21 in the ledger: exported as JSON, as 1e+21',
              hours == 1e21 and re.search(r'"hours" ?: ?1e\+21[,\n]', text), repr(hours))


def sql(db, statement, *args):
    """SQL behind the program's back, on a connection of its own."""
    connection = sqlite3.connect(db)
    with connection:
        connection.execute(statement, args)
    connection.close()


def case_unfinalised(tmp):
    """A final meeting turned back into a draft by deleting its final row
    (and then edited): check names it, and export refuses, pointing to
    check, rather than write what its own import would refuse."""
    db = os.path.join(tmp, 'ledger.db')
    done = run('--database', db, 'import-archive', DATA)
    check('unfinalised: the fixture imports', done.returncode == 0, done.stderr.strip())
    sql(db, 'DELETE FROM meeting_finals WHERE meeting_id = (SELECT id FROM meetings WHERE uuid = ?)',
        FINAL)
    sql(db, "UPDATE meetings SET title = title || '（改）' WHERE uuid = ?", FINAL)

    done = run('--database', db, 'check')
    check('unfinalised: check exits non-zero, naming the meeting',
          done.returncode != 0 and FINAL in done.stdout + done.stderr
          and 'no longer final' in done.stdout + done.stderr, done.stdout + done.stderr)

    out = os.path.join(tmp, 'out.json')
    done = run('--database', db, 'export-archive', out)
    check('unfinalised: export-archive refuses, naming the meeting and check',
          done.returncode != 0 and FINAL in done.stderr and 'check' in done.stderr
          and not os.path.exists(out), done.stderr.strip())

    # Settled the way the messages say: finalised again.
    done = run('--database', db, 'finalize', '--meeting', FINAL, '--by', '王五')
    check('unfinalised: finalize makes it final again', done.returncode == 0, done.stderr.strip())
    done = run('--database', db, 'check')
    check('unfinalised: then check finds nothing', done.returncode == 0, done.stdout + done.stderr)
    done = run('--database', db, 'export-archive', out)
    again = os.path.join(tmp, 'again.db')
    done = done.returncode == 0 and run('--database', again, 'import-archive', out)
    check('unfinalised: then its export imports', done and done.returncode == 0,
          done and done.stderr.strip())


def case_imported_revision_removed(tmp):
    """The last revision of an imported meeting deleted with the triggers
    dropped: the chain left is whole, and only the recorded head shows
    it; import records it as a revision made here does."""
    db = os.path.join(tmp, 'ledger.db')
    done = run('--database', db, 'import-archive', DATA)
    check('imported revision: the fixture imports', done.returncode == 0, done.stderr.strip())
    done = run('--database', db, 'check')
    check('imported revision: check finds nothing at first', done.returncode == 0,
          done.stdout + done.stderr)
    connection = sqlite3.connect(db)
    with connection:
        connection.execute('DROP TRIGGER revisions_no_delete')
        connection.execute('DELETE FROM revisions WHERE meeting_id = '
                           '(SELECT id FROM meetings WHERE uuid = ?)', (FINAL,))
        # The trigger put back as it was: only the head is left to tell.
        connection.execute("CREATE TRIGGER revisions_no_delete BEFORE DELETE ON revisions BEGIN "
                           "SELECT RAISE (ABORT, 'revisions are append-only: a revision cannot "
                           "be deleted'); END")
    connection.close()
    done = run('--database', db, 'check')
    check('imported revision: its deletion is found, naming the meeting',
          done.returncode != 0 and FINAL in done.stdout + done.stderr
          and 'last revision' in done.stdout + done.stderr, done.stdout + done.stderr)


def case_times(tmp):
    """finalized_at (RFC 3339, ARCHIVE.md), a revision's at and a lock's
    times: anything else is refused with one message that says where,
    what, and how to write it."""
    def attempt(name, change, where, good=False):
        archive = load_fixture()
        change(archive)
        path = os.path.join(tmp, f'{len(results)}.json')
        db = os.path.join(tmp, f'{len(results)}.db')
        write_json(path, archive)
        done = run('--database', db, 'import-archive', path)
        if good:
            check(f'times: {name} imports', done.returncode == 0, done.stderr.strip())
        else:
            lines = done.stderr.strip().splitlines()
            check(f'times: {name} is refused at {where}',
                  done.returncode != 0 and len(lines) == 1 and where in lines[0]
                  and 'RFC 3339' in lines[0] and not os.path.exists(db), done.stderr.strip())

    def final(key, value):
        return lambda archive: meeting_of(archive, FINAL).__setitem__(key, value)

    for value in ('yesterday', '2024-01-03', '2024-02-30T09:30:00+08:00',
                  '2024-01-03T25:30:00+08:00', '2024-01-03T09:30:00', '2024-W01-3T09:30:00Z'):
        attempt(f'finalized_at {value!r}', final('finalized_at', value), 'meetings[0].finalized_at')
    for value in ('2024-01-03T09:30:00Z', '2024-01-03T09:30:00.250+08:00', '2024-01-03t09:30:00z'):
        attempt(f'finalized_at {value!r}', final('finalized_at', value), '', good=True)

    def revision_at(archive):
        revision = meeting_of(archive, FINAL)['revisions'][0]
        revision['at'] = '昨天'
        # Chained again: only the time is wrong.
        revision['chain'] = sha256('\n'.join(['0' * 64, revision['hash'], revision['at'],
                                              revision['by'] or '', revision['reason'] or '']))
    attempt("a revision's at '昨天'", revision_at, 'meetings[0].revisions[0].at')

    def lock(key, value):
        def change(archive):
            archive['locks'] = [{'organization': archive['organizations'][0]['id'], 'year': 2023,
                                 'locked_at': '2024-01-05T10:00:00+08:00', 'locked_by': '王五',
                                 'unlocked_at': '2024-01-06T10:00:00+08:00',
                                 'unlock_reason': '补录'}]
            archive['locks'][0][key] = value
        return change
    attempt('a lock as written', lock('locked_by', '王五'), '', good=True)
    attempt("a lock's locked_at 'yesterday'", lock('locked_at', 'yesterday'), 'locks[0].locked_at')
    attempt("a lock's unlocked_at '2024/01/06'", lock('unlocked_at', '2024/01/06'),
            'locks[0].unlocked_at')


def case_attachment_speech(tmp):
    """An attachment's speech must be one of its meeting's speeches, as
    its measure must be a measure: refused, naming the key."""
    for key, value in (('speech', '99999999-9999-4999-8999-999999999999'),
                       ('measure', '99999999-9999-4999-8999-999999999999')):
        archive = load_fixture()
        meeting = meeting_of(archive, FINAL)
        meeting['attachments'][0][key] = value
        meeting['hash'] = sha256(hash_form(meeting))
        path = os.path.join(tmp, f'{key}.json')
        db = os.path.join(tmp, f'{key}.db')
        write_json(path, archive)
        done = run('--database', db, 'import-archive', path)
        check(f'attachment {key}: a dangling id is refused, naming it',
              done.returncode != 0 and f'attachments[0].{key}' in done.stderr and value in done.stderr
              and not os.path.exists(db), done.stderr.strip())

    # One of the meeting's own speeches, named in upper case: kept.
    archive = load_fixture()
    meeting = meeting_of(archive, FINAL)
    meeting['speeches'][0]['id'] = '99999999-9999-4999-8999-99999999999a'
    meeting['attachments'][0]['speech'] = '99999999-9999-4999-8999-99999999999A'
    meeting['hash'] = sha256(hash_form(meeting).replace('99999999999A', '99999999999a'))
    path = os.path.join(tmp, 'own.json')
    db = os.path.join(tmp, 'own.db')
    write_json(path, archive)
    done = run('--database', db, 'import-archive', path)
    check("attachment speech: one of the meeting's speeches imports", done.returncode == 0,
          done.stderr.strip())


CASES = [case_hours, case_absurd_hours, case_unfinalised, case_imported_revision_removed,
         case_times, case_attachment_speech]


def main():
    if not SL:
        print('1..0 # SKIP STUDY_LEDGER is not set')
        return 0
    with tempfile.TemporaryDirectory() as tmp:
        for case in CASES:
            folder = os.path.join(tmp, case.__name__)
            os.mkdir(folder)
            case(folder)
    print(f'1..{len(results)}')
    failed = 0
    for number, (name, ok, detail) in enumerate(results, 1):
        print(f'{"ok" if ok else "not ok"} {number} - {name}')
        if not ok:
            failed += 1
            for line in str(detail).splitlines() or ['']:
                print(f'#   {line}')
    return 1 if failed else 0


if __name__ == '__main__':
    sys.exit(main())
