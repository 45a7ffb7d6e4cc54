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

/* The entries of @topics (of @organization's pool, or of every pool) with
 * their status against @today: each item's first study found by the
 * studies_topic index, one probe per item, so that a caller that read a
 * year's items reads no more (docs/performance.md). */
static GPtrArray *
entries_of (SlLedger    *ledger,
            GPtrArray   *topics,
            const char  *organization,
            const char  *today,
            GError     **error)
{
  g_autoptr(GPtrArray) entries = NULL;
  g_autofree char *now = today ? g_strdup (today) : sl_today ();
  SlDatabase *database = sl_ledger_get_database (ledger);
  sqlite3_stmt *stmt;
  SlRules rules;

  sl_rules_load (&rules, database);

  /* The earliest meeting, by date and then by the order added. */
  stmt = sl_database_prepare (database,
                              "SELECT m.date, m.uuid, m.title "
                              "FROM studies s JOIN meetings m ON m.id = s.meeting_id "
                              "WHERE s.topic_id = ?1 "
                              "ORDER BY m.date, m.id LIMIT 1",
                              error);
  if (stmt == NULL)
    return NULL;

  entries = g_ptr_array_new_with_free_func ((GDestroyNotify) sl_pool_entry_free);
  for (guint i = 0; i < topics->len; i++)
    {
      SlTopic *topic = g_ptr_array_index (topics, i);
      SlPoolEntry *entry;
      int rc;

      if (organization != NULL && g_strcmp0 (sl_topic_get_organization (topic), organization) != 0)
        continue;

      entry = g_new0 (SlPoolEntry, 1);
      entry->topic = g_object_ref (topic);
      entry->due_on = add_days (sl_topic_get_received_on (topic), rules.timeliness_days);
      g_ptr_array_add (entries, entry);

      sqlite3_bind_int64 (stmt, 1, sl_record_get_key (SL_RECORD (topic)));
      rc = sqlite3_step (stmt);
      if (rc == SQLITE_ROW)
        {
          entry->studied_on = g_strdup (sl_column_text (stmt, 0));
          entry->meeting = g_strdup (sl_column_text (stmt, 1));
          entry->meeting_title = g_strdup (sl_column_text (stmt, 2));
          entry->status = entry->due_on == NULL || g_strcmp0 (entry->studied_on, entry->due_on) <= 0
                          ? SL_POOL_STATUS_STUDIED : SL_POOL_STATUS_OVERDUE;
          rc = sqlite3_step (stmt);
        }
      else
        entry->status = entry->due_on != NULL && g_strcmp0 (now, entry->due_on) > 0
                        ? SL_POOL_STATUS_OVERDUE : SL_POOL_STATUS_OPEN;
      sqlite3_reset (stmt);
      if (rc != SQLITE_DONE)
        {
          sl_database_set_error (database, rc, error);
          return NULL;
        }
    }

  return g_steal_pointer (&entries);
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

  g_return_val_if_fail (SL_IS_LEDGER (ledger), NULL);

  if (!(topics = sl_ledger_load_topics (ledger, error)))
    return NULL;
  return entries_of (ledger, topics, organization, today, error);
}

/**
 * sl_topic_pool_load_year:
 * @organization: (nullable): an organization's id, or %NULL for every pool
 * @today: (nullable): "YYYY-MM-DD" to judge against; %NULL for today
 *
 * As sl_topic_pool_load(), of the items that may concern @year (see
 * sl_ledger_load_topics_of_year()): those sl_pool_entry_shown_in_year()
 * shows and those whose date of receipt, or of publication when there is
 * none, falls in it. What a year's page and ledger read, without the
 * other years' items.
 * Returns: (transfer full) (element-type SlPoolEntry)
 */
GPtrArray *
sl_topic_pool_load_year (SlLedger    *ledger,
                         const char  *organization,
                         int          year,
                         const char  *today,
                         GError     **error)
{
  g_autoptr(GPtrArray) topics = NULL;

  g_return_val_if_fail (SL_IS_LEDGER (ledger), NULL);

  if (!(topics = sl_ledger_load_topics_of_year (ledger, year, error)))
    return NULL;
  return entries_of (ledger, topics, organization, today, error);
}

/**
 * sl_pool_entry_shown_in_year:
 *
 * Whether a year's pool page lists @entry: an item received in @year (or
 * never dated), one received earlier and first studied in @year, and one
 * received earlier and still waiting, the one most in need of a meeting.
 * An item received late in one year and studied early in the next shows
 * in both.
 */
gboolean
sl_pool_entry_shown_in_year (const SlPoolEntry *entry,
                             int                year)
{
  const char *received = sl_topic_get_received_on (entry->topic);
  int received_year = received ? sl_date_get_year (received) : 0;

  if (received_year == 0 || received_year == year)
    return TRUE;
  if (entry->studied_on != NULL)
    return sl_date_get_year (entry->studied_on) == year;
  return received_year < year;
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
