#!/usr/bin/python3
# check-xlsx.py — reads Study Ledger's spreadsheets back with openpyxl
#
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Run by test-xlsx.c with Debian's /usr/bin/python3 (the python3 on PATH may
# be another interpreter that cannot import python3-openpyxl).
#
#   check-xlsx.py documents FOLDER YEAR   checks FOLDER/<document>.xlsx and
#                                         prints what it read as JSON
#   check-xlsx.py sheets FILE             prints the sheet names as JSON
#
# A failed check exits 1 with one line on stderr naming the file, sheet and
# cell. The figures (attendance totals) are printed for the C test to
# compare with SlStatistics: this script checks form, the test checks sums.

import datetime
import json
import os
import re
import sys

import openpyxl
from openpyxl.utils import get_column_letter

# The header of each document, in order (DOMAIN.md and the issue).
HEADERS = {
    'first-topic-ledger': [
        '序号', '会议名称及次序', '学习时间', '会议类型', '学习内容', '出处', '发表日期', '学习形式',
        '主持人', '领学人', '应到', '实到', '请假人员', '研讨交流', '贯彻落实措施',
        '责任领导/责任部门', '完成时限', '落实情况', '备注'],
    'central-group-ledger': [
        '序号', '学习时间', '地点', '学习时长（小时）', '会议名称及次序', '学习形式', '主持人',
        '学习主题', '学习内容', '领学人/主讲人',
        '研讨发言人', '应到', '实到', '请假/缺席人员', '列席人员', '对应计划', '落实措施', '备注'],
    'meetings-ledger': [
        '序号', '日期', '会议类型', '会议名称', '主题', '主持人', '记录人', '应到', '实到', '请假',
        '缺席', '学习内容', '备注'],
    # The plan as issued: what became of each item is plan-progress's.
    'plan': [
        '序号', '时间', '学习专题', '学习内容', '学习形式', '领学人/主讲人', '研讨发言人', '参加范围',
        '备注'],
    'plan-progress': [
        '序号', '计划时间', '学习专题', '学习内容', '学习形式', '领学人/主讲人', '开展情况', '开展时间',
        '开展会议', '备注'],
    'measures': [
        '序号', '落实措施', '来源会议', '会议日期', '责任领导', '责任部门', '完成时限', '状态',
        '完成日期', '进展情况'],
}

# Merged headers over two columns each (issue 14: real cells under the
# ledger's one column of DOMAIN.md).
GROUPS = {
    'first-topic-ledger': {'出处及发表日期': ['出处', '发表日期'],
                           '参加人员（应到/实到）': ['应到', '实到']},
}

ATTENDANCE_TOTALS = ['应参加', '出席', '请假', '缺席', '补学', '出席率', '参学率']

# Numbered as the sections of the report's PDF (二 and 三 are the charts
# on 主要数据).
ANNUAL_SHEETS = {
    '一、主要数据': ['序号', '项目', '数值', '说明'],
    '四、会议开展情况': ['会议类型'] + ['%d月' % m for m in range(1, 13)] + ['合计'],
    '五、个人出勤情况': ['序号', '姓名'] + ATTENDANCE_TOTALS + ['备注'],
    '六、学习计划完成情况': ['序号', '学习计划', '计划项数', '已开展', '兑现率', '未开展事项'],
    '七、制度落实情况': ['序号', '制度要求', '时段', '应达到', '实际', '状态', '说明'],
}

LANDSCAPE = {'first-topic-ledger', 'central-group-ledger', 'meetings-ledger', 'plan',
             'plan-progress', 'attendance', 'measures'}

# Columns whose filled cells must all be real dates, numbers, rates.
DATE_COLUMNS = {'学习时间', '日期', '会议日期', '完成日期', '发表日期'}
COUNT_COLUMNS = {'序号', '应到', '实到', '请假', '缺席', '应参加', '出席', '补学', '计划项数',
                 '已开展', '合计', '应达到', '实际'} | {'%d月' % m for m in range(1, 13)}
RATE_COLUMNS = {'出席率', '参学率', '兑现率'}
MARKS = {'出', '假', '缺', '假补', '缺补', '—', ''}


class CheckError(Exception):
    pass


def need(condition, where, message):
    if not condition:
        raise CheckError('%s: %s' % (where, message))


def header_rows(ws, where):
    """The rows that print titles repeat, which are the header: one, or
    two under merged group titles."""
    titles = ws.print_title_rows
    need(titles, where, 'no print title rows (worksheet_repeat_rows)')
    match = re.fullmatch(r'\$?(\d+):\$?(\d+)', titles)
    need(match and int(match.group(2)) - int(match.group(1)) in (0, 1), where,
         'print titles %r are not one or two header rows' % titles)
    return int(match.group(1)), int(match.group(2))


def header_row(ws, where):
    """The header's last row: the one over the body."""
    return header_rows(ws, where)[1]


