/* test-plan-documents.c — the session plan, the plan as issued, its progress, the fonts
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The year of tests/data/year-2023.json in a temporary ledger; on top of
 * it, through SlLedger, the 学习方案 of the year's third central-group
 * session (研讨题目, 重点发言 with titles, 学习时长, approved) and the plan's
 * 发文机关署名 and 成文日期. Every document is written by the real
 * study-ledger ($STUDY_LEDGER) and read back by real readers: pdftotext
 * (-layout for the words, -bbox for where they are), pdfinfo (pages and
 * their orientation), pdffonts (the faces embedded), and openpyxl under
 * Debian's /usr/bin/python3 for the spreadsheet.
 *
 * The commercial-font path: a private fontconfig file (FONTCONFIG_FILE)
 * renames, as fontconfig scans it, a face of the installed AR PL UKai to
 * “FangSong”, as a secretary's copied 仿宋 would be found; the export must
 * then use it for the body and not call 仿宋_GB2312 missing.
 *
 * SL_TEST_KEEP_OUTPUT=1 keeps the files and prints where they are.
 */

#include "config.h"

#include <glib/gstdio.h>
#include <locale.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include "sl-archive.h"
#include "sl-guest.h"
#include "sl-ledger.h"
#include "sl-meeting.h"
#include "sl-member.h"
#include "sl-plan.h"
#include "sl-record.h"
#include "sl-session-plan.h"
#include "sl-test-pdf.h"
#include "sl-test-util.h"

#define MM        (72.0 / 25.4)
#define TODAY     "2023-11-20"
#define TODAY_CN  "2023年11月20日"
#define PYTHON    "/usr/bin/python3"
#define ISSUER    "中共临江市统计局党组"
#define UNIT      "中共临江市统计局党组"

typedef struct
{
  char     *folder;
  char     *database;
  SlLedger *ledger;
  char     *third;        /* the third central-group session, with a plan */
  char     *fourth;       /* the fourth, without one */
  char     *party_group;  /* a party-group meeting */
  gboolean  have_tools;
} World;

static World world;

/* Running things ------------------------------------------------------------- */

/* @argv's program with SL_TODAY fixed and @fontconfig (or nothing) as
 * FONTCONFIG_FILE; returns the exit status, with stdout and stderr. */
static int
run_with (const char          *fontconfig,
          const char * const  *argv,
          char               **out,
          char               **err)
{
  g_auto(GStrv) envp = g_get_environ ();
  int status;

  envp = g_environ_setenv (envp, "SL_TODAY", TODAY, TRUE);
  if (fontconfig != NULL)
    envp = g_environ_setenv (envp, "FONTCONFIG_FILE", fontconfig, TRUE);

  status = spawn_captured (world.folder, envp, NULL, argv, out, err);
  return g_spawn_check_wait_status (status, NULL) ? 0 : (WIFEXITED (status) ? WEXITSTATUS (status) : -1);
}

static char *
tool (const char *program,
      ...)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autofree char *err = NULL;
  g_autofree char *found = g_find_program_in_path (program);
  char *out = NULL;
  const char *arg;
  va_list args;

  if (found == NULL)
    g_error ("%s is not installed", program);
  g_ptr_array_add (argv, found);
  va_start (args, program);
  while ((arg = va_arg (args, const char *)) != NULL)
    g_ptr_array_add (argv, (char *) arg);
  va_end (args);
  g_ptr_array_add (argv, NULL);

  if (run_with (NULL, (const char * const *) argv->pdata, &out, &err) != 0)
    g_error ("%s failed: %s", program, err);
  return out;
}

/* study-ledger --database LEDGER export ARGS... --output NAME: the path
 * written, and the export's stderr in @err. */
static char *
export_with (const char  *fontconfig,
             const char  *name,
             char       **err,
             ...)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autofree char *out = NULL;
  g_autofree char *local_err = NULL;
  char *path = g_build_filename (world.folder, name, NULL);
  const char *arg;
  va_list args;

  g_ptr_array_add (argv, (char *) cli_path ());
  g_ptr_array_add (argv, "--database");
  g_ptr_array_add (argv, world.database);
  g_ptr_array_add (argv, "export");
  va_start (args, err);
  while ((arg = va_arg (args, const char *)) != NULL)
    g_ptr_array_add (argv, (char *) arg);
  va_end (args);
  g_ptr_array_add (argv, "--output");
  g_ptr_array_add (argv, path);
  g_ptr_array_add (argv, NULL);

  if (run_with (fontconfig, (const char * const *) argv->pdata, &out, &local_err) != 0)
    g_error ("export %s failed: %s", name, local_err);
  g_assert_true (g_file_test (path, G_FILE_TEST_IS_REGULAR));
  if (err != NULL)
    *err = g_steal_pointer (&local_err);
  return path;
}

