/* test-people.c — the topic pool, talks, branch reports, study notes and their rules
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * tests/data/year-2023-v2.json is a hand-made version 2 archive of one
 * 党组 (某局党组) with 机关党委 under it and two branches under that:
 *
 *   members   张三 central group, leader; 李四 central group, joined
 *             2023-07-01 and never speaks; 王五 central group; 赵六 of the
 *             first branch; 钱七 central group, left 2022-12-31
 *   meetings  C1 central group 2023-03-10 on ideology, 张三 and 王五 speak,
 *             studies topic 1; C2 central group 2023-09-10, 张三 speaks (and
 *             a guest); PG1 2024-01-30 studies topic 2, PG2 2024-01-31
 *             studies topic 3; trainings TR1 2023-05-20 3.5 h (张三 and 赵六
 *             present, 王五 on leave with a make-up), TR2 2023-11-11 2 h
 *             (张三 present, 赵六 absent), TR3 2022-12-01 10 h (张三)
 *   topics    1 received 2023-03-01, studied 03-10; 2 and 3 received
 *             2023-12-31, studied on day 30 and day 31; 4 received
 *             2023-06-01, never studied; 5 received 2024-01-05; 6 without
 *             a received date
 *   talks     2023: 张三→王五, 张三→外单位同志, 王五→张三; 2024: 张三→王五
 *   reports   第一党支部 2023-H1 only; 第二党支部 2023-H1 and H2
 *   plans     C1's session plan approved 2023-03-08, before it; C2's on
 *             2023-09-12, two days after it
 *
 * Worked out by hand, for 2023: training hours 张三 5.5, 赵六 3.5, 王五 0;
 * talks 张三 2 as initiator, 1 as counterpart, 王五 1 and 1; on ideology 1
 * of 2; topics in time 2 of 4 (1 and 2); speakers 2 of 3 (李四 missing);
 * branch reports H1 2 of 2, H2 1 of 2; session plans approved 1 of 2.
 */

#include "config.h"

#include <glib/gstdio.h>
#include <json-glib/json-glib.h>
#include <sqlite3.h>
#include <sys/wait.h>

#include "sl-archive.h"
#include "sl-branch-report.h"
#include "sl-ledger.h"
#include "sl-ledger-people.h"
#include "sl-meeting.h"
#include "sl-member.h"
#include "sl-rules.h"
#include "sl-session-plan.h"
#include "sl-statistics.h"
#include "sl-study.h"
#include "sl-talk.h"
#include "sl-topic.h"
#include "sl-topic-pool.h"
#include "sl-util.h"

#define O1 "10000000-0000-4000-8000-000000000001"
#define B1 "10000000-0000-4000-8000-000000000003"
#define M1 "20000000-0000-4000-8000-000000000001"
#define M2 "20000000-0000-4000-8000-000000000002"
#define M3 "20000000-0000-4000-8000-000000000003"
#define M4 "20000000-0000-4000-8000-000000000004"
#define T(n) "40000000-0000-4000-8000-00000000000" #n
#define PG1 "50000000-0000-4000-8000-000000000003"
#define PG2 "50000000-0000-4000-8000-000000000004"
#define K1 "60000000-0000-4000-8000-000000000001"

typedef struct
{
  char  *folder;
  char  *database;
  char  *archive;    /* the fixture file */
  char **env;
} Fixture;

typedef struct
{
  int   status;
  char *out;
  char *err;
} Result;

static void
result_clear (Result *result)
{
  g_clear_pointer (&result->out, g_free);
  g_clear_pointer (&result->err, g_free);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Result, result_clear)

static void
remove_tree (const char *path)
{
  if (g_file_test (path, G_FILE_TEST_IS_DIR) && !g_file_test (path, G_FILE_TEST_IS_SYMLINK))
    {
      g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
      const char *name;

      while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
        {
          g_autofree char *child = g_build_filename (path, name, NULL);
          remove_tree (child);
        }
      g_rmdir (path);
    }
  else
    g_unlink (path);
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  fixture->folder = g_dir_make_tmp ("test-people-XXXXXX", &error);
  g_assert_no_error (error);
  fixture->database = g_build_filename (fixture->folder, "ledger.db", NULL);
  fixture->archive = g_test_build_filename (G_TEST_DIST, "data", "year-2023-v2.json", NULL);

  fixture->env = g_get_environ ();
  fixture->env = g_environ_unsetenv (fixture->env, "DISPLAY");
  fixture->env = g_environ_unsetenv (fixture->env, "WAYLAND_DISPLAY");
  fixture->env = g_environ_unsetenv (fixture->env, "LANGUAGE");
  fixture->env = g_environ_setenv (fixture->env, "LC_ALL", "C.UTF-8", TRUE);
  fixture->env = g_environ_setenv (fixture->env, "SL_TODAY", "2025-06-01", TRUE);
  {
    g_autofree char *data_home = g_build_filename (fixture->folder, "xdg-data", NULL);
    fixture->env = g_environ_setenv (fixture->env, "XDG_DATA_HOME", data_home, TRUE);
  }
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  remove_tree (fixture->folder);
  g_clear_pointer (&fixture->env, g_strfreev);
  g_clear_pointer (&fixture->database, g_free);
  g_clear_pointer (&fixture->archive, g_free);
  g_clear_pointer (&fixture->folder, g_free);
}

