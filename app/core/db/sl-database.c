/* sl-database.c — the ledger's SQLite file: opening, migrations, statements
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * One file holds a whole ledger. It is marked as ours by PRAGMA
 * application_id and versioned by PRAGMA user_version; migrations only go
 * forward, each in the same transaction as the version bump, and a file
 * from a newer build is refused before anything is written to it (even
 * switching to WAL writes the header, so the checks come first).
 *
 * The schema's versions and their SQL are in sl-migrations.c.
 *
 * Schema history
 *   1  records: organizations, members, plans and their items (with the
 *      leads and speakers of each item), meetings with studies, attendance,
 *      guests, speeches and measures, research topics, settings.
 *   2  full-text search: an FTS5 trigram index over meeting titles and
 *      themes, studies, speeches and measures, kept by triggers.
 *   3  search for words shorter than a trigram: search_text, each
 *      meeting's searched texts in one row, kept by triggers, and
 *      meetings_recent, the meetings newest first.
 *   4  the CHECKs on enumeration codes written as comparisons instead of
 *      IN lists, which cost a temporary b-tree for every row written.
 *   5  change_count on the records the window edits (organizations,
 *      members, plans, plan_items, meetings, measures, research_topics),
 *      raised by a trigger at every UPDATE, so that a save can tell that
 *      another program changed the row since it was read; ids in lower
 *      case.
 *   6  archive version 2's records: the topic pool, talks, branch
 *      reports, study notes, a session's plan, and the new keys of
 *      members, plans, meetings, studies, guests and speeches.
 *   7  evidence: a meeting's finalisation and hash, its append-only
 *      revisions (triggers refuse UPDATE and DELETE), attachments as
 *      blobs, and locked years with their history.
 *   8  search_index cut by our own tokenizer (CJK characters and their
 *      pairs), one document per meeting over search_text, brought up to
 *      date by the program from the queue search_pending that plain
 *      triggers fill (sl-search-index.c).
 *   9  search_text holds everything typed that names a meeting: also the
 *      place, chair's summary, decisions, note and session topics, a
 *      speech's title and speaker's name, guests (name, unit, post,
 *      点评意见) and a measure's department; rewritten and reindexed.
 *
 * Every table has an integer key (id) for joins, and records that the
 * archive names carry their UUID in uuid. References are integer keys;
 * rows that only exist inside a meeting (attendance, guests, speeches)
 * are ordered by position. Enumerations are stored as the archive's codes,
 * so that the file reads well in any SQLite browser.
 */

#define G_LOG_DOMAIN "sl-database"

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "sl-database-private.h"
#include "sl-integrity-damage.h"
#include "sl-locking.h"
#include "sl-ledger-paths.h"
#include "sl-search-index.h"
#include "sl-util.h"

/* 'SLDG' */
#define SL_APPLICATION_ID 0x534C4447

G_DEFINE_FINAL_TYPE (SlDatabase, sl_database, G_TYPE_OBJECT)

static void
finalize_statement (gpointer stmt)
{
  sqlite3_finalize (stmt);
}

static void
sl_database_finalize (GObject *object)
{
  SlDatabase *self = SL_DATABASE (object);

  g_clear_pointer (&self->statements, g_hash_table_unref);
  g_clear_pointer (&self->settings, g_hash_table_unref);

  if (self->db != NULL)
    {
      sqlite3_close_v2 (self->db);
      self->db = NULL;
    }
  g_clear_pointer (&self->path, g_free);

  G_OBJECT_CLASS (sl_database_parent_class)->finalize (object);
}

static void
sl_database_class_init (SlDatabaseClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = sl_database_finalize;
}

static void
sl_database_init (SlDatabase *self)
{
  self->statements = g_hash_table_new_full (g_direct_hash, g_direct_equal, NULL,
                                            finalize_statement);
  self->settings = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
}

