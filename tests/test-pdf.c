/* test-pdf.c — printed pages, read back by poppler
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The year of tests/data/year-2023.json in a temporary ledger, and on top
 * of it, through SlLedger, what the pages must cope with: 李昇 (a rare
 * character) joins the party group, a meeting whose record runs over
 * several pages and whose measure is longer than a landscape page, a
 * central group session with no attendance yet (its sign-in sheet comes
 * from the roster), and a plan whose text fills more than two pages.
 *
 * Every document is exported with sl_pdf_export() and read by the real
 * poppler tools (tests/lib/sl-test-pdf.h): pdfinfo (A4, orientation, pages), pdffonts (every font
 * embedded), pdftotext -layout (the words, in order) and pdftotext -bbox
 * (where the words are, in points, for the GB/T 9704 geometry and the
 * header repeated on every page of a table).
 *
 * SL_TEST_KEEP_OUTPUT=1 keeps the PDFs and prints where they are.
 */

#include "config.h"

#include <glib/gstdio.h>
#include <locale.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "sl-archive.h"
#include "sl-attendance.h"
#include "sl-document.h"
#include "sl-guest.h"
#include "sl-ledger.h"
#include "sl-ledger-tables.h"
#include "sl-measure.h"
#include "sl-meeting.h"
#include "sl-member.h"
#include "sl-organization.h"
#include "sl-pdf-export.h"
#include "sl-plan.h"
#include "sl-speech.h"
#include "sl-statistics.h"
#include "sl-study.h"
#include "sl-table.h"
#include "sl-table-pages.h"
#include "sl-test-pdf.h"
#include "sl-test-util.h"

#define MM          (72.0 / 25.4)
#define TODAY       "2023-12-31"
#define RECORD      "测试党组2023年第14次会议"
#define SESSION     "测试理论学习中心组2023年第9次集体学习"
#define PLACE       "局机关三楼第一会议室"

typedef struct
{
  char     *folder;
  SlLedger *ledger;
  char     *organization;   /* the party group */
  char     *record;         /* the meeting with the long record */
  char     *session;        /* the central group session, no attendance yet */
  gboolean  have_poppler;
} World;

static World world;

/* Export ---------------------------------------------------------------------- */

static char *
export (SlDocumentKind  kind,
        const char     *meeting)
{
  SlDocumentRequest request = { kind, 2023, NULL, meeting, TODAY };
  g_autoptr(GError) error = NULL;
  g_autofree char *name = g_strdup_printf ("%s.pdf", sl_document_kind_to_code (kind));
  char *path = g_build_filename (world.folder, name, NULL);

  g_assert_true (sl_pdf_export (world.ledger, &request, path, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_test (path, G_FILE_TEST_IS_REGULAR));

  return path;
}

static gboolean
skip_without_poppler (void)
{
  if (world.have_poppler)
    return FALSE;
  g_test_skip ("poppler-utils (pdftotext, pdffonts, pdfinfo) are not installed");
  return TRUE;
}

/* The column titles of @kind's first table, run together (header words
 * are pieces of it), and its title and subtitle. */
static char *
header_text (SlDocumentKind   kind,
             char           **caption)
{
  SlDocumentRequest request = { kind, 2023, NULL, NULL, TODAY };
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) tables = sl_ledger_tables_build (world.ledger, &request, &error);
  GString *titles = g_string_new (NULL);
  g_autoptr(SlTable) table = NULL;

  g_assert_no_error (error);
  /* The page shows grouped columns as one (应到/实到). */
  table = sl_table_join_groups (g_ptr_array_index (tables, 0));
  for (guint c = 0; c < sl_table_get_n_columns (table); c++)
    g_string_append (titles, sl_table_get_column (table, c)->title);
  *caption = g_strconcat (sl_table_get_title (table), sl_table_get_subtitle (table), NULL);

  return g_string_free (titles, FALSE);
}

/* A table: every page opens with its header (the first page with the
 * title above it), and has “第 x 页 共 y 页” at its foot. Returns the
 * number of pages. */
static guint
check_table_pages (const char     *path,
                   SlDocumentKind  kind,
                   int             landscape)
{
  g_autofree char *caption = NULL;
  g_autofree char *titles = header_text (kind, &caption);
  guint n_pages = pdf_check_pages (path, landscape);

  pdf_check_fonts (path);
  for (guint page = 1; page <= n_pages; page++)
    {
      g_autoptr(GArray) words = pdf_page_words (path, page, NULL, NULL);
      g_autofree char *text = pdf_page_text (path, page, page);
      g_autofree char *footer = g_strdup_printf ("第 %u 页 共 %u 页", page, n_pages);
      const PdfWord *first = pdf_find_word (words, "序号");

      /* Nothing above the header row's first cell but the rest of the
       * header, and on the first page the title. */
      g_assert_nonnull (first);
      for (guint i = 0; i < words->len; i++)
        {
          const PdfWord *word = &g_array_index (words, PdfWord, i);

          if (word->y0 >= first->y0 - 0.5 || strstr (titles, word->text) != NULL)
            continue;
          /* A ledger too wide for a page at 9 pt goes in bands (issue
           * 14): each band opens with the title and “（续表）”. */
          if (page == 1 || strstr (text, "（续表）") != NULL)
            {
              g_autofree char *plain = g_strdup (word->text);
              char *continued = strstr (plain, "（续表）");

              if (continued != NULL)
                *continued = '\0';
              if (*plain == '\0' || strstr (caption, plain) != NULL)
                continue;
            }
          g_error ("page %u of %s: “%s” above the header", page, path, word->text);
        }
      g_assert_true (contains_squeezed (text, footer));
    }

  return n_pages;
}

