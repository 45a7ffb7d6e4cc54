/* sl-archive-merge.h — import-archive --merge: what the file leaves out (private)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "sl-archive.h"
#include "sl-ledger.h"

G_BEGIN_DECLS

/* The keys a merged record leaves out, noted by the reader: bit i for
 * field i of the record's table (sl-archive-fields.h), and these bits for
 * its lists (and an attendance row's make-up). */
#define SL_ABSENT_LIST(n)  (G_GUINT64_CONSTANT (1) << (32 + (n)))

enum
{
  SL_LIST_STUDIES,
  SL_LIST_ATTENDANCE,
  SL_LIST_GUESTS,
  SL_LIST_SPEECHES,
  SL_LIST_MEASURES,
  SL_LIST_SESSION_PLAN,   /* version 2: a meeting's session_plan */
};
#define SL_LIST_ITEMS   0   /* a plan's */
#define SL_LIST_MAKEUP  0   /* an attendance row's */

void     sl_archive_add_absent  (gpointer  object,
                                 guint64   bits);
guint64  sl_archive_get_absent  (gpointer  object);

/* The first required key a merged record leaves out ("members[2].name"):
 * the ledger's copy gives it, and a new record is refused. */
void        sl_archive_set_missing (gpointer    object,
                                    const char *where);
const char *sl_archive_get_missing (gpointer    object);

void     sl_archive_fill_from   (gpointer  record,
                                 gpointer  local);

typedef struct _SlArchiveMerger SlArchiveMerger;

SlArchiveMerger *sl_archive_merger_new  (SlLedger         *ledger,
                                         SlArchiveReport  *report);
void             sl_archive_merger_free (SlArchiveMerger  *self);
gboolean         sl_archive_merger_save (SlArchiveMerger  *self,
                                         gpointer          record,
                                         SlSaveFlags       flags,
                                         GError          **error);
gboolean         sl_archive_merger_end_meeting (SlArchiveMerger  *self,
                                                gpointer          record,
                                                GError          **error);

gboolean sl_archive_read_in (SlLedger         *ledger,
                             const char       *data,
                             gsize             length,
                             const char       *name,
                             gboolean          merge,
                             gboolean          dry_run,
                             SlArchiveReport  *report,
                             SlArchiveCounts  *counts,
                             GError          **error);

gboolean sl_archive_read_file (SlLedger         *ledger,
                               const char       *path,
                               gboolean          merge,
                               gboolean          dry_run,
                               SlArchiveReport  *report,
                               SlArchiveCounts  *counts,
                               GError          **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (SlArchiveMerger, sl_archive_merger_free)

G_END_DECLS
