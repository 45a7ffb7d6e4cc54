/* sl-attendance.c — one expected member's attendance at a meeting
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Not a record: the archive gives attendance rows no id, a row is known by
 * its meeting and its member. The archive's makeup object is flattened:
 * has-makeup says whether it is there, and makeup-on, makeup-method and
 * makeup-evidence are its fields. They are kept even while has-makeup is
 * FALSE, so that unticking and ticking the box again in the editor loses
 * nothing. The archive carries them only when has-makeup is TRUE.
 */

#define G_LOG_DOMAIN "sl-attendance"

#include "config.h"

#include "sl-attendance.h"
#include "sl-util.h"

struct _SlAttendance
{
  GObject             parent_instance;

  /* owned */
  char               *member;
  char               *reason;
  char               *makeup_on;
  char               *makeup_method;
  char               *makeup_evidence;
  SlAttendanceStatus  status;
  SlLeaveKind         leave_kind;
  guint               late : 1;
  guint               left_early : 1;
  guint               has_makeup : 1;
};

G_DEFINE_FINAL_TYPE (SlAttendance, sl_attendance, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_MEMBER,
  PROP_STATUS,
  PROP_LEAVE_KIND,
  PROP_REASON,
  PROP_LATE,
  PROP_LEFT_EARLY,
  PROP_HAS_MAKEUP,
  PROP_MAKEUP_ON,
  PROP_MAKEUP_METHOD,
  PROP_MAKEUP_EVIDENCE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

#define DEFINE_STRING_PROPERTY(field, PROP)                         \
  const char *                                                      \
  sl_attendance_get_##field (SlAttendance *self)                    \
  {                                                                 \
    g_return_val_if_fail (SL_IS_ATTENDANCE (self), NULL);           \
    return self->field;                                             \
  }                                                                 \
  void                                                              \
  sl_attendance_set_##field (SlAttendance *self,                    \
                             const char   *field)                   \
  {                                                                 \
    g_return_if_fail (SL_IS_ATTENDANCE (self));                     \
    if (sl_set_str (&self->field, field))                           \
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP]); \
  }

DEFINE_STRING_PROPERTY (member, PROP_MEMBER)
DEFINE_STRING_PROPERTY (reason, PROP_REASON)
DEFINE_STRING_PROPERTY (makeup_on, PROP_MAKEUP_ON)
DEFINE_STRING_PROPERTY (makeup_method, PROP_MAKEUP_METHOD)
DEFINE_STRING_PROPERTY (makeup_evidence, PROP_MAKEUP_EVIDENCE)

#undef DEFINE_STRING_PROPERTY

SlAttendanceStatus
sl_attendance_get_status (SlAttendance *self)
{
  g_return_val_if_fail (SL_IS_ATTENDANCE (self), SL_ATTENDANCE_STATUS_NONE);
  return self->status;
}

void
sl_attendance_set_status (SlAttendance      *self,
                          SlAttendanceStatus status)
{
  g_return_if_fail (SL_IS_ATTENDANCE (self));
  g_return_if_fail ((guint) status <= SL_ATTENDANCE_STATUS_ABSENT);

  if (self->status != status)
    {
      self->status = status;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STATUS]);
    }
}

SlLeaveKind
sl_attendance_get_leave_kind (SlAttendance *self)
{
  g_return_val_if_fail (SL_IS_ATTENDANCE (self), SL_LEAVE_KIND_NONE);
  return self->leave_kind;
}

void
sl_attendance_set_leave_kind (SlAttendance *self,
                              SlLeaveKind   leave_kind)
{
  g_return_if_fail (SL_IS_ATTENDANCE (self));
  g_return_if_fail ((guint) leave_kind <= SL_LEAVE_KIND_PERSONAL);

  if (self->leave_kind != leave_kind)
    {
      self->leave_kind = leave_kind;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LEAVE_KIND]);
    }
}

gboolean
sl_attendance_get_late (SlAttendance *self)
{
  g_return_val_if_fail (SL_IS_ATTENDANCE (self), FALSE);
  return self->late;
}

void
sl_attendance_set_late (SlAttendance *self,
                        gboolean      late)
{
  g_return_if_fail (SL_IS_ATTENDANCE (self));

  late = !!late;
  if (self->late != late)
    {
      self->late = late;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LATE]);
    }
}

gboolean
sl_attendance_get_left_early (SlAttendance *self)
{
  g_return_val_if_fail (SL_IS_ATTENDANCE (self), FALSE);
  return self->left_early;
}

void
sl_attendance_set_left_early (SlAttendance *self,
                              gboolean      left_early)
{
  g_return_if_fail (SL_IS_ATTENDANCE (self));

  left_early = !!left_early;
  if (self->left_early != left_early)
    {
      self->left_early = left_early;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LEFT_EARLY]);
    }
}

gboolean
sl_attendance_get_has_makeup (SlAttendance *self)
{
  g_return_val_if_fail (SL_IS_ATTENDANCE (self), FALSE);
  return self->has_makeup;
}

void
sl_attendance_set_has_makeup (SlAttendance *self,
                              gboolean      has_makeup)
{
  g_return_if_fail (SL_IS_ATTENDANCE (self));

  has_makeup = !!has_makeup;
  if (self->has_makeup != has_makeup)
    {
      self->has_makeup = has_makeup;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_HAS_MAKEUP]);
    }
}

