/* sl-overview.c — what the overview page shows, worked out from the statistics
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The overview page only lays out text and numbers; every figure and every
 * sentence it shows is made here from one SlStatistics, so that a test can
 * hold them against sl_statistics_compute() without a display.
 *
 * The year's rates are over all attendance rows, not a mean of members'
 * rates: a member expected at two meetings does not weigh as much as one
 * expected at twenty. The fulfilment rate likewise counts the items of all
 * the year's plans.
 *
 * A rule with several periods (every two months, every half-year) is shown
 * as a whole, judged by its worst period (missed, then due, then met), with
 * the periods underneath.
 */

#define G_LOG_DOMAIN "sl-overview"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "sl-enums.h"
#include "sl-overview.h"

/* "91.7%", "100%", or "—" when there is nothing to count. Integer
 * arithmetic: no locale decimal comma sneaks in. */
char *
sl_format_rate (double rate)
{
  long tenths;

  if (isnan (rate))
    return g_strdup ("—");

  tenths = lround (rate * 1000.0);
  if (tenths % 10 == 0)
    return g_strdup_printf ("%ld%%", tenths / 10);

  return g_strdup_printf ("%ld.%ld%%", tenths / 10, labs (tenths % 10));
}

/* A day as the secretary writes it ("2023年6月30日" in Chinese). */
char *
sl_format_date (const char *date)
{
  int year, month, day;
  g_autoptr(GDateTime) time = NULL;

  if (date == NULL || sscanf (date, "%4d-%2d-%2d", &year, &month, &day) != 3 ||
      !(time = g_date_time_new_utc (year, month, day, 0, 0, 0)))
    return g_strdup (date ? date : "");

  /* Translators: a date, in g_date_time_format() notation; in Chinese
   * "%Y年%-m月%-d日". */
  return g_date_time_format (time, _("%b %-d, %Y"));
}

/* "Whole year", "First half-year", "Months 3–4" for a result's period. */
char *
sl_compliance_period_label (const SlComplianceResult *result)
{
  const char *suffix;
  int number;

  g_return_val_if_fail (result != NULL, NULL);

  suffix = result->period ? strchr (result->period, '-') : NULL;
  if (suffix == NULL)
    return g_strdup (_("Whole year"));

  number = atoi (suffix + 2);
  if (suffix[1] == 'H')
    return g_strdup (number == 1 ? _("First half-year") : _("Second half-year"));
  if (suffix[1] == 'B')
    /* Translators: a two-month period, e.g. "Months 3–4"; in Chinese "%d–%d月". */
    return g_strdup_printf (_("Months %d–%d"), 2 * number - 1, 2 * number);

  return g_strdup (result->period);
}

static void
check_clear (SlOverviewCheck *check)
{
  g_clear_pointer (&check->title, g_free);
  g_clear_pointer (&check->subtitle, g_free);
}

static void
check_free (gpointer data)
{
  check_clear (data);
  g_free (data);
}

static void
rule_free (gpointer data)
{
  SlOverviewRule *rule = data;

  check_clear (&rule->check);
  g_clear_pointer (&rule->periods, g_ptr_array_unref);
  g_free (rule);
}

static void
plan_free (gpointer data)
{
  SlOverviewPlan *plan = data;

  g_free (plan->id);
  g_free (plan->title);
  g_free (plan->subtitle);
  g_free (plan->rate_text);
  g_free (plan);
}

static void
member_free (gpointer data)
{
  SlOverviewMember *member = data;

  g_free (member->id);
  g_free (member->name);
  g_free (member->rate_text);
  g_free (member->reason);
  g_free (member);
}

void
sl_overview_free (SlOverview *self)
{
  if (self == NULL)
    return;

  g_free (self->meetings_text);
  g_free (self->attendance_text);
  g_free (self->participation_text);
  g_free (self->fulfilment_text);
  g_free (self->measures_text);
  g_free (self->measures_detail);
  g_free (self->drafts_text);
  g_clear_pointer (&self->kinds, g_ptr_array_unref);
  g_clear_pointer (&self->plans, g_ptr_array_unref);
  g_clear_pointer (&self->members, g_ptr_array_unref);
  g_clear_pointer (&self->flagged, g_ptr_array_unref);
  g_clear_pointer (&self->rules, g_ptr_array_unref);
  g_free (self);
}

