/* sl-study.h — one text studied at a meeting
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "sl-record.h"

G_BEGIN_DECLS

#define SL_TYPE_STUDY (sl_study_get_type ())

G_DECLARE_FINAL_TYPE (SlStudy, sl_study, SL, STUDY, SlRecord)

SlStudy    *sl_study_new              (void);

const char *sl_study_get_title        (SlStudy    *self);
void        sl_study_set_title        (SlStudy    *self,
                                       const char *title);
const char *sl_study_get_source       (SlStudy    *self);
void        sl_study_set_source       (SlStudy    *self,
                                       const char *source);
const char *sl_study_get_published_on (SlStudy    *self);
void        sl_study_set_published_on (SlStudy    *self,
                                       const char *published_on);
const char *sl_study_get_lead         (SlStudy    *self);
void        sl_study_set_lead         (SlStudy    *self,
                                       const char *lead);
gboolean    sl_study_get_first_topic  (SlStudy    *self);
void        sl_study_set_first_topic  (SlStudy    *self,
                                       gboolean    first_topic);
const char *sl_study_get_summary      (SlStudy    *self);
void        sl_study_set_summary      (SlStudy    *self,
                                       const char *summary);

/* Archive version 2 */
const char *sl_study_get_topic (SlStudy *self);
void sl_study_set_topic (SlStudy *self,
    const char *topic);

G_END_DECLS
