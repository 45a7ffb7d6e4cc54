/* test-evidence.c — records that stand as evidence
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Final meetings, their revisions and hash chains, locked years and
 * attachments (docs/reliability.md): through the real study-ledger binary
 * ($STUDY_LEDGER) where the feature is a command, through the core where
 * it is an API (a save without a reason), on real SQLite files in
 * temporary folders. The fixed archive tests/data/evidence-2023.json
 * holds a final meeting with one revision and one attachment; its hash
 * and chain were computed once, independently, with Python's json.dumps
 * (ensure_ascii=False, sort_keys=True, separators=(",", ":")) and are
 * written here as literals.
 */

#include "config.h"

#include <json-glib/json-glib.h>
#include <signal.h>
#include <sqlite3.h>
#include <sys/wait.h>

#include "reliability-util.h"
#include "sl-archive.h"
#include "sl-archive-evidence.h"
#include "sl-attachments.h"
#include "sl-canonical-json.h"
#include "sl-evidence.h"
#include "sl-measure.h"
#include "sl-plan.h"
#include "sl-research-topic.h"

/* The fixture's final meeting, its hash and its one revision. */
#define FIXTURE_MEETING  "66666666-6666-4666-8666-666666666661"
#define FIXTURE_DRAFT    "66666666-6666-4666-8666-666666666662"
#define FIXTURE_HASH     "aa4e8e77588c919c82208ca4f5370dc86eecdaf292a5867d31ba2d50502dcece"
#define FIXTURE_REVISION "3a29b7a45c81752735cf09241b19f9810fae96b0ce1820c4db804260c0bb8509"
#define FIXTURE_CHAIN    "38f6d08a5a038762b471981703a8ef158ff0d69775f2491b7f203ee2622f7f40"
#define FIXTURE_SHEET    "aaaaaaaa-aaaa-4aaa-8aaa-aaaaaaaaaaa1"
#define FIXTURE_SHEET_SHA "b1ff9c8ea3a780bad09b346c423d2d0e46815926879b18e841d928376a946640"

/* A 1×1 PNG: what a phone's photo of a signed sheet is, whatever its name. */
static const guchar png_bytes[] = {
  0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00, 0x00, 0x0d, 0x49, 0x48, 0x44, 0x52,
  0x00, 0x00, 0x00, 0x01, 0x00, 0x00, 0x00, 0x01, 0x08, 0x02, 0x00, 0x00, 0x00, 0x90, 0x77, 0x53,
  0xde, 0x00, 0x00, 0x00, 0x0c, 0x49, 0x44, 0x41, 0x54, 0x78, 0x9c, 0x63, 0xf8, 0xcf, 0xc0, 0x00,
  0x00, 0x03, 0x01, 0x01, 0x00, 0xc9, 0xfe, 0x92, 0xef, 0x00, 0x00, 0x00, 0x00, 0x49, 0x45, 0x4e,
  0x44, 0xae, 0x42, 0x60, 0x82,
};

typedef struct
{
  char *folder;
  char *ledger;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  fixture->folder = make_temp_folder ("sl-evidence-XXXXXX");
  fixture->ledger = g_build_filename (fixture->folder, "ledger.db", NULL);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  remove_tree (fixture->folder);
  g_free (fixture->folder);
  g_free (fixture->ledger);
}

static char *
fixture_archive (void)
{
  return g_test_build_filename (G_TEST_DIST, "data", "evidence-2023.json", NULL);
}

static char *
in_folder (Fixture    *fixture,
           const char *name)
{
  return g_build_filename (fixture->folder, name, NULL);
}

/* Runs the program on the fixture's ledger and asserts its exit status. */
#define RUN_OK(result, fixture, ...)                                              \
  G_STMT_START {                                                                  \
    run_cli ((result), (fixture)->folder, "--database", (fixture)->ledger, __VA_ARGS__); \
    g_assert_cmpint ((result)->status, ==, 0);                                    \
  } G_STMT_END

static void
import_fixture (Fixture *fixture)
{
  g_autofree char *archive = fixture_archive ();
  CliResult result;

  RUN_OK (&result, fixture, "import-archive", archive);
  cli_result_clear (&result);
}

static JsonNode *
parse_file (const char *path)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;

  json_parser_load_from_file (parser, path, &error);
  g_assert_no_error (error);
  return json_node_ref (json_parser_get_root (parser));
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

