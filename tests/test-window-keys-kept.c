/* test-window-keys-kept.c — what the keyboard types and asks for arrives where it is meant to
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Issue 17's keyboard leftovers, with real X key events (XTEST,
 * tests/lib/sl-test-keys.h) under Xvfb (build-aux/setup.sh --test); where
 * XTEST is missing, or the display is not X11, the tests skip:
 *
 * - a locked year's final meeting, after 更新落实情况… was given its
 *   reason: 落实情况 typed into a measure's progress arrives whole, also
 *   the characters typed after the first save (that save took the focus
 *   to the state badge, and the next key went nowhere);
 * - Ctrl+N on a fresh ledger whose only organization is a 党组 starts a
 *   党组会议, not a 中心组学习 (sl_meeting_draft_default_kind()); its
 *   年度次序 hint and the 补学 day's example give the meeting's year;
 * - the sidebar is one Tab stop: the arrows move within it, Tab goes on
 *   to the page, Shift+Tab to its header; Ctrl+2 then Return opens the
 *   meetings list's row (it showed the page again from the sidebar);
 * - a final meeting opened takes the keys (its state badge), and after
 *   更新落实情况… the first measure opens on its progress;
 * - a speech: Tab from its speaker goes into 发言要点, and what is typed
 *   there is kept (the row around the text took the Tab, and the keys).
 *
 * The main loop runs until what is awaited holds, with a generous limit,
 * never a fixed sleep.
 */

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>
#include <locale.h>
#include <string.h>

#include "sl-attendance.h"
#include "sl-evidence.h"
#include "sl-ledger.h"
#include "sl-measure.h"
#include "sl-meeting.h"
#include "sl-meeting-attendance-popover.h"
#include "sl-meeting-editor.h"
#include "sl-meeting-measure-row.h"
#include "sl-meeting-speech-row.h"
#include "sl-meetings-page.h"
#include "sl-organization.h"
#include "sl-window.h"
#include "sl-test-keys.h"
#include "sl-test-util.h"
#include "sl-test-window.h"
#include "sl-test-display.h"

/* Of the example: 市统计局党组会议2025年第1次, of 市统计局党组, one measure. */
#define MEETING_ID "e20472f6-70f4-5429-bcce-6c5709a2d5fb"
#define ORGANIZATION_ID "62c9f9b1-c1a6-541b-b10c-986195dc206a"

#define MEASURE_SQL(column) \
  "SELECT x." column " FROM measures x JOIN meetings m ON m.id = x.meeting_id " \
  "WHERE m.uuid = '" MEETING_ID "' ORDER BY x.position LIMIT 1"

#define T(text) g_dgettext (GETTEXT_PACKAGE, (text))

typedef struct
{
  char      *folder;
  char      *path;
  SlLedger  *ledger;
  SlWindow  *window;
} Fixture;

static gboolean reason_dialog_shown (Fixture *f) { return sl_test_find_toplevel ("sl-reason-dialog", 0) != NULL; }
static gboolean saved (Fixture *f) { return g_strcmp0 (sl_test_editor_state (f->window), T ("Saved")) == 0; }

static GtkWidget *
focus (Fixture *fixture)
{
  return gtk_root_get_focus (GTK_ROOT (fixture->window));
}

static gboolean
progress_in_view (Fixture *fixture)
{
  GtkWidget *list = sl_test_editor_child (fixture->window, "measures_list");
  GtkWidget *row = GTK_WIDGET (gtk_list_box_get_row_at_index (GTK_LIST_BOX (list), 0));

  return sl_test_editor_shows (fixture->window,
                               sl_test_template_child (row, SL_TYPE_MEETING_MEASURE_ROW, "progress_row"));
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  if (fixture->window == NULL)
    return;
  sl_test_window_close (fixture->window, fixture->ledger);
  remove_tree (fixture->folder);
  g_free (fixture->path);
  g_free (fixture->folder);
}

/* Progress in a locked year ------------------------------------------------------- */

