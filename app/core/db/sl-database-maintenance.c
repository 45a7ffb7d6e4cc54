/* sl-database-maintenance.c — SlDatabase's work on the whole ledger file
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Bulk writes (the search index deferred, the journal mode), the online
 * backup, SQLite's integrity checks and how the file is read (mapped or
 * copied). Opening, statements and transactions are in sl-database.c.
 */

#define G_LOG_DOMAIN "sl-database"

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <unistd.h>

#include "sl-database-private.h"
#include "sl-ledger-paths.h"
#include "sl-search-index.h"
#include "sl-util.h"

/* Bulk writes ------------------------------------------------------------ */

/**
 * sl_database_defer_search_index:
 *
 * For a bulk write inside the current transaction (an archive import):
 * the triggers that index each new meeting, study, speech and measure
 * stand aside, and temporary ones note the new rows instead, to be
 * indexed in one pass by sl_database_index_deferred(). SQLite 3.40's FTS5
 * writes out a new index segment at every statement of a transaction, and
 * search_text rewrote a meeting's row for each text appended to it: most
 * of the writing of a large import. Rolling the transaction back undoes
 * all of this with the rows.
 */
gboolean
sl_database_defer_search_index (SlDatabase  *self,
                                GError     **error)
{
  int rc;

  g_return_val_if_fail (SL_IS_DATABASE (self), FALSE);
  g_return_val_if_fail (self->depth > 0, FALSE);

  if ((rc = sl_migrations_defer_index (self->db)) != SQLITE_OK)
    return sl_database_set_error (self, rc, error);
  return TRUE;
}

/**
 * sl_database_index_deferred:
 *
 * Indexes the rows written since sl_database_defer_search_index() and
 * puts the triggers back (sl_migrations_index_deferred()). Rows written
 * and then changed or deleted meanwhile were kept by the triggers that
 * stayed.
 */
gboolean
sl_database_index_deferred (SlDatabase  *self,
                            GError     **error)
{
  int rc;

  g_return_val_if_fail (SL_IS_DATABASE (self), FALSE);
  g_return_val_if_fail (self->depth > 0, FALSE);

  if ((rc = sl_migrations_index_deferred (self->db)) != SQLITE_OK)
    return sl_database_set_error (self, rc, error);
  return TRUE;
}

/**
 * sl_database_new_search_builder:
 *
 * For a bulk write into an empty ledger, inside its transaction: the
 * search index built apart, by a thread of its own (sl-search-builder.c),
 * fed by sl_database_hand_search_texts() and made the ledger's by
 * sl_database_install_search_index(). Free it after the transaction.
 *
 * Returns: (transfer full) (nullable): the builder, or %NULL with @error set
 */
SlSearchBuilder *
sl_database_new_search_builder (SlDatabase  *self,
                                GError     **error)
{
  g_autofree char *folder = NULL;

  g_return_val_if_fail (SL_IS_DATABASE (self), NULL);
  g_return_val_if_fail (self->depth > 0, NULL);

  folder = g_path_get_dirname (self->path);
  return sl_search_builder_new (self->db, folder, error);
}

/**
 * sl_database_hand_search_texts:
 * @builder: the index of this bulk write, built apart
 * @last: whether the bulk write is done: the triggers come back, as with
 *   sl_database_index_deferred()
 *
 * Between sl_database_defer_search_index() and the end of the bulk write:
 * the search texts of the meetings written since the last call, and the
 * meetings go to @builder to be indexed (sl-search-builder.c), beside the
 * writing rather than at the commit.
 */
gboolean
sl_database_hand_search_texts (SlDatabase       *self,
                               SlSearchBuilder  *builder,
                               gboolean          last,
                               GError          **error)
{
  int rc;

  g_return_val_if_fail (SL_IS_DATABASE (self), FALSE);
  g_return_val_if_fail (self->depth > 0, FALSE);

  rc = last ? sl_migrations_index_deferred (self->db) : sl_migrations_index_batch (self->db);
  if (rc == SQLITE_OK)
    rc = sl_search_builder_take_pending (builder, self->db);
  if (rc != SQLITE_OK)
    return sl_database_set_error (self, rc, error);
  return TRUE;
}

/**
 * sl_database_install_search_index:
 *
 * Makes the index that @builder built the ledger's, inside the current
 * transaction (sl_search_builder_install()). The ledger's index must have
 * been empty before the meetings handed over were written.
 */
gboolean
sl_database_install_search_index (SlDatabase       *self,
                                  SlSearchBuilder  *builder,
                                  GError          **error)
{
  g_return_val_if_fail (SL_IS_DATABASE (self), FALSE);
  g_return_val_if_fail (self->depth > 0, FALSE);

  return sl_search_builder_install (builder, self->db, error);
}

