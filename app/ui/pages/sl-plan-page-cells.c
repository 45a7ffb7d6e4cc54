/* sl-plan-page-cells.c — the cells of the plan's arrangement table
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Each column of the table (month, theme, form, leads, status, the
 * meeting that held it, remove) has a factory whose cells write straight
 * to the SlPlanItem they show; the page listens to every item's notify and
 * saves. Cells are recycled as the list scrolls, so each handler looks up
 * the item its row shows when it runs, and bind() blocks them while it
 * fills a cell in.
 */

#define G_LOG_DOMAIN "sl-plan-page"

#include "config.h"

#include <glib/gi18n.h>

#include "sl-column-fold.h"
#include "sl-enums.h"
#include "sl-database.h"
#include "sl-ledger.h"
#include "sl-save-queue.h"
#include "sl-ledger-queries.h"
#include "sl-member.h"
#include "sl-organization.h"
#include "sl-overview.h"
#include "sl-plan.h"
#include "sl-plan-item.h"
#include "sl-plan-page.h"
#include "sl-plan-page-private.h"
#include "sl-ui-util.h"
#include "sl-year-page.h"

static SlPlanItem *
cell_item (GtkWidget *cell)
{
  GtkListItem *list_item = g_object_get_data (G_OBJECT (cell), "sl-list-item");

  return list_item ? gtk_list_item_get_item (list_item) : NULL;
}

static gboolean
cell_binding (GtkWidget *cell)
{
  return GPOINTER_TO_INT (g_object_get_data (G_OBJECT (cell), "sl-binding"));
}

static void
set_cell_binding (GtkWidget *cell,
                  gboolean   binding)
{
  g_object_set_data (G_OBJECT (cell), "sl-binding", GINT_TO_POINTER (binding));
}

static void
remember_list_item (GtkWidget   *cell,
                    GtkListItem *list_item)
{
  g_object_set_data (G_OBJECT (cell), "sl-list-item", list_item);
  gtk_list_item_set_child (list_item, cell);
  gtk_list_item_set_activatable (list_item, FALSE);
}

/* Month: a drop-down of "—" and the twelve months. */

static void
month_selected_cb (GtkDropDown *dropdown)
{
  SlPlanItem *item = cell_item (GTK_WIDGET (dropdown));

  if (item != NULL && !cell_binding (GTK_WIDGET (dropdown)))
    sl_plan_item_set_month (item, gtk_drop_down_get_selected (dropdown));
}

static void
month_setup_cb (GtkSignalListItemFactory *factory,
                GtkListItem              *list_item,
                SlPlanPage               *self)
{
  g_autoptr(GtkStringList) months = gtk_string_list_new (NULL);
  GtkWidget *dropdown;

  gtk_string_list_append (months, "—");
  for (guint m = 1; m <= 12; m++)
    {
      /* Translators: a month of the plan's table; in Chinese "%u月". */
      g_autofree char *label = g_strdup_printf (C_("plan month", "Month %u"), m);
      gtk_string_list_append (months, label);
    }

  dropdown = gtk_drop_down_new (G_LIST_MODEL (g_steal_pointer (&months)), NULL);
  gtk_widget_add_css_class (dropdown, "flat");
  gtk_widget_set_valign (dropdown, GTK_ALIGN_CENTER);
  gtk_widget_set_tooltip_text (dropdown, _("Month"));
  g_signal_connect (dropdown, "notify::selected", G_CALLBACK (month_selected_cb), NULL);
  remember_list_item (dropdown, list_item);
}

static void
month_bind_cb (GtkSignalListItemFactory *factory,
               GtkListItem              *list_item,
               SlPlanPage               *self)
{
  GtkWidget *dropdown = gtk_list_item_get_child (list_item);
  SlPlanItem *item = gtk_list_item_get_item (list_item);
  int month = sl_plan_item_get_month (item);

  set_cell_binding (dropdown, TRUE);
  gtk_drop_down_set_selected (GTK_DROP_DOWN (dropdown), month >= 1 && month <= 12 ? month : 0);
  set_cell_binding (dropdown, FALSE);
}

