/* test-search-people.c — searching a member's name finds their part
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A small ledger, counted by hand: two members named 张三 (namesakes, A
 * and B) and 李四 (C) chair, record, attend, take leave, are absent, lead
 * studies, speak, own measures and lead a research topic across four
 * meetings; a fifth names 张三 only in its text. Searching a name finds
 * every part of every member of that name, the role in each hit, and the
 * meetings whose text names them; through the library and through the
 * real study-ledger (--json and text).
 */

#include "config.h"

#include <string.h>
#include <sys/wait.h>

#include <glib/gstdio.h>

#include "sl-attendance.h"
#include "sl-database.h"
#include "sl-ledger.h"
#include "sl-measure.h"
#include "sl-meeting.h"
#include "sl-member.h"
#include "sl-organization.h"
#include "sl-research-topic.h"
#include "sl-search.h"
#include "sl-speech.h"
#include "sl-study.h"

typedef struct
{
  char     *folder;
  char     *path;
  SlLedger *ledger;
  char     *organization;
  char     *a, *b, *c;           /* 张三, 张三, 李四 */
  GHashTable *labels;            /* meeting or topic id → "M1"... */
} Fixture;

static char *
add_member (Fixture    *fixture,
            const char *name)
{
  g_autoptr(SlMember) member = sl_member_new ();
  g_autoptr(GError) error = NULL;

  sl_member_set_name (member, name);
  sl_member_set_organization (member, fixture->organization);
  sl_ledger_save_member (fixture->ledger, member, &error);
  g_assert_no_error (error);
  return g_strdup (sl_record_get_id (SL_RECORD (member)));
}

static void
attend (SlMeeting          *meeting,
        const char         *member,
        SlAttendanceStatus  status)
{
  g_autoptr(SlAttendance) attendance = sl_attendance_new ();

  sl_attendance_set_member (attendance, member);
  sl_attendance_set_status (attendance, status);
  if (status == SL_ATTENDANCE_STATUS_LEAVE)
    {
      sl_attendance_set_leave_kind (attendance, SL_LEAVE_KIND_OFFICIAL);
      sl_attendance_set_reason (attendance, "出差");
    }
  g_list_store_append (G_LIST_STORE (sl_meeting_get_attendance (meeting)), attendance);
}

static void
add_study (SlMeeting  *meeting,
           const char *lead)
{
  g_autoptr(SlStudy) study = sl_study_new ();

  sl_study_set_title (study, "党章");
  sl_study_set_lead (study, lead);
  g_list_store_append (G_LIST_STORE (sl_meeting_get_studies (meeting)), study);
}

static void
add_speech (SlMeeting  *meeting,
            const char *speaker)
{
  g_autoptr(SlSpeech) speech = sl_speech_new ();

  sl_speech_set_speaker (speech, speaker);
  sl_speech_set_points (speech, "谈了认识");
  g_list_store_append (G_LIST_STORE (sl_meeting_get_speeches (meeting)), speech);
}

static void
add_measure (SlMeeting  *meeting,
             const char *owner)
{
  g_autoptr(SlMeasure) measure = sl_measure_new ();

  sl_measure_set_text (measure, "细化清单");
  sl_measure_set_owner (measure, owner);
  sl_measure_set_status (measure, SL_MEASURE_STATUS_OPEN);
  g_list_store_append (G_LIST_STORE (sl_meeting_get_measures (meeting)), measure);
}

static SlMeeting *
new_meeting (Fixture    *fixture,
             const char *date,
             const char *theme)
{
  SlMeeting *meeting = sl_meeting_new ();

  sl_meeting_set_organization (meeting, fixture->organization);
  sl_meeting_set_kind (meeting, SL_MEETING_KIND_PARTY_GROUP);
  sl_meeting_set_date (meeting, date);
  sl_meeting_set_title (meeting, "党组会议");
  sl_meeting_set_theme (meeting, theme);
  return meeting;
}

