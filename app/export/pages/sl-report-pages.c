/* sl-report-pages.c — the annual report (年度学习情况统计) with its charts
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A4 portrait: the title, the period, the key figures of the year (the
 * meetings held and of which kinds, attendance and participation, plan
 * fulfilment, open and overdue measures), two charts drawn with rectangles
 * and rules like the rest of the page — meetings per month stacked by
 * kind, and each member's attendance rate against the threshold the rules
 * set — and then the report's tables, drawn by sl_table_pages_append()
 * exactly as a ledger is. Every figure comes from SlStatistics, the same
 * numbers the overview, `stats --json` and the spreadsheet show.
 */

#define G_LOG_DOMAIN "sl-report-pages"

#include "config.h"

#include <math.h>
#include <string.h>

#include "sl-ledger-tables.h"
#include "sl-report-pages.h"
#include "sl-table-pages.h"
#include "sl-wording.h"

#define HEADING_SIZE  14.0
#define TEXT_SIZE     11.0
#define LABEL_SIZE    9.0     /* issue 14: nothing printed under 9 pt */
#define GRID          0xd0d0d0
#define TEXT_GREY     0x404040
#define BELOW         0xc0392b
#define ABOVE         0x2e86c1

struct _SlReportPages
{
  SlPageRenderer  parent_instance;

  /* owned */
  SlStatistics   *statistics;
  GPtrArray      *tables;
};

G_DEFINE_FINAL_TYPE (SlReportPages, sl_report_pages, SL_TYPE_PAGE_RENDERER)

/* A rule's threshold as the rules state it: 80%, 92.5%. */
static char *
format_threshold (double threshold)
{
  char buffer[G_ASCII_DTOSTR_BUF_SIZE];

  return g_strconcat (g_ascii_formatd (buffer, sizeof buffer, "%g", threshold * 100.0), "%", NULL);
}

static char *
format_rate (double rate)
{
  SlCell cell = { SL_CELL_PERCENT, NULL, rate };

  return isnan (rate) ? g_strdup ("—") : sl_cell_format (&cell);
}

static void
gap (SlPageRenderer *renderer,
     double          height)
{
  sl_page_renderer_set_y (renderer, sl_page_renderer_get_y (renderer) + height);
}

static PangoLayout *
create_label (SlPageRenderer *renderer,
              const char     *text,
              double          size)
{
  return sl_page_renderer_create_layout (renderer, SL_PAGE_FONT_BODY, size, text, -1);
}

/* A heading that stays with the @keep points under it. */
static void
add_heading (SlPageRenderer *renderer,
             const char     *text,
             double          keep)
{
  g_autoptr(PangoLayout) layout = sl_page_renderer_create_layout (renderer, SL_PAGE_FONT_HEADING,
                                                                  HEADING_SIZE, text,
                                                                  sl_page_renderer_get_width (renderer));
  double height = sl_page_layout_get_height (layout);

  sl_page_renderer_ensure_space (renderer, height + 6 + keep);
  sl_page_renderer_add_text (renderer, layout, sl_page_renderer_get_left (renderer),
                             sl_page_renderer_get_y (renderer));
  gap (renderer, height + 6);
}

static void
add_sentence (SlPageRenderer *renderer,
              const char     *text)
{
  double width = sl_page_renderer_get_width (renderer);
  g_autoptr(PangoLayout) layout = sl_page_renderer_create_layout (renderer, SL_PAGE_FONT_BODY,
                                                                  TEXT_SIZE, text, width + 1);

  pango_layout_set_indent (layout, (int) (2 * TEXT_SIZE * PANGO_SCALE));
  sl_page_layout_justify (layout, sl_page_layout_avoid_runt (layout), width);
  sl_page_renderer_flow (renderer, layout, sl_page_renderer_get_left (renderer));
  gap (renderer, 3);
}

/* Figures ------------------------------------------------------------------ */

typedef struct
{
  const char *label;
  const char *value;
  guint32     color;
} Card;

