/* test-database-writes.c — the ledger's SQLite file: bulk writes, transactions, backup, check, settings
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Every test works on real files in its own temporary folder, which the
 * fixture removes afterwards (opening, refusing and migrating the file are
 * in test-database.c).
 */

#include "config.h"

#include "database-util.h"

/* ------------------------------------------------------------------ */
/* Bulk writes                                                        */
/* ------------------------------------------------------------------ */

static const char bulk_rows[] =
  "INSERT INTO meetings (id, uuid, organization_id, kind, date, title, theme) "
  "  VALUES (2, 'm2', 1, 'central_group', '2023-05-01', '中心组集体学习', '调查研究');"
  "INSERT INTO studies (id, uuid, meeting_id, position, title, summary) "
  "  VALUES (7, 's7', 2, 0, '论调查研究', '重点篇目');"
  "INSERT INTO studies (id, uuid, meeting_id, position, title) "
  "  VALUES (8, 's8', 1, 1, '在已有会议上新增的学习');"
  "INSERT INTO speeches (id, meeting_id, position, points) VALUES (3, 2, 0, '结合分管工作谈体会');"
  "INSERT INTO measures (id, uuid, meeting_id, position, text, progress) "
  "  VALUES (4, 'x4', 2, 0, '建立成果转化清单', '已召开推进会');";

static char *
query_rows (sqlite3    *db,
            const char *sql)
{
  sqlite3_stmt *stmt = NULL;
  GString *out = g_string_new (NULL);

  g_assert_cmpint (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL), ==, SQLITE_OK);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      for (int i = 0; i < sqlite3_column_count (stmt); i++)
        g_string_append_printf (out, "%s|", (const char *) sqlite3_column_text (stmt, i));
      g_string_append_c (out, '\n');
    }
  sqlite3_finalize (stmt);

  return g_string_free (out, FALSE);
}

/* A ledger with one meeting, written the ordinary way. */
static SlDatabase *
bulk_ledger (const char *path)
{
  SlDatabase *database = open_ok (path);

  exec_sql (sl_database_get_handle (database),
            "INSERT INTO organizations (id, uuid, name) VALUES (1, 'o', '机关党委');"
            "INSERT INTO meetings (id, uuid, organization_id, kind, date, title) "
            "  VALUES (1, 'm1', 1, 'party_group', '2023-04-01', '党组会议');"
            "INSERT INTO studies (id, uuid, meeting_id, position, title) "
            "  VALUES (5, 's5', 1, 0, '第一议题学习');");
  return database;
}

/* Rows written while the index waits are indexed exactly as the triggers
 * would have indexed them, and the triggers come back unchanged. */
