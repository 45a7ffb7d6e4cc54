/* sl-types.h — forward declarations and the record enumerations
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

typedef struct _SlDatabase       SlDatabase;
typedef struct _SlLedger         SlLedger;
typedef struct _SlOrganization   SlOrganization;
typedef struct _SlMember         SlMember;
typedef struct _SlPlan           SlPlan;
typedef struct _SlPlanItem       SlPlanItem;
typedef struct _SlMeeting        SlMeeting;
typedef struct _SlStudy          SlStudy;
typedef struct _SlAttendance     SlAttendance;
typedef struct _SlGuest          SlGuest;
typedef struct _SlSpeech         SlSpeech;
typedef struct _SlMeasure        SlMeasure;
typedef struct _SlResearchTopic  SlResearchTopic;
typedef struct _SlTopic          SlTopic;
typedef struct _SlTalk           SlTalk;
typedef struct _SlBranchReport   SlBranchReport;
typedef struct _SlStudyNote      SlStudyNote;
typedef struct _SlSessionPlan    SlSessionPlan;

/* Each enumeration's nick is the archive's code (ARCHIVE.md); the value 0,
 * where there is one named NONE, stands for JSON null. The glib-mkenums
 * GTypes live in sl-enum-types.h, the translated names in sl-enums.h.
 */

typedef enum
{
  SL_ORGANIZATION_KIND_NONE,            /*< nick=none >*/
  SL_ORGANIZATION_KIND_PARTY_GROUP,     /*< nick=party_group >*/
  SL_ORGANIZATION_KIND_PARTY_COMMITTEE, /*< nick=party_committee >*/
  SL_ORGANIZATION_KIND_BRANCH,          /*< nick=branch >*/
  SL_ORGANIZATION_KIND_OTHER,           /*< nick=other >*/
} SlOrganizationKind;

typedef enum
{
  SL_MEETING_KIND_NONE,               /*< nick=none >*/
  SL_MEETING_KIND_PARTY_GROUP,        /*< nick=party_group >*/
  SL_MEETING_KIND_CENTRAL_GROUP,      /*< nick=central_group >*/
  SL_MEETING_KIND_IDEOLOGY,           /*< nick=ideology >*/
  SL_MEETING_KIND_SITUATION_ANALYSIS, /*< nick=situation_analysis >*/
  SL_MEETING_KIND_BRANCH_ASSEMBLY,    /*< nick=branch_assembly >*/
  SL_MEETING_KIND_BRANCH_COMMITTEE,   /*< nick=branch_committee >*/
  SL_MEETING_KIND_GROUP_MEETING,      /*< nick=group_meeting >*/
  SL_MEETING_KIND_PARTY_LECTURE,      /*< nick=party_lecture >*/
  SL_MEETING_KIND_TRAINING,           /*< nick=training >*/
  SL_MEETING_KIND_OTHER,              /*< nick=other >*/
} SlMeetingKind;

typedef enum
{
  SL_STUDY_FORM_NONE,             /*< nick=none >*/
  SL_STUDY_FORM_COLLECTIVE_STUDY, /*< nick=collective_study >*/
  SL_STUDY_FORM_SEMINAR,          /*< nick=seminar >*/
  SL_STUDY_FORM_LECTURE,          /*< nick=lecture >*/
  SL_STUDY_FORM_RESEARCH,         /*< nick=research >*/
  SL_STUDY_FORM_READING_CLASS,    /*< nick=reading_class >*/
  SL_STUDY_FORM_ON_SITE,          /*< nick=on_site >*/
  SL_STUDY_FORM_RELAY,            /*< nick=relay >*/
  SL_STUDY_FORM_OTHER,            /*< nick=other >*/
} SlStudyForm;

typedef enum
{
  SL_PLAN_ITEM_STATUS_NONE,      /*< nick=none >*/
  SL_PLAN_ITEM_STATUS_PLANNED,   /*< nick=planned >*/
  SL_PLAN_ITEM_STATUS_ADJUSTED,  /*< nick=adjusted >*/
  SL_PLAN_ITEM_STATUS_CANCELLED, /*< nick=cancelled >*/
} SlPlanItemStatus;

