/* sl-topic-pool.c — the topic pool's items with their status (议题库)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * An item is studied by the studies that name it (studies[].topic); the
 * first meeting among them, by date, is when. Its status, judged against
 * @today:
 *   已学习 studied  studied no later than timeliness_days after received_on
 *                   (or studied, when it has no received_on)
 *   已逾期 overdue  studied later than that (studied late: an inspection
 *                   asks about those too, so they stay 逾期), or not studied
 *                   and today is past received_on + timeliness_days
 *   待学习 open     not studied, and still within its time
 * "Day N" counts from received_on: an item received on 12-31 and studied
 * on 01-30 was studied on day 30, within the default 30 days; on 01-31,
 * day 31, it was late. The same definition drives the compliance rule
 * first_topic_timeliness (sl-statistics.c).
 */

#define G_LOG_DOMAIN "sl-topic-pool"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <stdlib.h>
#include <string.h>

#include "sl-ledger-people.h"
#include "sl-ledger-private.h"
#include "sl-record.h"
#include "sl-rules.h"
#include "sl-topic-pool.h"
#include "sl-util.h"

void
sl_pool_entry_free (SlPoolEntry *entry)
{
  if (entry == NULL)
    return;

  g_clear_object (&entry->topic);
  g_free (entry->due_on);
  g_free (entry->studied_on);
  g_free (entry->meeting);
  g_free (entry->meeting_title);
  g_free (entry);
}

const char *
sl_pool_status_to_code (SlPoolStatus status)
{
  switch (status)
    {
    case SL_POOL_STATUS_OPEN:    return "open";
    case SL_POOL_STATUS_STUDIED: return "studied";
    case SL_POOL_STATUS_OVERDUE: return "overdue";
    default:                     g_assert_not_reached ();
    }
}

const char *
sl_pool_status_to_label (SlPoolStatus status)
{
  switch (status)
    {
    case SL_POOL_STATUS_OPEN:    return _("To study");
    case SL_POOL_STATUS_STUDIED: return _("Studied");
    case SL_POOL_STATUS_OVERDUE: return _("Overdue");
    default:                     g_assert_not_reached ();
    }
}

/* @date plus @days, "YYYY-MM-DD"; NULL for no date. */
static char *
add_days (const char *date,
          int         days)
{
  g_autoptr(GDate) day = NULL;
  char text[11];

  if (date == NULL || !sl_date_is_valid (date))
    return NULL;

  day = g_date_new ();
  g_date_set_dmy (day, atoi (date + 8), atoi (date + 5), atoi (date));
  g_date_add_days (day, days);
  g_snprintf (text, sizeof text, "%04d-%02d-%02d", g_date_get_year (day),
              g_date_get_month (day), g_date_get_day (day));
  return g_strdup (text);
}

/**
 * sl_topic_pool_load:
 * @organization: (nullable): an organization's id, or %NULL for every pool
 * @today: (nullable): "YYYY-MM-DD" to judge against; %NULL for today
 *
 * Every item of the pool with its status, in the order they were added.
 * Returns: (transfer full) (element-type SlPoolEntry)
 */