static JsonObject *
find_meeting (JsonNode   *document,
              const char *id)
{
  JsonArray *meetings = json_object_get_array_member (json_node_get_object (document), "meetings");

  for (guint i = 0; i < json_array_get_length (meetings); i++)
    {
      JsonObject *meeting = json_array_get_object_element (meetings, i);
      if (g_str_equal (json_object_get_string_member (meeting, "id"), id))
        return meeting;
    }
  g_assert_not_reached ();
}

static void
export_archive (Fixture    *fixture,
                const char *ledger,
                const char *path)
{
  CliResult result;

  run_cli (&result, fixture->folder, "--database", ledger, "export-archive", path);
  g_assert_cmpint (result.status, ==, 0);
  cli_result_clear (&result);
}

/* The ledger file's bytes once its write-ahead log is folded in. */
static GBytes *
ledger_bytes (const char *path)
{
  sqlite3 *db = NULL;

  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, "PRAGMA wal_checkpoint(TRUNCATE)", NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (db);
  return read_bytes (path);
}

static void
exec_sql (const char *path,
          const char *sql,
          int         expected)
{
  sqlite3 *db = NULL;

  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, sql, NULL, NULL, NULL) & 0xff, ==, expected);
  sqlite3_close (db);
}

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
/* Attachments                                                         */
/* ------------------------------------------------------------------ */

static gboolean
compare_chunk (gpointer      data,
               const guchar *chunk,
               gsize         size,
               GError      **error)
{
  GByteArray *out = data;

  g_byte_array_append (out, chunk, size);
  return TRUE;
}

/* The bytes of the attachment @id in the ledger at @path, read through
 * the core. */
static GBytes *
stored_bytes (const char *path,
              const char *id)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SlLedger) ledger = sl_ledger_open (path, &error);
  g_autoptr(SlAttachment) attachment = NULL;
  GByteArray *out = g_byte_array_new ();

  g_assert_no_error (error);
  attachment = sl_attachments_find (ledger, id, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (sl_attachments_read (ledger, sl_record_get_key (SL_RECORD (attachment)),
                                      compare_chunk, out, &error));
  g_assert_no_error (error);
  return g_byte_array_free_to_bytes (out);
}

static char *
attach (Fixture     *fixture,
        const char  *meeting,
        const char  *kind,
        const char  *path)
{
  CliResult result;
  char *id;

  RUN_OK (&result, fixture, "attach", "--meeting", meeting, "--kind", kind, path);
  id = g_strstrip (g_strdup (result.out));
  g_assert_true (sl_is_uuid (id));
  cli_result_clear (&result);
  return id;
}

static JsonObject *
listed (JsonNode   *list,
        const char *id)
{
  JsonArray *array = json_node_get_array (list);

  for (guint i = 0; i < json_array_get_length (array); i++)
    if (g_str_equal (json_object_get_string_member (json_array_get_object_element (array, i), "id"), id))
      return json_array_get_object_element (array, i);
  g_assert_not_reached ();
}

