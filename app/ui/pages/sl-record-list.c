/* sl-record-list.c — one titled list of records on a page, with its Add button
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The pages of the topic pool, talks, branch reports and study notes each
 * show a few dozen records a year: a boxed list filled again on every
 * change reads best, as on the research page. This is that list with its
 * heading, Add button and a line saying when there is nothing yet.
 */

#define G_LOG_DOMAIN "sl-record-list"

#include "config.h"

#include <glib/gi18n.h>

#include "sl-record-list.h"

struct _SlRecordList
{
  AdwBin               parent_instance;

  AdwPreferencesGroup *group;
  GtkListBox          *list;
  guint                n_rows;
};

G_DEFINE_FINAL_TYPE (SlRecordList, sl_record_list, ADW_TYPE_BIN)

void
sl_record_list_set_description (SlRecordList *self,
                                const char   *description)
{
  g_return_if_fail (SL_IS_RECORD_LIST (self));
  adw_preferences_group_set_description (self->group, description);
}

void
sl_record_list_clear (SlRecordList *self)
{
  GtkWidget *row;

  g_return_if_fail (SL_IS_RECORD_LIST (self));

  /* gtk_list_box_remove_all() is GTK 4.12; the placeholder is no child. */
  while ((row = GTK_WIDGET (gtk_list_box_get_row_at_index (self->list, 0))) != NULL)
    gtk_list_box_remove (self->list, row);
  self->n_rows = 0;
}

void
sl_record_list_append (SlRecordList *self,
                       GtkWidget    *row)
{
  g_return_if_fail (SL_IS_RECORD_LIST (self));

  gtk_list_box_append (self->list, row);
  self->n_rows++;
}

guint
sl_record_list_get_n_rows (SlRecordList *self)
{
  g_return_val_if_fail (SL_IS_RECORD_LIST (self), 0);
  return self->n_rows;
}

GtkWidget *
sl_record_list_get_row (SlRecordList *self,
                        guint         index)
{
  g_return_val_if_fail (SL_IS_RECORD_LIST (self), NULL);
  return GTK_WIDGET (gtk_list_box_get_row_at_index (self->list, index));
}

GtkWidget *
sl_record_list_row_button (const char *icon_name,
                           const char *tooltip,
                           const char *action,
                           const char *target)
{
  GtkWidget *button = gtk_button_new_from_icon_name (icon_name);

  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (button, "flat");
  gtk_widget_set_tooltip_text (button, tooltip);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, tooltip, -1);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), action);
  gtk_actionable_set_action_target (GTK_ACTIONABLE (button), "s", target);
  return button;
}

GtkWidget *
sl_record_list_scroller (GtkWidget **box)
{
  GtkWidget *scrolled = gtk_scrolled_window_new ();
  GtkWidget *clamp = adw_clamp_new ();

  *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 24);
  gtk_widget_set_margin_top (*box, 24);
  gtk_widget_set_margin_bottom (*box, 24);
  gtk_widget_set_margin_start (*box, 12);
  gtk_widget_set_margin_end (*box, 12);

  adw_clamp_set_maximum_size (ADW_CLAMP (clamp), 900);
  adw_clamp_set_child (ADW_CLAMP (clamp), *box);
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scrolled), GTK_POLICY_NEVER,
                                  GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), clamp);
  gtk_widget_set_vexpand (scrolled, TRUE);
  return scrolled;
}

static void
sl_record_list_dispose (GObject *object)
{
  adw_bin_set_child (ADW_BIN (object), NULL);
  G_OBJECT_CLASS (sl_record_list_parent_class)->dispose (object);
}

static void
sl_record_list_class_init (SlRecordListClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = sl_record_list_dispose;
}

static void
sl_record_list_init (SlRecordList *self)
{
  self->group = ADW_PREFERENCES_GROUP (adw_preferences_group_new ());
  self->list = GTK_LIST_BOX (gtk_list_box_new ());
  gtk_list_box_set_selection_mode (self->list, GTK_SELECTION_NONE);
  gtk_widget_add_css_class (GTK_WIDGET (self->list), "boxed-list");
  adw_preferences_group_add (self->group, GTK_WIDGET (self->list));
  adw_bin_set_child (ADW_BIN (self), GTK_WIDGET (self->group));
}

GtkWidget *
sl_record_list_new (const char *title,
                    const char *add_label,
                    const char *add_action,
                    const char *placeholder)
{
  SlRecordList *self = g_object_new (SL_TYPE_RECORD_LIST, NULL);
  GtkWidget *button = gtk_button_new ();
  GtkWidget *content = adw_button_content_new ();
  GtkWidget *empty = gtk_label_new (placeholder);

  adw_preferences_group_set_title (self->group, title);

  adw_button_content_set_icon_name (ADW_BUTTON_CONTENT (content), "list-add-symbolic");
  adw_button_content_set_label (ADW_BUTTON_CONTENT (content), add_label);
  adw_button_content_set_use_underline (ADW_BUTTON_CONTENT (content), TRUE);
  gtk_button_set_child (GTK_BUTTON (button), content);
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (button, "flat");
  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), add_action);
  adw_preferences_group_set_header_suffix (self->group, button);

  gtk_label_set_wrap (GTK_LABEL (empty), TRUE);
  gtk_widget_set_margin_top (empty, 18);
  gtk_widget_set_margin_bottom (empty, 18);
  gtk_widget_set_margin_start (empty, 12);
  gtk_widget_set_margin_end (empty, 12);
  gtk_widget_add_css_class (empty, "dim-label");
  gtk_list_box_set_placeholder (self->list, empty);

  return GTK_WIDGET (self);
}
