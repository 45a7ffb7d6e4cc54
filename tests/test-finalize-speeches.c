/* test-finalize-speeches.c — 定稿 and the minutes of a meeting's 研讨发言 rows
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Issue 17: an empty 研讨发言 row passed 定稿 and printed as “研讨发言 /
 * ：” in the minutes. Now a row with neither speaker nor words is left
 * out of the minutes and dropped at 定稿 (added by accident, it is no
 * evidence); a row with a speaker and no text, or text and no speaker, is
 * refused at 定稿 with one line naming the meeting and the row, and
 * nothing is written.
 *
 * Through the built program only (tests/lib/sl-test-cli.h): the small
 * archive with its first meeting's speeches replaced, imported with
 * import-archive, then `finalize`, `export minutes` read back with
 * pdftotext, and `check`.
 */

#include "config.h"

#include <string.h>

#include "sl-evidence.h"
#include "sl-ledger.h"
#include "sl-meeting.h"
#include "sl-speech.h"
#include "sl-test-cli.h"
#include "sl-test-pdf.h"
#include "sl-test-util.h"

/* The first meeting's speeches in archive_json, replaced by each case's. */
static const char speeches_in_archive[] =
  "      \"speeches\": [\n"
  "        { \"speaker\": \"" M1 "\", \"points\": \"要原原本本读原著\" },\n"
  "        { \"speaker\": null, \"speaker_name\": \"赵六\", \"points\": \"结合办公室工作谈体会\" }\n"
  "      ],\n";

static void
import_with_speeches (Fixture    *fixture,
                      const char *speeches)
{
  g_autoptr(GString) text = g_string_new (archive_json);
  g_autofree char *replacement = g_strdup_printf ("      \"speeches\": [\n%s      ],\n", speeches);
  g_autofree char *file = NULL;

  g_assert_cmpuint (g_string_replace (text, speeches_in_archive, replacement, 1), ==, 1);
  file = write_file (fixture, "archive.json", text->str, text->len);
  {
    g_auto(Result) result = run (fixture, "--database", fixture->database, "import-archive", file);

    g_assert_cmpstr (result.err, ==, "");
    g_assert_cmpint (result.status, ==, 0);
  }
}

/* The first meeting's minutes as pdftotext reads them. */
static char *
minutes_text (Fixture    *fixture,
              const char *name)
{
  g_autofree char *pdf = g_build_filename (fixture->folder, name, NULL);
  g_auto(Result) result = run (fixture, "--database", fixture->database, "export", "minutes",
                               "--meeting", MT1, "--output", pdf);

  /* stderr may name the stand-in fonts. */
  g_test_message ("export minutes: %s", result.err);
  g_assert_cmpint (result.status, ==, 0);
  return pdf_all_text (pdf);
}

/* No line of the minutes starts with the colon of a speaker left out. */
static void
assert_no_bare_colon (const char *text)
{
  g_auto(GStrv) lines = g_strsplit (text, "\n", -1);

  for (guint i = 0; lines[i] != NULL; i++)
    {
      const char *line = lines[i];

      while (*line == ' ' || *line == '\f')
        line++;
      if (g_str_has_prefix (line, "："))
        g_error ("the minutes print a speech with no speaker: line %u “%s” of\n%s", i + 1, lines[i], text);
    }
}

static guint
stored_speeches (Fixture *fixture)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SlLedger) ledger = sl_ledger_open (fixture->database, &error);
  g_autoptr(SlMeeting) meeting = NULL;

  g_assert_no_error (error);
  meeting = sl_ledger_load_meeting (ledger, MT1, &error);
  g_assert_no_error (error);
  return g_list_model_get_n_items (sl_meeting_get_speeches (meeting));
}

static gboolean
is_final (Fixture *fixture)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SlLedger) ledger = sl_ledger_open (fixture->database, &error);
  g_autoptr(SlMeeting) meeting = NULL;
  g_autoptr(SlFinal) final = NULL;

  g_assert_no_error (error);
  meeting = sl_ledger_load_meeting (ledger, MT1, &error);
  g_assert_no_error (error);
  g_assert_true (sl_evidence_get_final (ledger, sl_record_get_key (SL_RECORD (meeting)), &final, &error));
  g_assert_no_error (error);
  return final != NULL;
}

static void
finalize_ok (Fixture *fixture)
{
  g_auto(Result) result = run (fixture, "--database", fixture->database, "finalize", "--meeting", MT1,
                               "--by", "王五");

  g_assert_cmpstr (result.err, ==, "");
  g_assert_cmpint (result.status, ==, 0);
}

static void
check_ok (Fixture *fixture)
{
  g_auto(Result) result = run (fixture, "--database", fixture->database, "check");

  g_test_message ("check: %s%s", result.out, result.err);
  g_assert_cmpint (result.status, ==, 0);
}

