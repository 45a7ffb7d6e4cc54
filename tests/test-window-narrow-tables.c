/* test-window-narrow-tables.c — tables, tools and dialogs on a 700 and a 360 px window
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Runs under Xvfb (build-aux/setup.sh --test), on a realistic year
 * (tests/data/year-2023.json imported into a real ledger). Read from the
 * widgets' allocations:
 *
 *  - no table scrolls sideways at 700 or 360 px (GTK 4.8 cannot pin a
 *    column, and a sideways list took the names and dates out of sight):
 *    the lesser columns hide (sl-column-fold.c), the first ones stay, and
 *    every label left is whole, wrapped where it must be; at 1400 px
 *    nothing hides in the meetings list;
 *  - the measures' source meeting (来源会议) is shown whole, on as many
 *    lines as it takes (it was cut at 360 and 700 px), and their
 *    落实情况 (state and progress) stays at every width (it hid first);
 *  - the members' tools fit at 360 px (they scrolled sideways): the
 *    secondary actions fold into a menu;
 *  - the member dialog opens no wider than a 360 px window;
 *  - the meetings filter's menu button has no tooltip to lie over its
 *    first choice (全部);
 *  - the locked year's banner in the editor at 360 px has its text over
 *    the width, its buttons under it;
 *  - in the meeting editor at 360 px the title and the theme are shown
 *    whole, over the full width (they were cut mid-character).
 */

#include "config.h"

#include <adwaita.h>

#include "sl-archive.h"
#include "sl-column-fold.h"
#include "sl-evidence.h"
#include "sl-meeting.h"
#include "sl-ledger.h"
#include "sl-meeting-editor.h"
#include "sl-meetings-page.h"
#include "sl-member-dialog.h"
#include "sl-window.h"
#include "sl-test-util.h"
#include "sl-test-window.h"
#include "sl-test-display.h"

typedef SlTestYear Fixture;

static void
fixture_set_up (Fixture *fixture, gconstpointer data)
{
  sl_test_year_set_up (fixture, "test-window-narrow-tables-XXXXXX");
}

static void
fixture_tear_down (Fixture *fixture, gconstpointer data)
{
  sl_test_year_tear_down (fixture);
}

static GtkWidget *
find_mapped (GtkWidget *widget, GType type)
{
  if (!gtk_widget_get_mapped (widget))
    return NULL;
  if (G_TYPE_CHECK_INSTANCE_TYPE (widget, type))
    return widget;
  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_mapped (child, type);

      if (found != NULL)
        return found;
    }
  return NULL;
}

static SlWindow *
open_window (Fixture *fixture, int width)
{
  SlWindow *window = sl_test_window_open (fixture->ledger, width, 800);

  sl_test_iterate (150);
  return window;
}

/* A label is whole when its text, as laid out for its allocation, is not
 * shortened to “…” and fits that allocation: wrapped on more lines is
 * whole, a line wider than the label is cut. */
static gboolean
label_whole (GtkWidget *label)
{
  PangoLayout *layout = gtk_label_get_layout (GTK_LABEL (label));
  PangoRectangle logical;

  if (pango_layout_is_ellipsized (layout))
    return FALSE;
  pango_layout_get_pixel_extents (layout, NULL, &logical);
  return logical.width <= gtk_widget_get_width (label) + 1 &&
         logical.height <= gtk_widget_get_height (label) + 1;
}

static gboolean
window_bounds (GtkWidget *widget, graphene_rect_t *bounds)
{
  return gtk_widget_compute_bounds (widget, GTK_WIDGET (gtk_widget_get_root (widget)), bounds);
}

/* Every mapped label under @widget is whole and inside @clip's width;
 * with @shortening, a label made to shorten to “…” (the meetings'
 * themes) may. Returns how many were looked at. */
