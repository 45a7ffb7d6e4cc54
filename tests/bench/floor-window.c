/* floor-window.c — the floor of start-up: a bare AdwApplicationWindow
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Opens an empty AdwApplicationWindow of the application's default size
 * (a header bar, a title, nothing else) and, like the application under
 * SL_BENCH_FIRST_FRAME (app/ui/window/sl-bench-hook.c), prints
 * "first-frame: N" — g_get_monotonic_time() after the frame clock's first
 * "after-paint" — and quits. build-aux/benchmark.sh times both from exec
 * the same way; what the application takes beyond this is its own.
 */

#include "config.h"

#include <adwaita.h>
#include <stdio.h>

static void
on_after_paint (GdkFrameClock  *clock,
                GApplication   *application)
{
  g_signal_handlers_disconnect_by_func (clock, on_after_paint, application);
  printf ("first-frame: %" G_GINT64_FORMAT "\n", g_get_monotonic_time ());
  fflush (stdout);
  g_application_quit (application);
}

static void
on_realize (GtkWidget    *window,
            GApplication *application)
{
  g_signal_connect (gtk_widget_get_frame_clock (window), "after-paint",
                    G_CALLBACK (on_after_paint), application);
}

static void
on_activate (GApplication *application)
{
  GtkWidget *window = adw_application_window_new (GTK_APPLICATION (application));
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *header = adw_header_bar_new ();

  adw_header_bar_set_title_widget (ADW_HEADER_BAR (header), adw_window_title_new ("学习台账", NULL));
  gtk_box_append (GTK_BOX (box), header);
  adw_application_window_set_content (ADW_APPLICATION_WINDOW (window), box);
  gtk_window_set_default_size (GTK_WINDOW (window), 1024, 720);
  g_signal_connect (window, "realize", G_CALLBACK (on_realize), application);
  gtk_window_present (GTK_WINDOW (window));
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(AdwApplication) application =
    adw_application_new ("org.studyledger.BenchFloor", G_APPLICATION_DEFAULT_FLAGS);

  g_signal_connect (application, "activate", G_CALLBACK (on_activate), NULL);
  return g_application_run (G_APPLICATION (application), argc, argv);
}
