/* sl-csv-reader.h — read a member roster saved as CSV by Excel or WPS
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define SL_CSV_ERROR (sl_csv_error_quark ())

typedef enum {
  SL_CSV_ERROR_ENCODING,       /* not UTF-8 and not GB18030 */
  SL_CSV_ERROR_QUOTE,          /* a quote opened and never closed, or junk after a closing quote */
  SL_CSV_ERROR_NO_NAME_COLUMN, /* no 姓名/name header */
  SL_CSV_ERROR_EMPTY,          /* no header line at all */
  SL_CSV_ERROR_ROW,            /* a data row that is wrong (e.g. empty name where other cells are filled) */
} SlCsvError;

GQuark      sl_csv_error_quark  (void);

/* Split CSV text (already UTF-8) into rows of fields, RFC 4180 style:
 * fields separated by ',', optionally quoted with '"'; "" inside quotes is
 * a quote; quoted fields may hold commas and line breaks. Lines end in LF,
 * CRLF or CR; a line break inside a quoted field comes back as "\n". A
 * quote that does not start a field is an ordinary character. The empty
 * remainder after the last line break is not a row, but an empty line
 * before it is a row of one empty field.
 *
 * Returns a GPtrArray of GStrv (char **), each row with as many fields as
 * found. On an unclosed quote, or on characters after a closing quote
 * other than ',' or a line end, sets SL_CSV_ERROR_QUOTE with a message
 * naming the line and the column (1-based, counted in fields) and returns
 * NULL. */
GPtrArray  *sl_csv_parse        (const char    *text,
                                 gsize          length,
                                 GError       **error);

/* Decode the bytes of a file: strip a UTF-8 BOM; valid UTF-8 stays,
 * otherwise it is read as GB18030 (what Excel and WPS write on a Chinese
 * Windows desktop). If neither decodes, sets SL_CSV_ERROR_ENCODING naming
 * the line and byte offset where the file stops making sense. Returns newly
 * allocated UTF-8 text; *out_encoding (may be NULL) gets "UTF-8" or
 * "GB18030", static strings. */
char       *sl_csv_decode       (const guint8  *data,
                                 gsize          length,
                                 const char   **out_encoding,
                                 GError       **error);

typedef struct {
  guint  line;          /* line in the file where the row starts (1-based; the header is line 1) */
  char  *name;          /* normalized with sl_normalize_name(): "王  芳" → "王芳" */
  char  *gender;        /* NULL when the column is missing or the cell is empty; all cells trimmed */
  char  *post;          /* 职务 */
  char  *organization;  /* 所属支部 / 所属组织: the organization's name as text */
  char  *party_joined_on; /* 入党时间 / 入党日期 as "YYYY-MM-DD": the member's
                           * party_joined_on, not joined_on (which bounds when
                           * the member is expected at meetings) */
  char  *phone;         /* 联系电话 / 电话 / 手机 */
  char  *note;          /* 备注 */
  char  *problem;       /* sl_roster_parse_all(): why the row cannot be imported
                         * (an empty name, a date that is none), else NULL */
} SlRosterRow;

void        sl_roster_row_free  (SlRosterRow   *row);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (SlRosterRow, sl_roster_row_free)

/* Parse a whole roster file as read from disk: decode, split, take the
 * first non-empty row as the header and map its cells to the fields of
 * SlRosterRow (姓名 is required; see the alias table in the .c file).
 * Unknown columns are ignored, rows with no text in any known column are
 * skipped, a row with a name column that is empty while other known cells
 * are filled is an error, and so is a row with text beyond the header's
 * last column. Dates are read in the usual spellings (2019-07-01,
 * 2019/7/1, 2019.7.1, 2019年7月1日, 20190701, and 2019-07 / 2019年7月 as
 * the first of the month).
 *
 * Returns a GPtrArray of SlRosterRow * that frees its rows, or NULL with
 * an SL_CSV_ERROR whose message names the line, the column and its header,
 * and says how to fix the file. The caller prefixes the file name. */
GPtrArray  *sl_roster_parse     (const guint8  *data,
                                 gsize          length,
                                 GError       **error);
/* The same, but a row whose name is empty or whose date is none is kept
 * with its ->problem set (its ->name "" then), so that a preview lists
 * every such row at once; only file-level faults fail. */
GPtrArray  *sl_roster_parse_all (const guint8  *data,
                                 gsize          length,
                                 GError       **error);

G_END_DECLS
