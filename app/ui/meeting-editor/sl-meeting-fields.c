/* sl-meeting-fields.c — the meeting editor's text, date and time fields bound to records
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Records keep NULL for an empty text (the archive writes null, not "");
 * entries and text views have "" instead. Dates and times are stored only
 * once they are real: a date field is read when it is left, not at every
 * key, so that typing "3-1" on the way to "3-15" never stores March 1st.
 */

#define G_LOG_DOMAIN "sl-meeting-fields"

#include "config.h"

#include <glib/gi18n.h>

#include "sl-meeting-draft.h"
#include "sl-meeting-fields.h"

#define TEXT_KEY "sl-meeting-fields-text"
#define VALUE_KEY "sl-meeting-fields-value"

/* Text ---------------------------------------------------------------------- */

static gboolean
to_widget (GBinding     *binding,
           const GValue *from,
           GValue       *to,
           gpointer      user_data)
{
  const char *text = g_value_get_string (from);

  g_value_set_string (to, text ? text : "");
  return TRUE;
}

static gboolean
to_object (GBinding     *binding,
           const GValue *from,
           GValue       *to,
           gpointer      user_data)
{
  const char *text = g_value_get_string (from);

  g_value_set_string (to, text && *text ? text : NULL);
  return TRUE;
}

static void
binding_release (gpointer data)
{
  GBinding *binding = data;

  g_binding_unbind (binding);
  g_object_unref (binding);
}

void
sl_meeting_fields_bind_text (GtkWidget  *widget,
                             gpointer    object,
                             const char *property)
{
  GObject *target;
  GBinding *binding;

  g_return_if_fail (GTK_IS_WIDGET (widget));
  g_return_if_fail (G_IS_OBJECT (object));

  sl_meeting_fields_unbind (widget);

  if (GTK_IS_TEXT_VIEW (widget))
    target = G_OBJECT (gtk_text_view_get_buffer (GTK_TEXT_VIEW (widget)));
  else
    target = G_OBJECT (widget);

  binding = g_object_bind_property_full (object, property, target, "text",
                                         G_BINDING_BIDIRECTIONAL | G_BINDING_SYNC_CREATE,
                                         to_widget, to_object, NULL, NULL);
  g_object_set_data_full (G_OBJECT (widget), TEXT_KEY, g_object_ref (binding), binding_release);
}

/* Dates and times ----------------------------------------------------------- */

typedef struct
{
  GtkWidget *editable;   /* not a reference: the value dies with it */
  GObject   *object;
  char      *property;
  gulong     notify_id;
  gulong     activate_id;
  GtkEventController *focus;
  int        year;
  guint      is_date : 1;
  guint      required : 1;
  guint      error : 1;
} Value;

static void
value_free (gpointer data)
{
  Value *value = data;

  g_clear_signal_handler (&value->notify_id, value->object);

  /* When the field itself is going away its handlers and controllers
   * are already gone. */
  if (value->activate_id != 0 && g_signal_handler_is_connected (value->editable, value->activate_id))
    g_signal_handler_disconnect (value->editable, value->activate_id);
  if (value->focus != NULL && gtk_event_controller_get_widget (value->focus) == value->editable)
    gtk_widget_remove_controller (value->editable, value->focus);
  g_clear_object (&value->focus);
  g_clear_object (&value->object);
  g_free (value->property);
  g_free (value);
}

static char *
value_parse (Value      *value,
             const char *text)
{
  return value->is_date ? sl_meeting_draft_parse_date (text, value->year)
                        : sl_meeting_draft_parse_time (text);
}

static void
value_set_error (Value      *value,
                 const char *message)
{
  value->error = message != NULL;

  if (message != NULL)
    gtk_widget_add_css_class (value->editable, "error");
  else
    gtk_widget_remove_css_class (value->editable, "error");

  gtk_widget_set_tooltip_text (value->editable, message);
}

/* Shows the stored value, unless the field already says the same. */
static void
value_push (Value *value)
{
  g_autofree char *stored = NULL;
  g_autofree char *shown = NULL;
  const char *text;

  g_object_get (value->object, value->property, &stored, NULL);
  text = gtk_editable_get_text (GTK_EDITABLE (value->editable));
  shown = value_parse (value, text);

  if (g_strcmp0 (shown, stored) == 0 && (stored != NULL || *text == '\0'))
    return;

  gtk_editable_set_text (GTK_EDITABLE (value->editable), stored ? stored : "");
  value_set_error (value, NULL);
}

