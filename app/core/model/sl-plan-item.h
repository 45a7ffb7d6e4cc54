/* sl-plan-item.h — one planned study session in a yearly plan
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "sl-record.h"
#include "sl-enum-types.h"

G_BEGIN_DECLS

#define SL_TYPE_PLAN_ITEM (sl_plan_item_get_type ())

G_DECLARE_FINAL_TYPE (SlPlanItem, sl_plan_item, SL, PLAN_ITEM, SlRecord)

SlPlanItem         *sl_plan_item_new            (void);

int                 sl_plan_item_get_month      (SlPlanItem         *self);
void                sl_plan_item_set_month      (SlPlanItem         *self,
                                                 int                 month);
const char         *sl_plan_item_get_planned_on (SlPlanItem         *self);
void                sl_plan_item_set_planned_on (SlPlanItem         *self,
                                                 const char         *planned_on);
const char         *sl_plan_item_get_theme      (SlPlanItem         *self);
void                sl_plan_item_set_theme      (SlPlanItem         *self,
                                                 const char         *theme);
const char         *sl_plan_item_get_content    (SlPlanItem         *self);
void                sl_plan_item_set_content    (SlPlanItem         *self,
                                                 const char         *content);
SlStudyForm         sl_plan_item_get_form       (SlPlanItem         *self);
void                sl_plan_item_set_form       (SlPlanItem         *self,
                                                 SlStudyForm         form);
const char * const *sl_plan_item_get_leads      (SlPlanItem         *self);
void                sl_plan_item_set_leads      (SlPlanItem         *self,
                                                 const char * const *leads);
const char * const *sl_plan_item_get_speakers   (SlPlanItem         *self);
void                sl_plan_item_set_speakers   (SlPlanItem         *self,
                                                 const char * const *speakers);
const char         *sl_plan_item_get_scope      (SlPlanItem         *self);
void                sl_plan_item_set_scope      (SlPlanItem         *self,
                                                 const char         *scope);
const char         *sl_plan_item_get_department (SlPlanItem         *self);
void                sl_plan_item_set_department (SlPlanItem         *self,
                                                 const char         *department);
SlPlanItemStatus    sl_plan_item_get_status     (SlPlanItem         *self);
void                sl_plan_item_set_status     (SlPlanItem         *self,
                                                 SlPlanItemStatus    status);
const char         *sl_plan_item_get_note       (SlPlanItem         *self);
void                sl_plan_item_set_note       (SlPlanItem         *self,
                                                 const char         *note);

G_END_DECLS
