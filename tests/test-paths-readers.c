/* test-paths-readers.c — a ledger that cannot be opened, and readers, say what is true
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * docs/reliability.md's promises about the ledger as a file, as far as
 * opening and reading it go (the outputs, races and killed imports are in
 * test-paths.c):
 *
 *   - a ledger that cannot be opened is described as what it is: damaged,
 *     read-only, on a full disk, a link to nothing;
 *   - commands that read leave the ledger's mode and bytes as they are,
 *     also as another user (nobody).
 *
 * Real files in temporary folders, and the built study-ledger
 * (STUDY_LEDGER) as a child process, as a user runs it.
 */

#include "config.h"

#include <gio/gio.h>
#include <signal.h>
#include <sys/resource.h>
#include <sys/wait.h>

#include "paths-util.h"
#include "sl-backups.h"

/* Messages that say what is true ---------------------------------------------------- */

static void
test_truncated (Fixture       *fixture,
                gconstpointer  data)
{
  CliResult result;

  REQUIRE_CLI ();

  make_ledger (fixture);
  g_assert_cmpint (truncate (fixture->path, 100000), ==, 0);

  run_cli (&result, fixture->folder, "--database", fixture->path, "check");
  g_assert_cmpint (result.status, ==, 1);
  assert_one_line (result.err);
  g_assert_nonnull (strstr (result.err, "damaged"));
  g_assert_nonnull (strstr (result.err, "cut short"));
  g_assert_null (strstr (result.err, "not a Study Ledger"));
  cli_result_clear (&result);

  g_assert_cmpint (truncate (fixture->path, 60), ==, 0);
  run_cli (&result, fixture->folder, "--database", fixture->path, "stats", "--year", "2023");
  g_assert_cmpint (result.status, ==, 1);
  assert_one_line (result.err);
  g_assert_nonnull (strstr (result.err, "damaged"));
  cli_result_clear (&result);
}

static void
test_symlink (Fixture       *fixture,
              gconstpointer  data)
{
  g_autofree char *link_path = g_build_filename (fixture->folder, "link.db", NULL);
  g_autofree char *dangling = g_build_filename (fixture->folder, "dangling.db", NULL);
  g_autofree char *roster = data_file ("roster-utf8.csv");
  g_autofree char *names = NULL;
  CliResult result;

  REQUIRE_CLI ();

  make_ledger (fixture);
  g_assert_cmpint (symlink ("ledger.db", link_path), ==, 0);
  g_assert_cmpint (symlink ("nowhere.db", dangling), ==, 0);

  /* A link to the ledger opens the ledger, for reading and for writing. */
  run_cli (&result, fixture->folder, "--database", link_path, "check");
  g_assert_cmpint (result.status, ==, 0);
  cli_result_clear (&result);
  run_cli (&result, fixture->folder, "--database", link_path, "import-roster", roster);
  g_assert_cmpint (result.status, ==, 0);
  cli_result_clear (&result);
  g_assert_true (g_file_test (link_path, G_FILE_TEST_IS_SYMLINK));

  /* A link to nothing is named, with where it leads; nothing is made. */
  run_cli (&result, fixture->folder, "--database", dangling, "check");
  g_assert_cmpint (result.status, ==, 1);
  assert_one_line (result.err);
  g_assert_nonnull (strstr (result.err, dangling));
  g_assert_nonnull (strstr (result.err, "nowhere.db"));
  cli_result_clear (&result);
  run_cli (&result, fixture->folder, "--database", dangling, "import-roster", roster);
  g_assert_cmpint (result.status, ==, 1);
  assert_one_line (result.err);
  g_assert_nonnull (strstr (result.err, "nowhere.db"));
  cli_result_clear (&result);
  g_assert_false (g_file_test (dangling, G_FILE_TEST_EXISTS));

  names = list_folder (fixture->folder);
  g_assert_cmpstr (names, ==, "dangling.db ledger-backups ledger.db link.db");
}

static void
limit_file_size (gpointer data)
{
  struct rlimit limit = { 8 * 1024, 8 * 1024 };

  /* Writing past the limit then fails with EFBIG, as on a full disk. */
  signal (SIGXFSZ, SIG_IGN);
  if (setrlimit (RLIMIT_FSIZE, &limit) != 0)
    _exit (98);
}

