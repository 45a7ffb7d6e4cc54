/* sl-meeting-attendance-popover.h — the details of one member's attendance
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "sl-types.h"

G_BEGIN_DECLS

#define SL_TYPE_MEETING_ATTENDANCE_POPOVER (sl_meeting_attendance_popover_get_type ())

G_DECLARE_FINAL_TYPE (SlMeetingAttendancePopover, sl_meeting_attendance_popover,
                      SL, MEETING_ATTENDANCE_POPOVER, GtkPopover)

GtkWidget    *sl_meeting_attendance_popover_new            (SlAttendance               *attendance,
                                                            const char                 *name,
                                                            int                         year);
SlAttendance *sl_meeting_attendance_popover_get_attendance (SlMeetingAttendancePopover *self);

/* What a click or Space does to a row: 出席 → 请假 → 缺席 → 出席. A row that
 * is no longer on leave loses its kind of leave, a present row its
 * make-up study (kept by SlAttendance, in case of a slip). */
void          sl_meeting_attendance_cycle                  (SlAttendance               *attendance);
void          sl_meeting_attendance_set_status             (SlAttendance               *attendance,
                                                            SlAttendanceStatus          status);

G_END_DECLS
