/* sl-plan.c — an organization's study plan for one year
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The plan owns its items: they are exported inside it and have no life
 * apart from it. items is handed out as the GListStore itself, so that the
 * ledger and the archive import can fill it in one splice instead of
 * emitting items-changed once per row.
 */

#define G_LOG_DOMAIN "sl-plan"

#include "config.h"

#include "sl-plan.h"
#include "sl-plan-item.h"
#include "sl-util.h"

struct _SlPlan
{
  SlRecord     parent_instance;

  /* owned */
  char        *organization;
  char        *title;
  char        *guiding;
  char        *focus;
  char        *forms;
  char        *requirements;
  GListStore  *items;
  int          year;

  /* archive version 2 */
  char *issuer;
  char *issued_on;
};

G_DEFINE_FINAL_TYPE (SlPlan, sl_plan, SL_TYPE_RECORD)

enum {
  PROP_0,
  PROP_ORGANIZATION,
  PROP_YEAR,
  PROP_TITLE,
  PROP_GUIDING,
  PROP_FOCUS,
  PROP_FORMS,
  PROP_REQUIREMENTS,
  PROP_ITEMS,
  PROP_ISSUER,
  PROP_ISSUED_ON,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

#define DEFINE_STRING_PROPERTY(field, PROP)                         \
  const char *                                                      \
  sl_plan_get_##field (SlPlan *self)                                \
  {                                                                 \
    g_return_val_if_fail (SL_IS_PLAN (self), NULL);                 \
    return self->field;                                             \
  }                                                                 \
  void                                                              \
  sl_plan_set_##field (SlPlan     *self,                            \
                       const char *field)                           \
  {                                                                 \
    g_return_if_fail (SL_IS_PLAN (self));                           \
    if (sl_set_str (&self->field, field))                           \
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP]); \
  }

DEFINE_STRING_PROPERTY (organization, PROP_ORGANIZATION)
DEFINE_STRING_PROPERTY (title, PROP_TITLE)
DEFINE_STRING_PROPERTY (guiding, PROP_GUIDING)
DEFINE_STRING_PROPERTY (focus, PROP_FOCUS)
DEFINE_STRING_PROPERTY (forms, PROP_FORMS)
DEFINE_STRING_PROPERTY (requirements, PROP_REQUIREMENTS)

#undef DEFINE_STRING_PROPERTY

int
sl_plan_get_year (SlPlan *self)
{
  g_return_val_if_fail (SL_IS_PLAN (self), 0);
  return self->year;
}

void
sl_plan_set_year (SlPlan *self,
                  int     year)
{
  g_return_if_fail (SL_IS_PLAN (self));
  g_return_if_fail (year >= 0 && year <= 9999);

  if (self->year != year)
    {
      self->year = year;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_YEAR]);
    }
}

GListModel *
sl_plan_get_items (SlPlan *self)
{
  g_return_val_if_fail (SL_IS_PLAN (self), NULL);
  return G_LIST_MODEL (self->items);
}

static void
sl_plan_dispose (GObject *object)
{
  SlPlan *self = SL_PLAN (object);

  g_clear_object (&self->items);

  G_OBJECT_CLASS (sl_plan_parent_class)->dispose (object);
}

static void
sl_plan_finalize (GObject *object)
{
  SlPlan *self = SL_PLAN (object);

  g_clear_pointer (&self->organization, g_free);
  g_clear_pointer (&self->title, g_free);
  g_clear_pointer (&self->guiding, g_free);
  g_clear_pointer (&self->focus, g_free);
  g_clear_pointer (&self->forms, g_free);
  g_clear_pointer (&self->requirements, g_free);

  g_clear_pointer (&self->issuer, g_free);
  g_clear_pointer (&self->issued_on, g_free);

  G_OBJECT_CLASS (sl_plan_parent_class)->finalize (object);
}

