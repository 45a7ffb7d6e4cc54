/* sl-search.c — find meetings by what was said and studied in them
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Every word of the query must occur somewhere in a meeting: its title,
 * theme, place, summary, decisions or note, a study's title, source or
 * summary, a speech's title, text or speaker, a guest's name, unit, post
 * or 点评意见, or a measure's text, department or progress (schema 9).
 * Each meeting's texts are one row of search_text (schema 3)
 * and one document of search_index (schema 8), cut by our tokenizer
 * (sl-cjk-tokenizer.c) into CJK characters and their overlapping pairs, so
 * that the index answers Chinese words of any length — one character, a
 * pair, or a phrase of pairs — and bm25 ranks the meetings.
 *
 * What the index cannot answer exactly — a word holding Latin letters,
 * digits or punctuation, which a search finds inside longer words — is
 * looked for in search_text with memmem(): only among the meetings that
 * the word's CJK characters pick out of the index, or, for a query with
 * none, in every meeting newest first until enough are found (the
 * fallback, counted by sl_search_get_fallback_reads()). Not LIKE on the
 * FTS table: SQLite 3.40 answers '%出差%' with no rows (../NOTES.md).
 *
 * Speed (docs/performance.md): one index query and a sort of the
 * matching meetings' scores; only the meetings that make the cut get
 * their date read and, of those returned, a snippet. The whole search is
 * one read transaction.
 */

/* memmem() */
#define _GNU_SOURCE

#define G_LOG_DOMAIN "sl-search"

#include "config.h"

#include <string.h>

#include "sl-database.h"
#include "sl-enums.h"
#include "sl-search.h"
#include "sl-search-marks.h"
#include "sl-search-people.h"
#include "sl-search-snippet.h"
#include "sl-search-topics.h"
#include "sl-cjk-tokenizer.h"
#include "sl-util.h"

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

/* How many meetings' texts were read to answer queries, in this process:
 * what the index could not answer (docs/performance.md). Tests read it to
 * show that common queries never come here. */
static gint fallback_reads;

/**
 * sl_search_get_fallback_reads:
 *
 * Returns: how many meetings' texts searches have scanned so far,
 *   instead of answering from the index
 */
guint
sl_search_get_fallback_reads (void)
{
  return g_atomic_int_get (&fallback_reads);
}

/* The words the index cannot answer by itself — those holding anything
 * but CJK characters — looked for in a meeting's search_text: Latin
 * letters case-folded, everything else as typed. The index cuts Latin
 * text into whole words, and a search has always found a word inside
 * another one (xi in Xinjiang), so these keep being matched as text. */
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
  gboolean fold = sl_str_has_ascii_letter (word);

  g_ptr_array_add (words->needles, fold ? g_ascii_strdown (word, -1) : g_strdup (word));
  g_array_append_val (words->folded, fold);
  words->any_folded |= fold;
}

/* Whether every such word occurs in @body. A word holds no white space,
 * so it cannot match across the line break between two fields. */
