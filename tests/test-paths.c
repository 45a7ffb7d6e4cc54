/* test-paths.c — the ledger file is safe from the program's own hands
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * docs/reliability.md's promises about the ledger as a file:
 *
 *   - no output (export, export-archive, backup --output) is written over
 *     the ledger, its -wal, -shm or -journal, or a file in its backup
 *     folder, however it is named: a symlink, a hard link, "sub/..";
 *   - a new ledger appears whole or not at all: two commands making the
 *     same ledger at once never lose the one that succeeded, and a first
 *     import killed halfway leaves no ledger rather than an empty file;
 *   - a hot journal is recovered, a second connection keeps the first
 *     one's locks, a folder behind a link works.
 *
 * How a ledger that cannot be opened is described, and that commands that
 * read leave it as it is: test-paths-readers.c.
 *
 * Real files in temporary folders, and the built study-ledger
 * (STUDY_LEDGER) as a child process, as a user runs it.
 */

#include "config.h"

#include <gio/gio.h>
#include <grp.h>
#include <signal.h>
#include <sqlite3.h>
#include <sys/resource.h>
#include <sys/wait.h>

#include "paths-util.h"
#include "sl-backups.h"
#include "sl-ledger-paths.h"

#define RACE_ROUNDS 100
#define KILL_ROUNDS 40
#define WINDOW_KILL_ROUNDS 8

static guint
count_meetings (const char *path)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SlDatabase) db = sl_database_open_read_only (path, &error);
  sqlite3_stmt *stmt;
  guint n;

  g_assert_no_error (error);
  stmt = sl_database_prepare (db, "SELECT count(*) FROM meetings", &error);
  g_assert_no_error (error);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  n = sqlite3_column_int (stmt, 0);
  sqlite3_reset (stmt);
  return n;
}

/* sl_database_check_output_path ------------------------------------------------ */

static void
assert_refused (const char *ledger,
                const char *output)
{
  g_autoptr(GError) error = NULL;

  g_test_message ("output %s", output);
  g_assert_false (sl_database_check_output_path (ledger, output, &error));
  ASSERT_ERROR (error, SL_PATHS_ERROR, SL_PATHS_ERROR_IS_LEDGER);
}

static void
assert_allowed (const char *ledger,
                const char *output)
{
  g_autoptr(GError) error = NULL;

  g_test_message ("output %s", output);
  g_assert_true (sl_database_check_output_path (ledger, output, &error));
  g_assert_no_error (error);
}

static void
test_check_output_path (Fixture       *fixture,
                        gconstpointer  data)
{
  g_autofree char *backups = sl_backups_folder_for (fixture->path);
  g_autofree char *backup = g_build_filename (backups, "ledger-2023-01-01.db", NULL);
  g_autofree char *new_in_backups = g_build_filename (backups, "export.xlsx", NULL);
  g_autofree char *sub = g_build_filename (fixture->folder, "sub", NULL);
  g_autofree char *dotted = g_build_filename (sub, "..", "ledger.db", NULL);
  g_autofree char *wal_dotted = g_build_filename (sub, "..", "ledger.db-wal", NULL);
  g_autofree char *link_name = g_build_filename (sub, "link.db", NULL);
  g_autofree char *dangling = g_build_filename (sub, "dangling.json", NULL);
  g_autofree char *hard = g_build_filename (sub, "hard.db", NULL);
  g_autofree char *backup_link = g_build_filename (sub, "backup-hard.db", NULL);
  g_autofree char *folder_link = g_build_filename (sub, "same-folder", NULL);
  g_autofree char *via_folder_link = g_build_filename (folder_link, "ledger.db-journal", NULL);
  g_autofree char *other = g_build_filename (fixture->folder, "ledger.json", NULL);
  g_autofree char *other_db = g_build_filename (fixture->folder, "other.db-wal", NULL);

  {
    g_autoptr(GError) error = NULL;
    g_autoptr(SlDatabase) db = sl_database_open (fixture->path, &error);
    g_assert_no_error (error);
  }
  g_assert_cmpint (g_mkdir (sub, 0700), ==, 0);
  g_assert_cmpint (g_mkdir (backups, 0700), ==, 0);
  write_file (backup, "a backup", -1);
  g_assert_cmpint (symlink (fixture->path, link_name), ==, 0);
  g_assert_cmpint (symlink ("../ledger.db-shm", dangling), ==, 0);
  g_assert_cmpint (link (fixture->path, hard), ==, 0);
  g_assert_cmpint (link (backup, backup_link), ==, 0);
  g_assert_cmpint (symlink (fixture->folder, folder_link), ==, 0);

  /* The ledger and its companions, existing or not, by any name. */
  for (guint i = 0; i < 4; i++)
    {
      static const char * const suffixes[] = { "", "-wal", "-shm", "-journal" };
      g_autofree char *file = g_strconcat (fixture->path, suffixes[i], NULL);
      assert_refused (fixture->path, file);
    }
  assert_refused (fixture->path, dotted);
  assert_refused (fixture->path, wal_dotted);
  assert_refused (fixture->path, link_name);
  assert_refused (fixture->path, dangling);
  assert_refused (fixture->path, hard);
  assert_refused (fixture->path, via_folder_link);
  assert_refused (link_name, fixture->path);

  /* The backup folder: its files, a hard link to one, a new name in it. */
  assert_refused (fixture->path, backup);
  assert_refused (fixture->path, backup_link);
  assert_refused (fixture->path, new_in_backups);

  /* Anything else may be written. */
  assert_allowed (fixture->path, other);
  assert_allowed (fixture->path, other_db);
  assert_allowed (fixture->path, "/nonexistent-folder/out.json");
}

