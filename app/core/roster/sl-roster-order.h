/* sl-roster-order.h — move a member up or down the roster
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "sl-types.h"

G_BEGIN_DECLS

int       sl_roster_order_compare (gconstpointer  a,
                                   gconstpointer  b);
gboolean  sl_roster_order_swap    (SlLedger      *ledger,
                                   SlMember      *member,
                                   SlMember      *neighbour,
                                   GError       **error);

G_END_DECLS