/* Text without the spaces and line breaks pdftotext puts in by its own
 * measure (a title set on two lines is still one title). */
static char *
squeeze (const char *text)
{
  GString *squeezed = g_string_new (NULL);

  for (const char *p = text; *p != '\0'; p++)
    if (*p != ' ' && *p != '\n' && *p != '\f')
      g_string_append_c (squeezed, *p);
  return g_string_free (squeezed, FALSE);
}

static guint
n_pages (const char *path)
{
  g_autofree char *info = tool ("pdfinfo", path, NULL);
  const char *pages = strstr (info, "Pages:");

  g_assert_nonnull (pages);
  return atoi (pages + strlen ("Pages:"));
}

/* Whether page @page (from 1) is landscape A4; fails unless it is A4. */
static gboolean
page_is_landscape (const char *path,
                   guint       page)
{
  g_autofree char *number = g_strdup_printf ("%u", page);
  g_autofree char *info = tool ("pdfinfo", "-f", number, "-l", number, path, NULL);
  const char *size = strstr (info, "size:");
  double width, height;

  g_assert_nonnull (size);
  g_assert_cmpint (sscanf (size, "size: %lf x %lf", &width, &height), ==, 2);
  g_assert_cmpfloat_with_epsilon (MAX (width, height), 841.89, 0.5);
  g_assert_cmpfloat_with_epsilon (MIN (width, height), 595.28, 0.5);
  return width > height;
}

/* The words of the line on which a word equal to @text stands, joined:
 * its left and right ends. */
static gboolean
find_line (GArray     *words,
           const char *text,
           double     *x0,
           double     *x1)
{
  const PdfWord *anchor = NULL;

  for (guint i = 0; i < words->len && anchor == NULL; i++)
    if (g_str_equal (g_array_index (words, PdfWord, i).text, text))
      anchor = &g_array_index (words, PdfWord, i);
  if (anchor == NULL)
    return FALSE;

  *x0 = anchor->x0;
  *x1 = anchor->x1;
  for (guint i = 0; i < words->len; i++)
    {
      const PdfWord *word = &g_array_index (words, PdfWord, i);

      if (fabs ((word->y0 + word->y1) / 2 - (anchor->y0 + anchor->y1) / 2) < 3)
        {
          *x0 = MIN (*x0, word->x0);
          *x1 = MAX (*x1, word->x1);
        }
    }
  return TRUE;
}

/* The world ------------------------------------------------------------------- */

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

static void
add_session_plan (SlMeeting *meeting)
{
  g_autoptr(SlSessionPlan) plan = sl_session_plan_new ();
  const char *topics[] = { "如何把主题教育成果转化为统计工作实效", "如何坚决防治统计造假", NULL };
  g_autoptr(GError) error = NULL;

  sl_session_plan_set_topics (plan, topics);
  sl_session_plan_add_speech (plan, sl_record_get_id (SL_RECORD (find_member ("孙堃"))),
                              "以学促干提升统计数据质量");
  sl_session_plan_add_speech (plan, sl_record_get_id (SL_RECORD (find_member ("陈静"))),
                              "坚决扛起防治统计造假政治责任");
  sl_session_plan_set_approved_by (plan, "张建国");
  sl_session_plan_set_approved_on (plan, "2023-04-24");
  sl_meeting_set_session_plan (meeting, plan);
  sl_meeting_set_hours (meeting, 6.5);
  sl_ledger_save_meeting (world.ledger, meeting, SL_SAVE_REPLACE, &error);
  g_assert_no_error (error);
}

