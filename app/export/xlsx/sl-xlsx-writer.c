/* sl-xlsx-writer.c — document tables as an Excel workbook
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * One worksheet per SlTable, laid out the way a ledger is printed and
 * filed:
 *
 *   row 0          the title, merged across the table, bold
 *   row 1          the subtitle (unit and period), when there is one
 *   header row     bold, bordered, wrapped; frozen, and repeated at the top
 *                  of every printed page; two rows when columns are grouped
 *                  (应到 | 实到 under a merged 参加人员（应到/实到）)
 *   body           bordered, wrapped cells: real dates (yyyy"年"m"月"d"日"),
 *                  numbers as numbers, rates as 0.0%
 *   notes          merged lines under the table
 *   charts         a table's SlCharts, native Excel charts of another
 *                  sheet's cells, each under its heading on a page of its own
 *
 * printed on A4, landscape when the table says so, fit to the page width,
 * centred, with “第 x 页 共 y 页” in the footer.
 *
 * Every row gets a height estimated here from its text and the column
 * widths: LibreOffice does not fit rows of wrapped text when it opens a
 * file, and nobody fits merged rows (title, notes). The estimate errs on
 * the tall side (a CJK font with generous leading, Latin letters at half a
 * character), since a row too tall costs white space and a row too short
 * hides text on the printed page.
 *
 * constant_memory mode is not used: a document is one year of one ledger,
 * a few thousand rows at most, where the normal mode's memory does not
 * matter, and the normal mode keeps shared strings (smaller files) and
 * places no order on how rows are written.
 */

#define G_LOG_DOMAIN "sl-xlsx-writer"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <stdio.h>
#include <string.h>
#include <xlsxwriter.h>

#include "sl-column-widths.h"
#include "sl-document-types.h"
#include "sl-xlsx-writer.h"

/* Excel limits a worksheet name to 31 characters. */
#define SHEET_NAME_MAX 31

/* 五号 (10.5 pt), the body size of Chinese office documents. */
#define BODY_SIZE   10.5
#define TITLE_SIZE  16.0
/* Points per line of body text, with leading, and around the lines. */
#define LINE_HEIGHT 15.0
#define ROW_PADDING 4.0

typedef struct
{
  lxw_format *title;
  lxw_format *subtitle;
  lxw_format *header;
  lxw_format *text_left;
  lxw_format *text_centre;
  lxw_format *alert_left;
  lxw_format *alert_centre;
  lxw_format *date;
  lxw_format *number;
  lxw_format *percent;
  lxw_format *note;
  lxw_format *section;
} Formats;

/* Where a table went: charts of another sheet refer to its cells. */
typedef struct
{
  lxw_worksheet *sheet;
  char          *name;
  lxw_row_t      header;      /* the header row over the body */
  lxw_row_t      end;         /* the first row after the notes */
  lxw_col_t      last_column;
  double         pixels;      /* the columns' width on screen */
} Placement;

static void
placement_free (gpointer data)
{
  Placement *placement = data;

  g_free (placement->name);
  g_free (placement);
}

static lxw_format *
add_format (lxw_workbook *workbook,
            double        size)
{
  lxw_format *format = workbook_add_format (workbook);

  /* The font every Chinese office suite has under this name; elsewhere
   * the application substitutes a CJK serif. */
  format_set_font_name (format, "宋体");
  format_set_font_size (format, size);
  format_set_align (format, LXW_ALIGN_VERTICAL_CENTER);
  return format;
}

static lxw_format *
add_cell_format (lxw_workbook  *workbook,
                 uint8_t        align,
                 const char    *num_format)
{
  lxw_format *format = add_format (workbook, BODY_SIZE);

  format_set_border (format, LXW_BORDER_THIN);
  format_set_text_wrap (format);
  format_set_align (format, align);
  if (num_format != NULL)
    format_set_num_format (format, num_format);
  return format;
}

