/* sl-search.c — find meetings by what was said and studied in them
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Every word of the query must occur somewhere in a meeting: its title or
 * theme, a study's title, source or summary, a speech, or a measure's text
 * or progress. Words of three or more characters are looked up in the FTS5
 * trigram index (schema 2). Trigrams cannot find shorter words, and the
 * most common searches are two-character Chinese words (学习, 生态), so
 * those are looked for in each meeting's texts gathered in one row of
 * search_text (schema 3), newest meeting first, until enough are found.
 * Not LIKE on the FTS table: SQLite 3.40 answers '%出差%' with no rows,
 * because it takes the six-byte pattern for an indexable one
 * (../NOTES.md).
 *
 * Speed (docs/performance.md): a common short word stops after the first
 * few dozen meetings, a rare one costs one pass over search_text; the
 * whole search is one read transaction, and only the hits returned get a
 * snippet.
 */

/* memmem() */
#define _GNU_SOURCE

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
  g_autofree char *valid = g_utf8_make_valid (text ? text : "", -1);
  GString *word = g_string_new (NULL);

  /* Text from outside (a command line, a pasted string) may not be UTF-8;
   * what is not is replaced rather than read past. */
  for (const char *p = valid; *p; p = g_utf8_next_char (p))
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

/* The keys of the meetings in which @word, of three or more characters,
 * occurs: the trigram index gives its rows (key * 8 + tag, schema 2), and
 * the rows of studies, speeches and measures name their meeting. */
static GHashTable *
find_long_word (SlDatabase  *database,
                const char  *word,
                GError     **error)
{
  static const char * const meeting_of[] = {
    NULL, NULL,
    "SELECT meeting_id FROM studies WHERE id = ?",
    "SELECT meeting_id FROM speeches WHERE id = ?",
    "SELECT meeting_id FROM measures WHERE id = ?",
  };
  /* Every row's meeting, read from the index on meeting_id. */
  static const char * const all_meetings_of[] = {
    NULL, NULL,
    "SELECT id, meeting_id FROM studies",
    "SELECT id, meeting_id FROM speeches",
    "SELECT id, meeting_id FROM measures",
  };
  g_autoptr(GHashTable) keys = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  g_autoptr(GHashTable) wanted = g_hash_table_new (g_int64_hash, g_int64_equal);
  g_autoptr(GArray) rows = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GString) phrase = g_string_new ("\"");
  /* A common word is in thousands of rows: then one pass over each
   * table's index on meeting_id beats looking each row up. */
  gboolean scan;
  sqlite3_stmt *stmt;
  int rc;

  /* One FTS5 string: double quotes inside are doubled. */
  for (const char *p = word; *p; p++)
    {
      if (*p == '"')
        g_string_append_c (phrase, '"');
      g_string_append_c (phrase, *p);
    }
  g_string_append_c (phrase, '"');

  /* The rows first, then their meetings: a correlated subquery per row in
   * the MATCH statement cost ten times the match itself. */
  stmt = sl_database_prepare (database, "SELECT rowid FROM search_index WHERE search_index MATCH ?1",
                              error);
  if (stmt == NULL)
    return NULL;
  sl_bind_text (stmt, 1, phrase->str);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 row = sqlite3_column_int64 (stmt, 0);
      g_array_append_val (rows, row);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      sl_database_set_error (database, rc, error);
      return NULL;
    }

  scan = rows->len > 1000;
  for (guint i = 0; i < rows->len; i++)
    {
      gint64 row = g_array_index (rows, gint64, i);
      guint tag = row & 7;
      gint64 key = 0;

      if (tag == 1)
        key = row >> 3;
      else if (tag >= G_N_ELEMENTS (meeting_of))
        continue;
      else if (scan)
        {
          g_hash_table_add (wanted, &g_array_index (rows, gint64, i));
          continue;
        }
      else
        {
          stmt = sl_database_prepare (database, meeting_of[tag], error);
          if (stmt == NULL)
            return NULL;
          sqlite3_bind_int64 (stmt, 1, row >> 3);
          if (sqlite3_step (stmt) == SQLITE_ROW)
            key = sqlite3_column_int64 (stmt, 0);
          sqlite3_reset (stmt);
        }

      if (key > 0 && !g_hash_table_contains (keys, &key))
        g_hash_table_add (keys, g_memdup2 (&key, sizeof key));
    }

  for (guint tag = 2; scan && tag < G_N_ELEMENTS (all_meetings_of); tag++)
    {
      stmt = sl_database_prepare (database, all_meetings_of[tag], error);
      if (stmt == NULL)
        return NULL;
      while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
        {
          gint64 row = sqlite3_column_int64 (stmt, 0) * 8 + tag;
          gint64 key = sqlite3_column_int64 (stmt, 1);

          if (g_hash_table_contains (wanted, &row) && !g_hash_table_contains (keys, &key))
            g_hash_table_add (keys, g_memdup2 (&key, sizeof key));
        }
      sqlite3_reset (stmt);
      if (rc != SQLITE_DONE)
        {
          sl_database_set_error (database, rc, error);
          return NULL;
        }
    }

  return g_steal_pointer (&keys);
}

