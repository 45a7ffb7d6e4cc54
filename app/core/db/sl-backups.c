/* sl-backups.c — the daily copies of a ledger, and putting one back
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * On the first open of each day that will write, the ledger is copied with
 * SQLite's online backup API (sl_database_backup) into its backup folder as
 * ledger-YYYY-MM-DD.db: the state before that day's changes. The folder is
 * created 0700 and each copy 0600, like the ledger; only the newest `keep`
 * daily copies stay (the setting "backups_keep", 14 by default). A ledger
 * without a single record is not copied: there is nothing to lose yet, and
 * a first import would otherwise leave a folder of empty files behind.
 *
 * Where the copies go: the default ledger's in
 * $XDG_DATA_HOME/study-ledger/backups; a ledger named with --database
 * FILE.db in FILE-backups beside it, so that two ledgers never share (and
 * prune) one folder, and a copy is never put back into the wrong ledger.
 *
 * Restoring checks the file first (ours, not newer, SQLite's integrity and
 * foreign-key checks pass), copies the current ledger to
 * before-restore-<time>.db in the backup folder (never pruned), and only
 * then replaces it: through the backup API into the live database, one
 * transaction that a crash rolls back, and that a window holding the same
 * file sees at once. A current file that is no ledger at all (damaged) is
 * copied aside byte for byte and replaced by a complete copy renamed over
 * it.
 */

#define G_LOG_DOMAIN "sl-backups"

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "sl-backup-files.h"
#include "sl-backups.h"
#include "sl-integrity.h"
#include "sl-locking.h"
#include "sl-util.h"

/* 'SLDG', the mark sl-database.c writes into PRAGMA application_id. */
#define LEDGER_APPLICATION_ID 0x534C4447

/* How long a restore waits for a ledger that another program holds. */
#define BUSY_WAIT_MS 5000

/**
 * sl_backups_get_keep:
 *
 * Returns: how many daily backups to keep: the setting "backups_keep"
 *   when it holds a whole number from 1, else 14
 */
guint
sl_backups_get_keep (SlDatabase *db)
{
  const char *text;
  guint64 value = 0;

  g_return_val_if_fail (SL_IS_DATABASE (db), SL_BACKUPS_KEEP_DEFAULT);

  text = sl_database_get_setting (db, SL_BACKUPS_KEEP_SETTING);
  if (text == NULL ||
      !g_ascii_string_to_unsigned (text, 10, 1, 100000, &value, NULL))
    return SL_BACKUPS_KEEP_DEFAULT;

  return (guint) value;
}

static gboolean
ensure_folder (const char  *folder,
               GError     **error)
{
  GStatBuf buf;

  if (g_mkdir_with_parents (folder, 0700) != 0 || g_stat (folder, &buf) != 0)
    {
      int saved_errno = errno;
      g_set_error (error, SL_BACKUPS_ERROR, SL_BACKUPS_ERROR_FOLDER,
                   _("Cannot create the backup folder %s: %s"),
                   folder, g_strerror (saved_errno));
      return FALSE;
    }

  if (!S_ISDIR (buf.st_mode))
    {
      g_set_error (error, SL_BACKUPS_ERROR, SL_BACKUPS_ERROR_FOLDER,
                   _("Cannot use the backup folder %s: it is a file, not a folder"),
                   folder);
      return FALSE;
    }

  return TRUE;
}

static char *first_problem (sqlite3    *db,
                            const char *sql,
                            gboolean    ok_means_sound);

