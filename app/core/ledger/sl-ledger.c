/* sl-ledger.c — the records of one ledger file: load, save, delete
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The ledger turns record objects into rows and back. Objects refer to each
 * other by UUID; rows by integer key; this file is where one becomes the
 * other. Each save is one transaction (a savepoint when the caller already
 * holds one), so a meeting is stored whole or not at all.
 *
 * Organizations and members are few and used everywhere (names in every
 * list), so they are kept as live GListStores; meetings and plans are
 * many and are loaded on request. This file holds the transactions, the
 * row helpers, the live stores and lookups; the guarded saves and the
 * deletes are in sl-ledger-saves.c, above the change-count and evidence
 * guards that are built on this file. Saving organizations
 * and members is in sl-ledger-members.c, plans and research topics in
 * sl-ledger-plans.c, meetings and the rows inside them in
 * sl-ledger-meetings.c; what the files share, in sl-ledger-private.h.
 */

#define G_LOG_DOMAIN "sl-ledger"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "sl-attendance.h"
#include "sl-enums.h"
#include "sl-guest.h"
#include "sl-ledger.h"
#include "sl-ledger-private.h"
#include "sl-record-sync.h"
#include "sl-measure.h"
#include "sl-meeting.h"
#include "sl-member.h"
#include "sl-organization.h"
#include "sl-plan.h"
#include "sl-plan-item.h"
#include "sl-research-topic.h"
#include "sl-branch-report.h"
#include "sl-study-note.h"
#include "sl-talk.h"
#include "sl-topic.h"
#include "sl-speech.h"
#include "sl-study.h"
#include "sl-util.h"

G_DEFINE_FINAL_TYPE (SlLedger, sl_ledger, G_TYPE_OBJECT)

G_DEFINE_QUARK (sl-ledger-error-quark, sl_ledger_error)

static void
sl_ledger_finalize (GObject *object)
{
  SlLedger *self = SL_LEDGER (object);

  g_clear_pointer (&self->by_id, g_hash_table_unref);
  g_clear_pointer (&self->member_keys, g_hash_table_unref);
  g_clear_object (&self->organizations);
  g_clear_object (&self->members);
  g_clear_object (&self->database);

  G_OBJECT_CLASS (sl_ledger_parent_class)->finalize (object);
}

static void
sl_ledger_class_init (SlLedgerClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = sl_ledger_finalize;
}

static void
sl_ledger_init (SlLedger *self)
{
  self->by_id = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_object_unref);
  self->member_keys = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
}

SlLedger *
sl_ledger_new (SlDatabase *database)
{
  SlLedger *self;

  g_return_val_if_fail (SL_IS_DATABASE (database), NULL);

  self = g_object_new (SL_TYPE_LEDGER, NULL);
  self->database = g_object_ref (database);

  return self;
}

SlLedger *
sl_ledger_open (const char  *path,
                GError     **error)
{
  g_autoptr(SlDatabase) database = sl_database_open (path, error);

  if (database == NULL)
    return NULL;

  return sl_ledger_new (database);
}

/* For commands that only read: sl_database_open_read_only(). */
SlLedger *
sl_ledger_open_read_only (const char  *path,
                          GError     **error)
{
  g_autoptr(SlDatabase) database = sl_database_open_read_only (path, error);

  if (database == NULL)
    return NULL;

  return sl_ledger_new (database);
}

SlDatabase *
sl_ledger_get_database (SlLedger *self)
{
  g_return_val_if_fail (SL_IS_LEDGER (self), NULL);
  return self->database;
}

/* Row helpers ---------------------------------------------------------- */

gboolean
sl_ledger_step_returning_key (SlLedger      *self,
                              sqlite3_stmt  *stmt,
                              gint64        *key,
                              GError       **error)
{
  int rc = sqlite3_step (stmt);

  if (rc == SQLITE_ROW)
    {
      *key = sqlite3_column_int64 (stmt, 0);
      rc = sqlite3_step (stmt);
    }

  if (rc != SQLITE_DONE)
    {
      sl_database_set_error (self->database, rc, error);
      sqlite3_reset (stmt);
      return FALSE;
    }

  sqlite3_reset (stmt);
  return TRUE;
}

/* Finds the key of the row of @table whose uuid is @id. A NULL id gives
 * key 0 (no reference); an id that names nothing is an error that says
 * which field of which record refers to it. */
