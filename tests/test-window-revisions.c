/* test-window-revisions.c — the meeting editor's data flows around evidence (issue 12)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Runs under Xvfb (build-aux/setup.sh --test) with the real window on a
 * ledger filled from the example archive in a temporary folder, and the
 * real study-ledger ($STUDY_LEDGER) as the other program:
 *
 * - a restored version is what the editor shows and what the next save
 *   builds on, also when a field had the focus;
 * - a final meeting is read-only until 修订… is given a reason; Cancel
 *   leaves it so; a session is one revision, whatever its saves;
 * - a year locked while the meeting is open (here, or by `lock-year`)
 *   turns it read-only at once and drops what was not saved, which is
 *   never saved later;
 * - a ledger that cannot say whether the meeting is final or locked is
 *   shown as an error, and what is typed stays, unsaved, until it can.
 *
 * The main loop runs until what is awaited holds, with a generous limit,
 * never a fixed sleep but to show that nothing happens.
 */

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>
#include <locale.h>
#include <sqlite3.h>

#include "sl-archive.h"
#include "sl-database.h"
#include "sl-evidence.h"
#include "sl-ledger.h"
#include "sl-meeting.h"
#include "sl-meeting-editor.h"
#include "sl-meeting-history.h"
#include "sl-meetings-page.h"
#include "sl-study.h"
#include "sl-window.h"
#include "sl-test-util.h"
#include "sl-test-window.h"
#include "sl-test-display.h"

/* Of the example: 市统计局党组会议2025年第1次, of 市统计局党组. */
#define MEETING_ID "e20472f6-70f4-5429-bcce-6c5709a2d5fb"
#define ORGANIZATION_ID "62c9f9b1-c1a6-541b-b10c-986195dc206a"

typedef struct
{
  char      *folder;
  char      *path;
  SlLedger  *ledger;
  SlWindow  *window;
} Fixture;

/* What the window says, in the language it runs in (zh_CN for the
 * screenshots, C otherwise). */
#define T(text) g_dgettext (GETTEXT_PACKAGE, (text))

static gboolean reason_dialog_shown (Fixture *f) { return sl_test_find_toplevel ("sl-reason-dialog", 0) != NULL; }
static gboolean reason_dialog_gone (Fixture *f) { return sl_test_find_toplevel ("sl-reason-dialog", 0) == NULL; }
static gboolean saved (Fixture *f) { return g_strcmp0 (sl_test_editor_state (f->window), T ("Saved")) == 0; }
static gboolean not_saved (Fixture *f) { return sl_test_editor_not_saved (f->window); }

/* Runs @sql through a connection of its own, as another program would. */
static void
execute (Fixture    *fixture,
         const char *sql)
{
  sqlite3 *db = NULL;
  char *message = NULL;

  g_assert_cmpint (sqlite3_open (fixture->path, &db), ==, SQLITE_OK);
  sqlite3_busy_timeout (db, 5000);
  if (sqlite3_exec (db, sql, NULL, NULL, &message) != SQLITE_OK)
    g_error ("%s: %s", sql, message);
  sqlite3_close (db);
}

/* The real command line, on the same ledger. */
static void
run_cli (Fixture     *fixture,
         const char **args)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autofree char *data_home = g_build_filename (fixture->folder, "data-home", NULL);
  g_auto(GStrv) envp = g_environ_setenv (g_get_environ (), "XDG_DATA_HOME", data_home, TRUE);
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autoptr(GError) error = NULL;
  const char *program = g_getenv ("STUDY_LEDGER");
  int status = 0;

  g_assert_nonnull (program);
  g_ptr_array_add (argv, (gpointer) program);
  g_ptr_array_add (argv, (gpointer) "--database");
  g_ptr_array_add (argv, fixture->path);
  for (guint i = 0; args[i] != NULL; i++)
    g_ptr_array_add (argv, (gpointer) args[i]);
  g_ptr_array_add (argv, NULL);
  g_spawn_sync (fixture->folder, (char **) argv->pdata, envp, G_SPAWN_DEFAULT, NULL, NULL,
                &out, &err, &status, &error);
  g_assert_no_error (error);
  g_test_message ("%s: %s%s", args[0], out, err);
  g_assert_true (g_spawn_check_wait_status (status, NULL));
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  fixture->folder = make_temp_folder ("test-window-revisions-XXXXXX");
  fixture->path = g_build_filename (fixture->folder, "ledger.db", NULL);
  fixture->ledger = sl_test_example_ledger (fixture->path);

  /* Final before the window reads it. */
  if (GPOINTER_TO_INT (data) == 1)
    {
      g_assert_true (sl_evidence_finalize (fixture->ledger, MEETING_ID, "王五", NULL, &error));
      g_assert_no_error (error);
      g_assert_true (sl_database_set_setting (sl_ledger_get_database (fixture->ledger), "finalize_by", "王五",
                                              &error));
    }

  fixture->window = sl_test_window_open (fixture->ledger, 1400, 900);

  sl_test_window_open_meeting (fixture->window, MEETING_ID);
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

