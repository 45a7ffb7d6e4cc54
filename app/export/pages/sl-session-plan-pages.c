/* sl-session-plan-pages.c — a central-group session's 学习方案 as printed pages
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * “会前有方案”: before each central-group session the secretary drafts its
 * plan and the group leader approves it (DOMAIN.md). The plan is an
 * official document, laid out as GB/T 9704-2012 lays out the year's plan
 * (sl-plan-pages.c): A4 portrait, type area 156 × 225 mm 37 mm from the
 * top and 28 mm from the left, the title in 2号 小标宋 centred, the body in
 * 3号 仿宋 on a pitch of 22 lines a page, “一、” headings in 黑体 and
 * “（一）” in 楷体, paragraphs indented two characters, “— N —” page
 * numbers under the type area. In order: the title “{单位}理论学习中心组
 * {年}年第N次集体学习方案”, 学习主题, 时间地点, 参加范围 (and 列席), 学习篇目
 * with their sources, 议程 (领学, 重点发言 with their titles in order, the
 * 研讨题目, the chair's summing up), 学习时长, 学习要求, and the leader's
 * approval line “组长审定：____ 日期：____”, filled in when the plan has
 * been approved. Parts with nothing in them are left out, except the
 * approval line, which is the point of the document.
 */

#define G_LOG_DOMAIN "sl-session-plan-pages"

#include "config.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

#include "sl-attendance.h"
#include "sl-guest.h"
#include "sl-ledger.h"
#include "sl-meeting.h"
#include "sl-member.h"
#include "sl-organization.h"
#include "sl-session-plan.h"
#include "sl-session-plan-pages.h"
#include "sl-study.h"
#include "sl-wording.h"

#define BODY_SIZE       16.0    /* 3号 */
#define TITLE_SIZE      22.0    /* 2号 */
#define LINES_PER_PAGE  22

struct _SlSessionPlanPages
{
  SlPageRenderer  parent_instance;

  /* owned */
  SlLedger       *ledger;
  SlMeeting      *meeting;
  guint           number;

  /* while laying out: the body's line pitch (225 mm / 22) as a factor of
   * its natural line height */
  double          spacing;
};

G_DEFINE_FINAL_TYPE (SlSessionPlanPages, sl_session_plan_pages, SL_TYPE_PAGE_RENDERER)

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

static const char *
member_name (SlSessionPlanPages *self,
             const char         *id)
{
  SlMember *member = id != NULL ? sl_ledger_find_member (self->ledger, id) : NULL;

  return member != NULL ? sl_member_get_name (member) : NULL;
}

static char *
join (GPtrArray *names)
{
  g_ptr_array_add (names, NULL);
  char *joined = g_strjoinv ("、", (char **) names->pdata);
  g_ptr_array_remove_index (names, names->len - 1);
  return joined;
}

/* No line break inside any of @names (刘志强 is not 刘 / 志强). */
static void
keep_names_whole (PangoLayout *layout,
                  const char  *text,
                  GPtrArray   *names)
{
  PangoAttrList *attributes;

  if (names == NULL || names->len == 0)
    return;

  attributes = pango_attr_list_copy (pango_layout_get_attributes (layout));
  for (guint i = 0; i < names->len; i++)
    {
      const char *name = g_ptr_array_index (names, i);
      gsize length = strlen (name);

      for (const char *at = strstr (text, name); length > 0 && at != NULL;
           at = strstr (at + length, name))
        {
          PangoAttribute *attribute = pango_attr_allow_breaks_new (FALSE);

          attribute->start_index = at - text;
          attribute->end_index = at - text + length;
          pango_attr_list_insert (attributes, attribute);
        }
    }
  pango_layout_set_attributes (layout, attributes);
  pango_attr_list_unref (attributes);
}

/* A paragraph of body text, laid out but not yet placed: indented two
 * characters unless @indent is FALSE; its first @lead_length bytes in
 * @lead_font (a heading, a label); @names (may be NULL) each kept on one
 * line. */
