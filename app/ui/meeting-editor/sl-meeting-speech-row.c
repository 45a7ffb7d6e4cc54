/* sl-meeting-speech-row.c — one speaker's points at a meeting, in the meeting editor
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A speaker is a member (picked from the roster, with type-to-search) or,
 * when the picker says “—”, someone known only by name: a guest, an
 * invited lecturer. The archive keeps one or the other, so choosing a
 * member clears the typed name.
 */

#define G_LOG_DOMAIN "sl-meeting-speech-row"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "sl-combo-row-keys.h"
#include "sl-meeting-fields.h"
#include "sl-meeting-row.h"
#include "sl-meeting-speech-row.h"
#include "sl-speech.h"

struct _SlMeetingSpeechRow
{
  AdwExpanderRow   parent_instance;

  /* template widgets */
  GtkWidget       *number_label;
  GtkWidget       *up_button;
  GtkWidget       *down_button;
  GtkWidget       *speaker_dropdown;
  GtkWidget       *name_row;
  GtkWidget       *points_view;

  /* owned references */
  SlSpeech        *speech;
  SlMeetingPeople *people;
};

G_DEFINE_FINAL_TYPE (SlMeetingSpeechRow, sl_meeting_speech_row, ADW_TYPE_EXPANDER_ROW)

enum {
  MOVE,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
on_up_clicked (SlMeetingSpeechRow *self)
{
  g_signal_emit (self, signals[MOVE], 0, -1);
}

static void
on_down_clicked (SlMeetingSpeechRow *self)
{
  g_signal_emit (self, signals[MOVE], 0, 1);
}

static void
update_header (SlMeetingSpeechRow *self)
{
  const char *speaker = sl_speech_get_speaker (self->speech);
  const char *name = sl_meeting_people_get_name (self->people, speaker);
  const char *points = sl_speech_get_points (self->speech);
  g_autofree char *title = NULL;
  g_autofree char *subtitle = NULL;

  if (name == NULL)
    name = sl_speech_get_speaker_name (self->speech);

  title = g_markup_escape_text (name ? name : _("Speaker Not Chosen"), -1);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self), title);

  /* The first line of the points, enough to tell speeches apart. */
  if (points != NULL)
    {
      g_autofree char *line = g_strndup (points, strcspn (points, "\r\n"));
      subtitle = g_markup_escape_text (line, -1);
    }
  adw_expander_row_set_subtitle (ADW_EXPANDER_ROW (self), subtitle ? subtitle : "");

  gtk_widget_set_visible (self->name_row, speaker == NULL);
}

static void
on_speaker_changed (SlMeetingSpeechRow *self)
{
  if (sl_speech_get_speaker (self->speech) != NULL)
    sl_speech_set_speaker_name (self->speech, NULL);
}

static void
sl_meeting_speech_row_dispose (GObject *object)
{
  SlMeetingSpeechRow *self = SL_MEETING_SPEECH_ROW (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), SL_TYPE_MEETING_SPEECH_ROW);
  g_clear_object (&self->speech);
  g_clear_object (&self->people);

  G_OBJECT_CLASS (sl_meeting_speech_row_parent_class)->dispose (object);
}

static void
sl_meeting_speech_row_class_init (SlMeetingSpeechRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = sl_meeting_speech_row_dispose;

  sl_meeting_row_class_init (widget_class, "/org/studyledger/StudyLedger/sl-meeting-speech-row.ui");
  /**
   * SlMeetingSpeechRow::move:
   * @delta: -1 to speak one place earlier, 1 to speak one place later
   */
  signals[MOVE] =
    g_signal_new ("move", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST | G_SIGNAL_ACTION,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_INT);

  gtk_widget_class_add_binding_signal (widget_class, GDK_KEY_Up, GDK_ALT_MASK, "move", "(i)", -1);
  gtk_widget_class_add_binding_signal (widget_class, GDK_KEY_Down, GDK_ALT_MASK, "move", "(i)", 1);

  gtk_widget_class_bind_template_child (widget_class, SlMeetingSpeechRow, number_label);
  gtk_widget_class_bind_template_child (widget_class, SlMeetingSpeechRow, up_button);
  gtk_widget_class_bind_template_child (widget_class, SlMeetingSpeechRow, down_button);
  gtk_widget_class_bind_template_child (widget_class, SlMeetingSpeechRow, speaker_dropdown);
  gtk_widget_class_bind_template_child (widget_class, SlMeetingSpeechRow, name_row);
  gtk_widget_class_bind_template_child (widget_class, SlMeetingSpeechRow, points_view);
  gtk_widget_class_bind_template_callback (widget_class, on_up_clicked);
  gtk_widget_class_bind_template_callback (widget_class, on_down_clicked);
}

