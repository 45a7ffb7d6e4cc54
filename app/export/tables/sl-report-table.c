/* sl-report-table.c — 年度学习情况统计: the annual report's four tables
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Built by sl_tables_build_annual_report() for sl-ledger-tables.c:
 * meetings by kind and month, attendance, plan fulfilment, compliance.
 */

#define G_LOG_DOMAIN "sl-ledger-tables"

#include "config.h"

#include <math.h>
#include <string.h>

#include "sl-ledger.h"
#include "sl-ledger-tables-private.h"
#include "sl-meeting.h"
#include "sl-plan-item.h"
#include "sl-plan-queries.h"
#include "sl-statistics.h"
#include "sl-util.h"
#include "sl-wording.h"

/* Meeting kinds, in the order of SlMeetingKind; print-safe colours that
 * stay apart in grey too. */
static const guint32 kind_colors[] = {
  [SL_MEETING_KIND_PARTY_GROUP]        = 0xb03a2e,
  [SL_MEETING_KIND_CENTRAL_GROUP]      = 0x2e86c1,
  [SL_MEETING_KIND_IDEOLOGY]           = 0xf0b27a,
  [SL_MEETING_KIND_SITUATION_ANALYSIS] = 0x1e8449,
  [SL_MEETING_KIND_BRANCH_ASSEMBLY]    = 0x7d3c98,
  [SL_MEETING_KIND_BRANCH_COMMITTEE]   = 0x76d7c4,
  [SL_MEETING_KIND_GROUP_MEETING]      = 0x935116,
  [SL_MEETING_KIND_PARTY_LECTURE]      = 0xf4d03f,
  [SL_MEETING_KIND_TRAINING]           = 0x566573,
  [SL_MEETING_KIND_OTHER]              = 0xaab7b8,
};

guint32
sl_ledger_tables_kind_color (int kind)
{
  return kind >= 0 && kind < (int) G_N_ELEMENTS (kind_colors) ? kind_colors[kind] : 0x808080;
}

/* @section is numbered as in the report's pages (sl-report-pages.c):
 * 一、主要数据 with the charts 二 and 三, then the tables 四 to 七. The
 * sheet is named after it, and the pages head the table with it. */
static SlTable *
annual_table (Builder    *b,
              const char *section)
{
  g_autofree char *title =
    sl_tables_document_title (b, sl_wording_document_name (SL_DOCUMENT_ANNUAL_REPORT));
  g_autofree char *period = sl_tables_period_subtitle (b);
  g_autofree char *subtitle = g_strdup_printf ("%s　　　　%s", section, period);
  SlTable *table = sl_table_new (title);

  sl_table_set_name (table, section);
  sl_table_set_subtitle (table, subtitle);
  return table;
}

