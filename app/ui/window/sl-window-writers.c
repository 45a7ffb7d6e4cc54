/* sl-window-writers.c — the window beside other programs writing its ledger
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * `study-ledger import-roster` or `import-archive --merge` may run while
 * the window is open. The window watches the ledger (SlLedgerWatch, every
 * half second) and, when another program committed, reads what its pages
 * show again (sl_window_sync()): within a second, without closing the
 * meeting being edited.
 *
 * Saves go through the ledger's SlSaveQueue. The window's connection
 * waits only briefly for a lock (LOCK_WAIT_MS) so that it never freezes
 * behind an import; a save that finds the ledger busy waits in the queue,
 * a toast says so, and another says when it is stored. A save refused
 * because another program changed the record meanwhile is not retried:
 * the window reads the ledger again and says so in a short toast.
 * Closing the window tries the waiting saves once more, and asks before
 * dropping any that still cannot be stored.
 */

#define G_LOG_DOMAIN "sl-window"

#include "config.h"

#include <glib/gi18n.h>

#include "sl-database.h"
#include "sl-ledger.h"
#include "sl-ledger-watch.h"
#include "sl-meeting.h"
#include "sl-member.h"
#include "sl-save-queue.h"
#include "sl-ui-util.h"
#include "sl-window-writers.h"

#define WATCH_INTERVAL_MS 500
#define LOCK_WAIT_MS      250
/* Closing: one more try, which may wait a little longer. */
#define CLOSE_LOCK_WAIT_MS 2000

struct _SlWindowWriters
{
  GObject        parent_instance;

  GtkWindow     *window;   /* not a reference: the window owns us */
  SlLedger      *ledger;   /* owned */
  SlLedgerWatch *watch;    /* owned */
  SlSaveQueue   *queue;    /* the ledger's */
  gboolean       closing;  /* the user chose to close without them */
  gboolean       busy_shown;
};

G_DEFINE_FINAL_TYPE (SlWindowWriters, sl_window_writers, G_TYPE_OBJECT)

/* The window reads the ledger again on "sync" (sl_window_sync()) and
 * stores what the editor holds on "flush" (sl_window_flush()): signals,
 * so that this helper does not include the window it serves. */
