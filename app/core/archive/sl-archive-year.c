/* sl-archive-year.c — one year of the archive, for the year's binder
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The binder's ZIP carries the year's records as an archive (ARCHIVE.md)
 * beside the printed documents: the same file `export-archive` writes,
 * with the organizations and people whole (the year's records refer to
 * them) and only the year's dated records. Its exported_at is the time the
 * caller gives, not the clock, so that the same ledger gives the same
 * bytes.
 */

#define G_LOG_DOMAIN "sl-archive-year"

#include "config.h"

#include <string.h>

#include "sl-archive.h"
#include "sl-archive-year.h"

/* A record of another year, or of another organization when one is named:
 * by its "year" or its "date", and its "organization". Records with
 * neither (organizations, members) belong to every year. */
gboolean
sl_archive_year_is_other (JsonObject *record,
                          int         year,
                          const char *organization)
{
  JsonNode *node;

  node = json_object_get_member (record, "year");
  if (node != NULL && JSON_NODE_HOLDS_VALUE (node) &&
      json_node_get_value_type (node) == G_TYPE_INT64 &&
      json_node_get_int (node) != year)
    return TRUE;

  node = json_object_get_member (record, "date");
  if (node != NULL && JSON_NODE_HOLDS_VALUE (node) &&
      json_node_get_value_type (node) == G_TYPE_STRING)
    {
      g_autofree char *prefix = g_strdup_printf ("%04d-", year);

      if (!g_str_has_prefix (json_node_get_string (node), prefix))
        return TRUE;
    }

  node = json_object_get_member (record, "organization");
  if (organization != NULL && node != NULL && JSON_NODE_HOLDS_VALUE (node) &&
      json_node_get_value_type (node) == G_TYPE_STRING &&
      g_strcmp0 (json_node_get_string (node), organization) != 0)
    return TRUE;

  return FALSE;
}

/**
 * sl_archive_write_year:
 * @organization: (nullable): an organization's id, to keep only its records
 * @exported_at: what the file gives as its time of export
 *
 * Builds the whole tree, then prunes it: the binder streams the same bytes
 * with sl_archive_export_year() (sl-archive-stream.c); this is kept for the
 * tests to compare with (test-archive-year.c).
 *
 * Returns: the archive of @year's records, as `export-archive` writes it.
 */
char *
sl_archive_write_year (SlLedger    *ledger,
                       int          year,
                       const char  *organization,
                       const char  *exported_at,
                       gsize       *length,
                       GError     **error)
{
  g_autoptr(JsonNode) root = NULL;
  g_autoptr(GList) members = NULL;
  JsonObject *object;

  if (!(root = sl_archive_build (ledger, NULL, error)))
    return NULL;

  object = json_node_get_object (root);
  json_object_set_string_member (object, "exported_at", exported_at);

  members = json_object_get_members (object);
  for (GList *l = members; l != NULL; l = l->next)
    {
      JsonNode *node = json_object_get_member (object, l->data);
      JsonArray *array;

      if (!JSON_NODE_HOLDS_ARRAY (node))
        continue;

      array = json_node_get_array (node);
      for (guint i = json_array_get_length (array); i > 0; i--)
        {
          JsonNode *element = json_array_get_element (array, i - 1);

          if (JSON_NODE_HOLDS_OBJECT (element) &&
              sl_archive_year_is_other (json_node_get_object (element), year, organization))
            json_array_remove_element (array, i - 1);
        }
    }

  /* Generated as the whole archive is, numbers and U+001F included. */
  return sl_archive_generate (root, length);
}
