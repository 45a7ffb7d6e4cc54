/* sl-archive-fields.h — the archive's records, field by field (private)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * One table per record kind drives both the writer (sl-archive.c) and the
 * reader (sl-archive-import.c): the archive key, what kind of value it
 * holds, and for references what they point at. The key is also the
 * property name, with '-' for '_' (sl_archive_property_name()).
 */

#pragma once

#include <glib-object.h>
#include <json-glib/json-glib.h>

#include "sl-enums.h"

G_BEGIN_DECLS

typedef enum
{
  FIELD_TEXT,
  FIELD_DATE,
  FIELD_TIME,
  FIELD_BOOL,
  FIELD_INT,      /* any integer */
  FIELD_COUNT,    /* an integer from min to max; 0 in the object is null */
  FIELD_ENUM,
  FIELD_REF,      /* an id */
  FIELD_REFS,     /* an array of ids */
  FIELD_NUMBER,   /* a number from 0 to SL_ARCHIVE_MAX_HOURS; 0 in the object is null
                   * (version 2: hours) */
  FIELD_UUID,     /* the id of a row that is not a record of its own (a speech's) */
  FIELD_PERIOD,   /* a half-year, "YYYY-H1" or "YYYY-H2" */
} FieldKind;

typedef enum
{
  REF_NONE,
  REF_ORGANIZATION,
  REF_MEMBER,
  REF_PLAN_ITEM,
  REF_TOPIC,      /* version 2: an item of the topic pool */
  REF_MEETING,    /* version 2: checked once every meeting of the file is read */
  N_REFS
} RefKind;

typedef struct
{
  const char *key;
  FieldKind   kind;
  GType     (*enum_type) (void);
  RefKind     ref;
  gboolean    required;
  int         min;
  int         max;
} Field;

/* The most hours of study a meeting has: what the window's field takes. */
#define SL_ARCHIVE_MAX_HOURS 1000

#define TEXT(k)           { k, FIELD_TEXT }
#define REQUIRED_TEXT(k)  { k, FIELD_TEXT, NULL, REF_NONE, TRUE }
#define DATE(k)           { k, FIELD_DATE }
#define TIME(k)           { k, FIELD_TIME }
#define BOOL(k)           { k, FIELD_BOOL }
#define INT(k)            { k, FIELD_INT }
#define COUNT(k, lo, hi, req) { k, FIELD_COUNT, NULL, REF_NONE, req, lo, hi }
#define ENUM(k, t, req)   { k, FIELD_ENUM, t, REF_NONE, req }
#define REF(k, r, req)    { k, FIELD_REF, NULL, r, req }
#define REFS(k, r)        { k, FIELD_REFS, NULL, r }
#define NUMBER(k)         { k, FIELD_NUMBER }
#define UUID(k)           { k, FIELD_UUID }

static const Field organization_fields[] = {
  REQUIRED_TEXT ("name"),
  ENUM ("kind", sl_organization_kind_get_type, FALSE),
  REF ("parent", REF_ORGANIZATION, FALSE),
};

static const Field member_fields[] = {
  REQUIRED_TEXT ("name"),
  TEXT ("gender"),
  TEXT ("post"),
  REF ("organization", REF_ORGANIZATION, FALSE),
  BOOL ("leadership"),
  BOOL ("central_group"),
  DATE ("joined_on"),
  DATE ("left_on"),
  INT ("sort"),
  TEXT ("phone"),
  TEXT ("note"),
  DATE ("party_joined_on"),     /* version 2 */
};

static const Field plan_fields[] = {
  REF ("organization", REF_ORGANIZATION, TRUE),
  COUNT ("year", 1, 9999, TRUE),
  TEXT ("title"),
  TEXT ("guiding"),
  TEXT ("focus"),
  TEXT ("forms"),
  TEXT ("requirements"),
  TEXT ("issuer"),              /* version 2 */
  DATE ("issued_on"),
};

static const Field plan_item_fields[] = {
  COUNT ("month", 1, 12, FALSE),
  DATE ("planned_on"),
  TEXT ("theme"),
  TEXT ("content"),
  ENUM ("form", sl_study_form_get_type, FALSE),
  REFS ("leads", REF_MEMBER),
  REFS ("speakers", REF_MEMBER),
  TEXT ("scope"),
  TEXT ("department"),
  ENUM ("status", sl_plan_item_status_get_type, FALSE),
  TEXT ("note"),
};

