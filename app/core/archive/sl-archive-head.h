/* sl-archive-head.h — the head's arrays of a streamed archive (private)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "sl-archive-people.h"
#include "sl-archive-reader.h"
#include "sl-archive-spool.h"
#include "sl-json-document.h"

G_BEGIN_DECLS

/* The top-level arrays that a streamed file's first pass leaves out of
 * the rest, read from the file one element at a time: every array that
 * grows with the years (docs/performance.md). The meetings first. */
typedef enum
{
  SL_ARCHIVE_HEAD_MEETINGS,
  SL_ARCHIVE_HEAD_MEMBERS,
  SL_ARCHIVE_HEAD_PLANS,
  SL_ARCHIVE_HEAD_RESEARCH_TOPICS,
  SL_ARCHIVE_HEAD_PEOPLE,   /* + the kind (sl_archive_people_kind()) */
  SL_ARCHIVE_N_HEAD = SL_ARCHIVE_HEAD_PEOPLE + SL_ARCHIVE_N_PEOPLE_KINDS
} SlArchiveHeadArray;

/* Where the meetings are: the text of the array (split), the file
 * (streamed), or neither (in the document). */
typedef struct
{
  const char     *meetings;
  gsize           meetings_length;
  int             fd;         /* -1: not streamed */
  SlArchiveSpool *spool;      /* streamed: where attachments' base64 goes */
  /* streamed: where each array of the head (SlArchiveHeadArray) begins
   * in the file; 0: read with the rest (sl-archive-head.c) */
  guint64         head[SL_ARCHIVE_N_HEAD];
} SlArchiveBodySource;


extern const char * const sl_archive_head_keys[SL_ARCHIVE_N_HEAD];

gboolean sl_archive_head_read_array (Reader                     *reader,
                                     const SlJsonValue          *root,
                                     const SlArchiveBodySource  *source,
                                     SlArchiveHeadArray          which,
                                     ReadFunc                    read,
                                     SinkFunc                    sink,
                                     gpointer                    sink_data,
                                     gboolean                   *unreadable,
                                     GError                    **error);

typedef gboolean (*SlArchiveHeadEachFunc) (Reader              *reader,
                                           gpointer             record,
                                           SlArchiveHeadArray   which,
                                           guint                index,
                                           GError             **error);

gboolean sl_archive_head_read       (Reader                     *reader,
                                     const SlJsonValue          *root,
                                     const SlArchiveBodySource  *source,
                                     gboolean                   *unreadable,
                                     GError                    **error);

gboolean sl_archive_head_each       (Reader                     *reader,
                                     const SlJsonValue          *root,
                                     const SlArchiveBodySource  *source,
                                     SlArchiveHeadEachFunc       each,
                                     gboolean                   *unreadable,
                                     GError                    **error);

gboolean sl_archive_head_is_json    (const SlArchiveBodySource  *source);

G_END_DECLS
