/* sl-ledger-tables.c — the tables of each document, built from the records
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Every text the tables hold is a Chinese literal, not a gettext
 * message: these are official Chinese documents (台账, 安排表, 统计表)
 * whose titles, column names and wording are prescribed, and a ledger
 * handed to an inspection reads the same whatever language the
 * secretary's desktop speaks. Error messages, which the secretary reads on
 * screen, do go through gettext.
 *
 * This file is the door (sl_ledger_tables_build()) and the helpers the
 * documents share (sl-ledger-tables-private.h); each document's table is
 * built in a file of its own (DOMAIN.md says what each holds):
 *   first-topic-ledger    sl-first-topic-table.c: one row per first-topic
 *                         study of the year
 *   central-group-ledger  sl-central-group-table.c: one row per central
 *                         group session
 *   meetings-ledger       sl-meetings-table.c: one row per meeting
 *   plan                  sl-plan-table.c: a plan's 安排表 as issued, without
 *                         what became of its items (plan-progress)
 *   attendance            sl-attendance-table.c: member × meeting marks,
 *                         then the year's totals and rates, taken from
 *                         SlStatistics so that the two never differ
 *   measures              sl-measures-table.c: every follow-up measure,
 *                         overdue ones marked
 *   annual-report         sl-report-table.c: meetings by kind and month,
 *                         attendance, plan fulfilment, compliance
 *   sign-in               sl-sign-in-table.c: one meeting's roster with
 *                         room for signatures
 *   plan-progress         sl-plan-progress-table.c: each plan item, held
 *                         or not, when and at which meeting; 兑现率
 *   topics                sl-topics-table.c: the topic pool's items received
 *                         in the year, when studied, whether in time
 *   talks                 sl-talks-table.c: the talks of the year
 *   member-card           sl-member-card-table.c: one member's year, a
 *                         table per section of the card
 * The words for the records' values are sl-wording.c's.
 */

#define G_LOG_DOMAIN "sl-ledger-tables"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "sl-attendance.h"
#include "sl-ledger.h"
#include "sl-ledger-tables-private.h"
#include "sl-measure.h"
#include "sl-meeting.h"
#include "sl-member.h"
#include "sl-organization.h"
#include "sl-speech.h"
#include "sl-study.h"
#include "sl-util.h"
#include "sl-wording.h"

/* Small helpers -------------------------------------------------------------- */

const char *
sl_tables_member_name (Builder    *b,
                       const char *id)
{
  SlMember *member = id ? sl_ledger_find_member (b->ledger, id) : NULL;

  return member ? sl_member_get_name (member) : "";
}

/* Names are joined with 、, each once. */
void
sl_tables_add_name (GPtrArray  *names,
                    const char *name)
{
  if (name == NULL || *name == '\0')
    return;
  if (g_ptr_array_find_with_equal_func (names, name, g_str_equal, NULL))
    return;
  g_ptr_array_add (names, (gpointer) name);
}

char *
sl_tables_join_names (GPtrArray *names)
{
  g_ptr_array_add (names, NULL);
  char *joined = g_strjoinv ("、", (char **) names->pdata);
  g_ptr_array_remove_index (names, names->len - 1);
  return joined;
}

/* Several entries in one cell: numbered lines, or the bare text for one. */
void
sl_tables_add_line (GString    *lines,
                    guint       index,
                    guint       count,
                    const char *text)
{
  if (lines->len > 0)
    g_string_append_c (lines, '\n');
  if (count > 1)
    g_string_append_printf (lines, "%u. ", index + 1);
  g_string_append (lines, text ? text : "");
}

char *
sl_tables_format_rate (double rate)
{
  SlCell cell = { SL_CELL_PERCENT, NULL, rate };

  return isnan (rate) ? g_strdup ("—") : sl_cell_format (&cell);
}

char *
sl_tables_format_threshold (double threshold)
{
  char buffer[G_ASCII_DTOSTR_BUF_SIZE];

  return g_strconcat (g_ascii_formatd (buffer, sizeof buffer, "%g", threshold * 100.0), "%", NULL);
}

