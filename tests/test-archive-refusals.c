/* test-archive-refusals.c — what an archive import refuses, and that it writes nothing then
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Each refusal breaks one value of a fresh in-memory copy of the fixture
 * tests/data/year-2023.json (tests/lib/sl-test-archive.h), as late in the
 * file as the contract allows (the last meeting, the last member), so that
 * a refusal that leaves the earlier, good records behind is caught; the
 * ledger must then be as it was, row for row and in its live lists.
 */

#include "config.h"

#include <glib/gstdio.h>
#include <json-glib/json-glib.h>
#include <string.h>
#include <sys/stat.h>

#include "sl-archive.h"
#include "sl-database.h"
#include "sl-ledger.h"
#include "sl-meeting.h"
#include "sl-study.h"
#include "sl-test-archive.h"
#include "sl-test-util.h"

/* ------------------------------------------------------------------ */
/* Refusals                                                           */
/* ------------------------------------------------------------------ */

typedef struct
{
  const char     *name;
  SlArchiveError  code;
  /* Breaks one value of @document; returns the path the message names. */
  char         *(*mutate) (JsonNode *document);
  /* Or: bytes that are no archive at all. */
  const char     *raw;
  gssize          raw_length;
  /* A required key left out: a merge takes it from the ledger's copy
   * (ARCHIVE.md), so only a plain import refuses it. */
  gboolean        merge_keeps;
} Refusal;

static char *
break_format (JsonNode *document)
{
  json_object_set_string_member (json_node_get_object (document), "format", "study-ledger-backup");
  return g_strdup ("format");
}

static char *
break_version_missing (JsonNode *document)
{
  json_object_remove_member (json_node_get_object (document), "version");
  return g_strdup ("version");
}

static char *
break_version_newer (JsonNode *document)
{
  json_object_set_int_member (json_node_get_object (document), "version", 3);
  return g_strdup ("version");
}

static char *
break_attendance_member (JsonNode *document)
{
  g_autofree char *row = g_strdup_printf ("meetings[%u].attendance[7]", last_meeting (document));

  json_object_set_string_member (object_at (document, row), "member", UNKNOWN_ID);
  return g_strdup_printf ("%s.member", row);
}

static char *
break_plan_item (JsonNode *document)
{
  g_autofree char *meeting = g_strdup_printf ("meetings[%u]", last_meeting (document));

  json_object_set_string_member (object_at (document, meeting), "plan_item", UNKNOWN_ID);
  return g_strdup_printf ("%s.plan_item", meeting);
}

static char *
break_plan_lead (JsonNode *document)
{
  JsonArray *leads = array_at (document, "plans[0].items[7].leads");

  json_array_add_string_element (leads, UNKNOWN_ID);
  return g_strdup_printf ("plans[0].items[7].leads[%u]", json_array_get_length (leads) - 1);
}

static char *
break_parent (JsonNode *document)
{
  json_object_set_string_member (object_at (document, "organizations[3]"), "parent", UNKNOWN_ID);
  return g_strdup ("organizations[3].parent");
}

static char *
break_date_invalid (JsonNode *document)
{
  g_autofree char *meeting = g_strdup_printf ("meetings[%u]", last_meeting (document));

  json_object_set_string_member (object_at (document, meeting), "date", "2023-02-30");
  return g_strdup_printf ("%s.date", meeting);
}

static char *
break_date_empty (JsonNode *document)
{
  g_autofree char *measure = g_strdup_printf ("meetings[%u].measures[1]", last_meeting (document));

  json_object_set_string_member (object_at (document, measure), "due_on", "");
  return g_strdup_printf ("%s.due_on", measure);
}

static char *
break_member_date_empty (JsonNode *document)
{
  json_object_set_string_member (object_at (document, "members[15]"), "left_on", "");
  return g_strdup ("members[15].left_on");
}

