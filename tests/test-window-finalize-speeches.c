/* test-window-finalize-speeches.c — 定稿 in the window of a meeting with an empty 研讨发言 row
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Issue 17: 定稿 drops a speech row with neither speaker nor words and
 * refuses a half-filled one (sl-evidence-ready.c). The editor open on
 * the meeting must then show what is stored: without the empty row, and
 * with the change count the drop left, so that a revision typed
 * afterwards is saved, not refused as stale, and does not write the empty
 * row back. A half-filled row is said before the name is asked for, in a
 * dialog whose 转到该发言 opens the row on what it lacks, in view.
 *
 * Runs under Xvfb (build-aux/setup.sh --test) on the example ledger, with
 * the real window; the main loop runs until what is awaited holds, never
 * a fixed sleep, and nothing depends on the window having the focus.
 */

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>
#include <locale.h>
#include <string.h>

#include "sl-evidence.h"
#include "sl-ledger.h"
#include "sl-meeting.h"
#include "sl-meeting-editor.h"
#include "sl-meeting-speech-row.h"
#include "sl-speech.h"
#include "sl-window.h"
#include "sl-test-util.h"
#include "sl-test-window.h"
#include "sl-test-display.h"

/* Of the example: 市统计局党组会议2025年第1次, of 市统计局党组. */
#define MEETING_ID "e20472f6-70f4-5429-bcce-6c5709a2d5fb"

typedef struct
{
  char      *folder;
  char      *path;
  SlLedger  *ledger;
  SlWindow  *window;
  guint      speeches;   /* the meeting's speeches before the test's row */
} Fixture;

#define T(text) g_dgettext (GETTEXT_PACKAGE, (text))

#define SPEECHES_SQL \
  "SELECT count(*) FROM speeches s JOIN meetings m ON m.id = s.meeting_id WHERE m.uuid = '" MEETING_ID "'"
#define FINAL_SQL \
  "SELECT count(*) FROM meeting_finals f JOIN meetings m ON m.id = f.meeting_id WHERE m.uuid = '" MEETING_ID "'"
#define REVISIONS_SQL \
  "SELECT count(*) || '|' || coalesce (group_concat (reason, ';'), '') " \
  "FROM revisions r JOIN meetings m ON m.id = r.meeting_id WHERE m.uuid = '" MEETING_ID "'"
#define CHANGE_COUNT_SQL \
  "SELECT change_count FROM meetings WHERE uuid = '" MEETING_ID "'"

static gboolean finalize_dialog_shown (Fixture *f) { return sl_test_find_toplevel ("sl-finalize-dialog", 0) != NULL; }
static gboolean finalized_dialog_shown (Fixture *f) { return sl_test_find_toplevel ("sl-finalized-dialog", 0) != NULL; }
static gboolean reason_dialog_shown (Fixture *f) { return sl_test_find_toplevel ("sl-reason-dialog", 0) != NULL; }
static gboolean saved (Fixture *f) { return g_strcmp0 (sl_test_editor_state (f->window), T ("Saved")) == 0; }

static gboolean not_ready_shown (Fixture *f) { return sl_test_find_toplevel ("sl-not-ready-dialog", 0) != NULL; }

/* What the case adds to the meeting: a row with neither speaker nor words,
 * one with a speaker and no words, one with words and no speaker. */
enum { EMPTY_ROW, NO_POINTS, NO_SPEAKER };

/* The example's meeting with one more speech, stored before the window
 * reads it: @speaker (a member's id, or NULL) and @points. */
static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  int added = GPOINTER_TO_INT (data);
  g_autoptr(GError) error = NULL;
  g_autoptr(SlMeeting) meeting = NULL;
  g_autoptr(SlSpeech) speech = sl_speech_new ();

  fixture->folder = make_temp_folder ("test-window-finalize-speeches-XXXXXX");
  fixture->path = g_build_filename (fixture->folder, "ledger.db", NULL);
  fixture->ledger = sl_test_example_ledger (fixture->path);

  meeting = sl_ledger_load_meeting (fixture->ledger, MEETING_ID, &error);
  g_assert_no_error (error);
  fixture->speeches = g_list_model_get_n_items (sl_meeting_get_speeches (meeting));
  if (added == NO_POINTS)
    sl_speech_set_speaker_name (speech, "赵六");
  else if (added == NO_SPEAKER)
    sl_speech_set_points (speech, "要把学习成果转化为工作成效");
  else
    sl_speech_set_points (speech, "　");
  g_list_store_append (G_LIST_STORE (sl_meeting_get_speeches (meeting)), speech);
  g_assert_true (sl_ledger_save_meeting (fixture->ledger, meeting, 0, &error));
  g_assert_no_error (error);

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

static void
finalize (Fixture *fixture)
{
  gtk_widget_activate_action (GTK_WIDGET (sl_test_window_editor (fixture->window)), "editor.finalize", NULL);
  SL_TEST_WAIT_UNTIL (fixture, finalize_dialog_shown);
  sl_test_answer_dialog (sl_test_find_toplevel ("sl-finalize-dialog", 0), "王五", "finalize");
}

static guint
stored_number (Fixture    *fixture,
               const char *sql)
{
  g_autofree char *text = sl_test_stored (fixture->path, sql);

  return (guint) g_ascii_strtoull (text, NULL, 10);
}

