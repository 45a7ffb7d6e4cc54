/* test-statistics.c — a hand-built year and the figures worked out by hand
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The year 2023 of one 党组 (A) and one branch (B):
 *
 *   # date        org kind                first topic  张伟 王芳 李娜 刘洋 孙堃
 *   1 2023-01-10  A   central_group       -            P    P    .    P    L+
 *   2 2023-02-20  A   party_group         yes          P    A    .    L    P
 *   3 2023-03-01  B   branch_assembly     -            .    .    .    .    P
 *   4 2023-04-05  A   central_group       -            P    L+   .    P    P
 *   5 2023-06-30  A   ideology            -            P    P    .    P    .
 *   6 2023-07-01  A   situation_analysis  -            P    P    P    .    .
 *   7 2023-08-15  A   party_group         no           P    P    A+   .    P
 *   8 2023-12-31  A   central_group       -            P    P    P    .    A
 *   and 2022-12-31 A central_group with 张伟 present (another year).
 *
 *   P present, L leave, A absent, + with a make-up study, . not expected.
 *   李娜 joined on 2023-07-01, 刘洋 left on 2023-06-30, 陈静 (branch B) is
 *   on the roster all year and expected nowhere, 赵磊 left in 2021.
 *   Leaders: 张伟, 王芳, 孙堃; research topics in 2023: 张伟 and 孙堃 (王芳's
 *   is from 2022). The 2023 plan has four items: meetings 1 and 4 name two
 *   of them.
 */

#include "config.h"

#include <glib/gstdio.h>
#include <math.h>

#include "sl-attendance.h"
#include "sl-ledger.h"
#include "sl-meeting.h"
#include "sl-member.h"
#include "sl-organization.h"
#include "sl-plan.h"
#include "sl-plan-item.h"
#include "sl-research-topic.h"
#include "sl-rules.h"
#include "sl-statistics.h"
#include "sl-study.h"
#include "sl-test-util.h"

typedef struct
{
  char           *folder;
  SlLedger       *ledger;
  SlOrganization *a;
  SlOrganization *b;
  SlMember       *zhang, *wang, *li, *liu, *chen, *zhao, *sun;
  SlPlanItem     *items[4];
} Fixture;

static SlOrganization *
add_organization (Fixture            *fixture,
                  const char         *name,
                  SlOrganizationKind  kind)
{
  g_autoptr(GError) error = NULL;
  SlOrganization *organization = sl_organization_new ();

  sl_organization_set_name (organization, name);
  sl_organization_set_kind (organization, kind);
  sl_ledger_save_organization (fixture->ledger, organization, &error);
  g_assert_no_error (error);

  return organization;
}

static SlMember *
add_member (Fixture        *fixture,
            const char     *name,
            SlOrganization *organization,
            gboolean        leadership,
            const char     *joined_on,
            const char     *left_on,
            int             sort)
{
  g_autoptr(GError) error = NULL;
  SlMember *member = sl_member_new ();

  sl_member_set_name (member, name);
  sl_member_set_organization (member, sl_record_get_id (SL_RECORD (organization)));
  sl_member_set_leadership (member, leadership);
  sl_member_set_joined_on (member, joined_on);
  sl_member_set_left_on (member, left_on);
  sl_member_set_sort (member, sort);
  sl_ledger_save_member (fixture->ledger, member, &error);
  g_assert_no_error (error);

  return member;
}

