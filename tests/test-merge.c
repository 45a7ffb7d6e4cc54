/* test-merge.c — import-archive --merge loses nothing silently
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * ARCHIVE.md, version 2: on --merge, a key that a record leaves out keeps
 * the ledger's value, an explicit null clears it, a list left out keeps
 * the ledger's rows; UUIDs are compared and written in lower case. And
 * `--merge --dry-run` says what a merge would add and change without
 * writing a byte.
 *
 * Each test starts from tests/data/year-2023.json imported into a real
 * ledger file in a temporary folder, and merges a changed copy of it,
 * through the library (sl_archive_merge_data) or through the program
 * that meson built ($STUDY_LEDGER), as test-cli.c runs it.
 */

#include "config.h"

#include <glib/gstdio.h>
#include <json-glib/json-glib.h>
#include <string.h>
#include <sys/wait.h>

#include "sl-archive.h"
#include "sl-database.h"
#include "sl-ledger.h"
#include "sl-test-util.h"

#define FIXTURE_NAME "year-2023.json"

/* Records of the fixture that have what the tests take away. */
#define MEETING_WITH_NOTES  "meetings[16]"   /* decisions and note */
#define MEETING_WITH_GUESTS "meetings[19]"   /* three guests */
#define MEMBER_WITH_PHONE   "members[1]"     /* 孙堃: phone and note */

#define ASSERT_CONTAINS(haystack, needle)                                 \
  G_STMT_START {                                                        \
    const char *h_ = (haystack), *n_ = (needle);                        \
    g_assert_nonnull (h_);                                              \
    if (strstr (h_, n_) == NULL)                                        \
      g_assert_cmpstr (h_, ==, n_);                                     \
  } G_STMT_END

typedef struct
{
  char  *folder;
  char  *database;       /* folder/ledger.db */
  char  *fixture_text;
  gsize  fixture_length;
  char **env;
} Fixture;

/* ------------------------------------------------------------------ */
/* Helpers                                                            */
/* ------------------------------------------------------------------ */

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", FIXTURE_NAME, NULL);

  fixture->folder = make_temp_folder ("test-merge-XXXXXX");
  fixture->database = g_build_filename (fixture->folder, "ledger.db", NULL);

  g_file_get_contents (path, &fixture->fixture_text, &fixture->fixture_length, &error);
  g_assert_no_error (error);

  fixture->env = g_get_environ ();
  fixture->env = g_environ_unsetenv (fixture->env, "DISPLAY");
  fixture->env = g_environ_unsetenv (fixture->env, "WAYLAND_DISPLAY");
  fixture->env = g_environ_unsetenv (fixture->env, "LANGUAGE");
  fixture->env = g_environ_unsetenv (fixture->env, "G_MESSAGES_DEBUG");
  fixture->env = g_environ_setenv (fixture->env, "LC_ALL", "C.UTF-8", TRUE);
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
  g_clear_pointer (&fixture->fixture_text, g_free);
  g_clear_pointer (&fixture->database, g_free);
  g_clear_pointer (&fixture->folder, g_free);
}

static JsonNode *
parse (const char *text,
       gssize      length)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;

  json_parser_load_from_data (parser, text, length, &error);
  g_assert_no_error (error);
  return json_parser_steal_root (parser);
}

static JsonNode *
fixture_document (Fixture *fixture)
{
  return parse (fixture->fixture_text, fixture->fixture_length);
}

static char *
generate (JsonNode *node,
          gsize    *length)
{
  g_autoptr(JsonGenerator) generator = json_generator_new ();

  json_generator_set_root (generator, node);
  return json_generator_to_data (generator, length);
}

static char *
write_document (Fixture    *fixture,
                const char *name,
                JsonNode   *document)
{
  g_autofree char *path = g_build_filename (fixture->folder, name, NULL);
  g_autofree char *text = NULL;
  g_autoptr(GError) error = NULL;
  gsize length;

  text = generate (document, &length);
  g_file_set_contents (path, text, length, &error);
  g_assert_no_error (error);
  return g_steal_pointer (&path);
}

