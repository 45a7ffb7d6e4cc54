/* sl-lock-year-dialog.c — 锁定年度…: asks which organization's year to lock
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Locking a year (sl_evidence_lock_year()) makes every meeting, the plan
 * and the research topics of that year read-only for an organization and
 * those below it, until it is unlocked with a reason. The dialog names
 * what it does and picks the top-level organization first, as the
 * command line's lock-year does. Who locks is asked, under the
 * organization, as 定稿 asks who finalises: filled in with the name
 * remembered for finalising (setting finalize_by), else the account's,
 * and recorded with the lock.
 *
 * It offers only the organizations whose year is still open: one locked
 * already, by itself or from above, cannot be locked again to any effect
 * (and the core refuses its own lock twice). When none is left, the
 * overview disables 锁定年度… and says why.
 */

#define G_LOG_DOMAIN "sl-lock-year-dialog"

#include "config.h"

#include <glib/gi18n.h>

#include "sl-combo-row-keys.h"
#include "sl-database.h"
#include "sl-evidence.h"
#include "sl-ledger.h"
#include "sl-lock-year-dialog.h"
#include "sl-organization.h"
#include "sl-record.h"

typedef void (*DoneFunc) (GtkWidget *widget);

static void
on_response (AdwMessageDialog *dialog,
             const char       *response,
             gpointer          data)
{
  SlLedger *ledger = g_object_get_data (G_OBJECT (dialog), "sl-ledger");
  GPtrArray *ids = g_object_get_data (G_OBJECT (dialog), "sl-ids");
  GtkWidget *drop = g_object_get_data (G_OBJECT (dialog), "sl-drop");
  GtkWidget *entry = g_object_get_data (G_OBJECT (dialog), "sl-entry");
  g_autofree char *by = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (entry))));
  GtkWidget *widget = g_object_get_data (G_OBJECT (dialog), "sl-widget");
  DoneFunc done = g_object_get_data (G_OBJECT (dialog), "sl-done");
  int year = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (dialog), "sl-year"));
  guint selected = gtk_drop_down_get_selected (GTK_DROP_DOWN (drop));
  g_autoptr(GError) error = NULL;

  if (!g_str_equal (response, "lock") || selected >= ids->len || *by == '\0')
    return;

  if (!sl_evidence_lock_year (ledger, g_ptr_array_index (ids, selected), year, by, &error))
    {
      GtkRoot *root = widget ? gtk_widget_get_root (widget) : NULL;
      GtkWidget *message = adw_message_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                                   _("The Year Was Not Locked"), error->message);

      adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (message), "close", _("_Close"));
      gtk_window_present (GTK_WINDOW (message));
      return;
    }
  if (done != NULL && widget != NULL)
    done (widget);
}

GPtrArray *
sl_lock_year_dialog_lockable (SlLedger *ledger,
                              int       year)
{
  GListModel *organizations;
  GPtrArray *lockable = g_ptr_array_new_with_free_func (g_object_unref);

  g_return_val_if_fail (SL_IS_LEDGER (ledger), lockable);

  organizations = sl_ledger_get_organizations (ledger);
  for (guint i = 0; i < g_list_model_get_n_items (organizations); i++)
    {
      g_autoptr(SlOrganization) organization = g_list_model_get_item (organizations, i);
      g_autoptr(GError) error = NULL;

      /* Another failure (the file) is not a lock: the dialog offers the
       * organization, and locking it says what is wrong. */
      if (sl_evidence_check_year_open (ledger, sl_record_get_id (SL_RECORD (organization)), year, &error) ||
          !g_error_matches (error, SL_EVIDENCE_ERROR, SL_EVIDENCE_ERROR_LOCKED))
        g_ptr_array_add (lockable, g_steal_pointer (&organization));
    }
  return lockable;
}

/* 锁定 only with a name to record. */
static void
on_by_changed (GtkEditable *entry,
               GtkWidget   *dialog)
{
  g_autofree char *by = g_strstrip (g_strdup (gtk_editable_get_text (entry)));
  GPtrArray *ids = g_object_get_data (G_OBJECT (dialog), "sl-ids");

  adw_message_dialog_set_response_enabled (ADW_MESSAGE_DIALOG (dialog), "lock",
                                           ids->len > 0 && *by != '\0');
}

