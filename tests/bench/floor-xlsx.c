/* floor-xlsx.c — the floor of the xlsx export: the same cells, bare libxlsxwriter
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * floor-xlsx --database FILE --year YYYY --output FILE.xlsx
 *
 * Writes one year's meetings ledger as `study-ledger export meetings-ledger
 * --format xlsx` does: merged title and subtitle, a bold header, the same
 * thirteen columns and widths, wrapped bordered cells in 宋体, real date
 * cells, numbers as numbers, frozen header, A4 landscape fitted to the
 * page width with the header repeated. Nothing else: no SlLedger, no
 * temporary file renamed into place.
 */

#include "config.h"

#include <string.h>
#include <xlsxwriter.h>

#include "floor-data.h"

static lxw_format *
cell_format (lxw_workbook *workbook,
             gboolean      wrap,
             const char   *num_format)
{
  lxw_format *format = workbook_add_format (workbook);

  format_set_font_name (format, "宋体");
  format_set_font_size (format, 10.5);
  format_set_align (format, LXW_ALIGN_VERTICAL_CENTER);
  format_set_border (format, LXW_BORDER_THIN);
  if (wrap)
    format_set_text_wrap (format);
  if (num_format)
    format_set_num_format (format, num_format);
  return format;
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GOptionContext) context = g_option_context_new (NULL);
  g_autoptr(GError) error = NULL;
  g_autofree char *database = NULL, *output = NULL;
  int year = 2023;
  GOptionEntry entries[] = {
    { "database", 0, 0, G_OPTION_ARG_FILENAME, &database, "The ledger", "FILE" },
    { "year", 0, 0, G_OPTION_ARG_INT, &year, "The year", "YYYY" },
    { "output", 0, 0, G_OPTION_ARG_FILENAME, &output, "The workbook", "FILE.xlsx" },
    { NULL }
  };
  FloorTable *table;
  lxw_workbook *workbook;
  lxw_worksheet *sheet;
  lxw_format *title, *header, *text, *wrapped, *number, *date;
  int row = 0;

  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error) || !database || !output)
    {
      fprintf (stderr, "floor-xlsx: --database FILE --year YYYY --output FILE.xlsx\n");
      return 2;
    }

  table = floor_table_load (database, year);

  workbook = workbook_new (output);
  sheet = workbook_add_worksheet (workbook, "会议学习台账");
  title = workbook_add_format (workbook);
  format_set_font_name (title, "宋体");
  format_set_font_size (title, 16);
  format_set_bold (title);
  format_set_align (title, LXW_ALIGN_CENTER);
  header = cell_format (workbook, TRUE, NULL);
  format_set_bold (header);
  format_set_bg_color (header, 0xF2F2F2);
  format_set_align (header, LXW_ALIGN_CENTER);
  text = cell_format (workbook, FALSE, NULL);
  wrapped = cell_format (workbook, TRUE, NULL);
  number = cell_format (workbook, FALSE, "0");
  date = cell_format (workbook, FALSE, "yyyy-mm-dd");

  worksheet_merge_range (sheet, row, 0, row, FLOOR_COLUMNS - 1, table->title, title);
  row++;
  worksheet_merge_range (sheet, row, 0, row, FLOOR_COLUMNS - 1, table->subtitle, text);
  row++;
  for (int c = 0; c < FLOOR_COLUMNS; c++)
    {
      worksheet_set_column (sheet, c, c, floor_columns[c].width * 2.2, NULL);
      worksheet_write_string (sheet, row, c, floor_columns[c].title, header);
    }
  worksheet_freeze_panes (sheet, row + 1, 0);
  worksheet_repeat_rows (sheet, row, row);
  row++;

  for (guint i = 0; i < table->rows->len; i++, row++)
    {
      FloorRow *each = g_ptr_array_index (table->rows, i);

      for (int c = 0; c < FLOOR_COLUMNS; c++)
        {
          const char *cell = each->cells[c] ? each->cells[c] : "";

          if (c == 0 || (c >= 7 && c <= 10))
            worksheet_write_number (sheet, row, c, g_ascii_strtod (cell, NULL), number);
          else if (c == 1)
            {
              lxw_datetime when = { each->year, each->month, each->day, 0, 0, 0 };
              worksheet_write_datetime (sheet, row, c, &when, date);
            }
          else if (*cell == '\0')
            worksheet_write_blank (sheet, row, c, floor_columns[c].wrap ? wrapped : text);
          else
            worksheet_write_string (sheet, row, c, cell, floor_columns[c].wrap ? wrapped : text);
        }
    }
  worksheet_merge_range (sheet, row, 0, row, FLOOR_COLUMNS - 1, table->note, wrapped);

  worksheet_set_landscape (sheet);
  worksheet_set_paper (sheet, 9);
  worksheet_fit_to_pages (sheet, 1, 0);

  if (workbook_close (workbook) != LXW_NO_ERROR)
    {
      fprintf (stderr, "floor-xlsx: cannot write %s\n", output);
      return 1;
    }

  printf ("floor-xlsx: rows=%u\n", table->rows->len);
  floor_table_free (table);
  return 0;
}
