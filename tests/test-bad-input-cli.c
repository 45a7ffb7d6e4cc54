/* test-bad-input-cli.c — what the command line refuses, and keeps exactly
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The command-line half of the bad-input tests (the core half is
 * test-bad-input.c), run as the built program (STUDY_LEDGER): files that
 * are not ledgers given to --database, a read-only folder, a ledger locked
 * by another process, exports to places that cannot take them, and a
 * second copy of the application.
 *
 * Root: the tests run as root in CI, where permission bits stop nothing.
 * The read-only cases therefore run the program as the user nobody (a
 * child_setup that drops to uid/gid 65534 before exec); where that is not
 * possible they are skipped with the reason. /dev/full is never touched as
 * root: a device node of the same kind is made in the test's folder.
 *
 * Checks marked known_bug() show core bugs that are reported and not fixed
 * yet (see reliability-util.h); SL_KNOWN_BUGS=fail makes them fail.
 */

#include "config.h"

#include <gio/gio.h>
#include <grp.h>
#include <signal.h>
#include <sqlite3.h>
#include <sys/resource.h>
#include <sys/sysmacros.h>
#include <sys/wait.h>

#include "bad-input-util.h"
#include "sl-archive.h"
#include "sl-csv-reader.h"
#include "sl-roster-import.h"
#include "sl-speech.h"
#include "sl-search.h"

/* The command line ------------------------------------------------------------------ */

static void
write_roster (const char *path)
{
  write_file (path, "姓名,性别,所属支部\n王芳,女,机关第一党支部\n李明,男,机关第一党支部\n", -1);
}

/* A ledger refused by a command: exit 1, one line naming the file, the
 * file byte for byte as it was, and no journal files beside it. */
static void
assert_refused_untouched (Fixture    *fixture,
                          const char *path,
                          const char *expect)
{
  g_autofree char *roster = g_build_filename (fixture->folder, "roster.csv", NULL);
  g_autoptr(GBytes) before = read_bytes (path);
  const char *commands[][4] = {
    { "check", NULL },
    { "stats", "--year", "2023", NULL },
    { "import-roster", roster, NULL },
    { "export-archive", "out.json", NULL },
  };

  write_roster (roster);
  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    {
      g_autoptr(GPtrArray) args = g_ptr_array_new ();
      CliResult result;

      g_ptr_array_add (args, (gpointer) "--database");
      g_ptr_array_add (args, (gpointer) path);
      for (guint j = 0; commands[i][j] != NULL; j++)
        g_ptr_array_add (args, (gpointer) commands[i][j]);
      g_ptr_array_add (args, NULL);

      run_cli_full (&result, fixture->folder, NULL, (const char * const *) args->pdata);
      g_assert_cmpint (result.status, ==, 1);
      assert_one_line (result.err);
      g_assert_nonnull (strstr (result.err, path));
      g_assert_nonnull (strstr (result.err, expect));
      cli_result_clear (&result);

      assert_same_bytes (before, path);
      g_assert_false (exists_with_suffix (path, "-wal"));
      g_assert_false (exists_with_suffix (path, "-shm"));
      g_assert_false (exists_with_suffix (path, "-journal"));
    }
}

