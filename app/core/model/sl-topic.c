/* sl-topic.c — an item of the topic pool (议题库): a text to study as a first topic
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * organization holds an id, planned_meeting a meeting's id; whether and when
 * the item was studied follows from the studies that name it (sl-topic-pool.c).
 * Text properties are kept in one array indexed by property, codes in
 * another: the record is its fields, nothing more.
 */

#define G_LOG_DOMAIN "sl-topic"

#include "config.h"

#include "sl-topic.h"
#include "sl-record-fields.h"

enum {
  PROP_0,
  PROP_ORGANIZATION,
  PROP_TITLE,
  PROP_SOURCE_KIND,
  PROP_SOURCE,
  PROP_PUBLISHED_ON,
  PROP_RECEIVED_ON,
  PROP_PLANNED_MEETING,
  PROP_NOTE,
  N_PROPS
};

struct _SlTopic
{
  SlRecord  parent_instance;

  /* owned */
  char     *text[N_PROPS];
  int       code[N_PROPS];
};

G_DEFINE_FINAL_TYPE (SlTopic, sl_topic, SL_TYPE_RECORD)

static GParamSpec *properties[N_PROPS];

#define DEFINE_STRING_PROPERTY(field, PROP) \
  SL_RECORD_FIELDS_STRING (sl_topic, SlTopic, SL_IS_TOPIC, field, PROP)
#define DEFINE_ENUM_PROPERTY(field, PROP, Type) \
  SL_RECORD_FIELDS_ENUM (sl_topic, SlTopic, SL_IS_TOPIC, field, PROP, Type)

DEFINE_STRING_PROPERTY (organization, PROP_ORGANIZATION)
DEFINE_STRING_PROPERTY (title, PROP_TITLE)
DEFINE_ENUM_PROPERTY (source_kind, PROP_SOURCE_KIND, SlTopicSource)
DEFINE_STRING_PROPERTY (source, PROP_SOURCE)
DEFINE_STRING_PROPERTY (published_on, PROP_PUBLISHED_ON)
DEFINE_STRING_PROPERTY (received_on, PROP_RECEIVED_ON)
DEFINE_STRING_PROPERTY (planned_meeting, PROP_PLANNED_MEETING)
DEFINE_STRING_PROPERTY (note, PROP_NOTE)

#undef DEFINE_STRING_PROPERTY
#undef DEFINE_ENUM_PROPERTY

static void
sl_topic_finalize (GObject *object)
{
  SlTopic *self = SL_TOPIC (object);

  sl_record_fields_clear (self->text, N_PROPS);

  G_OBJECT_CLASS (sl_topic_parent_class)->finalize (object);
}

static void
sl_topic_get_property (GObject    *object,
                       guint       prop_id,
                       GValue     *value,
                       GParamSpec *pspec)
{
  SlTopic *self = SL_TOPIC (object);

  sl_record_fields_get_property (object, self->text, self->code, N_PROPS, prop_id, value, pspec);
}

static void
sl_topic_set_property (GObject      *object,
                       guint         prop_id,
                       const GValue *value,
                       GParamSpec   *pspec)
{
  SlTopic *self = SL_TOPIC (object);

  sl_record_fields_set_property (object, self->text, self->code, N_PROPS, prop_id, value, pspec);
}

static void
sl_topic_class_init (SlTopicClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  const GParamFlags flags = (G_PARAM_READWRITE |
                             G_PARAM_EXPLICIT_NOTIFY |
                             G_PARAM_STATIC_STRINGS);

  object_class->finalize = sl_topic_finalize;
  object_class->get_property = sl_topic_get_property;
  object_class->set_property = sl_topic_set_property;

  properties[PROP_ORGANIZATION] = g_param_spec_string ("organization", NULL, NULL, NULL, flags);
  properties[PROP_TITLE] = g_param_spec_string ("title", NULL, NULL, NULL, flags);
  properties[PROP_SOURCE_KIND] =
    g_param_spec_enum ("source-kind", NULL, NULL, SL_TYPE_TOPIC_SOURCE, 0, flags);
  properties[PROP_SOURCE] = g_param_spec_string ("source", NULL, NULL, NULL, flags);
  properties[PROP_PUBLISHED_ON] = g_param_spec_string ("published-on", NULL, NULL, NULL, flags);
  properties[PROP_RECEIVED_ON] = g_param_spec_string ("received-on", NULL, NULL, NULL, flags);
  properties[PROP_PLANNED_MEETING] = g_param_spec_string ("planned-meeting", NULL, NULL, NULL, flags);
  properties[PROP_NOTE] = g_param_spec_string ("note", NULL, NULL, NULL, flags);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
sl_topic_init (SlTopic *self)
{
}

SlTopic *
sl_topic_new (void)
{
  return g_object_new (SL_TYPE_TOPIC, NULL);
}
