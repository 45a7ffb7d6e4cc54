/* sl-archive-import.h — an archive read, imported (private)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Between sl-archive-read.c, which reads the text (in memory, or streamed
 * from a file), and sl-archive-import.c, which checks and writes it.
 */

#pragma once

#include "sl-archive.h"
#include "sl-archive-head.h"
#include "sl-json-document.h"
#include "sl-ledger.h"

G_BEGIN_DECLS

/* How an archive is read in: added only, or merged (and then perhaps
 * rolled back, with a report of what it would change). */
typedef struct
{
  gboolean         merge;
  gboolean         dry_run;
  SlArchiveReport *report;
} SlArchiveImportOptions;

gboolean sl_archive_import_document (SlLedger                      *ledger,
                                     const SlJsonValue             *root,
                                     const SlArchiveBodySource     *source,
                                     const char                    *name,
                                     const SlArchiveImportOptions  *options,
                                     gboolean                      *unreadable,
                                     SlArchiveCounts               *counts,
                                     GError                       **error);

G_END_DECLS