static guint
check_labels (GtkWidget *widget, GtkWidget *clip, gboolean shortening)
{
  guint n = 0;

  if (!gtk_widget_get_mapped (widget) || GTK_IS_TEXT (widget))
    return 0;
  /* A squeezer's other children stay mapped, but are not drawn. */
  if (ADW_IS_SQUEEZER (widget))
    return check_labels (adw_squeezer_get_visible_child (ADW_SQUEEZER (widget)), clip, shortening);

  if (GTK_IS_LABEL (widget) && *gtk_label_get_label (GTK_LABEL (widget)) != '\0' &&
      !(shortening && gtk_label_get_ellipsize (GTK_LABEL (widget)) != PANGO_ELLIPSIZE_NONE))
    {
      graphene_rect_t label, area;
      PangoRectangle logical;

      pango_layout_get_pixel_extents (gtk_label_get_layout (GTK_LABEL (widget)), NULL, &logical);
      if (!label_whole (widget))
        g_error ("“%s” is cut: %d×%d px of text in %d×%d px",
                 gtk_label_get_label (GTK_LABEL (widget)), logical.width, logical.height,
                 gtk_widget_get_width (widget), gtk_widget_get_height (widget));
      g_assert_true (window_bounds (widget, &label));
      g_assert_true (window_bounds (clip, &area));
      if (label.origin.x < area.origin.x - 0.5 ||
          label.origin.x + label.size.width > area.origin.x + area.size.width + 0.5)
        {
          for (GtkWidget *up = widget; up != clip; up = gtk_widget_get_parent (up))
            {
              int min = 0, nat = 0;
              gtk_widget_measure (up, GTK_ORIENTATION_HORIZONTAL, -1, &min, &nat, NULL, NULL);
              g_test_message ("inside %s: %d px, asks %d to %d", G_OBJECT_TYPE_NAME (up),
                              gtk_widget_get_width (up), min, nat);
            }
        g_error ("“%s” (%g to %g px) is cut at the edge (%g to %g px)",
                 gtk_label_get_label (GTK_LABEL (widget)), label.origin.x,
                 label.origin.x + label.size.width, area.origin.x, area.origin.x + area.size.width);
        }
      n++;
    }

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL; child = gtk_widget_get_next_sibling (child))
    n += check_labels (child, clip, shortening);
  return n;
}

static void
dump_columns (GtkColumnView *view)
{
  GListModel *columns = gtk_column_view_get_columns (view);
  GtkAdjustment *adjustment = gtk_scrollable_get_hadjustment (GTK_SCROLLABLE (view));

  g_test_message ("view %d px, adjustment %g of %g, %u hidden",
                  gtk_widget_get_width (GTK_WIDGET (view)),
                  gtk_adjustment_get_page_size (adjustment), gtk_adjustment_get_upper (adjustment),
                  sl_column_fold_get_n_hidden (view));
  for (guint i = 0; i < g_list_model_get_n_items (columns); i++)
    {
      g_autoptr(GtkColumnViewColumn) column = g_list_model_get_item (columns, i);

      g_test_message ("  %s: %s", gtk_column_view_column_get_title (column),
                      gtk_column_view_column_get_visible (column) ? "shown" : "hidden");
    }
}

static gboolean
column_shown (GtkColumnView *view, guint position)
{
  g_autoptr(GtkColumnViewColumn) column = g_list_model_get_item (gtk_column_view_get_columns (view), position);

  return gtk_column_view_column_get_visible (column);
}

/* The table of @page: no sideways scrolling once it has settled, the
 * columns at the positions in @kept (“013”) shown, every label whole. */
