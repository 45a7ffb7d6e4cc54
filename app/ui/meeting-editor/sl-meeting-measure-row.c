/* sl-meeting-measure-row.c — one follow-up measure of a meeting, in the meeting editor
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A measure is followed up until it is closed (“逐项完成销号”): its status
 * shows in the row's header. Marking it done fills in today as the day it
 * was done when none is given. In a locked year only its progress (status,
 * 落实情况, the day it was done) stays open: follow-up goes on after the
 * year's records are closed.
 */

#define G_LOG_DOMAIN "sl-meeting-measure-row"

#include "config.h"

#include <glib/gi18n.h>

#include "sl-combo-row-keys.h"
#include "sl-enums.h"
#include "sl-measure.h"
#include "sl-meeting-fields.h"
#include "sl-meeting-row.h"
#include "sl-meeting-measure-row.h"
#include "sl-util.h"

struct _SlMeetingMeasureRow
{
  AdwExpanderRow  parent_instance;

  /* template widgets */
  GtkWidget      *remove_button;
  GtkWidget      *status_tag;
  GtkWidget      *text_row;
  GtkWidget      *owner_row;
  GtkWidget      *department_row;
  GtkWidget      *due_row;
  GtkWidget      *status_row;
  GtkWidget      *progress_row;
  GtkWidget      *done_row;

  /* owned references */
  SlMeasure      *measure;
  SlMeetingPeople *people;
};

G_DEFINE_FINAL_TYPE (SlMeetingMeasureRow, sl_meeting_measure_row, ADW_TYPE_EXPANDER_ROW)

static void
update_header (SlMeetingMeasureRow *self)
{
  const char *text = sl_measure_get_text (self->measure);
  const char *owner = sl_meeting_people_get_name (self->people, sl_measure_get_owner (self->measure));
  const char *department = sl_measure_get_department (self->measure);
  const char *due = sl_measure_get_due_on (self->measure);
  SlMeasureStatus status = sl_measure_get_status (self->measure);
  g_autoptr(GStrvBuilder) parts = g_strv_builder_new ();
  g_auto(GStrv) strv = NULL;
  g_autofree char *joined = NULL;
  g_autofree char *escaped = NULL;

  escaped = g_markup_escape_text (text ? text : _("New Measure"), -1);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self), escaped);

  if (owner != NULL)
    g_strv_builder_add (parts, owner);
  if (department != NULL)
    g_strv_builder_add (parts, department);
  if (due != NULL)
    {
      /* Translators: %s is a deadline date such as 2023-06-30. */
      g_autofree char *by = g_strdup_printf (_("due %s"), due);
      g_strv_builder_add (parts, by);
    }
  strv = g_strv_builder_end (parts);
  joined = g_strjoinv (" · ", strv);
  g_clear_pointer (&escaped, g_free);
  escaped = g_markup_escape_text (joined, -1);
  adw_expander_row_set_subtitle (ADW_EXPANDER_ROW (self), escaped);

  gtk_label_set_label (GTK_LABEL (self->status_tag), sl_measure_status_to_label (status));
  gtk_widget_set_visible (self->status_tag, status != SL_MEASURE_STATUS_NONE);
  if (status == SL_MEASURE_STATUS_DONE)
    gtk_widget_add_css_class (self->status_tag, "success");
  else
    gtk_widget_remove_css_class (self->status_tag, "success");
}

static void
on_status_selected (SlMeetingMeasureRow *self)
{
  SlMeasureStatus status = adw_combo_row_get_selected (ADW_COMBO_ROW (self->status_row));

  sl_measure_set_status (self->measure, status);

  if (status == SL_MEASURE_STATUS_DONE && sl_measure_get_done_on (self->measure) == NULL)
    {
      g_autofree char *today = sl_today ();
      sl_measure_set_done_on (self->measure, today);
    }
}

static void
sl_meeting_measure_row_dispose (GObject *object)
{
  SlMeetingMeasureRow *self = SL_MEETING_MEASURE_ROW (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), SL_TYPE_MEETING_MEASURE_ROW);
  g_clear_object (&self->measure);
  g_clear_object (&self->people);

  G_OBJECT_CLASS (sl_meeting_measure_row_parent_class)->dispose (object);
}

static void
sl_meeting_measure_row_class_init (SlMeetingMeasureRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = sl_meeting_measure_row_dispose;

  sl_meeting_row_class_init (widget_class, "/org/studyledger/StudyLedger/sl-meeting-measure-row.ui");

  gtk_widget_class_bind_template_child (widget_class, SlMeetingMeasureRow, remove_button);
  gtk_widget_class_bind_template_child (widget_class, SlMeetingMeasureRow, status_tag);
  gtk_widget_class_bind_template_child (widget_class, SlMeetingMeasureRow, text_row);
  gtk_widget_class_bind_template_child (widget_class, SlMeetingMeasureRow, owner_row);
  gtk_widget_class_bind_template_child (widget_class, SlMeetingMeasureRow, department_row);
  gtk_widget_class_bind_template_child (widget_class, SlMeetingMeasureRow, due_row);
  gtk_widget_class_bind_template_child (widget_class, SlMeetingMeasureRow, status_row);
  gtk_widget_class_bind_template_child (widget_class, SlMeetingMeasureRow, progress_row);
  gtk_widget_class_bind_template_child (widget_class, SlMeetingMeasureRow, done_row);
}

