#!/usr/bin/python3
# test-print-report.py — the annual report, the member card and the
# spreadsheets' real cells, read back as printed (issue 14)
#
# SPDX-License-Identifier: GPL-3.0-or-later
#
# The realistic year of test-print.py goes in through the real study-ledger
# (STUDY_LEDGER); the documents come out through the command line and are
# read back by real readers:
#
#   openpyxl        the annual report's sheets: section numbers as in the
#                   PDF, the 主要数据 sheet's native charts and the cells
#                   their series refer to; the first-topic ledger's 应到,
#                   实到 and 发表日期 as numbers and dates under merged headers
#   pdftotext       -bbox: a chart's caption on the page of its chart, no
#                   table of the report starting or ending with a page of one
#                   or two rows, the member card's rates and headers whole
#   soffice         the report's xlsx printed: the subtitles whole, the
#                   charts' text at 9 pt or more
#
# Run with Debian's /usr/bin/python3 (python3-pypdf, python3-openpyxl).
# Prints TAP.

import datetime
import importlib.util
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile

import openpyxl

SRCDIR = os.environ.get('G_TEST_SRCDIR', os.path.dirname(os.path.abspath(__file__)))

spec = importlib.util.spec_from_file_location('test_print', os.path.join(SRCDIR, 'test-print.py'))
printing = importlib.util.module_from_spec(spec)
spec.loader.exec_module(printing)
ok = printing.ok
run = printing.run

SECTIONS = ['一、主要数据', '四、会议开展情况', '五、个人出勤情况', '六、学习计划完成情况',
            '七、制度落实情况']


def squeeze(text):
    return re.sub(r'\s+', '', text)


def plain_text(pdf):
    return subprocess.run(['pdftotext', '-layout', pdf, '-'], capture_output=True, text=True,
                          check=True).stdout


def sheet_range(ref):
    """'四、会议开展情况'!$B$4:$M$4 → (sheet, ((col, row), (col, row)))."""
    m = re.fullmatch(r"'?(.+?)'?!\$?([A-Z]+)\$?(\d+)(?::\$?([A-Z]+)\$?(\d+))?", ref)
    if not m:
        return None, None
    first = (m.group(2), int(m.group(3)))
    last = (m.group(4), int(m.group(5))) if m.group(4) else first
    return m.group(1), (first, last)


