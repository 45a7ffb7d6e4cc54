/* sl-evidence-check.c — `check` of the evidence: hashes, chains, guards
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * What `check` asks of the evidence (sl-evidence.c keeps it): every final
 * meeting's content against the hash recorded when it was finalised,
 * every revision against its chain, the recorded head of each chain
 * against the last revision there is, a meeting with a history that is
 * no longer final, the triggers that keep revisions
 * append-only, and the attachments' bytes (sl_attachments_verify()). A
 * line per problem, naming the meeting; nothing is written.
 */

#define G_LOG_DOMAIN "sl-evidence"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "sl-attachments.h"
#include "sl-canonical-json.h"
#include "sl-evidence.h"
#include "sl-ledger-private.h"
#include "sl-meeting.h"

/* check ------------------------------------------------------------------------ */

/* The triggers that keep the revisions append-only: one dropped is a
 * change made behind the program's back even before any row is edited. */
static gboolean
verify_guards (SlLedger   *ledger,
               GPtrArray  *problems,
               GError    **error)
{
  static const char * const guards[] = { "revisions_no_update", "revisions_no_delete" };
  sqlite3_stmt *stmt;

  stmt = sl_database_prepare (ledger->database,
                              "SELECT count (*) FROM sqlite_schema WHERE type = 'trigger' AND name = ?",
                              error);
  if (stmt == NULL)
    return FALSE;

  for (guint i = 0; i < G_N_ELEMENTS (guards); i++)
    {
      int rc;

      sl_bind_text (stmt, 1, guards[i]);
      rc = sqlite3_step (stmt);
      if (rc != SQLITE_ROW)
        {
          sqlite3_reset (stmt);
          return sl_database_set_error (ledger->database, rc, error);
        }
      if (sqlite3_column_int (stmt, 0) == 0)
        g_ptr_array_add (problems,
                         g_strdup_printf (_("the trigger %s, which keeps the revisions from being "
                                            "changed, was removed outside Study Ledger"),
                                          guards[i]));
      sqlite3_reset (stmt);
    }
  return TRUE;
}

/* Each recorded head of a chain against the last revision there is: a
 * revision removed from the end leaves a shorter chain that is whole. */
static gboolean
verify_heads (SlLedger   *ledger,
              GPtrArray  *problems,
              GError    **error)
{
  sqlite3_stmt *stmt;
  int rc;

  stmt = sl_database_prepare (ledger->database,
                              "SELECT m.uuid, coalesce (nullif (m.title, ''), m.uuid), s.value, "
                              "  (SELECT r.revision || ' ' || r.chain FROM revisions r WHERE r.meeting_id = m.id "
                              "   ORDER BY r.revision DESC LIMIT 1) "
                              "FROM settings s JOIN meetings m ON m.uuid = substr (s.key, ?1) "
                              "WHERE substr (s.key, 1, ?1 - 1) = ?2 "
                              "ORDER BY m.date, m.id",
                              error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int (stmt, 1, (int) strlen (SL_EVIDENCE_REVISION_HEAD) + 1);
  sl_bind_text (stmt, 2, SL_EVIDENCE_REVISION_HEAD);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    if (g_strcmp0 (column_text (stmt, 2), column_text (stmt, 3)) != 0)
      g_ptr_array_add (problems,
                       g_strdup_printf (_("meeting %s (“%s”): its last revision is missing or not the "
                                          "one recorded; the revisions were changed outside Study Ledger"),
                                        column_text (stmt, 0), column_text (stmt, 1)));
  sqlite3_reset (stmt);

  if (rc != SQLITE_DONE)
    return sl_database_set_error (ledger->database, rc, error);
  return TRUE;
}

/* A meeting with a history (revisions, or the record of their head) is
 * one that was final: only finalising starts a history, and nothing in
 * the program takes it back. Without its final row it was turned back
 * into a draft behind the program's back, and its hash with it, so that
 * an edit to it would go unseen. */
static gboolean
verify_unfinalised (SlLedger   *ledger,
                    GPtrArray  *problems,
                    GError    **error)
{
  sqlite3_stmt *stmt;
  int rc;

  stmt = sl_database_prepare (ledger->database,
                              "SELECT m.uuid, coalesce (nullif (m.title, ''), m.uuid) FROM meetings m "
                              "WHERE NOT EXISTS (SELECT 1 FROM meeting_finals f WHERE f.meeting_id = m.id) "
                              "  AND (EXISTS (SELECT 1 FROM revisions r WHERE r.meeting_id = m.id) "
                              "       OR EXISTS (SELECT 1 FROM settings s WHERE s.key = ?1 || m.uuid)) "
                              "ORDER BY m.date, m.id",
                              error);
  if (stmt == NULL)
    return FALSE;

  sl_bind_text (stmt, 1, SL_EVIDENCE_REVISION_HEAD);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (problems,
                     g_strdup_printf (_("meeting %s (“%s”): it has revisions but is no longer final; "
                                        "its finalisation was removed outside Study Ledger. Compare it "
                                        "with its history, then finalise it again (finalize --meeting %s)"),
                                      column_text (stmt, 0), column_text (stmt, 1), column_text (stmt, 0)));
  sqlite3_reset (stmt);

  if (rc != SQLITE_DONE)
    return sl_database_set_error (ledger->database, rc, error);
  return TRUE;
}

static gboolean
verify_chains (SlLedger   *ledger,
               GPtrArray  *problems,
               GError    **error)
{
  g_autofree char *meeting = NULL;
  g_autofree char *previous = NULL;
  gboolean broken = FALSE;
  sqlite3_stmt *stmt;
  int expected = 1;
  int rc;

  stmt = sl_database_prepare (ledger->database,
                              "SELECT m.uuid, coalesce (nullif (m.title, ''), m.uuid), r.revision, "
                              "  r.made_at, r.made_by, r.reason, r.hash, r.chain, r.snapshot "
                              "FROM revisions r JOIN meetings m ON m.id = r.meeting_id "
                              "ORDER BY r.meeting_id, r.revision",
                              error);
  if (stmt == NULL)
    return FALSE;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      const char *id = column_text (stmt, 0);
      int number = sqlite3_column_int (stmt, 2);
      const char *hash = column_text (stmt, 6);
      const char *chain = column_text (stmt, 7);
      const char *snapshot = column_text (stmt, 8);
      g_autofree char *snapshot_hash = sl_canonical_json_sha256 (snapshot ? snapshot : "", -1);
      g_autofree char *expected_chain = NULL;

      if (g_strcmp0 (id, meeting) != 0)
        {
          g_free (meeting);
          meeting = g_strdup (id);
          g_clear_pointer (&previous, g_free);
          expected = 1;
          broken = FALSE;
        }

      expected_chain = sl_evidence_chain (previous, hash, column_text (stmt, 3),
                                          column_text (stmt, 4), column_text (stmt, 5));
      if (!broken &&
          (number != expected || g_strcmp0 (hash, snapshot_hash) != 0 ||
           g_strcmp0 (chain, expected_chain) != 0))
        {
          g_ptr_array_add (problems,
                           g_strdup_printf (_("meeting %s (“%s”): revision %d does not match its "
                                              "hash chain; the revisions were changed outside "
                                              "Study Ledger"),
                                            id, column_text (stmt, 1), number));
          broken = TRUE;   /* one line per meeting */
        }

      g_free (previous);
      previous = g_strdup (chain);
      expected = number + 1;
    }
  sqlite3_reset (stmt);

  if (rc != SQLITE_DONE)
    return sl_database_set_error (ledger->database, rc, error);
  return verify_heads (ledger, problems, error) && verify_unfinalised (ledger, problems, error) &&
         verify_guards (ledger, problems, error);
}

