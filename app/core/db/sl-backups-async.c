/* sl-backups-async.c — backups and restores off the main loop
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Copying a ten-year ledger takes a third of a second and more; the
 * window must keep drawing meanwhile. Each job runs on a GTask thread and
 * opens its own connection to the ledger file: a SQLite connection (and
 * the statements SlDatabase caches on it) belongs to the thread that uses
 * it. WAL mode lets the window's connection keep reading while the worker
 * copies. The jobs take paths, never the window's objects, so nothing is
 * shared between threads but immutable data.
 */

#define G_LOG_DOMAIN "sl-backups"

#include "config.h"

#include "sl-backups.h"
#include "sl-backups-async.h"
#include "sl-database.h"
#include "sl-ledger.h"
#include "sl-ledger-paths.h"

typedef struct
{
  char *database_path;
  char *path;
} BackupJob;

static void
backup_job_free (gpointer data)
{
  BackupJob *job = data;

  g_free (job->database_path);
  g_free (job->path);
  g_free (job);
}

static GTask *
backup_task_new (gpointer             source_object,
                 gpointer             tag,
                 const char          *database_path,
                 GFile               *file,
                 GCancellable        *cancellable,
                 GAsyncReadyCallback  callback,
                 gpointer             user_data)
{
  GTask *task = g_task_new (source_object, cancellable, callback, user_data);
  BackupJob *job = g_new0 (BackupJob, 1);

  job->database_path = g_strdup (database_path);
  job->path = file != NULL ? g_file_get_path (file) : NULL;
  g_task_set_source_tag (task, tag);
  g_task_set_task_data (task, job, backup_job_free);
  /* The work is all or nothing and short enough to finish; a cancelled
   * caller (a closed window) only does not hear about it. */
  g_task_set_return_on_cancel (task, FALSE);
  return task;
}

/* The daily backup ------------------------------------------------------ */

static void
daily_backup_thread (GTask        *task,
                     gpointer      source_object,
                     gpointer      task_data,
                     GCancellable *cancellable)
{
  BackupJob *job = task_data;
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
 * sl_backups_run_daily_async:
 * @database_path: (nullable): the ledger file, %NULL for the default one
 *
 * Keeps today's copy of the ledger in its backup folder, unless it is
 * there already (sl_backups_run_daily()), off the main loop: the first
 * window of each day starts it after its first frame.
 */
void
sl_backups_run_daily_async (gpointer             source_object,
                            const char          *database_path,
                            GCancellable        *cancellable,
                            GAsyncReadyCallback  callback,
                            gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;

  task = backup_task_new (source_object, sl_backups_run_daily_async, database_path, NULL,
                          cancellable, callback, user_data);
  g_task_run_in_thread (task, daily_backup_thread);
}

gboolean
sl_backups_run_daily_finish (GAsyncResult  *result,
                             GError       **error)
{
  g_return_val_if_fail (G_IS_TASK (result), FALSE);
  return g_task_propagate_boolean (G_TASK (result), error);
}

/* Backup ---------------------------------------------------------------- */

static void
backup_thread (GTask        *task,
               gpointer      source_object,
               gpointer      task_data,
               GCancellable *cancellable)
{
  BackupJob *job = task_data;
  g_autoptr(SlLedger) ledger = NULL;
  GError *error = NULL;

  if ((ledger = sl_ledger_open (job->database_path, &error)) != NULL &&
      sl_database_check_output_path (job->database_path, job->path, &error) &&
      sl_backups_write_checked (sl_ledger_get_database (ledger), job->path, &error))
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);
}

/**
 * sl_backups_write_async:
 * @file: where the checked copy goes; never the ledger or its backups
 *
 * Writes a checked copy of the ledger (sl_backups_write_checked()).
 */
void
sl_backups_write_async (gpointer             source_object,
                        const char          *database_path,
                        GFile               *file,
                        GCancellable        *cancellable,
                        GAsyncReadyCallback  callback,
                        gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (G_IS_FILE (file));

  task = backup_task_new (source_object, sl_backups_write_async, database_path, file,
                          cancellable, callback, user_data);
  g_task_run_in_thread (task, backup_thread);
}

gboolean
sl_backups_write_finish (GAsyncResult  *result,
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
  BackupJob *job = task_data;
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
 * sl_backups_restore_async:
 * @file: the backup to put in the ledger's place
 *
 * Checks @file, copies the current ledger aside and restores the backup
 * into it (sl_backups_restore_full()), off the main loop. The caller's own
 * connection then reads the restored records.
 */
void
sl_backups_restore_async (gpointer             source_object,
                          const char          *database_path,
                          GFile               *file,
                          GCancellable        *cancellable,
                          GAsyncReadyCallback  callback,
                          gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (G_IS_FILE (file));

  task = backup_task_new (source_object, sl_backups_restore_async, database_path, file,
                          cancellable, callback, user_data);
  g_task_run_in_thread (task, restore_thread);
}

/* Returns where the ledger as it was before was copied to. */
char *
sl_backups_restore_finish (GAsyncResult  *result,
                           GError       **error)
{
  g_return_val_if_fail (G_IS_TASK (result), NULL);
  return g_task_propagate_pointer (G_TASK (result), error);
}
