/* sl-archive-ids.h — every id of an archive being read, kept on disk
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef struct _SlArchiveIds SlArchiveIds;

typedef enum
{
  SL_ARCHIVE_IDS_NEW,        /* noted */
  SL_ARCHIVE_IDS_DUPLICATE,  /* the file had it already: where is set */
  SL_ARCHIVE_IDS_FAILED,     /* the table could not be written: error is set */
} SlArchiveIdsResult;

SlArchiveIds       *sl_archive_ids_new  (GError      **error);
void                sl_archive_ids_free (SlArchiveIds *self);
SlArchiveIdsResult  sl_archive_ids_add  (SlArchiveIds *self,
                                         const char   *id,
                                         int           kind,
                                         const char   *where,
                                         char        **other,
                                         GError      **error);
gboolean            sl_archive_ids_has  (SlArchiveIds *self,
                                         const char   *id,
                                         int           kind);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (SlArchiveIds, sl_archive_ids_free)

G_END_DECLS