/* Outputs aimed at the ledger from the command line ---------------------------- */

static void
run_refused (Fixture            *fixture,
             const char * const *args)
{
  g_autofree char *sum = sha256_of (fixture->path);
  g_autofree char *after = NULL;
  CliResult result;

  run_cli_full (&result, fixture->folder, NULL, args);
  g_assert_cmpint (result.status, ==, 1);
  assert_one_line (result.err);
  g_assert_nonnull (strstr (result.err, "will not be"));
  cli_result_clear (&result);

  after = sha256_of (fixture->path);
  g_assert_cmpstr (after, ==, sum);
}

/* export-archive, export (--format xlsx: the name may not say it) and
 * backup --output, each aimed at @target. */
static void
assert_output_refused (Fixture    *fixture,
                       const char *target)
{
  g_test_message ("output %s", target);
  run_refused (fixture, (const char *[]) { "--database", fixture->path, "export-archive", target, NULL });
  run_refused (fixture, (const char *[]) { "--database", fixture->path, "export", "attendance", "--year", "2023",
                                           "--format", "xlsx", "--output", target, NULL });
  run_refused (fixture, (const char *[]) { "--database", fixture->path, "backup", "--output", target, NULL });
}

static void
test_cli_outputs_refused (Fixture       *fixture,
                          gconstpointer  data)
{
  g_autofree char *roster = data_file ("roster-utf8.csv");
  g_autofree char *backups = sl_backups_folder_for (fixture->path);
  g_autofree char *symlink_path = g_build_filename (fixture->folder, "link.db", NULL);
  g_autofree char *hard = g_build_filename (fixture->folder, "hard.db", NULL);
  g_autofree char *new_in_backups = g_build_filename (backups, "out.xlsx", NULL);
  g_autofree char *backup = NULL;
  g_autofree char *backup_sum = NULL;
  g_autoptr(GDir) dir = NULL;
  CliResult result;

  REQUIRE_CLI ();

  make_ledger (fixture);
  /* A command that writes keeps the day's backup. */
  run_cli (&result, fixture->folder, "--database", fixture->path, "import-roster", roster);
  g_assert_cmpint (result.status, ==, 0);
  cli_result_clear (&result);
  dir = g_dir_open (backups, 0, NULL);
  g_assert_nonnull (dir);
  backup = g_build_filename (backups, g_dir_read_name (dir), NULL);
  backup_sum = sha256_of (backup);

  g_assert_cmpint (symlink (fixture->path, symlink_path), ==, 0);
  g_assert_cmpint (link (fixture->path, hard), ==, 0);

  for (guint i = 0; i < 4; i++)
    {
      static const char * const suffixes[] = { "", "-wal", "-shm", "-journal" };
      g_autofree char *file = g_strconcat (fixture->path, suffixes[i], NULL);
      assert_output_refused (fixture, file);
    }
  assert_output_refused (fixture, "./ledger.db");
  assert_output_refused (fixture, symlink_path);
  assert_output_refused (fixture, hard);
  assert_output_refused (fixture, backup);
  assert_output_refused (fixture, new_in_backups);

  /* A backup the user named herself, outside the backup folder. */
  {
    g_autofree char *own = g_build_filename (fixture->folder, "my-backup.db", NULL);
    g_autofree char *own_sum = NULL;
    g_autofree char *own_after = NULL;

    run_cli (&result, fixture->folder, "--database", fixture->path, "backup", "--output", own);
    g_assert_cmpint (result.status, ==, 0);
    cli_result_clear (&result);
    own_sum = sha256_of (own);
    assert_output_refused (fixture, own);
    own_after = sha256_of (own);
    g_assert_cmpstr (own_after, ==, own_sum);
    g_unlink (own);
  }

  /* With the ledger open elsewhere, its -wal and -shm exist. */
  {
    g_autoptr(GError) error = NULL;
    g_autoptr(SlDatabase) db = sl_database_open (fixture->path, &error);
    g_autofree char *wal = g_strconcat (fixture->path, "-wal", NULL);
    g_autofree char *shm = g_strconcat (fixture->path, "-shm", NULL);

    g_assert_no_error (error);
    g_assert_true (g_file_test (wal, G_FILE_TEST_EXISTS));
    assert_output_refused (fixture, wal);
    assert_output_refused (fixture, shm);
  }

  {
    g_autofree char *after = sha256_of (backup);
    g_assert_cmpstr (after, ==, backup_sum);
  }
  g_assert_false (g_file_test (new_in_backups, G_FILE_TEST_EXISTS));
}

