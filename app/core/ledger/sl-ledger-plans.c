/* sl-ledger-plans.c — the ledger's plans and research topics
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A year's study plan with its items (and the members who lead and speak
 * at each), and research topics: saved whole in one transaction, loaded by
 * year. Moved from sl-ledger.c; what the ledger's files share is in
 * sl-ledger-private.h.
 */

#define G_LOG_DOMAIN "sl-ledger"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "sl-enums.h"
#include "sl-ledger.h"
#include "sl-ledger-guard.h"
#include "sl-evidence.h"
#include "sl-ledger-extras.h"
#include "sl-ledger-private.h"
#include "sl-ledger-saves.h"
#include "sl-plan.h"
#include "sl-plan-item.h"
#include "sl-research-topic.h"
#include "sl-util.h"

/* Plans ------------------------------------------------------------------ */

static gboolean
save_plan_item_people (SlLedger             *self,
                       gint64                item,
                       const char           *role,
                       const char * const   *people,
                       GError              **error)
{
  for (guint i = 0; people != NULL && people[i] != NULL; i++)
    {
      sqlite3_stmt *stmt;
      gint64 member;

      if (!sl_ledger_resolve_member (self, people[i], role, &member, error))
        return FALSE;

      stmt = sl_database_prepare (self->database,
                                  "INSERT INTO plan_item_people (item_id, role, position, member_id) "
                                  "VALUES (?, ?, ?, ?)",
                                  error);
      if (stmt == NULL)
        return FALSE;
      sl_bind_key (stmt, 1, item);
      sl_bind_text (stmt, 2, role);
      sqlite3_bind_int (stmt, 3, i);
      sl_bind_key (stmt, 4, member);
      if (!sl_database_step_done (self->database, stmt, error))
        return FALSE;
    }

  return TRUE;
}

static gboolean
save_plan_item (SlLedger    *self,
                gint64       plan,
                guint        position,
                SlPlanItem  *item,
                GError     **error)
{
  sqlite3_stmt *stmt;
  gint64 key = 0;

  stmt = sl_database_prepare (self->database,
                              "INSERT INTO plan_items (uuid, plan_id, position, month, planned_on, "
                              "  theme, content, form, scope, department, status, note) "
                              "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12) "
                              "ON CONFLICT (uuid) DO UPDATE SET plan_id = excluded.plan_id, "
                              "  position = excluded.position, month = excluded.month, "
                              "  planned_on = excluded.planned_on, theme = excluded.theme, "
                              "  content = excluded.content, form = excluded.form, "
                              "  scope = excluded.scope, department = excluded.department, "
                              "  status = excluded.status, note = excluded.note "
                              "RETURNING id",
                              error);
  if (stmt == NULL)
    return FALSE;

  sl_bind_text (stmt, 1, sl_record_get_id (SL_RECORD (item)));
  sl_bind_key (stmt, 2, plan);
  sqlite3_bind_int (stmt, 3, position);
  bind_positive (stmt, 4, sl_plan_item_get_month (item));
  sl_bind_text (stmt, 5, sl_plan_item_get_planned_on (item));
  sl_bind_text (stmt, 6, sl_plan_item_get_theme (item));
  sl_bind_text (stmt, 7, sl_plan_item_get_content (item));
  bind_enum (stmt, 8, SL_TYPE_STUDY_FORM, sl_plan_item_get_form (item));
  sl_bind_text (stmt, 9, sl_plan_item_get_scope (item));
  sl_bind_text (stmt, 10, sl_plan_item_get_department (item));
  bind_enum (stmt, 11, SL_TYPE_PLAN_ITEM_STATUS, sl_plan_item_get_status (item));
  sl_bind_text (stmt, 12, sl_plan_item_get_note (item));

  if (!sl_ledger_step_returning_key (self, stmt, &key, error))
    return FALSE;
  sl_record_set_key (SL_RECORD (item), key);

  stmt = sl_database_prepare (self->database,
                              "DELETE FROM plan_item_people WHERE item_id = ?", error);
  if (stmt == NULL)
    return FALSE;
  sl_bind_key (stmt, 1, key);
  if (!sl_database_step_done (self->database, stmt, error))
    return FALSE;

  return save_plan_item_people (self, key, "lead", sl_plan_item_get_leads (item), error) &&
         save_plan_item_people (self, key, "speaker", sl_plan_item_get_speakers (item), error);
}

