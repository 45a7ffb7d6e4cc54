#!/usr/bin/python3
# test-people-exports.py — issue 15's documents through the real program
#
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Run by meson with Debian's /usr/bin/python3 (python3-openpyxl) and
# STUDY_LEDGER set to the built program. Each test builds a ledger in a
# temporary folder from an archive written here (version 2, ARCHIVE.md),
# runs `study-ledger export ...` as a secretary would, and reads the file
# back with a real reader: openpyxl for xlsx, pdftotext / pdfinfo for PDF.
# Every expected figure is worked out by hand in the comments beside it,
# not taken from the program. Prints TAP.

import datetime
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import traceback

import openpyxl

STUDY_LEDGER = os.environ.get('STUDY_LEDGER')

ORG = '10000000-0000-4000-8000-000000000001'
ZHANG = '20000000-0000-4000-8000-000000000001'   # 张三: chair, leadership
LI = '20000000-0000-4000-8000-000000000002'      # 李四: joined mid-year, the card's member
WANG = '20000000-0000-4000-8000-000000000003'    # 王五
T_MARCH = '40000000-0000-4000-8000-000000000001'
T_DAY30 = '40000000-0000-4000-8000-000000000002'
T_DAY31 = '40000000-0000-4000-8000-000000000003'
T_NEVER = '40000000-0000-4000-8000-000000000004'
M_GUEST = '50000000-0000-4000-8000-000000000003'


# Building the archive --------------------------------------------------------

def member(id, name, sort, post, joined_on=None, party_joined_on=None, central_group=True):
    return {'id': id, 'name': name, 'gender': None, 'post': post, 'organization': ORG,
            'leadership': id == ZHANG, 'central_group': central_group, 'joined_on': joined_on,
            'left_on': None, 'sort': sort, 'phone': None, 'note': None,
            'party_joined_on': party_joined_on}


def row(who, status='present', leave_kind=None, makeup=None):
    return {'member': who, 'status': status, 'leave_kind': leave_kind, 'reason': None,
            'late': False, 'left_early': False, 'makeup': makeup}


def study(n, title, lead, first_topic, topic=None):
    return {'id': '30000000-0000-4000-8000-%012d' % n, 'title': title, 'source': '《求是》',
            'published_on': None, 'lead': lead, 'first_topic': first_topic, 'summary': None,
            'topic': topic}


def speech(n, speaker, kind, title, points):
    return {'id': '31000000-0000-4000-8000-%012d' % n, 'speaker': speaker, 'speaker_name': None,
            'points': points, 'kind': kind, 'title': title}


def meeting(n, kind, date, attendance, title=None, studies=(), speeches=(), guests=(),
            hours=None, batch=None):
    return {'id': '50000000-0000-4000-8000-%012d' % n, 'organization': ORG, 'kind': kind,
            'sequence': None, 'title': title, 'date': date, 'start': '09:00', 'end': '11:00',
            'place': '三楼会议室', 'chair': ZHANG, 'recorder': WANG, 'form': 'collective_study',
            'theme': None, 'expanded': False, 'plan_item': None, 'studies': list(studies),
            'attendance': attendance, 'guests': list(guests), 'speeches': list(speeches),
            'chair_summary': None, 'decisions': None, 'measures': [], 'note': None,
            'on_ideology': False, 'hours': hours, 'batch': batch, 'session_plan': None}


def topic(id, title, kind, received_on):
    return {'id': id, 'organization': ORG, 'title': title, 'source_kind': kind,
            'source': '新华社', 'published_on': received_on, 'received_on': received_on,
            'planned_meeting': None, 'note': None}


def talk(n, date, initiator, counterpart, kind, topic, counterpart_name=None, follow_up=None):
    return {'id': '60000000-0000-4000-8000-%012d' % n, 'organization': ORG, 'date': date,
            'place': '办公室', 'initiator': initiator, 'counterpart': counterpart,
            'counterpart_name': counterpart_name, 'form': 'in_person', 'kind': kind,
            'topic': topic, 'points': '交流思想', 'follow_up': follow_up}


