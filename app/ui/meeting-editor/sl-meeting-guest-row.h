/* sl-meeting-guest-row.h — someone sitting in on a meeting (列席), in the meeting editor
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "sl-types.h"

G_BEGIN_DECLS

#define SL_TYPE_MEETING_GUEST_ROW (sl_meeting_guest_row_get_type ())

G_DECLARE_FINAL_TYPE (SlMeetingGuestRow, sl_meeting_guest_row, SL, MEETING_GUEST_ROW, GtkListBoxRow)

GtkWidget *sl_meeting_guest_row_new        (SlGuest           *guest);
SlGuest   *sl_meeting_guest_row_get_guest  (SlMeetingGuestRow *self);
void       sl_meeting_guest_row_focus_name (SlMeetingGuestRow *self);

G_END_DECLS
