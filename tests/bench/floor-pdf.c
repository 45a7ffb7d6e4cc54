/* floor-pdf.c — the floor of the PDF export: the same text, bare Pango and Cairo
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * floor-pdf --database FILE --year YYYY --output FILE.pdf
 *
 * Draws one year's meetings ledger as a simple table on A4 landscape pages:
 * a title and subtitle on the first page, the thirteen columns in the
 * export's proportions, a header row repeated on every page, rows never
 * cut in half, ruled cells, and “第 x 页 共 y 页” at the foot. Every cell
 * is one PangoLayout laid out once (to measure the rows and break the
 * pages) and drawn once. The application's renderer does more (fonts
 * looked up by name with fallback, a type size that fits the columns,
 * lists packed in cells); this is what the text and the file cost.
 */

#include "config.h"

#include <cairo-pdf.h>
#include <pango/pangocairo.h>
#include <string.h>

#include "floor-data.h"

#define PAGE_WIDTH   841.89
#define PAGE_HEIGHT  595.28
#define MARGIN       42.0
#define PAD          3.0
#define FONT_SIZE    9.0

typedef struct
{
  PangoLayout *cells[FLOOR_COLUMNS];
  double       height;
} LaidRow;

static PangoLayout *
cell_layout (PangoContext               *context,
             const PangoFontDescription *font,
             const char                 *text,
             double                      width)
{
  PangoLayout *layout = pango_layout_new (context);

  pango_layout_set_font_description (layout, font);
  pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
  pango_layout_set_width (layout, pango_units_from_double (width - 2 * PAD));
  pango_layout_set_text (layout, text ? text : "", -1);
  return layout;
}

static double
lay_row (LaidRow                    *row,
         PangoContext               *context,
         const PangoFontDescription *font,
         char                      **texts,
         const double               *widths)
{
  row->height = 0;
  for (int c = 0; c < FLOOR_COLUMNS; c++)
    {
      int height;

      row->cells[c] = cell_layout (context, font, texts[c], widths[c]);
      pango_layout_get_size (row->cells[c], NULL, &height);
      row->height = MAX (row->height, pango_units_to_double (height) + 2 * PAD);
    }
  return row->height;
}

static void
draw_row (cairo_t       *cr,
          LaidRow       *row,
          const double  *widths,
          double         y)
{
  double x = MARGIN;

  for (int c = 0; c < FLOOR_COLUMNS; c++)
    {
      cairo_rectangle (cr, x, y, widths[c], row->height);
      cairo_stroke (cr);
      cairo_move_to (cr, x + PAD, y + PAD);
      pango_cairo_show_layout (cr, row->cells[c]);
      x += widths[c];
    }
}