/* Theme over content: two frameless entries that write to the item as
 * typed (the save waits for a pause). Entries, not editable labels: a
 * label asks for the width of its whole text, which would stretch the
 * table past the window. */

static void
entry_changed_cb (GtkEditable *entry,
                  gpointer     field)
{
  SlPlanItem *item = cell_item (GTK_WIDGET (entry));
  g_autofree char *text = NULL;

  if (item == NULL || cell_binding (GTK_WIDGET (entry)))
    return;

  text = g_strstrip (g_strdup (gtk_editable_get_text (entry)));
  g_object_set (item, field, *text ? text : NULL, NULL);
  gtk_widget_set_tooltip_text (GTK_WIDGET (entry), *text ? text : NULL);
}

static GtkWidget *
entry_new (GtkListItem *list_item,
           const char  *field,
           const char  *name)
{
  GtkWidget *entry = gtk_entry_new ();

  gtk_entry_set_has_frame (GTK_ENTRY (entry), FALSE);
  gtk_entry_set_placeholder_text (GTK_ENTRY (entry), name);
  gtk_widget_set_hexpand (entry, TRUE);
  gtk_editable_set_width_chars (GTK_EDITABLE (entry), 16);
  gtk_accessible_update_property (GTK_ACCESSIBLE (entry),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, name, -1);
  g_object_set_data (G_OBJECT (entry), "sl-list-item", list_item);
  g_signal_connect (entry, "changed", G_CALLBACK (entry_changed_cb), (gpointer) field);
  return entry;
}

static void
theme_setup_cb (GtkSignalListItemFactory *factory,
                GtkListItem              *list_item,
                SlPlanPage               *self)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *theme = entry_new (list_item, "theme", _("Theme"));
  GtkWidget *content = entry_new (list_item, "content", _("Content"));

  gtk_widget_add_css_class (theme, "heading");
  gtk_widget_add_css_class (content, "dim-label");
  gtk_widget_set_valign (box, GTK_ALIGN_CENTER);
  gtk_box_append (GTK_BOX (box), theme);
  gtk_box_append (GTK_BOX (box), content);
  gtk_list_item_set_child (list_item, box);
  gtk_list_item_set_activatable (list_item, FALSE);
}

static void
entry_bind (GtkWidget  *entry,
            const char *text)
{
  set_cell_binding (entry, TRUE);
  gtk_editable_set_text (GTK_EDITABLE (entry), text ? text : "");
  gtk_editable_set_position (GTK_EDITABLE (entry), 0);
  gtk_widget_set_tooltip_text (entry, text);
  set_cell_binding (entry, FALSE);
}

static void
theme_bind_cb (GtkSignalListItemFactory *factory,
               GtkListItem              *list_item,
               SlPlanPage               *self)
{
  SlPlanItem *item = gtk_list_item_get_item (list_item);
  GtkWidget *theme = gtk_widget_get_first_child (gtk_list_item_get_child (list_item));

  entry_bind (theme, sl_plan_item_get_theme (item));
  entry_bind (gtk_widget_get_next_sibling (theme), sl_plan_item_get_content (item));
}

/* Form: a drop-down of the study forms. */

static void
form_selected_cb (GtkDropDown *dropdown)
{
  SlPlanItem *item = cell_item (GTK_WIDGET (dropdown));

  if (item != NULL && !cell_binding (GTK_WIDGET (dropdown)))
    sl_plan_item_set_form (item, gtk_drop_down_get_selected (dropdown));
}

