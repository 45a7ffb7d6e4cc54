/* sl-statistics.c — a year's attendance, plan fulfilment and compliance
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Definitions (DOMAIN.md, "Attendance"):
 *   expected   attendance rows of the year's meetings that list the member
 *              (the meeting's roster on its date: one row per expected
 *              member; guests are not members and have no row)
 *   attendance_rate    present / expected
 *   participation_rate (present + made_up) / expected, where made_up counts
 *              leave and absent rows that carry a make-up study
 *   fulfilment_rate    held / planned: items of the plan that a meeting
 *              names, over all its items
 * Rates are NAN (null in JSON) when the denominator is 0.
 *
 * The members listed are those active during the year (joined on or before
 * its last day, not left before its first) and anyone with attendance in
 * it; with an organization, that organization's members and anyone in the
 * attendance of its meetings.
 *
 * A compliance rule is met when actual >= required; otherwise it is due
 * while its period has not ended (judged against today), and missed after.
 * A rule that finds nothing to judge (required 0 because nobody is marked
 * as leadership, or no 党组会议 was held) is not met by that: it carries
 * an unchecked code, and is due or missed as if not met. The JSON of
 * `stats` keeps DESIGN.md's keys and status values, so there it reads
 * due or missed with required 0; the text output, the overview and the
 * annual report say “cannot be checked” and what to fix.
 * Everything is counted in SQL over the integer year column and indexes,
 * so a year of a ten-year ledger costs what one year costs.
 */

#define G_LOG_DOMAIN "sl-statistics"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>

#include "sl-database.h"
#include "sl-enums.h"
#include "sl-statistics.h"
#include "sl-statistics-private.h"
#include "sl-util.h"

static void
member_stats_free (gpointer data)
{
  SlMemberStats *stats = data;

  g_free (stats->id);
  g_free (stats->name);
  g_free (stats);
}

static void
plan_stats_free (gpointer data)
{
  SlPlanStats *stats = data;

  g_free (stats->id);
  g_free (stats->title);
  g_free (stats);
}

static void
compliance_result_free (gpointer data)
{
  SlComplianceResult *result = data;

  g_free (result->period);
  g_free (result->starts_on);
  g_free (result->ends_on);
  g_clear_pointer (&result->missing, g_ptr_array_unref);
  g_free (result);
}

void
sl_statistics_free (SlStatistics *self)
{
  if (self == NULL)
    return;

  g_free (self->organization);
  g_free (self->today);
  g_clear_pointer (&self->members, g_ptr_array_unref);
  g_clear_pointer (&self->plans, g_ptr_array_unref);
  g_clear_pointer (&self->compliance, g_ptr_array_unref);
  g_free (self);
}

double
sl_member_stats_attendance_rate (const SlMemberStats *stats)
{
  return stats->expected ? (double) stats->present / stats->expected : NAN;
}

double
sl_member_stats_participation_rate (const SlMemberStats *stats)
{
  return stats->expected ? (double) (stats->present + stats->made_up) / stats->expected : NAN;
}

double
sl_plan_stats_fulfilment_rate (const SlPlanStats *stats)
{
  return stats->planned ? (double) stats->held / stats->planned : NAN;
}

const char *
sl_compliance_status_to_code (SlComplianceStatus status)
{
  switch (status)
    {
    case SL_COMPLIANCE_MET:    return "met";
    case SL_COMPLIANCE_DUE:    return "due";
    case SL_COMPLIANCE_MISSED: return "missed";
    default:                   g_assert_not_reached ();
    }
}

const char *
sl_compliance_status_to_label (SlComplianceStatus status)
{
  switch (status)
    {
    case SL_COMPLIANCE_MET:    return _("Met");
    case SL_COMPLIANCE_DUE:    return _("Due");
    case SL_COMPLIANCE_MISSED: return _("Missed");
    default:                   g_assert_not_reached ();
    }
}

