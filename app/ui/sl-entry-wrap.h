/* sl-entry-wrap.h — a one-line entry row's whole text, wrapped below it while it does not fit
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

GtkWidget *sl_entry_wrap_attach (AdwEntryRow *row);

G_END_DECLS
