/* test-locking.c — a descriptor closed by somebody else keeps SQLite's locks
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The window keeps the ledger open for hours. Meanwhile GIO opens and
 * closes the ledger's files whenever a file chooser lists its folder (to
 * guess their types), and a POSIX record lock is released by the close of
 * any descriptor of the file in the process. A `study-ledger check` run
 * then found the ledger unused and deleted the -wal the window was still
 * writing to: what the window saved afterwards was seen by nobody else,
 * and gone if it crashed (sl-locking.c).
 *
 * Each scenario runs in a child process of this program, as the window
 * would, while the real study-ledger and a reader in a third process come
 * and go. With SL_POSIX_LOCKS=1 the child keeps SQLite's own locks: the
 * same scenario must then lose the save, which shows that the test sees
 * the trap it guards against.
 */

#include "config.h"

#include <fcntl.h>
#include <gio/gio.h>
#include <sys/wait.h>
#include <unistd.h>

#include "sl-database.h"
#include "sl-locking.h"
#include "sl-test-util.h"

#define SAVED_KEY "test.saved-after-check"

/* What a file chooser does to every file of the folder it lists: asks
 * GIO for the content type (which reads the file's first bytes where the
 * name does not settle it), and, to be sure, an open, read and close of
 * our own. */
static void
look_at (const char *path)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GFileInfo) info = NULL;
  char buffer[64];
  int fd;

  info = g_file_query_info (file, G_FILE_ATTRIBUTE_STANDARD_CONTENT_TYPE,
                            G_FILE_QUERY_INFO_NONE, NULL, NULL);
  fd = open (path, O_RDONLY | O_CLOEXEC);
  if (fd >= 0)
    {
      if (read (fd, buffer, sizeof buffer) < 0)
        g_debug ("%s: %s", path, g_strerror (errno));
      close (fd);
    }
}

/* The value of @key as another process reads it (this program again, in
 * its reader role), or "" when the ledger has none. */
static char *
read_elsewhere (const char *self,
                const char *ledger,
                const char *key)
{
  const char *argv[] = { self, NULL };
  g_auto(GStrv) envp = g_get_environ ();
  char *out = NULL;
  int status;

  envp = g_environ_setenv (envp, "SL_LOCKING_ROLE", "reader", TRUE);
  envp = g_environ_setenv (envp, "SL_LOCKING_LEDGER", ledger, TRUE);
  envp = g_environ_setenv (envp, "SL_LOCKING_KEY", key, TRUE);
  status = spawn_captured (NULL, envp, NULL, argv, &out, NULL);
  g_assert_true (WIFEXITED (status) && WEXITSTATUS (status) == 0);
  return out;
}

/* The window's part: a ledger open for writing, its files looked at,
 * `study-ledger check` run and gone, one more save, and another process
 * asked what it sees while the window still has the ledger open. Exits
 * 0 when that save is seen, 3 when it is not. */
static int
run_writer (const char *self,
            const char *ledger)
{
  g_autoptr(SlDatabase) database = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *wal = g_strconcat (ledger, "-wal", NULL);
  g_autofree char *shm = g_strconcat (ledger, "-shm", NULL);
  g_autofree char *seen = NULL;
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  const char *check[] = { cli_path (), "--database", ledger, "check", NULL };
  int status;

  database = sl_database_open (ledger, &error);
  g_assert_no_error (error);
  g_assert_true (sl_database_set_setting (database, "test.before", "1", &error));
  g_assert_no_error (error);

  look_at (ledger);
  look_at (wal);
  look_at (shm);

  status = spawn_captured (NULL, NULL, NULL, check, &out, &err);
  g_assert_true (WIFEXITED (status));

  g_assert_true (sl_database_set_setting (database, SAVED_KEY, "kept", &error));
  g_assert_no_error (error);

  seen = read_elsewhere (self, ledger, SAVED_KEY);
  return g_str_equal (g_strstrip (seen), "kept") ? 0 : 3;
}

/* A program that links the library and opens an existing ledger, without
 * the programs' start-up: the open itself must put the locks in place,
 * before SQLite takes its first one. Exits 0 when it did. */
static int
run_opener (const char *ledger)
{
  g_autoptr(SlDatabase) database = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_false (sl_locking_is_installed ());
  database = sl_database_open (ledger, &error);
  g_assert_no_error (error);
  return sl_locking_is_installed () ? 0 : 4;
}

static int
run_reader (const char *ledger,
            const char *key)
{
  g_autoptr(SlDatabase) database = NULL;
  g_autoptr(GError) error = NULL;
  const char *value;

  database = sl_database_open_read_only (ledger, &error);
  g_assert_no_error (error);
  value = sl_database_get_setting (database, key);
  g_print ("%s\n", value != NULL ? value : "");
  return 0;
}