const char *
sl_compliance_rule_to_label (const char *rule)
{
  if (g_strcmp0 (rule, "central_group_per_year") == 0)
    return _("Central group sessions in the year");
  if (g_strcmp0 (rule, "central_group_bimonthly") == 0)
    return _("A central group session every two months");
  if (g_strcmp0 (rule, "ideology_half_year") == 0)
    return _("Ideology work meeting every half-year");
  if (g_strcmp0 (rule, "situation_analysis_half_year") == 0)
    return _("Situation analysis meeting every half-year");
  if (g_strcmp0 (rule, "first_topic_every_party_group_meeting") == 0)
    return _("First-topic study at every party group meeting");
  if (g_strcmp0 (rule, "research_topic_per_leader") == 0)
    return _("A research topic for every leadership member");
  if (g_strcmp0 (rule, "central_group_ideology_per_year") == 0)
    return _("Central group sessions on ideology in the year");
  if (g_strcmp0 (rule, "first_topic_timeliness") == 0)
    return _("Topic-pool items studied in time");
  if (g_strcmp0 (rule, "speech_per_central_group_member") == 0)
    return _("A speech by every central group member");
  if (g_strcmp0 (rule, "branch_report_half_year") == 0)
    return _("A report from every branch each half-year");
  if (g_strcmp0 (rule, "signed_sheet_attached") == 0)
    return _("A scan of the signed sign-in sheet with every final meeting");
  if (g_strcmp0 (rule, "session_plan_approved") == 0)
    return _("A session plan approved before every central group session");
  return rule;
}

const char *
sl_compliance_unchecked_to_label (const char *code)
{
  if (code == NULL)
    return NULL;
  if (g_str_equal (code, "no_leadership_members"))
    return _("Cannot be checked: no member is marked as leadership; mark them in each member’s details");
  if (g_str_equal (code, "no_central_group_members"))
    return _("Cannot be checked: no member is marked as central group; mark them in each member’s details");
  if (g_str_equal (code, "no_party_group_meetings"))
    return _("Cannot be checked: no party group meeting is recorded in the year; log them on the Meetings page");
  if (g_str_equal (code, "no_central_group_sessions"))
    return _("Cannot be checked: no central group session is recorded in the year; log them on the Meetings page");
  if (g_str_equal (code, "no_topics_received"))
    return _("Cannot be checked: no topic-pool item was received in the year; record them in the topic pool");
  if (g_str_equal (code, "no_branches"))
    return _("Cannot be checked: no branch is recorded under the organization; add the branches as organizations of kind branch");
  return _("Cannot be checked: the ledger holds nothing this rule could be judged on");
}

const char *
sl_compliance_result_status_label (const SlComplianceResult *result)
{
  if (result->unchecked != NULL)
    return _("Cannot be checked");
  return sl_compliance_status_to_label (result->status);
}

/* @result found nothing to judge: not met by that (see the top). */
void
sl_statistics_mark_unchecked (Query              *query,
                              SlComplianceResult *result,
                              const char         *code)
{
  result->unchecked = code;
  if (result->status == SL_COMPLIANCE_MET)
    result->status = g_strcmp0 (query->stats->today, result->ends_on) <= 0
                     ? SL_COMPLIANCE_DUE : SL_COMPLIANCE_MISSED;
}

void
sl_statistics_bind_scope (Query        *query,
                          sqlite3_stmt *stmt)
{
  /* The statements below draw on ?1 year, ?2 organization key (NULL for
   * all), ?3 first and ?4 last day of the year; binding a number that a
   * statement does not use is harmless (SQLITE_RANGE, ignored). */
  sqlite3_bind_int (stmt, 1, query->stats->year);
  sl_bind_key (stmt, 2, query->organization);
  sl_bind_text (stmt, 3, query->first_day);
  sl_bind_text (stmt, 4, query->last_day);
}

gboolean
sl_statistics_finish_rows (Query   *query,
                           int      rc,
                           GError **error)
{
  if (rc != SQLITE_DONE)
    return sl_database_set_error (query->database, rc, error);
  return TRUE;
}

