/* sl-table-pages-private.h — what the table pages' files share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The state of one table being placed on pages (sl-table-pages.c) and the
 * sizing of its columns (sl-table-columns.c).
 */

#pragma once

#include "sl-page-renderer.h"
#include "sl-table.h"
#include "sl-table-pages.h"

G_BEGIN_DECLS

/* 1.5 mm and more from the rules; two cells' texts 3.4 mm apart at
 * least, so that a PDF reader's text extraction keeps them apart. */
#define PAD_X         (1.7 * SL_PAGE_MM)
#define PAD_Y         (1.5 * SL_PAGE_MM)
#define SIZE_LARGE    10.5    /* 五号 */
#define SIZE_SMALL    9.0     /* the smallest read at arm's length */
#define HEADER_FILL  0xececec
#define RULE         0x000000

typedef struct
{
  PangoLayout *layout;
  int          n_lines;
  double      *tops;
  double      *bottoms;
  int          done;      /* lines already placed */
} Cell;

/* What one call of sl_table_pages_append() needs while it places rows. */
typedef struct
{
  SlPageRenderer *renderer;
  SlTable        *table;
  const SlTableStyle *style;
  guint           n_columns;
  double          x;
  double          width;
  double         *column_x;      /* n_columns + 1 edges */
  double          size;
  GPtrArray      *header;        /* PangoLayout */
  double          header_height;
  gboolean       *breaks;        /* per row: a page starts before it */

  /* The part of the table on the current page */
  double          segment_top;
  GArray         *rules;         /* double: y of each horizontal rule */

  /* The body's cell layouts by column and text, shared: see build_cells() */
  GHashTable     *cells;
} Table;

double sl_table_pages_fit_columns (Table    *t,
                                   double   *widths,
                                   gboolean  comfort);

G_END_DECLS
