/* sl-plan-page.c — the year's study plan: its texts and its arrangement table
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A plan (《20XX年度理论学习中心组学习计划》) has four texts (指导思想,
 * 学习重点, 学习形式, 学习要求) and an arrangement table (安排表) of items,
 * each fulfilled by the meeting that names it. Everything here is edited
 * in place and saved as it is edited, half a second after the last change
 * (sl_ledger_save_plan() rewrites the plan and its items in one
 * transaction), and before the page shows another plan or goes away.
 *
 * The table's cells write straight to the SlPlanItem they show; the page
 * listens to every item's notify and saves. Cells are recycled as the list
 * scrolls, so each handler looks up the item its row shows when it runs,
 * and bind() blocks them while it fills a cell in.
 */

#define G_LOG_DOMAIN "sl-plan-page"

#include "config.h"

#include <glib/gi18n.h>

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
#include "sl-ui-util.h"
#include "sl-year-page.h"

#define SAVE_DELAY_MS 500

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

static void sl_plan_page_year_page_init (SlYearPageInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (SlPlanPage, sl_plan_page, ADW_TYPE_BIN,
                               G_IMPLEMENT_INTERFACE (SL_TYPE_YEAR_PAGE, sl_plan_page_year_page_init))

static void sl_plan_page_actions_update (SlPlanPage *self);

/* Saving ----------------------------------------------------------------- */

static char *
buffer_text (GtkTextView *view)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (view);
  GtkTextIter start, end;
  char *text;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  text = gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
  if (*g_strstrip (text) == '\0')
    g_clear_pointer (&text, g_free);
  return text;
}

static void
set_buffer_text (GtkTextView *view,
                 const char  *text)
{
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (view), text ? text : "", -1);
}

static void show_plan (SlPlanPage *self,
                       SlPlan     *plan);

void
sl_plan_page_save_now (SlPlanPage *self)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *guiding = NULL, *focus = NULL, *forms = NULL, *requirements = NULL;
  const char *title;

  g_return_if_fail (SL_IS_PLAN_PAGE (self));

  g_clear_handle_id (&self->save_source, g_source_remove);
  if (self->plan == NULL || self->ledger == NULL || self->no_save)
    return;

  title = gtk_editable_get_text (GTK_EDITABLE (self->title_row));
  sl_plan_set_title (self->plan, *title ? title : NULL);
  sl_plan_set_guiding (self->plan, guiding = buffer_text (self->guiding_view));
  sl_plan_set_focus (self->plan, focus = buffer_text (self->focus_view));
  sl_plan_set_forms (self->plan, forms = buffer_text (self->forms_view));
  sl_plan_set_requirements (self->plan, requirements = buffer_text (self->requirements_view));

  /* Busy (another program's import): the plan waits in the save queue,
   * and the window says so. Changed by another program since it was
   * read: not saved; the page shows the newer plan, to redo the edit. */
  if (!sl_save_queue_save (sl_save_queue_get (self->ledger), SL_RECORD (self->plan), &error))
    {
      if (g_error_matches (error, SL_LEDGER_ERROR, SL_LEDGER_ERROR_CHANGED))
        {
          sl_ui_add_toast (GTK_WIDGET (self), adw_toast_new (_("Changed elsewhere; reloaded, redo your change")));
          /* Let go of the stale plan without saving it again. */
          self->no_save = TRUE;
          show_plan (self, NULL);
          self->no_save = FALSE;
          sl_plan_page_reload (self);
        }
      else if (!g_error_matches (error, SL_DATABASE_ERROR, SL_DATABASE_ERROR_BUSY))
        sl_ui_add_toast (GTK_WIDGET (self),
                         sl_ui_toast_new_printf (_("The plan was not saved: %s"), error->message));
    }
}

static gboolean
save_timeout_cb (gpointer data)
{
  SlPlanPage *self = data;

  self->save_source = 0;
  sl_plan_page_save_now (self);
  return G_SOURCE_REMOVE;
}

static void
schedule_save (SlPlanPage *self)
{
  if (self->loading || self->plan == NULL)
    return;

  g_clear_handle_id (&self->save_source, g_source_remove);
  self->save_source = g_timeout_add (SAVE_DELAY_MS, save_timeout_cb, self);
}

static void
text_changed_cb (SlPlanPage *self)
{
  schedule_save (self);
}

