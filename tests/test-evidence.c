/* test-evidence.c — records that stand as evidence
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Final meetings, their revisions and hash chains, locked years and the
 * printed record (docs/reliability.md): through the real study-ledger
 * binary ($STUDY_LEDGER) where the feature is a command, through the core
 * where it is an API (a save without a reason), on real SQLite files in
 * temporary folders. The fixed archive tests/data/evidence-2023.json
 * holds a final meeting with one revision and one attachment; its hash
 * and chain were computed once, independently, with Python's json.dumps
 * (ensure_ascii=False, sort_keys=True, separators=(",", ":")) and are
 * written as literals in evidence-util.h. Attachments are in
 * test-evidence-attachments.c.
 */

#include "config.h"

#include <json-glib/json-glib.h>
#include <signal.h>
#include <sqlite3.h>
#include <sys/wait.h>

#include "evidence-util.h"
#include "reliability-util.h"
#include "sl-archive.h"
#include "sl-archive-evidence.h"
#include "sl-attachments.h"
#include "sl-canonical-json.h"
#include "sl-evidence.h"
#include "sl-measure.h"
#include "sl-plan.h"
#include "sl-research-topic.h"

/* ------------------------------------------------------------------ */
/* The canonical serialiser                                           */
/* ------------------------------------------------------------------ */

