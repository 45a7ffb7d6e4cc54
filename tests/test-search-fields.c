/* test-search-fields.c — search finds everything typed that names a meeting
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * What the testers found missing (issues 15 and 16): a speech's title, a
 * guest's 点评意见 and the decisions were not searchable; part of a name
 * (犇 of 李犇, 欧阳 of 欧阳明) found nothing; a research topic's hit was
 * dated "2025"; snippets did not show the match. A small ledger, built
 * through SlLedger in a real SQLite file and counted by hand:
 *
 *   M1 2025-03-10  李犇 chairs; 欧阳明 speaks, titled 以生态文明引领高质量发展
 *   M2 2025-05-10  a superior guest 张华 of 市委组织部 remarks
 *                  学习扎实，建议细化整改清单
 *   M3 2025-06-10  decided 明确分工压实责任, in 三楼会议室
 *   M4 2024-04-10  its theme and a guest's remark both say 细化
 *   T  2025        欧阳明's research topic 基层治理调研, note 走访乡镇
 *
 * Each is found through the library and through the real study-ledger
 * (--json and text), from the index (no fallback read), and a ledger of
 * schema 8 is reindexed on opening.
 */

#include "config.h"

#include <string.h>
#include <sys/wait.h>

#include <glib/gstdio.h>

#include "sl-database.h"
#include "sl-guest.h"
#include "sl-ledger.h"
#include "sl-meeting.h"
#include "sl-member.h"
#include "sl-organization.h"
#include "sl-research-topic.h"
#include "sl-search.h"
#include "sl-speech.h"
#include "sl-test-util.h"

typedef struct
{
  char       *folder;
  char       *path;
  SlLedger   *ledger;
  char       *organization;
  char       *li_ben, *ouyang;
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
add_guest (SlMeeting  *meeting,
           const char *name,
           const char *unit,
           const char *remarks)
{
  g_autoptr(SlGuest) guest = sl_guest_new ();

  sl_guest_set_name (guest, name);
  sl_guest_set_unit (guest, unit);
  sl_guest_set_superior (guest, TRUE);
  sl_guest_set_remarks (guest, remarks);
  g_list_store_append (G_LIST_STORE (sl_meeting_get_guests (meeting)), guest);
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
  g_autoptr(SlSpeech) speech = sl_speech_new ();
  g_autoptr(GError) error = NULL;
  SlMeeting *meeting;

  fixture->folder = make_temp_folder ("test-search-fields-XXXXXX");
  fixture->path = g_build_filename (fixture->folder, "ledger.db", NULL);
  fixture->ledger = sl_ledger_open (fixture->path, &error);
  g_assert_no_error (error);
  fixture->labels = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  sl_organization_set_name (organization, "某某局党组");
  sl_organization_set_kind (organization, SL_ORGANIZATION_KIND_PARTY_GROUP);
  sl_ledger_save_organization (fixture->ledger, organization, &error);
  g_assert_no_error (error);
  fixture->organization = g_strdup (sl_record_get_id (SL_RECORD (organization)));

  fixture->li_ben = add_member (fixture, "李犇");
  fixture->ouyang = add_member (fixture, "欧阳明");

  meeting = new_meeting (fixture, "2025-03-10", "部署工作");
  sl_meeting_set_chair (meeting, fixture->li_ben);
  sl_speech_set_speaker (speech, fixture->ouyang);
  sl_speech_set_title (speech, "以生态文明引领高质量发展");
  sl_speech_set_points (speech, "谈了认识");
  g_list_store_append (G_LIST_STORE (sl_meeting_get_speeches (meeting)), speech);
  save (fixture, meeting, "M1");

  meeting = new_meeting (fixture, "2025-05-10", "工作例会");
  add_guest (meeting, "张华", "市委组织部", "学习扎实，建议细化整改清单");
  save (fixture, meeting, "M2");

  meeting = new_meeting (fixture, "2025-06-10", "研究部署");
  sl_meeting_set_decisions (meeting, "明确分工压实责任");
  sl_meeting_set_place (meeting, "三楼会议室");
  save (fixture, meeting, "M3");

  meeting = new_meeting (fixture, "2024-04-10", "细化任务");
  add_guest (meeting, "刘强", "市纪委", "台账要再细化");
  save (fixture, meeting, "M4");

  sl_research_topic_set_organization (topic, fixture->organization);
  sl_research_topic_set_year (topic, 2025);
  sl_research_topic_set_lead (topic, fixture->ouyang);
  sl_research_topic_set_title (topic, "基层治理调研");
  sl_research_topic_set_note (topic, "走访乡镇");
  sl_research_topic_set_status (topic, SL_TOPIC_STATUS_IN_PROGRESS);
  sl_ledger_save_research_topic (fixture->ledger, topic, &error);
  g_assert_no_error (error);
  g_hash_table_insert (fixture->labels, g_strdup (sl_record_get_id (SL_RECORD (topic))), (gpointer) "T");
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_clear_object (&fixture->ledger);
  remove_tree (fixture->folder);
  g_clear_pointer (&fixture->labels, g_hash_table_unref);
  g_free (fixture->li_ben);
  g_free (fixture->ouyang);
  g_free (fixture->organization);
  g_free (fixture->path);
  g_free (fixture->folder);
}

/* "M1 speech_title | T research_lead 欧阳明 2025-12-31" */
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
      if (hit->field != NULL)
        g_string_append_printf (text, " %s", hit->field);
      if (hit->roles != NULL)
        {
          g_autofree char *roles = g_strjoinv (",", hit->roles);
          const char *who = g_strcmp0 (hit->member, fixture->li_ben) == 0 ? "李犇" :
                            g_strcmp0 (hit->member, fixture->ouyang) == 0 ? "欧阳明" : "?";

          g_string_append_printf (text, " %s %s", roles, who);
        }
      if (hit->topic != NULL)
        g_string_append_printf (text, " %s", hit->date);
    }
  return g_string_free (text, FALSE);
}

