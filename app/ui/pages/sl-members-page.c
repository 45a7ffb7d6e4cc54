/* sl-members-page.c — the roster, in the order sign-in sheets print it
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The list is the ledger's live member list, sorted by roster order and
 * filtered by organization, so whatever changes the roster (an import, the
 * editor, a move) shows here without reloading. Cells bind to the member's
 * properties for the same reason.
 *
 * The roster order is kept by sort values that change without the list
 * store noticing, so the sorter is told after a move. A member with history
 * (attendance, speeches, duties) cannot be deleted: the core says so, and
 * the toast repeats it; a member who leaves gets a left-on date instead.
 */

#define G_LOG_DOMAIN "sl-members-page"

#include "config.h"

#include <glib/gi18n.h>

#include "sl-column-fold.h"
#include "sl-database.h"
#include "sl-ledger.h"
#include "sl-ledger-queries.h"
#include "sl-member.h"
#include "sl-member-dialog.h"
#include "sl-members-page.h"
#include "sl-organization.h"
#include "sl-roster-order.h"
#include "sl-ui-util.h"

struct _SlMembersPage
{
  AdwBin              parent_instance;

  /* template widgets */
  GtkStack           *stack;
  GtkDropDown        *organization_dropdown;
  GtkStringList      *organization_names;
  GtkLabel           *count_label;
  GtkColumnView      *members_view;
  GtkSingleSelection *selection;
  GtkColumnViewColumn *number_column;
  GtkColumnViewColumn *name_column;
  GtkColumnViewColumn *gender_column;
  GtkColumnViewColumn *post_column;
  GtkColumnViewColumn *organization_column;
  GtkColumnViewColumn *leadership_column;
  GtkColumnViewColumn *central_group_column;
  GtkColumnViewColumn *joined_column;
  GtkColumnViewColumn *left_column;

  /* owned references */
  SlLedger           *ledger;
  GtkSorter          *sorter;
  GtkFilter          *filter;
  GtkSortListModel   *sorted;
  GtkFilterListModel *filtered;
  GPtrArray          *organization_ids; /* char *, parallel to the drop-down after "all" */
  char               *organization;     /* the id shown, NULL for all */
  SlMember           *deleted;          /* for undo */

  gboolean            updating;
};

G_DEFINE_FINAL_TYPE (SlMembersPage, sl_members_page, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_LEDGER,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void sl_members_page_actions_update (SlMembersPage *self);

static int
compare_members (gconstpointer a,
                 gconstpointer b,
                 gpointer      user_data)
{
  return sl_roster_order_compare (a, b);
}

static gboolean
filter_member (gpointer item,
               gpointer user_data)
{
  SlMembersPage *self = user_data;

  return self->organization == NULL ||
         g_strcmp0 (sl_member_get_organization (item), self->organization) == 0;
}

SlMember *
sl_members_page_get_selected (SlMembersPage *self)
{
  g_return_val_if_fail (SL_IS_MEMBERS_PAGE (self), NULL);
  return gtk_single_selection_get_selected_item (self->selection);
}

GListModel *
sl_members_page_get_model (SlMembersPage *self)
{
  g_return_val_if_fail (SL_IS_MEMBERS_PAGE (self), NULL);
  return G_LIST_MODEL (self->filtered);
}

void
sl_members_page_select (SlMembersPage *self,
                        SlMember      *member)
{
  GListModel *model = G_LIST_MODEL (self->filtered);

  g_return_if_fail (SL_IS_MEMBERS_PAGE (self));

  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(SlMember) each = g_list_model_get_item (model, i);

      if (each == member)
        {
          gtk_single_selection_set_selected (self->selection, i);
          /* The column view's inner list view knows how to scroll. */
          for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self->members_view));
               child != NULL; child = gtk_widget_get_next_sibling (child))
            if (GTK_IS_LIST_VIEW (child))
              gtk_widget_activate_action (child, "list.scroll-to-item", "u", i);
          return;
        }
    }
}