static void
formats_init (Formats      *formats,
              lxw_workbook *workbook)
{
  formats->title = add_format (workbook, TITLE_SIZE);
  format_set_bold (formats->title);
  format_set_align (formats->title, LXW_ALIGN_CENTER);
  format_set_text_wrap (formats->title);

  formats->subtitle = add_format (workbook, BODY_SIZE);
  format_set_align (formats->subtitle, LXW_ALIGN_LEFT);
  /* Not cut at the table's right edge (“制表日期：2026年1”). */
  format_set_text_wrap (formats->subtitle);

  formats->header = add_cell_format (workbook, LXW_ALIGN_CENTER, NULL);
  format_set_bold (formats->header);
  format_set_bg_color (formats->header, 0xF2F2F2);

  formats->text_left = add_cell_format (workbook, LXW_ALIGN_LEFT, NULL);
  formats->text_centre = add_cell_format (workbook, LXW_ALIGN_CENTER, NULL);
  formats->alert_left = add_cell_format (workbook, LXW_ALIGN_LEFT, NULL);
  formats->alert_centre = add_cell_format (workbook, LXW_ALIGN_CENTER, NULL);
  format_set_bold (formats->alert_left);
  format_set_bold (formats->alert_centre);
  format_set_font_color (formats->alert_left, 0xC00000);
  format_set_font_color (formats->alert_centre, 0xC00000);
  formats->date = add_cell_format (workbook, LXW_ALIGN_CENTER, "yyyy\"年\"m\"月\"d\"日\"");
  formats->number = add_cell_format (workbook, LXW_ALIGN_CENTER, "0");
  formats->percent = add_cell_format (workbook, LXW_ALIGN_CENTER, "0.0%");

  formats->note = add_format (workbook, BODY_SIZE);
  format_set_align (formats->note, LXW_ALIGN_LEFT);
  format_set_align (formats->note, LXW_ALIGN_VERTICAL_TOP);
  format_set_text_wrap (formats->note);

  formats->section = add_format (workbook, 12.0);
  format_set_bold (formats->section);
  format_set_align (formats->section, LXW_ALIGN_LEFT);
}

/* Text width in Chinese characters: a CJK character is one, a Latin letter
 * or digit about half. */
static double
text_width (const char *text)
{
  double width = 0;

  for (const char *p = text; p && *p; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);
      width += g_unichar_iswide (c) || g_unichar_iswide_cjk (c) ? 1.0 : 0.55;
    }

  return width;
}

/* How many lines @text takes in a box @width characters wide, less the
 * cell's inner margins. */
static guint
count_lines (const char *text,
             double      width)
{
  g_auto(GStrv) lines = g_strsplit (text ? text : "", "\n", -1);
  guint n = 0;

  for (guint i = 0; lines[i] != NULL; i++)
    {
      double needed = text_width (lines[i]) / MAX (width - 0.3, 1.0);
      guint whole = (guint) needed;

      n += MAX (1, whole + (needed > whole ? 1 : 0));
    }

  return MAX (n, 1);
}

/* A sheet name Excel accepts: none of : \ / ? * [ ], no leading or
 * trailing apostrophe, at most 31 characters, unique in the workbook
 * (Excel compares names without case). */
static char *
sheet_name (const char *wanted,
            GHashTable *taken)
{
  static const struct { gunichar bad; const char *good; } replacements[] = {
    { ':', "：" }, { '\\', "＼" }, { '/', "／" }, { '?', "？" },
    { '*', "＊" }, { '[', "［" }, { ']', "］" },
  };
  g_autoptr(GString) clean = g_string_new (NULL);
  g_autofree char *base = NULL;

  for (const char *p = wanted ? wanted : ""; *p; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);
      const char *good = NULL;

      for (guint i = 0; i < G_N_ELEMENTS (replacements); i++)
        if (replacements[i].bad == c)
          good = replacements[i].good;

      if (good != NULL)
        g_string_append (clean, good);
      else if (!g_unichar_iscntrl (c))
        g_string_append_unichar (clean, c);
    }
  while (clean->len > 0 && clean->str[0] == '\'')
    g_string_erase (clean, 0, 1);
  while (clean->len > 0 && clean->str[clean->len - 1] == '\'')
    g_string_truncate (clean, clean->len - 1);
  if (clean->len == 0)
    g_string_assign (clean, "Sheet");

  base = g_utf8_substring (clean->str, 0, MIN (g_utf8_strlen (clean->str, -1), SHEET_NAME_MAX));

  for (guint n = 1; ; n++)
    {
      g_autofree char *suffix = n > 1 ? g_strdup_printf ("（%u）", n) : g_strdup ("");
      glong room = SHEET_NAME_MAX - g_utf8_strlen (suffix, -1);
      g_autofree char *stem = g_utf8_substring (base, 0, MIN (g_utf8_strlen (base, -1), room));
      g_autofree char *name = g_strconcat (stem, suffix, NULL);
      g_autofree char *key = g_utf8_casefold (name, -1);

      if (!g_hash_table_contains (taken, key))
        {
          g_hash_table_add (taken, g_steal_pointer (&key));
          return g_steal_pointer (&name);
        }
    }
}

