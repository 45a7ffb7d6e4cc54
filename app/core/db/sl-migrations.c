/* sl-migrations.c — the ledger's schema versions and the steps to each
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Version N of the schema is migrations[N - 1] (SQL) followed by
 * migration_code[N - 1] (what SQL alone cannot do), run by
 * sl-database.c's migrate() inside the transaction that bumps
 * PRAGMA user_version. The history of the versions is told at the top of
 * sl-database.c. Texts once released must not change: they are what the
 * migrations wrote into every ledger.
 */

#define G_LOG_DOMAIN "sl-database"

#include "config.h"

#include <string.h>

#include "sl-migrations.h"
#include "sl-search-index.h"

#define ENUM_CHECK(column, ...) \
  "CHECK (" column " IN (" __VA_ARGS__ "))"

/* Schema 3: a meeting's searched texts, "\n" before each field. */
#define MEETING_TEXT(row) \
  "coalesce (" row ".title, '') || char (10) || coalesce (" row ".theme, '')"
#define STUDY_TEXT(row) \
  "char (10) || coalesce (" row ".title, '') || char (10) || coalesce (" row ".source, '')" \
  " || char (10) || coalesce (" row ".summary, '')"
#define SPEECH_TEXT(row) \
  "char (10) || coalesce (" row ".points, '')"
#define MEASURE_TEXT(row) \
  "char (10) || coalesce (" row ".text, '') || char (10) || coalesce (" row ".progress, '')"
#define CHILDREN_TEXT(key) \
  "coalesce ((SELECT group_concat (" STUDY_TEXT ("s") ", '') FROM studies s WHERE s.meeting_id = " key "), '')" \
  " || coalesce ((SELECT group_concat (" SPEECH_TEXT ("p") ", '') FROM speeches p WHERE p.meeting_id = " key "), '')" \
  " || coalesce ((SELECT group_concat (" MEASURE_TEXT ("x") ", '') FROM measures x WHERE x.meeting_id = " key "), '')"
/* Not REPLACE: inside a trigger, the conflict policy of the statement that
 * fired it (an upsert's ABORT) would override it. */
#define REBUILD_TEXT(key) \
  "DELETE FROM search_text WHERE meeting_id = " key ";" \
  "INSERT INTO search_text (meeting_id, body)" \
  "  SELECT m.id, " MEETING_TEXT ("m") " || " CHILDREN_TEXT ("m.id") \
  "  FROM meetings m WHERE m.id = " key ";"
#define APPEND_TEXT(table, text) \
  "CREATE TRIGGER " table "_text_insert AFTER INSERT ON " table " BEGIN" \
  "  UPDATE search_text SET body = body || " text " WHERE meeting_id = new.meeting_id;" \
  "END;"

/* The triggers that index a new row (schemas 2 and 3), named so that a bulk
 * import can set them aside and index its rows in one pass instead
 * (sl_database_defer_search_index). Their text must not change: it is
 * what the migrations wrote into every ledger. */
#define MEETINGS_SEARCH_INSERT \
  "CREATE TRIGGER meetings_search_insert AFTER INSERT ON meetings BEGIN" \
  "  INSERT INTO search_index (rowid, body) VALUES (new.id * 8 + 1," \
  "    coalesce (new.title, '') || char (10) || coalesce (new.theme, ''));" \
  "END;"
#define STUDIES_SEARCH_INSERT \
  "CREATE TRIGGER studies_search_insert AFTER INSERT ON studies BEGIN" \
  "  INSERT INTO search_index (rowid, body) VALUES (new.id * 8 + 2," \
  "    coalesce (new.title, '') || char (10) || coalesce (new.source, '') || char (10) || coalesce (new.summary, ''));" \
  "END;"
#define SPEECHES_SEARCH_INSERT \
  "CREATE TRIGGER speeches_search_insert AFTER INSERT ON speeches BEGIN" \
  "  INSERT INTO search_index (rowid, body) VALUES (new.id * 8 + 3, coalesce (new.points, ''));" \
  "END;"
#define MEASURES_SEARCH_INSERT \
  "CREATE TRIGGER measures_search_insert AFTER INSERT ON measures BEGIN" \
  "  INSERT INTO search_index (rowid, body) VALUES (new.id * 8 + 4," \
  "    coalesce (new.text, '') || char (10) || coalesce (new.progress, ''));" \
  "END;"
#define MEETINGS_TEXT_INSERT \
  "CREATE TRIGGER meetings_text_insert AFTER INSERT ON meetings BEGIN" \
  "  INSERT INTO search_text (meeting_id, body) VALUES (new.id, " MEETING_TEXT ("new") ");" \
  "END;"
#define STUDIES_TEXT_INSERT  APPEND_TEXT ("studies", STUDY_TEXT ("new"))
#define SPEECHES_TEXT_INSERT APPEND_TEXT ("speeches", SPEECH_TEXT ("new"))
#define MEASURES_TEXT_INSERT APPEND_TEXT ("measures", MEASURE_TEXT ("new"))

/* Schema 9: everything a secretary typed that names a meeting — besides
 * the title, theme, studies, speeches' points and measures of schema 3:
 * the place, the chair's summary, the decisions, the note, the session
 * plan's 研讨题目 (a JSON array of text; anything else as it is), a
 * speech's title and its speaker's name as typed, a guest's name, unit,
 * post and 点评意见 (remarks), and a measure's department. */
#define SESSION_TOPICS_TEXT_9(row) \
  "CASE WHEN json_valid (" row ".session_topics) AND json_type (" row ".session_topics) = 'array'" \
  " THEN coalesce ((SELECT group_concat (value, char (10)) FROM json_each (" row ".session_topics)), '')" \
  " ELSE coalesce (" row ".session_topics, '') END"
#define MEETING_TEXT_9(row) \
  MEETING_TEXT (row) " || char (10) || coalesce (" row ".place, '')" \
  " || char (10) || coalesce (" row ".chair_summary, '') || char (10) || coalesce (" row ".decisions, '')" \
  " || char (10) || coalesce (" row ".note, '') || char (10) || " SESSION_TOPICS_TEXT_9 (row)
#define SPEECH_TEXT_9(row) \
  "char (10) || coalesce (" row ".title, '') || char (10) || coalesce (" row ".points, '')" \
  " || char (10) || coalesce (" row ".speaker_name, '')"
#define GUEST_TEXT_9(row) \
  "char (10) || coalesce (" row ".name, '') || char (10) || coalesce (" row ".unit, '')" \
  " || char (10) || coalesce (" row ".post, '') || char (10) || coalesce (" row ".remarks, '')"
#define MEASURE_TEXT_9(row) \
  "char (10) || coalesce (" row ".text, '') || char (10) || coalesce (" row ".department, '')" \
  " || char (10) || coalesce (" row ".progress, '')"
