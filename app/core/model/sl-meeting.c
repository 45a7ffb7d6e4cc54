/* sl-meeting.c — one meeting, study session or lecture and what happened at it
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * date is "YYYY-MM-DD", start and end "HH:MM"; chair, recorder and
 * plan-item hold ids. sequence is the N of “2023年第N次”, 0 when the
 * meeting is not numbered.
 *
 * The five child lists belong to the meeting and are handed out as their
 * GListStores, like SlPlan's items. attendance holds one row per member
 * expected at the meeting, so its length is the expected head count.
 */

#define G_LOG_DOMAIN "sl-meeting"

#include "config.h"

#include "sl-meeting.h"
#include "sl-session-plan.h"
#include "sl-attendance.h"
#include "sl-guest.h"
#include "sl-measure.h"
#include "sl-speech.h"
#include "sl-study.h"
#include "sl-util.h"

struct _SlMeeting
{
  SlRecord       parent_instance;

  /* owned */
  char          *organization;
  char          *title;
  char          *date;
  char          *start;
  char          *end;
  char          *place;
  char          *chair;
  char          *recorder;
  char          *theme;
  char          *plan_item;
  char          *chair_summary;
  char          *decisions;
  char          *note;
  GListStore    *studies;
  GListStore    *attendance;
  GListStore    *guests;
  GListStore    *speeches;
  GListStore    *measures;
  int            sequence;
  SlMeetingKind  kind;
  SlStudyForm    form;
  guint          expanded : 1;

  /* archive version 2 */
  SlSessionPlan *session_plan;   /* or NULL */
  gboolean on_ideology;
  double hours;
  int batch;
};

G_DEFINE_FINAL_TYPE (SlMeeting, sl_meeting, SL_TYPE_RECORD)

enum {
  PROP_0,
  PROP_ORGANIZATION,
  PROP_KIND,
  PROP_SEQUENCE,
  PROP_TITLE,
  PROP_DATE,
  PROP_START,
  PROP_END,
  PROP_PLACE,
  PROP_CHAIR,
  PROP_RECORDER,
  PROP_FORM,
  PROP_THEME,
  PROP_EXPANDED,
  PROP_PLAN_ITEM,
  PROP_STUDIES,
  PROP_ATTENDANCE,
  PROP_GUESTS,
  PROP_SPEECHES,
  PROP_CHAIR_SUMMARY,
  PROP_DECISIONS,
  PROP_MEASURES,
  PROP_NOTE,
  PROP_ON_IDEOLOGY,
  PROP_HOURS,
  PROP_BATCH,
  PROP_SESSION_PLAN,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

#define DEFINE_STRING_PROPERTY(field, PROP)                         \
  const char *                                                      \
  sl_meeting_get_##field (SlMeeting *self)                          \
  {                                                                 \
    g_return_val_if_fail (SL_IS_MEETING (self), NULL);              \
    return self->field;                                             \
  }                                                                 \
  void                                                              \
  sl_meeting_set_##field (SlMeeting  *self,                         \
                          const char *field)                        \
  {                                                                 \
    g_return_if_fail (SL_IS_MEETING (self));                        \
    if (sl_set_str (&self->field, field))                           \
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP]); \
  }

DEFINE_STRING_PROPERTY (organization, PROP_ORGANIZATION)
DEFINE_STRING_PROPERTY (title, PROP_TITLE)
DEFINE_STRING_PROPERTY (date, PROP_DATE)
DEFINE_STRING_PROPERTY (start, PROP_START)
DEFINE_STRING_PROPERTY (end, PROP_END)
DEFINE_STRING_PROPERTY (place, PROP_PLACE)
DEFINE_STRING_PROPERTY (chair, PROP_CHAIR)
DEFINE_STRING_PROPERTY (recorder, PROP_RECORDER)
DEFINE_STRING_PROPERTY (theme, PROP_THEME)
DEFINE_STRING_PROPERTY (plan_item, PROP_PLAN_ITEM)
DEFINE_STRING_PROPERTY (chair_summary, PROP_CHAIR_SUMMARY)
DEFINE_STRING_PROPERTY (decisions, PROP_DECISIONS)
DEFINE_STRING_PROPERTY (note, PROP_NOTE)

#undef DEFINE_STRING_PROPERTY

SlMeetingKind
sl_meeting_get_kind (SlMeeting *self)
{
  g_return_val_if_fail (SL_IS_MEETING (self), SL_MEETING_KIND_NONE);
  return self->kind;
}

