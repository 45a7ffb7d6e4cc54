/* sl-enums.h — the archive codes and the Chinese names of the enumerations
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "sl-types.h"
#include "sl-enum-types.h"

G_BEGIN_DECLS

/* The archive code of @value (its nick), or NULL for the NONE value 0. */
const char *sl_enum_to_code    (GType       enum_type,
                                int         value);
/* Parses an archive code; NULL gives 0 (NONE). FALSE for an unknown code. */
gboolean    sl_enum_from_code  (GType       enum_type,
                                const char *code,
                                int        *value);
/* The codes of @enum_type, comma-separated, for error messages. */
char       *sl_enum_list_codes (GType       enum_type);

/* What the secretary reads: translated names ("中心组学习"). */
const char *sl_organization_kind_to_label (SlOrganizationKind kind);
const char *sl_meeting_kind_to_label      (SlMeetingKind      kind);
const char *sl_study_form_to_label        (SlStudyForm        form);
const char *sl_plan_item_status_to_label  (SlPlanItemStatus   status);
const char *sl_attendance_status_to_label (SlAttendanceStatus status);
const char *sl_leave_kind_to_label        (SlLeaveKind        kind);
const char *sl_measure_status_to_label    (SlMeasureStatus    status);
const char *sl_topic_status_to_label      (SlTopicStatus      status);

G_END_DECLS
