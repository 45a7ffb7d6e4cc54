/* test-archive.c — the JSON interchange file: round trip, refusals, merge
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Every test works on real SQLite files in its own temporary folder. The
 * fixture tests/data/year-2023.json is one bureau's whole year written to
 * the contract (/work/shared/ARCHIVE.md); refusal tests break one value of
 * a fresh in-memory copy of it, as late in the file as the contract
 * allows (the last meeting, the last member), so that a refusal that
 * leaves the earlier, good records behind is caught.
 *
 * Documents are compared with json_difference(): value for value, a
 * missing member equal to null (the contract says so; the export writes
 * every key), "exported_at" ignored, the records of the top-level arrays
 * matched by id, every other array in order.
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
#include "sl-test-util.h"

#define FIXTURE_NAME "year-2023.json"

/* An id that no record of the fixture has. */
#define UNKNOWN_ID "0b9f3c1e-5a7d-4c2b-8e6f-1d2c3b4a5f60"

/* g_assert_error() with both domain names in the log when they differ. */
#define ASSERT_ERROR(err, dom, c)                                         \
  G_STMT_START {                                                        \
    g_assert_nonnull (err);                                             \
    g_assert_cmpstr (g_quark_to_string ((err)->domain), ==,             \
                     g_quark_to_string (dom));                          \
    g_assert_cmpint ((err)->code, ==, (c));                             \
  } G_STMT_END

/* Fails showing both strings when @needle is not in @haystack. */
#define ASSERT_CONTAINS(haystack, needle)                                 \
  G_STMT_START {                                                        \
    const char *h_ = (haystack), *n_ = (needle);                        \
    g_assert_nonnull (h_);                                              \
    if (strstr (h_, n_) == NULL)                                        \
      g_assert_cmpstr (h_, ==, n_);                                     \
  } G_STMT_END

/* ------------------------------------------------------------------ */
/* JSON helpers                                                       */
/* ------------------------------------------------------------------ */

/* A fresh, mutable tree: json_node_copy() shares objects and arrays. */
static JsonNode *
parse_document (const char *data,
                gssize      length)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;

  json_parser_load_from_data (parser, data, length, &error);
  g_assert_no_error (error);
  g_assert_nonnull (json_parser_get_root (parser));

  return json_parser_steal_root (parser);
}

static JsonNode *
parse_file (const char *path)
{
  g_autofree char *text = NULL;
  g_autoptr(GError) error = NULL;
  gsize length;

  g_file_get_contents (path, &text, &length, &error);
  g_assert_no_error (error);

  return parse_document (text, length);
}

static JsonNode *
deep_copy (JsonNode *node)
{
  g_autofree char *text = json_to_string (node, FALSE);

  return parse_document (text, -1);
}

static char *
generate (JsonNode *root,
          gsize    *length)
{
  g_autoptr(JsonGenerator) generator = json_generator_new ();

  json_generator_set_root (generator, root);
  return json_generator_to_data (generator, length);
}

/* The node at @path ("meetings[26].attendance[7].makeup"), which must exist. */
static JsonNode *
node_at (JsonNode   *root,
         const char *path)
{
  g_auto(GStrv) parts = g_strsplit (path, ".", -1);
  JsonNode *node = root;

  for (guint i = 0; parts[i] != NULL; i++)
    {
      const char *bracket = strchr (parts[i], '[');
      g_autofree char *key = bracket ? g_strndup (parts[i], bracket - parts[i]) : g_strdup (parts[i]);

      if (*key != '\0')
        {
          g_assert_true (JSON_NODE_HOLDS_OBJECT (node));
          node = json_object_get_member (json_node_get_object (node), key);
          if (node == NULL)
            g_assert_cmpstr (path, ==, "a path that exists");
        }

      while (bracket != NULL)
        {
          char *end = NULL;
          guint64 index = g_ascii_strtoull (bracket + 1, &end, 10);
          JsonArray *array;

          g_assert_true (JSON_NODE_HOLDS_ARRAY (node));
          array = json_node_get_array (node);
          g_assert_cmpuint (index, <, json_array_get_length (array));
          node = json_array_get_element (array, index);
          bracket = strchr (end, '[');
        }
    }

  return node;
}

static JsonObject *
object_at (JsonNode   *root,
           const char *path)
{
  JsonNode *node = node_at (root, path);

  g_assert_true (JSON_NODE_HOLDS_OBJECT (node));
  return json_node_get_object (node);
}

