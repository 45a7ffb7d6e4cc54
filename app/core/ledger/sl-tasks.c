/* sl-tasks.c — the slow work of the window, run in a worker thread
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Imports, exports and backups read or write the whole ledger, which can
 * take seconds; the window must keep drawing meanwhile. Each job here runs
 * on a GTask thread and opens its own connection to the ledger file: a
 * SQLite connection (and the statements SlDatabase caches on it) belongs
 * to the thread that uses it. WAL mode lets the window's connection keep
 * reading while the worker writes; when the worker is done, the window
 * reads its lists again (sl_ledger_query_reload()).
 *
 * The jobs take paths and copies of their inputs, never the window's
 * objects, so nothing is shared between threads but immutable data.
 */

#define G_LOG_DOMAIN "sl-tasks"

#include "config.h"

#include "sl-archive.h"
#include "sl-csv-reader.h"
#include "sl-database.h"
#include "sl-integrity.h"
#include "sl-ledger.h"
#include "sl-roster-import.h"
#include "sl-backups.h"
#include "sl-ledger-paths.h"
#include "sl-tasks.h"

#include <glib/gi18n-lib.h>
#include <string.h>

typedef struct
{
  char      *database_path;
  char      *path;
  char      *organization;
  GPtrArray *rows;
  GBytes    *archive;
  gboolean   merge;
} Job;

static void
job_free (gpointer data)
{
  Job *job = data;

  g_free (job->database_path);
  g_free (job->path);
  g_free (job->organization);
  g_clear_pointer (&job->rows, g_ptr_array_unref);
  g_clear_pointer (&job->archive, g_bytes_unref);
  g_free (job);
}

static GTask *
job_task_new (gpointer             source_object,
              gpointer             tag,
              GCancellable        *cancellable,
              GAsyncReadyCallback  callback,
              gpointer             user_data,
              Job                **job_out)
{
  GTask *task = g_task_new (source_object, cancellable, callback, user_data);
  Job *job = g_new0 (Job, 1);

  g_task_set_source_tag (task, tag);
  g_task_set_task_data (task, job, job_free);
  /* The work is all or nothing and short enough to finish; a cancelled
   * caller (a closed window) only does not hear about it. */
  g_task_set_return_on_cancel (task, FALSE);

  *job_out = job;
  return task;
}

/* Open a ledger --------------------------------------------------------- */

static void
open_ledger_thread (GTask        *task,
                    gpointer      source_object,
                    gpointer      task_data,
                    GCancellable *cancellable)
{
  Job *job = task_data;
  GError *error = NULL;
  SlLedger *ledger = sl_ledger_open (job->database_path, &error);

  /* No daily backup here: copying a ten-year ledger takes 300 ms and
   * 75 MiB, which the window would wait for before its first frame. The
   * window starts sl_task_daily_backup_async() once it has painted. */
  if (ledger == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, ledger, g_object_unref);
}

/**
 * sl_task_open_ledger_async:
 * @path: (nullable): the ledger file, %NULL for the default one
 *
 * Opens (creating or upgrading when needed) a ledger off the main loop.
 * The connection is used by the caller's thread afterwards, never by two
 * threads at once.
 */
void
sl_task_open_ledger_async (gpointer             source_object,
                           const char          *path,
                           GCancellable        *cancellable,
                           GAsyncReadyCallback  callback,
                           gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  Job *job;

  task = job_task_new (source_object, sl_task_open_ledger_async, cancellable,
                       callback, user_data, &job);
  job->database_path = g_strdup (path);
  g_task_run_in_thread (task, open_ledger_thread);
}

SlLedger *
sl_task_open_ledger_finish (GAsyncResult  *result,
                            GError       **error)
{
  g_return_val_if_fail (G_IS_TASK (result), NULL);
  return g_task_propagate_pointer (G_TASK (result), error);
}

/* The daily backup ------------------------------------------------------ */

static void
daily_backup_thread (GTask        *task,
                     gpointer      source_object,
                     gpointer      task_data,
                     GCancellable *cancellable)
{
  Job *job = task_data;
  g_autoptr(SlDatabase) database = NULL;
  GError *error = NULL;

  /* A connection of this thread's own: the backup API reads one snapshot
   * of the file, and in WAL mode the window's connection keeps reading
   * and writing meanwhile. */
  if ((database = sl_database_open (job->database_path, &error)) != NULL &&
      sl_backups_run_daily (database, NULL, 0, &error))
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);
}

