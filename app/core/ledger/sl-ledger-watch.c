/* sl-ledger-watch.c — noticing what other programs write to the ledger
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The window keeps what it shows in memory; `study-ledger import-roster`
 * or `import-archive --merge` run beside it write the file through another
 * connection, and the window used to show (and then save back) what it
 * had read before. SQLite's PRAGMA data_version changes on a connection
 * whenever another connection has committed to the file since it last
 * asked, and never for its own commits; reading it costs a look at the
 * shared memory of the WAL, nothing on disk, so the watch asks every half
 * second on the main loop. When it changed, the live organization and
 * member lists are read again (the same objects, given the rows' values)
 * and ::changed tells the window to read what its pages show.
 *
 * sl_ledger_sync_record() and sl_ledger_sync_meeting() give an object that
 * views hold the values of a newer copy, property by property, so that
 * only what changed notifies, and leave alone the properties named in
 * @keep: the fields the user is editing.
 */

#define G_LOG_DOMAIN "sl-ledger-watch"

#include "config.h"

#include "sl-database.h"
#include "sl-ledger-watch.h"
#include "sl-record-sync.h"
#include "sl-meeting.h"

struct _SlLedgerWatch
{
  GObject   parent_instance;

  SlLedger *ledger;       /* owned */
  gint64    data_version;
  guint     source;
};

G_DEFINE_FINAL_TYPE (SlLedgerWatch, sl_ledger_watch, G_TYPE_OBJECT)

enum {
  CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static gboolean
read_data_version (SlLedgerWatch *self,
                   gint64        *version)
{
  SlDatabase *database = sl_ledger_get_database (self->ledger);
  sqlite3_stmt *stmt;
  int rc;

  /* Inside a transaction of ours the answer would be about that one. */
  if (!sqlite3_get_autocommit (sl_database_get_handle (database)))
    return FALSE;

  if (!(stmt = sl_database_prepare (database, "PRAGMA data_version", NULL)))
    return FALSE;

  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    *version = sqlite3_column_int64 (stmt, 0);
  sqlite3_reset (stmt);

  return rc == SQLITE_ROW;
}

/**
 * sl_ledger_watch_check:
 *
 * Asks now whether another connection wrote to the ledger since the last
 * time; if so, reads the live lists again and emits ::changed.
 *
 * Returns: whether it had changed
 */
gboolean
sl_ledger_watch_check (SlLedgerWatch *self)
{
  gint64 version = 0;

  g_return_val_if_fail (SL_IS_LEDGER_WATCH (self), FALSE);

  if (!read_data_version (self, &version) || version == self->data_version)
    return FALSE;

  self->data_version = version;
  g_debug ("Another program wrote to the ledger: reading it again");

  g_object_ref (self);
  sl_ledger_reload (self->ledger);
  g_signal_emit (self, signals[CHANGED], 0);
  g_object_unref (self);

  return TRUE;
}

static gboolean
poll_cb (gpointer data)
{
  sl_ledger_watch_check (data);
  return G_SOURCE_CONTINUE;
}

static void
sl_ledger_watch_dispose (GObject *object)
{
  SlLedgerWatch *self = SL_LEDGER_WATCH (object);

  g_clear_handle_id (&self->source, g_source_remove);
  g_clear_object (&self->ledger);

  G_OBJECT_CLASS (sl_ledger_watch_parent_class)->dispose (object);
}

static void
sl_ledger_watch_class_init (SlLedgerWatchClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = sl_ledger_watch_dispose;

  /**
   * SlLedgerWatch::changed:
   *
   * Another connection committed to the ledger; the live organization
   * and member lists have been read again. Whatever else was read from
   * the ledger may be out of date.
   */
  signals[CHANGED] =
    g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);
}

static void
sl_ledger_watch_init (SlLedgerWatch *self)
{
}

/**
 * sl_ledger_watch_new:
 * @interval_ms: how often to ask, on the thread-default main context
 */
SlLedgerWatch *
sl_ledger_watch_new (SlLedger *ledger,
                     guint     interval_ms)
{
  SlLedgerWatch *self;

  g_return_val_if_fail (SL_IS_LEDGER (ledger), NULL);

  self = g_object_new (SL_TYPE_LEDGER_WATCH, NULL);
  self->ledger = g_object_ref (ledger);
  read_data_version (self, &self->data_version);
  if (interval_ms > 0)
    self->source = g_timeout_add (interval_ms, poll_cb, self);

  return self;
}

SlLedger *
sl_ledger_watch_get_ledger (SlLedgerWatch *self)
{
  g_return_val_if_fail (SL_IS_LEDGER_WATCH (self), NULL);
  return self->ledger;
}

/**
 * sl_ledger_set_lock_wait:
 *
 * How long a statement of @ledger's connection waits for another
 * program's lock before it fails with SL_DATABASE_ERROR_BUSY. The command
 * line waits 5 s; the window waits briefly and queues its save instead
 * (SlSaveQueue), so that it never freezes behind an import.
 */
void
sl_ledger_set_lock_wait (SlLedger *ledger,
                         int       milliseconds)
{
  g_return_if_fail (SL_IS_LEDGER (ledger));

  sqlite3_busy_timeout (sl_database_get_handle (sl_ledger_get_database (ledger)), milliseconds);
}

/* Copying a newer copy in ------------------------------------------------ */

static void
replace_list (GListModel *held,
              GListModel *fresh)
{
  guint n = g_list_model_get_n_items (fresh);
  g_autoptr(GPtrArray) items = g_ptr_array_new_full (n, g_object_unref);

  for (guint i = 0; i < n; i++)
    g_ptr_array_add (items, g_list_model_get_item (fresh, i));

  g_list_store_splice (G_LIST_STORE (held), 0, g_list_model_get_n_items (held),
                       items->pdata, items->len);
}

/**
 * sl_ledger_sync_meeting:
 * @with_lists: whether the lists are taken too (not while the user edits
 *   a row of one)
 *
 * sl_ledger_sync_record() for a meeting, and its lists (studies,
 * attendance, guests, speeches, measures) become those of @fresh.
 */
void
sl_ledger_sync_meeting (SlMeeting          *held,
                        SlMeeting          *fresh,
                        const char * const *keep,
                        gboolean            with_lists)
{
  g_return_if_fail (SL_IS_MEETING (held));
  g_return_if_fail (SL_IS_MEETING (fresh));

  sl_ledger_sync_record (SL_RECORD (held), SL_RECORD (fresh), keep);
  if (!with_lists)
    return;
  replace_list (sl_meeting_get_studies (held), sl_meeting_get_studies (fresh));
  replace_list (sl_meeting_get_attendance (held), sl_meeting_get_attendance (fresh));
  replace_list (sl_meeting_get_guests (held), sl_meeting_get_guests (fresh));
  replace_list (sl_meeting_get_speeches (held), sl_meeting_get_speeches (fresh));
  replace_list (sl_meeting_get_measures (held), sl_meeting_get_measures (fresh));
  /* The 学习方案 goes with the lists: the editor edits it as one. Plans
   * are replaced, never changed in place, so the two may share one. */
  if (keep == NULL || !g_strv_contains (keep, "session-plan"))
    sl_meeting_set_session_plan (held, sl_meeting_get_session_plan (fresh));
}
