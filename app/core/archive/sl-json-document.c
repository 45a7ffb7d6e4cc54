/* sl-json-document.c — a JSON text read into one block of memory
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A strict RFC 8259 reader for the archive, whose ten-year files run to
 * tens of megabytes. json-glib 1.6 read them through GScanner into a tree
 * of a hash table per object: half of the instructions of an import, and
 * as much again to free the tree (docs/performance.md). Here the text is
 * copied once; strings are unescaped in place in the copy and end with a
 * NUL written over their closing quote; values live in arrays carved
 * from large blocks, each container's members side by side, so that the
 * whole document is freed in a handful of calls.
 *
 * The reader is iterative (an explicit stack, no recursion) and takes
 * text that g_utf8_validate() has accepted: it checks only the JSON
 * grammar and the \u escapes. Two leniencies keep the files that earlier
 * versions wrote readable: control characters inside a string are taken
 * as they are (json-glib 1.6 wrote U+001F unescaped), and of two equal
 * keys in an object the last one wins.
 */

#define G_LOG_DOMAIN "sl-json"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "sl-json-document.h"

G_DEFINE_QUARK (sl-json-error-quark, sl_json_error)

/* Deeper than any archive; keeps a hostile file from growing the stack
 * without end. */
#define MAX_DEPTH 512

#define VALUE _("a value (text, a number, true, false, null, an object or an array)")

struct _SlJsonValue
{
  guint8  kind;       /* SlJsonKind */
  guint8  integral;   /* a number without fraction or exponent that fits gint64 */
  guint8  boolean;
  guint8  too_large;  /* written without fraction or exponent, beyond gint64 */
  guint32 length;     /* elements or members */
  union
  {
    const char *string;
    double      number;
    gint64      integer;
    gpointer    members;  /* Member[length] */
  };
};

/* An array's elements are members without keys. */
typedef struct
{
  const char  *key;
  SlJsonValue  value;
} Member;

typedef struct _Block Block;
struct _Block
{
  Block *next;
  gsize  used;
  gsize  size;
  /* data follows */
};

struct _SlJsonDocument
{
  char        *text;   /* the copy, strings unescaped in place */
  Block       *blocks;
  gsize        block_size;
  SlJsonValue  root;
};

typedef struct
{
  SlJsonDocument *document;
  const char     *start;    /* of the copy */
  const char     *data;     /* the text as given, for positions in messages */
  char           *p;
  char           *end;
  GArray         *stack;    /* Member: the children of open containers */
  GArray         *open;     /* Frame */
} Parser;

typedef struct
{
  guint       first;  /* index in the stack of its first child */
  SlJsonKind  kind;   /* SL_JSON_ARRAY or SL_JSON_OBJECT */
  const char *key;    /* its own key in its container, if an object */
} Frame;

static gpointer
document_alloc (SlJsonDocument *self,
                gsize           size)
{
  Block *block = self->blocks;

  size = (size + 7) & ~(gsize) 7;
  if (block == NULL || block->size - block->used < size)
    {
      gsize block_size = MAX (size, self->block_size);

      block = g_malloc (sizeof (Block) + block_size);
      block->next = self->blocks;
      block->used = 0;
      block->size = block_size;
      self->blocks = block;
    }

  block->used += size;
  return (char *) (block + 1) + block->used - size;
}

void
sl_json_document_free (SlJsonDocument *self)
{
  if (self == NULL)
    return;

  while (self->blocks != NULL)
    {
      Block *next = self->blocks->next;
      g_free (self->blocks);
      self->blocks = next;
    }

  g_free (self->text);
  g_free (self);
}

/* Errors ------------------------------------------------------------------ */

static gboolean
syntax_error (Parser      *parser,
              const char  *at,
              GError     **error,
              const char  *what)
{
  guint line = 1, column = 1;

  /* Counted only now, and in the text as given (strings before @at were
   * unescaped in place in the copy): the line of the error as an editor
   * shows it, in characters rather than bytes. */
  for (const char *q = parser->data; q < parser->data + (at - parser->start); q++)
    {
      if (*q == '\n')
        {
          line++;
          column = 1;
        }
      else if (((guchar) *q & 0xC0) != 0x80)
        column++;
    }

  g_set_error (error, SL_JSON_ERROR, SL_JSON_ERROR_SYNTAX,
               _("line %u, column %u: %s"), line, column, what);
  return FALSE;
}

