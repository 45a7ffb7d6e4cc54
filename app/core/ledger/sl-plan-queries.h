/* sl-plan-queries.h — what became of a plan's items, read from the ledger
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "sl-types.h"

G_BEGIN_DECLS

/* A plan item that meetings name: the earliest of them, and how many. */
typedef struct
{
  char  *first_date;   /* "YYYY-MM-DD" */
  guint  count;
} SlPlanItemHeld;

void        sl_plan_item_held_free                 (SlPlanItemHeld *held);

/* A plan item that no meeting names, as the plan lists it. */
typedef struct
{
  int               month;    /* 1–12, or 0 for none */
  char             *theme;
  SlPlanItemStatus  status;
} SlPlanItemNotHeld;

void        sl_plan_item_not_held_free             (SlPlanItemNotHeld *item);

GHashTable *sl_ledger_query_plan_items_held        (SlLedger          *ledger,
                                                    const char        *plan,
                                                    GError           **error);
GPtrArray  *sl_ledger_query_plan_items_not_held    (SlLedger          *ledger,
                                                    const char        *plan,
                                                    GError           **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (SlPlanItemHeld, sl_plan_item_held_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (SlPlanItemNotHeld, sl_plan_item_not_held_free)

G_END_DECLS
