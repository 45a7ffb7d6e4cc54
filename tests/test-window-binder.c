/* test-window-binder.c — 导出年度学习档案… in the real window
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Runs under Xvfb (build-aux/setup.sh --test), as test-window.c, on a
 * fresh ledger filled from the example archive the program carries (2025
 * of a 党组 and two branches); today is 2025-12-31 (SL_TODAY). The
 * window's win.export-binder action opens the file chooser (GTK's own
 * dialog: no portal here), which is given a folder and a name and
 * accepted as a user would; the progress window then shows its bar
 * moving while the binder is made on a worker thread, and the PDF is read
 * back with pdfinfo. A second export is cancelled with the progress
 * window's Cancel as soon as it shows: nothing is left, neither the file
 * nor a temporary one, and no error is shown. With SL_TEST_SCREENSHOTS set
 * to a folder, the screen is saved there while the bar moves
 * (`import -window root`), to be looked at. The chooser offers the
 * ledger's organisations (all by default, as the command line without
 * --organization); one chosen, the binder is of that one alone.
 */

#include "config.h"

#include <adwaita.h>
#include <glib/gstdio.h>
#include <string.h>

#include "sl-archive.h"
#include "sl-ledger.h"
#include "sl-organization.h"
#include "sl-record.h"
#include "sl-window.h"
#include "sl-test-util.h"
#include "sl-test-window.h"
#include "sl-test-display.h"

#define LIMIT_S 240

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
  fixture->folder = make_temp_folder ("test-window-binder-XXXXXX");
  fixture->path = g_build_filename (fixture->folder, "ledger.db", NULL);
  fixture->ledger = sl_test_example_ledger (fixture->path);

  fixture->window = sl_test_window_open (fixture->ledger, 0, 0);
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

/* A shown toplevel: a file chooser, or the window named @name. */
static GtkWindow *
find_toplevel (GType       type,
               const char *name)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWidget) window = g_list_model_get_item (toplevels, i);

      if (gtk_widget_get_visible (window) && G_TYPE_CHECK_INSTANCE_TYPE (window, type) &&
          (name == NULL || g_strcmp0 (gtk_widget_get_name (window), name) == 0))
        return GTK_WINDOW (window);
    }
  return NULL;
}

static GtkWindow *
wait_for_toplevel (GType       type,
                   const char *name)
{
  gint64 end = g_get_monotonic_time () + LIMIT_S * G_USEC_PER_SEC;
  GtkWindow *found;

  while ((found = find_toplevel (type, name)) == NULL && g_get_monotonic_time () < end)
    g_main_context_iteration (NULL, FALSE);
  g_assert_nonnull (found);
  return found;
}

/* The drop-down of the chooser's choice labelled @label. */
static GtkWidget *
find_choice (GtkWidget  *widget,
             const char *label)
{
  GtkWidget *before = gtk_widget_get_prev_sibling (widget);

  if (GTK_IS_DROP_DOWN (widget) && GTK_IS_LABEL (before) &&
      g_str_equal (gtk_label_get_label (GTK_LABEL (before)), label))
    return widget;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_choice (child, label);

      if (found != NULL)
        return found;
    }
  return NULL;
}

/* The labels' texts under @widget, in order. */
static void
collect_labels (GtkWidget *widget,
                GPtrArray *texts)
{
  if (GTK_IS_LABEL (widget))
    g_ptr_array_add (texts, g_strdup (gtk_label_get_label (GTK_LABEL (widget))));
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    collect_labels (child, texts);
}

/* Whether @chooser shows @folder. */
static gboolean
in_folder (GtkWindow *chooser,
           GFile     *folder)
{
  G_GNUC_BEGIN_IGNORE_DEPRECATIONS
  g_autoptr(GFile) current = gtk_file_chooser_get_current_folder (GTK_FILE_CHOOSER (chooser));
  G_GNUC_END_IGNORE_DEPRECATIONS

  return current != NULL && g_file_equal (current, folder);
}

/* Shows @folder in @chooser. A chooser still loading its first folder may
 * drop the one set (the file then landed in the working directory): it is
 * set until it holds. */