void
sl_tables_add_columns (SlTable          *table,
                       const ColumnSpec *specs,
                       guint             n_specs)
{
  for (guint i = 0; i < n_specs; i++)
    sl_table_add_column (table, specs[i].title, specs[i].width, specs[i].wrap);
}

void
sl_tables_finish (SlTable *table)
{
  double width = 0;

  for (guint i = 0; i < sl_table_get_n_columns (table); i++)
    width += sl_table_get_column (table, i)->width;

  sl_table_set_landscape (table, width > PORTRAIT_WIDTH);
}

/* “某某局党组” + “2023年” + “第一议题学习台账”; the names that start with
 * 年度 read “2023年度…”. */
char *
sl_tables_document_title (Builder    *b,
                          const char *name)
{
  if (g_str_has_prefix (name, "年"))
    return g_strdup_printf ("%s%d%s", b->unit ? b->unit : "", b->year, name);
  return g_strdup_printf ("%s%d年%s", b->unit ? b->unit : "", b->year, name);
}

/* “填报单位：某某局党组　　统计时间：2023年1月1日至2023年12月31日　　制表日期：
 * 2023年11月20日”: what is overdue or due depends on the day the table was
 * made, so it says which day that was. */
char *
sl_tables_period_subtitle_for (Builder    *b,
                               const char *unit)
{
  g_autofree char *first_day = g_strdup_printf ("%04d-01-01", b->year);
  g_autofree char *last_day = g_strdup_printf ("%04d-12-31", b->year);
  g_autofree char *from = sl_wording_date (first_day);
  g_autofree char *to = sl_wording_date (last_day);
  g_autofree char *made = sl_wording_date (b->today);

  if (unit != NULL)
    return g_strdup_printf ("填报单位：%s　　　　统计时间：%s至%s　　　　制表日期：%s",
                            unit, from, to, made);
  return g_strdup_printf ("统计时间：%s至%s　　　　制表日期：%s", from, to, made);
}

char *
sl_tables_period_subtitle (Builder *b)
{
  return sl_tables_period_subtitle_for (b, b->unit);
}

SlTable *
sl_tables_new_table (Builder    *b,
                     const char *title,
                     const char *name)
{
  SlTable *table = sl_table_new (title);
  g_autofree char *subtitle = sl_tables_period_subtitle (b);

  sl_table_set_name (table, name);
  sl_table_set_subtitle (table, subtitle);
  return table;
}

gboolean
sl_tables_measure_is_overdue (Builder   *b,
                              SlMeasure *measure)
{
  const char *due_on = sl_measure_get_due_on (measure);

  /* As SlStatistics counts them: not done, and due before today. */
  return sl_measure_get_status (measure) != SL_MEASURE_STATUS_DONE &&
         due_on != NULL && *due_on != '\0' && strcmp (due_on, b->today) < 0;
}

const char *
sl_tables_measure_state (Builder   *b,
                         SlMeasure *measure)
{
  if (sl_tables_measure_is_overdue (b, measure))
    return "逾期";
  if (sl_measure_get_status (measure) == SL_MEASURE_STATUS_NONE)
    return sl_wording_measure_status (SL_MEASURE_STATUS_OPEN);
  return sl_wording_measure_status (sl_measure_get_status (measure));
}

static char *
owner_and_department (Builder   *b,
                      SlMeasure *measure)
{
  const char *owner = sl_tables_member_name (b, sl_measure_get_owner (measure));
  const char *department = sl_measure_get_department (measure);

  if (*owner && department && *department)
    return g_strdup_printf ("%s／%s", owner, department);
  return g_strdup (*owner ? owner : department ? department : "");
}

/* Where and when a text was published, “《人民日报》，2023年3月6日”; with
 * @separator "\n" for a column of its own. */
char *
sl_tables_study_source (SlStudy    *study,
                        const char *separator)
{
  const char *source = sl_study_get_source (study);
  g_autofree char *date = NULL;

  if (sl_study_get_published_on (study))
    date = sl_wording_date (sl_study_get_published_on (study));

  if (source && *source && date)
    return g_strconcat (source, separator, date, NULL);
  if (source && *source)
    return g_strdup (source);
  return g_steal_pointer (&date);
}