static PangoLayout *
paragraph_layout (SlSessionPlanPages *self,
                  const char         *text,
                  gsize               lead_length,
                  SlPageFont          lead_font,
                  gboolean            indent,
                  GPtrArray          *names)
{
  SlPageRenderer *renderer = SL_PAGE_RENDERER (self);
  double width = sl_page_renderer_get_width (renderer);
  PangoLayout *layout = sl_page_renderer_create_layout (renderer, SL_PAGE_FONT_BODY,
                                                        BODY_SIZE, text, width + 1);

  keep_names_whole (layout, text, names);
  pango_layout_set_line_spacing (layout, self->spacing);
  if (lead_length > 0)
    sl_page_renderer_set_span_font (renderer, layout, 0, lead_length, lead_font, BODY_SIZE);
  if (indent)
    pango_layout_set_indent (layout, (int) (2 * BODY_SIZE * PANGO_SCALE));
  sl_page_layout_justify (layout, sl_page_layout_avoid_runt (layout), width);

  return layout;
}

static void
add_paragraph_with_names (SlSessionPlanPages *self,
                          const char         *text,
                          gsize               lead_length,
                          SlPageFont          lead_font,
                          gboolean            indent,
                          GPtrArray          *names)
{
  SlPageRenderer *renderer = SL_PAGE_RENDERER (self);
  g_autoptr(PangoLayout) layout = paragraph_layout (self, text, lead_length, lead_font,
                                                    indent, names);

  sl_page_renderer_flow (renderer, layout, sl_page_renderer_get_left (renderer));
}

static void
add_paragraph (SlSessionPlanPages *self,
               const char         *text,
               gsize               lead_length,
               SlPageFont          lead_font,
               gboolean            indent)
{
  add_paragraph_with_names (self, text, lead_length, lead_font, indent, NULL);
}

/* “一、学习主题”, counting it. */
static char *
heading_text (guint      *number,
              const char *name)
{
  static const char *numerals[] = { "一", "二", "三", "四", "五", "六", "七", "八", "九", "十" };

  guint n = MIN (*number, 9);

  (*number)++;
  return g_strdup_printf ("%s、%s", numerals[n], name);
}

/* “一、学习主题” in 黑体, kept with the first line after it. */
static void
add_heading (SlSessionPlanPages *self,
             guint              *number,
             const char         *name)
{
  SlPageRenderer *renderer = SL_PAGE_RENDERER (self);
  g_autofree char *text = heading_text (number, name);
  double pitch = (sl_page_renderer_get_bottom (renderer) - sl_page_renderer_get_top (renderer))
                 / LINES_PER_PAGE;

  sl_page_renderer_ensure_space (renderer, 2 * pitch);
  add_paragraph (self, text, strlen (text), SL_PAGE_FONT_HEADING, TRUE);
}

/* “（一）领学。”: a 楷体 heading, then the text in the same paragraph. */
static void
add_subheading (SlSessionPlanPages *self,
                guint              *number,
                const char         *heading,
                const char         *text)
{
  static const char *numerals[] = { "一", "二", "三", "四", "五", "六", "七", "八", "九", "十" };
  g_autofree char *lead = g_strdup_printf ("（%s）%s", numerals[MIN (*number, 9)], heading);
  g_autofree char *all = g_strconcat (lead, text != NULL ? text : "", NULL);

  (*number)++;
  add_paragraph (self, all, strlen (lead), SL_PAGE_FONT_KAI, TRUE);
}

static char *
quoted_title (const char *title)
{
  if (title == NULL)
    return g_strdup ("");
  if (g_str_has_prefix (title, "《"))
    return g_strdup (title);
  return g_strdup_printf ("《%s》", title);
}

/* The session's length in hours: as recorded, or from its times. */
static double
session_hours (SlMeeting *meeting)
{
  const char *start = sl_meeting_get_start (meeting);
  const char *end = sl_meeting_get_end (meeting);
  int h0, m0, h1, m1;

  if (sl_meeting_get_hours (meeting) > 0)
    return sl_meeting_get_hours (meeting);
  if (start != NULL && end != NULL &&
      sscanf (start, "%d:%d", &h0, &m0) == 2 && sscanf (end, "%d:%d", &h1, &m1) == 2 &&
      h1 * 60 + m1 > h0 * 60 + m0)
    return (h1 * 60 + m1 - h0 * 60 - m0) / 60.0;
  return 0;
}

/* The central group's members expected on the day (the sign-in sheet's
 * roster); the attendance when the roster has none. */
