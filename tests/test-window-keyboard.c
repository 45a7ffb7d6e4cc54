/* test-window-keyboard.c — logging a meeting with the keyboard alone
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Runs under Xvfb (build-aux/setup.sh --test). The keys are real X key
 * events made by the XTEST extension (tests/lib/sl-test-keys.h), so they
 * take the path a keyboard's do: through GDK, the window's shortcuts and
 * mnemonics, the focus widget and the controllers above it; Chinese text
 * is typed on a spare keycode, as xdotool types it. Where XTEST is
 * missing, or the display is not X11, the tests skip.
 *
 * The ledger is a 党组 of eleven leaders and two other members, with one
 * earlier 党组会议, today 2025-12-31 (SL_TODAY).
 */

#include "config.h"

#include <adwaita.h>
#include <string.h>

#include "sl-attendance.h"
#include "sl-csv-reader.h"
#include "sl-enums.h"
#include "sl-ledger.h"
#include "sl-meeting.h"
#include "sl-meeting-attendance-chip.h"
#include "sl-meeting-attendance-popover.h"
#include "sl-meeting-editor.h"
#include "sl-member.h"
#include "sl-organization.h"
#include "sl-organization-dialog.h"
#include "sl-roster-dialog.h"
#include "sl-study.h"
#include "sl-window.h"
#include "sl-test-keys.h"
#include "sl-test-util.h"
#include "sl-test-window.h"
#include "sl-test-display.h"

static const char * const leaders[] = {
  "周建国", "李明", "王芳", "张伟", "刘洋", "陈静", "杨帆", "赵磊", "黄敏", "吴强", "孙丽",
};
#define ADDED "郑晓东"      /* not a leader: added by hand, found by typing 晓东 */
#define OTHER "冯雪"        /* not a leader either, and not added */

typedef struct
{
  char      *folder;
  char      *path;
  SlLedger  *ledger;
  SlWindow  *window;
  char      *organization;
  guint      keystrokes;    /* keys and chords, text excluded */
  guint      typed;         /* characters of text */
} Fixture;

static GtkWidget *
focus (Fixture *fixture)
{
  return gtk_root_get_focus (GTK_ROOT (fixture->window));
}

/* One keystroke: a key, or a chord such as Ctrl+N. */
static void
key (Fixture *fixture, guint keyval, GdkModifierType modifiers)
{
  g_autofree char *chain = NULL;

  sl_test_keys_send (keyval, modifiers);
  fixture->keystrokes++;
  /* Where each key left the focus, for the log of a failure. */
  chain = sl_test_keys_focus_chain (GTK_WIDGET (fixture->window));
  g_test_message ("key %s%s%s → %s", modifiers & GDK_CONTROL_MASK ? "Ctrl+" : "",
                  modifiers & GDK_ALT_MASK ? "Alt+" : "", gdk_keyval_name (keyval), chain);
}

/* Text, one character at a time (Chinese on the spare keycode). */
static void
type (Fixture *fixture, const char *text)
{
  sl_test_keys_type (text);
  fixture->typed += g_utf8_strlen (text, -1);
}

static SlMeetingEditor *
editor (Fixture *fixture)
{
  return SL_MEETING_EDITOR (sl_test_find_mapped (GTK_WIDGET (fixture->window), SL_TYPE_MEETING_EDITOR));
}

static SlMeetingAttendanceChip *
focused_chip (Fixture *fixture)
{
  GtkWidget *widget = focus (fixture);

  return SL_IS_MEETING_ATTENDANCE_CHIP (widget) ? SL_MEETING_ATTENDANCE_CHIP (widget) : NULL;
}

/* The open attendance popover, if any. */
static GtkWidget *
open_popover (Fixture *fixture)
{
  GtkWidget *widget = focus (fixture);

  widget = widget ? gtk_widget_get_ancestor (widget, SL_TYPE_MEETING_ATTENDANCE_POPOVER) : NULL;
  return widget && gtk_widget_get_mapped (widget) ? widget : NULL;
}

static const char *
focused_name (Fixture *fixture)
{
  SlMeetingAttendanceChip *chip = focused_chip (fixture);
  SlAttendance *attendance = chip ? sl_meeting_attendance_chip_get_attendance (chip) : NULL;
  SlMember *member = attendance ? sl_ledger_find_member (fixture->ledger, sl_attendance_get_member (attendance)) : NULL;

  return member ? sl_member_get_name (member) : NULL;
}

static char *
add_member (Fixture *fixture, const char *name, gboolean leader, int sort)
{
  g_autoptr(SlMember) member = sl_member_new ();
  g_autoptr(GError) error = NULL;

  sl_member_set_name (member, name);
  sl_member_set_organization (member, fixture->organization);
  sl_member_set_leadership (member, leader);
  sl_member_set_joined_on (member, "2020-01-01");
  sl_member_set_sort (member, sort);
  g_assert_true (sl_ledger_save_member (fixture->ledger, member, &error));
  g_assert_no_error (error);
  return g_strdup (sl_record_get_id (SL_RECORD (member)));
}