/* "meetings[16]" in @document */
static JsonObject *
object_at (JsonNode   *document,
           const char *where)
{
  g_auto(GStrv) parts = g_strsplit_set (where, "[]", -1);
  JsonArray *array = json_object_get_array_member (json_node_get_object (document), parts[0]);

  return json_array_get_object_element (array, atoi (parts[1]));
}

static JsonArray *
records (JsonNode   *document,
         const char *key)
{
  return json_object_get_array_member (json_node_get_object (document), key);
}

static JsonObject *
find_record (JsonNode   *document,
             const char *key,
             const char *id)
{
  JsonArray *array = records (document, key);

  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      JsonObject *record = json_array_get_object_element (array, i);
      if (g_strcmp0 (json_object_get_string_member (record, "id"), id) == 0)
        return record;
    }

  g_assert_cmpstr (id, ==, "an id of the document");
  return NULL;
}

/* Every UUID of the document, records and references, in upper case. */
static void
upper_case_ids (JsonNode *node)
{
  if (JSON_NODE_HOLDS_OBJECT (node))
    {
      JsonObject *object = json_node_get_object (node);
      g_autoptr(GList) members = json_object_get_members (object);

      for (GList *l = members; l != NULL; l = l->next)
        upper_case_ids (json_object_get_member (object, l->data));
    }
  else if (JSON_NODE_HOLDS_ARRAY (node))
    {
      JsonArray *array = json_node_get_array (node);

      for (guint i = 0; i < json_array_get_length (array); i++)
        upper_case_ids (json_array_get_element (array, i));
    }
  else if (JSON_NODE_HOLDS_VALUE (node) &&
           json_node_get_value_type (node) == G_TYPE_STRING &&
           g_uuid_string_is_valid (json_node_get_string (node)))
    {
      g_autofree char *upper = g_ascii_strup (json_node_get_string (node), -1);
      json_node_set_string (node, upper);
    }
}

/* The ledger's whole content as the archive writes it, "exported_at" left
 * out: two equal texts are two equal ledgers. */
static char *
ledger_text (SlLedger *ledger)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) document = sl_archive_build (ledger, NULL, &error);

  g_assert_no_error (error);
  json_object_remove_member (json_node_get_object (document), "exported_at");
  return generate (document, NULL);
}

static int
count_rows (SlLedger   *ledger,
            const char *table)
{
  static const struct { const char *table; const char *sql; } queries[] = {
    { "members",  "SELECT count(*) FROM members" },
    { "meetings", "SELECT count(*) FROM meetings" },
    { "studies",  "SELECT count(*) FROM studies" },
    { "attendance", "SELECT count(*) FROM attendance" },
    { "guests",   "SELECT count(*) FROM guests" },
  };
  sqlite3 *db = sl_database_get_handle (sl_ledger_get_database (ledger));

  for (guint i = 0; i < G_N_ELEMENTS (queries); i++)
    if (g_str_equal (queries[i].table, table))
      {
        sqlite3_stmt *stmt = NULL;
        int count;

        g_assert_cmpint (sqlite3_prepare_v2 (db, queries[i].sql, -1, &stmt, NULL), ==, SQLITE_OK);
        g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
        count = sqlite3_column_int (stmt, 0);
        sqlite3_finalize (stmt);
        return count;
      }

  g_assert_not_reached ();
}

static char *
table_counts (SlLedger *ledger)
{
  return g_strdup_printf ("members=%d meetings=%d studies=%d attendance=%d guests=%d",
                          count_rows (ledger, "members"), count_rows (ledger, "meetings"),
                          count_rows (ledger, "studies"), count_rows (ledger, "attendance"),
                          count_rows (ledger, "guests"));
}

/* The fixture imported into a new ledger.db (plain import). */
static SlLedger *
open_with_fixture (Fixture *fixture)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SlLedger) ledger = sl_ledger_open (fixture->database, &error);

  g_assert_no_error (error);
  g_assert_true (sl_archive_import_data (ledger, fixture->fixture_text, fixture->fixture_length,
                                         FIXTURE_NAME, FALSE, NULL, &error));
  g_assert_no_error (error);
  return g_steal_pointer (&ledger);
}

