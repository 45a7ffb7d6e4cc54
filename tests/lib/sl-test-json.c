/* sl-test-json.c — helpers the test-json-*.c programs share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Moved from test-json-document.c when it was split.
 */

#include "config.h"

#include <locale.h>
#include <string.h>

#include "sl-test-json.h"

void
json_test_init (int    *argc,
                char ***argv)
{
  /* Error messages in English, whatever the machine's language. */
  g_unsetenv ("LANGUAGE");
  setlocale (LC_ALL, "C.UTF-8");

  g_test_init (argc, argv, NULL);
}

SlJsonDocument *
parse_len (const char *data,
           gsize       length)
{
  g_autoptr(GError) error = NULL;
  SlJsonDocument *document = sl_json_document_parse (data, length, &error);

  g_assert_no_error (error);
  g_assert_nonnull (document);
  return document;
}

SlJsonDocument *
parse (const char *text)
{
  return parse_len (text, strlen (text));
}

/* Refused with @code; when @line is not 0, the message starts with
 * "line L, column C: ". */
void
assert_refused_len (const char *data,
                    gsize       length,
                    SlJsonError code,
                    guint       line,
                    guint       column)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SlJsonDocument) document = sl_json_document_parse (data, length, &error);

  if (document != NULL)
    g_error ("accepted, should be refused: %.*s", (int) length, data);
  g_assert_nonnull (error);
  g_assert_cmpstr (g_quark_to_string (error->domain), ==, g_quark_to_string (SL_JSON_ERROR));
  if ((int) error->code != (int) code)
    g_error ("%.*s: code %d, expected %d (%s)", (int) length, data,
             error->code, code, error->message);
  if (line != 0)
    {
      g_autofree char *prefix = g_strdup_printf ("line %u, column %u: ", line, column);

      if (!g_str_has_prefix (error->message, prefix))
        g_error ("%.*s: message “%s”, expected it to start with “%s”",
                 (int) length, data, error->message, prefix);
    }
}

void
assert_refused (const char  *text,
                SlJsonError  code,
                guint        line,
                guint        column)
{
  assert_refused_len (text, strlen (text), code, line, column);
}

void
assert_syntax (const char *text,
               guint       line,
               guint       column)
{
  assert_refused (text, SL_JSON_ERROR_SYNTAX, line, column);
}

/* With an error to fill: test_error_ignored() is about NULL. */
gboolean
accepts (const char *text)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SlJsonDocument) document = sl_json_document_parse (text, strlen (text), &error);

  return document != NULL;
}

void
assert_integer (const SlJsonValue *value,
                gint64             expected)
{
  gint64 integer = G_MAXINT64 - 1;

  g_assert_nonnull (value);
  g_assert_cmpint (sl_json_value_get_kind (value), ==, SL_JSON_NUMBER);
  g_assert_true (sl_json_value_get_integer (value, &integer));
  g_assert_cmpint (integer, ==, expected);
}

void
assert_string (const SlJsonValue *value,
               const char        *expected)
{
  g_assert_nonnull (value);
  g_assert_cmpint (sl_json_value_get_kind (value), ==, SL_JSON_STRING);
  g_assert_cmpstr (sl_json_value_get_string (value), ==, expected);
}

/* A bug of the reader: reported, not fixed yet (see sl-test-json.h). */
void
reader_bug (const char *summary)
{
  g_test_message ("reader bug, not fixed yet: %s", summary);
  g_test_incomplete (summary);
}