def note(n, date, kind, title, size):
    return {'id': '80000000-0000-4000-8000-%012d' % n, 'member': LI, 'date': date, 'kind': kind,
            'title': title, 'size': size, 'checked_by': '组织部', 'checked_on': '2023-12-05'}


SUPERIOR = {'name': '周明', 'post': '副部长', 'unit': '市委宣传部', 'superior': True,
            'remarks': '学习准备充分，建议结合实际深化研讨。'}


def archive():
    meetings = [
        # 李四 joined on 05-01: not expected here.
        meeting(1, 'central_group', '2023-03-10', [row(ZHANG), row(WANG)],
                title='中心组2023年第1次集体学习',
                studies=[study(1, '三月议题', ZHANG, True, T_MARCH)]),
        meeting(2, 'training', '2023-05-20', [row(ZHANG), row(LI)], title='专题培训第一期',
                hours=3.5, batch=1),
        # Leave, made up: expected, not present, made up.
        meeting(3, 'central_group', '2023-06-15',
                [row(ZHANG), row(LI, 'leave', 'sick',
                                 {'on': '2023-06-20', 'method': '自学', 'evidence': None})],
                title='中心组2023年第2次集体学习', guests=[SUPERIOR,
                {'name': '赵六', 'post': '科长', 'unit': None, 'superior': False, 'remarks': None}],
                studies=[study(2, '六月材料', ZHANG, False)]),
        meeting(4, 'party_group', '2023-07-10', [row(ZHANG), row(LI)], title='党组会议七月',
                studies=[study(3, '七月第一议题', LI, True)],
                speeches=[speech(1, LI, 'key', '把学习成果转化为工作成效', '发言要点一')]),
        meeting(5, 'training', '2023-09-05', [row(ZHANG), row(LI)], title='专题培训第二期',
                hours=2, batch=2),
        # Leave, not made up: a third training adds no hours.
        meeting(6, 'training', '2023-10-12', [row(ZHANG), row(LI, 'leave', 'personal')],
                title='专题培训第三期', hours=4, batch=3),
        meeting(7, 'central_group', '2023-11-20', [row(ZHANG, 'absent'), row(LI)],
                title='中心组2023年第3次集体学习',
                studies=[study(4, '十一月材料', LI, False)],
                speeches=[speech(2, LI, 'written', '以学促干的几点思考', '发言要点二')]),
        # Received 2023-12-31: studied on day 30 and on day 31.
        meeting(8, 'party_group', '2024-01-30', [row(ZHANG)], title='党组会议（第30天）',
                studies=[study(5, '年末议题甲', ZHANG, True, T_DAY30)]),
        meeting(9, 'party_group', '2024-01-31', [row(ZHANG)], title='党组会议（第31天）',
                studies=[study(6, '年末议题乙', ZHANG, True, T_DAY31)]),
    ]
    return {
        'format': 'study-ledger-archive', 'version': 2,
        'exported_at': '2024-02-01T08:00:00+08:00',
        'organizations': [{'id': ORG, 'name': '某某局党组', 'kind': 'party_group', 'parent': None}],
        'members': [member(ZHANG, '张三', 1, '局长', party_joined_on='1995-07-01'),
                    member(LI, '李四', 2, '副局长', joined_on='2023-05-01',
                           party_joined_on='2001-07-01'),
                    member(WANG, '王五', 3, '办公室主任', central_group=False)],
        'plans': [],
        'meetings': meetings,
        'research_topics': [{'id': '90000000-0000-4000-8000-000000000001', 'organization': ORG,
                             'year': 2023, 'lead': LI, 'title': '基层减负调研课题',
                             'status': 'in_progress', 'note': None}],
        'topics': [topic(T_MARCH, '三月议题', 'central_document', '2023-03-01'),
                   topic(T_DAY30, '年末议题甲', 'speech', '2023-12-31'),
                   topic(T_DAY31, '年末议题乙', 'instruction', '2023-12-31'),
                   topic(T_NEVER, '未学议题', 'news', '2023-06-01')],
        'talks': [talk(1, '2023-04-01', ZHANG, LI, 'on_appointment', '任前谈话主题'),
                  talk(2, '2023-08-01', LI, WANG, 'on_difficulty', '帮扶谈话主题',
                       follow_up='每月回访'),
                  talk(3, '2023-12-31', ZHANG, None, 'routine', '外单位交流', '钱七'),
                  talk(4, '2022-12-31', LI, WANG, 'routine', '上年谈话')],
        'branch_reports': [],
        'study_notes': [note(1, '2023-06-30', 'notes', '学习笔记（上半年）', '12页'),
                        note(2, '2023-10-08', 'reflection', '学习心得体会', '3000字'),
                        note(3, '2022-12-01', 'notes', '上年笔记', '5页')],
    }