static void
form_setup_cb (GtkSignalListItemFactory *factory,
               GtkListItem              *list_item,
               SlPlanPage               *self)
{
  g_autoptr(GtkStringList) forms = gtk_string_list_new (NULL);
  GtkWidget *dropdown;

  gtk_string_list_append (forms, "—");
  for (int form = SL_STUDY_FORM_COLLECTIVE_STUDY; form <= SL_STUDY_FORM_OTHER; form++)
    gtk_string_list_append (forms, sl_study_form_to_label (form));

  dropdown = gtk_drop_down_new (G_LIST_MODEL (g_steal_pointer (&forms)), NULL);
  gtk_widget_add_css_class (dropdown, "flat");
  gtk_widget_set_valign (dropdown, GTK_ALIGN_CENTER);
  gtk_widget_set_tooltip_text (dropdown, _("Form"));
  g_signal_connect (dropdown, "notify::selected", G_CALLBACK (form_selected_cb), NULL);
  remember_list_item (dropdown, list_item);
}

static void
form_bind_cb (GtkSignalListItemFactory *factory,
              GtkListItem              *list_item,
              SlPlanPage               *self)
{
  GtkWidget *dropdown = gtk_list_item_get_child (list_item);

  set_cell_binding (dropdown, TRUE);
  gtk_drop_down_set_selected (GTK_DROP_DOWN (dropdown),
                              sl_plan_item_get_form (gtk_list_item_get_item (list_item)));
  set_cell_binding (dropdown, FALSE);
}

/* Leads: a button with the names, and a popover of the leaders to tick. */

/* The button's own label: left-aligned and cut short, so that two or three
 * names do not push the arrow out of the cell. */
static void
set_leads_label (GtkWidget  *button,
                 const char *names)
{
  GtkWidget *label = gtk_menu_button_get_child (GTK_MENU_BUTTON (button));

  gtk_label_set_text (GTK_LABEL (label), *names ? names : "—");
  gtk_widget_set_tooltip_text (button, *names ? names : _("Who leads the study"));
}

static void
lead_toggled_cb (GtkCheckButton *check,
                 GtkWidget      *button)
{
  SlPlanItem *item = cell_item (button);
  GtkWidget *list = g_object_get_data (G_OBJECT (button), "sl-list");
  SlPlanPage *self = g_object_get_data (G_OBJECT (button), "sl-page");
  g_autoptr(GStrvBuilder) leads = g_strv_builder_new ();
  g_auto(GStrv) ids = NULL;
  g_autofree char *names = NULL;

  if (item == NULL)
    return;

  for (GtkWidget *row = gtk_widget_get_first_child (list); row; row = gtk_widget_get_next_sibling (row))
    {
      GtkWidget *each = gtk_list_box_row_get_child (GTK_LIST_BOX_ROW (row));

      if (gtk_check_button_get_active (GTK_CHECK_BUTTON (each)))
        g_strv_builder_add (leads, g_object_get_data (G_OBJECT (each), "sl-member"));
    }

  ids = g_strv_builder_end (leads);
  sl_plan_item_set_leads (item, (const char * const *) ids);

  names = sl_ui_member_names (self->ledger, (const char * const *) ids);
  set_leads_label (button, names);
}

static void
leads_popover_show_cb (GtkPopover *popover,
                       GtkWidget  *button)
{
  SlPlanItem *item = cell_item (button);
  SlPlanPage *self = g_object_get_data (G_OBJECT (button), "sl-page");
  GtkListBox *list = g_object_get_data (G_OBJECT (button), "sl-list");
  const char * const *leads;
  GListModel *members;
  GtkWidget *child;

  if (item == NULL || self->ledger == NULL)
    return;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (list))) != NULL)
    gtk_list_box_remove (list, child);

  /* The leadership and the central group lead studies. */
  leads = sl_plan_item_get_leads (item);
  members = sl_ledger_get_members (self->ledger);
  for (guint i = 0; i < g_list_model_get_n_items (members); i++)
    {
      g_autoptr(SlMember) member = g_list_model_get_item (members, i);
      const char *id = sl_record_get_id (SL_RECORD (member));
      gboolean chosen = leads != NULL && g_strv_contains (leads, id);
      GtkWidget *check;

      if (!chosen && !sl_member_get_leadership (member) && !sl_member_get_central_group (member))
        continue;

      check = gtk_check_button_new_with_label (sl_member_get_name (member));
      gtk_check_button_set_active (GTK_CHECK_BUTTON (check), chosen);
      g_object_set_data_full (G_OBJECT (check), "sl-member", g_strdup (id), g_free);
      g_signal_connect (check, "toggled", G_CALLBACK (lead_toggled_cb), button);
      gtk_list_box_append (list, check);
    }
}