/* The real program, as a user runs it; it must exit, not die. */
static Result
run_argv (Fixture     *fixture,
          const char **args)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;
  const char *program = g_getenv ("STUDY_LEDGER");
  Result result = { 0 };
  int wait_status = 0;

  g_assert_nonnull (program);
  g_ptr_array_add (argv, (gpointer) program);
  for (guint i = 0; args[i] != NULL; i++)
    g_ptr_array_add (argv, (gpointer) args[i]);
  g_ptr_array_add (argv, NULL);

  g_spawn_sync (fixture->folder, (char **) argv->pdata, fixture->env, G_SPAWN_DEFAULT,
                NULL, NULL, &result.out, &result.err, &wait_status, &error);
  g_assert_no_error (error);
  g_test_message ("exit %d\nstdout: %.300s\nstderr: %s",
                  WIFEXITED (wait_status) ? WEXITSTATUS (wait_status) : -1, result.out, result.err);
  g_assert_true (WIFEXITED (wait_status));

  result.status = WEXITSTATUS (wait_status);
  return result;
}

#define run(fixture, ...) \
  run_argv ((fixture), (const char *[]) { __VA_ARGS__, NULL })

static void
import_fixture (Fixture *fixture)
{
  g_auto(Result) result = run (fixture, "--database", fixture->database,
                               "import-archive", fixture->archive);

  g_assert_cmpint (result.status, ==, 0);
  g_assert_cmpstr (result.err, ==, "");
}

static JsonNode *
parse_text (const char *text)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;

  json_parser_load_from_data (parser, text, -1, &error);
  g_assert_no_error (error);
  return json_node_ref (json_parser_get_root (parser));
}

static JsonNode *
parse_file (const char *path)
{
  g_autofree char *text = NULL;
  g_autoptr(GError) error = NULL;

  g_file_get_contents (path, &text, NULL, &error);
  g_assert_no_error (error);
  return parse_text (text);
}

/* The value at "meetings[2].studies[0].topic" (keys and indexes). */
static JsonNode *
node_at (JsonNode   *root,
         const char *path)
{
  g_auto(GStrv) steps = g_strsplit (path, ".", -1);
  JsonNode *node = root;

  for (guint i = 0; steps[i] != NULL; i++)
    {
      char *bracket = strchr (steps[i], '[');
      int index = -1;

      if (bracket != NULL)
        {
          index = atoi (bracket + 1);
          *bracket = '\0';
        }
      node = json_object_get_member (json_node_get_object (node), steps[i]);
      g_assert_nonnull (node);
      if (index >= 0)
        node = json_array_get_element (json_node_get_array (node), index);
    }

  return node;
}

static JsonObject *
object_at (JsonNode   *root,
           const char *path)
{
  return json_node_get_object (node_at (root, path));
}

static JsonObject *
find_entry (JsonArray  *array,
            const char *key,
            const char *value,
            const char *key2,
            const char *value2)
{
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      JsonObject *object = json_array_get_object_element (array, i);

      if (g_strcmp0 (json_object_get_string_member (object, key), value) == 0 &&
          (key2 == NULL || g_strcmp0 (json_object_get_string_member (object, key2), value2) == 0))
        return object;
    }

  g_error ("no %s %s %s", value, key2 ? key2 : "", value2 ? value2 : "");
}

static void
assert_rule (JsonArray  *compliance,
             const char *rule,
             const char *period,
             gint64      required,
             gint64      actual,
             const char *status)
{
  JsonObject *result = find_entry (compliance, "rule", rule, "period", period);

  g_test_message ("%s %s", rule, period);
  g_assert_cmpint (json_object_get_int_member (result, "required"), ==, required);
  g_assert_cmpint (json_object_get_int_member (result, "actual"), ==, actual);
  g_assert_cmpstr (json_object_get_string_member (result, "status"), ==, status);
}

