/* sl-tasks.h — the slow work of the window, run in a worker thread
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "sl-archive.h"
#include "sl-roster-import.h"
#include "sl-types.h"

G_BEGIN_DECLS

void       sl_task_open_ledger_async       (gpointer              source_object,
                                            const char           *path,
                                            GCancellable         *cancellable,
                                            GAsyncReadyCallback   callback,
                                            gpointer              user_data);
SlLedger  *sl_task_open_ledger_finish      (GAsyncResult         *result,
                                            GError              **error);

void       sl_task_daily_backup_async      (gpointer              source_object,
                                            const char           *database_path,
                                            GCancellable         *cancellable,
                                            GAsyncReadyCallback   callback,
                                            gpointer              user_data);
gboolean   sl_task_daily_backup_finish     (GAsyncResult         *result,
                                            GError              **error);

void       sl_task_import_archive_async    (gpointer              source_object,
                                            const char           *database_path,
                                            GFile                *file,
                                            gboolean              merge,
                                            GCancellable         *cancellable,
                                            GAsyncReadyCallback   callback,
                                            gpointer              user_data);
gboolean   sl_task_import_archive_finish   (GAsyncResult         *result,
                                            SlArchiveCounts      *counts,
                                            GError              **error);

void       sl_task_export_archive_async    (gpointer              source_object,
                                            const char           *database_path,
                                            GFile                *file,
                                            GCancellable         *cancellable,
                                            GAsyncReadyCallback   callback,
                                            gpointer              user_data);
gboolean   sl_task_export_archive_finish   (GAsyncResult         *result,
                                            SlArchiveCounts      *counts,
                                            GError              **error);

void       sl_task_backup_async            (gpointer              source_object,
                                            const char           *database_path,
                                            GFile                *file,
                                            GCancellable         *cancellable,
                                            GAsyncReadyCallback   callback,
                                            gpointer              user_data);
gboolean   sl_task_backup_finish           (GAsyncResult         *result,
                                            GError              **error);

void       sl_task_restore_async           (gpointer              source_object,
                                            const char           *database_path,
                                            GFile                *file,
                                            GCancellable         *cancellable,
                                            GAsyncReadyCallback   callback,
                                            gpointer              user_data);
char      *sl_task_restore_finish          (GAsyncResult         *result,
                                            GError              **error);

void       sl_task_read_roster_async       (gpointer              source_object,
                                            GFile                *file,
                                            GCancellable         *cancellable,
                                            GAsyncReadyCallback   callback,
                                            gpointer              user_data);
GPtrArray *sl_task_read_roster_finish      (GAsyncResult         *result,
                                            GError              **error);

void       sl_task_import_roster_async     (gpointer              source_object,
                                            const char           *database_path,
                                            GPtrArray            *rows,
                                            const char           *organization,
                                            GCancellable         *cancellable,
                                            GAsyncReadyCallback   callback,
                                            gpointer              user_data);
gboolean   sl_task_import_roster_finish    (GAsyncResult         *result,
                                            SlRosterCounts       *counts,
                                            GError              **error);

void       sl_task_prepare_example_async   (gpointer              source_object,
                                            const char           *path,
                                            GBytes               *archive,
                                            GCancellable         *cancellable,
                                            GAsyncReadyCallback   callback,
                                            gpointer              user_data);
gboolean   sl_task_prepare_example_finish  (GAsyncResult         *result,
                                            GError              **error);

char      *sl_example_database_path        (void);

G_END_DECLS
