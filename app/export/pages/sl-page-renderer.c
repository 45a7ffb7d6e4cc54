/* sl-page-renderer.c — printed pages, laid out once and drawn on any cairo_t
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A document kind subclasses SlPageRenderer and implements layout(): it
 * measures its text with Pango and puts what each page shows into a list
 * of drawing operations (text lines, rules, filled boxes). draw_page()
 * then only replays one page's list, so the print dialog's begin-print
 * and draw-page, its preview and the PDF exporter all share one layout and
 * one drawing routine, and a page never depends on what a screen shows.
 *
 * Page numbers are added after layout, when the number of pages is known:
 * a section (from the first page, or a page after restart_numbering())
 * counts its own pages.
 */

#define G_LOG_DOMAIN "sl-page-renderer"

#include "config.h"

#include <fontconfig/fontconfig.h>
#include <math.h>
#include <string.h>

#include "sl-page-fonts.h"
#include "sl-page-renderer.h"

typedef enum
{
  OP_TEXT,
  OP_LINE,
  OP_RECT,
} OpKind;

typedef struct
{
  OpKind       kind;
  guint32      rgb;
  double       x0, y0, x1, y1;   /* text: x0, y0 the top left of its first line */
  double       line_width;
  gboolean     dashed;
  PangoLayout *layout;
  int          first_line;
  int          n_lines;          /* -1: to the end */
} Op;

typedef struct
{
  gboolean      landscape;
  SlPageFooter  footer;
  gboolean      restart;
  double        top, right, bottom, left;
  GArray       *ops;
} Page;

typedef struct
{
  char                 *title;

  /* Set by layout() */
  PangoContext         *context;
  double                paper_width;
  double                paper_height;
  PangoFontDescription *fonts[SL_PAGE_FONT_SONG + 1];
  GPtrArray            *pages;
  guint                 n_pages;

  /* Where new pages and content go while laying out */
  double                top, right, bottom, left;
  SlPageFooter          footer;
  gboolean              restart;
  double                y;
} SlPageRendererPrivate;