/* SlColumn.width counts Chinese characters; Excel's unit is the width of
 * a digit of the default font, and a Chinese character is about two. */
static double
excel_width (double characters)
{
  return characters * 2.0 + 1.0;
}

static gboolean
check (lxw_error    result,
       const char  *sheet,
       lxw_row_t    row,
       lxw_col_t    column,
       GError     **error)
{
  char cell[LXW_MAX_CELL_NAME_LENGTH];

  if (result == LXW_NO_ERROR)
    return TRUE;

  lxw_rowcol_to_cell (cell, row, column);
  g_set_error (error, SL_DOCUMENT_ERROR, SL_DOCUMENT_ERROR_WRITE,
               _("Cannot write cell %s of the sheet “%s”: %s"),
               cell, sheet, lxw_strerror (result));
  return FALSE;
}

/* A line across the whole table: merged, or a plain cell when the table
 * has one column (Excel refuses to merge a single cell). */
static lxw_error
write_across (lxw_worksheet *sheet,
              lxw_row_t      row,
              lxw_col_t      last_column,
              const char    *text,
              lxw_format    *format)
{
  if (last_column == 0)
    return worksheet_write_string (sheet, row, 0, text, format);
  return worksheet_merge_range (sheet, row, 0, row, last_column, text, format);
}

static lxw_error
write_cell (lxw_worksheet  *sheet,
            lxw_row_t       row,
            lxw_col_t       column,
            const SlCell   *cell,
            const SlColumn *spec,
            Formats        *formats)
{
  lxw_format *text_format;

  if (cell->alert)
    text_format = spec->wrap ? formats->alert_left : formats->alert_centre;
  else
    text_format = spec->wrap ? formats->text_left : formats->text_centre;
  lxw_datetime date = { 0 };

  switch (cell->kind)
    {
    case SL_CELL_TEXT:
      return worksheet_write_string (sheet, row, column, cell->text ? cell->text : "", text_format);

    case SL_CELL_DATE:
      /* Excel's calendar starts in 1900: anything earlier stays text. */
      if (cell->text != NULL &&
          sscanf (cell->text, "%d-%d-%d", &date.year, &date.month, &date.day) == 3 &&
          date.year >= 1900)
        return worksheet_write_datetime (sheet, row, column, &date, formats->date);
      return worksheet_write_string (sheet, row, column, cell->text ? cell->text : "", text_format);

    case SL_CELL_NUMBER:
      if (isnan (cell->number))
        return worksheet_write_blank (sheet, row, column, formats->number);
      return worksheet_write_number (sheet, row, column, cell->number,
                                     sl_cell_is_whole (cell) ? formats->number
                                                                          : formats->text_centre);

    case SL_CELL_PERCENT:
      if (isnan (cell->number))
        return worksheet_write_blank (sheet, row, column, formats->percent);
      return worksheet_write_number (sheet, row, column, cell->number, formats->percent);

    case SL_CELL_EMPTY:
    default:
      return worksheet_write_blank (sheet, row, column, text_format);
    }
}

/* The printable width of A4 between the margins set below (0.5 inch
 * left and right), in points, and what a column of w units (the width of
 * a digit of the default font) takes of it as LibreOffice prints it:
 * about 6.45 pt a unit and 3.75 pt of padding for the width the file
 * stores, which is w + 5/7 (libxlsxwriter adds Excel's 5 pixels of
 * padding): measured, sheets of 13 and 10 columns storing 155.3 and 136
 * units printed 1051 and 915 pt wide at 100%. Taken a little wider, as a
 * scaled sheet printed wider again. Excel's units are narrower (5.25 pt),
 * so a sheet that LibreOffice prints at 9 pt prints larger there. */
#define PRINTABLE_LANDSCAPE ((297.0 - 25.4) / 25.4 * 72)
#define PRINTABLE_PORTRAIT  ((210.0 - 25.4) / 25.4 * 72)
#define PT_PER_UNIT         6.6
#define PT_PER_COLUMN       (6.6 * 5 / 7 + 3.9)

/* The smallest print an inspector reads at arm's length (86% of 五号). */
#define SMALLEST_PRINT 9.03

/* Widths in characters from what the columns hold, shared out by the
 * rule of the PDF's tables (sl-column-widths.c): a column of short values
 * (dates, names, counts, marks) never narrower than its longest entry, one
 * of running text at least six characters where it has them, a header
 * broken only at its \n or “/”, a blank column (签名) its declared width.
 * Returns the sum of the minima, in characters. */