static char *
break_time (JsonNode *document)
{
  g_autofree char *meeting = g_strdup_printf ("meetings[%u]", last_meeting (document));

  json_object_set_string_member (object_at (document, meeting), "start", "25:00");
  return g_strdup_printf ("%s.start", meeting);
}

static char *
break_end_before_start (JsonNode *document)
{
  g_autofree char *meeting = g_strdup_printf ("meetings[%u]", last_meeting (document));
  JsonObject *object = object_at (document, meeting);

  json_object_set_string_member (object, "start", "15:00");
  json_object_set_string_member (object, "end", "14:30");
  return g_strdup_printf ("%s.end", meeting);
}

static char *
break_makeup_before_meeting (JsonNode *document)
{
  g_autofree char *row = g_strdup_printf ("meetings[%u].attendance[7]", last_meeting (document));
  JsonObject *object = object_at (document, row);

  /* The fixture's row is a leave made up on 2024-01-04. */
  g_assert_cmpstr (json_object_get_string_member (object, "status"), ==, "leave");
  json_object_set_string_member (json_object_get_object_member (object, "makeup"), "on", "2023-12-20");
  return g_strdup_printf ("%s.makeup.on", row);
}

static char *
break_kind (JsonNode *document)
{
  g_autofree char *meeting = g_strdup_printf ("meetings[%u]", last_meeting (document));

  json_object_set_string_member (object_at (document, meeting), "kind", "party");
  return g_strdup_printf ("%s.kind", meeting);
}

static char *
break_leave_kind (JsonNode *document)
{
  g_autofree char *row = g_strdup_printf ("meetings[%u].attendance[7]", last_meeting (document));

  json_object_set_string_member (object_at (document, row), "leave_kind", "公假");
  return g_strdup_printf ("%s.leave_kind", row);
}

static char *
break_sequence_text (JsonNode *document)
{
  g_autofree char *meeting = g_strdup_printf ("meetings[%u]", last_meeting (document));

  json_object_set_string_member (object_at (document, meeting), "sequence", "2");
  return g_strdup_printf ("%s.sequence", meeting);
}

static char *
break_expanded_text (JsonNode *document)
{
  g_autofree char *meeting = g_strdup_printf ("meetings[%u]", last_meeting (document));

  json_object_set_string_member (object_at (document, meeting), "expanded", "yes");
  return g_strdup_printf ("%s.expanded", meeting);
}

static char *
break_duplicate_member_id (JsonNode *document)
{
  const char *id = json_object_get_string_member (object_at (document, "members[2]"), "id");
  g_autofree char *copy = g_strdup (id);

  json_object_set_string_member (object_at (document, "members[15]"), "id", copy);
  return g_strdup ("members[15].id");
}

static char *
break_attendance_twice (JsonNode *document)
{
  guint last = last_meeting (document);
  g_autofree char *first = g_strdup_printf ("meetings[%u].attendance[0]", last);
  g_autofree char *row = g_strdup_printf ("meetings[%u].attendance[7]", last);
  g_autofree char *member = g_strdup (json_object_get_string_member (object_at (document, first), "member"));

  json_object_set_string_member (object_at (document, row), "member", member);
  return g_strdup_printf ("%s.member", row);
}

static char *
break_id_not_uuid (JsonNode *document)
{
  g_autofree char *meeting = g_strdup_printf ("meetings[%u]", last_meeting (document));

  json_object_set_string_member (object_at (document, meeting), "id", "2023-situation-analysis-2");
  return g_strdup_printf ("%s.id", meeting);
}

static char *
break_meeting_date_missing (JsonNode *document)
{
  g_autofree char *meeting = g_strdup_printf ("meetings[%u]", last_meeting (document));

  json_object_remove_member (object_at (document, meeting), "date");
  return g_strdup_printf ("%s.date", meeting);
}

static char *
break_member_name_missing (JsonNode *document)
{
  json_object_remove_member (object_at (document, "members[15]"), "name");
  return g_strdup ("members[15].name");
}

