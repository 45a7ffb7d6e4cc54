/* test-json-differential.c — the strict JSON reader: large documents, json-glib beside it
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A large document read whole, the same inputs through json-glib's
 * JsonParser (both readers must build the same tree), and splitting an
 * array without reading it.
 * The helpers (parse, assert_refused, reader_bug, ...) are
 * tests/lib/sl-test-json.c, shared by the test-json-*.c programs.
 */

#include "config.h"

#include <json-glib/json-glib.h>
#include <math.h>
#include <string.h>

#include "sl-test-json.h"

/* ------------------------------------------------------------------ */
/* A large document                                                   */
/* ------------------------------------------------------------------ */

static void
test_large (void)
{
  const guint n = 200000;
  g_autoptr(GString) text = g_string_new ("{\"numbers\": [");
  g_autoptr(SlJsonDocument) document = NULL;
  const SlJsonValue *root, *numbers, *records;

  for (guint i = 0; i < n; i++)
    g_string_append_printf (text, "%s%u", i ? "," : "", i);
  g_string_append (text, "], \"records\": [");
  for (guint i = 0; i < n; i++)
    g_string_append_printf (text, "%s{\"id\": \"r%u\", \"n\": -%u, \"名\": \"记录\\n%u\", "
                            "\"ok\": %s, \"x\": null}",
                            i ? ",\n" : "", i, i, i, i % 2 ? "true" : "false");
  g_string_append (text, "]}");

  document = parse_len (text->str, text->len);
  root = sl_json_document_get_root (document);
  numbers = sl_json_value_get_member (root, "numbers");
  records = sl_json_value_get_member (root, "records");
  g_assert_cmpuint (sl_json_value_get_length (numbers), ==, n);
  g_assert_cmpuint (sl_json_value_get_length (records), ==, n);

  for (guint i = 0; i < n; i++)
    {
      const SlJsonValue *record = sl_json_value_get_element (records, i);
      char expected[32];

      assert_integer (sl_json_value_get_element (numbers, i), i);
      g_snprintf (expected, sizeof expected, "r%u", i);
      assert_string (sl_json_value_get_member (record, "id"), expected);
      assert_integer (sl_json_value_get_member (record, "n"), -(gint64) i);
      g_snprintf (expected, sizeof expected, "记录\n%u", i);
      assert_string (sl_json_value_get_member (record, "名"), expected);
      g_assert_cmpint (sl_json_value_get_boolean (sl_json_value_get_member (record, "ok")),
                       ==, i % 2);
      g_assert_true (sl_json_value_is_null (sl_json_value_get_member (record, "x")));
      g_assert_nonnull (sl_json_value_get_member (record, "x"));
    }

  /* One long string. */
  {
    g_autoptr(GString) long_text = g_string_new ("\"");
    g_autoptr(SlJsonDocument) long_document = NULL;
    const char *got;

    for (guint i = 0; i < n; i++)
      g_string_append (long_text, i % 3 ? "学" : "\\u4e60");
    g_string_append_c (long_text, '"');
    long_document = parse_len (long_text->str, long_text->len);
    got = sl_json_value_get_string (sl_json_document_get_root (long_document));
    g_assert_cmpuint (strlen (got), ==, n * 3);
    g_assert_true (g_utf8_validate (got, -1, NULL));
    g_assert_cmpuint (g_utf8_strlen (got, -1), ==, n);
    g_assert_true (g_str_has_prefix (got, "习学学习"));
  }
}

/* ------------------------------------------------------------------ */
/* Differential: json-glib 1.6                                        */
/* ------------------------------------------------------------------ */

typedef enum
{
  SAME,           /* both accept with equal trees, or both refuse (json-glib is
                   * asked only about what it should accept: see below) */
  /* Excluded from the comparison, each for a reason that follows: */
  JG_LENIENT,     /* not JSON; json-glib accepts it, we refuse */
  JG_FIRST_ONLY,  /* two top-level values: json-glib keeps the first */
  JG_EMPTY,       /* nothing: json-glib gives TRUE and a NULL root */
  JG_WRAPS,       /* both accept; json-glib's integer wraps around */
} Difference;

