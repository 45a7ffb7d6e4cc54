/* sl-roster-import.c — put a roster file's people into the ledger
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A roster names people; the ledger matches them by name within their
 * organization, so importing the same (or a corrected) roster again
 * updates the members it already has instead of adding them twice. Cells
 * that are empty in the file leave what the ledger knows alone. New
 * members join the end of the roster order in the file's order.
 *
 * The organization is --organization when given (every row goes there),
 * else the row's 所属支部/所属组织 cell, else none; organizations that do
 * not exist yet are created. Everything happens in one transaction.
 */

#define G_LOG_DOMAIN "sl-roster"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "sl-csv-reader.h"
#include "sl-ledger.h"
#include "sl-member.h"
#include "sl-organization.h"
#include "sl-roster-import.h"
#include "sl-roster-problems.h"
#include "sl-util.h"

G_DEFINE_QUARK (sl-roster-error-quark, sl_roster_error)

/* The usual names say what kind of organization it is. */
SlOrganizationKind
sl_organization_kind_guess (const char *name)
{
  if (name == NULL)
    return SL_ORGANIZATION_KIND_OTHER;
  if (strstr (name, "党组") != NULL)
    return SL_ORGANIZATION_KIND_PARTY_GROUP;
  if (strstr (name, "党委") != NULL || strstr (name, "委员会") != NULL)
    return SL_ORGANIZATION_KIND_PARTY_COMMITTEE;
  if (strstr (name, "支部") != NULL)
    return SL_ORGANIZATION_KIND_BRANCH;
  return SL_ORGANIZATION_KIND_OTHER;
}

static SlOrganization *
ensure_organization (SlLedger        *ledger,
                     const char      *name,
                     SlRosterCounts  *counts,
                     GError         **error)
{
  g_autoptr(SlOrganization) organization = NULL;
  SlOrganization *found;

  if (name == NULL || *name == '\0')
    return NULL;

  if ((found = sl_ledger_find_organization_by_name (ledger, name)) != NULL)
    return found;

  organization = sl_organization_new ();
  sl_organization_set_name (organization, name);
  sl_organization_set_kind (organization, sl_organization_kind_guess (name));
  if (!sl_ledger_save_organization (ledger, organization, error))
    return NULL;

  counts->organizations_added++;
  return sl_ledger_find_organization (ledger, sl_record_get_id (SL_RECORD (organization)));
}

static char *
member_key (const char *organization,
            const char *name)
{
  return g_strconcat (organization ? organization : "", "\n", name, NULL);
}

