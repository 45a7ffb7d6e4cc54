/* test-database.c — the ledger's SQLite file: opening, refusing, migrating
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Every test works on real files in its own temporary folder, which the
 * fixture removes afterwards. Files that are not ours are compared byte for
 * byte before and after an open, because refusing them "untouched" is the
 * promise the error messages make to the secretary.
 *
 * Bulk writes, transactions, backup, check and settings:
 * test-database-writes.c.
 */

#include "config.h"

#include "database-util.h"

/* 'SLDG', the mark that sl-database.c writes into PRAGMA application_id.
 * Existing ledgers carry it: changing it would refuse them all. */
#define LEDGER_APPLICATION_ID 0x534C4447

/* ------------------------------------------------------------------ */
/* Opening                                                            */
/* ------------------------------------------------------------------ */

static void
test_open_creates_private_file (Fixture       *fixture,
                                gconstpointer  data)
{
  g_autofree char *folder = g_build_filename (fixture->folder, "nested", "deeper", NULL);
  g_autofree char *path = g_build_filename (folder, "ledger.db", NULL);
  g_autoptr(SlDatabase) database = NULL;
  sqlite3 *raw;

  g_assert_true (!g_file_test (path, G_FILE_TEST_EXISTS));

  database = open_ok (path);
  g_assert_cmpstr (sl_database_get_path (database), ==, path);
  g_assert_true (g_file_test (path, G_FILE_TEST_IS_REGULAR));
  g_assert_cmpint (file_mode (path), ==, 0600);
  /* The folders it had to create are private too. */
  g_assert_cmpint (file_mode (folder), ==, 0700);
  g_assert_cmpint (sl_database_get_version (database), ==, SL_SCHEMA_VERSION);
  g_assert_cmpint (SL_SCHEMA_VERSION, ==, 9);

  raw = sl_database_get_handle (database);
  g_assert_nonnull (raw);
  g_assert_cmpint (query_int (raw, "PRAGMA user_version"), ==, SL_SCHEMA_VERSION);
  g_assert_cmpint (query_int (raw, "PRAGMA application_id"), ==, LEDGER_APPLICATION_ID);
  g_assert_true (has_table (raw, "organizations"));
  g_assert_true (has_table (raw, "meetings"));
  g_assert_true (has_table (raw, "settings"));
  g_assert_true (has_table (raw, "search_index"));
  g_assert_finalize_object (g_steal_pointer (&database));

  /* Reopening an existing ledger keeps its data and its version. */
  database = open_ok (path);
  g_assert_cmpint (sl_database_get_version (database), ==, SL_SCHEMA_VERSION);
  g_assert_cmpint (file_mode (path), ==, 0600);
}

static void
test_open_narrows_wide_mode (Fixture       *fixture,
                             gconstpointer  data)
{
  g_autoptr(SlDatabase) database = open_ok (fixture->path);

  g_assert_finalize_object (g_steal_pointer (&database));

  /* A file an older build (or a copy) left readable by others. */
  g_assert_cmpint (g_chmod (fixture->path, 0644), ==, 0);
  g_assert_cmpint (file_mode (fixture->path), ==, 0644);

  database = open_ok (fixture->path);
  g_assert_cmpint (file_mode (fixture->path), ==, 0600);
}

