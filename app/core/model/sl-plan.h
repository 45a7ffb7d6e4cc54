/* sl-plan.h — an organization's study plan for one year
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "sl-record.h"

G_BEGIN_DECLS

#define SL_TYPE_PLAN (sl_plan_get_type ())

G_DECLARE_FINAL_TYPE (SlPlan, sl_plan, SL, PLAN, SlRecord)

SlPlan     *sl_plan_new              (void);

const char *sl_plan_get_organization (SlPlan     *self);
void        sl_plan_set_organization (SlPlan     *self,
                                      const char *organization);
int         sl_plan_get_year         (SlPlan     *self);
void        sl_plan_set_year         (SlPlan     *self,
                                      int         year);
const char *sl_plan_get_title        (SlPlan     *self);
void        sl_plan_set_title        (SlPlan     *self,
                                      const char *title);
const char *sl_plan_get_guiding      (SlPlan     *self);
void        sl_plan_set_guiding      (SlPlan     *self,
                                      const char *guiding);
const char *sl_plan_get_focus        (SlPlan     *self);
void        sl_plan_set_focus        (SlPlan     *self,
                                      const char *focus);
const char *sl_plan_get_forms        (SlPlan     *self);
void        sl_plan_set_forms        (SlPlan     *self,
                                      const char *forms);
const char *sl_plan_get_requirements (SlPlan     *self);
void        sl_plan_set_requirements (SlPlan     *self,
                                      const char *requirements);

GListModel *sl_plan_get_items        (SlPlan     *self);

/* Archive version 2 */
const char *sl_plan_get_issuer (SlPlan *self);
void sl_plan_set_issuer (SlPlan *self,
    const char *issuer);
const char *sl_plan_get_issued_on (SlPlan *self);
void sl_plan_set_issued_on (SlPlan *self,
    const char *issued_on);

G_END_DECLS
