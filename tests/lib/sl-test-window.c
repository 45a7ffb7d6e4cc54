/* sl-test-window.c — what window tests share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>
#include <sqlite3.h>
#include <string.h>

#include "sl-archive.h"
#include "sl-meetings-page.h"
#include "sl-record.h"
#include "sl-test-util.h"
#include "sl-test-window.h"

#define CLOSE_TIMEOUT_S 30

void
sl_test_iterate (guint ms)
{
  gint64 end = g_get_monotonic_time () + ms * 1000;

  while (g_get_monotonic_time () < end)
    g_main_context_iteration (NULL, FALSE);
}

gpointer
sl_test_template_child (gpointer    widget,
                        GType       type,
                        const char *name)
{
  GObject *child = gtk_widget_get_template_child (GTK_WIDGET (widget), type, name);

  g_assert_nonnull (child);
  return child;
}

GtkWidget *
sl_test_find_named (GtkWidget  *widget,
                    const char *name)
{
  if (g_strcmp0 (gtk_widget_get_name (widget), name) == 0)
    return widget;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = sl_test_find_named (child, name);
      if (found != NULL)
        return found;
    }
  return NULL;
}

GtkWidget *
sl_test_find_actionable (GtkWidget  *widget,
                         const char *action)
{
  if (GTK_IS_ACTIONABLE (widget) &&
      g_strcmp0 (gtk_actionable_get_action_name (GTK_ACTIONABLE (widget)), action) == 0)
    return widget;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = sl_test_find_actionable (child, action);

      if (found != NULL)
        return found;
    }
  return NULL;
}

static GtkWidget *
find_widget (GtkWidget *widget,
             GType      type,
             gboolean   mapped)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (widget, type) && (!mapped || gtk_widget_get_mapped (widget)))
    return widget;

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_widget (child, type, mapped);

      if (found != NULL)
        return found;
    }
  return NULL;
}

GtkWidget *
sl_test_find_widget (GtkWidget *widget,
                     GType      type)
{
  return find_widget (widget, type, FALSE);
}

GtkWidget *
sl_test_find_mapped (GtkWidget *widget,
                     GType      type)
{
  return find_widget (widget, type, TRUE);
}

GtkWidget *
sl_test_find_toplevel (const char *name,
                       GType       type)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWidget) window = g_list_model_get_item (toplevels, i);

      if (!gtk_widget_get_visible (window))
        continue;
      if ((name != NULL && g_strcmp0 (gtk_widget_get_name (window), name) == 0) ||
          (name == NULL && G_TYPE_CHECK_INSTANCE_TYPE (window, type)))
        return window;
    }
  return NULL;
}

void
sl_test_answer_dialog (GtkWidget  *dialog,
                       const char *text,
                       const char *response)
{
  g_assert_nonnull (dialog);
  /* The editor's dialogs name their line "sl-entry" (it sits under a
   * label); others have the line itself as their extra child. */
  if (text != NULL)
    {
      GtkWidget *entry = g_object_get_data (G_OBJECT (dialog), "sl-entry");

      if (entry == NULL)
        entry = adw_message_dialog_get_extra_child (ADW_MESSAGE_DIALOG (dialog));
      gtk_editable_set_text (GTK_EDITABLE (entry), text);
    }
  adw_message_dialog_response (ADW_MESSAGE_DIALOG (dialog), response);
  /* A button closes the dialog after its response; the call does not. */
  gtk_window_destroy (GTK_WINDOW (dialog));
  sl_test_iterate (50);
}

SlMeetingEditor *
sl_test_window_editor (SlWindow *window)
{
  return sl_test_template_child (sl_window_get_page (window, "meetings"), SL_TYPE_MEETINGS_PAGE, "editor");
}

gpointer
sl_test_editor_child (SlWindow   *window,
                      const char *name)
{
  return sl_test_template_child (sl_test_window_editor (window), SL_TYPE_MEETING_EDITOR, name);
}

gboolean
sl_test_editor_shows (SlWindow  *window,
                      GtkWidget *widget)
{
  GtkScrolledWindow *scroller = sl_test_editor_child (window, "scroller");
  GtkAdjustment *adjustment = gtk_scrolled_window_get_vadjustment (scroller);
  GtkWidget *content = gtk_viewport_get_child (GTK_VIEWPORT (gtk_scrolled_window_get_child (scroller)));
  double value = gtk_adjustment_get_value (adjustment);
  graphene_rect_t bounds;

  if (!gtk_widget_compute_bounds (widget, content, &bounds))
    return FALSE;
  return bounds.origin.y >= value &&
         bounds.origin.y + bounds.size.height <= value + gtk_adjustment_get_page_size (adjustment);
}

const char *
sl_test_editor_state (SlWindow *window)
{
  return gtk_label_get_label (sl_test_editor_child (window, "state_label"));
}

SlMeeting *
sl_test_editor_meeting (SlWindow   *window,
                        const char *id)
{
  SlMeeting *meeting = sl_meeting_editor_get_meeting (sl_test_window_editor (window));

  g_assert_nonnull (meeting);
  g_assert_cmpstr (sl_record_get_id (SL_RECORD (meeting)), ==, id);
  return meeting;
}

const char *
sl_test_editor_badge (SlWindow *window)
{
  GtkWidget *button = sl_test_find_named (GTK_WIDGET (sl_test_window_editor (window)), "sl-state-badge");

  g_assert_nonnull (button);
  return gtk_button_get_label (GTK_BUTTON (button));
}