static SlMeeting *
meeting (Fixture *fixture)
{
  return sl_test_editor_meeting (fixture->window, MEETING_ID);
}

static const char *
badge (Fixture *fixture)
{
  return sl_test_editor_badge (fixture->window);
}

#define REVISIONS_SQL \
  "SELECT count(*) || '|' || coalesce (group_concat (reason, ';'), '') " \
  "FROM (SELECT r.reason FROM revisions r JOIN meetings m ON m.id = r.meeting_id " \
  "      WHERE m.uuid = '" MEETING_ID "' ORDER BY r.revision)"
#define PLACE_SQL "SELECT coalesce (place, '') FROM meetings WHERE uuid = '" MEETING_ID "'"
#define THEME_SQL "SELECT coalesce (theme, '') FROM meetings WHERE uuid = '" MEETING_ID "'"
#define STUDIES_SQL \
  "SELECT count(*) FROM studies s JOIN meetings m ON m.id = s.meeting_id WHERE m.uuid = '" MEETING_ID "'"

static GtkWidget *
field (Fixture    *fixture,
       const char *name)
{
  return sl_test_editor_child (fixture->window, name);
}

/* 修订… with @reason: the fields open. */
static void
revise (Fixture    *fixture,
        const char *reason)
{
  gtk_widget_activate_action (GTK_WIDGET (sl_test_window_editor (fixture->window)), "editor.revise", NULL);
  SL_TEST_WAIT_UNTIL (fixture, reason_dialog_shown);
  sl_test_answer_dialog (sl_test_find_toplevel ("sl-reason-dialog", 0), reason, "revise");
  g_assert_true (gtk_widget_is_sensitive (field (fixture, "place_row")));
}

static void
flush (Fixture *fixture)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (sl_meeting_editor_flush (sl_test_window_editor (fixture->window), &error));
  g_assert_no_error (error);
}

/* 恢复此版本 while a field has the focus: the editor shows the restored
 * version, lists too, and the next change is saved on top of it. */
static void
test_restore_reloads (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autofree char *old_place = sl_test_stored (fixture->path, PLACE_SQL);
  g_autofree char *old_studies = sl_test_stored (fixture->path, STUDIES_SQL);
  g_autoptr(GError) error = NULL;
  GListModel *studies = G_LIST_MODEL (sl_meeting_get_studies (meeting (fixture)));
  GtkWidget *history;
  guint n_studies = g_list_model_get_n_items (studies);

  g_assert_cmpuint (n_studies, >, 0);
  revise (fixture, "地点写错");
  gtk_editable_set_text (GTK_EDITABLE (field (fixture, "place_row")), "五楼会议室");
  g_list_store_remove (G_LIST_STORE (studies), 0);
  flush (fixture);
  sl_test_assert_stored (fixture->path, PLACE_SQL, "五楼会议室");
  sl_test_assert_stored (fixture->path, REVISIONS_SQL, "1|地点写错");

  /* The place has the focus, as when the user goes to the history. */
  gtk_widget_grab_focus (field (fixture, "place_row"));
  gtk_widget_activate_action (GTK_WIDGET (sl_test_window_editor (fixture->window)), "editor.history", NULL);
  sl_test_iterate (100);
  history = sl_test_find_toplevel (NULL, SL_TYPE_MEETING_HISTORY);
  g_assert_nonnull (history);
  g_assert_true (sl_meeting_history_restore (SL_MEETING_HISTORY (history), 1, "恢复原样", &error));
  g_assert_no_error (error);
  sl_test_iterate (100);
  gtk_window_destroy (GTK_WINDOW (history));
  sl_test_iterate (50);

  sl_test_assert_stored (fixture->path, PLACE_SQL, old_place);
  sl_test_assert_stored (fixture->path, STUDIES_SQL, old_studies);
  sl_test_assert_stored (fixture->path, REVISIONS_SQL, "2|地点写错;恢复原样");
  g_assert_cmpstr (sl_meeting_get_place (meeting (fixture)), ==, old_place);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (field (fixture, "place_row"))), ==, old_place);
  g_assert_cmpuint (g_list_model_get_n_items (studies), ==, n_studies);
  /* The restore is a revision of its own: read-only again. */
  g_assert_false (gtk_widget_is_sensitive (field (fixture, "place_row")));

  /* The next change builds on the restored version. */
  revise (fixture, "补主题");
  gtk_editable_set_text (GTK_EDITABLE (field (fixture, "theme_row")), "补正的主题");
  flush (fixture);
  sl_test_iterate (700);
  sl_test_assert_stored (fixture->path, THEME_SQL, "补正的主题");
  sl_test_assert_stored (fixture->path, PLACE_SQL, old_place);
  sl_test_assert_stored (fixture->path, STUDIES_SQL, old_studies);
  sl_test_assert_stored (fixture->path, REVISIONS_SQL, "3|地点写错;恢复原样;补主题");
}

