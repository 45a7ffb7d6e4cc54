/* test-meeting-editor.c — the meetings page and the meeting editor, driven as a user would
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * On an Xvfb of its own. Each test has a fresh ledger with a party group of
 * twelve leaders on the central study group and a 2023 plan, shows a
 * SlMeetingsPage in a window, and works it through its actions and
 * widgets. What is stored is read back through a second SlLedger on the
 * same file, so it comes from the disk. Today is 2023-05-10 (SL_TODAY).
 * The fixture is meeting-editor-util.h's; the fields that refuse what is
 * typed are tested in test-meeting-editor-fields.c.
 */

#include "config.h"

#include <adwaita.h>
#include <glib/gstdio.h>
#include <string.h>

#include "sl-attendance.h"
#include "sl-ledger.h"
#include "sl-meeting.h"
#include "sl-meeting-editor.h"
#include "sl-meeting-fields.h"
#include "sl-meeting-study-row.h"
#include "sl-meetings-page.h"
#include "sl-member.h"
#include "sl-member-dialog.h"
#include "sl-organization.h"
#include "sl-plan.h"
#include "sl-plan-item.h"
#include "sl-study.h"
#include "sl-test-util.h"
#include "sl-test-window.h"
#include "sl-test-display.h"
#include "meeting-editor-util.h"

static void
click_chip (SlMeetingEditor *editor,
            guint            index)
{
  GtkFlowBox *box = sl_test_template_child (editor, SL_TYPE_MEETING_EDITOR, "attendance_box");
  GtkFlowBoxChild *chip = gtk_flow_box_get_child_at_index (box, index);

  g_assert_nonnull (chip);
  g_signal_emit_by_name (box, "child-activated", chip);
}

