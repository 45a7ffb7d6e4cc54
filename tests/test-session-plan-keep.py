#!/usr/bin/python3
# test-session-plan-keep.py — the 学习方案's approval line stays with its plan
#
# SPDX-License-Identifier: GPL-3.0-or-later
#
# “组长审定：____ 日期：____” closes a central-group session's plan
# (export session-plan). Signed on a page of its own, it would be signed
# apart from what it approves. A realistic session of tests/data/year-2023.json
# is copied 24 times with one to 24 研讨题目 (a line each), so that the
# plan's end falls on every line of a page, and each copy is exported
# through the real command line and read back with pdfinfo and pdftotext:
# the page that holds the approval line also holds 学习要求 (the block it
# is kept with), and no page holds the approval line alone. Prints TAP.

import copy
import json
import os
import re
import subprocess
import sys
import tempfile
import uuid

SL = os.environ.get('STUDY_LEDGER', 'study-ledger')
DATA = os.path.join(os.environ.get('G_TEST_SRCDIR', os.path.dirname(__file__)), 'data')
NAMESPACE = uuid.UUID('6b1f9c1e-4a8e-4f5e-9a53-2d4c1e0b7f11')

results = []


def check(name, ok, detail=''):
    results.append((name, bool(ok), detail))


def run(*args):
    return subprocess.run(args, check=True, capture_output=True, text=True).stdout


def page_texts(pdf):
    n = int(re.search(r'Pages:\s+(\d+)', run('pdfinfo', pdf)).group(1))
    # Without spaces and without the page number “— N —”.
    return [re.sub(r'—\d+—', '', re.sub(r'\s+', '', run('pdftotext', '-f', str(p), '-l', str(p),
                                                         pdf, '-')))
            for p in range(1, n + 1)]


def main():
    with tempfile.TemporaryDirectory(prefix='test-session-plan-keep-') as tmp:
        return test(tmp)


def test(tmp):
    archive = json.load(open(os.path.join(DATA, 'year-2023.json'), encoding='utf-8'))
    session = next(m for m in archive['meetings'] if m['kind'] == 'central_group')
    members = [m['id'] for m in archive['members']][:4]

    copies = []
    for n in range(1, 25):
        meeting = copy.deepcopy(session)
        meeting['id'] = str(uuid.uuid5(NAMESPACE, f'meeting-{n}'))
        meeting['sequence'] = 100 + n
        meeting['plan_item'] = None
        for key in ('measures', 'speeches', 'attachments'):
            meeting.pop(key, None)
        for i, study in enumerate(meeting.get('studies', [])):
            study['id'] = str(uuid.uuid5(NAMESPACE, f'study-{n}-{i}'))
        meeting['session_plan'] = {
            'topics': [f'结合分管领域谈贯彻落实的第{i + 1}点思考' for i in range(n)],
            'key_speeches': [{'member': m, 'title': '以高质量统计服务高质量发展'}
                             for m in members],
            'approved_by': None,
            'approved_on': None,
        }
        copies.append(meeting)
    archive['meetings'] = copies
    for key in ('plans', 'research_topics'):
        archive[key] = []

    source = os.path.join(tmp, 'sessions.json')
    with open(source, 'w', encoding='utf-8') as f:
        json.dump(archive, f, ensure_ascii=False)
    db = os.path.join(tmp, 'ledger.db')
    run(SL, '--database', db, 'import-archive', source)

    two_pages = 0
    for n, meeting in enumerate(copies, 1):
        pdf = os.path.join(tmp, f'plan-{n}.pdf')
        run(SL, '--database', db, 'export', 'session-plan', '--meeting', meeting['id'],
            '--output', pdf)
        pages = page_texts(pdf)
        two_pages += len(pages) > 1
        at = [i for i, text in enumerate(pages) if '组长审定' in text]
        check(f'{n} topics: one approval line', len(at) == 1, str(len(at)))
        if len(at) != 1:
            continue
        page = pages[at[0]]
        check(f'{n} topics: the approval line is on the page of 学习要求',
              '学习要求' in page and page.index('学习要求') < page.index('组长审定'),
              f'page {at[0] + 1} of {len(pages)}: {page[:80]}')
        alone = [i + 1 for i, text in enumerate(pages)
                 if text and text.startswith('组长审定') and '日期' in text and
                 len(text) <= len('组长审定：__________日期：__________')]
        check(f'{n} topics: no page holds the approval line alone', not alone, str(alone))
        headings = re.findall(r'([一二三四五六七八九十])、(?:学习主题|时间地点|参加范围|学习篇目|议程|'
                              r'学习时长|学习要求)', ''.join(pages))
        check(f'{n} topics: the headings are numbered in order',
              headings == list('一二三四五六七八九十')[:len(headings)] and len(headings) >= 6,
              str(headings))
        check(f'{n} topics: every topic is printed',
              all(f'第{i + 1}点思考' in ''.join(pages) for i in range(n)))

    # The copies do go over a page: the case is met, not avoided.
    check('some plans take two pages', two_pages >= 6, str(two_pages))

    print(f'1..{len(results)}')
    for i, (name, ok, detail) in enumerate(results, 1):
        print(f'{"ok" if ok else "not ok"} {i} - {name}')
        if not ok and detail:
            print('# ' + str(detail).replace('\n', '\n# '))
    return 0 if all(ok for _, ok, _ in results) else 1


if __name__ == '__main__':
    sys.exit(main())
