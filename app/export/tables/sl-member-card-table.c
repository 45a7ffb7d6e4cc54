/* sl-member-card-table.c — the tables of a 个人学习档案 (one member, one year)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Built by sl_tables_build_member_card() for sl-ledger-tables.c; the
 * member card's pages (sl-member-card-pages.c) put a heading over each.
 * In order: the year's attendance figures, the meetings missed with their
 * make-up, the studies led, the speeches, the research topics, the talks,
 * the trainings by batch with their hours, and the self-study notes. The
 * figures are SlStatistics' own for the member (sl-member-year.c): the
 * card agrees with `stats --json` because it does not count again.
 */

#define G_LOG_DOMAIN "sl-ledger-tables"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>

#include "sl-attendance.h"
#include "sl-ledger-tables-private.h"
#include "sl-meeting.h"
#include "sl-member-year.h"
#include "sl-record.h"
#include "sl-research-topic.h"
#include "sl-speech.h"
#include "sl-study.h"
#include "sl-study-note.h"
#include "sl-talk.h"
#include "sl-wording.h"

static SlTable *
section (const char       *heading,
         const ColumnSpec *columns,
         guint             n_columns)
{
  SlTable *table = sl_table_new (heading);

  sl_table_set_name (table, heading);
  sl_tables_add_columns (table, columns, n_columns);
  return table;
}

/* A section with nothing in it still prints (the table engine writes
 * 无记录 in it), so that a reader sees it was looked at. */
static void
finish_section (GPtrArray *tables,
                SlTable   *table)
{
  sl_table_set_landscape (table, FALSE);
  g_ptr_array_add (tables, table);
}

static char *
hours_text (double hours)
{
  char buffer[G_ASCII_DTOSTR_BUF_SIZE];

  return g_strdup (g_ascii_formatd (buffer, sizeof buffer, "%g", hours));
}

static void
add_attendance (GPtrArray    *tables,
                SlMemberYear *year)
{
  static const ColumnSpec columns[] = {
    { "应参加", W_COUNT + 1, FALSE },
    { "出席",   W_COUNT,     FALSE },
    { "请假",   W_COUNT,     FALSE },
    { "缺席",   W_COUNT,     FALSE },
    { "已补学", W_COUNT + 1, FALSE },
    { "出勤率", W_RATE,      FALSE },
    { "参学率", W_RATE,      FALSE },
    { "第一议题领学", 6.0,   FALSE },
    { "中心组领学",   5.0,   FALSE },
    { "专题培训学时", 6.0,   FALSE },
  };
  SlTable *table = section ("一、全年学习情况", columns, G_N_ELEMENTS (columns));
  const char *note = "出勤率＝出席÷应参加；参学率＝（出席＋已补学）÷应参加；"
                     "培训学时只计出席的专题培训。";

  sl_table_begin_row (table);
  sl_table_add_number (table, year->stats.expected);
  sl_table_add_number (table, year->stats.present);
  sl_table_add_number (table, year->stats.leave);
  sl_table_add_number (table, year->stats.absent);
  sl_table_add_number (table, year->stats.made_up);
  sl_table_add_percent (table, year->attendance_rate);
  sl_table_add_percent (table, year->participation_rate);
  sl_table_add_number (table, year->first_topic_led);
  sl_table_add_number (table, year->central_group_led);
  sl_table_add_number (table, year->stats.training_hours);
  sl_table_add_note (table, note);
  finish_section (tables, table);
}

/* 出席, 请假（病假）, 缺席. */
static char *
attendance_word (SlAttendance *row)
{
  const char *kind = sl_wording_leave_kind (sl_attendance_get_leave_kind (row));

  switch (sl_attendance_get_status (row))
    {
    case SL_ATTENDANCE_STATUS_PRESENT: return g_strdup ("出席");
    case SL_ATTENDANCE_STATUS_ABSENT:  return g_strdup ("缺席");
    case SL_ATTENDANCE_STATUS_LEAVE:   return *kind ? g_strdup_printf ("请假（%s）", kind)
                                                    : g_strdup ("请假");
    case SL_ATTENDANCE_STATUS_NONE:
    default:                           return g_strdup ("");
    }
}