static gboolean
prune (const char  *folder,
       guint        keep,
       GError     **error)
{
  g_autoptr(GPtrArray) names = NULL;
  gboolean sound_kept = FALSE;

  if (!(names = sl_backups_list_daily (folder, TRUE, error)))
    return FALSE;

  /* The newest `keep` stay, and the newest sound copy whatever its age:
   * copies that older versions made of a damaged ledger must not push
   * the last good one out. */
  for (guint i = 0; i < names->len; i++)
    {
      const char *name = g_ptr_array_index (names, i);
      g_autofree char *path = NULL;
      gboolean stays = i < keep;

      if (!sound_kept && sl_backups_is_sound_copy (folder, name))
        stays = sound_kept = TRUE;
      if (stays)
        continue;

      path = g_build_filename (folder, name, NULL);
      if (g_unlink (path) != 0 && errno != ENOENT)
        {
          int saved_errno = errno;
          g_set_error (error, SL_BACKUPS_ERROR, SL_BACKUPS_ERROR_FOLDER,
                       _("Cannot delete the old backup %s: %s"),
                       path, g_strerror (saved_errno));
          return FALSE;
        }
      g_debug ("Deleted the old backup %s", path);
    }

  return TRUE;
}

static gboolean
has_records (SlDatabase *db)
{
  sqlite3_stmt *stmt;
  gboolean found = TRUE;

  stmt = sl_database_prepare (db,
                              "SELECT EXISTS (SELECT 1 FROM organizations)"
                              "    OR EXISTS (SELECT 1 FROM members)"
                              "    OR EXISTS (SELECT 1 FROM plans)"
                              "    OR EXISTS (SELECT 1 FROM meetings)"
                              "    OR EXISTS (SELECT 1 FROM research_topics)",
                              NULL);
  if (stmt == NULL)
    return TRUE;  /* when in doubt, copy */

  if (sqlite3_step (stmt) == SQLITE_ROW)
    found = sqlite3_column_int (stmt, 0) != 0;
  sqlite3_reset (stmt);

  return found;
}

/* Marks the fresh copy @path of a ledger as sound
 * (SL_BACKUPS_SOUND_SETTING, @date) and checks it with SQLite's full
 * integrity check; the mark is written first, so that only a copy that
 * passed carries it. Returns the first problem (the copy, and so the
 * ledger it was read from, is damaged), or NULL; with *@unchecked set to
 * the SQLite code when the mark could not be written or the check could
 * not run (a full disk), which says nothing of the ledger. */
static char *
mark_and_check_copy (const char *path,
                     const char *date,
                     int        *unchecked)
{
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;
  char *problem = NULL;
  int rc;

  *unchecked = 0;
  sl_locking_install ();
  rc = sqlite3_open_v2 (path, &db, SQLITE_OPEN_READWRITE, NULL);
  if (rc == SQLITE_OK)
    rc = sqlite3_prepare_v2 (db, "INSERT INTO settings (key, value) VALUES (?, ?) "
                                 "ON CONFLICT (key) DO UPDATE SET value = excluded.value",
                             -1, &stmt, NULL);
  if (rc == SQLITE_OK)
    {
      sqlite3_bind_text (stmt, 1, SL_BACKUPS_SOUND_SETTING, -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 2, date, -1, SQLITE_STATIC);
      rc = sqlite3_step (stmt);
      if (rc == SQLITE_DONE)
        rc = SQLITE_OK;
    }
  sqlite3_finalize (stmt);

  if (rc == SQLITE_OK)
    problem = sl_integrity_full_check (db, unchecked);
  else if (sl_integrity_rc_is_damage (rc))
    problem = g_strdup (db ? sqlite3_errmsg (db) : sqlite3_errstr (rc));
  else
    *unchecked = rc;
  sqlite3_close (db);

  return problem;
}

/**
 * sl_backups_run_daily:
 * @folder: (nullable): where the copies go; %NULL for
 *   sl_backups_folder_for() the ledger's path, which for the default ledger
 *   is $XDG_DATA_HOME/study-ledger/backups
 * @keep: how many daily copies to keep; 0 for sl_backups_get_keep()
 *
 * Checks the ledger (sl_integrity_check_daily()) and, when it is sound,
 * copies it to ledger-YYYY-MM-DD.db (today, sl_today()) unless today's
 * copy is there already, checks the copy with SQLite's integrity check
 * and marks it sound, then deletes the oldest daily copies beyond @keep,
 * never the newest sound one. Running it again the same day does nothing.
 * A damaged ledger is not copied and nothing is pruned
 * (SL_INTEGRITY_ERROR_DAMAGED).
 */
