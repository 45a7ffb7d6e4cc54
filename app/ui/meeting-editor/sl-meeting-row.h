/* sl-meeting-row.h — what every row of the meeting editor's lists has
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

void sl_meeting_row_class_init (GtkWidgetClass *widget_class,
                                const char     *resource);
void sl_meeting_row_add_next   (GtkWidget      *row);

G_END_DECLS