static void
test_canonical_json (void)
{
  static const struct { const char *in; const char *out; } cases[] = {
    /* keys sorted, no white space, numbers without a fraction as integers */
    { "{ \"b\": 1, \"a\": [ 2.0, -0.0, 1.5, 100, true, false, null ] }",
      "{\"a\":[2,0,1.5,100,true,false,null],\"b\":1}" },
    /* the fewest escapes; everything else as UTF-8, '/' and U+007F as they are */
    { "{ \"s\": \"\\u0001\\\"\\\\\\n\\t\\r\\b\\f/\\u007f\\u00e9\\ud840\\udc00 学习\" }",
      "{\"s\":\"\\u0001\\\"\\\\\\n\\t\\r\\b\\f/\x7f" "é𠀀 学习\"}" },
    /* keys by UTF-16 code units: U+1F600 (D83D DE00) before U+FFFD */
    { "{ \"\\ufffd\": 2, \"\\ud83d\\ude00\": 1, \"z\": 0 }",
      "{\"z\":0,\"😀\":1,\"\xef\xbf\xbd\":2}" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(JsonNode) node = parse_text (cases[i].in);
      g_autofree char *text = sl_canonical_json_write (node);

      g_assert_cmpstr (text, ==, cases[i].out);
    }
}

static void
test_canonical_prune (void)
{
  g_autoptr(JsonNode) node = parse_text ("{ \"a\": null, \"b\": false, \"c\": \"\", \"d\": [],"
                                         "  \"e\": 0, \"f\": true, \"g\": [ null, { \"x\": [] } ],"
                                         "  \"h\": { \"y\": null }, \"i\": \"0\" }");
  g_autoptr(JsonNode) pruned = sl_canonical_json_prune (node);
  g_autofree char *text = sl_canonical_json_write (pruned);

  g_assert_cmpstr (text, ==, "{\"e\":0,\"f\":true,\"g\":[null,{}],\"h\":{},\"i\":\"0\"}");
}

/* ------------------------------------------------------------------ */
/* The fixed archive, its fixed hash                                   */
/* ------------------------------------------------------------------ */

static void
test_fixed_hash (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autofree char *first = in_folder (fixture, "first.json");
  g_autofree char *second = in_folder (fixture, "second.json");
  g_autofree char *copy = in_folder (fixture, "copy.db");
  g_autoptr(JsonNode) a = NULL;
  g_autoptr(JsonNode) b = NULL;
  g_autoptr(JsonNode) revisions = NULL;
  g_autoptr(SlLedger) ledger = NULL;
  g_autoptr(SlMeeting) meeting = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *form = NULL;
  g_autofree char *hash = NULL;
  JsonObject *final;
  JsonObject *revision;
  CliResult result;

  import_fixture (fixture);

  /* The ledger computes the same hash from what it holds. */
  ledger = sl_ledger_open (fixture->ledger, &error);
  g_assert_no_error (error);
  meeting = sl_ledger_load_meeting (ledger, FIXTURE_MEETING, &error);
  g_assert_no_error (error);
  form = sl_evidence_hash_form (ledger, meeting, FALSE, &error);
  g_assert_no_error (error);
  hash = sl_canonical_json_sha256 (form, -1);
  g_assert_cmpstr (hash, ==, FIXTURE_HASH);
  g_clear_object (&ledger);

  /* Exported, imported into an empty ledger, exported again: the same
   * document, the same hash, the attachment byte for byte. */
  export_archive (fixture, fixture->ledger, first);
  run_cli (&result, fixture->folder, "--database", copy, "import-archive", first);
  g_assert_cmpint (result.status, ==, 0);
  cli_result_clear (&result);
  export_archive (fixture, copy, second);

  a = parse_file (first);
  b = parse_file (second);
  g_assert_cmpint (json_object_get_int_member (json_node_get_object (a), "version"), ==, 2);
  json_object_remove_member (json_node_get_object (a), "exported_at");
  json_object_remove_member (json_node_get_object (b), "exported_at");
  g_assert_true (json_node_equal (a, b));

  final = find_meeting (b, FIXTURE_MEETING);
  g_assert_cmpstr (json_object_get_string_member (final, "state"), ==, "final");
  g_assert_cmpstr (json_object_get_string_member (final, "hash"), ==, FIXTURE_HASH);
  g_assert_cmpstr (json_object_get_string_member (final, "finalized_by"), ==, "王五");
  revision = json_array_get_object_element (json_object_get_array_member (final, "revisions"), 0);
  g_assert_cmpstr (json_object_get_string_member (revision, "hash"), ==, FIXTURE_REVISION);
  g_assert_cmpstr (json_object_get_string_member (revision, "chain"), ==, FIXTURE_CHAIN);
  {
    JsonObject *sheet = json_array_get_object_element (json_object_get_array_member (final, "attachments"), 0);
    g_autofree guchar *bytes = NULL;
    gsize length;

    g_assert_cmpstr (json_object_get_string_member (sheet, "name"), ==, "签到表𠀀䶮😀.pdf");
    g_assert_cmpstr (json_object_get_string_member (sheet, "sha256"), ==, FIXTURE_SHEET_SHA);
    bytes = g_base64_decode (json_object_get_string_member (sheet, "data"), &length);
    g_assert_cmpmem (bytes, length, png_bytes, sizeof png_bytes);
  }

  /* history --json: oldest first, the contract's keys */
  RUN_OK (&result, fixture, "history", "--meeting", FIXTURE_MEETING, "--json");
  revisions = parse_text (result.out);
  g_assert_cmpuint (json_array_get_length (json_node_get_array (revisions)), ==, 1);
  revision = json_array_get_object_element (json_node_get_array (revisions), 0);
  g_assert_cmpint (json_object_get_int_member (revision, "revision"), ==, 1);
  g_assert_cmpstr (json_object_get_string_member (revision, "at"), ==, "2024-01-03T09:30:00+08:00");
  g_assert_cmpstr (json_object_get_string_member (revision, "by"), ==, "王五");
  g_assert_cmpstr (json_object_get_string_member (revision, "reason"), ==, "更正决定事项的文字");
  g_assert_cmpstr (json_object_get_string_member (revision, "hash"), ==, FIXTURE_REVISION);
  cli_result_clear (&result);

  RUN_OK (&result, fixture, "check");
  cli_result_clear (&result);
}

/* An archive whose final meeting was edited by hand is refused whole,
 * naming the meeting; so is one whose revision was, and one that calls
 * the meeting a draft while it carries its hash and history. */
static void
test_import_refuses_edited (Fixture       *fixture,
                            gconstpointer  data)
{
  static const struct { const char *from; const char *to; } edits[] = {
    { "\"title\": \"某某局党组理论学习中心组2023年第1次集体学习\"",
      "\"title\": \"某某局党组理论学习中心组2023年第2次集体学习\"" },
    { "\"reason\": \"更正决定事项的文字\"", "\"reason\": \"更正\"" },
    /* A draft that carries a hash and revisions would lose them. */
    { "\"state\": \"final\"", "\"state\": \"draft\"" },
  };
  g_autofree char *archive = fixture_archive ();
  g_autofree char *text = NULL;

  g_assert_true (g_file_get_contents (archive, &text, NULL, NULL));

  for (guint i = 0; i < G_N_ELEMENTS (edits); i++)
    {
      g_autofree char *edited_path = in_folder (fixture, "edited.json");
      g_auto(GStrv) parts = g_strsplit (text, edits[i].from, 2);
      g_autofree char *edited = NULL;
      CliResult result;

      g_assert_cmpuint (g_strv_length (parts), ==, 2);
      edited = g_strjoinv (edits[i].to, parts);
      write_file (edited_path, edited, -1);

      run_cli (&result, fixture->folder, "--database", fixture->ledger, "import-archive", edited_path);
      g_assert_cmpint (result.status, ==, 1);
      assert_one_line (result.err);
      g_assert_nonnull (strstr (result.err, FIXTURE_MEETING) ? result.err : strstr (result.err, "meetings[0]"));
      g_assert_false (g_file_test (fixture->ledger, G_FILE_TEST_EXISTS));
      cli_result_clear (&result);
    }
}

/* ------------------------------------------------------------------ */
/* Final meetings change only with a reason                            */
/* ------------------------------------------------------------------ */

static SlLedger *
ledger_with_meeting (Fixture     *fixture,
                     const char  *date,
                     SlMeeting  **meeting)
{
  g_autoptr(GError) error = NULL;
  SlLedger *ledger = sl_ledger_open (fixture->ledger, &error);

  g_assert_no_error (error);
  add_roster (ledger);
  *meeting = new_meeting (date, "党组会议2023年第1次");
  g_assert_true (sl_ledger_save_meeting (ledger, *meeting, SL_SAVE_REPLACE, &error));
  g_assert_no_error (error);
  return ledger;
}

static void
test_final_needs_reason (Fixture       *fixture,
                         gconstpointer  data)
{
  g_autoptr(SlMeeting) meeting = NULL;
  g_autoptr(SlLedger) ledger = ledger_with_meeting (fixture, "2023-03-01", &meeting);
  g_autoptr(SlFinal) final = NULL;
  g_autoptr(SlFinal) refinal = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) revisions = NULL;
  g_autoptr(SlMeeting) stored = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autofree char *before_hash = NULL;
  g_autofree char *chain = NULL;
  const char *id = sl_record_get_id (SL_RECORD (meeting));
  SlRevision *revision;
  CliResult result;

  g_assert_true (sl_evidence_finalize (ledger, id, "王芳", &final, &error));
  g_assert_no_error (error);
  stored = sl_ledger_load_meeting (ledger, id, &error);
  before = sl_evidence_hash_form (ledger, stored, FALSE, &error);
  before_hash = sl_canonical_json_sha256 (before, -1);
  g_assert_cmpstr (final->hash, ==, before_hash);

  /* Finalising twice is refused. */
  g_assert_false (sl_evidence_finalize (ledger, id, NULL, NULL, &error));
  ASSERT_ERROR (error, SL_EVIDENCE_ERROR, SL_EVIDENCE_ERROR_STATE);
  g_clear_error (&error);

  /* Saving it as it is needs no reason. */
  g_assert_true (sl_ledger_save_meeting (ledger, meeting, SL_SAVE_REPLACE, &error));
  g_assert_no_error (error);

  /* A change without a reason: refused, clearly, and nothing written. */
  sl_meeting_set_title (meeting, "党组会议2023年第2次");
  g_assert_false (sl_ledger_save_meeting (ledger, meeting, SL_SAVE_REPLACE, &error));
  ASSERT_ERROR (error, SL_EVIDENCE_ERROR, SL_EVIDENCE_ERROR_NEEDS_REASON);
  g_assert_nonnull (strstr (error->message, "reason"));
  g_clear_error (&error);
  g_clear_object (&stored);
  stored = sl_ledger_load_meeting (ledger, id, &error);
  g_assert_cmpstr (sl_meeting_get_title (stored), ==, "党组会议2023年第1次");

  /* With a reason: saved, the old content kept as revision 1, chained
   * to 64 zeros, and the meeting final again under its new hash. */
  g_assert_true (sl_ledger_save_meeting_with_reason (ledger, meeting, SL_SAVE_REPLACE, "李明",
                                                     "会议序号写错", &error));
  g_assert_no_error (error);
  g_clear_object (&stored);
  stored = sl_ledger_load_meeting (ledger, id, &error);
  after = sl_evidence_hash_form (ledger, stored, FALSE, &error);
  g_assert_true (sl_evidence_get_final (ledger, sl_record_get_key (SL_RECORD (stored)), &refinal, &error));
  {
    g_autofree char *after_hash = sl_canonical_json_sha256 (after, -1);
    g_assert_cmpstr (refinal->hash, ==, after_hash);
  }

  revisions = sl_evidence_load_revisions (ledger, sl_record_get_key (SL_RECORD (stored)), &error);
  g_assert_cmpuint (revisions->len, ==, 1);
  revision = g_ptr_array_index (revisions, 0);
  g_assert_cmpint (revision->revision, ==, 1);
  g_assert_cmpstr (revision->snapshot, ==, before);
  g_assert_cmpstr (revision->hash, ==, before_hash);
  g_assert_cmpstr (revision->by, ==, "李明");
  g_assert_cmpstr (revision->reason, ==, "会议序号写错");
  {
    g_autofree char *text = g_strjoin ("\n", "0000000000000000000000000000000000000000000000000000000000000000",
                                       before_hash, revision->at, "李明", "会议序号写错", NULL);
    chain = g_compute_checksum_for_string (G_CHECKSUM_SHA256, text, -1);
  }
  g_assert_cmpstr (revision->chain, ==, chain);

  /* A final meeting is not deleted. */
  g_assert_false (sl_ledger_delete (ledger, meeting, &error));
  ASSERT_ERROR (error, SL_EVIDENCE_ERROR, SL_EVIDENCE_ERROR_STATE);
  g_clear_error (&error);
  g_clear_object (&ledger);

  /* The command line shows the history, and check finds nothing wrong. */
  RUN_OK (&result, fixture, "history", "--meeting", id);
  g_assert_nonnull (strstr (result.out, "会议序号写错"));
  cli_result_clear (&result);
  RUN_OK (&result, fixture, "check");
  cli_result_clear (&result);

  /* finalize on the command line: a draft becomes final, once. */
  {
    g_autoptr(SlMeeting) second = new_meeting ("2023-04-01", "第二次");
    g_autoptr(SlLedger) reopened = sl_ledger_open (fixture->ledger, &error);

    g_assert_true (sl_ledger_save_meeting (reopened, second, SL_SAVE_REPLACE, &error));
    g_assert_no_error (error);
    g_clear_object (&reopened);
    RUN_OK (&result, fixture, "finalize", "--meeting", sl_record_get_id (SL_RECORD (second)), "--by", "张伟");
    cli_result_clear (&result);
    run_cli (&result, fixture->folder, "--database", fixture->ledger, "finalize", "--meeting",
             sl_record_get_id (SL_RECORD (second)));
    g_assert_cmpint (result.status, ==, 1);
    assert_one_line (result.err);
    cli_result_clear (&result);
  }
}