static void
fixture_set_up (Fixture *fixture, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SlOrganization) organization = sl_organization_new ();
  g_autoptr(SlMeeting) meeting = sl_meeting_new ();
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);
  g_autofree char *chair = NULL;

  if (!sl_test_keys_init () || !sl_test_keys_have_spare ())
    return;

  fixture->folder = make_temp_folder ("test-window-keyboard-XXXXXX");
  fixture->path = g_build_filename (fixture->folder, "ledger.db", NULL);
  fixture->ledger = sl_ledger_open (fixture->path, &error);
  g_assert_no_error (error);
  g_settings_reset (settings, "last-year");

  sl_organization_set_name (organization, "滨江市生态环境局党组");
  sl_organization_set_kind (organization, SL_ORGANIZATION_KIND_PARTY_GROUP);
  g_assert_true (sl_ledger_save_organization (fixture->ledger, organization, &error));
  g_assert_no_error (error);
  fixture->organization = g_strdup (sl_record_get_id (SL_RECORD (organization)));

  for (guint i = 0; i < G_N_ELEMENTS (leaders); i++)
    {
      g_autofree char *id = add_member (fixture, leaders[i], TRUE, i + 1);

      if (i == 0)
        chair = g_steal_pointer (&id);
    }
  g_free (add_member (fixture, ADDED, FALSE, 20));
  g_free (add_member (fixture, OTHER, FALSE, 21));

  /* The meeting before: Ctrl+N takes its kind. */
  sl_meeting_set_organization (meeting, fixture->organization);
  sl_meeting_set_kind (meeting, SL_MEETING_KIND_PARTY_GROUP);
  sl_meeting_set_sequence (meeting, 1);
  sl_meeting_set_title (meeting, "局党组2025年第1次会议");
  sl_meeting_set_date (meeting, "2025-12-01");
  sl_meeting_set_chair (meeting, chair);
  g_assert_true (sl_ledger_save_meeting (fixture->ledger, meeting, SL_SAVE_REPLACE, &error));
  g_assert_no_error (error);

  fixture->window = sl_window_new (NULL, fixture->ledger, FALSE);
  gtk_window_present (GTK_WINDOW (fixture->window));
  SL_TEST_WAIT_FOR (gtk_widget_get_mapped (GTK_WIDGET (fixture->window)));
  sl_test_iterate (100);

  /* No window manager under Xvfb: the keyboard goes where it is told. */
  sl_test_keys_focus (GTK_WIDGET (fixture->window));
}

static void
fixture_tear_down (Fixture *fixture, gconstpointer data)
{
  if (fixture->window == NULL)
    return;

  /* Back to the list first: an editor still open when the window goes
   * saves in its dispose, into a meetings page already taken apart. */
  if (editor (fixture) != NULL)
    {
      gtk_widget_activate_action (GTK_WIDGET (editor (fixture)), "editor.back", NULL);
      sl_test_iterate (50);
    }

  sl_test_window_close (fixture->window, fixture->ledger);

  remove_tree (fixture->folder);
  g_free (fixture->organization);
  g_free (fixture->path);
  g_free (fixture->folder);
}

#define SKIP_WITHOUT_XTEST(fixture) SL_TEST_KEYS_REQUIRE ((fixture)->window != NULL)

/* Ctrl+N, then Alt+W: the first name of the attendance has the focus. */
static void
new_meeting_at_attendance (Fixture *fixture)
{
  key (fixture, GDK_KEY_n, GDK_CONTROL_MASK);
  SL_TEST_WAIT_FOR (editor (fixture) != NULL &&
            sl_test_find_mapped (GTK_WIDGET (editor (fixture)), SL_TYPE_MEETING_ATTENDANCE_CHIP) != NULL);
  key (fixture, GDK_KEY_w, GDK_ALT_MASK);
  SL_TEST_WAIT_FOR (focused_chip (fixture) != NULL);
  g_assert_cmpstr (focused_name (fixture), ==, leaders[0]);
}

/* The measurement of issue 17: a 12-person 党组会议, two leaves, one
 * absence, one text studied, without the mouse, in at most 45 keystrokes
 * besides the text (82 before). */