gboolean
sl_backups_run_daily (SlDatabase  *db,
                      const char  *folder,
                      guint        keep,
                      GError     **error)
{
  g_autofree char *default_folder = NULL;
  g_autofree char *today = NULL;
  g_autofree char *name = NULL;
  g_autofree char *target = NULL;

  g_return_val_if_fail (SL_IS_DATABASE (db), FALSE);

  if (folder == NULL)
    folder = default_folder = sl_backups_folder_for (sl_database_get_path (db));
  if (keep == 0)
    keep = sl_backups_get_keep (db);

  if (!sl_integrity_check_daily (db, error))
    return FALSE;

  if (!has_records (db))
    return TRUE;

  if (!ensure_folder (folder, error))
    return FALSE;

  today = sl_today ();
  name = g_strdup_printf ("ledger-%s.db", today);
  target = g_build_filename (folder, name, NULL);

  if (!g_file_test (target, G_FILE_TEST_EXISTS))
    {
      /* Not a daily name until it has passed, and a name of this
       * process's own: the window and the command line both make the
       * day's copy when both write first that day, and with one name for
       * both each marked and checked the other's file at once, which one
       * of them took for a damaged ledger. A copy cut short by a crash is
       * neither kept nor pruned, and removed on a later day
       * (sl_backups_list_daily()). */
      g_autofree char *checking = g_strdup_printf ("%s.checking-%d-%08x", target,
                                                   (int) getpid (), g_random_int ());
      g_autofree char *problem = NULL;
      int unchecked;

      if (!sl_database_backup (db, checking, error))
        return FALSE;

      problem = mark_and_check_copy (checking, today, &unchecked);
      if (unchecked != 0)
        {
          g_set_error (error, SL_BACKUPS_ERROR, SL_BACKUPS_ERROR_FAILED,
                       _("Cannot write the backup %s: %s"), target, sqlite3_errstr (unchecked));
          g_unlink (checking);
          return FALSE;
        }
      if (problem != NULL)
        {
          g_unlink (checking);
          sl_integrity_mark_damaged (sl_database_get_path (db), TRUE);
          sl_integrity_set_damaged_error (error, sl_database_get_path (db), problem);
          return FALSE;
        }

      if (g_rename (checking, target) != 0)
        {
          int saved_errno = errno;
          g_set_error (error, SL_BACKUPS_ERROR, SL_BACKUPS_ERROR_FAILED,
                       _("Cannot write the backup %s: %s"), target, g_strerror (saved_errno));
          g_unlink (checking);
          return FALSE;
        }
      g_debug ("Backed up %s to %s", sl_database_get_path (db), target);
    }

  return prune (folder, keep, error);
}

/**
 * sl_backups_write_checked:
 * @output: the file to write
 *
 * Copies the ledger to @output (sl_database_backup()) after SQLite's quick
 * check: a damaged ledger is not copied (SL_INTEGRITY_ERROR_DAMAGED), and
 * nothing is written.
 */
gboolean
sl_backups_write_checked (SlDatabase  *db,
                          const char  *output,
                          GError     **error)
{
  g_return_val_if_fail (SL_IS_DATABASE (db), FALSE);
  g_return_val_if_fail (output != NULL, FALSE);

  /* The whole check, indexes too: the copy is handed on as sound. */
  return sl_integrity_require_sound (db, error) && sl_database_backup (db, output, error);
}

/* Checking a file to restore ---------------------------------------------- */