typedef struct
{
  guint  expected, present, leave, absent, made_up;
  guint  planned, held;
} Totals;

static void
count_totals (SlStatistics *stats,
              Totals       *totals)
{
  memset (totals, 0, sizeof *totals);
  for (guint i = 0; i < stats->members->len; i++)
    {
      const SlMemberStats *member = g_ptr_array_index (stats->members, i);

      totals->expected += member->expected;
      totals->present += member->present;
      totals->leave += member->leave;
      totals->absent += member->absent;
      totals->made_up += member->made_up;
    }
  for (guint i = 0; i < stats->plans->len; i++)
    {
      const SlPlanStats *plan = g_ptr_array_index (stats->plans, i);

      totals->planned += plan->planned;
      totals->held += plan->held;
    }
}

static void
add_key_figures (SlReportPages *self)
{
  SlPageRenderer *renderer = SL_PAGE_RENDERER (self);
  SlStatistics *stats = self->statistics;
  Totals totals;
  g_autofree char *meetings = NULL;
  g_autofree char *attendance = NULL;
  g_autofree char *participation = NULL;
  g_autofree char *fulfilment = NULL;
  g_autofree char *open = NULL;
  g_autofree char *overdue = NULL;
  g_autofree char *threshold = NULL;
  g_autoptr(GString) kinds = g_string_new (NULL);
  g_autoptr(GString) low = g_string_new (NULL);
  g_autofree char *line = NULL;
  Card cards[6];
  double x = sl_page_renderer_get_left (renderer);
  double width = sl_page_renderer_get_width (renderer);
  double card_width = (width - 5 * 6) / 6, card_height = 0, y;
  PangoLayout *values[6], *labels[6];

  count_totals (stats, &totals);
  meetings = g_strdup_printf ("%u", stats->meetings_total);
  attendance = format_rate (totals.expected ? (double) totals.present / totals.expected : NAN);
  participation = format_rate (totals.expected ? (double) (totals.present + totals.made_up)
                                                 / totals.expected : NAN);
  fulfilment = format_rate (totals.planned ? (double) totals.held / totals.planned : NAN);
  open = g_strdup_printf ("%u", stats->measures_open);
  overdue = g_strdup_printf ("%u", stats->measures_overdue);
  threshold = format_threshold (stats->rules.attendance_threshold);

  cards[0] = (Card) { "全年会议（次）", meetings, 0x000000 };
  cards[1] = (Card) { "出席率", attendance, 0x000000 };
  cards[2] = (Card) { "参学率", participation, 0x000000 };
  cards[3] = (Card) { "计划兑现率", fulfilment, 0x000000 };
  cards[4] = (Card) { "未完成措施（项）", open, 0x000000 };
  cards[5] = (Card) { "逾期措施（项）", overdue,
                                   stats->measures_overdue > 0 ? BELOW : 0x000000 };

  /* The value over its label; the cards as tall as the tallest. */
  for (guint i = 0; i < G_N_ELEMENTS (cards); i++)
    {
      values[i] = sl_page_renderer_create_layout (renderer, SL_PAGE_FONT_HEADING, 18,
                                                  cards[i].value, card_width - 4);
      labels[i] = sl_page_renderer_create_layout (renderer, SL_PAGE_FONT_BODY, 9.0,
                                                  cards[i].label, card_width - 4);
      pango_layout_set_alignment (values[i], PANGO_ALIGN_CENTER);
      pango_layout_set_alignment (labels[i], PANGO_ALIGN_CENTER);
      card_height = MAX (card_height, 12 + sl_page_layout_get_height (values[i])
                                      + sl_page_layout_get_height (labels[i]));
    }

  add_heading (renderer, "一、主要数据", card_height + 10);
  y = sl_page_renderer_get_y (renderer);
  for (guint i = 0; i < G_N_ELEMENTS (cards); i++)
    {
      double left = x + i * (card_width + 6);

      sl_page_renderer_add_rect (renderer, left, y, card_width, card_height, 0xf2f3f4);
      sl_page_renderer_add_text_color (renderer, values[i], left + 2, y + 5, cards[i].color);
      sl_page_renderer_add_text_color (renderer, labels[i], left + 2,
                                       y + card_height - 5 - sl_page_layout_get_height (labels[i]),
                                       TEXT_GREY);
      g_clear_object (&values[i]);
      g_clear_object (&labels[i]);
    }
  sl_page_renderer_set_y (renderer, y + card_height + 10);

  /* The same figures in words, with what the cards leave out. */
  for (SlMeetingKind kind = SL_MEETING_KIND_PARTY_GROUP; kind <= SL_MEETING_KIND_OTHER; kind++)
    if (stats->meetings_by_kind[kind] > 0)
      g_string_append_printf (kinds, "%s%s%u次", kinds->len ? "、" : "",
                              sl_wording_meeting_kind (kind),
                              stats->meetings_by_kind[kind]);
  if (kinds->len > 0)
    line = g_strdup_printf ("全年共召开各类会议%u次，其中%s。", stats->meetings_total, kinds->str);
  else
    line = g_strdup ("本年度尚无会议记录。");
  add_sentence (renderer, line);
  g_clear_pointer (&line, g_free);

  line = g_strdup_printf ("应参会%u人次，出席%u人次，请假%u人次，缺席%u人次，补学%u人次；"
                          "出席率%s，参学率%s。",
                          totals.expected, totals.present, totals.leave, totals.absent,
                          totals.made_up, attendance, participation);
  add_sentence (renderer, line);
  g_clear_pointer (&line, g_free);

  for (guint i = 0; i < stats->plans->len; i++)
    {
      const SlPlanStats *plan = g_ptr_array_index (stats->plans, i);
      g_autofree char *rate = format_rate (sl_plan_stats_fulfilment_rate (plan));

      line = g_strdup_printf ("《%s》安排学习%u项，已开展%u项，兑现率%s。",
                              plan->title && *plan->title ? plan->title : "学习计划",
                              plan->planned, plan->held, rate);
      add_sentence (renderer, line);
      g_clear_pointer (&line, g_free);
    }

  line = g_strdup_printf ("贯彻落实措施未完成%u项，其中逾期%u项。", stats->measures_open,
                          stats->measures_overdue);
  add_sentence (renderer, line);
  g_clear_pointer (&line, g_free);

  for (guint i = 0; i < stats->members->len; i++)
    {
      const SlMemberStats *member = g_ptr_array_index (stats->members, i);
      double rate = sl_member_stats_attendance_rate (member);
      g_autofree char *text = NULL;

      if (isnan (rate) || rate >= stats->rules.attendance_threshold)
        continue;
      text = format_rate (rate);
      g_string_append_printf (low, "%s%s（%s）", low->len ? "、" : "", member->name, text);
    }
  if (low->len > 0)
    line = g_strdup_printf ("出席率低于%s的：%s。", threshold, low->str);
  else
    line = g_strdup_printf ("成员出席率均达到%s。", threshold);
  add_sentence (renderer, line);
}

