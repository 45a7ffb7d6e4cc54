/* sl-evidence-restore.c — a final meeting back to one of its earlier versions
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A revision keeps the meeting's hash form as it was before the change
 * (docs/archive.md, version 2): the meeting object of an archive, with
 * empty values left out. Restoring it is a merge of that object into the
 * ledger, with a reason, so it goes through the same checks and records
 * a new revision like any other change: history is only ever added to.
 * The keys the snapshot leaves out were empty then, so each key the
 * meeting has now and the snapshot lacks is written empty. Attachments
 * stay as they are: the snapshot names them, it does not hold their
 * bytes.
 */

#define G_LOG_DOMAIN "sl-evidence"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <json-glib/json-glib.h>
#include <string.h>

#include "sl-archive.h"
#include "sl-archive-fields.h"
#include "sl-evidence.h"
#include "sl-evidence-restore.h"
#include "sl-ledger.h"
#include "sl-meeting.h"
#include "sl-record.h"

static JsonNode *
empty_like (JsonNode *value)
{
  if (JSON_NODE_HOLDS_ARRAY (value))
    return json_node_init_array (json_node_alloc (), json_array_new ());
  if (JSON_NODE_HOLDS_VALUE (value) && json_node_get_value_type (value) == G_TYPE_BOOLEAN)
    return json_node_init_boolean (json_node_alloc (), FALSE);
  return json_node_new (JSON_NODE_NULL);
}

/**
 * sl_evidence_restore:
 * @revision: the number of the revision whose snapshot comes back
 * @by: who restores it, or %NULL for the user's name
 * @reason: why; required
 *
 * Makes the final meeting @meeting_id again what it was before revision
 * @revision, as a new revision with @reason.
 */
gboolean
sl_evidence_restore (SlLedger    *ledger,
                     const char  *meeting_id,
                     int          revision,
                     const char  *by,
                     const char  *reason,
                     GError     **error)
{
  g_autoptr(SlMeeting) meeting = NULL;
  g_autoptr(GPtrArray) revisions = NULL;
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(JsonNode) current = NULL;
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonNode) root = NULL;
  g_autofree char *text = NULL;
  const char *snapshot = NULL;
  JsonObject *object;
  JsonObjectIter iter;
  const char *name;
  JsonNode *value;
  gboolean ok;

  g_return_val_if_fail (meeting_id != NULL, FALSE);

  if (reason == NULL || *reason == '\0')
    {
      g_set_error (error, SL_EVIDENCE_ERROR, SL_EVIDENCE_ERROR_NEEDS_REASON,
                   _("Restoring an earlier version of a final meeting needs a reason"));
      return FALSE;
    }

  if (!(meeting = sl_ledger_load_meeting (ledger, meeting_id, error)) ||
      !(revisions = sl_evidence_load_revisions (ledger, sl_record_get_key (SL_RECORD (meeting)), error)))
    return FALSE;

  for (guint i = 0; i < revisions->len; i++)
    {
      SlRevision *r = g_ptr_array_index (revisions, i);
      if (r->revision == revision)
        snapshot = r->snapshot;
    }
  if (snapshot == NULL)
    {
      g_set_error (error, SL_EVIDENCE_ERROR, SL_EVIDENCE_ERROR_INVALID,
                   _("The meeting “%s” has no revision %d: see its history"),
                   sl_meeting_get_title (meeting) ? sl_meeting_get_title (meeting) : meeting_id, revision);
      return FALSE;
    }

  if (!json_parser_load_from_data (parser, snapshot, -1, error))
    return FALSE;
  object = json_node_get_object (json_parser_get_root (parser));
  json_object_remove_member (object, "attachments");

  current = sl_archive_record_to_node (meeting);
  json_object_iter_init (&iter, json_node_get_object (current));
  while (json_object_iter_next (&iter, &name, &value))
    if (!json_object_has_member (object, name) && !g_str_equal (name, "attachments"))
      json_object_set_member (object, name, empty_like (value));

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "format");
  json_builder_add_string_value (builder, "study-ledger-archive");
  json_builder_set_member_name (builder, "version");
  json_builder_add_int_value (builder, 2);
  json_builder_set_member_name (builder, "meetings");
  json_builder_begin_array (builder);
  json_builder_add_value (builder, json_node_copy (json_parser_get_root (parser)));
  json_builder_end_array (builder);
  json_builder_end_object (builder);
  root = json_builder_get_root (builder);
  text = json_to_string (root, FALSE);

  sl_evidence_set_reason (ledger, by ? by : sl_evidence_default_by (ledger), reason);
  ok = sl_archive_merge_data (ledger, text, strlen (text), "restore", FALSE, NULL, NULL, error);
  sl_evidence_set_reason (ledger, NULL, NULL);

  return ok;
}
