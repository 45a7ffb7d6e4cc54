/* sl-lock-year-dialog.h — 锁定年度…: asks which organization's year to lock
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "sl-types.h"

G_BEGIN_DECLS

/* The organizations whose @year can still be locked: neither they nor
 * one above them has it locked now. New references, in the ledger's
 * order; empty when the year is locked for every one. */
GPtrArray *sl_lock_year_dialog_lockable (SlLedger   *ledger,
                                         int         year);

/* A message dialog (widget name "sl-lock-year-dialog") whose response
 * "lock" locks @year for the organization picked, of those
 * sl_lock_year_dialog_lockable() gives; @done runs after a lock, with
 * @widget. */
GtkWidget *sl_lock_year_dialog_new (GtkWidget  *widget,
                                    SlLedger   *ledger,
                                    int         year,
                                    GCallback   done);

G_END_DECLS
