/* sl-measures-table.c — 贯彻落实措施跟踪表: every follow-up measure, overdue ones marked
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Built by sl_tables_build_measures() for sl-ledger-tables.c.
 */

#define G_LOG_DOMAIN "sl-ledger-tables"

#include "config.h"

#include "sl-ledger-tables-private.h"
#include "sl-measure.h"
#include "sl-meeting.h"
#include "sl-wording.h"

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
