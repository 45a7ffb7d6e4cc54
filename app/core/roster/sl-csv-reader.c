/* sl-csv-reader.c — read a member roster saved as CSV by Excel or WPS
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Three layers, each usable alone: sl_csv_decode() turns the file's bytes
 * into UTF-8 (Excel and WPS on a Chinese Windows desktop write GB18030
 * unless told otherwise), sl_csv_parse() splits the text into rows of
 * fields, and sl_roster_parse() maps the header onto SlRosterRow and
 * cleans the cells. Nothing here touches the database; every message names
 * the line (and column and header) so that a secretary can find the cell
 * in Excel and fix it. The caller puts the file name in front.
 */

#define G_LOG_DOMAIN "sl-csv"

#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "sl-csv-reader.h"
#include "sl-date.h"
#include "sl-util.h"

G_DEFINE_QUARK (sl-csv-error-quark, sl_csv_error)

/* Longest cell text quoted back in a message, in characters. */
#define MAX_QUOTED_CHARS 30

static gboolean
is_blank (gunichar c)
{
  /* The same set sl_normalize_name() trims: full-width spaces come from
   * Chinese input methods, no-break spaces and BOMs from copy and paste. */
  return g_unichar_isspace (c) || c == 0x3000 || c == 0xFEFF || c == 0x00A0;
}

/* A trimmed copy of the cell, or NULL when nothing but blanks remains. */
static char *
trim_cell (const char *cell)
{
  const char *start, *end;

  if (cell == NULL)
    return NULL;

  start = cell;
  while (*start && is_blank (g_utf8_get_char (start)))
    start = g_utf8_next_char (start);

  end = start + strlen (start);
  while (end > start)
    {
      const char *prev = g_utf8_prev_char (end);

      if (!is_blank (g_utf8_get_char (prev)))
        break;
      end = prev;
    }

  if (end == start)
    return NULL;

  return g_strndup (start, end - start);
}

/* A cell's text as a message quotes it: one line, not too long. */
static char *
quote_cell (const char *cell)
{
  g_autofree char *shown = NULL;

  if (g_utf8_strlen (cell, -1) > MAX_QUOTED_CHARS)
    {
      g_autofree char *head = g_utf8_substring (cell, 0, MAX_QUOTED_CHARS);
      shown = g_strconcat (head, "…", NULL);
    }
  else
    shown = g_strdup (cell);

  g_strdelimit (shown, "\r\n\t", ' ');

  return g_steal_pointer (&shown);
}

/* ------------------------------------------------------------------ */
/* Splitting                                                          */
/* ------------------------------------------------------------------ */

static gboolean
is_line_end (char c)
{
  return c == '\n' || c == '\r';
}

/* Step over one line break (LF, CRLF or CR) at *p. */
static const char *
skip_line_end (const char *p,
               const char *end)
{
  if (*p == '\r' && p + 1 < end && p[1] == '\n')
    return p + 2;
  return p + 1;
}

/* The splitter behind sl_csv_parse(); out_lines, when not NULL, gets the
 * line on which each row starts, which the roster's messages need and the
 * public API has no room for. */