static double
column_widths (SlTable *table,
               double   available,
               double  *widths)
{
  guint n_columns = sl_table_get_n_columns (table);
  guint n_rows = sl_table_get_n_rows (table);
  g_autofree double *min = g_new0 (double, MAX (n_columns, 1));
  g_autofree double *max = g_new0 (double, MAX (n_columns, 1));

  for (guint c = 0; c < n_columns; c++)
    {
      const SlColumn *column = sl_table_get_column (table, c);
      g_auto(GStrv) words = g_regex_split_simple ("\\n|(?<=/)", column->title != NULL ? column->title : "", 0, 0);
      double header = 0, longest = 0;

      for (guint i = 0; words[i] != NULL; i++)
        header = MAX (header, MIN (text_width (words[i]), 6.0));
      for (guint r = 0; r < n_rows; r++)
        {
          g_autofree char *text = sl_cell_format (sl_table_get_cell (table, r, c));
          g_auto(GStrv) lines = g_strsplit (text != NULL ? text : "", "\n", -1);

          for (guint i = 0; lines[i] != NULL; i++)
            longest = MAX (longest, text_width (lines[i]));
        }

      if (longest <= 0)
        {
          min[c] = MAX (header, 0.6 * column->width);
          max[c] = MAX (header, column->width);
        }
      else if (!column->wrap)
        {
          min[c] = MAX (header, longest);
          max[c] = min[c];
        }
      else
        {
          min[c] = MAX (header, MIN (longest, 6.0));
          max[c] = MAX (header, MIN (longest, 40.0));
        }
      /* The cell's inner margins. */
      min[c] += 0.6;
      max[c] += 0.6;
    }

  return sl_column_widths_distribute (min, max, n_columns, available, widths);
}

static gboolean
write_header (lxw_worksheet *sheet,
              SlTable       *table,
              const double  *widths,
              Formats       *formats,
              const char    *name,
              lxw_row_t     *row,
              GError       **error)
{
  guint n_columns = sl_table_get_n_columns (table);
  gboolean grouped = sl_table_get_n_column_groups (table) > 0;
  guint lines = 1, group_lines = 1;

  for (guint c = 0; c < n_columns; c++)
    {
      const SlColumn *column = sl_table_get_column (table, c);
      const SlColumnGroup *group = sl_table_find_column_group (table, c);

      if (group == NULL || !grouped)
        continue;
      if (group->first == c)
        {
          double width = 0;

          for (guint i = 0; i < group->n_columns; i++)
            width += widths[c + i];
          group_lines = MAX (group_lines, count_lines (group->title, width));
        }
      lines = MAX (lines, count_lines (column->title, widths[c]));
    }
  /* A column outside a group has both rows for its title. */
  for (guint c = 0; c < n_columns; c++)
    if (!grouped || sl_table_find_column_group (table, c) == NULL)
      {
        guint needed = count_lines (sl_table_get_column (table, c)->title, widths[c]);

        if (grouped && needed > lines + group_lines)
          lines = needed - group_lines;
        else if (!grouped)
          lines = MAX (lines, needed);
      }

  if (grouped)
    {
      if (!check (worksheet_set_row (sheet, *row, group_lines * LINE_HEIGHT + ROW_PADDING, NULL),
                  name, *row, 0, error) ||
          !check (worksheet_set_row (sheet, *row + 1, lines * LINE_HEIGHT + ROW_PADDING, NULL),
                  name, *row + 1, 0, error))
        return FALSE;
      for (guint c = 0; c < n_columns; )
        {
          const SlColumnGroup *group = sl_table_find_column_group (table, c);

          if (group == NULL)
            {
              if (!check (worksheet_merge_range (sheet, *row, c, *row + 1, c,
                                                 sl_table_get_column (table, c)->title,
                                                 formats->header),
                          name, *row, c, error))
                return FALSE;
              c++;
              continue;
            }
          if (group->n_columns > 1)
            {
              if (!check (worksheet_merge_range (sheet, *row, c, *row, c + group->n_columns - 1,
                                                 group->title, formats->header),
                          name, *row, c, error))
                return FALSE;
            }
          else if (!check (worksheet_write_string (sheet, *row, c, group->title, formats->header),
                           name, *row, c, error))
            return FALSE;
          for (guint i = 0; i < group->n_columns; i++)
            if (!check (worksheet_write_string (sheet, *row + 1, c + i,
                                                sl_table_get_column (table, c + i)->title,
                                                formats->header),
                        name, *row + 1, c + i, error))
              return FALSE;
          c += group->n_columns;
        }
      *row += 2;
      return TRUE;
    }

  if (!check (worksheet_set_row (sheet, *row, lines * LINE_HEIGHT + ROW_PADDING, NULL),
              name, *row, 0, error))
    return FALSE;
  for (guint c = 0; c < n_columns; c++)
    if (!check (worksheet_write_string (sheet, *row, c, sl_table_get_column (table, c)->title,
                                        formats->header),
                name, *row, c, error))
      return FALSE;
  *row += 1;
  return TRUE;
}

