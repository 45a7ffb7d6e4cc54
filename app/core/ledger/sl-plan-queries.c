/* sl-plan-queries.c — what became of a plan's items, read from the ledger
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The plan's 安排表 and the annual report say, for each item, whether a
 * meeting carried it out. They ask over every year, as SlStatistics counts
 * a plan's items held: a 2023 item held in January 2024 was held.
 */

#define G_LOG_DOMAIN "sl-plan-queries"

#include "config.h"

#include "sl-database.h"
#include "sl-enums.h"
#include "sl-ledger.h"
#include "sl-plan-queries.h"

void
sl_plan_item_held_free (SlPlanItemHeld *held)
{
  if (held == NULL)
    return;

  g_free (held->first_date);
  g_free (held);
}

void
sl_plan_item_not_held_free (SlPlanItemNotHeld *item)
{
  if (item == NULL)
    return;

  g_free (item->theme);
  g_free (item);
}

/**
 * sl_ledger_query_plan_items_held:
 * @plan: the plan's id
 *
 * Returns: (transfer full) (element-type utf8 SlPlanItemHeld): plan item id
 *   → the meetings that name it; items no meeting names are absent. %NULL
 *   with @error set when the database fails.
 */
GHashTable *
sl_ledger_query_plan_items_held (SlLedger    *ledger,
                                 const char  *plan,
                                 GError     **error)
{
  g_autoptr(GHashTable) held = NULL;
  SlDatabase *database;
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (SL_IS_LEDGER (ledger), NULL);
  g_return_val_if_fail (plan != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  database = sl_ledger_get_database (ledger);
  held = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                (GDestroyNotify) sl_plan_item_held_free);

  stmt = sl_database_prepare (database,
                              "SELECT i.uuid, min (m.date), count (*) "
                              "FROM meetings m JOIN plan_items i ON i.id = m.plan_item_id "
                              "JOIN plans p ON p.id = i.plan_id "
                              "WHERE p.uuid = ?1 GROUP BY i.id",
                              error);
  if (stmt == NULL)
    return NULL;

  sl_bind_text (stmt, 1, plan);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      SlPlanItemHeld *each = g_new0 (SlPlanItemHeld, 1);

      each->first_date = g_strdup (sl_column_text (stmt, 1));
      each->count = sqlite3_column_int (stmt, 2);
      g_hash_table_insert (held, g_strdup (sl_column_text (stmt, 0)), each);
    }
  sqlite3_reset (stmt);

  if (rc != SQLITE_DONE)
    {
      sl_database_set_error (database, rc, error);
      return NULL;
    }

  return g_steal_pointer (&held);
}

/**
 * sl_ledger_query_plan_items_not_held:
 * @plan: the plan's id
 *
 * Returns: (transfer full) (element-type SlPlanItemNotHeld): the items of
 *   @plan that no meeting names, in the plan's order; %NULL with @error
 *   set when the database fails.
 */
GPtrArray *
sl_ledger_query_plan_items_not_held (SlLedger    *ledger,
                                     const char  *plan,
                                     GError     **error)
{
  g_autoptr(GPtrArray) items = NULL;
  SlDatabase *database;
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (SL_IS_LEDGER (ledger), NULL);
  g_return_val_if_fail (plan != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  database = sl_ledger_get_database (ledger);
  items = g_ptr_array_new_with_free_func ((GDestroyNotify) sl_plan_item_not_held_free);

  stmt = sl_database_prepare (database,
                              "SELECT i.month, i.theme, i.status FROM plan_items i "
                              "JOIN plans p ON p.id = i.plan_id "
                              "WHERE p.uuid = ?1 AND NOT EXISTS ("
                              "  SELECT 1 FROM meetings m WHERE m.plan_item_id = i.id) "
                              "ORDER BY i.position, i.id",
                              error);
  if (stmt == NULL)
    return NULL;

  sl_bind_text (stmt, 1, plan);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      SlPlanItemNotHeld *item = g_new0 (SlPlanItemNotHeld, 1);
      int status = SL_PLAN_ITEM_STATUS_NONE;

      item->month = sqlite3_column_int (stmt, 0);
      item->theme = g_strdup (sl_column_text (stmt, 1));
      /* An unknown code reads as no status, as the ledger loads it. */
      if (!sl_enum_from_code (SL_TYPE_PLAN_ITEM_STATUS, sl_column_text (stmt, 2), &status))
        status = SL_PLAN_ITEM_STATUS_NONE;
      item->status = status;
      g_ptr_array_add (items, item);
    }
  sqlite3_reset (stmt);

  if (rc != SQLITE_DONE)
    {
      sl_database_set_error (database, rc, error);
      return NULL;
    }

  return g_steal_pointer (&items);
}