static gboolean
count_members (Query   *query,
               GError **error)
{
  sqlite3_stmt *stmt;
  int rc;

  stmt = sl_database_prepare (query->database,
                              "WITH scope AS ("
                              "  SELECT id FROM meetings"
                              "  WHERE year = ?1 AND (?2 IS NULL OR organization_id = ?2)),"
                              "counts AS ("
                              "  SELECT member_id, count (*) AS expected,"
                              "    sum (status = 'present') AS present,"
                              "    sum (status = 'leave') AS leave,"
                              "    sum (status = 'absent') AS absent,"
                              "    sum (status <> 'present' AND made_up) AS made_up,"
                              "    sum (late) AS late, sum (left_early) AS left_early"
                              "  FROM attendance WHERE meeting_id IN scope GROUP BY member_id) "
                              "SELECT m.uuid, m.name, coalesce (c.expected, 0), coalesce (c.present, 0),"
                              "  coalesce (c.leave, 0), coalesce (c.absent, 0), coalesce (c.made_up, 0),"
                              "  coalesce (c.late, 0), coalesce (c.left_early, 0) "
                              "FROM members m LEFT JOIN counts c ON c.member_id = m.id "
                              "WHERE c.member_id IS NOT NULL"
                              "   OR ((?2 IS NULL OR m.organization_id = ?2)"
                              "       AND (m.joined_on IS NULL OR m.joined_on <= ?4)"
                              "       AND (m.left_on IS NULL OR m.left_on >= ?3)) "
                              "ORDER BY m.sort, m.id",
                              error);
  if (stmt == NULL)
    return FALSE;

  sl_statistics_bind_scope (query, stmt);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      SlMemberStats *member = g_new0 (SlMemberStats, 1);

      member->id = g_strdup (sl_column_text (stmt, 0));
      member->name = g_strdup (sl_column_text (stmt, 1));
      member->expected = sqlite3_column_int (stmt, 2);
      member->present = sqlite3_column_int (stmt, 3);
      member->leave = sqlite3_column_int (stmt, 4);
      member->absent = sqlite3_column_int (stmt, 5);
      member->made_up = sqlite3_column_int (stmt, 6);
      member->late = sqlite3_column_int (stmt, 7);
      member->left_early = sqlite3_column_int (stmt, 8);
      g_ptr_array_add (query->stats->members, member);
    }
  sqlite3_reset (stmt);

  return sl_statistics_finish_rows (query, rc, error);
}

static gboolean
count_plans (Query   *query,
             GError **error)
{
  sqlite3_stmt *stmt;
  int rc;

  stmt = sl_database_prepare (query->database,
                              "SELECT p.uuid, p.title, count (i.id),"
                              "  count (i.id) FILTER (WHERE EXISTS ("
                              "    SELECT 1 FROM meetings m WHERE m.plan_item_id = i.id)) "
                              "FROM plans p LEFT JOIN plan_items i ON i.plan_id = p.id "
                              "WHERE p.year = ?1 AND (?2 IS NULL OR p.organization_id = ?2) "
                                                            "GROUP BY p.id ORDER BY p.id",
                              error);
  if (stmt == NULL)
    return FALSE;

  sl_statistics_bind_scope (query, stmt);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      SlPlanStats *plan = g_new0 (SlPlanStats, 1);

      plan->id = g_strdup (sl_column_text (stmt, 0));
      plan->title = g_strdup (sl_column_text (stmt, 1));
      plan->planned = sqlite3_column_int (stmt, 2);
      plan->held = sqlite3_column_int (stmt, 3);
      g_ptr_array_add (query->stats->plans, plan);
    }
  sqlite3_reset (stmt);

  return sl_statistics_finish_rows (query, rc, error);
}

static gboolean
count_meetings (Query   *query,
                GError **error)
{
  SlStatistics *stats = query->stats;
  sqlite3_stmt *stmt;
  int rc;

  stmt = sl_database_prepare (query->database,
                              "SELECT kind, CAST (substr (date, 6, 2) AS INTEGER), count (*) "
                              "FROM meetings WHERE year = ?1 AND (?2 IS NULL OR organization_id = ?2) "
                                                            "GROUP BY 1, 2",
                              error);
  if (stmt == NULL)
    return FALSE;

  sl_statistics_bind_scope (query, stmt);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      int kind = 0;
      int month = sqlite3_column_int (stmt, 1);
      guint count = sqlite3_column_int (stmt, 2);

      if (!sl_enum_from_code (SL_TYPE_MEETING_KIND, sl_column_text (stmt, 0), &kind) ||
          kind >= (int) G_N_ELEMENTS (stats->meetings_by_kind))
        continue;

      stats->meetings_by_kind[kind] += count;
      stats->meetings_total += count;
      if (month >= 1 && month <= 12)
        stats->meetings_by_month[month - 1][kind] += count;
    }
  sqlite3_reset (stmt);

  if (!sl_statistics_finish_rows (query, rc, error))
    return FALSE;

  stmt = sl_database_prepare (query->database,
                              "SELECT count (*) FILTER (WHERE x.status IS NOT 'done'),"
                              "  count (*) FILTER (WHERE x.status IS NOT 'done' AND x.due_on < ?5) "
                              "FROM measures x JOIN meetings m ON m.id = x.meeting_id "
                              "WHERE m.year = ?1 AND (?2 IS NULL OR m.organization_id = ?2)",
                              error);
  if (stmt == NULL)
    return FALSE;

  sl_statistics_bind_scope (query, stmt);
  sl_bind_text (stmt, 5, stats->today);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    {
      stats->measures_open = sqlite3_column_int (stmt, 0);
      stats->measures_overdue = sqlite3_column_int (stmt, 1);
      rc = SQLITE_DONE;
    }
  sqlite3_reset (stmt);

  return sl_statistics_finish_rows (query, rc, error);
}

