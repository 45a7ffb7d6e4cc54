/* sl-organization-dialog.c — create, rename and nest the ledger's organizations
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The one place in the window where organizations are made and changed,
 * so that a new user needs no terminal: the list of the ledger's
 * organizations (the live store, so an import shows at once), and a form
 * with the name, the kind (the archive's codes, shown by their Chinese
 * names) and the parent. A row of the list fills the form; Save writes.
 *
 * While the ledger has organizations but no members, the dialog offers the
 * next step of a first run: importing the roster or typing the members.
 */

#define G_LOG_DOMAIN "sl-organization-dialog"

#include "config.h"

#include <glib/gi18n.h>

#include "sl-combo-row-keys.h"
#include "sl-enums.h"
#include "sl-ledger.h"
#include "sl-member-dialog.h"
#include "sl-organization.h"
#include "sl-organization-dialog.h"
#include "sl-ui-util.h"

struct _SlOrganizationDialog
{
  AdwWindow            parent_instance;

  /* template widgets */
  AdwToastOverlay     *toast_overlay;
  GtkListBox          *list_box;
  AdwPreferencesGroup *form_group;
  AdwEntryRow         *name_row;
  AdwComboRow         *kind_row;
  AdwComboRow         *parent_row;
  GtkStringList       *parent_names;
  GtkButton           *save_button;
  AdwPreferencesGroup *next_group;
  AdwPreferencesGroup *list_group;

  /* owned references */
  SlLedger            *ledger;
  SlOrganization      *editing;     /* NULL while adding */
  GPtrArray           *parent_ids;  /* ids behind parent_row; [0] NULL: none */
};

G_DEFINE_FINAL_TYPE (SlOrganizationDialog, sl_organization_dialog, ADW_TYPE_WINDOW)

/* The kinds the combo row offers, in its order. */
static const SlOrganizationKind kinds[] = {
  SL_ORGANIZATION_KIND_PARTY_GROUP,
  SL_ORGANIZATION_KIND_PARTY_COMMITTEE,
  SL_ORGANIZATION_KIND_BRANCH,
  SL_ORGANIZATION_KIND_OTHER,
};

static guint
kind_position (SlOrganizationKind kind)
{
  for (guint i = 0; i < G_N_ELEMENTS (kinds); i++)
    if (kinds[i] == kind)
      return i;
  return 0;
}

static char *
describe (SlOrganizationDialog *self,
          SlOrganization       *organization)
{
  const char *kind = sl_organization_kind_to_label (sl_organization_get_kind (organization));
  const char *parent = sl_organization_get_parent (organization);

  if (parent != NULL)
    /* Translators: a row's subtitle in the organizations dialog:
     * the kind, then the organization above it. */
    return g_strdup_printf (_("%s, under %s"), kind ? kind : "",
                            sl_ui_organization_name (self->ledger, parent));
  return g_strdup (kind ? kind : "");
}

static void
update_row (GtkWidget *row)
{
  SlOrganizationDialog *self = g_object_get_data (G_OBJECT (row), "dialog");
  SlOrganization *organization = g_object_get_data (G_OBJECT (row), "organization");
  g_autofree char *subtitle = describe (self, organization);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), sl_organization_get_name (organization));
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
}

static GtkWidget *
create_row (gpointer item,
            gpointer user_data)
{
  SlOrganizationDialog *self = user_data;
  GtkWidget *row = adw_action_row_new ();

  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), gtk_image_new_from_icon_name ("document-edit-symbolic"));
  g_object_set_data (G_OBJECT (row), "dialog", self);
  g_object_set_data_full (G_OBJECT (row), "organization", g_object_ref (item), g_object_unref);
  g_signal_connect_object (item, "notify", G_CALLBACK (update_row), row, G_CONNECT_SWAPPED);
  update_row (row);

  return row;
}

/* The parents offered: none, or any other organization (the ledger
 * refuses one that would make a circle, and says so). */
