/* sl-table.h — a document's table, laid out once for every output
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

/* The ledgers of DESIGN.md are tables: the spreadsheet writer and the page
 * renderer draw the same SlTable, so the xlsx and the pdf of a ledger
 * always agree. Cells are typed so that a spreadsheet gets real dates and
 * numbers. */

typedef enum
{
  SL_CELL_EMPTY,
  SL_CELL_TEXT,
  SL_CELL_DATE,      /* text holds "YYYY-MM-DD" */
  SL_CELL_NUMBER,    /* a count */
  SL_CELL_PERCENT,   /* number holds a rate 0–1 */
} SlCellKind;

typedef struct
{
  SlCellKind  kind;
  char       *text;
  double      number;
  gboolean    alert;   /* calls for attention (逾期, 未达标): bold, red */
} SlCell;

/* Columns marked wrap hold running text, aligned left; the others (序号,
 * dates, names, counts, marks) hold short values, centred. Writers still
 * wrap a short value that turns out longer than its column rather than
 * cut it. */
typedef struct
{
  char    *title;      /* header text */
  double   width;      /* in Chinese characters, at body size */
  gboolean wrap;       /* long text wraps; short columns do not */
} SlColumn;

/* Columns that a spreadsheet keeps apart under one merged header (应到 |
 * 实到 under “参加人员（应到/实到）”), so that each holds a real number or
 * date, while a printed page shows them as the one column the ledger's
 * layout names: each part's text between its prefix and suffix, the parts
 * joined by the separator (“应到12人\n实到11人”). */
typedef struct
{
  char   *title;       /* the merged header */
  guint   first;       /* the first of its columns */
  guint   n_columns;
  char   *separator;   /* between the parts on a page */
  char  **affixes;     /* prefix and suffix of each part, 2 × n_columns */
} SlColumnGroup;

/* A chart a spreadsheet draws natively from the cells of another table
 * of the same document (the annual report's 主要数据 sheet charts the
 * sheets after it), as the report's pages draw it. */
typedef enum
{
  SL_CHART_STACKED_COLUMNS,  /* a series per source row, over columns first … first + n */
  SL_CHART_BARS,             /* a series per source column, over rows first … first + n */
} SlChartKind;

typedef struct _SlTable SlTable;

typedef struct
{
  SlChartKind  kind;
  char        *title;
  SlTable     *source;        /* owned reference */
  guint        label_column;  /* the source column that names each row */
  guint        first;         /* the categories: columns, or rows, of the source */
  guint        n;
  GArray      *series;        /* guint: source rows, or columns */
  GArray      *colors;        /* guint32 0xRRGGBB of each series */
  GArray      *point_colors;  /* guint32 per category of a one-series chart, 0: the series' */
} SlChart;

#define SL_TYPE_TABLE (sl_table_get_type ())

G_DECLARE_FINAL_TYPE (SlTable, sl_table, SL, TABLE, GObject)

SlTable      *sl_table_new             (const char  *title);

const char   *sl_table_get_title       (SlTable     *self);
const char   *sl_table_get_subtitle    (SlTable     *self);
void          sl_table_set_subtitle    (SlTable     *self,
                                        const char  *subtitle);
gboolean      sl_table_get_landscape   (SlTable     *self);
void          sl_table_set_landscape   (SlTable     *self,
                                        gboolean     landscape);
/* A short name for a worksheet tab or a page header ("出勤统计"); the
 * title when none was set. Writers still shorten it to their limits. */
const char   *sl_table_get_name        (SlTable     *self);
void          sl_table_set_name        (SlTable     *self,
                                        const char  *name);
/* The leftmost columns that name a row (序号, 姓名): a spreadsheet keeps
 * them in view when scrolling sideways. 0 by default. */
guint         sl_table_get_key_columns (SlTable     *self);
void          sl_table_set_key_columns (SlTable     *self,
                                        guint        n_columns);

void          sl_table_add_column      (SlTable     *self,
                                        const char  *title,
                                        double       width,
                                        gboolean     wrap);
guint         sl_table_get_n_columns   (SlTable     *self);
const SlColumn *sl_table_get_column    (SlTable     *self,
                                        guint        column);

/* @affixes: prefix, suffix of each of the @n_columns parts (NULL: none).
 * Groups do not overlap; add them after their columns. */
void          sl_table_add_column_group (SlTable    *self,
                                         const char *title,
                                         guint       first,
                                         guint       n_columns,
                                         const char *separator,
                                         const char * const *affixes);
guint         sl_table_get_n_column_groups (SlTable *self);
const SlColumnGroup *sl_table_get_column_group (SlTable *self,
                                                guint    group);
/* The group @column belongs to, or NULL. */
const SlColumnGroup *sl_table_find_column_group (SlTable *self,
                                                 guint    column);
/* The table as a page shows it: each group joined into one column.
 * Returns: (transfer full): a new table, or a new reference to @self
 * when it has no groups */
SlTable      *sl_table_join_groups     (SlTable     *self);

/* Returns: (transfer none): the chart, to add its series to */
SlChart      *sl_table_add_chart       (SlTable     *self,
                                        SlChartKind  kind,
                                        const char  *title,
                                        SlTable     *source,
                                        guint        label_column,
                                        guint        first,
                                        guint        n);
void          sl_chart_add_series      (SlChart     *chart,
                                        guint        index,
                                        guint32      color);
/* One bar in another colour (a member under the threshold, in red). */
void          sl_chart_set_point_color (SlChart     *chart,
                                        guint        category,
                                        guint32      color);
guint         sl_table_get_n_charts    (SlTable     *self);
const SlChart *sl_table_get_chart      (SlTable     *self,
                                        guint        chart);

/* Rows are filled left to right: start a row, then add its cells. */
void          sl_table_begin_row       (SlTable     *self);
void          sl_table_add_text        (SlTable     *self,
                                        const char  *text);
void          sl_table_add_alert       (SlTable     *self,
                                        const char  *text);
void          sl_table_add_date        (SlTable     *self,
                                        const char  *date);
void          sl_table_add_number      (SlTable     *self,
                                        double       number);
void          sl_table_add_percent     (SlTable     *self,
                                        double       rate);   /* NAN: empty */
guint         sl_table_get_n_rows      (SlTable     *self);
const SlCell *sl_table_get_cell        (SlTable     *self,
                                        guint        row,
                                        guint        column);

/* Lines under the table ("应到 12 人 ..."), in order. */
SlTable      *sl_table_new_band        (SlTable     *table,
                                        guint        first,
                                        guint        n_columns,
                                        gboolean     continued);

void          sl_table_add_note        (SlTable     *self,
                                        const char  *note);
const char * const *sl_table_get_notes (SlTable     *self);

/* The text of a cell as the page shows it: dates as 2023年3月5日, rates
 * as 87.5%, counts without decimals. */
char         *sl_cell_format           (const SlCell *cell);
/* A number cell that holds a whole number (a count, not a measurement). */
gboolean      sl_cell_is_whole         (const SlCell *cell);

/* On a sign-in sheet (签到表), object data: how many of its rows are the
 * people expected (应到), as GUINT_TO_POINTER; guests and blank rows follow. */
#define SL_SIGN_IN_EXPECTED_KEY "sl-sign-in-expected"

G_END_DECLS
