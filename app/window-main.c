/* window-main.c — study-ledger-window, the window of `study-ledger`
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * `study-ledger [--database FILE]` (main.c) execs this program, from
 * libexecdir or from the build tree, with its own arguments, to open the
 * window: GTK and libadwaita are loaded by this program only. Given a
 * command word it runs the command as study-ledger does, so that it
 * behaves as the one program did before the two were split.
 */

#define G_LOG_DOMAIN "study-ledger"

#include "config.h"

#include "sl-application.h"
#include "sl-cli.h"
#include "sl-relocation.h"

int
main (int   argc,
      char *argv[])
{
  g_autofree char *database = NULL;
  g_autoptr(GError) error = NULL;
  int command_index = 0;

  /* Again: execv started a new process image. */
  sl_cli_init_process ();
  sl_relocation_apply (SL_LIBEXECDIR);

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
