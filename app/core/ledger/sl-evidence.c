/* sl-evidence.c — final meetings, their revisions, and locked years
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A record that stands as evidence must show whether it changed since it
 * was signed off. A final meeting keeps the SHA-256 of its hash form
 * (docs/archive.md, version 2); every later change needs a reason and
 * appends a revision that keeps the form as it was, chained to the ones
 * before it, so that `check` finds both content edited behind the
 * program's back (the hash no longer matches) and revisions edited with
 * the schema's triggers dropped (the chain no longer matches). Every
 * save of a meeting passes through a change (sl_evidence_change_begin/
 * end), which also refuses changes to a locked year's meetings but for
 * the progress of measures; the locks themselves are in
 * sl-evidence-locks.c.
 */

#define G_LOG_DOMAIN "sl-evidence"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "sl-archive-hash-form.h"
#include "sl-attachments.h"
#include "sl-canonical-json.h"
#include "sl-evidence.h"
#include "sl-ledger-private.h"
#include "sl-meeting.h"
#include "sl-meeting-watch.h"

G_DEFINE_QUARK (sl-evidence-error-quark, sl_evidence_error)

#define NO_CHAIN "0000000000000000000000000000000000000000000000000000000000000000"

void
sl_final_free (SlFinal *final)
{
  if (final == NULL)
    return;
  g_free (final->finalized_at);
  g_free (final->finalized_by);
  g_free (final->hash);
  g_free (final);
}

void
sl_revision_free (SlRevision *revision)
{
  if (revision == NULL)
    return;
  g_free (revision->at);
  g_free (revision->by);
  g_free (revision->reason);
  g_free (revision->hash);
  g_free (revision->chain);
  g_free (revision->snapshot);
  g_free (revision);
}

void
sl_year_lock_free (SlYearLock *lock)
{
  if (lock == NULL)
    return;
  g_free (lock->organization);
  g_free (lock->locked_at);
  g_free (lock->locked_by);
  g_free (lock->unlocked_at);
  g_free (lock->unlock_reason);
  g_free (lock);
}

/* RFC 3339, local time with its offset, to the second. */
char *
sl_evidence_now (void)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  return g_date_time_format (now, "%Y-%m-%dT%H:%M:%S%:z");
}

/* Who acts when no name is given: the name given at the ledger's last
 * finalisation (window or command line: typed once, remembered), else
 * the account's user name. */
const char *
sl_evidence_default_by (SlLedger *ledger)
{
  const char *by = ledger ? sl_database_get_setting (ledger->database, SL_EVIDENCE_BY_SETTING) : NULL;

  return by != NULL && *by != '\0' ? by : g_get_user_name ();
}

/* The chain of a revision: SHA-256 of the UTF-8 text previous chain, hash,
 * at, by, reason, a line break between them, absent ones as empty. */
char *
sl_evidence_chain (const char *previous_chain,
                   const char *hash,
                   const char *at,
                   const char *by,
                   const char *reason)
{
  g_autofree char *text = g_strjoin ("\n",
                                     previous_chain ? previous_chain : NO_CHAIN,
                                     hash ? hash : "", at ? at : "",
                                     by ? by : "", reason ? reason : "", NULL);

  return sl_canonical_json_sha256 (text, -1);
}

/**
 * sl_evidence_hash_form:
 * @meeting: a meeting loaded with its details (and its key)
 * @without_progress: leave out the status, done date and progress of its
 *   measures: what a locked year still allows to change
 *
 * Returns the meeting's hash form as text, its attachments read from the
 * ledger.
 */
char *
sl_evidence_hash_form (SlLedger   *ledger,
                       SlMeeting  *meeting,
                       gboolean    without_progress,
                       GError    **error)
{
  g_autoptr(GPtrArray) attachments = NULL;

  g_return_val_if_fail (SL_IS_LEDGER (ledger), NULL);
  g_return_val_if_fail (SL_IS_MEETING (meeting), NULL);

  attachments = sl_attachments_load (ledger, sl_record_get_key (SL_RECORD (meeting)), error);
  if (attachments == NULL)
    return NULL;

  return sl_archive_meeting_hash_form (meeting, attachments, without_progress);
}

