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
 * many and are loaded on request. Meetings, and the rows inside them, are
 * in sl-ledger-meetings.c; what the two files share, in
 * sl-ledger-private.h.
 */

#define G_LOG_DOMAIN "sl-ledger"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "sl-attendance.h"
#include "sl-enums.h"
#include "sl-guest.h"
#include "sl-ledger.h"
#include "sl-evidence.h"
#include "sl-ledger-private.h"
#include "sl-measure.h"
#include "sl-meeting.h"
#include "sl-member.h"
#include "sl-organization.h"
#include "sl-plan.h"
#include "sl-plan-item.h"
#include "sl-research-topic.h"
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
  "SELECT o.id, o.uuid, o.name, o.kind, p.uuid " \
  "FROM organizations o LEFT JOIN organizations p ON p.id = o.parent_id " \
  "ORDER BY o.id"

#define SELECT_MEMBERS \
  "SELECT m.id, m.uuid, m.name, m.gender, m.post, o.uuid, m.leadership, " \
  "       m.central_group, m.joined_on, m.left_on, m.sort, m.phone, m.note " \
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
      g_ptr_array_add (list, member);
    }
  sqlite3_reset (stmt);

  if (rc != SQLITE_DONE)
    {
      sl_database_set_error (self->database, rc, error);
      return NULL;
    }

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

static void
ensure_stores (SlLedger *self)
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

GListModel *
sl_ledger_get_organizations (SlLedger *self)
{
  g_return_val_if_fail (SL_IS_LEDGER (self), NULL);

  ensure_stores (self);
  return G_LIST_MODEL (self->organizations);
}

