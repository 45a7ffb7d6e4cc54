/* sl-locking.c — SQLite's file locks, kept when another descriptor closes
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * SQLite locks the ledger and its -shm with POSIX record locks
 * (fcntl F_SETLK). Those belong to the process, and POSIX releases all of
 * them the moment the process closes *any* descriptor of the file, even
 * one SQLite never saw. GIO does exactly that: a file chooser that lists
 * the ledger's folder reads the first bytes of every file to guess its
 * type, and closes them. The window then still believes it holds its
 * locks, while a `study-ledger check` from a terminal finds none, takes
 * the ledger as unused, checkpoints and deletes the -wal the window goes
 * on writing to: every save after that is lost when the window quits.
 * ("How To Corrupt An SQLite Database File", section 2.2.)
 *
 * The cure is in what the locks belong to. Linux's open file description
 * locks (F_OFD_SETLK, since 3.15) belong to one opening of the file and
 * are released only when that opening is closed; they conflict with
 * POSIX locks of other processes exactly as POSIX locks do, so older
 * builds, the sqlite3 shell and other programs stay in step with us.
 * SQLite lets a program replace the system calls of its unix VFS
 * (xSetSystemCall): fcntl() is replaced by one that takes every lock of
 * one file on a single opening of our own, made for that purpose, and
 * close() by one that closes that opening when SQLite has closed its last
 * descriptor of the file. One opening per file keeps the POSIX meaning
 * SQLite relies on (locks of one process never conflict with each other;
 * a later lock replaces an earlier one on the same bytes), while no
 * descriptor opened by anybody else can take the locks away.
 *
 * sl_locking_install() must run before the process opens its first
 * SQLite file: a lock taken the old way and released the new way would
 * stay. Both programs call it first thing in main(); opening a ledger
 * calls it too, for the tests and tools that link the library.
 */

#define G_LOG_DOMAIN "sl-locking"
#define _GNU_SOURCE   /* F_OFD_SETLK */

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <glib/gstdio.h>
#include <sqlite3.h>
#include <stdarg.h>
#include <sys/stat.h>
#include <unistd.h>

#include "sl-locking.h"

typedef int (*FcntlFunc) (int fd, int cmd, ...);
typedef int (*CloseFunc) (int fd);

/* One file that SQLite has taken a lock on, and the opening that holds
 * the locks. */
typedef struct
{
  dev_t dev;
  ino_t ino;
  int   lock_fd;
  guint users;      /* SQLite's descriptors of the file that have locked */
} LockedFile;

static GMutex      files_mutex;
static GHashTable *files_by_fd;      /* SQLite's fd → LockedFile */
static GSList     *files;            /* every LockedFile */
static FcntlFunc   real_fcntl;
static CloseFunc   real_close;
static gboolean    installed;

static int
ofd_command (int cmd)
{
  switch (cmd)
    {
    case F_SETLK:
      return F_OFD_SETLK;
    case F_SETLKW:
      return F_OFD_SETLKW;
    case F_GETLK:
      return F_OFD_GETLK;
    default:
      return -1;
    }
}

/* A new opening of the file behind @fd: through /proc, read-write when
 * this user may write it (a write lock needs a descriptor open for
 * writing), else read-only; a duplicate of @fd where /proc is missing
 * (it then shares @fd's opening, which SQLite closes only when it holds
 * no lock). */
static int
open_lock_fd (int                fd,
              const struct stat *info)
{
  char proc_path[64];
  struct stat opened;
  int lock_fd;

  g_snprintf (proc_path, sizeof proc_path, "/proc/self/fd/%d", fd);
  lock_fd = g_open (proc_path, O_RDWR | O_CLOEXEC | O_NOCTTY, 0);
  if (lock_fd < 0)
    lock_fd = g_open (proc_path, O_RDONLY | O_CLOEXEC | O_NOCTTY, 0);
  if (lock_fd >= 0 &&
      (fstat (lock_fd, &opened) != 0 ||
       opened.st_dev != info->st_dev || opened.st_ino != info->st_ino))
    {
      close (lock_fd);
      lock_fd = -1;
    }
  if (lock_fd < 0)
    lock_fd = real_fcntl (fd, F_DUPFD_CLOEXEC, 3);
  return lock_fd;
}

/* The opening that holds @fd's file's locks; files_mutex held. */
static int
lock_fd_for (int fd)
{
  LockedFile *file = g_hash_table_lookup (files_by_fd, GINT_TO_POINTER (fd));
  struct stat info;

  if (file != NULL)
    return file->lock_fd;
  if (fstat (fd, &info) != 0)
    return -1;

  for (GSList *l = files; l != NULL; l = l->next)
    {
      LockedFile *known = l->data;
      if (known->dev == info.st_dev && known->ino == info.st_ino)
        {
          file = known;
          break;
        }
    }

  if (file == NULL)
    {
      int lock_fd = open_lock_fd (fd, &info);
      if (lock_fd < 0)
        return -1;
      file = g_new0 (LockedFile, 1);
      file->dev = info.st_dev;
      file->ino = info.st_ino;
      file->lock_fd = lock_fd;
      files = g_slist_prepend (files, file);
    }

  file->users++;
  g_hash_table_insert (files_by_fd, GINT_TO_POINTER (fd), file);
  return file->lock_fd;
}