/* Organizations ------------------------------------------------------- */

static void
refresh_organizations (SlMembersPage *self)
{
  g_autoptr(GPtrArray) names = g_ptr_array_new ();
  GListModel *organizations;
  guint selected = 0;

  g_clear_pointer (&self->organization_ids, g_ptr_array_unref);
  self->organization_ids = g_ptr_array_new_with_free_func (g_free);
  g_ptr_array_add (names, (gpointer) _("All Organizations"));

  if (self->ledger != NULL)
    {
      organizations = sl_ledger_get_organizations (self->ledger);
      for (guint i = 0; i < g_list_model_get_n_items (organizations); i++)
        {
          g_autoptr(SlOrganization) organization = g_list_model_get_item (organizations, i);
          const char *id = sl_record_get_id (SL_RECORD (organization));

          g_ptr_array_add (self->organization_ids, g_strdup (id));
          g_ptr_array_add (names, (gpointer) sl_organization_get_name (organization));
          if (g_strcmp0 (id, self->organization) == 0)
            selected = i + 1;
        }
    }
  g_ptr_array_add (names, NULL);

  self->updating = TRUE;
  gtk_string_list_splice (self->organization_names, 0,
                          g_list_model_get_n_items (G_LIST_MODEL (self->organization_names)),
                          (const char * const *) names->pdata);
  gtk_drop_down_set_selected (self->organization_dropdown, selected);
  gtk_widget_set_visible (GTK_WIDGET (self->organization_dropdown), self->organization_ids->len > 1);
  self->updating = FALSE;

  if (selected == 0 && self->organization != NULL)
    {
      g_clear_pointer (&self->organization, g_free);
      gtk_filter_changed (self->filter, GTK_FILTER_CHANGE_LESS_STRICT);
    }
}

static void
organization_selected_cb (SlMembersPage *self)
{
  guint selected = gtk_drop_down_get_selected (self->organization_dropdown);
  const char *id = NULL;

  if (self->updating || self->organization_ids == NULL)
    return;

  if (selected >= 1 && selected <= self->organization_ids->len)
    id = g_ptr_array_index (self->organization_ids, selected - 1);

  g_free (self->organization);
  self->organization = g_strdup (id);
  gtk_filter_changed (self->filter, GTK_FILTER_CHANGE_DIFFERENT);
}

static void
update_count (SlMembersPage *self)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->filtered));
  guint total = self->ledger ? g_list_model_get_n_items (sl_ledger_get_members (self->ledger)) : 0;
  g_autofree char *text = g_strdup_printf (ngettext ("%u member", "%u members", n), n);

  gtk_label_set_text (self->count_label, text);
  gtk_stack_set_visible_child_name (self->stack, total > 0 ? "list" : "empty");
  sl_members_page_actions_update (self);
}

static void
selection_changed_cb (SlMembersPage *self)
{
  sl_members_page_actions_update (self);
}

/* Cells ------------------------------------------------------------------ */

/* Text of a member's property; organization ids become names, booleans
 * a check mark. */

static gboolean
organization_to_name (GBinding     *binding,
                      const GValue *from,
                      GValue       *to,
                      gpointer      user_data)
{
  SlMembersPage *self = user_data;

  g_value_set_string (to, sl_ui_organization_name (self->ledger, g_value_get_string (from)));
  return TRUE;
}

static void
text_setup_cb (GtkSignalListItemFactory *factory,
               GtkListItem              *list_item,
               SlMembersPage            *self)
{
  const char *property = g_object_get_data (G_OBJECT (factory), "sl-property");
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  /* Never shortened: at 700 and 360 px 职务 and 所属组织 showed only “…”.
   * On a narrow window the lesser columns hide (see init) and a long
   * post or organisation wraps, rather than the list scrolling sideways
   * with the names out of sight. */
  if (g_str_equal (property, "post") || g_str_equal (property, "organization"))
    {
      gtk_label_set_wrap (GTK_LABEL (label), TRUE);
      gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
      gtk_label_set_width_chars (GTK_LABEL (label), 10);
      gtk_widget_set_margin_top (label, 3);
      gtk_widget_set_margin_bottom (label, 3);
    }
  else
    gtk_label_set_single_line_mode (GTK_LABEL (label), TRUE);
  gtk_list_item_set_child (list_item, label);
}

