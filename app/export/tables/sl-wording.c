/* sl-wording.c — the Chinese words printed documents use for the records' values
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The tables, the record of a meeting and the annual report's pages word
 * a meeting kind, a study form or a date through these, so that they agree.
 * Chinese literals, not gettext messages: sl-ledger-tables.c says why.
 */

#define G_LOG_DOMAIN "sl-ledger-tables"

#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "sl-guest.h"
#include "sl-measure.h"
#include "sl-meeting.h"
#include "sl-rules.h"
#include "sl-statistics.h"
#include "sl-util.h"
#include "sl-wording.h"

const char *
sl_wording_meeting_kind (SlMeetingKind kind)
{
  switch (kind)
    {
    case SL_MEETING_KIND_PARTY_GROUP:        return "党组会议";
    case SL_MEETING_KIND_CENTRAL_GROUP:      return "理论学习中心组学习";
    case SL_MEETING_KIND_IDEOLOGY:           return "意识形态工作专题会议";
    case SL_MEETING_KIND_SITUATION_ANALYSIS: return "思想政治工作形势分析会";
    case SL_MEETING_KIND_BRANCH_ASSEMBLY:    return "支部党员大会";
    case SL_MEETING_KIND_BRANCH_COMMITTEE:   return "支委会";
    case SL_MEETING_KIND_GROUP_MEETING:      return "党小组会";
    case SL_MEETING_KIND_PARTY_LECTURE:      return "党课";
    case SL_MEETING_KIND_TRAINING:           return "专题培训";
    case SL_MEETING_KIND_OTHER:              return "其他会议";
    case SL_MEETING_KIND_NONE:
    default:                                 return "";
    }
}

/* For the narrow columns of the attendance matrix. */
const char *
sl_wording_meeting_kind_short (SlMeetingKind kind)
{
  switch (kind)
    {
    case SL_MEETING_KIND_PARTY_GROUP:        return "党组会";
    case SL_MEETING_KIND_CENTRAL_GROUP:      return "中心组";
    case SL_MEETING_KIND_IDEOLOGY:           return "意识形态";
    case SL_MEETING_KIND_SITUATION_ANALYSIS: return "形势分析";
    case SL_MEETING_KIND_BRANCH_ASSEMBLY:    return "党员大会";
    case SL_MEETING_KIND_BRANCH_COMMITTEE:   return "支委会";
    case SL_MEETING_KIND_GROUP_MEETING:      return "小组会";
    case SL_MEETING_KIND_PARTY_LECTURE:      return "党课";
    case SL_MEETING_KIND_TRAINING:           return "培训";
    case SL_MEETING_KIND_OTHER:              return "其他";
    case SL_MEETING_KIND_NONE:
    default:                                 return "";
    }
}

const char *
sl_wording_study_form (SlStudyForm form)
{
  switch (form)
    {
    case SL_STUDY_FORM_COLLECTIVE_STUDY: return "集中学习";
    case SL_STUDY_FORM_SEMINAR:          return "专题研讨";
    case SL_STUDY_FORM_LECTURE:          return "辅导报告";
    case SL_STUDY_FORM_RESEARCH:         return "调研交流";
    case SL_STUDY_FORM_READING_CLASS:    return "读书班";
    case SL_STUDY_FORM_ON_SITE:          return "现场教学";
    case SL_STUDY_FORM_RELAY:            return "传达学习";
    case SL_STUDY_FORM_OTHER:            return "其他";
    case SL_STUDY_FORM_NONE:
    default:                             return "";
    }
}

const char *
sl_wording_leave_kind (SlLeaveKind kind)
{
  switch (kind)
    {
    case SL_LEAVE_KIND_OFFICIAL: return "公假";
    case SL_LEAVE_KIND_SICK:     return "病假";
    case SL_LEAVE_KIND_PERSONAL: return "事假";
    case SL_LEAVE_KIND_NONE:
    default:                     return "";
    }
}

const char *
sl_wording_measure_status (SlMeasureStatus status)
{
  switch (status)
    {
    case SL_MEASURE_STATUS_OPEN:        return "待落实";
    case SL_MEASURE_STATUS_IN_PROGRESS: return "推进中";
    case SL_MEASURE_STATUS_DONE:        return "已完成";
    case SL_MEASURE_STATUS_NONE:
    default:                            return "";
    }
}

