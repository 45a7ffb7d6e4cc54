/* sl-member-year.h — one member's year, as the 个人学习档案 shows it
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "sl-ledger.h"
#include "sl-statistics.h"

G_BEGIN_DECLS

/* A member's part in one meeting: the study they led, the speech they
 * gave, their attendance row at a training. */
typedef struct
{
  SlMeeting *meeting;   /* with details */
  gpointer   item;      /* SlStudy, SlSpeech or SlAttendance */
} SlMemberPart;

typedef struct
{
  SlMember      *member;
  int            year;
  SlMemberStats  stats;            /* the member's figures from SlStatistics; id and name unset */
  double         attendance_rate;  /* NAN when nothing was expected */
  double         participation_rate;

  GPtrArray     *absences;         /* SlMemberPart (SlAttendance): leave or absent, by date */
  GPtrArray     *led;              /* SlMemberPart (SlStudy): studies the member led, by date */
  guint          first_topic_led;  /* first-topic studies led */
  guint          central_group_led;/* central-group sessions at which the member led a study */
  GPtrArray     *speeches;         /* SlMemberPart (SlSpeech), by date */
  GPtrArray     *trainings;        /* SlMemberPart (SlAttendance): training meetings listing the member */
  GPtrArray     *research_topics;  /* SlResearchTopic the member leads this year */
  GPtrArray     *talks;            /* SlTalk held by or with the member, by date */
  GPtrArray     *notes;            /* SlStudyNote of the year, by date */
} SlMemberYear;

/* Everything of @member's @year, counted as `stats --json` counts it
 * (sl_statistics_compute() for @organization, NULL for all), judged on
 * @today (NULL: today). */
SlMemberYear *sl_member_year_load (SlLedger     *ledger,
                                   const char   *member,
                                   int           year,
                                   const char   *organization,
                                   const char   *today,
                                   GError      **error);
void          sl_member_year_free (SlMemberYear *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (SlMemberYear, sl_member_year_free)

G_END_DECLS
