/* sl-search-index.h — the search index's queue of changed meetings (schema 8)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>
#include <sqlite3.h>

#include "sl-cjk-tokenizer.h"

G_BEGIN_DECLS

/* The trigger that queues a new meeting's text, apart: a bulk write sets
 * it aside while it writes many texts in one statement (with a row
 * trigger, INSERT ... SELECT first copies every row it selects into a
 * table in memory) and puts it back with exactly this text. */
#define SL_SEARCH_TEXT_PENDING_INSERT_SQL \
  "CREATE TRIGGER search_text_pending_insert AFTER INSERT ON search_text" \
  "  WHEN NOT EXISTS (SELECT 1 FROM search_pending WHERE meeting_id = new.meeting_id) BEGIN" \
  "  INSERT INTO search_pending (meeting_id, old_body) VALUES (new.meeting_id, NULL);" \
  "END;"

/* The index itself, apart: a bulk write builds one in a database of its
 * own (sl-search-builder.c), whose pages must read the same. */
#define SL_SEARCH_INDEX_TABLE_SQL \
  "CREATE VIRTUAL TABLE search_index USING fts5 (body, content = 'search_text'," \
  "  content_rowid = 'meeting_id', tokenize = '" SL_CJK_TOKENIZER_NAME "')"

/* Schema 8's tables and triggers (sl-migrations.c): the index over
 * search_text, cut by our tokenizer, and the plain queue that every
 * writer fills. */
#define SL_SEARCH_INDEX_SCHEMA_SQL \
  "CREATE TABLE search_pending (" \
  "  meeting_id INTEGER PRIMARY KEY," \
  "  old_body TEXT" \
  ");" \
  SL_SEARCH_TEXT_PENDING_INSERT_SQL \
  "CREATE TRIGGER search_text_pending_update AFTER UPDATE ON search_text" \
  "  WHEN NOT EXISTS (SELECT 1 FROM search_pending WHERE meeting_id = old.meeting_id) BEGIN" \
  "  INSERT INTO search_pending (meeting_id, old_body) VALUES (old.meeting_id, old.body);" \
  "END;" \
  "CREATE TRIGGER search_text_pending_delete AFTER DELETE ON search_text" \
  "  WHEN NOT EXISTS (SELECT 1 FROM search_pending WHERE meeting_id = old.meeting_id) BEGIN" \
  "  INSERT INTO search_pending (meeting_id, old_body) VALUES (old.meeting_id, old.body);" \
  "END;" \
  SL_SEARCH_INDEX_TABLE_SQL ";" \
  "INSERT INTO search_index (search_index) VALUES ('rebuild');"

int      sl_search_index_drain       (sqlite3 *db);
gboolean sl_search_index_has_pending (sqlite3 *db);

G_END_DECLS