static void
item_notify_cb (SlPlanPage *self,
                GParamSpec *pspec)
{
  if (g_strcmp0 (pspec->name, "id") != 0)
    schedule_save (self);
}

static void
watch_items (SlPlanPage *self,
             guint       position,
             guint       n)
{
  GListModel *items = sl_plan_get_items (self->plan);

  for (guint i = position; i < position + n; i++)
    {
      g_autoptr(SlPlanItem) item = g_list_model_get_item (items, i);

      g_signal_handlers_disconnect_by_func (item, item_notify_cb, self);
      g_signal_connect_object (item, "notify", G_CALLBACK (item_notify_cb), self, G_CONNECT_SWAPPED);
    }
}

static void
items_changed_cb (SlPlanPage *self,
                  guint       position,
                  guint       removed,
                  guint       added)
{
  watch_items (self, position, added);
  schedule_save (self);
}

/* Showing a plan -------------------------------------------------------- */

static void
show_plan (SlPlanPage *self,
           SlPlan     *plan)
{
  SlOrganization *organization;
  GListModel *items;

  if (self->plan == plan)
    return;

  sl_plan_page_save_now (self);

  if (self->plan != NULL)
    g_signal_handlers_disconnect_by_data (sl_plan_get_items (self->plan), self);
  g_set_object (&self->plan, plan);

  self->loading = TRUE;

  items = plan ? sl_plan_get_items (plan) : NULL;
  gtk_no_selection_set_model (self->items_selection, items);

  if (plan != NULL)
    {
      gtk_editable_set_text (GTK_EDITABLE (self->title_row),
                             sl_plan_get_title (plan) ? sl_plan_get_title (plan) : "");
      organization = sl_ledger_find_organization (self->ledger, sl_plan_get_organization (plan));
      adw_action_row_set_subtitle (self->organization_row,
                                   organization ? sl_organization_get_name (organization) : "");
      set_buffer_text (self->guiding_view, sl_plan_get_guiding (plan));
      set_buffer_text (self->focus_view, sl_plan_get_focus (plan));
      set_buffer_text (self->forms_view, sl_plan_get_forms (plan));
      set_buffer_text (self->requirements_view, sl_plan_get_requirements (plan));

      watch_items (self, 0, g_list_model_get_n_items (items));
      g_signal_connect_object (items, "items-changed", G_CALLBACK (items_changed_cb),
                               self, G_CONNECT_SWAPPED);
    }

  self->loading = FALSE;
  sl_plan_page_actions_update (self);
}

static void
plan_selected_cb (SlPlanPage *self)
{
  guint selected = gtk_drop_down_get_selected (self->plan_dropdown);

  if (self->loading || self->plans == NULL || selected >= self->plans->len)
    return;

  show_plan (self, g_ptr_array_index (self->plans, selected));
}

/**
 * sl_plan_page_reload:
 *
 * Reads the year's plans again (now if the page is shown, else when it is
 * next): what meetings fulfil may have changed on the meetings page.
 */
