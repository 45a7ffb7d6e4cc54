/* test-window-finalize-speeches.c — 定稿 in the window of a meeting with an empty 研讨发言 row
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Issue 17: 定稿 drops a speech row with neither speaker nor words and
 * refuses a half-filled one (sl-evidence-ready.c). The editor open on
 * the meeting must then show what is stored: without the empty row, and
 * with the change count the drop left, so that a revision typed
 * afterwards is saved, not refused as stale, and does not write the empty
 * row back. A half-filled row's refusal is the editor's state line.
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

static gboolean
refused (Fixture *f)
{
  const char *state = sl_test_editor_state (f->window);

  return state != NULL && strstr (state, "finalise again") != NULL;
}

/* The example's meeting with one more speech, stored before the window
 * reads it: @speaker (a member's id, or NULL) and @points. */
static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  gboolean half_filled = GPOINTER_TO_INT (data);
  g_autoptr(GError) error = NULL;
  g_autoptr(SlMeeting) meeting = NULL;
  g_autoptr(SlSpeech) speech = sl_speech_new ();

  fixture->folder = make_temp_folder ("test-window-finalize-speeches-XXXXXX");
  fixture->path = g_build_filename (fixture->folder, "ledger.db", NULL);
  fixture->ledger = sl_test_example_ledger (fixture->path);

  meeting = sl_ledger_load_meeting (fixture->ledger, MEETING_ID, &error);
  g_assert_no_error (error);
  fixture->speeches = g_list_model_get_n_items (sl_meeting_get_speeches (meeting));
  if (half_filled)
    sl_speech_set_speaker_name (speech, "赵六");
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

static void
test_half_filled_row (Fixture       *fixture,
                      gconstpointer  data)
{
  finalize (fixture);
  SL_TEST_WAIT_UNTIL (fixture, refused);
  g_assert_nonnull (strstr (sl_test_editor_state (fixture->window), "赵六"));
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

  g_test_add ("/window-finalize-speeches/empty-row", Fixture, GINT_TO_POINTER (FALSE),
              fixture_set_up, test_empty_row, fixture_tear_down);
  g_test_add ("/window-finalize-speeches/half-filled-row", Fixture, GINT_TO_POINTER (TRUE),
              fixture_set_up, test_half_filled_row, fixture_tear_down);

  return g_test_run ();
}
