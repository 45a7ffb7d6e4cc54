/* test-csv.c — the roster CSV reader: splitting, decoding, header mapping
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The roster-*.csv files under tests/data/ are real files as Excel, WPS or
 * a hand editor would leave them; roster-gb18030.csv was made with
 * `iconv -f UTF-8 -t GB18030`.
 */

#include "config.h"

#include <string.h>

#include "sl-csv-reader.h"
#include "sl-test-util.h"

/* ------------------------------------------------------------------ */
/* Helpers                                                            */
/* ------------------------------------------------------------------ */

static GBytes *
load_fixture (const char *name)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", name, NULL);
  g_autoptr(GError) error = NULL;
  char *contents = NULL;
  gsize length = 0;

  g_file_get_contents (path, &contents, &length, &error);
  g_assert_no_error (error);

  return g_bytes_new_take (contents, length);
}

static GPtrArray *
parse_fixture (const char  *name,
               GError     **error)
{
  g_autoptr(GBytes) bytes = load_fixture (name);
  gsize length = 0;
  const guint8 *data = g_bytes_get_data (bytes, &length);

  return sl_roster_parse (data, length, error);
}

static GPtrArray *
parse_roster_text (const char  *text,
                   GError     **error)
{
  return sl_roster_parse ((const guint8 *) text, strlen (text), error);
}

static GPtrArray *
parse_csv_text (const char  *text,
                GError     **error)
{
  return sl_csv_parse (text, strlen (text), error);
}

static void
assert_row (GPtrArray  *rows,
            guint       index,
            guint       n_fields,
            ...)
{
  char **row;
  va_list args;

  g_assert_cmpuint (index, <, rows->len);
  row = g_ptr_array_index (rows, index);
  g_assert_cmpuint (g_strv_length (row), ==, n_fields);

  va_start (args, n_fields);
  for (guint i = 0; i < n_fields; i++)
    g_assert_cmpstr (row[i], ==, va_arg (args, const char *));
  va_end (args);
}

static SlRosterRow *
roster_row (GPtrArray *rows,
            guint      index)
{
  g_assert_cmpuint (index, <, rows->len);
  return g_ptr_array_index (rows, index);
}

/* ------------------------------------------------------------------ */
/* sl_csv_parse                                                       */
/* ------------------------------------------------------------------ */

static void
test_parse_simple (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) rows = NULL;

  rows = parse_csv_text ("a,b,c\n1,2,3\n", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (rows->len, ==, 2);
  assert_row (rows, 0, 3, "a", "b", "c");
  assert_row (rows, 1, 3, "1", "2", "3");
}

static void
test_parse_line_ends (void)
{
  const char *texts[] = {
    "a,b\nc,d\ne",
    "a,b\r\nc,d\r\ne\r\n",
    "a,b\rc,d\re\r",
    "a,b\r\nc,d\re\n",
  };

  for (guint i = 0; i < G_N_ELEMENTS (texts); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(GPtrArray) rows = parse_csv_text (texts[i], &error);

      g_assert_no_error (error);
      g_assert_cmpuint (rows->len, ==, 3);
      assert_row (rows, 0, 2, "a", "b");
      assert_row (rows, 1, 2, "c", "d");
      assert_row (rows, 2, 1, "e");
    }
}

