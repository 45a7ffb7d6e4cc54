/* test-cli-database.c — the built study-ledger binary and the ledger file
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * As test-cli.c (tests/lib/sl-test-cli.h), for the file itself: backup,
 * check (a good ledger, a file that is no database, another program's
 * SQLite file), read-only commands that never create a ledger, which
 * database a command opens, and nothing written on failure.
 */
#include "config.h"

#include <locale.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>

#include <glib/gstdio.h>
#include <json-glib/json-glib.h>

#include "sl-archive.h"
#include "sl-ledger.h"
#include "sl-member.h"
#include "sl-organization.h"
#include "sl-test-cli.h"
#include "sl-test-util.h"


/* ------------------------------------------------------------------ */
/* backup and check                                                   */
/* ------------------------------------------------------------------ */

static void
test_backup (Fixture       *fixture,
             gconstpointer  data)
{
  g_autofree char *backup = g_build_filename (fixture->folder, "backup.db", NULL);
  g_autofree char *original = NULL;
  g_autofree char *copy = NULL;

  import_archive (fixture, fixture->database);

  {
    g_auto(Result) result = run (fixture, "--database", fixture->database, "backup", "--output", backup);

    g_assert_cmpint (result.status, ==, 0);
    g_assert_cmpstr (result.err, ==, "");
  }
  assert_mode (backup, 0600);

  {
    g_autofree char *wal = g_strconcat (backup, "-wal", NULL);
    assert_missing (wal);
  }

  {
    g_auto(Result) result = run (fixture, "--database", backup, "check");

    g_assert_cmpint (result.status, ==, 0);
    g_assert_cmpstr (result.err, ==, "");
  }

  original = ledger_text (fixture->database);
  copy = ledger_text (backup);
  g_assert_cmpstr (copy, ==, original);
}

static void
test_check_good (Fixture       *fixture,
                 gconstpointer  data)
{
  g_auto(Result) result = { 0 };

  import_archive (fixture, fixture->database);
  result = run (fixture, "--database", fixture->database, "check");
  g_assert_cmpint (result.status, ==, 0);
  g_assert_cmpstr (result.err, ==, "");
}

static void
assert_check_refuses (Fixture    *fixture,
                      const char *path)
{
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autofree char *wal = g_strconcat (path, "-wal", NULL);
  g_autofree char *shm = g_strconcat (path, "-shm", NULL);
  gsize before_length = 0, after_length = 0;
  g_auto(Result) result = { 0 };

  g_file_get_contents (path, &before, &before_length, NULL);

  result = run (fixture, "--database", path, "check");
  if (result.status != 1)
    soft_fail ("check %s: exit %d instead of 1; stdout: %s", path, result.status, result.out);
  else
    {
      g_assert_cmpstr (result.out, ==, "");
      assert_one_line (result.err);
      assert_contains (result.err, path);
    }

  g_file_get_contents (path, &after, &after_length, NULL);
  if (after_length != before_length || memcmp (after, before, before_length) != 0)
    soft_fail ("check changed %s: %" G_GSIZE_FORMAT " bytes before, %" G_GSIZE_FORMAT " after",
                        path, before_length, after_length);
  assert_missing (wal);
  assert_missing (shm);
}

static void
test_check_not_a_database (Fixture       *fixture,
                           gconstpointer  data)
{
  g_autoptr(GString) text = g_string_new (NULL);
  g_autofree char *path = NULL;
  g_autofree char *roster = fixture_file ("roster-gb18030.csv");

  for (guint i = 0; i < 200; i++)
    g_string_append_printf (text, "第%u行：这不是台账，是一份会议纪要。\n", i + 1);
  path = write_file (fixture, "minutes.txt", text->str, text->len);
  assert_check_refuses (fixture, path);

  /* A file of 4096 bytes that only looks binary. */
  {
    g_autofree char *junk = g_malloc (4096);
    g_autofree char *junk_path = NULL;

    for (guint i = 0; i < 4096; i++)
      junk[i] = (char) (i * 37 + 11);
    junk_path = write_file (fixture, "junk.db", junk, 4096);
    assert_check_refuses (fixture, junk_path);
  }

  /* A fixture file: a check must never touch it. */
  {
    g_autofree char *copy = NULL;
    g_autofree char *contents = NULL;
    gsize length = 0;

    g_file_get_contents (roster, &contents, &length, NULL);
    copy = write_file (fixture, "roster.csv", contents, length);
    assert_check_refuses (fixture, copy);
  }
}