gboolean
sl_ledger_resolve (SlLedger    *self,
                   const char  *sql,
                   const char  *id,
                   const char  *field,
                   gint64      *key,
                   GError     **error)
{
  sqlite3_stmt *stmt;
  int rc;

  *key = 0;
  if (id == NULL)
    return TRUE;

  stmt = sl_database_prepare (self->database, sql, error);
  if (stmt == NULL)
    return FALSE;

  sl_bind_text (stmt, 1, id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    *key = sqlite3_column_int64 (stmt, 0);
  sqlite3_reset (stmt);

  if (rc != SQLITE_ROW && rc != SQLITE_DONE)
    return sl_database_set_error (self->database, rc, error);

  if (*key == 0)
    {
      g_set_error (error, SL_LEDGER_ERROR, SL_LEDGER_ERROR_REFERENCE,
                   _("%s: no record has the id %s"), field, id);
      return FALSE;
    }

  return TRUE;
}

/* sl_ledger_resolve() for a member, remembering the keys found during a transaction:
 * an import names the same few hundred members in a hundred thousand
 * attendance rows. The generation changes at every rollback and at the
 * start of every transaction, so no key outlives what it was read in. */
gboolean
sl_ledger_resolve_member (SlLedger    *self,
                          const char  *id,
                          const char  *field,
                          gint64      *key,
                          GError     **error)
{
  guint generation = sl_database_get_generation (self->database);
  gpointer found;

  if (generation != self->member_keys_generation)
    {
      g_hash_table_remove_all (self->member_keys);
      self->member_keys_generation = generation;
    }

  if (id != NULL && (found = g_hash_table_lookup (self->member_keys, id)) != NULL)
    {
      *key = GPOINTER_TO_SIZE (found);
      return TRUE;
    }

  if (!sl_ledger_resolve (self, RESOLVE_MEMBER, id, field, key, error))
    return FALSE;

  if (*key != 0 && !sqlite3_get_autocommit (sl_database_get_handle (self->database)))
    g_hash_table_insert (self->member_keys, g_strdup (id), GSIZE_TO_POINTER ((gsize) *key));

  return TRUE;
}

/* Steps a plain INSERT of a row believed new. RETURNING would build a
 * temporary b-tree per row; the new key is the last insert rowid instead.
 * *exists is set when the row's uuid turned out to exist after all (a
 * study moved from another meeting): the caller then upserts it. */
gboolean
sl_ledger_step_new_row (SlLedger      *self,
                        sqlite3_stmt  *stmt,
                        gint64        *key,
                        gboolean      *exists,
                        GError       **error)
{
  int rc = sqlite3_step (stmt);

  sqlite3_reset (stmt);
  *exists = rc == SQLITE_CONSTRAINT_UNIQUE;
  if (rc == SQLITE_DONE)
    {
      *key = sqlite3_last_insert_rowid (sl_database_get_handle (self->database));
      return TRUE;
    }
  if (*exists)
    return TRUE;

  return sl_database_set_error (self->database, rc, error);
}

gboolean
sl_ledger_is_new (SlLedger   *self,
                  const char *sql,
                  const char *id)
{
  sqlite3_stmt *stmt = sl_database_prepare (self->database, sql, NULL);
  gboolean found;

  if (stmt == NULL)
    return FALSE;   /* not known to be new: the deletes run as always */

  sl_bind_text (stmt, 1, id);
  found = sqlite3_step (stmt) == SQLITE_ROW;
  sqlite3_reset (stmt);

  return !found;
}

/* Transactions --------------------------------------------------------- */

gboolean
sl_ledger_begin (SlLedger  *self,
                 GError   **error)
{
  g_return_val_if_fail (SL_IS_LEDGER (self), FALSE);
  return sl_database_begin (self->database, error);
}

static void reload_stores (SlLedger *self);

/* A commit that fails has been rolled back already (sl_database_commit);
 * the live stores then follow the file again. Callers do not roll back
 * after a failed commit. */
gboolean
sl_ledger_commit (SlLedger  *self,
                  GError   **error)
{
  g_return_val_if_fail (SL_IS_LEDGER (self), FALSE);

  if (!sl_database_commit (self->database, error))
    {
      reload_stores (self);
      return FALSE;
    }

  return TRUE;
}

/* The live stores were changed as rows were written; what was undone is
 * read again, in one items-changed per store. */
void
sl_ledger_rollback (SlLedger *self)
{
  g_return_if_fail (SL_IS_LEDGER (self));

  sl_database_rollback (self->database);
  reload_stores (self);
}

gboolean
sl_ledger_finish (SlLedger  *self,
                  gboolean   ok,
                  GError   **error)
{
  if (!ok)
    {
      sl_database_rollback (self->database);
      return FALSE;
    }

  return sl_database_commit (self->database, error);
}

/* Organizations and members: live stores -------------------------------- */

#define SELECT_ORGANIZATIONS \
  "SELECT o.id, o.uuid, o.name, o.kind, p.uuid, o.change_count " \
  "FROM organizations o LEFT JOIN organizations p ON p.id = o.parent_id " \
  "ORDER BY o.id"

#define SELECT_MEMBERS \
  "SELECT m.id, m.uuid, m.name, m.gender, m.post, o.uuid, m.leadership, " \
  "       m.central_group, m.joined_on, m.left_on, m.sort, m.phone, m.note, m.change_count " \
  "FROM members m LEFT JOIN organizations o ON o.id = m.organization_id " \
  "ORDER BY m.sort, m.id"

static GPtrArray *
read_organizations (SlLedger  *self,
                    GError   **error)
{
  g_autoptr(GPtrArray) list = g_ptr_array_new_with_free_func (g_object_unref);
  sqlite3_stmt *stmt;
  int rc;

  if (!(stmt = sl_database_prepare (self->database, SELECT_ORGANIZATIONS, error)))
    return NULL;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      SlOrganization *organization = sl_organization_new ();

      sl_record_set_key (SL_RECORD (organization), sqlite3_column_int64 (stmt, 0));
      sl_record_set_id (SL_RECORD (organization), column_text (stmt, 1));
      sl_organization_set_name (organization, column_text (stmt, 2));
      sl_organization_set_kind (organization, column_enum (stmt, 3, SL_TYPE_ORGANIZATION_KIND));
      sl_organization_set_parent (organization, column_text (stmt, 4));
      sl_record_set_change_count (SL_RECORD (organization), sqlite3_column_int64 (stmt, 5));
      g_ptr_array_add (list, organization);
    }
  sqlite3_reset (stmt);

  if (rc != SQLITE_DONE)
    {
      sl_database_set_error (self->database, rc, error);
      return NULL;
    }

  return g_steal_pointer (&list);
}

