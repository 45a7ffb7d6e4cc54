/* sl-talk.c — a heart-to-heart talk (谈心谈话)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * initiator and counterpart hold member ids; a counterpart who is not a
 * member has only counterpart_name.
 * Text properties are kept in one array indexed by property, codes in
 * another: the record is its fields, nothing more.
 */

#define G_LOG_DOMAIN "sl-talk"

#include "config.h"

#include "sl-talk.h"
#include "sl-record-fields.h"

enum {
  PROP_0,
  PROP_ORGANIZATION,
  PROP_DATE,
  PROP_PLACE,
  PROP_INITIATOR,
  PROP_COUNTERPART,
  PROP_COUNTERPART_NAME,
  PROP_FORM,
  PROP_KIND,
  PROP_TOPIC,
  PROP_POINTS,
  PROP_FOLLOW_UP,
  N_PROPS
};

struct _SlTalk
{
  SlRecord  parent_instance;

  /* owned */
  char     *text[N_PROPS];
  int       code[N_PROPS];
};

G_DEFINE_FINAL_TYPE (SlTalk, sl_talk, SL_TYPE_RECORD)

static GParamSpec *properties[N_PROPS];

#define DEFINE_STRING_PROPERTY(field, PROP) \
  SL_RECORD_FIELDS_STRING (sl_talk, SlTalk, SL_IS_TALK, field, PROP)
#define DEFINE_ENUM_PROPERTY(field, PROP, Type) \
  SL_RECORD_FIELDS_ENUM (sl_talk, SlTalk, SL_IS_TALK, field, PROP, Type)

DEFINE_STRING_PROPERTY (organization, PROP_ORGANIZATION)
DEFINE_STRING_PROPERTY (date, PROP_DATE)
DEFINE_STRING_PROPERTY (place, PROP_PLACE)
DEFINE_STRING_PROPERTY (initiator, PROP_INITIATOR)
DEFINE_STRING_PROPERTY (counterpart, PROP_COUNTERPART)
DEFINE_STRING_PROPERTY (counterpart_name, PROP_COUNTERPART_NAME)
DEFINE_ENUM_PROPERTY (form, PROP_FORM, SlTalkForm)
DEFINE_ENUM_PROPERTY (kind, PROP_KIND, SlTalkKind)
DEFINE_STRING_PROPERTY (topic, PROP_TOPIC)
DEFINE_STRING_PROPERTY (points, PROP_POINTS)
DEFINE_STRING_PROPERTY (follow_up, PROP_FOLLOW_UP)

#undef DEFINE_STRING_PROPERTY
#undef DEFINE_ENUM_PROPERTY

static void
sl_talk_finalize (GObject *object)
{
  SlTalk *self = SL_TALK (object);

  sl_record_fields_clear (self->text, N_PROPS);

  G_OBJECT_CLASS (sl_talk_parent_class)->finalize (object);
}

static void
sl_talk_get_property (GObject    *object,
                      guint       prop_id,
                      GValue     *value,
                      GParamSpec *pspec)
{
  SlTalk *self = SL_TALK (object);

  sl_record_fields_get_property (object, self->text, self->code, N_PROPS, prop_id, value, pspec);
}

static void
sl_talk_set_property (GObject      *object,
                      guint         prop_id,
                      const GValue *value,
                      GParamSpec   *pspec)
{
  SlTalk *self = SL_TALK (object);

  sl_record_fields_set_property (object, self->text, self->code, N_PROPS, prop_id, value, pspec);
}

static void
sl_talk_class_init (SlTalkClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  const GParamFlags flags = (G_PARAM_READWRITE |
                             G_PARAM_EXPLICIT_NOTIFY |
                             G_PARAM_STATIC_STRINGS);

  object_class->finalize = sl_talk_finalize;
  object_class->get_property = sl_talk_get_property;
  object_class->set_property = sl_talk_set_property;

  properties[PROP_ORGANIZATION] = g_param_spec_string ("organization", NULL, NULL, NULL, flags);
  properties[PROP_DATE] = g_param_spec_string ("date", NULL, NULL, NULL, flags);
  properties[PROP_PLACE] = g_param_spec_string ("place", NULL, NULL, NULL, flags);
  properties[PROP_INITIATOR] = g_param_spec_string ("initiator", NULL, NULL, NULL, flags);
  properties[PROP_COUNTERPART] = g_param_spec_string ("counterpart", NULL, NULL, NULL, flags);
  properties[PROP_COUNTERPART_NAME] = g_param_spec_string ("counterpart-name", NULL, NULL, NULL, flags);
  properties[PROP_FORM] =
    g_param_spec_enum ("form", NULL, NULL, SL_TYPE_TALK_FORM, 0, flags);
  properties[PROP_KIND] =
    g_param_spec_enum ("kind", NULL, NULL, SL_TYPE_TALK_KIND, 0, flags);
  properties[PROP_TOPIC] = g_param_spec_string ("topic", NULL, NULL, NULL, flags);
  properties[PROP_POINTS] = g_param_spec_string ("points", NULL, NULL, NULL, flags);
  properties[PROP_FOLLOW_UP] = g_param_spec_string ("follow-up", NULL, NULL, NULL, flags);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
sl_talk_init (SlTalk *self)
{
}

SlTalk *
sl_talk_new (void)
{
  return g_object_new (SL_TYPE_TALK, NULL);
}
