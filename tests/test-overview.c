/* test-overview.c — what the window shows, worked out without a display
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The overview's figures and sentences (sl-overview.c), the window's
 * queries (sl-ledger-queries.c), the measures list and marking one done
 * (sl-measure-entry.c), moving a member in the roster (sl-roster-order.c)
 * and a worker-thread import (sl-archive-async.c), on a ledger filled from the
 * example archive the program carries (resources/example-archive.json):
 * 2025 of a 党组 with two branches, and one meeting of 2024.
 */

#include "config.h"

#include <glib/gstdio.h>
#include <math.h>

#include "sl-archive.h"
#include "sl-ledger.h"
#include "sl-ledger-queries.h"
#include "sl-measure.h"
#include "sl-measure-entry.h"
#include "sl-member.h"
#include "sl-organization.h"
#include "sl-overview.h"
#include "sl-plan.h"
#include "sl-plan-item.h"
#include "sl-research-topic.h"
#include "sl-roster-order.h"
#include "sl-statistics.h"
#include "sl-archive-async.h"
#include "sl-backups-async.h"
#include "sl-ledger-async.h"
#include "sl-util.h"
#include "sl-test-util.h"

#define TODAY "2025-12-31"

typedef struct
{
  char     *folder;
  char     *path;
  SlLedger *ledger;
} Fixture;

static char *
example_archive_path (void)
{
  return g_test_build_filename (G_TEST_DIST, "..", "resources", "example-archive.json", NULL);
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *archive = example_archive_path ();

  fixture->folder = make_temp_folder ("test-overview-XXXXXX");
  fixture->path = g_build_filename (fixture->folder, "ledger.db", NULL);
  fixture->ledger = sl_ledger_open (fixture->path, &error);
  g_assert_no_error (error);

  sl_archive_import (fixture->ledger, archive, FALSE, NULL, &error);
  g_assert_no_error (error);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_assert_finalize_object (fixture->ledger);
  remove_tree (fixture->folder);
  g_free (fixture->path);
  g_free (fixture->folder);
}

static SlStatistics *
compute (Fixture *fixture,
         int      year)
{
  g_autoptr(GError) error = NULL;
  SlStatistics *stats = sl_statistics_compute (sl_ledger_get_database (fixture->ledger),
                                               year, NULL, TODAY, &error);
  g_assert_no_error (error);
  return stats;
}

static void
test_format (void)
{
  g_autofree char *none = sl_format_rate (NAN);
  g_autofree char *zero = sl_format_rate (0);
  g_autofree char *three_quarters = sl_format_rate (0.75);
  g_autofree char *tenths = sl_format_rate (25.0 / 27.0);
  g_autofree char *all = sl_format_rate (1);
  g_autofree char *almost = sl_format_rate (0.9996);

  g_assert_cmpstr (none, ==, "—");
  g_assert_cmpstr (zero, ==, "0%");
  g_assert_cmpstr (three_quarters, ==, "75%");
  g_assert_cmpstr (tenths, ==, "92.6%");
  g_assert_cmpstr (all, ==, "100%");
  g_assert_cmpstr (almost, ==, "100%");
}