/* ------------------------------------------------------------------ */
/* Revisions are append-only; check finds edits behind the back         */
/* ------------------------------------------------------------------ */

static void
test_revisions_append_only (Fixture       *fixture,
                            gconstpointer  data)
{
  CliResult result;

  import_fixture (fixture);

  exec_sql (fixture->ledger, "UPDATE revisions SET reason = '无'", SQLITE_CONSTRAINT);
  exec_sql (fixture->ledger, "DELETE FROM revisions", SQLITE_CONSTRAINT);
  RUN_OK (&result, fixture, "check");
  cli_result_clear (&result);

  /* A revision slipped in behind the program's back breaks the chain. */
  exec_sql (fixture->ledger, "INSERT INTO revisions (meeting_id, revision, made_at, reason, hash, chain, "
                             "snapshot) SELECT meeting_id, 3, made_at, reason, hash, chain, snapshot "
                             "FROM revisions", SQLITE_OK);
  run_cli (&result, fixture->folder, "--database", fixture->ledger, "check");
  g_assert_cmpint (result.status, !=, 0);
  g_assert_nonnull (strstr (result.err, FIXTURE_MEETING));
  cli_result_clear (&result);
}

static void
test_check_finds_edited_meeting (Fixture       *fixture,
                                 gconstpointer  data)
{
  CliResult result;

  import_fixture (fixture);
  exec_sql (fixture->ledger, "UPDATE meetings SET title = '改过的标题' "
                             "WHERE uuid = '" FIXTURE_MEETING "'", SQLITE_OK);

  run_cli (&result, fixture->folder, "--database", fixture->ledger, "check");
  g_assert_cmpint (result.status, !=, 0);
  g_assert_nonnull (strstr (result.err, FIXTURE_MEETING));
  g_assert_null (strstr (result.err, FIXTURE_DRAFT));
  cli_result_clear (&result);
}