/**
 * sl_task_daily_backup_async:
 * @database_path: (nullable): the ledger file, %NULL for the default one
 *
 * Keeps today's copy of the ledger in its backup folder, unless it is
 * there already (sl_backups_run_daily()), off the main loop: the first
 * window of each day starts it after its first frame.
 */
void
sl_task_daily_backup_async (gpointer             source_object,
                            const char          *database_path,
                            GCancellable        *cancellable,
                            GAsyncReadyCallback  callback,
                            gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  Job *job;

  task = job_task_new (source_object, sl_task_daily_backup_async, cancellable,
                       callback, user_data, &job);
  job->database_path = g_strdup (database_path);
  g_task_run_in_thread (task, daily_backup_thread);
}

gboolean
sl_task_daily_backup_finish (GAsyncResult  *result,
                             GError       **error)
{
  g_return_val_if_fail (G_IS_TASK (result), FALSE);
  return g_task_propagate_boolean (G_TASK (result), error);
}

/* Archives -------------------------------------------------------------- */

static void
return_archive_counts (GTask                 *task,
                       gboolean               ok,
                       const SlArchiveCounts *counts,
                       GError                *error)
{
  if (!ok)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, g_memdup2 (counts, sizeof *counts), g_free);
}

static void
import_archive_thread (GTask        *task,
                       gpointer      source_object,
                       gpointer      task_data,
                       GCancellable *cancellable)
{
  Job *job = task_data;
  g_autoptr(SlLedger) ledger = NULL;
  SlArchiveCounts counts = { 0 };
  GError *error = NULL;
  gboolean ok;

  ok = (ledger = sl_ledger_open (job->database_path, &error)) != NULL &&
       sl_archive_import (ledger, job->path, job->merge, &counts, &error);
  return_archive_counts (task, ok, &counts, error);
}

void
sl_task_import_archive_async (gpointer             source_object,
                              const char          *database_path,
                              GFile               *file,
                              gboolean             merge,
                              GCancellable        *cancellable,
                              GAsyncReadyCallback  callback,
                              gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  Job *job;

  g_return_if_fail (G_IS_FILE (file));

  task = job_task_new (source_object, sl_task_import_archive_async, cancellable,
                       callback, user_data, &job);
  job->database_path = g_strdup (database_path);
  job->path = g_file_get_path (file);
  job->merge = merge;
  g_task_run_in_thread (task, import_archive_thread);
}

static gboolean
propagate_counts (GAsyncResult  *result,
                  gpointer       counts,
                  gsize          size,
                  GError       **error)
{
  g_autofree gpointer value = g_task_propagate_pointer (G_TASK (result), error);

  if (value == NULL)
    return FALSE;

  if (counts != NULL)
    memcpy (counts, value, size);
  return TRUE;
}

gboolean
sl_task_import_archive_finish (GAsyncResult     *result,
                               SlArchiveCounts  *counts,
                               GError          **error)
{
  g_return_val_if_fail (G_IS_TASK (result), FALSE);
  return propagate_counts (result, counts, sizeof *counts, error);
}

static void
export_archive_thread (GTask        *task,
                       gpointer      source_object,
                       gpointer      task_data,
                       GCancellable *cancellable)
{
  Job *job = task_data;
  g_autoptr(SlLedger) ledger = NULL;
  SlArchiveCounts counts = { 0 };
  GError *error = NULL;
  gboolean ok;

  /* As export-archive: no archive with text that is not UTF-8. */
  ok = (ledger = sl_ledger_open (job->database_path, &error)) != NULL &&
       sl_integrity_check_copy (sl_ledger_get_database (ledger), &error) &&
       sl_database_check_output_path (job->database_path, job->path, &error) &&
       sl_archive_export (ledger, job->path, &counts, &error);
  return_archive_counts (task, ok, &counts, error);
}

void
sl_task_export_archive_async (gpointer             source_object,
                              const char          *database_path,
                              GFile               *file,
                              GCancellable        *cancellable,
                              GAsyncReadyCallback  callback,
                              gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  Job *job;

  g_return_if_fail (G_IS_FILE (file));

  task = job_task_new (source_object, sl_task_export_archive_async, cancellable,
                       callback, user_data, &job);
  job->database_path = g_strdup (database_path);
  job->path = g_file_get_path (file);
  g_task_run_in_thread (task, export_archive_thread);
}

