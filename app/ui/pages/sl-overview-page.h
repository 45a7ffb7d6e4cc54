/* sl-overview-page.h — a year at a glance: figures, charts, rules
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "sl-overview.h"
#include "sl-types.h"

G_BEGIN_DECLS

#define SL_TYPE_OVERVIEW_PAGE (sl_overview_page_get_type ())

G_DECLARE_FINAL_TYPE (SlOverviewPage, sl_overview_page, SL, OVERVIEW_PAGE, AdwBin)

void              sl_overview_page_reload       (SlOverviewPage *self);
const SlOverview *sl_overview_page_get_overview (SlOverviewPage *self);
const char       *sl_overview_page_get_figure   (SlOverviewPage *self,
                                                 const char     *name);
gboolean          sl_overview_page_get_filled   (SlOverviewPage *self);

G_END_DECLS
