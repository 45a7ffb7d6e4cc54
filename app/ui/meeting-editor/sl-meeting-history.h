/* sl-meeting-history.h — the revisions of a final meeting: list, compare, restore
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "sl-types.h"

G_BEGIN_DECLS

#define SL_TYPE_MEETING_HISTORY (sl_meeting_history_get_type ())

G_DECLARE_FINAL_TYPE (SlMeetingHistory, sl_meeting_history, SL, MEETING_HISTORY, AdwWindow)

GtkWidget *sl_meeting_history_new     (GtkWindow        *parent,
                                       SlLedger         *ledger,
                                       const char       *meeting_id,
                                       const char       *by);

/* Which versions are compared: 1..n the revisions' snapshots (the content
 * before revision k), n + 1 the meeting as it is now. */
void       sl_meeting_history_compare (SlMeetingHistory *self,
                                       guint             left,
                                       guint             right);
guint      sl_meeting_history_get_n_versions (SlMeetingHistory *self);
/* The fields the two compared versions differ in, as the window shows them. */
GStrv      sl_meeting_history_get_changed_fields (SlMeetingHistory *self);
/* Restores version @version (a revision's snapshot) with @reason, as a
 * new revision; what 恢复此版本 does after asking for the reason. */
gboolean   sl_meeting_history_restore (SlMeetingHistory *self,
                                       guint             version,
                                       const char       *reason,
                                       GError          **error);

G_END_DECLS
