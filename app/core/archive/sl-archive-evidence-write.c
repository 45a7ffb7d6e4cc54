/* sl-archive-evidence-write.c — the archive's version 2 evidence keys, written
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A meeting's state, finalisation, hash, revisions and attachments as
 * export-archive writes them (docs/archive.md, version 2), attachments'
 * bytes encoded to base64 a chunk of their BLOB at a time. Reading them
 * back and storing them is sl-archive-evidence.c.
 */

#define G_LOG_DOMAIN "sl-archive"

#include "config.h"

#include <errno.h>
#include <glib/gi18n-lib.h>
#include <string.h>

#include "sl-archive-evidence.h"
#include "sl-archive-fields.h"
#include "sl-archive-hash-form.h"
#include "sl-archive-types.h"
#include "sl-archive-spool.h"
#include "sl-attachments.h"
#include "sl-canonical-json.h"
#include "sl-ledger.h"
#include "sl-measure.h"
#include "sl-meeting.h"
#include "sl-speech.h"

/* Writing ------------------------------------------------------------------------- */

/* The base64 text of an attachment's bytes, made a chunk of the BLOB at a
 * time (g_base64_encode_step() carries the 0–2 bytes left over from one
 * chunk to the next, so the text is the same whatever the chunks) and
 * given to the caller's sink a piece at a time. */
typedef struct
{
  SlAttachmentSink  sink;
  gpointer          data;
  int               state;
  int               save;
  char              buffer[(1024 * 1024 / 3 + 4) * 4 + 8];
} Base64Sink;

static gboolean
encode_chunk (gpointer      data,
              const guchar *chunk,
              gsize         size,
              GError      **error)
{
  Base64Sink *sink = data;
  const guchar *p = chunk;

  /* Pieces no larger than the buffer is made for. */
  while (size > 0)
    {
      gsize n = MIN (size, 1024 * 1024);
      gsize written = g_base64_encode_step (p, n, FALSE, sink->buffer, &sink->state, &sink->save);

      if (written > 0 && !sink->sink (sink->data, (const guchar *) sink->buffer, written, error))
        return FALSE;
      p += n;
      size -= n;
    }
  return TRUE;
}

/**
 * sl_archive_encode_attachment:
 * @sink: takes the text, a piece of at most about 1.4 MB at a time
 *
 * Gives @sink the base64 text (RFC 4648, no line breaks) of the bytes of
 * the attachment @attachment_key, read from its BLOB a chunk at a time:
 * the streaming writer puts it straight into the file, so that neither
 * the bytes nor the text are ever whole in memory.
 */
gboolean
sl_archive_encode_attachment (SlLedger          *ledger,
                              gint64             attachment_key,
                              SlAttachmentSink   sink,
                              gpointer           data,
                              GError           **error)
{
  g_autofree Base64Sink *encoder = g_new0 (Base64Sink, 1);
  gsize written;

  encoder->sink = sink;
  encoder->data = data;
  if (!sl_attachments_read (ledger, attachment_key, encode_chunk, encoder, error))
    return FALSE;

  written = g_base64_encode_close (FALSE, encoder->buffer, &encoder->state, &encoder->save);
  return written == 0 || sink (data, (const guchar *) encoder->buffer, written, error);
}

static gboolean
append_text (gpointer      data,
             const guchar *chunk,
             gsize         size,
             GError      **error)
{
  g_string_append_len (data, (const char *) chunk, size);
  return TRUE;
}

/* The whole text, for the tree writer. */
static char *
attachment_data (SlLedger      *ledger,
                 SlAttachment  *attachment,
                 GError       **error)
{
  gint64 size = sl_attachment_get_size (attachment);
  g_autoptr(GString) out = g_string_sized_new ((size / 3 + 1) * 4 + 4);

  if (size > 0 &&
      !sl_archive_encode_attachment (ledger, sl_record_get_key (SL_RECORD (attachment)),
                                     append_text, out, error))
    return NULL;
  return g_string_free (g_steal_pointer (&out), FALSE);
}