def check_report_xlsx(path, year):
    wb = openpyxl.load_workbook(path)
    ok(wb.sheetnames == SECTIONS, 'report xlsx: sheets numbered as the PDF', repr(wb.sheetnames))
    if wb.sheetnames != SECTIONS:
        return
    for name in SECTIONS:
        subtitle = wb[name]['A2'].value or ''
        ok(subtitle.startswith(name), 'report xlsx: %s subtitled with its section' % name,
           repr(subtitle))

    summary = wb['一、主要数据']
    values = {summary.cell(r, 2).value: summary.cell(r, 3) for r in range(1, summary.max_row + 1)}
    ok(values.get('全年会议（次）') is not None and values['全年会议（次）'].data_type == 'n'
       and values['全年会议（次）'].value == len(year['meetings']),
       'report xlsx: 全年会议 a number, all the meetings',
       repr(values.get('全年会议（次）') and values['全年会议（次）'].value))
    rate = values.get('出席率')
    ok(rate is not None and isinstance(rate.value, float) and '%' in rate.number_format,
       'report xlsx: 出席率 a percentage', repr(rate and (rate.value, rate.number_format)))

    charts = summary._charts
    ok(len(charts) == 2, 'report xlsx: two native charts on 主要数据', '%d charts' % len(charts))
    if len(charts) != 2:
        return
    months, members = charts
    ok(months.tagname == 'barChart' and months.grouping == 'stacked' and months.type == 'col',
       'report xlsx: 二 is a stacked column chart',
       '%s %s %s' % (months.tagname, months.grouping, months.type))
    ok(members.tagname == 'barChart' and members.type == 'bar',
       'report xlsx: 三 is a bar chart', '%s %s' % (members.tagname, members.type))

    # 二: one series per kind held, its values the kind's row of 四 over
    # 1月 … 12月, the categories the header.
    kinds = wb['四、会议开展情况']
    held = set()
    for r in range(4, kinds.max_row + 1):
        if kinds.cell(r, 1).value not in (None, '合计') and kinds.cell(r, 14).value:
            held.add(r)
    seen = set()
    for series in months.series:
        sheet, cells = sheet_range(series.val.numRef.f)
        ok(sheet == '四、会议开展情况' and cells[0][0] == 'B' and cells[1][0] == 'M'
           and cells[0][1] == cells[1][1], 'report xlsx: 二 series over 1月–12月 of 四',
           series.val.numRef.f)
        seen.add(cells[0][1])
        sheet, cats = sheet_range(series.cat.strRef.f if series.cat.strRef else series.cat.numRef.f)
        ok(sheet == '四、会议开展情况' and kinds['%s%d' % cats[0]].value == '1月'
           and kinds['%s%d' % cats[1]].value == '12月', 'report xlsx: 二 categories 1月–12月',
           repr(cats))
    ok(seen == held, 'report xlsx: 二 charts every kind held', '%r, want %r' % (seen, held))

    # 三: 出席率 of 五 by name.
    people = wb['五、个人出勤情况']
    series = members.series[0]
    sheet, cells = sheet_range(series.val.numRef.f)
    header = cells and people.cell(cells[0][1] - 1, openpyxl.utils.column_index_from_string(
        cells[0][0])).value
    ok(sheet == '五、个人出勤情况' and header == '出席率', 'report xlsx: 三 charts 出席率 of 五',
       '%s %r' % (series.val.numRef.f, header))
    sheet, cats = sheet_range(series.cat.strRef.f)
    ok(sheet == '五、个人出勤情况' and people['%s%d' % cats[0]].value == year_first_member(year),
       'report xlsx: 三 names the members', series.cat.strRef.f)

    # Red bars for the members under the threshold (80% by default), as
    # on the pages.
    low = sorted(r - cells[0][1] for r in range(cells[0][1], cells[1][1] + 1)
                 if isinstance(people['H%d' % r].value, (int, float)) and people['H%d' % r].value < 0.8)
    red = sorted(p.idx for p in series.dPt
                 if p.spPr is not None and p.spPr.solidFill is not None
                 and p.spPr.solidFill.srgbClr is not None
                 and str(getattr(p.spPr.solidFill.srgbClr, 'val', p.spPr.solidFill.srgbClr))
                 .upper().endswith('C0392B'))
    ok(low and red == low, 'report xlsx: 三 marks the members under 80% in red',
       '%r, want %r' % (red, low))

    # Titles that match the PDF's headings.
    titles = []
    for chart in charts:
        rich = chart.title.tx.rich
        titles.append(''.join(run.t for p in rich.p for run in (p.r or [])))
    ok(titles[0] == '二、每月会议开展情况' and titles[1].startswith('三、成员出席率'),
       'report xlsx: chart titles numbered as the PDF', repr(titles))


def year_first_member(year):
    """The first member the report lists (roster order, members only)."""
    rows = [m for m in year['members'] if m.get('active', True)]
    rows.sort(key=lambda m: m.get('sort', 0))
    return rows[0]['name'] if rows else None


def check_first_topic_xlsx(path):
    ws = openpyxl.load_workbook(path).active
    top = next(r for r in range(1, 6) if ws.cell(r, 1).value == '序号')
    merged = {str(m) for m in ws.merged_cells.ranges}
    columns = {}
    for c in range(1, ws.max_column + 1):
        for r in (top, top + 1):
            if ws.cell(r, c).value:
                columns.setdefault(ws.cell(r, c).value, (r, c))
    for group, parts in (('参加人员（应到/实到）', ['应到', '实到']),
                         ('出处及发表日期', ['出处', '发表日期'])):
        where = columns.get(group)
        ok(where is not None and all(p in columns for p in parts),
           'first-topic xlsx: %s over %s' % (group, ' | '.join(parts)), repr(sorted(str(k) for k in columns)))
        if where is None or not all(p in columns for p in parts):
            continue
        first, last = columns[parts[0]][1], columns[parts[1]][1]
        span = '%s%d:%s%d' % (openpyxl.utils.get_column_letter(first), top,
                              openpyxl.utils.get_column_letter(last), top)
        ok(last == first + 1 and span in merged, 'first-topic xlsx: %s merged over both' % group,
           span)
    body = range(top + 2, ws.max_row + 1)
    for name in ('应到', '实到'):
        if name not in columns:
            continue
        cells = [ws.cell(r, columns[name][1]) for r in body if ws.cell(r, 1).data_type == 'n'
                 and ws.cell(r, 1).value]
        ok(cells and all(c.data_type == 'n' and isinstance(c.value, int) for c in cells),
           'first-topic xlsx: %s numbers' % name, repr([c.value for c in cells][:3]))
    if '发表日期' in columns:
        cells = [ws.cell(r, columns['发表日期'][1]) for r in body]
        dates = [c for c in cells if c.value is not None]
        ok(dates and all(isinstance(c.value, datetime.datetime) and c.is_date for c in dates),
           'first-topic xlsx: 发表日期 dates', repr([c.value for c in dates][:3]))


