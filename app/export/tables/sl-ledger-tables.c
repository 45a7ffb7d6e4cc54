/* sl-ledger-tables.c — the tables of each document, built from the records
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Every text this file puts into a table is a Chinese literal, not a
 * gettext message: these are official Chinese documents (台账, 安排表,
 * 统计表) whose titles, column names and wording are prescribed, and a
 * ledger handed to an inspection reads the same whatever language the
 * secretary's desktop speaks. Error messages, which the secretary reads on
 * screen, do go through gettext.
 *
 * What each document holds (DOMAIN.md):
 *   first-topic-ledger    one row per first-topic study of the year
 *   central-group-ledger  one row per central group session
 *   meetings-ledger       one row per meeting
 *   plan                  a plan's 安排表 with what became of each item
 *   attendance            member × meeting marks, then the year's totals
 *                         and rates, taken from SlStatistics so that the
 *                         two never differ
 *   measures              every follow-up measure, overdue ones marked
 *   annual-report         meetings by kind and month, attendance, plan
 *                         fulfilment, compliance
 *   sign-in               one meeting's roster with room for signatures
 */

#define G_LOG_DOMAIN "sl-ledger-tables"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "sl-attendance.h"
#include "sl-guest.h"
#include "sl-ledger.h"
#include "sl-ledger-queries.h"
#include "sl-ledger-tables-private.h"
#include "sl-measure.h"
#include "sl-meeting.h"
#include "sl-member.h"
#include "sl-organization.h"
#include "sl-plan.h"
#include "sl-plan-item.h"
#include "sl-plan-queries.h"
#include "sl-rules.h"
#include "sl-speech.h"
#include "sl-statistics.h"
#include "sl-study.h"
#include "sl-util.h"
#include "sl-wording.h"

/* Wording -------------------------------------------------------------------- */

const char *
sl_wording_meeting_kind (SlMeetingKind kind)
{
  switch (kind)
    {
    case SL_MEETING_KIND_PARTY_GROUP:        return "党组会议";
    case SL_MEETING_KIND_CENTRAL_GROUP:      return "理论学习中心组学习";
    case SL_MEETING_KIND_IDEOLOGY:           return "意识形态工作专题会议";
    case SL_MEETING_KIND_SITUATION_ANALYSIS: return "思想政治工作形势分析会";
    case SL_MEETING_KIND_BRANCH_ASSEMBLY:    return "支部党员大会";
    case SL_MEETING_KIND_BRANCH_COMMITTEE:   return "支委会";
    case SL_MEETING_KIND_GROUP_MEETING:      return "党小组会";
    case SL_MEETING_KIND_PARTY_LECTURE:      return "党课";
    case SL_MEETING_KIND_TRAINING:           return "专题培训";
    case SL_MEETING_KIND_OTHER:              return "其他会议";
    case SL_MEETING_KIND_NONE:
    default:                                 return "";
    }
}

/* For the narrow columns of the attendance matrix. */
const char *
sl_wording_meeting_kind_short (SlMeetingKind kind)
{
  switch (kind)
    {
    case SL_MEETING_KIND_PARTY_GROUP:        return "党组会";
    case SL_MEETING_KIND_CENTRAL_GROUP:      return "中心组";
    case SL_MEETING_KIND_IDEOLOGY:           return "意识形态";
    case SL_MEETING_KIND_SITUATION_ANALYSIS: return "形势分析";
    case SL_MEETING_KIND_BRANCH_ASSEMBLY:    return "党员大会";
    case SL_MEETING_KIND_BRANCH_COMMITTEE:   return "支委会";
    case SL_MEETING_KIND_GROUP_MEETING:      return "小组会";
    case SL_MEETING_KIND_PARTY_LECTURE:      return "党课";
    case SL_MEETING_KIND_TRAINING:           return "培训";
    case SL_MEETING_KIND_OTHER:              return "其他";
    case SL_MEETING_KIND_NONE:
    default:                                 return "";
    }
}

const char *
sl_wording_study_form (SlStudyForm form)
{
  switch (form)
    {
    case SL_STUDY_FORM_COLLECTIVE_STUDY: return "集中学习";
    case SL_STUDY_FORM_SEMINAR:          return "专题研讨";
    case SL_STUDY_FORM_LECTURE:          return "辅导报告";
    case SL_STUDY_FORM_RESEARCH:         return "调研交流";
    case SL_STUDY_FORM_READING_CLASS:    return "读书班";
    case SL_STUDY_FORM_ON_SITE:          return "现场教学";
    case SL_STUDY_FORM_RELAY:            return "传达学习";
    case SL_STUDY_FORM_OTHER:            return "其他";
    case SL_STUDY_FORM_NONE:
    default:                             return "";
    }
}

const char *
sl_wording_leave_kind (SlLeaveKind kind)
{
  switch (kind)
    {
    case SL_LEAVE_KIND_OFFICIAL: return "公假";
    case SL_LEAVE_KIND_SICK:     return "病假";
    case SL_LEAVE_KIND_PERSONAL: return "事假";
    case SL_LEAVE_KIND_NONE:
    default:                     return "";
    }
}

const char *
sl_wording_measure_status (SlMeasureStatus status)
{
  switch (status)
    {
    case SL_MEASURE_STATUS_OPEN:        return "待落实";
    case SL_MEASURE_STATUS_IN_PROGRESS: return "推进中";
    case SL_MEASURE_STATUS_DONE:        return "已完成";
    case SL_MEASURE_STATUS_NONE:
    default:                            return "";
    }
}

const char *
sl_wording_compliance (SlComplianceStatus status)
{
  switch (status)
    {
    case SL_COMPLIANCE_MET:    return "达标";
    case SL_COMPLIANCE_DUE:    return "进行中";
    case SL_COMPLIANCE_MISSED: return "未达标";
    default:                   return "";
    }
}

char *
sl_wording_rule (const SlComplianceResult *result,
                 const SlRules            *rules)
{
  if (g_str_equal (result->rule, "central_group_per_year"))
    return g_strdup_printf ("理论学习中心组全年集体学习不少于%u次", result->required);
  if (g_str_equal (result->rule, "central_group_bimonthly"))
    return g_strdup_printf ("理论学习中心组每两个月至少集体学习%u次", result->required);
  if (g_str_equal (result->rule, "ideology_half_year"))
    return g_strdup_printf ("每半年至少召开%u次意识形态工作专题会议", result->required);
  if (g_str_equal (result->rule, "situation_analysis_half_year"))
    return g_strdup_printf ("每半年至少召开%u次思想政治工作形势分析会", result->required);
  if (g_str_equal (result->rule, "first_topic_every_party_group_meeting"))
    return g_strdup ("党组会议均以第一议题学习开篇");
  if (g_str_equal (result->rule, "research_topic_per_leader"))
    return g_strdup_printf ("领导班子成员每人每年牵头%d个调研课题",
                            rules->research_topic_per_leader);
  return g_strdup (result->rule);
}

/* "2023" → 全年, "2023-B3" → 5—6月, "2023-H1" → 上半年. */
char *
sl_wording_period (const char *period)
{
  const char *part = strchr (period, '-');

  if (part == NULL)
    return g_strdup ("全年");
  if (part[1] == 'H')
    return g_strdup (part[2] == '1' ? "上半年" : "下半年");
  if (part[1] == 'B')
    {
      int b = atoi (part + 2);
      return g_strdup_printf ("%d—%d月", 2 * b - 1, 2 * b);
    }
  return g_strdup (period);
}

char *
sl_wording_date (const char *date)
{
  int year, month, day;

  if (date == NULL)
    return g_strdup ("");
  if (sl_date_is_valid (date) && sscanf (date, "%d-%d-%d", &year, &month, &day) == 3)
    return g_strdup_printf ("%d年%d月%d日", year, month, day);
  return g_strdup (date);
}