# Running the program ---------------------------------------------------------

class Ledger:
    def __init__(self, folder):
        self.folder = folder
        self.db = os.path.join(folder, 'ledger.db')

    def run(self, *args, ok=True):
        result = subprocess.run([STUDY_LEDGER, '--database', self.db] + list(args),
                                cwd=self.folder, capture_output=True, text=True, timeout=120)
        if ok and result.returncode != 0:
            raise AssertionError('study-ledger %s failed (%d): %s'
                                 % (' '.join(args), result.returncode, result.stderr))
        return result

    def path(self, name):
        return os.path.join(self.folder, name)


def make_ledger(folder):
    ledger = Ledger(folder)
    with open(ledger.path('year.json'), 'w', encoding='utf-8') as f:
        json.dump(archive(), f, ensure_ascii=False)
    ledger.run('import-archive', ledger.path('year.json'))
    return ledger


def pdf_text(path, layout=False):
    args = ['pdftotext'] + (['-layout'] if layout else []) + [path, '-']
    return subprocess.run(args, capture_output=True, text=True, check=True).stdout


def pdf_pages(path):
    info = subprocess.run(['pdfinfo', path], capture_output=True, text=True, check=True).stdout
    return int(re.search(r'^Pages:\s+(\d+)', info, re.M).group(1))


def flat(text):
    """pdftotext output without white space: cells wrap anywhere."""
    return re.sub(r'\s+', '', text)


def sheet_rows(path, first_header):
    """The header row (the one that starts with @first_header) and the rows
    under it, up to the first row without a 序号."""
    sheet = openpyxl.load_workbook(path).worksheets[0]
    rows = list(sheet.iter_rows(values_only=True))
    for i, values in enumerate(rows):
        if values and values[0] == first_header:
            body = []
            for values in rows[i + 1:]:
                if not isinstance(values[0], (int, float)):
                    break
                body.append(dict(zip(rows[i], values)))
            return list(rows[i]), body
    raise AssertionError('%s: no header row starting with %s' % (path, first_header))


def day(text):
    return datetime.datetime.strptime(text, '%Y-%m-%d')


# Tests -------------------------------------------------------------------------

