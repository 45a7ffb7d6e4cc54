/* sl-table-pages.c — ledgers and other SlTables as printed pages
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A ledger on paper: title centred, the header row at the top of every
 * page, cells wrapped inside their column, grid lines, “第 x 页 共 y 页”.
 * A row that does not fit under the rows already on a page moves to the
 * next; only a row taller than a whole page is split, between two lines
 * of its text, and goes on under the repeated header.
 *
 * Column widths come from SlColumn.width (in characters), scaled so that
 * the columns fill the width between the margins; the type size is what
 * those widths allow (7.5 to 10.5 pt), so a ledger of seventeen columns
 * still fits across A4 landscape; a matrix of many short columns goes
 * down to 6 pt rather than break its names and rates.
 */

#define G_LOG_DOMAIN "sl-table-pages"

#include "config.h"

#include <math.h>
#include <string.h>

#include "sl-page-signatures.h"
#include "sl-table-layout.h"
#include "sl-table-pages.h"
#include "sl-table-pages-private.h"


struct _SlTablePages
{
  SlPageRenderer  parent_instance;

  /* owned */
  GPtrArray      *tables;
};

G_DEFINE_FINAL_TYPE (SlTablePages, sl_table_pages, SL_TYPE_PAGE_RENDERER)


static void
cell_init (Cell        *cell,
           PangoLayout *layout)
{
  cell->layout = layout;
  cell->n_lines = pango_layout_get_line_count (layout);
  cell->tops = g_new (double, cell->n_lines);
  cell->bottoms = g_new (double, cell->n_lines);
  cell->done = 0;
  for (int i = 0; i < cell->n_lines; i++)
    sl_page_layout_get_line_extents (layout, i, &cell->tops[i], NULL, &cell->bottoms[i]);
}

static void
cell_clear (Cell *cell)
{
  g_clear_object (&cell->layout);
  g_clear_pointer (&cell->tops, g_free);
  g_clear_pointer (&cell->bottoms, g_free);
}

static double
cell_height (const Cell *cell)
{
  return cell->n_lines > 0 ? cell->bottoms[cell->n_lines - 1] - cell->tops[0] : 0;
}

static double
column_width (Table *t,
              guint  column)
{
  return t->column_x[column + 1] - t->column_x[column];
}

static PangoLayout *
create_cell_layout (Table        *t,
                    guint         column,
                    SlPageFont    font,
                    const char   *text,
                    PangoAlignment alignment)
{
  PangoLayout *layout = sl_page_renderer_create_layout (t->renderer, font, t->size, text,
                                                        column_width (t, column) - 2 * PAD_X);

  pango_layout_set_alignment (layout, alignment);
  return layout;
}

/* Draws the rules of the part of the table on this page. */
static void
finish_segment (Table *t)
{
  double bottom;

  if (t->rules->len == 0)
    return;

  bottom = g_array_index (t->rules, double, t->rules->len - 1);
  for (guint i = 0; i < t->rules->len; i++)
    {
      double y = g_array_index (t->rules, double, i);
      gboolean outer = i == 0 || i == t->rules->len - 1;

      sl_page_renderer_add_line (t->renderer, t->x, y, t->x + t->width, y,
                                 outer ? 1.0 : 0.5, RULE, FALSE);
    }
  for (guint c = 0; c <= t->n_columns; c++)
    {
      gboolean outer = c == 0 || c == t->n_columns;

      sl_page_renderer_add_line (t->renderer, t->column_x[c], t->segment_top,
                                 t->column_x[c], bottom, outer ? 1.0 : 0.5, RULE, FALSE);
    }

  g_array_set_size (t->rules, 0);
}

static void
place_header (Table *t)
{
  double y = sl_page_renderer_get_y (t->renderer);

  t->segment_top = y;
  g_array_append_val (t->rules, y);

  sl_page_renderer_add_rect (t->renderer, t->x, y, t->width, t->header_height, HEADER_FILL);
  for (guint c = 0; c < t->n_columns; c++)
    {
      PangoLayout *layout = g_ptr_array_index (t->header, c);
      double height = sl_page_layout_get_height (layout);

      sl_page_renderer_add_text (t->renderer, layout, t->column_x[c] + PAD_X,
                                 y + (t->header_height - height) / 2);
    }

  y += t->header_height;
  g_array_append_val (t->rules, y);
  sl_page_renderer_set_y (t->renderer, y);
}