static void
test_create (Fixture       *fixture,
             gconstpointer  data)
{
  SlMeetingEditor *editor;
  SlMeeting *meeting;
  GtkLabel *counts;
  GtkListBox *studies;
  GtkWidget *study_row;
  GtkEditable *title_entry;
  g_autoptr(SlLedger) other = NULL;
  g_autoptr(SlMeeting) stored = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *id = NULL;
  GListModel *rows;

  show_page (fixture);
  g_assert_cmpuint (g_list_model_get_n_items (list_of (fixture)), ==, 0);

  gtk_widget_activate_action (GTK_WIDGET (fixture->page), "meetings.new-kind", "s", "central_group");
  sl_test_iterate (50);

  editor = editor_of (fixture);
  meeting = sl_meeting_editor_get_meeting (editor);
  g_assert_nonnull (meeting);
  id = g_strdup (sl_record_get_id (SL_RECORD (meeting)));

  /* The draft is prefilled and not stored until something changes. */
  g_assert_cmpstr (sl_meeting_get_date (meeting), ==, "2023-05-10");
  g_assert_cmpstr (sl_meeting_get_title (meeting), ==, "某某局党组理论学习中心组2023年第1次集体学习");
  g_assert_cmpstr (sl_meeting_get_theme (meeting), ==, "专题1");
  g_assert_cmpuint (g_list_model_get_n_items (sl_meeting_get_attendance (meeting)), ==, 12);
  g_assert_false (sl_meeting_editor_is_stored (editor));
  g_assert_false (sl_ledger_contains (fixture->ledger, SL_TYPE_MEETING, id));

  /* Two on leave and one absent; the counts follow at once. */
  counts = sl_test_template_child (editor, SL_TYPE_MEETING_EDITOR, "counts_label");
  g_assert_nonnull (strstr (gtk_label_get_label (counts), "Present <b>12</b>"));
  click_chip (editor, 3);
  click_chip (editor, 7);
  click_chip (editor, 10);
  click_chip (editor, 10);
  g_assert_nonnull (strstr (gtk_label_get_label (counts), "Expected <b>12</b>"));
  g_assert_nonnull (strstr (gtk_label_get_label (counts), "Present <b>9</b>"));
  g_assert_nonnull (strstr (gtk_label_get_label (counts), "On leave <b>2</b>"));
  g_assert_nonnull (strstr (gtk_label_get_label (counts), "Absent <b>1</b>"));

  /* A study, typed into its row. */
  gtk_widget_activate_action (GTK_WIDGET (editor), "editor.add-study", NULL);
  studies = sl_test_template_child (editor, SL_TYPE_MEETING_EDITOR, "studies_list");
  study_row = GTK_WIDGET (gtk_list_box_get_row_at_index (studies, 0));
  g_assert_nonnull (study_row);
  title_entry = sl_test_template_child (study_row, SL_TYPE_MEETING_STUDY_ROW, "title_row");
  gtk_editable_set_text (title_entry, "习近平总书记在中央党校建校90周年庆祝大会上的讲话");

  /* The delayed save stores it, and the list shows it. */
  wait_for_save (editor);
  g_assert_true (sl_meeting_editor_is_stored (editor));
  g_assert_cmpuint (g_list_model_get_n_items (list_of (fixture)), ==, 1);

  other = reopen (fixture);
  stored = sl_ledger_load_meeting (other, id, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (sl_meeting_get_title (stored), ==, sl_meeting_get_title (meeting));
  g_assert_cmpint (sl_meeting_get_kind (stored), ==, SL_MEETING_KIND_CENTRAL_GROUP);
  g_assert_cmpint (sl_meeting_get_sequence (stored), ==, 1);
  g_assert_cmpstr (sl_meeting_get_plan_item (stored), ==, sl_meeting_get_plan_item (meeting));
  rows = sl_meeting_get_attendance (stored);
  g_assert_cmpuint (g_list_model_get_n_items (rows), ==, 12);
  for (guint i = 0; i < 12; i++)
    {
      g_autoptr(SlAttendance) row = g_list_model_get_item (rows, i);
      SlMember *member = sl_ledger_find_member (other, sl_attendance_get_member (row));

      g_assert_cmpstr (sl_member_get_name (member), ==, names[i]);
      g_assert_cmpint (sl_attendance_get_status (row), ==,
                       i == 3 || i == 7 ? SL_ATTENDANCE_STATUS_LEAVE
                       : i == 10 ? SL_ATTENDANCE_STATUS_ABSENT
                       : SL_ATTENDANCE_STATUS_PRESENT);
    }
  g_assert_cmpuint (g_list_model_get_n_items (sl_meeting_get_studies (stored)), ==, 1);
  {
    g_autoptr(SlStudy) study = g_list_model_get_item (sl_meeting_get_studies (stored), 0);
    g_assert_cmpstr (sl_study_get_title (study), ==, "习近平总书记在中央党校建校90周年庆祝大会上的讲话");
  }

  /* Back on the list, the editor lets go of the meeting. */
  gtk_widget_activate_action (GTK_WIDGET (editor), "editor.back", NULL);
  sl_test_iterate (50);
  g_assert_null (sl_meeting_editor_get_meeting (editor));
}

/* A date is taken when the field is left, in its standard form; a wrong
 * one marks the field and leaves the meeting alone. */
static void
test_date (Fixture       *fixture,
           gconstpointer  data)
{
  SlMeetingEditor *editor;
  SlMeeting *meeting;
  GtkWidget *date_row;

  show_page (fixture);
  gtk_widget_activate_action (GTK_WIDGET (fixture->page), "meetings.new-kind", "s", "party_group");
  sl_test_iterate (50);
  editor = editor_of (fixture);
  meeting = sl_meeting_editor_get_meeting (editor);
  date_row = sl_test_template_child (editor, SL_TYPE_MEETING_EDITOR, "date_row");

  gtk_editable_set_text (GTK_EDITABLE (date_row), "2023-02-30");
  g_signal_emit_by_name (date_row, "entry-activated");
  g_assert_cmpstr (sl_meeting_get_date (meeting), ==, "2023-05-10");
  g_assert_true (gtk_widget_has_css_class (date_row, "error"));

  gtk_editable_set_text (GTK_EDITABLE (date_row), "3-15");
  g_signal_emit_by_name (date_row, "entry-activated");
  g_assert_cmpstr (sl_meeting_get_date (meeting), ==, "2023-03-15");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (date_row)), ==, "2023-03-15");
  g_assert_false (gtk_widget_has_css_class (date_row, "error"));
  g_assert_cmpstr (sl_meeting_get_title (meeting), ==, "某某局党组2023年第1次党组会议");

  /* The 扩大 switch changes the generated title. */
  sl_meeting_set_expanded (meeting, TRUE);
  g_assert_cmpstr (sl_meeting_get_title (meeting), ==, "某某局党组2023年第1次党组会议（扩大）");

  wait_for_save (editor);
}

