/* sl-archive-read.c — where an archive's text comes from
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * An archive in memory (sl_archive_import_data(), sl_archive_merge_data())
 * is split: the rest read whole, the meetings one by one. A file
 * (sl_archive_import(), sl_archive_merge()) is streamed, so that memory
 * does not grow with it (docs/performance.md): sl-json-stream.c reads the
 * rest in a first pass, then the meetings one at a time in the reading
 * thread of sl-archive-import.c, attachments' base64 through a spool on
 * disk (sl-archive-spool.c). Whatever is not JSON, or not of the shape
 * these read, is read whole, for the message that says where; the
 * results and the messages are those of the text read whole.
 */

#define G_LOG_DOMAIN "sl-archive"

#include "config.h"

#include <fcntl.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <sys/stat.h>
#include <unistd.h>

#include "sl-archive.h"
#include "sl-archive-head.h"
#include "sl-archive-import.h"
#include "sl-archive-merge.h"
#include "sl-archive-spool.h"
#include "sl-json-document.h"
#include "sl-json-stream.h"
#include "sl-ledger.h"

typedef SlArchiveBodySource BodySource;
typedef SlArchiveImportOptions Options;
#define import_document sl_archive_import_document

/* The whole text read as one document, or the message that says what is
 * wrong with it and where. */
static SlJsonDocument *
parse_whole (const char  *data,
             gsize        length,
             const char  *name,
             GError     **error)
{
  g_autoptr(GError) local_error = NULL;
  SlJsonDocument *document;

  if (!g_utf8_validate_len (data, length, NULL))
    {
      g_set_error (error, SL_ARCHIVE_ERROR, SL_ARCHIVE_ERROR_READ,
                   _("%s: an archive is UTF-8 text, and this file is not"), name);
      return NULL;
    }

  if (!(document = sl_json_document_parse (data, length, &local_error)))
    {
      if (g_error_matches (local_error, SL_JSON_ERROR, SL_JSON_ERROR_EMPTY))
        g_set_error (error, SL_ARCHIVE_ERROR, SL_ARCHIVE_ERROR_READ,
                     _("%s: the file is empty; an archive is a JSON object"), name);
      else if (g_error_matches (local_error, SL_JSON_ERROR, SL_JSON_ERROR_TRAILING))
        g_set_error (error, SL_ARCHIVE_ERROR, SL_ARCHIVE_ERROR_READ,
                     _("%s: %s; an archive file holds exactly one JSON object"),
                     name, local_error->message);
      else
        g_set_error (error, SL_ARCHIVE_ERROR, SL_ARCHIVE_ERROR_READ,
                     _("%s: not valid JSON: %s"), name, local_error->message);
      return NULL;
    }

  return document;
}

/**
 * sl_archive_read_in:
 * @name: the file name, for messages
 *
 * Imports an archive held in memory: everything or, on any error, nothing.
 * sl_archive_import_data() and sl_archive_merge_data() (@merge TRUE,
 * sl-archive-merge.c) call it.
 *
 * The meetings, nearly all of a large archive, are read apart from the
 * rest when the text allows: the rest (a few hundred kilobytes) is read
 * first, and each meeting is read as a document of its own by the thread
 * that reads the meetings (write_body) while the first ones are written,
 * so that reading the text, too, overlaps with writing. A meeting that is
 * not JSON undoes everything, and the text is then read whole, for the
 * message that says where it is wrong.
 */
gboolean
sl_archive_read_in (SlLedger         *ledger,
                    const char       *data,
                    gsize             length,
                    const char       *name,
                    gboolean          merge,
                    gboolean          dry_run,
                    SlArchiveReport  *report,
                    SlArchiveCounts  *counts,
                    GError          **error)
{
  const Options options_ = { merge, dry_run, report };
  const Options *options = &options_;
  g_autoptr(SlJsonDocument) document = NULL;
  gboolean unreadable = FALSE;
  gsize start, end;

  g_return_val_if_fail (SL_IS_LEDGER (ledger), FALSE);
  g_return_val_if_fail (name != NULL, FALSE);

  if (sl_json_find_member (data, length, "meetings", &start, &end))
    {
      const BodySource source = { data + start, end - start, -1, NULL, { 0 } };
      g_autoptr(GString) rest = g_string_sized_new (length - (end - start) + 2);

      g_string_append_len (rest, data, start);
      g_string_append (rest, "[]");
      g_string_append_len (rest, data + end, length - end);

      if (g_utf8_validate_len (rest->str, rest->len, NULL) &&
          (document = sl_json_document_parse (rest->str, rest->len, NULL)) != NULL &&
          import_document (ledger, sl_json_document_get_root (document), &source,
                           name, options, &unreadable, counts, error))
        return TRUE;

      if (document != NULL && !unreadable)
        return FALSE;   /* read, and refused: the error says why */

      /* Not JSON somewhere: read whole, for the message. */
      g_clear_pointer (&document, sl_json_document_free);
      g_clear_error (error);
    }

  if (!(document = parse_whole (data, length, name, error)))
    return FALSE;

  {
    const BodySource whole = { NULL, 0, -1, NULL, { 0 } };

    return import_document (ledger, sl_json_document_get_root (document), &whole,
                            name, options, &unreadable, counts, error);
  }
}

