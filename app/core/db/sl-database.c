/* sl-database.c — the ledger's SQLite file: opening, migrations, statements
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * One file holds a whole ledger. It is marked as ours by PRAGMA
 * application_id and versioned by PRAGMA user_version; migrations only go
 * forward, each in the same transaction as the version bump, and a file
 * from a newer build is refused before anything is written to it (even
 * switching to WAL writes the header, so the checks come first).
 *
 * Schema history
 *   1  records: organizations, members, plans and their items (with the
 *      leads and speakers of each item), meetings with studies, attendance,
 *      guests, speeches and measures, research topics, settings.
 *   2  full-text search: an FTS5 trigram index over meeting titles and
 *      themes, studies, speeches and measures, kept by triggers.
 *   3  search for words shorter than a trigram: search_text, each
 *      meeting's searched texts in one row, kept by triggers, and
 *      meetings_recent, the meetings newest first.
 *   4  the CHECKs on enumeration codes written as comparisons instead of
 *      IN lists, which cost a temporary b-tree for every row written.
 *   5  change_count on the records the window edits (organizations,
 *      members, plans, plan_items, meetings, measures, research_topics),
 *      raised by a trigger at every UPDATE, so that a save can tell that
 *      another program changed the row since it was read; ids in lower
 *      case.
 *   6  archive version 2's records: the topic pool, talks, branch
 *      reports, study notes, a session's plan, and the new keys of
 *      members, plans, meetings, studies, guests and speeches.
 *   7  evidence: a meeting's finalisation and hash, its append-only
 *      revisions (triggers refuse UPDATE and DELETE), attachments as
 *      blobs, and locked years with their history.
 *
 * Every table has an integer key (id) for joins, and records that the
 * archive names carry their UUID in uuid. References are integer keys;
 * rows that only exist inside a meeting (attendance, guests, speeches)
 * are ordered by position. Enumerations are stored as the archive's codes,
 * so that the file reads well in any SQLite browser.
 */

#define G_LOG_DOMAIN "sl-database"

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "sl-database.h"
#include "sl-integrity.h"
#include "sl-ledger-paths.h"
#include "sl-util.h"

/* 'SLDG' */
#define SL_APPLICATION_ID 0x534C4447

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

static const struct
{
  const char *drop;
  const char *create;
} index_triggers[] = {
  { "DROP TRIGGER main.meetings_search_insert", MEETINGS_SEARCH_INSERT },
  { "DROP TRIGGER main.studies_search_insert", STUDIES_SEARCH_INSERT },
  { "DROP TRIGGER main.speeches_search_insert", SPEECHES_SEARCH_INSERT },
  { "DROP TRIGGER main.measures_search_insert", MEASURES_SEARCH_INSERT },
  { "DROP TRIGGER main.meetings_text_insert", MEETINGS_TEXT_INSERT },
  { "DROP TRIGGER main.studies_text_insert", STUDIES_TEXT_INSERT },
  { "DROP TRIGGER main.speeches_text_insert", SPEECHES_TEXT_INSERT },
  { "DROP TRIGGER main.measures_text_insert", MEASURES_TEXT_INSERT },
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
};

static gboolean rewrite_in_checks (SlDatabase  *self,
                                   GError     **error);

/* What SQL alone cannot do, run after a version's SQL. */
static gboolean (*const migration_code[]) (SlDatabase *, GError **) = {
  [3] = rewrite_in_checks,
};

G_STATIC_ASSERT (G_N_ELEMENTS (migrations) == SL_SCHEMA_VERSION);
G_STATIC_ASSERT (G_N_ELEMENTS (migration_code) <= SL_SCHEMA_VERSION);

struct _SlDatabase
{
  GObject     parent_instance;

  /* owned */
  char       *path;
  sqlite3    *db;
  GHashTable *statements;  /* SQL text → sqlite3_stmt */
  GHashTable *settings;    /* key → value, read through */

  gboolean    read_only;   /* opened with SQLITE_OPEN_READONLY */
  guint       depth;       /* transaction nesting */
  guint       generation;  /* changed when what was read may no longer hold */
};

G_DEFINE_FINAL_TYPE (SlDatabase, sl_database, G_TYPE_OBJECT)

G_DEFINE_QUARK (sl-database-error-quark, sl_database_error)

static void
finalize_statement (gpointer stmt)
{
  sqlite3_finalize (stmt);
}

static void
sl_database_finalize (GObject *object)
{
  SlDatabase *self = SL_DATABASE (object);

  g_clear_pointer (&self->statements, g_hash_table_unref);
  g_clear_pointer (&self->settings, g_hash_table_unref);
  if (self->db != NULL)
    {
      sqlite3_close_v2 (self->db);
      self->db = NULL;
    }
  g_clear_pointer (&self->path, g_free);

  G_OBJECT_CLASS (sl_database_parent_class)->finalize (object);
}

static void
sl_database_class_init (SlDatabaseClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = sl_database_finalize;
}

