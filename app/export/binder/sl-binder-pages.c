/* sl-binder-pages.c — the binder's own pages: cover, 卷内目录, dividers,
 * and the frames its attachments are drawn in
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The documents bound in the binder draw themselves (pages/); these are
 * the pages around them, laid out with the same renderer so that they
 * share its fonts and its page numbers (sl_page_renderer_set_numbering()).
 */

#define G_LOG_DOMAIN "sl-binder-pages"

#include "config.h"

#include "sl-binder-pages.h"

typedef enum
{
  MODE_COVER,
  MODE_CONTENTS,
  MODE_DIVIDER,
  MODE_ATTACHMENT,
} Mode;

struct _SlBinderPages
{
  SlPageRenderer  parent_instance;

  Mode            mode;
  char           *title;      /* cover: the unit; divider, attachment: the caption */
  char           *note;       /* divider: the one line of an empty section */
  char           *made;       /* cover */
  int             year;       /* cover */
  GArray         *lines;      /* contents, borrowed */
  GArray         *landscape; /* attachment: gboolean per page */
  GArray         *frames;     /* attachment: 4 doubles per page */
};

G_DEFINE_FINAL_TYPE (SlBinderPages, sl_binder_pages, SL_TYPE_PAGE_RENDERER)

static void
add_centred (SlPageRenderer *renderer,
             SlPageFont      font,
             double          size,
             const char     *text,
             double          y)
{
  double width = sl_page_renderer_get_width (renderer);
  g_autoptr(PangoLayout) layout = sl_page_renderer_create_layout (renderer, font, size, text, width);

  pango_layout_set_alignment (layout, PANGO_ALIGN_CENTER);
  sl_page_renderer_add_text (renderer, layout, sl_page_renderer_get_left (renderer), y);
  sl_page_renderer_set_y (renderer, y + sl_page_layout_get_height (layout));
}

static void
layout_cover (SlBinderPages  *self,
              SlPageRenderer *renderer,
              double          page_height)
{
  g_autofree char *year = g_strdup_printf ("%d年度", self->year);
  g_autofree char *made = g_strdup_printf ("编制日期：%s", self->made);

  sl_page_renderer_add_page (renderer, FALSE);
  add_centred (renderer, SL_PAGE_FONT_TITLE, 26, self->title, page_height * 0.22);
  add_centred (renderer, SL_PAGE_FONT_TITLE, 22, year, sl_page_renderer_get_y (renderer) + 30);
  add_centred (renderer, SL_PAGE_FONT_TITLE, 30, "理论学习中心组学习档案",
               sl_page_renderer_get_y (renderer) + 60);
  add_centred (renderer, SL_PAGE_FONT_TITLE, 30, "第一议题学习档案",
               sl_page_renderer_get_y (renderer) + 24);
  add_centred (renderer, SL_PAGE_FONT_BODY, 16, made, page_height * 0.75);
}