/* Another program's SQLite file is not ours to change. */
static void
test_check_other_sqlite (Fixture       *fixture,
                         gconstpointer  data)
{
  g_autofree char *path = g_build_filename (fixture->folder, "other.sqlite", NULL);
  sqlite3 *db = NULL;

  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, "CREATE TABLE notes (body TEXT);"
                                     "INSERT INTO notes VALUES ('学习笔记');", NULL, NULL, NULL),
                   ==, SQLITE_OK);
  sqlite3_close (db);

  assert_check_refuses (fixture, path);
}

/* ------------------------------------------------------------------ */
/* Read-only commands never create a ledger                           */
/* ------------------------------------------------------------------ */

static void
assert_read_only_refuse (Fixture    *fixture,
                         const char *database)
{
  g_autofree char *output = g_build_filename (fixture->folder, "out.json", NULL);
  g_autofree char *backup = g_build_filename (fixture->folder, "backup.db", NULL);
  const char *stats[] = { "--database", database, "stats", "--year", "2023", "--json", NULL };
  const char *search[] = { "--database", database, "search", "学习", "--json", NULL };
  const char *check[] = { "--database", database, "check", NULL };
  const char *export[] = { "--database", database, "export-archive", output, NULL };
  const char *backing_up[] = { "--database", database, "backup", "--output", backup, NULL };
  const char **lines[] = { stats, search, check, export, backing_up };

  for (guint i = 0; i < G_N_ELEMENTS (lines); i++)
    {
      g_auto(Result) result = run_argv (fixture, lines[i]);

      g_assert_cmpint (result.status, ==, 1);
      g_assert_cmpstr (result.out, ==, "");
      assert_one_line (result.err);
      assert_contains (result.err, database);
      assert_missing (database);
      assert_missing (output);
      assert_missing (backup);
    }
}

static void
test_read_only_missing (Fixture       *fixture,
                        gconstpointer  data)
{
  g_autofree char *nested = g_build_filename (fixture->folder, "no-such-folder", "ledger.db", NULL);
  g_autofree char *nested_folder = g_path_get_dirname (nested);

  assert_read_only_refuse (fixture, fixture->database);
  assert_read_only_refuse (fixture, nested);
  assert_missing (nested_folder);
}

/* The default ledger, when it does not exist yet, is not created by a
 * command that only reads. */
static void
test_read_only_missing_default (Fixture       *fixture,
                                gconstpointer  data)
{
  g_autofree char *path = g_build_filename (fixture->data_home, "study-ledger", "ledger.db", NULL);
  g_auto(Result) stats = run (fixture, "stats", "--year", "2023", "--json");
  g_auto(Result) check = run (fixture, "check");

  g_assert_cmpint (stats.status, ==, 1);
  assert_one_line (stats.err);
  assert_contains (stats.err, path);
  g_assert_cmpint (check.status, ==, 1);
  assert_missing (path);
  assert_missing (fixture->data_home);
}

/* ------------------------------------------------------------------ */
/* --database anywhere, and the default ledger                        */
/* ------------------------------------------------------------------ */

