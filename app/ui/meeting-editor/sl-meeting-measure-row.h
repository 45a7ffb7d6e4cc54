/* sl-meeting-measure-row.h — one follow-up measure of a meeting, in the meeting editor
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "sl-meeting-people.h"
#include "sl-types.h"

G_BEGIN_DECLS

#define SL_TYPE_MEETING_MEASURE_ROW (sl_meeting_measure_row_get_type ())

G_DECLARE_FINAL_TYPE (SlMeetingMeasureRow, sl_meeting_measure_row, SL, MEETING_MEASURE_ROW, AdwExpanderRow)

GtkWidget *sl_meeting_measure_row_new         (SlMeasure           *measure,
                                               SlMeetingPeople     *people,
                                               int                  year);
SlMeasure *sl_meeting_measure_row_get_measure (SlMeetingMeasureRow *self);
void       sl_meeting_measure_row_focus_text  (SlMeetingMeasureRow *self);
void       sl_meeting_measure_row_focus_progress (SlMeetingMeasureRow *self);
void       sl_meeting_measure_row_set_progress_only (SlMeetingMeasureRow *self,
                                                     gboolean             progress_only);

G_END_DECLS