static char *
break_member_name_null (JsonNode *document)
{
  json_object_set_null_member (object_at (document, "members[15]"), "name");
  return g_strdup ("members[15].name");
}

/* 党组 ← 机关党委 ← 党组: the first of the circle that cannot be placed. */
static char *
break_parent_cycle (JsonNode *document)
{
  g_autofree char *committee = g_strdup (json_object_get_string_member (object_at (document, "organizations[1]"),
                                                                         "id"));

  json_object_set_string_member (object_at (document, "organizations[0]"), "parent", committee);
  return g_strdup ("organizations[0].parent");
}

static const char not_json[] = "{ \"format\": \"study-ledger-archive\", \"version\": 1, \"members\": [ { \"id\": ";
static const char an_array[] = "[ { \"format\": \"study-ledger-archive\", \"version\": 1 } ]";
static const char not_utf8[] = "{ \"format\": \"study-ledger-archive\", \"version\": 1, \"note\": \"\xd6\xd0\xce\xc4\" }";

/* The meetings of a large archive are read one by one, apart from the
 * rest (sl_archive_import_data); a meeting that is not JSON or not UTF-8
 * is still refused as the whole text is, before the invalid id of a
 * meeting ahead of it. */
static const char meeting_not_json[] =
  "{ \"format\": \"study-ledger-archive\", \"version\": 1,\n"
  "  \"meetings\": [ { \"id\": \"not-a-uuid\" },\n"
  "    { \"title\" \"没有冒号\" } ] }";
static const char meeting_not_utf8[] =
  "{ \"format\": \"study-ledger-archive\", \"version\": 1,\n"
  "  \"meetings\": [ { \"id\": \"not-a-uuid\" }, { \"title\": \"\xd6\xd0\xce\xc4\" } ] }";

static const Refusal refusals[] = {
  { "meeting-not-json",      SL_ARCHIVE_ERROR_READ,    NULL, meeting_not_json, sizeof meeting_not_json - 1 },
  { "meeting-not-utf8",      SL_ARCHIVE_ERROR_READ,    NULL, meeting_not_utf8, sizeof meeting_not_utf8 - 1 },
  { "not-json",              SL_ARCHIVE_ERROR_READ,    NULL, not_json, sizeof not_json - 1 },
  { "empty-file",            SL_ARCHIVE_ERROR_READ,    NULL, "", 0 },
  { "not-utf8",              SL_ARCHIVE_ERROR_READ,    NULL, not_utf8, sizeof not_utf8 - 1 },
  { "json-array",            SL_ARCHIVE_ERROR_FORMAT,  NULL, an_array, sizeof an_array - 1 },
  { "wrong-format",          SL_ARCHIVE_ERROR_FORMAT,  break_format },
  { "version-missing",       SL_ARCHIVE_ERROR_FORMAT,  break_version_missing },
  { "version-newer",         SL_ARCHIVE_ERROR_FORMAT,  break_version_newer },
  { "dangling-member",       SL_ARCHIVE_ERROR_INVALID, break_attendance_member },
  { "dangling-plan-item",    SL_ARCHIVE_ERROR_INVALID, break_plan_item },
  { "dangling-plan-lead",    SL_ARCHIVE_ERROR_INVALID, break_plan_lead },
  { "dangling-parent",       SL_ARCHIVE_ERROR_INVALID, break_parent },
  { "date-invalid",          SL_ARCHIVE_ERROR_INVALID, break_date_invalid },
  { "date-empty",            SL_ARCHIVE_ERROR_INVALID, break_date_empty },
  { "member-date-empty",     SL_ARCHIVE_ERROR_INVALID, break_member_date_empty },
  { "time-invalid",          SL_ARCHIVE_ERROR_INVALID, break_time },
  { "end-before-start",      SL_ARCHIVE_ERROR_INVALID, break_end_before_start },
  { "makeup-before-meeting", SL_ARCHIVE_ERROR_INVALID, break_makeup_before_meeting },
  { "unknown-kind",          SL_ARCHIVE_ERROR_INVALID, break_kind },
  { "unknown-leave-kind",    SL_ARCHIVE_ERROR_INVALID, break_leave_kind },
  { "sequence-text",         SL_ARCHIVE_ERROR_INVALID, break_sequence_text },
  { "expanded-text",         SL_ARCHIVE_ERROR_INVALID, break_expanded_text },
  { "duplicate-id",          SL_ARCHIVE_ERROR_INVALID, break_duplicate_member_id },
  { "attendance-twice",      SL_ARCHIVE_ERROR_INVALID, break_attendance_twice },
  { "id-not-uuid",           SL_ARCHIVE_ERROR_INVALID, break_id_not_uuid },
  { "meeting-date-missing",  SL_ARCHIVE_ERROR_INVALID, break_meeting_date_missing, NULL, 0, TRUE },
  { "member-name-missing",   SL_ARCHIVE_ERROR_INVALID, break_member_name_missing, NULL, 0, TRUE },
  { "member-name-null",      SL_ARCHIVE_ERROR_INVALID, break_member_name_null },
  { "parent-cycle",          SL_ARCHIVE_ERROR_INVALID, break_parent_cycle },
};

