/* test-window.c — the main window on a real ledger, driven as a user would
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Runs under Xvfb (build-aux/setup.sh --test). Each test opens a window on
 * a fresh ledger filled from the example archive the program carries (2025
 * of a 党组 and two branches, one meeting of 2024); today is 2025-12-31
 * (SL_TODAY), so that "this year" and the rules' periods hold still.
 * Figures are held against sl_statistics_compute() on the same file, and
 * what the pages write is read back through a second connection.
 */

#include "config.h"

#include <adwaita.h>
#include <sqlite3.h>
#include <glib/gstdio.h>
#include <string.h>

#include "sl-archive.h"
#include "sl-document-dialog.h"
#include "sl-ledger.h"
#include "sl-measures-page.h"
#include "sl-meeting.h"
#include "sl-meeting-editor.h"
#include "sl-meetings-page.h"
#include "sl-member.h"
#include "sl-members-page.h"
#include "sl-organization.h"
#include "sl-overview.h"
#include "sl-overview-page.h"
#include "sl-plan.h"
#include "sl-plan-page.h"
#include "sl-roster-dialog.h"
#include "sl-research-page.h"
#include "sl-search-page.h"
#include "sl-statistics.h"
#include "sl-window.h"
#include "sl-window-private.h"
#include "sl-test-util.h"
#include "sl-test-window.h"
#include "sl-test-display.h"

#define TODAY "2025-12-31"
#define EXAMPLE "/org/studyledger/StudyLedger/example-archive.json"

typedef struct
{
  char      *folder;
  char      *path;
  SlLedger  *ledger;
  SlWindow  *window;
  GtkWidget *probes;     /* a popover of buttons that tell whether an action is enabled */
} Fixture;

static void
open_window (Fixture *fixture)
{
  /* Each window starts on this year, whatever the last test chose. */
  fixture->window = sl_test_window_open (fixture->ledger, 0, 0);

  /* A button's sensitivity follows its action: the probes ask the window. */
  fixture->probes = gtk_popover_new ();
  gtk_popover_set_child (GTK_POPOVER (fixture->probes), gtk_box_new (GTK_ORIENTATION_VERTICAL, 0));
  gtk_widget_set_parent (fixture->probes, GTK_WIDGET (fixture->window));
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  gboolean empty = GPOINTER_TO_INT (data);

  fixture->folder = make_temp_folder ("test-window-XXXXXX");
  fixture->path = g_build_filename (fixture->folder, "ledger.db", NULL);
  if (empty)
    {
      fixture->ledger = sl_ledger_open (fixture->path, &error);
      g_assert_no_error (error);
    }
  else
    fixture->ledger = sl_test_example_ledger (fixture->path);

  open_window (fixture);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  gtk_widget_unparent (fixture->probes);
  sl_test_window_close (fixture->window, fixture->ledger);

  remove_tree (fixture->folder);
  g_free (fixture->path);
  g_free (fixture->folder);
}

static gboolean
action_enabled (Fixture    *fixture,
                const char *action)
{
  GtkWidget *box = gtk_popover_get_child (GTK_POPOVER (fixture->probes));
  GtkWidget *probe = gtk_button_new ();
  g_autofree char *name = NULL;
  g_autoptr(GVariant) target = NULL;
  g_autoptr(GError) error = NULL;
  gboolean enabled;

  /* "win.show-page::overview" names a target too, set first: an action
   * name that lacks its target warns. */
  g_action_parse_detailed_name (action, &name, &target, &error);
  g_assert_no_error (error);
  gtk_box_append (GTK_BOX (box), probe);
  if (target != NULL)
    gtk_actionable_set_action_target_value (GTK_ACTIONABLE (probe), target);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (probe), name);
  enabled = gtk_widget_get_sensitive (probe);
  gtk_box_remove (GTK_BOX (box), probe);

  return enabled;
}

static void
show_page (Fixture    *fixture,
           const char *name)
{
  gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.show-page", "s", name);
  sl_test_iterate (50);
  g_assert_cmpstr (sl_window_get_page_name (fixture->window), ==, name);
}

static SlStatistics *
compute (Fixture *fixture,
         int      year)
{
  g_autoptr(GError) error = NULL;
  SlStatistics *stats = sl_statistics_compute (sl_ledger_get_database (fixture->ledger),
                                               year, NULL, TODAY, &error);
  g_assert_no_error (error);
  return stats;
}

