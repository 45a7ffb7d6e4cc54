/* sl-integrity.c — finding a damaged ledger before anything is written to it
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A disk that loses a page, or a copy cut short, leaves a file that SQLite
 * still opens: reading commands then fail with "malformed", but a command
 * that writes would go on, and the daily backup would copy the damage over
 * the good copies. So the first open of each day that will write runs
 * SQLite's quick check (about 0.15 s on a ten-year ledger,
 * docs/performance.md) and remembers the day of a sound result in the
 * user's cache (not in the ledger, whose bytes a refused or reading
 * command must leave as they were); later
 * opens that day only read it. A
 * damaged file is never marked, so it is checked, and refused, at every
 * open that would write.
 *
 * A refused ledger is remembered for the rest of the process (by path) in
 * the damage registry below SlDatabase (sl-integrity-damage.c), which
 * sl_database_begin() asks before every write transaction.
 *
 * SQLite stores whatever bytes it is given as TEXT and never validates
 * them; a value that is not UTF-8 (flipped bits on disk that miss the
 * b-tree structure) passes the integrity check and would be written into
 * an archive that no reader accepts. sl_integrity_find_bad_text() reads
 * every text value of the record tables as bytes and names the record and
 * field of each one that is not UTF-8.
 */

#define G_LOG_DOMAIN "sl-integrity"

#include "config.h"

#include <errno.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <string.h>

#include "sl-integrity.h"
#include "sl-util.h"

/* Whether @rc, which stopped a check, says the file is damaged, rather
 * than that the check could not run now: another program holding the
 * file (SQLITE_BUSY), no memory, a read that failed. A ledger called
 * damaged refuses every write for the rest of the process, so only
 * SQLite's own verdicts count: a window's first save of the day, checked
 * while a merge from the command line held the file, was refused for good
 * otherwise. */
gboolean
sl_integrity_rc_is_damage (int rc)
{
  switch (rc & 0xff)
    {
    case SQLITE_CORRUPT:
    case SQLITE_NOTADB:
    case SQLITE_FORMAT:
      return TRUE;
    default:
      return FALSE;
    }
}

/* Runs @pragma, a check that reports "ok" or its problems, one a row.
 * Returns the first problem; or NULL, with *@unchecked set to the SQLite
 * code when the check could not run (0 when it ran). */