static void
test_check_finds_edited_revision (Fixture       *fixture,
                                  gconstpointer  data)
{
  CliResult result;

  import_fixture (fixture);

  /* The guard dropped, nothing edited yet: found already. */
  exec_sql (fixture->ledger, "DROP TRIGGER revisions_no_delete", SQLITE_OK);
  run_cli (&result, fixture->folder, "--database", fixture->ledger, "check");
  g_assert_cmpint (result.status, !=, 0);
  g_assert_nonnull (strstr (result.err, "revisions_no_delete"));
  cli_result_clear (&result);

  exec_sql (fixture->ledger, "DROP TRIGGER revisions_no_update;"
                             "UPDATE revisions SET reason = '无关紧要'", SQLITE_OK);

  run_cli (&result, fixture->folder, "--database", fixture->ledger, "check");
  g_assert_cmpint (result.status, !=, 0);
  g_assert_nonnull (strstr (result.err, FIXTURE_MEETING));
  g_assert_nonnull (strstr (result.err, "revision 1"));
  cli_result_clear (&result);

  /* An attachment's bytes changed behind the back, too. */
  exec_sql (fixture->ledger, "UPDATE attachments SET data = zeroblob (69)", SQLITE_OK);
  run_cli (&result, fixture->folder, "--database", fixture->ledger, "check");
  g_assert_cmpint (result.status, !=, 0);
  g_assert_nonnull (strstr (result.err, "签到表𠀀䶮😀.pdf"));
  cli_result_clear (&result);
}

