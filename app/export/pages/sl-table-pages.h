/* sl-table-pages.h — ledgers and other SlTables as printed pages
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "sl-page-renderer.h"
#include "sl-table.h"

G_BEGIN_DECLS

typedef enum
{
  SL_TABLE_CAPTION_NONE,
  SL_TABLE_CAPTION_TITLE,     /* the table's title centred (小标宋), its subtitle under it */
  SL_TABLE_CAPTION_HEADING,   /* a section heading (黑体) inside a document; no subtitle */
} SlTableCaption;

typedef struct
{
  SlTableCaption caption;
  const char    *heading;         /* a heading caption other than the table's title */
  double         font_size;       /* points; 0: what the column widths allow */
  double         min_row_height;  /* points; 0: what the text needs (sign-in sheets want room for ink) */
  gboolean       hide_notes;      /* the caller prints its own lines under the table */
  double         keep_with_end;   /* points the caller prints under the table (and its notes)
                                   * that must stay on the page of its last rows: a
                                   * signature block (sl_page_signatures_append()) */
} SlTableStyle;

#define SL_TYPE_TABLE_PAGES (sl_table_pages_get_type ())

G_DECLARE_FINAL_TYPE (SlTablePages, sl_table_pages, SL, TABLE_PAGES, SlPageRenderer)

/* Each table of @tables (SlTable) on its own pages, numbered per table. */
SlTablePages *sl_table_pages_new         (GPtrArray          *tables);

/* Lays @table out on @renderer's pages from its current position: the
 * caption, then the header repeated at the top of every page, rows never
 * cut (a row taller than a page goes on over the next with the header
 * again), then the table's notes. Any renderer may call it while it lays
 * out, so that a document with a table in it draws tables like a ledger. */
void          sl_table_pages_append      (SlPageRenderer     *renderer,
                                          SlTable            *table,
                                          const SlTableStyle *style);

/* The margins of table pages (left wider, for binding). */
void          sl_table_pages_set_margins (SlPageRenderer     *renderer,
                                          gboolean            landscape);

G_END_DECLS
