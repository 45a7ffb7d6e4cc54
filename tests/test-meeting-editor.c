/* test-meeting-editor.c — the meetings page and the meeting editor, driven as a user would
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Runs under Xvfb. Each test has a fresh ledger with a party group of
 * twelve leaders on the central study group and a 2023 plan, shows a
 * SlMeetingsPage in a window, and works it through its actions and
 * widgets. What is stored is read back through a second SlLedger on the
 * same file, so it comes from the disk. Today is 2023-05-10 (SL_TODAY).
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

static const char * const names[] = {
  "张伟", "王芳", "李娜", "刘洋", "陈静", "杨帆",
  "赵磊", "黄敏", "周杰", "吴昊", "徐丽", "孙堃",
};

typedef struct
{
  char           *folder;
  char           *path;
  SlLedger       *ledger;
  SlOrganization *organization;
  GtkWidget      *window;
  SlMeetingsPage *page;
} Fixture;

static void
fill_ledger (Fixture *fixture)
{
  g_autoptr(SlPlan) plan = sl_plan_new ();
  g_autoptr(GError) error = NULL;

  fixture->organization = sl_organization_new ();
  sl_organization_set_name (fixture->organization, "某某局党组");
  sl_organization_set_kind (fixture->organization, SL_ORGANIZATION_KIND_PARTY_GROUP);
  sl_ledger_save_organization (fixture->ledger, fixture->organization, &error);
  g_assert_no_error (error);

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      g_autoptr(SlMember) member = sl_member_new ();

      sl_member_set_name (member, names[i]);
      sl_member_set_organization (member, sl_record_get_id (SL_RECORD (fixture->organization)));
      sl_member_set_leadership (member, TRUE);
      sl_member_set_central_group (member, TRUE);
      sl_member_set_sort (member, i + 1);
      sl_ledger_save_member (fixture->ledger, member, &error);
      g_assert_no_error (error);
    }

  sl_plan_set_organization (plan, sl_record_get_id (SL_RECORD (fixture->organization)));
  sl_plan_set_year (plan, 2023);
  sl_plan_set_title (plan, "2023年度理论学习中心组学习计划");
  for (guint i = 0; i < 3; i++)
    {
      g_autoptr(SlPlanItem) item = sl_plan_item_new ();
      g_autofree char *theme = g_strdup_printf ("专题%u", i + 1);

      sl_plan_item_set_month (item, 2 * i + 3);
      sl_plan_item_set_theme (item, theme);
      sl_plan_item_set_form (item, SL_STUDY_FORM_SEMINAR);
      sl_plan_item_set_status (item, SL_PLAN_ITEM_STATUS_PLANNED);
      g_list_store_append (G_LIST_STORE (sl_plan_get_items (plan)), item);
    }
  sl_ledger_save_plan (fixture->ledger, plan, SL_SAVE_REPLACE, &error);
  g_assert_no_error (error);
}

static void
show_page (Fixture *fixture)
{
  fixture->page = g_object_new (SL_TYPE_MEETINGS_PAGE,
                                "ledger", fixture->ledger,
                                "year", 2023,
                                NULL);
  g_object_add_weak_pointer (G_OBJECT (fixture->page), (gpointer *) &fixture->page);

  fixture->window = gtk_window_new ();
  gtk_window_set_default_size (GTK_WINDOW (fixture->window), 1000, 800);
  gtk_window_set_child (GTK_WINDOW (fixture->window), GTK_WIDGET (fixture->page));
  gtk_window_present (GTK_WINDOW (fixture->window));
  sl_test_iterate (100);

  /* Focus changes reach the fields (a date is kept when it is left) only
   * in the active window; on a loaded machine the window server takes
   * its time to make it so. */
  {
    gint64 end = g_get_monotonic_time () + 5 * G_USEC_PER_SEC;

    /* Not asserted: some X servers never make a window without a window
     * manager active; the fields' own waits below cover them. */
    while (!gtk_window_is_active (GTK_WINDOW (fixture->window)) && g_get_monotonic_time () < end)
      sl_test_iterate (20);
  }
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  fixture->folder = make_temp_folder ("test-meeting-editor-XXXXXX");
  fixture->path = g_build_filename (fixture->folder, "ledger.db", NULL);
  fixture->ledger = sl_ledger_open (fixture->path, &error);
  g_assert_no_error (error);

  fill_ledger (fixture);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  if (fixture->window != NULL)
    {
      gtk_window_destroy (GTK_WINDOW (fixture->window));
      sl_test_iterate (50);
      /* The page, its editor and every row let go of the ledger. */
      g_assert_null (fixture->page);
    }

  g_clear_object (&fixture->organization);
  g_assert_finalize_object (fixture->ledger);
  remove_tree (fixture->folder);
  g_free (fixture->path);
  g_free (fixture->folder);
}

