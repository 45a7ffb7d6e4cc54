/* sl-enums.c — the archive codes and the Chinese names of the enumerations
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The codes are the enum nicks that glib-mkenums takes from sl-types.h,
 * so there is one list of codes, in one place. The names are msgids in
 * English, translated to Chinese in po/zh_CN.po.
 */

#define G_LOG_DOMAIN "sl-enums"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "sl-enums.h"

const char *
sl_enum_to_code (GType enum_type,
                 int   value)
{
  g_autoptr(GEnumClass) klass = g_type_class_ref (enum_type);
  GEnumValue *enum_value;

  if (value == 0)
    return NULL;

  enum_value = g_enum_get_value (klass, value);
  return enum_value ? enum_value->value_nick : NULL;
}

gboolean
sl_enum_from_code (GType       enum_type,
                   const char *code,
                   int        *value)
{
  g_autoptr(GEnumClass) klass = NULL;
  GEnumValue *enum_value;

  if (code == NULL)
    {
      *value = 0;
      return TRUE;
    }

  klass = g_type_class_ref (enum_type);
  enum_value = g_enum_get_value_by_nick (klass, code);
  /* "none" is our name for null, not a code of the archive. */
  if (enum_value == NULL || enum_value->value == 0)
    return FALSE;

  *value = enum_value->value;
  return TRUE;
}

char *
sl_enum_list_codes (GType enum_type)
{
  g_autoptr(GEnumClass) klass = g_type_class_ref (enum_type);
  GString *codes = g_string_new (NULL);

  for (guint i = 0; i < klass->n_values; i++)
    {
      if (klass->values[i].value == 0)
        continue;
      if (codes->len > 0)
        g_string_append (codes, ", ");
      g_string_append (codes, klass->values[i].value_nick);
    }

  return g_string_free (codes, FALSE);
}

const char *
sl_organization_kind_to_label (SlOrganizationKind kind)
{
  switch (kind)
    {
    case SL_ORGANIZATION_KIND_PARTY_GROUP:     return _("Party group");
    case SL_ORGANIZATION_KIND_PARTY_COMMITTEE: return _("Party committee");
    case SL_ORGANIZATION_KIND_BRANCH:          return _("Party branch");
    case SL_ORGANIZATION_KIND_OTHER:           return _("Other organization");
    case SL_ORGANIZATION_KIND_NONE:
    default:                                   return "";
    }
}

const char *
sl_meeting_kind_to_label (SlMeetingKind kind)
{
  switch (kind)
    {
    case SL_MEETING_KIND_PARTY_GROUP:        return _("Party group meeting");
    case SL_MEETING_KIND_CENTRAL_GROUP:      return _("Central group study");
    case SL_MEETING_KIND_IDEOLOGY:           return _("Ideology work meeting");
    case SL_MEETING_KIND_SITUATION_ANALYSIS: return _("Situation analysis meeting");
    case SL_MEETING_KIND_BRANCH_ASSEMBLY:    return _("Branch general assembly");
    case SL_MEETING_KIND_BRANCH_COMMITTEE:   return _("Branch committee meeting");
    case SL_MEETING_KIND_GROUP_MEETING:      return _("Party small-group meeting");
    case SL_MEETING_KIND_PARTY_LECTURE:      return _("Party lecture");
    case SL_MEETING_KIND_TRAINING:           return _("Special training");
    case SL_MEETING_KIND_OTHER:              return _("Other meeting");
    case SL_MEETING_KIND_NONE:
    default:                                 return "";
    }
}

const char *
sl_study_form_to_label (SlStudyForm form)
{
  switch (form)
    {
    case SL_STUDY_FORM_COLLECTIVE_STUDY: return _("Collective study");
    case SL_STUDY_FORM_SEMINAR:          return _("Seminar");
    case SL_STUDY_FORM_LECTURE:          return _("Guidance lecture");
    case SL_STUDY_FORM_RESEARCH:         return _("Research exchange");
    case SL_STUDY_FORM_READING_CLASS:    return _("Reading class");
    case SL_STUDY_FORM_ON_SITE:          return _("On-site teaching");
    case SL_STUDY_FORM_RELAY:            return _("Relayed study");
    case SL_STUDY_FORM_OTHER:            return _("Other form");
    case SL_STUDY_FORM_NONE:
    default:                             return "";
    }
}

const char *
sl_plan_item_status_to_label (SlPlanItemStatus status)
{
  switch (status)
    {
    case SL_PLAN_ITEM_STATUS_PLANNED:   return _("Planned");
    case SL_PLAN_ITEM_STATUS_ADJUSTED:  return _("Adjusted");
    case SL_PLAN_ITEM_STATUS_CANCELLED: return _("Cancelled");
    case SL_PLAN_ITEM_STATUS_NONE:
    default:                            return "";
    }
}

const char *
sl_attendance_status_to_label (SlAttendanceStatus status)
{
  switch (status)
    {
    case SL_ATTENDANCE_STATUS_PRESENT: return _("Present");
    case SL_ATTENDANCE_STATUS_LEAVE:   return _("On leave");
    case SL_ATTENDANCE_STATUS_ABSENT:  return _("Absent");
    case SL_ATTENDANCE_STATUS_NONE:
    default:                           return "";
    }
}

const char *
sl_leave_kind_to_label (SlLeaveKind kind)
{
  switch (kind)
    {
    case SL_LEAVE_KIND_OFFICIAL: return _("Official leave");
    case SL_LEAVE_KIND_SICK:     return _("Sick leave");
    case SL_LEAVE_KIND_PERSONAL: return _("Personal leave");
    case SL_LEAVE_KIND_NONE:
    default:                     return "";
    }
}

const char *
sl_measure_status_to_label (SlMeasureStatus status)
{
  switch (status)
    {
    case SL_MEASURE_STATUS_OPEN:        return _("Open");
    case SL_MEASURE_STATUS_IN_PROGRESS: return _("In progress");
    case SL_MEASURE_STATUS_DONE:        return _("Done");
    case SL_MEASURE_STATUS_NONE:
    default:                            return "";
    }
}

const char *
sl_topic_status_to_label (SlTopicStatus status)
{
  switch (status)
    {
    case SL_TOPIC_STATUS_PLANNED:     return _("Planned");
    case SL_TOPIC_STATUS_IN_PROGRESS: return _("In progress");
    case SL_TOPIC_STATUS_DONE:        return _("Done");
    case SL_TOPIC_STATUS_NONE:
    default:                          return "";
    }
}