static void
test_parse_trailing_line (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) with_newline = NULL;
  g_autoptr(GPtrArray) without_newline = NULL;
  g_autoptr(GPtrArray) blank_line = NULL;
  g_autoptr(GPtrArray) nothing = NULL;

  with_newline = parse_csv_text ("a,b\n", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (with_newline->len, ==, 1);
  assert_row (with_newline, 0, 2, "a", "b");

  without_newline = parse_csv_text ("a,b", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (without_newline->len, ==, 1);
  assert_row (without_newline, 0, 2, "a", "b");

  /* Only what follows the last line break is dropped; the empty line
   * before it is a row of one empty field. */
  blank_line = parse_csv_text ("a\n\n", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (blank_line->len, ==, 2);
  assert_row (blank_line, 1, 1, "");

  nothing = sl_csv_parse ("", 0, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (nothing->len, ==, 0);
}

static void
test_parse_empty_fields (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) rows = NULL;

  rows = parse_csv_text (",a,,\n\"\",\"\"\n,\n", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (rows->len, ==, 3);
  assert_row (rows, 0, 4, "", "a", "", "");
  assert_row (rows, 1, 2, "", "");
  assert_row (rows, 2, 2, "", "");
}

static void
test_parse_field_counts (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) rows = NULL;

  rows = parse_csv_text ("a,b,c\nd\ne,f,g,h,i\n", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (rows->len, ==, 3);
  assert_row (rows, 0, 3, "a", "b", "c");
  assert_row (rows, 1, 1, "d");
  assert_row (rows, 2, 5, "e", "f", "g", "h", "i");
}

static void
test_parse_quotes (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) rows = NULL;

  rows = parse_csv_text ("\"a,b\",\"say \"\"hi\"\"\",\"\"\"\"\n"
                         "\"two\r\nlines\",\"cr\rline\",\"lf\nline\"\r\n"
                         "x\"y,\"王芳\"\n",
                         &error);
  g_assert_no_error (error);
  g_assert_cmpuint (rows->len, ==, 3);
  assert_row (rows, 0, 3, "a,b", "say \"hi\"", "\"");
  /* Line breaks inside a cell all come back as LF. */
  assert_row (rows, 1, 3, "two\nlines", "cr\nline", "lf\nline");
  /* A quote that does not open a field is text. */
  assert_row (rows, 2, 2, "x\"y", "王芳");
}

static void
test_parse_length (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) rows = NULL;

  /* Only length bytes count. */
  rows = sl_csv_parse ("a,b\nc,d", 5, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (rows->len, ==, 2);
  assert_row (rows, 1, 1, "c");
}

static void
test_parse_unclosed_quote (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) rows = NULL;

  rows = parse_csv_text ("a,b,c\n1,2,3\n\"x\ny\",b,c\n4,5,\"never closed\n6,7,8\n",
                         &error);
  g_assert_null (rows);
  g_assert_error (error, SL_CSV_ERROR, SL_CSV_ERROR_QUOTE);
  /* The quote opened on line 5 (line 3's cell spans two lines). */
  assert_message_contains (error, "line 5, column 3:");
}

static void
test_parse_junk_after_quote (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) rows = NULL;

  rows = parse_csv_text ("a,b,c\r\n1,\"2\"x,3\r\n", &error);
  g_assert_null (rows);
  g_assert_error (error, SL_CSV_ERROR, SL_CSV_ERROR_QUOTE);
  assert_message_contains (error, "line 2, column 2:");
  g_clear_error (&error);

  /* Reported on the line of the closing quote. */
  rows = parse_csv_text ("\"multi\nline\" ,b\n", &error);
  g_assert_null (rows);
  g_assert_error (error, SL_CSV_ERROR, SL_CSV_ERROR_QUOTE);
  assert_message_contains (error, "line 2, column 1:");
}

/* ------------------------------------------------------------------ */
/* sl_csv_decode                                                      */
/* ------------------------------------------------------------------ */

