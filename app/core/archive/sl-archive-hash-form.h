/* sl-archive-hash-form.h — a meeting's hash form
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <json-glib/json-glib.h>

#include "sl-attachment.h"
#include "sl-types.h"

G_BEGIN_DECLS

JsonNode *sl_archive_attachment_node     (SlAttachment       *attachment);
char     *sl_archive_meeting_hash_form   (SlMeeting          *meeting,
                                          GPtrArray          *attachments,
                                          gboolean            without_progress);

G_END_DECLS
