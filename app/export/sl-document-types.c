/* sl-document-types.c — the documents there are, and their codes
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The codes are the command line's DOCUMENT and --format words and the
 * window's; DESIGN.md lists them.
 */

#define G_LOG_DOMAIN "sl-document"

#include "config.h"

#include "sl-document-types.h"

G_DEFINE_QUARK (sl-document-error-quark, sl_document_error)

static const char * const kind_codes[] = {
  [SL_DOCUMENT_FIRST_TOPIC_LEDGER]   = "first-topic-ledger",
  [SL_DOCUMENT_CENTRAL_GROUP_LEDGER] = "central-group-ledger",
  [SL_DOCUMENT_MEETINGS_LEDGER]      = "meetings-ledger",
  [SL_DOCUMENT_PLAN]                 = "plan",
  [SL_DOCUMENT_ATTENDANCE]           = "attendance",
  [SL_DOCUMENT_MEASURES]             = "measures",
  [SL_DOCUMENT_ANNUAL_REPORT]        = "annual-report",
  [SL_DOCUMENT_MINUTES]              = "minutes",
  [SL_DOCUMENT_SIGN_IN]              = "sign-in",
  [SL_DOCUMENT_PLAN_PROGRESS]        = "plan-progress",
  [SL_DOCUMENT_SESSION_PLAN]         = "session-plan",
  [SL_DOCUMENT_TOPICS]               = "topics",
  [SL_DOCUMENT_TALKS]                = "talks",
  [SL_DOCUMENT_MEMBER_CARD]          = "member-card",
};

G_STATIC_ASSERT (G_N_ELEMENTS (kind_codes) == SL_DOCUMENT_N_KINDS);

const char *
sl_document_kind_to_code (SlDocumentKind kind)
{
  g_return_val_if_fail ((guint) kind < G_N_ELEMENTS (kind_codes), NULL);

  return kind_codes[kind];
}

gboolean
sl_document_kind_from_code (const char     *code,
                            SlDocumentKind *kind)
{
  g_return_val_if_fail (kind != NULL, FALSE);

  for (guint i = 0; code != NULL && i < G_N_ELEMENTS (kind_codes); i++)
    if (g_str_equal (code, kind_codes[i]))
      {
        *kind = (SlDocumentKind) i;
        return TRUE;
      }

  return FALSE;
}

gboolean
sl_document_kind_is_per_meeting (SlDocumentKind kind)
{
  return kind == SL_DOCUMENT_MINUTES || kind == SL_DOCUMENT_SIGN_IN ||
         kind == SL_DOCUMENT_SESSION_PLAN;
}

gboolean
sl_document_kind_is_per_member (SlDocumentKind kind)
{
  return kind == SL_DOCUMENT_MEMBER_CARD;
}

/* A meeting's record and sign-in sheet are pages to print and sign, and
 * so is a member's card; the year's documents are tables, which a
 * spreadsheet serves as well. */
gboolean
sl_document_kind_has_format (SlDocumentKind   kind,
                             SlDocumentFormat format)
{
  g_return_val_if_fail ((guint) kind < G_N_ELEMENTS (kind_codes), FALSE);

  switch (format)
    {
    case SL_DOCUMENT_FORMAT_PDF:  return TRUE;
    case SL_DOCUMENT_FORMAT_XLSX: return !sl_document_kind_is_per_meeting (kind) &&
                                         !sl_document_kind_is_per_member (kind);
    default:                      return FALSE;
    }
}

const char *
sl_document_format_to_code (SlDocumentFormat format)
{
  switch (format)
    {
    case SL_DOCUMENT_FORMAT_XLSX: return "xlsx";
    case SL_DOCUMENT_FORMAT_PDF:  return "pdf";
    default:                      g_return_val_if_reached (NULL);
    }
}

gboolean
sl_document_format_from_code (const char       *code,
                              SlDocumentFormat *format)
{
  g_return_val_if_fail (format != NULL, FALSE);

  if (g_strcmp0 (code, "xlsx") == 0)
    *format = SL_DOCUMENT_FORMAT_XLSX;
  else if (g_strcmp0 (code, "pdf") == 0)
    *format = SL_DOCUMENT_FORMAT_PDF;
  else
    return FALSE;

  return TRUE;
}
