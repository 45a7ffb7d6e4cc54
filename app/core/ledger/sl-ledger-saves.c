/* sl-ledger-saves.c — SlLedger's saves and deletes, guarded
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A save checks the change count the record was read with
 * (sl-ledger-guard.c) and a delete asks the evidence whether the record
 * may go (a finalised meeting, a locked year: sl-evidence-locks.c). Both
 * guards are built on SlLedger, so the saves are a unit above it: the
 * stores, transactions and row helpers (sl-ledger.c) are read first. The
 * record families' saves (sl-ledger-members.c, sl-ledger-plans.c,
 * sl-ledger-meetings.c) go through sl_ledger_save_guarded() and
 * sl_ledger_save_with_flags().
 */

#define G_LOG_DOMAIN "sl-ledger"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "sl-branch-report.h"
#include "sl-evidence.h"
#include "sl-ledger-guard.h"
#include "sl-ledger-saves.h"
#include "sl-meeting.h"
#include "sl-member.h"
#include "sl-organization.h"
#include "sl-plan.h"
#include "sl-research-topic.h"
#include "sl-study-note.h"
#include "sl-talk.h"
#include "sl-topic.h"

/* A record's save in a transaction of its own (a savepoint inside an
 * import's), which checks the record's change count first and gives it
 * the row's new one once committed (sl-ledger-guard.c). */
gboolean
sl_ledger_save_guarded (SlLedger   *self,
                        SlRecord   *record,
                        gboolean  (*save) (SlLedger *, SlRecord *, GError **),
                        GError    **error)
{
  gint64 count = -1;
  gboolean ok;

  /* Inside an import's transaction, a record of the archive (no count):
   * nothing to check, and no savepoint per record; the caller rolls back
   * whole on failure (and sl_ledger_rollback() reads the counts again). */
  if (sl_record_get_change_count (record) < 0 &&
      !sqlite3_get_autocommit (sl_database_get_handle (self->database)))
    {
      if (!save (self, record, error) ||
          !sl_ledger_guard_read (self, record, &count, error))
        return FALSE;
      sl_record_set_change_count (record, count);
      return TRUE;
    }

  if (!sl_database_begin (self->database, error))
    return FALSE;

  ok = sl_ledger_guard_check (self, record, error) &&
       save (self, record, error) &&
       sl_ledger_guard_read (self, record, &count, error);

  if (!sl_ledger_finish (self, ok, error))
    return FALSE;

  sl_record_set_change_count (record, count);
  return TRUE;
}

/* The save of a record with lists (a plan, a meeting), which the caller
 * may do inside its own transaction (SL_SAVE_IN_TRANSACTION: an import):
 * then only the change count is checked. Otherwise in a transaction of
 * its own: the count the record was read with must still be the row's,
 * and the record takes the new one once the save is committed. */
gboolean
sl_ledger_save_with_flags (SlLedger     *self,
                           SlRecord     *record,
                           SlSaveFlags   flags,
                           gboolean    (*save) (SlLedger *, SlRecord *, SlSaveFlags, GError **),
                           GError      **error)
{
  gint64 count = -1;
  gboolean ok;

  g_return_val_if_fail (!(flags & SL_SAVE_IN_TRANSACTION) ||
                        !sqlite3_get_autocommit (sl_database_get_handle (self->database)), FALSE);

  if (flags & SL_SAVE_IN_TRANSACTION)
    return sl_ledger_guard_check (self, record, error) &&
           save (self, record, flags, error);

  if (!sl_database_begin (self->database, error))
    return FALSE;

  ok = sl_ledger_guard_check (self, record, error) &&
       save (self, record, flags, error) &&
       sl_ledger_guard_read (self, record, &count, error);
  if (!sl_ledger_finish (self, ok, error))
    return FALSE;

  sl_record_set_change_count (record, count);
  return TRUE;
}

static void
unstore_record (SlLedger   *self,
                GListStore *store,
                const char *id)
{
  gpointer existing;
  guint position;

  if (store == NULL)
    return;

  existing = g_hash_table_lookup (self->by_id, id);
  if (existing != NULL && g_list_store_find (store, existing, &position))
    g_list_store_remove (store, position);
  g_hash_table_remove (self->by_id, id);
}