/* Copies the row's non-empty cells onto @member; TRUE if anything changed. */
static gboolean
apply_row (SlMember    *member,
           SlRosterRow *row)
{
  gboolean changed = FALSE;

#define APPLY(field)                                                            \
  if (row->field != NULL && g_strcmp0 (row->field, sl_member_get_##field (member)) != 0) \
    {                                                                           \
      sl_member_set_##field (member, row->field);                               \
      changed = TRUE;                                                           \
    }

  APPLY (gender);
  APPLY (post);
  APPLY (party_joined_on);
  APPLY (phone);
  APPLY (note);

#undef APPLY

  return changed;
}

/**
 * sl_roster_check_rows:
 * @rows: (element-type SlRosterRow): the file's rows
 * @organization: (nullable): the organization every row goes to, or
 *   %NULL for the rows' own 所属支部 cells
 *
 * Finds the first person the file names twice in one organization, so
 * that the preview can say so before anything is imported (and the
 * import refuses the same file with the same message).
 *
 * Returns: %FALSE with @error (%SL_ROSTER_ERROR_DUPLICATE) on a repeat.
 */
gboolean
sl_roster_check_rows (GPtrArray   *rows,
                      const char  *organization,
                      GError     **error)
{
  g_autoptr(GPtrArray) problems = NULL;
  SlRosterProblem *first;

  g_return_val_if_fail (rows != NULL, FALSE);

  /* The preview's list, whose errors come first (sl-roster-problems.c). */
  problems = sl_roster_list_problems (rows, organization, NULL);
  first = problems->len > 0 ? g_ptr_array_index (problems, 0) : NULL;
  if (first != NULL && first->error)
    {
      g_set_error_literal (error, SL_ROSTER_ERROR, SL_ROSTER_ERROR_DUPLICATE, first->message);
      return FALSE;
    }

  return TRUE;
}

/**
 * sl_roster_count_without_organization:
 *
 * Returns: how many of @rows would belong to no organization: none is
 *   given and their 所属支部 cell is empty. The preview warns of them.
 */
guint
sl_roster_count_without_organization (GPtrArray  *rows,
                                      const char *organization)
{
  guint n = 0;

  g_return_val_if_fail (rows != NULL, 0);

  if (organization != NULL && *organization != '\0')
    return 0;

  for (guint i = 0; i < rows->len; i++)
    {
      SlRosterRow *row = g_ptr_array_index (rows, i);

      if (row->organization == NULL || *row->organization == '\0')
        n++;
    }

  return n;
}

static gboolean
import_rows (SlLedger        *ledger,
             GPtrArray       *rows,
             const char      *organization_name,
             SlRosterCounts  *counts,
             GPtrArray       *skipped,
             GError         **error)
{
  g_autoptr(GHashTable) existing = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_object_unref);
  g_autoptr(GHashTable) repeats = g_hash_table_new (g_direct_hash, g_direct_equal);
  g_autoptr(GPtrArray) problems = NULL;
  GListModel *members = sl_ledger_get_members (ledger);
  int next_sort = 0;

  if (!sl_roster_check_rows (rows, organization_name, error))
    return FALSE;

  /* The lines that repeat an earlier one in every cell are left out,
   * and said (sl-roster-problems.c). */
  problems = sl_roster_list_problems (rows, organization_name, NULL);
  for (guint i = 0; i < problems->len; i++)
    {
      SlRosterProblem *problem = g_ptr_array_index (problems, i);

      if (problem->kind != SL_ROSTER_PROBLEM_REPEAT)
        continue;
      g_hash_table_add (repeats, GUINT_TO_POINTER (problem->line));
      counts->skipped++;
      if (skipped != NULL)
        g_ptr_array_add (skipped, g_steal_pointer (&g_ptr_array_index (problems, i)));
    }

  for (guint i = 0; i < g_list_model_get_n_items (members); i++)
    {
      g_autoptr(SlMember) member = g_list_model_get_item (members, i);
      char *key = member_key (sl_member_get_organization (member), sl_member_get_name (member));

      next_sort = MAX (next_sort, sl_member_get_sort (member) + 1);
      /* Of two members of one name, the first in roster order is matched. */
      if (!g_hash_table_contains (existing, key))
        g_hash_table_insert (existing, key, g_object_ref (member));
      else
        g_free (key);
    }

  for (guint i = 0; i < rows->len; i++)
    {
      SlRosterRow *row = g_ptr_array_index (rows, i);
      const char *name = organization_name ? organization_name : row->organization;
      SlOrganization *organization = NULL;
      g_autoptr(GError) local_error = NULL;
      g_autofree char *key = NULL;
      const char *organization_id;
      SlMember *member;

      if (g_hash_table_contains (repeats, GUINT_TO_POINTER (row->line)))
        continue;

      if (name != NULL && *name != '\0')
        {
          organization = ensure_organization (ledger, name, counts, &local_error);
          if (organization == NULL)
            {
              g_propagate_prefixed_error (error, g_steal_pointer (&local_error),
                                          _("line %u: "), row->line);
              return FALSE;
            }
        }

      organization_id = organization ? sl_record_get_id (SL_RECORD (organization)) : NULL;
      key = member_key (organization_id, row->name);

      member = g_hash_table_lookup (existing, key);
      if (member != NULL)
        {
          if (!apply_row (member, row))
            {
              counts->unchanged++;
              continue;
            }
          counts->updated++;
        }
      else
        {
          g_autoptr(SlMember) created = sl_member_new ();

          sl_member_set_name (created, row->name);
          sl_member_set_organization (created, organization_id);
          sl_member_set_sort (created, next_sort++);
          apply_row (created, row);
          member = created;
          g_hash_table_insert (existing, g_strdup (key), g_object_ref (created));
          counts->added++;
        }

      if (!sl_ledger_save_member (ledger, member, &local_error))
        {
          g_propagate_prefixed_error (error, g_steal_pointer (&local_error),
                                      _("line %u: "), row->line);
          return FALSE;
        }
    }

  return TRUE;
}

static gboolean
import_rows_in_transaction (SlLedger        *ledger,
                            GPtrArray       *rows,
                            const char      *organization,
                            SlRosterCounts  *counts,
                            GPtrArray       *skipped,
                            GError         **error)
{
  SlRosterCounts local_counts = { 0 };
  g_autoptr(GPtrArray) local_skipped = g_ptr_array_new_with_free_func ((GDestroyNotify) sl_roster_problem_free);

  g_return_val_if_fail (SL_IS_LEDGER (ledger), FALSE);
  g_return_val_if_fail (rows != NULL, FALSE);

  if (!sl_ledger_begin (ledger, error))
    return FALSE;

  if (!import_rows (ledger, rows, organization, &local_counts, local_skipped, error))
    {
      sl_ledger_rollback (ledger);
      return FALSE;
    }

  if (!sl_ledger_commit (ledger, error))
    return FALSE;

  if (counts != NULL)
    *counts = local_counts;
  if (skipped != NULL)
    g_ptr_array_extend_and_steal (skipped, g_steal_pointer (&local_skipped));

  return TRUE;
}

/**
 * sl_roster_import_rows:
 * @rows: (element-type SlRosterRow): rows from sl_roster_parse()
 * @organization: (nullable): the organization's name for every row
 *
 * Adds or updates the members of @rows, all or none; a row that repeats
 * an earlier one in every cell is skipped (@counts->skipped).
 */
gboolean
sl_roster_import_rows (SlLedger        *ledger,
                       GPtrArray       *rows,
                       const char      *organization,
                       SlRosterCounts  *counts,
                       GError         **error)
{
  return import_rows_in_transaction (ledger, rows, organization, counts, NULL, error);
}

gboolean
sl_roster_import (SlLedger        *ledger,
                  const char      *path,
                  const char      *organization,
                  SlRosterCounts  *counts,
                  GError         **error)
{
  return sl_roster_import_reporting (ledger, path, organization, counts, NULL, error);
}

/**
 * sl_roster_import_reporting:
 * @skipped: (nullable) (element-type SlRosterProblem): where the
 *   %SL_ROSTER_PROBLEM_REPEAT problems of the skipped rows are added,
 *   on success only, for the caller to tell
 *
 * sl_roster_import(), saying which rows it skipped as repeats.
 */
gboolean
sl_roster_import_reporting (SlLedger        *ledger,
                            const char      *path,
                            const char      *organization,
                            SlRosterCounts  *counts,
                            GPtrArray       *skipped,
                            GError         **error)
{
  g_autofree char *data = NULL;
  g_autoptr(GPtrArray) rows = NULL;
  g_autoptr(GError) local_error = NULL;
  gsize length;

  g_return_val_if_fail (SL_IS_LEDGER (ledger), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  if (!g_file_get_contents (path, &data, &length, &local_error))
    {
      g_set_error (error, SL_ROSTER_ERROR, SL_ROSTER_ERROR_READ,
                   _("Cannot read the roster: %s"), local_error->message);
      return FALSE;
    }

  if (!(rows = sl_roster_parse ((const guint8 *) data, length, &local_error)) ||
      !import_rows_in_transaction (ledger, rows, organization, counts, skipped, &local_error))
    {
      g_propagate_prefixed_error (error, g_steal_pointer (&local_error), "%s: ", path);
      return FALSE;
    }

  return TRUE;
}

GPtrArray *
sl_roster_find_namesakes (SlLedger   *ledger,
                          const char *name,
                          const char *organization,
                          const char *exclude)
{
  GPtrArray *namesakes = g_ptr_array_new_with_free_func (g_object_unref);
  g_autofree char *wanted = NULL;
  GListModel *members;

  g_return_val_if_fail (SL_IS_LEDGER (ledger), namesakes);

  if (name == NULL || *(wanted = sl_normalize_name (name)) == '\0')
    return namesakes;

  members = sl_ledger_get_members (ledger);
  for (guint i = 0; i < g_list_model_get_n_items (members); i++)
    {
      g_autoptr(SlMember) member = g_list_model_get_item (members, i);
      g_autofree char *other = sl_normalize_name (sl_member_get_name (member));

      if (g_strcmp0 (sl_member_get_organization (member), organization) == 0 &&
          g_strcmp0 (sl_record_get_id (SL_RECORD (member)), exclude) != 0 &&
          g_strcmp0 (other, wanted) == 0)
        g_ptr_array_add (namesakes, g_steal_pointer (&member));
    }

  return namesakes;
}

gboolean
sl_roster_note_tells_apart (GPtrArray  *namesakes,
                            const char *note)
{
  g_autofree char *mine = NULL;

  if (namesakes == NULL || namesakes->len == 0)
    return TRUE;

  mine = g_strstrip (g_strdup (note ? note : ""));
  if (*mine == '\0')
    return FALSE;

  for (guint i = 0; i < namesakes->len; i++)
    {
      const char *theirs = sl_member_get_note (g_ptr_array_index (namesakes, i));
      g_autofree char *stripped = g_strstrip (g_strdup (theirs ? theirs : ""));

      if (g_strcmp0 (stripped, mine) == 0)
        return FALSE;
    }

  return TRUE;
}
