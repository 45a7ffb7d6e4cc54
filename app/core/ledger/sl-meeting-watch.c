/* sl-meeting-watch.c — a signal when another part of this process saved a meeting
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A meeting saved through the ledger's own connection by a page other
 * than the editor (the measures page's 标记完成 loads the meeting, changes
 * one measure and saves it) changes no `PRAGMA data_version`, so
 * SlLedgerWatch never sees it. An editor open on that meeting would keep
 * the measure as it was and the change count it read, and its next save,
 * a revision typed afterwards, would be refused as stale. Such a page
 * calls sl_meeting_watch_notify() after its save; the ledger's one watch
 * (made on first use, as SlYearLockWatch is) emits ::saved with the
 * meeting's id, and the editor reads the meeting again.
 */

#define G_LOG_DOMAIN "sl-meeting-watch"

#include "config.h"

#include "sl-ledger.h"
#include "sl-meeting-watch.h"

#define WATCH_KEY "sl-meeting-watch"

struct _SlMeetingWatch
{
  GObject parent_instance;
};

G_DEFINE_FINAL_TYPE (SlMeetingWatch, sl_meeting_watch, G_TYPE_OBJECT)

enum {
  SAVED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
sl_meeting_watch_class_init (SlMeetingWatchClass *klass)
{
  /**
   * SlMeetingWatch::saved:
   * @meeting_id: the meeting's id (uuid)
   *
   * A meeting was saved through this ledger object, outside its editor.
   */
  signals[SAVED] =
    g_signal_new ("saved", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_STRING);
}

static void
sl_meeting_watch_init (SlMeetingWatch *self)
{
}

/**
 * sl_meeting_watch_get:
 *
 * Returns: (transfer none): @ledger's watch, made on first use
 */
SlMeetingWatch *
sl_meeting_watch_get (SlLedger *ledger)
{
  SlMeetingWatch *self;

  g_return_val_if_fail (SL_IS_LEDGER (ledger), NULL);

  self = g_object_get_data (G_OBJECT (ledger), WATCH_KEY);
  if (self == NULL)
    {
      self = g_object_new (SL_TYPE_MEETING_WATCH, NULL);
      g_object_set_data_full (G_OBJECT (ledger), WATCH_KEY, self, g_object_unref);
    }
  return self;
}

/* After the save was committed; nothing when nobody watches. */
void
sl_meeting_watch_notify (SlLedger   *ledger,
                         const char *meeting_id)
{
  SlMeetingWatch *self;

  g_return_if_fail (SL_IS_LEDGER (ledger));
  g_return_if_fail (meeting_id != NULL);

  if ((self = g_object_get_data (G_OBJECT (ledger), WATCH_KEY)) != NULL)
    {
      g_object_ref (self);
      g_signal_emit (self, signals[SAVED], 0, meeting_id);
      g_object_unref (self);
    }
}
