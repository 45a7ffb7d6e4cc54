/* test-ledger.c — records saved to and loaded from a real ledger file
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Each test opens a fresh ledger in its own temporary folder. Records are
 * read back through a second SlLedger on the same file (reopen()), so that
 * what is compared came from the disk, not from objects kept in memory.
 * Row counts are taken with plain SQL: "no duplicate row" and "nothing
 * was written" are facts about the file.
 */

#include "config.h"

#include <glib/gstdio.h>
#include <string.h>

#include "sl-attendance.h"
#include "sl-guest.h"
#include "sl-ledger.h"
#include "sl-measure.h"
#include "sl-meeting.h"
#include "sl-member.h"
#include "sl-organization.h"
#include "sl-plan.h"
#include "sl-plan-item.h"
#include "sl-research-topic.h"
#include "sl-speech.h"
#include "sl-study.h"
#include "sl-test-util.h"

/* Text as secretaries type it: full-width punctuation, Windows line
 * breaks, characters outside GB2312, an emoji sequence. */
#define RICH_TEXT \
  "一、深入学习“两个确立”，坚决做到“两个维护”；\r\n" \
  "二、（补充）《党章》第三章——组织制度！？\r\n" \
  "堃喆昇珺　参加。👍🏻🇨🇳👨‍👩‍👧"
#define RARE_NAME "王堃喆"

#define ASSERT_ERROR(err, dom, c)                                         \
  G_STMT_START {                                                        \
    g_assert_nonnull (err);                                             \
    g_assert_cmpstr (g_quark_to_string ((err)->domain), ==,             \
                     g_quark_to_string (dom));                          \
    g_assert_cmpint ((err)->code, ==, (c));                             \
  } G_STMT_END

/* ------------------------------------------------------------------ */
/* Fixture                                                            */
/* ------------------------------------------------------------------ */

typedef struct
{
  char     *folder;
  char     *path;
  SlLedger *ledger;
} Fixture;

static SlLedger *
open_ledger (const char *path)
{
  g_autoptr(GError) error = NULL;
  SlLedger *ledger = sl_ledger_open (path, &error);

  g_assert_no_error (error);
  g_assert_nonnull (ledger);
  return ledger;
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  fixture->folder = g_dir_make_tmp ("sl-ledger-XXXXXX", &error);
  g_assert_no_error (error);
  fixture->path = g_build_filename (fixture->folder, "ledger.db", NULL);
  fixture->ledger = open_ledger (fixture->path);
}

static void release_items (void);

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  release_items ();
  g_assert_finalize_object (g_steal_pointer (&fixture->ledger));
  remove_tree (fixture->folder);
  g_clear_pointer (&fixture->folder, g_free);
  g_clear_pointer (&fixture->path, g_free);
}

/* Another ledger on the same file: it knows only what is on disk. */
static SlLedger *
reopen (Fixture *fixture)
{
  return open_ledger (fixture->path);
}

static gint64
count (Fixture    *fixture,
       const char *sql)
{
  sqlite3 *db = sl_database_get_handle (sl_ledger_get_database (fixture->ledger));
  sqlite3_stmt *stmt = NULL;
  gint64 value;

  g_assert_cmpint (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  value = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);

  return value;
}

static gint64
search_count (Fixture    *fixture,
              const char *three_chars)
{
  sqlite3 *db = sl_database_get_handle (sl_ledger_get_database (fixture->ledger));
  g_autofree char *query = g_strdup_printf ("\"%s\"", three_chars);
  sqlite3_stmt *stmt = NULL;
  gint64 value;

  g_assert_cmpint (sqlite3_prepare_v2 (db,
                                       "SELECT count(*) FROM search_index "
                                       "WHERE search_index MATCH ?",
                                       -1, &stmt, NULL), ==, SQLITE_OK);
  sqlite3_bind_text (stmt, 1, query, -1, SQLITE_TRANSIENT);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  value = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);

  return value;
}

/* No transaction may be left open by a save or a delete, failed or not. */
static void
assert_no_transaction (Fixture *fixture)
{
  sqlite3 *db = sl_database_get_handle (sl_ledger_get_database (fixture->ledger));

  g_assert_cmpint (sqlite3_get_autocommit (db), ==, 1);
}

/* Items taken from models stay alive until release_items() or the end of
 * the test, so that assertions can use them without a local each. */
#define ITEM(model, i) \
  ((gpointer) keep_item (g_list_model_get_item (G_LIST_MODEL (model), (i))))

static GPtrArray *cleanup_items;

static gpointer
keep_item (gpointer item)
{
  g_assert_nonnull (item);
  g_ptr_array_add (cleanup_items, item);
  return item;
}

static void
release_items (void)
{
  g_ptr_array_set_size (cleanup_items, 0);
}

static SlOrganization *
make_organization (Fixture    *fixture,
                   const char *name)
{
  g_autoptr(GError) error = NULL;
  SlOrganization *organization = sl_organization_new ();

  sl_organization_set_name (organization, name);
  sl_organization_set_kind (organization, SL_ORGANIZATION_KIND_BRANCH);
  g_assert_true (sl_ledger_save_organization (fixture->ledger, organization, &error));
  g_assert_no_error (error);

  return organization;
}

static SlMember *
make_member (Fixture        *fixture,
             SlOrganization *organization,
             const char     *name,
             int             sort)
{
  g_autoptr(GError) error = NULL;
  SlMember *member = sl_member_new ();

  sl_member_set_name (member, name);
  sl_member_set_organization (member, sl_record_get_id (SL_RECORD (organization)));
  sl_member_set_sort (member, sort);
  g_assert_true (sl_ledger_save_member (fixture->ledger, member, &error));
  g_assert_no_error (error);

  return member;
}

static const char *
id_of (gpointer record)
{
  return sl_record_get_id (SL_RECORD (record));
}

static void
save_meeting_ok (Fixture     *fixture,
                 SlMeeting   *meeting,
                 SlSaveFlags  flags)
{
  g_autoptr(GError) error = NULL;

  gboolean saved = sl_ledger_save_meeting (fixture->ledger, meeting, flags, &error);

  g_assert_no_error (error);
  g_assert_true (saved);
  assert_no_transaction (fixture);
}

static SlMeeting *
load_meeting_ok (SlLedger   *ledger,
                 const char *id)
{
  g_autoptr(GError) error = NULL;
  SlMeeting *meeting = sl_ledger_load_meeting (ledger, id, &error);

  g_assert_no_error (error);
  g_assert_nonnull (meeting);
  return meeting;
}

static void
append (GListModel *model,
        gpointer    item)
{
  g_list_store_append (G_LIST_STORE (model), item);
  g_object_unref (item);
}

/* ------------------------------------------------------------------ */
/* Organizations and members                                          */
/* ------------------------------------------------------------------ */

static void
test_organization_round_trip (Fixture       *fixture,
                              gconstpointer  data)
{
  g_autoptr(SlOrganization) parent = sl_organization_new ();
  g_autoptr(SlOrganization) child = sl_organization_new ();
  g_autoptr(SlLedger) other = NULL;
  g_autoptr(GError) error = NULL;
  SlOrganization *found;
  gint64 key;

  sl_organization_set_name (parent, "机关党委");
  sl_organization_set_kind (parent, SL_ORGANIZATION_KIND_PARTY_COMMITTEE);
  g_assert_true (sl_ledger_save_organization (fixture->ledger, parent, &error));
  g_assert_no_error (error);

  sl_organization_set_name (child, "第一党支部（机关）");
  sl_organization_set_kind (child, SL_ORGANIZATION_KIND_BRANCH);
  sl_organization_set_parent (child, id_of (parent));
  g_assert_true (sl_ledger_save_organization (fixture->ledger, child, &error));
  g_assert_no_error (error);
  key = sl_record_get_key (SL_RECORD (child));
  g_assert_cmpint (key, >, 0);
  g_assert_cmpint (count (fixture, "SELECT count(*) FROM organizations"), ==, 2);

  other = reopen (fixture);
  g_assert_cmpint (g_list_model_get_n_items (sl_ledger_get_organizations (other)), ==, 2);
  found = sl_ledger_find_organization (other, id_of (child));
  g_assert_nonnull (found);
  g_assert_true (found != child);
  g_assert_cmpstr (id_of (found), ==, id_of (child));
  g_assert_cmpstr (sl_organization_get_name (found), ==, "第一党支部（机关）");
  g_assert_cmpint (sl_organization_get_kind (found), ==, SL_ORGANIZATION_KIND_BRANCH);
  g_assert_cmpstr (sl_organization_get_parent (found), ==, id_of (parent));
  found = sl_ledger_find_organization (other, id_of (parent));
  g_assert_nonnull (found);
  g_assert_cmpstr (sl_organization_get_name (found), ==, "机关党委");
  g_assert_cmpint (sl_organization_get_kind (found), ==, SL_ORGANIZATION_KIND_PARTY_COMMITTEE);
  g_assert_cmpstr (sl_organization_get_parent (found), ==, NULL);
  g_assert_true (sl_ledger_find_organization_by_name (other, "机关党委") == found);
  g_clear_object (&other);

  /* Changed and saved again: the same row. */
  sl_organization_set_name (child, "第二党支部");
  sl_organization_set_kind (child, SL_ORGANIZATION_KIND_OTHER);
  sl_organization_set_parent (child, NULL);
  g_assert_true (sl_ledger_save_organization (fixture->ledger, child, &error));
  g_assert_no_error (error);
  g_assert_cmpint (sl_record_get_key (SL_RECORD (child)), ==, key);
  g_assert_cmpint (count (fixture, "SELECT count(*) FROM organizations"), ==, 2);

  other = reopen (fixture);
  found = sl_ledger_find_organization (other, id_of (child));
  g_assert_nonnull (found);
  g_assert_cmpstr (sl_organization_get_name (found), ==, "第二党支部");
  g_assert_cmpint (sl_organization_get_kind (found), ==, SL_ORGANIZATION_KIND_OTHER);
  g_assert_cmpstr (sl_organization_get_parent (found), ==, NULL);
  g_clear_object (&other);

  /* Deleted. */
  g_assert_true (sl_ledger_delete (fixture->ledger, child, &error));
  g_assert_no_error (error);
  assert_no_transaction (fixture);
  g_assert_cmpint (count (fixture, "SELECT count(*) FROM organizations"), ==, 1);
  g_assert_true (sl_ledger_find_organization (fixture->ledger, id_of (child)) == NULL);
  g_assert_true (!sl_ledger_contains (fixture->ledger, SL_TYPE_ORGANIZATION, id_of (child)));
  g_assert_true (sl_ledger_contains (fixture->ledger, SL_TYPE_ORGANIZATION, id_of (parent)));
  other = reopen (fixture);
  g_assert_cmpint (g_list_model_get_n_items (sl_ledger_get_organizations (other)), ==, 1);
}

