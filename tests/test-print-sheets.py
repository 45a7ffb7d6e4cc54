#!/usr/bin/python3
# test-print-sheets.py — what a sign-in sheet and the 中心组 ledger carry
#
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Issue 14: the sign-in sheet's title breaks after the unit, never inside
# "第N次"; 列席 guests sign after the members; blank rows follow for those
# nobody expected (three, six for an enlarged session); a leave already
# known is marked in 备注; the setting sign_in_time_column adds 签到时间.
# Rosters of 27 to 50 people end the table at every place of a page: the
# counts (应到/实到) and the recorder's line always share a page with rows.
# The 中心组 ledger has 地点, 主持人 and 学习时长, in PDF and xlsx, with
# real cells (dates, numbers). tests/data/year-2023.json goes in through
# the real study-ledger (STUDY_LEDGER); pdftotext and openpyxl read back.
#
# Run with Debian's /usr/bin/python3 (python3-openpyxl). Prints TAP.

import datetime
import json
import os
import re
import shutil
import sqlite3
import subprocess
import sys
import tempfile

import openpyxl

STUDY_LEDGER = os.environ.get('STUDY_LEDGER', 'study-ledger')
SRCDIR = os.environ.get('G_TEST_SRCDIR', os.path.dirname(os.path.abspath(__file__)))

results = []


def ok(condition, name, detail=''):
    results.append((bool(condition), name, detail))


def run(*args):
    done = subprocess.run([STUDY_LEDGER] + list(args), capture_output=True, text=True)
    if done.returncode != 0:
        raise RuntimeError('%s: %s' % (' '.join(args), done.stderr.strip()))


def layout_lines(pdf):
    out = subprocess.run(['pdftotext', '-layout', pdf, '-'], capture_output=True, text=True,
                         check=True).stdout
    return [line.strip() for line in out.splitlines() if line.strip()]


def row_lines(lines):
    """Table rows as (序号, rest of the line) in page order."""
    rows = []
    for line in lines:
        m = re.match(r'^(\d+)(?:\s+(.*))?$', line)
        if m:
            rows.append((int(m.group(1)), m.group(2) or ''))
    return rows


def check_sign_in(ledger, work, meeting, members, name):
    pdf = os.path.join(work, 'sign-in-%s.pdf' % meeting['id'])
    run('--database', ledger, 'export', 'sign-in', '--meeting', meeting['id'], '--output', pdf)
    lines = layout_lines(pdf)
    text = re.sub(r'\s+', '', '\n'.join(lines))

    # The title: a line ends with the unit, or the title is one line.
    title = meeting['title'] + '签到表'
    ok(title in text, '%s: the title whole' % name)
    head = [l.replace(' ', '') for l in lines[:3]]
    broken_mid = any(re.search(r'第$', l) for l in head) or \
        any(re.match(r'^\d+次', l) for l in head)
    ok(not broken_mid, '%s: the title not broken inside 第N次' % name, repr(head))

    rows = row_lines(lines)
    expected = [members[a['member']]['name'] for a in meeting['attendance']]
    guests = [g['name'] for g in meeting.get('guests', [])]
    order = []
    for name_ in expected + guests:
        where = [i for i, (_, rest) in enumerate(rows) if rest.startswith(name_)]
        order.append(where[0] if where else None)
    ok(None not in order, '%s: every member and guest has a row' % name,
       repr([n for n, o in zip(expected + guests, order) if o is None]))
    if None not in order and guests:
        ok(max(order[:len(expected)]) < min(order[len(expected):]),
           '%s: 列席 guests after the members' % name)
        ok(text.count('列席') >= len(guests), '%s: guests marked 列席' % name)

    blank = [n for n, rest in rows if rest == '']
    want = 6 if meeting.get('expanded') else 3
    ok(len(blank) >= want, '%s: at least %d blank rows' % (name, want),
       'found %d' % len(blank))
    ok(rows and blank and blank[-1] == rows[-1][0],
       '%s: the blank rows at the end' % name)

    leave = [a for a in meeting['attendance'] if a['status'] == 'leave']
    kinds = {'official': '公假', 'sick': '病假', 'personal': '事假'}
    for a in leave:
        mark = '请假：%s' % kinds[a['leave_kind']] if a.get('leave_kind') in kinds else '请假'
        ok(mark in text, '%s: %s marked %s' % (name, members[a['member']]['name'], mark))
    ok('应到%d人' % len(expected) in text, '%s: 应到 counts the members only' % name)
    return text