/* The world ---------------------------------------------------------------------- */

static SlMember *
find_member (const char *name)
{
  GListModel *members = sl_ledger_get_members (world.ledger);

  for (guint i = 0; i < g_list_model_get_n_items (members); i++)
    {
      g_autoptr(SlMember) member = g_list_model_get_item (members, i);

      if (g_strcmp0 (sl_member_get_name (member), name) == 0)
        return member;   /* the live list keeps it */
    }
  g_error ("no member %s", name);
}

static const char *
member_id (const char *name)
{
  return sl_record_get_id (SL_RECORD (find_member (name)));
}

static void
add_attendance (SlMeeting          *meeting,
                const char         *name,
                SlAttendanceStatus  status,
                SlLeaveKind         leave_kind,
                const char         *reason)
{
  g_autoptr(SlAttendance) row = sl_attendance_new ();

  sl_attendance_set_member (row, member_id (name));
  sl_attendance_set_status (row, status);
  sl_attendance_set_leave_kind (row, leave_kind);
  sl_attendance_set_reason (row, reason);
  g_list_store_append (G_LIST_STORE (sl_meeting_get_attendance (meeting)), row);
}

static void
add_speech (SlMeeting  *meeting,
            const char *name,
            const char *points)
{
  g_autoptr(SlSpeech) speech = sl_speech_new ();

  sl_speech_set_speaker (speech, member_id (name));
  sl_speech_set_points (speech, points);
  g_list_store_append (G_LIST_STORE (sl_meeting_get_speeches (meeting)), speech);
}

static char *
long_text (const char *sentence,
           guint       n)
{
  GString *text = g_string_new (NULL);

  for (guint i = 1; i <= n; i++)
    g_string_append_printf (text, sentence, i);
  return g_string_free (text, FALSE);
}

