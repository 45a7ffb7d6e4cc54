/* sl-statistics.h — a year's attendance, plan fulfilment and compliance
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <json-glib/json-glib.h>

#include "sl-rules.h"
#include "sl-types.h"

G_BEGIN_DECLS

typedef enum
{
  SL_COMPLIANCE_MET,
  SL_COMPLIANCE_DUE,     /* the period has not ended and the rule is not yet met */
  SL_COMPLIANCE_MISSED,
} SlComplianceStatus;

typedef struct
{
  char  *id;
  char  *name;
  guint  expected;    /* meetings of the year whose attendance lists the member */
  guint  present;
  guint  leave;
  guint  absent;
  guint  made_up;     /* leave or absent rows with a make-up study */
  guint  late;
  guint  left_early;
  double training_hours;        /* hours of training meetings attended (present) */
  guint  talks_as_initiator;    /* talks of the year the member held */
  guint  talks_as_counterpart;  /* talks of the year held with the member */
} SlMemberStats;

typedef struct
{
  char  *id;
  char  *title;
  guint  planned;     /* items of the plan */
  guint  held;        /* items that a meeting names */
} SlPlanStats;

typedef struct
{
  const char         *rule;      /* static: "central_group_per_year", ... */
  char               *period;    /* "2023", "2023-B3", "2023-H1" */
  char               *starts_on;
  char               *ends_on;
  guint               required;
  guint               actual;
  SlComplianceStatus  status;
  GPtrArray          *missing;   /* what is not there yet, readable lines */
  /* Static code when the ledger holds nothing the rule could be judged on
   * (nobody marked as leadership, no 党组会议 in the year, ...), else
   * NULL. Such a result is never met: due while its period lasts, missed
   * after, and it is shown as “cannot be checked” with how to fix it. */
  const char         *unchecked;
} SlComplianceResult;

typedef struct
{
  int         year;
  char       *organization;      /* id, or NULL for every organization */
  char       *today;
  SlRules     rules;

  GPtrArray  *members;           /* SlMemberStats, in roster order */
  GPtrArray  *plans;             /* SlPlanStats */
  GPtrArray  *compliance;        /* SlComplianceResult */

  /* For the overview: meetings by kind (SlMeetingKind) and by month. */
  guint       meetings_by_kind[16];
  guint       meetings_by_month[12][16];
  guint       meetings_total;
  guint       measures_open;
  guint       measures_overdue;

  /* Evidence (sl-statistics-evidence.c) */
  guint       meetings_draft;    /* meetings of the year not finalised */
  guint       drafts_overdue;    /* of them, held more than draft_warning_days ago */
} SlStatistics;

SlStatistics       *sl_statistics_compute        (SlDatabase          *database,
                                                  int                  year,
                                                  const char          *organization,
                                                  const char          *today,
                                                  GError             **error);
void                sl_statistics_free           (SlStatistics        *self);
JsonNode           *sl_statistics_to_json        (SlStatistics        *self);

/* NAN when nothing was expected. */
double              sl_member_stats_attendance_rate    (const SlMemberStats *stats);
double              sl_member_stats_participation_rate (const SlMemberStats *stats);
double              sl_plan_stats_fulfilment_rate      (const SlPlanStats   *stats);

const char         *sl_compliance_status_to_code  (SlComplianceStatus status);
const char         *sl_compliance_status_to_label (SlComplianceStatus status);
const char         *sl_compliance_rule_to_label   (const char         *rule);
/* “Cannot be checked: no member is marked as leadership; ...”: what is
 * missing and how to fix it, translated; NULL for a NULL @code. */
const char         *sl_compliance_unchecked_to_label (const char      *code);
/* The status in words: “Cannot be checked” for an unchecked result. */
const char         *sl_compliance_result_status_label (const SlComplianceResult *result);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (SlStatistics, sl_statistics_free)

G_END_DECLS
