/* sl-plan-item.c — one planned study session in a yearly plan
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * month 0 means the plan leaves the month open. Whether an item was held
 * is not a status: it is derived from the meetings whose plan-item names
 * it, so the status only says planned, adjusted or cancelled. leads and
 * speakers hold member ids; they are never NULL, only empty.
 */

#define G_LOG_DOMAIN "sl-plan-item"

#include "config.h"

#include "sl-plan-item.h"
#include "sl-util.h"

struct _SlPlanItem
{
  SlRecord          parent_instance;

  /* owned */
  char             *planned_on;
  char             *theme;
  char             *content;
  char             *scope;
  char             *department;
  char             *note;
  char            **leads;
  char            **speakers;
  int               month;
  SlStudyForm       form;
  SlPlanItemStatus  status;
};

G_DEFINE_FINAL_TYPE (SlPlanItem, sl_plan_item, SL_TYPE_RECORD)

enum {
  PROP_0,
  PROP_MONTH,
  PROP_PLANNED_ON,
  PROP_THEME,
  PROP_CONTENT,
  PROP_FORM,
  PROP_LEADS,
  PROP_SPEAKERS,
  PROP_SCOPE,
  PROP_DEPARTMENT,
  PROP_STATUS,
  PROP_NOTE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

#define DEFINE_STRING_PROPERTY(field, PROP)                         \
  const char *                                                      \
  sl_plan_item_get_##field (SlPlanItem *self)                       \
  {                                                                 \
    g_return_val_if_fail (SL_IS_PLAN_ITEM (self), NULL);            \
    return self->field;                                             \
  }                                                                 \
  void                                                              \
  sl_plan_item_set_##field (SlPlanItem *self,                       \
                            const char *field)                      \
  {                                                                 \
    g_return_if_fail (SL_IS_PLAN_ITEM (self));                      \
    if (sl_set_str (&self->field, field))                           \
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP]); \
  }

DEFINE_STRING_PROPERTY (planned_on, PROP_PLANNED_ON)
DEFINE_STRING_PROPERTY (theme, PROP_THEME)
DEFINE_STRING_PROPERTY (content, PROP_CONTENT)
DEFINE_STRING_PROPERTY (scope, PROP_SCOPE)
DEFINE_STRING_PROPERTY (department, PROP_DEPARTMENT)
DEFINE_STRING_PROPERTY (note, PROP_NOTE)

#undef DEFINE_STRING_PROPERTY

#define DEFINE_STRV_PROPERTY(field, PROP)                           \
  const char * const *                                              \
  sl_plan_item_get_##field (SlPlanItem *self)                       \
  {                                                                 \
    g_return_val_if_fail (SL_IS_PLAN_ITEM (self), NULL);            \
    return (const char * const *) self->field;                      \
  }                                                                 \
  void                                                              \
  sl_plan_item_set_##field (SlPlanItem         *self,               \
                            const char * const *field)              \
  {                                                                 \
    g_return_if_fail (SL_IS_PLAN_ITEM (self));                      \
    if (sl_set_strv (&self->field, field))                          \
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP]); \
  }

DEFINE_STRV_PROPERTY (leads, PROP_LEADS)
DEFINE_STRV_PROPERTY (speakers, PROP_SPEAKERS)

#undef DEFINE_STRV_PROPERTY

int
sl_plan_item_get_month (SlPlanItem *self)
{
  g_return_val_if_fail (SL_IS_PLAN_ITEM (self), 0);
  return self->month;
}

void
sl_plan_item_set_month (SlPlanItem *self,
                        int         month)
{
  g_return_if_fail (SL_IS_PLAN_ITEM (self));
  g_return_if_fail (month >= 0 && month <= 12);

  if (self->month != month)
    {
      self->month = month;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MONTH]);
    }
}

SlStudyForm
sl_plan_item_get_form (SlPlanItem *self)
{
  g_return_val_if_fail (SL_IS_PLAN_ITEM (self), SL_STUDY_FORM_NONE);
  return self->form;
}

void
sl_plan_item_set_form (SlPlanItem *self,
                       SlStudyForm form)
{
  g_return_if_fail (SL_IS_PLAN_ITEM (self));
  g_return_if_fail ((guint) form <= SL_STUDY_FORM_OTHER);

  if (self->form != form)
    {
      self->form = form;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FORM]);
    }
}

SlPlanItemStatus
sl_plan_item_get_status (SlPlanItem *self)
{
  g_return_val_if_fail (SL_IS_PLAN_ITEM (self), SL_PLAN_ITEM_STATUS_NONE);
  return self->status;
}

void
sl_plan_item_set_status (SlPlanItem      *self,
                         SlPlanItemStatus status)
{
  g_return_if_fail (SL_IS_PLAN_ITEM (self));
  g_return_if_fail ((guint) status <= SL_PLAN_ITEM_STATUS_CANCELLED);

  if (self->status != status)
    {
      self->status = status;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STATUS]);
    }
}