SlComplianceResult *
sl_statistics_add_result (Query      *query,
            const char *rule,
            char       *period,
            const char *starts_on,
            const char *ends_on,
            guint       required,
            guint       actual)
{
  SlComplianceResult *result = g_new0 (SlComplianceResult, 1);

  result->rule = rule;
  result->period = period;
  result->starts_on = g_strdup (starts_on);
  result->ends_on = g_strdup (ends_on);
  result->required = required;
  result->actual = actual;
  result->missing = g_ptr_array_new_with_free_func (g_free);

  if (actual >= required)
    result->status = SL_COMPLIANCE_MET;
  else if (g_strcmp0 (query->stats->today, ends_on) <= 0)
    result->status = SL_COMPLIANCE_DUE;
  else
    result->status = SL_COMPLIANCE_MISSED;

  g_ptr_array_add (query->stats->compliance, result);
  return result;
}

static gboolean
count_kind_between (Query       *query,
                    const char  *kind,
                    const char  *starts_on,
                    const char  *ends_on,
                    guint       *count,
                    GError     **error)
{
  sqlite3_stmt *stmt;
  int rc;

  stmt = sl_database_prepare (query->database,
                              "SELECT count (*) FROM meetings "
                              "WHERE year = ?1 AND (?2 IS NULL OR organization_id = ?2) "
                              "  AND date >= ?3 AND date <= ?4 AND kind = ?5",
                              error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int (stmt, 1, query->stats->year);
  sl_bind_key (stmt, 2, query->organization);
  sl_bind_text (stmt, 3, starts_on);
  sl_bind_text (stmt, 4, ends_on);
  sl_bind_text (stmt, 5, kind);

  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    {
      *count = sqlite3_column_int (stmt, 0);
      rc = SQLITE_DONE;
    }
  sqlite3_reset (stmt);

  return sl_statistics_finish_rows (query, rc, error);
}

static gboolean
check_periodic (Query   *query,
                GError **error)
{
  const SlRules *rules = &query->stats->rules;
  int year = query->stats->year;
  guint count;

  if (!count_kind_between (query, "central_group", query->first_day, query->last_day, &count, error))
    return FALSE;
  sl_statistics_add_result (query, "central_group_per_year", g_strdup_printf ("%d", year),
              query->first_day, query->last_day, rules->central_group_per_year, count);

  for (int b = 1; b <= 6; b++)
    {
      int first_month = 2 * b - 1;
      char starts_on[11], ends_on[11];

      g_snprintf (starts_on, sizeof starts_on, "%04d-%02d-01", year, first_month);
      g_snprintf (ends_on, sizeof ends_on, "%04d-%02d-%02d", year, first_month + 1,
                  g_date_get_days_in_month (first_month + 1, year));
      if (!count_kind_between (query, "central_group", starts_on, ends_on, &count, error))
        return FALSE;
      sl_statistics_add_result (query, "central_group_bimonthly", g_strdup_printf ("%d-B%d", year, b),
                  starts_on, ends_on, rules->central_group_bimonthly, count);
    }

  for (guint rule = 0; rule < 2; rule++)
    for (int h = 1; h <= 2; h++)
      {
        char starts_on[11], ends_on[11];

        g_snprintf (starts_on, sizeof starts_on, "%04d-%s", year, h == 1 ? "01-01" : "07-01");
        g_snprintf (ends_on, sizeof ends_on, "%04d-%s", year, h == 1 ? "06-30" : "12-31");

        if (!count_kind_between (query, rule == 0 ? "ideology" : "situation_analysis",
                                 starts_on, ends_on, &count, error))
          return FALSE;
        sl_statistics_add_result (query,
                    rule == 0 ? "ideology_half_year" : "situation_analysis_half_year",
                    g_strdup_printf ("%d-H%d", year, h), starts_on, ends_on,
                    rule == 0 ? rules->ideology_half_year : rules->situation_analysis_half_year,
                    count);
      }

  return TRUE;
}

/**
 * sl_statistics_check_per_meeting:
 * @rule: the rule's key, e.g. "first_topic_every_party_group_meeting"
 * @sql: a statement on the scope (sl_statistics_bind_scope()) giving each
 *   meeting the rule is about: its date, its title, and whether it meets
 *   the rule
 *
 * @unchecked: the code of the result when there is no such meeting
 *
 * Adds the rule's result for the year: the meetings, those that meet it,
 * and “date title” of the others.
 */
gboolean
sl_statistics_check_per_meeting (Query       *query,
                                 const char  *rule,
                                 const char  *sql,
                                 const char  *unchecked,
                                 GError     **error)
{
  g_autoptr(GPtrArray) missing = g_ptr_array_new_with_free_func (g_free);
  SlComplianceResult *result;
  sqlite3_stmt *stmt;
  guint required = 0, actual = 0;
  int rc;

  stmt = sl_database_prepare (query->database, sql, error);
  if (stmt == NULL)
    return FALSE;

  sl_statistics_bind_scope (query, stmt);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      required++;
      if (sqlite3_column_int (stmt, 2))
        actual++;
      else
        g_ptr_array_add (missing, g_strdup_printf ("%s %s", sl_column_text (stmt, 0),
                                                   sl_column_text (stmt, 1)
                                                   ? sl_column_text (stmt, 1) : ""));
    }
  sqlite3_reset (stmt);
  if (!sl_statistics_finish_rows (query, rc, error))
    return FALSE;

  result = sl_statistics_add_result (query, rule,
                                     g_strdup_printf ("%d", query->stats->year),
                                     query->first_day, query->last_day, required, actual);
  g_ptr_array_extend_and_steal (result->missing, g_steal_pointer (&missing));
  if (required == 0)
    sl_statistics_mark_unchecked (query, result, unchecked);

  return TRUE;
}