GtkWidget *
sl_lock_year_dialog_new (GtkWidget  *widget,
                         SlLedger   *ledger,
                         int         year,
                         GCallback   done)
{
  g_autoptr(GPtrArray) organizations = sl_lock_year_dialog_lockable (ledger, year);
  GtkStringList *names = gtk_string_list_new (NULL);
  GPtrArray *ids = g_ptr_array_new_with_free_func (g_free);
  GtkRoot *root = gtk_widget_get_root (widget);
  g_autofree char *heading = g_strdup_printf (_("Lock the Year %d?"), year);
  GtkWidget *dialog;
  GtkWidget *drop;
  GtkWidget *box;
  GtkWidget *label;
  GtkWidget *entry;
  guint top = G_MAXUINT;

  for (guint i = 0; i < organizations->len; i++)
    {
      SlOrganization *organization = g_ptr_array_index (organizations, i);

      gtk_string_list_append (names, sl_organization_get_name (organization));
      g_ptr_array_add (ids, g_strdup (sl_record_get_id (SL_RECORD (organization))));
      if (top == G_MAXUINT && sl_organization_get_parent (organization) == NULL)
        top = i;
    }

  dialog = adw_message_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL, heading,
                                   _("Every meeting, the plan and the research topics of the year become "
                                     "read-only for this organization and those below it; only the "
                                     "progress of measures can still be updated. Unlocking needs a "
                                     "reason, which is recorded."));
  drop = gtk_drop_down_new (G_LIST_MODEL (names), NULL);
  gtk_accessible_update_property (GTK_ACCESSIBLE (drop), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Organization"), -1);
  sl_drop_down_keys_install (GTK_DROP_DOWN (drop));
  if (top == G_MAXUINT && ids->len > 0)
    top = 0;   /* the top one is locked: the first still open */
  if (top != G_MAXUINT)
    gtk_drop_down_set_selected (GTK_DROP_DOWN (drop), top);
  entry = gtk_entry_new ();
  label = gtk_label_new (_("Locked by"));
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_widget_add_css_class (label, "heading");
  gtk_widget_set_margin_top (label, 6);
  gtk_label_set_mnemonic_widget (GTK_LABEL (label), entry);
  gtk_accessible_update_relation (GTK_ACCESSIBLE (entry), GTK_ACCESSIBLE_RELATION_LABELLED_BY, label, NULL, -1);
  gtk_editable_set_text (GTK_EDITABLE (entry), sl_evidence_default_by (ledger));
  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  gtk_box_append (GTK_BOX (box), drop);
  gtk_box_append (GTK_BOX (box), label);
  gtk_box_append (GTK_BOX (box), entry);
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), box);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog), "cancel", _("_Cancel"),
                                    "lock", _("_Lock"), NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "lock", ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_response_enabled (ADW_MESSAGE_DIALOG (dialog), "lock", ids->len > 0);
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  gtk_window_set_modal (GTK_WINDOW (dialog), TRUE);
  gtk_widget_set_name (dialog, "sl-lock-year-dialog");

  g_object_set_data_full (G_OBJECT (dialog), "sl-ledger", g_object_ref (ledger), g_object_unref);
  g_object_set_data_full (G_OBJECT (dialog), "sl-ids", ids, (GDestroyNotify) g_ptr_array_unref);
  g_object_set_data (G_OBJECT (dialog), "sl-drop", drop);
  g_object_set_data (G_OBJECT (dialog), "sl-entry", entry);
  g_signal_connect_object (entry, "changed", G_CALLBACK (on_by_changed), dialog, 0);
  on_by_changed (GTK_EDITABLE (entry), dialog);
  g_object_set_data (G_OBJECT (dialog), "sl-year", GINT_TO_POINTER (year));
  g_object_set_data (G_OBJECT (dialog), "sl-done", done);
  g_object_set_data_full (G_OBJECT (dialog), "sl-widget", g_object_ref (widget), g_object_unref);
  g_signal_connect (dialog, "response", G_CALLBACK (on_response), NULL);
  return dialog;
}