static void
world_set_up (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *fixture = g_test_build_filename (G_TEST_DIST, "data", "year-2023.json", NULL);
  g_autoptr(GPtrArray) meetings = NULL;
  guint n_sessions = 0;

  world.folder = g_dir_make_tmp ("test-plan-documents-XXXXXX", &error);
  g_assert_no_error (error);
  world.database = g_build_filename (world.folder, "ledger.db", NULL);
  world.ledger = sl_ledger_open (world.database, &error);
  g_assert_no_error (error);
  sl_archive_import (world.ledger, fixture, FALSE, NULL, &error);
  g_assert_no_error (error);

  /* Loaded in date order. */
  meetings = sl_ledger_load_meetings (world.ledger, 2023, NULL, TRUE, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < meetings->len; i++)
    {
      SlMeeting *meeting = g_ptr_array_index (meetings, i);

      if (sl_meeting_get_kind (meeting) == SL_MEETING_KIND_PARTY_GROUP && world.party_group == NULL)
        world.party_group = g_strdup (sl_record_get_id (SL_RECORD (meeting)));
      if (sl_meeting_get_kind (meeting) != SL_MEETING_KIND_CENTRAL_GROUP)
        continue;
      n_sessions++;
      if (n_sessions == 3)
        {
          g_assert_cmpstr (sl_meeting_get_date (meeting), ==, "2023-04-27");
          world.third = g_strdup (sl_record_get_id (SL_RECORD (meeting)));
          add_session_plan (meeting);
        }
      else if (n_sessions == 4)
        world.fourth = g_strdup (sl_record_get_id (SL_RECORD (meeting)));
    }
  g_assert_nonnull (world.third);
  g_assert_nonnull (world.fourth);
  g_assert_nonnull (world.party_group);

  {
    g_autofree char *pdftotext = g_find_program_in_path ("pdftotext");
    g_autofree char *pdfinfo = g_find_program_in_path ("pdfinfo");
    g_autofree char *pdffonts = g_find_program_in_path ("pdffonts");

    world.have_tools = pdftotext != NULL && pdfinfo != NULL && pdffonts != NULL &&
                       cli_path () != NULL;
  }
}

static void
world_tear_down (void)
{
  g_clear_object (&world.ledger);
  if (g_getenv ("SL_TEST_KEEP_OUTPUT") != NULL)
    g_printerr ("# files kept in %s\n", world.folder);
  else
    remove_tree (world.folder);
  g_clear_pointer (&world.folder, g_free);
  g_clear_pointer (&world.database, g_free);
  g_clear_pointer (&world.third, g_free);
  g_clear_pointer (&world.fourth, g_free);
  g_clear_pointer (&world.party_group, g_free);
}

static gboolean
skip_without_tools (void)
{
  if (world.have_tools)
    return FALSE;
  g_test_skip ("poppler-utils or $STUDY_LEDGER missing");
  return TRUE;
}

static void
set_issuer (const char *issuer,
            const char *issued_on)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) plans = sl_ledger_load_plans (world.ledger, 2023, &error);
  SlPlan *plan;

  g_assert_no_error (error);
  g_assert_cmpuint (plans->len, ==, 1);
  plan = g_ptr_array_index (plans, 0);
  sl_plan_set_issuer (plan, issuer);
  sl_plan_set_issued_on (plan, issued_on);
  sl_ledger_save_plan (world.ledger, plan, SL_SAVE_REPLACE, &error);
  g_assert_no_error (error);
}

/* Tests ---------------------------------------------------------------------- */

/* 学习方案: title with its number, every part in order, the approval
 * line filled in; A4 portrait, “— N —” on every page. */
static void
test_session_plan_approved (void)
{
  g_autofree char *path = NULL;
  g_autofree char *text = NULL;
  g_autofree char *flat = NULL;
  guint pages;

  if (skip_without_tools ())
    return;

  path = export_with (NULL, "session-plan.pdf", NULL, "session-plan", "--meeting", world.third, NULL);
  pages = n_pages (path);
  text = tool ("pdftotext", "-layout", path, "-", NULL);
  flat = squeeze (text);

  assert_in_order (flat,
                   UNIT "理论学习中心组2023年第3次集体学习方案",
                   "学习主题", "主题教育读书班：研读《习近平著作选读》",
                   "时间地点", "2023年4月27日", "8:30—17:30",
                   "参加范围", "理论学习中心组成员", "张建国", "列席：", "宁小川",
                   "学习篇目", "1．《", "出处：", "2．《",
                   "议程", "领学", "重点发言",
                   "孙堃：以学促干提升统计数据质量", "陈静：坚决扛起防治统计造假政治责任",
                   "研讨题目", "如何把主题教育成果转化为统计工作实效", "如何坚决防治统计造假",
                   "学习时长", "6.5小时",
                   "学习要求",
                   "组长审定：张建国", "日期：2023年4月24日", NULL);
  g_assert_null (strstr (flat, "__"));
  g_assert_null (strstr (flat, TODAY_CN));

  for (guint page = 1; page <= pages; page++)
    {
      g_autofree char *one = pdf_page_text (path, page, page);
      g_autofree char *squeezed = squeeze (one);
      g_autofree char *number = g_strdup_printf ("—%u—", page);

      g_assert_false (page_is_landscape (path, page));
      g_assert_nonnull (strstr (squeezed, number));
    }
}