static const struct
{
  const char *text;
  gboolean    ours;        /* we accept it: RFC 8259, but for our leniencies */
  Difference  difference;
} differential[] = {
  /* Valid. */
  { "null", TRUE, SAME },
  { "true", TRUE, SAME },
  { "false", TRUE, SAME },
  { "0", TRUE, SAME },
  { "-0", TRUE, SAME },
  { "12", TRUE, SAME },
  { "-12", TRUE, SAME },
  { "1.5", TRUE, SAME },
  { "1e3", TRUE, SAME },
  { "1E+3", TRUE, SAME },
  { "2.0", TRUE, SAME },
  { "-2.5e-3", TRUE, SAME },
  { "9223372036854775807", TRUE, SAME },
  { "-9223372036854775808", TRUE, SAME },
  { "1e400", TRUE, SAME },
  { "\"\"", TRUE, SAME },
  { "\"学习记录 😀\"", TRUE, SAME },
  { "\"\\\"\\\\\\/\\b\\f\\n\\r\\t\"", TRUE, SAME },
  { "\"\\u0041\\u00e9\\u4e2d\\ud83d\\ude00\"", TRUE, SAME },
  { "[]", TRUE, SAME },
  { "{}", TRUE, SAME },
  { "[1, \"a\", true, false, null, [], {}]", TRUE, SAME },
  { "{\"a\": 1, \"b\": [1, 2, {\"c\": \"d\"}], \"e\": {\"f\": null}}", TRUE, SAME },
  { "{\"a\": 1, \"a\": 2}", TRUE, SAME },
  { "{\"a\": {\"x\": 1}, \"b\": 0, \"a\": [true]}", TRUE, SAME },
  { " \t\r\n[ 1 , 2 ] \n", TRUE, SAME },
  { "{\"名字\": \"王芳\", \"\": 0}", TRUE, SAME },
  { "[[[[[[[[[[\"deep\"]]]]]]]]]]", TRUE, SAME },
  { "{\"a\\nb\": \"c\\u0009d\"}", TRUE, SAME },
  /* Not RFC 8259 but a documented leniency of ours, and json-glib's:
   * raw control characters in a string. */
  { "\"a\001b\037c\tz\"", TRUE, SAME },
  { "9223372036854775808", TRUE, JG_WRAPS },
  { "-9223372036854775809", TRUE, JG_WRAPS },

  /* Invalid, and json-glib refuses too. */
  { "-", FALSE, SAME },
  { "+1", FALSE, SAME },
  { "1e", FALSE, SAME },
  { "[1,]", FALSE, SAME },
  { "{\"a\":1,}", FALSE, SAME },
  { "{\"a\" 1}", FALSE, SAME },
  { "{a:1}", FALSE, SAME },
  { "[1 2]", FALSE, SAME },
  { "[1,,2]", FALSE, SAME },
  { "tru", FALSE, SAME },
  { "nul", FALSE, SAME },
  { "falsee", FALSE, SAME },
  { "True", FALSE, SAME },
  { "NaN", FALSE, SAME },
  { "Infinity", FALSE, SAME },
  { "\"abc", FALSE, SAME },
  { "\"\\ud83d\"", FALSE, SAME },
  { "\"\\ude00\"", FALSE, SAME },
  { "\"\\ud83d\\u0041\"", FALSE, SAME },
  { "\"\\u12\"", FALSE, SAME },
  { "[", FALSE, SAME },
  { "{\"a\":1", FALSE, SAME },
  { "[1}", FALSE, SAME },
  { "1 2", FALSE, SAME },
  { "[1] x", FALSE, SAME },
  { "// c\n1", FALSE, SAME },
  { "\f1", FALSE, SAME },

  /* A byte order mark at the start, as Windows editors write: RFC 8259
   * §8.1 lets a reader ignore it, and both do. */
  { "\xef\xbb\xbf" "1", TRUE, SAME },
  /* Invalid, and json-glib 1.6 accepts it (GScanner's grammar). */
  { "01", FALSE, JG_LENIENT },         /* leading zeros: 1 */
  { "-01", FALSE, JG_LENIENT },        /* -1 */
  { "[00]", FALSE, JG_LENIENT },       /* [0] */
  { "1.", FALSE, JG_LENIENT },         /* 1.0 */
  { ".5", FALSE, JG_LENIENT },         /* 0.5 */
  { "[1.e5]", FALSE, JG_LENIENT },     /* [100000.0] */
  { "0x10", FALSE, JG_LENIENT },       /* hexadecimal: 16 */
  { "'a'", FALSE, JG_LENIENT },        /* single quotes */
  { "['a']", FALSE, JG_LENIENT },
  { "/*c*/1", FALSE, JG_LENIENT },     /* C comments */
  { "\"\\x\"", FALSE, JG_LENIENT },    /* unknown escape: "x" */
  { "\"\\U0041\"", FALSE, JG_LENIENT },/* "U0041" */
  { "\"\\u12G4\"", FALSE, JG_LENIENT },/* bad hex digit taken: "ሀ4" */
  { "\"\\u0000\"", FALSE, JG_LENIENT },/* U+0000: the string ends there */
  { "[] []", FALSE, JG_FIRST_ONLY },
  { "{\"a\":1}{\"b\":2}", FALSE, JG_FIRST_ONLY },
  { "", FALSE, JG_EMPTY },
  { " \n\t", FALSE, JG_EMPTY },
  /* Also excluded: "\"abc\\" (an unclosed string ending in a backslash),
   * which json-glib refuses and we accept at the top level: a bug of
   * ours, see test_string_unclosed_backslash(). */
};

