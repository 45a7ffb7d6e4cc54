/* test-window-details.c — issue 17's details: what is offered when, and what a preview says
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Runs under Xvfb (build-aux/setup.sh --test), on a ledger filled from the
 * example archive (2024 and 2025 of 市统计局党组 and two branches, all
 * three top-level) with a third branch added under the 党组; today is
 * 2025-12-31 (SL_TODAY).
 *
 * - 锁定年度… is offered while some organization's year is still open,
 *   and off, with the overview saying why, once every one is locked (by
 *   itself or from above); the year changing, or a lock lifted, offers it
 *   again; its dialog lists only the organizations still open;
 * - the roster preview shows every problem at once: the errors (a name
 *   twice), then the warnings (no 所属支部, a 所属支部 the ledger does not
 *   have), in its problem line, and each line's own in its tooltip.
 */

#include "config.h"

#include <adwaita.h>
#include <string.h>

#include "sl-archive.h"
#include "sl-csv-reader.h"
#include "sl-evidence.h"
#include "sl-ledger.h"
#include "sl-measure.h"
#include "sl-measure-dialog.h"
#include "sl-measure-entry.h"
#include "sl-organization.h"
#include "sl-overview-page.h"
#include "sl-roster-dialog.h"
#include "sl-window.h"
#include "sl-test-util.h"
#include "sl-test-window.h"
#include "sl-test-display.h"

#define PARTY_GROUP "62c9f9b1-c1a6-541b-b10c-986195dc206a"   /* 市统计局党组 */
#define FIRST_BRANCH "63e9fe8e-e821-53ee-a730-c97325a4a301"  /* 市统计局机关第一党支部 */
#define SECOND_BRANCH "ab315899-ba5f-590e-8621-227afbd124b4" /* 市统计局机关第二党支部 */
#define THIRD_BRANCH "机关第三党支部"                          /* added, under the 党组 */

typedef struct
{
  char      *folder;
  char      *path;
  SlLedger  *ledger;
  SlWindow  *window;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SlOrganization) third = sl_organization_new ();

  fixture->folder = make_temp_folder ("test-window-details-XXXXXX");
  fixture->path = g_build_filename (fixture->folder, "ledger.db", NULL);
  fixture->ledger = sl_test_example_ledger (fixture->path);

  sl_organization_set_name (third, THIRD_BRANCH);
  sl_organization_set_kind (third, SL_ORGANIZATION_KIND_BRANCH);
  sl_organization_set_parent (third, PARTY_GROUP);
  g_assert_true (sl_ledger_save_organization (fixture->ledger, third, &error));
  g_assert_no_error (error);

  fixture->window = sl_test_window_open (fixture->ledger, 1400, 900);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  sl_test_window_close (fixture->window, fixture->ledger);

  remove_tree (fixture->folder);
  g_free (fixture->path);
  g_free (fixture->folder);
}

/* A toplevel by its widget name. */
static GtkWidget *
find_toplevel (const char *name)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWidget) window = g_list_model_get_item (toplevels, i);

      if (g_strcmp0 (gtk_widget_get_name (window), name) == 0 && gtk_widget_get_visible (window))
        return window;
    }
  return NULL;
}

static GtkWidget *
find_type (GtkWidget *widget,
           GType      type)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (widget, type))
    return widget;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_type (child, type);

      if (found != NULL)
        return found;
    }
  return NULL;
}

/* The text of the overview's locks line, "" when it is hidden. */
static const char *
locks_line (GtkWidget *overview)
{
  return sl_overview_page_get_figure (SL_OVERVIEW_PAGE (overview), "locks");
}

static void
lock (Fixture    *fixture,
      const char *organization,
      int         year)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (sl_evidence_lock_year (fixture->ledger, organization, year, "王五", &error));
  g_assert_no_error (error);
  sl_test_iterate (50);
}

/* 锁定年度… follows the year's locks: a tester was offered it for a year
 * locked for every organization, and refused only in the dialog. */