typedef enum
{
  SL_ATTENDANCE_STATUS_NONE,    /*< nick=none >*/
  SL_ATTENDANCE_STATUS_PRESENT, /*< nick=present >*/
  SL_ATTENDANCE_STATUS_LEAVE,   /*< nick=leave >*/
  SL_ATTENDANCE_STATUS_ABSENT,  /*< nick=absent >*/
} SlAttendanceStatus;

typedef enum
{
  SL_LEAVE_KIND_NONE,     /*< nick=none >*/
  SL_LEAVE_KIND_OFFICIAL, /*< nick=official >*/
  SL_LEAVE_KIND_SICK,     /*< nick=sick >*/
  SL_LEAVE_KIND_PERSONAL, /*< nick=personal >*/
} SlLeaveKind;

typedef enum
{
  SL_MEASURE_STATUS_NONE,        /*< nick=none >*/
  SL_MEASURE_STATUS_OPEN,        /*< nick=open >*/
  SL_MEASURE_STATUS_IN_PROGRESS, /*< nick=in_progress >*/
  SL_MEASURE_STATUS_DONE,        /*< nick=done >*/
} SlMeasureStatus;

typedef enum
{
  SL_TOPIC_STATUS_NONE,        /*< nick=none >*/
  SL_TOPIC_STATUS_PLANNED,     /*< nick=planned >*/
  SL_TOPIC_STATUS_IN_PROGRESS, /*< nick=in_progress >*/
  SL_TOPIC_STATUS_DONE,        /*< nick=done >*/
} SlTopicStatus;

/* Archive version 2: the topic pool, talks, study notes, speeches. */
typedef enum
{
  SL_TOPIC_SOURCE_NONE,             /*< nick=none >*/
  SL_TOPIC_SOURCE_CENTRAL_DOCUMENT, /*< nick=central_document >*/
  SL_TOPIC_SOURCE_SPEECH,           /*< nick=speech >*/
  SL_TOPIC_SOURCE_INSTRUCTION,      /*< nick=instruction >*/
  SL_TOPIC_SOURCE_NEWS,             /*< nick=news >*/
  SL_TOPIC_SOURCE_OTHER,            /*< nick=other >*/
} SlTopicSource;

typedef enum
{
  SL_TALK_FORM_NONE,      /*< nick=none >*/
  SL_TALK_FORM_IN_PERSON, /*< nick=in_person >*/
  SL_TALK_FORM_PHONE,     /*< nick=phone >*/
  SL_TALK_FORM_OTHER,     /*< nick=other >*/
} SlTalkForm;

typedef enum
{
  SL_TALK_KIND_NONE,           /*< nick=none >*/
  SL_TALK_KIND_ROUTINE,        /*< nick=routine >*/
  SL_TALK_KIND_ON_APPOINTMENT, /*< nick=on_appointment >*/
  SL_TALK_KIND_ON_WARNING,     /*< nick=on_warning >*/
  SL_TALK_KIND_ON_DIFFICULTY,  /*< nick=on_difficulty >*/
  SL_TALK_KIND_OTHER,          /*< nick=other >*/
} SlTalkKind;

typedef enum
{
  SL_STUDY_NOTE_KIND_NONE,       /*< nick=none >*/
  SL_STUDY_NOTE_KIND_NOTES,      /*< nick=notes >*/
  SL_STUDY_NOTE_KIND_REFLECTION, /*< nick=reflection >*/
  SL_STUDY_NOTE_KIND_REPORT,     /*< nick=report >*/
  SL_STUDY_NOTE_KIND_OTHER,      /*< nick=other >*/
} SlStudyNoteKind;

typedef enum
{
  SL_SPEECH_KIND_NONE,          /*< nick=none >*/
  SL_SPEECH_KIND_KEY,           /*< nick=key >*/
  SL_SPEECH_KIND_SUPPLEMENTARY, /*< nick=supplementary >*/
  SL_SPEECH_KIND_WRITTEN,       /*< nick=written >*/
} SlSpeechKind;

G_END_DECLS