gboolean
sl_database_set_error (SlDatabase  *self,
                       int          rc,
                       GError     **error)
{
  const char *detail = self->db ? sqlite3_errmsg (self->db) : sqlite3_errstr (rc);
  int code;

  switch (rc & 0xff)
    {
    case SQLITE_BUSY:
    case SQLITE_LOCKED:
      g_set_error (error, SL_DATABASE_ERROR, SL_DATABASE_ERROR_BUSY,
                   _("%s: the ledger is in use by another program and stayed locked; "
                     "close the other copy of Study Ledger and try again"),
                   self->path);
      return FALSE;

    case SQLITE_NOTADB:
      code = SL_DATABASE_ERROR_NOT_A_LEDGER;
      break;

    case SQLITE_CONSTRAINT:
      code = SL_DATABASE_ERROR_CONSTRAINT;
      break;

    case SQLITE_CANTOPEN:
    case SQLITE_READONLY:
    case SQLITE_PERM:
    case SQLITE_FULL:
    case SQLITE_IOERR:
      code = SL_DATABASE_ERROR_OPEN;
      break;

    default:
      code = SL_DATABASE_ERROR_FAILED;
    }

  g_set_error (error, SL_DATABASE_ERROR, code, "%s: %s", self->path, detail);
  return FALSE;
}

gboolean
sl_database_exec (SlDatabase  *self,
                  const char  *sql,
                  GError     **error)
{
  int rc;

  g_return_val_if_fail (SL_IS_DATABASE (self), FALSE);

  rc = sqlite3_exec (self->db, sql, NULL, NULL, NULL);
  if (rc != SQLITE_OK)
    return sl_database_set_error (self, rc, error);

  return TRUE;
}

sqlite3_stmt *
sl_database_prepare (SlDatabase  *self,
                     const char  *sql,
                     GError     **error)
{
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (SL_IS_DATABASE (self), NULL);
  g_return_val_if_fail (sql != NULL, NULL);

  /* Statements are keyed by the address of their text, which callers
   * pass as literals: hashing the text (hundreds of bytes for an upsert)
   * cost more than the lookup, thousands of times per import. The text
   * is still compared, so that a string at an address used before for
   * another statement cannot be given the wrong one. */
  stmt = g_hash_table_lookup (self->statements, sql);
  if (stmt != NULL && strcmp (sqlite3_sql (stmt), sql) == 0)
    {
      sqlite3_reset (stmt);
      sqlite3_clear_bindings (stmt);
      return stmt;
    }

  rc = sqlite3_prepare_v3 (self->db, sql, -1, SQLITE_PREPARE_PERSISTENT, &stmt, NULL);
  if (rc != SQLITE_OK)
    {
      sl_database_set_error (self, rc, error);
      return NULL;
    }

  g_hash_table_insert (self->statements, (gpointer) sql, stmt);
  return stmt;
}

gboolean
sl_database_step_done (SlDatabase    *self,
                       sqlite3_stmt  *stmt,
                       GError       **error)
{
  int rc = sqlite3_step (stmt);

  if (rc == SQLITE_DONE || rc == SQLITE_ROW)
    {
      sqlite3_reset (stmt);
      return TRUE;
    }

  sl_database_set_error (self, rc, error);
  sqlite3_reset (stmt);
  return FALSE;
}

gboolean
sl_database_begin (SlDatabase  *self,
                   GError     **error)
{
  g_autofree char *sql = NULL;

  g_return_val_if_fail (SL_IS_DATABASE (self), FALSE);

  /* Not into a file this process found damaged (sl-integrity-damage.c). */
  if (self->depth == 0 && !sl_integrity_allow_write (self->path, error))
    return FALSE;

  /* IMMEDIATE takes the write lock now, so a busy database is reported
   * before any work is done rather than at commit. */
  if (self->depth == 0)
    {
      /* A reader has no write lock to take: a deferred transaction is
       * its snapshot. */
      sql = g_strdup (self->read_only ? "BEGIN" : "BEGIN IMMEDIATE");
      self->generation++;   /* another program may have written since */
    }
  else
    sql = g_strdup_printf ("SAVEPOINT sl_%u", self->depth);

  if (!sl_database_exec (self, sql, error))
    return FALSE;

  self->depth++;
  return TRUE;
}

