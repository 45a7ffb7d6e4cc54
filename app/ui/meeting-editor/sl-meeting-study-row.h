/* sl-meeting-study-row.h — one text studied at a meeting, in the meeting editor
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "sl-meeting-people.h"
#include "sl-types.h"

G_BEGIN_DECLS

#define SL_TYPE_MEETING_STUDY_ROW (sl_meeting_study_row_get_type ())

G_DECLARE_FINAL_TYPE (SlMeetingStudyRow, sl_meeting_study_row, SL, MEETING_STUDY_ROW, AdwExpanderRow)

GtkWidget *sl_meeting_study_row_new         (SlStudy           *study,
                                             SlMeetingPeople   *people,
                                             int                year);
SlStudy   *sl_meeting_study_row_get_study   (SlMeetingStudyRow *self);
/* Opens the row and puts the cursor in its title. */
void       sl_meeting_study_row_focus_title (SlMeetingStudyRow *self);

G_END_DECLS
