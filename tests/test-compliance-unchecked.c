/* test-compliance-unchecked.c — rules with nothing to judge are not met
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A roster imported as it comes marks nobody as leadership or central
 * group; a bureau may not keep a topic pool or record its branches. The
 * rules that count those (one research topic per leadership member, ...)
 * then have nothing to count, and used to pass with 0 of 0. Here they
 * must say “cannot be checked” and what to fix: in the statistics, the
 * overview, the annual report and the command line's text; the JSON keeps
 * DESIGN.md's keys and says due or missed, never met.
 *
 * The ledger: 滨江市生态环境局党组 (party group, no branch recorded), two
 * members marked as nothing, one 党组会议 on 2023-03-01 with a first
 * topic; no central-group session, no topic-pool item.
 */

#include "config.h"

#include <json-glib/json-glib.h>
#include <string.h>
#include <sys/wait.h>

#include "sl-attendance.h"
#include "sl-document-types.h"
#include "sl-ledger.h"
#include "sl-ledger-tables.h"
#include "sl-meeting.h"
#include "sl-member.h"
#include "sl-organization.h"
#include "sl-overview.h"
#include "sl-statistics.h"
#include "sl-study.h"
#include "sl-table.h"
#include "sl-test-util.h"

typedef struct
{
  char     *folder;
  char     *path;
  SlLedger *ledger;
  char     *organization;
  SlMember *zhang;
} Fixture;

static SlMember *
add_member (Fixture    *fixture,
            const char *name,
            int         sort)
{
  g_autoptr(GError) error = NULL;
  SlMember *member = sl_member_new ();

  sl_member_set_name (member, name);
  sl_member_set_organization (member, fixture->organization);
  sl_member_set_joined_on (member, "2020-01-01");
  sl_member_set_sort (member, sort);
  g_assert_true (sl_ledger_save_member (fixture->ledger, member, &error));
  g_assert_no_error (error);
  return member;
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SlOrganization) organization = sl_organization_new ();
  g_autoptr(SlMeeting) meeting = sl_meeting_new ();
  g_autoptr(SlMember) wang = NULL;
  g_autoptr(SlStudy) study = sl_study_new ();
  SlMember *people[2];

  fixture->folder = make_temp_folder ("test-compliance-unchecked-XXXXXX");
  fixture->path = g_build_filename (fixture->folder, "ledger.db", NULL);
  fixture->ledger = sl_ledger_open (fixture->path, &error);
  g_assert_no_error (error);

  sl_organization_set_name (organization, "滨江市生态环境局党组");
  sl_organization_set_kind (organization, SL_ORGANIZATION_KIND_PARTY_GROUP);
  g_assert_true (sl_ledger_save_organization (fixture->ledger, organization, &error));
  g_assert_no_error (error);
  fixture->organization = g_strdup (sl_record_get_id (SL_RECORD (organization)));

  fixture->zhang = add_member (fixture, "张伟", 1);
  wang = add_member (fixture, "王芳", 2);
  people[0] = fixture->zhang;
  people[1] = wang;

  sl_meeting_set_organization (meeting, fixture->organization);
  sl_meeting_set_kind (meeting, SL_MEETING_KIND_PARTY_GROUP);
  sl_meeting_set_sequence (meeting, 1);
  sl_meeting_set_title (meeting, "局党组2023年第1次会议");
  sl_meeting_set_date (meeting, "2023-03-01");
  for (guint i = 0; i < G_N_ELEMENTS (people); i++)
    {
      g_autoptr(SlAttendance) row = sl_attendance_new ();

      sl_attendance_set_member (row, sl_record_get_id (SL_RECORD (people[i])));
      sl_attendance_set_status (row, SL_ATTENDANCE_STATUS_PRESENT);
      g_list_store_append (G_LIST_STORE (sl_meeting_get_attendance (meeting)), row);
    }
  sl_study_set_title (study, "学习贯彻党的二十大精神");
  sl_study_set_first_topic (study, TRUE);
  g_list_store_append (G_LIST_STORE (sl_meeting_get_studies (meeting)), study);
  g_assert_true (sl_ledger_save_meeting (fixture->ledger, meeting, SL_SAVE_REPLACE, &error));
  g_assert_no_error (error);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_clear_object (&fixture->zhang);
  if (fixture->ledger != NULL)
    g_assert_finalize_object (fixture->ledger);
  remove_tree (fixture->folder);
  g_free (fixture->organization);
  g_free (fixture->path);
  g_free (fixture->folder);
}

