/* bad-input-util.h — what test-bad-input.c and test-bad-input-cli.c share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The fixture (a temporary folder, a ledger path not created yet), a
 * ledger with the test roster, files that are not ledgers or are newer,
 * archives with bad dates, and text that is huge or strange: the core half
 * and the command-line half of the bad-input tests give the same inputs.
 * Static like reliability-util.h, which it builds on.
 */

#pragma once

#include <sqlite3.h>

#include "reliability-util.h"

typedef struct
{
  char *folder;
  char *path;       /* folder/ledger.db, not created */
} Fixture;

static inline void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  fixture->folder = make_temp_folder ("sl-bad-input-XXXXXX");
  fixture->path = g_build_filename (fixture->folder, "ledger.db", NULL);
}

static inline void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  remove_tree (fixture->folder);
  g_clear_pointer (&fixture->folder, g_free);
  g_clear_pointer (&fixture->path, g_free);
}

static inline SlLedger *
ledger_with_roster (const char *path)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SlLedger) ledger = sl_ledger_open (path, &error);

  g_assert_no_error (error);
  add_roster (ledger);
  return g_steal_pointer (&ledger);
}

static inline guint
count_rows (SlLedger   *ledger,
            const char *sql)
{
  g_autoptr(GError) error = NULL;
  sqlite3_stmt *stmt = sl_database_prepare (sl_ledger_get_database (ledger), sql, &error);
  guint n;

  g_assert_no_error (error);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  n = sqlite3_column_int (stmt, 0);
  sqlite3_reset (stmt);
  return n;
}

/* A file with a ledger's mark but a schema this build does not know, as
 * one file (no WAL beside it), the way a newer version would leave it. */
static inline void
make_newer_ledger (const char *path)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SlLedger) ledger = ledger_with_roster (path);
  SlDatabase *db = sl_ledger_get_database (ledger);

  g_assert_true (sl_database_exec (db, "PRAGMA user_version = 99", &error));
  g_assert_true (sl_database_exec (db, "PRAGMA journal_mode = DELETE", &error));
  g_assert_no_error (error);
}


static const char *archive_head =
  "{ \"format\": \"study-ledger-archive\", \"version\": 1,\n"
  "  \"meetings\": [ { \"id\": \"6f1c9a52-0000-4000-8000-000000000301\",\n"
  "    \"organization\": \"" TEST_ORGANIZATION "\", \"kind\": \"party_group\",\n";

static char *
meeting_archive (const char *fields)
{
  g_autofree char *member = member_id (1);

  return g_strdup_printf ("%s%s,\n"
                          "    \"attendance\": [ { \"member\": \"%s\", \"status\": \"present\" } ] } ] }\n",
                          archive_head, fields, member);
}

typedef struct
{
  const char *fields;
  const char *where;   /* the record path the message must name */
} BadArchive;

static const BadArchive bad_archives[] = {
  { "\"date\": \"2023-02-30\"", "meetings[0].date" },
  { "\"date\": \"2023-13-01\"", "meetings[0].date" },
  { "\"date\": \"2023-2-3\"", "meetings[0].date" },
  { "\"date\": \"\"", "meetings[0].date" },
  { "\"date\": \"2023-03-05\", \"start\": \"14:30\", \"end\": \"09:00\"", "meetings[0].end" },
  { "\"date\": \"2023-03-05\", \"start\": \"25:00\"", "meetings[0].start" },
  { "\"date\": \"2023-03-05\", \"studies\": [ { \"id\": \"6f1c9a52-0000-4000-8000-000000000302\", "
    "\"published_on\": \"2023-04-31\" } ]", "meetings[0].studies[0].published_on" },
  { "\"date\": \"2023-03-05\", \"measures\": [ { \"id\": \"6f1c9a52-0000-4000-8000-000000000303\", "
    "\"due_on\": \"2024-02-30\" } ]", "meetings[0].measures[0].due_on" },
};


/* Every control character but NUL (a C string ends there; the archive's
 * JSON could carry \u0000, and is refused by json-glib), line and
 * paragraph separators, a BOM, bidirectional marks, combining marks,
 * characters beyond the BMP, and emoji built from several code points. */
static inline char *
strange_text (void)
{
  GString *text = g_string_new ("控制字符：");

  for (char c = 1; c < 0x20; c++)
    g_string_append_c (text, c);
  g_string_append_c (text, 0x7f);
  g_string_append (text, "\xc2\x85" "\u2028\u2029\ufeff\u200b\u200d\u200e\u200f\u202e"
                         "e\u0301 \U00020000\U0002A6A5 𠮷野家 "
                         "👨‍👩‍👧‍👦 🇨🇳 👍🏽 🏳️‍🌈 ❤️ "
                         "＂全角引号＂ \"ASCII quotes\" \\ backslash / {json} [array] 'single' %s %n");
  return g_string_free (text, FALSE);
}

/* A megabyte of text as one field: a whole speech pasted at once. */
static inline char *
megabyte_text (void)
{
  static const char line[] = "要把学习成果转化为推动高质量发展的实际行动，Study 2023；\n";
  GString *text = g_string_sized_new (1024 * 1024 + sizeof line);

  while (text->len < 1024 * 1024)
    g_string_append (text, line);
  return g_string_free (text, FALSE);
}

