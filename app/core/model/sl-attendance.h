/* sl-attendance.h — one expected member's attendance at a meeting
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "sl-types.h"
#include "sl-enum-types.h"

G_BEGIN_DECLS

#define SL_TYPE_ATTENDANCE (sl_attendance_get_type ())

G_DECLARE_FINAL_TYPE (SlAttendance, sl_attendance, SL, ATTENDANCE, GObject)

SlAttendance      *sl_attendance_new                 (void);

const char        *sl_attendance_get_member          (SlAttendance      *self);
void               sl_attendance_set_member          (SlAttendance      *self,
                                                      const char        *member);
SlAttendanceStatus sl_attendance_get_status          (SlAttendance      *self);
void               sl_attendance_set_status          (SlAttendance      *self,
                                                      SlAttendanceStatus status);
SlLeaveKind        sl_attendance_get_leave_kind      (SlAttendance      *self);
void               sl_attendance_set_leave_kind      (SlAttendance      *self,
                                                      SlLeaveKind        leave_kind);
const char        *sl_attendance_get_reason          (SlAttendance      *self);
void               sl_attendance_set_reason          (SlAttendance      *self,
                                                      const char        *reason);
gboolean           sl_attendance_get_late            (SlAttendance      *self);
void               sl_attendance_set_late            (SlAttendance      *self,
                                                      gboolean           late);
gboolean           sl_attendance_get_left_early      (SlAttendance      *self);
void               sl_attendance_set_left_early      (SlAttendance      *self,
                                                      gboolean           left_early);
gboolean           sl_attendance_get_has_makeup      (SlAttendance      *self);
void               sl_attendance_set_has_makeup      (SlAttendance      *self,
                                                      gboolean           has_makeup);
const char        *sl_attendance_get_makeup_on       (SlAttendance      *self);
void               sl_attendance_set_makeup_on       (SlAttendance      *self,
                                                      const char        *makeup_on);
const char        *sl_attendance_get_makeup_method   (SlAttendance      *self);
void               sl_attendance_set_makeup_method   (SlAttendance      *self,
                                                      const char        *makeup_method);
const char        *sl_attendance_get_makeup_evidence (SlAttendance      *self);
void               sl_attendance_set_makeup_evidence (SlAttendance      *self,
                                                      const char        *makeup_evidence);

gboolean           sl_attendance_is_made_up          (SlAttendance      *self);

G_END_DECLS