/**
 * sl_database_update_search_index:
 *
 * Before a search: indexes what other programs wrote into search_text
 * since this one last wrote (search_pending, sl-search-index.c), when
 * this connection may write and no transaction is open. Otherwise, and
 * when the ledger is busy, nothing: a search reads the queued meetings'
 * texts instead.
 */
gboolean
sl_database_update_search_index (SlDatabase  *self,
                                 GError     **error)
{
  g_return_val_if_fail (SL_IS_DATABASE (self), FALSE);

  if (self->read_only || !self->queued_index || self->depth > 0 ||
      !sl_search_index_has_pending (self->db))
    return TRUE;

  /* The commit drains the queue. */
  return sl_database_begin (self, error) && sl_database_commit (self, error);
}

/**
 * sl_database_set_write_ahead:
 * @write_ahead: FALSE before a bulk write into a ledger that holds nothing,
 *   TRUE after it
 *
 * With a write-ahead log every page is written twice, to the log at commit
 * and to the file at the checkpoint: 80 MB each for a ten-year import into
 * an empty ledger. A rollback journal saves the pages a transaction
 * changes, and an empty ledger has next to none: the import's pages are
 * written once, and a crash still leaves the ledger as it was. Only
 * possible outside a transaction and with no other connection to the file
 * (the window's, say); returns whether the journal is now as asked.
 */
gboolean
sl_database_set_write_ahead (SlDatabase *self,
                             gboolean    write_ahead)
{
  sqlite3_stmt *stmt = NULL;
  gboolean done = FALSE;

  g_return_val_if_fail (SL_IS_DATABASE (self), FALSE);
  g_return_val_if_fail (self->depth == 0, FALSE);

  if (sqlite3_prepare_v2 (self->db,
                          /* main's only: unqualified, the mode would go to every
                           * attached database too (sl-search-builder.c) */
                          write_ahead ? "PRAGMA main.journal_mode = WAL"
                                      : "PRAGMA main.journal_mode = DELETE",
                          -1, &stmt, NULL) == SQLITE_OK &&
      sqlite3_step (stmt) == SQLITE_ROW)
    done = g_ascii_strcasecmp ((const char *) sqlite3_column_text (stmt, 0),
                               write_ahead ? "wal" : "delete") == 0;
  sqlite3_finalize (stmt);

  return done;
}

/**
 * sl_database_backup:
 *
 * Copies the ledger with SQLite's online backup API into a temporary file
 * beside @destination, then renames it, so that a failed backup never
 * leaves a half file. The copy is created 0600.
 */
gboolean
sl_database_backup (SlDatabase  *self,
                    const char  *destination,
                    GError     **error)
{
  g_autofree char *temporary = NULL;
  sqlite3 *target = NULL;
  sqlite3_backup *backup;
  int fd;
  int rc;

  g_return_val_if_fail (SL_IS_DATABASE (self), FALSE);
  g_return_val_if_fail (destination != NULL, FALSE);

  if (!sl_check_output_path (destination, SL_DATABASE_ERROR, SL_DATABASE_ERROR_OPEN, error))
    return FALSE;

  temporary = g_strdup_printf ("%s.XXXXXX", destination);
  fd = g_mkstemp_full (temporary, O_RDWR | O_CLOEXEC, 0600);
  if (fd < 0)
    {
      int saved_errno = errno;
      g_set_error (error, SL_DATABASE_ERROR, SL_DATABASE_ERROR_OPEN,
                   _("Cannot write the backup %s: %s; choose a folder you may write to"),
                   destination, g_strerror (saved_errno));
      return FALSE;
    }
  close (fd);

  rc = sqlite3_open_v2 (temporary, &target, SQLITE_OPEN_READWRITE, NULL);
  if (rc == SQLITE_OK)
    {
      backup = sqlite3_backup_init (target, "main", self->db, "main");
      if (backup != NULL)
        {
          do
            rc = sqlite3_backup_step (backup, -1);
          while (rc == SQLITE_OK || rc == SQLITE_BUSY || rc == SQLITE_LOCKED);
          sqlite3_backup_finish (backup);
          if (rc == SQLITE_DONE)
            rc = SQLITE_OK;
        }
      else
        rc = sqlite3_errcode (target);
    }

  /* A backup is a single file: no WAL beside it. */
  if (rc == SQLITE_OK)
    rc = sqlite3_exec (target, "PRAGMA journal_mode = DELETE", NULL, NULL, NULL);

  if (rc != SQLITE_OK)
    {
      g_set_error (error, SL_DATABASE_ERROR, SL_DATABASE_ERROR_FAILED,
                   _("Cannot write the backup %s: %s"),
                   destination, target ? sqlite3_errmsg (target) : sqlite3_errstr (rc));
      sqlite3_close (target);
      g_unlink (temporary);
      return FALSE;
    }

  sqlite3_close (target);

  if (g_rename (temporary, destination) != 0)
    {
      int saved_errno = errno;
      g_set_error (error, SL_DATABASE_ERROR, SL_DATABASE_ERROR_OPEN,
                   _("Cannot write the backup %s: %s"),
                   destination, g_strerror (saved_errno));
      g_unlink (temporary);
      return FALSE;
    }

  return TRUE;
}