static void
next_page (Table *t)
{
  finish_segment (t);
  sl_page_renderer_add_page (t->renderer, sl_page_renderer_is_landscape (t->renderer));
  place_header (t);
}

/* A whole row at the position, each cell centred in the row's height. */
static void
place_row (Table  *t,
           Cell   *cells,
           double  height)
{
  double y = sl_page_renderer_get_y (t->renderer);

  for (guint c = 0; c < t->n_columns; c++)
    {
      if (cells[c].n_lines == 0)
        continue;
      sl_page_renderer_add_text (t->renderer, cells[c].layout, t->column_x[c] + PAD_X,
                                 y + (height - cell_height (&cells[c])) / 2);
      cells[c].done = cells[c].n_lines;
    }

  y += height;
  g_array_append_val (t->rules, y);
  sl_page_renderer_set_y (t->renderer, y);
}

/* As much of each cell as fits above the page's foot, between lines of
 * text. Returns FALSE when not one line fits. */
static gboolean
place_row_part (Table    *t,
                Cell     *cells,
                gboolean  force,
                double    keep)
{
  double y = sl_page_renderer_get_y (t->renderer);
  double room = sl_page_renderer_get_bottom (t->renderer) - y - 2 * PAD_Y;
  double height = 0, rest = 0;
  gboolean placed = FALSE;

  /* The end of the row would fit here, but not with what must stay with
   * it (the notes, the signatures): some of its lines go over with them. */
  for (guint c = 0; c < t->n_columns; c++)
    if (cells[c].done < cells[c].n_lines)
      rest = MAX (rest, cells[c].bottoms[cells[c].n_lines - 1] - cells[c].tops[cells[c].done]);
  if (keep > 0 && rest <= room + 0.01 && rest + keep > room + 0.01)
    room = MAX (room - keep, MIN (rest / 2, room));

  for (guint c = 0; c < t->n_columns; c++)
    {
      Cell *cell = &cells[c];
      int fit = 0;

      while (cell->done + fit < cell->n_lines
             && cell->bottoms[cell->done + fit] - cell->tops[cell->done] <= room + 0.01)
        fit++;
      if (fit == 0 && force && cell->done < cell->n_lines)
        fit = 1;
      /* Not a single line of the cell left over for the next page. */
      if (fit >= 3 && cell->n_lines - cell->done - fit == 1)
        fit--;
      if (fit == 0)
        continue;

      sl_page_renderer_add_text_lines (t->renderer, cell->layout, cell->done, fit,
                                       t->column_x[c] + PAD_X, y + PAD_Y);
      height = MAX (height, cell->bottoms[cell->done + fit - 1] - cell->tops[cell->done]);
      cell->done += fit;
      placed = TRUE;
    }

  if (!placed)
    return FALSE;

  y += height + 2 * PAD_Y;
  g_array_append_val (t->rules, y);
  sl_page_renderer_set_y (t->renderer, y);
  return TRUE;
}

static gboolean
row_is_done (Table *t,
             Cell  *cells)
{
  for (guint c = 0; c < t->n_columns; c++)
    if (cells[c].done < cells[c].n_lines)
      return FALSE;
  return TRUE;
}

static double
row_height (Table *t,
            Cell  *cells)
{
  double height = 0;

  for (guint c = 0; c < t->n_columns; c++)
    height = MAX (height, cell_height (&cells[c]));
  return MAX (height + 2 * PAD_Y, t->style->min_row_height);
}

static void
build_cells (Table *t,
             guint  row,
             Cell  *cells)
{
  for (guint c = 0; c < t->n_columns; c++)
    {
      const SlColumn *column = sl_table_get_column (t->table, c);
      const SlCell *cell = sl_table_get_cell (t->table, row, c);
      g_autofree char *formatted = sl_cell_format (cell);
      g_autofree char *text = sl_page_renderer_pack_list (t->renderer, SL_PAGE_FONT_BODY, t->size,
                                                          formatted,
                                                          column_width (t, c) - 2 * PAD_X);

      g_autofree char *key = g_strdup_printf ("%u:%s", c, text);
      PangoLayout *layout = t->cells != NULL ? g_hash_table_lookup (t->cells, key) : NULL;

      /* A page keeps every layout drawn on it until the whole document
       * is drawn, and a matrix repeats a few texts in thousands of cells
       * (the year's attendance of 500 meetings × 312 members: “√”): one
       * layout per column and text, not per cell, is most of the memory
       * of such a table. A cell's layout is never changed once made. */
      if (layout == NULL)
        {
          layout = create_cell_layout (t, c, SL_PAGE_FONT_BODY, text,
                                       column->wrap ? PANGO_ALIGN_LEFT : PANGO_ALIGN_CENTER);
          if (t->cells != NULL)
            g_hash_table_insert (t->cells, g_steal_pointer (&key), g_object_ref (layout));
        }
      else
        g_object_ref (layout);
      cell_init (&cells[c], layout);
    }
}

