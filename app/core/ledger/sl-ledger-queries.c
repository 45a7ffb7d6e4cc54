/* sl-ledger-queries.c — read-only questions the window asks of a ledger
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * SlLedger loads and saves records; the window also needs a few answers
 * that span them (which years have records, which plan items a meeting
 * fulfilled, which leaders still lack a research topic). They live here,
 * beside the ledger, as plain functions that tests call without a display.
 */

#define G_LOG_DOMAIN "sl-ledger-queries"

#include "config.h"

#include "sl-database.h"
#include "sl-enum-types.h"
#include "sl-enums.h"
#include "sl-ledger.h"
#include "sl-ledger-queries.h"
#include "sl-member.h"
#include "sl-organization.h"
#include "sl-research-topic.h"

void
sl_plan_fulfilment_free (SlPlanFulfilment *fulfilment)
{
  if (fulfilment == NULL)
    return;

  g_free (fulfilment->item);
  g_free (fulfilment->meeting);
  g_free (fulfilment->date);
  g_free (fulfilment->title);
  g_free (fulfilment);
}

static int
compare_years_descending (gconstpointer a,
                          gconstpointer b)
{
  return *(const int *) b - *(const int *) a;
}

/**
 * sl_ledger_query_years:
 *
 * Returns: (element-type int): the years that have meetings, plans or
 *   research topics, newest first.
 */
GArray *
sl_ledger_query_years (SlLedger  *ledger,
                       GError   **error)
{
  g_autoptr(GArray) years = g_array_new (FALSE, FALSE, sizeof (int));
  SlDatabase *database;
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (SL_IS_LEDGER (ledger), NULL);

  database = sl_ledger_get_database (ledger);
  stmt = sl_database_prepare (database,
                              "SELECT year FROM meetings "
                              "UNION SELECT year FROM plans "
                              "UNION SELECT year FROM research_topics "
                              "ORDER BY 1 DESC",
                              error);
  if (stmt == NULL)
    return NULL;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      int year = sqlite3_column_int (stmt, 0);

      if (year > 0)
        g_array_append_val (years, year);
    }
  sqlite3_reset (stmt);

  if (rc != SQLITE_DONE)
    {
      sl_database_set_error (database, rc, error);
      return NULL;
    }

  return g_steal_pointer (&years);
}

/**
 * sl_years_for_selector:
 * @years_with_records: (element-type int): from sl_ledger_query_years()
 * @current_year: this year, always offered so that a new year can start
 * @selected_year: the year shown, 0 for none
 *
 * Returns: (element-type int): what the year selector lists, newest
 *   first, each year once.
 */
GArray *
sl_years_for_selector (GArray *years_with_records,
                       int     current_year,
                       int     selected_year)
{
  GArray *years = g_array_new (FALSE, FALSE, sizeof (int));
  int extra[] = { current_year, selected_year };

  if (years_with_records != NULL)
    g_array_append_vals (years, years_with_records->data, years_with_records->len);

  for (guint i = 0; i < G_N_ELEMENTS (extra); i++)
    {
      gboolean found = FALSE;

      if (extra[i] <= 0)
        continue;
      for (guint j = 0; j < years->len && !found; j++)
        found = g_array_index (years, int, j) == extra[i];
      if (!found)
        g_array_append_val (years, extra[i]);
    }

  g_array_sort (years, compare_years_descending);

  /* Drop duplicates the caller's list may hold. */
  for (guint i = 1; i < years->len;)
    {
      if (g_array_index (years, int, i) == g_array_index (years, int, i - 1))
        g_array_remove_index (years, i);
      else
        i++;
    }

  return years;
}

/* The year of the meeting with this id, or 0 when there is none. */
int
sl_ledger_query_meeting_year (SlLedger   *ledger,
                              const char *meeting)
{
  sqlite3_stmt *stmt;
  int year = 0;

  g_return_val_if_fail (SL_IS_LEDGER (ledger), 0);

  if (meeting == NULL)
    return 0;

  stmt = sl_database_prepare (sl_ledger_get_database (ledger),
                              "SELECT year FROM meetings WHERE uuid = ?", NULL);
  if (stmt == NULL)
    return 0;

  sl_bind_text (stmt, 1, meeting);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    year = sqlite3_column_int (stmt, 0);
  sqlite3_reset (stmt);

  return year;
}

