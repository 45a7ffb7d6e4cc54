/* sl-evidence.h — final meetings, their revisions, and locked years
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "sl-evidence-error.h"
#include "sl-ledger.h"
#include "sl-revision-session.h"
#include "sl-types.h"

G_BEGIN_DECLS

/* A final meeting: when, by whom, and the hash of its hash form. */
typedef struct
{
  char *finalized_at;
  char *finalized_by;
  char *hash;
} SlFinal;

/* One revision of a final meeting (docs/archive.md, version 2). */
typedef struct
{
  int   revision;
  char *at;
  char *by;
  char *reason;
  char *hash;
  char *chain;
  char *snapshot;
} SlRevision;

/* One lock of a year, current (unlocked_at NULL) or past. */
typedef struct
{
  char *organization;   /* its id */
  int   year;
  char *locked_at;
  char *locked_by;
  char *unlocked_at;
  char *unlock_reason;
} SlYearLock;

void        sl_final_free               (SlFinal     *final);
void        sl_revision_free            (SlRevision  *revision);
void        sl_year_lock_free           (SlYearLock  *lock);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (SlFinal, sl_final_free)

char       *sl_evidence_now             (void);
/* The settings key of a meeting's last revision: "<number> <chain>"
 * (written by sl-evidence.c, checked by sl-evidence-check.c). */
#define SL_EVIDENCE_REVISION_HEAD "revision_head:"
gboolean    sl_evidence_set_revision_head (SlLedger    *ledger,
                                           const char  *meeting_id,
                                           int          revision,
                                           const char  *chain,
                                           GError     **error);

/* The setting that remembers who finalises (sl_evidence_default_by()). */
#define SL_EVIDENCE_BY_SETTING "finalize_by"
const char *sl_evidence_default_by      (SlLedger    *ledger);
char       *sl_evidence_chain           (const char  *previous_chain,
                                         const char  *hash,
                                         const char  *at,
                                         const char  *by,
                                         const char  *reason);

char       *sl_evidence_hash_form       (SlLedger    *ledger,
                                         SlMeeting   *meeting,
                                         gboolean     without_progress,
                                         GError     **error);
gboolean    sl_evidence_get_final       (SlLedger    *ledger,
                                         gint64       meeting_key,
                                         SlFinal    **final,
                                         GError     **error);
GPtrArray  *sl_evidence_load_revisions  (SlLedger    *ledger,
                                         gint64       meeting_key,
                                         GError     **error);
GPtrArray  *sl_evidence_load_locks      (SlLedger    *ledger,
                                         GError     **error);

gboolean    sl_evidence_finalize        (SlLedger    *ledger,
                                         const char  *meeting_id,
                                         const char  *by,
                                         SlFinal    **final,
                                         GError     **error);
/* What keeps a meeting from being final: a speech half filled. */
typedef enum
{
  SL_SPEECH_GAP_NONE,
  SL_SPEECH_GAP_POINTS,    /* who spoke, but not what was said */
  SL_SPEECH_GAP_SPEAKER,   /* what was said, but not who */
} SlSpeechGap;

typedef struct
{
  SlSpeechGap  gap;
  guint        position;   /* in the meeting's speeches, empty rows counted */
  guint        number;     /* as printed, from 1: empty rows not counted */
  const char  *speaker;    /* the name, for SL_SPEECH_GAP_POINTS; the meeting's or the roster's */
} SlSpeechGapAt;

/* The first half-filled speech of @meeting, as finalising would find it
 * (sl-evidence-ready.c); FALSE when there is none. */
gboolean    sl_evidence_find_speech_gap (SlLedger     *ledger,
                                         SlMeeting    *meeting,
                                         SlSpeechGapAt *at);
/* Within finalising: refuses a half-filled speech, drops the empty
 * ones (sl-evidence-ready.c). */
gboolean    sl_evidence_ready_to_finalize (SlLedger  *ledger,
                                         SlMeeting   *meeting,
                                         gboolean    *dropped,
                                         GError     **error);
/* sl_ledger_save_meeting() with a reason and an author: the way to
 * change a final meeting. */
gboolean    sl_ledger_save_meeting_with_reason (SlLedger *ledger,
                                         SlMeeting   *meeting,
                                         SlSaveFlags  flags,
                                         const char  *by,
                                         const char  *reason,
                                         GError     **error);

gboolean    sl_evidence_lock_year       (SlLedger    *ledger,
                                         const char  *organization,
                                         int          year,
                                         const char  *by,
                                         GError     **error);
gboolean    sl_evidence_unlock_year     (SlLedger    *ledger,
                                         const char  *organization,
                                         int          year,
                                         const char  *reason,
                                         GError     **error);

/* Locked years (sl-evidence-locks.c). What every change to a year's
 * records asks first (sl-ledger.c). */
gboolean    sl_evidence_any_lock        (SlLedger    *ledger);
gboolean    sl_evidence_check_year_open (SlLedger    *ledger,
                                         const char  *organization,
                                         int          year,
                                         GError     **error);
gboolean    sl_evidence_check_row_open  (SlLedger    *ledger,
                                         GType        record_type,
                                         const char  *id,
                                         GError     **error);

gboolean    sl_evidence_check_record_change (SlLedger *ledger,
                                         gpointer     record,
                                         GError     **error);
gboolean    sl_evidence_check_delete    (SlLedger    *ledger,
                                         gpointer     record,
                                         GError     **error);

/* A change to one meeting, final or in a locked year: opened before its
 * rows are written, closed after, in the same transaction. Changes nest:
 * only the outermost one for a meeting compares and records. */
typedef struct _SlMeetingChange SlMeetingChange;

SlMeetingChange *sl_evidence_change_begin (SlLedger   *ledger,
                                         const char  *meeting_id,
                                         const char  *by,
                                         const char  *reason,
                                         GError     **error);
gboolean    sl_evidence_change_end      (SlLedger    *ledger,
                                         SlMeetingChange *change,
                                         gboolean     ok,
                                         GError     **error);

/* A change that only follows up the measures of a final meeting still
 * needs its own reason: a merge's (sl-archive-evidence.c). */
void        sl_evidence_change_require_reason (SlMeetingChange *change);
/* A change whose revisions the caller stores itself: those that another
 * desk made, which extend the ledger's chain (sl-archive-evidence.c). */
void        sl_evidence_change_skip_revision  (SlMeetingChange *change);

/* The reason and author of changes made by an import (--merge --reason). */
void        sl_evidence_set_reason      (SlLedger    *ledger,
                                         const char  *by,
                                         const char  *reason);

void        sl_evidence_set_session     (SlLedger          *ledger,
                                         SlRevisionSession *session);

/* For `check`: each final meeting whose content no longer matches its
 * hash, each broken revision chain; one line each. */
gboolean    sl_evidence_verify          (SlLedger    *ledger,
                                         GPtrArray   *problems,
                                         GError     **error);

/* The ids of every final meeting, for lists that mark drafts. */
GStrv       sl_evidence_final_meetings  (SlLedger    *ledger,
                                         GError     **error);

G_END_DECLS