static void
locked_set_up (Fixture       *fixture,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  if (!sl_test_keys_init () || !sl_test_keys_have_spare ())
    return;

  fixture->folder = make_temp_folder ("test-window-keys-kept-XXXXXX");
  fixture->path = g_build_filename (fixture->folder, "ledger.db", NULL);
  fixture->ledger = sl_test_example_ledger (fixture->path);
  g_assert_true (sl_evidence_finalize (fixture->ledger, MEETING_ID, "王五", NULL, &error));
  g_assert_no_error (error);
  g_assert_true (sl_evidence_lock_year (fixture->ledger, ORGANIZATION_ID, 2025, "王五", &error));
  g_assert_no_error (error);

  fixture->window = sl_test_window_open (fixture->ledger, 1400, 900);
  gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.show-page", "s", "meetings");
  sl_test_iterate (50);
  sl_meetings_page_open_meeting (SL_MEETINGS_PAGE (sl_window_get_page (fixture->window, "meetings")),
                                 MEETING_ID);
  sl_test_iterate (100);
}

static void
test_locked_progress (Fixture       *fixture,
                      gconstpointer  data)
{
  SlMeetingEditor *editor;
  GtkWidget *list;
  GtkWidget *row;
  GtkWidget *progress_row;
  GtkListBox *sidebar;
  g_autofree char *stored = NULL;

  SL_TEST_KEYS_REQUIRE (fixture->window != NULL);

  editor = sl_test_window_editor (fixture->window);
  sidebar = sl_test_template_child (fixture->window, SL_TYPE_WINDOW, "sidebar_list");
  list = sl_test_editor_child (fixture->window, "measures_list");
  row = GTK_WIDGET (gtk_list_box_get_row_at_index (GTK_LIST_BOX (list), 0));
  g_assert_true (SL_IS_MEETING_MEASURE_ROW (row));
  progress_row = sl_test_template_child (row, SL_TYPE_MEETING_MEASURE_ROW, "progress_row");

  /* Opened, the final meeting has the keys (its rows are closed: they
   * were left in the sidebar). */
  g_assert_true (focus (fixture) != NULL && gtk_widget_is_ancestor (focus (fixture), GTK_WIDGET (editor)));

  /* So does Ctrl+2 from the sidebar. */
  sl_test_keys_focus (GTK_WIDGET (fixture->window));
  g_assert_true (gtk_widget_grab_focus (GTK_WIDGET (gtk_list_box_get_row_at_index (sidebar, 0))));
  sl_test_keys_send (GDK_KEY_2, GDK_CONTROL_MASK);
  g_assert_true (focus (fixture) != NULL && gtk_widget_is_ancestor (focus (fixture), GTK_WIDGET (editor)));

  /* The reason given, the first measure opens on its progress, scrolled
   * into view: the measures are the last section, below the fold of a
   * window this size when the editor opens at its top. */
  {
    graphene_rect_t bounds;

    g_assert_true (gtk_widget_compute_bounds (progress_row, GTK_WIDGET (editor), &bounds));
    g_assert_false (sl_test_editor_shows (fixture->window, progress_row));
  }
  gtk_widget_activate_action (GTK_WIDGET (editor), "editor.update-progress", NULL);
  SL_TEST_WAIT_UNTIL (fixture, reason_dialog_shown);
  sl_test_answer_dialog (sl_test_find_toplevel ("sl-reason-dialog", 0), "跟进整改", "revise");
  g_assert_true (gtk_widget_is_sensitive (progress_row));
  g_assert_true (adw_expander_row_get_expanded (ADW_EXPANDER_ROW (row)));
  g_assert_true (focus (fixture) != NULL && gtk_widget_is_ancestor (focus (fixture), progress_row));
  SL_TEST_WAIT_UNTIL (fixture, progress_in_view);

  gtk_editable_set_text (GTK_EDITABLE (progress_row), "");
  SL_TEST_WAIT_UNTIL (fixture, saved);
  sl_test_keys_focus (GTK_WIDGET (fixture->window));
  g_assert_true (gtk_widget_grab_focus (progress_row));
  sl_test_keys_settle ();

  /* The first character, saved (a revision of the final meeting), then
   * the rest: every key arrives in the field. */
  sl_test_keys_type ("落");
  SL_TEST_WAIT_UNTIL (fixture, saved);
  g_assert_true (focus (fixture) != NULL && gtk_widget_is_ancestor (focus (fixture), progress_row));
  sl_test_keys_type ("实情况");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (progress_row)), ==, "落实情况");
  SL_TEST_WAIT_UNTIL (fixture, saved);
  stored = sl_test_stored (fixture->path, MEASURE_SQL ("progress"));
  g_assert_cmpstr (stored, ==, "落实情况");
}

