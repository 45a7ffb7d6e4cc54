/* sl-meetings-page.h — the meetings of a year, and the editor that logs one
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "sl-types.h"

G_BEGIN_DECLS

#define SL_TYPE_MEETINGS_PAGE (sl_meetings_page_get_type ())

G_DECLARE_FINAL_TYPE (SlMeetingsPage, sl_meetings_page, SL, MEETINGS_PAGE, AdwBin)

SlLedger *sl_meetings_page_get_ledger (SlMeetingsPage *self);
void      sl_meetings_page_set_ledger (SlMeetingsPage *self,
                                       SlLedger       *ledger);
int       sl_meetings_page_get_year   (SlMeetingsPage *self);
void      sl_meetings_page_set_year   (SlMeetingsPage *self,
                                       int             year);

/* Shows the meeting with this id in the editor (a search result, a
 * plan item's link). */
void      sl_meetings_page_reload     (SlMeetingsPage *self);
void      sl_meetings_page_sync       (SlMeetingsPage *self);
void      sl_meetings_page_flush      (SlMeetingsPage *self);
gboolean  sl_meetings_page_has_unsaved_input (SlMeetingsPage *self);
gboolean  sl_meetings_page_get_editing (SlMeetingsPage *self);

void      sl_meetings_page_open_meeting (SlMeetingsPage *self,
                                         const char     *id);

G_END_DECLS