static JsonArray *
array_at (JsonNode   *root,
          const char *path)
{
  JsonNode *node = node_at (root, path);

  g_assert_true (JSON_NODE_HOLDS_ARRAY (node));
  return json_node_get_array (node);
}

static guint
last_meeting (JsonNode *document)
{
  return json_array_get_length (array_at (document, "meetings")) - 1;
}

/* The record of the top-level array @key whose id is @id. */
static JsonObject *
find_record (JsonNode   *document,
             const char *key,
             const char *id)
{
  JsonArray *array = array_at (document, key);

  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      JsonObject *record = json_array_get_object_element (array, i);

      if (g_strcmp0 (json_object_get_string_member (record, "id"), id) == 0)
        return record;
    }

  g_assert_cmpstr (id, ==, "the id of a record in the document");
  return NULL;
}

static gboolean
is_null (JsonNode *node)
{
  return node == NULL || JSON_NODE_HOLDS_NULL (node);
}

static char *
describe (JsonNode *node)
{
  g_autofree char *text = NULL;

  if (node == NULL)
    return g_strdup ("(missing)");

  text = json_to_string (node, FALSE);
  if (g_utf8_strlen (text, -1) > 80)
    {
      char *end = g_utf8_offset_to_pointer (text, 80);
      return g_strdup_printf ("%.*s…", (int) (end - text), text);
    }

  return g_steal_pointer (&text);
}

static gboolean
is_number (JsonNode *node)
{
  GType type = json_node_get_value_type (node);

  return type == G_TYPE_INT64 || type == G_TYPE_DOUBLE;
}

static char *json_difference (JsonNode *a, JsonNode *b, const char *path, guint depth);

static char *
object_difference (JsonObject *a,
                   JsonObject *b,
                   const char *path,
                   guint       depth)
{
  g_autoptr(GPtrArray) keys = g_ptr_array_new ();
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);
  JsonObject *both[] = { a, b };

  for (guint i = 0; i < G_N_ELEMENTS (both); i++)
    {
      g_autoptr(GList) members = json_object_get_members (both[i]);

      for (GList *l = members; l != NULL; l = l->next)
        if (g_hash_table_add (seen, l->data))
          g_ptr_array_add (keys, l->data);
    }

  for (guint i = 0; i < keys->len; i++)
    {
      const char *key = g_ptr_array_index (keys, i);
      g_autofree char *child = *path ? g_strdup_printf ("%s.%s", path, key) : g_strdup (key);
      char *difference;

      /* The version is asserted where it matters: a version 1 document
       * and its export as version 2 hold the same records. */
      if (depth == 0 && (g_str_equal (key, "exported_at") || g_str_equal (key, "version")))
        continue;

      difference = json_difference (json_object_get_member (a, key),
                                    json_object_get_member (b, key), child, depth + 1);
      if (difference != NULL)
        return difference;
    }

  return NULL;
}

/* The top-level arrays hold records whose order means nothing: match
 * them by id, and make sure that neither side has an id twice. */
static char *
records_difference (JsonArray  *a,
                    JsonArray  *b,
                    const char *path,
                    guint       depth)
{
  g_autoptr(GHashTable) by_id = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GHashTable) ids_a = g_hash_table_new (g_str_hash, g_str_equal);

  for (guint i = 0; i < json_array_get_length (b); i++)
    {
      JsonObject *record = json_array_get_object_element (b, i);
      const char *id = record ? json_object_get_string_member_with_default (record, "id", NULL) : NULL;

      if (id == NULL || !g_hash_table_insert (by_id, (gpointer) id, record))
        return g_strdup_printf ("%s[%u]: a record without an id, or with an id seen before (second document)",
                                path, i);
    }

  for (guint i = 0; i < json_array_get_length (a); i++)
    {
      JsonObject *record = json_array_get_object_element (a, i);
      const char *id = record ? json_object_get_string_member_with_default (record, "id", NULL) : NULL;
      g_autofree char *child = g_strdup_printf ("%s[%u id=%s]", path, i, id);
      JsonObject *other;
      char *difference;

      if (id == NULL || !g_hash_table_add (ids_a, (gpointer) id))
        return g_strdup_printf ("%s[%u]: a record without an id, or with an id seen before (first document)",
                                path, i);

      if (!(other = g_hash_table_lookup (by_id, id)))
        return g_strdup_printf ("%s: only in the first document", child);

      if ((difference = object_difference (record, other, child, depth + 1)))
        return difference;
    }

  if (json_array_get_length (a) != json_array_get_length (b))
    return g_strdup_printf ("%s: %u records ≠ %u records", path,
                            json_array_get_length (a), json_array_get_length (b));

  return NULL;
}