/**
 * sl_database_check:
 *
 * Runs SQLite's integrity check and foreign-key check. Returns the
 * problems found, one readable line each (empty when the ledger is sound),
 * or %NULL with @error set when the checks could not run.
 */
GPtrArray *
sl_database_check (SlDatabase  *self,
                   GError     **error)
{
  g_autoptr(GPtrArray) problems = g_ptr_array_new_with_free_func (g_free);
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (SL_IS_DATABASE (self), NULL);

  rc = sqlite3_prepare_v2 (self->db, "PRAGMA integrity_check", -1, &stmt, NULL);
  if (rc != SQLITE_OK)
    {
      sl_database_set_error (self, rc, error);
      return NULL;
    }
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      const char *line = (const char *) sqlite3_column_text (stmt, 0);
      if (g_strcmp0 (line, "ok") != 0)
        g_ptr_array_add (problems, g_strdup (line));
    }
  sqlite3_finalize (stmt);
  if (rc != SQLITE_DONE)
    {
      sl_database_set_error (self, rc, error);
      return NULL;
    }

  rc = sqlite3_prepare_v2 (self->db, "PRAGMA foreign_key_check", -1, &stmt, NULL);
  if (rc != SQLITE_OK)
    {
      sl_database_set_error (self, rc, error);
      return NULL;
    }
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (problems,
                     g_strdup_printf (_("table %s, row %lld: refers to a missing row of %s"),
                                      sqlite3_column_text (stmt, 0),
                                      (long long) sqlite3_column_int64 (stmt, 1),
                                      sqlite3_column_text (stmt, 2)));
  sqlite3_finalize (stmt);
  if (rc != SQLITE_DONE)
    {
      sl_database_set_error (self, rc, error);
      return NULL;
    }

  return g_steal_pointer (&problems);
}

/**
 * sl_database_set_mapped:
 *
 * Whether the connection reads the ledger file mapped (the default) or by
 * copy through SQLite's small page cache. Work that reads the whole file
 * once (the integrity check and `export-archive`) reads it by copy: each
 * mapped page counts in the process's memory to the end, the size of the
 * ledger at a hundred years.
 */
void
sl_database_set_mapped (SlDatabase *self,
                        gboolean    mapped)
{
  g_return_if_fail (SL_IS_DATABASE (self));

  sl_database_exec (self, mapped ? "PRAGMA mmap_size = " MMAP_SIZE : "PRAGMA mmap_size = 0", NULL);
}

/* Creating ----------------------------------------------------------------- */

/**
 * sl_database_create_temporary:
 * @path: where the new ledger is to be
 * @version: the schema to create (SL_SCHEMA_VERSION but in tests)
 *
 * Makes a complete, empty ledger under a hidden temporary name in @path's
 * folder (made 0700 when missing), closed: nobody else knows the name, so
 * a caller may also fill it (a first import) before
 * sl_database_link_into_place() gives it @path.
 *
 * Returns: the temporary file's path
 */
char *
sl_database_create_temporary (const char  *path,
                              int          version,
                              GError     **error)
{
  g_autofree char *folder = g_path_get_dirname (path);
  g_autofree char *base = g_path_get_basename (path);
  g_autofree char *name = g_strdup_printf (".%s.new-XXXXXX", base);
  g_autofree char *temporary = g_build_filename (folder, name, NULL);
  g_autoptr(SlDatabase) db = NULL;
  int fd;

  if (g_mkdir_with_parents (folder, 0700) != 0)
    {
      int saved_errno = errno;
      g_set_error (error, SL_DATABASE_ERROR, SL_DATABASE_ERROR_OPEN,
                   _("Cannot create the folder %s: %s; choose another place for the ledger"),
                   folder, g_strerror (saved_errno));
      return NULL;
    }

  fd = g_mkstemp_full (temporary, O_RDWR | O_CLOEXEC, 0600);
  if (fd < 0)
    {
      int saved_errno = errno;
      g_set_error (error, SL_DATABASE_ERROR, SL_DATABASE_ERROR_OPEN,
                   _("Cannot create the ledger %s: %s; choose a folder you may write to"),
                   path, g_strerror (saved_errno));
      return NULL;
    }
  close (fd);

  db = sl_database_open_at_version (temporary, version, error);
  if (db == NULL)
    {
      g_prefix_error (error, _("Cannot create the ledger %s: "), path);
      sl_database_discard_temporary (temporary);
      return NULL;
    }

  return g_steal_pointer (&temporary);
}