static void
merge (SlLedger        *ledger,
       JsonNode        *document,
       gboolean         dry_run,
       SlArchiveReport *report)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  gsize length;

  text = generate (document, &length);
  if (report == NULL && !dry_run)   /* as the window merges */
    g_assert_true (sl_archive_import_data (ledger, text, length, "copy.json", TRUE, NULL, &error));
  else
    g_assert_true (sl_archive_merge_data (ledger, text, length, "copy.json", dry_run,
                                          NULL, report, &error));
  g_assert_no_error (error);
}

/* The keys left out that the user reported: decisions and note of every
 * meeting, its guests, phone and note of every member. */
static void
leave_keys_out (JsonNode *document)
{
  JsonArray *meetings = records (document, "meetings");
  JsonArray *members = records (document, "members");

  for (guint i = 0; i < json_array_get_length (meetings); i++)
    {
      JsonObject *meeting = json_array_get_object_element (meetings, i);

      json_object_remove_member (meeting, "decisions");
      json_object_remove_member (meeting, "note");
      json_object_remove_member (meeting, "guests");
    }

  for (guint i = 0; i < json_array_get_length (members); i++)
    {
      JsonObject *member = json_array_get_object_element (members, i);

      json_object_remove_member (member, "phone");
      json_object_remove_member (member, "note");
    }
}

/* ------------------------------------------------------------------ */
/* The program                                                        */
/* ------------------------------------------------------------------ */

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

static Result
run_argv (Fixture     *fixture,
          const char **args)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  const char *program = g_getenv ("STUDY_LEDGER");
  Result result = { 0 };
  int wait_status = 0;

  g_assert_nonnull (program);
  g_ptr_array_add (argv, (gpointer) program);
  g_ptr_array_add (argv, "--database");
  g_ptr_array_add (argv, fixture->database);
  for (guint i = 0; args[i] != NULL; i++)
    g_ptr_array_add (argv, (gpointer) args[i]);
  g_ptr_array_add (argv, NULL);

  wait_status = spawn_captured (fixture->folder, fixture->env, NULL,
                                (const char * const *) argv->pdata, &result.out, &result.err);
  g_test_message ("%s ...\n  stdout: %.2000s\n  stderr: %s", args[0], result.out, result.err);
  g_assert_true (WIFEXITED (wait_status));

  result.status = WEXITSTATUS (wait_status);
  return result;
}

#define run(fixture, ...) \
  run_argv ((fixture), (const char *[]) { __VA_ARGS__, NULL })

static void
import_with_program (Fixture *fixture)
{
  g_autoptr(JsonNode) document = fixture_document (fixture);
  g_autofree char *path = write_document (fixture, "start.json", document);
  g_auto(Result) result = run (fixture, "import-archive", path);

  g_assert_cmpint (result.status, ==, 0);
}

/* ------------------------------------------------------------------ */
/* Tests                                                              */
/* ------------------------------------------------------------------ */

/* The same records with upper-case ids are the same records: merged onto
 * them, nothing added, nothing changed. */
static void
test_upper_case_ids (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autoptr(SlLedger) ledger = open_with_fixture (fixture);
  g_autoptr(JsonNode) copy = fixture_document (fixture);
  g_autofree char *before = ledger_text (ledger);
  g_autofree char *counts_before = table_counts (ledger);
  g_autofree char *after = NULL;
  g_autofree char *counts_after = NULL;
  g_auto(SlArchiveReport) report = { 0 };

  upper_case_ids (copy);
  sl_archive_report_init (&report);
  merge (ledger, copy, FALSE, &report);

  counts_after = table_counts (ledger);
  after = ledger_text (ledger);
  g_assert_cmpstr (counts_after, ==, counts_before);
  g_assert_cmpstr (after, ==, before);
  g_assert_cmpuint (report.added, ==, 0);
  g_assert_cmpuint (report.changed, ==, 0);
  g_assert_cmpuint (report.unchanged, ==, 4 + 16 + 1 + 27 + 6);
}

