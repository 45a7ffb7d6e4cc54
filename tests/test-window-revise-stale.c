/* test-window-revise-stale.c — a revision typed after a measure changed elsewhere (issue 12)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A tester's steps, under Xvfb with the real window on a ledger filled
 * from the example archive in a temporary folder:
 *
 * - a final meeting is open in the editor; 标记完成 on the measures page
 *   closes one of its measures; back in the editor (the same window, the
 *   same ledger object) the editor shows the measure done, and a revision
 *   typed then (修订…, 会议决定, 完成修订) is stored, as one more revision;
 * - a save that IS refused as stale during a revision (the measure closed
 *   through the ledger by a path that tells nobody) leaves the typed text
 *   in its field, says it is not saved, and 完成修订 does not claim the
 *   revision: it offers to apply the change again on the newer version,
 *   which stores it, or to keep it to copy; leaving the window asks.
 *
 * The main loop runs until what is awaited holds, with a generous limit.
 */

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>
#include <locale.h>
#include <sqlite3.h>
#include <string.h>

#include "sl-archive.h"
#include "sl-database.h"
#include "sl-enums.h"
#include "sl-evidence.h"
#include "sl-ledger.h"
#include "sl-measure.h"
#include "sl-measure-dialog.h"
#include "sl-measure-entry.h"
#include "sl-meeting.h"
#include "sl-meeting-editor.h"
#include "sl-meetings-page.h"
#include "sl-window.h"
#include "sl-test-util.h"
#include "sl-test-window.h"
#include "sl-test-display.h"

/* Of the example: 市统计局党组意识形态工作专题会议 (2025-05-13), no
 * decisions, and its one measure, in progress. */
#define MEETING_ID "472c03f5-e409-5298-887a-08f77b0aa9dc"
#define MEASURE_ID "6fc869af-2cd7-5d9f-a242-87bce0648877"
#define DECISIONS "印发学习材料，发至各支部"

#define DECISIONS_SQL "SELECT coalesce (decisions, '') FROM meetings WHERE uuid = '" MEETING_ID "'"
#define REVISIONS_SQL \
  "SELECT count(*) || '|' || coalesce ((SELECT r.reason FROM revisions r JOIN meetings m " \
  "  ON m.id = r.meeting_id WHERE m.uuid = '" MEETING_ID "' ORDER BY r.revision DESC LIMIT 1), '') " \
  "FROM revisions r JOIN meetings m ON m.id = r.meeting_id WHERE m.uuid = '" MEETING_ID "'"
#define STATUS_SQL "SELECT status FROM measures WHERE uuid = '" MEASURE_ID "'"

#define T(text) g_dgettext (GETTEXT_PACKAGE, (text))

typedef struct
{
  char      *folder;
  char      *path;
  SlLedger  *ledger;
  SlWindow  *window;
} Fixture;

static SlMeetingsPage *
meetings_page (Fixture *fixture)
{
  return SL_MEETINGS_PAGE (sl_window_get_page (fixture->window, "meetings"));
}

static GtkWidget *
field (Fixture    *fixture,
       const char *name)
{
  return sl_test_editor_child (fixture->window, name);
}

