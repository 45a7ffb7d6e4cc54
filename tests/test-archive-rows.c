/* test-archive-rows.c — the meetings written from the rows give the tree's bytes
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * `export-archive` writes its meetings straight from the rows, as text
 * (sl-archive-rows.c, sl-json-text.c), no longer through objects and
 * JsonNode trees. Its bytes must stay those of the tree writer
 * (sl_archive_export_tree()). Here:
 *
 *  - the text writer against JsonGenerator, as sl_archive_generate()
 *    runs it, on every byte in a string and on doubles of every form;
 *  - a messy ledger exported both ways into real files and compared
 *    byte for byte (the time of export aside): quotes, backslashes, every
 *    control character, U+2028, emoji, rare ideographs, empty strings,
 *    nulls, invalid UTF-8 and a NUL inside a text, meetings without any
 *    rows, leaves with and without a reason, make-ups, odd numbers
 *    (negative counts, 2.4 hours, 1e20 hours), session plans whose topics
 *    are not all strings, a final meeting with revisions, attachments,
 *    several years, meetings on the same day and at the same time; and
 *    the same ledger with a date that does not begin with a year, which
 *    the writer reads in one batch;
 *  - a meeting with revisions but no longer final refused by both;
 *  - that the export runs a few statements a year, not several per
 *    meeting (counted by SQLite's trace).
 */

#include "config.h"

#include <math.h>
#include <sqlite3.h>
#include <string.h>

#include "sl-archive.h"
#include "sl-attachments.h"
#include "sl-database.h"
#include "sl-evidence.h"
#include "sl-json-text.h"
#include "sl-ledger.h"
#include "sl-meeting.h"
#include "sl-record.h"
#include "sl-test-folder.h"
#include "sl-test-util.h"

typedef SlTestFolder Fixture;

/* The text writer --------------------------------------------------------- */

/* What sl_archive_generate() makes of @node. */
static char *
generated (JsonNode *node)
{
  return sl_archive_generate (node, NULL);
}

static void
test_text_strings (void)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonNode) root = NULL;
  g_autoptr(GString) written = g_string_new (NULL);
  g_autofree char *expected = NULL;
  SlJsonText text;
  char value[4] = { 'a', 0, 'b', 0 };

  /* Every byte but NUL, inside a string, as a member and as an element. */
  json_builder_begin_object (builder);
  sl_json_text_init (&text, written, 0);
  sl_json_text_begin_object (&text);
  for (int c = 1; c < 256; c++)
    {
      g_autofree char *key = g_strdup_printf ("k%d", c);

      value[1] = (char) c;
      json_builder_set_member_name (builder, key);
      json_builder_add_string_value (builder, value);
      sl_json_text_key (&text, key);
      sl_json_text_string (&text, value);
    }
  json_builder_set_member_name (builder, "list");
  json_builder_begin_array (builder);
  sl_json_text_key (&text, "list");
  sl_json_text_begin_array (&text);
  for (int c = 1; c < 256; c += 7)
    {
      value[1] = (char) c;
      json_builder_add_string_value (builder, value);
      sl_json_text_string (&text, value);
    }
  json_builder_add_string_value (builder, "行\xe2\x80\xa8分隔 🎉 𠀀𪚥 \\u001f \"");
  sl_json_text_string (&text, "行\xe2\x80\xa8分隔 🎉 𠀀𪚥 \\u001f \"");
  json_builder_add_string_value (builder, "");
  sl_json_text_string (&text, "");
  json_builder_add_null_value (builder);
  sl_json_text_null (&text);
  json_builder_begin_array (builder);
  json_builder_end_array (builder);
  sl_json_text_begin_array (&text);
  sl_json_text_end_array (&text);
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "nested");
  json_builder_add_boolean_value (builder, TRUE);
  json_builder_end_object (builder);
  sl_json_text_begin_object (&text);
  sl_json_text_key (&text, "nested");
  sl_json_text_boolean (&text, TRUE);
  sl_json_text_end_object (&text);
  json_builder_end_array (builder);
  sl_json_text_end_array (&text);
  json_builder_end_object (builder);
  sl_json_text_end_object (&text);

  root = json_builder_get_root (builder);
  expected = generated (root);
  g_assert_cmpstr (written->str, ==, expected);
}