/* Meetings per month ---------------------------------------------------------- */

static void
add_month_chart (SlReportPages *self)
{
  SlPageRenderer *renderer = SL_PAGE_RENDERER (self);
  SlStatistics *stats = self->statistics;
  double x = sl_page_renderer_get_left (renderer);
  double width = sl_page_renderer_get_width (renderer);
  double chart_height = 170, legend_height, y, plot_left, plot_right, plot_top, plot_bottom;
  double slot, bar, legend_x, legend_y, legend_row;
  guint max = 0, step, top;
  g_autoptr(GPtrArray) legend = g_ptr_array_new_with_free_func (g_object_unref);

  for (int month = 0; month < 12; month++)
    {
      guint total = 0;

      for (SlMeetingKind kind = 0; kind <= SL_MEETING_KIND_OTHER; kind++)
        total += stats->meetings_by_month[month][kind];
      max = MAX (max, total);
    }

  /* The legend's entries, to know its height before placing anything. */
  legend_x = 0;
  legend_row = 0;
  legend_height = 0;
  for (SlMeetingKind kind = SL_MEETING_KIND_PARTY_GROUP; kind <= SL_MEETING_KIND_OTHER; kind++)
    {
      PangoLayout *label;
      double item;

      if (stats->meetings_by_kind[kind] == 0)
        continue;
      label = create_label (renderer, sl_wording_meeting_kind (kind), 9);
      item = 12 + sl_page_layout_get_width (label) + 14;
      legend_row = sl_page_layout_get_height (label);
      if (legend_x > 0 && legend_x + item > width)
        {
          legend_x = 0;
          legend_height += legend_row + 2;
        }
      legend_x += item;
      g_object_set_data (G_OBJECT (label), "kind", GINT_TO_POINTER (kind));
      g_ptr_array_add (legend, label);
    }
  legend_height += legend_row;

  add_heading (renderer, "二、每月会议开展情况", chart_height + legend_height + 8);
  if (max == 0)
    {
      add_sentence (renderer, "本年度尚无会议记录。");
      return;
    }

  y = sl_page_renderer_get_y (renderer);
  step = max <= 6 ? 1 : (max + 5) / 6;
  top = ((max + step - 1) / step) * step;
  if (top == max)
    top += step;   /* room for the total above the tallest bar */

  plot_left = x + 24;
  plot_right = x + width;
  plot_top = y + 4;
  plot_bottom = y + chart_height - 16;

  /* Scale and grid */
  for (guint value = 0; value <= top; value += step)
    {
      double gy = plot_bottom - (plot_bottom - plot_top) * value / top;
      g_autofree char *text = g_strdup_printf ("%u", value);
      g_autoptr(PangoLayout) label = create_label (renderer, text, LABEL_SIZE);

      if (value > 0)
        sl_page_renderer_add_line (renderer, plot_left, gy, plot_right, gy, 0.4, GRID, FALSE);
      sl_page_renderer_add_text_color (renderer, label,
                                       plot_left - 4 - sl_page_layout_get_width (label),
                                       gy - sl_page_layout_get_height (label) / 2, TEXT_GREY);
    }

  /* Bars, stacked in the order of the legend */
  slot = (plot_right - plot_left) / 12;
  bar = slot * 0.56;
  for (int month = 0; month < 12; month++)
    {
      double bx = plot_left + month * slot + (slot - bar) / 2;
      double by = plot_bottom;
      guint total = 0;
      g_autofree char *month_text = g_strdup_printf ("%d月", month + 1);
      g_autoptr(PangoLayout) month_label = create_label (renderer, month_text, LABEL_SIZE + 1);

      for (SlMeetingKind kind = SL_MEETING_KIND_PARTY_GROUP; kind <= SL_MEETING_KIND_OTHER; kind++)
        {
          guint count = stats->meetings_by_month[month][kind];
          double height = (plot_bottom - plot_top) * count / top;

          if (count == 0)
            continue;
          by -= height;
          sl_page_renderer_add_rect (renderer, bx, by, bar, height, sl_ledger_tables_kind_color (kind));
          /* A hairline between stacked parts keeps light colours apart. */
          sl_page_renderer_add_line (renderer, bx, by, bx + bar, by, 0.5, 0xffffff, FALSE);
          total += count;
        }

      if (total > 0)
        {
          g_autofree char *text = g_strdup_printf ("%u", total);
          g_autoptr(PangoLayout) label = create_label (renderer, text, LABEL_SIZE);

          sl_page_renderer_add_text (renderer, label,
                                     bx + (bar - sl_page_layout_get_width (label)) / 2,
                                     by - 1 - sl_page_layout_get_height (label));
        }
      sl_page_renderer_add_text_color (renderer, month_label,
                                       plot_left + month * slot
                                       + (slot - sl_page_layout_get_width (month_label)) / 2,
                                       plot_bottom + 2, TEXT_GREY);
    }
  sl_page_renderer_add_line (renderer, plot_left, plot_bottom, plot_right, plot_bottom,
                             0.8, 0x000000, FALSE);

  /* Legend */
  legend_x = x;
  legend_y = y + chart_height + 4;
  for (guint i = 0; i < legend->len; i++)
    {
      PangoLayout *label = g_ptr_array_index (legend, i);
      SlMeetingKind kind = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (label), "kind"));
      double item = 12 + sl_page_layout_get_width (label) + 14;
      double height = sl_page_layout_get_height (label);

      if (legend_x > x && legend_x + item > x + width)
        {
          legend_x = x;
          legend_y += height + 2;
        }
      sl_page_renderer_add_rect (renderer, legend_x, legend_y + (height - 8) / 2, 8, 8,
                                 sl_ledger_tables_kind_color (kind));
      sl_page_renderer_add_text (renderer, label, legend_x + 12, legend_y);
      legend_x += item;
    }

  sl_page_renderer_set_y (renderer, y + chart_height + 4 + legend_height + 12);
}