static void
test_delete_undo (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autoptr(SlMeeting) meeting = store_meeting (fixture);
  const char *id = sl_record_get_id (SL_RECORD (meeting));
  GtkSingleSelection *selection;
  g_autoptr(SlLedger) other = NULL;
  g_autoptr(SlMeeting) restored = NULL;
  g_autoptr(GError) error = NULL;

  show_page (fixture);
  selection = GTK_SINGLE_SELECTION (list_of (fixture));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (selection)), ==, 1);
  gtk_single_selection_set_selected (selection, 0);

  gtk_widget_activate_action (GTK_WIDGET (fixture->page), "meetings.delete", NULL);
  g_assert_false (sl_ledger_contains (fixture->ledger, SL_TYPE_MEETING, id));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (selection)), ==, 0);

  gtk_widget_activate_action (GTK_WIDGET (fixture->page), "meetings.undo", NULL);
  g_assert_true (sl_ledger_contains (fixture->ledger, SL_TYPE_MEETING, id));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (selection)), ==, 1);

  /* Restored whole: attendance with its leave, the first-topic study. */
  other = reopen (fixture);
  restored = sl_ledger_load_meeting (other, id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (sl_meeting_get_attendance (restored)), ==, 12);
  {
    g_autoptr(SlAttendance) row = g_list_model_get_item (sl_meeting_get_attendance (restored), 2);
    g_autoptr(SlStudy) study = g_list_model_get_item (sl_meeting_get_studies (restored), 0);

    g_assert_cmpint (sl_attendance_get_status (row), ==, SL_ATTENDANCE_STATUS_LEAVE);
    g_assert_cmpint (sl_attendance_get_leave_kind (row), ==, SL_LEAVE_KIND_OFFICIAL);
    g_assert_cmpstr (sl_attendance_get_reason (row), ==, "出差");
    g_assert_true (sl_study_get_first_topic (study));
  }
}

/* A change in the editor shows in the list without reading it again, and
 * a year is loaded with one items-changed. */
static void
count_changes (GListModel *list,
               guint       position,
               guint       removed,
               guint       added,
               guint      *changes)
{
  (*changes)++;
}

static void
test_list (Fixture       *fixture,
           gconstpointer  data)
{
  g_autoptr(SlMeeting) stored = store_meeting (fixture);
  g_autoptr(SlMeeting) shown = NULL;
  GtkWidget *view;
  SlMeetingEditor *editor;
  GtkWidget *title_row;
  GListModel *list;
  guint changes = 0;
  gulong handler;

  show_page (fixture);
  list = list_of (fixture);
  view = sl_test_template_child (fixture->page, SL_TYPE_MEETINGS_PAGE, "column_view");

  handler = g_signal_connect (list, "items-changed", G_CALLBACK (count_changes), &changes);
  sl_meetings_page_set_year (fixture->page, 2022);
  g_assert_cmpuint (changes, ==, 1);
  g_assert_cmpuint (g_list_model_get_n_items (list), ==, 0);
  changes = 0;
  sl_meetings_page_set_year (fixture->page, 2023);
  g_assert_cmpuint (changes, ==, 1);
  g_assert_cmpuint (g_list_model_get_n_items (list), ==, 1);
  sl_test_iterate (100);
  g_assert_true (shows_label (view, "某某局党组2023年第1次党组会议"));
  g_assert_true (shows_label (view, "11/12"));

  /* The editor works on the very object of the list. */
  shown = g_list_model_get_item (list, 0);
  sl_meetings_page_open_meeting (fixture->page, sl_record_get_id (SL_RECORD (stored)));
  sl_test_iterate (50);
  editor = editor_of (fixture);
  g_assert_true (sl_meeting_editor_get_meeting (editor) == shown);

  changes = 0;
  title_row = sl_test_template_child (editor, SL_TYPE_MEETING_EDITOR, "title_row");
  gtk_editable_set_text (GTK_EDITABLE (title_row), "某某局党组2023年第1次党组会议（修改）");
  click_chip (editor, 0);
  wait_for_save (editor);
  g_assert_cmpuint (changes, ==, 0);

  gtk_widget_activate_action (GTK_WIDGET (editor), "editor.back", NULL);
  sl_test_iterate (400);
  g_assert_true (shows_label (view, "某某局党组2023年第1次党组会议（修改）"));
  g_assert_true (shows_label (view, "10/12"));
  g_assert_cmpuint (changes, ==, 0);

  g_signal_handler_disconnect (list, handler);
}