static void
fill_parents (SlOrganizationDialog *self)
{
  GListModel *organizations = sl_ledger_get_organizations (self->ledger);
  const char *own = self->editing ? sl_record_get_id (SL_RECORD (self->editing)) : NULL;
  const char *parent = self->editing ? sl_organization_get_parent (self->editing) : NULL;
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->parent_names));
  guint selected = 0;

  g_ptr_array_set_size (self->parent_ids, 0);
  g_ptr_array_add (self->parent_ids, NULL);
  gtk_string_list_splice (self->parent_names, 0, n, NULL);
  gtk_string_list_append (self->parent_names, _("None (top level)"));

  for (guint i = 0; i < g_list_model_get_n_items (organizations); i++)
    {
      g_autoptr(SlOrganization) organization = g_list_model_get_item (organizations, i);
      const char *id = sl_record_get_id (SL_RECORD (organization));

      if (g_strcmp0 (id, own) == 0)
        continue;
      if (g_strcmp0 (id, parent) == 0)
        selected = self->parent_ids->len;
      g_ptr_array_add (self->parent_ids, g_strdup (id));
      gtk_string_list_append (self->parent_names, sl_organization_get_name (organization));
    }

  adw_combo_row_set_selected (self->parent_row, selected);
}

static void
update_next_step (SlOrganizationDialog *self)
{
  gboolean first_run =
    g_list_model_get_n_items (sl_ledger_get_organizations (self->ledger)) > 0 &&
    g_list_model_get_n_items (sl_ledger_get_members (self->ledger)) == 0;

  gtk_widget_set_visible (GTK_WIDGET (self->next_group), first_run);
  gtk_widget_set_visible (GTK_WIDGET (self->list_group),
                          g_list_model_get_n_items (sl_ledger_get_organizations (self->ledger)) > 0);
}

void
sl_organization_dialog_edit (SlOrganizationDialog *self,
                             SlOrganization       *organization)
{
  g_return_if_fail (SL_IS_ORGANIZATION_DIALOG (self));
  g_return_if_fail (organization == NULL || SL_IS_ORGANIZATION (organization));

  g_set_object (&self->editing, organization);

  adw_preferences_group_set_title (self->form_group,
                                   organization ? _("Change the Organization")
                                                : _("New Organization"));
  gtk_button_set_label (self->save_button, organization ? _("_Save") : _("_Add"));
  gtk_editable_set_text (GTK_EDITABLE (self->name_row),
                         organization ? sl_organization_get_name (organization) : "");
  /* A ledger's first organization is most often the 党组 itself. */
  adw_combo_row_set_selected (self->kind_row,
                              organization ? kind_position (sl_organization_get_kind (organization))
                                           : kind_position (SL_ORGANIZATION_KIND_PARTY_GROUP));
  fill_parents (self);
  gtk_widget_grab_focus (GTK_WIDGET (self->name_row));
}

SlOrganization *
sl_organization_dialog_get_editing (SlOrganizationDialog *self)
{
  g_return_val_if_fail (SL_IS_ORGANIZATION_DIALOG (self), NULL);
  return self->editing;
}

GtkWidget *
sl_organization_dialog_get_row (SlOrganizationDialog *self,
                                const char           *name)
{
  g_return_val_if_fail (SL_IS_ORGANIZATION_DIALOG (self), NULL);

  if (g_strcmp0 (name, "name") == 0)
    return GTK_WIDGET (self->name_row);
  if (g_strcmp0 (name, "kind") == 0)
    return GTK_WIDGET (self->kind_row);
  if (g_strcmp0 (name, "parent") == 0)
    return GTK_WIDGET (self->parent_row);
  return NULL;
}

static void
row_activated_cb (SlOrganizationDialog *self,
                  GtkListBoxRow        *row)
{
  sl_organization_dialog_edit (self, g_object_get_data (G_OBJECT (row), "organization"));
}

static void
name_changed_cb (SlOrganizationDialog *self)
{
  g_autofree char *name = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->name_row))));

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "organization.save", name[0] != '\0');
}

