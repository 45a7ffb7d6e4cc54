/* sl-search-topics.c — research topics found by their text
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A research topic (调研课题) is not a meeting: it has no row in
 * search_text and no place in the index. There are few of them — one per
 * leadership member a year, a thousand in a century — so a search reads
 * their titles and notes directly, which costs less than a millisecond,
 * and lists those that hold every word of the query after the meetings.
 *
 * A topic belongs to a year and has no day. Its hit's date is the year's
 * last day (YYYY-12-31), the date by which the year's topic is done and
 * reported, and "year" says which year; never the year alone, which is
 * not a date (README, "Search").
 */

#define G_LOG_DOMAIN "sl-search"

#include "config.h"

#include <string.h>

#include "sl-database.h"
#include "sl-search-snippet.h"
#include "sl-search-topics.h"
#include "sl-util.h"

/**
 * sl_search_topic_date:
 * @year: a research topic's year
 *
 * Returns: the date a research topic's hit carries: @year's last day
 */
char *
sl_search_topic_date (int year)
{
  return g_strdup_printf ("%04d-12-31", year);
}

/* Whether @text holds every word: Latin letters without regard to case,
 * as in the meetings' texts (sl-search.c). */
static gboolean
holds_every_word (const char         *text,
                  const char * const *words)
{
  g_autofree char *folded = g_ascii_strdown (text, -1);

  for (guint i = 0; words[i] != NULL; i++)
    {
      gboolean fold = sl_str_has_ascii_letter (words[i]);
      g_autofree char *needle = fold ? g_ascii_strdown (words[i], -1) : g_strdup (words[i]);

      if (strstr (fold ? folded : text, needle) == NULL)
        return FALSE;
    }
  return TRUE;
}

/**
 * sl_search_topics:
 * @words: the query's words, all of which must occur
 * @limit: the most hits in @hits, 0 for no limit
 * @hits: (element-type SlSearchHit): where the hits go, after those
 *   there; a topic already there is not listed again
 *
 * Adds the research topics whose title or note hold every word, newest
 * first, the snippet from the title when it holds the first word.
 *
 * Returns: FALSE with @error set when the ledger could not be read
 */
gboolean
sl_search_topics (SlDatabase         *database,
                  const char * const *words,
                  guint               limit,
                  GPtrArray          *hits,
                  GError            **error)
{
  g_autoptr(GHashTable) listed = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  sqlite3_stmt *stmt;
  int rc = SQLITE_DONE;

  if (words == NULL || words[0] == NULL)
    return TRUE;

  /* The topics already there (a lead's, found by name). */
  for (guint i = 0; i < hits->len; i++)
    {
      SlSearchHit *hit = g_ptr_array_index (hits, i);

      if (hit->topic != NULL)
        g_hash_table_add (listed, g_strdup (hit->topic));
    }

  stmt = sl_database_prepare (database,
                              "SELECT uuid, year, title, note FROM research_topics "
                              "ORDER BY year DESC, title, id",
                              error);
  if (stmt == NULL)
    return FALSE;

  while ((limit == 0 || hits->len < limit) && (rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      const char *title = sl_column_text (stmt, 2);
      const char *note = sl_column_text (stmt, 3);
      g_autofree char *text = g_strconcat (title ? title : "", "\n", note ? note : "", NULL);
      SlSearchHit *hit;

      if (!holds_every_word (text, words) || g_hash_table_contains (listed, sl_column_text (stmt, 0)))
        continue;

      hit = g_new0 (SlSearchHit, 1);
      hit->topic = g_strdup (sl_column_text (stmt, 0));
      hit->year = sqlite3_column_int (stmt, 1);
      hit->date = sl_search_topic_date (hit->year);
      hit->title = g_strdup (title);
      if ((hit->snippet = sl_search_snippet_cut (title, words[0])) != NULL)
        hit->field = "research_topic";
      else if ((hit->snippet = sl_search_snippet_cut (note, words[0])) != NULL)
        hit->field = "research_topic_note";
      else
        hit->snippet = g_strdup ("");
      g_ptr_array_add (hits, hit);
    }
  if (limit > 0 && hits->len >= limit)
    rc = SQLITE_DONE;
  sqlite3_reset (stmt);

  if (rc != SQLITE_DONE)
    return sl_database_set_error (database, rc, error);
  return TRUE;
}