gboolean
sl_database_commit (SlDatabase  *self,
                    GError     **error)
{
  g_autofree char *sql = NULL;

  g_return_val_if_fail (SL_IS_DATABASE (self), FALSE);
  g_return_val_if_fail (self->depth > 0, FALSE);

  /* What this transaction (or another program before it) wrote into
   * search_text reaches the index in the same commit (sl-search-index.c). */
  if (self->depth == 1 && self->queued_index && !self->read_only)
    {
      int rc = sl_search_index_drain (self->db);

      if (rc != SQLITE_OK)
        {
          sl_database_set_error (self, rc, error);
          sl_database_rollback (self);
          return FALSE;
        }
    }

  if (self->depth == 1)
    sql = g_strdup ("COMMIT");
  else
    sql = g_strdup_printf ("RELEASE sl_%u", self->depth - 1);

  if (!sl_database_exec (self, sql, error))
    {
      sl_database_rollback (self);
      return FALSE;
    }

  self->depth--;
  return TRUE;
}

void
sl_database_rollback (SlDatabase *self)
{
  g_autofree char *sql = NULL;

  g_return_if_fail (SL_IS_DATABASE (self));
  g_return_if_fail (self->depth > 0);

  self->depth--;
  self->generation++;

  /* A failed COMMIT has already ended the transaction. */
  if (sqlite3_get_autocommit (self->db))
    {
      self->depth = 0;
      g_hash_table_remove_all (self->settings);
      return;
    }

  if (self->depth == 0)
    sql = g_strdup ("ROLLBACK");
  else
    sql = g_strdup_printf ("ROLLBACK TO sl_%u; RELEASE sl_%u", self->depth, self->depth);

  if (sqlite3_exec (self->db, sql, NULL, NULL, NULL) != SQLITE_OK)
    g_warning ("Rollback failed: %s", sqlite3_errmsg (self->db));

  /* Cached settings may hold values of the undone transaction. */
  g_hash_table_remove_all (self->settings);
}

static gboolean
query_int (SlDatabase  *self,
           const char  *sql,
           int         *value,
           GError     **error)
{
  sqlite3_stmt *stmt;
  int rc;

  rc = sqlite3_prepare_v2 (self->db, sql, -1, &stmt, NULL);
  if (rc == SQLITE_OK)
    {
      rc = sqlite3_step (stmt);
      if (rc == SQLITE_ROW)
        {
          *value = sqlite3_column_int (stmt, 0);
          rc = SQLITE_OK;
        }
      sqlite3_finalize (stmt);
    }

  if (rc != SQLITE_OK)
    return sl_database_set_error (self, rc, error);

  return TRUE;
}

static gboolean
migrate (SlDatabase  *self,
         int          from,
         int          to,
         GError     **error)
{
  for (int version = from + 1; version <= to; version++)
    {
      g_autofree char *bump = g_strdup_printf ("PRAGMA user_version = %d", version);

      int current = 0;
      int rc;

      if (!sl_database_begin (self, error))
        return FALSE;

      /* Another process may have done this step between our first read
       * and our write lock (two commands making the same ledger). */
      if (!query_int (self, "PRAGMA user_version", &current, error))
        {
          sl_database_rollback (self);
          return FALSE;
        }
      if (current >= version)
        {
          sl_database_rollback (self);
          continue;
        }

      if ((rc = sl_migrations_apply (self->db, version)) != SQLITE_OK)
        sl_database_set_error (self, rc, error);
      if (rc != SQLITE_OK || !sl_database_exec (self, bump, error))
        {
          sl_database_rollback (self);
          g_prefix_error (error, _("Upgrading the ledger to version %d failed: "), version);
          return FALSE;
        }

      if (!sl_database_commit (self, error))
        return FALSE;

      g_debug ("Migrated %s to schema version %d", self->path, version);
    }

  return TRUE;
}

/* The three things read before anything is written: whose file this is,
 * its schema version, and whether it holds anything. */