static void
test_figures (Fixture       *fixture,
              gconstpointer  data)
{
  g_autoptr(SlStatistics) stats = compute (fixture, 2025);
  g_autoptr(SlOverview) overview = sl_overview_new (stats);
  guint expected = 0, present = 0, made_up = 0, planned = 0, held = 0, kinds = 0;
  g_autofree char *attendance = NULL;
  g_autofree char *participation = NULL;
  g_autofree char *total = NULL;

  /* Worked out here from the statistics, as the overview should. */
  for (guint i = 0; i < stats->members->len; i++)
    {
      SlMemberStats *member = g_ptr_array_index (stats->members, i);
      expected += member->expected;
      present += member->present;
      made_up += member->made_up;
    }
  for (guint i = 0; i < stats->plans->len; i++)
    {
      SlPlanStats *plan = g_ptr_array_index (stats->plans, i);
      planned += plan->planned;
      held += plan->held;
    }

  g_assert_cmpuint (overview->year, ==, 2025);
  g_assert_cmpuint (overview->meetings_total, ==, stats->meetings_total);
  g_assert_cmpuint (overview->meetings_total, ==, 15);
  total = g_strdup_printf ("%u", stats->meetings_total);
  g_assert_cmpstr (overview->meetings_text, ==, total);

  g_assert_cmpfloat_with_epsilon (overview->attendance_rate, (double) present / expected, 1e-12);
  g_assert_cmpfloat_with_epsilon (overview->participation_rate,
                                  (double) (present + made_up) / expected, 1e-12);
  attendance = sl_format_rate ((double) present / expected);
  participation = sl_format_rate ((double) (present + made_up) / expected);
  g_assert_cmpstr (overview->attendance_text, ==, attendance);
  g_assert_cmpstr (overview->participation_text, ==, participation);

  g_assert_cmpuint (planned, ==, 8);
  g_assert_cmpuint (held, ==, 6);
  g_assert_cmpfloat_with_epsilon (overview->fulfilment_rate, 0.75, 1e-12);
  g_assert_cmpstr (overview->fulfilment_text, ==, "75%");
  g_assert_cmpuint (overview->plans->len, ==, 1);

  g_assert_cmpuint (overview->measures_open, ==, stats->measures_open);
  g_assert_cmpuint (overview->measures_overdue, ==, stats->measures_overdue);
  g_assert_cmpuint (overview->measures_open, ==, 4);
  g_assert_cmpuint (overview->measures_overdue, ==, 3);

  /* Kinds held, each once, summing to the total; the chart's series too. */
  g_assert_cmpuint (overview->kinds->len, ==, overview->n_series);
  for (guint i = 0; i < overview->kinds->len; i++)
    {
      SlOverviewKind *kind = g_ptr_array_index (overview->kinds, i);
      guint monthly = 0;

      g_assert_cmpuint (kind->count, ==, stats->meetings_by_kind[kind->kind]);
      g_assert_cmpint (overview->series[i], ==, kind->kind);
      for (guint m = 0; m < 12; m++)
        monthly += overview->monthly[m][i];
      g_assert_cmpuint (monthly, ==, kind->count);
      kinds += kind->count;
    }
  g_assert_cmpuint (kinds, ==, stats->meetings_total);

  /* Members expected at least once, and those short of a rule. */
  for (guint i = 0; i < overview->members->len; i++)
    {
      SlOverviewMember *member = g_ptr_array_index (overview->members, i);
      g_assert_cmpuint (member->expected, >, 0);
    }
  g_assert_cmpuint (overview->flagged->len, ==, 3);
  g_assert_cmpstr (((SlOverviewMember *) g_ptr_array_index (overview->flagged, 0))->name, ==, "陈静");
  g_assert_nonnull (strstr (((SlOverviewMember *) g_ptr_array_index (overview->flagged, 0))->reason,
                            "78.6%"));
}

static const SlOverviewRule *
find_rule (SlOverview *overview,
           const char *code)
{
  for (guint i = 0; i < overview->rules->len; i++)
    {
      SlOverviewRule *rule = g_ptr_array_index (overview->rules, i);

      if (g_str_equal (rule->rule, code))
        return rule;
    }

  g_assert_not_reached ();
}

static void
test_rules (Fixture       *fixture,
            gconstpointer  data)
{
  g_autoptr(SlStatistics) stats = compute (fixture, 2025);
  g_autoptr(SlOverview) overview = sl_overview_new (stats);
  const SlOverviewRule *rule;
  guint results = 0;

  /* One entry per rule (six, and five of archive version 2), its
   * periods under it, every result once. */
  g_assert_cmpuint (overview->rules->len, ==, 11);
  for (guint i = 0; i < overview->rules->len; i++)
    {
      SlOverviewRule *each = g_ptr_array_index (overview->rules, i);

      g_assert_cmpstr (each->check.title, ==, sl_compliance_rule_to_label (each->rule));
      g_assert_cmpstr (each->check.status_label, ==,
                       each->check.unchecked ? "Cannot be checked"
                                             : sl_compliance_status_to_label (each->check.status));
      results += MAX (each->periods->len, 1);
    }
  g_assert_cmpuint (results, ==, stats->compliance->len);

  rule = find_rule (overview, "central_group_per_year");
  g_assert_cmpint (rule->check.status, ==, SL_COMPLIANCE_MET);
  g_assert_cmpuint (rule->periods->len, ==, 0);

  /* No session in July–August: the rule is missed, as a whole too. */
  rule = find_rule (overview, "central_group_bimonthly");
  g_assert_cmpuint (rule->periods->len, ==, 6);
  g_assert_cmpint (rule->check.status, ==, SL_COMPLIANCE_MISSED);
  g_assert_cmpint (((SlOverviewCheck *) g_ptr_array_index (rule->periods, 3))->status, ==,
                   SL_COMPLIANCE_MISSED);
  g_assert_cmpint (((SlOverviewCheck *) g_ptr_array_index (rule->periods, 0))->status, ==,
                   SL_COMPLIANCE_MET);

  rule = find_rule (overview, "situation_analysis_half_year");
  g_assert_cmpint (rule->check.status, ==, SL_COMPLIANCE_MET);

  /* What is missing is named. */
  rule = find_rule (overview, "research_topic_per_leader");
  g_assert_cmpint (rule->check.status, ==, SL_COMPLIANCE_DUE);
  g_assert_nonnull (strstr (rule->check.subtitle, "陈静"));
  g_assert_nonnull (strstr (rule->check.subtitle, "何旻"));

  rule = find_rule (overview, "first_topic_every_party_group_meeting");
  g_assert_nonnull (strstr (rule->check.subtitle, "2025-10-14"));
}

