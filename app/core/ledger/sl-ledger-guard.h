/* sl-ledger-guard.h — refusing a save over a row that another program changed
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "sl-ledger.h"
#include "sl-record.h"

G_BEGIN_DECLS

gboolean sl_ledger_guard_check (SlLedger  *self,
                                SlRecord  *record,
                                GError   **error);
gboolean sl_ledger_guard_read  (SlLedger  *self,
                                SlRecord  *record,
                                gint64    *change_count,
                                GError   **error);

G_END_DECLS
