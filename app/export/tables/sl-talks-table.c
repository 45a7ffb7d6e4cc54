/* sl-talks-table.c — 谈心谈话记录台账: the talks of the year
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Built by sl_tables_build_talks() for sl-ledger-tables.c. One row per
 * talk dated in the year (of the organization asked for, or all), by
 * date: who talked with whom, where, how, of which kind, about what, and
 * what followed — the written procedure an inspection reads. The counts
 * under the table are those `stats --json` gives per member (talks held
 * and talks received), summed.
 */

#define G_LOG_DOMAIN "sl-ledger-tables"

#include "config.h"

#include "sl-ledger-people.h"
#include "sl-ledger-tables-private.h"
#include "sl-record.h"
#include "sl-talk.h"
#include "sl-util.h"
#include "sl-wording.h"

static int
by_date (gconstpointer a,
         gconstpointer b)
{
  SlTalk *x = *(SlTalk * const *) a;
  SlTalk *y = *(SlTalk * const *) b;
  int order = g_strcmp0 (sl_talk_get_date (x), sl_talk_get_date (y));

  if (order != 0)
    return order;
  return (sl_record_get_key (SL_RECORD (x)) > sl_record_get_key (SL_RECORD (y))) -
         (sl_record_get_key (SL_RECORD (x)) < sl_record_get_key (SL_RECORD (y)));
}

SlTable *
sl_tables_build_talks (Builder  *b,
                       GError  **error)
{
  static const ColumnSpec columns[] = {
    { "序号",     W_INDEX, FALSE },
    { "日期",     W_DATE,  FALSE },
    { "谈话人",   W_NAME,  FALSE },
    { "谈话对象", W_NAME,  FALSE },
    { "地点",     6.0,     TRUE  },
    { "形式",     3.0,     FALSE },
    { "类别",     5.0,     FALSE },
    { "谈话主题", 9.0,     TRUE  },
    { "主要内容", 16.0,    TRUE  },
    { "后续跟进", 10.0,    TRUE  },
  };
  g_autofree char *title = sl_tables_document_title (b, sl_wording_document_name (SL_DOCUMENT_TALKS));
  g_autoptr(SlTable) table = sl_tables_new_table (b, title, "谈心谈话记录台账");
  g_autoptr(GPtrArray) talks = sl_ledger_load_talks (b->ledger, error);
  g_autoptr(GPtrArray) rows = g_ptr_array_new ();
  g_autoptr(GHashTable) initiators = g_hash_table_new (g_str_hash, g_str_equal);
  guint n_followed = 0;

  if (talks == NULL)
    return NULL;

  for (guint i = 0; i < talks->len; i++)
    {
      SlTalk *talk = g_ptr_array_index (talks, i);
      const char *date = sl_talk_get_date (talk);

      if (date == NULL || !sl_date_is_valid (date) || sl_date_get_year (date) != b->year)
        continue;
      if (b->request->organization != NULL &&
          g_strcmp0 (sl_talk_get_organization (talk), b->request->organization) != 0)
        continue;
      g_ptr_array_add (rows, talk);
    }
  g_ptr_array_sort (rows, by_date);

  sl_tables_add_columns (table, columns, G_N_ELEMENTS (columns));
  sl_table_set_key_columns (table, 2);

  for (guint i = 0; i < rows->len; i++)
    {
      SlTalk *talk = g_ptr_array_index (rows, i);
      const char *counterpart = sl_tables_member_name (b, sl_talk_get_counterpart (talk));
      const char *follow_up = sl_talk_get_follow_up (talk);

      if (*counterpart == '\0')
        counterpart = sl_talk_get_counterpart_name (talk);
      if (sl_talk_get_initiator (talk) != NULL)
        g_hash_table_add (initiators, (gpointer) sl_talk_get_initiator (talk));
      if (follow_up != NULL && *follow_up != '\0')
        n_followed++;

      sl_table_begin_row (table);
      sl_table_add_number (table, i + 1);
      sl_table_add_date (table, sl_talk_get_date (talk));
      sl_table_add_text (table, sl_tables_member_name (b, sl_talk_get_initiator (talk)));
      sl_table_add_text (table, counterpart);
      sl_table_add_text (table, sl_talk_get_place (talk));
      sl_table_add_text (table, sl_wording_talk_form (sl_talk_get_form (talk)));
      sl_table_add_text (table, sl_wording_talk_kind (sl_talk_get_kind (talk)));
      sl_table_add_text (table, sl_talk_get_topic (talk));
      sl_table_add_text (table, sl_talk_get_points (talk));
      sl_table_add_text (table, follow_up);
    }

  {
    g_autofree char *summary =
      g_strdup_printf ("本年度开展谈心谈话%u次，谈话人%u人，其中%u次记有后续跟进。",
                       rows->len, g_hash_table_size (initiators), n_followed);
    sl_table_add_note (table, summary);
  }

  sl_tables_finish (table);
  return g_steal_pointer (&table);
}