#define CHILDREN_TEXT_9(key) \
  "coalesce ((SELECT group_concat (" STUDY_TEXT ("s") ", '') FROM studies s WHERE s.meeting_id = " key "), '')" \
  " || coalesce ((SELECT group_concat (" SPEECH_TEXT_9 ("p") ", '') FROM speeches p WHERE p.meeting_id = " key "), '')" \
  " || coalesce ((SELECT group_concat (" GUEST_TEXT_9 ("g") ", '') FROM guests g WHERE g.meeting_id = " key "), '')" \
  " || coalesce ((SELECT group_concat (" MEASURE_TEXT_9 ("x") ", '') FROM measures x WHERE x.meeting_id = " key "), '')"
#define REBUILD_TEXT_9(key) \
  "DELETE FROM search_text WHERE meeting_id = " key ";" \
  "INSERT INTO search_text (meeting_id, body)" \
  "  SELECT m.id, " MEETING_TEXT_9 ("m") " || " CHILDREN_TEXT_9 ("m.id") \
  "  FROM meetings m WHERE m.id = " key ";"
#define MEETINGS_TEXT_INSERT_9 \
  "CREATE TRIGGER meetings_text_insert AFTER INSERT ON meetings BEGIN" \
  "  INSERT INTO search_text (meeting_id, body) VALUES (new.id, " MEETING_TEXT_9 ("new") ");" \
  "END;"
#define SPEECHES_TEXT_INSERT_9 APPEND_TEXT ("speeches", SPEECH_TEXT_9 ("new"))
#define GUESTS_TEXT_INSERT_9   APPEND_TEXT ("guests", GUEST_TEXT_9 ("new"))
#define MEASURES_TEXT_INSERT_9 APPEND_TEXT ("measures", MEASURE_TEXT_9 ("new"))
/* The updates that change a meeting's text. An import writes some keys
 * with an UPDATE after the INSERT (sl-ledger-extras.c): these stand aside
 * during a bulk write too (sl_migrations_defer_index()). */
#define MEETINGS_TEXT_UPDATE_9 \
  "CREATE TRIGGER meetings_text_update AFTER UPDATE OF title, theme, place, chair_summary," \
  "  decisions, note, session_topics ON meetings BEGIN" \
  "  " REBUILD_TEXT_9 ("new.id") \
  "END;"
#define CHILD_TEXT_UPDATE_9(table, columns) \
  "CREATE TRIGGER " table "_text_update AFTER UPDATE OF meeting_id, " columns " ON " table " BEGIN" \
  "  " REBUILD_TEXT_9 ("old.meeting_id") "  " REBUILD_TEXT_9 ("new.meeting_id") \
  "END;"
#define CHILD_TEXT_DELETE_9(table) \
  "CREATE TRIGGER " table "_text_delete AFTER DELETE ON " table " BEGIN" \
  "  " REBUILD_TEXT_9 ("old.meeting_id") \
  "END;"
#define STUDIES_TEXT_UPDATE_9  CHILD_TEXT_UPDATE_9 ("studies", "title, source, summary")
#define SPEECHES_TEXT_UPDATE_9 CHILD_TEXT_UPDATE_9 ("speeches", "title, points, speaker_name")
#define GUESTS_TEXT_UPDATE_9   CHILD_TEXT_UPDATE_9 ("guests", "name, unit, post, remarks")
#define MEASURES_TEXT_UPDATE_9 CHILD_TEXT_UPDATE_9 ("measures", "text, department, progress")

/* The triggers that keep search_text, as the latest schema has them:
 * since schema 8 only search_text's, and search_index follows it through
 * search_pending. A bulk write sets these aside and notes the meetings it
 * touches instead (defer_index_sql). */
static const struct
{
  const char *drop;
  const char *create;
} index_triggers[] = {
  { "DROP TRIGGER main.meetings_text_insert", MEETINGS_TEXT_INSERT_9 },
  { "DROP TRIGGER main.studies_text_insert", STUDIES_TEXT_INSERT },
  { "DROP TRIGGER main.speeches_text_insert", SPEECHES_TEXT_INSERT_9 },
  { "DROP TRIGGER main.guests_text_insert", GUESTS_TEXT_INSERT_9 },
  { "DROP TRIGGER main.measures_text_insert", MEASURES_TEXT_INSERT_9 },
  { "DROP TRIGGER main.meetings_text_update", MEETINGS_TEXT_UPDATE_9 },
  { "DROP TRIGGER main.speeches_text_update", SPEECHES_TEXT_UPDATE_9 },
  { "DROP TRIGGER main.guests_text_update", GUESTS_TEXT_UPDATE_9 },
};

/* Schema 5: a table's change counter and the trigger that raises it.
 * @columns ("" for all) leaves out a reference that SQLite sets to NULL
 * when its target is deleted (ON DELETE SET NULL): deleting a plan item
 * or a parent organization in the window must not make every meeting or
 * organization that named it look changed by someone else. */
/* Ids in lower case (ARCHIVE.md): an older version kept an upper-case
 * archive's ids as they came, and a merge of the same records in lower
 * case then added them twice. A row whose lower-case id is already taken
 * keeps its own (OR IGNORE), rather than the file being refused. */
#define LOWER_UUIDS(table) \
  "UPDATE OR IGNORE " table " SET uuid = lower (uuid) WHERE uuid <> lower (uuid);"

#define CHANGE_COUNT(table, columns) \
  "ALTER TABLE " table " ADD COLUMN change_count INTEGER NOT NULL DEFAULT 0;" \
  "CREATE TRIGGER " table "_change_count AFTER UPDATE " columns " ON " table \
  "  WHEN new.change_count = old.change_count BEGIN" \
  "  UPDATE " table " SET change_count = old.change_count + 1 WHERE id = new.id;" \
  "END;"