/* Removes the rows of a list that the object no longer has: the ids it
 * keeps are passed as a JSON array, so that one prepared statement serves
 * any number of them. */
gboolean
sl_ledger_delete_missing (SlLedger    *self,
                          const char  *sql,
                          gint64       parent,
                          GListModel  *kept,
                          GError     **error)
{
  g_autoptr(GString) ids = g_string_new ("[");
  sqlite3_stmt *stmt;
  guint n = g_list_model_get_n_items (kept);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(SlRecord) record = g_list_model_get_item (kept, i);

      /* UUIDs hold no characters that JSON would need to escape. */
      g_string_append_printf (ids, "%s\"%s\"", i ? "," : "", sl_record_get_id (record));
    }
  g_string_append_c (ids, ']');

  if (!(stmt = sl_database_prepare (self->database, sql, error)))
    return FALSE;
  sl_bind_key (stmt, 1, parent);
  sl_bind_text (stmt, 2, ids->str);

  return sl_database_step_done (self->database, stmt, error);
}

static gboolean
save_plan (SlLedger     *self,
           SlPlan       *plan,
           SlSaveFlags   flags,
           GError      **error)
{
  GListModel *items = sl_plan_get_items (plan);
  sqlite3_stmt *stmt;
  gint64 organization = 0;
  gint64 key = 0;
  guint n;

  if (sl_plan_get_year (plan) <= 0)
    {
      g_set_error (error, SL_LEDGER_ERROR, SL_LEDGER_ERROR_INVALID,
                   _("A plan needs a year"));
      return FALSE;
    }

  if (sl_plan_get_organization (plan) == NULL)
    {
      g_set_error (error, SL_LEDGER_ERROR, SL_LEDGER_ERROR_INVALID,
                   _("A plan needs an organization"));
      return FALSE;
    }

  if (!sl_ledger_resolve (self, RESOLVE_ORGANIZATION, sl_plan_get_organization (plan),
                "organization", &organization, error) ||
      !sl_evidence_check_record_change (self, plan, error))
    return FALSE;

  if (sl_ledger_is_new (self, "SELECT 1 FROM plans WHERE uuid = ?", sl_record_get_id (SL_RECORD (plan))))
    flags |= SAVE_NEW_RECORD;

  stmt = sl_database_prepare (self->database,
                              "INSERT INTO plans (uuid, organization_id, year, title, guiding, "
                              "  focus, forms, requirements) "
                              "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8) "
                              "ON CONFLICT (uuid) DO UPDATE SET "
                              "  organization_id = excluded.organization_id, year = excluded.year, "
                              "  title = excluded.title, guiding = excluded.guiding, "
                              "  focus = excluded.focus, forms = excluded.forms, "
                              "  requirements = excluded.requirements "
                              "RETURNING id",
                              error);
  if (stmt == NULL)
    return FALSE;

  sl_bind_text (stmt, 1, sl_record_get_id (SL_RECORD (plan)));
  sl_bind_key (stmt, 2, organization);
  sqlite3_bind_int (stmt, 3, sl_plan_get_year (plan));
  sl_bind_text (stmt, 4, sl_plan_get_title (plan));
  sl_bind_text (stmt, 5, sl_plan_get_guiding (plan));
  sl_bind_text (stmt, 6, sl_plan_get_focus (plan));
  sl_bind_text (stmt, 7, sl_plan_get_forms (plan));
  sl_bind_text (stmt, 8, sl_plan_get_requirements (plan));

  if (!sl_ledger_step_returning_key (self, stmt, &key, error) ||
      !sl_ledger_save_plan_extras (self, key, plan, error))
    return FALSE;
  sl_record_set_key (SL_RECORD (plan), key);

  if (!(flags & (SL_SAVE_MERGE | SAVE_NEW_RECORD)) &&
      !sl_ledger_delete_missing (self,
                                 "DELETE FROM plan_items WHERE plan_id = ?1 "
                                 "AND uuid NOT IN (SELECT value FROM json_each (?2))",
                                 key, items, error))
    return FALSE;

  n = g_list_model_get_n_items (items);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(SlPlanItem) item = g_list_model_get_item (items, i);
      g_autofree char *where = g_strdup_printf ("items[%u]", i);

      if (!save_plan_item (self, key, i, item, error))
        {
          g_prefix_error (error, "%s: ", where);
          return FALSE;
        }
    }

  return TRUE;
}

