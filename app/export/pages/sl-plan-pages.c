/* sl-plan-pages.c — a yearly study plan as an official document (GB/T 9704-2012)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The layout of 党政机关公文格式 for the plan's text: A4, type area 156 ×
 * 225 mm whose top left corner is 37 mm from the top and 28 mm from the
 * left edge; 22 lines a page, each on a fixed grid (225 mm / 22), and 28
 * characters a line (letter spacing brings 28 characters of 3号 to exactly
 * 156 mm); body in 3号 (16 pt) 仿宋, the title in 2号 (22 pt) 小标宋
 * centred with an empty line under it, “一、” headings in 黑体 and
 * “（一）” in 楷体, paragraphs indented two characters; page numbers in
 * 4号 宋体 as “— 1 —”, 7 mm under the type area, odd pages right and even
 * pages left. The plan is the document as issued: after the body the
 * 附件 note, the 发文机关署名 and the 成文日期 (when the plan has them);
 * then the arrangement table (安排表) as the attachment, on its own pages
 * under the label “附件”, drawn as the ledgers are and numbered on with
 * the same “— N —”, landscape pages included. What became of the items
 * is not the plan's: plan-progress and the annual report say it.
 *
 * Every line's baseline is the body face's ascent under the top of its
 * grid line, so the first line's box starts where the type area does, all
 * pages have the same baselines, and a heading in 黑体 or 楷体 sits on the
 * same lines as the body text around it.
 */

#define G_LOG_DOMAIN "sl-plan-pages"

#include "config.h"

#include <string.h>

#include "sl-plan.h"
#include "sl-plan-pages.h"
#include "sl-table-pages.h"
#include "sl-wording.h"

#define LINES_PER_PAGE  22
#define CHARS_PER_LINE  28
#define BODY_SIZE       16.0    /* 3号 */
#define TITLE_SIZE      22.0    /* 2号 */

typedef struct
{
  SlPlan  *plan;
  char    *unit;
  SlTable *arrangement;
} Entry;

struct _SlPlanPages
{
  SlPageRenderer  parent_instance;

  /* owned */
  GArray         *entries;   /* Entry */

  /* while laying out */
  guint           slot;      /* the next grid line on the page */
  double          pitch;
  double          letter_spacing;
  double          ascent;    /* of the body face: from a grid line to its baseline */
};

G_DEFINE_FINAL_TYPE (SlPlanPages, sl_plan_pages, SL_TYPE_PAGE_RENDERER)

static void
entry_clear (gpointer data)
{
  Entry *entry = data;

  g_clear_object (&entry->plan);
  g_clear_pointer (&entry->unit, g_free);
  g_clear_object (&entry->arrangement);
}

static void
official_margins (SlPageRenderer *renderer)
{
  sl_page_renderer_set_margins (renderer, 37 * SL_PAGE_MM, 26 * SL_PAGE_MM,
                                35 * SL_PAGE_MM, 28 * SL_PAGE_MM);
}

/* A paragraph set on the grid: 28 characters a line, indented two. */
static PangoLayout *
create_grid_layout (SlPlanPages *self,
                    SlPageFont   font,
                    const char  *text,
                    gboolean     indent)
{
  SlPageRenderer *renderer = SL_PAGE_RENDERER (self);
  double width = sl_page_renderer_get_width (renderer);
  /* A hair wider than 28 characters, so that rounding never pushes the
   * 28th to the next line; a 29th needs a whole character more. */
  PangoLayout *layout = sl_page_renderer_create_layout (renderer, font, BODY_SIZE, text,
                                                        width + 1.0);
  PangoAttrList *attributes = pango_attr_list_copy (pango_layout_get_attributes (layout));

  pango_attr_list_insert (attributes,
                          pango_attr_letter_spacing_new ((int) (self->letter_spacing * PANGO_SCALE)));
  pango_layout_set_attributes (layout, attributes);
  pango_attr_list_unref (attributes);

  if (indent)
    pango_layout_set_indent (layout, (int) (2 * width / CHARS_PER_LINE * PANGO_SCALE));

  return layout;
}