void
sl_meeting_set_kind (SlMeeting    *self,
                     SlMeetingKind kind)
{
  g_return_if_fail (SL_IS_MEETING (self));
  g_return_if_fail ((guint) kind <= SL_MEETING_KIND_OTHER);

  if (self->kind != kind)
    {
      self->kind = kind;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_KIND]);
    }
}

int
sl_meeting_get_sequence (SlMeeting *self)
{
  g_return_val_if_fail (SL_IS_MEETING (self), 0);
  return self->sequence;
}

void
sl_meeting_set_sequence (SlMeeting *self,
                         int        sequence)
{
  g_return_if_fail (SL_IS_MEETING (self));
  g_return_if_fail (sequence >= 0);

  if (self->sequence != sequence)
    {
      self->sequence = sequence;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SEQUENCE]);
    }
}

SlStudyForm
sl_meeting_get_form (SlMeeting *self)
{
  g_return_val_if_fail (SL_IS_MEETING (self), SL_STUDY_FORM_NONE);
  return self->form;
}

void
sl_meeting_set_form (SlMeeting  *self,
                     SlStudyForm form)
{
  g_return_if_fail (SL_IS_MEETING (self));
  g_return_if_fail ((guint) form <= SL_STUDY_FORM_OTHER);

  if (self->form != form)
    {
      self->form = form;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FORM]);
    }
}

gboolean
sl_meeting_get_expanded (SlMeeting *self)
{
  g_return_val_if_fail (SL_IS_MEETING (self), FALSE);
  return self->expanded;
}

void
sl_meeting_set_expanded (SlMeeting *self,
                         gboolean   expanded)
{
  g_return_if_fail (SL_IS_MEETING (self));

  expanded = !!expanded;
  if (self->expanded != expanded)
    {
      self->expanded = expanded;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_EXPANDED]);
    }
}

GListModel *
sl_meeting_get_studies (SlMeeting *self)
{
  g_return_val_if_fail (SL_IS_MEETING (self), NULL);
  return G_LIST_MODEL (self->studies);
}

GListModel *
sl_meeting_get_attendance (SlMeeting *self)
{
  g_return_val_if_fail (SL_IS_MEETING (self), NULL);
  return G_LIST_MODEL (self->attendance);
}

GListModel *
sl_meeting_get_guests (SlMeeting *self)
{
  g_return_val_if_fail (SL_IS_MEETING (self), NULL);
  return G_LIST_MODEL (self->guests);
}

GListModel *
sl_meeting_get_speeches (SlMeeting *self)
{
  g_return_val_if_fail (SL_IS_MEETING (self), NULL);
  return G_LIST_MODEL (self->speeches);
}

GListModel *
sl_meeting_get_measures (SlMeeting *self)
{
  g_return_val_if_fail (SL_IS_MEETING (self), NULL);
  return G_LIST_MODEL (self->measures);
}

/* The year the meeting counts towards, or 0 while it has no valid date. */
int
sl_meeting_get_year (SlMeeting *self)
{
  g_return_val_if_fail (SL_IS_MEETING (self), 0);

  return sl_date_get_year (self->date);
}

/* A row whose status is still NONE counts as expected but in none of the
 * three columns, so present + leave + absent can fall short of expected
 * while the attendance is being filled in.
 */
void
sl_meeting_count_attendance (SlMeeting *self,
                             guint     *expected,
                             guint     *present,
                             guint     *leave,
                             guint     *absent)
{
  GListModel *rows;
  guint n_rows, n_present = 0, n_leave = 0, n_absent = 0;

  g_return_if_fail (SL_IS_MEETING (self));

  rows = G_LIST_MODEL (self->attendance);
  n_rows = g_list_model_get_n_items (rows);

  for (guint i = 0; i < n_rows; i++)
    {
      g_autoptr(SlAttendance) row = g_list_model_get_item (rows, i);
      SlAttendanceStatus status = sl_attendance_get_status (row);

      if (status == SL_ATTENDANCE_STATUS_PRESENT)
        n_present++;
      else if (status == SL_ATTENDANCE_STATUS_LEAVE)
        n_leave++;
      else if (status == SL_ATTENDANCE_STATUS_ABSENT)
        n_absent++;
    }

  if (expected != NULL)
    *expected = n_rows;
  if (present != NULL)
    *present = n_present;
  if (leave != NULL)
    *leave = n_leave;
  if (absent != NULL)
    *absent = n_absent;
}

