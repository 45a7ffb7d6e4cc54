/* sl-roster-async.c — reading and importing a roster off the main loop
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A roster is read (and shown to the secretary) before it is imported, so
 * the two steps are two jobs. Both run on a GTask thread; the import opens
 * its own connection to the ledger file, since a SQLite connection belongs
 * to the thread that uses it. The jobs take paths and copies of their
 * inputs, never the window's objects.
 */

#define G_LOG_DOMAIN "sl-roster"

#include "config.h"

#include "sl-csv-reader.h"
#include "sl-ledger.h"
#include "sl-roster-async.h"
#include "sl-roster-import.h"
#include "sl-task.h"

#include <glib/gi18n-lib.h>

typedef struct
{
  char      *database_path;
  char      *path;
  char      *organization;
  GPtrArray *rows;
} RosterJob;

static void
roster_job_free (gpointer data)
{
  RosterJob *job = data;

  g_free (job->database_path);
  g_free (job->path);
  g_free (job->organization);
  g_clear_pointer (&job->rows, g_ptr_array_unref);
  g_free (job);
}

static GTask *
roster_task_new (gpointer             source_object,
                 gpointer             tag,
                 GCancellable        *cancellable,
                 GAsyncReadyCallback  callback,
                 gpointer             user_data,
                 RosterJob          **job_out)
{
  *job_out = g_new0 (RosterJob, 1);
  return sl_task_new_job (source_object, tag, cancellable, callback, user_data,
                          *job_out, roster_job_free);
}

/* Read ------------------------------------------------------------------ */

static void
read_roster_thread (GTask        *task,
                    gpointer      source_object,
                    gpointer      task_data,
                    GCancellable *cancellable)
{
  RosterJob *job = task_data;
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

  if (!(rows = sl_roster_parse_all ((const guint8 *) data, length, &error)))
    {
      g_prefix_error (&error, "%s: ", name);
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  g_task_return_pointer (task, rows, (GDestroyNotify) g_ptr_array_unref);
}

/**
 * sl_roster_read_async:
 *
 * Reads and parses a roster file (sl_roster_parse_all()), writing nothing, so
 * that the secretary sees its rows, and every row's problem, before they
 * are imported.
 */
void
sl_roster_read_async (gpointer             source_object,
                      GFile               *file,
                      GCancellable        *cancellable,
                      GAsyncReadyCallback  callback,
                      gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  RosterJob *job;

  g_return_if_fail (G_IS_FILE (file));

  task = roster_task_new (source_object, sl_roster_read_async, cancellable,
                          callback, user_data, &job);
  job->path = g_file_get_path (file);
  g_task_run_in_thread (task, read_roster_thread);
}

/* Returns: (transfer container) (element-type SlRosterRow): the rows */
GPtrArray *
sl_roster_read_finish (GAsyncResult  *result,
                       GError       **error)
{
  g_return_val_if_fail (G_IS_TASK (result), NULL);
  return g_task_propagate_pointer (G_TASK (result), error);
}

/* Import ---------------------------------------------------------------- */

static void
import_roster_thread (GTask        *task,
                      gpointer      source_object,
                      gpointer      task_data,
                      GCancellable *cancellable)
{
  RosterJob *job = task_data;
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
 * sl_roster_import_async:
 * @rows: (element-type SlRosterRow): from sl_roster_read_finish();
 *   the job keeps a reference, and the caller must not change them
 * @organization: (nullable): the organization's name for every row
 */
void
sl_roster_import_async (gpointer             source_object,
                        const char          *database_path,
                        GPtrArray           *rows,
                        const char          *organization,
                        GCancellable        *cancellable,
                        GAsyncReadyCallback  callback,
                        gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  RosterJob *job;

  g_return_if_fail (rows != NULL);

  task = roster_task_new (source_object, sl_roster_import_async, cancellable,
                          callback, user_data, &job);
  job->database_path = g_strdup (database_path);
  job->rows = g_ptr_array_ref (rows);
  job->organization = g_strdup (organization);
  g_task_run_in_thread (task, import_roster_thread);
}

gboolean
sl_roster_import_finish (GAsyncResult    *result,
                         SlRosterCounts  *counts,
                         GError         **error)
{
  g_autofree SlRosterCounts *value = NULL;

  g_return_val_if_fail (G_IS_TASK (result), FALSE);

  if (!(value = g_task_propagate_pointer (G_TASK (result), error)))
    return FALSE;
  if (counts != NULL)
    *counts = *value;
  return TRUE;
}
