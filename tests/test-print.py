#!/usr/bin/python3
# test-print.py — every document of a realistic year measured as printed
#
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Issue 14: an inspector reads the pages at arm's length. The year of
# tests/data/year-2023.json, made larger the way real ledgers are (thirty
# more branch members, several with rare characters; a study with a long
# title; a leave whose reason only repeats its kind), goes in through the
# real study-ledger (STUDY_LEDGER) with import-archive; every document comes
# out through the command line, and is read back by real readers:
#
#   pypdf           the size of every piece of text (Tf × text matrix × CTM)
#   pdftotext       -bbox: the rows on each page, the signature line's page;
#                   default mode: a cell's text in one piece
#   soffice         each xlsx converted to PDF with LibreOffice's default
#                   print setup, then measured like the PDFs
#
# Run with Debian's /usr/bin/python3 (python3-pypdf). Prints TAP.

import json
import math
import os
import re
import shutil
import subprocess
import sys
import tempfile

from pypdf import PdfReader

STUDY_LEDGER = os.environ.get('STUDY_LEDGER', 'study-ledger')
SRCDIR = os.environ.get('G_TEST_SRCDIR', os.path.dirname(os.path.abspath(__file__)))
MINIMUM = 8.95   # 9 pt, less rounding

LEDGERS = ['first-topic-ledger', 'central-group-ledger', 'meetings-ledger', 'attendance',
           'measures']
DOCUMENTS = LEDGERS + ['plan', 'annual-report']
RARE = ['欧阳䶮', '龚犇', '邱堃', '赵珺', '司马喆', '钱昇', '詹淼', '禤晔', '闫旻', '亓官骉']

results = []


def ok(condition, name, detail=''):
    results.append((bool(condition), name, detail))


def run(*args):
    done = subprocess.run([STUDY_LEDGER] + list(args), capture_output=True, text=True)
    if done.returncode != 0:
        raise RuntimeError('%s: %s' % (' '.join(args), done.stderr.strip()))