static const char *migrations[] = {
  /* 1: records */
  "CREATE TABLE organizations ("
  "  id INTEGER PRIMARY KEY,"
  "  uuid TEXT NOT NULL UNIQUE,"
  "  name TEXT NOT NULL,"
  "  kind TEXT " ENUM_CHECK ("kind", "'party_group','party_committee','branch','other'") ","
  "  parent_id INTEGER REFERENCES organizations (id) ON DELETE SET NULL"
  ");"
  "CREATE TABLE members ("
  "  id INTEGER PRIMARY KEY,"
  "  uuid TEXT NOT NULL UNIQUE,"
  "  name TEXT NOT NULL,"
  "  gender TEXT,"
  "  post TEXT,"
  "  organization_id INTEGER REFERENCES organizations (id),"
  "  leadership INTEGER NOT NULL DEFAULT 0,"
  "  central_group INTEGER NOT NULL DEFAULT 0,"
  "  joined_on TEXT,"
  "  left_on TEXT,"
  "  sort INTEGER NOT NULL DEFAULT 0,"
  "  phone TEXT,"
  "  note TEXT"
  ");"
  "CREATE INDEX members_organization ON members (organization_id, sort);"
  "CREATE TABLE plans ("
  "  id INTEGER PRIMARY KEY,"
  "  uuid TEXT NOT NULL UNIQUE,"
  "  organization_id INTEGER NOT NULL REFERENCES organizations (id),"
  "  year INTEGER NOT NULL,"
  "  title TEXT,"
  "  guiding TEXT,"
  "  focus TEXT,"
  "  forms TEXT,"
  "  requirements TEXT"
  ");"
  "CREATE INDEX plans_year ON plans (year, organization_id);"
  "CREATE TABLE plan_items ("
  "  id INTEGER PRIMARY KEY,"
  "  uuid TEXT NOT NULL UNIQUE,"
  "  plan_id INTEGER NOT NULL REFERENCES plans (id) ON DELETE CASCADE,"
  "  position INTEGER NOT NULL,"
  "  month INTEGER CHECK (month BETWEEN 1 AND 12),"
  "  planned_on TEXT,"
  "  theme TEXT,"
  "  content TEXT,"
  "  form TEXT " ENUM_CHECK ("form", "'collective_study','seminar','lecture','research','reading_class','on_site','relay','other'") ","
  "  scope TEXT,"
  "  department TEXT,"
  "  status TEXT " ENUM_CHECK ("status", "'planned','adjusted','cancelled'") ","
  "  note TEXT"
  ");"
  "CREATE INDEX plan_items_plan ON plan_items (plan_id, position);"
  "CREATE TABLE plan_item_people ("
  "  item_id INTEGER NOT NULL REFERENCES plan_items (id) ON DELETE CASCADE,"
  "  role TEXT NOT NULL CHECK (role IN ('lead','speaker')),"
  "  position INTEGER NOT NULL,"
  "  member_id INTEGER NOT NULL REFERENCES members (id),"
  "  PRIMARY KEY (item_id, role, position)"
  ") WITHOUT ROWID;"
  "CREATE INDEX plan_item_people_member ON plan_item_people (member_id);"
  "CREATE TABLE meetings ("
  "  id INTEGER PRIMARY KEY,"
  "  uuid TEXT NOT NULL UNIQUE,"
  "  organization_id INTEGER NOT NULL REFERENCES organizations (id),"
  "  kind TEXT NOT NULL " ENUM_CHECK ("kind", "'party_group','central_group','ideology','situation_analysis','branch_assembly','branch_committee','group_meeting','party_lecture','training','other'") ","
  "  sequence INTEGER,"
  "  title TEXT,"
  "  date TEXT NOT NULL,"
  "  year INTEGER GENERATED ALWAYS AS (CAST (substr (date, 1, 4) AS INTEGER)) STORED,"
  "  start_time TEXT,"
  "  end_time TEXT,"
  "  place TEXT,"
  "  chair_id INTEGER REFERENCES members (id),"
  "  recorder_id INTEGER REFERENCES members (id),"
  "  form TEXT " ENUM_CHECK ("form", "'collective_study','seminar','lecture','research','reading_class','on_site','relay','other'") ","
  "  theme TEXT,"
  "  expanded INTEGER NOT NULL DEFAULT 0,"
  "  plan_item_id INTEGER REFERENCES plan_items (id) ON DELETE SET NULL,"
  "  chair_summary TEXT,"
  "  decisions TEXT,"
  "  note TEXT"
  ");"
  "CREATE INDEX meetings_year ON meetings (year, kind, organization_id);"
  "CREATE INDEX meetings_organization ON meetings (organization_id, year);"
  "CREATE INDEX meetings_plan_item ON meetings (plan_item_id);"
  "CREATE INDEX meetings_chair ON meetings (chair_id);"
  "CREATE INDEX meetings_recorder ON meetings (recorder_id);"
  "CREATE TABLE studies ("
  "  id INTEGER PRIMARY KEY,"
  "  uuid TEXT NOT NULL UNIQUE,"
  "  meeting_id INTEGER NOT NULL REFERENCES meetings (id) ON DELETE CASCADE,"
  "  position INTEGER NOT NULL,"
  "  title TEXT,"
  "  source TEXT,"
  "  published_on TEXT,"
  "  lead_id INTEGER REFERENCES members (id),"
  "  first_topic INTEGER NOT NULL DEFAULT 0,"
  "  summary TEXT"
  ");"
  "CREATE INDEX studies_meeting ON studies (meeting_id, position);"
  "CREATE INDEX studies_lead ON studies (lead_id);"
  "CREATE TABLE attendance ("
  "  meeting_id INTEGER NOT NULL REFERENCES meetings (id) ON DELETE CASCADE,"
  "  member_id INTEGER NOT NULL REFERENCES members (id),"
  "  position INTEGER NOT NULL,"
  "  status TEXT NOT NULL " ENUM_CHECK ("status", "'present','leave','absent'") ","
  "  leave_kind TEXT " ENUM_CHECK ("leave_kind", "'official','sick','personal'") ","
  "  reason TEXT,"
  "  late INTEGER NOT NULL DEFAULT 0,"
  "  left_early INTEGER NOT NULL DEFAULT 0,"
  "  made_up INTEGER NOT NULL DEFAULT 0,"
  "  makeup_on TEXT,"
  "  makeup_method TEXT,"
  "  makeup_evidence TEXT,"
  "  PRIMARY KEY (meeting_id, member_id)"
  ") WITHOUT ROWID;"
  "CREATE INDEX attendance_member ON attendance (member_id, status);"
  "CREATE TABLE guests ("
  "  meeting_id INTEGER NOT NULL REFERENCES meetings (id) ON DELETE CASCADE,"
  "  position INTEGER NOT NULL,"
  "  name TEXT,"
  "  post TEXT,"
  "  PRIMARY KEY (meeting_id, position)"
  ") WITHOUT ROWID;"
  "CREATE TABLE speeches ("
  "  id INTEGER PRIMARY KEY,"
  "  meeting_id INTEGER NOT NULL REFERENCES meetings (id) ON DELETE CASCADE,"
  "  position INTEGER NOT NULL,"
  "  speaker_id INTEGER REFERENCES members (id),"
  "  speaker_name TEXT,"
  "  points TEXT"
  ");"
  "CREATE INDEX speeches_meeting ON speeches (meeting_id, position);"
  "CREATE INDEX speeches_speaker ON speeches (speaker_id);"
  "CREATE TABLE measures ("
  "  id INTEGER PRIMARY KEY,"
  "  uuid TEXT NOT NULL UNIQUE,"
  "  meeting_id INTEGER NOT NULL REFERENCES meetings (id) ON DELETE CASCADE,"
  "  position INTEGER NOT NULL,"
  "  text TEXT,"
  "  owner_id INTEGER REFERENCES members (id),"
  "  department TEXT,"
  "  due_on TEXT,"
  "  status TEXT " ENUM_CHECK ("status", "'open','in_progress','done'") ","
  "  done_on TEXT,"
  "  progress TEXT"
  ");"
  "CREATE INDEX measures_meeting ON measures (meeting_id, position);"
  "CREATE INDEX measures_owner ON measures (owner_id);"
  "CREATE TABLE research_topics ("
  "  id INTEGER PRIMARY KEY,"
  "  uuid TEXT NOT NULL UNIQUE,"
  "  organization_id INTEGER NOT NULL REFERENCES organizations (id),"
  "  year INTEGER NOT NULL,"
  "  lead_id INTEGER REFERENCES members (id),"
  "  title TEXT,"
  "  status TEXT " ENUM_CHECK ("status", "'planned','in_progress','done'") ","
  "  note TEXT"
  ");"
  "CREATE INDEX research_topics_year ON research_topics (year, lead_id);"
  "CREATE INDEX research_topics_lead ON research_topics (lead_id);"
  "CREATE TABLE settings ("
  "  key TEXT PRIMARY KEY,"
  "  value TEXT"
  ") WITHOUT ROWID;",

  /* 2: full-text search. The index's rowid is the source row's key times
   * eight plus a tag: 1 meeting (title, theme), 2 study (title, source,
   * summary), 3 speech (points), 4 measure (text, progress). */
  "CREATE VIRTUAL TABLE search_index USING fts5 (body, tokenize = 'trigram');"
  MEETINGS_SEARCH_INSERT
  "CREATE TRIGGER meetings_search_update AFTER UPDATE OF title, theme ON meetings BEGIN"
  "  DELETE FROM search_index WHERE rowid = old.id * 8 + 1;"
  "  INSERT INTO search_index (rowid, body) VALUES (new.id * 8 + 1,"
  "    coalesce (new.title, '') || char (10) || coalesce (new.theme, ''));"
  "END;"
  "CREATE TRIGGER meetings_search_delete AFTER DELETE ON meetings BEGIN"
  "  DELETE FROM search_index WHERE rowid = old.id * 8 + 1;"
  "END;"
  STUDIES_SEARCH_INSERT
  "CREATE TRIGGER studies_search_update AFTER UPDATE OF title, source, summary ON studies BEGIN"
  "  DELETE FROM search_index WHERE rowid = old.id * 8 + 2;"
  "  INSERT INTO search_index (rowid, body) VALUES (new.id * 8 + 2,"
  "    coalesce (new.title, '') || char (10) || coalesce (new.source, '') || char (10) || coalesce (new.summary, ''));"
  "END;"
  "CREATE TRIGGER studies_search_delete AFTER DELETE ON studies BEGIN"
  "  DELETE FROM search_index WHERE rowid = old.id * 8 + 2;"
  "END;"
  SPEECHES_SEARCH_INSERT
  "CREATE TRIGGER speeches_search_update AFTER UPDATE OF points ON speeches BEGIN"
  "  DELETE FROM search_index WHERE rowid = old.id * 8 + 3;"
  "  INSERT INTO search_index (rowid, body) VALUES (new.id * 8 + 3, coalesce (new.points, ''));"
  "END;"
  "CREATE TRIGGER speeches_search_delete AFTER DELETE ON speeches BEGIN"
  "  DELETE FROM search_index WHERE rowid = old.id * 8 + 3;"
  "END;"
  MEASURES_SEARCH_INSERT
  "CREATE TRIGGER measures_search_update AFTER UPDATE OF text, progress ON measures BEGIN"
  "  DELETE FROM search_index WHERE rowid = old.id * 8 + 4;"
  "  INSERT INTO search_index (rowid, body) VALUES (new.id * 8 + 4,"
  "    coalesce (new.text, '') || char (10) || coalesce (new.progress, ''));"
  "END;"
  "CREATE TRIGGER measures_search_delete AFTER DELETE ON measures BEGIN"
  "  DELETE FROM search_index WHERE rowid = old.id * 8 + 4;"
  "END;"
  /* Records written before the index existed. */
  "INSERT INTO search_index (rowid, body)"
  "  SELECT id * 8 + 1, coalesce (title, '') || char (10) || coalesce (theme, '') FROM meetings;"
  "INSERT INTO search_index (rowid, body)"
  "  SELECT id * 8 + 2, coalesce (title, '') || char (10) || coalesce (source, '') || char (10) || coalesce (summary, '') FROM studies;"
  "INSERT INTO search_index (rowid, body)"
  "  SELECT id * 8 + 3, coalesce (points, '') FROM speeches;"
  "INSERT INTO search_index (rowid, body)"
  "  SELECT id * 8 + 4, coalesce (text, '') || char (10) || coalesce (progress, '') FROM measures;",

  /* 3: search for one- and two-character words, and newest first. The
   * trigram index cannot find them, and scanning four tables for each
   * such query cost 100-250 ms on ten years of records. search_text holds
   * each meeting's searched texts in one row (the fields that search_index
   * covers, each after a line break, so that no word of a query, which
   * holds no white space, can match across two of them); a search scans
   * it newest first, through meetings_recent, and stops at the hits it
   * needs. A new row appends its texts; an edit or delete rebuilds the
   * meeting's row. */
  "CREATE TABLE search_text ("
  "  meeting_id INTEGER PRIMARY KEY,"
  "  body TEXT NOT NULL"
  ");"
  "CREATE INDEX meetings_recent ON meetings (date DESC, title);"
  MEETINGS_TEXT_INSERT
  "CREATE TRIGGER meetings_text_update AFTER UPDATE OF title, theme ON meetings BEGIN"
  "  " REBUILD_TEXT ("new.id")
  "END;"
  "CREATE TRIGGER meetings_text_delete AFTER DELETE ON meetings BEGIN"
  "  DELETE FROM search_text WHERE meeting_id = old.id;"
  "END;"
  STUDIES_TEXT_INSERT
  SPEECHES_TEXT_INSERT
  MEASURES_TEXT_INSERT
  "CREATE TRIGGER studies_text_update AFTER UPDATE OF meeting_id, title, source, summary ON studies BEGIN"
  "  " REBUILD_TEXT ("old.meeting_id") "  " REBUILD_TEXT ("new.meeting_id")
  "END;"
  "CREATE TRIGGER speeches_text_update AFTER UPDATE OF meeting_id, points ON speeches BEGIN"
  "  " REBUILD_TEXT ("old.meeting_id") "  " REBUILD_TEXT ("new.meeting_id")
  "END;"
  "CREATE TRIGGER measures_text_update AFTER UPDATE OF meeting_id, text, progress ON measures BEGIN"
  "  " REBUILD_TEXT ("old.meeting_id") "  " REBUILD_TEXT ("new.meeting_id")
  "END;"
  "CREATE TRIGGER studies_text_delete AFTER DELETE ON studies BEGIN"
  "  " REBUILD_TEXT ("old.meeting_id")
  "END;"
  "CREATE TRIGGER speeches_text_delete AFTER DELETE ON speeches BEGIN"
  "  " REBUILD_TEXT ("old.meeting_id")
  "END;"
  "CREATE TRIGGER measures_text_delete AFTER DELETE ON measures BEGIN"
  "  " REBUILD_TEXT ("old.meeting_id")
  "END;"
  /* Meetings written before. */
  "INSERT INTO search_text (meeting_id, body)"
  "  SELECT id, " MEETING_TEXT ("meetings") " || " CHILDREN_TEXT ("meetings.id") " FROM meetings;",

  /* 4: the same CHECKs on codes, written as comparisons. SQLite builds a
   * temporary b-tree for an IN list of more than two values each time a
   * statement runs, so every row written paid one or two of them: a
   * third of the writing of a ten-year import. SQL cannot change a
   * table's constraints in place; rewrite_in_checks() does (below). */
  "",

  /* 5: change counters. The window saves what it read a while ago; an
   * import on the command line may have changed the row since. Each
   * record the window edits counts its updates, and a save from the
   * window names the count it read (sl-ledger-guard.c): a different one
   * means someone else wrote, and the save is refused instead of undoing
   * their change. A trigger counts, so that every writer (the window,
   * imports, a roster reorder, another build's plain UPDATE) is counted
   * without knowing; it fires only when the statement did not set the
   * count itself, and recursive triggers are off, so it runs once.
   * Ids are put in lower case first (LOWER_UUIDS, above). */
  LOWER_UUIDS ("organizations") LOWER_UUIDS ("members") LOWER_UUIDS ("plans")
  LOWER_UUIDS ("plan_items") LOWER_UUIDS ("meetings") LOWER_UUIDS ("studies")
  LOWER_UUIDS ("measures") LOWER_UUIDS ("research_topics")
  CHANGE_COUNT ("organizations", "OF uuid, name, kind")
  CHANGE_COUNT ("members", "")
  CHANGE_COUNT ("plans", "")
  CHANGE_COUNT ("plan_items", "")
  CHANGE_COUNT ("meetings",
                "OF uuid, organization_id, kind, sequence, title, date, start_time, end_time, "
                "place, chair_id, recorder_id, form, theme, expanded, chair_summary, decisions, note")
  CHANGE_COUNT ("measures", "")
  CHANGE_COUNT ("research_topics", ""),
  /* 6: archive version 2: the topic pool, talks, branch reports and
   * study notes, and the new keys of members, plans, meetings, studies,
   * guests and speeches. A topic's planned meeting is kept as the
   * meeting's id, not a key: the pool is written before the meetings an
   * archive holds, and a deleted meeting simply stops being named (the
   * loader joins it). */
  "ALTER TABLE members ADD COLUMN party_joined_on TEXT;"
  "ALTER TABLE plans ADD COLUMN issuer TEXT;"
  "ALTER TABLE plans ADD COLUMN issued_on TEXT;"
  "ALTER TABLE meetings ADD COLUMN on_ideology INTEGER NOT NULL DEFAULT 0;"
  "ALTER TABLE meetings ADD COLUMN hours REAL;"
  "ALTER TABLE meetings ADD COLUMN batch INTEGER;"
  "CREATE TABLE topics ("
  "  id INTEGER PRIMARY KEY,"
  "  uuid TEXT NOT NULL UNIQUE,"
  "  organization_id INTEGER NOT NULL REFERENCES organizations (id),"
  "  title TEXT,"
  "  source_kind TEXT CHECK (source_kind = 'central_document' OR source_kind = 'speech'"
  "    OR source_kind = 'instruction' OR source_kind = 'news' OR source_kind = 'other'),"
  "  source TEXT,"
  "  published_on TEXT,"
  "  received_on TEXT,"
  "  planned_meeting TEXT,"
  "  note TEXT"
  ");"
  "CREATE INDEX topics_organization ON topics (organization_id, received_on);"
  "CREATE INDEX topics_received ON topics (received_on);"
  "ALTER TABLE studies ADD COLUMN topic_id INTEGER REFERENCES topics (id) ON DELETE SET NULL;"
  "CREATE INDEX studies_topic ON studies (topic_id);"
  "ALTER TABLE guests ADD COLUMN unit TEXT;"
  "ALTER TABLE guests ADD COLUMN superior INTEGER NOT NULL DEFAULT 0;"
  "ALTER TABLE guests ADD COLUMN remarks TEXT;"
  "ALTER TABLE speeches ADD COLUMN uuid TEXT;"
  "ALTER TABLE speeches ADD COLUMN kind TEXT CHECK (kind = 'key' OR kind = 'supplementary'"
  "  OR kind = 'written');"
  "ALTER TABLE speeches ADD COLUMN title TEXT;"
  "CREATE TABLE talks ("
  "  id INTEGER PRIMARY KEY,"
  "  uuid TEXT NOT NULL UNIQUE,"
  "  organization_id INTEGER NOT NULL REFERENCES organizations (id),"
  "  date TEXT,"
  "  place TEXT,"
  "  initiator_id INTEGER REFERENCES members (id),"
  "  counterpart_id INTEGER REFERENCES members (id),"
  "  counterpart_name TEXT,"
  "  form TEXT CHECK (form = 'in_person' OR form = 'phone' OR form = 'other'),"
  "  kind TEXT CHECK (kind = 'routine' OR kind = 'on_appointment' OR kind = 'on_warning'"
  "    OR kind = 'on_difficulty' OR kind = 'other'),"
  "  topic TEXT,"
  "  points TEXT,"
  "  follow_up TEXT"
  ");"
  "CREATE INDEX talks_date ON talks (date);"
  "CREATE INDEX talks_initiator ON talks (initiator_id);"
  "CREATE INDEX talks_counterpart ON talks (counterpart_id);"
  "CREATE TABLE branch_reports ("
  "  id INTEGER PRIMARY KEY,"
  "  uuid TEXT NOT NULL UNIQUE,"
  "  organization_id INTEGER NOT NULL REFERENCES organizations (id),"
  "  period TEXT NOT NULL,"
  "  received_on TEXT,"
  "  title TEXT,"
  "  note TEXT"
  ");"
  "CREATE INDEX branch_reports_period ON branch_reports (period, organization_id);"
  "CREATE TABLE study_notes ("
  "  id INTEGER PRIMARY KEY,"
  "  uuid TEXT NOT NULL UNIQUE,"
  "  member_id INTEGER NOT NULL REFERENCES members (id),"
  "  date TEXT,"
  "  kind TEXT CHECK (kind = 'notes' OR kind = 'reflection' OR kind = 'report' OR kind = 'other'),"
  "  title TEXT,"
  "  size TEXT,"
  "  checked_by TEXT,"
  "  checked_on TEXT"
  ");"
  "CREATE INDEX study_notes_member ON study_notes (member_id, date);"
  /* A central-group session's plan (学习方案): has_session_plan tells an
   * empty plan from none; topics are a JSON array of text. */
  "ALTER TABLE meetings ADD COLUMN has_session_plan INTEGER NOT NULL DEFAULT 0;"
  "ALTER TABLE meetings ADD COLUMN session_topics TEXT;"
  "ALTER TABLE meetings ADD COLUMN session_approved_by TEXT;"
  "ALTER TABLE meetings ADD COLUMN session_approved_on TEXT;"
  "CREATE TABLE session_plan_speeches ("
  "  meeting_id INTEGER NOT NULL REFERENCES meetings (id) ON DELETE CASCADE,"
  "  position INTEGER NOT NULL,"
  "  member_id INTEGER REFERENCES members (id),"
  "  title TEXT,"
  "  PRIMARY KEY (meeting_id, position)"
  ") WITHOUT ROWID;"
  "CREATE INDEX session_plan_speeches_member ON session_plan_speeches (member_id);",
  /* 7: evidence (docs/archive.md, version 2). A meeting is final when it
   * has a row in meeting_finals, which holds the SHA-256 of its hash
   * form. Each change to a final meeting appends a revision: the old
   * hash form, its hash and a chain over all revisions before it; the
   * triggers keep revisions append-only, and `check` finds rows edited
   * with the triggers dropped by the chain. Attachments keep their bytes
   * here, one BLOB each, so that one file, backups and the archive hold
   * them. A year lock is a row without unlocked_at; rows are kept as
   * history. (Self-contained: renumber freely when merging.) */
  "CREATE TABLE meeting_finals ("
  "  meeting_id INTEGER PRIMARY KEY REFERENCES meetings (id) ON DELETE CASCADE,"
  "  finalized_at TEXT NOT NULL,"
  "  finalized_by TEXT,"
  "  hash TEXT NOT NULL"
  ");"
  "CREATE TABLE revisions ("
  "  id INTEGER PRIMARY KEY,"
  "  meeting_id INTEGER NOT NULL REFERENCES meetings (id),"
  "  revision INTEGER NOT NULL,"
  "  made_at TEXT NOT NULL,"
  "  made_by TEXT,"
  "  reason TEXT NOT NULL,"
  "  hash TEXT NOT NULL,"
  "  chain TEXT NOT NULL,"
  "  snapshot TEXT NOT NULL,"
  "  UNIQUE (meeting_id, revision)"
  ");"
  "CREATE TRIGGER revisions_no_update BEFORE UPDATE ON revisions BEGIN"
  "  SELECT RAISE (ABORT, 'revisions are append-only: a revision cannot be changed');"
  "END;"
  "CREATE TRIGGER revisions_no_delete BEFORE DELETE ON revisions BEGIN"
  "  SELECT RAISE (ABORT, 'revisions are append-only: a revision cannot be deleted');"
  "END;"
  "CREATE TABLE attachments ("
  "  id INTEGER PRIMARY KEY,"
  "  uuid TEXT NOT NULL UNIQUE,"
  "  meeting_id INTEGER NOT NULL REFERENCES meetings (id) ON DELETE CASCADE,"
  "  kind TEXT NOT NULL CHECK (kind = 'signed_sheet' OR kind = 'photo' OR kind = 'material'"
  "    OR kind = 'speech' OR kind = 'minutes' OR kind = 'other'),"
  "  name TEXT NOT NULL,"
  "  media_type TEXT,"
  "  size INTEGER NOT NULL,"
  "  sha256 TEXT NOT NULL,"
  "  added_at TEXT NOT NULL,"
  "  speech TEXT,"
  "  measure TEXT,"
  "  data BLOB NOT NULL"
  ");"
  "CREATE INDEX attachments_meeting ON attachments (meeting_id);"
  "CREATE TABLE year_locks ("
  "  id INTEGER PRIMARY KEY,"
  "  organization_id INTEGER NOT NULL REFERENCES organizations (id),"
  "  year INTEGER NOT NULL,"
  "  locked_at TEXT NOT NULL,"
  "  locked_by TEXT,"
  "  unlocked_at TEXT,"
  "  unlock_reason TEXT"
  ");"
  "CREATE INDEX year_locks_year ON year_locks (year, organization_id);",

  /* 8: search_index cut by our own tokenizer (sl-cjk-tokenizer.c)
   * instead of trigrams, so that one- and two-character words, the most
   * common searches, are answered from the index instead of a scan of
   * every meeting's text. One document per meeting: its row of
   * search_text, which the index reads instead of keeping a copy
   * (external content), so that a query's words may be in different
   * texts of the meeting and bm25 ranks meetings. No trigger writes to
   * the index, which needs the tokenizer: triggers queue the changed
   * meetings in search_pending, and the program indexes them
   * (sl-search-index.c). */
  "DROP TRIGGER meetings_search_insert;"
  "DROP TRIGGER meetings_search_update;"
  "DROP TRIGGER meetings_search_delete;"
  "DROP TRIGGER studies_search_insert;"
  "DROP TRIGGER studies_search_update;"
  "DROP TRIGGER studies_search_delete;"
  "DROP TRIGGER speeches_search_insert;"
  "DROP TRIGGER speeches_search_update;"
  "DROP TRIGGER speeches_search_delete;"
  "DROP TRIGGER measures_search_insert;"
  "DROP TRIGGER measures_search_update;"
  "DROP TRIGGER measures_search_delete;"
  "DROP TABLE search_index;"
  SL_SEARCH_INDEX_SCHEMA_SQL,

  /* 9: search finds what a secretary typed beyond the texts of schema 3
   * (MEETING_TEXT_9 and the rest, above): a speech's title, a guest's
   * 点评意见, the place, the decisions... The triggers that keep
   * search_text are made anew, every meeting's text is written again,
   * and the index is rebuilt from it: the queue is left empty. */
  "DROP TRIGGER meetings_text_insert;"
  "DROP TRIGGER meetings_text_update;"
  "DROP TRIGGER speeches_text_insert;"
  "DROP TRIGGER studies_text_update;"
  "DROP TRIGGER speeches_text_update;"
  "DROP TRIGGER measures_text_insert;"
  "DROP TRIGGER measures_text_update;"
  "DROP TRIGGER studies_text_delete;"
  "DROP TRIGGER speeches_text_delete;"
  "DROP TRIGGER measures_text_delete;"
  MEETINGS_TEXT_INSERT_9
  MEETINGS_TEXT_UPDATE_9
  SPEECHES_TEXT_INSERT_9
  GUESTS_TEXT_INSERT_9
  MEASURES_TEXT_INSERT_9
  STUDIES_TEXT_UPDATE_9
  SPEECHES_TEXT_UPDATE_9
  GUESTS_TEXT_UPDATE_9
  MEASURES_TEXT_UPDATE_9
  CHILD_TEXT_DELETE_9 ("studies")
  CHILD_TEXT_DELETE_9 ("speeches")
  CHILD_TEXT_DELETE_9 ("guests")
  CHILD_TEXT_DELETE_9 ("measures")
  "DELETE FROM search_text;"
  "INSERT INTO search_text (meeting_id, body)"
  "  SELECT id, " MEETING_TEXT_9 ("meetings") " || " CHILDREN_TEXT_9 ("meetings.id") " FROM meetings;"
  "DELETE FROM search_pending;"
  "INSERT INTO search_index (search_index) VALUES ('rebuild');",
};