static int
read_identity (SlDatabase *self,
               int        *application_id,
               int        *version,
               int        *n_tables)
{
  static const char * const queries[] = {
    "PRAGMA application_id", "PRAGMA user_version", "SELECT count(*) FROM sqlite_schema",
  };
  int *values[] = { application_id, version, n_tables };
  int rc = SQLITE_OK;

  for (guint i = 0; rc == SQLITE_OK && i < G_N_ELEMENTS (queries); i++)
    {
      sqlite3_stmt *stmt = NULL;

      rc = sqlite3_prepare_v2 (self->db, queries[i], -1, &stmt, NULL);
      if (rc == SQLITE_OK)
        {
          rc = sqlite3_step (stmt);
          if (rc == SQLITE_ROW)
            {
              *values[i] = sqlite3_column_int (stmt, 0);
              rc = SQLITE_OK;
            }
        }
      sqlite3_finalize (stmt);
    }

  return rc;
}

/* SL_SQL_PROFILE=1: each statement's time and text on standard error, to
 * find which one makes a command slow (docs/performance.md). */
static int
profile_statement (unsigned  what,
                   void     *data,
                   void     *statement,
                   void     *nanoseconds)
{
  const char *sql = sqlite3_sql (statement);

  g_printerr ("sql-profile: %9.3f ms  %.160s\n",
              *(sqlite3_int64 *) nanoseconds / 1e6, sql ? sql : "");
  return 0;
}

/* A reader that may write to the file and its folder connects read-write
 * but held to PRAGMA query_only: SQLite can then roll back a hot journal
 * and remove on closing the -wal and -shm it made, and no statement can
 * change a byte. One that may not gets SQLITE_OPEN_READONLY. */
static int
connect (SlDatabase *self,
         const char *path,
         gboolean    sqlite_read_only,
         gboolean    immutable)
{
  g_autofree char *uri = NULL;
  int flags = SQLITE_OPEN_NOFOLLOW | SQLITE_OPEN_EXRESCODE;
  int rc;

  /* Before the first file is opened (sl-locking.c). */
  sl_locking_install ();

  if (self->db != NULL)
    {
      sqlite3_close_v2 (self->db);
      self->db = NULL;
    }
  flags |= sqlite_read_only ? SQLITE_OPEN_READONLY : SQLITE_OPEN_READWRITE;

  /* Immutable: SQLite neither locks the file nor looks for a -shm. */
  if (immutable)
    {
      g_autofree char *absolute = g_canonicalize_filename (path, NULL);
      g_autofree char *file_uri = g_filename_to_uri (absolute, NULL, NULL);
      uri = g_strconcat (file_uri, "?immutable=1", NULL);
      flags |= SQLITE_OPEN_URI;
    }

  rc = sqlite3_open_v2 (uri ? uri : path, &self->db, flags, NULL);
  if (rc == SQLITE_OK)
    {
      sqlite3_busy_timeout (self->db, 5000);
      sqlite3_extended_result_codes (self->db, TRUE);
      /* Every connection: FTS5 needs the tokenizer to read search_index
       * as well as to write it (schema 8). A file that is not a ledger
       * may refuse it; the checks that follow say why. */
      if (sl_cjk_tokenizer_register (self->db) != SQLITE_OK)
        g_debug ("%s: the search tokenizer could not be registered", path);
      if (g_getenv ("SL_SQL_PROFILE") != NULL)
        sqlite3_trace_v2 (self->db, SQLITE_TRACE_PROFILE, profile_statement, NULL);
      if (self->read_only && !sqlite_read_only)
        rc = sqlite3_exec (self->db, "PRAGMA query_only = ON", NULL, NULL, NULL);
    }
  return rc;
}

static gboolean
has_content (const char *path,
             const char *suffix)
{
  g_autofree char *file = g_strconcat (path, suffix, NULL);
  GStatBuf info;

  return g_stat (file, &info) == 0 && info.st_size > 0;
}