static void
leads_setup_cb (GtkSignalListItemFactory *factory,
                GtkListItem              *list_item,
                SlPlanPage               *self)
{
  GtkWidget *button = gtk_menu_button_new ();
  GtkWidget *popover = gtk_popover_new ();
  GtkWidget *scrolled = gtk_scrolled_window_new ();
  GtkWidget *list = gtk_list_box_new ();

  gtk_list_box_set_selection_mode (GTK_LIST_BOX (list), GTK_SELECTION_NONE);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), list);
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scrolled),
                                  GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_propagate_natural_height (GTK_SCROLLED_WINDOW (scrolled), TRUE);
  gtk_scrolled_window_set_max_content_height (GTK_SCROLLED_WINDOW (scrolled), 320);
  gtk_popover_set_child (GTK_POPOVER (popover), scrolled);

  gtk_menu_button_set_popover (GTK_MENU_BUTTON (button), popover);
  {
    GtkWidget *label = gtk_label_new (NULL);

    gtk_label_set_xalign (GTK_LABEL (label), 0);
    gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
    gtk_label_set_max_width_chars (GTK_LABEL (label), 12);
    gtk_menu_button_set_child (GTK_MENU_BUTTON (button), label);
  }
  gtk_menu_button_set_always_show_arrow (GTK_MENU_BUTTON (button), TRUE);
  gtk_widget_add_css_class (button, "flat");
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_set_halign (button, GTK_ALIGN_START);

  g_object_set_data (G_OBJECT (button), "sl-list", list);
  g_object_set_data (G_OBJECT (button), "sl-page", self);
  g_signal_connect (popover, "show", G_CALLBACK (leads_popover_show_cb), button);
  remember_list_item (button, list_item);
}

static void
leads_bind_cb (GtkSignalListItemFactory *factory,
               GtkListItem              *list_item,
               SlPlanPage               *self)
{
  GtkWidget *button = gtk_list_item_get_child (list_item);
  SlPlanItem *item = gtk_list_item_get_item (list_item);
  g_autofree char *names = sl_ui_member_names (self->ledger, sl_plan_item_get_leads (item));

  set_leads_label (button, names);
}

/* Status: planned, adjusted, cancelled; an item a meeting has held says
 * 已开展 instead, so that 状态 and 开展情况 never disagree (a held item's
 * stored 计划中 is what it was before the meeting). */

static void
status_selected_cb (GtkDropDown *dropdown)
{
  SlPlanItem *item = cell_item (GTK_WIDGET (dropdown));

  if (item != NULL && !cell_binding (GTK_WIDGET (dropdown)))
    sl_plan_item_set_status (item, gtk_drop_down_get_selected (dropdown) + SL_PLAN_ITEM_STATUS_PLANNED);
}