static gboolean
state_is (Fixture    *fixture,
          const char *msgid)
{
  return g_strcmp0 (sl_test_editor_state (fixture->window), T (msgid)) == 0;
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  fixture->folder = make_temp_folder ("test-window-revise-stale-XXXXXX");
  fixture->path = g_build_filename (fixture->folder, "ledger.db", NULL);
  fixture->ledger = sl_test_example_ledger (fixture->path);

  g_assert_true (sl_evidence_finalize (fixture->ledger, MEETING_ID, "王五", NULL, &error));
  g_assert_no_error (error);
  g_assert_true (sl_database_set_setting (sl_ledger_get_database (fixture->ledger), "finalize_by", "王五",
                                          &error));

  fixture->window = sl_test_window_open (fixture->ledger, 1400, 900);

  gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.show-page", "s", "meetings");
  sl_test_iterate (50);
  sl_meetings_page_open_meeting (meetings_page (fixture), MEETING_ID);
  sl_test_iterate (50);
  g_assert_nonnull (sl_meeting_editor_get_meeting (sl_test_window_editor (fixture->window)));
  g_assert_false (gtk_widget_is_sensitive (field (fixture, "decisions_view")));
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

/* The status of the measure as the open editor holds it. */
static SlMeasureStatus
editor_measure_status (Fixture *fixture)
{
  SlMeeting *meeting = sl_meeting_editor_get_meeting (sl_test_window_editor (fixture->window));
  GListModel *measures = G_LIST_MODEL (sl_meeting_get_measures (meeting));

  for (guint i = 0; i < g_list_model_get_n_items (measures); i++)
    {
      g_autoptr(SlMeasure) measure = g_list_model_get_item (measures, i);

      if (g_strcmp0 (sl_record_get_id (SL_RECORD (measure)), MEASURE_ID) == 0)
        return sl_measure_get_status (measure);
    }
  g_assert_not_reached ();
}

static void
revise (Fixture    *fixture,
        const char *reason)
{
  GtkWidget *dialog;

  gtk_widget_activate_action (GTK_WIDGET (sl_test_window_editor (fixture->window)), "editor.revise", NULL);
  SL_TEST_WAIT_FOR (sl_test_find_toplevel ("sl-reason-dialog", 0) != NULL);
  dialog = sl_test_find_toplevel ("sl-reason-dialog", 0);
  gtk_editable_set_text (GTK_EDITABLE (g_object_get_data (G_OBJECT (dialog), "sl-entry")), reason);
  sl_test_answer_dialog (dialog, NULL, "revise");
  g_assert_true (gtk_widget_is_sensitive (field (fixture, "decisions_view")));
}

/* Types into 会议决定 as she does: the field has the focus, then left. */
static void
type_decisions (Fixture    *fixture,
                const char *text)
{
  GtkWidget *view = field (fixture, "decisions_view");

  gtk_widget_grab_focus (view);
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (GTK_TEXT_VIEW (view)), text, -1);
}

static char *
decisions_shown (Fixture *fixture)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (field (fixture, "decisions_view")));
  GtkTextIter start, end;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  return gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
}

/* 标记完成 on the measures page, 完成 in its dialog, back to the editor
 * (Ctrl+2 shows the meetings page, the editor still open). */
static void
mark_done_on_measures_page (Fixture *fixture)
{
  GtkWidget *page;
  GtkWidget *dialog;

  gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.show-page", "s", "measures");
  sl_test_iterate (100);
  page = sl_window_get_page (fixture->window, "measures");
  g_assert_nonnull (page);
  g_assert_true (gtk_widget_activate_action (page, "measures.mark-done", "s", MEASURE_ID));
  SL_TEST_WAIT_FOR (sl_test_find_toplevel (NULL, SL_TYPE_MEASURE_DIALOG) != NULL);
  dialog = sl_test_find_toplevel (NULL, SL_TYPE_MEASURE_DIALOG);
  sl_test_answer_dialog (dialog, NULL, "done");
  sl_test_assert_stored (fixture->path, STATUS_SQL, "done");

  gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.show-page", "s", "meetings");
  sl_test_iterate (100);
  g_assert_true (sl_meetings_page_get_editing (meetings_page (fixture)));
}

/* The tester's steps: the revision typed after 标记完成 is stored. */
static void
test_measure_done_then_revise (Fixture       *fixture,
                               gconstpointer  data)
{
  g_autofree char *before = sl_test_stored (fixture->path, REVISIONS_SQL);

  g_assert_cmpint (editor_measure_status (fixture), !=, SL_MEASURE_STATUS_DONE);
  mark_done_on_measures_page (fixture);

  /* The editor shows what the measures page did. */
  g_assert_cmpint (editor_measure_status (fixture), ==, SL_MEASURE_STATUS_DONE);

  revise (fixture, "补充会议决定");
  type_decisions (fixture, DECISIONS);
  gtk_widget_activate_action (GTK_WIDGET (sl_test_window_editor (fixture->window)), "editor.finish-revision", NULL);
  sl_test_iterate (100);

  g_assert_false (sl_test_editor_not_saved (fixture->window));
  g_assert_true (state_is (fixture, "Revision finished: the meeting is final again"));
  sl_test_assert_stored (fixture->path, DECISIONS_SQL, DECISIONS);
  /* One revision for the measure's progress, one for the reason given. */
  sl_test_assert_stored (fixture->path, REVISIONS_SQL, "2|补充会议决定");
  g_assert_cmpstr (before, ==, "0|");
  g_assert_false (gtk_widget_is_sensitive (field (fixture, "decisions_view")));
  g_assert_false (sl_meeting_editor_holds_unsaved (sl_test_window_editor (fixture->window)));
}

