/* sl-guest.c — someone who sat in on a meeting (列席) without being expected at it
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Guests are not members: they have no id and never count in attendance
 * rates.
 */

#define G_LOG_DOMAIN "sl-guest"

#include "config.h"

#include "sl-guest.h"
#include "sl-util.h"

struct _SlGuest
{
  GObject  parent_instance;

  /* owned */
  char    *name;
  char    *post;

  /* archive version 2 */
  char *unit;
  gboolean superior;
  char *remarks;
};

G_DEFINE_FINAL_TYPE (SlGuest, sl_guest, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_NAME,
  PROP_POST,
  PROP_UNIT,
  PROP_SUPERIOR,
  PROP_REMARKS,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

#define DEFINE_STRING_PROPERTY(field, PROP)                         \
  const char *                                                      \
  sl_guest_get_##field (SlGuest *self)                              \
  {                                                                 \
    g_return_val_if_fail (SL_IS_GUEST (self), NULL);                \
    return self->field;                                             \
  }                                                                 \
  void                                                              \
  sl_guest_set_##field (SlGuest    *self,                           \
                        const char *field)                          \
  {                                                                 \
    g_return_if_fail (SL_IS_GUEST (self));                          \
    if (sl_set_str (&self->field, field))                           \
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP]); \
  }

DEFINE_STRING_PROPERTY (name, PROP_NAME)
DEFINE_STRING_PROPERTY (post, PROP_POST)

#undef DEFINE_STRING_PROPERTY

static void
sl_guest_finalize (GObject *object)
{
  SlGuest *self = SL_GUEST (object);

  g_clear_pointer (&self->name, g_free);
  g_clear_pointer (&self->post, g_free);

  g_clear_pointer (&self->unit, g_free);
  g_clear_pointer (&self->remarks, g_free);

  G_OBJECT_CLASS (sl_guest_parent_class)->finalize (object);
}

static void
sl_guest_get_property (GObject    *object,
                       guint       prop_id,
                       GValue     *value,
                       GParamSpec *pspec)
{
  SlGuest *self = SL_GUEST (object);

  switch (prop_id)
    {
    case PROP_NAME: g_value_set_string (value, self->name); break;
    case PROP_POST: g_value_set_string (value, self->post); break;
    case PROP_UNIT: g_value_set_string (value, self->unit); break;
    case PROP_SUPERIOR: g_value_set_boolean (value, self->superior); break;
    case PROP_REMARKS: g_value_set_string (value, self->remarks); break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sl_guest_set_property (GObject      *object,
                       guint         prop_id,
                       const GValue *value,
                       GParamSpec   *pspec)
{
  SlGuest *self = SL_GUEST (object);

  switch (prop_id)
    {
    case PROP_NAME: sl_guest_set_name (self, g_value_get_string (value)); break;
    case PROP_POST: sl_guest_set_post (self, g_value_get_string (value)); break;
    case PROP_UNIT: sl_guest_set_unit (self, g_value_get_string (value)); break;
    case PROP_SUPERIOR: sl_guest_set_superior (self, g_value_get_boolean (value)); break;
    case PROP_REMARKS: sl_guest_set_remarks (self, g_value_get_string (value)); break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sl_guest_class_init (SlGuestClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  const GParamFlags flags = (G_PARAM_READWRITE |
                             G_PARAM_EXPLICIT_NOTIFY |
                             G_PARAM_STATIC_STRINGS);

  object_class->finalize = sl_guest_finalize;
  object_class->get_property = sl_guest_get_property;
  object_class->set_property = sl_guest_set_property;

  properties[PROP_NAME] = g_param_spec_string ("name", NULL, NULL, NULL, flags);
  properties[PROP_POST] = g_param_spec_string ("post", NULL, NULL, NULL, flags);

  properties[PROP_UNIT] = g_param_spec_string ("unit", NULL, NULL, NULL, flags);
  properties[PROP_SUPERIOR] = g_param_spec_boolean ("superior", NULL, NULL, FALSE, flags);
  properties[PROP_REMARKS] = g_param_spec_string ("remarks", NULL, NULL, NULL, flags);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
sl_guest_init (SlGuest *self)
{
}

SlGuest *
sl_guest_new (void)
{
  return g_object_new (SL_TYPE_GUEST, NULL);
}

/* Archive version 2 ---------------------------------------------------------- */

const char *
sl_guest_get_unit (SlGuest *self)
{
  g_return_val_if_fail (SL_IS_GUEST (self), NULL);
  return self->unit;
}

void
sl_guest_set_unit (SlGuest *self,
              const char *unit)
{
  g_return_if_fail (SL_IS_GUEST (self));
  if (sl_set_str (&self->unit, unit))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_UNIT]);
}

gboolean
sl_guest_get_superior (SlGuest *self)
{
  g_return_val_if_fail (SL_IS_GUEST (self), 0);
  return self->superior;
}

void
sl_guest_set_superior (SlGuest *self,
              gboolean superior)
{
  g_return_if_fail (SL_IS_GUEST (self));

  if (self->superior != !!superior)
    {
      self->superior = !!superior;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SUPERIOR]);
    }
}

const char *
sl_guest_get_remarks (SlGuest *self)
{
  g_return_val_if_fail (SL_IS_GUEST (self), NULL);
  return self->remarks;
}

void
sl_guest_set_remarks (SlGuest *self,
              const char *remarks)
{
  g_return_if_fail (SL_IS_GUEST (self));
  if (sl_set_str (&self->remarks, remarks))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_REMARKS]);
}
