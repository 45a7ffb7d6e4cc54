/* sl-meeting-draft-title.h — a new meeting's number in the year and its title
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "sl-types.h"

G_BEGIN_DECLS

/* 1 + the number of @organization's meetings of @kind in the year of
 * @date held on or before @date, not counting the meeting @exclude. */
int             sl_meeting_draft_sequence    (SlLedger       *ledger,
                                              const char     *organization,
                                              SlMeetingKind   kind,
                                              const char     *date,
                                              const char     *exclude,
                                              GError        **error);

/* “某某局党组理论学习中心组2023年第3次集体学习（扩大）”. */
char           *sl_meeting_draft_title       (const char     *organization_name,
                                              SlMeetingKind   kind,
                                              int             year,
                                              int             sequence,
                                              gboolean        expanded);

/* Titles written the way the organization writes them (see the .c). */
char           *sl_meeting_draft_title_like  (const char     *model,
                                              int             model_year,
                                              int             model_sequence,
                                              gboolean        model_expanded,
                                              int             year,
                                              int             sequence,
                                              gboolean        expanded);
char           *sl_meeting_draft_learned_title (SlLedger     *ledger,
                                                const char   *organization,
                                                SlMeetingKind kind,
                                                int           year,
                                                int           sequence,
                                                gboolean      expanded,
                                                const char   *exclude);

G_END_DECLS