static void
show_folder (GtkWindow *chooser,
             GFile     *folder)
{
  g_autoptr(GError) error = NULL;

  for (int i = 0; i < 100 && !in_folder (chooser, folder); i++)
    {
      G_GNUC_BEGIN_IGNORE_DEPRECATIONS
      g_assert_true (gtk_file_chooser_set_current_folder (GTK_FILE_CHOOSER (chooser), folder, &error));
      G_GNUC_END_IGNORE_DEPRECATIONS
      g_assert_no_error (error);
      sl_test_iterate (100);
    }
  g_assert_true (in_folder (chooser, folder));
}

/* 导出年度学习档案…, and the chooser given @name in the fixture's folder
 * and accepted; returns the progress window. */
static GtkWindow *
choose_and_export (Fixture    *fixture,
                   const char *name)
{
  g_autoptr(GFile) folder = g_file_new_for_path (fixture->folder);
  GtkWindow *chooser;

  gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.export-binder", NULL);
  chooser = wait_for_toplevel (GTK_TYPE_FILE_CHOOSER_DIALOG, NULL);
  sl_test_iterate (100);

  G_GNUC_BEGIN_IGNORE_DEPRECATIONS
  /* The name offered is the year's. */
  g_assert_nonnull (strstr (gtk_file_chooser_get_current_name (GTK_FILE_CHOOSER (chooser)),
                            "2025"));
  show_folder (chooser, folder);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), name);
  gtk_dialog_response (GTK_DIALOG (chooser), GTK_RESPONSE_ACCEPT);
  G_GNUC_END_IGNORE_DEPRECATIONS

  return wait_for_toplevel (GTK_TYPE_WINDOW, "binder-progress");
}

/* The text of @pdf, as pdftotext reads it, spaces and line ends removed. */
static char *
pdf_text (const char *pdf)
{
  const char *argv[] = { "pdftotext", pdf, "-", NULL };
  g_autofree char *out = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GString) text = NULL;
  int status;

  g_autofree char *complaint = NULL;

  g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL, &out, &complaint, &status, &error);
  g_assert_no_error (error);
  if (!g_spawn_check_wait_status (status, NULL))
    g_error ("pdftotext refused %s: %s", pdf, complaint);
  text = g_string_new (NULL);
  for (const char *c = out; *c != '\0'; c++)
    if (*c != ' ' && *c != '\n' && *c != '\f')
      g_string_append_c (text, *c);
  return g_string_free (g_steal_pointer (&text), FALSE);
}

static void
screenshot (const char *name)
{
  const char *folder = g_getenv ("SL_TEST_SCREENSHOTS");
  g_autofree char *path = NULL;
  g_autoptr(GError) error = NULL;
  int status;

  if (folder == NULL)
    return;
  path = g_build_filename (folder, name, NULL);
  {
    const char *argv[] = { "import", "-window", "root", path, NULL };

    if (!g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL, NULL, NULL,
                       &status, &error))
      g_test_message ("no screenshot: %s", error->message);
  }
}

/* Everything in the fixture's folder but the ledger's own files (and the
 * day's backups the window keeps beside it, "ledger-backups"). */
static GPtrArray *
outputs (Fixture *fixture)
{
  g_autoptr(GDir) dir = g_dir_open (fixture->folder, 0, NULL);
  GPtrArray *names = g_ptr_array_new_with_free_func (g_free);
  const char *name;

  g_assert_nonnull (dir);
  while ((name = g_dir_read_name (dir)) != NULL)
    if (!g_str_has_prefix (name, "ledger.db") && !g_str_equal (name, "ledger-backups"))
      g_ptr_array_add (names, g_strdup (name));
  return names;
}

static gboolean
listed (GPtrArray  *names,
        const char *name)
{
  for (guint i = 0; i < names->len; i++)
    if (g_str_equal (g_ptr_array_index (names, i), name))
      return TRUE;
  return FALSE;
}

static goffset
file_size (const char *path)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GFileInfo) info = g_file_query_info (file, G_FILE_ATTRIBUTE_STANDARD_SIZE,
                                                 G_FILE_QUERY_INFO_NONE, NULL, NULL);

  return info != NULL ? g_file_info_get_size (info) : -1;
}