/* @marks: one character per member of the table above, in its order. */
static void
add_meeting (Fixture        *fixture,
             SlOrganization *organization,
             SlMeetingKind   kind,
             const char     *date,
             gboolean        first_topic,
             SlPlanItem     *plan_item,
             const char     *marks,
             const char     *makeups)
{
  SlMember *people[] = { fixture->zhang, fixture->wang, fixture->li, fixture->liu, fixture->sun };
  g_autoptr(SlMeeting) meeting = sl_meeting_new ();
  g_autoptr(GError) error = NULL;

  sl_meeting_set_organization (meeting, sl_record_get_id (SL_RECORD (organization)));
  sl_meeting_set_kind (meeting, kind);
  sl_meeting_set_date (meeting, date);
  sl_meeting_set_title (meeting, date);
  if (plan_item != NULL)
    sl_meeting_set_plan_item (meeting, sl_record_get_id (SL_RECORD (plan_item)));

  if (kind == SL_MEETING_KIND_PARTY_GROUP)
    {
      g_autoptr(SlStudy) study = sl_study_new ();

      sl_study_set_title (study, "习近平总书记重要讲话");
      sl_study_set_first_topic (study, first_topic);
      g_list_store_append (G_LIST_STORE (sl_meeting_get_studies (meeting)), study);
    }

  for (guint i = 0; i < G_N_ELEMENTS (people); i++)
    {
      g_autoptr(SlAttendance) row = NULL;

      if (marks[i] == '.')
        continue;

      row = sl_attendance_new ();
      sl_attendance_set_member (row, sl_record_get_id (SL_RECORD (people[i])));
      sl_attendance_set_status (row, marks[i] == 'P' ? SL_ATTENDANCE_STATUS_PRESENT
                                     : marks[i] == 'L' ? SL_ATTENDANCE_STATUS_LEAVE
                                     : SL_ATTENDANCE_STATUS_ABSENT);
      if (makeups[i] == '+')
        {
          sl_attendance_set_has_makeup (row, TRUE);
          sl_attendance_set_makeup_on (row, date);
          sl_attendance_set_makeup_method (row, "自学");
        }
      g_list_store_append (G_LIST_STORE (sl_meeting_get_attendance (meeting)), row);
    }

  sl_ledger_save_meeting (fixture->ledger, meeting, SL_SAVE_REPLACE, &error);
  g_assert_no_error (error);
}

static void
add_topic (Fixture    *fixture,
           SlMember   *lead,
           int         year)
{
  g_autoptr(SlResearchTopic) topic = sl_research_topic_new ();
  g_autoptr(GError) error = NULL;

  sl_research_topic_set_organization (topic, sl_record_get_id (SL_RECORD (fixture->a)));
  sl_research_topic_set_year (topic, year);
  sl_research_topic_set_lead (topic, sl_record_get_id (SL_RECORD (lead)));
  sl_research_topic_set_title (topic, "调研课题");
  sl_ledger_save_research_topic (fixture->ledger, topic, &error);
  g_assert_no_error (error);
}