/* Without an approval the line is there to be signed, blanks and all. */
static void
test_session_plan_unapproved (void)
{
  g_autofree char *path = NULL;
  g_autofree char *text = NULL;
  g_autofree char *flat = NULL;

  if (skip_without_tools ())
    return;

  path = export_with (NULL, "session-plan-4.pdf", NULL, "session-plan", "--meeting", world.fourth,
                      NULL);
  text = tool ("pdftotext", "-layout", path, "-", NULL);
  flat = squeeze (text);

  assert_in_order (flat, UNIT "理论学习中心组2023年第4次集体学习方案", "学习主题", "时间地点",
                   "参加范围", "学习篇目", "学习要求", "组长审定：__", "日期：__", NULL);
  /* Nothing after 日期 but blanks: no date is made up. */
  g_assert_true (g_regex_match_simple ("日期：_+(—|$)", flat, 0, 0));
}

/* A meeting that is not a central-group session has no 学习方案: refused
 * in one line, nothing written. */
static void
test_session_plan_refused (void)
{
  g_autofree char *path = g_build_filename (world.folder, "refused.pdf", NULL);
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  const char *argv[] = { cli_path (), "--database", world.database, "export", "session-plan",
                         "--meeting", world.party_group, "--output", path, NULL };
  const char *xlsx[] = { cli_path (), "--database", world.database, "export", "session-plan",
                         "--meeting", world.third, "--format", "xlsx", "--output", "x.xlsx", NULL };

  if (skip_without_tools ())
    return;

  g_assert_cmpint (run_with (NULL, argv, &out, &err), !=, 0);
  g_assert_nonnull (strstr (err, "not a central-group session"));
  g_assert_nonnull (strstr (err, world.party_group));
  g_assert_null (strchr (g_strstrip (err), '\n'));
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));

  g_clear_pointer (&err, g_free);
  g_clear_pointer (&out, g_free);
  g_assert_cmpint (run_with (NULL, xlsx, &out, &err), !=, 0);
  g_assert_nonnull (strstr (err, "pdf"));
}

/* The plan as issued (GB/T 9704-2012): no 开展情况, 兑现率 or date of
 * making; 附件 note; the 署名 centred over the 成文日期, whose right end is
 * four characters in from the type area's; the 安排表 under “附件” on
 * landscape pages; “— N —” on every page, odd right, even left. Without
 * an issuer the organization signs (it issues its own plan); without an
 * issue date, no date stands in. */
