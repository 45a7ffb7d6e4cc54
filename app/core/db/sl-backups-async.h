/* sl-backups-async.h — backups and restores off the main loop
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

void       sl_backups_run_daily_async      (gpointer              source_object,
                                            const char           *database_path,
                                            GCancellable         *cancellable,
                                            GAsyncReadyCallback   callback,
                                            gpointer              user_data);
gboolean   sl_backups_run_daily_finish     (GAsyncResult         *result,
                                            GError              **error);

void       sl_backups_write_async          (gpointer              source_object,
                                            const char           *database_path,
                                            GFile                *file,
                                            GCancellable         *cancellable,
                                            GAsyncReadyCallback   callback,
                                            gpointer              user_data);
gboolean   sl_backups_write_finish         (GAsyncResult         *result,
                                            GError              **error);

void       sl_backups_restore_async        (gpointer              source_object,
                                            const char           *database_path,
                                            GFile                *file,
                                            GCancellable         *cancellable,
                                            GAsyncReadyCallback   callback,
                                            gpointer              user_data);
char      *sl_backups_restore_finish       (GAsyncResult         *result,
                                            GError              **error);

G_END_DECLS