/* The first column of @sql's first row, as an integer. */
static int
query_int (sqlite3    *db,
           const char *sql,
           int        *value)
{
  sqlite3_stmt *stmt;
  int rc;

  rc = sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL);
  if (rc == SQLITE_OK)
    {
      rc = sqlite3_step (stmt);
      if (rc == SQLITE_ROW)
        {
          *value = sqlite3_column_int (stmt, 0);
          rc = SQLITE_OK;
        }
      sqlite3_finalize (stmt);
    }

  return rc;
}

/* Schema 4 --------------------------------------------------------------- */

/* "CHECK (kind IN ('a','b','c'))" → "CHECK (kind = 'a' OR kind = 'b' OR
 * kind = 'c')": the same constraint (NULL passes both), without the
 * temporary b-tree that SQLite builds for an IN list of more than two
 * values each time a statement runs. Returns NULL when @sql holds none. */
static char *
rewrite_in_lists (const char *sql)
{
  g_autoptr(GString) out = g_string_new (NULL);
  const char *p = sql;
  gboolean changed = FALSE;

  for (;;)
    {
      const char *check = strstr (p, "CHECK (");
      const char *column, *in, *list, *end;

      if (check == NULL)
        break;

      column = check + strlen ("CHECK (");
      in = column;
      while (g_ascii_isalnum (*in) || *in == '_')
        in++;
      if (in == column || !g_str_has_prefix (in, " IN (") ||
          (end = strstr (in, "))")) == NULL)
        {
          g_string_append_len (out, p, column - p);
          p = column;
          continue;
        }

      g_string_append_len (out, p, column - p);
      list = in + strlen (" IN (");
      for (const char *value = list; value < end;)
        {
          const char *comma = memchr (value, ',', end - value);
          const char *value_end = comma != NULL ? comma : end;

          if (value != list)
            g_string_append (out, " OR ");
          g_string_append_len (out, column, in - column);
          g_string_append (out, " = ");
          g_string_append_len (out, value, value_end - value);
          value = value_end + (comma != NULL);
        }
      g_string_append_c (out, ')');
      p = end + strlen ("))");
      changed = TRUE;
    }

  if (!changed)
    return NULL;

  g_string_append (out, p);
  return g_string_free (g_steal_pointer (&out), FALSE);
}