static void
add_absences (GPtrArray    *tables,
              SlMemberYear *year)
{
  static const ColumnSpec columns[] = {
    { "序号",     W_INDEX, FALSE },
    { "日期",     W_DATE,  FALSE },
    { "会议",     14.0,    TRUE  },
    { "情况",     6.0,     FALSE },
    { "补学情况", 14.0,    TRUE  },
  };
  SlTable *table = section ("二、请假、缺席及补学", columns, G_N_ELEMENTS (columns));

  for (guint i = 0; i < year->absences->len; i++)
    {
      SlMemberPart *part = g_ptr_array_index (year->absences, i);
      SlAttendance *row = part->item;
      g_autofree char *name = sl_wording_meeting_name (part->meeting);
      g_autofree char *state = attendance_word (row);
      g_autoptr(GString) makeup = g_string_new (NULL);

      if (sl_attendance_is_made_up (row))
        {
          g_autofree char *on = sl_wording_date (sl_attendance_get_makeup_on (row));
          const char *method = sl_attendance_get_makeup_method (row);

          g_string_append_printf (makeup, "已补学%s%s%s%s", *on ? "，" : "", on,
                                  method && *method ? "，" : "", method ? method : "");
        }
      else
        g_string_append (makeup, "未补学");

      sl_table_begin_row (table);
      sl_table_add_number (table, i + 1);
      sl_table_add_date (table, sl_meeting_get_date (part->meeting));
      sl_table_add_text (table, name);
      sl_table_add_text (table, state);
      if (sl_attendance_is_made_up (row))
        sl_table_add_text (table, makeup->str);
      else
        sl_table_add_alert (table, makeup->str);
    }
  finish_section (tables, table);
}

static void
add_led (GPtrArray    *tables,
         SlMemberYear *year)
{
  static const ColumnSpec columns[] = {
    { "序号",     W_INDEX, FALSE },
    { "日期",     W_DATE,  FALSE },
    { "会议",     12.0,    TRUE  },
    { "领学内容", 16.0,    TRUE  },
    { "类别",     6.0,     FALSE },
  };
  SlTable *table = section ("三、领学情况", columns, G_N_ELEMENTS (columns));

  for (guint i = 0; i < year->led->len; i++)
    {
      SlMemberPart *part = g_ptr_array_index (year->led, i);
      SlStudy *study = part->item;
      g_autofree char *name = sl_wording_meeting_name (part->meeting);
      gboolean central = sl_meeting_get_kind (part->meeting) == SL_MEETING_KIND_CENTRAL_GROUP;
      const char *kind = sl_study_get_first_topic (study) ? (central ? "第一议题、中心组" : "第一议题")
                                                          : (central ? "中心组学习" : "领学");

      sl_table_begin_row (table);
      sl_table_add_number (table, i + 1);
      sl_table_add_date (table, sl_meeting_get_date (part->meeting));
      sl_table_add_text (table, name);
      sl_table_add_text (table, sl_study_get_title (study));
      sl_table_add_text (table, kind);
    }
  finish_section (tables, table);
}

static void
add_speeches (GPtrArray    *tables,
              SlMemberYear *year)
{
  static const ColumnSpec columns[] = {
    { "序号",     W_INDEX, FALSE },
    { "日期",     W_DATE,  FALSE },
    { "会议",     12.0,    TRUE  },
    { "发言题目", 16.0,    TRUE  },
    { "类别",     5.0,     FALSE },
  };
  SlTable *table = section ("四、研讨发言", columns, G_N_ELEMENTS (columns));

  for (guint i = 0; i < year->speeches->len; i++)
    {
      SlMemberPart *part = g_ptr_array_index (year->speeches, i);
      SlSpeech *speech = part->item;
      g_autofree char *name = sl_wording_meeting_name (part->meeting);
      const char *title = sl_speech_get_title (speech);

      sl_table_begin_row (table);
      sl_table_add_number (table, i + 1);
      sl_table_add_date (table, sl_meeting_get_date (part->meeting));
      sl_table_add_text (table, name);
      sl_table_add_text (table, title && *title ? title : sl_speech_get_points (speech));
      sl_table_add_text (table, sl_wording_speech_kind (sl_speech_get_kind (speech)));
    }
  finish_section (tables, table);
}