static void compare_trees (const SlJsonValue *ours, JsonNode *theirs, const char *path);

static void
compare_object (const SlJsonValue *ours,
                JsonObject        *theirs,
                const char        *path)
{
  g_autoptr(GList) members = json_object_get_members (theirs);

  g_assert_cmpint (sl_json_value_get_kind (ours), ==, SL_JSON_OBJECT);
  /* Ours counts duplicate keys too (test_object_duplicates). */
  g_assert_cmpuint (sl_json_value_get_length (ours), >=, json_object_get_size (theirs));

  for (GList *l = members; l != NULL; l = l->next)
    {
      const char *key = l->data;
      g_autofree char *member_path = g_strdup_printf ("%s.%s", path, key);
      const SlJsonValue *member = sl_json_value_get_member (ours, key);

      if (member == NULL)
        g_error ("%s: json-glib has the member, we do not", member_path);
      compare_trees (member, json_object_get_member (theirs, key), member_path);
    }
}

static void
compare_trees (const SlJsonValue *ours,
               JsonNode          *theirs,
               const char        *path)
{
  gint64 integer = 0;

  g_assert_nonnull (ours);
  g_assert_nonnull (theirs);

  switch (json_node_get_node_type (theirs))
    {
    case JSON_NODE_NULL:
      g_assert_cmpint (sl_json_value_get_kind (ours), ==, SL_JSON_NULL);
      break;

    case JSON_NODE_ARRAY:
      {
        JsonArray *array = json_node_get_array (theirs);

        g_assert_cmpint (sl_json_value_get_kind (ours), ==, SL_JSON_ARRAY);
        g_assert_cmpuint (sl_json_value_get_length (ours), ==, json_array_get_length (array));
        for (guint i = 0; i < json_array_get_length (array); i++)
          {
            g_autofree char *element_path = g_strdup_printf ("%s[%u]", path, i);

            compare_trees (sl_json_value_get_element (ours, i),
                           json_array_get_element (array, i), element_path);
          }
      }
      break;

    case JSON_NODE_OBJECT:
      compare_object (ours, json_node_get_object (theirs), path);
      break;

    case JSON_NODE_VALUE:
      switch (json_node_get_value_type (theirs))
        {
        case G_TYPE_BOOLEAN:
          g_assert_cmpint (sl_json_value_get_kind (ours), ==, SL_JSON_BOOLEAN);
          g_assert_cmpint (sl_json_value_get_boolean (ours), ==, json_node_get_boolean (theirs));
          break;

        case G_TYPE_STRING:
          g_assert_cmpint (sl_json_value_get_kind (ours), ==, SL_JSON_STRING);
          g_assert_cmpstr (sl_json_value_get_string (ours), ==, json_node_get_string (theirs));
          break;

        case G_TYPE_INT64:
          g_assert_cmpint (sl_json_value_get_kind (ours), ==, SL_JSON_NUMBER);
          g_assert_true (sl_json_value_get_integer (ours, &integer));
          g_assert_cmpint (integer, ==, json_node_get_int (theirs));
          break;

        case G_TYPE_DOUBLE:
          {
            /* We have no accessor for a double: compare what we can, that
             * it is whole and fits a gint64 exactly when json-glib's
             * double does, and its value then. */
            double d = json_node_get_double (theirs);
            gboolean whole = isfinite (d) && d == floor (d) &&
                             d >= -9223372036854775808.0 && d < 9223372036854775808.0;

            g_assert_cmpint (sl_json_value_get_kind (ours), ==, SL_JSON_NUMBER);
            g_assert_cmpint (sl_json_value_get_integer (ours, &integer), ==, whole);
            if (whole)
              g_assert_cmpint (integer, ==, (gint64) d);
          }
          break;

        default:
          g_assert_not_reached ();
        }
      break;

    default:
      g_assert_not_reached ();
    }
}