static void
add_record_meeting (void)
{
  g_autoptr(SlMeeting) meeting = sl_meeting_new ();
  g_autoptr(SlStudy) first = sl_study_new ();
  g_autoptr(SlStudy) second = sl_study_new ();
  g_autoptr(SlMeasure) measure = sl_measure_new ();
  g_autoptr(SlMeasure) giant = sl_measure_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *points = long_text ("第%u点，坚持以习近平新时代中国特色社会主义思想为指导，"
                                       "把学习成果转化为推动统计工作高质量发展的实际成效。", 6);
  g_autofree char *giant_text = long_text ("[%03u]逐项细化落实责任，按月调度推进，确保各项任务按期完成。", 60);
  const char *guests[][2] = {
    { "邓晓岚", "普查中心主任" }, { "韩立", "社情民意调查中心主任" },
    { "欧阳明", "办公室副主任" }, { "司马静", "机关党委专职副书记" },
  };

  world.record = g_strdup (sl_record_get_id (SL_RECORD (meeting)));
  sl_meeting_set_organization (meeting, world.organization);
  sl_meeting_set_kind (meeting, SL_MEETING_KIND_PARTY_GROUP);
  sl_meeting_set_sequence (meeting, 14);
  sl_meeting_set_title (meeting, RECORD);
  sl_meeting_set_date (meeting, "2023-12-29");
  sl_meeting_set_start (meeting, "09:00");
  sl_meeting_set_end (meeting, "11:30");
  sl_meeting_set_place (meeting, PLACE);
  sl_meeting_set_chair (meeting, member_id ("张建国"));
  sl_meeting_set_recorder (meeting, member_id ("李昇"));
  sl_meeting_set_form (meeting, SL_STUDY_FORM_COLLECTIVE_STUDY);
  sl_meeting_set_theme (meeting, "学习贯彻习近平总书记重要讲话精神");
  sl_meeting_set_chair_summary (meeting, "张建国同志作总结讲话。\n要求各科室把学习成果体现到统计数据质量上。");
  sl_meeting_set_decisions (meeting, "一、审议通过年度学习总结。\n二、研究部署明年学习计划编制工作。");

  sl_study_set_title (first, "习近平在中央经济工作会议上的重要讲话");
  sl_study_set_source (first, "新华社");
  sl_study_set_published_on (first, "2023-12-12");
  sl_study_set_lead (first, member_id ("张建国"));
  sl_study_set_first_topic (first, TRUE);
  sl_study_set_summary (first, "传达学习了中央经济工作会议精神。\n逐段学习了重要讲话全文。");
  g_list_store_append (G_LIST_STORE (sl_meeting_get_studies (meeting)), first);
  sl_study_set_title (second, "关于统计工作的重要指示");
  sl_study_set_source (second, "求是");
  sl_study_set_lead (second, member_id ("孙堃"));
  g_list_store_append (G_LIST_STORE (sl_meeting_get_studies (meeting)), second);

  add_attendance (meeting, "张建国", SL_ATTENDANCE_STATUS_PRESENT, SL_LEAVE_KIND_NONE, NULL);
  add_attendance (meeting, "孙堃", SL_ATTENDANCE_STATUS_PRESENT, SL_LEAVE_KIND_NONE, NULL);
  add_attendance (meeting, "李红梅", SL_ATTENDANCE_STATUS_ABSENT, SL_LEAVE_KIND_NONE, "未说明原因");
  add_attendance (meeting, "王喆", SL_ATTENDANCE_STATUS_PRESENT, SL_LEAVE_KIND_NONE, NULL);
  add_attendance (meeting, "赵珺", SL_ATTENDANCE_STATUS_LEAVE, SL_LEAVE_KIND_SICK, "住院治疗");
  add_attendance (meeting, "李昇", SL_ATTENDANCE_STATUS_PRESENT, SL_LEAVE_KIND_NONE, NULL);

  for (guint i = 0; i < G_N_ELEMENTS (guests); i++)
    {
      g_autoptr(SlGuest) guest = sl_guest_new ();

      sl_guest_set_name (guest, guests[i][0]);
      sl_guest_set_post (guest, guests[i][1]);
      g_list_store_append (G_LIST_STORE (sl_meeting_get_guests (meeting)), guest);
    }

  add_speech (meeting, "孙堃", points);
  add_speech (meeting, "王喆", points);
  add_speech (meeting, "李昇", points);
  add_speech (meeting, "张建国", points);

  sl_measure_set_text (measure, "制定2024年度理论学习中心组学习计划");
  sl_measure_set_owner (measure, member_id ("王喆"));
  sl_measure_set_department (measure, "办公室");
  sl_measure_set_due_on (measure, "2024-01-31");
  sl_measure_set_status (measure, SL_MEASURE_STATUS_OPEN);
  g_list_store_append (G_LIST_STORE (sl_meeting_get_measures (meeting)), measure);
  /* Taller than a landscape page in the measures ledger. */
  sl_measure_set_text (giant, giant_text);
  sl_measure_set_owner (giant, member_id ("李昇"));
  sl_measure_set_due_on (giant, "2024-03-31");
  sl_measure_set_status (giant, SL_MEASURE_STATUS_IN_PROGRESS);
  g_list_store_append (G_LIST_STORE (sl_meeting_get_measures (meeting)), giant);

  sl_ledger_save_meeting (world.ledger, meeting, SL_SAVE_REPLACE, &error);
  g_assert_no_error (error);
}

static void
add_session (void)
{
  g_autoptr(SlMeeting) meeting = sl_meeting_new ();
  g_autoptr(GError) error = NULL;

  world.session = g_strdup (sl_record_get_id (SL_RECORD (meeting)));
  sl_meeting_set_organization (meeting, world.organization);
  sl_meeting_set_kind (meeting, SL_MEETING_KIND_CENTRAL_GROUP);
  sl_meeting_set_sequence (meeting, 9);
  sl_meeting_set_title (meeting, SESSION);
  sl_meeting_set_date (meeting, "2023-12-30");
  sl_meeting_set_start (meeting, "14:30");
  sl_meeting_set_end (meeting, "17:00");
  sl_meeting_set_place (meeting, PLACE);
  sl_meeting_set_theme (meeting, "年度学习总结");
  sl_ledger_save_meeting (world.ledger, meeting, SL_SAVE_REPLACE, &error);
  g_assert_no_error (error);
}

static void
lengthen_plan (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) plans = sl_ledger_load_plans (world.ledger, 2023, &error);
  g_autoptr(GString) focus = g_string_new (NULL);
  static const char *topics[] = { "一", "二", "三", "四", "五", "六", "七", "八" };
  SlPlan *plan;

  g_assert_no_error (error);
  g_assert_cmpuint (plans->len, >=, 1);
  plan = g_ptr_array_index (plans, 0);

  for (guint i = 0; i < G_N_ELEMENTS (topics); i++)
    g_string_append_printf (focus,
                            "（%s）深入学习专题%s。坚持把学习贯彻习近平新时代中国特色社会主义思想作为"
                            "首要政治任务，全面系统学、深入思考学、联系实际学，深刻领会其核心要义、"
                            "精神实质、丰富内涵、实践要求，切实把学习成果转化为推动统计事业高质量"
                            "发展的强大动力和生动实践。\n",
                            topics[i], topics[i]);
  sl_plan_set_focus (plan, focus->str);
  sl_ledger_save_plan (world.ledger, plan, SL_SAVE_REPLACE, &error);
  g_assert_no_error (error);
}