static SlTable *
annual_meetings (Builder      *b,
                 SlStatistics *stats,
                 GArray       *held_rows)   /* (row, kind) pairs */
{
  /* The kinds the rules ask about are listed even when none was held. */
  static const SlMeetingKind always[] = {
    SL_MEETING_KIND_PARTY_GROUP, SL_MEETING_KIND_CENTRAL_GROUP,
    SL_MEETING_KIND_IDEOLOGY, SL_MEETING_KIND_SITUATION_ANALYSIS,
  };
  SlTable *table = annual_table (b, "四、会议开展情况");
  guint month_totals[12] = { 0 };

  sl_table_add_column (table, "会议类型", 10.0, TRUE);
  for (int month = 1; month <= 12; month++)
    {
      g_autofree char *header = g_strdup_printf ("%d月", month);
      sl_table_add_column (table, header, W_COUNT, FALSE);
    }
  sl_table_add_column (table, "合计", W_COUNT, FALSE);
  sl_table_set_key_columns (table, 1);

  for (SlMeetingKind kind = SL_MEETING_KIND_PARTY_GROUP; kind <= SL_MEETING_KIND_OTHER; kind++)
    {
      gboolean listed = stats->meetings_by_kind[kind] > 0;

      for (guint i = 0; i < G_N_ELEMENTS (always); i++)
        listed |= always[i] == kind;
      if (!listed)
        continue;

      /* The chart stacks the kinds held, as the pages' chart does. */
      if (stats->meetings_by_kind[kind] > 0)
        {
          guint row = sl_table_get_n_rows (table);
          g_array_append_val (held_rows, row);
          g_array_append_val (held_rows, kind);
        }
      sl_table_begin_row (table);
      sl_table_add_text (table, sl_wording_meeting_kind (kind));
      for (int month = 0; month < 12; month++)
        {
          sl_table_add_number (table, stats->meetings_by_month[month][kind]);
          month_totals[month] += stats->meetings_by_month[month][kind];
        }
      sl_table_add_number (table, stats->meetings_by_kind[kind]);
    }

  sl_table_begin_row (table);
  sl_table_add_text (table, "合计");
  for (int month = 0; month < 12; month++)
    sl_table_add_number (table, month_totals[month]);
  sl_table_add_number (table, stats->meetings_total);

  {
    g_autofree char *note = g_strdup_printf ("全年共召开各类会议%u次；贯彻落实措施未完成%u项，其中逾期%u项。",
                                             stats->meetings_total, stats->measures_open,
                                             stats->measures_overdue);
    sl_table_add_note (table, note);
  }

  sl_tables_finish (table);
  return table;
}

static SlTable *
annual_members (Builder      *b,
                SlStatistics *stats)
{
  SlTable *table = annual_table (b, "五、个人出勤情况");
  g_autofree char *threshold = sl_tables_format_threshold (b->rules.attendance_threshold);

  sl_table_add_column (table, "序号", W_INDEX, FALSE);
  sl_table_add_column (table, "姓名", W_NAME, FALSE);
  sl_tables_add_member_total_columns (table);
  sl_table_add_column (table, "备注", 12.0, TRUE);
  sl_table_set_key_columns (table, 2);

  for (guint i = 0; i < stats->members->len; i++)
    {
      const SlMemberStats *member = g_ptr_array_index (stats->members, i);
      double rate = sl_member_stats_attendance_rate (member);
      g_autoptr(GString) remark = g_string_new (NULL);

      if (!isnan (rate) && rate < b->rules.attendance_threshold)
        g_string_append_printf (remark, "出席率低于%s", threshold);
      if (b->rules.absence_limit > 0 && member->absent >= (guint) b->rules.absence_limit)
        g_string_append_printf (remark, "%s无故缺席%u次", remark->len ? "；" : "", member->absent);
      if (b->rules.leave_limit > 0 && member->leave > (guint) b->rules.leave_limit)
        g_string_append_printf (remark, "%s请假%u次", remark->len ? "；" : "", member->leave);
      if (member->expected == 0)
        g_string_append (remark, "本年度无应参加会议");

      sl_table_begin_row (table);
      sl_table_add_number (table, i + 1);
      sl_table_add_text (table, member->name);
      sl_tables_add_member_totals (table, member);
      sl_table_add_text (table, remark->str);
    }

  sl_table_add_note (table, "出席率＝出席次数÷应参加次数；参学率＝（出席次数＋补学次数）÷应参加次数。");

  sl_tables_finish (table);
  return table;
}

/* The items of a plan that no meeting names, “3月：专题（取消）”. */
static char *
plan_items_not_held (Builder     *b,
                     const char  *plan,
                     GError     **error)
{
  g_autoptr(GPtrArray) items = sl_ledger_query_plan_items_not_held (b->ledger, plan, error);
  g_autoptr(GPtrArray) lines = g_ptr_array_new_with_free_func (g_free);

  if (items == NULL)
    return NULL;

  for (guint i = 0; i < items->len; i++)
    {
      const SlPlanItemNotHeld *item = g_ptr_array_index (items, i);
      g_autoptr(GString) line = g_string_new (NULL);

      if (item->month > 0)
        g_string_append_printf (line, "%d月", item->month);
      if (item->theme && *item->theme)
        g_string_append_printf (line, "%s%s", line->len ? "：" : "", item->theme);
      if (item->status == SL_PLAN_ITEM_STATUS_CANCELLED)
        g_string_append (line, "（取消）");
      else if (item->status == SL_PLAN_ITEM_STATUS_ADJUSTED)
        g_string_append (line, "（调整）");
      g_ptr_array_add (lines, g_string_free (g_steal_pointer (&line), FALSE));
    }

  g_ptr_array_add (lines, NULL);
  return g_strjoinv ("\n", (char **) lines->pdata);
}

