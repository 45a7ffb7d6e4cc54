/* sl-pool-page.h — the topic pool (议题库): texts waiting to be studied first
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "sl-types.h"

G_BEGIN_DECLS

#define SL_TYPE_POOL_PAGE (sl_pool_page_get_type ())

G_DECLARE_FINAL_TYPE (SlPoolPage, sl_pool_page, SL, POOL_PAGE, AdwBin)

void       sl_pool_page_reload            (SlPoolPage *self);
guint      sl_pool_page_get_n_items       (SlPoolPage *self);
guint      sl_pool_page_get_n_overdue     (SlPoolPage *self);
/* The row of the item with id @topic, and the label showing its status
 * (CSS class "error" when overdue, "success" when studied in time). */
GtkWidget *sl_pool_page_get_row           (SlPoolPage *self,
                                           const char *topic);
GtkWidget *sl_pool_page_get_status_label  (SlPoolPage *self,
                                           const char *topic);

/* How many items the page of @year lists, and in @overdue how many of
 * them are overdue: for the overview. */
guint      sl_pool_page_count             (SlLedger   *ledger,
                                           int         year,
                                           guint      *overdue);

G_END_DECLS