def test_topics_xlsx(ledger):
    out = ledger.path('topics.xlsx')
    ledger.run('export', 'topics', '--year', '2023', '--format', 'xlsx', '--output', out)
    header, rows = sheet_rows(out, '序号')
    for column in ['序号', '议题', '来源类别', '来源', '发布日期', '收到日期', '学习日期',
                   '学习会议', '间隔天数', '是否及时', '备注']:
        assert column in header, 'topics.xlsx has no column %s: %s' % (column, header)

    by_title = {r['议题']: r for r in rows}
    # Four items received in 2023, in the order received.
    assert [r['议题'] for r in rows] == ['三月议题', '未学议题', '年末议题甲', '年末议题乙'], rows

    march = by_title['三月议题']
    assert march['收到日期'] == day('2023-03-01'), march     # a date cell, not text
    assert march['学习日期'] == day('2023-03-10'), march
    assert march['间隔天数'] == 9 and isinstance(march['间隔天数'], (int, float)), march
    assert march['是否及时'] == '及时', march
    assert march['来源类别'] == '中央文件', march
    assert march['学习会议'] == '中心组2023年第1次集体学习', march

    # Received 12-31, studied 01-30: day 30, in time; 01-31: day 31, late.
    day30, day31 = by_title['年末议题甲'], by_title['年末议题乙']
    assert day30['学习日期'] == day('2024-01-30') and day30['间隔天数'] == 30, day30
    assert day30['是否及时'] == '及时', day30
    assert day31['学习日期'] == day('2024-01-31') and day31['间隔天数'] == 31, day31
    assert day31['是否及时'] == '逾期', day31

    # Never studied, due 07-01, judged today (after 2023): 逾期, no interval.
    never = by_title['未学议题']
    assert never['学习日期'] is None and never['间隔天数'] is None, never
    assert never['是否及时'] == '逾期', never


def test_topics_pdf(ledger):
    out = ledger.path('topics.pdf')
    ledger.run('export', 'topics', '--year', '2023', '--format', 'pdf', '--output', out)
    text = flat(pdf_text(out))
    assert '议题库台账' in text, text
    for words in ['是否及时', '间隔天数', '年末议题甲', '年末议题乙', '2023年12月31日',
                  '2024年1月30日', '2024年1月31日']:
        assert words in text, '%s not in the topics PDF' % words
    # The summary line counts what the rows show: two in time, one late,
    # one never studied.
    assert '收到议题4项：及时学习2项，超期学习1项，逾期未学习1项' in text, text


def test_topics_not_due(ledger):
    # An item received today is 待学习: its 30 days have not run out.
    today = datetime.date.today()
    data = archive()
    data['topics'] = [topic('40000000-0000-4000-8000-0000000000aa', '刚收到的议题', 'news',
                            today.isoformat())]
    data['meetings'] = []
    fresh = Ledger(tempfile.mkdtemp(prefix='fresh-', dir=ledger.folder))
    with open(fresh.path('year.json'), 'w', encoding='utf-8') as f:
        json.dump(data, f, ensure_ascii=False)
    fresh.run('import-archive', fresh.path('year.json'))
    out = fresh.path('topics.xlsx')
    fresh.run('export', 'topics', '--year', str(today.year), '--output', out)
    _, rows = sheet_rows(out, '序号')
    assert len(rows) == 1 and rows[0]['是否及时'] == '待学习', rows


def test_talks(ledger):
    out = ledger.path('talks.xlsx')
    ledger.run('export', 'talks', '--year', '2023', '--format', 'xlsx', '--output', out)
    header, rows = sheet_rows(out, '序号')
    assert header[:10] == ['序号', '日期', '谈话人', '谈话对象', '地点', '形式', '类别',
                           '谈话主题', '主要内容', '后续跟进'], header
    # The three talks of 2023, by date; the 2022 one is not there.
    assert [r['日期'] for r in rows] == [day('2023-04-01'), day('2023-08-01'),
                                         day('2023-12-31')], rows
    assert [r['序号'] for r in rows] == [1, 2, 3], rows
    assert (rows[0]['谈话人'], rows[0]['谈话对象'], rows[0]['类别']) == ('张三', '李四', '任前谈话')
    assert (rows[1]['谈话人'], rows[1]['谈话对象'], rows[1]['类别']) == ('李四', '王五', '谈心帮扶')
    assert rows[1]['后续跟进'] == '每月回访' and rows[1]['形式'] == '面谈', rows[1]
    assert rows[2]['谈话对象'] == '钱七', rows[2]    # not a member: the name as typed

    pdf = ledger.path('talks.pdf')
    ledger.run('export', 'talks', '--year', '2023', '--format', 'pdf', '--output', pdf)
    text = flat(pdf_text(pdf))
    for words in ['谈心谈话记录台账', '任前谈话主题', '帮扶谈话主题', '钱七', '每月回访']:
        assert words in text, '%s not in the talks PDF' % words
    assert '上年谈话' not in text


