/* test-window-attendance.c — a new meeting's attendance from a roster that marks nobody
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Runs under Xvfb (build-aux/setup.sh --test). A roster imported as it
 * comes marks nobody as leadership: a new 党组会议 used to open with
 * 应到 0, and the secretary added the members one by one. Now it opens
 * with the organization's members active on its date, says why, and the
 * 添加人员 list has 添加全体成员 for those not listed (yet or any more).
 *
 * The ledger: 滨江市生态环境局党组 with 周建国, 李明, 王芳, 张伟 (on the
 * roll since 2020), 刘洋 (joins 2026-01-01, after today) and 陈静 (left on
 * 2025-06-30); one earlier 党组会议. Today is 2025-12-31 (SL_TODAY).
 */

#include "config.h"

#include <adwaita.h>
#include <string.h>

#include "sl-attendance.h"
#include "sl-ledger.h"
#include "sl-meeting.h"
#include "sl-meeting-editor.h"
#include "sl-member.h"
#include "sl-organization.h"
#include "sl-window.h"
#include "sl-test-util.h"
#include "sl-test-window.h"
#include "sl-test-display.h"

static const char * const active[] = { "周建国", "李明", "王芳", "张伟" };

typedef struct
{
  char      *folder;
  char      *path;
  SlLedger  *ledger;
  SlWindow  *window;
  char      *organization;
  char      *chair;
} Fixture;

static char *
add_member (Fixture    *fixture,
            const char *name,
            const char *joined_on,
            const char *left_on,
            int         sort)
{
  g_autoptr(SlMember) member = sl_member_new ();
  g_autoptr(GError) error = NULL;

  sl_member_set_name (member, name);
  sl_member_set_organization (member, fixture->organization);
  sl_member_set_joined_on (member, joined_on);
  sl_member_set_left_on (member, left_on);
  sl_member_set_sort (member, sort);
  g_assert_true (sl_ledger_save_member (fixture->ledger, member, &error));
  g_assert_no_error (error);
  return g_strdup (sl_record_get_id (SL_RECORD (member)));
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SlOrganization) organization = sl_organization_new ();
  g_autoptr(SlMeeting) meeting = sl_meeting_new ();
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);

  fixture->folder = make_temp_folder ("test-window-attendance-XXXXXX");
  fixture->path = g_build_filename (fixture->folder, "ledger.db", NULL);
  fixture->ledger = sl_ledger_open (fixture->path, &error);
  g_assert_no_error (error);
  g_settings_reset (settings, "last-year");

  sl_organization_set_name (organization, "滨江市生态环境局党组");
  sl_organization_set_kind (organization, SL_ORGANIZATION_KIND_PARTY_GROUP);
  g_assert_true (sl_ledger_save_organization (fixture->ledger, organization, &error));
  g_assert_no_error (error);
  fixture->organization = g_strdup (sl_record_get_id (SL_RECORD (organization)));

  for (guint i = 0; i < G_N_ELEMENTS (active); i++)
    {
      g_autofree char *id = add_member (fixture, active[i], "2020-01-01", NULL, i + 1);

      if (i == 0)
        fixture->chair = g_steal_pointer (&id);
    }
  g_free (add_member (fixture, "刘洋", "2026-01-01", NULL, 10));
  g_free (add_member (fixture, "陈静", "2020-01-01", "2025-06-30", 11));

  /* The meeting before: the new one is a 党组会议 too. */
  sl_meeting_set_organization (meeting, fixture->organization);
  sl_meeting_set_kind (meeting, SL_MEETING_KIND_PARTY_GROUP);
  sl_meeting_set_sequence (meeting, 1);
  sl_meeting_set_title (meeting, "局党组2025年第1次会议");
  sl_meeting_set_date (meeting, "2025-12-01");
  sl_meeting_set_chair (meeting, fixture->chair);
  g_assert_true (sl_ledger_save_meeting (fixture->ledger, meeting, SL_SAVE_REPLACE, &error));
  g_assert_no_error (error);

  fixture->window = sl_window_new (NULL, fixture->ledger, FALSE);
  gtk_window_present (GTK_WINDOW (fixture->window));
  SL_TEST_WAIT_FOR (gtk_widget_get_mapped (GTK_WIDGET (fixture->window)));
}

static SlMeetingEditor *
editor (Fixture *fixture)
{
  GtkWidget *found = sl_test_find_mapped (GTK_WIDGET (fixture->window), SL_TYPE_MEETING_EDITOR);

  return found ? SL_MEETING_EDITOR (found) : NULL;
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  /* Back to the list first: the editor saves on the way. */
  if (editor (fixture) != NULL)
    {
      gtk_widget_activate_action (GTK_WIDGET (editor (fixture)), "editor.back", NULL);
      sl_test_iterate (50);
    }

  sl_test_window_close (fixture->window, fixture->ledger);

  remove_tree (fixture->folder);
  g_free (fixture->organization);
  g_free (fixture->chair);
  g_free (fixture->path);
  g_free (fixture->folder);
}

/* The attendance as "周建国 李明 ...", each present. */
static char *
attendance_names (Fixture   *fixture,
                  SlMeeting *meeting)
{
  GListModel *rows = sl_meeting_get_attendance (meeting);
  GString *names = g_string_new (NULL);

  for (guint i = 0; i < g_list_model_get_n_items (rows); i++)
    {
      g_autoptr(SlAttendance) row = g_list_model_get_item (rows, i);
      SlMember *member = sl_ledger_find_member (fixture->ledger, sl_attendance_get_member (row));

      g_assert_cmpint (sl_attendance_get_status (row), ==, SL_ATTENDANCE_STATUS_PRESENT);
      if (i > 0)
        g_string_append_c (names, ' ');
      g_string_append (names, sl_member_get_name (member));
    }
  return g_string_free (names, FALSE);
}