static const Field meeting_fields[] = {
  REF ("organization", REF_ORGANIZATION, TRUE),
  ENUM ("kind", sl_meeting_kind_get_type, TRUE),
  COUNT ("sequence", 1, G_MAXINT, FALSE),
  TEXT ("title"),
  { "date", FIELD_DATE, NULL, REF_NONE, TRUE },
  TIME ("start"),
  TIME ("end"),
  TEXT ("place"),
  REF ("chair", REF_MEMBER, FALSE),
  REF ("recorder", REF_MEMBER, FALSE),
  ENUM ("form", sl_study_form_get_type, FALSE),
  TEXT ("theme"),
  BOOL ("expanded"),
  REF ("plan_item", REF_PLAN_ITEM, FALSE),
  TEXT ("chair_summary"),
  TEXT ("decisions"),
  TEXT ("note"),
  BOOL ("on_ideology"),         /* version 2 */
  NUMBER ("hours"),
  COUNT ("batch", 1, G_MAXINT, FALSE),
};

static const Field study_fields[] = {
  TEXT ("title"),
  TEXT ("source"),
  DATE ("published_on"),
  REF ("lead", REF_MEMBER, FALSE),
  BOOL ("first_topic"),
  TEXT ("summary"),
  REF ("topic", REF_TOPIC, FALSE),   /* version 2 */
};

static const Field attendance_fields[] = {
  REF ("member", REF_MEMBER, TRUE),
  ENUM ("status", sl_attendance_status_get_type, TRUE),
  ENUM ("leave_kind", sl_leave_kind_get_type, FALSE),
  TEXT ("reason"),
  BOOL ("late"),
  BOOL ("left_early"),
};

static const Field makeup_fields[] = {
  { "on", FIELD_DATE },
  TEXT ("method"),
  TEXT ("evidence"),
};

static const Field guest_fields[] = {
  TEXT ("name"),
  TEXT ("post"),
  TEXT ("unit"),                /* version 2 */
  BOOL ("superior"),
  TEXT ("remarks"),
};

static const Field speech_fields[] = {
  REF ("speaker", REF_MEMBER, FALSE),
  TEXT ("speaker_name"),
  TEXT ("points"),
  UUID ("id"),                  /* version 2 */
  ENUM ("kind", sl_speech_kind_get_type, FALSE),
  TEXT ("title"),
};

static const Field measure_fields[] = {
  TEXT ("text"),
  REF ("owner", REF_MEMBER, FALSE),
  TEXT ("department"),
  DATE ("due_on"),
  ENUM ("status", sl_measure_status_get_type, FALSE),
  DATE ("done_on"),
  TEXT ("progress"),
};

static const Field research_topic_fields[] = {
  REF ("organization", REF_ORGANIZATION, TRUE),
  COUNT ("year", 1, 9999, TRUE),
  REF ("lead", REF_MEMBER, FALSE),
  TEXT ("title"),
  ENUM ("status", sl_topic_status_get_type, FALSE),
  TEXT ("note"),
};

/* Version 2: the topic pool and the records about people
 * (sl-archive-people.c). */
static const Field topic_fields[] = {
  REF ("organization", REF_ORGANIZATION, TRUE),
  TEXT ("title"),
  ENUM ("source_kind", sl_topic_source_get_type, FALSE),
  TEXT ("source"),
  DATE ("published_on"),
  DATE ("received_on"),
  REF ("planned_meeting", REF_MEETING, FALSE),
  TEXT ("note"),
};

static const Field talk_fields[] = {
  REF ("organization", REF_ORGANIZATION, TRUE),
  DATE ("date"),
  TEXT ("place"),
  REF ("initiator", REF_MEMBER, FALSE),
  REF ("counterpart", REF_MEMBER, FALSE),
  TEXT ("counterpart_name"),
  ENUM ("form", sl_talk_form_get_type, FALSE),
  ENUM ("kind", sl_talk_kind_get_type, FALSE),
  TEXT ("topic"),
  TEXT ("points"),
  TEXT ("follow_up"),
};

static const Field branch_report_fields[] = {
  REF ("organization", REF_ORGANIZATION, TRUE),
  { "period", FIELD_PERIOD, NULL, REF_NONE, TRUE },
  DATE ("received_on"),
  TEXT ("title"),
  TEXT ("note"),
};

static const Field study_note_fields[] = {
  REF ("member", REF_MEMBER, TRUE),
  DATE ("date"),
  ENUM ("kind", sl_study_note_kind_get_type, FALSE),
  TEXT ("title"),
  TEXT ("size"),
  TEXT ("checked_by"),
  DATE ("checked_on"),
};

const char *sl_archive_property_name (const Field *field);
JsonNode   *sl_archive_record_to_node (gpointer record);
void        sl_archive_write_record   (JsonBuilder *builder,
                                       gpointer     object,
                                       const Field *fields,
                                       guint        n_fields);

G_END_DECLS
