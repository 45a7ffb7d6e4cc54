/* sl-roster-problems.c — what a roster's rows would meet on import, row by row
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The import preview says everything at once: a tester fixed the one
 * error it showed (a name twice) and only then met the warning it had
 * hidden (a row of no organization). So every problem of every row is
 * listed, the errors first; the import itself refuses on the first error
 * (sl_roster_check_rows()), with the same message.
 *
 * A row pasted twice in Excel (every cell the same once cleaned) says
 * nothing the first one did not: it is a warning, and the import skips
 * it. Two rows of one name that differ in any cell are two people, or one
 * person with two sets of facts, which only the secretary can tell: an
 * error, as before.
 */

#define G_LOG_DOMAIN "sl-roster"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "sl-csv-reader.h"
#include "sl-ledger.h"
#include "sl-roster-problems.h"

void
sl_roster_problem_free (SlRosterProblem *problem)
{
  if (problem == NULL)
    return;
  g_free (problem->organization);
  g_free (problem->message);
  g_free (problem);
}

static SlRosterProblem *
problem_new (SlRosterProblemKind  kind,
             guint                line,
             char                *message)
{
  SlRosterProblem *problem = g_new0 (SlRosterProblem, 1);

  problem->kind = kind;
  problem->error = kind == SL_ROSTER_PROBLEM_DUPLICATE || kind == SL_ROSTER_PROBLEM_ROW;
  problem->line = line;
  problem->message = message;
  return problem;
}

/* Every cell the import reads of a row, cleaned as the reader cleans
 * it (sl-csv-reader.c: trimmed cells, the name normalised), and the
 * organization it goes to: equal keys, equal rows. The 所属支部 cell counts
 * even when --organization overrides it: two rows of one name from two
 * branches may be two people. An empty cell is NULL there, so NULL and ""
 * need not differ here. */
static char *
row_key (SlRosterRow *row,
         const char  *organization)
{
  return g_strjoin ("\x1f",
                    organization ? organization : "",
                    row->organization ? row->organization : "",
                    row->name ? row->name : "",
                    row->gender ? row->gender : "",
                    row->post ? row->post : "",
                    row->party_joined_on ? row->party_joined_on : "",
                    row->phone ? row->phone : "",
                    row->note ? row->note : "",
                    NULL);
}

/**
 * sl_roster_list_problems:
 * @rows: (element-type SlRosterRow): the file's rows
 * @organization: (nullable): the organization every row goes to, or
 *   %NULL for the rows' own 所属支部 cells
 * @ledger: (nullable): the ledger they go into; without it no row is
 *   said to name an organization the ledger does not have
 *
 * Every problem of every row: each row's own fault (an empty name, a
 * date that is none) and each repeated name with other cells (errors),
 * then each row that repeats an earlier one in every cell (skipped by the
 * import), each row that would belong to no organization, and each
 * 所属支部 the ledger does not have while it has others (warnings: the
 * import goes on, and adds the organization, which a misspelt name would
 * make in error).
 *
 * Returns: (transfer full) (element-type SlRosterProblem): errors first,
 *   each kind by line; empty when there is nothing to say
 */
GPtrArray *
sl_roster_list_problems (GPtrArray  *rows,
                         const char *organization,
                         SlLedger   *ledger)
{
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GHashTable) seen_rows = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GPtrArray) warnings = g_ptr_array_new_with_free_func ((GDestroyNotify) sl_roster_problem_free);
  GPtrArray *problems = g_ptr_array_new_with_free_func ((GDestroyNotify) sl_roster_problem_free);
  gboolean given = organization != NULL && *organization != '\0';
  gboolean ledger_has_some = ledger != NULL && g_list_model_get_n_items (sl_ledger_get_organizations (ledger)) > 0;

  g_return_val_if_fail (rows != NULL, problems);

  for (guint i = 0; i < rows->len; i++)
    {
      SlRosterRow *row = g_ptr_array_index (rows, i);
      const char *name = given ? organization : row->organization;
      g_autofree char *key = g_strconcat (name ? name : "", "\n", row->name, NULL);
      gpointer first_line;

      /* A row with no name or a date that is none: its own error, and
       * nothing else is said of it (its name matches nobody). */
      if (row->problem != NULL)
        {
          g_ptr_array_add (problems, problem_new (SL_ROSTER_PROBLEM_ROW, row->line, g_strdup (row->problem)));
          continue;
        }

      g_autofree char *whole = row_key (row, name);
      gpointer same_line;

      /* The same row again: said once, of the first line it repeats,
       * and nothing else (the first line has had its warnings). */
      if (g_hash_table_lookup_extended (seen_rows, whole, NULL, &same_line))
        {
          SlRosterProblem *problem =
            problem_new (SL_ROSTER_PROBLEM_REPEAT, row->line,
                         g_strdup_printf (_("line %u is the same as line %u in every cell (“%s”) and is "
                                            "skipped; delete it from the file if it was pasted twice"),
                                          row->line, GPOINTER_TO_UINT (same_line), row->name));

          problem->first_line = GPOINTER_TO_UINT (same_line);
          g_ptr_array_add (warnings, problem);
          continue;
        }
      g_hash_table_insert (seen_rows, g_steal_pointer (&whole), GUINT_TO_POINTER (row->line));

      if (g_hash_table_lookup_extended (seen, key, NULL, &first_line))
        {
          SlRosterProblem *problem =
            problem_new (SL_ROSTER_PROBLEM_DUPLICATE, row->line,
                         g_strdup_printf (_("line %u: “%s” is already on line %u of the same organization; "
                                            "delete the repeated line, or tell the two people apart in the name "
                                            "(for example 王芳（财务科）)"),
                                          row->line, row->name, GPOINTER_TO_UINT (first_line)));

          problem->first_line = GPOINTER_TO_UINT (first_line);
          g_ptr_array_add (problems, problem);
        }
      else
        g_hash_table_insert (seen, g_steal_pointer (&key), GUINT_TO_POINTER (row->line));

      if (given)
        continue;
      if (row->organization == NULL || *row->organization == '\0')
        g_ptr_array_add (warnings,
                         problem_new (SL_ROSTER_PROBLEM_NO_ORGANIZATION, row->line,
                                      g_strdup_printf (_("line %u: 所属支部 is empty: “%s” will belong to no "
                                                         "organization; fill in the cell, or choose the "
                                                         "organization above"),
                                                       row->line, row->name)));
      else if (ledger_has_some && sl_ledger_find_organization_by_name (ledger, row->organization) == NULL)
        {
          SlRosterProblem *problem =
            problem_new (SL_ROSTER_PROBLEM_NEW_ORGANIZATION, row->line,
                         g_strdup_printf (_("line %u: the ledger has no organization “%s”: importing adds "
                                            "it as a new one; correct the 所属支部 if it is misspelt"),
                                          row->line, row->organization));

          problem->organization = g_strdup (row->organization);
          g_ptr_array_add (warnings, problem);
        }
    }

  g_ptr_array_extend_and_steal (problems, g_steal_pointer (&warnings));
  return problems;
}