static JsonNode *
stats_json (Fixture    *fixture,
            const char *today)
{
  g_auto(Result) result = { 0 };

  fixture->env = g_environ_setenv (fixture->env, "SL_TODAY", today, TRUE);
  result = run (fixture, "--database", fixture->database, "stats", "--year", "2023",
                "--organization", "某局党组", "--json");
  g_assert_cmpint (result.status, ==, 0);
  g_assert_cmpstr (result.err, ==, "");
  return parse_text (result.out);
}

/* CLI: stats --json ------------------------------------------------------- */

static void
test_stats (Fixture       *fixture,
            gconstpointer  data)
{
  g_autoptr(JsonNode) root = NULL;
  JsonArray *members, *talks, *compliance;
  JsonObject *talk;

  import_fixture (fixture);
  root = stats_json (fixture, "2025-06-01");

  /* Training hours: present only; leave with a make-up and absence add
   * none; another year's training adds none. */
  members = json_node_get_array (node_at (root, "members"));
  g_assert_cmpfloat (json_object_get_double_member (find_entry (members, "id", M1, NULL, NULL),
                                                    "training_hours"), ==, 5.5);
  g_assert_cmpfloat (json_object_get_double_member (find_entry (members, "id", M2, NULL, NULL),
                                                    "training_hours"), ==, 0.0);
  g_assert_cmpfloat (json_object_get_double_member (find_entry (members, "id", M3, NULL, NULL),
                                                    "training_hours"), ==, 0.0);
  g_assert_cmpfloat (json_object_get_double_member (find_entry (members, "id", M4, NULL, NULL),
                                                    "training_hours"), ==, 3.5);

  /* Talks of 2023, not 2024's; a counterpart who is not a member counts
   * for no one. */
  talks = json_node_get_array (node_at (root, "talks"));
  talk = find_entry (talks, "member", M1, NULL, NULL);
  g_assert_cmpint (json_object_get_int_member (talk, "as_initiator"), ==, 2);
  g_assert_cmpint (json_object_get_int_member (talk, "as_counterpart"), ==, 1);
  talk = find_entry (talks, "member", M3, NULL, NULL);
  g_assert_cmpint (json_object_get_int_member (talk, "as_initiator"), ==, 1);
  g_assert_cmpint (json_object_get_int_member (talk, "as_counterpart"), ==, 1);
  talk = find_entry (talks, "member", M2, NULL, NULL);
  g_assert_cmpint (json_object_get_int_member (talk, "as_initiator"), ==, 0);
  g_assert_cmpint (json_object_get_int_member (talk, "as_counterpart"), ==, 0);

  compliance = json_node_get_array (node_at (root, "compliance"));
  assert_rule (compliance, "central_group_ideology_per_year", "2023", 2, 1, "missed");
  /* Topics 2 (day 30) and 1 in time; 3 (day 31) late, 4 never studied;
   * 5 is 2024's. */
  assert_rule (compliance, "first_topic_timeliness", "2023", 4, 2, "missed");
  /* 李四 joined mid-year and never spoke; 钱七 left before the year. */
  assert_rule (compliance, "speech_per_central_group_member", "2023", 3, 2, "missed");
  /* Branches under the party group, two levels down. */
  assert_rule (compliance, "branch_report_half_year", "2023-H1", 2, 2, "met");
  assert_rule (compliance, "branch_report_half_year", "2023-H2", 2, 1, "missed");
  /* Approved after the session is not approved before it. */
  assert_rule (compliance, "session_plan_approved", "2023", 2, 1, "missed");
}

/* While a period lasts, a rule not yet met is due; after, missed. */
static void
test_due (Fixture       *fixture,
          gconstpointer  data)
{
  g_autoptr(JsonNode) december = NULL;
  g_autoptr(JsonNode) january = NULL;
  g_autoptr(JsonNode) february = NULL;
  JsonArray *compliance;

  import_fixture (fixture);

  december = stats_json (fixture, "2023-12-31");
  compliance = json_node_get_array (node_at (december, "compliance"));
  assert_rule (compliance, "central_group_ideology_per_year", "2023", 2, 1, "due");
  assert_rule (compliance, "speech_per_central_group_member", "2023", 3, 2, "due");
  assert_rule (compliance, "branch_report_half_year", "2023-H1", 2, 2, "met");
  assert_rule (compliance, "branch_report_half_year", "2023-H2", 2, 1, "due");

  /* An item received on 12-31 may still be studied in time until 01-30. */
  january = stats_json (fixture, "2024-01-30");
  compliance = json_node_get_array (node_at (january, "compliance"));
  assert_rule (compliance, "first_topic_timeliness", "2023", 4, 2, "due");
  assert_rule (compliance, "central_group_ideology_per_year", "2023", 2, 1, "missed");
  assert_rule (compliance, "branch_report_half_year", "2023-H2", 2, 1, "missed");

  february = stats_json (fixture, "2024-01-31");
  compliance = json_node_get_array (node_at (february, "compliance"));
  assert_rule (compliance, "first_topic_timeliness", "2023", 4, 2, "missed");
}

