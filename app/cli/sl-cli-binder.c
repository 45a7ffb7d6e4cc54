/* sl-cli-binder.c — export inspection-package: the year's binder
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * `export inspection-package --year YYYY [--organization NAME]
 * --format pdf|zip --output FILE`: parse, check, call sl_binder_export(),
 * report. `export` hands it over when its DOCUMENT is inspection-package
 * (sl-cli.c), since its options and formats are its own.
 */

#define G_LOG_DOMAIN "sl-cli"

#include "config.h"

#include <glib/gi18n.h>

#include "sl-binder-export.h"
#include "sl-cli.h"
#include "sl-cli-private.h"
#include "sl-document.h"
#include "sl-database.h"
#include "sl-ledger.h"
#include "sl-ledger-paths.h"
#include "sl-organization.h"

#define H (sl_cli_helpers)
#define COMMAND "export inspection-package"

int
sl_cli_command_export_binder (SlCliCall *call)
{
  g_autofree char *year = NULL;
  g_autofree char *organization = NULL;
  g_autofree char *format = NULL;
  g_autofree char *output = NULL;
  g_autofree char *lower = NULL;
  g_autoptr(SlLedger) ledger = NULL;
  g_autoptr(GError) error = NULL;
  SlBinderFormat binder_format;
  const char *organization_id = NULL;
  gint64 year_value;
  char *end = NULL;
  int status;
  GOptionEntry entries[] = {
    { "year", 0, 0, G_OPTION_ARG_FILENAME, &year, N_("The year of the binder"), N_("YYYY") },
    { "organization", 0, 0, G_OPTION_ARG_FILENAME, &organization,
      N_("Only this organization"), N_("NAME") },
    { "format", 0, 0, G_OPTION_ARG_FILENAME, &format, N_("pdf or zip"), N_("FORMAT") },
    { "output", 0, 0, G_OPTION_ARG_FILENAME, &output, N_("The file to write"), N_("FILE") },
    { NULL }
  };

  if (!H->parse_options (call, "inspection-package",
                         _("Writes the year's binder (年度学习档案): one PDF with a cover, a "
                           "contents page, bookmarks and every document and attachment in order, "
                           "or a ZIP of numbered folders with the originals, README.txt and "
                           "SHA256SUMS."),
                         entries, &status))
    return status;

  if (call->argc != 2)
    return H->usage (COMMAND, _("takes no other arguments; write its options as --year YYYY "
                                "--format pdf|zip --output FILE"));

  if (year == NULL)
    return H->usage (COMMAND, _("--year YYYY is required"));
  year_value = g_ascii_strtoll (year, &end, 10);
  if (end == year || *end != '\0' || year_value < 1000 || year_value > 9999)
    return H->usage (COMMAND, _("--year: “%s” is not a year; write it as 2023"), year);

  if (output == NULL)
    return H->usage (COMMAND, _("--output FILE is required"));

  /* Without --format, the output's extension says it. */
  lower = g_ascii_strdown (output, -1);
  if (format != NULL)
    {
      if (!sl_binder_format_from_code (format, &binder_format))
        return H->usage (COMMAND, _("--format: “%s” is neither pdf nor zip"), format);
    }
  else if (g_str_has_suffix (lower, ".pdf"))
    binder_format = SL_BINDER_FORMAT_PDF;
  else if (g_str_has_suffix (lower, ".zip"))
    binder_format = SL_BINDER_FORMAT_ZIP;
  else
    return H->usage (COMMAND, _("--format pdf|zip is required when the output does not end "
                                "in .pdf or .zip"));

  if (!(ledger = H->open_ledger (call, FALSE, &error)) ||
      !sl_database_check_output_path (sl_database_get_path (sl_ledger_get_database (ledger)),
                                      output, &error))
    return H->fail_error (error);

  if (organization != NULL)
    {
      SlOrganization *found = sl_ledger_find_organization_by_name (ledger, organization);

      if (found == NULL)
        {
          GListModel *organizations = sl_ledger_get_organizations (ledger);
          g_autoptr(GString) names = g_string_new (NULL);

          for (guint i = 0; i < g_list_model_get_n_items (organizations); i++)
            {
              g_autoptr(SlOrganization) each = g_list_model_get_item (organizations, i);
              g_string_append_printf (names, "%s%s", i ? "、" : "",
                                      sl_organization_get_name (each));
            }
          g_set_error (&error, SL_LEDGER_ERROR, SL_LEDGER_ERROR_NOT_FOUND,
                       _("--organization: no organization is named “%s”; the ledger has: %s"),
                       organization, names->len ? names->str : _("none"));
          return H->fail_error (error);
        }
      organization_id = sl_record_get_id (SL_RECORD (found));
    }

  if (!sl_binder_export (ledger, (int) year_value, organization_id, binder_format, output,
                         NULL, NULL, NULL, &error))
    return H->fail_error (error);

  {
    g_autofree char *note = sl_document_take_note ();
    /* A line each: characters no font has, the fonts that stood in. */
    g_auto(GStrv) lines = g_strsplit (note != NULL ? note : "", "\n", -1);

    for (guint i = 0; lines[i] != NULL; i++)
      g_printerr ("study-ledger: %s\n", lines[i]);
  }
  g_print (_("Wrote %s\n"), output);
  return SL_CLI_EXIT_OK;
}
