/* sl-research-topic.h — a leadership member's research topic (调研课题) for one year
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "sl-record.h"
#include "sl-enum-types.h"

G_BEGIN_DECLS

#define SL_TYPE_RESEARCH_TOPIC (sl_research_topic_get_type ())

G_DECLARE_FINAL_TYPE (SlResearchTopic, sl_research_topic, SL, RESEARCH_TOPIC, SlRecord)

SlResearchTopic *sl_research_topic_new              (void);

const char      *sl_research_topic_get_organization (SlResearchTopic *self);
void             sl_research_topic_set_organization (SlResearchTopic *self,
                                                     const char      *organization);
int              sl_research_topic_get_year         (SlResearchTopic *self);
void             sl_research_topic_set_year         (SlResearchTopic *self,
                                                     int              year);
const char      *sl_research_topic_get_lead         (SlResearchTopic *self);
void             sl_research_topic_set_lead         (SlResearchTopic *self,
                                                     const char      *lead);
const char      *sl_research_topic_get_title        (SlResearchTopic *self);
void             sl_research_topic_set_title        (SlResearchTopic *self,
                                                     const char      *title);
SlTopicStatus    sl_research_topic_get_status       (SlResearchTopic *self);
void             sl_research_topic_set_status       (SlResearchTopic *self,
                                                     SlTopicStatus    status);
const char      *sl_research_topic_get_note         (SlResearchTopic *self);
void             sl_research_topic_set_note         (SlResearchTopic *self,
                                                     const char      *note);

G_END_DECLS