static void
test_attachments_round_trip (Fixture       *fixture,
                             gconstpointer  data)
{
  g_autofree char *empty_path = in_folder (fixture, "empty.bin");
  g_autofree char *photo_path = in_folder (fixture, "scan.pdf");
  g_autofree char *rare_path = in_folder (fixture, "发言稿𠀀䶮😀.txt");
  g_autofree char *backup = in_folder (fixture, "backup.db");
  g_autofree char *archive = in_folder (fixture, "archive.json");
  g_autofree char *copy = in_folder (fixture, "copy.db");
  g_autofree char *again = in_folder (fixture, "again.json");
  g_autofree char *empty_id = NULL;
  g_autofree char *photo_id = NULL;
  g_autofree char *rare_id = NULL;
  static const char rare_text[] = "全文：坚持学习\n𠀀䶮😀\n";
  g_autoptr(JsonNode) list = NULL;
  g_autoptr(JsonNode) first = NULL;
  g_autoptr(JsonNode) second = NULL;
  JsonObject *row;
  CliResult result;

  import_fixture (fixture);
  write_file (empty_path, "", 0);
  write_file (photo_path, (const char *) png_bytes, sizeof png_bytes);
  write_file (rare_path, rare_text, -1);

  empty_id = attach (fixture, FIXTURE_DRAFT, "other", empty_path);
  photo_id = attach (fixture, FIXTURE_DRAFT, "photo", photo_path);
  rare_id = attach (fixture, FIXTURE_DRAFT, "speech", rare_path);

  RUN_OK (&result, fixture, "attachments", "--meeting", FIXTURE_DRAFT, "--json");
  list = parse_text (result.out);
  cli_result_clear (&result);
  g_assert_cmpuint (json_array_get_length (json_node_get_array (list)), ==, 3);
  row = listed (list, photo_id);
  g_assert_cmpstr (json_object_get_string_member (row, "kind"), ==, "photo");
  g_assert_cmpstr (json_object_get_string_member (row, "name"), ==, "scan.pdf");
  g_assert_cmpstr (json_object_get_string_member (row, "media_type"), ==, "image/png");
  g_assert_cmpint (json_object_get_int_member (row, "size"), ==, sizeof png_bytes);
  g_assert_cmpstr (json_object_get_string_member (row, "sha256"), ==, FIXTURE_SHEET_SHA);
  row = listed (list, rare_id);
  g_assert_cmpstr (json_object_get_string_member (row, "name"), ==, "发言稿𠀀䶮😀.txt");
  g_assert_cmpstr (json_object_get_string_member (row, "media_type"), ==, "text/plain");
  row = listed (list, empty_id);
  g_assert_cmpint (json_object_get_int_member (row, "size"), ==, 0);
  g_assert_cmpstr (json_object_get_string_member (row, "sha256"), ==,
                   "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");

  /* Through a backup: byte for byte. */
  RUN_OK (&result, fixture, "backup", "--output", backup);
  cli_result_clear (&result);
  {
    g_autoptr(GBytes) photo = stored_bytes (backup, photo_id);
    g_autoptr(GBytes) rare = stored_bytes (backup, rare_id);
    g_autoptr(GBytes) empty = stored_bytes (backup, empty_id);

    g_assert_cmpmem (g_bytes_get_data (photo, NULL), g_bytes_get_size (photo), png_bytes, sizeof png_bytes);
    g_assert_cmpmem (g_bytes_get_data (rare, NULL), g_bytes_get_size (rare), rare_text, strlen (rare_text));
    g_assert_cmpuint (g_bytes_get_size (empty), ==, 0);
  }

  /* Through the archive into an empty ledger and out again. */
  export_archive (fixture, fixture->ledger, archive);
  run_cli (&result, fixture->folder, "--database", copy, "import-archive", archive);
  g_assert_cmpint (result.status, ==, 0);
  cli_result_clear (&result);
  export_archive (fixture, copy, again);
  first = parse_file (archive);
  second = parse_file (again);
  json_object_remove_member (json_node_get_object (first), "exported_at");
  json_object_remove_member (json_node_get_object (second), "exported_at");
  g_assert_true (json_node_equal (first, second));
  {
    g_autoptr(GBytes) rare = stored_bytes (copy, rare_id);
    g_assert_cmpmem (g_bytes_get_data (rare, NULL), g_bytes_get_size (rare), rare_text, strlen (rare_text));
  }

  /* detach */
  RUN_OK (&result, fixture, "detach", "--attachment", empty_id);
  cli_result_clear (&result);
  RUN_OK (&result, fixture, "attachments", "--meeting", FIXTURE_DRAFT, "--json");
  g_clear_pointer (&list, json_node_unref);
  list = parse_text (result.out);
  g_assert_cmpuint (json_array_get_length (json_node_get_array (list)), ==, 2);
  cli_result_clear (&result);

  /* An attachment may belong to one of the meeting's measures, not to
   * another meeting's. */
  RUN_OK (&result, fixture, "attach", "--meeting", FIXTURE_DRAFT, "--kind", "material",
          "--measure", "88888888-8888-4888-8888-888888888882", photo_path);
  cli_result_clear (&result);
  run_cli (&result, fixture->folder, "--database", fixture->ledger, "attach", "--meeting", FIXTURE_DRAFT,
           "--kind", "material", "--measure", "88888888-8888-4888-8888-888888888881", photo_path);
  g_assert_cmpint (result.status, ==, 1);
  assert_one_line (result.err);
  cli_result_clear (&result);

  /* A kind that is not one is refused as a usage error. */
  run_cli (&result, fixture->folder, "--database", fixture->ledger, "attach", "--meeting", FIXTURE_DRAFT,
           "--kind", "scan", photo_path);
  g_assert_cmpint (result.status, ==, 2);
  cli_result_clear (&result);
}