SlLedger *
sl_test_example_ledger (const char *path)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) archive = NULL;
  SlLedger *ledger = sl_ledger_open (path, &error);

  g_assert_no_error (error);
  archive = g_resources_lookup_data ("/org/studyledger/StudyLedger/example-archive.json",
                                     G_RESOURCE_LOOKUP_FLAGS_NONE, &error);
  g_assert_no_error (error);
  sl_archive_import_data (ledger, g_bytes_get_data (archive, NULL), g_bytes_get_size (archive),
                          "example-archive.json", FALSE, NULL, &error);
  g_assert_no_error (error);
  return ledger;
}

SlLedger *
sl_test_data_ledger (const char *path,
                     const char *name)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *archive = g_test_build_filename (G_TEST_DIST, "data", name, NULL);
  SlLedger *ledger = sl_ledger_open (path, &error);

  g_assert_no_error (error);
  sl_archive_import (ledger, archive, FALSE, NULL, &error);
  g_assert_no_error (error);
  return ledger;
}

void
sl_test_year_set_up (SlTestYear *year,
                     const char *tmpl)
{
  g_autofree char *path = NULL;

  year->folder = make_temp_folder (tmpl);
  path = g_build_filename (year->folder, "ledger.db", NULL);
  year->ledger = sl_test_data_ledger (path, "year-2023.json");
  /* The year of the archive is the year shown (sl_test_window_open()
   * forgets the remembered one). */
  g_setenv ("SL_TODAY", "2023-12-31", TRUE);
}

void
sl_test_year_tear_down (SlTestYear *year)
{
  g_assert_finalize_object (year->ledger);
  remove_tree (year->folder);
  g_free (year->folder);
}

SlWindow *
sl_test_window_open (SlLedger *ledger,
                     int       width,
                     int       height)
{
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);
  SlWindow *window;

  g_settings_reset (settings, "last-year");
  window = sl_window_new (NULL, ledger, FALSE);
  if (width > 0 && height > 0)
    gtk_window_set_default_size (GTK_WINDOW (window), width, height);
  gtk_window_present (GTK_WINDOW (window));
  SL_TEST_WAIT_FOR (gtk_widget_get_mapped (GTK_WIDGET (window)));
  SL_TEST_WAIT_FOR (gtk_widget_get_width (GTK_WIDGET (window)) > 0);
  sl_test_iterate (50);
  return window;
}

void
sl_test_window_open_meeting (SlWindow   *window,
                             const char *id)
{
  gtk_widget_activate_action (GTK_WIDGET (window), "win.show-page", "s", "meetings");
  sl_test_iterate (50);
  sl_meetings_page_open_meeting (SL_MEETINGS_PAGE (sl_window_get_page (window, "meetings")), id);
  sl_test_iterate (50);
}

gboolean
sl_test_editor_not_saved (SlWindow *window)
{
  /* In the language the window runs in (zh_CN for the screenshots). */
  g_autofree char *prefix = g_strdup (g_dgettext (GETTEXT_PACKAGE, "Not saved: %s"));

  *strstr (prefix, "%s") = '\0';
  return g_str_has_prefix (sl_test_editor_state (window), prefix);
}

char *
sl_test_stored (const char *path,
                const char *sql)
{
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;
  char *text = NULL;

  g_assert_cmpint (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL), ==, SQLITE_OK);
  if (sqlite3_step (stmt) == SQLITE_ROW && sqlite3_column_text (stmt, 0) != NULL)
    text = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
  sqlite3_finalize (stmt);
  sqlite3_close (db);
  return text;
}

void
sl_test_assert_stored (const char *path,
                       const char *sql,
                       const char *expected)
{
  g_autofree char *value = sl_test_stored (path, sql);

  g_assert_cmpstr (value, ==, expected);
}

static gboolean
wake (gpointer data)
{
  return G_SOURCE_CONTINUE;
}

void
sl_test_window_close (SlWindow *window,
                      SlLedger *ledger)
{
  gint64 end = g_get_monotonic_time () + CLOSE_TIMEOUT_S * G_USEC_PER_SEC;
  GListModel *toplevels = gtk_window_get_toplevels ();
  gpointer window_alive = window;
  guint waker;

  g_assert_true (SL_IS_WINDOW (window));
  g_assert_true (ledger == NULL || SL_IS_LEDGER (ledger));

  /* The loops below block in the main context; a short timer makes sure
   * they look at the clock and the references again. */
  waker = g_timeout_add (20, wake, NULL);

  while (sl_window_get_daily_backup_pending (window) && g_get_monotonic_time () < end)
    g_main_context_iteration (NULL, TRUE);

  for (guint i = g_list_model_get_n_items (toplevels); i > 0; i--)
    {
      g_autoptr(GtkWidget) toplevel = g_list_model_get_item (toplevels, i - 1);

      if (toplevel != GTK_WIDGET (window))
        gtk_window_destroy (GTK_WINDOW (toplevel));
    }
  sl_test_iterate (50);

  g_object_add_weak_pointer (G_OBJECT (window), &window_alive);
  gtk_window_destroy (GTK_WINDOW (window));

  /* A job on its thread holds the window (its source object) and the
   * ledger until it has ended and its callback has run. */
  while ((window_alive != NULL || (ledger != NULL && G_OBJECT (ledger)->ref_count > 1)) &&
         g_get_monotonic_time () < end)
    g_main_context_iteration (NULL, TRUE);

  g_source_remove (waker);

  if (window_alive != NULL)
    {
      g_object_remove_weak_pointer (G_OBJECT (window), &window_alive);
      g_error ("the window is still alive %d s after it was closed (%u references)",
               CLOSE_TIMEOUT_S, G_OBJECT (window)->ref_count);
    }
  if (ledger != NULL)
    g_assert_finalize_object (ledger);
}