static void
test_member_round_trip (Fixture       *fixture,
                        gconstpointer  data)
{
  g_autoptr(SlOrganization) first = make_organization (fixture, "第一党支部");
  g_autoptr(SlOrganization) second = make_organization (fixture, "第二党支部");
  g_autoptr(SlMember) member = sl_member_new ();
  g_autoptr(SlLedger) other = NULL;
  g_autoptr(GError) error = NULL;
  SlMember *found;
  gint64 key;

  sl_member_set_name (member, RARE_NAME);
  sl_member_set_gender (member, "女");
  sl_member_set_post (member, "办公室主任（兼）");
  sl_member_set_organization (member, id_of (first));
  sl_member_set_leadership (member, TRUE);
  sl_member_set_central_group (member, TRUE);
  sl_member_set_joined_on (member, "2015-07-01");
  sl_member_set_left_on (member, "2024-06-30");
  sl_member_set_sort (member, 3);
  sl_member_set_phone (member, "138-0000-0000");
  sl_member_set_note (member, RICH_TEXT);
  g_assert_true (sl_ledger_save_member (fixture->ledger, member, &error));
  g_assert_no_error (error);
  key = sl_record_get_key (SL_RECORD (member));
  g_assert_cmpint (key, >, 0);

  other = reopen (fixture);
  found = sl_ledger_find_member (other, id_of (member));
  g_assert_nonnull (found);
  g_assert_true (found != member);
  g_assert_cmpstr (sl_member_get_name (found), ==, RARE_NAME);
  g_assert_cmpstr (sl_member_get_gender (found), ==, "女");
  g_assert_cmpstr (sl_member_get_post (found), ==, "办公室主任（兼）");
  g_assert_cmpstr (sl_member_get_organization (found), ==, id_of (first));
  g_assert_true (sl_member_get_leadership (found));
  g_assert_true (sl_member_get_central_group (found));
  g_assert_cmpstr (sl_member_get_joined_on (found), ==, "2015-07-01");
  g_assert_cmpstr (sl_member_get_left_on (found), ==, "2024-06-30");
  g_assert_cmpint (sl_member_get_sort (found), ==, 3);
  g_assert_cmpstr (sl_member_get_phone (found), ==, "138-0000-0000");
  g_assert_cmpstr (sl_member_get_note (found), ==, RICH_TEXT);
  g_clear_object (&other);

  /* Every field changed, booleans and dates cleared. */
  sl_member_set_name (member, "李明");
  sl_member_set_gender (member, "男");
  sl_member_set_post (member, NULL);
  sl_member_set_organization (member, id_of (second));
  sl_member_set_leadership (member, FALSE);
  sl_member_set_central_group (member, FALSE);
  sl_member_set_joined_on (member, "2001-01-01");
  sl_member_set_left_on (member, NULL);
  sl_member_set_sort (member, 9);
  sl_member_set_phone (member, NULL);
  sl_member_set_note (member, "调任");
  g_assert_true (sl_ledger_save_member (fixture->ledger, member, &error));
  g_assert_no_error (error);
  g_assert_cmpint (sl_record_get_key (SL_RECORD (member)), ==, key);
  g_assert_cmpint (count (fixture, "SELECT count(*) FROM members"), ==, 1);

  other = reopen (fixture);
  found = sl_ledger_find_member (other, id_of (member));
  g_assert_nonnull (found);
  g_assert_cmpstr (sl_member_get_name (found), ==, "李明");
  g_assert_cmpstr (sl_member_get_gender (found), ==, "男");
  g_assert_cmpstr (sl_member_get_post (found), ==, NULL);
  g_assert_cmpstr (sl_member_get_organization (found), ==, id_of (second));
  g_assert_true (!sl_member_get_leadership (found));
  g_assert_true (!sl_member_get_central_group (found));
  g_assert_cmpstr (sl_member_get_joined_on (found), ==, "2001-01-01");
  g_assert_cmpstr (sl_member_get_left_on (found), ==, NULL);
  g_assert_cmpint (sl_member_get_sort (found), ==, 9);
  g_assert_cmpstr (sl_member_get_phone (found), ==, NULL);
  g_assert_cmpstr (sl_member_get_note (found), ==, "调任");
  g_clear_object (&other);

  /* An organization with members cannot go. */
  g_assert_true (!sl_ledger_delete (fixture->ledger, second, &error));
  ASSERT_ERROR (error, SL_LEDGER_ERROR, SL_LEDGER_ERROR_IN_USE);
  g_clear_error (&error);
  assert_no_transaction (fixture);
  g_assert_true (sl_ledger_find_organization (fixture->ledger, id_of (second)) != NULL);
  g_assert_cmpint (count (fixture, "SELECT count(*) FROM organizations"), ==, 2);

  /* A member nothing refers to can. */
  g_assert_true (sl_ledger_delete (fixture->ledger, member, &error));
  g_assert_no_error (error);
  assert_no_transaction (fixture);
  g_assert_cmpint (count (fixture, "SELECT count(*) FROM members"), ==, 0);
  g_assert_true (sl_ledger_find_member (fixture->ledger, id_of (member)) == NULL);
  g_assert_true (!sl_ledger_contains (fixture->ledger, SL_TYPE_MEMBER, id_of (member)));
}

static void
test_member_invalid (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autoptr(SlMember) member = sl_member_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *unknown = g_uuid_string_random ();

  g_assert_true (!sl_ledger_save_member (fixture->ledger, member, &error));
  ASSERT_ERROR (error, SL_LEDGER_ERROR, SL_LEDGER_ERROR_INVALID);
  g_clear_error (&error);

  sl_member_set_name (member, "张三");
  sl_member_set_organization (member, unknown);
  g_assert_true (!sl_ledger_save_member (fixture->ledger, member, &error));
  ASSERT_ERROR (error, SL_LEDGER_ERROR, SL_LEDGER_ERROR_REFERENCE);
  g_assert_nonnull (strstr (error->message, unknown));
  g_assert_cmpint (count (fixture, "SELECT count(*) FROM members"), ==, 0);
  g_assert_cmpint (g_list_model_get_n_items (sl_ledger_get_members (fixture->ledger)), ==, 0);
}

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
/* Meetings                                                           */
/* ------------------------------------------------------------------ */

typedef struct
{
  SlOrganization *organization;
  SlMember       *chair;      /* 张三 */
  SlMember       *recorder;   /* 李四 */
  SlMember       *third;      /* 王五 */
  SlPlan         *plan;
  SlPlanItem     *plan_item;
} Roster;

static void
roster_clear (Roster *roster)
{
  g_clear_object (&roster->organization);
  g_clear_object (&roster->chair);
  g_clear_object (&roster->recorder);
  g_clear_object (&roster->third);
  g_clear_object (&roster->plan);
  g_clear_object (&roster->plan_item);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Roster, roster_clear)

static void
roster_init (Fixture *fixture,
             Roster  *roster)
{
  g_autoptr(GError) error = NULL;

  roster->organization = make_organization (fixture, "机关党委");
  roster->chair = make_member (fixture, roster->organization, "张三", 1);
  roster->recorder = make_member (fixture, roster->organization, "李四", 2);
  roster->third = make_member (fixture, roster->organization, "王五", 3);

  roster->plan = sl_plan_new ();
  sl_plan_set_organization (roster->plan, id_of (roster->organization));
  sl_plan_set_year (roster->plan, 2023);
  roster->plan_item = sl_plan_item_new ();
  sl_plan_item_set_month (roster->plan_item, 3);
  sl_plan_item_set_theme (roster->plan_item, "三月专题");
  g_list_store_append (G_LIST_STORE (sl_plan_get_items (roster->plan)), roster->plan_item);
  g_assert_true (sl_ledger_save_plan (fixture->ledger, roster->plan, SL_SAVE_REPLACE, &error));
  g_assert_no_error (error);
}

static SlStudy *
new_study (const char *title,
           const char *lead,
           gboolean    first_topic)
{
  SlStudy *study = sl_study_new ();

  sl_study_set_title (study, title);
  sl_study_set_source (study, "人民日报");
  sl_study_set_published_on (study, "2023-03-01");
  sl_study_set_lead (study, lead);
  sl_study_set_first_topic (study, first_topic);
  sl_study_set_summary (study, "要点：" RICH_TEXT);

  return study;
}

static SlAttendance *
new_attendance (const char         *member,
                SlAttendanceStatus  status)
{
  SlAttendance *row = sl_attendance_new ();

  sl_attendance_set_member (row, member);
  sl_attendance_set_status (row, status);

  return row;
}

static SlMeasure *
new_measure (const char *text,
             const char *owner)
{
  SlMeasure *measure = sl_measure_new ();

  sl_measure_set_text (measure, text);
  sl_measure_set_owner (measure, owner);
  sl_measure_set_department (measure, "组织部");
  sl_measure_set_due_on (measure, "2023-06-30");
  sl_measure_set_status (measure, SL_MEASURE_STATUS_IN_PROGRESS);
  sl_measure_set_progress (measure, "已完成初稿");

  return measure;
}