/* Ctrl+N on a fresh ledger ------------------------------------------------------- */

static void
fresh_set_up (Fixture       *fixture,
              gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SlOrganization) organization = sl_organization_new ();
  g_autoptr(GSettings) settings = NULL;

  if (!sl_test_keys_init () || !sl_test_keys_have_spare ())
    return;

  fixture->folder = make_temp_folder ("test-window-keys-kept-XXXXXX");
  fixture->path = g_build_filename (fixture->folder, "ledger.db", NULL);
  fixture->ledger = sl_ledger_open (fixture->path, &error);
  g_assert_no_error (error);
  settings = g_settings_new (APP_ID);
  g_settings_reset (settings, "last-year");

  sl_organization_set_name (organization, "滨江市生态环境局党组");
  sl_organization_set_kind (organization, SL_ORGANIZATION_KIND_PARTY_GROUP);
  g_assert_true (sl_ledger_save_organization (fixture->ledger, organization, &error));
  g_assert_no_error (error);

  fixture->window = sl_test_window_open (fixture->ledger, 1400, 900);
  sl_test_keys_focus (GTK_WIDGET (fixture->window));
}

static SlMeetingEditor *
mapped_editor (Fixture *fixture)
{
  GtkWidget *editor = sl_test_find_mapped (GTK_WIDGET (fixture->window), SL_TYPE_MEETING_EDITOR);

  return editor && sl_meeting_editor_get_meeting (SL_MEETING_EDITOR (editor)) ? SL_MEETING_EDITOR (editor) : NULL;
}
static gboolean editor_shown (Fixture *f) { return mapped_editor (f) != NULL; }

/* A ledger whose only organization is a 党组: Ctrl+N is a 党组会议. */
static void
test_fresh_new_meeting (Fixture       *fixture,
                        gconstpointer  data)
{
  SlMeeting *meeting;

  SL_TEST_KEYS_REQUIRE (fixture->window != NULL);

  sl_test_keys_send (GDK_KEY_n, GDK_CONTROL_MASK);
  SL_TEST_WAIT_UNTIL (fixture, editor_shown);
  meeting = sl_meeting_editor_get_meeting (mapped_editor (fixture));
  g_assert_cmpint (sl_meeting_get_kind (meeting), ==, SL_MEETING_KIND_PARTY_GROUP);
  g_assert_nonnull (strstr (sl_meeting_get_title (meeting), "党组会议"));

  /* The hints give the meeting's year, not 2023. */
  {
    GtkWidget *spin = sl_test_template_child (mapped_editor (fixture), SL_TYPE_MEETING_EDITOR, "sequence_spin");
    GtkWidget *row = gtk_widget_get_ancestor (spin, ADW_TYPE_ACTION_ROW);
    g_autoptr(SlAttendance) attendance = sl_attendance_new ();
    GtkWidget *popover = g_object_ref_sink (sl_meeting_attendance_popover_new (attendance, "李明", 2026));
    GtkWidget *makeup = sl_test_template_child (popover, SL_TYPE_MEETING_ATTENDANCE_POPOVER, "makeup_date_entry");

    g_assert_nonnull (strstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (row)), "2025年第N次"));
    g_assert_cmpstr (gtk_entry_get_placeholder_text (GTK_ENTRY (makeup)), ==, "2026-03-05");
    g_object_unref (popover);
  }

  gtk_widget_activate_action (GTK_WIDGET (mapped_editor (fixture)), "editor.back", NULL);
  sl_test_iterate (50);
}

