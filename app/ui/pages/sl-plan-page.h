/* sl-plan-page.h — the year's study plan: its texts and its arrangement table
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "sl-types.h"

G_BEGIN_DECLS

#define SL_TYPE_PLAN_PAGE (sl_plan_page_get_type ())

G_DECLARE_FINAL_TYPE (SlPlanPage, sl_plan_page, SL, PLAN_PAGE, AdwBin)

void    sl_plan_page_reload    (SlPlanPage *self);
SlPlan *sl_plan_page_get_plan  (SlPlanPage *self);
void    sl_plan_page_save_now  (SlPlanPage *self);

G_END_DECLS
