/* sl-search-marks.h — where a search's words are in a snippet
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* One match in a snippet: bytes [start, end). */
typedef struct
{
  gsize start;
  gsize end;
} SlSearchMark;

/* How the command line marks a match in text and in --json's snippet
 * (README, "Search"): 【学习】. */
#define SL_SEARCH_MARK_OPEN  "\u3010"
#define SL_SEARCH_MARK_CLOSE "\u3011"

GArray *sl_search_marks_find  (const char         *text,
                               const char * const *words);
char   *sl_search_marks_apply (const char         *text,
                               GArray             *marks,
                               const char         *open,
                               const char         *close);

G_END_DECLS