static SlStatistics *
compute (Fixture    *fixture,
         int         year,
         const char *today)
{
  g_autoptr(GError) error = NULL;
  SlStatistics *stats = sl_statistics_compute (sl_ledger_get_database (fixture->ledger), year, NULL,
                                               today, &error);

  g_assert_no_error (error);
  g_assert_nonnull (stats);
  return stats;
}

static const SlComplianceResult *
find_result (SlStatistics *stats,
             const char   *rule,
             const char   *period)
{
  for (guint i = 0; i < stats->compliance->len; i++)
    {
      const SlComplianceResult *result = g_ptr_array_index (stats->compliance, i);

      if (g_str_equal (result->rule, rule) && g_str_equal (result->period, period))
        return result;
    }
  g_error ("no result for %s %s", rule, period);
  return NULL;
}

static void
assert_unchecked (SlStatistics       *stats,
                  const char         *rule,
                  const char         *period,
                  const char         *code,
                  SlComplianceStatus  status)
{
  const SlComplianceResult *result = find_result (stats, rule, period);

  g_test_message ("%s %s", rule, period);
  g_assert_cmpstr (result->unchecked, ==, code);
  g_assert_cmpstr (sl_compliance_status_to_code (result->status), ==, sl_compliance_status_to_code (status));
  if (code != NULL)
    {
      g_assert_cmpuint (result->required, ==, 0);
      g_assert_cmpstr (sl_compliance_result_status_label (result), ==, "Cannot be checked");
      g_assert_true (g_str_has_prefix (sl_compliance_unchecked_to_label (code), "Cannot be checked: "));
    }
  else
    g_assert_cmpstr (sl_compliance_result_status_label (result), ==,
                     sl_compliance_status_to_label (result->status));
}

static void
test_statistics (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  /* After the year: not met, and not judged either. */
  {
    g_autoptr(SlStatistics) stats = compute (fixture, 2023, "2024-02-10");

    assert_unchecked (stats, "research_topic_per_leader", "2023", "no_leadership_members", SL_COMPLIANCE_MISSED);
    assert_unchecked (stats, "speech_per_central_group_member", "2023", "no_central_group_members",
                      SL_COMPLIANCE_MISSED);
    assert_unchecked (stats, "session_plan_approved", "2023", "no_central_group_sessions", SL_COMPLIANCE_MISSED);
    assert_unchecked (stats, "first_topic_timeliness", "2023", "no_topics_received", SL_COMPLIANCE_MISSED);
    assert_unchecked (stats, "branch_report_half_year", "2023-H1", "no_branches", SL_COMPLIANCE_MISSED);
    assert_unchecked (stats, "branch_report_half_year", "2023-H2", "no_branches", SL_COMPLIANCE_MISSED);
    /* What can be judged is judged as before. */
    assert_unchecked (stats, "first_topic_every_party_group_meeting", "2023", NULL, SL_COMPLIANCE_MET);
    assert_unchecked (stats, "central_group_per_year", "2023", NULL, SL_COMPLIANCE_MISSED);
    for (guint i = 0; i < stats->compliance->len; i++)
      {
        const SlComplianceResult *result = g_ptr_array_index (stats->compliance, i);

        /* Nothing met with nothing to judge. */
        if (result->required == 0)
          g_assert_nonnull (result->unchecked);
        if (result->unchecked != NULL)
          g_assert_cmpint (result->status, !=, SL_COMPLIANCE_MET);
      }
  }

  /* While the year lasts: due. */
  {
    g_autoptr(SlStatistics) stats = compute (fixture, 2023, "2023-05-01");

    assert_unchecked (stats, "research_topic_per_leader", "2023", "no_leadership_members", SL_COMPLIANCE_DUE);
    assert_unchecked (stats, "branch_report_half_year", "2023-H2", "no_branches", SL_COMPLIANCE_DUE);
  }

  /* A year without 党组会议: the first-topic rule cannot be judged. */
  {
    g_autoptr(SlStatistics) stats = compute (fixture, 2024, "2025-02-10");

    assert_unchecked (stats, "first_topic_every_party_group_meeting", "2024", "no_party_group_meetings",
                      SL_COMPLIANCE_MISSED);
  }

  /* Marked, the leader is counted: 1 required, 0 done, an honest miss. */
  sl_member_set_leadership (fixture->zhang, TRUE);
  sl_member_set_central_group (fixture->zhang, TRUE);
  g_assert_true (sl_ledger_save_member (fixture->ledger, fixture->zhang, &error));
  g_assert_no_error (error);
  {
    g_autoptr(SlStatistics) stats = compute (fixture, 2023, "2024-02-10");
    const SlComplianceResult *result = find_result (stats, "research_topic_per_leader", "2023");

    assert_unchecked (stats, "research_topic_per_leader", "2023", NULL, SL_COMPLIANCE_MISSED);
    assert_unchecked (stats, "speech_per_central_group_member", "2023", NULL, SL_COMPLIANCE_MISSED);
    g_assert_cmpuint (result->required, ==, 1);
    g_assert_cmpuint (result->actual, ==, 0);
  }
}