static GtkColumnView *
check_table (SlWindow *window, const char *page_name, const char *kept, gboolean shortening)
{
  GtkWidget *page;
  GtkColumnView *view;
  GtkAdjustment *adjustment;
  guint n;

  sl_window_show_page (window, page_name);
  page = sl_window_get_page (window, page_name);
  SL_TEST_WAIT_FOR ((view = GTK_COLUMN_VIEW (find_mapped (page, GTK_TYPE_COLUMN_VIEW))) != NULL);
  SL_TEST_WAIT_FOR (g_list_model_get_n_items (G_LIST_MODEL (gtk_column_view_get_model (view))) > 0);
  adjustment = gtk_scrollable_get_hadjustment (GTK_SCROLLABLE (view));
  sl_test_iterate (300);
  for (gint64 end = g_get_monotonic_time () + 10 * G_USEC_PER_SEC;
       g_get_monotonic_time () < end &&
       !(gtk_adjustment_get_page_size (adjustment) > 0 &&
         gtk_adjustment_get_upper (adjustment) <= gtk_adjustment_get_page_size (adjustment) + 1);)
    g_main_context_iteration (NULL, FALSE);
  sl_test_iterate (300);
  g_test_message ("page %s in a window of %d px", page_name, gtk_widget_get_width (GTK_WIDGET (window)));
  dump_columns (view);
  g_assert_cmpfloat (gtk_adjustment_get_upper (adjustment), <=, gtk_adjustment_get_page_size (adjustment) + 1);
  for (const char *k = kept; *k != '\0'; k++)
    g_assert_true (column_shown (view, *k - '0'));
  /* The window's edge cuts nothing: the table is no wider than the window. */
  g_assert_cmpint (gtk_widget_get_width (GTK_WIDGET (view)), <=,
                   gtk_widget_get_width (GTK_WIDGET (window)));
  n = check_labels (GTK_WIDGET (view), gtk_widget_get_parent (GTK_WIDGET (view)), shortening);
  g_assert_cmpuint (n, >, 0);
  return view;
}

static void
check_tables (Fixture *fixture, int width)
{
  SlWindow *window = open_window (fixture, width);
  GtkColumnView *view;

  /* The meetings: date and title stay. */
  view = check_table (window, "meetings", "01", TRUE);
  if (width >= 1400)
    g_assert_cmpuint (sl_column_fold_get_n_hidden (view), ==, 0);
  else
    g_assert_cmpuint (sl_column_fold_get_n_hidden (view), >, 0);

  /* The members: number, name, post. */
  check_table (window, "members", "013", FALSE);
  /* The measures: the measure and its 落实情况 (state, progress) at every
   * width, and its source meeting down to 700 px, whole. */
  check_table (window, "measures", width >= 700 ? "014" : "04", FALSE);
  /* The plan: month, theme and delete (the leads shorten to “…” by design). */
  view = check_table (window, "plan", "016", TRUE);
  /* Its last columns (状态, 开展情况, delete) keep the page's margin from
   * the window's right edge (a tester saw 状态 touch it at 1400 px). */
  {
    graphene_rect_t bounds;

    g_assert_true (gtk_widget_compute_bounds (GTK_WIDGET (view), GTK_WIDGET (window), &bounds));
    g_test_message ("plan table ends at %g of %d px", bounds.origin.x + bounds.size.width,
                    gtk_widget_get_width (GTK_WIDGET (window)));
    g_assert_cmpfloat (bounds.origin.x + bounds.size.width, <=, gtk_widget_get_width (GTK_WIDGET (window)) - 12);
  }

  sl_test_window_close (window, NULL);
}

static void
test_tables_1400 (Fixture *fixture, gconstpointer data)
{
  check_tables (fixture, 1400);
}

static void
test_tables_700 (Fixture *fixture, gconstpointer data)
{
  check_tables (fixture, 700);
}

static void
test_tables_360 (Fixture *fixture, gconstpointer data)
{
  check_tables (fixture, 360);
}

/* A mapped menu button showing “more” (the members' folded tools). */
static GtkWidget *
find_more_button (GtkWidget *widget)
{
  if (!gtk_widget_get_mapped (widget))
    return NULL;
  if (ADW_IS_SQUEEZER (widget))
    return find_more_button (adw_squeezer_get_visible_child (ADW_SQUEEZER (widget)));
  if (GTK_IS_MENU_BUTTON (widget) &&
      g_strcmp0 (gtk_menu_button_get_icon_name (GTK_MENU_BUTTON (widget)), "view-more-symbolic") == 0)
    return widget;
  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_more_button (child);

      if (found != NULL)
        return found;
    }
  return NULL;
}