void
sl_plan_page_reload (SlPlanPage *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) titles = NULL;
  g_autofree char *previous = NULL;
  guint selected = 0;

  g_return_if_fail (SL_IS_PLAN_PAGE (self));

  if (!gtk_widget_get_mapped (GTK_WIDGET (self)))
    {
      self->dirty = TRUE;
      return;
    }
  self->dirty = FALSE;

  /* Only an edit still waiting for its delay: saving an unchanged plan
   * after another program changed it would be refused for nothing. */
  if (self->save_source != 0)
    sl_plan_page_save_now (self);
  if (self->plan != NULL)
    previous = g_strdup (sl_record_get_id (SL_RECORD (self->plan)));
  self->no_save = TRUE;
  show_plan (self, NULL);
  self->no_save = FALSE;
  g_clear_pointer (&self->plans, g_ptr_array_unref);
  g_clear_pointer (&self->fulfilment, g_hash_table_unref);

  if (self->ledger != NULL && self->year > 0)
    {
      self->plans = sl_ledger_load_plans (self->ledger, self->year, &error);
      if (self->plans != NULL)
        self->fulfilment = sl_ledger_query_plan_fulfilment (self->ledger, self->year, &error);
      if (error != NULL)
        g_warning ("Cannot read the plans of %d: %s", self->year, error->message);
    }

  if (self->plans == NULL || self->plans->len == 0)
    {
      g_autofree char *title = g_strdup_printf (_("No Study Plan for %d"), self->year);
      gboolean can_create = self->ledger != NULL &&
                            sl_ledger_query_default_organization (self->ledger) != NULL;

      adw_status_page_set_title (self->empty_page, title);
      adw_status_page_set_description (self->empty_page,
                                       can_create
                                       ? _("The plan sets the year’s study themes and when each is "
                                           "studied; meetings then show which items are done.")
                                       : _("A plan belongs to an organization: import the roster "
                                           "first, then create the plan."));
      gtk_stack_set_visible_child_name (self->stack, "empty");
      sl_plan_page_actions_update (self);
      return;
    }

  /* More than one organization may have a plan for the year. */
  titles = g_ptr_array_new ();
  for (guint i = 0; i < self->plans->len; i++)
    {
      SlPlan *plan = g_ptr_array_index (self->plans, i);

      g_ptr_array_add (titles, (gpointer) (sl_plan_get_title (plan) ? sl_plan_get_title (plan)
                                                                     : _("Untitled plan")));
      if (g_strcmp0 (previous, sl_record_get_id (SL_RECORD (plan))) == 0)
        selected = i;
    }
  g_ptr_array_add (titles, NULL);

  self->loading = TRUE;
  gtk_string_list_splice (self->plan_titles, 0,
                          g_list_model_get_n_items (G_LIST_MODEL (self->plan_titles)),
                          (const char * const *) titles->pdata);
  gtk_drop_down_set_selected (self->plan_dropdown, selected);
  gtk_widget_set_visible (GTK_WIDGET (self->plan_dropdown), self->plans->len > 1);
  self->loading = FALSE;

  show_plan (self, g_ptr_array_index (self->plans, selected));
  gtk_stack_set_visible_child_name (self->stack, "plan");
}

SlPlan *
sl_plan_page_get_plan (SlPlanPage *self)
{
  g_return_val_if_fail (SL_IS_PLAN_PAGE (self), NULL);
  return self->plan;
}

/* Cells ------------------------------------------------------------------ */

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

/* Status: planned, adjusted, cancelled. */

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

  dropdown = gtk_drop_down_new (G_LIST_MODEL (g_steal_pointer (&statuses)), NULL);
  gtk_widget_add_css_class (dropdown, "flat");
  gtk_widget_set_valign (dropdown, GTK_ALIGN_CENTER);
  gtk_widget_set_tooltip_text (dropdown, _("Status"));
  g_signal_connect (dropdown, "notify::selected", G_CALLBACK (status_selected_cb), NULL);
  remember_list_item (dropdown, list_item);
}

static void
status_bind_cb (GtkSignalListItemFactory *factory,
                GtkListItem              *list_item,
                SlPlanPage               *self)
{
  GtkWidget *dropdown = gtk_list_item_get_child (list_item);
  SlPlanItemStatus status = sl_plan_item_get_status (gtk_list_item_get_item (list_item));

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

/* Actions ---------------------------------------------------------------- */

static void
create_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  SlPlanPage *self = SL_PLAN_PAGE (widget);
  SlOrganization *organization = sl_ledger_query_default_organization (self->ledger);
  g_autoptr(SlPlan) plan = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *title = NULL;

  if (organization == NULL)
    return;

  plan = sl_plan_new ();
  sl_plan_set_organization (plan, sl_record_get_id (SL_RECORD (organization)));
  sl_plan_set_year (plan, self->year);
  /* Translators: a new plan's title: the organization and the year; in
   * Chinese "%s理论学习中心组%d年度学习计划". */
  title = g_strdup_printf (_("%s Central Group Study Plan for %d"),
                           sl_organization_get_name (organization), self->year);
  sl_plan_set_title (plan, title);

  if (!sl_ledger_save_plan (self->ledger, plan, SL_SAVE_REPLACE, &error))
    {
      sl_ui_show_error (widget, _("The Plan Was Not Created"), error);
      return;
    }

  sl_plan_page_reload (self);
}

static void
add_item_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  SlPlanPage *self = SL_PLAN_PAGE (widget);
  GListModel *items;
  g_autoptr(SlPlanItem) item = sl_plan_item_new ();
  guint n;
  int month = 1;

  if (self->plan == NULL)
    return;

  /* The month after the last item's, which is how plans are written. */
  items = sl_plan_get_items (self->plan);
  n = g_list_model_get_n_items (items);
  if (n > 0)
    {
      g_autoptr(SlPlanItem) last = g_list_model_get_item (items, n - 1);
      month = CLAMP (sl_plan_item_get_month (last) + 1, 1, 12);
    }

  sl_plan_item_set_month (item, month);
  sl_plan_item_set_status (item, SL_PLAN_ITEM_STATUS_PLANNED);
  g_list_store_append (G_LIST_STORE (items), item);
  sl_plan_page_save_now (self);
}

