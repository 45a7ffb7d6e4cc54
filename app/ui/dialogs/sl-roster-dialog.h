/* sl-roster-dialog.h — a roster file's people, shown before they are imported
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "sl-types.h"

G_BEGIN_DECLS

#define SL_TYPE_ROSTER_DIALOG (sl_roster_dialog_get_type ())

G_DECLARE_FINAL_TYPE (SlRosterDialog, sl_roster_dialog, SL, ROSTER_DIALOG, AdwWindow)

/* @rows: the parsed rows, or NULL with @error saying where the file is wrong */
SlRosterDialog *sl_roster_dialog_new             (GtkWindow      *parent,
                                                  SlLedger       *ledger,
                                                  GFile          *file,
                                                  GPtrArray      *rows,
                                                  const GError   *error);
GPtrArray      *sl_roster_dialog_get_rows        (SlRosterDialog *self);
/* The organization's name every row goes to; NULL: each row's own. */
char           *sl_roster_dialog_get_target      (SlRosterDialog *self);

G_END_DECLS
