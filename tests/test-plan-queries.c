/* test-plan-queries.c — what became of a plan's items (sl-plan-queries.c)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * On a real ledger file filled from tests/data/year-2023.json (one plan
 * of eight items, seven of them named by a meeting, the October one
 * cancelled), the answers are checked against the records as the model
 * loads them, then again after meetings are saved that change which items
 * were held.
 */

#include "config.h"

#include <glib/gstdio.h>
#include <string.h>

#include "sl-archive.h"
#include "sl-ledger.h"
#include "sl-meeting.h"
#include "sl-plan.h"
#include "sl-plan-item.h"
#include "sl-plan-queries.h"
#include "sl-record.h"

typedef struct
{
  char     *folder;
  char     *path;
  SlLedger *ledger;
  SlPlan   *plan;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *archive = g_test_build_filename (G_TEST_DIST, "data", "year-2023.json", NULL);
  g_autoptr(GPtrArray) plans = NULL;

  fixture->folder = g_dir_make_tmp ("test-plan-queries-XXXXXX", &error);
  g_assert_no_error (error);
  fixture->path = g_build_filename (fixture->folder, "ledger.db", NULL);
  fixture->ledger = sl_ledger_open (fixture->path, &error);
  g_assert_no_error (error);

  sl_archive_import (fixture->ledger, archive, FALSE, NULL, &error);
  g_assert_no_error (error);

  plans = sl_ledger_load_plans (fixture->ledger, 2023, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (plans->len, ==, 1);
  fixture->plan = g_object_ref (g_ptr_array_index (plans, 0));
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autoptr(GDir) dir = NULL;
  const char *name;

  g_clear_object (&fixture->plan);
  g_assert_finalize_object (fixture->ledger);

  dir = g_dir_open (fixture->folder, 0, NULL);
  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *path = g_build_filename (fixture->folder, name, NULL);
      g_remove (path);
    }
  g_rmdir (fixture->folder);
  g_free (fixture->path);
  g_free (fixture->folder);
}

static SlPlanItem *
plan_item_at (Fixture *fixture,
              guint    position)
{
  g_autoptr(SlPlanItem) item = g_list_model_get_item (sl_plan_get_items (fixture->plan), position);

  return item;   /* the plan keeps it */
}

static const char *
id_of (gpointer record)
{
  return sl_record_get_id (SL_RECORD (record));
}

/* Plan item id → (earliest date, count), worked out from the meetings as
 * the model loads them: the answer the query must give. */
static GHashTable *
expected_held (Fixture *fixture)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) meetings = sl_ledger_load_meetings (fixture->ledger, 0, NULL, FALSE, &error);
  GHashTable *held = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                            (GDestroyNotify) sl_plan_item_held_free);

  g_assert_no_error (error);
  for (guint i = 0; i < meetings->len; i++)
    {
      SlMeeting *meeting = g_ptr_array_index (meetings, i);
      const char *item = sl_meeting_get_plan_item (meeting);
      const char *date = sl_meeting_get_date (meeting);
      SlPlanItemHeld *each;

      if (item == NULL)
        continue;
      if (!(each = g_hash_table_lookup (held, item)))
        {
          each = g_new0 (SlPlanItemHeld, 1);
          g_hash_table_insert (held, g_strdup (item), each);
        }
      each->count++;
      if (each->first_date == NULL || strcmp (date, each->first_date) < 0)
        {
          g_free (each->first_date);
          each->first_date = g_strdup (date);
        }
    }

  return held;
}

static void
assert_held (Fixture *fixture)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GHashTable) expected = expected_held (fixture);
  g_autoptr(GHashTable) held = sl_ledger_query_plan_items_held (fixture->ledger,
                                                                id_of (fixture->plan), &error);
  GHashTableIter iter;
  gpointer key, value;

  g_assert_no_error (error);
  g_assert_nonnull (held);
  g_assert_cmpuint (g_hash_table_size (held), ==, g_hash_table_size (expected));

  g_hash_table_iter_init (&iter, expected);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      const SlPlanItemHeld *want = value;
      const SlPlanItemHeld *got = g_hash_table_lookup (held, key);

      g_assert_nonnull (got);
      g_assert_cmpstr (got->first_date, ==, want->first_date);
      g_assert_cmpuint (got->count, ==, want->count);
    }
}

static GPtrArray *
not_held (Fixture *fixture)
{
  g_autoptr(GError) error = NULL;
  GPtrArray *items = sl_ledger_query_plan_items_not_held (fixture->ledger,
                                                          id_of (fixture->plan), &error);

  g_assert_no_error (error);
  g_assert_nonnull (items);
  return items;
}