static void
test_plan_as_issued (void)
{
  g_autofree char *bare = NULL;
  g_autofree char *path = NULL;
  g_autofree char *text = NULL;
  g_autofree char *flat = NULL;
  double character = 156 * MM / 28;
  gboolean any_landscape = FALSE, signed_by_unit = FALSE;
  guint pages, first_table_page = 0;

  if (skip_without_tools ())
    return;

  /* The fixture's plan has neither. */
  bare = export_with (NULL, "plan-bare.pdf", NULL, "plan", "--year", "2023", "--format", "pdf", NULL);
  for (guint page = 1; page <= n_pages (bare) && !page_is_landscape (bare, page); page++)
    {
      g_autofree char *one = pdf_page_text (bare, page, page);
      g_autofree char *squeezed = squeeze (one);

      const char *note = strstr (squeezed, "附件");

      g_assert_false (g_regex_match_simple ("[0-9]{4}年[0-9]{1,2}月[0-9]{1,2}日", squeezed, 0, 0));
      signed_by_unit = signed_by_unit || (note != NULL && strstr (note, "安排表" ISSUER) != NULL);
    }
  g_assert_true (signed_by_unit);

  set_issuer (ISSUER, "2023-01-20");
  path = export_with (NULL, "plan.pdf", NULL, "plan", "--year", "2023", "--format", "pdf", NULL);
  pages = n_pages (path);
  text = tool ("pdftotext", "-layout", path, "-", NULL);
  flat = squeeze (text);

  assert_in_order (flat, "学习计划", "一、指导思想", "四、学习要求", "附件：", "安排表",
                   ISSUER, "2023年1月20日", "附件", "安排表", "序号", NULL);
  g_assert_null (strstr (flat, "开展情况"));
  g_assert_null (strstr (flat, "兑现率"));
  g_assert_null (strstr (flat, "已开展"));
  g_assert_null (strstr (flat, "制表日期"));
  g_assert_null (strstr (flat, TODAY_CN));

  for (guint page = 1; page <= pages; page++)
    {
      g_autoptr(GArray) words = NULL;
      g_autofree char *number = g_strdup_printf ("%u", page);
      double width = 0, height = 0, x0, x1;
      gboolean landscape = page_is_landscape (path, page);
      const PdfWord *digits = NULL;

      words = pdf_page_words (path, page, &width, &height);
      for (guint i = 0; i < words->len; i++)
        {
          const PdfWord *word = &g_array_index (words, PdfWord, i);

          /* The page number: the lowest word that is these digits. */
          if (g_str_equal (word->text, number) && (digits == NULL || word->y0 > digits->y0))
            digits = word;
        }
      g_assert_nonnull (digits);
      /* “— N —”: a dash either side, odd pages right, even left. */
      {
        g_autofree char *one = pdf_page_text (path, page, page);
        g_autofree char *squeezed = squeeze (one);
        g_autofree char *dashed = g_strdup_printf ("—%u—", page);

        g_assert_nonnull (strstr (squeezed, dashed));
      }
      g_assert_cmpfloat (digits->y0, >, height * 0.85);
      if (page % 2 == 1)
        g_assert_cmpfloat (digits->x0, >, width / 2);
      else
        g_assert_cmpfloat (digits->x1, <, width / 2);

      if (landscape)
        {
          any_landscape = TRUE;
          if (first_table_page == 0)
            {
              g_autofree char *one = pdf_page_text (path, page, page);

              first_table_page = page;
              /* “附件” above the table's title, at the top left. */
              assert_in_order (one, "附件", "安排表", "序号", NULL);
            }
        }
      else if (find_line (words, "2023年1月20日", &x0, &x1))
        {
          double date_x0 = x0, date_x1 = x1, issuer_x0, issuer_x1;

          /* Four characters in from the type area's right edge. */
          g_assert_cmpfloat_with_epsilon (date_x1, (28 + 156) * MM - 4 * character, 3.0);
          g_assert_true (find_line (words, ISSUER, &issuer_x0, &issuer_x1));
          g_assert_cmpfloat_with_epsilon ((issuer_x0 + issuer_x1) / 2, (date_x0 + date_x1) / 2, 3.0);
        }
    }
  g_assert_true (any_landscape);
  g_assert_cmpuint (first_table_page, >, 1);

  set_issuer (NULL, NULL);
}

static const char check_progress[] =
  "import json, sys, datetime, openpyxl\n"
  "ws = openpyxl.load_workbook(sys.argv[1]).worksheets[0]\n"
  "rows = list(ws.iter_rows(values_only=True))\n"
  "h = next(i for i, r in enumerate(rows) if r[0] == '序号')\n"
  "head = list(rows[h])\n"
  "items = []\n"
  "for r in rows[h + 1:]:\n"
  "    if not isinstance(r[0], (int, float)):\n"
  "        break\n"
  "    d = dict(zip(head, r))\n"
  "    held = d['开展时间']\n"
  "    if isinstance(held, datetime.datetime):\n"
  "        held = held.strftime('%Y-%m-%d')\n"
  "    items.append({'state': d['开展情况'], 'held': held, 'meeting': d['开展会议']})\n"
  "notes = [r[0] for r in rows if isinstance(r[0], str) and '兑现率' in r[0]]\n"
  "print(json.dumps({'title': rows[0][0], 'head': head, 'items': items, 'notes': notes,\n"
  "                  'landscape': ws.page_setup.orientation}, ensure_ascii=False))\n";

