/* sl-plan-page-private.h — what the plan page's two files share: its struct
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Only sl-plan-page.c and sl-plan-page-cells.c include this header, after
 * sl-plan-page.h.
 */

#pragma once

#include <adwaita.h>

#include "sl-types.h"

G_BEGIN_DECLS

struct _SlPlanPage
{
  AdwBin          parent_instance;

  /* template widgets */
  GtkStack       *stack;
  AdwStatusPage  *empty_page;
  AdwPreferencesGroup *plan_group;
  GtkDropDown    *plan_dropdown;
  GtkStringList  *plan_titles;
  AdwEntryRow    *title_row;
  AdwActionRow   *organization_row;
  GtkTextView    *guiding_view;
  GtkTextView    *focus_view;
  GtkTextView    *forms_view;
  GtkTextView    *requirements_view;
  GtkColumnView  *items_view;
  GtkNoSelection *items_selection;
  GtkColumnViewColumn *month_column;
  GtkColumnViewColumn *theme_column;
  GtkColumnViewColumn *form_column;
  GtkColumnViewColumn *leads_column;
  GtkColumnViewColumn *status_column;
  GtkColumnViewColumn *held_column;
  GtkColumnViewColumn *remove_column;

  /* owned references */
  SlLedger       *ledger;
  GPtrArray      *plans;          /* SlPlan of the year */
  SlPlan         *plan;           /* the one shown, one of plans */
  GHashTable     *fulfilment;     /* item id → SlPlanFulfilment */
  SlPlanItem     *removed;        /* the last item removed, for undo */
  guint           removed_position;

  int             year;
  guint           save_source;
  gboolean        no_save;   /* letting go of a plan that must not be saved */
  gboolean        loading;
  gboolean        dirty;
};

/* sl-plan-page-cells.c */
void _sl_plan_page_set_up_cells (SlPlanPage *self);

G_END_DECLS
