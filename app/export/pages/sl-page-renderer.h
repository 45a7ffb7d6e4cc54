/* sl-page-renderer.h — printed pages, laid out once and drawn on any cairo_t
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The words the renderers print (出席、主持人、研讨发言、第 x 页 共 y 页 ...)
 * are Chinese string literals, not gettext messages: these are official
 * Chinese documents whose headings and wording are prescribed, and they
 * read the same whatever the language of the user interface. Messages a
 * secretary reads on screen do go through gettext.
 */

#pragma once

#include <cairo.h>
#include <pango/pangocairo.h>

#include "sl-page-fonts.h"
#include "sl-types.h"

G_BEGIN_DECLS

/* Units are PostScript points: the cairo_t that a page is drawn on must
 * have one user unit per point with its origin at the paper's top left
 * corner (GtkPrintOperation: GTK_UNIT_POINTS and use-full-page). */
#define SL_PAGE_MM          (72.0 / 25.4)
#define SL_PAGE_A4_WIDTH    595.28
#define SL_PAGE_A4_HEIGHT   841.89

typedef enum
{
  SL_PAGE_FOOTER_NONE,
  SL_PAGE_FOOTER_PAGE_OF_TOTAL,  /* “第 x 页 共 y 页”, centred */
  SL_PAGE_FOOTER_OFFICIAL,       /* “— x —”, GB/T 9704: odd pages right, even left */
} SlPageFooter;

#define SL_TYPE_PAGE_RENDERER (sl_page_renderer_get_type ())

G_DECLARE_DERIVABLE_TYPE (SlPageRenderer, sl_page_renderer, SL, PAGE_RENDERER, GObject)

/**
 * SlPageRendererClass:
 * @layout: breaks the document into pages for @page_width × @page_height
 *   (the portrait paper; a landscape page swaps them) and returns the
 *   number of pages. Subclasses normally add pages and their content with
 *   the helpers below, which the default @draw_page replays.
 * @draw_page: draws page @page (from 0) on @cr. Draws only: everything
 *   was measured in @layout.
 */
struct _SlPageRendererClass
{
  GObjectClass parent_class;

  guint (*layout)    (SlPageRenderer *self,
                      PangoContext   *context,
                      double          page_width,
                      double          page_height);
  void  (*draw_page) (SlPageRenderer *self,
                      cairo_t        *cr,
                      guint           page);

  gpointer padding[8];
};

/* What a print operation or an exporter calls: layout once (begin-print),
 * then draw each page (draw-page), landscape pages on landscape paper
 * (request-page-setup). */
guint         sl_page_renderer_layout              (SlPageRenderer *self,
                                                    PangoContext   *context,
                                                    double          page_width,
                                                    double          page_height);
guint         sl_page_renderer_get_n_pages         (SlPageRenderer *self);
gboolean      sl_page_renderer_get_page_landscape  (SlPageRenderer *self,
                                                    guint           page);
void          sl_page_renderer_get_page_size       (SlPageRenderer *self,
                                                    guint           page,
                                                    double         *width,
                                                    double         *height);
void          sl_page_renderer_draw_page           (SlPageRenderer *self,
                                                    cairo_t        *cr,
                                                    guint           page);
const char   *sl_page_renderer_get_title           (SlPageRenderer *self);
void          sl_page_renderer_set_title           (SlPageRenderer *self,
                                                    const char     *title);
void          sl_page_renderer_set_numbering       (SlPageRenderer *self,
                                                    guint           first,
                                                    guint           total);

/* Fonts and text, for subclasses while they lay out. Sizes are in points;
 * @width <= 0 means the layout does not wrap. Every layout carries the
 * language zh-cn, so that Han characters take their Simplified forms. */
PangoFontDescription *sl_page_renderer_get_font    (SlPageRenderer *self,
                                                    SlPageFont      font,
                                                    double          size);
PangoLayout  *sl_page_renderer_create_layout       (SlPageRenderer *self,
                                                    SlPageFont      font,
                                                    double          size,
                                                    const char     *text,
                                                    double          width);