static void
sl_plan_item_finalize (GObject *object)
{
  SlPlanItem *self = SL_PLAN_ITEM (object);

  g_clear_pointer (&self->planned_on, g_free);
  g_clear_pointer (&self->theme, g_free);
  g_clear_pointer (&self->content, g_free);
  g_clear_pointer (&self->leads, g_strfreev);
  g_clear_pointer (&self->speakers, g_strfreev);
  g_clear_pointer (&self->scope, g_free);
  g_clear_pointer (&self->department, g_free);
  g_clear_pointer (&self->note, g_free);

  G_OBJECT_CLASS (sl_plan_item_parent_class)->finalize (object);
}

static void
sl_plan_item_get_property (GObject    *object,
                           guint       prop_id,
                           GValue     *value,
                           GParamSpec *pspec)
{
  SlPlanItem *self = SL_PLAN_ITEM (object);

  switch (prop_id)
    {
    case PROP_MONTH:      g_value_set_int (value, self->month); break;
    case PROP_PLANNED_ON: g_value_set_string (value, self->planned_on); break;
    case PROP_THEME:      g_value_set_string (value, self->theme); break;
    case PROP_CONTENT:    g_value_set_string (value, self->content); break;
    case PROP_FORM:       g_value_set_enum (value, self->form); break;
    case PROP_LEADS:      g_value_set_boxed (value, self->leads); break;
    case PROP_SPEAKERS:   g_value_set_boxed (value, self->speakers); break;
    case PROP_SCOPE:      g_value_set_string (value, self->scope); break;
    case PROP_DEPARTMENT: g_value_set_string (value, self->department); break;
    case PROP_STATUS:     g_value_set_enum (value, self->status); break;
    case PROP_NOTE:       g_value_set_string (value, self->note); break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sl_plan_item_set_property (GObject      *object,
                           guint         prop_id,
                           const GValue *value,
                           GParamSpec   *pspec)
{
  SlPlanItem *self = SL_PLAN_ITEM (object);

  switch (prop_id)
    {
    case PROP_MONTH:      sl_plan_item_set_month (self, g_value_get_int (value)); break;
    case PROP_PLANNED_ON: sl_plan_item_set_planned_on (self, g_value_get_string (value)); break;
    case PROP_THEME:      sl_plan_item_set_theme (self, g_value_get_string (value)); break;
    case PROP_CONTENT:    sl_plan_item_set_content (self, g_value_get_string (value)); break;
    case PROP_FORM:       sl_plan_item_set_form (self, g_value_get_enum (value)); break;
    case PROP_LEADS:      sl_plan_item_set_leads (self, g_value_get_boxed (value)); break;
    case PROP_SPEAKERS:   sl_plan_item_set_speakers (self, g_value_get_boxed (value)); break;
    case PROP_SCOPE:      sl_plan_item_set_scope (self, g_value_get_string (value)); break;
    case PROP_DEPARTMENT: sl_plan_item_set_department (self, g_value_get_string (value)); break;
    case PROP_STATUS:     sl_plan_item_set_status (self, g_value_get_enum (value)); break;
    case PROP_NOTE:       sl_plan_item_set_note (self, g_value_get_string (value)); break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sl_plan_item_class_init (SlPlanItemClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  const GParamFlags flags = (G_PARAM_READWRITE |
                             G_PARAM_EXPLICIT_NOTIFY |
                             G_PARAM_STATIC_STRINGS);

  object_class->finalize = sl_plan_item_finalize;
  object_class->get_property = sl_plan_item_get_property;
  object_class->set_property = sl_plan_item_set_property;

  properties[PROP_MONTH] = g_param_spec_int ("month", NULL, NULL, 0, 12, 0, flags);
  properties[PROP_PLANNED_ON] = g_param_spec_string ("planned-on", NULL, NULL, NULL, flags);
  properties[PROP_THEME] = g_param_spec_string ("theme", NULL, NULL, NULL, flags);
  properties[PROP_CONTENT] = g_param_spec_string ("content", NULL, NULL, NULL, flags);
  properties[PROP_FORM] =
    g_param_spec_enum ("form", NULL, NULL, SL_TYPE_STUDY_FORM, SL_STUDY_FORM_NONE, flags);
  properties[PROP_LEADS] = g_param_spec_boxed ("leads", NULL, NULL, G_TYPE_STRV, flags);
  properties[PROP_SPEAKERS] = g_param_spec_boxed ("speakers", NULL, NULL, G_TYPE_STRV, flags);
  properties[PROP_SCOPE] = g_param_spec_string ("scope", NULL, NULL, NULL, flags);
  properties[PROP_DEPARTMENT] = g_param_spec_string ("department", NULL, NULL, NULL, flags);
  properties[PROP_STATUS] =
    g_param_spec_enum ("status", NULL, NULL, SL_TYPE_PLAN_ITEM_STATUS, SL_PLAN_ITEM_STATUS_NONE, flags);
  properties[PROP_NOTE] = g_param_spec_string ("note", NULL, NULL, NULL, flags);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
sl_plan_item_init (SlPlanItem *self)
{
  self->leads = g_new0 (char *, 1);
  self->speakers = g_new0 (char *, 1);
}

SlPlanItem *
sl_plan_item_new (void)
{
  return g_object_new (SL_TYPE_PLAN_ITEM, NULL);
}