def test_member_card(ledger):
    out = ledger.path('card.pdf')
    ledger.run('export', 'member-card', '--member', LI, '--year', '2023', '--output', out)
    assert 1 <= pdf_pages(out) <= 2, pdf_pages(out)
    text = pdf_text(out, layout=True)
    words = flat(text)

    # By hand, 李四 in 2023 (joined 05-01, so not expected on 03-10):
    # expected: meetings 2, 3, 4, 5, 6, 7 = 6; present: 2, 4, 5, 7 = 4;
    # leave: 3 (made up) and 6 = 2; absent 0; made up 1;
    # attendance 4/6 = 66.7%; participation (4 + 1)/6 = 83.3%;
    # first topics led: 07-10 = 1; central-group sessions led: 11-20 = 1;
    # training hours: batch 1 3.5 + batch 2 2 = 5.5 (batch 3 on leave adds none).
    figures = re.compile(r'\b6\s+4\s+2\s+0\s+1\s+66\.7%\s+83\.3%\s+1\s+1\s+5\.5\b')
    assert figures.search(text), 'the card\'s figures are not 6 4 2 0 1 66.7% 83.3% 1 1 5.5:\n' + text

    stats = json.loads(ledger.run('stats', '--year', '2023', '--json').stdout)
    li = [m for m in stats['members'] if m['id'] == LI][0]
    assert (li['expected'], li['present'], li['leave'], li['absent'], li['made_up']) == \
        (6, 4, 2, 0, 1), li
    assert li['training_hours'] == 5.5, li
    talks = [t for t in stats['talks'] if t['member'] == LI][0]
    assert (talks['as_initiator'], talks['as_counterpart']) == (1, 1), talks

    for words_expected in ['李四', '副局长', '某某局党组', '2001年7月1日',
                           '把学习成果转化为工作成效', '以学促干的几点思考', '重点发言', '书面发言',
                           '基层减负调研课题', '任前谈话主题', '帮扶谈话主题', '第1期', '第2期', '第3期',
                           '学习笔记（上半年）', '12页', '学习心得体会', '3000字', '组织部',
                           '作为谈话人1次，作为谈话对象1次', '全年专题培训计5.5学时']:
        assert words_expected in words, '%s not on the member card' % words_expected
    for absent in ['上年笔记', '上年谈话', '三月议题']:
        assert absent not in words, '%s is not of 2023 or not 李四\'s' % absent


def test_member_card_options(ledger):
    out = ledger.path('refused.pdf')
    result = ledger.run('export', 'member-card', '--year', '2023', '--output', out, ok=False)
    assert result.returncode != 0 and '--member' in result.stderr, result.stderr
    result = ledger.run('export', 'member-card', '--member', LI, '--meeting', M_GUEST,
                        '--year', '2023', '--output', out, ok=False)
    assert result.returncode != 0 and '--meeting' in result.stderr, result.stderr
    result = ledger.run('export', 'member-card', '--member', LI, '--output', out, ok=False)
    assert result.returncode != 0 and '--year' in result.stderr, result.stderr
    result = ledger.run('export', 'member-card', '--member', LI, '--year', '2023',
                        '--format', 'xlsx', '--output', ledger.path('card.xlsx'), ok=False)
    assert result.returncode != 0 and 'pdf' in result.stderr, result.stderr
    result = ledger.run('export', 'member-card', '--member', LI.replace('2', '9'), '--year', '2023',
                        '--output', out, ok=False)
    assert result.returncode != 0 and 'member' in result.stderr, result.stderr
    result = ledger.run('export', 'talks', '--member', LI, '--year', '2023', '--output',
                        ledger.path('talks.xlsx'), ok=False)
    assert result.returncode != 0 and '--member' in result.stderr, result.stderr
    assert not os.path.exists(out)
    # Upper case names the same member (ARCHIVE.md: ids compared in lower case).
    ledger.run('export', 'member-card', '--member', LI.upper(), '--year', '2023', '--output', out)
    assert os.path.exists(out)

    help = ledger.run('--help').stdout + ledger.run('export', '--help').stdout
    for words in ['member-card', 'topics', 'talks', '--member']:
        assert words in help, '%s not in --help' % words