static void
add_plan (Fixture *fixture)
{
  g_autoptr(SlPlan) plan = sl_plan_new ();
  g_autoptr(SlPlan) old_plan = sl_plan_new ();
  g_autoptr(GError) error = NULL;

  sl_plan_set_organization (plan, sl_record_get_id (SL_RECORD (fixture->a)));
  sl_plan_set_year (plan, 2023);
  sl_plan_set_title (plan, "2023年度理论学习中心组学习计划");
  for (guint i = 0; i < G_N_ELEMENTS (fixture->items); i++)
    {
      fixture->items[i] = sl_plan_item_new ();
      sl_plan_item_set_month (fixture->items[i], 2 * i + 1);
      sl_plan_item_set_status (fixture->items[i], i == 2 ? SL_PLAN_ITEM_STATUS_CANCELLED
                                                         : SL_PLAN_ITEM_STATUS_PLANNED);
      g_list_store_append (G_LIST_STORE (sl_plan_get_items (plan)), fixture->items[i]);
    }
  sl_ledger_save_plan (fixture->ledger, plan, SL_SAVE_REPLACE, &error);
  g_assert_no_error (error);

  /* Another year's plan is not counted. */
  sl_plan_set_organization (old_plan, sl_record_get_id (SL_RECORD (fixture->a)));
  sl_plan_set_year (old_plan, 2022);
  sl_ledger_save_plan (fixture->ledger, old_plan, SL_SAVE_REPLACE, &error);
  g_assert_no_error (error);
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;

  fixture->folder = make_temp_folder ("test-statistics-XXXXXX");
  path = g_build_filename (fixture->folder, "ledger.db", NULL);
  fixture->ledger = sl_ledger_open (path, &error);
  g_assert_no_error (error);

  fixture->a = add_organization (fixture, "某某局党组", SL_ORGANIZATION_KIND_PARTY_GROUP);
  fixture->b = add_organization (fixture, "机关第一党支部", SL_ORGANIZATION_KIND_BRANCH);

  fixture->zhang = add_member (fixture, "张伟", fixture->a, TRUE, NULL, NULL, 1);
  fixture->wang = add_member (fixture, "王芳", fixture->a, TRUE, NULL, NULL, 2);
  fixture->li = add_member (fixture, "李娜", fixture->a, FALSE, "2023-07-01", NULL, 3);
  fixture->liu = add_member (fixture, "刘洋", fixture->a, FALSE, NULL, "2023-06-30", 4);
  fixture->chen = add_member (fixture, "陈静", fixture->b, FALSE, NULL, NULL, 5);
  fixture->zhao = add_member (fixture, "赵磊", fixture->a, FALSE, NULL, "2021-12-31", 6);
  fixture->sun = add_member (fixture, "孙堃", fixture->b, TRUE, NULL, NULL, 7);

  add_plan (fixture);

  /*                                                                            张王李刘孙 */
  add_meeting (fixture, fixture->a, SL_MEETING_KIND_CENTRAL_GROUP, "2022-12-31", FALSE, NULL, "P....", ".....");
  add_meeting (fixture, fixture->a, SL_MEETING_KIND_CENTRAL_GROUP, "2023-01-10", FALSE, fixture->items[0], "PP.PL", "....+");
  add_meeting (fixture, fixture->a, SL_MEETING_KIND_PARTY_GROUP, "2023-02-20", TRUE, NULL, "PA.LP", ".....");
  add_meeting (fixture, fixture->b, SL_MEETING_KIND_BRANCH_ASSEMBLY, "2023-03-01", FALSE, NULL, "....P", ".....");
  add_meeting (fixture, fixture->a, SL_MEETING_KIND_CENTRAL_GROUP, "2023-04-05", FALSE, fixture->items[1], "PL.PP", ".+...");
  add_meeting (fixture, fixture->a, SL_MEETING_KIND_IDEOLOGY, "2023-06-30", FALSE, NULL, "PP.P.", ".....");
  add_meeting (fixture, fixture->a, SL_MEETING_KIND_SITUATION_ANALYSIS, "2023-07-01", FALSE, NULL, "PPP..", ".....");
  add_meeting (fixture, fixture->a, SL_MEETING_KIND_PARTY_GROUP, "2023-08-15", FALSE, NULL, "PPA.P", "..+..");
  add_meeting (fixture, fixture->a, SL_MEETING_KIND_CENTRAL_GROUP, "2023-12-31", FALSE, NULL, "PPP.A", ".....");

  add_topic (fixture, fixture->zhang, 2023);
  add_topic (fixture, fixture->wang, 2022);
  add_topic (fixture, fixture->sun, 2023);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_clear_object (&fixture->zhang);
  g_clear_object (&fixture->wang);
  g_clear_object (&fixture->li);
  g_clear_object (&fixture->liu);
  g_clear_object (&fixture->chen);
  g_clear_object (&fixture->zhao);
  g_clear_object (&fixture->sun);
  for (guint i = 0; i < G_N_ELEMENTS (fixture->items); i++)
    g_clear_object (&fixture->items[i]);
  g_clear_object (&fixture->a);
  g_clear_object (&fixture->b);
  g_clear_object (&fixture->ledger);
  remove_tree (fixture->folder);
  g_free (fixture->folder);
}

static const SlMemberStats *
find_member (SlStatistics *stats,
             SlMember     *member)
{
  for (guint i = 0; i < stats->members->len; i++)
    {
      const SlMemberStats *each = g_ptr_array_index (stats->members, i);
      if (g_strcmp0 (each->id, sl_record_get_id (SL_RECORD (member))) == 0)
        return each;
    }
  return NULL;
}

static void
assert_member (SlStatistics *stats,
               SlMember     *member,
               guint         expected,
               guint         present,
               guint         leave,
               guint         absent,
               guint         made_up)
{
  const SlMemberStats *found = find_member (stats, member);

  g_assert_nonnull (found);
  g_assert_cmpstr (found->name, ==, sl_member_get_name (member));
  g_assert_cmpuint (found->expected, ==, expected);
  g_assert_cmpuint (found->present, ==, present);
  g_assert_cmpuint (found->leave, ==, leave);
  g_assert_cmpuint (found->absent, ==, absent);
  g_assert_cmpuint (found->made_up, ==, made_up);

  if (expected == 0)
    {
      g_assert_true (isnan (sl_member_stats_attendance_rate (found)));
      g_assert_true (isnan (sl_member_stats_participation_rate (found)));
    }
  else
    {
      g_assert_cmpfloat_with_epsilon (sl_member_stats_attendance_rate (found),
                                      (double) present / expected, 1e-12);
      g_assert_cmpfloat_with_epsilon (sl_member_stats_participation_rate (found),
                                      (double) (present + made_up) / expected, 1e-12);
    }
}

