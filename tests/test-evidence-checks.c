/* test-evidence-checks.c — what checks a final meeting's evidence: check, rules, restore
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * On the fixed archive tests/data/evidence-2023.json (a final meeting
 * with one revision and a signed sheet, a draft), in real SQLite files in
 * temporary folders, through the real study-ledger ($STUDY_LEDGER) where
 * it is a command:
 *
 * - `check` finds the last revision deleted with the triggers dropped (a
 *   chain that is whole but shorter than the one recorded);
 * - `stats --json` flags final meetings without a signed_sheet
 *   attachment (rule signed_sheet_attached), and the setting
 *   require_signed_sheet = 0 turns it off;
 * - the statistics count drafts, and those older than draft_warning_days;
 * - restoring a revision (sl_evidence_restore) brings its content back as
 *   a new revision, clears what was empty then, and `check` stays clean.
 */

#include "config.h"

#include <json-glib/json-glib.h>
#include <sqlite3.h>
#include <sys/wait.h>

#include "reliability-util.h"
#include "sl-canonical-json.h"
#include "sl-evidence.h"
#include "sl-evidence-restore.h"
#include "sl-statistics.h"

#define FIXTURE_MEETING  "66666666-6666-4666-8666-666666666661"
#define FIXTURE_DRAFT    "66666666-6666-4666-8666-666666666662"

typedef struct
{
  char *folder;
  char *ledger;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autofree char *archive = g_test_build_filename (G_TEST_DIST, "data", "evidence-2023.json", NULL);
  CliResult result;

  fixture->folder = make_temp_folder ("sl-evidence-checks-XXXXXX");
  fixture->ledger = g_build_filename (fixture->folder, "ledger.db", NULL);

  run_cli (&result, fixture->folder, "--database", fixture->ledger, "import-archive", archive);
  g_assert_cmpint (result.status, ==, 0);
  cli_result_clear (&result);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  remove_tree (fixture->folder);
  g_free (fixture->folder);
  g_free (fixture->ledger);
}

/* SQL behind the program's back, through a connection of its own. */
static void
exec_sql (Fixture    *fixture,
          const char *sql)
{
  sqlite3 *db = NULL;
  char *message = NULL;

  g_assert_cmpint (sqlite3_open (fixture->ledger, &db), ==, SQLITE_OK);
  if (sqlite3_exec (db, sql, NULL, NULL, &message) != SQLITE_OK)
    g_error ("%s: %s", sql, message);
  sqlite3_close (db);
}

/* The fixture's final meeting changed with a reason: a revision made by
 * the program itself. */
static void
revise (Fixture    *fixture,
        const char *place,
        const char *note)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SlLedger) ledger = sl_ledger_open (fixture->ledger, &error);
  g_autoptr(SlMeeting) meeting = NULL;

  g_assert_no_error (error);
  meeting = sl_ledger_load_meeting (ledger, FIXTURE_MEETING, &error);
  g_assert_no_error (error);
  sl_meeting_set_place (meeting, place);
  sl_meeting_set_note (meeting, note);
  g_assert_true (sl_ledger_save_meeting_with_reason (ledger, meeting, SL_SAVE_REPLACE, "李明",
                                                     "地点写错", &error));
  g_assert_no_error (error);
}

static void
test_check_last_revision (Fixture       *fixture,
                          gconstpointer  data)
{
  CliResult result;

  revise (fixture, "五楼会议室", NULL);

  run_cli (&result, fixture->folder, "--database", fixture->ledger, "check");
  g_assert_cmpint (result.status, ==, 0);
  cli_result_clear (&result);

  /* The last revision gone, the chain before it still whole. */
  exec_sql (fixture, "DROP TRIGGER revisions_no_delete; "
                     "DELETE FROM revisions WHERE revision = (SELECT max (revision) FROM revisions)");

  run_cli (&result, fixture->folder, "--database", fixture->ledger, "check");
  g_assert_cmpint (result.status, !=, 0);
  g_assert_nonnull (strstr (result.err, FIXTURE_MEETING));
  cli_result_clear (&result);
}

static JsonObject *
find_rule (JsonNode   *root,
           const char *rule)
{
  JsonArray *compliance = json_object_get_array_member (json_node_get_object (root), "compliance");

  for (guint i = 0; i < json_array_get_length (compliance); i++)
    {
      JsonObject *result = json_array_get_object_element (compliance, i);

      if (g_strcmp0 (json_object_get_string_member (result, "rule"), rule) == 0)
        return result;
    }
  return NULL;
}

static JsonNode *
stats_json (Fixture *fixture)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  CliResult result;

  run_cli (&result, fixture->folder, "--database", fixture->ledger, "stats", "--year", "2023", "--json");
  g_assert_cmpint (result.status, ==, 0);
  json_parser_load_from_data (parser, result.out, -1, &error);
  g_assert_no_error (error);
  cli_result_clear (&result);
  return json_node_ref (json_parser_get_root (parser));
}