static void
test_export (Fixture       *fixture,
             gconstpointer  data)
{
  g_autofree char *pdf = g_build_filename (fixture->folder, "binder.pdf", NULL);
  g_autofree char *info = NULL;
  g_autoptr(GPtrArray) left = NULL;
  g_autoptr(GError) error = NULL;
  GtkWindow *progress = choose_and_export (fixture, "binder.pdf");
  GtkProgressBar *bar = GTK_PROGRESS_BAR (sl_test_find_widget (GTK_WIDGET (progress),
                                                      GTK_TYPE_PROGRESS_BAR));
  gint64 end = g_get_monotonic_time () + LIMIT_S * G_USEC_PER_SEC;
  double shown = 0;
  gboolean moved = FALSE, taken = FALSE, named = FALSE;
  int status;

  g_assert_nonnull (bar);
  g_assert_true (gtk_window_get_modal (progress));
  g_assert_true (gtk_window_get_transient_for (progress) == GTK_WINDOW (fixture->window));

  /* The bar moves while the worker binds; the window keeps drawing. */
  while (find_toplevel (GTK_TYPE_WINDOW, "binder-progress") != NULL &&
         g_get_monotonic_time () < end)
    {
      double fraction = gtk_progress_bar_get_fraction (bar);

      g_main_context_iteration (NULL, FALSE);
      if (fraction > 0 && !taken)
        {
          sl_test_iterate (50);
          screenshot ("binder-progress.png");
          taken = TRUE;
        }
      if (fraction > 0 && !named)
        {
          g_autoptr(GPtrArray) texts = g_ptr_array_new_with_free_func (g_free);

          /* The file's name, then what is being bound (a line of the
           * contents, a ledger's file name), then Cancel's. */
          collect_labels (GTK_WIDGET (progress), texts);
          named = texts->len >= 2 && g_str_equal (g_ptr_array_index (texts, 0), "binder.pdf") &&
                  *(char *) g_ptr_array_index (texts, 1) != '\0';
        }
      moved = moved || (fraction > shown && shown > 0);
      shown = MAX (shown, fraction);
    }
  g_assert_null (find_toplevel (GTK_TYPE_WINDOW, "binder-progress"));
  g_assert_true (taken);
  g_assert_true (named);
  g_assert_true (moved);
  g_assert_cmpfloat (shown, >, 0.5);

  /* The file, complete, and nothing beside it. */
  {
    const char *argv[] = { "pdfinfo", pdf, NULL };

    g_autofree char *complaint = NULL;

    g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH,
                  NULL, NULL, &info, &complaint, &status, &error);
    g_assert_no_error (error);
    /* What pdfinfo said, should it refuse the file (once seen in CI's
     * sanitizer round, not since). */
    if (!g_spawn_check_wait_status (status, NULL))
      g_error ("pdfinfo refused %s (%" G_GSIZE_FORMAT " bytes): %s", pdf,
               g_file_test (pdf, G_FILE_TEST_EXISTS) ? (gsize) file_size (pdf) : 0, complaint);
    g_assert_nonnull (strstr (info, "年度学习档案"));
  }
  left = outputs (fixture);
  for (guint i = 0; i < left->len; i++)
    g_test_message ("left: %s", (char *) g_ptr_array_index (left, i));
  g_assert_cmpuint (left->len, ==, 1);
  g_assert_true (listed (left, "binder.pdf"));
}

static void
test_cancel (Fixture       *fixture,
             gconstpointer  data)
{
  g_autoptr(GPtrArray) left = NULL;
  GtkWindow *progress = choose_and_export (fixture, "cancelled.zip");
  GtkWidget *cancel = sl_test_find_widget (GTK_WIDGET (progress), GTK_TYPE_BUTTON);
  gint64 end = g_get_monotonic_time () + LIMIT_S * G_USEC_PER_SEC;

  /* At once: the worker is binding its first items. */
  g_assert_nonnull (cancel);
  g_signal_emit_by_name (cancel, "clicked");

  while (find_toplevel (GTK_TYPE_WINDOW, "binder-progress") != NULL &&
         g_get_monotonic_time () < end)
    g_main_context_iteration (NULL, FALSE);
  g_assert_null (find_toplevel (GTK_TYPE_WINDOW, "binder-progress"));
  sl_test_iterate (100);

  /* Nothing left: neither the file nor a temporary one; and no error. */
  left = outputs (fixture);
  for (guint i = 0; i < left->len; i++)
    g_test_message ("left: %s", (char *) g_ptr_array_index (left, i));
  g_assert_cmpuint (left->len, ==, 0);
  g_assert_null (find_toplevel (ADW_TYPE_MESSAGE_DIALOG, NULL));
}

