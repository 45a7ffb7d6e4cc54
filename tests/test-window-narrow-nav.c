/* test-window-narrow-nav.c — going from page to page by keyboard on a narrow window
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Runs under Xvfb (build-aux/setup.sh --test), on a realistic year
 * (tests/data/year-2023.json imported into a real ledger). The keys are
 * real X key events made by the XTEST extension (tests/lib/sl-test-keys.h),
 * so they take the path a keyboard's do; where
 * XTEST is missing the tests skip.
 *
 *  - at 360 px, with the sidebar on screen, Ctrl+4 shows the members page
 *    (it changed the page behind the sidebar, which stayed);
 *  - in the meeting editor at 700 and 360 px, Alt+← goes back to the
 *    list, and Ctrl+4 leaves the editor for the members page, as at
 *    1400 px (both did nothing: the focus was left on no widget);
 *  - on the members page at 360 px, where 添加 shows only “+”, Alt+A
 *    still opens the member dialog;
 *  - on the meetings page at 360 px 新建会议 shows only “+”, leaving the
 *    search field its width, clear of the window's edge; Alt+N works.
 */

#include "config.h"

#include <adwaita.h>

#include "sl-archive.h"
#include "sl-ledger.h"
#include "sl-meeting.h"
#include "sl-meeting-editor.h"
#include "sl-meetings-page.h"
#include "sl-member-dialog.h"
#include "sl-window.h"
#include "sl-test-keys.h"
#include "sl-test-util.h"
#include "sl-test-window.h"
#include "sl-test-display.h"

typedef SlTestYear Fixture;

/* One keystroke: a key, or a chord such as Ctrl+4. */
static void
key (SlWindow *window, guint keyval, GdkModifierType modifiers)
{
  g_autofree char *before = sl_test_keys_focus_chain (GTK_WIDGET (window));
  g_autofree char *after = NULL;

  sl_test_keys_send (keyval, modifiers);

  /* Where the key left the focus, for the log of a failure. */
  after = sl_test_keys_focus_chain (GTK_WIDGET (window));
  g_test_message ("key %s%s%s: %s→ %s", modifiers & GDK_CONTROL_MASK ? "Ctrl+" : "",
                  modifiers & GDK_ALT_MASK ? "Alt+" : "", gdk_keyval_name (keyval), before, after);
}
static void
fixture_set_up (Fixture *fixture, gconstpointer data)
{
  sl_test_year_set_up (fixture, "test-window-narrow-nav-XXXXXX");
}

static void
fixture_tear_down (Fixture *fixture, gconstpointer data)
{
  sl_test_year_tear_down (fixture);
}

#define SKIP_WITHOUT_XTEST() SL_TEST_KEYS_REQUIRE (sl_test_keys_init ())

static SlWindow *
open_window (Fixture *fixture, int width)
{
  SlWindow *window = sl_test_window_open (fixture->ledger, width, 800);

  /* X key events go to the window with the X focus. */
  SL_TEST_WAIT_FOR (gtk_window_is_active (GTK_WINDOW (window)));
  sl_test_iterate (300);
  return window;
}

static const char *
page_shown (SlWindow *window)
{
  AdwLeaflet *leaflet = sl_test_template_child (window, SL_TYPE_WINDOW, "leaflet");
  GtkWidget *content = sl_test_template_child (window, SL_TYPE_WINDOW, "content_box");
  GtkStack *stack = sl_test_template_child (window, SL_TYPE_WINDOW, "content_stack");

  if (adw_leaflet_get_visible_child (leaflet) != content)
    return "sidebar";
  return gtk_stack_get_visible_child_name (stack);
}

/* At 360 px, on the sidebar: Ctrl+4 shows the members, not the sidebar
 * with the members behind it; and so does activating a row. */
