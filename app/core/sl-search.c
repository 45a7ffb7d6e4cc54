/* sl-search.c — find meetings by what was said and studied in them
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Every word of the query must occur somewhere in a meeting: its title or
 * theme, a study's title, source or summary, a speech, or a measure's text
 * or progress. Words of three or more characters are looked up in the FTS5
 * trigram index (schema 2). Trigrams cannot find shorter words, and the
 * most common searches are two-character Chinese words (学习, 生态), so
 * those scan the content tables with instr(). Not LIKE on the FTS table:
 * SQLite 3.40 answers '%出差%' with no rows, because it takes the six-byte
 * pattern for an indexable one (../NOTES.md).
 */

#define G_LOG_DOMAIN "sl-search"

#include "config.h"

#include <string.h>

#include "sl-database.h"
#include "sl-enums.h"
#include "sl-search.h"

#define SNIPPET_BEFORE 12
#define SNIPPET_AFTER  28

void
sl_search_hit_free (SlSearchHit *hit)
{
  if (hit == NULL)
    return;

  g_free (hit->meeting);
  g_free (hit->date);
  g_free (hit->title);
  g_free (hit->snippet);
  g_free (hit);
}

static gboolean
is_separator (gunichar c)
{
  return g_unichar_isspace (c) || c == 0x3000;
}

/* The words of a query, split at spaces (full-width ones too). */
GStrv
sl_search_split (const char *text)
{
  g_autoptr(GStrvBuilder) words = g_strv_builder_new ();
  GString *word = g_string_new (NULL);

  for (const char *p = text ? text : ""; *p; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (is_separator (c))
        {
          if (word->len > 0)
            g_strv_builder_add (words, word->str);
          g_string_truncate (word, 0);
        }
      else
        g_string_append_unichar (word, c);
    }

  if (word->len > 0)
    g_strv_builder_add (words, word->str);
  g_string_free (word, TRUE);

  return g_strv_builder_end (words);
}

static gboolean
has_ascii_letter (const char *word)
{
  for (const char *p = word; *p; p++)
    if (g_ascii_isalpha (*p))
      return TRUE;
  return FALSE;
}

/* The keys of the meetings in which @word occurs. */
static GHashTable *
find_word (SlDatabase  *database,
           const char  *word,
           GError     **error)
{
  g_autoptr(GHashTable) keys = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  g_autofree char *argument = NULL;
  sqlite3_stmt *stmt;
  int rc;

  if (g_utf8_strlen (word, -1) >= 3)
    {
      g_autoptr(GString) phrase = g_string_new ("\"");

      /* One FTS5 string: double quotes inside are doubled. */
      for (const char *p = word; *p; p++)
        {
          if (*p == '"')
            g_string_append_c (phrase, '"');
          g_string_append_c (phrase, *p);
        }
      g_string_append_c (phrase, '"');
      argument = g_string_free (g_steal_pointer (&phrase), FALSE);

      stmt = sl_database_prepare (database,
                                  "SELECT CASE rowid & 7"
                                  "  WHEN 1 THEN rowid >> 3"
                                  "  WHEN 2 THEN (SELECT meeting_id FROM studies WHERE id = search_index.rowid >> 3)"
                                  "  WHEN 3 THEN (SELECT meeting_id FROM speeches WHERE id = search_index.rowid >> 3)"
                                  "  WHEN 4 THEN (SELECT meeting_id FROM measures WHERE id = search_index.rowid >> 3)"
                                  "  END "
                                  "FROM search_index WHERE search_index MATCH ?1",
                                  error);
    }
  else if (has_ascii_letter (word))
    {
      /* The trigram index folds ASCII case; so does this scan. */
      argument = g_ascii_strdown (word, -1);
      stmt = sl_database_prepare (database,
                                  "SELECT id FROM meetings"
                                  "  WHERE instr (lower (title), ?1) OR instr (lower (theme), ?1) "
                                  "UNION SELECT meeting_id FROM studies"
                                  "  WHERE instr (lower (title), ?1) OR instr (lower (source), ?1)"
                                  "     OR instr (lower (summary), ?1) "
                                  "UNION SELECT meeting_id FROM speeches WHERE instr (lower (points), ?1) "
                                  "UNION SELECT meeting_id FROM measures"
                                  "  WHERE instr (lower (text), ?1) OR instr (lower (progress), ?1)",
                                  error);
    }
  else
    {
      argument = g_strdup (word);
      stmt = sl_database_prepare (database,
                                  "SELECT id FROM meetings"
                                  "  WHERE instr (title, ?1) OR instr (theme, ?1) "
                                  "UNION SELECT meeting_id FROM studies"
                                  "  WHERE instr (title, ?1) OR instr (source, ?1) OR instr (summary, ?1) "
                                  "UNION SELECT meeting_id FROM speeches WHERE instr (points, ?1) "
                                  "UNION SELECT meeting_id FROM measures"
                                  "  WHERE instr (text, ?1) OR instr (progress, ?1)",
                                  error);
    }

  if (stmt == NULL)
    return NULL;

  sl_bind_text (stmt, 1, argument);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 key = sqlite3_column_int64 (stmt, 0);
      g_hash_table_add (keys, g_memdup2 (&key, sizeof key));
    }
  sqlite3_reset (stmt);

  if (rc != SQLITE_DONE)
    {
      sl_database_set_error (database, rc, error);
      return NULL;
    }

  return g_steal_pointer (&keys);
}

