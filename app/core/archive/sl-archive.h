/* sl-archive.h — the JSON interchange file (docs/archive.md)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <json-glib/json-glib.h>

#include "sl-types.h"

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
#define SL_ARCHIVE_VERSION 1

typedef struct
{
  guint organizations;
  guint members;
  guint plans;
  guint meetings;
  guint research_topics;
} SlArchiveCounts;

JsonNode *sl_archive_build   (SlLedger         *ledger,
                              SlArchiveCounts  *counts,
                              GError          **error);
gboolean  sl_archive_export  (SlLedger         *ledger,
                              const char       *path,
                              SlArchiveCounts  *counts,
                              GError          **error);
gboolean  sl_archive_import  (SlLedger         *ledger,
                              const char       *path,
                              gboolean          merge,
                              SlArchiveCounts  *counts,
                              GError          **error);
gboolean  sl_archive_import_data (SlLedger     *ledger,
                              const char       *data,
                              gsize             length,
                              const char       *name,
                              gboolean          merge,
                              SlArchiveCounts  *counts,
                              GError          **error);

G_END_DECLS
