/* sl-document-pages.h — the page renderer for a document request
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "sl-document-types.h"
#include "sl-page-renderer.h"

G_BEGIN_DECLS

/* The renderer of @request's document with its records loaded: what PDF
 * export writes and what the print dialog prints and previews. The
 * request's strings are copied where the renderer needs them. */
SlPageRenderer *sl_document_pages_new (SlLedger                *ledger,
                                       const SlDocumentRequest *request,
                                       GError                 **error);

G_END_DECLS