static void
test_cli_not_a_database (Fixture       *fixture,
                         gconstpointer  data)
{
  g_autofree char *foreign = g_build_filename (fixture->folder, "music.db", NULL);
  sqlite3 *db = NULL;

  REQUIRE_CLI ();

  write_file (fixture->path, "会议纪要\n这不是数据库。\n", -1);
  assert_refused_untouched (fixture, fixture->path, "not a Study Ledger database");

  g_assert_cmpint (sqlite3_open (foreign, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, "CREATE TABLE songs (title TEXT); "
                                     "INSERT INTO songs VALUES ('东方红')", NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (db);
  assert_refused_untouched (fixture, foreign, "another program");
}

static void
test_cli_newer (Fixture       *fixture,
                gconstpointer  data)
{
  REQUIRE_CLI ();

  make_newer_ledger (fixture->path);
  assert_refused_untouched (fixture, fixture->path, "newer");
}

/* Running as nobody --------------------------------------------------------------- */

/* Runs the program as nobody when we are root, as ourselves otherwise.
 * FALSE (and the test skipped) when that cannot be done here. */
static gboolean
run_cli_unprivileged (CliResult          *result,
                      const char         *folder,
                      const char * const *args)
{
  run_cli_full (result, folder, geteuid () == 0 ? become_nobody : NULL, args);
  if (result->status == 99 || result->status == 126 || result->status == 127)
    {
      g_test_skip ("cannot run the program as the user nobody here (no CAP_SETUID, or the "
                   "build folder is not readable by others); as root, permission bits do not "
                   "stop writes, so there is nothing to test");
      return FALSE;
    }
  return TRUE;
}

static void
make_world_readable (const char *folder)
{
  /* nobody must reach the folder and read the roster in it. */
  g_assert_cmpint (g_chmod (folder, 0755), ==, 0);
}

static void
test_cli_read_only_folder (Fixture       *fixture,
                           gconstpointer  data)
{
  g_autofree char *roster = g_build_filename (fixture->folder, "roster.csv", NULL);
  g_autofree char *read_only = g_build_filename (fixture->folder, "read-only", NULL);
  g_autofree char *ledger = g_build_filename (read_only, "ledger.db", NULL);
  g_autofree char *deeper = g_build_filename (read_only, "sub", "ledger.db", NULL);
  g_autofree char *names = NULL;
  CliResult result;

  REQUIRE_CLI ();

  make_world_readable (fixture->folder);
  write_roster (roster);
  g_assert_cmpint (g_chmod (roster, 0644), ==, 0);
  g_assert_cmpint (g_mkdir (read_only, 0555), ==, 0);

  if (!run_cli_unprivileged (&result, fixture->folder,
                             (const char *[]) { "--database", ledger, "import-roster", roster, NULL }))
    return;
  g_assert_cmpint (result.status, ==, 1);
  assert_one_line (result.err);
  g_assert_nonnull (strstr (result.err, ledger));
  g_assert_nonnull (strstr (result.err, "Permission denied"));
  cli_result_clear (&result);

  g_assert_true (run_cli_unprivileged (&result, fixture->folder,
                                       (const char *[]) { "--database", deeper, "import-roster", roster, NULL }));
  g_assert_cmpint (result.status, ==, 1);
  assert_one_line (result.err);
  g_assert_nonnull (strstr (result.err, "sub"));
  cli_result_clear (&result);

  /* Nothing was created. */
  names = list_folder (read_only);
  g_assert_cmpstr (names, ==, "");
}

/* A ledger file nobody may write, in a folder nobody may write. */
static void
test_cli_read_only_ledger (Fixture       *fixture,
                           gconstpointer  data)
{
  g_autofree char *roster = g_build_filename (fixture->folder, "roster.csv", NULL);
  g_autoptr(GBytes) before = NULL;
  g_autofree char *names = NULL;
  CliResult result;

  REQUIRE_CLI ();

  {
    g_autoptr(SlLedger) ledger = ledger_with_roster (fixture->path);
  }
  write_roster (roster);
  g_assert_cmpint (g_chmod (roster, 0644), ==, 0);
  g_assert_cmpint (g_chmod (fixture->path, 0444), ==, 0);
  g_assert_cmpint (g_chmod (fixture->folder, 0555), ==, 0);
  before = read_bytes (fixture->path);

  if (!run_cli_unprivileged (&result, fixture->folder,
                             (const char *[]) { "--database", fixture->path, "import-roster", roster, NULL }))
    return;
  g_assert_cmpint (result.status, ==, 1);
  assert_one_line (result.err);
  g_assert_nonnull (strstr (result.err, fixture->path));
  cli_result_clear (&result);

  assert_same_bytes (before, fixture->path);
  names = list_folder (fixture->folder);
  g_assert_cmpstr (names, ==, "ledger.db roster.csv");
}

/* Locked by another process ------------------------------------------------------- */

static sqlite3 *
lock_exclusively (const char *path)
{
  sqlite3 *db = NULL;

  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, "BEGIN EXCLUSIVE", NULL, NULL, NULL), ==, SQLITE_OK);
  /* A write in the transaction, as a real writer would have. */
  g_assert_cmpint (sqlite3_exec (db, "INSERT INTO settings (key, value) VALUES ('lock', 'held')",
                                 NULL, NULL, NULL), ==, SQLITE_OK);
  return db;
}