static void
sl_meeting_measure_row_init (SlMeetingMeasureRow *self)
{
  g_autoptr(GtkStringList) statuses = gtk_string_list_new (NULL);

  gtk_widget_init_template (GTK_WIDGET (self));
  sl_combo_row_keys_install (ADW_COMBO_ROW (self->owner_row));
  sl_combo_row_keys_install (ADW_COMBO_ROW (self->status_row));

  /* Positions are the enumeration's values; 0 is “not set”. */
  gtk_string_list_append (statuses, "—");
  for (SlMeasureStatus s = SL_MEASURE_STATUS_OPEN; s <= SL_MEASURE_STATUS_DONE; s++)
    gtk_string_list_append (statuses, sl_measure_status_to_label (s));
  adw_combo_row_set_model (ADW_COMBO_ROW (self->status_row), G_LIST_MODEL (statuses));
}

GtkWidget *
sl_meeting_measure_row_new (SlMeasure       *measure,
                            SlMeetingPeople *people,
                            int              year)
{
  SlMeetingMeasureRow *self;

  g_return_val_if_fail (SL_IS_MEASURE (measure), NULL);
  g_return_val_if_fail (SL_IS_MEETING_PEOPLE (people), NULL);

  self = g_object_new (SL_TYPE_MEETING_MEASURE_ROW, NULL);
  self->measure = g_object_ref (measure);
  self->people = g_object_ref (people);

  sl_meeting_fields_bind_text (self->text_row, measure, "text");
  sl_meeting_people_bind (people, self->owner_row, measure, "owner");
  sl_meeting_fields_bind_text (self->department_row, measure, "department");
  sl_meeting_fields_bind_date (self->due_row, measure, "due-on", year, FALSE);
  sl_meeting_fields_bind_text (self->progress_row, measure, "progress");
  sl_meeting_fields_bind_date (self->done_row, measure, "done-on", year, FALSE);

  adw_combo_row_set_selected (ADW_COMBO_ROW (self->status_row), sl_measure_get_status (measure));
  g_signal_connect_object (self->status_row, "notify::selected", G_CALLBACK (on_status_selected), self,
                           G_CONNECT_SWAPPED);

  sl_meeting_fields_enter_moves_on (self->text_row, NULL, NULL);
  sl_meeting_fields_enter_moves_on (self->department_row, NULL, NULL);
  sl_meeting_fields_enter_moves_on (self->due_row, NULL, NULL);
  sl_meeting_fields_enter_moves_on (self->progress_row, NULL, NULL);

  g_signal_connect_object (measure, "notify", G_CALLBACK (update_header), self, G_CONNECT_SWAPPED);
  update_header (self);

  return GTK_WIDGET (self);
}

SlMeasure *
sl_meeting_measure_row_get_measure (SlMeetingMeasureRow *self)
{
  g_return_val_if_fail (SL_IS_MEETING_MEASURE_ROW (self), NULL);
  return self->measure;
}

void
sl_meeting_measure_row_focus_text (SlMeetingMeasureRow *self)
{
  g_return_if_fail (SL_IS_MEETING_MEASURE_ROW (self));

  adw_expander_row_set_expanded (ADW_EXPANDER_ROW (self), TRUE);
  gtk_widget_grab_focus (self->text_row);
}

/* Opens the row on its 落实情况, for an update of the progress. */
void
sl_meeting_measure_row_focus_progress (SlMeetingMeasureRow *self)
{
  g_return_if_fail (SL_IS_MEETING_MEASURE_ROW (self));

  adw_expander_row_set_expanded (ADW_EXPANDER_ROW (self), TRUE);
  gtk_widget_grab_focus (self->progress_row);
}

/**
 * sl_meeting_measure_row_set_progress_only:
 * @progress_only: whether only the progress fields take changes
 *
 * A measure of a locked year: its status, progress and done day stay
 * open, its text, owner, department, deadline and removal do not.
 */
void
sl_meeting_measure_row_set_progress_only (SlMeetingMeasureRow *self,
                                          gboolean             progress_only)
{
  GtkWidget *fixed[] = { self->remove_button, self->text_row, self->owner_row,
                         self->department_row, self->due_row };

  g_return_if_fail (SL_IS_MEETING_MEASURE_ROW (self));

  for (guint i = 0; i < G_N_ELEMENTS (fixed); i++)
    gtk_widget_set_sensitive (fixed[i], !progress_only);
}
