/* test-backups.c — the daily backups and restoring one
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Days are simulated with SL_TODAY, which sl_today() honours. The program
 * gets its own XDG_DATA_HOME, a temporary folder set before GLib reads it,
 * so the default ledger and its backup folder are private to the run.
 * (Not G_TEST_OPTION_ISOLATE_DIRS: GLib keeps the dirs it replaces for
 * ever, which LeakSanitizer rightly reports.) Refused restores
 * are checked byte for byte: "nothing was changed" is what the message
 * promises.
 */

#include "config.h"

#include <sqlite3.h>

#include "reliability-util.h"
#include "sl-backups.h"

typedef struct
{
  char *folder;
  char *path;      /* folder/ledger.db */
  char *backups;   /* folder/ledger-backups */
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  fixture->folder = make_temp_folder ("sl-backups-XXXXXX");
  fixture->path = g_build_filename (fixture->folder, "ledger.db", NULL);
  fixture->backups = g_build_filename (fixture->folder, "ledger-backups", NULL);
  g_unsetenv ("SL_TODAY");
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  remove_tree (fixture->folder);
  g_clear_pointer (&fixture->folder, g_free);
  g_clear_pointer (&fixture->path, g_free);
  g_clear_pointer (&fixture->backups, g_free);
  g_unsetenv ("SL_TODAY");
}

static SlLedger *
open_with_roster (const char *path)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SlLedger) ledger = sl_ledger_open (path, &error);

  g_assert_no_error (error);
  add_roster (ledger);
  return g_steal_pointer (&ledger);
}

static void
add_meeting (SlLedger   *ledger,
             const char *date,
             const char *title)
{
  g_autoptr(SlMeeting) meeting = new_meeting (date, title);
  g_autoptr(GError) error = NULL;

  g_assert_true (sl_ledger_save_meeting (ledger, meeting, SL_SAVE_REPLACE, &error));
  g_assert_no_error (error);
}

/* The titles of the meetings in @path, sorted, joined by "|". */
static char *
meeting_titles (const char *path)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SlLedger) ledger = sl_ledger_open (path, &error);
  g_autoptr(GPtrArray) meetings = NULL;
  g_autoptr(GPtrArray) titles = g_ptr_array_new ();

  g_assert_no_error (error);
  meetings = sl_ledger_load_meetings (ledger, 0, NULL, FALSE, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < meetings->len; i++)
    g_ptr_array_add (titles, (gpointer) sl_meeting_get_title (g_ptr_array_index (meetings, i)));
  g_ptr_array_sort (titles, compare_strings);
  g_ptr_array_add (titles, NULL);

  return g_strjoinv ("|", (char **) titles->pdata);
}

static void
test_folder_for (void)
{
  g_autofree char *default_folder = sl_backups_folder_for (NULL);
  g_autofree char *default_path = sl_database_default_path ();
  g_autofree char *same = sl_backups_folder_for (default_path);
  g_autofree char *expected = g_build_filename (g_get_user_data_dir (), "study-ledger",
                                                "backups", NULL);
  g_autofree char *other = sl_backups_folder_for ("/srv/ledgers/branch.db");
  g_autofree char *plain = sl_backups_folder_for ("/srv/ledgers/branch");

  g_assert_cmpstr (default_folder, ==, expected);
  g_assert_cmpstr (same, ==, expected);
  g_assert_cmpstr (other, ==, "/srv/ledgers/branch-backups");
  g_assert_cmpstr (plain, ==, "/srv/ledgers/branch-backups");
}

static void
test_empty_ledger_not_copied (Fixture       *fixture,
                              gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SlDatabase) db = sl_database_open (fixture->path, &error);

  g_assert_no_error (error);
  g_assert_true (sl_backups_run_daily (db, NULL, 14, &error));
  g_assert_no_error (error);
  g_assert_false (g_file_test (fixture->backups, G_FILE_TEST_EXISTS));
}