/* The hits for @query, described; asserts that the index answered. */
static char *
search (Fixture    *fixture,
        const char *query)
{
  g_autoptr(GError) error = NULL;
  guint reads = sl_search_get_fallback_reads ();
  g_autoptr(GPtrArray) hits = sl_search_run (sl_ledger_get_database (fixture->ledger), query, 0,
                                             &error);
  char *found;

  g_assert_no_error (error);
  g_assert_cmpuint (sl_search_get_fallback_reads (), ==, reads);
  found = describe (fixture, hits);
  g_test_message ("search “%s” → %s", query, found);
  return found;
}

/* A speech's title, a guest's unit and 点评意见, the decisions and the
 * place: each found, with the field it is in. */
static void
test_fields (Fixture       *fixture,
             gconstpointer  data)
{
  g_autofree char *title = search (fixture, "生态文明");
  g_autofree char *remark = search (fixture, "整改清单");
  g_autofree char *unit = search (fixture, "组织部");
  g_autofree char *decided = search (fixture, "分工");
  g_autofree char *place = search (fixture, "三楼");
  g_autofree char *guest = search (fixture, "张华");
  g_autofree char *both = search (fixture, "细化");

  g_assert_cmpstr (title, ==, "M1 speech_title");
  g_assert_cmpstr (remark, ==, "M2 guest_remarks");
  g_assert_cmpstr (unit, ==, "M2 guest_unit");
  g_assert_cmpstr (decided, ==, "M3 decisions");
  g_assert_cmpstr (place, ==, "M3 place");
  g_assert_cmpstr (guest, ==, "M2 guest");
  /* Ranked: M4 holds 细化 twice (theme and remark) and comes first,
   * though older; the snippet is from its theme, read first. */
  g_assert_cmpstr (both, ==, "M4 theme | M2 guest_remarks");
}

/* Part of a name finds the member's part in meetings and their research
 * topic, the role in each hit; the topic is dated its year's last day. */
static void
test_part_of_a_name (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autofree char *ben = search (fixture, "犇");
  g_autofree char *ouyang = search (fixture, "欧阳");
  g_autofree char *whole = search (fixture, "欧阳明");
  g_autofree char *nobody = search (fixture, "欧阳锋");

  g_assert_cmpstr (ben, ==, "M1 chair 李犇");
  g_assert_cmpstr (ouyang, ==, "T research_lead 欧阳明 2025-12-31 | M1 speaker 欧阳明");
  g_assert_cmpstr (whole, ==, ouyang);
  g_assert_cmpstr (nobody, ==, "");
}

