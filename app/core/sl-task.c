/* sl-task.c — the GTask every core job off the main loop starts with
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The ledger, roster, archive and backup jobs each copy their inputs into
 * a job of their own and run it on a GTask thread; how such a task is set
 * up is the same for all of them, and is said once here.
 */

#define G_LOG_DOMAIN "sl-util"

#include "config.h"

#include "sl-task.h"

/**
 * sl_task_new_job:
 * @source_tag: the *_async function, which its *_finish checks
 * @job: (transfer full): the job's inputs, which the thread reads as
 *   task_data and @job_free frees with the task
 *
 * Returns: (transfer full): a task for g_task_run_in_thread()
 */
GTask *
sl_task_new_job (gpointer             source_object,
                 gpointer             source_tag,
                 GCancellable        *cancellable,
                 GAsyncReadyCallback  callback,
                 gpointer             user_data,
                 gpointer             job,
                 GDestroyNotify       job_free)
{
  GTask *task = g_task_new (source_object, cancellable, callback, user_data);

  g_task_set_source_tag (task, source_tag);
  g_task_set_task_data (task, job, job_free);
  /* The work is all or nothing and short enough to finish; a cancelled
   * caller (a closed window) only does not hear about it. */
  g_task_set_return_on_cancel (task, FALSE);

  return task;
}