static void
test_daily_once_a_day (Fixture       *fixture,
                       gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SlLedger) ledger = open_with_roster (fixture->path);
  SlDatabase *db = sl_ledger_get_database (ledger);
  g_autofree char *copy = g_build_filename (fixture->backups, "ledger-2024-03-01.db", NULL);
  g_autoptr(GBytes) first = NULL;
  g_autofree char *names = NULL;
  g_autofree char *titles = NULL;

  g_setenv ("SL_TODAY", "2024-03-01", TRUE);
  add_meeting (ledger, "2024-02-28", "二月会议");

  g_assert_true (sl_backups_run_daily (db, NULL, 14, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_test (copy, G_FILE_TEST_IS_REGULAR));
  g_assert_cmpint (file_mode (fixture->backups), ==, 0700);
  g_assert_cmpint (file_mode (copy), ==, 0600);
  first = read_bytes (copy);

  /* Later the same day: the copy keeps the state of the morning. */
  add_meeting (ledger, "2024-03-01", "三月会议");
  g_assert_true (sl_backups_run_daily (db, NULL, 14, &error));
  g_assert_no_error (error);
  assert_same_bytes (first, copy);
  names = list_folder (fixture->backups);
  g_assert_cmpstr (names, ==, "ledger-2024-03-01.db");

  /* A single file (no WAL beside it) that opens as a ledger. */
  titles = meeting_titles (copy);
  g_assert_cmpstr (titles, ==, "二月会议");
}

static void
test_keep_newest (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SlLedger) ledger = open_with_roster (fixture->path);
  SlDatabase *db = sl_ledger_get_database (ledger);
  g_autofree char *names = NULL;
  const char *others[] = { "notes.txt", "ledger-2023-02-30.db", "before-restore-2024-01-01-080000.db",
                           "ledger-2024-01-01.db.bak" };

  g_assert_true (g_mkdir_with_parents (fixture->backups, 0700) == 0);
  for (guint i = 0; i < G_N_ELEMENTS (others); i++)
    {
      g_autofree char *path = g_build_filename (fixture->backups, others[i], NULL);
      write_file (path, "keep me", -1);
    }

  /* Twenty days in a row, with a gap: only the newest five daily copies stay. */
  for (guint day = 1; day <= 20; day++)
    {
      g_autofree char *today = g_strdup_printf ("2024-01-%02u", day + (day > 10 ? 5 : 0));

      g_setenv ("SL_TODAY", today, TRUE);
      g_assert_true (sl_backups_run_daily (db, fixture->backups, 5, &error));
      g_assert_no_error (error);
    }

  names = list_folder (fixture->backups);
  g_assert_cmpstr (names, ==,
                   "before-restore-2024-01-01-080000.db "
                   "ledger-2023-02-30.db ledger-2024-01-01.db.bak "
                   "ledger-2024-01-21.db ledger-2024-01-22.db ledger-2024-01-23.db "
                   "ledger-2024-01-24.db ledger-2024-01-25.db notes.txt");
}

static void
test_keep_setting (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SlLedger) ledger = open_with_roster (fixture->path);
  SlDatabase *db = sl_ledger_get_database (ledger);
  g_autofree char *names = NULL;

  g_assert_cmpuint (sl_backups_get_keep (db), ==, 14);
  g_assert_true (sl_database_set_setting (db, SL_BACKUPS_KEEP_SETTING, "nonsense", &error));
  g_assert_cmpuint (sl_backups_get_keep (db), ==, 14);
  g_assert_true (sl_database_set_setting (db, SL_BACKUPS_KEEP_SETTING, "0", &error));
  g_assert_cmpuint (sl_backups_get_keep (db), ==, 14);
  g_assert_true (sl_database_set_setting (db, SL_BACKUPS_KEEP_SETTING, "2", &error));
  g_assert_no_error (error);
  g_assert_cmpuint (sl_backups_get_keep (db), ==, 2);

  for (guint day = 1; day <= 4; day++)
    {
      g_autofree char *today = g_strdup_printf ("2024-05-%02u", day);

      g_setenv ("SL_TODAY", today, TRUE);
      /* keep 0: the setting decides. */
      g_assert_true (sl_backups_run_daily (db, NULL, 0, &error));
      g_assert_no_error (error);
    }

  names = list_folder (fixture->backups);
  g_assert_cmpstr (names, ==, "ledger-2024-05-03.db ledger-2024-05-04.db");
}

