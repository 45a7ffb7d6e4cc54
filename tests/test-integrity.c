/* test-integrity.c — a damaged ledger is found early and never copied over
 * good copies
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The damage is real: a leaf page of the meetings table is overwritten
 * with zeros in the closed file (found with SQLite's dbstat table), as a
 * disk that lost a sector leaves it; or 16 bytes of a stored text are
 * flipped, which SQLite's checks cannot see. Days are simulated with
 * SL_TODAY, as in test-backups.c; the program runs with its own
 * XDG_DATA_HOME (run_cli()).
 */

#include "config.h"

#include <sqlite3.h>

#include "reliability-util.h"
#include "sl-backups.h"
#include "sl-integrity.h"

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
  fixture->folder = make_temp_folder ("sl-integrity-XXXXXX");
  fixture->path = g_build_filename (fixture->folder, "ledger.db", NULL);
  fixture->backups = g_build_filename (fixture->folder, "ledger-backups", NULL);
  g_unsetenv ("SL_TODAY");
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  sl_integrity_mark_damaged (fixture->path, FALSE);
  remove_tree (fixture->folder);
  g_clear_pointer (&fixture->folder, g_free);
  g_clear_pointer (&fixture->path, g_free);
  g_clear_pointer (&fixture->backups, g_free);
  g_unsetenv ("SL_TODAY");
}

#define LONG_TITLE "学习贯彻党的二十大精神专题会议，深入学习领会新时代中国特色社会主义思想的" \
                   "世界观和方法论，坚持好、运用好贯穿其中的立场观点方法，推动各项工作"

/* A ledger of a roster and 40 meetings with long titles: the meetings
 * table fills a dozen pages. Left closed, in rollback-journal mode, so
 * that the file alone holds everything. */
static void
make_ledger (const char *path)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SlLedger) ledger = sl_ledger_open (path, &error);

  g_assert_no_error (error);
  add_roster (ledger);
  for (guint i = 0; i < 40; i++)
    {
      g_autofree char *title = g_strdup_printf ("%s（第%u次）", LONG_TITLE, i + 1);
      g_autoptr(SlMeeting) meeting = new_meeting ("2024-01-10", title);

      g_assert_true (sl_ledger_save_meeting (ledger, meeting, SL_SAVE_REPLACE, &error));
      g_assert_no_error (error);
    }
  g_assert_true (sl_database_exec (sl_ledger_get_database (ledger),
                                   "PRAGMA journal_mode = DELETE", &error));
  g_assert_no_error (error);
}

