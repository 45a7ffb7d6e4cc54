/* test-security.c — files readable by their owner only, text never run as SQL
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A ledger names people, what they said and why they were absent: the
 * ledger, its journal files, backups, archives and the copies a restore
 * keeps are created 0600 and their folders 0700, whatever the umask (the
 * tests run with umask 0, the worst case). Text that looks like SQL is
 * stored and found as text. tests/check-sql.py checks the sources for the
 * same promise: bound parameters only, no shell, files opened through GLib.
 */

#include "config.h"

#include <sys/stat.h>

#include "reliability-util.h"
#include "sl-archive.h"
#include "sl-backups.h"
#include "sl-search.h"

typedef struct
{
  char *folder;
  char *path;     /* folder/private/ledger.db: the open makes private/ */
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  fixture->folder = make_temp_folder ("sl-security-XXXXXX");
  fixture->path = g_build_filename (fixture->folder, "private", "ledger.db", NULL);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  remove_tree (fixture->folder);
  g_clear_pointer (&fixture->folder, g_free);
  g_clear_pointer (&fixture->path, g_free);
}

static SlLedger *
open_ledger (Fixture *fixture)
{
  g_autoptr(GError) error = NULL;
  SlLedger *ledger = sl_ledger_open (fixture->path, &error);

  g_assert_no_error (error);
  add_roster (ledger);
  return ledger;
}

static void
test_ledger_modes (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autoptr(SlLedger) ledger = open_ledger (fixture);
  g_autofree char *folder = g_path_get_dirname (fixture->path);
  g_autofree char *wal = g_strconcat (fixture->path, "-wal", NULL);
  g_autofree char *shm = g_strconcat (fixture->path, "-shm", NULL);

  g_assert_cmpint (file_mode (folder), ==, 0700);
  g_assert_cmpint (file_mode (fixture->path), ==, 0600);
  /* While open: the journal holds the latest records too. */
  g_assert_true (g_file_test (wal, G_FILE_TEST_EXISTS));
  g_assert_cmpint (file_mode (wal), ==, 0600);
  g_assert_cmpint (file_mode (shm), ==, 0600);
}

/* A ledger copied in with a wider mode is made private when opened. */
static void
test_ledger_made_private (Fixture       *fixture,
                          gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  {
    g_autoptr(SlLedger) ledger = open_ledger (fixture);
  }
  g_assert_cmpint (g_chmod (fixture->path, 0644), ==, 0);

  {
    g_autoptr(SlDatabase) db = sl_database_open (fixture->path, &error);
    g_assert_no_error (error);
    g_assert_cmpint (file_mode (fixture->path), ==, 0600);
  }
}