/* NULL when @a and @b are equal; otherwise where and how they first differ. */
static char *
json_difference (JsonNode   *a,
                 JsonNode   *b,
                 const char *path,
                 guint       depth)
{
  if (is_null (a) && is_null (b))
    return NULL;

  /* A key that version 1 does not have reads as its default: false, no
   * rows (ARCHIVE.md, version 2: every new key is optional). */
  if ((a == NULL) != (b == NULL))
    {
      JsonNode *present = a ? a : b;

      if ((JSON_NODE_HOLDS_VALUE (present) && json_node_get_value_type (present) == G_TYPE_BOOLEAN &&
           !json_node_get_boolean (present)) ||
          (JSON_NODE_HOLDS_ARRAY (present) && json_array_get_length (json_node_get_array (present)) == 0))
        return NULL;
    }

  if (is_null (a) || is_null (b) || JSON_NODE_TYPE (a) != JSON_NODE_TYPE (b))
    goto differ;

  switch (JSON_NODE_TYPE (a))
    {
    case JSON_NODE_OBJECT:
      return object_difference (json_node_get_object (a), json_node_get_object (b), path, depth);

    case JSON_NODE_ARRAY:
      {
        JsonArray *array_a = json_node_get_array (a);
        JsonArray *array_b = json_node_get_array (b);

        if (depth == 1)
          return records_difference (array_a, array_b, path, depth);

        if (json_array_get_length (array_a) != json_array_get_length (array_b))
          return g_strdup_printf ("%s: %u elements ≠ %u elements", path,
                                  json_array_get_length (array_a), json_array_get_length (array_b));

        for (guint i = 0; i < json_array_get_length (array_a); i++)
          {
            g_autofree char *child = g_strdup_printf ("%s[%u]", path, i);
            char *difference = json_difference (json_array_get_element (array_a, i),
                                                json_array_get_element (array_b, i), child, depth + 1);
            if (difference != NULL)
              return difference;
          }
        return NULL;
      }

    case JSON_NODE_VALUE:
      if (is_number (a) && is_number (b))
        {
          if (json_node_get_double (a) == json_node_get_double (b))
            return NULL;
          goto differ;
        }
      if (json_node_get_value_type (a) != json_node_get_value_type (b))
        goto differ;
      if (json_node_get_value_type (a) == G_TYPE_STRING &&
          g_strcmp0 (json_node_get_string (a), json_node_get_string (b)) == 0)
        return NULL;
      if (json_node_get_value_type (a) == G_TYPE_BOOLEAN &&
          json_node_get_boolean (a) == json_node_get_boolean (b))
        return NULL;
      goto differ;

    case JSON_NODE_NULL:  /* is_null() took both */
    default:
      break;
    }

differ:
  {
    g_autofree char *text_a = describe (a);
    g_autofree char *text_b = describe (b);

    return g_strdup_printf ("%s: %s ≠ %s", *path ? path : "(root)", text_a, text_b);
  }
}

#define ASSERT_SAME_DOCUMENT(a, b)                                        \
  G_STMT_START {                                                        \
    g_autofree char *difference_ = json_difference ((a), (b), "", 0);   \
    g_assert_cmpstr (difference_, ==, NULL);                            \
  } G_STMT_END

/* ------------------------------------------------------------------ */
/* Ledger helpers                                                     */
/* ------------------------------------------------------------------ */

typedef struct
{
  char     *folder;
  char     *fixture_path;
  char     *fixture_text;
  gsize     fixture_length;
} Fixture;

static void
fixture_set_up (Fixture    *fixture,
                const char *folder)
{
  g_autoptr(GError) error = NULL;

  g_assert_nonnull (folder);
  g_assert_true (g_file_test (folder, G_FILE_TEST_IS_DIR));
  fixture->folder = g_strdup (folder);

  fixture->fixture_path = g_test_build_filename (G_TEST_DIST, "data", FIXTURE_NAME, NULL);
  g_file_get_contents (fixture->fixture_path, &fixture->fixture_text, &fixture->fixture_length, &error);
  g_assert_no_error (error);
}