static double
font_ascent (SlPageRenderer *renderer,
             SlPageFont      font,
             double          size)
{
  PangoFontDescription *description = sl_page_renderer_get_font (renderer, font, size);
  PangoFontMetrics *metrics;
  double ascent;

  metrics = pango_context_get_metrics (sl_page_renderer_get_context (renderer), description,
                                       pango_language_from_string ("zh-cn"));
  ascent = (double) pango_font_metrics_get_ascent (metrics) / PANGO_SCALE;
  pango_font_metrics_unref (metrics);
  pango_font_description_free (description);

  return ascent;
}

static void
next_slot (SlPlanPages *self)
{
  if (++self->slot >= LINES_PER_PAGE)
    {
      sl_page_renderer_add_page (SL_PAGE_RENDERER (self), FALSE);
      self->slot = 0;
    }
}

/* Each line of @layout on a grid line of its own, the baseline @ascent
 * under the grid line, @x from the paper's left edge. */
static void
place_on_grid_at (SlPlanPages *self,
                  PangoLayout *layout,
                  double       ascent,
                  double       x)
{
  SlPageRenderer *renderer = SL_PAGE_RENDERER (self);
  int n_lines = pango_layout_get_line_count (layout);

  for (int i = 0; i < n_lines; i++)
    {
      double top, baseline, grid_top;

      if (self->slot >= LINES_PER_PAGE)
        {
          sl_page_renderer_add_page (renderer, FALSE);
          self->slot = 0;
        }

      sl_page_layout_get_line_extents (layout, i, &top, &baseline, NULL);
      grid_top = sl_page_renderer_get_top (renderer) + self->slot * self->pitch;
      sl_page_renderer_add_text_lines (renderer, layout, i, 1, x,
                                       grid_top + ascent - (baseline - top));
      self->slot++;
    }
}

static void
place_on_grid (SlPlanPages *self,
               PangoLayout *layout,
               double       ascent)
{
  place_on_grid_at (self, layout, ascent, sl_page_renderer_get_left (SL_PAGE_RENDERER (self)));
}

/* The length in bytes of a paragraph's leading “（一）” or “一、” heading,
 * and in which face it goes; 0 for a plain paragraph. */
static gsize
heading_length (const char *text,
                SlPageFont *font)
{
  static const char numerals[] = "一二三四五六七八九十";
  const char *p = text;
  gboolean bracketed = g_str_has_prefix (p, "（");
  gboolean numbered = FALSE;
  const char *stop;

  if (bracketed)
    p += strlen ("（");
  while (*p != '\0')
    {
      gunichar c = g_utf8_get_char (p);
      char buffer[8] = { 0 };

      g_unichar_to_utf8 (c, buffer);
      if (strstr (numerals, buffer) == NULL)
        break;
      numbered = TRUE;
      p = g_utf8_next_char (p);
    }

  if (!numbered)
    return 0;
  if (bracketed ? !g_str_has_prefix (p, "）") : !g_str_has_prefix (p, "、"))
    return 0;

  *font = bracketed ? SL_PAGE_FONT_KAI : SL_PAGE_FONT_HEADING;
  /* The heading is the first sentence; a line without a full stop is all heading. */
  stop = strstr (p, "。");
  return stop != NULL ? (gsize) (stop - text) + strlen ("。") : strlen (text);
}

static void
add_paragraphs (SlPlanPages *self,
                const char  *text)
{
  g_auto(GStrv) lines = g_strsplit (text, "\n", -1);

  for (guint i = 0; lines[i] != NULL; i++)
    {
      g_autoptr(PangoLayout) layout = NULL;
      SlPageFont font = SL_PAGE_FONT_BODY;
      gsize length;

      g_strstrip (lines[i]);
      if (lines[i][0] == '\0')
        continue;

      layout = create_grid_layout (self, SL_PAGE_FONT_BODY, lines[i], TRUE);
      length = heading_length (lines[i], &font);
      if (length > 0)
        sl_page_renderer_set_span_font (SL_PAGE_RENDERER (self), layout, 0, length, font, BODY_SIZE);
      sl_page_layout_justify (layout, self->letter_spacing,
                              sl_page_renderer_get_width (SL_PAGE_RENDERER (self)));
      place_on_grid (self, layout, self->ascent);
    }
}