gboolean
sl_archive_import_data (SlLedger         *ledger,
                        const char       *data,
                        gsize             length,
                        const char       *name,
                        gboolean          merge,
                        SlArchiveCounts  *counts,
                        GError          **error)
{
  return sl_archive_read_in (ledger, data, length, name, merge, FALSE, NULL, counts, error);
}

/* Streams the file: the rest first (sl_json_stream_read_without_keys()),
 * then the head's arrays one element at a time (sl-archive-head.c), then,
 * in write_body()'s reading thread, the meetings one at a time.
 * FALSE with no error when the file is not of that shape or a part of it
 * is not JSON: it is then read whole, for the same results and the
 * messages that say where. */
static gboolean
read_streamed (SlLedger         *ledger,
               int               fd,
               const char       *name,
               const Options    *options,
               SlArchiveCounts  *counts,
               GError          **error)
{
  g_autoptr(GError) local_error = NULL;
  g_autoptr(SlJsonStream) stream = sl_json_stream_new (fd);
  g_autoptr(GString) rest = g_string_new (NULL);
  g_autoptr(SlArchiveSpool) spool = NULL;
  g_autoptr(SlJsonDocument) document = NULL;
  gboolean unreadable = FALSE;
  BodySource source = { NULL, 0, fd, NULL, { 0 } };

  /* Every array that grows with the years left out of the rest, read
   * from the file one element at a time (sl-archive-head.c). */
  switch (sl_json_stream_read_without_keys (stream, sl_archive_head_keys, SL_ARCHIVE_N_HEAD,
                                            rest, source.head, &local_error))
    {
    case SL_JSON_STREAM_OK:
      break;
    case SL_JSON_STREAM_FAILED:
      g_set_error (error, SL_ARCHIVE_ERROR, SL_ARCHIVE_ERROR_READ,
                   _("Cannot read the archive: %s"), local_error->message);
      return FALSE;
    case SL_JSON_STREAM_SHAPE:
    default:
      return FALSE;
    }

  if (!g_utf8_validate_len (rest->str, rest->len, NULL) ||
      !(document = sl_json_document_parse (rest->str, rest->len, NULL)) ||
      !(spool = sl_archive_spool_new (NULL)))
    return FALSE;
  g_string_free (g_steal_pointer (&rest), TRUE);

  source.spool = spool;
  if (import_document (ledger, sl_json_document_get_root (document), &source,
                       name, options, &unreadable, counts, error))
    return TRUE;

  if (unreadable)
    g_clear_error (error);
  return FALSE;
}

/**
 * sl_archive_read_file:
 *
 * As sl_archive_read_in(), of the file at @path, streamed: its memory
 * does not grow with the file (docs/performance.md). A file that is not
 * JSON, or not of the shape the stream reads, is read whole, for the
 * message that says where.
 */
gboolean
sl_archive_read_file (SlLedger         *ledger,
                      const char       *path,
                      gboolean          merge,
                      gboolean          dry_run,
                      SlArchiveReport  *report,
                      SlArchiveCounts  *counts,
                      GError          **error)
{
  const Options options = { merge, dry_run, report };
  g_autofree char *data = NULL;
  g_autoptr(GError) local_error = NULL;
  struct stat status;
  gsize length;
  int fd;

  g_return_val_if_fail (SL_IS_LEDGER (ledger), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  /* Read, not mapped: a file cut short by another program while it is
   * read would kill a mapping's reader with SIGBUS. Only a regular file
   * is streamed (read twice); anything else, and every error opening it,
   * goes by g_file_get_contents() as before. */
  fd = g_open (path, O_RDONLY | O_CLOEXEC, 0);
  if (fd >= 0)
    {
      gboolean done = FALSE, ok = FALSE;

      if (fstat (fd, &status) == 0 && S_ISREG (status.st_mode))
        {
          ok = read_streamed (ledger, fd, path, &options, counts, &local_error);
          done = ok || local_error != NULL;
        }
      close (fd);
      if (done)
        {
          if (!ok)
            g_propagate_error (error, g_steal_pointer (&local_error));
          return ok;
        }
    }

  if (!g_file_get_contents (path, &data, &length, &local_error))
    {
      g_set_error (error, SL_ARCHIVE_ERROR, SL_ARCHIVE_ERROR_READ,
                   _("Cannot read the archive: %s"), local_error->message);
      return FALSE;
    }

  return sl_archive_read_in (ledger, data, length, path, merge, dry_run, report, counts, error);
}

gboolean
sl_archive_import (SlLedger         *ledger,
                   const char       *path,
                   gboolean          merge,
                   SlArchiveCounts  *counts,
                   GError          **error)
{
  return sl_archive_read_file (ledger, path, merge, FALSE, NULL, counts, error);
}