static void
world_set_up (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *database = NULL;
  g_autofree char *fixture = g_test_build_filename (G_TEST_DIST, "data", "year-2023.json", NULL);
  g_autoptr(SlMember) member = sl_member_new ();
  GListModel *organizations;

  world.folder = g_dir_make_tmp ("test-pdf-XXXXXX", &error);
  g_assert_no_error (error);
  database = g_build_filename (world.folder, "ledger.db", NULL);
  world.ledger = sl_ledger_open (database, &error);
  g_assert_no_error (error);

  sl_archive_import (world.ledger, fixture, FALSE, NULL, &error);
  g_assert_no_error (error);

  organizations = sl_ledger_get_organizations (world.ledger);
  for (guint i = 0; i < g_list_model_get_n_items (organizations); i++)
    {
      g_autoptr(SlOrganization) organization = g_list_model_get_item (organizations, i);

      if (world.organization == NULL &&
          sl_organization_get_kind (organization) == SL_ORGANIZATION_KIND_PARTY_GROUP)
        world.organization = g_strdup (sl_record_get_id (SL_RECORD (organization)));
    }
  g_assert_nonnull (world.organization);

  sl_member_set_name (member, "李昇");
  sl_member_set_post (member, "党组成员、副局长");
  sl_member_set_organization (member, world.organization);
  sl_member_set_leadership (member, TRUE);
  sl_member_set_central_group (member, TRUE);
  sl_member_set_joined_on (member, "2023-03-01");
  sl_member_set_sort (member, 5);
  sl_ledger_save_member (world.ledger, member, &error);
  g_assert_no_error (error);

  add_record_meeting ();
  add_session ();
  lengthen_plan ();

  {
    g_autofree char *pdftotext = g_find_program_in_path ("pdftotext");
    g_autofree char *pdffonts = g_find_program_in_path ("pdffonts");
    g_autofree char *pdfinfo = g_find_program_in_path ("pdfinfo");

    world.have_poppler = pdftotext != NULL && pdffonts != NULL && pdfinfo != NULL;
  }
}

static void
world_tear_down (void)
{
  g_clear_object (&world.ledger);
  if (g_getenv ("SL_TEST_KEEP_OUTPUT") != NULL)
    g_printerr ("# PDFs kept in %s\n", world.folder);
  else
    remove_tree (world.folder);
  g_clear_pointer (&world.folder, g_free);
  g_clear_pointer (&world.organization, g_free);
  g_clear_pointer (&world.record, g_free);
  g_clear_pointer (&world.session, g_free);
}

/* Tests -------------------------------------------------------------------------- */

static void
test_first_topic_ledger (void)
{
  g_autofree char *path = NULL;
  g_autofree char *text = NULL;

  if (skip_without_poppler ())
    return;

  path = export (SL_DOCUMENT_FIRST_TOPIC_LEDGER, NULL);
  check_table_pages (path, SL_DOCUMENT_FIRST_TOPIC_LEDGER, 1);
  text = pdf_all_text (path);
  assert_in_order (text, "2023年第一议题学习台账", "序号", "2023年1月16日", "2023年12月29日", NULL);
  g_assert_true (contains_squeezed (text, "第 1 页 共"));
}

static void
test_central_group_ledger (void)
{
  g_autofree char *path = NULL;
  g_autofree char *text = NULL;

  if (skip_without_poppler ())
    return;

  path = export (SL_DOCUMENT_CENTRAL_GROUP_LEDGER, NULL);
  check_table_pages (path, SL_DOCUMENT_CENTRAL_GROUP_LEDGER, -1);
  text = pdf_all_text (path);
  g_assert_nonnull (strstr (text, "理论学习中心组学习台账"));
  g_assert_true (contains_squeezed (text, "第 1 页 共"));
}

/* Thirty meetings make several landscape pages: the header opens each, and
 * a row is on one page whole. */
static void
test_meetings_ledger (void)
{
  g_autofree char *path = NULL;
  g_autofree char *text = NULL;
  guint n_pages;

  if (skip_without_poppler ())
    return;

  path = export (SL_DOCUMENT_MEETINGS_LEDGER, NULL);
  n_pages = check_table_pages (path, SL_DOCUMENT_MEETINGS_LEDGER, 1);
  g_assert_cmpuint (n_pages, >=, 2);

  text = pdf_all_text (path);
  assert_in_order (text, "会议学习台账", "2023年1月16日", "2023年12月29日", "2023年12月30日", NULL);

  /* Every row once, in order: its number opens the line of its date. */
  {
    g_autoptr(GRegex) row = g_regex_new ("^ *([0-9]+) +2023年", G_REGEX_MULTILINE, 0, NULL);
    g_autoptr(GMatchInfo) match = NULL;
    guint expected = 1;

    g_regex_match (row, text, 0, &match);
    while (g_match_info_matches (match))
      {
        g_autofree char *number = g_match_info_fetch (match, 1);

        g_assert_cmpint (atoi (number), ==, expected);
        expected++;
        g_match_info_next (match, NULL);
      }
    g_assert_cmpuint (expected, >, 28);
  }
}