static const SlComplianceResult *
find_rule (SlStatistics *stats,
           const char   *rule,
           const char   *period)
{
  for (guint i = 0; i < stats->compliance->len; i++)
    {
      const SlComplianceResult *result = g_ptr_array_index (stats->compliance, i);
      if (g_str_equal (result->rule, rule) && g_str_equal (result->period, period))
        return result;
    }
  return NULL;
}

static void
assert_rule (SlStatistics       *stats,
             const char         *rule,
             const char         *period,
             guint               required,
             guint               actual,
             SlComplianceStatus  status)
{
  const SlComplianceResult *result = find_rule (stats, rule, period);

  g_assert_nonnull (result);
  g_assert_cmpuint (result->required, ==, required);
  g_assert_cmpuint (result->actual, ==, actual);
  g_assert_cmpstr (sl_compliance_status_to_code (result->status), ==,
                   sl_compliance_status_to_code (status));
}

static SlStatistics *
compute (Fixture        *fixture,
         SlOrganization *organization,
         const char     *today)
{
  g_autoptr(GError) error = NULL;
  SlStatistics *stats;

  stats = sl_statistics_compute (sl_ledger_get_database (fixture->ledger), 2023,
                                 organization ? sl_record_get_id (SL_RECORD (organization)) : NULL,
                                 today, &error);
  g_assert_no_error (error);
  g_assert_nonnull (stats);

  return stats;
}

static void
test_members_all_organizations (Fixture       *fixture,
                                gconstpointer  data)
{
  g_autoptr(SlStatistics) stats = compute (fixture, NULL, "2023-07-15");

  /*                                        exp pres leave abs made */
  assert_member (stats, fixture->zhang, 7, 7, 0, 0, 0);
  assert_member (stats, fixture->wang,  7, 5, 1, 1, 1);
  assert_member (stats, fixture->li,    3, 2, 0, 1, 1);
  assert_member (stats, fixture->liu,   4, 3, 1, 0, 0);
  assert_member (stats, fixture->chen,  0, 0, 0, 0, 0);
  assert_member (stats, fixture->sun,   6, 4, 1, 1, 1);

  /* 赵磊 left in 2021 and has nothing in 2023. */
  g_assert_null (find_member (stats, fixture->zhao));
  g_assert_cmpuint (stats->members->len, ==, 6);

  /* Roster order. */
  g_assert_cmpstr (((SlMemberStats *) g_ptr_array_index (stats->members, 0))->name, ==, "张伟");
  g_assert_cmpstr (((SlMemberStats *) g_ptr_array_index (stats->members, 5))->name, ==, "孙堃");

  g_assert_cmpuint (stats->meetings_total, ==, 8);
  g_assert_cmpuint (stats->meetings_by_kind[SL_MEETING_KIND_CENTRAL_GROUP], ==, 3);
  g_assert_cmpuint (stats->meetings_by_month[11][SL_MEETING_KIND_CENTRAL_GROUP], ==, 1);
}

static void
test_members_one_organization (Fixture       *fixture,
                               gconstpointer  data)
{
  g_autoptr(SlStatistics) stats = compute (fixture, fixture->a, "2023-07-15");

  /* The branch assembly is not the 党组's: 孙堃 loses one present. */
  assert_member (stats, fixture->sun, 5, 3, 1, 1, 1);
  assert_member (stats, fixture->zhang, 7, 7, 0, 0, 0);
  /* 陈静 is the branch's, and in none of the 党组's meetings. */
  g_assert_null (find_member (stats, fixture->chen));
}

static void
test_plans (Fixture       *fixture,
            gconstpointer  data)
{
  g_autoptr(SlStatistics) stats = compute (fixture, NULL, "2023-07-15");
  const SlPlanStats *plan;

  g_assert_cmpuint (stats->plans->len, ==, 1);
  plan = g_ptr_array_index (stats->plans, 0);
  g_assert_cmpstr (plan->title, ==, "2023年度理论学习中心组学习计划");
  g_assert_cmpuint (plan->planned, ==, 4);
  g_assert_cmpuint (plan->held, ==, 2);
  g_assert_cmpfloat_with_epsilon (sl_plan_stats_fulfilment_rate (plan), 0.5, 1e-12);
}