static void
test_open_default_path (Fixture       *fixture,
                        gconstpointer  data)
{
  g_autofree char *expected = g_build_filename (fixture->folder, "study-ledger", "ledger.db", NULL);
  g_autofree char *path = NULL;
  g_autoptr(SlDatabase) database = NULL;
  g_autoptr(GError) error = NULL;

  /* Before anything asks GLib for the data folder, which it caches. */
  g_assert_true (g_setenv ("XDG_DATA_HOME", fixture->folder, TRUE));
  g_assert_cmpstr (g_get_user_data_dir (), ==, fixture->folder);

  path = sl_database_default_path ();
  g_assert_true (g_str_has_suffix (path, G_DIR_SEPARATOR_S "study-ledger" G_DIR_SEPARATOR_S "ledger.db"));
  g_assert_cmpstr (path, ==, expected);

  /* A NULL path opens (and creates) the default ledger. */
  database = sl_database_open (NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (database);
  g_assert_cmpstr (sl_database_get_path (database), ==, expected);
  g_assert_true (g_file_test (expected, G_FILE_TEST_IS_REGULAR));
  g_assert_cmpint (file_mode (expected), ==, 0600);
  g_assert_cmpint (sl_database_get_version (database), ==, SL_SCHEMA_VERSION);
}

static void
test_open_pragmas (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autoptr(SlDatabase) database = open_ok (fixture->path);
  sqlite3 *raw = sl_database_get_handle (database);
  g_autofree char *journal_mode = query_text (raw, "PRAGMA journal_mode");

  g_assert_cmpstr (journal_mode, ==, "wal");
  g_assert_cmpint (query_int (raw, "PRAGMA foreign_keys"), ==, 1);
  /* NORMAL is 1: safe with WAL, and much faster than FULL. */
  g_assert_cmpint (query_int (raw, "PRAGMA synchronous"), ==, 1);

  /* The foreign keys are enforced, not only declared. */
  g_assert_cmpint (sqlite3_exec (raw,
                                 "INSERT INTO members (uuid, name, organization_id) "
                                 "VALUES ('m', '张三', 4242)",
                                 NULL, NULL, NULL) & 0xff, ==, SQLITE_CONSTRAINT);
  g_assert_cmpint (query_int (raw, "SELECT count(*) FROM members"), ==, 0);
}

/* ------------------------------------------------------------------ */
/* Migrations                                                         */
/* ------------------------------------------------------------------ */

static void
test_migrate_from_empty (Fixture       *fixture,
                         gconstpointer  data)
{
  g_autoptr(SlDatabase) database = NULL;
  g_autoptr(GError) error = NULL;
  sqlite3 *raw;

  /* Version 0: marked as ours, no tables at all. */
  database = sl_database_open_at_version (fixture->path, 0, &error);
  g_assert_no_error (error);
  g_assert_nonnull (database);
  raw = sl_database_get_handle (database);
  g_assert_cmpint (sl_database_get_version (database), ==, 0);
  g_assert_cmpint (query_int (raw, "PRAGMA application_id"), ==, LEDGER_APPLICATION_ID);
  g_assert_cmpint (query_int (raw, "SELECT count(*) FROM sqlite_schema"), ==, 0);
  g_assert_finalize_object (g_steal_pointer (&database));

  database = open_ok (fixture->path);
  raw = sl_database_get_handle (database);
  g_assert_cmpint (sl_database_get_version (database), ==, SL_SCHEMA_VERSION);
  for (guint i = 0; i < 14; i++)
    {
      static const char *tables[] = {
        "organizations", "members", "plans", "plan_items", "plan_item_people", "meetings",
        "studies", "attendance", "guests", "speeches", "measures", "research_topics",
        "settings", "search_index",
      };
      g_test_message ("table %s", tables[i]);
      g_assert_true (has_table (raw, tables[i]));
    }

  /* The index of a fresh ledger follows its texts: triggers queue the
   * meetings whose text changed (search_pending), written here as
   * another program would, and the program indexes them (schema 8). */
  exec_sql (raw,
            "INSERT INTO organizations (id, uuid, name) VALUES (1, 'o', '机关党委');"
            "INSERT INTO meetings (id, uuid, organization_id, kind, date, title) "
            "VALUES (1, 'm', 1, 'central_group', '2023-04-01', '理论学习中心组');");
  g_assert_cmpint (query_int (raw, "SELECT count(*) FROM search_pending"), ==, 1);
  g_assert_true (sl_database_update_search_index (database, &error));
  g_assert_no_error (error);
  g_assert_cmpint (query_int (raw, "SELECT count(*) FROM search_pending"), ==, 0);
  g_assert_cmpint (search_count (raw, "学习中"), ==, 1);
  exec_sql (raw, "UPDATE meetings SET title = '专题读书班' WHERE id = 1");
  g_assert_true (sl_database_update_search_index (database, &error));
  g_assert_cmpint (search_count (raw, "学习中"), ==, 0);
  g_assert_cmpint (search_count (raw, "读书班"), ==, 1);
  exec_sql (raw, "DELETE FROM meetings WHERE id = 1");
  g_assert_true (sl_database_update_search_index (database, &error));
  g_assert_cmpint (search_count (raw, "读书班"), ==, 0);
  exec_sql (raw, "INSERT INTO search_index (search_index) VALUES ('integrity-check')");
}

static void
test_migrate_from_version_1 (Fixture       *fixture,
                             gconstpointer  data)
{
  g_autoptr(SlDatabase) database = NULL;
  g_autoptr(GError) error = NULL;
  sqlite3 *raw;

  database = sl_database_open_at_version (fixture->path, 1, &error);
  g_assert_no_error (error);
  g_assert_nonnull (database);
  raw = sl_database_get_handle (database);
  g_assert_cmpint (sl_database_get_version (database), ==, 1);
  g_assert_true (has_table (raw, "meetings"));
  g_assert_true (!has_table (raw, "search_index"));

  /* Records written by a version-1 build, before the index existed. */
  exec_sql (raw,
            "INSERT INTO organizations (id, uuid, name, kind) "
            "  VALUES (1, '6f1c3c1e-8d7b-4e57-9a43-0d6f8a4b1a01', '机关党委', 'party_committee');"
            "INSERT INTO meetings (id, uuid, organization_id, kind, title, date, theme) "
            "  VALUES (1, '6f1c3c1e-8d7b-4e57-9a43-0d6f8a4b1a02', 1, 'central_group', "
            "          '理论学习中心组集体学习', '2023-03-15', '主题教育动员部署');"
            "INSERT INTO meetings (id, uuid, organization_id, kind, title, date) "
            "  VALUES (2, '6f1c3c1e-8d7b-4e57-9a43-0d6f8a4b1a03', 1, 'branch_assembly', "
            "          '支部党员大会', '2023-04-02');"
            "INSERT INTO studies (id, uuid, meeting_id, position, title, source, summary) "
            "  VALUES (1, '6f1c3c1e-8d7b-4e57-9a43-0d6f8a4b1a04', 1, 0, "
            "          '习近平新时代中国特色社会主义思想专题摘编', '求是', '重点篇目');"
            "INSERT INTO speeches (id, meeting_id, position, speaker_name, points) "
            "  VALUES (1, 1, 0, '王处长', '结合分管工作谈体会');"
            "INSERT INTO measures (id, uuid, meeting_id, position, text, status, progress) "
            "  VALUES (1, '6f1c3c1e-8d7b-4e57-9a43-0d6f8a4b1a05', 1, 0, "
            "          '建立调研成果转化清单', 'open', '已召开推进会');");
  g_assert_finalize_object (g_steal_pointer (&database));

  database = open_ok (fixture->path);
  raw = sl_database_get_handle (database);
  g_assert_cmpint (sl_database_get_version (database), ==, SL_SCHEMA_VERSION);
  g_assert_true (has_table (raw, "search_index"));

  /* The old rows survived the upgrade... */
  g_assert_cmpint (query_int (raw, "SELECT count(*) FROM meetings"), ==, 2);
  g_assert_cmpint (query_int (raw, "SELECT count(*) FROM studies"), ==, 1);
  g_assert_cmpint (query_int (raw, "SELECT count(*) FROM speeches"), ==, 1);
  g_assert_cmpint (query_int (raw, "SELECT count(*) FROM measures"), ==, 1);

  /* ...and are found by the index, each field that it covers (one
   * document per meeting since schema 8: five rows before). */
  g_assert_cmpint (query_int (raw, "SELECT count(*) FROM search_index_docsize"), ==, 2);
  g_assert_cmpint (search_count (raw, "中心组"), ==, 1);     /* meeting title */
  g_assert_cmpint (search_count (raw, "动员部"), ==, 1);     /* meeting theme */
  g_assert_cmpint (search_count (raw, "党员大"), ==, 1);     /* second meeting */
  g_assert_cmpint (search_count (raw, "新时代"), ==, 1);     /* study title */
  g_assert_cmpint (search_count (raw, "重点篇"), ==, 1);     /* study summary */
  g_assert_cmpint (search_count (raw, "谈体会"), ==, 1);     /* speech points */
  g_assert_cmpint (search_count (raw, "转化清"), ==, 1);     /* measure text */
  g_assert_cmpint (search_count (raw, "推进会"), ==, 1);     /* measure progress */
  g_assert_cmpint (search_count (raw, "不存在"), ==, 0);

  /* Documents of the index are their meetings (key * 8 + tag, the
   * record's, before schema 8). */
  g_assert_cmpint (query_int (raw,
                              "SELECT rowid FROM search_index WHERE search_index MATCH '\"谈体会\"'"),
                   ==, 1);

  /* A third open migrates nothing again. */
  g_assert_finalize_object (g_steal_pointer (&database));
  database = open_ok (fixture->path);
  raw = sl_database_get_handle (database);
  g_assert_cmpint (query_int (raw, "SELECT count(*) FROM search_index_docsize"), ==, 2);
}

/* Schema 4 rewrote the CHECKs on codes without IN lists: the same
 * constraints, on the rows that were there. */
static void
test_migrate_from_version_3 (Fixture       *fixture,
                             gconstpointer  data)
{
  g_autoptr(SlDatabase) database = NULL;
  g_autoptr(GError) error = NULL;
  sqlite3 *raw;
  char *message = NULL;

  database = sl_database_open_at_version (fixture->path, 3, &error);
  g_assert_no_error (error);
  raw = sl_database_get_handle (database);
  g_assert_cmpint (query_int (raw, "SELECT count(*) FROM sqlite_schema WHERE sql LIKE '% IN (''%'"),
                   >, 0);
  exec_sql (raw,
            "INSERT INTO organizations (id, uuid, name, kind) VALUES (1, 'o', '机关党委', 'branch');"
            "INSERT INTO members (id, uuid, name) VALUES (1, 'p', '王芳');"
            "INSERT INTO meetings (id, uuid, organization_id, kind, date, title, form) "
            "  VALUES (1, 'm', 1, 'central_group', '2023-04-01', '理论学习中心组', 'seminar');"
            "INSERT INTO attendance (meeting_id, member_id, position, status, leave_kind) "
            "  VALUES (1, 1, 0, 'leave', 'sick');");
  g_assert_finalize_object (g_steal_pointer (&database));

  database = open_ok (fixture->path);
  raw = sl_database_get_handle (database);
  g_assert_cmpint (sl_database_get_version (database), ==, SL_SCHEMA_VERSION);
  g_assert_cmpint (query_int (raw, "SELECT count(*) FROM sqlite_schema WHERE sql LIKE '% IN (''%'"),
                   ==, 0);
  g_assert_cmpint (query_int (raw, "SELECT count(*) FROM sqlite_schema "
                                   "WHERE name = 'attendance' AND sql LIKE "
                                   "'%CHECK (status = ''present'' OR status = ''leave'' OR status = ''absent'')%'"),
                   ==, 1);
  g_assert_cmpint (query_int (raw, "SELECT count(*) FROM attendance WHERE status = 'leave'"), ==, 1);
  g_assert_cmpint (query_int (raw, "SELECT count(*) FROM pragma_integrity_check WHERE integrity_check = 'ok'"),
                   ==, 1);

  /* Every code is still checked, and NULL still passes where it did. */
  g_assert_cmpint (sqlite3_exec (raw, "UPDATE attendance SET status = 'late'", NULL, NULL, &message),
                   ==, SQLITE_CONSTRAINT_CHECK);
  sqlite3_free (g_steal_pointer (&message));
  g_assert_cmpint (sqlite3_exec (raw, "UPDATE meetings SET kind = 'party'", NULL, NULL, &message),
                   ==, SQLITE_CONSTRAINT_CHECK);
  sqlite3_free (g_steal_pointer (&message));
  g_assert_cmpint (sqlite3_exec (raw, "UPDATE organizations SET kind = 'bureau'", NULL, NULL, &message),
                   ==, SQLITE_CONSTRAINT_CHECK);
  sqlite3_free (g_steal_pointer (&message));
  exec_sql (raw, "UPDATE attendance SET status = 'absent', leave_kind = NULL;"
                 "UPDATE meetings SET kind = 'ideology', form = NULL;"
                 "UPDATE organizations SET kind = NULL;");
}

/* Ids that an older version kept in upper case are put in lower case,
 * except where the lower-case id is already another row's. */
static void
test_migrate_lower_case_ids (Fixture       *fixture,
                             gconstpointer  data)
{
  g_autoptr(SlDatabase) database = NULL;
  g_autoptr(GError) error = NULL;
  sqlite3 *raw;

  database = sl_database_open_at_version (fixture->path, 4, &error);
  g_assert_no_error (error);
  raw = sl_database_get_handle (database);
  exec_sql (raw,
            "INSERT INTO organizations (id, uuid, name, kind) "
            "  VALUES (1, '6F1C9A52-0000-4000-8000-00000000000A', '机关党委', 'branch');"
            "INSERT INTO members (id, uuid, name) VALUES (1, 'AB-CD', '王芳');"
            "INSERT INTO members (id, uuid, name) VALUES (2, 'ab-cd', '王芳');"
            "INSERT INTO meetings (id, uuid, organization_id, kind, date, title, form) "
            "  VALUES (1, 'M-1', 1, 'central_group', '2023-04-01', '理论学习中心组', 'seminar');");
  g_assert_finalize_object (g_steal_pointer (&database));

  database = open_ok (fixture->path);
  raw = sl_database_get_handle (database);
  g_assert_cmpint (query_int (raw, "SELECT count(*) FROM organizations "
                                   "WHERE uuid = '6f1c9a52-0000-4000-8000-00000000000a'"), ==, 1);
  g_assert_cmpint (query_int (raw, "SELECT count(*) FROM meetings WHERE uuid = 'm-1'"), ==, 1);
  /* Both members stay; the one whose id was taken keeps its own. */
  g_assert_cmpint (query_int (raw, "SELECT count(*) FROM members"), ==, 2);
  g_assert_cmpint (query_int (raw, "SELECT count(*) FROM members WHERE uuid = 'AB-CD'"), ==, 1);
}

/* ------------------------------------------------------------------ */
/* Files that are not ours                                            */
/* ------------------------------------------------------------------ */

static void
assert_refused (const char *path,
                int         code)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SlDatabase) database = sl_database_open (path, &error);

  ASSERT_ERROR (error, SL_DATABASE_ERROR, code);
  g_assert_true (database == NULL);
  g_test_message ("refused: %s", error->message);
  g_assert_nonnull (strstr (error->message, path));
}