/* The reason is asked before editing, never at a keystroke; a session is
 * one revision. */
static void
test_reason_before_editing (Fixture       *fixture,
                            gconstpointer  data)
{
  g_autofree char *old_place = sl_test_stored (fixture->path, PLACE_SQL);
  GtkWidget *banner = sl_test_find_named (GTK_WIDGET (sl_test_window_editor (fixture->window)), "sl-final-banner");

  /* Read-only, with the banner that says how to change it. */
  g_assert_cmpstr (badge (fixture), ==, T ("Final"));
  g_assert_nonnull (banner);
  g_assert_true (gtk_revealer_get_reveal_child (GTK_REVEALER (banner)));
  g_assert_false (gtk_widget_is_sensitive (field (fixture, "place_row")));
  g_assert_false (gtk_widget_is_sensitive (field (fixture, "summary_view")));
  g_assert_false (gtk_widget_is_sensitive (field (fixture, "attendance_box")));

  /* A change that gets through anyway opens no dialog and is not kept. */
  sl_meeting_set_place (meeting (fixture), "不该保存的地点");
  sl_test_iterate (700);
  g_assert_null (sl_test_find_toplevel ("sl-reason-dialog", 0));
  g_assert_cmpstr (sl_meeting_get_place (meeting (fixture)), ==, old_place);
  g_assert_true (not_saved (fixture));
  sl_test_assert_stored (fixture->path, PLACE_SQL, old_place);
  sl_test_assert_stored (fixture->path, REVISIONS_SQL, "0|");

  /* 修订…, cancelled: still read-only, nothing saved. */
  gtk_widget_activate_action (GTK_WIDGET (sl_test_window_editor (fixture->window)), "editor.revise", NULL);
  SL_TEST_WAIT_UNTIL (fixture, reason_dialog_shown);
  sl_test_answer_dialog (sl_test_find_toplevel ("sl-reason-dialog", 0), "不用了", "cancel");
  SL_TEST_WAIT_UNTIL (fixture, reason_dialog_gone);
  g_assert_false (gtk_widget_is_sensitive (field (fixture, "place_row")));
  sl_test_assert_stored (fixture->path, REVISIONS_SQL, "0|");

  /* With a reason: three saves, one revision with that reason. */
  revise (fixture, "地点写错");
  g_assert_true (gtk_widget_is_sensitive (field (fixture, "summary_view")));
  gtk_editable_set_text (GTK_EDITABLE (field (fixture, "place_row")), "五楼会议室");
  SL_TEST_WAIT_UNTIL (fixture, saved);
  gtk_editable_set_text (GTK_EDITABLE (field (fixture, "theme_row")), "主题补正");
  flush (fixture);
  gtk_editable_set_text (GTK_EDITABLE (field (fixture, "place_row")), "五楼第二会议室");
  flush (fixture);
  sl_test_assert_stored (fixture->path, PLACE_SQL, "五楼第二会议室");
  sl_test_assert_stored (fixture->path, THEME_SQL, "主题补正");
  sl_test_assert_stored (fixture->path, REVISIONS_SQL, "1|地点写错");
  g_assert_null (sl_test_find_toplevel ("sl-reason-dialog", 0));

  /* 完成修订: read-only again; the next session is the next revision. */
  gtk_widget_activate_action (GTK_WIDGET (sl_test_window_editor (fixture->window)), "editor.finish-revision", NULL);
  sl_test_iterate (50);
  g_assert_false (gtk_widget_is_sensitive (field (fixture, "place_row")));
  revise (fixture, "再改主题");
  gtk_editable_set_text (GTK_EDITABLE (field (fixture, "theme_row")), "主题再补正");
  flush (fixture);
  sl_test_assert_stored (fixture->path, REVISIONS_SQL, "2|地点写错;再改主题");

  /* Closing the editor ends the session too. */
  gtk_widget_activate_action (GTK_WIDGET (sl_test_window_editor (fixture->window)), "editor.back", NULL);
  sl_test_iterate (50);
  sl_meetings_page_open_meeting (SL_MEETINGS_PAGE (sl_window_get_page (fixture->window, "meetings")),
                                 MEETING_ID);
  sl_test_iterate (100);
  g_assert_false (gtk_widget_is_sensitive (field (fixture, "place_row")));
  sl_test_assert_stored (fixture->path, REVISIONS_SQL, "2|地点写错;再改主题");
}

