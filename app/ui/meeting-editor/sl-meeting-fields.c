/* sl-meeting-fields.c — the meeting editor's text, date and time fields bound to records
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Records keep NULL for an empty text (the archive writes null, not "");
 * entries and text views have "" instead. Dates and times are stored only
 * once they are real: a date field is read when it is left, not at every
 * key, so that typing "3-1" on the way to "3-15" never stores March 1st.
 * Nothing the record refuses is ever shown as if it were stored: see
 * “Checked fields” below.
 */

#define G_LOG_DOMAIN "sl-meeting-fields"

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "sl-meeting-draft.h"
#include "sl-meeting-fields.h"
#include "sl-util.h"

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

/* Checked fields ------------------------------------------------------------ */

/* A date, a time or a title is stored only when it is sound: a date or a
 * time when the field is left (focus-out, Tab, Enter), a title at every
 * key, as other texts. Until then the field is “pending”; text that cannot
 * be stored marks it with the error style and a line beside it, and the
 * record keeps what it had. Whoever watches a container
 * (sl_meeting_fields_watch) hears when its fields start or stop holding
 * text that is not stored, so that a header never says “Saved” over it.
 * The decisions are sl_meeting_draft_check_*(), which tests call without
 * a display. */

typedef enum
{
  KIND_DATE,
  KIND_TIME,
  KIND_TITLE,
} Kind;

typedef struct
{
  GtkWidget *editable;   /* not a reference: the value dies with it */
  GtkWidget *text;       /* the GtkText inside it that takes the focus */
  GObject   *object;
  char      *property;
  char      *other;      /* a time's other end, or NULL */
  GtkWidget *dialog;     /* weak: the year question, while it is asked */
  gulong     notify_id;
  gulong     activate_id;
  gulong     changed_id;
  GtkEventController *focus;
  int        year;
  guint      serial;
  Kind       kind;
  guint      required : 1;
  guint      is_end : 1;
  guint      asks_year : 1;
  guint      error : 1;
  guint      pending : 1;
  guint      reported : 2;   /* value_state(), as watchers last heard it */
  guint      pushing : 1;
} Value;

#define MESSAGE_KEY "sl-meeting-fields-message"
#define WATCH_KEY "sl-meeting-fields-watch"
#define SUBTITLE_OWNER_KEY "sl-meeting-fields-subtitle-owner"

typedef struct
{
  GCallback func;
  gpointer  user_data;
} Watch;

static void
value_free (gpointer data)
{
  Value *value = data;

  g_clear_signal_handler (&value->notify_id, value->object);

  /* When the field itself is going away its handlers and controllers
   * are already gone. */
  if (value->activate_id != 0 && g_signal_handler_is_connected (value->editable, value->activate_id))
    g_signal_handler_disconnect (value->editable, value->activate_id);
  if (value->changed_id != 0 && g_signal_handler_is_connected (value->editable, value->changed_id))
    g_signal_handler_disconnect (value->editable, value->changed_id);
  if (value->focus != NULL && gtk_event_controller_get_widget (value->focus) == value->text)
    gtk_widget_remove_controller (value->text, value->focus);
  if (value->dialog != NULL)
    {
      g_object_remove_weak_pointer (G_OBJECT (value->dialog), (gpointer *) &value->dialog);
      gtk_window_destroy (GTK_WINDOW (value->dialog));
    }
  g_clear_object (&value->focus);
  g_clear_object (&value->object);
  g_free (value->property);
  g_free (value->other);
  g_free (value);
}

static char *
stored_text (Value *value)
{
  char *stored = NULL;

  g_object_get (value->object, value->property, &stored, NULL);
  return stored;
}

