#!/usr/bin/python3
# test-print-tail.py — a ledger of tall rows does not end on a lone row
#
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Issue 14: "a table never ends with a page of one or two rows if moving
# rows back fixes it". When rows are so tall that a page holds four, a
# last page of three would leave two on the page before; the table then
# ends with two rows rather than one. The 中心组 ledger of a year whose
# sessions each carry several long measures (as the benchmark's bureau
# does) is exported for 6 to 15 sessions, so that the table ends at every
# place of a page, and read back with pdftotext -bbox: when the last page
# holds fewer than three rows, the page before (not the first) could not
# have given one more and kept three.
#
# Run with Debian's /usr/bin/python3. Prints TAP.

import importlib.util
import json
import os
import shutil
import sys
import tempfile

SRCDIR = os.environ.get('G_TEST_SRCDIR', os.path.dirname(os.path.abspath(__file__)))

spec = importlib.util.spec_from_file_location('test_print', os.path.join(SRCDIR, 'test-print.py'))
printing = importlib.util.module_from_spec(spec)
spec.loader.exec_module(printing)
ok = printing.ok
run = printing.run

MEASURES = ['完善党风廉政建设责任清单和廉政风险防控措施', '开展意识形态领域风险隐患排查',
            '落实青年干部理论学习小组读书分享活动', '制定基层党支部书记轮训和党员冬训工作方案',
            '推动“美丽河湖”创建专项调研，形成调研报告']


def year_of(sessions, path):
    with open(os.path.join(SRCDIR, 'data', 'year-2023.json'), encoding='utf-8') as f:
        year = json.load(f)
    template = next(m for m in year['meetings'] if m['kind'] == 'central_group')
    owner = template['chair']
    meetings = []
    for i in range(sessions):
        meeting = json.loads(json.dumps(template))
        meeting['id'] = '00000000-0000-4000-8000-%012d' % (1000 + i)
        meeting['sequence'] = i + 1
        meeting['date'] = '2023-%02d-%02d' % (1 + i * 11 // 15, 1 + i % 27)
        meeting['title'] = '理论学习中心组2023年第%d次集体学习' % (i + 1)
        meeting['plan_item'] = None
        for s, study in enumerate(meeting['studies']):
            study['id'] = '00000000-0000-4000-9000-%012d' % (1000 + i * 10 + s)
        meeting['measures'] = [{
            'id': '00000000-0000-4000-a000-%012d' % (1000 + i * 10 + k), 'text': text,
            'owner': owner, 'department': '办公室', 'due_on': '2023-12-31', 'status': 'open',
            'done_on': None, 'progress': None} for k, text in enumerate(MEASURES[:4 + i % 2])]
        meetings.append(meeting)
    year['meetings'] = meetings
    with open(path, 'w', encoding='utf-8') as f:
        json.dump(year, f, ensure_ascii=False)


def main():
    work = tempfile.mkdtemp(prefix='test-print-tail-')
    try:
        for sessions in range(6, 16):
            archive = os.path.join(work, 'year-%d.json' % sessions)
            ledger = os.path.join(work, 'ledger-%d.db' % sessions)
            pdf = os.path.join(work, 'central-group-%d.pdf' % sessions)
            year_of(sessions, archive)
            run('--database', ledger, 'import-archive', archive)
            run('--database', ledger, 'export', 'central-group-ledger', '--year', '2023',
                '--format', 'pdf', '--output', pdf)
            rows = [[int(w[0]) for w in printing.row_numbers(words)]
                    for words in printing.bbox_pages(pdf)]
            # A wide ledger prints in column bands, each from row 1: the
            # last band is the table's end.
            band = max(i for i, numbers in enumerate(rows) if 1 in numbers)
            counts = [len(numbers) for numbers in rows[band:]]
            ok(sum(counts) == sessions, '%d sessions: every row in the last band' % sessions,
               repr(counts))
            last, before = counts[-1], counts[-2] if len(counts) > 1 else 0
            ok(len(counts) < 3 or last >= 3 or before - 1 < 3,
               '%d sessions: no lone last rows that the page before could have joined'
               % sessions, 'rows per page %r' % counts)
    finally:
        shutil.rmtree(work, ignore_errors=True)

    print('1..%d' % len(printing.results))
    failed = 0
    for i, (passed, name, detail) in enumerate(printing.results, 1):
        print('%s %d - %s%s' % ('ok' if passed else 'not ok', i, name,
                                (' # ' + detail) if detail and not passed else ''))
        failed += not passed
    return 1 if failed else 0


if __name__ == '__main__':
    sys.exit(main())
