/* sl-minutes-pages.c — the record (会议记录) of one meeting as printed pages
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The fields DOMAIN.md lists for a meeting record, in the order a record
 * book has them: title with the session number; 时间, 地点, 主持人, 记录人;
 * 出席, 请假 (with reasons), 缺席, 列席 (a superior sitting in marked
 * （上级列席旁听）), labels in 黑体 and names in 仿宋
 * joined by 、, a name list that runs over a line going on under the
 * names rather than under the label; then what was studied, relayed and
 * said, the chair's summary, the superiors' remarks (上级点评意见), the
 * decisions and the follow-up measures, and
 * the chair's and the recorder's signature lines. Sections with nothing in
 * them are left out rather than printed empty.
 */

#define G_LOG_DOMAIN "sl-minutes-pages"

#include "config.h"

#include <pango/pangocairo.h>
#include <string.h>

#include "sl-attendance.h"
#include "sl-evidence.h"
#include "sl-guest.h"
#include "sl-ledger.h"
#include "sl-ledger-tables.h"
#include "sl-measure.h"
#include "sl-meeting.h"
#include "sl-member.h"
#include "sl-minutes-pages.h"
#include "sl-organization.h"
#include "sl-speech.h"
#include "sl-study.h"
#include "sl-wording.h"

#define TITLE_SIZE     20.0
#define BODY_SIZE      14.0    /* 四号 */
#define PARAGRAPH_GAP  3.0

struct _SlMinutesPages
{
  SlPageRenderer  parent_instance;

  /* owned */
  SlLedger       *ledger;
  SlMeeting      *meeting;
  PangoLayout    *state;    /* 定稿 and its 校验码, or 草稿: in every page's foot */

  /* The signature lines never stand alone on the last page: a first
   * layout (probing) finds the page they would go to alone; the real one
   * leaves room at the foot of the page before (reserve_page), so that
   * the last lines of the record go over with them. */
  gboolean        probing;
  int             alone_page;
  int             reserve_page;
  double          reserve;
};

G_DEFINE_FINAL_TYPE (SlMinutesPages, sl_minutes_pages, SL_TYPE_PAGE_RENDERER)

static const char *
member_name (SlMinutesPages *self,
             const char     *id)
{
  SlMember *member = id != NULL ? sl_ledger_find_member (self->ledger, id) : NULL;

  return member != NULL ? sl_member_get_name (member) : NULL;
}

static gboolean
is_blank (const char *text)
{
  if (text == NULL)
    return TRUE;
  for (; *text != '\0'; text = g_utf8_next_char (text))
    {
      gunichar c = g_utf8_get_char (text);

      if (!g_unichar_isspace (c) && c != 0x3000)
        return FALSE;
    }
  return TRUE;
}

static gboolean
same_words (const char *a,
            const char *b)
{
  g_autofree char *x = g_strstrip (g_strdup (a));
  g_autofree char *y = g_strstrip (g_strdup (b));

  return g_strcmp0 (x, y) == 0;
}

#define MARGIN_TOP    (30 * SL_PAGE_MM)
#define MARGIN_RIGHT  (26 * SL_PAGE_MM)
#define MARGIN_BOTTOM (28 * SL_PAGE_MM)
#define MARGIN_LEFT   (28 * SL_PAGE_MM)

/* The margins of the next page: a shorter page where the signatures need
 * company (see SlMinutesPages.reserve_page). */
static void
set_next_margins (SlPageRenderer *renderer)
{
  SlMinutesPages *self = SL_MINUTES_PAGES (renderer);
  int next = (int) sl_page_renderer_get_page_count (renderer);

  sl_page_renderer_set_margins (renderer, MARGIN_TOP, MARGIN_RIGHT,
                                MARGIN_BOTTOM + (next == self->reserve_page ? self->reserve : 0),
                                MARGIN_LEFT);
}

/* Between paragraphs: where the margins of a next page are decided. */
static void
gap (SlPageRenderer *renderer,
     double          height)
{
  set_next_margins (renderer);
  sl_page_renderer_set_y (renderer, sl_page_renderer_get_y (renderer) + height);
}

