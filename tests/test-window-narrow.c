/* test-window-narrow.c — the window at 1400, 700 and 360 px wide
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Runs under Xvfb (build-aux/setup.sh --test). A window of each width is
 * opened on a year of meetings with long titles (as real ones are:
 * “中共滨江市生态环境局党组理论学习中心组2025年第3次集体学习”), and the
 * layout is read from the widgets' allocations:
 *
 *  - below SL_WINDOW_FOLD_WIDTH the sidebar folds away (the leaflet is
 *    folded) and the page takes the whole width, shown first; at 1400 px
 *    the sidebar stays;
 *  - every title in the meetings list is allocated at least its natural
 *    width (never “局党组202…”): the list scrolls sideways instead;
 *  - with a meeting open in the editor, one header bar shows, with one
 *    back arrow (there were two stacked, each with its own);
 *  - nothing asks for more width than the window has (at 360 px the
 *    meetings page's tools were wider, and cut at the window's edge).
 */

#include "config.h"

#include <adwaita.h>
#include <string.h>

#include "sl-ledger.h"
#include "sl-meeting.h"
#include "sl-meeting-editor.h"
#include "sl-meetings-page.h"
#include "sl-organization.h"
#include "sl-window.h"
#include "sl-test-util.h"
#include "sl-test-window.h"

#define TITLE_PREFIX "中共滨江市生态环境局党组理论学习中心组"
#define N_MEETINGS 8

typedef struct
{
  char     *folder;
  SlLedger *ledger;
  char     *first_meeting;
} Fixture;

static void
iterate (guint ms)
{
  gint64 end = g_get_monotonic_time () + ms * 1000;

  while (g_get_monotonic_time () < end)
    g_main_context_iteration (NULL, FALSE);
}

/* Waits for @done, up to ten seconds: a condition, not a guess of time. */
#define WAIT_FOR(done)                                                   \
  G_STMT_START {                                                         \
    gint64 end_ = g_get_monotonic_time () + 10 * G_USEC_PER_SEC;         \
    while (!(done) && g_get_monotonic_time () < end_)                    \
      g_main_context_iteration (NULL, FALSE);                            \
    g_assert_true (done);                                                \
  } G_STMT_END

static void
fixture_set_up (Fixture *fixture, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SlOrganization) organization = sl_organization_new ();
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);
  g_autofree char *path = NULL;

  fixture->folder = make_temp_folder ("test-window-narrow-XXXXXX");
  path = g_build_filename (fixture->folder, "ledger.db", NULL);
  fixture->ledger = sl_ledger_open (path, &error);
  g_assert_no_error (error);
  g_settings_reset (settings, "last-year");

  sl_organization_set_name (organization, "中共滨江市生态环境局党组");
  sl_organization_set_kind (organization, SL_ORGANIZATION_KIND_PARTY_GROUP);
  g_assert_true (sl_ledger_save_organization (fixture->ledger, organization, &error));
  g_assert_no_error (error);

  for (int i = 1; i <= N_MEETINGS; i++)
    {
      g_autoptr(SlMeeting) meeting = sl_meeting_new ();
      g_autofree char *title = g_strdup_printf (TITLE_PREFIX "2025年第%d次集体学习", i);
      g_autofree char *date = g_strdup_printf ("2025-%02d-15", i);

      sl_meeting_set_organization (meeting, sl_record_get_id (SL_RECORD (organization)));
      sl_meeting_set_kind (meeting, SL_MEETING_KIND_CENTRAL_GROUP);
      sl_meeting_set_sequence (meeting, i);
      sl_meeting_set_title (meeting, title);
      sl_meeting_set_theme (meeting, "学习贯彻党的二十届四中全会精神，研究部署2026年重点工作");
      sl_meeting_set_date (meeting, date);
      g_assert_true (sl_ledger_save_meeting (fixture->ledger, meeting, SL_SAVE_REPLACE, &error));
      g_assert_no_error (error);
      if (i == 1)
        fixture->first_meeting = g_strdup (sl_record_get_id (SL_RECORD (meeting)));
    }
}

static void
fixture_tear_down (Fixture *fixture, gconstpointer data)
{
  g_assert_finalize_object (fixture->ledger);
  remove_tree (fixture->folder);
  g_free (fixture->first_meeting);
  g_free (fixture->folder);
}

static GtkWidget *
find_widget (GtkWidget *widget, GType type)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (widget, type))
    return widget;

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_widget (child, type);

      if (found != NULL)
        return found;
    }
  return NULL;
}

/* The mapped labels under @widget whose text starts with @prefix. */
static void
collect_labels (GtkWidget *widget, const char *prefix, GPtrArray *labels)
{
  if (GTK_IS_LABEL (widget) && gtk_widget_get_mapped (widget) &&
      g_str_has_prefix (gtk_label_get_label (GTK_LABEL (widget)), prefix))
    g_ptr_array_add (labels, widget);

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL; child = gtk_widget_get_next_sibling (child))
    collect_labels (child, prefix, labels);
}

/* Mapped buttons showing the back arrow, and drawn header bars. */
static guint
count_back_arrows (GtkWidget *widget)
{
  guint n = 0;

  if (!gtk_widget_get_mapped (widget))
    return 0;
  if (GTK_IS_BUTTON (widget) &&
      g_strcmp0 (gtk_button_get_icon_name (GTK_BUTTON (widget)), "go-previous-symbolic") == 0)
    n++;
  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL; child = gtk_widget_get_next_sibling (child))
    n += count_back_arrows (child);
  return n;
}