/* The figures on the page are those of the statistics of @year. */
static void
assert_figures (Fixture *fixture,
                int      year)
{
  SlOverviewPage *page = SL_OVERVIEW_PAGE (sl_window_get_page (fixture->window, "overview"));
  g_autoptr(SlStatistics) stats = compute (fixture, year);
  g_autoptr(SlOverview) expected = sl_overview_new (stats);
  const SlOverview *shown = sl_overview_page_get_overview (page);
  g_autofree char *meetings = g_strdup_printf ("%u", stats->meetings_total);
  g_autofree char *measures = g_strdup_printf ("%u", stats->measures_open);

  g_assert_nonnull (shown);
  g_assert_cmpint (shown->year, ==, year);
  g_assert_cmpuint (shown->meetings_total, ==, stats->meetings_total);
  g_assert_cmpuint (shown->measures_open, ==, stats->measures_open);
  g_assert_cmpuint (shown->measures_overdue, ==, stats->measures_overdue);
  g_assert_cmpuint (shown->rules->len, ==, expected->rules->len);

  g_assert_cmpstr (sl_overview_page_get_figure (page, "meetings"), ==, meetings);
  g_assert_cmpstr (sl_overview_page_get_figure (page, "measures"), ==, measures);
  g_assert_cmpstr (sl_overview_page_get_figure (page, "attendance"), ==, expected->attendance_text);
  g_assert_cmpstr (sl_overview_page_get_figure (page, "participation"), ==, expected->participation_text);
  g_assert_cmpstr (sl_overview_page_get_figure (page, "fulfilment"), ==, expected->fulfilment_text);
}

static void
test_overview (Fixture       *fixture,
               gconstpointer  data)
{
  g_assert_cmpint (sl_window_get_year (fixture->window), ==, 2025);
  g_assert_cmpstr (sl_window_get_page_name (fixture->window), ==, "overview");

  assert_figures (fixture, 2025);
  g_assert_cmpstr (sl_overview_page_get_figure (SL_OVERVIEW_PAGE (sl_window_get_page (fixture->window, "overview")),
                                                "meetings"), ==, "15");
}

static void
test_switch_year (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);
  SlOverviewPage *page = SL_OVERVIEW_PAGE (sl_window_get_page (fixture->window, "overview"));

  sl_window_set_year (fixture->window, 2024);
  sl_test_iterate (50);
  assert_figures (fixture, 2024);
  g_assert_cmpstr (sl_overview_page_get_figure (page, "meetings"), ==, "1");

  /* The pages that span a year follow; the year is remembered. */
  g_assert_cmpint (sl_meetings_page_get_year (SL_MEETINGS_PAGE (sl_window_get_page (fixture->window, "meetings"))),
                   ==, 2024);
  g_assert_cmpint (g_settings_get_int (settings, "last-year"), ==, 2024);

  /* A year with nothing in it shows figures of nothing. */
  sl_window_set_year (fixture->window, 2019);
  sl_test_iterate (50);
  g_assert_cmpuint (sl_overview_page_get_overview (page)->meetings_total, ==, 0);

  sl_window_set_year (fixture->window, 2025);
  sl_test_iterate (50);
  assert_figures (fixture, 2025);
}

static void
test_pages_and_actions (Fixture       *fixture,
                        gconstpointer  data)
{
  static const char * const pages[] = {
    "overview", "meetings", "plan", "members", "measures", "research", "search",
  };
  GType types[] = {
    SL_TYPE_OVERVIEW_PAGE, SL_TYPE_MEETINGS_PAGE, SL_TYPE_PLAN_PAGE, SL_TYPE_MEMBERS_PAGE,
    SL_TYPE_MEASURES_PAGE, SL_TYPE_RESEARCH_PAGE, SL_TYPE_SEARCH_PAGE,
  };

  for (guint i = 0; i < G_N_ELEMENTS (pages); i++)
    {
      GtkWidget *page = sl_window_get_page (fixture->window, pages[i]);

      g_assert_true (G_TYPE_CHECK_INSTANCE_TYPE (page, types[i]));
      show_page (fixture, pages[i]);
    }

  /* A ledger with records: every command can run. */
  g_assert_true (action_enabled (fixture, "win.show-page::overview"));
  g_assert_true (action_enabled (fixture, "win.search"));
  g_assert_true (action_enabled (fixture, "win.new-meeting"));
  g_assert_true (action_enabled (fixture, "win.import-roster"));
  g_assert_true (action_enabled (fixture, "win.import-archive"));
  g_assert_true (action_enabled (fixture, "win.export-archive"));
  g_assert_true (action_enabled (fixture, "win.backup"));
  g_assert_false (sl_window_get_busy (fixture->window));

  /* Ctrl+F opens the search page; Ctrl+N the meetings page. */
  gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.search", NULL);
  sl_test_iterate (50);
  g_assert_cmpstr (sl_window_get_page_name (fixture->window), ==, "search");
  gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.new-meeting", NULL);
  sl_test_iterate (50);
  g_assert_cmpstr (sl_window_get_page_name (fixture->window), ==, "meetings");
}

