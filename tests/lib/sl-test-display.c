/* sl-test-display.c — a display of the test's own (tests/lib, 'sltest-display')
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <adwaita.h>
#include <errno.h>
#include <glib-unix.h>
#include <glib/gi18n.h>
#include <locale.h>
#include <signal.h>
#include <sys/prctl.h>
#include <unistd.h>

#include "sl-test-display.h"

static GPid server = 0;

static void
stop_server (void)
{
  if (server > 0)
    kill (server, SIGTERM);
  server = 0;
}

/* In the child, before Xvfb runs: it ends when the test ends, however the
 * test ends (an assertion aborts without atexit handlers). */
static void
die_with_test (gpointer data)
{
  prctl (PR_SET_PDEATHSIG, SIGTERM);
}

/* Xvfb writes its display number and a newline to -displayfd once it
 * accepts clients. */
static char *
read_display (int fd)
{
  GString *number = g_string_new (NULL);
  gint64 end = g_get_monotonic_time () + 60 * G_USEC_PER_SEC;

  while (g_get_monotonic_time () < end)
    {
      GPollFD poll = { fd, G_IO_IN, 0 };
      char c;
      ssize_t got;

      if (g_poll (&poll, 1, 1000) <= 0)
        continue;
      got = read (fd, &c, 1);
      if (got < 0 && errno == EINTR)
        continue;
      if (got <= 0 || c == '\n')
        break;
      g_string_append_c (number, c);
    }

  return g_string_free (number, number->len == 0);
}

static gboolean
start_server (void)
{
  g_autofree char *xvfb = g_find_program_in_path ("Xvfb");
  g_autoptr(GError) error = NULL;
  g_autofree char *number = NULL;
  int pipe[2];
  const char *argv[] = { NULL, "-displayfd", "3", "-screen", "0", "1280x1024x24",
                         "-nolisten", "tcp", "-ac", NULL };
  int source_fds[1];
  int target_fds[] = { 3 };

  if (xvfb == NULL || g_getenv ("SL_TEST_SHARED_DISPLAY") != NULL)
    return FALSE;

  g_assert_true (g_unix_open_pipe (pipe, FD_CLOEXEC, NULL));
  source_fds[0] = pipe[1];
  argv[0] = xvfb;
  if (!g_spawn_async_with_pipes_and_fds (NULL, argv, NULL,
                                         G_SPAWN_DO_NOT_REAP_CHILD | G_SPAWN_STDOUT_TO_DEV_NULL |
                                         G_SPAWN_STDERR_TO_DEV_NULL,
                                         die_with_test, NULL, -1, -1, -1,
                                         source_fds, target_fds, 1,
                                         &server, NULL, NULL, NULL, &error))
    g_error ("Could not start %s: %s", xvfb, error->message);
  close (pipe[1]);
  atexit (stop_server);

  number = read_display (pipe[0]);
  close (pipe[0]);
  if (number == NULL)
    g_error ("%s gave no display number within a minute", xvfb);

  {
    g_autofree char *display = g_strdup_printf (":%s", number);

    g_setenv ("DISPLAY", display, TRUE);
  }
  /* Only X: a Wayland display of the session would be taken first. */
  g_unsetenv ("WAYLAND_DISPLAY");
  return TRUE;
}

void
sl_test_gtk_init (int    *argc,
                  char ***argv)
{
  start_server ();
  gtk_test_init (argc, argv, NULL);
  adw_init ();
}

void
sl_test_gtk_init_english (int    *argc,
                          char ***argv)
{
  g_setenv ("GSETTINGS_BACKEND", "memory", TRUE);
  if (g_getenv ("SL_SCREENSHOT_DIR") == NULL)
    g_setenv ("LANGUAGE", "C", TRUE);
  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  sl_test_gtk_init (argc, argv);
}
