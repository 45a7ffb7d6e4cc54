/* fuzz-json.c — arbitrary bytes read by the strict JSON reader
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * sl_json_document_parse() takes text that g_utf8_validate() accepted, as
 * sl_archive_import_data() gives it; other bytes are dropped here the same
 * way. It must give a document or an SL_JSON_ERROR, never crash or read
 * outside its memory. A document is walked whole, every value read, so
 * that AddressSanitizer sees each access. The reader cannot list an
 * object's keys, so the target gathers every string of the text (each one
 * read by the reader itself) and looks each up in every object: that
 * reaches every member a key can reach, the last of equal keys.
 *
 * An unclosed string ending in a backslash ("\"abc\\") was once taken
 * at the top level; regressions/json-unclosed-string-backslash replays it.
 */

#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "fuzz-targets.h"
#include "sl-json-document.h"

#define JSON_FAIL(...)                                                   \
  G_STMT_START {                                                       \
    fprintf (stderr, "fuzz finding: " __VA_ARGS__);                    \
    fputc ('\n', stderr);                                              \
    abort ();                                                          \
  } G_STMT_END

#define JSON_CHECK(condition)                                            \
  G_STMT_START {                                                       \
    if (!(condition))                                                  \
      JSON_FAIL ("%s", #condition);                                    \
  } G_STMT_END

/* Every string of the text, read by the reader: the keys to look up.
 * Returns FALSE if the text ends inside a string. */
static gboolean
gather_strings (const char *text,
                size_t      size,
                GPtrArray  *strings)
{
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);
  size_t start = 0;
  gboolean in_string = FALSE;

  for (size_t i = 0; i < size; i++)
    {
      if (!in_string)
        {
          if (text[i] == '"')
            {
              in_string = TRUE;
              start = i;
            }
          continue;
        }

      if (text[i] == '\\')
        i++;
      else if (text[i] == '"')
        {
          g_autoptr(GError) error = NULL;
          g_autoptr(SlJsonDocument) string = NULL;
          const char *value;

          in_string = FALSE;
          string = sl_json_document_parse (text + start, i + 1 - start, &error);
          /* The whole text was accepted, so each of its strings is. */
          if (string == NULL)
            JSON_FAIL ("a string of an accepted text is refused alone: %s", error->message);
          value = sl_json_value_get_string (sl_json_document_get_root (string));
          JSON_CHECK (value != NULL);
          if (!g_hash_table_contains (seen, value))
            {
              char *copy = g_strdup (value);

              g_hash_table_add (seen, copy);
              g_ptr_array_add (strings, copy);
            }
        }
    }

  return !in_string;
}

static void
walk (const SlJsonValue *value,
      GPtrArray         *keys)
{
  SlJsonKind kind = sl_json_value_get_kind (value);
  guint length = sl_json_value_get_length (value);
  gint64 integer;

  switch (kind)
    {
    case SL_JSON_NULL:
      JSON_CHECK (sl_json_value_is_null (value));
      JSON_CHECK (length == 0);
      break;

    case SL_JSON_BOOLEAN:
      (void) sl_json_value_get_boolean (value);
      JSON_CHECK (!sl_json_value_is_null (value));
      JSON_CHECK (length == 0);
      break;

    case SL_JSON_NUMBER:
      (void) sl_json_value_get_integer (value, &integer);
      JSON_CHECK (length == 0);
      break;

    case SL_JSON_STRING:
      {
        const char *string = sl_json_value_get_string (value);

        JSON_CHECK (string != NULL);
        JSON_CHECK (g_utf8_validate (string, -1, NULL));
        JSON_CHECK (length == 0);
      }
      break;

    case SL_JSON_ARRAY:
      for (guint i = 0; i < length; i++)
        walk (sl_json_value_get_element (value, i), keys);
      break;

    case SL_JSON_OBJECT:
      {
        guint found = 0;

        for (guint i = 0; i < keys->len; i++)
          {
            const SlJsonValue *member = sl_json_value_get_member (value, g_ptr_array_index (keys, i));

            if (member != NULL)
              {
                found++;
                walk (member, keys);
              }
          }

        /* Each key found once; the last member's key at least. */
        JSON_CHECK (found <= length);
        JSON_CHECK ((found > 0) == (length > 0));
      }
      break;

    default:
      JSON_FAIL ("a value of kind %d", kind);
    }

  if (kind != SL_JSON_OBJECT)
    JSON_CHECK (sl_json_value_get_member (value, "") == NULL);
}

int
sl_fuzz_json (const uint8_t *data,
              size_t         size)
{
  const char *text = (const char *) data;
  g_autoptr(GError) error = NULL;
  g_autoptr(SlJsonDocument) document = NULL;
  g_autoptr(GPtrArray) keys = NULL;
  gboolean blank = TRUE;

  if (!g_utf8_validate_len (text, size, NULL))
    return 0;

  for (size_t i = 0; i < size && blank; i++)
    blank = strchr (" \t\r\n", text[i]) != NULL;

  document = sl_json_document_parse (text, size, &error);
  if (document == NULL)
    {
      JSON_CHECK (error != NULL);
      JSON_CHECK (error->domain == SL_JSON_ERROR);
      JSON_CHECK (error->code == SL_JSON_ERROR_EMPTY || error->code == SL_JSON_ERROR_SYNTAX ||
                  error->code == SL_JSON_ERROR_TRAILING);
      JSON_CHECK ((error->code == SL_JSON_ERROR_EMPTY) == blank);
      JSON_CHECK (error->message[0] != '\0');
      JSON_CHECK (g_utf8_validate (error->message, -1, NULL));
      return 0;
    }

  JSON_CHECK (error == NULL);
  JSON_CHECK (!blank);

  keys = g_ptr_array_new_with_free_func (g_free);
  if (!gather_strings (text, size, keys))
    JSON_FAIL ("a string that is not closed was accepted");

  walk (sl_json_document_get_root (document), keys);

  return 0;
}

#ifdef SL_LIBFUZZER
int LLVMFuzzerTestOneInput (const uint8_t *data, size_t size);

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  return sl_fuzz_json (data, size);
}
#endif