GPtrArray *
sl_topic_pool_load (SlLedger    *ledger,
                    const char  *organization,
                    const char  *today,
                    GError     **error)
{
  g_autoptr(GPtrArray) topics = NULL;
  g_autoptr(GPtrArray) entries = NULL;
  g_autoptr(GHashTable) studied = NULL;   /* topic id → char*[3] date, meeting, title */
  g_autofree char *now = today ? g_strdup (today) : sl_today ();
  SlDatabase *database;
  sqlite3_stmt *stmt;
  SlRules rules;
  int rc;

  g_return_val_if_fail (SL_IS_LEDGER (ledger), NULL);

  database = sl_ledger_get_database (ledger);
  sl_rules_load (&rules, database);

  if (!(topics = sl_ledger_load_topics (ledger, error)))
    return NULL;

  /* The first meeting that studied each item. CROSS JOIN keeps the items
   * outermost, each one's studies found by studies_topic: left to itself
   * SQLite scanned every study of the ledger (their summaries most of its
   * pages), a page that grew with the years (docs/performance.md). */
  stmt = sl_database_prepare (database,
                              "SELECT t.uuid, m.date, m.uuid, m.title "
                              "FROM topics t CROSS JOIN studies s ON s.topic_id = t.id "
                              "  JOIN meetings m ON m.id = s.meeting_id "
                              "ORDER BY t.id, m.date DESC, m.id DESC",
                              error);
  if (stmt == NULL)
    return NULL;

  studied = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, (GDestroyNotify) g_strfreev);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      char **first = g_new0 (char *, 4);

      /* Latest first, so the earliest meeting is the one kept. */
      first[0] = g_strdup (sl_column_text (stmt, 1));
      first[1] = g_strdup (sl_column_text (stmt, 2));
      first[2] = g_strdup (sl_column_text (stmt, 3));
      g_hash_table_insert (studied, g_strdup (sl_column_text (stmt, 0)), first);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      sl_database_set_error (database, rc, error);
      return NULL;
    }

  entries = g_ptr_array_new_with_free_func ((GDestroyNotify) sl_pool_entry_free);
  for (guint i = 0; i < topics->len; i++)
    {
      SlTopic *topic = g_ptr_array_index (topics, i);
      char **first = g_hash_table_lookup (studied, sl_record_get_id (SL_RECORD (topic)));
      SlPoolEntry *entry;

      if (organization != NULL && g_strcmp0 (sl_topic_get_organization (topic), organization) != 0)
        continue;

      entry = g_new0 (SlPoolEntry, 1);
      entry->topic = g_object_ref (topic);
      entry->due_on = add_days (sl_topic_get_received_on (topic), rules.timeliness_days);
      if (first != NULL)
        {
          entry->studied_on = g_strdup (first[0]);
          entry->meeting = g_strdup (first[1]);
          entry->meeting_title = g_strdup (first[2]);
          entry->status = entry->due_on == NULL || g_strcmp0 (entry->studied_on, entry->due_on) <= 0
                          ? SL_POOL_STATUS_STUDIED : SL_POOL_STATUS_OVERDUE;
        }
      else
        entry->status = entry->due_on != NULL && g_strcmp0 (now, entry->due_on) > 0
                        ? SL_POOL_STATUS_OVERDUE : SL_POOL_STATUS_OPEN;

      g_ptr_array_add (entries, entry);
    }

  return g_steal_pointer (&entries);
}

static int
by_urgency (gconstpointer a,
            gconstpointer b)
{
  const SlPoolEntry *x = *(const SlPoolEntry * const *) a;
  const SlPoolEntry *y = *(const SlPoolEntry * const *) b;

  /* Earliest deadline first; items without one (never received) last. */
  if ((x->due_on == NULL) != (y->due_on == NULL))
    return x->due_on == NULL ? 1 : -1;
  if (x->due_on != NULL && strcmp (x->due_on, y->due_on) != 0)
    return strcmp (x->due_on, y->due_on);
  /* Then in the order they were added. */
  return (sl_record_get_key (SL_RECORD (x->topic)) > sl_record_get_key (SL_RECORD (y->topic))) -
         (sl_record_get_key (SL_RECORD (x->topic)) < sl_record_get_key (SL_RECORD (y->topic)));
}

/**
 * sl_topic_pool_open_items:
 *
 * The items of @organization's pool that no study names yet, overdue or
 * not, most urgent first: the earliest deadline (received_on +
 * timeliness_days) first, items without a received_on last. What the
 * meeting editor offers for a first topic.
 * Returns: (transfer full) (element-type SlPoolEntry)
 */
GPtrArray *
sl_topic_pool_open_items (SlLedger    *ledger,
                          const char  *organization,
                          const char  *today,
                          GError     **error)
{
  g_autoptr(GPtrArray) all = sl_topic_pool_load (ledger, organization, today, error);
  GPtrArray *open;

  if (all == NULL)
    return NULL;

  open = g_ptr_array_new_with_free_func ((GDestroyNotify) sl_pool_entry_free);
  for (guint i = 0; i < all->len; i++)
    {
      SlPoolEntry *entry = g_ptr_array_index (all, i);

      if (entry->studied_on == NULL)
        g_ptr_array_add (open, g_ptr_array_steal_index (all, i--));
    }
  g_ptr_array_sort (open, by_urgency);

  return open;
}
