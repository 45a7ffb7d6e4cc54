/* sl-roster-async.h — reading and importing a roster off the main loop
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "sl-roster-import.h"

G_BEGIN_DECLS

void       sl_roster_read_async            (gpointer              source_object,
                                            GFile                *file,
                                            GCancellable         *cancellable,
                                            GAsyncReadyCallback   callback,
                                            gpointer              user_data);
GPtrArray *sl_roster_read_finish           (GAsyncResult         *result,
                                            GError              **error);

void       sl_roster_import_async          (gpointer              source_object,
                                            const char           *database_path,
                                            GPtrArray            *rows,
                                            const char           *organization,
                                            GCancellable         *cancellable,
                                            GAsyncReadyCallback   callback,
                                            gpointer              user_data);
gboolean   sl_roster_import_finish         (GAsyncResult         *result,
                                            SlRosterCounts       *counts,
                                            GError              **error);

G_END_DECLS
