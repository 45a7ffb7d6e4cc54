/* sl-archive-types.h — what the archive's files share: its error, format and counts
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A leaf header, so that the writers of parts of the archive (the
 * evidence keys, sl-archive-evidence.c) can report with the archive's
 * error codes without including sl-archive.h, whose export calls them.
 * The error quark is defined in sl-archive.c.
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define SL_ARCHIVE_ERROR (sl_archive_error_quark ())

typedef enum
{
  SL_ARCHIVE_ERROR_READ,      /* the file cannot be read or is not JSON */
  SL_ARCHIVE_ERROR_FORMAT,    /* not an archive, or a newer version */
  SL_ARCHIVE_ERROR_INVALID,   /* a record or field is wrong */
  SL_ARCHIVE_ERROR_CONFLICT,  /* an id already in the ledger, without --merge */
  SL_ARCHIVE_ERROR_WRITE,     /* the output cannot be written */
} SlArchiveError;

GQuark sl_archive_error_quark (void);

#define SL_ARCHIVE_FORMAT  "study-ledger-archive"
#define SL_ARCHIVE_VERSION 2

/* Attachments whose bytes the streaming writer puts in itself
 * (sl-archive-evidence.h). */
typedef struct _SlArchiveDeferred SlArchiveDeferred;

typedef struct
{
  guint organizations;
  guint members;
  guint plans;
  guint meetings;
  guint research_topics;
} SlArchiveCounts;

G_END_DECLS
