/* test-window-writers.c — the window open while the command line writes its ledger
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Runs under Xvfb (build-aux/setup.sh --test). A window is open on a
 * ledger filled from the example archive, with a meeting in the editor
 * and a member in the member dialog; the real `study-ledger
 * import-archive --merge` (STUDY_LEDGER) changes both. The window must
 * show the change within a second or two (the main loop runs until it
 * does, with a generous limit, never a fixed sleep); a save of what it
 * read before must be refused and leave the newer values in the file; and
 * a save made while another connection holds the ledger must be shown as
 * waiting, never as saved, and be stored once the ledger is free.
 */

#include "config.h"

#include <adwaita.h>
#include <glib/gstdio.h>
#include <json-glib/json-glib.h>

#include "sl-archive.h"
#include "sl-database.h"
#include "sl-ledger.h"
#include "sl-meeting.h"
#include "sl-meeting-editor.h"
#include "sl-meetings-page.h"
#include "sl-member.h"
#include "sl-member-dialog.h"
#include "sl-save-queue.h"
#include "sl-window.h"
#include "sl-test-util.h"
#include "sl-test-window.h"
#include "sl-test-display.h"

#define TODAY "2025-12-31"
#define EXAMPLE "/org/studyledger/StudyLedger/example-archive.json"
/* Of the example: 市统计局党组会议2025年第1次, and a member of the 党组. */
#define MEETING_ID "e20472f6-70f4-5429-bcce-6c5709a2d5fb"
#define MEETING_TITLE "市统计局党组会议2025年第1次"
#define MEMBER_INDEX 1
#define NEW_TITLE "市统计局党组会议2025年第1次（命令行改）"
#define NEW_POST "党组成员、副局长（命令行改）"
/* Generous: the window looks every 500 ms. */

typedef struct
{
  char      *folder;
  char      *path;
  SlLedger  *ledger;
  SlWindow  *window;
  GtkWidget *dialog;
  char      *member_id;
} Fixture;

static const char *
editor_title (Fixture *fixture)
{
  return gtk_editable_get_text (sl_test_editor_child (fixture->window, "title_row"));
}

static GtkSwitch *
central_group_switch (Fixture *fixture)
{
  return sl_test_template_child (fixture->dialog, SL_TYPE_MEMBER_DIALOG, "central_group_switch");
}

static SlMember *
member (Fixture *fixture)
{
  return sl_ledger_find_member (fixture->ledger, fixture->member_id);
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) archive = NULL;
  g_autoptr(JsonParser) parser = json_parser_new ();
  JsonArray *members;

  fixture->folder = make_temp_folder ("test-window-writers-XXXXXX");
  fixture->path = g_build_filename (fixture->folder, "ledger.db", NULL);
  fixture->ledger = sl_test_example_ledger (fixture->path);

  archive = g_resources_lookup_data (EXAMPLE, G_RESOURCE_LOOKUP_FLAGS_NONE, &error);
  g_assert_no_error (error);
  json_parser_load_from_data (parser, g_bytes_get_data (archive, NULL), g_bytes_get_size (archive), &error);
  g_assert_no_error (error);
  members = json_object_get_array_member (json_node_get_object (json_parser_get_root (parser)), "members");
  fixture->member_id = g_strdup (json_object_get_string_member (json_array_get_object_element (members, MEMBER_INDEX), "id"));

  fixture->window = sl_test_window_open (fixture->ledger, 0, 0);

  /* The meeting open in the editor... */
  sl_test_window_open_meeting (fixture->window, MEETING_ID);
  g_assert_cmpstr (editor_title (fixture), ==, MEETING_TITLE);

  /* ...and the member in its dialog. */
  fixture->dialog = sl_member_dialog_new (GTK_WINDOW (fixture->window), fixture->ledger,
                                          member (fixture), NULL);
  g_object_add_weak_pointer (G_OBJECT (fixture->dialog), (gpointer *) &fixture->dialog);
  gtk_window_present (GTK_WINDOW (fixture->dialog));
  sl_test_iterate (50);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  sl_test_window_close (fixture->window, fixture->ledger);

  remove_tree (fixture->folder);
  g_free (fixture->member_id);
  g_free (fixture->path);
  g_free (fixture->folder);
}