static void
text_bind_cb (GtkSignalListItemFactory *factory,
              GtkListItem              *list_item,
              SlMembersPage            *self)
{
  const char *property = g_object_get_data (G_OBJECT (factory), "sl-property");
  GtkWidget *label = gtk_list_item_get_child (list_item);
  GBinding *binding;

  if (g_str_equal (property, "organization"))
    binding = g_object_bind_property_full (gtk_list_item_get_item (list_item), property,
                                           label, "label", G_BINDING_SYNC_CREATE,
                                           organization_to_name, NULL, self, NULL);
  else
    binding = g_object_bind_property (gtk_list_item_get_item (list_item), property,
                                      label, "label", G_BINDING_SYNC_CREATE);

  g_object_set_data (G_OBJECT (list_item), "sl-binding", binding);
}

static void
binding_unbind_cb (GtkSignalListItemFactory *factory,
                   GtkListItem              *list_item,
                   SlMembersPage            *self)
{
  GBinding *binding = g_object_get_data (G_OBJECT (list_item), "sl-binding");

  if (binding != NULL)
    g_binding_unbind (binding);
  g_object_set_data (G_OBJECT (list_item), "sl-binding", NULL);
}

static void
flag_setup_cb (GtkSignalListItemFactory *factory,
               GtkListItem              *list_item,
               SlMembersPage            *self)
{
  GtkWidget *image = gtk_image_new_from_icon_name ("object-select-symbolic");

  gtk_widget_set_halign (image, GTK_ALIGN_START);
  gtk_widget_set_margin_start (image, 6);
  gtk_accessible_update_property (GTK_ACCESSIBLE (image), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  g_object_get_data (G_OBJECT (factory), "sl-title"), -1);
  gtk_list_item_set_child (list_item, image);
}

static void
flag_bind_cb (GtkSignalListItemFactory *factory,
              GtkListItem              *list_item,
              SlMembersPage            *self)
{
  const char *property = g_object_get_data (G_OBJECT (factory), "sl-property");
  GBinding *binding;

  binding = g_object_bind_property (gtk_list_item_get_item (list_item), property,
                                    gtk_list_item_get_child (list_item), "visible",
                                    G_BINDING_SYNC_CREATE);
  g_object_set_data (G_OBJECT (list_item), "sl-binding", binding);
}

/* The number in the list shown, which is the roster order. */
static void
number_update (GtkListItem *list_item)
{
  g_autofree char *text = g_strdup_printf ("%u", gtk_list_item_get_position (list_item) + 1);

  gtk_label_set_text (GTK_LABEL (gtk_list_item_get_child (list_item)), text);
}

static void
number_setup_cb (GtkSignalListItemFactory *factory,
                 GtkListItem              *list_item,
                 SlMembersPage            *self)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), 1);
  gtk_widget_set_margin_end (label, 12);
  gtk_widget_add_css_class (label, "numeric");
  gtk_widget_add_css_class (label, "dim-label");
  gtk_list_item_set_child (list_item, label);
  g_signal_connect (list_item, "notify::position", G_CALLBACK (number_update), NULL);
}

static void
number_bind_cb (GtkSignalListItemFactory *factory,
                GtkListItem              *list_item,
                SlMembersPage            *self)
{
  number_update (list_item);
}

