/* sl-archive-evidence.h — the archive's version 2 evidence keys
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <json-glib/json-glib.h>

#include "sl-archive-hash-form.h"
#include "sl-archive-types.h"
#include "sl-attachments.h"
#include "sl-evidence.h"
#include "sl-json-document.h"
#include "sl-types.h"

G_BEGIN_DECLS

/* Writing: inside the meeting's open object, and the top-level locks
 * (sl-archive-locks.c, as sl_archive_store_locks()). */
/* The attachments of one element whose "data" the streaming writer puts
 * in itself, each in place of a placeholder (sl_archive_deferred_new()). */
struct _SlArchiveDeferred
{
  char   *prefix;   /* of every placeholder: a random nonce */
  GArray *keys;     /* gint64: the attachment of placeholder i, in order */
};

SlArchiveDeferred *sl_archive_deferred_new   (void);
void      sl_archive_deferred_free       (SlArchiveDeferred  *deferred);
char     *sl_archive_deferred_placeholder (SlArchiveDeferred *deferred,
                                          guint               index);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (SlArchiveDeferred, sl_archive_deferred_free)

gboolean  sl_archive_encode_attachment   (SlLedger           *ledger,
                                          gint64              attachment_key,
                                          SlAttachmentSink    sink,
                                          gpointer            data,
                                          GError            **error);
GHashTable *sl_archive_evidence_keys     (SlLedger           *ledger,
                                          GError            **error);
gboolean  sl_archive_write_evidence      (JsonBuilder        *builder,
                                          SlLedger           *ledger,
                                          SlMeeting          *meeting,
                                          GHashTable         *with_evidence,
                                          SlArchiveDeferred  *deferred,
                                          GError            **error);
gboolean  sl_archive_write_locks         (JsonBuilder        *builder,
                                          SlLedger           *ledger,
                                          GError            **error);

/* The times of the evidence and the locks (RFC 3339), and what a
 * message says of one that is not. */
gboolean  sl_archive_is_rfc3339          (const char         *text);
#define SL_ARCHIVE_RFC3339_HINT \
  N_("“%s” is not a time; write it as RFC 3339, such as 2024-01-03T09:30:00+08:00")

/* Reading: the keys of one meeting, kept with the meeting object until
 * it is written (sl_archive_evidence_end()). */
gboolean  sl_archive_read_evidence       (const SlJsonValue  *json,
                                          SlMeeting          *meeting,
                                          char              **field,
                                          GError            **error);
SlMeetingChange *sl_archive_evidence_begin (SlLedger         *ledger,
                                          SlMeeting          *meeting,
                                          GError            **error);
gboolean  sl_archive_evidence_end        (SlLedger           *ledger,
                                          SlMeeting          *meeting,
                                          SlMeetingChange    *change,
                                          gboolean            ok,
                                          gboolean            merge,
                                          GError            **error);
gboolean  sl_archive_store_locks         (SlLedger           *ledger,
                                          const SlJsonValue  *root,
                                          GError            **error);

G_END_DECLS
