/* sl-meeting-session-plan.h — the meeting editor's 学习方案 section
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "sl-meeting-people.h"
#include "sl-types.h"

G_BEGIN_DECLS

#define SL_TYPE_MEETING_SESSION_PLAN (sl_meeting_session_plan_get_type ())

G_DECLARE_FINAL_TYPE (SlMeetingSessionPlan, sl_meeting_session_plan, SL, MEETING_SESSION_PLAN, AdwBin)

GtkWidget *sl_meeting_session_plan_new  (void);

/* Shows @meeting's plan and writes edits into it (a new SlSessionPlan each
 * time, so the meeting notifies and the editor saves); visible only for a
 * central-group session. NULL lets go of the meeting. */
void       sl_meeting_session_plan_bind (SlMeetingSessionPlan *self,
                                         SlMeeting            *meeting,
                                         SlMeetingPeople      *people);

G_END_DECLS