/* Two commands making the same ledger ------------------------------------------ */

static GSubprocess *
spawn_cli (const char         *folder,
           const char * const *args)
{
  g_autoptr(GSubprocessLauncher) launcher =
    g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_STDOUT_PIPE | G_SUBPROCESS_FLAGS_STDERR_PIPE);
  g_autofree char *data_home = g_build_filename (folder, "data-home", NULL);
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;
  GSubprocess *process;

  g_subprocess_launcher_set_cwd (launcher, folder);
  g_subprocess_launcher_setenv (launcher, "XDG_DATA_HOME", data_home, TRUE);
  g_subprocess_launcher_setenv (launcher, "LC_ALL", "C.UTF-8", TRUE);
  g_subprocess_launcher_setenv (launcher, "LANGUAGE", "", TRUE);

  g_ptr_array_add (argv, (gpointer) cli_path ());
  for (guint i = 0; args[i] != NULL; i++)
    g_ptr_array_add (argv, (gpointer) args[i]);
  g_ptr_array_add (argv, NULL);

  process = g_subprocess_launcher_spawnv (launcher, (const char * const *) argv->pdata, &error);
  g_assert_no_error (error);
  return process;
}

/* Waits for @process; its exit status, -1 when killed. */
static int
finish (GSubprocess  *process,
        char        **out,
        char        **err)
{
  g_autoptr(GError) error = NULL;

  g_subprocess_communicate_utf8 (process, NULL, NULL, out, err, &error);
  g_assert_no_error (error);
  if (!g_subprocess_get_if_exited (process))
    return -1;
  return g_subprocess_get_exit_status (process);
}

static void
test_creation_race (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autofree char *archive = data_file ("year-2023.json");
  g_autofree char *roster = data_file ("roster-bad-date.csv");

  REQUIRE_CLI ();

  for (guint round = 0; round < RACE_ROUNDS; round++)
    {
      g_autofree char *name = g_strdup_printf ("race-%u.db", round);
      g_autofree char *path = g_build_filename (fixture->folder, name, NULL);
      g_autofree char *out_a = NULL, *err_a = NULL, *out_b = NULL, *err_b = NULL;
      g_autoptr(GSubprocess) a = NULL;
      g_autoptr(GSubprocess) b = NULL;
      g_autofree char *names = NULL;
      int status_a, status_b;

      /* Started in turns, so that each goes first half of the time. */
      if (round % 2 == 0)
        {
          a = spawn_cli (fixture->folder, (const char *[]) { "--database", path, "import-archive", archive, NULL });
          b = spawn_cli (fixture->folder, (const char *[]) { "--database", path, "import-roster", roster, NULL });
        }
      else
        {
          b = spawn_cli (fixture->folder, (const char *[]) { "--database", path, "import-roster", roster, NULL });
          a = spawn_cli (fixture->folder, (const char *[]) { "--database", path, "import-archive", archive, NULL });
        }
      status_a = finish (a, &out_a, &err_a);
      status_b = finish (b, &out_b, &err_b);

      g_test_message ("round %u: archive %d (%s%s), roster %d (%s)", round, status_a,
                      out_a, err_a, status_b, err_b);
      g_assert_cmpint (status_b, ==, 1);
      g_assert_cmpint (status_a, ==, 0);
      g_assert_true (g_str_has_prefix (out_a, "Imported"));

      /* The ledger is there, whole, and nothing else is left about but
       * the day's backup, when the roster import opened the ledger the
       * archive had just made (a write keeps one before it reads its file). */
      g_assert_true (g_file_test (path, G_FILE_TEST_IS_REGULAR));
      g_assert_cmpuint (count_meetings (path), ==, 27);
      names = list_folder (fixture->folder);
      {
        g_autofree char *with_backups = g_strdup_printf ("race-%u-backups %s", round, name);
        g_autofree char *backups = g_strdup_printf ("%s/race-%u-backups", fixture->folder, round);

        if (g_strcmp0 (names, with_backups) == 0)
          remove_tree (backups);
        else
          g_assert_cmpstr (names, ==, name);
      }

      remove_tree (path);
    }
}

