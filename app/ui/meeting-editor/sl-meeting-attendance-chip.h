/* sl-meeting-attendance-chip.h — one name in the meeting editor's attendance grid
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "sl-types.h"

G_BEGIN_DECLS

#define SL_TYPE_MEETING_ATTENDANCE_CHIP (sl_meeting_attendance_chip_get_type ())

G_DECLARE_FINAL_TYPE (SlMeetingAttendanceChip, sl_meeting_attendance_chip,
                      SL, MEETING_ATTENDANCE_CHIP, GtkFlowBoxChild)

GtkWidget    *sl_meeting_attendance_chip_new            (SlAttendance            *attendance,
                                                         const char              *name,
                                                         int                      year);
SlAttendance *sl_meeting_attendance_chip_get_attendance (SlMeetingAttendanceChip *self);
/* Opens the details popover. */
void          sl_meeting_attendance_chip_popup          (SlMeetingAttendanceChip *self);

/* Makes @flow_box of chips one Tab stop; the arrows move between them. */
void          sl_meeting_attendance_chips_one_tab_stop  (GtkWidget               *flow_box);

/* The line under the name: “请假 · 病假 · 已补学”. */
char         *sl_meeting_attendance_describe            (SlAttendance            *attendance);

G_END_DECLS