static void
sl_database_init (SlDatabase *self)
{
  self->statements = g_hash_table_new_full (g_direct_hash, g_direct_equal, NULL,
                                            finalize_statement);
  self->settings = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
}

char *
sl_database_default_path (void)
{
  return g_build_filename (g_get_user_data_dir (), "study-ledger", "ledger.db", NULL);
}

gboolean
sl_database_set_error (SlDatabase  *self,
                       int          rc,
                       GError     **error)
{
  const char *detail = self->db ? sqlite3_errmsg (self->db) : sqlite3_errstr (rc);
  int code;

  switch (rc & 0xff)
    {
    case SQLITE_BUSY:
    case SQLITE_LOCKED:
      g_set_error (error, SL_DATABASE_ERROR, SL_DATABASE_ERROR_BUSY,
                   _("%s: the ledger is in use by another program and stayed locked; "
                     "close the other copy of Study Ledger and try again"),
                   self->path);
      return FALSE;

    case SQLITE_NOTADB:
      code = SL_DATABASE_ERROR_NOT_A_LEDGER;
      break;

    case SQLITE_CONSTRAINT:
      code = SL_DATABASE_ERROR_CONSTRAINT;
      break;

    case SQLITE_CANTOPEN:
    case SQLITE_READONLY:
    case SQLITE_PERM:
    case SQLITE_FULL:
    case SQLITE_IOERR:
      code = SL_DATABASE_ERROR_OPEN;
      break;

    default:
      code = SL_DATABASE_ERROR_FAILED;
    }

  g_set_error (error, SL_DATABASE_ERROR, code, "%s: %s", self->path, detail);
  return FALSE;
}

gboolean
sl_database_exec (SlDatabase  *self,
                  const char  *sql,
                  GError     **error)
{
  int rc;

  g_return_val_if_fail (SL_IS_DATABASE (self), FALSE);

  rc = sqlite3_exec (self->db, sql, NULL, NULL, NULL);
  if (rc != SQLITE_OK)
    return sl_database_set_error (self, rc, error);

  return TRUE;
}

sqlite3_stmt *
sl_database_prepare (SlDatabase  *self,
                     const char  *sql,
                     GError     **error)
{
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (SL_IS_DATABASE (self), NULL);
  g_return_val_if_fail (sql != NULL, NULL);

  /* Statements are keyed by the address of their text, which callers
   * pass as literals: hashing the text (hundreds of bytes for an upsert)
   * cost more than the lookup, thousands of times per import. The text
   * is still compared, so that a string at an address used before for
   * another statement cannot be given the wrong one. */
  stmt = g_hash_table_lookup (self->statements, sql);
  if (stmt != NULL && strcmp (sqlite3_sql (stmt), sql) == 0)
    {
      sqlite3_reset (stmt);
      sqlite3_clear_bindings (stmt);
      return stmt;
    }

  rc = sqlite3_prepare_v3 (self->db, sql, -1, SQLITE_PREPARE_PERSISTENT, &stmt, NULL);
  if (rc != SQLITE_OK)
    {
      sl_database_set_error (self, rc, error);
      return NULL;
    }

  g_hash_table_insert (self->statements, (gpointer) sql, stmt);
  return stmt;
}

gboolean
sl_database_step_done (SlDatabase    *self,
                       sqlite3_stmt  *stmt,
                       GError       **error)
{
  int rc = sqlite3_step (stmt);

  if (rc == SQLITE_DONE || rc == SQLITE_ROW)
    {
      sqlite3_reset (stmt);
      return TRUE;
    }

  sl_database_set_error (self, rc, error);
  sqlite3_reset (stmt);
  return FALSE;
}

gboolean
sl_database_begin (SlDatabase  *self,
                   GError     **error)
{
  g_autofree char *sql = NULL;

  g_return_val_if_fail (SL_IS_DATABASE (self), FALSE);

  /* Not into a file this process found damaged (sl-integrity.c). */
  if (self->depth == 0 && !sl_integrity_allow_write (self, error))
    return FALSE;

  /* IMMEDIATE takes the write lock now, so a busy database is reported
   * before any work is done rather than at commit. */
  if (self->depth == 0)
    {
      /* A reader has no write lock to take: a deferred transaction is
       * its snapshot. */
      sql = g_strdup (self->read_only ? "BEGIN" : "BEGIN IMMEDIATE");
      self->generation++;   /* another program may have written since */
    }
  else
    sql = g_strdup_printf ("SAVEPOINT sl_%u", self->depth);

  if (!sl_database_exec (self, sql, error))
    return FALSE;

  self->depth++;
  return TRUE;
}

gboolean
sl_database_commit (SlDatabase  *self,
                    GError     **error)
{
  g_autofree char *sql = NULL;

  g_return_val_if_fail (SL_IS_DATABASE (self), FALSE);
  g_return_val_if_fail (self->depth > 0, FALSE);

  if (self->depth == 1)
    sql = g_strdup ("COMMIT");
  else
    sql = g_strdup_printf ("RELEASE sl_%u", self->depth - 1);

  if (!sl_database_exec (self, sql, error))
    {
      sl_database_rollback (self);
      return FALSE;
    }

  self->depth--;
  return TRUE;
}