/* The procedure that SQLite documents for changing a table's CHECK
 * constraints without rebuilding it ("Making Other Kinds Of Table Schema
 * Changes"): the stored rows all satisfy the new text, which says the
 * same. Runs inside the migration's transaction. */
static int
rewrite_in_checks (sqlite3 *db)
{
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) texts = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *bump = NULL;
  sqlite3_stmt *stmt = NULL;
  int schema_version = 0;
  int rc, reset;

  rc = sqlite3_prepare_v2 (db,
                           "SELECT name, sql FROM sqlite_schema "
                           "WHERE type = 'table' AND sql LIKE '%CHECK (% IN (%'",
                           -1, &stmt, NULL);
  while (rc == SQLITE_OK || rc == SQLITE_ROW)
    {
      char *text;

      if ((rc = sqlite3_step (stmt)) != SQLITE_ROW)
        break;

      text = rewrite_in_lists ((const char *) sqlite3_column_text (stmt, 1));
      if (text != NULL)
        {
          g_ptr_array_add (names, g_strdup ((const char *) sqlite3_column_text (stmt, 0)));
          g_ptr_array_add (texts, text);
        }
    }
  sqlite3_finalize (stmt);
  if (rc != SQLITE_DONE)
    return rc;

  if (names->len == 0)
    return SQLITE_OK;

  if ((rc = query_int (db, "PRAGMA schema_version", &schema_version)) != SQLITE_OK ||
      (rc = sqlite3_exec (db, "PRAGMA writable_schema = ON", NULL, NULL, NULL)) != SQLITE_OK)
    return rc;

  for (guint i = 0; rc == SQLITE_OK && i < names->len; i++)
    {
      rc = sqlite3_prepare_v2 (db,
                               "UPDATE sqlite_schema SET sql = ?1 WHERE type = 'table' AND name = ?2",
                               -1, &stmt, NULL);
      if (rc == SQLITE_OK)
        {
          sqlite3_bind_text (stmt, 1, g_ptr_array_index (texts, i), -1, SQLITE_STATIC);
          sqlite3_bind_text (stmt, 2, g_ptr_array_index (names, i), -1, SQLITE_STATIC);
          rc = sqlite3_step (stmt);
          if (rc == SQLITE_DONE)
            rc = SQLITE_OK;
        }
      sqlite3_finalize (stmt);
    }

  /* A new schema cookie makes SQLite read the rewritten text. */
  bump = g_strdup_printf ("PRAGMA schema_version = %d", schema_version + 1);
  if (rc == SQLITE_OK)
    rc = sqlite3_exec (db, bump, NULL, NULL, NULL);
  reset = sqlite3_exec (db, "PRAGMA writable_schema = RESET", NULL, NULL, NULL);

  return rc != SQLITE_OK ? rc : reset;
}