static gboolean
lock_shown (Fixture *fixture)
{
  GtkWidget *banner = sl_test_find_named (GTK_WIDGET (sl_test_window_editor (fixture->window)), "sl-lock-banner");

  return gtk_revealer_get_reveal_child (GTK_REVEALER (banner));
}

static gboolean lock_gone (Fixture *f) { return !lock_shown (f); }

static char *old_place_of_test;

static gboolean
place_back (Fixture *fixture)
{
  return g_strcmp0 (sl_meeting_get_place (meeting (fixture)), old_place_of_test) == 0;
}

/* A year locked while the meeting is open, with a change not yet saved:
 * by the overview (this ledger), then by `lock-year` (another program). */
static void
test_lock_elsewhere (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autofree char *old_place = sl_test_stored (fixture->path, PLACE_SQL);
  g_autoptr(GError) error = NULL;

  old_place_of_test = old_place;

  /* Typed, and locked before the save: read-only at once, dropped. */
  gtk_editable_set_text (GTK_EDITABLE (field (fixture, "place_row")), "锁定前的地点");
  g_assert_true (sl_evidence_lock_year (fixture->ledger, ORGANIZATION_ID, 2025, "王五", &error));
  g_assert_no_error (error);
  g_assert_true (lock_shown (fixture));
  g_assert_false (gtk_widget_is_sensitive (field (fixture, "place_row")));
  g_assert_cmpstr (sl_meeting_get_place (meeting (fixture)), ==, old_place);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (field (fixture, "place_row"))), ==, old_place);
  g_assert_true (not_saved (fixture));
  g_assert_nonnull (strstr (sl_test_editor_state (fixture->window), "2025"));
  sl_test_iterate (800);
  sl_test_assert_stored (fixture->path, PLACE_SQL, old_place);

  /* Unlocked: the dropped change never comes back with the next one. */
  g_assert_true (sl_evidence_unlock_year (fixture->ledger, ORGANIZATION_ID, 2025, "补录", &error));
  g_assert_no_error (error);
  g_assert_false (lock_shown (fixture));
  g_assert_true (gtk_widget_is_sensitive (field (fixture, "place_row")));
  gtk_editable_set_text (GTK_EDITABLE (field (fixture, "theme_row")), "解锁后的主题");
  flush (fixture);
  sl_test_assert_stored (fixture->path, THEME_SQL, "解锁后的主题");
  sl_test_assert_stored (fixture->path, PLACE_SQL, old_place);

  /* The command line locks while a change waits for its save. */
  gtk_editable_set_text (GTK_EDITABLE (field (fixture, "place_row")), "命令行锁定前的地点");
  {
    const char *args[] = { "lock-year", "2025", "--organization", "市统计局党组", NULL };
    run_cli (fixture, args);
  }
  SL_TEST_WAIT_UNTIL (fixture, lock_shown);
  SL_TEST_WAIT_UNTIL (fixture, place_back);
  g_assert_false (gtk_widget_is_sensitive (field (fixture, "place_row")));
  g_assert_true (not_saved (fixture));
  sl_test_iterate (800);
  sl_test_assert_stored (fixture->path, PLACE_SQL, old_place);

  {
    const char *args[] = { "unlock-year", "2025", "--organization", "市统计局党组", "--reason", "补录", NULL };
    run_cli (fixture, args);
  }
  SL_TEST_WAIT_UNTIL (fixture, lock_gone);
  gtk_editable_set_text (GTK_EDITABLE (field (fixture, "theme_row")), "第二次解锁后的主题");
  flush (fixture);
  sl_test_assert_stored (fixture->path, THEME_SQL, "第二次解锁后的主题");
  sl_test_assert_stored (fixture->path, PLACE_SQL, old_place);

  /* A new meeting in the locked year is read-only before anything is
   * typed, with the banner; not refused, and the text dropped, later. */
  g_assert_true (sl_evidence_lock_year (fixture->ledger, ORGANIZATION_ID, 2025, "王五", &error));
  g_assert_no_error (error);
  gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.new-meeting", NULL);
  SL_TEST_WAIT_UNTIL (fixture, lock_shown);
  g_assert_cmpint (sl_meeting_get_year (sl_meeting_editor_get_meeting (sl_test_window_editor (fixture->window))),
                   ==, 2025);
  g_assert_false (gtk_widget_is_sensitive (field (fixture, "theme_row")));
  old_place_of_test = NULL;
}