void
sl_database_rollback (SlDatabase *self)
{
  g_autofree char *sql = NULL;

  g_return_if_fail (SL_IS_DATABASE (self));
  g_return_if_fail (self->depth > 0);

  self->depth--;
  self->generation++;

  /* A failed COMMIT has already ended the transaction. */
  if (sqlite3_get_autocommit (self->db))
    {
      self->depth = 0;
      g_hash_table_remove_all (self->settings);
      return;
    }

  if (self->depth == 0)
    sql = g_strdup ("ROLLBACK");
  else
    sql = g_strdup_printf ("ROLLBACK TO sl_%u; RELEASE sl_%u", self->depth, self->depth);

  if (sqlite3_exec (self->db, sql, NULL, NULL, NULL) != SQLITE_OK)
    g_warning ("Rollback failed: %s", sqlite3_errmsg (self->db));

  /* Cached settings may hold values of the undone transaction. */
  g_hash_table_remove_all (self->settings);
}

static gboolean
query_int (SlDatabase  *self,
           const char  *sql,
           int         *value,
           GError     **error)
{
  sqlite3_stmt *stmt;
  int rc;

  rc = sqlite3_prepare_v2 (self->db, sql, -1, &stmt, NULL);
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

  if (rc != SQLITE_OK)
    return sl_database_set_error (self, rc, error);

  return TRUE;
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
static gboolean
rewrite_in_checks (SlDatabase  *self,
                   GError     **error)
{
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) texts = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *bump = NULL;
  sqlite3_stmt *stmt = NULL;
  int schema_version = 0;
  gboolean ok = TRUE;
  int rc;

  rc = sqlite3_prepare_v2 (self->db,
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
    return sl_database_set_error (self, rc, error);

  if (names->len == 0)
    return TRUE;

  if (!query_int (self, "PRAGMA schema_version", &schema_version, error) ||
      !sl_database_exec (self, "PRAGMA writable_schema = ON", error))
    return FALSE;

  for (guint i = 0; ok && i < names->len; i++)
    {
      rc = sqlite3_prepare_v2 (self->db,
                               "UPDATE sqlite_schema SET sql = ?1 WHERE type = 'table' AND name = ?2",
                               -1, &stmt, NULL);
      if (rc == SQLITE_OK)
        {
          sqlite3_bind_text (stmt, 1, g_ptr_array_index (texts, i), -1, SQLITE_STATIC);
          sqlite3_bind_text (stmt, 2, g_ptr_array_index (names, i), -1, SQLITE_STATIC);
          rc = sqlite3_step (stmt);
        }
      sqlite3_finalize (stmt);
      if (rc != SQLITE_DONE)
        ok = sl_database_set_error (self, rc, error);
    }

  /* A new schema cookie makes SQLite read the rewritten text. */
  bump = g_strdup_printf ("PRAGMA schema_version = %d", schema_version + 1);
  if (ok)
    ok = sl_database_exec (self, bump, error);
  if (!sl_database_exec (self, "PRAGMA writable_schema = RESET", ok ? error : NULL))
    ok = FALSE;

  return ok;
}

static gboolean
migrate (SlDatabase  *self,
         int          from,
         int          to,
         GError     **error)
{
  for (int version = from + 1; version <= to; version++)
    {
      g_autofree char *bump = g_strdup_printf ("PRAGMA user_version = %d", version);

      int current = 0;

      if (!sl_database_begin (self, error))
        return FALSE;

      /* Another process may have done this step between our first read
       * and our write lock (two commands making the same ledger). */
      if (!query_int (self, "PRAGMA user_version", &current, error))
        {
          sl_database_rollback (self);
          return FALSE;
        }
      if (current >= version)
        {
          sl_database_rollback (self);
          continue;
        }

      if (!sl_database_exec (self, migrations[version - 1], error) ||
          (version <= (int) G_N_ELEMENTS (migration_code) && migration_code[version - 1] != NULL &&
           !migration_code[version - 1] (self, error)) ||
          !sl_database_exec (self, bump, error))
        {
          sl_database_rollback (self);
          g_prefix_error (error, _("Upgrading the ledger to version %d failed: "), version);
          return FALSE;
        }

      if (!sl_database_commit (self, error))
        return FALSE;

      g_debug ("Migrated %s to schema version %d", self->path, version);
    }

  return TRUE;
}

/* The three things read before anything is written: whose file this is,
 * its schema version, and whether it holds anything. */
static int
read_identity (SlDatabase *self,
               int        *application_id,
               int        *version,
               int        *n_tables)
{
  static const char * const queries[] = {
    "PRAGMA application_id", "PRAGMA user_version", "SELECT count(*) FROM sqlite_schema",
  };
  int *values[] = { application_id, version, n_tables };
  int rc = SQLITE_OK;

  for (guint i = 0; rc == SQLITE_OK && i < G_N_ELEMENTS (queries); i++)
    {
      sqlite3_stmt *stmt = NULL;

      rc = sqlite3_prepare_v2 (self->db, queries[i], -1, &stmt, NULL);
      if (rc == SQLITE_OK)
        {
          rc = sqlite3_step (stmt);
          if (rc == SQLITE_ROW)
            {
              *values[i] = sqlite3_column_int (stmt, 0);
              rc = SQLITE_OK;
            }
        }
      sqlite3_finalize (stmt);
    }

  return rc;
}

/* A reader that may write to the file and its folder connects read-write
 * but held to PRAGMA query_only: SQLite can then roll back a hot journal
 * and remove on closing the -wal and -shm it made, and no statement can
 * change a byte. One that may not gets SQLITE_OPEN_READONLY. */
static int
connect (SlDatabase *self,
         const char *path,
         gboolean    sqlite_read_only,
         gboolean    immutable)
{
  g_autofree char *uri = NULL;
  int flags = SQLITE_OPEN_NOFOLLOW | SQLITE_OPEN_EXRESCODE;
  int rc;

  if (self->db != NULL)
    {
      sqlite3_close_v2 (self->db);
      self->db = NULL;
    }
  flags |= sqlite_read_only ? SQLITE_OPEN_READONLY : SQLITE_OPEN_READWRITE;

  /* Immutable: SQLite neither locks the file nor looks for a -shm. */
  if (immutable)
    {
      g_autofree char *absolute = g_canonicalize_filename (path, NULL);
      g_autofree char *file_uri = g_filename_to_uri (absolute, NULL, NULL);
      uri = g_strconcat (file_uri, "?immutable=1", NULL);
      flags |= SQLITE_OPEN_URI;
    }

  rc = sqlite3_open_v2 (uri ? uri : path, &self->db, flags, NULL);
  if (rc == SQLITE_OK)
    {
      sqlite3_busy_timeout (self->db, 5000);
      sqlite3_extended_result_codes (self->db, TRUE);
      if (self->read_only && !sqlite_read_only)
        rc = sqlite3_exec (self->db, "PRAGMA query_only = ON", NULL, NULL, NULL);
    }
  return rc;
}

static gboolean
has_content (const char *path,
             const char *suffix)
{
  g_autofree char *file = g_strconcat (path, suffix, NULL);
  GStatBuf info;

  return g_stat (file, &info) == 0 && info.st_size > 0;
}

static SlDatabase *
open_database (const char  *path,
               int          target_version,
               gboolean     read_only,
               GError     **error)
{
  g_autoptr(SlDatabase) self = NULL;
  g_autofree char *default_path = NULL;
  g_autofree char *resolved = NULL;
  g_autofree char *folder = NULL;
  gboolean created = FALSE;
  gboolean writable;
  int application_id = 0;
  int version = 0;
  int n_tables = 0;
  GStatBuf info;
  int rc;

  if (path == NULL)
    path = default_path = sl_database_default_path ();

  /* A link is followed to the file it names, beside which SQLite keeps
   * the -wal and -shm; one that leads nowhere is refused. */
  resolved = sl_database_resolve_path (path, error);
  if (resolved == NULL)
    return NULL;
  path = resolved;
  folder = g_path_get_dirname (path);

  self = g_object_new (SL_TYPE_DATABASE, NULL);
  self->path = g_strdup (path);
  self->read_only = read_only;

  if (g_file_test (path, G_FILE_TEST_IS_DIR))
    {
      g_set_error (error, SL_DATABASE_ERROR, SL_DATABASE_ERROR_OPEN,
                   _("%s is a folder, not a ledger file; name a file instead"),
                   path);
      return NULL;
    }

  if (g_stat (path, &info) != 0)
    {
      g_autofree char *temporary = NULL;
      g_autoptr(GError) local_error = NULL;

      if (read_only)
        {
          int saved_errno = errno;
          g_set_error (error, SL_DATABASE_ERROR, SL_DATABASE_ERROR_OPEN,
                       _("Cannot open the ledger %s: %s"), path, g_strerror (saved_errno));
          return NULL;
        }

      /* Made whole under another name, then given this one without
       * replacing anything (sl-ledger-paths.c). */
      temporary = sl_database_create_temporary (path, target_version, error);
      if (temporary == NULL)
        return NULL;
      if (sl_database_link_into_place (temporary, path, &local_error))
        created = TRUE;
      else
        {
          sl_database_discard_temporary (temporary);
          /* Another process made it meanwhile: open theirs. */
          if (!g_error_matches (local_error, G_FILE_ERROR, G_FILE_ERROR_EXIST))
            {
              g_propagate_error (error, g_steal_pointer (&local_error));
              return NULL;
            }
        }
    }
  else if (read_only && info.st_size == 0)
    {
      g_set_error (error, SL_DATABASE_ERROR, SL_DATABASE_ERROR_NOT_A_LEDGER,
                   _("%s is an empty file, not a Study Ledger database; it was left untouched"),
                   path);
      return NULL;
    }

  writable = g_access (path, W_OK) == 0 && g_access (folder, W_OK) == 0;
  /* A reader that may not write the file, with no log or journal beside
   * it, reads it as it lies (immutable): SQLite would otherwise make a
   * -wal and -shm owned by this user in a folder it can write, and the
   * ledger's owner could then no longer write the ledger. */
  if (read_only && g_access (path, W_OK) != 0 &&
      !has_content (path, "-wal") && !has_content (path, "-journal"))
    rc = connect (self, path, TRUE, TRUE);
  else
    rc = connect (self, path, read_only && !writable, FALSE);
  if (rc != SQLITE_OK)
    {
      sl_database_describe_open_error (self->db, path, rc, error);
      return NULL;
    }

  /* A file cut short is damaged, not "not a database". */
  if (!sl_database_check_header (self->db, path, error))
    return NULL;

  if (!read_only && sqlite3_db_readonly (self->db, "main") == 1)
    {
      sl_database_describe_open_error (self->db, path, SQLITE_READONLY, error);
      return NULL;
    }

  /* Read-only checks first: nothing below may write to a file that is
   * not ours or that a newer version wrote. */
  rc = read_identity (self, &application_id, &version, &n_tables);

  /* A write-ahead ledger in a folder this user may not write to, whose
   * -shm is not there: nobody is writing it (there is no log either), so
   * it may be read as it lies. */
  if (read_only && !writable && rc != SQLITE_OK && (rc & 0xff) != SQLITE_BUSY &&
      (rc & 0xff) != SQLITE_NOTADB && (rc & 0xff) != SQLITE_CORRUPT &&
      !has_content (path, "-wal") && !has_content (path, "-journal"))
    {
      if ((rc = connect (self, path, TRUE, TRUE)) == SQLITE_OK)
        rc = read_identity (self, &application_id, &version, &n_tables);
    }

  if (rc != SQLITE_OK)
    {
      sl_database_describe_open_error (self->db, path, rc, error);
      return NULL;
    }

  if ((application_id != 0 && application_id != SL_APPLICATION_ID) ||
      (application_id == 0 && n_tables > 0))
    {
      g_set_error (error, SL_DATABASE_ERROR, SL_DATABASE_ERROR_NOT_A_LEDGER,
                   _("%s is an SQLite file of another program, not a Study Ledger database; "
                     "it was left untouched"),
                   path);
      return NULL;
    }

  if (version > SL_SCHEMA_VERSION)
    {
      g_set_error (error, SL_DATABASE_ERROR, SL_DATABASE_ERROR_NEWER,
                   _("%s was written by a newer Study Ledger (schema %d; this version knows %d); "
                     "it was left untouched. Install the newer version to open it"),
                   path, version, SL_SCHEMA_VERSION);
      return NULL;
    }

  if (read_only)
    {
      if (application_id == 0)
        {
          g_set_error (error, SL_DATABASE_ERROR, SL_DATABASE_ERROR_NOT_A_LEDGER,
                       _("%s is an empty SQLite file, not a Study Ledger database; "
                         "it was left untouched"),
                       path);
          return NULL;
        }

      /* An older ledger is brought up to date once, by whoever opens it
       * first: the queries of this version need its schema. */
      if (version < target_version)
        {
          g_clear_object (&self);
          return open_database (path, target_version, FALSE, error);
        }

      if (!sl_database_exec (self, "PRAGMA foreign_keys = ON", error) ||
          !sl_database_exec (self, "PRAGMA temp_store = MEMORY", error) ||
          !sl_database_exec (self, "PRAGMA mmap_size = 1073741824", error))
        {
          g_prefix_error (error, _("Cannot open the ledger: "));
          return NULL;
        }

      return g_steal_pointer (&self);
    }

  if ((rc = sqlite3_exec (self->db, "PRAGMA journal_mode = WAL", NULL, NULL, NULL)) != SQLITE_OK)
    {
      sl_database_describe_open_error (self->db, path, rc, error);
      return NULL;
    }

  if (!sl_database_exec (self, "PRAGMA foreign_keys = ON", error) ||
      !sl_database_exec (self, "PRAGMA synchronous = NORMAL", error) ||
      /* Temporary tables and sorts in memory, not in files under
       * /var/tmp that are written and read back. */
      !sl_database_exec (self, "PRAGMA temp_store = MEMORY", error) ||
      /* Read pages in place instead of copying each one through a 2 MiB
       * cache: searches, statistics and exports of a ten-year ledger
       * spent most of their time in pread() (docs/performance.md). */
      !sl_database_exec (self, "PRAGMA mmap_size = 1073741824", error))
    {
      g_prefix_error (error, _("Cannot open the ledger: "));
      return NULL;
    }

  if (application_id == 0)
    {
      g_autofree char *sql = g_strdup_printf ("PRAGMA application_id = %d", SL_APPLICATION_ID);
      if (!sl_database_exec (self, sql, error))
        return NULL;
    }

  if (!migrate (self, version, target_version, error))
    return NULL;

  /* WAL and its shared-memory file take the database's mode, but a file
   * created by an older build may be wider: keep it private. Only ever
   * narrowed, and only by its owner: never made writable. */
  if (!created && g_stat (path, &info) == 0 && (info.st_mode & 077) != 0 &&
      info.st_uid == geteuid ())
    g_chmod (path, info.st_mode & 0700);

  return g_steal_pointer (&self);
}

/**
 * sl_database_open:
 * @path: (nullable): the ledger file, or %NULL for the default one
 *
 * Opens (creating it when missing) and migrates a ledger. A file that is
 * not a ledger, or that a newer version wrote, is refused untouched.
 */
SlDatabase *
sl_database_open (const char  *path,
                  GError     **error)
{
  return open_database (path, SL_SCHEMA_VERSION, FALSE, error);
}

/**
 * sl_database_open_read_only:
 * @path: (nullable): the ledger file, or %NULL for the default one
 *
 * Opens an existing ledger for reading only (SQLITE_OPEN_READONLY): its
 * mode and its bytes stay as they are. A change a killed process left
 * half done is first completed or undone, as any opening would; a ledger
 * of an older schema is upgraded, as the queries need. A write-ahead
 * ledger whose -shm cannot be made (a read-only folder) is read as it
 * lies when no log is beside it.
 */
SlDatabase *
sl_database_open_read_only (const char  *path,
                            GError     **error)
{
  return open_database (path, SL_SCHEMA_VERSION, TRUE, error);
}

/* For tests of the migrations: a ledger brought only to @version. */
SlDatabase *
sl_database_open_at_version (const char  *path,
                             int          version,
                             GError     **error)
{
  g_return_val_if_fail (version >= 0 && version <= SL_SCHEMA_VERSION, NULL);

  return open_database (path, version, FALSE, error);
}

const char *
sl_database_get_path (SlDatabase *self)
{
  g_return_val_if_fail (SL_IS_DATABASE (self), NULL);
  return self->path;
}

sqlite3 *
sl_database_get_handle (SlDatabase *self)
{
  g_return_val_if_fail (SL_IS_DATABASE (self), NULL);
  return self->db;
}

int
sl_database_get_version (SlDatabase *self)
{
  int version = -1;

  g_return_val_if_fail (SL_IS_DATABASE (self), -1);

  query_int (self, "PRAGMA user_version", &version, NULL);
  return version;
}

/* Bulk writes ------------------------------------------------------------ */

/**
 * sl_database_defer_search_index:
 *
 * For a bulk write inside the current transaction (an archive import):
 * the triggers that index each new meeting, study, speech and measure
 * stand aside, and temporary ones note the new rows instead, to be
 * indexed in one pass by sl_database_index_deferred(). SQLite 3.40's FTS5
 * writes out a new index segment at every statement of a transaction, and
 * search_text rewrote a meeting's row for each text appended to it: most
 * of the writing of a large import. Rolling the transaction back undoes
 * all of this with the rows.
 */
gboolean
sl_database_defer_search_index (SlDatabase  *self,
                                GError     **error)
{
  g_return_val_if_fail (SL_IS_DATABASE (self), FALSE);
  g_return_val_if_fail (self->depth > 0, FALSE);

  if (!sl_database_exec (self,
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
                         "END;",
                         error))
    return FALSE;

  for (guint i = 0; i < G_N_ELEMENTS (index_triggers); i++)
    if (!sl_database_exec (self, index_triggers[i].drop, error))
      return FALSE;

  return TRUE;
}

/* Each meeting with a new row gets its search_text rebuilt once; the new
 * rows go into the full-text index in one statement, in rowid order (FTS5
 * starts a new segment whenever a rowid goes down). */
static const char index_deferred_sql[] =
  "DELETE FROM search_text WHERE meeting_id IN (SELECT meeting_id FROM temp.sl_unindexed);"
  "INSERT INTO search_text (meeting_id, body)"
  "  SELECT m.id, " MEETING_TEXT ("m") " || " CHILDREN_TEXT ("m.id")
  "  FROM meetings m WHERE m.id IN (SELECT meeting_id FROM temp.sl_unindexed);"
  "INSERT OR REPLACE INTO search_index (rowid, body)"
  "  SELECT key, body FROM ("
  "    SELECT u.key AS key, CASE u.key & 7"
  "      WHEN 1 THEN (SELECT coalesce (title, '') || char (10) || coalesce (theme, '')"
  "                   FROM meetings WHERE id = u.key >> 3)"
  "      WHEN 2 THEN (SELECT coalesce (title, '') || char (10) || coalesce (source, '')"
  "                     || char (10) || coalesce (summary, '')"
  "                   FROM studies WHERE id = u.key >> 3)"
  "      WHEN 3 THEN (SELECT coalesce (points, '') FROM speeches WHERE id = u.key >> 3)"
  "      WHEN 4 THEN (SELECT coalesce (text, '') || char (10) || coalesce (progress, '')"
  "                   FROM measures WHERE id = u.key >> 3)"
  "    END AS body"
  "    FROM temp.sl_unindexed u ORDER BY u.key)"
  "  WHERE body IS NOT NULL;"
  "DROP TRIGGER temp.sl_unindexed_meetings;"
  "DROP TRIGGER temp.sl_unindexed_studies;"
  "DROP TRIGGER temp.sl_unindexed_speeches;"
  "DROP TRIGGER temp.sl_unindexed_measures;"
  "DROP TABLE temp.sl_unindexed;";

/**
 * sl_database_index_deferred:
 *
 * Indexes the rows written since sl_database_defer_search_index()
 * (index_deferred_sql) and puts the triggers back. Rows written and then
 * changed or deleted meanwhile were kept by the triggers that stayed.
 */
gboolean
sl_database_index_deferred (SlDatabase  *self,
                            GError     **error)
{
  g_return_val_if_fail (SL_IS_DATABASE (self), FALSE);
  g_return_val_if_fail (self->depth > 0, FALSE);

  if (!sl_database_exec (self, index_deferred_sql, error))
    return FALSE;

  for (guint i = 0; i < G_N_ELEMENTS (index_triggers); i++)
    if (!sl_database_exec (self, index_triggers[i].create, error))
      return FALSE;

  return TRUE;
}

/**
 * sl_database_set_write_ahead:
 * @write_ahead: FALSE before a bulk write into a ledger that holds nothing,
 *   TRUE after it
 *
 * With a write-ahead log every page is written twice, to the log at commit
 * and to the file at the checkpoint: 80 MB each for a ten-year import into
 * an empty ledger. A rollback journal saves the pages a transaction
 * changes, and an empty ledger has next to none: the import's pages are
 * written once, and a crash still leaves the ledger as it was. Only
 * possible outside a transaction and with no other connection to the file
 * (the window's, say); returns whether the journal is now as asked.
 */
gboolean
sl_database_set_write_ahead (SlDatabase *self,
                             gboolean    write_ahead)
{
  sqlite3_stmt *stmt = NULL;
  gboolean done = FALSE;

  g_return_val_if_fail (SL_IS_DATABASE (self), FALSE);
  g_return_val_if_fail (self->depth == 0, FALSE);

  if (sqlite3_prepare_v2 (self->db,
                          write_ahead ? "PRAGMA journal_mode = WAL" : "PRAGMA journal_mode = DELETE",
                          -1, &stmt, NULL) == SQLITE_OK &&
      sqlite3_step (stmt) == SQLITE_ROW)
    done = g_ascii_strcasecmp ((const char *) sqlite3_column_text (stmt, 0),
                               write_ahead ? "wal" : "delete") == 0;
  sqlite3_finalize (stmt);

  return done;
}

/**
 * sl_database_get_generation:
 *
 * A number that changes when a transaction begins at the outermost level
 * and at every rollback: what a caller read from the ledger (the key of a
 * row, say) holds for as long as this number stays the same.
 */
guint
sl_database_get_generation (SlDatabase *self)
{
  g_return_val_if_fail (SL_IS_DATABASE (self), 0);
  return self->generation;
}

/**
 * sl_database_backup:
 *
 * Copies the ledger with SQLite's online backup API into a temporary file
 * beside @destination, then renames it, so that a failed backup never
 * leaves a half file. The copy is created 0600.
 */
gboolean
sl_database_backup (SlDatabase  *self,
                    const char  *destination,
                    GError     **error)
{
  g_autofree char *temporary = NULL;
  sqlite3 *target = NULL;
  sqlite3_backup *backup;
  int fd;
  int rc;

  g_return_val_if_fail (SL_IS_DATABASE (self), FALSE);
  g_return_val_if_fail (destination != NULL, FALSE);

  if (!sl_check_output_path (destination, SL_DATABASE_ERROR, SL_DATABASE_ERROR_OPEN, error))
    return FALSE;

  temporary = g_strdup_printf ("%s.XXXXXX", destination);
  fd = g_mkstemp_full (temporary, O_RDWR | O_CLOEXEC, 0600);
  if (fd < 0)
    {
      int saved_errno = errno;
      g_set_error (error, SL_DATABASE_ERROR, SL_DATABASE_ERROR_OPEN,
                   _("Cannot write the backup %s: %s; choose a folder you may write to"),
                   destination, g_strerror (saved_errno));
      return FALSE;
    }
  close (fd);

  rc = sqlite3_open_v2 (temporary, &target, SQLITE_OPEN_READWRITE, NULL);
  if (rc == SQLITE_OK)
    {
      backup = sqlite3_backup_init (target, "main", self->db, "main");
      if (backup != NULL)
        {
          do
            rc = sqlite3_backup_step (backup, -1);
          while (rc == SQLITE_OK || rc == SQLITE_BUSY || rc == SQLITE_LOCKED);
          sqlite3_backup_finish (backup);
          if (rc == SQLITE_DONE)
            rc = SQLITE_OK;
        }
      else
        rc = sqlite3_errcode (target);
    }

  /* A backup is a single file: no WAL beside it. */
  if (rc == SQLITE_OK)
    rc = sqlite3_exec (target, "PRAGMA journal_mode = DELETE", NULL, NULL, NULL);

  if (rc != SQLITE_OK)
    {
      g_set_error (error, SL_DATABASE_ERROR, SL_DATABASE_ERROR_FAILED,
                   _("Cannot write the backup %s: %s"),
                   destination, target ? sqlite3_errmsg (target) : sqlite3_errstr (rc));
      sqlite3_close (target);
      g_unlink (temporary);
      return FALSE;
    }

  sqlite3_close (target);

  if (g_rename (temporary, destination) != 0)
    {
      int saved_errno = errno;
      g_set_error (error, SL_DATABASE_ERROR, SL_DATABASE_ERROR_OPEN,
                   _("Cannot write the backup %s: %s"),
                   destination, g_strerror (saved_errno));
      g_unlink (temporary);
      return FALSE;
    }

  return TRUE;
}

/**
 * sl_database_check:
 *
 * Runs SQLite's integrity check and foreign-key check. Returns the
 * problems found, one readable line each (empty when the ledger is sound),
 * or %NULL with @error set when the checks could not run.
 */
GPtrArray *
sl_database_check (SlDatabase  *self,
                   GError     **error)
{
  g_autoptr(GPtrArray) problems = g_ptr_array_new_with_free_func (g_free);
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (SL_IS_DATABASE (self), NULL);

  rc = sqlite3_prepare_v2 (self->db, "PRAGMA integrity_check", -1, &stmt, NULL);
  if (rc != SQLITE_OK)
    {
      sl_database_set_error (self, rc, error);
      return NULL;
    }
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      const char *line = (const char *) sqlite3_column_text (stmt, 0);
      if (g_strcmp0 (line, "ok") != 0)
        g_ptr_array_add (problems, g_strdup (line));
    }
  sqlite3_finalize (stmt);
  if (rc != SQLITE_DONE)
    {
      sl_database_set_error (self, rc, error);
      return NULL;
    }

  rc = sqlite3_prepare_v2 (self->db, "PRAGMA foreign_key_check", -1, &stmt, NULL);
  if (rc != SQLITE_OK)
    {
      sl_database_set_error (self, rc, error);
      return NULL;
    }
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (problems,
                     g_strdup_printf (_("table %s, row %lld: refers to a missing row of %s"),
                                      sqlite3_column_text (stmt, 0),
                                      (long long) sqlite3_column_int64 (stmt, 1),
                                      sqlite3_column_text (stmt, 2)));
  sqlite3_finalize (stmt);
  if (rc != SQLITE_DONE)
    {
      sl_database_set_error (self, rc, error);
      return NULL;
    }

  return g_steal_pointer (&problems);
}