static void
test_database_after_command (Fixture       *fixture,
                             gconstpointer  data)
{
  g_autofree char *roster = fixture_file ("roster-utf8.csv");
  g_autofree char *equals = g_strconcat ("--database=", fixture->database, NULL);

  {
    g_auto(Result) result = run (fixture, "import-roster", roster, "--database", fixture->database);

    g_assert_cmpint (result.status, ==, 0);
    g_assert_cmpstr (result.err, ==, "");
    g_assert_true (g_file_test (fixture->database, G_FILE_TEST_IS_REGULAR));
  }

  {
    g_auto(Result) result = run (fixture, "stats", "--year", "2023", "--json", "--database", fixture->database);
    g_autoptr(JsonNode) root = NULL;

    g_assert_cmpint (result.status, ==, 0);
    root = parse_json (result.out);
    g_assert_cmpuint (json_array_get_length (json_object_get_array_member (json_node_get_object (root),
                                                                           "members")), ==, 6);
  }

  {
    g_auto(Result) result = run (fixture, "search", "--database", fixture->database, "学习", "--json");

    g_assert_cmpint (result.status, ==, 0);
    g_assert_cmpstr (result.err, ==, "");
  }

  {
    g_auto(Result) after = run (fixture, "check", equals);
    g_auto(Result) before = run (fixture, equals, "check");

    g_assert_cmpint (after.status, ==, 0);
    g_assert_cmpint (before.status, ==, 0);
  }

  /* None of this went to the default ledger. */
  assert_missing (fixture->data_home);
}

static void
test_default_database (Fixture       *fixture,
                       gconstpointer  data)
{
  g_autofree char *roster = fixture_file ("roster-utf8.csv");
  g_autofree char *path = g_build_filename (fixture->data_home, "study-ledger", "ledger.db", NULL);

  assert_missing (fixture->data_home);

  {
    g_auto(Result) result = run (fixture, "import-roster", roster);

    g_assert_cmpint (result.status, ==, 0);
    g_assert_cmpstr (result.err, ==, "");
  }

  g_assert_true (g_file_test (path, G_FILE_TEST_IS_REGULAR));
  assert_mode (path, 0600);

  /* And it is the one commands read when no --database is given. */
  {
    g_auto(Result) result = run (fixture, "stats", "--year", "2023", "--json");
    g_autoptr(JsonNode) root = NULL;

    g_assert_cmpint (result.status, ==, 0);
    root = parse_json (result.out);
    g_assert_cmpuint (json_array_get_length (json_object_get_array_member (json_node_get_object (root),
                                                                           "members")), ==, 6);
  }

  {
    g_auto(Result) result = run (fixture, "check");

    g_assert_cmpint (result.status, ==, 0);
    assert_contains (result.out, path);
  }
  assert_mode (path, 0600);

  /* The folder beside it is not the working folder. */
  {
    g_autofree char *stray = g_build_filename (fixture->folder, "ledger.db", NULL);
    assert_missing (stray);
  }
}

/* ------------------------------------------------------------------ */
/* Nothing written                                                    */
/* ------------------------------------------------------------------ */

/* Two more cases of DESIGN.md's "on failure ... nothing was written" and
 * of "commands that only read do not create a ledger". They run last and
 * report with soft_fail(), so that one run shows both:
 *
 * - a refused roster named with --database FILE where FILE does not
 *   exist must not leave a new (empty) ledger FILE behind;
 * - `check` on an empty file (what `touch` leaves, or a copy that failed)
 *   must refuse it untouched, not turn it into a ledger and pass it. */
static void
test_nothing_written (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autofree char *roster = fixture_file ("roster-bad-date.csv");
  g_autofree char *empty = write_file (fixture, "empty.db", "", 0);

  {
    g_auto(Result) result = run (fixture, "--database", fixture->database, "import-roster", roster);

    g_assert_cmpint (result.status, ==, 1);
    g_assert_cmpstr (result.out, ==, "");
    assert_one_line (result.err);
    assert_contains (result.err, "line 3");
    assert_missing (fixture->database);
  }

  assert_check_refuses (fixture, empty);
}

int
main (int   argc,
      char *argv[])
{
  /* Only for the log: the program's Chinese output shown as it is. */
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add ("/cli/" path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("backup", test_backup);
  ADD ("check/good", test_check_good);
  ADD ("check/not-a-database", test_check_not_a_database);
  ADD ("check/other-sqlite", test_check_other_sqlite);
  ADD ("read-only/missing", test_read_only_missing);
  ADD ("read-only/missing-default", test_read_only_missing_default);
  ADD ("database/after-command", test_database_after_command);
  ADD ("database/default", test_default_database);
  /* Last: see its comment. */
  ADD ("nothing-written/on-failure-and-read", test_nothing_written);

#undef ADD

  return g_test_run ();
}

