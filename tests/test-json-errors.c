/* test-json-errors.c — the strict JSON reader: errors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * What the reader refuses and how it says so: empty and trailing text,
 * syntax errors with their line and column, nesting too deep.
 * The helpers (parse, assert_refused, reader_bug, ...) are
 * tests/lib/sl-test-json.c, shared by the test-json-*.c programs.
 */

#include "config.h"

#include <string.h>

#include "sl-test-json.h"

/* ------------------------------------------------------------------ */
/* Errors                                                             */
/* ------------------------------------------------------------------ */

static void
test_error_empty (void)
{
  assert_refused ("", SL_JSON_ERROR_EMPTY, 0, 0);
  assert_refused (" ", SL_JSON_ERROR_EMPTY, 0, 0);
  assert_refused ("\n", SL_JSON_ERROR_EMPTY, 0, 0);
  assert_refused (" \t\r\n \n\n", SL_JSON_ERROR_EMPTY, 0, 0);
  /* The length counts, not a NUL. */
  assert_refused_len ("[1]", 0, SL_JSON_ERROR_EMPTY, 0, 0);

  {
    g_autoptr(SlJsonDocument) document = parse_len ("[1]garbage", 3);

    assert_integer (sl_json_value_get_element (sl_json_document_get_root (document), 0), 1);
  }
}

static void
test_error_trailing (void)
{
  assert_refused ("1 2", SL_JSON_ERROR_TRAILING, 1, 3);
  assert_refused ("[] []", SL_JSON_ERROR_TRAILING, 1, 4);
  assert_refused ("{}{}", SL_JSON_ERROR_TRAILING, 1, 3);
  assert_refused ("{\"a\":1}{\"b\":2}", SL_JSON_ERROR_TRAILING, 1, 8);
  assert_refused ("{\"a\":1}}", SL_JSON_ERROR_TRAILING, 1, 8);
  assert_refused ("[1]]", SL_JSON_ERROR_TRAILING, 1, 4);
  assert_refused ("null null", SL_JSON_ERROR_TRAILING, 1, 6);
  assert_refused ("\"a\" \"b\"", SL_JSON_ERROR_TRAILING, 1, 5);
  assert_refused ("[1]\n]", SL_JSON_ERROR_TRAILING, 2, 1);
  assert_refused ("{}\n\n  x", SL_JSON_ERROR_TRAILING, 3, 3);
  assert_refused ("[1] ,", SL_JSON_ERROR_TRAILING, 1, 5);
  assert_refused ("\"学习\" 1", SL_JSON_ERROR_TRAILING, 1, 6);
}

/* No text at all: NULL with a length of 0, which the reader's
 * g_return_val_if_fail() allows. In a subprocess, because the reader
 * passes the NULL on to memcpy(), which UBSan (build-aux/asan.sh) stops. */
static void
test_error_empty_null (void)
{
  if (g_test_subprocess ())
    {
      assert_refused_len (NULL, 0, SL_JSON_ERROR_EMPTY, 0, 0);
      return;
    }

  g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_DEFAULT);
  if (!g_test_trap_has_passed ())
    reader_bug ("sl-json-document.c sl_json_document_parse(): memcpy (self->text, NULL, 0) "
                "is undefined behaviour: sl_json_document_parse (NULL, 0, &error)");
}

/* GError convention: @error may be NULL. */
static void
test_error_ignored (void)
{
  static const char *inputs[] = { "", "[1,]", "\"\\x\"", "1 2", "{}x" };

  if (g_test_subprocess ())
    {
      for (guint i = 0; i < G_N_ELEMENTS (inputs); i++)
        g_assert_null (sl_json_document_parse (inputs[i], strlen (inputs[i]), NULL));
      return;
    }

  g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_DEFAULT);
  if (!g_test_trap_has_passed ())
    reader_bug ("sl-json-document.c sl_json_document_parse(): "
                "(*error)->code = SL_JSON_ERROR_TRAILING dereferences a NULL @error: "
                "sl_json_document_parse (\"1 2\", 3, NULL) crashes");
}

