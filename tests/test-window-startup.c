/* test-window-startup.c — what the window does before its first frame
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Runs under Xvfb like test-window. Start-up to the first painted frame
 * is held against a bare window by build-aux/startup.sh, not here (no
 * timed tests); what is held here is the order that makes it short: the
 * overview, the page the window opens on, shows a blank page with the
 * first frame and counts the year after it (docs/performance.md), and
 * what it then shows is the year's figures, whoever asks.
 */

#include "config.h"

#include <adwaita.h>

#include "sl-archive.h"
#include "sl-ledger.h"
#include "sl-overview.h"
#include "sl-overview-page.h"
#include "sl-statistics.h"
#include "sl-window.h"
#include "sl-test-util.h"
#include "sl-test-window.h"
#include "sl-test-display.h"

#define TODAY "2025-12-31"
#define EXAMPLE "/org/studyledger/StudyLedger/example-archive.json"

typedef struct
{
  char     *folder;
  SlLedger *ledger;
  SlWindow *window;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);
  g_autofree char *path = NULL;
  g_autoptr(GBytes) archive = NULL;
  g_autoptr(GError) error = NULL;

  g_settings_reset (settings, "last-year");
  fixture->folder = make_temp_folder ("test-window-startup-XXXXXX");
  path = g_build_filename (fixture->folder, "ledger.db", NULL);
  fixture->ledger = sl_ledger_open (path, &error);
  g_assert_no_error (error);
  archive = g_resources_lookup_data (EXAMPLE, G_RESOURCE_LOOKUP_FLAGS_NONE, &error);
  g_assert_no_error (error);
  sl_archive_import_data (fixture->ledger, g_bytes_get_data (archive, NULL),
                          g_bytes_get_size (archive), "example-archive.json", FALSE, NULL, &error);
  g_assert_no_error (error);

  fixture->window = sl_window_new (NULL, fixture->ledger, FALSE);
  gtk_window_present (GTK_WINDOW (fixture->window));

  /* The leaflet shows the page in the first frame's layout, which maps
   * it; that frame's paint comes in the same dispatch, the fill later. */
  while (!gtk_widget_get_mapped (sl_window_get_page (fixture->window, "overview")))
    g_main_context_iteration (NULL, TRUE);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  sl_test_window_close (fixture->window, fixture->ledger);
  remove_tree (fixture->folder);
  g_free (fixture->folder);
}

static SlOverviewPage *
overview_page (Fixture *fixture)
{
  return SL_OVERVIEW_PAGE (sl_window_get_page (fixture->window, "overview"));
}

static const char *
shown (SlOverviewPage *page)
{
  GtkStack *stack = GTK_STACK (gtk_widget_get_template_child (GTK_WIDGET (page),
                                                              SL_TYPE_OVERVIEW_PAGE, "stack"));

  return gtk_stack_get_visible_child_name (stack);
}

/* Until the page has filled itself (at most 30 s: under the sanitizers a
 * frame takes long), without asking it for anything that would fill it. */
static void
wait_filled (SlOverviewPage *page)
{
  gint64 end = g_get_monotonic_time () + 30 * G_USEC_PER_SEC;

  while (!sl_overview_page_get_filled (page) && g_get_monotonic_time () < end)
    g_main_context_iteration (NULL, TRUE);
  g_assert_true (sl_overview_page_get_filled (page));
}

static void
assert_figures_of (SlOverviewPage *page,
                   SlLedger       *ledger,
                   int             year)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SlStatistics) stats = sl_statistics_compute (sl_ledger_get_database (ledger), year,
                                                         NULL, TODAY, &error);
  g_autoptr(SlOverview) expected = NULL;
  g_autofree char *meetings = NULL;

  g_assert_no_error (error);
  expected = sl_overview_new (stats);
  meetings = g_strdup_printf ("%u", stats->meetings_total);
  g_assert_cmpint (sl_overview_page_get_overview (page)->year, ==, year);
  g_assert_cmpstr (sl_overview_page_get_figure (page, "meetings"), ==, meetings);
  g_assert_cmpstr (sl_overview_page_get_figure (page, "attendance"), ==, expected->attendance_text);
  g_assert_cmpstr (sl_overview_page_get_figure (page, "fulfilment"), ==, expected->fulfilment_text);
}

/* Mapped, the page has not counted the year yet: the first frame shows
 * its blank page. After that frame it counts the year by itself. */
static void
test_fill_after_first_frame (Fixture       *fixture,
                             gconstpointer  data)
{
  SlOverviewPage *page = overview_page (fixture);

  g_assert_cmpint (sl_window_get_year (fixture->window), ==, 2025);
  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (page)));
  g_assert_false (sl_overview_page_get_filled (page));
  g_assert_cmpstr (shown (page), ==, "loading");

  wait_filled (page);
  g_assert_cmpstr (shown (page), ==, "content");
  assert_figures_of (page, fixture->ledger, 2025);
}

/* Asked before the frame (a test, an action), the page counts at once. */
static void
test_fill_when_asked (Fixture       *fixture,
                      gconstpointer  data)
{
  SlOverviewPage *page = overview_page (fixture);

  g_assert_false (sl_overview_page_get_filled (page));
  assert_figures_of (page, fixture->ledger, 2025);
  g_assert_true (sl_overview_page_get_filled (page));
  g_assert_cmpstr (shown (page), ==, "content");

  /* The deferred fill is spent: another year is counted when it is set. */
  sl_window_set_year (fixture->window, 2024);
  g_assert_true (sl_overview_page_get_filled (page));
  assert_figures_of (page, fixture->ledger, 2024);
  sl_test_iterate (50);
  assert_figures_of (page, fixture->ledger, 2024);
}

int
main (int   argc,
      char *argv[])
{
  g_setenv ("SL_TODAY", TODAY, TRUE);
  g_setenv ("GSETTINGS_BACKEND", "memory", TRUE);
  sl_test_gtk_init (&argc, &argv);

  g_test_add ("/window-startup/fill-after-first-frame", Fixture, NULL,
              fixture_set_up, test_fill_after_first_frame, fixture_tear_down);
  g_test_add ("/window-startup/fill-when-asked", Fixture, NULL,
              fixture_set_up, test_fill_when_asked, fixture_tear_down);

  return g_test_run ();
}