static void
test_text_numbers (void)
{
  static const double doubles[] = {
    2.4, 0.1, 1.25, 1e15, 1e16, 1.5e300, 123456789.125, 1e21, 1e-7, 5e-324,
    0.30000000000000004, 999.99, 1e100, INFINITY, -0.5, -1e21,
  };
  static const gint64 ints[] = { 0, 1, -1, 42, G_MAXINT, G_MININT, G_MAXINT64, G_MININT64 };

  for (guint i = 0; i < G_N_ELEMENTS (doubles); i++)
    {
      g_autoptr(JsonNode) node = json_node_new (JSON_NODE_ARRAY);
      g_autoptr(JsonArray) array = json_array_new ();
      g_autoptr(GString) written = g_string_new (NULL);
      g_autofree char *expected = NULL;
      SlJsonText text;

      json_array_add_double_element (array, doubles[i]);
      json_array_add_string_element (array, "2.3999999999999999");
      json_node_set_array (node, array);
      expected = generated (node);

      sl_json_text_init (&text, written, 0);
      sl_json_text_begin_array (&text);
      sl_json_text_double (&text, doubles[i]);
      sl_json_text_string (&text, "2.3999999999999999");
      sl_json_text_end_array (&text);
      g_assert_cmpstr (written->str, ==, expected);
    }

  for (guint i = 0; i < G_N_ELEMENTS (ints); i++)
    {
      g_autoptr(JsonNode) node = json_node_new (JSON_NODE_ARRAY);
      g_autoptr(JsonArray) array = json_array_new ();
      g_autoptr(GString) written = g_string_new (NULL);
      g_autofree char *expected = NULL;
      SlJsonText text;

      json_array_add_int_element (array, ints[i]);
      json_node_set_array (node, array);
      expected = generated (node);

      sl_json_text_init (&text, written, 0);
      sl_json_text_begin_array (&text);
      sl_json_text_int (&text, ints[i]);
      sl_json_text_end_array (&text);
      g_assert_cmpstr (written->str, ==, expected);
    }
}

/* The two writers on one ledger --------------------------------------------- */

/* What the free texts of the fixture become, in turn. */
static const char * const messy[] = {
  "\"引号\" 反\\斜 / \b\f\n\r\t 末",
  "\x01\x02\x03\x04\x05\x06\x07\x08\x09\x0a\x0b\x0c\x0d\x0e\x0f\x10\x11\x12\x13\x14\x15"
  "\x16\x17\x18\x19\x1a\x1b\x1c\x1d\x1e\x1f\x7f",
  "行\xe2\x80\xa8分隔\xe2\x80\xa9段",
  "🎉😀 emoji 👨‍👩‍👧",
  "𠀀𪚥𬺰 生僻字 龘",
  "",
  NULL,
  "</script> & <b>'单引号'</b> \\u001f \\\"",
  "2.3999999999999999",
  "学习贯彻党的二十大精神，\n深入开展主题教育。\n",
};

/* The keys whose values are free text, where the fixture has them. */
static const char * const free_texts[] = {
  "title", "place", "theme", "chair_summary", "decisions", "note", "source", "summary",
  "reason", "method", "evidence", "name", "post", "unit", "remarks", "speaker_name",
  "points", "text", "department", "progress", "approved_by",
};

static guint turn;