gboolean
sl_evidence_get_final (SlLedger  *ledger,
                       gint64     meeting_key,
                       SlFinal  **final,
                       GError   **error)
{
  sqlite3_stmt *stmt;
  int rc;

  *final = NULL;
  stmt = sl_database_prepare (ledger->database,
                              "SELECT finalized_at, finalized_by, hash FROM meeting_finals "
                              "WHERE meeting_id = ?",
                              error);
  if (stmt == NULL)
    return FALSE;

  sl_bind_key (stmt, 1, meeting_key);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    {
      *final = g_new0 (SlFinal, 1);
      (*final)->finalized_at = g_strdup (column_text (stmt, 0));
      (*final)->finalized_by = g_strdup (column_text (stmt, 1));
      (*final)->hash = g_strdup (column_text (stmt, 2));
    }
  sqlite3_reset (stmt);

  if (rc != SQLITE_ROW && rc != SQLITE_DONE)
    return sl_database_set_error (ledger->database, rc, error);

  return TRUE;
}

GStrv
sl_evidence_final_meetings (SlLedger  *ledger,
                            GError   **error)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (SL_IS_LEDGER (ledger), NULL);

  stmt = sl_database_prepare (ledger->database,
                              "SELECT m.uuid FROM meeting_finals f JOIN meetings m ON m.id = f.meeting_id",
                              error);
  if (stmt == NULL)
    return NULL;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_strv_builder_add (builder, column_text (stmt, 0));
  sqlite3_reset (stmt);

  if (rc != SQLITE_DONE)
    {
      sl_database_set_error (ledger->database, rc, error);
      return NULL;
    }
  return g_strv_builder_end (builder);
}

GPtrArray *
sl_evidence_load_revisions (SlLedger  *ledger,
                            gint64     meeting_key,
                            GError   **error)
{
  g_autoptr(GPtrArray) revisions = g_ptr_array_new_with_free_func ((GDestroyNotify) sl_revision_free);
  sqlite3_stmt *stmt;
  int rc;

  stmt = sl_database_prepare (ledger->database,
                              "SELECT revision, made_at, made_by, reason, hash, chain, snapshot "
                              "FROM revisions WHERE meeting_id = ? ORDER BY revision",
                              error);
  if (stmt == NULL)
    return NULL;

  sl_bind_key (stmt, 1, meeting_key);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      SlRevision *revision = g_new0 (SlRevision, 1);

      revision->revision = sqlite3_column_int (stmt, 0);
      revision->at = g_strdup (column_text (stmt, 1));
      revision->by = g_strdup (column_text (stmt, 2));
      revision->reason = g_strdup (column_text (stmt, 3));
      revision->hash = g_strdup (column_text (stmt, 4));
      revision->chain = g_strdup (column_text (stmt, 5));
      revision->snapshot = g_strdup (column_text (stmt, 6));
      g_ptr_array_add (revisions, revision);
    }
  sqlite3_reset (stmt);

  if (rc != SQLITE_DONE)
    {
      sl_database_set_error (ledger->database, rc, error);
      return NULL;
    }

  return g_steal_pointer (&revisions);
}

/* Changes to a meeting ------------------------------------------------------- */

struct _SlMeetingChange
{
  guint     depth;
  char     *meeting_id;
  gboolean  existed;
  gboolean  final;
  gboolean  old_locked;
  char     *label;          /* the title, or the id */
  char     *old_organization;
  int       old_year;
  char     *old_form;       /* final: the hash form before */
  char     *old_stripped;   /* locked: the same without the measures' progress */
  char     *by;
  char     *reason;
  SlRevisionSession *session;  /* borrowed: the window's revision session */
  gboolean  require_reason; /* no default reason for measures' progress */
  gboolean  skip_revision;  /* the caller stores the revisions */
};

#define CURRENT_CHANGE "sl-evidence-change"
#define PENDING_REASON "sl-evidence-reason"

typedef struct
{
  char *by;
  char *reason;
  SlRevisionSession *session;   /* borrowed, or NULL */
} PendingReason;

static void
pending_reason_free (gpointer data)
{
  PendingReason *pending = data;

  g_free (pending->by);
  g_free (pending->reason);
  g_free (pending);
}