static const SlOverviewRule *
find_rule (SlOverview *overview,
           const char *rule)
{
  for (guint i = 0; i < overview->rules->len; i++)
    {
      const SlOverviewRule *each = g_ptr_array_index (overview->rules, i);

      if (g_str_equal (each->rule, rule))
        return each;
    }
  g_error ("no rule %s in the overview", rule);
  return NULL;
}

static void
test_overview (Fixture       *fixture,
               gconstpointer  data)
{
  g_autoptr(SlStatistics) stats = compute (fixture, 2023, "2024-02-10");
  g_autoptr(SlOverview) overview = sl_overview_new (stats);
  const SlOverviewRule *rule;

  rule = find_rule (overview, "research_topic_per_leader");
  g_assert_true (rule->check.unchecked);
  g_assert_cmpstr (rule->check.status_label, ==, "Cannot be checked");
  g_assert_cmpstr (rule->check.subtitle, ==, sl_compliance_unchecked_to_label ("no_leadership_members"));
  g_assert_nonnull (strstr (rule->check.subtitle, "leadership"));

  /* Two periods, neither judged: the rule as a whole is not either. */
  rule = find_rule (overview, "branch_report_half_year");
  g_assert_cmpuint (rule->periods->len, ==, 2);
  g_assert_true (rule->check.unchecked);
  g_assert_cmpstr (rule->check.status_label, ==, "Cannot be checked");
  g_assert_cmpstr (rule->check.subtitle, ==, sl_compliance_unchecked_to_label ("no_branches"));
  for (guint i = 0; i < rule->periods->len; i++)
    g_assert_true (((SlOverviewCheck *) g_ptr_array_index (rule->periods, i))->unchecked);

  rule = find_rule (overview, "first_topic_every_party_group_meeting");
  g_assert_false (rule->check.unchecked);
  g_assert_cmpstr (rule->check.status_label, ==, sl_compliance_status_to_label (SL_COMPLIANCE_MET));
}