static void
sl_meeting_dispose (GObject *object)
{
  SlMeeting *self = SL_MEETING (object);

  g_clear_object (&self->studies);
  g_clear_object (&self->attendance);
  g_clear_object (&self->guests);
  g_clear_object (&self->speeches);
  g_clear_object (&self->measures);

  G_OBJECT_CLASS (sl_meeting_parent_class)->dispose (object);
}

static void
sl_meeting_finalize (GObject *object)
{
  SlMeeting *self = SL_MEETING (object);

  g_clear_pointer (&self->organization, g_free);
  g_clear_pointer (&self->title, g_free);
  g_clear_pointer (&self->date, g_free);
  g_clear_pointer (&self->start, g_free);
  g_clear_pointer (&self->end, g_free);
  g_clear_pointer (&self->place, g_free);
  g_clear_pointer (&self->chair, g_free);
  g_clear_pointer (&self->recorder, g_free);
  g_clear_pointer (&self->theme, g_free);
  g_clear_pointer (&self->plan_item, g_free);
  g_clear_pointer (&self->chair_summary, g_free);
  g_clear_pointer (&self->decisions, g_free);
  g_clear_pointer (&self->note, g_free);

  g_clear_object (&self->session_plan);
  G_OBJECT_CLASS (sl_meeting_parent_class)->finalize (object);
}