static void
test_copies_modes (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SlLedger) ledger = open_ledger (fixture);
  SlDatabase *db = sl_ledger_get_database (ledger);
  g_autofree char *backup = g_build_filename (fixture->folder, "backup.db", NULL);
  g_autofree char *archive = g_build_filename (fixture->folder, "archive.json", NULL);
  g_autofree char *daily_folder = g_build_filename (fixture->folder, "daily", NULL);
  g_autofree char *daily = g_build_filename (daily_folder, "ledger-2024-02-01.db", NULL);
  g_autofree char *saved = NULL;
  g_autofree char *restored = g_build_filename (fixture->folder, "restored", "ledger.db", NULL);
  g_autofree char *restored_backups = g_build_filename (fixture->folder, "restored", "ledger-backups", NULL);

  g_assert_true (sl_database_backup (db, backup, &error));
  g_assert_no_error (error);
  g_assert_cmpint (file_mode (backup), ==, 0600);

  g_assert_true (sl_archive_export (ledger, archive, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpint (file_mode (archive), ==, 0600);

  g_setenv ("SL_TODAY", "2024-02-01", TRUE);
  g_assert_true (sl_backups_run_daily (db, daily_folder, 14, &error));
  g_unsetenv ("SL_TODAY");
  g_assert_no_error (error);
  g_assert_cmpint (file_mode (daily_folder), ==, 0700);
  g_assert_cmpint (file_mode (daily), ==, 0600);

  /* Restoring: into nothing, then over a ledger (which is kept aside). */
  g_assert_true (sl_backups_restore_full (restored, backup, &saved, &error));
  g_assert_no_error (error);
  g_assert_cmpint (file_mode (restored), ==, 0600);
  g_assert_true (sl_backups_restore_full (restored, backup, &saved, &error));
  g_assert_no_error (error);
  g_assert_cmpint (file_mode (restored), ==, 0600);
  g_assert_cmpint (file_mode (restored_backups), ==, 0700);
  g_assert_cmpint (file_mode (saved), ==, 0600);
}

static void
test_cli_modes (Fixture       *fixture,
                gconstpointer  data)
{
  g_autofree char *roster = g_build_filename (fixture->folder, "roster.csv", NULL);
  g_autofree char *archive = g_build_filename (fixture->folder, "out.json", NULL);
  g_autofree char *backup = g_build_filename (fixture->folder, "out.db", NULL);
  g_autofree char *folder = g_path_get_dirname (fixture->path);
  CliResult result;

  if (cli_path () == NULL)
    {
      g_test_skip ("STUDY_LEDGER does not name the built program");
      return;
    }

  write_file (roster, "姓名\n王芳\n", -1);
  run_cli (&result, fixture->folder, "--database", fixture->path, "import-roster", roster);
  g_assert_cmpint (result.status, ==, 0);
  cli_result_clear (&result);
  g_assert_cmpint (file_mode (folder), ==, 0700);
  g_assert_cmpint (file_mode (fixture->path), ==, 0600);

  run_cli (&result, fixture->folder, "--database", fixture->path, "export-archive", archive);
  g_assert_cmpint (result.status, ==, 0);
  cli_result_clear (&result);
  g_assert_cmpint (file_mode (archive), ==, 0600);

  run_cli (&result, fixture->folder, "--database", fixture->path, "backup", "--output", backup);
  g_assert_cmpint (result.status, ==, 0);
  cli_result_clear (&result);
  g_assert_cmpint (file_mode (backup), ==, 0600);
}

/* Text that looks like SQL is stored, exported and searched as text. */
static void
test_sql_text_is_text (Fixture       *fixture,
                       gconstpointer  data)
{
  static const char *texts[] = {
    "Robert'); DROP TABLE members;--",
    "' OR 1=1 --",
    "\" OR \"\"=\"",
    "学习'; DELETE FROM meetings WHERE '1'='1",
    "x\" MATCH \"*",
  };
  g_autoptr(GError) error = NULL;
  g_autoptr(SlLedger) ledger = open_ledger (fixture);
  SlDatabase *db = sl_ledger_get_database (ledger);
  g_autoptr(GPtrArray) problems = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (texts); i++)
    {
      g_autofree char *date = g_strdup_printf ("2024-03-%02u", i + 1);
      g_autoptr(SlMeeting) meeting = new_meeting (date, texts[i]);
      g_autoptr(SlMeeting) loaded = NULL;
      g_autoptr(GPtrArray) hits = NULL;
      g_autoptr(SlMember) member = sl_member_new ();

      sl_member_set_name (member, texts[i]);
      g_assert_true (sl_ledger_save_member (ledger, member, &error));
      g_assert_true (sl_ledger_save_meeting (ledger, meeting, SL_SAVE_REPLACE, &error));
      g_assert_no_error (error);

      loaded = sl_ledger_load_meeting (ledger, sl_record_get_id (SL_RECORD (meeting)), &error);
      g_assert_no_error (error);
      g_assert_cmpstr (sl_meeting_get_title (loaded), ==, texts[i]);

      hits = sl_search_run (db, texts[i], 0, &error);
      g_assert_no_error (error);
      g_assert_cmpuint (hits->len, >=, 1);
    }

  g_assert_cmpuint (g_list_model_get_n_items (sl_ledger_get_members (ledger)), ==,
                    TEST_N_MEMBERS + G_N_ELEMENTS (texts));
  problems = sl_database_check (db, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (problems->len, ==, 0);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  /* The worst umask: every mode below comes from the code, not from it. */
  umask (0);

  g_test_add ("/security/modes/ledger", Fixture, NULL,
              fixture_set_up, test_ledger_modes, fixture_tear_down);
  g_test_add ("/security/modes/ledger-made-private", Fixture, NULL,
              fixture_set_up, test_ledger_made_private, fixture_tear_down);
  g_test_add ("/security/modes/copies", Fixture, NULL,
              fixture_set_up, test_copies_modes, fixture_tear_down);
  g_test_add ("/security/modes/cli", Fixture, NULL,
              fixture_set_up, test_cli_modes, fixture_tear_down);
  g_test_add ("/security/sql-text-is-text", Fixture, NULL,
              fixture_set_up, test_sql_text_is_text, fixture_tear_down);

  return g_test_run ();
}
