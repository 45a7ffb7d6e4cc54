/* sl-topic-dialog.c — a research topic: who leads it, what, how far
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The dialog edits a topic object and the research page saves it: a topic
 * is short enough that a Save button reads naturally, and a half-typed
 * title is never written.
 */

#define G_LOG_DOMAIN "sl-topic-dialog"

#include "config.h"

#include <glib/gi18n.h>

#include "sl-combo-row-keys.h"
#include "sl-enums.h"
#include "sl-member.h"
#include "sl-research-topic.h"
#include "sl-topic-dialog.h"

struct _SlTopicDialog
{
  AdwMessageDialog  parent_instance;

  /* template widgets */
  AdwEntryRow      *title_row;
  AdwComboRow      *lead_row;
  GtkStringList    *lead_names;
  AdwComboRow      *status_row;
  GtkStringList    *status_names;
  AdwEntryRow      *note_row;

  /* owned references */
  SlResearchTopic  *topic;
  GPtrArray        *lead_ids;     /* char *, parallel to lead_row */
  gboolean          adding;
};

G_DEFINE_FINAL_TYPE (SlTopicDialog, sl_topic_dialog, ADW_TYPE_MESSAGE_DIALOG)

static char *
entry_text (AdwEntryRow *row)
{
  char *text = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (row))));

  if (*text == '\0')
    g_clear_pointer (&text, g_free);
  return text;
}

static void
title_changed_cb (SlTopicDialog *self)
{
  g_autofree char *title = entry_text (self->title_row);

  adw_message_dialog_set_response_enabled (ADW_MESSAGE_DIALOG (self), "save", title != NULL);
}

void
sl_topic_dialog_apply (SlTopicDialog *self)
{
  g_autofree char *title = entry_text (self->title_row);
  g_autofree char *note = entry_text (self->note_row);
  guint lead = adw_combo_row_get_selected (self->lead_row);

  g_return_if_fail (SL_IS_TOPIC_DIALOG (self));

  sl_research_topic_set_title (self->topic, title);
  sl_research_topic_set_note (self->topic, note);
  sl_research_topic_set_status (self->topic,
                                adw_combo_row_get_selected (self->status_row) + SL_TOPIC_STATUS_PLANNED);
  sl_research_topic_set_lead (self->topic,
                              lead < self->lead_ids->len ? g_ptr_array_index (self->lead_ids, lead) : NULL);
}

static void
sl_topic_dialog_dispose (GObject *object)
{
  SlTopicDialog *self = SL_TOPIC_DIALOG (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), SL_TYPE_TOPIC_DIALOG);
  g_clear_object (&self->topic);
  g_clear_pointer (&self->lead_ids, g_ptr_array_unref);

  G_OBJECT_CLASS (sl_topic_dialog_parent_class)->dispose (object);
}

static void
sl_topic_dialog_class_init (SlTopicDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = sl_topic_dialog_dispose;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/studyledger/StudyLedger/sl-topic-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, SlTopicDialog, title_row);
  gtk_widget_class_bind_template_child (widget_class, SlTopicDialog, lead_row);
  gtk_widget_class_bind_template_child (widget_class, SlTopicDialog, lead_names);
  gtk_widget_class_bind_template_child (widget_class, SlTopicDialog, status_row);
  gtk_widget_class_bind_template_child (widget_class, SlTopicDialog, status_names);
  gtk_widget_class_bind_template_child (widget_class, SlTopicDialog, note_row);
  gtk_widget_class_bind_template_callback (widget_class, title_changed_cb);
}

static void
sl_topic_dialog_init (SlTopicDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  sl_combo_row_keys_install (self->lead_row);
  sl_combo_row_keys_install (self->status_row);

  for (int status = SL_TOPIC_STATUS_PLANNED; status <= SL_TOPIC_STATUS_DONE; status++)
    gtk_string_list_append (self->status_names, sl_topic_status_to_label (status));
}

GtkWidget *
sl_topic_dialog_new (GtkWindow       *parent,
                     GPtrArray       *leaders,
                     SlResearchTopic *topic,
                     gboolean         adding)
{
  SlTopicDialog *self;
  const char *lead;
  guint selected = 0;
  SlTopicStatus status;

  g_return_val_if_fail (leaders != NULL, NULL);
  g_return_val_if_fail (SL_IS_RESEARCH_TOPIC (topic), NULL);

  self = g_object_new (SL_TYPE_TOPIC_DIALOG,
                       "transient-for", parent,
                       "heading", adding ? _("New Research Topic") : _("Edit Research Topic"),
                       NULL);
  self->topic = g_object_ref (topic);
  self->adding = adding;
  self->lead_ids = g_ptr_array_new_with_free_func (g_free);

  lead = sl_research_topic_get_lead (topic);
  for (guint i = 0; i < leaders->len; i++)
    {
      SlMember *leader = g_ptr_array_index (leaders, i);
      const char *id = sl_record_get_id (SL_RECORD (leader));

      if (g_strcmp0 (id, lead) == 0)
        selected = self->lead_ids->len;
      g_ptr_array_add (self->lead_ids, g_strdup (id));
      gtk_string_list_append (self->lead_names, sl_member_get_name (leader));
    }
  adw_combo_row_set_selected (self->lead_row, selected);

  gtk_editable_set_text (GTK_EDITABLE (self->title_row),
                         sl_research_topic_get_title (topic) ? sl_research_topic_get_title (topic) : "");
  gtk_editable_set_text (GTK_EDITABLE (self->note_row),
                         sl_research_topic_get_note (topic) ? sl_research_topic_get_note (topic) : "");
  status = sl_research_topic_get_status (topic);
  adw_combo_row_set_selected (self->status_row,
                              status >= SL_TOPIC_STATUS_PLANNED ? status - SL_TOPIC_STATUS_PLANNED : 0);
  title_changed_cb (self);

  return GTK_WIDGET (self);
}

SlResearchTopic *
sl_topic_dialog_get_topic (SlTopicDialog *self)
{
  g_return_val_if_fail (SL_IS_TOPIC_DIALOG (self), NULL);
  return self->topic;
}

gboolean
sl_topic_dialog_is_new (SlTopicDialog *self)
{
  g_return_val_if_fail (SL_IS_TOPIC_DIALOG (self), FALSE);
  return self->adding;
}
