/* sl-table-columns.c — how wide each column of a printed table is
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The minimum and maximum width of every column at a type size, from its
 * header's words and its cells' texts, shared out over the page's width
 * by sl-table-layout.c (as browsers do for table-layout: auto). The pages
 * themselves are placed by sl-table-pages.c.
 */

#define G_LOG_DOMAIN "sl-table-pages"

#include "config.h"

#include <math.h>
#include <string.h>

#include "sl-table-layout.h"
#include "sl-table-pages-private.h"

/* Column widths ------------------------------------------------------------- */

/* The minimum and maximum width of each column at the type size, padding
 * included (sl-table-layout.c shares the page's width out from them).
 *
 * A column of short values (序号, dates, names, counts, marks) is read
 * badly broken: its minimum is its longest entry. A column of running
 * text may break wherever Pango's line breaking allows, but not inside a
 * name of a list of names, and not narrower than four characters unless
 * it holds nothing longer, nor a column whose entries are all of six
 * characters or fewer (labels); a blank column (签名, 备注 of a sign-in sheet)
 * is there to be written in and keeps at least its declared width. A
 * header breaks only between its words (sl_table_layout_header_words()). */
static void
measure_columns (Table  *t,
                 double *min,
                 double *max)
{
  g_autoptr(PangoLayout) body = sl_page_renderer_create_layout (t->renderer, SL_PAGE_FONT_BODY,
                                                                t->size, NULL, -1);
  g_autoptr(PangoLayout) heading = sl_page_renderer_create_layout (t->renderer,
                                                                   SL_PAGE_FONT_HEADING,
                                                                   t->size, NULL, -1);
  g_autoptr(GRegex) figure = g_regex_new ("^(\\d{4}年\\d{1,2}月\\d{1,2}日|[应实]到\\d+人|[\\d.]+%?)$",
                                          0, 0, NULL);
  guint n_rows = sl_table_get_n_rows (t->table);
  /* A long ledger is judged by a sample of its rows. */
  guint stride = n_rows / 400 + 1;

  for (guint c = 0; c < t->n_columns; c++)
    {
      const SlColumn *column = sl_table_get_column (t->table, c);
      g_autofree char *header = NULL;
      double run = 0, line = 0, names = 0, header_min = 0, header_max = 0, whole = 0;

      for (guint row = 0; row < n_rows; row += stride)
        {
          const SlCell *cell = sl_table_get_cell (t->table, row, c);
          g_autofree char *text = sl_cell_format (cell);
          g_auto(GStrv) list = NULL;

          sl_table_layout_measure (body, text, &run, &line);
          /* A date, a count or a rate is never broken, also as a line of
           * a text (a joined group: “《人民日报》\n2023年1月10日”). */
          if (cell != NULL && cell->kind != SL_CELL_TEXT)
            sl_table_layout_measure (body, text, NULL, &whole);
          else if (text != NULL && strchr (text, '\n') != NULL)
            {
              g_auto(GStrv) lines = g_strsplit (text, "\n", -1);

              for (guint i = 0; lines[i] != NULL; i++)
                if (g_regex_match (figure, lines[i], 0, NULL))
                  sl_table_layout_measure (body, lines[i], NULL, &whole);
            }
          if (column->wrap && (list = sl_page_text_split_list (text)) != NULL)
            for (guint i = 0; list[i] != NULL; i++)
              {
                g_autofree char *name = g_strdup (list[i]);
                char *bracket = strstr (name, "（");

                if (bracket != NULL)
                  strcpy (bracket, g_str_has_suffix (list[i], "、") ? "、" : "");
                sl_table_layout_measure (body, name, NULL, &names);
              }
        }

      header = sl_table_layout_pack_header (heading, column->title, G_MAXDOUBLE, &header_min);
      sl_table_layout_measure (heading, header, NULL, &header_max);

      /* A column of short labels only (类别 “中心组学习”, 情况 “请假（公假）”):
       * six characters or fewer are read as one word, never broken. */
      if (line > 0 && line <= 6.5 * t->size)
        whole = MAX (whole, line);

      if (line <= 0)
        {
          /* Blank: room to write in. */
          min[c] = MAX (header_min, 0.6 * column->width * t->size);
          max[c] = MAX (header_max, column->width * t->size);
        }
      else if (!column->wrap)
        {
          min[c] = MAX (MAX (header_min, whole), MAX (run, MIN (line, 5 * t->size)));
          max[c] = MAX (header_max, line);
        }
      else
        {
          min[c] = MAX (MAX (header_min, MAX (run, whole)), MAX (names, MIN (line, 4 * t->size)));
          max[c] = MAX (header_max, line);
        }
      min[c] = MAX (min[c], 1.0 * t->size) + 2 * PAD_X + 1;
      max[c] = MAX (max[c] + 2 * PAD_X + 1, min[c]);
    }
}

/* Widths for the columns at t->size, filling the page's width. Returns
 * the width they need at least: more than the page's when they do not
 * fit at this size. @comfort asks, for the larger type, that running
 * text keep eight characters a line where it has them. */
double
sl_table_pages_fit_columns (Table    *t,
                            double   *widths,
                            gboolean  comfort)
{
  g_autofree double *min = g_new (double, t->n_columns);
  g_autofree double *max = g_new (double, t->n_columns);
  double demand = 0;

  measure_columns (t, min, max);
  for (guint c = 0; c < t->n_columns; c++)
    demand += comfort && sl_table_get_column (t->table, c)->wrap
              ? MIN (max[c], MAX (min[c], 8 * t->size + 2 * PAD_X)) : min[c];
  sl_table_layout_distribute (min, max, t->n_columns, t->width, widths);

  /* Wider than the page at this size with nothing else to do: running
   * text gives up its width first (it wraps anyway, down to two
   * characters a line), and only then the rest in proportion, so that a
   * count or a rate (“100.0%”) breaks last. */
  if (demand > t->width)
    {
      double sum = 0, slack = 0, over, floor_width = 2 * t->size + 2 * PAD_X + 1;

      for (guint c = 0; c < t->n_columns; c++)
        {
          sum += widths[c];
          if (sl_table_get_column (t->table, c)->wrap)
            slack += MAX (0, widths[c] - floor_width);
        }
      over = sum - t->width;
      if (over > 0 && slack > 0)
        {
          double take = MIN (over, slack);

          for (guint c = 0; c < t->n_columns; c++)
            if (sl_table_get_column (t->table, c)->wrap && widths[c] > floor_width)
              widths[c] -= (widths[c] - floor_width) * take / slack;
          sum -= take;
        }
      if (sum > t->width)
        for (guint c = 0; c < t->n_columns; c++)
          widths[c] *= t->width / sum;
    }
  return demand;
}
