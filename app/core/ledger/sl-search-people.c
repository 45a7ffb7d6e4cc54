/* sl-search-people.c — a member's part in meetings, found by name
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A member's name is rarely in the text of the meetings they chaired,
 * recorded, attended or spoke at: the records name them by key. So a
 * query that is exactly a member's name also finds, for every member of
 * that name (namesakes alike), the meetings where they had a part — with
 * the part, as a role code, in the hit — and the research topics they
 * lead.
 *
 * Part of a name finds them too (犇 finds 李犇, 欧阳 finds 欧阳明): a
 * name is stored once, in members, not in any meeting's text, so the
 * index cannot cut it into characters and pairs. Members are few, and
 * their names are read directly. Those hits come after the meetings whose
 * text holds the query (sl-search.c): a character that is in a name is
 * often a common word too (明, 学), and its hits in the texts keep their
 * ranking.
 */

#define G_LOG_DOMAIN "sl-search"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "sl-database.h"
#include "sl-enums.h"
#include "sl-search-people.h"
#include "sl-search-topics.h"

/* The roles in a meeting, in the order a hit names them: the part that
 * says most first. Their codes are search --json's "role". */
static const struct
{
  const char *code;
  const char *label;
} roles[] = {
  { "chair", NC_("search role", "Chair") },
  { "recorder", NC_("search role", "Recorder") },
  { "study_lead", NC_("search role", "Study lead") },
  { "speaker", NC_("search role", "Speaker") },
  { "measure_owner", NC_("search role", "Measure owner") },
  { "present", NC_("search role", "Present") },
  { "leave", NC_("search role", "On leave") },
  { "absent", NC_("search role", "Absent") },
  { "research_lead", NC_("search role", "Research topic") },
};

#define RESEARCH_LEAD 8

/* The meetings where ?1 had a part: each role a bit, in the order of
 * roles[]. */
static const char meetings_sql[] =
  "SELECT m.id, m.uuid, m.date, m.title, m.kind, r.parts"
  "  FROM (SELECT meeting_id, sum (1 << role) AS parts FROM ("
  "          SELECT id AS meeting_id, 0 AS role FROM meetings WHERE chair_id = ?1"
  "          UNION SELECT id, 1 FROM meetings WHERE recorder_id = ?1"
  "          UNION SELECT meeting_id, 2 FROM studies WHERE lead_id = ?1"
  "          UNION SELECT meeting_id, 3 FROM speeches WHERE speaker_id = ?1"
  "          UNION SELECT meeting_id, 4 FROM measures WHERE owner_id = ?1"
  "          UNION SELECT meeting_id, CASE status WHEN 'present' THEN 5 WHEN 'leave' THEN 6 ELSE 7 END"
  "            FROM attendance WHERE member_id = ?1)"
  "        GROUP BY meeting_id) r"
  "  JOIN meetings m ON m.id = r.meeting_id"
  "  ORDER BY m.date DESC, m.title, m.id"
  "  LIMIT ?2";

/**
 * sl_search_role_label:
 * @role: a role code, as in SlSearchHit.roles
 *
 * Returns: how the window and the command line name it (主持, 领学...)
 */
const char *
sl_search_role_label (const char *role)
{
  for (guint i = 0; i < G_N_ELEMENTS (roles); i++)
    if (g_strcmp0 (roles[i].code, role) == 0)
      return g_dpgettext2 (GETTEXT_PACKAGE, "search role", roles[i].label);
  return role;
}

/* "主持、发言" */
char *
sl_search_roles_label (const char * const *codes)
{
  GString *label = g_string_new (NULL);

  for (guint i = 0; codes != NULL && codes[i] != NULL; i++)
    {
      if (i > 0)
        g_string_append (label, C_("search role", ", "));
      g_string_append (label, sl_search_role_label (codes[i]));
    }
  return g_string_free (label, FALSE);
}

static GStrv
codes_of (gint64 parts)
{
  g_autoptr(GStrvBuilder) codes = g_strv_builder_new ();

  for (guint i = 0; i < G_N_ELEMENTS (roles); i++)
    if (parts & (G_GINT64_CONSTANT (1) << i))
      g_strv_builder_add (codes, roles[i].code);
  return g_strv_builder_end (codes);
}

static char *
snippet_of (const char *name,
            GStrv       codes)
{
  g_autofree char *label = sl_search_roles_label ((const char * const *) codes);

  /* TRANSLATORS: a search hit: a member's name and their part in the
   * meeting, "张三 · 主持、发言" */
  return g_strdup_printf (_("%s · %s"), name, label);
}

static int
compare_dates (gconstpointer a,
               gconstpointer b)
{
  const SlSearchHit *first = *(SlSearchHit * const *) a;
  const SlSearchHit *second = *(SlSearchHit * const *) b;

  return g_strcmp0 (second->date, first->date);
}

/* The meetings listed for their text and the topics listed, by id: a
 * person's hit for one of them is left out. A set, not a walk through
 * the hits for each: --all may list thousands. */
static GHashTable *
listed_ids (GPtrArray *hits)
{
  GHashTable *listed = g_hash_table_new (g_str_hash, g_str_equal);

  for (guint i = 0; i < hits->len; i++)
    {
      SlSearchHit *hit = g_ptr_array_index (hits, i);

      if (hit->meeting != NULL && hit->roles == NULL)
        g_hash_table_add (listed, hit->meeting);
      else if (hit->topic != NULL)
        g_hash_table_add (listed, hit->topic);
    }
  return listed;
}