static gboolean
read_int (sqlite3     *db,
          const char  *sql,
          int         *value)
{
  sqlite3_stmt *stmt = NULL;
  gboolean ok = FALSE;

  if (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL) == SQLITE_OK &&
      sqlite3_step (stmt) == SQLITE_ROW)
    {
      *value = sqlite3_column_int (stmt, 0);
      ok = TRUE;
    }
  sqlite3_finalize (stmt);

  return ok;
}

/* The first problem that @sql (a PRAGMA check) reports, or NULL. */
static char *
first_problem (sqlite3    *db,
               const char *sql,
               gboolean    ok_means_sound)
{
  sqlite3_stmt *stmt = NULL;
  char *problem = NULL;
  int rc;

  if (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL) != SQLITE_OK)
    return g_strdup (sqlite3_errmsg (db));

  while (problem == NULL && (rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      const char *text = (const char *) sqlite3_column_text (stmt, 0);

      if (ok_means_sound && g_strcmp0 (text, "ok") == 0)
        continue;
      problem = g_strdup_printf ("%s%s%s", text ? text : "",
                                 ok_means_sound ? "" : ": ",
                                 ok_means_sound ? "" : _("a reference names a missing record"));
    }
  if (problem == NULL && rc != SQLITE_DONE)
    problem = g_strdup (sqlite3_errmsg (db));
  sqlite3_finalize (stmt);

  return problem;
}

static sqlite3 *
open_read_only (const char  *path,
                GError     **error)
{
  sqlite3 *db = NULL;
  int rc;

  sl_locking_install ();
  rc = sqlite3_open_v2 (path, &db, SQLITE_OPEN_READONLY, NULL);
  if (rc != SQLITE_OK)
    {
      g_set_error (error, SL_BACKUPS_ERROR, SL_BACKUPS_ERROR_NOT_VALID,
                   _("%s cannot be opened: %s"), path,
                   db ? sqlite3_errmsg (db) : sqlite3_errstr (rc));
      sqlite3_close (db);
      return NULL;
    }

  sqlite3_busy_timeout (db, BUSY_WAIT_MS);
  return db;
}

static gboolean
check_handle (sqlite3     *db,
              const char  *path,
              GError     **error)
{
  g_autofree char *problem = NULL;
  int application_id = 0;
  int version = 0;

  if (!read_int (db, "PRAGMA application_id", &application_id) ||
      !read_int (db, "PRAGMA user_version", &version) ||
      application_id != LEDGER_APPLICATION_ID)
    {
      g_set_error (error, SL_BACKUPS_ERROR, SL_BACKUPS_ERROR_NOT_VALID,
                   _("%s is not a Study Ledger backup; nothing was changed"), path);
      return FALSE;
    }

  if (version > SL_SCHEMA_VERSION)
    {
      g_set_error (error, SL_BACKUPS_ERROR, SL_BACKUPS_ERROR_NEWER,
                   _("%s was written by a newer Study Ledger (schema %d; this version knows %d); "
                     "nothing was changed. Install the newer version to restore it"),
                   path, version, SL_SCHEMA_VERSION);
      return FALSE;
    }

  if (version < 1)
    {
      g_set_error (error, SL_BACKUPS_ERROR, SL_BACKUPS_ERROR_NOT_VALID,
                   _("%s holds no ledger (it was never set up); nothing was changed"), path);
      return FALSE;
    }

  if ((problem = first_problem (db, "PRAGMA integrity_check", TRUE)) != NULL ||
      (problem = first_problem (db, "PRAGMA foreign_key_check", FALSE)) != NULL)
    {
      g_set_error (error, SL_BACKUPS_ERROR, SL_BACKUPS_ERROR_NOT_VALID,
                   _("%s is damaged (%s); nothing was changed. Choose another backup"),
                   path, problem);
      return FALSE;
    }

  return TRUE;
}

