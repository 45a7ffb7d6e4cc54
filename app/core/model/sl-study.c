/* sl-study.c — one text studied at a meeting
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * lead holds the id of the member who led the study of the text;
 * first-topic marks a 第一议题 item, which compliance counts separately.
 */

#define G_LOG_DOMAIN "sl-study"

#include "config.h"

#include "sl-study.h"
#include "sl-util.h"

struct _SlStudy
{
  SlRecord  parent_instance;

  /* owned */
  char     *title;
  char     *source;
  char     *published_on;
  char     *lead;
  char     *summary;
  guint     first_topic : 1;

  /* archive version 2 */
  char *topic;
};

G_DEFINE_FINAL_TYPE (SlStudy, sl_study, SL_TYPE_RECORD)

enum {
  PROP_0,
  PROP_TITLE,
  PROP_SOURCE,
  PROP_PUBLISHED_ON,
  PROP_LEAD,
  PROP_FIRST_TOPIC,
  PROP_SUMMARY,
  PROP_TOPIC,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

#define DEFINE_STRING_PROPERTY(field, PROP)                         \
  const char *                                                      \
  sl_study_get_##field (SlStudy *self)                              \
  {                                                                 \
    g_return_val_if_fail (SL_IS_STUDY (self), NULL);                \
    return self->field;                                             \
  }                                                                 \
  void                                                              \
  sl_study_set_##field (SlStudy    *self,                           \
                        const char *field)                          \
  {                                                                 \
    g_return_if_fail (SL_IS_STUDY (self));                          \
    if (sl_set_str (&self->field, field))                           \
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP]); \
  }

DEFINE_STRING_PROPERTY (title, PROP_TITLE)
DEFINE_STRING_PROPERTY (source, PROP_SOURCE)
DEFINE_STRING_PROPERTY (published_on, PROP_PUBLISHED_ON)
DEFINE_STRING_PROPERTY (lead, PROP_LEAD)
DEFINE_STRING_PROPERTY (summary, PROP_SUMMARY)

#undef DEFINE_STRING_PROPERTY

gboolean
sl_study_get_first_topic (SlStudy *self)
{
  g_return_val_if_fail (SL_IS_STUDY (self), FALSE);
  return self->first_topic;
}

void
sl_study_set_first_topic (SlStudy *self,
                          gboolean first_topic)
{
  g_return_if_fail (SL_IS_STUDY (self));

  first_topic = !!first_topic;
  if (self->first_topic != first_topic)
    {
      self->first_topic = first_topic;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FIRST_TOPIC]);
    }
}

static void
sl_study_finalize (GObject *object)
{
  SlStudy *self = SL_STUDY (object);

  g_clear_pointer (&self->title, g_free);
  g_clear_pointer (&self->source, g_free);
  g_clear_pointer (&self->published_on, g_free);
  g_clear_pointer (&self->lead, g_free);
  g_clear_pointer (&self->summary, g_free);

  g_clear_pointer (&self->topic, g_free);

  G_OBJECT_CLASS (sl_study_parent_class)->finalize (object);
}

static void
sl_study_get_property (GObject    *object,
                       guint       prop_id,
                       GValue     *value,
                       GParamSpec *pspec)
{
  SlStudy *self = SL_STUDY (object);

  switch (prop_id)
    {
    case PROP_TITLE:        g_value_set_string (value, self->title); break;
    case PROP_SOURCE:       g_value_set_string (value, self->source); break;
    case PROP_PUBLISHED_ON: g_value_set_string (value, self->published_on); break;
    case PROP_LEAD:         g_value_set_string (value, self->lead); break;
    case PROP_FIRST_TOPIC:  g_value_set_boolean (value, self->first_topic); break;
    case PROP_SUMMARY:      g_value_set_string (value, self->summary); break;
    case PROP_TOPIC: g_value_set_string (value, self->topic); break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sl_study_set_property (GObject      *object,
                       guint         prop_id,
                       const GValue *value,
                       GParamSpec   *pspec)
{
  SlStudy *self = SL_STUDY (object);

  switch (prop_id)
    {
    case PROP_TITLE:        sl_study_set_title (self, g_value_get_string (value)); break;
    case PROP_SOURCE:       sl_study_set_source (self, g_value_get_string (value)); break;
    case PROP_PUBLISHED_ON: sl_study_set_published_on (self, g_value_get_string (value)); break;
    case PROP_LEAD:         sl_study_set_lead (self, g_value_get_string (value)); break;
    case PROP_FIRST_TOPIC:  sl_study_set_first_topic (self, g_value_get_boolean (value)); break;
    case PROP_SUMMARY:      sl_study_set_summary (self, g_value_get_string (value)); break;
    case PROP_TOPIC: sl_study_set_topic (self, g_value_get_string (value)); break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sl_study_class_init (SlStudyClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  const GParamFlags flags = (G_PARAM_READWRITE |
                             G_PARAM_EXPLICIT_NOTIFY |
                             G_PARAM_STATIC_STRINGS);

  object_class->finalize = sl_study_finalize;
  object_class->get_property = sl_study_get_property;
  object_class->set_property = sl_study_set_property;

  properties[PROP_TITLE] = g_param_spec_string ("title", NULL, NULL, NULL, flags);
  properties[PROP_SOURCE] = g_param_spec_string ("source", NULL, NULL, NULL, flags);
  properties[PROP_PUBLISHED_ON] = g_param_spec_string ("published-on", NULL, NULL, NULL, flags);
  properties[PROP_LEAD] = g_param_spec_string ("lead", NULL, NULL, NULL, flags);
  properties[PROP_FIRST_TOPIC] = g_param_spec_boolean ("first-topic", NULL, NULL, FALSE, flags);
  properties[PROP_SUMMARY] = g_param_spec_string ("summary", NULL, NULL, NULL, flags);

  properties[PROP_TOPIC] = g_param_spec_string ("topic", NULL, NULL, NULL, flags);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
sl_study_init (SlStudy *self)
{
}

SlStudy *
sl_study_new (void)
{
  return g_object_new (SL_TYPE_STUDY, NULL);
}

/* Archive version 2 ---------------------------------------------------------- */

const char *
sl_study_get_topic (SlStudy *self)
{
  g_return_val_if_fail (SL_IS_STUDY (self), NULL);
  return self->topic;
}

void
sl_study_set_topic (SlStudy *self,
              const char *topic)
{
  g_return_if_fail (SL_IS_STUDY (self));
  if (sl_set_str (&self->topic, topic))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TOPIC]);
}
