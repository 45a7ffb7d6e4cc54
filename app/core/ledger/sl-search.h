/* sl-search.h — find meetings by what was said and studied in them
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <json-glib/json-glib.h>

#include "sl-search-hit.h"
#include "sl-search-people.h"
#include "sl-types.h"

G_BEGIN_DECLS


GStrv      sl_search_split    (const char   *text);
GPtrArray *sl_search_run      (SlDatabase   *database,
                               const char   *text,
                               guint         limit,
                               GError      **error);
JsonNode  *sl_search_to_json  (GPtrArray    *hits);

guint      sl_search_get_fallback_reads (void);

G_END_DECLS
