/* sl-archive-locks.c — the archive's year locks (version 2)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The ledger's locked years and their history (`locks`, ARCHIVE.md),
 * written at the top level of the archive and read after the records,
 * which the locks would otherwise refuse. Apart from the meetings'
 * evidence (sl-archive-evidence.c), which declares them.
 */

#define G_LOG_DOMAIN "sl-archive"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "sl-archive-evidence.h"
#include "sl-archive-types.h"
#include "sl-ledger.h"
#include "sl-organization.h"

/* Writing ------------------------------------------------------------------------- */

gboolean
sl_archive_write_locks (JsonBuilder  *builder,
                        SlLedger     *ledger,
                        GError      **error)
{
  g_autoptr(GPtrArray) locks = sl_evidence_load_locks (ledger, error);

  if (locks == NULL)
    return FALSE;
  if (locks->len == 0)
    return TRUE;   /* left out, as by version 1 */

  json_builder_set_member_name (builder, "locks");
  json_builder_begin_array (builder);
  for (guint i = 0; i < locks->len; i++)
    {
      SlYearLock *lock = g_ptr_array_index (locks, i);

#define ADD_TEXT(key, value)                                 \
  G_STMT_START {                                             \
    json_builder_set_member_name (builder, key);             \
    if ((value) != NULL)                                     \
      json_builder_add_string_value (builder, value);        \
    else                                                     \
      json_builder_add_null_value (builder);                 \
  } G_STMT_END

      json_builder_begin_object (builder);
      ADD_TEXT ("organization", lock->organization);
      json_builder_set_member_name (builder, "year");
      json_builder_add_int_value (builder, lock->year);
      ADD_TEXT ("locked_at", lock->locked_at);
      ADD_TEXT ("locked_by", lock->locked_by);
      ADD_TEXT ("unlocked_at", lock->unlocked_at);
      ADD_TEXT ("unlock_reason", lock->unlock_reason);
      json_builder_end_object (builder);

#undef ADD_TEXT
    }
  json_builder_end_array (builder);

  return TRUE;
}

/* Reading -------------------------------------------------------------------------- */

/* Text, or NULL when absent or null; FALSE when something else. */
static gboolean
get_text (const SlJsonValue  *object,
          const char         *key,
          const char        **text)
{
  const SlJsonValue *node = sl_json_value_get_member (object, key);

  *text = NULL;
  if (sl_json_value_is_null (node))
    return TRUE;
  *text = sl_json_value_get_string (node);
  return *text != NULL;
}

/* The locks of the file that the ledger does not have: added after the
 * records, which they would otherwise refuse. */
gboolean
sl_archive_store_locks (SlLedger           *ledger,
                        const SlJsonValue  *root,
                        GError            **error)
{
  const SlJsonValue *array = sl_json_value_get_member (root, "locks");
  SlDatabase *database = sl_ledger_get_database (ledger);
  guint n;

  if (sl_json_value_is_null (array))
    return TRUE;
  if (sl_json_value_get_kind (array) != SL_JSON_ARRAY)
    {
      g_set_error (error, SL_ARCHIVE_ERROR, SL_ARCHIVE_ERROR_INVALID,
                   _("locks: must be an array of year locks"));
      return FALSE;
    }

  n = sl_json_value_get_length (array);
  for (guint i = 0; i < n; i++)
    {
      const SlJsonValue *element = sl_json_value_get_element (array, i);
      const char *organization, *locked_at, *locked_by, *unlocked_at, *unlock_reason;
      g_autofree char *lower = NULL;
      sqlite3_stmt *stmt;
      gint64 year;

      if (sl_json_value_get_kind (element) != SL_JSON_OBJECT ||
          !get_text (element, "organization", &organization) || !sl_is_uuid (organization) ||
          !sl_json_value_get_integer (sl_json_value_get_member (element, "year"), &year) ||
          year < 1 || year > 9999 ||
          !get_text (element, "locked_at", &locked_at) || locked_at == NULL ||
          !get_text (element, "locked_by", &locked_by) ||
          !get_text (element, "unlocked_at", &unlocked_at) ||
          !get_text (element, "unlock_reason", &unlock_reason))
        {
          g_set_error (error, SL_ARCHIVE_ERROR, SL_ARCHIVE_ERROR_INVALID,
                       _("locks[%u]: a lock needs organization (an id), year, locked_at, "
                         "and text or null for locked_by, unlocked_at and unlock_reason"), i);
          return FALSE;
        }
      if (!sl_archive_is_rfc3339 (locked_at) ||
          (unlocked_at != NULL && !sl_archive_is_rfc3339 (unlocked_at)))
        {
          gboolean locked_ok = sl_archive_is_rfc3339 (locked_at);
          g_autofree char *hint = g_strdup_printf (_(SL_ARCHIVE_RFC3339_HINT),
                                                   locked_ok ? unlocked_at : locked_at);

          g_set_error (error, SL_ARCHIVE_ERROR, SL_ARCHIVE_ERROR_INVALID, "locks[%u].%s: %s", i,
                       locked_ok ? "unlocked_at" : "locked_at", hint);
          return FALSE;
        }
      lower = g_ascii_strdown (organization, -1);

      stmt = sl_database_prepare (database,
                                  "INSERT INTO year_locks (organization_id, year, locked_at, locked_by, "
                                  "  unlocked_at, unlock_reason) "
                                  "SELECT o.id, ?2, ?3, ?4, ?5, ?6 FROM organizations o WHERE o.uuid = ?1 "
                                  "AND NOT EXISTS (SELECT 1 FROM year_locks l WHERE l.organization_id = o.id "
                                  "  AND l.year = ?2 AND l.locked_at = ?3)",
                                  error);
      if (stmt == NULL)
        return FALSE;
      sl_bind_text (stmt, 1, lower);
      sqlite3_bind_int (stmt, 2, (int) year);
      sl_bind_text (stmt, 3, locked_at);
      sl_bind_text (stmt, 4, locked_by);
      sl_bind_text (stmt, 5, unlocked_at);
      sl_bind_text (stmt, 6, unlock_reason);
      if (!sl_database_step_done (database, stmt, error))
        return FALSE;

      if (!sl_ledger_contains (ledger, SL_TYPE_ORGANIZATION, lower))
        {
          g_set_error (error, SL_ARCHIVE_ERROR, SL_ARCHIVE_ERROR_INVALID,
                       _("locks[%u].organization: no organization has the id %s"), i, lower);
          return FALSE;
        }
    }

  return TRUE;
}
