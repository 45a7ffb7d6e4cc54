#!/usr/bin/python3
# test-binder-dates.py — the binder's dates agree, in any time zone
#
# SPDX-License-Identifier: GPL-3.0-or-later
#
# The year's binder says when it was made three times: the cover's
# 编制日期, the PDF's CreationDate and ModDate, and the ZIP entries' times
# (and archive.json's exported_at). All are the ledger's last change, in
# China Standard Time (+08:00) whatever the machine's zone, so that they
# agree and the same ledger gives the same bytes anywhere. A realistic
# year (tests/data/year-2023.json) whose last change is a meeting's day
# (no revision, final or attachment) is exported in New York, where that
# midnight UTC is the evening before, in Shanghai and in UTC, and read
# back by pdftotext, pypdf and Python's zipfile. Prints TAP.

import datetime
import json
import os
import re
import subprocess
import sys
import tempfile
import zipfile

import pypdf

SL = os.environ.get('STUDY_LEDGER', 'study-ledger')
DATA = os.path.join(os.environ.get('G_TEST_SRCDIR', os.path.dirname(__file__)), 'data')

results = []


def check(name, ok, detail=''):
    results.append((name, bool(ok), detail))


def run(*args, env=None):
    return subprocess.run(args, check=True, capture_output=True, text=True, env=env).stdout


def export(db, fmt, path, tz):
    env = dict(os.environ, TZ=tz)
    run(SL, '--database', db, 'export', 'inspection-package', '--year', '2023',
        '--format', fmt, '--output', path, env=env)


def main():
    with tempfile.TemporaryDirectory(prefix='test-binder-dates-') as tmp:
        return test(tmp)


def test(tmp):
    db = os.path.join(tmp, 'ledger.db')
    run(SL, '--database', db, 'import-archive', os.path.join(DATA, 'year-2023.json'))
    archive = json.load(open(os.path.join(DATA, 'year-2023.json'), encoding='utf-8'))
    last = max(m['date'] for m in archive['meetings'])

    outputs = {}
    for tz in ('America/New_York', 'Asia/Shanghai', 'UTC'):
        pdf = os.path.join(tmp, f'binder-{tz.replace("/", "-")}.pdf')
        zpath = os.path.join(tmp, f'binder-{tz.replace("/", "-")}.zip')
        export(db, 'pdf', pdf, tz)
        export(db, 'zip', zpath, tz)

        cover = re.sub(r'\s+', '', run('pdftotext', '-f', '1', '-l', '1', pdf, '-'))
        found = re.search(r'编制日期：(\d{4})年(\d{1,2})月(\d{1,2})日', cover)
        check(f'{tz}: the cover gives its date', found, cover)
        cover_day = tuple(int(g) for g in found.groups()) if found else None

        meta = pypdf.PdfReader(pdf).metadata
        created, modified = meta.creation_date, meta.modification_date
        check(f'{tz}: the PDF has its dates', created is not None and modified == created,
              f'{created} / {modified}')
        pdf_time = (created.year, created.month, created.day, created.hour, created.minute) \
            if created else None

        z = zipfile.ZipFile(zpath)
        times = {i.date_time for i in z.infolist()}
        check(f'{tz}: every ZIP entry has the same time', len(times) == 1, str(times))
        zip_time = min(times)[:5]
        part = z.read([n for n in z.namelist() if n.endswith('会议记录.pdf')][0])
        with open(os.path.join(tmp, 'part.pdf'), 'wb') as f:
            f.write(part)
        part_created = pypdf.PdfReader(os.path.join(tmp, 'part.pdf')).metadata.creation_date
        exported_at = json.loads(z.read('archive.json'))['exported_at']
        readme = z.read('README.txt').decode()

        check(f'{tz}: cover date == PDF CreationDate',
              cover_day is not None and pdf_time is not None and cover_day == pdf_time[:3],
              f'{cover_day} / {created}')
        check(f'{tz}: PDF CreationDate == ZIP entries\' date_time', pdf_time == zip_time,
              f'{created} / {zip_time}')
        check(f'{tz}: the ZIP\'s PDFs have the same date', part_created == created,
              f'{part_created} / {created}')
        check(f'{tz}: archive.json\'s exported_at is that time',
              created is not None and exported_at == created.isoformat(), exported_at)
        check(f'{tz}: README gives the same day',
              cover_day is not None and '数据截至 %04d-%02d-%02d' % cover_day in readme, readme[:200])
        # The last change is the last meeting's day, midnight UTC, given
        # in China Standard Time with its offset, in any zone.
        midnight = datetime.datetime.fromisoformat(last + 'T00:00:00+00:00')
        check(f'{tz}: the time is the ledger\'s last change in China Standard Time',
              created is not None and created == midnight and
              created.utcoffset() == datetime.timedelta(hours=8), f'{created} for {last}')
        check(f'{tz}: the ZIP\'s DOS times are that time in China Standard Time',
              zip_time == (midnight + datetime.timedelta(hours=8)).timetuple()[:5], str(zip_time))
        outputs[tz] = (open(pdf, 'rb').read(), open(zpath, 'rb').read())

        again = os.path.join(tmp, 'again.pdf')
        export(db, 'pdf', again, tz)
        check(f'{tz}: a second PDF is byte-identical',
              open(pdf, 'rb').read() == open(again, 'rb').read())
        again = os.path.join(tmp, 'again.zip')
        export(db, 'zip', again, tz)
        check(f'{tz}: a second ZIP is byte-identical',
              open(zpath, 'rb').read() == open(again, 'rb').read())

    for tz in ('America/New_York', 'Asia/Shanghai'):
        check(f'the PDF made in {tz} is byte-identical to the one made in UTC',
              outputs[tz][0] == outputs['UTC'][0])
        check(f'the ZIP made in {tz} is byte-identical to the one made in UTC',
              outputs[tz][1] == outputs['UTC'][1])

    print(f'1..{len(results)}')
    for i, (name, ok, detail) in enumerate(results, 1):
        print(f'{"ok" if ok else "not ok"} {i} - {name}')
        if not ok and detail:
            print('# ' + str(detail).replace('\n', '\n# '))
    return 0 if all(ok for _, ok, _ in results) else 1


if __name__ == '__main__':
    sys.exit(main())