static gboolean
short_words_match (ShortWords *words,
                   const char *body,
                   gsize       length)
{
  const char *folded = NULL;

  g_atomic_int_inc (&fallback_reads);

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

      if (haystack == NULL || memmem (haystack, length, needle, strlen (needle)) == NULL)
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

/* Appends to @expression, an FTS5 query, the runs of CJK characters of
 * @word, each a quoted string (which our tokenizer cuts into a character
 * or a phrase of pairs), joined by AND. Returns whether @word is nothing
 * but one such run: then the index answers it exactly. */
static gboolean
add_index_terms (GString    *expression,
                 const char *word)
{
  gboolean only_cjk = TRUE;
  const char *p = word;

  while (*p)
    {
      const char *start = p;

      while (*p && sl_cjk_tokenizer_is_cjk (g_utf8_get_char (p)))
        p = g_utf8_next_char (p);
      if (p > start)
        {
          if (expression->len > 0)
            g_string_append (expression, " AND ");
          g_string_append_c (expression, '"');
          g_string_append_len (expression, start, p - start);
          g_string_append_c (expression, '"');
        }
      if (*p)
        {
          only_cjk = FALSE;
          p = g_utf8_next_char (p);
        }
    }

  return only_cjk;
}

typedef struct
{
  gint64  key;
  double  rank;    /* bm25: lower is better */
  char   *date;
  char   *title;
} Candidate;

static void
candidate_clear (gpointer data)
{
  Candidate *candidate = data;

  g_clear_pointer (&candidate->date, g_free);
  g_clear_pointer (&candidate->title, g_free);
}

static int
compare_ranks (gconstpointer a,
               gconstpointer b)
{
  const Candidate *first = a, *second = b;

  if (first->rank != second->rank)
    return first->rank < second->rank ? -1 : 1;
  return first->key > second->key ? -1 : first->key < second->key;
}

static int
compare_candidates (gconstpointer a,
                    gconstpointer b)
{
  const Candidate *first = a, *second = b;
  int order;

  /* The best first; on a tie, newest first, as meetings_recent orders
   * them. */
  if (first->rank != second->rank)
    return first->rank < second->rank ? -1 : 1;
  if ((order = g_strcmp0 (second->date, first->date)) != 0)
    return order;
  if ((order = g_strcmp0 (first->title, second->title)) != 0)
    return order;
  return first->key < second->key ? -1 : first->key > second->key;
}

/* With a limit, only the meetings most recently written among those that
 * match are ranked: bm25 costs about a microsecond a meeting, and a
 * common character is in nearly every one of 50,000 (a hundred years).
 * Fewer matches than this, and the ranking is exact. */
#define RANKED_AT_MOST 1000

/* Occurrences of @needle (already folded when @fold) in @body. */
static guint
count_in (const char *body,
          gsize       length,
          const char *needle,
          gboolean    fold,
          GString    *buffer)
{
  gsize needle_length = strlen (needle);
  const char *haystack = body;
  const char *end, *p;
  guint n = 0;

  if (fold)
    {
      g_string_truncate (buffer, 0);
      g_string_append_len (buffer, body, length);
      for (gsize i = 0; i < length; i++)
        buffer->str[i] = g_ascii_tolower (buffer->str[i]);
      haystack = buffer->str;
    }
  end = haystack + length;
  for (p = haystack; needle_length > 0 && p < end &&
       (p = memmem (p, end - p, needle, needle_length)) != NULL; p += needle_length)
    n++;
  return n;
}

/* The meetings whose text changed since the index last saw it, because
 * another program wrote and this connection could not index what it
 * wrote (sl-search-index.c): their index entries may be stale, so they
 * leave @all, and their texts as they are now are read instead. Each
 * that holds every word joins @all, ranked as bm25 ranks a text of
 * average length with as many matches. */
static gboolean
add_pending (SlDatabase         *database,
             GArray             *all,
             const char * const *words,
             GError            **error)
{
  const double k1 = 1.2;
  g_autoptr(GHashTable) pending = g_hash_table_new (g_direct_hash, g_direct_equal);
  g_autoptr(GArray) found = g_array_new (FALSE, FALSE, sizeof (Candidate));
  g_autoptr(GString) buffer = g_string_new (NULL);
  sqlite3_stmt *stmt;
  int rc;

  stmt = sl_database_prepare (database,
                              "SELECT p.meeting_id, t.body FROM search_pending p "
                              "  LEFT JOIN search_text t ON t.meeting_id = p.meeting_id",
                              error);
  if (stmt == NULL)
    return FALSE;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 key = sqlite3_column_int64 (stmt, 0);
      const char *body = (const char *) sqlite3_column_blob (stmt, 1);
      gsize length = sqlite3_column_bytes (stmt, 1);
      guint first = 0;

      g_hash_table_add (pending, GSIZE_TO_POINTER ((gsize) key));
      if (body == NULL)
        continue;
      g_atomic_int_inc (&fallback_reads);
      for (guint i = 0; words[i] != NULL; i++)
        {
          gboolean fold = sl_str_has_ascii_letter (words[i]);
          g_autofree char *needle = fold ? g_ascii_strdown (words[i], -1) : g_strdup (words[i]);
          guint n = count_in (body, length, needle, fold, buffer);

          if (i == 0)
            first = n;
          if (n == 0)
            {
              first = 0;
              break;
            }
        }
      if (first > 0)
        {
          Candidate candidate = { key, -(first * (k1 + 1)) / (first + k1) };
          g_array_append_val (found, candidate);
        }
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    return sl_database_set_error (database, rc, error);

  if (g_hash_table_size (pending) == 0)
    return TRUE;

  for (guint i = all->len; i > 0; i--)
    if (g_hash_table_contains (pending,
                               GSIZE_TO_POINTER ((gsize) g_array_index (all, Candidate, i - 1).key)))
      g_array_remove_index (all, i - 1);
  g_array_append_vals (all, found->data, found->len);
  return TRUE;
}

/* The meetings that match @expression in the index and hold every word
 * of @words, best first by bm25 and newest first on ties, at most @limit
 * (0: all). Only the meetings that may make the cut have their date read:
 * a common character is in nearly every meeting. */
static GArray *
find_ranked (SlDatabase  *database,
             const char  *expression,
             const char * const *query,
             ShortWords  *words,
             guint        limit,
             GError     **error)
{
  g_autoptr(GArray) all = g_array_new (FALSE, FALSE, sizeof (Candidate));
  g_autoptr(GArray) found = g_array_new (FALSE, FALSE, sizeof (Candidate));
  gint64 window = limit > 0 ? MAX (RANKED_AT_MOST, 2 * (gint64) limit) : -1;
  sqlite3_stmt *stmt;
  int rc;

  g_array_set_clear_func (found, candidate_clear);

again:
  g_array_set_size (all, 0);
  g_array_set_size (found, 0);
  /* Descending rowid is the index's own order: with LIMIT, FTS5 stops
   * there, and bm25 runs only for the rows returned. */
  /* One phrase: sl_rank() orders as bm25() does without running the
   * phrase over the whole index for its weight (sl-cjk-tokenizer.c); more,
   * and bm25() weighs the rarer ones. */
  if (strstr (expression, " AND ") == NULL)
    stmt = sl_database_prepare (database,
                                "SELECT rowid, sl_rank (search_index) FROM search_index "
                                "WHERE search_index MATCH ?1 ORDER BY rowid DESC LIMIT ?2",
                                error);
  else
    stmt = sl_database_prepare (database,
                                "SELECT rowid, bm25 (search_index) FROM search_index "
                                "WHERE search_index MATCH ?1 ORDER BY rowid DESC LIMIT ?2",
                                error);
  if (stmt == NULL)
    return NULL;
  sl_bind_text (stmt, 1, expression);
  sqlite3_bind_int64 (stmt, 2, window);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      Candidate candidate = { sqlite3_column_int64 (stmt, 0), sqlite3_column_double (stmt, 1) };
      g_array_append_val (all, candidate);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      sl_database_set_error (database, rc, error);
      return NULL;
    }

  if (!add_pending (database, all, query, error))
    return NULL;
  g_array_sort (all, compare_ranks);

  /* The first @limit that hold the other words, and those that tie with
   * the last of them. */
  for (guint i = 0; i < all->len; i++)
    {
      Candidate *candidate = &g_array_index (all, Candidate, i);
      gboolean matches = TRUE;

      if (limit > 0 && found->len >= limit &&
          candidate->rank != g_array_index (found, Candidate, found->len - 1).rank)
        break;
      if (!meeting_matches (database, words, candidate->key, &matches, error))
        return NULL;
      if (matches)
        g_array_append_val (found, *candidate);
    }

  /* The words read from the texts left too few: rank them all. */
  if (window > 0 && all->len >= window && found->len < limit)
    {
      window = -1;
      goto again;
    }

  for (guint i = 0; i < found->len; i++)
    {
      Candidate *candidate = &g_array_index (found, Candidate, i);

      stmt = sl_database_prepare (database, "SELECT date, title FROM meetings WHERE id = ?", error);
      if (stmt == NULL)
        return NULL;
      sqlite3_bind_int64 (stmt, 1, candidate->key);
      if (sqlite3_step (stmt) == SQLITE_ROW)
        {
          candidate->date = g_strdup (sl_column_text (stmt, 0));
          candidate->title = g_strdup (sl_column_text (stmt, 1));
        }
      sqlite3_reset (stmt);
    }

  g_array_sort (found, compare_candidates);
  if (limit > 0 && found->len > limit)
    g_array_set_size (found, limit);

  return g_steal_pointer (&found);
}

