/* test-window-session-plan.c — entering a 学习方案 through the meeting editor
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A widget test, under Xvfb like test-meeting-session-plan.c. A ledger
 * with a central-group session that has no plan yet; the editor on it.
 * The 学习方案 section (shown for that kind only) takes 研讨题目, two
 * 重点发言 (added, reordered), 学习时长 and the approval; a date that is
 * no day is refused with a message and not stored. After a flush the
 * plan is read back through the core from a second connection, and the
 * real study-ledger ($STUDY_LEDGER) prints it with `export session-plan`
 * (read by pdftotext). A final meeting asks for the reason before a plan
 * edit is kept; Cancel puts the stored plan back.
 */

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>
#include <locale.h>
#include <string.h>
#include <sys/wait.h>

#include "sl-ledger.h"
#include "sl-meeting.h"
#include "sl-meeting-editor.h"
#include "sl-meeting-fields.h"
#include "sl-member.h"
#include "sl-organization.h"
#include "sl-session-plan.h"
#include "sl-test-util.h"
#include "sl-test-window.h"
#include "sl-test-display.h"

#define LIMIT_S 20

typedef struct
{
  char            *folder;
  char            *path;
  SlLedger        *ledger;
  char            *members[2];
  char            *session;
  char            *party_group;
  GtkWidget       *window;
  SlMeetingEditor *editor;
} Fixture;

static GtkWidget *
named (Fixture    *fixture,
       const char *name)
{
  GtkWidget *widget = sl_test_find_named (GTK_WIDGET (fixture->editor), name);

  g_assert_nonnull (widget);
  return widget;
}

static void
wait_for_toplevel (const char *name,
                   gboolean    shown)
{
  gint64 end = g_get_monotonic_time () + LIMIT_S * G_USEC_PER_SEC;

  while ((sl_test_find_toplevel (name, 0) != NULL) != shown && g_get_monotonic_time () < end)
    sl_test_iterate (20);
  g_assert_true ((sl_test_find_toplevel (name, 0) != NULL) == shown);
}

static char *
save_meeting (Fixture       *fixture,
              const char    *organization,
              SlMeetingKind  kind,
              const char    *title)
{
  g_autoptr(SlMeeting) meeting = sl_meeting_new ();
  g_autoptr(GError) error = NULL;

  sl_meeting_set_organization (meeting, organization);
  sl_meeting_set_kind (meeting, kind);
  sl_meeting_set_title (meeting, title);
  sl_meeting_set_date (meeting, "2023-04-27");
  sl_meeting_set_start (meeting, "09:00");
  sl_meeting_set_end (meeting, "11:30");
  sl_meeting_set_place (meeting, "三楼会议室");
  sl_ledger_save_meeting (fixture->ledger, meeting, SL_SAVE_REPLACE, &error);
  g_assert_no_error (error);
  return g_strdup (sl_record_get_id (SL_RECORD (meeting)));
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(SlOrganization) organization = sl_organization_new ();
  g_autoptr(GError) error = NULL;
  const char *names[] = { "张建国", "孙堃" };
  const char *id;

  fixture->folder = make_temp_folder ("test-window-session-plan-XXXXXX");
  fixture->path = g_build_filename (fixture->folder, "ledger.db", NULL);
  fixture->ledger = sl_ledger_open (fixture->path, &error);
  g_assert_no_error (error);

  sl_organization_set_name (organization, "测试局党组");
  sl_organization_set_kind (organization, SL_ORGANIZATION_KIND_PARTY_GROUP);
  sl_ledger_save_organization (fixture->ledger, organization, &error);
  g_assert_no_error (error);
  id = sl_record_get_id (SL_RECORD (organization));

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      g_autoptr(SlMember) member = sl_member_new ();

      sl_member_set_name (member, names[i]);
      sl_member_set_organization (member, id);
      sl_member_set_central_group (member, TRUE);
      sl_member_set_sort (member, i);
      sl_ledger_save_member (fixture->ledger, member, &error);
      g_assert_no_error (error);
      fixture->members[i] = g_strdup (sl_record_get_id (SL_RECORD (member)));
    }

  fixture->session = save_meeting (fixture, id, SL_MEETING_KIND_CENTRAL_GROUP,
                                   "测试局党组理论学习中心组2023年第3次集体学习");
  fixture->party_group = save_meeting (fixture, id, SL_MEETING_KIND_PARTY_GROUP,
                                       "测试局党组2023年第5次会议");

  fixture->editor = SL_MEETING_EDITOR (sl_meeting_editor_new (fixture->ledger));
  fixture->window = gtk_window_new ();
  gtk_window_set_default_size (GTK_WINDOW (fixture->window), 1000, 800);
  gtk_window_set_child (GTK_WINDOW (fixture->window), GTK_WIDGET (fixture->editor));
  gtk_window_present (GTK_WINDOW (fixture->window));
  sl_test_iterate (100);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  gtk_window_destroy (GTK_WINDOW (fixture->window));
  sl_test_iterate (50);
  g_assert_finalize_object (fixture->ledger);
  remove_tree (fixture->folder);
  g_free (fixture->path);
  g_free (fixture->folder);
  g_free (fixture->members[0]);
  g_free (fixture->members[1]);
  g_free (fixture->session);
  g_free (fixture->party_group);
}