/* Overwrites a leaf page in the middle of the meetings table with zeros. */
static void
zero_a_page (const char *path)
{
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autofree guint8 *copy = NULL;
  gint64 page = 0;
  int page_size = 0;
  int n_leaves = 0;
  gsize size;

  g_assert_cmpint (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db, "PRAGMA page_size", -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  page_size = sqlite3_column_int (stmt, 0);
  sqlite3_finalize (stmt);

  g_assert_cmpint (sqlite3_prepare_v2 (db, "SELECT count(*) FROM dbstat "
                                           "WHERE name = 'meetings' AND pagetype = 'leaf'",
                                       -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  n_leaves = sqlite3_column_int (stmt, 0);
  sqlite3_finalize (stmt);
  g_assert_cmpint (n_leaves, >=, 3);

  g_assert_cmpint (sqlite3_prepare_v2 (db, "SELECT pageno FROM dbstat "
                                           "WHERE name = 'meetings' AND pagetype = 'leaf' "
                                           "ORDER BY pageno LIMIT 1 OFFSET ?",
                                       -1, &stmt, NULL), ==, SQLITE_OK);
  sqlite3_bind_int (stmt, 1, n_leaves / 2);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  page = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);
  sqlite3_close (db);

  bytes = read_bytes (path);
  copy = g_memdup2 (g_bytes_get_data (bytes, &size), g_bytes_get_size (bytes));
  g_assert_cmpuint ((gsize) page * page_size, <=, size);
  memset (copy + (page - 1) * page_size, 0, page_size);
  write_file (path, (const char *) copy, size);
}

static void
run_daily_on (const char *path,
              const char *today,
              guint       keep,
              GError    **error,
              gboolean    expect_ok)
{
  g_autoptr(GError) open_error = NULL;
  g_autoptr(SlDatabase) db = sl_database_open (path, &open_error);

  g_assert_no_error (open_error);
  g_setenv ("SL_TODAY", today, TRUE);
  g_assert_cmpint (sl_backups_run_daily (db, NULL, keep, error), ==, expect_ok);
}

static gboolean
in_text (const char *haystack,
         const char *needle)
{
  return haystack != NULL && strstr (haystack, needle) != NULL;
}

/* A ledger with a sound daily copy of 2024-03-01, damaged since. */
static char *
damaged_ledger_with_backup (Fixture *fixture)
{
  g_autoptr(GError) error = NULL;
  char *backup = g_build_filename (fixture->backups, "ledger-2024-03-01.db", NULL);

  make_ledger (fixture->path);
  run_daily_on (fixture->path, "2024-03-01", 14, &error, TRUE);
  g_assert_no_error (error);
  g_assert_true (g_file_test (backup, G_FILE_TEST_IS_REGULAR));

  /* Left in WAL mode, as every open leaves it: opening it again does not
   * change a byte. */
  zero_a_page (fixture->path);
  sl_integrity_mark_damaged (fixture->path, FALSE);

  return backup;
}

/* Writing commands refuse a damaged ledger, naming restore and the backup. */
static void
test_cli_writes_refused (Fixture       *fixture,
                         gconstpointer  data)
{
  g_autofree char *backup = NULL;
  g_autofree char *roster = g_build_filename (fixture->folder, "roster.csv", NULL);
  g_autofree char *archive = g_build_filename (fixture->folder, "archive.json", NULL);
  g_autofree char *names = NULL;
  g_autoptr(GBytes) before = NULL;
  CliResult result;

  if (cli_path () == NULL)
    {
      g_test_skip ("STUDY_LEDGER does not name the built program");
      return;
    }

  backup = damaged_ledger_with_backup (fixture);
  write_file (roster, "姓名,性别\n新同志,女\n", -1);
  write_file (archive, "{\"format\": \"study-ledger-archive\", \"version\": 1}", -1);
  before = read_bytes (fixture->path);

  g_setenv ("SL_TODAY", "2024-03-02", TRUE);
  run_cli (&result, fixture->folder, "--database", fixture->path, "import-roster", roster);
  g_assert_cmpint (result.status, ==, 1);
  assert_one_line (result.err);
  g_assert_true (in_text (result.err, "damaged"));
  g_assert_true (in_text (result.err, "restore"));
  g_assert_true (in_text (result.err, backup));
  g_assert_false (in_text (result.out, "Imported"));
  cli_result_clear (&result);

  run_cli (&result, fixture->folder, "--database", fixture->path, "import-archive", archive);
  g_assert_cmpint (result.status, ==, 1);
  g_assert_true (in_text (result.err, "restore"));
  g_assert_true (in_text (result.err, backup));
  cli_result_clear (&result);

  /* Nothing was written, and the damaged file was not copied. */
  assert_same_bytes (before, fixture->path);
  names = list_folder (fixture->backups);
  g_assert_cmpstr (names, ==, "ledger-2024-03-01.db");

  /* The named backup is what brings the ledger back to work. */
  run_cli (&result, fixture->folder, "--database", fixture->path, "restore", backup);
  g_assert_cmpint (result.status, ==, 0);
  cli_result_clear (&result);
  run_cli (&result, fixture->folder, "--database", fixture->path, "import-roster", roster);
  g_assert_cmpint (result.status, ==, 0);
  g_assert_true (in_text (result.out, "Imported"));
  cli_result_clear (&result);
}

/* In one process (the window's): once found damaged, every save is
 * refused with the same message, until a restore. */
static void
test_saves_refused (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *backup = damaged_ledger_with_backup (fixture);
  g_autoptr(SlLedger) ledger = NULL;
  g_autoptr(SlMeeting) meeting = new_meeting ("2024-03-02", "损坏后的会议");

  ledger = sl_ledger_open (fixture->path, &error);
  g_assert_no_error (error);

  /* The day's backup, on a connection of its own, finds the damage. */
  run_daily_on (fixture->path, "2024-03-02", 14, &error, FALSE);
  ASSERT_ERROR (error, SL_INTEGRITY_ERROR, SL_INTEGRITY_ERROR_DAMAGED);
  g_assert_true (in_text (error->message, backup));
  g_clear_error (&error);
  g_assert_true (sl_integrity_is_damaged (fixture->path));

  g_assert_false (sl_ledger_save_meeting (ledger, meeting, SL_SAVE_REPLACE, &error));
  ASSERT_ERROR (error, SL_INTEGRITY_ERROR, SL_INTEGRITY_ERROR_DAMAGED);
  g_assert_true (in_text (error->message, "restore"));
  g_assert_true (in_text (error->message, backup));
  g_clear_error (&error);

  g_assert_true (sl_backups_restore (fixture->path, backup, &error));
  g_assert_no_error (error);
  g_assert_false (sl_integrity_is_damaged (fixture->path));
  g_assert_true (sl_ledger_save_meeting (ledger, meeting, SL_SAVE_REPLACE, &error));
  g_assert_no_error (error);
}

/* A backup of an older schema is migrated after the restore: the mark of
 * the damaged file must not refuse that. */
static void
test_restore_older_schema (Fixture       *fixture,
                           gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *backup = damaged_ledger_with_backup (fixture);
  g_autofree char *old = g_build_filename (fixture->folder, "old.db", NULL);

  {
    g_autoptr(SlDatabase) db = sl_database_open_at_version (old, 1, &error);
    g_assert_no_error (error);
  }

  run_daily_on (fixture->path, "2024-03-02", 14, &error, FALSE);
  ASSERT_ERROR (error, SL_INTEGRITY_ERROR, SL_INTEGRITY_ERROR_DAMAGED);
  g_clear_error (&error);
  g_assert_true (sl_integrity_is_damaged (fixture->path));

  g_assert_true (sl_backups_restore (fixture->path, old, &error));
  g_assert_no_error (error);
  g_assert_false (sl_integrity_is_damaged (fixture->path));
}

/* The daily backup does not copy a damaged ledger, and over 14 days the
 * newest sound copy stays. */
static void
test_fourteen_days (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *names = NULL;
  g_autofree char *newest = NULL;
  g_autofree char *expected = g_build_filename (fixture->backups, "ledger-2024-04-07.db", NULL);

  make_ledger (fixture->path);
  for (guint day = 1; day <= 7; day++)
    {
      g_autofree char *today = g_strdup_printf ("2024-04-%02u", day);

      run_daily_on (fixture->path, today, 14, &error, TRUE);
      g_assert_no_error (error);
    }

  {
    g_autoptr(SlDatabase) db = sl_database_open (fixture->path, &error);
    g_assert_no_error (error);
    g_assert_true (sl_database_exec (db, "PRAGMA journal_mode = DELETE", &error));
  }
  zero_a_page (fixture->path);

  for (guint day = 8; day <= 28; day++)
    {
      g_autofree char *today = g_strdup_printf ("2024-04-%02u", day);

      run_daily_on (fixture->path, today, 14, &error, FALSE);
      ASSERT_ERROR (error, SL_INTEGRITY_ERROR, SL_INTEGRITY_ERROR_DAMAGED);
      g_clear_error (&error);
    }

  names = list_folder (fixture->backups);
  g_assert_cmpstr (names, ==,
                   "ledger-2024-04-01.db ledger-2024-04-02.db ledger-2024-04-03.db "
                   "ledger-2024-04-04.db ledger-2024-04-05.db ledger-2024-04-06.db "
                   "ledger-2024-04-07.db");
  newest = sl_backups_find_newest_sound (fixture->path);
  g_assert_cmpstr (newest, ==, expected);
  g_assert_true (sl_backups_check_file (newest, &error));
  g_assert_no_error (error);
}

/* Copies that an older version made of a damaged ledger (unchecked, not
 * marked) do not push the newest sound copy out. */
static void
test_keeps_newest_sound (Fixture       *fixture,
                         gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *names = NULL;
  g_autofree char *damaged = g_build_filename (fixture->folder, "damaged.db", NULL);
  g_autoptr(GBytes) damaged_bytes = NULL;

  make_ledger (fixture->path);
  for (guint day = 1; day <= 3; day++)
    {
      g_autofree char *today = g_strdup_printf ("2024-05-%02u", day);

      run_daily_on (fixture->path, today, 2, &error, TRUE);
      g_assert_no_error (error);
    }

  make_ledger (damaged);
  zero_a_page (damaged);
  damaged_bytes = read_bytes (damaged);
  for (guint day = 4; day <= 7; day++)
    {
      g_autofree char *name = g_strdup_printf ("ledger-2024-05-%02u.db", day);
      g_autofree char *path = g_build_filename (fixture->backups, name, NULL);

      write_file (path, g_bytes_get_data (damaged_bytes, NULL), g_bytes_get_size (damaged_bytes));
    }

  /* A copy that a crash left before its check is no backup: it goes,
   * named as older versions and as this one name it. */
  {
    g_autofree char *left = g_build_filename (fixture->backups, "ledger-2024-05-05.db.checking", NULL);
    g_autofree char *own = g_build_filename (fixture->backups, "ledger-2024-05-06.db.checking-4242-0badcafe",
                                             NULL);
    write_file (left, "half a copy", -1);
    write_file (own, "half a copy", -1);
  }

  /* Today's copy is there already (one of those): only pruning runs. */
  run_daily_on (fixture->path, "2024-05-07", 2, &error, TRUE);
  g_assert_no_error (error);

  names = list_folder (fixture->backups);
  g_assert_cmpstr (names, ==, "ledger-2024-05-03.db ledger-2024-05-06.db ledger-2024-05-07.db");
}

/* A clock set back behind the newest copy: new copies are still made,
 * and kept; the copies dated ahead go first. */
static void
test_future_dated (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *names = NULL;

  make_ledger (fixture->path);
  for (guint day = 1; day <= 3; day++)
    {
      g_autofree char *today = g_strdup_printf ("2030-01-%02u", day);

      run_daily_on (fixture->path, today, 3, &error, TRUE);
      g_assert_no_error (error);
    }

  run_daily_on (fixture->path, "2024-05-01", 3, &error, TRUE);
  g_assert_no_error (error);
  names = list_folder (fixture->backups);
  g_assert_cmpstr (names, ==, "ledger-2024-05-01.db ledger-2030-01-02.db ledger-2030-01-03.db");

  run_daily_on (fixture->path, "2024-05-02", 3, &error, TRUE);
  g_assert_no_error (error);
  g_clear_pointer (&names, g_free);
  names = list_folder (fixture->backups);
  g_assert_cmpstr (names, ==, "ledger-2024-05-01.db ledger-2024-05-02.db ledger-2030-01-03.db");
}

/* backup --output from a damaged ledger fails and writes nothing. */
static void
test_cli_backup_output (Fixture       *fixture,
                        gconstpointer  data)
{
  g_autofree char *backup = NULL;
  g_autofree char *output = NULL;
  g_autofree char *out_folder = NULL;
  g_autofree char *names = NULL;
  CliResult result;

  if (cli_path () == NULL)
    {
      g_test_skip ("STUDY_LEDGER does not name the built program");
      return;
    }

  backup = damaged_ledger_with_backup (fixture);
  out_folder = g_build_filename (fixture->folder, "out", NULL);
  g_assert_cmpint (g_mkdir (out_folder, 0700), ==, 0);
  output = g_build_filename (out_folder, "copy.db", NULL);

  g_setenv ("SL_TODAY", "2024-03-02", TRUE);
  run_cli (&result, fixture->folder, "--database", fixture->path, "backup", "--output", output);
  g_assert_cmpint (result.status, ==, 1);
  assert_one_line (result.err);
  g_assert_true (in_text (result.err, "damaged"));
  g_assert_true (in_text (result.err, "restore"));
  g_assert_true (in_text (result.err, backup));
  cli_result_clear (&result);

  names = list_folder (out_folder);
  g_assert_cmpstr (names, ==, "");
}

/* A ledger whose meeting title holds @marker, with 16 of its bytes
 * flipped in the file: no longer UTF-8, and SQLite notices nothing. */
static void
flip_text (const char *path,
           const char *marker)
{
  g_autoptr(GBytes) bytes = NULL;
  g_autofree guint8 *copy = NULL;
  gsize size;
  guint found = 0;

  bytes = read_bytes (path);
  copy = g_memdup2 (g_bytes_get_data (bytes, &size), g_bytes_get_size (bytes));
  for (gsize i = 0; i + strlen (marker) <= size; i++)
    if (memcmp (copy + i, marker, strlen (marker)) == 0)
      {
        for (gsize j = 0; j < 16; j++)
          copy[i + j] ^= 0x80;
        found++;
      }
  g_assert_cmpuint (found, >, 0);
  write_file (path, (const char *) copy, size);
}

#define MARKER "ABCDEFGHIJKLMNOPQRSTUVWXYZ"

static void
test_bad_text (Fixture       *fixture,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *archive = g_build_filename (fixture->folder, "archive.json", NULL);
  g_autofree char *names = NULL;
  const char *id;
  CliResult result;

  {
    g_autoptr(SlLedger) ledger = sl_ledger_open (fixture->path, &error);
    g_autoptr(SlMeeting) meeting = new_meeting ("2024-02-01", "二月学习会");

    g_assert_no_error (error);
    add_roster (ledger);
    sl_meeting_set_theme (meeting, "主题" MARKER);
    g_assert_true (sl_ledger_save_meeting (ledger, meeting, SL_SAVE_REPLACE, &error));
    g_assert_no_error (error);
    id = g_intern_string (sl_record_get_id (SL_RECORD (meeting)));
    g_assert_true (sl_database_exec (sl_ledger_get_database (ledger),
                                     "PRAGMA journal_mode = DELETE", &error));
    g_assert_no_error (error);
  }
  flip_text (fixture->path, MARKER);

  /* In the core: the record and the field are named. */
  {
    g_autoptr(SlDatabase) db = sl_database_open (fixture->path, &error);
    g_autoptr(GPtrArray) problems = NULL;

    g_assert_no_error (error);
    problems = sl_integrity_find_bad_text (db, &error);
    g_assert_no_error (error);
    g_assert_cmpuint (problems->len, ==, 1);
    g_assert_true (in_text (g_ptr_array_index (problems, 0), id));
    g_assert_true (in_text (g_ptr_array_index (problems, 0), "二月学习会"));
    g_assert_true (in_text (g_ptr_array_index (problems, 0), "theme"));
  }

  if (cli_path () == NULL)
    {
      g_test_skip ("STUDY_LEDGER does not name the built program");
      return;
    }

  run_cli (&result, fixture->folder, "--database", fixture->path, "check");
  g_assert_cmpint (result.status, ==, 1);
  g_assert_true (in_text (result.err, "meeting"));
  g_assert_true (in_text (result.err, id));
  g_assert_true (in_text (result.err, "theme"));
  g_assert_false (in_text (result.out, "no problems found"));
  cli_result_clear (&result);

  run_cli (&result, fixture->folder, "--database", fixture->path, "export-archive", archive);
  g_assert_cmpint (result.status, ==, 1);
  assert_one_line (result.err);
  g_assert_true (in_text (result.err, id));
  g_assert_true (in_text (result.err, "theme"));
  cli_result_clear (&result);
  g_assert_false (g_file_test (archive, G_FILE_TEST_EXISTS));
  names = list_folder (fixture->folder);
  g_assert_cmpstr (names, ==, "ledger.db");
}

/* Flips @marker's bytes only inside the pages of @index, so that the
 * index and its table disagree: quick_check sees nothing, and a reader
 * that goes through the index gets text that is not UTF-8. */
static void
flip_in_index (const char *path,
               const char *index,
               const char *marker)
{
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;
  g_autoptr(GBytes) bytes = read_bytes (path);
  g_autofree guint8 *copy = NULL;
  int page_size = 0;
  guint found = 0;
  gsize size;

  copy = g_memdup2 (g_bytes_get_data (bytes, &size), g_bytes_get_size (bytes));
  g_assert_cmpint (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db, "PRAGMA page_size", -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  page_size = sqlite3_column_int (stmt, 0);
  sqlite3_finalize (stmt);

  g_assert_cmpint (sqlite3_prepare_v2 (db, "SELECT pageno FROM dbstat WHERE name = ?",
                                       -1, &stmt, NULL), ==, SQLITE_OK);
  sqlite3_bind_text (stmt, 1, index, -1, SQLITE_STATIC);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      gsize start = (gsize) (sqlite3_column_int64 (stmt, 0) - 1) * page_size;

      for (gsize i = start; i + strlen (marker) <= MIN (start + page_size, size); i++)
        if (memcmp (copy + i, marker, strlen (marker)) == 0)
          {
            for (gsize j = 0; j < 16; j++)
              copy[i + j] ^= 0x80;
            found++;
          }
    }
  sqlite3_finalize (stmt);
  sqlite3_close (db);

  g_assert_cmpuint (found, ==, 1);
  write_file (path, (const char *) copy, size);
}

/* An index whose copy of a title disagrees with its table: neither the
 * archive nor a backup to a named file is written from it. */
static void
test_bad_index (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *archive = g_build_filename (fixture->folder, "archive.json", NULL);
  g_autofree char *copy = g_build_filename (fixture->folder, "copy.db", NULL);
  g_autofree char *names = NULL;
  CliResult result;

  {
    g_autoptr(SlLedger) ledger = sl_ledger_open (fixture->path, &error);
    g_autoptr(SlMeeting) meeting = new_meeting ("2024-02-01", "二月学习会" MARKER);

    g_assert_no_error (error);
    add_roster (ledger);
    g_assert_true (sl_ledger_save_meeting (ledger, meeting, SL_SAVE_REPLACE, &error));
    g_assert_no_error (error);
    g_assert_true (sl_database_exec (sl_ledger_get_database (ledger),
                                     "PRAGMA journal_mode = DELETE", &error));
    g_assert_no_error (error);
  }
  flip_in_index (fixture->path, "meetings_recent", MARKER);

  if (cli_path () == NULL)
    {
      g_test_skip ("STUDY_LEDGER does not name the built program");
      return;
    }

  run_cli (&result, fixture->folder, "--database", fixture->path, "export-archive", archive);
  g_assert_cmpint (result.status, ==, 1);
  assert_one_line (result.err);
  g_assert_true (in_text (result.err, "damaged"));
  g_assert_true (in_text (result.err, "restore"));
  cli_result_clear (&result);

  run_cli (&result, fixture->folder, "--database", fixture->path, "backup", "--output", copy);
  g_assert_cmpint (result.status, ==, 1);
  assert_one_line (result.err);
  g_assert_true (in_text (result.err, "damaged"));
  cli_result_clear (&result);

  names = list_folder (fixture->folder);
  g_assert_cmpstr (names, ==, "ledger.db");
}

/* Search on a damaged ledger says so instead of listing part of it. */
static void
test_search_damaged (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autofree char *backup = NULL;
  CliResult result;

  if (cli_path () == NULL)
    {
      g_test_skip ("STUDY_LEDGER does not name the built program");
      return;
    }

  backup = damaged_ledger_with_backup (fixture);
  run_cli (&result, fixture->folder, "--database", fixture->path, "search", "学习", "--json");
  g_assert_cmpint (result.status, !=, 0);
  g_assert_true (in_text (result.err, "malformed") || in_text (result.err, "damaged"));
  cli_result_clear (&result);
}

/* The day of a sound check is remembered: one check a day. */
static void
test_once_a_day (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SlDatabase) db = NULL;

  make_ledger (fixture->path);
  db = sl_database_open (fixture->path, &error);
  g_assert_no_error (error);

  g_setenv ("SL_TODAY", "2024-06-01", TRUE);
  g_assert_null (sl_integrity_get_checked_day (fixture->path));
  g_assert_true (sl_integrity_check_daily (db, &error));
  g_assert_no_error (error);
  {
    g_autofree char *day = sl_integrity_get_checked_day (fixture->path);
    g_assert_cmpstr (day, ==, "2024-06-01");
  }

  g_setenv ("SL_TODAY", "2024-06-02", TRUE);
  g_assert_true (sl_integrity_check_daily (db, &error));
  {
    g_autofree char *day = sl_integrity_get_checked_day (fixture->path);
    g_assert_cmpstr (day, ==, "2024-06-02");
  }
}

static int
interrupt_all (void *data)
{
  return 1;
}

/* A check that cannot run now (here interrupted; in the field, the file
 * held by another program) says nothing of the ledger: the write fails
 * this once with the reason, and the ledger is not called damaged, which
 * would refuse every later save of the process. */
static void
test_unchecked_not_damaged (Fixture       *fixture,
                            gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SlDatabase) db = NULL;
  g_autofree char *day = NULL;

  make_ledger (fixture->path);
  db = sl_database_open (fixture->path, &error);
  g_assert_no_error (error);
  g_setenv ("SL_TODAY", "2024-06-01", TRUE);

  sqlite3_progress_handler (sl_database_get_handle (db), 1, interrupt_all, NULL);
  g_assert_false (sl_integrity_check_daily (db, &error));
  sqlite3_progress_handler (sl_database_get_handle (db), 0, NULL, NULL);
  g_assert_nonnull (error);
  g_assert_true (error->domain == SL_DATABASE_ERROR);
  g_clear_error (&error);
  g_assert_false (sl_integrity_is_damaged (fixture->path));
  g_assert_true (sl_integrity_allow_write (fixture->path, &error));
  g_assert_no_error (error);
  g_assert_null (sl_integrity_get_checked_day (fixture->path));

  /* Checked the next time. */
  g_assert_true (sl_integrity_check_daily (db, &error));
  g_assert_no_error (error);
  day = sl_integrity_get_checked_day (fixture->path);
  g_assert_cmpstr (day, ==, "2024-06-01");
}