static void
test_compliance_mid_year (Fixture       *fixture,
                          gconstpointer  data)
{
  g_autoptr(SlStatistics) stats = compute (fixture, NULL, "2023-07-15");

  assert_rule (stats, "central_group_per_year", "2023", 6, 3, SL_COMPLIANCE_DUE);
  assert_rule (stats, "central_group_bimonthly", "2023-B1", 1, 1, SL_COMPLIANCE_MET);
  assert_rule (stats, "central_group_bimonthly", "2023-B2", 1, 1, SL_COMPLIANCE_MET);
  assert_rule (stats, "central_group_bimonthly", "2023-B3", 1, 0, SL_COMPLIANCE_MISSED);
  assert_rule (stats, "central_group_bimonthly", "2023-B4", 1, 0, SL_COMPLIANCE_DUE);
  assert_rule (stats, "central_group_bimonthly", "2023-B5", 1, 0, SL_COMPLIANCE_DUE);
  assert_rule (stats, "central_group_bimonthly", "2023-B6", 1, 1, SL_COMPLIANCE_MET);
  assert_rule (stats, "ideology_half_year", "2023-H1", 1, 1, SL_COMPLIANCE_MET);
  assert_rule (stats, "ideology_half_year", "2023-H2", 1, 0, SL_COMPLIANCE_DUE);
  assert_rule (stats, "situation_analysis_half_year", "2023-H1", 1, 0, SL_COMPLIANCE_MISSED);
  assert_rule (stats, "situation_analysis_half_year", "2023-H2", 1, 1, SL_COMPLIANCE_MET);
  assert_rule (stats, "first_topic_every_party_group_meeting", "2023", 2, 1, SL_COMPLIANCE_DUE);
  assert_rule (stats, "research_topic_per_leader", "2023", 3, 2, SL_COMPLIANCE_DUE);
  /* Archive version 2's rules: no session on ideology, no pool, no
   * central-group members, branch B without reports. */
  assert_rule (stats, "central_group_ideology_per_year", "2023", 2, 0, SL_COMPLIANCE_DUE);
  /* Nothing to judge is not met (test-compliance-unchecked.c). */
  assert_rule (stats, "first_topic_timeliness", "2023", 0, 0, SL_COMPLIANCE_DUE);
  g_assert_cmpstr (find_rule (stats, "first_topic_timeliness", "2023")->unchecked, ==, "no_topics_received");
  assert_rule (stats, "speech_per_central_group_member", "2023", 0, 0, SL_COMPLIANCE_DUE);
  g_assert_cmpstr (find_rule (stats, "speech_per_central_group_member", "2023")->unchecked, ==,
                   "no_central_group_members");
  assert_rule (stats, "branch_report_half_year", "2023-H1", 1, 0, SL_COMPLIANCE_MISSED);
  assert_rule (stats, "branch_report_half_year", "2023-H2", 1, 0, SL_COMPLIANCE_DUE);
  assert_rule (stats, "session_plan_approved", "2023", 3, 0, SL_COMPLIANCE_DUE);
  g_assert_cmpuint (stats->compliance->len, ==, 19);

  g_assert_cmpuint (find_rule (stats, "research_topic_per_leader", "2023")->missing->len, ==, 1);
  g_assert_cmpstr (g_ptr_array_index (find_rule (stats, "research_topic_per_leader", "2023")->missing, 0),
                   ==, "王芳");
}

static void
test_compliance_after_the_year (Fixture       *fixture,
                                gconstpointer  data)
{
  g_autoptr(SlStatistics) stats = compute (fixture, NULL, "2024-01-10");

  assert_rule (stats, "central_group_per_year", "2023", 6, 3, SL_COMPLIANCE_MISSED);
  assert_rule (stats, "central_group_bimonthly", "2023-B4", 1, 0, SL_COMPLIANCE_MISSED);
  assert_rule (stats, "central_group_bimonthly", "2023-B6", 1, 1, SL_COMPLIANCE_MET);
  assert_rule (stats, "ideology_half_year", "2023-H2", 1, 0, SL_COMPLIANCE_MISSED);
  assert_rule (stats, "first_topic_every_party_group_meeting", "2023", 2, 1, SL_COMPLIANCE_MISSED);
  assert_rule (stats, "research_topic_per_leader", "2023", 3, 2, SL_COMPLIANCE_MISSED);
}

