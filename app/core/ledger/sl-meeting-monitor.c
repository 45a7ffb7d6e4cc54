/* sl-meeting-monitor.c — live head counts of a meeting, and a signal for any change in it
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A meeting is a record with five child lists whose rows are objects of
 * their own: a change deep inside it (a member put on leave, a study's
 * first-topic flag) notifies only that row. The monitor watches the
 * meeting, its lists and their rows, keeps the head counts and the
 * first-topic mark as properties that views can bind to, and emits
 * ::changed once for every change anywhere in the meeting, which is what
 * an editor that saves as the user types needs.
 *
 * Rows are watched again from scratch whenever their list changes: lists
 * are short (a roster of a few dozen people), so this costs nothing and
 * leaves no handler on a row that was removed.
 */

#define G_LOG_DOMAIN "sl-meeting-monitor"

#include "config.h"

#include "sl-attendance.h"
#include "sl-meeting.h"
#include "sl-meeting-monitor.h"
#include "sl-study.h"

typedef struct
{
  GListModel *list;      /* borrowed from the meeting, which we hold */
  gulong      items_changed_id;
  GPtrArray  *rows;      /* the rows we connected to, owned */
  GArray     *handlers;  /* gulong per row */
} Watch;

enum {
  WATCH_STUDIES,
  WATCH_ATTENDANCE,
  WATCH_GUESTS,
  WATCH_SPEECHES,
  WATCH_MEASURES,
  N_WATCHES
};

struct _SlMeetingMonitor
{
  GObject    parent_instance;

  /* owned references */
  SlMeeting *meeting;
  gulong     notify_id;
  Watch      watches[N_WATCHES];

  guint      expected;
  guint      present;
  guint      leave;
  guint      absent;
  guint      first_topic : 1;
};

G_DEFINE_FINAL_TYPE (SlMeetingMonitor, sl_meeting_monitor, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_MEETING,
  PROP_EXPECTED,
  PROP_PRESENT,
  PROP_LEAVE,
  PROP_ABSENT,
  PROP_FIRST_TOPIC,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

enum {
  CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

gboolean
sl_meeting_has_first_topic (SlMeeting *meeting)
{
  GListModel *studies;

  g_return_val_if_fail (SL_IS_MEETING (meeting), FALSE);

  studies = sl_meeting_get_studies (meeting);
  for (guint i = 0; i < g_list_model_get_n_items (studies); i++)
    {
      g_autoptr(SlStudy) study = g_list_model_get_item (studies, i);

      if (sl_study_get_first_topic (study))
        return TRUE;
    }

  return FALSE;
}

static void
set_count (SlMeetingMonitor *self,
           guint            *field,
           guint             value,
           guint             prop)
{
  if (*field != value)
    {
      *field = value;
      g_object_notify_by_pspec (G_OBJECT (self), properties[prop]);
    }
}

static void
recount (SlMeetingMonitor *self)
{
  guint expected, present, leave, absent;
  gboolean first_topic;

  sl_meeting_count_attendance (self->meeting, &expected, &present, &leave, &absent);
  first_topic = sl_meeting_has_first_topic (self->meeting);

  g_object_freeze_notify (G_OBJECT (self));
  set_count (self, &self->expected, expected, PROP_EXPECTED);
  set_count (self, &self->present, present, PROP_PRESENT);
  set_count (self, &self->leave, leave, PROP_LEAVE);
  set_count (self, &self->absent, absent, PROP_ABSENT);
  if (self->first_topic != first_topic)
    {
      self->first_topic = first_topic;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FIRST_TOPIC]);
    }
  g_object_thaw_notify (G_OBJECT (self));
}

static void
on_row_notify (SlMeetingMonitor *self)
{
  recount (self);
  g_signal_emit (self, signals[CHANGED], 0);
}