/* Days between publication and study: the “第一时间” an inspection watches. */
int
sl_tables_days_between (const char *from,
                        const char *to)
{
  int y1, m1, d1, y2, m2, d2;
  g_autoptr(GDate) a = NULL;
  g_autoptr(GDate) b = NULL;

  if (!sl_date_is_valid (from) || !sl_date_is_valid (to) ||
      sscanf (from, "%d-%d-%d", &y1, &m1, &d1) != 3 ||
      sscanf (to, "%d-%d-%d", &y2, &m2, &d2) != 3)
    return -1;

  a = g_date_new_dmy (d1, m1, y1);
  b = g_date_new_dmy (d2, m2, y2);
  return g_date_days_between (a, b);
}

void
sl_tables_presence_clear (Presence *presence)
{
  g_clear_pointer (&presence->leave, g_ptr_array_unref);
  g_clear_pointer (&presence->absent, g_ptr_array_unref);
}

void
sl_tables_presence_init (Presence  *presence,
                         Builder   *b,
                         SlMeeting *meeting)
{
  GListModel *rows = sl_meeting_get_attendance (meeting);

  presence->leave = g_ptr_array_new_with_free_func (g_free);
  presence->absent = g_ptr_array_new_with_free_func (g_free);
  sl_meeting_count_attendance (meeting, &presence->expected, &presence->present, NULL, NULL);

  for (guint i = 0; i < g_list_model_get_n_items (rows); i++)
    {
      g_autoptr(SlAttendance) row = g_list_model_get_item (rows, i);
      const char *name = sl_tables_member_name (b, sl_attendance_get_member (row));
      const char *kind = sl_wording_leave_kind (sl_attendance_get_leave_kind (row));

      if (sl_attendance_get_status (row) == SL_ATTENDANCE_STATUS_LEAVE)
        g_ptr_array_add (presence->leave,
                         *kind ? g_strdup_printf ("%s（%s）", name, kind) : g_strdup (name));
      else if (sl_attendance_get_status (row) == SL_ATTENDANCE_STATUS_ABSENT)
        g_ptr_array_add (presence->absent, g_strdup (name));
    }
}

/* “王芳（公假）；缺席：李娜”. */
char *
sl_tables_presence_leave_text (Presence *presence)
{
  g_autoptr(GString) text = g_string_new (NULL);

  if (presence->leave->len > 0)
    {
      g_autofree char *names = sl_tables_join_names (presence->leave);
      g_string_append (text, names);
    }
  if (presence->absent->len > 0)
    {
      g_autofree char *names = sl_tables_join_names (presence->absent);
      g_string_append_printf (text, "%s缺席：%s", text->len ? "；" : "", names);
    }

  return g_string_free (g_steal_pointer (&text), FALSE);
}

char *
sl_tables_speakers_text (Builder   *b,
                         SlMeeting *meeting)
{
  GListModel *speeches = sl_meeting_get_speeches (meeting);
  g_autoptr(GPtrArray) names = g_ptr_array_new ();

  for (guint i = 0; i < g_list_model_get_n_items (speeches); i++)
    {
      g_autoptr(SlSpeech) speech = g_list_model_get_item (speeches, i);
      const char *name = sl_tables_member_name (b, sl_speech_get_speaker (speech));

      sl_tables_add_name (names, *name ? name : sl_speech_get_speaker_name (speech));
    }

  return sl_tables_join_names (names);
}

void
sl_tables_measure_lines_clear (MeasureLines *lines)
{
  /* Also for lines never filled in: each GString may still be NULL. */
  GString **strings[] = { &lines->texts, &lines->owners, &lines->dues, &lines->states };

  for (guint i = 0; i < G_N_ELEMENTS (strings); i++)
    if (*strings[i] != NULL)
      g_string_free (g_steal_pointer (strings[i]), TRUE);
}

