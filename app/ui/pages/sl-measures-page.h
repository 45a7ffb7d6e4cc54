/* sl-measures-page.h — the year's follow-up measures, until each is done
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "sl-types.h"

G_BEGIN_DECLS

#define SL_TYPE_MEASURES_PAGE (sl_measures_page_get_type ())

G_DECLARE_FINAL_TYPE (SlMeasuresPage, sl_measures_page, SL, MEASURES_PAGE, AdwBin)

void        sl_measures_page_reload    (SlMeasuresPage *self);
GListModel *sl_measures_page_get_model (SlMeasuresPage *self);

G_END_DECLS