/* The words shorter than a trigram, as they are looked for in a meeting's
 * search_text (schema 3): Latin letters case-folded (as the trigram index
 * folds them), everything else as typed. */
typedef struct
{
  GPtrArray *needles;    /* char *, each folded or not as its word needs */
  GArray    *folded;     /* gboolean per needle */
  gboolean   any_folded;
  GString   *buffer;     /* the folded body */
} ShortWords;

static void
short_words_clear (ShortWords *words)
{
  g_clear_pointer (&words->needles, g_ptr_array_unref);
  g_clear_pointer (&words->folded, g_array_unref);
  if (words->buffer != NULL)
    g_string_free (g_steal_pointer (&words->buffer), TRUE);
}

static void
short_words_add (ShortWords *words,
                 const char *word)
{
  gboolean fold = has_ascii_letter (word);

  g_ptr_array_add (words->needles, fold ? g_ascii_strdown (word, -1) : g_strdup (word));
  g_array_append_val (words->folded, fold);
  words->any_folded |= fold;
}

/* Whether every short word occurs in @body. A word holds no white space,
 * so it cannot match across the line break between two fields. */
static gboolean
short_words_match (ShortWords *words,
                   const char *body,
                   gsize       length)
{
  const char *folded = NULL;

  if (words->any_folded)
    {
      g_string_truncate (words->buffer, 0);
      g_string_append_len (words->buffer, body, length);
      for (gsize i = 0; i < length; i++)
        words->buffer->str[i] = g_ascii_tolower (words->buffer->str[i]);
      folded = words->buffer->str;
    }

  for (guint i = 0; i < words->needles->len; i++)
    {
      const char *needle = g_ptr_array_index (words->needles, i);
      const char *haystack = g_array_index (words->folded, gboolean, i) ? folded : body;

      if (memmem (haystack, length, needle, strlen (needle)) == NULL)
        return FALSE;
    }

  return TRUE;
}

static gboolean
meeting_matches (SlDatabase  *database,
                 ShortWords  *words,
                 gint64       key,
                 gboolean    *matches,
                 GError     **error)
{
  sqlite3_stmt *stmt;
  int rc;

  *matches = words->needles->len == 0;
  if (*matches)
    return TRUE;

  stmt = sl_database_prepare (database, "SELECT body FROM search_text WHERE meeting_id = ?", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, key);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    *matches = short_words_match (words, (const char *) sqlite3_column_blob (stmt, 0),
                                  sqlite3_column_bytes (stmt, 0));
  sqlite3_reset (stmt);

  if (rc != SQLITE_ROW && rc != SQLITE_DONE)
    return sl_database_set_error (database, rc, error);
  return TRUE;
}

typedef struct
{
  gint64  key;
  char   *date;
  char   *title;
} Candidate;

static int
compare_candidates (gconstpointer a,
                    gconstpointer b)
{
  const Candidate *first = a, *second = b;
  int order;

  /* Newest first, as meetings_recent orders them. */
  if ((order = g_strcmp0 (second->date, first->date)) != 0)
    return order;
  if ((order = g_strcmp0 (first->title, second->title)) != 0)
    return order;
  return first->key < second->key ? -1 : first->key > second->key;
}

/* Fewer candidates than this are sorted here; more, and walking the
 * meetings newest first is cheaper than looking each one up. */
#define FEW_CANDIDATES 400

/* The keys of the meetings that hold every word, newest first, at most
 * @limit of them (0: all). @candidates, when not NULL, are the meetings
 * that hold the long words; @words are the short ones. */