static double
body_line_height (SlPageRenderer *renderer)
{
  g_autoptr(PangoLayout) probe = sl_page_renderer_create_layout (renderer, SL_PAGE_FONT_BODY,
                                                                 BODY_SIZE, "字", -1);

  return sl_page_layout_get_height (probe);
}

/* “出席：张伟、王芳…”: the label in 黑体, the value in 仿宋 after it; the
 * value's further lines start under its first, after the colon. A @list
 * breaks between its entries only. */
static void
add_field (SlPageRenderer *renderer,
           const char     *label,
           const char     *value,
           gboolean        list)
{
  g_autoptr(PangoLayout) label_layout = sl_page_renderer_create_layout (renderer,
                                                                        SL_PAGE_FONT_HEADING,
                                                                        BODY_SIZE, label, -1);
  double x = sl_page_renderer_get_left (renderer);
  double indent = sl_page_layout_get_width (label_layout);
  double width = sl_page_renderer_get_width (renderer) - indent;
  g_autofree char *text = list ? sl_page_renderer_pack_list (renderer, SL_PAGE_FONT_BODY,
                                                             BODY_SIZE, value, width)
                               : g_strdup (value != NULL ? value : "");
  g_autoptr(PangoLayout) layout = sl_page_renderer_create_layout (renderer, SL_PAGE_FONT_BODY,
                                                                  BODY_SIZE, text, width + 1);
  double label_top, label_baseline, top, baseline, bottom;

  sl_page_layout_justify (layout, 0, width);

  /* The label goes on the page of the value's first line (which
   * sl_page_renderer_flow() keeps with the second), on its baseline. */
  sl_page_layout_get_line_extents (layout, 0, &top, &baseline, &bottom);
  if (pango_layout_get_line_count (layout) > 1)
    sl_page_layout_get_line_extents (layout, 1, NULL, NULL, &bottom);
  sl_page_layout_get_line_extents (label_layout, 0, &label_top, &label_baseline, NULL);
  sl_page_renderer_ensure_space (renderer, bottom - top);
  sl_page_renderer_add_text (renderer, label_layout, x,
                             sl_page_renderer_get_y (renderer) + (baseline - top)
                             - (label_baseline - label_top));
  sl_page_renderer_flow (renderer, layout, x + indent);
  gap (renderer, PARAGRAPH_GAP);
}

/* A section heading stays with at least two lines of what follows. */
static void
add_heading (SlPageRenderer *renderer,
             const char     *text)
{
  g_autoptr(PangoLayout) layout = sl_page_renderer_create_layout (renderer, SL_PAGE_FONT_HEADING,
                                                                  BODY_SIZE, text,
                                                                  sl_page_renderer_get_width (renderer));

  gap (renderer, 4);
  sl_page_renderer_ensure_space (renderer, sl_page_layout_get_height (layout)
                                           + 2 * body_line_height (renderer));
  sl_page_renderer_flow (renderer, layout, sl_page_renderer_get_left (renderer));
  gap (renderer, PARAGRAPH_GAP);
}

/* One paragraph, indented two characters; @lead (a number, a speaker)
 * goes in front, in @lead_font. */
static void
add_paragraph (SlPageRenderer *renderer,
               const char     *lead,
               SlPageFont      lead_font,
               const char     *text,
               gboolean        indent)
{
  g_autofree char *all = g_strconcat (lead != NULL ? lead : "", text, NULL);
  double width = sl_page_renderer_get_width (renderer);
  g_autoptr(PangoLayout) layout = sl_page_renderer_create_layout (renderer, SL_PAGE_FONT_BODY,
                                                                  BODY_SIZE, all, width + 1);

  if (lead != NULL && lead_font != SL_PAGE_FONT_BODY)
    sl_page_renderer_set_span_font (renderer, layout, 0, strlen (lead), lead_font, BODY_SIZE);
  if (indent)
    pango_layout_set_indent (layout, (int) (2 * BODY_SIZE * PANGO_SCALE));
  sl_page_layout_justify (layout, sl_page_layout_avoid_runt (layout), width);
  sl_page_renderer_flow (renderer, layout, sl_page_renderer_get_left (renderer));
  gap (renderer, PARAGRAPH_GAP);
}