/* Upper-case ids imported into an empty ledger are stored in lower case. */
static void
test_upper_case_stored_lower (Fixture       *fixture,
                              gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SlLedger) ledger = sl_ledger_open (fixture->database, &error);
  g_autoptr(JsonNode) copy = fixture_document (fixture);
  g_autoptr(SlLedger) reference = NULL;
  g_autofree char *text = NULL;
  g_autofree char *expected = NULL;
  g_autofree char *got = NULL;
  gsize length;

  g_assert_no_error (error);
  upper_case_ids (copy);
  text = generate (copy, &length);
  g_assert_true (sl_archive_import_data (ledger, text, length, "upper.json", FALSE, NULL, &error));
  g_assert_no_error (error);

  g_free (fixture->database);
  fixture->database = g_build_filename (fixture->folder, "reference.db", NULL);
  reference = open_with_fixture (fixture);

  got = ledger_text (ledger);
  expected = ledger_text (reference);
  g_assert_cmpstr (got, ==, expected);
}

/* Keys and lists left out keep the ledger's values. */
static void
test_keys_left_out (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autoptr(SlLedger) ledger = open_with_fixture (fixture);
  g_autoptr(JsonNode) original = fixture_document (fixture);
  g_autoptr(JsonNode) copy = fixture_document (fixture);
  g_autoptr(JsonNode) exported = NULL;
  g_autofree char *before = ledger_text (ledger);
  g_autofree char *after = NULL;
  g_autoptr(GError) error = NULL;
  JsonObject *meeting, *member;
  const char *meeting_id, *member_id;
  int guests = count_rows (ledger, "guests");

  g_assert_cmpint (guests, >, 0);
  leave_keys_out (copy);
  merge (ledger, copy, FALSE, NULL);

  g_assert_cmpint (count_rows (ledger, "guests"), ==, guests);
  after = ledger_text (ledger);
  g_assert_cmpstr (after, ==, before);

  /* Spelled out for the records the user saw emptied. */
  exported = sl_archive_build (ledger, NULL, &error);
  g_assert_no_error (error);
  meeting_id = json_object_get_string_member (object_at (original, MEETING_WITH_NOTES), "id");
  meeting = find_record (exported, "meetings", meeting_id);
  g_assert_cmpstr (json_object_get_string_member (meeting, "decisions"), ==,
                   json_object_get_string_member (object_at (original, MEETING_WITH_NOTES), "decisions"));
  g_assert_nonnull (json_object_get_string_member (meeting, "note"));
  meeting_id = json_object_get_string_member (object_at (original, MEETING_WITH_GUESTS), "id");
  meeting = find_record (exported, "meetings", meeting_id);
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (meeting, "guests")), ==, 3);
  member_id = json_object_get_string_member (object_at (original, MEMBER_WITH_PHONE), "id");
  member = find_record (exported, "members", member_id);
  g_assert_cmpstr (json_object_get_string_member (member, "phone"), ==, "13807316622");
  g_assert_cmpstr (json_object_get_string_member (member, "note"), ==, "联系机关第二党支部");
}

/* An explicit null clears a value; a present empty list clears the rows;
 * a new record still gets defaults for the keys it leaves out. */
static void
test_null_clears (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autoptr(SlLedger) ledger = open_with_fixture (fixture);
  g_autoptr(JsonNode) copy = fixture_document (fixture);
  g_autoptr(JsonNode) exported = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *new_id = g_uuid_string_random ();
  JsonObject *notes = object_at (copy, MEETING_WITH_NOTES);
  JsonObject *guests = object_at (copy, MEETING_WITH_GUESTS);
  JsonObject *member = object_at (copy, MEMBER_WITH_PHONE);
  JsonObject *added = json_object_new ();
  g_autofree char *notes_id = g_strdup (json_object_get_string_member (notes, "id"));
  g_autofree char *guests_id = g_strdup (json_object_get_string_member (guests, "id"));
  g_autofree char *member_id = g_strdup (json_object_get_string_member (member, "id"));
  int guests_before = count_rows (ledger, "guests");
  JsonObject *record;

  leave_keys_out (copy);
  json_object_set_null_member (notes, "decisions");
  json_object_set_array_member (guests, "guests", json_array_new ());
  json_object_set_null_member (member, "phone");

  /* Only what a meeting must have. */
  json_object_set_string_member (added, "id", new_id);
  json_object_set_string_member (added, "organization",
                                 json_object_get_string_member (notes, "organization"));
  json_object_set_string_member (added, "kind", json_object_get_string_member (notes, "kind"));
  json_object_set_string_member (added, "date", "2023-12-30");
  json_array_add_object_element (records (copy, "meetings"), added);

  merge (ledger, copy, FALSE, NULL);

  exported = sl_archive_build (ledger, NULL, &error);
  g_assert_no_error (error);

  record = find_record (exported, "meetings", notes_id);
  g_assert_true (json_object_get_null_member (record, "decisions"));
  g_assert_nonnull (json_object_get_string_member (record, "note"));   /* left out: kept */

  record = find_record (exported, "meetings", guests_id);
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (record, "guests")), ==, 0);
  g_assert_cmpint (count_rows (ledger, "guests"), ==, guests_before - 3);

  record = find_record (exported, "members", member_id);
  g_assert_true (json_object_get_null_member (record, "phone"));
  g_assert_cmpstr (json_object_get_string_member (record, "note"), ==, "联系机关第二党支部");

  record = find_record (exported, "meetings", new_id);
  g_assert_true (json_object_get_null_member (record, "decisions"));
  g_assert_true (json_object_get_null_member (record, "title"));
  g_assert_false (json_object_get_boolean_member (record, "expanded"));
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (record, "guests")), ==, 0);
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (record, "attendance")), ==, 0);
}