/* ------------------------------------------------------------------ */
/* Locked years                                                        */
/* ------------------------------------------------------------------ */

static void
test_lock_refuses_core (Fixture       *fixture,
                        gconstpointer  data)
{
  g_autoptr(SlMeeting) meeting = NULL;
  g_autoptr(SlLedger) ledger = ledger_with_meeting (fixture, "2023-03-01", &meeting);
  g_autoptr(SlMeasure) measure = sl_measure_new ();
  g_autoptr(SlPlan) plan = sl_plan_new ();
  g_autoptr(SlResearchTopic) topic = sl_research_topic_new ();
  g_autoptr(SlMeeting) later = new_meeting ("2024-01-10", "2024年第1次");
  g_autoptr(SlMeeting) added = new_meeting ("2023-12-01", "补录的会议");
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) archive = NULL;
  g_autofree char *archive_path = in_folder (fixture, "locks.json");
  JsonObject *lock;
  CliResult result;

  sl_record_set_id (SL_RECORD (measure), "5e5e5e5e-0000-4000-8000-000000000001");
  sl_measure_set_text (measure, "整改落实");
  sl_measure_set_status (measure, SL_MEASURE_STATUS_OPEN);
  g_list_store_append (G_LIST_STORE (sl_meeting_get_measures (meeting)), measure);
  sl_plan_set_organization (plan, TEST_ORGANIZATION);
  sl_plan_set_year (plan, 2023);
  sl_plan_set_title (plan, "2023年学习计划");
  sl_research_topic_set_organization (topic, TEST_ORGANIZATION);
  sl_research_topic_set_year (topic, 2023);
  sl_research_topic_set_title (topic, "调研课题");
  g_assert_true (sl_ledger_save_meeting (ledger, meeting, SL_SAVE_REPLACE, &error));
  g_assert_true (sl_ledger_save_plan (ledger, plan, SL_SAVE_REPLACE, &error));
  g_assert_true (sl_ledger_save_research_topic (ledger, topic, &error));
  g_assert_no_error (error);
  /* Final, too: the lock speaks first. */
  g_assert_true (sl_evidence_finalize (ledger, sl_record_get_id (SL_RECORD (meeting)), NULL, NULL, &error));
  g_assert_no_error (error);
  g_clear_object (&ledger);

  /* The ledger has one top-level organization: lock-year takes it. */
  RUN_OK (&result, fixture, "lock-year", "2023");
  cli_result_clear (&result);
  run_cli (&result, fixture->folder, "--database", fixture->ledger, "lock-year", "2023");
  g_assert_cmpint (result.status, ==, 1);
  /* Since when, on the local clock as the other lock messages say it,
   * never the stored RFC 3339 text. */
  g_assert_nonnull (strstr (result.err, "already locked"));
  g_assert_null (strstr (result.err, "+00:00"));
  g_assert_null (strstr (result.err, "Z)"));
  cli_result_clear (&result);

  ledger = sl_ledger_open (fixture->ledger, &error);
  g_assert_no_error (error);

