/* sl-archive.h — the JSON interchange file (docs/archive.md)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <json-glib/json-glib.h>

#include "sl-archive-types.h"
#include "sl-types.h"

G_BEGIN_DECLS

/**
 * SlArchiveChange:
 * @added: TRUE for a record the ledger did not have, FALSE for one changed
 * @record: the kind of record: "organization", "member", "plan", "meeting",
 *   "research_topic"
 * @id: its id (lower case)
 * @label: its name or title, or NULL
 * @fields: for a changed record, the archive keys whose values change,
 *   ", " between them ("decisions, note", "guests")
 *
 * One line of what a merge adds or changes (sl_archive_merge()).
 */
typedef struct
{
  gboolean    added;
  const char *record;
  char       *id;
  char       *label;
  char       *fields;
} SlArchiveChange;

/* What a merge did, or would do: the records added and changed, in the
 * file's order, and how many were left as they were. */
typedef struct
{
  GPtrArray *changes;   /* SlArchiveChange */
  guint      added;
  guint      changed;
  guint      unchanged;
} SlArchiveReport;

void      sl_archive_report_init   (SlArchiveReport  *report);
void      sl_archive_report_clear  (SlArchiveReport  *report);
char     *sl_archive_report_format (const SlArchiveReport *report,
                                    const char       *name,
                                    gboolean          dry_run);

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (SlArchiveReport, sl_archive_report_clear)

JsonNode *sl_archive_build   (SlLedger         *ledger,
                              SlArchiveCounts  *counts,
                              GError          **error);
gboolean  sl_archive_export  (SlLedger         *ledger,
                              const char       *path,
                              SlArchiveCounts  *counts,
                              GError          **error);
gboolean  sl_archive_export_checked (SlLedger  *ledger,
                              const char       *path,
                              SlArchiveCounts  *counts,
                              GError          **error);
/* For the archive's writers: one meeting's element of "meetings", and a
 * node generated as the archive prints it (sl-archive.c). The streaming
 * writer is sl-archive-stream.c. */
JsonNode *sl_archive_meeting_to_node (SlLedger   *ledger,
                              SlMeeting        *meeting,
                              GHashTable       *with_evidence,
                              SlArchiveDeferred *deferred,
                              GError          **error);
char     *sl_archive_generate (JsonNode        *root,
                              gsize            *length);
gboolean  sl_archive_export_tree (SlLedger   *ledger,
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

gboolean  sl_archive_merge   (SlLedger         *ledger,
                              const char       *path,
                              gboolean          dry_run,
                              SlArchiveCounts  *counts,
                              SlArchiveReport  *report,
                              GError          **error);
gboolean  sl_archive_merge_data (SlLedger      *ledger,
                              const char       *data,
                              gsize             length,
                              const char       *name,
                              gboolean          dry_run,
                              SlArchiveCounts  *counts,
                              SlArchiveReport  *report,
                              GError          **error);

char     *sl_archive_canonical_id (const char  *id);

G_END_DECLS