static gboolean
write_table (lxw_workbook  *workbook,
             SlTable       *table,
             GHashTable    *names,
             Formats       *formats,
             GHashTable    *placements,
             GError       **error)
{
  Placement *placement;
  guint n_columns = sl_table_get_n_columns (table);
  guint n_rows = sl_table_get_n_rows (table);
  const char *subtitle = sl_table_get_subtitle (table);
  const char * const *notes = sl_table_get_notes (table);
  lxw_col_t last_column = n_columns > 0 ? n_columns - 1 : 0;
  g_autofree char *name = sheet_name (sl_table_get_name (table), names);
  lxw_worksheet *sheet;
  lxw_row_t row = 0, header_row, first_header_row;
  double table_width = 0, printable = 0, demand = 0, print_size = 0;
  gboolean landscape;
  g_autofree double *widths = g_new0 (double, MAX (n_columns, 1));

  sheet = workbook_add_worksheet (workbook, name);
  if (sheet == NULL)
    {
      g_set_error (error, SL_DOCUMENT_ERROR, SL_DOCUMENT_ERROR_WRITE,
                   _("Cannot add the sheet “%s” to the workbook"), name);
      return FALSE;
    }

  /* Fit to the page's width only while the print stays at 9 pt or more;
   * a wider table prints over several pages across, its key columns and
   * header repeated on each. */
  landscape = sl_table_get_landscape (table);
  for (guint attempt = 0; attempt < 2; attempt++)
    {
      printable = landscape ? PRINTABLE_LANDSCAPE : PRINTABLE_PORTRAIT;
      /* Spread over 96% of the width: LibreOffice puts a sheet that
       * fills the model's width exactly on two pages across, its last
       * column (and the subtitle's end) on the second. */
      demand = column_widths (table,
                              ((0.96 * printable - n_columns * PT_PER_COLUMN) / PT_PER_UNIT
                               - n_columns) / 2,
                              widths);
      /* The scale shrinks the columns as stored (libxlsxwriter pads each
       * by up to 6/7 of a unit) but not LibreOffice's 3.9 pt a column;
       * tests/check-xlsx.py checks the print against the same model. */
      print_size = BODY_SIZE * MIN (1.0, floor (100 * (printable - n_columns * 3.9)
                                                / ((2 * demand + n_columns + n_columns * 6.0 / 7)
                                                   * PT_PER_UNIT)) / 100);
      /* A portrait table too wide for 9 pt: landscape before pages across. */
      if (landscape || print_size >= SMALLEST_PRINT)
        break;
      landscape = TRUE;
    }
  for (guint c = 0; c < n_columns; c++)
    {
      table_width += widths[c];
      if (!check (worksheet_set_column (sheet, c, c, excel_width (widths[c]), NULL),
                  name, 0, c, error))
        return FALSE;
    }

  /* Title and subtitle. */
  if (!check (worksheet_set_row (sheet, row,
                                 count_lines (sl_table_get_title (table),
                                              table_width * BODY_SIZE / TITLE_SIZE) *
                                 TITLE_SIZE * 1.45 + 10, NULL),
              name, row, 0, error) ||
      !check (write_across (sheet, row, last_column, sl_table_get_title (table), formats->title),
              name, row, 0, error))
    return FALSE;
  row++;

  if (subtitle != NULL && *subtitle != '\0')
    {
      if (!check (worksheet_set_row (sheet, row,
                                     count_lines (subtitle, table_width) * LINE_HEIGHT + 2 * ROW_PADDING,
                                     NULL),
                  name, row, 0, error) ||
          !check (write_across (sheet, row, last_column, subtitle, formats->subtitle),
                  name, row, 0, error))
        return FALSE;
      row++;
    }

  /* The header: one row, or two when columns are grouped (应到 | 实到
   * under “参加人员（应到/实到）”), a column outside a group then merged
   * down both rows. */
  if (!write_header (sheet, table, widths, formats, name, &row, error))
    return FALSE;
  header_row = row - 1;
  first_header_row = sl_table_get_n_column_groups (table) > 0 ? row - 2 : row - 1;

  /* The body. */
  for (guint r = 0; r < n_rows; r++, row++)
    {
      guint lines = 1;

      for (guint c = 0; c < n_columns; c++)
        {
          const SlCell *cell = sl_table_get_cell (table, r, c);
          g_autofree char *text = sl_cell_format (cell);

          lines = MAX (lines, count_lines (text, widths[c]));
          if (!check (write_cell (sheet, row, c, cell, sl_table_get_column (table, c), formats),
                      name, row, c, error))
            return FALSE;
        }

      if (!check (worksheet_set_row (sheet, row, lines * LINE_HEIGHT + ROW_PADDING, NULL),
                  name, row, 0, error))
        return FALSE;
    }

  /* Notes. */
  for (guint i = 0; notes[i] != NULL; i++, row++)
    if (!check (worksheet_set_row (sheet, row,
                                   count_lines (notes[i], table_width) * LINE_HEIGHT + ROW_PADDING,
                                   NULL),
                name, row, 0, error) ||
        !check (write_across (sheet, row, last_column, notes[i], formats->note), name, row, 0, error))
      return FALSE;

  placement = g_new0 (Placement, 1);
  placement->sheet = sheet;
  placement->name = g_strdup (name);
  placement->header = header_row;
  placement->end = row;
  placement->last_column = last_column;
  for (guint c = 0; c < n_columns; c++)
    placement->pixels += floor (excel_width (widths[c]) * 7 + 0.5) + 5;
  g_hash_table_insert (placements, table, placement);

  /* Screen and print. */
  worksheet_freeze_panes (sheet, header_row + 1, sl_table_get_key_columns (table));
  worksheet_set_paper (sheet, 9);   /* A4 */
  if (landscape)
    worksheet_set_landscape (sheet);
  else
    worksheet_set_portrait (sheet);
  worksheet_set_margins (sheet, 0.5, 0.5, 0.6, 0.7);
  /* A scale, not fit to the page: LibreOffice shrinks a sheet fit to
   * the width further still to get its tallest row onto one page. */
  if (print_size >= BODY_SIZE)
    worksheet_set_print_scale (sheet, 100);
  else if (print_size >= SMALLEST_PRINT)
    worksheet_set_print_scale (sheet, (uint16_t) lround (100 * print_size / BODY_SIZE));
  else if (!check (worksheet_repeat_columns (sheet, 0,
                                             MAX (sl_table_get_key_columns (table), 1) - 1),
                   name, 0, 0, error))
    return FALSE;   /* the first column names the row when no key columns are set */
  worksheet_center_horizontally (sheet);

  if (!check (worksheet_repeat_rows (sheet, first_header_row, header_row), name, header_row, 0, error) ||
      !check (worksheet_set_footer (sheet, "&C第 &P 页 共 &N 页"), name, 0, 0, error))
    return FALSE;

  return TRUE;
}