/* Text as typed, one paragraph per line; @lead before the first. */
static void
add_text (SlPageRenderer *renderer,
          const char     *lead,
          const char     *text)
{
  g_auto(GStrv) lines = g_strsplit (text != NULL ? text : "", "\n", -1);
  gboolean first = TRUE;

  for (guint i = 0; lines[i] != NULL; i++)
    {
      g_strstrip (lines[i]);
      if (is_blank (lines[i]))
        continue;
      add_paragraph (renderer, first ? lead : NULL, SL_PAGE_FONT_BODY, lines[i], TRUE);
      first = FALSE;
    }
  if (first && lead != NULL)
    add_paragraph (renderer, lead, SL_PAGE_FONT_BODY, "", TRUE);
}

static char *
join (GPtrArray *names)
{
  if (names->len == 0)
    return g_strdup ("无");

  g_ptr_array_add (names, NULL);
  return g_strjoinv ("、", (char **) names->pdata);
}

static void
add_attendance (SlMinutesPages *self)
{
  SlPageRenderer *renderer = SL_PAGE_RENDERER (self);
  GListModel *rows = sl_meeting_get_attendance (self->meeting);
  GListModel *guests = sl_meeting_get_guests (self->meeting);
  g_autoptr(GPtrArray) present = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) leave = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) absent = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) sitting_in = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *present_text = NULL;
  g_autofree char *leave_text = NULL;
  g_autofree char *absent_text = NULL;
  g_autofree char *guest_text = NULL;
  g_autofree char *counts = NULL;
  guint expected, n_present, n_leave, n_absent;

  for (guint i = 0; i < g_list_model_get_n_items (rows); i++)
    {
      g_autoptr(SlAttendance) row = g_list_model_get_item (rows, i);
      const char *name = member_name (self, sl_attendance_get_member (row));
      const char *reason = sl_attendance_get_reason (row);
      const char *kind = sl_wording_leave_kind (sl_attendance_get_leave_kind (row));
      g_autoptr(GString) entry = g_string_new (name != NULL ? name : "");

      switch (sl_attendance_get_status (row))
        {
        case SL_ATTENDANCE_STATUS_PRESENT:
          if (sl_attendance_get_late (row) && sl_attendance_get_left_early (row))
            g_string_append (entry, "（迟到、早退）");
          else if (sl_attendance_get_late (row))
            g_string_append (entry, "（迟到）");
          else if (sl_attendance_get_left_early (row))
            g_string_append (entry, "（早退）");
          g_ptr_array_add (present, g_string_free (g_steal_pointer (&entry), FALSE));
          break;

        case SL_ATTENDANCE_STATUS_LEAVE:
          /* A reason that only repeats the kind (事假：事假) is none. */
          if (*kind != '\0' && !is_blank (reason) && !same_words (reason, kind))
            g_string_append_printf (entry, "（%s：%s）", kind, reason);
          else if (*kind != '\0')
            g_string_append_printf (entry, "（%s）", kind);
          else if (!is_blank (reason))
            g_string_append_printf (entry, "（%s）", reason);
          g_ptr_array_add (leave, g_string_free (g_steal_pointer (&entry), FALSE));
          break;

        case SL_ATTENDANCE_STATUS_ABSENT:
          if (!is_blank (reason))
            g_string_append_printf (entry, "（%s）", reason);
          g_ptr_array_add (absent, g_string_free (g_steal_pointer (&entry), FALSE));
          break;

        case SL_ATTENDANCE_STATUS_NONE:
        default:
          break;
        }
    }

  for (guint i = 0; i < g_list_model_get_n_items (guests); i++)
    {
      g_autoptr(SlGuest) guest = g_list_model_get_item (guests, i);

      /* A superior sitting in says so: “…（上级列席旁听）”. */
      g_ptr_array_add (sitting_in, sl_wording_guest (guest));
    }

  sl_meeting_count_attendance (self->meeting, &expected, &n_present, &n_leave, &n_absent);
  counts = g_strdup_printf ("应到%u人，实到%u人，请假%u人，缺席%u人", expected, n_present,
                            n_leave, n_absent);

  present_text = join (present);
  leave_text = join (leave);
  absent_text = join (absent);
  add_field (renderer, "出席：", present_text, TRUE);
  add_field (renderer, "请假：", leave_text, TRUE);
  add_field (renderer, "缺席：", absent_text, TRUE);
  if (sitting_in->len > 0)
    {
      guest_text = join (sitting_in);
      add_field (renderer, "列席：", guest_text, TRUE);
    }
  add_field (renderer, "人数：", counts, FALSE);
}