/* Its title, or “2023年第3次党组会议”. */
char *
sl_wording_meeting_name_from (const char    *title,
                              const char    *date,
                              int            sequence,
                              SlMeetingKind  kind)
{
  if (title != NULL && *title != '\0')
    return g_strdup (title);

  if (sequence > 0)
    return g_strdup_printf ("%d年第%d次%s", sl_date_get_year (date), sequence,
                            sl_wording_meeting_kind (kind));

  return g_strdup (sl_wording_meeting_kind (kind));
}

char *
sl_wording_meeting_name (SlMeeting *meeting)
{
  g_return_val_if_fail (SL_IS_MEETING (meeting), NULL);

  return sl_wording_meeting_name_from (sl_meeting_get_title (meeting),
                                       sl_meeting_get_date (meeting),
                                       sl_meeting_get_sequence (meeting),
                                       sl_meeting_get_kind (meeting));
}

const char *
sl_wording_document_name (SlDocumentKind kind)
{
  switch (kind)
    {
    case SL_DOCUMENT_FIRST_TOPIC_LEDGER:   return "第一议题学习台账";
    case SL_DOCUMENT_CENTRAL_GROUP_LEDGER: return "理论学习中心组学习台账";
    case SL_DOCUMENT_MEETINGS_LEDGER:      return "会议学习台账";
    case SL_DOCUMENT_PLAN:                 return "理论学习中心组学习计划安排表";
    case SL_DOCUMENT_ATTENDANCE:           return "学习出勤统计表";
    case SL_DOCUMENT_MEASURES:             return "贯彻落实措施跟踪表";
    case SL_DOCUMENT_ANNUAL_REPORT:        return "年度学习情况统计";
    case SL_DOCUMENT_MINUTES:              return "会议记录";
    case SL_DOCUMENT_SIGN_IN:              return "签到表";
    default:                               return "";
    }
}

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

/* 第一议题学习台账 ------------------------------------------------------------ */

SlTable *
sl_tables_build_first_topic_ledger (Builder  *b,
                                    GError  **error)
{
  static const ColumnSpec columns[] = {
    { "序号",                 W_INDEX, FALSE },
    { "会议名称及次序",       8.0,     TRUE  },
    { "学习时间",             W_DATE,  FALSE },
    { "会议类型",             4.5,     FALSE },
    { "学习内容",             11.0,    TRUE  },
    { "出处及发表日期",       8.0,     TRUE  },
    { "学习形式",             4.0,     FALSE },
    { "主持人",               W_NAME,  FALSE },
    { "领学人",               W_NAME,  FALSE },
    { "参加人员（应到/实到）", 4.5,    FALSE },
    { "请假人员",             6.0,     TRUE  },
    { "研讨交流",             6.0,     TRUE  },
    { "贯彻落实措施",         11.0,    TRUE  },
    { "责任领导/责任部门",    6.5,     TRUE  },
    { "完成时限",             W_DATE,  FALSE },
    { "落实情况",             7.0,     TRUE  },
    { "备注",                 5.0,     TRUE  },
  };
  g_autofree char *title =
    sl_tables_document_title (b, sl_wording_document_name (SL_DOCUMENT_FIRST_TOPIC_LEDGER));
  g_autoptr(SlTable) table = sl_tables_new_table (b, title, "第一议题学习台账");
  g_autoptr(GPtrArray) missing = g_ptr_array_new_with_free_func (g_free);
  guint n_rows = 0, n_meetings = 0, n_party_group = 0, n_party_group_with = 0;

  if (!sl_tables_load_meetings (b, error))
    return NULL;

  sl_tables_add_columns (table, columns, G_N_ELEMENTS (columns));
  sl_table_set_key_columns (table, 2);

  for (guint m = 0; m < b->meetings->len; m++)
    {
      SlMeeting *meeting = g_ptr_array_index (b->meetings, m);
      GListModel *studies = sl_meeting_get_studies (meeting);
      g_autofree char *name = sl_wording_meeting_name (meeting);
      g_autofree char *leave = NULL;
      g_autofree char *speakers = NULL;
      g_autofree char *counts = NULL;
      g_auto(Presence) presence = { 0 };
      g_auto(MeasureLines) measures = { 0 };
      gboolean first_row = TRUE;

      for (guint s = 0; s < g_list_model_get_n_items (studies); s++)
        {
          g_autoptr(SlStudy) study = g_list_model_get_item (studies, s);
          g_autofree char *source = NULL;
          g_autoptr(GString) note = g_string_new (NULL);
          int days;

          if (!sl_study_get_first_topic (study))
            continue;

          if (first_row)
            {
              sl_tables_presence_init (&presence, b, meeting);
              sl_tables_measure_lines_init (&measures, b, meeting);
              leave = sl_tables_presence_leave_text (&presence);
              speakers = sl_tables_speakers_text (b, meeting);
              counts = g_strdup_printf ("应到%u人\n实到%u人", presence.expected, presence.present);
              n_meetings++;
            }

          source = sl_tables_study_source (study, "\n");
          days = sl_tables_days_between (sl_study_get_published_on (study),
                                         sl_meeting_get_date (meeting));
          if (days >= 0)
            g_string_append_printf (note, "发表后%d天学习", days);
          if (first_row && sl_meeting_get_note (meeting) && *sl_meeting_get_note (meeting))
            g_string_append_printf (note, "%s%s", note->len ? "；" : "", sl_meeting_get_note (meeting));

          sl_table_begin_row (table);
          sl_table_add_number (table, ++n_rows);
          sl_table_add_text (table, name);
          sl_table_add_date (table, sl_meeting_get_date (meeting));
          sl_table_add_text (table, sl_wording_meeting_kind (sl_meeting_get_kind (meeting)));
          sl_table_add_text (table, sl_study_get_title (study));
          sl_table_add_text (table, source);
          sl_table_add_text (table, sl_wording_study_form (sl_meeting_get_form (meeting)));
          sl_table_add_text (table, sl_tables_member_name (b, sl_meeting_get_chair (meeting)));
          sl_table_add_text (table, sl_tables_member_name (b, sl_study_get_lead (study)));
          sl_table_add_text (table, counts);
          sl_table_add_text (table, leave);
          sl_table_add_text (table, speakers);
          if (first_row)
            {
              /* Measures belong to the meeting: shown once, with its first study. */
              sl_table_add_text (table, measures.texts->str);
              sl_table_add_text (table, measures.owners->str);
              if (measures.single_due != NULL)
                sl_table_add_date (table, measures.single_due);
              else
                sl_table_add_text (table, measures.dues->str);
              sl_table_add_text (table, measures.states->str);
            }
          else
            {
              sl_table_add_text (table, measures.texts->len ? "同上" : NULL);
              sl_table_add_text (table, NULL);
              sl_table_add_text (table, NULL);
              sl_table_add_text (table, NULL);
            }
          sl_table_add_text (table, note->str);

          first_row = FALSE;
        }

      if (sl_meeting_get_kind (meeting) == SL_MEETING_KIND_PARTY_GROUP)
        {
          n_party_group++;
          if (!first_row)
            n_party_group_with++;
          else
            {
              g_autofree char *date = sl_wording_date (sl_meeting_get_date (meeting));
              g_ptr_array_add (missing, g_strdup_printf ("%s%s", date, name));
            }
        }
    }

  {
    g_autofree char *note = g_strdup_printf ("本年度共学习第一议题%u项，涉及会议%u次；召开党组会议%u次，"
                                             "其中%u次以第一议题学习开篇。",
                                             n_rows, n_meetings, n_party_group, n_party_group_with);
    sl_table_add_note (table, note);
  }
  if (missing->len > 0)
    {
      g_autofree char *list = sl_tables_join_names (missing);
      g_autofree char *note = g_strdup_printf ("未安排第一议题学习的党组会议：%s。", list);
      sl_table_add_note (table, note);
    }

  sl_tables_finish (table);
  return g_steal_pointer (&table);
}