static void
test_sidebar_360 (Fixture *fixture, gconstpointer data)
{
  SlWindow *window;
  GtkListBox *sidebar;

  SKIP_WITHOUT_XTEST ();
  window = open_window (fixture, 360);
  sl_window_show_page (window, "meetings");
  SL_TEST_WAIT_FOR (g_strcmp0 (page_shown (window), "meetings") == 0);

  key (window, GDK_KEY_Left, GDK_ALT_MASK);
  SL_TEST_WAIT_FOR (g_strcmp0 (page_shown (window), "sidebar") == 0);
  sl_test_iterate (500);
  key (window, GDK_KEY_4, GDK_CONTROL_MASK);
  SL_TEST_WAIT_FOR (g_strcmp0 (page_shown (window), "members") == 0);
  sl_test_iterate (500);
  g_assert_cmpstr (page_shown (window), ==, "members");

  /* With the focus on a row of the sidebar, as Tab leaves it there. */
  key (window, GDK_KEY_Left, GDK_ALT_MASK);
  SL_TEST_WAIT_FOR (g_strcmp0 (page_shown (window), "sidebar") == 0);
  sidebar = sl_test_template_child (window, SL_TYPE_WINDOW, "sidebar_list");
  gtk_widget_grab_focus (GTK_WIDGET (gtk_list_box_get_row_at_index (sidebar, 1)));
  key (window, GDK_KEY_3, GDK_CONTROL_MASK);
  SL_TEST_WAIT_FOR (g_strcmp0 (page_shown (window), "plan") == 0);
  sl_test_iterate (500);
  g_assert_cmpstr (page_shown (window), ==, "plan");

  key (window, GDK_KEY_Left, GDK_ALT_MASK);
  SL_TEST_WAIT_FOR (g_strcmp0 (page_shown (window), "sidebar") == 0);
  g_signal_emit_by_name (sidebar, "row-activated", gtk_list_box_get_row_at_index (sidebar, 4));
  SL_TEST_WAIT_FOR (g_strcmp0 (page_shown (window), "measures") == 0);
  sl_test_iterate (500);
  g_assert_cmpstr (page_shown (window), ==, "measures");

  sl_test_window_close (window, NULL);
}

static gboolean
editing (SlWindow *window)
{
  return sl_meetings_page_get_editing (SL_MEETINGS_PAGE (sl_window_get_page (window, "meetings")));
}

static void
open_first_meeting (Fixture *fixture, SlWindow *window)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) meetings = sl_ledger_load_meetings (fixture->ledger, 2023, NULL, FALSE, &error);
  SlMeetingsPage *page;

  g_assert_no_error (error);
  g_assert_cmpuint (meetings->len, >, 0);
  sl_window_show_page (window, "meetings");
  page = SL_MEETINGS_PAGE (sl_window_get_page (window, "meetings"));
  sl_meetings_page_open_meeting (page, sl_record_get_id (g_ptr_array_index (meetings, 0)));
  SL_TEST_WAIT_FOR (editing (window));
  sl_test_iterate (600);
}

/* In the editor: Alt+← back to the list, Ctrl+4 to the members page. */
static void
check_editor_keys (Fixture *fixture, int width)
{
  SlWindow *window;

  SKIP_WITHOUT_XTEST ();
  window = open_window (fixture, width);

  open_first_meeting (fixture, window);
  key (window, GDK_KEY_Left, GDK_ALT_MASK);
  SL_TEST_WAIT_FOR (!editing (window));
  g_assert_cmpstr (page_shown (window), ==, "meetings");

  open_first_meeting (fixture, window);
  key (window, GDK_KEY_4, GDK_CONTROL_MASK);
  SL_TEST_WAIT_FOR (g_strcmp0 (page_shown (window), "members") == 0);
  sl_test_iterate (300);
  g_assert_cmpstr (page_shown (window), ==, "members");

  /* A new meeting, as Ctrl+N opens it. */
  key (window, GDK_KEY_n, GDK_CONTROL_MASK);
  SL_TEST_WAIT_FOR (editing (window));
  sl_test_iterate (600);
  key (window, GDK_KEY_Left, GDK_ALT_MASK);
  SL_TEST_WAIT_FOR (!editing (window));
  key (window, GDK_KEY_n, GDK_CONTROL_MASK);
  SL_TEST_WAIT_FOR (editing (window));
  sl_test_iterate (600);
  key (window, GDK_KEY_4, GDK_CONTROL_MASK);
  SL_TEST_WAIT_FOR (g_strcmp0 (page_shown (window), "members") == 0);

  sl_test_window_close (window, NULL);
}

