/* sl-archive-ids.c — every id of an archive being read, kept on disk
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The import refuses a file in which two records have the same id, and
 * says where the first one was; references to meetings are checked once
 * the whole file is read. So every id of the file is kept with its path
 * ("meetings[12].studies[1]") while the file is read: 300,000 of them at
 * a hundred years, 40 MiB in a hash table of strings, the one part of the
 * import's memory that still grew with the archive. They are kept in a
 * private temporary database of SQLite instead (a file unlinked as soon as
 * it is made), whose page cache is bounded: memory stays the same whatever
 * the size of the file, and each id costs one insertion into a B-tree.
 * The ids are UUIDs, checked before they get here, stored as their 16
 * bytes.
 *
 * One thread at a time: the import's thread reads the head of the file,
 * then the reading thread the meetings, then the import's thread checks
 * the references (sl-archive-import.c).
 */

#define G_LOG_DOMAIN "sl-archive"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <sqlite3.h>

#include "sl-archive-ids.h"
#include "sl-archive-types.h"

struct _SlArchiveIds
{
  sqlite3      *db;
  sqlite3_stmt *insert;
  sqlite3_stmt *find;
};

/* Bounded, whatever the file: a fraction of the table at a hundred years
 * (about 15 MB), enough for the upper levels of the B-tree. */
#define CACHE_KIB "2048"

static gboolean
failed (SlArchiveIds  *self,
        GError       **error)
{
  g_set_error (error, SL_ARCHIVE_ERROR, SL_ARCHIVE_ERROR_READ,
               _("Cannot keep the archive's ids in a temporary file: %s; "
                 "free some space in the temporary folder and import again"),
               self->db != NULL ? sqlite3_errmsg (self->db) : "out of memory");
  return FALSE;
}

SlArchiveIds *
sl_archive_ids_new (GError **error)
{
  g_autoptr(SlArchiveIds) self = g_new0 (SlArchiveIds, 1);

  /* "": a private database in a temporary file, gone when closed. The
   * journal is not needed: the table lives as long as the import. */
  if (sqlite3_open_v2 ("", &self->db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, NULL) != SQLITE_OK ||
      sqlite3_exec (self->db,
                    "PRAGMA journal_mode = OFF;"
                    "PRAGMA synchronous = OFF;"
                    "PRAGMA cache_size = -" CACHE_KIB ";"
                    "CREATE TABLE ids (id BLOB PRIMARY KEY, kind INTEGER NOT NULL, path TEXT NOT NULL)"
                    "  WITHOUT ROWID;"
                    "BEGIN;",
                    NULL, NULL, NULL) != SQLITE_OK ||
      sqlite3_prepare_v2 (self->db, "INSERT INTO ids (id, kind, path) VALUES (?1, ?2, ?3)"
                          " ON CONFLICT (id) DO NOTHING",
                          -1, &self->insert, NULL) != SQLITE_OK ||
      sqlite3_prepare_v2 (self->db, "SELECT kind, path FROM ids WHERE id = ?1", -1, &self->find,
                          NULL) != SQLITE_OK)
    {
      failed (self, error);
      return NULL;
    }

  return g_steal_pointer (&self);
}

void
sl_archive_ids_free (SlArchiveIds *self)
{
  if (self == NULL)
    return;
  sqlite3_finalize (self->insert);
  sqlite3_finalize (self->find);
  sqlite3_close (self->db);   /* the transaction and the file go with it */
  g_free (self);
}

/* The 16 bytes of a UUID's text (checked by sl_is_uuid()), or of any
 * other text its first 16 bytes and its length. */
static gsize
uuid_bytes (const char *id,
            guint8      bytes[16])
{
  gsize n = 0;
  int high = -1;

  for (const char *p = id; *p != '\0'; p++)
    {
      int digit = g_ascii_xdigit_value (*p);

      if (*p == '-')
        continue;
      if (digit < 0 || n == 16)
        return 0;
      if (high < 0)
        high = digit;
      else
        {
          bytes[n++] = (guint8) (high << 4 | digit);
          high = -1;
        }
    }
  return n == 16 && high < 0 ? 16 : 0;
}

static void
bind_id (sqlite3_stmt *stmt,
         const char   *id)
{
  guint8 bytes[16];

  /* Not a UUID (the reader checks before): the text itself, which no
   * 16-byte key can equal. */
  if (uuid_bytes (id, bytes) == 16)
    sqlite3_bind_blob (stmt, 1, bytes, 16, SQLITE_TRANSIENT);
  else
    sqlite3_bind_text (stmt, 1, id, -1, SQLITE_TRANSIENT);
}

/**
 * sl_archive_ids_add:
 * @kind: what references to the record are (a RefKind)
 * @where: the record's path in the file
 * @other: (out): on SL_ARCHIVE_IDS_DUPLICATE, the path of the record
 *   that has @id already
 *
 * Notes that the record at @where has @id, unless one has it already.
 */
SlArchiveIdsResult
sl_archive_ids_add (SlArchiveIds  *self,
                    const char    *id,
                    int            kind,
                    const char    *where,
                    char         **other,
                    GError       **error)
{
  int rc;

  bind_id (self->insert, id);
  sqlite3_bind_int (self->insert, 2, kind);
  sqlite3_bind_text (self->insert, 3, where, -1, SQLITE_STATIC);
  rc = sqlite3_step (self->insert);
  sqlite3_reset (self->insert);
  sqlite3_clear_bindings (self->insert);
  if (rc != SQLITE_DONE)
    {
      failed (self, error);
      return SL_ARCHIVE_IDS_FAILED;
    }
  if (sqlite3_changes (self->db) == 1)
    return SL_ARCHIVE_IDS_NEW;

  bind_id (self->find, id);
  if (sqlite3_step (self->find) == SQLITE_ROW)
    *other = g_strdup ((const char *) sqlite3_column_text (self->find, 1));
  else
    *other = g_strdup ("?");
  sqlite3_reset (self->find);
  return SL_ARCHIVE_IDS_DUPLICATE;
}

/* Whether a record of @kind in the file has @id. */
gboolean
sl_archive_ids_has (SlArchiveIds *self,
                    const char   *id,
                    int           kind)
{
  gboolean found;

  bind_id (self->find, id);
  found = sqlite3_step (self->find) == SQLITE_ROW && sqlite3_column_int (self->find, 0) == kind;
  sqlite3_reset (self->find);
  return found;
}