/* 理论学习中心组学习台账 ------------------------------------------------------- */

/* Plan item id → how the central group ledger names it. */
static GHashTable *
plan_item_labels (Builder  *b,
                  GError  **error)
{
  g_autoptr(GHashTable) labels = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  g_autoptr(GPtrArray) plans = sl_ledger_load_plans (b->ledger, b->year, error);

  if (plans == NULL)
    return NULL;

  for (guint p = 0; p < plans->len; p++)
    {
      GListModel *items = sl_plan_get_items (g_ptr_array_index (plans, p));

      for (guint i = 0; i < g_list_model_get_n_items (items); i++)
        {
          g_autoptr(SlPlanItem) item = g_list_model_get_item (items, i);
          g_autoptr(GString) label = g_string_new (NULL);

          g_string_append_printf (label, "第%u项", i + 1);
          if (sl_plan_item_get_month (item) > 0)
            g_string_append_printf (label, "（%d月）", sl_plan_item_get_month (item));
          else
            g_string_append (label, "：");
          if (sl_plan_item_get_theme (item) && *sl_plan_item_get_theme (item))
            g_string_append (label, sl_plan_item_get_theme (item));

          g_hash_table_insert (labels, g_strdup (sl_record_get_id (SL_RECORD (item))),
                               g_string_free (g_steal_pointer (&label), FALSE));
        }
    }

  return g_steal_pointer (&labels);
}

static char *
studies_text (SlMeeting *meeting,
              gboolean   with_sources)
{
  GListModel *studies = sl_meeting_get_studies (meeting);
  guint n = g_list_model_get_n_items (studies);
  g_autoptr(GString) text = g_string_new (NULL);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(SlStudy) study = g_list_model_get_item (studies, i);
      g_autofree char *source = with_sources ? sl_tables_study_source (study, "，") : NULL;
      g_autofree char *line = NULL;

      if (source && *source)
        line = g_strdup_printf ("%s（%s）", sl_study_get_title (study) ? sl_study_get_title (study) : "",
                                source);
      else
        line = g_strdup (sl_study_get_title (study));
      sl_tables_add_line (text, i, n, line);
    }

  return g_string_free (g_steal_pointer (&text), FALSE);
}

SlTable *
sl_tables_build_central_group_ledger (Builder  *b,
                                      GError  **error)
{
  static const ColumnSpec columns[] = {
    { "序号",          W_INDEX, FALSE },
    { "学习时间",      W_DATE,  FALSE },
    { "会议名称及次序", 10.0,   TRUE  },
    { "学习形式",      4.5,     FALSE },
    { "学习主题",      9.0,     TRUE  },
    { "学习内容",      15.0,    TRUE  },
    { "领学人/主讲人", W_NAME,  FALSE },
    { "研讨发言人",    7.0,     TRUE  },
    { "应到",          W_COUNT, FALSE },
    { "实到",          W_COUNT, FALSE },
    { "请假/缺席人员", 7.0,     TRUE  },
    { "列席人员",      6.0,     TRUE  },
    { "对应计划",      8.0,     TRUE  },
    { "落实措施",      13.0,    TRUE  },
    { "备注",          6.0,     TRUE  },
  };
  g_autofree char *title =
    sl_tables_document_title (b, sl_wording_document_name (SL_DOCUMENT_CENTRAL_GROUP_LEDGER));
  g_autoptr(SlTable) table = sl_tables_new_table (b, title, "中心组学习台账");
  g_autoptr(GHashTable) labels = NULL;
  guint n_rows = 0, n_expanded = 0;

  if (!sl_tables_load_meetings (b, error) || !(labels = plan_item_labels (b, error)))
    return NULL;

  sl_tables_add_columns (table, columns, G_N_ELEMENTS (columns));
  sl_table_set_key_columns (table, 2);

  for (guint m = 0; m < b->meetings->len; m++)
    {
      SlMeeting *meeting = g_ptr_array_index (b->meetings, m);
      GListModel *studies = sl_meeting_get_studies (meeting);
      GListModel *guests = sl_meeting_get_guests (meeting);
      g_autofree char *name = NULL;
      g_autofree char *content = NULL;
      g_autofree char *leads = NULL;
      g_autofree char *speakers = NULL;
      g_autofree char *leave = NULL;
      g_autofree char *guest_names = NULL;
      g_autoptr(GPtrArray) names = g_ptr_array_new ();
      g_autoptr(GPtrArray) guest_list = g_ptr_array_new ();
      g_autoptr(GString) note = g_string_new (NULL);
      g_auto(Presence) presence = { 0 };
      g_auto(MeasureLines) measures = { 0 };
      const char *plan_item;

      if (sl_meeting_get_kind (meeting) != SL_MEETING_KIND_CENTRAL_GROUP)
        continue;

      for (guint s = 0; s < g_list_model_get_n_items (studies); s++)
        {
          g_autoptr(SlStudy) study = g_list_model_get_item (studies, s);
          sl_tables_add_name (names, sl_tables_member_name (b, sl_study_get_lead (study)));
        }
      for (guint g = 0; g < g_list_model_get_n_items (guests); g++)
        {
          g_autoptr(SlGuest) guest = g_list_model_get_item (guests, g);
          sl_tables_add_name (guest_list, sl_guest_get_name (guest));
        }

      name = sl_wording_meeting_name (meeting);
      content = studies_text (meeting, TRUE);
      leads = sl_tables_join_names (names);
      speakers = sl_tables_speakers_text (b, meeting);
      guest_names = sl_tables_join_names (guest_list);
      sl_tables_presence_init (&presence, b, meeting);
      leave = sl_tables_presence_leave_text (&presence);
      sl_tables_measure_lines_init (&measures, b, meeting);
      plan_item = sl_meeting_get_plan_item (meeting);

      if (sl_meeting_get_expanded (meeting))
        {
          g_string_append (note, "扩大学习");
          n_expanded++;
        }
      if (sl_meeting_get_note (meeting) && *sl_meeting_get_note (meeting))
        g_string_append_printf (note, "%s%s", note->len ? "；" : "", sl_meeting_get_note (meeting));

      sl_table_begin_row (table);
      sl_table_add_number (table, ++n_rows);
      sl_table_add_date (table, sl_meeting_get_date (meeting));
      sl_table_add_text (table, name);
      sl_table_add_text (table, sl_wording_study_form (sl_meeting_get_form (meeting)));
      sl_table_add_text (table, sl_meeting_get_theme (meeting));
      sl_table_add_text (table, content);
      sl_table_add_text (table, leads);
      sl_table_add_text (table, speakers);
      sl_table_add_number (table, presence.expected);
      sl_table_add_number (table, presence.present);
      sl_table_add_text (table, leave);
      sl_table_add_text (table, guest_names);
      sl_table_add_text (table, plan_item ? g_hash_table_lookup (labels, plan_item) : NULL);
      sl_table_add_text (table, measures.texts->str);
      sl_table_add_text (table, note->str);
    }

  {
    g_autofree char *note = g_strdup_printf ("本年度开展理论学习中心组集体学习%u次（要求不少于%d次），"
                                             "其中扩大学习%u次。",
                                             n_rows, b->rules.central_group_per_year, n_expanded);
    sl_table_add_note (table, note);
  }

  sl_tables_finish (table);
  return g_steal_pointer (&table);
}

/* 会议学习台账: every meeting ------------------------------------------------ */

