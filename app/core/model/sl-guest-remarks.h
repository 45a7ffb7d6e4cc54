/* sl-guest-remarks.h — a superior's remarks (点评意见) turned into measures
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

#include "sl-types.h"

G_BEGIN_DECLS

/* The remarks split into points: one per line, or per numbered or
 * "；"-separated item; trimmed, empty ones dropped. */
GStrv  sl_guest_remarks_split      (const char *remarks);
/* Appends to @meeting's measures one open measure per point of @guest's
 * remarks not among them yet; returns how many were added. */
guint  sl_guest_remarks_to_measures (SlMeeting  *meeting,
                                     SlGuest    *guest);

G_END_DECLS