/* Attendance per member -------------------------------------------------------- */

typedef struct
{
  double left, bar_left, bar_right, top;
  double threshold;
} MemberChart;

static double
rate_x (const MemberChart *chart,
        double             rate)
{
  return chart->bar_left + (chart->bar_right - chart->bar_left) * CLAMP (rate, 0, 1);
}

/* The scale over the bars, at the top of each page the chart is on. */
static void
member_chart_scale (SlPageRenderer *renderer,
                    MemberChart    *chart)
{
  double y = sl_page_renderer_get_y (renderer);
  double height = 0;

  for (int percent = 0; percent <= 100; percent += 20)
    {
      g_autofree char *text = g_strdup_printf ("%d%%", percent);
      g_autoptr(PangoLayout) label = create_label (renderer, text, LABEL_SIZE);
      double lx = rate_x (chart, percent / 100.0);

      height = sl_page_layout_get_height (label);
      sl_page_renderer_add_text_color (renderer, label, lx - sl_page_layout_get_width (label) / 2,
                                       y, TEXT_GREY);
    }
  chart->top = y + height + 2;
  sl_page_renderer_set_y (renderer, chart->top);
}

/* The grid and the threshold over the rows of one page. */
static void
member_chart_finish (SlPageRenderer *renderer,
                     MemberChart    *chart)
{
  double bottom = sl_page_renderer_get_y (renderer);

  if (bottom <= chart->top)
    return;

  for (int percent = 20; percent <= 100; percent += 20)
    sl_page_renderer_add_line (renderer, rate_x (chart, percent / 100.0), chart->top,
                               rate_x (chart, percent / 100.0), bottom, 0.4, GRID, FALSE);
  sl_page_renderer_add_line (renderer, chart->bar_left, chart->top, chart->bar_left, bottom,
                             0.8, 0x000000, FALSE);
  sl_page_renderer_add_line (renderer, rate_x (chart, chart->threshold), chart->top - 2,
                             rate_x (chart, chart->threshold), bottom + 2, 1.0, BELOW, TRUE);
}

