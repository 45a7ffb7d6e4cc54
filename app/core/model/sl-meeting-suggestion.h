/* sl-meeting-suggestion.h — which of a draft's fields follow a new suggestion
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "sl-types.h"

G_BEGIN_DECLS

/* What sl_meeting_draft_fill() suggests for @meeting as it stands now:
 * a new unsaved meeting with @meeting's id, organization, kind, date and
 * expanded flag, every other field filled from the ledger. */
SlMeeting *sl_meeting_suggestion_new    (SlLedger   *ledger,
                                         SlMeeting  *meeting,
                                         GError    **error);

/* Gives @meeting what @next suggests in every field the user left as
 * @previous suggested it (every field when @force): number, form, chair,
 * recorder, place, times, plan item, theme. The attendance is replaced
 * by @next's unless @attendance_touched (and not @force), in one
 * items-changed. The title is the caller's (it follows the fields it is
 * made of). Returns whether the attendance was replaced. */
gboolean   sl_meeting_suggestion_follow (SlMeeting  *meeting,
                                         SlMeeting  *previous,
                                         SlMeeting  *next,
                                         gboolean    force,
                                         gboolean    attendance_touched);

G_END_DECLS
