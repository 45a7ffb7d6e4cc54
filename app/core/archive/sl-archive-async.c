/* sl-archive-async.c — archive import and export off the main loop
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * An archive import or export reads or writes the whole ledger, which can
 * take seconds; the window must keep drawing meanwhile. Each job runs on a
 * GTask thread and opens its own connection to the ledger file: a SQLite
 * connection (and the statements SlDatabase caches on it) belongs to the
 * thread that uses it. WAL mode lets the window's connection keep reading
 * while the worker writes; when the worker is done, the window reads its
 * lists again (sl_ledger_query_reload()).
 *
 * The jobs take paths, never the window's objects, so nothing is shared
 * between threads but immutable data.
 */

#define G_LOG_DOMAIN "sl-archive"

#include "config.h"

#include "sl-archive.h"
#include "sl-archive-async.h"
#include "sl-integrity.h"
#include "sl-ledger.h"
#include "sl-ledger-paths.h"

#include <string.h>

typedef struct
{
  char     *database_path;
  char     *path;
  gboolean  merge;
} ArchiveJob;

static void
archive_job_free (gpointer data)
{
  ArchiveJob *job = data;

  g_free (job->database_path);
  g_free (job->path);
  g_free (job);
}

static GTask *
archive_task_new (gpointer             source_object,
                  gpointer             tag,
                  const char          *database_path,
                  GFile               *file,
                  GCancellable        *cancellable,
                  GAsyncReadyCallback  callback,
                  gpointer             user_data,
                  ArchiveJob         **job_out)
{
  GTask *task = g_task_new (source_object, cancellable, callback, user_data);
  ArchiveJob *job = g_new0 (ArchiveJob, 1);

  job->database_path = g_strdup (database_path);
  job->path = g_file_get_path (file);
  g_task_set_source_tag (task, tag);
  g_task_set_task_data (task, job, archive_job_free);
  /* The work is all or nothing and short enough to finish; a cancelled
   * caller (a closed window) only does not hear about it. */
  g_task_set_return_on_cancel (task, FALSE);

  *job_out = job;
  return task;
}

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

static gboolean
propagate_counts (GAsyncResult     *result,
                  SlArchiveCounts  *counts,
                  GError          **error)
{
  g_autofree SlArchiveCounts *value = g_task_propagate_pointer (G_TASK (result), error);

  if (value == NULL)
    return FALSE;

  if (counts != NULL)
    memcpy (counts, value, sizeof *counts);
  return TRUE;
}

/* Import ---------------------------------------------------------------- */

static void
import_archive_thread (GTask        *task,
                       gpointer      source_object,
                       gpointer      task_data,
                       GCancellable *cancellable)
{
  ArchiveJob *job = task_data;
  g_autoptr(SlLedger) ledger = NULL;
  SlArchiveCounts counts = { 0 };
  GError *error = NULL;
  gboolean ok;

  ok = (ledger = sl_ledger_open (job->database_path, &error)) != NULL &&
       sl_archive_import (ledger, job->path, job->merge, &counts, &error);
  return_archive_counts (task, ok, &counts, error);
}

/**
 * sl_archive_import_async:
 * @database_path: (nullable): the ledger file, %NULL for the default one
 * @file: the archive
 * @merge: as sl_archive_import()
 *
 * Imports an archive (sl_archive_import()) on a connection of its own.
 */
void
sl_archive_import_async (gpointer             source_object,
                         const char          *database_path,
                         GFile               *file,
                         gboolean             merge,
                         GCancellable        *cancellable,
                         GAsyncReadyCallback  callback,
                         gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  ArchiveJob *job;

  g_return_if_fail (G_IS_FILE (file));

  task = archive_task_new (source_object, sl_archive_import_async, database_path, file,
                           cancellable, callback, user_data, &job);
  job->merge = merge;
  g_task_run_in_thread (task, import_archive_thread);
}

gboolean
sl_archive_import_finish (GAsyncResult     *result,
                          SlArchiveCounts  *counts,
                          GError          **error)
{
  g_return_val_if_fail (G_IS_TASK (result), FALSE);
  return propagate_counts (result, counts, error);
}

/* Export ---------------------------------------------------------------- */

static void
export_archive_thread (GTask        *task,
                       gpointer      source_object,
                       gpointer      task_data,
                       GCancellable *cancellable)
{
  ArchiveJob *job = task_data;
  g_autoptr(SlLedger) ledger = NULL;
  SlArchiveCounts counts = { 0 };
  GError *error = NULL;
  gboolean ok;

  /* As export-archive: no archive with text that is not UTF-8. */
  ok = (ledger = sl_ledger_open (job->database_path, &error)) != NULL &&
       sl_database_check_output_path (job->database_path, job->path, &error) &&
       sl_archive_export_checked (ledger, job->path, &counts, &error);
  return_archive_counts (task, ok, &counts, error);
}

/**
 * sl_archive_export_async:
 * @database_path: (nullable): the ledger file, %NULL for the default one
 * @file: where the archive goes; never the ledger or its backups
 *
 * Exports the ledger as an archive (sl_archive_export()) on a connection
 * of its own, refusing text that is not UTF-8 as export-archive does.
 */
void
sl_archive_export_async (gpointer             source_object,
                         const char          *database_path,
                         GFile               *file,
                         GCancellable        *cancellable,
                         GAsyncReadyCallback  callback,
                         gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  ArchiveJob *job;

  g_return_if_fail (G_IS_FILE (file));

  task = archive_task_new (source_object, sl_archive_export_async, database_path, file,
                           cancellable, callback, user_data, &job);
  g_task_run_in_thread (task, export_archive_thread);
}

gboolean
sl_archive_export_finish (GAsyncResult     *result,
                          SlArchiveCounts  *counts,
                          GError          **error)
{
  g_return_val_if_fail (G_IS_TASK (result), FALSE);
  return propagate_counts (result, counts, error);
}
