/* sl-rules.h — the compliance thresholds, settings with defaults
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "sl-types.h"

G_BEGIN_DECLS

/* Defaults from the work plan (DOMAIN.md); each is stored in the
 * ledger's settings table under the name of its field. */
typedef struct
{
  int    central_group_per_year;        /* 6 */
  int    central_group_bimonthly;       /* 1 */
  int    ideology_half_year;            /* 1 */
  int    situation_analysis_half_year;  /* 1 */
  int    research_topic_per_leader;     /* 1 */
  double attendance_threshold;          /* 0.8 */
  int    absence_limit;                 /* 3: unexcused absences that flag a member */
  int    leave_limit;                   /* 6: leaves a year that flag a member */

  /* Archive version 2 */
  int    central_group_ideology_per_year;   /* 2: central-group sessions on ideology */
  int    timeliness_days;                   /* 30: days from receiving a pool item to study it */
  int    speech_per_central_group_member;   /* 1: speeches at central-group sessions a year */
  int    branch_report_half_year;           /* 1: reports of each branch per half-year */

  /* Evidence (issue 12) */
  int    draft_warning_days;                /* 7: a draft older than this is counted */
  int    require_signed_sheet;              /* 1: a final meeting needs a signed_sheet attachment */

  /* Print (issue 14) */
  int    sign_in_time_column;               /* 0: the sign-in sheet has a 签到时间 column */
} SlRules;

void     sl_rules_init_defaults (SlRules       *rules);
void     sl_rules_load          (SlRules       *rules,
                                 SlDatabase    *database);
gboolean sl_rules_save          (const SlRules *rules,
                                 SlDatabase    *database,
                                 GError       **error);

G_END_DECLS