/* A first import killed ---------------------------------------------------------- */

static void
test_kill_first_import (Fixture       *fixture,
                        gconstpointer  data)
{
  g_autofree char *archive = data_file ("year-2023.json");
  gint64 start, duration;

  REQUIRE_CLI ();

  /* How long a whole import takes here: the kills fall within it. */
  {
    g_autoptr(GSubprocess) process = NULL;
    start = g_get_monotonic_time ();
    process = spawn_cli (fixture->folder, (const char *[]) { "--database", fixture->path,
                                                             "import-archive", archive, NULL });
    g_assert_cmpint (finish (process, NULL, NULL), ==, 0);
    duration = MAX (g_get_monotonic_time () - start, 1000);
    remove_tree (fixture->path);
  }

  for (guint round = 0; round < KILL_ROUNDS; round++)
    {
      g_autoptr(GSubprocess) process = NULL;
      gint64 delay = g_test_rand_int_range (0, (gint32) MIN (duration * 6 / 5, G_MAXINT32));
      CliResult result;

      process = spawn_cli (fixture->folder, (const char *[]) { "--database", fixture->path,
                                                               "import-archive", archive, NULL });
      g_usleep (delay);
      g_subprocess_force_exit (process);
      finish (process, NULL, NULL);

      /* Either no ledger, or a whole one: never an empty file. */
      run_cli (&result, fixture->folder, "--database", fixture->path, "check");
      g_test_message ("round %u, killed after %" G_GINT64_FORMAT " us: %d %s%s", round, delay,
                      result.status, result.out, result.err);
      if (result.status == 0)
        {
          g_assert_nonnull (strstr (result.out, "no problems found"));
          g_assert_cmpuint (count_meetings (fixture->path), ==, 27);
        }
      else
        {
          g_assert_cmpint (result.status, ==, 1);
          g_assert_nonnull (strstr (result.err, "There is no ledger"));
          g_assert_false (g_file_test (fixture->path, G_FILE_TEST_EXISTS));
        }
      cli_result_clear (&result);

      /* And the next import makes it, or adds to it. */
      if (g_file_test (fixture->path, G_FILE_TEST_EXISTS))
        remove_tree (fixture->path);
    }
}

/* The window killed at any moment of its first run on a new ledger (a
 * power cut the first time she opens it): afterwards there is no ledger,
 * or a whole one, never a file every command refuses. Each window gets a
 * D-Bus session of its own, so that it is not sent to another test's. */
static void
new_process_group (gpointer data)
{
  setpgid (0, 0);
}