static void
test_differential (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (differential); i++)
    {
      const char *text = differential[i].text;
      g_autoptr(GError) our_error = NULL;
      g_autoptr(GError) their_error = NULL;
      g_autoptr(SlJsonDocument) ours = sl_json_document_parse (text, strlen (text), &our_error);
      g_autoptr(JsonParser) parser = json_parser_new_immutable ();
      /* Only what both accept is compared: json-glib 1.6 leaks on some
       * text that it refuses (a string's buffer, on a scanner error), and
       * LeakSanitizer (build-aux/asan.sh) would take that for ours. */
      gboolean compared = differential[i].ours &&
                          (differential[i].difference == SAME ||
                           differential[i].difference == JG_WRAPS);
      gboolean theirs = compared &&
                        json_parser_load_from_data (parser, text, strlen (text), &their_error);

      g_test_message ("‹%s›: ours %s, json-glib %s", text,
                      ours ? "accepts" : our_error->message,
                      theirs ? "accepts" : their_error ? their_error->message : "not asked");

      if ((ours != NULL) != differential[i].ours)
        g_error ("‹%s›: we %s it", text, ours ? "accept" : "refuse");

      switch (differential[i].difference)
        {
        case SAME:
          if (compared && (ours != NULL) != theirs)
            g_error ("‹%s›: we %s it, json-glib %s it", text,
                     ours ? "accept" : "refuse", theirs ? "accepts" : "refuses");
          if (ours != NULL)
            compare_trees (sl_json_document_get_root (ours), json_parser_get_root (parser), "$");
          break;

        case JG_LENIENT:
        case JG_FIRST_ONLY:
        case JG_EMPTY:
        case JG_WRAPS:
          /* What json-glib 1.6 does here is in the comments above; it is
           * not checked, so that a json-glib that mends its ways does not
           * break this test. */
          break;
        }
    }
}