/* @keep: what must stay on the page under the row (the notes, under the
 * last row). */
static void
lay_out_row (Table    *t,
             Cell     *cells,
             double    keep,
             gboolean  break_before)
{
  double height = row_height (t, cells);
  double y = sl_page_renderer_get_y (t->renderer);
  double bottom = sl_page_renderer_get_bottom (t->renderer);
  double page_room = bottom - sl_page_renderer_get_top (t->renderer) - t->header_height;
  gboolean rows_on_page = t->rules->len > 2;

  if (break_before && rows_on_page)
    {
      next_page (t);
      y = sl_page_renderer_get_y (t->renderer);
      rows_on_page = FALSE;
    }

  if (y + height <= bottom + 0.01)
    {
      if (keep > 0 && y + height + keep > bottom + 0.01 && rows_on_page
          && height + keep <= page_room)
        next_page (t);
      place_row (t, cells, height);
      return;
    }

  /* It does not fit here. A row that fits on a page goes whole onto the
   * next; one taller than any page is split anyway, and starts here if a
   * few of its lines fit, rather than leave the rest of the page empty. */
  if (height <= page_room + 0.01)
    {
      next_page (t);
      place_row (t, cells, height);
      return;
    }
  if (rows_on_page && bottom - y - 2 * PAD_Y < 3 * 1.45 * t->size)
    next_page (t);

  while (TRUE)
    {
      gboolean fresh = t->rules->len <= 2;

      if (!place_row_part (t, cells, fresh, keep) && !fresh)
        {
          next_page (t);
          continue;
        }
      if (row_is_done (t, cells))
        break;
      next_page (t);
    }
}

/* Where the pages of the rows would break, from the position under the
 * header, as lay_out_row() breaks them; then, when the last page would
 * hold only one or two rows, a break moved back so that it holds three
 * (a lone row under a repeated header looks like a leftover, and an
 * inspector turning to the last page wants the table's end in context).
 * @keep is what must stay under the last row. Sets t->breaks. */
static void
plan_breaks (Table  *t,
             double  keep)
{
  guint n_rows = sl_table_get_n_rows (t->table);
  g_autofree double *heights = g_new (double, n_rows);
  double top = sl_page_renderer_get_top (t->renderer) + t->header_height;
  double bottom = sl_page_renderer_get_bottom (t->renderer);
  double page_room = bottom - top;
  double y = sl_page_renderer_get_y (t->renderer), tail = keep;
  guint rows_on_page = 0, last_start = 0, previous_start = 0, n_pages = 1, moved;

  for (guint row = 0; row < n_rows; row++)
    {
      g_autofree Cell *cells = g_new0 (Cell, t->n_columns);

      build_cells (t, row, cells);
      heights[row] = row_height (t, cells);
      for (guint c = 0; c < t->n_columns; c++)
        cell_clear (&cells[c]);
      /* A row taller than a page is split anyway: no plan. */
      if (heights[row] > page_room + 0.01)
        return;
    }

  for (guint row = 0; row < n_rows; row++)
    {
      double k = row + 1 == n_rows ? keep : 0;

      if (y + heights[row] > bottom + 0.01 ||
          (k > 0 && y + heights[row] + k > bottom + 0.01 && rows_on_page > 0 &&
           heights[row] + k <= page_room))
        {
          previous_start = last_start;
          last_start = row;
          n_pages++;
          y = top;
          rows_on_page = 0;
        }
      y += heights[row];
      rows_on_page++;
    }

  if (n_pages < 2 || n_rows - last_start >= 3 || n_rows < 3)
    return;

  /* Three rows if the pages allow it; else, with rows so tall that a page
   * holds four, two rather than one. */
  for (guint want = 3; want > n_rows - last_start; want--)
    {
      moved = n_rows - want;
      /* The page before must keep three rows too, unless it is the first. */
      if (moved <= previous_start || (n_pages > 2 && moved - previous_start < 3))
        continue;
      tail = keep;
      for (guint row = moved; row < n_rows; row++)
        tail += heights[row];
      if (tail > page_room + 0.01)
        continue;

      t->breaks[moved] = TRUE;
      return;
    }
}

