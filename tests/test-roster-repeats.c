/* test-roster-repeats.c — a roster row pasted twice is skipped, not refused
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Issue 17: a secretary pasted a row twice in Excel and the whole file
 * was refused as "a name twice". A row that repeats an earlier one in
 * every cell (once cleaned as the reader cleans: blanks, full-width
 * spaces, the spelling of a date) says nothing new: the import skips it
 * and says which line repeats which. Two rows of one name that differ in
 * any cell stay an error (namesakes need telling apart).
 *
 * The same messy file (CRLF, full-width and doubled spaces, trailing
 * blanks, three date spellings) as UTF-8 behind a BOM and as GB18030,
 * through the library (sl_roster_list_problems, sl_roster_import) on a
 * real ledger file, and through the built program (import-roster): exit
 * 0, the counts on stdout, a warning a line on stderr.
 */

#include "config.h"

#include <string.h>

#include <glib/gstdio.h>

#include "sl-csv-reader.h"
#include "sl-ledger.h"
#include "sl-member.h"
#include "sl-roster-import.h"
#include "sl-roster-problems.h"
#include "sl-test-cli.h"
#include "sl-test-util.h"

/* Line 4 is line 2 again: "王  芳" and "王　芳 " are one name, "女 " is
 * 女, 2019年7月1日 is 2019-07-01. Line 6 is line 3 again, its date
 * spelt 2015/3/1. 赵珺 (line 5) is new. */
static const char messy[] =
  "姓名,性别,职务,所属支部,入党时间,联系电话\r\n"
  "王  芳,女,科员,机关第一党支部,2019-07-01,13700000001\r\n"
  "李强,男,科长, 机关第一党支部,2015-03-01,13700000002\r\n"
  "\"王\xe3\x80\x80芳 \",女 ,科员,机关第一党支部\xe3\x80\x80,2019年7月1日,13700000001\r\n"
  "赵珺,女,,机关第二党支部,,\r\n"
  "李强 ,男,科长,机关第一党支部,2015/3/1,13700000002\r\n";

/* The file's bytes: UTF-8 behind a BOM, or GB18030 as WPS saves it. */
static GBytes *
messy_bytes (gboolean gb18030)
{
  g_autoptr(GError) error = NULL;
  char *text;
  gsize length;

  if (!gb18030)
    {
      text = g_strconcat ("\xef\xbb\xbf", messy, NULL);
      return g_bytes_new_take (text, strlen (text));
    }

  text = g_convert (messy, -1, "GB18030", "UTF-8", NULL, &length, &error);
  g_assert_no_error (error);
  return g_bytes_new_take (text, length);
}

static char *
write_messy (Fixture  *fixture,
             gboolean  gb18030)
{
  g_autoptr(GBytes) bytes = messy_bytes (gb18030);
  gsize length;
  const char *data = g_bytes_get_data (bytes, &length);

  return write_file (fixture, gb18030 ? "roster-gb18030.csv" : "roster-bom.csv", data, length);
}

static void
assert_repeat (SlRosterProblem *problem,
               guint            line,
               guint            first_line)
{
  g_autofree char *says = g_strdup_printf ("line %u is the same as line %u", line, first_line);

  g_assert_cmpint (problem->kind, ==, SL_ROSTER_PROBLEM_REPEAT);
  g_assert_false (problem->error);
  g_assert_cmpuint (problem->line, ==, line);
  g_assert_cmpuint (problem->first_line, ==, first_line);
  assert_contains (problem->message, says);
  assert_contains (problem->message, "skipped");
}

/* The members of the ledger file, read by a fresh ledger: "name|phone"
 * lines in roster order. */
static char *
members_text (const char *path)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SlLedger) ledger = sl_ledger_open (path, &error);
  g_autoptr(GString) text = g_string_new (NULL);
  GListModel *members;

  g_assert_no_error (error);
  members = sl_ledger_get_members (ledger);
  for (guint i = 0; i < g_list_model_get_n_items (members); i++)
    {
      g_autoptr(SlMember) member = g_list_model_get_item (members, i);

      g_string_append_printf (text, "%s|%s|%s\n", sl_member_get_name (member),
                              sl_member_get_phone (member), sl_member_get_party_joined_on (member));
    }
  return g_string_free (g_steal_pointer (&text), FALSE);
}

