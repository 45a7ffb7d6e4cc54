/* sl-backup-files.c — a ledger's daily copies as files in their folder
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Which files of the backup folder are daily copies, in which order, and
 * which of them passed SQLite's check when made: below SlDatabase, on
 * paths and plain SQLite handles, so that the damage registry can name the
 * copy to put back (sl-integrity-damage.c) and sl-backups.c can prune.
 */

#define G_LOG_DOMAIN "sl-backups"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <sqlite3.h>
#include <string.h>

#include "sl-backup-files.h"
#include "sl-ledger-paths.h"
#include "sl-util.h"

/* "ledger-YYYY-MM-DD.db" naming a real day: only these are pruned. */
static gboolean
is_daily_name (const char *name)
{
  g_autofree char *date = NULL;

  if (strlen (name) != strlen ("ledger-YYYY-MM-DD.db") ||
      !g_str_has_prefix (name, "ledger-") || !g_str_has_suffix (name, ".db"))
    return FALSE;

  date = g_strndup (name + strlen ("ledger-"), 10);
  return sl_date_is_valid (date);
}

/* Newest first, by the date in the name; but a copy dated after today was
 * made while the clock ran ahead, before today's: it counts as older than
 * every copy up to today, so that a clock set back neither stops new
 * copies nor has each one pruned as soon as it is made. */
static int
compare_names_newest_first (gconstpointer a,
                            gconstpointer b,
                            gpointer      user_data)
{
  const char *today_name = user_data;
  const char *first = *(const char * const *) a;
  const char *second = *(const char * const *) b;
  gboolean first_ahead = g_strcmp0 (first, today_name) > 0;
  gboolean second_ahead = g_strcmp0 (second, today_name) > 0;

  if (first_ahead != second_ahead)
    return first_ahead ? 1 : -1;

  return -g_strcmp0 (first, second);
}

/* The daily copies in @folder, newest first; NULL when it cannot be read.
 * With @clean_up, copies that a crash left before their check go. */
GPtrArray *
sl_backups_list_daily (const char  *folder,
                       gboolean     clean_up,
                       GError     **error)
{
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GError) local_error = NULL;
  g_autoptr(GDir) dir = NULL;
  g_autofree char *today = sl_today ();
  g_autofree char *today_name = g_strdup_printf ("ledger-%s.db", today);
  const char *name;

  dir = g_dir_open (folder, 0, &local_error);
  if (dir == NULL)
    {
      g_set_error (error, SL_BACKUPS_ERROR, SL_BACKUPS_ERROR_FOLDER,
                   _("Cannot read the backup folder: %s"), local_error->message);
      return NULL;
    }

  while ((name = g_dir_read_name (dir)) != NULL)
    {
      if (is_daily_name (name))
        g_ptr_array_add (names, g_strdup (name));
      else if (clean_up && g_str_has_prefix (name, "ledger-") && strstr (name, ".db.checking") != NULL &&
               !g_str_has_prefix (name, today_name))
        {
          /* A copy that a crash left before its check (….db.checking, or
           * ….db.checking-PID-RANDOM since each program names its own):
           * never a backup. Today's may be another program's at work. */
          g_autofree char *path = g_build_filename (folder, name, NULL);
          g_unlink (path);
        }
    }

  g_ptr_array_sort_with_data (names, compare_names_newest_first, today_name);
  return g_steal_pointer (&names);
}

gboolean
sl_backups_is_sound_copy (const char *folder,
                          const char *name)
{
  g_autofree char *path = g_build_filename (folder, name, NULL);
  g_autofree char *absolute = g_canonicalize_filename (path, NULL);
  g_autofree char *uri = g_filename_to_uri (absolute, NULL, NULL);
  g_autofree char *immutable = NULL;
  g_autofree char *date = g_strndup (name + strlen ("ledger-"), 10);
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;
  gboolean sound = FALSE;

  if (uri == NULL)
    return FALSE;

  /* Immutable: a copy someone opened in WAL mode must not get -wal and
   * -shm files beside it from a read-only look. */
  immutable = g_strconcat (uri, "?immutable=1", NULL);
  if (sqlite3_open_v2 (immutable, &db, SQLITE_OPEN_READONLY | SQLITE_OPEN_URI, NULL) == SQLITE_OK &&
      sqlite3_prepare_v2 (db, "SELECT value FROM settings WHERE key = ?", -1, &stmt, NULL) == SQLITE_OK)
    {
      sqlite3_bind_text (stmt, 1, SL_BACKUPS_SOUND_SETTING, -1, SQLITE_STATIC);
      sound = sqlite3_step (stmt) == SQLITE_ROW &&
              g_strcmp0 ((const char *) sqlite3_column_text (stmt, 0), date) == 0;
    }
  sqlite3_finalize (stmt);
  sqlite3_close (db);

  return sound;
}

/**
 * sl_backups_find_newest_sound:
 * @database_path: (nullable): the ledger, %NULL for the default one
 *
 * Returns: (nullable): the newest daily copy of the ledger that passed
 *   SQLite's integrity check when it was made, or %NULL
 */
char *
sl_backups_find_newest_sound (const char *database_path)
{
  g_autofree char *folder = sl_backups_folder_for (database_path);
  g_autoptr(GPtrArray) names = NULL;

  if (!g_file_test (folder, G_FILE_TEST_IS_DIR) || !(names = sl_backups_list_daily (folder, FALSE, NULL)))
    return NULL;

  for (guint i = 0; i < names->len; i++)
    if (sl_backups_is_sound_copy (folder, g_ptr_array_index (names, i)))
      return g_build_filename (folder, g_ptr_array_index (names, i), NULL);

  return NULL;
}