def heading_pages(pages, heading):
    for i, words in enumerate(pages):
        line = ''
        for w in words:
            line += w[0]
        if heading in line:
            return i
    return None


def check_report_pdf(pdf, year):
    text = squeeze(plain_text(pdf))
    for heading in ['一、主要数据', '二、每月会议开展情况', '三、成员出席率'] + SECTIONS[1:]:
        ok(heading in text, 'report pdf: section %s' % heading)

    pages = printing.bbox_pages(pdf)
    # 三's caption (its note) on a page with the chart's rows above it.
    caption = [(i, w) for i, words in enumerate(pages) for w in words if w[0].startswith('红色虚线')]
    ok(len(caption) == 1, 'report pdf: the caption of 三 once', repr(caption))
    if caption:
        page, word = caption[0]
        names = {m['name'] for m in year['members']}
        above = [w for w in pages[page] if w[0] in names and w[4] <= word[2]]
        ok(len(above) >= 3, 'report pdf: the caption of 三 with the chart\'s rows',
           'page %d: %d names above it' % (page + 1, len(above)))

    # The tables 五–七: not started or ended by a page of one or two rows.
    for heading in SECTIONS[2:]:
        start = None
        for i, words in enumerate(pages):
            for w in words:
                if w[0].startswith(heading[:2]) and heading[2:4] in ''.join(
                        v[0] for v in words if abs(v[2] - w[2]) < 2):
                    start = (i, w[4])
                    break
            if start:
                break
        ok(start is not None, 'report pdf: %s found' % heading)
        if start is None:
            continue
        counts = []
        for i in range(start[0], len(pages)):
            rows = [w for w in printing.row_numbers(pages[i])
                    if i > start[0] or w[2] > start[1]]
            following = [w for w in pages[i] if re.match(r'[五六七八]、', w[0])
                         and (i > start[0] or w[2] > start[1] + 1)]
            if following:
                rows = [w for w in rows if w[2] < following[0][2]]
            if not rows and i > start[0]:
                break
            counts.append(len(rows))
            if following:
                break
        total = sum(counts)
        if len(counts) > 1:
            ok(counts[0] >= min(3, total) and counts[-1] >= min(3, total),
               'report pdf: %s not split with one or two rows on a page' % heading,
               repr(counts))


def check_rules_worded(ledger, pdf, xlsx):
    """Every rule of the year's compliance results is named in Chinese in
    the report, never by its code (central_group_ideology_per_year)."""
    stats = json.loads(subprocess.run([printing.STUDY_LEDGER, '--database', ledger, 'stats', '--year', '2023',
                                       '--json'], capture_output=True, text=True,
                                      check=True).stdout)
    codes = sorted({r['rule'] for r in stats['compliance']})
    ok(len(codes) >= 10, 'report: the year has results for most rules', repr(codes))
    text = plain_text(pdf)
    cells = ' '.join(str(c.value) for ws in openpyxl.load_workbook(xlsx).worksheets
                     for row in ws.iter_rows() for c in row if c.value is not None)
    for where, content in (('pdf', text), ('xlsx', cells)):
        raw = [code for code in codes if code in content]
        ok(not raw, 'report %s: every rule worded in Chinese' % where, repr(raw))