SlTable *
sl_tables_build_meetings_ledger (Builder  *b,
                                 GError  **error)
{
  static const ColumnSpec columns[] = {
    { "序号",     W_INDEX, FALSE },
    { "日期",     W_DATE,  FALSE },
    { "会议类型", 6.0,     FALSE },
    { "会议名称", 11.0,    TRUE  },
    { "主题",     10.0,    TRUE  },
    { "主持人",   W_NAME,  FALSE },
    { "记录人",   W_NAME,  FALSE },
    { "应到",     W_COUNT, FALSE },
    { "实到",     W_COUNT, FALSE },
    { "请假",     W_COUNT, FALSE },
    { "缺席",     W_COUNT, FALSE },
    { "学习内容", 16.0,    TRUE  },
    { "备注",     7.0,     TRUE  },
  };
  g_autofree char *title =
    sl_tables_document_title (b, sl_wording_document_name (SL_DOCUMENT_MEETINGS_LEDGER));
  g_autoptr(SlTable) table = sl_tables_new_table (b, title, "会议学习台账");
  guint by_kind[SL_MEETING_KIND_OTHER + 1] = { 0 };
  g_autoptr(GString) summary = g_string_new (NULL);
  g_autoptr(GPtrArray) meetings = NULL;

  /* What the rows show, and no more: not the meetings with their details
   * (docs/performance.md). */
  meetings = sl_ledger_query_meeting_summaries (b->ledger, b->year, b->request->organization,
                                                error);
  if (meetings == NULL)
    return NULL;

  sl_tables_add_columns (table, columns, G_N_ELEMENTS (columns));
  sl_table_set_key_columns (table, 2);

  for (guint m = 0; m < meetings->len; m++)
    {
      const SlMeetingSummary *meeting = g_ptr_array_index (meetings, m);
      g_autofree char *name = sl_wording_meeting_name_from (meeting->title, meeting->date,
                                                            meeting->sequence, meeting->kind);
      g_autoptr(GString) content = g_string_new (NULL);

      for (guint i = 0; i < meeting->studies->len; i++)
        sl_tables_add_line (content, i, meeting->studies->len,
                            g_ptr_array_index (meeting->studies, i));

      if (meeting->kind <= SL_MEETING_KIND_OTHER)
        by_kind[meeting->kind]++;

      sl_table_begin_row (table);
      sl_table_add_number (table, m + 1);
      sl_table_add_date (table, meeting->date);
      sl_table_add_text (table, sl_wording_meeting_kind (meeting->kind));
      sl_table_add_text (table, name);
      sl_table_add_text (table, meeting->theme);
      sl_table_add_text (table, sl_tables_member_name (b, meeting->chair));
      sl_table_add_text (table, sl_tables_member_name (b, meeting->recorder));
      sl_table_add_number (table, meeting->expected);
      sl_table_add_number (table, meeting->present);
      sl_table_add_number (table, meeting->leave);
      sl_table_add_number (table, meeting->absent);
      sl_table_add_text (table, content->str);
      sl_table_add_text (table, meeting->note);
    }

  g_string_append_printf (summary, "本年度共召开各类会议%u次", meetings->len);
  for (guint k = 1, listed = 0; k < G_N_ELEMENTS (by_kind); k++)
    if (by_kind[k] > 0)
      g_string_append_printf (summary, "%s%s%u次", listed++ ? "，" : "：",
                              sl_wording_meeting_kind (k), by_kind[k]);
  g_string_append (summary, "。");
  sl_table_add_note (table, summary->str);

  sl_tables_finish (table);
  return g_steal_pointer (&table);
}

/* 学习计划安排表 ------------------------------------------------------------- */

static char *
member_names (Builder            *b,
              const char * const *ids)
{
  g_autoptr(GPtrArray) names = g_ptr_array_new ();

  for (guint i = 0; ids != NULL && ids[i] != NULL; i++)
    sl_tables_add_name (names, sl_tables_member_name (b, ids[i]));

  return sl_tables_join_names (names);
}

static const char *
organization_name (Builder    *b,
                   const char *id)
{
  SlOrganization *organization = id ? sl_ledger_find_organization (b->ledger, id) : NULL;

  return organization ? sl_organization_get_name (organization) : NULL;
}

static SlTable *
build_plan_table (Builder  *b,
                  SlPlan   *plan,
                  gboolean  several,
                  GError  **error)
{
  static const ColumnSpec columns[] = {
    { "序号",          W_INDEX, FALSE },
    { "时间",          W_DATE,  FALSE },
    { "学习专题",      10.0,    TRUE  },
    { "学习内容",      18.0,    TRUE  },
    { "学习形式",      4.5,     FALSE },
    { "领学人/主讲人", 6.0,     FALSE },
    { "研讨发言人",    8.0,     TRUE  },
    { "参加范围",      7.0,     TRUE  },
    { "开展情况",      4.5,     FALSE },
    { "备注",          9.0,     TRUE  },
  };
  const char *unit = organization_name (b, sl_plan_get_organization (plan));
  const char *plan_title = sl_plan_get_title (plan);
  GListModel *items = sl_plan_get_items (plan);
  guint n_items = g_list_model_get_n_items (items);
  guint n_held = 0, n_cancelled = 0, n_adjusted = 0;
  g_autofree char *default_title = NULL;
  g_autofree char *title = NULL;
  g_autofree char *name = NULL;
  g_autofree char *subtitle = NULL;
  g_autofree char *rate = NULL;
  g_autofree char *note = NULL;
  g_autoptr(GHashTable) held = NULL;
  g_autoptr(SlTable) table = NULL;

  held = sl_ledger_query_plan_items_held (b->ledger, sl_record_get_id (SL_RECORD (plan)), error);
  if (held == NULL)
    return NULL;

  if (plan_title == NULL || *plan_title == '\0')
    plan_title = default_title = g_strdup_printf ("%d年度理论学习中心组学习计划",
                                                  sl_plan_get_year (plan));
  title = g_strdup_printf ("%s%s安排表",
                           unit && !g_str_has_prefix (plan_title, unit) ? unit : "", plan_title);
  name = several && unit ? g_strdup_printf ("%s安排表", unit) : g_strdup ("学习计划安排表");

  table = sl_table_new (title);
  sl_table_set_name (table, name);
  /* The plan's own organization fills it in, whatever the request named. */
  subtitle = sl_tables_period_subtitle_for (b, unit ? unit : b->unit);
  sl_table_set_subtitle (table, subtitle);
  sl_tables_add_columns (table, columns, G_N_ELEMENTS (columns));
  sl_table_set_key_columns (table, 2);

  for (guint i = 0; i < n_items; i++)
    {
      g_autoptr(SlPlanItem) item = g_list_model_get_item (items, i);
      SlPlanItemHeld *done = g_hash_table_lookup (held, sl_record_get_id (SL_RECORD (item)));
      g_autofree char *leads = member_names (b, sl_plan_item_get_leads (item));
      g_autofree char *speakers = member_names (b, sl_plan_item_get_speakers (item));
      g_autoptr(GString) remark = g_string_new (NULL);
      const char *state;

      /* 开展情况: held when a meeting names the item, whatever its status. */
      if (done != NULL)
        {
          g_autofree char *date = sl_wording_date (done->first_date);

          state = "已开展";
          n_held++;
          g_string_append_printf (remark, "%s开展", date);
          if (done->count > 1)
            g_string_append_printf (remark, "（共%u次）", done->count);
        }
      else if (sl_plan_item_get_status (item) == SL_PLAN_ITEM_STATUS_CANCELLED)
        state = "取消";
      else if (sl_plan_item_get_status (item) == SL_PLAN_ITEM_STATUS_ADJUSTED)
        state = "调整";
      else
        state = "未开展";

      if (sl_plan_item_get_status (item) == SL_PLAN_ITEM_STATUS_CANCELLED)
        n_cancelled++;
      else if (sl_plan_item_get_status (item) == SL_PLAN_ITEM_STATUS_ADJUSTED)
        n_adjusted++;

      if (sl_plan_item_get_department (item) && *sl_plan_item_get_department (item))
        g_string_append_printf (remark, "%s承办：%s", remark->len ? "；" : "",
                                sl_plan_item_get_department (item));
      if (sl_plan_item_get_note (item) && *sl_plan_item_get_note (item))
        g_string_append_printf (remark, "%s%s", remark->len ? "；" : "", sl_plan_item_get_note (item));

      sl_table_begin_row (table);
      sl_table_add_number (table, i + 1);
      if (sl_plan_item_get_planned_on (item) && *sl_plan_item_get_planned_on (item))
        sl_table_add_date (table, sl_plan_item_get_planned_on (item));
      else if (sl_plan_item_get_month (item) > 0)
        {
          g_autofree char *month = g_strdup_printf ("%d月", sl_plan_item_get_month (item));
          sl_table_add_text (table, month);
        }
      else
        sl_table_add_text (table, NULL);
      sl_table_add_text (table, sl_plan_item_get_theme (item));
      sl_table_add_text (table, sl_plan_item_get_content (item));
      sl_table_add_text (table, sl_wording_study_form (sl_plan_item_get_form (item)));
      sl_table_add_text (table, leads);
      sl_table_add_text (table, speakers);
      sl_table_add_text (table, sl_plan_item_get_scope (item));
      sl_table_add_text (table, state);
      sl_table_add_text (table, remark->str);
    }

  rate = sl_tables_format_rate (n_items ? (double) n_held / n_items : NAN);
  note = g_strdup_printf ("计划安排%u项，已开展%u项，兑现率%s（已开展项数÷计划安排项数）。",
                          n_items, n_held, rate);
  sl_table_add_note (table, note);
  if (n_cancelled || n_adjusted)
    {
      g_autofree char *changes = g_strdup_printf ("其中调整%u项，取消%u项。", n_adjusted, n_cancelled);
      sl_table_add_note (table, changes);
    }

  sl_tables_finish (table);
  return g_steal_pointer (&table);
}