static SlMeetingEditor *
editor_of (Fixture *fixture)
{
  return sl_test_template_child (fixture->page, SL_TYPE_MEETINGS_PAGE, "editor");
}

static GListModel *
list_of (Fixture *fixture)
{
  GtkColumnView *view = sl_test_template_child (fixture->page, SL_TYPE_MEETINGS_PAGE, "column_view");

  return G_LIST_MODEL (gtk_column_view_get_model (view));
}

static SlLedger *
reopen (Fixture *fixture)
{
  g_autoptr(GError) error = NULL;
  SlLedger *other = sl_ledger_open (fixture->path, &error);

  g_assert_no_error (error);
  return other;
}

/* When the header does not say “Saved”: which fields hold text that is
 * not stored, for the log. */
static void
log_pending (GtkWidget *widget)
{
  const char *id;

  if (!sl_meeting_fields_has_pending (widget))
    return;
  id = GTK_IS_BUILDABLE (widget) ? gtk_buildable_get_buildable_id (GTK_BUILDABLE (widget)) : NULL;
  if (GTK_IS_EDITABLE (widget) && id != NULL)
    g_test_message ("not stored: %s %s “%s”, focus %d, window active %d", G_OBJECT_TYPE_NAME (widget),
                    id ? id : "", GTK_IS_EDITABLE (widget) ? gtk_editable_get_text (GTK_EDITABLE (widget)) : "",
                    gtk_widget_has_focus (widget),
                    gtk_window_is_active (GTK_WINDOW (gtk_widget_get_root (widget))));
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    log_pending (child);
}

/* Waits for the editor's delayed save (500 ms) as a user would. */
static void
wait_for_save (SlMeetingEditor *editor)
{
  GtkLabel *state = sl_test_template_child (editor, SL_TYPE_MEETING_EDITOR, "state_label");

  /* 2 s is plenty on a quiet machine; a loaded one or the sanitizers
   * take longer, and a wait that ends early only costs time. */
  gint64 end = g_get_monotonic_time () + 30 * G_USEC_PER_SEC;

  while (g_strcmp0 (gtk_label_get_label (state), "Saved") != 0 && g_get_monotonic_time () < end)
    sl_test_iterate (50);
  if (g_strcmp0 (gtk_label_get_label (state), "Saved") != 0)
    log_pending (GTK_WIDGET (editor));
  g_assert_cmpstr (gtk_label_get_label (state), ==, "Saved");
}

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

