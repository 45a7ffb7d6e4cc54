/* sl-record-dialog.c — a form for one flat record: text, dates and choices
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The topic pool, talks, branch reports and study notes are flat records
 * of a handful of fields each. One dialog serves them all: the page adds
 * the fields its record has, and on "save" reads them back by key and
 * stores the record itself (the dialog never writes to the ledger). A
 * date is typed as anywhere else in the program (sl_date_parse(): "3.5",
 * "2025年3月5日"...); one that is no real day, or an empty required field,
 * marks its row and keeps Save off, so nothing half-typed is stored.
 */

#define G_LOG_DOMAIN "sl-record-dialog"

#include "config.h"

#include <glib/gi18n.h>

#include "sl-date.h"
#include "sl-record-dialog.h"

typedef enum { FIELD_TEXT, FIELD_DATE, FIELD_CHOICE } FieldKind;

typedef struct
{
  FieldKind  kind;
  GtkWidget *row;
  gboolean   required;
  int        year;
} Field;

struct _SlRecordDialog
{
  AdwMessageDialog  parent_instance;

  GtkListBox       *list;
  GHashTable       *fields;   /* key → Field */
};

G_DEFINE_FINAL_TYPE (SlRecordDialog, sl_record_dialog, ADW_TYPE_MESSAGE_DIALOG)

static char *
row_text (GtkWidget *row)
{
  char *text = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (row))));

  if (*text == '\0')
    g_clear_pointer (&text, g_free);
  return text;
}

/* Whether @field holds what it may; marks its row when not. */
static gboolean
field_valid (Field *field)
{
  g_autofree char *text = NULL;
  gboolean valid = TRUE;

  if (field->kind == FIELD_CHOICE)
    return TRUE;

  text = row_text (field->row);
  if (text == NULL)
    valid = !field->required;
  else if (field->kind == FIELD_DATE)
    {
      g_autofree char *date = sl_date_parse (text, field->year, 0);

      valid = date != NULL;
    }

  /* An empty required field is not an error until typed into. */
  if (valid || text == NULL)
    gtk_widget_remove_css_class (field->row, "error");
  else
    gtk_widget_add_css_class (field->row, "error");
  return valid;
}

gboolean
sl_record_dialog_can_save (SlRecordDialog *self)
{
  GHashTableIter iter;
  Field *field;
  gboolean valid = TRUE;

  g_return_val_if_fail (SL_IS_RECORD_DIALOG (self), FALSE);

  g_hash_table_iter_init (&iter, self->fields);
  while (g_hash_table_iter_next (&iter, NULL, (gpointer *) &field))
    valid &= field_valid (field);
  return valid;
}

static void
changed_cb (SlRecordDialog *self)
{
  adw_message_dialog_set_response_enabled (ADW_MESSAGE_DIALOG (self), "save",
                                           sl_record_dialog_can_save (self));
}

static Field *
add_field (SlRecordDialog *self,
           const char     *key,
           FieldKind       kind,
           GtkWidget      *row)
{
  Field *field = g_new0 (Field, 1);

  field->kind = kind;
  field->row = row;
  gtk_widget_set_name (row, key);
  gtk_list_box_append (self->list, row);
  g_hash_table_replace (self->fields, g_strdup (key), field);
  return field;
}

void
sl_record_dialog_add_text (SlRecordDialog *self,
                           const char     *key,
                           const char     *title,
                           const char     *value,
                           gboolean        required)
{
  GtkWidget *row = adw_entry_row_new ();
  Field *field;

  g_return_if_fail (SL_IS_RECORD_DIALOG (self));

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  gtk_editable_set_text (GTK_EDITABLE (row), value ? value : "");
  adw_entry_row_set_activates_default (ADW_ENTRY_ROW (row), TRUE);
  field = add_field (self, key, FIELD_TEXT, row);
  field->required = required;
  g_signal_connect_object (row, "changed", G_CALLBACK (changed_cb), self, G_CONNECT_SWAPPED);
  changed_cb (self);
}

void
sl_record_dialog_add_date (SlRecordDialog *self,
                           const char     *key,
                           const char     *title,
                           const char     *value,
                           int             year,
                           gboolean        required)
{
  GtkWidget *row = adw_entry_row_new ();
  g_autofree char *hint = g_strdup_printf ("%s (%s)", title, _("YYYY-MM-DD"));
  Field *field;

  g_return_if_fail (SL_IS_RECORD_DIALOG (self));

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), hint);
  gtk_editable_set_text (GTK_EDITABLE (row), value ? value : "");
  adw_entry_row_set_activates_default (ADW_ENTRY_ROW (row), TRUE);
  field = add_field (self, key, FIELD_DATE, row);
  field->required = required;
  field->year = year;
  g_signal_connect_object (row, "changed", G_CALLBACK (changed_cb), self, G_CONNECT_SWAPPED);
  changed_cb (self);
}