static void
save (Fixture    *fixture,
      SlMeeting  *meeting,
      const char *label)
{
  g_autoptr(GError) error = NULL;

  sl_ledger_save_meeting (fixture->ledger, meeting, SL_SAVE_REPLACE, &error);
  g_assert_no_error (error);
  g_hash_table_insert (fixture->labels, g_strdup (sl_record_get_id (SL_RECORD (meeting))),
                       (gpointer) label);
  g_object_unref (meeting);
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(SlOrganization) organization = sl_organization_new ();
  g_autoptr(SlResearchTopic) topic = sl_research_topic_new ();
  g_autoptr(GError) error = NULL;
  SlMeeting *meeting;

  fixture->folder = g_dir_make_tmp ("test-search-people-XXXXXX", &error);
  g_assert_no_error (error);
  fixture->path = g_build_filename (fixture->folder, "ledger.db", NULL);
  fixture->ledger = sl_ledger_open (fixture->path, &error);
  g_assert_no_error (error);
  fixture->labels = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  sl_organization_set_name (organization, "某某局党组");
  sl_organization_set_kind (organization, SL_ORGANIZATION_KIND_PARTY_GROUP);
  sl_ledger_save_organization (fixture->ledger, organization, &error);
  g_assert_no_error (error);
  fixture->organization = g_strdup (sl_record_get_id (SL_RECORD (organization)));

  fixture->a = add_member (fixture, "张三");
  fixture->b = add_member (fixture, "张三");
  fixture->c = add_member (fixture, "李四");

  /* M1: A chairs, speaks, is present; B leads the study, is on leave;
   * C records, owns the measure, is present. */
  meeting = new_meeting (fixture, "2023-01-10", "学习党章");
  sl_meeting_set_chair (meeting, fixture->a);
  sl_meeting_set_recorder (meeting, fixture->c);
  attend (meeting, fixture->a, SL_ATTENDANCE_STATUS_PRESENT);
  attend (meeting, fixture->b, SL_ATTENDANCE_STATUS_LEAVE);
  attend (meeting, fixture->c, SL_ATTENDANCE_STATUS_PRESENT);
  add_study (meeting, fixture->b);
  add_speech (meeting, fixture->a);
  add_speech (meeting, fixture->a);
  add_measure (meeting, fixture->c);
  save (fixture, meeting, "M1");

  /* M2: C chairs; A records, owns a measure, is absent; B speaks, is
   * present. */
  meeting = new_meeting (fixture, "2023-02-10", "部署工作");
  sl_meeting_set_chair (meeting, fixture->c);
  sl_meeting_set_recorder (meeting, fixture->a);
  attend (meeting, fixture->a, SL_ATTENDANCE_STATUS_ABSENT);
  attend (meeting, fixture->b, SL_ATTENDANCE_STATUS_PRESENT);
  add_speech (meeting, fixture->b);
  add_measure (meeting, fixture->a);
  save (fixture, meeting, "M2");

  /* M3: none of them; its theme names 张三. */
  meeting = new_meeting (fixture, "2023-03-10", "张三同志作专题辅导");
  save (fixture, meeting, "M3");

  /* M4: B chairs. */
  meeting = new_meeting (fixture, "2023-04-10", "形势分析");
  sl_meeting_set_chair (meeting, fixture->b);
  save (fixture, meeting, "M4");

  /* M5: nobody, nothing. */
  meeting = new_meeting (fixture, "2023-05-10", "工作例会");
  save (fixture, meeting, "M5");

  sl_research_topic_set_organization (topic, fixture->organization);
  sl_research_topic_set_year (topic, 2023);
  sl_research_topic_set_lead (topic, fixture->a);
  sl_research_topic_set_title (topic, "基层减负调研");
  sl_research_topic_set_status (topic, SL_TOPIC_STATUS_IN_PROGRESS);
  sl_ledger_save_research_topic (fixture->ledger, topic, &error);
  g_assert_no_error (error);
  g_hash_table_insert (fixture->labels, g_strdup (sl_record_get_id (SL_RECORD (topic))), (gpointer) "T");
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autofree char *wal = g_strconcat (fixture->path, "-wal", NULL);
  g_autofree char *shm = g_strconcat (fixture->path, "-shm", NULL);

  g_clear_object (&fixture->ledger);
  g_unlink (fixture->path);
  g_unlink (wal);
  g_unlink (shm);
  g_rmdir (fixture->folder);
  g_clear_pointer (&fixture->labels, g_hash_table_unref);
  g_free (fixture->a);
  g_free (fixture->b);
  g_free (fixture->c);
  g_free (fixture->organization);
  g_free (fixture->path);
  g_free (fixture->folder);
}

/* "M4 b chair | M2 a recorder,measure_owner,absent | ..." */
static char *
describe (Fixture   *fixture,
          GPtrArray *hits)
{
  GString *text = g_string_new (NULL);

  for (guint i = 0; i < hits->len; i++)
    {
      SlSearchHit *hit = g_ptr_array_index (hits, i);
      const char *id = hit->meeting ? hit->meeting : hit->topic;

      if (i > 0)
        g_string_append (text, " | ");
      g_string_append (text, g_hash_table_lookup (fixture->labels, id));
      if (hit->roles != NULL)
        {
          g_autofree char *roles = g_strjoinv (",", hit->roles);
          const char *who = g_strcmp0 (hit->member, fixture->a) == 0 ? "a" :
                            g_strcmp0 (hit->member, fixture->b) == 0 ? "b" :
                            g_strcmp0 (hit->member, fixture->c) == 0 ? "c" : "?";

          g_string_append_printf (text, " %s %s", who, roles);
        }
    }
  return g_string_free (text, FALSE);
}

static char *
search (Fixture    *fixture,
        const char *query,
        guint       limit)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) hits = sl_search_run (sl_ledger_get_database (fixture->ledger), query, limit,
                                             &error);
  char *found;

  g_assert_no_error (error);
  found = describe (fixture, hits);
  g_test_message ("search “%s” → %s", query, found);
  return found;
}