static void
add_studies (SlMinutesPages *self)
{
  SlPageRenderer *renderer = SL_PAGE_RENDERER (self);
  GListModel *studies = sl_meeting_get_studies (self->meeting);
  guint n_studies = g_list_model_get_n_items (studies);
  gboolean any_summary = FALSE;

  if (n_studies == 0)
    return;

  add_heading (renderer, "学习内容");
  for (guint i = 0; i < n_studies; i++)
    {
      g_autoptr(SlStudy) study = g_list_model_get_item (studies, i);
      g_autoptr(GString) details = g_string_new (NULL);
      g_autoptr(GString) text = g_string_new (sl_study_get_title (study));
      g_autofree char *lead = NULL;
      g_autofree char *date = NULL;
      const char *lead_name = member_name (self, sl_study_get_lead (study));

      if (!is_blank (sl_study_get_source (study)))
        g_string_append_printf (details, "出处：%s", sl_study_get_source (study));
      if (!is_blank (sl_study_get_published_on (study)))
        {
          date = sl_wording_date (sl_study_get_published_on (study));
          g_string_append_printf (details, "%s发表日期：%s", details->len ? "；" : "", date);
        }
      if (lead_name != NULL)
        g_string_append_printf (details, "%s领学人：%s", details->len ? "；" : "", lead_name);
      if (details->len > 0)
        g_string_append_printf (text, "（%s）", details->str);

      lead = g_strdup_printf ("%u．%s", i + 1, sl_study_get_first_topic (study) ? "【第一议题】" : "");
      add_paragraph (renderer, lead, SL_PAGE_FONT_HEADING, text->str, TRUE);
      any_summary |= !is_blank (sl_study_get_summary (study));
    }

  if (!any_summary)
    return;

  add_heading (renderer, "传达学习情况");
  for (guint i = 0; i < n_studies; i++)
    {
      g_autoptr(SlStudy) study = g_list_model_get_item (studies, i);

      if (!is_blank (sl_study_get_summary (study)))
        add_text (renderer, NULL, sl_study_get_summary (study));
    }
}

static void
add_speeches (SlMinutesPages *self)
{
  SlPageRenderer *renderer = SL_PAGE_RENDERER (self);
  GListModel *speeches = sl_meeting_get_speeches (self->meeting);
  guint n_speeches = g_list_model_get_n_items (speeches);
  gboolean any = FALSE;

  for (guint i = 0; i < n_speeches; i++)
    {
      g_autoptr(SlSpeech) speech = g_list_model_get_item (speeches, i);
      const char *name = member_name (self, sl_speech_get_speaker (speech));
      g_autofree char *lead = NULL;

      /* A row added by accident and left empty says nothing: not even a
       * “：” under the heading (定稿 drops it, sl-evidence-ready.c). */
      if (sl_speech_is_empty (speech))
        continue;
      if (!any)
        add_heading (renderer, "研讨发言");
      any = TRUE;

      if (name == NULL)
        name = sl_speech_get_speaker_name (speech);
      lead = g_strdup_printf ("%s：", name != NULL ? name : "");
      add_text (renderer, lead, sl_speech_get_points (speech));
    }
}

/* What a superior sitting in said of the session (点评意见), each under
 * their name: the verdict an inspection looks for with the measures it
 * became. */