static void
test_log_meeting (Fixture *fixture, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) meetings = NULL;
  SlMeeting *meeting = NULL;
  GListModel *attendance;
  g_autoptr(SlStudy) study = NULL;
  guint present = 0;

  SKIP_WITHOUT_XTEST (fixture);

  new_meeting_at_attendance (fixture);

  /* 周建国: official leave, with the reason. */
  key (fixture, GDK_KEY_Menu, 0);
  SL_TEST_WAIT_FOR (open_popover (fixture) != NULL);
  key (fixture, GDK_KEY_o, GDK_ALT_MASK);
  type (fixture, "出差");
  key (fixture, GDK_KEY_Escape, 0);
  SL_TEST_WAIT_FOR (open_popover (fixture) == NULL);
  g_assert_cmpstr (focused_name (fixture), ==, leaders[0]);

  /* 李明: sick leave. */
  key (fixture, GDK_KEY_Right, 0);
  g_assert_cmpstr (focused_name (fixture), ==, leaders[1]);
  key (fixture, GDK_KEY_Menu, 0);
  SL_TEST_WAIT_FOR (open_popover (fixture) != NULL);
  key (fixture, GDK_KEY_s, GDK_ALT_MASK);
  type (fixture, "住院");
  key (fixture, GDK_KEY_Escape, 0);
  SL_TEST_WAIT_FOR (open_popover (fixture) == NULL);

  /* 王芳: absent, Space twice (出席 → 请假 → 缺席). */
  key (fixture, GDK_KEY_Right, 0);
  g_assert_cmpstr (focused_name (fixture), ==, leaders[2]);
  key (fixture, GDK_KEY_space, 0);
  key (fixture, GDK_KEY_space, 0);

  /* 郑晓东 sits with the 党组 this time: Alt+P, type, Enter. */
  key (fixture, GDK_KEY_p, GDK_ALT_MASK);
  type (fixture, "晓东");
  key (fixture, GDK_KEY_Return, 0);
  SL_TEST_WAIT_FOR (focused_chip (fixture) != NULL);
  g_assert_cmpstr (focused_name (fixture), ==, ADDED);

  /* The text studied. */
  key (fixture, GDK_KEY_s, GDK_ALT_MASK);
  type (fixture, "学习贯彻党的二十届三中全会精神");

  /* Back to the list, which saves. */
  key (fixture, GDK_KEY_Left, GDK_ALT_MASK);
  SL_TEST_WAIT_FOR (editor (fixture) == NULL);

  g_test_message ("keystrokes: %u, characters typed: %u", fixture->keystrokes, fixture->typed);
  g_assert_cmpuint (fixture->keystrokes, <=, 45);

  /* What was saved, through the core. */
  meetings = sl_ledger_load_meetings (fixture->ledger, 2025, fixture->organization, TRUE, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (meetings->len, ==, 2);
  for (guint i = 0; i < meetings->len; i++)
    if (g_strcmp0 (sl_meeting_get_date (g_ptr_array_index (meetings, i)), "2025-12-01") != 0)
      meeting = g_ptr_array_index (meetings, i);
  g_assert_nonnull (meeting);
  g_assert_cmpint (sl_meeting_get_kind (meeting), ==, SL_MEETING_KIND_PARTY_GROUP);

  attendance = sl_meeting_get_attendance (meeting);
  g_assert_cmpuint (g_list_model_get_n_items (attendance), ==, 12);
  for (guint i = 0; i < 12; i++)
    {
      g_autoptr(SlAttendance) row = g_list_model_get_item (attendance, i);
      SlMember *member = sl_ledger_find_member (fixture->ledger, sl_attendance_get_member (row));
      const char *name = sl_member_get_name (member);

      if (g_str_equal (name, leaders[0]))
        {
          g_assert_cmpint (sl_attendance_get_status (row), ==, SL_ATTENDANCE_STATUS_LEAVE);
          g_assert_cmpint (sl_attendance_get_leave_kind (row), ==, SL_LEAVE_KIND_OFFICIAL);
          g_assert_cmpstr (sl_attendance_get_reason (row), ==, "出差");
        }
      else if (g_str_equal (name, leaders[1]))
        {
          g_assert_cmpint (sl_attendance_get_status (row), ==, SL_ATTENDANCE_STATUS_LEAVE);
          g_assert_cmpint (sl_attendance_get_leave_kind (row), ==, SL_LEAVE_KIND_SICK);
          g_assert_cmpstr (sl_attendance_get_reason (row), ==, "住院");
        }
      else if (g_str_equal (name, leaders[2]))
        g_assert_cmpint (sl_attendance_get_status (row), ==, SL_ATTENDANCE_STATUS_ABSENT);
      else
        {
          g_assert_cmpstr (name, !=, OTHER);
          g_assert_cmpint (sl_attendance_get_status (row), ==, SL_ATTENDANCE_STATUS_PRESENT);
          present++;
        }
    }
  g_assert_cmpuint (present, ==, 9);

  g_assert_cmpuint (g_list_model_get_n_items (sl_meeting_get_studies (meeting)), ==, 1);
  study = g_list_model_get_item (sl_meeting_get_studies (meeting), 0);
  g_assert_cmpstr (sl_study_get_title (study), ==, "学习贯彻党的二十届三中全会精神");
}