/* A meeting with every field and all five lists filled. */
static SlMeeting *
new_full_meeting (Roster *roster)
{
  SlMeeting *meeting = sl_meeting_new ();
  SlAttendance *row;
  SlGuest *guest;
  SlSpeech *speech;

  sl_meeting_set_organization (meeting, id_of (roster->organization));
  sl_meeting_set_kind (meeting, SL_MEETING_KIND_CENTRAL_GROUP);
  sl_meeting_set_sequence (meeting, 3);
  sl_meeting_set_title (meeting, "2023年第3次理论学习中心组集体学习");
  sl_meeting_set_date (meeting, "2023-03-15");
  sl_meeting_set_start (meeting, "09:00");
  sl_meeting_set_end (meeting, "11:30");
  sl_meeting_set_place (meeting, "三楼会议室");
  sl_meeting_set_chair (meeting, id_of (roster->chair));
  sl_meeting_set_recorder (meeting, id_of (roster->recorder));
  sl_meeting_set_form (meeting, SL_STUDY_FORM_COLLECTIVE_STUDY);
  sl_meeting_set_theme (meeting, RICH_TEXT);
  sl_meeting_set_expanded (meeting, TRUE);
  sl_meeting_set_plan_item (meeting, id_of (roster->plan_item));
  sl_meeting_set_chair_summary (meeting, "主持人总结：\r\n一是……二是……");
  sl_meeting_set_decisions (meeting, "会议决定：" RICH_TEXT);
  sl_meeting_set_note (meeting, "备注");

  append (sl_meeting_get_studies (meeting),
          new_study ("习近平总书记重要讲话精神", id_of (roster->chair), TRUE));
  append (sl_meeting_get_studies (meeting),
          new_study ("《中国共产党纪律处分条例》", NULL, FALSE));

  row = new_attendance (id_of (roster->chair), SL_ATTENDANCE_STATUS_PRESENT);
  sl_attendance_set_late (row, TRUE);
  append (sl_meeting_get_attendance (meeting), row);
  row = new_attendance (id_of (roster->recorder), SL_ATTENDANCE_STATUS_LEAVE);
  sl_attendance_set_leave_kind (row, SL_LEAVE_KIND_OFFICIAL);
  sl_attendance_set_reason (row, "赴京参加培训（公差）");
  sl_attendance_set_has_makeup (row, TRUE);
  sl_attendance_set_makeup_on (row, "2023-03-20");
  sl_attendance_set_makeup_method (row, "自学并撰写心得");
  sl_attendance_set_makeup_evidence (row, "心得体会一篇");
  append (sl_meeting_get_attendance (meeting), row);
  row = new_attendance (id_of (roster->third), SL_ATTENDANCE_STATUS_PRESENT);
  sl_attendance_set_left_early (row, TRUE);
  append (sl_meeting_get_attendance (meeting), row);

  guest = sl_guest_new ();
  sl_guest_set_name (guest, "赵处长");
  sl_guest_set_post (guest, "市委宣传部");
  append (sl_meeting_get_guests (meeting), guest);
  guest = sl_guest_new ();
  sl_guest_set_name (guest, "钱科长");
  append (sl_meeting_get_guests (meeting), guest);

  speech = sl_speech_new ();
  sl_speech_set_speaker (speech, id_of (roster->third));
  sl_speech_set_points (speech, "结合分管工作谈体会");
  append (sl_meeting_get_speeches (meeting), speech);
  speech = sl_speech_new ();
  sl_speech_set_speaker_name (speech, "赵处长");
  sl_speech_set_points (speech, "列席发言：" RICH_TEXT);
  append (sl_meeting_get_speeches (meeting), speech);

  append (sl_meeting_get_measures (meeting),
          new_measure ("建立调研成果转化清单", id_of (roster->third)));

  return meeting;
}

static gint64
count_children (Fixture    *fixture,
                const char *table,
                const char *meeting_id)
{
  /* Tables are literals of this file; the id is bound. */
  g_autofree char *sql = g_strdup_printf ("SELECT count(*) FROM %s WHERE meeting_id = "
                                          "(SELECT id FROM meetings WHERE uuid = ?)", table);
  sqlite3 *db = sl_database_get_handle (sl_ledger_get_database (fixture->ledger));
  sqlite3_stmt *stmt = NULL;
  gint64 value;

  g_assert_cmpint (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL), ==, SQLITE_OK);
  sqlite3_bind_text (stmt, 1, meeting_id, -1, SQLITE_TRANSIENT);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  value = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);

  return value;
}

static void
assert_full_meeting (SlMeeting *found,
                     SlMeeting *saved,
                     Roster    *roster)
{
  GListModel *list;
  SlStudy *study, *saved_study;
  SlAttendance *row;
  SlGuest *guest;
  SlSpeech *speech;
  SlMeasure *measure, *saved_measure;

  g_assert_true (found != saved);
  g_assert_cmpstr (id_of (found), ==, id_of (saved));
  g_assert_cmpstr (sl_meeting_get_organization (found), ==, id_of (roster->organization));
  g_assert_cmpint (sl_meeting_get_kind (found), ==, SL_MEETING_KIND_CENTRAL_GROUP);
  g_assert_cmpint (sl_meeting_get_sequence (found), ==, 3);
  g_assert_cmpstr (sl_meeting_get_title (found), ==, "2023年第3次理论学习中心组集体学习");
  g_assert_cmpstr (sl_meeting_get_date (found), ==, "2023-03-15");
  g_assert_cmpint (sl_meeting_get_year (found), ==, 2023);
  g_assert_cmpstr (sl_meeting_get_start (found), ==, "09:00");
  g_assert_cmpstr (sl_meeting_get_end (found), ==, "11:30");
  g_assert_cmpstr (sl_meeting_get_place (found), ==, "三楼会议室");
  g_assert_cmpstr (sl_meeting_get_chair (found), ==, id_of (roster->chair));
  g_assert_cmpstr (sl_meeting_get_recorder (found), ==, id_of (roster->recorder));
  g_assert_cmpint (sl_meeting_get_form (found), ==, SL_STUDY_FORM_COLLECTIVE_STUDY);
  g_assert_cmpstr (sl_meeting_get_theme (found), ==, RICH_TEXT);
  g_assert_true (sl_meeting_get_expanded (found));
  g_assert_cmpstr (sl_meeting_get_plan_item (found), ==, id_of (roster->plan_item));
  g_assert_cmpstr (sl_meeting_get_chair_summary (found), ==, "主持人总结：\r\n一是……二是……");
  g_assert_cmpstr (sl_meeting_get_decisions (found), ==, "会议决定：" RICH_TEXT);
  g_assert_cmpstr (sl_meeting_get_note (found), ==, "备注");

  list = sl_meeting_get_studies (found);
  g_assert_cmpint (g_list_model_get_n_items (list), ==, 2);
  study = ITEM (list, 0);
  saved_study = ITEM (sl_meeting_get_studies (saved), 0);
  g_assert_cmpstr (id_of (study), ==, id_of (saved_study));
  g_assert_cmpstr (sl_study_get_title (study), ==, "习近平总书记重要讲话精神");
  g_assert_cmpstr (sl_study_get_source (study), ==, "人民日报");
  g_assert_cmpstr (sl_study_get_published_on (study), ==, "2023-03-01");
  g_assert_cmpstr (sl_study_get_lead (study), ==, id_of (roster->chair));
  g_assert_true (sl_study_get_first_topic (study));
  g_assert_cmpstr (sl_study_get_summary (study), ==, "要点：" RICH_TEXT);
  study = ITEM (list, 1);
  saved_study = ITEM (sl_meeting_get_studies (saved), 1);
  g_assert_cmpstr (id_of (study), ==, id_of (saved_study));
  g_assert_cmpstr (sl_study_get_title (study), ==, "《中国共产党纪律处分条例》");
  g_assert_cmpstr (sl_study_get_lead (study), ==, NULL);
  g_assert_true (!sl_study_get_first_topic (study));

  list = sl_meeting_get_attendance (found);
  g_assert_cmpint (g_list_model_get_n_items (list), ==, 3);
  row = ITEM (list, 0);
  g_assert_cmpstr (sl_attendance_get_member (row), ==, id_of (roster->chair));
  g_assert_cmpint (sl_attendance_get_status (row), ==, SL_ATTENDANCE_STATUS_PRESENT);
  g_assert_cmpint (sl_attendance_get_leave_kind (row), ==, SL_LEAVE_KIND_NONE);
  g_assert_cmpstr (sl_attendance_get_reason (row), ==, NULL);
  g_assert_true (sl_attendance_get_late (row));
  g_assert_true (!sl_attendance_get_left_early (row));
  g_assert_true (!sl_attendance_get_has_makeup (row));
  row = ITEM (list, 1);
  g_assert_cmpstr (sl_attendance_get_member (row), ==, id_of (roster->recorder));
  g_assert_cmpint (sl_attendance_get_status (row), ==, SL_ATTENDANCE_STATUS_LEAVE);
  g_assert_cmpint (sl_attendance_get_leave_kind (row), ==, SL_LEAVE_KIND_OFFICIAL);
  g_assert_cmpstr (sl_attendance_get_reason (row), ==, "赴京参加培训（公差）");
  g_assert_true (!sl_attendance_get_late (row));
  g_assert_true (!sl_attendance_get_left_early (row));
  g_assert_true (sl_attendance_get_has_makeup (row));
  g_assert_cmpstr (sl_attendance_get_makeup_on (row), ==, "2023-03-20");
  g_assert_cmpstr (sl_attendance_get_makeup_method (row), ==, "自学并撰写心得");
  g_assert_cmpstr (sl_attendance_get_makeup_evidence (row), ==, "心得体会一篇");
  g_assert_true (sl_attendance_is_made_up (row));
  row = ITEM (list, 2);
  g_assert_cmpstr (sl_attendance_get_member (row), ==, id_of (roster->third));
  g_assert_cmpint (sl_attendance_get_status (row), ==, SL_ATTENDANCE_STATUS_PRESENT);
  g_assert_true (!sl_attendance_get_late (row));
  g_assert_true (sl_attendance_get_left_early (row));
  g_assert_cmpstr (sl_attendance_get_makeup_on (row), ==, NULL);

  list = sl_meeting_get_guests (found);
  g_assert_cmpint (g_list_model_get_n_items (list), ==, 2);
  guest = ITEM (list, 0);
  g_assert_cmpstr (sl_guest_get_name (guest), ==, "赵处长");
  g_assert_cmpstr (sl_guest_get_post (guest), ==, "市委宣传部");
  guest = ITEM (list, 1);
  g_assert_cmpstr (sl_guest_get_name (guest), ==, "钱科长");
  g_assert_cmpstr (sl_guest_get_post (guest), ==, NULL);

  list = sl_meeting_get_speeches (found);
  g_assert_cmpint (g_list_model_get_n_items (list), ==, 2);
  speech = ITEM (list, 0);
  g_assert_cmpstr (sl_speech_get_speaker (speech), ==, id_of (roster->third));
  g_assert_cmpstr (sl_speech_get_speaker_name (speech), ==, NULL);
  g_assert_cmpstr (sl_speech_get_points (speech), ==, "结合分管工作谈体会");
  speech = ITEM (list, 1);
  g_assert_cmpstr (sl_speech_get_speaker (speech), ==, NULL);
  g_assert_cmpstr (sl_speech_get_speaker_name (speech), ==, "赵处长");
  g_assert_cmpstr (sl_speech_get_points (speech), ==, "列席发言：" RICH_TEXT);

  list = sl_meeting_get_measures (found);
  g_assert_cmpint (g_list_model_get_n_items (list), ==, 1);
  measure = ITEM (list, 0);
  saved_measure = ITEM (sl_meeting_get_measures (saved), 0);
  g_assert_cmpstr (id_of (measure), ==, id_of (saved_measure));
  g_assert_cmpstr (sl_measure_get_text (measure), ==, "建立调研成果转化清单");
  g_assert_cmpstr (sl_measure_get_owner (measure), ==, id_of (roster->third));
  g_assert_cmpstr (sl_measure_get_department (measure), ==, "组织部");
  g_assert_cmpstr (sl_measure_get_due_on (measure), ==, "2023-06-30");
  g_assert_cmpint (sl_measure_get_status (measure), ==, SL_MEASURE_STATUS_IN_PROGRESS);
  g_assert_cmpstr (sl_measure_get_done_on (measure), ==, NULL);
  g_assert_cmpstr (sl_measure_get_progress (measure), ==, "已完成初稿");
}

