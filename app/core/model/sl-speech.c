/* sl-speech.c — one speaker's points at a meeting, in speaking order
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * speaker holds a member id; a guest has none, so speaker is NULL and
 * speaker-name carries the name as it was written down.
 */

#define G_LOG_DOMAIN "sl-speech"

#include "config.h"

#include "sl-speech.h"
#include "sl-util.h"

struct _SlSpeech
{
  GObject  parent_instance;

  /* owned */
  char    *speaker;
  char    *speaker_name;
  char    *points;

  /* archive version 2 */
  char *id;
  SlSpeechKind kind;
  char *title;
};

G_DEFINE_FINAL_TYPE (SlSpeech, sl_speech, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_SPEAKER,
  PROP_SPEAKER_NAME,
  PROP_POINTS,
  PROP_ID,
  PROP_KIND,
  PROP_TITLE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

#define DEFINE_STRING_PROPERTY(field, PROP)                         \
  const char *                                                      \
  sl_speech_get_##field (SlSpeech *self)                            \
  {                                                                 \
    g_return_val_if_fail (SL_IS_SPEECH (self), NULL);               \
    return self->field;                                             \
  }                                                                 \
  void                                                              \
  sl_speech_set_##field (SlSpeech   *self,                          \
                         const char *field)                         \
  {                                                                 \
    g_return_if_fail (SL_IS_SPEECH (self));                         \
    if (sl_set_str (&self->field, field))                           \
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP]); \
  }

DEFINE_STRING_PROPERTY (speaker, PROP_SPEAKER)
DEFINE_STRING_PROPERTY (speaker_name, PROP_SPEAKER_NAME)
DEFINE_STRING_PROPERTY (points, PROP_POINTS)

#undef DEFINE_STRING_PROPERTY

static void
sl_speech_finalize (GObject *object)
{
  SlSpeech *self = SL_SPEECH (object);

  g_clear_pointer (&self->speaker, g_free);
  g_clear_pointer (&self->speaker_name, g_free);
  g_clear_pointer (&self->points, g_free);

  g_clear_pointer (&self->id, g_free);
  g_clear_pointer (&self->title, g_free);

  G_OBJECT_CLASS (sl_speech_parent_class)->finalize (object);
}

static void
sl_speech_get_property (GObject    *object,
                        guint       prop_id,
                        GValue     *value,
                        GParamSpec *pspec)
{
  SlSpeech *self = SL_SPEECH (object);

  switch (prop_id)
    {
    case PROP_SPEAKER:      g_value_set_string (value, self->speaker); break;
    case PROP_SPEAKER_NAME: g_value_set_string (value, self->speaker_name); break;
    case PROP_POINTS:       g_value_set_string (value, self->points); break;
    case PROP_ID: g_value_set_string (value, self->id); break;
    case PROP_KIND: g_value_set_enum (value, self->kind); break;
    case PROP_TITLE: g_value_set_string (value, self->title); break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sl_speech_set_property (GObject      *object,
                        guint         prop_id,
                        const GValue *value,
                        GParamSpec   *pspec)
{
  SlSpeech *self = SL_SPEECH (object);

  switch (prop_id)
    {
    case PROP_SPEAKER:      sl_speech_set_speaker (self, g_value_get_string (value)); break;
    case PROP_SPEAKER_NAME: sl_speech_set_speaker_name (self, g_value_get_string (value)); break;
    case PROP_POINTS:       sl_speech_set_points (self, g_value_get_string (value)); break;
    case PROP_ID: sl_speech_set_id (self, g_value_get_string (value)); break;
    case PROP_KIND: sl_speech_set_kind (self, g_value_get_enum (value)); break;
    case PROP_TITLE: sl_speech_set_title (self, g_value_get_string (value)); break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sl_speech_class_init (SlSpeechClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  const GParamFlags flags = (G_PARAM_READWRITE |
                             G_PARAM_EXPLICIT_NOTIFY |
                             G_PARAM_STATIC_STRINGS);

  object_class->finalize = sl_speech_finalize;
  object_class->get_property = sl_speech_get_property;
  object_class->set_property = sl_speech_set_property;

  properties[PROP_SPEAKER] = g_param_spec_string ("speaker", NULL, NULL, NULL, flags);
  properties[PROP_SPEAKER_NAME] = g_param_spec_string ("speaker-name", NULL, NULL, NULL, flags);
  properties[PROP_POINTS] = g_param_spec_string ("points", NULL, NULL, NULL, flags);

  properties[PROP_ID] = g_param_spec_string ("id", NULL, NULL, NULL, flags);
  properties[PROP_KIND] =
    g_param_spec_enum ("kind", NULL, NULL, SL_TYPE_SPEECH_KIND, 0, flags);
  properties[PROP_TITLE] = g_param_spec_string ("title", NULL, NULL, NULL, flags);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
sl_speech_init (SlSpeech *self)
{
}

SlSpeech *
sl_speech_new (void)
{
  return g_object_new (SL_TYPE_SPEECH, NULL);
}

/* Archive version 2 ---------------------------------------------------------- */

const char *
sl_speech_get_id (SlSpeech *self)
{
  g_return_val_if_fail (SL_IS_SPEECH (self), NULL);
  return self->id;
}

void
sl_speech_set_id (SlSpeech *self,
               const char *id)
{
  g_return_if_fail (SL_IS_SPEECH (self));
  if (sl_set_str (&self->id, id))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ID]);
}

SlSpeechKind
sl_speech_get_kind (SlSpeech *self)
{
  g_return_val_if_fail (SL_IS_SPEECH (self), 0);
  return self->kind;
}

void
sl_speech_set_kind (SlSpeech *self,
               SlSpeechKind kind)
{
  g_return_if_fail (SL_IS_SPEECH (self));

  if (self->kind != kind)
    {
      self->kind = kind;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_KIND]);
    }
}

const char *
sl_speech_get_title (SlSpeech *self)
{
  g_return_val_if_fail (SL_IS_SPEECH (self), NULL);
  return self->title;
}

void
sl_speech_set_title (SlSpeech *self,
               const char *title)
{
  g_return_if_fail (SL_IS_SPEECH (self));
  if (sl_set_str (&self->title, title))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TITLE]);
}

gboolean
sl_speech_text_is_blank (const char *text)
{
  if (text == NULL)
    return TRUE;
  for (; *text != '\0'; text = g_utf8_next_char (text))
    {
      gunichar c = g_utf8_get_char (text);

      if (!g_unichar_isspace (c) && c != 0x3000 && c != 0xFEFF && c != 0x00A0)
        return FALSE;
    }
  return TRUE;
}

gboolean
sl_speech_is_empty (SlSpeech *self)
{
  g_return_val_if_fail (SL_IS_SPEECH (self), FALSE);

  return sl_speech_text_is_blank (self->speaker) &&
         sl_speech_text_is_blank (self->speaker_name) &&
         sl_speech_text_is_blank (self->points) &&
         sl_speech_text_is_blank (self->title);
}