static GPtrArray *
participants (SlSessionPlanPages *self)
{
  GListModel *members = sl_ledger_get_members (self->ledger);
  GListModel *rows = sl_meeting_get_attendance (self->meeting);
  GPtrArray *names = g_ptr_array_new ();

  for (guint i = 0; i < g_list_model_get_n_items (members); i++)
    {
      g_autoptr(SlMember) member = g_list_model_get_item (members, i);

      /* The ledger's live list keeps the member alive. */
      if (sl_member_get_central_group (member) &&
          sl_member_is_active_on (member, sl_meeting_get_date (self->meeting)))
        g_ptr_array_add (names, (gpointer) sl_member_get_name (member));
    }

  for (guint i = 0; names->len == 0 && i < g_list_model_get_n_items (rows); i++)
    {
      g_autoptr(SlAttendance) row = g_list_model_get_item (rows, i);
      const char *name = member_name (self, sl_attendance_get_member (row));

      if (name != NULL)
        g_ptr_array_add (names, (gpointer) name);
    }

  return names;
}

static void
add_scope (SlSessionPlanPages *self,
           guint              *number)
{
  GListModel *guests = sl_meeting_get_guests (self->meeting);
  g_autoptr(GPtrArray) sitting_in = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) names = participants (self);
  g_autofree char *members = names->len > 0 ? join (names) : NULL;

  for (guint i = 0; i < g_list_model_get_n_items (guests); i++)
    {
      g_autoptr(SlGuest) guest = g_list_model_get_item (guests, i);
      const char *post = sl_guest_get_post (guest);
      const char *unit = sl_guest_get_unit (guest);

      if (!is_blank (unit) && !is_blank (post))
        g_ptr_array_add (sitting_in, g_strdup_printf ("%s（%s%s）", sl_guest_get_name (guest),
                                                      unit, post));
      else if (!is_blank (post) || !is_blank (unit))
        g_ptr_array_add (sitting_in, g_strdup_printf ("%s（%s）", sl_guest_get_name (guest),
                                                      !is_blank (post) ? post : unit));
      else
        g_ptr_array_add (sitting_in, g_strdup (sl_guest_get_name (guest)));
    }

  add_heading (self, number, "参加范围");
  {
    g_autofree char *text = g_strdup_printf ("理论学习中心组成员%s%s。", members ? "：" : "",
                                             members ? members : "");
    add_paragraph_with_names (self, text, 0, SL_PAGE_FONT_BODY, TRUE, names);
  }
  if (sitting_in->len > 0)
    {
      g_autofree char *guests_text = join (sitting_in);
      g_autofree char *text = g_strdup_printf ("列席：%s。", guests_text);

      add_paragraph_with_names (self, text, strlen ("列席："), SL_PAGE_FONT_HEADING, TRUE,
                                sitting_in);
    }
  else if (sl_meeting_get_expanded (self->meeting))
    add_paragraph (self, "列席：各科室、直属单位主要负责同志。", strlen ("列席："),
                   SL_PAGE_FONT_HEADING, TRUE);
}

static void
add_studies (SlSessionPlanPages *self,
             guint              *number)
{
  GListModel *studies = sl_meeting_get_studies (self->meeting);
  guint n = g_list_model_get_n_items (studies);

  if (n == 0)
    return;

  add_heading (self, number, "学习篇目");
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(SlStudy) study = g_list_model_get_item (studies, i);
      g_autofree char *title = quoted_title (sl_study_get_title (study));
      g_autoptr(GString) text = g_string_new (NULL);
      g_autoptr(GString) source = g_string_new (NULL);

      if (!is_blank (sl_study_get_source (study)))
        g_string_append (source, sl_study_get_source (study));
      if (!is_blank (sl_study_get_published_on (study)))
        {
          g_autofree char *date = sl_wording_date (sl_study_get_published_on (study));

          g_string_append_printf (source, "%s%s", source->len > 0 ? "，" : "", date);
        }
      g_string_append_printf (text, "%u．%s", i + 1, title);
      if (source->len > 0)
        g_string_append_printf (text, "（出处：%s）", source->str);
      add_paragraph (self, text->str, 0, SL_PAGE_FONT_BODY, TRUE);
    }
}