static void
unwatch_rows (Watch *watch)
{
  for (guint i = 0; i < watch->rows->len; i++)
    g_signal_handler_disconnect (g_ptr_array_index (watch->rows, i),
                                 g_array_index (watch->handlers, gulong, i));
  g_ptr_array_set_size (watch->rows, 0);
  g_array_set_size (watch->handlers, 0);
}

static void
watch_rows (SlMeetingMonitor *self,
            Watch            *watch)
{
  guint n = g_list_model_get_n_items (watch->list);

  unwatch_rows (watch);
  for (guint i = 0; i < n; i++)
    {
      GObject *row = g_list_model_get_item (watch->list, i);
      gulong id = g_signal_connect_swapped (row, "notify", G_CALLBACK (on_row_notify), self);

      g_ptr_array_add (watch->rows, row);
      g_array_append_val (watch->handlers, id);
    }
}

static void
on_items_changed (SlMeetingMonitor *self,
                  guint             position,
                  guint             removed,
                  guint             added,
                  GListModel       *list)
{
  for (guint i = 0; i < N_WATCHES; i++)
    if (self->watches[i].list == list)
      watch_rows (self, &self->watches[i]);

  recount (self);
  g_signal_emit (self, signals[CHANGED], 0);
}

static void
on_meeting_notify (SlMeetingMonitor *self)
{
  g_signal_emit (self, signals[CHANGED], 0);
}

static void
sl_meeting_monitor_constructed (GObject *object)
{
  SlMeetingMonitor *self = SL_MEETING_MONITOR (object);
  GListModel *lists[N_WATCHES];

  G_OBJECT_CLASS (sl_meeting_monitor_parent_class)->constructed (object);

  g_return_if_fail (SL_IS_MEETING (self->meeting));

  lists[WATCH_STUDIES] = sl_meeting_get_studies (self->meeting);
  lists[WATCH_ATTENDANCE] = sl_meeting_get_attendance (self->meeting);
  lists[WATCH_GUESTS] = sl_meeting_get_guests (self->meeting);
  lists[WATCH_SPEECHES] = sl_meeting_get_speeches (self->meeting);
  lists[WATCH_MEASURES] = sl_meeting_get_measures (self->meeting);

  self->notify_id = g_signal_connect_swapped (self->meeting, "notify",
                                              G_CALLBACK (on_meeting_notify), self);

  for (guint i = 0; i < N_WATCHES; i++)
    {
      Watch *watch = &self->watches[i];

      watch->list = lists[i];
      watch->rows = g_ptr_array_new_with_free_func (g_object_unref);
      watch->handlers = g_array_new (FALSE, FALSE, sizeof (gulong));
      watch->items_changed_id = g_signal_connect_swapped (watch->list, "items-changed",
                                                          G_CALLBACK (on_items_changed), self);
      watch_rows (self, watch);
    }

  sl_meeting_count_attendance (self->meeting, &self->expected, &self->present,
                               &self->leave, &self->absent);
  self->first_topic = sl_meeting_has_first_topic (self->meeting);
}

static void
sl_meeting_monitor_dispose (GObject *object)
{
  SlMeetingMonitor *self = SL_MEETING_MONITOR (object);

  for (guint i = 0; i < N_WATCHES; i++)
    {
      Watch *watch = &self->watches[i];

      if (watch->rows != NULL)
        unwatch_rows (watch);
      if (watch->list != NULL)
        g_clear_signal_handler (&watch->items_changed_id, watch->list);
      watch->list = NULL;
      g_clear_pointer (&watch->rows, g_ptr_array_unref);
      g_clear_pointer (&watch->handlers, g_array_unref);
    }

  if (self->meeting != NULL)
    g_clear_signal_handler (&self->notify_id, self->meeting);
  g_clear_object (&self->meeting);

  G_OBJECT_CLASS (sl_meeting_monitor_parent_class)->dispose (object);
}

