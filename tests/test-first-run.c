/* test-first-run.c — a new user's first hour in the window, with no terminal
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Runs under Xvfb (build-aux/setup.sh --test). An empty ledger: the
 * organizations are made, renamed and nested in the window's dialog and
 * read back through a second connection; a meeting asked for before there
 * is an organization asks for the organization; messages name fields by
 * their labels. A ledger whose records are of past years opens on the
 * newest of them (today is 2027-06-01, SL_TODAY), at start and after an
 * archive is imported.
 */

#include "config.h"

#include <adwaita.h>
#include <glib/gstdio.h>
#include <string.h>

#include "sl-archive.h"
#include "sl-member.h"
#include "sl-member-dialog.h"
#include "sl-ledger.h"
#include "sl-organization.h"
#include "sl-organization-dialog.h"
#include "sl-ui-util.h"
#include "sl-window.h"
#include "sl-test-util.h"
#include "sl-test-window.h"
#include "sl-test-display.h"

#define EXAMPLE "/org/studyledger/StudyLedger/example-archive.json"

typedef struct
{
  char     *folder;
  char     *path;
  SlLedger *ledger;
  SlWindow *window;
} Fixture;

static void
wait_idle (SlWindow *window)
{
  gint64 end = g_get_monotonic_time () + 30 * G_USEC_PER_SEC;

  while ((sl_window_get_busy (window) || sl_window_get_daily_backup_pending (window)) &&
         g_get_monotonic_time () < end)
    g_main_context_iteration (NULL, TRUE);
  g_assert_false (sl_window_get_busy (window));
  sl_test_iterate (50);
}

static GBytes *
example_bytes (void)
{
  g_autoptr(GError) error = NULL;
  GBytes *archive = g_resources_lookup_data (EXAMPLE, G_RESOURCE_LOOKUP_FLAGS_NONE, &error);

  g_assert_no_error (error);
  return archive;
}

static void
open_window (Fixture *fixture)
{
  fixture->window = sl_test_window_open (fixture->ledger, 0, 0);
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  gboolean with_example = GPOINTER_TO_INT (data);

  fixture->folder = make_temp_folder ("test-first-run-XXXXXX");
  fixture->path = g_build_filename (fixture->folder, "ledger.db", NULL);
  fixture->ledger = sl_ledger_open (fixture->path, &error);
  g_assert_no_error (error);

  if (with_example)
    {
      g_autoptr(GBytes) archive = example_bytes ();

      sl_archive_import_data (fixture->ledger, g_bytes_get_data (archive, NULL),
                              g_bytes_get_size (archive), "example-archive.json", FALSE, NULL, &error);
      g_assert_no_error (error);
    }

  open_window (fixture);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  wait_idle (fixture->window);
  sl_test_window_close (fixture->window, fixture->ledger);

  remove_tree (fixture->folder);
  g_free (fixture->path);
  g_free (fixture->folder);
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

/* The preferences row of @root titled @title (the C locale's words). */
static GtkWidget *
find_row (GtkWidget  *root,
          const char *title)
{
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found;

      if (ADW_IS_PREFERENCES_ROW (child) &&
          g_strcmp0 (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (child)), title) == 0)
        return child;
      if ((found = find_row (child, title)) != NULL)
        return found;
    }

  return NULL;
}

/* Types @name, picks the kind and parent by their positions, saves. */
static void
fill_and_save (SlOrganizationDialog *dialog,
               const char           *name,
               guint                 kind,
               guint                 parent)
{
  gtk_editable_set_text (GTK_EDITABLE (sl_organization_dialog_get_row (dialog, "name")), name);
  adw_combo_row_set_selected (ADW_COMBO_ROW (sl_organization_dialog_get_row (dialog, "kind")), kind);
  adw_combo_row_set_selected (ADW_COMBO_ROW (sl_organization_dialog_get_row (dialog, "parent")), parent);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "organization.save", NULL));
  sl_test_iterate (50);
}

static SlOrganization *
find_by_name (SlLedger   *ledger,
              const char *name)
{
  SlOrganization *organization = sl_ledger_find_organization_by_name (ledger, name);

  g_assert_nonnull (organization);
  return organization;
}