static void
test_refuse_not_sqlite (Fixture       *fixture,
                        gconstpointer  data)
{
  g_autoptr(GString) text = g_string_new (NULL);
  g_autoptr(GBytes) before = NULL;
  g_autoptr(GError) error = NULL;

  while (text->len < 4096)
    g_string_append (text, "会议记录：2023年第3次理论学习中心组集体学习。\n");
  g_string_truncate (text, 4096);
  g_file_set_contents (fixture->path, text->str, text->len, &error);
  g_assert_no_error (error);
  g_assert_cmpint (g_chmod (fixture->path, 0644), ==, 0);
  before = read_bytes (fixture->path);
  g_assert_cmpint (g_bytes_get_size (before), ==, 4096);

  assert_refused (fixture->path, SL_DATABASE_ERROR_NOT_A_LEDGER);

  assert_same_bytes (before, fixture->path);
  g_assert_cmpint (file_mode (fixture->path), ==, 0644);
  g_assert_true (!exists_with_suffix (fixture->path, "-wal"));
  g_assert_true (!exists_with_suffix (fixture->path, "-shm"));
  g_assert_true (!exists_with_suffix (fixture->path, "-journal"));
}

static void
test_refuse_other_sqlite (Fixture       *fixture,
                          gconstpointer  data)
{
  g_autoptr(GBytes) before = NULL;
  sqlite3 *raw;

  raw = open_raw (fixture->path, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE);
  exec_sql (raw, "CREATE TABLE foo (x TEXT); INSERT INTO foo VALUES ('bar');");
  close_raw (raw);
  g_assert_cmpint (g_chmod (fixture->path, 0644), ==, 0);
  before = read_bytes (fixture->path);

  assert_refused (fixture->path, SL_DATABASE_ERROR_NOT_A_LEDGER);

  assert_same_bytes (before, fixture->path);
  g_assert_cmpint (file_mode (fixture->path), ==, 0644);
  g_assert_true (!exists_with_suffix (fixture->path, "-wal"));
  g_assert_true (!exists_with_suffix (fixture->path, "-shm"));

  /* Still the other program's file: no mark of ours, no tables added. */
  raw = open_raw (fixture->path, SQLITE_OPEN_READONLY);
  g_assert_cmpint (query_int (raw, "PRAGMA application_id"), ==, 0);
  g_assert_cmpint (query_int (raw, "PRAGMA user_version"), ==, 0);
  g_assert_cmpint (query_int (raw, "SELECT count(*) FROM sqlite_schema"), ==, 1);
  close_raw (raw);
}