/* The first text of the meeting, in reading order, that holds @word, cut
 * to a line around it. */
static char *
make_snippet (SlDatabase *database,
              gint64      meeting,
              const char *word)
{
  g_autofree char *needle = g_ascii_strdown (word, -1);
  sqlite3_stmt *stmt;
  char *snippet = NULL;

  stmt = sl_database_prepare (database,
                              "SELECT body FROM ("
                              "  SELECT 0 AS part, 0 AS position, title AS body FROM meetings WHERE id = ?1"
                              "  UNION ALL SELECT 1, 0, theme FROM meetings WHERE id = ?1"
                              "  UNION ALL SELECT 2, position, title FROM studies WHERE meeting_id = ?1"
                              "  UNION ALL SELECT 3, position, source FROM studies WHERE meeting_id = ?1"
                              "  UNION ALL SELECT 4, position, summary FROM studies WHERE meeting_id = ?1"
                              "  UNION ALL SELECT 5, position, points FROM speeches WHERE meeting_id = ?1"
                              "  UNION ALL SELECT 6, position, text FROM measures WHERE meeting_id = ?1"
                              "  UNION ALL SELECT 7, position, progress FROM measures WHERE meeting_id = ?1) "
                              "WHERE body IS NOT NULL ORDER BY part, position",
                              NULL);
  if (stmt == NULL)
    return g_strdup ("");

  sqlite3_bind_int64 (stmt, 1, meeting);
  while (snippet == NULL && sqlite3_step (stmt) == SQLITE_ROW)
    {
      const char *body = sl_column_text (stmt, 0);
      /* ASCII lower case keeps every byte where it was. */
      g_autofree char *folded = g_ascii_strdown (body, -1);
      const char *hit = strstr (folded, needle);
      const char *start, *end;
      GString *line;

      if (hit == NULL)
        continue;

      start = body + (hit - folded);
      end = start + strlen (needle);
      for (int i = 0; i < SNIPPET_BEFORE && start > body; i++)
        start = g_utf8_prev_char (start);
      for (int i = 0; i < SNIPPET_AFTER && *end; i++)
        end = g_utf8_next_char (end);

      line = g_string_new (start > body ? "…" : "");
      for (const char *p = start; p < end; p = g_utf8_next_char (p))
        {
          gunichar c = g_utf8_get_char (p);
          if (c == '\r' || c == '\n' || c == '\t')
            c = ' ';
          g_string_append_unichar (line, c);
        }
      if (*end)
        g_string_append (line, "…");

      snippet = g_string_free (line, FALSE);
    }
  sqlite3_reset (stmt);

  return snippet ? snippet : g_strdup ("");
}