enum {
  SYNC,
  FLUSH,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
toast (SlWindowWriters *self,
       const char      *text)
{
  sl_ui_add_toast (GTK_WIDGET (self->window), adw_toast_new (text));
}

static void
on_ledger_changed (SlWindowWriters *self)
{
  g_signal_emit (self, signals[SYNC], 0);
}

static void
on_pending_changed (SlWindowWriters *self)
{
  /* Once per wait, not at every save that joins it. */
  if (sl_save_queue_get_n_pending (self->queue) > 0 && !self->busy_shown)
    {
      toast (self, _("Ledger busy: saving when it is free"));
      self->busy_shown = TRUE;
    }
  else if (sl_save_queue_get_n_pending (self->queue) == 0)
    self->busy_shown = FALSE;
}

static void
on_saved (SlWindowWriters *self,
          SlRecord        *record)
{
  if (sl_save_queue_get_n_pending (self->queue) == 0)
    toast (self, _("Saved"));

  /* A plan or a topic that waited may have been read again meanwhile,
   * from the file, without the change: read the pages again. Meetings
   * and members that waited are the objects shown. */
  if (!SL_IS_MEETING (record) && !SL_IS_MEMBER (record))
    g_signal_emit (self, signals[SYNC], 0);
}

static void
on_refused (SlWindowWriters *self,
            SlRecord        *record,
            GError          *error)
{
  g_debug ("A waiting save was refused: %s", error->message);

  if (g_error_matches (error, SL_LEDGER_ERROR, SL_LEDGER_ERROR_CHANGED))
    {
      toast (self, _("Changed elsewhere; reloaded, redo your change"));
      sl_ledger_reload (self->ledger);
      g_signal_emit (self, signals[SYNC], 0);
    }
  else
    sl_ui_add_toast (GTK_WIDGET (self->window),
                     sl_ui_toast_new_printf (_("Not saved: %s"), error->message));
}

static void
sl_window_writers_dispose (GObject *object)
{
  SlWindowWriters *self = SL_WINDOW_WRITERS (object);

  if (self->queue != NULL)
    g_signal_handlers_disconnect_by_data (self->queue, self);
  self->queue = NULL;
  g_clear_object (&self->watch);
  g_clear_object (&self->ledger);

  G_OBJECT_CLASS (sl_window_writers_parent_class)->dispose (object);
}

static void
sl_window_writers_class_init (SlWindowWritersClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = sl_window_writers_dispose;

  signals[SYNC] = g_signal_new ("sync", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                0, NULL, NULL, NULL, G_TYPE_NONE, 0);
  signals[FLUSH] = g_signal_new ("flush", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                 0, NULL, NULL, NULL, G_TYPE_NONE, 0);
}

static void
sl_window_writers_init (SlWindowWriters *self)
{
}

SlWindowWriters *
sl_window_writers_new (GtkWindow *window,
                       SlLedger  *ledger)
{
  SlWindowWriters *self;

  g_return_val_if_fail (GTK_IS_WINDOW (window), NULL);
  g_return_val_if_fail (SL_IS_LEDGER (ledger), NULL);

  self = g_object_new (SL_TYPE_WINDOW_WRITERS, NULL);
  self->window = window;
  self->ledger = g_object_ref (ledger);

  sl_ledger_set_lock_wait (ledger, LOCK_WAIT_MS);
  self->watch = sl_ledger_watch_new (ledger, WATCH_INTERVAL_MS);
  g_signal_connect_swapped (self->watch, "changed", G_CALLBACK (on_ledger_changed), self);

  self->queue = sl_save_queue_get (ledger);
  g_signal_connect_swapped (self->queue, "notify::n-pending", G_CALLBACK (on_pending_changed), self);
  g_signal_connect_swapped (self->queue, "saved", G_CALLBACK (on_saved), self);
  g_signal_connect_swapped (self->queue, "refused", G_CALLBACK (on_refused), self);

  return self;
}

static void
close_response_cb (AdwMessageDialog *dialog,
                   const char       *response,
                   SlWindowWriters  *self)
{
  if (g_strcmp0 (response, "close") != 0)
    return;

  self->closing = TRUE;
  gtk_window_close (self->window);
}

/**
 * sl_window_writers_close_request:
 *
 * For GtkWindow::close-request: stores what waits, trying once more.
 *
 * Returns: TRUE to keep the window open, because a save still waits and
 *   the user is asked first
 */
gboolean
sl_window_writers_close_request (SlWindowWriters *self)
{
  g_autoptr(GError) error = NULL;
  GtkWidget *dialog;
  guint n;

  g_return_val_if_fail (SL_IS_WINDOW_WRITERS (self), FALSE);

  if (self->closing)
    return FALSE;

  /* What the editor has not saved yet joins the queue if need be. */
  g_signal_emit (self, signals[FLUSH], 0);
  if (sl_save_queue_get_n_pending (self->queue) == 0)
    return FALSE;

  sl_ledger_set_lock_wait (self->ledger, CLOSE_LOCK_WAIT_MS);
  sl_save_queue_flush (self->queue, &error);
  sl_ledger_set_lock_wait (self->ledger, LOCK_WAIT_MS);
  n = sl_save_queue_get_n_pending (self->queue);
  if (n == 0)
    return FALSE;

  dialog = adw_message_dialog_new (self->window, _("Changes Not Saved Yet"), NULL);
  adw_message_dialog_format_body (ADW_MESSAGE_DIALOG (dialog),
                                  ngettext ("%u change is still waiting: another program "
                                            "holds the ledger. Keep the window open until "
                                            "it is saved, or close and lose it.",
                                            "%u changes are still waiting: another program "
                                            "holds the ledger. Keep the window open until "
                                            "they are saved, or close and lose them.", n),
                                  n);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "wait", _("_Keep Open"),
                                    "close", _("_Close Without Saving"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "close",
                                              ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "wait");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "wait");
  g_signal_connect_object (dialog, "response", G_CALLBACK (close_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));

  return TRUE;
}