/* The sidebar: one Tab stop; Ctrl+2 then Return acts in the page ----------------- */

static void
example_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  if (!sl_test_keys_init () || !sl_test_keys_have_spare ())
    return;

  fixture->folder = make_temp_folder ("test-window-keys-kept-XXXXXX");
  fixture->path = g_build_filename (fixture->folder, "ledger.db", NULL);
  fixture->ledger = sl_test_example_ledger (fixture->path);
  fixture->window = sl_test_window_open (fixture->ledger, 1400, 900);
  sl_test_keys_focus (GTK_WIDGET (fixture->window));
}

static gboolean
focus_in (Fixture   *fixture,
          GtkWidget *widget)
{
  GtkWidget *widget_focus = focus (fixture);

  return widget_focus != NULL && (widget_focus == widget || gtk_widget_is_ancestor (widget_focus, widget));
}

static gboolean
meetings_editing (Fixture *fixture)
{
  return sl_meetings_page_get_editing (SL_MEETINGS_PAGE (sl_window_get_page (fixture->window, "meetings")));
}

static void
test_sidebar_keys (Fixture       *fixture,
                   gconstpointer  data)
{
  GtkListBox *sidebar;
  GtkWidget *stack;
  g_autofree char *chain = NULL;

  SL_TEST_KEYS_REQUIRE (fixture->window != NULL);
  sidebar = sl_test_template_child (fixture->window, SL_TYPE_WINDOW, "sidebar_list");
  stack = sl_test_template_child (fixture->window, SL_TYPE_WINDOW, "content_stack");

  /* The arrows move within the sidebar; Tab goes on to the page shown. */
  sl_window_show_page (fixture->window, "overview");
  g_assert_true (gtk_widget_grab_focus (GTK_WIDGET (gtk_list_box_get_row_at_index (sidebar, 0))));
  sl_test_keys_send (GDK_KEY_Down, 0);
  g_assert_true (focus (fixture) == GTK_WIDGET (gtk_list_box_get_row_at_index (sidebar, 1)));
  sl_test_keys_send (GDK_KEY_Up, 0);
  sl_test_keys_send (GDK_KEY_Tab, 0);
  chain = sl_test_keys_focus_chain (GTK_WIDGET (fixture->window));
  g_test_message ("Tab from the sidebar → %s", chain);
  g_assert_false (focus_in (fixture, GTK_WIDGET (sidebar)));
  g_assert_true (focus_in (fixture, gtk_stack_get_visible_child (GTK_STACK (stack))));

  /* Shift+Tab from the sidebar: its header, not the row above. */
  g_assert_true (gtk_widget_grab_focus (GTK_WIDGET (gtk_list_box_get_row_at_index (sidebar, 3))));
  sl_test_keys_send (GDK_KEY_Tab, GDK_SHIFT_MASK);
  g_assert_false (focus_in (fixture, GTK_WIDGET (sidebar)));

  /* Ctrl+2, Return: the meetings list opens its row, the sidebar is not
   * activated again. */
  g_assert_true (gtk_widget_grab_focus (GTK_WIDGET (gtk_list_box_get_row_at_index (sidebar, 0))));
  sl_test_keys_send (GDK_KEY_2, GDK_CONTROL_MASK);
  g_clear_pointer (&chain, g_free);
  chain = sl_test_keys_focus_chain (GTK_WIDGET (fixture->window));
  g_test_message ("Ctrl+2 → %s", chain);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (GTK_STACK (stack)), ==, "meetings");
  g_assert_false (focus_in (fixture, GTK_WIDGET (sidebar)));
  sl_test_keys_send (GDK_KEY_Return, 0);
  SL_TEST_WAIT_UNTIL (fixture, meetings_editing);
  gtk_widget_activate_action (GTK_WIDGET (sl_test_window_editor (fixture->window)), "editor.back", NULL);
  sl_test_iterate (50);
}

