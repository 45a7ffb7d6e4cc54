/* sl-print-operation.h — printing a document's pages: laid out in begin-print, drawn in draw-page
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "sl-document.h"
#include "sl-page-renderer.h"

G_BEGIN_DECLS

#define SL_TYPE_PRINT_OPERATION (sl_print_operation_get_type ())

G_DECLARE_FINAL_TYPE (SlPrintOperation, sl_print_operation, SL, PRINT_OPERATION, GtkPrintOperation)

SlPrintOperation *sl_print_operation_new          (SlPageRenderer   *renderer,
                                                   const char       *job_name);
SlPageRenderer   *sl_print_operation_get_renderer (SlPrintOperation *self);

/* Loads the document's pages in a worker thread, then runs an
 * SlPrintOperation with @action (GTK_PRINT_OPERATION_ACTION_EXPORT needs
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

/* The print dialog, then errors shown on @owner (win.print-document and
 * the document dialog). */
void     sl_document_print                    (GtkWidget               *owner,
                                               const char              *database_path,
                                               const SlDocumentRequest *request);

G_END_DECLS