static void
fixture_tear_down (Fixture *fixture)
{
  g_free (fixture->folder);
  g_free (fixture->fixture_path);
  g_free (fixture->fixture_text);
}

static SlLedger *
open_ledger (Fixture    *fixture,
             const char *name)
{
  g_autofree char *path = g_build_filename (fixture->folder, name, NULL);
  g_autoptr(GError) error = NULL;
  SlLedger *ledger;

  g_assert_true (!g_file_test (path, G_FILE_TEST_EXISTS));
  ledger = sl_ledger_open (path, &error);
  g_assert_no_error (error);
  g_assert_nonnull (ledger);

  /* Load the live lists now, so that a refused import must leave them as
   * they were too, not only the tables. */
  g_list_model_get_n_items (sl_ledger_get_members (ledger));

  return ledger;
}

static JsonNode *
export_document (SlLedger *ledger)
{
  g_autoptr(GError) error = NULL;
  JsonNode *document = sl_archive_build (ledger, NULL, &error);

  g_assert_no_error (error);
  g_assert_nonnull (document);
  return document;
}

/* "table=rows" for every table of the file: any row written and not rolled
 * back shows here. The full-text index counts through its virtual table;
 * its shadow tables (segments, b-tree pages) grow with every rewrite of the
 * same rows, so they are left out. */
static char *
table_counts (SlLedger *ledger)
{
  sqlite3 *db = sl_database_get_handle (sl_ledger_get_database (ledger));
  g_autoptr(GPtrArray) tables = g_ptr_array_new_with_free_func (g_free);
  GString *counts = g_string_new (NULL);
  sqlite3_stmt *stmt = NULL;

  g_assert_cmpint (sqlite3_prepare_v2 (db,
                                       "SELECT t.name FROM sqlite_master t WHERE t.type = 'table' "
                                       "AND t.name NOT LIKE 'sqlite\\_%' ESCAPE '\\' "
                                       "AND NOT EXISTS (SELECT 1 FROM sqlite_master v "
                                       "  WHERE v.sql LIKE 'CREATE VIRTUAL TABLE%' "
                                       "  AND t.name LIKE v.name || '\\_%' ESCAPE '\\') "
                                       "ORDER BY t.name",
                                       -1, &stmt, NULL), ==, SQLITE_OK);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    g_ptr_array_add (tables, g_strdup ((const char *) sqlite3_column_text (stmt, 0)));
  sqlite3_finalize (stmt);
  g_assert_cmpuint (tables->len, >=, 12);

  for (guint i = 0; i < tables->len; i++)
    {
      char *sql = sqlite3_mprintf ("SELECT count(*) FROM \"%w\"", (const char *) g_ptr_array_index (tables, i));

      g_assert_cmpint (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL), ==, SQLITE_OK);
      g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
      g_string_append_printf (counts, "%s=%d ", (const char *) g_ptr_array_index (tables, i),
                              sqlite3_column_int (stmt, 0));
      sqlite3_finalize (stmt);
      sqlite3_free (sql);
    }

  return g_string_free (counts, FALSE);
}

