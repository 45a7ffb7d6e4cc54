/* sl-cli.h — the headless command line
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef enum
{
  SL_CLI_EXIT_OK      = 0,
  SL_CLI_EXIT_FAILURE = 1,
  SL_CLI_EXIT_USAGE   = 2,
} SlCliExit;

/* What both programs (study-ledger and study-ledger-window) set before
 * anything else: the allocator's trim threshold, the locale, gettext. */
void     sl_cli_init_process    (void);

/* Finds the global --database option and the command word in argv.
 * *command_index is 0 when no command was given (open the window), else
 * the index of the command word (or of --help / --version). */
gboolean sl_cli_split_arguments (int          argc,
                                 char       **argv,
                                 char       **database,
                                 int         *command_index,
                                 GError     **error);

/* Runs one command; argv[0] is the command word. Returns the exit code. */
int      sl_cli_run             (const char  *database,
                                 int          argc,
                                 char       **argv);

G_END_DECLS
