/* sl-window-writers.h — the window beside other programs writing its ledger
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "sl-types.h"

G_BEGIN_DECLS

#define SL_TYPE_WINDOW_WRITERS (sl_window_writers_get_type ())

G_DECLARE_FINAL_TYPE (SlWindowWriters, sl_window_writers, SL, WINDOW_WRITERS, GObject)

SlWindowWriters *sl_window_writers_new           (GtkWindow       *window,
                                                  SlLedger        *ledger);
gboolean         sl_window_writers_close_request (SlWindowWriters *self);

G_END_DECLS