static gboolean
unexpected (Parser      *parser,
            GError     **error,
            const char  *expected)
{
  g_autofree char *what = NULL;

  if (parser->p >= parser->end)
    /* Translators: %s says what was expected, such as "“,” or “}”". */
    what = g_strdup_printf (_("expected %s, found the end of the file"), expected);
  else if ((guchar) *parser->p < 0x20)
    what = g_strdup_printf (_("expected %s, found the control character U+%04X"),
                            expected, (guint) (guchar) *parser->p);
  else
    {
      /* One whole character of the text, however many bytes. */
      const char *next = g_utf8_next_char (parser->p);
      g_autofree char *found = g_strndup (parser->p, MIN (next, parser->end) - parser->p);

      what = g_strdup_printf (_("expected %s, found “%s”"), expected, found);
    }

  return syntax_error (parser, parser->p, error, what);
}

/* Scanning ---------------------------------------------------------------- */

/* The white space of JSON. */
static const char *
skip_white (const char *p,
            const char *end)
{
  while (p < end && (*p == ' ' || *p == '\n' || *p == '\r' || *p == '\t'))
    p++;
  return p;
}

/* After a byte-order mark, as Windows editors write at the start of a
 * file: RFC 8259 lets a reader ignore it. */
static const char *
skip_bom (const char *text,
          const char *end)
{
  if (end - text >= 3 && memcmp (text, "\xEF\xBB\xBF", 3) == 0)
    return text + 3;
  return text;
}

static inline void
skip_space (Parser *parser)
{
  parser->p = (char *) skip_white (parser->p, parser->end);
}

static int
hex_digit (char c)
{
  if (c >= '0' && c <= '9')
    return c - '0';
  if (c >= 'a' && c <= 'f')
    return c - 'a' + 10;
  if (c >= 'A' && c <= 'F')
    return c - 'A' + 10;
  return -1;
}

static gboolean
read_hex4 (const char *p,
           const char *end,
           gunichar   *out)
{
  gunichar value = 0;

  if (end - p < 4)
    return FALSE;

  for (int i = 0; i < 4; i++)
    {
      int digit = hex_digit (p[i]);
      if (digit < 0)
        return FALSE;
      value = value * 16 + digit;
    }

  *out = value;
  return TRUE;
}

/* Reads the string at parser->p (its opening quote), unescaping it in
 * place; the result ends with a NUL where the text had its closing quote
 * or earlier. */
static gboolean
read_string (Parser      *parser,
             const char **out,
             GError     **error)
{
  char *p = parser->p + 1;
  char *write;
  char *end = parser->end;

  /* Most strings hold no escape: find the end first. */
  while (p < end && *p != '"' && *p != '\\')
    p++;

  write = p;
  while (p < end && *p != '"')
    {
      if (*p != '\\')
        {
          *write++ = *p++;
          continue;
        }

      if (p + 1 >= end)
        {
          p = end;   /* a backslash at the very end: not closed */
          break;
        }

      switch (p[1])
        {
        case '"':  *write++ = '"';  p += 2; break;
        case '\\': *write++ = '\\'; p += 2; break;
        case '/':  *write++ = '/';  p += 2; break;
        case 'b':  *write++ = '\b'; p += 2; break;
        case 'f':  *write++ = '\f'; p += 2; break;
        case 'n':  *write++ = '\n'; p += 2; break;
        case 'r':  *write++ = '\r'; p += 2; break;
        case 't':  *write++ = '\t'; p += 2; break;
        case 'u':
          {
            gunichar c, low;
            char *escape = p;

            if (!read_hex4 (p + 2, end, &c))
              return syntax_error (parser, escape, error,
                                   _("\\u must be followed by four hexadecimal digits"));
            p += 6;

            if (c >= 0xD800 && c <= 0xDBFF)
              {
                if (end - p < 6 || p[0] != '\\' || p[1] != 'u' ||
                    !read_hex4 (p + 2, end, &low) || low < 0xDC00 || low > 0xDFFF)
                  return syntax_error (parser, escape, error,
                                       _("a \\u escape of the first half of a surrogate pair "
                                         "must be followed by the second half"));
                c = 0x10000 + ((c - 0xD800) << 10) + (low - 0xDC00);
                p += 6;
              }
            else if (c >= 0xDC00 && c <= 0xDFFF)
              return syntax_error (parser, escape, error,
                                   _("a \\u escape of the second half of a surrogate pair "
                                     "without the first"));
            else if (c == 0)
              return syntax_error (parser, escape, error,
                                   _("text cannot hold the character U+0000"));

            /* Six bytes of escape (twelve for a pair) always hold the
             * character's one to four bytes of UTF-8. */
            write += g_unichar_to_utf8 (c, write);
          }
          break;

        default:
          return syntax_error (parser, p, error,
                               _("unknown escape in text; use \\\" \\\\ \\/ \\b \\f \\n \\r \\t or \\uXXXX"));
        }
    }

  if (p >= end)
    {
      parser->p = end;
      return syntax_error (parser, parser->p, error,
                           _("the text is not closed with a quotation mark"));
    }

  *write = '\0';
  *out = parser->p + 1;
  parser->p = p + 1;
  return TRUE;
}