static void
add_agenda (SlSessionPlanPages *self,
            guint              *number)
{
  SlSessionPlan *plan = sl_meeting_get_session_plan (self->meeting);
  GListModel *studies = sl_meeting_get_studies (self->meeting);
  const char * const *topics = plan != NULL ? sl_session_plan_get_topics (plan) : NULL;
  guint n_speeches = plan != NULL ? sl_session_plan_get_n_speeches (plan) : 0;
  const char *chair = member_name (self, sl_meeting_get_chair (self->meeting));
  g_autoptr(GString) leads = g_string_new (NULL);
  guint sub = 0;

  for (guint i = 0; i < g_list_model_get_n_items (studies); i++)
    {
      g_autoptr(SlStudy) study = g_list_model_get_item (studies, i);
      const char *lead = member_name (self, sl_study_get_lead (study));
      g_autofree char *title = quoted_title (sl_study_get_title (study));

      if (lead == NULL)
        continue;
      g_string_append_printf (leads, "%s%s同志领学%s", leads->len > 0 ? "；" : "", lead, title);
    }

  if (leads->len == 0 && n_speeches == 0 && (topics == NULL || topics[0] == NULL) && chair == NULL)
    return;

  add_heading (self, number, "议程");
  if (leads->len > 0)
    {
      g_string_append (leads, "。");
      add_subheading (self, &sub, "领学。", leads->str);
    }

  if (n_speeches > 0)
    {
      add_subheading (self, &sub, "重点发言。", "以下同志依次作重点发言：");
      for (guint i = 0; i < n_speeches; i++)
        {
          const char *speaker = member_name (self, sl_session_plan_get_speech_member (plan, i));
          const char *title = sl_session_plan_get_speech_title (plan, i);
          g_autofree char *text = NULL;

          if (!is_blank (title))
            text = g_strdup_printf ("%u．%s：%s", i + 1, speaker ? speaker : "", title);
          else
            text = g_strdup_printf ("%u．%s", i + 1, speaker ? speaker : "");
          add_paragraph (self, text, 0, SL_PAGE_FONT_BODY, TRUE);
        }
    }

  if (topics != NULL && topics[0] != NULL)
    {
      add_subheading (self, &sub, "交流研讨。", "围绕以下研讨题目交流发言：");
      for (guint i = 0; topics[i] != NULL; i++)
        {
          g_autofree char *text = g_strdup_printf ("%u．%s", i + 1, topics[i]);
          add_paragraph (self, text, 0, SL_PAGE_FONT_BODY, TRUE);
        }
    }

  if (chair != NULL)
    {
      g_autofree char *text = g_strdup_printf ("%s同志作总结讲话，对贯彻落实提出要求。", chair);
      add_subheading (self, &sub, "总结讲话。", text);
    }
}

/* “组长审定：张三　　日期：2023年3月8日”, or blanks for ink. */
static PangoLayout *
approval_layout (SlSessionPlanPages *self)
{
  SlSessionPlan *plan = sl_meeting_get_session_plan (self->meeting);
  const char *by = plan != NULL ? sl_session_plan_get_approved_by (plan) : NULL;
  const char *on = plan != NULL ? sl_session_plan_get_approved_on (plan) : NULL;
  g_autofree char *date = !is_blank (on) ? sl_wording_date (on) : NULL;
  g_autofree char *text = g_strdup_printf ("组长审定：%s　　日期：%s",
                                           !is_blank (by) ? by : "__________",
                                           date != NULL ? date : "__________");

  return sl_page_renderer_create_layout (SL_PAGE_RENDERER (self), SL_PAGE_FONT_BODY,
                                         BODY_SIZE, text, -1);
}

/* The approval line, an empty line under the text, at the right of the
 * type area. */
static void
add_approval (SlSessionPlanPages *self,
              PangoLayout        *layout)
{
  SlPageRenderer *renderer = SL_PAGE_RENDERER (self);
  double pitch = (sl_page_renderer_get_bottom (renderer) - sl_page_renderer_get_top (renderer))
                 / LINES_PER_PAGE;
  double width = sl_page_layout_get_width (layout);

  sl_page_renderer_set_y (renderer, sl_page_renderer_get_y (renderer) + pitch);
  sl_page_renderer_ensure_space (renderer, pitch);
  /* Two characters in from the right, as a signature block stands. */
  sl_page_renderer_add_text (renderer, layout,
                             sl_page_renderer_get_left (renderer)
                             + MAX (0, sl_page_renderer_get_width (renderer) - width - 2 * BODY_SIZE),
                             sl_page_renderer_get_y (renderer));
  sl_page_renderer_set_y (renderer, sl_page_renderer_get_y (renderer) + pitch);
}

