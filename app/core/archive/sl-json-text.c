/* sl-json-text.c — JSON text written as json-glib 1.6's pretty generator writes it
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The archive's meetings are written from the rows (sl-archive-rows.c), not
 * built as trees and generated: but their bytes must stay those of the tree
 * writer (sl_archive_generate(), JsonGenerator with two spaces a level), so
 * this writes what that generator writes, and nothing else:
 *
 *  - an object as "{\n", its members "key" : value, each on a line of its
 *    own indented two spaces a level deeper, joined by ",\n", then "\n",
 *    the object's indentation and "}"; an array the same with "[" and "]",
 *    and an empty one as "[]" (an empty object, which the archive never
 *    has, as "{" + indentation + "}");
 *  - in strings, '"' and '\\' after a backslash; \b \f \n \r \t by their
 *    letters; the other bytes 0x01 to 0x1e and 0x7f as \u00xx (lowercase
 *    hex); 0x1f as \u001f, which json-glib leaves raw and
 *    sl_archive_generate() escapes after it; every other byte as it is,
 *    UTF-8 and invalid bytes alike (U+2028 stays raw); the text ends at
 *    its first NUL, as strlen() ends it;
 *  - integers as "%" G_GINT64_FORMAT; doubles as json-glib writes them
 *    ("%.17g", ".0" added to any without a point) and then as
 *    sl_archive_generate() rewrites each number token with a point or
 *    an exponent (the shortest text that reads back the same).
 *
 * tests/test-archive-rows.c holds it to the tree writer byte for byte.
 */

#include "config.h"

#include <string.h>

#include "sl-canonical-json.h"
#include "sl-json-text.h"

static const char spaces[] = "                                                                  ";

G_STATIC_ASSERT (sizeof spaces > 2 * (SL_JSON_TEXT_MAX_DEPTH + 1));

void
sl_json_text_init (SlJsonText *text,
                   GString    *out,
                   guint       depth)
{
  memset (text, 0, sizeof *text);
  text->out = out;
  /* The first value goes where the caller is, at @depth: the container
   * opened i-th is i levels deeper. */
  text->depth = depth;
}

static inline void
indent (GString *out,
        guint    level)
{
  g_string_append_len (out, spaces, 2 * level);
}

static inline void
before_value (SlJsonText *text)
{
  guint open = text->open;

  if (open == 0)
    return;
  if (text->is_array[open - 1])
    {
      if (!text->empty[open - 1])
        g_string_append_c (text->out, ',');
      g_string_append_c (text->out, '\n');
      indent (text->out, text->depth + open);
      text->empty[open - 1] = FALSE;
    }
  /* In an object, sl_json_text_key() has written what comes before. */
}

static inline void
push (SlJsonText *text,
      gboolean    array)
{
  guint open = text->open;

  g_assert (open + 1 < SL_JSON_TEXT_MAX_DEPTH);
  text->is_array[open] = array;
  text->empty[open] = TRUE;
  text->open = open + 1;
}

static inline void
pop (SlJsonText *text,
     char        close)
{
  guint open = text->open;

  g_assert (open > 0);
  open--;
  text->open = open;
  if (!text->empty[open])
    {
      g_string_append_c (text->out, '\n');
      indent (text->out, text->depth + open);
    }
  else if (close == '}')
    indent (text->out, text->depth + open);
  g_string_append_c (text->out, close);
}

void
sl_json_text_begin_object (SlJsonText *text)
{
  before_value (text);
  g_string_append_c (text->out, '{');
  push (text, FALSE);
}

void
sl_json_text_end_object (SlJsonText *text)
{
  pop (text, '}');
}

void
sl_json_text_begin_array (SlJsonText *text)
{
  before_value (text);
  g_string_append_c (text->out, '[');
  push (text, TRUE);
}

void
sl_json_text_end_array (SlJsonText *text)
{
  pop (text, ']');
}

void
sl_json_text_key (SlJsonText *text,
                  const char *key)
{
  guint open = text->open;

  g_assert (open > 0 && !text->is_array[open - 1]);
  if (!text->empty[open - 1])
    g_string_append_c (text->out, ',');
  g_string_append_c (text->out, '\n');
  indent (text->out, text->depth + open);
  text->empty[open - 1] = FALSE;
  g_string_append_c (text->out, '"');
  sl_json_text_escape (text->out, key);
  g_string_append_len (text->out, "\" : ", 4);
}

/* What each byte below 0x80 becomes in a string: 0 as it is, 1 for a
 * backslash and a letter, 2 for \u00xx. */
