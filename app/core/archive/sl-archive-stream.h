/* sl-archive-stream.h — the archive written as it is read
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <json-glib/json-glib.h>

#include "sl-ledger.h"
#include "sl-meeting.h"

G_BEGIN_DECLS

/* For the writers of the archive folder (sl-archive.c, sl-archive-stream.c). */
JsonNode *sl_archive_meeting_to_node (SlLedger    *ledger,
                                      SlMeeting   *meeting,
                                      GHashTable  *with_evidence,
                                      GError     **error);
char     *sl_archive_generate        (JsonNode    *root,
                                      gsize       *length);

G_END_DECLS