void
sl_tables_measure_lines_init (MeasureLines *lines,
                              Builder      *b,
                              SlMeeting    *meeting)
{
  GListModel *measures = sl_meeting_get_measures (meeting);
  guint n = g_list_model_get_n_items (measures);

  lines->texts = g_string_new (NULL);
  lines->owners = g_string_new (NULL);
  lines->dues = g_string_new (NULL);
  lines->states = g_string_new (NULL);
  lines->single_due = NULL;

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(SlMeasure) measure = g_list_model_get_item (measures, i);
      g_autofree char *owner = owner_and_department (b, measure);
      g_autofree char *due = NULL;
      g_autoptr(GString) state = g_string_new (sl_tables_measure_state (b, measure));

      if (sl_measure_get_due_on (measure))
        due = sl_wording_date (sl_measure_get_due_on (measure));
      if (n == 1)
        lines->single_due = sl_measure_get_due_on (measure);

      if (sl_measure_get_status (measure) == SL_MEASURE_STATUS_DONE && sl_measure_get_done_on (measure))
        {
          g_autofree char *done = sl_wording_date (sl_measure_get_done_on (measure));
          g_string_append_printf (state, "（%s）", done);
        }
      if (sl_measure_get_progress (measure) && *sl_measure_get_progress (measure))
        g_string_append_printf (state, "：%s", sl_measure_get_progress (measure));

      sl_tables_add_line (lines->texts, i, n, sl_measure_get_text (measure));
      sl_tables_add_line (lines->owners, i, n, owner);
      sl_tables_add_line (lines->dues, i, n, due ? due : "—");
      sl_tables_add_line (lines->states, i, n, state->str);
    }
}

gboolean
sl_tables_load_meetings (Builder  *b,
                         GError  **error)
{
  if (b->meetings == NULL)
    b->meetings = sl_ledger_load_meetings (b->ledger, b->year, b->request->organization,
                                           TRUE, error);
  return b->meetings != NULL;
}

/* The document ----------------------------------------------------------------- */

/* With no organization asked for, a ledger of one bureau is still titled
 * with the bureau: the one organization that has no parent. */
static char *
title_unit (SlLedger   *ledger,
            const char *organization)
{
  g_autoptr(GPtrArray) organizations = NULL;
  g_autoptr(GError) error = NULL;
  const char *top = NULL;
  guint n_top = 0;

  if (organization != NULL)
    {
      SlOrganization *found = sl_ledger_find_organization (ledger, organization);
      return found ? g_strdup (sl_organization_get_name (found)) : NULL;
    }

  /* The organizations alone, not the live lists: their first use reads
   * every member the ledger has had, and a year's document that names
   * no one (议题库台账) would take longer as the ledger grows. */
  if (!(organizations = sl_ledger_load_organizations (ledger, &error)))
    {
      g_warning ("Cannot read the organizations: %s", error->message);
      return NULL;
    }

  for (guint i = 0; i < organizations->len; i++)
    {
      SlOrganization *each = g_ptr_array_index (organizations, i);
      const char *parent = sl_organization_get_parent (each);

      if (parent == NULL || *parent == '\0')
        {
          top = sl_organization_get_name (each);
          n_top++;
        }
    }

  return n_top == 1 ? g_strdup (top) : NULL;
}

static void
builder_clear (Builder *b)
{
  g_clear_pointer (&b->today, g_free);
  g_clear_pointer (&b->unit, g_free);
  g_clear_pointer (&b->meetings, g_ptr_array_unref);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Builder, builder_clear)

static void
builder_init (Builder                 *b,
              SlLedger                *ledger,
              const SlDocumentRequest *request)
{
  b->ledger = ledger;
  b->request = request;
  b->year = request->year;
  b->today = request->today ? g_strdup (request->today) : sl_today ();
  b->unit = title_unit (ledger, request->organization);
  sl_rules_load (&b->rules, sl_ledger_get_database (ledger));
}