/* The rows of an organization's children lost their parent with it
 * (ON DELETE SET NULL); their objects in the live store follow. */
static void
forget_parent (SlLedger   *self,
               const char *id)
{
  GListModel *organizations = G_LIST_MODEL (self->organizations);

  if (organizations == NULL)
    return;

  for (guint i = 0; i < g_list_model_get_n_items (organizations); i++)
    {
      g_autoptr(SlOrganization) child = g_list_model_get_item (organizations, i);

      if (g_strcmp0 (sl_organization_get_parent (child), id) == 0)
        sl_organization_set_parent (child, NULL);
    }
}

/**
 * sl_ledger_delete:
 * @record: an #SlOrganization, #SlMember, #SlPlan, #SlMeeting or
 *   #SlResearchTopic
 *
 * Deletes the record and what it owns (a meeting's studies, attendance...;
 * a plan's items, whose meetings then fulfil no item). An organization or a
 * member that other records still name is refused: a member's attendance is
 * the history an inspection reads, so a member who leaves gets a left-on
 * date instead. To undo, save the same object again.
 */
gboolean
sl_ledger_delete (SlLedger  *self,
                  gpointer   record,
                  GError   **error)
{
  static const struct { GType (*get_type) (void); const char *sql; } deletes[] = {
    { sl_organization_get_type,   "DELETE FROM organizations WHERE uuid = ?" },
    { sl_member_get_type,         "DELETE FROM members WHERE uuid = ?" },
    { sl_plan_get_type,           "DELETE FROM plans WHERE uuid = ?" },
    { sl_meeting_get_type,        "DELETE FROM meetings WHERE uuid = ?" },
    { sl_research_topic_get_type, "DELETE FROM research_topics WHERE uuid = ?" },
    { sl_topic_get_type,          "DELETE FROM topics WHERE uuid = ?" },
    { sl_talk_get_type,           "DELETE FROM talks WHERE uuid = ?" },
    { sl_branch_report_get_type,  "DELETE FROM branch_reports WHERE uuid = ?" },
    { sl_study_note_get_type,     "DELETE FROM study_notes WHERE uuid = ?" },
  };
  const char *sql = NULL;
  const char *id;
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (SL_IS_LEDGER (self), FALSE);
  g_return_val_if_fail (SL_IS_RECORD (record), FALSE);

  for (guint i = 0; i < G_N_ELEMENTS (deletes); i++)
    if (G_OBJECT_TYPE (record) == deletes[i].get_type ())
      sql = deletes[i].sql;
  g_return_val_if_fail (sql != NULL, FALSE);

  id = sl_record_get_id (record);

  if (!sl_database_begin (self->database, error))
    return FALSE;

  if (!sl_evidence_check_delete (self, record, error) ||
      !(stmt = sl_database_prepare (self->database, sql, error)))
    return sl_ledger_finish (self, FALSE, error);

  sl_bind_text (stmt, 1, id);
  rc = sqlite3_step (stmt);
  sqlite3_reset (stmt);

  if ((rc & 0xff) == SQLITE_CONSTRAINT)
    {
      g_set_error (error, SL_LEDGER_ERROR, SL_LEDGER_ERROR_IN_USE,
                   SL_IS_MEMBER (record)
                   ? _("%s still has attendance, speeches or duties on record and cannot be "
                       "deleted; set the date the member left instead")
                   : _("%s is still named by other records and cannot be deleted"),
                   SL_IS_MEMBER (record) ? sl_member_get_name (record)
                   : SL_IS_ORGANIZATION (record) ? sl_organization_get_name (record) : id);
      return sl_ledger_finish (self, FALSE, error);
    }

  if (rc != SQLITE_DONE)
    {
      sl_database_set_error (self->database, rc, error);
      return sl_ledger_finish (self, FALSE, error);
    }

  if (!sl_ledger_finish (self, TRUE, error))
    return FALSE;

  if (SL_IS_MEMBER (record))
    g_hash_table_remove (self->member_keys, id);

  if (SL_IS_ORGANIZATION (record))
    {
      unstore_record (self, self->organizations, id);
      forget_parent (self, id);
    }
  else if (SL_IS_MEMBER (record))
    unstore_record (self, self->members, id);

  sl_record_set_key (record, 0);
  return TRUE;
}