static void
test_editor_1400 (Fixture *fixture, gconstpointer data)
{
  check_editor_keys (fixture, 1400);
}

static void
test_editor_700 (Fixture *fixture, gconstpointer data)
{
  check_editor_keys (fixture, 700);
}

static void
test_editor_360 (Fixture *fixture, gconstpointer data)
{
  check_editor_keys (fixture, 360);
}

/* Alt+A adds a member at 360 px, where the button shows only “+”. */
static void
test_members_add_360 (Fixture *fixture, gconstpointer data)
{
  SlWindow *window;
  GtkWidget *dialog;

  SKIP_WITHOUT_XTEST ();
  window = open_window (fixture, 360);
  sl_window_show_page (window, "members");
  SL_TEST_WAIT_FOR (g_strcmp0 (page_shown (window), "members") == 0);
  sl_test_iterate (500);
  key (window, GDK_KEY_a, GDK_ALT_MASK);
  SL_TEST_WAIT_FOR ((dialog = sl_test_find_toplevel (NULL, SL_TYPE_MEMBER_DIALOG)) != NULL);
  gtk_window_destroy (GTK_WINDOW (dialog));
  sl_test_window_close (window, NULL);
}

/* At 360 px 新建会议 shows only “+”: the search field keeps a usable
 * width and the button clears the window's edge; Alt+N still works. */
static void
test_meetings_tools_360 (Fixture *fixture, gconstpointer data)
{
  SlWindow *window;
  GtkWidget *page, *search, *button;
  graphene_rect_t bounds;

  SKIP_WITHOUT_XTEST ();
  window = open_window (fixture, 360);
  sl_window_show_page (window, "meetings");
  SL_TEST_WAIT_FOR (g_strcmp0 (page_shown (window), "meetings") == 0);
  sl_test_iterate (500);
  page = sl_window_get_page (window, "meetings");
  search = sl_test_find_mapped (page, GTK_TYPE_SEARCH_ENTRY);
  button = sl_test_find_mapped (page, ADW_TYPE_SPLIT_BUTTON);
  g_assert_nonnull (search);
  g_assert_nonnull (button);
  g_assert_true (gtk_widget_compute_bounds (button, GTK_WIDGET (window), &bounds));
  g_test_message ("search %d px; new button %g to %g px", gtk_widget_get_width (search),
                  bounds.origin.x, bounds.origin.x + bounds.size.width);
  g_assert_cmpint (gtk_widget_get_width (search), >=, 120);
  g_assert_cmpfloat (bounds.origin.x + bounds.size.width, <=, gtk_widget_get_width (GTK_WIDGET (window)) - 10);

  key (window, GDK_KEY_n, GDK_ALT_MASK);
  SL_TEST_WAIT_FOR (editing (window));
  sl_test_window_close (window, NULL);
}

int
main (int argc, char *argv[])
{
  g_setenv ("GSETTINGS_BACKEND", "memory", TRUE);
  sl_test_gtk_init (&argc, &argv);

#define ADD(name, func) \
  g_test_add ("/window-narrow-nav/" name, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("sidebar-360", test_sidebar_360);
  ADD ("editor-1400", test_editor_1400);
  ADD ("editor-700", test_editor_700);
  ADD ("editor-360", test_editor_360);
  ADD ("members-add-360", test_members_add_360);
  ADD ("meetings-tools-360", test_meetings_tools_360);
#undef ADD

  return g_test_run ();
}
