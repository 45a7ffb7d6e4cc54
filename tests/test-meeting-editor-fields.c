/* test-meeting-editor-fields.c — the editor's fields that refuse what is typed
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A date, a time or a title that cannot be stored: the field is marked,
 * the header never says “Saved” over it, the file keeps what it had, and
 * what is put right goes in. The fixture (a party group of twelve, a 2023
 * plan, the meetings page in a window of its own display) is
 * meeting-editor-util.h's. Today is 2023-05-10 (SL_TODAY).
 */

#include "config.h"

#include <adwaita.h>
#include <string.h>

#include "sl-ledger.h"
#include "sl-meeting.h"
#include "sl-meeting-editor.h"
#include "sl-meeting-fields.h"
#include "sl-meetings-page.h"
#include "sl-test-util.h"
#include "sl-test-window.h"
#include "sl-test-display.h"
#include "meeting-editor-util.h"

/* 2023-02-30 and Tab: the field is marked with a line beside it, the
 * header does not say Saved, the file keeps the old date; a real date
 * then goes in. Tab leaves the date for the time, not for the calendar
 * button. */
static void
test_invalid_date (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autoptr(SlMeeting) meeting = store_meeting (fixture);
  const char *id = sl_record_get_id (SL_RECORD (meeting));
  SlMeetingEditor *editor = open_stored (fixture, meeting);
  GtkWidget *date_row = sl_test_template_child (editor, SL_TYPE_MEETING_EDITOR, "date_row");
  GtkWidget *start_entry = sl_test_template_child (editor, SL_TYPE_MEETING_EDITOR, "start_entry");
  GtkWidget *place_row = sl_test_template_child (editor, SL_TYPE_MEETING_EDITOR, "place_row");
  SlMeeting *edited = sl_meeting_editor_get_meeting (editor);

  type_and_tab (date_row, "2023-02-30");
  g_assert_true (focus_is_in (gtk_widget_get_ancestor (start_entry, ADW_TYPE_ACTION_ROW)));
  g_assert_true (gtk_widget_has_css_class (date_row, "error"));
  g_assert_nonnull (sl_meeting_fields_get_message (date_row));
  g_assert_true (shows_label (date_row, sl_meeting_fields_get_message (date_row)));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (date_row)), ==, "2023-02-30");
  g_assert_cmpstr (state_of (editor), ==, "Not saved: fix the marked field");
  g_assert_cmpstr (sl_meeting_get_date (edited), ==, "2023-04-01");

  /* Something else saved meanwhile does not make it “Saved”. */
  gtk_editable_set_text (GTK_EDITABLE (place_row), "第一会议室");
  sl_test_iterate (800);
  g_assert_cmpstr (state_of (editor), ==, "Not saved: fix the marked field");
  assert_stored_date (fixture, id, "2023-04-01");

  /* Enter and leaving the field read it the same way. */
  gtk_editable_set_text (GTK_EDITABLE (date_row), "2023-13-01");
  g_signal_emit_by_name (date_row, "entry-activated");
  g_assert_true (gtk_widget_has_css_class (date_row, "error"));
  g_assert_true (gtk_widget_grab_focus (date_row));
  gtk_editable_set_text (GTK_EDITABLE (date_row), "0230");
  g_assert_true (gtk_widget_grab_focus (place_row));
  g_assert_true (gtk_widget_has_css_class (date_row, "error"));
  g_assert_cmpstr (sl_meeting_get_date (edited), ==, "2023-04-01");

  /* While a date is typed but not read, the header says so too. */
  g_assert_true (gtk_widget_grab_focus (date_row));
  gtk_editable_set_text (GTK_EDITABLE (date_row), "4-2");
  g_assert_cmpstr (state_of (editor), !=, "Saved");

  type_and_tab (date_row, "4-20");
  g_assert_false (gtk_widget_has_css_class (date_row, "error"));
  g_assert_null (sl_meeting_fields_get_message (date_row));
  g_assert_false (shows_label (date_row, "Not a date: write it as 2023-03-05, or 3-5 for this year"));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (date_row)), ==, "2023-04-20");
  wait_for_save (editor);
  assert_stored_date (fixture, id, "2023-04-20");
}

