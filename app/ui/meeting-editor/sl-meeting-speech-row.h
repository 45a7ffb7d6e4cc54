/* sl-meeting-speech-row.h — one speaker's points at a meeting, in the meeting editor
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "sl-meeting-people.h"
#include "sl-types.h"

G_BEGIN_DECLS

#define SL_TYPE_MEETING_SPEECH_ROW (sl_meeting_speech_row_get_type ())

G_DECLARE_FINAL_TYPE (SlMeetingSpeechRow, sl_meeting_speech_row, SL, MEETING_SPEECH_ROW, AdwExpanderRow)

GtkWidget *sl_meeting_speech_row_new           (SlSpeech           *speech,
                                                SlMeetingPeople    *people);
SlSpeech  *sl_meeting_speech_row_get_speech    (SlMeetingSpeechRow *self);
/* The speaking order shown before the name, from 1. */
void       sl_meeting_speech_row_set_number    (SlMeetingSpeechRow *self,
                                                guint               number,
                                                guint               count);
/* Opens the row and puts the focus on the speaker. */
void       sl_meeting_speech_row_focus_speaker (SlMeetingSpeechRow *self);
/* Opens the row and puts the focus on the points. */
void       sl_meeting_speech_row_focus_points  (SlMeetingSpeechRow *self);
void       sl_meeting_speech_row_focus_move    (SlMeetingSpeechRow *self,
                                                int                 delta);

G_END_DECLS