typedef struct
{
  SlDatabase *db;
  GError     *error;
  gboolean    ok;
} Copier;

static gpointer
copy_daily (gpointer data)
{
  Copier *copier = data;

  copier->ok = sl_backups_run_daily (copier->db, NULL, 60, &copier->error);
  return NULL;
}

/* The window and the command line both make the day's copy when both
 * write first that day. Two connections make it at once, day after day:
 * neither fails, neither takes the ledger for damaged (with one name for
 * the copy being checked, each marked and checked the other's file, and
 * SQLite's "database is locked" was taken for damage), and each day ends
 * with one sound copy and nothing else. */
static void
test_two_copiers (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SlDatabase) first = NULL;
  g_autoptr(SlDatabase) second = NULL;
  g_autofree char *folder = NULL;

  make_ledger (fixture->path);
  first = sl_database_open (fixture->path, &error);
  g_assert_no_error (error);
  second = sl_database_open (fixture->path, &error);
  g_assert_no_error (error);
  folder = sl_backups_folder_for (fixture->path);

  for (guint day = 1; day <= 28; day++)
    {
      g_autofree char *today = g_strdup_printf ("2024-02-%02u", day);
      g_autofree char *name = g_strdup_printf ("ledger-%s.db", today);
      Copier copiers[2] = { { first, NULL, FALSE }, { second, NULL, FALSE } };
      GThread *threads[2];
      g_autoptr(GDir) dir = NULL;
      const char *entry;

      g_setenv ("SL_TODAY", today, TRUE);
      for (guint i = 0; i < 2; i++)
        threads[i] = g_thread_new ("copier", copy_daily, &copiers[i]);
      for (guint i = 0; i < 2; i++)
        {
          g_thread_join (threads[i]);
          g_assert_no_error (copiers[i].error);
          g_assert_true (copiers[i].ok);
        }
      g_assert_false (sl_integrity_is_damaged (fixture->path));
      g_assert_true (sl_backups_is_sound_copy (folder, name));

      dir = g_dir_open (folder, 0, NULL);
      while ((entry = g_dir_read_name (dir)) != NULL)
        g_assert_null (strstr (entry, "checking"));
    }
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *data_home = make_temp_folder ("sl-integrity-home-XXXXXX");
  int status;

  g_setenv ("XDG_DATA_HOME", data_home, TRUE);
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/integrity/once-a-day", Fixture, NULL,
              fixture_set_up, test_once_a_day, fixture_tear_down);
  g_test_add ("/integrity/unchecked-not-damaged", Fixture, NULL,
              fixture_set_up, test_unchecked_not_damaged, fixture_tear_down);
  g_test_add ("/integrity/backups/two-copiers", Fixture, NULL,
              fixture_set_up, test_two_copiers, fixture_tear_down);
  g_test_add ("/integrity/damaged/cli-writes-refused", Fixture, NULL,
              fixture_set_up, test_cli_writes_refused, fixture_tear_down);
  g_test_add ("/integrity/damaged/saves-refused", Fixture, NULL,
              fixture_set_up, test_saves_refused, fixture_tear_down);
  g_test_add ("/integrity/damaged/restore-older-schema", Fixture, NULL,
              fixture_set_up, test_restore_older_schema, fixture_tear_down);
  g_test_add ("/integrity/damaged/fourteen-days", Fixture, NULL,
              fixture_set_up, test_fourteen_days, fixture_tear_down);
  g_test_add ("/integrity/damaged/backup-output", Fixture, NULL,
              fixture_set_up, test_cli_backup_output, fixture_tear_down);
  g_test_add ("/integrity/backups/keeps-newest-sound", Fixture, NULL,
              fixture_set_up, test_keeps_newest_sound, fixture_tear_down);
  g_test_add ("/integrity/backups/future-dated", Fixture, NULL,
              fixture_set_up, test_future_dated, fixture_tear_down);
  g_test_add ("/integrity/bad-index", Fixture, NULL,
              fixture_set_up, test_bad_index, fixture_tear_down);
  g_test_add ("/integrity/damaged/search", Fixture, NULL,
              fixture_set_up, test_search_damaged, fixture_tear_down);
  g_test_add ("/integrity/bad-text", Fixture, NULL,
              fixture_set_up, test_bad_text, fixture_tear_down);

  status = g_test_run ();
  remove_tree (data_home);
  return status;
}