static void
status_setup_cb (GtkSignalListItemFactory *factory,
                 GtkListItem              *list_item,
                 SlPlanPage               *self)
{
  g_autoptr(GtkStringList) statuses = gtk_string_list_new (NULL);
  GtkWidget *dropdown;

  for (int status = SL_PLAN_ITEM_STATUS_PLANNED; status <= SL_PLAN_ITEM_STATUS_CANCELLED; status++)
    gtk_string_list_append (statuses, sl_plan_item_status_to_label (status));

  GtkWidget *stack = gtk_stack_new ();
  GtkWidget *held = gtk_label_new (C_("plan item", "Held"));

  dropdown = gtk_drop_down_new (G_LIST_MODEL (g_steal_pointer (&statuses)), NULL);
  gtk_widget_add_css_class (dropdown, "flat");
  gtk_widget_set_valign (dropdown, GTK_ALIGN_CENTER);
  gtk_widget_set_tooltip_text (dropdown, _("Status"));
  g_signal_connect (dropdown, "notify::selected", G_CALLBACK (status_selected_cb), NULL);

  gtk_label_set_xalign (GTK_LABEL (held), 0);
  gtk_widget_set_margin_start (held, 10);
  gtk_widget_add_css_class (held, "success");
  gtk_stack_add_named (GTK_STACK (stack), dropdown, "status");
  gtk_stack_add_named (GTK_STACK (stack), held, "held");
  remember_list_item (stack, list_item);
  g_object_set_data (G_OBJECT (dropdown), "sl-list-item", list_item);
}

static void
status_bind_cb (GtkSignalListItemFactory *factory,
                GtkListItem              *list_item,
                SlPlanPage               *self)
{
  GtkStack *stack = GTK_STACK (gtk_list_item_get_child (list_item));
  GtkWidget *dropdown = gtk_stack_get_child_by_name (stack, "status");
  SlPlanItem *item = gtk_list_item_get_item (list_item);
  SlPlanItemStatus status = sl_plan_item_get_status (item);
  gboolean held = self->fulfilment != NULL &&
                  g_hash_table_contains (self->fulfilment, sl_record_get_id (SL_RECORD (item)));

  gtk_stack_set_visible_child_name (stack, held ? "held" : "status");
  set_cell_binding (dropdown, TRUE);
  gtk_drop_down_set_selected (GTK_DROP_DOWN (dropdown),
                              status >= SL_PLAN_ITEM_STATUS_PLANNED
                              ? status - SL_PLAN_ITEM_STATUS_PLANNED : 0);
  set_cell_binding (dropdown, FALSE);
}

/* Held: the meeting that fulfilled the item, which opens it, or 未开展. */

static void
held_setup_cb (GtkSignalListItemFactory *factory,
               GtkListItem              *list_item,
               SlPlanPage               *self)
{
  GtkWidget *stack = gtk_stack_new ();
  GtkWidget *button = gtk_button_new ();
  GtkWidget *content = adw_button_content_new ();
  GtkWidget *label = gtk_label_new (NULL);

  adw_button_content_set_icon_name (ADW_BUTTON_CONTENT (content), "object-select-symbolic");
  gtk_button_set_child (GTK_BUTTON (button), content);
  gtk_widget_add_css_class (button, "flat");
  gtk_widget_add_css_class (button, "success");
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_set_halign (button, GTK_ALIGN_START);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_widget_set_margin_start (label, 10);
  gtk_widget_add_css_class (label, "dim-label");

  gtk_stack_add_named (GTK_STACK (stack), button, "held");
  gtk_stack_add_named (GTK_STACK (stack), label, "not-held");
  gtk_list_item_set_child (list_item, stack);
}