static void
add_member_chart (SlReportPages *self)
{
  SlPageRenderer *renderer = SL_PAGE_RENDERER (self);
  SlStatistics *stats = self->statistics;
  double x = sl_page_renderer_get_left (renderer);
  double width = sl_page_renderer_get_width (renderer);
  double row = 15, name_width = 0, y;
  g_autofree char *threshold = format_threshold (stats->rules.attendance_threshold);
  g_autofree char *note = NULL;
  g_autofree char *heading = NULL;
  g_autoptr(PangoLayout) caption = NULL;
  double caption_height;
  MemberChart chart = { 0 };

  for (guint i = 0; i < stats->members->len; i++)
    {
      const SlMemberStats *member = g_ptr_array_index (stats->members, i);
      g_autoptr(PangoLayout) name = create_label (renderer, member->name, 9);

      name_width = MAX (name_width, sl_page_layout_get_width (name));
    }

  chart.left = x;
  chart.bar_left = x + MIN (name_width, 90) + 8;
  chart.bar_right = x + width - 36;
  chart.threshold = stats->rules.attendance_threshold;

  heading = g_strdup_printf ("三、成员出席率（要求不低于%s）", threshold);
  add_heading (renderer, heading, 14 + 3 * row);
  if (stats->members->len == 0)
    {
      add_sentence (renderer, "本年度无应参加会议的成员。");
      return;
    }

  /* The chart's caption under it, written first to know its height: it
   * stays on the page of the chart's last rows, never alone on a page. */
  note = g_strdup_printf ("红色虚线为出席率要求（%s），红色条为低于要求的成员；"
                          "出席率＝出席次数÷应参加次数，“—”为本年度无应参加会议。", threshold);
  caption = sl_page_renderer_create_layout (renderer, SL_PAGE_FONT_BODY, 9, note, width);
  caption_height = 6 + sl_page_layout_get_height (caption);

  member_chart_scale (renderer, &chart);
  for (guint i = 0; i < stats->members->len; i++)
    {
      const SlMemberStats *member = g_ptr_array_index (stats->members, i);
      double rate = sl_member_stats_attendance_rate (member);
      g_autofree char *value = format_rate (rate);
      g_autoptr(PangoLayout) name = sl_page_renderer_create_layout (renderer, SL_PAGE_FONT_BODY, 9,
                                                                    member->name,
                                                                    chart.bar_left - x - 6);
      g_autoptr(PangoLayout) label = create_label (renderer, value, LABEL_SIZE + 0.5);
      gboolean below = !isnan (rate) && rate < chart.threshold;

      pango_layout_set_alignment (name, PANGO_ALIGN_RIGHT);
      pango_layout_set_ellipsize (name, PANGO_ELLIPSIZE_END);
      guint left = stats->members->len - i;
      double page = sl_page_renderer_get_bottom (renderer) - sl_page_renderer_get_top (renderer);

      if (sl_page_renderer_get_y (renderer) + row > sl_page_renderer_get_bottom (renderer) ||
          /* The last three rows go over with the caption when it does
           * not fit under them here (and they fit with it on a page). */
          (i > 0 && left == MIN (3, stats->members->len) &&
           sl_page_renderer_get_y (renderer) + left * row + caption_height
           > sl_page_renderer_get_bottom (renderer) &&
           left * row + caption_height + 30 < page))
        {
          member_chart_finish (renderer, &chart);
          sl_page_renderer_add_page (renderer, FALSE);
          member_chart_scale (renderer, &chart);
        }

      y = sl_page_renderer_get_y (renderer);
      sl_page_renderer_add_text (renderer, name, x, y + (row - sl_page_layout_get_height (name)) / 2);
      if (!isnan (rate) && rate > 0)
        sl_page_renderer_add_rect (renderer, chart.bar_left, y + 3, rate_x (&chart, rate) - chart.bar_left,
                                   row - 6, below ? BELOW : ABOVE);
      sl_page_renderer_add_text_color (renderer, label,
                                       (isnan (rate) ? chart.bar_left : rate_x (&chart, rate)) + 3,
                                       y + (row - sl_page_layout_get_height (label)) / 2,
                                       below ? BELOW : 0x000000);
      sl_page_renderer_set_y (renderer, y + row);
    }
  member_chart_finish (renderer, &chart);

  gap (renderer, 6);
  sl_page_renderer_flow (renderer, caption, x);
  gap (renderer, 14);
}

