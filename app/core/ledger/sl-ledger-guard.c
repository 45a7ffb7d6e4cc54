/* sl-ledger-guard.c — refusing a save over a row that another program changed
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Each record the window edits has a change counter in its row (schema 5),
 * raised by a trigger at every UPDATE whoever writes. A record read from
 * the ledger remembers the count it was read with
 * (sl_record_get_change_count()); a save of it first compares that count
 * with the row's, inside the save's own write transaction, so nothing can
 * come between the check and the write. A different count means another
 * program (an import on the command line) wrote the row since: the save
 * fails with SL_LEDGER_ERROR_CHANGED and the newer row stays.
 *
 * Records that were not read from this ledger (new ones, an archive's)
 * carry -1 and are not checked: imports work as before. A row that is gone
 * is not checked either, so that undoing a delete writes it again.
 */

#define G_LOG_DOMAIN "sl-ledger"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "sl-ledger-guard.h"
#include "sl-ledger-private.h"
#include "sl-meeting.h"
#include "sl-member.h"
#include "sl-organization.h"
#include "sl-plan.h"
#include "sl-research-topic.h"

typedef struct
{
  const char *check;   /* the row's count, by uuid */
} Guard;

static const Guard *
guard_of (SlRecord *record)
{
  static const Guard members = { "SELECT change_count FROM members WHERE uuid = ?" };
  static const Guard organizations = { "SELECT change_count FROM organizations WHERE uuid = ?" };
  static const Guard meetings = { "SELECT change_count FROM meetings WHERE uuid = ?" };
  static const Guard plans = { "SELECT change_count FROM plans WHERE uuid = ?" };
  static const Guard topics = { "SELECT change_count FROM research_topics WHERE uuid = ?" };

  if (SL_IS_MEMBER (record))
    return &members;
  if (SL_IS_ORGANIZATION (record))
    return &organizations;
  if (SL_IS_MEETING (record))
    return &meetings;
  if (SL_IS_PLAN (record))
    return &plans;
  if (SL_IS_RESEARCH_TOPIC (record))
    return &topics;
  return NULL;
}

/* The row's count; FALSE with no error when there is no row. */
static gboolean
row_count (SlLedger  *self,
           SlRecord  *record,
           gint64    *count,
           GError   **error)
{
  const Guard *guard = guard_of (record);
  SlDatabase *database = sl_ledger_get_database (self);
  sqlite3_stmt *stmt;
  int rc;

  *count = -1;
  if (guard == NULL)
    return FALSE;

  if (!(stmt = sl_database_prepare (database, guard->check, error)))
    return FALSE;

  sl_bind_text (stmt, 1, sl_record_get_id (record));
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    *count = sqlite3_column_int64 (stmt, 0);
  sqlite3_reset (stmt);

  if (rc != SQLITE_ROW && rc != SQLITE_DONE)
    return sl_database_set_error (database, rc, error);

  return rc == SQLITE_ROW;
}

/**
 * sl_ledger_guard_check:
 *
 * Inside the save's transaction: FALSE with SL_LEDGER_ERROR_CHANGED when
 * @record was read with a change count and its row now has another.
 */
gboolean
sl_ledger_guard_check (SlLedger  *self,
                       SlRecord  *record,
                       GError   **error)
{
  g_autoptr(GError) local_error = NULL;
  gint64 read = sl_record_get_change_count (record);
  gint64 now;

  if (read < 0)
    return TRUE;

  if (!row_count (self, record, &now, &local_error))
    {
      if (local_error == NULL)
        return TRUE;   /* gone: written again, as an undone delete is */
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }

  if (now != read)
    {
      g_set_error (error, SL_LEDGER_ERROR, SL_LEDGER_ERROR_CHANGED,
                   _("%s: another program changed this record after it was read here; "
                     "the newer version was kept: make the change again on it"),
                   sl_database_get_path (sl_ledger_get_database (self)));
      return FALSE;
    }

  return TRUE;
}

/**
 * sl_ledger_guard_read:
 *
 * Inside the save's transaction, after the write: the count the row now
 * has, for the record to carry once the transaction is committed.
 */
gboolean
sl_ledger_guard_read (SlLedger  *self,
                      SlRecord  *record,
                      gint64    *change_count,
                      GError   **error)
{
  g_autoptr(GError) local_error = NULL;

  if (!row_count (self, record, change_count, &local_error) && local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }

  return TRUE;
}
