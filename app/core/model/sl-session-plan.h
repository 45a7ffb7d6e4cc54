/* sl-session-plan.h — a central-group session's plan (学习方案), approved before it
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "sl-types.h"

G_BEGIN_DECLS

#define SL_TYPE_SESSION_PLAN (sl_session_plan_get_type ())

G_DECLARE_FINAL_TYPE (SlSessionPlan, sl_session_plan, SL, SESSION_PLAN, GObject)

SlSessionPlan      *sl_session_plan_new              (void);

const char * const *sl_session_plan_get_topics       (SlSessionPlan      *self);
void                sl_session_plan_set_topics       (SlSessionPlan      *self,
                                                      const char * const *topics);
/* Key speeches in order: the speaker (a member's id) and the title, two
 * arrays of the same length. */
guint               sl_session_plan_get_n_speeches   (SlSessionPlan      *self);
const char         *sl_session_plan_get_speech_member (SlSessionPlan     *self,
                                                      guint               index);
const char         *sl_session_plan_get_speech_title (SlSessionPlan      *self,
                                                      guint               index);
void                sl_session_plan_add_speech       (SlSessionPlan      *self,
                                                      const char         *member,
                                                      const char         *title);
void                sl_session_plan_clear_speeches   (SlSessionPlan      *self);
const char         *sl_session_plan_get_approved_by  (SlSessionPlan      *self);
void                sl_session_plan_set_approved_by  (SlSessionPlan      *self,
                                                      const char         *approved_by);
const char         *sl_session_plan_get_approved_on  (SlSessionPlan      *self);
void                sl_session_plan_set_approved_on  (SlSessionPlan      *self,
                                                      const char         *approved_on);

/* TRUE when @a and @b (either may be NULL, no plan) say the same. */
gboolean            sl_session_plan_equal            (SlSessionPlan      *a,
                                                      SlSessionPlan      *b);

G_END_DECLS