/* An emptied title keeps the stored one and is marked; a typed one is
 * stored. */
static void
test_empty_title (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autoptr(SlMeeting) meeting = store_meeting (fixture);
  const char *id = sl_record_get_id (SL_RECORD (meeting));
  SlMeetingEditor *editor = open_stored (fixture, meeting);
  GtkWidget *title_row = sl_test_template_child (editor, SL_TYPE_MEETING_EDITOR, "title_row");

  type_and_tab (title_row, "");
  g_assert_true (gtk_widget_has_css_class (title_row, "error"));
  g_assert_true (shows_label (title_row, sl_meeting_fields_get_message (title_row)));
  g_assert_cmpstr (state_of (editor), ==, "Not saved: fix the marked field");
  sl_test_iterate (800);
  g_assert_cmpstr (state_of (editor), !=, "Saved");
  {
    g_autoptr(SlMeeting) stored = load_stored (fixture, id);
    g_assert_cmpstr (sl_meeting_get_title (stored), ==, "某某局党组2023年第1次党组会议");
  }

  gtk_editable_set_text (GTK_EDITABLE (title_row), "   ");
  g_signal_emit_by_name (title_row, "entry-activated");
  g_assert_true (gtk_widget_has_css_class (title_row, "error"));

  /* Back would lose what the field shows: the editor stays. */
  gtk_widget_activate_action (GTK_WIDGET (editor), "editor.back", NULL);
  sl_test_iterate (400);
  g_assert_nonnull (sl_meeting_editor_get_meeting (editor));
  g_assert_true (gtk_widget_get_mapped (title_row));

  type_and_tab (title_row, "某某局党组2023年第1次党组会议（传达学习）");
  g_assert_false (gtk_widget_has_css_class (title_row, "error"));
  wait_for_save (editor);
  {
    g_autoptr(SlMeeting) stored = load_stored (fixture, id);
    g_assert_cmpstr (sl_meeting_get_title (stored), ==, "某某局党组2023年第1次党组会议（传达学习）");
  }

  gtk_widget_activate_action (GTK_WIDGET (editor), "editor.back", NULL);
  sl_test_iterate (400);
  g_assert_null (sl_meeting_editor_get_meeting (editor));
}

/* An end before the start is refused, with the start named. */
static void
test_times (Fixture       *fixture,
            gconstpointer  data)
{
  g_autoptr(SlMeeting) meeting = store_meeting (fixture);
  const char *id = sl_record_get_id (SL_RECORD (meeting));
  SlMeetingEditor *editor = open_stored (fixture, meeting);
  GtkWidget *start_entry = sl_test_template_child (editor, SL_TYPE_MEETING_EDITOR, "start_entry");
  GtkWidget *end_entry = sl_test_template_child (editor, SL_TYPE_MEETING_EDITOR, "end_entry");

  type_and_tab (start_entry, "9:00");
  type_and_tab (end_entry, "1100");
  wait_for_save (editor);

  type_and_tab (end_entry, "8:30");
  g_assert_true (gtk_widget_has_css_class (end_entry, "error"));
  g_assert_nonnull (strstr (sl_meeting_fields_get_message (end_entry), "09:00"));
  g_assert_true (shows_label (gtk_widget_get_ancestor (end_entry, ADW_TYPE_ACTION_ROW),
                              sl_meeting_fields_get_message (end_entry)));
  g_assert_cmpstr (state_of (editor), ==, "Not saved: fix the marked field");
  sl_test_iterate (800);
  {
    g_autoptr(SlMeeting) stored = load_stored (fixture, id);
    g_assert_cmpstr (sl_meeting_get_start (stored), ==, "09:00");
    g_assert_cmpstr (sl_meeting_get_end (stored), ==, "11:00");
  }

  /* Put right, the header follows without any other change. */
  type_and_tab (end_entry, "11:00");
  g_assert_false (gtk_widget_has_css_class (end_entry, "error"));
  g_assert_cmpstr (state_of (editor), ==, "Saved");
}