static void
add_research (GPtrArray    *tables,
              SlMemberYear *year)
{
  static const ColumnSpec columns[] = {
    { "序号",     W_INDEX, FALSE },
    { "调研课题", 20.0,    TRUE  },
    { "进展",     5.0,     FALSE },
    { "备注",     12.0,    TRUE  },
  };
  SlTable *table = section ("五、调研课题", columns, G_N_ELEMENTS (columns));

  for (guint i = 0; i < year->research_topics->len; i++)
    {
      SlResearchTopic *topic = g_ptr_array_index (year->research_topics, i);
      const char *status;

      switch (sl_research_topic_get_status (topic))
        {
        case SL_TOPIC_STATUS_PLANNED:     status = "计划中"; break;
        case SL_TOPIC_STATUS_IN_PROGRESS: status = "推进中"; break;
        case SL_TOPIC_STATUS_DONE:        status = "已完成"; break;
        case SL_TOPIC_STATUS_NONE:
        default:                          status = "";       break;
        }

      sl_table_begin_row (table);
      sl_table_add_number (table, i + 1);
      sl_table_add_text (table, sl_research_topic_get_title (topic));
      sl_table_add_text (table, status);
      sl_table_add_text (table, sl_research_topic_get_note (topic));
    }
  finish_section (tables, table);
}

static void
add_talks (GPtrArray    *tables,
           Builder      *b,
           SlMemberYear *year)
{
  static const ColumnSpec columns[] = {
    { "序号",     W_INDEX, FALSE },
    { "日期",     W_DATE,  FALSE },
    { "身份",     5.0,     FALSE },
    { "对方",     W_NAME,  FALSE },
    { "类别",     5.0,     FALSE },
    { "谈话主题", 14.0,    TRUE  },
    { "后续跟进", 9.0,     TRUE  },
  };
  SlTable *table = section ("六、谈心谈话", columns, G_N_ELEMENTS (columns));
  const char *id = sl_record_get_id (SL_RECORD (year->member));
  g_autofree char *note = g_strdup_printf ("作为谈话人%u次，作为谈话对象%u次。",
                                           year->stats.talks_as_initiator,
                                           year->stats.talks_as_counterpart);

  for (guint i = 0; i < year->talks->len; i++)
    {
      SlTalk *talk = g_ptr_array_index (year->talks, i);
      gboolean initiator = g_strcmp0 (sl_talk_get_initiator (talk), id) == 0;
      const char *other;

      if (initiator)
        {
          other = sl_tables_member_name (b, sl_talk_get_counterpart (talk));
          if (*other == '\0')
            other = sl_talk_get_counterpart_name (talk);
        }
      else
        other = sl_tables_member_name (b, sl_talk_get_initiator (talk));

      sl_table_begin_row (table);
      sl_table_add_number (table, i + 1);
      sl_table_add_date (table, sl_talk_get_date (talk));
      sl_table_add_text (table, initiator ? "谈话人" : "谈话对象");
      sl_table_add_text (table, other);
      sl_table_add_text (table, sl_wording_talk_kind (sl_talk_get_kind (talk)));
      sl_table_add_text (table, sl_talk_get_topic (talk));
      sl_table_add_text (table, sl_talk_get_follow_up (talk));
    }
  sl_table_add_note (table, note);
  finish_section (tables, table);
}