/* A makeup only counts for someone who missed the meeting: a ticked box
 * left over on a row later changed to present does not. */
gboolean
sl_attendance_is_made_up (SlAttendance *self)
{
  g_return_val_if_fail (SL_IS_ATTENDANCE (self), FALSE);

  if (self->status != SL_ATTENDANCE_STATUS_LEAVE &&
      self->status != SL_ATTENDANCE_STATUS_ABSENT)
    return FALSE;

  return self->has_makeup;
}

static void
sl_attendance_finalize (GObject *object)
{
  SlAttendance *self = SL_ATTENDANCE (object);

  g_clear_pointer (&self->member, g_free);
  g_clear_pointer (&self->reason, g_free);
  g_clear_pointer (&self->makeup_on, g_free);
  g_clear_pointer (&self->makeup_method, g_free);
  g_clear_pointer (&self->makeup_evidence, g_free);

  G_OBJECT_CLASS (sl_attendance_parent_class)->finalize (object);
}

static void
sl_attendance_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  SlAttendance *self = SL_ATTENDANCE (object);

  switch (prop_id)
    {
    case PROP_MEMBER:          g_value_set_string (value, self->member); break;
    case PROP_STATUS:          g_value_set_enum (value, self->status); break;
    case PROP_LEAVE_KIND:      g_value_set_enum (value, self->leave_kind); break;
    case PROP_REASON:          g_value_set_string (value, self->reason); break;
    case PROP_LATE:            g_value_set_boolean (value, self->late); break;
    case PROP_LEFT_EARLY:      g_value_set_boolean (value, self->left_early); break;
    case PROP_HAS_MAKEUP:      g_value_set_boolean (value, self->has_makeup); break;
    case PROP_MAKEUP_ON:       g_value_set_string (value, self->makeup_on); break;
    case PROP_MAKEUP_METHOD:   g_value_set_string (value, self->makeup_method); break;
    case PROP_MAKEUP_EVIDENCE: g_value_set_string (value, self->makeup_evidence); break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sl_attendance_set_property (GObject      *object,
                            guint         prop_id,
                            const GValue *value,
                            GParamSpec   *pspec)
{
  SlAttendance *self = SL_ATTENDANCE (object);

  switch (prop_id)
    {
    case PROP_MEMBER:          sl_attendance_set_member (self, g_value_get_string (value)); break;
    case PROP_STATUS:          sl_attendance_set_status (self, g_value_get_enum (value)); break;
    case PROP_LEAVE_KIND:      sl_attendance_set_leave_kind (self, g_value_get_enum (value)); break;
    case PROP_REASON:          sl_attendance_set_reason (self, g_value_get_string (value)); break;
    case PROP_LATE:            sl_attendance_set_late (self, g_value_get_boolean (value)); break;
    case PROP_LEFT_EARLY:      sl_attendance_set_left_early (self, g_value_get_boolean (value)); break;
    case PROP_HAS_MAKEUP:      sl_attendance_set_has_makeup (self, g_value_get_boolean (value)); break;
    case PROP_MAKEUP_ON:       sl_attendance_set_makeup_on (self, g_value_get_string (value)); break;
    case PROP_MAKEUP_METHOD:   sl_attendance_set_makeup_method (self, g_value_get_string (value)); break;
    case PROP_MAKEUP_EVIDENCE: sl_attendance_set_makeup_evidence (self, g_value_get_string (value)); break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sl_attendance_class_init (SlAttendanceClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  const GParamFlags flags = (G_PARAM_READWRITE |
                             G_PARAM_EXPLICIT_NOTIFY |
                             G_PARAM_STATIC_STRINGS);

  object_class->finalize = sl_attendance_finalize;
  object_class->get_property = sl_attendance_get_property;
  object_class->set_property = sl_attendance_set_property;

  properties[PROP_MEMBER] = g_param_spec_string ("member", NULL, NULL, NULL, flags);
  properties[PROP_STATUS] =
    g_param_spec_enum ("status", NULL, NULL, SL_TYPE_ATTENDANCE_STATUS, SL_ATTENDANCE_STATUS_NONE, flags);
  properties[PROP_LEAVE_KIND] =
    g_param_spec_enum ("leave-kind", NULL, NULL, SL_TYPE_LEAVE_KIND, SL_LEAVE_KIND_NONE, flags);
  properties[PROP_REASON] = g_param_spec_string ("reason", NULL, NULL, NULL, flags);
  properties[PROP_LATE] = g_param_spec_boolean ("late", NULL, NULL, FALSE, flags);
  properties[PROP_LEFT_EARLY] = g_param_spec_boolean ("left-early", NULL, NULL, FALSE, flags);
  properties[PROP_HAS_MAKEUP] = g_param_spec_boolean ("has-makeup", NULL, NULL, FALSE, flags);
  properties[PROP_MAKEUP_ON] = g_param_spec_string ("makeup-on", NULL, NULL, NULL, flags);
  properties[PROP_MAKEUP_METHOD] = g_param_spec_string ("makeup-method", NULL, NULL, NULL, flags);
  properties[PROP_MAKEUP_EVIDENCE] =
    g_param_spec_string ("makeup-evidence", NULL, NULL, NULL, flags);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
sl_attendance_init (SlAttendance *self)
{
}

SlAttendance *
sl_attendance_new (void)
{
  return g_object_new (SL_TYPE_ATTENDANCE, NULL);
}