/* Runs the writer in a child, with SQLite's own locks when @posix. */
static int
writer_status (const char *self,
               gboolean    posix)
{
  g_autofree char *folder = make_temp_folder ("test-locking-XXXXXX");
  g_autofree char *ledger = g_build_filename (folder, "ledger.db", NULL);
  const char *argv[] = { self, NULL };
  g_auto(GStrv) envp = g_get_environ ();
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  int status;

  envp = g_environ_setenv (envp, "SL_LOCKING_ROLE", "writer", TRUE);
  envp = g_environ_setenv (envp, "SL_LOCKING_LEDGER", ledger, TRUE);
  if (posix)
    envp = g_environ_setenv (envp, "SL_POSIX_LOCKS", "1", TRUE);
  else
    envp = g_environ_unsetenv (envp, "SL_POSIX_LOCKS");
  status = spawn_captured (NULL, envp, NULL, argv, &out, &err);
  if (err != NULL && *err != '\0')
    g_test_message ("writer: %s", err);
  remove_tree (folder);
  g_assert_true (WIFEXITED (status));
  return WEXITSTATUS (status);
}

static const char *self_path;

static void
test_save_survives_a_foreign_close (void)
{
  if (cli_path () == NULL)
    {
      g_test_skip ("STUDY_LEDGER does not name the built program");
      return;
    }
  g_assert_cmpint (writer_status (self_path, FALSE), ==, 0);
}

/* The same steps with SQLite's own POSIX locks: the save after `check`
 * is not seen by another process. If this starts to pass, the scenario
 * no longer shows the trap and the test above proves nothing. */
static void
test_posix_locks_lose_the_save (void)
{
  if (cli_path () == NULL)
    {
      g_test_skip ("STUDY_LEDGER does not name the built program");
      return;
    }
  g_assert_cmpint (writer_status (self_path, TRUE), ==, 3);
}

/* Two connections of one process on one ledger still share their locks
 * as POSIX locks do: both read and write, one after the other, and the
 * ledger is closed down to one file when the last goes. */
static void
test_connections_of_one_process (void)
{
  g_autofree char *folder = make_temp_folder ("test-locking-XXXXXX");
  g_autofree char *ledger = g_build_filename (folder, "ledger.db", NULL);
  g_autoptr(SlDatabase) first = NULL;
  g_autoptr(SlDatabase) second = NULL;
  g_autoptr(GError) error = NULL;

  first = sl_database_open (ledger, &error);
  g_assert_no_error (error);
  second = sl_database_open (ledger, &error);
  g_assert_no_error (error);
  g_assert_true (sl_locking_is_installed ());

  for (int i = 0; i < 20; i++)
    {
      g_autofree char *value = g_strdup_printf ("%d", i);
      SlDatabase *writer = i % 2 == 0 ? first : second;
      SlDatabase *reader = i % 2 == 0 ? second : first;

      g_assert_true (sl_database_set_setting (writer, "test.turn", value, &error));
      g_assert_no_error (error);
      g_assert_true (sl_database_exec (reader, "SELECT count(*) FROM settings", &error));
      g_assert_no_error (error);
    }

  g_clear_object (&first);
  g_clear_object (&second);
  g_assert_false (exists_with_suffix (ledger, "-wal"));
  remove_tree (folder);
}

/* An existing ledger opened through the library, in a fresh process. */
static void
test_open_installs (void)
{
  g_autofree char *folder = make_temp_folder ("test-locking-XXXXXX");
  g_autofree char *ledger = g_build_filename (folder, "ledger.db", NULL);
  const char *argv[] = { self_path, NULL };
  g_auto(GStrv) envp = g_get_environ ();
  g_autoptr(SlDatabase) made = NULL;
  g_autoptr(GError) error = NULL;
  int status;

  made = sl_database_open (ledger, &error);
  g_assert_no_error (error);
  g_clear_object (&made);

  envp = g_environ_setenv (envp, "SL_LOCKING_ROLE", "opener", TRUE);
  envp = g_environ_setenv (envp, "SL_LOCKING_LEDGER", ledger, TRUE);
  envp = g_environ_unsetenv (envp, "SL_POSIX_LOCKS");
  status = spawn_captured (NULL, envp, NULL, argv, NULL, NULL);
  remove_tree (folder);
  g_assert_true (WIFEXITED (status));
  g_assert_cmpint (WEXITSTATUS (status), ==, 0);
}

int
main (int   argc,
      char *argv[])
{
  const char *role = g_getenv ("SL_LOCKING_ROLE");

  self_path = argv[0];
  if (g_strcmp0 (role, "writer") == 0)
    return run_writer (argv[0], g_getenv ("SL_LOCKING_LEDGER"));
  if (g_strcmp0 (role, "opener") == 0)
    return run_opener (g_getenv ("SL_LOCKING_LEDGER"));
  if (g_strcmp0 (role, "reader") == 0)
    return run_reader (g_getenv ("SL_LOCKING_LEDGER"), g_getenv ("SL_LOCKING_KEY"));

  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/locking/save-survives-a-foreign-close", test_save_survives_a_foreign_close);
  g_test_add_func ("/locking/posix-locks-lose-the-save", test_posix_locks_lose_the_save);
  g_test_add_func ("/locking/connections-of-one-process", test_connections_of_one_process);
  g_test_add_func ("/locking/open-installs", test_open_installs);
  return g_test_run ();
}
