/* sl-column-fold.h — a table's lesser columns hidden while it is wider than its view
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

void sl_column_fold_attach     (GtkColumnView       *view,
                                GtkColumnViewColumn *first,
                                ...) G_GNUC_NULL_TERMINATED;
void sl_column_fold_attach_v   (GtkColumnView        *view,
                                GtkColumnViewColumn **columns,
                                const int            *below,
                                guint                 n_columns);
guint sl_column_fold_get_n_hidden (GtkColumnView *view);

G_END_DECLS