/**
 * sl_archive_deferred_new:
 *
 * The attachments of one element that the streaming writer fills in
 * itself: sl_archive_write_evidence() then writes a placeholder as each
 * one's "data", a string made of a random nonce and the attachment's
 * number in the element (sl_archive_deferred_placeholder()), plain ASCII
 * that the generator copies as it is.
 */
SlArchiveDeferred *
sl_archive_deferred_new (void)
{
  SlArchiveDeferred *deferred = g_new0 (SlArchiveDeferred, 1);
  g_autofree char *nonce = g_uuid_string_random ();

  deferred->prefix = g_strdup_printf ("sl-attachment-data-%s-", nonce);
  deferred->keys = g_array_new (FALSE, FALSE, sizeof (gint64));
  return deferred;
}

void
sl_archive_deferred_free (SlArchiveDeferred *deferred)
{
  if (deferred == NULL)
    return;
  g_free (deferred->prefix);
  g_array_unref (deferred->keys);
  g_free (deferred);
}

/* The string that stands for attachment @index of the element. */
char *
sl_archive_deferred_placeholder (SlArchiveDeferred *deferred,
                                 guint              index)
{
  return g_strdup_printf ("%s%u", deferred->prefix, index);
}

/**
 * sl_archive_write_evidence:
 *
 * @deferred: (nullable): where to note the attachments whose bytes the
 *   caller writes itself, in place of placeholders (the streaming writer)
 *
 * Adds state, finalized_at, finalized_by, hash, revisions and attachments
 * (with their bytes, or placeholders for them) to the meeting object open
 * in @builder.
 */
