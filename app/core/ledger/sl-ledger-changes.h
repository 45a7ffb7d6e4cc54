/* sl-ledger-changes.h — when the ledger last changed, for reproducible outputs
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "sl-types.h"

G_BEGIN_DECLS

gint64 sl_ledger_query_last_change (SlLedger  *ledger,
                                    GError   **error);

G_END_DECLS