static void
test_attendance (void)
{
  g_autofree char *path = NULL;
  g_autofree char *text = NULL;

  if (skip_without_poppler ())
    return;

  path = export (SL_DOCUMENT_ATTENDANCE, NULL);
  check_table_pages (path, SL_DOCUMENT_ATTENDANCE, -1);
  text = pdf_all_text (path);
  /* The rare characters come back as they went in. */
  g_assert_nonnull (strstr (text, "孙堃"));
  g_assert_nonnull (strstr (text, "王喆"));
  g_assert_nonnull (strstr (text, "李昇"));
  g_assert_nonnull (strstr (text, "赵珺"));
  g_assert_nonnull (strstr (text, "何玥"));
  g_assert_nonnull (strstr (text, "冯彧"));
  g_assert_nonnull (strstr (text, "学习出勤统计表"));
  g_assert_true (contains_squeezed (text, "第 1 页 共"));
}

/* The giant measure: longer than a page, it goes on under the header of
 * the next pages, every sentence exactly once and in order. */
static void
test_measures (void)
{
  g_autofree char *path = NULL;
  g_autofree char *text = NULL;
  const char *position;
  guint first_page = 0, last_page = 0, n_pages;

  if (skip_without_poppler ())
    return;

  path = export (SL_DOCUMENT_MEASURES, NULL);
  n_pages = check_table_pages (path, SL_DOCUMENT_MEASURES, 1);
  text = pdf_all_text (path);
  assert_in_order (text, "贯彻落实措施跟踪表", "2023年12月29日", "2024年1月31日", NULL);

  position = text;
  for (guint i = 1; i <= 60; i++)
    {
      g_autofree char *sentence = g_strdup_printf ("[%03u]", i);
      const char *found = strstr (position, sentence);

      g_assert_nonnull (found);
      g_assert_cmpuint (count_occurrences (text, sentence), ==, 1);
      position = found;
    }

  for (guint page = 1; page <= n_pages; page++)
    {
      g_autofree char *one = pdf_page_text (path, page, page);

      if (strstr (one, "[001]") != NULL)
        first_page = page;
      if (strstr (one, "[060]") != NULL)
        last_page = page;
    }
  g_assert_cmpuint (first_page, >, 0);
  g_assert_cmpuint (last_page, >, first_page);
}

static void
test_minutes (void)
{
  g_autofree char *path = NULL;
  g_autofree char *text = NULL;
  g_autoptr(GArray) words = NULL;
  guint n_pages;

  if (skip_without_poppler ())
    return;

  path = export (SL_DOCUMENT_MINUTES, world.record);
  n_pages = pdf_check_pages (path, 0);
  pdf_check_fonts (path);
  g_assert_cmpuint (n_pages, >=, 2);

  text = pdf_all_text (path);
  /* Titled “{unit}{meeting title}记录” (issue 14), over two lines. */
  {
    g_auto(GStrv) lines = g_strsplit (text, "\n", -1);
    g_autofree char *joined = g_strjoinv ("", lines);

    g_assert_true (contains_squeezed (joined, "中共临江市统计局党组" RECORD "记录"));
  }
  assert_in_order (text, "时间：2023年12月29日 9:00—11:30",
                   "地点：" PLACE, "主持人：张建国", "记录人：李昇",
                   "出席：张建国、孙堃、王喆、李昇",
                   "请假：赵珺（病假：住院治疗）",
                   "缺席：李红梅（未说明原因）",
                   "列席：邓晓岚（普查中心主任）",
                   "学习内容", "【第一议题】", "习近平在中央经济工作会议上的重要讲话",
                   "2023年12月12日", "传达学习情况", "传达学习了中央经济工作会议精神",
                   "研讨发言", "孙堃：第1点", "王喆：第1点", "李昇：第1点", "张建国：第1点",
                   "主持人总结", "议定事项", "落实措施", "责任人：王喆",
                   "主持人（签字）", "记录人（签字）", NULL);
  g_assert_true (contains_squeezed (text, "第 1 页 共"));

  /* The 列席 names run over a line: the second starts under the first
   * name, after the colon, not under the label. */
  words = pdf_page_words (path, 1, NULL, NULL);
  {
    const PdfWord *label = pdf_find_word (words, "列席");
    const PdfWord *next = NULL;

    g_assert_nonnull (label);
    for (guint i = 0; i < words->len; i++)
      {
        const PdfWord *word = &g_array_index (words, PdfWord, i);

        if (word->y0 > label->y1 - 1 && (next == NULL || word->y0 < next->y0))
          next = word;
      }
    g_assert_nonnull (next);
    /* “列席：” is three characters of 14 pt */
    g_assert_cmpfloat_with_epsilon (next->x0, label->x0 + 3 * 14, 1.5);
  }
}