static void
mess_up (JsonObject *object)
{
  JsonObjectIter iter;
  const char *key;
  JsonNode *member;
  g_autoptr(GPtrArray) keys = g_ptr_array_new ();

  json_object_iter_init (&iter, object);
  while (json_object_iter_next (&iter, &key, &member))
    g_ptr_array_add (keys, (gpointer) key);

  for (guint i = 0; i < keys->len; i++)
    {
      key = g_ptr_array_index (keys, i);
      member = json_object_get_member (object, key);

      if (JSON_NODE_HOLDS_OBJECT (member))
        mess_up (json_node_get_object (member));
      else if (JSON_NODE_HOLDS_ARRAY (member))
        {
          JsonArray *array = json_node_get_array (member);

          for (guint j = 0; j < json_array_get_length (array); j++)
            {
              JsonNode *element = json_array_get_element (array, j);

              if (JSON_NODE_HOLDS_OBJECT (element))
                mess_up (json_node_get_object (element));
              else if (g_str_equal (key, "topics") && JSON_NODE_HOLDS_VALUE (element))
                json_node_set_string (element, messy[turn++ % G_N_ELEMENTS (messy)] ?: "");
            }
        }
      else if (g_strv_contains (free_texts, key))
        {
          const char *value = messy[turn++ % G_N_ELEMENTS (messy)];

          if (value != NULL)
            json_object_set_string_member (object, key, value);
          else
            json_object_set_null_member (object, key);
        }
    }
}

static char *
data_text (const char *name)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", name, NULL);
  g_autoptr(GError) error = NULL;
  char *text = NULL;

  g_file_get_contents (path, &text, NULL, &error);
  g_assert_no_error (error);
  return text;
}

/* The fixture of 2023, its meetings' texts messed up, one meeting's rows
 * all taken out, and a copy of each meeting a year earlier and on the
 * same day as another. */
static char *
messy_archive (void)
{
  g_autofree char *text = data_text ("year-2023-v2.json");
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  JsonObject *root;
  JsonArray *meetings;
  guint n;

  json_parser_load_from_data (parser, text, -1, &error);
  g_assert_no_error (error);
  root = json_node_get_object (json_parser_get_root (parser));
  meetings = json_object_get_array_member (root, "meetings");
  n = json_array_get_length (meetings);
  g_assert_cmpuint (n, >=, 3);

  turn = 0;
  for (guint i = 0; i < n; i++)
    mess_up (json_array_get_object_element (meetings, i));

  /* The second meeting without any rows. */
  {
    JsonObject *bare = json_array_get_object_element (meetings, 1);
    static const char * const lists[] = { "studies", "attendance", "guests", "speeches", "measures" };

    for (guint i = 0; i < G_N_ELEMENTS (lists); i++)
      json_object_set_array_member (bare, lists[i], json_array_new ());
    json_object_set_null_member (bare, "session_plan");
  }

  /* Copies: the same day and time as the original (the order by id), and
   * in 2021 (a year of its own); their rows need ids of their own. */
  for (guint i = 0; i < n; i++)
    for (guint copy = 0; copy < 2; copy++)
      {
        /* json_node_copy() shares the object: a copy made through text. */
        g_autofree char *original = json_to_string (json_array_get_element (meetings, i), FALSE);
        JsonNode *node = json_from_string (original, NULL);
        JsonObject *meeting = json_node_get_object (node);
        g_autofree char *id = g_strdup_printf ("5%u%u00000-0000-4000-8000-0000000000%02u", copy, i, i);
        static const char * const with_ids[] = { "studies", "speeches", "measures" };

        json_object_set_string_member (meeting, "id", id);
        if (copy == 1)
          {
            g_autofree char *date = g_strdup_printf ("2021-%s",
                                                     json_object_get_string_member (meeting, "date") + 5);

            json_object_set_string_member (meeting, "date", date);
            json_object_set_null_member (meeting, "plan_item");
          }
        for (guint k = 0; k < G_N_ELEMENTS (with_ids); k++)
          {
            JsonArray *rows = json_object_get_array_member (meeting, with_ids[k]);

            for (guint j = 0; j < json_array_get_length (rows); j++)
              {
                JsonObject *row = json_array_get_object_element (rows, j);
                g_autofree char *row_id = g_strdup_printf ("6%u%u%u0000-0000-4000-8000-0000000000%02u",
                                                           copy, i, k, j);

                if (json_object_has_member (row, "id") && !json_object_get_null_member (row, "id"))
                  json_object_set_string_member (row, "id", row_id);
              }
          }
        json_array_add_element (meetings, node);
      }

  {
    g_autoptr(JsonGenerator) generator = json_generator_new ();

    json_generator_set_root (generator, json_parser_get_root (parser));
    return json_generator_to_data (generator, NULL);
  }
}