static void
test_disk_full (Fixture       *fixture,
                gconstpointer  data)
{
  g_autofree char *roster = data_file ("roster-utf8.csv");
  g_autofree char *sum = NULL;
  g_autofree char *after = NULL;
  CliResult result;

  REQUIRE_CLI ();

  make_ledger (fixture);
  sum = sha256_of (fixture->path);

  /* Its -shm (32 KiB) cannot be made: the disk is full, not the file
   * foreign. */
  run_cli_full (&result, fixture->folder, limit_file_size,
                (const char *[]) { "--database", fixture->path, "import-roster", roster, NULL });
  g_assert_cmpint (result.status, ==, 1);
  assert_one_line (result.err);
  g_assert_nonnull (strstr (result.err, "disk is full"));
  g_assert_null (strstr (result.err, "not a Study Ledger"));
  cli_result_clear (&result);

  after = sha256_of (fixture->path);
  g_assert_cmpstr (after, ==, sum);
}

/* Running as nobody ------------------------------------------------------------------ */

static gboolean
run_as_nobody (CliResult          *result,
               const char         *folder,
               const char * const *args)
{
  if (geteuid () != 0)
    {
      g_test_skip ("not root: cannot run the program as another user");
      return FALSE;
    }
  run_cli_full (result, folder, become_nobody, args);
  if (result->status == 99 || result->status == 126 || result->status == 127)
    {
      g_test_skip ("cannot run the program as the user nobody here (no CAP_SETUID, or the "
                   "build folder is not readable by others)");
      return FALSE;
    }
  return TRUE;
}

/* A ledger in a folder nobody may write: reading works, writing is
 * refused as read-only, and nothing changes. */
static void
test_read_only_folder (Fixture       *fixture,
                       gconstpointer  data)
{
  g_autofree char *roster = data_file ("roster-utf8.csv");
  g_autofree char *sum = NULL;
  g_autofree char *after = NULL;
  g_autofree char *names = NULL;
  CliResult result;

  REQUIRE_CLI ();

  make_ledger (fixture);
  g_assert_cmpint (g_chmod (fixture->path, 0444), ==, 0);
  g_assert_cmpint (g_chmod (fixture->folder, 0555), ==, 0);
  sum = sha256_of (fixture->path);

  if (!run_as_nobody (&result, fixture->folder,
                      (const char *[]) { "--database", fixture->path, "import-roster", roster, NULL }))
    return;
  g_assert_cmpint (result.status, ==, 1);
  assert_one_line (result.err);
  g_assert_nonnull (strstr (result.err, "read-only"));
  g_assert_null (strstr (result.err, "not a Study Ledger"));
  cli_result_clear (&result);

  g_assert_true (run_as_nobody (&result, fixture->folder,
                                (const char *[]) { "--database", fixture->path, "check", NULL }));
  g_assert_cmpint (result.status, ==, 0);
  g_assert_nonnull (strstr (result.out, "no problems found"));
  cli_result_clear (&result);

  g_assert_true (run_as_nobody (&result, fixture->folder,
                                (const char *[]) { "--database", fixture->path, "stats", "--year", "2023", NULL }));
  g_assert_cmpint (result.status, ==, 0);
  cli_result_clear (&result);

  after = sha256_of (fixture->path);
  g_assert_cmpstr (after, ==, sum);
  g_assert_cmpint (file_mode (fixture->path), ==, 0444);
  names = list_folder (fixture->folder);
  g_assert_cmpstr (names, ==, "ledger.db");
}

/* A reader who may not write the ledger, in a folder anyone may write,
 * leaves no -wal or -shm of its own there: the owner's next write would
 * be refused ("attempt to write a readonly database"). */
static void
test_reader_in_open_folder (Fixture       *fixture,
                            gconstpointer  data)
{
  g_autofree char *wal = g_strconcat (fixture->path, "-wal", NULL);
  g_autofree char *shm = g_strconcat (fixture->path, "-shm", NULL);
  g_autofree char *archive = data_file ("year-2023.json");
  CliResult result;

  REQUIRE_CLI ();

  make_ledger (fixture);
  g_assert_cmpint (g_chmod (fixture->path, 0644), ==, 0);
  g_assert_cmpint (g_chmod (fixture->folder, 0777), ==, 0);

  if (!run_as_nobody (&result, fixture->folder,
                      (const char *[]) { "--database", fixture->path, "check", NULL }))
    return;
  g_assert_cmpint (result.status, ==, 0);
  cli_result_clear (&result);
  g_assert_false (g_file_test (wal, G_FILE_TEST_EXISTS));
  g_assert_false (g_file_test (shm, G_FILE_TEST_EXISTS));

  /* The owner still writes. */
  run_cli (&result, fixture->folder, "--database", fixture->path, "import-archive", archive, "--merge");
  g_assert_cmpint (result.status, ==, 0);
  cli_result_clear (&result);
  g_assert_cmpint (g_chmod (fixture->folder, 0700), ==, 0);
}