gboolean
sl_tables_build_plan (Builder    *b,
                      GPtrArray  *tables,
                      GError    **error)
{
  g_autoptr(GPtrArray) plans = sl_ledger_load_plans (b->ledger, b->year, error);
  g_autoptr(GPtrArray) chosen = g_ptr_array_new ();

  if (plans == NULL)
    return FALSE;

  for (guint i = 0; i < plans->len; i++)
    {
      SlPlan *plan = g_ptr_array_index (plans, i);

      if (b->request->organization == NULL ||
          g_strcmp0 (sl_plan_get_organization (plan), b->request->organization) == 0)
        g_ptr_array_add (chosen, plan);
    }

  if (chosen->len == 0)
    {
      if (b->unit != NULL && b->request->organization != NULL)
        g_set_error (error, SL_DOCUMENT_ERROR, SL_DOCUMENT_ERROR_NOT_FOUND,
                     _("%s has no study plan for %d"), b->unit, b->year);
      else
        g_set_error (error, SL_DOCUMENT_ERROR, SL_DOCUMENT_ERROR_NOT_FOUND,
                     _("The ledger has no study plan for %d"), b->year);
      return FALSE;
    }

  for (guint i = 0; i < chosen->len; i++)
    {
      SlTable *table = build_plan_table (b, g_ptr_array_index (chosen, i), chosen->len > 1, error);

      if (table == NULL)
        return FALSE;
      g_ptr_array_add (tables, table);
    }

  return TRUE;
}

/* 出勤统计表 ------------------------------------------------------------------ */

static const char *
attendance_mark (SlAttendance *row)
{
  switch (sl_attendance_get_status (row))
    {
    case SL_ATTENDANCE_STATUS_PRESENT: return "出";
    case SL_ATTENDANCE_STATUS_LEAVE:   return sl_attendance_is_made_up (row) ? "假补" : "假";
    case SL_ATTENDANCE_STATUS_ABSENT:  return sl_attendance_is_made_up (row) ? "缺补" : "缺";
    case SL_ATTENDANCE_STATUS_NONE:
    default:                           return "";
    }
}

void
sl_tables_add_member_totals (SlTable             *table,
                             const SlMemberStats *member)
{
  sl_table_add_number (table, member->expected);
  sl_table_add_number (table, member->present);
  sl_table_add_number (table, member->leave);
  sl_table_add_number (table, member->absent);
  sl_table_add_number (table, member->made_up);
  sl_table_add_percent (table, sl_member_stats_attendance_rate (member));
  sl_table_add_percent (table, sl_member_stats_participation_rate (member));
}

static const ColumnSpec member_total_columns[] = {
  { "应参加", W_COUNT, FALSE },
  { "出席",   W_COUNT, FALSE },
  { "请假",   W_COUNT, FALSE },
  { "缺席",   W_COUNT, FALSE },
  { "补学",   W_COUNT, FALSE },
  { "出席率", W_RATE,  FALSE },
  { "参学率", W_RATE,  FALSE },
};

void
sl_tables_add_member_total_columns (SlTable *table)
{
  sl_tables_add_columns (table, member_total_columns, G_N_ELEMENTS (member_total_columns));
}

/* The members an inspection would ask about, by the rules' thresholds. */
static void
add_flag_notes (Builder      *b,
                SlTable      *table,
                SlStatistics *stats)
{
  g_autoptr(GPtrArray) low = g_ptr_array_new ();
  g_autoptr(GPtrArray) absent = g_ptr_array_new ();
  g_autoptr(GPtrArray) leave = g_ptr_array_new ();
  g_autofree char *threshold = sl_tables_format_threshold (b->rules.attendance_threshold);

  for (guint i = 0; i < stats->members->len; i++)
    {
      const SlMemberStats *member = g_ptr_array_index (stats->members, i);
      double rate = sl_member_stats_attendance_rate (member);

      if (!isnan (rate) && rate < b->rules.attendance_threshold)
        g_ptr_array_add (low, member->name);
      if (b->rules.absence_limit > 0 && member->absent >= (guint) b->rules.absence_limit)
        g_ptr_array_add (absent, member->name);
      if (b->rules.leave_limit > 0 && member->leave > (guint) b->rules.leave_limit)
        g_ptr_array_add (leave, member->name);
    }

  if (low->len > 0)
    {
      g_autofree char *names = sl_tables_join_names (low);
      g_autofree char *note = g_strdup_printf ("出席率低于%s：%s。", threshold, names);
      sl_table_add_note (table, note);
    }
  if (absent->len > 0)
    {
      g_autofree char *names = sl_tables_join_names (absent);
      g_autofree char *note = g_strdup_printf ("无故缺席%d次及以上：%s。", b->rules.absence_limit, names);
      sl_table_add_note (table, note);
    }
  if (leave->len > 0)
    {
      g_autofree char *names = sl_tables_join_names (leave);
      g_autofree char *note = g_strdup_printf ("请假超过%d次：%s。", b->rules.leave_limit, names);
      sl_table_add_note (table, note);
    }
}