static gboolean
read_number (Parser       *parser,
             SlJsonValue  *value,
             GError      **error)
{
  char *start = parser->p;
  char *p = start;
  char *end = parser->end;
  gboolean integral = TRUE;
  char buffer[64];
  char *number_end;

  if (p < end && *p == '-')
    p++;

  if (p < end && *p == '0')
    p++;
  else if (p < end && *p >= '1' && *p <= '9')
    while (p < end && g_ascii_isdigit (*p))
      p++;
  else
    {
      parser->p = p;
      return unexpected (parser, error, _("a digit"));
    }

  if (p < end && *p == '.')
    {
      integral = FALSE;
      p++;
      if (p >= end || !g_ascii_isdigit (*p))
        {
          parser->p = p;
          return unexpected (parser, error, _("a digit after the decimal point"));
        }
      while (p < end && g_ascii_isdigit (*p))
        p++;
    }

  if (p < end && (*p == 'e' || *p == 'E'))
    {
      integral = FALSE;
      p++;
      if (p < end && (*p == '+' || *p == '-'))
        p++;
      if (p >= end || !g_ascii_isdigit (*p))
        {
          parser->p = p;
          return unexpected (parser, error, _("a digit in the exponent"));
        }
      while (p < end && g_ascii_isdigit (*p))
        p++;
    }

  value->kind = SL_JSON_NUMBER;

  /* The text is not NUL-terminated here: parse a copy. A longer number
   * has more digits than a double holds anyway. */
  if ((gsize) (p - start) >= sizeof buffer)
    integral = FALSE;
  memcpy (buffer, start, MIN ((gsize) (p - start), sizeof buffer - 1));
  buffer[MIN ((gsize) (p - start), sizeof buffer - 1)] = '\0';

  if (integral)
    {
      gint64 integer;

      errno = 0;
      integer = g_ascii_strtoll (buffer, &number_end, 10);
      if (errno == 0)
        {
          value->integral = TRUE;
          value->integer = integer;
          parser->p = p;
          return TRUE;
        }
    }

  value->integral = FALSE;
  value->too_large = integral;   /* whole, but strtoll could not hold it */
  value->number = g_ascii_strtod ((gsize) (p - start) < sizeof buffer ? buffer : start, &number_end);
  parser->p = p;
  return TRUE;
}

static gboolean
read_literal (Parser      *parser,
              const char  *word,
              GError     **error)
{
  gsize length = strlen (word);

  if ((gsize) (parser->end - parser->p) < length || memcmp (parser->p, word, length) != 0)
    return unexpected (parser, error, VALUE);

  parser->p += length;
  return TRUE;
}

/* Closes the container on top of the stack: its children move from the
 * scratch stack into the document's memory, and *key is the key it has
 * in its own container. */
static void
close_container (Parser       *parser,
                 SlJsonValue  *value,
                 const char  **key)
{
  Frame *frame = &g_array_index (parser->open, Frame, parser->open->len - 1);
  guint n = parser->stack->len - frame->first;

  memset (value, 0, sizeof *value);
  value->kind = frame->kind;
  value->length = n;
  if (n > 0)
    {
      value->members = document_alloc (parser->document, n * sizeof (Member));
      memcpy (value->members, &g_array_index (parser->stack, Member, frame->first),
              n * sizeof (Member));
    }

  *key = frame->key;
  g_array_set_size (parser->stack, frame->first);
  g_array_set_size (parser->open, parser->open->len - 1);
}

/* A key and its colon. */
static gboolean
read_key (Parser      *parser,
          const char **key,
          const char  *expected,
          GError     **error)
{
  skip_space (parser);
  if (parser->p >= parser->end || *parser->p != '"')
    return unexpected (parser, error, expected);
  if (!read_string (parser, key, error))
    return FALSE;

  skip_space (parser);
  if (parser->p >= parser->end || *parser->p != ':')
    return unexpected (parser, error, _("“:” after the key"));
  parser->p++;

  return TRUE;
}