gboolean
sl_archive_write_evidence (JsonBuilder  *builder,
                           SlLedger     *ledger,
                           SlMeeting    *meeting,
                           GHashTable   *with_evidence,
                           SlArchiveDeferred *deferred,
                           GError      **error)
{
  gint64 key = sl_record_get_key (SL_RECORD (meeting));
  g_autoptr(SlFinal) final = NULL;
  g_autoptr(GPtrArray) revisions = NULL;
  g_autoptr(GPtrArray) attachments = NULL;

  if (with_evidence != NULL && !g_hash_table_contains (with_evidence, &key))
    return TRUE;   /* a draft without history or attachments: nothing to add */

  if (!sl_evidence_get_final (ledger, key, &final, error) ||
      !(revisions = sl_evidence_load_revisions (ledger, key, error)) ||
      !(attachments = sl_attachments_load (ledger, key, error)))
    return FALSE;

  /* A history without the final row: the meeting was turned back into a
   * draft behind the program's back (`check` names it). Written as a
   * draft, its history would be refused by every import, this one's
   * too; written without it, the evidence would be lost; written as
   * final, it would carry a hash nobody made. The export stops instead,
   * and says how to settle it. */
  if (final == NULL && revisions->len > 0)
    {
      const char *title = sl_meeting_get_title (meeting);

      g_set_error (error, SL_ARCHIVE_ERROR, SL_ARCHIVE_ERROR_INVALID,
                   _("Cannot export the meeting “%s” (%s): it has revisions but is no longer final, "
                     "its finalisation removed outside Study Ledger. Run check, then finalise it "
                     "again (finalize --meeting %s) once its content is confirmed"),
                   title && *title ? title : sl_record_get_id (SL_RECORD (meeting)),
                   sl_record_get_id (SL_RECORD (meeting)), sl_record_get_id (SL_RECORD (meeting)));
      return FALSE;
    }

  /* What a draft without history or attachments leaves out, as the
   * archive allows (absent state: draft): such a meeting is written as
   * version 1 wrote it. */
  if (final != NULL)
    {
      json_builder_set_member_name (builder, "state");
      json_builder_add_string_value (builder, "final");
      json_builder_set_member_name (builder, "finalized_at");
      json_builder_add_string_value (builder, final->finalized_at);
      json_builder_set_member_name (builder, "finalized_by");
      if (final->finalized_by)
        json_builder_add_string_value (builder, final->finalized_by);
      else
        json_builder_add_null_value (builder);
      json_builder_set_member_name (builder, "hash");
      json_builder_add_string_value (builder, final->hash);
    }

  if (revisions->len > 0)
    {
      json_builder_set_member_name (builder, "revisions");
      json_builder_begin_array (builder);
    }
  for (guint i = 0; i < revisions->len; i++)
    {
      SlRevision *revision = g_ptr_array_index (revisions, i);

      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "revision");
      json_builder_add_int_value (builder, revision->revision);
      json_builder_set_member_name (builder, "at");
      json_builder_add_string_value (builder, revision->at);
      json_builder_set_member_name (builder, "by");
      if (revision->by)
        json_builder_add_string_value (builder, revision->by);
      else
        json_builder_add_null_value (builder);
      json_builder_set_member_name (builder, "reason");
      json_builder_add_string_value (builder, revision->reason);
      json_builder_set_member_name (builder, "hash");
      json_builder_add_string_value (builder, revision->hash);
      json_builder_set_member_name (builder, "chain");
      json_builder_add_string_value (builder, revision->chain);
      json_builder_set_member_name (builder, "snapshot");
      json_builder_add_string_value (builder, revision->snapshot);
      json_builder_end_object (builder);
    }
  if (revisions->len > 0)
    json_builder_end_array (builder);

  if (attachments->len == 0)
    return TRUE;

  json_builder_set_member_name (builder, "attachments");
  json_builder_begin_array (builder);
  for (guint i = 0; i < attachments->len; i++)
    {
      SlAttachment *attachment = g_ptr_array_index (attachments, i);
      g_autoptr(JsonNode) node = sl_archive_attachment_node (attachment);
      g_autofree char *data = NULL;
      JsonObject *object = json_node_get_object (node);

      if (deferred != NULL)
        {
          gint64 attachment_key = sl_record_get_key (SL_RECORD (attachment));

          /* An empty attachment's "" costs nothing: written here. */
          if (sl_attachment_get_size (attachment) > 0)
            {
              data = sl_archive_deferred_placeholder (deferred, deferred->keys->len);
              g_array_append_val (deferred->keys, attachment_key);
            }
          else
            data = g_strdup ("");
        }
      else if (!(data = attachment_data (ledger, attachment, error)))
        return FALSE;
      json_object_set_string_member (object, "data", data);
      json_builder_add_value (builder, g_steal_pointer (&node));
    }
  json_builder_end_array (builder);

  return TRUE;
}

/**
 * sl_archive_evidence_keys:
 *
 * The keys (gint64) of the meetings that are final or have revisions or
 * attachments: most of a ledger's meetings have none, and the export
 * asks three questions only of those that do.
 */
GHashTable *
sl_archive_evidence_keys (SlLedger  *ledger,
                          GError   **error)
{
  g_autoptr(GHashTable) keys = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  SlDatabase *database = sl_ledger_get_database (ledger);
  sqlite3_stmt *stmt;
  int rc;

  stmt = sl_database_prepare (database,
                              "SELECT meeting_id FROM meeting_finals UNION "
                              "SELECT meeting_id FROM revisions UNION "
                              "SELECT meeting_id FROM attachments",
                              error);
  if (stmt == NULL)
    return NULL;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 *key = g_new (gint64, 1);

      *key = sqlite3_column_int64 (stmt, 0);
      g_hash_table_add (keys, key);
    }
  sqlite3_reset (stmt);

  if (rc != SQLITE_DONE)
    {
      sl_database_set_error (database, rc, error);
      return NULL;
    }

  return g_steal_pointer (&keys);
}
