/* sl-ledger-async.c — opening a ledger, and filling the example one, off the main loop
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Opening a ledger may create or upgrade its file, which can take long
 * enough to freeze the first frame; these run on a GTask thread. The
 * connection is used by the caller's thread afterwards, never by two
 * threads at once (a SQLite connection, and the statements SlDatabase
 * caches on it, belong to the thread that uses it).
 */

#define G_LOG_DOMAIN "sl-ledger"

#include "config.h"

#include "sl-archive.h"
#include "sl-ledger.h"
#include "sl-ledger-async.h"
#include "sl-task.h"

typedef struct
{
  char   *path;
  GBytes *archive;
} OpenJob;

static void
open_job_free (gpointer data)
{
  OpenJob *job = data;

  g_free (job->path);
  g_clear_pointer (&job->archive, g_bytes_unref);
  g_free (job);
}

static GTask *
open_task_new (gpointer             source_object,
               gpointer             tag,
               GCancellable        *cancellable,
               GAsyncReadyCallback  callback,
               gpointer             user_data,
               OpenJob            **job_out)
{
  *job_out = g_new0 (OpenJob, 1);
  return sl_task_new_job (source_object, tag, cancellable, callback, user_data,
                          *job_out, open_job_free);
}

/* Open a ledger --------------------------------------------------------- */

static void
open_ledger_thread (GTask        *task,
                    gpointer      source_object,
                    gpointer      task_data,
                    GCancellable *cancellable)
{
  OpenJob *job = task_data;
  GError *error = NULL;
  SlLedger *ledger = sl_ledger_open (job->path, &error);

  /* No daily backup here: copying a ten-year ledger takes 300 ms and
   * 75 MiB, which the window would wait for before its first frame. The
   * window starts sl_backups_run_daily_async() once it has painted. */
  if (ledger == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, ledger, g_object_unref);
}

/**
 * sl_ledger_open_async:
 * @path: (nullable): the ledger file, %NULL for the default one
 *
 * Opens (creating or upgrading when needed) a ledger off the main loop
 * (sl_ledger_open()).
 */
void
sl_ledger_open_async (gpointer             source_object,
                      const char          *path,
                      GCancellable        *cancellable,
                      GAsyncReadyCallback  callback,
                      gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  OpenJob *job;

  task = open_task_new (source_object, sl_ledger_open_async, cancellable,
                        callback, user_data, &job);
  job->path = g_strdup (path);
  g_task_run_in_thread (task, open_ledger_thread);
}

SlLedger *
sl_ledger_open_finish (GAsyncResult  *result,
                       GError       **error)
{
  g_return_val_if_fail (G_IS_TASK (result), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == sl_ledger_open_async, NULL);
  return g_task_propagate_pointer (G_TASK (result), error);
}

/* Example data ------------------------------------------------------------ */

/* $XDG_DATA_HOME/study-ledger/example.db: beside the user's own ledger,
 * never the same file. */
char *
sl_ledger_example_path (void)
{
  return g_build_filename (g_get_user_data_dir (), "study-ledger", "example.db", NULL);
}

static void
prepare_example_thread (GTask        *task,
                        gpointer      source_object,
                        gpointer      task_data,
                        GCancellable *cancellable)
{
  OpenJob *job = task_data;
  g_autoptr(SlLedger) ledger = NULL;
  GError *error = NULL;
  gsize length;
  const char *data = g_bytes_get_data (job->archive, &length);

  if (!(ledger = sl_ledger_open (job->path, &error)))
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
 * sl_ledger_prepare_example_async:
 * @path: the example ledger, from sl_ledger_example_path()
 * @archive: the example archive
 *
 * Creates the example ledger and fills it from @archive, unless it holds
 * records already.
 */
void
sl_ledger_prepare_example_async (gpointer             source_object,
                                 const char          *path,
                                 GBytes              *archive,
                                 GCancellable        *cancellable,
                                 GAsyncReadyCallback  callback,
                                 gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  OpenJob *job;

  g_return_if_fail (path != NULL);
  g_return_if_fail (archive != NULL);

  task = open_task_new (source_object, sl_ledger_prepare_example_async, cancellable,
                        callback, user_data, &job);
  job->path = g_strdup (path);
  job->archive = g_bytes_ref (archive);
  g_task_run_in_thread (task, prepare_example_thread);
}

gboolean
sl_ledger_prepare_example_finish (GAsyncResult  *result,
                                  GError       **error)
{
  g_return_val_if_fail (G_IS_TASK (result), FALSE);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == sl_ledger_prepare_example_async, FALSE);
  return g_task_propagate_boolean (G_TASK (result), error);
}