/* Tab, Shift+Tab and the arrows stay in the popover; Escape gives the
 * focus back to the name. */
static void
test_popover_focus_trap (Fixture *fixture, gconstpointer data)
{
  GtkWidget *popover;

  SKIP_WITHOUT_XTEST (fixture);

  new_meeting_at_attendance (fixture);
  key (fixture, GDK_KEY_Menu, 0);
  SL_TEST_WAIT_FOR (open_popover (fixture) != NULL);
  popover = open_popover (fixture);

  /* Round the popover twice each way and with each arrow. */
  for (guint i = 0; i < 30; i++)
    {
      static const guint keys[] = { GDK_KEY_Tab, GDK_KEY_Down, GDK_KEY_Up, GDK_KEY_Right, GDK_KEY_Left };

      key (fixture, keys[i / 6], 0);
      g_assert_true (open_popover (fixture) == popover);
    }
  for (guint i = 0; i < 12; i++)
    {
      key (fixture, GDK_KEY_Tab, GDK_SHIFT_MASK);
      g_assert_true (open_popover (fixture) == popover);
    }

  key (fixture, GDK_KEY_Escape, 0);
  SL_TEST_WAIT_FOR (open_popover (fixture) == NULL);
  g_assert_cmpstr (focused_name (fixture), ==, leaders[0]);
}

/* The names are one Tab stop: Tab leaves the grid from any name, Shift+Tab
 * comes back to it; the arrows move within. */
static void
test_chips_one_tab_stop (Fixture *fixture, gconstpointer data)
{
  SKIP_WITHOUT_XTEST (fixture);

  new_meeting_at_attendance (fixture);
  key (fixture, GDK_KEY_Right, 0);
  key (fixture, GDK_KEY_Right, 0);
  g_assert_cmpstr (focused_name (fixture), ==, leaders[2]);

  key (fixture, GDK_KEY_Tab, 0);
  g_assert_null (focused_chip (fixture));
  g_assert_nonnull (focus (fixture));

  key (fixture, GDK_KEY_Tab, GDK_SHIFT_MASK);
  g_assert_nonnull (focused_chip (fixture));

  key (fixture, GDK_KEY_Tab, GDK_SHIFT_MASK);
  g_assert_null (focused_chip (fixture));
}

/* 添加人员 opens on the first name, Down goes to the second; typing
 * narrows the list. */
static void
test_add_person_keys (Fixture *fixture, gconstpointer data)
{
  GtkWidget *row;

  SKIP_WITHOUT_XTEST (fixture);

  new_meeting_at_attendance (fixture);
  key (fixture, GDK_KEY_p, GDK_ALT_MASK);
  SL_TEST_WAIT_FOR (GTK_IS_LIST_BOX_ROW (focus (fixture)));
  row = focus (fixture);
  g_assert_cmpint (gtk_list_box_row_get_index (GTK_LIST_BOX_ROW (row)), ==, 0);
  g_assert_cmpstr (g_object_get_data (G_OBJECT (row), "name"), ==, ADDED);

  key (fixture, GDK_KEY_Down, 0);
  row = focus (fixture);
  g_assert_true (GTK_IS_LIST_BOX_ROW (row));
  g_assert_cmpstr (g_object_get_data (G_OBJECT (row), "name"), ==, OTHER);

  type (fixture, "雪");
  row = focus (fixture);
  g_assert_true (GTK_IS_LIST_BOX_ROW (row));
  g_assert_cmpstr (g_object_get_data (G_OBJECT (row), "name"), ==, OTHER);
  g_assert_false (gtk_widget_get_child_visible (gtk_widget_get_prev_sibling (row)));

  key (fixture, GDK_KEY_Return, 0);
  SL_TEST_WAIT_FOR (focused_chip (fixture) != NULL);
  g_assert_cmpstr (focused_name (fixture), ==, OTHER);
}

/* Escape closes 添加人员 with nobody added, back on the name it was
 * opened from (it went to the 添加人员 button, off the names). */
static void
test_add_person_escape (Fixture *fixture, gconstpointer data)
{
  SKIP_WITHOUT_XTEST (fixture);

  new_meeting_at_attendance (fixture);
  key (fixture, GDK_KEY_Right, 0);
  key (fixture, GDK_KEY_Right, 0);
  g_assert_cmpstr (focused_name (fixture), ==, leaders[2]);
  key (fixture, GDK_KEY_p, GDK_ALT_MASK);
  SL_TEST_WAIT_FOR (GTK_IS_LIST_BOX_ROW (focus (fixture)));
  key (fixture, GDK_KEY_Escape, 0);
  SL_TEST_WAIT_FOR (focused_chip (fixture) != NULL);
  g_assert_cmpstr (focused_name (fixture), ==, leaders[2]);
  key (fixture, GDK_KEY_Right, 0);
  g_assert_cmpstr (focused_name (fixture), ==, leaders[3]);
}

