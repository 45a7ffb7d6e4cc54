/* sl-record-sync.h — giving a record the values of a newer copy
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "sl-record.h"

G_BEGIN_DECLS

void  sl_ledger_sync_record        (SlRecord           *held,
                                   SlRecord           *fresh,
                                   const char * const *keep);
GStrv sl_ledger_changed_properties (SlRecord           *a,
                                   SlRecord           *b);

G_END_DECLS