def check_member_card(pdf):
    pages = printing.bbox_pages(pdf)
    words = [w[0] for page in pages for w in page]
    broken = [w for w in words if re.fullmatch(r'\d+(\.\d*)?|\.?\d*%|%', w)
              and not re.fullmatch(r'\d+', w)]
    ok(not broken, 'member card: no rate broken', repr(broken[:5]))
    rates = [w for w in words if re.fullmatch(r'\d+\.\d%', w)]
    ok(len(rates) >= 2, 'member card: 出勤率 and 参学率 whole', repr(rates))
    for header in ('应参加', '已补学', '出勤率', '参学率', '第一议题领学', '中心组领学',
                   '专题培训学时'):
        ok(header in words, 'member card: header %s whole' % header)
    # Short labels (类别, 情况) on one line, not “中心组学/习”, “请假（公/假）”.
    for label in ('中心组学习', '第一议题'):
        ok(label in words, 'member card: 类别 %s whole' % label)
    leave = [w for w in words if w.startswith('请假（')]
    ok(leave and all(re.fullmatch(r'请假（[^）]+）', w) for w in leave),
       'member card: 情况 请假（…） whole', repr(leave))


def main():
    work = tempfile.mkdtemp(prefix='test-print-report-')
    try:
        archive = os.path.join(work, 'year.json')
        ledger = os.path.join(work, 'ledger.db')
        year = printing.realistic_year(archive)
        run('--database', ledger, 'import-archive', archive)

        pdf = os.path.join(work, 'annual-report.pdf')
        run('--database', ledger, 'export', 'annual-report', '--year', '2023', '--format', 'pdf',
            '--output', pdf)
        check_report_pdf(pdf, year)

        report = os.path.join(work, 'annual-report.xlsx')
        run('--database', ledger, 'export', 'annual-report', '--year', '2023', '--format',
            'xlsx', '--output', report)
        check_report_xlsx(report, year)
        check_rules_worded(ledger, pdf, report)

        first_topic = os.path.join(work, 'first-topic-ledger.xlsx')
        run('--database', ledger, 'export', 'first-topic-ledger', '--year', '2023', '--format',
            'xlsx', '--output', first_topic)
        check_first_topic_xlsx(first_topic)
        first_pdf = os.path.join(work, 'first-topic-ledger.pdf')
        run('--database', ledger, 'export', 'first-topic-ledger', '--year', '2023', '--format',
            'pdf', '--output', first_pdf)
        text = printing.squeezed(first_pdf)
        ok('参加人员（应到/实到）' in text and re.search(r'应到\d+人实到\d+人', text),
           'first-topic pdf: one column 应到/实到')

        # The member with the most meetings: a rate of 100.0% or near.
        member = year['members'][0]['id']
        card = os.path.join(work, 'member-card.pdf')
        run('--database', ledger, 'export', 'member-card', '--member', member, '--year', '2023',
            '--output', card)
        check_member_card(card)
        printing.check_sizes(card, 'member card')

        # The report's workbook printed by LibreOffice: subtitles whole,
        # chart text readable.
        if shutil.which('soffice') and os.environ.get('SL_PRINT_XLSX', '1') != '0':
            printed = printing.soffice_pdf([report], work, os.path.join(work, 'profile'))[0]
            text = squeeze(plain_text(printed))
            wb = openpyxl.load_workbook(report)
            for name in wb.sheetnames:
                subtitle = squeeze(wb[name]['A2'].value or '')
                ok(subtitle and subtitle in text, 'report xlsx printed: %s subtitle whole' % name,
                   subtitle)
            ok('二、每月会议开展情况' in text and '三、成员出席率' in text,
               'report xlsx printed: the charts\' headings')
            printing.check_sizes(printed, 'annual-report.xlsx printed')
    finally:
        if os.environ.get('SL_KEEP_PRINT'):
            print('# kept', work)
        else:
            shutil.rmtree(work, ignore_errors=True)

    results = printing.results
    print('1..%d' % len(results))
    failed = 0
    for i, (passed, name, detail) in enumerate(results, 1):
        print('%s %d - %s%s' % ('ok' if passed else 'not ok', i, name,
                                (' # ' + detail) if detail and not passed else ''))
        failed += not passed
    return 1 if failed else 0


if __name__ == '__main__':
    sys.exit(main())
