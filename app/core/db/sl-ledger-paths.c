/* sl-ledger-paths.c — the files that make up a ledger, and making one
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A ledger is more than its file: SQLite keeps FILE-wal, FILE-shm and
 * FILE-journal beside it, and sl-backups.c keeps the day's copies in a
 * folder of their own. An export, an archive or a backup written over any
 * of these destroys records, so every output path is compared with them
 * first — by device and inode, after resolving links, since a name can
 * reach the same file in many ways (a symlink, a hard link, "./", "..").
 *
 * A new ledger is made complete under a temporary name beside its place
 * (schema written, connection closed) and only then given its name, with
 * an operation that never replaces a file (renameat2 RENAME_NOREPLACE, or
 * link()). So no other process ever sees a half-made ledger, two processes
 * making the same ledger cannot both write its schema, and one that fails
 * or is killed leaves no ledger behind, only its own temporary file
 * (sl_database_create_temporary() in sl-database-maintenance.c makes it:
 * it opens an SlDatabase, and this file is below sl-database.c).
 */

#define _GNU_SOURCE 1
#define G_LOG_DOMAIN "sl-database"

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "sl-ledger-paths.h"

G_DEFINE_QUARK (sl-paths-error-quark, sl_paths_error)

/* The ledger the window and a command without --database open. */
char *
sl_database_default_path (void)
{
  return g_build_filename (g_get_user_data_dir (), "study-ledger", "ledger.db", NULL);
}

/**
 * sl_backups_folder_for:
 * @database_path: (nullable): the ledger file, %NULL for the default one
 *
 * Returns: the folder that holds @database_path's backups
 */
char *
sl_backups_folder_for (const char *database_path)
{
  g_autofree char *default_path = sl_database_default_path ();
  g_autofree char *stem = NULL;
  g_autofree char *base = NULL;
  g_autofree char *dir = NULL;

  if (database_path == NULL || g_strcmp0 (database_path, default_path) == 0)
    return g_build_filename (g_get_user_data_dir (), "study-ledger", "backups", NULL);

  dir = g_path_get_dirname (database_path);
  base = g_path_get_basename (database_path);
  if (g_str_has_suffix (base, ".db") && strlen (base) > 3)
    stem = g_strndup (base, strlen (base) - 3);
  else
    stem = g_strdup (base);

  return g_strdup_printf ("%s%s%s-backups", dir, G_DIR_SEPARATOR_S, stem);
}

static const char * const companions[] = { "", "-wal", "-shm", "-journal" };

static gboolean
same_file (const struct stat *a,
           const struct stat *b)
{
  return a->st_dev == b->st_dev && a->st_ino == b->st_ino;
}

/* realpath() of @path; NULL (errno set) when it cannot be resolved. */
static char *
real_path (const char *path)
{
  char *resolved = realpath (path, NULL);
  char *copy;

  if (resolved == NULL)
    return NULL;
  copy = g_strdup (resolved);
  free (resolved);
  return copy;
}

/**
 * sl_database_resolve_path:
 *
 * The file that @path names: itself, or where its symbolic links lead. A
 * path that does not exist is returned as it is (a new ledger is made
 * there); a link that leads nowhere is an error that names both ends.
 */
char *
sl_database_resolve_path (const char  *path,
                          GError     **error)
{
  struct stat info;
  char *resolved;

  g_return_val_if_fail (path != NULL, NULL);

  if (g_lstat (path, &info) != 0 || !S_ISLNK (info.st_mode))
    {
      /* A folder on the way may be a link (a home reached through one):
       * SQLite, told to follow no link, would refuse the whole path. */
      g_autofree char *folder = g_path_get_dirname (path);
      g_autofree char *name = g_path_get_basename (path);
      g_autofree char *absolute = g_canonicalize_filename (folder, NULL);
      g_autofree char *real_folder = real_path (folder);

      if (real_folder != NULL && g_strcmp0 (real_folder, absolute) != 0)
        return g_build_filename (real_folder, name, NULL);
      return g_strdup (path);
    }

  resolved = real_path (path);
  if (resolved == NULL)
    {
      int saved_errno = errno;
      g_autofree char *target = g_file_read_link (path, NULL);

      g_set_error (error, SL_PATHS_ERROR, SL_PATHS_ERROR_DANGLING,
                   _("%s is a link to %s, which cannot be opened (%s); "
                     "point the link at the ledger, or name the ledger file itself"),
                   path, target ? target : "?", g_strerror (saved_errno));
      return NULL;
    }

  return resolved;
}