SlTable *
sl_tables_build_attendance (Builder  *b,
                            GError  **error)
{
  g_autofree char *title =
    sl_tables_document_title (b, sl_wording_document_name (SL_DOCUMENT_ATTENDANCE));
  g_autoptr(SlTable) table = sl_tables_new_table (b, title, "出勤统计");
  g_autoptr(SlStatistics) stats = NULL;
  g_autoptr(GPtrArray) by_member = NULL;   /* per meeting: member id → SlAttendance */

  if (!sl_tables_load_meetings (b, error))
    return NULL;

  stats = sl_statistics_compute (sl_ledger_get_database (b->ledger), b->year,
                                 b->request->organization, b->today, error);
  if (stats == NULL)
    return NULL;

  sl_table_add_column (table, "序号", W_INDEX, FALSE);
  sl_table_add_column (table, "姓名", W_NAME, FALSE);
  by_member = g_ptr_array_new_with_free_func ((GDestroyNotify) g_hash_table_unref);
  for (guint m = 0; m < b->meetings->len; m++)
    {
      SlMeeting *meeting = g_ptr_array_index (b->meetings, m);
      GListModel *rows = sl_meeting_get_attendance (meeting);
      GHashTable *members = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, g_object_unref);
      int year, month, day;
      g_autofree char *header = NULL;

      if (sscanf (sl_meeting_get_date (meeting), "%d-%d-%d", &year, &month, &day) == 3)
        header = g_strdup_printf ("%d月%d日\n%s", month, day,
                                  sl_wording_meeting_kind_short (sl_meeting_get_kind (meeting)));
      else
        header = g_strdup (sl_wording_meeting_kind_short (sl_meeting_get_kind (meeting)));
      sl_table_add_column (table, header, 4.0, FALSE);

      for (guint i = 0; i < g_list_model_get_n_items (rows); i++)
        {
          SlAttendance *row = g_list_model_get_item (rows, i);
          g_hash_table_insert (members, (gpointer) sl_attendance_get_member (row), row);
        }
      g_ptr_array_add (by_member, members);
    }
  sl_tables_add_member_total_columns (table);
  sl_table_set_key_columns (table, 2);

  for (guint i = 0; i < stats->members->len; i++)
    {
      const SlMemberStats *member = g_ptr_array_index (stats->members, i);

      sl_table_begin_row (table);
      sl_table_add_number (table, i + 1);
      sl_table_add_text (table, member->name);
      for (guint m = 0; m < by_member->len; m++)
        {
          SlAttendance *row = g_hash_table_lookup (g_ptr_array_index (by_member, m), member->id);
          sl_table_add_text (table, row ? attendance_mark (row) : "—");
        }
      sl_tables_add_member_totals (table, member);
    }

  sl_table_add_note (table, "说明：出＝出席，假＝请假，缺＝缺席，假补、缺补＝请假、缺席后已补学，"
                            "—＝不在应到范围（未入职、已调离或非本组织会议）。");
  sl_table_add_note (table, "出席率＝出席次数÷应参加次数；参学率＝（出席次数＋补学次数）÷应参加次数。");
  add_flag_notes (b, table, stats);

  sl_tables_finish (table);
  return g_steal_pointer (&table);
}

/* 贯彻落实措施跟踪表 ------------------------------------------------------------ */

SlTable *
sl_tables_build_measures (Builder  *b,
                          GError  **error)
{
  static const ColumnSpec columns[] = {
    { "序号",     W_INDEX, FALSE },
    { "落实措施", 18.0,    TRUE  },
    { "来源会议", 11.0,    TRUE  },
    { "会议日期", W_DATE,  FALSE },
    { "责任领导", W_NAME,  FALSE },
    { "责任部门", 6.0,     TRUE  },
    { "完成时限", W_DATE,  FALSE },
    { "状态",     4.0,     FALSE },
    { "完成日期", W_DATE,  FALSE },
    { "进展情况", 14.0,    TRUE  },
  };
  g_autofree char *title =
    sl_tables_document_title (b, sl_wording_document_name (SL_DOCUMENT_MEASURES));
  g_autoptr(SlTable) table = sl_tables_new_table (b, title, "落实措施跟踪");
  guint n = 0, n_done = 0, n_overdue = 0, n_in_progress = 0, n_open = 0;

  if (!sl_tables_load_meetings (b, error))
    return NULL;

  sl_tables_add_columns (table, columns, G_N_ELEMENTS (columns));
  sl_table_set_key_columns (table, 2);

  for (guint m = 0; m < b->meetings->len; m++)
    {
      SlMeeting *meeting = g_ptr_array_index (b->meetings, m);
      GListModel *measures = sl_meeting_get_measures (meeting);
      g_autofree char *name = sl_wording_meeting_name (meeting);

      for (guint i = 0; i < g_list_model_get_n_items (measures); i++)
        {
          g_autoptr(SlMeasure) measure = g_list_model_get_item (measures, i);

          if (sl_tables_measure_is_overdue (b, measure))
            n_overdue++;
          else if (sl_measure_get_status (measure) == SL_MEASURE_STATUS_DONE)
            n_done++;
          else if (sl_measure_get_status (measure) == SL_MEASURE_STATUS_IN_PROGRESS)
            n_in_progress++;
          else
            n_open++;

          sl_table_begin_row (table);
          sl_table_add_number (table, ++n);
          sl_table_add_text (table, sl_measure_get_text (measure));
          sl_table_add_text (table, name);
          sl_table_add_date (table, sl_meeting_get_date (meeting));
          sl_table_add_text (table, sl_tables_member_name (b, sl_measure_get_owner (measure)));
          sl_table_add_text (table, sl_measure_get_department (measure));
          sl_table_add_date (table, sl_measure_get_due_on (measure));
          if (sl_tables_measure_is_overdue (b, measure))
            sl_table_add_alert (table, sl_tables_measure_state (b, measure));
          else
            sl_table_add_text (table, sl_tables_measure_state (b, measure));
          sl_table_add_date (table, sl_measure_get_done_on (measure));
          sl_table_add_text (table, sl_measure_get_progress (measure));
        }
    }

  {
    g_autofree char *today = sl_wording_date (b->today);
    g_autofree char *note = g_strdup_printf ("共%u项：已完成%u项，推进中%u项，待落实%u项，逾期%u项"
                                             "（截至%s，未完成且已过完成时限的为逾期）。",
                                             n, n_done, n_in_progress, n_open, n_overdue, today);
    sl_table_add_note (table, note);
  }

  sl_tables_finish (table);
  return g_steal_pointer (&table);
}

/* 年度学习情况统计 -------------------------------------------------------------- */

static SlTable *
annual_table (Builder    *b,
              const char *section,
              const char *name)
{
  g_autofree char *title =
    sl_tables_document_title (b, sl_wording_document_name (SL_DOCUMENT_ANNUAL_REPORT));
  g_autofree char *period = sl_tables_period_subtitle (b);
  g_autofree char *subtitle = g_strdup_printf ("%s　　　　%s", section, period);
  SlTable *table = sl_table_new (title);

  sl_table_set_name (table, name);
  sl_table_set_subtitle (table, subtitle);
  return table;
}