/**
 * sl_backups_check_file:
 *
 * Whether @path is a ledger this version can restore: a regular file,
 * marked as a Study Ledger database, not newer than this build, and sound
 * by SQLite's integrity and foreign-key checks. The file is opened read-only.
 */
gboolean
sl_backups_check_file (const char  *path,
                       GError     **error)
{
  sqlite3 *db;
  gboolean ok;

  g_return_val_if_fail (path != NULL, FALSE);

  if (!g_file_test (path, G_FILE_TEST_IS_REGULAR))
    {
      g_set_error (error, SL_BACKUPS_ERROR, SL_BACKUPS_ERROR_NOT_VALID,
                   g_file_test (path, G_FILE_TEST_EXISTS)
                   ? _("%s is not a file; name a backup file")
                   : _("%s does not exist; name a backup file"),
                   path);
      return FALSE;
    }

  if (!(db = open_read_only (path, error)))
    return FALSE;

  ok = check_handle (db, path, error);
  sqlite3_close (db);

  return ok;
}

/* Restoring ------------------------------------------------------------------ */

/* Copies all of @source into @target's main database in one transaction,
 * waiting a while for a target that another connection holds. */
static int
copy_database (sqlite3 *target,
               sqlite3 *source)
{
  sqlite3_backup *backup;
  gint64 deadline = g_get_monotonic_time () + BUSY_WAIT_MS * G_TIME_SPAN_MILLISECOND;
  int rc;

  backup = sqlite3_backup_init (target, "main", source, "main");
  if (backup == NULL)
    return sqlite3_errcode (target);

  do
    {
      rc = sqlite3_backup_step (backup, -1);
      if ((rc == SQLITE_BUSY || rc == SQLITE_LOCKED) && g_get_monotonic_time () < deadline)
        g_usleep (20 * G_TIME_SPAN_MILLISECOND);
      else if (rc == SQLITE_BUSY || rc == SQLITE_LOCKED)
        break;
    }
  while (rc == SQLITE_OK || rc == SQLITE_BUSY || rc == SQLITE_LOCKED);

  sqlite3_backup_finish (backup);
  if (rc == SQLITE_DONE)
    return SQLITE_OK;

  /* backup_finish leaves the step's error on the target connection. */
  return rc;
}

static char *
pre_restore_path (const char *folder)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *stamp = g_date_time_format (now, "%Y-%m-%d-%H%M%S");

  for (guint n = 0;; n++)
    {
      g_autofree char *name = n == 0
        ? g_strdup_printf ("before-restore-%s.db", stamp)
        : g_strdup_printf ("before-restore-%s-%u.db", stamp, n);
      char *path = g_build_filename (folder, name, NULL);

      if (!g_file_test (path, G_FILE_TEST_EXISTS))
        return path;
      g_free (path);
    }
}

/* A byte-for-byte copy, 0600, for a ledger that SQLite cannot read. */
static gboolean
copy_bytes (const char  *from,
            const char  *to,
            GError     **error)
{
  g_autofree char *contents = NULL;
  gsize length = 0;

  return g_file_get_contents (from, &contents, &length, error) &&
         g_file_set_contents_full (to, contents, length,
                                   G_FILE_SET_CONTENTS_CONSISTENT, 0600, error);
}

/* Writes a complete copy of @source beside @database_path, then renames it
 * over; the old file's journal files go first, since SQLite would replay
 * a stale -wal into the new file. */