#define ASSERT_LOCKED(call)                                            \
  G_STMT_START {                                                       \
    g_assert_false (call);                                             \
    ASSERT_ERROR (error, SL_EVIDENCE_ERROR, SL_EVIDENCE_ERROR_LOCKED); \
    g_assert_nonnull (strstr (error->message, "2023"));                \
    g_clear_error (&error);                                            \
  } G_STMT_END

  sl_meeting_set_title (meeting, "改过的标题");
  ASSERT_LOCKED (sl_ledger_save_meeting (ledger, meeting, SL_SAVE_REPLACE, &error));
  ASSERT_LOCKED (sl_ledger_save_meeting_with_reason (ledger, meeting, SL_SAVE_REPLACE, NULL, "理由", &error));
  sl_meeting_set_title (meeting, "党组会议2023年第1次");
  ASSERT_LOCKED (sl_ledger_save_meeting (ledger, added, SL_SAVE_REPLACE, &error));
  ASSERT_LOCKED (sl_ledger_delete (ledger, meeting, &error));
  sl_plan_set_title (plan, "改过的计划");
  ASSERT_LOCKED (sl_ledger_save_plan (ledger, plan, SL_SAVE_REPLACE, &error));
  ASSERT_LOCKED (sl_ledger_delete (ledger, plan, &error));
  sl_research_topic_set_title (topic, "改过的课题");
  ASSERT_LOCKED (sl_ledger_save_research_topic (ledger, topic, &error));
  /* Moving a meeting out of the locked year is a change to it. */
  sl_meeting_set_date (meeting, "2024-03-01");
  ASSERT_LOCKED (sl_ledger_save_meeting (ledger, meeting, SL_SAVE_REPLACE, &error));
  sl_meeting_set_date (meeting, "2023-03-01");

#undef ASSERT_LOCKED

  /* The progress of measures may still be written; other years are open. */
  sl_measure_set_status (measure, SL_MEASURE_STATUS_DONE);
  sl_measure_set_progress (measure, "已完成整改");
  sl_measure_set_done_on (measure, "2024-02-01");
  g_assert_true (sl_ledger_save_meeting (ledger, meeting, SL_SAVE_REPLACE, &error));
  g_assert_no_error (error);
  g_assert_true (sl_ledger_save_meeting (ledger, later, SL_SAVE_REPLACE, &error));
  g_assert_no_error (error);
  /* ...and, the meeting being final, a revision keeps what it was. */
  {
    g_autoptr(GPtrArray) revisions = sl_evidence_load_revisions (ledger, sl_record_get_key (SL_RECORD (meeting)),
                                                                 &error);
    g_assert_no_error (error);
    g_assert_cmpuint (revisions->len, ==, 1);
    g_assert_cmpstr (((SlRevision *) g_ptr_array_index (revisions, 0))->reason, ==,
                     "更新整改措施落实情况");
  }
  g_clear_object (&ledger);

  /* Unlocking needs a reason; then changes go through again. */
  run_cli (&result, fixture->folder, "--database", fixture->ledger, "unlock-year", "2023");
  g_assert_cmpint (result.status, ==, 2);
  g_assert_nonnull (strstr (result.err, "--reason"));
  cli_result_clear (&result);
  RUN_OK (&result, fixture, "unlock-year", "2023", "--reason", "补录遗漏的会议");
  cli_result_clear (&result);

  ledger = sl_ledger_open (fixture->ledger, &error);
  g_assert_true (sl_ledger_save_meeting (ledger, added, SL_SAVE_REPLACE, &error));
  g_assert_no_error (error);
  g_clear_object (&ledger);

  /* The history of locks is kept, and written to the archive. */
  export_archive (fixture, fixture->ledger, archive_path);
  archive = parse_file (archive_path);
  lock = json_array_get_object_element (json_object_get_array_member (json_node_get_object (archive), "locks"), 0);
  g_assert_cmpstr (json_object_get_string_member (lock, "organization"), ==, TEST_ORGANIZATION);
  g_assert_cmpint (json_object_get_int_member (lock, "year"), ==, 2023);
  g_assert_nonnull (json_object_get_string_member (lock, "locked_at"));
  g_assert_nonnull (json_object_get_string_member (lock, "unlocked_at"));
  g_assert_cmpstr (json_object_get_string_member (lock, "unlock_reason"), ==, "补录遗漏的会议");
}