static void
assert_child_counts (Fixture    *fixture,
                     const char *meeting_id,
                     gint64      studies,
                     gint64      attendance,
                     gint64      guests,
                     gint64      speeches,
                     gint64      measures)
{
  g_assert_cmpint (count_children (fixture, "studies", meeting_id), ==, studies);
  g_assert_cmpint (count_children (fixture, "attendance", meeting_id), ==, attendance);
  g_assert_cmpint (count_children (fixture, "guests", meeting_id), ==, guests);
  g_assert_cmpint (count_children (fixture, "speeches", meeting_id), ==, speeches);
  g_assert_cmpint (count_children (fixture, "measures", meeting_id), ==, measures);
}

static void
test_meeting_round_trip (Fixture       *fixture,
                         gconstpointer  data)
{
  g_auto(Roster) roster = { NULL, };
  g_autoptr(SlMeeting) meeting = NULL;
  g_autoptr(SlMeeting) found = NULL;
  g_autoptr(SlLedger) other = NULL;
  g_autoptr(GError) error = NULL;
  SlStudy *study;
  SlAttendance *row;
  SlMeasure *measure;
  gint64 key;

  roster_init (fixture, &roster);
  meeting = new_full_meeting (&roster);
  save_meeting_ok (fixture, meeting, SL_SAVE_REPLACE);
  key = sl_record_get_key (SL_RECORD (meeting));
  g_assert_cmpint (key, >, 0);
  g_assert_cmpint (count (fixture, "SELECT count(*) FROM meetings"), ==, 1);
  assert_child_counts (fixture, id_of (meeting), 2, 3, 2, 2, 1);

  other = reopen (fixture);
  found = load_meeting_ok (other, id_of (meeting));
  assert_full_meeting (found, meeting, &roster);
  g_clear_object (&found);
  g_clear_object (&other);
  release_items ();

  /* Changed and saved again: the same rows, updated in place. */
  sl_meeting_set_title (meeting, "2023年第3次中心组学习（扩大）");
  sl_meeting_set_expanded (meeting, FALSE);
  sl_meeting_set_sequence (meeting, 0);
  sl_meeting_set_plan_item (meeting, NULL);
  sl_meeting_set_chair (meeting, id_of (roster.third));
  study = ITEM (sl_meeting_get_studies (meeting), 1);
  sl_study_set_first_topic (study, TRUE);
  sl_study_set_lead (study, id_of (roster.recorder));
  row = ITEM (sl_meeting_get_attendance (meeting), 2);
  sl_attendance_set_status (row, SL_ATTENDANCE_STATUS_ABSENT);
  sl_attendance_set_left_early (row, FALSE);
  sl_attendance_set_reason (row, "未请假");
  measure = ITEM (sl_meeting_get_measures (meeting), 0);
  sl_measure_set_status (measure, SL_MEASURE_STATUS_DONE);
  sl_measure_set_done_on (measure, "2023-05-31");
  release_items ();
  save_meeting_ok (fixture, meeting, SL_SAVE_REPLACE);
  g_assert_cmpint (sl_record_get_key (SL_RECORD (meeting)), ==, key);
  g_assert_cmpint (count (fixture, "SELECT count(*) FROM meetings"), ==, 1);
  assert_child_counts (fixture, id_of (meeting), 2, 3, 2, 2, 1);
  g_assert_cmpint (count (fixture, "SELECT count(*) FROM studies"), ==, 2);
  g_assert_cmpint (count (fixture, "SELECT count(*) FROM measures"), ==, 1);

  other = reopen (fixture);
  found = load_meeting_ok (other, id_of (meeting));
  g_assert_cmpstr (sl_meeting_get_title (found), ==, "2023年第3次中心组学习（扩大）");
  g_assert_true (!sl_meeting_get_expanded (found));
  g_assert_cmpint (sl_meeting_get_sequence (found), ==, 0);
  g_assert_cmpstr (sl_meeting_get_plan_item (found), ==, NULL);
  g_assert_cmpstr (sl_meeting_get_chair (found), ==, id_of (roster.third));
  study = ITEM (sl_meeting_get_studies (found), 1);
  g_assert_true (sl_study_get_first_topic (study));
  g_assert_cmpstr (sl_study_get_lead (study), ==, id_of (roster.recorder));
  row = ITEM (sl_meeting_get_attendance (found), 2);
  g_assert_cmpint (sl_attendance_get_status (row), ==, SL_ATTENDANCE_STATUS_ABSENT);
  g_assert_true (!sl_attendance_get_left_early (row));
  g_assert_cmpstr (sl_attendance_get_reason (row), ==, "未请假");
  measure = ITEM (sl_meeting_get_measures (found), 0);
  g_assert_cmpint (sl_measure_get_status (measure), ==, SL_MEASURE_STATUS_DONE);
  g_assert_cmpstr (sl_measure_get_done_on (measure), ==, "2023-05-31");

  /* The search index followed the change, without duplicates. */
  g_assert_cmpint (search_count (fixture, "扩大）"), ==, 1);
  g_assert_cmpint (search_count (fixture, "集体学"), ==, 0);
  g_assert_cmpint (search_count (fixture, "谈体会"), ==, 1);
  g_assert_cmpint (search_count (fixture, "转化清"), ==, 1);
  g_clear_object (&found);
  g_clear_object (&other);

  /* Deleted: the meeting and everything it owns. */
  g_assert_true (sl_ledger_delete (fixture->ledger, meeting, &error));
  g_assert_no_error (error);
  assert_no_transaction (fixture);
  g_assert_cmpint (count (fixture, "SELECT count(*) FROM meetings"), ==, 0);
  g_assert_true (!sl_ledger_contains (fixture->ledger, SL_TYPE_MEETING, id_of (meeting)));
}

static void
test_meeting_text_exact (Fixture       *fixture,
                         gconstpointer  data)
{
  g_autoptr(SlOrganization) organization = make_organization (fixture, "党支部，“第一”（试点）");
  g_autoptr(SlMember) member = make_member (fixture, organization, "堃喆昇珺", 1);
  g_autoptr(SlMeeting) meeting = sl_meeting_new ();
  g_autoptr(SlMeeting) found = NULL;
  g_autoptr(SlLedger) other = NULL;
  g_autoptr(SlResearchTopic) topic = sl_research_topic_new ();
  g_autoptr(GPtrArray) topics = NULL;
  g_autoptr(GError) error = NULL;
  SlAttendance *row;
  SlGuest *guest;
  SlSpeech *speech;
  SlMeasure *measure;
  SlStudy *study;

  sl_meeting_set_organization (meeting, id_of (organization));
  sl_meeting_set_kind (meeting, SL_MEETING_KIND_BRANCH_ASSEMBLY);
  sl_meeting_set_date (meeting, "2023-07-01");
  sl_meeting_set_title (meeting, RICH_TEXT);
  sl_meeting_set_place (meeting, "　会议室　");  /* ideographic spaces kept */
  append (sl_meeting_get_studies (meeting), new_study (RICH_TEXT, id_of (member), TRUE));
  row = new_attendance (id_of (member), SL_ATTENDANCE_STATUS_LEAVE);
  sl_attendance_set_leave_kind (row, SL_LEAVE_KIND_SICK);
  sl_attendance_set_reason (row, RICH_TEXT);
  append (sl_meeting_get_attendance (meeting), row);
  guest = sl_guest_new ();
  sl_guest_set_name (guest, "喆昇");
  sl_guest_set_post (guest, RICH_TEXT);
  append (sl_meeting_get_guests (meeting), guest);
  speech = sl_speech_new ();
  sl_speech_set_speaker_name (speech, "珺🙂");
  sl_speech_set_points (speech, RICH_TEXT);
  append (sl_meeting_get_speeches (meeting), speech);
  append (sl_meeting_get_measures (meeting), new_measure (RICH_TEXT, NULL));
  save_meeting_ok (fixture, meeting, SL_SAVE_REPLACE);

  sl_research_topic_set_organization (topic, id_of (organization));
  sl_research_topic_set_year (topic, 2023);
  sl_research_topic_set_title (topic, RICH_TEXT);
  g_assert_true (sl_ledger_save_research_topic (fixture->ledger, topic, &error));
  g_assert_no_error (error);

  other = reopen (fixture);
  g_assert_cmpstr (sl_organization_get_name (sl_ledger_find_organization (other, id_of (organization))),
                   ==, "党支部，“第一”（试点）");
  g_assert_cmpstr (sl_member_get_name (sl_ledger_find_member (other, id_of (member))),
                   ==, "堃喆昇珺");
  found = load_meeting_ok (other, id_of (meeting));
  g_assert_cmpstr (sl_meeting_get_title (found), ==, RICH_TEXT);
  g_assert_cmpint (strlen (sl_meeting_get_title (found)), ==, strlen (RICH_TEXT));
  g_assert_nonnull (strstr (sl_meeting_get_title (found), "\r\n"));
  g_assert_cmpstr (sl_meeting_get_place (found), ==, "　会议室　");
  study = ITEM (sl_meeting_get_studies (found), 0);
  g_assert_cmpstr (sl_study_get_title (study), ==, RICH_TEXT);
  g_assert_cmpstr (sl_study_get_summary (study), ==, "要点：" RICH_TEXT);
  row = ITEM (sl_meeting_get_attendance (found), 0);
  g_assert_cmpint (sl_attendance_get_leave_kind (row), ==, SL_LEAVE_KIND_SICK);
  g_assert_cmpstr (sl_attendance_get_reason (row), ==, RICH_TEXT);
  guest = ITEM (sl_meeting_get_guests (found), 0);
  g_assert_cmpstr (sl_guest_get_name (guest), ==, "喆昇");
  g_assert_cmpstr (sl_guest_get_post (guest), ==, RICH_TEXT);
  speech = ITEM (sl_meeting_get_speeches (found), 0);
  g_assert_cmpstr (sl_speech_get_speaker_name (speech), ==, "珺🙂");
  g_assert_cmpstr (sl_speech_get_points (speech), ==, RICH_TEXT);
  measure = ITEM (sl_meeting_get_measures (found), 0);
  g_assert_cmpstr (sl_measure_get_text (measure), ==, RICH_TEXT);
  g_assert_cmpstr (sl_measure_get_owner (measure), ==, NULL);

  topics = sl_ledger_load_research_topics (other, 2023, &error);
  g_assert_no_error (error);
  g_assert_cmpint (topics->len, ==, 1);
  g_assert_cmpstr (sl_research_topic_get_title (g_ptr_array_index (topics, 0)), ==, RICH_TEXT);

  /* Rare characters are searchable too. */
  g_assert_cmpint (search_count (fixture, "堃喆昇"), >=, 1);
}

