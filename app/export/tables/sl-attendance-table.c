/* sl-attendance-table.c — 学习出勤统计表: member × meeting marks, then the year's totals
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Built by sl_tables_build_attendance() for sl-ledger-tables.c; the totals
 * and rates are SlStatistics' own, so that the two never differ.
 */

#define G_LOG_DOMAIN "sl-ledger-tables"

#include "config.h"

#include <math.h>
#include <stdio.h>

#include "sl-attendance.h"
#include "sl-ledger.h"
#include "sl-ledger-tables-private.h"
#include "sl-meeting.h"
#include "sl-statistics.h"
#include "sl-wording.h"

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