def check_sheet(ws, code, where, year):
    top, h = header_rows(ws, where)
    columns = ws.max_column
    # A column outside a group is merged down both rows: its title is on top.
    headers = [ws.cell(h, c).value or ws.cell(top, c).value for c in range(1, columns + 1)]

    # The merged title across the table, with the year; the subtitle if any.
    merged = {str(r) for r in ws.merged_cells.ranges}
    last = get_column_letter(columns)
    need('A1:%s1' % last in merged, where, 'title row A1:%s1 is not merged (%s)' % (last, merged))
    title = ws['A1'].value
    need(isinstance(title, str) and str(year) in title, where, 'title %r lacks the year' % title)
    need(ws['A1'].font.b, where, 'title is not bold')
    need(top in (2, 3), where, 'header on row %d' % top)
    if top == 3:
        need('A2:%s2' % last in merged, where, 'subtitle row is not merged')
    for title, parts in GROUPS.get(code, {}).items():
        need(title not in headers, where, '%s is one column, not %r' % (title, parts))
        first = headers.index(parts[0]) + 1 if parts[0] in headers else None
        need(first and headers[first - 1:first - 1 + len(parts)] == parts, where,
             'no columns %r' % parts)
        span = '%s%d:%s%d' % (get_column_letter(first), top, get_column_letter(first + len(parts) - 1),
                              top)
        need(h == top + 1 and span in merged and ws.cell(top, first).value == title, where,
             '%s is not a merged header over %r' % (title, parts))
    if h == top + 1:
        for c in range(1, columns + 1):
            if ws.cell(h, c).value is None:
                span = '%s%d:%s%d' % (get_column_letter(c), top, get_column_letter(c), h)
                need(span in merged, where, 'header %s%d is not merged down' % (
                    get_column_letter(c), top))

    # Header: bold, bordered, wrapped.
    for c in range(1, columns + 1):
        cell = ws.cell(h, c) if ws.cell(h, c).value else ws.cell(top, c)
        need(isinstance(headers[c - 1], str) and headers[c - 1], where,
             'empty header in column %d' % c)
        need(cell.font.b, where, 'header %s is not bold' % cell.coordinate)
        need(cell.border.left.style and cell.border.bottom.style, where,
             'header %s has no border' % cell.coordinate)
        need(cell.alignment.wrap_text, where, 'header %s does not wrap' % cell.coordinate)
        width = ws.column_dimensions[get_column_letter(c)].width
        need(width and width >= 4, where, 'column %s has no width' % get_column_letter(c))

    # Screen and print set-up.
    need(ws.freeze_panes is not None and ws.freeze_panes.endswith(str(h + 1))
         and ws.freeze_panes[0] in 'ABC', where, 'panes frozen at %r' % ws.freeze_panes)
    setup = ws.page_setup
    need(str(setup.paperSize) == '9', where, 'paper %r is not A4' % setup.paperSize)
    # Wide tables go landscape: the fixed ledgers always, the attendance
    # matrix once its meetings make it wider than A4 portrait holds
    # (about 52 characters; a column of n characters is 2n + 1 units).
    characters = sum((ws.column_dimensions[get_column_letter(c)].width - 1) / 2
                     for c in range(1, columns + 1))
    if code in LANDSCAPE and (code != 'attendance' or characters > 52.5):
        need(setup.orientation == 'landscape', where, 'not landscape')
    else:
        # Portrait unless it would print under 9 pt (86%) on portrait A4
        # (sl-xlsx-writer.c: 6.6 pt a stored unit and 3.9 a column in LibreOffice).
        units = sum(ws.column_dimensions[get_column_letter(c)].width for c in range(1, columns + 1))
        portrait_fits = (units * 6.6 + 3.9 * columns) * 0.86 <= (210.0 - 25.4) / 25.4 * 72
        if portrait_fits and characters < 51.5:
            need(setup.orientation == 'portrait', where, 'a narrow table is not portrait')
    # Issue 14: fit to the page's width only while the print stays at
    # 9 pt or more (10.5 pt × the scale); otherwise several pages across,
    # the key columns repeated on each (print titles) with the header.
    printable = ((297.0 - 25.4 if setup.orientation == 'landscape' else 210.0 - 25.4) / 25.4 * 72
                 - 3.9 * columns) / 6.6
    total = sum(ws.column_dimensions[get_column_letter(c)].width for c in range(1, columns + 1))
    fit = ws.sheet_properties.pageSetUpPr is not None and ws.sheet_properties.pageSetUpPr.fitToPage
    scale = int(setup.scale or 100)
    need(not fit, where, 'fit to the page: LibreOffice shrinks it under 9 pt for a tall row')
    need(10.5 * scale / 100 >= 8.95, where, 'printed at %d%%: under 9 pt' % scale)
    if total * scale / 100 > printable + 0.5:
        need(scale == 100, where, 'wider than a page and shrunk to %d%%' % scale)
        need(ws.print_title_cols is not None, where, 'wider than a page, no key columns repeated')
    need(ws.print_options.horizontalCentered, where, 'not centred horizontally')
    footer = ws.oddFooter.center.text or ''
    need('&P' in footer and '&N' in footer and '第' in footer, where, 'footer %r' % footer)

    # Body cells: typed, bordered.
    body = []
    row = h + 1
    while row <= ws.max_row and ws.cell(row, 1).border.left.style:
        body.append(row)
        row += 1
    for r in body:
        for c, name in enumerate(headers, start=1):
            cell = ws.cell(r, c)
            value = cell.value
            at = '%s!%s' % (where, cell.coordinate)
            need(cell.border.top.style, at, 'no border')
            need(cell.alignment.wrap_text, at, 'does not wrap')
            if value is None:
                continue
            if name in DATE_COLUMNS:
                need(isinstance(value, datetime.datetime), at, '%r is not a date' % value)
            if isinstance(value, datetime.datetime):
                need('年' in cell.number_format, at, 'date format %r' % cell.number_format)
            if name in COUNT_COLUMNS and not (code == 'annual-report' and c == 1):
                need(isinstance(value, (int, float)) and not isinstance(value, bool), at,
                     '%r is not a number' % value)
            if name in RATE_COLUMNS:
                need(isinstance(value, (int, float)) and 0 <= value <= 1, at, 'rate %r' % value)
                need('%' in cell.number_format, at, 'rate format %r' % cell.number_format)
    return headers, body