/* Removing a study shows a toast; its Undo (editor.undo) puts the study
 * back where it was, and the ledger follows both. */
static void
test_row_undo (Fixture       *fixture,
               gconstpointer  data)
{
  g_autoptr(SlMeeting) meeting = store_meeting (fixture);
  const char *id = sl_record_get_id (SL_RECORD (meeting));
  SlMeetingEditor *editor;
  SlMeeting *edited;
  GtkListBox *studies;
  GtkWidget *row;
  g_autoptr(SlStudy) first = NULL;

  show_page (fixture);
  sl_meetings_page_open_meeting (fixture->page, id);
  sl_test_iterate (50);
  editor = editor_of (fixture);
  edited = sl_meeting_editor_get_meeting (editor);

  gtk_widget_activate_action (GTK_WIDGET (editor), "editor.add-study", NULL);
  studies = sl_test_template_child (editor, SL_TYPE_MEETING_EDITOR, "studies_list");
  g_assert_cmpuint (g_list_model_get_n_items (sl_meeting_get_studies (edited)), ==, 2);
  first = g_list_model_get_item (sl_meeting_get_studies (edited), 0);
  wait_for_save (editor);

  row = GTK_WIDGET (gtk_list_box_get_row_at_index (studies, 0));
  g_signal_emit_by_name (row, "remove");
  g_assert_cmpuint (g_list_model_get_n_items (sl_meeting_get_studies (edited)), ==, 1);
  wait_for_save (editor);
  g_assert_false (sl_ledger_contains (fixture->ledger, SL_TYPE_STUDY, sl_record_get_id (SL_RECORD (first))));

  gtk_widget_activate_action (GTK_WIDGET (editor), "editor.undo", NULL);
  g_assert_cmpuint (g_list_model_get_n_items (sl_meeting_get_studies (edited)), ==, 2);
  {
    g_autoptr(SlStudy) back = g_list_model_get_item (sl_meeting_get_studies (edited), 0);
    g_assert_true (back == first);
  }
  wait_for_save (editor);
  g_assert_true (sl_ledger_contains (fixture->ledger, SL_TYPE_STUDY, sl_record_get_id (SL_RECORD (first))));
}

static void
count_added (guint *added)
{
  (*added)++;
}

/* A second 孙堃 in the party group: the member dialog explains, marks the
 * note and adds nobody; with a note that tells the two apart it adds. */
