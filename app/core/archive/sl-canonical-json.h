/* sl-canonical-json.h — JSON written one way only (RFC 8785), for hashes
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <json-glib/json-glib.h>

G_BEGIN_DECLS

JsonNode *sl_canonical_json_prune     (JsonNode    *node);
char     *sl_canonical_json_write     (JsonNode    *node);
char     *sl_canonical_json_sha256    (const char  *data,
                                       gssize       length);

G_END_DECLS
