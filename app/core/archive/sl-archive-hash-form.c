/* sl-archive-hash-form.c — a meeting's hash form
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The archive defines it: the meeting as the archive writes it, without
 * the evidence keys, its attachments without their bytes, empty values
 * left out, canonical JSON (sl-canonical-json.c). The evidence hashes it
 * (sl-evidence.c) and the archive writes the evidence
 * (sl-archive-evidence.c): a writer of its own, on the record tables of
 * sl-archive-fields.h, keeps both above it.
 */

#define G_LOG_DOMAIN "sl-archive"

#include "config.h"

#include <json-glib/json-glib.h>

#include "sl-archive-fields.h"
#include "sl-archive-hash-form.h"
#include "sl-attachment.h"
#include "sl-canonical-json.h"
#include "sl-measure.h"
#include "sl-meeting.h"

/* An attachment as the archive and the hash form give it: without its
 * bytes. */
JsonNode *
sl_archive_attachment_node (SlAttachment *attachment)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();

#define ADD_TEXT(key, value)                                 \
  G_STMT_START {                                             \
    json_builder_set_member_name (builder, key);             \
    if ((value) != NULL)                                     \
      json_builder_add_string_value (builder, value);        \
    else                                                     \
      json_builder_add_null_value (builder);                 \
  } G_STMT_END

  json_builder_begin_object (builder);
  ADD_TEXT ("id", sl_record_get_id (SL_RECORD (attachment)));
  ADD_TEXT ("kind", sl_attachment_get_kind (attachment));
  ADD_TEXT ("name", sl_attachment_get_name (attachment));
  ADD_TEXT ("media_type", sl_attachment_get_media_type (attachment));
  json_builder_set_member_name (builder, "size");
  json_builder_add_int_value (builder, sl_attachment_get_size (attachment));
  ADD_TEXT ("sha256", sl_attachment_get_sha256 (attachment));
  ADD_TEXT ("added_at", sl_attachment_get_added_at (attachment));
  ADD_TEXT ("speech", sl_attachment_get_speech (attachment));
  ADD_TEXT ("measure", sl_attachment_get_measure (attachment));
  json_builder_end_object (builder);

#undef ADD_TEXT

  return json_builder_get_root (builder);
}

/**
 * sl_archive_meeting_hash_form:
 * @attachments: the meeting's #SlAttachment, in order
 * @without_progress: leave out each measure's status, done_on and
 *   progress (what a locked year still lets change)
 *
 * Returns the meeting's hash form, canonical JSON text.
 */
char *
sl_archive_meeting_hash_form (SlMeeting  *meeting,
                              GPtrArray  *attachments,
                              gboolean    without_progress)
{
  g_autoptr(JsonNode) node = sl_archive_record_to_node (meeting);
  g_autoptr(JsonNode) pruned = NULL;
  JsonObject *object = json_node_get_object (node);
  JsonArray *array = json_array_new ();

  for (guint i = 0; attachments != NULL && i < attachments->len; i++)
    json_array_add_element (array, sl_archive_attachment_node (g_ptr_array_index (attachments, i)));
  json_object_set_array_member (object, "attachments", array);

  if (without_progress && json_object_has_member (object, "measures"))
    {
      JsonArray *measures = json_object_get_array_member (object, "measures");

      for (guint i = 0; i < json_array_get_length (measures); i++)
        {
          JsonObject *measure = json_array_get_object_element (measures, i);

          json_object_remove_member (measure, "status");
          json_object_remove_member (measure, "done_on");
          json_object_remove_member (measure, "progress");
        }
    }

  pruned = sl_canonical_json_prune (node);
  return sl_canonical_json_write (pruned);
}
