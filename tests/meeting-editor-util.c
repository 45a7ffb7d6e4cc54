/* meeting-editor-util.c — the fixture the meeting-editor tests share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
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

const char * const names[12] = {
  "张伟", "王芳", "李娜", "刘洋", "陈静", "杨帆",
  "赵磊", "黄敏", "周杰", "吴昊", "徐丽", "孙堃",
};

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

void
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

void
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

void
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

SlMeetingEditor *
editor_of (Fixture *fixture)
{
  return sl_test_template_child (fixture->page, SL_TYPE_MEETINGS_PAGE, "editor");
}

GListModel *
list_of (Fixture *fixture)
{
  GtkColumnView *view = sl_test_template_child (fixture->page, SL_TYPE_MEETINGS_PAGE, "column_view");

  return G_LIST_MODEL (gtk_column_view_get_model (view));
}

SlLedger *
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
void
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

SlMeeting *
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

gboolean
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

const char *
state_of (SlMeetingEditor *editor)
{
  GtkLabel *state = sl_test_template_child (editor, SL_TYPE_MEETING_EDITOR, "state_label");

  return gtk_label_get_label (state);
}

SlMeeting *
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

void
assert_stored_date (Fixture    *fixture,
                    const char *id,
                    const char *date)
{
  g_autoptr(SlMeeting) stored = load_stored (fixture, id);

  g_assert_cmpstr (sl_meeting_get_date (stored), ==, date);
}

/* Types @text into @field as a user would: focus, text, then Tab. */
void
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

gboolean
focus_is_in (GtkWidget *widget)
{
  GtkWidget *focus = gtk_root_get_focus (gtk_widget_get_root (widget));

  return focus != NULL && (focus == widget || gtk_widget_is_ancestor (focus, widget));
}

SlMeetingEditor *
open_stored (Fixture    *fixture,
             SlMeeting  *meeting)
{
  show_page (fixture);
  sl_meetings_page_open_meeting (fixture->page, sl_record_get_id (SL_RECORD (meeting)));
  sl_test_iterate (50);
  return editor_of (fixture);
}

/* What pressing one of its buttons does. */
void
answer (AdwMessageDialog *question,
        const char       *response)
{
  adw_message_dialog_response (question, response);
  gtk_window_close (GTK_WINDOW (question));
  sl_test_iterate (50);
}

AdwMessageDialog *
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