/* A speech: Tab from the speaker, then type ------------------------------------- */

static void
test_speech_points (Fixture       *fixture,
                    gconstpointer  data)
{
  SlMeetingEditor *editor;
  GtkWidget *list;
  GtkWidget *row = NULL;
  GtkWidget *speaker;
  GtkWidget *points;
  GtkTextIter start, end;
  g_autofree char *text = NULL;
  g_autofree char *chain = NULL;

  SL_TEST_KEYS_REQUIRE (fixture->window != NULL);
  sl_test_window_open_meeting (fixture->window, MEETING_ID);
  editor = sl_test_window_editor (fixture->window);
  list = sl_test_editor_child (fixture->window, "speeches_list");

  gtk_widget_activate_action (GTK_WIDGET (editor), "editor.add-speech", NULL);
  sl_test_iterate (50);
  /* The new speech, the last row. */
  for (int i = 0; gtk_list_box_get_row_at_index (GTK_LIST_BOX (list), i) != NULL; i++)
    row = GTK_WIDGET (gtk_list_box_get_row_at_index (GTK_LIST_BOX (list), i));
  g_assert_true (SL_IS_MEETING_SPEECH_ROW (row));
  adw_expander_row_set_expanded (ADW_EXPANDER_ROW (row), TRUE);
  speaker = sl_test_template_child (row, SL_TYPE_MEETING_SPEECH_ROW, "speaker_dropdown");
  points = sl_test_template_child (row, SL_TYPE_MEETING_SPEECH_ROW, "points_view");
  /* Shown whole under its speaker, the points too, without scrolling. */
  SL_TEST_WAIT_FOR (sl_test_editor_shows (fixture->window, points) &&
                    sl_test_editor_shows (fixture->window, speaker));
  gtk_drop_down_set_selected (GTK_DROP_DOWN (speaker), 1);
  sl_test_iterate (50);

  sl_test_keys_focus (GTK_WIDGET (fixture->window));
  g_assert_true (gtk_widget_grab_focus (speaker));
  sl_test_keys_settle ();
  sl_test_keys_send (GDK_KEY_Tab, 0);
  chain = sl_test_keys_focus_chain (GTK_WIDGET (fixture->window));
  g_test_message ("Tab from the speaker → %s", chain);
  sl_test_keys_type ("先打的字");

  gtk_text_buffer_get_bounds (gtk_text_view_get_buffer (GTK_TEXT_VIEW (points)), &start, &end);
  text = gtk_text_buffer_get_text (gtk_text_view_get_buffer (GTK_TEXT_VIEW (points)), &start, &end, FALSE);
  g_assert_cmpstr (text, ==, "先打的字");
  SL_TEST_WAIT_UNTIL (fixture, saved);
  gtk_widget_activate_action (GTK_WIDGET (editor), "editor.back", NULL);
  sl_test_iterate (50);
}

int
main (int   argc,
      char *argv[])
{
  g_setenv ("SL_TODAY", "2025-12-31", TRUE);
  sl_test_gtk_init_english (&argc, &argv);

  g_test_add ("/window-keys-kept/locked-progress", Fixture, NULL,
              locked_set_up, test_locked_progress, fixture_tear_down);
  g_test_add ("/window-keys-kept/fresh-new-meeting", Fixture, NULL,
              fresh_set_up, test_fresh_new_meeting, fixture_tear_down);
  g_test_add ("/window-keys-kept/sidebar-keys", Fixture, NULL,
              example_set_up, test_sidebar_keys, fixture_tear_down);
  g_test_add ("/window-keys-kept/speech-points", Fixture, NULL,
              example_set_up, test_speech_points, fixture_tear_down);

  return g_test_run ();
}