static void
execute (const char *path,
         const char *sql)
{
  sqlite3 *db = NULL;
  char *message = NULL;

  g_assert_cmpint (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READWRITE, NULL), ==, SQLITE_OK);
  if (sqlite3_exec (db, sql, NULL, NULL, &message) != SQLITE_OK)
    g_error ("%s: %s", sql, message);
  sqlite3_close (db);
}

/* What no import writes but a ledger may hold: the values the objects
 * passed through on their way to the tree. */
static const char odd_values[] =
  "UPDATE meetings SET hours = 2.4, sequence = 0, batch = 7 "
  "  WHERE id = (SELECT min (id) FROM meetings);"
  "UPDATE meetings SET hours = 1e20, batch = -2, sequence = 3, expanded = 5 "
  "  WHERE id = (SELECT min (id) + 1 FROM meetings);"
  "UPDATE meetings SET hours = -1, on_ideology = 2 WHERE id = (SELECT min (id) + 2 FROM meetings);"
  "UPDATE meetings SET hours = 3, place = CAST (X'41FF42C3' AS TEXT), "
  "  theme = CAST (X'E5ADA6004142' AS TEXT) WHERE id = (SELECT min (id) + 3 FROM meetings);"
  "UPDATE meetings SET hours = 0.1 + 0.2 WHERE id = (SELECT min (id) + 4 FROM meetings);"
  "UPDATE meetings SET has_session_plan = 1, session_topics = '[1, \"甲\", null, true, \"乙\\u0000丙\"]', "
  "  session_approved_by = '', session_approved_on = NULL "
  "  WHERE id = (SELECT min (id) + 5 FROM meetings);"
  "UPDATE meetings SET has_session_plan = 1, session_topics = 'not json' "
  "  WHERE id = (SELECT min (id) + 6 FROM meetings);"
  "UPDATE meetings SET has_session_plan = 1, session_topics = NULL "
  "  WHERE id = (SELECT min (id) + 7 FROM meetings);"
  /* A plan's speeches left behind by a meeting that has none. */
  "INSERT OR IGNORE INTO session_plan_speeches (meeting_id, position, member_id, title) "
  "  SELECT id, 9, NULL, '遗留' FROM meetings WHERE has_session_plan = 0;"
  "UPDATE attendance SET status = 'leave', leave_kind = 'sick', reason = NULL "
  "  WHERE (meeting_id, member_id) IN (SELECT meeting_id, member_id FROM attendance LIMIT 1);"
  "UPDATE attendance SET status = 'leave', leave_kind = 'personal', reason = '事假 \"家中\"', "
  "  made_up = 1, makeup_on = NULL, makeup_method = '', makeup_evidence = NULL "
  "  WHERE (meeting_id, member_id) IN (SELECT meeting_id, member_id FROM attendance LIMIT 1 OFFSET 2);"
  "UPDATE attendance SET late = 3, left_early = 1 "
  "  WHERE (meeting_id, member_id) IN (SELECT meeting_id, member_id FROM attendance LIMIT 1 OFFSET 3);"
  "UPDATE guests SET superior = 9, unit = NULL WHERE position = 0;"
  "UPDATE speeches SET uuid = NULL, kind = NULL WHERE id = (SELECT min (id) FROM speeches);"
  "UPDATE studies SET first_topic = -1 WHERE id = (SELECT max (id) FROM studies);";

/* The messy ledger with a final meeting, its revisions and attachments of
 * a few sizes, and a draft with an attachment. */