void          sl_page_renderer_set_span_font       (SlPageRenderer *self,
                                                    PangoLayout    *layout,
                                                    guint           start,
                                                    guint           end,
                                                    SlPageFont      font,
                                                    double          size);
char         *sl_page_renderer_pack_list           (SlPageRenderer *self,
                                                    SlPageFont      font,
                                                    double          size,
                                                    const char     *text,
                                                    double          width);
char         *sl_page_renderer_balance_lines       (SlPageRenderer *self,
                                                    SlPageFont      font,
                                                    double          size,
                                                    const char     *text,
                                                    double          width);
PangoContext *sl_page_renderer_get_context         (SlPageRenderer *self);
void          sl_page_renderer_get_paper_size      (SlPageRenderer *self,
                                                    double         *width,
                                                    double         *height);

/* Pages, for subclasses while they lay out. Margins and the footer apply
 * to the pages added after they are set. A new page puts the position at
 * its top margin; content goes between the margins. */
void          sl_page_renderer_set_margins         (SlPageRenderer *self,
                                                    double          top,
                                                    double          right,
                                                    double          bottom,
                                                    double          left);
void          sl_page_renderer_set_footer          (SlPageRenderer *self,
                                                    SlPageFooter    footer);
void          sl_page_renderer_restart_numbering   (SlPageRenderer *self);
guint         sl_page_renderer_add_page            (SlPageRenderer *self,
                                                    gboolean        landscape);
guint         sl_page_renderer_get_page_count      (SlPageRenderer *self);
gboolean      sl_page_renderer_is_landscape        (SlPageRenderer *self);
double        sl_page_renderer_get_left            (SlPageRenderer *self);
double        sl_page_renderer_get_width           (SlPageRenderer *self);
double        sl_page_renderer_get_top             (SlPageRenderer *self);
double        sl_page_renderer_get_bottom          (SlPageRenderer *self);
double        sl_page_renderer_get_y               (SlPageRenderer *self);
void          sl_page_renderer_set_y               (SlPageRenderer *self,
                                                    double          y);
gboolean      sl_page_renderer_ensure_space        (SlPageRenderer *self,
                                                    double          height);

void          sl_page_renderer_add_text            (SlPageRenderer *self,
                                                    PangoLayout    *layout,
                                                    double          x,
                                                    double          y);
void          sl_page_renderer_add_text_lines      (SlPageRenderer *self,
                                                    PangoLayout    *layout,
                                                    int             first_line,
                                                    int             n_lines,
                                                    double          x,
                                                    double          y);
void          sl_page_renderer_add_text_color      (SlPageRenderer *self,
                                                    PangoLayout    *layout,
                                                    double          x,
                                                    double          y,
                                                    guint32         rgb);
void          sl_page_renderer_add_line            (SlPageRenderer *self,
                                                    double          x0,
                                                    double          y0,
                                                    double          x1,
                                                    double          y1,
                                                    double          width,
                                                    guint32         rgb,
                                                    gboolean        dashed);
void          sl_page_renderer_add_rect            (SlPageRenderer *self,
                                                    double          x,
                                                    double          y,
                                                    double          width,
                                                    double          height,
                                                    guint32         rgb);
void          sl_page_renderer_flow                (SlPageRenderer *self,
                                                    PangoLayout    *layout,
                                                    double          x);

/* Text measured and broken, without a page (sl-page-text.c; so are
 * sl_page_renderer_pack_list() and sl_page_renderer_balance_lines()).
 * Where the lines of a laid-out layout are, in points from its top. */
int           sl_page_layout_get_line_extents      (PangoLayout    *layout,
                                                    int             line,
                                                    double         *top,
                                                    double         *baseline,
                                                    double         *bottom);
double        sl_page_layout_get_height            (PangoLayout    *layout);
double        sl_page_layout_avoid_runt            (PangoLayout    *layout);
void          sl_page_layout_justify               (PangoLayout    *layout,
                                                    double          spacing,
                                                    double          width);
double        sl_page_layout_get_width             (PangoLayout    *layout);

char        **sl_page_text_split_list              (const char     *text);

/* "09:00" → "9:00" (dates: sl_wording_date ()). */
char         *sl_page_format_time                  (const char     *time);

G_END_DECLS
