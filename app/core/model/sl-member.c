/* sl-member.c — a person on the roster of an organization
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * joined-on and left-on bound the days on which the member is expected at
 * the organization's meetings; sort is the roster order that sign-in sheets
 * and lists follow. organization holds the organization's id.
 */

#define G_LOG_DOMAIN "sl-member"

#include "config.h"

#include "sl-member.h"
#include "sl-util.h"

struct _SlMember
{
  SlRecord  parent_instance;

  /* owned */
  char     *name;
  char     *gender;
  char     *post;
  char     *organization;
  char     *joined_on;
  char     *left_on;
  char     *phone;
  char     *note;
  int       sort;
  guint     leadership : 1;
  guint     central_group : 1;

  /* archive version 2 */
  char *party_joined_on;
};

G_DEFINE_FINAL_TYPE (SlMember, sl_member, SL_TYPE_RECORD)

enum {
  PROP_0,
  PROP_NAME,
  PROP_GENDER,
  PROP_POST,
  PROP_ORGANIZATION,
  PROP_LEADERSHIP,
  PROP_CENTRAL_GROUP,
  PROP_JOINED_ON,
  PROP_LEFT_ON,
  PROP_SORT,
  PROP_PHONE,
  PROP_NOTE,
  PROP_PARTY_JOINED_ON,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

#define DEFINE_STRING_PROPERTY(field, PROP)                        \
  const char *                                                     \
  sl_member_get_##field (SlMember *self)                           \
  {                                                                \
    g_return_val_if_fail (SL_IS_MEMBER (self), NULL);              \
    return self->field;                                            \
  }                                                                \
  void                                                             \
  sl_member_set_##field (SlMember   *self,                         \
                         const char *field)                        \
  {                                                                \
    g_return_if_fail (SL_IS_MEMBER (self));                        \
    if (sl_set_str (&self->field, field))                          \
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP]); \
  }

DEFINE_STRING_PROPERTY (name, PROP_NAME)
DEFINE_STRING_PROPERTY (gender, PROP_GENDER)
DEFINE_STRING_PROPERTY (post, PROP_POST)
DEFINE_STRING_PROPERTY (organization, PROP_ORGANIZATION)
DEFINE_STRING_PROPERTY (joined_on, PROP_JOINED_ON)
DEFINE_STRING_PROPERTY (left_on, PROP_LEFT_ON)
DEFINE_STRING_PROPERTY (phone, PROP_PHONE)
DEFINE_STRING_PROPERTY (note, PROP_NOTE)

#undef DEFINE_STRING_PROPERTY

gboolean
sl_member_get_leadership (SlMember *self)
{
  g_return_val_if_fail (SL_IS_MEMBER (self), FALSE);
  return self->leadership;
}

void
sl_member_set_leadership (SlMember *self,
                          gboolean  leadership)
{
  g_return_if_fail (SL_IS_MEMBER (self));

  leadership = !!leadership;
  if (self->leadership != leadership)
    {
      self->leadership = leadership;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LEADERSHIP]);
    }
}

gboolean
sl_member_get_central_group (SlMember *self)
{
  g_return_val_if_fail (SL_IS_MEMBER (self), FALSE);
  return self->central_group;
}

void
sl_member_set_central_group (SlMember *self,
                             gboolean  central_group)
{
  g_return_if_fail (SL_IS_MEMBER (self));

  central_group = !!central_group;
  if (self->central_group != central_group)
    {
      self->central_group = central_group;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CENTRAL_GROUP]);
    }
}

int
sl_member_get_sort (SlMember *self)
{
  g_return_val_if_fail (SL_IS_MEMBER (self), 0);
  return self->sort;
}

void
sl_member_set_sort (SlMember *self,
                    int       sort)
{
  g_return_if_fail (SL_IS_MEMBER (self));

  if (self->sort != sort)
    {
      self->sort = sort;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SORT]);
    }
}

/* Whether the member belongs to the roster on @date ("YYYY-MM-DD"):
 * dates compare as strings because they are zero-padded. */
gboolean
sl_member_is_active_on (SlMember   *self,
                        const char *date)
{
  g_return_val_if_fail (SL_IS_MEMBER (self), FALSE);
  g_return_val_if_fail (date != NULL, FALSE);

  if (self->joined_on != NULL && g_strcmp0 (date, self->joined_on) < 0)
    return FALSE;
  if (self->left_on != NULL && g_strcmp0 (date, self->left_on) > 0)
    return FALSE;

  return TRUE;
}

static void
sl_member_finalize (GObject *object)
{
  SlMember *self = SL_MEMBER (object);

  g_clear_pointer (&self->name, g_free);
  g_clear_pointer (&self->gender, g_free);
  g_clear_pointer (&self->post, g_free);
  g_clear_pointer (&self->organization, g_free);
  g_clear_pointer (&self->joined_on, g_free);
  g_clear_pointer (&self->left_on, g_free);
  g_clear_pointer (&self->phone, g_free);
  g_clear_pointer (&self->note, g_free);

  g_clear_pointer (&self->party_joined_on, g_free);

  G_OBJECT_CLASS (sl_member_parent_class)->finalize (object);
}