/**
 * sl_evidence_set_reason:
 *
 * Gives the changes that follow through @ledger, until called again with
 * %NULL, a reason and an author when they give none themselves: an
 * import's merge (`import-archive --merge --reason TEXT`) saves through
 * the archive's merger, which knows nothing of reasons.
 */
void
sl_evidence_set_reason (SlLedger   *ledger,
                        const char *by,
                        const char *reason)
{
  PendingReason *pending = NULL;

  g_return_if_fail (SL_IS_LEDGER (ledger));

  if (reason != NULL)
    {
      pending = g_new0 (PendingReason, 1);
      pending->by = g_strdup (by);
      pending->reason = g_strdup (reason);
    }
  g_object_set_data_full (G_OBJECT (ledger), PENDING_REASON, pending, pending_reason_free);
}

/**
 * sl_evidence_set_session:
 * @session: (nullable): the revision session the following saves belong to
 *
 * sl_evidence_set_reason() with the session's reason and author; a change
 * to the session's meeting that follows the session's own revision adds no
 * other revision. %NULL ends it (as sl_evidence_set_reason (…, NULL)).
 */
void
sl_evidence_set_session (SlLedger          *ledger,
                         SlRevisionSession *session)
{
  PendingReason *pending;

  g_return_if_fail (SL_IS_LEDGER (ledger));

  if (session == NULL)
    {
      sl_evidence_set_reason (ledger, NULL, NULL);
      return;
    }
  sl_evidence_set_reason (ledger, sl_revision_session_get_by (session), sl_revision_session_get_reason (session));
  pending = g_object_get_data (G_OBJECT (ledger), PENDING_REASON);
  pending->session = session;
}

static void
change_free (SlMeetingChange *change)
{
  g_free (change->meeting_id);
  g_free (change->label);
  g_free (change->old_organization);
  g_free (change->old_form);
  g_free (change->old_stripped);
  g_free (change->by);
  g_free (change->reason);
  g_free (change);
}

/* What a change asks of a meeting first, in one lookup: whether it
 * exists, is final, and its organization, year and title. Most saves
 * need no more. */
typedef struct
{
  gboolean  exists;
  gboolean  final;
  char     *organization;
  int       year;
  char     *title;
} Probe;

static void
probe_clear (Probe *probe)
{
  g_clear_pointer (&probe->organization, g_free);
  g_clear_pointer (&probe->title, g_free);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Probe, probe_clear)

