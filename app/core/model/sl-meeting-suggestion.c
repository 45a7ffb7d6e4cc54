/* sl-meeting-suggestion.c — which of a draft's fields follow a new suggestion
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A new meeting is prefilled (sl_meeting_draft_fill()) from its kind,
 * organization and date. While it is a draft, changing one of those asks
 * for a new suggestion, and each field that still holds what the previous
 * suggestion put there takes the new one's; what the user typed stays.
 * The decision lives here, out of the editor widget, so that a test can
 * check it without a display (tests/test-meeting-draft.c).
 */

#define G_LOG_DOMAIN "sl-meeting-draft"

#include "config.h"

#include "sl-ledger.h"
#include "sl-meeting.h"
#include "sl-meeting-draft.h"
#include "sl-meeting-suggestion.h"
#include "sl-record.h"

SlMeeting *
sl_meeting_suggestion_new (SlLedger   *ledger,
                           SlMeeting  *meeting,
                           GError    **error)
{
  g_autoptr(SlMeeting) next = NULL;

  g_return_val_if_fail (SL_IS_LEDGER (ledger), NULL);
  g_return_val_if_fail (SL_IS_MEETING (meeting), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  next = sl_meeting_new ();
  sl_record_set_id (SL_RECORD (next), sl_record_get_id (SL_RECORD (meeting)));
  sl_meeting_set_organization (next, sl_meeting_get_organization (meeting));
  sl_meeting_set_kind (next, sl_meeting_get_kind (meeting));
  sl_meeting_set_date (next, sl_meeting_get_date (meeting));
  sl_meeting_set_expanded (next, sl_meeting_get_expanded (meeting));

  if (!sl_meeting_draft_fill (ledger, next, error))
    return NULL;

  return g_steal_pointer (&next);
}

#define FOLLOW_STRING(field)                                                            \
  if (force || g_strcmp0 (sl_meeting_get_##field (meeting),                             \
                          sl_meeting_get_##field (previous)) == 0)                      \
    sl_meeting_set_##field (meeting, sl_meeting_get_##field (next))

gboolean
sl_meeting_suggestion_follow (SlMeeting *meeting,
                              SlMeeting *previous,
                              SlMeeting *next,
                              gboolean   force,
                              gboolean   attendance_touched)
{
  GListModel *rows;

  g_return_val_if_fail (SL_IS_MEETING (meeting), FALSE);
  g_return_val_if_fail (SL_IS_MEETING (previous), FALSE);
  g_return_val_if_fail (SL_IS_MEETING (next), FALSE);

  rows = sl_meeting_get_attendance (meeting);

  if (force || sl_meeting_get_sequence (meeting) == sl_meeting_get_sequence (previous))
    sl_meeting_set_sequence (meeting, sl_meeting_get_sequence (next));
  if (force || sl_meeting_get_form (meeting) == sl_meeting_get_form (previous))
    sl_meeting_set_form (meeting, sl_meeting_get_form (next));

  FOLLOW_STRING (chair);
  FOLLOW_STRING (recorder);
  FOLLOW_STRING (place);
  FOLLOW_STRING (start);
  FOLLOW_STRING (end);
  FOLLOW_STRING (plan_item);
  FOLLOW_STRING (theme);

  if (force || !attendance_touched)
    {
      GListModel *suggested = sl_meeting_get_attendance (next);
      g_autoptr(GPtrArray) copy = g_ptr_array_new_with_free_func (g_object_unref);

      for (guint i = 0; i < g_list_model_get_n_items (suggested); i++)
        g_ptr_array_add (copy, g_list_model_get_item (suggested, i));

      /* One items-changed for the new roster. */
      g_list_store_splice (G_LIST_STORE (rows), 0, g_list_model_get_n_items (rows),
                           copy->pdata, copy->len);
      return TRUE;
    }

  return FALSE;
}

#undef FOLLOW_STRING