static void
add_remarks (SlMinutesPages *self)
{
  SlPageRenderer *renderer = SL_PAGE_RENDERER (self);
  GListModel *guests = sl_meeting_get_guests (self->meeting);
  gboolean any = FALSE;

  for (guint i = 0; i < g_list_model_get_n_items (guests); i++)
    {
      g_autoptr(SlGuest) guest = g_list_model_get_item (guests, i);
      g_autofree char *lead = NULL;

      if (is_blank (sl_guest_get_remarks (guest)))
        continue;
      if (!any)
        add_heading (renderer, "上级点评意见");
      any = TRUE;
      lead = g_strdup_printf ("%s：", sl_guest_get_name (guest) ? sl_guest_get_name (guest) : "");
      add_text (renderer, lead, sl_guest_get_remarks (guest));
    }
}

static void
add_measures (SlMinutesPages *self)
{
  SlPageRenderer *renderer = SL_PAGE_RENDERER (self);
  GListModel *measures = sl_meeting_get_measures (self->meeting);
  guint n_measures = g_list_model_get_n_items (measures);

  if (n_measures == 0)
    return;

  add_heading (renderer, "落实措施");
  for (guint i = 0; i < n_measures; i++)
    {
      g_autoptr(SlMeasure) measure = g_list_model_get_item (measures, i);
      g_autoptr(GString) details = g_string_new (NULL);
      g_autoptr(GString) text = g_string_new (sl_measure_get_text (measure));
      const char *owner = member_name (self, sl_measure_get_owner (measure));
      g_autofree char *lead = g_strdup_printf ("%u．", i + 1);

      if (owner != NULL)
        g_string_append_printf (details, "责任人：%s", owner);
      if (!is_blank (sl_measure_get_department (measure)))
        g_string_append_printf (details, "%s责任部门：%s", details->len ? "；" : "",
                                sl_measure_get_department (measure));
      if (!is_blank (sl_measure_get_due_on (measure)))
        {
          g_autofree char *due = sl_wording_date (sl_measure_get_due_on (measure));
          g_string_append_printf (details, "%s完成时限：%s", details->len ? "；" : "", due);
        }
      if (details->len > 0)
        g_string_append_printf (text, "（%s）", details->str);

      add_paragraph (renderer, lead, SL_PAGE_FONT_BODY, text->str, TRUE);
    }
}

/* 主持人（签字）：____  记录人（签字）：____ on one line, kept together
 * with the space above it. */
static void
add_signatures (SlPageRenderer *renderer)
{
  const char *labels[] = { "主持人（签字）：", "记录人（签字）：" };
  double x = sl_page_renderer_get_left (renderer);
  double half = sl_page_renderer_get_width (renderer) / 2;
  double height = body_line_height (renderer);
  guint n_pages = sl_page_renderer_get_page_count (renderer);
  double y, baseline;

  gap (renderer, 2 * height);
  sl_page_renderer_ensure_space (renderer, height + 4);
  if (sl_page_renderer_get_page_count (renderer) > n_pages)
    SL_MINUTES_PAGES (renderer)->alone_page = (int) n_pages;
  y = sl_page_renderer_get_y (renderer);

  for (guint i = 0; i < G_N_ELEMENTS (labels); i++)
    {
      g_autoptr(PangoLayout) layout = sl_page_renderer_create_layout (renderer, SL_PAGE_FONT_BODY,
                                                                      BODY_SIZE, labels[i], -1);
      double left = x + i * half;
      double width = sl_page_layout_get_width (layout);

      sl_page_layout_get_line_extents (layout, 0, NULL, &baseline, NULL);
      sl_page_renderer_add_text (renderer, layout, left, y);
      sl_page_renderer_add_line (renderer, left + width, y + baseline + 3,
                                 left + half - (i == 0 ? BODY_SIZE : 0), y + baseline + 3,
                                 0.6, 0x000000, FALSE);
    }

  sl_page_renderer_set_y (renderer, y + height);
}

/* “{unit}{meeting title}记录”: the unit, unless the meeting's name
 * starts with it already (中共临江市统计局党组2023年第1次会议). */