static SlDatabase *
open_database (const char  *path,
               int          target_version,
               gboolean     read_only,
               GError     **error)
{
  g_autoptr(SlDatabase) self = NULL;
  g_autofree char *default_path = NULL;
  g_autofree char *resolved = NULL;
  g_autofree char *folder = NULL;
  gboolean created = FALSE;
  gboolean writable;
  int application_id = 0;
  int version = 0;
  int n_tables = 0;
  GStatBuf info;
  int rc;

  if (path == NULL)
    path = default_path = sl_database_default_path ();

  /* A link is followed to the file it names, beside which SQLite keeps
   * the -wal and -shm; one that leads nowhere is refused. */
  resolved = sl_database_resolve_path (path, error);
  if (resolved == NULL)
    return NULL;
  path = resolved;
  folder = g_path_get_dirname (path);

  self = g_object_new (SL_TYPE_DATABASE, NULL);
  self->path = g_strdup (path);
  self->read_only = read_only;

  if (g_file_test (path, G_FILE_TEST_IS_DIR))
    {
      g_set_error (error, SL_DATABASE_ERROR, SL_DATABASE_ERROR_OPEN,
                   _("%s is a folder, not a ledger file; name a file instead"),
                   path);
      return NULL;
    }

  if (g_stat (path, &info) != 0)
    {
      g_autofree char *temporary = NULL;
      g_autoptr(GError) local_error = NULL;

      if (read_only)
        {
          int saved_errno = errno;
          g_set_error (error, SL_DATABASE_ERROR, SL_DATABASE_ERROR_OPEN,
                       _("Cannot open the ledger %s: %s"), path, g_strerror (saved_errno));
          return NULL;
        }

      /* Made whole under another name, then given this one without
       * replacing anything (sl-ledger-paths.c). */
      temporary = sl_database_create_temporary (path, target_version, error);
      if (temporary == NULL)
        return NULL;
      if (sl_database_link_into_place (temporary, path, &local_error))
        created = TRUE;
      else
        {
          sl_database_discard_temporary (temporary);
          /* Another process made it meanwhile: open theirs. */
          if (!g_error_matches (local_error, G_FILE_ERROR, G_FILE_ERROR_EXIST))
            {
              g_propagate_error (error, g_steal_pointer (&local_error));
              return NULL;
            }
        }
    }
  else if (read_only && info.st_size == 0)
    {
      g_set_error (error, SL_DATABASE_ERROR, SL_DATABASE_ERROR_NOT_A_LEDGER,
                   _("%s is an empty file, not a Study Ledger database; it was left untouched"),
                   path);
      return NULL;
    }

  writable = g_access (path, W_OK) == 0 && g_access (folder, W_OK) == 0;
  /* A reader that may not write the file, with no log or journal beside
   * it, reads it as it lies (immutable): SQLite would otherwise make a
   * -wal and -shm owned by this user in a folder it can write, and the
   * ledger's owner could then no longer write the ledger. */
  if (read_only && g_access (path, W_OK) != 0 &&
      !has_content (path, "-wal") && !has_content (path, "-journal"))
    rc = connect (self, path, TRUE, TRUE);
  else
    rc = connect (self, path, read_only && !writable, FALSE);
  if (rc != SQLITE_OK)
    {
      sl_database_describe_open_error (self->db, path, rc, error);
      return NULL;
    }

  /* A file cut short is damaged, not "not a database". */
  if (!sl_database_check_header (self->db, path, error))
    return NULL;

  if (!read_only && sqlite3_db_readonly (self->db, "main") == 1)
    {
      sl_database_describe_open_error (self->db, path, SQLITE_READONLY, error);
      return NULL;
    }

  /* Read-only checks first: nothing below may write to a file that is
   * not ours or that a newer version wrote. */
  rc = read_identity (self, &application_id, &version, &n_tables);

  /* A write-ahead ledger in a folder this user may not write to, whose
   * -shm is not there: nobody is writing it (there is no log either), so
   * it may be read as it lies. */
  if (read_only && !writable && rc != SQLITE_OK && (rc & 0xff) != SQLITE_BUSY &&
      (rc & 0xff) != SQLITE_NOTADB && (rc & 0xff) != SQLITE_CORRUPT &&
      !has_content (path, "-wal") && !has_content (path, "-journal"))
    {
      if ((rc = connect (self, path, TRUE, TRUE)) == SQLITE_OK)
        rc = read_identity (self, &application_id, &version, &n_tables);
    }

  if (rc != SQLITE_OK)
    {
      sl_database_describe_open_error (self->db, path, rc, error);
      return NULL;
    }

  if ((application_id != 0 && application_id != SL_APPLICATION_ID) ||
      (application_id == 0 && n_tables > 0))
    {
      g_set_error (error, SL_DATABASE_ERROR, SL_DATABASE_ERROR_NOT_A_LEDGER,
                   _("%s is an SQLite file of another program, not a Study Ledger database; "
                     "it was left untouched"),
                   path);
      return NULL;
    }

  if (version > SL_SCHEMA_VERSION)
    {
      g_set_error (error, SL_DATABASE_ERROR, SL_DATABASE_ERROR_NEWER,
                   _("%s was written by a newer Study Ledger (schema %d; this version knows %d); "
                     "it was left untouched. Install the newer version to open it"),
                   path, version, SL_SCHEMA_VERSION);
      return NULL;
    }

  if (read_only)
    {
      if (application_id == 0)
        {
          g_set_error (error, SL_DATABASE_ERROR, SL_DATABASE_ERROR_NOT_A_LEDGER,
                       _("%s is an empty SQLite file, not a Study Ledger database; "
                         "it was left untouched"),
                       path);
          return NULL;
        }

      /* An older ledger is brought up to date once, by whoever opens it
       * first: the queries of this version need its schema. */
      if (version < target_version)
        {
          g_clear_object (&self);
          return open_database (path, target_version, FALSE, error);
        }

      if (!sl_database_exec (self, "PRAGMA foreign_keys = ON", error) ||
          !sl_database_exec (self, "PRAGMA temp_store = MEMORY", error) ||
          !sl_database_exec (self, "PRAGMA mmap_size = " MMAP_SIZE, error))
        {
          g_prefix_error (error, _("Cannot open the ledger: "));
          return NULL;
        }

      return g_steal_pointer (&self);
    }

  if ((rc = sqlite3_exec (self->db, "PRAGMA journal_mode = WAL", NULL, NULL, NULL)) != SQLITE_OK)
    {
      sl_database_describe_open_error (self->db, path, rc, error);
      return NULL;
    }

  if (!sl_database_exec (self, "PRAGMA foreign_keys = ON", error) ||
      !sl_database_exec (self, "PRAGMA synchronous = NORMAL", error) ||
      /* Temporary tables and sorts in memory, not in files under
       * /var/tmp that are written and read back. */
      !sl_database_exec (self, "PRAGMA temp_store = MEMORY", error) ||
      /* Read pages in place instead of copying each one through a 2 MiB
       * cache: searches, statistics and exports of a ten-year ledger
       * spent most of their time in pread() (docs/performance.md). */
      !sl_database_exec (self, "PRAGMA mmap_size = " MMAP_SIZE, error))
    {
      g_prefix_error (error, _("Cannot open the ledger: "));
      return NULL;
    }

  if (application_id == 0)
    {
      g_autofree char *sql = g_strdup_printf ("PRAGMA application_id = %d", SL_APPLICATION_ID);
      if (!sl_database_exec (self, sql, error))
        return NULL;
    }

  if (!migrate (self, version, target_version, error))
    return NULL;
  self->queued_index = target_version >= 8;

  /* WAL and its shared-memory file take the database's mode, but a file
   * created by an older build may be wider: keep it private. Only ever
   * narrowed, and only by its owner: never made writable. */
  if (!created && g_stat (path, &info) == 0 && (info.st_mode & 077) != 0 &&
      info.st_uid == geteuid ())
    g_chmod (path, info.st_mode & 0700);

  return g_steal_pointer (&self);
}