/* Both readers on the large document: the same tree. */
static void
test_differential_large (void)
{
  g_autoptr(GString) text = g_string_new ("[");
  g_autoptr(SlJsonDocument) ours = NULL;
  g_autoptr(JsonParser) parser = json_parser_new_immutable ();
  g_autoptr(GError) error = NULL;

  for (guint i = 0; i < 20000; i++)
    g_string_append_printf (text, "%s{\"i\": %u, \"s\": \"\\u4e2d%u\\n\", \"f\": %u.25, "
                            "\"a\": [null, %s, {}], \"d\": 1, \"d\": %u}",
                            i ? "," : "", i, i, i, i % 3 ? "true" : "false", i);
  g_string_append (text, "]");

  ours = parse_len (text->str, text->len);
  g_assert_true (json_parser_load_from_data (parser, text->str, text->len, &error));
  g_assert_no_error (error);
  compare_trees (sl_json_document_get_root (ours), json_parser_get_root (parser), "$");
}

/* Finding a member and splitting an array without reading them: what a
 * large archive is read in parts with. */
static void
test_split (void)
{
  static const char text[] = " {\"a\": 1, \"meetings\" : [1, {\"x\": [2, \"]\"]}, \"q\\\"]\" ], \"b\": {}} ";
  g_autoptr(GArray) ranges = NULL;
  gsize start = 0, end = 0;

  g_autofree char *value = NULL;

  g_assert_true (sl_json_find_member (text, strlen (text), "meetings", &start, &end));
  value = g_strndup (text + start, end - start);
  g_assert_cmpstr (value, ==, "[1, {\"x\": [2, \"]\"]}, \"q\\\"]\" ]");
  ranges = sl_json_split_array (text + start, end - start);
  g_assert_nonnull (ranges);
  g_assert_cmpuint (ranges->len, ==, 6);
  g_assert_cmpuint (g_array_index (ranges, gsize, 0), ==, 1);
  g_assert_cmpuint (g_array_index (ranges, gsize, 1), ==, 2);
  g_assert_cmpint (text[start + g_array_index (ranges, gsize, 2)], ==, '{');
  g_assert_cmpint (text[start + g_array_index (ranges, gsize, 3) - 1], ==, '}');
  g_assert_cmpint (text[start + g_array_index (ranges, gsize, 5) - 1], ==, '"');

  /* Not found, or not plain enough to split: the caller reads whole. */
  g_assert_false (sl_json_find_member (text, strlen (text), "plans", &start, &end));
  g_assert_false (sl_json_find_member ("[1]", 3, "a", &start, &end));
  g_assert_false (sl_json_find_member ("{\"a\": 1, \"a\": 2}", 16, "a", &start, &end));
  g_assert_false (sl_json_find_member ("{\"\\u0061\": 1}", 13, "a", &start, &end));
  g_assert_false (sl_json_find_member ("{\"a\": [1, 2}", 12, "a", &start, &end));
  g_assert_false (sl_json_find_member ("{\"a\": 1", 7, "a", &start, &end));

  g_clear_pointer (&ranges, g_array_unref);
  ranges = sl_json_split_array (" [ ] ", 5);
  g_assert_nonnull (ranges);
  g_assert_cmpuint (ranges->len, ==, 0);
  g_clear_pointer (&ranges, g_array_unref);
  g_assert_null (sl_json_split_array ("[1,]", 4));
  g_assert_null (sl_json_split_array ("[1 2]", 5));
  g_assert_null (sl_json_split_array ("[1] x", 5));
  g_assert_null (sl_json_split_array ("{}", 2));
  g_assert_null (sl_json_split_array ("[\"a]", 4));
}

int
main (int   argc,
      char *argv[])
{
  json_test_init (&argc, &argv);

  g_test_add_func ("/json/large", test_large);
  g_test_add_func ("/json/differential/small", test_differential);
  g_test_add_func ("/json/differential/large", test_differential_large);
  g_test_add_func ("/json/split", test_split);

  return g_test_run ();
}
