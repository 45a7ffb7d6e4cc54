/* sl-record-undo.h — deleting a record from a page, with Undo in a toast
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "sl-types.h"

G_BEGIN_DECLS

/* Saves @record again (sl_ledger_save_talk() and the like). */
typedef gboolean (*SlRecordSaveFunc)   (SlLedger  *ledger,
                                        gpointer   record,
                                        GError   **error);
/* Reads @page again after the ledger changed. */
typedef void     (*SlRecordReloadFunc) (gpointer   page);

void sl_record_undo_delete  (GtkWidget          *page,
                             SlLedger           *ledger,
                             gpointer            record,
                             GObject           **deleted,
                             SlRecordReloadFunc  reload,
                             const char         *error_title,
                             const char         *toast_title,
                             GCallback           undo_cb);
void sl_record_undo_restore (GtkWidget          *page,
                             SlLedger           *ledger,
                             GObject           **deleted,
                             SlRecordSaveFunc    save,
                             SlRecordReloadFunc  reload,
                             const char         *error_title);

G_END_DECLS