/* What SQL alone cannot do, run after a version's SQL. */
static int (*const migration_code[]) (sqlite3 *) = {
  [3] = rewrite_in_checks,
};

G_STATIC_ASSERT (G_N_ELEMENTS (migrations) == SL_SCHEMA_VERSION);
G_STATIC_ASSERT (G_N_ELEMENTS (migration_code) <= SL_SCHEMA_VERSION);

/* Runs the steps to @version (from the one before) on @db, inside the
 * caller's transaction; returns an SQLite result code. */
int
sl_migrations_apply (sqlite3 *db,
                     int      version)
{
  int rc;

  g_return_val_if_fail (version >= 1 && version <= SL_SCHEMA_VERSION, SQLITE_MISUSE);

  rc = sqlite3_exec (db, migrations[version - 1], NULL, NULL, NULL);
  if (rc == SQLITE_OK && version <= (int) G_N_ELEMENTS (migration_code) &&
      migration_code[version - 1] != NULL)
    rc = migration_code[version - 1] (db);
  return rc;
}

/* Bulk writes ------------------------------------------------------------ */

/* Each meeting with a new row gets its search_text rebuilt once, which
 * queues it for search_index (sl-search-index.c): the commit indexes them
 * all in one statement. The trigger that queues a new text stands aside
 * while the texts are written, and the meetings are queued as it would
 * have (only those not queued yet, with no old text): with a row trigger
 * on search_text, SQLite first copies every row of INSERT ... SELECT into
 * a table in memory, 15 MB for a batch of 5,000 meetings and most of the
 * import's peak (docs/performance.md). */