static int
compare_hits (gconstpointer a,
              gconstpointer b)
{
  const SlSearchHit *first = *(SlSearchHit * const *) a;
  const SlSearchHit *second = *(SlSearchHit * const *) b;
  int order;

  /* Newest first. */
  if ((order = g_strcmp0 (second->date, first->date)) != 0)
    return order;
  return g_strcmp0 (first->title, second->title);
}

/**
 * sl_search_run:
 * @text: the query: words separated by spaces, all of which must occur
 * @limit: the most hits to return, 0 for all
 *
 * Returns: (element-type SlSearchHit): the meetings found, newest first
 */
GPtrArray *
sl_search_run (SlDatabase  *database,
               const char  *text,
               guint        limit,
               GError     **error)
{
  g_autoptr(GPtrArray) hits = g_ptr_array_new_with_free_func ((GDestroyNotify) sl_search_hit_free);
  g_autoptr(GHashTable) found = NULL;
  g_auto(GStrv) words = NULL;
  GHashTableIter iter;
  gpointer key;

  g_return_val_if_fail (SL_IS_DATABASE (database), NULL);

  words = sl_search_split (text);
  if (words[0] == NULL)
    return g_steal_pointer (&hits);

  for (guint i = 0; words[i] != NULL; i++)
    {
      g_autoptr(GHashTable) keys = find_word (database, words[i], error);

      if (keys == NULL)
        return NULL;

      if (found == NULL)
        found = g_steal_pointer (&keys);
      else
        {
          g_hash_table_iter_init (&iter, found);
          while (g_hash_table_iter_next (&iter, &key, NULL))
            if (!g_hash_table_contains (keys, key))
              g_hash_table_iter_remove (&iter);
        }
    }

  g_hash_table_iter_init (&iter, found);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    {
      sqlite3_stmt *stmt;
      SlSearchHit *hit;
      int kind = 0;

      stmt = sl_database_prepare (database,
                                  "SELECT uuid, date, title, kind FROM meetings WHERE id = ?",
                                  error);
      if (stmt == NULL)
        return NULL;

      sqlite3_bind_int64 (stmt, 1, *(gint64 *) key);
      if (sqlite3_step (stmt) != SQLITE_ROW)
        {
          sqlite3_reset (stmt);
          continue;
        }

      hit = g_new0 (SlSearchHit, 1);
      hit->meeting = g_strdup (sl_column_text (stmt, 0));
      hit->date = g_strdup (sl_column_text (stmt, 1));
      hit->title = g_strdup (sl_column_text (stmt, 2));
      sl_enum_from_code (SL_TYPE_MEETING_KIND, sl_column_text (stmt, 3), &kind);
      hit->kind = kind;
      sqlite3_reset (stmt);

      hit->key = *(gint64 *) key;
      g_ptr_array_add (hits, hit);
    }

  g_ptr_array_sort (hits, compare_hits);
  if (limit > 0 && hits->len > limit)
    g_ptr_array_set_size (hits, limit);

  for (guint i = 0; i < hits->len; i++)
    {
      SlSearchHit *hit = g_ptr_array_index (hits, i);

      hit->snippet = make_snippet (database, hit->key, words[0]);
    }

  return g_steal_pointer (&hits);
}

JsonNode *
sl_search_to_json (GPtrArray *hits)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();

  json_builder_begin_array (builder);
  for (guint i = 0; i < hits->len; i++)
    {
      SlSearchHit *hit = g_ptr_array_index (hits, i);

      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "meeting");
      json_builder_add_string_value (builder, hit->meeting);
      json_builder_set_member_name (builder, "date");
      json_builder_add_string_value (builder, hit->date);
      json_builder_set_member_name (builder, "title");
      if (hit->title)
        json_builder_add_string_value (builder, hit->title);
      else
        json_builder_add_null_value (builder);
      json_builder_set_member_name (builder, "kind");
      json_builder_add_string_value (builder, sl_enum_to_code (SL_TYPE_MEETING_KIND, hit->kind));
      json_builder_set_member_name (builder, "snippet");
      json_builder_add_string_value (builder, hit->snippet);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);

  return json_builder_get_root (builder);
}
