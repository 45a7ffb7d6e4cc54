/* test-ledger-plans.c — Plans and research topics saved to and loaded from a real ledger file
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Yearly study plans with their items, and research topics.
 * The fixture (a fresh ledger in a temporary folder, reopen(), count())
 * is tests/lib/sl-test-ledger.c, shared by the test-ledger-*.c programs.
 */

#include "config.h"

#include <string.h>

#include "sl-database.h"
#include "sl-test-ledger.h"

/* ------------------------------------------------------------------ */
/* Plans                                                              */
/* ------------------------------------------------------------------ */

static SlPlan *
load_one_plan (SlLedger *ledger,
               int       year)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) plans = sl_ledger_load_plans (ledger, year, &error);

  g_assert_no_error (error);
  g_assert_nonnull (plans);
  g_assert_cmpint (plans->len, ==, 1);
  return g_object_ref (g_ptr_array_index (plans, 0));
}

static void
test_plan_round_trip (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autoptr(SlOrganization) organization = make_organization (fixture, "机关党委");
  g_autoptr(SlMember) m1 = make_member (fixture, organization, "张三", 1);
  g_autoptr(SlMember) m2 = make_member (fixture, organization, "李四", 2);
  g_autoptr(SlMember) m3 = make_member (fixture, organization, "王五", 3);
  g_autoptr(SlPlan) plan = sl_plan_new ();
  g_autoptr(SlPlan) next_year = sl_plan_new ();
  g_autoptr(SlPlanItem) march = sl_plan_item_new ();
  g_autoptr(SlPlanItem) june = sl_plan_item_new ();
  g_autoptr(SlLedger) other = NULL;
  g_autoptr(SlPlan) found = NULL;
  g_autoptr(GError) error = NULL;
  const char *leads[] = { id_of (m2), id_of (m1), NULL };  /* not in roster order */
  const char *speakers[] = { id_of (m3), NULL };
  const char *new_leads[] = { id_of (m3), NULL };
  const char * const *got;
  SlPlanItem *item;
  gint64 plan_key, item_key;

  sl_plan_set_organization (plan, id_of (organization));
  sl_plan_set_year (plan, 2023);
  sl_plan_set_title (plan, "2023年度理论学习中心组学习计划");
  sl_plan_set_guiding (plan, RICH_TEXT);
  sl_plan_set_focus (plan, "学习重点");
  sl_plan_set_forms (plan, "集中学习、专题研讨");
  sl_plan_set_requirements (plan, "每月不少于一次");

  sl_plan_item_set_month (march, 3);
  sl_plan_item_set_planned_on (march, "2023-03-15");
  sl_plan_item_set_theme (march, "学习贯彻党的二十大精神");
  sl_plan_item_set_content (march, "原文原著");
  sl_plan_item_set_form (march, SL_STUDY_FORM_SEMINAR);
  sl_plan_item_set_leads (march, leads);
  sl_plan_item_set_speakers (march, speakers);
  sl_plan_item_set_scope (march, "中心组成员");
  sl_plan_item_set_department (march, "党委办公室");
  sl_plan_item_set_status (march, SL_PLAN_ITEM_STATUS_PLANNED);
  sl_plan_item_set_note (march, "可扩大至中层");
  g_list_store_append (G_LIST_STORE (sl_plan_get_items (plan)), march);

  sl_plan_item_set_month (june, 6);
  sl_plan_item_set_theme (june, "七一专题党课");
  sl_plan_item_set_status (june, SL_PLAN_ITEM_STATUS_CANCELLED);
  g_list_store_append (G_LIST_STORE (sl_plan_get_items (plan)), june);

  g_assert_true (sl_ledger_save_plan (fixture->ledger, plan, SL_SAVE_REPLACE, &error));
  g_assert_no_error (error);
  assert_no_transaction (fixture);
  plan_key = sl_record_get_key (SL_RECORD (plan));
  item_key = sl_record_get_key (SL_RECORD (march));
  g_assert_cmpint (plan_key, >, 0);
  g_assert_cmpint (item_key, >, 0);

  sl_plan_set_organization (next_year, id_of (organization));
  sl_plan_set_year (next_year, 2024);
  g_assert_true (sl_ledger_save_plan (fixture->ledger, next_year, SL_SAVE_REPLACE, &error));
  g_assert_no_error (error);

  other = reopen (fixture);
  found = load_one_plan (other, 2023);
  g_assert_cmpstr (id_of (found), ==, id_of (plan));
  g_assert_cmpstr (sl_plan_get_organization (found), ==, id_of (organization));
  g_assert_cmpint (sl_plan_get_year (found), ==, 2023);
  g_assert_cmpstr (sl_plan_get_title (found), ==, "2023年度理论学习中心组学习计划");
  g_assert_cmpstr (sl_plan_get_guiding (found), ==, RICH_TEXT);
  g_assert_cmpstr (sl_plan_get_focus (found), ==, "学习重点");
  g_assert_cmpstr (sl_plan_get_forms (found), ==, "集中学习、专题研讨");
  g_assert_cmpstr (sl_plan_get_requirements (found), ==, "每月不少于一次");
  g_assert_cmpint (g_list_model_get_n_items (sl_plan_get_items (found)), ==, 2);

  /* Items in the plan's order, every field back. */
  item = ITEM (sl_plan_get_items (found), 0);
  g_assert_cmpstr (id_of (item), ==, id_of (march));
  g_assert_cmpint (sl_plan_item_get_month (item), ==, 3);
  g_assert_cmpstr (sl_plan_item_get_planned_on (item), ==, "2023-03-15");
  g_assert_cmpstr (sl_plan_item_get_theme (item), ==, "学习贯彻党的二十大精神");
  g_assert_cmpstr (sl_plan_item_get_content (item), ==, "原文原著");
  g_assert_cmpint (sl_plan_item_get_form (item), ==, SL_STUDY_FORM_SEMINAR);
  got = sl_plan_item_get_leads (item);
  g_assert_cmpint (g_strv_length ((char **) got), ==, 2);
  g_assert_cmpstr (got[0], ==, id_of (m2));
  g_assert_cmpstr (got[1], ==, id_of (m1));
  got = sl_plan_item_get_speakers (item);
  g_assert_cmpint (g_strv_length ((char **) got), ==, 1);
  g_assert_cmpstr (got[0], ==, id_of (m3));
  g_assert_cmpstr (sl_plan_item_get_scope (item), ==, "中心组成员");
  g_assert_cmpstr (sl_plan_item_get_department (item), ==, "党委办公室");
  g_assert_cmpint (sl_plan_item_get_status (item), ==, SL_PLAN_ITEM_STATUS_PLANNED);
  g_assert_cmpstr (sl_plan_item_get_note (item), ==, "可扩大至中层");

  item = ITEM (sl_plan_get_items (found), 1);
  g_assert_cmpstr (id_of (item), ==, id_of (june));
  g_assert_cmpint (sl_plan_item_get_month (item), ==, 6);
  g_assert_cmpstr (sl_plan_item_get_planned_on (item), ==, NULL);
  g_assert_cmpint (sl_plan_item_get_form (item), ==, SL_STUDY_FORM_NONE);
  g_assert_cmpint (sl_plan_item_get_status (item), ==, SL_PLAN_ITEM_STATUS_CANCELLED);
  g_assert_cmpint (g_strv_length ((char **) sl_plan_item_get_leads (item)), ==, 0);
  g_assert_cmpint (g_strv_length ((char **) sl_plan_item_get_speakers (item)), ==, 0);
  g_clear_object (&found);
  g_clear_object (&other);

  /* Changed and saved again: same rows, people replaced, order changed. */
  sl_plan_set_title (plan, "2023年度学习计划（修订）");
  sl_plan_item_set_status (march, SL_PLAN_ITEM_STATUS_ADJUSTED);
  sl_plan_item_set_month (march, 4);
  sl_plan_item_set_leads (march, new_leads);
  sl_plan_item_set_speakers (march, NULL);
  g_list_store_remove (G_LIST_STORE (sl_plan_get_items (plan)), 0);
  g_list_store_append (G_LIST_STORE (sl_plan_get_items (plan)), march);
  g_assert_true (sl_ledger_save_plan (fixture->ledger, plan, SL_SAVE_REPLACE, &error));
  g_assert_no_error (error);
  g_assert_cmpint (sl_record_get_key (SL_RECORD (plan)), ==, plan_key);
  g_assert_cmpint (sl_record_get_key (SL_RECORD (march)), ==, item_key);
  g_assert_cmpint (count (fixture, "SELECT count(*) FROM plans"), ==, 2);
  g_assert_cmpint (count (fixture, "SELECT count(*) FROM plan_items"), ==, 2);
  g_assert_cmpint (count (fixture, "SELECT count(*) FROM plan_item_people"), ==, 1);

  other = reopen (fixture);
  found = load_one_plan (other, 2023);
  g_assert_cmpstr (sl_plan_get_title (found), ==, "2023年度学习计划（修订）");
  g_assert_cmpint (g_list_model_get_n_items (sl_plan_get_items (found)), ==, 2);
  item = ITEM (sl_plan_get_items (found), 0);
  g_assert_cmpstr (id_of (item), ==, id_of (june));
  item = ITEM (sl_plan_get_items (found), 1);
  g_assert_cmpstr (id_of (item), ==, id_of (march));
  g_assert_cmpint (sl_plan_item_get_month (item), ==, 4);
  g_assert_cmpint (sl_plan_item_get_status (item), ==, SL_PLAN_ITEM_STATUS_ADJUSTED);
  got = sl_plan_item_get_leads (item);
  g_assert_cmpint (g_strv_length ((char **) got), ==, 1);
  g_assert_cmpstr (got[0], ==, id_of (m3));
  g_assert_cmpint (g_strv_length ((char **) sl_plan_item_get_speakers (item)), ==, 0);
  g_clear_object (&found);

  /* Every year, and a year with nothing. */
  {
    g_autoptr(GPtrArray) all = sl_ledger_load_plans (other, 0, &error);
    g_autoptr(GPtrArray) none = NULL;

    g_assert_no_error (error);
    g_assert_cmpint (all->len, ==, 2);
    g_assert_cmpint (sl_plan_get_year (g_ptr_array_index (all, 0)), ==, 2023);
    g_assert_cmpint (sl_plan_get_year (g_ptr_array_index (all, 1)), ==, 2024);
    none = sl_ledger_load_plans (other, 2019, &error);
    g_assert_no_error (error);
    g_assert_cmpint (none->len, ==, 0);
  }
  g_clear_object (&other);

  /* A plan item's lead is a member: unknown ids are refused whole. */
  {
    g_autofree char *unknown = g_uuid_string_random ();
    const char *bad[] = { id_of (m1), unknown, NULL };

    sl_plan_set_title (plan, "不应写入");
    sl_plan_item_set_speakers (june, bad);
    g_assert_true (!sl_ledger_save_plan (fixture->ledger, plan, SL_SAVE_REPLACE, &error));
    ASSERT_ERROR (error, SL_LEDGER_ERROR, SL_LEDGER_ERROR_REFERENCE);
    g_assert_nonnull (strstr (error->message, unknown));
    g_clear_error (&error);
    assert_no_transaction (fixture);
    g_assert_cmpint (count (fixture, "SELECT count(*) FROM plans WHERE title = '不应写入'"), ==, 0);
    g_assert_cmpint (count (fixture, "SELECT count(*) FROM plan_item_people"), ==, 1);
    sl_plan_item_set_speakers (june, NULL);
  }

  /* Deleted with its items and their people. */
  g_assert_true (sl_ledger_delete (fixture->ledger, plan, &error));
  g_assert_no_error (error);
  assert_no_transaction (fixture);
  g_assert_cmpint (count (fixture, "SELECT count(*) FROM plans"), ==, 1);
  g_assert_cmpint (count (fixture, "SELECT count(*) FROM plan_items"), ==, 0);
  g_assert_cmpint (count (fixture, "SELECT count(*) FROM plan_item_people"), ==, 0);
  g_assert_true (!sl_ledger_contains (fixture->ledger, SL_TYPE_PLAN, id_of (plan)));
  g_assert_true (!sl_ledger_contains (fixture->ledger, SL_TYPE_PLAN_ITEM, id_of (march)));
}