static SlStudy *
find_study (SlMeeting  *meeting,
            const char *id)
{
  GListModel *list = sl_meeting_get_studies (meeting);

  for (guint i = 0; i < g_list_model_get_n_items (list); i++)
    {
      SlStudy *study = ITEM (list, i);
      if (g_strcmp0 (id_of (study), id) == 0)
        return study;
    }

  return NULL;
}

static SlAttendance *
find_attendance (SlMeeting  *meeting,
                 const char *member)
{
  GListModel *list = sl_meeting_get_attendance (meeting);

  for (guint i = 0; i < g_list_model_get_n_items (list); i++)
    {
      SlAttendance *row = ITEM (list, i);
      if (g_strcmp0 (sl_attendance_get_member (row), member) == 0)
        return row;
    }

  return NULL;
}

static void
test_meeting_replace_and_merge (Fixture       *fixture,
                                gconstpointer  data)
{
  g_auto(Roster) roster = { NULL, };
  g_autoptr(SlMeeting) meeting = NULL;
  g_autoptr(SlMeeting) edit = NULL;
  g_autoptr(SlMeeting) found = NULL;
  g_autoptr(SlLedger) other = NULL;
  g_autofree char *kept_id = NULL;
  g_autofree char *dropped_id = NULL;
  g_autofree char *kept_measure = NULL;
  g_autofree char *dropped_measure = NULL;
  SlStudy *study;
  SlAttendance *row;
  SlGuest *guest;

  roster_init (fixture, &roster);
  meeting = new_full_meeting (&roster);
  append (sl_meeting_get_measures (meeting), new_measure ("第二项整改", NULL));
  save_meeting_ok (fixture, meeting, SL_SAVE_REPLACE);
  kept_id = g_strdup (id_of (ITEM (sl_meeting_get_studies (meeting), 0)));
  dropped_id = g_strdup (id_of (ITEM (sl_meeting_get_studies (meeting), 1)));
  kept_measure = g_strdup (id_of (ITEM (sl_meeting_get_measures (meeting), 0)));
  dropped_measure = g_strdup (id_of (ITEM (sl_meeting_get_measures (meeting), 1)));
  assert_child_counts (fixture, id_of (meeting), 2, 3, 2, 2, 2);

  /* MERGE, as an archive with fewer rows brings it: a study, a measure
   * and two attendance rows are missing from the object, one study and
   * one attendance row changed. */
  edit = load_meeting_ok (fixture->ledger, id_of (meeting));
  g_list_store_remove (G_LIST_STORE (sl_meeting_get_studies (edit)), 1);
  study = find_study (edit, kept_id);
  sl_study_set_title (study, "习近平总书记重要讲话精神（修订）");
  g_list_store_remove (G_LIST_STORE (sl_meeting_get_measures (edit)), 1);
  g_list_store_remove_all (G_LIST_STORE (sl_meeting_get_attendance (edit)));
  row = new_attendance (id_of (roster.chair), SL_ATTENDANCE_STATUS_ABSENT);
  sl_attendance_set_reason (row, "临时外出");
  append (sl_meeting_get_attendance (edit), row);
  g_list_store_remove (G_LIST_STORE (sl_meeting_get_guests (edit)), 0);
  release_items ();
  save_meeting_ok (fixture, edit, SL_SAVE_MERGE);

  /* Nothing with an id was removed; guests are replaced either way. */
  assert_child_counts (fixture, id_of (meeting), 2, 3, 1, 2, 2);
  other = reopen (fixture);
  found = load_meeting_ok (other, id_of (meeting));
  g_assert_cmpint (g_list_model_get_n_items (sl_meeting_get_studies (found)), ==, 2);
  study = find_study (found, kept_id);
  g_assert_nonnull (study);
  g_assert_cmpstr (sl_study_get_title (study), ==, "习近平总书记重要讲话精神（修订）");
  study = find_study (found, dropped_id);
  g_assert_nonnull (study);
  g_assert_cmpstr (sl_study_get_title (study), ==, "《中国共产党纪律处分条例》");
  g_assert_true (sl_ledger_contains (other, SL_TYPE_MEASURE, dropped_measure));
  /* Attendance merged by member: the chair's row updated, the others kept. */
  g_assert_cmpint (g_list_model_get_n_items (sl_meeting_get_attendance (found)), ==, 3);
  row = find_attendance (found, id_of (roster.chair));
  g_assert_nonnull (row);
  g_assert_cmpint (sl_attendance_get_status (row), ==, SL_ATTENDANCE_STATUS_ABSENT);
  g_assert_cmpstr (sl_attendance_get_reason (row), ==, "临时外出");
  g_assert_true (!sl_attendance_get_late (row));
  row = find_attendance (found, id_of (roster.recorder));
  g_assert_nonnull (row);
  g_assert_cmpint (sl_attendance_get_status (row), ==, SL_ATTENDANCE_STATUS_LEAVE);
  g_assert_cmpstr (sl_attendance_get_reason (row), ==, "赴京参加培训（公差）");
  g_assert_nonnull (find_attendance (found, id_of (roster.third)));
  guest = ITEM (sl_meeting_get_guests (found), 0);
  g_assert_cmpstr (sl_guest_get_name (guest), ==, "钱科长");
  g_clear_object (&found);
  g_clear_object (&other);
  release_items ();

  /* REPLACE with the same object: the lists become exactly its own. */
  save_meeting_ok (fixture, edit, SL_SAVE_REPLACE);
  assert_child_counts (fixture, id_of (meeting), 1, 1, 1, 2, 1);
  g_assert_true (sl_ledger_contains (fixture->ledger, SL_TYPE_STUDY, kept_id));
  g_assert_true (!sl_ledger_contains (fixture->ledger, SL_TYPE_STUDY, dropped_id));
  g_assert_true (sl_ledger_contains (fixture->ledger, SL_TYPE_MEASURE, kept_measure));
  g_assert_true (!sl_ledger_contains (fixture->ledger, SL_TYPE_MEASURE, dropped_measure));
  g_assert_cmpint (search_count (fixture, "纪律处"), ==, 0);
  g_assert_cmpint (search_count (fixture, "第二项"), ==, 0);

  other = reopen (fixture);
  found = load_meeting_ok (other, id_of (meeting));
  g_assert_cmpint (g_list_model_get_n_items (sl_meeting_get_studies (found)), ==, 1);
  g_assert_cmpstr (sl_study_get_title (ITEM (sl_meeting_get_studies (found), 0)),
                   ==, "习近平总书记重要讲话精神（修订）");
  g_assert_cmpint (g_list_model_get_n_items (sl_meeting_get_attendance (found)), ==, 1);
  row = ITEM (sl_meeting_get_attendance (found), 0);
  g_assert_cmpstr (sl_attendance_get_member (row), ==, id_of (roster.chair));
  g_assert_cmpint (sl_attendance_get_status (row), ==, SL_ATTENDANCE_STATUS_ABSENT);

  /* MERGE adds a new study where REPLACE dropped one. */
  g_clear_object (&found);
  append (sl_meeting_get_studies (edit), new_study ("新增篇目", NULL, FALSE));
  save_meeting_ok (fixture, edit, SL_SAVE_MERGE);
  assert_child_counts (fixture, id_of (meeting), 2, 1, 1, 2, 1);
}