static void
save_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  SlOrganizationDialog *self = SL_ORGANIZATION_DIALOG (widget);
  g_autoptr(SlOrganization) organization = NULL;
  g_autofree char *name = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->name_row))));
  g_autofree char *old_name = NULL;
  g_autofree char *old_parent = NULL;
  SlOrganizationKind old_kind = SL_ORGANIZATION_KIND_NONE;
  guint kind = adw_combo_row_get_selected (self->kind_row);
  guint parent = adw_combo_row_get_selected (self->parent_row);
  g_autoptr(GError) error = NULL;
  gboolean adding = self->editing == NULL;

  if (name[0] == '\0')
    return;

  if (adding)
    organization = sl_organization_new ();
  else
    {
      organization = g_object_ref (self->editing);
      old_name = g_strdup (sl_organization_get_name (organization));
      old_kind = sl_organization_get_kind (organization);
      old_parent = g_strdup (sl_organization_get_parent (organization));
    }

  sl_organization_set_name (organization, name);
  sl_organization_set_kind (organization, kinds[MIN (kind, G_N_ELEMENTS (kinds) - 1)]);
  sl_organization_set_parent (organization,
                              parent < self->parent_ids->len ? g_ptr_array_index (self->parent_ids, parent)
                                                             : NULL);

  if (!sl_ledger_save_organization (self->ledger, organization, &error))
    {
      g_autofree char *message = sl_ui_error_text (error);

      /* The live object goes back to what the ledger holds. */
      if (!adding)
        {
          sl_organization_set_name (organization, old_name);
          sl_organization_set_kind (organization, old_kind);
          sl_organization_set_parent (organization, old_parent);
        }
      adw_toast_overlay_add_toast (self->toast_overlay, sl_ui_toast_new_printf ("%s", message));
      return;
    }

  adw_toast_overlay_add_toast (self->toast_overlay,
                               sl_ui_toast_new_printf (adding ? _("“%s” added") : _("“%s” saved"), name));
  sl_organization_dialog_edit (self, NULL);
  update_next_step (self);
}

static void
new_action (GtkWidget  *widget,
            const char *action_name,
            GVariant   *parameter)
{
  sl_organization_dialog_edit (SL_ORGANIZATION_DIALOG (widget), NULL);
}

/* The roster import is the window's: close, and ask the window. */
static void
import_roster_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  GtkWindow *parent = gtk_window_get_transient_for (GTK_WINDOW (widget));

  if (parent != NULL)
    gtk_widget_activate_action (GTK_WIDGET (parent), "win.import-roster", NULL);
  gtk_window_close (GTK_WINDOW (widget));
}

static void
add_member_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  SlOrganizationDialog *self = SL_ORGANIZATION_DIALOG (widget);
  GtkWindow *parent = gtk_window_get_transient_for (GTK_WINDOW (widget));
  GListModel *organizations = sl_ledger_get_organizations (self->ledger);
  g_autoptr(SlOrganization) first = g_list_model_get_item (organizations, 0);
  GtkWidget *dialog;

  if (parent != NULL)
    gtk_widget_activate_action (GTK_WIDGET (parent), "win.show-page", "s", "members");
  dialog = sl_member_dialog_new (parent, self->ledger, NULL,
                                 first ? sl_record_get_id (SL_RECORD (first)) : NULL);
  gtk_window_close (GTK_WINDOW (widget));
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
sl_organization_dialog_dispose (GObject *object)
{
  SlOrganizationDialog *self = SL_ORGANIZATION_DIALOG (object);

  if (self->ledger != NULL)
    {
      g_signal_handlers_disconnect_by_data (sl_ledger_get_members (self->ledger), self);
      g_signal_handlers_disconnect_by_data (sl_ledger_get_organizations (self->ledger), self);
    }
  if (self->list_box != NULL)
    gtk_list_box_bind_model (self->list_box, NULL, NULL, NULL, NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), SL_TYPE_ORGANIZATION_DIALOG);
  g_clear_object (&self->editing);
  g_clear_object (&self->ledger);
  g_clear_pointer (&self->parent_ids, g_ptr_array_unref);

  G_OBJECT_CLASS (sl_organization_dialog_parent_class)->dispose (object);
}

