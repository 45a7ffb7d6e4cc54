/* sl-attachments-edit.c — adding a file to a meeting, removing an attachment
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Each one a change of its meeting: refused in a locked year, a revision
 * with its reason when the meeting is final (sl-evidence.c). Above both
 * the evidence and the attachments' store (sl-attachments.c) that the
 * evidence reads.
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
  if (!sl_attachments_check_size (size, name, error))
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