static void
test_meeting_unknown_reference (Fixture       *fixture,
                                gconstpointer  data)
{
  g_auto(Roster) roster = { NULL, };
  g_autoptr(SlMeeting) meeting = NULL;
  g_autoptr(SlMeeting) found = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *unknown = g_uuid_string_random ();
  g_autofree char *original_chair = NULL;
  SlStudy *study;
  SlAttendance *row;

  roster_init (fixture, &roster);

  /* The chair names nobody. */
  meeting = new_full_meeting (&roster);
  sl_meeting_set_chair (meeting, unknown);
  g_assert_true (!sl_ledger_save_meeting (fixture->ledger, meeting, SL_SAVE_REPLACE, &error));
  ASSERT_ERROR (error, SL_LEDGER_ERROR, SL_LEDGER_ERROR_REFERENCE);
  g_test_message ("refused: %s", error->message);
  g_assert_nonnull (strstr (error->message, "chair"));
  g_assert_nonnull (strstr (error->message, unknown));
  g_clear_error (&error);
  assert_no_transaction (fixture);
  g_assert_cmpint (count (fixture, "SELECT count(*) FROM meetings"), ==, 0);
  g_assert_true (!sl_ledger_contains (fixture->ledger, SL_TYPE_MEETING, id_of (meeting)));

  /* A study's lead names nobody: the meeting row was already written when
   * that is found, and must be undone with it. */
  sl_meeting_set_chair (meeting, id_of (roster.chair));
  study = ITEM (sl_meeting_get_studies (meeting), 1);
  sl_study_set_lead (study, unknown);
  g_assert_true (!sl_ledger_save_meeting (fixture->ledger, meeting, SL_SAVE_REPLACE, &error));
  ASSERT_ERROR (error, SL_LEDGER_ERROR, SL_LEDGER_ERROR_REFERENCE);
  g_test_message ("refused: %s", error->message);
  g_assert_nonnull (strstr (error->message, "studies[1]"));
  g_clear_error (&error);
  assert_no_transaction (fixture);
  g_assert_cmpint (count (fixture, "SELECT count(*) FROM meetings"), ==, 0);
  g_assert_cmpint (count (fixture, "SELECT count(*) FROM studies"), ==, 0);
  g_assert_cmpint (count (fixture, "SELECT count(*) FROM search_index"), ==, 0);

  /* The last list written, measures: everything before it is undone. */
  sl_study_set_lead (study, NULL);
  sl_measure_set_owner (ITEM (sl_meeting_get_measures (meeting), 0), unknown);
  g_assert_true (!sl_ledger_save_meeting (fixture->ledger, meeting, SL_SAVE_REPLACE, &error));
  ASSERT_ERROR (error, SL_LEDGER_ERROR, SL_LEDGER_ERROR_REFERENCE);
  g_assert_nonnull (strstr (error->message, "measures[0]"));
  g_clear_error (&error);
  assert_no_transaction (fixture);
  g_assert_cmpint (count (fixture, "SELECT count(*) FROM meetings"), ==, 0);
  g_assert_cmpint (count (fixture, "SELECT count(*) FROM studies"), ==, 0);
  g_assert_cmpint (count (fixture, "SELECT count(*) FROM attendance"), ==, 0);
  g_assert_cmpint (count (fixture, "SELECT count(*) FROM guests"), ==, 0);
  g_assert_cmpint (count (fixture, "SELECT count(*) FROM speeches"), ==, 0);
  g_assert_cmpint (count (fixture, "SELECT count(*) FROM measures"), ==, 0);

  /* Saved properly, then a bad edit leaves the stored meeting as it was. */
  sl_measure_set_owner (ITEM (sl_meeting_get_measures (meeting), 0), id_of (roster.third));
  save_meeting_ok (fixture, meeting, SL_SAVE_REPLACE);
  original_chair = g_strdup (sl_meeting_get_chair (meeting));
  sl_meeting_set_title (meeting, "不应写入");
  g_list_store_remove (G_LIST_STORE (sl_meeting_get_studies (meeting)), 0);
  row = ITEM (sl_meeting_get_attendance (meeting), 0);
  sl_attendance_set_member (row, unknown);
  g_assert_true (!sl_ledger_save_meeting (fixture->ledger, meeting, SL_SAVE_REPLACE, &error));
  ASSERT_ERROR (error, SL_LEDGER_ERROR, SL_LEDGER_ERROR_REFERENCE);
  g_assert_nonnull (strstr (error->message, "attendance[0]"));
  g_clear_error (&error);
  assert_no_transaction (fixture);

  found = load_meeting_ok (fixture->ledger, id_of (meeting));
  g_assert_cmpstr (sl_meeting_get_title (found), ==, "2023年第3次理论学习中心组集体学习");
  g_assert_cmpstr (sl_meeting_get_chair (found), ==, original_chair);
  assert_child_counts (fixture, id_of (meeting), 2, 3, 2, 2, 1);
  g_assert_cmpint (search_count (fixture, "不应写"), ==, 0);
}

static void
test_meeting_invalid (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autoptr(SlOrganization) organization = make_organization (fixture, "机关党委");
  g_autoptr(SlMeeting) meeting = sl_meeting_new ();
  g_autoptr(GError) error = NULL;

  sl_meeting_set_organization (meeting, id_of (organization));
  sl_meeting_set_kind (meeting, SL_MEETING_KIND_PARTY_GROUP);
  sl_meeting_set_date (meeting, "2023-02-30");
  g_assert_true (!sl_ledger_save_meeting (fixture->ledger, meeting, SL_SAVE_REPLACE, &error));
  ASSERT_ERROR (error, SL_LEDGER_ERROR, SL_LEDGER_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "date"));
  g_clear_error (&error);
  assert_no_transaction (fixture);

  sl_meeting_set_date (meeting, "2023-02-28");
  sl_meeting_set_kind (meeting, SL_MEETING_KIND_NONE);
  g_assert_true (!sl_ledger_save_meeting (fixture->ledger, meeting, SL_SAVE_REPLACE, &error));
  ASSERT_ERROR (error, SL_LEDGER_ERROR, SL_LEDGER_ERROR_INVALID);
  g_clear_error (&error);
  assert_no_transaction (fixture);
  g_assert_cmpint (count (fixture, "SELECT count(*) FROM meetings"), ==, 0);
}

/* ------------------------------------------------------------------ */
/* Deleting                                                           */
/* ------------------------------------------------------------------ */

static void
test_delete_member_in_use (Fixture       *fixture,
                           gconstpointer  data)
{
  g_auto(Roster) roster = { NULL, };
  g_autoptr(SlMeeting) meeting = sl_meeting_new ();
  g_autoptr(GError) error = NULL;
  GListModel *members;
  guint n_members;

  roster_init (fixture, &roster);
  members = sl_ledger_get_members (fixture->ledger);
  n_members = g_list_model_get_n_items (members);
  g_assert_cmpint (n_members, ==, 3);

  /* 王五 appears only in the attendance of one meeting. */
  sl_meeting_set_organization (meeting, id_of (roster.organization));
  sl_meeting_set_kind (meeting, SL_MEETING_KIND_BRANCH_COMMITTEE);
  sl_meeting_set_date (meeting, "2023-05-04");
  append (sl_meeting_get_attendance (meeting),
          new_attendance (id_of (roster.third), SL_ATTENDANCE_STATUS_PRESENT));
  save_meeting_ok (fixture, meeting, SL_SAVE_REPLACE);

  g_assert_true (!sl_ledger_delete (fixture->ledger, roster.third, &error));
  ASSERT_ERROR (error, SL_LEDGER_ERROR, SL_LEDGER_ERROR_IN_USE);
  g_test_message ("refused: %s", error->message);
  g_assert_nonnull (strstr (error->message, "王五"));
  g_clear_error (&error);
  assert_no_transaction (fixture);

  g_assert_cmpint (count (fixture, "SELECT count(*) FROM members"), ==, 3);
  g_assert_true (sl_ledger_contains (fixture->ledger, SL_TYPE_MEMBER, id_of (roster.third)));
  g_assert_nonnull (sl_ledger_find_member (fixture->ledger, id_of (roster.third)));
  g_assert_cmpint (g_list_model_get_n_items (members), ==, n_members);
  g_assert_cmpint (sl_record_get_key (SL_RECORD (roster.third)), >, 0);
  g_assert_cmpint (count_children (fixture, "attendance", id_of (meeting)), ==, 1);

  /* Nor can the organization that members and meetings name. */
  g_assert_true (!sl_ledger_delete (fixture->ledger, roster.organization, &error));
  ASSERT_ERROR (error, SL_LEDGER_ERROR, SL_LEDGER_ERROR_IN_USE);
  g_clear_error (&error);
  assert_no_transaction (fixture);
  g_assert_true (sl_ledger_find_organization (fixture->ledger, id_of (roster.organization)) != NULL);

  /* Once the meeting is gone, so is the reason to keep 王五. */
  g_assert_true (sl_ledger_delete (fixture->ledger, meeting, &error));
  g_assert_no_error (error);
  g_assert_true (sl_ledger_delete (fixture->ledger, roster.third, &error));
  g_assert_no_error (error);
  g_assert_cmpint (g_list_model_get_n_items (members), ==, n_members - 1);
  g_assert_true (sl_ledger_find_member (fixture->ledger, id_of (roster.third)) == NULL);

  /* Undo: saving the deleted object again brings the member back. */
  g_assert_true (sl_ledger_save_member (fixture->ledger, roster.third, &error));
  g_assert_no_error (error);
  g_assert_cmpint (g_list_model_get_n_items (members), ==, n_members);
  g_assert_true (sl_ledger_find_member (fixture->ledger, id_of (roster.third)) == roster.third);
  g_assert_cmpint (count (fixture, "SELECT count(*) FROM members WHERE name = '王五'"), ==, 1);
}

/* Deleting an organization that is the parent of another: the file sets the
 * child's parent to NULL (ON DELETE SET NULL), and the live store, which
 * views bind to, must say the same. Otherwise the child shows a parent that
 * no longer exists, and the next save of that very object (a rename in the
 * editor) is refused with "parent: no record has the id ...". Refusing the
 * delete (IN_USE) would be a fix too; both are accepted here. */