/**
 * sl_ledger_query_default_organization:
 *
 * The organization that new plans and research topics belong to when the
 * secretary has not said: the first party group (党组), else the first
 * party committee, else the first organization.
 *
 * Returns: (transfer none) (nullable): an organization of the live list
 */
SlOrganization *
sl_ledger_query_default_organization (SlLedger *ledger)
{
  static const SlOrganizationKind preferred[] = {
    SL_ORGANIZATION_KIND_PARTY_GROUP,
    SL_ORGANIZATION_KIND_PARTY_COMMITTEE,
  };
  GListModel *organizations;
  guint n;

  g_return_val_if_fail (SL_IS_LEDGER (ledger), NULL);

  organizations = sl_ledger_get_organizations (ledger);
  n = g_list_model_get_n_items (organizations);

  for (guint k = 0; k < G_N_ELEMENTS (preferred); k++)
    for (guint i = 0; i < n; i++)
      {
        g_autoptr(SlOrganization) organization = g_list_model_get_item (organizations, i);

        if (sl_organization_get_kind (organization) == preferred[k])
          return organization;   /* the list keeps it alive */
      }

  if (n > 0)
    {
      g_autoptr(SlOrganization) organization = g_list_model_get_item (organizations, 0);
      return organization;
    }

  return NULL;
}

/**
 * sl_ledger_query_plan_fulfilment:
 * @year: the plans' year
 *
 * Which items of the year's plans a meeting fulfilled. A meeting of
 * another year may fulfil an item (a December item held in January).
 *
 * Returns: (element-type utf8 SlPlanFulfilment): the plan item's id → its
 *   earliest meeting
 */
GHashTable *
sl_ledger_query_plan_fulfilment (SlLedger  *ledger,
                                 int        year,
                                 GError   **error)
{
  g_autoptr(GHashTable) table = NULL;
  SlDatabase *database;
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (SL_IS_LEDGER (ledger), NULL);

  table = g_hash_table_new_full (g_str_hash, g_str_equal, NULL,
                                 (GDestroyNotify) sl_plan_fulfilment_free);
  database = sl_ledger_get_database (ledger);
  stmt = sl_database_prepare (database,
                              "SELECT i.uuid, m.uuid, m.date, m.title "
                              "FROM meetings m JOIN plan_items i ON i.id = m.plan_item_id "
                              "  JOIN plans p ON p.id = i.plan_id "
                              "WHERE p.year = ?1 "
                              "ORDER BY m.date DESC, m.id DESC",
                              error);
  if (stmt == NULL)
    return NULL;

  sqlite3_bind_int (stmt, 1, year);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      SlPlanFulfilment *fulfilment = g_new0 (SlPlanFulfilment, 1);

      fulfilment->item = g_strdup (sl_column_text (stmt, 0));
      fulfilment->meeting = g_strdup (sl_column_text (stmt, 1));
      fulfilment->date = g_strdup (sl_column_text (stmt, 2));
      fulfilment->title = g_strdup (sl_column_text (stmt, 3));
      /* Newest first, so the earliest meeting is the one that stays. */
      g_hash_table_replace (table, fulfilment->item, fulfilment);
    }
  sqlite3_reset (stmt);

  if (rc != SQLITE_DONE)
    {
      sl_database_set_error (database, rc, error);
      return NULL;
    }

  return g_steal_pointer (&table);
}

/**
 * sl_members_leaders_in_year:
 * @members: (element-type SlMember): the roster
 *
 * Returns: (element-type SlMember) (transfer container): the leadership
 *   members on the roster for some day of @year, in roster order
 */
GPtrArray *
sl_members_leaders_in_year (GListModel *members,
                            int         year)
{
  GPtrArray *leaders = g_ptr_array_new_with_free_func (g_object_unref);
  char first_day[11], last_day[11];
  guint n;

  g_return_val_if_fail (G_IS_LIST_MODEL (members), leaders);

  g_snprintf (first_day, sizeof first_day, "%04d-01-01", year);
  g_snprintf (last_day, sizeof last_day, "%04d-12-31", year);

  n = g_list_model_get_n_items (members);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(SlMember) member = g_list_model_get_item (members, i);
      const char *joined_on = sl_member_get_joined_on (member);
      const char *left_on = sl_member_get_left_on (member);

      if (!sl_member_get_leadership (member))
        continue;
      if (joined_on != NULL && g_strcmp0 (joined_on, last_day) > 0)
        continue;
      if (left_on != NULL && g_strcmp0 (left_on, first_day) < 0)
        continue;

      g_ptr_array_add (leaders, g_steal_pointer (&member));
    }

  return leaders;
}