/* Attaching to or detaching from a final meeting changes it: a reason,
 * and a revision. */
static void
test_attachments_final (Fixture       *fixture,
                        gconstpointer  data)
{
  g_autofree char *photo_path = in_folder (fixture, "photo.jpg");
  g_autoptr(JsonNode) history = NULL;
  g_autofree char *id = NULL;
  CliResult result;

  import_fixture (fixture);
  write_file (photo_path, (const char *) png_bytes, sizeof png_bytes);

  run_cli (&result, fixture->folder, "--database", fixture->ledger, "attach", "--meeting", FIXTURE_MEETING,
           "--kind", "photo", photo_path);
  g_assert_cmpint (result.status, ==, 1);
  assert_one_line (result.err);
  g_assert_nonnull (strstr (result.err, "--reason"));
  cli_result_clear (&result);

  RUN_OK (&result, fixture, "attach", "--meeting", FIXTURE_MEETING, "--kind", "photo",
          "--reason", "补充会场照片", photo_path);
  id = g_strstrip (g_strdup (result.out));
  cli_result_clear (&result);

  run_cli (&result, fixture->folder, "--database", fixture->ledger, "detach", "--attachment", id);
  g_assert_cmpint (result.status, ==, 1);
  g_assert_nonnull (strstr (result.err, "--reason"));
  cli_result_clear (&result);
  RUN_OK (&result, fixture, "detach", "--attachment", id, "--reason", "照片重复");
  cli_result_clear (&result);

  RUN_OK (&result, fixture, "history", "--meeting", FIXTURE_MEETING, "--json");
  history = parse_text (result.out);
  g_assert_cmpuint (json_array_get_length (json_node_get_array (history)), ==, 3);
  cli_result_clear (&result);
  RUN_OK (&result, fixture, "check");
  cli_result_clear (&result);
}

/* A file of @size pseudo-random bytes, made quickly. */
static void
write_large_file (const char *path,
                  gsize       size)
{
  g_autoptr(GError) error = NULL;
  g_autofree guint32 *words = g_new (guint32, size / 4 + 1);
  guint32 x = 2463534242u;

  for (gsize i = 0; i < size / 4 + 1; i++)
    {
      x ^= x << 13;
      x ^= x >> 17;
      x ^= x << 5;
      words[i] = x;
    }
  g_file_set_contents (path, (const char *) words, size, &error);
  g_assert_no_error (error);
}

static void
test_attachments_large (Fixture       *fixture,
                        gconstpointer  data)
{
  g_autofree char *large = in_folder (fixture, "scan-50mb.bin");
  g_autofree char *too_large = in_folder (fixture, "too-large.bin");
  g_autofree char *backup = in_folder (fixture, "backup.db");
  g_autofree char *archive = in_folder (fixture, "archive.json");
  g_autofree char *copy = in_folder (fixture, "copy.db");
  g_autofree char *id = NULL;
  g_autoptr(GBytes) original = NULL;
  g_autoptr(GBytes) before = NULL;
  CliResult result;

  import_fixture (fixture);
  write_large_file (large, 50 * 1024 * 1024);
  write_large_file (too_large, 50 * 1024 * 1024 + 1);
  original = read_bytes (large);

  before = ledger_bytes (fixture->ledger);
  run_cli (&result, fixture->folder, "--database", fixture->ledger, "attach", "--meeting", FIXTURE_DRAFT,
           "--kind", "material", too_large);
  g_assert_cmpint (result.status, ==, 1);
  assert_one_line (result.err);
  g_assert_nonnull (strstr (result.err, "50 MiB"));
  cli_result_clear (&result);
  {
    g_autoptr(GBytes) after = ledger_bytes (fixture->ledger);
    g_assert_true (g_bytes_equal (before, after));
  }

  id = attach (fixture, FIXTURE_DRAFT, "material", large);

  RUN_OK (&result, fixture, "backup", "--output", backup);
  cli_result_clear (&result);
  {
    g_autoptr(GBytes) stored = stored_bytes (backup, id);
    g_assert_true (g_bytes_equal (stored, original));
  }

  export_archive (fixture, fixture->ledger, archive);
  run_cli (&result, fixture->folder, "--database", copy, "import-archive", archive);
  g_assert_cmpint (result.status, ==, 0);
  cli_result_clear (&result);
  {
    g_autoptr(GBytes) stored = stored_bytes (copy, id);
    g_assert_true (g_bytes_equal (stored, original));
  }

  run_cli (&result, fixture->folder, "--database", copy, "check");
  g_assert_cmpint (result.status, ==, 0);
  cli_result_clear (&result);
}