gboolean
sl_task_export_archive_finish (GAsyncResult     *result,
                               SlArchiveCounts  *counts,
                               GError          **error)
{
  g_return_val_if_fail (G_IS_TASK (result), FALSE);
  return propagate_counts (result, counts, sizeof *counts, error);
}

/* Backup ---------------------------------------------------------------- */

static void
backup_thread (GTask        *task,
               gpointer      source_object,
               gpointer      task_data,
               GCancellable *cancellable)
{
  Job *job = task_data;
  g_autoptr(SlLedger) ledger = NULL;
  GError *error = NULL;

  if ((ledger = sl_ledger_open (job->database_path, &error)) != NULL &&
      sl_database_check_output_path (job->database_path, job->path, &error) &&
      sl_backups_write_checked (sl_ledger_get_database (ledger), job->path, &error))
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);
}

void
sl_task_backup_async (gpointer             source_object,
                      const char          *database_path,
                      GFile               *file,
                      GCancellable        *cancellable,
                      GAsyncReadyCallback  callback,
                      gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  Job *job;

  g_return_if_fail (G_IS_FILE (file));

  task = job_task_new (source_object, sl_task_backup_async, cancellable,
                       callback, user_data, &job);
  job->database_path = g_strdup (database_path);
  job->path = g_file_get_path (file);
  g_task_run_in_thread (task, backup_thread);
}

gboolean
sl_task_backup_finish (GAsyncResult  *result,
                       GError       **error)
{
  g_return_val_if_fail (G_IS_TASK (result), FALSE);
  return g_task_propagate_boolean (G_TASK (result), error);
}

/* Restore --------------------------------------------------------------- */

static void
restore_thread (GTask        *task,
                gpointer      source_object,
                gpointer      task_data,
                GCancellable *cancellable)
{
  Job *job = task_data;
  g_autofree char *default_path = NULL;
  const char *database_path = job->database_path;
  char *saved_as = NULL;
  GError *error = NULL;

  if (database_path == NULL)
    database_path = default_path = sl_database_default_path ();

  if (!sl_backups_restore_full (database_path, job->path, &saved_as, &error))
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, saved_as, g_free);
}

/**
 * sl_task_restore_async:
 * @file: the backup to put in the ledger's place
 *
 * Checks @file, copies the current ledger aside and restores the backup
 * into it (sl_backups_restore_full()), off the main loop. The caller's own
 * connection then reads the restored records.
 */
void
sl_task_restore_async (gpointer             source_object,
                       const char          *database_path,
                       GFile               *file,
                       GCancellable        *cancellable,
                       GAsyncReadyCallback  callback,
                       gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  Job *job;

  g_return_if_fail (G_IS_FILE (file));

  task = job_task_new (source_object, sl_task_restore_async, cancellable,
                       callback, user_data, &job);
  job->database_path = g_strdup (database_path);
  job->path = g_file_get_path (file);
  g_task_run_in_thread (task, restore_thread);
}

/* Returns where the ledger as it was before was copied to. */
char *
sl_task_restore_finish (GAsyncResult  *result,
                        GError       **error)
{
  g_return_val_if_fail (G_IS_TASK (result), NULL);
  return g_task_propagate_pointer (G_TASK (result), error);
}

/* Rosters --------------------------------------------------------------- */