/* 学习要求 and the approval line under it, as one block: the approval
 * alone at the top of a page would be signed apart from the plan it
 * approves (and a page holding only it looks like a stray sheet), so
 * when the block does not fit in what is left of the page it starts the
 * next one whole. It is shorter than a page, so it always fits there. */
static void
add_requirements (SlSessionPlanPages *self,
                  guint              *number)
{
  static const char * const items[] = {
    "1．参学同志要提前自学上述篇目，结合分管工作认真思考研讨题目。",
    "2．重点发言同志要围绕发言题目提前准备书面发言材料，联系思想和工作实际，"
    "做到有观点、有思考、有措施。",
    "3．严格考勤纪律，因故不能参加的须事先向组长请假，会后及时补学。",
  };
  SlPageRenderer *renderer = SL_PAGE_RENDERER (self);
  g_autofree char *title = heading_text (number, "学习要求");
  g_autoptr(PangoLayout) heading = paragraph_layout (self, title, strlen (title),
                                                     SL_PAGE_FONT_HEADING, TRUE, NULL);
  g_autoptr(PangoLayout) approval = approval_layout (self);
  PangoLayout *paragraphs[G_N_ELEMENTS (items)];
  double pitch = (sl_page_renderer_get_bottom (renderer) - sl_page_renderer_get_top (renderer))
                 / LINES_PER_PAGE;
  double height = sl_page_layout_get_height (heading) + 2 * pitch;

  for (guint i = 0; i < G_N_ELEMENTS (items); i++)
    {
      paragraphs[i] = paragraph_layout (self, items[i], 0, SL_PAGE_FONT_BODY, TRUE, NULL);
      height += sl_page_layout_get_height (paragraphs[i]);
    }

  sl_page_renderer_ensure_space (renderer, height);
  sl_page_renderer_flow (renderer, heading, sl_page_renderer_get_left (renderer));
  for (guint i = 0; i < G_N_ELEMENTS (items); i++)
    {
      sl_page_renderer_flow (renderer, paragraphs[i], sl_page_renderer_get_left (renderer));
      g_object_unref (paragraphs[i]);
    }
  add_approval (self, approval);
}

/* “{单位}理论学习中心组{年}年第N次集体学习方案”. */
static char *
sl_session_plan_pages_title (SlLedger  *ledger,
                             SlMeeting *meeting,
                             guint      number)
{
  SlOrganization *organization = sl_ledger_find_organization (ledger,
                                                              sl_meeting_get_organization (meeting));

  return g_strdup_printf ("%s理论学习中心组%d年第%u次集体学习方案",
                          organization != NULL ? sl_organization_get_name (organization) : "",
                          sl_meeting_get_year (meeting), number);
}