/* The real program killed while it writes an attachment: the ledger has
 * all of it or none of it, and is sound. The kill comes at moments
 * spread over the write; either outcome passes, so the timing matters
 * to what is exercised, never to the verdict. */
static void
test_attachments_kill (Fixture       *fixture,
                       gconstpointer  data)
{
  g_autofree char *large = in_folder (fixture, "scan.bin");
  g_autofree char *data_home = in_folder (fixture, "data-home");
  g_autofree char *sum = NULL;
  g_autoptr(GBytes) original = NULL;
  guint whole = 0, none = 0;
  guint previous = 0;
  gint64 duration;

  import_fixture (fixture);
  write_large_file (large, 12 * 1024 * 1024);
  original = read_bytes (large);
  sum = g_compute_checksum_for_bytes (G_CHECKSUM_SHA256, original);

  /* One write left to finish: how long a whole one takes here. */
  {
    gint64 start = g_get_monotonic_time ();
    g_autofree char *id = attach (fixture, FIXTURE_DRAFT, "material", large);

    duration = g_get_monotonic_time () - start;
    previous = 1;
  }

  for (guint round = 0; round < 10; round++)
    {
      const char *argv[] = { cli_path (), "--database", fixture->ledger, "attach", "--meeting",
                             FIXTURE_DRAFT, "--kind", "material", large, NULL };
      g_auto(GStrv) envp = g_environ_setenv (g_get_environ (), "XDG_DATA_HOME", data_home, TRUE);
      g_autoptr(GError) error = NULL;
      g_autoptr(SlLedger) ledger = NULL;
      g_autoptr(SlMeeting) meeting = NULL;
      g_autoptr(GPtrArray) attachments = NULL;
      g_autoptr(GPtrArray) problems = NULL;
      GPid pid;
      int status;

      g_assert_true (g_spawn_async (fixture->folder, (char **) argv, envp,
                                    G_SPAWN_DO_NOT_REAP_CHILD | G_SPAWN_STDOUT_TO_DEV_NULL,
                                    NULL, NULL, &pid, &error));
      g_assert_no_error (error);
      /* Anywhere from before the ledger is opened to just after the end. */
      g_usleep (g_test_rand_int_range (0, (int) (duration * 6 / 5) + 1));
      kill (pid, SIGKILL);
      g_assert_cmpint (waitpid (pid, &status, 0), ==, pid);

      ledger = sl_ledger_open (fixture->ledger, &error);
      g_assert_no_error (error);
      problems = sl_database_check (sl_ledger_get_database (ledger), &error);
      g_assert_no_error (error);
      g_assert_true (sl_evidence_verify (ledger, problems, &error));
      g_assert_cmpuint (problems->len, ==, 0);

      meeting = sl_ledger_load_meeting (ledger, FIXTURE_DRAFT, &error);
      attachments = sl_attachments_load (ledger, sl_record_get_key (SL_RECORD (meeting)), &error);
      g_assert_no_error (error);
      g_assert_cmpuint (attachments->len, >=, previous);
      g_assert_cmpuint (attachments->len, <=, previous + 1);
      if (attachments->len == previous + 1)
        {
          SlAttachment *last = g_ptr_array_index (attachments, attachments->len - 1);
          g_autoptr(GBytes) stored = NULL;

          g_assert_cmpstr (sl_attachment_get_sha256 (last), ==, sum);
          g_assert_cmpint (sl_attachment_get_size (last), ==, g_bytes_get_size (original));
          g_clear_object (&ledger);
          stored = stored_bytes (fixture->ledger, sl_record_get_id (SL_RECORD (last)));
          g_assert_true (g_bytes_equal (stored, original));
          whole++;
        }
      else
        none++;
      previous = attachments->len;
    }

  g_test_message ("%u kills left the attachment whole, %u left none", whole, none);
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
  ADD ("/evidence/attachments/round-trip", test_attachments_round_trip);
  ADD ("/evidence/attachments/final", test_attachments_final);
  ADD ("/evidence/attachments/large", test_attachments_large);
  ADD ("/evidence/attachments/kill", test_attachments_kill);
  ADD ("/evidence/minutes/footer", test_minutes_footer);

#undef ADD

  return g_test_run ();
}
