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
 *    width (never “局党组202…”), or at 360 px wraps with all its lines
 *    shown: the lesser columns hide instead (sl-column-fold.c);
 *  - with a meeting open in the editor, one header bar shows, with one
 *    back arrow (there were two stacked, each with its own);
 *  - nothing asks for more width than the window has (at 360 px the
 *    meetings page's tools were wider, and cut at the window's edge);
 *  - no text is cut: in the meetings list the kinds are whole (“党组…”
 *    at 700 px), the kinds to filter by are not cut at the edge of their
 *    box (“支” at 700 px, “党” at 360 px), the members' 职务 and 所属组织
 *    are whole (they showed “…”), and the overview's month labels do not
 *    run into one another (“10月11月12月” at 360 px);
 *  - in the meeting editor, a title or theme wider than its one-line row
 *    shows whole, wrapped, in the row below it (at 360 px the title
 *    showed its first fifteen characters); where it fits, that row hides.
 */

#include "config.h"

#include <adwaita.h>
#include <string.h>

#include "sl-chart.h"
#include "sl-ledger.h"
#include "sl-meeting.h"
#include "sl-member.h"
#include "sl-meeting-editor.h"
#include "sl-meetings-page.h"
#include "sl-organization.h"
#include "sl-window.h"
#include "sl-test-util.h"
#include "sl-test-window.h"
#include "sl-test-display.h"

