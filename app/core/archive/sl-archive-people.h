/* sl-archive-people.h — the archive's topic pool, talks, branch reports and study notes (private)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <json-glib/json-glib.h>

#include "sl-archive-fields.h"
#include "sl-ledger.h"

G_BEGIN_DECLS

/* One of the four arrays that version 2 adds, in the order the reader
 * reads them: topics first, which studies name. */
typedef struct
{
  const char   *key;        /* "topics" */
  const char   *code;       /* "topic": SlArchiveChange.record */
  GType       (*get_type) (void);
  const Field  *fields;
  guint         n_fields;
  RefKind       target;     /* what references to it are, or REF_NONE */
} SlArchivePeopleKind;

#define SL_ARCHIVE_N_PEOPLE_KINDS 4

const SlArchivePeopleKind *sl_archive_people_kind   (guint        index);
const SlArchivePeopleKind *sl_archive_people_kind_of (gpointer    record);
const Field               *sl_archive_people_fields (gpointer     record,
                                                     guint       *n_fields);
const char                *sl_archive_people_noun   (const char  *code);
char                      *sl_archive_people_label  (gpointer     record);
gboolean                   sl_archive_people_save   (SlLedger    *ledger,
                                                     gpointer     record,
                                                     GError     **error);
GHashTable                *sl_archive_people_index  (SlLedger    *ledger,
                                                     GError     **error);

/* A meeting's "session_plan" key: the plan's object, or null. */
void sl_archive_write_session_plan (JsonBuilder    *builder,
                                    SlSessionPlan  *plan);

/* The four arrays as the ledger holds them, loaded in the export's read
 * transaction and written after it. */
typedef struct _SlArchivePeople SlArchivePeople;

SlArchivePeople *sl_archive_people_load  (SlLedger         *ledger,
                                          GError          **error);
void             sl_archive_people_write (JsonBuilder      *builder,
                                          SlArchivePeople  *people);
void             sl_archive_people_free  (SlArchivePeople  *people);
GPtrArray       *sl_archive_people_list  (SlArchivePeople  *people,
                                          guint             index);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (SlArchivePeople, sl_archive_people_free)

G_END_DECLS
