/* sl-year-lock-watch.c — a signal when this process locks or unlocks a year
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A year locked through the ledger's own connection (the overview's
 * 锁定年度…, the editor's 解锁…) changes no `PRAGMA data_version`, so
 * SlLedgerWatch never sees it; an editor open on a meeting of that year
 * must still turn read-only at once. sl_evidence_lock_year() and
 * sl_evidence_unlock_year() call sl_year_lock_watch_notify() after their
 * commit; the ledger's one watch (made on first use, like its save queue)
 * emits ::changed. Locks by other programs reach the window through
 * SlLedgerWatch as any other write does.
 */

#define G_LOG_DOMAIN "sl-year-lock-watch"

#include "config.h"

#include "sl-ledger.h"
#include "sl-year-lock-watch.h"

#define WATCH_KEY "sl-year-lock-watch"

struct _SlYearLockWatch
{
  GObject parent_instance;
};

G_DEFINE_FINAL_TYPE (SlYearLockWatch, sl_year_lock_watch, G_TYPE_OBJECT)

enum {
  CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
sl_year_lock_watch_class_init (SlYearLockWatchClass *klass)
{
  /**
   * SlYearLockWatch::changed:
   *
   * A year was locked or unlocked through this ledger object.
   */
  signals[CHANGED] =
    g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);
}

static void
sl_year_lock_watch_init (SlYearLockWatch *self)
{
}

/**
 * sl_year_lock_watch_get:
 *
 * Returns: (transfer none): @ledger's watch, made on first use
 */
SlYearLockWatch *
sl_year_lock_watch_get (SlLedger *ledger)
{
  SlYearLockWatch *self;

  g_return_val_if_fail (SL_IS_LEDGER (ledger), NULL);

  self = g_object_get_data (G_OBJECT (ledger), WATCH_KEY);
  if (self == NULL)
    {
      self = g_object_new (SL_TYPE_YEAR_LOCK_WATCH, NULL);
      g_object_set_data_full (G_OBJECT (ledger), WATCH_KEY, self, g_object_unref);
    }
  return self;
}

/* After a lock or unlock was committed; nothing when nobody watches (the
 * command line). */
void
sl_year_lock_watch_notify (SlLedger *ledger)
{
  SlYearLockWatch *self;

  g_return_if_fail (SL_IS_LEDGER (ledger));

  if ((self = g_object_get_data (G_OBJECT (ledger), WATCH_KEY)) != NULL)
    {
      g_object_ref (self);
      g_signal_emit (self, signals[CHANGED], 0);
      g_object_unref (self);
    }
}
