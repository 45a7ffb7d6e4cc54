/* sl-reports-page.h — branches' half-year reports and members' own study notes
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "sl-types.h"

G_BEGIN_DECLS

#define SL_TYPE_REPORTS_PAGE (sl_reports_page_get_type ())

G_DECLARE_FINAL_TYPE (SlReportsPage, sl_reports_page, SL, REPORTS_PAGE, AdwBin)

void   sl_reports_page_reload            (SlReportsPage *self);
guint  sl_reports_page_get_n_reports     (SlReportsPage *self);
guint  sl_reports_page_get_n_notes       (SlReportsPage *self);

G_END_DECLS
