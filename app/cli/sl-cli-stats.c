/* sl-cli-stats.c — the commands that read a year's figures and search
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * stats and search: parse the options, ask sl-statistics.c or sl-search.c,
 * print a table or JSON. They only read; the helpers they share with the
 * other commands are sl-cli.c's (sl_cli_helpers).
 */

#define G_LOG_DOMAIN "sl-cli"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>
#include <unistd.h>

#include "sl-cli.h"
#include "sl-cli-private.h"
#include "sl-ledger.h"
#include "sl-organization.h"
#include "sl-record.h"
#include "sl-search.h"
#include "sl-search-marks.h"
#include "sl-statistics.h"

/* stats --year YYYY [--organization NAME] [--json] ---------------------------- */

static void
print_rate (double rate)
{
  if (isnan (rate))
    g_print ("%8s", "—");
  else
    g_print ("%7.1f%%", rate * 100.0);
}

static void
print_statistics (SlStatistics *stats)
{
  g_print (_("Year %d\n\n"), stats->year);

  g_print ("%s\n", _("Members: expected, present, on leave, absent, made up, attendance, participation"));
  for (guint i = 0; i < stats->members->len; i++)
    {
      const SlMemberStats *member = g_ptr_array_index (stats->members, i);

      g_print ("  %-12s %4u %4u %4u %4u %4u ", member->name, member->expected,
               member->present, member->leave, member->absent, member->made_up);
      print_rate (sl_member_stats_attendance_rate (member));
      print_rate (sl_member_stats_participation_rate (member));
      g_print ("\n");
    }

  g_print ("\n%s\n", _("Training hours and talks: hours, talks held, talks as counterpart"));
  for (guint i = 0; i < stats->members->len; i++)
    {
      const SlMemberStats *member = g_ptr_array_index (stats->members, i);

      g_print ("  %-12s %6.1f %4u %4u\n", member->name, member->training_hours,
               member->talks_as_initiator, member->talks_as_counterpart);
    }

  g_print ("\n%s\n", _("Plans: planned, held, fulfilment"));
  for (guint i = 0; i < stats->plans->len; i++)
    {
      const SlPlanStats *plan = g_ptr_array_index (stats->plans, i);

      g_print ("  %s %4u %4u ", plan->title ? plan->title : "", plan->planned, plan->held);
      print_rate (sl_plan_stats_fulfilment_rate (plan));
      g_print ("\n");
    }

  g_print ("\n%s\n", _("Compliance: period, required, actual, status"));
  for (guint i = 0; i < stats->compliance->len; i++)
    {
      const SlComplianceResult *result = g_ptr_array_index (stats->compliance, i);

      g_print ("  %s  %s  %u  %u  %s\n", sl_compliance_rule_to_label (result->rule),
               result->period, result->required, result->actual,
               sl_compliance_result_status_label (result));
      if (result->unchecked != NULL)
        g_print ("    %s\n", sl_compliance_unchecked_to_label (result->unchecked));
    }
}

int
sl_cli_command_stats (SlCliCall *call)
{
  g_autoptr(SlLedger) ledger = NULL;
  g_autoptr(SlStatistics) stats = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *year_text = NULL;
  g_autofree char *organization_name = NULL;
  const char *organization = NULL;
  gboolean json = FALSE;
  int year = 0;
  int status;
  GOptionEntry entries[] = {
    { "year", 0, 0, G_OPTION_ARG_FILENAME, &year_text, N_("The year to count"), N_("YYYY") },
    { "organization", 0, 0, G_OPTION_ARG_FILENAME, &organization_name,
      N_("Only this organization's meetings and members"), N_("NAME") },
    { "json", 0, 0, G_OPTION_ARG_NONE, &json, N_("Print one JSON object"), NULL },
    { NULL }
  };

  if (!sl_cli_helpers->parse_options (call, NULL,
                      _("Counts a year: each member's attendance and participation, each plan's "
                        "fulfilment, and whether every compliance rule is met, due or missed."),
                      entries, &status))
    return status;

  if (call->argc != 1)
    return sl_cli_helpers->usage ("stats", _("unexpected argument “%s”"), call->argv[1]);

  if (!sl_cli_helpers->parse_year ("stats", year_text, &year, &status))
    return status;

  if (!(ledger = sl_cli_helpers->open_ledger (call, FALSE, &error)))
    return sl_cli_helpers->fail_error (error);

  if (organization_name != NULL)
    {
      SlOrganization *found = sl_cli_helpers->find_organization (ledger, organization_name, &error);
      if (found == NULL)
        return sl_cli_helpers->fail_error (error);
      organization = sl_record_get_id (SL_RECORD (found));
    }

  stats = sl_statistics_compute (sl_ledger_get_database (ledger), year, organization, NULL, &error);
  if (stats == NULL)
    return sl_cli_helpers->fail_error (error);

  if (json)
    {
      g_autoptr(JsonNode) root = sl_statistics_to_json (stats);
      sl_cli_helpers->print_json (root);
    }
  else
    print_statistics (stats);

  return SL_CLI_EXIT_OK;
}