/* CLI: the archive ----------------------------------------------------------- */

static JsonNode *
without_exported_at (JsonNode *root)
{
  json_object_remove_member (json_node_get_object (root), "exported_at");
  return root;
}

static void
test_round_trip (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autofree char *first = g_build_filename (fixture->folder, "first.json", NULL);
  g_autofree char *second = g_build_filename (fixture->folder, "second.json", NULL);
  g_autofree char *empty = g_build_filename (fixture->folder, "empty.db", NULL);
  g_autoptr(JsonNode) original = NULL;
  g_autoptr(JsonNode) a = NULL;
  g_autoptr(JsonNode) b = NULL;

  import_fixture (fixture);
  {
    g_auto(Result) result = run (fixture, "--database", fixture->database, "export-archive", first);
    g_assert_cmpint (result.status, ==, 0);
  }
  {
    g_auto(Result) result = run (fixture, "--database", empty, "import-archive", first);
    g_assert_cmpint (result.status, ==, 0);
  }
  {
    g_auto(Result) result = run (fixture, "--database", empty, "export-archive", second);
    g_assert_cmpint (result.status, ==, 0);
  }

  original = without_exported_at (parse_file (fixture->archive));
  a = without_exported_at (parse_file (first));
  b = without_exported_at (parse_file (second));

  g_assert_cmpint (json_object_get_int_member (json_node_get_object (a), "version"), ==, 2);
  /* The fixture writes every key in the order the program does. */
  g_assert_true (json_node_equal (a, b));
  g_assert_true (json_node_equal (original, a));

  /* The pool's link: the study of the meeting on day 30 names topic 2. */
  g_assert_cmpstr (json_object_get_string_member (object_at (a, "meetings[5].studies[0]"), "topic"),
                   ==, T(2));
  g_assert_cmpstr (json_object_get_string_member (object_at (b, "meetings[6].studies[0]"), "topic"),
                   ==, T(3));
  g_assert_cmpstr (json_object_get_string_member (object_at (b, "topics[3]"), "planned_meeting"),
                   ==, "50000000-0000-4000-8000-000000000002");
  g_assert_cmpuint (json_array_get_length (json_node_get_array (node_at (b, "talks"))), ==, 4);
  g_assert_cmpuint (json_array_get_length (json_node_get_array (node_at (b, "branch_reports"))), ==, 3);
  g_assert_cmpuint (json_array_get_length (json_node_get_array (node_at (b, "study_notes"))), ==, 2);
  g_assert_cmpstr (json_object_get_string_member (object_at (b, "members[0]"), "party_joined_on"),
                   ==, "1995-07-01");
  g_assert_cmpfloat (json_object_get_double_member (object_at (b, "meetings[2]"), "hours"), ==, 3.5);
  g_assert_true (json_object_get_boolean_member (object_at (b, "meetings[1].guests[0]"), "superior"));
  g_assert_cmpstr (json_object_get_string_member (object_at (b, "meetings[1].speeches[0]"), "kind"),
                   ==, "key");
  g_assert_cmpstr (json_object_get_string_member (object_at (b, "meetings[1].session_plan.key_speeches[0]"),
                                                  "member"), ==, M1);
  g_assert_true (JSON_NODE_HOLDS_NULL (node_at (b, "meetings[0].session_plan")));
}

typedef struct
{
  const char *path;      /* the object to change */
  const char *key;
  const char *text;      /* its new value, as JSON */
  const char *message;   /* what the one line of the refusal names */
} Breakage;