/* members.party_joined_on, archive version 2 (sl-ledger-extras.c writes it). */
static gboolean
load_member_extras (SlLedger   *self,
                    GPtrArray  *members,
                    GError    **error)
{
  g_autoptr(GHashTable) by_id = g_hash_table_new (g_str_hash, g_str_equal);
  sqlite3_stmt *stmt;
  int rc;

  stmt = sl_database_prepare (self->database,
                              "SELECT uuid, party_joined_on FROM members "
                              "WHERE party_joined_on IS NOT NULL", error);
  if (stmt == NULL)
    return FALSE;

  for (guint i = 0; i < members->len; i++)
    {
      SlRecord *record = g_ptr_array_index (members, i);
      g_hash_table_insert (by_id, (gpointer) sl_record_get_id (record), record);
    }

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      SlMember *member = g_hash_table_lookup (by_id, column_text (stmt, 0));

      if (member != NULL)
        sl_member_set_party_joined_on (member, column_text (stmt, 1));
    }
  sqlite3_reset (stmt);

  if (rc != SQLITE_DONE)
    return sl_database_set_error (self->database, rc, error);
  return TRUE;
}

static GPtrArray *
read_members (SlLedger  *self,
              GError   **error)
{
  g_autoptr(GPtrArray) list = g_ptr_array_new_with_free_func (g_object_unref);
  sqlite3_stmt *stmt;
  int rc;

  if (!(stmt = sl_database_prepare (self->database, SELECT_MEMBERS, error)))
    return NULL;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      SlMember *member = sl_member_new ();

      sl_record_set_key (SL_RECORD (member), sqlite3_column_int64 (stmt, 0));
      sl_record_set_id (SL_RECORD (member), column_text (stmt, 1));
      sl_member_set_name (member, column_text (stmt, 2));
      sl_member_set_gender (member, column_text (stmt, 3));
      sl_member_set_post (member, column_text (stmt, 4));
      sl_member_set_organization (member, column_text (stmt, 5));
      sl_member_set_leadership (member, sqlite3_column_int (stmt, 6));
      sl_member_set_central_group (member, sqlite3_column_int (stmt, 7));
      sl_member_set_joined_on (member, column_text (stmt, 8));
      sl_member_set_left_on (member, column_text (stmt, 9));
      sl_member_set_sort (member, sqlite3_column_int (stmt, 10));
      sl_member_set_phone (member, column_text (stmt, 11));
      sl_member_set_note (member, column_text (stmt, 12));
      sl_record_set_change_count (SL_RECORD (member), sqlite3_column_int64 (stmt, 13));
      g_ptr_array_add (list, member);
    }
  sqlite3_reset (stmt);

  if (rc != SQLITE_DONE)
    {
      sl_database_set_error (self->database, rc, error);
      return NULL;
    }

  if (!load_member_extras (self, list, error))
    return NULL;

  return g_steal_pointer (&list);
}

