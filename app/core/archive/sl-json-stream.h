/* sl-json-stream.h — a JSON file's top-level object read in pieces
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

#include "sl-archive-spool.h"

G_BEGIN_DECLS

typedef enum
{
  SL_JSON_STREAM_OK,
  SL_JSON_STREAM_SHAPE,   /* not the shape the stream reads: read the text whole */
  SL_JSON_STREAM_FAILED,  /* the file could not be read: @error says why */
} SlJsonStreamResult;

typedef struct _SlJsonStream SlJsonStream;

SlJsonStream       *sl_json_stream_new            (int              fd);
void                sl_json_stream_free           (SlJsonStream    *self);

void                sl_json_stream_set_spool      (SlJsonStream    *self,
                                                   const char      *key,
                                                   guint            depth,
                                                   SlArchiveSpool  *spool);

SlJsonStreamResult  sl_json_stream_read_without   (SlJsonStream    *self,
                                                   const char      *key,
                                                   GString         *rest,
                                                   GError         **error);
SlJsonStreamResult  sl_json_stream_read_without_keys (SlJsonStream       *self,
                                                   const char * const *keys,
                                                   guint               n_keys,
                                                   GString            *rest,
                                                   guint64            *offsets,
                                                   GError            **error);
SlJsonStreamResult  sl_json_stream_enter_array_at (SlJsonStream    *self,
                                                   guint64          offset,
                                                   GError         **error);
SlJsonStreamResult  sl_json_stream_enter_array    (SlJsonStream    *self,
                                                   const char      *key,
                                                   GError         **error);
SlJsonStreamResult  sl_json_stream_next_element   (SlJsonStream    *self,
                                                   GString         *element,
                                                   gboolean        *end,
                                                   GError         **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (SlJsonStream, sl_json_stream_free)

G_END_DECLS