/* The document ----------------------------------------------------------------- */

static guint
sl_report_pages_layout (SlPageRenderer *renderer,
                        PangoContext   *context,
                        double          page_width,
                        double          page_height)
{
  SlReportPages *self = SL_REPORT_PAGES (renderer);
  SlStatistics *stats = self->statistics;
  g_autofree char *first_day = g_strdup_printf ("%04d-01-01", stats->year);
  g_autofree char *last_day = g_strdup_printf ("%04d-12-31", stats->year);
  g_autofree char *from = sl_wording_date (first_day);
  g_autofree char *to = NULL;
  g_autofree char *period = NULL;
  g_autofree char *balanced = NULL;
  g_autoptr(PangoLayout) title = NULL;
  g_autoptr(PangoLayout) subtitle = NULL;
  double x, width;

  sl_table_pages_set_margins (renderer, FALSE);
  sl_page_renderer_set_footer (renderer, SL_PAGE_FOOTER_PAGE_OF_TOTAL);
  sl_page_renderer_add_page (renderer, FALSE);
  x = sl_page_renderer_get_left (renderer);
  width = sl_page_renderer_get_width (renderer);

  /* A year still running is counted up to today. */
  if (stats->today != NULL && strcmp (stats->today, first_day) >= 0
      && strcmp (stats->today, last_day) < 0)
    to = sl_wording_date (stats->today);
  else
    to = sl_wording_date (last_day);
  period = g_strdup_printf ("统计时间：%s至%s", from, to);

  balanced = sl_page_renderer_balance_lines (renderer, SL_PAGE_FONT_TITLE, 20,
                                             sl_page_renderer_get_title (renderer), width);
  title = sl_page_renderer_create_layout (renderer, SL_PAGE_FONT_TITLE, 20, balanced, width);
  pango_layout_set_alignment (title, PANGO_ALIGN_CENTER);
  sl_page_renderer_flow (renderer, title, x);
  gap (renderer, 4);
  subtitle = sl_page_renderer_create_layout (renderer, SL_PAGE_FONT_BODY, 12, period, width);
  pango_layout_set_alignment (subtitle, PANGO_ALIGN_CENTER);
  sl_page_renderer_flow (renderer, subtitle, x);
  gap (renderer, 12);

  add_key_figures (self);
  gap (renderer, 10);
  add_month_chart (self);
  add_member_chart (self);

  for (guint i = 0; i < self->tables->len; i++)
    {
      SlTable *table = g_ptr_array_index (self->tables, i);
      /* The tables are numbered as the spreadsheet's sheets (四、…); the
       * sheet of key figures and charts is what the cards and charts
       * above show. */
      const SlTableStyle style = { .caption = SL_TABLE_CAPTION_HEADING,
                                   .heading = sl_table_get_name (table) };

      if (sl_table_get_n_charts (table) > 0)
        continue;
      sl_table_pages_append (renderer, table, &style);
      gap (renderer, 16);
    }

  return sl_page_renderer_get_page_count (renderer);
}