/* The 组织 choice: all by default; the second branch chosen, the PDF is
 * its binder (its ledgers titled with its name, 填报单位 its own). */
static void
test_organization (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autoptr(GFile) folder = g_file_new_for_path (fixture->folder);
  g_autofree char *pdf = g_build_filename (fixture->folder, "branch.pdf", NULL);
  g_autofree char *text = NULL;
  gint64 end = g_get_monotonic_time () + LIMIT_S * G_USEC_PER_SEC;
  SlOrganization *branch = sl_ledger_find_organization_by_name (fixture->ledger, "市统计局机关第二党支部");
  GtkWindow *chooser;
  GtkWidget *choice;
  GListModel *names;

  g_assert_nonnull (branch);
  gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.export-binder", NULL);
  chooser = wait_for_toplevel (GTK_TYPE_FILE_CHOOSER_DIALOG, NULL);
  sl_test_iterate (100);

  G_GNUC_BEGIN_IGNORE_DEPRECATIONS
  /* All organisations unless one is chosen. */
  g_assert_cmpstr (gtk_file_chooser_get_choice (GTK_FILE_CHOOSER (chooser), "organization"), ==, "");
  /* Chosen as she would: in the drop-down beside its label. */
  choice = find_choice (GTK_WIDGET (chooser), "Organization");
  g_assert_nonnull (choice);
  names = gtk_drop_down_get_model (GTK_DROP_DOWN (choice));
  for (guint i = 0; i < g_list_model_get_n_items (names); i++)
    if (g_str_equal (gtk_string_list_get_string (GTK_STRING_LIST (names), i), "市统计局机关第二党支部"))
      gtk_drop_down_set_selected (GTK_DROP_DOWN (choice), i);
  g_assert_cmpstr (gtk_file_chooser_get_choice (GTK_FILE_CHOOSER (chooser), "organization"), ==,
                   sl_record_get_id (SL_RECORD (branch)));
  show_folder (chooser, folder);
  sl_test_iterate (100);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), "branch.pdf");
  gtk_dialog_response (GTK_DIALOG (chooser), GTK_RESPONSE_ACCEPT);
  G_GNUC_END_IGNORE_DEPRECATIONS

  /* Done: the file renamed into place and the progress window gone (a
   * branch's binder is quick: the window may come and go between two
   * looks). */
  while ((!g_file_test (pdf, G_FILE_TEST_EXISTS) ||
          find_toplevel (GTK_TYPE_WINDOW, "binder-progress") != NULL) &&
         g_get_monotonic_time () < end)
    g_main_context_iteration (NULL, FALSE);
  sl_test_iterate (100);
  g_assert_null (find_toplevel (GTK_TYPE_WINDOW, "binder-progress"));
  g_assert_null (find_toplevel (ADW_TYPE_MESSAGE_DIALOG, NULL));

  {
    g_autoptr(GPtrArray) left = outputs (fixture);

    for (guint i = 0; i < left->len; i++)
      g_test_message ("left: %s", (char *) g_ptr_array_index (left, i));
    g_assert_true (listed (left, "branch.pdf"));
  }
  text = pdf_text (pdf);
  g_assert_nonnull (strstr (text, "市统计局机关第二党支部2025年会议学习台账"));
  g_assert_nonnull (strstr (text, "填报单位：市统计局机关第二党支部"));
  g_assert_null (strstr (text, "填报单位：市统计局党组"));
  g_assert_null (strstr (text, "市统计局党组会议2025年第1次"));
}

int
main (int   argc,
      char *argv[])
{
  g_setenv ("SL_TODAY", "2025-12-31", TRUE);
  g_setenv ("GSETTINGS_BACKEND", "memory", TRUE);
  /* GTK's own file chooser, which the test can drive, not a portal's. */
  g_setenv ("GTK_USE_PORTAL", "0", TRUE);

  sl_test_gtk_init (&argc, &argv);

  g_test_add ("/window-binder/export", Fixture, NULL,
              fixture_set_up, test_export, fixture_tear_down);
  g_test_add ("/window-binder/cancel", Fixture, NULL,
              fixture_set_up, test_cancel, fixture_tear_down);
  g_test_add ("/window-binder/organization", Fixture, NULL,
              fixture_set_up, test_organization, fixture_tear_down);

  return g_test_run ();
}