static void
build_messy_ledger (Fixture *fixture)
{
  g_autofree char *archive = messy_archive ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) meetings = NULL;

  {
    g_autoptr(SlLedger) ledger = sl_test_open_path (fixture->path);

    sl_archive_import_data (ledger, archive, strlen (archive), "messy.json", FALSE, NULL, &error);
    g_assert_no_error (error);
  }

  {
    g_autoptr(SlLedger) ledger = sl_test_open_path (fixture->path);
    SlMeeting *final, *draft;
    static const gsize sizes[] = { 0, 1, 2, 3, 70000 };

    meetings = sl_ledger_load_meetings (ledger, 2023, NULL, TRUE, &error);
    g_assert_no_error (error);
    g_assert_cmpuint (meetings->len, >=, 3);
    final = g_ptr_array_index (meetings, 0);
    draft = g_ptr_array_index (meetings, 2);

    g_assert_true (sl_evidence_finalize (ledger, sl_record_get_id (SL_RECORD (final)),
                                         "审核人 \"甲\"", NULL, &error));
    g_assert_no_error (error);
    sl_meeting_set_note (final, "改正\t笔误 🎉");
    g_assert_true (sl_ledger_save_meeting_with_reason (ledger, final, 0, NULL,
                                                       "更正 \\ 错字\n第二行", &error));
    g_assert_no_error (error);

    for (guint i = 0; i < G_N_ELEMENTS (sizes); i++)
      {
        g_autofree char *name = g_strdup_printf ("材料 \"%" G_GSIZE_FORMAT "\".bin", sizes[i]);
        g_autofree char *path = g_build_filename (fixture->folder, name, NULL);
        g_autofree guchar *bytes = g_malloc (MAX (sizes[i], 1));
        g_autoptr(SlAttachment) attachment = NULL;
        SlMeeting *meeting = i % 2 == 0 ? final : draft;

        for (gsize j = 0; j < sizes[i]; j++)
          bytes[j] = (guchar) ((j * 13 + i) & 0xff);
        g_assert_true (g_file_set_contents (path, (const char *) bytes, sizes[i], &error));
        g_assert_no_error (error);
        attachment = sl_attachments_add_file (ledger, sl_record_get_id (SL_RECORD (meeting)),
                                              i == 4 ? "photo" : "material", NULL, path,
                                              "档案员", "补充\u2028材料", &error);
        g_assert_no_error (error);
        g_assert_nonnull (attachment);
      }
  }

  /* After the evidence: a save through the objects would undo them. */
  execute (fixture->path, odd_values);
}

static void
test_messy (Fixture       *fixture,
            gconstpointer  data)
{
  g_autoptr(SlLedger) ledger = NULL;
  g_autofree char *written = NULL;

  build_messy_ledger (fixture);
  ledger = sl_test_open_path (fixture->path);
  written = sl_test_assert_same_exports (ledger, fixture->folder);

  /* What the ledger was made to hold is there. */
  g_assert_nonnull (strstr (written, "\\u0001\\u0002"));
  g_assert_nonnull (strstr (written, "\\u001f\\u007f"));
  g_assert_nonnull (strstr (written, "行\xe2\x80\xa8分隔"));
  g_assert_nonnull (strstr (written, "𠀀𪚥"));
  g_assert_nonnull (strstr (written, "\"hours\" : 2.4,"));
  g_assert_nonnull (strstr (written, "\"hours\" : 1e+20,"));
  g_assert_nonnull (strstr (written, "\"hours\" : 0.30000000000000004,"));
  g_assert_nonnull (strstr (written, "\"A\xff" "B\xc3\","));
  g_assert_nonnull (strstr (written, "\"state\" : \"final\""));
  g_assert_nonnull (strstr (written, "\"revisions\" : [\n"));
  g_assert_nonnull (strstr (written, "\"data\" : \"\""));
  g_assert_nonnull (strstr (written, "\"studies\" : [],"));
  g_assert_nonnull (strstr (written, "\"session_plan\" : null"));
  g_assert_nonnull (strstr (written, "\"makeup\" : {\n"));
  g_assert_nonnull (strstr (written, "\"topics\" : [\n"));
  g_assert_nonnull (strstr (written, "\"topics\" : [],"));
  g_assert_nonnull (strstr (written, "\"date\" : \"2021-"));
}

/* A date that does not begin with its year: the meetings are read in one
 * batch, in the order of their dates. */