/* The members' tools: at 360 px they fit the window, in no scrolled
 * window, the secondary actions in a menu; at 1400 px all show. */
static void
check_members_tools (Fixture *fixture, int width)
{
  SlWindow *window = open_window (fixture, width);
  GtkWidget *page, *dropdown, *toolbar, *more;
  int minimum = 0;

  sl_window_show_page (window, "members");
  page = sl_window_get_page (window, "members");
  SL_TEST_WAIT_FOR ((dropdown = find_mapped (page, GTK_TYPE_DROP_DOWN)) != NULL);
  sl_test_iterate (300);
  toolbar = gtk_widget_get_parent (dropdown);

  g_assert_null (gtk_widget_get_ancestor (toolbar, GTK_TYPE_SCROLLED_WINDOW));
  gtk_widget_measure (toolbar, GTK_ORIENTATION_HORIZONTAL, -1, &minimum, NULL, NULL, NULL);
  g_test_message ("the members' tools need %d px of %d", minimum, gtk_widget_get_width (page));
  g_assert_cmpint (minimum, <=, gtk_widget_get_width (page));
  g_assert_cmpint (gtk_widget_get_width (GTK_WIDGET (window)), <=, width);
  check_labels (toolbar, GTK_WIDGET (window), FALSE);

  more = find_more_button (toolbar);
  if (width < 700)
    {
      GMenuModel *menu;
      g_autoptr(GString) actions = g_string_new (NULL);

      g_assert_nonnull (more);
      menu = gtk_menu_button_get_menu_model (GTK_MENU_BUTTON (more));
      for (int s = 0; s < g_menu_model_get_n_items (menu); s++)
        {
          g_autoptr(GMenuModel) section = g_menu_model_get_item_link (menu, s, G_MENU_LINK_SECTION);

          for (int i = 0; section != NULL && i < g_menu_model_get_n_items (section); i++)
            {
              g_autofree char *action = NULL;

              g_menu_model_get_item_attribute (section, i, G_MENU_ATTRIBUTE_ACTION, "s", &action);
              g_string_append_printf (actions, "%s ", action);
            }
        }
      g_assert_cmpstr (actions->str, ==, "members.record members.edit members.move-up "
                       "members.move-down win.import-roster members.delete ");
    }
  else
    g_assert_null (more);

  sl_test_window_close (window, NULL);
}

static void
test_members_tools_360 (Fixture *fixture, gconstpointer data)
{
  check_members_tools (fixture, 360);
}

static void
test_members_tools_1400 (Fixture *fixture, gconstpointer data)
{
  check_members_tools (fixture, 1400);
}

/* The member dialog on a 360 px window: no wider than the window. */
static void
test_member_dialog_360 (Fixture *fixture, gconstpointer data)
{
  SlWindow *window = open_window (fixture, 360);
  GtkWidget *page, *dialog = NULL;
  GListModel *toplevels = gtk_window_get_toplevels ();
  int minimum = 0;

  sl_window_show_page (window, "members");
  page = sl_window_get_page (window, "members");
  SL_TEST_WAIT_FOR (gtk_widget_get_mapped (page));
  g_assert_true (gtk_widget_activate_action (page, "members.add", NULL));

  for (gint64 end = g_get_monotonic_time () + 10 * G_USEC_PER_SEC;
       dialog == NULL && g_get_monotonic_time () < end;)
    {
      g_main_context_iteration (NULL, FALSE);
      for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
        {
          g_autoptr(GtkWidget) toplevel = g_list_model_get_item (toplevels, i);

          if (SL_IS_MEMBER_DIALOG (toplevel) && gtk_widget_get_mapped (toplevel))
            dialog = toplevel;
        }
    }
  g_assert_nonnull (dialog);
  sl_test_iterate (300);

  gtk_widget_measure (dialog, GTK_ORIENTATION_HORIZONTAL, -1, &minimum, NULL, NULL, NULL);
  g_test_message ("the member dialog: %d px, needs %d", gtk_widget_get_width (dialog), minimum);
  g_assert_cmpint (minimum, <=, 360);
  g_assert_cmpint (gtk_widget_get_width (dialog), <=, 360);

  sl_test_window_close (window, NULL);
}

