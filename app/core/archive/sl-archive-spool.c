/* sl-archive-spool.c — attachments' base64 text kept on disk while an archive is read
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * An attachment's "data" is its bytes in base64: up to 67 MB of text in
 * one JSON string. The streaming reader (sl-json-stream.c) does not put
 * that string into the meeting's text: it writes it, unescaped, into a
 * temporary file deleted as soon as it is made, and puts a short token
 * in its place. The archive reader (sl-archive-evidence.c) finds the
 * token, checks the text by what was noted while it was written (its
 * length, its first byte that is not base64, its padding), and the
 * import decodes it from the file a piece at a time into the
 * attachment's BLOB. Memory stays the size of a buffer, whatever the
 * attachment.
 *
 * The token holds a random nonce of this spool: a string of an archive
 * cannot name another file, nor be taken for a spooled one.
 */

#define G_LOG_DOMAIN "sl-archive"

#include "config.h"

#include <errno.h>
#include <glib/gstdio.h>
#include <string.h>
#include <unistd.h>

#include "sl-archive-spool.h"

#define TOKEN_PREFIX "\001sl-spool:"

struct _SlArchiveSpool
{
  gint     ref_count;
  int      fd;
  char     nonce[33];
  GMutex   mutex;       /* entries: added by the reading thread */
  GArray  *entries;     /* SlArchiveSpooled, spool NULL */
  guint64  size;        /* written to the file */
  gboolean failed;

  /* the string being written */
  SlArchiveSpooled current;
  char     buffer[65536];
  gsize    buffered;
  char    *token;
};

G_LOCK_DEFINE_STATIC (spools);
static GHashTable *spools;   /* nonce → SlArchiveSpool (not a reference) */

SlArchiveSpool *
sl_archive_spool_new (GError **error)
{
  g_autofree char *path = NULL;
  SlArchiveSpool *self;
  int fd;

  fd = g_file_open_tmp ("study-ledger-import-XXXXXX", &path, error);
  if (fd < 0)
    return NULL;
  /* Gone from the directory at once: nothing is left behind by a crash. */
  g_unlink (path);

  self = g_new0 (SlArchiveSpool, 1);
  self->ref_count = 1;
  self->fd = fd;
  for (guint i = 0; i < 4; i++)
    g_snprintf (self->nonce + 8 * i, 9, "%08x", g_random_int ());
  g_mutex_init (&self->mutex);
  self->entries = g_array_new (FALSE, TRUE, sizeof (SlArchiveSpooled));

  G_LOCK (spools);
  if (spools == NULL)
    spools = g_hash_table_new (g_str_hash, g_str_equal);
  g_hash_table_insert (spools, self->nonce, self);
  G_UNLOCK (spools);

  return self;
}

SlArchiveSpool *
sl_archive_spool_ref (SlArchiveSpool *self)
{
  g_atomic_int_inc (&self->ref_count);
  return self;
}

void
sl_archive_spool_unref (SlArchiveSpool *self)
{
  if (self == NULL)
    return;

  /* Under the lock: a lookup takes its reference under it too. */
  G_LOCK (spools);
  if (!g_atomic_int_dec_and_test (&self->ref_count))
    {
      G_UNLOCK (spools);
      return;
    }
  g_hash_table_remove (spools, self->nonce);
  G_UNLOCK (spools);

  close (self->fd);
  g_mutex_clear (&self->mutex);
  g_array_unref (self->entries);
  g_free (self->token);
  g_free (self);
}

static void
flush (SlArchiveSpool *self)
{
  gsize done = 0;

  while (!self->failed && done < self->buffered)
    {
      gssize n = pwrite (self->fd, self->buffer + done, self->buffered - done, self->size + done);

      if (n < 0 && errno == EINTR)
        continue;
      if (n <= 0)
        {
          self->failed = TRUE;
          break;
        }
      done += n;
    }

  self->size += done;
  self->buffered = 0;
}

void
sl_archive_spool_begin (SlArchiveSpool *self)
{
  memset (&self->current, 0, sizeof self->current);
  self->current.offset = self->size + self->buffered;
  self->current.first_bad = -1;
  self->current.first_pad = -1;
}

