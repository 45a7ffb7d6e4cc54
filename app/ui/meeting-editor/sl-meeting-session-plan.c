/* sl-meeting-session-plan.c — the meeting editor's 学习方案 section
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A central-group session is planned before it is held (会前有方案): the
 * discussion topics (研讨题目, one a line), the key speeches in order
 * (重点发言: a member and the title), the length in hours (学习时长, the
 * meeting's own hours) and who approved the plan on which day (审定人,
 * 审定日期). The section shows only for that kind.
 *
 * The plan is not edited in place: every edit builds a new SlSessionPlan
 * from the fields and sets it on the meeting, whose notify is what the
 * editor's monitor hears, so the plan is saved with the meeting, in its
 * transaction, through the editor's one save path (and a final meeting
 * asks for the reason first, as for any field). The text fields are
 * bound to this widget's own properties with sl_meeting_fields_*, so the
 * date is read and refused the way the editor's other dates are, and the
 * header never says “Saved” over a date that was not stored.
 */

#define G_LOG_DOMAIN "sl-meeting-session-plan"

#include "config.h"

#include <glib/gi18n.h>

#include "sl-meeting.h"
#include "sl-meeting-fields.h"
#include "sl-meeting-session-plan.h"
#include "sl-session-plan.h"
#include "sl-util.h"

struct _SlMeetingSessionPlan
{
  AdwBin           parent_instance;

  GtkWidget       *topics_view;
  GtkWidget       *hours_spin;
  GtkWidget       *approved_by_row;
  GtkWidget       *approved_on_row;
  GtkWidget       *speeches_list;

  /* owned */
  SlMeeting       *meeting;
  SlMeetingPeople *people;
  GBinding        *hours_binding;
  GPtrArray       *rows;          /* GtkWidget: the speech rows, in order */
  char            *topics;        /* one a line, as typed */
  char            *approved_by;
  char            *approved_on;
  gulong           plan_id;
  gulong           kind_id;
  gulong           date_id;

  guint            reading : 1;   /* showing the meeting's plan: no write back */
};

G_DEFINE_FINAL_TYPE (SlMeetingSessionPlan, sl_meeting_session_plan, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_TOPICS,
  PROP_APPROVED_BY,
  PROP_APPROVED_ON,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void rebuild_rows (SlMeetingSessionPlan *self, SlSessionPlan *plan);

/* Writing the plan ------------------------------------------------------------ */

static SlSessionPlan *
plan_from_fields (SlMeetingSessionPlan *self)
{
  g_autoptr(SlSessionPlan) plan = sl_session_plan_new ();
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_auto(GStrv) lines = g_strsplit (self->topics ? self->topics : "", "\n", -1);
  g_auto(GStrv) topics = NULL;
  gboolean empty = TRUE;

  for (guint i = 0; lines[i] != NULL; i++)
    {
      g_strstrip (lines[i]);
      if (*lines[i] != '\0')
        g_strv_builder_add (builder, lines[i]);
    }
  topics = g_strv_builder_end (builder);
  sl_session_plan_set_topics (plan, (const char * const *) topics);
  empty = topics[0] == NULL;

  for (guint i = 0; i < self->rows->len; i++)
    {
      GtkWidget *row = g_ptr_array_index (self->rows, i);
      GtkWidget *dropdown = g_object_get_data (G_OBJECT (row), "dropdown");
      GtkWidget *entry = g_object_get_data (G_OBJECT (row), "entry");
      const char *member = sl_meeting_people_get_id (self->people,
                                                     gtk_drop_down_get_selected (GTK_DROP_DOWN (dropdown)));
      g_autofree char *title = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (entry))));

      sl_session_plan_add_speech (plan, member, *title ? title : NULL);
      empty = FALSE;
    }

  sl_session_plan_set_approved_by (plan, self->approved_by);
  sl_session_plan_set_approved_on (plan, self->approved_on);
  if (self->approved_by != NULL || self->approved_on != NULL)
    empty = FALSE;

  /* Nothing planned is no plan, not an empty one (sl-session-plan.c). */
  return empty ? NULL : g_steal_pointer (&plan);
}