static void
add_section (SlPlanPages *self,
             guint        number,
             const char  *name,
             const char  *text)
{
  static const char *numerals[] = { "一", "二", "三", "四", "五", "六" };
  g_autofree char *heading = g_strdup_printf ("%s、%s", numerals[number], name);
  g_autoptr(PangoLayout) layout = create_grid_layout (self, SL_PAGE_FONT_HEADING, heading, TRUE);

  /* Not alone on a page's last line. */
  if (self->slot >= LINES_PER_PAGE - 1)
    {
      sl_page_renderer_add_page (SL_PAGE_RENDERER (self), FALSE);
      self->slot = 0;
    }
  place_on_grid (self, layout, self->ascent);
  add_paragraphs (self, text);
}

static gboolean
is_blank (const char *text)
{
  g_autofree char *copy = g_strdup (text != NULL ? text : "");

  return *g_strstrip (copy) == '\0';
}

/* GB/T 9704-2012 7.3.6: under the body, after an empty line, “附件：” and
 * the attachment's title, two characters in, the title's further lines
 * under its first. */
static void
add_attachment_note (SlPlanPages *self,
                     const char  *title)
{
  SlPageRenderer *renderer = SL_PAGE_RENDERER (self);
  double character = sl_page_renderer_get_width (renderer) / CHARS_PER_LINE;
  g_autofree char *text = g_strconcat ("附件：", title, NULL);
  g_autoptr(PangoLayout) layout = create_grid_layout (self, SL_PAGE_FONT_BODY, text, FALSE);

  next_slot (self);
  /* The layout's width less the indent, so that wrapped lines end at the
   * type area's right edge; a hanging indent puts them under the title. */
  pango_layout_set_width (layout, (int) ((sl_page_renderer_get_width (renderer) + 1.0
                                          - 2 * character) * PANGO_SCALE));
  pango_layout_set_indent (layout, (int) (-3 * character * PANGO_SCALE));
  place_on_grid_at (self, layout, self->ascent,
                    sl_page_renderer_get_left (renderer) + 2 * character);
}

/* GB/T 9704-2012 7.3.5.1: after an empty line, the 发文机关署名, and
 * under it the 成文日期 in Arabic numerals, four characters in from the
 * right; the 署名 centred on the date. A plan without an issuer (every
 * plan of an archive of version 1) is signed by its organization, @unit,
 * which issues its own plan; an issue date is never made up. */
static void
add_signature (SlPlanPages *self,
               SlPlan      *plan,
               const char  *unit)
{
  SlPageRenderer *renderer = SL_PAGE_RENDERER (self);
  const char *issuer = !is_blank (sl_plan_get_issuer (plan)) ? sl_plan_get_issuer (plan) : unit;
  const char *issued_on = sl_plan_get_issued_on (plan);
  double character = sl_page_renderer_get_width (renderer) / CHARS_PER_LINE;
  double right = sl_page_renderer_get_left (renderer) + sl_page_renderer_get_width (renderer);
  g_autofree char *date = !is_blank (issued_on) ? sl_wording_date (issued_on) : NULL;
  g_autoptr(PangoLayout) issuer_layout = NULL;
  g_autoptr(PangoLayout) date_layout = NULL;
  double date_x, date_width, centre;

  if (is_blank (issuer) && date == NULL)
    return;

  if (date != NULL)
    date_layout = sl_page_renderer_create_layout (renderer, SL_PAGE_FONT_BODY, BODY_SIZE, date, -1);
  if (!is_blank (issuer))
    issuer_layout = create_grid_layout (self, SL_PAGE_FONT_BODY, issuer, FALSE);

  /* Where the date goes (or would go): its right end four characters in. */
  date_width = date_layout != NULL ? sl_page_layout_get_width (date_layout) : 0;
  if (date_layout == NULL)
    {
      g_autoptr(PangoLayout) probe = sl_page_renderer_create_layout (renderer, SL_PAGE_FONT_BODY,
                                                                     BODY_SIZE, "2023年12月31日", -1);
      date_width = sl_page_layout_get_width (probe);
    }
  date_x = right - 4 * character - date_width;
  centre = date_x + date_width / 2;

  next_slot (self);
  /* 署名 and 成文日期 on one page. */
  if (self->slot + (issuer_layout != NULL && date_layout != NULL ? 1 : 0) >= LINES_PER_PAGE)
    {
      sl_page_renderer_add_page (renderer, FALSE);
      self->slot = 0;
    }

  if (issuer_layout != NULL)
    {
      double width = sl_page_layout_get_width (issuer_layout);
      double x = CLAMP (centre - width / 2, sl_page_renderer_get_left (renderer), right - width);

      pango_layout_set_width (issuer_layout, -1);
      place_on_grid_at (self, issuer_layout, self->ascent, x);
    }
  if (date_layout != NULL)
    place_on_grid_at (self, date_layout, self->ascent, date_x);
}