static void
test_lock_year_offered (Fixture       *fixture,
                        gconstpointer  data)
{
  GtkWidget *overview = sl_window_get_page (fixture->window, "overview");
  GtkWidget *button;
  GtkWidget *dialog;
  GListModel *names;
  g_autoptr(GError) error = NULL;

  sl_window_set_year (fixture->window, 2025);
  gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.show-page", "s", "overview");
  SL_TEST_WAIT_FOR (sl_overview_page_get_filled (SL_OVERVIEW_PAGE (overview)));
  button = sl_test_find_actionable (overview, "overview.lock-year");
  g_assert_nonnull (button);
  g_assert_true (gtk_widget_is_sensitive (button));

  /* Two of the three top-level organizations: still offered. */
  lock (fixture, PARTY_GROUP, 2025);
  lock (fixture, FIRST_BRANCH, 2025);
  g_assert_true (gtk_widget_is_sensitive (button));
  /* The locked ones named, and where they are unlocked. */
  SL_TEST_WAIT_FOR (strstr (locks_line (overview), "choose Revoke the Lock") != NULL);
  g_assert_nonnull (strstr (locks_line (overview), "is locked for"));

  /* The dialog offers only the one still open: the third branch is under
   * the 党组, so locked with it. */
  gtk_widget_activate_action (overview, "overview.lock-year", NULL);
  SL_TEST_WAIT_FOR (find_toplevel ("sl-lock-year-dialog") != NULL);
  dialog = find_toplevel ("sl-lock-year-dialog");
  names = gtk_drop_down_get_model (GTK_DROP_DOWN (find_type (dialog, GTK_TYPE_DROP_DOWN)));
  g_assert_cmpuint (g_list_model_get_n_items (names), ==, 1);
  g_assert_cmpstr (gtk_string_list_get_string (GTK_STRING_LIST (names), 0), ==, "市统计局机关第二党支部");
  gtk_window_destroy (GTK_WINDOW (dialog));
  sl_test_iterate (50);

  /* The last one: nothing is left to lock, and the overview says why. */
  lock (fixture, SECOND_BRANCH, 2025);
  SL_TEST_WAIT_FOR (!gtk_widget_is_sensitive (button));
  g_test_message ("locks: %s", locks_line (overview));
  g_assert_nonnull (strstr (locks_line (overview), "市统计局机关第二党支部"));
  g_assert_nonnull (strstr (locks_line (overview), "nothing left to lock"));
  g_assert_nonnull (strstr (gtk_widget_get_tooltip_text (button), "locked for every organization"));

  /* Another year is open; back to 2025, off again. */
  sl_window_set_year (fixture->window, 2024);
  SL_TEST_WAIT_FOR (gtk_widget_is_sensitive (button));
  g_assert_null (strstr (locks_line (overview), "nothing left to lock"));
  sl_window_set_year (fixture->window, 2025);
  SL_TEST_WAIT_FOR (!gtk_widget_is_sensitive (button));

  /* A lock lifted (as the editor's 解锁… does): offered again. */
  g_assert_true (sl_evidence_unlock_year (fixture->ledger, PARTY_GROUP, 2025, "补录会议", &error));
  g_assert_no_error (error);
  SL_TEST_WAIT_FOR (gtk_widget_is_sensitive (button));
  g_assert_null (strstr (locks_line (overview), "nothing left to lock"));
}

/* The roster preview ------------------------------------------------------ */

static GtkWidget *
preview_of (Fixture    *fixture,
            const char *csv)
{
  g_autoptr(GError) error = NULL;
  /* As the window reads a file (sl_roster_read_async()). */
  g_autoptr(GPtrArray) rows = sl_roster_parse_all ((const guint8 *) csv, strlen (csv), &error);
  g_autoptr(GFile) file = g_file_new_for_path ("/tmp/roster.csv");
  GtkWidget *dialog;

  g_assert_no_error (error);
  dialog = GTK_WIDGET (sl_roster_dialog_new (GTK_WINDOW (fixture->window), fixture->ledger, file, rows, NULL));
  gtk_window_present (GTK_WINDOW (dialog));
  sl_test_iterate (100);
  return dialog;
}

/* A shown label whose text contains @part (@exact: is @part). */
static GtkLabel *
shown_label (GtkWidget  *root,
             const char *part,
             gboolean    exact)
{
  if (GTK_IS_LABEL (root) && gtk_widget_is_visible (root) &&
      (exact ? g_strcmp0 (gtk_label_get_text (GTK_LABEL (root)), part) == 0
             : strstr (gtk_label_get_text (GTK_LABEL (root)), part) != NULL))
    return GTK_LABEL (root);

  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkLabel *found = shown_label (child, part, exact);

      if (found != NULL)
        return found;
    }
  return NULL;
}

/* Where @part starts in @text, asserted present. */
static gsize
position (const char *text,
          const char *part)
{
  const char *found = strstr (text, part);

  if (found == NULL)
    g_error ("“%s” does not say “%s”", text, part);
  return found - text;
}

