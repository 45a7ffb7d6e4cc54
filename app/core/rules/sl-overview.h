/* sl-overview.h — what the overview page shows, worked out from the statistics
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "sl-statistics.h"
#include "sl-types.h"

G_BEGIN_DECLS

#define SL_OVERVIEW_MAX_SERIES 16

typedef struct
{
  SlMeetingKind  kind;
  const char    *label;      /* translated kind, static */
  guint          count;
} SlOverviewKind;

typedef struct
{
  char               *title;
  char               *subtitle;       /* the figures, and what is missing */
  SlComplianceStatus  status;
  const char         *status_label;   /* translated, static */
  gboolean            unchecked;      /* nothing to judge: “cannot be checked” */
} SlOverviewCheck;

typedef struct
{
  const char      *rule;              /* static code: "central_group_per_year"... */
  SlOverviewCheck  check;             /* the whole rule: its worst period */
  GPtrArray       *periods;           /* SlOverviewCheck, when the rule has several periods */
} SlOverviewRule;

typedef struct
{
  char  *id;
  char  *title;
  char  *subtitle;
  char  *rate_text;
  guint  planned;
  guint  held;
  double rate;
} SlOverviewPlan;

typedef struct
{
  char   *id;
  char   *name;
  guint   expected;
  double  rate;                       /* attendance rate; NAN when not expected */
  char   *rate_text;
  char   *reason;                     /* why the member is flagged, or NULL */
} SlOverviewMember;

typedef struct
{
  int            year;

  guint          meetings_total;
  double         attendance_rate;     /* all present / all expected; NAN when none */
  double         participation_rate;  /* (present + made up) / expected */
  double         fulfilment_rate;     /* items held / items planned, all plans */
  guint          measures_open;
  guint          measures_overdue;
  double         threshold;           /* the attendance threshold rule */

  char          *meetings_text;
  char          *attendance_text;
  char          *participation_text;
  char          *fulfilment_text;
  char          *measures_text;
  char          *measures_detail;

  GPtrArray     *kinds;               /* SlOverviewKind, kinds held, in enum order */
  GPtrArray     *plans;               /* SlOverviewPlan */
  GPtrArray     *members;             /* SlOverviewMember, expected at least once, roster order */
  GPtrArray     *flagged;             /* SlOverviewMember (copies) with a reason */
  GPtrArray     *rules;               /* SlOverviewRule, in the statistics' order */

  /* The meetings-per-month chart: one series per kind held. */
  guint          n_series;
  SlMeetingKind  series[SL_OVERVIEW_MAX_SERIES];
  double         monthly[12][SL_OVERVIEW_MAX_SERIES];

  /* Evidence: meetings not finalised, and those older than the setting
   * draft_warning_days. */
  guint          drafts;
  guint          drafts_overdue;
  char          *drafts_text;
} SlOverview;

SlOverview *sl_overview_new                 (const SlStatistics       *stats);
void        sl_overview_free                (SlOverview               *self);

char       *sl_format_rate                  (double                    rate);
char       *sl_format_date                  (const char               *date);
char       *sl_compliance_period_label      (const SlComplianceResult *result);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (SlOverview, sl_overview_free)

G_END_DECLS