static const char index_deferred_sql[] =
  "DELETE FROM search_text WHERE meeting_id IN (SELECT meeting_id FROM temp.sl_unindexed);"
  "DROP TRIGGER main.search_text_pending_insert;"
  "INSERT OR IGNORE INTO search_pending (meeting_id, old_body)"
  "  SELECT m.id, NULL FROM meetings m WHERE m.id IN (SELECT meeting_id FROM temp.sl_unindexed);"
  "INSERT INTO search_text (meeting_id, body)"
  "  SELECT m.id, " MEETING_TEXT_9 ("m") " || " CHILDREN_TEXT_9 ("m.id")
  "  FROM meetings m WHERE m.id IN (SELECT meeting_id FROM temp.sl_unindexed);"
  SL_SEARCH_TEXT_PENDING_INSERT_SQL
  "DROP TRIGGER temp.sl_unindexed_meetings;"
  "DROP TRIGGER temp.sl_unindexed_studies;"
  "DROP TRIGGER temp.sl_unindexed_speeches;"
  "DROP TRIGGER temp.sl_unindexed_guests;"
  "DROP TRIGGER temp.sl_unindexed_measures;"
  "DROP TRIGGER temp.sl_changed_meetings;"
  "DROP TRIGGER temp.sl_changed_speeches;"
  "DROP TRIGGER temp.sl_changed_guests;"
  "DROP TABLE temp.sl_unindexed;";

