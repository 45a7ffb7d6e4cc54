#!/usr/bin/python3
# test-rare-glyphs.py — a name character no font has is said, not dropped
#
# SPDX-License-Identifier: GPL-3.0-or-later
#
# A tester's 陈𠀀 (U+20000, CJK Extension B) printed as a box on the
# sign-in sheet, the minutes and the binder, and nothing said so: no font
# on our machines has it (fonts-hanazono does, and is only recommended).
# tests/data/year-2023.json goes in through the real study-ledger
# (STUDY_LEDGER) with two of the first meeting's members renamed 陈𠀀 and
# 王芳. Without a font for U+20000 every export must still succeed and its
# note (stderr, as the command line prints it) name 𠀀, its code, the name
# it is in and the package to install, once (for the binder too); 王芳 is not named, and a
# meeting without rare characters has no such note. With such a font
# installed, pdftotext must read 𠀀 back instead.
#
# Run with Debian's /usr/bin/python3. Prints TAP.

import json
import os
import shutil
import subprocess
import sys
import tempfile

STUDY_LEDGER = os.environ.get('STUDY_LEDGER', 'study-ledger')
SRCDIR = os.environ.get('G_TEST_SRCDIR', os.path.dirname(os.path.abspath(__file__)))
RARE = '陈\U00020000'

results = []


def ok(condition, name, detail=''):
    results.append((bool(condition), name, detail))


def run(*args):
    """Runs study-ledger; returns (exit code, stdout, stderr)."""
    done = subprocess.run([STUDY_LEDGER] + list(args), capture_output=True, text=True)
    return done.returncode, done.stdout, done.stderr


def pdf_text(pdf):
    return subprocess.run(['pdftotext', pdf, '-'], capture_output=True, text=True,
                          check=True).stdout


def font_has_rare():
    done = subprocess.run(['fc-list', ':charset=20000'], capture_output=True, text=True)
    return done.stdout.strip() != ''


def check_export(name, pdf, args, has_font):
    code, out, err = run(*args, '--output', pdf)
    ok(code == 0, '%s: exit 0' % name, 'exit %d: %s' % (code, err.strip()))
    written = os.path.exists(pdf) and open(pdf, 'rb').read(5) == b'%PDF-'
    ok(written, '%s: the PDF written' % name)
    if not written:
        return
    text = pdf_text(pdf)
    ok('王芳' in text, '%s: 王芳 on the page' % name)
    notes = [line for line in err.splitlines() if 'U+' in line]
    if has_font:
        ok(RARE in text, '%s: pdftotext reads %s' % (name, RARE))
        ok(not notes, '%s: no note of a missing character' % name, repr(notes))
        return
    ok(len(notes) == 1, '%s: one note of the missing character' % name, repr(err))
    note = notes[0] if notes else ''
    ok(note.startswith('study-ledger: '), '%s: the note printed as the CLI prints notes' % name,
       repr(note))
    ok('\U00020000' in note and 'U+20000' in note,
       '%s: the note names 𠀀 and U+20000' % name, repr(note))
    ok('“%s”' % RARE in note, '%s: the note names the name it is in' % name, repr(note))
    ok('fonts-hanazono' in note, '%s: the note says what to install' % name, repr(note))
    ok('王' not in note and '芳' not in note, '%s: 王芳 is not named' % name, repr(note))
    ok(note.count('U+') == 1, '%s: the character named once' % name, repr(note))
    ok('陈' in text, '%s: the rest of the name on the page' % name)


def main():
    work = tempfile.mkdtemp(prefix='test-rare-glyphs-')
    has_font = font_has_rare()
    try:
        with open(os.path.join(SRCDIR, 'data', 'year-2023.json'), encoding='utf-8') as f:
            year = json.load(f)
        meeting = year['meetings'][0]
        attendees = [a['member'] for a in meeting['attendance']]
        members = {m['id']: m for m in year['members']}
        members[attendees[0]]['name'] = RARE
        members[attendees[1]]['name'] = '王芳'
        archive = os.path.join(work, 'year.json')
        with open(archive, 'w', encoding='utf-8') as f:
            json.dump(year, f, ensure_ascii=False)
        ledger = os.path.join(work, 'ledger.db')
        code, _, err = run('--database', ledger, 'import-archive', archive)
        if code != 0:
            raise RuntimeError('import-archive: %s' % err.strip())

        check_export('sign-in sheet', os.path.join(work, 'sign-in.pdf'),
                     ('--database', ledger, 'export', 'sign-in', '--meeting', meeting['id']),
                     has_font)
        check_export('minutes', os.path.join(work, 'minutes.pdf'),
                     ('--database', ledger, 'export', 'minutes', '--meeting', meeting['id']),
                     has_font)

        # The year's binder: the same note, once for the whole binder.
        organization = next(o['name'] for o in year['organizations']
                            if o['id'] == meeting['organization'])
        binder = os.path.join(work, 'binder.pdf')
        code, _, err = run('--database', ledger, 'export', 'inspection-package', '--year',
                           meeting['date'][:4], '--organization', organization,
                           '--format', 'pdf', '--output', binder)
        ok(code == 0 and os.path.exists(binder), 'binder: written', err.strip())
        if has_font:
            ok('U+20000' not in err, 'binder: no note of U+20000', repr(err))
        else:
            ok(err.count('U+20000') == 1 and '“%s”' % RARE in err and 'fonts-hanazono' in err,
               'binder: the note names 𠀀 once, in its name', repr(err))

        # A meeting none of whose people has the rare character: no note
        # of a missing character, so the note is not said at random.
        plain = next(m for m in year['meetings']
                     if attendees[0] not in [a['member'] for a in m['attendance']]
                     and m.get('chair') != attendees[0] and m.get('recorder') != attendees[0]
                     and all(s.get('lead') != attendees[0] for s in m.get('studies', []))
                     and all(s.get('speaker') != attendees[0] for s in m.get('speeches', []))
                     and all(x.get('owner') != attendees[0] for x in m.get('measures', []))
                     and '📷' not in (m.get('note') or ''))
        pdf = os.path.join(work, 'plain.pdf')
        code, _, err = run('--database', ledger, 'export', 'sign-in', '--meeting', plain['id'],
                           '--output', pdf)
        ok(code == 0 and 'U+' not in err,
           'sign-in sheet without rare characters: no such note', repr(err))
    finally:
        shutil.rmtree(work, ignore_errors=True)

    if has_font:
        print('# a font has U+20000: checked that pdftotext reads it back')
    print('1..%d' % len(results))
    failed = 0
    for i, (passed, name, detail) in enumerate(results, 1):
        print('%s %d - %s%s' % ('ok' if passed else 'not ok', i, name,
                                (' # ' + detail) if detail and not passed else ''))
        failed += not passed
    return 1 if failed else 0


if __name__ == '__main__':
    sys.exit(main())
