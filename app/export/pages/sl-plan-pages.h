/* sl-plan-pages.h — a yearly study plan as an official document (GB/T 9704-2012)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "sl-page-renderer.h"
#include "sl-table.h"

G_BEGIN_DECLS

#define SL_TYPE_PLAN_PAGES (sl_plan_pages_get_type ())

G_DECLARE_FINAL_TYPE (SlPlanPages, sl_plan_pages, SL, PLAN_PAGES, SlPageRenderer)

SlPlanPages *sl_plan_pages_new      (void);

/* Adds a plan: its document, then its 安排表 @arrangement (may be NULL) on
 * the pages after it. @unit, the organization's name, heads the title
 * unless the plan's title already starts with it. Each plan's pages are
 * numbered from 1. */
void         sl_plan_pages_add_plan (SlPlanPages *self,
                                     SlPlan      *plan,
                                     const char  *unit,
                                     SlTable     *arrangement);

G_END_DECLS