/* 添加人员 opened with Return on its button: Escape gives the focus back
 * to the button (a tester's Tab went on to the sidebar from nowhere). */
static void
test_add_person_button_escape (Fixture *fixture, gconstpointer data)
{
  GtkWidget *button;

  SKIP_WITHOUT_XTEST (fixture);

  new_meeting_at_attendance (fixture);
  button = GTK_WIDGET (gtk_widget_get_template_child (GTK_WIDGET (editor (fixture)), SL_TYPE_MEETING_EDITOR,
                                                      "add_person_button"));
  /* Shift+Tab from the names to the button, then Return on it. */
  for (guint i = 0; i < 6 && !gtk_widget_is_ancestor (focus (fixture), button); i++)
    key (fixture, GDK_KEY_Tab, GDK_SHIFT_MASK);
  g_assert_true (gtk_widget_is_ancestor (focus (fixture), button));
  key (fixture, GDK_KEY_Return, 0);
  SL_TEST_WAIT_FOR (GTK_IS_LIST_BOX_ROW (focus (fixture)));
  key (fixture, GDK_KEY_Escape, 0);
  SL_TEST_WAIT_FOR (focus (fixture) != NULL && (focus (fixture) == button || gtk_widget_is_ancestor (focus (fixture), button)));
  g_assert_true (gtk_widget_get_mapped (focus (fixture)));
}

/* Several names at once: Space marks the focused name, Down moves on
 * without dropping the mark, Enter adds every name marked. */
static void
test_add_people_marked (Fixture *fixture, gconstpointer data)
{
  GListModel *attendance;
  gboolean added = FALSE, other = FALSE;

  SKIP_WITHOUT_XTEST (fixture);

  new_meeting_at_attendance (fixture);
  attendance = sl_meeting_get_attendance (sl_meeting_editor_get_meeting (editor (fixture)));
  g_assert_cmpuint (g_list_model_get_n_items (attendance), ==, G_N_ELEMENTS (leaders));

  key (fixture, GDK_KEY_p, GDK_ALT_MASK);
  SL_TEST_WAIT_FOR (GTK_IS_LIST_BOX_ROW (focus (fixture)));
  g_assert_cmpstr (g_object_get_data (G_OBJECT (focus (fixture)), "name"), ==, ADDED);
  /* Space marks and unmarks. */
  key (fixture, GDK_KEY_space, 0);
  g_assert_true (gtk_list_box_row_is_selected (GTK_LIST_BOX_ROW (focus (fixture))));
  key (fixture, GDK_KEY_space, 0);
  g_assert_false (gtk_list_box_row_is_selected (GTK_LIST_BOX_ROW (focus (fixture))));
  key (fixture, GDK_KEY_space, 0);
  key (fixture, GDK_KEY_Down, 0);
  g_assert_cmpstr (g_object_get_data (G_OBJECT (focus (fixture)), "name"), ==, OTHER);
  /* The first mark stays. */
  g_assert_true (gtk_list_box_row_is_selected (GTK_LIST_BOX_ROW (gtk_widget_get_prev_sibling (focus (fixture)))));
  key (fixture, GDK_KEY_space, 0);
  key (fixture, GDK_KEY_Return, 0);
  SL_TEST_WAIT_FOR (g_list_model_get_n_items (attendance) == G_N_ELEMENTS (leaders) + 2);

  for (guint i = 0; i < g_list_model_get_n_items (attendance); i++)
    {
      g_autoptr(SlAttendance) row = g_list_model_get_item (attendance, i);
      SlMember *member = sl_ledger_find_member (fixture->ledger, sl_attendance_get_member (row));

      added = added || g_strcmp0 (sl_member_get_name (member), ADDED) == 0;
      other = other || g_strcmp0 (sl_member_get_name (member), OTHER) == 0;
    }
  g_assert_true (added && other);
}

/* 添加全体成员 from the keyboard: Alt+P, then Alt+A adds everyone of the
 * 党组 not listed yet (the two who are not leaders), and the focus lands
 * on the first of them. */
static void
test_add_everyone_keys (Fixture *fixture, gconstpointer data)
{
  GListModel *attendance;

  SKIP_WITHOUT_XTEST (fixture);

  new_meeting_at_attendance (fixture);
  attendance = sl_meeting_get_attendance (sl_meeting_editor_get_meeting (editor (fixture)));
  g_assert_cmpuint (g_list_model_get_n_items (attendance), ==, G_N_ELEMENTS (leaders));

  key (fixture, GDK_KEY_p, GDK_ALT_MASK);
  SL_TEST_WAIT_FOR (GTK_IS_LIST_BOX_ROW (focus (fixture)));
  key (fixture, GDK_KEY_a, GDK_ALT_MASK);
  SL_TEST_WAIT_FOR (g_list_model_get_n_items (attendance) == G_N_ELEMENTS (leaders) + 2);
  SL_TEST_WAIT_FOR (focused_chip (fixture) != NULL);
  g_assert_cmpstr (focused_name (fixture), ==, ADDED);
}