/* The default ledger's copies go to $XDG_DATA_HOME/study-ledger/backups. */
static void
test_default_folder (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SlLedger) ledger = open_with_roster (NULL);
  g_autofree char *copy = g_build_filename (g_get_user_data_dir (), "study-ledger", "backups",
                                            "ledger-2024-06-01.db", NULL);

  g_setenv ("SL_TODAY", "2024-06-01", TRUE);
  g_assert_true (sl_backups_run_daily (sl_ledger_get_database (ledger), NULL, 14, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_test (copy, G_FILE_TEST_IS_REGULAR));
  g_assert_cmpint (file_mode (copy), ==, 0600);
  g_unsetenv ("SL_TODAY");
}

static void
test_folder_is_a_file (Fixture       *fixture,
                       gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SlLedger) ledger = open_with_roster (fixture->path);

  write_file (fixture->backups, "in the way", -1);
  g_assert_false (sl_backups_run_daily (sl_ledger_get_database (ledger), NULL, 14, &error));
  ASSERT_ERROR (error, SL_BACKUPS_ERROR, SL_BACKUPS_ERROR_FOLDER);
  g_assert_nonnull (strstr (error->message, fixture->backups));
}

/* Restoring ---------------------------------------------------------------- */

/* A ledger with 第一次 in it, a backup of it, then 第二次 added. */
static char *
ledger_with_backup (Fixture *fixture)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SlLedger) ledger = open_with_roster (fixture->path);
  char *backup = g_build_filename (fixture->folder, "copy.db", NULL);

  add_meeting (ledger, "2024-01-10", "第一次");
  g_assert_true (sl_database_backup (sl_ledger_get_database (ledger), backup, &error));
  g_assert_no_error (error);
  add_meeting (ledger, "2024-02-10", "第二次");

  return backup;
}

static void
test_restore (Fixture       *fixture,
              gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *backup = ledger_with_backup (fixture);
  g_autofree char *saved = NULL;
  g_autofree char *titles = NULL;
  g_autofree char *saved_titles = NULL;

  g_assert_true (sl_backups_restore_full (fixture->path, backup, &saved, &error));
  g_assert_no_error (error);

  titles = meeting_titles (fixture->path);
  g_assert_cmpstr (titles, ==, "第一次");
  g_assert_cmpint (file_mode (fixture->path), ==, 0600);

  /* What was there before is kept, privately, and never pruned. */
  g_assert_nonnull (saved);
  g_assert_true (g_str_has_prefix (saved, fixture->backups));
  g_assert_true (g_str_has_prefix (strrchr (saved, '/'), "/before-restore-"));
  g_assert_cmpint (file_mode (saved), ==, 0600);
  saved_titles = meeting_titles (saved);
  g_assert_cmpstr (saved_titles, ==, "第一次|第二次");
}

