/* sl-search-snippet.h — the line of a meeting's text that a hit shows
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "sl-types.h"

G_BEGIN_DECLS

char *sl_search_snippet_cut     (const char  *body,
                                 const char  *word);
char *sl_search_snippet_meeting (SlDatabase  *database,
                                 gint64       meeting,
                                 const char  *word,
                                 const char **field);

G_END_DECLS