/* Readers leave the ledger as it is ---------------------------------------------------- */

static void
assert_reader_leaves (Fixture            *fixture,
                      gboolean            as_nobody,
                      const char * const *args)
{
  g_autofree char *sum = sha256_of (fixture->path);
  g_autofree char *after = NULL;
  CliResult result;

  if (as_nobody)
    {
      if (!run_as_nobody (&result, fixture->folder, args))
        return;
    }
  else
    run_cli_full (&result, fixture->folder, NULL, args);

  g_assert_cmpint (result.status, ==, 0);
  cli_result_clear (&result);

  after = sha256_of (fixture->path);
  g_assert_cmpstr (after, ==, sum);
  g_assert_cmpint (file_mode (fixture->path), ==, 0444);
}

static void
test_readers_leave_ledger (Fixture       *fixture,
                           gconstpointer  data)
{
  g_autofree char *out_json = g_build_filename (fixture->folder, "out", "archive.json", NULL);
  g_autofree char *out_xlsx = g_build_filename (fixture->folder, "out", "attendance.xlsx", NULL);
  g_autofree char *out_db = g_build_filename (fixture->folder, "out", "copy.db", NULL);
  g_autofree char *out = g_build_filename (fixture->folder, "out", NULL);

  REQUIRE_CLI ();

  make_ledger (fixture);
  g_assert_cmpint (g_chmod (fixture->path, 0444), ==, 0);
  g_assert_cmpint (g_mkdir (out, 0777), ==, 0);
  g_assert_cmpint (g_chmod (out, 0777), ==, 0);
  g_assert_cmpint (g_chmod (fixture->folder, 0755), ==, 0);

  for (guint pass = 0; pass < 2; pass++)
    {
      gboolean as_nobody = pass == 1;

      assert_reader_leaves (fixture, as_nobody, (const char *[]) { "--database", fixture->path, "check", NULL });
      if (as_nobody && g_test_failed ())
        return;
      assert_reader_leaves (fixture, as_nobody, (const char *[]) { "--database", fixture->path, "stats", "--year", "2023", NULL });
      assert_reader_leaves (fixture, as_nobody, (const char *[]) { "--database", fixture->path, "search", "学习", NULL });
      assert_reader_leaves (fixture, as_nobody, (const char *[]) { "--database", fixture->path, "export-archive", out_json, NULL });
      assert_reader_leaves (fixture, as_nobody, (const char *[]) { "--database", fixture->path, "export", "attendance",
                                                                   "--year", "2023", "--output", out_xlsx, NULL });
      assert_reader_leaves (fixture, as_nobody, (const char *[]) { "--database", fixture->path, "backup", "--output", out_db, NULL });
      g_unlink (out_json);
      g_unlink (out_xlsx);
      g_unlink (out_db);
    }
}

/* A backup is a ledger in rollback-journal mode: checking it must not turn
 * it into a write-ahead one (a change of its header). */
static void
test_check_leaves_backup (Fixture       *fixture,
                          gconstpointer  data)
{
  g_autofree char *backup = g_build_filename (fixture->folder, "copy.db", NULL);
  g_autofree char *sum = NULL;
  g_autofree char *after = NULL;
  g_autofree char *names = NULL;
  CliResult result;

  REQUIRE_CLI ();

  make_ledger (fixture);
  run_cli (&result, fixture->folder, "--database", fixture->path, "backup", "--output", backup);
  g_assert_cmpint (result.status, ==, 0);
  cli_result_clear (&result);
  sum = sha256_of (backup);

  run_cli (&result, fixture->folder, "--database", backup, "check");
  g_assert_cmpint (result.status, ==, 0);
  cli_result_clear (&result);
  run_cli (&result, fixture->folder, "--database", backup, "search", "学习");
  g_assert_cmpint (result.status, ==, 0);
  cli_result_clear (&result);

  after = sha256_of (backup);
  g_assert_cmpstr (after, ==, sum);
  names = list_folder (fixture->folder);
  g_assert_cmpstr (names, ==, "copy.db ledger.db");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add ("/paths/" path, Fixture, NULL, sl_test_folder_set_up, func, sl_test_folder_tear_down)

  ADD ("message/truncated", test_truncated);
  ADD ("message/symlink", test_symlink);
  ADD ("message/disk-full", test_disk_full);
  ADD ("message/read-only-folder", test_read_only_folder);
  ADD ("readers/leave-ledger", test_readers_leave_ledger);
  ADD ("readers/open-folder", test_reader_in_open_folder);
  ADD ("readers/leave-backup", test_check_leaves_backup);

#undef ADD

  return g_test_run ();
}