/* 学习计划执行情况 as a spreadsheet: one row per item, held ones with the
 * date of the session that fulfilled it (a real date), the 兑现率 as
 * `stats` counts it; landscape. */
static void
test_plan_progress_xlsx (void)
{
  g_autofree char *path = NULL;
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autofree char *stats = NULL;
  g_autofree char *rate = NULL;
  g_autoptr(GRegex) rate_regex = g_regex_new ("\"fulfilment_rate\" : ([0-9.]+)", 0, 0, NULL);
  g_autoptr(GMatchInfo) match = NULL;
  g_autoptr(GPtrArray) meetings = NULL;
  g_autoptr(GError) error = NULL;
  guint n_held = 0;

  if (skip_without_tools () || !g_file_test (PYTHON, G_FILE_TEST_IS_EXECUTABLE))
    {
      g_test_skip (PYTHON " or the tools are missing");
      return;
    }

  path = export_with (NULL, "plan-progress.xlsx", NULL, "plan-progress", "--year", "2023",
                      "--format", "xlsx", NULL);
  {
    const char *argv[] = { PYTHON, "-c", check_progress, path, NULL };

    if (run_with (NULL, argv, &out, &err) != 0)
      g_error ("openpyxl: %s", err);
  }
  g_test_message ("%s", out);
  g_assert_nonnull (strstr (out, "\"title\": \"" UNIT "理论学习中心组2023年度学习计划执行情况\""));
  g_assert_nonnull (strstr (out, "\"landscape\": \"landscape\""));
  g_assert_nonnull (strstr (out, "\"开展情况\", \"开展时间\", \"开展会议\""));

  /* Each session that names a plan item shows as its item's date. */
  meetings = sl_ledger_load_meetings (world.ledger, 2023, NULL, FALSE, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < meetings->len; i++)
    {
      SlMeeting *meeting = g_ptr_array_index (meetings, i);
      g_autofree char *held = NULL;

      if (sl_meeting_get_plan_item (meeting) == NULL)
        continue;
      held = g_strdup_printf ("\"state\": \"已开展\", \"held\": \"%s\"", sl_meeting_get_date (meeting));
      g_assert_nonnull (strstr (out, held));
      n_held++;
    }
  g_assert_cmpuint (n_held, >, 0);
  g_assert_nonnull (strstr (out, "\"state\": \"取消\", \"held\": null"));

  /* The 兑现率 is the one `stats` reports. */
  {
    const char *argv[] = { cli_path (), "--database", world.database, "stats", "--year", "2023",
                           "--json", NULL };

    g_clear_pointer (&err, g_free);
    g_assert_cmpint (run_with (NULL, argv, &stats, &err), ==, 0);
  }
  g_assert_true (g_regex_match (rate_regex, stats, 0, &match));
  rate = g_match_info_fetch (match, 1);
  {
    g_autofree char *expected = g_strdup_printf ("兑现率%.1f%%", g_ascii_strtod (rate, NULL) * 100);

    g_assert_nonnull (strstr (out, expected));
  }
}

/* The same as a PDF: landscape, with its title, the 开展情况 of each item
 * and the 兑现率 under the table. */
static void
test_plan_progress_pdf (void)
{
  g_autofree char *path = NULL;
  g_autofree char *text = NULL;
  g_autofree char *flat = NULL;

  if (skip_without_tools ())
    return;

  path = export_with (NULL, "plan-progress.pdf", NULL, "plan-progress", "--year", "2023",
                      "--format", "pdf", NULL);
  for (guint page = 1; page <= n_pages (path); page++)
    g_assert_true (page_is_landscape (path, page));

  text = tool ("pdftotext", "-layout", path, "-", NULL);
  flat = squeeze (text);
  assert_in_order (flat, UNIT "理论学习中心组2023年度学习计划执行情况", "制表日期：" TODAY_CN,
                   "序号", "开展情况", "已开展", "兑现率87.5%", NULL);
  /* Cells wrap where the table engine sets their widths: no cell text
   * but the short marks is looked for whole. */
}

/* Fonts said, not guessed: with the standard's fonts missing, the export
 * names the stand-ins once on stderr; with a 仿宋 installed under the
 * name FangSong, it uses that face and does not call 仿宋_GB2312 missing. */
