/* sl-meeting-row.c — what every row of the meeting editor's lists has
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The rows for studies, speeches, measures and guests are of different
 * widget classes (expander rows and plain list rows) but share how they
 * talk to the editor: a Remove button in their template and Ctrl+Enter to
 * add the next one. Each row class installs that here, in its class_init.
 */

#define G_LOG_DOMAIN "sl-meeting-row"

#include "config.h"

#include "sl-meeting-row.h"

static void
on_remove_clicked (GtkWidget *row)
{
  g_signal_emit_by_name (row, "remove");
}

/**
 * sl_meeting_row_class_init:
 * @resource: the row's template, which calls on_remove_clicked
 *
 * Installs the row's signals, its Ctrl+Enter binding and its template;
 * the class binds its template children after it.
 */
void
sl_meeting_row_class_init (GtkWidgetClass *widget_class,
                           const char     *resource)
{
  GType type = G_TYPE_FROM_CLASS (widget_class);

  /* "remove": the user asked to remove the row's record from the meeting. */
  g_signal_new ("remove", type, G_SIGNAL_RUN_LAST,
                0, NULL, NULL, NULL, G_TYPE_NONE, 0);
  /* "add-next": Ctrl+Enter, the user wants another record after this one. */
  g_signal_new ("add-next", type, G_SIGNAL_RUN_LAST | G_SIGNAL_ACTION,
                0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  gtk_widget_class_add_binding_signal (widget_class, GDK_KEY_Return, GDK_CONTROL_MASK, "add-next", NULL);
  gtk_widget_class_add_binding_signal (widget_class, GDK_KEY_KP_Enter, GDK_CONTROL_MASK, "add-next", NULL);

  gtk_widget_class_set_template_from_resource (widget_class, resource);
  gtk_widget_class_bind_template_callback (widget_class, on_remove_clicked);
}

/* Emits "add-next": Enter in a row's last field. */
void
sl_meeting_row_add_next (GtkWidget *row)
{
  g_signal_emit_by_name (row, "add-next");
}
