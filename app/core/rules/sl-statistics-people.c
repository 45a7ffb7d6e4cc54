/* sl-statistics-people.c — the rules and figures of archive version 2
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Rules (DESIGN.md, "Compliance rules"), each met when actual >= required,
 * otherwise due while its period lasts and missed after (as the others):
 *   central_group_ideology_per_year  YYYY     central-group sessions of the
 *       year flagged on_ideology; required central_group_ideology_per_year (2)
 *   first_topic_timeliness           YYYY     required: topic-pool items
 *       received in the year; actual: those whose first study came no more
 *       than timeliness_days (30) after received_on (day 30 is in time, day
 *       31 late; sl-topic-pool.c). An item received late in December can
 *       still be studied in time in January, so the period is judged to
 *       end timeliness_days after the year does.
 *   speech_per_central_group_member  YYYY     required: central-group
 *       members active during the year (joined on or before its last day,
 *       not left before its first); actual: those who spoke (speeches'
 *       speaker) at least speech_per_central_group_member (1) times at the
 *       year's central-group sessions
 *   branch_report_half_year          YYYY-H1, YYYY-H2  required: the
 *       branches (kind branch) under the organization, at any depth, or
 *       every branch when no organization is given; actual: those with
 *       branch_report_half_year (1) reports for that period
 *   session_plan_approved            YYYY     required: central-group
 *       sessions of the year; actual: those with a session plan (学习方案)
 *       approved on or before the session's date
 * A rule with nobody or nothing to count (no central-group member marked,
 * no pool item received, no branch recorded, no central-group session) is
 * unchecked (sl_statistics_mark_unchecked()), not met.
 * Figures per member: training_hours, the hours of the year's training
 * meetings the member attended as present (leave and make-up add none),
 * and the talks of the year the member held or was the counterpart of.
 */

#define G_LOG_DOMAIN "sl-statistics"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "sl-statistics-private.h"
#include "sl-util.h"

static SlMemberStats *
find_member (Query      *query,
             const char *id)
{
  for (guint i = 0; i < query->stats->members->len; i++)
    {
      SlMemberStats *member = g_ptr_array_index (query->stats->members, i);

      if (g_strcmp0 (member->id, id) == 0)
        return member;
    }

  return NULL;
}

static gboolean
check_ideology (Query   *query,
                GError **error)
{
  sqlite3_stmt *stmt;
  guint count = 0;
  int rc;

  stmt = sl_database_prepare (query->database,
                              "SELECT count (*) FROM meetings "
                              "WHERE year = ?1 AND (?2 IS NULL OR organization_id = ?2) "
                              "  AND kind = 'central_group' AND on_ideology",
                              error);
  if (stmt == NULL)
    return FALSE;

  sl_statistics_bind_scope (query, stmt);
  if ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      count = sqlite3_column_int (stmt, 0);
      rc = SQLITE_DONE;
    }
  sqlite3_reset (stmt);
  if (!sl_statistics_finish_rows (query, rc, error))
    return FALSE;

  sl_statistics_add_result (query, "central_group_ideology_per_year",
                            g_strdup_printf ("%d", query->stats->year),
                            query->first_day, query->last_day,
                            query->stats->rules.central_group_ideology_per_year, count);
  return TRUE;
}

static gboolean
check_session_plans (Query   *query,
                     GError **error)
{
  return sl_statistics_check_per_meeting (query, "session_plan_approved",
                                          "SELECT date, title, has_session_plan AND session_approved_on IS NOT NULL"
                                          "  AND session_approved_on <= date "
                                          "FROM meetings "
                                          "WHERE year = ?1 AND (?2 IS NULL OR organization_id = ?2)"
                                          "  AND kind = 'central_group' "
                                          "ORDER BY date, id",
                                          "no_central_group_sessions", error);
}