/**
 * sl_search_people:
 * @name: the query, one word
 * @partial: whether to find the members whose name holds @name without
 *   being it, instead of those named @name
 * @limit: the most hits in @hits, 0 for all
 * @hits: (element-type SlSearchHit): where the hits go, newest first,
 *   after those there; a meeting or topic already there for its text is
 *   not listed again
 *
 * Returns: FALSE with @error set when the ledger could not be read
 */
gboolean
sl_search_people (SlDatabase  *database,
                  const char  *name,
                  gboolean     partial,
                  guint        limit,
                  GPtrArray   *hits,
                  GError     **error)
{
  g_autoptr(GArray) members = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GPtrArray) found = g_ptr_array_new ();
  g_autoptr(GHashTable) listed = NULL;
  sqlite3_stmt *stmt;
  int rc;

  if (partial)
    stmt = sl_database_prepare (database,
                                "SELECT id FROM members WHERE instr (name, ?1) > 0 AND name <> ?1 "
                                "ORDER BY sort, id",
                                error);
  else
    stmt = sl_database_prepare (database, "SELECT id FROM members WHERE name = ? ORDER BY sort, id", error);
  if (stmt == NULL)
    return FALSE;
  sl_bind_text (stmt, 1, name);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 member = sqlite3_column_int64 (stmt, 0);
      g_array_append_val (members, member);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    return sl_database_set_error (database, rc, error);

  for (guint m = 0; m < members->len; m++)
    {
      gint64 member = g_array_index (members, gint64, m);
      g_autofree char *uuid = NULL;
      g_autofree char *full_name = NULL;

      stmt = sl_database_prepare (database, "SELECT uuid, name FROM members WHERE id = ?", error);
      if (stmt == NULL)
        goto failed;
      sqlite3_bind_int64 (stmt, 1, member);
      if (sqlite3_step (stmt) == SQLITE_ROW)
        {
          uuid = g_strdup (sl_column_text (stmt, 0));
          full_name = g_strdup (sl_column_text (stmt, 1));
        }
      sqlite3_reset (stmt);

      stmt = sl_database_prepare (database, meetings_sql, error);
      if (stmt == NULL)
        goto failed;
      sqlite3_bind_int64 (stmt, 1, member);
      sqlite3_bind_int64 (stmt, 2, limit == 0 ? -1 : (gint64) limit);
      while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
        {
          SlSearchHit *hit = g_new0 (SlSearchHit, 1);
          int kind = 0;

          hit->key = sqlite3_column_int64 (stmt, 0);
          hit->meeting = g_strdup (sl_column_text (stmt, 1));
          hit->date = g_strdup (sl_column_text (stmt, 2));
          hit->title = g_strdup (sl_column_text (stmt, 3));
          sl_enum_from_code (SL_TYPE_MEETING_KIND, sl_column_text (stmt, 4), &kind);
          hit->kind = kind;
          hit->roles = codes_of (sqlite3_column_int64 (stmt, 5));
          hit->member = g_strdup (uuid);
          hit->snippet = snippet_of (full_name, hit->roles);
          g_ptr_array_add (found, hit);
        }
      sqlite3_reset (stmt);
      if (rc != SQLITE_DONE)
        goto failed;

      stmt = sl_database_prepare (database,
                                  "SELECT uuid, year, title FROM research_topics WHERE lead_id = ? "
                                  "ORDER BY year DESC, title, id",
                                  error);
      if (stmt == NULL)
        goto failed;
      sqlite3_bind_int64 (stmt, 1, member);
      while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
        {
          SlSearchHit *hit = g_new0 (SlSearchHit, 1);

          hit->topic = g_strdup (sl_column_text (stmt, 0));
          hit->year = sqlite3_column_int (stmt, 1);
          hit->date = sl_search_topic_date (hit->year);
          hit->title = g_strdup (sl_column_text (stmt, 2));
          hit->roles = codes_of (G_GINT64_CONSTANT (1) << RESEARCH_LEAD);
          hit->member = g_strdup (uuid);
          hit->snippet = snippet_of (full_name, hit->roles);
          g_ptr_array_add (found, hit);
        }
      sqlite3_reset (stmt);
      if (rc != SQLITE_DONE)
        goto failed;
    }

  /* Namesakes and topics together, newest first; a topic's date is its
   * year's last day, so it comes before the meetings of that year. */
  g_ptr_array_sort (found, compare_dates);
  listed = listed_ids (hits);
  for (guint i = 0; i < found->len; i++)
    {
      SlSearchHit *hit = g_ptr_array_index (found, i);

      if ((limit == 0 || hits->len < limit) &&
          !g_hash_table_contains (listed, hit->meeting ? hit->meeting : hit->topic))
        g_ptr_array_add (hits, hit);
      else
        sl_search_hit_free (hit);
    }
  return TRUE;

failed:
  for (guint i = 0; i < found->len; i++)
    sl_search_hit_free (g_ptr_array_index (found, i));
  if (rc != SQLITE_DONE && rc != SQLITE_ROW && error != NULL && *error == NULL)
    sl_database_set_error (database, rc, error);
  return FALSE;
}