static void
fill_store (SlLedger   *self,
            GListStore *store,
            GPtrArray  *rows)
{
  for (guint i = 0; i < rows->len; i++)
    {
      SlRecord *record = g_ptr_array_index (rows, i);
      g_hash_table_replace (self->by_id,
                            g_strdup (sl_record_get_id (record)),
                            g_object_ref (record));
    }

  /* One items-changed for the whole list. */
  g_list_store_splice (store, 0, g_list_model_get_n_items (G_LIST_MODEL (store)),
                       rows->pdata, rows->len);
}

void
sl_ledger_ensure_stores (SlLedger *self)
{
  g_autoptr(GPtrArray) organizations = NULL;
  g_autoptr(GPtrArray) members = NULL;
  g_autoptr(GError) error = NULL;

  if (self->organizations != NULL)
    return;

  self->organizations = g_list_store_new (SL_TYPE_ORGANIZATION);
  self->members = g_list_store_new (SL_TYPE_MEMBER);

  if (!(organizations = read_organizations (self, &error)) ||
      !(members = read_members (self, &error)))
    {
      g_warning ("Cannot read the roster: %s", error->message);
      return;
    }

  fill_store (self, self->organizations, organizations);
  fill_store (self, self->members, members);
}

/* Puts in @rows, for each row whose record the stores hold already, that
 * object, given the row's values. */
static void
keep_objects (SlLedger  *self,
              GPtrArray *rows)
{
  for (guint i = 0; i < rows->len; i++)
    {
      SlRecord *fresh = g_ptr_array_index (rows, i);
      SlRecord *held = g_hash_table_lookup (self->by_id, sl_record_get_id (fresh));

      if (held == NULL || held == fresh || G_OBJECT_TYPE (held) != G_OBJECT_TYPE (fresh))
        continue;

      /* A save of it waits for the ledger: the values are the user's, and
       * its old count makes the save fail if the row changed meanwhile. */
      if (self->holds == NULL || !self->holds (held, self->holds_data))
        sl_ledger_sync_record (held, fresh, NULL);
      g_ptr_array_index (rows, i) = g_object_ref (held);
      g_object_unref (fresh);
    }
}

static void
reload_stores (SlLedger *self)
{
  g_autoptr(GPtrArray) organizations = NULL;
  g_autoptr(GPtrArray) members = NULL;
  g_autoptr(GError) error = NULL;

  if (self->organizations == NULL)
    return;

  if (!(organizations = read_organizations (self, &error)) ||
      !(members = read_members (self, &error)))
    {
      g_warning ("Cannot read the roster: %s", error->message);
      return;
    }

  /* The objects that views, dialogs and editors hold stay those of the
   * stores: they take the rows' values, and a later save of one of them
   * carries the count it now shows. */
  keep_objects (self, organizations);
  keep_objects (self, members);

  g_hash_table_remove_all (self->by_id);
  fill_store (self, self->organizations, organizations);
  fill_store (self, self->members, members);
}

/**
 * sl_ledger_reload:
 *
 * Reads the live organization and member lists again, in one
 * items-changed each: after another connection (an import in a worker
 * thread, another process) wrote to the file.
 */