def read_attendance(ws, headers, body, where):
    need(headers[:2] == ['序号', '姓名'], where, 'attendance starts with %r' % headers[:2])
    need(headers[-len(ATTENDANCE_TOTALS):] == ATTENDANCE_TOTALS, where,
         'attendance ends with %r' % headers[-len(ATTENDANCE_TOTALS):])
    meetings = headers[2:-len(ATTENDANCE_TOTALS)]
    for name in meetings:
        need(re.match(r'\d+月\d+日\n', name), where, 'meeting column %r' % name)
    members = []
    for r in body:
        values = [ws.cell(r, c).value for c in range(1, len(headers) + 1)]
        marks = {'出': 0, '假': 0, '缺': 0, '补': 0}
        for mark in values[2:2 + len(meetings)]:
            mark = mark or ''
            need(mark in MARKS, where, 'mark %r in row %d' % (mark, r))
            for key in marks:
                marks[key] += mark.count(key)
        totals = dict(zip(ATTENDANCE_TOTALS, values[-len(ATTENDANCE_TOTALS):]))
        members.append({
            'name': values[1],
            'expected': totals['应参加'],
            'present': totals['出席'],
            'leave': totals['请假'],
            'absent': totals['缺席'],
            'made_up': totals['补学'],
            'attendance_rate': totals['出席率'],
            'participation_rate': totals['参学率'],
            'marks': marks,
        })
    return {'meetings': len(meetings), 'members': members}


def check_documents(folder, year):
    result = {}
    for file in sorted(os.listdir(folder)):
        if not file.endswith('.xlsx'):
            continue
        code = file[:-len('.xlsx')].split('@')[0]
        path = os.path.join(folder, file)
        wb = openpyxl.load_workbook(path)
        document = {'sheets': wb.sheetnames, 'rows': {}, 'titles': {}}
        for ws in wb.worksheets:
            where = '%s [%s]' % (file, ws.title)
            need(len(ws.title) <= 31, where, 'sheet name longer than 31 characters')
            headers, body = check_sheet(ws, code, where, year)
            if code in HEADERS:
                need(headers == HEADERS[code], where, 'headers %r' % headers)
            elif code == 'annual-report':
                need(ws.title in ANNUAL_SHEETS, where, 'unexpected sheet')
                need(headers == ANNUAL_SHEETS[ws.title], where, 'headers %r' % headers)
            elif code == 'attendance':
                document['attendance'] = read_attendance(ws, headers, body, where)
            document['rows'][ws.title] = len(body)
            document['titles'][ws.title] = ws['A1'].value
        if code == 'annual-report':
            need(wb.sheetnames == list(ANNUAL_SHEETS), file, 'sheets %r' % wb.sheetnames)
            members = wb['五、个人出勤情况']
            h = header_row(members, file)
            document['members'] = [members.cell(r, 2).value for r in range(h + 1, members.max_row + 1)
                                   if members.cell(r, 1).border.left.style]
        result[file[:-len('.xlsx')]] = document
    return result


def main(argv):
    try:
        if len(argv) == 4 and argv[1] == 'documents':
            print(json.dumps(check_documents(argv[2], int(argv[3])), ensure_ascii=False))
        elif len(argv) == 3 and argv[1] == 'sheets':
            print(json.dumps(openpyxl.load_workbook(argv[2]).sheetnames, ensure_ascii=False))
        else:
            print('usage: check-xlsx.py documents FOLDER YEAR | sheets FILE', file=sys.stderr)
            return 2
    except CheckError as error:
        print(error, file=sys.stderr)
        return 1
    return 0


if __name__ == '__main__':
    sys.exit(main(sys.argv))