/* GB/T 9704-2012 8: the attachment's first page has “附件” in 黑体 at the
 * top left of the type area, its title centred under it. */
static void
add_attachment_label (SlPageRenderer *renderer)
{
  g_autoptr(PangoLayout) layout = sl_page_renderer_create_layout (renderer, SL_PAGE_FONT_HEADING,
                                                                  BODY_SIZE, "附件", -1);

  sl_page_renderer_add_text (renderer, layout, sl_page_renderer_get_left (renderer),
                             sl_page_renderer_get_y (renderer));
  sl_page_renderer_set_y (renderer, sl_page_renderer_get_y (renderer)
                                    + 1.5 * sl_page_layout_get_height (layout));
}

static void
lay_out_plan (SlPlanPages *self,
              Entry       *entry)
{
  SlPageRenderer *renderer = SL_PAGE_RENDERER (self);
  const struct { const char *name; const char *text; } sections[] = {
    { "指导思想", sl_plan_get_guiding (entry->plan) },
    { "学习重点", sl_plan_get_focus (entry->plan) },
    { "学习形式", sl_plan_get_forms (entry->plan) },
    { "学习要求", sl_plan_get_requirements (entry->plan) },
  };
  const char *plan_title = sl_plan_get_title (entry->plan);
  g_autofree char *default_title = NULL;
  g_autofree char *title = NULL;
  g_autofree char *balanced = NULL;
  g_autoptr(PangoLayout) title_layout = NULL;
  guint number = 0;

  if (plan_title == NULL || *plan_title == '\0')
    plan_title = default_title = g_strdup_printf ("%d年度理论学习中心组学习计划",
                                                  sl_plan_get_year (entry->plan));
  title = sl_wording_under_unit (entry->unit, plan_title);

  official_margins (renderer);
  sl_page_renderer_set_footer (renderer, SL_PAGE_FOOTER_OFFICIAL);
  sl_page_renderer_restart_numbering (renderer);
  sl_page_renderer_add_page (renderer, FALSE);
  self->slot = 0;
  self->pitch = (sl_page_renderer_get_bottom (renderer) - sl_page_renderer_get_top (renderer))
                / LINES_PER_PAGE;
  self->letter_spacing = (sl_page_renderer_get_width (renderer) - CHARS_PER_LINE * BODY_SIZE)
                         / (CHARS_PER_LINE - 1);
  self->ascent = font_ascent (renderer, SL_PAGE_FONT_BODY, BODY_SIZE);

  balanced = sl_page_renderer_balance_lines (renderer, SL_PAGE_FONT_TITLE, TITLE_SIZE, title,
                                             sl_page_renderer_get_width (renderer));
  title_layout = sl_page_renderer_create_layout (renderer, SL_PAGE_FONT_TITLE, TITLE_SIZE, balanced,
                                                 sl_page_renderer_get_width (renderer));
  pango_layout_set_alignment (title_layout, PANGO_ALIGN_CENTER);
  place_on_grid (self, title_layout, font_ascent (renderer, SL_PAGE_FONT_TITLE, TITLE_SIZE));
  next_slot (self);    /* an empty line under the title */

  for (guint i = 0; i < G_N_ELEMENTS (sections); i++)
    {
      g_autofree char *text = g_strdup (sections[i].text != NULL ? sections[i].text : "");

      if (*g_strstrip (text) == '\0')
        continue;
      add_section (self, number++, sections[i].name, sections[i].text);
    }

  if (entry->arrangement != NULL)
    add_attachment_note (self, sl_table_get_title (entry->arrangement));
  add_signature (self, entry->plan, entry->unit);

  if (entry->arrangement != NULL)
    {
      const SlTableStyle style = { .caption = SL_TABLE_CAPTION_TITLE };
      gboolean landscape = sl_table_get_landscape (entry->arrangement);

      /* Room at the foot for the page number, as on the text's pages. */
      sl_page_renderer_set_margins (renderer, 20 * SL_PAGE_MM, 20 * SL_PAGE_MM,
                                    25 * SL_PAGE_MM, landscape ? 20 * SL_PAGE_MM : 28 * SL_PAGE_MM);
      sl_page_renderer_add_page (renderer, landscape);
      add_attachment_label (renderer);
      sl_table_pages_append (renderer, entry->arrangement, &style);
    }
}