static void
layout_contents (SlBinderPages  *self,
                 SlPageRenderer *renderer)
{
  const double size = 12, number_width = 40, gap = 6;
  double left, width;

  sl_page_renderer_add_page (renderer, FALSE);
  add_centred (renderer, SL_PAGE_FONT_TITLE, 22, "卷内目录", sl_page_renderer_get_y (renderer));
  sl_page_renderer_set_y (renderer, sl_page_renderer_get_y (renderer) + 18);

  left = sl_page_renderer_get_left (renderer);
  width = sl_page_renderer_get_width (renderer);

  for (guint i = 0; i < self->lines->len; i++)
    {
      const SlBinderLine *line = &g_array_index (self->lines, SlBinderLine, i);
      double indent = line->level * 2 * size;
      SlPageFont font = line->level == 0 ? SL_PAGE_FONT_HEADING : SL_PAGE_FONT_BODY;
      g_autoptr(PangoLayout) title = NULL;
      g_autoptr(PangoLayout) number = NULL;
      g_autofree char *page = g_strdup_printf ("%u", line->page);
      double y, height, last_top, last_baseline, text_end;
      int n_lines;

      title = sl_page_renderer_create_layout (renderer, font, size, line->title,
                                              width - indent - number_width - gap);
      number = sl_page_renderer_create_layout (renderer, SL_PAGE_FONT_BODY, size, page, -1);
      height = sl_page_layout_get_height (title);

      if (line->level == 0 && i > 0)
        sl_page_renderer_set_y (renderer, sl_page_renderer_get_y (renderer) + size * 0.6);
      sl_page_renderer_ensure_space (renderer, height);
      y = sl_page_renderer_get_y (renderer);

      sl_page_renderer_add_text (renderer, title, left + indent, y);

      /* The number beside the title's last line, dots leading to it. */
      n_lines = pango_layout_get_line_count (title);
      sl_page_layout_get_line_extents (title, n_lines - 1, &last_top, &last_baseline, NULL);
      {
        PangoLayoutLine *last = pango_layout_get_line_readonly (title, n_lines - 1);
        PangoRectangle logical;

        pango_layout_line_get_extents (last, NULL, &logical);
        text_end = left + indent + (double) (logical.x + logical.width) / PANGO_SCALE;
      }
      sl_page_renderer_add_text (renderer, number,
                                 left + width - sl_page_layout_get_width (number),
                                 y + last_top);
      if (left + width - sl_page_layout_get_width (number) - gap > text_end + gap)
        sl_page_renderer_add_line (renderer, text_end + gap, y + last_baseline,
                                   left + width - sl_page_layout_get_width (number) - gap,
                                   y + last_baseline, 0.6, 0x000000, TRUE);

      sl_page_renderer_set_y (renderer, y + height + size * 0.35);
    }
}

static void
layout_divider (SlBinderPages  *self,
                SlPageRenderer *renderer,
                double          page_height)
{
  sl_page_renderer_add_page (renderer, FALSE);
  add_centred (renderer, SL_PAGE_FONT_TITLE, 26, self->title, page_height * 0.3);
  if (self->note != NULL)
    add_centred (renderer, SL_PAGE_FONT_BODY, 16, self->note,
                 sl_page_renderer_get_y (renderer) + 36);
}

static void
layout_attachment (SlBinderPages  *self,
                   SlPageRenderer *renderer)
{
  guint n = self->landscape->len;

  g_array_set_size (self->frames, 0);
  for (guint i = 0; i < n; i++)
    {
      g_autofree char *caption = NULL;
      g_autoptr(PangoLayout) layout = NULL;
      double frame[4];
      double y;

      sl_page_renderer_add_page (renderer, g_array_index (self->landscape, gboolean, i));
      caption = n > 1 ? g_strdup_printf ("%s（第 %u 页，共 %u 页）", self->title, i + 1, n)
                      : g_strdup (self->title);
      layout = sl_page_renderer_create_layout (renderer, SL_PAGE_FONT_HEADING, 10.5, caption,
                                               sl_page_renderer_get_width (renderer));
      y = sl_page_renderer_get_y (renderer);
      sl_page_renderer_add_text (renderer, layout, sl_page_renderer_get_left (renderer), y);
      y += sl_page_layout_get_height (layout) + 8;

      if (self->note != NULL)
        {
          g_autoptr(PangoLayout) note = NULL;

          note = sl_page_renderer_create_layout (renderer, SL_PAGE_FONT_BODY, 12, self->note,
                                                 sl_page_renderer_get_width (renderer));
          sl_page_renderer_add_text (renderer, note, sl_page_renderer_get_left (renderer), y);
          y += sl_page_layout_get_height (note) + 8;
        }

      frame[0] = sl_page_renderer_get_left (renderer);
      frame[1] = y;
      frame[2] = sl_page_renderer_get_width (renderer);
      frame[3] = MAX (0, sl_page_renderer_get_bottom (renderer) - y);
      g_array_append_vals (self->frames, frame, 4);
    }
}