static void
value_commit (Value *value)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (value->editable));
  g_autofree char *parsed = NULL;
  g_autofree char *stripped = g_strstrip (g_strdup (text));

  if (*stripped == '\0')
    {
      if (value->required)
        {
          value_set_error (value, value->is_date
                           ? _("A meeting needs a date, such as 2023-03-05")
                           : _("Write a time such as 09:30"));
          return;
        }

      value_set_error (value, NULL);
      g_object_set (value->object, value->property, NULL, NULL);
      return;
    }

  parsed = value_parse (value, stripped);
  if (parsed == NULL)
    {
      value_set_error (value, value->is_date
                       ? _("Not a date: write it as 2023-03-05, or 3-5 for this year")
                       : _("Not a time: write it as 09:30"));
      return;
    }

  value_set_error (value, NULL);
  if (g_strcmp0 (parsed, text) != 0)
    gtk_editable_set_text (GTK_EDITABLE (value->editable), parsed);
  g_object_set (value->object, value->property, parsed, NULL);
}

static void
bind_value (GtkWidget  *editable,
            gpointer    object,
            const char *property,
            gboolean    is_date,
            int         year,
            gboolean    required)
{
  g_autofree char *signal = NULL;
  Value *value;

  g_return_if_fail (GTK_IS_EDITABLE (editable));
  g_return_if_fail (G_IS_OBJECT (object));

  sl_meeting_fields_unbind (editable);

  value = g_new0 (Value, 1);
  value->editable = editable;
  value->object = g_object_ref (object);
  value->property = g_strdup (property);
  value->is_date = is_date;
  value->year = year;
  value->required = required;

  signal = g_strconcat ("notify::", property, NULL);
  value->notify_id = g_signal_connect_swapped (object, signal, G_CALLBACK (value_push), value);
  value->activate_id = g_signal_connect_swapped (editable,
                                                 g_signal_lookup ("entry-activated", G_OBJECT_TYPE (editable))
                                                 ? "entry-activated" : "activate",
                                                 G_CALLBACK (value_commit), value);
  value->focus = gtk_event_controller_focus_new ();
  g_signal_connect_swapped (value->focus, "leave", G_CALLBACK (value_commit), value);
  gtk_widget_add_controller (editable, g_object_ref (value->focus));

  g_object_set_data_full (G_OBJECT (editable), VALUE_KEY, value, value_free);

  gtk_editable_set_text (GTK_EDITABLE (editable), "");
  value_set_error (value, NULL);
  value_push (value);
}

void
sl_meeting_fields_bind_date (GtkWidget  *editable,
                             gpointer    object,
                             const char *property,
                             int         year,
                             gboolean    required)
{
  bind_value (editable, object, property, TRUE, year, required);
}

void
sl_meeting_fields_bind_time (GtkWidget  *editable,
                             gpointer    object,
                             const char *property)
{
  bind_value (editable, object, property, FALSE, 0, FALSE);
}

void
sl_meeting_fields_set_year (GtkWidget *editable,
                            int        year)
{
  Value *value = g_object_get_data (G_OBJECT (editable), VALUE_KEY);

  if (value != NULL)
    value->year = year;
}

gboolean
sl_meeting_fields_has_error (GtkWidget *editable)
{
  Value *value = g_object_get_data (G_OBJECT (editable), VALUE_KEY);

  return value != NULL && value->error;
}

void
sl_meeting_fields_unbind (GtkWidget *widget)
{
  g_return_if_fail (GTK_IS_WIDGET (widget));

  g_object_set_data (G_OBJECT (widget), TEXT_KEY, NULL);
  g_object_set_data (G_OBJECT (widget), VALUE_KEY, NULL);
}

/* Enter --------------------------------------------------------------------- */

typedef void (*LastFunc) (gpointer user_data);

static void
on_enter (GtkWidget *editable)
{
  LastFunc last = g_object_get_data (G_OBJECT (editable), "sl-meeting-fields-last");
  gpointer user_data = g_object_get_data (G_OBJECT (editable), "sl-meeting-fields-last-data");
  GtkRoot *root;

  if (last != NULL)
    {
      last (user_data);
      return;
    }

  root = gtk_widget_get_root (editable);
  if (root != NULL)
    gtk_widget_child_focus (GTK_WIDGET (root), GTK_DIR_TAB_FORWARD);
}

void
sl_meeting_fields_enter_moves_on (GtkWidget *editable,
                                  GCallback  last,
                                  gpointer   user_data)
{
  g_return_if_fail (GTK_IS_WIDGET (editable));

  g_object_set_data (G_OBJECT (editable), "sl-meeting-fields-last", last);
  g_object_set_data (G_OBJECT (editable), "sl-meeting-fields-last-data", user_data);
  /* After a date field's own handler, which reads the text first. */
  g_signal_connect_after (editable,
                          g_signal_lookup ("entry-activated", G_OBJECT_TYPE (editable))
                          ? "entry-activated" : "activate",
                          G_CALLBACK (on_enter), NULL);
}