static int
locking_fcntl (int fd,
               int cmd,
               ...)
{
  int ofd_cmd = ofd_command (cmd);
  struct flock *request;
  struct flock lock;
  va_list args;
  void *arg;
  int lock_fd;
  int rc;

  va_start (args, cmd);
  arg = va_arg (args, void *);
  va_end (args);

  if (ofd_cmd < 0)
    return real_fcntl (fd, cmd, arg);

  g_mutex_lock (&files_mutex);
  lock_fd = lock_fd_for (fd);
  g_mutex_unlock (&files_mutex);
  /* No opening of our own (no descriptors left): the lock is refused
   * (SQLite reads ENOLCK as busy and tries again), never taken the
   * POSIX way, which a later release on our opening would not undo. */
  if (lock_fd < 0)
    {
      errno = ENOLCK;
      return -1;
    }

  request = arg;
  lock = *request;
  lock.l_pid = 0;     /* required of open file description locks */
  rc = real_fcntl (lock_fd, ofd_cmd, &lock);
  if (rc == 0 && cmd == F_GETLK)
    *request = lock;
  return rc;
}

static int
locking_close (int fd)
{
  LockedFile *file;
  int lock_fd = -1;

  g_mutex_lock (&files_mutex);
  file = g_hash_table_lookup (files_by_fd, GINT_TO_POINTER (fd));
  if (file != NULL)
    {
      g_hash_table_remove (files_by_fd, GINT_TO_POINTER (fd));
      if (--file->users == 0)
        {
          /* SQLite closes its last descriptor of a file only when it
           * holds no lock on it (its unix VFS keeps a descriptor open
           * while another connection of the process still locks). */
          lock_fd = file->lock_fd;
          files = g_slist_remove (files, file);
          g_free (file);
        }
    }
  g_mutex_unlock (&files_mutex);

  if (lock_fd >= 0)
    close (lock_fd);
  return real_close (fd);
}

/* Whether this kernel and file system take open file description locks:
 * asked of a file of our own, before SQLite is told to use them. */
static gboolean
ofd_locks_work (void)
{
  g_autofree char *probe = NULL;
  struct flock lock = { .l_type = F_WRLCK, .l_whence = SEEK_SET, .l_start = 0, .l_len = 1 };
  gboolean works;
  int fd;

  fd = g_file_open_tmp ("study-ledger-lock-XXXXXX", &probe, NULL);
  if (fd < 0)
    return FALSE;
  works = fcntl (fd, F_OFD_SETLK, &lock) == 0;
  close (fd);
  g_unlink (probe);
  return works;
}

/**
 * sl_locking_install:
 *
 * Makes SQLite's locks in this process belong to an opening of each file
 * of our own, so that no other descriptor's close() releases them. Call
 * before the process opens any SQLite file; later calls do nothing. Where
 * the kernel does not offer such locks, SQLite keeps its own.
 */
void
sl_locking_install (void)
{
  static gsize done = 0;

  if (g_once_init_enter (&done))
    {
      sqlite3_vfs *vfs;

      /* Before SQLite's first use in the process (sqlite3_vfs_find()
       * initializes it), or not at all: no count of SQLite's memory,
       * which nothing here reads. With the count, every allocation and
       * free of every connection takes one mutex for the whole process,
       * which the threads of an import (the rows, the file's ids, the
       * search index built apart) fight over. */
      if (sqlite3_config (SQLITE_CONFIG_MEMSTATUS, 0) != SQLITE_OK)
        g_debug ("SQLite was in use before its memory count could be turned off");
      vfs = sqlite3_vfs_find ("unix");

#ifdef F_OFD_SETLK
      if (vfs != NULL && vfs->iVersion >= 3 && vfs->xSetSystemCall != NULL &&
          g_getenv ("SL_POSIX_LOCKS") == NULL && ofd_locks_work ())
        {
          real_fcntl = (FcntlFunc) vfs->xGetSystemCall (vfs, "fcntl");
          real_close = (CloseFunc) vfs->xGetSystemCall (vfs, "close");
          files_by_fd = g_hash_table_new (NULL, NULL);
          /* close() first: a descriptor closed between the two must not
           * leave an entry behind for a later file of the same number. */
          if (real_fcntl != NULL && real_close != NULL &&
              vfs->xSetSystemCall (vfs, "close", (sqlite3_syscall_ptr) locking_close) == SQLITE_OK &&
              vfs->xSetSystemCall (vfs, "fcntl", (sqlite3_syscall_ptr) locking_fcntl) == SQLITE_OK)
            installed = TRUE;
          else
            g_warning ("SQLite's file locks could not be made open file description locks");
        }
#endif
      g_once_init_leave (&done, 1);
    }
}

/* For tests and `--version`-style reports: whether the locks are ours. */
gboolean
sl_locking_is_installed (void)
{
  return installed;
}