static void
set_factory (SlMembersPage       *self,
             GtkColumnViewColumn *column,
             const char          *property,
             GCallback            setup,
             GCallback            bind,
             GCallback            unbind)
{
  g_autoptr(GtkListItemFactory) factory = gtk_signal_list_item_factory_new ();

  g_object_set_data (G_OBJECT (factory), "sl-property", (gpointer) property);
  g_object_set_data_full (G_OBJECT (factory), "sl-title",
                          g_strdup (gtk_column_view_column_get_title (column)), g_free);
  g_signal_connect (factory, "setup", setup, self);
  g_signal_connect (factory, "bind", bind, self);
  if (unbind != NULL)
    g_signal_connect (factory, "unbind", unbind, self);
  gtk_column_view_column_set_factory (column, factory);
}

/* Actions ---------------------------------------------------------------- */

static void
member_activated_cb (SlMembersPage *self,
                     guint          position)
{
  gtk_single_selection_set_selected (self->selection, position);
  gtk_widget_activate_action (GTK_WIDGET (self), "members.edit", NULL);
}

static void
member_added_cb (SlMembersPage *self,
                 SlMember      *member)
{
  g_autofree char *text = g_strdup_printf (_("Added %s"), sl_member_get_name (member));

  sl_members_page_select (self, member);
  sl_ui_add_toast (GTK_WIDGET (self), sl_ui_toast_new_printf ("%s", text));
}

static void
add_action (GtkWidget  *widget,
            const char *action_name,
            GVariant   *parameter)
{
  SlMembersPage *self = SL_MEMBERS_PAGE (widget);
  GtkWidget *dialog;

  dialog = sl_member_dialog_new (GTK_WINDOW (gtk_widget_get_root (widget)), self->ledger,
                                 NULL, self->organization);
  g_signal_connect_object (dialog, "member-added", G_CALLBACK (member_added_cb),
                           self, G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
edit_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  SlMembersPage *self = SL_MEMBERS_PAGE (widget);
  SlMember *member = sl_members_page_get_selected (self);
  GtkWidget *dialog;

  if (member == NULL)
    return;

  dialog = sl_member_dialog_new (GTK_WINDOW (gtk_widget_get_root (widget)), self->ledger,
                                 member, NULL);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* The member's year on its own page (个人学习档案); the window shows it. */
static void
record_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  SlMember *member = sl_members_page_get_selected (SL_MEMBERS_PAGE (widget));

  if (member != NULL)
    gtk_widget_activate_action (widget, "win.open-member-record", "s",
                                sl_record_get_id (SL_RECORD (member)));
}

static void
undo_delete_cb (SlMembersPage *self)
{
  g_autoptr(SlMember) member = g_steal_pointer (&self->deleted);
  g_autoptr(GError) error = NULL;

  if (member == NULL || self->ledger == NULL)
    return;

  /* Saving the same object again is the ledger's undo. */
  if (!sl_ledger_save_member (self->ledger, member, &error))
    sl_ui_add_toast (GTK_WIDGET (self), sl_ui_toast_new_printf ("%s", error->message));
  else
    sl_members_page_select (self, member);
}

static void
delete_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  SlMembersPage *self = SL_MEMBERS_PAGE (widget);
  g_autoptr(SlMember) member = NULL;
  g_autoptr(GError) error = NULL;
  AdwToast *toast;

  if (sl_members_page_get_selected (self) == NULL)
    return;

  member = g_object_ref (sl_members_page_get_selected (self));
  if (!sl_ledger_delete (self->ledger, member, &error) &&
      g_error_matches (error, SL_DATABASE_ERROR, SL_DATABASE_ERROR_BUSY))
    {
      sl_ui_add_toast (widget, adw_toast_new (_("Ledger busy: try again shortly")));
      return;
    }
  if (error != NULL)
    {
      /* The core's words: who it is and what to do instead. */
      toast = sl_ui_toast_new_printf ("%s", error->message);
      adw_toast_set_timeout (toast, 8);
      sl_ui_add_toast (widget, toast);
      return;
    }

  g_set_object (&self->deleted, member);
  toast = sl_ui_toast_new_printf (_("Deleted %s"), sl_member_get_name (member));
  adw_toast_set_button_label (toast, _("_Undo"));
  g_signal_connect_object (toast, "button-clicked", G_CALLBACK (undo_delete_cb),
                           self, G_CONNECT_SWAPPED);
  sl_ui_add_toast (widget, toast);
}

