/* sl-meeting-watch.h — a signal when another part of this process saved a meeting
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

#include "sl-types.h"

G_BEGIN_DECLS

#define SL_TYPE_MEETING_WATCH (sl_meeting_watch_get_type ())

G_DECLARE_FINAL_TYPE (SlMeetingWatch, sl_meeting_watch, SL, MEETING_WATCH, GObject)

SlMeetingWatch *sl_meeting_watch_get    (SlLedger   *ledger);
void            sl_meeting_watch_notify (SlLedger   *ledger,
                                         const char *meeting_id);

G_END_DECLS