static void
edit (Fixture    *fixture,
      const char *id)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SlMeeting) meeting = sl_ledger_load_meeting (fixture->ledger, id, &error);

  g_assert_no_error (error);
  sl_meeting_editor_edit (fixture->editor, meeting, FALSE);
  sl_test_iterate (100);
}

static SlMeeting *
load (Fixture *fixture)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SlLedger) other = sl_ledger_open (fixture->path, &error);
  SlMeeting *meeting;

  g_assert_no_error (error);
  meeting = sl_ledger_load_meeting (other, fixture->session, &error);
  g_assert_no_error (error);
  return meeting;
}

static void
set_text_view (GtkWidget  *view,
               const char *text)
{
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (GTK_TEXT_VIEW (view)), text, -1);
}

/* The @index-th speech row's @part ("dropdown", "entry", "up", "down"). */
static GtkWidget *
speech_part (Fixture    *fixture,
             guint       index,
             const char *part)
{
  GtkListBoxRow *row = gtk_list_box_get_row_at_index (GTK_LIST_BOX (named (fixture, "sl-session-plan-speeches")),
                                                      index);

  g_assert_nonnull (row);
  return g_object_get_data (G_OBJECT (row), part);
}

static void
add_speech (Fixture    *fixture,
            guint       member,
            const char *title)
{
  GtkListBox *list = GTK_LIST_BOX (named (fixture, "sl-session-plan-speeches"));
  guint n = 0;

  while (gtk_list_box_get_row_at_index (list, n) != NULL)
    n++;
  g_signal_emit_by_name (named (fixture, "sl-session-plan-add-speech"), "clicked");
  sl_test_iterate (20);
  /* Position 0 of the picker is “—”; the roster follows in order. */
  gtk_drop_down_set_selected (GTK_DROP_DOWN (speech_part (fixture, n, "dropdown")), member + 1);
  gtk_editable_set_text (GTK_EDITABLE (speech_part (fixture, n, "entry")), title);
}

/* With SL_SCREENSHOT_DIR set (under Xvfb): the section scrolled into
 * view, the screen as `import -window root` sees it. */
static void
shot (Fixture *fixture)
{
  const char *folder = g_getenv ("SL_SCREENSHOT_DIR");
  GtkWidget *section = named (fixture, "sl-session-plan");
  GtkWidget *scroller = gtk_widget_get_ancestor (section, GTK_TYPE_SCROLLED_WINDOW);
  GtkWidget *content = gtk_viewport_get_child (GTK_VIEWPORT (gtk_scrolled_window_get_child (GTK_SCROLLED_WINDOW (scroller))));
  g_autofree char *path = NULL;
  graphene_point_t at;

  if (folder == NULL)
    return;
  sl_test_iterate (300);
  g_assert_true (gtk_widget_compute_point (section, content, &GRAPHENE_POINT_INIT (0, 0), &at));
  gtk_adjustment_set_value (gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (scroller)), at.y - 12);
  sl_test_iterate (500);
  path = g_build_filename (folder, "session-plan.png", NULL);
  {
    const char *argv[] = { "import", "-window", "root", path, NULL };

    g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL,
                                 NULL, NULL, NULL, NULL));
  }
}