/* search TEXT [--json] --------------------------------------------------------- */

int
sl_cli_command_search (SlCliCall *call)
{
  g_autoptr(SlLedger) ledger = NULL;
  g_autoptr(GPtrArray) hits = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  gboolean json = FALSE;
  gboolean all = FALSE;
  gboolean terminal;
  int limit = G_MININT;   /* not given */
  int status;
  GOptionEntry entries[] = {
    { "json", 0, 0, G_OPTION_ARG_NONE, &json, N_("Print a JSON array of hits"), NULL },
    { "limit", 0, 0, G_OPTION_ARG_INT, &limit, N_("Show the N best hits (default: 100)"), N_("N") },
    { "all", 0, 0, G_OPTION_ARG_NONE, &all, N_("Show every hit"), NULL },
    { NULL }
  };

  if (!sl_cli_helpers->parse_options (call, _("TEXT"),
                      _("Finds the meetings whose texts (title, theme, place, decisions, studies, "
                        "speeches and their titles, guests and their remarks, measures) hold every "
                        "word of TEXT, the best first, then research topics by title or note; a "
                        "member's name, or part of it, also finds their part in meetings and "
                        "research topics. The words found are marked 【】 in each snippet."),
                      entries, &status))
    return status;

  if (call->argc < 2)
    return sl_cli_helpers->usage ("search", _("give the text to look for"));
  if (all && limit != G_MININT)
    return sl_cli_helpers->usage ("search", _("--limit and --all cannot be used together; give one of them"));
  if (limit != G_MININT && limit < 1)
    return sl_cli_helpers->usage ("search", _("--limit must be 1 or more; use --all for every hit"));
  /* The best 100 unless told otherwise: the first page of a search. */
  if (all)
    limit = 0;
  else if (limit == G_MININT)
    limit = 100;

  text = g_strjoinv (" ", call->argv + 1);
  /* sl_search_run() takes UTF-8, as the window's entries give it; a
   * terminal in another encoding must not reach it (docs/reliability.md). */
  if (!g_utf8_validate (text, -1, NULL))
    return sl_cli_helpers->usage ("search", _("the text to look for is not UTF-8; set a UTF-8 locale "
                              "(for example LANG=zh_CN.UTF-8) in the terminal"));
  /* An empty or blank TEXT finds nothing by definition: say so, as for
   * no TEXT, rather than report that no meeting holds it. */
  {
    g_autofree char *stripped = g_strstrip (g_strdup (text));

    if (*stripped == '\0')
      return sl_cli_helpers->usage ("search", _("give the text to look for"));
  }

  if (!(ledger = sl_cli_helpers->open_ledger (call, FALSE, &error)) ||
      !(hits = sl_search_run (sl_ledger_get_database (ledger), text, limit, &error)))
    return sl_cli_helpers->fail_error (error);

  if (json)
    {
      g_autoptr(JsonNode) root = sl_search_to_json (hits);
      sl_cli_helpers->print_json (root);
      return SL_CLI_EXIT_OK;
    }

  /* The words found, in the snippet: bold on a terminal, 【】 in a file
   * or a pipe, where escape codes would be read as text. */
  terminal = isatty (STDOUT_FILENO);
  for (guint i = 0; i < hits->len; i++)
    {
      SlSearchHit *hit = g_ptr_array_index (hits, i);
      g_autofree char *snippet = sl_search_marks_apply (hit->snippet, hit->marks,
                                                        terminal ? "\033[1m" : SL_SEARCH_MARK_OPEN,
                                                        terminal ? "\033[0m" : SL_SEARCH_MARK_CLOSE);
      const char *id = hit->meeting ? hit->meeting : hit->topic;

      if (hit->roles != NULL)
        {
          g_autofree char *roles = sl_search_roles_label ((const char * const *) hit->roles);

          g_print ("%s  %s  %s  [%s]\n    %s\n", hit->date, hit->title ? hit->title : "",
                   id, roles, snippet);
        }
      else
        g_print ("%s  %s  %s\n    %s\n", hit->date, hit->title ? hit->title : "", id, snippet);
    }
  if (hits->len == 0)
    g_print (_("No meeting holds “%s”.\n"), text);

  return SL_CLI_EXIT_OK;
}
