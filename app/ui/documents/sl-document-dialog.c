/* sl-document-dialog.c — exporting and printing the ledger's documents
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The dialog (win.export-document) chooses one of a year's documents and
 * a format, then hands them on and closes: exporting is SlExportJob's
 * (sl-export-job.c), printing SlPrintOperation's (sl-print-operation.c).
 * The meeting editor reaches the same two paths through the window's
 * win.print-document and win.save-document actions. Toasts and errors go
 * to the widget that opened the dialog.
 */

#define G_LOG_DOMAIN "sl-document-dialog"

#include "config.h"

#include <glib/gi18n.h>

#include "sl-combo-row-keys.h"
#include "sl-document-dialog.h"

/* The year's documents, in the order the dialog lists them. */
static const SlDocumentKind yearly_kinds[] = {
  SL_DOCUMENT_FIRST_TOPIC_LEDGER,
  SL_DOCUMENT_CENTRAL_GROUP_LEDGER,
  SL_DOCUMENT_MEETINGS_LEDGER,
  SL_DOCUMENT_PLAN,
  SL_DOCUMENT_PLAN_PROGRESS,
  SL_DOCUMENT_ATTENDANCE,
  SL_DOCUMENT_MEASURES,
  SL_DOCUMENT_ANNUAL_REPORT,
  SL_DOCUMENT_TOPICS,
  SL_DOCUMENT_TALKS,
};

/* The formats, in the order of the format row's model. */
static const SlDocumentFormat formats[] = {
  SL_DOCUMENT_FORMAT_XLSX,
  SL_DOCUMENT_FORMAT_PDF,
};

/* The dialog ------------------------------------------------------------ */

struct _SlDocumentDialog
{
  AdwWindow       parent_instance;

  /* template widgets */
  AdwWindowTitle *window_title;
  AdwComboRow    *kind_row;
  AdwComboRow    *format_row;


  /* owned references */
  GtkWidget      *owner;
  char           *database_path;
  int             year;
};

G_DEFINE_FINAL_TYPE (SlDocumentDialog, sl_document_dialog, ADW_TYPE_WINDOW)

static SlDocumentRequest
dialog_request (SlDocumentDialog *self)
{
  guint selected = adw_combo_row_get_selected (self->kind_row);

  return (SlDocumentRequest) {
    .kind = yearly_kinds[MIN (selected, G_N_ELEMENTS (yearly_kinds) - 1)],
    .year = self->year,
  };
}

static SlDocumentFormat
dialog_format (SlDocumentDialog *self)
{
  guint selected = adw_combo_row_get_selected (self->format_row);

  return formats[MIN (selected, G_N_ELEMENTS (formats) - 1)];
}

static void
sl_document_dialog_actions_update (SlDocumentDialog *self)
{
  SlDocumentRequest request = dialog_request (self);
  gboolean ready = self->owner != NULL && self->database_path != NULL;

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "document.export",
                                 ready && sl_document_kind_has_format (request.kind, dialog_format (self)));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "document.print",
                                 ready && sl_document_kind_has_format (request.kind, SL_DOCUMENT_FORMAT_PDF));
}

static void
selection_changed_cb (SlDocumentDialog *self)
{
  sl_document_dialog_actions_update (self);
}

static void
export_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  SlDocumentDialog *self = SL_DOCUMENT_DIALOG (widget);
  SlDocumentRequest request = dialog_request (self);

  sl_document_choose_and_export (self->owner, self->database_path, &request, dialog_format (self));
  gtk_window_close (GTK_WINDOW (self));
}

static void
print_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  SlDocumentDialog *self = SL_DOCUMENT_DIALOG (widget);
  SlDocumentRequest request = dialog_request (self);

  sl_document_print (self->owner, self->database_path, &request);
  gtk_window_close (GTK_WINDOW (self));
}

static void
sl_document_dialog_dispose (GObject *object)
{
  SlDocumentDialog *self = SL_DOCUMENT_DIALOG (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), SL_TYPE_DOCUMENT_DIALOG);
  g_clear_object (&self->owner);

  G_OBJECT_CLASS (sl_document_dialog_parent_class)->dispose (object);
}

static void
sl_document_dialog_finalize (GObject *object)
{
  SlDocumentDialog *self = SL_DOCUMENT_DIALOG (object);

  g_free (self->database_path);

  G_OBJECT_CLASS (sl_document_dialog_parent_class)->finalize (object);
}

static void
sl_document_dialog_class_init (SlDocumentDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = sl_document_dialog_dispose;
  object_class->finalize = sl_document_dialog_finalize;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/studyledger/StudyLedger/sl-document-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, SlDocumentDialog, window_title);
  gtk_widget_class_bind_template_child (widget_class, SlDocumentDialog, kind_row);
  gtk_widget_class_bind_template_child (widget_class, SlDocumentDialog, format_row);
  gtk_widget_class_bind_template_callback (widget_class, selection_changed_cb);

  gtk_widget_class_install_action (widget_class, "document.export", NULL, export_action);
  gtk_widget_class_install_action (widget_class, "document.print", NULL, print_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
sl_document_dialog_init (SlDocumentDialog *self)
{
  g_autoptr(GtkStringList) kinds = gtk_string_list_new (NULL);

  gtk_widget_init_template (GTK_WIDGET (self));
  sl_combo_row_keys_install (self->kind_row);
  sl_combo_row_keys_install (self->format_row);

  for (guint i = 0; i < G_N_ELEMENTS (yearly_kinds); i++)
    gtk_string_list_append (kinds, sl_document_kind_get_label (yearly_kinds[i]));
  adw_combo_row_set_model (self->kind_row, G_LIST_MODEL (kinds));

  sl_document_dialog_actions_update (self);
}

SlDocumentDialog *
sl_document_dialog_new (GtkWidget  *owner,
                        const char *database_path,
                        int         year)
{
  SlDocumentDialog *self;
  GtkRoot *root;
  g_autofree char *subtitle = NULL;

  g_return_val_if_fail (GTK_IS_WIDGET (owner), NULL);
  g_return_val_if_fail (database_path != NULL, NULL);

  root = gtk_widget_get_root (owner);
  self = g_object_new (SL_TYPE_DOCUMENT_DIALOG,
                       "transient-for", GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                       NULL);
  self->owner = g_object_ref (owner);
  self->database_path = g_strdup (database_path);
  self->year = year;

  /* Translators: the year the dialog's documents cover; in Chinese "%d年". */
  subtitle = g_strdup_printf (C_("document year", "%d"), year);
  adw_window_title_set_subtitle (self->window_title, subtitle);

  sl_document_dialog_actions_update (self);
  return self;
}