/**
 * sl_database_open:
 * @path: (nullable): the ledger file, or %NULL for the default one
 *
 * Opens (creating it when missing) and migrates a ledger. A file that is
 * not a ledger, or that a newer version wrote, is refused untouched.
 */
SlDatabase *
sl_database_open (const char  *path,
                  GError     **error)
{
  return open_database (path, SL_SCHEMA_VERSION, FALSE, error);
}

/**
 * sl_database_open_read_only:
 * @path: (nullable): the ledger file, or %NULL for the default one
 *
 * Opens an existing ledger for reading only (SQLITE_OPEN_READONLY): its
 * mode and its bytes stay as they are. A change a killed process left
 * half done is first completed or undone, as any opening would; a ledger
 * of an older schema is upgraded, as the queries need. A write-ahead
 * ledger whose -shm cannot be made (a read-only folder) is read as it
 * lies when no log is beside it.
 */
SlDatabase *
sl_database_open_read_only (const char  *path,
                            GError     **error)
{
  return open_database (path, SL_SCHEMA_VERSION, TRUE, error);
}

/* For tests of the migrations: a ledger brought only to @version. */
SlDatabase *
sl_database_open_at_version (const char  *path,
                             int          version,
                             GError     **error)
{
  g_return_val_if_fail (version >= 0 && version <= SL_SCHEMA_VERSION, NULL);

  return open_database (path, version, FALSE, error);
}

