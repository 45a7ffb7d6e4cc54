/* sl-document-dialog.h — exporting and printing the ledger's documents
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "sl-document.h"
#include "sl-types.h"

G_BEGIN_DECLS

#define SL_TYPE_DOCUMENT_DIALOG (sl_document_dialog_get_type ())

G_DECLARE_FINAL_TYPE (SlDocumentDialog, sl_document_dialog, SL, DOCUMENT_DIALOG, AdwWindow)

/* Chooses one of the year's documents and a format (win.export-document);
 * @owner is the window that shows the toasts and errors afterwards. */
SlDocumentDialog *sl_document_dialog_new      (GtkWidget               *owner,
                                               const char              *database_path,
                                               int                      year);

/* What the dialog and the meeting editor call: a file chooser, then the
 * export in a worker thread; or the print dialog. Toasts and errors are
 * shown on @owner. */
void     sl_document_choose_and_export        (GtkWidget               *owner,
                                               const char              *database_path,
                                               const SlDocumentRequest *request,
                                               SlDocumentFormat         format);
void     sl_document_print                    (GtkWidget               *owner,
                                               const char              *database_path,
                                               const SlDocumentRequest *request);

/* The same work without the file chooser and without feedback on @owner
 * (tests, or a caller that reports itself). */
void     sl_document_export_file_async        (GtkWidget               *owner,
                                               const char              *database_path,
                                               const SlDocumentRequest *request,
                                               SlDocumentFormat         format,
                                               const char              *path,
                                               GCancellable            *cancellable,
                                               GAsyncReadyCallback      callback,
                                               gpointer                 user_data);
gboolean sl_document_export_file_finish       (GAsyncResult            *result,
                                               GError                 **error);

/* Loads the document's pages in a worker thread, then runs a
 * GtkPrintOperation with @action (GTK_PRINT_OPERATION_ACTION_EXPORT needs
 * @export_filename); completes on the operation's "done". */
void     sl_document_print_async              (GtkWidget               *owner,
                                               const char              *database_path,
                                               const SlDocumentRequest *request,
                                               GtkPrintOperationAction  action,
                                               const char              *export_filename,
                                               GCancellable            *cancellable,
                                               GAsyncReadyCallback      callback,
                                               gpointer                 user_data);
GtkPrintOperationResult
         sl_document_print_finish             (GAsyncResult            *result,
                                               GError                 **error);

/* The name of @kind on screen, translated. */
const char *sl_document_kind_get_label        (SlDocumentKind           kind);

G_END_DECLS
