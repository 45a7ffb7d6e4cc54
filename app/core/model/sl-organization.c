/* sl-organization.c — a party group, party committee or branch that keeps a ledger
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * parent holds the id of the organization above this one (a branch under
 * its party committee), NULL at the top.
 */

#define G_LOG_DOMAIN "sl-organization"

#include "config.h"

#include "sl-organization.h"
#include "sl-util.h"

struct _SlOrganization
{
  SlRecord            parent_instance;

  /* owned */
  char               *name;
  char               *parent;
  SlOrganizationKind  kind;
};

G_DEFINE_FINAL_TYPE (SlOrganization, sl_organization, SL_TYPE_RECORD)

enum {
  PROP_0,
  PROP_NAME,
  PROP_KIND,
  PROP_PARENT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

#define DEFINE_STRING_PROPERTY(field, PROP)                         \
  const char *                                                      \
  sl_organization_get_##field (SlOrganization *self)                \
  {                                                                 \
    g_return_val_if_fail (SL_IS_ORGANIZATION (self), NULL);         \
    return self->field;                                             \
  }                                                                 \
  void                                                              \
  sl_organization_set_##field (SlOrganization *self,                \
                               const char     *field)               \
  {                                                                 \
    g_return_if_fail (SL_IS_ORGANIZATION (self));                   \
    if (sl_set_str (&self->field, field))                           \
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP]); \
  }

DEFINE_STRING_PROPERTY (name, PROP_NAME)
DEFINE_STRING_PROPERTY (parent, PROP_PARENT)

#undef DEFINE_STRING_PROPERTY

SlOrganizationKind
sl_organization_get_kind (SlOrganization *self)
{
  g_return_val_if_fail (SL_IS_ORGANIZATION (self), SL_ORGANIZATION_KIND_NONE);
  return self->kind;
}

void
sl_organization_set_kind (SlOrganization    *self,
                          SlOrganizationKind kind)
{
  g_return_if_fail (SL_IS_ORGANIZATION (self));
  g_return_if_fail ((guint) kind <= SL_ORGANIZATION_KIND_OTHER);

  if (self->kind != kind)
    {
      self->kind = kind;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_KIND]);
    }
}

static void
sl_organization_finalize (GObject *object)
{
  SlOrganization *self = SL_ORGANIZATION (object);

  g_clear_pointer (&self->name, g_free);
  g_clear_pointer (&self->parent, g_free);

  G_OBJECT_CLASS (sl_organization_parent_class)->finalize (object);
}

static void
sl_organization_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  SlOrganization *self = SL_ORGANIZATION (object);

  switch (prop_id)
    {
    case PROP_NAME:   g_value_set_string (value, self->name); break;
    case PROP_KIND:   g_value_set_enum (value, self->kind); break;
    case PROP_PARENT: g_value_set_string (value, self->parent); break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sl_organization_set_property (GObject      *object,
                              guint         prop_id,
                              const GValue *value,
                              GParamSpec   *pspec)
{
  SlOrganization *self = SL_ORGANIZATION (object);

  switch (prop_id)
    {
    case PROP_NAME:   sl_organization_set_name (self, g_value_get_string (value)); break;
    case PROP_KIND:   sl_organization_set_kind (self, g_value_get_enum (value)); break;
    case PROP_PARENT: sl_organization_set_parent (self, g_value_get_string (value)); break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sl_organization_class_init (SlOrganizationClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  const GParamFlags flags = (G_PARAM_READWRITE |
                             G_PARAM_EXPLICIT_NOTIFY |
                             G_PARAM_STATIC_STRINGS);

  object_class->finalize = sl_organization_finalize;
  object_class->get_property = sl_organization_get_property;
  object_class->set_property = sl_organization_set_property;

  properties[PROP_NAME] = g_param_spec_string ("name", NULL, NULL, NULL, flags);
  properties[PROP_KIND] =
    g_param_spec_enum ("kind", NULL, NULL, SL_TYPE_ORGANIZATION_KIND, SL_ORGANIZATION_KIND_NONE, flags);
  properties[PROP_PARENT] = g_param_spec_string ("parent", NULL, NULL, NULL, flags);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
sl_organization_init (SlOrganization *self)
{
}

SlOrganization *
sl_organization_new (void)
{
  return g_object_new (SL_TYPE_ORGANIZATION, NULL);
}
