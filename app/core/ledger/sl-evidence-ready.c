/* sl-evidence-ready.c — what 定稿 asks of a meeting's content
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Finalising fixes the record as evidence (sl_evidence_finalize()), so
 * what it fixes must read as a record: a tester finalised a meeting with
 * an empty 研讨发言 row and its minutes printed “研讨发言 / ：”. A row with
 * no speaker and no words is one the secretary added by accident: it is
 * no evidence, and is dropped as the meeting becomes final. A row that
 * names who spoke but not what was said, or what was said but not who, is
 * half a record: finalising is refused, naming the meeting and the row,
 * until she completes or deletes it.
 */

#define G_LOG_DOMAIN "sl-evidence"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "sl-evidence.h"
#include "sl-ledger.h"
#include "sl-meeting.h"
#include "sl-member.h"
#include "sl-speech.h"

static const char *
speaker_name (SlLedger *ledger,
              SlSpeech *speech)
{
  const char *id = sl_speech_get_speaker (speech);
  SlMember *member = !sl_speech_text_is_blank (id) ? sl_ledger_find_member (ledger, id) : NULL;

  if (member != NULL)
    return sl_member_get_name (member);
  if (!sl_speech_text_is_blank (sl_speech_get_speaker_name (speech)))
    return sl_speech_get_speaker_name (speech);
  return NULL;
}

/**
 * sl_evidence_find_speech_gap:
 * @at: (out): where the first half-filled speech is, and what it lacks
 *
 * The check finalising makes, for the window to show and take the
 * secretary to before she is asked to sign off: the first speech that
 * names who spoke but not what was said, or what was said but not who.
 * Empty rows are skipped, and not counted in the number printed.
 *
 * Returns: whether there is one
 */
gboolean
sl_evidence_find_speech_gap (SlLedger      *ledger,
                             SlMeeting     *meeting,
                             SlSpeechGapAt *at)
{
  GListModel *speeches = sl_meeting_get_speeches (meeting);
  guint n = g_list_model_get_n_items (speeches);
  guint number = 0;

  g_return_val_if_fail (SL_IS_LEDGER (ledger), FALSE);
  g_return_val_if_fail (SL_IS_MEETING (meeting), FALSE);
  g_return_val_if_fail (at != NULL, FALSE);

  *at = (SlSpeechGapAt) { SL_SPEECH_GAP_NONE, 0, 0, NULL };
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(SlSpeech) speech = g_list_model_get_item (speeches, i);
      const char *name;

      if (sl_speech_is_empty (speech))
        continue;

      /* Counted as printed: the empty rows are not there. */
      number++;
      name = speaker_name (ledger, speech);
      if (name == NULL || sl_speech_text_is_blank (sl_speech_get_points (speech)))
        {
          *at = (SlSpeechGapAt) { name == NULL ? SL_SPEECH_GAP_SPEAKER : SL_SPEECH_GAP_POINTS,
                                  i, number, name };
          return TRUE;
        }
    }
  return FALSE;
}

/**
 * sl_evidence_ready_to_finalize:
 * @meeting: the meeting as loaded, in the finalising transaction
 *
 * Refuses a meeting whose content is not yet a record, and saves it
 * without its empty speech rows, so that the hash taken next is of what
 * is stored (and printed).
 *
 * Returns: %FALSE with %SL_EVIDENCE_ERROR_INCOMPLETE on a half-filled
 *   speech; nothing was written then. @dropped says whether the meeting
 *   was saved without empty rows (an editor open on it reads it again).
 */
gboolean
sl_evidence_ready_to_finalize (SlLedger   *ledger,
                               SlMeeting  *meeting,
                               gboolean   *dropped,
                               GError    **error)
{
  GListModel *speeches = sl_meeting_get_speeches (meeting);
  g_autoptr(GPtrArray) empty = g_ptr_array_new_with_free_func (g_object_unref);
  const char *title = sl_meeting_get_title (meeting) ? sl_meeting_get_title (meeting) : "";
  const char *id = sl_record_get_id (SL_RECORD (meeting));
  guint n = g_list_model_get_n_items (speeches);
  SlSpeechGapAt at;

  *dropped = FALSE;
  if (sl_evidence_find_speech_gap (ledger, meeting, &at))
    {
      if (at.gap == SL_SPEECH_GAP_POINTS)
        g_set_error (error, SL_EVIDENCE_ERROR, SL_EVIDENCE_ERROR_INCOMPLETE,
                     _("meeting %s (“%s”): speech %u, by %s, has no text; write what was said, "
                       "or delete the speech, then finalise again"),
                     id, title, at.number, at.speaker);
      else
        g_set_error (error, SL_EVIDENCE_ERROR, SL_EVIDENCE_ERROR_INCOMPLETE,
                     _("meeting %s (“%s”): speech %u has no speaker; choose who spoke, "
                       "or delete the speech, then finalise again"),
                     id, title, at.number);
      return FALSE;
    }

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(SlSpeech) speech = g_list_model_get_item (speeches, i);

      if (sl_speech_is_empty (speech))
        g_ptr_array_add (empty, g_steal_pointer (&speech));
    }

  if (empty->len == 0)
    return TRUE;

  for (guint i = 0; i < empty->len; i++)
    {
      guint position;

      if (g_list_store_find (G_LIST_STORE (speeches), g_ptr_array_index (empty, i), &position))
        g_list_store_remove (G_LIST_STORE (speeches), position);
    }
  *dropped = TRUE;
  return sl_ledger_save_meeting (ledger, meeting, 0, error);
}