static void
test_pages_content (Fixture       *fixture,
                    gconstpointer  data)
{
  SlPlanPage *plan_page = SL_PLAN_PAGE (sl_window_get_page (fixture->window, "plan"));
  SlMeasuresPage *measures_page = SL_MEASURES_PAGE (sl_window_get_page (fixture->window, "measures"));
  SlResearchPage *research_page = SL_RESEARCH_PAGE (sl_window_get_page (fixture->window, "research"));
  SlMembersPage *members_page = SL_MEMBERS_PAGE (sl_window_get_page (fixture->window, "members"));

  show_page (fixture, "plan");
  g_assert_nonnull (sl_plan_page_get_plan (plan_page));
  g_assert_cmpuint (g_list_model_get_n_items (sl_plan_get_items (sl_plan_page_get_plan (plan_page))), ==, 8);

  show_page (fixture, "measures");
  g_assert_cmpuint (g_list_model_get_n_items (sl_measures_page_get_model (measures_page)), ==, 7);

  show_page (fixture, "research");
  g_assert_cmpuint (sl_research_page_get_n_topics (research_page), ==, 3);
  g_assert_cmpuint (sl_research_page_get_n_missing (research_page), ==, 3);

  show_page (fixture, "members");
  g_assert_cmpuint (g_list_model_get_n_items (sl_members_page_get_model (members_page)), ==, 11);

  /* Another year, other records. */
  sl_window_set_year (fixture->window, 2024);
  show_page (fixture, "measures");
  g_assert_cmpuint (g_list_model_get_n_items (sl_measures_page_get_model (measures_page)), ==, 0);
  show_page (fixture, "plan");
  g_assert_null (sl_plan_page_get_plan (plan_page));
}

/* How many widgets of @type are under @widget, itself included. */
static guint
count_widgets (GtkWidget *widget,
               GType      type)
{
  guint n = G_TYPE_CHECK_INSTANCE_TYPE (widget, type) ? 1 : 0;

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL; child = gtk_widget_get_next_sibling (child))
    n += count_widgets (child, type);

  return n;
}

/* The accelerators of a shortcuts window, each followed by a space. */
static void
collect_accelerators (GtkWidget *root,
                      GString   *into)
{
  if (GTK_IS_SHORTCUTS_SHORTCUT (root))
    {
      g_autofree char *accelerator = NULL;

      g_object_get (root, "accelerator", &accelerator, NULL);
      if (accelerator != NULL)
        g_string_append_printf (into, "%s ", accelerator);
    }

  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    collect_accelerators (child, into);
}