static void
sl_member_get_property (GObject    *object,
                        guint       prop_id,
                        GValue     *value,
                        GParamSpec *pspec)
{
  SlMember *self = SL_MEMBER (object);

  switch (prop_id)
    {
    case PROP_NAME:          g_value_set_string (value, self->name); break;
    case PROP_GENDER:        g_value_set_string (value, self->gender); break;
    case PROP_POST:          g_value_set_string (value, self->post); break;
    case PROP_ORGANIZATION:  g_value_set_string (value, self->organization); break;
    case PROP_LEADERSHIP:    g_value_set_boolean (value, self->leadership); break;
    case PROP_CENTRAL_GROUP: g_value_set_boolean (value, self->central_group); break;
    case PROP_JOINED_ON:     g_value_set_string (value, self->joined_on); break;
    case PROP_LEFT_ON:       g_value_set_string (value, self->left_on); break;
    case PROP_SORT:          g_value_set_int (value, self->sort); break;
    case PROP_PHONE:         g_value_set_string (value, self->phone); break;
    case PROP_NOTE:          g_value_set_string (value, self->note); break;
    case PROP_PARTY_JOINED_ON: g_value_set_string (value, self->party_joined_on); break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sl_member_set_property (GObject      *object,
                        guint         prop_id,
                        const GValue *value,
                        GParamSpec   *pspec)
{
  SlMember *self = SL_MEMBER (object);

  switch (prop_id)
    {
    case PROP_NAME:          sl_member_set_name (self, g_value_get_string (value)); break;
    case PROP_GENDER:        sl_member_set_gender (self, g_value_get_string (value)); break;
    case PROP_POST:          sl_member_set_post (self, g_value_get_string (value)); break;
    case PROP_ORGANIZATION:  sl_member_set_organization (self, g_value_get_string (value)); break;
    case PROP_LEADERSHIP:    sl_member_set_leadership (self, g_value_get_boolean (value)); break;
    case PROP_CENTRAL_GROUP: sl_member_set_central_group (self, g_value_get_boolean (value)); break;
    case PROP_JOINED_ON:     sl_member_set_joined_on (self, g_value_get_string (value)); break;
    case PROP_LEFT_ON:       sl_member_set_left_on (self, g_value_get_string (value)); break;
    case PROP_SORT:          sl_member_set_sort (self, g_value_get_int (value)); break;
    case PROP_PHONE:         sl_member_set_phone (self, g_value_get_string (value)); break;
    case PROP_NOTE:          sl_member_set_note (self, g_value_get_string (value)); break;
    case PROP_PARTY_JOINED_ON: sl_member_set_party_joined_on (self, g_value_get_string (value)); break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sl_member_class_init (SlMemberClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  const GParamFlags flags = (G_PARAM_READWRITE |
                             G_PARAM_EXPLICIT_NOTIFY |
                             G_PARAM_STATIC_STRINGS);

  object_class->finalize = sl_member_finalize;
  object_class->get_property = sl_member_get_property;
  object_class->set_property = sl_member_set_property;

  properties[PROP_NAME] = g_param_spec_string ("name", NULL, NULL, NULL, flags);
  properties[PROP_GENDER] = g_param_spec_string ("gender", NULL, NULL, NULL, flags);
  properties[PROP_POST] = g_param_spec_string ("post", NULL, NULL, NULL, flags);
  properties[PROP_ORGANIZATION] = g_param_spec_string ("organization", NULL, NULL, NULL, flags);
  properties[PROP_LEADERSHIP] = g_param_spec_boolean ("leadership", NULL, NULL, FALSE, flags);
  properties[PROP_CENTRAL_GROUP] = g_param_spec_boolean ("central-group", NULL, NULL, FALSE, flags);
  properties[PROP_JOINED_ON] = g_param_spec_string ("joined-on", NULL, NULL, NULL, flags);
  properties[PROP_LEFT_ON] = g_param_spec_string ("left-on", NULL, NULL, NULL, flags);
  properties[PROP_SORT] = g_param_spec_int ("sort", NULL, NULL, G_MININT, G_MAXINT, 0, flags);
  properties[PROP_PHONE] = g_param_spec_string ("phone", NULL, NULL, NULL, flags);
  properties[PROP_NOTE] = g_param_spec_string ("note", NULL, NULL, NULL, flags);

  properties[PROP_PARTY_JOINED_ON] = g_param_spec_string ("party-joined-on", NULL, NULL, NULL, flags);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
sl_member_init (SlMember *self)
{
}

SlMember *
sl_member_new (void)
{
  return g_object_new (SL_TYPE_MEMBER, NULL);
}

/* Archive version 2 ---------------------------------------------------------- */

const char *
sl_member_get_party_joined_on (SlMember *self)
{
  g_return_val_if_fail (SL_IS_MEMBER (self), NULL);
  return self->party_joined_on;
}

void
sl_member_set_party_joined_on (SlMember *self,
               const char *party_joined_on)
{
  g_return_if_fail (SL_IS_MEMBER (self));
  if (sl_set_str (&self->party_joined_on, party_joined_on))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PARTY_JOINED_ON]);
}