static SlMeeting *
store_meeting (Fixture *fixture)
{
  g_autoptr(GError) error = NULL;
  GListModel *members = sl_ledger_get_members (fixture->ledger);
  SlMeeting *meeting = sl_meeting_new ();

  sl_meeting_set_organization (meeting, sl_record_get_id (SL_RECORD (fixture->organization)));
  sl_meeting_set_kind (meeting, SL_MEETING_KIND_PARTY_GROUP);
  sl_meeting_set_date (meeting, "2023-04-01");
  sl_meeting_set_title (meeting, "某某局党组2023年第1次党组会议");

  for (guint i = 0; i < g_list_model_get_n_items (members); i++)
    {
      g_autoptr(SlMember) member = g_list_model_get_item (members, i);
      g_autoptr(SlAttendance) row = sl_attendance_new ();

      sl_attendance_set_member (row, sl_record_get_id (SL_RECORD (member)));
      sl_attendance_set_status (row, i == 2 ? SL_ATTENDANCE_STATUS_LEAVE : SL_ATTENDANCE_STATUS_PRESENT);
      if (i == 2)
        {
          sl_attendance_set_leave_kind (row, SL_LEAVE_KIND_OFFICIAL);
          sl_attendance_set_reason (row, "出差");
        }
      g_list_store_append (G_LIST_STORE (sl_meeting_get_attendance (meeting)), row);
    }

  {
    g_autoptr(SlStudy) study = sl_study_new ();
    sl_study_set_title (study, "第一议题学习材料");
    sl_study_set_first_topic (study, TRUE);
    g_list_store_append (G_LIST_STORE (sl_meeting_get_studies (meeting)), study);
  }

  sl_ledger_save_meeting (fixture->ledger, meeting, SL_SAVE_REPLACE, &error);
  g_assert_no_error (error);
  return meeting;
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

static gboolean
shows_label (GtkWidget  *widget,
             const char *text)
{
  if (GTK_IS_LABEL (widget) && gtk_widget_get_mapped (widget) &&
      g_strcmp0 (gtk_label_get_label (GTK_LABEL (widget)), text) == 0)
    return TRUE;

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    if (shows_label (child, text))
      return TRUE;

  return FALSE;
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

/* Fields that refuse what is typed ---------------------------------------- */

static const char *
state_of (SlMeetingEditor *editor)
{
  GtkLabel *state = sl_test_template_child (editor, SL_TYPE_MEETING_EDITOR, "state_label");

  return gtk_label_get_label (state);
}

static SlMeeting *
load_stored (Fixture    *fixture,
             const char *id)
{
  g_autoptr(SlLedger) other = reopen (fixture);
  g_autoptr(GError) error = NULL;
  SlMeeting *stored = sl_ledger_load_meeting (other, id, &error);

  g_assert_no_error (error);
  g_assert_nonnull (stored);
  return stored;
}

static void
assert_stored_date (Fixture    *fixture,
                    const char *id,
                    const char *date)
{
  g_autoptr(SlMeeting) stored = load_stored (fixture, id);

  g_assert_cmpstr (sl_meeting_get_date (stored), ==, date);
}

/* Types @text into @field as a user would: focus, text, then Tab. */
static void
type_and_tab (GtkWidget  *field,
              const char *text)
{
  GtkRoot *root = gtk_widget_get_root (field);

  g_assert_true (gtk_widget_grab_focus (field));
  gtk_editable_set_text (GTK_EDITABLE (field), text);
  /* What GtkWindow's Tab binding does. */
  g_assert_true (gtk_widget_child_focus (GTK_WIDGET (root), GTK_DIR_TAB_FORWARD));
  sl_test_iterate (20);
}

static gboolean
focus_is_in (GtkWidget *widget)
{
  GtkWidget *focus = gtk_root_get_focus (gtk_widget_get_root (widget));

  return focus != NULL && (focus == widget || gtk_widget_is_ancestor (focus, widget));
}

static SlMeetingEditor *
open_stored (Fixture    *fixture,
             SlMeeting  *meeting)
{
  show_page (fixture);
  sl_meetings_page_open_meeting (fixture->page, sl_record_get_id (SL_RECORD (meeting)));
  sl_test_iterate (50);
  return editor_of (fixture);
}

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

/* What pressing one of its buttons does. */
static void
answer (AdwMessageDialog *question,
        const char       *response)
{
  adw_message_dialog_response (question, response);
  gtk_window_close (GTK_WINDOW (question));
  sl_test_iterate (50);
}

static AdwMessageDialog *
find_question (void)
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
  g_test_add ("/meeting-editor/invalid-date", Fixture, NULL, fixture_set_up, test_invalid_date, fixture_tear_down);
  g_test_add ("/meeting-editor/empty-title", Fixture, NULL, fixture_set_up, test_empty_title, fixture_tear_down);
  g_test_add ("/meeting-editor/times", Fixture, NULL, fixture_set_up, test_times, fixture_tear_down);
  g_test_add ("/meeting-editor/year-move", Fixture, NULL, fixture_set_up, test_year_move, fixture_tear_down);
  g_test_add ("/meeting-editor/namesake", Fixture, NULL, fixture_set_up, test_namesake, fixture_tear_down);
  g_test_add ("/meeting-editor/document-actions", Fixture, NULL, fixture_set_up, test_document_actions, fixture_tear_down);

  return g_test_run ();
}