static void
undo_remove_cb (SlPlanPage *self)
{
  GListModel *items;

  if (self->removed == NULL || self->plan == NULL)
    return;

  items = sl_plan_get_items (self->plan);
  g_list_store_insert (G_LIST_STORE (items),
                       MIN (self->removed_position, g_list_model_get_n_items (items)),
                       self->removed);
  g_clear_object (&self->removed);
  sl_plan_page_save_now (self);
}

static void
remove_item_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  SlPlanPage *self = SL_PLAN_PAGE (widget);
  const char *id = g_variant_get_string (parameter, NULL);
  GListModel *items;
  AdwToast *toast;

  if (self->plan == NULL)
    return;

  items = sl_plan_get_items (self->plan);
  for (guint i = 0; i < g_list_model_get_n_items (items); i++)
    {
      g_autoptr(SlPlanItem) item = g_list_model_get_item (items, i);

      if (g_strcmp0 (sl_record_get_id (SL_RECORD (item)), id) != 0)
        continue;

      g_set_object (&self->removed, item);
      self->removed_position = i;
      g_list_store_remove (G_LIST_STORE (items), i);
      sl_plan_page_save_now (self);

      toast = adw_toast_new (_("Item removed"));
      adw_toast_set_button_label (toast, _("_Undo"));
      g_signal_connect_object (toast, "button-clicked", G_CALLBACK (undo_remove_cb),
                               self, G_CONNECT_SWAPPED);
      sl_ui_add_toast (widget, toast);
      return;
    }
}

static void
sl_plan_page_actions_update (SlPlanPage *self)
{
  GtkWidget *widget = GTK_WIDGET (self);
  gboolean can_create = self->ledger != NULL && self->year > 0 &&
                        sl_ledger_query_default_organization (self->ledger) != NULL;

  gtk_widget_action_set_enabled (widget, "plan.create", can_create);
  gtk_widget_action_set_enabled (widget, "plan.add-item", self->plan != NULL);
  gtk_widget_action_set_enabled (widget, "plan.remove-item", self->plan != NULL);
}

/* Object ----------------------------------------------------------------- */

static void
sl_plan_page_map (GtkWidget *widget)
{
  GTK_WIDGET_CLASS (sl_plan_page_parent_class)->map (widget);

  /* Meetings may have been linked to items on another page. */
  sl_plan_page_reload (SL_PLAN_PAGE (widget));
}

static void
sl_plan_page_unmap (GtkWidget *widget)
{
  sl_plan_page_save_now (SL_PLAN_PAGE (widget));

  GTK_WIDGET_CLASS (sl_plan_page_parent_class)->unmap (widget);
}

static void
sl_plan_page_dispose (GObject *object)
{
  SlPlanPage *self = SL_PLAN_PAGE (object);

  sl_plan_page_save_now (self);
  if (self->plan != NULL)
    g_signal_handlers_disconnect_by_data (sl_plan_get_items (self->plan), self);

  /* AdwBin unparents its child itself; the template must not do it too. */
  adw_bin_set_child (ADW_BIN (self), NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), SL_TYPE_PLAN_PAGE);

  g_clear_object (&self->plan);
  g_clear_object (&self->removed);
  g_clear_object (&self->ledger);
  g_clear_pointer (&self->plans, g_ptr_array_unref);
  g_clear_pointer (&self->fulfilment, g_hash_table_unref);

  G_OBJECT_CLASS (sl_plan_page_parent_class)->dispose (object);
}

/* What was typed belongs to the old ledger or year: stored first. */
static void
year_leave (SlYearPage *page,
            GParamSpec *pspec)
{
  SlPlanPage *self = SL_PLAN_PAGE (page);

  sl_plan_page_save_now (self);
  if (g_str_equal (pspec->name, "ledger"))
    show_plan (self, NULL);
}

static void
year_changed (SlYearPage *page,
              GParamSpec *pspec)
{
  sl_plan_page_reload (SL_PLAN_PAGE (page));
}