static void
test_refuse_other_application_id (Fixture       *fixture,
                                  gconstpointer  data)
{
  g_autoptr(GBytes) before = NULL;
  sqlite3 *raw;

  /* Another program's mark, even without a single table yet. */
  raw = open_raw (fixture->path, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE);
  exec_sql (raw, "PRAGMA application_id = 1234567");
  close_raw (raw);
  before = read_bytes (fixture->path);
  g_assert_cmpint (g_bytes_get_size (before), >, 0);

  assert_refused (fixture->path, SL_DATABASE_ERROR_NOT_A_LEDGER);

  assert_same_bytes (before, fixture->path);
  g_assert_true (!exists_with_suffix (fixture->path, "-wal"));
}

static void
test_refuse_newer (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autoptr(SlDatabase) database = open_ok (fixture->path);
  g_autoptr(GBytes) before = NULL;
  sqlite3 *raw;

  g_assert_finalize_object (g_steal_pointer (&database));

  raw = open_raw (fixture->path, SQLITE_OPEN_READWRITE);
  exec_sql (raw, "PRAGMA user_version = 99");
  close_raw (raw);
  g_assert_true (!exists_with_suffix (fixture->path, "-wal"));
  before = read_bytes (fixture->path);

  assert_refused (fixture->path, SL_DATABASE_ERROR_NEWER);

  assert_same_bytes (before, fixture->path);
  g_assert_true (!exists_with_suffix (fixture->path, "-wal"));

  raw = open_raw (fixture->path, SQLITE_OPEN_READONLY);
  g_assert_cmpint (query_int (raw, "PRAGMA user_version"), ==, 99);
  g_assert_cmpint (query_int (raw, "PRAGMA application_id"), ==, LEDGER_APPLICATION_ID);
  close_raw (raw);
}