static gboolean
save_plan_record (SlLedger     *self,
                  SlRecord     *record,
                  SlSaveFlags   flags,
                  GError      **error)
{
  return save_plan (self, SL_PLAN (record), flags, error);
}

gboolean
sl_ledger_save_plan (SlLedger     *self,
                     SlPlan       *plan,
                     SlSaveFlags   flags,
                     GError      **error)
{
  g_return_val_if_fail (SL_IS_LEDGER (self), FALSE);
  g_return_val_if_fail (SL_IS_PLAN (plan), FALSE);

  return sl_ledger_save_with_flags (self, SL_RECORD (plan), flags,
                                    save_plan_record, error);
}

#define SELECT_PLANS \
  "SELECT p.id, p.uuid, o.uuid, p.year, p.title, p.guiding, p.focus, p.forms, p.requirements, " \
  "  p.change_count " \
  "FROM plans p JOIN organizations o ON o.id = p.organization_id " \
  "WHERE ?1 = 0 OR p.year = ?1 ORDER BY p.year, p.id"

static gboolean
read_plan_items (SlLedger  *self,
                 SlPlan    *plan,
                 GError   **error)
{
  GListStore *items = G_LIST_STORE (sl_plan_get_items (plan));
  g_autoptr(GPtrArray) list = g_ptr_array_new_with_free_func (g_object_unref);
  sqlite3_stmt *stmt;
  int rc;

  stmt = sl_database_prepare (self->database,
                              "SELECT id, uuid, month, planned_on, theme, content, form, scope, "
                              "  department, status, note "
                              "FROM plan_items WHERE plan_id = ? ORDER BY position, id",
                              error);
  if (stmt == NULL)
    return FALSE;

  sl_bind_key (stmt, 1, sl_record_get_key (SL_RECORD (plan)));
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      SlPlanItem *item = sl_plan_item_new ();

      sl_record_set_key (SL_RECORD (item), sqlite3_column_int64 (stmt, 0));
      sl_record_set_id (SL_RECORD (item), column_text (stmt, 1));
      sl_plan_item_set_month (item, sqlite3_column_int (stmt, 2));
      sl_plan_item_set_planned_on (item, column_text (stmt, 3));
      sl_plan_item_set_theme (item, column_text (stmt, 4));
      sl_plan_item_set_content (item, column_text (stmt, 5));
      sl_plan_item_set_form (item, column_enum (stmt, 6, SL_TYPE_STUDY_FORM));
      sl_plan_item_set_scope (item, column_text (stmt, 7));
      sl_plan_item_set_department (item, column_text (stmt, 8));
      sl_plan_item_set_status (item, column_enum (stmt, 9, SL_TYPE_PLAN_ITEM_STATUS));
      sl_plan_item_set_note (item, column_text (stmt, 10));
      g_ptr_array_add (list, item);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    return sl_database_set_error (self->database, rc, error);

  for (guint i = 0; i < list->len; i++)
    {
      SlPlanItem *item = g_ptr_array_index (list, i);
      g_autoptr(GStrvBuilder) leads = g_strv_builder_new ();
      g_autoptr(GStrvBuilder) speakers = g_strv_builder_new ();
      g_auto(GStrv) lead_ids = NULL;
      g_auto(GStrv) speaker_ids = NULL;

      stmt = sl_database_prepare (self->database,
                                  "SELECT pp.role, m.uuid FROM plan_item_people pp "
                                  "JOIN members m ON m.id = pp.member_id "
                                  "WHERE pp.item_id = ? ORDER BY pp.role, pp.position",
                                  error);
      if (stmt == NULL)
        return FALSE;

      sl_bind_key (stmt, 1, sl_record_get_key (SL_RECORD (item)));
      while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
        {
          if (g_strcmp0 (column_text (stmt, 0), "lead") == 0)
            g_strv_builder_add (leads, column_text (stmt, 1));
          else
            g_strv_builder_add (speakers, column_text (stmt, 1));
        }
      sqlite3_reset (stmt);
      if (rc != SQLITE_DONE)
        return sl_database_set_error (self->database, rc, error);

      lead_ids = g_strv_builder_end (leads);
      speaker_ids = g_strv_builder_end (speakers);
      sl_plan_item_set_leads (item, (const char * const *) lead_ids);
      sl_plan_item_set_speakers (item, (const char * const *) speaker_ids);
    }

  g_list_store_splice (items, 0, g_list_model_get_n_items (G_LIST_MODEL (items)),
                       list->pdata, list->len);
  return TRUE;
}