/* Charts ------------------------------------------------------------------ */

/* The pixels on screen that Excel gives a row of the default height (15 pt). */
#define ROW_PIXELS 20.0

/* libxlsxwriter copies the points; @fills and @points are scratch. */
static gboolean
set_point_colors (lxw_chart_series *series,
                  GArray           *colors,
                  lxw_chart_fill   *fills,
                  lxw_chart_point  *points)
{
  g_autofree lxw_chart_point **list = g_new0 (lxw_chart_point *, colors->len + 1);

  for (guint i = 0; i < colors->len; i++)
    {
      guint32 color = g_array_index (colors, guint32, i);

      fills[i] = (lxw_chart_fill) { .color = color };
      points[i] = (lxw_chart_point) { .fill = color != 0 ? &fills[i] : NULL };
      list[i] = &points[i];
    }
  return chart_series_set_points (series, list) == LXW_NO_ERROR;
}

static lxw_chart *
add_chart (lxw_workbook    *workbook,
           const SlChart   *spec,
           const Placement *source)
{
  g_autofree lxw_chart_fill *fills = g_new0 (lxw_chart_fill, MAX (spec->point_colors->len, 1));
  g_autofree lxw_chart_point *points = g_new0 (lxw_chart_point, MAX (spec->point_colors->len, 1));
  /* 五号 in the chart as in the cells: printed, it must read at 9 pt. */
  lxw_chart_font font = { .name = "宋体", .size = BODY_SIZE };
  lxw_chart_font title_font = { .name = "宋体", .size = 12, .bold = 1 };
  lxw_chart_font small = { .name = "宋体", .size = 9.5 };
  lxw_row_t body = source->header + 1;
  lxw_chart *chart;

  chart = workbook_add_chart (workbook, spec->kind == SL_CHART_STACKED_COLUMNS
                                        ? LXW_CHART_COLUMN_STACKED : LXW_CHART_BAR);
  if (chart == NULL)
    return NULL;

  for (guint i = 0; i < spec->series->len; i++)
    {
      guint index = g_array_index (spec->series, guint, i);
      lxw_chart_series *series = chart_add_series (chart, NULL, NULL);

      lxw_chart_fill fill = { .color = g_array_index (spec->colors, guint32, i) };

      if (series == NULL)
        return NULL;
      chart_series_set_fill (series, &fill);
      if (spec->kind == SL_CHART_STACKED_COLUMNS)
        {
          /* A row of the source over the header's columns (1月 … 12月). */
          chart_series_set_categories (series, source->name, source->header, spec->first,
                                       source->header, spec->first + spec->n - 1);
          chart_series_set_values (series, source->name, body + index, spec->first,
                                   body + index, spec->first + spec->n - 1);
          chart_series_set_name_range (series, source->name, body + index, spec->label_column);
        }
      else
        {
          /* A column of the source down its rows, named by the label column. */
          chart_series_set_categories (series, source->name, body + spec->first, spec->label_column,
                                       body + spec->first + spec->n - 1, spec->label_column);
          chart_series_set_values (series, source->name, body + spec->first, index,
                                   body + spec->first + spec->n - 1, index);
          chart_series_set_name_range (series, source->name, source->header, index);
          if (spec->point_colors->len > 0 &&
              !set_point_colors (series, spec->point_colors, fills, points))
            return NULL;
          chart_series_set_labels (series);
          chart_series_set_labels_num_format (series, "0.0%");
          chart_series_set_labels_font (series, &small);
        }
    }

  chart_title_set_name (chart, spec->title);
  chart_title_set_name_font (chart, &title_font);
  chart_axis_set_num_font (chart->x_axis, &font);
  chart_axis_set_num_font (chart->y_axis, &font);
  chart_legend_set_font (chart, &font);
  if (spec->kind == SL_CHART_STACKED_COLUMNS)
    {
      double max = 0;

      /* Whole steps, about six of them, as the pages' chart has. */
      for (guint c = spec->first; c < spec->first + spec->n; c++)
        {
          double total = 0;

          for (guint i = 0; i < spec->series->len; i++)
            {
              const SlCell *cell = sl_table_get_cell (spec->source,
                                                      g_array_index (spec->series, guint, i), c);

              if (cell->kind == SL_CELL_NUMBER && !isnan (cell->number))
                total += cell->number;
            }
          max = MAX (max, total);
        }
      chart_legend_set_position (chart, LXW_CHART_LEGEND_BOTTOM);
      chart_axis_set_min (chart->y_axis, 0);
      chart_axis_set_major_unit (chart->y_axis, max <= 6 ? 1 : ceil ((max + 5) / 6 - 0.5));
    }
  else
    {
      /* The members top down in the table's order; rates 0–100%. In a bar
       * chart the categories are the y axis, the values the x axis. */
      chart_legend_set_position (chart, LXW_CHART_LEGEND_NONE);
      chart_axis_set_reverse (chart->y_axis);
      chart_axis_set_min (chart->x_axis, 0);
      chart_axis_set_max (chart->x_axis, 1);
      chart_axis_set_major_unit (chart->x_axis, 0.2);
      chart_axis_set_num_format (chart->x_axis, "0%");
      /* Names at 9 pt, the smallest print read at arm's length, so that
       * a name stands at each bar of a year's forty members. */
      chart_axis_set_num_font (chart->y_axis, &small);
      chart_axis_set_interval_unit (chart->y_axis, 1);
    }
  return chart;
}