static double
ratio (guint part,
       guint whole)
{
  return whole > 0 ? (double) part / whole : NAN;
}

static char *
join_lines (GPtrArray  *lines,
            const char *separator)
{
  g_autoptr(GString) text = g_string_new (NULL);

  for (guint i = 0; lines != NULL && i < lines->len; i++)
    {
      if (i > 0)
        g_string_append (text, separator);
      g_string_append (text, g_ptr_array_index (lines, i));
    }

  return g_string_free (g_steal_pointer (&text), FALSE);
}

/* What the numbers of one result mean, in the words of its rule. */
static char *
describe_counts (const SlComplianceResult *result)
{
  const char *rule = result->rule;

  if (g_str_equal (rule, "first_topic_every_party_group_meeting"))
    {
      if (result->required == 0)
        return g_strdup (_("No party group meeting yet"));
      return g_strdup_printf (_("%u of %u party group meetings studied a first topic"),
                              result->actual, result->required);
    }

  if (g_str_equal (rule, "research_topic_per_leader"))
    {
      if (result->required == 0)
        return g_strdup (_("No leadership member on the roster"));
      return g_strdup_printf (_("%u of %u leadership members have a topic"),
                              result->actual, result->required);
    }

  /* Meetings counted against a required number. */
  return g_strdup_printf (_("%u held, %u required"), result->actual, result->required);
}

static char *
describe_result (const SlComplianceResult *result)
{
  g_autoptr(GString) text = g_string_new (NULL);
  g_autofree char *counts = NULL;

  /* Nothing to count: say what is missing and how to fix it. */
  if (result->unchecked != NULL)
    return g_strdup (sl_compliance_unchecked_to_label (result->unchecked));

  counts = describe_counts (result);
  g_string_append (text, counts);

  if (result->status == SL_COMPLIANCE_DUE)
    {
      g_autofree char *ends_on = sl_format_date (result->ends_on);

      g_string_append (text, " · ");
      g_string_append_printf (text, _("due by %s"), ends_on);
    }

  if (result->missing != NULL && result->missing->len > 0)
    {
      const char *separator = g_str_equal (result->rule, "research_topic_per_leader")
                              ? _(", ") : _("; ");
      g_autofree char *missing = join_lines (result->missing, separator);

      g_string_append (text, " · ");
      g_string_append_printf (text, _("missing: %s"), missing);
    }

  return g_string_free (g_steal_pointer (&text), FALSE);
}

static void
check_set (SlOverviewCheck    *check,
           char               *title,
           char               *subtitle,
           SlComplianceStatus  status,
           gboolean            unchecked)
{
  check->title = title;
  check->subtitle = subtitle;
  check->status = status;
  check->unchecked = unchecked;
  check->status_label = unchecked ? _("Cannot be checked") : sl_compliance_status_to_label (status);
}

static int
severity (SlComplianceStatus status)
{
  switch (status)
    {
    case SL_COMPLIANCE_MISSED: return 2;
    case SL_COMPLIANCE_DUE:    return 1;
    case SL_COMPLIANCE_MET:
    default:                   return 0;
    }
}