/* A date in another year asks first: Cancel puts the date back, Move
 * stores it. */
static void
test_year_move (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(SlMeeting) meeting = store_meeting (fixture);
  const char *id = sl_record_get_id (SL_RECORD (meeting));
  SlMeetingEditor *editor = open_stored (fixture, meeting);
  GtkWidget *date_row = sl_test_template_child (editor, SL_TYPE_MEETING_EDITOR, "date_row");
  SlMeeting *edited = sl_meeting_editor_get_meeting (editor);
  AdwMessageDialog *question;

  g_assert_true (gtk_widget_grab_focus (date_row));
  gtk_editable_set_text (GTK_EDITABLE (date_row), "2030-05-01");
  g_signal_emit_by_name (date_row, "entry-activated");
  sl_test_iterate (50);
  question = find_question ();
  g_assert_nonnull (question);
  g_assert_cmpstr (adw_message_dialog_get_heading (question), ==, "Move to 2030?");
  g_assert_cmpstr (sl_meeting_get_date (edited), ==, "2023-04-01");
  g_assert_cmpstr (state_of (editor), !=, "Saved");

  answer (question, "cancel");
  g_assert_null (find_question ());
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (date_row)), ==, "2023-04-01");
  g_assert_false (gtk_widget_has_css_class (date_row, "error"));
  g_assert_cmpstr (sl_meeting_get_date (edited), ==, "2023-04-01");
  sl_test_iterate (800);
  assert_stored_date (fixture, id, "2023-04-01");

  type_and_tab (date_row, "2030-05-01");
  question = find_question ();
  g_assert_nonnull (question);
  answer (question, "move");
  g_assert_cmpstr (sl_meeting_get_date (edited), ==, "2030-05-01");
  wait_for_save (editor);
  assert_stored_date (fixture, id, "2030-05-01");

  /* A date in the same year asks nothing. */
  type_and_tab (date_row, "2030-06-01");
  g_assert_null (find_question ());
  wait_for_save (editor);
  assert_stored_date (fixture, id, "2030-06-01");

  /* A day picked in the calendar is asked about the same way. */
  {
    GtkCalendar *calendar = sl_test_template_child (editor, SL_TYPE_MEETING_EDITOR, "calendar");
    g_autoptr(GDateTime) day = g_date_time_new_local (2029, 3, 1, 0, 0, 0);

    gtk_calendar_select_day (calendar, day);
    sl_test_iterate (50);
    question = find_question ();
    g_assert_nonnull (question);
    g_assert_cmpstr (adw_message_dialog_get_heading (question), ==, "Move to 2029?");
    answer (question, "cancel");
    g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (date_row)), ==, "2030-06-01");
    g_assert_cmpstr (sl_meeting_get_date (edited), ==, "2030-06-01");
  }
}

int
main (int   argc,
      char *argv[])
{
  g_setenv ("SL_TODAY", "2023-05-10", TRUE);
  g_setenv ("GSK_RENDERER", "cairo", FALSE);

  sl_test_gtk_init (&argc, &argv);

  g_test_add ("/meeting-editor/invalid-date", Fixture, NULL, fixture_set_up, test_invalid_date, fixture_tear_down);
  g_test_add ("/meeting-editor/empty-title", Fixture, NULL, fixture_set_up, test_empty_title, fixture_tear_down);
  g_test_add ("/meeting-editor/times", Fixture, NULL, fixture_set_up, test_times, fixture_tear_down);
  g_test_add ("/meeting-editor/year-move", Fixture, NULL, fixture_set_up, test_year_move, fixture_tear_down);

  return g_test_run ();
}