static void
sl_report_pages_finalize (GObject *object)
{
  SlReportPages *self = SL_REPORT_PAGES (object);

  g_clear_pointer (&self->statistics, sl_statistics_free);
  g_clear_pointer (&self->tables, g_ptr_array_unref);

  G_OBJECT_CLASS (sl_report_pages_parent_class)->finalize (object);
}

static void
sl_report_pages_class_init (SlReportPagesClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  SlPageRendererClass *renderer_class = SL_PAGE_RENDERER_CLASS (klass);

  object_class->finalize = sl_report_pages_finalize;
  renderer_class->layout = sl_report_pages_layout;
}

static void
sl_report_pages_init (SlReportPages *self)
{
  self->tables = g_ptr_array_new_with_free_func (g_object_unref);
}

SlReportPages *
sl_report_pages_new (const char   *title,
                     SlStatistics *statistics,
                     GPtrArray    *tables)
{
  SlReportPages *self;

  g_return_val_if_fail (statistics != NULL, NULL);

  self = g_object_new (SL_TYPE_REPORT_PAGES, "title", title, NULL);
  self->statistics = statistics;
  for (guint i = 0; tables != NULL && i < tables->len; i++)
    g_ptr_array_add (self->tables, g_object_ref (g_ptr_array_index (tables, i)));

  return self;
}