static void
add_rules (SlOverview         *self,
           const SlStatistics *stats)
{
  for (guint i = 0; i < stats->compliance->len;)
    {
      const SlComplianceResult *first = g_ptr_array_index (stats->compliance, i);
      SlOverviewRule *rule = g_new0 (SlOverviewRule, 1);
      g_autoptr(GPtrArray) missed = g_ptr_array_new_with_free_func (g_free);
      g_autoptr(GPtrArray) due = g_ptr_array_new_with_free_func (g_free);
      SlComplianceStatus worst = SL_COMPLIANCE_MET;
      const char *unchecked = first->unchecked;
      guint met = 0;
      guint j;

      rule->rule = first->rule;
      rule->periods = g_ptr_array_new_with_free_func (check_free);

      /* The results of one rule are next to each other. */
      for (j = i; j < stats->compliance->len; j++)
        {
          const SlComplianceResult *result = g_ptr_array_index (stats->compliance, j);

          if (!g_str_equal (result->rule, first->rule))
            break;

          if (severity (result->status) > severity (worst))
            worst = result->status;
          /* The rule as a whole cannot be checked when none of its
           * periods can, for the same reason. */
          if (g_strcmp0 (result->unchecked, unchecked) != 0)
            unchecked = NULL;
          if (result->status == SL_COMPLIANCE_MET)
            met++;
          else
            g_ptr_array_add (result->status == SL_COMPLIANCE_DUE ? due : missed,
                             sl_compliance_period_label (result));
        }

      if (j - i == 1)
        {
          check_set (&rule->check, g_strdup (sl_compliance_rule_to_label (first->rule)),
                     describe_result (first), first->status, first->unchecked != NULL);
        }
      else
        {
          g_autoptr(GString) summary = g_string_new (NULL);

          g_string_append_printf (summary, _("%u of %u periods met"), met, j - i);
          if (missed->len > 0)
            {
              g_autofree char *list = join_lines (missed, _(", "));
              g_string_append (summary, " · ");
              g_string_append_printf (summary, _("missed: %s"), list);
            }
          if (due->len > 0)
            {
              g_autofree char *list = join_lines (due, _(", "));
              g_string_append (summary, " · ");
              g_string_append_printf (summary, _("still open: %s"), list);
            }

          if (unchecked != NULL)
            g_string_assign (summary, sl_compliance_unchecked_to_label (unchecked));

          check_set (&rule->check, g_strdup (sl_compliance_rule_to_label (first->rule)),
                     g_string_free (g_steal_pointer (&summary), FALSE), worst, unchecked != NULL);

          for (guint k = i; k < j; k++)
            {
              const SlComplianceResult *result = g_ptr_array_index (stats->compliance, k);
              SlOverviewCheck *period = g_new0 (SlOverviewCheck, 1);

              check_set (period, sl_compliance_period_label (result),
                         describe_result (result), result->status, result->unchecked != NULL);
              g_ptr_array_add (rule->periods, period);
            }
        }

      g_ptr_array_add (self->rules, rule);
      i = j;
    }
}

static char *
flag_reason (const SlMemberStats *stats,
             const SlRules       *rules,
             double               rate)
{
  g_autoptr(GPtrArray) reasons = g_ptr_array_new_with_free_func (g_free);

  if (!isnan (rate) && rate < rules->attendance_threshold)
    {
      g_autofree char *actual = sl_format_rate (rate);
      g_autofree char *threshold = sl_format_rate (rules->attendance_threshold);

      g_ptr_array_add (reasons, g_strdup_printf (_("attendance %s, below %s"), actual, threshold));
    }

  if (rules->absence_limit > 0 && stats->absent >= (guint) rules->absence_limit)
    g_ptr_array_add (reasons, g_strdup_printf (ngettext ("%u unexcused absence",
                                                         "%u unexcused absences",
                                                         stats->absent),
                                               stats->absent));

  if (rules->leave_limit > 0 && stats->leave > (guint) rules->leave_limit)
    g_ptr_array_add (reasons, g_strdup_printf (ngettext ("%u leave", "%u leaves", stats->leave),
                                               stats->leave));

  if (reasons->len == 0)
    return NULL;

  return join_lines (reasons, _("; "));
}

static SlOverviewMember *
member_copy (const SlOverviewMember *member)
{
  SlOverviewMember *copy = g_memdup2 (member, sizeof *member);

  copy->id = g_strdup (member->id);
  copy->name = g_strdup (member->name);
  copy->rate_text = g_strdup (member->rate_text);
  copy->reason = g_strdup (member->reason);
  return copy;
}

/**
 * sl_overview_new:
 *
 * Returns: (transfer full): the overview of @stats's year
 */