/* The text of the focused item of an open list (its first label). */
static const char *
focused_item (Fixture *fixture)
{
  GtkWidget *widget = focus (fixture);

  if (widget == NULL || gtk_widget_get_ancestor (widget, GTK_TYPE_POPOVER) == NULL)
    return NULL;
  while (widget != NULL && !GTK_IS_LABEL (widget))
    widget = gtk_widget_get_first_child (widget);
  return widget ? gtk_label_get_text (GTK_LABEL (widget)) : NULL;
}

/* The meeting's kind from the keyboard: Alt+K opens its list on the kind
 * shown; Return picks the focused kind and closes the list, the first one
 * included. A tester's meeting of another kind opened the list with the
 * first kind focused but not picked, and Return there picked nothing. */
static void
test_kind_return (Fixture *fixture, gconstpointer data)
{
  SlMeeting *meeting;
  GtkWidget *kind_row;

  SKIP_WITHOUT_XTEST (fixture);

  key (fixture, GDK_KEY_n, GDK_CONTROL_MASK);
  SL_TEST_WAIT_FOR (editor (fixture) != NULL);
  meeting = sl_meeting_editor_get_meeting (editor (fixture));
  kind_row = GTK_WIDGET (gtk_widget_get_template_child (GTK_WIDGET (editor (fixture)), SL_TYPE_MEETING_EDITOR,
                                                        "kind_row"));
  g_assert_cmpint (sl_meeting_get_kind (meeting), ==, SL_MEETING_KIND_PARTY_GROUP);

  /* A meeting of the fourth kind, as one opened from the list shows it. */
  adw_combo_row_set_selected (ADW_COMBO_ROW (kind_row), 3);
  sl_test_keys_settle ();
  g_assert_cmpint (sl_meeting_get_kind (meeting), ==, SL_MEETING_KIND_PARTY_GROUP + 3);

  /* The list opens on it; Return keeps it and closes the list. */
  key (fixture, GDK_KEY_k, GDK_ALT_MASK);
  SL_TEST_WAIT_FOR (gtk_widget_has_css_class (kind_row, "has-open-popup"));
  g_assert_cmpstr (focused_item (fixture), ==, sl_meeting_kind_to_label (SL_MEETING_KIND_PARTY_GROUP + 3));
  key (fixture, GDK_KEY_Return, 0);
  SL_TEST_WAIT_FOR (!gtk_widget_has_css_class (kind_row, "has-open-popup"));
  g_assert_cmpint (sl_meeting_get_kind (meeting), ==, SL_MEETING_KIND_PARTY_GROUP + 3);
  g_assert_true (focus (fixture) == kind_row);

  /* Up to the first, Return: 党组会议. */
  key (fixture, GDK_KEY_k, GDK_ALT_MASK);
  SL_TEST_WAIT_FOR (gtk_widget_has_css_class (kind_row, "has-open-popup"));
  for (guint i = 0; i < 3; i++)
    key (fixture, GDK_KEY_Up, 0);
  g_assert_cmpstr (focused_item (fixture), ==, sl_meeting_kind_to_label (SL_MEETING_KIND_PARTY_GROUP));
  key (fixture, GDK_KEY_Return, 0);
  SL_TEST_WAIT_FOR (!gtk_widget_has_css_class (kind_row, "has-open-popup"));
  g_assert_cmpint (sl_meeting_get_kind (meeting), ==, SL_MEETING_KIND_PARTY_GROUP);

  /* Another meeting of the third kind: the list opens on the third, not
   * where its cursor was left; Home, Return: the first again. */
  adw_combo_row_set_selected (ADW_COMBO_ROW (kind_row), 2);
  sl_test_keys_settle ();
  key (fixture, GDK_KEY_k, GDK_ALT_MASK);
  SL_TEST_WAIT_FOR (gtk_widget_has_css_class (kind_row, "has-open-popup"));
  g_assert_cmpstr (focused_item (fixture), ==, sl_meeting_kind_to_label (SL_MEETING_KIND_PARTY_GROUP + 2));
  key (fixture, GDK_KEY_Home, 0);
  key (fixture, GDK_KEY_Return, 0);
  SL_TEST_WAIT_FOR (!gtk_widget_has_css_class (kind_row, "has-open-popup"));
  g_assert_cmpint (sl_meeting_get_kind (meeting), ==, SL_MEETING_KIND_PARTY_GROUP);
}