/* Without a CJK character in the query the index has nothing to say:
 * every meeting's text is read, newest first through meetings_recent,
 * stopping at @limit. */
static GArray *
find_scanned (SlDatabase  *database,
              ShortWords  *words,
              guint        limit,
              GError     **error)
{
  g_autoptr(GArray) found = g_array_new (FALSE, FALSE, sizeof (Candidate));
  sqlite3_stmt *stmt;
  int rc;

  g_array_set_clear_func (found, candidate_clear);

  stmt = sl_database_prepare (database,
                              "SELECT m.id, t.body FROM meetings m INDEXED BY meetings_recent "
                              "  LEFT JOIN search_text t ON t.meeting_id = m.id "
                              "ORDER BY m.date DESC, m.title, m.id",
                              error);
  if (stmt == NULL)
    return NULL;

  while ((limit == 0 || found->len < limit) && (rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      Candidate candidate = { sqlite3_column_int64 (stmt, 0), 0 };

      if (short_words_match (words, (const char *) sqlite3_column_blob (stmt, 1),
                             sqlite3_column_bytes (stmt, 1)))
        g_array_append_val (found, candidate);
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
/**
 * sl_search_run:
 * @text: the query: words separated by spaces, all of which must occur
 * @limit: the most hits to return, 0 for all
 *
 * In this order: a query of one word that is a member's name first finds
 * that member's part in meetings and research topics
 * (sl-search-people.c), namesakes each in turn, newest first; then the
 * meetings whose texts hold the words, best first (bm25), newest first
 * on ties; then the research topics whose title or note hold them
 * (sl-search-topics.c); then, for one word that is part of members'
 * names (犇 of 李犇), those members' parts. Each hit's snippet has the
 * query's words found in it (marks).
 *
 * Returns: (element-type SlSearchHit): the hits
 */
GPtrArray *
sl_search_run (SlDatabase  *database,
               const char  *text,
               guint        limit,
               GError     **error)
{
  g_autoptr(GPtrArray) hits = g_ptr_array_new_with_free_func ((GDestroyNotify) sl_search_hit_free);
  g_autoptr(GString) expression = g_string_new (NULL);
  g_autoptr(GArray) found = NULL;
  g_autoptr(GHashTable) parts = NULL;
  g_auto(GStrv) words = NULL;
  ShortWords short_words = { 0 };
  gboolean own_transaction;
  gboolean ok = TRUE;

  g_return_val_if_fail (SL_IS_DATABASE (database), NULL);

  words = sl_search_split (text);
  if (words[0] == NULL)
    return g_steal_pointer (&hits);

  /* What another program wrote meanwhile, indexed first when this
   * connection may write (sl-search-index.c). */
  if (!sl_database_update_search_index (database, error))
    return NULL;

  /* One read transaction: the same ledger throughout, and SQLite locks
   * the file once instead of for every statement. */
  own_transaction = sqlite3_get_autocommit (sl_database_get_handle (database));
  if (own_transaction && !sl_database_exec (database, "BEGIN", error))
    return NULL;

  short_words.needles = g_ptr_array_new_with_free_func (g_free);
  short_words.folded = g_array_new (FALSE, FALSE, sizeof (gboolean));
  short_words.buffer = g_string_new (NULL);

  /* A person's part in meetings, when the query is a name. */
  if (words[1] == NULL)
    ok = sl_search_people (database, words[0], FALSE, limit, hits, error);

  for (guint i = 0; ok && words[i] != NULL; i++)
    if (!add_index_terms (expression, words[i]))
      short_words_add (&short_words, words[i]);

  if (ok && (limit == 0 || hits->len < limit))
    {
      /* As many as @limit: those already found as a person's part are
       * left out below. */
      guint wanted = limit;

      if (expression->len > 0)
        found = find_ranked (database, expression->str, (const char * const *) words,
                             &short_words, wanted, error);
      else
        found = find_scanned (database, &short_words, wanted, error);
      ok = found != NULL;
    }

  /* The meetings already there with a person's part in them. */
  parts = g_hash_table_new (g_int64_hash, g_int64_equal);
  for (guint i = 0; i < hits->len; i++)
    g_hash_table_add (parts, &((SlSearchHit *) g_ptr_array_index (hits, i))->key);

  for (guint i = 0; ok && found != NULL && i < found->len; i++)
    {
      Candidate *candidate = &g_array_index (found, Candidate, i);
      sqlite3_stmt *stmt;
      SlSearchHit *hit;
      int kind = 0;
      int rc;

      if (limit > 0 && hits->len >= limit)
        break;
      if (g_hash_table_contains (parts, &candidate->key))
        continue;

      stmt = sl_database_prepare (database,
                                  "SELECT uuid, date, title, kind FROM meetings WHERE id = ?",
                                  error);
      if (stmt == NULL)
        {
          ok = FALSE;
          break;
        }

      sqlite3_bind_int64 (stmt, 1, candidate->key);
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

      hit->key = candidate->key;
      hit->rank = candidate->rank;
      hit->snippet = sl_search_snippet_meeting (database, hit->key, words[0], &hit->field);
      g_ptr_array_add (hits, hit);
    }

  /* Research topics by their text, and members by part of their name:
   * few, read directly, after the ranked meetings. */
  if (ok && (limit == 0 || hits->len < limit))
    ok = sl_search_topics (database, (const char * const *) words, limit, hits, error);
  if (ok && words[1] == NULL && (limit == 0 || hits->len < limit))
    ok = sl_search_people (database, words[0], TRUE, limit, hits, error);

  for (guint i = 0; ok && i < hits->len; i++)
    {
      SlSearchHit *hit = g_ptr_array_index (hits, i);

      hit->marks = sl_search_marks_find (hit->snippet, (const char * const *) words);
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
      g_autofree char *marked = sl_search_marks_apply (hit->snippet, hit->marks,
                                                       SL_SEARCH_MARK_OPEN, SL_SEARCH_MARK_CLOSE);

      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "meeting");
      if (hit->meeting)
        json_builder_add_string_value (builder, hit->meeting);
      else
        json_builder_add_null_value (builder);
      json_builder_set_member_name (builder, "date");
      json_builder_add_string_value (builder, hit->date);
      if (hit->topic != NULL)
        {
          json_builder_set_member_name (builder, "year");
          json_builder_add_int_value (builder, hit->year);
        }
      json_builder_set_member_name (builder, "title");
      if (hit->title)
        json_builder_add_string_value (builder, hit->title);
      else
        json_builder_add_null_value (builder);
      json_builder_set_member_name (builder, "kind");
      if (hit->meeting)
        json_builder_add_string_value (builder, sl_enum_to_code (SL_TYPE_MEETING_KIND, hit->kind));
      else
        json_builder_add_null_value (builder);
      /* The query's words in 【】 (README, "Search"). */
      json_builder_set_member_name (builder, "snippet");
      json_builder_add_string_value (builder, marked);
      /* What the snippet is from, for a hit found by text. */
      if (hit->field != NULL)
        {
          json_builder_set_member_name (builder, "field");
          json_builder_add_string_value (builder, hit->field);
        }
      /* A person's part: the first role, all of them, and who. */
      if (hit->roles != NULL && hit->roles[0] != NULL)
        {
          json_builder_set_member_name (builder, "role");
          json_builder_add_string_value (builder, hit->roles[0]);
          json_builder_set_member_name (builder, "roles");
          json_builder_begin_array (builder);
          for (guint r = 0; hit->roles[r] != NULL; r++)
            json_builder_add_string_value (builder, hit->roles[r]);
          json_builder_end_array (builder);
          json_builder_set_member_name (builder, "member");
          json_builder_add_string_value (builder, hit->member);
        }
      if (hit->topic != NULL)
        {
          json_builder_set_member_name (builder, "topic");
          json_builder_add_string_value (builder, hit->topic);
        }
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);

  return json_builder_get_root (builder);
}
