/* sl-search.h — find meetings by what was said and studied in them
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <json-glib/json-glib.h>

#include "sl-types.h"

G_BEGIN_DECLS

typedef struct
{
  char          *meeting;   /* the meeting's id */
  char          *date;
  char          *title;
  SlMeetingKind  kind;
  char          *snippet;   /* the text around the first match, on one line */
  gint64         key;       /* the meeting's row in this ledger */
} SlSearchHit;

void       sl_search_hit_free (SlSearchHit  *hit);

GStrv      sl_search_split    (const char   *text);
GPtrArray *sl_search_run      (SlDatabase   *database,
                               const char   *text,
                               guint         limit,
                               GError      **error);
JsonNode  *sl_search_to_json  (GPtrArray    *hits);

G_END_DECLS