static const Breakage breakages[] = {
  { "topics[3]", "source_kind", "\"rumour\"", "topics[3].source_kind" },
  { "talks[0]", "form", "\"video\"", "talks[0].form" },
  { "talks[1]", "kind", "\"gossip\"", "talks[1].kind" },
  { "study_notes[0]", "kind", "\"diary\"", "study_notes[0].kind" },
  { "meetings[1].speeches[1]", "kind", "\"main\"", "meetings[1].speeches[1].kind" },
  { "branch_reports[0]", "period", "\"2023-H3\"", "branch_reports[0].period" },
  { "branch_reports[0]", "period", "\"2023\"", "branch_reports[0].period" },
  { "meetings[1]", "hours", "-1", "meetings[1].hours" },
  { "meetings[2]", "hours", "\"2\"", "meetings[2].hours" },
  { "meetings[1]", "on_ideology", "\"yes\"", "meetings[1].on_ideology" },
  { "meetings[1].guests[0]", "superior", "1", "meetings[1].guests[0].superior" },
  { "members[0]", "party_joined_on", "\"1995-13-01\"", "members[0].party_joined_on" },
  { "talks[0]", "initiator", "\"20000000-0000-4000-8000-0000000000ff\"", "talks[0].initiator" },
  { "talks[0]", "counterpart", "\"20000000-0000-4000-8000-0000000000ff\"", "talks[0].counterpart" },
  { "study_notes[1]", "member", "\"20000000-0000-4000-8000-0000000000ff\"", "study_notes[1].member" },
  { "branch_reports[2]", "organization", "\"10000000-0000-4000-8000-0000000000ff\"",
    "branch_reports[2].organization" },
  { "meetings[5].studies[0]", "topic", "\"40000000-0000-4000-8000-0000000000ff\"",
    "meetings[5].studies[0].topic" },
  { "topics[3]", "planned_meeting", "\"50000000-0000-4000-8000-0000000000ff\"",
    "topics[3].planned_meeting" },
  { "meetings[1].session_plan.key_speeches[1]", "member", "\"20000000-0000-4000-8000-0000000000ff\"",
    "meetings[1].session_plan.key_speeches[1].member" },
  { "meetings[1].session_plan", "approved_on", "\"2023-02-29\"", "meetings[1].session_plan.approved_on" },
  { "meetings[1].session_plan", "topics", "[1]", "meetings[1].session_plan.topics[0]" },
  { "meetings[3].speeches[0]", "id", "\"52000000-0000-4000-8000-000000000001\"",
    "meetings[3].speeches[0].id" },
};

static void
test_refused (Fixture       *fixture,
              gconstpointer  data)
{
  for (guint i = 0; i < G_N_ELEMENTS (breakages); i++)
    {
      const Breakage *breakage = &breakages[i];
      g_autoptr(JsonNode) document = parse_file (fixture->archive);
      g_autoptr(JsonNode) value = parse_text (breakage->text);
      g_autofree char *name = g_strdup_printf ("broken-%u.json", i);
      g_autofree char *path = g_build_filename (fixture->folder, name, NULL);
      g_autofree char *database = g_strdup_printf ("%s/broken-%u.db", fixture->folder, i);
      g_autoptr(GError) error = NULL;
      g_autofree char *text = NULL;
      g_auto(Result) result = { 0 };

      g_test_message ("%s.%s = %s", breakage->path, breakage->key, breakage->text);
      json_object_set_member (object_at (document, breakage->path), breakage->key,
                              json_node_ref (value));
      text = json_to_string (document, TRUE);
      g_file_set_contents (path, text, -1, &error);
      g_assert_no_error (error);

      result = run (fixture, "--database", database, "import-archive", path);
      g_assert_cmpint (result.status, !=, 0);
      g_assert_nonnull (strstr (result.err, breakage->message));
      /* One line, and nothing written. */
      g_assert_nonnull (strchr (result.err, '\n'));
      g_assert_cmpstr (strchr (result.err, '\n') + 1, ==, "");
      if (g_file_test (database, G_FILE_TEST_EXISTS))
        {
          g_autoptr(SlLedger) ledger = sl_ledger_open (database, &error);

          g_assert_no_error (error);
          g_assert_true (sl_ledger_is_empty (ledger));
        }
    }
}

/* `check` reads the new records' text too, and export-archive refuses it. */
static void
test_check_text (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autofree char *out = g_build_filename (fixture->folder, "out.json", NULL);
  sqlite3 *db = NULL;

  import_fixture (fixture);
  g_assert_cmpint (sqlite3_open (fixture->database, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, "UPDATE talks SET points = CAST (X'E4BDA0FF' AS TEXT) "
                                     "WHERE uuid = '" K1 "'", NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (db);

  {
    g_auto(Result) result = run (fixture, "--database", fixture->database, "check");
    g_autofree char *both = g_strconcat (result.out, result.err, NULL);

    g_assert_cmpint (result.status, ==, 1);
    g_assert_nonnull (strstr (both, K1));
    g_assert_nonnull (strstr (both, "points"));
  }
  {
    g_auto(Result) result = run (fixture, "--database", fixture->database, "export-archive", out);
    g_assert_cmpint (result.status, !=, 0);
    g_assert_nonnull (strstr (result.err, K1));
    g_assert_false (g_file_test (out, G_FILE_TEST_EXISTS));
  }
}

/* Core: the pool, the settings, a merge ------------------------------------ */

static SlLedger *
import_core (Fixture *fixture)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SlLedger) ledger = sl_ledger_open (fixture->database, &error);

  g_assert_no_error (error);
  g_assert_true (sl_archive_import (ledger, fixture->archive, FALSE, NULL, &error));
  g_assert_no_error (error);
  return g_steal_pointer (&ledger);
}