static void
test_empty_year (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autoptr(SlStatistics) stats = compute (fixture, 2019);
  g_autoptr(SlOverview) overview = sl_overview_new (stats);

  g_assert_cmpuint (overview->meetings_total, ==, 0);
  g_assert_true (isnan (overview->attendance_rate));
  g_assert_cmpstr (overview->attendance_text, ==, "—");
  g_assert_cmpstr (overview->fulfilment_text, ==, "—");
  g_assert_cmpuint (overview->kinds->len, ==, 0);
  g_assert_cmpuint (overview->n_series, ==, 0);
  g_assert_cmpuint (overview->members->len, ==, 0);
}

static void
test_years (Fixture       *fixture,
            gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) years = sl_ledger_query_years (fixture->ledger, &error);
  g_autoptr(GArray) shown = NULL;
  g_autoptr(GArray) again = NULL;

  g_assert_no_error (error);
  g_assert_cmpuint (years->len, ==, 2);
  g_assert_cmpint (g_array_index (years, int, 0), ==, 2025);
  g_assert_cmpint (g_array_index (years, int, 1), ==, 2024);

  /* This year and the year shown are always offered, once each. */
  shown = sl_years_for_selector (years, 2026, 2019);
  g_assert_cmpuint (shown->len, ==, 4);
  g_assert_cmpint (g_array_index (shown, int, 0), ==, 2026);
  g_assert_cmpint (g_array_index (shown, int, 3), ==, 2019);

  again = sl_years_for_selector (years, 2025, 2025);
  g_assert_cmpuint (again->len, ==, 2);
}

static void
test_plan_fulfilment (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GHashTable) held = sl_ledger_query_plan_fulfilment (fixture->ledger, 2025, &error);
  g_autoptr(GPtrArray) plans = sl_ledger_load_plans (fixture->ledger, 2025, &error);
  GListModel *items;
  g_autoptr(SlPlanItem) first = NULL;
  SlPlanFulfilment *fulfilment;

  g_assert_no_error (error);
  g_assert_cmpuint (g_hash_table_size (held), ==, 6);

  items = sl_plan_get_items (g_ptr_array_index (plans, 0));
  first = g_list_model_get_item (items, 0);
  fulfilment = g_hash_table_lookup (held, sl_record_get_id (SL_RECORD (first)));
  g_assert_nonnull (fulfilment);
  g_assert_cmpstr (fulfilment->date, ==, "2025-01-21");
  g_assert_cmpint (sl_ledger_query_meeting_year (fixture->ledger, fulfilment->meeting), ==, 2025);
  g_assert_cmpint (sl_ledger_query_meeting_year (fixture->ledger, "no such meeting"), ==, 0);
}