/* What the field would store now, as sl_meeting_draft_check_*() says. */
static gboolean
value_check (Value       *value,
             const char  *text,
             char       **parsed,
             char       **message)
{
  g_autofree char *other = NULL;

  switch (value->kind)
    {
    case KIND_DATE:
      return sl_meeting_draft_check_date (text, value->year, value->required, parsed, message);

    case KIND_TIME:
      if (value->other != NULL)
        g_object_get (value->object, value->other, &other, NULL);
      return sl_meeting_draft_check_time (text,
                                          value->is_end ? other : NULL,
                                          value->is_end ? NULL : other,
                                          parsed, message);

    case KIND_TITLE:
    default:
      return sl_meeting_draft_check_title (text, parsed, message);
    }
}

/* The line beside the field: a label after the text of an entry row, the
 * subtitle of the row a plain entry sits in, or a label after it in its
 * box; the tooltip says it too. */
static GtkWidget *
message_label_new (void)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_max_width_chars (GTK_LABEL (label), 24);
  gtk_label_set_xalign (GTK_LABEL (label), 1.0);
  gtk_widget_set_valign (label, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (label, "caption");
  gtk_widget_add_css_class (label, "error");
  gtk_widget_set_visible (label, FALSE);

  return label;
}

static void
show_message (GtkWidget  *editable,
              const char *message)
{
  GtkWidget *label = g_object_get_data (G_OBJECT (editable), MESSAGE_KEY);
  GtkWidget *parent = gtk_widget_get_parent (editable);
  GtkWidget *row;

  gtk_widget_set_tooltip_text (editable, message);

  if (label == NULL && message != NULL && ADW_IS_ENTRY_ROW (editable))
    {
      label = message_label_new ();
      adw_entry_row_add_suffix (ADW_ENTRY_ROW (editable), label);
    }
  else if (label == NULL && (row = gtk_widget_get_ancestor (editable, ADW_TYPE_ACTION_ROW)) != NULL)
    {
      /* Start and end share their row's subtitle: whoever wrote it clears it. */
      if (message != NULL)
        {
          adw_action_row_set_subtitle (ADW_ACTION_ROW (row), message);
          g_object_set_data (G_OBJECT (row), SUBTITLE_OWNER_KEY, editable);
        }
      else if (g_object_get_data (G_OBJECT (row), SUBTITLE_OWNER_KEY) == editable)
        {
          adw_action_row_set_subtitle (ADW_ACTION_ROW (row), "");
          g_object_set_data (G_OBJECT (row), SUBTITLE_OWNER_KEY, NULL);
        }
      return;
    }
  else if (label == NULL && message != NULL && GTK_IS_BOX (parent))
    {
      label = message_label_new ();
      gtk_box_insert_child_after (GTK_BOX (parent), label, editable);
    }

  if (label == NULL)
    return;

  g_object_set_data (G_OBJECT (editable), MESSAGE_KEY, label);
  gtk_label_set_label (GTK_LABEL (label), message ? message : "");
  gtk_widget_set_visible (label, message != NULL);
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

  show_message (value->editable, message);
}

static void
notify_watchers (GtkWidget *widget)
{
  for (; widget != NULL; widget = gtk_widget_get_parent (widget))
    {
      Watch *watch = g_object_get_data (G_OBJECT (widget), WATCH_KEY);

      if (watch != NULL)
        ((void (*) (gpointer)) watch->func) (watch->user_data);
    }
}

/* 0: shows what is stored; 1: not stored yet; 2: marked. */
static guint
value_state (Value *value)
{
  return value->error ? 2 : value->pending || value->dialog != NULL ? 1 : 0;
}

/* Works out whether the field shows what is stored, and tells the
 * watchers when that changed. */
static void
value_sync (Value *value)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (value->editable));
  g_autofree char *stored = stored_text (value);
  g_autofree char *parsed = NULL;
  g_autofree char *message = NULL;
  gboolean sound = value_check (value, text, &parsed, &message);

  value->pending = !sound || g_strcmp0 (parsed, stored) != 0;

  if (value->reported != value_state (value))
    {
      value->reported = value_state (value);
      notify_watchers (value->editable);
    }
}

static void
value_show (Value      *value,
            const char *text)
{
  value->pushing = TRUE;
  gtk_editable_set_text (GTK_EDITABLE (value->editable), text ? text : "");
  value->pushing = FALSE;
}