/**
 * sl_evidence_verify:
 *
 * Recomputes every final meeting's hash, every attachment's SHA-256 and
 * every revision chain, and adds a line to @problems for each meeting
 * whose stored content no longer matches: changed by another program,
 * behind Study Ledger's back. Reads only.
 */
gboolean
sl_evidence_verify (SlLedger   *ledger,
                    GPtrArray  *problems,
                    GError    **error)
{
  g_autoptr(GPtrArray) finals = g_ptr_array_new_with_free_func (g_free);
  sqlite3_stmt *stmt;
  gboolean ok = FALSE;
  int rc;

  g_return_val_if_fail (SL_IS_LEDGER (ledger), FALSE);

  /* One read transaction: one consistent state. */
  if (!sl_database_exec (ledger->database, "BEGIN", error))
    return FALSE;

  stmt = sl_database_prepare (ledger->database,
                              "SELECT m.uuid, f.hash FROM meeting_finals f "
                              "JOIN meetings m ON m.id = f.meeting_id ORDER BY m.date, m.id",
                              error);
  if (stmt == NULL)
    goto out;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      g_ptr_array_add (finals, g_strdup (column_text (stmt, 0)));
      g_ptr_array_add (finals, g_strdup (column_text (stmt, 1)));
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      sl_database_set_error (ledger->database, rc, error);
      goto out;
    }

  for (guint i = 0; i < finals->len; i += 2)
    {
      const char *id = g_ptr_array_index (finals, i);
      const char *hash = g_ptr_array_index (finals, i + 1);
      g_autoptr(SlMeeting) meeting = sl_ledger_load_meeting (ledger, id, error);
      g_autofree char *form = NULL;
      g_autofree char *actual = NULL;

      if (meeting == NULL || !(form = sl_evidence_hash_form (ledger, meeting, FALSE, error)))
        goto out;
      actual = sl_canonical_json_sha256 (form, -1);
      if (g_strcmp0 (actual, hash) != 0)
        g_ptr_array_add (problems,
                         g_strdup_printf (_("meeting %s (“%s”): its content no longer matches the "
                                            "hash recorded when it was finalised; it was changed "
                                            "outside Study Ledger"),
                                          id, sl_meeting_get_title (meeting)
                                              ? sl_meeting_get_title (meeting) : ""));
    }

  ok = verify_chains (ledger, problems, error) &&
       sl_attachments_verify (ledger, problems, error);

out:
  sl_database_exec (ledger->database, "COMMIT", NULL);
  return ok;
}