static void
test_research (Fixture       *fixture,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) topics = sl_ledger_load_research_topics (fixture->ledger, 2025, &error);
  g_autoptr(GPtrArray) leaders = sl_members_leaders_in_year (sl_ledger_get_members (fixture->ledger), 2025);
  g_autoptr(GPtrArray) missing = sl_research_missing_leaders (leaders, topics);
  g_autoptr(GPtrArray) leaders_2030 = sl_members_leaders_in_year (sl_ledger_get_members (fixture->ledger), 2030);

  g_assert_no_error (error);
  g_assert_cmpuint (topics->len, ==, 3);
  g_assert_cmpuint (leaders->len, ==, 6);
  g_assert_cmpuint (missing->len, ==, 3);
  g_assert_cmpstr (sl_member_get_name (g_ptr_array_index (missing, 0)), ==, "陈静");
  g_assert_cmpstr (sl_member_get_name (g_ptr_array_index (missing, 2)), ==, "何旻");

  /* 刘洋 left in 2025. */
  g_assert_cmpuint (leaders_2030->len, ==, 5);

  g_assert_nonnull (sl_ledger_query_default_organization (fixture->ledger));
  g_assert_cmpint (sl_organization_get_kind (sl_ledger_query_default_organization (fixture->ledger)),
                   ==, SL_ORGANIZATION_KIND_PARTY_GROUP);
}

static guint
count_matching (GPtrArray       *entries,
                const char      *owner,
                SlMeasureFilter  filter)
{
  guint n = 0;

  for (guint i = 0; i < entries->len; i++)
    n += sl_measure_entry_matches (g_ptr_array_index (entries, i), owner, filter);
  return n;
}

static void
test_measures (Fixture       *fixture,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) entries = sl_measure_entries_load (fixture->ledger, 2025, TODAY, &error);
  g_autoptr(GPtrArray) after = NULL;
  g_autoptr(SlStatistics) stats = compute (fixture, 2025);
  g_autoptr(SlStatistics) stats_after = NULL;
  SlMeasureEntry *overdue = NULL;
  const char *owner;

  g_assert_no_error (error);
  g_assert_cmpuint (entries->len, ==, 7);
  g_assert_cmpuint (count_matching (entries, NULL, SL_MEASURE_FILTER_ALL), ==, 7);
  g_assert_cmpuint (count_matching (entries, NULL, SL_MEASURE_FILTER_DONE), ==, 3);
  /* The same numbers as the statistics. */
  g_assert_cmpuint (count_matching (entries, NULL, SL_MEASURE_FILTER_UNFINISHED), ==, stats->measures_open);
  g_assert_cmpuint (count_matching (entries, NULL, SL_MEASURE_FILTER_OVERDUE), ==, stats->measures_overdue);
  g_assert_cmpuint (count_matching (entries, NULL, SL_MEASURE_FILTER_OPEN), ==, 2);
  g_assert_cmpuint (count_matching (entries, NULL, SL_MEASURE_FILTER_IN_PROGRESS), ==, 2);

  for (guint i = 0; i < entries->len && overdue == NULL; i++)
    if (sl_measure_entry_get_overdue (g_ptr_array_index (entries, i)))
      overdue = g_ptr_array_index (entries, i);
  g_assert_nonnull (overdue);
  g_assert_cmpstr (sl_measure_entry_get_meeting_date (overdue), ==, "2025-05-13");

  owner = sl_measure_get_owner (sl_measure_entry_get_measure (overdue));
  g_assert_cmpuint (count_matching (entries, owner, SL_MEASURE_FILTER_ALL), ==, 2);
  g_assert_cmpuint (count_matching (entries, owner, SL_MEASURE_FILTER_OVERDUE), ==, 1);

  /* A wrong day is refused, nothing written. */
  g_assert_false (sl_measure_entry_mark_done (fixture->ledger, sl_measure_entry_get_meeting (overdue),
                                              sl_record_get_id (SL_RECORD (sl_measure_entry_get_measure (overdue))),
                                              "2025-13-01", "x", &error));
  g_assert_error (error, SL_LEDGER_ERROR, SL_LEDGER_ERROR_INVALID);
  g_clear_error (&error);

  /* Marked done through its meeting. */
  sl_measure_entry_mark_done (fixture->ledger, sl_measure_entry_get_meeting (overdue),
                              sl_record_get_id (SL_RECORD (sl_measure_entry_get_measure (overdue))),
                              "2025-12-30", "舆情日报已常态化", &error);
  g_assert_no_error (error);

  after = sl_measure_entries_load (fixture->ledger, 2025, TODAY, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (after->len, ==, 7);
  g_assert_cmpuint (count_matching (after, NULL, SL_MEASURE_FILTER_DONE), ==, 4);
  for (guint i = 0; i < after->len; i++)
    {
      SlMeasure *measure = sl_measure_entry_get_measure (g_ptr_array_index (after, i));

      if (g_strcmp0 (sl_record_get_id (SL_RECORD (measure)),
                     sl_record_get_id (SL_RECORD (sl_measure_entry_get_measure (overdue)))) != 0)
        continue;
      g_assert_cmpint (sl_measure_get_status (measure), ==, SL_MEASURE_STATUS_DONE);
      g_assert_cmpstr (sl_measure_get_done_on (measure), ==, "2025-12-30");
      g_assert_cmpstr (sl_measure_get_progress (measure), ==, "舆情日报已常态化");
    }

  stats_after = compute (fixture, 2025);
  g_assert_cmpuint (stats_after->measures_open, ==, stats->measures_open - 1);
  g_assert_cmpuint (stats_after->measures_overdue, ==, stats->measures_overdue - 1);
}