static void
test_lock_refuses_merge (Fixture       *fixture,
                         gconstpointer  data)
{
  g_autofree char *edited_path = in_folder (fixture, "edited.json");
  g_autofree char *archive = fixture_archive ();
  g_autofree char *text = NULL;
  g_autofree char *edited = NULL;
  g_autoptr(GBytes) before = NULL;
  g_auto(GStrv) parts = NULL;
  CliResult result;

  import_fixture (fixture);
  RUN_OK (&result, fixture, "lock-year", "2023", "--organization", "某某局党组");
  cli_result_clear (&result);

  /* The draft meeting's title changed on another desk. */
  g_assert_true (g_file_get_contents (archive, &text, NULL, NULL));
  parts = g_strsplit (text, "党组会议2023年第5次", 2);
  edited = g_strjoinv ("党组会议2023年第6次", parts);
  write_file (edited_path, edited, -1);

  before = ledger_bytes (fixture->ledger);
  run_cli (&result, fixture->folder, "--database", fixture->ledger, "import-archive", "--merge",
           edited_path, "--reason", "合并");
  g_assert_cmpint (result.status, ==, 1);
  assert_one_line (result.err);
  g_assert_nonnull (strstr (result.err, "2023"));
  cli_result_clear (&result);
  {
    g_autoptr(GBytes) after = ledger_bytes (fixture->ledger);
    g_assert_true (g_bytes_equal (before, after));
  }

  /* The same file as the ledger has it changes nothing, and is accepted. */
  RUN_OK (&result, fixture, "import-archive", "--merge", archive);
  cli_result_clear (&result);
}

/* Without --organization and with two top-level organizations, the
 * command says which there are. */
static void
test_lock_needs_organization (Fixture       *fixture,
                              gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SlLedger) ledger = sl_ledger_open (fixture->ledger, &error);
  g_autoptr(SlOrganization) other = sl_organization_new ();
  CliResult result;

  add_roster (ledger);
  sl_record_set_id (SL_RECORD (other), "6f1c9a52-0000-4000-8000-000000000002");
  sl_organization_set_name (other, "机关第二党支部");
  g_assert_true (sl_ledger_save_organization (ledger, other, &error));
  g_assert_no_error (error);
  g_clear_object (&ledger);

  run_cli (&result, fixture->folder, "--database", fixture->ledger, "lock-year", "2023");
  g_assert_cmpint (result.status, ==, 2);
  g_assert_nonnull (strstr (result.err, "机关第一党支部"));
  g_assert_nonnull (strstr (result.err, "机关第二党支部"));
  cli_result_clear (&result);

  RUN_OK (&result, fixture, "lock-year", "2023", "--organization", "机关第二党支部");
  cli_result_clear (&result);
}

/* A merge that would change a final meeting needs --reason, and then
 * leaves a revision. */
static void
test_merge_final_needs_reason (Fixture       *fixture,
                               gconstpointer  data)
{
  g_autofree char *draft_path = in_folder (fixture, "draft.json");
  g_autofree char *exported = in_folder (fixture, "exported.json");
  g_autoptr(JsonNode) document = NULL;
  g_autoptr(JsonNode) history = NULL;
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autoptr(GBytes) before = NULL;
  JsonObject *meeting;
  CliResult result;

  import_fixture (fixture);
  export_archive (fixture, fixture->ledger, exported);
  document = parse_file (exported);
  meeting = find_meeting (document, FIXTURE_MEETING);
  /* Another desk's copy of it, as a draft with other decisions. */
  json_object_remove_member (meeting, "state");
  json_object_remove_member (meeting, "hash");
  json_object_remove_member (meeting, "finalized_at");
  json_object_remove_member (meeting, "finalized_by");
  json_object_remove_member (meeting, "revisions");
  json_object_set_string_member (meeting, "decisions", "另一份决定");
  json_generator_set_root (generator, document);
  g_assert_true (json_generator_to_file (generator, draft_path, NULL));

  before = ledger_bytes (fixture->ledger);
  run_cli (&result, fixture->folder, "--database", fixture->ledger, "import-archive", "--merge", draft_path);
  g_assert_cmpint (result.status, ==, 1);
  assert_one_line (result.err);
  g_assert_nonnull (strstr (result.err, "--reason"));
  g_assert_nonnull (strstr (result.err, FIXTURE_MEETING));
  cli_result_clear (&result);
  {
    g_autoptr(GBytes) after = ledger_bytes (fixture->ledger);
    g_assert_true (g_bytes_equal (before, after));
  }

  RUN_OK (&result, fixture, "import-archive", "--merge", draft_path, "--reason", "合并办公室的修改");
  cli_result_clear (&result);
  RUN_OK (&result, fixture, "history", "--meeting", FIXTURE_MEETING, "--json");
  history = parse_text (result.out);
  g_assert_cmpuint (json_array_get_length (json_node_get_array (history)), ==, 2);
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (json_node_get_array (history), 1),
                                                  "reason"), ==, "合并办公室的修改");
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (json_node_get_array (history), 1),
                                                  "hash"), ==, FIXTURE_HASH);
  cli_result_clear (&result);
  RUN_OK (&result, fixture, "check");
  cli_result_clear (&result);
}