void
sl_ledger_reload (SlLedger *self)
{
  g_return_if_fail (SL_IS_LEDGER (self));

  reload_stores (self);
}

/**
 * sl_ledger_load_organizations:
 *
 * The organizations as the file has them, without the roster: what a
 * year's document titled with the bureau needs, at a cost that does not
 * grow with the members a century of records has seen
 * (docs/performance.md).
 * Returns: (transfer full) (element-type SlOrganization)
 */
GPtrArray *
sl_ledger_load_organizations (SlLedger  *self,
                              GError   **error)
{
  g_return_val_if_fail (SL_IS_LEDGER (self), NULL);

  return read_organizations (self, error);
}

GListModel *
sl_ledger_get_organizations (SlLedger *self)
{
  g_return_val_if_fail (SL_IS_LEDGER (self), NULL);

  sl_ledger_ensure_stores (self);
  return G_LIST_MODEL (self->organizations);
}

GListModel *
sl_ledger_get_members (SlLedger *self)
{
  g_return_val_if_fail (SL_IS_LEDGER (self), NULL);

  sl_ledger_ensure_stores (self);
  return G_LIST_MODEL (self->members);
}

SlOrganization *
sl_ledger_find_organization (SlLedger   *self,
                             const char *id)
{
  gpointer found;

  g_return_val_if_fail (SL_IS_LEDGER (self), NULL);

  if (id == NULL)
    return NULL;

  sl_ledger_ensure_stores (self);
  found = g_hash_table_lookup (self->by_id, id);
  return SL_IS_ORGANIZATION (found) ? found : NULL;
}

SlOrganization *
sl_ledger_find_organization_by_name (SlLedger   *self,
                                     const char *name)
{
  guint n;

  g_return_val_if_fail (SL_IS_LEDGER (self), NULL);
  g_return_val_if_fail (name != NULL, NULL);

  sl_ledger_ensure_stores (self);
  n = g_list_model_get_n_items (G_LIST_MODEL (self->organizations));
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(SlOrganization) organization =
        g_list_model_get_item (G_LIST_MODEL (self->organizations), i);

      if (g_strcmp0 (sl_organization_get_name (organization), name) == 0)
        return organization;
    }

  return NULL;
}

SlMember *
sl_ledger_find_member (SlLedger   *self,
                       const char *id)
{
  gpointer found;

  g_return_val_if_fail (SL_IS_LEDGER (self), NULL);

  if (id == NULL)
    return NULL;

  sl_ledger_ensure_stores (self);
  found = g_hash_table_lookup (self->by_id, id);
  return SL_IS_MEMBER (found) ? found : NULL;
}

gboolean
sl_ledger_is_empty (SlLedger *self)
{
  sqlite3_stmt *stmt;
  gboolean empty = TRUE;

  g_return_val_if_fail (SL_IS_LEDGER (self), TRUE);

  stmt = sl_database_prepare (self->database,
                              "SELECT EXISTS (SELECT 1 FROM organizations) "
                              "    OR EXISTS (SELECT 1 FROM members) "
                              "    OR EXISTS (SELECT 1 FROM meetings)",
                              NULL);
  if (stmt != NULL && sqlite3_step (stmt) == SQLITE_ROW)
    empty = !sqlite3_column_int (stmt, 0);
  if (stmt != NULL)
    sqlite3_reset (stmt);

  return empty;
}

/* Puts @record into @store: a new record is added, another object with
 * the same id is replaced, the same object is left where it is (its
 * properties already notified). */
void
sl_ledger_store_record (SlLedger   *self,
                        GListStore *store,
                        SlRecord   *record)
{
  const char *id = sl_record_get_id (record);
  gpointer existing;
  guint position;

  if (store == NULL)
    return;

  existing = g_hash_table_lookup (self->by_id, id);
  if (existing == record)
    return;

  if (existing != NULL && g_list_store_find (store, existing, &position))
    g_list_store_splice (store, position, 1, (gpointer *) &record, 1);
  else
    g_list_store_append (store, record);

  g_hash_table_replace (self->by_id, g_strdup (id), g_object_ref (record));
}

/* Lookups and deletes ------------------------------------------------------ */