static void
sl_meeting_get_property (GObject    *object,
                         guint       prop_id,
                         GValue     *value,
                         GParamSpec *pspec)
{
  SlMeeting *self = SL_MEETING (object);

  switch (prop_id)
    {
    case PROP_ORGANIZATION:  g_value_set_string (value, self->organization); break;
    case PROP_KIND:          g_value_set_enum (value, self->kind); break;
    case PROP_SEQUENCE:      g_value_set_int (value, self->sequence); break;
    case PROP_TITLE:         g_value_set_string (value, self->title); break;
    case PROP_DATE:          g_value_set_string (value, self->date); break;
    case PROP_START:         g_value_set_string (value, self->start); break;
    case PROP_END:           g_value_set_string (value, self->end); break;
    case PROP_PLACE:         g_value_set_string (value, self->place); break;
    case PROP_CHAIR:         g_value_set_string (value, self->chair); break;
    case PROP_RECORDER:      g_value_set_string (value, self->recorder); break;
    case PROP_FORM:          g_value_set_enum (value, self->form); break;
    case PROP_THEME:         g_value_set_string (value, self->theme); break;
    case PROP_EXPANDED:      g_value_set_boolean (value, self->expanded); break;
    case PROP_PLAN_ITEM:     g_value_set_string (value, self->plan_item); break;
    case PROP_STUDIES:       g_value_set_object (value, self->studies); break;
    case PROP_ATTENDANCE:    g_value_set_object (value, self->attendance); break;
    case PROP_GUESTS:        g_value_set_object (value, self->guests); break;
    case PROP_SPEECHES:      g_value_set_object (value, self->speeches); break;
    case PROP_CHAIR_SUMMARY: g_value_set_string (value, self->chair_summary); break;
    case PROP_DECISIONS:     g_value_set_string (value, self->decisions); break;
    case PROP_MEASURES:      g_value_set_object (value, self->measures); break;
    case PROP_NOTE:          g_value_set_string (value, self->note); break;
    case PROP_ON_IDEOLOGY: g_value_set_boolean (value, self->on_ideology); break;
    case PROP_HOURS: g_value_set_double (value, self->hours); break;
    case PROP_BATCH: g_value_set_int (value, self->batch); break;
    case PROP_SESSION_PLAN: g_value_set_object (value, self->session_plan); break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sl_meeting_set_property (GObject      *object,
                         guint         prop_id,
                         const GValue *value,
                         GParamSpec   *pspec)
{
  SlMeeting *self = SL_MEETING (object);

  switch (prop_id)
    {
    case PROP_ORGANIZATION:  sl_meeting_set_organization (self, g_value_get_string (value)); break;
    case PROP_KIND:          sl_meeting_set_kind (self, g_value_get_enum (value)); break;
    case PROP_SEQUENCE:      sl_meeting_set_sequence (self, g_value_get_int (value)); break;
    case PROP_TITLE:         sl_meeting_set_title (self, g_value_get_string (value)); break;
    case PROP_DATE:          sl_meeting_set_date (self, g_value_get_string (value)); break;
    case PROP_START:         sl_meeting_set_start (self, g_value_get_string (value)); break;
    case PROP_END:           sl_meeting_set_end (self, g_value_get_string (value)); break;
    case PROP_PLACE:         sl_meeting_set_place (self, g_value_get_string (value)); break;
    case PROP_CHAIR:         sl_meeting_set_chair (self, g_value_get_string (value)); break;
    case PROP_RECORDER:      sl_meeting_set_recorder (self, g_value_get_string (value)); break;
    case PROP_FORM:          sl_meeting_set_form (self, g_value_get_enum (value)); break;
    case PROP_THEME:         sl_meeting_set_theme (self, g_value_get_string (value)); break;
    case PROP_EXPANDED:      sl_meeting_set_expanded (self, g_value_get_boolean (value)); break;
    case PROP_PLAN_ITEM:     sl_meeting_set_plan_item (self, g_value_get_string (value)); break;
    case PROP_CHAIR_SUMMARY: sl_meeting_set_chair_summary (self, g_value_get_string (value)); break;
    case PROP_DECISIONS:     sl_meeting_set_decisions (self, g_value_get_string (value)); break;
    case PROP_NOTE:          sl_meeting_set_note (self, g_value_get_string (value)); break;
    case PROP_ON_IDEOLOGY: sl_meeting_set_on_ideology (self, g_value_get_boolean (value)); break;
    case PROP_HOURS: sl_meeting_set_hours (self, g_value_get_double (value)); break;
    case PROP_BATCH: sl_meeting_set_batch (self, g_value_get_int (value)); break;
    case PROP_SESSION_PLAN: sl_meeting_set_session_plan (self, g_value_get_object (value)); break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sl_meeting_class_init (SlMeetingClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  const GParamFlags flags = (G_PARAM_READWRITE |
                             G_PARAM_EXPLICIT_NOTIFY |
                             G_PARAM_STATIC_STRINGS);
  const GParamFlags read_only = (G_PARAM_READABLE |
                                 G_PARAM_EXPLICIT_NOTIFY |
                                 G_PARAM_STATIC_STRINGS);

  object_class->dispose = sl_meeting_dispose;
  object_class->finalize = sl_meeting_finalize;
  object_class->get_property = sl_meeting_get_property;
  object_class->set_property = sl_meeting_set_property;

  properties[PROP_ORGANIZATION] = g_param_spec_string ("organization", NULL, NULL, NULL, flags);
  properties[PROP_KIND] =
    g_param_spec_enum ("kind", NULL, NULL, SL_TYPE_MEETING_KIND, SL_MEETING_KIND_NONE, flags);
  properties[PROP_SEQUENCE] = g_param_spec_int ("sequence", NULL, NULL, 0, G_MAXINT, 0, flags);
  properties[PROP_TITLE] = g_param_spec_string ("title", NULL, NULL, NULL, flags);
  properties[PROP_DATE] = g_param_spec_string ("date", NULL, NULL, NULL, flags);
  properties[PROP_START] = g_param_spec_string ("start", NULL, NULL, NULL, flags);
  properties[PROP_END] = g_param_spec_string ("end", NULL, NULL, NULL, flags);
  properties[PROP_PLACE] = g_param_spec_string ("place", NULL, NULL, NULL, flags);
  properties[PROP_CHAIR] = g_param_spec_string ("chair", NULL, NULL, NULL, flags);
  properties[PROP_RECORDER] = g_param_spec_string ("recorder", NULL, NULL, NULL, flags);
  properties[PROP_FORM] =
    g_param_spec_enum ("form", NULL, NULL, SL_TYPE_STUDY_FORM, SL_STUDY_FORM_NONE, flags);
  properties[PROP_THEME] = g_param_spec_string ("theme", NULL, NULL, NULL, flags);
  properties[PROP_EXPANDED] = g_param_spec_boolean ("expanded", NULL, NULL, FALSE, flags);
  properties[PROP_PLAN_ITEM] = g_param_spec_string ("plan-item", NULL, NULL, NULL, flags);
  properties[PROP_STUDIES] =
    g_param_spec_object ("studies", NULL, NULL, G_TYPE_LIST_MODEL, read_only);
  properties[PROP_ATTENDANCE] =
    g_param_spec_object ("attendance", NULL, NULL, G_TYPE_LIST_MODEL, read_only);
  properties[PROP_GUESTS] =
    g_param_spec_object ("guests", NULL, NULL, G_TYPE_LIST_MODEL, read_only);
  properties[PROP_SPEECHES] =
    g_param_spec_object ("speeches", NULL, NULL, G_TYPE_LIST_MODEL, read_only);
  properties[PROP_CHAIR_SUMMARY] = g_param_spec_string ("chair-summary", NULL, NULL, NULL, flags);
  properties[PROP_DECISIONS] = g_param_spec_string ("decisions", NULL, NULL, NULL, flags);
  properties[PROP_MEASURES] =
    g_param_spec_object ("measures", NULL, NULL, G_TYPE_LIST_MODEL, read_only);
  properties[PROP_NOTE] = g_param_spec_string ("note", NULL, NULL, NULL, flags);

  properties[PROP_ON_IDEOLOGY] = g_param_spec_boolean ("on-ideology", NULL, NULL, FALSE, flags);
  properties[PROP_HOURS] = g_param_spec_double ("hours", NULL, NULL, 0.0, G_MAXDOUBLE, 0.0, flags);
  properties[PROP_BATCH] = g_param_spec_int ("batch", NULL, NULL, 0, G_MAXINT, 0, flags);
  /* An object, so sl_ledger_sync_record() leaves it to
   * sl_ledger_sync_meeting(); its notify makes an edit of the plan a change
   * of the meeting (SlMeetingMonitor::changed, the editor's save). A plan
   * is replaced, never changed in place. */
  properties[PROP_SESSION_PLAN] =
    g_param_spec_object ("session-plan", NULL, NULL, SL_TYPE_SESSION_PLAN, flags);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
sl_meeting_init (SlMeeting *self)
{
  self->studies = g_list_store_new (SL_TYPE_STUDY);
  self->attendance = g_list_store_new (SL_TYPE_ATTENDANCE);
  self->guests = g_list_store_new (SL_TYPE_GUEST);
  self->speeches = g_list_store_new (SL_TYPE_SPEECH);
  self->measures = g_list_store_new (SL_TYPE_MEASURE);
}

SlMeeting *
sl_meeting_new (void)
{
  return g_object_new (SL_TYPE_MEETING, NULL);
}

/* Archive version 2 ---------------------------------------------------------- */

gboolean
sl_meeting_get_on_ideology (SlMeeting *self)
{
  g_return_val_if_fail (SL_IS_MEETING (self), 0);
  return self->on_ideology;
}

void
sl_meeting_set_on_ideology (SlMeeting *self,
                gboolean on_ideology)
{
  g_return_if_fail (SL_IS_MEETING (self));

  if (self->on_ideology != !!on_ideology)
    {
      self->on_ideology = !!on_ideology;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ON_IDEOLOGY]);
    }
}

double
sl_meeting_get_hours (SlMeeting *self)
{
  g_return_val_if_fail (SL_IS_MEETING (self), 0);
  return self->hours;
}

void
sl_meeting_set_hours (SlMeeting *self,
                double hours)
{
  g_return_if_fail (SL_IS_MEETING (self));
  g_return_if_fail (hours >= 0.0);

  if (self->hours != hours)
    {
      self->hours = hours;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_HOURS]);
    }
}

int
sl_meeting_get_batch (SlMeeting *self)
{
  g_return_val_if_fail (SL_IS_MEETING (self), 0);
  return self->batch;
}

void
sl_meeting_set_batch (SlMeeting *self,
                int batch)
{
  g_return_if_fail (SL_IS_MEETING (self));
  g_return_if_fail (batch >= 0);

  if (self->batch != batch)
    {
      self->batch = batch;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_BATCH]);
    }
}

/* The session's plan (学习方案), or NULL when it has none. */
SlSessionPlan *
sl_meeting_get_session_plan (SlMeeting *self)
{
  g_return_val_if_fail (SL_IS_MEETING (self), NULL);
  return self->session_plan;
}

void
sl_meeting_set_session_plan (SlMeeting     *self,
                             SlSessionPlan *plan)
{
  g_return_if_fail (SL_IS_MEETING (self));
  g_return_if_fail (plan == NULL || SL_IS_SESSION_PLAN (plan));
  if (g_set_object (&self->session_plan, plan))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SESSION_PLAN]);
}
