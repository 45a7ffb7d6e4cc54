/* sl-ledger-changes.c — when the ledger last changed, for reproducible outputs
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The year's binder (export/binder/) stamps its PDF and its ZIP entries
 * with a time. The clock would make every export differ; the ledger's own
 * last recorded change does not, so the same ledger gives the same bytes
 * and a re-export can be compared with the copy handed to inspectors.
 */

#define G_LOG_DOMAIN "sl-ledger-changes"

#include "config.h"

#include <string.h>

#include "sl-database.h"
#include "sl-ledger.h"
#include "sl-ledger-changes.h"

/* 1980-01-01T00:00:00Z: the first time a ZIP entry can carry. */
#define EARLIEST G_GINT64_CONSTANT (315532800)

static gint64
parse_time (const char *text)
{
  g_autoptr(GDateTime) time = NULL;
  g_autoptr(GTimeZone) utc = g_time_zone_new_utc ();

  if (text == NULL || *text == '\0')
    return 0;

  time = g_date_time_new_from_iso8601 (text, utc);
  if (time == NULL && strlen (text) >= 10)
    {
      /* A date alone (a meeting's) is its day's start. */
      g_autofree char *day = g_strndup (text, 10);
      g_autofree char *midnight = g_strconcat (day, "T00:00:00Z", NULL);
      time = g_date_time_new_from_iso8601 (midnight, utc);
    }

  return time != NULL ? g_date_time_to_unix (time) : 0;
}

/**
 * sl_ledger_query_last_change:
 *
 * Returns: the time of the ledger's last recorded change, in seconds since
 *   the epoch: the latest revision, finalisation, attachment or year lock;
 *   without any, the day of its latest meeting; without meetings,
 *   1980-01-01. Never the clock. -1 on a database error.
 */
gint64
sl_ledger_query_last_change (SlLedger  *ledger,
                             GError   **error)
{
  static const char * const queries[] = {
    "SELECT max (made_at) FROM revisions",
    "SELECT max (finalized_at) FROM meeting_finals",
    "SELECT max (added_at) FROM attachments",
    "SELECT max (max (locked_at, coalesce (unlocked_at, ''))) FROM year_locks",
  };
  SlDatabase *database;
  gint64 latest = 0;

  g_return_val_if_fail (SL_IS_LEDGER (ledger), -1);

  database = sl_ledger_get_database (ledger);
  for (guint pass = 0; pass < 2 && latest == 0; pass++)
    {
      guint n = pass == 0 ? G_N_ELEMENTS (queries) : 1;

      for (guint i = 0; i < n; i++)
        {
          const char *sql = pass == 0 ? queries[i] : "SELECT max (date) FROM meetings";
          sqlite3_stmt *stmt = sl_database_prepare (database, sql, error);
          int rc;

          if (stmt == NULL)
            return -1;
          rc = sqlite3_step (stmt);
          if (rc == SQLITE_ROW)
            latest = MAX (latest, parse_time ((const char *) sqlite3_column_text (stmt, 0)));
          sqlite3_reset (stmt);
          if (rc != SQLITE_ROW && rc != SQLITE_DONE)
            {
              sl_database_set_error (database, rc, error);
              return -1;
            }
        }
    }

  return MAX (latest, EARLIEST);
}