static const char *
table_of (GType record_type)
{
  if (record_type == SL_TYPE_ORGANIZATION)   return "organizations";
  if (record_type == SL_TYPE_MEMBER)         return "members";
  if (record_type == SL_TYPE_PLAN)           return "plans";
  if (record_type == SL_TYPE_PLAN_ITEM)      return "plan_items";
  if (record_type == SL_TYPE_MEETING)        return "meetings";
  if (record_type == SL_TYPE_STUDY)          return "studies";
  if (record_type == SL_TYPE_MEASURE)        return "measures";
  if (record_type == SL_TYPE_RESEARCH_TOPIC) return "research_topics";
  if (record_type == SL_TYPE_TOPIC)          return "topics";
  if (record_type == SL_TYPE_TALK)           return "talks";
  if (record_type == SL_TYPE_BRANCH_REPORT)  return "branch_reports";
  if (record_type == SL_TYPE_STUDY_NOTE)     return "study_notes";
  return NULL;
}

gboolean
sl_ledger_contains (SlLedger   *self,
                    GType       record_type,
                    const char *id)
{
  /* One literal statement per table: table names are never pasted. */
  static const struct { const char *table; const char *sql; } lookups[] = {
    { "organizations",   "SELECT 1 FROM organizations WHERE uuid = ?" },
    { "members",         "SELECT 1 FROM members WHERE uuid = ?" },
    { "plans",           "SELECT 1 FROM plans WHERE uuid = ?" },
    { "plan_items",      "SELECT 1 FROM plan_items WHERE uuid = ?" },
    { "meetings",        "SELECT 1 FROM meetings WHERE uuid = ?" },
    { "studies",         "SELECT 1 FROM studies WHERE uuid = ?" },
    { "measures",        "SELECT 1 FROM measures WHERE uuid = ?" },
    { "research_topics", "SELECT 1 FROM research_topics WHERE uuid = ?" },
    { "topics",          "SELECT 1 FROM topics WHERE uuid = ?" },
    { "talks",           "SELECT 1 FROM talks WHERE uuid = ?" },
    { "branch_reports",  "SELECT 1 FROM branch_reports WHERE uuid = ?" },
    { "study_notes",     "SELECT 1 FROM study_notes WHERE uuid = ?" },
  };
  const char *table = table_of (record_type);
  gboolean found = FALSE;

  g_return_val_if_fail (SL_IS_LEDGER (self), FALSE);
  g_return_val_if_fail (table != NULL, FALSE);

  if (id == NULL)
    return FALSE;

  for (guint i = 0; i < G_N_ELEMENTS (lookups); i++)
    {
      sqlite3_stmt *stmt;

      if (!g_str_equal (lookups[i].table, table))
        continue;

      stmt = sl_database_prepare (self->database, lookups[i].sql, NULL);
      if (stmt == NULL)
        return FALSE;
      sl_bind_text (stmt, 1, id);
      found = sqlite3_step (stmt) == SQLITE_ROW;
      sqlite3_reset (stmt);
      break;
    }

  return found;
}

/**
 * sl_ledger_collect_ids:
 *
 * The ids of every record of @record_type (an organization, member or
 * plan item): for a reader that checks references without the database,
 * in another thread. Returns: (transfer full): a set of strings.
 */
GHashTable *
sl_ledger_collect_ids (SlLedger  *self,
                       GType      record_type,
                       GError   **error)
{
  static const struct { GType (*get_type) (void); const char *sql; } lists[] = {
    { sl_organization_get_type, "SELECT uuid FROM organizations" },
    { sl_member_get_type,       "SELECT uuid FROM members" },
    { sl_plan_item_get_type,    "SELECT uuid FROM plan_items" },
    { sl_topic_get_type,        "SELECT uuid FROM topics" },
  };
  g_autoptr(GHashTable) ids = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  const char *sql = NULL;
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (SL_IS_LEDGER (self), NULL);

  for (guint i = 0; i < G_N_ELEMENTS (lists); i++)
    if (record_type == lists[i].get_type ())
      sql = lists[i].sql;
  g_return_val_if_fail (sql != NULL, NULL);

  if (!(stmt = sl_database_prepare (self->database, sql, error)))
    return NULL;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_hash_table_add (ids, g_strdup (column_text (stmt, 0)));
  sqlite3_reset (stmt);

  if (rc != SQLITE_DONE)
    {
      sl_database_set_error (self->database, rc, error);
      return NULL;
    }

  return g_steal_pointer (&ids);
}