static gboolean
parse (Parser  *parser,
       GError **error)
{
  SlJsonValue value;
  const char *key = NULL;   /* of the value being read, inside an object */

  for (;;)
    {
      /* A value, or the start of a container. */
      skip_space (parser);
      if (parser->p >= parser->end)
        return unexpected (parser, error, _("a value"));

      memset (&value, 0, sizeof value);
      switch (*parser->p)
        {
        case '{':
        case '[':
          {
            Frame frame = { parser->stack->len, *parser->p == '{' ? SL_JSON_OBJECT : SL_JSON_ARRAY, key };
            char close = frame.kind == SL_JSON_OBJECT ? '}' : ']';

            if (parser->open->len >= MAX_DEPTH)
              return syntax_error (parser, parser->p, error,
                                   _("objects and arrays are nested too deeply"));

            g_array_append_val (parser->open, frame);
            parser->p++;
            skip_space (parser);

            if (parser->p < parser->end && *parser->p == close)
              {
                parser->p++;
                close_container (parser, &value, &key);
                break;
              }

            key = NULL;
            if (frame.kind == SL_JSON_OBJECT &&
                !read_key (parser, &key, _("a key in quotation marks or “}”"), error))
              return FALSE;
            continue;
          }

        case '"':
          value.kind = SL_JSON_STRING;
          if (!read_string (parser, &value.string, error))
            return FALSE;
          break;

        case 't':
          value.kind = SL_JSON_BOOLEAN;
          value.boolean = TRUE;
          if (!read_literal (parser, "true", error))
            return FALSE;
          break;

        case 'f':
          value.kind = SL_JSON_BOOLEAN;
          if (!read_literal (parser, "false", error))
            return FALSE;
          break;

        case 'n':
          value.kind = SL_JSON_NULL;
          if (!read_literal (parser, "null", error))
            return FALSE;
          break;

        default:
          if (*parser->p != '-' && !g_ascii_isdigit (*parser->p))
            return unexpected (parser, error, VALUE);
          if (!read_number (parser, &value, error))
            return FALSE;
          break;
        }

      /* Store it; then a comma and the next key, or the ends of
       * containers, each stored in turn in its own container. */
      for (;;)
        {
          Frame *frame;
          Member member = { key, value };
          char close;

          if (parser->open->len == 0)
            {
              parser->document->root = value;
              return TRUE;
            }

          frame = &g_array_index (parser->open, Frame, parser->open->len - 1);
          close = frame->kind == SL_JSON_OBJECT ? '}' : ']';
          g_array_append_val (parser->stack, member);

          skip_space (parser);
          if (parser->p < parser->end && *parser->p == ',')
            {
              parser->p++;
              key = NULL;
              if (frame->kind == SL_JSON_OBJECT &&
                  !read_key (parser, &key, _("a key in quotation marks"), error))
                return FALSE;
              break;
            }

          if (parser->p < parser->end && *parser->p == close)
            {
              parser->p++;
              close_container (parser, &value, &key);
              continue;
            }

          return unexpected (parser, error,
                             frame->kind == SL_JSON_OBJECT ? _("“,” or “}”") : _("“,” or “]”"));
        }
    }
}

/**
 * sl_json_document_parse:
 * @data: UTF-8 text, already validated
 *
 * Reads one JSON value, with nothing but white space around it.
 */
