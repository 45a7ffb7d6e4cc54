/* sl-meeting-pool-link.h — which topic-pool item a study studies
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "sl-types.h"

G_BEGIN_DECLS

#define SL_TYPE_MEETING_POOL_LINK (sl_meeting_pool_link_get_type ())

G_DECLARE_FINAL_TYPE (SlMeetingPoolLink, sl_meeting_pool_link, SL, MEETING_POOL_LINK, AdwComboRow)

/* A row that links @study to an open item of @organization's pool. */
GtkWidget *sl_meeting_pool_link_new        (SlLedger          *ledger,
                                            const char        *organization,
                                            SlStudy           *study);
guint      sl_meeting_pool_link_get_n_items (SlMeetingPoolLink *self);
/* The id of the item at @position of the choice (0 is "none"). */
const char *sl_meeting_pool_link_get_item  (SlMeetingPoolLink *self,
                                            guint              position);

G_END_DECLS