static void
test_sign_in (void)
{
  g_autofree char *path = NULL;
  g_autofree char *text = NULL;
  g_autoptr(GPtrArray) tables = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *expected = NULL;
  SlDocumentRequest request = { SL_DOCUMENT_SIGN_IN, 2023, NULL, NULL, TODAY };
  SlTable *table;
  const char *position;
  guint n_rows;

  if (skip_without_poppler ())
    return;

  path = export (SL_DOCUMENT_SIGN_IN, world.session);
  pdf_check_pages (path, 0);
  pdf_check_fonts (path);
  text = pdf_all_text (path);

  request.meeting = world.session;
  tables = sl_ledger_tables_build (world.ledger, &request, &error);
  g_assert_no_error (error);
  table = g_ptr_array_index (tables, 0);
  n_rows = sl_table_get_n_rows (table);
  g_assert_cmpuint (n_rows, >, 0);

  assert_in_order (text, SESSION "签到表", "时间：", "地点：" PLACE, "主题：年度学习总结",
                   "序号", "姓名", "职务", "签名", "备注", NULL);
  /* Pre-printed names, in the roster's order. */
  position = text;
  for (guint row = 0; row < n_rows; row++)
    {
      g_autofree char *name = sl_cell_format (sl_table_get_cell (table, row, 1));

      position = strstr (position, name);
      g_assert_nonnull (position);
    }
  g_assert_nonnull (strstr (text, "李昇"));
  /* 应到 counts the members; guests (列席) and blank rows follow them. */
  expected = g_strdup_printf ("应到 %u 人",
                              GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (table),
                                                                   SL_SIGN_IN_EXPECTED_KEY)));
  g_assert_cmpuint (GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (table), SL_SIGN_IN_EXPECTED_KEY)),
                    >, 0);
  g_assert_true (contains_squeezed (text, expected));
  assert_in_order (text, "实到", "请假", "缺席", "记录人签字：", NULL);
}

static int
compare_tops (gconstpointer a,
              gconstpointer b)
{
  double x = ((const PdfWord *) a)->y0, y = ((const PdfWord *) b)->y0;

  return x < y ? -1 : x > y;
}

static gboolean
is_page_number (const PdfWord *word)
{
  return g_str_equal (word->text, "—") || g_ascii_isdigit (word->text[0]);
}

/* GB/T 9704-2012: type area 37 mm from the top, 28 mm from the left, 156
 * mm wide; 22 lines a page; “— n —” 7 mm under it, odd right, even left. */