/* What the file holds, through a connection of its own. */
static char *
stored (Fixture    *fixture,
        const char *sql,
        const char *id)
{
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;
  char *text = NULL;

  g_assert_cmpint (sqlite3_open_v2 (fixture->path, &db, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL), ==, SQLITE_OK);
  sqlite3_bind_text (stmt, 1, id, -1, SQLITE_TRANSIENT);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    text = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
  sqlite3_finalize (stmt);
  sqlite3_close (db);

  return text;
}

/* `study-ledger import-archive --merge` of the example with a new title
 * for the meeting and a new post for the member. */
static void
merge_from_command_line (Fixture *fixture)
{
  g_autoptr(GBytes) archive = g_resources_lookup_data (EXAMPLE, G_RESOURCE_LOOKUP_FLAGS_NONE, NULL);
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autofree char *file = g_build_filename (fixture->folder, "merge.json", NULL);
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) envp = g_get_environ ();
  const char *program = g_getenv ("STUDY_LEDGER");
  JsonObject *root;
  JsonArray *meetings;
  int status = 0;

  g_assert_nonnull (program);
  json_parser_load_from_data (parser, g_bytes_get_data (archive, NULL), g_bytes_get_size (archive), &error);
  g_assert_no_error (error);
  root = json_node_get_object (json_parser_get_root (parser));
  json_object_set_string_member (json_array_get_object_element (json_object_get_array_member (root, "members"),
                                                                MEMBER_INDEX),
                                 "post", NEW_POST);
  meetings = json_object_get_array_member (root, "meetings");
  for (guint i = 0; i < json_array_get_length (meetings); i++)
    {
      JsonObject *meeting = json_array_get_object_element (meetings, i);

      if (g_str_equal (json_object_get_string_member (meeting, "id"), MEETING_ID))
        json_object_set_string_member (meeting, "title", NEW_TITLE);
    }
  json_generator_set_root (generator, json_parser_get_root (parser));
  g_assert_true (json_generator_to_file (generator, file, &error));
  g_assert_no_error (error);

  {
    const char *argv[] = { program, "--database", fixture->path, "import-archive", file, "--merge", NULL };
    g_autofree char *data_home = g_build_filename (fixture->folder, "data-home", NULL);

    envp = g_environ_setenv (envp, "XDG_DATA_HOME", data_home, TRUE);
    g_spawn_sync (fixture->folder, (char **) argv, envp, G_SPAWN_DEFAULT, NULL, NULL,
                  &out, &err, &status, &error);
  }
  g_assert_no_error (error);
  g_test_message ("import-archive --merge: %s%s", out, err);
  g_assert_true (g_spawn_check_wait_status (status, NULL));
}

static gboolean
window_shows_merge (Fixture *fixture)
{
  return g_strcmp0 (editor_title (fixture), NEW_TITLE) == 0 &&
         g_strcmp0 (sl_member_get_post (member (fixture)), NEW_POST) == 0 &&
         g_strcmp0 (gtk_editable_get_text (sl_test_template_child (fixture->dialog, SL_TYPE_MEMBER_DIALOG,
                                                                   "post_row")), NEW_POST) == 0;
}

static void
test_merge_shown (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autofree char *title = NULL;

  merge_from_command_line (fixture);
  SL_TEST_WAIT_UNTIL (fixture, window_shows_merge);

  /* Shown, not written back: the file still has the import's values, and
   * the editor has nothing to save. */
  sl_test_iterate (700);
  title = stored (fixture, "SELECT title FROM meetings WHERE uuid = ?", MEETING_ID);
  g_assert_cmpstr (title, ==, NEW_TITLE);
  g_assert_cmpstr (sl_test_editor_state (fixture->window), !=, "Saved");

  /* And the window's next change is saved on top of it. */
  gtk_switch_set_active (central_group_switch (fixture), !gtk_switch_get_active (central_group_switch (fixture)));
  g_clear_pointer (&title, g_free);
  title = stored (fixture, "SELECT post FROM members WHERE uuid = ?", fixture->member_id);
  g_assert_cmpstr (title, ==, NEW_POST);
}

