/* sl-year-lock-watch.h — a signal when this process locks or unlocks a year
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

#include "sl-types.h"

G_BEGIN_DECLS

#define SL_TYPE_YEAR_LOCK_WATCH (sl_year_lock_watch_get_type ())

G_DECLARE_FINAL_TYPE (SlYearLockWatch, sl_year_lock_watch, SL, YEAR_LOCK_WATCH, GObject)

SlYearLockWatch *sl_year_lock_watch_get    (SlLedger *ledger);
void             sl_year_lock_watch_notify (SlLedger *ledger);

G_END_DECLS