static void
test_plan (void)
{
  g_autofree char *path = NULL;
  g_autofree char *text = NULL;
  g_autofree char *first = NULL;
  g_autofree char *second = NULL;
  g_autoptr(GArray) words = NULL;
  g_autoptr(GArray) lines = g_array_new (FALSE, FALSE, sizeof (PdfWord));
  double width, height, left = G_MAXDOUBLE, right = 0, top = G_MAXDOUBLE;
  guint n_pages;
  const PdfWord *number = NULL;

  if (skip_without_poppler ())
    return;

  path = export (SL_DOCUMENT_PLAN, NULL);
  n_pages = pdf_check_pages (path, -1);
  pdf_check_fonts (path);
  g_assert_cmpuint (n_pages, >=, 3);

  text = pdf_all_text (path);
  assert_in_order (text, "学习计划", "一、指导思想", "二、学习重点", "（一）深入学习专题一",
                   "（八）深入学习专题八", "三、学习形式", "四、学习要求", "安排表", "序号", NULL);

  first = pdf_page_text (path, 1, 1);
  second = pdf_page_text (path, 2, 2);
  g_assert_true (contains_squeezed (first, "— 1 —"));
  g_assert_true (contains_squeezed (second, "— 2 —"));

  /* Page 2 is full of body text. */
  words = pdf_page_words (path, 2, &width, &height);
  g_assert_cmpfloat_with_epsilon (width, 595.28, 0.5);
  for (guint i = 0; i < words->len; i++)
    {
      const PdfWord *word = &g_array_index (words, PdfWord, i);
      gboolean known = FALSE;

      if (word->y0 > height - 35 * MM)
        {
          /* Under the type area: only the page number. */
          g_assert_true (is_page_number (word));
          if (g_str_equal (word->text, "2"))
            number = word;
          continue;
        }

      left = MIN (left, word->x0);
      right = MAX (right, word->x1);
      /* A word's box hangs from its face's ascent, and a line may mix
       * faces (“（一）” headings in 楷体): the widest word, the body text,
       * stands for its line. */
      for (guint j = 0; j < lines->len; j++)
        {
          PdfWord *line = &g_array_index (lines, PdfWord, j);

          if (fabs (line->y0 - word->y0) < 5)
            {
              if (word->x1 - word->x0 > line->x1 - line->x0)
                *line = (PdfWord) { word->x0, word->y0, word->x1, word->y1, NULL };
              known = TRUE;
            }
        }
      if (!known)
        {
          PdfWord line = { word->x0, word->y0, word->x1, word->y1, NULL };
          g_array_append_val (lines, line);
        }
    }
  g_array_sort (lines, compare_tops);
  top = g_array_index (lines, PdfWord, 0).y0;

  g_assert_cmpfloat_with_epsilon (left, 28 * MM, 1 * MM);
  g_assert_cmpfloat_with_epsilon (top, 37 * MM, 1 * MM);
  g_assert_cmpfloat_with_epsilon (right, (28 + 156) * MM, 1 * MM);
  g_assert_cmpuint (lines->len, ==, 22);
  /* The lines are on a grid of 225 mm / 22. */
  for (guint j = 1; j < lines->len; j++)
    g_assert_cmpfloat_with_epsilon (g_array_index (lines, PdfWord, j).y0,
                                    37 * MM + j * 225 * MM / 22, 1 * MM);

  /* An even page: its number on the left, 7 mm under the type area. */
  g_assert_nonnull (number);
  g_assert_cmpfloat (number->x1, <, width / 2);
  g_assert_cmpfloat_with_epsilon (number->y0, height - 35 * MM + 7 * MM, 1 * MM);
  g_clear_pointer (&words, g_array_unref);

  /* An odd page: on the right. */
  words = pdf_page_words (path, 1, &width, &height);
  number = NULL;
  for (guint i = 0; i < words->len; i++)
    if (g_str_equal (g_array_index (words, PdfWord, i).text, "1"))
      number = &g_array_index (words, PdfWord, i);
  g_assert_nonnull (number);
  g_assert_cmpfloat (number->x0, >, width / 2);
}

static void
test_annual_report (void)
{
  g_autofree char *path = NULL;
  g_autofree char *text = NULL;
  g_autofree char *meetings = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(SlStatistics) stats = NULL;

  if (skip_without_poppler ())
    return;

  path = export (SL_DOCUMENT_ANNUAL_REPORT, NULL);
  pdf_check_pages (path, 0);
  pdf_check_fonts (path);
  text = pdf_all_text (path);

  stats = sl_statistics_compute (sl_ledger_get_database (world.ledger), 2023, NULL, TODAY, &error);
  g_assert_no_error (error);
  meetings = g_strdup_printf ("全年共召开各类会议%u次", stats->meetings_total);

  assert_in_order (text, "2023年度学习情况统计", "一、主要数据", meetings,
                   "二、每月会议开展情况", "1月", "12月", "党组会议",
                   "三、成员出席率", "孙堃", "王喆", "赵珺",
                   "四、", "五、", "六、", "七、", NULL);
  g_assert_nonnull (strstr (text, "李昇"));
  g_assert_true (contains_squeezed (text, "第 1 页 共"));
}

/* cairo's errors reach the caller: a folder that is not there, and a disk
 * that fills up while the file is written. */
static void
test_write_errors (void)
{
  SlDocumentRequest request = { SL_DOCUMENT_MINUTES, 2023, NULL, NULL, TODAY };
  g_autoptr(GError) error = NULL;

  request.meeting = world.record;
  g_assert_false (sl_pdf_export (world.ledger, &request, "/nonexistent-folder/minutes.pdf", &error));
  g_assert_error (error, SL_DOCUMENT_ERROR, SL_DOCUMENT_ERROR_WRITE);
  g_clear_error (&error);

  if (g_file_test ("/dev/full", G_FILE_TEST_EXISTS))
    {
      g_assert_false (sl_pdf_export (world.ledger, &request, "/dev/full", &error));
      g_assert_error (error, SL_DOCUMENT_ERROR, SL_DOCUMENT_ERROR_WRITE);
      g_clear_error (&error);
    }

  request.meeting = "00000000-0000-4000-8000-000000000000";
  g_assert_false (sl_pdf_export (world.ledger, &request, "/dev/null", &error));
  g_assert_error (error, SL_DOCUMENT_ERROR, SL_DOCUMENT_ERROR_NOT_FOUND);
}