static void
sl_organization_dialog_class_init (SlOrganizationDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = sl_organization_dialog_dispose;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/studyledger/StudyLedger/sl-organization-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, SlOrganizationDialog, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, SlOrganizationDialog, list_box);
  gtk_widget_class_bind_template_child (widget_class, SlOrganizationDialog, form_group);
  gtk_widget_class_bind_template_child (widget_class, SlOrganizationDialog, name_row);
  gtk_widget_class_bind_template_child (widget_class, SlOrganizationDialog, kind_row);
  gtk_widget_class_bind_template_child (widget_class, SlOrganizationDialog, parent_row);
  gtk_widget_class_bind_template_child (widget_class, SlOrganizationDialog, parent_names);
  gtk_widget_class_bind_template_child (widget_class, SlOrganizationDialog, save_button);
  gtk_widget_class_bind_template_child (widget_class, SlOrganizationDialog, next_group);
  gtk_widget_class_bind_template_child (widget_class, SlOrganizationDialog, list_group);
  gtk_widget_class_bind_template_callback (widget_class, row_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, name_changed_cb);

  gtk_widget_class_install_action (widget_class, "organization.save", NULL, save_action);
  gtk_widget_class_install_action (widget_class, "organization.new", NULL, new_action);
  gtk_widget_class_install_action (widget_class, "organization.import-roster", NULL, import_roster_action);
  gtk_widget_class_install_action (widget_class, "organization.add-member", NULL, add_member_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
sl_organization_dialog_init (SlOrganizationDialog *self)
{
  GtkStringList *kind_names = gtk_string_list_new (NULL);

  gtk_widget_init_template (GTK_WIDGET (self));
  /* Lists that open on the item shown; Return picks the focused one. */
  sl_combo_row_keys_install (self->kind_row);
  sl_combo_row_keys_install (self->parent_row);
  self->parent_ids = g_ptr_array_new_with_free_func (g_free);
  /* Enter in the name saves. */
  gtk_window_set_default_widget (GTK_WINDOW (self), GTK_WIDGET (self->save_button));

  for (guint i = 0; i < G_N_ELEMENTS (kinds); i++)
    gtk_string_list_append (kind_names, sl_organization_kind_to_label (kinds[i]));
  adw_combo_row_set_model (self->kind_row, G_LIST_MODEL (kind_names));
  g_object_unref (kind_names);
}

GtkWidget *
sl_organization_dialog_new (GtkWindow *parent,
                            SlLedger  *ledger)
{
  SlOrganizationDialog *self;

  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (SL_IS_LEDGER (ledger), NULL);

  self = g_object_new (SL_TYPE_ORGANIZATION_DIALOG, "transient-for", parent, NULL);
  self->ledger = g_object_ref (ledger);

  gtk_list_box_bind_model (self->list_box, sl_ledger_get_organizations (ledger),
                           create_row, self, NULL);
  g_signal_connect_object (sl_ledger_get_organizations (ledger), "items-changed",
                           G_CALLBACK (update_next_step), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (sl_ledger_get_members (ledger), "items-changed",
                           G_CALLBACK (update_next_step), self, G_CONNECT_SWAPPED);
  /* Rows of organizations added elsewhere need the parents offered too. */
  g_signal_connect_object (sl_ledger_get_organizations (ledger), "items-changed",
                           G_CALLBACK (fill_parents), self, G_CONNECT_SWAPPED);

  sl_organization_dialog_edit (self, NULL);
  update_next_step (self);
  name_changed_cb (self);
  sl_ui_fit_tooltips (GTK_WIDGET (self));
  /* No wider than its window: it opened 515 px wide over a 360 px one. */
  sl_ui_fit_dialog (GTK_WINDOW (self), parent);

  return GTK_WIDGET (self);
}