static SlMeeting *
new_meeting (Fixture *fixture)
{
  gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.new-meeting", NULL);
  SL_TEST_WAIT_FOR (editor (fixture) != NULL && sl_meeting_editor_get_meeting (editor (fixture)) != NULL);
  g_assert_cmpint (sl_meeting_get_kind (sl_meeting_editor_get_meeting (editor (fixture))), ==,
                   SL_MEETING_KIND_PARTY_GROUP);
  return sl_meeting_editor_get_meeting (editor (fixture));
}

/* Opens 添加人员 and clicks 添加全体成员 when it may be clicked; returns
 * whether it could. */
static gboolean
add_everyone (Fixture *fixture)
{
  GtkWidget *popover = sl_test_template_child (editor (fixture), SL_TYPE_MEETING_EDITOR, "add_person_popover");
  GtkWidget *button = sl_test_template_child (editor (fixture), SL_TYPE_MEETING_EDITOR, "add_everyone_button");
  gboolean sensitive;

  gtk_menu_button_popup (sl_test_template_child (editor (fixture), SL_TYPE_MEETING_EDITOR, "add_person_button"));
  SL_TEST_WAIT_FOR (gtk_widget_get_mapped (button));
  sensitive = gtk_widget_is_sensitive (button);
  if (sensitive)
    g_signal_emit_by_name (button, "clicked");
  else
    gtk_popover_popdown (GTK_POPOVER (popover));
  SL_TEST_WAIT_FOR (!gtk_widget_get_mapped (popover));
  return sensitive;
}

static void
test_unmarked_roster (Fixture       *fixture,
                      gconstpointer  data)
{
  SlMeeting *meeting = new_meeting (fixture);
  GListModel *rows = sl_meeting_get_attendance (meeting);
  GtkLabel *counts = sl_test_template_child (editor (fixture), SL_TYPE_MEETING_EDITOR, "counts_label");
  g_autofree char *names = attendance_names (fixture, meeting);

  /* Not 应到 0: everyone on the roll on the day, nobody who joins later
   * or left before; and the editor says why. */
  g_assert_cmpstr (names, ==, "周建国 李明 王芳 张伟");
  g_assert_nonnull (strstr (gtk_label_get_label (counts), "Expected <b>4</b>"));
  g_assert_nonnull (strstr (gtk_label_get_label (counts), "No member is marked as leadership"));

  /* Nobody left to add: the button says so by being off. */
  g_assert_false (add_everyone (fixture));

  /* Two taken off the list, then 添加全体成员 puts both back at once. */
  g_list_store_remove (G_LIST_STORE (rows), 1);
  g_list_store_remove (G_LIST_STORE (rows), 2);
  g_assert_cmpuint (g_list_model_get_n_items (rows), ==, 2);
  g_assert_true (add_everyone (fixture));
  g_clear_pointer (&names, g_free);
  names = attendance_names (fixture, meeting);
  g_assert_cmpstr (names, ==, "周建国 王芳 李明 张伟");
  g_assert_nonnull (strstr (gtk_label_get_label (counts), "Expected <b>4</b>"));
}

/* A roster that marks its leader: the 党组会议 expects the leader alone,
 * no note; 添加全体成员 adds the three others, never 刘洋 or 陈静. */
static void
test_marked_roster (Fixture       *fixture,
                    gconstpointer  data)
{
  SlMember *chair = sl_ledger_find_member (fixture->ledger, fixture->chair);
  g_autoptr(GError) error = NULL;
  g_autofree char *names = NULL;
  SlMeeting *meeting;
  GtkLabel *counts;

  sl_member_set_leadership (chair, TRUE);
  g_assert_true (sl_ledger_save_member (fixture->ledger, chair, &error));
  g_assert_no_error (error);

  meeting = new_meeting (fixture);
  counts = sl_test_template_child (editor (fixture), SL_TYPE_MEETING_EDITOR, "counts_label");
  names = attendance_names (fixture, meeting);
  g_assert_cmpstr (names, ==, "周建国");
  g_assert_null (strstr (gtk_label_get_label (counts), "No member is marked"));

  g_assert_true (add_everyone (fixture));
  g_clear_pointer (&names, g_free);
  names = attendance_names (fixture, meeting);
  g_assert_cmpstr (names, ==, "周建国 李明 王芳 张伟");
  g_assert_false (add_everyone (fixture));

  /* Kept: back on the list, the meeting is stored with the four. */
  gtk_widget_activate_action (GTK_WIDGET (editor (fixture)), "editor.back", NULL);
  SL_TEST_WAIT_FOR (editor (fixture) == NULL);
  {
    g_autoptr(GPtrArray) meetings = sl_ledger_load_meetings (fixture->ledger, 2025, fixture->organization,
                                                             TRUE, &error);
    SlMeeting *stored = NULL;
    g_autofree char *stored_names = NULL;

    g_assert_no_error (error);
    for (guint i = 0; i < meetings->len; i++)
      if (g_strcmp0 (sl_meeting_get_date (g_ptr_array_index (meetings, i)), "2025-12-01") != 0)
        stored = g_ptr_array_index (meetings, i);
    g_assert_nonnull (stored);
    stored_names = attendance_names (fixture, stored);
    g_assert_cmpstr (stored_names, ==, "周建国 李明 王芳 张伟");
  }
}

int
main (int   argc,
      char *argv[])
{
  sl_test_gtk_init (&argc, &argv);

#define ADD(name, func) \
  g_test_add ("/window-attendance/" name, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("unmarked-roster", test_unmarked_roster);
  ADD ("marked-roster", test_marked_roster);
#undef ADD

  return g_test_run ();
}