static void
test_enter_plan (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SlMeeting) stored = NULL;
  g_autofree char *pdf = NULL;
  g_autofree char *text = NULL;
  g_autofree char *err = NULL;
  g_autofree char *out = NULL;
  g_autofree char *pdftotext = g_find_program_in_path ("pdftotext");
  SlSessionPlan *plan;
  GtkWidget *approved_on;
  const char *cli = cli_path ();

  /* Shown for a central-group session only. */
  edit (fixture, fixture->party_group);
  g_assert_false (gtk_widget_get_visible (named (fixture, "sl-session-plan")));
  edit (fixture, fixture->session);
  g_assert_true (gtk_widget_get_visible (named (fixture, "sl-session-plan")));
  g_assert_null (sl_meeting_get_session_plan (sl_meeting_editor_get_meeting (fixture->editor)));

  set_text_view (named (fixture, "sl-session-plan-topics"), "如何以学促干\n\n  如何抓好整改落实  \n");
  add_speech (fixture, 0, "抓好落实");
  add_speech (fixture, 1, "以学促干");
  /* 孙堃 speaks first: moved up. */
  g_signal_emit_by_name (speech_part (fixture, 1, "up"), "clicked");
  sl_test_iterate (20);
  gtk_spin_button_set_value (GTK_SPIN_BUTTON (named (fixture, "sl-session-plan-hours")), 3.5);
  gtk_editable_set_text (GTK_EDITABLE (named (fixture, "sl-session-plan-approved-by")), "张建国");

  /* A day that does not exist is refused: marked, a message, not stored. */
  approved_on = named (fixture, "sl-session-plan-approved-on");
  gtk_editable_set_text (GTK_EDITABLE (approved_on), "2023-02-30");
  sl_meeting_fields_commit (approved_on);
  sl_test_iterate (20);
  g_assert_true (sl_meeting_fields_has_error (approved_on));
  g_assert_nonnull (sl_meeting_fields_get_message (approved_on));
  plan = sl_meeting_get_session_plan (sl_meeting_editor_get_meeting (fixture->editor));
  g_assert_nonnull (plan);
  g_assert_null (sl_session_plan_get_approved_on (plan));

  /* Typed as people type it, within the session's year. */
  gtk_editable_set_text (GTK_EDITABLE (approved_on), "4月24日");
  sl_meeting_fields_commit (approved_on);
  sl_test_iterate (20);
  g_assert_false (sl_meeting_fields_has_error (approved_on));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (approved_on)), ==, "2023-04-24");
  shot (fixture);

  g_assert_true (sl_meeting_editor_flush (fixture->editor, &error));
  g_assert_no_error (error);

  /* Through the core, from a connection of its own. */
  stored = load (fixture);
  plan = sl_meeting_get_session_plan (stored);
  g_assert_nonnull (plan);
  g_assert_cmpuint (g_strv_length ((char **) sl_session_plan_get_topics (plan)), ==, 2);
  g_assert_cmpstr (sl_session_plan_get_topics (plan)[0], ==, "如何以学促干");
  g_assert_cmpstr (sl_session_plan_get_topics (plan)[1], ==, "如何抓好整改落实");
  g_assert_cmpuint (sl_session_plan_get_n_speeches (plan), ==, 2);
  g_assert_cmpstr (sl_session_plan_get_speech_member (plan, 0), ==, fixture->members[1]);
  g_assert_cmpstr (sl_session_plan_get_speech_title (plan, 0), ==, "以学促干");
  g_assert_cmpstr (sl_session_plan_get_speech_member (plan, 1), ==, fixture->members[0]);
  g_assert_cmpstr (sl_session_plan_get_speech_title (plan, 1), ==, "抓好落实");
  g_assert_cmpstr (sl_session_plan_get_approved_by (plan), ==, "张建国");
  g_assert_cmpstr (sl_session_plan_get_approved_on (plan), ==, "2023-04-24");
  g_assert_cmpfloat (sl_meeting_get_hours (stored), ==, 3.5);

  if (cli == NULL || pdftotext == NULL)
    {
      g_test_skip ("STUDY_LEDGER is not set or pdftotext is missing");
      return;
    }

  /* Printed by the real command. */
  pdf = g_build_filename (fixture->folder, "方案.pdf", NULL);
  {
    const char *argv[] = { cli, "--database", fixture->path, "export", "session-plan",
                           "--meeting", fixture->session, "--output", pdf, NULL };
    const char *totext[] = { pdftotext, "-layout", pdf, "-", NULL };
    int status = spawn_captured (fixture->folder, NULL, NULL, argv, &out, &err);

    g_assert_true (WIFEXITED (status));
    if (WEXITSTATUS (status) != 0)
      g_error ("export session-plan failed: %s", err);
    g_clear_pointer (&err, g_free);
    status = spawn_captured (fixture->folder, NULL, NULL, totext, &text, &err);
    g_assert_true (WIFEXITED (status) && WEXITSTATUS (status) == 0);
  }
  g_assert_nonnull (strstr (text, "如何以学促干"));
  g_assert_nonnull (strstr (text, "如何抓好整改落实"));
  g_assert_nonnull (strstr (text, "以学促干"));
  g_assert_nonnull (strstr (text, "孙堃"));
  /* Not the 2.5 hours of its times: the hours entered. */
  g_assert_nonnull (strstr (text, "3.5小时"));
  g_assert_nonnull (strstr (text, "张建国"));
  /* The speakers in the planned order. */
  g_assert_true (strstr (text, "孙堃") < strstr (text, "抓好落实"));
}

