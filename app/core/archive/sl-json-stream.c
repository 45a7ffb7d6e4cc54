/* sl-json-stream.c — a JSON file's top-level object read in pieces
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The archive's import reads its file twice through this, never holding
 * more of it than a buffer and one record:
 *
 * 1. sl_json_stream_read_without() copies the text of the top-level
 *    object with the value of one array ("meetings", nearly all of the
 *    file) replaced by "[]": the records that others name, read whole
 *    by SlJsonDocument as before.
 * 2. sl_json_stream_enter_array() finds that array again, and
 *    sl_json_stream_next_element() hands out the text of one element at
 *    a time, each parsed by SlJsonDocument on its own. A string under
 *    the key given to sl_json_stream_set_spool() at the depth given (an
 *    attachment's "data") goes to a file instead (sl-archive-spool.c).
 *
 * Like sl_json_find_member() and sl_json_split_array(), which do the
 * same on a text in memory, this checks only the structure it walks:
 * whatever else is wrong is found by SlJsonDocument in the pieces, and a
 * file of another shape (SL_JSON_STREAM_SHAPE) is read whole, for the
 * same results and the same messages. The file is read with pread(), so
 * that the two passes can share a descriptor.
 */

#define G_LOG_DOMAIN "sl-json"

#include "config.h"

#include <errno.h>
#include <gio/gio.h>
#include <string.h>
#include <unistd.h>

#include "sl-json-stream.h"

#define CHUNK (256 * 1024)

struct _SlJsonStream
{
  int       fd;
  guint64   offset;      /* of the next read */
  char     *buffer;
  gsize     pos;
  gsize     len;
  gboolean  eof;
  GError   *error;       /* of a read */

  GString  *capture;     /* where the bytes read go, from mark on */
  gsize     mark;

  char           *spool_key;
  guint           spool_depth;
  SlArchiveSpool *spool;
  gboolean        irregular;  /* a spooled string the spool cannot take */

  int       state;       /* elements: 0 before the first, 1 after one, 2 after the end */
};

SlJsonStream *
sl_json_stream_new (int fd)
{
  SlJsonStream *self = g_new0 (SlJsonStream, 1);

  self->fd = fd;
  self->buffer = g_malloc (CHUNK);
  return self;
}

void
sl_json_stream_free (SlJsonStream *self)
{
  if (self == NULL)
    return;
  g_clear_error (&self->error);
  g_clear_pointer (&self->spool, sl_archive_spool_unref);
  g_free (self->spool_key);
  g_free (self->buffer);
  g_free (self);
}

void
sl_json_stream_set_spool (SlJsonStream   *self,
                          const char     *key,
                          guint           depth,
                          SlArchiveSpool *spool)
{
  g_free (self->spool_key);
  self->spool_key = g_strdup (key);
  self->spool_depth = depth;
  g_clear_pointer (&self->spool, sl_archive_spool_unref);
  self->spool = spool ? sl_archive_spool_ref (spool) : NULL;
}

/* More bytes when the buffer is used up; FALSE at the end of the file or
 * on an error (self->error). */
static gboolean
fill (SlJsonStream *self)
{
  gssize n;

  if (self->pos < self->len)
    return TRUE;

  if (self->capture != NULL)
    g_string_append_len (self->capture, self->buffer + self->mark, self->len - self->mark);
  self->mark = self->pos = self->len = 0;
  if (self->eof)
    return FALSE;

  do
    n = pread (self->fd, self->buffer, CHUNK, self->offset);
  while (n < 0 && errno == EINTR);

  if (n <= 0)
    {
      if (n < 0)
        {
          int saved = errno;

          g_set_error_literal (&self->error, G_IO_ERROR, g_io_error_from_errno (saved),
                               g_strerror (saved));
        }
      self->eof = TRUE;
      return FALSE;
    }

  self->offset += n;
  self->len = n;
  return TRUE;
}

static int
peek (SlJsonStream *self)
{
  return fill (self) ? (guchar) self->buffer[self->pos] : -1;
}

static void
capture_start (SlJsonStream *self,
               GString      *into)
{
  self->capture = into;
  self->mark = self->pos;
}

static void
capture_stop (SlJsonStream *self)
{
  if (self->capture != NULL)
    g_string_append_len (self->capture, self->buffer + self->mark, self->pos - self->mark);
  self->capture = NULL;
}

static void
skip_white (SlJsonStream *self)
{
  while (fill (self))
    {
      char c = self->buffer[self->pos];

      if (c != ' ' && c != '\n' && c != '\r' && c != '\t')
        return;
      self->pos++;
    }
}

