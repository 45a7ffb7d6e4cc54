#!/usr/bin/python3
# test-binder.py — the year's binder (export inspection-package), read back
#
# SPDX-License-Identifier: GPL-3.0-or-later
#
# A realistic year (tests/data/year-2023.json) with a scanned sign-in sheet
# (PNG) and a PDF attached to its first central-group session, exported
# through the real command line, then read by real readers: pdfinfo,
# pypdf (the bookmarks), pdftotext (the contents page and where the
# sections start), pdfimages (the scan), Python's zipfile and sha256sum.
# Prints TAP.

import hashlib
import json
import os
import re
import struct
import subprocess
import sys
import tempfile
import zipfile
import zlib

import pypdf

SL = os.environ.get('STUDY_LEDGER', 'study-ledger')
DATA = os.path.join(os.environ.get('G_TEST_SRCDIR', os.path.dirname(__file__)), 'data')
SECTIONS = ['一、学习计划', '二、理论学习中心组集体学习', '三、党组会议第一议题学习',
            '四、意识形态和形势分析研判', '五、学习台账', '六、调研课题', '七、年度学习情况统计']

results = []


def check(name, ok, detail=''):
    results.append((name, bool(ok), detail))


def run(*args, cwd=None):
    return subprocess.run(args, cwd=cwd, check=True, capture_output=True, text=True).stdout


def png(width, height):
    raw = b''.join(b'\0' + bytes((x * 7 + y) % 256 for x in range(width * 3))
                   for y in range(height))

    def chunk(kind, data):
        return (struct.pack('>I', len(data)) + kind + data +
                struct.pack('>I', zlib.crc32(kind + data)))
    return (b'\x89PNG\r\n\x1a\n' +
            chunk(b'IHDR', struct.pack('>IIBBBBB', width, height, 8, 2, 0, 0, 0)) +
            chunk(b'IDAT', zlib.compress(raw)) + chunk(b'IEND', b''))


def page_text(pdf, page):
    return re.sub(r'\s+', '', run('pdftotext', '-f', str(page), '-l', str(page), pdf, '-'))


def flatten(reader, outline, level=0):
    for item in outline:
        if isinstance(item, list):
            yield from flatten(reader, item, level + 1)
        else:
            yield level, item.title, reader.get_destination_page_number(item) + 1


