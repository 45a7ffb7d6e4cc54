/* sl-meetings-list.h — the meetings list's columns, cells, sorters and category filter
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "sl-enums.h"
#include "sl-ledger.h"
#include "sl-meeting.h"

G_BEGIN_DECLS

gboolean sl_meetings_list_kind_in_category (SlMeetingKind          kind,
                                            const char            *category);
void     sl_meetings_list_setup_columns    (GtkColumnView         *view,
                                            GtkColumnViewColumn  **date_column,
                                            GtkColumnViewColumn  **kind_column);
GMenuModel *sl_meetings_list_new_menu       (void);
GtkStringList *sl_meetings_list_get_finals (GtkColumnView         *view);
GtkWidget *sl_meetings_list_find_row       (GtkWidget             *widget,
                                            SlMeeting             *meeting);
SlMeetingKind sl_meetings_list_default_kind (SlLedger             *ledger,
                                            const char            *category);
char      *sl_meetings_list_default_date   (GListModel            *meetings,
                                            int                    year);

G_END_DECLS