/* The folder @path would be created in, resolved, and its own name. */
static gboolean
resolve_parent (const char   *path,
                struct stat  *folder,
                char        **name)
{
  g_autofree char *dir = g_path_get_dirname (path);
  g_autofree char *real = real_path (dir);

  if (real == NULL || stat (real, folder) != 0)
    return FALSE;

  *name = g_path_get_basename (path);
  return TRUE;
}

/* Whether @target (existing: @info; or to be made as @name in @folder)
 * is one of the files of the ledger whose resolved path is @ledger. */
static gboolean
is_ledger_file (const char        *ledger,
                const struct stat *info,
                const struct stat *folder,
                const char        *name)
{
  g_autofree char *base = g_path_get_basename (ledger);
  g_autofree char *dir = g_path_get_dirname (ledger);
  struct stat ledger_folder;

  for (guint i = 0; i < G_N_ELEMENTS (companions); i++)
    {
      g_autofree char *file = g_strconcat (ledger, companions[i], NULL);
      g_autofree char *file_name = g_strconcat (base, companions[i], NULL);
      struct stat each;

      if (info != NULL && stat (file, &each) == 0 && same_file (info, &each))
        return TRUE;
      if (folder != NULL && g_str_equal (name, file_name) &&
          stat (dir, &ledger_folder) == 0 && same_file (folder, &ledger_folder))
        return TRUE;
    }

  return FALSE;
}