static void
test_refuse_unwritable_folder (Fixture       *fixture,
                               gconstpointer  data)
{
  g_autofree char *blocker = g_build_filename (fixture->folder, "a-file", NULL);
  g_autofree char *folder = g_build_filename (blocker, "sub", NULL);
  g_autofree char *path = g_build_filename (folder, "ledger.db", NULL);
  g_autoptr(SlDatabase) database = NULL;
  g_autoptr(GError) error = NULL;

  g_file_set_contents (blocker, "not a folder", -1, &error);
  g_assert_no_error (error);

  database = sl_database_open (path, &error);
  ASSERT_ERROR (error, SL_DATABASE_ERROR, SL_DATABASE_ERROR_OPEN);
  g_assert_true (database == NULL);
  g_test_message ("refused: %s", error->message);
  /* The message names where: the folder that could not be made. */
  g_assert_nonnull (strstr (error->message, folder));
  g_assert_true (!g_file_test (folder, G_FILE_TEST_EXISTS));
  g_clear_error (&error);

  /* A folder where the file should be. */
  database = sl_database_open (fixture->folder, &error);
  ASSERT_ERROR (error, SL_DATABASE_ERROR, SL_DATABASE_ERROR_OPEN);
  g_assert_true (database == NULL);
  g_assert_nonnull (strstr (error->message, fixture->folder));
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(name, func) \
  g_test_add ("/database/" name, Fixture, NULL, sl_test_folder_set_up, func, sl_test_folder_tear_down)

  ADD ("open/default-path", test_open_default_path);
  ADD ("open/creates-private-file", test_open_creates_private_file);
  ADD ("open/narrows-wide-mode", test_open_narrows_wide_mode);
  ADD ("open/pragmas", test_open_pragmas);
  ADD ("migrate/from-empty", test_migrate_from_empty);
  ADD ("migrate/from-version-1", test_migrate_from_version_1);
  ADD ("migrate/from-version-3", test_migrate_from_version_3);
  ADD ("migrate/lower-case-ids", test_migrate_lower_case_ids);
  ADD ("refuse/not-sqlite", test_refuse_not_sqlite);
  ADD ("refuse/other-sqlite", test_refuse_other_sqlite);
  ADD ("refuse/other-application-id", test_refuse_other_application_id);
  ADD ("refuse/newer", test_refuse_newer);
  ADD ("refuse/unwritable-folder", test_refuse_unwritable_folder);

#undef ADD

  return g_test_run ();
}