/* Shows the stored value, unless the field already says the same. */
static void
value_push (Value *value)
{
  g_autofree char *stored = stored_text (value);
  g_autofree char *shown = NULL;
  g_autofree char *message = NULL;
  const char *text = gtk_editable_get_text (GTK_EDITABLE (value->editable));

  value_check (value, text, &shown, &message);

  if (g_strcmp0 (shown, stored) != 0 || (stored == NULL && *text != '\0'))
    {
      value_show (value, stored);
      value_set_error (value, NULL);
    }

  value_sync (value);
}

/**
 * sl_meeting_fields_show_stored:
 *
 * Shows the record's value in @editable, dropping text typed and not yet
 * read and its mark: the record was read again as a whole (a restore).
 */
void
sl_meeting_fields_show_stored (GtkWidget *editable)
{
  Value *value = g_object_get_data (G_OBJECT (editable), VALUE_KEY);
  g_autofree char *stored = NULL;

  if (value == NULL)
    return;
  stored = stored_text (value);
  value_show (value, stored);
  value_set_error (value, NULL);
  value_sync (value);
}

static void
value_store (Value      *value,
             const char *parsed)
{
  value_set_error (value, NULL);
  if (parsed != NULL && g_strcmp0 (parsed, gtk_editable_get_text (GTK_EDITABLE (value->editable))) != 0)
    value_show (value, parsed);
  g_object_set (value->object, value->property, parsed, NULL);
  value_sync (value);
}

/* The year question ----------------------------------------------------------- */

typedef struct
{
  GtkWidget *editable;
  guint      serial;
  char      *date;
} Question;

static void
question_free (gpointer data,
               GClosure *closure)
{
  Question *question = data;

  g_object_unref (question->editable);
  g_free (question->date);
  g_free (question);
}

static void
on_year_response (AdwMessageDialog *dialog,
                  const char       *response,
                  Question         *question)
{
  Value *value = g_object_get_data (G_OBJECT (question->editable), VALUE_KEY);

  /* The field was bound to another record meanwhile. */
  if (value == NULL || value->serial != question->serial)
    return;

  if (value->dialog != NULL)
    {
      g_object_remove_weak_pointer (G_OBJECT (value->dialog), (gpointer *) &value->dialog);
      value->dialog = NULL;
    }

  if (g_strcmp0 (response, "move") == 0)
    value_store (value, question->date);
  else
    {
      g_autofree char *stored = stored_text (value);

      value_show (value, stored);
      value_set_error (value, NULL);
      value_sync (value);
      gtk_widget_grab_focus (value->editable);
    }
}

/* A date in another year takes the meeting off the list the secretary is
 * looking at: ask first. */
static void
ask_year (Value      *value,
          const char *date,
          int         year)
{
  g_autofree char *stored = stored_text (value);
  g_autofree char *heading = NULL;
  g_autofree char *body = NULL;
  GtkRoot *root = gtk_widget_get_root (value->editable);
  Question *question;
  GtkWidget *dialog;

  /* Translators: %d is a year; in Chinese “移到 %d 年？”. */
  heading = g_strdup_printf (_("Move to %d?"), year);
  /* Translators: the meeting's year, the new date, the new year. */
  body = g_strdup_printf (_("The meeting is listed under %d. Dated %s, it moves to the meetings of %d."),
                          sl_date_get_year (stored), date, year);

  dialog = adw_message_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL, heading, body);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "move", _("_Move"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "move", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "move");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");

  question = g_new0 (Question, 1);
  question->editable = g_object_ref (value->editable);
  question->serial = value->serial;
  question->date = g_strdup (date);
  g_signal_connect_data (dialog, "response", G_CALLBACK (on_year_response), question, question_free, 0);

  value->dialog = dialog;
  g_object_add_weak_pointer (G_OBJECT (dialog), (gpointer *) &value->dialog);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* Enter, Tab or leaving the field. */
