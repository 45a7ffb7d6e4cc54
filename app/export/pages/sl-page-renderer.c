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
 *
 * The typefaces' families are sl-page-fonts.c's; measuring and breaking
 * text, which needs no page, is sl-page-text.c's; the drawing operations
 * and their replay on cairo are sl-page-op.c's.
 */

#define G_LOG_DOMAIN "sl-page-renderer"

#include "config.h"

#include "sl-page-fonts.h"
#include "sl-page-op.h"
#include "sl-page-renderer.h"

typedef struct
{
  gboolean      landscape;
  SlPageFooter  footer;
  gboolean      restart;
  double        top, right, bottom, left;
  GArray       *ops;
  guint         footer_op;      /* the page number's op, or G_MAXUINT */
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

  /* Set by sl_page_renderer_set_numbering(): bound into a larger document */
  guint                 bound_first;
  guint                 bound_total;

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
        const SlPageOp *op)
{
  g_array_append_vals (current_page (self)->ops, op, 1);
}

/* A page of a document bound into a larger one (the year's binder): its
 * number in the whole, in the page's own style; a page without a number
 * gets “第 x 页 共 y 页”, so that every page of the whole has its number. */
static void
draw_bound_footer (SlPageRenderer *self,
                   cairo_t        *cr,
                   guint           page_number,
                   Page           *page)
{
  SlPageRendererPrivate *priv = sl_page_renderer_get_instance_private (self);
  guint number = priv->bound_first + page_number;
  g_autofree char *text = NULL;
  double width, height;
  SlPageOp op = { SL_PAGE_OP_TEXT, 0x000000 };

  sl_page_renderer_get_page_size (self, page_number, &width, &height);
  op.n_lines = -1;

  if (page->footer == SL_PAGE_FOOTER_OFFICIAL)
    {
      text = g_strdup_printf ("— %u —", number);
      op.layout = sl_page_renderer_create_layout (self, SL_PAGE_FONT_SONG, 14, text, -1);
      op.y0 = height - page->bottom + 7 * SL_PAGE_MM;
      if (number % 2 == 1)
        op.x0 = width - page->right - 14 - sl_page_layout_get_width (op.layout);
      else
        op.x0 = page->left + 14;
    }
  else
    {
      text = g_strdup_printf ("第 %u 页 共 %u 页", number, priv->bound_total);
      op.layout = sl_page_renderer_create_layout (self, SL_PAGE_FONT_SONG, 10.5, text, -1);
      op.x0 = (width - sl_page_layout_get_width (op.layout)) / 2;
      op.y0 = height - page->bottom
              + (page->bottom - sl_page_layout_get_height (op.layout)) / 2;
    }

  sl_page_op_draw (cr, &op);
  g_clear_object (&op.layout);
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
    {
      if (priv->bound_total > 0 && i == page->footer_op)
        continue;
      sl_page_op_draw (cr, &g_array_index (page->ops, SlPageOp, i));
    }

  if (priv->bound_total > 0)
    draw_bound_footer (self, cr, page_number, page);
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
      SlPageOp op = { SL_PAGE_OP_TEXT, 0x000000 };

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
      page->footer_op = page->ops->len;
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

/**
 * sl_page_renderer_set_numbering:
 * @first: the number of this document's first page in the whole
 * @total: the pages of the whole; 0 for the document's own numbers
 *
 * For a document bound into a larger one, the year's binder: its pages
 * are drawn with their numbers in the whole instead of their own. Set
 * after layout, before drawing.
 */
void
sl_page_renderer_set_numbering (SlPageRenderer *self,
                                guint           first,
                                guint           total)
{
  SlPageRendererPrivate *priv = sl_page_renderer_get_instance_private (self);

  g_return_if_fail (SL_IS_PAGE_RENDERER (self));

  priv->bound_first = first;
  priv->bound_total = total;
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
  page->footer_op = G_MAXUINT;
  page->landscape = landscape;
  page->footer = priv->footer;
  page->restart = priv->restart;
  page->top = priv->top;
  page->right = priv->right;
  page->bottom = priv->bottom;
  page->left = priv->left;
  page->ops = g_array_new (FALSE, TRUE, sizeof (SlPageOp));
  g_array_set_clear_func (page->ops, sl_page_op_clear);
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
  SlPageOp op = { SL_PAGE_OP_TEXT, 0x000000 };

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
  SlPageOp op = { SL_PAGE_OP_TEXT, rgb };

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
  SlPageOp op = { SL_PAGE_OP_LINE, rgb, x0, y0, x1, y1, width, dashed };

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
  SlPageOp op = { SL_PAGE_OP_RECT, rgb, x, y, x + width, y + height };

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