char *
sl_ledger_tables_build_title (SlLedger                *ledger,
                              const SlDocumentRequest *request)
{
  g_auto(Builder) b = { 0 };

  g_return_val_if_fail (SL_IS_LEDGER (ledger), NULL);
  g_return_val_if_fail (request != NULL, NULL);

  if (sl_document_kind_is_per_meeting (request->kind))
    {
      g_autoptr(SlMeeting) meeting = NULL;
      g_autofree char *name = NULL;

      if (request->meeting == NULL ||
          !(meeting = sl_ledger_load_meeting (ledger, request->meeting, NULL)))
        return g_strdup (sl_wording_document_name (request->kind));

      name = sl_wording_meeting_name (meeting);
      if (request->kind == SL_DOCUMENT_SESSION_PLAN)
        return g_strdup_printf ("%s方案", name);
      return request->kind == SL_DOCUMENT_SIGN_IN ? g_strdup_printf ("%s签到表", name)
                                                  : g_strdup_printf ("%s记录", name);
    }

  builder_init (&b, ledger, request);
  if (request->kind == SL_DOCUMENT_MEMBER_CARD)
    {
      SlMember *member = request->member ? sl_ledger_find_member (ledger, request->member) : NULL;

      /* One person's record: titled with the person, not the unit. */
      return g_strdup_printf ("%s%d年度个人学习档案", member ? sl_member_get_name (member) : "",
                              request->year);
    }
  if (request->kind == SL_DOCUMENT_PLAN)
    return sl_tables_document_title (&b, "年度理论学习中心组学习计划");

  return sl_tables_document_title (&b, sl_wording_document_name (request->kind));
}

/**
 * sl_ledger_tables_build:
 *
 * Returns: (transfer container) (element-type SlTable): the tables of
 *   @request's document, or %NULL with @error set.
 */
GPtrArray *
sl_ledger_tables_build (SlLedger                *ledger,
                        const SlDocumentRequest *request,
                        GError                 **error)
{
  g_autoptr(GPtrArray) tables = g_ptr_array_new_with_free_func (g_object_unref);
  g_auto(Builder) b = { 0 };
  SlTable *table = NULL;
  gboolean ok = TRUE;

  g_return_val_if_fail (SL_IS_LEDGER (ledger), NULL);
  g_return_val_if_fail (request != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  builder_init (&b, ledger, request);

  switch (request->kind)
    {
    case SL_DOCUMENT_FIRST_TOPIC_LEDGER:
      ok = (table = sl_tables_build_first_topic_ledger (&b, error)) != NULL;
      break;
    case SL_DOCUMENT_CENTRAL_GROUP_LEDGER:
      ok = (table = sl_tables_build_central_group_ledger (&b, error)) != NULL;
      break;
    case SL_DOCUMENT_MEETINGS_LEDGER:
      ok = (table = sl_tables_build_meetings_ledger (&b, error)) != NULL;
      break;
    case SL_DOCUMENT_PLAN:
      ok = sl_tables_build_plan (&b, tables, error);
      break;
    case SL_DOCUMENT_ATTENDANCE:
      ok = (table = sl_tables_build_attendance (&b, error)) != NULL;
      break;
    case SL_DOCUMENT_MEASURES:
      ok = (table = sl_tables_build_measures (&b, error)) != NULL;
      break;
    case SL_DOCUMENT_ANNUAL_REPORT:
      ok = sl_tables_build_annual_report (&b, tables, error);
      break;
    case SL_DOCUMENT_SIGN_IN:
      ok = (table = sl_tables_build_sign_in (&b, error)) != NULL;
      break;
    case SL_DOCUMENT_PLAN_PROGRESS:
      ok = sl_tables_build_plan_progress (&b, tables, error);
      break;
    case SL_DOCUMENT_TOPICS:
      ok = (table = sl_tables_build_topics (&b, error)) != NULL;
      break;
    case SL_DOCUMENT_TALKS:
      ok = (table = sl_tables_build_talks (&b, error)) != NULL;
      break;
    case SL_DOCUMENT_MEMBER_CARD:
      ok = sl_tables_build_member_card (&b, tables, error);
      break;
    case SL_DOCUMENT_MINUTES:
    case SL_DOCUMENT_SESSION_PLAN:
    default:
      g_set_error (error, SL_DOCUMENT_ERROR, SL_DOCUMENT_ERROR_UNSUPPORTED,
                   _("The %s document is not a table"), sl_document_kind_to_code (request->kind));
      ok = FALSE;
      break;
    }

  if (!ok)
    return NULL;
  if (table != NULL)
    g_ptr_array_add (tables, table);

  return g_steal_pointer (&tables);
}