static guint
sl_plan_pages_layout (SlPageRenderer *renderer,
                      PangoContext   *context,
                      double          page_width,
                      double          page_height)
{
  SlPlanPages *self = SL_PLAN_PAGES (renderer);

  for (guint i = 0; i < self->entries->len; i++)
    lay_out_plan (self, &g_array_index (self->entries, Entry, i));

  if (sl_page_renderer_get_page_count (renderer) == 0)
    sl_page_renderer_add_page (renderer, FALSE);

  return sl_page_renderer_get_page_count (renderer);
}

static void
sl_plan_pages_finalize (GObject *object)
{
  SlPlanPages *self = SL_PLAN_PAGES (object);

  g_clear_pointer (&self->entries, g_array_unref);

  G_OBJECT_CLASS (sl_plan_pages_parent_class)->finalize (object);
}

static void
sl_plan_pages_class_init (SlPlanPagesClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  SlPageRendererClass *renderer_class = SL_PAGE_RENDERER_CLASS (klass);

  object_class->finalize = sl_plan_pages_finalize;
  renderer_class->layout = sl_plan_pages_layout;
}

static void
sl_plan_pages_init (SlPlanPages *self)
{
  self->entries = g_array_new (FALSE, TRUE, sizeof (Entry));
  g_array_set_clear_func (self->entries, entry_clear);
}

SlPlanPages *
sl_plan_pages_new (void)
{
  return g_object_new (SL_TYPE_PLAN_PAGES, NULL);
}

void
sl_plan_pages_add_plan (SlPlanPages *self,
                        SlPlan      *plan,
                        const char  *unit,
                        SlTable     *arrangement)
{
  Entry entry = { 0 };

  g_return_if_fail (SL_IS_PLAN_PAGES (self));
  g_return_if_fail (SL_IS_PLAN (plan));
  g_return_if_fail (arrangement == NULL || SL_IS_TABLE (arrangement));

  entry.plan = g_object_ref (plan);
  entry.unit = g_strdup (unit);
  entry.arrangement = arrangement != NULL ? g_object_ref (arrangement) : NULL;
  g_array_append_val (self->entries, entry);

  if (sl_page_renderer_get_title (SL_PAGE_RENDERER (self)) == NULL)
    {
      const char *title = sl_plan_get_title (plan);
      g_autofree char *full = NULL;

      if (title != NULL)
        title = full = sl_wording_under_unit (unit, title);
      sl_page_renderer_set_title (SL_PAGE_RENDERER (self), title);
    }
}