static void
test_signed_sheet_rule (Fixture       *fixture,
                        gconstpointer  data)
{
  g_autoptr(JsonNode) root = NULL;
  JsonObject *rule;
  CliResult result;

  /* The final meeting has its sheet. */
  root = stats_json (fixture);
  rule = find_rule (root, "signed_sheet_attached");
  g_assert_nonnull (rule);
  g_assert_cmpstr (json_object_get_string_member (rule, "period"), ==, "2023");
  g_assert_cmpint (json_object_get_int_member (rule, "required"), ==, 1);
  g_assert_cmpint (json_object_get_int_member (rule, "actual"), ==, 1);
  g_assert_cmpstr (json_object_get_string_member (rule, "status"), ==, "met");
  g_clear_pointer (&root, json_node_unref);

  /* The draft finalised without one: flagged. */
  run_cli (&result, fixture->folder, "--database", fixture->ledger, "finalize", "--meeting", FIXTURE_DRAFT,
           "--by", "李明");
  g_assert_cmpint (result.status, ==, 0);
  cli_result_clear (&result);
  root = stats_json (fixture);
  rule = find_rule (root, "signed_sheet_attached");
  g_assert_nonnull (rule);
  g_assert_cmpint (json_object_get_int_member (rule, "required"), ==, 2);
  g_assert_cmpint (json_object_get_int_member (rule, "actual"), ==, 1);
  g_assert_cmpstr (json_object_get_string_member (rule, "status"), ==, "missed");
  g_clear_pointer (&root, json_node_unref);

  /* A unit that does not ask for scans turns the rule off. */
  exec_sql (fixture, "INSERT INTO settings (key, value) VALUES ('require_signed_sheet', '0')");
  root = stats_json (fixture);
  g_assert_null (find_rule (root, "signed_sheet_attached"));
}

static void
test_draft_counts (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SlLedger) ledger = sl_ledger_open (fixture->ledger, &error);
  g_autoptr(SlStatistics) stats = NULL;

  g_assert_no_error (error);

  /* The draft was held on 2023-06-15: 7 days later it is not overdue yet,
   * 8 days later it is. */
  stats = sl_statistics_compute (sl_ledger_get_database (ledger), 2023, NULL, "2023-06-22", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (stats->meetings_draft, ==, 1);
  g_assert_cmpuint (stats->drafts_overdue, ==, 0);
  g_clear_pointer (&stats, sl_statistics_free);

  stats = sl_statistics_compute (sl_ledger_get_database (ledger), 2023, NULL, "2023-06-23", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (stats->drafts_overdue, ==, 1);
  g_clear_pointer (&stats, sl_statistics_free);

  g_assert_true (sl_database_set_setting (sl_ledger_get_database (ledger), "draft_warning_days", "30", &error));
  stats = sl_statistics_compute (sl_ledger_get_database (ledger), 2023, NULL, "2023-06-23", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (stats->drafts_overdue, ==, 0);
}

static char *
current_form (SlLedger *ledger)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SlMeeting) meeting = sl_ledger_load_meeting (ledger, FIXTURE_MEETING, &error);
  char *form;

  g_assert_no_error (error);
  form = sl_evidence_hash_form (ledger, meeting, FALSE, &error);
  g_assert_no_error (error);
  return form;
}

static void
test_restore (Fixture       *fixture,
              gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SlLedger) ledger = NULL;
  g_autoptr(SlMeeting) meeting = NULL;
  g_autoptr(GPtrArray) revisions = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  SlRevision *last;
  CliResult result;
  gboolean ok;

  ledger = sl_ledger_open (fixture->ledger, &error);
  g_assert_no_error (error);
  before = current_form (ledger);
  g_clear_object (&ledger);

  /* A place changed and a note added: revision 2 keeps the content before. */
  revise (fixture, "五楼会议室", "会后补记");

  ledger = sl_ledger_open (fixture->ledger, &error);
  g_assert_no_error (error);

  /* No reason, no restore. */
  g_assert_false (sl_evidence_restore (ledger, FIXTURE_MEETING, 2, "王芳", NULL, &error));
  g_assert_error (error, SL_EVIDENCE_ERROR, SL_EVIDENCE_ERROR_NEEDS_REASON);
  g_clear_error (&error);

  ok = sl_evidence_restore (ledger, FIXTURE_MEETING, 2, "王芳", "恢复原地点", &error);
  g_assert_no_error (error);
  g_assert_true (ok);

  /* The content is what it was, the note (empty then) cleared, and the
   * restore is revision 3, the history only added to. */
  after = current_form (ledger);
  g_assert_cmpstr (after, ==, before);

  meeting = sl_ledger_load_meeting (ledger, FIXTURE_MEETING, &error);
  g_assert_no_error (error);
  g_assert_null (sl_meeting_get_note (meeting));
  revisions = sl_evidence_load_revisions (ledger, sl_record_get_key (SL_RECORD (meeting)), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (revisions->len, ==, 3);
  last = g_ptr_array_index (revisions, 2);
  g_assert_cmpint (last->revision, ==, 3);
  g_assert_cmpstr (last->by, ==, "王芳");
  g_assert_cmpstr (last->reason, ==, "恢复原地点");
  g_assert_nonnull (strstr (last->snapshot, "五楼会议室"));
  g_clear_object (&meeting);
  g_clear_object (&ledger);

  run_cli (&result, fixture->folder, "--database", fixture->ledger, "check");
  g_assert_cmpint (result.status, ==, 0);
  cli_result_clear (&result);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("/evidence-checks/check/last-revision-removed", test_check_last_revision);
  ADD ("/evidence-checks/rules/signed-sheet", test_signed_sheet_rule);
  ADD ("/evidence-checks/rules/draft-counts", test_draft_counts);
  ADD ("/evidence-checks/restore", test_restore);

  return g_test_run ();
}