static SlTable *
annual_plans (Builder       *b,
              SlStatistics  *stats,
              GError       **error)
{
  g_autoptr(SlTable) table = annual_table (b, "六、学习计划完成情况");

  sl_table_add_column (table, "序号", W_INDEX, FALSE);
  sl_table_add_column (table, "学习计划", 14.0, TRUE);
  sl_table_add_column (table, "计划项数", W_COUNT + 1, FALSE);
  sl_table_add_column (table, "已开展", W_COUNT + 1, FALSE);
  sl_table_add_column (table, "兑现率", W_RATE, FALSE);
  sl_table_add_column (table, "未开展事项", 16.0, TRUE);
  sl_table_set_key_columns (table, 2);

  for (guint i = 0; i < stats->plans->len; i++)
    {
      const SlPlanStats *plan = g_ptr_array_index (stats->plans, i);
      g_autofree char *not_held = plan_items_not_held (b, plan->id, error);

      if (not_held == NULL)
        return NULL;

      sl_table_begin_row (table);
      sl_table_add_number (table, i + 1);
      sl_table_add_text (table, plan->title && *plan->title ? plan->title : "学习计划");
      sl_table_add_number (table, plan->planned);
      sl_table_add_number (table, plan->held);
      sl_table_add_percent (table, sl_plan_stats_fulfilment_rate (plan));
      sl_table_add_text (table, not_held);
    }

  if (stats->plans->len == 0)
    sl_table_add_note (table, "本年度尚未录入学习计划。");
  sl_table_add_note (table, "兑现率＝已开展项数÷计划安排项数；计划项由会议记录中的“对应计划”认定为已开展。");

  sl_tables_finish (table);
  return g_steal_pointer (&table);
}

/* What a rule still lacks, as SlStatistics lists it (“2023-08-02 title” or
 * a name), with dates written the Chinese way. */
static char *
missing_text (const SlComplianceResult *result)
{
  g_autoptr(GPtrArray) lines = g_ptr_array_new_with_free_func (g_free);

  for (guint i = 0; i < result->missing->len; i++)
    {
      const char *line = g_ptr_array_index (result->missing, i);
      g_autofree char *date = g_strndup (line, 10);

      if (strlen (line) > 11 && line[10] == ' ' && sl_date_is_valid (date))
        {
          g_autofree char *formatted = sl_wording_date (date);
          g_ptr_array_add (lines, g_strconcat (formatted, line + 11, NULL));
        }
      else
        g_ptr_array_add (lines, g_strdup (line));
    }

  if (lines->len == 0)
    return NULL;
  {
    g_autofree char *list = sl_tables_join_names (lines);

    if (g_str_equal (result->rule, "first_topic_every_party_group_meeting"))
      return g_strdup_printf ("未安排第一议题学习：%s", list);
    if (g_str_equal (result->rule, "research_topic_per_leader"))
      return g_strdup_printf ("尚未牵头调研课题：%s", list);
    return g_steal_pointer (&list);
  }
}

