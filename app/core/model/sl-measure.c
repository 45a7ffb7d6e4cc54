/* sl-measure.c — a follow-up measure decided at a meeting
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * owner holds a member id; due-on and done-on are "YYYY-MM-DD" or NULL.
 * progress is free text on how far the measure has got.
 */

#define G_LOG_DOMAIN "sl-measure"

#include "config.h"

#include "sl-measure.h"
#include "sl-util.h"

struct _SlMeasure
{
  SlRecord         parent_instance;

  /* owned */
  char            *text;
  char            *owner;
  char            *department;
  char            *due_on;
  char            *done_on;
  char            *progress;
  SlMeasureStatus  status;
};

G_DEFINE_FINAL_TYPE (SlMeasure, sl_measure, SL_TYPE_RECORD)

enum {
  PROP_0,
  PROP_TEXT,
  PROP_OWNER,
  PROP_DEPARTMENT,
  PROP_DUE_ON,
  PROP_STATUS,
  PROP_DONE_ON,
  PROP_PROGRESS,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

#define DEFINE_STRING_PROPERTY(field, PROP)                         \
  const char *                                                      \
  sl_measure_get_##field (SlMeasure *self)                          \
  {                                                                 \
    g_return_val_if_fail (SL_IS_MEASURE (self), NULL);              \
    return self->field;                                             \
  }                                                                 \
  void                                                              \
  sl_measure_set_##field (SlMeasure  *self,                         \
                          const char *field)                        \
  {                                                                 \
    g_return_if_fail (SL_IS_MEASURE (self));                        \
    if (sl_set_str (&self->field, field))                           \
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP]); \
  }

DEFINE_STRING_PROPERTY (text, PROP_TEXT)
DEFINE_STRING_PROPERTY (owner, PROP_OWNER)
DEFINE_STRING_PROPERTY (department, PROP_DEPARTMENT)
DEFINE_STRING_PROPERTY (due_on, PROP_DUE_ON)
DEFINE_STRING_PROPERTY (done_on, PROP_DONE_ON)
DEFINE_STRING_PROPERTY (progress, PROP_PROGRESS)

#undef DEFINE_STRING_PROPERTY

SlMeasureStatus
sl_measure_get_status (SlMeasure *self)
{
  g_return_val_if_fail (SL_IS_MEASURE (self), SL_MEASURE_STATUS_NONE);
  return self->status;
}

void
sl_measure_set_status (SlMeasure      *self,
                       SlMeasureStatus status)
{
  g_return_if_fail (SL_IS_MEASURE (self));
  g_return_if_fail ((guint) status <= SL_MEASURE_STATUS_DONE);

  if (self->status != status)
    {
      self->status = status;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STATUS]);
    }
}

static void
sl_measure_finalize (GObject *object)
{
  SlMeasure *self = SL_MEASURE (object);

  g_clear_pointer (&self->text, g_free);
  g_clear_pointer (&self->owner, g_free);
  g_clear_pointer (&self->department, g_free);
  g_clear_pointer (&self->due_on, g_free);
  g_clear_pointer (&self->done_on, g_free);
  g_clear_pointer (&self->progress, g_free);

  G_OBJECT_CLASS (sl_measure_parent_class)->finalize (object);
}

static void
sl_measure_get_property (GObject    *object,
                         guint       prop_id,
                         GValue     *value,
                         GParamSpec *pspec)
{
  SlMeasure *self = SL_MEASURE (object);

  switch (prop_id)
    {
    case PROP_TEXT:       g_value_set_string (value, self->text); break;
    case PROP_OWNER:      g_value_set_string (value, self->owner); break;
    case PROP_DEPARTMENT: g_value_set_string (value, self->department); break;
    case PROP_DUE_ON:     g_value_set_string (value, self->due_on); break;
    case PROP_STATUS:     g_value_set_enum (value, self->status); break;
    case PROP_DONE_ON:    g_value_set_string (value, self->done_on); break;
    case PROP_PROGRESS:   g_value_set_string (value, self->progress); break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sl_measure_set_property (GObject      *object,
                         guint         prop_id,
                         const GValue *value,
                         GParamSpec   *pspec)
{
  SlMeasure *self = SL_MEASURE (object);

  switch (prop_id)
    {
    case PROP_TEXT:       sl_measure_set_text (self, g_value_get_string (value)); break;
    case PROP_OWNER:      sl_measure_set_owner (self, g_value_get_string (value)); break;
    case PROP_DEPARTMENT: sl_measure_set_department (self, g_value_get_string (value)); break;
    case PROP_DUE_ON:     sl_measure_set_due_on (self, g_value_get_string (value)); break;
    case PROP_STATUS:     sl_measure_set_status (self, g_value_get_enum (value)); break;
    case PROP_DONE_ON:    sl_measure_set_done_on (self, g_value_get_string (value)); break;
    case PROP_PROGRESS:   sl_measure_set_progress (self, g_value_get_string (value)); break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sl_measure_class_init (SlMeasureClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  const GParamFlags flags = (G_PARAM_READWRITE |
                             G_PARAM_EXPLICIT_NOTIFY |
                             G_PARAM_STATIC_STRINGS);

  object_class->finalize = sl_measure_finalize;
  object_class->get_property = sl_measure_get_property;
  object_class->set_property = sl_measure_set_property;

  properties[PROP_TEXT] = g_param_spec_string ("text", NULL, NULL, NULL, flags);
  properties[PROP_OWNER] = g_param_spec_string ("owner", NULL, NULL, NULL, flags);
  properties[PROP_DEPARTMENT] = g_param_spec_string ("department", NULL, NULL, NULL, flags);
  properties[PROP_DUE_ON] = g_param_spec_string ("due-on", NULL, NULL, NULL, flags);
  properties[PROP_STATUS] =
    g_param_spec_enum ("status", NULL, NULL, SL_TYPE_MEASURE_STATUS, SL_MEASURE_STATUS_NONE, flags);
  properties[PROP_DONE_ON] = g_param_spec_string ("done-on", NULL, NULL, NULL, flags);
  properties[PROP_PROGRESS] = g_param_spec_string ("progress", NULL, NULL, NULL, flags);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
sl_measure_init (SlMeasure *self)
{
}

SlMeasure *
sl_measure_new (void)
{
  return g_object_new (SL_TYPE_MEASURE, NULL);
}