def realistic_year(path):
    with open(os.path.join(SRCDIR, 'data', 'year-2023.json'), encoding='utf-8') as f:
        year = json.load(f)

    branch = next(o['id'] for o in year['organizations'] if o['kind'] == 'branch')
    for i in range(30):
        name = RARE[i] if i < len(RARE) else '测试%s' % '甲乙丙丁戊己庚辛壬癸'[i % 10] + \
            '子丑寅卯辰巳午未申酉戌亥'[i // 10]
        member = dict(year['members'][-1])
        member.update({'id': '00000000-0000-4000-8000-%012d' % i, 'name': name,
                       'post': '科员', 'organization': branch, 'leadership': False,
                       'central_group': False, 'sort': 100 + i, 'phone': None})
        year['members'].append(member)
        for meeting in year['meetings']:
            if meeting['organization'] == branch:
                meeting['attendance'].append({
                    'member': member['id'], 'status': 'present', 'leave_kind': None,
                    'reason': None, 'late': False, 'left_early': False, 'makeup': None})

    # A long title of the kind a first-topic ledger carries, and a leave
    # whose reason repeats its kind.
    for meeting in year['meetings']:
        for study in meeting.get('studies', []):
            if study.get('first_topic'):
                study['title'] = ('习近平在中共中央政治局第十一次集体学习时强调加快发展'
                                  '新质生产力扎实推进高质量发展')
                break
        else:
            continue
        break
    for meeting in year['meetings']:
        for row in meeting['attendance']:
            if row['status'] == 'leave':
                row['leave_kind'] = 'personal'
                row['reason'] = '事假'
                break

    with open(path, 'w', encoding='utf-8') as f:
        json.dump(year, f, ensure_ascii=False)
    return year


def text_sizes(pdf):
    """The size in points of each piece of text, per page."""
    pages = []
    for page in PdfReader(pdf).pages:
        sizes = []

        def visit(text, cm, tm, font, size):
            if text.strip():
                scale = math.hypot(tm[2], tm[3]) * math.hypot(cm[2], cm[3])
                sizes.append((size * scale, text.strip()))
        page.extract_text(visitor_text=visit)
        pages.append(sizes)
    return pages


def check_sizes(pdf, name):
    smallest = None
    for number, sizes in enumerate(text_sizes(pdf), 1):
        for size, text in sizes:
            # Pango draws a character no font has as a box with its code
            # in tiny hex digits: data, not the layout's type size.
            if re.fullmatch(r'[0-9A-F]{1,3}', text) and size < 7:
                continue
            if smallest is None or size < smallest[0]:
                smallest = (size, number, text)
    ok(smallest is not None and smallest[0] >= MINIMUM, '%s: text at 9 pt or larger' % name,
       'smallest %.2f pt on page %d: %r' % smallest if smallest else 'no text')


def bbox_pages(pdf):
    """pdftotext -bbox: the words of each page, (text, xMin, yMin, xMax, yMax)."""
    out = subprocess.run(['pdftotext', '-bbox', pdf, '-'], capture_output=True, text=True,
                         check=True).stdout
    pages = []
    for chunk in out.split('<page ')[1:]:
        words = []
        for m in re.finditer(r'<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" '
                             r'yMax="([\d.]+)">([^<]*)</word>', chunk):
            words.append((m.group(5), float(m.group(1)), float(m.group(2)),
                          float(m.group(3)), float(m.group(4))))
        pages.append(words)
    return pages


def row_numbers(words):
    """The 序号 of the rows on a page: digits under the 序号 header."""
    headers = [w for w in words if w[0] == '序号']
    if not headers:
        return []
    rows = []
    for header in headers:
        left, right = header[1] - 6, header[3] + 6
        rows += [w for w in words
                 if re.fullmatch(r'\d+', w[0]) and w[1] >= left and w[3] <= right
                 and w[2] > header[4]]
    return rows


def check_ledger_pages(pdf, name):
    pages = bbox_pages(pdf)
    signature = [i for i, words in enumerate(pages) if any('填表人' in w[0] for w in words)]
    ok(len(signature) == 1, '%s: one signature line' % name, 'on pages %r' % signature)
    ok(any('（单位盖章）' in w[0] or '单位盖章' in w[0] for w in pages[-1]),
       '%s: the seal on the last page' % name)
    if signature:
        ok(len(row_numbers(pages[signature[0]])) > 0,
           '%s: table rows on the signature line\'s page' % name,
           'page %d' % (signature[0] + 1))
    for i, words in enumerate(pages[1:], 2):
        rows = row_numbers(words)
        text = ''.join(w[0] for w in words)
        # A band or a table of fewer than three rows may open a page.
        if 0 < len(rows) < 3 and '续表' not in text:
            ok(False, '%s: page %d holds %d rows' % (name, i, len(rows)))
    ok(True, '%s: no page after the first with one or two rows' % name)


def squeezed(pdf):
    out = subprocess.run(['pdftotext', pdf, '-'], capture_output=True, text=True,
                         check=True).stdout
    return re.sub(r'\s+', '', out)


def soffice_pdf(files, folder, profile):
    """All @files converted by one LibreOffice (its start is most of the time)."""
    subprocess.run(['soffice', '-env:UserInstallation=file://' + profile, '--headless',
                    '--convert-to', 'pdf', '--outdir', folder] + files,
                   capture_output=True, check=True, timeout=240)
    return [os.path.splitext(f)[0] + '.pdf' for f in files]


def main():
    work = tempfile.mkdtemp(prefix='test-print-')
    try:
        archive = os.path.join(work, 'year.json')
        ledger = os.path.join(work, 'ledger.db')
        year = realistic_year(archive)
        run('--database', ledger, 'import-archive', archive)

        for document in DOCUMENTS:
            pdf = os.path.join(work, document + '.pdf')
            run('--database', ledger, 'export', document, '--year', '2023', '--format', 'pdf',
                '--output', pdf)
            check_sizes(pdf, document)
            if document in LEDGERS:
                check_ledger_pages(pdf, document)

        # Titles whole: each study title of the first-topic ledger, and
        # each member's name in the attendance matrix.
        text = squeezed(os.path.join(work, 'first-topic-ledger.pdf'))
        for meeting in year['meetings']:
            for study in meeting.get('studies', []):
                if study.get('first_topic'):
                    title = re.sub(r'\s+', '', study['title'])
                    ok(title in text, 'first-topic-ledger: title whole', title)
        text = squeezed(os.path.join(work, 'attendance.pdf'))
        for name in RARE:
            ok(name in text, 'attendance: %s whole' % name)

        # Minutes and sign-in sheets: every kind of meeting, expanded
        # sessions, and the meetings with the longest records (twelve in
        # all, to keep the test within three minutes).
        units = {o['id']: o['name'] for o in year['organizations']}
        chosen = {}
        for meeting in sorted(year['meetings'], key=lambda m: -len(json.dumps(m))):
            key = (meeting['kind'], meeting.get('expanded', False))
            if key not in chosen:
                chosen[key] = meeting
        for meeting in sorted(year['meetings'], key=lambda m: -len(json.dumps(m))):
            if len(chosen) >= 12:
                break
            chosen.setdefault(meeting['id'], meeting)
        for meeting in chosen.values():
            minutes = os.path.join(work, 'minutes-%s.pdf' % meeting['id'])
            run('--database', ledger, 'export', 'minutes', '--meeting', meeting['id'],
                '--output', minutes)
            check_sizes(minutes, 'minutes %s' % meeting['title'])
            pages = bbox_pages(minutes)
            sign = [i for i, words in enumerate(pages) if any('主持人（签字）' in w[0] for w in words)]
            ok(sign and any(w[4] < [v for v in pages[sign[0]] if '主持人（签字）' in v[0]][0][2]
                            for w in pages[sign[0]]),
               'minutes %s: the signatures with text on their page' % meeting['title'])
            if sign and sign[0] > 0:
                # The text that goes over with them is a few lines, not
                # whole sections: the page before stays three quarters
                # full (37 mm top margin, 28 mm bottom margin).
                before = pages[sign[0] - 1]
                foot = min([w[2] for w in before if '页' in w[0]] or [842])
                body = max([w[4] for w in before if w[4] < foot - 1] or [0])
                top, bottom = 37 * 72 / 25.4, 842 - 28 * 72 / 25.4
                ok(body >= top + 0.75 * (bottom - top),
                   'minutes %s: the page before the signatures\' is full' % meeting['title'],
                   'its text ends at %.0f pt' % body)
            text = squeezed(minutes)
            ok('记录' in text and units[meeting['organization']][:4] in text,
               'minutes %s: titled with the unit and 记录' % meeting['title'])
            ok('（事假：事假）' not in text, 'minutes %s: no 事假：事假' % meeting['title'])

            sign_in = os.path.join(work, 'sign-in-%s.pdf' % meeting['id'])
            run('--database', ledger, 'export', 'sign-in', '--meeting', meeting['id'],
                '--output', sign_in)
            check_sizes(sign_in, 'sign-in %s' % meeting['title'])

        # The spreadsheets, printed by LibreOffice.
        if shutil.which('soffice') and os.environ.get('SL_PRINT_XLSX', '1') != '0':
            folder = os.path.join(work, 'xlsx')
            os.mkdir(folder)
            files = []
            for document in DOCUMENTS:
                files.append(os.path.join(folder, document + '.xlsx'))
                run('--database', ledger, 'export', document, '--year', '2023', '--format',
                    'xlsx', '--output', files[-1])
            pdfs = soffice_pdf(files, folder, os.path.join(work, 'profile'))
            for document, pdf in zip(DOCUMENTS, pdfs):
                check_sizes(pdf, document + '.xlsx printed')
    finally:
        if os.environ.get('SL_KEEP_PRINT'):
            print('# kept', work)
        else:
            shutil.rmtree(work, ignore_errors=True)

    print('1..%d' % len(results))
    failed = 0
    for i, (passed, name, detail) in enumerate(results, 1):
        print('%s %d - %s%s' % ('ok' if passed else 'not ok', i, name,
                                (' # ' + detail) if detail and not passed else ''))
        failed += not passed
    return 1 if failed else 0


if __name__ == '__main__':
    sys.exit(main())