static SlTable *
annual_compliance (Builder      *b,
                   SlStatistics *stats)
{
  SlTable *table = annual_table (b, "七、制度落实情况");
  g_autofree char *today = sl_wording_date (b->today);
  g_autofree char *note = NULL;

  sl_table_add_column (table, "序号", W_INDEX, FALSE);
  sl_table_add_column (table, "制度要求", 14.0, TRUE);
  sl_table_add_column (table, "时段", 5.0, FALSE);
  sl_table_add_column (table, "应达到", W_COUNT + 0.5, FALSE);
  sl_table_add_column (table, "实际", W_COUNT + 0.5, FALSE);
  sl_table_add_column (table, "状态", 4.0, FALSE);
  sl_table_add_column (table, "说明", 14.0, TRUE);
  sl_table_set_key_columns (table, 2);

  for (guint i = 0; i < stats->compliance->len; i++)
    {
      const SlComplianceResult *result = g_ptr_array_index (stats->compliance, i);
      g_autofree char *rule = sl_wording_rule (result, &b->rules);
      g_autofree char *period = sl_wording_period (result->period);
      g_autofree char *missing = NULL;

      if (result->unchecked != NULL)
        missing = g_strdup (sl_wording_unchecked (result->unchecked));
      else if (result->status != SL_COMPLIANCE_MET)
        missing = missing_text (result);

      sl_table_begin_row (table);
      sl_table_add_number (table, i + 1);
      sl_table_add_text (table, rule);
      sl_table_add_text (table, period);
      sl_table_add_number (table, result->required);
      sl_table_add_number (table, result->actual);
      /* Nothing to judge is not a pass: 无法判断, flagged as a miss is. */
      if (result->unchecked != NULL)
        sl_table_add_alert (table, "无法判断");
      else if (result->status == SL_COMPLIANCE_MISSED)
        sl_table_add_alert (table, sl_wording_compliance (result->status));
      else
        sl_table_add_text (table, sl_wording_compliance (result->status));
      sl_table_add_text (table, missing);
    }

  note = g_strdup_printf ("达标＝已达到要求；进行中＝时段尚未结束、暂未达到；未达标＝时段已结束仍未达到；"
                          "无法判断＝台账中缺少据以判断的记录，见说明（截至%s）。",
                          today);
  sl_table_add_note (table, note);

  sl_tables_finish (table);
  return table;
}

static double
rate_of (guint part,
         guint whole)
{
  return whole > 0 ? (double) part / whole : NAN;
}

static void
add_figure (SlTable    *table,
            const char *label,
            double      value,
            gboolean    rate,
            const char *explanation)
{
  sl_table_begin_row (table);
  sl_table_add_number (table, sl_table_get_n_rows (table));
  sl_table_add_text (table, label);
  if (rate)
    sl_table_add_percent (table, value);
  else
    sl_table_add_number (table, value);
  sl_table_add_text (table, explanation);
}

/* 一、主要数据: the figures of the report's first page, and the charts of
 * its sections 二 and 三 drawn natively from the sheets 四 and 五. */