static void
add_trainings (GPtrArray    *tables,
               SlMemberYear *year)
{
  static const ColumnSpec columns[] = {
    { "序号",     W_INDEX, FALSE },
    { "期次",     4.0,     FALSE },
    { "日期",     W_DATE,  FALSE },
    { "培训名称", 16.0,    TRUE  },
    { "出勤",     5.0,     FALSE },
    { "计入学时", 4.5,     FALSE },
  };
  SlTable *table = section ("七、专题培训", columns, G_N_ELEMENTS (columns));
  g_autofree char *total = hours_text (year->stats.training_hours);
  g_autofree char *note = g_strdup_printf ("全年专题培训计%s学时（只计出席的培训；请假、补学不计学时）。",
                                           total);

  for (guint i = 0; i < year->trainings->len; i++)
    {
      SlMemberPart *part = g_ptr_array_index (year->trainings, i);
      SlAttendance *row = part->item;
      gboolean present = sl_attendance_get_status (row) == SL_ATTENDANCE_STATUS_PRESENT;
      g_autofree char *name = sl_wording_meeting_name (part->meeting);
      g_autofree char *state = attendance_word (row);
      g_autofree char *batch = sl_meeting_get_batch (part->meeting) > 0
                               ? g_strdup_printf ("第%d期", sl_meeting_get_batch (part->meeting))
                               : NULL;

      sl_table_begin_row (table);
      sl_table_add_number (table, i + 1);
      sl_table_add_text (table, batch);
      sl_table_add_date (table, sl_meeting_get_date (part->meeting));
      sl_table_add_text (table, name);
      sl_table_add_text (table, state);
      sl_table_add_number (table, present ? sl_meeting_get_hours (part->meeting) : 0);
    }
  sl_table_add_note (table, note);
  finish_section (tables, table);
}

static void
add_notes (GPtrArray    *tables,
           SlMemberYear *year)
{
  static const ColumnSpec columns[] = {
    { "序号",     W_INDEX, FALSE },
    { "日期",     W_DATE,  FALSE },
    { "题目",     13.0,    TRUE  },
    { "类别",     5.0,     FALSE },
    { "篇幅",     4.5,     FALSE },
    { "检查人",   W_NAME,  FALSE },
    { "检查日期", W_DATE,  FALSE },
  };
  SlTable *table = section ("八、个人自学（笔记、心得、调研报告）", columns, G_N_ELEMENTS (columns));

  for (guint i = 0; i < year->notes->len; i++)
    {
      SlStudyNote *note = g_ptr_array_index (year->notes, i);

      sl_table_begin_row (table);
      sl_table_add_number (table, i + 1);
      sl_table_add_date (table, sl_study_note_get_date (note));
      sl_table_add_text (table, sl_study_note_get_title (note));
      sl_table_add_text (table, sl_wording_study_note_kind (sl_study_note_get_kind (note)));
      sl_table_add_text (table, sl_study_note_get_size (note));
      sl_table_add_text (table, sl_study_note_get_checked_by (note));
      sl_table_add_date (table, sl_study_note_get_checked_on (note));
    }
  finish_section (tables, table);
}

gboolean
sl_tables_build_member_card (Builder    *b,
                             GPtrArray  *tables,
                             GError    **error)
{
  g_autoptr(SlMemberYear) year = NULL;

  if (b->request->member == NULL)
    {
      g_set_error (error, SL_DOCUMENT_ERROR, SL_DOCUMENT_ERROR_INVALID,
                   _("The member-card document is made for one member; name the member"));
      return FALSE;
    }

  year = sl_member_year_load (b->ledger, b->request->member, b->year, b->request->organization,
                              b->today, error);
  if (year == NULL)
    return FALSE;

  add_attendance (tables, year);
  add_absences (tables, year);
  add_led (tables, year);
  add_speeches (tables, year);
  add_research (tables, year);
  add_talks (tables, b, year);
  add_trainings (tables, year);
  add_notes (tables, year);
  return TRUE;
}