/**
 * sl_research_missing_leaders:
 * @leaders: (element-type SlMember): from sl_members_leaders_in_year()
 * @topics: (element-type SlResearchTopic): the year's topics
 *
 * Returns: (element-type SlMember) (transfer container): the leaders who
 *   lead none of @topics
 */
GPtrArray *
sl_research_missing_leaders (GPtrArray *leaders,
                             GPtrArray *topics)
{
  g_autoptr(GHashTable) leads = g_hash_table_new (g_str_hash, g_str_equal);
  GPtrArray *missing = g_ptr_array_new_with_free_func (g_object_unref);

  g_return_val_if_fail (leaders != NULL, missing);

  for (guint i = 0; topics != NULL && i < topics->len; i++)
    {
      const char *lead = sl_research_topic_get_lead (g_ptr_array_index (topics, i));

      if (lead != NULL)
        g_hash_table_add (leads, (gpointer) lead);
    }

  for (guint i = 0; i < leaders->len; i++)
    {
      SlMember *leader = g_ptr_array_index (leaders, i);

      if (!g_hash_table_contains (leads, sl_record_get_id (SL_RECORD (leader))))
        g_ptr_array_add (missing, g_object_ref (leader));
    }

  return missing;
}

void
sl_meeting_summary_free (SlMeetingSummary *summary)
{
  if (summary == NULL)
    return;

  g_free (summary->date);
  g_free (summary->title);
  g_free (summary->theme);
  g_free (summary->chair);
  g_free (summary->recorder);
  g_free (summary->note);
  g_clear_pointer (&summary->studies, g_ptr_array_unref);
  g_free (summary);
}

/**
 * sl_ledger_query_meeting_summaries:
 * @year: the meetings' year, > 0
 * @organization: (nullable): only this organization's meetings (its id)
 *
 * The meetings ledger prints a few fields, four counts and the studies'
 * titles of each meeting of a year. sl_ledger_load_meetings() with the
 * details built 15,000 attendance rows and five statements per meeting as
 * GObjects for that (docs/performance.md); three statements answer it
 * here, whatever the number of meetings.
 * The meetings are those sl_ledger_load_meetings() finds, in its order;
 * attendance is counted as sl_meeting_count_attendance() counts it (every
 * row of a member that exists is expected).
 *
 * Returns: (transfer container) (element-type SlMeetingSummary): one per
 *   meeting, or %NULL with @error set
 */
