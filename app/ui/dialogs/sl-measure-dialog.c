/* sl-measure-dialog.c — close a follow-up measure: when, and what was done
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * “逐项完成销号”: a measure is closed with the day it was done and a note of
 * how (落实情况), which the measures ledger prints. The dialog only asks;
 * the measures page writes the answer through the measure's meeting.
 */

#define G_LOG_DOMAIN "sl-measure-dialog"

#include "config.h"

#include <glib/gi18n.h>

#include "sl-measure.h"
#include "sl-measure-entry.h"
#include "sl-measure-dialog.h"
#include "sl-util.h"

struct _SlMeasureDialog
{
  AdwMessageDialog  parent_instance;

  /* template widgets */
  AdwEntryRow      *date_row;
  AdwEntryRow      *progress_row;

  /* owned references */
  SlMeasureEntry   *entry;
};

G_DEFINE_FINAL_TYPE (SlMeasureDialog, sl_measure_dialog, ADW_TYPE_MESSAGE_DIALOG)

static void
date_changed_cb (SlMeasureDialog *self)
{
  g_autofree char *date = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->date_row))));
  gboolean valid = sl_date_is_valid (date);

  if (valid)
    gtk_widget_remove_css_class (GTK_WIDGET (self->date_row), "error");
  else
    gtk_widget_add_css_class (GTK_WIDGET (self->date_row), "error");

  adw_message_dialog_set_response_enabled (ADW_MESSAGE_DIALOG (self), "done", valid);
}

/* Return in either field confirms, as 标记完成 (Alt+M) does: a tester's
 * Return in the date did nothing (AdwEntryRow's activates-default does
 * not reach an AdwMessageDialog's default response in libadwaita 1.2).
 * As the button does: the response, then the dialog goes; not while the
 * date is invalid and the button off. */
static void
entry_activated_cb (SlMeasureDialog *self,
                    AdwEntryRow     *row)
{
  if (!adw_message_dialog_get_response_enabled (ADW_MESSAGE_DIALOG (self), "done"))
    return;
  g_object_ref (self);
  adw_message_dialog_response (ADW_MESSAGE_DIALOG (self), "done");
  gtk_window_destroy (GTK_WINDOW (self));
  g_object_unref (self);
}

static void
sl_measure_dialog_dispose (GObject *object)
{
  SlMeasureDialog *self = SL_MEASURE_DIALOG (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), SL_TYPE_MEASURE_DIALOG);
  g_clear_object (&self->entry);

  G_OBJECT_CLASS (sl_measure_dialog_parent_class)->dispose (object);
}

static void
sl_measure_dialog_class_init (SlMeasureDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = sl_measure_dialog_dispose;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/studyledger/StudyLedger/sl-measure-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, SlMeasureDialog, date_row);
  gtk_widget_class_bind_template_child (widget_class, SlMeasureDialog, progress_row);
  gtk_widget_class_bind_template_callback (widget_class, date_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, entry_activated_cb);
}

static void
sl_measure_dialog_init (SlMeasureDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

GtkWidget *
sl_measure_dialog_new (GtkWindow      *parent,
                       SlMeasureEntry *entry)
{
  SlMeasureDialog *self;
  SlMeasure *measure;
  g_autofree char *today = sl_today ();

  g_return_val_if_fail (SL_IS_MEASURE_ENTRY (entry), NULL);

  measure = sl_measure_entry_get_measure (entry);
  self = g_object_new (SL_TYPE_MEASURE_DIALOG,
                       "transient-for", parent,
                       "body", sl_measure_get_text (measure) ? sl_measure_get_text (measure) : "",
                       NULL);
  self->entry = g_object_ref (entry);

  gtk_editable_set_text (GTK_EDITABLE (self->date_row), today);
  gtk_editable_set_text (GTK_EDITABLE (self->progress_row),
                         sl_measure_get_progress (measure) ? sl_measure_get_progress (measure) : "");
  date_changed_cb (self);

  return GTK_WIDGET (self);
}

SlMeasureEntry *
sl_measure_dialog_get_entry (SlMeasureDialog *self)
{
  g_return_val_if_fail (SL_IS_MEASURE_DIALOG (self), NULL);
  return self->entry;
}

char *
sl_measure_dialog_get_done_on (SlMeasureDialog *self)
{
  g_return_val_if_fail (SL_IS_MEASURE_DIALOG (self), NULL);
  return g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->date_row))));
}

char *
sl_measure_dialog_get_progress (SlMeasureDialog *self)
{
  g_return_val_if_fail (SL_IS_MEASURE_DIALOG (self), NULL);
  return g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->progress_row))));
}
