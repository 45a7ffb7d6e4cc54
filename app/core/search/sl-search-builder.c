/* sl-search-builder.c — the search index of a bulk write, built apart
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * An archive imported into an empty ledger writes every meeting, and
 * search_index must then take in every meeting's text: FTS5 cutting the
 * texts into words, sorting them and merging its segments, a third of
 * the import's work, all of it on the one connection that writes the
 * rows, after them (docs/performance.md). Here the index is built beside
 * the rows instead: in a database of its own, a temporary file beside the
 * ledger with the same FTS5 table, by a thread of its own with a connection of its own,
 * fed the meetings' texts as the import writes them. At the end its
 * pages are copied into the ledger's index, which was empty, inside the
 * import's transaction: the ledger gets an index of the same texts (the
 * same pages, but for how often segments were merged), and a rollback
 * leaves no trace of it. Should the thread fail (the ledger's disk full,
 * say), the ledger's connection builds the index from the texts instead,
 * the slow way: the import does not fail for it.
 *
 * The ledger's connection keeps a cache of its index's structure, which
 * the copied pages would make stale: FTS5's 'delete-all' drops it (and
 * the cached totals) before the pages are replaced, so that the next read
 * of the index, in this transaction or after it, reads the copied ones.
 *
 * The queue between the two threads is bounded (QUEUE_BYTES): memory does
 * not grow with the archive when the index falls behind.
 */

#define G_LOG_DOMAIN "sl-search"

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <unistd.h>

#include "sl-cjk-tokenizer.h"
#include "sl-database-errors.h"
#include "sl-search-builder.h"
#include "sl-search-index.h"

/* Texts waiting for the index thread, at most: a few hundred meetings. */
#define QUEUE_BYTES (2 * 1024 * 1024)

/* The name under which the ledger's connection reads the built index. */
#define APART "sl_search_apart"

typedef struct
{
  sqlite3_int64  rowid;
  char          *old_body;   /* what the index holds of the meeting, or NULL */
  char          *body;       /* what it is to hold, or NULL */
  gsize          size;
} Item;

struct _SlSearchBuilder
{
  char     *path;          /* the database apart, named until attached */
  sqlite3  *db;            /* its connection, the thread's while it runs */
  GThread  *thread;

  GMutex    lock;
  GCond     cond;
  GQueue    items;         /* Item *, under lock */
  gsize     queued;        /* their bytes of text */
  gboolean  done;          /* nothing more will be queued */
  gboolean  cancelled;

  int       rc;            /* the thread's first failure */
  char     *message;

  sqlite3  *attached_to;   /* the ledger's connection, which reads it as APART */
};

static void
item_free (Item *item)
{
  g_free (item->old_body);
  g_free (item->body);
  g_free (item);
}

static int
step_item (sqlite3_stmt  *stmt,
           sqlite3_int64  rowid,
           const char    *text)
{
  int rc;

  sqlite3_bind_int64 (stmt, 1, rowid);
  sqlite3_bind_text (stmt, 2, text, -1, SQLITE_STATIC);
  rc = sqlite3_step (stmt);
  sqlite3_reset (stmt);
  sqlite3_clear_bindings (stmt);
  return rc == SQLITE_DONE ? SQLITE_OK : rc;
}

/* Takes each queued meeting out of the index with the text it had, and
 * in with the text it has, as sl_search_index_drain() does. */