static void
test_decode_utf8 (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  g_autofree char *plain = NULL;
  const char *encoding = NULL;
  const char *input = "\xEF\xBB\xBF姓名,性别\n王芳,女\n";

  text = sl_csv_decode ((const guint8 *) input, strlen (input), &encoding, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (text, ==, "姓名,性别\n王芳,女\n");
  g_assert_cmpstr (encoding, ==, "UTF-8");

  /* Plain ASCII, and no out_encoding. */
  plain = sl_csv_decode ((const guint8 *) "name\n", 5, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (plain, ==, "name\n");
}

static void
test_decode_empty (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  g_autofree char *bom_only = NULL;
  const char *encoding = NULL;

  text = sl_csv_decode (NULL, 0, &encoding, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (text, ==, "");
  g_assert_cmpstr (encoding, ==, "UTF-8");

  bom_only = sl_csv_decode ((const guint8 *) "\xEF\xBB\xBF", 3, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (bom_only, ==, "");
}

static void
test_decode_gb18030 (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  const char *encoding = NULL;
  /* "姓名,𠮷\r\n" in GB18030; 𠮷 (U+20BB7) needs a four-byte sequence. */
  static const guint8 input[] = {
    0xD0, 0xD5, 0xC3, 0xFB, ',', 0x95, 0x34, 0xB2, 0x35, '\r', '\n',
  };

  g_assert_false (g_utf8_validate ((const char *) input, sizeof input, NULL));

  text = sl_csv_decode (input, sizeof input, &encoding, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (text, ==, "姓名,𠮷\r\n");
  g_assert_cmpstr (encoding, ==, "GB18030");
}

static void
test_decode_invalid (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  const char *encoding = "untouched";
  const char *input = "name\r\nAnna\r\nBo\xFF\xFFz\r\n";

  text = sl_csv_decode ((const guint8 *) input, strlen (input), &encoding, &error);
  g_assert_null (text);
  g_assert_error (error, SL_CSV_ERROR, SL_CSV_ERROR_ENCODING);
  assert_message_contains (error, "line 3 (byte 14)");
  g_assert_cmpstr (encoding, ==, "untouched");
}

static void
test_decode_utf16 (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *with_bom = NULL;
  g_autofree char *without_bom = NULL;
  static const guint8 bom_input[] = { 0xFF, 0xFE, 'n', 0, 'a', 0 };
  static const guint8 plain_input[] = { 'n', 0, 'a', 0, '\n', 0 };

  with_bom = sl_csv_decode (bom_input, sizeof bom_input, NULL, &error);
  g_assert_null (with_bom);
  g_assert_error (error, SL_CSV_ERROR, SL_CSV_ERROR_ENCODING);
  assert_message_contains (error, "UTF-16");
  g_clear_error (&error);

  /* NUL bytes are not text in any encoding we accept. */
  without_bom = sl_csv_decode (plain_input, sizeof plain_input, NULL, &error);
  g_assert_null (without_bom);
  g_assert_error (error, SL_CSV_ERROR, SL_CSV_ERROR_ENCODING);
  assert_message_contains (error, "line 1 (byte 1)");
}

static void
test_decode_bom_then_garbage (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  /* D0 D5 C3 FB would be 姓名 in GB18030, but the BOM promised UTF-8. */
  static const guint8 input[] = { 0xEF, 0xBB, 0xBF, 'a', '\n', 0xD0, 0xD5, 0xC3, 0xFB, '\n' };

  text = sl_csv_decode (input, sizeof input, NULL, &error);
  g_assert_null (text);
  g_assert_error (error, SL_CSV_ERROR, SL_CSV_ERROR_ENCODING);
  assert_message_contains (error, "line 2 (byte 5)");
}

/* ------------------------------------------------------------------ */
/* sl_roster_parse: fixtures                                          */
/* ------------------------------------------------------------------ */

static void
test_roster_utf8 (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) rows = parse_fixture ("roster-utf8.csv", &error);
  SlRosterRow *row;

  g_assert_no_error (error);
  g_assert_cmpuint (rows->len, ==, 6);

  row = roster_row (rows, 0);
  g_assert_cmpuint (row->line, ==, 2);
  g_assert_cmpstr (row->name, ==, "王芳");
  g_assert_cmpstr (row->gender, ==, "女");
  g_assert_cmpstr (row->post, ==, "支部书记");
  g_assert_cmpstr (row->organization, ==, "第一党支部");
  g_assert_cmpstr (row->party_joined_on, ==, "2019-07-01");
  g_assert_cmpstr (row->phone, ==, "13800000001");
  g_assert_cmpstr (row->note, ==, "负责宣传,组织");

  row = roster_row (rows, 1);
  g_assert_cmpuint (row->line, ==, 3);
  g_assert_cmpstr (row->name, ==, "李强");
  g_assert_cmpstr (row->party_joined_on, ==, "2019-07-01");
  g_assert_cmpstr (row->note, ==, "第一行\n第二行");

  /* The note above spans lines 3 and 4. */
  row = roster_row (rows, 2);
  g_assert_cmpuint (row->line, ==, 5);
  g_assert_cmpstr (row->name, ==, "张堃");
  g_assert_null (row->post);
  g_assert_cmpstr (row->organization, ==, "第二党支部");
  g_assert_cmpstr (row->party_joined_on, ==, "2018-03-01");
  g_assert_null (row->phone);
  g_assert_null (row->note);

  row = roster_row (rows, 3);
  g_assert_cmpuint (row->line, ==, 6);
  g_assert_cmpstr (row->name, ==, "陈喆");
  g_assert_cmpstr (row->party_joined_on, ==, "2015-06-01");

  /* Line 7 is all commas and is skipped. */
  row = roster_row (rows, 4);
  g_assert_cmpuint (row->line, ==, 8);
  g_assert_cmpstr (row->name, ==, "刘昇");
  g_assert_cmpstr (row->organization, ==, "第二党支部");
  g_assert_cmpstr (row->party_joined_on, ==, "2010-10-01");
  g_assert_cmpstr (row->note, ==, "他说\"好\"");

  /* A short row: the missing cells are NULL. */
  row = roster_row (rows, 5);
  g_assert_cmpuint (row->line, ==, 9);
  g_assert_cmpstr (row->name, ==, "赵珺");
  g_assert_cmpstr (row->gender, ==, "女");
  g_assert_null (row->post);
  g_assert_null (row->organization);
  g_assert_null (row->party_joined_on);
  g_assert_null (row->phone);
  g_assert_null (row->note);
}

static void
test_roster_utf8_bom (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) rows = parse_fixture ("roster-utf8-bom.csv", &error);
  SlRosterRow *row;

  g_assert_no_error (error);
  g_assert_cmpuint (rows->len, ==, 2);

  row = roster_row (rows, 0);
  g_assert_cmpuint (row->line, ==, 2);
  g_assert_cmpstr (row->name, ==, "王芳");
  g_assert_cmpstr (row->party_joined_on, ==, "2019-07-01");

  row = roster_row (rows, 1);
  g_assert_cmpuint (row->line, ==, 3);
  g_assert_cmpstr (row->name, ==, "李强");
  g_assert_cmpstr (row->gender, ==, "男");
  g_assert_null (row->party_joined_on);
}

static void
test_roster_gb18030 (void)
{
  g_autoptr(GBytes) bytes = load_fixture ("roster-gb18030.csv");
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) rows = NULL;
  g_autofree char *text = NULL;
  const char *encoding = NULL;
  gsize length = 0;
  const guint8 *data = g_bytes_get_data (bytes, &length);
  SlRosterRow *row;

  g_assert_false (g_utf8_validate ((const char *) data, length, NULL));

  text = sl_csv_decode (data, length, &encoding, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (encoding, ==, "GB18030");
  g_assert_true (g_str_has_prefix (text, "姓名,性别,职务,所属支部,入党时间,联系电话,备注\r\n"));

  rows = sl_roster_parse (data, length, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (rows->len, ==, 4);

  row = roster_row (rows, 0);
  g_assert_cmpuint (row->line, ==, 2);
  g_assert_cmpstr (row->name, ==, "王芳");
  g_assert_cmpstr (row->post, ==, "支部书记");
  g_assert_cmpstr (row->note, ==, "负责宣传,组织");

  row = roster_row (rows, 1);
  g_assert_cmpstr (row->name, ==, "张堃");
  g_assert_cmpstr (row->party_joined_on, ==, "2018-03-05");

  row = roster_row (rows, 2);
  g_assert_cmpstr (row->name, ==, "陈喆");
  g_assert_cmpstr (row->party_joined_on, ==, "2015-06-01");

  row = roster_row (rows, 3);
  g_assert_cmpuint (row->line, ==, 5);
  g_assert_cmpstr (row->name, ==, "刘䶮");
  g_assert_cmpstr (row->organization, ==, "第二党支部");
}

static void
test_roster_english (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) rows = parse_fixture ("roster-english.csv", &error);
  SlRosterRow *row;

  g_assert_no_error (error);
  g_assert_cmpuint (rows->len, ==, 2);

  row = roster_row (rows, 0);
  g_assert_cmpuint (row->line, ==, 2);
  g_assert_cmpstr (row->name, ==, "Anna Lee");
  g_assert_cmpstr (row->gender, ==, "female");
  g_assert_cmpstr (row->post, ==, "Secretary");
  g_assert_cmpstr (row->organization, ==, "First Branch");
  g_assert_cmpstr (row->party_joined_on, ==, "2019-07-01");
  g_assert_cmpstr (row->phone, ==, "555-0100");
  g_assert_null (row->note);

  row = roster_row (rows, 1);
  g_assert_cmpuint (row->line, ==, 3);
  g_assert_cmpstr (row->name, ==, "王芳");
  g_assert_cmpstr (row->gender, ==, "F");
  g_assert_null (row->post);
  g_assert_cmpstr (row->party_joined_on, ==, "2019-07-01");
  g_assert_cmpstr (row->note, ==, "likes \"tea\"");
}

static void
test_roster_no_name (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) rows = parse_fixture ("roster-no-name.csv", &error);

  g_assert_null (rows);
  g_assert_error (error, SL_CSV_ERROR, SL_CSV_ERROR_NO_NAME_COLUMN);
  assert_message_contains (error, "line 1:");
  assert_message_contains (error, "姓名");
}

static void
test_roster_bad_quote (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) rows = parse_fixture ("roster-bad-quote.csv", &error);

  g_assert_null (rows);
  g_assert_error (error, SL_CSV_ERROR, SL_CSV_ERROR_QUOTE);
  assert_message_contains (error, "line 3, column 3:");
}

static void
test_roster_bad_encoding (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) rows = parse_fixture ("roster-bad-encoding.csv", &error);

  g_assert_null (rows);
  g_assert_error (error, SL_CSV_ERROR, SL_CSV_ERROR_ENCODING);
  assert_message_contains (error, "line 3 ");
  assert_message_contains (error, "UTF-8");
}