static void
sl_meeting_monitor_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  SlMeetingMonitor *self = SL_MEETING_MONITOR (object);

  switch (prop_id)
    {
    case PROP_MEETING:     g_value_set_object (value, self->meeting); break;
    case PROP_EXPECTED:    g_value_set_uint (value, self->expected); break;
    case PROP_PRESENT:     g_value_set_uint (value, self->present); break;
    case PROP_LEAVE:       g_value_set_uint (value, self->leave); break;
    case PROP_ABSENT:      g_value_set_uint (value, self->absent); break;
    case PROP_FIRST_TOPIC: g_value_set_boolean (value, self->first_topic); break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sl_meeting_monitor_set_property (GObject      *object,
                                 guint         prop_id,
                                 const GValue *value,
                                 GParamSpec   *pspec)
{
  SlMeetingMonitor *self = SL_MEETING_MONITOR (object);

  switch (prop_id)
    {
    case PROP_MEETING:
      /* Construct-only: set once, so there is nobody to notify. */
      self->meeting = g_value_dup_object (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sl_meeting_monitor_class_init (SlMeetingMonitorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  const GParamFlags read_only = G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  object_class->constructed = sl_meeting_monitor_constructed;
  object_class->dispose = sl_meeting_monitor_dispose;
  object_class->get_property = sl_meeting_monitor_get_property;
  object_class->set_property = sl_meeting_monitor_set_property;

  properties[PROP_MEETING] =
    g_param_spec_object ("meeting", NULL, NULL, SL_TYPE_MEETING,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_EXPECTED] = g_param_spec_uint ("expected", NULL, NULL, 0, G_MAXUINT, 0, read_only);
  properties[PROP_PRESENT] = g_param_spec_uint ("present", NULL, NULL, 0, G_MAXUINT, 0, read_only);
  properties[PROP_LEAVE] = g_param_spec_uint ("leave", NULL, NULL, 0, G_MAXUINT, 0, read_only);
  properties[PROP_ABSENT] = g_param_spec_uint ("absent", NULL, NULL, 0, G_MAXUINT, 0, read_only);
  properties[PROP_FIRST_TOPIC] = g_param_spec_boolean ("first-topic", NULL, NULL, FALSE, read_only);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * SlMeetingMonitor::changed:
   *
   * Something in the meeting changed: one of its fields, a list, or a row
   * of a list.
   */
  signals[CHANGED] =
    g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);
}

static void
sl_meeting_monitor_init (SlMeetingMonitor *self)
{
}

SlMeetingMonitor *
sl_meeting_monitor_new (SlMeeting *meeting)
{
  g_return_val_if_fail (SL_IS_MEETING (meeting), NULL);

  return g_object_new (SL_TYPE_MEETING_MONITOR, "meeting", meeting, NULL);
}

SlMeeting *
sl_meeting_monitor_get_meeting (SlMeetingMonitor *self)
{
  g_return_val_if_fail (SL_IS_MEETING_MONITOR (self), NULL);
  return self->meeting;
}

guint
sl_meeting_monitor_get_expected (SlMeetingMonitor *self)
{
  g_return_val_if_fail (SL_IS_MEETING_MONITOR (self), 0);
  return self->expected;
}

guint
sl_meeting_monitor_get_present (SlMeetingMonitor *self)
{
  g_return_val_if_fail (SL_IS_MEETING_MONITOR (self), 0);
  return self->present;
}

guint
sl_meeting_monitor_get_leave (SlMeetingMonitor *self)
{
  g_return_val_if_fail (SL_IS_MEETING_MONITOR (self), 0);
  return self->leave;
}

guint
sl_meeting_monitor_get_absent (SlMeetingMonitor *self)
{
  g_return_val_if_fail (SL_IS_MEETING_MONITOR (self), 0);
  return self->absent;
}

gboolean
sl_meeting_monitor_get_first_topic (SlMeetingMonitor *self)
{
  g_return_val_if_fail (SL_IS_MEETING_MONITOR (self), FALSE);
  return self->first_topic;
}
