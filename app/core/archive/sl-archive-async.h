/* sl-archive-async.h — archive import and export off the main loop
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "sl-archive.h"

G_BEGIN_DECLS

void       sl_archive_import_async         (gpointer              source_object,
                                            const char           *database_path,
                                            GFile                *file,
                                            gboolean              merge,
                                            GCancellable         *cancellable,
                                            GAsyncReadyCallback   callback,
                                            gpointer              user_data);
gboolean   sl_archive_import_finish        (GAsyncResult         *result,
                                            SlArchiveCounts      *counts,
                                            GError              **error);

void       sl_archive_export_async         (gpointer              source_object,
                                            const char           *database_path,
                                            GFile                *file,
                                            GCancellable         *cancellable,
                                            GAsyncReadyCallback   callback,
                                            gpointer              user_data);
gboolean   sl_archive_export_finish        (GAsyncResult         *result,
                                            SlArchiveCounts      *counts,
                                            GError              **error);

G_END_DECLS