static void
value_commit (Value *value)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (value->editable));
  g_autofree char *parsed = NULL;
  g_autofree char *message = NULL;
  g_autofree char *stored = NULL;
  int year;

  /* The question takes the focus away: that is no second answer. */
  if (value->dialog != NULL)
    return;

  if (!value_check (value, text, &parsed, &message))
    {
      value_set_error (value, message);
      value_sync (value);
      return;
    }

  stored = stored_text (value);
  if (value->asks_year && (year = sl_meeting_draft_year_change (stored, parsed)) != 0)
    {
      value_set_error (value, NULL);
      ask_year (value, parsed, year);
      value_sync (value);
      return;
    }

  value_store (value, parsed);
}

/* Every key: a title is stored at once when it may be; a date or a time
 * only says that it is not stored yet. */
static void
value_changed (Value *value)
{
  g_autofree char *parsed = NULL;
  g_autofree char *message = NULL;
  g_autofree char *stored = NULL;

  if (value->pushing)
    return;

  if (value->kind != KIND_TITLE)
    {
      value_sync (value);
      return;
    }

  if (!value_check (value, gtk_editable_get_text (GTK_EDITABLE (value->editable)), &parsed, &message))
    {
      value_set_error (value, message);
      value_sync (value);
      return;
    }

  stored = stored_text (value);
  value_set_error (value, NULL);
  if (g_strcmp0 (parsed, stored) != 0)
    g_object_set (value->object, value->property, parsed, NULL);
  value_sync (value);
}

/* The GtkText inside an entry row or an entry: the focus goes there, so
 * that is where leaving the field shows. A controller on the row itself
 * misses Tab to a button inside the row. */
static GtkWidget *
text_of (GtkWidget *editable)
{
  GtkEditable *text = GTK_EDITABLE (editable);
  GtkEditable *delegate;

  while ((delegate = gtk_editable_get_delegate (text)) != NULL && delegate != text)
    text = delegate;

  return GTK_WIDGET (text);
}

static Value *
bind_value (GtkWidget  *editable,
            gpointer    object,
            const char *property,
            Kind        kind,
            int         year,
            gboolean    required)
{
  static guint serial;
  g_autofree char *signal = NULL;
  Value *value;

  g_return_val_if_fail (GTK_IS_EDITABLE (editable), NULL);
  g_return_val_if_fail (G_IS_OBJECT (object), NULL);

  sl_meeting_fields_unbind (editable);

  value = g_new0 (Value, 1);
  value->editable = editable;
  value->text = text_of (editable);
  value->object = g_object_ref (object);
  value->property = g_strdup (property);
  value->kind = kind;
  value->year = year;
  value->required = required;
  value->serial = ++serial;

  signal = g_strconcat ("notify::", property, NULL);
  value->notify_id = g_signal_connect_swapped (object, signal, G_CALLBACK (value_push), value);
  value->activate_id = g_signal_connect_swapped (editable,
                                                 g_signal_lookup ("entry-activated", G_OBJECT_TYPE (editable))
                                                 ? "entry-activated" : "activate",
                                                 G_CALLBACK (value_commit), value);
  value->changed_id = g_signal_connect_swapped (editable, "changed", G_CALLBACK (value_changed), value);
  value->focus = gtk_event_controller_focus_new ();
  g_signal_connect_swapped (value->focus, "leave", G_CALLBACK (value_commit), value);
  gtk_widget_add_controller (value->text, g_object_ref (value->focus));

  g_object_set_data_full (G_OBJECT (editable), VALUE_KEY, value, value_free);

  value_show (value, "");
  value_set_error (value, NULL);
  value_push (value);

  return value;
}

void
sl_meeting_fields_bind_date (GtkWidget  *editable,
                             gpointer    object,
                             const char *property,
                             int         year,
                             gboolean    required)
{
  bind_value (editable, object, property, KIND_DATE, year, required);
}

