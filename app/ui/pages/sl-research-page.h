/* sl-research-page.h — each leader's research topic of the year
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "sl-types.h"

G_BEGIN_DECLS

#define SL_TYPE_RESEARCH_PAGE (sl_research_page_get_type ())

G_DECLARE_FINAL_TYPE (SlResearchPage, sl_research_page, SL, RESEARCH_PAGE, AdwBin)

void   sl_research_page_reload          (SlResearchPage *self);
guint  sl_research_page_get_n_topics    (SlResearchPage *self);
guint  sl_research_page_get_n_missing   (SlResearchPage *self);

G_END_DECLS
