/* sl-attachments.c — files kept inside the ledger, with their meetings
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A signed sign-in sheet, a photo, a speech's text: each one BLOB in the
 * attachments table, so that the ledger stays one file and its backups
 * and archive hold them too. The bytes go in and out a piece at a time
 * (sqlite3_blob_write into a zeroblob, sqlite3_blob_read), never whole in
 * memory; the row and its bytes are written in one transaction, so that
 * a crash leaves the whole attachment or none of it. The media type comes
 * from the bytes, not the name: a photo saved as .pdf is still a photo.
 */

#define G_LOG_DOMAIN "sl-attachments"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "sl-attachments.h"
#include "sl-evidence.h"
#include "sl-ledger-private.h"
#include "sl-meeting.h"

#define CHUNK (1024 * 1024)

static SlAttachment *
read_row (sqlite3_stmt *stmt)
{
  SlAttachment *attachment = sl_attachment_new ();

  sl_record_set_key (SL_RECORD (attachment), sqlite3_column_int64 (stmt, 0));
  sl_record_set_id (SL_RECORD (attachment), column_text (stmt, 1));
  sl_attachment_set_kind (attachment, column_text (stmt, 2));
  sl_attachment_set_name (attachment, column_text (stmt, 3));
  sl_attachment_set_media_type (attachment, column_text (stmt, 4));
  sl_attachment_set_size (attachment, sqlite3_column_int64 (stmt, 5));
  sl_attachment_set_sha256 (attachment, column_text (stmt, 6));
  sl_attachment_set_added_at (attachment, column_text (stmt, 7));
  sl_attachment_set_speech (attachment, column_text (stmt, 8));
  sl_attachment_set_measure (attachment, column_text (stmt, 9));

  return attachment;
}

#define SELECT_ATTACHMENTS \
  "SELECT id, uuid, kind, name, media_type, size, sha256, added_at, speech, measure " \
  "FROM attachments "

/* A meeting's attachments, in the order they were added. */
GPtrArray *
sl_attachments_load (SlLedger  *ledger,
                     gint64     meeting_key,
                     GError   **error)
{
  g_autoptr(GPtrArray) attachments = g_ptr_array_new_with_free_func (g_object_unref);
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (SL_IS_LEDGER (ledger), NULL);

  stmt = sl_database_prepare (ledger->database,
                              SELECT_ATTACHMENTS "WHERE meeting_id = ? ORDER BY id", error);
  if (stmt == NULL)
    return NULL;

  sl_bind_key (stmt, 1, meeting_key);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (attachments, read_row (stmt));
  sqlite3_reset (stmt);

  if (rc != SQLITE_DONE)
    {
      sl_database_set_error (ledger->database, rc, error);
      return NULL;
    }

  return g_steal_pointer (&attachments);
}

