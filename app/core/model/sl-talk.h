/* sl-talk.h — a heart-to-heart talk (谈心谈话)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "sl-record.h"
#include "sl-enum-types.h"

G_BEGIN_DECLS

#define SL_TYPE_TALK (sl_talk_get_type ())

G_DECLARE_FINAL_TYPE (SlTalk, sl_talk, SL, TALK, SlRecord)

SlTalk *sl_talk_new (void);

const char *sl_talk_get_organization (SlTalk *self);
void sl_talk_set_organization (SlTalk *self,
    const char *organization);
const char *sl_talk_get_date (SlTalk *self);
void sl_talk_set_date (SlTalk *self,
    const char *date);
const char *sl_talk_get_place (SlTalk *self);
void sl_talk_set_place (SlTalk *self,
    const char *place);
const char *sl_talk_get_initiator (SlTalk *self);
void sl_talk_set_initiator (SlTalk *self,
    const char *initiator);
const char *sl_talk_get_counterpart (SlTalk *self);
void sl_talk_set_counterpart (SlTalk *self,
    const char *counterpart);
const char *sl_talk_get_counterpart_name (SlTalk *self);
void sl_talk_set_counterpart_name (SlTalk *self,
    const char *counterpart_name);
SlTalkForm sl_talk_get_form (SlTalk *self);
void sl_talk_set_form (SlTalk *self,
    SlTalkForm form);
SlTalkKind sl_talk_get_kind (SlTalk *self);
void sl_talk_set_kind (SlTalk *self,
    SlTalkKind kind);
const char *sl_talk_get_topic (SlTalk *self);
void sl_talk_set_topic (SlTalk *self,
    const char *topic);
const char *sl_talk_get_points (SlTalk *self);
void sl_talk_set_points (SlTalk *self,
    const char *points);
const char *sl_talk_get_follow_up (SlTalk *self);
void sl_talk_set_follow_up (SlTalk *self,
    const char *follow_up);

G_END_DECLS
