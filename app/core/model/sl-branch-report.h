/* sl-branch-report.h — a branch's half-year report on its members' thinking
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "sl-record.h"
#include "sl-enum-types.h"

G_BEGIN_DECLS

#define SL_TYPE_BRANCH_REPORT (sl_branch_report_get_type ())

G_DECLARE_FINAL_TYPE (SlBranchReport, sl_branch_report, SL, BRANCH_REPORT, SlRecord)

SlBranchReport *sl_branch_report_new (void);

const char *sl_branch_report_get_organization (SlBranchReport *self);
void sl_branch_report_set_organization (SlBranchReport *self,
    const char *organization);
const char *sl_branch_report_get_period (SlBranchReport *self);
void sl_branch_report_set_period (SlBranchReport *self,
    const char *period);
const char *sl_branch_report_get_received_on (SlBranchReport *self);
void sl_branch_report_set_received_on (SlBranchReport *self,
    const char *received_on);
const char *sl_branch_report_get_title (SlBranchReport *self);
void sl_branch_report_set_title (SlBranchReport *self,
    const char *title);
const char *sl_branch_report_get_note (SlBranchReport *self);
void sl_branch_report_set_note (SlBranchReport *self,
    const char *note);

G_END_DECLS