/* An empty row between two speeches (one of blanks, full-width too):
 * not printed in the draft's minutes, dropped at 定稿, the two others
 * printed and kept, and the hash is of what is stored. */
static void
test_empty_row_dropped (Fixture       *fixture,
                        gconstpointer  data)
{
  g_autofree char *draft = NULL;
  g_autofree char *final = NULL;

  import_with_speeches (fixture,
                        "        { \"speaker\": \"" M1 "\", \"points\": \"要原原本本读原著\" },\n"
                        "        { \"speaker\": null, \"speaker_name\": null, \"points\": \"\" },\n"
                        "        { \"speaker\": null, \"speaker_name\": \" \", \"points\": \"\xe3\x80\x80\" },\n"
                        "        { \"speaker\": null, \"speaker_name\": \"赵六\", \"points\": \"结合办公室工作谈体会\" }\n");
  g_assert_cmpuint (stored_speeches (fixture), ==, 4);

  draft = minutes_text (fixture, "draft.pdf");
  assert_no_bare_colon (draft);
  assert_in_order (draft, "研讨发言", "张三：", "要原原本本读原著", "赵六：", "结合办公室工作谈体会", NULL);
  g_assert_cmpuint (count_occurrences (draft, "研讨发言"), ==, 1);

  finalize_ok (fixture);
  g_assert_true (is_final (fixture));
  g_assert_cmpuint (stored_speeches (fixture), ==, 2);
  check_ok (fixture);

  final = minutes_text (fixture, "final.pdf");
  assert_no_bare_colon (final);
  assert_in_order (final, "研讨发言", "张三：", "要原原本本读原著", "赵六：", "结合办公室工作谈体会", NULL);
}

/* Nothing but an empty row: no 研讨发言 heading at all, before or after. */
static void
test_only_empty_row (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autofree char *draft = NULL;
  g_autofree char *final = NULL;

  import_with_speeches (fixture, "        { \"speaker\": null, \"points\": null }\n");

  draft = minutes_text (fixture, "draft.pdf");
  assert_no_bare_colon (draft);
  g_assert_cmpuint (count_occurrences (draft, "研讨发言"), ==, 0);
  assert_contains (draft, "抓好贯彻落实");

  finalize_ok (fixture);
  g_assert_cmpuint (stored_speeches (fixture), ==, 0);
  check_ok (fixture);
  final = minutes_text (fixture, "final.pdf");
  g_assert_cmpuint (count_occurrences (final, "研讨发言"), ==, 0);
}

/* Half a speech: refused, one line naming the meeting, the row (counted
 * as printed, the empty row not counted) and what to do; the ledger as
 * it was, still a draft. */
static void
test_half_filled_refused (Fixture       *fixture,
                          gconstpointer  data)
{
  static const struct {
    const char *speeches;
    const char *says[3];
  } cases[] = {
    { "        { \"speaker\": null, \"points\": \"\" },\n"
      "        { \"speaker\": \"" M1 "\", \"points\": \"要原原本本读原著\" },\n"
      "        { \"speaker\": \"" M2 "\", \"points\": \"  \" }\n",
      { "speech 2, by 李四", "no text", "delete the speech" } },
    { "        { \"speaker\": null, \"speaker_name\": \"赵六\" }\n",
      { "speech 1, by 赵六", "no text", NULL } },
    { "        { \"speaker\": \"" M1 "\", \"points\": \"要原原本本读原著\" },\n"
      "        { \"speaker\": null, \"speaker_name\": \"\", \"points\": \"结合办公室工作谈体会\" }\n",
      { "speech 2 has no speaker", "choose who spoke", NULL } },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *before = NULL;
      g_autofree char *after = NULL;

      if (i > 0)
        {
          fixture_tear_down (fixture, data);
          fixture_set_up (fixture, data);
        }
      import_with_speeches (fixture, cases[i].speeches);
      before = ledger_text (fixture->database);

      {
        g_auto(Result) result = run (fixture, "--database", fixture->database, "finalize", "--meeting", MT1,
                                     "--by", "王五");

        g_test_message ("finalize: %s", result.err);
        g_assert_cmpint (result.status, ==, 1);
        g_assert_cmpstr (result.out, ==, "");
        assert_one_line (result.err);
        assert_contains (result.err, MT1);
        assert_contains (result.err, "某某局党组理论学习中心组2023年第1次集体学习");
        assert_contains (result.err, "finalise again");
        for (guint k = 0; k < G_N_ELEMENTS (cases[i].says) && cases[i].says[k] != NULL; k++)
          assert_contains (result.err, cases[i].says[k]);
      }

      g_assert_false (is_final (fixture));
      after = ledger_text (fixture->database);
      g_assert_cmpstr (after, ==, before);
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add ("/finalize-speeches/" path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("empty-row-dropped", test_empty_row_dropped);
  ADD ("only-empty-row", test_only_empty_row);
  ADD ("half-filled-refused", test_half_filled_refused);

#undef ADD

  return g_test_run ();
}
