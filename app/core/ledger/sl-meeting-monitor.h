/* sl-meeting-monitor.h — live head counts of a meeting, and a signal for any change in it
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

#include "sl-types.h"

G_BEGIN_DECLS

#define SL_TYPE_MEETING_MONITOR (sl_meeting_monitor_get_type ())

G_DECLARE_FINAL_TYPE (SlMeetingMonitor, sl_meeting_monitor, SL, MEETING_MONITOR, GObject)

SlMeetingMonitor *sl_meeting_monitor_new             (SlMeeting        *meeting);

SlMeeting        *sl_meeting_monitor_get_meeting     (SlMeetingMonitor *self);
guint             sl_meeting_monitor_get_expected    (SlMeetingMonitor *self);
guint             sl_meeting_monitor_get_present     (SlMeetingMonitor *self);
guint             sl_meeting_monitor_get_leave       (SlMeetingMonitor *self);
guint             sl_meeting_monitor_get_absent      (SlMeetingMonitor *self);
gboolean          sl_meeting_monitor_get_first_topic (SlMeetingMonitor *self);

/* TRUE if some study of @meeting is a 第一议题 item. */
gboolean          sl_meeting_has_first_topic         (SlMeeting        *meeting);

G_END_DECLS