/* At a '"': past the string's closing quote. Its first bytes go to @name
 * (up to @size, their number in @name_length); @escaped says whether it
 * holds an escape. */
static gboolean
skip_string (SlJsonStream *self,
             char         *name,
             gsize         size,
             gsize        *name_length,
             gboolean     *escaped)
{
  self->pos++;

  for (;;)
    {
      const char *p, *end, *quote, *backslash;

      if (!fill (self))
        return FALSE;

      p = self->buffer + self->pos;
      end = self->buffer + self->len;
      quote = memchr (p, '"', end - p);
      backslash = memchr (p, '\\', (quote ? quote : end) - p);

      if (name != NULL)
        {
          const char *stop = backslash ? backslash : quote ? quote : end;
          gsize n = MIN ((gsize) (stop - p), size - *name_length);

          memcpy (name + *name_length, p, n);
          *name_length += n;
        }

      if (backslash != NULL)
        {
          if (escaped != NULL)
            *escaped = TRUE;
          self->pos = backslash - self->buffer + 1;
          if (!fill (self))
            return FALSE;
          self->pos++;   /* the escaped byte: a quote here ends nothing */
          continue;
        }

      if (quote != NULL)
        {
          self->pos = quote - self->buffer + 1;
          return TRUE;
        }

      self->pos = self->len;
    }
}

/* A value, as sl_json-document.c's skip_value() does it: a string, an
 * object or array by its brackets, anything else up to a delimiter.
 * @empty: set when nothing was there. */
static gboolean
skip_value (SlJsonStream *self,
            gboolean     *empty)
{
  int c = peek (self);
  int depth = 0;

  *empty = FALSE;
  if (c < 0)
    return FALSE;

  if (c == '"')
    return skip_string (self, NULL, 0, NULL, NULL);

  if (c != '{' && c != '[')
    {
      gsize n = 0;

      while (fill (self) && strchr (",]} \n\r\t", self->buffer[self->pos]) == NULL)
        {
          self->pos++;
          n++;
        }
      *empty = n == 0;
      return self->error == NULL;
    }

  while (fill (self))
    {
      switch (self->buffer[self->pos])
        {
        case '"':
          if (!skip_string (self, NULL, 0, NULL, NULL))
            return FALSE;
          continue;
        case '{':
        case '[':
          depth++;
          break;
        case '}':
        case ']':
          if (--depth == 0)
            {
              self->pos++;
              return TRUE;
            }
          break;
        default:
          break;
        }
      self->pos++;
    }

  return FALSE;
}

/* At the '"' of a string to spool: the string goes to the spool, its
 * token into what is captured. */
static gboolean
spool_string (SlJsonStream *self)
{
  GString *capture = self->capture;
  const char *token;

  capture_stop (self);
  self->pos++;
  sl_archive_spool_begin (self->spool);

  for (;;)
    {
      const char *p, *q, *end;
      char c;

      if (!fill (self))
        return FALSE;

      p = q = self->buffer + self->pos;
      end = self->buffer + self->len;
      while (q < end && (guchar) *q >= 0x20 && (guchar) *q < 0x80 && *q != '"' && *q != '\\')
        q++;
      if (q > p)
        sl_archive_spool_add (self->spool, p, q - p);
      self->pos = q - self->buffer;
      if (q == end)
        continue;

      c = *q;
      self->pos++;
      if (c == '"')
        break;
      if (c != '\\')
        {
          /* Control characters and other scripts: never base64, and the
           * message says which byte; the text read whole says it. */
          self->irregular = TRUE;
          continue;
        }

      if (!fill (self))
        return FALSE;
      c = self->buffer[self->pos++];
      switch (c)
        {
        case '"': case '\\': case '/': break;
        case 'b': c = '\b'; break;
        case 'f': c = '\f'; break;
        case 'n': c = '\n'; break;
        case 'r': c = '\r'; break;
        case 't': c = '\t'; break;
        default:  /* \u, or not an escape */
          self->irregular = TRUE;
          continue;
        }
      sl_archive_spool_add (self->spool, &c, 1);
    }

  token = sl_archive_spool_end (self->spool);
  if (sl_archive_spool_failed (self->spool))
    self->irregular = TRUE;

  g_string_append_c (capture, '"');
  g_string_append (capture, token);
  g_string_append_c (capture, '"');
  capture_start (self, capture);
  return TRUE;
}

/* An object or array, with the strings under the spool's key at its
 * depth spooled. */
