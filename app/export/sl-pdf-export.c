/* sl-pdf-export.c — documents as PDF pages (not written yet)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sl-pdf-export"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "sl-pdf-export.h"

gboolean
sl_pdf_export (SlLedger                *ledger,
               const SlDocumentRequest *request,
               const char              *path,
               GError                 **error)
{
  g_set_error (error, SL_DOCUMENT_ERROR, SL_DOCUMENT_ERROR_UNSUPPORTED,
               _("PDF documents are not available yet"));
  return FALSE;
}