def check_long_roster(work, year, extra):
    """A session of 7 + extra members: wherever the table ends, the counts
    and the recorder's line share their page with its last rows."""
    year = json.loads(json.dumps(year))
    session = next(m for m in year['meetings'] if m.get('expanded') and m.get('guests'))
    unit = session['organization']
    for i in range(extra):
        member = '00000000-0000-4000-8000-%012d' % i
        year['members'].append({
            'id': member, 'name': '欧阳%s' % '犇鑫森淼焱垚'[i % 6] * (1 + i % 2),
            'gender': '男', 'post': '党组成员、副局长兼任普查中心主任（正处级）' if i % 2 else '二级调研员',
            'organization': unit, 'leadership': False, 'central_group': True,
            'joined_on': None, 'left_on': None, 'sort': 100 + i, 'phone': None})
        session['attendance'].append({'member': member, 'status': 'present', 'leave_kind': None,
                                      'reason': None, 'late': False, 'left_early': False,
                                      'makeup': None})
    year['meetings'] = [session]
    archive = os.path.join(work, 'roster-%d.json' % extra)
    with open(archive, 'w', encoding='utf-8') as f:
        json.dump(year, f, ensure_ascii=False)
    ledger = os.path.join(work, 'roster-%d.db' % extra)
    run('--database', ledger, 'import-archive', archive)
    pdf = os.path.join(work, 'roster-%d.pdf' % extra)
    run('--database', ledger, 'export', 'sign-in', '--meeting', session['id'], '--output', pdf)
    pages = subprocess.run(['pdftotext', '-layout', pdf, '-'], capture_output=True, text=True,
                           check=True).stdout.split('\f')
    last = next((p for p in pages if '记录人签字' in p), '')
    rows = row_lines([l.strip() for l in last.splitlines() if l.strip()])
    ok(len(pages) > 2 and '应到' in last and len(rows) >= 3,
       '%d members: the counts and the recorder\'s line with the last rows' % (7 + extra),
       '%d pages, %d rows on the signature page' % (len(pages) - 1, len(rows)))


def main():
    work = tempfile.mkdtemp(prefix='test-print-sheets-')
    try:
        archive = os.path.join(SRCDIR, 'data', 'year-2023.json')
        with open(archive, encoding='utf-8') as f:
            year = json.load(f)
        members = {m['id']: m for m in year['members']}
        ledger = os.path.join(work, 'ledger.db')
        run('--database', ledger, 'import-archive', archive)

        expanded = next(m for m in year['meetings'] if m.get('expanded') and m.get('guests'))
        with_leave = next(m for m in year['meetings']
                          if not m.get('expanded')
                          and any(a['status'] == 'leave' for a in m['attendance']))
        text = check_sign_in(ledger, work, expanded, members, 'expanded session')
        check_sign_in(ledger, work, with_leave, members, 'session with a leave')
        ok('签到时间' not in text, 'no 签到时间 column by default')

        # The setting turns the column on (settings live in the ledger).
        db = sqlite3.connect(ledger)
        db.execute("INSERT OR REPLACE INTO settings (key, value) "
                   "VALUES ('sign_in_time_column', '1')")
        db.commit()
        db.close()
        text = check_sign_in(ledger, work, expanded, members, 'with 签到时间')
        ok('签到时间' in text, 'sign_in_time_column = 1 adds 签到时间')

        # Long rosters, the table ending at every place of a page.
        for extra in range(20, 44):
            check_long_roster(work, year, extra)

        # The 中心组 ledger.
        pdf = os.path.join(work, 'central-group.pdf')
        run('--database', ledger, 'export', 'central-group-ledger', '--year', '2023',
            '--format', 'pdf', '--output', pdf)
        text = re.sub(r'\s+', '', '\n'.join(layout_lines(pdf)))
        for column in ('地点', '主持人', '学习时长'):
            ok(column in text, 'central-group ledger PDF: column %s' % column)
        sessions = [m for m in year['meetings'] if m['kind'] == 'central_group']
        plain = subprocess.run(['pdftotext', pdf, '-'], capture_output=True, text=True,
                               check=True).stdout
        ok(sessions[0]['place'].replace(' ', '') in re.sub(r'\s+', '', plain),
           'central-group ledger PDF: the place of the first session')

        xlsx = os.path.join(work, 'central-group.xlsx')
        run('--database', ledger, 'export', 'central-group-ledger', '--year', '2023',
            '--format', 'xlsx', '--output', xlsx)
        sheet = openpyxl.load_workbook(xlsx).active
        header_row = next(r for r in sheet.iter_rows() if any(c.value == '序号' for c in r))
        header = {str(c.value): c.column for c in header_row if c.value is not None}
        columns = {}
        for key in ('学习时间', '地点', '主持人', '应到', '实到'):
            columns[key] = header.get(key)
        columns['学习时长'] = next((col for h, col in header.items() if h.startswith('学习时长')),
                                 None)
        ok(None not in columns.values(), 'central-group ledger xlsx: columns present',
           repr(columns))
        first = header_row[0].row + 1
        if None not in columns.values():
            cell = sheet.cell(first, columns['学习时间'])
            ok(cell.is_date and isinstance(cell.value, datetime.datetime),
               'central-group ledger xlsx: 学习时间 is a date cell', repr(cell.value))
            for key in ('学习时长', '应到', '实到'):
                cell = sheet.cell(first, columns[key])
                ok(cell.data_type == 'n' and isinstance(cell.value, (int, float)),
                   'central-group ledger xlsx: %s is a number' % key, repr(cell.value))
            start = datetime.datetime.strptime(sessions[0]['start'], '%H:%M')
            end = datetime.datetime.strptime(sessions[0]['end'], '%H:%M')
            hours = sessions[0].get('hours') or (end - start).seconds / 3600
            ok(abs(sheet.cell(first, columns['学习时长']).value - hours) < 0.051,
               'central-group ledger xlsx: 学习时长 of the first session',
               '%r, want %r' % (sheet.cell(first, columns['学习时长']).value, hours))
            chair = members.get(sessions[0]['chair'], {}).get('name')
            ok(sheet.cell(first, columns['主持人']).value == chair,
               'central-group ledger xlsx: 主持人 of the first session')
    finally:
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