static const char expected_members[] =
  "王芳|13700000001|2019-07-01\n"
  "李强|13700000002|2015-03-01\n"
  "赵珺|(null)|(null)\n";

/* The library: the problems list says the repeats as warnings, the
 * import skips them and counts them, in either encoding. */
static void
test_library (Fixture       *fixture,
              gconstpointer  data)
{
  gboolean gb18030 = GPOINTER_TO_INT (data);
  g_autoptr(GBytes) bytes = messy_bytes (gb18030);
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) rows = NULL;
  g_autoptr(GPtrArray) problems = NULL;
  g_autoptr(GPtrArray) skipped = g_ptr_array_new_with_free_func ((GDestroyNotify) sl_roster_problem_free);
  g_autoptr(SlLedger) ledger = NULL;
  g_autofree char *file = write_messy (fixture, gb18030);
  g_autofree char *members = NULL;
  SlRosterCounts counts = { 0 };

  rows = sl_roster_parse (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (rows->len, ==, 5);

  problems = sl_roster_list_problems (rows, NULL, NULL);
  g_assert_cmpuint (problems->len, ==, 2);
  assert_repeat (g_ptr_array_index (problems, 0), 4, 2);
  assert_repeat (g_ptr_array_index (problems, 1), 6, 3);
  g_assert_true (sl_roster_check_rows (rows, NULL, &error));
  g_assert_no_error (error);
  g_clear_pointer (&problems, g_ptr_array_unref);

  /* Into one organization: the same two, and nothing else. */
  problems = sl_roster_list_problems (rows, "机关第一党支部", NULL);
  g_assert_cmpuint (problems->len, ==, 2);
  assert_repeat (g_ptr_array_index (problems, 0), 4, 2);
  assert_repeat (g_ptr_array_index (problems, 1), 6, 3);

  ledger = sl_ledger_open (fixture->database, &error);
  g_assert_no_error (error);
  g_assert_true (sl_roster_import_reporting (ledger, file, NULL, &counts, skipped, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (counts.added, ==, 3);
  g_assert_cmpuint (counts.updated, ==, 0);
  g_assert_cmpuint (counts.unchanged, ==, 0);
  g_assert_cmpuint (counts.skipped, ==, 2);
  g_assert_cmpuint (counts.organizations_added, ==, 2);
  g_assert_cmpuint (skipped->len, ==, 2);
  assert_repeat (g_ptr_array_index (skipped, 0), 4, 2);
  assert_repeat (g_ptr_array_index (skipped, 1), 6, 3);
  g_clear_object (&ledger);

  members = members_text (fixture->database);
  g_assert_cmpstr (members, ==, expected_members);

  /* Again: the three unchanged, the two still skipped. */
  ledger = sl_ledger_open (fixture->database, &error);
  g_assert_no_error (error);
  g_assert_true (sl_roster_import (ledger, file, NULL, &counts, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (counts.added, ==, 0);
  g_assert_cmpuint (counts.unchanged, ==, 3);
  g_assert_cmpuint (counts.skipped, ==, 2);
}

/* One cell apart is no repeat: the same name with another phone, or
 * from another 所属支部 put into one organization by --organization, is
 * refused as before, naming both lines. */
static void
test_one_cell_apart (Fixture       *fixture,
                     gconstpointer  data)
{
  static const char * const files[] = {
    "姓名,联系电话\n王芳,13700000001\n王 芳,13700000002\n",
    "姓名,所属支部\n王芳,机关第一党支部\n王芳,机关第二党支部\n",
    "姓名,备注\n王芳,\n王芳,财务科\n",
  };

  for (guint i = 0; i < G_N_ELEMENTS (files); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(GPtrArray) rows = sl_roster_parse ((const guint8 *) files[i], strlen (files[i]), &error);
      g_autoptr(GPtrArray) problems = NULL;
      SlRosterProblem *problem;

      g_assert_no_error (error);
      problems = sl_roster_list_problems (rows, "机关第一党支部", NULL);
      g_assert_cmpuint (problems->len, ==, 1);
      problem = g_ptr_array_index (problems, 0);
      g_assert_cmpint (problem->kind, ==, SL_ROSTER_PROBLEM_DUPLICATE);
      g_assert_true (problem->error);
      g_assert_cmpuint (problem->line, ==, 3);
      g_assert_cmpuint (problem->first_line, ==, 2);
      g_assert_false (sl_roster_check_rows (rows, "机关第一党支部", &error));
      g_assert_error (error, SL_ROSTER_ERROR, SL_ROSTER_ERROR_DUPLICATE);
    }
}

/* The program: exit 0, the counts line alone on stdout, one warning line
 * per repeat on stderr naming the file and both lines; a second file
 * with the same name in another cell is refused whole, one line, and
 * nothing written. */
static void
test_cli (Fixture       *fixture,
          gconstpointer  data)
{
  gboolean gb18030 = GPOINTER_TO_INT (data);
  g_autofree char *file = write_messy (fixture, gb18030);
  g_autofree char *expected_out = g_strdup_printf ("Imported %s: 3 new, 0 updated, 0 unchanged members\n"
                                                   "Added 2 organizations\n", file);
  g_autofree char *members = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_auto(GStrv) lines = NULL;

  {
    g_auto(Result) result = run (fixture, "--database", fixture->database, "import-roster", file);

    g_test_message ("stderr: %s", result.err);
    g_assert_cmpint (result.status, ==, 0);
    g_assert_cmpstr (result.out, ==, expected_out);
    lines = g_strsplit (result.err, "\n", -1);
    g_assert_cmpuint (g_strv_length (lines), ==, 3);
    g_assert_cmpstr (lines[2], ==, "");
    for (guint i = 0; i < 2; i++)
      {
        g_assert_true (g_str_has_prefix (lines[i], "study-ledger: warning: "));
        assert_contains (lines[i], file);
        assert_contains (lines[i], "skipped");
      }
    assert_contains (lines[0], "line 4 is the same as line 2");
    assert_contains (lines[1], "line 6 is the same as line 3");
  }

  members = members_text (fixture->database);
  g_assert_cmpstr (members, ==, expected_members);

  /* 赵珺 twice, her phone on one line only: two facts, not one row
   * pasted twice. */
  before = ledger_text (fixture->database);
  {
    static const char differing[] = "\xef\xbb\xbf姓名,所属支部,联系电话\r\n赵珺,机关第二党支部,\r\n"
                                    "王芳,机关第一党支部,13700000001\r\n"
                                    "赵\xe3\x80\x80珺,机关第二党支部,13700000009\r\n"
                                    "王芳,机关第一党支部,13700000001\r\n";
    g_autofree char *bad = write_file (fixture, "differing.csv", differing, strlen (differing));
    g_auto(Result) result = run (fixture, "--database", fixture->database, "import-roster", bad);

    g_assert_cmpint (result.status, ==, 1);
    g_assert_cmpstr (result.out, ==, "");
    assert_one_line (result.err);
    assert_contains (result.err, bad);
    assert_contains (result.err, "line 4");
    assert_contains (result.err, "line 2");
    assert_contains (result.err, "赵珺");
  }
  after = ledger_text (fixture->database);
  g_assert_cmpstr (after, ==, before);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, data, func) \
  g_test_add ("/roster-repeats/" path, Fixture, GINT_TO_POINTER (data), fixture_set_up, func, fixture_tear_down)

  ADD ("library/utf8-bom", FALSE, test_library);
  ADD ("library/gb18030", TRUE, test_library);
  ADD ("library/one-cell-apart", FALSE, test_one_cell_apart);
  ADD ("cli/utf8-bom", FALSE, test_cli);
  ADD ("cli/gb18030", TRUE, test_cli);

#undef ADD

  return g_test_run ();
}