SlAttachment *
sl_attachments_find (SlLedger    *ledger,
                     const char  *id,
                     char       **meeting_id,
                     GError     **error)
{
  SlAttachment *attachment = NULL;
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (SL_IS_LEDGER (ledger), NULL);

  stmt = sl_database_prepare (ledger->database,
                              "SELECT a.id, a.uuid, a.kind, a.name, a.media_type, a.size, a.sha256, "
                              "  a.added_at, a.speech, a.measure, m.uuid "
                              "FROM attachments a JOIN meetings m ON m.id = a.meeting_id "
                              "WHERE a.uuid = ?",
                              error);
  if (stmt == NULL)
    return NULL;

  sl_bind_text (stmt, 1, id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    {
      attachment = read_row (stmt);
      if (meeting_id != NULL)
        *meeting_id = g_strdup (column_text (stmt, 10));
    }
  sqlite3_reset (stmt);

  if (rc != SQLITE_ROW && rc != SQLITE_DONE)
    {
      sl_database_set_error (ledger->database, rc, error);
      return NULL;
    }

  if (attachment == NULL)
    g_set_error (error, SL_LEDGER_ERROR, SL_LEDGER_ERROR_NOT_FOUND,
                 _("No attachment has the id %s; `study-ledger attachments --meeting ID` lists them"),
                 id);

  return attachment;
}

gboolean
sl_attachments_exists (SlLedger   *ledger,
                       const char *id)
{
  return !sl_ledger_is_new (ledger, "SELECT 1 FROM attachments WHERE uuid = ?", id);
}

static gboolean
check_size (gint64       size,
            const char  *name,
            GError     **error)
{
  if (size > SL_ATTACHMENT_MAX_SIZE)
    {
      g_autofree char *shown = g_format_size (size);

      g_set_error (error, SL_EVIDENCE_ERROR, SL_EVIDENCE_ERROR_INVALID,
                   _("%s is %s: an attachment can be at most 50 MB; "
                     "scan it at a lower resolution or split it"),
                   name, shown);
      return FALSE;
    }

  return TRUE;
}

/**
 * sl_attachments_insert:
 * @meeting_key: the meeting's key
 * @attachment: its id, kind, name, media type, size and added_at; the
 *   SHA-256, when set, must be that of the bytes, and is set otherwise
 * @source: gives the bytes, @attachment's size of them
 *
 * Writes an attachment's row and bytes in the caller's transaction.
 */
gboolean
sl_attachments_insert (SlLedger            *ledger,
                       gint64               meeting_key,
                       SlAttachment        *attachment,
                       SlAttachmentSource   source,
                       gpointer             data,
                       GError             **error)
{
  gint64 size = sl_attachment_get_size (attachment);
  g_autofree char *given = g_strdup (sl_attachment_get_sha256 (attachment));
  g_autoptr(GChecksum) checksum = g_checksum_new (G_CHECKSUM_SHA256);
  g_autofree guchar *buffer = NULL;
  sqlite3_blob *blob = NULL;
  sqlite3_stmt *stmt;
  gint64 key, done = 0;
  const char *sum;
  int rc;

  if (!sl_attachment_kind_is_valid (sl_attachment_get_kind (attachment)))
    {
      g_set_error (error, SL_EVIDENCE_ERROR, SL_EVIDENCE_ERROR_INVALID,
                   _("kind: “%s” is not a kind of attachment; use one of %s"),
                   sl_attachment_get_kind (attachment) ? sl_attachment_get_kind (attachment) : "",
                   sl_attachment_kind_list ());
      return FALSE;
    }

  if (size < 0 || !check_size (size, sl_attachment_get_name (attachment), error))
    return FALSE;

  stmt = sl_database_prepare (ledger->database,
                              "INSERT INTO attachments (uuid, meeting_id, kind, name, media_type, "
                              "  size, sha256, added_at, speech, measure, data) "
                              "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?11, ?7, ?8, ?9, zeroblob (?10))",
                              error);
  if (stmt == NULL)
    return FALSE;

  sl_bind_text (stmt, 1, sl_record_get_id (SL_RECORD (attachment)));
  sl_bind_key (stmt, 2, meeting_key);
  sl_bind_text (stmt, 3, sl_attachment_get_kind (attachment));
  sqlite3_bind_text (stmt, 4, sl_attachment_get_name (attachment) ? sl_attachment_get_name (attachment) : "",
                     -1, SQLITE_TRANSIENT);
  sl_bind_text (stmt, 5, sl_attachment_get_media_type (attachment));
  sqlite3_bind_int64 (stmt, 6, size);
  sl_bind_text (stmt, 7, sl_attachment_get_added_at (attachment));
  sl_bind_text (stmt, 8, sl_attachment_get_speech (attachment));
  sl_bind_text (stmt, 9, sl_attachment_get_measure (attachment));
  sqlite3_bind_int64 (stmt, 10, size);
  /* The SHA-256 given, written with the row: set after the bytes, it
   * would rewrite the row, which SQLite does by reading the whole BLOB
   * into memory, twice (an archive's attachment of 50 MB: 100 MB). */
  sl_bind_text (stmt, 11, given != NULL ? given : "");
  if (!sl_database_step_done (ledger->database, stmt, error))
    return FALSE;
  key = sqlite3_last_insert_rowid (sl_database_get_handle (ledger->database));

  if (size > 0)
    {
      rc = sqlite3_blob_open (sl_database_get_handle (ledger->database), "main", "attachments",
                              "data", key, 1, &blob);
      if (rc != SQLITE_OK)
        return sl_database_set_error (ledger->database, rc, error);
      buffer = g_malloc (CHUNK);
    }

  while (done < size)
    {
      gssize n = source (data, buffer, MIN (CHUNK, size - done), error);

      if (n < 0)
        {
          sqlite3_blob_close (blob);
          return FALSE;
        }
      if (n == 0)
        break;
      g_checksum_update (checksum, buffer, n);
      rc = sqlite3_blob_write (blob, buffer, (int) n, (int) done);
      if (rc != SQLITE_OK)
        {
          sqlite3_blob_close (blob);
          return sl_database_set_error (ledger->database, rc, error);
        }
      done += n;
    }
  if (blob != NULL && (rc = sqlite3_blob_close (blob)) != SQLITE_OK)
    return sl_database_set_error (ledger->database, rc, error);

  if (done != size)
    {
      g_set_error (error, SL_EVIDENCE_ERROR, SL_EVIDENCE_ERROR_INVALID,
                   _("%s: %lld bytes were expected and %lld came; was the file changed while "
                     "it was read?"),
                   sl_attachment_get_name (attachment), (long long) size, (long long) done);
      return FALSE;
    }

  sum = g_checksum_get_string (checksum);
  if (sl_attachment_get_sha256 (attachment) != NULL &&
      g_ascii_strcasecmp (sl_attachment_get_sha256 (attachment), sum) != 0)
    {
      g_set_error (error, SL_EVIDENCE_ERROR, SL_EVIDENCE_ERROR_MISMATCH,
                   _("sha256: the bytes of %s do not have the SHA-256 given for them"),
                   sl_attachment_get_name (attachment));
      return FALSE;
    }
  if (g_strcmp0 (given, sum) != 0)
    {
      stmt = sl_database_prepare (ledger->database, "UPDATE attachments SET sha256 = ? WHERE id = ?", error);
      if (stmt == NULL)
        return FALSE;
      sl_bind_text (stmt, 1, sum);
      sqlite3_bind_int64 (stmt, 2, key);
      if (!sl_database_step_done (ledger->database, stmt, error))
        return FALSE;
    }
  sl_attachment_set_sha256 (attachment, sum);

  sl_record_set_key (SL_RECORD (attachment), key);
  return TRUE;
}

typedef struct
{
  GInputStream *stream;
  guchar       *first;      /* read ahead to sniff the media type */
  gsize         first_length;
  gsize         first_done;
} FileSource;

static gssize
read_file (gpointer   data,
           guchar    *buffer,
           gsize      size,
           GError   **error)
{
  FileSource *file = data;
  gsize n = 0;

  if (file->first_done < file->first_length)
    {
      n = MIN (size, file->first_length - file->first_done);
      memcpy (buffer, file->first + file->first_done, n);
      file->first_done += n;
      return n;
    }

  if (!g_input_stream_read_all (file->stream, buffer, size, &n, NULL, error))
    return -1;
  return n;
}

/* The sniffed media type: what the bytes are, whatever the name says. */
static char *
media_type_of (const guchar *data,
               gsize         length)
{
  g_autofree char *type = g_content_type_guess (NULL, data, length, NULL);
  char *mime = g_content_type_get_mime_type (type);

  return mime != NULL ? mime : g_strdup ("application/octet-stream");
}

static gboolean
meeting_key (SlLedger    *ledger,
             const char  *meeting_id,
             gint64      *key,
             GError     **error)
{
  if (!sl_ledger_is_new (ledger, RESOLVE_MEETING, meeting_id))
    return sl_ledger_resolve (ledger, RESOLVE_MEETING, meeting_id, "meeting", key, error);

  g_set_error (error, SL_LEDGER_ERROR, SL_LEDGER_ERROR_NOT_FOUND,
               _("No meeting has the id %s; `study-ledger search` lists meetings with their ids"),
               meeting_id);
  return FALSE;
}

/* Whether @measure_id (NULL: none) is a measure of the meeting @key. */
static gboolean
measure_of (SlLedger    *ledger,
            gint64       key,
            const char  *measure_id,
            GError     **error)
{
  sqlite3_stmt *stmt;
  int rc;

  if (measure_id == NULL)
    return TRUE;

  stmt = sl_database_prepare (ledger->database,
                              "SELECT 1 FROM measures WHERE uuid = ? AND meeting_id = ?", error);
  if (stmt == NULL)
    return FALSE;
  sl_bind_text (stmt, 1, measure_id);
  sl_bind_key (stmt, 2, key);
  rc = sqlite3_step (stmt);
  sqlite3_reset (stmt);

  if (rc == SQLITE_ROW)
    return TRUE;
  if (rc != SQLITE_DONE)
    return sl_database_set_error (ledger->database, rc, error);

  g_set_error (error, SL_LEDGER_ERROR, SL_LEDGER_ERROR_NOT_FOUND,
               _("--measure: the meeting has no measure with the id %s"), measure_id);
  return FALSE;
}

/* What a change to a final meeting or a locked year asks before any
 * byte is read: the same as sl_evidence_change_end() asks after. */
static gboolean
may_change (SlLedger    *ledger,
            const char  *meeting_id,
            gint64       key,
            const char  *reason,
            GError     **error)
{
  SlFinal *final = NULL;

  if (!sl_evidence_check_row_open (ledger, SL_TYPE_MEETING, meeting_id, error) ||
      !sl_evidence_get_final (ledger, key, &final, error))
    return FALSE;

  if (final != NULL && (reason == NULL || *reason == '\0'))
    {
      sl_final_free (final);
      g_set_error (error, SL_EVIDENCE_ERROR, SL_EVIDENCE_ERROR_NEEDS_REASON,
                   _("The meeting %s is final: adding or removing an attachment changes it "
                     "and needs a reason; give one with --reason TEXT"),
                   meeting_id);
      return FALSE;
    }

  sl_final_free (final);
  return TRUE;
}

/**
 * sl_attachments_add_file:
 * @kind: signed_sheet, photo, material, speech, minutes or other
 * @measure_id: (nullable): the measure of the meeting it belongs to
 * @reason: needed when the meeting is final
 *
 * Adds the file at @path to a meeting. Returns the attachment (its id,
 * media type, size and SHA-256 filled in).
 */
SlAttachment *
sl_attachments_add_file (SlLedger    *ledger,
                         const char  *meeting_id,
                         const char  *kind,
                         const char  *measure_id,
                         const char  *path,
                         const char  *by,
                         const char  *reason,
                         GError     **error)
{
  g_autoptr(GFile) file = NULL;
  g_autoptr(GFileInputStream) stream = NULL;
  g_autoptr(GFileInfo) info = NULL;
  g_autoptr(SlAttachment) attachment = NULL;
  g_autofree char *name = NULL;
  g_autofree char *media_type = NULL;
  g_autofree char *now = NULL;
  g_autofree guchar *first = NULL;
  g_autofree char *uuid = NULL;
  g_autoptr(GError) local_error = NULL;
  FileSource source = { 0 };
  SlMeetingChange *change;
  gsize first_length = 0;
  gint64 size, key = 0;
  gboolean ok;

  g_return_val_if_fail (SL_IS_LEDGER (ledger), NULL);
  g_return_val_if_fail (meeting_id != NULL && path != NULL, NULL);

  if (!sl_attachment_kind_is_valid (kind))
    {
      g_set_error (error, SL_EVIDENCE_ERROR, SL_EVIDENCE_ERROR_INVALID,
                   _("--kind: “%s” is not a kind of attachment; use one of %s"),
                   kind ? kind : "", sl_attachment_kind_list ());
      return NULL;
    }

  file = g_file_new_for_path (path);
  name = g_filename_display_basename (path);
  if (!(stream = g_file_read (file, NULL, &local_error)) ||
      !(info = g_file_input_stream_query_info (stream, G_FILE_ATTRIBUTE_STANDARD_SIZE ","
                                               G_FILE_ATTRIBUTE_STANDARD_TYPE, NULL, &local_error)))
    {
      g_set_error (error, SL_EVIDENCE_ERROR, SL_EVIDENCE_ERROR_INVALID,
                   _("Cannot read %s: %s"), path, local_error->message);
      return NULL;
    }

  size = g_file_info_get_size (info);
  if (!check_size (size, name, error))
    return NULL;

  /* The first piece, to sniff: as much as the first write takes. */
  first = g_malloc (CHUNK);
  if (!g_input_stream_read_all (G_INPUT_STREAM (stream), first, MIN (CHUNK, size), &first_length,
                                NULL, &local_error))
    {
      g_set_error (error, SL_EVIDENCE_ERROR, SL_EVIDENCE_ERROR_INVALID,
                   _("Cannot read %s: %s"), path, local_error->message);
      return NULL;
    }
  media_type = media_type_of (first, first_length);

  now = sl_evidence_now ();
  uuid = g_uuid_string_random ();
  attachment = sl_attachment_new ();
  sl_record_set_id (SL_RECORD (attachment), uuid);
  sl_attachment_set_kind (attachment, kind);
  sl_attachment_set_name (attachment, name);
  sl_attachment_set_media_type (attachment, media_type);
  sl_attachment_set_size (attachment, size);
  sl_attachment_set_added_at (attachment, now);
  sl_attachment_set_measure (attachment, measure_id);

  source.stream = G_INPUT_STREAM (stream);
  source.first = first;
  source.first_length = first_length;

  if (!sl_database_begin (ledger->database, error))
    return NULL;

  if (!meeting_key (ledger, meeting_id, &key, error) ||
      !measure_of (ledger, key, measure_id, error) ||
      !may_change (ledger, meeting_id, key, reason, error) ||
      !(change = sl_evidence_change_begin (ledger, meeting_id, by, reason, error)))
    {
      sl_ledger_finish (ledger, FALSE, NULL);
      return NULL;
    }

  ok = sl_attachments_insert (ledger, key, attachment, read_file, &source, error);
  ok = sl_evidence_change_end (ledger, change, ok, ok ? error : NULL) && ok;
  if (!sl_ledger_finish (ledger, ok, ok ? error : NULL))
    return NULL;

  return g_steal_pointer (&attachment);
}

/**
 * sl_attachments_remove:
 * @reason: needed when the meeting is final
 *
 * Removes an attachment from its meeting.
 */
gboolean
sl_attachments_remove (SlLedger    *ledger,
                       const char  *id,
                       const char  *by,
                       const char  *reason,
                       GError     **error)
{
  g_autoptr(SlAttachment) attachment = NULL;
  g_autofree char *meeting_id = NULL;
  SlMeetingChange *change;
  sqlite3_stmt *stmt;
  gint64 key = 0;
  gboolean ok;

  g_return_val_if_fail (SL_IS_LEDGER (ledger), FALSE);

  if (!sl_database_begin (ledger->database, error))
    return FALSE;

  if (!(attachment = sl_attachments_find (ledger, id, &meeting_id, error)) ||
      !meeting_key (ledger, meeting_id, &key, error) ||
      !may_change (ledger, meeting_id, key, reason, error) ||
      !(change = sl_evidence_change_begin (ledger, meeting_id, by, reason, error)))
    return sl_ledger_finish (ledger, FALSE, error);

  stmt = sl_database_prepare (ledger->database, "DELETE FROM attachments WHERE id = ?", error);
  ok = stmt != NULL;
  if (ok)
    {
      sqlite3_bind_int64 (stmt, 1, sl_record_get_key (SL_RECORD (attachment)));
      ok = sl_database_step_done (ledger->database, stmt, error);
    }
  ok = sl_evidence_change_end (ledger, change, ok, ok ? error : NULL) && ok;

  return sl_ledger_finish (ledger, ok, ok ? error : NULL) && ok;
}

/* Gives the bytes of an attachment to @sink, a piece at a time. */
gboolean
sl_attachments_read (SlLedger          *ledger,
                     gint64             attachment_key,
                     SlAttachmentSink   sink,
                     gpointer           data,
                     GError           **error)
{
  g_autofree guchar *buffer = NULL;
  sqlite3_blob *blob = NULL;
  int size, done = 0;
  int rc;

  g_return_val_if_fail (SL_IS_LEDGER (ledger), FALSE);

  rc = sqlite3_blob_open (sl_database_get_handle (ledger->database), "main", "attachments",
                          "data", attachment_key, 0, &blob);
  if (rc != SQLITE_OK)
    return sl_database_set_error (ledger->database, rc, error);

  size = sqlite3_blob_bytes (blob);
  buffer = g_malloc (MIN (CHUNK, MAX (size, 1)));
  while (done < size)
    {
      int n = MIN (CHUNK, size - done);

      rc = sqlite3_blob_read (blob, buffer, n, done);
      if (rc != SQLITE_OK)
        {
          sqlite3_blob_close (blob);
          return sl_database_set_error (ledger->database, rc, error);
        }
      if (!sink (data, buffer, n, error))
        {
          sqlite3_blob_close (blob);
          return FALSE;
        }
      done += n;
    }

  sqlite3_blob_close (blob);
  return TRUE;
}

static gboolean
update_checksum (gpointer      data,
                 const guchar *chunk,
                 gsize         size,
                 GError      **error)
{
  g_checksum_update (data, chunk, size);
  return TRUE;
}

/* For `check`: each attachment whose bytes no longer have their SHA-256. */
gboolean
sl_attachments_verify (SlLedger   *ledger,
                       GPtrArray  *problems,
                       GError    **error)
{
  g_autoptr(GArray) keys = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GPtrArray) labels = g_ptr_array_new_with_free_func (g_free);
  sqlite3_stmt *stmt;
  int rc;

  stmt = sl_database_prepare (ledger->database,
                              "SELECT a.id, m.uuid, a.name, a.sha256, length (a.data), a.size "
                              "FROM attachments a JOIN meetings m ON m.id = a.meeting_id ORDER BY a.id",
                              error);
  if (stmt == NULL)
    return FALSE;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 key = sqlite3_column_int64 (stmt, 0);

      g_array_append_val (keys, key);
      g_ptr_array_add (labels, g_strdup (column_text (stmt, 1)));
      g_ptr_array_add (labels, g_strdup (column_text (stmt, 2)));
      g_ptr_array_add (labels, g_strdup (column_text (stmt, 3)));
      g_ptr_array_add (labels, sqlite3_column_int64 (stmt, 4) == sqlite3_column_int64 (stmt, 5)
                               ? NULL : g_strdup ("size"));
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    return sl_database_set_error (ledger->database, rc, error);

  for (guint i = 0; i < keys->len; i++)
    {
      g_autoptr(GChecksum) checksum = g_checksum_new (G_CHECKSUM_SHA256);
      const char *meeting = g_ptr_array_index (labels, 4 * i);
      const char *name = g_ptr_array_index (labels, 4 * i + 1);
      const char *sum = g_ptr_array_index (labels, 4 * i + 2);
      gboolean size_differs = g_ptr_array_index (labels, 4 * i + 3) != NULL;

      if (!sl_attachments_read (ledger, g_array_index (keys, gint64, i), update_checksum, checksum, error))
        return FALSE;

      if (size_differs || g_strcmp0 (g_checksum_get_string (checksum), sum) != 0)
        g_ptr_array_add (problems,
                         g_strdup_printf (_("meeting %s: the attachment “%s” no longer has the "
                                            "SHA-256 it was added with; it was changed outside "
                                            "Study Ledger"),
                                          meeting, name));
    }

  return TRUE;
}