/* An organization that leaves out its parent keeps the ledger's: a file
 * that makes that parent its child is a circle, refused whole. */
static void
test_parent_left_out (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autoptr(SlLedger) ledger = open_with_fixture (fixture);
  g_autoptr(JsonNode) copy = fixture_document (fixture);
  g_autofree char *before = ledger_text (ledger);
  g_autofree char *after = NULL;
  g_autofree char *text = NULL;
  g_autoptr(GError) error = NULL;
  JsonObject *committee = object_at (copy, "organizations[1]");   /* parent: the 党组 */
  JsonObject *group = object_at (copy, "organizations[0]");
  gsize length;

  g_assert_cmpstr (json_object_get_string_member (committee, "parent"), ==,
                   json_object_get_string_member (group, "id"));
  json_object_remove_member (committee, "parent");
  json_object_set_string_member (group, "parent", json_object_get_string_member (committee, "id"));

  text = generate (copy, &length);
  g_assert_false (sl_archive_merge_data (ledger, text, length, "copy.json", FALSE, NULL, NULL, &error));
  g_assert_error (error, SL_ARCHIVE_ERROR, SL_ARCHIVE_ERROR_INVALID);
  ASSERT_CONTAINS (error->message, "circle");

  after = ledger_text (ledger);
  g_assert_cmpstr (after, ==, before);
}

/* The copy the dry-run tests merge: one meeting's decisions and note
 * changed, one member's phone, one meeting added, the rest as it is. */
static JsonNode *
changed_copy (Fixture     *fixture,
              const char  *new_id,
              char       **meeting_id,
              char       **member_id)
{
  JsonNode *copy = fixture_document (fixture);
  JsonObject *meeting = object_at (copy, MEETING_WITH_NOTES);
  JsonObject *member = object_at (copy, MEMBER_WITH_PHONE);
  JsonObject *added = json_object_new ();

  json_object_set_string_member (meeting, "decisions", "会议决定：下月再议。");
  json_object_set_string_member (meeting, "note", "补记");
  json_object_set_string_member (member, "phone", "13800000000");
  *meeting_id = g_strdup (json_object_get_string_member (meeting, "id"));
  *member_id = g_strdup (json_object_get_string_member (member, "id"));

  json_object_set_string_member (added, "id", new_id);
  json_object_set_string_member (added, "organization",
                                 json_object_get_string_member (meeting, "organization"));
  json_object_set_string_member (added, "kind", json_object_get_string_member (meeting, "kind"));
  json_object_set_string_member (added, "title", "临时会议");
  json_object_set_string_member (added, "date", "2023-12-30");
  json_array_add_object_element (records (copy, "meetings"), added);

  return copy;
}