const char *
sl_database_get_setting (SlDatabase *self,
                         const char *key)
{
  sqlite3_stmt *stmt;
  const char *value;

  g_return_val_if_fail (SL_IS_DATABASE (self), NULL);

  if (g_hash_table_lookup_extended (self->settings, key, NULL, (gpointer *) &value))
    return value;

  stmt = sl_database_prepare (self, "SELECT value FROM settings WHERE key = ?", NULL);
  if (stmt == NULL)
    return NULL;
  sl_bind_text (stmt, 1, key);
  value = NULL;
  if (sqlite3_step (stmt) == SQLITE_ROW)
    value = sl_column_text (stmt, 0);
  g_hash_table_insert (self->settings, g_strdup (key), g_strdup (value));
  sqlite3_reset (stmt);

  return g_hash_table_lookup (self->settings, key);
}

gboolean
sl_database_set_setting (SlDatabase  *self,
                         const char  *key,
                         const char  *value,
                         GError     **error)
{
  sqlite3_stmt *stmt;

  g_return_val_if_fail (SL_IS_DATABASE (self), FALSE);

  stmt = sl_database_prepare (self,
                              "INSERT INTO settings (key, value) VALUES (?, ?) "
                              "ON CONFLICT (key) DO UPDATE SET value = excluded.value",
                              error);
  if (stmt == NULL)
    return FALSE;
  sl_bind_text (stmt, 1, key);
  sl_bind_text (stmt, 2, value);
  if (!sl_database_step_done (self, stmt, error))
    return FALSE;

  g_hash_table_insert (self->settings, g_strdup (key), g_strdup (value));
  return TRUE;
}

void
sl_bind_text (sqlite3_stmt *stmt,
              int           index,
              const char   *text)
{
  if (text == NULL)
    sqlite3_bind_null (stmt, index);
  else
    sqlite3_bind_text (stmt, index, text, -1, SQLITE_TRANSIENT);
}

/* Keys are positive; 0 means "no row" and binds NULL. */
void
sl_bind_key (sqlite3_stmt *stmt,
             int           index,
             gint64        key)
{
  if (key <= 0)
    sqlite3_bind_null (stmt, index);
  else
    sqlite3_bind_int64 (stmt, index, key);
}

const char *
sl_column_text (sqlite3_stmt *stmt,
                int           index)
{
  return (const char *) sqlite3_column_text (stmt, index);
}