SlOverview *
sl_overview_new (const SlStatistics *stats)
{
  SlOverview *self;
  guint expected = 0, present = 0, made_up = 0;
  guint planned = 0, held = 0;

  g_return_val_if_fail (stats != NULL, NULL);

  self = g_new0 (SlOverview, 1);
  self->year = stats->year;
  self->kinds = g_ptr_array_new_with_free_func (g_free);
  self->plans = g_ptr_array_new_with_free_func (plan_free);
  self->members = g_ptr_array_new_with_free_func (member_free);
  self->flagged = g_ptr_array_new_with_free_func (member_free);
  self->rules = g_ptr_array_new_with_free_func (rule_free);
  self->threshold = stats->rules.attendance_threshold;

  /* Meetings, by kind and by month. */
  self->meetings_total = stats->meetings_total;
  for (guint kind = 1; kind < G_N_ELEMENTS (stats->meetings_by_kind); kind++)
    {
      SlOverviewKind *row;

      if (stats->meetings_by_kind[kind] == 0 || self->n_series >= SL_OVERVIEW_MAX_SERIES)
        continue;

      row = g_new0 (SlOverviewKind, 1);
      row->kind = kind;
      row->label = sl_meeting_kind_to_label (kind);
      row->count = stats->meetings_by_kind[kind];
      g_ptr_array_add (self->kinds, row);

      for (guint month = 0; month < 12; month++)
        self->monthly[month][self->n_series] = stats->meetings_by_month[month][kind];
      self->series[self->n_series++] = kind;
    }

  /* Attendance. */
  for (guint i = 0; i < stats->members->len; i++)
    {
      const SlMemberStats *member = g_ptr_array_index (stats->members, i);
      SlOverviewMember *row;

      expected += member->expected;
      present += member->present;
      made_up += member->made_up;

      if (member->expected == 0)
        continue;

      row = g_new0 (SlOverviewMember, 1);
      row->id = g_strdup (member->id);
      row->name = g_strdup (member->name);
      row->expected = member->expected;
      row->rate = sl_member_stats_attendance_rate (member);
      row->rate_text = sl_format_rate (row->rate);
      row->reason = flag_reason (member, &stats->rules, row->rate);
      g_ptr_array_add (self->members, row);

      if (row->reason != NULL)
        g_ptr_array_add (self->flagged, member_copy (row));
    }
  self->attendance_rate = ratio (present, expected);
  self->participation_rate = ratio (present + made_up, expected);

  /* Plans. */
  for (guint i = 0; i < stats->plans->len; i++)
    {
      const SlPlanStats *plan = g_ptr_array_index (stats->plans, i);
      SlOverviewPlan *row = g_new0 (SlOverviewPlan, 1);

      row->id = g_strdup (plan->id);
      row->title = g_strdup (plan->title && *plan->title ? plan->title : _("Untitled plan"));
      row->planned = plan->planned;
      row->held = plan->held;
      row->rate = sl_plan_stats_fulfilment_rate (plan);
      row->rate_text = sl_format_rate (row->rate);
      row->subtitle = g_strdup_printf (_("%u of %u planned sessions held"), plan->held, plan->planned);
      g_ptr_array_add (self->plans, row);

      planned += plan->planned;
      held += plan->held;
    }
  self->fulfilment_rate = ratio (held, planned);

  /* Measures. */
  self->measures_open = stats->measures_open;
  self->measures_overdue = stats->measures_overdue;

  add_rules (self, stats);

  self->meetings_text = g_strdup_printf ("%u", self->meetings_total);
  self->attendance_text = sl_format_rate (self->attendance_rate);
  self->participation_text = sl_format_rate (self->participation_rate);
  self->fulfilment_text = sl_format_rate (self->fulfilment_rate);
  self->measures_text = g_strdup_printf ("%u", self->measures_open);
  if (self->measures_overdue > 0)
    self->measures_detail = g_strdup_printf (ngettext ("%u overdue", "%u overdue",
                                                       self->measures_overdue),
                                             self->measures_overdue);
  else
    self->measures_detail = g_strdup (_("none overdue"));

  self->drafts = stats->meetings_draft;
  self->drafts_overdue = stats->drafts_overdue;
  if (self->drafts_overdue > 0)
    self->drafts_text = g_strdup_printf (ngettext ("%u drafts; %u older than %d days",
                                                   "%u drafts; %u older than %d days", self->drafts),
                                         self->drafts, self->drafts_overdue,
                                         stats->rules.draft_warning_days);
  else if (self->drafts > 0)
    self->drafts_text = g_strdup_printf (ngettext ("%u draft, none overdue", "%u drafts, none overdue",
                                                   self->drafts), self->drafts);
  else
    self->drafts_text = g_strdup (_("all final"));

  return self;
}