static void
test_lazy_pages (Fixture       *fixture,
                 gconstpointer  data)
{
  GtkWidget *window = GTK_WIDGET (fixture->window);
  GType later[] = {
    SL_TYPE_MEETINGS_PAGE, SL_TYPE_MEETING_EDITOR, SL_TYPE_PLAN_PAGE, SL_TYPE_MEMBERS_PAGE,
    SL_TYPE_MEASURES_PAGE, SL_TYPE_RESEARCH_PAGE, SL_TYPE_SEARCH_PAGE,
  };
  GtkWidget *meetings;
  GtkWidget *members;
  SlMeetingEditor *editor;
  GtkColumnView *members_view;
  SlPlanPage *plan;
  GtkShortcutsWindow *overlay;

  /* The first frame shows the overview: nothing else is built. */
  g_assert_cmpuint (count_widgets (window, SL_TYPE_OVERVIEW_PAGE), ==, 1);
  for (guint i = 0; i < G_N_ELEMENTS (later); i++)
    g_assert_cmpuint (count_widgets (window, later[i]), ==, 0);

  /* Ctrl+N on a fresh window builds the meetings page and opens its
   * editor on a draft of the window's year. */
  gtk_widget_activate_action (window, "win.new-meeting", NULL);
  sl_test_iterate (50);
  g_assert_cmpstr (sl_window_get_page_name (fixture->window), ==, "meetings");
  g_assert_cmpuint (count_widgets (window, SL_TYPE_MEETINGS_PAGE), ==, 1);
  meetings = sl_window_get_page (fixture->window, "meetings");
  g_assert_cmpint (sl_meetings_page_get_year (SL_MEETINGS_PAGE (meetings)), ==, 2025);
  editor = SL_MEETING_EDITOR (gtk_widget_get_template_child (meetings, SL_TYPE_MEETINGS_PAGE,
                                                               "editor"));
  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (editor)));
  g_assert_nonnull (sl_meeting_editor_get_meeting (editor));
  g_assert_cmpint (sl_meeting_get_year (sl_meeting_editor_get_meeting (editor)), ==, 2025);

  /* The members page, first reached through the sidebar's action, lists
   * every member in its column view. */
  g_assert_cmpuint (count_widgets (window, SL_TYPE_MEMBERS_PAGE), ==, 0);
  show_page (fixture, "members");
  members = sl_window_get_page (fixture->window, "members");
  g_assert_cmpuint (count_widgets (window, SL_TYPE_MEMBERS_PAGE), ==, 1);
  g_assert_true (gtk_widget_get_mapped (members));
  members_view = GTK_COLUMN_VIEW (gtk_widget_get_template_child (members, SL_TYPE_MEMBERS_PAGE,
                                                                 "members_view"));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (gtk_column_view_get_model (members_view))),
                    ==, 11);

  /* A page once built is kept, and shown again as it was. */
  show_page (fixture, "overview");
  show_page (fixture, "members");
  g_assert_true (sl_window_get_page (fixture->window, "members") == members);
  g_assert_cmpuint (count_widgets (window, SL_TYPE_MEMBERS_PAGE), ==, 1);

  /* A reload leaves pages not built yet alone; they read the ledger when
   * they are. */
  sl_window_reload (fixture->window);
  sl_test_iterate (50);
  g_assert_cmpuint (count_widgets (window, SL_TYPE_PLAN_PAGE), ==, 0);
  show_page (fixture, "plan");
  plan = SL_PLAN_PAGE (sl_window_get_page (fixture->window, "plan"));
  g_assert_nonnull (sl_plan_page_get_plan (plan));
  g_assert_cmpuint (g_list_model_get_n_items (sl_plan_get_items (sl_plan_page_get_plan (plan))), ==, 8);

  /* The shortcuts window too is built when Ctrl+? first asks for it. */
  g_assert_null (gtk_application_window_get_help_overlay (GTK_APPLICATION_WINDOW (window)));
  gtk_widget_activate_action (window, "win.show-help-overlay", NULL);
  sl_test_iterate (50);
  overlay = gtk_application_window_get_help_overlay (GTK_APPLICATION_WINDOW (window));
  g_assert_nonnull (overlay);
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (overlay)));
  g_assert_true (gtk_window_get_transient_for (GTK_WINDOW (overlay)) == GTK_WINDOW (window));
  /* Every page of the sidebar has its Ctrl+N listed there. */
  {
    g_autoptr(GString) accelerators = g_string_new (" ");

    collect_accelerators (GTK_WIDGET (overlay), accelerators);
    for (guint i = 0; i < _SL_WINDOW_N_SIDEBAR_PAGES; i++)
      {
        g_autofree char *accelerator = g_strdup_printf (" <Control>%u ", i + 1);

        g_assert_nonnull (strstr (accelerators->str, accelerator));
      }
  }
  gtk_widget_set_visible (GTK_WIDGET (overlay), FALSE);
  gtk_widget_activate_action (window, "win.show-help-overlay", NULL);
  sl_test_iterate (50);
  g_assert_true (gtk_application_window_get_help_overlay (GTK_APPLICATION_WINDOW (window)) == overlay);
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (overlay)));
}

static void
test_plan_edit (Fixture       *fixture,
                gconstpointer  data)
{
  SlPlanPage *page = SL_PLAN_PAGE (sl_window_get_page (fixture->window, "plan"));
  g_autoptr(GError) error = NULL;
  g_autoptr(SlLedger) other = NULL;
  g_autoptr(GPtrArray) plans = NULL;

  show_page (fixture, "plan");
  gtk_widget_activate_action (GTK_WIDGET (page), "plan.add-item", NULL);
  sl_test_iterate (50);
  sl_plan_set_title (sl_plan_page_get_plan (page), NULL);
  sl_plan_page_save_now (page);

  other = sl_ledger_open (fixture->path, &error);
  g_assert_no_error (error);
  plans = sl_ledger_load_plans (other, 2025, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (sl_plan_get_items (g_ptr_array_index (plans, 0))), ==, 9);
}

static void
test_members_move (Fixture       *fixture,
                   gconstpointer  data)
{
  SlMembersPage *page = SL_MEMBERS_PAGE (sl_window_get_page (fixture->window, "members"));
  GListModel *model = sl_members_page_get_model (page);
  g_autoptr(SlMember) second = g_list_model_get_item (model, 1);
  g_autoptr(SlMember) now_first = NULL;
  g_autoptr(SlLedger) other = NULL;
  g_autoptr(SlMember) stored_first = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(SlMember) member = sl_member_new ();

  show_page (fixture, "members");

  /* Nothing chosen: nothing moves. */
  g_assert_null (sl_members_page_get_selected (page));
  gtk_widget_activate_action (GTK_WIDGET (page), "members.move-up", NULL);
  now_first = g_list_model_get_item (model, 0);
  g_assert_false (now_first == second);
  g_clear_object (&now_first);

  sl_members_page_select (page, second);
  g_assert_true (sl_members_page_get_selected (page) == second);
  gtk_widget_activate_action (GTK_WIDGET (page), "members.move-up", NULL);
  sl_test_iterate (50);

  now_first = g_list_model_get_item (model, 0);
  g_assert_true (now_first == second);
  g_assert_true (sl_members_page_get_selected (page) == second);

  other = sl_ledger_open (fixture->path, &error);
  g_assert_no_error (error);
  stored_first = g_list_model_get_item (sl_ledger_get_members (other), 0);
  g_assert_cmpstr (sl_member_get_name (stored_first), ==, sl_member_get_name (second));

  /* A member with attendance on record is not deleted. */
  gtk_widget_activate_action (GTK_WIDGET (page), "members.delete", NULL);
  sl_test_iterate (50);
  g_assert_nonnull (sl_ledger_find_member (fixture->ledger, sl_record_get_id (SL_RECORD (second))));

  /* Written by another connection (an import in a thread), then read. */
  sl_member_set_name (member, "钱玥");
  sl_ledger_save_member (other, member, &error);
  g_assert_no_error (error);
  sl_window_reload (fixture->window);
  sl_test_iterate (50);
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 12);
}