static gboolean
replace_file (const char  *database_path,
              sqlite3     *source,
              GError     **error)
{
  g_autofree char *temporary = g_strdup_printf ("%s.XXXXXX", database_path);
  g_autofree char *wal = g_strconcat (database_path, "-wal", NULL);
  g_autofree char *shm = g_strconcat (database_path, "-shm", NULL);
  sqlite3 *target = NULL;
  int fd;
  int rc;

  fd = g_mkstemp_full (temporary, O_RDWR | O_CLOEXEC, 0600);
  if (fd < 0)
    {
      int saved_errno = errno;
      g_set_error (error, SL_BACKUPS_ERROR, SL_BACKUPS_ERROR_FAILED,
                   _("Cannot write beside %s: %s; nothing was changed"),
                   database_path, g_strerror (saved_errno));
      return FALSE;
    }
  close (fd);

  sl_locking_install ();
  rc = sqlite3_open_v2 (temporary, &target, SQLITE_OPEN_READWRITE, NULL);
  if (rc == SQLITE_OK)
    rc = copy_database (target, source);
  if (rc == SQLITE_OK)
    rc = sqlite3_exec (target, "PRAGMA journal_mode = DELETE", NULL, NULL, NULL);

  if (rc != SQLITE_OK)
    {
      g_set_error (error, SL_BACKUPS_ERROR, SL_BACKUPS_ERROR_FAILED,
                   _("Cannot copy the backup: %s; nothing was changed"),
                   target ? sqlite3_errmsg (target) : sqlite3_errstr (rc));
      sqlite3_close (target);
      g_unlink (temporary);
      return FALSE;
    }
  sqlite3_close (target);

  g_unlink (wal);
  g_unlink (shm);

  if (g_rename (temporary, database_path) != 0)
    {
      int saved_errno = errno;
      g_set_error (error, SL_BACKUPS_ERROR, SL_BACKUPS_ERROR_FAILED,
                   _("Cannot replace %s: %s"), database_path, g_strerror (saved_errno));
      g_unlink (temporary);
      return FALSE;
    }

  return TRUE;
}

static gboolean
same_file (const char *a,
           const char *b)
{
  GStatBuf first, second;

  return g_stat (a, &first) == 0 && g_stat (b, &second) == 0 &&
         first.st_dev == second.st_dev && first.st_ino == second.st_ino;
}

/**
 * sl_backups_restore_full:
 * @database_path: (nullable): the ledger to replace; %NULL for the default
 * @backup_file: the copy to put back
 * @saved_as: (out) (optional) (nullable): where the ledger as it was before
 *   the restore was copied; %NULL when there was no ledger
 *
 * Replaces the ledger with @backup_file, after checking the file and
 * copying the current ledger into its backup folder. On failure the ledger
 * is as it was.
 */