static void
sl_plan_page_year_page_init (SlYearPageInterface *iface)
{
  iface->ledger_offset = G_STRUCT_OFFSET (SlPlanPage, ledger);
  iface->year_offset = G_STRUCT_OFFSET (SlPlanPage, year);
  iface->leave = year_leave;
  iface->changed = year_changed;
}

static void
sl_plan_page_class_init (SlPlanPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = sl_plan_page_dispose;
  object_class->get_property = sl_year_page_get_property;
  object_class->set_property = sl_year_page_set_property;
  widget_class->map = sl_plan_page_map;
  widget_class->unmap = sl_plan_page_unmap;

  sl_year_page_class_override_properties (object_class);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/studyledger/StudyLedger/sl-plan-page.ui");
  gtk_widget_class_bind_template_child (widget_class, SlPlanPage, stack);
  gtk_widget_class_bind_template_child (widget_class, SlPlanPage, empty_page);
  gtk_widget_class_bind_template_child (widget_class, SlPlanPage, plan_group);
  gtk_widget_class_bind_template_child (widget_class, SlPlanPage, plan_dropdown);
  gtk_widget_class_bind_template_child (widget_class, SlPlanPage, plan_titles);
  gtk_widget_class_bind_template_child (widget_class, SlPlanPage, title_row);
  gtk_widget_class_bind_template_child (widget_class, SlPlanPage, organization_row);
  gtk_widget_class_bind_template_child (widget_class, SlPlanPage, guiding_view);
  gtk_widget_class_bind_template_child (widget_class, SlPlanPage, focus_view);
  gtk_widget_class_bind_template_child (widget_class, SlPlanPage, forms_view);
  gtk_widget_class_bind_template_child (widget_class, SlPlanPage, requirements_view);
  gtk_widget_class_bind_template_child (widget_class, SlPlanPage, items_view);
  gtk_widget_class_bind_template_child (widget_class, SlPlanPage, items_selection);
  gtk_widget_class_bind_template_child (widget_class, SlPlanPage, month_column);
  gtk_widget_class_bind_template_child (widget_class, SlPlanPage, theme_column);
  gtk_widget_class_bind_template_child (widget_class, SlPlanPage, form_column);
  gtk_widget_class_bind_template_child (widget_class, SlPlanPage, leads_column);
  gtk_widget_class_bind_template_child (widget_class, SlPlanPage, status_column);
  gtk_widget_class_bind_template_child (widget_class, SlPlanPage, held_column);
  gtk_widget_class_bind_template_child (widget_class, SlPlanPage, remove_column);
  gtk_widget_class_bind_template_callback (widget_class, text_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, plan_selected_cb);

  gtk_widget_class_install_action (widget_class, "plan.create", NULL, create_action);
  gtk_widget_class_install_action (widget_class, "plan.add-item", NULL, add_item_action);
  gtk_widget_class_install_action (widget_class, "plan.remove-item", "s", remove_item_action);
}

static void
sl_plan_page_init (SlPlanPage *self)
{
  GtkTextView *views[4];

  gtk_widget_init_template (GTK_WIDGET (self));

  views[0] = self->guiding_view;
  views[1] = self->focus_view;
  views[2] = self->forms_view;
  views[3] = self->requirements_view;
  for (guint i = 0; i < G_N_ELEMENTS (views); i++)
    g_signal_connect_object (gtk_text_view_get_buffer (views[i]), "changed",
                             G_CALLBACK (text_changed_cb), self, G_CONNECT_SWAPPED);

  set_factory (self, self->month_column, G_CALLBACK (month_setup_cb), G_CALLBACK (month_bind_cb), NULL);
  set_factory (self, self->theme_column, G_CALLBACK (theme_setup_cb), G_CALLBACK (theme_bind_cb), NULL);
  set_factory (self, self->form_column, G_CALLBACK (form_setup_cb), G_CALLBACK (form_bind_cb), NULL);
  set_factory (self, self->leads_column, G_CALLBACK (leads_setup_cb), G_CALLBACK (leads_bind_cb), NULL);
  set_factory (self, self->status_column, G_CALLBACK (status_setup_cb), G_CALLBACK (status_bind_cb), NULL);
  set_factory (self, self->held_column, G_CALLBACK (held_setup_cb), G_CALLBACK (held_bind_cb), NULL);
  set_factory (self, self->remove_column, G_CALLBACK (remove_setup_cb), G_CALLBACK (remove_bind_cb), NULL);

  sl_plan_page_actions_update (self);
}