static gboolean
scan_container (SlJsonStream *self)
{
  guint depth = 0;
  guint64 objects = 0;   /* bit d - 1: the container at depth d is an object */
  gboolean expect_key = FALSE, spill = FALSE;
  gsize key_length = self->spool_key ? strlen (self->spool_key) : 0;

  while (fill (self))
    {
      char c = self->buffer[self->pos];
      gboolean in_object = depth > 0 && depth <= 64 && ((objects >> (depth - 1)) & 1);

      switch (c)
        {
        case '"':
          if (in_object && expect_key)
            {
              char name[16];
              gsize n = 0;
              gboolean escaped = FALSE;

              if (!skip_string (self, name, sizeof name, &n, &escaped))
                return FALSE;
              spill = self->spool != NULL && depth == self->spool_depth && !escaped &&
                      n == key_length && memcmp (name, self->spool_key, n) == 0;
              expect_key = FALSE;
            }
          else if (spill && in_object && depth == self->spool_depth)
            {
              spill = FALSE;
              if (!spool_string (self))
                return FALSE;
            }
          else if (!skip_string (self, NULL, 0, NULL, NULL))
            return FALSE;
          continue;
        case '{':
        case '[':
          depth++;
          if (depth <= 64)
            {
              if (c == '{')
                objects |= G_GUINT64_CONSTANT (1) << (depth - 1);
              else
                objects &= ~(G_GUINT64_CONSTANT (1) << (depth - 1));
            }
          expect_key = c == '{';
          break;
        case '}':
        case ']':
          self->pos++;
          if (--depth == 0)
            return TRUE;
          expect_key = FALSE;
          continue;
        case ',':
          expect_key = in_object;
          break;
        default:
          break;
        }
      self->pos++;
    }

  return FALSE;
}

static SlJsonStreamResult
stopped (SlJsonStream  *self,
         GError       **error)
{
  capture_stop (self);
  if (self->error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&self->error));
      return SL_JSON_STREAM_FAILED;
    }
  return SL_JSON_STREAM_SHAPE;
}

/* The members of the top-level object up to the value of @keys[0]: the
 * stream is left at that value. @rest, when given, gets the text read,
 * with the value of @keys[0] (which must be an array) replaced by "[]"
 * and the rest of the file after it; so is the value of each other key
 * of @keys that is an array, its place in the file noted in @offsets
 * (0: not there, or not an array, and left in @rest). A key of @keys
 * there twice is not this shape: the reader would take the last. */
static SlJsonStreamResult
walk_object (SlJsonStream       *self,
             const char * const *keys,
             guint               n_keys,
             GString            *rest,
             guint64            *offsets,
             GError            **error)
{
  gsize key_length = strlen (keys[0]);
  guint32 seen = 0;
  gboolean found = FALSE, empty;

  g_assert (n_keys >= 1 && n_keys <= 32);
  for (guint i = 0; offsets != NULL && i < n_keys; i++)
    offsets[i] = 0;

  self->offset = 0;
  self->pos = self->len = 0;
  self->eof = FALSE;
  if (rest != NULL)
    capture_start (self, rest);

  if (fill (self) && self->len >= 3 && memcmp (self->buffer, "\xEF\xBB\xBF", 3) == 0)
    self->pos = 3;
  skip_white (self);
  if (peek (self) != '{')
    return stopped (self, error);
  self->pos++;
  skip_white (self);

  for (;;)
    {
      char name[64];
      gsize n = 0;
      gboolean escaped = FALSE;
      int c;

      if (peek (self) != '"' ||
          !skip_string (self, name, sizeof name, &n, &escaped) || escaped)
        return stopped (self, error);
      skip_white (self);
      if (peek (self) != ':')
        return stopped (self, error);
      self->pos++;
      skip_white (self);

      if (n == key_length && memcmp (name, keys[0], n) == 0)
        {
          if (found || peek (self) != '[')
            return stopped (self, error);   /* twice: the reader would take the last */
          found = TRUE;
          if (rest == NULL)
            return SL_JSON_STREAM_OK;
          capture_stop (self);
          g_string_append (rest, "[]");
          if (!skip_value (self, &empty))
            return stopped (self, error);
          capture_start (self, rest);
        }
      else
        {
          guint i;

          for (i = 1; rest != NULL && i < n_keys; i++)
            if (strlen (keys[i]) == n && memcmp (name, keys[i], n) == 0)
              break;
          if (rest != NULL && i < n_keys)
            {
              if (seen & (1u << i))
                return stopped (self, error);
              seen |= 1u << i;
            }
          if (rest != NULL && i < n_keys && peek (self) == '[')
            {
              offsets[i] = self->offset - self->len + self->pos;
              capture_stop (self);
              g_string_append (rest, "[]");
              if (!skip_value (self, &empty))
                return stopped (self, error);
              capture_start (self, rest);
            }
          else if (!skip_value (self, &empty))
            return stopped (self, error);
        }

      skip_white (self);
      c = peek (self);
      if (c == ',')
        {
          self->pos++;
          skip_white (self);
          continue;
        }
      if (c != '}' || !found)
        return stopped (self, error);
      break;
    }

  /* Whatever follows, as it is: SlJsonDocument says what is wrong with it. */
  while (fill (self))
    self->pos = self->len;
  if (self->error != NULL)
    return stopped (self, error);
  capture_stop (self);
  return SL_JSON_STREAM_OK;
}