static gboolean
check_timeliness (Query   *query,
                  GError **error)
{
  g_autoptr(GPtrArray) missing = g_ptr_array_new_with_free_func (g_free);
  int days = query->stats->rules.timeliness_days;
  g_autoptr(GDate) end = g_date_new_dmy (31, G_DATE_DECEMBER, query->stats->year);
  SlComplianceResult *result;
  sqlite3_stmt *stmt;
  guint required = 0, actual = 0;
  char ends_on[11];
  int rc;

  /* Each item's first study found by studies_topic: the items received in
   * the year only, not a grouping of every study of the ledger. */
  stmt = sl_database_prepare (query->database,
                              "SELECT received_on, title, first,"
                              "  first IS NOT NULL AND julianday (first) - julianday (received_on) <= ?5 "
                              "FROM (SELECT t.id, t.received_on, t.title,"
                              "        (SELECT min (m.date) FROM studies s"
                              "         JOIN meetings m ON m.id = s.meeting_id"
                              "         WHERE s.topic_id = t.id) AS first"
                              "      FROM topics t"
                              "      WHERE t.received_on >= ?3 AND t.received_on <= ?4"
                              "        AND (?2 IS NULL OR t.organization_id = ?2)) "
                              "ORDER BY received_on, id",
                              error);
  if (stmt == NULL)
    return FALSE;

  sl_statistics_bind_scope (query, stmt);
  sqlite3_bind_int (stmt, 5, days);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      const char *title = sl_column_text (stmt, 1);

      required++;
      if (sqlite3_column_int (stmt, 3))
        actual++;
      else if (sl_column_text (stmt, 2) != NULL)
        g_ptr_array_add (missing, g_strdup_printf (_("%s %s: studied late, on %s"),
                                                   sl_column_text (stmt, 0), title ? title : "",
                                                   sl_column_text (stmt, 2)));
      else
        g_ptr_array_add (missing, g_strdup_printf (_("%s %s: not studied"),
                                                   sl_column_text (stmt, 0), title ? title : ""));
    }
  sqlite3_reset (stmt);
  if (!sl_statistics_finish_rows (query, rc, error))
    return FALSE;

  g_date_add_days (end, MAX (days, 0));
  g_snprintf (ends_on, sizeof ends_on, "%04d-%02d-%02d", g_date_get_year (end),
              g_date_get_month (end), g_date_get_day (end));

  result = sl_statistics_add_result (query, "first_topic_timeliness",
                                     g_strdup_printf ("%d", query->stats->year),
                                     query->first_day, ends_on, required, actual);
  g_ptr_array_extend_and_steal (result->missing, g_steal_pointer (&missing));
  if (required == 0)
    sl_statistics_mark_unchecked (query, result, "no_topics_received");
  return TRUE;
}

static gboolean
check_speeches (Query   *query,
                GError **error)
{
  /* The central group of an organization: its central-group members, and
   * those who sit in its meetings that year (as for research topics).
   * The year's speeches are counted once, from its meetings
   * (meetings_year, speeches_meeting): counted per member from their
   * speeches, each member's whole history was read, a year's check that
   * grew with the ledger (docs/performance.md). */
  return sl_statistics_check_per_person (query, "speech_per_central_group_member",
                                         "SELECT m.name, coalesce (spoken.n, 0) "
                                         "FROM members m LEFT JOIN ("
                                         "  SELECT s.speaker_id AS id, count (*) AS n"
                                         "  FROM meetings mt CROSS JOIN speeches s ON s.meeting_id = mt.id"
                                         "  WHERE mt.year = ?1 AND mt.kind = 'central_group'"
                                         "    AND (?2 IS NULL OR mt.organization_id = ?2)"
                                         "  GROUP BY s.speaker_id) spoken ON spoken.id = m.id "
                                         "WHERE m.central_group"
                                         "  AND (m.joined_on IS NULL OR m.joined_on <= ?4)"
                                         "  AND (m.left_on IS NULL OR m.left_on >= ?3)"
                                         "  AND (?2 IS NULL OR m.organization_id = ?2"
                                         "       OR EXISTS (SELECT 1 FROM attendance a"
                                         "                  JOIN meetings mt ON mt.id = a.meeting_id"
                                         "                  WHERE a.member_id = m.id AND mt.year = ?1"
                                         "                    AND mt.organization_id = ?2)) "
                                         "ORDER BY m.sort, m.id",
                                         query->stats->rules.speech_per_central_group_member,
                                         "no_central_group_members", error);
}

