/* sl-meeting-people-chooser.h — choosing several names in the 添加人员 list
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

void       sl_meeting_people_chooser_setup  (GtkListBox    *list);
GPtrArray *sl_meeting_people_chooser_chosen (GtkListBox    *list,
                                             GtkListBoxRow *fallback);

G_END_DECLS