static void
test_font_stand_ins (void)
{
  g_autofree char *err = NULL;
  g_autofree char *path = NULL;
  g_autofree char *fonts = NULL;
  g_autofree char *fonts_dir = NULL;
  g_autofree char *cache_dir = NULL;
  g_autofree char *link = NULL;
  g_autofree char *conf = NULL;
  g_autofree char *conf_text = NULL;
  g_autofree char *installed = NULL;
  const char *ukai = "/usr/share/fonts/truetype/arphic/ukai.ttc";

  if (skip_without_tools ())
    return;

  installed = tool ("fc-list", "FangSong_GB2312:lang=zh-cn", "family", NULL);
  if (*installed == '\0')
    {
      g_clear_pointer (&installed, g_free);
      installed = tool ("fc-list", "FangSong", "family", NULL);
    }
  path = export_with (NULL, "fonts-default.pdf", &err, "session-plan", "--meeting", world.third,
                      NULL);
  if (*installed == '\0')
    {
      const char *first = strstr (err, "stand-ins used");

      g_assert_nonnull (first);
      g_assert_null (strstr (first + 1, "stand-ins used"));
      g_assert_nonnull (strstr (err, "仿宋_GB2312 → "));
      g_assert_nonnull (strstr (err, "~/.local/share/fonts"));
    }

  if (!g_file_test (ukai, G_FILE_TEST_EXISTS))
    {
      g_test_skip ("fonts-arphic-ukai is not installed");
      return;
    }

  /* A private fontconfig: the system's, a folder of our own with the
   * font in it, scanned into a cache of our own, its HK face renamed. */
  fonts_dir = g_build_filename (world.folder, "fonts", NULL);
  cache_dir = g_build_filename (world.folder, "fontcache", NULL);
  g_assert_cmpint (g_mkdir_with_parents (fonts_dir, 0700), ==, 0);
  link = g_build_filename (fonts_dir, "fangsong.ttc", NULL);
  g_assert_cmpint (symlink (ukai, link), ==, 0);
  conf = g_build_filename (world.folder, "fonts.conf", NULL);
  conf_text = g_strdup_printf (
    "<?xml version=\"1.0\"?>\n"
    "<!DOCTYPE fontconfig SYSTEM \"urn:fontconfig:fonts.dtd\">\n"
    "<fontconfig>\n"
    "  <cachedir>%s</cachedir>\n"
    "  <include ignore_missing=\"yes\">/etc/fonts/fonts.conf</include>\n"
    "  <dir>%s</dir>\n"
    "  <match target=\"scan\">\n"
    "    <test name=\"family\"><string>AR PL UKai HK</string></test>\n"
    "    <edit name=\"family\" mode=\"assign\" binding=\"same\"><string>FangSong</string></edit>\n"
    "  </match>\n"
    "</fontconfig>\n", cache_dir, fonts_dir);
  set_file_contents (conf, conf_text, -1);

  g_clear_pointer (&err, g_free);
  g_clear_pointer (&path, g_free);
  path = export_with (conf, "fonts-fangsong.pdf", &err, "session-plan", "--meeting", world.third,
                      NULL);
  g_test_message ("stderr: %s", err);
  g_assert_null (strstr (err, "仿宋_GB2312"));
  g_assert_null (strstr (err, "FangSong"));

  fonts = tool ("pdffonts", path, NULL);
  g_test_message ("%s", fonts);
  g_assert_nonnull (strstr (fonts, "+UKaiHK"));
}

int
main (int    argc,
      char **argv)
{
  int status;

  setlocale (LC_ALL, "C.UTF-8");
  g_test_init (&argc, &argv, NULL);
  world_set_up ();

  g_test_add_func ("/session-plan/approved", test_session_plan_approved);
  g_test_add_func ("/session-plan/unapproved", test_session_plan_unapproved);
  g_test_add_func ("/session-plan/refused", test_session_plan_refused);
  g_test_add_func ("/plan/as-issued", test_plan_as_issued);
  g_test_add_func ("/plan-progress/xlsx", test_plan_progress_xlsx);
  g_test_add_func ("/plan-progress/pdf", test_plan_progress_pdf);
  g_test_add_func ("/fonts/stand-ins", test_font_stand_ins);

  status = g_test_run ();
  world_tear_down ();
  return status;
}
