/* sl-document-dialog.h — exporting and printing the ledger's documents
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "sl-document.h"
#include "sl-export-job.h"
#include "sl-print-operation.h"
#include "sl-types.h"

G_BEGIN_DECLS

#define SL_TYPE_DOCUMENT_DIALOG (sl_document_dialog_get_type ())

G_DECLARE_FINAL_TYPE (SlDocumentDialog, sl_document_dialog, SL, DOCUMENT_DIALOG, AdwWindow)

/* Chooses one of the year's documents and a format (win.export-document);
 * @owner is the widget whose window shows the toasts and errors afterwards.
 * Exporting and printing themselves are in sl-export-job.h and
 * sl-print-operation.h, included here for the dialog's callers. */
SlDocumentDialog *sl_document_dialog_new      (GtkWidget               *owner,
                                               const char              *database_path,
                                               int                      year);

G_END_DECLS