static gboolean
check_first_topic (Query   *query,
                   GError **error)
{
  return sl_statistics_check_per_meeting (query, "first_topic_every_party_group_meeting",
                                          "SELECT m.date, m.title, EXISTS ("
                                          "  SELECT 1 FROM studies s WHERE s.meeting_id = m.id AND s.first_topic) "
                                          "FROM meetings m "
                                          "WHERE m.year = ?1 AND (?2 IS NULL OR m.organization_id = ?2) "
                                          "  AND m.kind = 'party_group' "
                                          "ORDER BY m.date",
                                          "no_party_group_meetings", error);
}

/**
 * sl_statistics_check_per_person:
 * @rule: the rule's key, e.g. "research_topic_per_leader"
 * @sql: a statement on the scope (sl_statistics_bind_scope()) giving each
 *   person who owes the rule: the name, and how many times they did it
 * @per_person: how many times each must have done it
 *
 * @unchecked: the code of the result when nobody owes it
 *
 * Adds the rule's result for the year: those who owe it, those who did it
 * at least @per_person times, and the names of the others.
 */
gboolean
sl_statistics_check_per_person (Query       *query,
                                const char  *rule,
                                const char  *sql,
                                guint        per_person,
                                const char  *unchecked,
                                GError     **error)
{
  g_autoptr(GPtrArray) missing = g_ptr_array_new_with_free_func (g_free);
  SlComplianceResult *result;
  sqlite3_stmt *stmt;
  guint required = 0, actual = 0;
  int rc;

  stmt = sl_database_prepare (query->database, sql, error);
  if (stmt == NULL)
    return FALSE;

  sl_statistics_bind_scope (query, stmt);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      required++;
      if ((guint) sqlite3_column_int (stmt, 1) >= per_person)
        actual++;
      else
        g_ptr_array_add (missing, g_strdup (sl_column_text (stmt, 0)));
    }
  sqlite3_reset (stmt);
  if (!sl_statistics_finish_rows (query, rc, error))
    return FALSE;

  result = sl_statistics_add_result (query, rule,
                                     g_strdup_printf ("%d", query->stats->year),
                                     query->first_day, query->last_day, required, actual);
  g_ptr_array_extend_and_steal (result->missing, g_steal_pointer (&missing));
  if (required == 0)
    sl_statistics_mark_unchecked (query, result, unchecked);

  return TRUE;
}