/* The rows of one of the record tables (a fixed list: no name is pasted). */
static int
count_rows (SlLedger   *ledger,
            const char *table)
{
  static const struct { const char *table; const char *sql; } queries[] = {
    { "organizations",   "SELECT count(*) FROM organizations" },
    { "members",         "SELECT count(*) FROM members" },
    { "plans",           "SELECT count(*) FROM plans" },
    { "plan_items",      "SELECT count(*) FROM plan_items" },
    { "meetings",        "SELECT count(*) FROM meetings" },
    { "studies",         "SELECT count(*) FROM studies" },
    { "attendance",      "SELECT count(*) FROM attendance" },
    { "guests",          "SELECT count(*) FROM guests" },
    { "speeches",        "SELECT count(*) FROM speeches" },
    { "measures",        "SELECT count(*) FROM measures" },
    { "research_topics", "SELECT count(*) FROM research_topics" },
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

  g_assert_cmpstr (table, ==, "a record table");
  return -1;
}

/* What a refused import must leave exactly as it was. */
typedef struct
{
  char     *counts;
  JsonNode *document;
  guint     n_organizations;
  guint     n_members;
} LedgerState;

static void
ledger_state_clear (LedgerState *state)
{
  g_clear_pointer (&state->counts, g_free);
  g_clear_pointer (&state->document, json_node_unref);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (LedgerState, ledger_state_clear)

static void
ledger_state_read (LedgerState *state,
                   SlLedger    *ledger)
{
  state->counts = table_counts (ledger);
  state->document = export_document (ledger);
  state->n_organizations = g_list_model_get_n_items (sl_ledger_get_organizations (ledger));
  state->n_members = g_list_model_get_n_items (sl_ledger_get_members (ledger));
}

static void
assert_ledger_unchanged (SlLedger    *ledger,
                         LedgerState *before)
{
  g_auto(LedgerState) after = { 0 };

  ledger_state_read (&after, ledger);
  g_assert_cmpstr (after.counts, ==, before->counts);
  ASSERT_SAME_DOCUMENT (before->document, after.document);
  g_assert_cmpuint (after.n_organizations, ==, before->n_organizations);
  g_assert_cmpuint (after.n_members, ==, before->n_members);
}

static void
import_node (SlLedger *ledger,
             JsonNode *document,
             gboolean  merge,
             SlArchiveCounts *counts)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *data = NULL;
  gboolean ok;
  gsize length;

  data = generate (document, &length);
  ok = sl_archive_import_data (ledger, data, length, FIXTURE_NAME, merge, counts, &error);
  g_assert_no_error (error);
  g_assert_true (ok);
}

static void
import_fixture (Fixture  *fixture,
                SlLedger *ledger)
{
  g_autoptr(GError) error = NULL;
  SlArchiveCounts counts = { 0 };

  g_assert_true (sl_archive_import (ledger, fixture->fixture_path, FALSE, &counts, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (counts.meetings, ==, 27);
}

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

/* ------------------------------------------------------------------ */

typedef void (*TestFunc) (Fixture *fixture, gconstpointer data);

typedef struct
{
  TestFunc      func;
  gconstpointer data;
} Isolated;

#define FOLDER_VARIABLE "SL_TEST_ARCHIVE_FOLDER"

/* Each test runs in a child process, in a folder that the parent makes
 * and removes: a failed assertion or a crash in one test (some find bugs
 * on purpose) neither hides the results of the others nor leaves files. */
static void
run_isolated (gconstpointer data)
{
  const Isolated *test = data;
  g_autofree char *folder = NULL;
  g_autoptr(GError) error = NULL;

  if (g_test_subprocess ())
    {
      Fixture fixture = { 0 };

      fixture_set_up (&fixture, g_getenv (FOLDER_VARIABLE));
      test->func (&fixture, test->data);
      fixture_tear_down (&fixture);
      return;
    }

  folder = g_dir_make_tmp ("test-archive-XXXXXX", &error);
  g_assert_no_error (error);
  g_setenv (FOLDER_VARIABLE, folder, TRUE);
  g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_INHERIT_STDERR);
  g_unsetenv (FOLDER_VARIABLE);
  remove_tree (folder);
  g_assert_true (!g_file_test (folder, G_FILE_TEST_EXISTS));

  g_test_trap_assert_passed ();
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

static void
add_test (GPtrArray     *tests,
          const char    *path,
          TestFunc       func,
          gconstpointer  data)
{
  Isolated *test = g_new0 (Isolated, 1);

  test->func = func;
  test->data = data;
  g_ptr_array_add (tests, test);
  g_test_add_data_func (path, test, run_isolated);
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

  for (guint i = 0; i < G_N_ELEMENTS (refusals); i++)
    {
      g_autofree char *name = g_strdup_printf ("/archive/refuse/%s", refusals[i].name);
      add_test (tests, name, test_refusal, &refusals[i]);
    }
  add_test (tests, "/archive/refuse/missing-file", test_refusal_missing_file, NULL);
  add_test (tests, "/archive/refuse/position", test_refusal_position, NULL);
  add_test (tests, "/archive/refuse/conflict", test_conflict, NULL);
  add_test (tests, "/archive/refuse/parent-cycle-through-ledger", test_refusal_parent_cycle_merge, NULL);

  add_test (tests, "/archive/merge", test_merge, NULL);
  add_test (tests, "/archive/journal", test_journal, NULL);
  add_test (tests, "/archive/text-exact", test_text_exact, NULL);
  add_test (tests, "/archive/export/missing-folder", test_export_missing_folder, NULL);
  add_test (tests, "/archive/export/mode", test_export_mode, NULL);

  return g_test_run ();
}
