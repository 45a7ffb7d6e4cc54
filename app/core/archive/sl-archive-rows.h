/* sl-archive-rows.h — the archive's meetings written straight from the rows (private)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

#include "sl-types.h"

G_BEGIN_DECLS

/* Takes the next piece of the document; a failed write is the caller's
 * to note (the stream's error). */
typedef void     (*SlArchiveRowsWrite)  (gpointer    data,
                                         const char *text,
                                         gsize       length);
/* Whether a write has failed: there is then no point reading on. */
typedef gboolean (*SlArchiveRowsFailed) (gpointer    data);

typedef struct _SlArchiveRows SlArchiveRows;

SlArchiveRows *sl_archive_rows_new        (SlLedger             *ledger,
                                           GHashTable           *with_evidence,
                                           SlArchiveRowsWrite    write,
                                           SlArchiveRowsFailed   failed,
                                           gpointer              data);
void           sl_archive_rows_free       (SlArchiveRows        *rows);
gboolean       sl_archive_rows_write      (SlArchiveRows        *rows,
                                           int                   first_year,
                                           int                   last_year,
                                           GError              **error);
guint          sl_archive_rows_get_count  (SlArchiveRows        *rows);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (SlArchiveRows, sl_archive_rows_free)

G_END_DECLS
