/* sl-page-op.h — one drawing operation of a laid-out page
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Private to SlPageRenderer: layout() records what a page shows as a list
 * of these, and drawing a page only replays them.
 */

#pragma once

#include <cairo.h>
#include <pango/pangocairo.h>

G_BEGIN_DECLS

typedef enum
{
  SL_PAGE_OP_TEXT,
  SL_PAGE_OP_LINE,
  SL_PAGE_OP_RECT,
} SlPageOpKind;

typedef struct
{
  SlPageOpKind  kind;
  guint32       rgb;
  double        x0, y0, x1, y1;   /* text: x0, y0 the top left of its first line */
  double        line_width;
  gboolean      dashed;
  PangoLayout  *layout;
  int           first_line;
  int           n_lines;          /* -1: to the end */
} SlPageOp;

void sl_page_op_clear (gpointer        data);
void sl_page_op_draw  (cairo_t        *cr,
                       const SlPageOp *op);

G_END_DECLS