/* Line 4 repeats line 3's name (another 性别: not a row pasted twice,
 * which is only skipped) and, like it, names no 所属支部; line 5 names a
 * 所属支部 the ledger does not have. Fixing the repeat must not reveal a
 * warning that was hidden behind it. */
static void
test_roster_preview_errors_and_warnings (Fixture       *fixture,
                                         gconstpointer  data)
{
  GtkWidget *dialog = preview_of (fixture, "姓名,性别,所属支部\n"
                                           "王芳,女,市统计局机关第一党支部\n"
                                           "李强,男,\n"
                                           "李 强,女,\n"
                                           "赵珺,女,机关第三支部\n");
  GtkLabel *problem = shown_label (dialog, "Cannot import: line 4", FALSE);
  GtkLabel *line;
  const char *text, *tip;

  g_assert_nonnull (problem);
  text = gtk_label_get_text (problem);
  g_test_message ("problem line: %s", text);
  /* The error first, then both warnings. */
  g_assert_cmpuint (position (text, "Cannot import: line 4"), <, position (text, "2 people have no 所属支部"));
  g_assert_cmpuint (position (text, "2 people have no 所属支部"), <, position (text, "机关第三支部"));
  g_assert_true (gtk_widget_has_css_class (GTK_WIDGET (problem), "error"));
  g_assert_false (gtk_widget_is_sensitive (sl_test_find_actionable (dialog, "roster.import")));

  /* The problem line's tooltip lists them line by line, errors first. */
  tip = gtk_widget_get_tooltip_text (GTK_WIDGET (problem));
  g_assert_nonnull (tip);
  g_assert_cmpuint (position (tip, "line 4: “李强” is already on line 3"), <, position (tip, "line 3: 所属支部 is empty"));

  /* Line 4's own: its error, then its warning; red, with the warning's
   * sign (it showed a red number only). */
  line = shown_label (dialog, "4 ⚠", TRUE);
  g_assert_nonnull (line);
  tip = gtk_widget_get_tooltip_text (GTK_WIDGET (line));
  g_assert_nonnull (tip);
  g_assert_cmpuint (position (tip, "is already on line 3"), <, position (tip, "line 4: 所属支部 is empty"));
  g_assert_true (gtk_widget_has_css_class (GTK_WIDGET (line), "error"));
  line = shown_label (dialog, "5", TRUE);
  g_assert_nonnull (strstr (gtk_widget_get_tooltip_text (GTK_WIDGET (line)), "机关第三支部"));
  g_assert_true (gtk_widget_has_css_class (GTK_WIDGET (line), "warning"));
  line = shown_label (dialog, "2", TRUE);
  g_assert_null (gtk_widget_get_tooltip_text (GTK_WIDGET (line)));

  gtk_window_destroy (GTK_WINDOW (dialog));
  sl_test_iterate (50);

  /* The repeat fixed: the warnings were shown before, nothing new. */
  dialog = preview_of (fixture, "姓名,性别,所属支部\n"
                                "王芳,女,市统计局机关第一党支部\n"
                                "李强,男,\n"
                                "孙旻,男,\n"
                                "赵珺,女,机关第三支部\n");
  g_assert_null (shown_label (dialog, "Cannot import", FALSE));
  problem = shown_label (dialog, "2 people have no 所属支部", FALSE);
  g_assert_nonnull (problem);
  g_assert_nonnull (strstr (gtk_label_get_text (problem), "机关第三支部"));
  g_assert_true (gtk_widget_has_css_class (GTK_WIDGET (problem), "warning"));
  g_assert_true (gtk_widget_is_sensitive (sl_test_find_actionable (dialog, "roster.import")));
  gtk_window_destroy (GTK_WINDOW (dialog));
  sl_test_iterate (50);
}

/* A row's own faults (an empty 姓名, a date that is none) are row
 * problems of the preview, all listed at once with the repeats, errors
 * first; a tester saw one at a time, each refusing the whole file. */