/* A subtitle too long for one line (“时间：…　　地点：…　　主题：…”) breaks
 * between its fields, which it separates with ideographic spaces, not
 * inside one. */
static char *
pack_fields (SlPageRenderer *renderer,
             const char     *text,
             double          size,
             double          width)
{
  g_autoptr(PangoLayout) probe = sl_page_renderer_create_layout (renderer, SL_PAGE_FONT_BODY,
                                                                 size, text, -1);
  g_autoptr(GRegex) separator = g_regex_new ("\u3000{2,}", 0, 0, NULL);
  g_auto(GStrv) fields = NULL;
  g_autoptr(GString) packed = g_string_new (NULL);
  g_autoptr(GString) line = g_string_new (NULL);

  if (sl_page_layout_get_width (probe) <= width)
    return g_strdup (text);

  fields = g_regex_split (separator, text, 0);
  for (guint i = 0; fields[i] != NULL; i++)
    {
      g_autofree char *tried = line->len > 0 ? g_strconcat (line->str, "　　", fields[i], NULL)
                                             : g_strdup (fields[i]);

      pango_layout_set_text (probe, tried, -1);
      if (line->len > 0 && sl_page_layout_get_width (probe) > width)
        {
          g_string_append_printf (packed, "%s%s", packed->len ? "\n" : "", line->str);
          g_string_assign (line, fields[i]);
        }
      else
        g_string_assign (line, tried);
    }
  g_string_append_printf (packed, "%s%s", packed->len ? "\n" : "", line->str);

  return g_string_free (g_steal_pointer (&packed), FALSE);
}

static double
caption_height (Table       *t,
                PangoLayout *title,
                PangoLayout *subtitle)
{
  double height = 0;

  if (title != NULL)
    height += sl_page_layout_get_height (title) + 6;
  if (subtitle != NULL)
    height += sl_page_layout_get_height (subtitle) + 6;
  return height;
}

static void
place_caption (Table       *t,
               PangoLayout *title,
               PangoLayout *subtitle)
{
  double y = sl_page_renderer_get_y (t->renderer);

  if (title != NULL)
    {
      sl_page_renderer_add_text (t->renderer, title, t->x, y);
      y += sl_page_layout_get_height (title) + 6;
    }
  if (subtitle != NULL)
    {
      sl_page_renderer_add_text (t->renderer, subtitle, t->x, y);
      y += sl_page_layout_get_height (subtitle) + 6;
    }
  sl_page_renderer_set_y (t->renderer, y);
}

/* A matrix too wide for the page even in the smallest type (the
 * attendance of a year's hundreds of meetings) is printed as @n_bands
 * tables of columns, one after the other, each with the key columns
 * (number, name) on its left, rather than squeezed into columns no one can
 * read. */
static void
append_bands (SlPageRenderer     *renderer,
              SlTable            *table,
              const SlTableStyle *style,
              double              size,
              guint               n_bands)
{
  guint key = sl_table_get_key_columns (table);
  guint rest = sl_table_get_n_columns (table) - key;
  guint per_band = (rest + n_bands - 1) / n_bands;

  for (guint first = key; first < key + rest; first += per_band)
    {
      g_autoptr(SlTable) band = sl_table_new_band (table, first, MIN (per_band, key + rest - first),
                                                   first > key);
      SlTableStyle band_style = *style;

      /* One type size for all the bands, the one they were cut for; what
       * closes the table closes its last band. */
      band_style.font_size = size;
      if (first + per_band < key + rest)
        band_style.keep_with_end = 0;
      /* A continued band's title stands clear of the band above it. */
      if (first > key && sl_page_renderer_get_y (renderer) > sl_page_renderer_get_top (renderer) + 1)
        sl_page_renderer_set_y (renderer, sl_page_renderer_get_y (renderer) + 18);
      sl_table_pages_append (renderer, band, &band_style);
    }
}