static void
assert_summary (const char *summary,
                const char *new_id,
                const char *meeting_id,
                const char *member_id)
{
  g_autofree char *added = g_strdup_printf ("added meeting %s 《临时会议》\n", new_id);
  g_autofree char *changed = g_strdup_printf ("changed meeting %s 《中共临江市统计局党组2023年第8次会议》: "
                                              "decisions, note\n", meeting_id);
  g_autofree char *phone = g_strdup_printf ("changed member %s 孙堃: phone\n", member_id);

  ASSERT_CONTAINS (summary, added);
  ASSERT_CONTAINS (summary, changed);
  ASSERT_CONTAINS (summary, phone);
  /* 4 organizations, 16 members, 1 plan, 27 meetings, 6 topics; two changed. */
  ASSERT_CONTAINS (summary, "1 records");
  ASSERT_CONTAINS (summary, " 52 ");
}

/* The last line of @text, and @text without it. */
static char *
split_last_line (const char *text,
                 char      **rest)
{
  gsize length = strlen (text);
  const char *start;

  g_assert_cmpuint (length, >, 0);
  g_assert_cmpint (text[length - 1], ==, '\n');
  for (start = text + length - 1; start > text && start[-1] != '\n'; start--)
    ;
  *rest = g_strndup (text, start - text);
  return g_strdup (start);
}

/* Through the library: the report lists what would change, and the file
 * is the same to the byte. */
static void
test_dry_run (Fixture       *fixture,
              gconstpointer  data)
{
  g_autoptr(SlLedger) ledger = open_with_fixture (fixture);
  g_autofree char *new_id = g_uuid_string_random ();
  g_autofree char *meeting_id = NULL;
  g_autofree char *member_id = NULL;
  g_autoptr(JsonNode) copy = changed_copy (fixture, new_id, &meeting_id, &member_id);
  g_autofree char *before = ledger_text (ledger);
  g_autofree char *after = NULL;
  g_autofree char *hash_before = NULL;
  g_autofree char *hash_after = NULL;
  g_autofree char *dry_summary = NULL;
  g_autofree char *real_summary = NULL;
  g_auto(SlArchiveReport) report = { 0 };
  g_autoptr(GError) error = NULL;

  g_clear_object (&ledger);
  hash_before = sha256_of (fixture->database);

  ledger = sl_ledger_open (fixture->database, &error);
  g_assert_no_error (error);
  sl_archive_report_init (&report);
  merge (ledger, copy, TRUE, &report);
  g_assert_cmpuint (report.added, ==, 1);
  g_assert_cmpuint (report.changed, ==, 2);
  g_assert_cmpuint (report.unchanged, ==, 52);
  dry_summary = sl_archive_report_format (&report, "copy.json", TRUE);
  assert_summary (dry_summary, new_id, meeting_id, member_id);
  after = ledger_text (ledger);
  g_assert_cmpstr (after, ==, before);
  g_clear_object (&ledger);

  hash_after = sha256_of (fixture->database);
  g_assert_cmpstr (hash_after, ==, hash_before);

  /* The real merge reports the same. */
  ledger = sl_ledger_open (fixture->database, &error);
  g_assert_no_error (error);
  merge (ledger, copy, FALSE, &report);
  real_summary = sl_archive_report_format (&report, "copy.json", FALSE);
  assert_summary (real_summary, new_id, meeting_id, member_id);
  {
    g_autofree char *dry_lines = NULL, *real_lines = NULL;
    g_autofree char *dry_last = split_last_line (dry_summary, &dry_lines);
    g_autofree char *real_last = split_last_line (real_summary, &real_lines);

    g_assert_cmpstr (real_lines, ==, dry_lines);
    g_assert_cmpstr (real_last, ==, "Merged copy.json: 1 records added, 2 changed, 52 left as they were\n");
  }
  g_clear_pointer (&after, g_free);
  after = ledger_text (ledger);
  g_assert_cmpstr (after, !=, before);
  g_assert_cmpint (count_rows (ledger, "meetings"), ==, 28);
}

/* Through the program: --dry-run lists, writes nothing; --merge lists the
 * same and writes; --dry-run alone is a usage error. */
