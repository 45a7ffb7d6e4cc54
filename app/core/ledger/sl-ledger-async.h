/* sl-ledger-async.h — opening a ledger, and filling the example one, off the main loop
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "sl-types.h"

G_BEGIN_DECLS

void       sl_ledger_open_async            (gpointer              source_object,
                                            const char           *path,
                                            GCancellable         *cancellable,
                                            GAsyncReadyCallback   callback,
                                            gpointer              user_data);
SlLedger  *sl_ledger_open_finish           (GAsyncResult         *result,
                                            GError              **error);

void       sl_ledger_prepare_example_async (gpointer              source_object,
                                            const char           *path,
                                            GBytes               *archive,
                                            GCancellable         *cancellable,
                                            GAsyncReadyCallback   callback,
                                            gpointer              user_data);
gboolean   sl_ledger_prepare_example_finish (GAsyncResult        *result,
                                             GError             **error);

char      *sl_ledger_example_path          (void);

G_END_DECLS
