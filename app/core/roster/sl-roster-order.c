/* sl-roster-order.c — move a member up or down the roster
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The roster order (a member's sort) is what sign-in sheets print, so the
 * secretary arranges it by rank. The list the secretary looks at is often
 * one organization's part of the roster; moving a member above the one
 * shown before it swaps the two in the whole roster and leaves everyone
 * else where they were. Sort values may repeat (imports append, archives
 * carry their own), so the whole roster is numbered again 0, 1, 2... in
 * the same transaction, and only the members whose number changed are
 * written.
 */

#define G_LOG_DOMAIN "sl-roster-order"

#include "config.h"

#include "sl-ledger.h"
#include "sl-ledger-queries.h"
#include "sl-member.h"
#include "sl-roster-order.h"

/* Roster order: sort, then the order the members were added in. */
int
sl_roster_order_compare (gconstpointer a,
                         gconstpointer b)
{
  SlMember *first = (SlMember *) a;
  SlMember *second = (SlMember *) b;
  int sort_a = sl_member_get_sort (first);
  int sort_b = sl_member_get_sort (second);
  gint64 key_a, key_b;

  if (sort_a != sort_b)
    return sort_a < sort_b ? -1 : 1;

  key_a = sl_record_get_key (SL_RECORD (first));
  key_b = sl_record_get_key (SL_RECORD (second));
  return key_a < key_b ? -1 : key_a > key_b;
}

static int
compare_pointers (gconstpointer a,
                  gconstpointer b)
{
  return sl_roster_order_compare (*(SlMember **) a, *(SlMember **) b);
}

/**
 * sl_roster_order_swap:
 * @member: a member of the ledger's live list
 * @neighbour: another one
 *
 * Puts @member where @neighbour is in the roster order and @neighbour
 * where @member was, and saves that order.
 */
gboolean
sl_roster_order_swap (SlLedger  *ledger,
                      SlMember  *member,
                      SlMember  *neighbour,
                      GError   **error)
{
  g_autoptr(GPtrArray) order = g_ptr_array_new_with_free_func (g_object_unref);
  GListModel *members;
  guint from = G_MAXUINT, to = G_MAXUINT;
  guint n;

  g_return_val_if_fail (SL_IS_LEDGER (ledger), FALSE);
  g_return_val_if_fail (SL_IS_MEMBER (member), FALSE);
  g_return_val_if_fail (SL_IS_MEMBER (neighbour), FALSE);

  members = sl_ledger_get_members (ledger);
  n = g_list_model_get_n_items (members);
  for (guint i = 0; i < n; i++)
    g_ptr_array_add (order, g_list_model_get_item (members, i));
  g_ptr_array_sort (order, compare_pointers);

  for (guint i = 0; i < order->len; i++)
    {
      if (g_ptr_array_index (order, i) == (gpointer) member)
        from = i;
      if (g_ptr_array_index (order, i) == (gpointer) neighbour)
        to = i;
    }
  g_return_val_if_fail (from != G_MAXUINT && to != G_MAXUINT, FALSE);

  order->pdata[from] = neighbour;
  order->pdata[to] = member;

  if (!sl_ledger_begin (ledger, error))
    return FALSE;

  for (guint i = 0; i < order->len; i++)
    {
      SlMember *each = g_ptr_array_index (order, i);

      if (sl_member_get_sort (each) == (int) i)
        continue;

      sl_member_set_sort (each, i);
      if (!sl_ledger_save_member (ledger, each, error))
        {
          /* Reads the roster again, undoing the sorts set above. */
          sl_ledger_rollback (ledger);
          return FALSE;
        }
    }

  if (!sl_ledger_commit (ledger, error))
    {
      /* A failed commit has rolled back already; read the roster again. */
      sl_ledger_query_reload (ledger, NULL);
      return FALSE;
    }

  return TRUE;
}
