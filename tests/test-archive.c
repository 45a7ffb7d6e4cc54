/* test-archive.c — the JSON interchange file: round trip, merge, text, export
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Every test works on real SQLite files in its own temporary folder, on
 * the fixture tests/data/year-2023.json (tests/lib/sl-test-archive.h):
 * imported and exported again it is the same document; merged into a
 * ledger that has changed, it keeps what the contract says; typed text
 * comes back to the letter; the export writes where and how it says.
 * What an import refuses is in test-archive-refusals.c.
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
/* Round trip                                                         */
/* ------------------------------------------------------------------ */

static void
test_round_trip (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autoptr(SlLedger) first = open_ledger (fixture, "first.db");
  g_autoptr(SlLedger) second = open_ledger (fixture, "second.db");
  g_autofree char *path_a = g_build_filename (fixture->folder, "a.json", NULL);
  g_autofree char *path_b = g_build_filename (fixture->folder, "b.json", NULL);
  g_autoptr(JsonNode) original = parse_document (fixture->fixture_text, fixture->fixture_length);
  g_autoptr(JsonNode) a = NULL;
  g_autoptr(JsonNode) b = NULL;
  g_autoptr(GError) error = NULL;
  SlArchiveCounts counts = { 0 };
  JsonArray *members;

  g_assert_true (sl_ledger_is_empty (first));
  g_assert_true (sl_archive_import (first, fixture->fixture_path, FALSE, &counts, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (counts.organizations, ==, 4);
  g_assert_cmpuint (counts.members, ==, 16);
  g_assert_cmpuint (counts.plans, ==, 1);
  g_assert_cmpuint (counts.meetings, ==, 27);
  g_assert_cmpuint (counts.research_topics, ==, 6);

  memset (&counts, 0, sizeof counts);
  g_assert_true (sl_archive_export (first, path_a, &counts, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (counts.organizations, ==, 4);
  g_assert_cmpuint (counts.members, ==, 16);
  g_assert_cmpuint (counts.plans, ==, 1);
  g_assert_cmpuint (counts.meetings, ==, 27);
  g_assert_cmpuint (counts.research_topics, ==, 6);

  g_assert_true (sl_archive_import (second, path_a, FALSE, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (sl_archive_export (second, path_b, NULL, &error));
  g_assert_no_error (error);

  a = parse_file (path_a);
  b = parse_file (path_b);

  g_assert_cmpstr (json_object_get_string_member (json_node_get_object (a), "format"), ==,
                   "study-ledger-archive");
  g_assert_cmpint (json_object_get_int_member (json_node_get_object (a), "version"), ==, 2);
  g_assert_true (json_object_has_member (json_node_get_object (a), "exported_at"));

  ASSERT_SAME_DOCUMENT (original, a);
  ASSERT_SAME_DOCUMENT (a, b);
  ASSERT_SAME_DOCUMENT (original, b);

  /* The fixture leaves some notes out; the export writes every key. */
  members = array_at (a, "members");
  for (guint i = 0; i < json_array_get_length (members); i++)
    g_assert_true (json_object_has_member (json_array_get_object_element (members, i), "note"));

  /* The helper itself: a changed value deep in a meeting is found. */
  {
    g_autoptr(JsonNode) changed = deep_copy (a);
    g_autofree char *difference = NULL;
    JsonObject *row = object_at (changed, "meetings[5].attendance[2]");

    json_object_set_string_member (row, "status", "absent");
    difference = json_difference (a, changed, "", 0);
    g_assert_nonnull (difference);
    ASSERT_CONTAINS (difference, ".attendance[2].status: \"");
  }
}

/* ------------------------------------------------------------------ */
/* Merge                                                              */
/* ------------------------------------------------------------------ */

static void
renew_ids (JsonNode   *meeting,
           const char *key)
{
  JsonArray *rows = json_object_get_array_member (json_node_get_object (meeting), key);

  for (guint i = 0; i < json_array_get_length (rows); i++)
    {
      g_autofree char *id = g_uuid_string_random ();
      json_object_set_string_member (json_array_get_object_element (rows, i), "id", id);
    }
}

static void
test_merge (Fixture       *fixture,
            gconstpointer  data)
{
  g_autoptr(SlLedger) ledger = open_ledger (fixture, "ledger.db");
  g_autoptr(JsonNode) copy = parse_document (fixture->fixture_text, fixture->fixture_length);
  g_autoptr(JsonNode) added = NULL;
  g_autoptr(JsonNode) removed = NULL;
  g_autoptr(JsonNode) expected = NULL;
  g_autoptr(JsonNode) exported = NULL;
  g_autofree char *added_id = g_uuid_string_random ();
  g_autofree char *changed_id = NULL;
  g_autofree char *trimmed_id = NULL;
  g_autofree char *removed_id = NULL;
  g_autofree char *kept_id = NULL;
  SlArchiveCounts counts = { 0 };
  JsonObject *changed, *row, *makeup, *trimmed;
  JsonArray *studies;
  int studies_before, measures_before, attendance_before, speeches_before;
  guint added_rows;

  import_fixture (fixture, ledger);
  studies_before = count_rows (ledger, "studies");
  measures_before = count_rows (ledger, "measures");
  attendance_before = count_rows (ledger, "attendance");
  speeches_before = count_rows (ledger, "speeches");

  /* A new meeting: the 党组 meeting of 18 December as it was, its own
   * ids, on the 29th. */
  g_assert_cmpstr (json_object_get_string_member (object_at (copy, "meetings[23]"), "date"), ==, "2023-12-18");
  added = deep_copy (node_at (copy, "meetings[23]"));
  json_object_set_string_member (json_node_get_object (added), "id", added_id);
  json_object_set_string_member (json_node_get_object (added), "date", "2023-12-29");
  json_object_set_int_member (json_node_get_object (added), "sequence", 14);
  json_object_set_string_member (json_node_get_object (added), "title", "中共临江市统计局党组2023年第14次会议");
  renew_ids (added, "studies");
  renew_ids (added, "measures");
  added_rows = json_array_get_length (json_object_get_array_member (json_node_get_object (added), "attendance"));
  json_array_add_element (array_at (copy, "meetings"), json_node_ref (added));

  /* A changed theme and one changed attendance row (李红梅, present, now
   * on leave with a make-up) in the 党组 meeting of 18 December. */
  changed = object_at (copy, "meetings[23]");
  changed_id = g_strdup (json_object_get_string_member (changed, "id"));
  json_object_set_string_member (changed, "theme", "学习贯彻中央经济工作会议精神（补充传达）");
  row = object_at (copy, "meetings[23].attendance[2]");
  g_assert_cmpstr (json_object_get_string_member (row, "status"), ==, "present");
  json_object_set_string_member (row, "status", "leave");
  json_object_set_string_member (row, "leave_kind", "official");
  json_object_set_string_member (row, "reason", "参加省委党校秋季主体班");
  makeup = json_object_new ();
  json_object_set_string_member (makeup, "on", "2023-12-25");
  json_object_set_string_member (makeup, "method", "自学会议记录");
  json_object_set_null_member (makeup, "evidence");
  json_object_set_object_member (row, "makeup", makeup);

  /* The meeting of 13 March loses its first study in the copy. */
  trimmed = object_at (copy, "meetings[3]");
  trimmed_id = g_strdup (json_object_get_string_member (trimmed, "id"));
  studies = json_object_get_array_member (trimmed, "studies");
  g_assert_cmpuint (json_array_get_length (studies), ==, 2);
  removed = deep_copy (json_array_get_element (studies, 0));
  removed_id = g_strdup (json_object_get_string_member (json_node_get_object (removed), "id"));
  kept_id = g_strdup (json_object_get_string_member (json_array_get_object_element (studies, 1), "id"));
  json_array_remove_element (studies, 0);

  import_node (ledger, copy, TRUE, &counts);
  g_assert_cmpuint (counts.meetings, ==, 28);

  exported = export_document (ledger);

  /* Changed values are updated... */
  {
    JsonObject *meeting = find_record (exported, "meetings", changed_id);
    JsonArray *attendance = json_object_get_array_member (meeting, "attendance");
    JsonObject *updated = json_array_get_object_element (attendance, 2);

    g_assert_cmpstr (json_object_get_string_member (meeting, "theme"), ==,
                     "学习贯彻中央经济工作会议精神（补充传达）");
    g_assert_cmpuint (json_array_get_length (attendance), ==, 6);
    g_assert_cmpstr (json_object_get_string_member (updated, "member"), ==,
                     json_object_get_string_member (row, "member"));
    g_assert_cmpstr (json_object_get_string_member (updated, "status"), ==, "leave");
    g_assert_cmpstr (json_object_get_string_member (updated, "leave_kind"), ==, "official");
    g_assert_cmpstr (json_object_get_string_member (updated, "reason"), ==, "参加省委党校秋季主体班");
    g_assert_cmpstr (json_object_get_string_member (json_object_get_object_member (updated, "makeup"), "on"),
                     ==, "2023-12-25");
  }

  /* ...the new meeting is added... */
  {
    JsonObject *meeting = find_record (exported, "meetings", added_id);

    g_assert_cmpstr (json_object_get_string_member (meeting, "date"), ==, "2023-12-29");
    g_assert_cmpuint (json_array_get_length (json_object_get_array_member (meeting, "attendance")), ==, added_rows);
  }

  /* ...the study left out of the copy is still there (merge never deletes)... */
  {
    JsonObject *meeting = find_record (exported, "meetings", trimmed_id);
    JsonArray *kept = json_object_get_array_member (meeting, "studies");
    gboolean has_removed = FALSE, has_kept = FALSE;

    g_assert_cmpuint (json_array_get_length (kept), ==, 2);
    for (guint i = 0; i < json_array_get_length (kept); i++)
      {
        const char *id = json_object_get_string_member (json_array_get_object_element (kept, i), "id");
        has_removed |= g_strcmp0 (id, removed_id) == 0;
        has_kept |= g_strcmp0 (id, kept_id) == 0;
      }
    g_assert_true (has_removed);
    g_assert_true (has_kept);
  }

  /* ...and nothing is duplicated. */
  g_assert_cmpint (count_rows (ledger, "organizations"), ==, 4);
  g_assert_cmpint (count_rows (ledger, "members"), ==, 16);
  g_assert_cmpint (count_rows (ledger, "plans"), ==, 1);
  g_assert_cmpint (count_rows (ledger, "plan_items"), ==, 8);
  g_assert_cmpint (count_rows (ledger, "meetings"), ==, 28);
  g_assert_cmpint (count_rows (ledger, "research_topics"), ==, 6);
  g_assert_cmpint (count_rows (ledger, "studies"), ==, studies_before + 1);
  g_assert_cmpint (count_rows (ledger, "measures"), ==,
                   measures_before +
                   (int) json_array_get_length (json_object_get_array_member (json_node_get_object (added), "measures")));
  g_assert_cmpint (count_rows (ledger, "attendance"), ==, attendance_before + (int) added_rows);
  g_assert_cmpint (count_rows (ledger, "speeches"), ==,
                   speeches_before +
                   (int) json_array_get_length (json_object_get_array_member (json_node_get_object (added), "speeches")));
  g_assert_cmpuint (g_list_model_get_n_items (sl_ledger_get_members (ledger)), ==, 16);

  /* Everything else is what the copy says: the copy with the study put
   * back where it was is the whole ledger. */
  expected = deep_copy (copy);
  {
    g_autoptr(JsonArray) restored = json_array_new ();
    JsonObject *meeting = object_at (expected, "meetings[3]");

    json_array_add_element (restored, json_node_ref (removed));
    json_array_add_element (restored, deep_copy (node_at (copy, "meetings[3].studies[0]")));
    json_object_set_array_member (meeting, "studies", g_steal_pointer (&restored));
  }
  ASSERT_SAME_DOCUMENT (expected, exported);

  /* Merging the same copy again changes nothing. */
  {
    g_auto(LedgerState) before = { 0 };

    ledger_state_read (&before, ledger);
    import_node (ledger, copy, TRUE, NULL);
    assert_ledger_unchanged (ledger, &before);
  }
}

/* ------------------------------------------------------------------ */
/* Text                                                               */
/* ------------------------------------------------------------------ */

/* As a secretary types it in WPS and pastes it: CR LF, an ideographic
 * space indent, full-width punctuation, rare name characters, emoji with
 * a skin-tone modifier and a variation selector, a tab, trailing blanks. */
static const char typed_text[] =
  "　　会议指出：“学深悟透、融会贯通”；要求《实施方案》落实到位。\r\n"
  "（一）孙堃、王喆、周昇、刘珺同志作交流发言……\r\n"
  "（二）会后补学：见附件①、②。👍🏻✍️📷\r\n"
  "备注\t——完—— \r\n";

static void
test_text_exact (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autoptr(SlLedger) first = open_ledger (fixture, "first.db");
  g_autoptr(SlLedger) second = open_ledger (fixture, "second.db");
  g_autoptr(JsonNode) document = parse_document (fixture->fixture_text, fixture->fixture_length);
  g_autofree char *path = g_build_filename (fixture->folder, "out.json", NULL);
  g_autofree char *path_again = g_build_filename (fixture->folder, "again.json", NULL);
  g_autofree char *raw = NULL;
  g_autofree char *meeting_id = NULL;
  g_autofree char *member_id = NULL;
  g_autoptr(SlMeeting) meeting = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(SlStudy) study = NULL;
  const char *paths[] = { path, path_again };

  json_object_set_string_member (object_at (document, "meetings[0].studies[0]"), "summary", typed_text);
  json_object_set_string_member (object_at (document, "meetings[0]"), "chair_summary", typed_text);
  json_object_set_string_member (object_at (document, "members[1]"), "note", typed_text);
  meeting_id = g_strdup (json_object_get_string_member (object_at (document, "meetings[0]"), "id"));
  member_id = g_strdup (json_object_get_string_member (object_at (document, "members[1]"), "id"));

  import_node (first, document, FALSE, NULL);

  /* What the ledger holds... */
  meeting = sl_ledger_load_meeting (first, meeting_id, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (sl_meeting_get_chair_summary (meeting), ==, typed_text);
  study = g_list_model_get_item (sl_meeting_get_studies (meeting), 0);
  g_assert_cmpstr (sl_study_get_summary (study), ==, typed_text);

  /* ...what the file says, and what a second ledger makes of that file. */
  g_assert_true (sl_archive_export (first, path, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (sl_archive_import (second, path, FALSE, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (sl_archive_export (second, path_again, NULL, &error));
  g_assert_no_error (error);

  for (guint i = 0; i < G_N_ELEMENTS (paths); i++)
    {
      g_autoptr(JsonNode) exported = parse_file (paths[i]);
      JsonObject *record = find_record (exported, "meetings", meeting_id);
      JsonObject *first_study = json_array_get_object_element (json_object_get_array_member (record, "studies"), 0);
      const char *texts[] = {
        json_object_get_string_member (record, "chair_summary"),
        json_object_get_string_member (first_study, "summary"),
        json_object_get_string_member (find_record (exported, "members", member_id), "note"),
      };

      for (guint j = 0; j < G_N_ELEMENTS (texts); j++)
        {
          g_assert_cmpstr (texts[j], ==, typed_text);
          g_assert_cmpuint (strlen (texts[j]), ==, sizeof typed_text - 1);
          g_assert_cmpint (memcmp (texts[j], typed_text, sizeof typed_text - 1), ==, 0);
        }
    }

  /* A human-readable copy: the characters themselves, not \u escapes. */
  g_file_get_contents (path, &raw, NULL, &error);
  g_assert_no_error (error);
  ASSERT_CONTAINS (raw, "孙堃、王喆、周昇、刘珺");
  ASSERT_CONTAINS (raw, "👍🏻✍️📷");
}

/* ------------------------------------------------------------------ */
/* Export                                                             */
/* ------------------------------------------------------------------ */

static int
compare_names (gconstpointer a,
               gconstpointer b)
{
  return g_strcmp0 (*(const char * const *) a, *(const char * const *) b);
}

/* The names in @folder, sorted, separated by spaces. */
static char *
list_folder (const char *folder)
{
  g_autoptr(GDir) dir = g_dir_open (folder, 0, NULL);
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  const char *name;

  g_assert_nonnull (dir);
  while ((name = g_dir_read_name (dir)) != NULL)
    g_ptr_array_add (names, g_strdup (name));
  g_ptr_array_sort (names, compare_names);
  g_ptr_array_add (names, NULL);

  return g_strjoinv (" ", (char **) names->pdata);
}

static void
test_export_missing_folder (Fixture       *fixture,
                            gconstpointer  data)
{
  g_autoptr(SlLedger) ledger = open_ledger (fixture, "ledger.db");
  g_autofree char *out = g_build_filename (fixture->folder, "out", NULL);
  g_autofree char *missing = g_build_filename (out, "no-such-folder", NULL);
  g_autofree char *path = g_build_filename (missing, "archive.json", NULL);
  g_autofree char *listing = NULL;
  g_autoptr(GError) error = NULL;
  gboolean ok;

  import_fixture (fixture, ledger);
  g_assert_cmpint (g_mkdir (out, 0700), ==, 0);

  ok = sl_archive_export (ledger, path, NULL, &error);
  ASSERT_ERROR (error, SL_ARCHIVE_ERROR, SL_ARCHIVE_ERROR_WRITE);
  g_assert_true (!ok);
  g_test_message ("refused: %s", error->message);

  g_assert_true (!g_file_test (missing, G_FILE_TEST_EXISTS));
  g_assert_true (!g_file_test (path, G_FILE_TEST_EXISTS));
  listing = list_folder (out);
  g_assert_cmpstr (listing, ==, "");
}

static void
test_export_mode (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autoptr(SlLedger) ledger = open_ledger (fixture, "ledger.db");
  g_autofree char *out = g_build_filename (fixture->folder, "out", NULL);
  g_autofree char *path = g_build_filename (out, "archive.json", NULL);
  g_autofree char *listing = NULL;
  g_autoptr(JsonNode) original = parse_document (fixture->fixture_text, fixture->fixture_length);
  g_autoptr(JsonNode) written = NULL;
  g_autoptr(GError) error = NULL;
  GStatBuf info;

  import_fixture (fixture, ledger);
  g_assert_cmpint (g_mkdir (out, 0700), ==, 0);

  g_assert_true (sl_archive_export (ledger, path, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpint (g_stat (path, &info), ==, 0);
  g_assert_cmpint (info.st_mode & 07777, ==, 0600);
  listing = list_folder (out);
  g_assert_cmpstr (listing, ==, "archive.json");

  /* Over an older, world-readable copy: replaced whole, owner-only, and
   * no temporary file left beside it. */
  g_clear_pointer (&listing, g_free);
  g_file_set_contents_full (path, "old", -1, G_FILE_SET_CONTENTS_NONE, 0644, &error);
  g_assert_no_error (error);
  g_assert_cmpint (g_chmod (path, 0644), ==, 0);

  g_assert_true (sl_archive_export (ledger, path, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpint (g_stat (path, &info), ==, 0);
  g_assert_cmpint (info.st_mode & 07777, ==, 0600);
  listing = list_folder (out);
  g_assert_cmpstr (listing, ==, "archive.json");

  written = parse_file (path);
  ASSERT_SAME_DOCUMENT (original, written);
}

static char *
journal_mode (sqlite3 *db)
{
  sqlite3_stmt *stmt = NULL;
  char *mode;

  g_assert_cmpint (sqlite3_prepare_v2 (db, "PRAGMA journal_mode", -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  mode = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
  sqlite3_finalize (stmt);
  return mode;
}

/* Into an empty ledger the import writes through a rollback journal
 * (sl_database_set_write_ahead) when it is alone with the file, and the
 * ledger has its write-ahead log again after; with another connection
 * open (the window's), it keeps the log throughout. Either way the rows
 * are the same. */
static void
test_journal (Fixture       *fixture,
              gconstpointer  data)
{
  g_autoptr(SlLedger) alone = open_ledger (fixture, "alone.db");
  g_autoptr(SlLedger) shared = open_ledger (fixture, "shared.db");
  g_autofree char *shared_path = g_build_filename (fixture->folder, "shared.db", NULL);
  g_autofree char *mode = NULL;
  sqlite3 *other = NULL;

  import_fixture (fixture, alone);
  mode = journal_mode (sl_database_get_handle (sl_ledger_get_database (alone)));
  g_assert_cmpstr (mode, ==, "wal");
  g_clear_pointer (&mode, g_free);

  g_assert_cmpint (sqlite3_open_v2 (shared_path, &other, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  mode = journal_mode (other);
  g_assert_cmpstr (mode, ==, "wal");
  g_clear_pointer (&mode, g_free);
  import_fixture (fixture, shared);
  mode = journal_mode (sl_database_get_handle (sl_ledger_get_database (shared)));
  g_assert_cmpstr (mode, ==, "wal");
  g_assert_cmpint (count_rows (shared, "attendance"), ==, count_rows (alone, "attendance"));
  g_assert_cmpint (count_rows (shared, "meetings"), ==, count_rows (alone, "meetings"));
  sqlite3_close (other);
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

  add_test (tests, "/archive/round-trip", test_round_trip, NULL);

  add_test (tests, "/archive/merge", test_merge, NULL);
  add_test (tests, "/archive/journal", test_journal, NULL);
  add_test (tests, "/archive/text-exact", test_text_exact, NULL);
  add_test (tests, "/archive/export/missing-folder", test_export_missing_folder, NULL);
  add_test (tests, "/archive/export/mode", test_export_mode, NULL);

  return g_test_run ();
}