static void
test_kill_window_first_run (Fixture       *fixture,
                            gconstpointer  data)
{
  g_autofree char *dbus = g_find_program_in_path ("dbus-run-session");
  g_autofree char *data_home = g_build_filename (fixture->folder, "data-home", NULL);

  REQUIRE_CLI ();
  if (g_getenv ("DISPLAY") == NULL || dbus == NULL)
    {
      g_test_skip ("needs a display and dbus-run-session (build-aux/setup.sh --test has both)");
      return;
    }

  for (guint round = 0; round < WINDOW_KILL_ROUNDS; round++)
    {
      g_autoptr(GSubprocessLauncher) launcher =
        g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_STDOUT_SILENCE | G_SUBPROCESS_FLAGS_STDERR_SILENCE);
      g_autoptr(GSubprocess) process = NULL;
      g_autoptr(GError) error = NULL;
      gint64 delay = g_test_rand_int_range (50000, 2500000);
      const char *argv[] = { dbus, "--", cli_path (), "--database", fixture->path, NULL };
      CliResult result;
      pid_t pid;

      g_subprocess_launcher_set_cwd (launcher, fixture->folder);
      g_subprocess_launcher_setenv (launcher, "XDG_DATA_HOME", data_home, TRUE);
      g_subprocess_launcher_setenv (launcher, "GSK_RENDERER", "cairo", TRUE);
      g_subprocess_launcher_set_child_setup (launcher, new_process_group, NULL, NULL);
      process = g_subprocess_launcher_spawnv (launcher, argv, &error);
      g_assert_no_error (error);
      pid = (pid_t) g_ascii_strtoll (g_subprocess_get_identifier (process), NULL, 10);

      g_usleep (delay);
      kill (-pid, SIGKILL);
      g_subprocess_wait (process, NULL, NULL);

      run_cli (&result, fixture->folder, "--database", fixture->path, "check");
      g_test_message ("round %u, killed after %" G_GINT64_FORMAT " us: %d %s%s", round, delay,
                      result.status, result.out, result.err);
      if (result.status == 0)
        g_assert_nonnull (strstr (result.out, "no problems found"));
      else
        {
          g_assert_cmpint (result.status, ==, 1);
          g_assert_nonnull (strstr (result.err, "There is no ledger"));
        }
      cli_result_clear (&result);

      if (g_file_test (fixture->path, G_FILE_TEST_EXISTS))
        remove_tree (fixture->path);
    }
}

/* What a first import of an older version left when killed: an empty file
 * and its journal. No ledger, not an "empty file" to refuse; the next
 * import makes the ledger there. */
static void
test_empty_with_journal (Fixture       *fixture,
                         gconstpointer  data)
{
  g_autofree char *journal = g_strconcat (fixture->path, "-journal", NULL);
  g_autofree char *archive = data_file ("year-2023.json");
  CliResult result;

  REQUIRE_CLI ();

  write_file (fixture->path, "", 0);
  /* A journal's header and one page record, as SQLite writes them. */
  {
    g_autofree char *bytes = g_malloc0 (4096 + 512);
    static const guint8 magic[] = { 0xd9, 0xd5, 0x05, 0xf9, 0x20, 0xa1, 0x63, 0xd7 };

    memcpy (bytes, magic, sizeof magic);
    write_file (journal, bytes, 4096 + 512);
  }

  run_cli (&result, fixture->folder, "--database", fixture->path, "check");
  g_assert_cmpint (result.status, ==, 1);
  assert_one_line (result.err);
  g_assert_nonnull (strstr (result.err, "There is no ledger"));
  g_assert_null (strstr (result.err, "empty file"));
  cli_result_clear (&result);

  run_cli (&result, fixture->folder, "--database", fixture->path, "import-archive", archive);
  g_assert_cmpint (result.status, ==, 0);
  cli_result_clear (&result);
  g_assert_cmpuint (count_meetings (fixture->path), ==, 27);

  run_cli (&result, fixture->folder, "--database", fixture->path, "check");
  g_assert_cmpint (result.status, ==, 0);
  cli_result_clear (&result);
}

/* A change killed halfway in a rollback-journal ledger (a backup opened
 * with --database): a reader rolls it back and reads the ledger as it was,
 * rather than refusing it. */
static void
test_hot_journal_recovered (Fixture       *fixture,
                            gconstpointer  data)
{
  g_autofree char *journal = g_strconcat (fixture->path, "-journal", NULL);
  g_autofree char *sum = NULL;
  g_autofree char *after = NULL;
  CliResult result;
  int status;
  pid_t pid;

  REQUIRE_CLI ();

  make_ledger (fixture);
  {
    g_autoptr(GError) error = NULL;
    g_autoptr(SlDatabase) db = sl_database_open (fixture->path, &error);
    g_assert_no_error (error);
    g_assert_true (sl_database_set_write_ahead (db, FALSE));
  }
  sum = sha256_of (fixture->path);

  /* The child changes every meeting with a cache too small to hold them,
   * so that changed pages reach the file, and dies before committing. */
  pid = fork ();
  g_assert_cmpint (pid, >=, 0);
  if (pid == 0)
    {
      sqlite3 *db = NULL;

      if (sqlite3_open (fixture->path, &db) != SQLITE_OK ||
          sqlite3_exec (db, "PRAGMA cache_size = 2; BEGIN; "
                            "UPDATE meetings SET note = hex (randomblob (2000)); "
                            "DELETE FROM attendance;", NULL, NULL, NULL) != SQLITE_OK)
        _exit (1);
      _exit (0);
    }
  g_assert_cmpint (waitpid (pid, &status, 0), ==, pid);
  g_assert_true (WIFEXITED (status) && WEXITSTATUS (status) == 0);
  g_assert_true (g_file_test (journal, G_FILE_TEST_EXISTS));
  after = sha256_of (fixture->path);
  g_assert_cmpstr (after, !=, sum);

  run_cli (&result, fixture->folder, "--database", fixture->path, "check");
  g_assert_cmpint (result.status, ==, 0);
  g_assert_nonnull (strstr (result.out, "no problems found"));
  cli_result_clear (&result);

  g_clear_pointer (&after, g_free);
  after = sha256_of (fixture->path);
  g_assert_cmpstr (after, ==, sum);
  g_assert_false (g_file_test (journal, G_FILE_TEST_EXISTS));
}