#define TITLE_PREFIX "中共滨江市生态环境局党组理论学习中心组"
#define N_MEETINGS 8
#define THEME "学习贯彻党的二十届四中全会精神，研究部署2026年重点工作"

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

  /* Posts as long as real ones. */
  for (int i = 0; i < 4; i++)
    {
      static const char * const posts[] = {
        "党组书记、局长", "党组成员、副局长、机关党委书记",
        "服务业统计科科长、第二党支部宣传委员", "办公室一级科员",
      };
      g_autoptr(SlMember) member = sl_member_new ();
      g_autofree char *name = g_strdup_printf ("成员%d", i + 1);

      sl_member_set_name (member, name);
      sl_member_set_gender (member, i % 2 ? "女" : "男");
      sl_member_set_post (member, posts[i]);
      sl_member_set_organization (member, sl_record_get_id (SL_RECORD (organization)));
      sl_member_set_leadership (member, i < 2);
      sl_member_set_central_group (member, i < 3);
      sl_member_set_joined_on (member, "2021-09-01");
      g_assert_true (sl_ledger_save_member (fixture->ledger, member, &error));
      g_assert_no_error (error);
    }

  for (int i = 1; i <= N_MEETINGS; i++)
    {
      g_autoptr(SlMeeting) meeting = sl_meeting_new ();
      g_autofree char *title = g_strdup_printf (TITLE_PREFIX "2025年第%d次集体学习", i);
      g_autofree char *date = g_strdup_printf ("2025-%02d-15", i);

      sl_meeting_set_organization (meeting, sl_record_get_id (SL_RECORD (organization)));
      sl_meeting_set_kind (meeting, SL_MEETING_KIND_CENTRAL_GROUP);
      sl_meeting_set_sequence (meeting, i);
      sl_meeting_set_title (meeting, title);
      sl_meeting_set_theme (meeting, THEME);
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

static GtkWidget *
find_mapped_widget (GtkWidget *widget, GType type)
{
  if (!gtk_widget_get_mapped (widget))
    return NULL;
  if (G_TYPE_CHECK_INSTANCE_TYPE (widget, type))
    return widget;

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_mapped_widget (child, type);

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

/* The bounds of @widget in the window's coordinates. */
static gboolean
window_bounds (GtkWidget *widget, graphene_rect_t *bounds)
{
  return gtk_widget_compute_bounds (widget, GTK_WIDGET (gtk_widget_get_root (widget)), bounds);
}

/* A wrapping label given less than its natural width is whole when its
 * lines, as laid out, fit its allocation and nothing is shortened. */
static gboolean
wrapped_whole (GtkWidget *label)
{
  PangoLayout *layout = gtk_label_get_layout (GTK_LABEL (label));
  PangoRectangle logical;

  if (!gtk_label_get_wrap (GTK_LABEL (label)) || pango_layout_is_ellipsized (layout))
    return FALSE;
  pango_layout_get_pixel_extents (layout, NULL, &logical);
  return logical.width <= gtk_widget_get_width (label) + 1 &&
         logical.height <= gtk_widget_get_height (label) + 1;
}

/* The first mapped label under @widget that is not allocated its
 * natural width (“…”, or a character cut by its own allocation), or
 * NULL. @except: a text that alone may give way (a theme, which the list
 * shortens on purpose), or NULL. */
static GtkWidget *
find_cut_label (GtkWidget *widget, const char *except)
{
  /* An entry's placeholder (“搜索…”) may give way: it is no content. */
  if (!gtk_widget_get_mapped (widget) || GTK_IS_TEXT (widget))
    return NULL;

  if (GTK_IS_LABEL (widget) && g_strcmp0 (gtk_label_get_label (GTK_LABEL (widget)), except) != 0 &&
      *gtk_label_get_label (GTK_LABEL (widget)) != '\0')
    {
      int natural = 0;

      /* Shortened to “…”, or given less than its text: a character or
       * more cut (a button's label may be given a pixel or two less than
       * it asks, which cuts no character). */
      gtk_widget_measure (widget, GTK_ORIENTATION_HORIZONTAL, -1, NULL, &natural, NULL, NULL);
      if (pango_layout_is_ellipsized (gtk_label_get_layout (GTK_LABEL (widget))) ||
          (gtk_widget_get_width (widget) < natural - 2 && !wrapped_whole (widget)))
        return widget;
    }

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *cut = find_cut_label (child, except);

      if (cut != NULL)
        return cut;
    }
  return NULL;
}

/* No label under @widget is cut, once the layout has caught up with the
 * texts just set (a count set after the last allocation is not cut). */
static void
assert_labels_whole (GtkWidget *widget, const char *except)
{
  gint64 end = g_get_monotonic_time () + 10 * G_USEC_PER_SEC;
  GtkWidget *cut;

  while ((cut = find_cut_label (widget, except)) != NULL && g_get_monotonic_time () < end)
    g_main_context_iteration (NULL, FALSE);

  if (cut != NULL)
    {
      int natural = 0;

      gtk_widget_measure (cut, GTK_ORIENTATION_HORIZONTAL, -1, NULL, &natural, NULL, NULL);
      g_error ("“%s” is cut: %d of %d px", gtk_label_get_label (GTK_LABEL (cut)),
               gtk_widget_get_width (cut), natural);
    }
}

/* Every mapped label under @widget lies inside every scrolled window
 * around it and inside the window: none is cut at an edge. For tools,
 * not for a list that scrolls sideways on purpose. */
static void
assert_labels_inside (GtkWidget *widget)
{
  if (!gtk_widget_get_mapped (widget) || GTK_IS_TEXT (widget))
    return;

  if (GTK_IS_LABEL (widget) && *gtk_label_get_label (GTK_LABEL (widget)) != '\0')
    {
      graphene_rect_t label, clip;

      g_assert_true (window_bounds (widget, &label));
      for (GtkWidget *up = widget; up != NULL; up = gtk_widget_get_parent (up))
        {
          if (!GTK_IS_SCROLLED_WINDOW (up) && !GTK_IS_WINDOW (up))
            continue;
          g_assert_true (window_bounds (up, &clip));
          if (label.origin.x < clip.origin.x - 0.5 ||
              label.origin.x + label.size.width > clip.origin.x + clip.size.width + 0.5)
            g_error ("“%s” (%g to %g px) is cut at the edge of its %s (%g to %g px)",
                     gtk_label_get_label (GTK_LABEL (widget)),
                     label.origin.x, label.origin.x + label.size.width, G_OBJECT_TYPE_NAME (up),
                     clip.origin.x, clip.origin.x + clip.size.width);
        }
    }

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL; child = gtk_widget_get_next_sibling (child))
    assert_labels_inside (child);
}

static gboolean
chart_drawn (SlChart *chart)
{
  guint n = 0;

  sl_chart_get_label_extents (chart, &n);
  return n > 0;
}

/* The months under the overview's chart: none overlaps the next or
 * passes the chart's edges. */