static void
free_row (LaidRow *row)
{
  for (int c = 0; c < FLOOR_COLUMNS; c++)
    g_clear_object (&row->cells[c]);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GOptionContext) options = g_option_context_new (NULL);
  g_autoptr(GError) error = NULL;
  g_autofree char *database = NULL, *output = NULL;
  int year = 2023;
  GOptionEntry entries[] = {
    { "database", 0, 0, G_OPTION_ARG_FILENAME, &database, "The ledger", "FILE" },
    { "year", 0, 0, G_OPTION_ARG_INT, &year, "The year", "YYYY" },
    { "output", 0, 0, G_OPTION_ARG_FILENAME, &output, "The PDF", "FILE.pdf" },
    { NULL }
  };
  FloorTable *table;
  cairo_surface_t *surface;
  cairo_t *cr;
  PangoContext *context;
  PangoFontDescription *font, *bold, *big, *heading;
  PangoLayout *title, *subtitle, *note;
  double widths[FLOOR_COLUMNS], total = 0, usable = PAGE_WIDTH - 2 * MARGIN;
  LaidRow header;
  LaidRow *rows;
  g_autoptr(GArray) page_starts = g_array_new (FALSE, FALSE, sizeof (guint));
  double y, top_first, top_rest, bottom = PAGE_HEIGHT - MARGIN - 20;
  int height;

  g_option_context_add_main_entries (options, entries, NULL);
  if (!g_option_context_parse (options, &argc, &argv, &error) || !database || !output)
    {
      fprintf (stderr, "floor-pdf: --database FILE --year YYYY --output FILE.pdf\n");
      return 2;
    }

  table = floor_table_load (database, year);

  surface = cairo_pdf_surface_create (output, PAGE_WIDTH, PAGE_HEIGHT);
  cr = cairo_create (surface);
  cairo_set_line_width (cr, 0.5);
  context = pango_cairo_create_context (cr);
  /* Points, as on the page: not the screen's 96 dpi. */
  pango_cairo_context_set_resolution (context, 72);
  font = pango_font_description_from_string ("Noto Serif CJK SC");
  pango_font_description_set_size (font, FONT_SIZE * PANGO_SCALE);
  bold = pango_font_description_copy (font);
  pango_font_description_set_weight (bold, PANGO_WEIGHT_BOLD);
  big = pango_font_description_copy (bold);
  pango_font_description_set_size (big, 16 * PANGO_SCALE);
  /* The faces the application's table uses: 宋/仿宋 body, 黑体 headings. */
  heading = pango_font_description_from_string ("Noto Sans CJK SC");
  pango_font_description_set_size (heading, FONT_SIZE * PANGO_SCALE);

  for (int c = 0; c < FLOOR_COLUMNS; c++)
    total += floor_columns[c].width;
  for (int c = 0; c < FLOOR_COLUMNS; c++)
    widths[c] = usable * floor_columns[c].width / total;

  /* Lay out everything once: the title block, the header, each row. */
  title = cell_layout (context, big, table->title, usable);
  pango_layout_set_alignment (title, PANGO_ALIGN_CENTER);
  subtitle = cell_layout (context, font, table->subtitle, usable);
  note = cell_layout (context, font, table->note, usable);
  {
    char *titles[FLOOR_COLUMNS];
    for (int c = 0; c < FLOOR_COLUMNS; c++)
      titles[c] = (char *) floor_columns[c].title;
    lay_row (&header, context, heading, titles, widths);
  }
  /* Dates as the printed ledger writes them. */
  for (guint i = 0; i < table->rows->len; i++)
    {
      FloorRow *each = g_ptr_array_index (table->rows, i);
      g_free (each->cells[1]);
      each->cells[1] = g_strdup_printf ("%d年%d月%d日", each->year, each->month, each->day);
    }
  rows = g_new0 (LaidRow, table->rows->len);
  for (guint i = 0; i < table->rows->len; i++)
    lay_row (&rows[i], context, font, ((FloorRow *) g_ptr_array_index (table->rows, i))->cells, widths);

  pango_layout_get_size (title, NULL, &height);
  top_first = MARGIN + pango_units_to_double (height) + 8;
  pango_layout_get_size (subtitle, NULL, &height);
  top_first += pango_units_to_double (height) + 6;
  top_rest = MARGIN;

  /* Break the pages: a row goes whole to the next page. */
  y = top_first + header.height;
  g_array_append_val (page_starts, (guint) { 0 });
  for (guint i = 0; i < table->rows->len; i++)
    {
      if (y + rows[i].height > bottom && y > (page_starts->len == 1 ? top_first : top_rest) + header.height)
        {
          g_array_append_val (page_starts, i);
          y = top_rest + header.height;
        }
      y += rows[i].height;
    }

  for (guint page = 0; page < page_starts->len; page++)
    {
      guint first = g_array_index (page_starts, guint, page);
      guint end = page + 1 < page_starts->len ? g_array_index (page_starts, guint, page + 1)
                                              : table->rows->len;
      g_autofree char *folio = g_strdup_printf ("第 %u 页 共 %u 页", page + 1, page_starts->len);
      PangoLayout *foot = cell_layout (context, font, folio, usable);

      y = top_rest;
      if (page == 0)
        {
          cairo_move_to (cr, MARGIN, MARGIN);
          pango_cairo_show_layout (cr, title);
          cairo_move_to (cr, MARGIN, top_first - 6 - 12);
          pango_cairo_show_layout (cr, subtitle);
          y = top_first;
        }
      draw_row (cr, &header, widths, y);
      y += header.height;
      for (guint i = first; i < end; i++)
        {
          draw_row (cr, &rows[i], widths, y);
          y += rows[i].height;
        }
      if (page + 1 == page_starts->len)
        {
          cairo_move_to (cr, MARGIN, y + 6);
          pango_cairo_show_layout (cr, note);
        }
      pango_layout_set_alignment (foot, PANGO_ALIGN_CENTER);
      cairo_move_to (cr, MARGIN, PAGE_HEIGHT - MARGIN);
      pango_cairo_show_layout (cr, foot);
      g_object_unref (foot);
      cairo_show_page (cr);
    }

  cairo_destroy (cr);
  cairo_surface_finish (surface);
  if (cairo_surface_status (surface) != CAIRO_STATUS_SUCCESS)
    {
      fprintf (stderr, "floor-pdf: cannot write %s\n", output);
      return 1;
    }
  cairo_surface_destroy (surface);

  printf ("floor-pdf: rows=%u pages=%u\n", table->rows->len, page_starts->len);

  for (guint i = 0; i < table->rows->len; i++)
    free_row (&rows[i]);
  free_row (&header);
  g_free (rows);
  g_object_unref (title);
  g_object_unref (subtitle);
  g_object_unref (note);
  g_object_unref (context);
  pango_font_description_free (font);
  pango_font_description_free (bold);
  pango_font_description_free (big);
  pango_font_description_free (heading);
  floor_table_free (table);
  return 0;
}
