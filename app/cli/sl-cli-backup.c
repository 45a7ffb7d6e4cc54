/* sl-cli-backup.c — the commands that keep the ledger's file sound
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * backup, restore and check: a checked copy, a restore that keeps the
 * ledger it replaces, and a read-only look for damage, bad text and
 * evidence that no longer matches. The helpers they share with the other
 * commands are sl-cli.c's (sl_cli_helpers).
 */

#define G_LOG_DOMAIN "sl-cli"

#include "config.h"

#include <glib/gi18n.h>

#include "sl-backups.h"
#include "sl-cli.h"
#include "sl-cli-private.h"
#include "sl-database.h"
#include "sl-integrity.h"
#include "sl-ledger.h"
#include "sl-ledger-paths.h"

/* backup --output FILE ----------------------------------------------------------- */

int
sl_cli_command_backup (SlCliCall *call)
{
  g_autoptr(SlLedger) ledger = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *output = NULL;
  int status;
  GOptionEntry entries[] = {
    { "output", 0, 0, G_OPTION_ARG_FILENAME, &output, N_("The backup file to write"), N_("FILE") },
    { NULL }
  };

  if (!sl_cli_helpers->parse_options (call, NULL,
                      _("Copies the ledger, consistent even while the window is open, to FILE."),
                      entries, &status))
    return status;

  if (output == NULL)
    return sl_cli_helpers->usage ("backup", _("--output FILE is required"));
  if (call->argc != 1)
    return sl_cli_helpers->usage ("backup", _("unexpected argument “%s”"), call->argv[1]);

  if (!(ledger = sl_cli_helpers->open_ledger (call, FALSE, &error)) ||
      !sl_database_check_output_path (sl_database_get_path (sl_ledger_get_database (ledger)),
                                      output, &error) ||
      !sl_backups_write_checked (sl_ledger_get_database (ledger), output, &error))
    return sl_cli_helpers->fail_error (error);

  g_print (_("Backed up %s to %s\n"), sl_database_get_path (sl_ledger_get_database (ledger)), output);
  return SL_CLI_EXIT_OK;
}

/* restore FILE ---------------------------------------------------------------------- */

int
sl_cli_command_restore (SlCliCall *call)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *default_path = NULL;
  g_autofree char *saved_as = NULL;
  const char *path = call->database;
  int status;
  GOptionEntry entries[] = { { NULL } };

  if (!sl_cli_helpers->parse_options (call, _("FILE"),
                      _("Puts a backup back in place of the ledger. The backup is checked first, "
                        "and the ledger as it was is copied into the backup folder before it "
                        "is replaced."),
                      entries, &status))
    return status;

  if (call->argc != 2)
    return sl_cli_helpers->usage ("restore", _("name one backup file"));

  if (path == NULL)
    path = default_path = sl_database_default_path ();

  if (!sl_backups_restore_full (path, call->argv[1], &saved_as, &error))
    return sl_cli_helpers->fail_error (error);

  g_print (_("Restored %s from %s\n"), path, call->argv[1]);
  if (saved_as != NULL)
    g_print (_("The ledger as it was before is kept in %s\n"), saved_as);

  return SL_CLI_EXIT_OK;
}

/* check ------------------------------------------------------------------------------ */

int
sl_cli_command_check (SlCliCall *call)
{
  g_autoptr(SlLedger) ledger = NULL;
  g_autoptr(GPtrArray) problems = NULL;
  g_autoptr(GPtrArray) bad_text = NULL;
  g_autoptr(GError) error = NULL;
  int status;
  GOptionEntry entries[] = { { NULL } };

  if (!sl_cli_helpers->parse_options (call, NULL,
                      _("Checks the ledger file: SQLite's integrity check, that every "
                        "reference between records names an existing record, and that "
                        "every text is UTF-8."),
                      entries, &status))
    return status;

  if (call->argc != 1)
    return sl_cli_helpers->usage ("check", _("unexpected argument “%s”"), call->argv[1]);

  if (!(ledger = sl_cli_helpers->open_ledger (call, FALSE, &error)) ||
      !(problems = sl_database_check (sl_ledger_get_database (ledger), &error)) ||
      !sl_cli_check_evidence (ledger, problems, &error))
    return sl_cli_helpers->fail_error (error);

  /* Only a sound file is read for its text: a damaged one fails above. */
  if (problems->len == 0)
    {
      if (!(bad_text = sl_integrity_find_bad_text (sl_ledger_get_database (ledger), &error)))
        return sl_cli_helpers->fail_error (error);
      g_ptr_array_extend_and_steal (problems, g_steal_pointer (&bad_text));
    }

  if (problems->len > 0)
    {
      for (guint i = 0; i < problems->len; i++)
        g_printerr ("study-ledger: %s: %s\n",
                    sl_database_get_path (sl_ledger_get_database (ledger)),
                    (const char *) g_ptr_array_index (problems, i));
      return SL_CLI_EXIT_FAILURE;
    }

  g_print (_("%s: no problems found\n"), sl_database_get_path (sl_ledger_get_database (ledger)));
  return SL_CLI_EXIT_OK;
}

/* The table of commands and the overview ------------------------------------------ */
