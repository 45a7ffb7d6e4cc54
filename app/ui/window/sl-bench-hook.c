/* sl-bench-hook.c — the benchmark's first-frame probe
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * build-aux/benchmark.sh times start-up from exec to the first frame the
 * window paints (docs/performance.md). When SL_BENCH_FIRST_FRAME is set in
 * the environment, the window prints "first-frame: N" on stdout, N being
 * g_get_monotonic_time() (CLOCK_MONOTONIC, in microseconds) after its
 * frame clock's first "after-paint", and the application quits. Without
 * the variable, attaching does nothing: no handler, no cost.
 */

#define G_LOG_DOMAIN "sl-bench-hook"

#include "config.h"

#include <stdio.h>

#include "sl-bench-hook.h"

static void
on_after_paint (GdkFrameClock *clock,
                GtkWindow     *window)
{
  GApplication *application;

  g_signal_handlers_disconnect_by_func (clock, on_after_paint, window);

  printf ("first-frame: %" G_GINT64_FORMAT "\n", g_get_monotonic_time ());
  fflush (stdout);

  application = g_application_get_default ();
  if (application != NULL)
    g_application_quit (application);
  else
    gtk_window_destroy (window);
}

static void
on_realize (GtkWidget *widget)
{
  GdkFrameClock *clock = gtk_widget_get_frame_clock (widget);

  g_signal_handlers_disconnect_by_func (widget, on_realize, NULL);
  g_signal_connect_object (clock, "after-paint", G_CALLBACK (on_after_paint), widget, 0);
}

void
sl_bench_hook_attach (GtkWindow *window)
{
  g_return_if_fail (GTK_IS_WINDOW (window));

  if (g_getenv ("SL_BENCH_FIRST_FRAME") == NULL)
    return;

  if (gtk_widget_get_realized (GTK_WIDGET (window)))
    on_realize (GTK_WIDGET (window));
  else
    g_signal_connect (window, "realize", G_CALLBACK (on_realize), NULL);
}