static gpointer
build_thread (gpointer data)
{
  SlSearchBuilder *self = data;
  sqlite3_stmt *insert = NULL, *remove = NULL;
  int rc;

  rc = sqlite3_prepare_v2 (self->db, "INSERT INTO search_index (rowid, body) VALUES (?1, ?2)",
                           -1, &insert, NULL);
  if (rc == SQLITE_OK)
    rc = sqlite3_prepare_v2 (self->db,
                             "INSERT INTO search_index (search_index, rowid, body)"
                             " VALUES ('delete', ?1, ?2)",
                             -1, &remove, NULL);

  for (;;)
    {
      Item *item;

      g_mutex_lock (&self->lock);
      while (g_queue_is_empty (&self->items) && !self->done && !self->cancelled)
        g_cond_wait (&self->cond, &self->lock);
      item = self->cancelled ? NULL : g_queue_pop_head (&self->items);
      g_mutex_unlock (&self->lock);
      if (item == NULL)
        break;

      if (rc == SQLITE_OK && item->old_body != NULL)
        rc = step_item (remove, item->rowid, item->old_body);
      if (rc == SQLITE_OK && item->body != NULL)
        rc = step_item (insert, item->rowid, item->body);

      g_mutex_lock (&self->lock);
      self->queued -= item->size;
      if (rc != SQLITE_OK && self->rc == SQLITE_OK)
        {
          self->rc = rc;
          self->message = g_strdup (sqlite3_errmsg (self->db));
        }
      g_cond_broadcast (&self->cond);
      g_mutex_unlock (&self->lock);
      item_free (item);
    }

  sqlite3_finalize (insert);
  sqlite3_finalize (remove);
  g_mutex_lock (&self->lock);
  if (rc == SQLITE_OK && !self->cancelled)
    rc = sqlite3_exec (self->db, "COMMIT", NULL, NULL, NULL);
  if (rc != SQLITE_OK && self->rc == SQLITE_OK)
    {
      self->rc = rc;
      self->message = g_strdup (sqlite3_errmsg (self->db));
    }
  g_mutex_unlock (&self->lock);
  return NULL;
}

static void
set_error (GError    **error,
           const char *message)
{
  g_set_error (error, SL_DATABASE_ERROR, SL_DATABASE_ERROR_FAILED,
               _("Cannot build the search index: %s"),
               message);
}

static gboolean
attach (SlSearchBuilder *self,
        sqlite3         *db)
{
  sqlite3_stmt *stmt = NULL;
  int rc;

  rc = sqlite3_prepare_v2 (db, "ATTACH DATABASE ?1 AS " APART, -1, &stmt, NULL);
  if (rc == SQLITE_OK)
    {
      sqlite3_bind_text (stmt, 1, self->path, -1, SQLITE_STATIC);
      rc = sqlite3_step (stmt);
    }
  sqlite3_finalize (stmt);
  if (rc != SQLITE_DONE)
    return FALSE;
  self->attached_to = db;
  return TRUE;
}

/**
 * sl_search_builder_new:
 *
 * @db: the ledger's connection, inside the transaction of a bulk write
 *   into an empty ledger
 * @folder: the ledger's folder
 *
 * Starts an empty index apart, in a temporary file that @db attaches
 * (and sl_search_builder_free() detaches, after the transaction), and the
 * thread that fills it.
 *
 * Returns: (transfer full) (nullable): the builder, or %NULL with @error set
 */
SlSearchBuilder *
sl_search_builder_new (sqlite3     *db,
                       const char  *folder,
                       GError     **error)
{
  g_autoptr(SlSearchBuilder) self = g_new0 (SlSearchBuilder, 1);
  g_autoptr(GError) local_error = NULL;
  int fd;

  g_mutex_init (&self->lock);
  g_cond_init (&self->cond);
  g_queue_init (&self->items);

  /* Beside the ledger, where the index is going anyway: not in a
   * temporary folder that may be small, or in memory. */
  self->path = g_build_filename (folder, ".study-ledger-index-XXXXXX", NULL);
  fd = g_mkstemp_full (self->path, O_RDWR | O_CLOEXEC, 0600);
  if (fd < 0)
    {
      int saved = errno;

      g_clear_pointer (&self->path, g_free);
      set_error (error, g_strerror (saved));
      return NULL;
    }
  close (fd);

  /* Only this program's threads use the file, and only while it lasts:
   * no journal, no waiting for the disk. */
  if (sqlite3_open_v2 (self->path, &self->db,
                       SQLITE_OPEN_READWRITE | SQLITE_OPEN_NOFOLLOW | SQLITE_OPEN_EXRESCODE,
                       NULL) != SQLITE_OK ||
      sl_cjk_tokenizer_register (self->db) != SQLITE_OK ||
      sqlite3_exec (self->db,
                    "PRAGMA journal_mode = OFF;"
                    "PRAGMA synchronous = OFF;"
                    "PRAGMA locking_mode = NORMAL;"
                    SL_SEARCH_INDEX_TABLE_SQL ";"
                    /* Segments merged sixteen at a time rather than four:
                     * a third less work for the same rows, for a few more
                     * segments, which the ledger's own writes merge as
                     * usual (the setting stays here, docs/performance.md). */
                    "INSERT INTO search_index (search_index, rank) VALUES ('automerge', 16);"
                    "BEGIN;",
                    NULL, NULL, NULL) != SQLITE_OK)
    {
      set_error (error, self->db != NULL ? sqlite3_errmsg (self->db) : g_strerror (ENOMEM));
      return NULL;
    }

  /* The ledger's connection opens the file now, inside its transaction,
   * to read it at the end: with both connections holding it, its name
   * can go, so that nothing is left of it even if the program is killed. */
  if (!attach (self, db))
    {
      set_error (error, sqlite3_errmsg (db));
      return NULL;
    }
  g_unlink (self->path);

  self->thread = g_thread_try_new ("sl-search-apart", build_thread, self, &local_error);
  if (self->thread == NULL)
    {
      set_error (error, local_error->message);
      return NULL;   /* detached by sl_search_builder_free(): not read yet */
    }
  return g_steal_pointer (&self);
}