static gboolean
state_error_shown (Fixture *fixture)
{
  return strstr (sl_test_editor_state (fixture->window), fixture->path) != NULL;
}

static gboolean state_cleared (Fixture *f) { return !state_error_shown (f); }

/* The ledger cannot say whether the year is locked, or whether the
 * meeting is final: an error, not a lock or 草稿; typed text stays. */
static void
test_state_errors (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autofree char *old_place = sl_test_stored (fixture->path, PLACE_SQL);

  /* The locks cannot be read (another program broke the table). */
  execute (fixture, "ALTER TABLE year_locks RENAME TO year_locks_gone");
  SL_TEST_WAIT_UNTIL (fixture, state_error_shown);
  g_assert_false (lock_shown (fixture));
  g_assert_cmpstr (badge (fixture), ==, T ("Draft"));
  execute (fixture, "ALTER TABLE year_locks_gone RENAME TO year_locks");
  SL_TEST_WAIT_UNTIL (fixture, state_cleared);

  /* Whether it is final cannot be read: not 草稿. */
  execute (fixture, "ALTER TABLE meeting_finals RENAME TO meeting_finals_gone");
  SL_TEST_WAIT_UNTIL (fixture, state_error_shown);
  g_assert_cmpstr (badge (fixture), !=, T ("Draft"));
  g_assert_cmpstr (badge (fixture), !=, T ("Final"));
  g_assert_false (lock_shown (fixture));

  /* Typed meanwhile: not saved, and it stays in the field. */
  gtk_editable_set_text (GTK_EDITABLE (field (fixture, "place_row")), "出错时输入的地点");
  SL_TEST_WAIT_UNTIL (fixture, not_saved);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (field (fixture, "place_row"))), ==, "出错时输入的地点");
  sl_test_assert_stored (fixture->path, PLACE_SQL, old_place);

  /* Put right: what was typed is saved then, without a next change. */
  execute (fixture, "ALTER TABLE meeting_finals_gone RENAME TO meeting_finals");
  SL_TEST_WAIT_UNTIL (fixture, state_cleared);
  g_assert_cmpstr (badge (fixture), ==, T ("Draft"));
  SL_TEST_WAIT_UNTIL (fixture, saved);
  sl_test_assert_stored (fixture->path, PLACE_SQL, "出错时输入的地点");
  /* And the next change as always. */
  gtk_editable_set_text (GTK_EDITABLE (field (fixture, "theme_row")), "恢复后的主题");
  flush (fixture);
  sl_test_assert_stored (fixture->path, PLACE_SQL, "出错时输入的地点");
  sl_test_assert_stored (fixture->path, THEME_SQL, "恢复后的主题");
  g_assert_true (saved (fixture));
}

int
main (int   argc,
      char *argv[])
{
  g_setenv ("SL_TODAY", "2025-12-31", TRUE);
  sl_test_gtk_init_english (&argc, &argv);

  g_test_add ("/window-revisions/restore-reloads", Fixture, GINT_TO_POINTER (1),
              fixture_set_up, test_restore_reloads, fixture_tear_down);
  g_test_add ("/window-revisions/reason-before-editing", Fixture, GINT_TO_POINTER (1),
              fixture_set_up, test_reason_before_editing, fixture_tear_down);
  g_test_add ("/window-revisions/lock-elsewhere", Fixture, NULL,
              fixture_set_up, test_lock_elsewhere, fixture_tear_down);
  g_test_add ("/window-revisions/state-errors", Fixture, NULL,
              fixture_set_up, test_state_errors, fixture_tear_down);

  return g_test_run ();
}
