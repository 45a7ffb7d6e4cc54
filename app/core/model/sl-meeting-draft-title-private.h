/* sl-meeting-draft-title-private.h — the title's work on meetings already loaded
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * For sl-meeting-draft.c only: sl_meeting_draft_fill() has loaded the
 * organization's meetings once for the chair, the times and the plan item,
 * and numbers and titles the draft from the same list rather than have the
 * public functions load it again.
 */

#pragma once

#include <gio/gio.h>

#include "sl-types.h"

G_BEGIN_DECLS

/* The number of meetings of @kind in @meetings (SlMeeting) in the year of
 * @date held on or before @date, not counting the meeting @exclude. */
int   sl_meeting_draft_count_before (GPtrArray     *meetings,
                                     SlMeetingKind  kind,
                                     const char    *date,
                                     const char    *exclude);

/* The title as sl_meeting_draft_learned_title() writes it, its model
 * taken from @meetings (all of the organization's, SlMeeting). */
char *sl_meeting_draft_title_from   (GPtrArray     *meetings,
                                     const char    *organization_name,
                                     SlMeetingKind  kind,
                                     int            year,
                                     int            sequence,
                                     gboolean       expanded,
                                     const char    *exclude);

G_END_DECLS