static void
test_search (Fixture       *fixture,
             gconstpointer  data)
{
  SlSearchPage *page = SL_SEARCH_PAGE (sl_window_get_page (fixture->window, "search"));
  const char *meeting;

  gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.search", NULL);
  sl_test_iterate (50);
  g_assert_cmpstr (sl_window_get_page_name (fixture->window), ==, "search");

  sl_search_page_search (page, "七一");
  g_assert_cmpuint (sl_search_page_get_n_results (page), ==, 1);

  sl_search_page_search (page, "2024年第6次");
  g_assert_cmpuint (sl_search_page_get_n_results (page), ==, 1);
  meeting = sl_search_page_get_result (page, 0);
  g_assert_nonnull (meeting);

  /* A hit opens its meeting on the meetings page, in the meeting's year. */
  gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.open-meeting", "s", meeting);
  sl_test_iterate (50);
  g_assert_cmpstr (sl_window_get_page_name (fixture->window), ==, "meetings");
  g_assert_cmpint (sl_window_get_year (fixture->window), ==, 2024);

  sl_search_page_search (page, "没有这样的会议");
  g_assert_cmpuint (sl_search_page_get_n_results (page), ==, 0);
}

static void
test_highlight (void)
{
  g_autofree char *plain = sl_search_highlight ("学习贯彻<全会>精神", "全会");
  g_autofree char *two = sl_search_highlight ("学习 学习", "学 习");

  g_assert_cmpstr (plain, ==, "学习贯彻&lt;<b>全会</b>&gt;精神");
  g_assert_cmpstr (two, ==, "<b>学</b><b>习</b> <b>学</b><b>习</b>");
}

static void
test_welcome (Fixture       *fixture,
              gconstpointer  data)
{
  g_autoptr(SlMember) member = sl_member_new ();
  g_autoptr(GError) error = NULL;

  /* An empty ledger greets, and offers only what makes sense. */
  g_assert_cmpstr (sl_window_get_page_name (fixture->window), ==, "welcome");
  g_assert_true (action_enabled (fixture, "win.import-roster"));
  g_assert_true (action_enabled (fixture, "win.import-archive"));
  g_assert_true (action_enabled (fixture, "win.new-meeting"));
  g_assert_false (action_enabled (fixture, "win.export-archive"));
  g_assert_false (action_enabled (fixture, "win.backup"));
  g_assert_false (action_enabled (fixture, "win.search"));

  show_page (fixture, "members");
  show_page (fixture, "welcome");
  gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.show-page", "s", "overview");
  sl_test_iterate (50);
  g_assert_cmpstr (sl_window_get_page_name (fixture->window), ==, "welcome");

  /* The first member ends the welcome. */
  sl_member_set_name (member, "王建国");
  sl_ledger_save_member (fixture->ledger, member, &error);
  g_assert_no_error (error);
  sl_test_iterate (50);
  g_assert_cmpstr (sl_window_get_page_name (fixture->window), ==, "overview");
  g_assert_true (action_enabled (fixture, "win.backup"));
}

static void
wait_idle (SlWindow *window)
{
  gint64 end = g_get_monotonic_time () + 30 * G_USEC_PER_SEC;

  while (sl_window_get_busy (window) && g_get_monotonic_time () < end)
    g_main_context_iteration (NULL, TRUE);
  g_assert_false (sl_window_get_busy (window));
  sl_test_iterate (50);
}

static gpointer
find_toplevel (GType type)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GObject) window = g_list_model_get_item (toplevels, i);

      if (G_TYPE_CHECK_INSTANCE_TYPE (window, type))
        return window;   /* GTK keeps it */
    }

  return NULL;
}