/* A second connection opened and closed in this process (the window's
 * backup or export thread) must leave the first one its locks: were the
 * file opened and closed with a descriptor of our own, POSIX would drop
 * them, and another program's `check` would delete the log the first
 * connection still writes into. */
static void
test_second_connection_keeps_locks (Fixture       *fixture,
                                    gconstpointer  data)
{
  g_autofree char *wal = g_strconcat (fixture->path, "-wal", NULL);
  g_autoptr(SlDatabase) first = NULL;
  g_autoptr(GError) error = NULL;
  CliResult result;

  REQUIRE_CLI ();

  make_ledger (fixture);
  first = sl_database_open (fixture->path, &error);
  g_assert_no_error (error);
  g_assert_true (sl_database_set_setting (first, "test_locks", "1", &error));
  g_assert_no_error (error);
  g_assert_true (g_file_test (wal, G_FILE_TEST_EXISTS));

  {
    g_autoptr(SlDatabase) second = sl_database_open (fixture->path, &error);
    g_assert_no_error (error);
    g_autoptr(SlDatabase) reader = sl_database_open_read_only (fixture->path, &error);
    g_assert_no_error (error);
  }

  run_cli (&result, fixture->folder, "--database", fixture->path, "check");
  g_assert_cmpint (result.status, ==, 0);
  cli_result_clear (&result);

  /* The first connection still holds the log: nobody may have removed it. */
  g_assert_true (g_file_test (wal, G_FILE_TEST_EXISTS));
  g_assert_true (sl_database_set_setting (first, "test_locks", "2", &error));
  g_assert_no_error (error);
  g_clear_object (&first);

  first = sl_database_open_read_only (fixture->path, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (sl_database_get_setting (first, "test_locks"), ==, "2");
}

/* A folder on the way to the ledger may be a link (a home reached through
 * one): the ledger is made and opened through it. */
static void
test_folder_link (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autofree char *real = g_build_filename (fixture->folder, "real", NULL);
  g_autofree char *link = g_build_filename (fixture->folder, "via", NULL);
  g_autofree char *ledger = g_build_filename (link, "ledger.db", NULL);
  g_autofree char *archive = data_file ("year-2023.json");
  g_autofree char *stored = g_build_filename (real, "ledger.db", NULL);
  CliResult result;

  REQUIRE_CLI ();

  g_assert_cmpint (g_mkdir (real, 0700), ==, 0);
  g_assert_cmpint (symlink ("real", link), ==, 0);

  run_cli (&result, fixture->folder, "--database", ledger, "import-archive", archive);
  g_assert_cmpint (result.status, ==, 0);
  cli_result_clear (&result);
  g_assert_true (g_file_test (stored, G_FILE_TEST_IS_REGULAR));

  run_cli (&result, fixture->folder, "--database", ledger, "check");
  g_assert_cmpint (result.status, ==, 0);
  cli_result_clear (&result);
  g_assert_cmpuint (count_meetings (ledger), ==, 27);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add ("/paths/" path, Fixture, NULL, sl_test_folder_set_up, func, sl_test_folder_tear_down)

  ADD ("check-output-path", test_check_output_path);
  ADD ("cli/outputs-refused", test_cli_outputs_refused);
  ADD ("cli/creation-race", test_creation_race);
  ADD ("cli/kill-first-import", test_kill_first_import);
  ADD ("window/kill-first-run", test_kill_window_first_run);
  ADD ("cli/empty-with-journal", test_empty_with_journal);
  ADD ("cli/hot-journal-recovered", test_hot_journal_recovered);
  ADD ("cli/second-connection-keeps-locks", test_second_connection_keeps_locks);
  ADD ("cli/folder-link", test_folder_link);

#undef ADD

  return g_test_run ();
}