static const SlPoolEntry *
entry_of (GPtrArray  *entries,
          const char *id)
{
  for (guint i = 0; i < entries->len; i++)
    {
      const SlPoolEntry *entry = g_ptr_array_index (entries, i);

      if (g_str_equal (sl_record_get_id (SL_RECORD (entry->topic)), id))
        return entry;
    }

  g_error ("no pool item %s", id);
}

static void
test_pool (Fixture       *fixture,
           gconstpointer  data)
{
  g_autoptr(SlLedger) ledger = import_core (fixture);
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) all = sl_topic_pool_load (ledger, O1, "2024-01-20", &error);
  g_autoptr(GPtrArray) open = NULL;
  const SlPoolEntry *entry;

  g_assert_no_error (error);
  g_assert_cmpuint (all->len, ==, 6);

  entry = entry_of (all, T(1));
  g_assert_cmpint (entry->status, ==, SL_POOL_STATUS_STUDIED);
  g_assert_cmpstr (entry->studied_on, ==, "2023-03-10");

  /* Day 30: in time; day 31: studied, but late, so 逾期. */
  entry = entry_of (all, T(2));
  g_assert_cmpint (entry->status, ==, SL_POOL_STATUS_STUDIED);
  g_assert_cmpstr (entry->due_on, ==, "2024-01-30");
  g_assert_cmpstr (entry->studied_on, ==, "2024-01-30");
  g_assert_cmpstr (entry->meeting, ==, PG1);
  entry = entry_of (all, T(3));
  g_assert_cmpint (entry->status, ==, SL_POOL_STATUS_OVERDUE);
  g_assert_cmpstr (entry->studied_on, ==, "2024-01-31");
  g_assert_cmpstr (entry->meeting, ==, PG2);

  g_assert_cmpint (entry_of (all, T(4))->status, ==, SL_POOL_STATUS_OVERDUE);
  g_assert_cmpint (entry_of (all, T(5))->status, ==, SL_POOL_STATUS_OPEN);
  g_assert_cmpint (entry_of (all, T(6))->status, ==, SL_POOL_STATUS_OPEN);
  g_assert_cmpstr (sl_pool_status_to_code (SL_POOL_STATUS_OVERDUE), ==, "overdue");

  /* Open items, most urgent first: 4 (due 2023-07-01), 5 (2024-02-04),
   * 6 (never received) last. */
  open = sl_topic_pool_open_items (ledger, O1, "2024-01-20", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (open->len, ==, 3);
  g_assert_cmpstr (sl_record_get_id (SL_RECORD (((SlPoolEntry *) open->pdata[0])->topic)), ==, T(4));
  g_assert_cmpstr (sl_record_get_id (SL_RECORD (((SlPoolEntry *) open->pdata[1])->topic)), ==, T(5));
  g_assert_cmpstr (sl_record_get_id (SL_RECORD (((SlPoolEntry *) open->pdata[2])->topic)), ==, T(6));

  /* Another organization's pool is empty. */
  g_clear_pointer (&open, g_ptr_array_unref);
  open = sl_topic_pool_open_items (ledger, B1, "2024-01-20", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (open->len, ==, 0);
}

/* The year a year's 议题库台账 files an item under: received, else published. */
static int
ledger_year (const SlPoolEntry *entry)
{
  const char *received = sl_topic_get_received_on (entry->topic);
  const char *day = received && *received ? received : sl_topic_get_published_on (entry->topic);

  return day && sl_date_is_valid (day) ? sl_date_get_year (day) : 0;
}

/* What the year's page and ledger show of the whole pool, as "id status
 * studied_on meeting" lines: the reading of one year must show the same. */
static char *
shown_of (GPtrArray *entries,
          int        year)
{
  GString *shown = g_string_new (NULL);

  for (guint i = 0; i < entries->len; i++)
    {
      const SlPoolEntry *entry = g_ptr_array_index (entries, i);
      gboolean page = sl_pool_entry_shown_in_year (entry, year);
      gboolean filed = ledger_year (entry) == year;

      if (page || filed)
        g_string_append_printf (shown, "%s %s %s %s page=%d ledger=%d\n",
                                sl_record_get_id (SL_RECORD (entry->topic)),
                                sl_pool_status_to_code (entry->status), entry->studied_on,
                                entry->meeting, page, filed);
    }
  return g_string_free (shown, FALSE);
}

static void
test_pool_year (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(SlLedger) ledger = import_core (fixture);
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) all = sl_topic_pool_load (ledger, O1, "2024-01-20", &error);

  g_assert_no_error (error);
  for (int year = 2021; year <= 2026; year++)
    {
      g_autoptr(GPtrArray) of_year = sl_topic_pool_load_year (ledger, O1, year, "2024-01-20", &error);
      g_autofree char *expected = shown_of (all, year);
      g_autofree char *found = NULL;

      g_assert_no_error (error);
      found = shown_of (of_year, year);
      g_test_message ("%d:\n%s", year, found);
      g_assert_cmpstr (found, ==, expected);
    }

  /* Read through the indexes: a year far from the items reads only the
   * undated one (T6); 2025 adds those never studied from before it (T4,
   * received 2023; T5, 2024), not the studied ones of 2023. */
  {
    g_autoptr(GPtrArray) early = sl_topic_pool_load_year (ledger, O1, 2021, "2024-01-20", &error);
    g_autoptr(GPtrArray) late = sl_topic_pool_load_year (ledger, O1, 2025, "2024-01-20", &error);

    g_assert_no_error (error);
    g_assert_cmpuint (early->len, ==, 1);
    g_assert_cmpstr (sl_record_get_id (SL_RECORD (((SlPoolEntry *) early->pdata[0])->topic)), ==, T(6));
    g_assert_cmpuint (late->len, ==, 3);
    g_assert_cmpstr (sl_record_get_id (SL_RECORD (((SlPoolEntry *) late->pdata[0])->topic)), ==, T(4));
    g_assert_cmpstr (sl_record_get_id (SL_RECORD (((SlPoolEntry *) late->pdata[1])->topic)), ==, T(5));
    g_assert_cmpstr (sl_record_get_id (SL_RECORD (((SlPoolEntry *) late->pdata[2])->topic)), ==, T(6));
  }
}

