/* sl-binder-export.c — the year's binder (年度学习档案): the one door
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The command line and the window ask for the binder here. This file
 * links no Cairo: the binder is drawn by the pages, whose module registers
 * its writer (sl-binder.c) when sl_document_load_pages() loads it; the
 * file is made as every document is, under a temporary name
 * (sl_document_write_file()).
 */

#define G_LOG_DOMAIN "sl-binder-export"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "sl-binder-export.h"
#include "sl-document.h"
#include "sl-ledger.h"

static SlBinderWriter binder_writer;   /* atomic */

void
sl_binder_register_writer (SlBinderWriter writer)
{
  g_atomic_pointer_set (&binder_writer, writer);
}

const char *
sl_binder_format_to_code (SlBinderFormat format)
{
  return format == SL_BINDER_FORMAT_ZIP ? "zip" : "pdf";
}

gboolean
sl_binder_format_from_code (const char     *code,
                            SlBinderFormat *format)
{
  if (g_strcmp0 (code, "pdf") == 0)
    *format = SL_BINDER_FORMAT_PDF;
  else if (g_strcmp0 (code, "zip") == 0)
    *format = SL_BINDER_FORMAT_ZIP;
  else
    return FALSE;
  return TRUE;
}

typedef struct
{
  SlLedger        *ledger;
  int              year;
  const char      *organization;
  SlBinderFormat   format;
  SlBinderProgress progress;
  gpointer         data;
  GCancellable    *cancellable;
} BinderWrite;

static gboolean
write_binder (const char  *temporary,
              gpointer     data,
              GError     **error)
{
  BinderWrite *write = data;
  SlBinderWriter writer = g_atomic_pointer_get (&binder_writer);

  return writer (write->ledger, write->year, write->organization, write->format, temporary,
                 write->progress, write->data, write->cancellable, error);
}

gboolean
sl_binder_export (SlLedger        *ledger,
                  int              year,
                  const char      *organization,
                  SlBinderFormat   format,
                  const char      *path,
                  SlBinderProgress progress,
                  gpointer         data,
                  GCancellable    *cancellable,
                  GError         **error)
{
  BinderWrite write = { ledger, year, organization, format, progress, data, cancellable };

  g_return_val_if_fail (SL_IS_LEDGER (ledger), FALSE);
  g_return_val_if_fail (path != NULL && *path != '\0', FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (year < 1 || year > 9999)
    {
      g_set_error (error, SL_DOCUMENT_ERROR, SL_DOCUMENT_ERROR_INVALID,
                   _("The year's binder is made for one year; %d is not a year"), year);
      return FALSE;
    }

  if (organization != NULL && sl_ledger_find_organization (ledger, organization) == NULL)
    {
      g_set_error (error, SL_DOCUMENT_ERROR, SL_DOCUMENT_ERROR_NOT_FOUND,
                   _("No organization has the id %s"), organization);
      return FALSE;
    }

  if (!sl_document_load_pages (error))
    return FALSE;

  if (g_atomic_pointer_get (&binder_writer) == NULL)
    {
      g_set_error (error, SL_DOCUMENT_ERROR, SL_DOCUMENT_ERROR_WRITE,
                   _("The year's binder cannot be written: this program has no pages; "
                     "reinstall Study Ledger"));
      return FALSE;
    }

  return sl_document_write_file (path, write_binder, &write, error);
}