static void
test_roster_order (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  GListModel *members = sl_ledger_get_members (fixture->ledger);
  g_autoptr(SlMember) first = g_list_model_get_item (members, 0);
  g_autoptr(SlMember) third = g_list_model_get_item (members, 2);
  g_autoptr(SlLedger) again = NULL;
  g_autoptr(GPtrArray) order = g_ptr_array_new_with_free_func (g_object_unref);

  g_assert_cmpstr (sl_member_get_name (first), ==, "王建国");
  g_assert_cmpstr (sl_member_get_name (third), ==, "张志强");

  sl_roster_order_swap (fixture->ledger, third, first, &error);
  g_assert_no_error (error);
  g_assert_cmpint (sl_roster_order_compare (third, first), <, 0);

  /* Saved: another connection reads the new order. */
  again = sl_ledger_open (fixture->path, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < g_list_model_get_n_items (sl_ledger_get_members (again)); i++)
    g_ptr_array_add (order, g_list_model_get_item (sl_ledger_get_members (again), i));
  g_assert_cmpstr (sl_member_get_name (g_ptr_array_index (order, 0)), ==, "张志强");
  g_assert_cmpstr (sl_member_get_name (g_ptr_array_index (order, 1)), ==, "李红梅");
  g_assert_cmpstr (sl_member_get_name (g_ptr_array_index (order, 2)), ==, "王建国");
  for (guint i = 0; i < order->len; i++)
    g_assert_cmpint (sl_member_get_sort (g_ptr_array_index (order, i)), ==, (int) i);
}

static void
test_reload (Fixture       *fixture,
             gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SlLedger) other = sl_ledger_open (fixture->path, &error);
  g_autoptr(SlMember) member = sl_member_new ();
  GListModel *members = sl_ledger_get_members (fixture->ledger);
  guint n = g_list_model_get_n_items (members);

  g_assert_no_error (error);
  sl_member_set_name (member, "钱玥");
  sl_ledger_save_member (other, member, &error);
  g_assert_no_error (error);

  /* Written by another connection: not seen until read again. */
  g_assert_cmpuint (g_list_model_get_n_items (members), ==, n);
  sl_ledger_query_reload (fixture->ledger, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (members), ==, n + 1);
  g_assert_nonnull (sl_ledger_find_member (fixture->ledger, sl_record_get_id (SL_RECORD (member))));
}

static void
task_done_cb (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  GAsyncResult **out = user_data;

  *out = g_object_ref (result);
}