static guint
timely (SlLedger *ledger,
        int       days)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SlStatistics) stats = NULL;
  SlRules rules;

  sl_rules_load (&rules, sl_ledger_get_database (ledger));
  rules.timeliness_days = days;
  g_assert_true (sl_rules_save (&rules, sl_ledger_get_database (ledger), &error));
  g_assert_no_error (error);

  stats = sl_statistics_compute (sl_ledger_get_database (ledger), 2023, O1, "2025-01-01", &error);
  g_assert_no_error (error);
  for (guint i = 0; i < stats->compliance->len; i++)
    {
      SlComplianceResult *result = g_ptr_array_index (stats->compliance, i);

      if (g_str_equal (result->rule, "first_topic_timeliness"))
        {
          g_assert_cmpuint (result->required, ==, 4);
          return result->actual;
        }
    }

  g_assert_not_reached ();
}

static void
test_timeliness_setting (Fixture       *fixture,
                         gconstpointer  data)
{
  g_autoptr(SlLedger) ledger = import_core (fixture);
  SlRules defaults;

  sl_rules_init_defaults (&defaults);
  g_assert_cmpint (defaults.timeliness_days, ==, 30);
  g_assert_cmpint (defaults.central_group_ideology_per_year, ==, 2);

  g_assert_cmpuint (timely (ledger, 30), ==, 2);
  g_assert_cmpuint (timely (ledger, 31), ==, 3);   /* day 31 now in time */
  g_assert_cmpuint (timely (ledger, 29), ==, 1);   /* day 30 now late */
  g_assert_cmpuint (timely (ledger, 9), ==, 1);    /* topic 1, on day 9 */
  g_assert_cmpuint (timely (ledger, 8), ==, 0);
}

/* A merge keeps what a record of the file leaves out, clears what it
 * sets to null, and the records saved through the core read back. */