/* A research topic found by its text; its date is a date. */
static void
test_topic_by_text (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autofree char *note = search (fixture, "走访");
  g_autofree char *title = search (fixture, "治理 调研");

  g_assert_cmpstr (note, ==, "T research_topic_note 2025-12-31");
  g_assert_cmpstr (title, ==, "T research_topic 2025-12-31");
}

/* The real study-ledger: "snippet" has the match in 【】, "field" and
 * "role" say where it is, a topic's "date" is a date and "year" its year;
 * the text output brackets the match too (not a terminal: no escape
 * codes). */
static void
test_cli (Fixture       *fixture,
          gconstpointer  data)
{
  const char *program = cli_path ();
  g_auto(GStrv) env = g_environ_setenv (g_get_environ (), "LC_ALL", "C.UTF-8", TRUE);
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *out = NULL, *err = NULL, *text = NULL, *topics = NULL;
  const char *remark_argv[] = { program, "--database", fixture->path, "search", "细化", "--json", NULL };
  const char *text_argv[] = { program, "--database", fixture->path, "search", "细化", NULL };
  const char *name_argv[] = { program, "--database", fixture->path, "search", "欧阳", "--json", NULL };
  JsonArray *hits;
  JsonObject *hit;
  int status;

  if (program == NULL)
    {
      g_test_skip ("STUDY_LEDGER is not set");
      return;
    }
  env = g_environ_unsetenv (env, "LANGUAGE");
  g_clear_object (&fixture->ledger);

  status = spawn_captured (fixture->folder, env, NULL, remark_argv, &out, &err);
  g_assert_true (WIFEXITED (status) && WEXITSTATUS (status) == 0);
  json_parser_load_from_data (parser, out, -1, &error);
  g_assert_no_error (error);
  hits = json_node_get_array (json_parser_get_root (parser));
  g_assert_cmpuint (json_array_get_length (hits), ==, 2);
  hit = json_array_get_object_element (hits, 1);
  g_assert_cmpstr (json_object_get_string_member (hit, "date"), ==, "2025-05-10");
  g_assert_cmpstr (json_object_get_string_member (hit, "field"), ==, "guest_remarks");
  g_assert_cmpstr (json_object_get_string_member (hit, "snippet"), ==, "学习扎实，建议【细化】整改清单");
  g_assert_false (json_object_has_member (hit, "role"));
  hit = json_array_get_object_element (hits, 0);
  g_assert_cmpstr (json_object_get_string_member (hit, "snippet"), ==, "【细化】任务");

  g_clear_pointer (&err, g_free);
  status = spawn_captured (fixture->folder, env, NULL, text_argv, &text, &err);
  g_assert_true (WIFEXITED (status) && WEXITSTATUS (status) == 0);
  g_assert_nonnull (strstr (text, "    学习扎实，建议【细化】整改清单\n"));
  g_assert_null (strstr (text, "\033"));

  g_clear_pointer (&err, g_free);
  status = spawn_captured (fixture->folder, env, NULL, name_argv, &topics, &err);
  g_assert_true (WIFEXITED (status) && WEXITSTATUS (status) == 0);
  json_parser_load_from_data (parser, topics, -1, &error);
  g_assert_no_error (error);
  hits = json_node_get_array (json_parser_get_root (parser));
  g_assert_cmpuint (json_array_get_length (hits), ==, 2);
  hit = json_array_get_object_element (hits, 0);
  g_assert_true (JSON_NODE_HOLDS_NULL (json_object_get_member (hit, "meeting")));
  g_assert_cmpstr (json_object_get_string_member (hit, "date"), ==, "2025-12-31");
  g_assert_cmpint (json_object_get_int_member (hit, "year"), ==, 2025);
  g_assert_cmpstr (json_object_get_string_member (hit, "role"), ==, "research_lead");
  g_assert_cmpstr (json_object_get_string_member (hit, "member"), ==, fixture->ouyang);
  g_assert_nonnull (strstr (json_object_get_string_member (hit, "snippet"), "【欧阳】明"));
  hit = json_array_get_object_element (hits, 1);
  g_assert_cmpstr (json_object_get_string_member (hit, "role"), ==, "speaker");
  g_assert_cmpstr (json_object_get_string_member (hit, "date"), ==, "2025-03-10");
}