static void
assert_not_held_item (GPtrArray  *items,
                      guint       index,
                      SlPlanItem *want)
{
  const SlPlanItemNotHeld *got = g_ptr_array_index (items, index);

  g_assert_cmpint (got->month, ==, sl_plan_item_get_month (want));
  g_assert_cmpstr (got->theme, ==, sl_plan_item_get_theme (want));
  g_assert_cmpint (got->status, ==, sl_plan_item_get_status (want));
}

/* As imported: seven items held once each, the cancelled October one not. */
static void
test_as_imported (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autoptr(GPtrArray) items = not_held (fixture);
  SlPlanItem *october = plan_item_at (fixture, 6);

  assert_held (fixture);

  g_assert_cmpint (sl_plan_item_get_month (october), ==, 10);
  g_assert_cmpint (sl_plan_item_get_status (october), ==, SL_PLAN_ITEM_STATUS_CANCELLED);
  g_assert_cmpuint (items->len, ==, 1);
  assert_not_held_item (items, 0, october);
}

/* A second meeting naming the February item makes it held twice, from the
 * earlier date; the June item (adjusted) loses its meeting and is listed
 * as not held, before October: the plan's order, not the order of change. */
static void
test_after_saves (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) meetings = sl_ledger_load_meetings (fixture->ledger, 2023, NULL, TRUE, &error);
  SlPlanItem *february = plan_item_at (fixture, 0);
  SlPlanItem *june = plan_item_at (fixture, 4);
  SlMeeting *later = NULL;
  SlMeeting *june_meeting = NULL;
  const char *february_date = NULL;
  g_autoptr(GHashTable) held = NULL;
  g_autoptr(GPtrArray) items = NULL;
  const SlPlanItemHeld *twice;

  g_assert_no_error (error);
  g_assert_cmpint (sl_plan_item_get_status (june), ==, SL_PLAN_ITEM_STATUS_ADJUSTED);

  for (guint i = 0; i < meetings->len; i++)
    {
      SlMeeting *meeting = g_ptr_array_index (meetings, i);

      if (g_strcmp0 (sl_meeting_get_plan_item (meeting), id_of (february)) == 0)
        february_date = sl_meeting_get_date (meeting);
      else if (g_strcmp0 (sl_meeting_get_plan_item (meeting), id_of (june)) == 0)
        june_meeting = meeting;
    }
  g_assert_nonnull (february_date);
  g_assert_nonnull (june_meeting);

  /* A meeting of a later date that names no item yet. */
  for (guint i = 0; i < meetings->len && later == NULL; i++)
    {
      SlMeeting *meeting = g_ptr_array_index (meetings, i);

      if (sl_meeting_get_plan_item (meeting) == NULL &&
          strcmp (sl_meeting_get_date (meeting), february_date) > 0)
        later = meeting;
    }
  g_assert_nonnull (later);

  sl_meeting_set_plan_item (later, id_of (february));
  g_assert_true (sl_ledger_save_meeting (fixture->ledger, later, SL_SAVE_REPLACE, &error));
  g_assert_no_error (error);
  sl_meeting_set_plan_item (june_meeting, NULL);
  g_assert_true (sl_ledger_save_meeting (fixture->ledger, june_meeting, SL_SAVE_REPLACE, &error));
  g_assert_no_error (error);

  assert_held (fixture);
  held = sl_ledger_query_plan_items_held (fixture->ledger, id_of (fixture->plan), &error);
  g_assert_no_error (error);
  twice = g_hash_table_lookup (held, id_of (february));
  g_assert_nonnull (twice);
  g_assert_cmpuint (twice->count, ==, 2);
  g_assert_cmpstr (twice->first_date, ==, february_date);
  g_assert_false (g_hash_table_contains (held, id_of (june)));

  items = not_held (fixture);
  g_assert_cmpuint (items->len, ==, 2);
  assert_not_held_item (items, 0, june);
  assert_not_held_item (items, 1, plan_item_at (fixture, 6));
}

/* A plan that is not in the ledger has no items: empty answers, no error. */
static void
test_unknown_plan (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GHashTable) held = NULL;
  g_autoptr(GPtrArray) items = NULL;

  held = sl_ledger_query_plan_items_held (fixture->ledger, "no-such-plan", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_hash_table_size (held), ==, 0);

  items = sl_ledger_query_plan_items_not_held (fixture->ledger, "no-such-plan", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (items->len, ==, 0);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/plan-queries/as-imported", Fixture, NULL,
              fixture_set_up, test_as_imported, fixture_tear_down);
  g_test_add ("/plan-queries/after-saves", Fixture, NULL,
              fixture_set_up, test_after_saves, fixture_tear_down);
  g_test_add ("/plan-queries/unknown-plan", Fixture, NULL,
              fixture_set_up, test_unknown_plan, fixture_tear_down);

  return g_test_run ();
}