static void
test_error_syntax (void)
{
  static const struct { const char *text; guint line, column; } cases[] = {
    /* Missing commas. */
    { "[1 2]", 1, 4 },
    { "{\"a\":1 \"b\":2}", 1, 8 },
    { "[\"a\" \"b\"]", 1, 6 },
    { "[[] {}]", 1, 5 },
    /* Trailing and doubled commas. */
    { "[1,]", 1, 4 },
    { "[1, ]", 1, 5 },
    { "{\"a\":1,}", 1, 8 },
    { "{\"a\":1, }", 1, 9 },
    { "[1,,2]", 1, 4 },
    { "[,1]", 1, 2 },
    { "{,}", 1, 2 },
    { "{\"a\":1,,\"b\":2}", 1, 8 },
    { "[,]", 1, 2 },
    /* Missing colon, other separators. */
    { "{\"a\" 1}", 1, 6 },
    { "{\"a\"}", 1, 5 },
    { "{\"a\"=1}", 1, 5 },
    { "{\"a\"::1}", 1, 6 },
    { "{\"a\":}", 1, 6 },
    /* Keys that are not strings. */
    { "{a:1}", 1, 2 },
    { "{1:1}", 1, 2 },
    { "{null:1}", 1, 2 },
    { "{\"a\":1, b:2}", 1, 9 },
    { "{[]:1}", 1, 2 },
    /* Single quotes. */
    { "'a'", 1, 1 },
    { "['a']", 1, 2 },
    { "{'a':1}", 1, 2 },
    { "{\"a\":'b'}", 1, 6 },
    /* Misspelt literals. */
    { "tru", 1, 1 },
    { "ture", 1, 1 },
    { "True", 1, 1 },
    { "TRUE", 1, 1 },
    { "fals", 1, 1 },
    { "False", 1, 1 },
    { "nul", 1, 1 },
    { "NULL", 1, 1 },
    { "nill", 1, 1 },
    { "[tru]", 1, 2 },
    { "[true,fals]", 1, 7 },
    { "{\"a\":nul}", 1, 6 },
    { "[undefined]", 1, 2 },
    /* Brackets that do not match or do not close. */
    { "[", 1, 2 },
    { "{", 1, 2 },
    { "[1", 1, 3 },
    { "[1,", 1, 4 },
    { "{\"a\"", 1, 5 },
    { "{\"a\":", 1, 6 },
    { "{\"a\":1", 1, 7 },
    { "[1}", 1, 3 },
    { "{\"a\":1]", 1, 7 },
    { "[[1]", 1, 5 },
    { "]", 1, 1 },
    { "}", 1, 1 },
    { ":", 1, 1 },
    { ",", 1, 1 },
    /* Comments and other extensions. */
    { "/*c*/1", 1, 1 },
    { "// c\n1", 1, 1 },
    { "# c\n1", 1, 1 },
    { "[1 /* c */]", 1, 4 },
    /* Lines and columns. */
    { "[\n  1,\n  2\n  3\n]", 4, 3 },
    { "{\n  \"a\": 1,\n  \"b\" 2\n}", 3, 7 },
    { "[\r\n1\r\n2]", 3, 1 },
    { "\n\n\n   x", 4, 4 },
    /* Columns count characters, not bytes: Chinese (three bytes each) and
     * a four-byte character before the error. */
    { "[\"中文\", tru]", 1, 8 },
    { "{\"名字\": x}", 1, 8 },
    { "[\"😀\", x]", 1, 7 },
    { "[\"𝄞😀中\", x]", 1, 9 },
    { "{\n  \"学习\": 1,\n  \"记录\" 2\n}", 3, 8 },
    { "[\"学习记录\" \"x\"]", 1, 9 },
    { "\"中\\x\"", 1, 3 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    assert_syntax (cases[i].text, cases[i].line, cases[i].column);
}

/* Lines and columns are counted in the copy after its strings were
 * unescaped in place, so an escape before the error moves it: "\n" in a
 * string becomes a real line break, "\u4e2d" one character, and the
 * bytes left behind after the NUL count too. */
static void
test_error_position_after_escapes (void)
{
  static const struct { const char *text; guint line, column; } cases[] = {
    { "[\"a\\nb\", x]", 1, 10 },
    { "[\"\\u4e2d\", x]", 1, 12 },
    { "[\"\\t\\n\\\"\", x]", 1, 12 },
    { "{\"note\": \"l1\\nl2\\nl3\", \"x\": tru}", 1, 29 },
    { "[\"\\ud83d\\ude00\", x]", 1, 18 },
    { "[\"\\\\\", x]", 1, 8 },
  };
  g_autoptr(GString) wrong = g_string_new (NULL);

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(SlJsonDocument) document =
        sl_json_document_parse (cases[i].text, strlen (cases[i].text), &error);
      g_autofree char *prefix = g_strdup_printf ("line %u, column %u: ",
                                                 cases[i].line, cases[i].column);

      g_assert_null (document);
      g_assert_error (error, SL_JSON_ERROR, SL_JSON_ERROR_SYNTAX);
      if (!g_str_has_prefix (error->message, prefix))
        g_string_append_printf (wrong, " ‹%s› gives “%.*s” for “%.*s”;", cases[i].text,
                                (int) (strstr (error->message, ": ") - error->message),
                                error->message, (int) strlen (prefix) - 2, prefix);
    }

  if (wrong->len > 0)
    {
      g_autofree char *summary =
        g_strdup_printf ("sl-json-document.c syntax_error() counts lines and columns in "
                         "the unescaped copy:%s", wrong->str);
      reader_bug (summary);
    }
}

static char *
nested (guint        depth,
        const char  *open,
        const char  *middle,
        const char  *close)
{
  GString *text = g_string_new (NULL);

  for (guint i = 0; i < depth; i++)
    g_string_append (text, open);
  g_string_append (text, middle);
  for (guint i = 0; i < depth; i++)
    g_string_append (text, close);
  return g_string_free (text, FALSE);
}

static void
test_error_depth (void)
{
  /* 511 and 512 (the limit) nested arrays, a number at the bottom. */
  for (guint depth = 511; depth <= 512; depth++)
    {
      g_autofree char *text = nested (depth, "[", "7", "]");
      g_autoptr(SlJsonDocument) document = parse (text);
      const SlJsonValue *v = sl_json_document_get_root (document);

      for (guint i = 0; i < depth; i++)
        {
          g_assert_cmpint (sl_json_value_get_kind (v), ==, SL_JSON_ARRAY);
          g_assert_cmpuint (sl_json_value_get_length (v), ==, 1);
          v = sl_json_value_get_element (v, 0);
        }
      assert_integer (v, 7);
    }

  /* 511 nested objects, each the member "k" of the one around it. */
  {
    g_autofree char *text = nested (511, "{\"k\":", "\"bottom\"", "}");
    g_autoptr(SlJsonDocument) document = parse (text);
    const SlJsonValue *v = sl_json_document_get_root (document);

    for (guint i = 0; i < 511; i++)
      v = sl_json_value_get_member (v, "k");
    assert_string (v, "bottom");
  }

  /* Deeper: refused where the 513th opens, closed or not. */
  {
    g_autofree char *closed = nested (513, "[", "", "]");
    g_autofree char *deep = nested (600, "[", "", "]");
    g_autofree char *unclosed = g_strnfill (600, '[');
    g_autofree char *objects = nested (600, "{\"k\":", "1", "}");
    g_autofree char *huge = g_strnfill (1000000, '[');

    assert_syntax (closed, 1, 513);
    assert_syntax (deep, 1, 513);
    assert_syntax (unclosed, 1, 513);
    assert_syntax (objects, 1, 512 * 5 + 1);
    assert_syntax (huge, 1, 513);
  }

  /* The limit is on depth, not on how many containers: many siblings. */
  {
    g_autofree char *inner = nested (500, "[", "", "]");
    g_autoptr(GString) text = g_string_new ("[");
    g_autoptr(SlJsonDocument) document = NULL;

    for (guint i = 0; i < 20; i++)
      g_string_append_printf (text, "%s%s", i ? "," : "", inner);
    g_string_append (text, "]");
    document = parse (text->str);
    g_assert_cmpuint (sl_json_value_get_length (sl_json_document_get_root (document)), ==, 20);
  }
}

int
main (int   argc,
      char *argv[])
{
  json_test_init (&argc, &argv);

  g_test_add_func ("/json/errors/empty", test_error_empty);
  g_test_add_func ("/json/errors/empty-null", test_error_empty_null);
  g_test_add_func ("/json/errors/trailing", test_error_trailing);
  g_test_add_func ("/json/errors/error-ignored", test_error_ignored);
  g_test_add_func ("/json/errors/syntax", test_error_syntax);
  g_test_add_func ("/json/errors/position-after-escapes", test_error_position_after_escapes);
  g_test_add_func ("/json/errors/depth", test_error_depth);

  return g_test_run ();
}
