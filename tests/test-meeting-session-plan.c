/* test-meeting-session-plan.c — a central-group session's 学习方案 in the meeting editor
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A widget test, under Xvfb like test-meeting-editor.c: a ledger with a
 * central-group session whose 学习方案 names two 重点发言; the editor on
 * it. The first speech added brings the planned speakers and titles, in
 * order, each a key speech, and they are saved; the next one added is a
 * blank speech after them. The editor's menu exports the session's
 * 学习方案 through win.save-document; a party-group meeting has no such
 * document to export. The window's export path carries the note that
 * names the fonts that stood in, for its toast.
 */

#include "config.h"

#include <adwaita.h>
#include <string.h>

#include "sl-export-job.h"
#include "sl-ledger.h"
#include "sl-meeting.h"
#include "sl-meeting-editor.h"
#include "sl-member.h"
#include "sl-organization.h"
#include "sl-session-plan.h"
#include "sl-speech.h"
#include "sl-test-util.h"
#include "sl-test-display.h"

typedef struct
{
  char           *folder;
  char           *path;
  SlLedger       *ledger;
  char           *members[2];
  char           *session;
  char           *party_group;
  GtkWidget      *window;
  SlMeetingEditor *editor;
} Fixture;

static void
iterate (guint ms)
{
  gint64 end = g_get_monotonic_time () + ms * 1000;

  while (g_get_monotonic_time () < end)
    g_main_context_iteration (NULL, FALSE);
}

static char *
save_meeting (Fixture       *fixture,
              const char    *organization,
              SlMeetingKind  kind,
              const char    *title,
              SlSessionPlan *plan)
{
  g_autoptr(SlMeeting) meeting = sl_meeting_new ();
  g_autoptr(GError) error = NULL;

  sl_meeting_set_organization (meeting, organization);
  sl_meeting_set_kind (meeting, kind);
  sl_meeting_set_title (meeting, title);
  sl_meeting_set_date (meeting, "2023-04-27");
  if (plan != NULL)
    sl_meeting_set_session_plan (meeting, plan);
  sl_ledger_save_meeting (fixture->ledger, meeting, SL_SAVE_REPLACE, &error);
  g_assert_no_error (error);
  return g_strdup (sl_record_get_id (SL_RECORD (meeting)));
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(SlOrganization) organization = sl_organization_new ();
  g_autoptr(SlSessionPlan) plan = sl_session_plan_new ();
  g_autoptr(GError) error = NULL;
  const char *names[] = { "张建国", "孙堃" };
  const char *id;

  fixture->folder = make_temp_folder ("test-meeting-session-plan-XXXXXX");
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

  /* Planned in the order the second member speaks first. */
  sl_session_plan_add_speech (plan, fixture->members[1], "以学促干");
  sl_session_plan_add_speech (plan, fixture->members[0], "抓好落实");
  sl_session_plan_set_approved_by (plan, "张建国");
  sl_session_plan_set_approved_on (plan, "2023-04-24");
  fixture->session = save_meeting (fixture, id, SL_MEETING_KIND_CENTRAL_GROUP,
                                   "测试局党组理论学习中心组2023年第3次集体学习", plan);
  fixture->party_group = save_meeting (fixture, id, SL_MEETING_KIND_PARTY_GROUP,
                                       "测试局党组2023年第5次会议", NULL);

  fixture->editor = SL_MEETING_EDITOR (sl_meeting_editor_new (fixture->ledger));
  fixture->window = gtk_window_new ();
  gtk_window_set_default_size (GTK_WINDOW (fixture->window), 1000, 800);
  gtk_window_set_child (GTK_WINDOW (fixture->window), GTK_WIDGET (fixture->editor));
  gtk_window_present (GTK_WINDOW (fixture->window));
  iterate (100);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  gtk_window_destroy (GTK_WINDOW (fixture->window));
  iterate (50);
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
  iterate (100);
}

static void
assert_speech (GListModel *speeches,
               guint       index,
               const char *speaker,
               const char *title,
               SlSpeechKind kind)
{
  g_autoptr(SlSpeech) speech = g_list_model_get_item (speeches, index);

  g_assert_nonnull (speech);
  g_assert_cmpstr (sl_speech_get_speaker (speech), ==, speaker);
  g_assert_cmpstr (sl_speech_get_title (speech), ==, title);
  g_assert_cmpint (sl_speech_get_kind (speech), ==, kind);
}

static void
test_speeches_from_plan (Fixture       *fixture,
                         gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SlLedger) other = NULL;
  g_autoptr(SlMeeting) stored = NULL;
  GListModel *speeches;

  edit (fixture, fixture->session);
  speeches = sl_meeting_get_speeches (sl_meeting_editor_get_meeting (fixture->editor));
  g_assert_cmpuint (g_list_model_get_n_items (speeches), ==, 0);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->editor), "editor.add-speech", NULL));
  iterate (50);
  g_assert_cmpuint (g_list_model_get_n_items (speeches), ==, 2);
  assert_speech (speeches, 0, fixture->members[1], "以学促干", SL_SPEECH_KIND_KEY);
  assert_speech (speeches, 1, fixture->members[0], "抓好落实", SL_SPEECH_KIND_KEY);

  /* The next one is a speech of its own, after the planned ones. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->editor), "editor.add-speech", NULL));
  iterate (50);
  g_assert_cmpuint (g_list_model_get_n_items (speeches), ==, 3);
  assert_speech (speeches, 2, NULL, NULL, SL_SPEECH_KIND_NONE);

  /* Stored as the editor shows them. */
  g_assert_true (sl_meeting_editor_flush (fixture->editor, &error));
  g_assert_no_error (error);
  other = sl_ledger_open (fixture->path, &error);
  g_assert_no_error (error);
  stored = sl_ledger_load_meeting (other, fixture->session, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (sl_meeting_get_speeches (stored)), >=, 2);
  assert_speech (sl_meeting_get_speeches (stored), 0, fixture->members[1], "以学促干",
                 SL_SPEECH_KIND_KEY);
  assert_speech (sl_meeting_get_speeches (stored), 1, fixture->members[0], "抓好落实",
                 SL_SPEECH_KIND_KEY);
}