SlJsonDocument *
sl_json_document_parse (const char  *data,
                        gsize        length,
                        GError     **error)
{
  g_autoptr(SlJsonDocument) self = g_new0 (SlJsonDocument, 1);
  Parser parser = { 0 };
  const char *value_end;
  gboolean ok;

  g_return_val_if_fail (data != NULL || length == 0, NULL);

  /* The values take about as much memory as the text. */
  self->block_size = CLAMP (length, 16 * 1024, 1024 * 1024);
  self->text = g_malloc (length + 1);
  if (length > 0)
    memcpy (self->text, data, length);
  self->text[length] = '\0';

  parser.document = self;
  parser.start = self->text;
  parser.data = data;
  parser.p = self->text;
  parser.end = self->text + length;

  parser.p = (char *) skip_bom (parser.p, parser.end);

  skip_space (&parser);
  if (parser.p >= parser.end)
    {
      g_set_error_literal (error, SL_JSON_ERROR, SL_JSON_ERROR_EMPTY,
                           _("the file holds no JSON value"));
      return NULL;
    }

  parser.stack = g_array_sized_new (FALSE, FALSE, sizeof (Member), 1024);
  parser.open = g_array_sized_new (FALSE, FALSE, sizeof (Frame), 32);
  ok = parse (&parser, error);
  g_array_unref (parser.stack);
  g_array_unref (parser.open);
  if (!ok)
    return NULL;

  value_end = parser.p;
  skip_space (&parser);
  if (parser.p < parser.end)
    {
      /* "01" or "nulll" is one malformed value, not two values. */
      if (parser.p == value_end && self->root.kind != SL_JSON_ARRAY &&
          self->root.kind != SL_JSON_OBJECT && self->root.kind != SL_JSON_STRING &&
          (g_ascii_isalnum (*parser.p) || strchr (".+-", *parser.p) != NULL))
        {
          unexpected (&parser, error, _("the end of the value"));
          return NULL;
        }

      {
        g_autoptr(GError) local_error = NULL;

        syntax_error (&parser, parser.p, &local_error, _("more follows the first JSON value"));
        g_set_error_literal (error, SL_JSON_ERROR, SL_JSON_ERROR_TRAILING, local_error->message);
      }
      return NULL;
    }

  return g_steal_pointer (&self);
}

const SlJsonValue *
sl_json_document_get_root (SlJsonDocument *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return &self->root;
}

/* Values ------------------------------------------------------------------ */

SlJsonKind
sl_json_value_get_kind (const SlJsonValue *value)
{
  g_return_val_if_fail (value != NULL, SL_JSON_NULL);
  return value->kind;
}

gboolean
sl_json_value_is_null (const SlJsonValue *value)
{
  return value == NULL || value->kind == SL_JSON_NULL;
}

/* NULL unless a string. */
const char *
sl_json_value_get_string (const SlJsonValue *value)
{
  return value != NULL && value->kind == SL_JSON_STRING ? value->string : NULL;
}

gboolean
sl_json_value_get_boolean (const SlJsonValue *value)
{
  return value != NULL && value->kind == SL_JSON_BOOLEAN && value->boolean;
}

/* TRUE for a number that is whole and fits gint64: 3 and 3.0, not 3.5,
 * nor 9223372036854775808. A number with a fraction or an exponent is
 * whole only where a double holds it exactly (below 2^53). */
gboolean
sl_json_value_get_integer (const SlJsonValue *value,
                           gint64            *integer)
{
  if (value == NULL || value->kind != SL_JSON_NUMBER || value->too_large)
    return FALSE;

  if (value->integral)
    {
      *integer = value->integer;
      return TRUE;
    }

  if (value->number > -9007199254740992.0 && value->number < 9007199254740992.0 &&
      value->number == (double) (gint64) value->number)
    {
      *integer = (gint64) value->number;
      return TRUE;
    }

  return FALSE;
}

/* A number as a double: FALSE for another kind of value, or one too large. */
gboolean
sl_json_value_get_double (const SlJsonValue *value,
                          double            *number)
{
  if (value == NULL || value->kind != SL_JSON_NUMBER || value->too_large)
    return FALSE;

  *number = value->integral ? (double) value->integer : value->number;
  return TRUE;
}

/* Elements of an array, members of an object; 0 for other values. */
guint
sl_json_value_get_length (const SlJsonValue *value)
{
  if (value == NULL || (value->kind != SL_JSON_ARRAY && value->kind != SL_JSON_OBJECT))
    return 0;
  return value->length;
}

const SlJsonValue *
sl_json_value_get_element (const SlJsonValue *value,
                           guint              index)
{
  g_return_val_if_fail (value != NULL && value->kind == SL_JSON_ARRAY, NULL);
  g_return_val_if_fail (index < value->length, NULL);

  return &((Member *) value->members)[index].value;
}

/* The value of @key in an object, or NULL; of two equal keys, the last. */
const SlJsonValue *
sl_json_value_get_member (const SlJsonValue *value,
                          const char        *key)
{
  const Member *members;

  g_return_val_if_fail (key != NULL, NULL);

  if (value == NULL || value->kind != SL_JSON_OBJECT)
    return NULL;

  members = value->members;
  for (guint i = value->length; i-- > 0;)
    if (strcmp (members[i].key, key) == 0)
      return &members[i].value;

  return NULL;
}

/* Splitting ---------------------------------------------------------------- */