static void
test_cli_locked (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autofree char *roster = g_build_filename (fixture->folder, "roster.csv", NULL);
  CliResult result;
  sqlite3 *lock;

  REQUIRE_CLI ();

  {
    g_autoptr(SlLedger) ledger = ledger_with_roster (fixture->path);
  }
  write_file (roster, "姓名,性别,所属支部\n新同志,女,机关第一党支部\n", -1);
  lock = lock_exclusively (fixture->path);

  /* The writer waits the busy timeout (5 s), then says who is in the way. */
  run_cli (&result, fixture->folder, "--database", fixture->path, "import-roster", roster);
  g_assert_cmpint (result.status, ==, 1);
  assert_one_line (result.err);
  g_assert_nonnull (strstr (result.err, "in use"));
  g_assert_cmpfloat (result.seconds, >=, 4.5);
  g_assert_cmpfloat (result.seconds, <, 30.0);
  cli_result_clear (&result);

  /* Readers of a WAL ledger are not stopped by a writer. */
  run_cli (&result, fixture->folder, "--database", fixture->path, "check");
  g_assert_cmpint (result.status, ==, 0);
  g_assert_cmpfloat (result.seconds, <, 4.0);
  cli_result_clear (&result);

  g_assert_cmpint (sqlite3_exec (lock, "ROLLBACK", NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (lock);

  /* Nothing of the refused import is there; now it goes through. */
  {
    g_autoptr(GError) error = NULL;
    g_autoptr(SlLedger) ledger = sl_ledger_open (fixture->path, &error);
    g_assert_no_error (error);
    g_assert_cmpuint (count_rows (ledger, "SELECT count(*) FROM members"), ==, TEST_N_MEMBERS);
  }
  run_cli (&result, fixture->folder, "--database", fixture->path, "import-roster", roster);
  g_assert_cmpint (result.status, ==, 0);
  cli_result_clear (&result);
}

/* A ledger in rollback-journal mode (a backup file opened with --database)
 * whose lock blocks readers too. */
static void
test_cli_locked_journal (Fixture       *fixture,
                         gconstpointer  data)
{
  g_autoptr(GBytes) before = NULL;
  CliResult result;
  sqlite3 *lock;

  REQUIRE_CLI ();

  {
    g_autoptr(GError) error = NULL;
    g_autoptr(SlLedger) ledger = ledger_with_roster (fixture->path);
    g_assert_true (sl_database_exec (sl_ledger_get_database (ledger),
                                     "PRAGMA journal_mode = DELETE", &error));
  }
  /* Read before locking: closing any descriptor of the file would drop
   * this process's POSIX locks on it, the lock included. */
  before = read_bytes (fixture->path);
  lock = lock_exclusively (fixture->path);

  run_cli (&result, fixture->folder, "--database", fixture->path, "check");
  g_assert_cmpint (result.status, ==, 1);
  assert_one_line (result.err);
  if (!known_bug (strstr (result.err, "in use") == NULL,
                  "a ledger locked by another process while being opened is called "
                  "'not a Study Ledger database': open_database() in sl-database.c turns "
                  "any failure of its first queries, SQLITE_BUSY included, into NOT_A_LEDGER"))
    g_assert_nonnull (strstr (result.err, "in use"));
  cli_result_clear (&result);

  g_assert_cmpint (sqlite3_exec (lock, "ROLLBACK", NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (lock);
  assert_same_bytes (before, fixture->path);
}

/* Exports that cannot be written ---------------------------------------------------- */

static void
test_cli_export_unwritable (Fixture       *fixture,
                            gconstpointer  data)
{
  g_autofree char *missing = g_build_filename (fixture->folder, "no-such-folder", "out.json", NULL);
  g_autofree char *names = NULL;
  CliResult result;

  REQUIRE_CLI ();

  {
    g_autoptr(SlLedger) ledger = ledger_with_roster (fixture->path);
  }

  run_cli (&result, fixture->folder, "--database", fixture->path, "export-archive", missing);
  g_assert_cmpint (result.status, ==, 1);
  assert_one_line (result.err);
  g_assert_nonnull (strstr (result.err, "out.json"));
  cli_result_clear (&result);

  run_cli (&result, fixture->folder, "--database", fixture->path, "export-archive", fixture->folder);
  g_assert_cmpint (result.status, ==, 1);
  assert_one_line (result.err);
  cli_result_clear (&result);

  names = list_folder (fixture->folder);
  g_assert_cmpstr (names, ==, "ledger.db");
}

static void
fill_disk_at_64k (gpointer data)
{
  struct rlimit limit = { 64 * 1024, 64 * 1024 };

  /* Writing past the limit then fails with EFBIG, as on a full disk. */
  signal (SIGXFSZ, SIG_IGN);
  if (setrlimit (RLIMIT_FSIZE, &limit) != 0)
    _exit (98);
}

/* The disk fills up halfway through the archive: no half file is left. */
static void
test_cli_export_disk_full (Fixture       *fixture,
                           gconstpointer  data)
{
  g_autofree char *out = g_build_filename (fixture->folder, "out", NULL);
  g_autofree char *archive = g_build_filename (out, "archive.json", NULL);
  g_autofree char *big = megabyte_text ();
  g_autofree char *names = NULL;
  CliResult result;

  REQUIRE_CLI ();

  {
    g_autoptr(GError) error = NULL;
    g_autoptr(SlLedger) ledger = ledger_with_roster (fixture->path);
    g_autoptr(SlMeeting) meeting = new_meeting ("2023-07-01", "七月会议");

    sl_meeting_set_note (meeting, big);
    g_assert_true (sl_ledger_save_meeting (ledger, meeting, SL_SAVE_REPLACE, &error));
    g_assert_no_error (error);
  }
  g_assert_cmpint (g_mkdir (out, 0700), ==, 0);

  run_cli_full (&result, fixture->folder, fill_disk_at_64k,
                (const char *[]) { "--database", fixture->path, "export-archive", archive, NULL });
  g_assert_cmpint (result.status, !=, 98);
  g_assert_cmpint (result.status, ==, 1);
  assert_one_line (result.err);
  g_assert_nonnull (strstr (result.err, "archive"));
  cli_result_clear (&result);

  names = list_folder (out);
  g_assert_cmpstr (names, ==, "");
}

/* A file name that is a device that takes no data: /dev/full, or, as root,
 * a node of the same device in our own folder. */
static char *
full_device (const char *folder)
{
  char *node;

  if (geteuid () != 0)
    return g_strdup ("/dev/full");

  node = g_build_filename (folder, "full", NULL);
  if (mknod (node, S_IFCHR | 0666, makedev (1, 7)) != 0)
    {
      g_free (node);
      return NULL;
    }
  return node;
}

static void
test_cli_export_dev_full (Fixture       *fixture,
                          gconstpointer  data)
{
  g_autofree char *full = NULL;
  g_autofree char *names = NULL;
  const char *commands[][5] = {
    { "export-archive", NULL, NULL },
    { "backup", "--output", NULL, NULL },
  };
  GStatBuf buf;

  REQUIRE_CLI ();

  {
    g_autoptr(SlLedger) ledger = ledger_with_roster (fixture->path);
  }
  full = full_device (fixture->folder);
  if (full == NULL)
    {
      g_test_skip ("cannot make a /dev/full node here (mknod refused)");
      return;
    }

  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    {
      const char *args[6] = { "--database", fixture->path, commands[i][0], NULL, NULL, NULL };
      CliResult result;
      gboolean replaced;

      if (commands[i][1] != NULL)
        {
          args[3] = commands[i][1];
          args[4] = full;
        }
      else
        args[3] = full;

      run_cli_full (&result, fixture->folder, NULL, args);

      /* The device must still be the device: a temporary file renamed
       * over it would replace /dev/full itself. */
      g_assert_cmpint (g_lstat (full, &buf), ==, 0);
      replaced = !S_ISCHR (buf.st_mode);
      if (known_bug (replaced || result.status == 0,
                     "export-archive and backup --output write a temporary file beside the "
                     "target and rename it over it (g_file_set_contents_full CONSISTENT in "
                     "sl_archive_export, mkstemp + rename in sl_database_backup): given "
                     "/dev/full as root they replace the device node with a regular file and "
                     "report success; they must refuse a target that is not a regular file"))
        {
          if (replaced)
            {
              g_assert_cmpint (g_unlink (full), ==, 0);
              g_assert_cmpint (mknod (full, S_IFCHR | 0666, makedev (1, 7)), ==, 0);
            }
          cli_result_clear (&result);
          continue;
        }

      g_assert_cmpint (result.status, ==, 1);
      assert_one_line (result.err);
      cli_result_clear (&result);
    }

  /* No temporary file was left behind. */
  names = list_folder (fixture->folder);
  if (geteuid () == 0)
    g_assert_cmpstr (names, ==, "full ledger.db");
}

/* More command-line mistakes --------------------------------------------------------- */

static void
test_cli_roster_duplicates (Fixture       *fixture,
                            gconstpointer  data)
{
  g_autofree char *roster = g_test_build_filename (G_TEST_DIST, "data", "roster-duplicate.csv", NULL);
  CliResult result;

  REQUIRE_CLI ();

  run_cli (&result, fixture->folder, "--database", fixture->path, "import-roster", roster);
  g_assert_cmpint (result.status, ==, 1);
  assert_one_line (result.err);
  g_assert_nonnull (strstr (result.err, "roster-duplicate.csv"));
  g_assert_nonnull (strstr (result.err, "line 5"));
  g_assert_nonnull (strstr (result.err, "line 2"));
  cli_result_clear (&result);
}

static void
test_cli_archive_bad_dates (Fixture       *fixture,
                            gconstpointer  data)
{
  g_autofree char *archive = g_build_filename (fixture->folder, "bad.json", NULL);
  g_autoptr(GBytes) before = NULL;

  REQUIRE_CLI ();

  {
    g_autoptr(SlLedger) ledger = ledger_with_roster (fixture->path);
  }
  before = read_bytes (fixture->path);

  for (guint i = 0; i < G_N_ELEMENTS (bad_archives); i++)
    {
      g_autofree char *json = meeting_archive (bad_archives[i].fields);
      CliResult result;

      write_file (archive, json, -1);
      run_cli (&result, fixture->folder, "--database", fixture->path, "import-archive", archive);
      g_assert_cmpint (result.status, ==, 1);
      assert_one_line (result.err);
      g_assert_nonnull (strstr (result.err, "bad.json"));
      g_assert_nonnull (strstr (result.err, bad_archives[i].where));
      cli_result_clear (&result);
    }

  {
    g_autoptr(GError) error = NULL;
    g_autoptr(SlLedger) ledger = sl_ledger_open (fixture->path, &error);
    g_assert_no_error (error);
    g_assert_cmpuint (count_rows (ledger, "SELECT count(*) FROM meetings"), ==, 0);
  }
}

/* Two archives back to back (two exports pasted into one file) are not an
 * archive. json-glib 1.6 reads the first value and ignores, and leaks, the
 * rest: the program runs without leak detection here. */
static void
test_cli_archive_two_documents (Fixture       *fixture,
                                gconstpointer  data)
{
  g_autofree char *archive = g_build_filename (fixture->folder, "two.json", NULL);
  g_autofree char *first = meeting_archive ("\"date\": \"2023-03-05\"");
  g_autofree char *second = g_strdup_printf ("{ \"format\": \"study-ledger-archive\", \"version\": 1, "
                                             "\"organizations\": [ { \"id\": \"%s\", "
                                             "\"name\": \"第二份档案的组织\" } ] }\n",
                                             "6f1c9a52-0000-4000-8000-0000000009ff");
  g_autofree char *both = g_strconcat (first, second, NULL);
  CliResult result;

  REQUIRE_CLI ();

  {
    g_autoptr(SlLedger) ledger = ledger_with_roster (fixture->path);
  }
  write_file (archive, both, -1);

  cli_leak_check_off = TRUE;
  run_cli (&result, fixture->folder, "--database", fixture->path, "import-archive", archive);
  cli_leak_check_off = FALSE;

  if (!known_bug (result.status == 0,
                  "import-archive of two archives back to back imports the first and "
                  "ignores the second without a word: json-glib 1.6 stops after the first "
                  "value (and leaks the rest); sl_archive_import_data must refuse what "
                  "follows it"))
    {
      g_assert_cmpint (result.status, ==, 1);
      assert_one_line (result.err);
    }
  cli_result_clear (&result);
}

/* What the command line exports is what was typed, to the byte. */
static void
test_cli_text_exported_exactly (Fixture       *fixture,
                                gconstpointer  data)
{
  g_autofree char *title = strange_text ();
  g_autofree char *big = megabyte_text ();
  g_autofree char *archive = g_build_filename (fixture->folder, "out.json", NULL);
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  JsonObject *meeting;
  JsonObject *speech;
  CliResult result;

  REQUIRE_CLI ();

  {
    g_autoptr(SlLedger) ledger = ledger_with_roster (fixture->path);
    g_autoptr(SlMeeting) m = new_meeting ("2023-08-01", title);
    g_autoptr(SlSpeech) s = sl_speech_new ();

    sl_speech_set_points (s, big);
    g_list_store_append (G_LIST_STORE (sl_meeting_get_speeches (m)), s);
    g_assert_true (sl_ledger_save_meeting (ledger, m, SL_SAVE_REPLACE, &error));
    g_assert_no_error (error);
  }

  run_cli (&result, fixture->folder, "--database", fixture->path, "export-archive", archive);
  g_assert_cmpint (result.status, ==, 0);
  cli_result_clear (&result);

  g_assert_true (json_parser_load_from_file (parser, archive, &error));
  g_assert_no_error (error);
  meeting = json_array_get_object_element (
    json_object_get_array_member (json_node_get_object (json_parser_get_root (parser)), "meetings"), 0);
  g_assert_cmpstr (json_object_get_string_member (meeting, "title"), ==, title);
  speech = json_array_get_object_element (json_object_get_array_member (meeting, "speeches"), 0);
  g_assert_true (g_str_equal (json_object_get_string_member (speech, "points"), big));
}

/* Text that is not UTF-8 never reaches the ledger through the command line. */
static void
test_cli_not_utf8 (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autofree char *roster = g_build_filename (fixture->folder, "roster.csv", NULL);
  g_autofree char *archive = g_build_filename (fixture->folder, "out.json", NULL);
  g_autofree char *other = g_build_filename (fixture->folder, "other.db", NULL);
  CliResult result;

  REQUIRE_CLI ();

  {
    g_autoptr(SlLedger) ledger = ledger_with_roster (fixture->path);
  }

  /* A search word typed in a GBK terminal (学习 in GBK: D1 A7 CF B0). */
  run_cli (&result, fixture->folder, "--database", fixture->path, "search", "\xd1\xa7\xcf\xb0\xf0");
  g_assert_cmpint (result.status, >, 0);
  g_assert_nonnull (strstr (result.err, "UTF-8"));
  cli_result_clear (&result);

  /* An organization named in the same terminal. */
  write_roster (roster);
  run_cli (&result, fixture->folder, "--database", fixture->path, "import-roster", roster,
           "--organization", "\xbb\xfa\xb9\xd8");
  if (result.status == 0)
    {
      cli_result_clear (&result);
      run_cli (&result, fixture->folder, "--database", fixture->path, "export-archive", archive);
      cli_result_clear (&result);
      run_cli (&result, fixture->folder, "--database", other, "import-archive", archive);
      known_bug (result.status != 0,
                 "import-roster --organization takes bytes that are not UTF-8 (the option is "
                 "G_OPTION_ARG_FILENAME) and stores them as the organization's name; the "
                 "ledger's own export-archive then writes an archive that import-archive "
                 "refuses as 'not UTF-8 text'. Neither sl-cli.c nor "
                 "sl_ledger_save_organization/_member check that text is UTF-8");
    }
  cli_result_clear (&result);
}

/* A second copy of the application ------------------------------------------------- */

static gboolean
name_has_owner (GDBusConnection *bus,
                const char      *name)
{
  g_autoptr(GVariant) reply = NULL;
  gboolean owned = FALSE;

  reply = g_dbus_connection_call_sync (bus, "org.freedesktop.DBus", "/org/freedesktop/DBus",
                                       "org.freedesktop.DBus", "NameHasOwner",
                                       g_variant_new ("(s)", name), G_VARIANT_TYPE ("(b)"),
                                       G_DBUS_CALL_FLAGS_NONE, -1, NULL, NULL);
  if (reply != NULL)
    g_variant_get (reply, "(b)", &owned);
  return owned;
}

/* GApplication makes Study Ledger single-instance on the session bus: the
 * first process owns org.studyledger.StudyLedger; a second one sends it
 * "activate" (it presents its window) and exits 0 at once. */
static void
test_second_instance (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autoptr(GDBusConnection) bus = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) envp = NULL;
  const char *argv[] = { cli_path (), "--database", fixture->path, NULL };
  GPid first;
  gint64 deadline;
  int status = 0;
  CliResult second;

  REQUIRE_CLI ();
  if (g_getenv ("DISPLAY") == NULL || g_getenv ("DBUS_SESSION_BUS_ADDRESS") == NULL)
    {
      g_test_skip ("needs a display and a session bus (build-aux/setup.sh --test gives both)");
      return;
    }

  bus = g_bus_get_sync (G_BUS_TYPE_SESSION, NULL, &error);
  g_assert_no_error (error);
  if (name_has_owner (bus, APP_ID))
    {
      g_test_skip ("another Study Ledger already runs on this session bus");
      return;
    }

  /* GTK's caches are not ours to free: no leak report from the window. */
  cli_leak_check_off = TRUE;
  envp = cli_environ ();
  cli_leak_check_off = FALSE;
  envp = g_environ_setenv (envp, "GSK_RENDERER", "cairo", TRUE);
  g_spawn_async (fixture->folder, (char **) argv, envp, G_SPAWN_DO_NOT_REAP_CHILD,
                 NULL, NULL, &first, &error);
  g_assert_no_error (error);

  deadline = g_get_monotonic_time () + 60 * G_USEC_PER_SEC;
  while (!name_has_owner (bus, APP_ID))
    {
      g_assert_cmpint (waitpid (first, &status, WNOHANG), ==, 0);
      g_assert_cmpint (g_get_monotonic_time (), <, deadline);
      g_usleep (50 * 1000);
    }

  cli_leak_check_off = TRUE;
  run_cli_full (&second, fixture->folder, NULL,
                (const char *[]) { "--database", fixture->path, NULL });
  cli_leak_check_off = FALSE;
  g_assert_cmpint (second.status, ==, 0);
  g_assert_cmpfloat (second.seconds, <, 10.0);
  cli_result_clear (&second);

  /* The first one is still there, and still the one. */
  g_assert_cmpint (waitpid (first, &status, WNOHANG), ==, 0);
  g_assert_true (name_has_owner (bus, APP_ID));

  kill (first, SIGTERM);
  g_assert_cmpint (waitpid (first, &status, 0), ==, first);
  g_spawn_close_pid (first);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/bad-input/cli/not-a-database", Fixture, NULL,
              fixture_set_up, test_cli_not_a_database, fixture_tear_down);
  g_test_add ("/bad-input/cli/newer-version", Fixture, NULL,
              fixture_set_up, test_cli_newer, fixture_tear_down);
  g_test_add ("/bad-input/cli/read-only-folder", Fixture, NULL,
              fixture_set_up, test_cli_read_only_folder, fixture_tear_down);
  g_test_add ("/bad-input/cli/read-only-ledger", Fixture, NULL,
              fixture_set_up, test_cli_read_only_ledger, fixture_tear_down);
  g_test_add ("/bad-input/cli/locked", Fixture, NULL,
              fixture_set_up, test_cli_locked, fixture_tear_down);
  g_test_add ("/bad-input/cli/locked-journal", Fixture, NULL,
              fixture_set_up, test_cli_locked_journal, fixture_tear_down);
  g_test_add ("/bad-input/cli/export-unwritable", Fixture, NULL,
              fixture_set_up, test_cli_export_unwritable, fixture_tear_down);
  g_test_add ("/bad-input/cli/export-disk-full", Fixture, NULL,
              fixture_set_up, test_cli_export_disk_full, fixture_tear_down);
  g_test_add ("/bad-input/cli/export-dev-full", Fixture, NULL,
              fixture_set_up, test_cli_export_dev_full, fixture_tear_down);
  g_test_add ("/bad-input/cli/roster-duplicates", Fixture, NULL,
              fixture_set_up, test_cli_roster_duplicates, fixture_tear_down);
  g_test_add ("/bad-input/cli/archive-bad-dates", Fixture, NULL,
              fixture_set_up, test_cli_archive_bad_dates, fixture_tear_down);
  g_test_add ("/bad-input/cli/archive-two-documents", Fixture, NULL,
              fixture_set_up, test_cli_archive_two_documents, fixture_tear_down);
  g_test_add ("/bad-input/cli/text-exported-exactly", Fixture, NULL,
              fixture_set_up, test_cli_text_exported_exactly, fixture_tear_down);
  g_test_add ("/bad-input/cli/not-utf8", Fixture, NULL,
              fixture_set_up, test_cli_not_utf8, fixture_tear_down);
  g_test_add ("/bad-input/second-instance", Fixture, NULL,
              fixture_set_up, test_second_instance, fixture_tear_down);

  return g_test_run ();
}
