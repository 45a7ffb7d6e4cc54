/* sl-temporary-files.c — output files half written, removed if the process is stopped
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * An output (an archive, a document) is written to a hidden temporary
 * file beside its target and renamed over it once complete. A failure
 * removes the temporary file; a command stopped by Ctrl-C (SIGINT), by
 * `kill` (SIGTERM) or by its terminal closing (SIGHUP) did not, and left a
 * hidden file of the archive's size in the user's folder for each try.
 * The writers note their temporary file here while it exists, and the
 * command line's handler of those signals removes them before the process
 * ends as the signal says.
 *
 * The handler may run on any thread at any moment: it only reads the
 * slots (atomically) and calls unlink(), which is async-signal-safe. A
 * slot is emptied before its string is freed, so the handler sees either
 * the path or nothing; the few writers at a time fit in the slots, and a
 * writer that finds none free goes without (as before).
 *
 * A file is noted before it exists (sl_temporary_files_create()): noted
 * after mkstemp(), a signal sent as soon as the file showed (the
 * tests do just that) could find it not yet noted, and it stayed.
 */

#define G_LOG_DOMAIN "sl-temporary-files"

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <string.h>
#include <unistd.h>

#include <glib/gstdio.h>

#include "sl-temporary-files.h"

#define N_SLOTS 16

static char *slots[N_SLOTS];

/**
 * sl_temporary_files_add:
 * @path: a temporary file just made
 *
 * Notes @path for removal should the process be stopped by a signal
 * before sl_temporary_files_remove().
 */
void
sl_temporary_files_add (const char *path)
{
  char *copy = g_strdup (path);

  for (guint i = 0; i < N_SLOTS; i++)
    if (g_atomic_pointer_compare_and_exchange (&slots[i], NULL, copy))
      return;
  g_free (copy);
}

/**
 * sl_temporary_files_remove:
 * @path: a path given to sl_temporary_files_add()
 *
 * Forgets @path: it has been renamed into place or removed.
 */
/* As g_mkstemp_full(): @tmpl ends in "XXXXXX", replaced by the name
 * made; a new file opened with @flags (O_CREAT | O_EXCL added) and
 * @mode. The name is noted before the file is made, so that the file
 * never exists unnoted. Returns the descriptor, or -1 with errno set
 * (and nothing noted). */
int
sl_temporary_files_create (char *tmpl,
                           int   flags,
                           int   mode)
{
  static const char letters[] = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";
  gsize length = strlen (tmpl);
  char *x = length >= 6 ? tmpl + length - 6 : NULL;

  if (x == NULL || strcmp (x, "XXXXXX") != 0)
    {
      errno = EINVAL;
      return -1;
    }

  for (int attempt = 0; attempt < 100; attempt++)
    {
      int fd, saved_errno;

      for (int i = 0; i < 6; i++)
        x[i] = letters[g_random_int_range (0, sizeof letters - 1)];
      sl_temporary_files_add (tmpl);
      fd = g_open (tmpl, flags | O_CREAT | O_EXCL, mode);
      if (fd >= 0)
        return fd;
      saved_errno = errno;
      sl_temporary_files_remove (tmpl);
      errno = saved_errno;
      if (saved_errno != EEXIST)
        return -1;
    }
  errno = EEXIST;
  return -1;
}

void
sl_temporary_files_remove (const char *path)
{
  for (guint i = 0; i < N_SLOTS; i++)
    {
      char *noted = g_atomic_pointer_get (&slots[i]);

      if (noted != NULL && strcmp (noted, path) == 0 &&
          g_atomic_pointer_compare_and_exchange (&slots[i], noted, NULL))
        {
          g_free (noted);
          return;
        }
    }
}

/**
 * sl_temporary_files_unlink_all:
 *
 * Removes every temporary file noted. Async-signal-safe.
 */
void
sl_temporary_files_unlink_all (void)
{
  for (guint i = 0; i < N_SLOTS; i++)
    {
      const char *noted = g_atomic_pointer_get (&slots[i]);

      if (noted != NULL)
        unlink (noted);
    }
}

static void
on_stop_signal (int number)
{
  sl_temporary_files_unlink_all ();
  /* Then ended as the signal ends it, so that the shell sees the same
   * status as before (130 for Ctrl-C). */
  signal (number, SIG_DFL);
  raise (number);
}

/**
 * sl_temporary_files_install_signal_handlers:
 *
 * For the command line: SIGINT, SIGTERM and SIGHUP remove the temporary
 * files noted, then end the process as they would have. A signal the
 * process was started ignoring (nohup) stays ignored.
 */
void
sl_temporary_files_install_signal_handlers (void)
{
  static const int numbers[] = { SIGINT, SIGTERM, SIGHUP };

  for (guint i = 0; i < G_N_ELEMENTS (numbers); i++)
    {
      struct sigaction old, action;

      if (sigaction (numbers[i], NULL, &old) != 0 || old.sa_handler == SIG_IGN)
        continue;
      memset (&action, 0, sizeof action);
      action.sa_handler = on_stop_signal;
      sigemptyset (&action.sa_mask);
      action.sa_flags = SA_RESETHAND;
      sigaction (numbers[i], &action, NULL);
    }
}