static gboolean
check_research_topics (Query   *query,
                       GError **error)
{
  /* Leaders of an organization: its leadership members, and leadership
   * members who sit in its meetings or lead its topics that year (a
   * bureau's leaders usually belong to a branch for their party life). */
  return sl_statistics_check_per_person (query, "research_topic_per_leader",
                                         "SELECT m.name, (SELECT count (*) FROM research_topics t"
                                         "                WHERE t.lead_id = m.id AND t.year = ?1) "
                                         "FROM members m "
                                         "WHERE m.leadership"
                                         "  AND (m.joined_on IS NULL OR m.joined_on <= ?4)"
                                         "  AND (m.left_on IS NULL OR m.left_on >= ?3)"
                                         "  AND (?2 IS NULL OR m.organization_id = ?2"
                                         "       OR EXISTS (SELECT 1 FROM attendance a"
                                         "                  JOIN meetings mt ON mt.id = a.meeting_id"
                                         "                  WHERE a.member_id = m.id AND mt.year = ?1"
                                         "                    AND mt.organization_id = ?2)"
                                         "       OR EXISTS (SELECT 1 FROM research_topics t"
                                         "                  WHERE t.lead_id = m.id AND t.year = ?1"
                                         "                    AND t.organization_id = ?2)) "
                                         "ORDER BY m.sort, m.id",
                                         query->stats->rules.research_topic_per_leader,
                                         "no_leadership_members", error);
}

