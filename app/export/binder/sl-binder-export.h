/* sl-binder-export.h — the year's binder (年度学习档案): the one door
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "sl-document-types.h"

G_BEGIN_DECLS

typedef enum
{
  SL_BINDER_FORMAT_PDF,   /* one PDF: cover, 卷内目录, bookmarks, every item */
  SL_BINDER_FORMAT_ZIP,   /* numbered folders, originals, README.txt, SHA256SUMS */
} SlBinderFormat;

/* "pdf" or "zip", and back. */
const char *sl_binder_format_to_code   (SlBinderFormat  format);
gboolean    sl_binder_format_from_code (const char     *code,
                                        SlBinderFormat *format);

/* Called between items, from the thread that exports, with the share
 * done (0 to 1) and what is being bound. */
typedef void (*SlBinderProgress) (double      fraction,
                                  const char *item,
                                  gpointer    data);

typedef gboolean (*SlBinderWriter) (SlLedger       *ledger,
                                    int             year,
                                    const char     *organization,
                                    SlBinderFormat  format,
                                    const char     *path,
                                    SlBinderProgress progress,
                                    gpointer        data,
                                    GCancellable   *cancellable,
                                    GError        **error);

/* By the pages' entry point (sl-pdf-export.c): the binder is drawn with
 * them and lives in their module. */
void     sl_binder_register_writer (SlBinderWriter   writer);

/* Writes @year's binder (of @organization, an id, or of every
 * organization) to @path through a temporary file renamed into place when
 * complete. Cancelled, it leaves nothing and fails with G_IO_ERROR_CANCELLED. */
gboolean sl_binder_export          (SlLedger        *ledger,
                                    int              year,
                                    const char      *organization,
                                    SlBinderFormat   format,
                                    const char      *path,
                                    SlBinderProgress progress,
                                    gpointer         data,
                                    GCancellable    *cancellable,
                                    GError         **error);

G_END_DECLS