static void
test_organizations (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SlLedger) reader = NULL;
  SlOrganizationDialog *dialog;
  SlOrganization *group;
  SlOrganization *branch;
  g_autofree char *group_id = NULL;

  g_assert_cmpstr (sl_window_get_page_name (fixture->window), ==, "welcome");

  /* A meeting asked for before there is an organization asks for it. */
  gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.new-meeting", NULL);
  sl_test_iterate (50);
  dialog = find_toplevel (SL_TYPE_ORGANIZATION_DIALOG);
  g_assert_nonnull (dialog);
  g_assert_true (gtk_window_get_transient_for (GTK_WINDOW (dialog)) == GTK_WINDOW (fixture->window));

  /* Nothing is saved without a name. */
  fill_and_save (dialog, "  ", 0, 0);
  g_assert_cmpuint (g_list_model_get_n_items (sl_ledger_get_organizations (fixture->ledger)), ==, 0);

  /* The 党组, first; the welcome page gives way. */
  fill_and_save (dialog, "滨江市生态环境局党组", 0, 0);
  group = find_by_name (fixture->ledger, "滨江市生态环境局党组");
  group_id = g_strdup (sl_record_get_id (SL_RECORD (group)));
  g_assert_cmpint (sl_organization_get_kind (group), ==, SL_ORGANIZATION_KIND_PARTY_GROUP);
  g_assert_null (sl_organization_get_parent (group));
  SL_TEST_WAIT_FOR (!g_str_equal (sl_window_get_page_name (fixture->window), "welcome"));
  g_assert_null (sl_organization_dialog_get_editing (dialog));

  /* A branch under it: the parent row offers none, then the others. */
  fill_and_save (dialog, "机关第一党支部", 2, 1);
  branch = find_by_name (fixture->ledger, "机关第一党支部");
  g_assert_cmpint (sl_organization_get_kind (branch), ==, SL_ORGANIZATION_KIND_BRANCH);
  g_assert_cmpstr (sl_organization_get_parent (branch), ==, group_id);

  /* Renamed. */
  sl_organization_dialog_edit (dialog, group);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (sl_organization_dialog_get_row (dialog, "name"))),
                   ==, "滨江市生态环境局党组");
  fill_and_save (dialog, "局党组", 0, 0);
  g_assert_cmpstr (sl_organization_get_name (group), ==, "局党组");

  /* A circle is refused, and the organization stays as it was. */
  sl_organization_dialog_edit (dialog, group);
  fill_and_save (dialog, "局党组（改）", 1, 1);
  g_assert_cmpstr (sl_organization_get_name (group), ==, "局党组");
  g_assert_null (sl_organization_get_parent (group));
  g_assert_true (sl_organization_dialog_get_editing (dialog) == group);

  /* What the dialog wrote is in the file. */
  reader = sl_ledger_open (fixture->path, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (sl_ledger_get_organizations (reader)), ==, 2);
  g_assert_cmpstr (sl_organization_get_name (sl_ledger_find_organization (reader, group_id)), ==, "局党组");
  g_assert_cmpstr (sl_organization_get_parent (find_by_name (reader, "机关第一党支部")), ==, group_id);

  gtk_window_destroy (GTK_WINDOW (dialog));
  sl_test_iterate (50);
}

/* The first run's next step: typing the members, gender and dates named
 * as the members list names them. */