/* Whether @target is in (or a hard link to a file in) @backups. */
static gboolean
is_in_folder (const char        *backups,
              const struct stat *info,
              const struct stat *folder)
{
  struct stat backups_info;
  g_autoptr(GDir) dir = NULL;
  const char *name;

  if (stat (backups, &backups_info) != 0)
    return FALSE;
  if (folder != NULL && same_file (folder, &backups_info))
    return TRUE;
  if (info == NULL || (dir = g_dir_open (backups, 0, NULL)) == NULL)
    return FALSE;

  while ((name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *file = g_build_filename (backups, name, NULL);
      struct stat each;

      if (stat (file, &each) == 0 && same_file (info, &each))
        return TRUE;
    }

  return FALSE;
}

/* Whether @path starts with SQLite's header string. */
static gboolean
is_sqlite_file (const char *path)
{
  static const char header[16] = "SQLite format 3";
  char first[16] = { 0 };
  FILE *file = g_fopen (path, "rb");
  gboolean sqlite;

  if (file == NULL)
    return FALSE;
  sqlite = fread (first, 1, sizeof first, file) == sizeof first &&
           memcmp (first, header, sizeof header) == 0;
  fclose (file);
  return sqlite;
}

/**
 * sl_database_check_output_path:
 * @ledger_path: the open ledger
 * @output: a file about to be written (an export, an archive, a backup)
 *
 * Refuses an @output that is the ledger, its -wal, -shm or -journal, or a
 * file in its backup folder, however it is named: files that exist are
 * compared by device and inode (through links, hard links included), one
 * to be made by its resolved folder and its name.
 */
gboolean
sl_database_check_output_path (const char  *ledger_path,
                               const char  *output,
                               GError     **error)
{
  g_autofree char *ledger = NULL;
  g_autofree char *backups = NULL;
  g_autofree char *real_backups = NULL;
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  struct stat link_info;

  g_return_val_if_fail (ledger_path != NULL, FALSE);
  g_return_val_if_fail (output != NULL, FALSE);

  ledger = real_path (ledger_path);
  if (ledger == NULL)
    ledger = g_strdup (ledger_path);
  backups = sl_backups_folder_for (ledger_path);
  real_backups = sl_backups_folder_for (ledger);

  /* The name itself, and where a link that leads nowhere yet points:
   * writing through it would create that file. */
  g_ptr_array_add (names, g_strdup (output));
  if (g_lstat (output, &link_info) == 0 && S_ISLNK (link_info.st_mode))
    {
      g_autofree char *target = g_file_read_link (output, NULL);

      if (target != NULL)
        {
          g_autofree char *dir = g_path_get_dirname (output);
          g_ptr_array_add (names, g_path_is_absolute (target)
                                  ? g_strdup (target)
                                  : g_build_filename (dir, target, NULL));
        }
    }

  for (guint i = 0; i < names->len; i++)
    {
      const char *each = g_ptr_array_index (names, i);
      g_autofree char *name = NULL;
      struct stat info, folder;
      gboolean exists = stat (each, &info) == 0;
      gboolean placed = resolve_parent (each, &folder, &name);
      g_autofree char *real = exists ? real_path (each) : NULL;

      /* An existing file's own folder is where its links lead. */
      if (real != NULL)
        {
          g_clear_pointer (&name, g_free);
          placed = resolve_parent (real, &folder, &name);
        }

      if (is_ledger_file (ledger, exists ? &info : NULL, placed ? &folder : NULL, name))
        {
          g_set_error (error, SL_PATHS_ERROR, SL_PATHS_ERROR_IS_LEDGER,
                       _("%s is the ledger %s itself or one of its files, and will not be "
                         "written over; choose another file name"),
                       output, ledger_path);
          return FALSE;
        }

      /* A ledger or a backup the user named herself is found by its
       * first bytes: no document, archive or backup replaces one. */
      if (exists && S_ISREG (info.st_mode) && is_sqlite_file (each))
        {
          g_set_error (error, SL_PATHS_ERROR, SL_PATHS_ERROR_IS_LEDGER,
                       _("%s is a ledger or a backup (an SQLite database), and will not be "
                         "written over; choose another file name"),
                       output);
          return FALSE;
        }

      if (is_in_folder (backups, exists ? &info : NULL, placed ? &folder : NULL) ||
          is_in_folder (real_backups, exists ? &info : NULL, placed ? &folder : NULL))
        {
          g_set_error (error, SL_PATHS_ERROR, SL_PATHS_ERROR_IS_LEDGER,
                       _("%s is in the backup folder %s of the ledger, and will not be "
                         "written there; choose another folder"),
                       output, backups);
          return FALSE;
        }
    }

  return TRUE;
}

static guint32
read_be32 (const guint8 *bytes)
{
  return ((guint32) bytes[0] << 24) | ((guint32) bytes[1] << 16) |
         ((guint32) bytes[2] << 8) | bytes[3];
}

static gboolean
has_content (const char *path,
             const char *suffix)
{
  g_autofree char *file = g_strconcat (path, suffix, NULL);
  struct stat info;

  return stat (file, &info) == 0 && info.st_size > 0;
}

/**
 * sl_database_check_header:
 *
 * Looks at the first 100 bytes of an SQLite file for the damage that makes
 * SQLite call it "not a database" or "malformed": a file cut short, a page
 * size that is no page size. A journal or a write-ahead log beside it may
 * explain a short file (SQLite completes or undoes the change), so then
 * only the header is judged. Files that are not SQLite pass: saying so is
 * the opener's business.
 *
 * The bytes are read through @db's own file handle, never through a
 * descriptor of our own: closing any descriptor of a file drops every
 * POSIX lock this process holds on it, and with them the locks of the
 * process's other connections to the ledger (the window's), which would
 * then write into a log that another program has already deleted.
 */
gboolean
sl_database_check_header (sqlite3     *db,
                          const char  *path,
                          GError     **error)
{
  static const char magic[16] = "SQLite format 3";
  guint8 header[100] = { 0 };
  sqlite3_file *file = NULL;
  GStatBuf info;
  gssize got;
  guint32 page_size;
  guint32 pages;
  gint64 expected = 0;
  int rc;

  if (db == NULL ||
      sqlite3_file_control (db, "main", SQLITE_FCNTL_FILE_POINTER, &file) != SQLITE_OK ||
      file == NULL || file->pMethods == NULL || g_stat (path, &info) != 0)
    return TRUE;

  /* A short read fills the rest with zeros; the size says how much is real. */
  rc = file->pMethods->xRead (file, header, sizeof header, 0);
  if (rc != SQLITE_OK && rc != SQLITE_IOERR_SHORT_READ)
    return TRUE;
  got = MIN ((gint64) sizeof header, (gint64) info.st_size);

  if (got < (gssize) sizeof magic || memcmp (header, magic, sizeof magic) != 0)
    return TRUE;

  page_size = ((guint32) header[16] << 8) | header[17];
  if (page_size == 1)
    page_size = 65536;
  pages = read_be32 (header + 28);
  if (pages != 0 && read_be32 (header + 24) == read_be32 (header + 92))
    expected = (gint64) pages * page_size;

  if (got < (gssize) sizeof header ||
      page_size < 512 || (page_size & (page_size - 1)) != 0)
    {
      g_set_error (error, SL_PATHS_ERROR, SL_PATHS_ERROR_DAMAGED,
                   _("%s is a damaged ledger: its header is cut short or broken; "
                     "it was left untouched. Put a backup back in its place (study-ledger restore)"),
                   path);
      return FALSE;
    }

  if (has_content (path, "-journal") || has_content (path, "-wal"))
    return TRUE;

  if (info.st_size % page_size != 0 || info.st_size < expected)
    {
      g_set_error (error, SL_PATHS_ERROR, SL_PATHS_ERROR_DAMAGED,
                   _("%s is a damaged ledger: the file is cut short (%lld of %lld bytes); "
                     "it was left untouched. Put a backup back in its place (study-ledger restore)"),
                   path, (long long) info.st_size,
                   (long long) MAX (expected, (info.st_size / page_size + 1) * (gint64) page_size));
      return FALSE;
    }

  return TRUE;
}

/* Giving a new ledger its name --------------------------------------------- */

static void
sync_folder (const char *path)
{
  g_autofree char *folder = g_path_get_dirname (path);
  int fd = g_open (folder, O_RDONLY | O_DIRECTORY | O_CLOEXEC, 0);

  if (fd >= 0)
    {
      fsync (fd);
      close (fd);
    }
}

/**
 * sl_database_link_into_place:
 * @temporary: a ledger from sl_database_create_temporary(), closed
 * @path: its place
 *
 * Gives @temporary the name @path unless something is there already, in
 * one step that never replaces a file. On %G_FILE_ERROR_EXIST the
 * temporary file is still there, for sl_database_discard_temporary().
 */
gboolean
sl_database_link_into_place (const char  *temporary,
                             const char  *path,
                             GError     **error)
{
  int saved_errno;

  if (renameat2 (AT_FDCWD, temporary, AT_FDCWD, path, RENAME_NOREPLACE) == 0)
    goto placed;

  saved_errno = errno;
  /* File systems without RENAME_NOREPLACE: link() never replaces either. */
  if (saved_errno == EINVAL || saved_errno == ENOSYS || saved_errno == ENOTSUP)
    {
      if (link (temporary, path) == 0)
        {
          g_unlink (temporary);
          goto placed;
        }
      saved_errno = errno;
    }

  g_set_error (error, G_FILE_ERROR, g_file_error_from_errno (saved_errno),
               _("Cannot create the ledger %s: %s"), path, g_strerror (saved_errno));
  return FALSE;

placed:
  /* What the closed connection left beside the temporary name, if anything
   * (an empty -shm): the ledger itself is complete in its file. */
  for (guint i = 1; i < G_N_ELEMENTS (companions); i++)
    {
      g_autofree char *file = g_strconcat (temporary, companions[i], NULL);
      g_unlink (file);
    }
  sync_folder (path);
  return TRUE;
}

/* Removes a temporary ledger this process made, with its companions. */
void
sl_database_discard_temporary (const char *temporary)
{
  if (temporary == NULL)
    return;

  for (guint i = 0; i < G_N_ELEMENTS (companions); i++)
    {
      g_autofree char *file = g_strconcat (temporary, companions[i], NULL);
      g_unlink (file);
    }
}

/* Opening ------------------------------------------------------------------ */

/**
 * sl_database_describe_open_error:
 * @db: (nullable): the connection that failed, for the system's errno
 * @rc: SQLite's (extended) result code
 *
 * Says why a ledger could not be opened, each cause in its own words:
 * locked, damaged, on a full disk, on a read-only folder or mount, or not
 * a ledger at all. "Not a database" was the answer to all of them.
 */
void
sl_database_describe_open_error (sqlite3     *db,
                                 const char  *path,
                                 int          rc,
                                 GError     **error)
{
  g_autofree char *folder = g_path_get_dirname (path);
  int system_errno = db != NULL ? sqlite3_system_errno (db) : 0;
  const char *detail = db != NULL ? sqlite3_errmsg (db) : sqlite3_errstr (rc);

  if (system_errno == ENOSPC || system_errno == EFBIG || system_errno == EDQUOT ||
      (rc & 0xff) == SQLITE_FULL)
    {
      g_set_error (error, SL_DATABASE_ERROR, SL_DATABASE_ERROR_OPEN,
                   _("Cannot open the ledger %s: the disk is full (%s); "
                     "free some space and try again"),
                   path, g_strerror (system_errno ? system_errno : ENOSPC));
      return;
    }

  switch (rc & 0xff)
    {
    case SQLITE_BUSY:
    case SQLITE_LOCKED:
      g_set_error (error, SL_DATABASE_ERROR, SL_DATABASE_ERROR_BUSY,
                   _("%s: the ledger is in use by another program and stayed locked; "
                     "close the other copy of Study Ledger and try again"),
                   path);
      return;

    case SQLITE_CORRUPT:
    case SQLITE_NOTADB:
      if (!sl_database_check_header (db, path, error))
        return;
      if ((rc & 0xff) == SQLITE_CORRUPT)
        g_set_error (error, SL_PATHS_ERROR, SL_PATHS_ERROR_DAMAGED,
                     _("%s is a damaged ledger (%s); it was left untouched. "
                       "Put a backup back in its place (study-ledger restore)"),
                     path, detail);
      else
        g_set_error (error, SL_DATABASE_ERROR, SL_DATABASE_ERROR_NOT_A_LEDGER,
                     _("%s is not a Study Ledger database (nor any SQLite file); "
                       "it was left untouched"),
                     path);
      return;

    case SQLITE_CANTOPEN:
    case SQLITE_READONLY:
    case SQLITE_PERM:
    case SQLITE_AUTH:
    case SQLITE_IOERR:
      {
        int denied = 0;

        if (system_errno == EROFS || system_errno == EACCES || system_errno == EPERM)
          denied = system_errno;
        else if (g_access (folder, W_OK) != 0 || g_access (path, W_OK) != 0)
          denied = errno;
        else if ((rc & 0xff) == SQLITE_READONLY)
          denied = EACCES;

        if (denied != 0)
          {
            g_set_error (error, SL_DATABASE_ERROR, SL_DATABASE_ERROR_OPEN,
                         _("Cannot open the ledger %s for writing: it or its folder %s is "
                           "read-only (%s); ask for write access, or copy the ledger to a "
                           "folder of your own"),
                         path, folder, g_strerror (denied));
            return;
          }
      }
      G_GNUC_FALLTHROUGH;

    default:
      g_set_error (error, SL_DATABASE_ERROR, SL_DATABASE_ERROR_OPEN,
                   _("Cannot open the ledger %s: %s"), path, detail);
    }
}