static GArray *
find_meetings (SlDatabase  *database,
               GHashTable  *candidates,
               ShortWords  *words,
               guint        limit,
               GError     **error)
{
  g_autoptr(GArray) found = g_array_new (FALSE, FALSE, sizeof (gint64));
  sqlite3_stmt *stmt;
  int rc;

  if (candidates != NULL && g_hash_table_size (candidates) <= FEW_CANDIDATES)
    {
      g_autoptr(GArray) sorted = g_array_new (FALSE, FALSE, sizeof (Candidate));
      GHashTableIter iter;
      gpointer key;
      gboolean ok = TRUE;

      g_hash_table_iter_init (&iter, candidates);
      while (g_hash_table_iter_next (&iter, &key, NULL))
        {
          Candidate candidate = { *(gint64 *) key };

          stmt = sl_database_prepare (database, "SELECT date, title FROM meetings WHERE id = ?", error);
          if (stmt == NULL)
            return NULL;
          sqlite3_bind_int64 (stmt, 1, candidate.key);
          if (sqlite3_step (stmt) == SQLITE_ROW)
            {
              candidate.date = g_strdup (sl_column_text (stmt, 0));
              candidate.title = g_strdup (sl_column_text (stmt, 1));
              g_array_append_val (sorted, candidate);
            }
          sqlite3_reset (stmt);
        }
      g_array_sort (sorted, compare_candidates);

      for (guint i = 0; i < sorted->len; i++)
        {
          Candidate *candidate = &g_array_index (sorted, Candidate, i);
          gboolean matches = FALSE;

          if (ok && (limit == 0 || found->len < limit))
            {
              ok = meeting_matches (database, words, candidate->key, &matches, error);
              if (ok && matches)
                g_array_append_val (found, candidate->key);
            }
          g_free (candidate->date);
          g_free (candidate->title);
        }

      return ok ? g_steal_pointer (&found) : NULL;
    }

  /* Newest first through meetings_recent, stopping at @limit: a common
   * word is found in the first few meetings, a rare one costs one pass.
   * Without short words, the texts are not read at all. */
  if (words->needles->len > 0)
    stmt = sl_database_prepare (database,
                                "SELECT m.id, t.body FROM meetings m INDEXED BY meetings_recent "
                                "  LEFT JOIN search_text t ON t.meeting_id = m.id "
                                "ORDER BY m.date DESC, m.title, m.id",
                                error);
  else
    stmt = sl_database_prepare (database,
                                "SELECT id FROM meetings INDEXED BY meetings_recent "
                                "ORDER BY date DESC, title, id",
                                error);
  if (stmt == NULL)
    return NULL;

  while ((limit == 0 || found->len < limit) && (rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 key = sqlite3_column_int64 (stmt, 0);

      if (candidates != NULL && !g_hash_table_contains (candidates, &key))
        continue;
      if (words->needles->len > 0 &&
          !short_words_match (words, (const char *) sqlite3_column_blob (stmt, 1),
                              sqlite3_column_bytes (stmt, 1)))
        continue;
      g_array_append_val (found, key);
    }
  if (limit > 0 && found->len >= limit)
    rc = SQLITE_DONE;
  sqlite3_reset (stmt);

  if (rc != SQLITE_DONE)
    {
      sl_database_set_error (database, rc, error);
      return NULL;
    }

  return g_steal_pointer (&found);
}

/* @body cut to a line around the first @needle (already folded when
 * @fold), or NULL when it does not hold it. */
static char *
cut_snippet (const char *body,
             const char *needle,
             gboolean    fold)
{
  g_autofree char *folded = NULL;
  const char *hit, *start, *end;
  GString *line;

  if (body == NULL)
    return NULL;

  /* ASCII lower case keeps every byte where it was. */
  if (fold)
    folded = g_ascii_strdown (body, -1);
  hit = strstr (fold ? folded : body, needle);
  if (hit == NULL)
    return NULL;

  start = body + (hit - (fold ? folded : body));
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

  return g_string_free (line, FALSE);
}

/* The first text of the meeting, in reading order — its title, its theme,
 * the studies' titles, their sources, their summaries, the speeches, the
 * measures' texts, their progress — that holds @word, cut to a line
 * around it. One short query per kind of record, stopping at the first
 * text found: a common word is nearly always in the title or theme. */
static char *
make_snippet (SlDatabase *database,
              gint64      meeting,
              const char *word)
{
  static const struct { const char *sql; int columns; } parts[] = {
    { "SELECT title, theme FROM meetings WHERE id = ?", 2 },
    { "SELECT title, source, summary FROM studies WHERE meeting_id = ? ORDER BY position", 3 },
    { "SELECT points FROM speeches WHERE meeting_id = ? ORDER BY position", 1 },
    { "SELECT text, progress FROM measures WHERE meeting_id = ? ORDER BY position", 2 },
  };
  gboolean fold = has_ascii_letter (word);
  g_autofree char *needle = fold ? g_ascii_strdown (word, -1) : g_strdup (word);
  char *snippet = NULL;

  for (guint part = 0; snippet == NULL && part < G_N_ELEMENTS (parts); part++)
    {
      g_autoptr(GPtrArray) texts = g_ptr_array_new_with_free_func (g_free);
      sqlite3_stmt *stmt = sl_database_prepare (database, parts[part].sql, NULL);
      int columns = parts[part].columns;

      if (stmt == NULL)
        break;

      /* Column by column: every title before the first source. */
      sqlite3_bind_int64 (stmt, 1, meeting);
      while (sqlite3_step (stmt) == SQLITE_ROW)
        for (int c = 0; c < columns; c++)
          g_ptr_array_add (texts, g_strdup (sl_column_text (stmt, c)));
      sqlite3_reset (stmt);

      for (int c = 0; snippet == NULL && c < columns; c++)
        for (guint row = c; snippet == NULL && row < texts->len; row += columns)
          snippet = cut_snippet (g_ptr_array_index (texts, row), needle, fold);
    }

  return snippet ? snippet : g_strdup ("");
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
  g_autoptr(GHashTable) candidates = NULL;
  g_autoptr(GArray) found = NULL;
  g_auto(GStrv) words = NULL;
  ShortWords short_words = { 0 };
  gboolean own_transaction;
  gboolean ok = TRUE;

  g_return_val_if_fail (SL_IS_DATABASE (database), NULL);

  words = sl_search_split (text);
  if (words[0] == NULL)
    return g_steal_pointer (&hits);

  /* One read transaction: the same ledger throughout, and SQLite locks
   * the file once instead of for every statement. */
  own_transaction = sqlite3_get_autocommit (sl_database_get_handle (database));
  if (own_transaction && !sl_database_exec (database, "BEGIN", error))
    return NULL;

  short_words.needles = g_ptr_array_new_with_free_func (g_free);
  short_words.folded = g_array_new (FALSE, FALSE, sizeof (gboolean));
  short_words.buffer = g_string_new (NULL);

  for (guint i = 0; ok && words[i] != NULL; i++)
    {
      g_autoptr(GHashTable) keys = NULL;
      GHashTableIter iter;
      gpointer key;

      if (g_utf8_strlen (words[i], -1) < 3)
        {
          short_words_add (&short_words, words[i]);
          continue;
        }

      keys = find_long_word (database, words[i], error);
      if (keys == NULL)
        ok = FALSE;
      else if (candidates == NULL)
        candidates = g_steal_pointer (&keys);
      else
        {
          g_hash_table_iter_init (&iter, candidates);
          while (g_hash_table_iter_next (&iter, &key, NULL))
            if (!g_hash_table_contains (keys, key))
              g_hash_table_iter_remove (&iter);
        }
    }

  if (ok && (candidates == NULL || g_hash_table_size (candidates) > 0))
    ok = (found = find_meetings (database, candidates, &short_words, limit, error)) != NULL;

  for (guint i = 0; ok && found != NULL && i < found->len; i++)
    {
      sqlite3_stmt *stmt;
      SlSearchHit *hit;
      int kind = 0;
      int rc;

      stmt = sl_database_prepare (database,
                                  "SELECT uuid, date, title, kind FROM meetings WHERE id = ?",
                                  error);
      if (stmt == NULL)
        {
          ok = FALSE;
          break;
        }

      sqlite3_bind_int64 (stmt, 1, g_array_index (found, gint64, i));
      rc = sqlite3_step (stmt);
      if (rc == SQLITE_DONE)
        {
          sqlite3_reset (stmt);
          continue;
        }
      /* A page that cannot be read is an error, not a hit fewer: a search
       * that quietly lists part of a damaged ledger would mislead. */
      if (rc != SQLITE_ROW)
        {
          sl_database_set_error (database, rc, error);
          sqlite3_reset (stmt);
          ok = FALSE;
          break;
        }

      hit = g_new0 (SlSearchHit, 1);
      hit->meeting = g_strdup (sl_column_text (stmt, 0));
      hit->date = g_strdup (sl_column_text (stmt, 1));
      hit->title = g_strdup (sl_column_text (stmt, 2));
      sl_enum_from_code (SL_TYPE_MEETING_KIND, sl_column_text (stmt, 3), &kind);
      hit->kind = kind;
      sqlite3_reset (stmt);

      hit->key = g_array_index (found, gint64, i);
      hit->snippet = make_snippet (database, hit->key, words[0]);
      g_ptr_array_add (hits, hit);
    }

  short_words_clear (&short_words);
  if (own_transaction)
    sl_database_exec (database, "COMMIT", NULL);

  if (!ok)
    return NULL;

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