/* The broken document as bytes, and the path its refusal must name. With
 * @touch_early, an early record is changed too: a merge that wrote
 * anything before the bad record would show it. */
static char *
refusal_data (Fixture       *fixture,
              const Refusal *refusal,
              gboolean       touch_early,
              gsize         *length,
              char         **where)
{
  g_autoptr(JsonNode) document = NULL;

  if (refusal->mutate == NULL)
    {
      *where = g_strdup (FIXTURE_NAME);
      *length = refusal->raw_length;
      return g_memdup2 (refusal->raw, refusal->raw_length + 1);
    }

  document = parse_document (fixture->fixture_text, fixture->fixture_length);
  if (touch_early)
    {
      json_object_set_string_member (object_at (document, "organizations[0]"), "name", "临江市统计局党组（改）");
      json_object_set_string_member (object_at (document, "members[0]"), "phone", "0731-00000000");
      json_object_set_string_member (object_at (document, "meetings[0]"), "theme", "改过的主题");
    }

  *where = refusal->mutate (document);
  return generate (document, length);
}

static void
assert_refused (SlLedger      *ledger,
                const char    *data,
                gsize          length,
                gboolean       merge,
                const Refusal *refusal,
                const char    *where)
{
  g_autoptr(GError) error = NULL;
  gboolean ok;
  SlArchiveCounts counts = { 0 };

  g_test_message ("import (%s) expecting a refusal at %s", merge ? "merge" : "plain", where);
  ok = sl_archive_import_data (ledger, data, length, FIXTURE_NAME, merge, &counts, &error);
  ASSERT_ERROR (error, SL_ARCHIVE_ERROR, refusal->code);
  g_assert_true (!ok);
  g_test_message ("refused: %s", error->message);

  /* The file first, then the record path and field. */
  g_assert_true (g_str_has_prefix (error->message, FIXTURE_NAME ": "));
  ASSERT_CONTAINS (error->message, where);
  if (refusal->mutate != NULL)
    {
      g_autofree char *field = g_strdup_printf (": %s: ", where);
      ASSERT_CONTAINS (error->message, field);
    }

  g_assert_cmpuint (counts.meetings, ==, 0);
}