const char *
sl_database_get_path (SlDatabase *self)
{
  g_return_val_if_fail (SL_IS_DATABASE (self), NULL);
  return self->path;
}

sqlite3 *
sl_database_get_handle (SlDatabase *self)
{
  g_return_val_if_fail (SL_IS_DATABASE (self), NULL);
  return self->db;
}

int
sl_database_get_version (SlDatabase *self)
{
  int version = -1;

  g_return_val_if_fail (SL_IS_DATABASE (self), -1);

  query_int (self, "PRAGMA user_version", &version, NULL);
  return version;
}

/**
 * sl_database_get_generation:
 *
 * A number that changes when a transaction begins at the outermost level
 * and at every rollback: what a caller read from the ledger (the key of a
 * row, say) holds for as long as this number stays the same.
 */
guint
sl_database_get_generation (SlDatabase *self)
{
  g_return_val_if_fail (SL_IS_DATABASE (self), 0);
  return self->generation;
}

const char *
sl_database_get_setting (SlDatabase *self,
                         const char *key)
{
  sqlite3_stmt *stmt;
  const char *value;

  g_return_val_if_fail (SL_IS_DATABASE (self), NULL);

  if (g_hash_table_lookup_extended (self->settings, key, NULL, (gpointer *) &value))
    return value;

  stmt = sl_database_prepare (self, "SELECT value FROM settings WHERE key = ?", NULL);
  if (stmt == NULL)
    return NULL;
  sl_bind_text (stmt, 1, key);
  value = NULL;
  if (sqlite3_step (stmt) == SQLITE_ROW)
    value = sl_column_text (stmt, 0);
  g_hash_table_insert (self->settings, g_strdup (key), g_strdup (value));
  sqlite3_reset (stmt);

  return g_hash_table_lookup (self->settings, key);
}

gboolean
sl_database_set_setting (SlDatabase  *self,
                         const char  *key,
                         const char  *value,
                         GError     **error)
{
  sqlite3_stmt *stmt;

  g_return_val_if_fail (SL_IS_DATABASE (self), FALSE);

  stmt = sl_database_prepare (self,
                              "INSERT INTO settings (key, value) VALUES (?, ?) "
                              "ON CONFLICT (key) DO UPDATE SET value = excluded.value",
                              error);
  if (stmt == NULL)
    return FALSE;
  sl_bind_text (stmt, 1, key);
  sl_bind_text (stmt, 2, value);
  if (!sl_database_step_done (self, stmt, error))
    return FALSE;

  g_hash_table_insert (self->settings, g_strdup (key), g_strdup (value));
  return TRUE;
}

void
sl_bind_text (sqlite3_stmt *stmt,
              int           index,
              const char   *text)
{
  if (text == NULL)
    sqlite3_bind_null (stmt, index);
  else
    sqlite3_bind_text (stmt, index, text, -1, SQLITE_TRANSIENT);
}

/* Keys are positive; 0 means "no row" and binds NULL. */
void
sl_bind_key (sqlite3_stmt *stmt,
             int           index,
             gint64        key)
{
  if (key <= 0)
    sqlite3_bind_null (stmt, index);
  else
    sqlite3_bind_int64 (stmt, index, key);
}

const char *
sl_column_text (sqlite3_stmt *stmt,
                int           index)
{
  return (const char *) sqlite3_column_text (stmt, index);
}