static SlTable *
annual_summary (Builder      *b,
                SlStatistics *stats,
                SlTable      *meetings,
                GArray       *held_rows,
                SlTable      *members)
{
  SlTable *table = annual_table (b, "一、主要数据");
  g_autofree char *threshold = sl_tables_format_threshold (b->rules.attendance_threshold);
  g_autofree char *member_title = g_strdup_printf ("三、成员出席率（要求不低于%s）", threshold);
  g_autofree char *rate_note = g_strdup_printf ("出席次数÷应参加次数；要求不低于%s", threshold);
  g_autoptr(GString) kinds = g_string_new (NULL);
  guint expected = 0, present = 0, leave = 0, absent = 0, made_up = 0, planned = 0, held = 0;
  SlChart *chart;

  for (guint i = 0; i < stats->members->len; i++)
    {
      const SlMemberStats *member = g_ptr_array_index (stats->members, i);

      expected += member->expected;
      present += member->present;
      leave += member->leave;
      absent += member->absent;
      made_up += member->made_up;
    }
  for (guint i = 0; i < stats->plans->len; i++)
    {
      const SlPlanStats *plan = g_ptr_array_index (stats->plans, i);

      planned += plan->planned;
      held += plan->held;
    }
  for (SlMeetingKind kind = SL_MEETING_KIND_PARTY_GROUP; kind <= SL_MEETING_KIND_OTHER; kind++)
    if (stats->meetings_by_kind[kind] > 0)
      g_string_append_printf (kinds, "%s%s%u次", kinds->len ? "、" : "",
                              sl_wording_meeting_kind (kind), stats->meetings_by_kind[kind]);

  sl_table_add_column (table, "序号", W_INDEX, FALSE);
  sl_table_add_column (table, "项目", 9.0, FALSE);
  sl_table_add_column (table, "数值", 6.0, FALSE);
  sl_table_add_column (table, "说明", 20.0, TRUE);
  sl_table_set_key_columns (table, 2);

  add_figure (table, "全年会议（次）", stats->meetings_total, FALSE, kinds->str);
  add_figure (table, "应参会（人次）", expected, FALSE, NULL);
  add_figure (table, "出席（人次）", present, FALSE, NULL);
  add_figure (table, "请假（人次）", leave, FALSE, NULL);
  add_figure (table, "缺席（人次）", absent, FALSE, NULL);
  add_figure (table, "补学（人次）", made_up, FALSE, NULL);
  add_figure (table, "出席率", rate_of (present, expected), TRUE, rate_note);
  add_figure (table, "参学率", rate_of (present + made_up, expected), TRUE,
              "（出席次数＋补学次数）÷应参加次数");
  add_figure (table, "计划兑现率", rate_of (held, planned), TRUE, "已开展项数÷计划安排项数");
  add_figure (table, "未完成措施（项）", stats->measures_open, FALSE, NULL);
  add_figure (table, "逾期措施（项）", stats->measures_overdue, FALSE, NULL);

  /* Categories 1月 … 12月 are the columns 1–12 of 四; 三 lists the members
   * of 五 by name (column 1) with their 出席率 (column 7). */
  chart = sl_table_add_chart (table, SL_CHART_STACKED_COLUMNS, "二、每月会议开展情况",
                              meetings, 0, 1, 12);
  for (guint i = 0; i + 1 < held_rows->len; i += 2)
    sl_chart_add_series (chart, g_array_index (held_rows, guint, i),
                         sl_ledger_tables_kind_color (g_array_index (held_rows, guint, i + 1)));
  if (stats->members->len > 0)
    {
      chart = sl_table_add_chart (table, SL_CHART_BARS, member_title, members, 1, 0,
                                  stats->members->len);
      sl_chart_add_series (chart, 7, 0x2e86c1);
      /* Red under the threshold, as on the pages. */
      for (guint i = 0; i < stats->members->len; i++)
        {
          double rate = sl_member_stats_attendance_rate (g_ptr_array_index (stats->members, i));

          if (!isnan (rate) && rate < b->rules.attendance_threshold)
            sl_chart_set_point_color (chart, i, 0xc0392b);
        }
    }

  sl_table_add_note (table, "图二、图三的数据取自“四、会议开展情况”“五、个人出勤情况”两表。");
  sl_tables_finish (table);
  return table;
}

gboolean
sl_tables_build_annual_report (Builder    *b,
                               GPtrArray  *tables,
                               GError    **error)
{
  g_autoptr(SlStatistics) stats = NULL;
  g_autoptr(GArray) held_rows = g_array_new (FALSE, FALSE, sizeof (guint));
  SlTable *plans, *meetings, *members;

  stats = sl_statistics_compute (sl_ledger_get_database (b->ledger), b->year,
                                 b->request->organization, b->today, error);
  if (stats == NULL)
    return FALSE;

  meetings = annual_meetings (b, stats, held_rows);
  members = annual_members (b, stats);
  g_ptr_array_add (tables, annual_summary (b, stats, meetings, held_rows, members));
  g_ptr_array_add (tables, meetings);
  g_ptr_array_add (tables, members);
  if (!(plans = annual_plans (b, stats, error)))
    return FALSE;
  g_ptr_array_add (tables, plans);
  g_ptr_array_add (tables, annual_compliance (b, stats));

  return TRUE;
}