/* The search texts of the meetings written so far, in the middle of a
 * bulk write, with the triggers still aside: no change to the schema,
 * which would make every prepared statement of the connection be
 * prepared again. The queue's triggers stay and note each meeting. */
static const char index_batch_sql[] =
  "DELETE FROM search_text WHERE meeting_id IN (SELECT meeting_id FROM temp.sl_unindexed);"
  "INSERT INTO search_text (meeting_id, body)"
  "  SELECT m.id, " MEETING_TEXT_9 ("m") " || " CHILDREN_TEXT_9 ("m.id")
  "  FROM meetings m WHERE m.id IN (SELECT meeting_id FROM temp.sl_unindexed);"
  "DELETE FROM temp.sl_unindexed;";

/* For a bulk write (sl_database_defer_search_index()): temporary
 * triggers note the new rows, and the triggers that index each one stand
 * aside. */
static const char defer_index_sql[] =
  "CREATE TEMP TABLE sl_unindexed ("
  "  key INTEGER PRIMARY KEY,"  /* search_index's rowid */
  "  meeting_id INTEGER NOT NULL"
  ");"
  "CREATE TEMP TRIGGER sl_unindexed_meetings AFTER INSERT ON main.meetings BEGIN"
  "  INSERT OR REPLACE INTO sl_unindexed VALUES (new.id * 8 + 1, new.id);"
  "END;"
  "CREATE TEMP TRIGGER sl_unindexed_studies AFTER INSERT ON main.studies BEGIN"
  "  INSERT OR REPLACE INTO sl_unindexed VALUES (new.id * 8 + 2, new.meeting_id);"
  "END;"
  "CREATE TEMP TRIGGER sl_unindexed_speeches AFTER INSERT ON main.speeches BEGIN"
  "  INSERT OR REPLACE INTO sl_unindexed VALUES (new.id * 8 + 3, new.meeting_id);"
  "END;"
  "CREATE TEMP TRIGGER sl_unindexed_measures AFTER INSERT ON main.measures BEGIN"
  "  INSERT OR REPLACE INTO sl_unindexed VALUES (new.id * 8 + 4, new.meeting_id);"
  "END;"
  /* Guests have no key of their own; a meeting's guests are one entry. */
  "CREATE TEMP TRIGGER sl_unindexed_guests AFTER INSERT ON main.guests BEGIN"
  "  INSERT OR REPLACE INTO sl_unindexed VALUES (-(new.meeting_id * 8 + 5), new.meeting_id);"
  "END;"
  /* The updates whose triggers stand aside (index_triggers): the meetings
   * they touch, before and after, are written again at the end. */
  "CREATE TEMP TRIGGER sl_changed_meetings AFTER UPDATE OF title, theme, place, chair_summary,"
  "  decisions, note, session_topics ON main.meetings BEGIN"
  "  INSERT OR REPLACE INTO sl_unindexed VALUES (new.id * 8 + 1, new.id);"
  "END;"
  "CREATE TEMP TRIGGER sl_changed_speeches AFTER UPDATE OF meeting_id, title, points, speaker_name"
  "  ON main.speeches BEGIN"
  "  INSERT OR REPLACE INTO sl_unindexed VALUES (-(old.meeting_id * 8 + 6), old.meeting_id);"
  "  INSERT OR REPLACE INTO sl_unindexed VALUES (-(new.meeting_id * 8 + 6), new.meeting_id);"
  "END;"
  "CREATE TEMP TRIGGER sl_changed_guests AFTER UPDATE OF meeting_id, name, unit, post, remarks"
  "  ON main.guests BEGIN"
  "  INSERT OR REPLACE INTO sl_unindexed VALUES (-(old.meeting_id * 8 + 5), old.meeting_id);"
  "  INSERT OR REPLACE INTO sl_unindexed VALUES (-(new.meeting_id * 8 + 5), new.meeting_id);"
  "END;";

/* Sets the triggers that index a new row aside, inside the caller's
 * transaction; returns an SQLite result code. */
int
sl_migrations_defer_index (sqlite3 *db)
{
  int rc = sqlite3_exec (db, defer_index_sql, NULL, NULL, NULL);

  for (guint i = 0; rc == SQLITE_OK && i < G_N_ELEMENTS (index_triggers); i++)
    {
      const char *drop = index_triggers[i].drop;

      rc = sqlite3_exec (db, drop, NULL, NULL, NULL);
    }
  return rc;
}

/* Writes the search texts of the rows written since
 * sl_migrations_defer_index() or the last batch, and queues their
 * meetings for the index, the triggers still aside; returns an SQLite
 * result code. */
int
sl_migrations_index_batch (sqlite3 *db)
{
  return sqlite3_exec (db, index_batch_sql, NULL, NULL, NULL);
}

/* Indexes the rows written since sl_migrations_defer_index() and puts
 * the triggers back; returns an SQLite result code. */
int
sl_migrations_index_deferred (sqlite3 *db)
{
  int rc = sqlite3_exec (db, index_deferred_sql, NULL, NULL, NULL);

  for (guint i = 0; rc == SQLITE_OK && i < G_N_ELEMENTS (index_triggers); i++)
    {
      const char *create = index_triggers[i].create;

      rc = sqlite3_exec (db, create, NULL, NULL, NULL);
    }
  return rc;
}