/* A window holding the ledger open sees the restored records at once. */
static void
test_restore_while_open (Fixture       *fixture,
                         gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *backup = ledger_with_backup (fixture);
  g_autoptr(SlLedger) window = sl_ledger_open (fixture->path, &error);
  g_autoptr(GPtrArray) before = NULL;
  g_autoptr(GPtrArray) after = NULL;
  g_autoptr(GPtrArray) problems = NULL;

  g_assert_no_error (error);
  before = sl_ledger_load_meetings (window, 0, NULL, FALSE, &error);
  g_assert_cmpuint (before->len, ==, 2);

  g_assert_true (sl_backups_restore (fixture->path, backup, &error));
  g_assert_no_error (error);

  after = sl_ledger_load_meetings (window, 0, NULL, FALSE, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (after->len, ==, 1);
  problems = sl_database_check (sl_ledger_get_database (window), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (problems->len, ==, 0);
}

static void
test_restore_into_nothing (Fixture       *fixture,
                           gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *backup = ledger_with_backup (fixture);
  g_autofree char *target = g_build_filename (fixture->folder, "new", "ledger.db", NULL);
  g_autofree char *saved = NULL;
  g_autofree char *titles = NULL;

  g_assert_true (sl_backups_restore_full (target, backup, &saved, &error));
  g_assert_no_error (error);
  g_assert_null (saved);
  g_assert_cmpint (file_mode (target), ==, 0600);
  titles = meeting_titles (target);
  g_assert_cmpstr (titles, ==, "第一次");
}

/* A damaged ledger is what a restore is for: its bytes are kept aside. */
static void
test_restore_over_damaged (Fixture       *fixture,
                           gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *backup = ledger_with_backup (fixture);
  g_autofree char *saved = NULL;
  g_autofree char *titles = NULL;
  g_autoptr(GBytes) saved_bytes = NULL;
  const char *garbage = "this is what is left of the ledger after the disk failed";

  write_file (fixture->path, garbage, -1);
  g_assert_true (sl_backups_restore_full (fixture->path, backup, &saved, &error));
  g_assert_no_error (error);

  titles = meeting_titles (fixture->path);
  g_assert_cmpstr (titles, ==, "第一次");
  saved_bytes = read_bytes (saved);
  g_assert_cmpmem (g_bytes_get_data (saved_bytes, NULL), g_bytes_get_size (saved_bytes),
                   garbage, strlen (garbage));
  g_assert_cmpint (file_mode (saved), ==, 0600);
}

/* A backup taken before a schema change is brought up to date. */
static void
test_restore_older_schema (Fixture       *fixture,
                           gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *old = g_build_filename (fixture->folder, "old.db", NULL);
  g_autoptr(SlLedger) current = open_with_roster (fixture->path);
  g_autoptr(SlDatabase) reopened = NULL;

  {
    g_autoptr(SlDatabase) db = sl_database_open_at_version (old, 1, &error);
    g_assert_no_error (error);
    g_assert_true (sl_database_exec (db, "INSERT INTO organizations (uuid, name) "
                                         "VALUES ('6f1c9a52-0000-4000-8000-00000000aaaa', '旧支部')",
                                     &error));
    g_assert_no_error (error);
  }
  g_clear_object (&current);

  g_assert_true (sl_backups_restore (fixture->path, old, &error));
  g_assert_no_error (error);

  reopened = sl_database_open (fixture->path, &error);
  g_assert_no_error (error);
  g_assert_cmpint (sl_database_get_version (reopened), ==, SL_SCHEMA_VERSION);
}

typedef enum { BAD_TEXT, BAD_FOREIGN, BAD_NEWER, BAD_DAMAGED, BAD_MISSING, BAD_SELF, BAD_EMPTY_SQLITE } BadKind;

static char *
make_bad_file (Fixture *fixture,
               BadKind  kind)
{
  char *path = g_build_filename (fixture->folder, "bad.db", NULL);
  sqlite3 *db = NULL;

  switch (kind)
    {
    case BAD_TEXT:
      write_file (path, "姓名,性别\n王芳,女\n", -1);
      break;

    case BAD_FOREIGN:
      g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
      g_assert_cmpint (sqlite3_exec (db, "CREATE TABLE songs (title TEXT)", NULL, NULL, NULL), ==, SQLITE_OK);
      sqlite3_close (db);
      break;

    case BAD_NEWER:
      {
        g_autoptr(GError) error = NULL;
        g_autoptr(SlDatabase) ledger = sl_database_open (path, &error);
        g_assert_no_error (error);
        g_assert_true (sl_database_exec (ledger, "PRAGMA user_version = 99", &error));
      }
      break;

    case BAD_DAMAGED:
      {
        g_autoptr(GError) error = NULL;
        g_autoptr(GBytes) bytes = NULL;
        g_autofree guint8 *copy = NULL;
        gsize size;

        {
          g_autoptr(SlLedger) ledger = open_with_roster (path);
          for (guint i = 0; i < 30; i++)
            add_meeting (ledger, "2024-01-10", "一次会议，一次会议，一次会议，一次会议，一次会议");
          g_assert_true (sl_database_exec (sl_ledger_get_database (ledger),
                                           "PRAGMA journal_mode = DELETE", &error));
          g_assert_no_error (error);
        }
        bytes = read_bytes (path);
        copy = g_memdup2 (g_bytes_get_data (bytes, &size), g_bytes_get_size (bytes));
        /* Scribble over the pages after the first: the header stays ours. */
        for (gsize i = 4096 * 2; i < size; i += 7)
          copy[i] ^= 0x5a;
        write_file (path, (const char *) copy, size);
      }
      break;

    case BAD_MISSING:
      break;

    case BAD_SELF:
      g_free (path);
      path = g_strdup (fixture->path);
      break;

    case BAD_EMPTY_SQLITE:
      write_file (path, "", 0);
      break;

    default:
      g_assert_not_reached ();
    }

  return path;
}

static void
test_restore_refuses (Fixture       *fixture,
                      gconstpointer  data)
{
  BadKind kind = GPOINTER_TO_INT (data);
  g_autoptr(GError) error = NULL;
  g_autofree char *backup = ledger_with_backup (fixture);
  g_autofree char *bad = make_bad_file (fixture, kind);
  g_autoptr(GBytes) ledger_before = read_bytes (fixture->path);
  g_autoptr(GBytes) bad_before = kind != BAD_MISSING ? read_bytes (bad) : NULL;
  g_autofree char *titles = NULL;

  g_assert_false (sl_backups_restore (fixture->path, bad, &error));
  g_assert_nonnull (error);
  g_test_message ("refused: %s", error->message);
  g_assert_true (error->domain == SL_BACKUPS_ERROR);
  if (kind == BAD_NEWER)
    g_assert_cmpint (error->code, ==, SL_BACKUPS_ERROR_NEWER);
  else
    g_assert_cmpint (error->code, ==, SL_BACKUPS_ERROR_NOT_VALID);
  g_assert_nonnull (strstr (error->message, bad));

  /* Neither the ledger nor the file named was touched, and nothing was
   * copied aside. */
  assert_same_bytes (ledger_before, fixture->path);
  if (bad_before != NULL)
    assert_same_bytes (bad_before, bad);
  g_assert_false (g_file_test (fixture->backups, G_FILE_TEST_EXISTS));
  titles = meeting_titles (fixture->path);
  g_assert_cmpstr (titles, ==, "第一次|第二次");
}

/* The command line ------------------------------------------------------------ */

static void
test_cli_restore (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autofree char *backup = NULL;
  g_autofree char *titles = NULL;
  g_autofree char *text = g_build_filename (fixture->folder, "notes.txt", NULL);
  CliResult result;

  if (cli_path () == NULL)
    {
      g_test_skip ("STUDY_LEDGER does not name the built program");
      return;
    }

  backup = ledger_with_backup (fixture);

  run_cli (&result, fixture->folder, "--help");
  g_assert_cmpint (result.status, ==, 0);
  g_assert_nonnull (strstr (result.out, "restore FILE"));
  cli_result_clear (&result);

  write_file (text, "not a ledger", -1);
  run_cli (&result, fixture->folder, "--database", fixture->path, "restore", text);
  g_assert_cmpint (result.status, ==, 1);
  assert_one_line (result.err);
  g_assert_nonnull (strstr (result.err, "notes.txt"));
  cli_result_clear (&result);

  run_cli (&result, fixture->folder, "restore");
  g_assert_cmpint (result.status, ==, 2);
  cli_result_clear (&result);

  run_cli (&result, fixture->folder, "--database", fixture->path, "restore", backup);
  g_assert_cmpint (result.status, ==, 0);
  g_assert_nonnull (strstr (result.out, "before-restore-"));
  cli_result_clear (&result);

  titles = meeting_titles (fixture->path);
  g_assert_cmpstr (titles, ==, "第一次");
}

/* Writing commands take the day's backup; one that fails is a warning. */
static void
test_cli_daily (Fixture       *fixture,
                gconstpointer  data)
{
  g_autofree char *roster = g_build_filename (fixture->folder, "roster.csv", NULL);
  g_autofree char *copy = g_build_filename (fixture->backups, "ledger-2024-07-01.db", NULL);
  g_autofree char *names = NULL;
  CliResult result;

  if (cli_path () == NULL)
    {
      g_test_skip ("STUDY_LEDGER does not name the built program");
      return;
    }

  write_file (roster, "姓名,性别\n王芳,女\n", -1);
  g_setenv ("SL_TODAY", "2024-07-01", TRUE);

  /* An empty new ledger: nothing to copy yet. */
  run_cli (&result, fixture->folder, "--database", fixture->path, "import-roster", roster);
  g_assert_cmpint (result.status, ==, 0);
  cli_result_clear (&result);
  g_assert_false (g_file_test (fixture->backups, G_FILE_TEST_EXISTS));

  /* The second write of the day copies the ledger as it was. */
  run_cli (&result, fixture->folder, "--database", fixture->path, "import-roster", roster);
  g_assert_cmpint (result.status, ==, 0);
  g_assert_cmpstr (result.err, ==, "");
  cli_result_clear (&result);
  g_assert_true (g_file_test (copy, G_FILE_TEST_IS_REGULAR));
  g_assert_cmpint (file_mode (copy), ==, 0600);

  /* Commands that only read take none. */
  g_setenv ("SL_TODAY", "2024-07-02", TRUE);
  run_cli (&result, fixture->folder, "--database", fixture->path, "check");
  g_assert_cmpint (result.status, ==, 0);
  cli_result_clear (&result);
  names = list_folder (fixture->backups);
  g_assert_cmpstr (names, ==, "ledger-2024-07-01.db");

  /* A backup folder that cannot be made: the import still happens. */
  remove_tree (fixture->backups);
  write_file (fixture->backups, "in the way", -1);
  run_cli (&result, fixture->folder, "--database", fixture->path, "import-roster", roster);
  g_assert_cmpint (result.status, ==, 0);
  assert_one_line (result.err);
  g_assert_nonnull (strstr (result.err, "warning"));
  g_assert_nonnull (strstr (result.out, "Imported"));
  cli_result_clear (&result);
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *data_home = make_temp_folder ("sl-backups-home-XXXXXX");
  int status;

  g_setenv ("XDG_DATA_HOME", data_home, TRUE);
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/backups/folder-for", test_folder_for);
  g_test_add ("/backups/daily/empty-ledger", Fixture, NULL,
              fixture_set_up, test_empty_ledger_not_copied, fixture_tear_down);
  g_test_add ("/backups/daily/once-a-day", Fixture, NULL,
              fixture_set_up, test_daily_once_a_day, fixture_tear_down);
  g_test_add ("/backups/daily/keep-newest", Fixture, NULL,
              fixture_set_up, test_keep_newest, fixture_tear_down);
  g_test_add ("/backups/daily/keep-setting", Fixture, NULL,
              fixture_set_up, test_keep_setting, fixture_tear_down);
  g_test_add_func ("/backups/daily/default-folder", test_default_folder);
  g_test_add ("/backups/daily/folder-is-a-file", Fixture, NULL,
              fixture_set_up, test_folder_is_a_file, fixture_tear_down);
  g_test_add ("/backups/restore/good", Fixture, NULL,
              fixture_set_up, test_restore, fixture_tear_down);
  g_test_add ("/backups/restore/while-open", Fixture, NULL,
              fixture_set_up, test_restore_while_open, fixture_tear_down);
  g_test_add ("/backups/restore/into-nothing", Fixture, NULL,
              fixture_set_up, test_restore_into_nothing, fixture_tear_down);
  g_test_add ("/backups/restore/over-damaged", Fixture, NULL,
              fixture_set_up, test_restore_over_damaged, fixture_tear_down);
  g_test_add ("/backups/restore/older-schema", Fixture, NULL,
              fixture_set_up, test_restore_older_schema, fixture_tear_down);
  g_test_add ("/backups/restore/refuses/text", Fixture, GINT_TO_POINTER (BAD_TEXT),
              fixture_set_up, test_restore_refuses, fixture_tear_down);
  g_test_add ("/backups/restore/refuses/foreign", Fixture, GINT_TO_POINTER (BAD_FOREIGN),
              fixture_set_up, test_restore_refuses, fixture_tear_down);
  g_test_add ("/backups/restore/refuses/newer", Fixture, GINT_TO_POINTER (BAD_NEWER),
              fixture_set_up, test_restore_refuses, fixture_tear_down);
  g_test_add ("/backups/restore/refuses/damaged", Fixture, GINT_TO_POINTER (BAD_DAMAGED),
              fixture_set_up, test_restore_refuses, fixture_tear_down);
  g_test_add ("/backups/restore/refuses/missing", Fixture, GINT_TO_POINTER (BAD_MISSING),
              fixture_set_up, test_restore_refuses, fixture_tear_down);
  g_test_add ("/backups/restore/refuses/itself", Fixture, GINT_TO_POINTER (BAD_SELF),
              fixture_set_up, test_restore_refuses, fixture_tear_down);
  g_test_add ("/backups/restore/refuses/empty-file", Fixture, GINT_TO_POINTER (BAD_EMPTY_SQLITE),
              fixture_set_up, test_restore_refuses, fixture_tear_down);
  g_test_add ("/backups/cli/restore", Fixture, NULL,
              fixture_set_up, test_cli_restore, fixture_tear_down);
  g_test_add ("/backups/cli/daily", Fixture, NULL,
              fixture_set_up, test_cli_daily, fixture_tear_down);

  status = g_test_run ();
  remove_tree (data_home);
  return status;
}