def test_superior_in_minutes(ledger):
    out = ledger.path('minutes.pdf')
    ledger.run('export', 'minutes', '--meeting', M_GUEST, '--output', out)
    text = flat(pdf_text(out))
    # Under 列席, with unit and post, marked as sitting in from above; the
    # ordinary guest as before.
    assert '列席：市委宣传部副部长周明（上级列席旁听）、赵六（科长）' in text, text
    # Their remarks (点评意见) are in the record.
    assert '上级点评意见' in text and '周明：学习准备充分，建议结合实际深化研讨。' in text, text


def test_superior_in_central_group_ledger(ledger):
    out = ledger.path('central.xlsx')
    ledger.run('export', 'central-group-ledger', '--year', '2023', '--output', out)
    header, rows = sheet_rows(out, '序号')
    by_date = {r['学习时间']: r for r in rows}
    row = by_date[day('2023-06-15')]
    assert '市委宣传部副部长周明（上级列席旁听）' in row['列席人员'], row
    assert '上级列席旁听：周明' in row['备注'], row
    other = by_date[day('2023-11-20')]
    assert '上级列席' not in (other['备注'] or '') + (other['列席人员'] or ''), other

    pdf = ledger.path('central.pdf')
    ledger.run('export', 'central-group-ledger', '--year', '2023', '--output', pdf)
    assert '上级列席旁听：周明' in flat(pdf_text(pdf))


def test_roster_party_joined_on(ledger):
    # 入党时间 and 入党日期 are the date one joined the Party (party_joined_on),
    # not joined_on, which bounds when a member is expected at meetings.
    fresh = Ledger(tempfile.mkdtemp(prefix='roster-', dir=ledger.folder))
    for i, (header, value) in enumerate([('入党时间', '2001-07-01'), ('入党日期', '2005年6月1日')]):
        csv = fresh.path('roster-%d.csv' % i)
        with open(csv, 'w', encoding='utf-8-sig') as f:
            f.write('姓名,职务,所属支部,%s\n成员%d,科员,第一党支部,%s\n' % (header, i, value))
        fresh.run('import-roster', csv)
    fresh.run('export-archive', fresh.path('out.json'))
    with open(fresh.path('out.json'), encoding='utf-8') as f:
        members = {m['name']: m for m in json.load(f)['members']}
    assert members['成员0'].get('party_joined_on') == '2001-07-01', members['成员0']
    assert members['成员1'].get('party_joined_on') == '2005-06-01', members['成员1']
    for m in members.values():
        assert m.get('joined_on') is None, m


TESTS = [
    test_topics_xlsx,
    test_topics_pdf,
    test_topics_not_due,
    test_talks,
    test_member_card,
    test_member_card_options,
    test_superior_in_minutes,
    test_superior_in_central_group_ledger,
    test_roster_party_joined_on,
]


def main():
    print('1..%d' % len(TESTS))
    if not STUDY_LEDGER:
        for i, test in enumerate(TESTS):
            print('ok %d %s # SKIP STUDY_LEDGER is not set' % (i + 1, test.__name__))
        return 0
    failed = 0
    for i, test in enumerate(TESTS):
        folder = tempfile.mkdtemp(prefix='test-people-exports-')
        try:
            test(make_ledger(folder))
            print('ok %d %s' % (i + 1, test.__name__))
        except Exception:
            failed += 1
            print('not ok %d %s' % (i + 1, test.__name__))
            for line in traceback.format_exc().splitlines():
                print('# ' + line)
        finally:
            shutil.rmtree(folder, ignore_errors=True)
        sys.stdout.flush()
    return 1 if failed else 0


if __name__ == '__main__':
    sys.exit(main())