/* ------------------------------------------------------------------ */
/* Research topics                                                    */
/* ------------------------------------------------------------------ */

static SlResearchTopic *
load_one_topic (SlLedger *ledger,
                int       year)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) topics = sl_ledger_load_research_topics (ledger, year, &error);

  g_assert_no_error (error);
  g_assert_nonnull (topics);
  g_assert_cmpint (topics->len, ==, 1);
  return g_object_ref (g_ptr_array_index (topics, 0));
}

static void
test_research_topic_round_trip (Fixture       *fixture,
                                gconstpointer  data)
{
  g_autoptr(SlOrganization) organization = make_organization (fixture, "机关党委");
  g_autoptr(SlOrganization) branch = make_organization (fixture, "第一党支部");
  g_autoptr(SlMember) lead = make_member (fixture, organization, "张三", 1);
  g_autoptr(SlMember) other_lead = make_member (fixture, organization, "李四", 2);
  g_autoptr(SlResearchTopic) topic = sl_research_topic_new ();
  g_autoptr(SlResearchTopic) later = sl_research_topic_new ();
  g_autoptr(SlResearchTopic) found = NULL;
  g_autoptr(SlLedger) other = NULL;
  g_autoptr(GError) error = NULL;
  gint64 key;

  sl_research_topic_set_organization (topic, id_of (organization));
  sl_research_topic_set_year (topic, 2023);
  sl_research_topic_set_lead (topic, id_of (lead));
  sl_research_topic_set_title (topic, "关于基层党组织标准化建设的调研");
  sl_research_topic_set_status (topic, SL_TOPIC_STATUS_PLANNED);
  sl_research_topic_set_note (topic, "第一季度完成\r\n调研提纲");
  g_assert_true (sl_ledger_save_research_topic (fixture->ledger, topic, &error));
  g_assert_no_error (error);
  key = sl_record_get_key (SL_RECORD (topic));
  g_assert_cmpint (key, >, 0);

  sl_research_topic_set_organization (later, id_of (organization));
  sl_research_topic_set_year (later, 2024);
  sl_research_topic_set_title (later, "次年课题");
  g_assert_true (sl_ledger_save_research_topic (fixture->ledger, later, &error));
  g_assert_no_error (error);

  other = reopen (fixture);
  found = load_one_topic (other, 2023);
  g_assert_cmpstr (id_of (found), ==, id_of (topic));
  g_assert_cmpstr (sl_research_topic_get_organization (found), ==, id_of (organization));
  g_assert_cmpint (sl_research_topic_get_year (found), ==, 2023);
  g_assert_cmpstr (sl_research_topic_get_lead (found), ==, id_of (lead));
  g_assert_cmpstr (sl_research_topic_get_title (found), ==, "关于基层党组织标准化建设的调研");
  g_assert_cmpint (sl_research_topic_get_status (found), ==, SL_TOPIC_STATUS_PLANNED);
  g_assert_cmpstr (sl_research_topic_get_note (found), ==, "第一季度完成\r\n调研提纲");
  g_clear_object (&found);
  found = load_one_topic (other, 2024);
  g_assert_cmpstr (id_of (found), ==, id_of (later));
  g_assert_cmpstr (sl_research_topic_get_lead (found), ==, NULL);
  g_assert_cmpint (sl_research_topic_get_status (found), ==, SL_TOPIC_STATUS_NONE);
  g_clear_object (&found);
  {
    g_autoptr(GPtrArray) all = sl_ledger_load_research_topics (other, 0, &error);
    g_assert_no_error (error);
    g_assert_cmpint (all->len, ==, 2);
  }
  g_clear_object (&other);

  /* Changed and saved again. */
  sl_research_topic_set_organization (topic, id_of (branch));
  sl_research_topic_set_lead (topic, id_of (other_lead));
  sl_research_topic_set_title (topic, "调研课题（调整）");
  sl_research_topic_set_status (topic, SL_TOPIC_STATUS_DONE);
  sl_research_topic_set_note (topic, NULL);
  g_assert_true (sl_ledger_save_research_topic (fixture->ledger, topic, &error));
  g_assert_no_error (error);
  g_assert_cmpint (sl_record_get_key (SL_RECORD (topic)), ==, key);
  g_assert_cmpint (count (fixture, "SELECT count(*) FROM research_topics"), ==, 2);

  other = reopen (fixture);
  found = load_one_topic (other, 2023);
  g_assert_cmpstr (sl_research_topic_get_organization (found), ==, id_of (branch));
  g_assert_cmpstr (sl_research_topic_get_lead (found), ==, id_of (other_lead));
  g_assert_cmpstr (sl_research_topic_get_title (found), ==, "调研课题（调整）");
  g_assert_cmpint (sl_research_topic_get_status (found), ==, SL_TOPIC_STATUS_DONE);
  g_assert_cmpstr (sl_research_topic_get_note (found), ==, NULL);
  g_clear_object (&found);
  g_clear_object (&other);

  /* A lead who is nobody is refused; the topic keeps its lead. */
  {
    g_autofree char *unknown = g_uuid_string_random ();
    sl_research_topic_set_lead (topic, unknown);
    g_assert_true (!sl_ledger_save_research_topic (fixture->ledger, topic, &error));
    ASSERT_ERROR (error, SL_LEDGER_ERROR, SL_LEDGER_ERROR_REFERENCE);
    g_clear_error (&error);
    g_assert_cmpint (count (fixture, "SELECT count(*) FROM research_topics r JOIN members m "
                                     "ON m.id = r.lead_id WHERE m.name = '李四'"), ==, 1);
  }

  /* The lead of a topic cannot be deleted. */
  g_assert_true (!sl_ledger_delete (fixture->ledger, other_lead, &error));
  ASSERT_ERROR (error, SL_LEDGER_ERROR, SL_LEDGER_ERROR_IN_USE);
  g_clear_error (&error);

  /* Deleted. */
  g_assert_true (sl_ledger_delete (fixture->ledger, topic, &error));
  g_assert_no_error (error);
  assert_no_transaction (fixture);
  g_assert_cmpint (count (fixture, "SELECT count(*) FROM research_topics"), ==, 1);
  g_assert_true (!sl_ledger_contains (fixture->ledger, SL_TYPE_RESEARCH_TOPIC, id_of (topic)));
  g_assert_true (sl_ledger_contains (fixture->ledger, SL_TYPE_RESEARCH_TOPIC, id_of (later)));
}

int
main (int argc, char *argv[])
{
  ledger_test_init (&argc, &argv);

#define ADD(name, func) \
  g_test_add ("/ledger/" name, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("plan/round-trip", test_plan_round_trip);
  ADD ("research-topic/round-trip", test_research_topic_round_trip);

#undef ADD

  return ledger_test_run ();
}