static void
test_delete_parent_organization (Fixture       *fixture,
                                 gconstpointer  data)
{
  g_autoptr(SlOrganization) parent = make_organization (fixture, "机关党委");
  g_autoptr(SlOrganization) child = sl_organization_new ();
  g_autoptr(SlLedger) other = NULL;
  g_autoptr(GError) error = NULL;
  GListModel *organizations = sl_ledger_get_organizations (fixture->ledger);
  SlOrganization *live;
  gboolean deleted;

  sl_organization_set_name (child, "第一党支部");
  sl_organization_set_parent (child, id_of (parent));
  g_assert_true (sl_ledger_save_organization (fixture->ledger, child, &error));
  g_assert_no_error (error);
  g_assert_cmpint (g_list_model_get_n_items (organizations), ==, 2);

  deleted = sl_ledger_delete (fixture->ledger, parent, &error);
  assert_no_transaction (fixture);
  if (!deleted)
    {
      /* Refused: everything still as it was. */
      ASSERT_ERROR (error, SL_LEDGER_ERROR, SL_LEDGER_ERROR_IN_USE);
      g_assert_cmpint (g_list_model_get_n_items (organizations), ==, 2);
      g_assert_cmpint (count (fixture, "SELECT count(*) FROM organizations "
                                       "WHERE parent_id IS NOT NULL"), ==, 1);
      return;
    }
  g_assert_no_error (error);
  g_assert_cmpint (g_list_model_get_n_items (organizations), ==, 1);

  /* What the file says now. */
  other = reopen (fixture);
  g_assert_cmpstr (sl_organization_get_parent (sl_ledger_find_organization (other, id_of (child))),
                   ==, NULL);

  live = sl_ledger_find_organization (fixture->ledger, id_of (child));
  g_assert_nonnull (live);
  g_assert_null (sl_organization_get_parent (live));

  /* The secretary renames the branch in the editor, which edits the store's object. */
  sl_organization_set_name (live, "第一党支部（改）");
  g_assert_true (sl_ledger_save_organization (fixture->ledger, live, &error));
  g_assert_no_error (error);
}

static void
test_delete_meeting_cascades_and_undo (Fixture       *fixture,
                                       gconstpointer  data)
{
  g_auto(Roster) roster = { NULL, };
  g_autoptr(SlMeeting) meeting = NULL;
  g_autoptr(SlMeeting) other_meeting = NULL;
  g_autoptr(SlMeeting) found = NULL;
  g_autoptr(SlLedger) other = NULL;
  g_autoptr(GError) error = NULL;

  roster_init (fixture, &roster);
  meeting = new_full_meeting (&roster);
  save_meeting_ok (fixture, meeting, SL_SAVE_REPLACE);

  /* A second meeting whose rows must not be touched. */
  other_meeting = new_full_meeting (&roster);
  sl_meeting_set_title (other_meeting, "另一次会议");
  sl_meeting_set_date (other_meeting, "2023-03-16");
  save_meeting_ok (fixture, other_meeting, SL_SAVE_REPLACE);

  assert_child_counts (fixture, id_of (meeting), 2, 3, 2, 2, 1);
  g_assert_cmpint (search_count (fixture, "中心组集"), ==, 1);
  g_assert_cmpint (search_count (fixture, "谈体会"), ==, 2);

  g_assert_true (sl_ledger_delete (fixture->ledger, meeting, &error));
  g_assert_no_error (error);
  assert_no_transaction (fixture);
  g_assert_cmpint (sl_record_get_key (SL_RECORD (meeting)), ==, 0);
  g_assert_true (!sl_ledger_contains (fixture->ledger, SL_TYPE_MEETING, id_of (meeting)));
  g_assert_cmpint (count (fixture, "SELECT count(*) FROM meetings"), ==, 1);
  g_assert_cmpint (count (fixture, "SELECT count(*) FROM studies"), ==, 2);
  g_assert_cmpint (count (fixture, "SELECT count(*) FROM attendance"), ==, 3);
  g_assert_cmpint (count (fixture, "SELECT count(*) FROM guests"), ==, 2);
  g_assert_cmpint (count (fixture, "SELECT count(*) FROM speeches"), ==, 2);
  g_assert_cmpint (count (fixture, "SELECT count(*) FROM measures"), ==, 1);
  assert_child_counts (fixture, id_of (other_meeting), 2, 3, 2, 2, 1);
  /* Nothing of it can still be found by a search. */
  g_assert_cmpint (search_count (fixture, "中心组集"), ==, 0);
  g_assert_cmpint (search_count (fixture, "谈体会"), ==, 1);

  {
    g_autoptr(SlMeeting) missing = sl_ledger_load_meeting (fixture->ledger, id_of (meeting), &error);
    ASSERT_ERROR (error, SL_LEDGER_ERROR, SL_LEDGER_ERROR_NOT_FOUND);
    g_assert_true (missing == NULL);
    g_clear_error (&error);
  }

  /* Undo: the same object saved again, children and all. */
  save_meeting_ok (fixture, meeting, SL_SAVE_REPLACE);
  g_assert_cmpint (sl_record_get_key (SL_RECORD (meeting)), >, 0);
  assert_child_counts (fixture, id_of (meeting), 2, 3, 2, 2, 1);
  g_assert_cmpint (count (fixture, "SELECT count(*) FROM meetings"), ==, 2);
  g_assert_cmpint (search_count (fixture, "中心组集"), ==, 1);
  g_assert_cmpint (search_count (fixture, "谈体会"), ==, 2);

  other = reopen (fixture);
  found = load_meeting_ok (other, id_of (meeting));
  assert_full_meeting (found, meeting, &roster);
}

/* ------------------------------------------------------------------ */
/* Live models                                                        */
/* ------------------------------------------------------------------ */

typedef struct
{
  guint n_signals;
  guint position;
  guint removed;
  guint added;
} ItemsChanged;

static void
on_items_changed (GListModel   *model,
                  guint         position,
                  guint         removed,
                  guint         added,
                  ItemsChanged *record)
{
  record->n_signals++;
  record->position = position;
  record->removed = removed;
  record->added = added;
}

static void
test_model_items_changed (Fixture       *fixture,
                          gconstpointer  data)
{
  g_autoptr(SlOrganization) organization = make_organization (fixture, "机关党委");
  g_autoptr(SlMember) first = make_member (fixture, organization, "张三", 1);
  g_autoptr(SlMember) member = sl_member_new ();
  g_autoptr(SlMember) copy = sl_member_new ();
  g_autoptr(GError) error = NULL;
  ItemsChanged changes = { 0, };
  GListModel *members;
  gulong handler;

  /* Loaded on first use, from the file. */
  members = sl_ledger_get_members (fixture->ledger);
  g_assert_cmpint (g_list_model_get_n_items (members), ==, 1);
  g_assert_true (g_list_model_get_item_type (members) == SL_TYPE_MEMBER);
  handler = g_signal_connect (members, "items-changed", G_CALLBACK (on_items_changed), &changes);

  sl_member_set_name (member, "李四");
  sl_member_set_organization (member, id_of (organization));
  sl_member_set_sort (member, 2);
  g_assert_true (sl_ledger_save_member (fixture->ledger, member, &error));
  g_assert_no_error (error);
  g_assert_cmpint (changes.n_signals, ==, 1);
  g_assert_cmpint (changes.position, ==, 1);
  g_assert_cmpint (changes.removed, ==, 0);
  g_assert_cmpint (changes.added, ==, 1);
  g_assert_cmpint (g_list_model_get_n_items (members), ==, 2);
  g_assert_true (ITEM (members, 1) == (gpointer) member);
  g_assert_true (sl_ledger_find_member (fixture->ledger, id_of (member)) == member);

  /* The same object saved again: already in place, the list is unchanged. */
  sl_member_set_post (member, "组织委员");
  g_assert_true (sl_ledger_save_member (fixture->ledger, member, &error));
  g_assert_no_error (error);
  g_assert_cmpint (changes.n_signals, ==, 1);
  g_assert_cmpint (g_list_model_get_n_items (members), ==, 2);

  /* Another object with the same id (an editor's copy) replaces it in place. */
  sl_record_set_id (SL_RECORD (copy), id_of (member));
  sl_member_set_name (copy, "李四（改）");
  sl_member_set_organization (copy, id_of (organization));
  sl_member_set_sort (copy, 2);
  g_assert_true (sl_ledger_save_member (fixture->ledger, copy, &error));
  g_assert_no_error (error);
  g_assert_cmpint (changes.n_signals, ==, 2);
  g_assert_cmpint (changes.position, ==, 1);
  g_assert_cmpint (changes.removed, ==, 1);
  g_assert_cmpint (changes.added, ==, 1);
  g_assert_cmpint (g_list_model_get_n_items (members), ==, 2);
  g_assert_true (ITEM (members, 1) == (gpointer) copy);
  g_assert_true (sl_ledger_find_member (fixture->ledger, id_of (member)) == copy);
  g_assert_cmpint (count (fixture, "SELECT count(*) FROM members"), ==, 2);

  /* A failed save changes nothing. */
  {
    g_autoptr(SlMember) nameless = sl_member_new ();
    g_assert_true (!sl_ledger_save_member (fixture->ledger, nameless, &error));
    ASSERT_ERROR (error, SL_LEDGER_ERROR, SL_LEDGER_ERROR_INVALID);
    g_clear_error (&error);
    g_assert_cmpint (changes.n_signals, ==, 2);
  }

  /* A delete removes one row, in one signal. */
  g_assert_true (sl_ledger_delete (fixture->ledger, first, &error));
  g_assert_no_error (error);
  g_assert_cmpint (changes.n_signals, ==, 3);
  g_assert_cmpint (changes.position, ==, 0);
  g_assert_cmpint (changes.removed, ==, 1);
  g_assert_cmpint (changes.added, ==, 0);
  g_assert_cmpint (g_list_model_get_n_items (members), ==, 1);

  g_signal_handler_disconnect (members, handler);
}