static void
test_program_dry_run (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autofree char *new_id = g_uuid_string_random ();
  g_autofree char *meeting_id = NULL;
  g_autofree char *member_id = NULL;
  g_autoptr(JsonNode) copy = changed_copy (fixture, new_id, &meeting_id, &member_id);
  g_autofree char *path = write_document (fixture, "copy.json", copy);
  g_autofree char *hash_before = NULL;
  g_autofree char *hash_after = NULL;
  g_autofree char *dry_last = NULL, *dry_lines = NULL;
  g_autofree char *real_last = NULL, *real_lines = NULL;

  import_with_program (fixture);
  hash_before = sha256_of (fixture->database);

  {
    g_auto(Result) result = run (fixture, "import-archive", path, "--dry-run");

    g_assert_cmpint (result.status, ==, 2);
    ASSERT_CONTAINS (result.err, "--merge");
  }
  {
    g_auto(Result) result = run (fixture, "import-archive", path, "--merge", "--dry-run");

    g_assert_cmpint (result.status, ==, 0);
    g_assert_cmpstr (result.err, ==, "");
    assert_summary (result.out, new_id, meeting_id, member_id);
    ASSERT_CONTAINS (result.out, "Dry run");
    dry_last = split_last_line (result.out, &dry_lines);
  }

  hash_after = sha256_of (fixture->database);
  g_assert_cmpstr (hash_after, ==, hash_before);

  {
    g_auto(Result) result = run (fixture, "import-archive", path, "--merge");

    g_assert_cmpint (result.status, ==, 0);
    g_assert_cmpstr (result.err, ==, "");
    assert_summary (result.out, new_id, meeting_id, member_id);
    real_last = split_last_line (result.out, &real_lines);
  }

  g_assert_cmpstr (real_lines, ==, dry_lines);
  g_assert_cmpstr (real_last, !=, dry_last);
  g_clear_pointer (&hash_after, g_free);
  hash_after = sha256_of (fixture->database);
  g_assert_cmpstr (hash_after, !=, hash_before);

  /* Merged again, nothing is left to change. */
  {
    g_auto(Result) result = run (fixture, "import-archive", path, "--merge", "--dry-run");

    g_assert_cmpint (result.status, ==, 0);
    ASSERT_CONTAINS (result.out, "would add 0 records, change 0 and leave 55");
  }
}

/* Through the program: an upper-case copy merges onto the same records
 * (statistics as they were), and an upper-case --meeting id finds its
 * meeting. */
static void
test_program_upper_case (Fixture       *fixture,
                         gconstpointer  data)
{
  g_autoptr(JsonNode) copy = fixture_document (fixture);
  g_autofree char *path = NULL;
  g_autofree char *stats = NULL;
  g_autofree char *merged = NULL;
  g_autofree char *meeting = NULL;
  g_autofree char *output = g_build_filename (fixture->folder, "sign-in.pdf", NULL);

  import_with_program (fixture);
  {
    g_auto(Result) result = run (fixture, "stats", "--year", "2023", "--json");

    g_assert_cmpint (result.status, ==, 0);
    stats = g_steal_pointer (&result.out);
  }

  upper_case_ids (copy);
  path = write_document (fixture, "upper.json", copy);
  {
    g_auto(Result) result = run (fixture, "import-archive", path, "--merge");

    g_assert_cmpint (result.status, ==, 0);
    merged = g_steal_pointer (&result.out);
  }
  {
    g_auto(Result) result = run (fixture, "stats", "--year", "2023", "--json");

    g_assert_cmpint (result.status, ==, 0);
    g_assert_cmpstr (result.out, ==, stats);
  }
  ASSERT_CONTAINS (merged, ": 0 records added, 0 changed, 54 left as they were");

  meeting = g_strdup (json_object_get_string_member (object_at (copy, MEETING_WITH_NOTES), "id"));
  {
    g_auto(Result) result = run (fixture, "export", "sign-in", "--meeting", meeting,
                                 "--output", output);

    g_assert_cmpint (result.status, ==, 0);
    g_assert_true (g_file_test (output, G_FILE_TEST_IS_REGULAR));
  }
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add ("/merge/" path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("upper-case-ids", test_upper_case_ids);
  ADD ("upper-case-stored-lower", test_upper_case_stored_lower);
  ADD ("keys-left-out", test_keys_left_out);
  ADD ("null-clears", test_null_clears);
  ADD ("parent-left-out", test_parent_left_out);
  ADD ("dry-run", test_dry_run);
  ADD ("program/dry-run", test_program_dry_run);
  ADD ("program/upper-case", test_program_upper_case);

#undef ADD

  return g_test_run ();
}