static void
test_refusal (Fixture       *fixture,
              gconstpointer  data)
{
  const Refusal *refusal = data;
  g_autoptr(SlLedger) empty = open_ledger (fixture, "empty.db");
  g_autoptr(SlLedger) full = open_ledger (fixture, "full.db");
  g_auto(LedgerState) before_empty = { 0 };
  g_auto(LedgerState) before_full = { 0 };
  g_autofree char *plain = NULL;
  g_autofree char *touched = NULL;
  g_autofree char *where = NULL;
  g_autofree char *where_touched = NULL;
  gsize plain_length, touched_length;

  plain = refusal_data (fixture, refusal, FALSE, &plain_length, &where);
  touched = refusal_data (fixture, refusal, TRUE, &touched_length, &where_touched);
  g_assert_cmpstr (where, ==, where_touched);

  /* Into an empty ledger: nothing of the good records before the bad one
   * may stay behind. */
  ledger_state_read (&before_empty, empty);
  assert_refused (empty, plain, plain_length, FALSE, refusal, where);
  assert_ledger_unchanged (empty, &before_empty);
  g_assert_true (sl_ledger_is_empty (empty));
  g_assert_cmpint (count_rows (empty, "organizations"), ==, 0);
  g_assert_cmpint (count_rows (empty, "members"), ==, 0);
  g_assert_cmpint (count_rows (empty, "plans"), ==, 0);
  g_assert_cmpint (count_rows (empty, "meetings"), ==, 0);
  g_assert_cmpint (count_rows (empty, "attendance"), ==, 0);
  g_assert_cmpint (count_rows (empty, "research_topics"), ==, 0);
  g_assert_cmpuint (g_list_model_get_n_items (sl_ledger_get_members (empty)), ==, 0);

  /* Merged into a ledger that holds the year: no update either. */
  import_fixture (fixture, full);
  ledger_state_read (&before_full, full);
  if (refusal->merge_keeps)
    {
      g_autoptr(GError) error = NULL;

      g_assert_true (sl_archive_import_data (full, touched, touched_length, FIXTURE_NAME, TRUE,
                                             NULL, &error));
      g_assert_no_error (error);
    }
  else
    {
      assert_refused (full, touched, touched_length, TRUE, refusal, where);
      assert_ledger_unchanged (full, &before_full);
    }

  /* and the fixture itself still goes in, so the refusal was the break's. */
  if (refusal->mutate != NULL)
    {
      g_autoptr(JsonNode) good = parse_document (fixture->fixture_text, fixture->fixture_length);
      import_node (empty, good, FALSE, NULL);
    }
}

static void
test_refusal_missing_file (Fixture       *fixture,
                           gconstpointer  data)
{
  g_autoptr(SlLedger) ledger = open_ledger (fixture, "ledger.db");
  g_autofree char *path = g_build_filename (fixture->folder, "no-such.json", NULL);
  g_auto(LedgerState) before = { 0 };
  g_autoptr(GError) error = NULL;
  gboolean ok;

  ledger_state_read (&before, ledger);
  ok = sl_archive_import (ledger, path, FALSE, NULL, &error);
  ASSERT_ERROR (error, SL_ARCHIVE_ERROR, SL_ARCHIVE_ERROR_READ);
  g_assert_true (!ok);
  ASSERT_CONTAINS (error->message, "no-such.json");
  assert_ledger_unchanged (ledger, &before);
}

/* A plain import of ids the ledger has is refused; the same with merge
 * goes in and changes nothing, since nothing differs. */