const char *
sl_wording_compliance (SlComplianceStatus status)
{
  switch (status)
    {
    case SL_COMPLIANCE_MET:    return "达标";
    case SL_COMPLIANCE_DUE:    return "进行中";
    case SL_COMPLIANCE_MISSED: return "未达标";
    default:                   return "";
    }
}

/* Why a rule cannot be checked, and how to fix it, as the report says it. */
const char *
sl_wording_unchecked (const char *code)
{
  if (code == NULL)
    return NULL;
  if (g_str_equal (code, "no_leadership_members"))
    return "无法判断：未标记班子成员（请在成员信息中勾选“班子成员”）";
  if (g_str_equal (code, "no_central_group_members"))
    return "无法判断：未标记中心组成员（请在成员信息中勾选“中心组成员”）";
  if (g_str_equal (code, "no_party_group_meetings"))
    return "无法判断：本年度无党组会议记录";
  if (g_str_equal (code, "no_central_group_sessions"))
    return "无法判断：本年度无中心组学习记录";
  if (g_str_equal (code, "no_topics_received"))
    return "无法判断：议题库中无本年度收到的议题";
  if (g_str_equal (code, "no_branches"))
    return "无法判断：未录入下属党支部";
  return "无法判断：台账中无可据以判断的记录";
}

char *
sl_wording_rule (const SlComplianceResult *result,
                 const SlRules            *rules)
{
  if (g_str_equal (result->rule, "central_group_per_year"))
    return g_strdup_printf ("理论学习中心组全年集体学习不少于%u次", result->required);
  if (g_str_equal (result->rule, "central_group_bimonthly"))
    return g_strdup_printf ("理论学习中心组每两个月至少集体学习%u次", result->required);
  if (g_str_equal (result->rule, "ideology_half_year"))
    return g_strdup_printf ("每半年至少召开%u次意识形态工作专题会议", result->required);
  if (g_str_equal (result->rule, "situation_analysis_half_year"))
    return g_strdup_printf ("每半年至少召开%u次思想政治工作形势分析会", result->required);
  if (g_str_equal (result->rule, "first_topic_every_party_group_meeting"))
    return g_strdup ("党组会议均以第一议题学习开篇");
  if (g_str_equal (result->rule, "research_topic_per_leader"))
    return g_strdup_printf ("领导班子成员每人每年牵头%d个调研课题",
                            rules->research_topic_per_leader);
  if (g_str_equal (result->rule, "central_group_ideology_per_year"))
    return g_strdup_printf ("理论学习中心组全年至少%d次集体学习以意识形态为专题",
                            rules->central_group_ideology_per_year);
  if (g_str_equal (result->rule, "first_topic_timeliness"))
    return g_strdup_printf ("议题库中的学习内容收到后%d日内学习",
                            rules->timeliness_days);
  if (g_str_equal (result->rule, "speech_per_central_group_member"))
    return g_strdup_printf ("中心组成员每人全年至少研讨发言%d次",
                            rules->speech_per_central_group_member);
  if (g_str_equal (result->rule, "branch_report_half_year"))
    return g_strdup_printf ("各党支部每半年报送思想政治工作情况报告%d份",
                            rules->branch_report_half_year);
  if (g_str_equal (result->rule, "signed_sheet_attached"))
    return g_strdup ("定稿会议均附签到表扫描件");
  if (g_str_equal (result->rule, "session_plan_approved"))
    return g_strdup ("中心组集体学习均于学习前审定学习方案");
  /* A rule this build does not know (a newer ledger's): its code, so
   * that the row is still there; test-wording checks every known one. */
  return g_strdup (result->rule);
}

/* "2023" → 全年, "2023-B3" → 5—6月, "2023-H1" → 上半年. */
char *
sl_wording_period (const char *period)
{
  const char *part = strchr (period, '-');

  if (part == NULL)
    return g_strdup ("全年");
  if (part[1] == 'H')
    return g_strdup (part[2] == '1' ? "上半年" : "下半年");
  if (part[1] == 'B')
    {
      int b = atoi (part + 2);
      return g_strdup_printf ("%d—%d月", 2 * b - 1, 2 * b);
    }
  return g_strdup (period);
}

char *
sl_wording_date (const char *date)
{
  int year, month, day;

  if (date == NULL)
    return g_strdup ("");
  if (sl_date_is_valid (date) && sscanf (date, "%d-%d-%d", &year, &month, &day) == 3)
    return g_strdup_printf ("%d年%d月%d日", year, month, day);
  return g_strdup (date);
}