static void
move (SlMembersPage *self,
      int            direction)
{
  guint position = gtk_single_selection_get_selected (self->selection);
  GListModel *model = G_LIST_MODEL (self->filtered);
  g_autoptr(SlMember) member = NULL;
  g_autoptr(SlMember) neighbour = NULL;
  g_autoptr(GError) error = NULL;

  if (position == GTK_INVALID_LIST_POSITION ||
      (direction < 0 && position == 0) ||
      (direction > 0 && position + 1 >= g_list_model_get_n_items (model)))
    return;

  member = g_list_model_get_item (model, position);
  neighbour = g_list_model_get_item (model, position + direction);

  if (!sl_roster_order_swap (self->ledger, member, neighbour, &error))
    {
      /* Short words for what the user can act on; the core's long
       * message for anything else. */
      if (g_error_matches (error, SL_DATABASE_ERROR, SL_DATABASE_ERROR_BUSY))
        sl_ui_add_toast (GTK_WIDGET (self), adw_toast_new (_("Ledger busy: try again shortly")));
      else if (g_error_matches (error, SL_LEDGER_ERROR, SL_LEDGER_ERROR_CHANGED))
        {
          sl_ledger_reload (self->ledger);
          sl_ui_add_toast (GTK_WIDGET (self), adw_toast_new (_("Changed elsewhere; reloaded, redo your change")));
        }
      else
        sl_ui_add_toast (GTK_WIDGET (self),
                         sl_ui_toast_new_printf (_("The order was not saved: %s"), error->message));
      return;
    }

  /* The sort values changed under the sorter's feet. */
  gtk_sorter_changed (self->sorter, GTK_SORTER_CHANGE_DIFFERENT);
  sl_members_page_select (self, member);
}

static void
move_up_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  move (SL_MEMBERS_PAGE (widget), -1);
}

static void
move_down_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  move (SL_MEMBERS_PAGE (widget), +1);
}

static void
sl_members_page_actions_update (SlMembersPage *self)
{
  GtkWidget *widget = GTK_WIDGET (self);
  guint position = gtk_single_selection_get_selected (self->selection);
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->filtered));
  gboolean selected = position != GTK_INVALID_LIST_POSITION && position < n;

  gtk_widget_action_set_enabled (widget, "members.add", self->ledger != NULL);
  gtk_widget_action_set_enabled (widget, "members.edit", selected);
  gtk_widget_action_set_enabled (widget, "members.record", selected);
  gtk_widget_action_set_enabled (widget, "members.delete", selected);
  gtk_widget_action_set_enabled (widget, "members.move-up", selected && position > 0);
  gtk_widget_action_set_enabled (widget, "members.move-down", selected && position + 1 < n);
}

/* Object ----------------------------------------------------------------- */

static void
sl_members_page_set_ledger (SlMembersPage *self,
                            SlLedger      *ledger)
{
  if (self->ledger != NULL)
    g_signal_handlers_disconnect_by_data (sl_ledger_get_organizations (self->ledger), self);

  if (!g_set_object (&self->ledger, ledger))
    return;

  g_clear_pointer (&self->organization, g_free);
  gtk_sort_list_model_set_model (self->sorted, ledger ? sl_ledger_get_members (ledger) : NULL);

  if (ledger != NULL)
    g_signal_connect_object (sl_ledger_get_organizations (ledger), "items-changed",
                             G_CALLBACK (refresh_organizations), self, G_CONNECT_SWAPPED);

  refresh_organizations (self);
  update_count (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LEDGER]);
}

