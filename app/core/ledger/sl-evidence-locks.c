/* sl-evidence-locks.c — locked years
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A year locked for an organization (lock-year) refuses every change to
 * its meetings, plans and research topics, and to those of the
 * organizations under it, here in the core: the window, the command line
 * and a merge are refused alike, with a message that names the year. A
 * plan or topic saved as it is stays allowed (a merge of the ledger's own
 * export changes nothing); a meeting's changes are judged by
 * sl_evidence_change_end() (sl-evidence.c), which lets the progress of
 * measures through. Locks are never deleted: unlocking keeps the row,
 * with when and why, as history.
 */

#define G_LOG_DOMAIN "sl-evidence"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "sl-archive-fields.h"
#include "sl-canonical-json.h"
#include "sl-date.h"
#include "sl-evidence.h"
#include "sl-year-lock-watch.h"
#include "sl-ledger-private.h"
#include "sl-meeting.h"
#include "sl-plan.h"
#include "sl-research-topic.h"

GPtrArray *
sl_evidence_load_locks (SlLedger  *ledger,
                        GError   **error)
{
  g_autoptr(GPtrArray) locks = g_ptr_array_new_with_free_func ((GDestroyNotify) sl_year_lock_free);
  sqlite3_stmt *stmt;
  int rc;

  stmt = sl_database_prepare (ledger->database,
                              "SELECT o.uuid, l.year, l.locked_at, l.locked_by, l.unlocked_at, "
                              "  l.unlock_reason "
                              "FROM year_locks l JOIN organizations o ON o.id = l.organization_id "
                              "ORDER BY l.id",
                              error);
  if (stmt == NULL)
    return NULL;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      SlYearLock *lock = g_new0 (SlYearLock, 1);

      lock->organization = g_strdup (column_text (stmt, 0));
      lock->year = sqlite3_column_int (stmt, 1);
      lock->locked_at = g_strdup (column_text (stmt, 2));
      lock->locked_by = g_strdup (column_text (stmt, 3));
      lock->unlocked_at = g_strdup (column_text (stmt, 4));
      lock->unlock_reason = g_strdup (column_text (stmt, 5));
      g_ptr_array_add (locks, lock);
    }
  sqlite3_reset (stmt);

  if (rc != SQLITE_DONE)
    {
      sl_database_set_error (ledger->database, rc, error);
      return NULL;
    }

  return g_steal_pointer (&locks);
}

/* Locked years --------------------------------------------------------------- */

/* Whether any year is locked at all: most ledgers, and every import into
 * an empty one, pay one lookup per save and no more. */
gboolean
sl_evidence_any_lock (SlLedger *ledger)
{
  sqlite3_stmt *stmt = sl_database_prepare (ledger->database,
                                            "SELECT 1 FROM year_locks WHERE unlocked_at IS NULL LIMIT 1",
                                            NULL);
  int rc;

  if (stmt == NULL)
    return TRUE;   /* cannot tell: ask the full question */
  rc = sqlite3_step (stmt);
  sqlite3_reset (stmt);
  return rc != SQLITE_DONE;
}

/**
 * sl_evidence_check_year_open:
 * @organization: the id of the record's organization
 *
 * Fails, naming the year, when @year is locked for @organization or for
 * one of the organizations above it.
 */