static GPtrArray *
csv_split (const char  *text,
           gsize        length,
           GArray     **out_lines,
           GError     **error)
{
  g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);
  g_autoptr(GArray) lines = g_array_new (FALSE, FALSE, sizeof (guint));
  g_autoptr(GString) field = g_string_new (NULL);
  const char *p = text;
  const char *end = text + length;
  guint line = 1;

  while (p < end)
    {
      g_autoptr(GPtrArray) fields = g_ptr_array_new_with_free_func (g_free);
      guint row_line = line;

      for (;;)
        {
          g_string_truncate (field, 0);

          if (p < end && *p == '"')
            {
              guint quote_line = line;

              p++;
              for (;;)
                {
                  if (p == end)
                    {
                      g_set_error (error, SL_CSV_ERROR, SL_CSV_ERROR_QUOTE,
                                   /* Translators: "" is two quote characters, as typed in the file */
                                   _("line %u, column %u: a quoted cell is never closed; add the "
                                     "missing closing quote (\"), or write a quote inside the cell as \"\""),
                                   quote_line, fields->len + 1);
                      return NULL;
                    }

                  if (*p == '"')
                    {
                      if (p + 1 < end && p[1] == '"')
                        {
                          g_string_append_c (field, '"');
                          p += 2;
                          continue;
                        }
                      p++;
                      break;
                    }

                  if (is_line_end (*p))
                    {
                      /* Excel writes Alt+Enter as LF; keep one form. */
                      g_string_append_c (field, '\n');
                      p = skip_line_end (p, end);
                      line++;
                      continue;
                    }

                  g_string_append_c (field, *p);
                  p++;
                }

              if (p < end && *p != ',' && !is_line_end (*p))
                {
                  g_set_error (error, SL_CSV_ERROR, SL_CSV_ERROR_QUOTE,
                               /* Translators: "" is two quote characters, as typed in the file */
                               _("line %u, column %u: text follows the closing quote of a quoted "
                                 "cell; write a quote inside the cell as \"\", or put a comma "
                                 "after the closing quote"),
                               line, fields->len + 1);
                  return NULL;
                }
            }
          else
            {
              const char *start = p;

              while (p < end && *p != ',' && !is_line_end (*p))
                p++;
              g_string_append_len (field, start, p - start);
            }

          g_ptr_array_add (fields, g_strdup (field->str));

          if (p < end && *p == ',')
            {
              p++;
              continue;
            }
          break;
        }

      if (p < end)
        {
          p = skip_line_end (p, end);
          line++;
        }

      g_ptr_array_add (fields, NULL);
      g_ptr_array_add (rows, g_ptr_array_steal (fields, NULL));
      g_array_append_val (lines, row_line);
    }

  if (out_lines != NULL)
    *out_lines = g_steal_pointer (&lines);

  return g_steal_pointer (&rows);
}