static char *
minutes_title (SlMinutesPages *self)
{
  g_autofree char *name = sl_wording_meeting_name (self->meeting);
  SlOrganization *organization = sl_ledger_find_organization (self->ledger,
                                                              sl_meeting_get_organization (self->meeting));
  const char *unit = organization != NULL ? sl_organization_get_name (organization) : NULL;
  gboolean expanded = sl_meeting_get_expanded (self->meeting) && strstr (name, "扩大") == NULL;

  g_autofree char *headed = sl_wording_under_unit (unit, name);

  return g_strconcat (headed, expanded ? "（扩大）" : "", "记录", NULL);
}

static guint
sl_minutes_pages_layout (SlPageRenderer *renderer,
                         PangoContext   *context,
                         double          page_width,
                         double          page_height)
{
  SlMinutesPages *self = SL_MINUTES_PAGES (renderer);
  g_autofree char *name = sl_wording_meeting_name (self->meeting);
  g_autofree char *title = NULL;
  g_autofree char *balanced = NULL;
  g_autofree char *date = sl_wording_date (sl_meeting_get_date (self->meeting));
  g_autofree char *start = sl_page_format_time (sl_meeting_get_start (self->meeting));
  g_autofree char *end = sl_page_format_time (sl_meeting_get_end (self->meeting));
  g_autofree char *when = NULL;
  g_autoptr(PangoLayout) heading = NULL;
  const char *form = sl_wording_study_form (sl_meeting_get_form (self->meeting));
  const char *chair = member_name (self, sl_meeting_get_chair (self->meeting));
  const char *recorder = member_name (self, sl_meeting_get_recorder (self->meeting));

  self->alone_page = -1;
  if (!self->probing)
    {
      g_autoptr(SlMinutesPages) probe = sl_minutes_pages_new (self->ledger, self->meeting);

      probe->probing = TRUE;
      sl_page_renderer_layout (SL_PAGE_RENDERER (probe), context, page_width, page_height);
      self->reserve_page = probe->alone_page - 1;
      /* Three lines of text go over to keep the signatures company; the
       * signatures themselves were never on that page. Reserving room
       * for them too sent whole sections over and left a third of the
       * page before blank. */
      self->reserve = 3.5 * body_line_height (renderer);
    }

  /* A record book is bound on the left; “第 x 页 共 y 页” in the foot. */
  set_next_margins (renderer);
  sl_page_renderer_set_footer (renderer, SL_PAGE_FOOTER_PAGE_OF_TOTAL);
  sl_page_renderer_add_page (renderer, FALSE);

  title = minutes_title (self);

  balanced = sl_page_renderer_balance_lines (renderer, SL_PAGE_FONT_TITLE, TITLE_SIZE, title,
                                             sl_page_renderer_get_width (renderer));
  heading = sl_page_renderer_create_layout (renderer, SL_PAGE_FONT_TITLE, TITLE_SIZE, balanced,
                                            sl_page_renderer_get_width (renderer));
  pango_layout_set_alignment (heading, PANGO_ALIGN_CENTER);
  sl_page_renderer_flow (renderer, heading, sl_page_renderer_get_left (renderer));
  gap (renderer, 14);

  if (*start != '\0' && *end != '\0')
    when = g_strdup_printf ("%s %s—%s", date, start, end);
  else if (*start != '\0')
    when = g_strdup_printf ("%s %s", date, start);
  else
    when = g_strdup (date);

  add_field (renderer, "时间：", when, FALSE);
  add_field (renderer, "地点：", sl_meeting_get_place (self->meeting), FALSE);
  add_field (renderer, "主持人：", chair, FALSE);
  add_field (renderer, "记录人：", recorder, FALSE);
  if (*form != '\0')
    add_field (renderer, "学习形式：", form, FALSE);
  if (!is_blank (sl_meeting_get_theme (self->meeting)))
    add_field (renderer, "主题：", sl_meeting_get_theme (self->meeting), FALSE);
  add_attendance (self);

  add_studies (self);
  add_speeches (self);
  if (!is_blank (sl_meeting_get_chair_summary (self->meeting)))
    {
      add_heading (renderer, "主持人总结");
      add_text (renderer, NULL, sl_meeting_get_chair_summary (self->meeting));
    }
  add_remarks (self);
  if (!is_blank (sl_meeting_get_decisions (self->meeting)))
    {
      add_heading (renderer, "议定事项");
      add_text (renderer, NULL, sl_meeting_get_decisions (self->meeting));
    }
  add_measures (self);
  if (!is_blank (sl_meeting_get_note (self->meeting)))
    {
      add_heading (renderer, "备注");
      add_text (renderer, NULL, sl_meeting_get_note (self->meeting));
    }

  add_signatures (renderer);

  /* Whether the record is final (DESIGN.md, Documents): drawn on each
   * page by draw_page, beside the page number. */
  {
    g_autoptr(SlFinal) final = NULL;
    g_autofree char *mark = NULL;

    if (sl_evidence_get_final (self->ledger, sl_record_get_key (SL_RECORD (self->meeting)), &final, NULL) &&
        final != NULL && final->hash != NULL && strlen (final->hash) >= 12)
      {
        g_autofree char *code = g_ascii_strup (final->hash, 12);

        mark = g_strdup_printf ("定稿 %.10s · 校验码 %.4s-%.4s-%.4s",
                                final->finalized_at, code, code + 4, code + 8);
      }
    else
      mark = g_strdup ("草稿");

    g_clear_object (&self->state);
    self->state = sl_page_renderer_create_layout (renderer, SL_PAGE_FONT_SONG, 9, mark, -1);
  }

  return sl_page_renderer_get_page_count (renderer);
}