static void
test_namesake (Fixture       *fixture,
               gconstpointer  data)
{
  const char *organization = sl_record_get_id (SL_RECORD (fixture->organization));
  GtkWidget *dialog;
  GtkWidget *name_row, *note_row;
  AdwMessageDialog *question;
  guint added = 0;

  show_page (fixture);
  dialog = sl_member_dialog_new (GTK_WINDOW (fixture->window), fixture->ledger, NULL, organization);
  g_signal_connect_swapped (dialog, "member-added", G_CALLBACK (count_added), &added);
  gtk_window_present (GTK_WINDOW (dialog));
  sl_test_iterate (50);
  name_row = sl_test_template_child (dialog, SL_TYPE_MEMBER_DIALOG, "name_row");
  note_row = sl_test_template_child (dialog, SL_TYPE_MEMBER_DIALOG, "note_row");

  gtk_editable_set_text (GTK_EDITABLE (name_row), "孙 堃");
  gtk_widget_activate_action (dialog, "member.add", NULL);
  sl_test_iterate (50);
  question = find_question ();
  g_assert_nonnull (question);
  g_assert_cmpstr (adw_message_dialog_get_heading (question), ==, "Namesake");
  g_assert_nonnull (strstr (adw_message_dialog_get_body (question), "某某局党组"));
  g_assert_true (gtk_widget_has_css_class (note_row, "error"));
  g_assert_cmpuint (added, ==, 0);
  g_assert_cmpuint (g_list_model_get_n_items (sl_ledger_get_members (fixture->ledger)), ==, 12);
  answer (question, "note");

  gtk_editable_set_text (GTK_EDITABLE (note_row), "财务科");
  gtk_widget_activate_action (dialog, "member.add", NULL);
  sl_test_iterate (50);
  g_assert_null (find_question ());
  g_assert_cmpuint (added, ==, 1);

  {
    g_autoptr(SlLedger) other = reopen (fixture);
    GListModel *members = sl_ledger_get_members (other);
    g_autoptr(SlMember) last = NULL;

    g_assert_cmpuint (g_list_model_get_n_items (members), ==, 13);
    last = g_list_model_get_item (members, 12);
    g_assert_cmpstr (sl_member_get_name (last), ==, "孙堃");
    g_assert_cmpstr (sl_member_get_note (last), ==, "财务科");
  }

  /* Renaming 张伟 to 孙堃 (no note) clashes with both; nothing is saved. */
  {
    g_autoptr(SlMember) first = g_list_model_get_item (sl_ledger_get_members (fixture->ledger), 0);

    dialog = sl_member_dialog_new (GTK_WINDOW (fixture->window), fixture->ledger, first, NULL);
    gtk_window_present (GTK_WINDOW (dialog));
    sl_test_iterate (50);
    name_row = sl_test_template_child (dialog, SL_TYPE_MEMBER_DIALOG, "name_row");
    gtk_editable_set_text (GTK_EDITABLE (name_row), "孙堃");
    g_signal_emit_by_name (name_row, "apply");
    sl_test_iterate (50);
    question = find_question ();
    g_assert_nonnull (question);
    answer (question, "note");
    g_assert_cmpstr (sl_member_get_name (first), ==, "张伟");
    gtk_window_destroy (GTK_WINDOW (dialog));
    sl_test_iterate (50);
  }

  /* Moving a 孙堃 of a branch into the party group clashes too: the
   * organization stays. */
  {
    g_autoptr(SlOrganization) branch = sl_organization_new ();
    g_autoptr(SlMember) moving = sl_member_new ();
    g_autoptr(GError) error = NULL;
    AdwComboRow *organization_row;

    sl_organization_set_name (branch, "机关第一党支部");
    sl_organization_set_kind (branch, SL_ORGANIZATION_KIND_BRANCH);
    sl_ledger_save_organization (fixture->ledger, branch, &error);
    g_assert_no_error (error);
    sl_member_set_name (moving, "孙堃");
    sl_member_set_organization (moving, sl_record_get_id (SL_RECORD (branch)));
    sl_ledger_save_member (fixture->ledger, moving, &error);
    g_assert_no_error (error);

    dialog = sl_member_dialog_new (GTK_WINDOW (fixture->window), fixture->ledger, moving, NULL);
    gtk_window_present (GTK_WINDOW (dialog));
    sl_test_iterate (50);
    organization_row = sl_test_template_child (dialog, SL_TYPE_MEMBER_DIALOG, "organization_row");
    for (guint i = 0; i < g_list_model_get_n_items (adw_combo_row_get_model (organization_row)); i++)
      if (g_strcmp0 (gtk_string_list_get_string (GTK_STRING_LIST (adw_combo_row_get_model (organization_row)), i),
                     "某某局党组") == 0)
        adw_combo_row_set_selected (organization_row, i);
    sl_test_iterate (50);
    question = find_question ();
    g_assert_nonnull (question);
    answer (question, "note");
    g_assert_cmpstr (sl_member_get_organization (moving), ==, sl_record_get_id (SL_RECORD (branch)));
    g_assert_cmpstr (gtk_string_list_get_string (GTK_STRING_LIST (adw_combo_row_get_model (organization_row)),
                                                 adw_combo_row_get_selected (organization_row)),
                     ==, "机关第一党支部");
    gtk_window_destroy (GTK_WINDOW (dialog));
    sl_test_iterate (50);
  }
}