/* The end of the string whose opening quote is at @p, or NULL. Strings
 * are nearly all of an archive's bytes: memchr() finds the next quote,
 * and an odd run of backslashes before it escapes it. */
static const char *
skip_string (const char *p,
             const char *end)
{
  const char *q = p + 1;

  while (q < end && (q = memchr (q, '"', end - q)) != NULL)
    {
      const char *b = q;

      while (b > p + 1 && b[-1] == '\\')
        b--;
      if ((q - b) % 2 == 0)
        return q + 1;
      q++;
    }

  return NULL;
}

/* The end of the value at @p, found without checking it: strings are
 * skipped whole and brackets counted. NULL when the text ends first. */
static const char *
skip_value (const char *p,
            const char *end)
{
  int depth = 0;

  if (p >= end)
    return NULL;

  if (*p == '"')
    return skip_string (p, end);

  if (*p != '{' && *p != '[')
    {
      while (p < end && strchr (",]} \n\r\t", *p) == NULL)
        p++;
      return p;
    }

  while (p < end)
    {
      switch (*p)
        {
        case '"':
          if (!(p = skip_string (p, end)))
            return NULL;
          continue;
        case '{':
        case '[':
          depth++;
          break;
        case '}':
        case ']':
          if (--depth == 0)
            return p + 1;
          break;
        default:
          break;
        }
      p++;
    }

  return NULL;
}

/**
 * sl_json_find_member:
 * @key: a key written without escapes
 *
 * Finds, without reading it, the value of @key in the object that @text
 * holds: for a reader that splits a large document and reads its parts
 * apart. Returns FALSE when the text is not an object, lacks the key or
 * has it twice, or looks unusual in any way; a caller then reads the text
 * whole, which also finds any error. A TRUE says nothing of the rest of
 * the text being JSON.
 */
gboolean
sl_json_find_member (const char *text,
                     gsize       length,
                     const char *key,
                     gsize      *value_start,
                     gsize      *value_end)
{
  const char *end = text + length;
  const char *p = skip_white (skip_bom (text, end), end);
  gsize key_length = strlen (key);
  gboolean found = FALSE;

  if (p >= end || *p != '{')
    return FALSE;
  p = skip_white (p + 1, end);
  if (p < end && *p == '}')
    return FALSE;

  for (;;)
    {
      const char *name, *name_end, *value;

      if (p >= end || *p != '"' || !(name_end = skip_string (p, end)))
        return FALSE;
      name = p + 1;
      if (memchr (name, '\\', name_end - 1 - name) != NULL)
        return FALSE;

      p = skip_white (name_end, end);
      if (p >= end || *p != ':')
        return FALSE;
      value = skip_white (p + 1, end);
      if (!(p = skip_value (value, end)))
        return FALSE;

      if ((gsize) (name_end - 1 - name) == key_length && memcmp (name, key, key_length) == 0)
        {
          if (found)
            return FALSE;   /* twice: the reader would take the last */
          found = TRUE;
          *value_start = value - text;
          *value_end = p - text;
        }

      p = skip_white (p, end);
      if (p < end && *p == ',')
        {
          p = skip_white (p + 1, end);
          continue;
        }
      if (p < end && *p == '}')
        return found;
      return FALSE;
    }
}

/**
 * sl_json_split_array:
 *
 * The elements of the array that @text holds, found without reading them:
 * pairs of offsets (start, end) into @text. NULL when the text does not
 * look like an array; see sl_json_find_member().
 */
GArray *
sl_json_split_array (const char *text,
                     gsize       length)
{
  g_autoptr(GArray) ranges = g_array_new (FALSE, FALSE, sizeof (gsize));
  const char *end = text + length;
  const char *p = skip_white (text, end);

  if (p >= end || *p != '[')
    return NULL;
  p = skip_white (p + 1, end);
  if (p < end && *p == ']')
    return skip_white (p + 1, end) == end ? g_steal_pointer (&ranges) : NULL;

  for (;;)
    {
      const char *element = p;
      gsize offsets[2];

      if (!(p = skip_value (element, end)) || p == element)
        return NULL;
      offsets[0] = element - text;
      offsets[1] = p - text;
      g_array_append_vals (ranges, offsets, 2);

      p = skip_white (p, end);
      if (p < end && *p == ',')
        {
          p = skip_white (p + 1, end);
          continue;
        }
      if (p < end && *p == ']')
        return skip_white (p + 1, end) == end ? g_steal_pointer (&ranges) : NULL;
      return NULL;
    }
}