/* The roster preview ------------------------------------------------------------ */

static void
on_roster_import (SlRosterDialog *dialog,
                  const char     *organization,
                  char          **imported)
{
  g_free (*imported);
  *imported = g_strdup (organization ? organization : "");
}

/* A preview of @csv, with the X focus (no window manager moves it). */
static GtkWidget *
roster_preview (Fixture    *fixture,
                const char *csv,
                char      **imported)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) rows = sl_roster_parse ((const guint8 *) csv, strlen (csv), &error);
  g_autoptr(GFile) file = g_file_new_for_path ("/tmp/名单.csv");
  GtkWidget *dialog;

  g_assert_no_error (error);
  dialog = GTK_WIDGET (sl_roster_dialog_new (GTK_WINDOW (fixture->window), fixture->ledger, file, rows, NULL));
  g_signal_connect (dialog, "import", G_CALLBACK (on_roster_import), imported);
  gtk_window_present (GTK_WINDOW (dialog));
  SL_TEST_WAIT_FOR (gtk_widget_get_mapped (dialog));
  sl_test_iterate (50);
  sl_test_keys_focus (dialog);
  return dialog;
}

/* Return imports (a tester's Return went to 取消 and threw the preview
 * away), from the new organization's name too; Escape cancels. */
static void
test_roster_keys (Fixture *fixture, gconstpointer data)
{
  static const char csv[] = "姓名,性别\n张三,男\n李四,女\n";
  g_autofree char *imported = NULL;
  GtkWidget *dialog;
  GtkWidget *target_row, *name_row;

  SKIP_WITHOUT_XTEST (fixture);

  /* Into the ledger's one organization, as the preview proposes. */
  dialog = roster_preview (fixture, csv, &imported);
  key (fixture, GDK_KEY_Return, 0);
  SL_TEST_WAIT_FOR (imported != NULL);
  g_assert_cmpstr (imported, ==, "滨江市生态环境局党组");
  gtk_window_destroy (GTK_WINDOW (dialog));
  g_clear_pointer (&imported, g_free);

  /* Escape: closed, nothing imported. */
  dialog = roster_preview (fixture, csv, &imported);
  g_object_add_weak_pointer (G_OBJECT (dialog), (gpointer *) &dialog);
  key (fixture, GDK_KEY_Escape, 0);
  SL_TEST_WAIT_FOR (dialog == NULL);
  g_assert_null (imported);

  /* A new organization: Return in its name imports into it. */
  dialog = roster_preview (fixture, csv, &imported);
  target_row = GTK_WIDGET (gtk_widget_get_template_child (dialog, SL_TYPE_ROSTER_DIALOG, "target_row"));
  name_row = GTK_WIDGET (gtk_widget_get_template_child (dialog, SL_TYPE_ROSTER_DIALOG, "new_name_row"));
  adw_combo_row_set_selected (ADW_COMBO_ROW (target_row),
                              g_list_model_get_n_items (adw_combo_row_get_model (ADW_COMBO_ROW (target_row))) - 1);
  gtk_widget_grab_focus (name_row);
  sl_test_keys_settle ();
  type (fixture, "新支部");
  key (fixture, GDK_KEY_Return, 0);
  SL_TEST_WAIT_FOR (imported != NULL);
  g_assert_cmpstr (imported, ==, "新支部");
  gtk_window_destroy (GTK_WINDOW (dialog));
}

/* Return on a focused combo row opens its list; the dialog's default
 * (添加 / 导入) fires only from a text field or its button. A tester's
 * Return on 类型 created the branch as a top-level 党组, and on 导入到
 * imported the file into a new organization. */
