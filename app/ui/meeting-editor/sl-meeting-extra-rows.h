/* sl-meeting-extra-rows.h — a session's 意识形态专题 flag, a training's 学时 and 期
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "sl-types.h"

G_BEGIN_DECLS

#define SL_TYPE_MEETING_EXTRA_ROWS (sl_meeting_extra_rows_get_type ())

G_DECLARE_FINAL_TYPE (SlMeetingExtraRows, sl_meeting_extra_rows, SL, MEETING_EXTRA_ROWS, GObject)

/* The rows of @list (a boxed list of the editor), added on first use and
 * kept on it; bound to @meeting, unbound from the one before. */
SlMeetingExtraRows *sl_meeting_extra_rows_bind (GtkListBox *list,
                                                SlMeeting  *meeting);
GtkWidget          *sl_meeting_extra_rows_get_row (SlMeetingExtraRows *self,
                                                   const char         *name);

G_END_DECLS