void
sl_table_pages_append (SlPageRenderer     *renderer,
                       SlTable            *table,
                       const SlTableStyle *style)
{
  static const SlTableStyle default_style = { .caption = SL_TABLE_CAPTION_TITLE };
  g_autoptr(PangoLayout) title = NULL;
  g_autoptr(PangoLayout) subtitle = NULL;
  g_autofree double *column_x = NULL;
  g_autofree double *widths = NULL;
  g_autofree char *balanced = NULL;
  g_autoptr(GPtrArray) header = NULL;
  g_autoptr(GPtrArray) note_layouts = NULL;
  g_autoptr(GArray) rules = NULL;
  g_autoptr(GHashTable) cell_cache = NULL;
  g_autofree gboolean *breaks = NULL;
  g_autoptr(SlTable) joined = NULL;
  const char *subtitle_text;
  const char * const *notes;
  double notes_height = 0, demand = 0, x;
  guint n_rows;
  Table t = { 0 };

  g_return_if_fail (SL_IS_PAGE_RENDERER (renderer));
  g_return_if_fail (SL_IS_TABLE (table));

  if (style == NULL)
    style = &default_style;

  /* A page keeps the ledger's one column where a spreadsheet splits it
   * into real numbers and dates (应到/实到). */
  joined = sl_table_join_groups (table);
  table = joined;

  t.renderer = renderer;
  t.table = table;
  t.style = style;
  t.n_columns = sl_table_get_n_columns (table);
  t.x = sl_page_renderer_get_left (renderer);
  t.width = sl_page_renderer_get_width (renderer);
  n_rows = sl_table_get_n_rows (table);

  if (t.n_columns == 0)
    return;

  /* 五号 where the columns fit in it, 9 pt otherwise; a matrix still too
   * wide at 9 pt goes in bands rather than into smaller type. */
  widths = g_new (double, t.n_columns);
  if (style->font_size > 0)
    {
      /* The size asked for, or 9 pt when the columns do not fit in it:
       * smaller type rather than numbers and headers broken mid-word. */
      t.size = style->font_size;
      demand = sl_table_pages_fit_columns (&t, widths, FALSE);
      if (demand > t.width + 0.5 && t.size > SIZE_SMALL)
        {
          t.size = SIZE_SMALL;
          demand = sl_table_pages_fit_columns (&t, widths, FALSE);
        }
    }
  else
    {
      t.size = SIZE_LARGE;
      demand = sl_table_pages_fit_columns (&t, widths, TRUE);
      if (demand > t.width + 0.5)
        {
          t.size = SIZE_SMALL;
          demand = sl_table_pages_fit_columns (&t, widths, FALSE);
        }
    }

  /* Still too wide: in bands, each of which fits. */
  if (style->font_size <= 0 && demand > t.width + 0.5 &&
      sl_table_get_key_columns (table) > 0 &&
      sl_table_get_key_columns (table) + 1 < t.n_columns)
    {
      append_bands (renderer, table, style, t.size, (guint) ceil (demand / t.width * 1.1));
      return;
    }

  column_x = g_new (double, t.n_columns + 1);
  x = t.x;
  for (guint c = 0; c < t.n_columns; c++)
    {
      column_x[c] = x;
      x += widths[c];
    }
  column_x[t.n_columns] = t.x + t.width;
  t.column_x = column_x;

  header = g_ptr_array_new_with_free_func (g_object_unref);
  for (guint c = 0; c < t.n_columns; c++)
    {
      g_autoptr(PangoLayout) probe = sl_page_renderer_create_layout (renderer,
                                                                     SL_PAGE_FONT_HEADING,
                                                                     t.size, NULL, -1);
      g_autofree char *packed = sl_table_layout_pack_header (probe,
                                                             sl_table_get_column (table, c)->title,
                                                             column_width (&t, c) - 2 * PAD_X,
                                                             NULL);
      PangoLayout *layout = create_cell_layout (&t, c, SL_PAGE_FONT_HEADING, packed,
                                                PANGO_ALIGN_CENTER);

      /* A word wider than its column still breaks, between characters. */
      pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);

      t.header_height = MAX (t.header_height, sl_page_layout_get_height (layout));
      g_ptr_array_add (header, layout);
    }
  t.header_height += 2 * PAD_Y;
  t.header = header;
  rules = g_array_new (FALSE, FALSE, sizeof (double));
  t.rules = rules;
  cell_cache = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_object_unref);
  t.cells = cell_cache;
  breaks = g_new0 (gboolean, MAX (n_rows, 1));
  t.breaks = breaks;

  /* The caption */
  subtitle_text = sl_table_get_subtitle (table);
  switch (style->caption)
    {
    case SL_TABLE_CAPTION_NONE:
      break;

    case SL_TABLE_CAPTION_TITLE:
      balanced = sl_page_renderer_balance_lines (renderer, SL_PAGE_FONT_TITLE, 18,
                                                 sl_table_get_title (table), t.width);
      title = sl_page_renderer_create_layout (renderer, SL_PAGE_FONT_TITLE, 18, balanced, t.width);
      pango_layout_set_alignment (title, PANGO_ALIGN_CENTER);
      if (subtitle_text != NULL && *subtitle_text != '\0')
        {
          g_autofree char *packed = pack_fields (renderer, subtitle_text, 12, t.width);

          subtitle = sl_page_renderer_create_layout (renderer, SL_PAGE_FONT_BODY, 12,
                                                     packed, t.width);
          pango_layout_set_alignment (subtitle, PANGO_ALIGN_CENTER);
        }
      break;

    case SL_TABLE_CAPTION_HEADING:
      title = sl_page_renderer_create_layout (renderer, SL_PAGE_FONT_HEADING, 14,
                                              style->heading != NULL ? style->heading
                                                                     : sl_table_get_title (table),
                                              t.width);
      /* Inside a document, which states the period and the unit once. */
      break;

    default:
      g_assert_not_reached ();
    }

  /* The notes go under the table, with its last row. */
  note_layouts = g_ptr_array_new_with_free_func (g_object_unref);
  notes = sl_table_get_notes (table);
  for (guint i = 0; !style->hide_notes && notes != NULL && notes[i] != NULL; i++)
    {
      PangoLayout *layout = sl_page_renderer_create_layout (renderer, SL_PAGE_FONT_BODY,
                                                            MAX (t.size, 10.5), notes[i], t.width);

      notes_height += (i == 0 ? 6 : 2) + sl_page_layout_get_height (layout);
      g_ptr_array_add (note_layouts, layout);
    }

  if (n_rows == 0)
    {
      /* The header and one row that says so: an empty ledger is a fact
       * an inspection wants to see, not a blank page. */
      g_autoptr(PangoLayout) none = sl_page_renderer_create_layout (renderer, SL_PAGE_FONT_BODY,
                                                                    t.size, "（无记录）",
                                                                    t.width - 2 * PAD_X);
      double height = sl_page_layout_get_height (none) + 2 * PAD_Y;
      double y;

      pango_layout_set_alignment (none, PANGO_ALIGN_CENTER);
      height = MAX (height, style->min_row_height);
      sl_page_renderer_ensure_space (renderer, caption_height (&t, title, subtitle)
                                               + t.header_height + height
                                               + style->keep_with_end);
      place_caption (&t, title, subtitle);
      place_header (&t);
      finish_segment (&t);

      /* One cell across all the columns. */
      y = sl_page_renderer_get_y (renderer);
      sl_page_renderer_add_text (renderer, none, t.x + PAD_X,
                                 y + (height - sl_page_layout_get_height (none)) / 2);
      sl_page_renderer_add_line (renderer, t.x, y, t.x, y + height, 1.0, RULE, FALSE);
      sl_page_renderer_add_line (renderer, t.x + t.width, y, t.x + t.width, y + height,
                                 1.0, RULE, FALSE);
      sl_page_renderer_add_line (renderer, t.x, y + height, t.x + t.width, y + height,
                                 1.0, RULE, FALSE);
      sl_page_renderer_set_y (renderer, y + height);
    }
  else
    {
      for (guint row = 0; row < n_rows; row++)
        {
          g_autofree Cell *cells = g_new0 (Cell, t.n_columns);

          build_cells (&t, row, cells);
          if (row == 0)
            {
              /* Caption, header and the first three rows stay together:
               * a table does not start with one or two rows at a page's
               * foot (issue 14: “七” split two rows from eleven). */
              double first = row_height (&t, cells);

              for (guint r = 1; r < MIN (n_rows, 3); r++)
                {
                  g_autofree Cell *more = g_new0 (Cell, t.n_columns);

                  build_cells (&t, r, more);
                  first += row_height (&t, more);
                  for (guint c = 0; c < t.n_columns; c++)
                    cell_clear (&more[c]);
                }
              first = MIN (first, sl_page_renderer_get_bottom (renderer)
                                  - sl_page_renderer_get_top (renderer)
                                  - caption_height (&t, title, subtitle) - t.header_height);

              sl_page_renderer_ensure_space (renderer, caption_height (&t, title, subtitle)
                                                       + t.header_height + first);
              place_caption (&t, title, subtitle);
              place_header (&t);
              plan_breaks (&t, notes_height + style->keep_with_end);
            }
          lay_out_row (&t, cells, row + 1 == n_rows ? notes_height + style->keep_with_end : 0,
                       t.breaks[row]);
          for (guint c = 0; c < t.n_columns; c++)
            cell_clear (&cells[c]);
        }
      finish_segment (&t);
    }

  /* The notes */
  if (note_layouts->len > 0)
    {
      sl_page_renderer_set_y (renderer, sl_page_renderer_get_y (renderer) + 6);
      for (guint i = 0; i < note_layouts->len; i++)
        {
          sl_page_renderer_flow (renderer, g_ptr_array_index (note_layouts, i), t.x);
          sl_page_renderer_set_y (renderer, sl_page_renderer_get_y (renderer) + 2);
        }
    }
}