static void
test_bulk_deferred_index (Fixture       *fixture,
                          gconstpointer  data)
{
  g_autofree char *other_path = g_build_filename (fixture->folder, "triggers.db", NULL);
  g_autoptr(SlDatabase) database = bulk_ledger (fixture->path);
  g_autoptr(SlDatabase) reference = bulk_ledger (other_path);
  g_autoptr(GError) error = NULL;
  sqlite3 *raw = sl_database_get_handle (database);
  g_autofree char *schema_before = query_rows (raw, "SELECT name, sql FROM sqlite_schema ORDER BY name");
  g_autofree char *schema_after = NULL;
  g_autofree char *text = NULL, *expected_text = NULL;
  g_autofree char *index = NULL, *expected_index = NULL;

  exec_sql (sl_database_get_handle (reference), bulk_rows);

  g_assert_true (sl_database_begin (database, &error));
  g_assert_true (sl_database_defer_search_index (database, &error));
  g_assert_no_error (error);
  exec_sql (raw, bulk_rows);
  /* Nothing indexed yet... */
  g_assert_cmpint (search_count (raw, "调查研"), ==, 0);
  /* ...and a row changed meanwhile is kept by its trigger as ever. */
  exec_sql (raw, "UPDATE studies SET title = '第一议题：学习讲话' WHERE id = 5");
  g_assert_true (sl_database_index_deferred (database, &error));
  g_assert_no_error (error);
  g_assert_true (sl_database_commit (database, &error));
  g_assert_no_error (error);
  exec_sql (sl_database_get_handle (reference), "UPDATE studies SET title = '第一议题：学习讲话' WHERE id = 5");
  g_assert_true (sl_database_update_search_index (reference, &error));
  g_assert_no_error (error);

  text = query_rows (raw, "SELECT meeting_id, body FROM search_text ORDER BY meeting_id");
  expected_text = query_rows (sl_database_get_handle (reference),
                              "SELECT meeting_id, body FROM search_text ORDER BY meeting_id");
  g_assert_cmpstr (text, ==, expected_text);
  index = query_rows (raw, "SELECT rowid, body FROM search_index ORDER BY rowid");
  expected_index = query_rows (sl_database_get_handle (reference),
                               "SELECT rowid, body FROM search_index ORDER BY rowid");
  g_assert_cmpstr (index, ==, expected_index);
  /* One meeting, in its theme and a study's title: one document since
   * schema 8 (two rows before). */
  g_assert_cmpint (search_count (raw, "调查研"), ==, 1);
  g_assert_cmpint (search_count (raw, "谈体会"), ==, 1);
  exec_sql (raw, "INSERT INTO search_index (search_index) VALUES ('integrity-check')");
  g_assert_cmpint (search_count (raw, "推进会"), ==, 1);

  schema_after = query_rows (raw, "SELECT name, sql FROM sqlite_schema ORDER BY name");
  g_assert_cmpstr (schema_after, ==, schema_before);
  g_assert_cmpint (query_int (raw, "SELECT count(*) FROM temp.sqlite_schema"), ==, 0);

  /* The triggers work again. */
  exec_sql (raw, "INSERT INTO speeches (id, meeting_id, position, points) VALUES (9, 1, 1, '抓好整改落实')");
  g_assert_cmpint (search_count (raw, "整改落"), ==, 0);   /* queued, not yet indexed */
  g_assert_true (sl_database_update_search_index (database, &error));
  g_assert_cmpint (search_count (raw, "整改落"), ==, 1);
}

/* A rollback takes back the rows, the waiting list and the triggers'
 * absence. */
static void
test_bulk_rollback (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autoptr(SlDatabase) database = bulk_ledger (fixture->path);
  g_autoptr(GError) error = NULL;
  sqlite3 *raw = sl_database_get_handle (database);
  g_autofree char *schema_before = query_rows (raw, "SELECT name, sql FROM sqlite_schema ORDER BY name");
  g_autofree char *schema_after = NULL;

  g_assert_true (sl_database_begin (database, &error));
  g_assert_true (sl_database_defer_search_index (database, &error));
  exec_sql (raw, bulk_rows);
  sl_database_rollback (database);

  schema_after = query_rows (raw, "SELECT name, sql FROM sqlite_schema ORDER BY name");
  g_assert_cmpstr (schema_after, ==, schema_before);
  g_assert_cmpint (query_int (raw, "SELECT count(*) FROM temp.sqlite_schema"), ==, 0);
  g_assert_cmpint (query_int (raw, "SELECT count(*) FROM meetings"), ==, 1);

  exec_sql (raw, bulk_rows);
  g_assert_true (sl_database_update_search_index (database, &error));
  g_assert_cmpint (search_count (raw, "调查研"), ==, 1);
  g_assert_cmpint (query_int (raw, "SELECT count(*) FROM search_text WHERE body LIKE '%谈体会%'"), ==, 1);
}

/* ------------------------------------------------------------------ */
/* Transactions                                                       */
/* ------------------------------------------------------------------ */

static char *
scratch_values (sqlite3 *db)
{
  return query_text (db, "SELECT coalesce (group_concat (x, ','), '') "
                         "FROM (SELECT x FROM scratch ORDER BY x)");
}

static void
insert_scratch (SlDatabase *database,
                int         value)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *sql = g_strdup_printf ("INSERT INTO scratch (x) VALUES (%d)", value);

  g_assert_true (sl_database_exec (database, sql, &error));
  g_assert_no_error (error);
}

#define ASSERT_VALUES(db, expected)                         \
  G_STMT_START {                                            \
    g_autofree char *values_ = scratch_values (db);         \
    g_assert_cmpstr (values_, ==, expected);                \
  } G_STMT_END