static const guint8 escape_kind[128] = {
  [0x01] = 2, [0x02] = 2, [0x03] = 2, [0x04] = 2, [0x05] = 2, [0x06] = 2, [0x07] = 2,
  [0x08] = 1, [0x09] = 1, [0x0a] = 1, [0x0b] = 2, [0x0c] = 1, [0x0d] = 1, [0x0e] = 2,
  [0x0f] = 2, [0x10] = 2, [0x11] = 2, [0x12] = 2, [0x13] = 2, [0x14] = 2, [0x15] = 2,
  [0x16] = 2, [0x17] = 2, [0x18] = 2, [0x19] = 2, [0x1a] = 2, [0x1b] = 2, [0x1c] = 2,
  [0x1d] = 2, [0x1e] = 2, [0x1f] = 2, ['"'] = 1, ['\\'] = 1, [0x7f] = 2,
};

void
sl_json_text_escape (GString    *out,
                     const char *value)
{
  const guchar *p = (const guchar *) value;
  const guchar *run = p;

  for (;; p++)
    {
      guchar c = *p;

      if (c == 0)
        break;
      if (c >= 0x80 || escape_kind[c] == 0)
        continue;

      /* The plain bytes before this one, in one piece. */
      if (p > run)
        g_string_append_len (out, (const char *) run, p - run);
      run = p + 1;

      if (escape_kind[c] == 2)
        {
          static const char hex[] = "0123456789abcdef";
          char u[6] = { '\\', 'u', '0', '0', hex[c >> 4], hex[c & 0xf] };

          g_string_append_len (out, u, 6);
          continue;
        }

      g_string_append_c (out, '\\');
      switch (c)
        {
        case '\b': g_string_append_c (out, 'b'); break;
        case '\f': g_string_append_c (out, 'f'); break;
        case '\n': g_string_append_c (out, 'n'); break;
        case '\r': g_string_append_c (out, 'r'); break;
        case '\t': g_string_append_c (out, 't'); break;
        default:   g_string_append_c (out, c); break;   /* '"' and '\\' */
        }
    }
  if (p > run)
    g_string_append_len (out, (const char *) run, p - run);
}

void
sl_json_text_string (SlJsonText *text,
                     const char *value)
{
  if (value == NULL)
    {
      sl_json_text_null (text);
      return;
    }
  before_value (text);
  g_string_append_c (text->out, '"');
  sl_json_text_escape (text->out, value);
  g_string_append_c (text->out, '"');
}

void
sl_json_text_open_string (SlJsonText *text)
{
  before_value (text);
  g_string_append_c (text->out, '"');
}

void
sl_json_text_close_string (SlJsonText *text)
{
  g_string_append_c (text->out, '"');
}

void
sl_json_text_null (SlJsonText *text)
{
  before_value (text);
  g_string_append_len (text->out, "null", 4);
}

void
sl_json_text_boolean (SlJsonText *text,
                      gboolean    value)
{
  before_value (text);
  if (value)
    g_string_append_len (text->out, "true", 4);
  else
    g_string_append_len (text->out, "false", 5);
}

void
sl_json_text_int (SlJsonText *text,
                  gint64      value)
{
  char buffer[24];
  char *end = buffer + sizeof buffer;
  char *p = end;
  guint64 magnitude = value < 0 ? (guint64) 0 - (guint64) value : (guint64) value;

  /* By hand: printf's parsing of its format cost more than the digits. */
  do
    {
      *--p = (char) ('0' + magnitude % 10);
      magnitude /= 10;
    }
  while (magnitude > 0);
  if (value < 0)
    *--p = '-';

  before_value (text);
  g_string_append_len (text->out, p, end - p);
}

void
sl_json_text_double (SlJsonText *text,
                     double      value)
{
  char generated[G_ASCII_DTOSTR_BUF_SIZE + 4];
  const char *p;

  /* json-glib's text first... */
  g_ascii_formatd (generated, G_ASCII_DTOSTR_BUF_SIZE, "%.17g", value);
  if (strchr (generated, '.') == NULL)
    strcat (generated, ".0");

  /* ...then each number token in it as sl_archive_generate() rewrites it
   * (shorten_numbers(): "inf.0" keeps its letters, and its "0"). */
  before_value (text);
  for (p = generated; *p != '\0';)
    {
      if (*p == '-' || g_ascii_isdigit (*p))
        {
          const char *q = p;
          gboolean whole = TRUE;

          for (; *q != '\0' && strchr ("0123456789-+.eE", *q) != NULL; q++)
            if (*q == '.' || *q == 'e' || *q == 'E')
              whole = FALSE;

          if (whole)
            g_string_append_len (text->out, p, q - p);
          else
            {
              g_autofree char *number = g_strndup (p, q - p);
              char buffer[SL_CANONICAL_NUMBER_SIZE];

              g_string_append (text->out,
                               sl_canonical_json_format_double (buffer, g_ascii_strtod (number, NULL)));
            }
          p = q;
        }
      else
        g_string_append_c (text->out, *p++);
    }
}
