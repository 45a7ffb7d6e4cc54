/* sl-meeting-extra-rows.c — a session's 意识形态专题 flag, a training's 学时 and 期
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Archive version 2 gives a meeting three more fields: on_ideology (a
 * central-group session on ideology, which the rule
 * central_group_ideology_per_year counts), and for a training its hours
 * (学时, what a member who attended earns) and batch. Each row
 * shows only for the kind it belongs to. The rows sit in the editor's
 * list of meeting fields; bound both ways to the meeting, so the editor's
 * monitor sees a change and saves it like any other.
 */

#define G_LOG_DOMAIN "sl-meeting-extra-rows"

#include "config.h"

#include <glib/gi18n.h>

#include "sl-meeting.h"
#include "sl-meeting-extra-rows.h"

struct _SlMeetingExtraRows
{
  GObject     parent_instance;

  GtkWidget  *ideology_row;
  GtkWidget  *ideology_switch;
  GtkWidget  *hours_row;
  GtkWidget  *hours_spin;
  GtkWidget  *batch_row;
  GtkWidget  *batch_spin;

  SlMeeting  *meeting;
  GPtrArray  *bindings;
  gulong      kind_id;
};

G_DEFINE_FINAL_TYPE (SlMeetingExtraRows, sl_meeting_extra_rows, G_TYPE_OBJECT)

static void
kind_changed_cb (SlMeetingExtraRows *self)
{
  SlMeetingKind kind = self->meeting ? sl_meeting_get_kind (self->meeting) : SL_MEETING_KIND_NONE;

  gtk_widget_set_visible (self->ideology_row, kind == SL_MEETING_KIND_CENTRAL_GROUP);
  gtk_widget_set_visible (self->hours_row, kind == SL_MEETING_KIND_TRAINING);
  gtk_widget_set_visible (self->batch_row, kind == SL_MEETING_KIND_TRAINING);
}

static void
unbind (SlMeetingExtraRows *self)
{
  for (guint i = 0; i < self->bindings->len; i++)
    g_binding_unbind (g_ptr_array_index (self->bindings, i));
  g_ptr_array_set_size (self->bindings, 0);
  if (self->meeting != NULL)
    g_clear_signal_handler (&self->kind_id, self->meeting);
  g_clear_object (&self->meeting);
}

static GtkWidget *
spin_row (const char  *title,
          const char  *subtitle,
          GtkWidget  **spin,
          double       max,
          double       step,
          guint        digits)
{
  GtkWidget *row = adw_action_row_new ();

  *spin = gtk_spin_button_new_with_range (0, max, step);
  gtk_spin_button_set_digits (GTK_SPIN_BUTTON (*spin), digits);
  gtk_widget_set_valign (*spin, GTK_ALIGN_CENTER);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), *spin);
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), *spin);
  gtk_accessible_update_property (GTK_ACCESSIBLE (*spin), GTK_ACCESSIBLE_PROPERTY_LABEL, title, -1);
  return row;
}

static void
sl_meeting_extra_rows_dispose (GObject *object)
{
  SlMeetingExtraRows *self = SL_MEETING_EXTRA_ROWS (object);

  unbind (self);
  g_clear_pointer (&self->bindings, g_ptr_array_unref);

  G_OBJECT_CLASS (sl_meeting_extra_rows_parent_class)->dispose (object);
}

static void
sl_meeting_extra_rows_class_init (SlMeetingExtraRowsClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = sl_meeting_extra_rows_dispose;
}

static void
sl_meeting_extra_rows_init (SlMeetingExtraRows *self)
{
  /* Refs: a binding dies with its widget, which the list may drop first. */
  self->bindings = g_ptr_array_new_with_free_func (g_object_unref);

  self->ideology_row = adw_action_row_new ();
  self->ideology_switch = gtk_switch_new ();
  gtk_widget_set_valign (self->ideology_switch, GTK_ALIGN_CENTER);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->ideology_row), _("On Ideology"));
  adw_action_row_set_subtitle (ADW_ACTION_ROW (self->ideology_row),
                               _("A central-group session on ideology"));
  adw_action_row_add_suffix (ADW_ACTION_ROW (self->ideology_row), self->ideology_switch);
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (self->ideology_row), self->ideology_switch);

  self->hours_row = spin_row (_("Training Hours"), _("Hours each member present earns"),
                              &self->hours_spin, 1000, 0.5, 1);
  self->batch_row = spin_row (_("Batch"), _("Which batch of the training this is"),
                              &self->batch_spin, 999, 1, 0);
}

SlMeetingExtraRows *
sl_meeting_extra_rows_bind (GtkListBox *list,
                            SlMeeting  *meeting)
{
  SlMeetingExtraRows *self;

  g_return_val_if_fail (GTK_IS_LIST_BOX (list), NULL);
  g_return_val_if_fail (SL_IS_MEETING (meeting), NULL);

  self = g_object_get_data (G_OBJECT (list), "sl-meeting-extra-rows");
  if (self == NULL)
    {
      self = g_object_new (SL_TYPE_MEETING_EXTRA_ROWS, NULL);
      gtk_list_box_append (list, self->ideology_row);
      gtk_list_box_append (list, self->hours_row);
      gtk_list_box_append (list, self->batch_row);
      g_object_set_data_full (G_OBJECT (list), "sl-meeting-extra-rows", self, g_object_unref);
    }

  unbind (self);
  self->meeting = g_object_ref (meeting);
  g_ptr_array_add (self->bindings,
                   g_object_ref (g_object_bind_property (meeting, "on-ideology", self->ideology_switch, "active",
                                                         G_BINDING_BIDIRECTIONAL | G_BINDING_SYNC_CREATE)));
  g_ptr_array_add (self->bindings,
                   g_object_ref (g_object_bind_property (meeting, "hours", self->hours_spin, "value",
                                                         G_BINDING_BIDIRECTIONAL | G_BINDING_SYNC_CREATE)));
  g_ptr_array_add (self->bindings,
                   g_object_ref (g_object_bind_property (meeting, "batch", self->batch_spin, "value",
                                                         G_BINDING_BIDIRECTIONAL | G_BINDING_SYNC_CREATE)));
  self->kind_id = g_signal_connect_swapped (meeting, "notify::kind", G_CALLBACK (kind_changed_cb), self);
  kind_changed_cb (self);
  return self;
}

GtkWidget *
sl_meeting_extra_rows_get_row (SlMeetingExtraRows *self,
                               const char         *name)
{
  g_return_val_if_fail (SL_IS_MEETING_EXTRA_ROWS (self), NULL);

  if (g_strcmp0 (name, "ideology") == 0) return self->ideology_switch;
  if (g_strcmp0 (name, "hours") == 0)    return self->hours_spin;
  if (g_strcmp0 (name, "batch") == 0)    return self->batch_spin;
  return NULL;
}
