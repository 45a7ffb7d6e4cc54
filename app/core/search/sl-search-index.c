/* sl-search-index.c — the search index's queue of changed meetings (schema 8)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * search_index is an FTS5 index over search_text (one row of text per
 * meeting, kept by plain triggers since schema 3), cut by our own
 * tokenizer (sl-cjk-tokenizer.c). A tokenizer is code, not SQL: a program
 * without it — the sqlite3 shell, an older build, a script — cannot write
 * to the index, and a trigger that did would make every UPDATE of a
 * meeting fail there. So no trigger touches the index. Triggers on
 * search_text, plain SQL, note each meeting whose text changed in
 * search_pending, with the text the index last saw (old_body, NULL when
 * the index never had the meeting): only the first change since the last
 * drain is noted, since that is what the index holds.
 *
 * This program drains the queue (sl_search_index_drain()) into the index
 * in the transaction of each of its own writes, before the COMMIT
 * (sl-database.c), and before a search when it may write. A search from
 * a reader that may not write reads the queued meetings' texts instead of
 * their stale index entries (sl-search.c), so what another program wrote
 * is found either way. FTS5 takes a row out of an external-content index
 * by tokenizing the text it was given: old_body is that text.
 */

#define G_LOG_DOMAIN "sl-search"

#include "config.h"

#include "sl-search-index.h"

/* In meeting order: FTS5 starts a new segment whenever a rowid goes
 * down, and one statement for all the rows writes one. */
static const char drain_sql[] =
  "INSERT INTO search_index (search_index, rowid, body)"
  "  SELECT 'delete', meeting_id, old_body FROM search_pending"
  "  WHERE old_body IS NOT NULL ORDER BY meeting_id;"
  "INSERT INTO search_index (rowid, body)"
  "  SELECT t.meeting_id, t.body FROM search_pending p"
  "  JOIN search_text t ON t.meeting_id = p.meeting_id ORDER BY p.meeting_id;"
  "DELETE FROM search_pending;";

/* Whether some meeting's text changed since the index last saw it. */
gboolean
sl_search_index_has_pending (sqlite3 *db)
{
  sqlite3_stmt *stmt = NULL;
  gboolean pending = FALSE;

  if (sqlite3_prepare_v2 (db, "SELECT EXISTS (SELECT 1 FROM search_pending)", -1, &stmt,
                          NULL) == SQLITE_OK &&
      sqlite3_step (stmt) == SQLITE_ROW)
    pending = sqlite3_column_int (stmt, 0) != 0;
  sqlite3_finalize (stmt);
  return pending;
}

/**
 * sl_search_index_drain:
 * @db: a connection with the tokenizer, inside a write transaction
 *
 * Brings search_index up to date with search_text: the meetings in
 * search_pending leave the index with the text it had and enter it with
 * the text they have now.
 *
 * Returns: an SQLite result code
 */
int
sl_search_index_drain (sqlite3 *db)
{
  if (!sl_search_index_has_pending (db))
    return SQLITE_OK;
  return sqlite3_exec (db, drain_sql, NULL, NULL, NULL);
}