GPtrArray *
sl_ledger_query_meeting_summaries (SlLedger    *ledger,
                                   int          year,
                                   const char  *organization,
                                   GError     **error)
{
  g_autoptr(GPtrArray) summaries = NULL;
  g_autoptr(GHashTable) by_key = NULL;
  SlDatabase *database;
  sqlite3_stmt *stmt;
  gboolean own;
  int rc;

  g_return_val_if_fail (SL_IS_LEDGER (ledger), NULL);
  g_return_val_if_fail (year > 0, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  database = sl_ledger_get_database (ledger);
  summaries = g_ptr_array_new_with_free_func ((GDestroyNotify) sl_meeting_summary_free);
  by_key = g_hash_table_new (g_int64_hash, g_int64_equal);

  /* The statements read the same state of the file. */
  own = sqlite3_get_autocommit (sl_database_get_handle (database));
  if (own && !sl_database_exec (database, "BEGIN", error))
    return NULL;

  /* The meetings' joins and order are those of sl_ledger_load_meetings(). */
  stmt = sl_database_prepare (database,
                              "SELECT m.id, m.kind, m.sequence, m.date, m.title, m.theme, "
                              "  c.uuid, r.uuid, m.note "
                              "FROM meetings m JOIN organizations o ON o.id = m.organization_id "
                              "  LEFT JOIN members c ON c.id = m.chair_id "
                              "  LEFT JOIN members r ON r.id = m.recorder_id "
                              "WHERE m.year = ?1 AND (?2 IS NULL OR o.uuid = ?2) "
                              "ORDER BY m.date, m.start_time, m.id",
                              error);
  if (stmt == NULL)
    goto failed;

  sqlite3_bind_int (stmt, 1, year);
  sl_bind_text (stmt, 2, organization);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      SlMeetingSummary *summary = g_new0 (SlMeetingSummary, 1);
      int kind = 0;

      /* The schema's CHECKs keep unknown codes out; a stray one reads as none. */
      if (!sl_enum_from_code (SL_TYPE_MEETING_KIND, sl_column_text (stmt, 1), &kind))
        kind = SL_MEETING_KIND_NONE;

      summary->meeting = sqlite3_column_int64 (stmt, 0);
      summary->kind = kind;
      summary->sequence = sqlite3_column_int (stmt, 2);
      summary->date = g_strdup (sl_column_text (stmt, 3));
      summary->title = g_strdup (sl_column_text (stmt, 4));
      summary->theme = g_strdup (sl_column_text (stmt, 5));
      summary->chair = g_strdup (sl_column_text (stmt, 6));
      summary->recorder = g_strdup (sl_column_text (stmt, 7));
      summary->note = g_strdup (sl_column_text (stmt, 8));
      summary->studies = g_ptr_array_new_with_free_func (g_free);
      g_ptr_array_add (summaries, summary);
      g_hash_table_insert (by_key, &summary->meeting, summary);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      sl_database_set_error (database, rc, error);
      goto failed;
    }

  /* A statement of its own: joined to the meetings above, the grouping
   * sorted 15,000 wide rows and took twice as long. */
  stmt = sl_database_prepare (database,
                              "SELECT a.meeting_id, count (*), "
                              "  sum (a.status = 'present'), sum (a.status = 'leave'), "
                              "  sum (a.status = 'absent') "
                              "FROM meetings m JOIN attendance a ON a.meeting_id = m.id "
                              "  JOIN members mb ON mb.id = a.member_id "
                              "WHERE m.year = ?1 GROUP BY a.meeting_id",
                              error);
  if (stmt == NULL)
    goto failed;

  sqlite3_bind_int (stmt, 1, year);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 key = sqlite3_column_int64 (stmt, 0);
      SlMeetingSummary *summary = g_hash_table_lookup (by_key, &key);

      /* NULL: a meeting of another organization. */
      if (summary == NULL)
        continue;
      summary->expected = sqlite3_column_int (stmt, 1);
      summary->present = sqlite3_column_int (stmt, 2);
      summary->leave = sqlite3_column_int (stmt, 3);
      summary->absent = sqlite3_column_int (stmt, 4);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      sl_database_set_error (database, rc, error);
      goto failed;
    }

  stmt = sl_database_prepare (database,
                              "SELECT s.meeting_id, s.title "
                              "FROM meetings m JOIN studies s ON s.meeting_id = m.id "
                              "WHERE m.year = ?1 ORDER BY s.meeting_id, s.position, s.id",
                              error);
  if (stmt == NULL)
    goto failed;

  sqlite3_bind_int (stmt, 1, year);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 key = sqlite3_column_int64 (stmt, 0);
      SlMeetingSummary *summary = g_hash_table_lookup (by_key, &key);
      const char *title = sl_column_text (stmt, 1);

      if (summary != NULL)
        g_ptr_array_add (summary->studies, g_strdup (title != NULL ? title : ""));
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      sl_database_set_error (database, rc, error);
      goto failed;
    }

  if (own)
    sl_database_exec (database, "COMMIT", NULL);
  return g_steal_pointer (&summaries);

failed:
  if (own)
    sl_database_exec (database, "ROLLBACK", NULL);
  return NULL;
}

/**
 * sl_ledger_query_reload:
 *
 * Reads the live organization and member lists again: after another
 * connection (an import in a worker thread) wrote to the file.
 */
gboolean
sl_ledger_query_reload (SlLedger  *ledger,
                        GError   **error)
{
  g_return_val_if_fail (SL_IS_LEDGER (ledger), FALSE);

  sl_ledger_reload (ledger);
  return TRUE;
}