/* A save refused as stale in a revision: never shown as saved, never
 * claimed by 完成修订; applied again, it is stored. */
static void
test_stale_save_in_revision (Fixture       *fixture,
                             gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *shown = NULL;
  g_autofree char *progress = NULL;
  GtkWidget *dialog;

  revise (fixture, "补充会议决定");

  /* The measure closed through the same ledger by a path that tells
   * nobody: the editor's copy is now stale. */
  g_assert_true (sl_measure_entry_mark_done (fixture->ledger, MEETING_ID, MEASURE_ID, "2025-06-01",
                                             "已完成", &error));
  g_assert_no_error (error);
  progress = sl_test_stored (fixture->path, REVISIONS_SQL);
  g_assert_true (g_str_has_prefix (progress, "1|"));

  type_decisions (fixture, DECISIONS);
  g_assert_false (sl_meeting_editor_flush (sl_test_window_editor (fixture->window), &error));
  g_assert_error (error, SL_LEDGER_ERROR, SL_LEDGER_ERROR_CHANGED);
  g_clear_error (&error);

  /* Not stored, not shown as stored: the text stays, marked unsaved. */
  sl_test_assert_stored (fixture->path, DECISIONS_SQL, "");
  shown = decisions_shown (fixture);
  g_assert_cmpstr (shown, ==, DECISIONS);
  g_assert_true (sl_test_editor_not_saved (fixture->window));
  g_assert_true (sl_meeting_editor_holds_unsaved (sl_test_window_editor (fixture->window)));
  /* Closing the window or going back would lose it: asked. */
  g_assert_true (sl_meetings_page_has_unsaved_input (meetings_page (fixture)));

  /* 完成修订 claims nothing: it asks; kept, the session stays open. */
  gtk_widget_activate_action (GTK_WIDGET (sl_test_window_editor (fixture->window)), "editor.finish-revision", NULL);
  SL_TEST_WAIT_FOR (sl_test_find_toplevel ("sl-held-dialog", 0) != NULL);
  g_assert_false (state_is (fixture, "Revision finished: the meeting is final again"));
  sl_test_answer_dialog (sl_test_find_toplevel ("sl-held-dialog", 0), NULL, "keep");
  g_assert_true (sl_test_editor_not_saved (fixture->window));
  g_assert_true (gtk_widget_is_sensitive (field (fixture, "decisions_view")));
  g_free (shown);
  shown = decisions_shown (fixture);
  g_assert_cmpstr (shown, ==, DECISIONS);
  sl_test_assert_stored (fixture->path, DECISIONS_SQL, "");

  /* Applied again: on the newer version, the measure stays done. */
  gtk_widget_activate_action (GTK_WIDGET (sl_test_window_editor (fixture->window)), "editor.finish-revision", NULL);
  SL_TEST_WAIT_FOR (sl_test_find_toplevel ("sl-held-dialog", 0) != NULL);
  dialog = sl_test_find_toplevel ("sl-held-dialog", 0);
  sl_test_answer_dialog (dialog, NULL, "apply");
  sl_test_assert_stored (fixture->path, DECISIONS_SQL, DECISIONS);
  sl_test_assert_stored (fixture->path, STATUS_SQL, "done");
  sl_test_assert_stored (fixture->path, REVISIONS_SQL, "2|补充会议决定");
  g_assert_true (state_is (fixture, "Revision finished: the meeting is final again"));
  g_assert_false (sl_meeting_editor_holds_unsaved (sl_test_window_editor (fixture->window)));
  g_assert_false (sl_meetings_page_has_unsaved_input (meetings_page (fixture)));
  g_assert_false (gtk_widget_is_sensitive (field (fixture, "decisions_view")));
}

int
main (int   argc,
      char *argv[])
{
  g_setenv ("SL_TODAY", "2025-12-31", TRUE);
  sl_test_gtk_init_english (&argc, &argv);

  g_test_add ("/window-revise-stale/measure-done-then-revise", Fixture, NULL,
              fixture_set_up, test_measure_done_then_revise, fixture_tear_down);
  g_test_add ("/window-revise-stale/stale-save-in-revision", Fixture, NULL,
              fixture_set_up, test_stale_save_in_revision, fixture_tear_down);

  return g_test_run ();
}
