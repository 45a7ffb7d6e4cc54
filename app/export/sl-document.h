/* sl-document.h — the documents of DESIGN.md and how to export them
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "sl-document-types.h"

G_BEGIN_DECLS

/* Writes the document to @path through a temporary file beside it, renamed
 * into place only when complete: a failure leaves no file behind. */
gboolean    sl_document_export         (SlLedger                *ledger,
                                        const SlDocumentRequest *request,
                                        SlDocumentFormat         format,
                                        const char              *path,
                                        GError                 **error);

/* PDF pages are written by the pages (sl-pdf-export.c), which register
 * their writer when they are linked in or loaded; a program that does not
 * link them names the module that holds them. */
typedef gboolean (*SlPdfWriter) (SlLedger                *ledger,
                                 const SlDocumentRequest *request,
                                 const char              *path,
                                 GError                 **error);

void        sl_document_register_pdf_writer (SlPdfWriter    writer);
void        sl_document_set_pages_module    (const char    *path);

G_END_DECLS