static void
test_empty_row (Fixture       *fixture,
                gconstpointer  data)
{
  g_autofree char *revisions = NULL;
  g_autofree char *count = NULL;

  g_assert_cmpuint (g_list_model_get_n_items (sl_meeting_get_speeches (meeting (fixture))), ==,
                    fixture->speeches + 1);

  finalize (fixture);
  SL_TEST_WAIT_UNTIL (fixture, finalized_dialog_shown);
  sl_test_answer_dialog (sl_test_find_toplevel ("sl-finalized-dialog", 0), NULL, "close");
  g_assert_cmpuint (stored_number (fixture, FINAL_SQL), ==, 1);
  g_assert_cmpuint (stored_number (fixture, SPEECHES_SQL), ==, fixture->speeches);

  /* The editor shows what is stored, with its change count. */
  g_assert_cmpuint (g_list_model_get_n_items (sl_meeting_get_speeches (meeting (fixture))), ==,
                    fixture->speeches);
  count = g_strdup_printf ("%" G_GINT64_FORMAT, sl_record_get_change_count (SL_RECORD (meeting (fixture))));
  g_assert_cmpuint (stored_number (fixture, CHANGE_COUNT_SQL), ==, g_ascii_strtoull (count, NULL, 10));

  /* A revision afterwards is saved, without the empty row. */
  gtk_widget_activate_action (GTK_WIDGET (sl_test_window_editor (fixture->window)), "editor.revise", NULL);
  SL_TEST_WAIT_UNTIL (fixture, reason_dialog_shown);
  sl_test_answer_dialog (sl_test_find_toplevel ("sl-reason-dialog", 0), "地点写错", "revise");
  sl_meeting_set_place (meeting (fixture), "五楼会议室");
  SL_TEST_WAIT_UNTIL (fixture, saved);
  revisions = sl_test_stored (fixture->path, REVISIONS_SQL);
  g_assert_cmpstr (revisions, ==, "1|地点写错");
  g_assert_cmpuint (stored_number (fixture, SPEECHES_SQL), ==, fixture->speeches);
}

/* Whether the focus is in @name of the speech row at @position, and
 * that row's field stands inside what the editor's scroller shows. */
static gboolean
focus_in_view (Fixture    *fixture,
               guint       position,
               const char *name)
{
  GtkListBox *list = sl_test_editor_child (fixture->window, "speeches_list");
  GtkWidget *row = GTK_WIDGET (gtk_list_box_get_row_at_index (list, position));
  GtkWidget *field = sl_test_template_child (row, SL_TYPE_MEETING_SPEECH_ROW, name);
  GtkWidget *focus = gtk_root_get_focus (GTK_ROOT (fixture->window));

  return focus != NULL && (focus == field || gtk_widget_is_ancestor (focus, field)) &&
         sl_test_editor_shows (fixture->window, field);
}

static gboolean
points_in_view (Fixture *fixture)
{
  return focus_in_view (fixture, fixture->speeches, "points_view");
}

static gboolean
speaker_in_view (Fixture *fixture)
{
  return focus_in_view (fixture, fixture->speeches, "speaker_dropdown");
}

/* Refused before the name is asked: the dialog says which speech and what
 * it lacks, and takes the keys there; nothing is written. */
static void
test_half_filled_row (Fixture       *fixture,
                      gconstpointer  data)
{
  int added = GPOINTER_TO_INT (data);
  g_autofree char *number = g_strdup_printf ("%u", fixture->speeches + 1);
  GtkWidget *dialog;
  const char *body;

  gtk_widget_activate_action (GTK_WIDGET (sl_test_window_editor (fixture->window)), "editor.finalize", NULL);
  SL_TEST_WAIT_UNTIL (fixture, not_ready_shown);
  g_assert_null (sl_test_find_toplevel ("sl-finalize-dialog", 0));
  dialog = sl_test_find_toplevel ("sl-not-ready-dialog", 0);
  body = adw_message_dialog_get_body (ADW_MESSAGE_DIALOG (dialog));
  g_assert_nonnull (strstr (body, number));
  g_assert_null (strstr (body, MEETING_ID));
  if (added == NO_POINTS)
    g_assert_nonnull (strstr (body, "赵六"));
  else
    g_assert_nonnull (strstr (body, "no speaker"));

  sl_test_answer_dialog (dialog, NULL, "go");
  if (added == NO_POINTS)
    SL_TEST_WAIT_UNTIL (fixture, points_in_view);
  else
    SL_TEST_WAIT_UNTIL (fixture, speaker_in_view);

  g_assert_null (sl_test_find_toplevel ("sl-finalized-dialog", 0));
  g_assert_cmpuint (stored_number (fixture, FINAL_SQL), ==, 0);
  g_assert_cmpuint (stored_number (fixture, SPEECHES_SQL), ==, fixture->speeches + 1);
}

int
main (int   argc,
      char *argv[])
{
  g_setenv ("SL_TODAY", "2025-12-31", TRUE);
  sl_test_gtk_init_english (&argc, &argv);

  g_test_add ("/window-finalize-speeches/empty-row", Fixture, GINT_TO_POINTER (EMPTY_ROW),
              fixture_set_up, test_empty_row, fixture_tear_down);
  g_test_add ("/window-finalize-speeches/no-points", Fixture, GINT_TO_POINTER (NO_POINTS),
              fixture_set_up, test_half_filled_row, fixture_tear_down);
  g_test_add ("/window-finalize-speeches/no-speaker", Fixture, GINT_TO_POINTER (NO_SPEAKER),
              fixture_set_up, test_half_filled_row, fixture_tear_down);

  return g_test_run ();
}