static SlTable *
annual_meetings (Builder      *b,
                 SlStatistics *stats)
{
  /* The kinds the rules ask about are listed even when none was held. */
  static const SlMeetingKind always[] = {
    SL_MEETING_KIND_PARTY_GROUP, SL_MEETING_KIND_CENTRAL_GROUP,
    SL_MEETING_KIND_IDEOLOGY, SL_MEETING_KIND_SITUATION_ANALYSIS,
  };
  SlTable *table = annual_table (b, "一、各类会议开展情况", "会议开展情况");
  guint month_totals[12] = { 0 };

  sl_table_add_column (table, "会议类型", 10.0, TRUE);
  for (int month = 1; month <= 12; month++)
    {
      g_autofree char *header = g_strdup_printf ("%d月", month);
      sl_table_add_column (table, header, W_COUNT, FALSE);
    }
  sl_table_add_column (table, "合计", W_COUNT, FALSE);
  sl_table_set_key_columns (table, 1);

  for (SlMeetingKind kind = SL_MEETING_KIND_PARTY_GROUP; kind <= SL_MEETING_KIND_OTHER; kind++)
    {
      gboolean listed = stats->meetings_by_kind[kind] > 0;

      for (guint i = 0; i < G_N_ELEMENTS (always); i++)
        listed |= always[i] == kind;
      if (!listed)
        continue;

      sl_table_begin_row (table);
      sl_table_add_text (table, sl_wording_meeting_kind (kind));
      for (int month = 0; month < 12; month++)
        {
          sl_table_add_number (table, stats->meetings_by_month[month][kind]);
          month_totals[month] += stats->meetings_by_month[month][kind];
        }
      sl_table_add_number (table, stats->meetings_by_kind[kind]);
    }

  sl_table_begin_row (table);
  sl_table_add_text (table, "合计");
  for (int month = 0; month < 12; month++)
    sl_table_add_number (table, month_totals[month]);
  sl_table_add_number (table, stats->meetings_total);

  {
    g_autofree char *note = g_strdup_printf ("全年共召开各类会议%u次；贯彻落实措施未完成%u项，其中逾期%u项。",
                                             stats->meetings_total, stats->measures_open,
                                             stats->measures_overdue);
    sl_table_add_note (table, note);
  }

  sl_tables_finish (table);
  return table;
}

static SlTable *
annual_members (Builder      *b,
                SlStatistics *stats)
{
  SlTable *table = annual_table (b, "二、个人出勤情况", "个人出勤情况");
  g_autofree char *threshold = sl_tables_format_threshold (b->rules.attendance_threshold);

  sl_table_add_column (table, "序号", W_INDEX, FALSE);
  sl_table_add_column (table, "姓名", W_NAME, FALSE);
  sl_tables_add_member_total_columns (table);
  sl_table_add_column (table, "备注", 12.0, TRUE);
  sl_table_set_key_columns (table, 2);

  for (guint i = 0; i < stats->members->len; i++)
    {
      const SlMemberStats *member = g_ptr_array_index (stats->members, i);
      double rate = sl_member_stats_attendance_rate (member);
      g_autoptr(GString) remark = g_string_new (NULL);

      if (!isnan (rate) && rate < b->rules.attendance_threshold)
        g_string_append_printf (remark, "出席率低于%s", threshold);
      if (b->rules.absence_limit > 0 && member->absent >= (guint) b->rules.absence_limit)
        g_string_append_printf (remark, "%s无故缺席%u次", remark->len ? "；" : "", member->absent);
      if (b->rules.leave_limit > 0 && member->leave > (guint) b->rules.leave_limit)
        g_string_append_printf (remark, "%s请假%u次", remark->len ? "；" : "", member->leave);
      if (member->expected == 0)
        g_string_append (remark, "本年度无应参加会议");

      sl_table_begin_row (table);
      sl_table_add_number (table, i + 1);
      sl_table_add_text (table, member->name);
      sl_tables_add_member_totals (table, member);
      sl_table_add_text (table, remark->str);
    }

  sl_table_add_note (table, "出席率＝出席次数÷应参加次数；参学率＝（出席次数＋补学次数）÷应参加次数。");

  sl_tables_finish (table);
  return table;
}

/* The items of a plan that no meeting names, “3月：专题（取消）”. */
static char *
plan_items_not_held (Builder     *b,
                     const char  *plan,
                     GError     **error)
{
  g_autoptr(GPtrArray) items = sl_ledger_query_plan_items_not_held (b->ledger, plan, error);
  g_autoptr(GPtrArray) lines = g_ptr_array_new_with_free_func (g_free);

  if (items == NULL)
    return NULL;

  for (guint i = 0; i < items->len; i++)
    {
      const SlPlanItemNotHeld *item = g_ptr_array_index (items, i);
      g_autoptr(GString) line = g_string_new (NULL);

      if (item->month > 0)
        g_string_append_printf (line, "%d月", item->month);
      if (item->theme && *item->theme)
        g_string_append_printf (line, "%s%s", line->len ? "：" : "", item->theme);
      if (item->status == SL_PLAN_ITEM_STATUS_CANCELLED)
        g_string_append (line, "（取消）");
      else if (item->status == SL_PLAN_ITEM_STATUS_ADJUSTED)
        g_string_append (line, "（调整）");
      g_ptr_array_add (lines, g_string_free (g_steal_pointer (&line), FALSE));
    }

  g_ptr_array_add (lines, NULL);
  return g_strjoinv ("\n", (char **) lines->pdata);
}

static SlTable *
annual_plans (Builder       *b,
              SlStatistics  *stats,
              GError       **error)
{
  g_autoptr(SlTable) table = annual_table (b, "三、学习计划完成情况", "学习计划完成情况");

  sl_table_add_column (table, "序号", W_INDEX, FALSE);
  sl_table_add_column (table, "学习计划", 14.0, TRUE);
  sl_table_add_column (table, "计划项数", W_COUNT + 1, FALSE);
  sl_table_add_column (table, "已开展", W_COUNT + 1, FALSE);
  sl_table_add_column (table, "兑现率", W_RATE, FALSE);
  sl_table_add_column (table, "未开展事项", 16.0, TRUE);
  sl_table_set_key_columns (table, 2);

  for (guint i = 0; i < stats->plans->len; i++)
    {
      const SlPlanStats *plan = g_ptr_array_index (stats->plans, i);
      g_autofree char *not_held = plan_items_not_held (b, plan->id, error);

      if (not_held == NULL)
        return NULL;

      sl_table_begin_row (table);
      sl_table_add_number (table, i + 1);
      sl_table_add_text (table, plan->title && *plan->title ? plan->title : "学习计划");
      sl_table_add_number (table, plan->planned);
      sl_table_add_number (table, plan->held);
      sl_table_add_percent (table, sl_plan_stats_fulfilment_rate (plan));
      sl_table_add_text (table, not_held);
    }

  if (stats->plans->len == 0)
    sl_table_add_note (table, "本年度尚未录入学习计划。");
  sl_table_add_note (table, "兑现率＝已开展项数÷计划安排项数；计划项由会议记录中的“对应计划”认定为已开展。");

  sl_tables_finish (table);
  return g_steal_pointer (&table);
}

/* What a rule still lacks, as SlStatistics lists it (“2023-08-02 title” or
 * a name), with dates written the Chinese way. */
static char *
missing_text (const SlComplianceResult *result)
{
  g_autoptr(GPtrArray) lines = g_ptr_array_new_with_free_func (g_free);

  for (guint i = 0; i < result->missing->len; i++)
    {
      const char *line = g_ptr_array_index (result->missing, i);
      g_autofree char *date = g_strndup (line, 10);

      if (strlen (line) > 11 && line[10] == ' ' && sl_date_is_valid (date))
        {
          g_autofree char *formatted = sl_wording_date (date);
          g_ptr_array_add (lines, g_strconcat (formatted, line + 11, NULL));
        }
      else
        g_ptr_array_add (lines, g_strdup (line));
    }

  if (lines->len == 0)
    return NULL;
  {
    g_autofree char *list = sl_tables_join_names (lines);

    if (g_str_equal (result->rule, "first_topic_every_party_group_meeting"))
      return g_strdup_printf ("未安排第一议题学习：%s", list);
    if (g_str_equal (result->rule, "research_topic_per_leader"))
      return g_strdup_printf ("尚未牵头调研课题：%s", list);
    return g_steal_pointer (&list);
  }
}

