/* sl-statistics-evidence.c — which meetings stand as evidence: drafts and signed sheets
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A meeting is a draft until finalised (sl-evidence.c). The overview
 * counts the drafts of the year and those held more than
 * draft_warning_days ago, which should have been signed off by now. A
 * final meeting without the scan of its signed sign-in sheet (an
 * attachment of kind signed_sheet) carries less weight at an inspection:
 * the rule signed_sheet_attached (period YYYY) counts them, unless the
 * setting require_signed_sheet is 0.
 */

#define G_LOG_DOMAIN "sl-statistics"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "sl-database.h"
#include "sl-statistics-private.h"

static gboolean
count_drafts (Query   *query,
              GError **error)
{
  g_autoptr(GDate) cutoff = g_date_new ();
  char cutoff_text[11] = "0000-00-00";
  sqlite3_stmt *stmt;
  int rc;

  g_date_set_parse (cutoff, query->stats->today);
  if (g_date_valid (cutoff))
    {
      g_date_subtract_days (cutoff, MAX (query->stats->rules.draft_warning_days, 0));
      g_date_strftime (cutoff_text, sizeof cutoff_text, "%Y-%m-%d", cutoff);
    }

  stmt = sl_database_prepare (query->database,
                              "SELECT count(*), coalesce(sum(m.date < ?5), 0) FROM meetings m "
                              "WHERE m.year = ?1 AND (?2 IS NULL OR m.organization_id = ?2) "
                              "  AND NOT EXISTS (SELECT 1 FROM meeting_finals f WHERE f.meeting_id = m.id)",
                              error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int (stmt, 1, query->stats->year);
  sl_bind_key (stmt, 2, query->organization);
  sl_bind_text (stmt, 5, cutoff_text);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    {
      query->stats->meetings_draft = sqlite3_column_int (stmt, 0);
      query->stats->drafts_overdue = sqlite3_column_int (stmt, 1);
    }
  sqlite3_reset (stmt);

  if (rc != SQLITE_ROW)
    return sl_database_set_error (query->database, rc, error);
  return TRUE;
}

static gboolean
check_signed_sheets (Query   *query,
                     GError **error)
{
  g_autoptr(GPtrArray) missing = g_ptr_array_new_with_free_func (g_free);
  SlComplianceResult *result;
  sqlite3_stmt *stmt;
  guint required = 0, actual = 0;
  int rc;

  if (!query->stats->rules.require_signed_sheet)
    return TRUE;

  stmt = sl_database_prepare (query->database,
                              "SELECT m.date, m.title, EXISTS ("
                              "  SELECT 1 FROM attachments a WHERE a.meeting_id = m.id AND a.kind = 'signed_sheet') "
                              "FROM meetings m JOIN meeting_finals f ON f.meeting_id = m.id "
                              "WHERE m.year = ?1 AND (?2 IS NULL OR m.organization_id = ?2) "
                              "ORDER BY m.date, m.id",
                              error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int (stmt, 1, query->stats->year);
  sl_bind_key (stmt, 2, query->organization);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      required++;
      if (sqlite3_column_int (stmt, 2))
        actual++;
      else
        g_ptr_array_add (missing, g_strdup_printf ("%s %s", sl_column_text (stmt, 0),
                                                   sl_column_text (stmt, 1) ? sl_column_text (stmt, 1) : ""));
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    return sl_database_set_error (query->database, rc, error);

  /* Only a year with final meetings says anything about their sheets. */
  if (required == 0)
    return TRUE;

  result = sl_statistics_add_result (query, "signed_sheet_attached",
                                     g_strdup_printf ("%d", query->stats->year),
                                     query->first_day, query->last_day, required, actual);
  /* A sheet can be scanned and attached any time: missing, not due. */
  if (actual < required)
    result->status = SL_COMPLIANCE_MISSED;
  g_ptr_array_extend_and_steal (result->missing, g_steal_pointer (&missing));

  return TRUE;
}

gboolean
sl_statistics_check_evidence (Query   *query,
                              GError **error)
{
  return count_drafts (query, error) && check_signed_sheets (query, error);
}
