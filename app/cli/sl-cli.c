/* sl-cli.c — the headless command line (being written) */
#define G_LOG_DOMAIN "sl-cli"
#include "config.h"
#include <string.h>
#include "sl-cli.h"

gboolean
sl_cli_split_arguments (int argc, char **argv, char **database, int *command_index, GError **error)
{
  *command_index = 0;
  for (int i = 1; i < argc; i++)
    {
      if (g_str_equal (argv[i], "--database") && i + 1 < argc)
        { g_free (*database); *database = g_strdup (argv[++i]); }
      else if (g_str_has_prefix (argv[i], "--database="))
        { g_free (*database); *database = g_strdup (argv[i] + strlen ("--database=")); }
      else
        { *command_index = i; break; }
    }
  return TRUE;
}

int
sl_cli_run (const char *database, int argc, char **argv)
{
  g_printerr ("not yet\n");
  return SL_CLI_EXIT_FAILURE;
}