static void
sl_members_page_dispose (GObject *object)
{
  SlMembersPage *self = SL_MEMBERS_PAGE (object);

  if (self->ledger != NULL)
    g_signal_handlers_disconnect_by_data (sl_ledger_get_organizations (self->ledger), self);

  /* AdwBin unparents its child itself; the template must not do it too. */
  adw_bin_set_child (ADW_BIN (self), NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), SL_TYPE_MEMBERS_PAGE);

  g_clear_object (&self->filtered);
  g_clear_object (&self->sorted);
  g_clear_object (&self->sorter);
  g_clear_object (&self->filter);
  g_clear_object (&self->ledger);
  g_clear_object (&self->deleted);
  g_clear_pointer (&self->organization_ids, g_ptr_array_unref);
  g_clear_pointer (&self->organization, g_free);

  G_OBJECT_CLASS (sl_members_page_parent_class)->dispose (object);
}

static void
sl_members_page_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  SlMembersPage *self = SL_MEMBERS_PAGE (object);

  switch (prop_id)
    {
    case PROP_LEDGER: g_value_set_object (value, self->ledger); break;
    default:          G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sl_members_page_set_property (GObject      *object,
                              guint         prop_id,
                              const GValue *value,
                              GParamSpec   *pspec)
{
  SlMembersPage *self = SL_MEMBERS_PAGE (object);

  switch (prop_id)
    {
    case PROP_LEDGER: sl_members_page_set_ledger (self, g_value_get_object (value)); break;
    default:          G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sl_members_page_class_init (SlMembersPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = sl_members_page_dispose;
  object_class->get_property = sl_members_page_get_property;
  object_class->set_property = sl_members_page_set_property;

  properties[PROP_LEDGER] =
    g_param_spec_object ("ledger", NULL, NULL, SL_TYPE_LEDGER,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/studyledger/StudyLedger/sl-members-page.ui");
  gtk_widget_class_bind_template_child (widget_class, SlMembersPage, stack);
  gtk_widget_class_bind_template_child (widget_class, SlMembersPage, organization_dropdown);
  gtk_widget_class_bind_template_child (widget_class, SlMembersPage, organization_names);
  gtk_widget_class_bind_template_child (widget_class, SlMembersPage, count_label);
  gtk_widget_class_bind_template_child (widget_class, SlMembersPage, members_view);
  gtk_widget_class_bind_template_child (widget_class, SlMembersPage, selection);
  gtk_widget_class_bind_template_child (widget_class, SlMembersPage, number_column);
  gtk_widget_class_bind_template_child (widget_class, SlMembersPage, name_column);
  gtk_widget_class_bind_template_child (widget_class, SlMembersPage, gender_column);
  gtk_widget_class_bind_template_child (widget_class, SlMembersPage, post_column);
  gtk_widget_class_bind_template_child (widget_class, SlMembersPage, organization_column);
  gtk_widget_class_bind_template_child (widget_class, SlMembersPage, leadership_column);
  gtk_widget_class_bind_template_child (widget_class, SlMembersPage, central_group_column);
  gtk_widget_class_bind_template_child (widget_class, SlMembersPage, joined_column);
  gtk_widget_class_bind_template_child (widget_class, SlMembersPage, left_column);
  gtk_widget_class_bind_template_callback (widget_class, organization_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, selection_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, member_activated_cb);

  gtk_widget_class_install_action (widget_class, "members.add", NULL, add_action);
  gtk_widget_class_install_action (widget_class, "members.edit", NULL, edit_action);
  gtk_widget_class_install_action (widget_class, "members.record", NULL, record_action);
  gtk_widget_class_install_action (widget_class, "members.delete", NULL, delete_action);
  gtk_widget_class_install_action (widget_class, "members.move-up", NULL, move_up_action);
  gtk_widget_class_install_action (widget_class, "members.move-down", NULL, move_down_action);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Up, GDK_ALT_MASK,
                                       "members.move-up", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Down, GDK_ALT_MASK,
                                       "members.move-down", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Delete, 0,
                                       "members.delete", NULL);
}

/* Alt+A adds a member at every width. The mnemonic of “_Add” works only
 * while its label shows: on a narrow window the button shows only “+”,
 * and the key did nothing. The window handles this shortcut wherever
 * the focus is, as it does mnemonics, while the page is on screen. */
static gboolean
add_shortcut_cb (GtkWidget *widget,
                 GVariant  *args,
                 gpointer   data)
{
  if (!gtk_widget_get_mapped (widget))
    return FALSE;
  return gtk_widget_activate_action (widget, "members.add", NULL);
}

static void
sl_members_page_init (SlMembersPage *self)
{
  GtkEventController *shortcuts;

  gtk_widget_init_template (GTK_WIDGET (self));

  shortcuts = gtk_shortcut_controller_new ();
  gtk_shortcut_controller_set_scope (GTK_SHORTCUT_CONTROLLER (shortcuts), GTK_SHORTCUT_SCOPE_GLOBAL);
  gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (shortcuts),
                                        gtk_shortcut_new (gtk_keyval_trigger_new (GDK_KEY_a, GDK_ALT_MASK),
                                                          gtk_callback_action_new (add_shortcut_cb, NULL, NULL)));
  gtk_widget_add_controller (GTK_WIDGET (self), shortcuts);

  self->sorter = GTK_SORTER (gtk_custom_sorter_new (compare_members, NULL, NULL));
  self->filter = GTK_FILTER (gtk_custom_filter_new (filter_member, self, NULL));
  self->sorted = gtk_sort_list_model_new (NULL, g_object_ref (self->sorter));
  self->filtered = gtk_filter_list_model_new (g_object_ref (G_LIST_MODEL (self->sorted)),
                                              g_object_ref (self->filter));
  gtk_single_selection_set_model (self->selection, G_LIST_MODEL (self->filtered));
  g_signal_connect_object (self->filtered, "items-changed", G_CALLBACK (update_count),
                           self, G_CONNECT_SWAPPED);

  set_factory (self, self->number_column, NULL, G_CALLBACK (number_setup_cb),
               G_CALLBACK (number_bind_cb), NULL);
  set_factory (self, self->name_column, "name", G_CALLBACK (text_setup_cb),
               G_CALLBACK (text_bind_cb), G_CALLBACK (binding_unbind_cb));
  set_factory (self, self->gender_column, "gender", G_CALLBACK (text_setup_cb),
               G_CALLBACK (text_bind_cb), G_CALLBACK (binding_unbind_cb));
  set_factory (self, self->post_column, "post", G_CALLBACK (text_setup_cb),
               G_CALLBACK (text_bind_cb), G_CALLBACK (binding_unbind_cb));
  set_factory (self, self->organization_column, "organization", G_CALLBACK (text_setup_cb),
               G_CALLBACK (text_bind_cb), G_CALLBACK (binding_unbind_cb));
  set_factory (self, self->leadership_column, "leadership", G_CALLBACK (flag_setup_cb),
               G_CALLBACK (flag_bind_cb), G_CALLBACK (binding_unbind_cb));
  set_factory (self, self->central_group_column, "central-group", G_CALLBACK (flag_setup_cb),
               G_CALLBACK (flag_bind_cb), G_CALLBACK (binding_unbind_cb));
  set_factory (self, self->joined_column, "joined-on", G_CALLBACK (text_setup_cb),
               G_CALLBACK (text_bind_cb), G_CALLBACK (binding_unbind_cb));
  set_factory (self, self->left_column, "left-on", G_CALLBACK (text_setup_cb),
               G_CALLBACK (text_bind_cb), G_CALLBACK (binding_unbind_cb));

  /* Number, name and post stay on a narrow window; the rest hides, the
   * dates first, and shows in the member's dialog. */
  sl_column_fold_attach (self->members_view, self->left_column, 900, self->joined_column, 900,
                         self->central_group_column, 780, self->leadership_column, 780,
                         self->organization_column, 560, self->gender_column, 480, NULL);

  update_count (self);
}
