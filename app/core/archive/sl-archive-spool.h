/* sl-archive-spool.h — attachments' base64 text kept on disk while an archive is read
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef struct _SlArchiveSpool   SlArchiveSpool;
typedef struct _SlArchiveSpooled SlArchiveSpooled;

/* What the checks of an attachment's "data" need to know of its text
 * without holding it (sl-archive-evidence.c read_attachments()). */
struct _SlArchiveSpooled
{
  SlArchiveSpool *spool;     /* a reference */
  guint64         offset;    /* in the spool's file */
  guint64         length;    /* bytes of text, unescaped */
  gint64          first_bad; /* the first byte not [A-Za-z0-9+/=], or -1 */
  gint64          first_pad; /* the first '=', or -1 */
  char            bad;       /* the byte at first_bad */
  char            last[2];   /* the last two bytes: last[1] is the last */
};

SlArchiveSpool   *sl_archive_spool_new        (GError            **error);
SlArchiveSpool   *sl_archive_spool_ref        (SlArchiveSpool     *self);
void              sl_archive_spool_unref      (SlArchiveSpool     *self);

/* Writing one string: begin, add its bytes, end; end returns the text
 * that stands for it in the element (a JSON string's content, escaped). */
void              sl_archive_spool_begin      (SlArchiveSpool     *self);
void              sl_archive_spool_add        (SlArchiveSpool     *self,
                                               const char         *bytes,
                                               gsize               length);
const char       *sl_archive_spool_end        (SlArchiveSpool     *self);
gboolean          sl_archive_spool_failed     (SlArchiveSpool     *self);

SlArchiveSpooled *sl_archive_spooled_lookup   (const char         *text);
void              sl_archive_spooled_free     (SlArchiveSpooled   *spooled);
gssize            sl_archive_spooled_read     (SlArchiveSpooled   *spooled,
                                               guint64             position,
                                               char               *buffer,
                                               gsize               size);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (SlArchiveSpool, sl_archive_spool_unref)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (SlArchiveSpooled, sl_archive_spooled_free)

G_END_DECLS