/* The meetings filter in its narrow form: no tooltip over its menu,
 * whose first choice (全部) it covered as the menu opened. */
static void
test_filter_tooltip (Fixture *fixture, gconstpointer data)
{
  SlWindow *window = open_window (fixture, 700);
  GtkWidget *page, *squeezer, *filter;

  sl_window_show_page (window, "meetings");
  page = sl_window_get_page (window, "meetings");
  SL_TEST_WAIT_FOR ((squeezer = find_mapped (page, ADW_TYPE_SQUEEZER)) != NULL &&
                    GTK_IS_MENU_BUTTON (adw_squeezer_get_visible_child (ADW_SQUEEZER (squeezer))));
  filter = adw_squeezer_get_visible_child (ADW_SQUEEZER (squeezer));
  g_assert_false (gtk_widget_get_has_tooltip (filter));
  g_assert_null (gtk_widget_get_tooltip_text (filter));

  sl_test_window_close (window, NULL);
}

/* At 360 px the locked year's banner puts its buttons under its text,
 * which takes the width (it wrapped four characters a line beside them). */
static void
test_lock_banner_360 (Fixture *fixture, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) meetings = sl_ledger_load_meetings (fixture->ledger, 2023, NULL, FALSE, &error);
  SlMeeting *meeting;
  SlWindow *window;
  SlMeetingsPage *page;
  GtkWidget *editor, *label;

  g_assert_no_error (error);
  g_assert_cmpuint (meetings->len, >, 0);
  meeting = g_ptr_array_index (meetings, 0);
  g_assert_true (sl_evidence_lock_year (fixture->ledger, sl_meeting_get_organization (meeting), 2023,
                                        "张三", &error));
  g_assert_no_error (error);

  window = open_window (fixture, 360);
  sl_window_show_page (window, "meetings");
  page = SL_MEETINGS_PAGE (sl_window_get_page (window, "meetings"));
  sl_meetings_page_open_meeting (page, sl_record_get_id (SL_RECORD (meeting)));
  SL_TEST_WAIT_FOR (sl_meetings_page_get_editing (page));
  editor = GTK_WIDGET (sl_test_window_editor (window));
  SL_TEST_WAIT_FOR ((label = sl_test_find_named (editor, "sl-lock-label")) != NULL &&
                    gtk_widget_get_mapped (label));
  sl_test_iterate (600);
  g_test_message ("lock label %d×%d px in an editor %d px wide", gtk_widget_get_width (label),
                  gtk_widget_get_height (label), gtk_widget_get_width (editor));
  g_assert_cmpint (gtk_widget_get_width (label), >=, gtk_widget_get_width (editor) * 7 / 10);
  g_assert_true (label_whole (label));
  sl_test_window_close (window, NULL);
}

int
main (int argc, char **argv)
{
  sl_test_gtk_init (&argc, &argv);

#define ADD(name, func) \
  g_test_add ("/window-narrow-tables/" name, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("tables-1400", test_tables_1400);
  ADD ("tables-700", test_tables_700);
  ADD ("tables-360", test_tables_360);
  ADD ("members-tools-360", test_members_tools_360);
  ADD ("members-tools-1400", test_members_tools_1400);
  ADD ("member-dialog-360", test_member_dialog_360);
  ADD ("filter-tooltip", test_filter_tooltip);
  ADD ("lock-banner-360", test_lock_banner_360);
#undef ADD

  return g_test_run ();
}