static void
test_merge (Fixture       *fixture,
            gconstpointer  data)
{
  g_autoptr(SlLedger) ledger = import_core (fixture);
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) talks = NULL;
  g_autoptr(GPtrArray) reports = NULL;
  g_auto(SlArchiveReport) report = { 0 };
  g_autoptr(SlBranchReport) added = sl_branch_report_new ();
  g_autoptr(SlMeeting) meeting = NULL;
  static const char partial[] =
    "{\"format\": \"study-ledger-archive\", \"version\": 2,"
    " \"talks\": [{\"id\": \"" K1 "\", \"organization\": \"" O1 "\", \"place\": \"会议室\","
    "             \"follow_up\": null}],"
    " \"members\": [{\"id\": \"" M1 "\", \"name\": \"张三\"}],"
    " \"meetings\": [{\"id\": \"" PG1 "\", \"organization\": \"" O1 "\", \"kind\": \"party_group\","
    "                \"date\": \"2024-01-30\", \"batch\": 3},"
    "               {\"id\": \"50000000-0000-4000-8000-000000000001\", \"organization\": \"" O1 "\","
    "                \"kind\": \"central_group\", \"date\": \"2023-03-10\", \"place\": \"第一会议室\"}]}";
  SlTalk *talk = NULL;

  sl_archive_report_init (&report);
  g_assert_true (sl_archive_merge_data (ledger, partial, sizeof partial - 1, "partial.json",
                                        FALSE, NULL, &report, &error));
  g_assert_no_error (error);

  talks = sl_ledger_load_talks (ledger, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < talks->len; i++)
    if (g_str_equal (sl_record_get_id (g_ptr_array_index (talks, i)), K1))
      talk = g_ptr_array_index (talks, i);
  g_assert_nonnull (talk);
  g_assert_cmpstr (sl_talk_get_place (talk), ==, "会议室");
  g_assert_cmpstr (sl_talk_get_points (talk), ==, "谈话要点");          /* left out: kept */
  g_assert_cmpstr (sl_talk_get_initiator (talk), ==, M1);
  g_assert_cmpint (sl_talk_get_kind (talk), ==, SL_TALK_KIND_ROUTINE);
  g_assert_null (sl_talk_get_follow_up (talk));

  g_assert_cmpstr (sl_member_get_party_joined_on (sl_ledger_find_member (ledger, M1)), ==,
                   "1995-07-01");

  meeting = sl_ledger_load_meeting (ledger, PG1, &error);
  g_assert_no_error (error);
  g_assert_cmpint (sl_meeting_get_batch (meeting), ==, 3);
  g_clear_object (&meeting);

  /* C1's session plan, left out of the merge above, kept. */
  meeting = sl_ledger_load_meeting (ledger, "50000000-0000-4000-8000-000000000001", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (sl_meeting_get_place (meeting), ==, "第一会议室");
  g_assert_true (sl_meeting_get_on_ideology (meeting));
  g_assert_nonnull (sl_meeting_get_session_plan (meeting));
  g_assert_cmpstr (sl_session_plan_get_approved_on (sl_meeting_get_session_plan (meeting)), ==, "2023-03-08");
  g_assert_cmpuint (sl_session_plan_get_n_speeches (sl_meeting_get_session_plan (meeting)), ==, 2);
  g_assert_cmpstr (sl_session_plan_get_topics (sl_meeting_get_session_plan (meeting))[1], ==, "如何抓好落实");
  g_clear_object (&meeting);
  meeting = sl_ledger_load_meeting (ledger, PG1, &error);
  g_assert_no_error (error);
  g_assert_null (sl_meeting_get_session_plan (meeting));
  {
    g_autoptr(SlStudy) study = g_list_model_get_item (sl_meeting_get_studies (meeting), 0);
    g_assert_cmpstr (sl_study_get_topic (study), ==, T(2));                 /* rows left out: kept */
  }

  /* The report names the talk and what changed in it. */
  {
    g_autofree char *text = sl_archive_report_format (&report, "partial.json", FALSE);
    g_assert_nonnull (strstr (text, "changed talk " K1));
    g_assert_nonnull (strstr (text, "place"));
  }

  /* Saved through the core: a half-year that is not one is refused. */
  sl_record_set_id (SL_RECORD (added), "70000000-0000-4000-8000-0000000000aa");
  sl_branch_report_set_organization (added, B1);
  sl_branch_report_set_period (added, "2023-H3");
  g_assert_false (sl_ledger_save_branch_report (ledger, added, &error));
  g_assert_error (error, SL_LEDGER_ERROR, SL_LEDGER_ERROR_INVALID);
  g_clear_error (&error);
  sl_branch_report_set_period (added, "2023-H2");
  g_assert_true (sl_ledger_save_branch_report (ledger, added, &error));
  g_assert_no_error (error);
  reports = sl_ledger_load_branch_reports (ledger, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (reports->len, ==, 4);

  /* A member that a talk names cannot be deleted. */
  g_assert_false (sl_ledger_delete (ledger, sl_ledger_find_member (ledger, M3), &error));
  g_assert_error (error, SL_LEDGER_ERROR, SL_LEDGER_ERROR_IN_USE);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add ("/people/" path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("cli/stats", test_stats);
  ADD ("cli/due", test_due);
  ADD ("cli/round-trip", test_round_trip);
  ADD ("cli/refused", test_refused);
  ADD ("cli/check-text", test_check_text);
  ADD ("core/pool", test_pool);
  ADD ("core/pool-year", test_pool_year);
  ADD ("core/timeliness-setting", test_timeliness_setting);
  ADD ("core/merge", test_merge);

#undef ADD

  return g_test_run ();
}