static void
write_plan (SlMeetingSessionPlan *self)
{
  g_autoptr(SlSessionPlan) plan = NULL;

  if (self->reading || self->meeting == NULL || self->people == NULL)
    return;

  plan = plan_from_fields (self);
  if (sl_session_plan_equal (plan, sl_meeting_get_session_plan (self->meeting)))
    return;

  /* The notify comes back to on_plan_changed(), which ignores it. */
  self->reading = TRUE;
  sl_meeting_set_session_plan (self->meeting, plan);
  self->reading = FALSE;
}

/* Reading the plan ------------------------------------------------------------- */

static void
set_string (SlMeetingSessionPlan *self,
            char                **field,
            const char           *value,
            guint                 prop)
{
  if (g_strcmp0 (*field, value) == 0)
    return;
  g_free (*field);
  *field = value && *value ? g_strdup (value) : NULL;
  g_object_notify_by_pspec (G_OBJECT (self), properties[prop]);
  write_plan (self);
}

static void
on_plan_changed (SlMeetingSessionPlan *self)
{
  SlSessionPlan *plan;
  g_autofree char *topics = NULL;

  if (self->reading || self->meeting == NULL)
    return;

  plan = sl_meeting_get_session_plan (self->meeting);
  if (plan != NULL)
    topics = g_strjoinv ("\n", (char **) sl_session_plan_get_topics (plan));

  self->reading = TRUE;
  set_string (self, &self->topics, topics, PROP_TOPICS);
  set_string (self, &self->approved_by, plan ? sl_session_plan_get_approved_by (plan) : NULL,
              PROP_APPROVED_BY);
  set_string (self, &self->approved_on, plan ? sl_session_plan_get_approved_on (plan) : NULL,
              PROP_APPROVED_ON);
  rebuild_rows (self, plan);
  self->reading = FALSE;
}

/* The key speeches ------------------------------------------------------------- */

static void
renumber (SlMeetingSessionPlan *self)
{
  for (guint i = 0; i < self->rows->len; i++)
    {
      GtkWidget *row = g_ptr_array_index (self->rows, i);
      g_autofree char *number = g_strdup_printf ("%u", i + 1);

      gtk_label_set_label (g_object_get_data (G_OBJECT (row), "number"), number);
      gtk_widget_set_sensitive (g_object_get_data (G_OBJECT (row), "up"), i > 0);
      gtk_widget_set_sensitive (g_object_get_data (G_OBJECT (row), "down"), i + 1 < self->rows->len);
    }
}

static guint
row_index (SlMeetingSessionPlan *self,
           GtkWidget            *button)
{
  GtkWidget *row = gtk_widget_get_ancestor (button, GTK_TYPE_LIST_BOX_ROW);
  guint index = 0;

  if (!g_ptr_array_find (self->rows, row, &index))
    return G_MAXUINT;
  return index;
}

static void
on_remove_clicked (GtkWidget            *button,
                   SlMeetingSessionPlan *self)
{
  guint index = row_index (self, button);
  GtkWidget *row;

  if (index == G_MAXUINT)
    return;
  row = g_ptr_array_steal_index (self->rows, index);
  gtk_list_box_remove (GTK_LIST_BOX (self->speeches_list), row);
  renumber (self);
  write_plan (self);
}

static void
move (SlMeetingSessionPlan *self,
      GtkWidget            *button,
      int                   delta)
{
  guint index = row_index (self, button);
  guint to;
  GtkWidget *row;

  if (index == G_MAXUINT || (delta < 0 && index == 0) || (delta > 0 && index + 1 >= self->rows->len))
    return;
  to = index + delta;
  row = g_object_ref (g_ptr_array_steal_index (self->rows, index));
  g_ptr_array_insert (self->rows, to, row);
  gtk_list_box_remove (GTK_LIST_BOX (self->speeches_list), row);
  gtk_list_box_insert (GTK_LIST_BOX (self->speeches_list), row, to);
  g_object_unref (row);
  renumber (self);
  /* The focus stays on the button that moved it, if it still can. */
  if (gtk_widget_get_sensitive (button))
    gtk_widget_grab_focus (button);
  write_plan (self);
}

static void
on_up_clicked (GtkWidget            *button,
               SlMeetingSessionPlan *self)
{
  move (self, button, -1);
}

static void
on_down_clicked (GtkWidget            *button,
                 SlMeetingSessionPlan *self)
{
  move (self, button, 1);
}