static void
test_tasks (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *folder = g_dir_make_tmp ("test-tasks-XXXXXX", &error);
  g_autofree char *path = g_build_filename (folder, "ledger.db", NULL);
  g_autofree char *copy = g_build_filename (folder, "backup.db", NULL);
  g_autofree char *archive = example_archive_path ();
  g_autoptr(GFile) archive_file = g_file_new_for_path (archive);
  g_autoptr(GFile) copy_file = g_file_new_for_path (copy);
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(SlLedger) ledger = NULL;
  g_autoptr(SlLedger) backup = NULL;
  g_autoptr(GBytes) bytes = NULL;
  SlArchiveCounts counts = { 0 };

  g_assert_no_error (error);

  /* Import in a worker thread. */
  sl_archive_import_async (NULL, path, archive_file, FALSE, NULL, task_done_cb, &result);
  while (result == NULL)
    g_main_context_iteration (NULL, TRUE);
  g_assert_true (sl_archive_import_finish (result, &counts, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (counts.meetings, ==, 16);
  g_clear_object (&result);

  /* The same again is a conflict: nothing new without merging. */
  sl_archive_import_async (NULL, path, archive_file, FALSE, NULL, task_done_cb, &result);
  while (result == NULL)
    g_main_context_iteration (NULL, TRUE);
  g_assert_false (sl_archive_import_finish (result, &counts, &error));
  g_assert_error (error, SL_ARCHIVE_ERROR, SL_ARCHIVE_ERROR_CONFLICT);
  g_clear_error (&error);
  g_clear_object (&result);

  sl_backups_write_async (NULL, path, copy_file, NULL, task_done_cb, &result);
  while (result == NULL)
    g_main_context_iteration (NULL, TRUE);
  g_assert_true (sl_backups_write_finish (result, &error));
  g_assert_no_error (error);
  g_clear_object (&result);

  backup = sl_ledger_open (copy, &error);
  g_assert_no_error (error);
  g_assert_false (sl_ledger_is_empty (backup));

  /* The example is filled once, then left as the secretary left it. */
  {
    g_autofree char *example = g_build_filename (folder, "example.db", NULL);
    char *data = NULL;
    gsize length = 0;

    g_file_get_contents (archive, &data, &length, &error);
    g_assert_no_error (error);
    bytes = g_bytes_new_take (data, length);

    for (int round = 0; round < 2; round++)
      {
        sl_ledger_prepare_example_async (NULL, example, bytes, NULL, task_done_cb, &result);
        while (result == NULL)
          g_main_context_iteration (NULL, TRUE);
        g_assert_true (sl_ledger_prepare_example_finish (result, &error));
        g_assert_no_error (error);
        g_clear_object (&result);
      }

    sl_ledger_open_async (NULL, example, NULL, task_done_cb, &result);
    while (result == NULL)
      g_main_context_iteration (NULL, TRUE);
    ledger = sl_ledger_open_finish (result, &error);
    g_assert_no_error (error);
    g_assert_cmpuint (g_list_model_get_n_items (sl_ledger_get_members (ledger)), ==, 11);
    g_clear_object (&result);

    /* Opening copies nothing: the window starts the day's backup after
     * its first frame. */
    {
      g_autofree char *backups = g_build_filename (folder, "example-backups", NULL);
      g_assert_false (g_file_test (backups, G_FILE_TEST_EXISTS));
    }

    sl_backups_run_daily_async (NULL, example, NULL, task_done_cb, &result);
    while (result == NULL)
      g_main_context_iteration (NULL, TRUE);
    g_assert_true (sl_backups_run_daily_finish (result, &error));
    g_assert_no_error (error);
    g_clear_object (&result);
    {
      g_autofree char *today = sl_today ();
      g_autofree char *name = g_strdup_printf ("ledger-%s.db", today);
      g_autofree char *daily = g_build_filename (folder, "example-backups", name, NULL);
      g_autofree char *backups = g_path_get_dirname (daily);

      g_assert_true (g_file_test (daily, G_FILE_TEST_IS_REGULAR));
      g_remove (daily);
      g_rmdir (backups);
    }
  }

  g_clear_object (&ledger);
  g_clear_object (&backup);
  remove_tree (folder);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/overview/format", test_format);
  g_test_add ("/overview/figures", Fixture, NULL, fixture_set_up, test_figures, fixture_tear_down);
  g_test_add ("/overview/rules", Fixture, NULL, fixture_set_up, test_rules, fixture_tear_down);
  g_test_add ("/overview/empty-year", Fixture, NULL, fixture_set_up, test_empty_year, fixture_tear_down);
  g_test_add ("/queries/years", Fixture, NULL, fixture_set_up, test_years, fixture_tear_down);
  g_test_add ("/queries/plan-fulfilment", Fixture, NULL, fixture_set_up, test_plan_fulfilment, fixture_tear_down);
  g_test_add ("/queries/research", Fixture, NULL, fixture_set_up, test_research, fixture_tear_down);
  g_test_add ("/queries/reload", Fixture, NULL, fixture_set_up, test_reload, fixture_tear_down);
  g_test_add ("/measures/entries", Fixture, NULL, fixture_set_up, test_measures, fixture_tear_down);
  g_test_add ("/roster/order", Fixture, NULL, fixture_set_up, test_roster_order, fixture_tear_down);
  g_test_add_func ("/tasks/import-backup-example", test_tasks);

  return g_test_run ();
}
