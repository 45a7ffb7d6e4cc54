/* main.c — start the window, or run one command without a display
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * `study-ledger [--database FILE]` opens the window; any command word
 * (import-roster, stats, ...) runs headless through cli/ and never touches
 * GTK, so the command line works on a machine with no display at all.
 */

#define G_LOG_DOMAIN "study-ledger"

#include "config.h"

#include <glib/gi18n.h>
#include <locale.h>
#include <malloc.h>

#include "sl-application.h"
#include "sl-cli.h"

int
main (int   argc,
      char *argv[])
{
  g_autofree char *database = NULL;
  g_autoptr(GError) error = NULL;
  int command_index = 0;

  /* glibc gives the top of the heap back to the kernel whenever more than
   * 128 KiB is free there; SQLite allocates and frees about that much for
   * each temporary b-tree (the schema's CHECK ... IN lists build one per
   * row written), so every row of an import paid a brk() and a TLB flush:
   * three quarters of the CPU time of a ten-year import (docs/performance.md). */
  mallopt (M_TRIM_THRESHOLD, 32 * 1024 * 1024);

  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  if (!sl_cli_split_arguments (argc, argv, &database, &command_index, &error))
    {
      g_printerr ("study-ledger: %s\n", error->message);
      return SL_CLI_EXIT_USAGE;
    }

  if (command_index > 0)
    return sl_cli_run (database, argc - command_index, argv + command_index);

  {
    g_autoptr(SlApplication) app = sl_application_new (database);
    /* The window takes no further arguments than --database. */
    char *app_argv[] = { argv[0], NULL };

    return g_application_run (G_APPLICATION (app), 1, app_argv);
  }
}