GListModel *
sl_ledger_get_members (SlLedger *self)
{
  g_return_val_if_fail (SL_IS_LEDGER (self), NULL);

  ensure_stores (self);
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

  ensure_stores (self);
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

  ensure_stores (self);
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

  ensure_stores (self);
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
static void
store_record (SlLedger   *self,
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

static void
unstore_record (SlLedger   *self,
                GListStore *store,
                const char *id)
{
  gpointer existing;
  guint position;

  if (store == NULL)
    return;

  existing = g_hash_table_lookup (self->by_id, id);
  if (existing != NULL && g_list_store_find (store, existing, &position))
    g_list_store_remove (store, position);
  g_hash_table_remove (self->by_id, id);
}

/* Whether the chain of parents above @organization stays clear of it. */
static gboolean
parent_is_acyclic (SlLedger       *self,
                   SlOrganization *organization)
{
  const char *id = sl_record_get_id (SL_RECORD (organization));
  const char *parent = sl_organization_get_parent (organization);
  guint limit;

  ensure_stores (self);
  limit = g_list_model_get_n_items (G_LIST_MODEL (self->organizations)) + 1;

  for (guint steps = 0; parent != NULL && steps <= limit; steps++)
    {
      SlOrganization *up;

      if (g_str_equal (parent, id))
        return FALSE;

      up = sl_ledger_find_organization (self, parent);
      parent = up != NULL && up != organization ? sl_organization_get_parent (up) : NULL;
    }

  return TRUE;
}

gboolean
sl_ledger_save_organization (SlLedger        *self,
                             SlOrganization  *organization,
                             GError         **error)
{
  sqlite3_stmt *stmt;
  gint64 parent = 0;
  gint64 key = 0;

  g_return_val_if_fail (SL_IS_LEDGER (self), FALSE);
  g_return_val_if_fail (SL_IS_ORGANIZATION (organization), FALSE);

  if (sl_organization_get_name (organization) == NULL)
    {
      g_set_error (error, SL_LEDGER_ERROR, SL_LEDGER_ERROR_INVALID,
                   _("An organization needs a name"));
      return FALSE;
    }

  if (!parent_is_acyclic (self, organization))
    {
      g_set_error (error, SL_LEDGER_ERROR, SL_LEDGER_ERROR_INVALID,
                   _("parent: %s cannot be placed under its own suborganization"),
                   sl_organization_get_name (organization));
      return FALSE;
    }

  if (!sl_ledger_resolve (self, RESOLVE_ORGANIZATION, sl_organization_get_parent (organization),
                "parent", &parent, error))
    return FALSE;

  stmt = sl_database_prepare (self->database,
                              "INSERT INTO organizations (uuid, name, kind, parent_id) "
                              "VALUES (?1, ?2, ?3, ?4) "
                              "ON CONFLICT (uuid) DO UPDATE SET name = excluded.name, "
                              "  kind = excluded.kind, parent_id = excluded.parent_id "
                              "RETURNING id",
                              error);
  if (stmt == NULL)
    return FALSE;

  sl_bind_text (stmt, 1, sl_record_get_id (SL_RECORD (organization)));
  sl_bind_text (stmt, 2, sl_organization_get_name (organization));
  bind_enum (stmt, 3, SL_TYPE_ORGANIZATION_KIND, sl_organization_get_kind (organization));
  sl_bind_key (stmt, 4, parent);

  if (!sl_ledger_step_returning_key (self, stmt, &key, error))
    return FALSE;

  sl_record_set_key (SL_RECORD (organization), key);
  store_record (self, self->organizations, SL_RECORD (organization));

  return TRUE;
}

gboolean
sl_ledger_save_member (SlLedger  *self,
                       SlMember  *member,
                       GError   **error)
{
  sqlite3_stmt *stmt;
  gint64 organization = 0;
  gint64 key = 0;

  g_return_val_if_fail (SL_IS_LEDGER (self), FALSE);
  g_return_val_if_fail (SL_IS_MEMBER (member), FALSE);

  if (sl_member_get_name (member) == NULL || *sl_member_get_name (member) == '\0')
    {
      g_set_error (error, SL_LEDGER_ERROR, SL_LEDGER_ERROR_INVALID,
                   _("A member needs a name"));
      return FALSE;
    }

  if (!sl_ledger_resolve (self, RESOLVE_ORGANIZATION, sl_member_get_organization (member),
                "organization", &organization, error))
    return FALSE;

  stmt = sl_database_prepare (self->database,
                              "INSERT INTO members (uuid, name, gender, post, organization_id, "
                              "  leadership, central_group, joined_on, left_on, sort, phone, note) "
                              "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12) "
                              "ON CONFLICT (uuid) DO UPDATE SET name = excluded.name, "
                              "  gender = excluded.gender, post = excluded.post, "
                              "  organization_id = excluded.organization_id, "
                              "  leadership = excluded.leadership, "
                              "  central_group = excluded.central_group, "
                              "  joined_on = excluded.joined_on, left_on = excluded.left_on, "
                              "  sort = excluded.sort, phone = excluded.phone, note = excluded.note "
                              "RETURNING id",
                              error);
  if (stmt == NULL)
    return FALSE;

  sl_bind_text (stmt, 1, sl_record_get_id (SL_RECORD (member)));
  sl_bind_text (stmt, 2, sl_member_get_name (member));
  sl_bind_text (stmt, 3, sl_member_get_gender (member));
  sl_bind_text (stmt, 4, sl_member_get_post (member));
  sl_bind_key (stmt, 5, organization);
  sqlite3_bind_int (stmt, 6, sl_member_get_leadership (member));
  sqlite3_bind_int (stmt, 7, sl_member_get_central_group (member));
  sl_bind_text (stmt, 8, sl_member_get_joined_on (member));
  sl_bind_text (stmt, 9, sl_member_get_left_on (member));
  sqlite3_bind_int (stmt, 10, sl_member_get_sort (member));
  sl_bind_text (stmt, 11, sl_member_get_phone (member));
  sl_bind_text (stmt, 12, sl_member_get_note (member));

  if (!sl_ledger_step_returning_key (self, stmt, &key, error))
    return FALSE;

  sl_record_set_key (SL_RECORD (member), key);
  store_record (self, self->members, SL_RECORD (member));

  return TRUE;
}

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

  if (!sl_ledger_step_returning_key (self, stmt, &key, error))
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

gboolean
sl_ledger_save_plan (SlLedger     *self,
                     SlPlan       *plan,
                     SlSaveFlags   flags,
                     GError      **error)
{
  g_return_val_if_fail (SL_IS_LEDGER (self), FALSE);
  g_return_val_if_fail (SL_IS_PLAN (plan), FALSE);

  g_return_val_if_fail (!(flags & SL_SAVE_IN_TRANSACTION) ||
                        !sqlite3_get_autocommit (sl_database_get_handle (self->database)), FALSE);

  if (flags & SL_SAVE_IN_TRANSACTION)
    return save_plan (self, plan, flags, error);

  if (!sl_database_begin (self->database, error))
    return FALSE;

  return sl_ledger_finish (self, save_plan (self, plan, flags, error), error);
}

#define SELECT_PLANS \
  "SELECT p.id, p.uuid, o.uuid, p.year, p.title, p.guiding, p.focus, p.forms, p.requirements " \
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
      g_ptr_array_add (plans, plan);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      sl_database_set_error (self->database, rc, error);
      return NULL;
    }

  for (guint i = 0; i < plans->len; i++)
    if (!read_plan_items (self, g_ptr_array_index (plans, i), error))
      return NULL;

  return g_steal_pointer (&plans);
}