static void
sl_meeting_speech_row_init (SlMeetingSpeechRow *self)
{
  g_autoptr(GtkExpression) expression = NULL;

  gtk_widget_init_template (GTK_WIDGET (self));
  sl_drop_down_keys_install (GTK_DROP_DOWN (self->speaker_dropdown));

  expression = gtk_property_expression_new (GTK_TYPE_STRING_OBJECT, NULL, "string");
  gtk_drop_down_set_expression (GTK_DROP_DOWN (self->speaker_dropdown), expression);
}

GtkWidget *
sl_meeting_speech_row_new (SlSpeech        *speech,
                           SlMeetingPeople *people)
{
  SlMeetingSpeechRow *self;

  g_return_val_if_fail (SL_IS_SPEECH (speech), NULL);
  g_return_val_if_fail (SL_IS_MEETING_PEOPLE (people), NULL);

  self = g_object_new (SL_TYPE_MEETING_SPEECH_ROW, NULL);
  self->speech = g_object_ref (speech);
  self->people = g_object_ref (people);

  sl_meeting_people_bind (people, self->speaker_dropdown, speech, "speaker");
  sl_meeting_fields_bind_text (self->name_row, speech, "speaker-name");
  sl_meeting_fields_bind_text (self->points_view, speech, "points");
  sl_meeting_fields_enter_moves_on (self->name_row, NULL, NULL);

  g_signal_connect_object (speech, "notify::speaker", G_CALLBACK (on_speaker_changed), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (speech, "notify", G_CALLBACK (update_header), self, G_CONNECT_SWAPPED);
  update_header (self);

  return GTK_WIDGET (self);
}

SlSpeech *
sl_meeting_speech_row_get_speech (SlMeetingSpeechRow *self)
{
  g_return_val_if_fail (SL_IS_MEETING_SPEECH_ROW (self), NULL);
  return self->speech;
}

void
sl_meeting_speech_row_set_number (SlMeetingSpeechRow *self,
                                  guint               number,
                                  guint               count)
{
  g_autofree char *text = g_strdup_printf ("%u", number);

  g_return_if_fail (SL_IS_MEETING_SPEECH_ROW (self));

  gtk_label_set_label (GTK_LABEL (self->number_label), text);
  gtk_widget_set_sensitive (self->up_button, number > 1);
  gtk_widget_set_sensitive (self->down_button, number < count);
}

void
sl_meeting_speech_row_focus_speaker (SlMeetingSpeechRow *self)
{
  g_return_if_fail (SL_IS_MEETING_SPEECH_ROW (self));

  adw_expander_row_set_expanded (ADW_EXPANDER_ROW (self), TRUE);
  gtk_widget_grab_focus (self->speaker_dropdown);
}

void
sl_meeting_speech_row_focus_points (SlMeetingSpeechRow *self)
{
  g_return_if_fail (SL_IS_MEETING_SPEECH_ROW (self));

  adw_expander_row_set_expanded (ADW_EXPANDER_ROW (self), TRUE);
  gtk_widget_grab_focus (self->points_view);
}

/* After a move the list made a new row for the speech: the focus goes
 * back to the button that moved it, or to the row if that is disabled. */
void
sl_meeting_speech_row_focus_move (SlMeetingSpeechRow *self,
                                  int                 delta)
{
  GtkWidget *button = delta < 0 ? self->up_button : self->down_button;

  g_return_if_fail (SL_IS_MEETING_SPEECH_ROW (self));

  if (!gtk_widget_get_sensitive (button) || !gtk_widget_grab_focus (button))
    gtk_widget_grab_focus (GTK_WIDGET (self));
}