gboolean
sl_evidence_check_year_open (SlLedger    *ledger,
                             const char  *organization,
                             int          year,
                             GError     **error)
{
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (SL_IS_LEDGER (ledger), FALSE);

  if (organization == NULL || year <= 0 || !sl_evidence_any_lock (ledger))
    return TRUE;

  /* UNION, not UNION ALL: a circle of parents ends. */
  stmt = sl_database_prepare (ledger->database,
                              "WITH RECURSIVE up (id) AS ("
                              "  SELECT id FROM organizations WHERE uuid = ?1"
                              "  UNION SELECT o.parent_id FROM organizations o JOIN up ON o.id = up.id"
                              "    WHERE o.parent_id IS NOT NULL) "
                              "SELECT o.name, l.locked_at FROM year_locks l JOIN up ON up.id = l.organization_id "
                              "  JOIN organizations o ON o.id = l.organization_id "
                              "WHERE l.year = ?2 AND l.unlocked_at IS NULL LIMIT 1",
                              error);
  if (stmt == NULL)
    return FALSE;

  sl_bind_text (stmt, 1, organization);
  sqlite3_bind_int (stmt, 2, year);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    {
      g_autofree char *since = sl_date_local_time_text (column_text (stmt, 1));

      g_set_error (error, SL_EVIDENCE_ERROR, SL_EVIDENCE_ERROR_LOCKED,
                   _("The year %d of %s is locked (since %s): its meetings, plan and research "
                     "topics cannot be changed until the year is unlocked, with a reason"),
                   year, column_text (stmt, 0), since);
      sqlite3_reset (stmt);
      return FALSE;
    }
  sqlite3_reset (stmt);

  if (rc != SQLITE_DONE)
    return sl_database_set_error (ledger->database, rc, error);

  return TRUE;
}