static void
sl_plan_get_property (GObject    *object,
                      guint       prop_id,
                      GValue     *value,
                      GParamSpec *pspec)
{
  SlPlan *self = SL_PLAN (object);

  switch (prop_id)
    {
    case PROP_ORGANIZATION: g_value_set_string (value, self->organization); break;
    case PROP_YEAR:         g_value_set_int (value, self->year); break;
    case PROP_TITLE:        g_value_set_string (value, self->title); break;
    case PROP_GUIDING:      g_value_set_string (value, self->guiding); break;
    case PROP_FOCUS:        g_value_set_string (value, self->focus); break;
    case PROP_FORMS:        g_value_set_string (value, self->forms); break;
    case PROP_REQUIREMENTS: g_value_set_string (value, self->requirements); break;
    case PROP_ITEMS:        g_value_set_object (value, self->items); break;
    case PROP_ISSUER: g_value_set_string (value, self->issuer); break;
    case PROP_ISSUED_ON: g_value_set_string (value, self->issued_on); break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sl_plan_set_property (GObject      *object,
                      guint         prop_id,
                      const GValue *value,
                      GParamSpec   *pspec)
{
  SlPlan *self = SL_PLAN (object);

  switch (prop_id)
    {
    case PROP_ORGANIZATION: sl_plan_set_organization (self, g_value_get_string (value)); break;
    case PROP_YEAR:         sl_plan_set_year (self, g_value_get_int (value)); break;
    case PROP_TITLE:        sl_plan_set_title (self, g_value_get_string (value)); break;
    case PROP_GUIDING:      sl_plan_set_guiding (self, g_value_get_string (value)); break;
    case PROP_FOCUS:        sl_plan_set_focus (self, g_value_get_string (value)); break;
    case PROP_FORMS:        sl_plan_set_forms (self, g_value_get_string (value)); break;
    case PROP_REQUIREMENTS: sl_plan_set_requirements (self, g_value_get_string (value)); break;
    case PROP_ISSUER: sl_plan_set_issuer (self, g_value_get_string (value)); break;
    case PROP_ISSUED_ON: sl_plan_set_issued_on (self, g_value_get_string (value)); break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sl_plan_class_init (SlPlanClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  const GParamFlags flags = (G_PARAM_READWRITE |
                             G_PARAM_EXPLICIT_NOTIFY |
                             G_PARAM_STATIC_STRINGS);
  const GParamFlags read_only = (G_PARAM_READABLE |
                                 G_PARAM_EXPLICIT_NOTIFY |
                                 G_PARAM_STATIC_STRINGS);

  object_class->dispose = sl_plan_dispose;
  object_class->finalize = sl_plan_finalize;
  object_class->get_property = sl_plan_get_property;
  object_class->set_property = sl_plan_set_property;

  properties[PROP_ORGANIZATION] = g_param_spec_string ("organization", NULL, NULL, NULL, flags);
  properties[PROP_YEAR] = g_param_spec_int ("year", NULL, NULL, 0, 9999, 0, flags);
  properties[PROP_TITLE] = g_param_spec_string ("title", NULL, NULL, NULL, flags);
  properties[PROP_GUIDING] = g_param_spec_string ("guiding", NULL, NULL, NULL, flags);
  properties[PROP_FOCUS] = g_param_spec_string ("focus", NULL, NULL, NULL, flags);
  properties[PROP_FORMS] = g_param_spec_string ("forms", NULL, NULL, NULL, flags);
  properties[PROP_REQUIREMENTS] = g_param_spec_string ("requirements", NULL, NULL, NULL, flags);
  properties[PROP_ITEMS] = g_param_spec_object ("items", NULL, NULL, G_TYPE_LIST_MODEL, read_only);

  properties[PROP_ISSUER] = g_param_spec_string ("issuer", NULL, NULL, NULL, flags);
  properties[PROP_ISSUED_ON] = g_param_spec_string ("issued-on", NULL, NULL, NULL, flags);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
sl_plan_init (SlPlan *self)
{
  self->items = g_list_store_new (SL_TYPE_PLAN_ITEM);
}

SlPlan *
sl_plan_new (void)
{
  return g_object_new (SL_TYPE_PLAN, NULL);
}

/* Archive version 2 ---------------------------------------------------------- */

const char *
sl_plan_get_issuer (SlPlan *self)
{
  g_return_val_if_fail (SL_IS_PLAN (self), NULL);
  return self->issuer;
}

void
sl_plan_set_issuer (SlPlan *self,
             const char *issuer)
{
  g_return_if_fail (SL_IS_PLAN (self));
  if (sl_set_str (&self->issuer, issuer))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ISSUER]);
}

const char *
sl_plan_get_issued_on (SlPlan *self)
{
  g_return_val_if_fail (SL_IS_PLAN (self), NULL);
  return self->issued_on;
}

void
sl_plan_set_issued_on (SlPlan *self,
             const char *issued_on)
{
  g_return_if_fail (SL_IS_PLAN (self));
  if (sl_set_str (&self->issued_on, issued_on))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ISSUED_ON]);
}
