/* sl-meeting-guest-superior.h — a guest as a superior sitting in (上级列席旁听)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "sl-types.h"

G_BEGIN_DECLS

#define SL_TYPE_MEETING_GUEST_SUPERIOR (sl_meeting_guest_superior_get_type ())

G_DECLARE_FINAL_TYPE (SlMeetingGuestSuperior, sl_meeting_guest_superior, SL, MEETING_GUEST_SUPERIOR,
                      GtkWidget)

/* A button for a guest row that opens the guest's 上级列席 fields. */
GtkWidget *sl_meeting_guest_superior_new (SlMeeting *meeting,
                                          SlGuest   *guest);
/* What "Turn Into Measures" does; returns how many were added. */
guint      sl_meeting_guest_superior_make_measures (SlMeetingGuestSuperior *self);

G_END_DECLS
