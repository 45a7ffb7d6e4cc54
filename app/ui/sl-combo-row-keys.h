/* sl-combo-row-keys.h — a combo row's list as the keyboard expects it
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

/* The list of @row opens with the item shown focused, and Return (or a
 * click) on any item picks that item. */
void sl_combo_row_keys_install (AdwComboRow *row);
/* The same for a GtkDropDown, whose GTK 4.8 list behaves alike. */
void sl_drop_down_keys_install (GtkDropDown *drop);

G_END_DECLS
