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
 *
 * This file is the store: reading, inserting in the caller's transaction,
 * checking. Adding a file to a meeting and removing an attachment, which
 * are revisions of a final meeting, are in sl-attachments-edit.c, above
 * the evidence that reads this store.
 */

#define G_LOG_DOMAIN "sl-attachments"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "sl-attachments.h"
#include "sl-evidence-error.h"
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

gboolean
sl_attachments_check_size (gint64       size,
                           const char  *name,
                           GError     **error)
{
  if (size > SL_ATTACHMENT_MAX_SIZE)
    {
      /* In the limit's own units, with the bytes: 52.4 MB against a
       * limit of "50 MB" that is 50 MiB read as a contradiction. */
      g_autofree char *shown = g_format_size_full (size, G_FORMAT_SIZE_IEC_UNITS | G_FORMAT_SIZE_LONG_FORMAT);

      g_set_error (error, SL_EVIDENCE_ERROR, SL_EVIDENCE_ERROR_INVALID,
                   _("%s is %s: an attachment can be at most 50 MiB (52,428,800 bytes); "
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

  if (size < 0 || !sl_attachments_check_size (size, sl_attachment_get_name (attachment), error))
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