static gboolean
resolve_organization (Query       *query,
                      const char  *id,
                      GError     **error)
{
  sqlite3_stmt *stmt;
  int rc;

  query->organization = 0;
  if (id == NULL)
    return TRUE;

  stmt = sl_database_prepare (query->database, "SELECT id FROM organizations WHERE uuid = ?", error);
  if (stmt == NULL)
    return FALSE;

  sl_bind_text (stmt, 1, id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    query->organization = sqlite3_column_int64 (stmt, 0);
  sqlite3_reset (stmt);

  if (query->organization == 0)
    {
      g_set_error (error, SL_DATABASE_ERROR, SL_DATABASE_ERROR_FAILED,
                   _("No organization has the id %s"), id);
      return FALSE;
    }

  return TRUE;
}

/**
 * sl_statistics_compute:
 * @organization: (nullable): an organization's id, or %NULL for all
 * @today: (nullable): "YYYY-MM-DD" to judge periods against; %NULL for
 *   the real today (or SL_TODAY)
 */
SlStatistics *
sl_statistics_compute (SlDatabase  *database,
                       int          year,
                       const char  *organization,
                       const char  *today,
                       GError     **error)
{
  g_autoptr(SlStatistics) stats = NULL;
  Query query = { 0 };
  gboolean ok;

  g_return_val_if_fail (SL_IS_DATABASE (database), NULL);
  g_return_val_if_fail (year >= 1 && year <= 9999, NULL);

  stats = g_new0 (SlStatistics, 1);
  stats->year = year;
  stats->organization = g_strdup (organization);
  stats->today = today ? g_strdup (today) : sl_today ();
  stats->members = g_ptr_array_new_with_free_func (member_stats_free);
  stats->plans = g_ptr_array_new_with_free_func (plan_stats_free);
  stats->compliance = g_ptr_array_new_with_free_func (compliance_result_free);
  sl_rules_load (&stats->rules, database);

  query.database = database;
  query.stats = stats;
  g_snprintf (query.first_day, sizeof query.first_day, "%04d-01-01", year);
  g_snprintf (query.last_day, sizeof query.last_day, "%04d-12-31", year);

  /* One read transaction, so that all figures describe the same ledger. */
  if (!sl_database_exec (database, "BEGIN", error))
    return NULL;

  ok = resolve_organization (&query, organization, error) &&
       count_members (&query, error) &&
       count_plans (&query, error) &&
       count_meetings (&query, error) &&
       check_periodic (&query, error) &&
       check_first_topic (&query, error) &&
       check_research_topics (&query, error) &&
       sl_statistics_check_people (&query, error) &&
       sl_statistics_check_evidence (&query, error);

  sl_database_exec (database, "COMMIT", NULL);

  if (!ok)
    return NULL;

  return g_steal_pointer (&stats);
}

static void
add_rate (JsonBuilder *builder,
          const char  *key,
          double       rate)
{
  json_builder_set_member_name (builder, key);
  if (isnan (rate))
    json_builder_add_null_value (builder);
  else
    json_builder_add_double_value (builder, rate);
}

static void
add_count (JsonBuilder *builder,
           const char  *key,
           guint        count)
{
  json_builder_set_member_name (builder, key);
  json_builder_add_int_value (builder, count);
}

/**
 * sl_statistics_to_json:
 *
 * The object that `stats --json` prints (DESIGN.md): year, members, plans
 * and compliance.
 */
JsonNode *
sl_statistics_to_json (SlStatistics *self)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();

  g_return_val_if_fail (self != NULL, NULL);

  json_builder_begin_object (builder);
  add_count (builder, "year", self->year);

  json_builder_set_member_name (builder, "members");
  json_builder_begin_array (builder);
  for (guint i = 0; i < self->members->len; i++)
    {
      const SlMemberStats *member = g_ptr_array_index (self->members, i);

      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "id");
      json_builder_add_string_value (builder, member->id);
      json_builder_set_member_name (builder, "name");
      json_builder_add_string_value (builder, member->name);
      add_count (builder, "expected", member->expected);
      add_count (builder, "present", member->present);
      add_count (builder, "leave", member->leave);
      add_count (builder, "absent", member->absent);
      add_count (builder, "made_up", member->made_up);
      add_rate (builder, "attendance_rate", sl_member_stats_attendance_rate (member));
      add_rate (builder, "participation_rate", sl_member_stats_participation_rate (member));
      json_builder_set_member_name (builder, "training_hours");
      json_builder_add_double_value (builder, member->training_hours);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);

  json_builder_set_member_name (builder, "plans");
  json_builder_begin_array (builder);
  for (guint i = 0; i < self->plans->len; i++)
    {
      const SlPlanStats *plan = g_ptr_array_index (self->plans, i);

      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "id");
      json_builder_add_string_value (builder, plan->id);
      json_builder_set_member_name (builder, "title");
      if (plan->title)
        json_builder_add_string_value (builder, plan->title);
      else
        json_builder_add_null_value (builder);
      add_count (builder, "planned", plan->planned);
      add_count (builder, "held", plan->held);
      add_rate (builder, "fulfilment_rate", sl_plan_stats_fulfilment_rate (plan));
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);

  json_builder_set_member_name (builder, "compliance");
  json_builder_begin_array (builder);
  for (guint i = 0; i < self->compliance->len; i++)
    {
      const SlComplianceResult *result = g_ptr_array_index (self->compliance, i);

      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "rule");
      json_builder_add_string_value (builder, result->rule);
      json_builder_set_member_name (builder, "period");
      json_builder_add_string_value (builder, result->period);
      add_count (builder, "required", result->required);
      add_count (builder, "actual", result->actual);
      json_builder_set_member_name (builder, "status");
      json_builder_add_string_value (builder, sl_compliance_status_to_code (result->status));
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);

  /* Version 2: talks of the year, per member listed above. */
  json_builder_set_member_name (builder, "talks");
  json_builder_begin_array (builder);
  for (guint i = 0; i < self->members->len; i++)
    {
      const SlMemberStats *member = g_ptr_array_index (self->members, i);

      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "member");
      json_builder_add_string_value (builder, member->id);
      add_count (builder, "as_initiator", member->talks_as_initiator);
      add_count (builder, "as_counterpart", member->talks_as_counterpart);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);

  json_builder_end_object (builder);

  return json_builder_get_root (builder);
}