gboolean
sl_backups_restore_full (const char  *database_path,
                         const char  *backup_file,
                         char       **saved_as,
                         GError     **error)
{
  g_autofree char *default_path = NULL;
  g_autofree char *folder = NULL;
  g_autofree char *saved = NULL;
  g_autoptr(GError) open_error = NULL;
  g_autoptr(SlDatabase) live = NULL;
  g_autoptr(SlDatabase) reopened = NULL;
  sqlite3 *source = NULL;
  gboolean ok = FALSE;

  g_return_val_if_fail (backup_file != NULL, FALSE);

  if (saved_as != NULL)
    *saved_as = NULL;

  if (database_path == NULL)
    database_path = default_path = sl_database_default_path ();

  if (!sl_backups_check_file (backup_file, error))
    return FALSE;

  if (same_file (database_path, backup_file))
    {
      g_set_error (error, SL_BACKUPS_ERROR, SL_BACKUPS_ERROR_NOT_VALID,
                   _("%s is the ledger itself; name a backup of it"), backup_file);
      return FALSE;
    }

  if (!(source = open_read_only (backup_file, error)))
    return FALSE;

  /* Checked again on this connection: the file may have changed since. */
  if (!check_handle (source, backup_file, error))
    goto out;

  if (!g_file_test (database_path, G_FILE_TEST_EXISTS))
    {
      g_autofree char *parent = g_path_get_dirname (database_path);

      if (g_mkdir_with_parents (parent, 0700) != 0)
        {
          int saved_errno = errno;
          g_set_error (error, SL_BACKUPS_ERROR, SL_BACKUPS_ERROR_FAILED,
                       _("Cannot create the folder %s: %s"), parent, g_strerror (saved_errno));
          goto out;
        }
      ok = replace_file (database_path, source, error);
      goto reopen;
    }

  folder = sl_backups_folder_for (database_path);
  if (!ensure_folder (folder, error))
    goto out;
  saved = pre_restore_path (folder);

  live = sl_database_open (database_path, &open_error);
  if (live != NULL)
    {
      int rc;

      if (!sl_database_backup (live, saved, error))
        {
          g_prefix_error (error, _("Nothing was restored: "));
          goto out;
        }

      rc = copy_database (sl_database_get_handle (live), source);
      if (rc != SQLITE_OK)
        {
          if ((rc & 0xff) == SQLITE_BUSY || (rc & 0xff) == SQLITE_LOCKED)
            g_set_error (error, SL_BACKUPS_ERROR, SL_BACKUPS_ERROR_FAILED,
                         _("%s is in use by another program and stayed locked; close the "
                           "other copy of Study Ledger and try again. Nothing was restored"),
                         database_path);
          else
            g_set_error (error, SL_BACKUPS_ERROR, SL_BACKUPS_ERROR_FAILED,
                         _("Cannot restore into %s: %s. Nothing was restored"),
                         database_path, sqlite3_errstr (rc));
          goto out;
        }
      g_clear_object (&live);
      ok = TRUE;
    }
  else if (g_error_matches (open_error, SL_DATABASE_ERROR, SL_DATABASE_ERROR_BUSY) ||
           g_error_matches (open_error, SL_DATABASE_ERROR, SL_DATABASE_ERROR_OPEN))
    {
      g_propagate_prefixed_error (error, g_steal_pointer (&open_error),
                                  _("Nothing was restored: "));
      goto out;
    }
  else
    {
      /* Not readable as a ledger: damaged, or not ours at all. Keep every
       * byte of it (and of its journal) before replacing it. */
      g_autofree char *wal = g_strconcat (database_path, "-wal", NULL);
      g_autofree char *saved_wal = g_strconcat (saved, "-wal", NULL);

      if (!copy_bytes (database_path, saved, error) ||
          (g_file_test (wal, G_FILE_TEST_EXISTS) && !copy_bytes (wal, saved_wal, error)))
        {
          g_prefix_error (error, _("Nothing was restored: cannot keep a copy of %s: "),
                          database_path);
          goto out;
        }
      ok = replace_file (database_path, source, error);
    }

reopen:
  /* A backup of an older schema is brought up to date now, not at the
   * next start, and what was written is checked once more. */
  if (ok)
    {
      g_autoptr(GPtrArray) problems = NULL;

      /* The file found damaged is gone: its mark must not refuse the
       * migration of the restored copy (sl_database_begin). */
      sl_integrity_mark_damaged (database_path, FALSE);
      reopened = sl_database_open (database_path, error);
      if (reopened == NULL)
        ok = FALSE;
      else if ((problems = sl_database_check (reopened, error)) == NULL)
        ok = FALSE;
      else if (problems->len > 0)
        {
          g_set_error (error, SL_BACKUPS_ERROR, SL_BACKUPS_ERROR_FAILED,
                       _("The restored ledger %s fails its check: %s"),
                       database_path, (const char *) g_ptr_array_index (problems, 0));
          ok = FALSE;
        }
      else
        /* The window that found the ledger damaged may write again. */
        sl_integrity_note_sound (reopened);
    }

  if (ok && saved_as != NULL)
    *saved_as = g_steal_pointer (&saved);

out:
  sqlite3_close (source);
  return ok;
}

/**
 * sl_backups_restore:
 *
 * sl_backups_restore_full() without telling where the old ledger went.
 */
gboolean
sl_backups_restore (const char  *database_path,
                    const char  *backup_file,
                    GError     **error)
{
  return sl_backups_restore_full (database_path, backup_file, NULL, error);
}