static void
test_transactions_nest (Fixture       *fixture,
                        gconstpointer  data)
{
  g_autoptr(SlDatabase) database = open_ok (fixture->path);
  g_autoptr(GError) error = NULL;
  sqlite3 *db = sl_database_get_handle (database);
  sqlite3 *other;

  g_assert_true (sl_database_exec (database, "CREATE TABLE scratch (x INTEGER)", &error));
  g_assert_no_error (error);
  other = open_raw (fixture->path, SQLITE_OPEN_READONLY);

  g_assert_true (sl_database_begin (database, &error));
  g_assert_no_error (error);
  g_assert_cmpint (sqlite3_get_autocommit (db), ==, 0);
  insert_scratch (database, 1);

  /* Inner work rolled back: only it is undone. */
  g_assert_true (sl_database_begin (database, &error));
  g_assert_no_error (error);
  insert_scratch (database, 2);
  ASSERT_VALUES (db, "1,2");
  sl_database_rollback (database);
  ASSERT_VALUES (db, "1");
  g_assert_cmpint (sqlite3_get_autocommit (db), ==, 0);

  /* Inner work committed: kept, but only the outer commit publishes it. */
  g_assert_true (sl_database_begin (database, &error));
  g_assert_no_error (error);
  insert_scratch (database, 3);

  /* Three levels deep, the middle one rolled back. */
  g_assert_true (sl_database_begin (database, &error));
  g_assert_no_error (error);
  insert_scratch (database, 4);
  g_assert_true (sl_database_begin (database, &error));
  g_assert_no_error (error);
  insert_scratch (database, 5);
  g_assert_true (sl_database_commit (database, &error));
  g_assert_no_error (error);
  ASSERT_VALUES (db, "1,3,4,5");
  sl_database_rollback (database);
  ASSERT_VALUES (db, "1,3");

  g_assert_true (sl_database_commit (database, &error));
  g_assert_no_error (error);
  ASSERT_VALUES (db, "1,3");
  ASSERT_VALUES (other, "");
  g_assert_cmpint (sqlite3_get_autocommit (db), ==, 0);

  g_assert_true (sl_database_commit (database, &error));
  g_assert_no_error (error);
  g_assert_cmpint (sqlite3_get_autocommit (db), ==, 1);
  ASSERT_VALUES (db, "1,3");
  ASSERT_VALUES (other, "1,3");

  /* An outer rollback undoes what inner levels committed. */
  g_assert_true (sl_database_begin (database, &error));
  g_assert_no_error (error);
  insert_scratch (database, 6);
  g_assert_true (sl_database_begin (database, &error));
  g_assert_no_error (error);
  insert_scratch (database, 7);
  g_assert_true (sl_database_commit (database, &error));
  g_assert_no_error (error);
  sl_database_rollback (database);
  g_assert_cmpint (sqlite3_get_autocommit (db), ==, 1);
  ASSERT_VALUES (db, "1,3");
  ASSERT_VALUES (other, "1,3");

  /* The bookkeeping is back at level 0: a new transaction is a real one. */
  g_assert_true (sl_database_begin (database, &error));
  g_assert_no_error (error);
  insert_scratch (database, 8);
  g_assert_true (sl_database_commit (database, &error));
  g_assert_no_error (error);
  g_assert_cmpint (sqlite3_get_autocommit (db), ==, 1);
  ASSERT_VALUES (other, "1,3,8");

  close_raw (other);
}

/* ------------------------------------------------------------------ */
/* Backup and check                                                   */
/* ------------------------------------------------------------------ */