static void
test_roster_bad_date (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) rows = parse_fixture ("roster-bad-date.csv", &error);

  g_assert_null (rows);
  g_assert_error (error, SL_CSV_ERROR, SL_CSV_ERROR_ROW);
  g_assert_cmpstr (error->message, ==,
                   "line 3, column 3 (入党时间): “2019-13-01” is not a date; write dates as YYYY-MM-DD, for example 2019-07-01");
}

/* ------------------------------------------------------------------ */
/* sl_roster_parse: rules                                             */
/* ------------------------------------------------------------------ */

static void
test_roster_empty (void)
{
  const char *texts[] = { "", "\n\n", " , ,\r\n\xE3\x80\x80,\r\n", "\xEF\xBB\xBF" };

  for (guint i = 0; i < G_N_ELEMENTS (texts); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(GPtrArray) rows = parse_roster_text (texts[i], &error);

      g_assert_null (rows);
      g_assert_error (error, SL_CSV_ERROR, SL_CSV_ERROR_EMPTY);
    }
}

static void
test_roster_header_only (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) rows = parse_roster_text ("姓名,性别\n", &error);

  g_assert_no_error (error);
  g_assert_cmpuint (rows->len, ==, 0);
}

static void
test_roster_header_after_blank_lines (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) rows = parse_roster_text ("\n,,\n姓名,性别\n王芳,女\n", &error);

  g_assert_no_error (error);
  g_assert_cmpuint (rows->len, ==, 1);
  g_assert_cmpuint (roster_row (rows, 0)->line, ==, 4);
  g_assert_cmpstr (roster_row (rows, 0)->name, ==, "王芳");
}