/* The year of a record as the ledger holds it, before a change. */
gboolean
sl_evidence_check_row_open (SlLedger    *ledger,
                            GType        record_type,
                            const char  *id,
                            GError     **error)
{
  const char *sql;
  g_autofree char *organization = NULL;
  sqlite3_stmt *stmt;
  int year = 0;
  int rc;

  g_return_val_if_fail (SL_IS_LEDGER (ledger), FALSE);

  if (id == NULL || !sl_evidence_any_lock (ledger))
    return TRUE;

  if (record_type == SL_TYPE_MEETING)
    sql = "SELECT o.uuid, r.year FROM meetings r JOIN organizations o ON o.id = r.organization_id "
          "WHERE r.uuid = ?";
  else if (record_type == SL_TYPE_PLAN)
    sql = "SELECT o.uuid, r.year FROM plans r JOIN organizations o ON o.id = r.organization_id "
          "WHERE r.uuid = ?";
  else if (record_type == SL_TYPE_RESEARCH_TOPIC)
    sql = "SELECT o.uuid, r.year FROM research_topics r "
          "JOIN organizations o ON o.id = r.organization_id WHERE r.uuid = ?";
  else
    return TRUE;

  if (!(stmt = sl_database_prepare (ledger->database, sql, error)))
    return FALSE;
  sl_bind_text (stmt, 1, id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    {
      organization = g_strdup (column_text (stmt, 0));
      year = sqlite3_column_int (stmt, 1);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_ROW && rc != SQLITE_DONE)
    return sl_database_set_error (ledger->database, rc, error);

  return sl_evidence_check_year_open (ledger, organization, year, error);
}

static gboolean
resolve_organization (SlLedger    *ledger,
                      const char  *organization,
                      gint64      *key,
                      GError     **error)
{
  return sl_ledger_resolve (ledger, RESOLVE_ORGANIZATION, organization, "organization", key, error);
}

gboolean
sl_evidence_lock_year (SlLedger    *ledger,
                       const char  *organization,
                       int          year,
                       const char  *by,
                       GError     **error)
{
  g_autofree char *now = sl_evidence_now ();
  sqlite3_stmt *stmt;
  gint64 key = 0;
  int rc;

  g_return_val_if_fail (SL_IS_LEDGER (ledger), FALSE);
  g_return_val_if_fail (organization != NULL, FALSE);

  if (!sl_database_begin (ledger->database, error))
    return FALSE;

  if (!resolve_organization (ledger, organization, &key, error) ||
      !(stmt = sl_database_prepare (ledger->database,
                                    "SELECT locked_at FROM year_locks "
                                    "WHERE organization_id = ? AND year = ? AND unlocked_at IS NULL",
                                    error)))
    return sl_ledger_finish (ledger, FALSE, error);

  sl_bind_key (stmt, 1, key);
  sqlite3_bind_int (stmt, 2, year);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    {
      /* On the local clock, as every other lock message says it. */
      g_autofree char *since = sl_date_local_time_text (column_text (stmt, 0));

      g_set_error (error, SL_EVIDENCE_ERROR, SL_EVIDENCE_ERROR_STATE,
                   _("The year %d is already locked (since %s)"), year, since);
      sqlite3_reset (stmt);
      return sl_ledger_finish (ledger, FALSE, error);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      sl_database_set_error (ledger->database, rc, error);
      return sl_ledger_finish (ledger, FALSE, error);
    }

  if (!(stmt = sl_database_prepare (ledger->database,
                                    "INSERT INTO year_locks (organization_id, year, locked_at, locked_by) "
                                    "VALUES (?, ?, ?, ?)",
                                    error)))
    return sl_ledger_finish (ledger, FALSE, error);
  sl_bind_key (stmt, 1, key);
  sqlite3_bind_int (stmt, 2, year);
  sl_bind_text (stmt, 3, now);
  sl_bind_text (stmt, 4, by ? by : sl_evidence_default_by (ledger));

  if (!sl_ledger_finish (ledger, sl_database_step_done (ledger->database, stmt, error), error))
    return FALSE;
  sl_year_lock_watch_notify (ledger);
  return TRUE;
}

gboolean
sl_evidence_unlock_year (SlLedger    *ledger,
                         const char  *organization,
                         int          year,
                         const char  *reason,
                         GError     **error)
{
  g_autofree char *now = sl_evidence_now ();
  g_autofree char *stripped = g_strstrip (g_strdup (reason ? reason : ""));
  sqlite3_stmt *stmt;
  gint64 key = 0;

  g_return_val_if_fail (SL_IS_LEDGER (ledger), FALSE);
  g_return_val_if_fail (organization != NULL, FALSE);

  if (*stripped == '\0')
    {
      g_set_error (error, SL_EVIDENCE_ERROR, SL_EVIDENCE_ERROR_INVALID,
                   _("Unlocking the year %d needs a reason; give it with --reason TEXT"), year);
      return FALSE;
    }

  if (!sl_database_begin (ledger->database, error))
    return FALSE;

  if (!resolve_organization (ledger, organization, &key, error) ||
      !(stmt = sl_database_prepare (ledger->database,
                                    "UPDATE year_locks SET unlocked_at = ?3, unlock_reason = ?4 "
                                    "WHERE organization_id = ?1 AND year = ?2 AND unlocked_at IS NULL",
                                    error)))
    return sl_ledger_finish (ledger, FALSE, error);

  sl_bind_key (stmt, 1, key);
  sqlite3_bind_int (stmt, 2, year);
  sl_bind_text (stmt, 3, now);
  sl_bind_text (stmt, 4, reason);
  if (!sl_database_step_done (ledger->database, stmt, error))
    return sl_ledger_finish (ledger, FALSE, error);

  if (sqlite3_changes (sl_database_get_handle (ledger->database)) == 0)
    {
      g_set_error (error, SL_EVIDENCE_ERROR, SL_EVIDENCE_ERROR_STATE,
                   _("The year %d is not locked for this organization"), year);
      return sl_ledger_finish (ledger, FALSE, error);
    }

  if (!sl_ledger_finish (ledger, TRUE, error))
    return FALSE;
  sl_year_lock_watch_notify (ledger);
  return TRUE;
}

/* The stored copy of a plan or research topic, or NULL. */
static gpointer
load_stored (SlLedger    *ledger,
             gpointer     record,
             int          year,
             GError     **error)
{
  g_autoptr(GPtrArray) records = SL_IS_PLAN (record) ? sl_ledger_load_plans (ledger, year, error)
                                                     : sl_ledger_load_research_topics (ledger, year, error);
  const char *id = sl_record_get_id (SL_RECORD (record));

  for (guint i = 0; records != NULL && i < records->len; i++)
    if (g_strcmp0 (sl_record_get_id (g_ptr_array_index (records, i)), id) == 0)
      return g_object_ref (g_ptr_array_index (records, i));
  return NULL;
}

static char *
record_text (gpointer record)
{
  g_autoptr(JsonNode) node = sl_archive_record_to_node (record);
  return sl_canonical_json_write (node);
}

/**
 * sl_evidence_check_record_change:
 * @record: a #SlPlan or #SlResearchTopic about to be saved
 *
 * Refuses, naming the year, a save that changes a plan or research topic
 * of a locked year, or moves one into it. Saving one as it is stays
 * allowed: a merge of the ledger's own export changes nothing.
 */
gboolean
sl_evidence_check_record_change (SlLedger   *ledger,
                                 gpointer    record,
                                 GError    **error)
{
  g_autoptr(GError) new_error = NULL;
  g_autoptr(GError) old_error = NULL;
  g_autoptr(GObject) stored = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  const char *organization;
  int year;

  g_return_val_if_fail (SL_IS_LEDGER (ledger), FALSE);

  if (!sl_evidence_any_lock (ledger))
    return TRUE;

  if (SL_IS_PLAN (record))
    {
      organization = sl_plan_get_organization (record);
      year = sl_plan_get_year (record);
    }
  else
    {
      organization = sl_research_topic_get_organization (record);
      year = sl_research_topic_get_year (record);
    }

  sl_evidence_check_year_open (ledger, organization, year, &new_error);
  sl_evidence_check_row_open (ledger, G_OBJECT_TYPE (record), sl_record_get_id (SL_RECORD (record)),
                              &old_error);
  if (new_error == NULL && old_error == NULL)
    return TRUE;
  if ((new_error != NULL && !g_error_matches (new_error, SL_EVIDENCE_ERROR, SL_EVIDENCE_ERROR_LOCKED)) ||
      (old_error != NULL && !g_error_matches (old_error, SL_EVIDENCE_ERROR, SL_EVIDENCE_ERROR_LOCKED)))
    {
      GError **which = new_error != NULL ? &new_error : &old_error;
      g_propagate_error (error, *which);
      *which = NULL;
      return FALSE;
    }

  stored = load_stored (ledger, record, year, error);
  if (stored != NULL)
    {
      before = record_text (stored);
      after = record_text (record);
      if (g_str_equal (before, after))
        return TRUE;
    }

  {
    GError **which = old_error != NULL ? &old_error : &new_error;
    g_propagate_error (error, *which);
    *which = NULL;
  }
  return FALSE;
}

/* Deleting a meeting, plan or research topic of a locked year, or a final
 * meeting, is refused. */
gboolean
sl_evidence_check_delete (SlLedger   *ledger,
                          gpointer    record,
                          GError    **error)
{
  g_return_val_if_fail (SL_IS_LEDGER (ledger), FALSE);

  if (!sl_evidence_check_row_open (ledger, G_OBJECT_TYPE (record),
                                   sl_record_get_id (SL_RECORD (record)), error))
    return FALSE;

  if (SL_IS_MEETING (record))
    {
      g_autoptr(SlFinal) final = NULL;
      gint64 key = 0;

      if (!sl_ledger_is_new (ledger, RESOLVE_MEETING, sl_record_get_id (SL_RECORD (record))) &&
          (!sl_ledger_resolve (ledger, RESOLVE_MEETING, sl_record_get_id (SL_RECORD (record)),
                               "meeting", &key, error) ||
           !sl_evidence_get_final (ledger, key, &final, error)))
        return FALSE;
      if (final != NULL)
        {
          g_set_error (error, SL_EVIDENCE_ERROR, SL_EVIDENCE_ERROR_STATE,
                       _("The meeting %s is final (since %s) and cannot be deleted"),
                       sl_record_get_id (SL_RECORD (record)), final->finalized_at);
          return FALSE;
        }
    }

  return TRUE;
}