/* Research topics ---------------------------------------------------------- */

gboolean
sl_ledger_save_research_topic (SlLedger         *self,
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
                              "SELECT t.id, t.uuid, o.uuid, t.year, l.uuid, t.title, t.status, t.note "
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

/* The rows of an organization's children lost their parent with it
 * (ON DELETE SET NULL); their objects in the live store follow. */
static void
forget_parent (SlLedger   *self,
               const char *id)
{
  GListModel *organizations = G_LIST_MODEL (self->organizations);

  if (organizations == NULL)
    return;

  for (guint i = 0; i < g_list_model_get_n_items (organizations); i++)
    {
      g_autoptr(SlOrganization) child = g_list_model_get_item (organizations, i);

      if (g_strcmp0 (sl_organization_get_parent (child), id) == 0)
        sl_organization_set_parent (child, NULL);
    }
}

/**
 * sl_ledger_delete:
 * @record: an #SlOrganization, #SlMember, #SlPlan, #SlMeeting or
 *   #SlResearchTopic
 *
 * Deletes the record and what it owns (a meeting's studies, attendance...;
 * a plan's items, whose meetings then fulfil no item). An organization or a
 * member that other records still name is refused: a member's attendance is
 * the history an inspection reads, so a member who leaves gets a left-on
 * date instead. To undo, save the same object again.
 */
gboolean
sl_ledger_delete (SlLedger  *self,
                  gpointer   record,
                  GError   **error)
{
  static const struct { GType (*get_type) (void); const char *sql; } deletes[] = {
    { sl_organization_get_type,   "DELETE FROM organizations WHERE uuid = ?" },
    { sl_member_get_type,         "DELETE FROM members WHERE uuid = ?" },
    { sl_plan_get_type,           "DELETE FROM plans WHERE uuid = ?" },
    { sl_meeting_get_type,        "DELETE FROM meetings WHERE uuid = ?" },
    { sl_research_topic_get_type, "DELETE FROM research_topics WHERE uuid = ?" },
  };
  const char *sql = NULL;
  const char *id;
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (SL_IS_LEDGER (self), FALSE);
  g_return_val_if_fail (SL_IS_RECORD (record), FALSE);

  for (guint i = 0; i < G_N_ELEMENTS (deletes); i++)
    if (G_OBJECT_TYPE (record) == deletes[i].get_type ())
      sql = deletes[i].sql;
  g_return_val_if_fail (sql != NULL, FALSE);

  id = sl_record_get_id (record);

  if (!sl_database_begin (self->database, error))
    return FALSE;

  if (!sl_evidence_check_delete (self, record, error) ||
      !(stmt = sl_database_prepare (self->database, sql, error)))
    return sl_ledger_finish (self, FALSE, error);

  sl_bind_text (stmt, 1, id);
  rc = sqlite3_step (stmt);
  sqlite3_reset (stmt);

  if ((rc & 0xff) == SQLITE_CONSTRAINT)
    {
      g_set_error (error, SL_LEDGER_ERROR, SL_LEDGER_ERROR_IN_USE,
                   SL_IS_MEMBER (record)
                   ? _("%s still has attendance, speeches or duties on record and cannot be "
                       "deleted; set the date the member left instead")
                   : _("%s is still named by other records and cannot be deleted"),
                   SL_IS_MEMBER (record) ? sl_member_get_name (record)
                   : SL_IS_ORGANIZATION (record) ? sl_organization_get_name (record) : id);
      return sl_ledger_finish (self, FALSE, error);
    }

  if (rc != SQLITE_DONE)
    {
      sl_database_set_error (self->database, rc, error);
      return sl_ledger_finish (self, FALSE, error);
    }

  if (!sl_ledger_finish (self, TRUE, error))
    return FALSE;

  if (SL_IS_MEMBER (record))
    g_hash_table_remove (self->member_keys, id);

  if (SL_IS_ORGANIZATION (record))
    {
      unstore_record (self, self->organizations, id);
      forget_parent (self, id);
    }
  else if (SL_IS_MEMBER (record))
    unstore_record (self, self->members, id);

  sl_record_set_key (record, 0);
  return TRUE;
}