static guint
count_header_bars (GtkWidget *widget)
{
  guint n = 0;

  if (!gtk_widget_get_mapped (widget))
    return 0;
  if (ADW_IS_HEADER_BAR (widget))
    n++;
  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL; child = gtk_widget_get_next_sibling (child))
    n += count_header_bars (child);
  return n;
}

/* Nothing asks for more than the window: at 360 px a page wider than
 * that was cut at the window's edge, its buttons out of reach. */
static void
assert_fits (SlWindow *window, int width)
{
  GtkWidget *content = adw_application_window_get_content (ADW_APPLICATION_WINDOW (window));
  int min = 0;

  gtk_widget_measure (content, GTK_ORIENTATION_HORIZONTAL, -1, &min, NULL, NULL, NULL);
  g_test_message ("the window's content needs at least %d px", min);
  g_assert_cmpint (min, <=, width);
}

static SlWindow *
open_window (Fixture *fixture, int width)
{
  SlWindow *window = sl_window_new (NULL, fixture->ledger, FALSE);

  gtk_window_set_default_size (GTK_WINDOW (window), width, 800);
  gtk_window_present (GTK_WINDOW (window));
  WAIT_FOR (gtk_widget_get_mapped (GTK_WIDGET (window)));
  WAIT_FOR (gtk_widget_get_width (GTK_WIDGET (window)) > 0);
  iterate (100);
  return window;
}

static void
close_window (SlWindow *window)
{
  GtkWidget *editor = find_widget (GTK_WIDGET (window), SL_TYPE_MEETING_EDITOR);

  /* An editor open when the window goes saves into a page taken apart. */
  if (editor != NULL && gtk_widget_get_mapped (editor))
    {
      gtk_widget_activate_action (editor, "editor.back", NULL);
      iterate (50);
    }
  sl_test_window_close (window, NULL);
}

static const char * const pages[] = {
  "overview", "plan", "members", "measures", "research", "pool", "talks", "reports", "search",
};

static void
check_width (Fixture *fixture, int width)
{
  SlWindow *window = open_window (fixture, width);
  AdwLeaflet *leaflet = ADW_LEAFLET (find_widget (GTK_WIDGET (window), ADW_TYPE_LEAFLET));
  GtkWidget *page;
  GtkWidget *view;
  g_autoptr(GPtrArray) titles = g_ptr_array_new ();
  gboolean narrow = width < 860;

  g_test_message ("window %d px wide: %d", width, gtk_widget_get_width (GTK_WIDGET (window)));

  /* Opened narrow, it shows the page first, not the list of pages. */
  if (narrow)
    {
      WAIT_FOR (adw_leaflet_get_folded (leaflet));
      g_assert_cmpstr (adw_leaflet_get_visible_child_name (leaflet), ==, "content");
    }

  sl_window_show_page (window, "meetings");
  page = sl_window_get_page (window, "meetings");
  view = find_widget (page, GTK_TYPE_COLUMN_VIEW);
  WAIT_FOR (g_list_model_get_n_items (G_LIST_MODEL (gtk_column_view_get_model (GTK_COLUMN_VIEW (view)))) == N_MEETINGS);
  iterate (200);

  /* The sidebar folds away on a narrow window, and only there. */
  if (narrow)
    WAIT_FOR (adw_leaflet_get_folded (leaflet));
  else
    g_assert_false (adw_leaflet_get_folded (leaflet));
  WAIT_FOR (gtk_widget_get_mapped (view));
  iterate (200);

  assert_fits (window, width);

  /* Every title shown is shown whole: at least its natural width. */
  collect_labels (view, TITLE_PREFIX, titles);
  g_assert_cmpuint (titles->len, >, 0);
  for (guint i = 0; i < titles->len; i++)
    {
      GtkWidget *label = titles->pdata[i];
      int natural = 0;

      gtk_widget_measure (label, GTK_ORIENTATION_HORIZONTAL, -1, NULL, &natural, NULL, NULL);
      g_test_message ("%s: %d of %d px", gtk_label_get_label (GTK_LABEL (label)),
                      gtk_widget_get_width (label), natural);
      g_assert_cmpint (gtk_widget_get_width (label), >=, natural);
    }

  /* A meeting open: one header bar, one back arrow. */
  sl_meetings_page_open_meeting (SL_MEETINGS_PAGE (page), fixture->first_meeting);
  WAIT_FOR (sl_meetings_page_get_editing (SL_MEETINGS_PAGE (page)));
  WAIT_FOR (gtk_widget_get_mapped (find_widget (page, SL_TYPE_MEETING_EDITOR)));
  iterate (300);
  if (narrow)
    g_assert_cmpuint (count_header_bars (GTK_WIDGET (window)), ==, 0);
  g_assert_cmpuint (count_back_arrows (GTK_WIDGET (window)), ==, 1);
  assert_fits (window, width);

  /* The other pages, built as they are shown, fit too. */
  for (guint i = 0; i < G_N_ELEMENTS (pages); i++)
    {
      sl_window_show_page (window, pages[i]);
      iterate (100);
      g_test_message ("page %s", pages[i]);
      assert_fits (window, width);
    }

  close_window (window);
}

static void
test_wide (Fixture *fixture, gconstpointer data)
{
  check_width (fixture, 1400);
}

static void
test_700 (Fixture *fixture, gconstpointer data)
{
  check_width (fixture, 700);
}

static void
test_360 (Fixture *fixture, gconstpointer data)
{
  check_width (fixture, 360);
}

int
main (int argc, char **argv)
{
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

#define ADD(name, func) \
  g_test_add ("/window-narrow/" name, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("1400", test_wide);
  ADD ("700", test_700);
  ADD ("360", test_360);
#undef ADD

  return g_test_run ();
}