static void
test_roster_title_above_header (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) rows = NULL;

  rows = parse_roster_text ("第一党支部党员花名册,,\n姓名,性别,职务\n王芳,女,书记\n", &error);
  g_assert_null (rows);
  g_assert_error (error, SL_CSV_ERROR, SL_CSV_ERROR_NO_NAME_COLUMN);
  assert_message_contains (error, "line 1:");
  assert_message_contains (error, "line 2 looks like a header");
}

static void
test_roster_header_spellings (void)
{
  const struct {
    const char *header;
    const char *name;
    const char *gender;
    const char *post;
    const char *organization;
    const char *joined_on;
    const char *phone;
    const char *note;
  } cases[] = {
    { " 姓 名 ,性　别,职务（党内）,所属组织,入党时间(年月日),手机,备注",
      "王芳", "女", "书记", "一支部", "2019-07-01", "139", "无" },
    { "名字,sex,职位,支部,入党日期,电话,remark",
      "王芳", "女", "书记", "一支部", "2019-07-01", "139", "无" },
    { "\xEF\xBB\xBF*姓名,Gender,TITLE,Branch,Party_Joined,Mobile,Notes",
      "王芳", "女", "书记", "一支部", "2019-07-01", "139", "无" },
    { "ＮＡＭＥ,ＧＥＮＤＥＲ,post,organization,joined,phone,note",
      "王芳", "女", "书记", "一支部", "2019-07-01", "139", "无" },
    { "姓名/Name,性别/Gender,职务/Post,所属支部/Branch,入党时间/Joined,联系电话/Phone,备注/Note",
      "王芳", "女", "书记", "一支部", "2019-07-01", "139", "无" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(GPtrArray) rows = NULL;
      g_autofree char *text = NULL;
      SlRosterRow *row;

      text = g_strconcat (cases[i].header, "\r\n王 芳,女,书记,一支部,2019-07-01,139,无\r\n", NULL);
      rows = parse_roster_text (text, &error);
      g_assert_no_error (error);
      g_assert_cmpuint (rows->len, ==, 1);

      row = roster_row (rows, 0);
      g_assert_cmpstr (row->name, ==, cases[i].name);
      g_assert_cmpstr (row->gender, ==, cases[i].gender);
      g_assert_cmpstr (row->post, ==, cases[i].post);
      g_assert_cmpstr (row->organization, ==, cases[i].organization);
      g_assert_cmpstr (row->party_joined_on, ==, cases[i].joined_on);
      g_assert_cmpstr (row->phone, ==, cases[i].phone);
      g_assert_cmpstr (row->note, ==, cases[i].note);
    }
}

static void
test_roster_unknown_columns (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) rows = NULL;
  SlRosterRow *row;

  /* 部门 is a work unit, not a party organization: ignored like 序号. */
  rows = parse_roster_text ("序号,姓名,部门,身份证号\n"
                            "1,王芳,财务科,110\n"
                            "2,,,\n"
                            "3,,,\n",
                            &error);
  g_assert_no_error (error);
  g_assert_cmpuint (rows->len, ==, 1);

  row = roster_row (rows, 0);
  g_assert_cmpstr (row->name, ==, "王芳");
  g_assert_null (row->organization);
  g_assert_null (row->gender);
}