/* A final meeting: the plan is read-only until 修订…; an edit is taken back. */
static void
test_final_asks_reason (Fixture       *fixture,
                        gconstpointer  data)
{
  g_autoptr(SlMeeting) stored = NULL;
  g_autofree char *err = NULL;
  g_autofree char *out = NULL;
  const char *cli = cli_path ();

  if (cli == NULL)
    {
      g_test_skip ("STUDY_LEDGER is not set");
      return;
    }
  {
    const char *argv[] = { cli, "--database", fixture->path, "finalize",
                           "--meeting", fixture->session, "--by", "王五", NULL };
    int status = spawn_captured (fixture->folder, NULL, NULL, argv, &out, &err);

    g_assert_true (WIFEXITED (status));
    if (WEXITSTATUS (status) != 0)
      g_error ("finalize failed: %s", err);
  }

  edit (fixture, fixture->session);
  /* Read-only until 修订… gives a reason; 修订… cancelled keeps it so. */
  g_assert_false (gtk_widget_is_sensitive (named (fixture, "sl-session-plan-topics")));
  gtk_widget_activate_action (GTK_WIDGET (fixture->editor), "editor.revise", NULL);
  wait_for_toplevel ("sl-reason-dialog", TRUE);
  {
    GtkWidget *dialog = sl_test_find_toplevel ("sl-reason-dialog", 0);

    adw_message_dialog_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
    gtk_window_destroy (GTK_WINDOW (dialog));
  }
  wait_for_toplevel ("sl-reason-dialog", FALSE);
  g_assert_false (gtk_widget_is_sensitive (named (fixture, "sl-session-plan-topics")));

  /* An edit that gets through anyway asks nothing and is taken back. */
  set_text_view (named (fixture, "sl-session-plan-topics"), "补充的研讨题目");
  sl_test_iterate (700);   /* past the save delay: nothing may have been written */
  g_assert_null (sl_test_find_toplevel ("sl-reason-dialog", 0));

  g_assert_null (sl_meeting_get_session_plan (sl_meeting_editor_get_meeting (fixture->editor)));
  stored = load (fixture);
  g_assert_null (sl_meeting_get_session_plan (stored));
}

int
main (int   argc,
      char *argv[])
{
  sl_test_gtk_init_english (&argc, &argv);

  g_test_add ("/window/session-plan/enter", Fixture, NULL,
              fixture_set_up, test_enter_plan, fixture_tear_down);
  g_test_add ("/window/session-plan/final-asks-reason", Fixture, NULL,
              fixture_set_up, test_final_asks_reason, fixture_tear_down);

  return g_test_run ();
}
