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

/* Room for any double as sl_canonical_json_format_double() writes it. */
#define SL_CANONICAL_NUMBER_SIZE 32

const char *sl_canonical_json_format_double (char   *buffer,
                                             double  value);

G_END_DECLS
