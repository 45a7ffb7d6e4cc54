/* sl-topic.h — an item of the topic pool (议题库): a text to study as a first topic
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "sl-record.h"
#include "sl-enum-types.h"

G_BEGIN_DECLS

#define SL_TYPE_TOPIC (sl_topic_get_type ())

G_DECLARE_FINAL_TYPE (SlTopic, sl_topic, SL, TOPIC, SlRecord)

SlTopic *sl_topic_new (void);

const char *sl_topic_get_organization (SlTopic *self);
void sl_topic_set_organization (SlTopic *self,
    const char *organization);
const char *sl_topic_get_title (SlTopic *self);
void sl_topic_set_title (SlTopic *self,
    const char *title);
SlTopicSource sl_topic_get_source_kind (SlTopic *self);
void sl_topic_set_source_kind (SlTopic *self,
    SlTopicSource source_kind);
const char *sl_topic_get_source (SlTopic *self);
void sl_topic_set_source (SlTopic *self,
    const char *source);
const char *sl_topic_get_published_on (SlTopic *self);
void sl_topic_set_published_on (SlTopic *self,
    const char *published_on);
const char *sl_topic_get_received_on (SlTopic *self);
void sl_topic_set_received_on (SlTopic *self,
    const char *received_on);
const char *sl_topic_get_planned_meeting (SlTopic *self);
void sl_topic_set_planned_meeting (SlTopic *self,
    const char *planned_meeting);
const char *sl_topic_get_note (SlTopic *self);
void sl_topic_set_note (SlTopic *self,
    const char *note);

G_END_DECLS