static GtkWidget *
icon_button (const char *icon,
             const char *tooltip,
             GCallback   callback,
             gpointer    self)
{
  GtkWidget *button = gtk_button_new_from_icon_name (icon);

  gtk_widget_set_tooltip_text (button, tooltip);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, tooltip, -1);
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (button, "flat");
  g_signal_connect (button, "clicked", callback, self);
  return button;
}

static GtkWidget *
speech_row (SlMeetingSessionPlan *self,
            const char           *member,
            const char           *title)
{
  g_autoptr(GtkExpression) expression = NULL;
  GtkWidget *row = gtk_list_box_row_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *number = gtk_label_new (NULL);
  /* gtk_drop_down_new() takes a reference; the model stays the people's. */
  GtkWidget *dropdown = gtk_drop_down_new (g_object_ref (sl_meeting_people_get_model (self->people)), NULL);
  GtkWidget *entry = gtk_entry_new ();
  GtkWidget *up = icon_button ("go-up-symbolic", _("Speak Earlier"), G_CALLBACK (on_up_clicked), self);
  GtkWidget *down = icon_button ("go-down-symbolic", _("Speak Later"), G_CALLBACK (on_down_clicked), self);
  GtkWidget *remove = icon_button ("user-trash-symbolic", _("Remove Key Speech"),
                                   G_CALLBACK (on_remove_clicked), self);

  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), FALSE);
  gtk_widget_set_margin_start (box, 12);
  gtk_widget_set_margin_end (box, 6);
  gtk_widget_set_margin_top (box, 6);
  gtk_widget_set_margin_bottom (box, 6);
  gtk_widget_add_css_class (number, "dim-label");
  gtk_widget_add_css_class (number, "numeric");
  gtk_label_set_width_chars (GTK_LABEL (number), 2);

  expression = gtk_property_expression_new (GTK_TYPE_STRING_OBJECT, NULL, "string");
  gtk_drop_down_set_expression (GTK_DROP_DOWN (dropdown), expression);
  gtk_drop_down_set_enable_search (GTK_DROP_DOWN (dropdown), TRUE);
  gtk_drop_down_set_selected (GTK_DROP_DOWN (dropdown), sl_meeting_people_find (self->people, member));
  gtk_accessible_update_property (GTK_ACCESSIBLE (dropdown), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Speaker"), -1);
  gtk_widget_set_valign (dropdown, GTK_ALIGN_CENTER);

  gtk_editable_set_text (GTK_EDITABLE (entry), title ? title : "");
  gtk_entry_set_placeholder_text (GTK_ENTRY (entry), _("Title of the speech"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (entry), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Title of the speech"), -1);
  gtk_widget_set_hexpand (entry, TRUE);
  gtk_widget_set_valign (entry, GTK_ALIGN_CENTER);

  gtk_box_append (GTK_BOX (box), number);
  gtk_box_append (GTK_BOX (box), dropdown);
  gtk_box_append (GTK_BOX (box), entry);
  gtk_box_append (GTK_BOX (box), up);
  gtk_box_append (GTK_BOX (box), down);
  gtk_box_append (GTK_BOX (box), remove);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);

  g_object_set_data (G_OBJECT (row), "number", number);
  g_object_set_data (G_OBJECT (row), "dropdown", dropdown);
  g_object_set_data (G_OBJECT (row), "entry", entry);
  g_object_set_data (G_OBJECT (row), "up", up);
  g_object_set_data (G_OBJECT (row), "down", down);

  g_signal_connect_swapped (dropdown, "notify::selected", G_CALLBACK (write_plan), self);
  g_signal_connect_swapped (entry, "changed", G_CALLBACK (write_plan), self);

  return row;
}

static void
clear_rows (SlMeetingSessionPlan *self)
{
  while (self->rows->len > 0)
    {
      GtkWidget *row = g_ptr_array_steal_index (self->rows, self->rows->len - 1);

      gtk_list_box_remove (GTK_LIST_BOX (self->speeches_list), row);
    }
}

static void
rebuild_rows (SlMeetingSessionPlan *self,
              SlSessionPlan        *plan)
{
  guint n = plan != NULL ? sl_session_plan_get_n_speeches (plan) : 0;

  clear_rows (self);
  for (guint i = 0; i < n && self->people != NULL; i++)
    {
      GtkWidget *row = speech_row (self, sl_session_plan_get_speech_member (plan, i),
                                   sl_session_plan_get_speech_title (plan, i));

      g_ptr_array_add (self->rows, row);
      gtk_list_box_append (GTK_LIST_BOX (self->speeches_list), row);
    }
  renumber (self);
}

static void
on_add_clicked (SlMeetingSessionPlan *self)
{
  GtkWidget *row;

  if (self->people == NULL)
    return;
  row = speech_row (self, NULL, NULL);
  g_ptr_array_add (self->rows, row);
  gtk_list_box_append (GTK_LIST_BOX (self->speeches_list), row);
  renumber (self);
  write_plan (self);
  gtk_widget_grab_focus (g_object_get_data (G_OBJECT (row), "dropdown"));
}

/* The meeting ------------------------------------------------------------------ */

static int
meeting_year (SlMeetingSessionPlan *self)
{
  const char *date = self->meeting ? sl_meeting_get_date (self->meeting) : NULL;

  return date != NULL ? (int) g_ascii_strtoll (date, NULL, 10) : 0;
}

static void
on_kind_changed (SlMeetingSessionPlan *self)
{
  gtk_widget_set_visible (GTK_WIDGET (self),
                          self->meeting != NULL &&
                          sl_meeting_get_kind (self->meeting) == SL_MEETING_KIND_CENTRAL_GROUP);
}

static void
on_date_changed (SlMeetingSessionPlan *self)
{
  sl_meeting_fields_set_year (self->approved_on_row, meeting_year (self));
}

void
sl_meeting_session_plan_bind (SlMeetingSessionPlan *self,
                              SlMeeting            *meeting,
                              SlMeetingPeople      *people)
{
  g_return_if_fail (SL_IS_MEETING_SESSION_PLAN (self));
  g_return_if_fail (meeting == NULL || SL_IS_MEETING (meeting));
  g_return_if_fail (meeting == NULL || SL_IS_MEETING_PEOPLE (people));

  if (self->meeting != NULL)
    {
      g_clear_signal_handler (&self->plan_id, self->meeting);
      g_clear_signal_handler (&self->kind_id, self->meeting);
      g_clear_signal_handler (&self->date_id, self->meeting);
      if (self->hours_binding != NULL)
        g_binding_unbind (self->hours_binding);
      g_clear_object (&self->hours_binding);
      sl_meeting_fields_unbind (self->topics_view);
      sl_meeting_fields_unbind (self->approved_by_row);
      sl_meeting_fields_unbind (self->approved_on_row);
      clear_rows (self);
    }
  g_clear_object (&self->meeting);
  g_clear_object (&self->people);

  if (meeting == NULL)
    {
      on_kind_changed (self);
      return;
    }

  self->meeting = g_object_ref (meeting);
  self->people = g_object_ref (people);
  self->plan_id = g_signal_connect_swapped (meeting, "notify::session-plan",
                                            G_CALLBACK (on_plan_changed), self);
  self->kind_id = g_signal_connect_swapped (meeting, "notify::kind", G_CALLBACK (on_kind_changed), self);
  self->date_id = g_signal_connect_swapped (meeting, "notify::date", G_CALLBACK (on_date_changed), self);

  on_plan_changed (self);
  on_kind_changed (self);

  /* The fields are bound after they show the meeting's plan: binding
   * pushes this widget's values into them. */
  sl_meeting_fields_bind_text (self->topics_view, self, "topics");
  sl_meeting_fields_bind_text (self->approved_by_row, self, "approved-by");
  sl_meeting_fields_bind_date (self->approved_on_row, self, "approved-on", meeting_year (self), FALSE);
  /* 学习时长 is the meeting's own hours (as a training's 学时). */
  self->hours_binding = g_object_ref (g_object_bind_property (meeting, "hours", self->hours_spin, "value",
                                                              G_BINDING_BIDIRECTIONAL | G_BINDING_SYNC_CREATE));
}

/* The object ------------------------------------------------------------------- */

static void
sl_meeting_session_plan_get_property (GObject    *object,
                                      guint       prop_id,
                                      GValue     *value,
                                      GParamSpec *pspec)
{
  SlMeetingSessionPlan *self = SL_MEETING_SESSION_PLAN (object);

  switch (prop_id)
    {
    case PROP_TOPICS: g_value_set_string (value, self->topics); break;
    case PROP_APPROVED_BY: g_value_set_string (value, self->approved_by); break;
    case PROP_APPROVED_ON: g_value_set_string (value, self->approved_on); break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sl_meeting_session_plan_set_property (GObject      *object,
                                      guint         prop_id,
                                      const GValue *value,
                                      GParamSpec   *pspec)
{
  SlMeetingSessionPlan *self = SL_MEETING_SESSION_PLAN (object);

  switch (prop_id)
    {
    case PROP_TOPICS: set_string (self, &self->topics, g_value_get_string (value), prop_id); break;
    case PROP_APPROVED_BY:
      set_string (self, &self->approved_by, g_value_get_string (value), prop_id);
      break;
    case PROP_APPROVED_ON:
      set_string (self, &self->approved_on, g_value_get_string (value), prop_id);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sl_meeting_session_plan_dispose (GObject *object)
{
  SlMeetingSessionPlan *self = SL_MEETING_SESSION_PLAN (object);

  sl_meeting_session_plan_bind (self, NULL, NULL);
  adw_bin_set_child (ADW_BIN (self), NULL);

  G_OBJECT_CLASS (sl_meeting_session_plan_parent_class)->dispose (object);
}

static void
sl_meeting_session_plan_finalize (GObject *object)
{
  SlMeetingSessionPlan *self = SL_MEETING_SESSION_PLAN (object);

  g_clear_pointer (&self->rows, g_ptr_array_unref);
  g_free (self->topics);
  g_free (self->approved_by);
  g_free (self->approved_on);

  G_OBJECT_CLASS (sl_meeting_session_plan_parent_class)->finalize (object);
}

static void
sl_meeting_session_plan_class_init (SlMeetingSessionPlanClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  const GParamFlags flags = G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  object_class->get_property = sl_meeting_session_plan_get_property;
  object_class->set_property = sl_meeting_session_plan_set_property;
  object_class->dispose = sl_meeting_session_plan_dispose;
  object_class->finalize = sl_meeting_session_plan_finalize;

  properties[PROP_TOPICS] = g_param_spec_string ("topics", NULL, NULL, NULL, flags);
  properties[PROP_APPROVED_BY] = g_param_spec_string ("approved-by", NULL, NULL, NULL, flags);
  properties[PROP_APPROVED_ON] = g_param_spec_string ("approved-on", NULL, NULL, NULL, flags);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

/* A caption that names @widget (its accessible label). The editor's
 * letters are taken (Alt+D, O, H...), so it has no mnemonic of its own. */
static GtkWidget *
caption (const char *text,
         GtkWidget  *widget)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_accessible_update_relation (GTK_ACCESSIBLE (widget), GTK_ACCESSIBLE_RELATION_LABELLED_BY, label, NULL, -1);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_widget_add_css_class (label, "dim-label");
  gtk_widget_add_css_class (label, "caption-heading");
  return label;
}

static void
sl_meeting_session_plan_init (SlMeetingSessionPlan *self)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 24);
  GtkWidget *group = adw_preferences_group_new ();
  GtkWidget *speeches = adw_preferences_group_new ();
  GtkWidget *topics = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  GtkWidget *rows = gtk_list_box_new ();
  GtkWidget *hours_row = adw_action_row_new ();
  GtkWidget *add = gtk_button_new ();
  GtkWidget *add_content = adw_button_content_new ();

  self->rows = g_ptr_array_new ();
  gtk_widget_set_name (GTK_WIDGET (self), "sl-session-plan");

  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group), _("Session Plan"));
  adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (group),
                                         _("Drawn up and approved before the session."));

  /* 研讨题目: one a line. */
  self->topics_view = gtk_text_view_new ();
  gtk_widget_set_name (self->topics_view, "sl-session-plan-topics");
  gtk_text_view_set_wrap_mode (GTK_TEXT_VIEW (self->topics_view), GTK_WRAP_WORD_CHAR);
  gtk_text_view_set_accepts_tab (GTK_TEXT_VIEW (self->topics_view), FALSE);
  gtk_widget_set_size_request (self->topics_view, -1, 60);
  gtk_widget_add_css_class (self->topics_view, "sl-text-field");
  gtk_widget_add_css_class (self->topics_view, "card");
  gtk_box_append (GTK_BOX (topics), caption (_("Discussion Topics (one a line)"), self->topics_view));
  gtk_box_append (GTK_BOX (topics), self->topics_view);
  gtk_widget_set_margin_bottom (topics, 12);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), topics);

  gtk_list_box_set_selection_mode (GTK_LIST_BOX (rows), GTK_SELECTION_NONE);
  gtk_widget_add_css_class (rows, "boxed-list");

  self->hours_spin = gtk_spin_button_new_with_range (0, 1000, 0.5);
  gtk_widget_set_name (self->hours_spin, "sl-session-plan-hours");
  gtk_spin_button_set_digits (GTK_SPIN_BUTTON (self->hours_spin), 1);
  gtk_widget_set_valign (self->hours_spin, GTK_ALIGN_CENTER);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (hours_row), _("Study Hours"));
  adw_action_row_set_subtitle (ADW_ACTION_ROW (hours_row), _("0 takes the length from the times"));
  adw_action_row_add_suffix (ADW_ACTION_ROW (hours_row), self->hours_spin);
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (hours_row), self->hours_spin);
  gtk_list_box_append (GTK_LIST_BOX (rows), hours_row);

  self->approved_by_row = adw_entry_row_new ();
  gtk_widget_set_name (self->approved_by_row, "sl-session-plan-approved-by");
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->approved_by_row), _("Approved _By"));
  adw_preferences_row_set_use_underline (ADW_PREFERENCES_ROW (self->approved_by_row), TRUE);
  gtk_list_box_append (GTK_LIST_BOX (rows), self->approved_by_row);

  self->approved_on_row = adw_entry_row_new ();
  gtk_widget_set_name (self->approved_on_row, "sl-session-plan-approved-on");
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->approved_on_row), _("Approved On"));
  gtk_list_box_append (GTK_LIST_BOX (rows), self->approved_on_row);
  sl_meeting_fields_enter_moves_on (self->approved_by_row, NULL, NULL);
  sl_meeting_fields_enter_moves_on (self->approved_on_row, NULL, NULL);

  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), rows);

  /* 重点发言, in speaking order. */
  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (speeches), _("Key Speeches"));
  adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (speeches),
                                         _("In the planned order; the speeches of the session start from them."));
  adw_button_content_set_icon_name (ADW_BUTTON_CONTENT (add_content), "list-add-symbolic");
  adw_button_content_set_label (ADW_BUTTON_CONTENT (add_content), _("Add Key Speech"));
  gtk_button_set_child (GTK_BUTTON (add), add_content);
  gtk_widget_set_name (add, "sl-session-plan-add-speech");
  gtk_widget_add_css_class (add, "flat");
  gtk_widget_set_valign (add, GTK_ALIGN_CENTER);
  g_signal_connect_swapped (add, "clicked", G_CALLBACK (on_add_clicked), self);
  adw_preferences_group_set_header_suffix (ADW_PREFERENCES_GROUP (speeches), add);

  self->speeches_list = gtk_list_box_new ();
  gtk_widget_set_name (self->speeches_list, "sl-session-plan-speeches");
  gtk_list_box_set_selection_mode (GTK_LIST_BOX (self->speeches_list), GTK_SELECTION_NONE);
  gtk_widget_add_css_class (self->speeches_list, "boxed-list");
  {
    GtkWidget *none = gtk_label_new (_("No key speeches planned"));

    gtk_widget_add_css_class (none, "dim-label");
    gtk_widget_set_margin_top (none, 12);
    gtk_widget_set_margin_bottom (none, 12);
    gtk_list_box_set_placeholder (GTK_LIST_BOX (self->speeches_list), none);
  }
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (speeches), self->speeches_list);

  gtk_box_append (GTK_BOX (box), group);
  gtk_box_append (GTK_BOX (box), speeches);
  adw_bin_set_child (ADW_BIN (self), box);
  gtk_widget_set_visible (GTK_WIDGET (self), FALSE);
}

GtkWidget *
sl_meeting_session_plan_new (void)
{
  return g_object_new (SL_TYPE_MEETING_SESSION_PLAN, NULL);
}