static void
check_chart_labels (SlWindow *window)
{
  GtkWidget *page = sl_window_get_page (window, "overview");
  SlChart *chart;
  const double *extents;
  guint n = 0;

  SL_TEST_WAIT_FOR ((chart = SL_CHART (find_widget (page, SL_TYPE_CHART))) != NULL &&
            gtk_widget_get_mapped (GTK_WIDGET (chart)) && sl_chart_get_n_items (chart) > 0);
  gtk_widget_queue_draw (GTK_WIDGET (chart));
  SL_TEST_WAIT_FOR (chart_drawn (chart));
  extents = sl_chart_get_label_extents (chart, &n);
  g_test_message ("%u month labels in %d px", n, gtk_widget_get_width (GTK_WIDGET (chart)));
  for (guint i = 0; i < n; i++)
    {
      double x = extents[2 * i], w = extents[2 * i + 1];

      g_assert_cmpfloat (x, >=, 0);
      g_assert_cmpfloat (x + w, <=, gtk_widget_get_width (GTK_WIDGET (chart)));
      if (i + 1 < n)
        g_assert_cmpfloat (x + w, <, extents[2 * (i + 1)]);
    }
}

/* The editor's @name row (title_row, theme_row): its text is shown whole,
 * in the row itself or, wrapped, in the row below it. */
static void
assert_entry_whole (GtkWidget  *editor,
                    const char *name,
                    gboolean    wrapped)
{
  GtkWidget *row = sl_test_template_child (editor, SL_TYPE_MEETING_EDITOR, name);
  GtkWidget *below = gtk_widget_get_next_sibling (row);
  GtkWidget *label = below ? gtk_list_box_row_get_child (GTK_LIST_BOX_ROW (below)) : NULL;

  g_assert_nonnull (below);
  g_assert_cmpstr (gtk_widget_get_name (below), ==, "sl-entry-wrap");
  g_test_message ("%s: wrapped below %d", name, gtk_widget_get_mapped (below));
  g_assert_cmpint (gtk_widget_get_mapped (below), ==, wrapped);
  g_assert_false (gtk_widget_get_focusable (below));
  if (wrapped)
    {
      g_assert_cmpstr (gtk_label_get_label (GTK_LABEL (label)), ==,
                       gtk_editable_get_text (GTK_EDITABLE (row)));
      g_assert_true (wrapped_whole (label));
    }
}

