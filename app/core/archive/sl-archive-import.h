/* sl-archive-import.h — an archive read, imported (private)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Between sl-archive-read.c, which reads the text (in memory, or streamed
 * from a file), and sl-archive-import.c, which checks and writes it.
 */

#pragma once

#include "sl-archive.h"
#include "sl-archive-spool.h"
#include "sl-json-document.h"
#include "sl-ledger.h"

G_BEGIN_DECLS

/* Where the meetings are: the text of the array (split), the file
 * (streamed), or neither (in the document). */
typedef struct
{
  const char     *meetings;
  gsize           meetings_length;
  int             fd;         /* -1: not streamed */
  SlArchiveSpool *spool;      /* streamed: where attachments' base64 goes */
} SlArchiveBodySource;

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