static void
test_long_work (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GBytes) bytes = g_resources_lookup_data (EXAMPLE, G_RESOURCE_LOOKUP_FLAGS_NONE, NULL);
  g_autofree char *archive_path = g_build_filename (fixture->folder, "example.json", NULL);
  g_autofree char *export_path = g_build_filename (fixture->folder, "export.json", NULL);
  g_autofree char *backup_path = g_build_filename (fixture->folder, "backup.db", NULL);
  g_autofree char *roster_path = g_test_build_filename (G_TEST_DIST, "data", "roster-utf8.csv", NULL);
  g_autoptr(GFile) archive = g_file_new_for_path (archive_path);
  g_autoptr(GFile) exported = g_file_new_for_path (export_path);
  g_autoptr(GFile) backup = g_file_new_for_path (backup_path);
  g_autoptr(GFile) roster = g_file_new_for_path (roster_path);
  g_autoptr(GError) error = NULL;
  AdwMessageDialog *question;
  SlRosterDialog *preview;
  GListModel *members = sl_ledger_get_members (fixture->ledger);
  guint before;

  g_file_set_contents (archive_path, g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes), &error);
  g_assert_no_error (error);
  g_assert_cmpstr (sl_window_get_page_name (fixture->window), ==, "welcome");

  /* The import runs in a thread; meanwhile no second one can start. */
  sl_window_import_archive (fixture->window, archive);
  g_assert_true (sl_window_get_busy (fixture->window));
  g_assert_false (action_enabled (fixture, "win.import-archive"));
  g_assert_false (action_enabled (fixture, "win.import-roster"));
  wait_idle (fixture->window);

  /* The window's lists were read again: the welcome is over. */
  g_assert_true (action_enabled (fixture, "win.import-archive"));
  g_assert_cmpuint (g_list_model_get_n_items (members), ==, 11);
  g_assert_cmpstr (sl_window_get_page_name (fixture->window), ==, "overview");
  assert_figures (fixture, 2025);

  sl_window_export_archive (fixture->window, exported);
  wait_idle (fixture->window);
  g_assert_true (g_file_query_exists (exported, NULL));

  sl_window_back_up (fixture->window, backup);
  wait_idle (fixture->window);
  g_assert_true (g_file_query_exists (backup, NULL));

  /* The same archive again: the window asks before updating anything. */
  sl_window_import_archive (fixture->window, archive);
  wait_idle (fixture->window);
  question = find_toplevel (ADW_TYPE_MESSAGE_DIALOG);
  g_assert_nonnull (question);
  /* What the Update button does: answer, then close. */
  adw_message_dialog_response (question, "merge");
  gtk_window_destroy (GTK_WINDOW (question));
  sl_test_iterate (50);
  wait_idle (fixture->window);
  g_assert_null (find_toplevel (ADW_TYPE_MESSAGE_DIALOG));
  g_assert_cmpuint (g_list_model_get_n_items (members), ==, 11);

  /* A roster: read in a thread, shown, then imported into one branch. */
  before = g_list_model_get_n_items (members);
  sl_window_import_roster (fixture->window, roster);
  wait_idle (fixture->window);
  preview = find_toplevel (SL_TYPE_ROSTER_DIALOG);
  g_assert_nonnull (preview);
  g_assert_cmpuint (sl_roster_dialog_get_rows (preview)->len, >, 0);
  g_signal_emit_by_name (preview, "import", "市统计局机关第二党支部");
  sl_test_iterate (50);
  wait_idle (fixture->window);
  g_assert_null (find_toplevel (SL_TYPE_ROSTER_DIALOG));
  g_assert_cmpuint (g_list_model_get_n_items (members), >, before);

  /* Restoring the backup, after the window asked, brings the roster back
   * to what it was then; the ledger as it was is copied aside. */
  sl_window_restore (fixture->window, backup);
  question = find_toplevel (ADW_TYPE_MESSAGE_DIALOG);
  g_assert_nonnull (question);
  adw_message_dialog_response (question, "restore");
  gtk_window_destroy (GTK_WINDOW (question));
  sl_test_iterate (50);
  wait_idle (fixture->window);
  g_assert_cmpuint (g_list_model_get_n_items (members), ==, 11);
  {
    /* The backup folder of a ledger named by path is FILE-backups/. */
    g_autofree char *backups = g_build_filename (fixture->folder, "ledger-backups", NULL);
    g_autoptr(GDir) dir = g_dir_open (backups, 0, NULL);
    const char *name;
    gboolean copied_aside = FALSE;

    g_assert_nonnull (dir);
    while ((name = g_dir_read_name (dir)) != NULL)
      if (g_str_has_prefix (name, "before-restore-"))
        copied_aside = TRUE;
    g_assert_true (copied_aside);
    remove_tree (backups);
  }
}

/* Documents ------------------------------------------------------------- */

static void
async_done_cb (GObject      *source,
               GAsyncResult *result,
               gpointer      user_data)
{
  *(GAsyncResult **) user_data = g_object_ref (result);
}

static GAsyncResult *
wait_for (GAsyncResult **result)
{
  while (*result == NULL)
    g_main_context_iteration (NULL, TRUE);
  return *result;
}