/* Queues a meeting; waits while the queue is full. */
static void
push (SlSearchBuilder *self,
      Item            *item)
{
  g_mutex_lock (&self->lock);
  while (self->queued > QUEUE_BYTES && !self->cancelled)
    g_cond_wait (&self->cond, &self->lock);
  self->queued += item->size;
  g_queue_push_tail (&self->items, item);
  g_cond_broadcast (&self->cond);
  g_mutex_unlock (&self->lock);
}

/**
 * sl_search_builder_take_pending:
 * @db: the ledger's connection, inside the transaction that writes
 *
 * Hands the meetings queued for the ledger's index (search_pending,
 * sl-search-index.c) to the index apart instead, in meeting order, and
 * empties the queue.
 *
 * Returns: an SQLite result code
 */
int
sl_search_builder_take_pending (SlSearchBuilder *self,
                                sqlite3         *db)
{
  sqlite3_stmt *stmt = NULL;
  int rc;

  g_return_val_if_fail (self != NULL && self->thread != NULL, SQLITE_MISUSE);

  /* After a failure the thread takes no more: the index is then built
   * from search_text at the end (sl_search_builder_install()). */
  g_mutex_lock (&self->lock);
  rc = self->rc;
  g_mutex_unlock (&self->lock);
  if (rc != SQLITE_OK)
    return sqlite3_exec (db, "DELETE FROM search_pending", NULL, NULL, NULL);

  rc = sqlite3_prepare_v2 (db,
                           "SELECT p.meeting_id, p.old_body, t.body FROM search_pending p"
                           "  LEFT JOIN search_text t ON t.meeting_id = p.meeting_id"
                           "  ORDER BY p.meeting_id",
                           -1, &stmt, NULL);
  while (rc == SQLITE_OK && (rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      Item *item = g_new0 (Item, 1);

      item->rowid = sqlite3_column_int64 (stmt, 0);
      item->old_body = g_strdup ((const char *) sqlite3_column_text (stmt, 1));
      item->body = g_strdup ((const char *) sqlite3_column_text (stmt, 2));
      item->size = sizeof *item + sqlite3_column_bytes (stmt, 1) + sqlite3_column_bytes (stmt, 2);
      push (self, item);
      rc = SQLITE_OK;
    }
  sqlite3_finalize (stmt);
  if (rc == SQLITE_DONE)
    rc = sqlite3_exec (db, "DELETE FROM search_pending", NULL, NULL, NULL);
  return rc;
}

/* The ledger's index was empty: it becomes the one built apart, page for
 * page. 'delete-all' first, for the connection's cached structure. Not
 * the settings (search_index_config): the ledger keeps its own, and FTS5
 * reads them again since the copied structure names other ones. */
static const char install_sql[] =
  "INSERT INTO main.search_index (search_index) VALUES ('delete-all');"
  "DELETE FROM main.search_index_data;"
  "INSERT INTO main.search_index_data SELECT * FROM " APART ".search_index_data;"
  "DELETE FROM main.search_index_idx;"
  "INSERT INTO main.search_index_idx SELECT * FROM " APART ".search_index_idx;"
  "DELETE FROM main.search_index_docsize;"
  "INSERT INTO main.search_index_docsize SELECT * FROM " APART ".search_index_docsize;";

/* For the tests: how many indexes built apart were installed. */
static guint installs;

guint
sl_search_builder_get_installs (void)
{
  return g_atomic_int_get (&installs);
}

/* Whether the ledger's index holds no meeting. */
static int
index_is_empty (sqlite3  *db,
                gboolean *empty)
{
  sqlite3_stmt *stmt = NULL;
  int rc;

  rc = sqlite3_prepare_v2 (db, "SELECT NOT EXISTS (SELECT 1 FROM main.search_index_docsize)",
                           -1, &stmt, NULL);
  if (rc == SQLITE_OK && (rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      *empty = sqlite3_column_int (stmt, 0) != 0;
      rc = SQLITE_OK;
    }
  sqlite3_finalize (stmt);
  return rc;
}

/**
 * sl_search_builder_install:
 * @db: the ledger's connection, inside the transaction that wrote the
 *   meetings handed over
 *
 * Waits for the index apart to take in every meeting handed over, then
 * makes it the ledger's index. sl_search_builder_free() must come after
 * the transaction ends, committed or rolled back.
 */
gboolean
sl_search_builder_install (SlSearchBuilder  *self,
                           sqlite3          *db,
                           GError          **error)
{
  gboolean empty = FALSE;
  int rc;

  g_return_val_if_fail (self != NULL && self->thread != NULL, FALSE);

  g_mutex_lock (&self->lock);
  self->done = TRUE;
  g_cond_broadcast (&self->cond);
  g_mutex_unlock (&self->lock);
  g_clear_pointer (&self->thread, g_thread_join);
  g_clear_pointer (&self->db, sqlite3_close);

  if (db != self->attached_to)
    {
      set_error (error, "not the connection that started it");
      return FALSE;
    }

  rc = index_is_empty (db, &empty);
  if (rc == SQLITE_OK && self->rc == SQLITE_OK && empty)
    rc = sqlite3_exec (db, install_sql, NULL, NULL, NULL);
  else if (rc == SQLITE_OK)
    {
      /* The thread failed (its disk full, say), or the index held
       * meetings already, which only a damaged ledger could: built from
       * every meeting's text instead, the slow way. */
      if (self->rc != SQLITE_OK)
        g_warning ("The search index could not be built apart (%s): built from the texts instead",
                   self->message);
      else
        g_warning ("The search index held meetings before the import: built again from the texts");
      rc = sqlite3_exec (db, "INSERT INTO main.search_index (search_index) VALUES ('rebuild')",
                         NULL, NULL, NULL);
    }

  if (rc != SQLITE_OK)
    {
      set_error (error, sqlite3_errmsg (db));
      return FALSE;
    }
  if (self->rc == SQLITE_OK && empty)
    g_atomic_int_inc (&installs);
  return TRUE;
}

/**
 * sl_search_builder_free:
 *
 * Stops the thread if it still runs, and removes the index apart. After
 * the transaction of sl_search_builder_install(), if it was called: the
 * ledger's connection can only let go of the file between transactions.
 */
void
sl_search_builder_free (SlSearchBuilder *self)
{
  Item *item;

  if (self == NULL)
    return;

  if (self->thread != NULL)
    {
      g_mutex_lock (&self->lock);
      self->cancelled = TRUE;
      g_cond_broadcast (&self->cond);
      g_mutex_unlock (&self->lock);
      g_clear_pointer (&self->thread, g_thread_join);
    }
  while ((item = g_queue_pop_head (&self->items)) != NULL)
    item_free (item);

  if (self->attached_to != NULL &&
      sqlite3_exec (self->attached_to, "DETACH DATABASE " APART, NULL, NULL, NULL) != SQLITE_OK)
    g_warning ("The search index built apart stays attached: %s", sqlite3_errmsg (self->attached_to));
  g_clear_pointer (&self->db, sqlite3_close);   /* an unfinished index is rolled back */
  if (self->attached_to == NULL && self->path != NULL)
    g_unlink (self->path);                       /* not attached: still named */

  g_free (self->path);
  g_free (self->message);
  g_mutex_clear (&self->lock);
  g_cond_clear (&self->cond);
  g_free (self);
}