/* A party-group meeting's first speech is a blank one: it has no plan. */
static void
test_speech_without_plan (Fixture       *fixture,
                          gconstpointer  data)
{
  GListModel *speeches;

  edit (fixture, fixture->party_group);
  speeches = sl_meeting_get_speeches (sl_meeting_editor_get_meeting (fixture->editor));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->editor), "editor.add-speech", NULL));
  iterate (50);
  g_assert_cmpuint (g_list_model_get_n_items (speeches), ==, 1);
  assert_speech (speeches, 0, NULL, NULL, SL_SPEECH_KIND_NONE);
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

/* Export Session Plan as PDF… asks the window for the session-plan
 * document of this session; it is not offered for another meeting. */
static void
test_export_session_plan (Fixture       *fixture,
                          gconstpointer  data)
{
  g_autoptr(GSimpleActionGroup) win = g_simple_action_group_new ();
  g_autoptr(GSimpleAction) save = g_simple_action_new ("save-document", G_VARIANT_TYPE ("(siss)"));
  g_autofree char *seen = NULL;
  g_autofree char *expected = NULL;

  g_signal_connect (save, "activate", G_CALLBACK (record_activation), &seen);
  g_action_map_add_action (G_ACTION_MAP (win), G_ACTION (save));
  gtk_widget_insert_action_group (fixture->window, "win", G_ACTION_GROUP (win));

  edit (fixture, fixture->session);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->editor),
                                             "editor.export-session-plan", NULL));
  expected = g_strdup_printf ("save-document ('session-plan', 2023, '%s', 'pdf')", fixture->session);
  g_assert_cmpstr (seen, ==, expected);

  g_clear_pointer (&seen, g_free);
  edit (fixture, fixture->party_group);
  gtk_widget_activate_action (GTK_WIDGET (fixture->editor), "editor.export-session-plan", NULL);
  iterate (20);
  g_assert_null (seen);

  gtk_widget_insert_action_group (fixture->window, "win", NULL);
}

static void
async_done_cb (GObject      *source,
               GAsyncResult *result,
               gpointer      user_data)
{
  *(GAsyncResult **) user_data = g_object_ref (result);
}

/* The window's export (sl_document_export_file_async(), which the toast
 * follows) of the 学习方案 says which fonts stood in when the standard's
 * 仿宋 is missing. */
static void
test_export_note (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autofree char *path = g_build_filename (fixture->folder, "session-plan.pdf", NULL);
  g_autofree char *fangsong = NULL;
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  const char *fc_list[] = { "/usr/bin/fc-list", "FangSong", "family", NULL };
  SlDocumentRequest request = {
    .kind = SL_DOCUMENT_SESSION_PLAN, .year = 2023, .meeting = fixture->session,
  };
  const char *note;

  sl_document_export_file_async (fixture->window, fixture->path, &request, SL_DOCUMENT_FORMAT_PDF,
                                 path, NULL, async_done_cb, &result);
  for (guint i = 0; i < 600 && result == NULL; i++)
    iterate (50);
  g_assert_nonnull (result);
  g_assert_true (sl_document_export_file_finish (result, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_test (path, G_FILE_TEST_IS_REGULAR));

  note = sl_document_export_file_get_note (result);
  g_test_message ("note: %s", note ? note : "(none)");
  if (g_file_test (fc_list[0], G_FILE_TEST_IS_EXECUTABLE))
    spawn_captured (NULL, NULL, NULL, fc_list, &fangsong, NULL);
  if (fangsong != NULL && *fangsong == '\0')
    {
      g_assert_nonnull (note);
      g_assert_nonnull (strstr (note, "仿宋_GB2312 → "));
    }
}

int
main (int   argc,
      char *argv[])
{
  g_setenv ("SL_TODAY", "2023-05-10", TRUE);
  g_setenv ("GSK_RENDERER", "cairo", FALSE);

  sl_test_gtk_init (&argc, &argv);

  g_test_add ("/meeting-session-plan/speeches-from-plan", Fixture, NULL, fixture_set_up,
              test_speeches_from_plan, fixture_tear_down);
  g_test_add ("/meeting-session-plan/speech-without-plan", Fixture, NULL, fixture_set_up,
              test_speech_without_plan, fixture_tear_down);
  g_test_add ("/meeting-session-plan/export", Fixture, NULL, fixture_set_up,
              test_export_session_plan, fixture_tear_down);
  g_test_add ("/meeting-session-plan/export-note", Fixture, NULL, fixture_set_up,
              test_export_note, fixture_tear_down);

  return g_test_run ();
}