G_DEFINE_ABSTRACT_TYPE_WITH_PRIVATE (SlPageRenderer, sl_page_renderer, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_TITLE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* The first installed family of each list decides the look; the rest stay
 * for glyph fallback, which is what keeps 堃 and 喆 on the page when a
 * GB2312-only 仿宋 is installed. The free fonts last: when the 小标宋 a
 * title asks for is missing, Noto Serif CJK SC Bold comes closest to it. */
static const struct
{
  const char *families[7];
  PangoWeight free_weight;
} font_lists[] = {
  [SL_PAGE_FONT_BODY] = {
    { "FangSong_GB2312", "仿宋_GB2312", "FangSong", "仿宋", "FandolFang R",
      "Noto Serif CJK SC", NULL },
    PANGO_WEIGHT_NORMAL },
  [SL_PAGE_FONT_TITLE] = {
    { "方正小标宋简体", "FZXiaoBiaoSong-B05S", "Noto Serif CJK SC", NULL },
    PANGO_WEIGHT_BOLD },
  [SL_PAGE_FONT_HEADING] = {
    { "SimHei", "黑体", "Noto Sans CJK SC", NULL },
    PANGO_WEIGHT_NORMAL },
  [SL_PAGE_FONT_KAI] = {
    { "KaiTi", "楷体", "AR PL UKai CN", "Noto Serif CJK SC", NULL },
    PANGO_WEIGHT_NORMAL },
  [SL_PAGE_FONT_SONG] = {
    { "SimSun", "宋体", "Noto Serif CJK SC", NULL },
    PANGO_WEIGHT_NORMAL },
};

static gboolean
is_free_family (const char *family)
{
  return g_str_has_prefix (family, "Noto ")
      || g_str_has_prefix (family, "AR PL ")
      || g_str_has_prefix (family, "Fandol");
}

static gboolean
family_is_installed (const char *family)
{
  FcPattern *pattern = FcPatternCreate ();
  FcObjectSet *objects = FcObjectSetBuild (FC_FAMILY, NULL);
  FcFontSet *fonts;
  gboolean found;

  /* Matches any of a font's names, the Chinese as well as the English. */
  FcPatternAddString (pattern, FC_FAMILY, (const FcChar8 *) family);
  fonts = FcFontList (NULL, pattern, objects);
  found = fonts != NULL && fonts->nfont > 0;

  if (fonts != NULL)
    FcFontSetDestroy (fonts);
  FcObjectSetDestroy (objects);
  FcPatternDestroy (pattern);

  return found;
}

PangoFontDescription *
sl_page_font_resolve (SlPageFont font)
{
  PangoFontDescription *description = pango_font_description_new ();
  g_autoptr(GString) families = g_string_new (NULL);
  const char *first = NULL;

  /* Only installed families go into the list: a missing one could be
   * taken by a fontconfig alias for some unrelated face. */
  for (guint i = 0; font_lists[font].families[i] != NULL; i++)
    {
      const char *family = font_lists[font].families[i];

      if (!family_is_installed (family))
        continue;
      if (first == NULL)
        first = family;
      if (families->len > 0)
        g_string_append_c (families, ',');
      g_string_append (families, family);
    }

  if (first == NULL)
    {
      /* Nothing of ours is installed: let fontconfig pick for zh-cn. */
      g_string_assign (families, font == SL_PAGE_FONT_HEADING ? "sans-serif" : "serif");
      first = "";
    }
  else if (font == SL_PAGE_FONT_HEADING)
    g_string_append (families, ",sans-serif");
  else
    g_string_append (families, ",serif");

  pango_font_description_set_family (description, families->str);
  pango_font_description_set_weight (description,
                                     is_free_family (first) ? font_lists[font].free_weight
                                                            : PANGO_WEIGHT_NORMAL);
  return description;
}

static void
op_clear (gpointer data)
{
  Op *op = data;

  g_clear_object (&op->layout);
}

static void
page_free (gpointer data)
{
  Page *page = data;

  g_array_unref (page->ops);
  g_free (page);
}

static Page *
current_page (SlPageRenderer *self)
{
  SlPageRendererPrivate *priv = sl_page_renderer_get_instance_private (self);

  if (priv->pages->len == 0)
    sl_page_renderer_add_page (self, FALSE);
  return g_ptr_array_index (priv->pages, priv->pages->len - 1);
}

static void
add_op (SlPageRenderer *self,
        const Op       *op)
{
  g_array_append_vals (current_page (self)->ops, op, 1);
}

static void
draw_text (cairo_t  *cr,
           const Op *op)
{
  PangoLayoutIter *iter = pango_layout_get_iter (op->layout);
  int index = 0;
  double origin = 0;

  cairo_set_source_rgb (cr,
                        ((op->rgb >> 16) & 0xff) / 255.0,
                        ((op->rgb >> 8) & 0xff) / 255.0,
                        (op->rgb & 0xff) / 255.0);
  do
    {
      PangoRectangle logical;
      int baseline;

      if (index < op->first_line)
        continue;
      if (op->n_lines >= 0 && index >= op->first_line + op->n_lines)
        break;

      pango_layout_iter_get_line_extents (iter, NULL, &logical);
      baseline = pango_layout_iter_get_baseline (iter);
      if (index == op->first_line)
        origin = (double) logical.y / PANGO_SCALE;

      cairo_move_to (cr,
                     op->x0 + (double) logical.x / PANGO_SCALE,
                     op->y0 - origin + (double) baseline / PANGO_SCALE);
      pango_cairo_show_layout_line (cr, pango_layout_iter_get_line_readonly (iter));
    }
  while (index++, pango_layout_iter_next_line (iter));

  pango_layout_iter_free (iter);
}

static void
draw_op (cairo_t  *cr,
         const Op *op)
{
  switch (op->kind)
    {
    case OP_TEXT:
      draw_text (cr, op);
      break;

    case OP_LINE:
      cairo_set_source_rgb (cr,
                            ((op->rgb >> 16) & 0xff) / 255.0,
                            ((op->rgb >> 8) & 0xff) / 255.0,
                            (op->rgb & 0xff) / 255.0);
      cairo_set_line_width (cr, op->line_width);
      cairo_set_line_cap (cr, CAIRO_LINE_CAP_SQUARE);
      if (op->dashed)
        {
          double dashes[] = { 3.0, 2.0 };

          cairo_set_line_cap (cr, CAIRO_LINE_CAP_BUTT);
          cairo_set_dash (cr, dashes, G_N_ELEMENTS (dashes), 0);
        }
      cairo_move_to (cr, op->x0, op->y0);
      cairo_line_to (cr, op->x1, op->y1);
      cairo_stroke (cr);
      cairo_set_dash (cr, NULL, 0, 0);
      break;

    case OP_RECT:
      cairo_set_source_rgb (cr,
                            ((op->rgb >> 16) & 0xff) / 255.0,
                            ((op->rgb >> 8) & 0xff) / 255.0,
                            (op->rgb & 0xff) / 255.0);
      cairo_rectangle (cr, op->x0, op->y0, op->x1 - op->x0, op->y1 - op->y0);
      cairo_fill (cr);
      break;

    default:
      g_assert_not_reached ();
    }
}

static void
sl_page_renderer_real_draw_page (SlPageRenderer *self,
                                 cairo_t        *cr,
                                 guint           page_number)
{
  SlPageRendererPrivate *priv = sl_page_renderer_get_instance_private (self);
  Page *page;

  if (page_number >= priv->pages->len)
    return;

  page = g_ptr_array_index (priv->pages, page_number);
  for (guint i = 0; i < page->ops->len; i++)
    draw_op (cr, &g_array_index (page->ops, Op, i));
}

/* Adds the page numbers now that the pages are counted. */
static void
add_footers (SlPageRenderer *self)
{
  SlPageRendererPrivate *priv = sl_page_renderer_get_instance_private (self);
  guint section_start = 0;

  for (guint i = 0; i < priv->pages->len; i++)
    {
      Page *page = g_ptr_array_index (priv->pages, i);
      guint section_end = i + 1;
      g_autoptr(PangoLayout) layout = NULL;
      g_autofree char *text = NULL;
      double width, height;
      guint number;
      Op op = { OP_TEXT, 0x000000 };

      if (page->restart)
        section_start = i;
      while (section_end < priv->pages->len
             && !((Page *) g_ptr_array_index (priv->pages, section_end))->restart)
        section_end++;
      number = i - section_start + 1;

      sl_page_renderer_get_page_size (self, i, &width, &height);

      switch (page->footer)
        {
        case SL_PAGE_FOOTER_NONE:
          continue;

        case SL_PAGE_FOOTER_PAGE_OF_TOTAL:
          text = g_strdup_printf ("第 %u 页 共 %u 页", number, section_end - section_start);
          layout = sl_page_renderer_create_layout (self, SL_PAGE_FONT_SONG, 10.5, text, -1);
          op.x0 = (width - sl_page_layout_get_width (layout)) / 2;
          op.y0 = height - page->bottom
                  + (page->bottom - sl_page_layout_get_height (layout)) / 2;
          break;

        case SL_PAGE_FOOTER_OFFICIAL:
          /* GB/T 9704-2012 7.5: 4号 numbers between two 一字线, 7 mm
           * under the type area, one character in from its edge. */
          text = g_strdup_printf ("— %u —", number);
          layout = sl_page_renderer_create_layout (self, SL_PAGE_FONT_SONG, 14, text, -1);
          op.y0 = height - page->bottom + 7 * SL_PAGE_MM;
          if (number % 2 == 1)
            op.x0 = width - page->right - 14 - sl_page_layout_get_width (layout);
          else
            op.x0 = page->left + 14;
          break;

        default:
          g_assert_not_reached ();
        }

      op.layout = g_steal_pointer (&layout);
      op.n_lines = -1;
      g_array_append_vals (page->ops, &op, 1);
    }
}

static void
sl_page_renderer_dispose (GObject *object)
{
  SlPageRenderer *self = SL_PAGE_RENDERER (object);
  SlPageRendererPrivate *priv = sl_page_renderer_get_instance_private (self);

  g_ptr_array_set_size (priv->pages, 0);
  g_clear_object (&priv->context);

  G_OBJECT_CLASS (sl_page_renderer_parent_class)->dispose (object);
}

static void
sl_page_renderer_finalize (GObject *object)
{
  SlPageRenderer *self = SL_PAGE_RENDERER (object);
  SlPageRendererPrivate *priv = sl_page_renderer_get_instance_private (self);

  for (guint i = 0; i < G_N_ELEMENTS (priv->fonts); i++)
    g_clear_pointer (&priv->fonts[i], pango_font_description_free);
  g_clear_pointer (&priv->pages, g_ptr_array_unref);
  g_clear_pointer (&priv->title, g_free);

  G_OBJECT_CLASS (sl_page_renderer_parent_class)->finalize (object);
}

static void
sl_page_renderer_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  SlPageRenderer *self = SL_PAGE_RENDERER (object);

  switch (prop_id)
    {
    case PROP_TITLE:
      g_value_set_string (value, sl_page_renderer_get_title (self));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sl_page_renderer_set_property (GObject      *object,
                               guint         prop_id,
                               const GValue *value,
                               GParamSpec   *pspec)
{
  SlPageRenderer *self = SL_PAGE_RENDERER (object);

  switch (prop_id)
    {
    case PROP_TITLE:
      sl_page_renderer_set_title (self, g_value_get_string (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sl_page_renderer_class_init (SlPageRendererClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = sl_page_renderer_dispose;
  object_class->finalize = sl_page_renderer_finalize;
  object_class->get_property = sl_page_renderer_get_property;
  object_class->set_property = sl_page_renderer_set_property;

  klass->draw_page = sl_page_renderer_real_draw_page;

  /**
   * SlPageRenderer:title:
   *
   * The document's title, for the PDF metadata and the print job's name.
   */
  properties[PROP_TITLE] =
    g_param_spec_string ("title", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
sl_page_renderer_init (SlPageRenderer *self)
{
  SlPageRendererPrivate *priv = sl_page_renderer_get_instance_private (self);

  priv->pages = g_ptr_array_new_with_free_func (page_free);
  priv->paper_width = SL_PAGE_A4_WIDTH;
  priv->paper_height = SL_PAGE_A4_HEIGHT;
  priv->top = priv->bottom = 25 * SL_PAGE_MM;
  priv->left = priv->right = 20 * SL_PAGE_MM;
  priv->footer = SL_PAGE_FOOTER_PAGE_OF_TOTAL;
}

/**
 * sl_page_renderer_layout:
 * @context: a PangoContext for the target, e.g. gtk_print_context_create_pango_context()
 * @page_width: the paper's width in points, portrait
 * @page_height: the paper's height in points, portrait
 *
 * Breaks the document into pages: call it once before drawing (again when
 * the paper changes). Sets @context's language to zh-cn.
 *
 * Returns: the number of pages
 */
guint
sl_page_renderer_layout (SlPageRenderer *self,
                         PangoContext   *context,
                         double          page_width,
                         double          page_height)
{
  SlPageRendererPrivate *priv = sl_page_renderer_get_instance_private (self);
  SlPageRendererClass *klass;

  g_return_val_if_fail (SL_IS_PAGE_RENDERER (self), 0);
  g_return_val_if_fail (PANGO_IS_CONTEXT (context), 0);
  g_return_val_if_fail (page_width > 0 && page_height > 0, 0);

  klass = SL_PAGE_RENDERER_GET_CLASS (self);
  g_return_val_if_fail (klass->layout != NULL, 0);

  g_set_object (&priv->context, context);
  pango_context_set_language (context, pango_language_from_string ("zh-cn"));
  priv->paper_width = MIN (page_width, page_height);
  priv->paper_height = MAX (page_width, page_height);
  g_ptr_array_set_size (priv->pages, 0);
  for (guint i = 0; i < G_N_ELEMENTS (priv->fonts); i++)
    {
      g_clear_pointer (&priv->fonts[i], pango_font_description_free);
      priv->fonts[i] = sl_page_font_resolve (i);
    }
  priv->top = priv->bottom = 25 * SL_PAGE_MM;
  priv->left = priv->right = 20 * SL_PAGE_MM;
  priv->footer = SL_PAGE_FOOTER_PAGE_OF_TOTAL;
  priv->restart = FALSE;
  priv->y = 0;

  priv->n_pages = klass->layout (self, context, priv->paper_width, priv->paper_height);
  add_footers (self);

  return priv->n_pages;
}

guint
sl_page_renderer_get_n_pages (SlPageRenderer *self)
{
  SlPageRendererPrivate *priv = sl_page_renderer_get_instance_private (self);

  g_return_val_if_fail (SL_IS_PAGE_RENDERER (self), 0);

  return priv->n_pages;
}

/**
 * sl_page_renderer_get_page_landscape:
 *
 * Whether page @page (from 0) is printed across the paper: a print
 * operation sets the page setup's orientation from this in
 * request-page-setup, an exporter the surface's size.
 */
gboolean
sl_page_renderer_get_page_landscape (SlPageRenderer *self,
                                     guint           page)
{
  SlPageRendererPrivate *priv = sl_page_renderer_get_instance_private (self);

  g_return_val_if_fail (SL_IS_PAGE_RENDERER (self), FALSE);

  if (page >= priv->pages->len)
    return FALSE;
  return ((Page *) g_ptr_array_index (priv->pages, page))->landscape;
}

void
sl_page_renderer_get_page_size (SlPageRenderer *self,
                                guint           page,
                                double         *width,
                                double         *height)
{
  SlPageRendererPrivate *priv = sl_page_renderer_get_instance_private (self);
  gboolean landscape;

  g_return_if_fail (SL_IS_PAGE_RENDERER (self));

  landscape = sl_page_renderer_get_page_landscape (self, page);
  if (width != NULL)
    *width = landscape ? priv->paper_height : priv->paper_width;
  if (height != NULL)
    *height = landscape ? priv->paper_width : priv->paper_height;
}

/**
 * sl_page_renderer_draw_page:
 * @cr: a cairo_t in points, origin at the top left of the page as it is
 *   read (for a landscape page, of the paper turned)
 * @page: the page, from 0
 *
 * Draws one page, page number included. The state of @cr is kept.
 */
void
sl_page_renderer_draw_page (SlPageRenderer *self,
                            cairo_t        *cr,
                            guint           page)
{
  g_return_if_fail (SL_IS_PAGE_RENDERER (self));
  g_return_if_fail (cr != NULL);

  cairo_save (cr);
  SL_PAGE_RENDERER_GET_CLASS (self)->draw_page (self, cr, page);
  cairo_restore (cr);
}

const char *
sl_page_renderer_get_title (SlPageRenderer *self)
{
  SlPageRendererPrivate *priv = sl_page_renderer_get_instance_private (self);

  g_return_val_if_fail (SL_IS_PAGE_RENDERER (self), NULL);

  return priv->title;
}

void
sl_page_renderer_set_title (SlPageRenderer *self,
                            const char     *title)
{
  SlPageRendererPrivate *priv = sl_page_renderer_get_instance_private (self);

  g_return_if_fail (SL_IS_PAGE_RENDERER (self));

  if (g_strcmp0 (priv->title, title) == 0)
    return;

  g_free (priv->title);
  priv->title = g_strdup (title);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TITLE]);
}

/* Fonts and text ------------------------------------------------------------ */

/**
 * sl_page_renderer_get_font:
 *
 * Returns: (transfer full): @font at @size points, in user units of the
 *   cairo_t (absolute size), whatever the resolution of the context.
 */
PangoFontDescription *
sl_page_renderer_get_font (SlPageRenderer *self,
                           SlPageFont      font,
                           double          size)
{
  SlPageRendererPrivate *priv = sl_page_renderer_get_instance_private (self);
  PangoFontDescription *description;

  g_return_val_if_fail (SL_IS_PAGE_RENDERER (self), NULL);
  g_return_val_if_fail (font <= SL_PAGE_FONT_SONG, NULL);

  if (priv->fonts[font] == NULL)
    priv->fonts[font] = sl_page_font_resolve (font);

  description = pango_font_description_copy (priv->fonts[font]);
  pango_font_description_set_absolute_size (description, size * PANGO_SCALE);
  return description;
}

PangoLayout *
sl_page_renderer_create_layout (SlPageRenderer *self,
                                SlPageFont      font,
                                double          size,
                                const char     *text,
                                double          width)
{
  SlPageRendererPrivate *priv = sl_page_renderer_get_instance_private (self);
  PangoFontDescription *description;
  PangoAttrList *attributes;
  PangoLayout *layout;

  g_return_val_if_fail (SL_IS_PAGE_RENDERER (self), NULL);
  g_return_val_if_fail (priv->context != NULL, NULL);

  layout = pango_layout_new (priv->context);
  description = sl_page_renderer_get_font (self, font, size);
  pango_layout_set_font_description (layout, description);
  pango_font_description_free (description);

  attributes = pango_attr_list_new ();
  pango_attr_list_insert (attributes, pango_attr_language_new (pango_language_from_string ("zh-cn")));
  pango_layout_set_attributes (layout, attributes);
  pango_attr_list_unref (attributes);

  if (width > 0)
    {
      pango_layout_set_width (layout, (int) (width * PANGO_SCALE));
      pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
    }
  pango_layout_set_text (layout, text != NULL ? text : "", -1);

  return layout;
}

/* Sets bytes @start to @end of @layout's text in another face, for a
 * label in 黑体 followed by names in 仿宋. */
void
sl_page_renderer_set_span_font (SlPageRenderer *self,
                                PangoLayout    *layout,
                                guint           start,
                                guint           end,
                                SlPageFont      font,
                                double          size)
{
  PangoFontDescription *description;
  PangoAttrList *attributes;
  PangoAttribute *attribute;

  g_return_if_fail (SL_IS_PAGE_RENDERER (self));
  g_return_if_fail (PANGO_IS_LAYOUT (layout));

  description = sl_page_renderer_get_font (self, font, size);
  attribute = pango_attr_font_desc_new (description);
  attribute->start_index = start;
  attribute->end_index = end;
  pango_font_description_free (description);

  attributes = pango_layout_get_attributes (layout);
  attributes = attributes != NULL ? pango_attr_list_copy (attributes) : pango_attr_list_new ();
  pango_attr_list_change (attributes, attribute);
  pango_layout_set_attributes (layout, attributes);
  pango_attr_list_unref (attributes);
}

/* The length of @entry without what is in brackets: 刘志强（公假） is 3. */
static guint
name_length (const char *entry)
{
  guint length = 0, depth = 0;

  for (const char *p = entry; *p != '\0'; p = g_utf8_next_char (p))
    {
      if (g_str_has_prefix (p, "（"))
        depth++;
      else if (g_str_has_prefix (p, "）") && depth > 0)
        depth--;
      else if (depth == 0)
        length++;
    }
  return length;
}

/**
 * sl_page_text_split_list:
 *
 * Whether @text is a list of names joined by 、 (“张建国、孙堃、李红梅”,
 * “缺席：王喆”, “邓晓岚（普查中心主任）、韩立”): names are short, and what
 * is in brackets after one (a post, a reason) does not count.
 *
 * Returns: (transfer full) (nullable): the entries, each with the 、 or ：
 *   after it, or %NULL when @text is not such a list
 */
char **
sl_page_text_split_list (const char *text)
{
  g_autoptr(GPtrArray) entries = NULL;
  const char *start;

  if (text == NULL || strchr (text, '\n') != NULL
      || (strstr (text, "、") == NULL && strstr (text, "：") == NULL))
    return NULL;

  entries = g_ptr_array_new_with_free_func (g_free);
  start = text;
  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    if (g_str_has_prefix (p, "、") || g_str_has_prefix (p, "："))
      {
        const char *end = g_utf8_next_char (p);

        g_ptr_array_add (entries, g_strndup (start, end - start));
        start = end;
      }
  if (*start != '\0')
    g_ptr_array_add (entries, g_strdup (start));

  for (guint i = 0; i < entries->len; i++)
    if (name_length (g_ptr_array_index (entries, i)) > 9)
      return NULL;

  g_ptr_array_add (entries, NULL);
  return (char **) g_ptr_array_free (g_steal_pointer (&entries), FALSE);
}

/**
 * sl_page_renderer_pack_list:
 *
 * A list of names (sl_page_text_split_list()) broken into lines of @width
 * after a 、 or a ： only: a name is never split over two lines. An entry
 * wider than @width is left to wrap. Other text is returned as it is.
 *
 * Returns: (transfer full): @text, with line breaks where they go
 */
char *
sl_page_renderer_pack_list (SlPageRenderer *self,
                            SlPageFont      font,
                            double          size,
                            const char     *text,
                            double          width)
{
  g_auto(GStrv) entries = NULL;
  g_autoptr(PangoLayout) probe = NULL;
  g_autoptr(GString) packed = NULL;
  gsize line_start = 0;

  g_return_val_if_fail (SL_IS_PAGE_RENDERER (self), NULL);

  if (!(entries = sl_page_text_split_list (text)))
    return g_strdup (text);

  probe = sl_page_renderer_create_layout (self, font, size, NULL, -1);
  packed = g_string_new (NULL);
  for (guint i = 0; entries[i] != NULL; i++)
    {
      g_autofree char *tried = g_strconcat (packed->str + line_start, entries[i], NULL);

      pango_layout_set_text (probe, tried, -1);
      if (packed->len > line_start && sl_page_layout_get_width (probe) > width)
        {
          g_string_append_c (packed, '\n');
          line_start = packed->len;
        }
      g_string_append (packed, entries[i]);
    }

  return g_string_free (g_steal_pointer (&packed), FALSE);
}

static gboolean
is_digit_at (const char *p)
{
  return p != NULL && g_ascii_isdigit (*p);
}

/* What a break between @before and @after costs, in points: a title is
 * not broken inside a number, between a number and its 年, before closing
 * or after opening punctuation; it breaks best before a year or after
 * the name of an organization. */
static double
break_penalty (const char *before,
               const char *after,
               double      size)
{
  static const char *closing[] = { "，", "。", "、", "；", "：", "）", "》", "”", "’", "！", "？" };
  static const char *opening[] = { "（", "《", "“", "‘" };
  static const char *units[] = { "年", "月", "日", "次", "期", "届", "号", "%" };
  static const char *names[] = { "党组", "党委", "中心组", "委员会", "支部", "局", "办公室" };

  for (guint i = 0; i < G_N_ELEMENTS (closing); i++)
    if (g_str_has_prefix (after, closing[i]))
      return 1000;
  for (guint i = 0; i < G_N_ELEMENTS (opening); i++)
    if (g_str_has_prefix (g_utf8_prev_char (after), opening[i]) && g_utf8_prev_char (after) >= before)
      return 1000;
  if (is_digit_at (g_utf8_prev_char (after)) && is_digit_at (after))
    return 1000;
  for (guint i = 0; i < G_N_ELEMENTS (units); i++)
    if (is_digit_at (g_utf8_prev_char (after)) && g_str_has_prefix (after, units[i]))
      return 1000;
  if (is_digit_at (after))
    return -2 * size;
  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      gsize length = strlen (names[i]);

      if ((gsize) (after - before) >= length && strncmp (after - length, names[i], length) == 0)
        return -size;
    }
  return 0;
}

/**
 * sl_page_renderer_balance_lines:
 *
 * A title that needs two lines, broken where the two are of about the
 * same length and the words stay whole (GB/T 9704-2012 7.3.1: “回行时，要
 * 做到词意完整，排列对称，长短适宜”), as “某某局党组理论学习中心组 /
 * 2023年度学习计划” rather than “…中心组2023 / 年度学习计划”. A title of
 * one line, or of more than two, is returned as it is.
 *
 * Returns: (transfer full): @text, with a line break where it goes
 */
char *
sl_page_renderer_balance_lines (SlPageRenderer *self,
                                SlPageFont      font,
                                double          size,
                                const char     *text,
                                double          width)
{
  g_autoptr(PangoLayout) probe = NULL;
  const char *best = NULL;
  double best_cost = G_MAXDOUBLE;

  g_return_val_if_fail (SL_IS_PAGE_RENDERER (self), NULL);

  if (text == NULL)
    return g_strdup ("");

  probe = sl_page_renderer_create_layout (self, font, size, text, width);
  if (pango_layout_get_line_count (probe) != 2 || strchr (text, '\n') != NULL)
    return g_strdup (text);

  /* Breaks where a word surely ends (before a year, after an
   * organization's name) first; any other only when none of those fits. */
  pango_layout_set_width (probe, -1);
  for (guint pass = 0; pass < 2 && best == NULL; pass++)
    for (const char *p = g_utf8_next_char (text); *p != '\0'; p = g_utf8_next_char (p))
      {
        g_autofree char *first = g_strndup (text, p - text);
        double first_width, second_width, penalty, cost;

        penalty = break_penalty (text, p, size);
        if (pass == 0 && penalty >= 0)
          continue;

        pango_layout_set_text (probe, first, -1);
        first_width = sl_page_layout_get_width (probe);
        pango_layout_set_text (probe, p, -1);
        second_width = sl_page_layout_get_width (probe);
        if (first_width > width || second_width > width)
          continue;

        cost = fabs (first_width - second_width) + (pass == 0 ? 0 : penalty);
        if (cost < best_cost)
          {
            best_cost = cost;
            best = p;
          }
      }

  if (best == NULL)
    return g_strdup (text);

  return g_strdup_printf ("%.*s\n%s", (int) (best - text), text, best);
}

PangoContext *
sl_page_renderer_get_context (SlPageRenderer *self)
{
  SlPageRendererPrivate *priv = sl_page_renderer_get_instance_private (self);

  g_return_val_if_fail (SL_IS_PAGE_RENDERER (self), NULL);

  return priv->context;
}

void
sl_page_renderer_get_paper_size (SlPageRenderer *self,
                                 double         *width,
                                 double         *height)
{
  SlPageRendererPrivate *priv = sl_page_renderer_get_instance_private (self);

  g_return_if_fail (SL_IS_PAGE_RENDERER (self));

  if (width != NULL)
    *width = priv->paper_width;
  if (height != NULL)
    *height = priv->paper_height;
}

/* Pages --------------------------------------------------------------------- */

void
sl_page_renderer_set_margins (SlPageRenderer *self,
                              double          top,
                              double          right,
                              double          bottom,
                              double          left)
{
  SlPageRendererPrivate *priv = sl_page_renderer_get_instance_private (self);

  g_return_if_fail (SL_IS_PAGE_RENDERER (self));

  priv->top = top;
  priv->right = right;
  priv->bottom = bottom;
  priv->left = left;
}

void
sl_page_renderer_set_footer (SlPageRenderer *self,
                             SlPageFooter    footer)
{
  SlPageRendererPrivate *priv = sl_page_renderer_get_instance_private (self);

  g_return_if_fail (SL_IS_PAGE_RENDERER (self));

  priv->footer = footer;
}

/* The next page added is page 1 of a new count. */
void
sl_page_renderer_restart_numbering (SlPageRenderer *self)
{
  SlPageRendererPrivate *priv = sl_page_renderer_get_instance_private (self);

  g_return_if_fail (SL_IS_PAGE_RENDERER (self));

  priv->restart = TRUE;
}

guint
sl_page_renderer_add_page (SlPageRenderer *self,
                           gboolean        landscape)
{
  SlPageRendererPrivate *priv = sl_page_renderer_get_instance_private (self);
  Page *page;

  g_return_val_if_fail (SL_IS_PAGE_RENDERER (self), 0);

  page = g_new0 (Page, 1);
  page->landscape = landscape;
  page->footer = priv->footer;
  page->restart = priv->restart;
  page->top = priv->top;
  page->right = priv->right;
  page->bottom = priv->bottom;
  page->left = priv->left;
  page->ops = g_array_new (FALSE, TRUE, sizeof (Op));
  g_array_set_clear_func (page->ops, op_clear);
  g_ptr_array_add (priv->pages, page);

  priv->restart = FALSE;
  priv->y = page->top;

  return priv->pages->len - 1;
}

guint
sl_page_renderer_get_page_count (SlPageRenderer *self)
{
  SlPageRendererPrivate *priv = sl_page_renderer_get_instance_private (self);

  g_return_val_if_fail (SL_IS_PAGE_RENDERER (self), 0);

  return priv->pages->len;
}

/* Whether the page being laid out is landscape. */
gboolean
sl_page_renderer_is_landscape (SlPageRenderer *self)
{
  return current_page (self)->landscape;
}

double
sl_page_renderer_get_left (SlPageRenderer *self)
{
  return current_page (self)->left;
}

/* The width between the margins of the page being laid out. */
double
sl_page_renderer_get_width (SlPageRenderer *self)
{
  SlPageRendererPrivate *priv = sl_page_renderer_get_instance_private (self);
  Page *page = current_page (self);

  return (page->landscape ? priv->paper_height : priv->paper_width) - page->left - page->right;
}

double
sl_page_renderer_get_top (SlPageRenderer *self)
{
  return current_page (self)->top;
}

/* Where content must end on the page being laid out. */
double
sl_page_renderer_get_bottom (SlPageRenderer *self)
{
  SlPageRendererPrivate *priv = sl_page_renderer_get_instance_private (self);
  Page *page = current_page (self);

  return (page->landscape ? priv->paper_width : priv->paper_height) - page->bottom;
}

double
sl_page_renderer_get_y (SlPageRenderer *self)
{
  SlPageRendererPrivate *priv = sl_page_renderer_get_instance_private (self);

  current_page (self);
  return priv->y;
}

void
sl_page_renderer_set_y (SlPageRenderer *self,
                        double          y)
{
  SlPageRendererPrivate *priv = sl_page_renderer_get_instance_private (self);

  g_return_if_fail (SL_IS_PAGE_RENDERER (self));

  priv->y = y;
}

/**
 * sl_page_renderer_ensure_space:
 *
 * Starts a new page, of the same orientation, unless @height points still
 * fit under the position or the page is still empty.
 *
 * Returns: whether a page was started
 */
gboolean
sl_page_renderer_ensure_space (SlPageRenderer *self,
                               double          height)
{
  SlPageRendererPrivate *priv = sl_page_renderer_get_instance_private (self);
  Page *page;

  g_return_val_if_fail (SL_IS_PAGE_RENDERER (self), FALSE);

  page = current_page (self);
  if (priv->y + height <= sl_page_renderer_get_bottom (self) + 0.01
      || priv->y <= page->top + 0.01)
    return FALSE;

  sl_page_renderer_add_page (self, page->landscape);
  return TRUE;
}

void
sl_page_renderer_add_text (SlPageRenderer *self,
                           PangoLayout    *layout,
                           double          x,
                           double          y)
{
  sl_page_renderer_add_text_lines (self, layout, 0, -1, x, y);
}

/* Lines @first_line to @first_line + @n_lines (-1: all that follow) of
 * @layout, the top of the first at @y. */
void
sl_page_renderer_add_text_lines (SlPageRenderer *self,
                                 PangoLayout    *layout,
                                 int             first_line,
                                 int             n_lines,
                                 double          x,
                                 double          y)
{
  Op op = { OP_TEXT, 0x000000 };

  g_return_if_fail (SL_IS_PAGE_RENDERER (self));
  g_return_if_fail (PANGO_IS_LAYOUT (layout));

  op.x0 = x;
  op.y0 = y;
  op.layout = g_object_ref (layout);
  op.first_line = first_line;
  op.n_lines = n_lines;
  add_op (self, &op);
}

void
sl_page_renderer_add_text_color (SlPageRenderer *self,
                                 PangoLayout    *layout,
                                 double          x,
                                 double          y,
                                 guint32         rgb)
{
  Op op = { OP_TEXT, rgb };

  g_return_if_fail (SL_IS_PAGE_RENDERER (self));
  g_return_if_fail (PANGO_IS_LAYOUT (layout));

  op.x0 = x;
  op.y0 = y;
  op.layout = g_object_ref (layout);
  op.n_lines = -1;
  add_op (self, &op);
}

void
sl_page_renderer_add_line (SlPageRenderer *self,
                           double          x0,
                           double          y0,
                           double          x1,
                           double          y1,
                           double          width,
                           guint32         rgb,
                           gboolean        dashed)
{
  Op op = { OP_LINE, rgb, x0, y0, x1, y1, width, dashed };

  g_return_if_fail (SL_IS_PAGE_RENDERER (self));

  add_op (self, &op);
}

void
sl_page_renderer_add_rect (SlPageRenderer *self,
                           double          x,
                           double          y,
                           double          width,
                           double          height,
                           guint32         rgb)
{
  Op op = { OP_RECT, rgb, x, y, x + width, y + height };

  g_return_if_fail (SL_IS_PAGE_RENDERER (self));

  add_op (self, &op);
}

/**
 * sl_page_renderer_flow:
 *
 * Puts @layout at the position, line by line, onto as many pages as it
 * takes, and moves the position under it. A paragraph's first line is
 * not left alone at the foot of a page, nor its last line alone at the
 * head of the next.
 */
void
sl_page_renderer_flow (SlPageRenderer *self,
                       PangoLayout    *layout,
                       double          x)
{
  SlPageRendererPrivate *priv = sl_page_renderer_get_instance_private (self);
  int n_lines, line = 0;

  g_return_if_fail (SL_IS_PAGE_RENDERER (self));
  g_return_if_fail (PANGO_IS_LAYOUT (layout));

  n_lines = pango_layout_get_line_count (layout);
  current_page (self);

  while (line < n_lines)
    {
      double first_top, top, bottom, room = sl_page_renderer_get_bottom (self) - priv->y;
      int fit = 0;

      sl_page_layout_get_line_extents (layout, line, &first_top, NULL, NULL);
      while (line + fit < n_lines)
        {
          sl_page_layout_get_line_extents (layout, line + fit, &top, NULL, &bottom);
          if (bottom - first_top > room + 0.01)
            break;
          fit++;
        }

      if (fit < n_lines - line)
        {
          if (fit == 1 && line == 0 && n_lines > 1)
            fit = 0;
          else if (fit >= 3 && n_lines - line - fit == 1)
            fit--;
        }

      if (fit == 0 && priv->y <= sl_page_renderer_get_top (self) + 0.01)
        fit = 1;    /* a line taller than the page: nothing better to do */

      if (fit > 0)
        {
          sl_page_layout_get_line_extents (layout, line + fit - 1, NULL, NULL, &bottom);
          sl_page_renderer_add_text_lines (self, layout, line, fit, x, priv->y);
          priv->y += bottom - first_top;
          line += fit;
        }

      if (line < n_lines)
        sl_page_renderer_add_page (self, current_page (self)->landscape);
    }
}

/* Layout measures ------------------------------------------------------------ */

/**
 * sl_page_layout_get_line_extents:
 *
 * The top, baseline and bottom of line @line of @layout, in points from
 * the layout's top.
 *
 * Returns: the number of lines of @layout
 */
int
sl_page_layout_get_line_extents (PangoLayout *layout,
                                 int          line,
                                 double      *top,
                                 double      *baseline,
                                 double      *bottom)
{
  PangoLayoutIter *iter;
  int index = 0;

  g_return_val_if_fail (PANGO_IS_LAYOUT (layout), 0);

  iter = pango_layout_get_iter (layout);
  while (index < line && pango_layout_iter_next_line (iter))
    index++;

  if (index == line)
    {
      PangoRectangle logical;

      pango_layout_iter_get_line_extents (iter, NULL, &logical);
      if (top != NULL)
        *top = (double) logical.y / PANGO_SCALE;
      if (baseline != NULL)
        *baseline = (double) pango_layout_iter_get_baseline (iter) / PANGO_SCALE;
      if (bottom != NULL)
        *bottom = (double) (logical.y + logical.height) / PANGO_SCALE;
    }
  pango_layout_iter_free (iter);

  return pango_layout_get_line_count (layout);
}

double
sl_page_layout_get_height (PangoLayout *layout)
{
  PangoRectangle logical;

  g_return_val_if_fail (PANGO_IS_LAYOUT (layout), 0);

  pango_layout_get_extents (layout, NULL, &logical);
  return (double) logical.height / PANGO_SCALE;
}

double
sl_page_layout_get_width (PangoLayout *layout)
{
  PangoRectangle logical;

  g_return_val_if_fail (PANGO_IS_LAYOUT (layout), 0);

  pango_layout_get_extents (layout, NULL, &logical);
  return (double) logical.width / PANGO_SCALE;
}

/**
 * sl_page_layout_avoid_runt:
 *
 * A paragraph whose last line holds only a character or two and its
 * punctuation (“效。”) is set a hair tighter, if that takes the runt back
 * into the line above.
 *
 * Returns: the letter spacing set, in points (0 or less), for
 *   sl_page_layout_justify()
 */
double
sl_page_layout_avoid_runt (PangoLayout *layout)
{
  PangoLayoutLine *last;
  PangoAttrList *attributes;
  PangoAttrList *original;
  PangoRectangle logical;
  int n_lines, n_chars, spacing;

  g_return_val_if_fail (PANGO_IS_LAYOUT (layout), 0);

  n_lines = pango_layout_get_line_count (layout);
  if (n_lines < 2)
    return 0;
  last = pango_layout_get_line_readonly (layout, n_lines - 1);
  n_chars = g_utf8_strlen (pango_layout_get_text (layout) + last->start_index, last->length);
  if (n_chars == 0 || n_chars > 2)
    return 0;

  /* How much tighter: the runt's width spread over the paragraph, never
   * more than a twentieth of a character. */
  pango_layout_line_get_extents (last, NULL, &logical);
  original = pango_layout_get_attributes (layout);
  attributes = original != NULL ? pango_attr_list_copy (original) : pango_attr_list_new ();
  if (original != NULL)
    pango_attr_list_ref (original);
  spacing = -MIN (logical.width / n_chars / 20,
                  2 * logical.width / MAX (g_utf8_strlen (pango_layout_get_text (layout), -1), 1));
  pango_attr_list_insert_before (attributes, pango_attr_letter_spacing_new (spacing));
  pango_layout_set_attributes (layout, attributes);
  if (pango_layout_get_line_count (layout) == n_lines)
    {
      pango_layout_set_attributes (layout, original);
      spacing = 0;
    }

  pango_attr_list_unref (attributes);
  if (original != NULL)
    pango_attr_list_unref (original);

  return (double) spacing / PANGO_SCALE;
}

/**
 * sl_page_layout_justify:
 * @spacing: the letter spacing @layout already has, in points
 * @width: where the lines are to end, in points; a little less than the
 *   layout's width, so that the spacing added still lets each line fit
 *   when Pango breaks the lines again
 *
 * Makes every line but the last of a paragraph reach @width, as Chinese
 * text is set. Pango 1.50 justifies at spaces only, and Chinese has none:
 * a line with half-width digits or Latin in it ends short. The room left
 * on each line goes between its characters as letter spacing. Lines with
 * much room (a long unbreakable word pushed to the next) are left as they
 * are rather than spaced out.
 */
void
sl_page_layout_justify (PangoLayout *layout,
                        double       spacing,
                        double       width)
{
  const char *text;
  PangoAttrList *attributes;
  PangoAttrList *original;
  GSList *lines;
  int layout_width, target, indent, n_lines;
  g_autofree int *starts = NULL;
  gboolean changed = FALSE;

  g_return_if_fail (PANGO_IS_LAYOUT (layout));

  layout_width = pango_layout_get_width (layout);
  if (layout_width <= 0)
    return;
  target = MIN ((int) (width * PANGO_SCALE), layout_width);

  text = pango_layout_get_text (layout);
  indent = pango_layout_get_indent (layout);
  n_lines = pango_layout_get_line_count (layout);
  starts = g_new (int, n_lines);
  original = pango_layout_get_attributes (layout);
  attributes = original != NULL ? pango_attr_list_copy (original) : pango_attr_list_new ();
  if (original != NULL)
    pango_attr_list_ref (original);

  lines = pango_layout_get_lines_readonly (layout);
  for (int i = 0; lines != NULL; lines = lines->next, i++)
    {
      PangoLayoutLine *line = lines->data;
      PangoLayoutLine *next = lines->next != NULL ? lines->next->data : NULL;
      PangoRectangle logical;
      PangoAttribute *attribute;
      int room, slack, n_chars, extra, offset;

      starts[i] = line->start_index;
      if (next == NULL || next->is_paragraph_start)
        continue;   /* a paragraph's last line stays ragged */

      pango_layout_line_get_extents (line, NULL, &logical);
      offset = line->is_paragraph_start ? MAX (indent, 0) : MAX (-indent, 0);
      room = target - offset - logical.width;
      slack = layout_width - target;
      n_chars = g_utf8_strlen (text + line->start_index, line->length);
      if (n_chars < 2 || room <= 0 || room > 1.5 * logical.width / n_chars)
        continue;

      /* While breaking, Pango counts the spacing after a line's last
       * character too (and drops it afterwards): n gaps must fit where
       * n - 1 are wanted. */
      extra = MIN (room / (n_chars - 1), (room + slack) / n_chars - 1);
      if (extra <= 0)
        continue;

      attribute = pango_attr_letter_spacing_new ((int) (spacing * PANGO_SCALE) + extra);
      attribute->start_index = line->start_index;
      attribute->end_index = line->start_index + line->length;
      pango_attr_list_change (attributes, attribute);
      changed = TRUE;
    }

  if (changed)
    {
      pango_layout_set_attributes (layout, attributes);

      /* The spacing fills what was left, so the breaks should not move;
       * should rounding move one, the text stays as it was. */
      lines = pango_layout_get_lines_readonly (layout);
      for (int i = 0; lines != NULL; lines = lines->next, i++)
        if (i >= n_lines || ((PangoLayoutLine *) lines->data)->start_index != starts[i])
          {
            changed = FALSE;
            break;
          }
      if (!changed || pango_layout_get_line_count (layout) != n_lines)
        pango_layout_set_attributes (layout, original);
    }

  pango_attr_list_unref (attributes);
  if (original != NULL)
    pango_attr_list_unref (original);
}

/* Wording ------------------------------------------------------------------ */

char *
sl_page_format_time (const char *time)
{
  if (time == NULL)
    return g_strdup ("");
  if (time[0] == '0' && g_ascii_isdigit (time[1]))
    time++;
  return g_strdup (time);
}
