/* sl-pdf-export.h — documents as PDF pages
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "sl-document.h"

G_BEGIN_DECLS

/* Writes @request's document as PDF to @path (the caller has already chosen
 * a temporary name; this only writes). */
gboolean sl_pdf_export (SlLedger                *ledger,
                        const SlDocumentRequest *request,
                        const char              *path,
                        GError                 **error);

G_END_DECLS
