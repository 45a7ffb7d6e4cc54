/* sl-ledger-members.c — saving the ledger's organizations and members
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * An organization or a member is checked (a name, a parent that makes no
 * cycle), written as one row, and put into the live store that every view
 * binds to. The stores themselves, their loading and deleting, are in
 * sl-ledger.c. Moved from sl-ledger.c; what the ledger's files share is
 * in sl-ledger-private.h.
 */

#define G_LOG_DOMAIN "sl-ledger"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "sl-enums.h"
#include "sl-ledger.h"
#include "sl-ledger-guard.h"
#include "sl-ledger-extras.h"
#include "sl-ledger-private.h"
#include "sl-ledger-saves.h"
#include "sl-member.h"
#include "sl-organization.h"
#include "sl-util.h"

/* Whether the chain of parents above @organization stays clear of it. */
static gboolean
parent_is_acyclic (SlLedger       *self,
                   SlOrganization *organization)
{
  const char *id = sl_record_get_id (SL_RECORD (organization));
  const char *parent = sl_organization_get_parent (organization);
  guint limit;

  sl_ledger_ensure_stores (self);
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

static gboolean
save_organization (SlLedger        *self,
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
  sl_ledger_store_record (self, self->organizations, SL_RECORD (organization));

  return TRUE;
}

static gboolean
save_member (SlLedger  *self,
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

  if (!sl_ledger_step_returning_key (self, stmt, &key, error) ||
      !sl_ledger_save_member_extras (self, key, member, error))
    return FALSE;

  sl_record_set_key (SL_RECORD (member), key);
  sl_ledger_store_record (self, self->members, SL_RECORD (member));

  return TRUE;
}

static gboolean
save_organization_record (SlLedger  *self,
                          SlRecord  *record,
                          GError   **error)
{
  return save_organization (self, SL_ORGANIZATION (record), error);
}

static gboolean
save_member_record (SlLedger  *self,
                    SlRecord  *record,
                    GError   **error)
{
  return save_member (self, SL_MEMBER (record), error);
}

gboolean
sl_ledger_save_organization (SlLedger        *self,
                             SlOrganization  *organization,
                             GError         **error)
{
  g_return_val_if_fail (SL_IS_LEDGER (self), FALSE);
  g_return_val_if_fail (SL_IS_ORGANIZATION (organization), FALSE);

  return sl_ledger_save_guarded (self, SL_RECORD (organization),
                                 save_organization_record, error);
}

gboolean
sl_ledger_save_member (SlLedger  *self,
                       SlMember  *member,
                       GError   **error)
{
  g_return_val_if_fail (SL_IS_LEDGER (self), FALSE);
  g_return_val_if_fail (SL_IS_MEMBER (member), FALSE);

  return sl_ledger_save_guarded (self, SL_RECORD (member),
                                 save_member_record, error);
}