static void
test_roster_duplicate_columns (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) rows = NULL;

  /* The first filled one of 电话 and 手机 wins. */
  rows = parse_roster_text ("姓名,电话,手机\n王芳,,139\n李强,010,138\n", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (rows->len, ==, 2);
  g_assert_cmpstr (roster_row (rows, 0)->phone, ==, "139");
  g_assert_cmpstr (roster_row (rows, 1)->phone, ==, "010");
}

static void
test_roster_duplicate_names (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) rows = NULL;

  rows = parse_roster_text ("姓名\n王芳\n王  芳\n", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (rows->len, ==, 2);
  g_assert_cmpstr (roster_row (rows, 0)->name, ==, "王芳");
  g_assert_cmpstr (roster_row (rows, 1)->name, ==, "王芳");
}

static void
test_roster_empty_name (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) rows = NULL;

  rows = parse_roster_text ("性别,姓名,职务\n女,王芳,书记\n男,\xE3\x80\x80 ,委员\n", &error);
  g_assert_null (rows);
  g_assert_error (error, SL_CSV_ERROR, SL_CSV_ERROR_ROW);
  g_assert_cmpstr (error->message, ==,
                   "line 3, column 2 (姓名): empty name; fill in the name, or delete the row");
  g_clear_error (&error);

  /* A short row that stops before the name column. */
  rows = parse_roster_text ("性别,姓名\n女\n", &error);
  g_assert_null (rows);
  g_assert_error (error, SL_CSV_ERROR, SL_CSV_ERROR_ROW);
  assert_message_contains (error, "line 2, column 2 (姓名): empty name");
}