/* A ledger of schema 8, whose search_text had no speech titles nor
 * guests, is rewritten and reindexed on opening: found from the index,
 * with nothing left queued. */
static void
test_migration (void)
{
  g_autofree char *folder = make_temp_folder ("test-search-fields-XXXXXX");
  g_autofree char *path = g_build_filename (folder, "old.db", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(SlDatabase) old = sl_database_open_at_version (path, 8, &error);
  g_autoptr(SlLedger) ledger = NULL;
  g_autoptr(GPtrArray) hits = NULL;
  SlDatabase *database;
  guint reads;

  g_assert_no_error (error);
  g_assert_true (sl_database_exec (old,
                    "INSERT INTO organizations (id, uuid, name) VALUES (1, 'o', '机关党委');"
                    "INSERT INTO meetings (id, uuid, organization_id, kind, title, date, theme,"
                    "  decisions, session_topics)"
                    "  VALUES (1, 'm1', 1, 'central_group', '中心组学习', '2023-01-05', '部署工作',"
                    "  '压实责任', '[\"如何推进乡村振兴\"]');"
                    "INSERT INTO meetings (id, uuid, organization_id, kind, title, date, theme)"
                    "  VALUES (2, 'm2', 1, 'party_group', '党组会议', '2023-02-05', '工作例会');"
                    "INSERT INTO speeches (meeting_id, position, points, title)"
                    "  VALUES (2, 0, '谈体会', '以生态文明引领发展');"
                    "INSERT INTO guests (meeting_id, position, name, unit, superior, remarks)"
                    "  VALUES (1, 0, '张华', '市委组织部', 1, '建议细化清单');",
                    &error));
  g_assert_no_error (error);
  g_clear_object (&old);

  ledger = sl_ledger_open (path, &error);
  g_assert_no_error (error);
  database = sl_ledger_get_database (ledger);
  g_assert_cmpint (sl_database_get_version (database), ==, 9);
  g_assert_true (sl_database_exec (database,
                                   "INSERT INTO search_index (search_index) VALUES ('integrity-check')",
                                   &error));
  g_assert_no_error (error);

  reads = sl_search_get_fallback_reads ();
  {
    const char *queries[][2] = {
      { "生态", "m2" }, { "细化", "m1" }, { "组织部", "m1" }, { "压实", "m1" }, { "乡村振兴", "m1" },
    };

    for (guint i = 0; i < G_N_ELEMENTS (queries); i++)
      {
        hits = sl_search_run (database, queries[i][0], 0, &error);
        g_assert_no_error (error);
        g_assert_cmpuint (hits->len, ==, 1);
        g_assert_cmpstr (((SlSearchHit *) g_ptr_array_index (hits, 0))->meeting, ==, queries[i][1]);
        g_clear_pointer (&hits, g_ptr_array_unref);
      }
  }
  g_assert_cmpuint (sl_search_get_fallback_reads (), ==, reads);

  /* The new triggers keep it: a guest's remark changed by plain SQL. */
  g_assert_true (sl_database_exec (database,
                                   "UPDATE guests SET remarks = '抓好落实' WHERE meeting_id = 1",
                                   &error));
  hits = sl_search_run (database, "细化", 0, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (hits->len, ==, 0);
  g_clear_pointer (&hits, g_ptr_array_unref);
  hits = sl_search_run (database, "落实", 0, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (hits->len, ==, 1);

  g_clear_object (&ledger);
  remove_tree (folder);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/search-fields/migration", test_migration);
#define ADD(path, func) \
  g_test_add ("/search-fields/" path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("fields", test_fields);
  ADD ("part-of-a-name", test_part_of_a_name);
  ADD ("topic-by-text", test_topic_by_text);
  ADD ("cli", test_cli);
#undef ADD

  return g_test_run ();
}