static guint
sl_binder_pages_layout (SlPageRenderer *renderer,
                        PangoContext   *context,
                        double          page_width,
                        double          page_height)
{
  SlBinderPages *self = SL_BINDER_PAGES (renderer);

  sl_page_renderer_set_margins (renderer, 25 * SL_PAGE_MM, 20 * SL_PAGE_MM,
                                20 * SL_PAGE_MM, 25 * SL_PAGE_MM);
  sl_page_renderer_set_footer (renderer, SL_PAGE_FOOTER_NONE);

  switch (self->mode)
    {
    case MODE_COVER:
      layout_cover (self, renderer, page_height);
      break;
    case MODE_CONTENTS:
      layout_contents (self, renderer);
      break;
    case MODE_DIVIDER:
      layout_divider (self, renderer, page_height);
      break;
    case MODE_ATTACHMENT:
      layout_attachment (self, renderer);
      break;
    default:
      g_assert_not_reached ();
    }

  return sl_page_renderer_get_page_count (renderer);
}

static void
sl_binder_pages_finalize (GObject *object)
{
  SlBinderPages *self = SL_BINDER_PAGES (object);

  g_free (self->title);
  g_free (self->note);
  g_free (self->made);
  g_clear_pointer (&self->landscape, g_array_unref);
  g_clear_pointer (&self->frames, g_array_unref);

  G_OBJECT_CLASS (sl_binder_pages_parent_class)->finalize (object);
}

static void
sl_binder_pages_class_init (SlBinderPagesClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  SlPageRendererClass *renderer_class = SL_PAGE_RENDERER_CLASS (klass);

  object_class->finalize = sl_binder_pages_finalize;
  renderer_class->layout = sl_binder_pages_layout;
}

static void
sl_binder_pages_init (SlBinderPages *self)
{
  self->landscape = g_array_new (FALSE, FALSE, sizeof (gboolean));
  self->frames = g_array_new (FALSE, FALSE, sizeof (double));
}

SlBinderPages *
sl_binder_pages_new_cover (const char *unit,
                           int         year,
                           const char *made)
{
  SlBinderPages *self = g_object_new (SL_TYPE_BINDER_PAGES, NULL);

  self->mode = MODE_COVER;
  self->title = g_strdup (unit);
  self->year = year;
  self->made = g_strdup (made);
  return self;
}

SlBinderPages *
sl_binder_pages_new_contents (GArray *lines)
{
  SlBinderPages *self = g_object_new (SL_TYPE_BINDER_PAGES, NULL);

  self->mode = MODE_CONTENTS;
  self->lines = lines;
  return self;
}

SlBinderPages *
sl_binder_pages_new_divider (const char *title,
                             const char *note)
{
  SlBinderPages *self = g_object_new (SL_TYPE_BINDER_PAGES, NULL);

  self->mode = MODE_DIVIDER;
  self->title = g_strdup (title);
  self->note = g_strdup (note);
  return self;
}

SlBinderPages *
sl_binder_pages_new_attachment (const char     *caption,
                                const char     *note,
                                guint           n_pages,
                                const gboolean *landscape)
{
  SlBinderPages *self = g_object_new (SL_TYPE_BINDER_PAGES, NULL);

  self->mode = MODE_ATTACHMENT;
  self->title = g_strdup (caption);
  self->note = g_strdup (note);
  for (guint i = 0; i < n_pages; i++)
    {
      gboolean across = landscape != NULL && landscape[i];
      g_array_append_val (self->landscape, across);
    }
  return self;
}

void
sl_binder_pages_get_frame (SlBinderPages *self,
                           guint          page,
                           double        *x,
                           double        *y,
                           double        *width,
                           double        *height)
{
  const double *frame;

  g_return_if_fail (SL_IS_BINDER_PAGES (self));
  g_return_if_fail ((page + 1) * 4 <= self->frames->len);

  frame = &g_array_index (self->frames, double, page * 4);
  *x = frame[0];
  *y = frame[1];
  *width = frame[2];
  *height = frame[3];
}