/**
 * sl_json_stream_read_without:
 * @key: a key written without escapes; its value must be an array
 * @rest: (out caller-allocates): the file's text, @key's value "[]"
 *
 * The first pass: SL_JSON_STREAM_SHAPE when the file is not an object
 * that holds @key once, with an array.
 */
SlJsonStreamResult
sl_json_stream_read_without (SlJsonStream  *self,
                             const char    *key,
                             GString       *rest,
                             GError       **error)
{
  return walk_object (self, &key, 1, rest, NULL, error);
}

/**
 * sl_json_stream_read_without_keys:
 * @keys: keys written without escapes; the first must be there once,
 *   with an array
 * @offsets: (out caller-allocates): for each key, where its array begins
 *   in the file, for sl_json_stream_enter_array_at(); 0 when it is not
 *   there or not an array (and then left in @rest)
 *
 * As sl_json_stream_read_without(), leaving out every array of @keys:
 * the head of an archive (plans, the topic pool...) is streamed too, so
 * that nothing of the file is held whole (docs/performance.md).
 */
SlJsonStreamResult
sl_json_stream_read_without_keys (SlJsonStream       *self,
                                  const char * const *keys,
                                  guint               n_keys,
                                  GString            *rest,
                                  guint64            *offsets,
                                  GError            **error)
{
  g_return_val_if_fail (rest != NULL && offsets != NULL, SL_JSON_STREAM_SHAPE);

  return walk_object (self, keys, n_keys, rest, offsets, error);
}

/**
 * sl_json_stream_enter_array_at:
 * @offset: where an array begins, from sl_json_stream_read_without_keys()
 *
 * As sl_json_stream_enter_array(), without walking the object again (an
 * array after the meetings would otherwise cost a scan of them all).
 */
SlJsonStreamResult
sl_json_stream_enter_array_at (SlJsonStream  *self,
                               guint64        offset,
                               GError       **error)
{
  self->offset = offset;
  self->pos = self->len = 0;
  self->eof = FALSE;
  self->capture = NULL;
  if (peek (self) != '[')
    return stopped (self, error);
  self->pos++;
  self->state = 0;
  return SL_JSON_STREAM_OK;
}

/**
 * sl_json_stream_enter_array:
 *
 * The second pass: the stream is left inside the array that @key names,
 * for sl_json_stream_next_element().
 */
SlJsonStreamResult
sl_json_stream_enter_array (SlJsonStream  *self,
                            const char    *key,
                            GError       **error)
{
  SlJsonStreamResult result = walk_object (self, &key, 1, NULL, NULL, error);

  if (result == SL_JSON_STREAM_OK)
    {
      self->pos++;   /* the '[' */
      self->state = 0;
    }
  return result;
}

/**
 * sl_json_stream_next_element:
 * @element: set to the next element's text
 * @end: (out): set when there is none: the array has ended
 */
SlJsonStreamResult
sl_json_stream_next_element (SlJsonStream  *self,
                             GString       *element,
                             gboolean      *end,
                             GError       **error)
{
  gboolean empty = FALSE;
  int c;

  *end = FALSE;
  if (self->state == 2)
    {
      *end = TRUE;
      return SL_JSON_STREAM_OK;
    }

  skip_white (self);
  c = peek (self);
  if (c == ']')
    {
      /* "[]", or after an element */
      self->pos++;
      self->state = 2;
      *end = TRUE;
      return SL_JSON_STREAM_OK;
    }
  if (self->state == 1)
    {
      if (c != ',')
        return stopped (self, error);
      self->pos++;
      skip_white (self);
      c = peek (self);
    }

  g_string_truncate (element, 0);
  capture_start (self, element);
  if (c == '{' || c == '[' ? !scan_container (self) : !skip_value (self, &empty) || empty)
    return stopped (self, error);
  capture_stop (self);
  if (self->irregular)
    return SL_JSON_STREAM_SHAPE;

  self->state = 1;
  return SL_JSON_STREAM_OK;
}