static void
test_odd_date (Fixture       *fixture,
               gconstpointer  data)
{
  g_autoptr(SlLedger) ledger = NULL;
  g_autofree char *written = NULL;

  build_messy_ledger (fixture);
  execute (fixture->path,
           "UPDATE meetings SET date = '99-01-01' WHERE id = (SELECT min (id) + 1 FROM meetings);"
           "UPDATE meetings SET date = '2022-07-01 ' WHERE id = (SELECT min (id) + 2 FROM meetings);");
  ledger = sl_test_open_path (fixture->path);
  written = sl_test_assert_same_exports (ledger, fixture->folder);
  g_assert_nonnull (strstr (written, "\"date\" : \"99-01-01\""));
}

/* Revisions without the final row: refused by both, the same way. */
static void
test_unfinalised (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autoptr(SlLedger) ledger = NULL;
  g_autofree char *tree = g_build_filename (fixture->folder, "tree.json", NULL);
  g_autofree char *stream = g_build_filename (fixture->folder, "stream.json", NULL);
  g_autoptr(GError) tree_error = NULL;
  g_autoptr(GError) stream_error = NULL;

  build_messy_ledger (fixture);
  execute (fixture->path, "DELETE FROM meeting_finals;");
  ledger = sl_test_open_path (fixture->path);

  g_assert_false (sl_archive_export_tree (ledger, tree, NULL, &tree_error));
  g_assert_error (tree_error, SL_ARCHIVE_ERROR, SL_ARCHIVE_ERROR_INVALID);
  g_assert_false (sl_archive_export (ledger, stream, NULL, &stream_error));
  g_assert_error (stream_error, SL_ARCHIVE_ERROR, SL_ARCHIVE_ERROR_INVALID);
  g_assert_cmpstr (stream_error->message, ==, tree_error->message);
  g_assert_false (g_file_test (stream, G_FILE_TEST_EXISTS));
}

/* The statements that read a meeting's rows: a few a year, not several a
 * meeting, whatever the number of meetings. */
static int
count_statement (unsigned int  type,
                 void         *data,
                 void         *statement,
                 void         *sql)
{
  static const char * const tables[] = {
    "FROM studies", "JOIN studies", "FROM attendance", "JOIN attendance", "FROM guests",
    "JOIN guests", "FROM speeches", "JOIN speeches", "FROM measures", "JOIN measures",
  };
  const char *text = sqlite3_sql (statement);

  for (guint i = 0; text != NULL && i < G_N_ELEMENTS (tables); i++)
    if (strstr (text, tables[i]) != NULL)
      {
        (*(guint *) data)++;
        break;
      }
  return 0;
}

static void
test_statements (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autoptr(SlLedger) ledger = NULL;
  g_autofree char *stream = g_build_filename (fixture->folder, "stream.json", NULL);
  g_autoptr(GError) error = NULL;
  sqlite3 *handle;
  SlArchiveCounts counts = { 0 };
  guint statements = 0;

  build_messy_ledger (fixture);
  ledger = sl_test_open_path (fixture->path);
  handle = sl_database_get_handle (sl_ledger_get_database (ledger));

  sqlite3_trace_v2 (handle, SQLITE_TRACE_STMT, count_statement, &statements);
  g_assert_true (sl_archive_export (ledger, stream, &counts, &error));
  sqlite3_trace_v2 (handle, 0, NULL, NULL);
  g_assert_no_error (error);

  /* 21 meetings in 4 years: five statements a year now; through the
   * objects, eight a meeting (168). */
  g_assert_cmpuint (counts.meetings, ==, 21);
  g_test_message ("%u statements read the meetings' rows", statements);
  g_assert_cmpuint (statements, <=, 5 * 4);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

#define ADD(name, func) \
  g_test_add (name, Fixture, NULL, sl_test_folder_set_up, func, sl_test_folder_tear_down)

  g_test_add_func ("/archive-rows/text-strings", test_text_strings);
  g_test_add_func ("/archive-rows/text-numbers", test_text_numbers);
  ADD ("/archive-rows/messy", test_messy);
  ADD ("/archive-rows/odd-date", test_odd_date);
  ADD ("/archive-rows/unfinalised", test_unfinalised);
  ADD ("/archive-rows/statements", test_statements);

#undef ADD

  return g_test_run ();
}
