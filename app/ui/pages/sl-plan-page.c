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
 * listens to every item's notify and saves. The cells are in
 * sl-plan-page-cells.c, sharing the struct through sl-plan-page-private.h.
 */

#define G_LOG_DOMAIN "sl-plan-page"

#include "config.h"

#include <glib/gi18n.h>

#include "sl-enums.h"
#include "sl-database.h"
#include "sl-entry-wrap.h"
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

#define SAVE_DELAY_MS 500

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
sl_plan_page_year_page_init (SlYearPageInterface *iface)
{
  iface->ledger_offset = G_STRUCT_OFFSET (SlPlanPage, ledger);
  iface->year_offset = G_STRUCT_OFFSET (SlPlanPage, year);
  iface->leave = year_leave;
  /* Meetings may have been linked to items on another page. */
  iface->reload = (SlYearPageReloadFunc) sl_plan_page_reload;
}

static void
sl_plan_page_class_init (SlPlanPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = sl_plan_page_dispose;
  sl_year_page_class_install (object_class);
  sl_year_page_class_reload_on_map (widget_class);
  widget_class->unmap = sl_plan_page_unmap;

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
  /* The table scrolls sideways; the wheel over it scrolls the page. */
  sl_ui_pass_vertical_scroll (gtk_widget_get_ancestor (GTK_WIDGET (self->items_view),
                                                       GTK_TYPE_SCROLLED_WINDOW));

  views[0] = self->guiding_view;
  views[1] = self->focus_view;
  views[2] = self->forms_view;
  views[3] = self->requirements_view;
  for (guint i = 0; i < G_N_ELEMENTS (views); i++)
    g_signal_connect_object (gtk_text_view_get_buffer (views[i]), "changed",
                             G_CALLBACK (text_changed_cb), self, G_CONNECT_SWAPPED);

  _sl_plan_page_set_up_cells (self);
  /* A plan's title (“中共临江市统计局党组理论学习中心组2023年度学习计划”)
   * is wider than its row at 360 px: whole below it, as the meeting
   * editor's title, not cut mid-character. */
  sl_entry_wrap_attach (ADW_ENTRY_ROW (self->title_row));

  sl_plan_page_actions_update (self);
}
