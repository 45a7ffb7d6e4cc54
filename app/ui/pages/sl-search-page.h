/* sl-search-page.h — find meetings by what was said and studied in them
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "sl-types.h"

G_BEGIN_DECLS

#define SL_TYPE_SEARCH_PAGE (sl_search_page_get_type ())

G_DECLARE_FINAL_TYPE (SlSearchPage, sl_search_page, SL, SEARCH_PAGE, AdwBin)

#define SL_SEARCH_PAGE_LIMIT 200

void        sl_search_page_focus         (SlSearchPage *self);
void        sl_search_page_search        (SlSearchPage *self,
                                          const char   *text);
guint       sl_search_page_get_n_results (SlSearchPage *self);
const char *sl_search_page_get_result    (SlSearchPage *self,
                                          guint         index);
char       *sl_search_highlight          (const char   *snippet,
                                          const char   *query);

G_END_DECLS
