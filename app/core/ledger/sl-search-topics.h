/* sl-search-topics.h — research topics found by their text
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "sl-search-hit.h"
#include "sl-types.h"

G_BEGIN_DECLS

char     *sl_search_topic_date (int                 year);
gboolean  sl_search_topics     (SlDatabase         *database,
                                const char * const *words,
                                guint               limit,
                                GPtrArray          *hits,
                                GError            **error);

G_END_DECLS
