/* sl-ledger-saves.h — SlLedger's saves and deletes, guarded
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "sl-ledger-private.h"

G_BEGIN_DECLS

/* A record's save in a transaction of its own, its change count checked
 * first (on sl-ledger-guard.c). */
gboolean sl_ledger_save_guarded       (SlLedger      *self,
                                       SlRecord      *record,
                                       gboolean     (*save) (SlLedger *, SlRecord *, GError **),
                                       GError       **error);

/* The same for a record saved with flags (a plan, a meeting), which may
 * be inside the caller's transaction (SL_SAVE_IN_TRANSACTION). */
gboolean sl_ledger_save_with_flags    (SlLedger      *self,
                                       SlRecord      *record,
                                       SlSaveFlags    flags,
                                       gboolean     (*save) (SlLedger *, SlRecord *, SlSaveFlags, GError **),
                                       GError       **error);

G_END_DECLS
