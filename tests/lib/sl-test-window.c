/* sl-test-window.c — the end of a window test, shared
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "sl-test-window.h"

#define CLOSE_TIMEOUT_S 30

void
sl_test_iterate (guint ms)
{
  gint64 end = g_get_monotonic_time () + ms * 1000;

  while (g_get_monotonic_time () < end)
    g_main_context_iteration (NULL, FALSE);
}

static gboolean
wake (gpointer data)
{
  return G_SOURCE_CONTINUE;
}

void
sl_test_window_close (SlWindow *window,
                      SlLedger *ledger)
{
  gint64 end = g_get_monotonic_time () + CLOSE_TIMEOUT_S * G_USEC_PER_SEC;
  GListModel *toplevels = gtk_window_get_toplevels ();
  gpointer window_alive = window;
  guint waker;

  g_assert_true (SL_IS_WINDOW (window));
  g_assert_true (ledger == NULL || SL_IS_LEDGER (ledger));

  /* The loops below block in the main context; a short timer makes sure
   * they look at the clock and the references again. */
  waker = g_timeout_add (20, wake, NULL);

  while (sl_window_get_daily_backup_pending (window) && g_get_monotonic_time () < end)
    g_main_context_iteration (NULL, TRUE);

  for (guint i = g_list_model_get_n_items (toplevels); i > 0; i--)
    {
      g_autoptr(GtkWidget) toplevel = g_list_model_get_item (toplevels, i - 1);

      if (toplevel != GTK_WIDGET (window))
        gtk_window_destroy (GTK_WINDOW (toplevel));
    }
  sl_test_iterate (50);

  g_object_add_weak_pointer (G_OBJECT (window), &window_alive);
  gtk_window_destroy (GTK_WINDOW (window));

  /* A job on its thread holds the window (its source object) and the
   * ledger until it has ended and its callback has run. */
  while ((window_alive != NULL || (ledger != NULL && G_OBJECT (ledger)->ref_count > 1)) &&
         g_get_monotonic_time () < end)
    g_main_context_iteration (NULL, TRUE);

  g_source_remove (waker);

  if (window_alive != NULL)
    {
      g_object_remove_weak_pointer (G_OBJECT (window), &window_alive);
      g_error ("the window is still alive %d s after it was closed (%u references)",
               CLOSE_TIMEOUT_S, G_OBJECT (window)->ref_count);
    }
  if (ledger != NULL)
    g_assert_finalize_object (ledger);
}