static void
test_stale_save_refused (Fixture       *fixture,
                         gconstpointer  data)
{
  SlMeetingEditor *editor = sl_test_window_editor (fixture->window);
  g_autoptr(GError) error = NULL;
  g_autofree char *title = NULL;
  g_autofree char *post = NULL;
  g_autofree char *central = stored (fixture, "SELECT central_group FROM members WHERE uuid = ?",
                                     fixture->member_id);
  gboolean was_central = gtk_switch_get_active (central_group_switch (fixture));

  merge_from_command_line (fixture);

  /* Before the window has looked (the main loop has not run): its saves
   * are of what it read before the import. */
  gtk_editable_set_text (sl_test_template_child (editor, SL_TYPE_MEETING_EDITOR, "title_row"), "窗口里改的标题");
  g_assert_false (sl_meeting_editor_flush (editor, &error));
  g_assert_error (error, SL_LEDGER_ERROR, SL_LEDGER_ERROR_CHANGED);
  g_clear_error (&error);
  /* Said to be NOT saved, with the way to apply it again (issue 12). */
  g_assert_true (g_str_has_prefix (sl_test_editor_state (fixture->window),
                                   "Not saved: this meeting was changed elsewhere"));
  g_assert_true (sl_meeting_editor_holds_unsaved (editor));
  /* What the user typed stays in the field... */
  g_assert_cmpstr (editor_title (fixture), ==, "窗口里改的标题");
  /* ...and the newer title stays in the file. */
  title = stored (fixture, "SELECT title FROM meetings WHERE uuid = ?", MEETING_ID);
  g_assert_cmpstr (title, ==, NEW_TITLE);

  /* The member's switch: refused, the member read again and shown. */
  gtk_switch_set_active (central_group_switch (fixture), !was_central);
  post = stored (fixture, "SELECT post FROM members WHERE uuid = ?", fixture->member_id);
  g_assert_cmpstr (post, ==, NEW_POST);
  g_clear_pointer (&post, g_free);
  post = stored (fixture, "SELECT central_group FROM members WHERE uuid = ?", fixture->member_id);
  g_assert_cmpstr (post, ==, central);
  g_assert_cmpstr (sl_member_get_post (member (fixture)), ==, NEW_POST);
  g_assert_true (gtk_switch_get_active (central_group_switch (fixture)) == was_central);

  /* Redone on the newer version, the switch is saved. */
  gtk_switch_set_active (central_group_switch (fixture), !was_central);
  g_clear_pointer (&post, g_free);
  post = stored (fixture, "SELECT post || ' ' || central_group FROM members WHERE uuid = ?", fixture->member_id);
  g_assert_true (g_str_has_prefix (post, NEW_POST));
  g_assert_true (g_str_has_suffix (post, was_central ? " 0" : " 1"));
}

static gboolean
busy_saves_done (Fixture *fixture)
{
  return sl_save_queue_get_n_pending (sl_save_queue_get (fixture->ledger)) == 0 &&
         g_strcmp0 (sl_test_editor_state (fixture->window), "Saved") == 0;
}