static guint
sl_session_plan_pages_layout (SlPageRenderer *renderer,
                              PangoContext   *context,
                              double          page_width,
                              double          page_height)
{
  SlSessionPlanPages *self = SL_SESSION_PLAN_PAGES (renderer);
  g_autofree char *title = sl_session_plan_pages_title (self->ledger, self->meeting, self->number);
  g_autofree char *balanced = NULL;
  g_autofree char *date = sl_wording_date (sl_meeting_get_date (self->meeting));
  g_autofree char *start = sl_page_format_time (sl_meeting_get_start (self->meeting));
  g_autofree char *end = sl_page_format_time (sl_meeting_get_end (self->meeting));
  g_autoptr(PangoLayout) heading = NULL;
  g_autoptr(PangoLayout) probe = NULL;
  double hours = session_hours (self->meeting);
  double pitch;
  guint number = 0;

  /* GB/T 9704-2012: type area 37 mm from the top, 28 mm from the left. */
  sl_page_renderer_set_margins (renderer, 37 * SL_PAGE_MM, 26 * SL_PAGE_MM,
                                35 * SL_PAGE_MM, 28 * SL_PAGE_MM);
  sl_page_renderer_set_footer (renderer, SL_PAGE_FOOTER_OFFICIAL);
  sl_page_renderer_add_page (renderer, FALSE);

  pitch = (sl_page_renderer_get_bottom (renderer) - sl_page_renderer_get_top (renderer))
          / LINES_PER_PAGE;
  probe = sl_page_renderer_create_layout (renderer, SL_PAGE_FONT_BODY, BODY_SIZE, "字", -1);
  self->spacing = pitch / sl_page_layout_get_height (probe);

  balanced = sl_page_renderer_balance_lines (renderer, SL_PAGE_FONT_TITLE, TITLE_SIZE, title,
                                             sl_page_renderer_get_width (renderer));
  heading = sl_page_renderer_create_layout (renderer, SL_PAGE_FONT_TITLE, TITLE_SIZE, balanced,
                                            sl_page_renderer_get_width (renderer));
  pango_layout_set_alignment (heading, PANGO_ALIGN_CENTER);
  pango_layout_set_line_spacing (heading, self->spacing);
  sl_page_renderer_flow (renderer, heading, sl_page_renderer_get_left (renderer));
  /* An empty line under the title. */
  sl_page_renderer_set_y (renderer, sl_page_renderer_get_y (renderer) + pitch);

  if (!is_blank (sl_meeting_get_theme (self->meeting)))
    {
      add_heading (self, &number, "学习主题");
      add_paragraph (self, sl_meeting_get_theme (self->meeting), 0, SL_PAGE_FONT_BODY, TRUE);
    }

  add_heading (self, &number, "时间地点");
  {
    g_autofree char *when = NULL;
    g_autofree char *text = NULL;

    if (*start != '\0' && *end != '\0')
      when = g_strdup_printf ("%s %s—%s", date, start, end);
    else if (*start != '\0')
      when = g_strdup_printf ("%s %s", date, start);
    else
      when = g_strdup (date);
    text = g_strdup_printf ("时间：%s", when);
    add_paragraph (self, text, strlen ("时间："), SL_PAGE_FONT_HEADING, TRUE);
    if (!is_blank (sl_meeting_get_place (self->meeting)))
      {
        g_autofree char *place = g_strdup_printf ("地点：%s", sl_meeting_get_place (self->meeting));
        add_paragraph (self, place, strlen ("地点："), SL_PAGE_FONT_HEADING, TRUE);
      }
  }

  add_scope (self, &number);
  add_studies (self, &number);
  add_agenda (self, &number);

  if (hours > 0)
    {
      char buffer[G_ASCII_DTOSTR_BUF_SIZE];
      g_autofree char *text = NULL;

      /* 2.5, not 2.500000; whole hours without a decimal point. */
      g_ascii_formatd (buffer, sizeof buffer, "%.1f", round (hours * 10) / 10);
      if (g_str_has_suffix (buffer, ".0"))
        buffer[strlen (buffer) - 2] = '\0';
      text = g_strdup_printf ("%s小时。", buffer);
      add_heading (self, &number, "学习时长");
      add_paragraph (self, text, 0, SL_PAGE_FONT_BODY, TRUE);
    }

  add_requirements (self, &number);

  return sl_page_renderer_get_page_count (renderer);
}

static void
sl_session_plan_pages_dispose (GObject *object)
{
  SlSessionPlanPages *self = SL_SESSION_PLAN_PAGES (object);

  g_clear_object (&self->ledger);
  g_clear_object (&self->meeting);

  G_OBJECT_CLASS (sl_session_plan_pages_parent_class)->dispose (object);
}

static void
sl_session_plan_pages_class_init (SlSessionPlanPagesClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  SlPageRendererClass *renderer_class = SL_PAGE_RENDERER_CLASS (klass);

  object_class->dispose = sl_session_plan_pages_dispose;
  renderer_class->layout = sl_session_plan_pages_layout;
}

static void
sl_session_plan_pages_init (SlSessionPlanPages *self)
{
}

SlSessionPlanPages *
sl_session_plan_pages_new (SlLedger  *ledger,
                           SlMeeting *meeting,
                           guint      number)
{
  SlSessionPlanPages *self;
  g_autofree char *title = NULL;

  g_return_val_if_fail (SL_IS_LEDGER (ledger), NULL);
  g_return_val_if_fail (SL_IS_MEETING (meeting), NULL);

  self = g_object_new (SL_TYPE_SESSION_PLAN_PAGES, NULL);
  self->ledger = g_object_ref (ledger);
  self->meeting = g_object_ref (meeting);
  self->number = number;

  title = sl_session_plan_pages_title (ledger, meeting, number);
  sl_page_renderer_set_title (SL_PAGE_RENDERER (self), title);

  return self;
}