static void
test_roster_preview_row_errors (Fixture       *fixture,
                                gconstpointer  data)
{
  GtkWidget *dialog = preview_of (fixture, "姓名,性别,入党时间,所属支部\n"
                                           "王芳,女,2019-07-01,市统计局机关第一党支部\n"
                                           ",男,2020-01-01,市统计局机关第一党支部\n"
                                           "李强,男,2019-13-45,市统计局机关第一党支部\n"
                                           "王芳,女,,市统计局机关第一党支部\n"
                                           "孙旻,男,,\n");
  GtkLabel *problem = shown_label (dialog, "Cannot import: line 3", FALSE);
  GtkLabel *line;
  const char *text;

  g_assert_nonnull (problem);
  text = gtk_label_get_text (problem);
  g_test_message ("problem line: %s", text);
  g_assert_cmpuint (position (text, "line 3, column 1 (姓名): empty name"), <,
                    position (text, "line 4, column 3 (入党时间): “2019-13-45” is not a date; "
                                    "write dates as YYYY-MM-DD, for example 2019-07-01"));
  g_assert_cmpuint (position (text, "2019-13-45"), <, position (text, "line 5: “王芳” is already on line 2"));
  g_assert_cmpuint (position (text, "is already on line 2"), <, position (text, "1 person has no 所属支部"));
  g_assert_false (gtk_widget_is_sensitive (sl_test_find_actionable (dialog, "roster.import")));
  for (guint i = 3; i <= 5; i++)
    {
      g_autofree char *number = g_strdup_printf ("%u", i);

      line = shown_label (dialog, number, TRUE);
      g_assert_nonnull (line);
      g_assert_true (gtk_widget_has_css_class (GTK_WIDGET (line), "error"));
    }
  line = shown_label (dialog, "6", TRUE);
  g_assert_true (gtk_widget_has_css_class (GTK_WIDGET (line), "warning"));
  gtk_window_destroy (GTK_WINDOW (dialog));
  sl_test_iterate (50);
}

/* Return in 标记措施已完成's fields confirms, as 标记完成 (Alt+M) does;
 * in the date field it did nothing. */
static void
on_measure_response (AdwMessageDialog *dialog,
                     const char       *response,
                     char            **answered)
{
  g_free (*answered);
  *answered = g_strdup (response);
}

static GtkWidget *
text_of (GtkWidget *widget)
{
  if (GTK_IS_TEXT (widget))
    return widget;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = text_of (child);

      if (found != NULL)
        return found;
    }
  return NULL;
}

static void
test_measure_dialog_return (Fixture       *fixture,
                            gconstpointer  data)
{
  static const char *const rows[] = { "date_row", "progress_row" };

  for (guint i = 0; i < G_N_ELEMENTS (rows); i++)
    {
      g_autoptr(SlMeasure) measure = sl_measure_new ();
      g_autoptr(SlMeasureEntry) entry = NULL;
      g_autofree char *answered = NULL;
      GtkWidget *dialog, *row, *text;

      sl_measure_set_text (measure, "整改台账");
      entry = sl_measure_entry_new (measure, NULL, "2025-03-01", "局党组会议", FALSE);
      dialog = sl_measure_dialog_new (GTK_WINDOW (fixture->window), entry);
      g_signal_connect (dialog, "response", G_CALLBACK (on_measure_response), &answered);
      gtk_window_present (GTK_WINDOW (dialog));
      sl_test_iterate (50);
      row = GTK_WIDGET (gtk_widget_get_template_child (dialog, SL_TYPE_MEASURE_DIALOG, rows[i]));
      text = text_of (row);
      g_assert_nonnull (text);
      gtk_widget_grab_focus (text);
      /* What Return does in a text field: its "activate". */
      g_signal_emit_by_name (text, "activate");
      sl_test_iterate (50);
      g_assert_cmpstr (answered, ==, "done");
      if (answered == NULL)
        gtk_window_destroy (GTK_WINDOW (dialog));
      sl_test_iterate (20);
    }
}

int
main (int   argc,
      char *argv[])
{
  g_setenv ("SL_TODAY", "2025-12-31", TRUE);
  g_setenv ("GSETTINGS_BACKEND", "memory", TRUE);
  g_setenv ("LANGUAGE", "C", TRUE);

  sl_test_gtk_init (&argc, &argv);

  g_test_add ("/window-details/lock-year-offered", Fixture, NULL,
              fixture_set_up, test_lock_year_offered, fixture_tear_down);
  g_test_add ("/window-details/roster-preview-errors-and-warnings", Fixture, NULL,
              fixture_set_up, test_roster_preview_errors_and_warnings, fixture_tear_down);
  g_test_add ("/window-details/measure-dialog-return", Fixture, NULL,
              fixture_set_up, test_measure_dialog_return, fixture_tear_down);
  g_test_add ("/window-details/roster-preview-row-errors", Fixture, NULL,
              fixture_set_up, test_roster_preview_row_errors, fixture_tear_down);

  return g_test_run ();
}
