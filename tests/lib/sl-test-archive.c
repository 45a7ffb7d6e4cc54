/* sl-test-archive.c — what the archive tests share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>
#include <sqlite3.h>
#include <string.h>

#include "sl-database.h"
#include "sl-test-archive.h"
#include "sl-test-util.h"


/* ------------------------------------------------------------------ */
/* JSON helpers                                                       */
/* ------------------------------------------------------------------ */

/* A fresh, mutable tree: json_node_copy() shares objects and arrays. */
JsonNode *
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

JsonNode *
parse_file (const char *path)
{
  g_autofree char *text = NULL;
  g_autoptr(GError) error = NULL;
  gsize length;

  g_file_get_contents (path, &text, &length, &error);
  g_assert_no_error (error);

  return parse_document (text, length);
}

JsonNode *
deep_copy (JsonNode *node)
{
  g_autofree char *text = json_to_string (node, FALSE);

  return parse_document (text, -1);
}

char *
generate (JsonNode *root,
          gsize    *length)
{
  g_autoptr(JsonGenerator) generator = json_generator_new ();

  json_generator_set_root (generator, root);
  return json_generator_to_data (generator, length);
}

/* The node at @path ("meetings[26].attendance[7].makeup"), which must exist. */
JsonNode *
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

JsonObject *
object_at (JsonNode   *root,
           const char *path)
{
  JsonNode *node = node_at (root, path);

  g_assert_true (JSON_NODE_HOLDS_OBJECT (node));
  return json_node_get_object (node);
}

JsonArray *
array_at (JsonNode   *root,
          const char *path)
{
  JsonNode *node = node_at (root, path);

  g_assert_true (JSON_NODE_HOLDS_ARRAY (node));
  return json_node_get_array (node);
}

guint
last_meeting (JsonNode *document)
{
  return json_array_get_length (array_at (document, "meetings")) - 1;
}

/* The record of the top-level array @key whose id is @id. */
JsonObject *
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
char *
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

/* ------------------------------------------------------------------ */
/* Ledger helpers                                                     */
/* ------------------------------------------------------------------ */

void
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

void
fixture_tear_down (Fixture *fixture)
{
  g_free (fixture->folder);
  g_free (fixture->fixture_path);
  g_free (fixture->fixture_text);
}

SlLedger *
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

JsonNode *
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
char *
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
int
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

void
ledger_state_clear (LedgerState *state)
{
  g_clear_pointer (&state->counts, g_free);
  g_clear_pointer (&state->document, json_node_unref);
}

void
ledger_state_read (LedgerState *state,
                   SlLedger    *ledger)
{
  state->counts = table_counts (ledger);
  state->document = export_document (ledger);
  state->n_organizations = g_list_model_get_n_items (sl_ledger_get_organizations (ledger));
  state->n_members = g_list_model_get_n_items (sl_ledger_get_members (ledger));
}

void
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

void
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

void
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
/* Each test in a child                                               */
/* ------------------------------------------------------------------ */

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

void
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