/* ------------------------------------------------------------------ */
/* The printed record says 定稿 and its 校验码, or 草稿                 */
/* ------------------------------------------------------------------ */

static char *
pdf_text (const char *pdf)
{
  g_autofree char *program = g_find_program_in_path ("pdftotext");
  const char *argv[] = { program, "-layout", pdf, "-", NULL };
  g_autoptr(GError) error = NULL;
  char *out = NULL;
  int status = 0;

  g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_STDERR_TO_DEV_NULL, NULL, NULL,
                &out, NULL, &status, &error);
  g_assert_no_error (error);
  g_assert_true (g_spawn_check_wait_status (status, NULL));
  return out;
}

static void
test_minutes_footer (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autofree char *final_pdf = in_folder (fixture, "final.pdf");
  g_autofree char *draft_pdf = in_folder (fixture, "draft.pdf");
  g_autofree char *program = g_find_program_in_path ("pdftotext");
  g_autofree char *final_text = NULL;
  g_autofree char *draft_text = NULL;
  CliResult result;

  if (program == NULL)
    {
      g_test_skip ("pdftotext (poppler-utils) is not installed");
      return;
    }

  import_fixture (fixture);
  RUN_OK (&result, fixture, "export", "minutes", "--meeting", FIXTURE_MEETING, "--output", final_pdf);
  cli_result_clear (&result);
  RUN_OK (&result, fixture, "export", "minutes", "--meeting", FIXTURE_DRAFT, "--output", draft_pdf);
  cli_result_clear (&result);

  /* The first 12 hex digits of the hash, upper case, in groups of 4, and
   * the day it was (last) finalised, on every page. */
  final_text = pdf_text (final_pdf);
  g_assert_nonnull (strstr (final_text, "定稿 2024-01-03 · 校验码 AA4E-8E77-588C"));
  g_assert_null (strstr (final_text, "草稿"));
  {
    g_auto(GStrv) pages = g_strsplit (final_text, "\f", -1);
    for (guint i = 0; pages[i] != NULL && pages[i][0] != '\0'; i++)
      g_assert_nonnull (strstr (pages[i], "校验码 AA4E-8E77-588C"));
  }
  draft_text = pdf_text (draft_pdf);
  g_assert_nonnull (strstr (draft_text, "草稿"));
  g_assert_null (strstr (draft_text, "校验码"));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  if (cli_path () == NULL)
    {
      g_test_skip ("STUDY_LEDGER is not set");
      return 0;
    }

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  g_test_add_func ("/evidence/canonical/json", test_canonical_json);
  g_test_add_func ("/evidence/canonical/prune", test_canonical_prune);
  ADD ("/evidence/hash/fixed", test_fixed_hash);
  ADD ("/evidence/hash/import-refuses-edited", test_import_refuses_edited);
  ADD ("/evidence/final/needs-reason", test_final_needs_reason);
  ADD ("/evidence/revisions/append-only", test_revisions_append_only);
  ADD ("/evidence/check/edited-meeting", test_check_finds_edited_meeting);
  ADD ("/evidence/check/edited-revision", test_check_finds_edited_revision);
  ADD ("/evidence/lock/core", test_lock_refuses_core);
  ADD ("/evidence/lock/merge", test_lock_refuses_merge);
  ADD ("/evidence/lock/organization", test_lock_needs_organization);
  ADD ("/evidence/merge/final-needs-reason", test_merge_final_needs_reason);
  ADD ("/evidence/minutes/footer", test_minutes_footer);

#undef ADD

  return g_test_run ();
}