static void
test_busy_save_pending (Fixture       *fixture,
                        gconstpointer  data)
{
  SlMeetingEditor *editor = sl_test_window_editor (fixture->window);
  SlSaveQueue *queue = sl_save_queue_get (fixture->ledger);
  g_autoptr(GError) error = NULL;
  g_autofree char *title = NULL;
  g_autofree char *central = NULL;
  gboolean was_central = gtk_switch_get_active (central_group_switch (fixture));
  sqlite3 *other = NULL;

  /* Another program holds the ledger, as a long import does. */
  g_assert_cmpint (sqlite3_open_v2 (fixture->path, &other, SQLITE_OPEN_READWRITE, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (other, "BEGIN EXCLUSIVE", NULL, NULL, NULL), ==, SQLITE_OK);

  gtk_editable_set_text (sl_test_template_child (editor, SL_TYPE_MEETING_EDITOR, "title_row"), "忙时改的标题");
  g_assert_false (sl_meeting_editor_flush (editor, &error));
  g_assert_error (error, SL_DATABASE_ERROR, SL_DATABASE_ERROR_BUSY);
  g_clear_error (&error);
  g_assert_cmpstr (sl_test_editor_state (fixture->window), ==, "Waiting to save…");

  /* The switch stays where the user put it, and waits too. */
  gtk_switch_set_active (central_group_switch (fixture), !was_central);
  g_assert_true (gtk_switch_get_active (central_group_switch (fixture)) == !was_central);
  g_assert_cmpuint (sl_save_queue_get_n_pending (queue), ==, 2);

  /* Retried while still locked: still waiting, never "Saved". */
  sl_test_iterate (2 * SL_SAVE_QUEUE_RETRY_MS);
  g_assert_cmpstr (sl_test_editor_state (fixture->window), ==, "Waiting to save…");
  g_assert_cmpuint (sl_save_queue_get_n_pending (queue), ==, 2);
  title = stored (fixture, "SELECT title FROM meetings WHERE uuid = ?", MEETING_ID);
  g_assert_cmpstr (title, ==, MEETING_TITLE);
  g_clear_pointer (&title, g_free);

  g_assert_cmpint (sqlite3_exec (other, "COMMIT", NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (other);

  SL_TEST_WAIT_UNTIL (fixture, busy_saves_done);
  title = stored (fixture, "SELECT title FROM meetings WHERE uuid = ?", MEETING_ID);
  g_assert_cmpstr (title, ==, "忙时改的标题");
  central = stored (fixture, "SELECT central_group FROM members WHERE uuid = ?", fixture->member_id);
  g_assert_cmpstr (central, ==, was_central ? "0" : "1");
}

static AdwMessageDialog *
find_message_dialog (void)
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
queue_empty (Fixture *fixture)
{
  return sl_save_queue_get_n_pending (sl_save_queue_get (fixture->ledger)) == 0;
}

/* Closing the window while a save waits: one more try, then a question
 * instead of a silent loss. */
static void
test_close_with_waiting_save (Fixture       *fixture,
                              gconstpointer  data)
{
  g_autofree char *title = NULL;
  AdwMessageDialog *dialog;
  sqlite3 *other = NULL;

  g_assert_cmpint (sqlite3_open_v2 (fixture->path, &other, SQLITE_OPEN_READWRITE, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (other, "BEGIN EXCLUSIVE", NULL, NULL, NULL), ==, SQLITE_OK);

  /* Typed, and the window closed before the save delay. */
  gtk_editable_set_text (sl_test_editor_child (fixture->window, "title_row"), "关窗前改的标题");
  gtk_window_close (GTK_WINDOW (fixture->window));
  sl_test_iterate (50);

  /* Still open, asking; the change waits. */
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (fixture->window)));
  dialog = find_message_dialog ();
  g_assert_nonnull (dialog);
  g_assert_cmpuint (sl_save_queue_get_n_pending (sl_save_queue_get (fixture->ledger)), ==, 1);

  /* Keep Open: once the other program lets go, it is stored. */
  adw_message_dialog_response (dialog, "wait");
  sl_test_iterate (50);
  g_assert_cmpint (sqlite3_exec (other, "COMMIT", NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (other);
  SL_TEST_WAIT_UNTIL (fixture, queue_empty);
  title = stored (fixture, "SELECT title FROM meetings WHERE uuid = ?", MEETING_ID);
  g_assert_cmpstr (title, ==, "关窗前改的标题");
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (fixture->window)));
}

/* Text a field could not store is not thrown away by closing the window
 * unasked: the window stays open on "Keep Open", and nothing was stored. */
static void
test_close_with_invalid_field (Fixture       *fixture,
                               gconstpointer  data)
{
  g_autofree char *date = NULL;
  AdwMessageDialog *dialog;

  gtk_editable_set_text (sl_test_editor_child (fixture->window, "date_row"), "2023-02-30");
  gtk_window_close (GTK_WINDOW (fixture->window));
  sl_test_iterate (50);

  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (fixture->window)));
  dialog = find_message_dialog ();
  g_assert_nonnull (dialog);
  adw_message_dialog_response (dialog, "keep");
  sl_test_iterate (50);

  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (fixture->window)));
  date = stored (fixture, "SELECT date FROM meetings WHERE uuid = ?", MEETING_ID);
  g_assert_cmpstr (date, !=, "2023-02-30");
}

int
main (int   argc,
      char *argv[])
{
  g_setenv ("SL_TODAY", TODAY, TRUE);
  g_setenv ("GSETTINGS_BACKEND", "memory", TRUE);

  sl_test_gtk_init (&argc, &argv);

#define ADD(name, func) \
  g_test_add ("/window-writers/" name, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("merge-shown", test_merge_shown);
  ADD ("stale-save-refused", test_stale_save_refused);
  ADD ("busy-save-pending", test_busy_save_pending);
  ADD ("close-with-waiting-save", test_close_with_waiting_save);
  ADD ("close-with-invalid-field", test_close_with_invalid_field);

  return g_test_run ();
}
