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

/* Writes @path as sl_document_export() does: @write fills the temporary
 * file it is given; only a complete file takes the name. */
typedef gboolean (*SlDocumentWriteFunc) (const char  *temporary,
                                         gpointer     data,
                                         GError     **error);

gboolean    sl_document_write_file     (const char              *path,
                                        SlDocumentWriteFunc      write,
                                        gpointer                 data,
                                        GError                 **error);

/* PDF pages are written by the pages (pages/, Cairo and Pango), which the
 * dispatcher does not link: they register their writer through their
 * entry point, sl_pages_module_register(). A program that links the pages
 * (the window, the tests) has it called on the first PDF; one that does
 * not (the command line) names the module that holds them, and the
 * dispatcher loads it and looks the entry point up by name. */
typedef gboolean (*SlPdfWriter) (SlLedger                *ledger,
                                 const SlDocumentRequest *request,
                                 const char              *path,
                                 GError                 **error);

#define SL_PAGES_MODULE_ENTRY "sl_pages_module_register"

/* Defined by the pages (sl-pdf-export.c): registers their PDF writer. */
void        sl_pages_module_register        (void);

void        sl_document_register_pdf_writer (SlPdfWriter    writer);

/* What the last export on this thread has to say besides its file: the
 * PDF writer sets it (the stand-ins for the standard's fonts it used,
 * one line); sl_document_export() clears it when it starts. Take it after
 * the export, on the same thread; NULL when there is nothing to say. */
void        sl_document_set_note            (const char    *note);
char       *sl_document_take_note           (void);
void        sl_document_set_pages_module    (const char    *path);
/* Registers the pages' writers, loading their module if need be. */
gboolean    sl_document_load_pages          (GError       **error);

G_END_DECLS
