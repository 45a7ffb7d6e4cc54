/* sl-meeting-editor.h — every field of one meeting, saved as it is typed
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "sl-types.h"

G_BEGIN_DECLS

#define SL_TYPE_MEETING_EDITOR (sl_meeting_editor_get_type ())

G_DECLARE_FINAL_TYPE (SlMeetingEditor, sl_meeting_editor, SL, MEETING_EDITOR, AdwBin)

GtkWidget *sl_meeting_editor_new         (SlLedger        *ledger);

SlLedger  *sl_meeting_editor_get_ledger  (SlMeetingEditor *self);
void       sl_meeting_editor_set_ledger  (SlMeetingEditor *self,
                                          SlLedger        *ledger);
SlMeeting *sl_meeting_editor_get_meeting (SlMeetingEditor *self);

/* Edits @meeting (NULL: nothing). @is_draft says that it was prefilled
 * and not stored yet: it is stored at its first change, and the fields
 * the user has not touched follow its kind and date. */
void       sl_meeting_editor_edit        (SlMeetingEditor *self,
                                          SlMeeting       *meeting,
                                          gboolean         is_draft);

/* Stores a change still waiting for the save delay, now. */
gboolean   sl_meeting_editor_flush       (SlMeetingEditor *self,
                                          GError         **error);
/* TRUE once the meeting is in the ledger (a draft becomes stored at its
 * first change). */
gboolean   sl_meeting_editor_is_stored   (SlMeetingEditor *self);

/* TRUE while a field shows a change that was not saved because the
 * meeting changed meanwhile (the header says so): leaving loses it. */
gboolean   sl_meeting_editor_holds_unsaved (SlMeetingEditor *self);

/* Shows what another program changed in the meeting, except in the
 * fields being edited. */
void       sl_meeting_editor_reload      (SlMeetingEditor *self);

/* Puts the focus where logging starts: the date of a draft, else the
 * first row. */
void       sl_meeting_editor_focus_first (SlMeetingEditor *self);

G_END_DECLS