static void
test_conflict (Fixture       *fixture,
               gconstpointer  data)
{
  g_autoptr(SlLedger) ledger = open_ledger (fixture, "ledger.db");
  g_auto(LedgerState) before = { 0 };
  g_autoptr(GError) error = NULL;
  gboolean ok;
  SlArchiveCounts counts = { 0 };

  import_fixture (fixture, ledger);
  ledger_state_read (&before, ledger);

  ok = sl_archive_import (ledger, fixture->fixture_path, FALSE, &counts, &error);
  ASSERT_ERROR (error, SL_ARCHIVE_ERROR, SL_ARCHIVE_ERROR_CONFLICT);
  g_assert_true (!ok);
  g_test_message ("refused: %s", error->message);
  ASSERT_CONTAINS (error->message, FIXTURE_NAME);
  ASSERT_CONTAINS (error->message, "].id: ");
  ASSERT_CONTAINS (error->message, "--merge");
  assert_ledger_unchanged (ledger, &before);
  g_clear_error (&error);

  g_assert_true (sl_archive_import (ledger, fixture->fixture_path, TRUE, &counts, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (counts.organizations, ==, 4);
  g_assert_cmpuint (counts.members, ==, 16);
  g_assert_cmpuint (counts.meetings, ==, 27);
  assert_ledger_unchanged (ledger, &before);
}

/* A circle of parents through the ledger: the file names only the 党组,
 * giving it the 机关党委 as parent, whose parent in the ledger is the
 * 党组. Saved, no organization would be the root of the tree. */
static void
test_refusal_parent_cycle_merge (Fixture       *fixture,
                                 gconstpointer  data)
{
  g_autoptr(SlLedger) ledger = open_ledger (fixture, "ledger.db");
  g_autoptr(JsonNode) document = parse_document (fixture->fixture_text, fixture->fixture_length);
  g_auto(LedgerState) before = { 0 };
  g_autoptr(GError) error = NULL;
  gboolean ok;
  g_autofree char *text = NULL;
  g_autofree char *committee = NULL;
  JsonObject *root = json_node_get_object (document);
  JsonArray *organizations = json_array_new ();
  JsonObject *group;
  gsize length;

  import_fixture (fixture, ledger);
  ledger_state_read (&before, ledger);

  committee = g_strdup (json_object_get_string_member (object_at (document, "organizations[1]"), "id"));
  group = json_object_ref (object_at (document, "organizations[0]"));
  json_object_set_string_member (group, "parent", committee);

  json_array_add_object_element (organizations, group);
  json_object_set_array_member (root, "organizations", organizations);
  json_object_set_array_member (root, "members", json_array_new ());
  json_object_set_array_member (root, "plans", json_array_new ());
  json_object_set_array_member (root, "meetings", json_array_new ());
  json_object_set_array_member (root, "research_topics", json_array_new ());

  text = generate (document, &length);
  ok = sl_archive_import_data (ledger, text, length, FIXTURE_NAME, TRUE, NULL, &error);
  ASSERT_ERROR (error, SL_ARCHIVE_ERROR, SL_ARCHIVE_ERROR_INVALID);
  g_assert_true (!ok);
  ASSERT_CONTAINS (error->message, "organizations[0].parent");
  assert_ledger_unchanged (ledger, &before);
}

/* The message of a meeting that is not JSON says where, in the file. */
static void
test_refusal_position (Fixture       *fixture,
                       gconstpointer  data)
{
  g_autoptr(SlLedger) ledger = open_ledger (fixture, "empty.db");
  g_autoptr(GError) error = NULL;

  g_assert_false (sl_archive_import_data (ledger, meeting_not_json, sizeof meeting_not_json - 1,
                                          FIXTURE_NAME, FALSE, NULL, &error));
  ASSERT_ERROR (error, SL_ARCHIVE_ERROR, SL_ARCHIVE_ERROR_READ);
  ASSERT_CONTAINS (error->message, "line 3, column 15");
  g_assert_true (sl_ledger_is_empty (ledger));
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GPtrArray) tests = g_ptr_array_new_with_free_func (g_free);

  g_test_init (&argc, &argv, NULL);
  /* The parent only checks that each child passed: one failure there
   * marks that test failed and goes on to the next. */
  if (!g_test_subprocess ())
    g_test_set_nonfatal_assertions ();

  for (guint i = 0; i < G_N_ELEMENTS (refusals); i++)
    {
      g_autofree char *name = g_strdup_printf ("/archive/refuse/%s", refusals[i].name);
      add_test (tests, name, test_refusal, &refusals[i]);
    }
  add_test (tests, "/archive/refuse/missing-file", test_refusal_missing_file, NULL);
  add_test (tests, "/archive/refuse/position", test_refusal_position, NULL);
  add_test (tests, "/archive/refuse/conflict", test_conflict, NULL);
  add_test (tests, "/archive/refuse/parent-cycle-through-ledger", test_refusal_parent_cycle_merge, NULL);

  return g_test_run ();
}