static gboolean
probe_meeting (SlLedger    *ledger,
               const char  *meeting_id,
               Probe       *probe,
               GError     **error)
{
  sqlite3_stmt *stmt;
  int rc;

  stmt = sl_database_prepare (ledger->database,
                              "SELECT o.uuid, m.year, m.title, f.meeting_id IS NOT NULL "
                              "FROM meetings m JOIN organizations o ON o.id = m.organization_id "
                              "  LEFT JOIN meeting_finals f ON f.meeting_id = m.id "
                              "WHERE m.uuid = ?",
                              error);
  if (stmt == NULL)
    return FALSE;

  sl_bind_text (stmt, 1, meeting_id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    {
      probe->exists = TRUE;
      probe->organization = g_strdup (column_text (stmt, 0));
      probe->year = sqlite3_column_int (stmt, 1);
      probe->title = g_strdup (column_text (stmt, 2));
      probe->final = sqlite3_column_int (stmt, 3);
    }
  sqlite3_reset (stmt);

  if (rc != SQLITE_ROW && rc != SQLITE_DONE)
    return sl_database_set_error (ledger->database, rc, error);
  return TRUE;
}

static gboolean
year_locked (SlLedger    *ledger,
             const char  *organization,
             int          year,
             GError     **error)
{
  return !sl_evidence_check_year_open (ledger, organization, year, error);
}

/**
 * sl_evidence_change_begin:
 * @by: who changes it, or %NULL for the user's name
 * @reason: why, or %NULL: a final meeting then refuses any change
 *
 * Opens a change to the meeting @meeting_id (which may not exist yet), in
 * the caller's transaction. Returns %NULL with @error set when it cannot
 * be read.
 */
SlMeetingChange *
sl_evidence_change_begin (SlLedger    *ledger,
                          const char  *meeting_id,
                          const char  *by,
                          const char  *reason,
                          GError     **error)
{
  SlMeetingChange *current = g_object_get_data (G_OBJECT (ledger), CURRENT_CHANGE);
  PendingReason *pending = g_object_get_data (G_OBJECT (ledger), PENDING_REASON);
  g_autoptr(GError) local_error = NULL;
  g_auto(Probe) probe = { 0 };
  SlMeetingChange *change;

  g_return_val_if_fail (SL_IS_LEDGER (ledger), NULL);
  g_return_val_if_fail (meeting_id != NULL, NULL);

  if (current != NULL && g_str_equal (current->meeting_id, meeting_id))
    {
      current->depth++;
      return current;
    }

  change = g_new0 (SlMeetingChange, 1);
  change->depth = 1;
  change->meeting_id = g_strdup (meeting_id);
  change->by = g_strdup (by ? by : pending ? pending->by : NULL);
  change->reason = g_strdup (reason ? reason : pending ? pending->reason : NULL);
  if (reason == NULL && pending != NULL && pending->session != NULL &&
      g_str_equal (sl_revision_session_get_meeting (pending->session), meeting_id))
    change->session = pending->session;
  if (change->reason != NULL && *g_strstrip (change->reason) == '\0')
    g_clear_pointer (&change->reason, g_free);
  if (change->by == NULL)
    change->by = g_strdup (sl_evidence_default_by (ledger));

  if (!probe_meeting (ledger, meeting_id, &probe, error))
    {
      change_free (change);
      return NULL;
    }

  change->existed = probe.exists;
  change->final = probe.final;
  change->label = g_strdup (probe.title && *probe.title ? probe.title : meeting_id);
  if (probe.exists)
    {
      change->old_organization = g_strdup (probe.organization);
      change->old_year = probe.year;
      change->old_locked = year_locked (ledger, probe.organization, probe.year, &local_error);
      if (change->old_locked &&
          !g_error_matches (local_error, SL_EVIDENCE_ERROR, SL_EVIDENCE_ERROR_LOCKED))
        {
          g_propagate_error (error, g_steal_pointer (&local_error));
          change_free (change);
          return NULL;
        }
    }

  if (change->final || change->old_locked)
    {
      g_autoptr(SlMeeting) meeting = sl_ledger_load_meeting (ledger, meeting_id, error);

      if (meeting == NULL ||
          (change->final &&
           !(change->old_form = sl_evidence_hash_form (ledger, meeting, FALSE, error))) ||
          !(change->old_stripped = sl_evidence_hash_form (ledger, meeting, TRUE, error)))
        {
          change_free (change);
          return NULL;
        }
    }

  if (current == NULL)
    g_object_set_data (G_OBJECT (ledger), CURRENT_CHANGE, change);

  return change;
}

void
sl_evidence_change_require_reason (SlMeetingChange *change)
{
  g_return_if_fail (change != NULL);
  change->require_reason = TRUE;
}

void
sl_evidence_change_skip_revision (SlMeetingChange *change)
{
  g_return_if_fail (change != NULL);
  change->skip_revision = TRUE;
}

/**
 * sl_evidence_set_revision_head:
 * @revision: the number of the meeting's last revision
 * @chain: its chain
 *
 * Records the head of a meeting's chain beside it, in the caller's
 * transaction: removing the last revision (with the triggers dropped)
 * leaves a chain that is whole but too short, and only a record of its
 * head shows that. No schema change: the settings table holds it. Every
 * revision that enters the ledger passes here, made here or imported.
 */
gboolean
sl_evidence_set_revision_head (SlLedger    *ledger,
                               const char  *meeting_id,
                               int          revision,
                               const char  *chain,
                               GError     **error)
{
  g_autofree char *head_key = g_strconcat (SL_EVIDENCE_REVISION_HEAD, meeting_id, NULL);
  g_autofree char *head = g_strdup_printf ("%d %s", revision, chain);
  sqlite3_stmt *stmt;

  g_return_val_if_fail (SL_IS_LEDGER (ledger), FALSE);

  /* Not sl_database_set_setting(), whose cache would keep the value of a
   * transaction rolled back. */
  stmt = sl_database_prepare (ledger->database,
                              "INSERT INTO settings (key, value) VALUES (?1, ?2) "
                              "ON CONFLICT (key) DO UPDATE SET value = excluded.value",
                              error);
  if (stmt == NULL)
    return FALSE;
  sl_bind_text (stmt, 1, head_key);
  sl_bind_text (stmt, 2, head);
  return sl_database_step_done (ledger->database, stmt, error);
}

/* Appends a revision that keeps @old_form, and gives the meeting its new
 * hash. */
static gboolean
record_revision (SlLedger         *ledger,
                 gint64            key,
                 SlMeetingChange  *change,
                 const char       *new_form,
                 GError          **error)
{
  g_autofree char *at = sl_evidence_now ();
  g_autofree char *hash = sl_canonical_json_sha256 (change->old_form, -1);
  g_autofree char *new_hash = sl_canonical_json_sha256 (new_form, -1);
  g_autofree char *previous = NULL;
  g_autofree char *chain = NULL;
  sqlite3_stmt *stmt;
  int number = 1;
  int rc;

  stmt = sl_database_prepare (ledger->database,
                              "SELECT revision, chain FROM revisions WHERE meeting_id = ? "
                              "ORDER BY revision DESC LIMIT 1",
                              error);
  if (stmt == NULL)
    return FALSE;
  sl_bind_key (stmt, 1, key);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    {
      number = sqlite3_column_int (stmt, 0) + 1;
      previous = g_strdup (column_text (stmt, 1));
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_ROW && rc != SQLITE_DONE)
    return sl_database_set_error (ledger->database, rc, error);

  /* A later save of a revision session whose revision is still the last:
   * the revision kept the content before the session; only the meeting's
   * hash follows. Another revision meanwhile (a restore, another program)
   * starts a new one. */
  if (change->session != NULL && sl_revision_session_get_revision (change->session) > 0 &&
      sl_revision_session_get_revision (change->session) == number - 1)
    goto finals;

  chain = sl_evidence_chain (previous, hash, at, change->by, change->reason);

  stmt = sl_database_prepare (ledger->database,
                              "INSERT INTO revisions (meeting_id, revision, made_at, made_by, reason, "
                              "  hash, chain, snapshot) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                              error);
  if (stmt == NULL)
    return FALSE;
  sl_bind_key (stmt, 1, key);
  sqlite3_bind_int (stmt, 2, number);
  sl_bind_text (stmt, 3, at);
  sl_bind_text (stmt, 4, change->by);
  sl_bind_text (stmt, 5, change->reason);
  sl_bind_text (stmt, 6, hash);
  sl_bind_text (stmt, 7, chain);
  sl_bind_text (stmt, 8, change->old_form);
  if (!sl_database_step_done (ledger->database, stmt, error))
    return FALSE;

  if (!sl_evidence_set_revision_head (ledger, change->meeting_id, number, chain, error))
    return FALSE;
  if (change->session != NULL)
    sl_revision_session_set_revision (change->session, number);

finals:
  stmt = sl_database_prepare (ledger->database,
                              "UPDATE meeting_finals SET hash = ?2, finalized_at = ?3, finalized_by = ?4 "
                              "WHERE meeting_id = ?1",
                              error);
  if (stmt == NULL)
    return FALSE;
  sl_bind_key (stmt, 1, key);
  sl_bind_text (stmt, 2, new_hash);
  sl_bind_text (stmt, 3, at);
  sl_bind_text (stmt, 4, change->by);
  return sl_database_step_done (ledger->database, stmt, error);
}

/**
 * sl_evidence_change_end:
 * @ok: whether the rows were written; %FALSE only closes the change
 *
 * Closes a change opened by sl_evidence_change_begin(): refuses it when it
 * touches a locked year (but for the progress of measures), or a final
 * meeting without a reason; else records a revision of a final meeting
 * that changed. The caller rolls back on %FALSE.
 */
gboolean
sl_evidence_change_end (SlLedger         *ledger,
                        SlMeetingChange  *change,
                        gboolean          ok,
                        GError          **error)
{
  g_autoptr(SlMeeting) meeting = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autofree char *new_form = NULL;
  g_auto(Probe) probe = { 0 };
  gboolean new_locked;

  g_return_val_if_fail (SL_IS_LEDGER (ledger), FALSE);
  g_return_val_if_fail (change != NULL, FALSE);

  if (--change->depth > 0)
    return ok;

  if (g_object_get_data (G_OBJECT (ledger), CURRENT_CHANGE) == change)
    g_object_set_data (G_OBJECT (ledger), CURRENT_CHANGE, NULL);

  if (!ok)
    goto out;

  if (!change->existed && !sl_evidence_any_lock (ledger))
    goto out;   /* a new meeting, no year locked: the common case of an import */

  if (!probe_meeting (ledger, change->meeting_id, &probe, error))
    {
      ok = FALSE;
      goto out;
    }
  if (!probe.exists)
    goto out;

  new_locked = year_locked (ledger, probe.organization, probe.year, &local_error);
  if (new_locked && !g_error_matches (local_error, SL_EVIDENCE_ERROR, SL_EVIDENCE_ERROR_LOCKED))
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      ok = FALSE;
      goto out;
    }

  if (new_locked && !change->old_locked)
    {
      /* Into a locked year: a new meeting, or one moved there. */
      g_propagate_error (error, g_steal_pointer (&local_error));
      ok = FALSE;
      goto out;
    }

  if (change->old_locked || change->final)
    {
      if (!(meeting = sl_ledger_load_meeting (ledger, change->meeting_id, error)))
        {
          ok = FALSE;
          goto out;
        }
    }

  if (change->old_locked)
    {
      g_autofree char *stripped = sl_evidence_hash_form (ledger, meeting, TRUE, error);

      if (stripped == NULL)
        {
          ok = FALSE;
          goto out;
        }
      if (!g_str_equal (stripped, change->old_stripped))
        {
          /* Sets the message that names the locked year. */
          if (sl_evidence_check_year_open (ledger, change->old_organization, change->old_year, error))
            g_set_error (error, SL_EVIDENCE_ERROR, SL_EVIDENCE_ERROR_LOCKED,
                         _("The year %d is locked: the meeting “%s” cannot be changed"),
                         change->old_year, change->label);
          ok = FALSE;
          goto out;
        }
    }

  if (change->final)
    {
      if (!(new_form = sl_evidence_hash_form (ledger, meeting, FALSE, error)))
        {
          ok = FALSE;
          goto out;
        }

      if (!g_str_equal (new_form, change->old_form))
        {
          g_autofree char *stripped = NULL;

          /* The progress of its measures is followed up after a meeting
           * is final, all year: a revision records it, with this reason
           * when none is given. Anything else needs one, and so does a
           * merge, which brings another desk's changes (docs/archive.md).
           * The reason is stored: in the ledger's language, whatever the
           * language of the program that writes it. */
          if (change->reason == NULL && !change->require_reason)
            {
              if (!(stripped = sl_evidence_hash_form (ledger, meeting, TRUE, error)))
                {
                  ok = FALSE;
                  goto out;
                }
              if (g_str_equal (stripped, change->old_stripped))
                change->reason = g_strdup ("更新整改措施落实情况");
            }

          if (change->reason == NULL)
            {
              g_set_error (error, SL_EVIDENCE_ERROR, SL_EVIDENCE_ERROR_NEEDS_REASON,
                           _("The meeting “%s” (%s) is final: a change to it needs a reason, "
                             "which its history keeps; give one with --reason TEXT"),
                           change->label, change->meeting_id);
              ok = FALSE;
              goto out;
            }
          if (!change->skip_revision)
            ok = record_revision (ledger, sl_record_get_key (SL_RECORD (meeting)), change,
                                  new_form, error);
        }
    }

out:
  change_free (change);
  return ok;
}

/* sl_ledger_save_meeting() with a reason: the one way to change a final
 * meeting. */
gboolean
sl_ledger_save_meeting_with_reason (SlLedger    *ledger,
                                    SlMeeting   *meeting,
                                    SlSaveFlags  flags,
                                    const char  *by,
                                    const char  *reason,
                                    GError     **error)
{
  gboolean ok;

  g_return_val_if_fail (SL_IS_LEDGER (ledger), FALSE);

  if (reason == NULL)
    return sl_ledger_save_meeting (ledger, meeting, flags, error);

  /* The reason reaches the change that sl_ledger_save_meeting() opens. */
  {
    PendingReason *pending = g_object_get_data (G_OBJECT (ledger), PENDING_REASON);
    g_autofree char *old_by = pending ? g_strdup (pending->by) : NULL;
    g_autofree char *old_reason = pending ? g_strdup (pending->reason) : NULL;

    sl_evidence_set_reason (ledger, by, reason);
    ok = sl_ledger_save_meeting (ledger, meeting, flags, error);
    sl_evidence_set_reason (ledger, old_by, old_reason);
  }

  return ok;
}

/* Finalising ----------------------------------------------------------------- */

gboolean
sl_evidence_finalize (SlLedger    *ledger,
                      const char  *meeting_id,
                      const char  *by,
                      SlFinal    **final,
                      GError     **error)
{
  g_autoptr(SlMeeting) meeting = NULL;
  g_autoptr(SlFinal) existing = NULL;
  g_autofree char *form = NULL;
  g_autoptr(SlFinal) made = g_new0 (SlFinal, 1);
  gboolean dropped = FALSE;
  sqlite3_stmt *stmt;

  g_return_val_if_fail (SL_IS_LEDGER (ledger), FALSE);
  g_return_val_if_fail (meeting_id != NULL, FALSE);

  if (!sl_database_begin (ledger->database, error))
    return FALSE;

  if (!(meeting = sl_ledger_load_meeting (ledger, meeting_id, error)) ||
      !sl_evidence_get_final (ledger, sl_record_get_key (SL_RECORD (meeting)), &existing, error) ||
      !sl_evidence_check_year_open (ledger, sl_meeting_get_organization (meeting),
                                    sl_meeting_get_year (meeting), error))
    return sl_ledger_finish (ledger, FALSE, error);

  if (existing != NULL)
    {
      g_set_error (error, SL_EVIDENCE_ERROR, SL_EVIDENCE_ERROR_STATE,
                   _("The meeting %s is already final (since %s, by %s)"),
                   meeting_id, existing->finalized_at,
                   existing->finalized_by ? existing->finalized_by : "-");
      return sl_ledger_finish (ledger, FALSE, error);
    }

  if (!sl_evidence_ready_to_finalize (ledger, meeting, &dropped, error) ||
      !(form = sl_evidence_hash_form (ledger, meeting, FALSE, error)))
    return sl_ledger_finish (ledger, FALSE, error);

  made->finalized_at = sl_evidence_now ();
  made->finalized_by = g_strdup (by ? by : sl_evidence_default_by (ledger));
  /* The name given is the one later changes default to. */
  if (by != NULL && *by != '\0' &&
      !sl_database_set_setting (ledger->database, SL_EVIDENCE_BY_SETTING, by, error))
    return sl_ledger_finish (ledger, FALSE, error);
  made->hash = sl_canonical_json_sha256 (form, -1);

  stmt = sl_database_prepare (ledger->database,
                              "INSERT INTO meeting_finals (meeting_id, finalized_at, finalized_by, hash) "
                              "VALUES (?, ?, ?, ?)",
                              error);
  if (stmt == NULL)
    return sl_ledger_finish (ledger, FALSE, error);
  sl_bind_key (stmt, 1, sl_record_get_key (SL_RECORD (meeting)));
  sl_bind_text (stmt, 2, made->finalized_at);
  sl_bind_text (stmt, 3, made->finalized_by);
  sl_bind_text (stmt, 4, made->hash);

  if (!sl_ledger_finish (ledger, sl_database_step_done (ledger->database, stmt, error), error))
    return FALSE;

  /* Its empty speeches are gone: an editor open on it reads it again
   * rather than keep them, and the change count it had. */
  if (dropped)
    sl_meeting_watch_notify (ledger, meeting_id);

  if (final != NULL)
    *final = g_steal_pointer (&made);
  return TRUE;
}