static void
test_roster_too_many_cells (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) rows = NULL;
  g_autoptr(GPtrArray) trailing = NULL;

  rows = parse_roster_text ("姓名,性别\n王芳,女\n张三,男,多余\n", &error);
  g_assert_null (rows);
  g_assert_error (error, SL_CSV_ERROR, SL_CSV_ERROR_ROW);
  assert_message_contains (error, "line 3, column 3:");
  g_clear_error (&error);

  /* Empty cells past the header are only trailing commas. */
  trailing = parse_roster_text ("姓名,性别\n王芳,女,,, \n", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (trailing->len, ==, 1);
  g_assert_cmpstr (roster_row (trailing, 0)->gender, ==, "女");
}

static void
test_roster_dates (void)
{
  const struct {
    const char *cell;
    const char *date;
  } good[] = {
    { "2019-07-01", "2019-07-01" },
    { "2019/7/1", "2019-07-01" },
    { "2019.7.1", "2019-07-01" },
    { "2019年7月1日", "2019-07-01" },
    { "2019 年 07 月 01 日", "2019-07-01" },
    { "2019年7月1号", "2019-07-01" },
    { "２０１９年７月１日", "2019-07-01" },
    { "20190701", "2019-07-01" },
    { "2019-07", "2019-07-01" },
    { "2019/7", "2019-07-01" },
    { "2019年7月", "2019-07-01" },
    { "201907", "2019-07-01" },
    { "2019/7/1 0:00", "2019-07-01" },
    { "2019-07-01 00:00:00", "2019-07-01" },
    { "2000-02-29", "2000-02-29" },
  };
  const char *bad[] = {
    "2019-13-01", "2019-02-29", "2019-7/1", "19-07-01", "2019", "2019年", "2019年7",
    "20191301", "七月一日", "2019-07-01x", "1800-01-01", "2019--07", "2019-07-001",
  };

  for (guint i = 0; i < G_N_ELEMENTS (good); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(GPtrArray) rows = NULL;
      g_autofree char *text = g_strdup_printf ("姓名,入党时间\n王芳,%s\n", good[i].cell);

      rows = parse_roster_text (text, &error);
      g_assert_no_error (error);
      g_assert_cmpstr (roster_row (rows, 0)->party_joined_on, ==, good[i].date);
    }

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(GPtrArray) rows = NULL;
      g_autofree char *text = g_strdup_printf ("姓名,入党时间\n王芳,%s\n", bad[i]);
      g_autofree char *expected = NULL;

      rows = parse_roster_text (text, &error);
      g_assert_null (rows);
      g_assert_error (error, SL_CSV_ERROR, SL_CSV_ERROR_ROW);
      expected = g_strdup_printf ("line 2, column 2 (入党时间): “%s” is not a date", bad[i]);
      assert_message_contains (error, expected);
    }
}

static void
test_roster_long_cell_in_message (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) rows = NULL;

  rows = parse_roster_text ("姓名,入党时间\n"
                            "王芳,\"那一年的七月一日，在支部大会上宣誓，\n具体日期已经记不太清楚了\"\n",
                            &error);
  g_assert_null (rows);
  g_assert_error (error, SL_CSV_ERROR, SL_CSV_ERROR_ROW);
  assert_message_contains (error, "“那一年的七月一日，在支部大会上宣誓， 具体日期已经记不太清楚…”");
}