GPtrArray *
sl_ledger_load_plans (SlLedger  *self,
                      int        year,
                      GError   **error)
{
  g_autoptr(GPtrArray) plans = g_ptr_array_new_with_free_func (g_object_unref);
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (SL_IS_LEDGER (self), NULL);

  if (!(stmt = sl_database_prepare (self->database, SELECT_PLANS, error)))
    return NULL;

  sqlite3_bind_int (stmt, 1, year);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      SlPlan *plan = sl_plan_new ();

      sl_record_set_key (SL_RECORD (plan), sqlite3_column_int64 (stmt, 0));
      sl_record_set_id (SL_RECORD (plan), column_text (stmt, 1));
      sl_plan_set_organization (plan, column_text (stmt, 2));
      sl_plan_set_year (plan, sqlite3_column_int (stmt, 3));
      sl_plan_set_title (plan, column_text (stmt, 4));
      sl_plan_set_guiding (plan, column_text (stmt, 5));
      sl_plan_set_focus (plan, column_text (stmt, 6));
      sl_plan_set_forms (plan, column_text (stmt, 7));
      sl_plan_set_requirements (plan, column_text (stmt, 8));
      sl_record_set_change_count (SL_RECORD (plan), sqlite3_column_int64 (stmt, 9));
      g_ptr_array_add (plans, plan);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      sl_database_set_error (self->database, rc, error);
      return NULL;
    }

  for (guint i = 0; i < plans->len; i++)
    if (!read_plan_items (self, g_ptr_array_index (plans, i), error) ||
        !sl_ledger_load_plan_extras (self, g_ptr_array_index (plans, i), error))
      return NULL;

  return g_steal_pointer (&plans);
}

/* Research topics ---------------------------------------------------------- */