def main():
    tmp = tempfile.mkdtemp(prefix='test-binder-')
    db = os.path.join(tmp, 'ledger.db')
    archive = json.load(open(os.path.join(DATA, 'year-2023.json'), encoding='utf-8'))
    run(SL, '--database', db, 'import-archive', os.path.join(DATA, 'year-2023.json'))

    meetings = [m for m in archive['meetings'] if m['date'].startswith('2023-')]
    central = sorted((m for m in meetings if m['kind'] == 'central_group'),
                     key=lambda m: m['date'])
    listed = [m for m in meetings if m['kind'] in
              ('central_group', 'party_group', 'ideology', 'situation_analysis')]
    first = central[0]

    scan = os.path.join(tmp, '签到表扫描件.png')
    with open(scan, 'wb') as f:
        f.write(png(320, 452))
    material = os.path.join(tmp, '学习材料.pdf')
    run(SL, '--database', db, 'export', 'minutes', '--meeting', central[1]['id'],
        '--output', material)
    material_pages = int(re.search(r'Pages:\s+(\d+)', run('pdfinfo', material)).group(1))
    run(SL, '--database', db, 'attach', '--meeting', first['id'], '--kind', 'signed_sheet', scan)
    run(SL, '--database', db, 'attach', '--meeting', first['id'], '--kind', 'material', material)

    # The PDF ---------------------------------------------------------------
    pdf = os.path.join(tmp, 'binder.pdf')
    run(SL, '--database', db, 'export', 'inspection-package', '--year', '2023',
        '--format', 'pdf', '--output', pdf)
    n_pages = int(re.search(r'Pages:\s+(\d+)', run('pdfinfo', pdf)).group(1))
    check('pdfinfo reads the binder', n_pages > 40, f'{n_pages} pages')

    reader = pypdf.PdfReader(pdf)
    outline = list(flatten(reader, reader.outline))
    sections = [(title, page) for level, title, page in outline if level == 0]
    children = [(title, page) for level, title, page in outline if level == 1]
    check('one bookmark per section, in order', [t for t, _ in sections] == SECTIONS,
          str([t for t, _ in sections]))
    check('one bookmark per meeting', len(children) == len(listed),
          f'{len(children)} bookmarks, {len(listed)} meetings')
    for title, page in sections:
        check(f'bookmark {title} points at its title', title in page_text(pdf, page))
    for title, page in children:
        name = re.sub(r'（草稿）$', '', title.split(' ', 1)[1])
        # A central-group session opens with its 学习方案, titled
        # “…第N次集体学习方案” without the （扩大） of the record's name.
        text = re.sub(r'\s+', '', page_text(pdf, page))
        check(f'bookmark {title} points at its record',
              name in text or name.replace('（扩大）', '') + '方案' in text)

    # The contents: the numbers at the end of its lines are the bookmarks'
    # pages, in the same order, and the bookmarks' titles are its lines.
    contents = ''.join(run('pdftotext', '-layout', '-f', str(p), '-l', str(p), pdf, '-')
                       for p in range(2, sections[0][1]))
    lines = [l for l in contents.splitlines() if not re.search(r'第 \d+ 页 共', l)]
    numbers = [int(m.group(1)) for l in lines for m in [re.search(r'\s(\d+)\s*$', l)] if m]
    check('the contents give the pages where the bookmarks point',
          numbers == [page for _, _, page in outline], f'{numbers} / {[p for _, _, p in outline]}')
    flat = re.sub(r'\s+', '', contents)
    check('the contents list every bookmark',
          all(re.sub(r'\s+', '', t) in flat for _, t, _ in outline))
    check('drafts are marked in the contents', '（草稿）' in flat)
    check('page numbers run through the binder',
          f'第{n_pages}页共{n_pages}页' in page_text(pdf, n_pages))

    # The scan, after the first session's record and sign-in sheet.
    next_meeting = children[1][1]
    images = [l.split() for l in run('pdfimages', '-list', pdf).splitlines()[2:]]
    scans = [int(f[0]) for f in images if f[3:5] == ['320', '452']]
    check('the attached scan is in the binder', scans, str(images))
    check('the scan follows its meeting',
          scans and children[0][1] < scans[0] < next_meeting)
    check('the scan\'s caption names its kind, then its file',
          scans and '附件：签到表扫描件（签到表扫描件.png）' in re.sub(r'\s+', '', page_text(pdf, scans[0])),
          page_text(pdf, scans[0]) if scans else '')
    check('the attached PDF\'s caption names its kind',
          scans and '附件：学习材料（学习材料.pdf' in re.sub(r'\s+', '', page_text(pdf, scans[0] + 1)),
          page_text(pdf, scans[0] + 1) if scans else '')
    check('the attached PDF\'s pages follow it',
          next_meeting - scans[0] - 1 == material_pages if scans else False,
          f'{next_meeting - (scans or [0])[0] - 1} pages for {material_pages}')

    again = os.path.join(tmp, 'again.pdf')
    run(SL, '--database', db, 'export', 'inspection-package', '--year', '2023',
        '--output', again)
    check('a second PDF is byte-identical', open(pdf, 'rb').read() == open(again, 'rb').read())

    # The ZIP ---------------------------------------------------------------
    # A second file of the same name on the same meeting (a rescan).
    os.mkdir(os.path.join(tmp, 'rescan'))
    rescan = os.path.join(tmp, 'rescan', '签到表扫描件.png')
    with open(rescan, 'wb') as f:
        f.write(png(160, 226))
    run(SL, '--database', db, 'attach', '--meeting', first['id'], '--kind', 'signed_sheet', rescan)
    # Names Windows or unzip would refuse: too long, a device name, dots and
    # spaces at the ends.
    awkward = {'long': 'a' * 246 + '.png', 'device': 'con.txt', 'ends': ' .会议照片.jpg. '}
    for name in awkward.values():
        with open(os.path.join(tmp, 'rescan', name), 'wb') as f:
            f.write(b'awkward')
        run(SL, '--database', db, 'attach', '--meeting', first['id'], '--kind', 'other',
            os.path.join(tmp, 'rescan', name))
    path = os.path.join(tmp, 'binder.zip')
    run(SL, '--database', db, 'export', 'inspection-package', '--year', '2023',
        '--format', 'zip', '--output', path)
    z = zipfile.ZipFile(path)
    names = z.namelist()
    folders = sorted({n.split('/')[0] for n in names if '/' in n})
    check('numbered folders, one per section',
          [f[:3] for f in folders] == [f'{i:02d}-' for i in range(1, 8)], str(folders))
    check('the sessions have their folders',
          f'02-中心组学习/{first["date"]}-第1次集体学习/会议记录.pdf' in names, str(names[:12]))
    check('Chinese names carry the UTF-8 flag',
          all(i.flag_bits & 0x800 for i in z.infolist() if not i.filename.isascii()))
    attached = [n for n in names if n.endswith('/附件/签到表扫描件.png')]
    check('the attachment is there under its own name, as it was',
          attached and z.read(attached[0]) == open(scan, 'rb').read(), str(attached))
    renamed = [n for n in names if n.endswith('/附件/签到表扫描件 (2).png')]
    check('a second file of the same name gets " (2)" before its extension',
          renamed and z.read(renamed[0]) == open(rescan, 'rb').read()
          and os.path.dirname(renamed[0]) == os.path.dirname(attached[0]), str(renamed))
    kept = [n.rsplit('/', 1)[1] for n in names if '/附件/' in n and n.rsplit('/', 1)[1]]
    check('every attachment name short enough to unpack anywhere',
          kept and all(len(n) <= 80 and len(n.encode()) <= 200 for n in kept), str(kept))
    check('a long name keeps its extension',
          any(n.startswith('aaaa') and n.endswith('.png') and len(n) == 80 for n in kept), str(kept))
    check('no device name and no dot or space at either end',
          '_con.txt' in kept and '会议照片.jpg' in kept and
          not any(n.split('.')[0].upper() in ('CON', 'PRN', 'AUX', 'NUL') or n != n.strip(' .')
                  for n in kept), str(kept))
    check('the ledgers are there as spreadsheets too',
          len([n for n in names if n.startswith('05-') and n.endswith('.xlsx')]) == 5)
    year = json.loads(z.read('archive.json'))
    check('archive.json holds the year',
          year['meetings'] and all(m['date'].startswith('2023-') for m in year['meetings']))
    check('README.txt lists the contents in Chinese', '中心组学习' in z.read('README.txt').decode())
    sums = z.read('SHA256SUMS').decode().splitlines()
    listed_files = {l.split('  ', 1)[1] for l in sums}
    check('SHA256SUMS lists every file',
          listed_files == {n for n in names if not n.endswith('/')} - {'SHA256SUMS'})
    out = os.path.join(tmp, 'unzipped')
    z.extractall(out)
    verify = subprocess.run(['sha256sum', '-c', '--quiet', 'SHA256SUMS'], cwd=out,
                            capture_output=True, text=True)
    check('sha256sum -c verifies it', verify.returncode == 0, verify.stdout + verify.stderr)

    again = os.path.join(tmp, 'again.zip')
    run(SL, '--database', db, 'export', 'inspection-package', '--year', '2023',
        '--output', again)
    check('a second ZIP is byte-identical', open(path, 'rb').read() == open(again, 'rb').read())

    # An empty year ---------------------------------------------------------
    empty = os.path.join(tmp, 'empty.pdf')
    run(SL, '--database', db, 'export', 'inspection-package', '--year', '2019',
        '--output', empty)
    reader = pypdf.PdfReader(empty)
    text = re.sub(r'\s+', '', run('pdftotext', empty, '-'))
    check('an empty year still has its sections',
          [t for _, t, _ in flatten(reader, reader.outline)] == SECTIONS)
    check('an empty section says so in one line', text.count('本年度无此项材料。') == 5,
          str(text.count('本年度无此项材料。')))

    bad = subprocess.run([SL, '--database', db, 'export', 'inspection-package', '--year',
                          '2023', '--format', 'docx', '--output', os.path.join(tmp, 'x.docx')],
                         capture_output=True, text=True)
    check('a wrong format is refused with a usage error',
          bad.returncode == 2 and '--format' in bad.stderr and
          not os.path.exists(os.path.join(tmp, 'x.docx')), bad.stderr)

    print(f'1..{len(results)}')
    for i, (name, ok, detail) in enumerate(results, 1):
        print(f'{"ok" if ok else "not ok"} {i} - {name}')
        if not ok and detail:
            print('# ' + detail.replace('\n', '\n# '))
    return 0 if all(ok for _, ok, _ in results) else 1


if __name__ == '__main__':
    sys.exit(main())