/* The door the command line and the window use. */
static void
test_document_export (void)
{
  SlDocumentRequest request = { SL_DOCUMENT_SIGN_IN, 2023, NULL, NULL, TODAY };
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_build_filename (world.folder, "via-document.pdf", NULL);
  g_autofree char *text = NULL;

  if (skip_without_poppler ())
    return;

  request.meeting = world.session;
  g_assert_true (sl_document_export (world.ledger, &request, SL_DOCUMENT_FORMAT_PDF, path, &error));
  g_assert_no_error (error);
  pdf_check_pages (path, 0);
  text = pdf_all_text (path);
  g_assert_nonnull (strstr (text, SESSION "签到表"));
}

/* A matrix too wide for a page even in the smallest type goes in bands
 * of columns, each with the key columns, the last with the notes; one
 * that fits stays whole. */
static void
test_bands (void)
{
  g_autoptr(SlTable) wide = sl_table_new ("出勤统计表");
  g_autoptr(SlTable) band = NULL;
  g_autoptr(GPtrArray) tables = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(SlTablePages) pages = NULL;
  g_autoptr(GObject) context = NULL;
  guint n_pages;

  sl_table_add_column (wide, "序号", 2, FALSE);
  sl_table_add_column (wide, "姓名", 4, FALSE);
  for (guint c = 0; c < 200; c++)
    {
      g_autofree char *header = g_strdup_printf ("%u月%u日\n小组会", c / 28 + 1, c % 28 + 1);
      sl_table_add_column (wide, header, 4, FALSE);
    }
  sl_table_add_column (wide, "出席率", 4, FALSE);
  sl_table_set_key_columns (wide, 2);
  sl_table_add_note (wide, "说明：出＝出席。");
  for (guint r = 0; r < 30; r++)
    {
      sl_table_begin_row (wide);
      sl_table_add_number (wide, r + 1);
      sl_table_add_text (wide, r == 0 ? "孙堃" : "王喆");
      for (guint c = 0; c < 200; c++)
        sl_table_add_text (wide, "出");
      sl_table_add_alert (wide, "75.0%");
    }

  /* A band: the key columns, then the columns asked for, every row. */
  band = sl_table_new_band (wide, 202, 1, TRUE);
  g_assert_cmpstr (sl_table_get_title (band), ==, "出勤统计表（续表）");
  g_assert_cmpuint (sl_table_get_n_columns (band), ==, 3);
  g_assert_cmpuint (sl_table_get_key_columns (band), ==, 2);
  g_assert_cmpuint (sl_table_get_n_rows (band), ==, 30);
  g_assert_cmpstr (sl_table_get_column (band, 1)->title, ==, "姓名");
  g_assert_cmpstr (sl_table_get_cell (band, 0, 1)->text, ==, "孙堃");
  g_assert_cmpstr (sl_table_get_cell (band, 29, 2)->text, ==, "75.0%");
  g_assert_true (sl_table_get_cell (band, 29, 2)->alert);
  g_assert_cmpstr (sl_table_get_notes (band)[0], ==, "说明：出＝出席。");
  g_clear_object (&band);
  band = sl_table_new_band (wide, 2, 10, FALSE);
  g_assert_cmpstr (sl_table_get_title (band), ==, "出勤统计表");
  g_assert_null (sl_table_get_notes (band)[0]);

  /* Laid out: thirty rows take two pages at 9 pt (no smaller type for a
   * matrix since issue 14), and each band takes two; whole, they took
   * one page. */
  g_ptr_array_add (tables, g_object_ref (wide));
  pages = sl_table_pages_new (tables);
  context = G_OBJECT (pango_font_map_create_context (pango_cairo_font_map_get_default ()));
  n_pages = sl_page_renderer_layout (SL_PAGE_RENDERER (pages), PANGO_CONTEXT (context),
                                     SL_PAGE_A4_WIDTH, SL_PAGE_A4_HEIGHT);
  g_assert_cmpuint (n_pages, >=, 4);
  g_assert_cmpuint (n_pages, <=, 40);
}

int
main (int    argc,
      char **argv)
{
  int status;

  /* Messages about Chinese text must be readable in any test runner. */
  setlocale (LC_ALL, "C.UTF-8");
  g_test_init (&argc, &argv, NULL);
  world_set_up ();

  g_test_add_func ("/pdf/bands", test_bands);
  g_test_add_func ("/pdf/first-topic-ledger", test_first_topic_ledger);
  g_test_add_func ("/pdf/central-group-ledger", test_central_group_ledger);
  g_test_add_func ("/pdf/meetings-ledger", test_meetings_ledger);
  g_test_add_func ("/pdf/attendance", test_attendance);
  g_test_add_func ("/pdf/measures", test_measures);
  g_test_add_func ("/pdf/minutes", test_minutes);
  g_test_add_func ("/pdf/sign-in", test_sign_in);
  g_test_add_func ("/pdf/plan", test_plan);
  g_test_add_func ("/pdf/annual-report", test_annual_report);
  g_test_add_func ("/pdf/write-errors", test_write_errors);
  g_test_add_func ("/pdf/document-export", test_document_export);

  status = g_test_run ();
  world_tear_down ();
  return status;
}
