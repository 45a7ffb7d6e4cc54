/* sl-research-topic.c — a leadership member's research topic (调研课题) for one year
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * organization and lead hold ids; year 0 means not yet assigned to a year.
 */

#define G_LOG_DOMAIN "sl-research-topic"

#include "config.h"

#include "sl-research-topic.h"
#include "sl-util.h"

struct _SlResearchTopic
{
  SlRecord       parent_instance;

  /* owned */
  char          *organization;
  char          *lead;
  char          *title;
  char          *note;
  int            year;
  SlTopicStatus  status;
};

G_DEFINE_FINAL_TYPE (SlResearchTopic, sl_research_topic, SL_TYPE_RECORD)

enum {
  PROP_0,
  PROP_ORGANIZATION,
  PROP_YEAR,
  PROP_LEAD,
  PROP_TITLE,
  PROP_STATUS,
  PROP_NOTE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

#define DEFINE_STRING_PROPERTY(field, PROP)                         \
  const char *                                                      \
  sl_research_topic_get_##field (SlResearchTopic *self)             \
  {                                                                 \
    g_return_val_if_fail (SL_IS_RESEARCH_TOPIC (self), NULL);       \
    return self->field;                                             \
  }                                                                 \
  void                                                              \
  sl_research_topic_set_##field (SlResearchTopic *self,             \
                                 const char      *field)            \
  {                                                                 \
    g_return_if_fail (SL_IS_RESEARCH_TOPIC (self));                 \
    if (sl_set_str (&self->field, field))                           \
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP]); \
  }

DEFINE_STRING_PROPERTY (organization, PROP_ORGANIZATION)
DEFINE_STRING_PROPERTY (lead, PROP_LEAD)
DEFINE_STRING_PROPERTY (title, PROP_TITLE)
DEFINE_STRING_PROPERTY (note, PROP_NOTE)

#undef DEFINE_STRING_PROPERTY

int
sl_research_topic_get_year (SlResearchTopic *self)
{
  g_return_val_if_fail (SL_IS_RESEARCH_TOPIC (self), 0);
  return self->year;
}

void
sl_research_topic_set_year (SlResearchTopic *self,
                            int              year)
{
  g_return_if_fail (SL_IS_RESEARCH_TOPIC (self));
  g_return_if_fail (year >= 0 && year <= 9999);

  if (self->year != year)
    {
      self->year = year;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_YEAR]);
    }
}

SlTopicStatus
sl_research_topic_get_status (SlResearchTopic *self)
{
  g_return_val_if_fail (SL_IS_RESEARCH_TOPIC (self), SL_TOPIC_STATUS_NONE);
  return self->status;
}

void
sl_research_topic_set_status (SlResearchTopic *self,
                              SlTopicStatus    status)
{
  g_return_if_fail (SL_IS_RESEARCH_TOPIC (self));
  g_return_if_fail ((guint) status <= SL_TOPIC_STATUS_DONE);

  if (self->status != status)
    {
      self->status = status;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STATUS]);
    }
}

static void
sl_research_topic_finalize (GObject *object)
{
  SlResearchTopic *self = SL_RESEARCH_TOPIC (object);

  g_clear_pointer (&self->organization, g_free);
  g_clear_pointer (&self->lead, g_free);
  g_clear_pointer (&self->title, g_free);
  g_clear_pointer (&self->note, g_free);

  G_OBJECT_CLASS (sl_research_topic_parent_class)->finalize (object);
}

static void
sl_research_topic_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  SlResearchTopic *self = SL_RESEARCH_TOPIC (object);

  switch (prop_id)
    {
    case PROP_ORGANIZATION: g_value_set_string (value, self->organization); break;
    case PROP_YEAR:         g_value_set_int (value, self->year); break;
    case PROP_LEAD:         g_value_set_string (value, self->lead); break;
    case PROP_TITLE:        g_value_set_string (value, self->title); break;
    case PROP_STATUS:       g_value_set_enum (value, self->status); break;
    case PROP_NOTE:         g_value_set_string (value, self->note); break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sl_research_topic_set_property (GObject      *object,
                                guint         prop_id,
                                const GValue *value,
                                GParamSpec   *pspec)
{
  SlResearchTopic *self = SL_RESEARCH_TOPIC (object);

  switch (prop_id)
    {
    case PROP_ORGANIZATION: sl_research_topic_set_organization (self, g_value_get_string (value)); break;
    case PROP_YEAR:         sl_research_topic_set_year (self, g_value_get_int (value)); break;
    case PROP_LEAD:         sl_research_topic_set_lead (self, g_value_get_string (value)); break;
    case PROP_TITLE:        sl_research_topic_set_title (self, g_value_get_string (value)); break;
    case PROP_STATUS:       sl_research_topic_set_status (self, g_value_get_enum (value)); break;
    case PROP_NOTE:         sl_research_topic_set_note (self, g_value_get_string (value)); break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sl_research_topic_class_init (SlResearchTopicClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  const GParamFlags flags = (G_PARAM_READWRITE |
                             G_PARAM_EXPLICIT_NOTIFY |
                             G_PARAM_STATIC_STRINGS);

  object_class->finalize = sl_research_topic_finalize;
  object_class->get_property = sl_research_topic_get_property;
  object_class->set_property = sl_research_topic_set_property;

  properties[PROP_ORGANIZATION] = g_param_spec_string ("organization", NULL, NULL, NULL, flags);
  properties[PROP_YEAR] = g_param_spec_int ("year", NULL, NULL, 0, 9999, 0, flags);
  properties[PROP_LEAD] = g_param_spec_string ("lead", NULL, NULL, NULL, flags);
  properties[PROP_TITLE] = g_param_spec_string ("title", NULL, NULL, NULL, flags);
  properties[PROP_STATUS] =
    g_param_spec_enum ("status", NULL, NULL, SL_TYPE_TOPIC_STATUS, SL_TOPIC_STATUS_NONE, flags);
  properties[PROP_NOTE] = g_param_spec_string ("note", NULL, NULL, NULL, flags);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
sl_research_topic_init (SlResearchTopic *self)
{
}

SlResearchTopic *
sl_research_topic_new (void)
{
  return g_object_new (SL_TYPE_RESEARCH_TOPIC, NULL);
}