/* A table's charts, each under its heading (the section number of the
 * report's pages) below the table, each starting a printed page so that
 * the heading stays with its chart. */
static gboolean
write_charts (lxw_workbook  *workbook,
              SlTable       *table,
              Formats       *formats,
              GHashTable    *placements,
              GError       **error)
{
  Placement *placement = g_hash_table_lookup (placements, table);
  guint n_charts = sl_table_get_n_charts (table);
  g_autofree lxw_row_t *breaks = g_new0 (lxw_row_t, n_charts + 1);
  lxw_row_t row;

  if (placement == NULL || n_charts == 0)
    return TRUE;

  row = placement->end + 1;
  for (guint i = 0; i < n_charts; i++)
    {
      const SlChart *spec = sl_table_get_chart (table, i);
      Placement *source = g_hash_table_lookup (placements, spec->source);
      lxw_chart_options options = { 0 };
      double height;
      lxw_chart *chart;

      if (source == NULL)
        continue;
      if (!(chart = add_chart (workbook, spec, source)))
        {
          g_set_error (error, SL_DOCUMENT_ERROR, SL_DOCUMENT_ERROR_WRITE,
                       _("Cannot add the chart “%s” to the sheet “%s”"), spec->title,
                       placement->name);
          return FALSE;
        }

      /* Stacked months: a fixed height; bars: a line of text per member. */
      height = spec->kind == SL_CHART_STACKED_COLUMNS ? 340 : CLAMP (90 + 19.0 * spec->n, 200, 920);
      options.x_scale = placement->pixels / 480.0;
      options.y_scale = height / 288.0;
      options.object_position = LXW_OBJECT_MOVE_DONT_SIZE;

      breaks[i] = row;
      if (!check (worksheet_set_row (placement->sheet, row, LINE_HEIGHT + 2 * ROW_PADDING, NULL),
                  placement->name, row, 0, error) ||
          !check (write_across (placement->sheet, row, placement->last_column, spec->title,
                                formats->section),
                  placement->name, row, 0, error) ||
          !check (worksheet_insert_chart_opt (placement->sheet, row + 1, 0, chart, &options),
                  placement->name, row + 1, 0, error))
        return FALSE;
      row += 2 + (lxw_row_t) ceil (height / ROW_PIXELS);
    }

  return check (worksheet_set_h_pagebreaks (placement->sheet, breaks), placement->name, 0, 0, error);
}

