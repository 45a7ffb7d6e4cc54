/* sl-session-plan.c — a central-group session's plan (学习方案), approved before it
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * “会前有方案”: the discussion topics (研讨题目), the key speeches in order
 * (重点发言: who, on what), and the group leader's approval (审定: by whom,
 * on which day). A meeting without a plan has none (NULL), not an empty one.
 */

#define G_LOG_DOMAIN "sl-session-plan"

#include "config.h"

#include "sl-session-plan.h"
#include "sl-util.h"

struct _SlSessionPlan
{
  GObject     parent_instance;

  /* owned */
  char      **topics;
  GPtrArray  *members;   /* char*, NULL for no speaker */
  GPtrArray  *titles;    /* char*, NULL for no title */
  char       *approved_by;
  char       *approved_on;
};

G_DEFINE_FINAL_TYPE (SlSessionPlan, sl_session_plan, G_TYPE_OBJECT)

static void
sl_session_plan_finalize (GObject *object)
{
  SlSessionPlan *self = SL_SESSION_PLAN (object);

  g_clear_pointer (&self->topics, g_strfreev);
  g_clear_pointer (&self->members, g_ptr_array_unref);
  g_clear_pointer (&self->titles, g_ptr_array_unref);
  g_clear_pointer (&self->approved_by, g_free);
  g_clear_pointer (&self->approved_on, g_free);

  G_OBJECT_CLASS (sl_session_plan_parent_class)->finalize (object);
}

static void
sl_session_plan_class_init (SlSessionPlanClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = sl_session_plan_finalize;
}

static void
sl_session_plan_init (SlSessionPlan *self)
{
  self->topics = g_new0 (char *, 1);
  self->members = g_ptr_array_new_with_free_func (g_free);
  self->titles = g_ptr_array_new_with_free_func (g_free);
}

SlSessionPlan *
sl_session_plan_new (void)
{
  return g_object_new (SL_TYPE_SESSION_PLAN, NULL);
}

const char * const *
sl_session_plan_get_topics (SlSessionPlan *self)
{
  g_return_val_if_fail (SL_IS_SESSION_PLAN (self), NULL);
  return (const char * const *) self->topics;
}

void
sl_session_plan_set_topics (SlSessionPlan      *self,
                            const char * const *topics)
{
  g_return_if_fail (SL_IS_SESSION_PLAN (self));

  g_strfreev (self->topics);
  self->topics = topics ? g_strdupv ((char **) topics) : g_new0 (char *, 1);
}

guint
sl_session_plan_get_n_speeches (SlSessionPlan *self)
{
  g_return_val_if_fail (SL_IS_SESSION_PLAN (self), 0);
  return self->members->len;
}

const char *
sl_session_plan_get_speech_member (SlSessionPlan *self,
                                   guint          index)
{
  g_return_val_if_fail (SL_IS_SESSION_PLAN (self), NULL);
  g_return_val_if_fail (index < self->members->len, NULL);
  return g_ptr_array_index (self->members, index);
}

const char *
sl_session_plan_get_speech_title (SlSessionPlan *self,
                                  guint          index)
{
  g_return_val_if_fail (SL_IS_SESSION_PLAN (self), NULL);
  g_return_val_if_fail (index < self->titles->len, NULL);
  return g_ptr_array_index (self->titles, index);
}

void
sl_session_plan_add_speech (SlSessionPlan *self,
                            const char    *member,
                            const char    *title)
{
  g_return_if_fail (SL_IS_SESSION_PLAN (self));

  g_ptr_array_add (self->members, g_strdup (member));
  g_ptr_array_add (self->titles, g_strdup (title));
}

void
sl_session_plan_clear_speeches (SlSessionPlan *self)
{
  g_return_if_fail (SL_IS_SESSION_PLAN (self));

  g_ptr_array_set_size (self->members, 0);
  g_ptr_array_set_size (self->titles, 0);
}

const char *
sl_session_plan_get_approved_by (SlSessionPlan *self)
{
  g_return_val_if_fail (SL_IS_SESSION_PLAN (self), NULL);
  return self->approved_by;
}

void
sl_session_plan_set_approved_by (SlSessionPlan *self,
                                 const char    *approved_by)
{
  g_return_if_fail (SL_IS_SESSION_PLAN (self));
  sl_set_str (&self->approved_by, approved_by);
}

const char *
sl_session_plan_get_approved_on (SlSessionPlan *self)
{
  g_return_val_if_fail (SL_IS_SESSION_PLAN (self), NULL);
  return self->approved_on;
}

void
sl_session_plan_set_approved_on (SlSessionPlan *self,
                                 const char    *approved_on)
{
  g_return_if_fail (SL_IS_SESSION_PLAN (self));
  sl_set_str (&self->approved_on, approved_on);
}

gboolean
sl_session_plan_equal (SlSessionPlan *a,
                       SlSessionPlan *b)
{
  if (a == b)
    return TRUE;
  if (a == NULL || b == NULL)
    return FALSE;
  if (!g_strv_equal ((const char * const *) a->topics, (const char * const *) b->topics) ||
      g_strcmp0 (a->approved_by, b->approved_by) != 0 ||
      g_strcmp0 (a->approved_on, b->approved_on) != 0 ||
      a->members->len != b->members->len)
    return FALSE;
  for (guint i = 0; i < a->members->len; i++)
    if (g_strcmp0 (g_ptr_array_index (a->members, i), g_ptr_array_index (b->members, i)) != 0 ||
        g_strcmp0 (g_ptr_array_index (a->titles, i), g_ptr_array_index (b->titles, i)) != 0)
      return FALSE;
  return TRUE;
}