static SlWindow *
open_window (Fixture *fixture, int width)
{
  SlWindow *window = sl_test_window_open (fixture->ledger, width, 800);

  iterate (50);
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
  GtkWidget *toolbar;
  g_autoptr(GPtrArray) titles = g_ptr_array_new ();
  gboolean narrow = width < 860;

  g_test_message ("window %d px wide: %d", width, gtk_widget_get_width (GTK_WIDGET (window)));

  /* Opened narrow, it shows the page first, not the list of pages. */
  if (narrow)
    {
      SL_TEST_WAIT_FOR (adw_leaflet_get_folded (leaflet));
      g_assert_cmpstr (adw_leaflet_get_visible_child_name (leaflet), ==, "content");
    }

  sl_window_show_page (window, "meetings");
  page = sl_window_get_page (window, "meetings");
  view = find_widget (page, GTK_TYPE_COLUMN_VIEW);
  SL_TEST_WAIT_FOR (g_list_model_get_n_items (G_LIST_MODEL (gtk_column_view_get_model (GTK_COLUMN_VIEW (view)))) == N_MEETINGS);
  iterate (200);

  /* The sidebar folds away on a narrow window, and only there. */
  if (narrow)
    SL_TEST_WAIT_FOR (adw_leaflet_get_folded (leaflet));
  else
    g_assert_false (adw_leaflet_get_folded (leaflet));
  SL_TEST_WAIT_FOR (gtk_widget_get_mapped (view));
  iterate (200);

  assert_fits (window, width);

  /* Every title shown is shown whole: at least its natural width, or
   * (at 360 px, where even a title alone is wider than the window)
   * wrapped on lines that all show. */
  collect_labels (view, TITLE_PREFIX, titles);
  g_assert_cmpuint (titles->len, >, 0);
  for (guint i = 0; i < titles->len; i++)
    {
      GtkWidget *label = titles->pdata[i];
      int natural = 0;

      gtk_widget_measure (label, GTK_ORIENTATION_HORIZONTAL, -1, NULL, &natural, NULL, NULL);
      g_test_message ("%s: %d of %d px", gtk_label_get_label (GTK_LABEL (label)),
                      gtk_widget_get_width (label), natural);
      if (gtk_widget_get_width (label) < natural)
        g_assert_true (wrapped_whole (label));
    }

  /* The kinds whole, the themes alone shortened; the tools not cut. */
  assert_labels_whole (view, THEME);
  toolbar = gtk_widget_get_parent (find_mapped_widget (page, GTK_TYPE_SEARCH_ENTRY));
  g_assert_true (gtk_widget_get_mapped (toolbar));
  assert_labels_whole (toolbar, NULL);
  assert_labels_inside (toolbar);

  /* A meeting open: one header bar, one back arrow. */
  sl_meetings_page_open_meeting (SL_MEETINGS_PAGE (page), fixture->first_meeting);
  SL_TEST_WAIT_FOR (sl_meetings_page_get_editing (SL_MEETINGS_PAGE (page)));
  SL_TEST_WAIT_FOR (gtk_widget_get_mapped (find_widget (page, SL_TYPE_MEETING_EDITOR)));
  iterate (300);
  if (narrow)
    g_assert_cmpuint (count_header_bars (GTK_WIDGET (window)), ==, 0);
  g_assert_cmpuint (count_back_arrows (GTK_WIDGET (window)), ==, 1);
  assert_fits (window, width);
  /* The long title and theme whole at 360 px; one line where they fit. */
  assert_entry_whole (find_widget (page, SL_TYPE_MEETING_EDITOR), "title_row", width < 600);
  assert_entry_whole (find_widget (page, SL_TYPE_MEETING_EDITOR), "theme_row", width < 600);

  /* The members' posts and organisations whole. */
  sl_window_show_page (window, "members");
  page = sl_window_get_page (window, "members");
  view = find_widget (page, GTK_TYPE_COLUMN_VIEW);
  SL_TEST_WAIT_FOR (gtk_widget_get_mapped (view));
  SL_TEST_WAIT_FOR (g_list_model_get_n_items (G_LIST_MODEL (gtk_column_view_get_model (GTK_COLUMN_VIEW (view)))) == 4);
  iterate (200);
  assert_labels_whole (view, NULL);

  sl_window_show_page (window, "overview");
  check_chart_labels (window);

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

/* The months as the Chinese window labels them, under a chart as wide
 * as the overview gives it at 360 px: “10月11月12月” ran into one another. */
static void
test_chart_months (void)
{
  GtkWidget *window = gtk_window_new ();
  SlChart *chart = SL_CHART (sl_chart_new ());
  g_autoptr(GPtrArray) months = g_ptr_array_new_with_free_func (g_free);
  const char * const series[] = { "党组会议", NULL };
  const guint colors[] = { 0 };
  double values[12];
  const double *extents;
  guint n = 0;

  for (guint m = 1; m <= 12; m++)
    {
      g_ptr_array_add (months, g_strdup_printf ("%u月", m));
      values[m - 1] = m % 3;
    }
  g_ptr_array_add (months, NULL);
  sl_chart_set_columns (chart, (const char * const *) months->pdata, series, colors, values);

  gtk_window_set_child (GTK_WINDOW (window), GTK_WIDGET (chart));
  gtk_window_set_default_size (GTK_WINDOW (window), 336, 300);
  gtk_window_present (GTK_WINDOW (window));
  SL_TEST_WAIT_FOR (gtk_widget_get_mapped (GTK_WIDGET (chart)) && gtk_widget_get_width (GTK_WIDGET (chart)) > 0);
  SL_TEST_WAIT_FOR (chart_drawn (chart));

  extents = sl_chart_get_label_extents (chart, &n);
  g_test_message ("%u of 12 months labelled in %d px", n, gtk_widget_get_width (GTK_WIDGET (chart)));
  g_assert_cmpuint (n, >=, 4);
  for (guint i = 0; i < n; i++)
    {
      g_assert_cmpfloat (extents[2 * i], >=, 0);
      g_assert_cmpfloat (extents[2 * i] + extents[2 * i + 1], <=, gtk_widget_get_width (GTK_WIDGET (chart)));
      if (i + 1 < n)
        g_assert_cmpfloat (extents[2 * i] + extents[2 * i + 1], <, extents[2 * (i + 1)]);
    }

  gtk_window_destroy (GTK_WINDOW (window));
}

int
main (int argc, char **argv)
{
  sl_test_gtk_init (&argc, &argv);

#define ADD(name, func) \
  g_test_add ("/window-narrow/" name, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("1400", test_wide);
  ADD ("700", test_700);
  ADD ("360", test_360);
#undef ADD
  g_test_add_func ("/window-narrow/chart-months", test_chart_months);

  return g_test_run ();
}