/* The print path, exported to a PDF: as the print dialog would print it. */
static char *
print_to_pdf (Fixture                 *fixture,
              const SlDocumentRequest *request,
              const char              *name)
{
  g_autofree char *path = g_build_filename (fixture->folder, name, NULL);
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  GtkPrintOperationResult status;

  sl_document_print_async (GTK_WIDGET (fixture->window), fixture->path, request,
                           GTK_PRINT_OPERATION_ACTION_EXPORT, path, NULL, async_done_cb, &result);
  status = sl_document_print_finish (wait_for (&result), &error);
  g_assert_no_error (error);
  g_assert_cmpint (status, ==, GTK_PRINT_OPERATION_RESULT_APPLY);
  g_assert_true (g_file_test (path, G_FILE_TEST_IS_REGULAR));
  return g_steal_pointer (&path);
}

static char *
run_tool (const char *tool,
          const char *path)
{
  /* pdftotext writes to "-", standard output; pdfinfo takes no more. */
  const char *argv[] = { tool, path, g_str_equal (tool, "pdftotext") ? "-" : NULL, NULL };
  g_autoptr(GError) error = NULL;
  g_autofree char *out = NULL;
  int status = 0;
  GString *squeezed = g_string_new (NULL);

  g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH | G_SPAWN_STDERR_TO_DEV_NULL,
                NULL, NULL, &out, NULL, &status, &error);
  g_assert_no_error (error);
  g_assert_true (g_spawn_check_wait_status (status, NULL));

  /* pdftotext spaces Chinese by its own measure: compare without spaces. */
  for (const char *p = out; *p != '\0'; p++)
    if (*p != ' ' && *p != '\n')
      g_string_append_c (squeezed, *p);
  return g_string_free (squeezed, FALSE);
}

static void
test_documents (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) meetings = NULL;
  g_autoptr(GAsyncResult) result = NULL;
  g_autofree char *yearly = NULL;
  g_autofree char *sign_in = NULL;
  g_autofree char *yearly_text = NULL;
  g_autofree char *sign_in_text = NULL;
  g_autofree char *yearly_info = NULL;
  g_autofree char *sign_in_info = NULL;
  g_autofree char *pdftotext = g_find_program_in_path ("pdftotext");
  g_autofree char *pdfinfo = g_find_program_in_path ("pdfinfo");
  g_autofree char *xlsx = g_build_filename (fixture->folder, "first-topic.xlsx", NULL);
  GListModel *members = sl_ledger_get_members (fixture->ledger);
  SlDocumentRequest request = { .kind = SL_DOCUMENT_ATTENDANCE, .year = 2025, .today = TODAY };
  gboolean found = FALSE;
  gboolean ok;

  if (pdftotext == NULL || pdfinfo == NULL)
    {
      g_test_skip ("poppler-utils are not installed");
      return;
    }

  /* The main menu opens the dialog. */
  g_assert_true (action_enabled (fixture, "win.export-document"));

  yearly = print_to_pdf (fixture, &request, "attendance.pdf");

  meetings = sl_ledger_load_meetings (fixture->ledger, 2025, NULL, FALSE, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (meetings->len, >, 0);
  request = (SlDocumentRequest) {
    .kind = SL_DOCUMENT_SIGN_IN,
    .year = 2025,
    .meeting = sl_record_get_id (g_ptr_array_index (meetings, 0)),
    .today = TODAY,
  };
  sign_in = print_to_pdf (fixture, &request, "sign-in.pdf");

  yearly_info = run_tool ("pdfinfo", yearly);
  sign_in_info = run_tool ("pdfinfo", sign_in);
  g_assert_nonnull (strstr (yearly_info, "(A4)"));
  g_assert_nonnull (strstr (sign_in_info, "(A4)"));
  yearly_text = run_tool ("pdftotext", yearly);
  sign_in_text = run_tool ("pdftotext", sign_in);

  /* Someone of the ledger is on both: the year's attendance and the
   * meeting's sign-in sheet. */
  for (guint i = 0; i < g_list_model_get_n_items (members) && !found; i++)
    {
      g_autoptr(SlMember) member = g_list_model_get_item (members, i);
      const char *name = sl_member_get_name (member);

      found = strstr (yearly_text, name) != NULL && strstr (sign_in_text, name) != NULL;
    }
  g_assert_true (found);

  /* The export path, without the file chooser. */
  request = (SlDocumentRequest) { .kind = SL_DOCUMENT_FIRST_TOPIC_LEDGER, .year = 2025, .today = TODAY };
  sl_document_export_file_async (GTK_WIDGET (fixture->window), fixture->path, &request,
                                 SL_DOCUMENT_FORMAT_XLSX, xlsx, NULL, async_done_cb, &result);
  ok = sl_document_export_file_finish (wait_for (&result), &error);
  g_assert_no_error (error);
  g_assert_true (ok);
  g_assert_true (g_file_test (xlsx, G_FILE_TEST_IS_REGULAR));
}