/* Its title, or “2023年第3次党组会议”. */
char *
sl_wording_meeting_name_from (const char    *title,
                              const char    *date,
                              int            sequence,
                              SlMeetingKind  kind)
{
  if (title != NULL && *title != '\0')
    return g_strdup (title);

  if (sequence > 0)
    return g_strdup_printf ("%d年第%d次%s", sl_date_get_year (date), sequence,
                            sl_wording_meeting_kind (kind));

  return g_strdup (sl_wording_meeting_kind (kind));
}

char *
sl_wording_meeting_name (SlMeeting *meeting)
{
  g_return_val_if_fail (SL_IS_MEETING (meeting), NULL);

  return sl_wording_meeting_name_from (sl_meeting_get_title (meeting),
                                       sl_meeting_get_date (meeting),
                                       sl_meeting_get_sequence (meeting),
                                       sl_meeting_get_kind (meeting));
}

/* The names a party body's own name ends with: where a title that
 * repeats the end of its unit's name may be joined on it. */
static const char * const body_suffixes[] = {
  "党组", "党委", "党总支", "总支", "党支部", "支部", "党小组",
};

/* Whether @title begins with @tail, the end of a unit's name, as the same
 * body named again: @tail ends with a party body's name, and the title
 * does not go on with that word (党组 is not the start of 党组织). */
static gboolean
repeats_body (const char *title,
              const char *tail)
{
  const char *after;

  if (!g_str_has_prefix (title, tail))
    return FALSE;
  after = title + strlen (tail);
  if (g_str_has_prefix (after, "织"))
    return FALSE;
  for (guint i = 0; i < G_N_ELEMENTS (body_suffixes); i++)
    if (g_str_has_suffix (tail, body_suffixes[i]))
      return TRUE;
  return FALSE;
}

/**
 * sl_wording_under_unit:
 * @unit: (nullable): the organization's name
 * @title: a title, typed or made
 *
 * @title headed by @unit's name, as a document's heading reads: 市生态环境局党组
 * and 理论学习中心组学习计划 make 市生态环境局党组理论学习中心组学习计划. A title
 * that begins with the whole name stays as it is, and one that begins
 * with the name's end down to a party body (机关第一党支部2023年度… under
 * 市生态环境局机关第一党支部, 党组会议 under 市统计局党组) is joined on it, so
 * that the body is not named twice. Any other overlap is a coincidence of
 * words, not the name said again: 中心组学习计划 under 市政务服务中心 and
 * 党组织书记述职 under …党组 are put after the whole name.
 */
char *
sl_wording_under_unit (const char *unit,
                       const char *title)
{
  if (title == NULL)
    title = "";
  if (unit == NULL || *unit == '\0' || g_str_has_prefix (title, unit))
    return g_strdup (title);

  /* The longest end of the name that the title begins with. */
  for (const char *tail = g_utf8_find_next_char (unit, NULL);
       tail != NULL && *tail != '\0';
       tail = g_utf8_find_next_char (tail, NULL))
    if (repeats_body (title, tail))
      {
        g_autofree char *head = g_strndup (unit, tail - unit);
        return g_strconcat (head, title, NULL);
      }

  return g_strconcat (unit, title, NULL);
}

const char *
sl_wording_document_name (SlDocumentKind kind)
{
  switch (kind)
    {
    case SL_DOCUMENT_FIRST_TOPIC_LEDGER:   return "第一议题学习台账";
    case SL_DOCUMENT_CENTRAL_GROUP_LEDGER: return "理论学习中心组学习台账";
    case SL_DOCUMENT_MEETINGS_LEDGER:      return "会议学习台账";
    case SL_DOCUMENT_PLAN:                 return "理论学习中心组学习计划安排表";
    case SL_DOCUMENT_ATTENDANCE:           return "学习出勤统计表";
    case SL_DOCUMENT_MEASURES:             return "贯彻落实措施跟踪表";
    case SL_DOCUMENT_ANNUAL_REPORT:        return "年度学习情况统计";
    case SL_DOCUMENT_MINUTES:              return "会议记录";
    case SL_DOCUMENT_SIGN_IN:              return "签到表";
    case SL_DOCUMENT_PLAN_PROGRESS:        return "学习计划执行情况";
    case SL_DOCUMENT_SESSION_PLAN:         return "学习方案";
    case SL_DOCUMENT_TOPICS:               return "议题库台账";
    case SL_DOCUMENT_TALKS:                return "谈心谈话记录台账";
    case SL_DOCUMENT_MEMBER_CARD:          return "个人学习档案";
    default:                               return "";
    }
}

