/* sl-meeting.h — one meeting, study session or lecture and what happened at it
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "sl-record.h"
#include "sl-enum-types.h"

G_BEGIN_DECLS

#define SL_TYPE_MEETING (sl_meeting_get_type ())

G_DECLARE_FINAL_TYPE (SlMeeting, sl_meeting, SL, MEETING, SlRecord)

SlMeeting    *sl_meeting_new               (void);

const char   *sl_meeting_get_organization  (SlMeeting    *self);
void          sl_meeting_set_organization  (SlMeeting    *self,
                                            const char   *organization);
SlMeetingKind sl_meeting_get_kind          (SlMeeting    *self);
void          sl_meeting_set_kind          (SlMeeting    *self,
                                            SlMeetingKind kind);
int           sl_meeting_get_sequence      (SlMeeting    *self);
void          sl_meeting_set_sequence      (SlMeeting    *self,
                                            int           sequence);
const char   *sl_meeting_get_title         (SlMeeting    *self);
void          sl_meeting_set_title         (SlMeeting    *self,
                                            const char   *title);
const char   *sl_meeting_get_date          (SlMeeting    *self);
void          sl_meeting_set_date          (SlMeeting    *self,
                                            const char   *date);
const char   *sl_meeting_get_start         (SlMeeting    *self);
void          sl_meeting_set_start         (SlMeeting    *self,
                                            const char   *start);
const char   *sl_meeting_get_end           (SlMeeting    *self);
void          sl_meeting_set_end           (SlMeeting    *self,
                                            const char   *end);
const char   *sl_meeting_get_place         (SlMeeting    *self);
void          sl_meeting_set_place         (SlMeeting    *self,
                                            const char   *place);
const char   *sl_meeting_get_chair         (SlMeeting    *self);
void          sl_meeting_set_chair         (SlMeeting    *self,
                                            const char   *chair);
const char   *sl_meeting_get_recorder      (SlMeeting    *self);
void          sl_meeting_set_recorder      (SlMeeting    *self,
                                            const char   *recorder);
SlStudyForm   sl_meeting_get_form          (SlMeeting    *self);
void          sl_meeting_set_form          (SlMeeting    *self,
                                            SlStudyForm   form);
const char   *sl_meeting_get_theme         (SlMeeting    *self);
void          sl_meeting_set_theme         (SlMeeting    *self,
                                            const char   *theme);
gboolean      sl_meeting_get_expanded      (SlMeeting    *self);
void          sl_meeting_set_expanded      (SlMeeting    *self,
                                            gboolean      expanded);
const char   *sl_meeting_get_plan_item     (SlMeeting    *self);
void          sl_meeting_set_plan_item     (SlMeeting    *self,
                                            const char   *plan_item);
const char   *sl_meeting_get_chair_summary (SlMeeting    *self);
void          sl_meeting_set_chair_summary (SlMeeting    *self,
                                            const char   *chair_summary);
const char   *sl_meeting_get_decisions     (SlMeeting    *self);
void          sl_meeting_set_decisions     (SlMeeting    *self,
                                            const char   *decisions);
const char   *sl_meeting_get_note          (SlMeeting    *self);
void          sl_meeting_set_note          (SlMeeting    *self,
                                            const char   *note);

GListModel   *sl_meeting_get_studies       (SlMeeting    *self);
GListModel   *sl_meeting_get_attendance    (SlMeeting    *self);
GListModel   *sl_meeting_get_guests        (SlMeeting    *self);
GListModel   *sl_meeting_get_speeches      (SlMeeting    *self);
GListModel   *sl_meeting_get_measures      (SlMeeting    *self);

int           sl_meeting_get_year          (SlMeeting    *self);
void          sl_meeting_count_attendance  (SlMeeting    *self,
                                            guint        *expected,
                                            guint        *present,
                                            guint        *leave,
                                            guint        *absent);

/* Archive version 2 */
gboolean sl_meeting_get_on_ideology (SlMeeting *self);
void sl_meeting_set_on_ideology (SlMeeting *self,
    gboolean on_ideology);
double sl_meeting_get_hours (SlMeeting *self);
void sl_meeting_set_hours (SlMeeting *self,
    double hours);
int sl_meeting_get_batch (SlMeeting *self);
void sl_meeting_set_batch (SlMeeting *self,
    int batch);

SlSessionPlan *sl_meeting_get_session_plan (SlMeeting *self);
void sl_meeting_set_session_plan (SlMeeting *self,
    SlSessionPlan *plan);

G_END_DECLS