void
sl_table_pages_set_margins (SlPageRenderer *renderer,
                            gboolean        landscape)
{
  if (landscape)
    sl_page_renderer_set_margins (renderer, 15 * SL_PAGE_MM, 15 * SL_PAGE_MM,
                                  15 * SL_PAGE_MM, 20 * SL_PAGE_MM);
  else
    sl_page_renderer_set_margins (renderer, 20 * SL_PAGE_MM, 15 * SL_PAGE_MM,
                                  18 * SL_PAGE_MM, 25 * SL_PAGE_MM);
}

static guint
sl_table_pages_layout (SlPageRenderer *renderer,
                       PangoContext   *context,
                       double          page_width,
                       double          page_height)
{
  SlTablePages *self = SL_TABLE_PAGES (renderer);
  SlTableStyle style = { .caption = SL_TABLE_CAPTION_TITLE };

  /* Every ledger closes with who filled it in, checked it and answers for
   * it, and the unit's seal. */
  style.keep_with_end = sl_page_signatures_height (renderer);
  for (guint i = 0; i < self->tables->len; i++)
    {
      SlTable *table = g_ptr_array_index (self->tables, i);
      gboolean landscape = sl_table_get_landscape (table);

      sl_table_pages_set_margins (renderer, landscape);
      sl_page_renderer_set_footer (renderer, SL_PAGE_FOOTER_PAGE_OF_TOTAL);
      sl_page_renderer_restart_numbering (renderer);
      sl_page_renderer_add_page (renderer, landscape);
      sl_table_pages_append (renderer, table, &style);
      sl_page_signatures_append (renderer);
    }

  if (sl_page_renderer_get_page_count (renderer) == 0)
    sl_page_renderer_add_page (renderer, FALSE);

  return sl_page_renderer_get_page_count (renderer);
}