GPtrArray *
sl_csv_parse (const char  *text,
              gsize        length,
              GError     **error)
{
  g_return_val_if_fail (text != NULL || length == 0, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  return csv_split (text != NULL ? text : "", length, NULL, error);
}

/* ------------------------------------------------------------------ */
/* Decoding                                                           */
/* ------------------------------------------------------------------ */

/* The 1-based line holding byte offset in data. LF, CR and CR LF never
 * occur inside a GB18030 or UTF-8 character, so counting bytes is safe. */
static guint
line_at_offset (const char *data,
                gsize       offset)
{
  guint line = 1;

  for (gsize i = 0; i < offset; i++)
    {
      if (data[i] == '\n')
        line++;
      else if (data[i] == '\r' && (i + 1 >= offset || data[i + 1] != '\n'))
        line++;
    }

  return line;
}

static void
set_encoding_error (GError     **error,
                    const char  *data,
                    gsize        offset)
{
  g_set_error (error, SL_CSV_ERROR, SL_CSV_ERROR_ENCODING,
               /* Translators: “CSV UTF-8” is the name of the file type in Excel's Save As dialog */
               _("line %u (byte %lu): the file is neither UTF-8 nor GB18030 text; "
                 "open it in Excel or WPS and save it again as “CSV UTF-8”"),
               line_at_offset (data, offset), (unsigned long) offset);
}

char *
sl_csv_decode (const guint8  *data,
               gsize          length,
               const char   **out_encoding,
               GError       **error)
{
  const char *bytes = (const char *) data;
  const char *text = bytes;
  const char *bad_utf8 = NULL;
  const char *nul;
  gsize text_length = length;
  gboolean has_bom = FALSE;
  g_autoptr(GError) local_error = NULL;
  g_autofree char *converted = NULL;
  gsize bytes_read = 0;
  gsize bytes_written = 0;

  g_return_val_if_fail (data != NULL || length == 0, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (length == 0)
    {
      if (out_encoding != NULL)
        *out_encoding = "UTF-8";
      return g_strdup ("");
    }

  if (length >= 2 &&
      ((data[0] == 0xFF && data[1] == 0xFE) || (data[0] == 0xFE && data[1] == 0xFF)))
    {
      g_set_error (error, SL_CSV_ERROR, SL_CSV_ERROR_ENCODING,
                   /* Translators: “CSV UTF-8” is the name of the file type in Excel's Save As dialog */
                   _("the file is UTF-16 (“Unicode text”), not CSV; open it in Excel or WPS "
                     "and save it again as “CSV UTF-8”"));
      return NULL;
    }

  if (length >= 3 && memcmp (data, "\xEF\xBB\xBF", 3) == 0)
    {
      has_bom = TRUE;
      text += 3;
      text_length -= 3;
    }

  /* A NUL byte never belongs in a text file; most likely the file is
   * UTF-16 without a byte order mark. */
  nul = memchr (text, '\0', text_length);
  if (nul != NULL)
    {
      set_encoding_error (error, bytes, nul - bytes);
      return NULL;
    }

  if (g_utf8_validate_len (text, text_length, &bad_utf8))
    {
      if (out_encoding != NULL)
        *out_encoding = "UTF-8";
      return g_strndup (text, text_length);
    }

  /* A BOM says the writer meant UTF-8: reading a damaged UTF-8 file as
   * GB18030 would turn every name into nonsense instead of failing. */
  if (has_bom)
    {
      set_encoding_error (error, bytes, bad_utf8 - bytes);
      return NULL;
    }

  converted = g_convert (text, text_length, "UTF-8", "GB18030",
                         &bytes_read, &bytes_written, &local_error);
  if (converted == NULL)
    {
      /* Report the later failure: the encoding that got further is the
       * one the file was most likely written in. */
      gsize offset = MAX ((gsize) (bad_utf8 - text), bytes_read);

      g_debug ("GB18030: %s", local_error->message);
      set_encoding_error (error, bytes, offset);
      return NULL;
    }

  if (out_encoding != NULL)
    *out_encoding = "GB18030";

  /* GB18030 can spell a BOM too (84 31 95 33). */
  if (g_str_has_prefix (converted, "\xEF\xBB\xBF"))
    return g_strdup (converted + 3);

  return g_steal_pointer (&converted);
}

/* ------------------------------------------------------------------ */
/* Roster                                                             */
/* ------------------------------------------------------------------ */

typedef enum {
  FIELD_NAME,
  FIELD_GENDER,
  FIELD_POST,
  FIELD_ORGANIZATION,
  FIELD_PARTY_JOINED_ON,   /* 入党时间: the member's party_joined_on, never joined_on */
  FIELD_PHONE,
  FIELD_NOTE,
  N_FIELDS,
  FIELD_NONE = N_FIELDS,
} Field;

/* Header spellings, compared after header_key(): case, blanks, '_', '-',
 * '*' and ':' do not count, nor does full width, so "Joined On",
 * "joined_on" and "ＪＯＩＮＥＤ＿ＯＮ" are one key. 部门 (department) is
 * deliberately absent: it names a work unit, not a party organization. */
static const struct {
  Field       field;
  const char *header;
} header_aliases[] = {
  { FIELD_NAME, "姓名" },
  { FIELD_NAME, "名字" },
  { FIELD_NAME, "党员姓名" },
  { FIELD_NAME, "name" },
  { FIELD_NAME, "full name" },
  { FIELD_GENDER, "性别" },
  { FIELD_GENDER, "gender" },
  { FIELD_GENDER, "sex" },
  { FIELD_POST, "职务" },
  { FIELD_POST, "职位" },
  { FIELD_POST, "post" },
  { FIELD_POST, "title" },
  { FIELD_POST, "position" },
  { FIELD_ORGANIZATION, "所属支部" },
  { FIELD_ORGANIZATION, "所属组织" },
  { FIELD_ORGANIZATION, "所属党支部" },
  { FIELD_ORGANIZATION, "所属党组织" },
  { FIELD_ORGANIZATION, "所在支部" },
  { FIELD_ORGANIZATION, "所在党支部" },
  { FIELD_ORGANIZATION, "所在党组织" },
  { FIELD_ORGANIZATION, "党支部" },
  { FIELD_ORGANIZATION, "支部" },
  { FIELD_ORGANIZATION, "组织" },
  { FIELD_ORGANIZATION, "organization" },
  { FIELD_ORGANIZATION, "organisation" },
  { FIELD_ORGANIZATION, "branch" },
  { FIELD_PARTY_JOINED_ON, "入党时间" },
  { FIELD_PARTY_JOINED_ON, "入党日期" },
  { FIELD_PARTY_JOINED_ON, "入党年月" },
  { FIELD_PARTY_JOINED_ON, "joined_on" },
  { FIELD_PARTY_JOINED_ON, "joined" },
  { FIELD_PARTY_JOINED_ON, "party_joined" },
  { FIELD_PARTY_JOINED_ON, "party_joined_on" },
  { FIELD_PHONE, "联系电话" },
  { FIELD_PHONE, "电话" },
  { FIELD_PHONE, "电话号码" },
  { FIELD_PHONE, "手机" },
  { FIELD_PHONE, "手机号" },
  { FIELD_PHONE, "手机号码" },
  { FIELD_PHONE, "联系方式" },
  { FIELD_PHONE, "phone" },
  { FIELD_PHONE, "mobile" },
  { FIELD_PHONE, "telephone" },
  { FIELD_PHONE, "tel" },
  { FIELD_NOTE, "备注" },
  { FIELD_NOTE, "note" },
  { FIELD_NOTE, "notes" },
  { FIELD_NOTE, "remark" },
  { FIELD_NOTE, "remarks" },
};

static char *
header_key (const char *text)
{
  g_autofree char *compat = g_utf8_normalize (text, -1, G_NORMALIZE_ALL_COMPOSE);
  g_autofree char *folded = NULL;
  GString *key = g_string_new (NULL);

  if (compat == NULL)
    return g_string_free (key, FALSE);

  folded = g_utf8_casefold (compat, -1);
  for (const char *p = folded; *p; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (is_blank (c) || c == '_' || c == '-' || c == '*' || c == ':')
        continue;
      g_string_append_unichar (key, c);
    }

  return g_string_free (key, FALSE);
}

static Field
lookup_key (const char *key)
{
  if (*key == '\0')
    return FIELD_NONE;

  for (guint i = 0; i < G_N_ELEMENTS (header_aliases); i++)
    {
      g_autofree char *alias = header_key (header_aliases[i].header);

      if (strcmp (key, alias) == 0)
        return header_aliases[i].field;
    }

  return FIELD_NONE;
}

/* Which field a header cell names. Templates decorate headers: "姓名（必填）",
 * "入党时间(yyyy-mm-dd)", "*姓名", "姓名/Name"; each form is tried. */
static Field
field_for_header (const char *header)
{
  g_autofree char *key = header_key (header);
  g_auto(GStrv) parts = NULL;
  Field field;
  const char *bracket;

  field = lookup_key (key);
  if (field != FIELD_NONE)
    return field;

  bracket = strpbrk (key, "([");
  if (bracket != NULL)
    {
      const char *close = strpbrk (bracket, ")]");
      g_autofree char *before = g_strndup (key, bracket - key);
      g_autofree char *outside = g_strconcat (before, close != NULL ? close + 1 : "", NULL);

      field = lookup_key (outside);
      if (field != FIELD_NONE)
        return field;
    }

  parts = g_strsplit (key, "/", -1);
  if (g_strv_length (parts) > 1)
    {
      for (guint i = 0; parts[i] != NULL; i++)
        {
          field = lookup_key (parts[i]);
          if (field != FIELD_NONE)
            return field;
        }
    }

  return FIELD_NONE;
}

/* "YYYY-MM-DD" for the spellings Excel, WPS and people use, or NULL: a
 * month alone means its first day, and the time Excel adds is ignored. */
static char *
parse_date (const char *cell)
{
  return sl_date_parse (cell, 0, SL_DATE_PARSE_MONTH | SL_DATE_PARSE_SKIP_TIME);
}

void
sl_roster_row_free (SlRosterRow *row)
{
  if (row == NULL)
    return;

  g_free (row->name);
  g_free (row->gender);
  g_free (row->post);
  g_free (row->organization);
  g_free (row->party_joined_on);
  g_free (row->phone);
  g_free (row->note);
  g_free (row->problem);
  g_free (row);
}

static gboolean
row_is_empty (char **row)
{
  for (guint i = 0; row[i] != NULL; i++)
    {
      g_autofree char *cell = trim_cell (row[i]);

      if (cell != NULL)
        return FALSE;
    }

  return TRUE;
}

/* The first row after the header that would have made a good header, so
 * that the message can point at a title line above the real header. */
static guint
find_later_header (GPtrArray *rows,
                   GArray    *lines,
                   guint      after)
{
  for (guint i = after + 1; i < rows->len; i++)
    {
      char **row = g_ptr_array_index (rows, i);

      for (guint j = 0; row[j] != NULL; j++)
        {
          g_autofree char *cell = trim_cell (row[j]);

          if (cell != NULL && field_for_header (cell) == FIELD_NAME)
            return g_array_index (lines, guint, i);
        }
    }

  return 0;
}

static SlRosterRow *
read_row (char       **row,
          guint        line,
          char       **headers,
          const Field *columns,
          guint        n_columns,
          guint        name_column,
          GError     **error)
{
  g_autoptr(SlRosterRow) result = NULL;
  char *values[N_FIELDS] = { NULL, };
  guint value_columns[N_FIELDS] = { 0, };
  guint n_cells = g_strv_length (row);
  gboolean empty = TRUE;
  g_autofree char *name = NULL;
  g_autofree char *party_joined_on = NULL;

  for (guint j = n_columns; j < n_cells; j++)
    {
      g_autofree char *cell = trim_cell (row[j]);

      /* Empty cells past the header are trailing commas, which Excel
       * writes for formatted but empty columns; text there is data that
       * would be lost. */
      if (cell != NULL)
        {
          g_set_error (error, SL_CSV_ERROR, SL_CSV_ERROR_ROW,
                       _("line %u, column %u: this row has more cells than the header, which "
                         "has %u columns; put a cell that contains a comma in quotes, or give "
                         "the extra column a header"),
                       line, j + 1, n_columns);
          return NULL;
        }
    }

  /* Where a field has several columns (电话 and 手机), the first one
   * that is filled in wins. */
  for (guint j = 0; j < MIN (n_cells, n_columns); j++)
    {
      Field field = columns[j];

      if (field == FIELD_NONE || values[field] != NULL)
        continue;

      values[field] = trim_cell (row[j]);
      value_columns[field] = j;
      if (values[field] != NULL)
        empty = FALSE;
    }

  result = g_new0 (SlRosterRow, 1);
  result->line = line;
  result->gender = values[FIELD_GENDER];
  result->post = values[FIELD_POST];
  result->organization = values[FIELD_ORGANIZATION];
  result->phone = values[FIELD_PHONE];
  result->note = values[FIELD_NOTE];
  name = values[FIELD_NAME];
  party_joined_on = values[FIELD_PARTY_JOINED_ON];

  /* Cells under unknown columns alone (a 序号 on the template's unused
   * rows) do not make a member. */
  if (empty)
    return NULL;

  if (name != NULL)
    result->name = sl_normalize_name (name);

  /* A row's own faults are its problem, not the file's: a preview lists
   * them all at once (sl_roster_parse() still refuses the first). */
  if (result->name == NULL || result->name[0] == '\0')
    {
      g_free (result->name);
      result->name = g_strdup ("");
      result->problem = g_strdup_printf (_("line %u, column %u (%s): empty name; fill in the name, or delete the row"),
                                         line, name_column + 1, headers[name_column]);
      return g_steal_pointer (&result);
    }

  if (party_joined_on != NULL)
    {
      result->party_joined_on = parse_date (party_joined_on);
      if (result->party_joined_on == NULL)
        {
          guint column = value_columns[FIELD_PARTY_JOINED_ON];
          g_autofree char *shown = quote_cell (party_joined_on);

          /* The example is of the form, not a guess at the date meant. */
          result->problem = g_strdup_printf (_("line %u, column %u (%s): “%s” is not a date; write dates as "
                                               "YYYY-MM-DD, for example 2019-07-01"),
                                             line, column + 1, headers[column], shown);
        }
    }

  return g_steal_pointer (&result);
}

static GPtrArray *
parse (const guint8  *data,
       gsize          length,
       gboolean       keep_problems,
       GError       **error)
{
  g_autofree char *text = NULL;
  g_autoptr(GPtrArray) rows = NULL;
  g_autoptr(GArray) lines = NULL;
  g_autoptr(GPtrArray) result = NULL;
  g_autofree Field *columns = NULL;
  g_auto(GStrv) headers = NULL;
  char **header_row;
  guint header_index;
  guint header_line;
  guint n_columns;
  guint name_column = G_MAXUINT;

  g_return_val_if_fail (data != NULL || length == 0, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  text = sl_csv_decode (data, length, NULL, error);
  if (text == NULL)
    return NULL;

  rows = csv_split (text, strlen (text), &lines, error);
  if (rows == NULL)
    return NULL;

  for (header_index = 0; header_index < rows->len; header_index++)
    {
      if (!row_is_empty (g_ptr_array_index (rows, header_index)))
        break;
    }

  if (header_index == rows->len)
    {
      g_set_error (error, SL_CSV_ERROR, SL_CSV_ERROR_EMPTY,
                   _("the file has no header line; its first line must name the columns, "
                     "for example 姓名,性别,职务,所属支部,入党时间"));
      return NULL;
    }

  header_row = g_ptr_array_index (rows, header_index);
  header_line = g_array_index (lines, guint, header_index);
  n_columns = g_strv_length (header_row);
  columns = g_new (Field, n_columns);
  headers = g_new0 (char *, n_columns + 1);

  for (guint j = 0; j < n_columns; j++)
    {
      headers[j] = trim_cell (header_row[j]);
      if (headers[j] == NULL)
        headers[j] = g_strdup ("");

      columns[j] = field_for_header (headers[j]);
      if (columns[j] == FIELD_NAME && name_column == G_MAXUINT)
        name_column = j;
    }

  if (name_column == G_MAXUINT)
    {
      guint later = find_later_header (rows, lines, header_index);

      if (later != 0)
        g_set_error (error, SL_CSV_ERROR, SL_CSV_ERROR_NO_NAME_COLUMN,
                     _("line %u: the header has no 姓名 (name) column, but line %u looks like "
                       "a header; delete the lines above it"),
                     header_line, later);
      else
        g_set_error (error, SL_CSV_ERROR, SL_CSV_ERROR_NO_NAME_COLUMN,
                     _("line %u: the header has no 姓名 (name) column; the first line must "
                       "name the columns, for example 姓名,性别,职务,所属支部,入党时间"),
                     header_line);
      return NULL;
    }

  result = g_ptr_array_new_with_free_func ((GDestroyNotify) sl_roster_row_free);

  for (guint i = header_index + 1; i < rows->len; i++)
    {
      g_autoptr(GError) row_error = NULL;
      SlRosterRow *row;

      row = read_row (g_ptr_array_index (rows, i), g_array_index (lines, guint, i),
                      headers, columns, n_columns, name_column, &row_error);
      if (row_error != NULL)
        {
          g_propagate_error (error, g_steal_pointer (&row_error));
          return NULL;
        }
      if (row != NULL && row->problem != NULL && !keep_problems)
        {
          g_set_error_literal (error, SL_CSV_ERROR, SL_CSV_ERROR_ROW, row->problem);
          sl_roster_row_free (row);
          return NULL;
        }
      if (row != NULL)
        g_ptr_array_add (result, row);
    }

  return g_steal_pointer (&result);
}

GPtrArray *
sl_roster_parse (const guint8  *data,
                 gsize          length,
                 GError       **error)
{
  return parse (data, length, FALSE, error);
}

GPtrArray *
sl_roster_parse_all (const guint8  *data,
                     gsize          length,
                     GError       **error)
{
  return parse (data, length, TRUE, error);
}