static AdwMessageDialog *
find_question (void)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GObject) window = g_list_model_get_item (toplevels, i);

      if (ADW_IS_MESSAGE_DIALOG (window) && gtk_widget_get_visible (GTK_WIDGET (window)))
        return ADW_MESSAGE_DIALOG (window);
    }

  return NULL;
}

static gboolean
year_listed (Fixture    *fixture,
             const char *year)
{
  GListModel *years = G_LIST_MODEL (gtk_widget_get_template_child (GTK_WIDGET (fixture->window),
                                                                   SL_TYPE_WINDOW, "year_model"));

  for (guint i = 0; i < g_list_model_get_n_items (years); i++)
    if (g_strcmp0 (gtk_string_list_get_string (GTK_STRING_LIST (years), i), year) == 0)
      return TRUE;

  return FALSE;
}

/* A meeting moved to 2031 in the editor (after its question) puts 2031 in
 * the year menu at once. */
static void
test_year_menu (Fixture       *fixture,
                gconstpointer  data)
{
  GtkWidget *window = GTK_WIDGET (fixture->window);
  SlMeetingEditor *editor;
  GtkWidget *date_row;
  AdwMessageDialog *question;

  g_assert_false (year_listed (fixture, "2031"));

  gtk_widget_activate_action (window, "win.new-meeting", NULL);
  sl_test_iterate (50);
  editor = SL_MEETING_EDITOR (gtk_widget_get_template_child (sl_window_get_page (fixture->window, "meetings"),
                                                               SL_TYPE_MEETINGS_PAGE, "editor"));
  date_row = (GtkWidget *) gtk_widget_get_template_child (GTK_WIDGET (editor), SL_TYPE_MEETING_EDITOR, "date_row");
  gtk_editable_set_text (GTK_EDITABLE (date_row), "2031-05-01");
  g_signal_emit_by_name (date_row, "entry-activated");
  sl_test_iterate (50);

  question = find_question ();
  g_assert_nonnull (question);
  adw_message_dialog_response (question, "move");
  gtk_window_close (GTK_WINDOW (question));
  g_assert_cmpint (sl_meeting_get_year (sl_meeting_editor_get_meeting (editor)), ==, 2031);

  g_assert_true (sl_meeting_editor_flush (editor, NULL));
  sl_test_iterate (50);
  g_assert_true (year_listed (fixture, "2031"));
  g_assert_true (year_listed (fixture, "2025"));
}

int
main (int   argc,
      char *argv[])
{
  g_setenv ("SL_TODAY", TODAY, TRUE);
  g_setenv ("GSETTINGS_BACKEND", "memory", TRUE);

  sl_test_gtk_init (&argc, &argv);

  g_test_add ("/window/overview", Fixture, GINT_TO_POINTER (FALSE),
              fixture_set_up, test_overview, fixture_tear_down);
  g_test_add ("/window/switch-year", Fixture, GINT_TO_POINTER (FALSE),
              fixture_set_up, test_switch_year, fixture_tear_down);
  g_test_add ("/window/pages-and-actions", Fixture, GINT_TO_POINTER (FALSE),
              fixture_set_up, test_pages_and_actions, fixture_tear_down);
  g_test_add ("/window/pages-content", Fixture, GINT_TO_POINTER (FALSE),
              fixture_set_up, test_pages_content, fixture_tear_down);
  g_test_add ("/window/lazy-pages", Fixture, GINT_TO_POINTER (FALSE),
              fixture_set_up, test_lazy_pages, fixture_tear_down);
  g_test_add ("/window/plan-edit", Fixture, GINT_TO_POINTER (FALSE),
              fixture_set_up, test_plan_edit, fixture_tear_down);
  g_test_add ("/window/members-move", Fixture, GINT_TO_POINTER (FALSE),
              fixture_set_up, test_members_move, fixture_tear_down);
  g_test_add ("/window/search", Fixture, GINT_TO_POINTER (FALSE),
              fixture_set_up, test_search, fixture_tear_down);
  g_test_add_func ("/window/search-highlight", test_highlight);
  g_test_add ("/window/welcome", Fixture, GINT_TO_POINTER (TRUE),
              fixture_set_up, test_welcome, fixture_tear_down);
  g_test_add ("/window/documents", Fixture, GINT_TO_POINTER (FALSE),
              fixture_set_up, test_documents, fixture_tear_down);
  g_test_add ("/window/long-work", Fixture, GINT_TO_POINTER (TRUE),
              fixture_set_up, test_long_work, fixture_tear_down);
  g_test_add ("/window/year-menu", Fixture, GINT_TO_POINTER (FALSE),
              fixture_set_up, test_year_menu, fixture_tear_down);

  return g_test_run ();
}