static void
sl_table_pages_finalize (GObject *object)
{
  SlTablePages *self = SL_TABLE_PAGES (object);

  g_clear_pointer (&self->tables, g_ptr_array_unref);

  G_OBJECT_CLASS (sl_table_pages_parent_class)->finalize (object);
}

static void
sl_table_pages_class_init (SlTablePagesClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  SlPageRendererClass *renderer_class = SL_PAGE_RENDERER_CLASS (klass);

  object_class->finalize = sl_table_pages_finalize;
  renderer_class->layout = sl_table_pages_layout;
}

static void
sl_table_pages_init (SlTablePages *self)
{
  self->tables = g_ptr_array_new_with_free_func (g_object_unref);
}

SlTablePages *
sl_table_pages_new (GPtrArray *tables)
{
  SlTablePages *self;

  g_return_val_if_fail (tables != NULL, NULL);

  self = g_object_new (SL_TYPE_TABLE_PAGES, NULL);
  for (guint i = 0; i < tables->len; i++)
    g_ptr_array_add (self->tables, g_object_ref (g_ptr_array_index (tables, i)));
  if (tables->len > 0)
    sl_page_renderer_set_title (SL_PAGE_RENDERER (self),
                                sl_table_get_title (g_ptr_array_index (tables, 0)));

  return self;
}