static void
test_type_members (Fixture       *fixture,
                   gconstpointer  data)
{
  SlOrganizationDialog *dialog;
  SlMemberDialog *member_dialog;
  SlOrganization *group;
  SlMember *member;

  gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.organizations", NULL);
  sl_test_iterate (50);
  dialog = find_toplevel (SL_TYPE_ORGANIZATION_DIALOG);
  fill_and_save (dialog, "局党组", 0, 0);
  group = find_by_name (fixture->ledger, "局党组");

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "organization.add-member", NULL));
  SL_TEST_WAIT_FOR (find_toplevel (SL_TYPE_MEMBER_DIALOG) != NULL);
  g_assert_null (find_toplevel (SL_TYPE_ORGANIZATION_DIALOG));
  member_dialog = find_toplevel (SL_TYPE_MEMBER_DIALOG);
  SL_TEST_WAIT_FOR (g_str_equal (sl_window_get_page_name (fixture->window), "members"));

  g_assert_nonnull (find_row (GTK_WIDGET (member_dialog), "Joined"));
  g_assert_nonnull (find_row (GTK_WIDGET (member_dialog), "Left"));
  gtk_editable_set_text (GTK_EDITABLE (find_row (GTK_WIDGET (member_dialog), "Name")), "王建国");
  adw_combo_row_set_selected (ADW_COMBO_ROW (find_row (GTK_WIDGET (member_dialog), "Gender")), 2);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (member_dialog), "member.add", NULL));
  sl_test_iterate (100);

  g_assert_cmpuint (g_list_model_get_n_items (sl_ledger_get_members (fixture->ledger)), ==, 1);
  member = g_list_model_get_item (sl_ledger_get_members (fixture->ledger), 0);
  g_object_unref (member);   /* the ledger keeps it */
  g_assert_cmpstr (sl_member_get_name (member), ==, "王建国");
  g_assert_cmpstr (sl_member_get_gender (member), ==, "女");
  g_assert_cmpstr (sl_member_get_organization (member), ==, sl_record_get_id (SL_RECORD (group)));

  /* Changed in the dialog of the member, saved at once. */
  if ((member_dialog = find_toplevel (SL_TYPE_MEMBER_DIALOG)) != NULL)
    gtk_window_destroy (GTK_WINDOW (member_dialog));
  member_dialog = SL_MEMBER_DIALOG (sl_member_dialog_new (GTK_WINDOW (fixture->window), fixture->ledger,
                                                          member, NULL));
  gtk_window_present (GTK_WINDOW (member_dialog));
  sl_test_iterate (50);
  g_assert_cmpuint (adw_combo_row_get_selected (ADW_COMBO_ROW (find_row (GTK_WIDGET (member_dialog), "Gender"))),
                    ==, 2);
  adw_combo_row_set_selected (ADW_COMBO_ROW (find_row (GTK_WIDGET (member_dialog), "Gender")), 1);
  sl_test_iterate (50);
  g_assert_cmpstr (sl_member_get_gender (member), ==, "男");
  gtk_window_destroy (GTK_WINDOW (member_dialog));
  sl_test_iterate (50);
}

static void
test_error_text (void)
{
  g_autoptr(GError) field = g_error_new_literal (G_IO_ERROR, G_IO_ERROR_FAILED,
                                                 "organization: a meeting needs an organization");
  g_autoptr(GError) wide = g_error_new_literal (G_IO_ERROR, G_IO_ERROR_FAILED,
                                                "joined_on：日期无效");
  g_autoptr(GError) plain = g_error_new_literal (G_IO_ERROR, G_IO_ERROR_FAILED,
                                                 "disk full: cannot write");
  g_autofree char *field_text = sl_ui_error_text (field);
  g_autofree char *wide_text = sl_ui_error_text (wide);
  g_autofree char *plain_text = sl_ui_error_text (plain);

  /* The window names the field as the form does, never by its code. */
  g_assert_cmpstr (field_text, ==, "Organization: a meeting needs an organization");
  g_assert_cmpstr (wide_text, ==, "Joined: 日期无效");
  g_assert_cmpstr (plain_text, ==, "disk full: cannot write");
}

/* Counts the plan table's cells: status cells that say 已开展, and
 * 开展情况 cells that name a meeting. */
static void
count_held (GtkWidget *root,
            guint     *status_held,
            guint     *meeting_held)
{
  if (GTK_IS_STACK (root) && gtk_stack_get_child_by_name (GTK_STACK (root), "held") != NULL)
    {
      const char *shown = gtk_stack_get_visible_child_name (GTK_STACK (root));
      gboolean is_status = gtk_stack_get_child_by_name (GTK_STACK (root), "status") != NULL;

      if (g_strcmp0 (shown, "held") == 0)
        (*(is_status ? status_held : meeting_held))++;
    }

  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    count_held (child, status_held, meeting_held);
}

/* 状态 follows the meetings held: one column never says 计划中 while the
 * other names the meeting that held the item. */
static void
test_plan_status_follows_held (Fixture       *fixture,
                               gconstpointer  data)
{
  guint status_held = 0, meeting_held = 0;

  gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.show-page", "s", "plan");
  SL_TEST_WAIT_FOR ((status_held = meeting_held = 0,
                     count_held (sl_window_get_page (fixture->window, "plan"), &status_held, &meeting_held),
                     meeting_held > 0));
  g_assert_cmpuint (status_held, ==, meeting_held);
}

