/* sl-meeting-study-row.c — one text studied at a meeting, in the meeting editor
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The row's header shows the text's title and where it comes from; opened,
 * it edits every field of the study. Fields write to the SlStudy as they
 * change; the editor notices through its SlMeetingMonitor and saves.
 */

#define G_LOG_DOMAIN "sl-meeting-study-row"

#include "config.h"

#include <glib/gi18n.h>

#include "sl-combo-row-keys.h"
#include "sl-meeting-fields.h"
#include "sl-meeting-row.h"
#include "sl-meeting-study-row.h"
#include "sl-study.h"

struct _SlMeetingStudyRow
{
  AdwExpanderRow  parent_instance;

  /* template widgets */
  GtkWidget      *first_topic_tag;
  GtkWidget      *title_row;
  GtkWidget      *source_row;
  GtkWidget      *published_row;
  GtkWidget      *lead_row;
  GtkWidget      *first_topic_switch;
  GtkWidget      *summary_view;

  /* owned references */
  SlStudy        *study;
};

G_DEFINE_FINAL_TYPE (SlMeetingStudyRow, sl_meeting_study_row, ADW_TYPE_EXPANDER_ROW)

static void
update_header (SlMeetingStudyRow *self)
{
  const char *title = sl_study_get_title (self->study);
  const char *source = sl_study_get_source (self->study);
  const char *published = sl_study_get_published_on (self->study);
  g_autofree char *escaped = NULL;
  g_autofree char *subtitle = NULL;

  escaped = g_markup_escape_text (title ? title : _("Untitled Text"), -1);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self), escaped);

  if (source != NULL && published != NULL)
    subtitle = g_strdup_printf ("%s · %s", source, published);
  else
    subtitle = g_strdup (source ? source : published ? published : "");

  g_clear_pointer (&escaped, g_free);
  escaped = g_markup_escape_text (subtitle, -1);
  adw_expander_row_set_subtitle (ADW_EXPANDER_ROW (self), escaped);

  gtk_widget_set_visible (self->first_topic_tag, sl_study_get_first_topic (self->study));
}

static void
sl_meeting_study_row_dispose (GObject *object)
{
  SlMeetingStudyRow *self = SL_MEETING_STUDY_ROW (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), SL_TYPE_MEETING_STUDY_ROW);
  g_clear_object (&self->study);

  G_OBJECT_CLASS (sl_meeting_study_row_parent_class)->dispose (object);
}

static void
sl_meeting_study_row_class_init (SlMeetingStudyRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = sl_meeting_study_row_dispose;

  sl_meeting_row_class_init (widget_class, "/org/studyledger/StudyLedger/sl-meeting-study-row.ui");

  gtk_widget_class_bind_template_child (widget_class, SlMeetingStudyRow, first_topic_tag);
  gtk_widget_class_bind_template_child (widget_class, SlMeetingStudyRow, title_row);
  gtk_widget_class_bind_template_child (widget_class, SlMeetingStudyRow, source_row);
  gtk_widget_class_bind_template_child (widget_class, SlMeetingStudyRow, published_row);
  gtk_widget_class_bind_template_child (widget_class, SlMeetingStudyRow, lead_row);
  gtk_widget_class_bind_template_child (widget_class, SlMeetingStudyRow, first_topic_switch);
  gtk_widget_class_bind_template_child (widget_class, SlMeetingStudyRow, summary_view);
}

static void
sl_meeting_study_row_init (SlMeetingStudyRow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  sl_combo_row_keys_install (ADW_COMBO_ROW (self->lead_row));
}

GtkWidget *
sl_meeting_study_row_new (SlStudy         *study,
                          SlMeetingPeople *people,
                          int              year)
{
  SlMeetingStudyRow *self;

  g_return_val_if_fail (SL_IS_STUDY (study), NULL);
  g_return_val_if_fail (SL_IS_MEETING_PEOPLE (people), NULL);

  self = g_object_new (SL_TYPE_MEETING_STUDY_ROW, NULL);
  self->study = g_object_ref (study);

  sl_meeting_fields_bind_text (self->title_row, study, "title");
  sl_meeting_fields_bind_text (self->source_row, study, "source");
  sl_meeting_fields_bind_date (self->published_row, study, "published-on", year, FALSE);
  sl_meeting_fields_bind_text (self->summary_view, study, "summary");
  sl_meeting_people_bind (people, self->lead_row, study, "lead");
  g_object_bind_property (study, "first-topic", self->first_topic_switch, "active",
                          G_BINDING_BIDIRECTIONAL | G_BINDING_SYNC_CREATE);

  sl_meeting_fields_enter_moves_on (self->title_row, NULL, NULL);
  sl_meeting_fields_enter_moves_on (self->source_row, NULL, NULL);
  sl_meeting_fields_enter_moves_on (self->published_row, NULL, NULL);

  g_signal_connect_object (study, "notify", G_CALLBACK (update_header), self, G_CONNECT_SWAPPED);
  update_header (self);

  return GTK_WIDGET (self);
}

SlStudy *
sl_meeting_study_row_get_study (SlMeetingStudyRow *self)
{
  g_return_val_if_fail (SL_IS_MEETING_STUDY_ROW (self), NULL);
  return self->study;
}

void
sl_meeting_study_row_focus_title (SlMeetingStudyRow *self)
{
  g_return_if_fail (SL_IS_MEETING_STUDY_ROW (self));

  adw_expander_row_set_expanded (ADW_EXPANDER_ROW (self), TRUE);
  gtk_widget_grab_focus (self->title_row);
}