static void
test_backup (Fixture       *fixture,
             gconstpointer  data)
{
  g_autoptr(SlDatabase) database = open_ok (fixture->path);
  g_autoptr(SlDatabase) copy = NULL;
  g_autofree char *backup_path = g_build_filename (fixture->folder, "backup.db", NULL);
  g_autofree char *journal_mode = NULL;
  g_autofree char *names = NULL;
  g_autofree char *name = NULL;
  g_autoptr(GError) error = NULL;
  sqlite3 *raw;

  exec_sql (sl_database_get_handle (database),
            "INSERT INTO organizations (uuid, name, kind) VALUES ('o1', '机关党委', 'party_committee');"
            "INSERT INTO organizations (uuid, name, kind, parent_id) VALUES ('o2', '第一党支部', 'branch', 1);"
            "INSERT INTO members (uuid, name, organization_id, sort) VALUES ('m1', '李明', 2, 1);");
  g_assert_true (sl_database_set_setting (database, "last-export", "2023-12-31", &error));
  g_assert_no_error (error);

  g_assert_true (sl_database_backup (database, backup_path, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_test (backup_path, G_FILE_TEST_IS_REGULAR));
  g_assert_cmpint (file_mode (backup_path), ==, 0600);

  /* One self-contained file: no WAL beside it, no temporary left over. */
  g_assert_true (!exists_with_suffix (backup_path, "-wal"));
  g_assert_true (!exists_with_suffix (backup_path, "-shm"));
  names = list_folder (fixture->folder);
  g_assert_cmpstr (names, ==, "backup.db ledger.db ledger.db-shm ledger.db-wal");
  raw = open_raw (backup_path, SQLITE_OPEN_READONLY);
  journal_mode = query_text (raw, "PRAGMA journal_mode");
  g_assert_cmpstr (journal_mode, ==, "delete");
  close_raw (raw);

  /* The copy is a ledger with the same rows. */
  copy = open_ok (backup_path);
  raw = sl_database_get_handle (copy);
  g_assert_cmpint (sl_database_get_version (copy), ==, SL_SCHEMA_VERSION);
  g_assert_cmpint (query_int (raw, "SELECT count(*) FROM organizations"), ==, 2);
  g_assert_cmpint (query_int (raw, "SELECT count(*) FROM members"), ==, 1);
  name = query_text (raw, "SELECT name FROM members WHERE uuid = 'm1'");
  g_assert_cmpstr (name, ==, "李明");
  g_assert_cmpint (query_int (raw, "SELECT organization_id FROM members WHERE uuid = 'm1'"), ==, 2);
  g_assert_cmpstr (sl_database_get_setting (copy, "last-export"), ==, "2023-12-31");

  /* Later changes to the ledger do not reach the copy. */
  exec_sql (sl_database_get_handle (database), "DELETE FROM members");
  g_assert_cmpint (query_int (raw, "SELECT count(*) FROM members"), ==, 1);
}

static void
test_backup_missing_folder (Fixture       *fixture,
                            gconstpointer  data)
{
  g_autoptr(SlDatabase) database = open_ok (fixture->path);
  g_autofree char *missing = g_build_filename (fixture->folder, "missing", NULL);
  g_autofree char *backup_path = g_build_filename (missing, "backup.db", NULL);
  g_autofree char *names = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_true (!sl_database_backup (database, backup_path, &error));
  ASSERT_ERROR (error, SL_DATABASE_ERROR, SL_DATABASE_ERROR_OPEN);
  g_assert_nonnull (strstr (error->message, backup_path));
  g_assert_true (!g_file_test (backup_path, G_FILE_TEST_EXISTS));
  g_assert_true (!g_file_test (missing, G_FILE_TEST_EXISTS));

  names = list_folder (fixture->folder);
  g_assert_cmpstr (names, ==, "ledger.db ledger.db-shm ledger.db-wal");
}

static void
test_check (Fixture       *fixture,
            gconstpointer  data)
{
  g_autoptr(SlDatabase) database = open_ok (fixture->path);
  g_autoptr(GPtrArray) problems = NULL;
  g_autoptr(GError) error = NULL;
  sqlite3 *raw = sl_database_get_handle (database);
  const char *line;

  exec_sql (raw,
            "INSERT INTO organizations (id, uuid, name) VALUES (1, 'o1', '机关党委');"
            "INSERT INTO members (id, uuid, name, organization_id) VALUES (1, 'm1', '李明', 1);");

  problems = sl_database_check (database, &error);
  g_assert_no_error (error);
  g_assert_nonnull (problems);
  g_assert_cmpint (problems->len, ==, 0);
  g_clear_pointer (&problems, g_ptr_array_unref);

  /* A dangling reference, as a crash or a careless SQLite browser leaves. */
  exec_sql (raw,
            "PRAGMA foreign_keys = OFF;"
            "INSERT INTO members (id, uuid, name, organization_id) VALUES (7, 'm7', '赵六', 4242);"
            "PRAGMA foreign_keys = ON;");
  g_assert_cmpint (query_int (raw, "PRAGMA foreign_keys"), ==, 1);

  problems = sl_database_check (database, &error);
  g_assert_no_error (error);
  g_assert_nonnull (problems);
  g_assert_cmpint (problems->len, ==, 1);
  line = g_ptr_array_index (problems, 0);
  g_test_message ("problem: %s", line);
  g_assert_nonnull (strstr (line, "members"));
  g_assert_nonnull (strstr (line, "7"));
  g_assert_nonnull (strstr (line, "organizations"));
  g_clear_pointer (&problems, g_ptr_array_unref);

  /* Repaired, the ledger is sound again. */
  exec_sql (raw, "UPDATE members SET organization_id = 1 WHERE id = 7");
  problems = sl_database_check (database, &error);
  g_assert_no_error (error);
  g_assert_cmpint (problems->len, ==, 0);
}

/* ------------------------------------------------------------------ */
/* Settings                                                           */
/* ------------------------------------------------------------------ */

static void
test_settings (Fixture       *fixture,
               gconstpointer  data)
{
  g_autoptr(SlDatabase) database = open_ok (fixture->path);
  g_autoptr(GError) error = NULL;
  sqlite3 *raw;

  g_assert_cmpstr (sl_database_get_setting (database, "organization"), ==, NULL);

  g_assert_true (sl_database_set_setting (database, "organization", "机关党委", &error));
  g_assert_no_error (error);
  g_assert_cmpstr (sl_database_get_setting (database, "organization"), ==, "机关党委");

  g_assert_true (sl_database_set_setting (database, "organization", "第一党支部\r\n（筹）", &error));
  g_assert_no_error (error);
  g_assert_cmpstr (sl_database_get_setting (database, "organization"), ==, "第一党支部\r\n（筹）");
  g_assert_true (sl_database_set_setting (database, "signature", "王书记", &error));
  g_assert_no_error (error);

  /* One row per key, the value written through to the file. */
  raw = sl_database_get_handle (database);
  g_assert_cmpint (query_int (raw, "SELECT count(*) FROM settings"), ==, 2);
  g_assert_cmpint (query_int (raw, "SELECT count(*) FROM settings WHERE key = 'organization' "
                                   "AND value = '第一党支部' || char (13, 10) || '（筹）'"), ==, 1);

  /* A value set inside a transaction that is rolled back is forgotten. */
  g_assert_true (sl_database_begin (database, &error));
  g_assert_no_error (error);
  g_assert_true (sl_database_set_setting (database, "signature", "草稿", &error));
  g_assert_no_error (error);
  g_assert_cmpstr (sl_database_get_setting (database, "signature"), ==, "草稿");
  sl_database_rollback (database);
  g_assert_cmpstr (sl_database_get_setting (database, "signature"), ==, "王书记");

  /* NULL clears a value. */
  g_assert_true (sl_database_set_setting (database, "signature", NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (sl_database_get_setting (database, "signature"), ==, NULL);

  /* A new connection reads the same values from the file. */
  g_assert_finalize_object (g_steal_pointer (&database));
  database = open_ok (fixture->path);
  g_assert_cmpstr (sl_database_get_setting (database, "organization"), ==, "第一党支部\r\n（筹）");
  g_assert_cmpstr (sl_database_get_setting (database, "signature"), ==, NULL);
  g_assert_cmpstr (sl_database_get_setting (database, "never-set"), ==, NULL);
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(name, func) \
  g_test_add ("/database/" name, Fixture, NULL, sl_test_folder_set_up, func, sl_test_folder_tear_down)

  ADD ("bulk/deferred-index", test_bulk_deferred_index);
  ADD ("bulk/rollback", test_bulk_rollback);
  ADD ("transactions/nest", test_transactions_nest);
  ADD ("backup/copy", test_backup);
  ADD ("backup/missing-folder", test_backup_missing_folder);
  ADD ("check", test_check);
  ADD ("settings", test_settings);

#undef ADD

  return g_test_run ();
}