static void
sl_minutes_pages_draw_page (SlPageRenderer *renderer,
                            cairo_t        *cr,
                            guint           page)
{
  SlMinutesPages *self = SL_MINUTES_PAGES (renderer);
  double width, height;

  SL_PAGE_RENDERER_CLASS (sl_minutes_pages_parent_class)->draw_page (renderer, cr, page);

  if (self->state == NULL)
    return;

  /* In the foot, flush with the right edge of the type area, level with
   * the centred “第 x 页 共 y 页” (margins as set in layout): at the left it
   * ran into the page number, as if one line. */
  sl_page_renderer_get_page_size (renderer, page, &width, &height);
  cairo_save (cr);
  cairo_set_source_rgb (cr, 0, 0, 0);
  cairo_move_to (cr, width - 26 * SL_PAGE_MM - sl_page_layout_get_width (self->state),
                 height - 28 * SL_PAGE_MM
                 + (28 * SL_PAGE_MM - sl_page_layout_get_height (self->state)) / 2);
  pango_cairo_show_layout (cr, self->state);
  cairo_restore (cr);
}

static void
sl_minutes_pages_dispose (GObject *object)
{
  SlMinutesPages *self = SL_MINUTES_PAGES (object);

  g_clear_object (&self->ledger);
  g_clear_object (&self->meeting);
  g_clear_object (&self->state);

  G_OBJECT_CLASS (sl_minutes_pages_parent_class)->dispose (object);
}

static void
sl_minutes_pages_class_init (SlMinutesPagesClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  SlPageRendererClass *renderer_class = SL_PAGE_RENDERER_CLASS (klass);

  object_class->dispose = sl_minutes_pages_dispose;
  renderer_class->layout = sl_minutes_pages_layout;
  renderer_class->draw_page = sl_minutes_pages_draw_page;
}

static void
sl_minutes_pages_init (SlMinutesPages *self)
{
  self->alone_page = -1;
  self->reserve_page = -1;
}

SlMinutesPages *
sl_minutes_pages_new (SlLedger  *ledger,
                      SlMeeting *meeting)
{
  SlMinutesPages *self;
  g_autofree char *title = NULL;

  g_return_val_if_fail (SL_IS_LEDGER (ledger), NULL);
  g_return_val_if_fail (SL_IS_MEETING (meeting), NULL);

  self = g_object_new (SL_TYPE_MINUTES_PAGES, NULL);
  self->ledger = g_object_ref (ledger);
  self->meeting = g_object_ref (meeting);

  title = minutes_title (self);
  sl_page_renderer_set_title (SL_PAGE_RENDERER (self), title);

  return self;
}