void
sl_meeting_fields_bind_meeting_date (GtkWidget  *editable,
                                     gpointer    meeting,
                                     const char *property,
                                     int         year)
{
  Value *value = bind_value (editable, meeting, property, KIND_DATE, year, TRUE);

  if (value != NULL)
    value->asks_year = TRUE;
}

void
sl_meeting_fields_bind_time (GtkWidget  *editable,
                             gpointer    object,
                             const char *property)
{
  bind_value (editable, object, property, KIND_TIME, 0, FALSE);
}

void
sl_meeting_fields_bind_time_range (GtkWidget  *start,
                                   GtkWidget  *end,
                                   gpointer    object,
                                   const char *start_property,
                                   const char *end_property)
{
  Value *first = bind_value (start, object, start_property, KIND_TIME, 0, FALSE);
  Value *last = bind_value (end, object, end_property, KIND_TIME, 0, FALSE);

  if (first != NULL)
    first->other = g_strdup (end_property);
  if (last != NULL)
    {
      last->other = g_strdup (start_property);
      last->is_end = TRUE;
    }
}

void
sl_meeting_fields_bind_title (GtkWidget  *editable,
                              gpointer    object,
                              const char *property)
{
  bind_value (editable, object, property, KIND_TITLE, 0, TRUE);
}

void
sl_meeting_fields_commit (GtkWidget *editable)
{
  Value *value = g_object_get_data (G_OBJECT (editable), VALUE_KEY);

  if (value != NULL)
    value_commit (value);
}

void
sl_meeting_fields_commit_all (GtkWidget *container)
{
  Value *value;

  g_return_if_fail (GTK_IS_WIDGET (container));

  if ((value = g_object_get_data (G_OBJECT (container), VALUE_KEY)) != NULL &&
      value->pending && value->dialog == NULL)
    value_commit (value);

  for (GtkWidget *child = gtk_widget_get_first_child (container); child; child = gtk_widget_get_next_sibling (child))
    sl_meeting_fields_commit_all (child);
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

const char *
sl_meeting_fields_get_message (GtkWidget *editable)
{
  Value *value = g_object_get_data (G_OBJECT (editable), VALUE_KEY);

  return value != NULL && value->error ? gtk_widget_get_tooltip_text (editable) : NULL;
}

static gboolean
any_field (GtkWidget *widget,
           gboolean   errors_only)
{
  Value *value = g_object_get_data (G_OBJECT (widget), VALUE_KEY);

  if (value != NULL && (value->error || (!errors_only && (value->pending || value->dialog != NULL))))
    return TRUE;

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    if (any_field (child, errors_only))
      return TRUE;

  return FALSE;
}

gboolean
sl_meeting_fields_has_invalid (GtkWidget *container)
{
  g_return_val_if_fail (GTK_IS_WIDGET (container), FALSE);
  return any_field (container, TRUE);
}

gboolean
sl_meeting_fields_has_pending (GtkWidget *container)
{
  g_return_val_if_fail (GTK_IS_WIDGET (container), FALSE);
  return any_field (container, FALSE);
}

void
sl_meeting_fields_watch (GtkWidget *container,
                         GCallback  changed,
                         gpointer   user_data)
{
  Watch *watch;

  g_return_if_fail (GTK_IS_WIDGET (container));

  watch = g_new0 (Watch, 1);
  watch->func = changed;
  watch->user_data = user_data;
  g_object_set_data_full (G_OBJECT (container), WATCH_KEY, watch, g_free);
}

void
sl_meeting_fields_unbind (GtkWidget *widget)
{
  Value *value;
  gboolean reported = FALSE;

  g_return_if_fail (GTK_IS_WIDGET (widget));

  if ((value = g_object_get_data (G_OBJECT (widget), VALUE_KEY)) != NULL)
    {
      reported = value->reported != 0;
      value_set_error (value, NULL);
    }

  g_object_set_data (G_OBJECT (widget), TEXT_KEY, NULL);
  g_object_set_data (G_OBJECT (widget), VALUE_KEY, NULL);

  if (reported)
    notify_watchers (widget);
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