/* A period is over only after its last day; it begins on its first. */
static void
test_compliance_boundaries (Fixture       *fixture,
                            gconstpointer  data)
{
  {
    g_autoptr(SlStatistics) stats = compute (fixture, NULL, "2023-06-30");

    assert_rule (stats, "central_group_bimonthly", "2023-B3", 1, 0, SL_COMPLIANCE_DUE);
    assert_rule (stats, "situation_analysis_half_year", "2023-H1", 1, 0, SL_COMPLIANCE_DUE);
  }
  {
    g_autoptr(SlStatistics) stats = compute (fixture, NULL, "2023-07-01");

    assert_rule (stats, "central_group_bimonthly", "2023-B3", 1, 0, SL_COMPLIANCE_MISSED);
    assert_rule (stats, "situation_analysis_half_year", "2023-H1", 1, 0, SL_COMPLIANCE_MISSED);
  }
  {
    g_autoptr(SlStatistics) stats = compute (fixture, NULL, "2023-12-31");

    assert_rule (stats, "central_group_per_year", "2023", 6, 3, SL_COMPLIANCE_DUE);
  }
  {
    g_autoptr(SlStatistics) stats = compute (fixture, NULL, "2022-05-01");

    /* A year that has not begun is due, not missed. */
    assert_rule (stats, "central_group_bimonthly", "2023-B1", 1, 1, SL_COMPLIANCE_MET);
    assert_rule (stats, "central_group_bimonthly", "2023-B3", 1, 0, SL_COMPLIANCE_DUE);
  }
}

static void
test_thresholds_are_settings (Fixture       *fixture,
                              gconstpointer  data)
{
  SlDatabase *database = sl_ledger_get_database (fixture->ledger);
  g_autoptr(GError) error = NULL;
  SlRules rules;

  sl_rules_load (&rules, database);
  g_assert_cmpint (rules.central_group_per_year, ==, 6);
  g_assert_cmpfloat_with_epsilon (rules.attendance_threshold, 0.8, 1e-12);

  rules.central_group_per_year = 3;
  rules.attendance_threshold = 0.9;
  sl_rules_save (&rules, database, &error);
  g_assert_no_error (error);

  {
    g_autoptr(SlStatistics) stats = compute (fixture, NULL, "2024-01-10");

    assert_rule (stats, "central_group_per_year", "2023", 3, 3, SL_COMPLIANCE_MET);
    g_assert_cmpfloat_with_epsilon (stats->rules.attendance_threshold, 0.9, 1e-12);
  }
}

static void
test_json (Fixture       *fixture,
           gconstpointer  data)
{
  g_autoptr(SlStatistics) stats = compute (fixture, NULL, "2023-07-15");
  g_autoptr(JsonNode) root = sl_statistics_to_json (stats);
  JsonObject *object = json_node_get_object (root);
  JsonArray *members = json_object_get_array_member (object, "members");
  JsonObject *chen = NULL;
  JsonObject *wang = NULL;

  g_assert_cmpint (json_object_get_int_member (object, "year"), ==, 2023);
  for (guint i = 0; i < json_array_get_length (members); i++)
    {
      JsonObject *member = json_array_get_object_element (members, i);
      if (g_str_equal (json_object_get_string_member (member, "name"), "陈静"))
        chen = member;
      if (g_str_equal (json_object_get_string_member (member, "name"), "王芳"))
        wang = member;
    }

  g_assert_nonnull (chen);
  g_assert_true (json_object_get_null_member (chen, "attendance_rate"));
  g_assert_true (json_object_get_null_member (chen, "participation_rate"));
  g_assert_nonnull (wang);
  g_assert_cmpint (json_object_get_int_member (wang, "made_up"), ==, 1);
  g_assert_cmpfloat_with_epsilon (json_object_get_double_member (wang, "attendance_rate"), 5.0 / 7, 1e-12);
  g_assert_cmpfloat_with_epsilon (json_object_get_double_member (wang, "participation_rate"), 6.0 / 7, 1e-12);

  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (object, "compliance")), ==, 19);
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (object, "plans")), ==, 1);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add ("/statistics/" path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("members/all", test_members_all_organizations);
  ADD ("members/organization", test_members_one_organization);
  ADD ("plans", test_plans);
  ADD ("compliance/mid-year", test_compliance_mid_year);
  ADD ("compliance/after-the-year", test_compliance_after_the_year);
  ADD ("compliance/boundaries", test_compliance_boundaries);
  ADD ("rules", test_thresholds_are_settings);
  ADD ("json", test_json);

#undef ADD

  return g_test_run ();
}