static void
test_model_rollback (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autoptr(SlOrganization) organization = make_organization (fixture, "机关党委");
  g_autoptr(SlMember) kept = make_member (fixture, organization, "张三", 1);
  g_autoptr(SlMember) member = sl_member_new ();
  g_autoptr(SlOrganization) branch = sl_organization_new ();
  g_autoptr(GError) error = NULL;
  ItemsChanged changes = { 0, };
  GListModel *members = sl_ledger_get_members (fixture->ledger);
  GListModel *organizations = sl_ledger_get_organizations (fixture->ledger);
  gulong handler;

  g_assert_cmpint (g_list_model_get_n_items (members), ==, 1);
  g_assert_cmpint (g_list_model_get_n_items (organizations), ==, 1);

  g_assert_true (sl_ledger_begin (fixture->ledger, &error));
  g_assert_no_error (error);
  sl_organization_set_name (branch, "临时支部");
  g_assert_true (sl_ledger_save_organization (fixture->ledger, branch, &error));
  g_assert_no_error (error);
  sl_member_set_name (member, "李四");
  sl_member_set_organization (member, id_of (branch));
  g_assert_true (sl_ledger_save_member (fixture->ledger, member, &error));
  g_assert_no_error (error);
  g_assert_cmpint (g_list_model_get_n_items (members), ==, 2);
  g_assert_cmpint (g_list_model_get_n_items (organizations), ==, 2);
  g_assert_true (sl_ledger_find_member (fixture->ledger, id_of (member)) == member);

  handler = g_signal_connect (members, "items-changed", G_CALLBACK (on_items_changed), &changes);
  sl_ledger_rollback (fixture->ledger);
  assert_no_transaction (fixture);

  /* One items-changed for the reload, and the member is gone. */
  g_assert_cmpint (changes.n_signals, ==, 1);
  g_assert_cmpint (g_list_model_get_n_items (members), ==, 1);
  g_assert_cmpstr (sl_member_get_name (ITEM (members, 0)), ==, "张三");
  g_assert_cmpstr (id_of (ITEM (members, 0)), ==, id_of (kept));
  g_assert_true (sl_ledger_find_member (fixture->ledger, id_of (member)) == NULL);
  g_assert_true (!sl_ledger_contains (fixture->ledger, SL_TYPE_MEMBER, id_of (member)));
  g_assert_cmpint (g_list_model_get_n_items (organizations), ==, 1);
  g_assert_true (sl_ledger_find_organization (fixture->ledger, id_of (branch)) == NULL);
  g_assert_cmpint (count (fixture, "SELECT count(*) FROM members"), ==, 1);
  g_assert_cmpint (count (fixture, "SELECT count(*) FROM organizations"), ==, 1);
  g_signal_handler_disconnect (members, handler);

  /* Committed, the same work stays. */
  g_assert_true (sl_ledger_begin (fixture->ledger, &error));
  g_assert_no_error (error);
  g_assert_true (sl_ledger_save_organization (fixture->ledger, branch, &error));
  g_assert_no_error (error);
  g_assert_true (sl_ledger_save_member (fixture->ledger, member, &error));
  g_assert_no_error (error);
  g_assert_true (sl_ledger_commit (fixture->ledger, &error));
  g_assert_no_error (error);
  assert_no_transaction (fixture);
  g_assert_cmpint (g_list_model_get_n_items (members), ==, 2);
  g_assert_true (sl_ledger_find_member (fixture->ledger, id_of (member)) != NULL);
  g_assert_cmpint (count (fixture, "SELECT count(*) FROM members"), ==, 2);
}

/* ------------------------------------------------------------------ */
/* Loading meetings                                                   */
/* ------------------------------------------------------------------ */

static SlMeeting *
save_simple_meeting (Fixture        *fixture,
                     SlOrganization *organization,
                     const char     *date,
                     const char     *title)
{
  SlMeeting *meeting = sl_meeting_new ();

  sl_meeting_set_organization (meeting, id_of (organization));
  sl_meeting_set_kind (meeting, SL_MEETING_KIND_BRANCH_ASSEMBLY);
  sl_meeting_set_date (meeting, date);
  sl_meeting_set_title (meeting, title);
  append (sl_meeting_get_studies (meeting), new_study (title, NULL, FALSE));
  save_meeting_ok (fixture, meeting, SL_SAVE_REPLACE);

  return meeting;
}

static char *
titles_of (GPtrArray *meetings)
{
  g_autoptr(GString) titles = g_string_new (NULL);

  for (guint i = 0; i < meetings->len; i++)
    g_string_append_printf (titles, "%s%s", i ? "," : "",
                            sl_meeting_get_title (g_ptr_array_index (meetings, i)));

  return g_string_free (g_steal_pointer (&titles), FALSE);
}

#define ASSERT_LOADED(ledger, year, organization, expected)                        \
  G_STMT_START {                                                                 \
    g_autoptr(GError) error_ = NULL;                                             \
    g_autoptr(GPtrArray) meetings_ =                                             \
      sl_ledger_load_meetings (ledger, year, organization, FALSE, &error_);      \
    g_autofree char *titles_ = NULL;                                             \
    g_assert_no_error (error_);                                                  \
    g_assert_nonnull (meetings_);                                                \
    titles_ = titles_of (meetings_);                                             \
    g_assert_cmpstr (titles_, ==, expected);                                     \
  } G_STMT_END

static void
test_load_meetings (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autoptr(SlOrganization) first = make_organization (fixture, "第一党支部");
  g_autoptr(SlOrganization) second = make_organization (fixture, "第二党支部");
  g_autoptr(SlMeeting) a = NULL;
  g_autoptr(SlMeeting) b = NULL;
  g_autoptr(SlMeeting) c = NULL;
  g_autoptr(SlMeeting) d = NULL;
  g_autoptr(SlMeeting) e = NULL;
  g_autoptr(SlLedger) other = NULL;
  g_autoptr(GPtrArray) detailed = NULL;
  g_autoptr(GPtrArray) bare = NULL;
  g_autoptr(SlMeeting) found = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *unknown = g_uuid_string_random ();

  /* Saved out of date order. */
  c = save_simple_meeting (fixture, first, "2023-11-20", "C");
  a = save_simple_meeting (fixture, first, "2023-01-05", "A");
  d = save_simple_meeting (fixture, first, "2024-01-10", "D");
  b = save_simple_meeting (fixture, second, "2023-05-05", "B");
  e = save_simple_meeting (fixture, second, "2022-12-31", "E");

  other = reopen (fixture);
  ASSERT_LOADED (other, 0, NULL, "E,A,B,C,D");
  ASSERT_LOADED (other, 2023, NULL, "A,B,C");
  ASSERT_LOADED (other, 2024, NULL, "D");
  ASSERT_LOADED (other, 2022, NULL, "E");
  ASSERT_LOADED (other, 2021, NULL, "");
  ASSERT_LOADED (other, 0, id_of (first), "A,C,D");
  ASSERT_LOADED (other, 0, id_of (second), "E,B");
  ASSERT_LOADED (other, 2023, id_of (first), "A,C");
  ASSERT_LOADED (other, 2023, id_of (second), "B");
  ASSERT_LOADED (other, 2024, id_of (second), "");
  ASSERT_LOADED (other, 0, unknown, "");

  /* Details only when asked for. */
  bare = sl_ledger_load_meetings (other, 2023, id_of (first), FALSE, &error);
  g_assert_no_error (error);
  g_assert_cmpint (bare->len, ==, 2);
  g_assert_cmpint (g_list_model_get_n_items (sl_meeting_get_studies (g_ptr_array_index (bare, 0))), ==, 0);
  g_assert_true (sl_ledger_load_meeting_details (other, g_ptr_array_index (bare, 0), &error));
  g_assert_no_error (error);
  g_assert_cmpint (g_list_model_get_n_items (sl_meeting_get_studies (g_ptr_array_index (bare, 0))), ==, 1);

  detailed = sl_ledger_load_meetings (other, 2023, id_of (first), TRUE, &error);
  g_assert_no_error (error);
  g_assert_cmpint (detailed->len, ==, 2);
  for (guint i = 0; i < detailed->len; i++)
    {
      SlMeeting *meeting = g_ptr_array_index (detailed, i);
      GListModel *studies = sl_meeting_get_studies (meeting);

      g_assert_cmpint (g_list_model_get_n_items (studies), ==, 1);
      /* Each meeting has its own studies, not its neighbour's. */
      g_assert_cmpstr (sl_study_get_title (ITEM (studies, 0)), ==, sl_meeting_get_title (meeting));
      g_assert_cmpstr (sl_meeting_get_organization (meeting), ==, id_of (first));
    }

  /* One by id. */
  found = load_meeting_ok (other, id_of (b));
  g_assert_cmpstr (sl_meeting_get_title (found), ==, "B");
  g_assert_cmpstr (sl_meeting_get_date (found), ==, "2023-05-05");
  g_assert_cmpstr (sl_meeting_get_organization (found), ==, id_of (second));
  g_assert_cmpint (sl_meeting_get_kind (found), ==, SL_MEETING_KIND_BRANCH_ASSEMBLY);
  g_assert_cmpint (g_list_model_get_n_items (sl_meeting_get_studies (found)), ==, 1);
  g_clear_object (&found);

  /* An id nobody has. */
  found = sl_ledger_load_meeting (other, unknown, &error);
  ASSERT_ERROR (error, SL_LEDGER_ERROR, SL_LEDGER_ERROR_NOT_FOUND);
  g_assert_nonnull (strstr (error->message, unknown));
  g_assert_true (found == NULL);
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
  int result;

  g_test_init (&argc, &argv, NULL);
  cleanup_items = g_ptr_array_new_with_free_func (g_object_unref);

#define ADD(name, func) \
  g_test_add ("/ledger/" name, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("organization/round-trip", test_organization_round_trip);
  ADD ("member/round-trip", test_member_round_trip);
  ADD ("member/invalid", test_member_invalid);
  ADD ("plan/round-trip", test_plan_round_trip);
  ADD ("meeting/round-trip", test_meeting_round_trip);
  ADD ("meeting/text-exact", test_meeting_text_exact);
  ADD ("meeting/replace-and-merge", test_meeting_replace_and_merge);
  ADD ("meeting/unknown-reference", test_meeting_unknown_reference);
  ADD ("meeting/invalid", test_meeting_invalid);
  ADD ("delete/member-in-use", test_delete_member_in_use);
  ADD ("delete/meeting-cascades-and-undo", test_delete_meeting_cascades_and_undo);
  ADD ("delete/parent-organization", test_delete_parent_organization);
  ADD ("model/items-changed", test_model_items_changed);
  ADD ("model/rollback", test_model_rollback);
  ADD ("load/meetings", test_load_meetings);
  ADD ("research-topic/round-trip", test_research_topic_round_trip);

#undef ADD

  result = g_test_run ();
  g_ptr_array_unref (cleanup_items);

  return result;
}