static void
read_roster_thread (GTask        *task,
                    gpointer      source_object,
                    gpointer      task_data,
                    GCancellable *cancellable)
{
  Job *job = task_data;
  g_autofree char *data = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *name = g_filename_display_basename (job->path);
  GPtrArray *rows;
  gsize length;

  if (!g_file_get_contents (job->path, &data, &length, &error))
    {
      g_task_return_new_error (task, SL_ROSTER_ERROR, SL_ROSTER_ERROR_READ,
                               _("Cannot read the roster: %s"), error->message);
      return;
    }

  if (!(rows = sl_roster_parse ((const guint8 *) data, length, &error)))
    {
      g_prefix_error (&error, "%s: ", name);
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  g_task_return_pointer (task, rows, (GDestroyNotify) g_ptr_array_unref);
}

/**
 * sl_task_read_roster_async:
 *
 * Reads and parses a roster file (sl_roster_parse()), writing nothing, so
 * that the secretary sees its rows before they are imported.
 */
void
sl_task_read_roster_async (gpointer             source_object,
                           GFile               *file,
                           GCancellable        *cancellable,
                           GAsyncReadyCallback  callback,
                           gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  Job *job;

  g_return_if_fail (G_IS_FILE (file));

  task = job_task_new (source_object, sl_task_read_roster_async, cancellable,
                       callback, user_data, &job);
  job->path = g_file_get_path (file);
  g_task_run_in_thread (task, read_roster_thread);
}

/* Returns: (transfer container) (element-type SlRosterRow): the rows */
GPtrArray *
sl_task_read_roster_finish (GAsyncResult  *result,
                            GError       **error)
{
  g_return_val_if_fail (G_IS_TASK (result), NULL);
  return g_task_propagate_pointer (G_TASK (result), error);
}

static void
import_roster_thread (GTask        *task,
                      gpointer      source_object,
                      gpointer      task_data,
                      GCancellable *cancellable)
{
  Job *job = task_data;
  g_autoptr(SlLedger) ledger = NULL;
  SlRosterCounts counts = { 0 };
  GError *error = NULL;

  if ((ledger = sl_ledger_open (job->database_path, &error)) != NULL &&
      sl_roster_import_rows (ledger, job->rows, job->organization, &counts, &error))
    g_task_return_pointer (task, g_memdup2 (&counts, sizeof counts), g_free);
  else
    g_task_return_error (task, error);
}

/**
 * sl_task_import_roster_async:
 * @rows: (element-type SlRosterRow): from sl_task_read_roster_finish();
 *   the job keeps a reference, and the caller must not change them
 * @organization: (nullable): the organization's name for every row
 */
void
sl_task_import_roster_async (gpointer             source_object,
                             const char          *database_path,
                             GPtrArray           *rows,
                             const char          *organization,
                             GCancellable        *cancellable,
                             GAsyncReadyCallback  callback,
                             gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  Job *job;

  g_return_if_fail (rows != NULL);

  task = job_task_new (source_object, sl_task_import_roster_async, cancellable,
                       callback, user_data, &job);
  job->database_path = g_strdup (database_path);
  job->rows = g_ptr_array_ref (rows);
  job->organization = g_strdup (organization);
  g_task_run_in_thread (task, import_roster_thread);
}

gboolean
sl_task_import_roster_finish (GAsyncResult    *result,
                              SlRosterCounts  *counts,
                              GError         **error)
{
  g_return_val_if_fail (G_IS_TASK (result), FALSE);
  return propagate_counts (result, counts, sizeof *counts, error);
}

/* Example data ------------------------------------------------------------ */

/* $XDG_DATA_HOME/study-ledger/example.db: beside the user's own ledger,
 * never the same file. */
char *
sl_example_database_path (void)
{
  return g_build_filename (g_get_user_data_dir (), "study-ledger", "example.db", NULL);
}

static void
prepare_example_thread (GTask        *task,
                        gpointer      source_object,
                        gpointer      task_data,
                        GCancellable *cancellable)
{
  Job *job = task_data;
  g_autoptr(SlLedger) ledger = NULL;
  GError *error = NULL;
  gsize length;
  const char *data = g_bytes_get_data (job->archive, &length);

  if (!(ledger = sl_ledger_open (job->database_path, &error)))
    {
      g_task_return_error (task, error);
      return;
    }

  /* Filled once; what the secretary tried out in it stays. */
  if (sl_ledger_is_empty (ledger) &&
      !sl_archive_import_data (ledger, data, length, "example-archive.json", FALSE, NULL, &error))
    {
      g_task_return_error (task, error);
      return;
    }

  g_task_return_boolean (task, TRUE);
}

/**
 * sl_task_prepare_example_async:
 * @path: the example ledger, from sl_example_database_path()
 * @archive: the example archive
 *
 * Creates the example ledger and fills it from @archive, unless it holds
 * records already.
 */
void
sl_task_prepare_example_async (gpointer             source_object,
                               const char          *path,
                               GBytes              *archive,
                               GCancellable        *cancellable,
                               GAsyncReadyCallback  callback,
                               gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  Job *job;

  g_return_if_fail (path != NULL);
  g_return_if_fail (archive != NULL);

  task = job_task_new (source_object, sl_task_prepare_example_async, cancellable,
                       callback, user_data, &job);
  job->database_path = g_strdup (path);
  job->archive = g_bytes_ref (archive);
  g_task_run_in_thread (task, prepare_example_thread);
}

gboolean
sl_task_prepare_example_finish (GAsyncResult  *result,
                                GError       **error)
{
  g_return_val_if_fail (G_IS_TASK (result), FALSE);
  return g_task_propagate_boolean (G_TASK (result), error);
}