/* The wheel over the plan table, which scrolls sideways only, scrolls
 * the page around it. */
static void
test_plan_wheel_scrolls_page (Fixture       *fixture,
                              gconstpointer  data)
{
  GtkWidget *page, *table, *inner, *outer;
  g_autoptr(GListModel) controllers = NULL;
  GtkAdjustment *adjustment;
  gboolean passed = FALSE;

  gtk_window_set_default_size (GTK_WINDOW (fixture->window), 1000, 600);
  gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.show-page", "s", "plan");
  sl_test_iterate (300);
  page = sl_window_get_page (fixture->window, "plan");
  table = sl_test_find_widget (page, GTK_TYPE_COLUMN_VIEW);
  g_assert_nonnull (table);
  inner = gtk_widget_get_ancestor (table, GTK_TYPE_SCROLLED_WINDOW);
  outer = gtk_widget_get_ancestor (gtk_widget_get_parent (inner), GTK_TYPE_SCROLLED_WINDOW);
  g_assert_nonnull (outer);
  adjustment = gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (outer));
  gtk_adjustment_set_value (adjustment, 0);
  g_assert_cmpfloat (gtk_adjustment_get_upper (adjustment), >, gtk_adjustment_get_page_size (adjustment));

  controllers = gtk_widget_observe_controllers (inner);
  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GtkEventController) controller = g_list_model_get_item (controllers, i);
      gboolean handled = FALSE;

      if (!GTK_IS_EVENT_CONTROLLER_SCROLL (controller) ||
          gtk_event_controller_get_propagation_phase (controller) != GTK_PHASE_CAPTURE)
        continue;
      g_signal_emit_by_name (controller, "scroll", 0.0, 2.0, &handled);
      passed = passed || handled;
    }

  g_assert_true (passed);
  g_assert_cmpfloat (gtk_adjustment_get_value (adjustment), >, 0);
}

/* Today is 2027: the example's records are of 2024 and 2025. */
static void
test_opens_newest_year (Fixture       *fixture,
                        gconstpointer  data)
{
  g_assert_cmpint (sl_window_get_year (fixture->window), ==, 2025);
}

static void
test_import_shows_newest_year (Fixture       *fixture,
                               gconstpointer  data)
{
  g_autoptr(GBytes) archive = example_bytes ();
  g_autofree char *file_path = g_build_filename (fixture->folder, "archive.json", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (file_path);
  g_autoptr(GError) error = NULL;

  g_assert_cmpint (sl_window_get_year (fixture->window), ==, 2027);
  g_file_set_contents (file_path, g_bytes_get_data (archive, NULL), g_bytes_get_size (archive), &error);
  g_assert_no_error (error);

  sl_window_import_archive (fixture->window, file);
  wait_idle (fixture->window);
  g_assert_cmpint (sl_window_get_year (fixture->window), ==, 2025);
}

int
main (int   argc,
      char *argv[])
{
  g_setenv ("LANGUAGE", "C", TRUE);
  sl_test_gtk_init (&argc, &argv);

  g_test_add ("/first-run/organizations", Fixture, GINT_TO_POINTER (FALSE),
              fixture_set_up, test_organizations, fixture_tear_down);
  g_test_add ("/first-run/type-members", Fixture, GINT_TO_POINTER (FALSE),
              fixture_set_up, test_type_members, fixture_tear_down);
  g_test_add_func ("/first-run/error-text", test_error_text);
  g_test_add ("/first-run/opens-newest-year", Fixture, GINT_TO_POINTER (TRUE),
              fixture_set_up, test_opens_newest_year, fixture_tear_down);
  g_test_add ("/first-run/plan-status-follows-held", Fixture, GINT_TO_POINTER (TRUE),
              fixture_set_up, test_plan_status_follows_held, fixture_tear_down);
  g_test_add ("/first-run/plan-wheel-scrolls-page", Fixture, GINT_TO_POINTER (TRUE),
              fixture_set_up, test_plan_wheel_scrolls_page, fixture_tear_down);
  g_test_add ("/first-run/import-shows-newest-year", Fixture, GINT_TO_POINTER (FALSE),
              fixture_set_up, test_import_shows_newest_year, fixture_tear_down);

  return g_test_run ();
}
