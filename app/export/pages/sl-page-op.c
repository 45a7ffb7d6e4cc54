/* sl-page-op.c — one drawing operation of a laid-out page, replayed on cairo
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * SlPageRenderer measures everything in layout(); what is left for drawing
 * is this replay of text lines, rules and filled boxes, so a page draws the
 * same on the print dialog's preview, the printer and the PDF writer.
 */

#define G_LOG_DOMAIN "sl-page-renderer"

#include "config.h"

#include "sl-page-glyphs.h"
#include "sl-page-op.h"

/* A GArray clear func for a page's operations. */
void
sl_page_op_clear (gpointer data)
{
  SlPageOp *op = data;

  g_clear_object (&op->layout);
}

static void
draw_text (cairo_t        *cr,
           const SlPageOp *op)
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
      /* What is drawn is what the reader gets: a box for a character no
       * font has is said in the export's note (sl-page-glyphs.c). */
      sl_page_glyphs_check_line (pango_layout_iter_get_line_readonly (iter));
      pango_cairo_show_layout_line (cr, pango_layout_iter_get_line_readonly (iter));
    }
  while (index++, pango_layout_iter_next_line (iter));

  pango_layout_iter_free (iter);
}

void
sl_page_op_draw (cairo_t        *cr,
                 const SlPageOp *op)
{
  switch (op->kind)
    {
    case SL_PAGE_OP_TEXT:
      draw_text (cr, op);
      break;

    case SL_PAGE_OP_LINE:
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

    case SL_PAGE_OP_RECT:
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