static gboolean
save_research_topic (SlLedger         *self,
                     SlResearchTopic  *topic,
                     GError          **error)
{
  sqlite3_stmt *stmt;
  gint64 organization = 0, lead = 0, key = 0;

  g_return_val_if_fail (SL_IS_LEDGER (self), FALSE);
  g_return_val_if_fail (SL_IS_RESEARCH_TOPIC (topic), FALSE);

  if (sl_research_topic_get_year (topic) <= 0 || sl_research_topic_get_organization (topic) == NULL)
    {
      g_set_error (error, SL_LEDGER_ERROR, SL_LEDGER_ERROR_INVALID,
                   _("A research topic needs an organization and a year"));
      return FALSE;
    }

  if (!sl_ledger_resolve (self, RESOLVE_ORGANIZATION, sl_research_topic_get_organization (topic),
                "organization", &organization, error) ||
      !sl_ledger_resolve_member (self, sl_research_topic_get_lead (topic), "lead", &lead, error) ||
      !sl_evidence_check_record_change (self, topic, error))
    return FALSE;

  stmt = sl_database_prepare (self->database,
                              "INSERT INTO research_topics (uuid, organization_id, year, lead_id, "
                              "  title, status, note) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7) "
                              "ON CONFLICT (uuid) DO UPDATE SET "
                              "  organization_id = excluded.organization_id, year = excluded.year, "
                              "  lead_id = excluded.lead_id, title = excluded.title, "
                              "  status = excluded.status, note = excluded.note "
                              "RETURNING id",
                              error);
  if (stmt == NULL)
    return FALSE;

  sl_bind_text (stmt, 1, sl_record_get_id (SL_RECORD (topic)));
  sl_bind_key (stmt, 2, organization);
  sqlite3_bind_int (stmt, 3, sl_research_topic_get_year (topic));
  sl_bind_key (stmt, 4, lead);
  sl_bind_text (stmt, 5, sl_research_topic_get_title (topic));
  bind_enum (stmt, 6, SL_TYPE_TOPIC_STATUS, sl_research_topic_get_status (topic));
  sl_bind_text (stmt, 7, sl_research_topic_get_note (topic));

  if (!sl_ledger_step_returning_key (self, stmt, &key, error))
    return FALSE;

  sl_record_set_key (SL_RECORD (topic), key);
  return TRUE;
}

static gboolean
save_research_topic_record (SlLedger  *self,
                            SlRecord  *record,
                            GError   **error)
{
  return save_research_topic (self, SL_RESEARCH_TOPIC (record), error);
}

gboolean
sl_ledger_save_research_topic (SlLedger         *self,
                               SlResearchTopic  *topic,
                               GError          **error)
{
  g_return_val_if_fail (SL_IS_LEDGER (self), FALSE);
  g_return_val_if_fail (SL_IS_RESEARCH_TOPIC (topic), FALSE);

  return sl_ledger_save_guarded (self, SL_RECORD (topic),
                                 save_research_topic_record, error);
}

GPtrArray *
sl_ledger_load_research_topics (SlLedger  *self,
                                int        year,
                                GError   **error)
{
  g_autoptr(GPtrArray) topics = g_ptr_array_new_with_free_func (g_object_unref);
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (SL_IS_LEDGER (self), NULL);

  stmt = sl_database_prepare (self->database,
                              "SELECT t.id, t.uuid, o.uuid, t.year, l.uuid, t.title, t.status, t.note, "
                              "  t.change_count "
                              "FROM research_topics t JOIN organizations o ON o.id = t.organization_id "
                              "  LEFT JOIN members l ON l.id = t.lead_id "
                              "WHERE ?1 = 0 OR t.year = ?1 ORDER BY t.year, t.id",
                              error);
  if (stmt == NULL)
    return NULL;

  sqlite3_bind_int (stmt, 1, year);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      SlResearchTopic *topic = sl_research_topic_new ();

      sl_record_set_key (SL_RECORD (topic), sqlite3_column_int64 (stmt, 0));
      sl_record_set_id (SL_RECORD (topic), column_text (stmt, 1));
      sl_research_topic_set_organization (topic, column_text (stmt, 2));
      sl_research_topic_set_year (topic, sqlite3_column_int (stmt, 3));
      sl_research_topic_set_lead (topic, column_text (stmt, 4));
      sl_research_topic_set_title (topic, column_text (stmt, 5));
      sl_research_topic_set_status (topic, column_enum (stmt, 6, SL_TYPE_TOPIC_STATUS));
      sl_research_topic_set_note (topic, column_text (stmt, 7));
      sl_record_set_change_count (SL_RECORD (topic), sqlite3_column_int64 (stmt, 8));
      g_ptr_array_add (topics, topic);
    }
  sqlite3_reset (stmt);

  if (rc != SQLITE_DONE)
    {
      sl_database_set_error (self->database, rc, error);
      return NULL;
    }

  return g_steal_pointer (&topics);
}