static void
test_each_role (Fixture       *fixture,
                gconstpointer  data)
{
  g_autofree char *zhang = search (fixture, "张三", 0);
  g_autofree char *li = search (fixture, "李四", 0);
  g_autofree char *spaced = search (fixture, " 李四\u3000", 0);
  g_autofree char *limited = search (fixture, "张三", 2);

  /* Both 张三, newest first, every part; the topic first, dated its
   * year's last day; then M3, whose text names 张三. Counted by hand:
   * 6 + 1. */
  g_assert_cmpstr (zhang, ==,
                   "T a research_lead"
                   " | M4 b chair"
                   " | M2 a recorder,measure_owner,absent"
                   " | M2 b speaker,present"
                   " | M1 a chair,speaker,present"
                   " | M1 b study_lead,leave"
                   " | M3");
  g_assert_cmpstr (li, ==, "M2 c chair | M1 c recorder,measure_owner,present");
  g_assert_cmpstr (spaced, ==, li);
  g_assert_cmpstr (limited, ==, "T a research_lead | M4 b chair");
}

static void
test_not_a_name (Fixture       *fixture,
                 gconstpointer  data)
{
  /* Part of a name finds the text first, then both 张三's parts; a name
   * with another word: text only. */
  g_autofree char *part = search (fixture, "张", 0);
  g_autofree char *two = search (fixture, "张三 专题", 0);
  g_autofree char *nobody = search (fixture, "王五", 0);

  g_assert_cmpstr (part, ==,
                   "M3"
                   " | T a research_lead"
                   " | M4 b chair"
                   " | M2 a recorder,measure_owner,absent"
                   " | M2 b speaker,present"
                   " | M1 a chair,speaker,present"
                   " | M1 b study_lead,leave");
  g_assert_cmpstr (two, ==, "M3");
  g_assert_cmpstr (nobody, ==, "");
}

static void
test_role_labels (void)
{
  const char *codes[] = { "chair", "recorder", "present", "leave", "absent", "study_lead",
                          "speaker", "measure_owner", "research_lead", NULL };
  g_autofree char *label = sl_search_roles_label (codes);

  /* Untranslated here (C locale); po/zh_CN.po gives 主持, 记录... */
  g_assert_cmpstr (label, ==, "Chair, Recorder, Present, On leave, Absent, Study lead, Speaker, "
                              "Measure owner, Research topic");
}

/* Through the real study-ledger: --json hits carry the role; the text
 * output names it. */
static void
test_cli (Fixture       *fixture,
          gconstpointer  data)
{
  const char *program = g_getenv ("STUDY_LEDGER");
  g_auto(GStrv) env = g_environ_setenv (g_get_environ (), "LC_ALL", "C.UTF-8", TRUE);
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autofree char *text = NULL;
  JsonArray *hits;
  int status = 0;
  const char *json_argv[] = { program, "--database", fixture->path, "search", "李四", "--json", NULL };
  const char *text_argv[] = { program, "--database", fixture->path, "search", "李四", NULL };

  g_assert_nonnull (program);
  env = g_environ_unsetenv (env, "LANGUAGE");
  env = g_environ_unsetenv (env, "G_MESSAGES_DEBUG");
  g_clear_object (&fixture->ledger);

  g_spawn_sync (NULL, (char **) json_argv, env, G_SPAWN_DEFAULT, NULL, NULL, &out, &err, &status, &error);
  g_assert_no_error (error);
  g_assert_true (WIFEXITED (status) && WEXITSTATUS (status) == 0);
  json_parser_load_from_data (parser, out, -1, &error);
  g_assert_no_error (error);
  hits = json_node_get_array (json_parser_get_root (parser));
  g_assert_cmpuint (json_array_get_length (hits), ==, 2);
  for (guint i = 0; i < 2; i++)
    {
      JsonObject *hit = json_array_get_object_element (hits, i);

      g_assert_true (json_object_has_member (hit, "meeting"));
      g_assert_true (json_object_has_member (hit, "date"));
      g_assert_true (json_object_has_member (hit, "title"));
      g_assert_true (json_object_has_member (hit, "snippet"));
      g_assert_cmpstr (json_object_get_string_member (hit, "member"), ==, fixture->c);
    }
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (hits, 0), "role"), ==, "chair");
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (hits, 1), "role"), ==, "recorder");
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (hits, 1), "date"), ==, "2023-01-10");

  g_spawn_sync (NULL, (char **) text_argv, env, G_SPAWN_DEFAULT, NULL, NULL, &text, NULL, &status, &error);
  g_assert_no_error (error);
  g_assert_true (WIFEXITED (status) && WEXITSTATUS (status) == 0);
  g_assert_nonnull (strstr (text, "[Chair]"));
  g_assert_nonnull (strstr (text, "[Recorder, Measure owner, Present]"));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/search-people/role-labels", test_role_labels);
#define ADD(path, func) \
  g_test_add ("/search-people/" path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("each-role", test_each_role);
  ADD ("not-a-name", test_not_a_name);
  ADD ("cli", test_cli);
#undef ADD

  return g_test_run ();
}