static void
held_bind_cb (GtkSignalListItemFactory *factory,
              GtkListItem              *list_item,
              SlPlanPage               *self)
{
  GtkStack *stack = GTK_STACK (gtk_list_item_get_child (list_item));
  SlPlanItem *item = gtk_list_item_get_item (list_item);
  SlPlanFulfilment *held = NULL;

  if (self->fulfilment != NULL)
    held = g_hash_table_lookup (self->fulfilment, sl_record_get_id (SL_RECORD (item)));

  if (held != NULL)
    {
      GtkWidget *button = gtk_stack_get_child_by_name (stack, "held");
      g_autofree char *date = sl_ui_format_short_date (held->date);
      g_autofree char *full_date = sl_format_date (held->date);
      g_autofree char *tooltip = g_strdup_printf (_("Held on %s: open “%s”"), full_date,
                                                  held->title ? held->title : "");

      adw_button_content_set_label (ADW_BUTTON_CONTENT (gtk_button_get_child (GTK_BUTTON (button))),
                                    date);
      gtk_widget_set_tooltip_text (button, tooltip);
      /* The target first: an action name without one warns. */
      gtk_actionable_set_action_target (GTK_ACTIONABLE (button), "s", held->meeting);
      gtk_actionable_set_action_name (GTK_ACTIONABLE (button), "win.open-meeting");
      gtk_stack_set_visible_child (stack, button);
    }
  else
    {
      GtkWidget *label = gtk_stack_get_child_by_name (stack, "not-held");

      gtk_label_set_text (GTK_LABEL (label),
                          sl_plan_item_get_status (item) == SL_PLAN_ITEM_STATUS_CANCELLED
                          ? _("Cancelled") : _("Not held"));
      gtk_stack_set_visible_child (stack, label);
    }
}

/* Remove: plan.remove-item with the item's id. */

static void
remove_setup_cb (GtkSignalListItemFactory *factory,
                 GtkListItem              *list_item,
                 SlPlanPage               *self)
{
  GtkWidget *button = gtk_button_new_from_icon_name ("user-trash-symbolic");

  gtk_widget_add_css_class (button, "flat");
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_set_halign (button, GTK_ALIGN_CENTER);
  gtk_widget_set_tooltip_text (button, _("Remove Item"));
  gtk_list_item_set_child (list_item, button);
}

static void
remove_bind_cb (GtkSignalListItemFactory *factory,
                GtkListItem              *list_item,
                SlPlanPage               *self)
{
  SlPlanItem *item = gtk_list_item_get_item (list_item);
  GtkWidget *button = gtk_list_item_get_child (list_item);

  gtk_actionable_set_action_target (GTK_ACTIONABLE (button), "s",
                                    sl_record_get_id (SL_RECORD (item)));
  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), "plan.remove-item");
}

static void
set_factory (SlPlanPage          *self,
             GtkColumnViewColumn *column,
             GCallback            setup,
             GCallback            bind,
             GCallback            unbind)
{
  g_autoptr(GtkListItemFactory) factory = gtk_signal_list_item_factory_new ();

  g_signal_connect (factory, "setup", setup, self);
  g_signal_connect (factory, "bind", bind, self);
  if (unbind != NULL)
    g_signal_connect (factory, "unbind", unbind, self);
  gtk_column_view_column_set_factory (column, factory);
}


/* Gives every column of the arrangement table its cells. */
void
_sl_plan_page_set_up_cells (SlPlanPage *self)
{
  set_factory (self, self->month_column, G_CALLBACK (month_setup_cb), G_CALLBACK (month_bind_cb), NULL);
  set_factory (self, self->theme_column, G_CALLBACK (theme_setup_cb), G_CALLBACK (theme_bind_cb), NULL);
  set_factory (self, self->form_column, G_CALLBACK (form_setup_cb), G_CALLBACK (form_bind_cb), NULL);
  set_factory (self, self->leads_column, G_CALLBACK (leads_setup_cb), G_CALLBACK (leads_bind_cb), NULL);
  set_factory (self, self->status_column, G_CALLBACK (status_setup_cb), G_CALLBACK (status_bind_cb), NULL);
  set_factory (self, self->held_column, G_CALLBACK (held_setup_cb), G_CALLBACK (held_bind_cb), NULL);
  set_factory (self, self->remove_column, G_CALLBACK (remove_setup_cb), G_CALLBACK (remove_bind_cb), NULL);

  /* Month, theme and the delete button stay on a narrow window (at
   * 700 px 状态, 开展情况 and delete were cut off); the rest hides, the
   * leads first (sl-column-fold.c). */
  sl_column_fold_attach (self->items_view, self->leads_column, 0, self->form_column, 0,
                         self->status_column, 0, self->held_column, 0, NULL);
}