/**
 * sl_xlsx_write_tables:
 * @tables: (element-type SlTable): the document's tables, one sheet each
 */
gboolean
sl_xlsx_write_tables (GPtrArray   *tables,
                      const char  *path,
                      GError     **error)
{
  return sl_xlsx_write_tables_created (tables, path, 0, error);
}

/**
 * sl_xlsx_write_tables_created:
 * @created: the workbook's creation time (seconds since the epoch), or 0
 *   for now: the year's binder gives the ledger's, so that the same
 *   ledger makes the same bytes
 */
gboolean
sl_xlsx_write_tables_created (GPtrArray   *tables,
                              const char  *path,
                              gint64       created,
                              GError     **error)
{
  g_autoptr(GHashTable) names = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GHashTable) placements = g_hash_table_new_full (NULL, NULL, NULL, placement_free);
  lxw_doc_properties properties = { 0 };
  lxw_workbook *workbook;
  Formats formats;
  lxw_error result;
  gboolean ok = TRUE;

  g_return_val_if_fail (tables != NULL, FALSE);
  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  workbook = workbook_new (path);
  if (workbook == NULL)
    {
      g_set_error (error, SL_DOCUMENT_ERROR, SL_DOCUMENT_ERROR_WRITE,
                   _("Cannot start a workbook for %s"), path);
      return FALSE;
    }

  formats_init (&formats, workbook);

  if (tables->len > 0)
    {
      properties.title = (char *) sl_table_get_title (g_ptr_array_index (tables, 0));
      properties.created = (time_t) created;
      workbook_set_properties (workbook, &properties);
    }

  for (guint i = 0; ok && i < tables->len; i++)
    ok = write_table (workbook, g_ptr_array_index (tables, i), names, &formats, placements, error);
  for (guint i = 0; ok && i < tables->len; i++)
    ok = write_charts (workbook, g_ptr_array_index (tables, i), &formats, placements, error);

  if (ok && tables->len == 0)
    ok = workbook_add_worksheet (workbook, NULL) != NULL;

  /* workbook_close writes the file and frees the workbook, also after a
   * failure above; what it wrote then is removed by the caller. */
  result = workbook_close (workbook);
  if (ok && result != LXW_NO_ERROR)
    {
      g_set_error (error, SL_DOCUMENT_ERROR, SL_DOCUMENT_ERROR_WRITE,
                   _("Cannot write the spreadsheet %s: %s"), path, lxw_strerror (result));
      return FALSE;
    }

  return ok;
}
