/* sl-topics-table.c — 议题库台账: the topic pool's items received in the year
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Built by sl_tables_build_topics() for sl-ledger-tables.c. One row per
 * item of the pool received in the year (an item never received counts by
 * its publication date), in the order received. Whether an item was
 * studied in time is the pool's judgement (sl-topic-pool.c), the same
 * that the rule first_topic_timeliness counts: studied no later than
 * timeliness_days after received_on is 及时, later is 逾期; not studied
 * yet is 逾期 once that day has passed and 待学习 before. 间隔天数 counts
 * from the day received to the day studied: received on 12-31, studied on
 * 01-30 is 30 days, in time with the default 30.
 */

#define G_LOG_DOMAIN "sl-ledger-tables"

#include "config.h"

#include <string.h>

#include "sl-ledger-tables-private.h"
#include "sl-meeting.h"
#include "sl-record.h"
#include "sl-topic.h"
#include "sl-topic-pool.h"
#include "sl-util.h"
#include "sl-wording.h"

/* The day that places an item in a year: received, else published. */
static const char *
item_day (SlPoolEntry *entry)
{
  const char *received = sl_topic_get_received_on (entry->topic);

  if (received != NULL && *received != '\0')
    return received;
  return sl_topic_get_published_on (entry->topic);
}

static int
by_day (gconstpointer a,
        gconstpointer b)
{
  SlPoolEntry *x = *(SlPoolEntry * const *) a;
  SlPoolEntry *y = *(SlPoolEntry * const *) b;
  int order = g_strcmp0 (item_day (x), item_day (y));

  if (order != 0)
    return order;
  return (sl_record_get_key (SL_RECORD (x->topic)) > sl_record_get_key (SL_RECORD (y->topic))) -
         (sl_record_get_key (SL_RECORD (x->topic)) < sl_record_get_key (SL_RECORD (y->topic)));
}

/* The meeting that studied the item, as the ledgers name meetings. */
static char *
meeting_name (Builder     *b,
              SlPoolEntry *entry)
{
  g_autoptr(SlMeeting) meeting = NULL;

  if (entry->meeting == NULL)
    return NULL;
  if (entry->meeting_title != NULL && *entry->meeting_title != '\0')
    return g_strdup (entry->meeting_title);
  if (!(meeting = sl_ledger_load_meeting (b->ledger, entry->meeting, NULL)))
    return NULL;
  return sl_wording_meeting_name (meeting);
}

SlTable *
sl_tables_build_topics (Builder  *b,
                        GError  **error)
{
  static const ColumnSpec columns[] = {
    { "序号",     W_INDEX, FALSE },
    { "议题",     13.0,    TRUE  },
    { "来源类别", 5.0,     FALSE },
    { "来源",     7.0,     TRUE  },
    { "发布日期", W_DATE,  FALSE },
    { "收到日期", W_DATE,  FALSE },
    { "学习日期", W_DATE,  FALSE },
    { "学习会议", 10.0,    TRUE  },
    { "间隔天数", 4.0,     FALSE },
    { "是否及时", 4.0,     FALSE },
    { "备注",     8.0,     TRUE  },
  };
  g_autofree char *title = sl_tables_document_title (b, sl_wording_document_name (SL_DOCUMENT_TOPICS));
  g_autoptr(SlTable) table = sl_tables_new_table (b, title, "议题库台账");
  g_autoptr(GPtrArray) pool = NULL;
  g_autoptr(GPtrArray) rows = g_ptr_array_new ();
  guint n_in_time = 0, n_late = 0, n_overdue = 0, n_open = 0;

  pool = sl_topic_pool_load_year (b->ledger, b->request->organization, b->year, b->today, error);
  if (pool == NULL)
    return NULL;

  for (guint i = 0; i < pool->len; i++)
    {
      SlPoolEntry *entry = g_ptr_array_index (pool, i);
      const char *day = item_day (entry);

      if (day != NULL && sl_date_is_valid (day) && sl_date_get_year (day) == b->year)
        g_ptr_array_add (rows, entry);
    }
  g_ptr_array_sort (rows, by_day);

  sl_tables_add_columns (table, columns, G_N_ELEMENTS (columns));
  sl_table_set_key_columns (table, 2);

  for (guint i = 0; i < rows->len; i++)
    {
      SlPoolEntry *entry = g_ptr_array_index (rows, i);
      SlTopic *topic = entry->topic;
      const char *received = sl_topic_get_received_on (topic);
      g_autofree char *meeting = meeting_name (b, entry);
      g_autoptr(GString) note = g_string_new (NULL);
      int days = entry->studied_on ? sl_tables_days_between (received, entry->studied_on) : -1;

      sl_table_begin_row (table);
      sl_table_add_number (table, i + 1);
      sl_table_add_text (table, sl_topic_get_title (topic));
      sl_table_add_text (table, sl_wording_topic_source (sl_topic_get_source_kind (topic)));
      sl_table_add_text (table, sl_topic_get_source (topic));
      sl_table_add_date (table, sl_topic_get_published_on (topic));
      sl_table_add_date (table, received);
      sl_table_add_date (table, entry->studied_on);
      sl_table_add_text (table, meeting);
      if (days >= 0)
        sl_table_add_number (table, days);
      else
        sl_table_add_text (table, NULL);

      switch (entry->status)
        {
        case SL_POOL_STATUS_STUDIED:
          sl_table_add_text (table, "及时");
          n_in_time++;
          break;
        case SL_POOL_STATUS_OVERDUE:
          sl_table_add_alert (table, "逾期");
          if (entry->studied_on != NULL)
            {
              g_string_append_printf (note, "超过%d天时限学习", b->rules.timeliness_days);
              n_late++;
            }
          else
            {
              g_autofree char *due = sl_wording_date (entry->due_on);
              g_string_append_printf (note, "未学习，时限至%s", due);
              n_overdue++;
            }
          break;
        case SL_POOL_STATUS_OPEN:
        default:
          sl_table_add_text (table, "待学习");
          if (entry->due_on != NULL)
            {
              g_autofree char *due = sl_wording_date (entry->due_on);
              g_string_append_printf (note, "时限至%s", due);
            }
          n_open++;
          break;
        }

      if (sl_topic_get_note (topic) && *sl_topic_get_note (topic))
        g_string_append_printf (note, "%s%s", note->len ? "；" : "", sl_topic_get_note (topic));
      sl_table_add_text (table, note->str);
    }

  {
    g_autofree char *summary =
      g_strdup_printf ("本年度议题库收到议题%u项：及时学习%u项，超期学习%u项，逾期未学习%u项，"
                       "待学习%u项。及时学习以收到后%d天内学习为准。",
                       rows->len, n_in_time, n_late, n_overdue, n_open, b->rules.timeliness_days);
    sl_table_add_note (table, summary);
  }

  sl_tables_finish (table);
  return g_steal_pointer (&table);
}