static char *
run_check (sqlite3    *handle,
           const char *pragma,
           int        *unchecked)
{
  sqlite3_stmt *stmt = NULL;
  char *problem = NULL;
  int rc;

  g_return_val_if_fail (handle != NULL, NULL);

  *unchecked = 0;

  /* (1): stop at the first problem; one is enough to refuse. */
  if ((rc = sqlite3_prepare_v2 (handle, pragma, -1, &stmt, NULL)) != SQLITE_OK)
    {
      if (sl_integrity_rc_is_damage (rc))
        return g_strdup (sqlite3_errmsg (handle));
      *unchecked = rc;
      return NULL;
    }

  while (problem == NULL && (rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      const char *line = (const char *) sqlite3_column_text (stmt, 0);

      if (g_strcmp0 (line, "ok") != 0)
        problem = g_strdup (line ? line : "?");
    }
  if (problem == NULL && rc != SQLITE_DONE)
    {
      if (sl_integrity_rc_is_damage (rc))
        problem = g_strdup (sqlite3_errmsg (handle));
      else
        *unchecked = rc;
    }
  sqlite3_finalize (stmt);

  /* SQLite starts its report with "*** in database main ***" on a line
   * of its own; one line is what a message has room for. */
  if (problem != NULL)
    {
      g_strdelimit (problem, "\r\n", ' ');
      g_strstrip (problem);
      if (g_str_has_prefix (problem, "*** in database main *** "))
        memmove (problem, problem + strlen ("*** in database main *** "),
                 strlen (problem) - strlen ("*** in database main *** ") + 1);
    }

  return problem;
}

/**
 * sl_integrity_quick_check:
 * @unchecked: (out): the SQLite code when the check could not run now
 *   (busy, out of memory, a failed read), else 0
 *
 * Runs PRAGMA quick_check on @handle: the structure of every b-tree, each
 * page read once; not whether indexes match their tables.
 *
 * Returns: (nullable): the first problem found, one line; %NULL when the
 *   file is sound, or when the check could not run (@unchecked)
 */
char *
sl_integrity_quick_check (sqlite3 *handle,
                          int     *unchecked)
{
  return run_check (handle, "PRAGMA quick_check(1)", unchecked);
}

/**
 * sl_integrity_full_check:
 * @unchecked: (out): as for sl_integrity_quick_check()
 *
 * As sl_integrity_quick_check(), and also whether every index holds what
 * its table holds: a copy made from a file whose index disagrees with its
 * table would carry text read through the damaged index.
 *
 * Returns: (nullable): as sl_integrity_quick_check()
 */
char *
sl_integrity_full_check (sqlite3 *handle,
                         int     *unchecked)
{
  return run_check (handle, "PRAGMA integrity_check(1)", unchecked);
}

/* The day of the last sound check is kept in the user's cache, not in the
 * ledger: a command that is refused, or that only reads, must leave the
 * ledger's bytes as they were, and noting the check would change them.
 * The note names the file by device, inode and path, so that another file
 * put at the same path is checked again. */
static char *
checked_day_file (const char *database_path)
{
  g_autofree char *key = NULL;
  g_autofree char *digest = NULL;
  GStatBuf info;

  if (g_stat (database_path, &info) != 0)
    return NULL;

  key = g_strdup_printf ("%llu:%llu:%s", (unsigned long long) info.st_dev,
                         (unsigned long long) info.st_ino, database_path);
  digest = g_compute_checksum_for_string (G_CHECKSUM_SHA256, key, -1);
  return g_build_filename (g_get_user_cache_dir (), "study-ledger", "checked", digest, NULL);
}

/**
 * sl_integrity_get_checked_day:
 *
 * Returns: (nullable): the day (YYYY-MM-DD) of the last sound check of the
 *   ledger at @database_path, or %NULL
 */
char *
sl_integrity_get_checked_day (const char *database_path)
{
  g_autofree char *file = checked_day_file (database_path);
  g_autofree char *text = NULL;

  if (file == NULL || !g_file_get_contents (file, &text, NULL, NULL))
    return NULL;
  return g_strdup (g_strstrip (text));
}

/* Only saves a check that tomorrow's first open makes anyway. */
static void
note_checked_day (const char *database_path,
                  const char *day)
{
  g_autofree char *file = checked_day_file (database_path);
  g_autofree char *folder = NULL;
  g_autoptr(GError) error = NULL;

  if (file == NULL)
    return;
  folder = g_path_get_dirname (file);
  if (g_mkdir_with_parents (folder, 0700) != 0 ||
      !g_file_set_contents_full (file, day, -1, G_FILE_SET_CONTENTS_CONSISTENT, 0600, &error))
    g_debug ("The day of the check was not noted in %s: %s",
             file, error ? error->message : g_strerror (errno));
}

/**
 * sl_integrity_check_daily:
 *
 * For an open that will write: unless the ledger was found sound today
 * (the setting SL_INTEGRITY_CHECKED_SETTING), runs the quick check; a
 * sound ledger is marked with today's date, a damaged one is refused
 * (SL_INTEGRITY_ERROR_DAMAGED) and its writes in this process too.
 */
gboolean
sl_integrity_check_daily (SlDatabase  *db,
                          GError     **error)
{
  const char *path;
  g_autofree char *today = NULL;
  g_autofree char *problem = NULL;
  g_autofree char *checked_on = NULL;
  int unchecked;

  g_return_val_if_fail (SL_IS_DATABASE (db), FALSE);

  path = sl_database_get_path (db);
  today = sl_today ();

  checked_on = sl_integrity_get_checked_day (path);
  if (!sl_integrity_is_damaged (path) && g_strcmp0 (checked_on, today) == 0)
    return TRUE;

  problem = sl_integrity_quick_check (sl_database_get_handle (db), &unchecked);
  if (unchecked != 0)
    return sl_database_set_error (db, unchecked, error);   /* not damaged: not checked */
  if (problem != NULL)
    {
      g_debug ("%s fails the quick check: %s", path, problem);
      sl_integrity_mark_damaged (path, TRUE);
      sl_integrity_set_damaged_error (error, path, problem);
      return FALSE;
    }

  sl_integrity_mark_damaged (path, FALSE);
  note_checked_day (path, today);

  return TRUE;
}

/**
 * sl_integrity_note_sound:
 *
 * After a full check passed (a restore): writes are allowed again, and
 * today's quick check is done.
 */
void
sl_integrity_note_sound (SlDatabase *db)
{
  g_autofree char *today = sl_today ();

  g_return_if_fail (SL_IS_DATABASE (db));

  sl_integrity_mark_damaged (sl_database_get_path (db), FALSE);
  note_checked_day (sl_database_get_path (db), today);
}

/* Text that is not UTF-8 --------------------------------------------------- */

/* Each statement gives the record's id and title, then the row's columns.
 * Rows without an id of their own (attendance, guests, speeches) name
 * their meeting, and their fields carry the table's name. */
static const struct
{
  const char *kind;
  const char *table;   /* the field's prefix, or NULL */
  const char *sql;
} text_tables[] = {
  { N_("organization"), NULL, "SELECT uuid, name, * FROM organizations ORDER BY id" },
  { N_("member"), NULL, "SELECT uuid, name, * FROM members ORDER BY id" },
  { N_("plan"), NULL, "SELECT uuid, title, * FROM plans ORDER BY id" },
  { N_("plan item"), NULL, "SELECT uuid, theme, * FROM plan_items ORDER BY id" },
  { N_("meeting"), NULL, "SELECT uuid, title, * FROM meetings ORDER BY id" },
  { N_("study"), NULL, "SELECT uuid, title, * FROM studies ORDER BY id" },
  { N_("meeting"), "attendance",
    "SELECT m.uuid, m.title, a.* FROM attendance AS a JOIN meetings AS m ON m.id = a.meeting_id "
    "ORDER BY a.meeting_id, a.member_id" },
  { N_("meeting"), "guests",
    "SELECT m.uuid, m.title, g.* FROM guests AS g JOIN meetings AS m ON m.id = g.meeting_id "
    "ORDER BY g.meeting_id, g.position" },
  { N_("meeting"), "speeches",
    "SELECT m.uuid, m.title, s.* FROM speeches AS s JOIN meetings AS m ON m.id = s.meeting_id "
    "ORDER BY s.id" },
  { N_("measure"), NULL, "SELECT uuid, text, * FROM measures ORDER BY id" },
  { N_("research topic"), NULL, "SELECT uuid, title, * FROM research_topics ORDER BY id" },
  /* archive version 2 */
  { N_("topic-pool item"), NULL, "SELECT uuid, title, * FROM topics ORDER BY id" },
  { N_("talk"), NULL, "SELECT uuid, topic, * FROM talks ORDER BY id" },
  { N_("branch report"), NULL, "SELECT uuid, title, * FROM branch_reports ORDER BY id" },
  { N_("study note"), NULL, "SELECT uuid, title, * FROM study_notes ORDER BY id" },
  { N_("meeting"), "session_plan_speeches",
    "SELECT m.uuid, m.title, s.* FROM session_plan_speeches AS s JOIN meetings AS m ON m.id = s.meeting_id "
    "ORDER BY s.meeting_id, s.position" },
};

/* Column @i of @stmt as valid UTF-8 for a message. */
static char *
column_for_message (sqlite3_stmt *stmt,
                    int           i)
{
  const char *bytes = sqlite3_column_blob (stmt, i);
  int length = sqlite3_column_bytes (stmt, i);

  if (bytes == NULL || length == 0)
    return g_strdup ("");
  return g_utf8_make_valid (bytes, length);
}

static gboolean
column_is_utf8 (sqlite3_stmt *stmt,
                int           i)
{
  const char *bytes;
  int length;

  if (sqlite3_column_type (stmt, i) != SQLITE_TEXT)
    return TRUE;

  /* As bytes: sqlite3_column_text() would hand them over unchecked. A
   * NUL inside the value is refused too (g_utf8_validate with a length). */
  bytes = sqlite3_column_blob (stmt, i);
  length = sqlite3_column_bytes (stmt, i);
  return length == 0 || g_utf8_validate (bytes, length, NULL);
}

/**
 * sl_integrity_find_bad_text:
 *
 * Reads every text value of the record tables as bytes.
 *
 * Returns: (transfer full): one line for each value that is not UTF-8,
 *   naming the record (kind, id, title) and the field; empty when all
 *   are; %NULL with @error set when the tables cannot be read
 */
GPtrArray *
sl_integrity_find_bad_text (SlDatabase  *db,
                            GError     **error)
{
  g_autoptr(GPtrArray) problems = g_ptr_array_new_with_free_func (g_free);

  g_return_val_if_fail (SL_IS_DATABASE (db), NULL);

  for (guint t = 0; t < G_N_ELEMENTS (text_tables); t++)
    {
      sqlite3_stmt *stmt = sl_database_prepare (db, text_tables[t].sql, error);
      int rc;

      if (stmt == NULL)
        return NULL;

      while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
        {
          int n = sqlite3_column_count (stmt);

          for (int i = 2; i < n; i++)
            {
              g_autofree char *id = NULL;
              g_autofree char *title = NULL;
              g_autofree char *field = NULL;

              if (column_is_utf8 (stmt, i))
                continue;

              id = column_for_message (stmt, 0);
              title = column_for_message (stmt, 1);
              field = text_tables[t].table
                ? g_strdup_printf ("%s.%s", text_tables[t].table, sqlite3_column_name (stmt, i))
                : g_strdup (sqlite3_column_name (stmt, i));
              g_ptr_array_add (problems,
                               g_strdup_printf (_("%s %s (“%s”): the field %s is not valid "
                                                  "UTF-8 text"),
                                                _(text_tables[t].kind), id, title, field));
            }
        }

      if (rc != SQLITE_DONE)
        {
          sl_database_set_error (db, rc, error);
          sqlite3_reset (stmt);
          return NULL;
        }
      sqlite3_reset (stmt);
    }

  return g_steal_pointer (&problems);
}

/**
 * sl_integrity_check_text:
 *
 * For a command that copies text out (export-archive): %FALSE, naming the
 * first record and field that is not UTF-8 (SL_INTEGRITY_ERROR_BAD_TEXT),
 * or the error that kept the tables from being read.
 */
gboolean
sl_integrity_check_text (SlDatabase  *db,
                         GError     **error)
{
  g_autoptr(GPtrArray) problems = sl_integrity_find_bad_text (db, error);

  if (problems == NULL)
    return FALSE;

  if (problems->len > 0)
    {
      g_set_error (error, SL_INTEGRITY_ERROR, SL_INTEGRITY_ERROR_BAD_TEXT,
                   _("%s: %s%s; nothing was written. Retype that field in the window, "
                     "or put back a backup with “study-ledger restore FILE”"),
                   sl_database_get_path (db), (const char *) g_ptr_array_index (problems, 0),
                   problems->len > 1 ? _(" (and more: see “study-ledger check”)") : "");
      return FALSE;
    }

  return TRUE;
}

/**
 * sl_integrity_require_sound:
 *
 * The whole check (sl_integrity_full_check()) before a copy of the ledger
 * is handed on: %FALSE with SL_INTEGRITY_ERROR_DAMAGED when it finds a
 * problem, or with the database's error when it could not run now.
 */
gboolean
sl_integrity_require_sound (SlDatabase  *db,
                            GError     **error)
{
  g_autofree char *problem = NULL;
  int unchecked;

  g_return_val_if_fail (SL_IS_DATABASE (db), FALSE);

  problem = sl_integrity_full_check (sl_database_get_handle (db), &unchecked);
  if (unchecked != 0)
    return sl_database_set_error (db, unchecked, error);
  if (problem != NULL)
    {
      sl_integrity_set_damaged_error (error, sl_database_get_path (db), problem);
      return FALSE;
    }
  return TRUE;
}

/**
 * sl_integrity_check_copy:
 *
 * For a command that copies the whole ledger out (export-archive, a
 * backup to a file the user names): %FALSE when the file is damaged
 * anywhere, its indexes included (SL_INTEGRITY_ERROR_DAMAGED, naming
 * restore and the newest sound backup), or when a text is not UTF-8.
 */
gboolean
sl_integrity_check_copy (SlDatabase  *db,
                         GError     **error)
{
  g_return_val_if_fail (SL_IS_DATABASE (db), FALSE);

  return sl_integrity_require_sound (db, error) && sl_integrity_check_text (db, error);
}