static void
record_activation (GSimpleAction *action,
                   GVariant      *parameter,
                   gpointer       user_data)
{
  char **seen = user_data;
  g_autofree char *text = g_variant_print (parameter, FALSE);

  g_free (*seen);
  *seen = g_strdup_printf ("%s %s", g_action_get_name (G_ACTION (action)), text);
}

/* The editor's print and export buttons name the window's actions
 * (win.print-document, win.save-document) with the meeting they are
 * for, saving it first; the editor never opens the documents itself. */
static void
test_document_actions (Fixture       *fixture,
                       gconstpointer  data)
{
  g_autoptr(GSimpleActionGroup) win = g_simple_action_group_new ();
  g_autoptr(GSimpleAction) print = g_simple_action_new ("print-document", G_VARIANT_TYPE ("(sis)"));
  g_autoptr(GSimpleAction) save = g_simple_action_new ("save-document", G_VARIANT_TYPE ("(siss)"));
  g_autofree char *seen = NULL;
  g_autofree char *expected = NULL;
  SlMeetingEditor *editor;
  SlMeeting *meeting;

  g_signal_connect (print, "activate", G_CALLBACK (record_activation), &seen);
  g_signal_connect (save, "activate", G_CALLBACK (record_activation), &seen);
  g_action_map_add_action (G_ACTION_MAP (win), G_ACTION (print));
  g_action_map_add_action (G_ACTION_MAP (win), G_ACTION (save));
  show_page (fixture);
  gtk_widget_insert_action_group (fixture->window, "win", G_ACTION_GROUP (win));
  gtk_widget_activate_action (GTK_WIDGET (fixture->page), "meetings.new-kind", "s", "central_group");
  sl_test_iterate (50);
  editor = editor_of (fixture);
  meeting = sl_meeting_editor_get_meeting (editor);
  g_assert_nonnull (meeting);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (editor), "editor.print-minutes", NULL));
  expected = g_strdup_printf ("print-document ('minutes', 2023, '%s')",
                              sl_record_get_id (SL_RECORD (meeting)));
  g_assert_cmpstr (seen, ==, expected);

  g_clear_pointer (&expected, g_free);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (editor), "editor.export-sign-in", NULL));
  expected = g_strdup_printf ("save-document ('sign-in', 2023, '%s', 'pdf')",
                              sl_record_get_id (SL_RECORD (meeting)));
  g_assert_cmpstr (seen, ==, expected);

  gtk_widget_insert_action_group (fixture->window, "win", NULL);
}

int
main (int   argc,
      char *argv[])
{
  g_setenv ("SL_TODAY", "2023-05-10", TRUE);
  g_setenv ("GSK_RENDERER", "cairo", FALSE);

  sl_test_gtk_init (&argc, &argv);

  g_test_add ("/meeting-editor/create", Fixture, NULL, fixture_set_up, test_create, fixture_tear_down);
  g_test_add ("/meeting-editor/date", Fixture, NULL, fixture_set_up, test_date, fixture_tear_down);
  g_test_add ("/meeting-editor/delete-undo", Fixture, NULL, fixture_set_up, test_delete_undo, fixture_tear_down);
  g_test_add ("/meeting-editor/list", Fixture, NULL, fixture_set_up, test_list, fixture_tear_down);
  g_test_add ("/meeting-editor/row-undo", Fixture, NULL, fixture_set_up, test_row_undo, fixture_tear_down);
  g_test_add ("/meeting-editor/namesake", Fixture, NULL, fixture_set_up, test_namesake, fixture_tear_down);
  g_test_add ("/meeting-editor/document-actions", Fixture, NULL, fixture_set_up, test_document_actions, fixture_tear_down);

  return g_test_run ();
}