static void
test_roster_trimmed_cells (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) rows = NULL;
  SlRosterRow *row;

  rows = parse_roster_text ("姓名,性别,职务,所属支部,联系电话\n"
                            "\"  张  三 \", 男\xE3\x80\x80,\t书记 , 一支部 ,\" 139 \"\n",
                            &error);
  g_assert_no_error (error);
  row = roster_row (rows, 0);
  g_assert_cmpstr (row->name, ==, "张三");
  g_assert_cmpstr (row->gender, ==, "男");
  g_assert_cmpstr (row->post, ==, "书记");
  g_assert_cmpstr (row->organization, ==, "一支部");
  g_assert_cmpstr (row->phone, ==, "139");
}

static void
test_roster_row_autoptr (void)
{
  g_autoptr(SlRosterRow) row = g_new0 (SlRosterRow, 1);

  row->name = g_strdup ("王芳");
  sl_roster_row_free (NULL);
  g_assert_cmpstr (row->name, ==, "王芳");
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/csv/parse/simple", test_parse_simple);
  g_test_add_func ("/csv/parse/line-ends", test_parse_line_ends);
  g_test_add_func ("/csv/parse/trailing-line", test_parse_trailing_line);
  g_test_add_func ("/csv/parse/empty-fields", test_parse_empty_fields);
  g_test_add_func ("/csv/parse/field-counts", test_parse_field_counts);
  g_test_add_func ("/csv/parse/quotes", test_parse_quotes);
  g_test_add_func ("/csv/parse/length", test_parse_length);
  g_test_add_func ("/csv/parse/unclosed-quote", test_parse_unclosed_quote);
  g_test_add_func ("/csv/parse/junk-after-quote", test_parse_junk_after_quote);

  g_test_add_func ("/csv/decode/utf8", test_decode_utf8);
  g_test_add_func ("/csv/decode/empty", test_decode_empty);
  g_test_add_func ("/csv/decode/gb18030", test_decode_gb18030);
  g_test_add_func ("/csv/decode/invalid", test_decode_invalid);
  g_test_add_func ("/csv/decode/utf16", test_decode_utf16);
  g_test_add_func ("/csv/decode/bom-then-garbage", test_decode_bom_then_garbage);

  g_test_add_func ("/csv/roster/utf8", test_roster_utf8);
  g_test_add_func ("/csv/roster/utf8-bom", test_roster_utf8_bom);
  g_test_add_func ("/csv/roster/gb18030", test_roster_gb18030);
  g_test_add_func ("/csv/roster/english", test_roster_english);
  g_test_add_func ("/csv/roster/no-name", test_roster_no_name);
  g_test_add_func ("/csv/roster/bad-quote", test_roster_bad_quote);
  g_test_add_func ("/csv/roster/bad-encoding", test_roster_bad_encoding);
  g_test_add_func ("/csv/roster/bad-date", test_roster_bad_date);

  g_test_add_func ("/csv/roster/empty", test_roster_empty);
  g_test_add_func ("/csv/roster/header-only", test_roster_header_only);
  g_test_add_func ("/csv/roster/header-after-blank-lines", test_roster_header_after_blank_lines);
  g_test_add_func ("/csv/roster/title-above-header", test_roster_title_above_header);
  g_test_add_func ("/csv/roster/header-spellings", test_roster_header_spellings);
  g_test_add_func ("/csv/roster/unknown-columns", test_roster_unknown_columns);
  g_test_add_func ("/csv/roster/duplicate-columns", test_roster_duplicate_columns);
  g_test_add_func ("/csv/roster/duplicate-names", test_roster_duplicate_names);
  g_test_add_func ("/csv/roster/empty-name", test_roster_empty_name);
  g_test_add_func ("/csv/roster/too-many-cells", test_roster_too_many_cells);
  g_test_add_func ("/csv/roster/dates", test_roster_dates);
  g_test_add_func ("/csv/roster/long-cell-in-message", test_roster_long_cell_in_message);
  g_test_add_func ("/csv/roster/trimmed-cells", test_roster_trimmed_cells);
  g_test_add_func ("/csv/roster/row-autoptr", test_roster_row_autoptr);

  return g_test_run ();
}