void
sl_record_dialog_add_choice (SlRecordDialog     *self,
                             const char         *key,
                             const char         *title,
                             const char * const *labels,
                             guint               selected)
{
  GtkWidget *row = adw_combo_row_new ();
  g_autoptr(GtkStringList) model = gtk_string_list_new (labels);

  g_return_if_fail (SL_IS_RECORD_DIALOG (self));

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_combo_row_set_model (ADW_COMBO_ROW (row), G_LIST_MODEL (model));
  if (selected < g_list_model_get_n_items (G_LIST_MODEL (model)))
    adw_combo_row_set_selected (ADW_COMBO_ROW (row), selected);
  add_field (self, key, FIELD_CHOICE, row);
}

static Field *
lookup (SlRecordDialog *self,
        const char     *key,
        FieldKind       kind)
{
  Field *field = g_hash_table_lookup (self->fields, key);

  g_return_val_if_fail (field != NULL, NULL);
  g_return_val_if_fail ((field->kind == FIELD_CHOICE) == (kind == FIELD_CHOICE), NULL);
  return field;
}

char *
sl_record_dialog_get_text (SlRecordDialog *self,
                           const char     *key)
{
  Field *field;
  char *text;

  g_return_val_if_fail (SL_IS_RECORD_DIALOG (self), NULL);

  if ((field = lookup (self, key, FIELD_TEXT)) == NULL)
    return NULL;

  text = row_text (field->row);
  if (text != NULL && field->kind == FIELD_DATE)
    {
      char *date = sl_date_parse (text, field->year, 0);

      g_free (text);
      text = date;
    }
  return text;
}

guint
sl_record_dialog_get_choice (SlRecordDialog *self,
                             const char     *key)
{
  Field *field;

  g_return_val_if_fail (SL_IS_RECORD_DIALOG (self), 0);

  if ((field = lookup (self, key, FIELD_CHOICE)) == NULL)
    return 0;
  return adw_combo_row_get_selected (ADW_COMBO_ROW (field->row));
}

void
sl_record_dialog_set_text (SlRecordDialog *self,
                           const char     *key,
                           const char     *text)
{
  Field *field;

  g_return_if_fail (SL_IS_RECORD_DIALOG (self));

  if ((field = lookup (self, key, FIELD_TEXT)) != NULL)
    gtk_editable_set_text (GTK_EDITABLE (field->row), text ? text : "");
}

void
sl_record_dialog_set_choice (SlRecordDialog *self,
                             const char     *key,
                             guint           selected)
{
  Field *field;

  g_return_if_fail (SL_IS_RECORD_DIALOG (self));

  if ((field = lookup (self, key, FIELD_CHOICE)) != NULL)
    adw_combo_row_set_selected (ADW_COMBO_ROW (field->row), selected);
}

GtkWidget *
sl_record_dialog_get_field (SlRecordDialog *self,
                            const char     *key)
{
  Field *field;

  g_return_val_if_fail (SL_IS_RECORD_DIALOG (self), NULL);

  field = g_hash_table_lookup (self->fields, key);
  return field ? field->row : NULL;
}

static void
sl_record_dialog_finalize (GObject *object)
{
  SlRecordDialog *self = SL_RECORD_DIALOG (object);

  g_clear_pointer (&self->fields, g_hash_table_unref);

  G_OBJECT_CLASS (sl_record_dialog_parent_class)->finalize (object);
}

static void
sl_record_dialog_class_init (SlRecordDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = sl_record_dialog_finalize;
}

static void
sl_record_dialog_init (SlRecordDialog *self)
{
  GtkWidget *scrolled = gtk_scrolled_window_new ();

  self->fields = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);

  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (self),
                                    "cancel", _("_Cancel"),
                                    "save", _("_Save"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (self), "save",
                                              ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (self), "save");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (self), "cancel");

  self->list = GTK_LIST_BOX (gtk_list_box_new ());
  gtk_list_box_set_selection_mode (self->list, GTK_SELECTION_NONE);
  gtk_widget_add_css_class (GTK_WIDGET (self->list), "boxed-list");

  /* Talks have many fields: the form scrolls rather than outgrow a
   * small screen. */
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scrolled), GTK_POLICY_NEVER,
                                  GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_propagate_natural_height (GTK_SCROLLED_WINDOW (scrolled), TRUE);
  gtk_scrolled_window_set_max_content_height (GTK_SCROLLED_WINDOW (scrolled), 480);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), GTK_WIDGET (self->list));
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (self), scrolled);
}

GtkWidget *
sl_record_dialog_new (GtkWindow  *parent,
                      const char *heading)
{
  return g_object_new (SL_TYPE_RECORD_DIALOG,
                       "transient-for", parent,
                       "modal", TRUE,
                       "heading", heading,
                       NULL);
}