static void
test_combo_row_return (Fixture *fixture, gconstpointer data)
{
  static const char csv[] = "姓名,性别\n张三,男\n";
  g_autofree char *imported = NULL;
  GtkWidget *dialog, *kind_row, *target_row;
  guint organizations = g_list_model_get_n_items (sl_ledger_get_organizations (fixture->ledger));

  SKIP_WITHOUT_XTEST (fixture);

  dialog = sl_organization_dialog_new (GTK_WINDOW (fixture->window), fixture->ledger);
  gtk_window_present (GTK_WINDOW (dialog));
  SL_TEST_WAIT_FOR (gtk_widget_get_mapped (dialog));
  sl_test_iterate (50);
  sl_test_keys_focus (dialog);
  type (fixture, "zhibu");
  kind_row = sl_organization_dialog_get_row (SL_ORGANIZATION_DIALOG (dialog), "kind");
  gtk_widget_grab_focus (kind_row);
  sl_test_keys_settle ();
  key (fixture, GDK_KEY_Return, 0);
  SL_TEST_WAIT_FOR (gtk_widget_has_css_class (kind_row, "has-open-popup"));
  g_assert_cmpuint (g_list_model_get_n_items (sl_ledger_get_organizations (fixture->ledger)), ==, organizations);
  key (fixture, GDK_KEY_Escape, 0);
  SL_TEST_WAIT_FOR (!gtk_widget_has_css_class (kind_row, "has-open-popup"));
  g_assert_cmpuint (g_list_model_get_n_items (sl_ledger_get_organizations (fixture->ledger)), ==, organizations);
  gtk_window_destroy (GTK_WINDOW (dialog));

  dialog = roster_preview (fixture, csv, &imported);
  target_row = GTK_WIDGET (gtk_widget_get_template_child (dialog, SL_TYPE_ROSTER_DIALOG, "target_row"));
  gtk_widget_grab_focus (target_row);
  sl_test_keys_settle ();
  key (fixture, GDK_KEY_Return, 0);
  SL_TEST_WAIT_FOR (gtk_widget_has_css_class (target_row, "has-open-popup"));
  g_assert_null (imported);
  key (fixture, GDK_KEY_Escape, 0);
  SL_TEST_WAIT_FOR (!gtk_widget_has_css_class (target_row, "has-open-popup"));
  g_assert_null (imported);
  gtk_window_destroy (GTK_WINDOW (dialog));
}

/* The window's year list behaves as the kinds' (sl_drop_down_keys_install()):
 * it opens on the year shown, and Return picks the focused year. */
static void
test_year_return (Fixture *fixture, gconstpointer data)
{
  GtkWidget *dropdown;
  GListModel *years;
  guint shown;

  SKIP_WITHOUT_XTEST (fixture);

  /* Meetings of 2023 and 2024 too, so that 2024 lies between two years. */
  for (int year = 2023; year <= 2024; year++)
    {
      g_autoptr(SlMeeting) meeting = sl_meeting_new ();
      g_autofree char *date = g_strdup_printf ("%d-06-01", year);
      g_autoptr(GError) error = NULL;

      sl_meeting_set_organization (meeting, fixture->organization);
      sl_meeting_set_kind (meeting, SL_MEETING_KIND_PARTY_GROUP);
      sl_meeting_set_sequence (meeting, 1);
      sl_meeting_set_title (meeting, "局党组会议");
      sl_meeting_set_date (meeting, date);
      g_assert_true (sl_ledger_save_meeting (fixture->ledger, meeting, SL_SAVE_REPLACE, &error));
      g_assert_no_error (error);
    }
  sl_window_reload (fixture->window);
  sl_window_set_year (fixture->window, 2024);
  sl_test_keys_settle ();

  dropdown = sl_test_find_mapped (GTK_WIDGET (fixture->window), GTK_TYPE_DROP_DOWN);
  g_assert_nonnull (dropdown);
  years = gtk_drop_down_get_model (GTK_DROP_DOWN (dropdown));
  shown = gtk_drop_down_get_selected (GTK_DROP_DOWN (dropdown));
  g_assert_cmpuint (shown, >, 0);
  g_assert_cmpuint (shown + 1, <, g_list_model_get_n_items (years));

  gtk_widget_grab_focus (dropdown);
  sl_test_keys_settle ();
  key (fixture, GDK_KEY_space, 0);
  SL_TEST_WAIT_FOR (focused_item (fixture) != NULL);
  g_assert_cmpstr (focused_item (fixture), ==, gtk_string_list_get_string (GTK_STRING_LIST (years), shown));
  key (fixture, GDK_KEY_Home, 0);
  key (fixture, GDK_KEY_Return, 0);
  SL_TEST_WAIT_FOR (focused_item (fixture) == NULL);
  g_assert_cmpuint (gtk_drop_down_get_selected (GTK_DROP_DOWN (dropdown)), ==, 0);
  g_assert_cmpint (sl_window_get_year (fixture->window), !=, 2024);
}

int
main (int argc, char **argv)
{
  sl_test_gtk_init (&argc, &argv);

#define ADD(name, func) \
  g_test_add ("/window-keyboard/" name, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("log-meeting", test_log_meeting);
  ADD ("popover-focus-trap", test_popover_focus_trap);
  ADD ("chips-one-tab-stop", test_chips_one_tab_stop);
  ADD ("add-person-keys", test_add_person_keys);
  ADD ("add-people-marked", test_add_people_marked);
  ADD ("add-everyone-keys", test_add_everyone_keys);
  ADD ("kind-return", test_kind_return);
  ADD ("roster-keys", test_roster_keys);
  ADD ("add-person-escape", test_add_person_escape);
  ADD ("year-return", test_year_return);
  ADD ("combo-row-return", test_combo_row_return);
  ADD ("add-person-button-escape", test_add_person_button_escape);
#undef ADD

  return g_test_run ();
}