/* The records of archive version 2: the topic pool, talks, notes, speeches. */

const char *
sl_wording_topic_source (SlTopicSource source)
{
  switch (source)
    {
    case SL_TOPIC_SOURCE_CENTRAL_DOCUMENT: return "中央文件";
    case SL_TOPIC_SOURCE_SPEECH:           return "重要讲话";
    case SL_TOPIC_SOURCE_INSTRUCTION:      return "重要指示批示";
    case SL_TOPIC_SOURCE_NEWS:             return "新闻通稿";
    case SL_TOPIC_SOURCE_OTHER:            return "其他";
    case SL_TOPIC_SOURCE_NONE:
    default:                               return "";
    }
}

const char *
sl_wording_talk_form (SlTalkForm form)
{
  switch (form)
    {
    case SL_TALK_FORM_IN_PERSON: return "面谈";
    case SL_TALK_FORM_PHONE:     return "电话";
    case SL_TALK_FORM_OTHER:     return "其他";
    case SL_TALK_FORM_NONE:
    default:                     return "";
    }
}

const char *
sl_wording_talk_kind (SlTalkKind kind)
{
  switch (kind)
    {
    case SL_TALK_KIND_ROUTINE:        return "日常谈话";
    case SL_TALK_KIND_ON_APPOINTMENT: return "任前谈话";
    case SL_TALK_KIND_ON_WARNING:     return "提醒谈话";
    case SL_TALK_KIND_ON_DIFFICULTY:  return "谈心帮扶";
    case SL_TALK_KIND_OTHER:          return "其他";
    case SL_TALK_KIND_NONE:
    default:                          return "";
    }
}

const char *
sl_wording_study_note_kind (SlStudyNoteKind kind)
{
  switch (kind)
    {
    case SL_STUDY_NOTE_KIND_NOTES:      return "学习笔记";
    case SL_STUDY_NOTE_KIND_REFLECTION: return "心得体会";
    case SL_STUDY_NOTE_KIND_REPORT:     return "调研报告";
    case SL_STUDY_NOTE_KIND_OTHER:      return "其他";
    case SL_STUDY_NOTE_KIND_NONE:
    default:                            return "";
    }
}

const char *
sl_wording_speech_kind (SlSpeechKind kind)
{
  switch (kind)
    {
    case SL_SPEECH_KIND_KEY:           return "重点发言";
    case SL_SPEECH_KIND_SUPPLEMENTARY: return "补充发言";
    case SL_SPEECH_KIND_WRITTEN:       return "书面发言";
    case SL_SPEECH_KIND_NONE:
    default:                           return "";
    }
}

/* A guest as 列席 lists them, “李明（副部长）”; a superior sitting in
 * reads “市委宣传部副部长李明（上级列席旁听）”, the words the work plan uses. */
char *
sl_wording_guest (SlGuest *guest)
{
  const char *name = sl_guest_get_name (guest) ? sl_guest_get_name (guest) : "";
  const char *unit = sl_guest_get_unit (guest);
  const char *post = sl_guest_get_post (guest);
  gboolean has_unit = unit != NULL && *unit != '\0';
  gboolean has_post = post != NULL && *post != '\0';

  if (sl_guest_get_superior (guest))
    return g_strdup_printf ("%s%s%s（上级列席旁听）", has_unit ? unit : "", has_post ? post : "", name);
  if (has_unit && has_post)
    return g_strdup_printf ("%s（%s%s）", name, unit, post);
  if (has_unit || has_post)
    return g_strdup_printf ("%s（%s）", name, has_unit ? unit : post);
  return g_strdup (name);
}

const char *
sl_wording_attachment_kind (const char *code)
{
  static const struct { const char *code, *words; } kinds[] = {
    { "signed_sheet", "签到表扫描件" },
    { "photo",        "现场照片" },
    { "material",     "学习材料" },
    { "speech",       "发言材料" },
    { "minutes",      "会议记录原件" },
    { "other",        "其他材料" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (kinds); i++)
    if (g_strcmp0 (code, kinds[i].code) == 0)
      return kinds[i].words;

  return "附件";
}