/* The annual report's 七、制度落实情况: 状态 无法判断, 说明 what to fix. */
static void
test_annual_report (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) tables = NULL;
  SlDocumentRequest request = { 0 };
  SlTable *table = NULL;
  gboolean leaders = FALSE, met = FALSE;

  request.kind = SL_DOCUMENT_ANNUAL_REPORT;
  request.year = 2023;
  request.today = "2024-02-10";
  tables = sl_ledger_tables_build (fixture->ledger, &request, &error);
  g_assert_no_error (error);

  for (guint i = 0; i < tables->len; i++)
    if (g_strcmp0 (sl_table_get_name (g_ptr_array_index (tables, i)), "七、制度落实情况") == 0)
      table = g_ptr_array_index (tables, i);
  g_assert_nonnull (table);

  for (guint row = 0; row < sl_table_get_n_rows (table); row++)
    {
      g_autofree char *status = sl_cell_format (sl_table_get_cell (table, row, 5));
      g_autofree char *note = sl_cell_format (sl_table_get_cell (table, row, 6));

      if (note != NULL && g_str_has_prefix (note, "无法判断：未标记班子成员"))
        {
          g_assert_cmpstr (status, ==, "无法判断");
          leaders = TRUE;
        }
      if (g_strcmp0 (status, "达标") == 0)
        met = TRUE;
      if (g_strcmp0 (status, "无法判断") == 0)
        g_assert_true (note != NULL && g_str_has_prefix (note, "无法判断："));
    }
  g_assert_true (leaders);
  g_assert_true (met);
  g_assert_nonnull (strstr (sl_table_get_notes (table)[0], "无法判断"));
}

/* The real study-ledger: its text says so, its JSON keeps DESIGN.md's
 * form and never says met for what was not judged. */
static void
test_command_line (Fixture       *fixture,
                   gconstpointer  data)
{
  const char *cli = cli_path ();
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) env = g_get_environ ();
  JsonArray *compliance;
  gboolean found = FALSE;
  int status;

  if (cli == NULL)
    {
      g_test_skip ("STUDY_LEDGER is not set");
      return;
    }

  /* The command line opens the ledger itself. */
  g_clear_object (&fixture->zhang);
  g_assert_finalize_object (g_steal_pointer (&fixture->ledger));
  env = g_environ_setenv (env, "SL_TODAY", "2024-02-10", TRUE);
  env = g_environ_setenv (env, "LANGUAGE", "C", TRUE);
  env = g_environ_setenv (env, "LC_ALL", "C.UTF-8", TRUE);

  {
    const char *argv[] = { cli, "--database", fixture->path, "stats", "--year", "2023", NULL };

    status = spawn_captured (fixture->folder, env, NULL, argv, &out, &err);
    g_assert_true (WIFEXITED (status));
    g_assert_cmpint (WEXITSTATUS (status), ==, 0);
    g_assert_nonnull (strstr (out, "Cannot be checked"));
    g_assert_nonnull (strstr (out, sl_compliance_unchecked_to_label ("no_leadership_members")));
  }

  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);
  {
    const char *argv[] = { cli, "--database", fixture->path, "stats", "--year", "2023", "--json", NULL };

    status = spawn_captured (fixture->folder, env, NULL, argv, &out, &err);
    g_assert_true (WIFEXITED (status));
    g_assert_cmpint (WEXITSTATUS (status), ==, 0);
  }

  g_assert_true (json_parser_load_from_data (parser, out, -1, &error));
  g_assert_no_error (error);
  compliance = json_object_get_array_member (json_node_get_object (json_parser_get_root (parser)),
                                             "compliance");
  for (guint i = 0; i < json_array_get_length (compliance); i++)
    {
      JsonObject *result = json_array_get_object_element (compliance, i);

      /* DESIGN.md: { rule, period, required, actual, status }. */
      g_assert_cmpuint (json_object_get_size (result), ==, 5);
      if (g_str_equal (json_object_get_string_member (result, "rule"), "research_topic_per_leader"))
        {
          g_assert_cmpint (json_object_get_int_member (result, "required"), ==, 0);
          g_assert_cmpstr (json_object_get_string_member (result, "status"), ==, "missed");
          found = TRUE;
        }
      if (json_object_get_int_member (result, "required") == 0)
        g_assert_cmpstr (json_object_get_string_member (result, "status"), !=, "met");
    }
  g_assert_true (found);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add ("/compliance-unchecked/" path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("statistics", test_statistics);
  ADD ("overview", test_overview);
  ADD ("annual-report", test_annual_report);
  ADD ("command-line", test_command_line);
#undef ADD

  return g_test_run ();
}
