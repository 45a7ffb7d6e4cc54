/* sl-ledger-watch.h — noticing what other programs write to the ledger
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

#include "sl-ledger.h"
#include "sl-record-sync.h"
#include "sl-record.h"
#include "sl-types.h"

G_BEGIN_DECLS

#define SL_TYPE_LEDGER_WATCH (sl_ledger_watch_get_type ())

G_DECLARE_FINAL_TYPE (SlLedgerWatch, sl_ledger_watch, SL, LEDGER_WATCH, GObject)

SlLedgerWatch *sl_ledger_watch_new       (SlLedger      *ledger,
                                          guint          interval_ms);
SlLedger      *sl_ledger_watch_get_ledger (SlLedgerWatch *self);
gboolean       sl_ledger_watch_check     (SlLedgerWatch *self);

void           sl_ledger_set_lock_wait   (SlLedger      *ledger,
                                          int            milliseconds);

void           sl_ledger_sync_meeting    (SlMeeting     *held,
                                          SlMeeting     *fresh,
                                          const char * const *keep,
                                          gboolean       with_lists);

G_END_DECLS