static gboolean
check_branch_reports (Query   *query,
                      GError **error)
{
  int year = query->stats->year;

  for (int h = 1; h <= 2; h++)
    {
      g_autoptr(GPtrArray) missing = g_ptr_array_new_with_free_func (g_free);
      g_autofree char *period = g_strdup_printf ("%04d-H%d", year, h);
      SlComplianceResult *result;
      char starts_on[11], ends_on[11];
      sqlite3_stmt *stmt;
      guint required = 0, actual = 0;
      int rc;

      g_snprintf (starts_on, sizeof starts_on, "%04d-%s", year, h == 1 ? "01-01" : "07-01");
      g_snprintf (ends_on, sizeof ends_on, "%04d-%s", year, h == 1 ? "06-30" : "12-31");

      stmt = sl_database_prepare (query->database,
                                  "WITH RECURSIVE under (id) AS ("
                                  "  SELECT id FROM organizations WHERE parent_id = ?2"
                                  "  UNION SELECT o.id FROM organizations o JOIN under u ON o.parent_id = u.id) "
                                  "SELECT o.name, (SELECT count (*) FROM branch_reports r"
                                  "                WHERE r.organization_id = o.id AND r.period = ?5) "
                                  "FROM organizations o "
                                  "WHERE o.kind = 'branch' AND (?2 IS NULL OR o.id IN under) "
                                  "ORDER BY o.name, o.id",
                                  error);
      if (stmt == NULL)
        return FALSE;

      sl_statistics_bind_scope (query, stmt);
      sl_bind_text (stmt, 5, period);
      while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
        {
          required++;
          if ((guint) sqlite3_column_int (stmt, 1) >= (guint) query->stats->rules.branch_report_half_year)
            actual++;
          else
            g_ptr_array_add (missing, g_strdup (sl_column_text (stmt, 0)));
        }
      sqlite3_reset (stmt);
      if (!sl_statistics_finish_rows (query, rc, error))
        return FALSE;

      result = sl_statistics_add_result (query, "branch_report_half_year", g_steal_pointer (&period),
                                         starts_on, ends_on, required, actual);
      g_ptr_array_extend_and_steal (result->missing, g_steal_pointer (&missing));
      if (required == 0)
        sl_statistics_mark_unchecked (query, result, "no_branches");
    }

  return TRUE;
}

static gboolean
count_training_hours (Query   *query,
                      GError **error)
{
  sqlite3_stmt *stmt;
  int rc;

  stmt = sl_database_prepare (query->database,
                              "SELECT mb.uuid, total (m.hours) "
                              "FROM attendance a JOIN meetings m ON m.id = a.meeting_id"
                              "  JOIN members mb ON mb.id = a.member_id "
                              "WHERE m.year = ?1 AND (?2 IS NULL OR m.organization_id = ?2)"
                              "  AND m.kind = 'training' AND a.status = 'present' "
                              "GROUP BY a.member_id",
                              error);
  if (stmt == NULL)
    return FALSE;

  sl_statistics_bind_scope (query, stmt);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      SlMemberStats *member = find_member (query, sl_column_text (stmt, 0));

      if (member != NULL)
        member->training_hours = sqlite3_column_double (stmt, 1);
    }
  sqlite3_reset (stmt);

  return sl_statistics_finish_rows (query, rc, error);
}

static gboolean
count_talks (Query   *query,
             GError **error)
{
  sqlite3_stmt *stmt;
  int rc;

  stmt = sl_database_prepare (query->database,
                              "SELECT mb.uuid, sum (t.initiator_id IS mb.id), sum (t.counterpart_id IS mb.id) "
                              "FROM talks t JOIN members mb"
                              "  ON mb.id = t.initiator_id OR mb.id = t.counterpart_id "
                              "WHERE t.date >= ?3 AND t.date <= ?4 "
                              "GROUP BY mb.id",
                              error);
  if (stmt == NULL)
    return FALSE;

  sl_statistics_bind_scope (query, stmt);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      SlMemberStats *member = find_member (query, sl_column_text (stmt, 0));

      if (member != NULL)
        {
          member->talks_as_initiator = sqlite3_column_int (stmt, 1);
          member->talks_as_counterpart = sqlite3_column_int (stmt, 2);
        }
    }
  sqlite3_reset (stmt);

  return sl_statistics_finish_rows (query, rc, error);
}

gboolean
sl_statistics_check_people (Query   *query,
                            GError **error)
{
  return check_ideology (query, error) &&
         check_timeliness (query, error) &&
         check_speeches (query, error) &&
         check_branch_reports (query, error) &&
         check_session_plans (query, error) &&
         count_training_hours (query, error) &&
         count_talks (query, error);
}
