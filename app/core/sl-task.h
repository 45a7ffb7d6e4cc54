/* sl-task.h — the GTask every core job off the main loop starts with
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

GTask *sl_task_new_job (gpointer             source_object,
                        gpointer             source_tag,
                        GCancellable        *cancellable,
                        GAsyncReadyCallback  callback,
                        gpointer             user_data,
                        gpointer             job,
                        GDestroyNotify       job_free);

G_END_DECLS