void
sl_archive_spool_add (SlArchiveSpool *self,
                      const char     *bytes,
                      gsize           length)
{
  SlArchiveSpooled *current = &self->current;

  /* The checks of read_attachments(), noted as the text goes by. */
  for (gsize i = 0; i < length; i++)
    {
      char c = bytes[i];

      if (G_UNLIKELY (!(g_ascii_isalnum (c) || c == '+' || c == '/')))
        {
          if (c == '=')
            {
              if (current->first_pad < 0)
                current->first_pad = current->length + i;
            }
          else if (current->first_bad < 0)
            {
              current->first_bad = current->length + i;
              current->bad = c;
            }
        }
    }
  if (length >= 2)
    memcpy (current->last, bytes + length - 2, 2);
  else if (length == 1)
    {
      current->last[0] = current->last[1];
      current->last[1] = bytes[0];
    }
  current->length += length;

  while (length > 0)
    {
      gsize n = MIN (length, sizeof self->buffer - self->buffered);

      memcpy (self->buffer + self->buffered, bytes, n);
      self->buffered += n;
      bytes += n;
      length -= n;
      if (self->buffered == sizeof self->buffer)
        flush (self);
    }
}

const char *
sl_archive_spool_end (SlArchiveSpool *self)
{
  guint index;

  /* On the disk before the token can be read. */
  flush (self);

  g_mutex_lock (&self->mutex);
  index = self->entries->len;
  g_array_append_val (self->entries, self->current);
  g_mutex_unlock (&self->mutex);

  g_free (self->token);
  self->token = g_strdup_printf ("\\u0001sl-spool:%s:%u", self->nonce, index);
  return self->token;
}

gboolean
sl_archive_spool_failed (SlArchiveSpool *self)
{
  return self->failed;
}

/**
 * sl_archive_spooled_lookup:
 * @text: a string as the JSON reader unescaped it
 *
 * Returns: (nullable): the spooled text that @text stands for, or %NULL
 *   when it is text of its own.
 */
SlArchiveSpooled *
sl_archive_spooled_lookup (const char *text)
{
  SlArchiveSpooled *found = NULL;
  SlArchiveSpool *spool;
  const char *colon;
  g_autofree char *nonce = NULL;
  guint64 index;
  char *end;

  if (text == NULL || !g_str_has_prefix (text, TOKEN_PREFIX))
    return NULL;
  text += strlen (TOKEN_PREFIX);
  if (!(colon = strchr (text, ':')))
    return NULL;
  nonce = g_strndup (text, colon - text);
  index = g_ascii_strtoull (colon + 1, &end, 10);
  if (*end != '\0' || end == colon + 1)
    return NULL;

  G_LOCK (spools);
  spool = spools ? g_hash_table_lookup (spools, nonce) : NULL;
  if (spool != NULL)
    {
      g_mutex_lock (&spool->mutex);
      if (index < spool->entries->len)
        {
          found = g_new (SlArchiveSpooled, 1);
          *found = g_array_index (spool->entries, SlArchiveSpooled, index);
          found->spool = sl_archive_spool_ref (spool);
        }
      g_mutex_unlock (&spool->mutex);
    }
  G_UNLOCK (spools);

  return found;
}

void
sl_archive_spooled_free (SlArchiveSpooled *spooled)
{
  if (spooled == NULL)
    return;
  sl_archive_spool_unref (spooled->spool);
  g_free (spooled);
}

/* Up to @size bytes of the text from @position; 0 at its end, -1 when
 * the file cannot be read. */
gssize
sl_archive_spooled_read (SlArchiveSpooled *spooled,
                         guint64           position,
                         char             *buffer,
                         gsize             size)
{
  gssize n;

  if (position >= spooled->length)
    return 0;
  size = MIN (size, spooled->length - position);
  do
    n = pread (spooled->spool->fd, buffer, size, spooled->offset + position);
  while (n < 0 && errno == EINTR);

  return n;
}