static SlTable *
annual_compliance (Builder      *b,
                   SlStatistics *stats)
{
  SlTable *table = annual_table (b, "四、制度落实情况", "制度落实情况");
  g_autofree char *today = sl_wording_date (b->today);
  g_autofree char *note = NULL;

  sl_table_add_column (table, "序号", W_INDEX, FALSE);
  sl_table_add_column (table, "制度要求", 14.0, TRUE);
  sl_table_add_column (table, "时段", 5.0, FALSE);
  sl_table_add_column (table, "应达到", W_COUNT + 0.5, FALSE);
  sl_table_add_column (table, "实际", W_COUNT + 0.5, FALSE);
  sl_table_add_column (table, "状态", 4.0, FALSE);
  sl_table_add_column (table, "说明", 14.0, TRUE);
  sl_table_set_key_columns (table, 2);

  for (guint i = 0; i < stats->compliance->len; i++)
    {
      const SlComplianceResult *result = g_ptr_array_index (stats->compliance, i);
      g_autofree char *rule = sl_wording_rule (result, &b->rules);
      g_autofree char *period = sl_wording_period (result->period);
      g_autofree char *missing = NULL;

      if (result->status != SL_COMPLIANCE_MET)
        missing = missing_text (result);

      sl_table_begin_row (table);
      sl_table_add_number (table, i + 1);
      sl_table_add_text (table, rule);
      sl_table_add_text (table, period);
      sl_table_add_number (table, result->required);
      sl_table_add_number (table, result->actual);
      if (result->status == SL_COMPLIANCE_MISSED)
        sl_table_add_alert (table, sl_wording_compliance (result->status));
      else
        sl_table_add_text (table, sl_wording_compliance (result->status));
      sl_table_add_text (table, missing);
    }

  note = g_strdup_printf ("达标＝已达到要求；进行中＝时段尚未结束、暂未达到；未达标＝时段已结束仍未达到（截至%s）。",
                          today);
  sl_table_add_note (table, note);

  sl_tables_finish (table);
  return table;
}

gboolean
sl_tables_build_annual_report (Builder    *b,
                               GPtrArray  *tables,
                               GError    **error)
{
  g_autoptr(SlStatistics) stats = NULL;
  SlTable *plans;

  stats = sl_statistics_compute (sl_ledger_get_database (b->ledger), b->year,
                                 b->request->organization, b->today, error);
  if (stats == NULL)
    return FALSE;

  g_ptr_array_add (tables, annual_meetings (b, stats));
  g_ptr_array_add (tables, annual_members (b, stats));
  if (!(plans = annual_plans (b, stats, error)))
    return FALSE;
  g_ptr_array_add (tables, plans);
  g_ptr_array_add (tables, annual_compliance (b, stats));

  return TRUE;
}

/* 签到表 ------------------------------------------------------------------- */

/* The people expected at @meeting: its attendance when it has been filled
 * in, otherwise the roster on its date (the central group's members for a
 * central group session, the organization's members for the others). */
static GPtrArray *
sign_in_members (Builder   *b,
                 SlMeeting *meeting)
{
  GListModel *rows = sl_meeting_get_attendance (meeting);
  GListModel *members = sl_ledger_get_members (b->ledger);
  GPtrArray *people = g_ptr_array_new ();

  for (guint i = 0; i < g_list_model_get_n_items (rows); i++)
    {
      g_autoptr(SlAttendance) row = g_list_model_get_item (rows, i);
      SlMember *member = sl_ledger_find_member (b->ledger, sl_attendance_get_member (row));

      if (member != NULL)
        g_ptr_array_add (people, member);
    }
  if (people->len > 0)
    return people;

  for (guint i = 0; i < g_list_model_get_n_items (members); i++)
    {
      g_autoptr(SlMember) member = g_list_model_get_item (members, i);
      gboolean belongs;

      if (sl_meeting_get_kind (meeting) == SL_MEETING_KIND_CENTRAL_GROUP)
        belongs = sl_member_get_central_group (member);
      else
        belongs = g_strcmp0 (sl_member_get_organization (member),
                             sl_meeting_get_organization (meeting)) == 0;

      /* The ledger's live list keeps the member alive. */
      if (belongs && sl_member_is_active_on (member, sl_meeting_get_date (meeting)))
        g_ptr_array_add (people, member);
    }

  return people;
}

SlTable *
sl_tables_build_sign_in (Builder  *b,
                         GError  **error)
{
  g_autoptr(SlMeeting) meeting = NULL;
  g_autoptr(GPtrArray) people = NULL;
  g_autoptr(SlTable) table = NULL;
  g_autoptr(GString) subtitle = g_string_new (NULL);
  g_autofree char *name = NULL;
  g_autofree char *title = NULL;
  g_autofree char *date = NULL;

  if (!(meeting = sl_ledger_load_meeting (b->ledger, b->request->meeting, error)))
    return NULL;

  name = sl_wording_meeting_name (meeting);
  title = g_strdup_printf ("%s签到表", name);
  date = sl_wording_date (sl_meeting_get_date (meeting));

  g_string_append_printf (subtitle, "时间：%s", date);
  if (sl_meeting_get_start (meeting))
    g_string_append_printf (subtitle, " %s", sl_meeting_get_start (meeting));
  if (sl_meeting_get_start (meeting) && sl_meeting_get_end (meeting))
    g_string_append_printf (subtitle, "—%s", sl_meeting_get_end (meeting));
  if (sl_meeting_get_place (meeting) && *sl_meeting_get_place (meeting))
    g_string_append_printf (subtitle, "　　地点：%s", sl_meeting_get_place (meeting));
  if (sl_meeting_get_theme (meeting) && *sl_meeting_get_theme (meeting))
    g_string_append_printf (subtitle, "　　主题：%s", sl_meeting_get_theme (meeting));

  table = sl_table_new (title);
  sl_table_set_name (table, "签到表");
  sl_table_set_subtitle (table, subtitle->str);
  sl_table_add_column (table, "序号", W_INDEX, FALSE);
  sl_table_add_column (table, "姓名", 5.0, FALSE);
  sl_table_add_column (table, "职务", 12.0, TRUE);
  sl_table_add_column (table, "签名", 14.0, TRUE);
  sl_table_add_column (table, "备注", 8.0, TRUE);
  sl_table_set_key_columns (table, 2);

  people = sign_in_members (b, meeting);
  for (guint i = 0; i < people->len; i++)
    {
      SlMember *member = g_ptr_array_index (people, i);

      sl_table_begin_row (table);
      sl_table_add_number (table, i + 1);
      sl_table_add_text (table, sl_member_get_name (member));
      sl_table_add_text (table, sl_member_get_post (member));
      sl_table_add_text (table, NULL);
      sl_table_add_text (table, NULL);
    }

  sl_table_add_note (table, "应到____人　　实到____人　　请假____人　　缺席____人");
  sl_table_add_note (table, "记录人（签字）：______________");

  sl_tables_finish (table);
  return g_steal_pointer (&table);
}

/* The document ----------------------------------------------------------------- */

/* With no organization asked for, a ledger of one bureau is still titled
 * with the bureau: the one organization that has no parent. */
static char *
title_unit (SlLedger   *ledger,
            const char *organization)
{
  GListModel *organizations;
  const char *top = NULL;
  guint n_top = 0;

  if (organization != NULL)
    {
      SlOrganization *found = sl_ledger_find_organization (ledger, organization);
      return found ? g_strdup (sl_organization_get_name (found)) : NULL;
    }

  organizations = sl_ledger_get_organizations (ledger);
  for (guint i = 0; i < g_list_model_get_n_items (organizations); i++)
    {
      g_autoptr(SlOrganization) each = g_list_model_get_item (organizations, i);
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
      return request->kind == SL_DOCUMENT_SIGN_IN ? g_strdup_printf ("%s签到表", name)
                                                  : g_strdup_printf ("%s记录", name);
    }

  builder_init (&b, ledger, request);
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
    case SL_DOCUMENT_MINUTES:
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
