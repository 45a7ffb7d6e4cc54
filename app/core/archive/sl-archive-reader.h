/* sl-archive-reader.h — reading the archive's records from parsed JSON (private)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * For sl-archive-import.c only: the record builders of sl-archive-reader.c
 * turn a JSON object into a record, checking each value, and note the ids
 * read and the references to check once everything is read.
 */

#pragma once

#include <gio/gio.h>

#include "sl-archive-fields.h"
#include "sl-archive-ids.h"
#include "sl-archive-merge.h"
#include "sl-archive-people.h"
#include "sl-json-document.h"
#include "sl-ledger.h"

G_BEGIN_DECLS

/* Where a value is in the file: "meetings[3].attendance[7]". Built on the
 * stack as the reader descends and written out only for a message (or
 * for the id of a record), not for each of the hundreds of thousands of
 * values that are fine. */
typedef struct _Path Path;
struct _Path
{
  const Path *parent;
  const char *key;
  int         index;   /* -1: not an element */
};

/* A reference that may name a record further on in the file: an
 * organization's parent. Every other kind of record that a reference
 * names is read before the records that name it. */
typedef struct
{
  char    *path;   /* "organizations[3].parent" */
  RefKind  kind;
  char    *id;
} PendingRef;

typedef struct
{
  SlLedger   *ledger;
  gboolean    merge;
  gboolean    dry_run;            /* merge, then roll back */
  SlArchiveMerger *merger;        /* merge: saves over the ledger's copies */

  /* what the file holds */
  GPtrArray  *organizations;
  GPtrArray  *members;
  GPtrArray  *plans;
  GPtrArray  *people[SL_ARCHIVE_N_PEOPLE_KINDS];   /* version 2: topics, talks... */
  guint       people_kind;        /* the kind being read */
  GPtrArray  *meeting_refs;       /* PendingRef to meetings: checked after the body */

  SlArchiveIds *ids;              /* every id in the file, its kind and path */
  GHashTable *targets[N_REFS];    /* ids that references may name, but meetings' */
  GHashTable *in_ledger[N_REFS];  /* ids named that the ledger has */
  GPtrArray  *refs;               /* PendingRef, checked once all is read */
  RefKind     reading;            /* the kind whose records are being read */
  gboolean    ledger_ids_collected;
  gboolean    into_empty;         /* the ledger had no record: nothing can conflict */
  gboolean    replay;             /* a streamed array read again: ids and references noted */
  guint       n_members;          /* read, kept or streamed */
  guint       n_plans;
} Reader;

typedef gpointer (*ReadFunc) (Reader             *reader,
                              const SlJsonValue  *json,
                              const Path         *path,
                              GError            **error);

/* Where sl_archive_reader_read_array() puts each record it reads, taking
 * it; FALSE stops the reading early, without an error (the import is
 * being cancelled). */
typedef gboolean (*SinkFunc) (gpointer object,
                              gpointer data);

/* "@path.@field: what is wrong"; either may be NULL */
gboolean sl_archive_reader_invalid (GError     **error,
                                    const Path  *path,
                                    const char  *field,
                                    const char  *format,
                                    ...) G_GNUC_PRINTF (4, 5);

void sl_archive_reader_pending_ref_free (gpointer data);

void sl_archive_reader_clear (Reader *reader);

const char * sl_archive_reader_describe_node (const SlJsonValue *node);

gboolean sl_archive_reader_node_is (const SlJsonValue *node,
                                    SlJsonKind         kind);

const char * sl_archive_reader_ref_description (RefKind kind);

gboolean sl_archive_reader_check_references (Reader  *reader,
                                             GError **error);

gboolean sl_archive_reader_has_target (Reader     *reader,
                                       RefKind     kind,
                                       const char *id);

gboolean sl_archive_reader_sink_array (gpointer object,
                                       gpointer data);

gboolean sl_archive_reader_read_array (Reader             *reader,
                                       const SlJsonValue  *json,
                                       const Path         *parent,
                                       const char         *key,
                                       ReadFunc            read,
                                       SinkFunc            sink,
                                       gpointer            sink_data,
                                       GError            **error);

gpointer sl_archive_reader_read_people (Reader             *reader,
                                        const SlJsonValue  *json,
                                        const Path         *path,
                                        GError            **error);

gpointer sl_archive_reader_read_meeting (Reader             *reader,
                                         const SlJsonValue  *json,
                                         const Path         *path,
                                         GError            **error);

gpointer sl_archive_reader_read_plan (Reader             *reader,
                                      const SlJsonValue  *json,
                                      const Path         *path,
                                      GError            **error);

gpointer sl_archive_reader_read_organization (Reader             *reader,
                                              const SlJsonValue  *json,
                                              const Path         *path,
                                              GError            **error);

gpointer sl_archive_reader_read_member (Reader             *reader,
                                        const SlJsonValue  *json,
                                        const Path         *path,
                                        GError            **error);

gpointer sl_archive_reader_read_plan_item (Reader             *reader,
                                           const SlJsonValue  *json,
                                           const Path         *path,
                                           GError            **error);

gpointer sl_archive_reader_read_study (Reader             *reader,
                                       const SlJsonValue  *json,
                                       const Path         *path,
                                       GError            **error);

gpointer sl_archive_reader_read_measure (Reader             *reader,
                                         const SlJsonValue  *json,
                                         const Path         *path,
                                         GError            **error);

gpointer sl_archive_reader_read_research_topic (Reader             *reader,
                                                const SlJsonValue  *json,
                                                const Path         *path,
                                                GError            **error);

G_END_DECLS
