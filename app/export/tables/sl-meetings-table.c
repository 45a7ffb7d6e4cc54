/* sl-meetings-table.c — 会议学习台账: one row per meeting of the year
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Built by sl_tables_build_meetings_ledger() for sl-ledger-tables.c, from
 * the summaries SQL returns (sl_ledger_query_meeting_summaries()).
 */

#define G_LOG_DOMAIN "sl-ledger-tables"

#include "config.h"

#include "sl-ledger-queries.h"
#include "sl-ledger-tables-private.h"
#include "sl-meeting.h"
#include "sl-wording.h"

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
