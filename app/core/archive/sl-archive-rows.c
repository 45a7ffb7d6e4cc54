/* sl-archive-rows.c — the archive's meetings written straight from the rows
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * `export-archive` used to load each meeting as objects (five queries for
 * its rows, four more for the keys of version 2), build it as a JsonNode
 * tree, generate the tree and indent the text: at a hundred years, most of
 * the time went to allocating and freeing those objects and trees. Here a
 * batch of meetings (a year's) is read by seven set-based statements, the
 * meetings themselves and then each kind of row inside them, every one in
 * the meetings' order (date, start, id, as sl_ledger_load_meetings() gives
 * them) and then in the order the meeting's loader gives the rows. The
 * statements are walked in step, a merge join: the rows of a meeting are
 * the next ones of each statement whose meeting is that one. Each value is
 * written as it is read, as text (sl-json-text.c), in the layout and with
 * the escapes of the tree writer, so that the bytes are the same
 * (sl_archive_export_tree(), tests/test-archive-rows.c).
 *
 * The keys are those of the tables of sl-archive-fields.h, in their order;
 * each table has here the column that holds each of its fields. What the
 * objects did to a value on its way (an unknown code read as none, a
 * negative count as 0, a NULL id made anew) is done here the same way.
 *
 * The evidence (state, revisions, attachments) of the few meetings that
 * have any is read meeting by meeting, as sl_archive_write_evidence()
 * reads it; an attachment's base64 goes from its BLOB to the file a chunk
 * at a time, never whole in memory.
 */

#define G_LOG_DOMAIN "sl-archive"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <json-glib/json-glib.h>
#include <sqlite3.h>
#include <string.h>

#include "sl-archive.h"
#include "sl-archive-evidence.h"
#include "sl-archive-fields.h"
#include "sl-archive-rows.h"
#include "sl-attachments.h"
#include "sl-database.h"
#include "sl-enums.h"
#include "sl-evidence.h"
#include "sl-json-text.h"
#include "sl-ledger.h"
#include "sl-record.h"

/* The text is handed on once it is this long, and at the end of a batch. */
#define FLUSH_SIZE (256 * 1024)

/* A meeting element is two levels deep: in "meetings", in the document. */
#define MEETING_DEPTH 2

/* The meetings of a batch: year BETWEEN ?1 AND ?2, in the loader's order. */
#define MEETINGS_OF_BATCH \
  "FROM meetings m JOIN organizations o ON o.id = m.organization_id "
#define IN_BATCH "WHERE m.year BETWEEN ?1 AND ?2 "
#define MEETING_ORDER "ORDER BY m.date, m.start_time, m.id"

/* Column 0 of each statement is the meeting's key. */
static const char meetings_sql[] =
  "SELECT m.id, m.uuid, o.uuid, m.kind, m.sequence, m.title, m.date, m.start_time, "
  "  m.end_time, m.place, c.uuid, r.uuid, m.form, m.theme, m.expanded, pi.uuid, "
  "  m.chair_summary, m.decisions, m.note, m.on_ideology, m.hours, m.batch, "
  "  m.has_session_plan, m.session_topics, m.session_approved_by, m.session_approved_on "
  MEETINGS_OF_BATCH
  "  LEFT JOIN members c ON c.id = m.chair_id "
  "  LEFT JOIN members r ON r.id = m.recorder_id "
  "  LEFT JOIN plan_items pi ON pi.id = m.plan_item_id "
  IN_BATCH MEETING_ORDER;

static const int meeting_columns[] = {
  2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21,
};
enum { MEETING_UUID = 1, MEETING_TITLE = 5, MEETING_HAS_PLAN = 22, MEETING_TOPICS,
       MEETING_APPROVED_BY, MEETING_APPROVED_ON };

static const char studies_sql[] =
  "SELECT s.meeting_id, s.uuid, s.title, s.source, s.published_on, l.uuid, "
  "  s.first_topic, s.summary, t.uuid "
  MEETINGS_OF_BATCH
  "  JOIN studies s ON s.meeting_id = m.id "
  "  LEFT JOIN members l ON l.id = s.lead_id "
  "  LEFT JOIN topics t ON t.id = s.topic_id "
  IN_BATCH MEETING_ORDER ", s.position, s.id";

static const int study_columns[] = { 2, 3, 4, 5, 6, 7, 8 };

static const char attendance_sql[] =
  "SELECT a.meeting_id, mb.uuid, a.status, a.leave_kind, a.reason, a.late, "
  "  a.left_early, a.made_up, a.makeup_on, a.makeup_method, a.makeup_evidence "
  MEETINGS_OF_BATCH
  "  JOIN attendance a ON a.meeting_id = m.id "
  "  JOIN members mb ON mb.id = a.member_id "
  IN_BATCH MEETING_ORDER ", a.position, a.member_id";

static const int attendance_columns[] = { 1, 2, 3, 4, 5, 6 };
static const int makeup_columns[] = { 8, 9, 10 };
enum { ATTENDANCE_MADE_UP = 7 };

static const char guests_sql[] =
  "SELECT g.meeting_id, g.name, g.post, g.unit, g.superior, g.remarks "
  MEETINGS_OF_BATCH
  "  JOIN guests g ON g.meeting_id = m.id "
  IN_BATCH MEETING_ORDER ", g.position";

static const int guest_columns[] = { 1, 2, 3, 4, 5 };

static const char speeches_sql[] =
  "SELECT s.meeting_id, mb.uuid, s.speaker_name, s.points, s.uuid, s.kind, s.title "
  MEETINGS_OF_BATCH
  "  JOIN speeches s ON s.meeting_id = m.id "
  "  LEFT JOIN members mb ON mb.id = s.speaker_id "
  IN_BATCH MEETING_ORDER ", s.position, s.id";

static const int speech_columns[] = { 1, 2, 3, 4, 5, 6 };

static const char measures_sql[] =
  "SELECT x.meeting_id, x.uuid, x.text, w.uuid, x.department, x.due_on, x.status, "
  "  x.done_on, x.progress "
  MEETINGS_OF_BATCH
  "  JOIN measures x ON x.meeting_id = m.id "
  "  LEFT JOIN members w ON w.id = x.owner_id "
  IN_BATCH MEETING_ORDER ", x.position, x.id";

static const int measure_columns[] = { 2, 3, 4, 5, 6, 7, 8 };

/* Of every meeting of the batch: those without a plan are passed over. */
static const char plan_speeches_sql[] =
  "SELECT p.meeting_id, mb.uuid, p.title "
  MEETINGS_OF_BATCH
  "  JOIN session_plan_speeches p ON p.meeting_id = m.id "
  "  LEFT JOIN members mb ON mb.id = p.member_id "
  IN_BATCH MEETING_ORDER ", p.position";

G_STATIC_ASSERT (G_N_ELEMENTS (meeting_columns) == G_N_ELEMENTS (meeting_fields));
G_STATIC_ASSERT (G_N_ELEMENTS (study_columns) == G_N_ELEMENTS (study_fields));
G_STATIC_ASSERT (G_N_ELEMENTS (attendance_columns) == G_N_ELEMENTS (attendance_fields));
G_STATIC_ASSERT (G_N_ELEMENTS (makeup_columns) == G_N_ELEMENTS (makeup_fields));
G_STATIC_ASSERT (G_N_ELEMENTS (guest_columns) == G_N_ELEMENTS (guest_fields));
G_STATIC_ASSERT (G_N_ELEMENTS (speech_columns) == G_N_ELEMENTS (speech_fields));
G_STATIC_ASSERT (G_N_ELEMENTS (measure_columns) == G_N_ELEMENTS (measure_fields));

/* One statement walked in step with the meetings. */
typedef struct
{
  sqlite3_stmt *stmt;
  int           rc;     /* of its last step: SQLITE_ROW while rows are left */
} Cursor;

enum { STUDIES, ATTENDANCE, GUESTS, SPEECHES, MEASURES, PLAN_SPEECHES, N_CURSORS };

static const char * const cursor_sql[N_CURSORS] = {
  studies_sql, attendance_sql, guests_sql, speeches_sql, measures_sql, plan_speeches_sql,
};

struct _SlArchiveRows
{
  SlLedger            *ledger;
  SlDatabase          *database;
  GHashTable          *with_evidence;   /* meeting keys, or NULL for every meeting */
  SlArchiveRowsWrite   write;
  SlArchiveRowsFailed  failed;
  gpointer             data;
  GString             *buffer;          /* written, not yet handed on */
  guint                count;           /* meetings written */
};

SlArchiveRows *
sl_archive_rows_new (SlLedger            *ledger,
                     GHashTable          *with_evidence,
                     SlArchiveRowsWrite   write,
                     SlArchiveRowsFailed  failed,
                     gpointer             data)
{
  SlArchiveRows *rows = g_new0 (SlArchiveRows, 1);

  rows->ledger = ledger;
  rows->database = sl_ledger_get_database (ledger);
  rows->with_evidence = with_evidence;
  rows->write = write;
  rows->failed = failed;
  rows->data = data;
  rows->buffer = g_string_sized_new (FLUSH_SIZE + 64 * 1024);
  return rows;
}

void
sl_archive_rows_free (SlArchiveRows *rows)
{
  if (rows == NULL)
    return;
  g_string_free (rows->buffer, TRUE);
  g_free (rows);
}

/* How many meetings have been written. */
guint
sl_archive_rows_get_count (SlArchiveRows *rows)
{
  return rows->count;
}

static void
flush (SlArchiveRows *rows)
{
  if (rows->buffer->len > 0)
    rows->write (rows->data, rows->buffer->str, rows->buffer->len);
  g_string_truncate (rows->buffer, 0);
}

/* Values ------------------------------------------------------------------ */

static inline const char *
column_text (sqlite3_stmt *stmt,
             int           column)
{
  return (const char *) sqlite3_column_text (stmt, column);
}

/* The code as the object gave it back: the same text for a known code,
 * none (NULL) for an unknown one or for none's own name. */
static const char *
enum_code (GType       type,
           const char *text)
{
  int value = 0;

  if (text == NULL || !sl_enum_from_code (type, text, &value))
    return NULL;
  return sl_enum_to_code (type, value);
}

/* A record's id: a NULL one is made anew, as sl_record_set_id() does. */
static void
put_id (SlJsonText   *text,
        sqlite3_stmt *stmt,
        int           column)
{
  const char *id = column_text (stmt, column);

  sl_json_text_key (text, "id");
  if (id != NULL)
    sl_json_text_string (text, id);
  else
    {
      g_autofree char *fresh = g_uuid_string_random ();

      sl_json_text_string (text, fresh);
    }
}

/* The fields of @fields from the @columns of the current row, as
 * write_fields() of sl-archive.c writes them from the object the loader
 * filled from the same columns. */
static void
put_fields (SlJsonText   *text,
            sqlite3_stmt *stmt,
            const Field  *fields,
            const int    *columns,
            guint         n_fields)
{
  for (guint i = 0; i < n_fields; i++)
    {
      const Field *field = &fields[i];
      int column = columns[i];

      sl_json_text_key (text, field->key);
      switch (field->kind)
        {
        case FIELD_TEXT:
        case FIELD_DATE:
        case FIELD_TIME:
        case FIELD_REF:
        case FIELD_UUID:
        case FIELD_PERIOD:
          sl_json_text_string (text, column_text (stmt, column));
          break;

        case FIELD_BOOL:
          sl_json_text_boolean (text, sqlite3_column_int (stmt, column) != 0);
          break;

        case FIELD_INT:
          sl_json_text_int (text, sqlite3_column_int (stmt, column));
          break;

        case FIELD_COUNT:
          {
            /* The objects refuse a negative count (it stays 0): null. */
            int value = sqlite3_column_int (stmt, column);

            if (value > 0)
              sl_json_text_int (text, value);
            else
              sl_json_text_null (text);
          }
          break;

        case FIELD_NUMBER:
          {
            double number = sqlite3_column_double (stmt, column);

            /* Whole numbers as integers, as write_fields() writes them;
             * none, negative (and NaN, which the object refuses) null. */
            if (!(number > 0))
              sl_json_text_null (text);
            else if (number < 1e15 && number == (double) (gint64) number)
              sl_json_text_int (text, (gint64) number);
            else
              sl_json_text_double (text, number);
          }
          break;

        case FIELD_ENUM:
          sl_json_text_string (text, enum_code (field->enum_type (), column_text (stmt, column)));
          break;

        case FIELD_REFS:
        default:
          g_assert_not_reached ();
        }
    }
}

/* Cursors ----------------------------------------------------------------- */

static gboolean
cursor_start (SlArchiveRows  *rows,
              Cursor         *cursor,
              const char     *sql,
              int             first_year,
              int             last_year,
              GError        **error)
{
  cursor->stmt = sl_database_prepare (rows->database, sql, error);
  if (cursor->stmt == NULL)
    return FALSE;
  sqlite3_bind_int (cursor->stmt, 1, first_year);
  sqlite3_bind_int (cursor->stmt, 2, last_year);
  cursor->rc = sqlite3_step (cursor->stmt);
  return TRUE;
}

/* Whether the cursor's current row is one of @meeting's. */
static inline gboolean
cursor_at (Cursor *cursor,
           gint64  meeting)
{
  return cursor->rc == SQLITE_ROW && sqlite3_column_int64 (cursor->stmt, 0) == meeting;
}

static inline void
cursor_next (Cursor *cursor)
{
  cursor->rc = sqlite3_step (cursor->stmt);
}

/* Done with, and whether it ended as it should: every row read, no
 * error; a row left over is one whose meeting the merge passed by, which
 * the shared order rules out. */
static gboolean
cursor_finish (SlArchiveRows  *rows,
               Cursor         *cursor,
               gboolean        ok,
               GError        **error)
{
  int rc = cursor->rc;

  if (cursor->stmt == NULL)
    return ok;
  sqlite3_reset (cursor->stmt);
  cursor->stmt = NULL;
  if (!ok)
    return FALSE;
  if (rc == SQLITE_ROW)
    {
      g_set_error (error, SL_ARCHIVE_ERROR, SL_ARCHIVE_ERROR_INVALID,
                   _("Cannot export the archive: the rows of the meetings were read out of order. "
                     "Run check, then export again"));
      return FALSE;
    }
  if (rc != SQLITE_DONE)
    return sl_database_set_error (rows->database, rc, error);
  return TRUE;
}

/* A meeting's lists ----------------------------------------------------------- */

static void
put_studies (SlJsonText *text,
             Cursor     *cursor,
             gint64      meeting)
{
  sl_json_text_key (text, "studies");
  sl_json_text_begin_array (text);
  for (; cursor_at (cursor, meeting); cursor_next (cursor))
    {
      sl_json_text_begin_object (text);
      put_id (text, cursor->stmt, 1);
      put_fields (text, cursor->stmt, study_fields, study_columns, G_N_ELEMENTS (study_fields));
      sl_json_text_end_object (text);
    }
  sl_json_text_end_array (text);
}

static void
put_attendance (SlJsonText *text,
                Cursor     *cursor,
                gint64      meeting)
{
  sl_json_text_key (text, "attendance");
  sl_json_text_begin_array (text);
  for (; cursor_at (cursor, meeting); cursor_next (cursor))
    {
      sqlite3_stmt *stmt = cursor->stmt;

      sl_json_text_begin_object (text);
      put_fields (text, stmt, attendance_fields, attendance_columns,
                  G_N_ELEMENTS (attendance_fields));
      sl_json_text_key (text, "makeup");
      if (sqlite3_column_int (stmt, ATTENDANCE_MADE_UP) != 0)
        {
          sl_json_text_begin_object (text);
          put_fields (text, stmt, makeup_fields, makeup_columns, G_N_ELEMENTS (makeup_fields));
          sl_json_text_end_object (text);
        }
      else
        sl_json_text_null (text);
      sl_json_text_end_object (text);
    }
  sl_json_text_end_array (text);
}

/* Guests, speeches: rows without ids of their own. */
static void
put_plain_rows (SlJsonText  *text,
                const char  *key,
                Cursor      *cursor,
                gint64       meeting,
                const Field *fields,
                const int   *columns,
                guint        n_fields)
{
  sl_json_text_key (text, key);
  sl_json_text_begin_array (text);
  for (; cursor_at (cursor, meeting); cursor_next (cursor))
    {
      sl_json_text_begin_object (text);
      put_fields (text, cursor->stmt, fields, columns, n_fields);
      sl_json_text_end_object (text);
    }
  sl_json_text_end_array (text);
}

static void
put_measures (SlJsonText *text,
              Cursor     *cursor,
              gint64      meeting)
{
  sl_json_text_key (text, "measures");
  sl_json_text_begin_array (text);
  for (; cursor_at (cursor, meeting); cursor_next (cursor))
    {
      sl_json_text_begin_object (text);
      put_id (text, cursor->stmt, 1);
      put_fields (text, cursor->stmt, measure_fields, measure_columns,
                  G_N_ELEMENTS (measure_fields));
      sl_json_text_end_object (text);
    }
  sl_json_text_end_array (text);
}

/* As sl_archive_write_session_plan() writes what load_session_plan() of
 * sl-ledger-extras.c read: the topics parsed from their column by the
 * same calls, so that what they keep and drop is the same. */
static void
put_session_plan (SlJsonText   *text,
                  sqlite3_stmt *meeting_row,
                  Cursor       *speeches,
                  gint64        meeting)
{
  const char *topics = column_text (meeting_row, MEETING_TOPICS);

  sl_json_text_key (text, "session_plan");
  if (sqlite3_column_int (meeting_row, MEETING_HAS_PLAN) == 0)
    {
      /* Its speeches, should any be left behind, are not the archive's. */
      for (; cursor_at (speeches, meeting); cursor_next (speeches))
        ;
      sl_json_text_null (text);
      return;
    }

  sl_json_text_begin_object (text);
  sl_json_text_key (text, "topics");
  sl_json_text_begin_array (text);
  if (topics != NULL)
    {
      g_autoptr(JsonNode) root = json_from_string (topics, NULL);

      if (root != NULL && JSON_NODE_HOLDS_ARRAY (root))
        {
          JsonArray *array = json_node_get_array (root);

          for (guint i = 0; i < json_array_get_length (array); i++)
            {
              const char *topic = json_node_get_string (json_array_get_element (array, i));

              if (topic != NULL)
                sl_json_text_string (text, topic);
            }
        }
    }
  sl_json_text_end_array (text);

  sl_json_text_key (text, "key_speeches");
  sl_json_text_begin_array (text);
  for (; cursor_at (speeches, meeting); cursor_next (speeches))
    {
      sl_json_text_begin_object (text);
      sl_json_text_key (text, "member");
      sl_json_text_string (text, column_text (speeches->stmt, 1));
      sl_json_text_key (text, "title");
      sl_json_text_string (text, column_text (speeches->stmt, 2));
      sl_json_text_end_object (text);
    }
  sl_json_text_end_array (text);

  sl_json_text_key (text, "approved_by");
  sl_json_text_string (text, column_text (meeting_row, MEETING_APPROVED_BY));
  sl_json_text_key (text, "approved_on");
  sl_json_text_string (text, column_text (meeting_row, MEETING_APPROVED_ON));
  sl_json_text_end_object (text);
}

/* The evidence ---------------------------------------------------------------- */

static gboolean
write_chunk (gpointer      data,
             const guchar *chunk,
             gsize         size,
             GError      **error)
{
  SlArchiveRows *rows = data;

  rows->write (rows->data, (const char *) chunk, size);
  return TRUE;
}

/* As sl_archive_write_evidence() adds them to the meeting's object: the
 * same keys, values and refusal. @id and @title are the meeting's. */
static gboolean
put_evidence (SlArchiveRows  *rows,
              SlJsonText     *text,
              gint64          key,
              const char     *id,
              const char     *title,
              GError        **error)
{
  g_autoptr(SlFinal) final = NULL;
  g_autoptr(GPtrArray) revisions = NULL;
  g_autoptr(GPtrArray) attachments = NULL;

  if (rows->with_evidence != NULL && !g_hash_table_contains (rows->with_evidence, &key))
    return TRUE;

  if (!sl_evidence_get_final (rows->ledger, key, &final, error) ||
      !(revisions = sl_evidence_load_revisions (rows->ledger, key, error)) ||
      !(attachments = sl_attachments_load (rows->ledger, key, error)))
    return FALSE;

  if (final == NULL && revisions->len > 0)
    {
      g_set_error (error, SL_ARCHIVE_ERROR, SL_ARCHIVE_ERROR_INVALID,
                   _("Cannot export the meeting “%s” (%s): it has revisions but is no longer final, "
                     "its finalisation removed outside Study Ledger. Run check, then finalise it "
                     "again (finalize --meeting %s) once its content is confirmed"),
                   title && *title ? title : id, id, id);
      return FALSE;
    }

  if (final != NULL)
    {
      sl_json_text_key (text, "state");
      sl_json_text_string (text, "final");
      sl_json_text_key (text, "finalized_at");
      sl_json_text_string (text, final->finalized_at);
      sl_json_text_key (text, "finalized_by");
      sl_json_text_string (text, final->finalized_by);
      sl_json_text_key (text, "hash");
      sl_json_text_string (text, final->hash);
    }

  if (revisions->len > 0)
    {
      sl_json_text_key (text, "revisions");
      sl_json_text_begin_array (text);
      for (guint i = 0; i < revisions->len; i++)
        {
          SlRevision *revision = g_ptr_array_index (revisions, i);

          sl_json_text_begin_object (text);
          sl_json_text_key (text, "revision");
          sl_json_text_int (text, revision->revision);
          sl_json_text_key (text, "at");
          sl_json_text_string (text, revision->at);
          sl_json_text_key (text, "by");
          sl_json_text_string (text, revision->by);
          sl_json_text_key (text, "reason");
          sl_json_text_string (text, revision->reason);
          sl_json_text_key (text, "hash");
          sl_json_text_string (text, revision->hash);
          sl_json_text_key (text, "chain");
          sl_json_text_string (text, revision->chain);
          sl_json_text_key (text, "snapshot");
          sl_json_text_string (text, revision->snapshot);
          sl_json_text_end_object (text);
        }
      sl_json_text_end_array (text);
    }

  if (attachments->len == 0)
    return TRUE;

  /* The keys of sl_archive_attachment_node(), then "data". */
  sl_json_text_key (text, "attachments");
  sl_json_text_begin_array (text);
  for (guint i = 0; i < attachments->len; i++)
    {
      SlAttachment *attachment = g_ptr_array_index (attachments, i);

      sl_json_text_begin_object (text);
      sl_json_text_key (text, "id");
      sl_json_text_string (text, sl_record_get_id (SL_RECORD (attachment)));
      sl_json_text_key (text, "kind");
      sl_json_text_string (text, sl_attachment_get_kind (attachment));
      sl_json_text_key (text, "name");
      sl_json_text_string (text, sl_attachment_get_name (attachment));
      sl_json_text_key (text, "media_type");
      sl_json_text_string (text, sl_attachment_get_media_type (attachment));
      sl_json_text_key (text, "size");
      sl_json_text_int (text, sl_attachment_get_size (attachment));
      sl_json_text_key (text, "sha256");
      sl_json_text_string (text, sl_attachment_get_sha256 (attachment));
      sl_json_text_key (text, "added_at");
      sl_json_text_string (text, sl_attachment_get_added_at (attachment));
      sl_json_text_key (text, "speech");
      sl_json_text_string (text, sl_attachment_get_speech (attachment));
      sl_json_text_key (text, "measure");
      sl_json_text_string (text, sl_attachment_get_measure (attachment));

      /* The base64 from the BLOB into the file: nothing in it to escape. */
      sl_json_text_key (text, "data");
      sl_json_text_open_string (text);
      if (sl_attachment_get_size (attachment) > 0)
        {
          flush (rows);
          if (!sl_archive_encode_attachment (rows->ledger,
                                             sl_record_get_key (SL_RECORD (attachment)),
                                             write_chunk, rows, error))
            return FALSE;
        }
      sl_json_text_close_string (text);
      sl_json_text_end_object (text);
    }
  sl_json_text_end_array (text);

  return TRUE;
}

/* A batch ----------------------------------------------------------------- */

/**
 * sl_archive_rows_write:
 *
 * Writes the elements of the archive's "meetings" whose year is from
 * @first_year to @last_year, in the order of sl_ledger_load_meetings(),
 * each after a "," (but the first of all) and a new line. Inside the
 * caller's read transaction. Stops early, returning %TRUE, once the
 * caller says a write has failed.
 */
gboolean
sl_archive_rows_write (SlArchiveRows  *rows,
                       int             first_year,
                       int             last_year,
                       GError        **error)
{
  Cursor meetings = { NULL, SQLITE_DONE };
  Cursor cursors[N_CURSORS] = { { NULL, SQLITE_DONE } };
  gboolean ok;

  ok = cursor_start (rows, &meetings, meetings_sql, first_year, last_year, error);
  for (guint i = 0; ok && i < N_CURSORS; i++)
    ok = cursor_start (rows, &cursors[i], cursor_sql[i], first_year, last_year, error);

  for (; ok && meetings.rc == SQLITE_ROW; cursor_next (&meetings))
    {
      sqlite3_stmt *stmt = meetings.stmt;
      gint64 key = sqlite3_column_int64 (stmt, 0);
      SlJsonText text;

      g_string_append (rows->buffer, rows->count > 0 ? ",\n    " : "\n    ");
      rows->count++;

      sl_json_text_init (&text, rows->buffer, MEETING_DEPTH);
      sl_json_text_begin_object (&text);
      put_id (&text, stmt, MEETING_UUID);
      put_fields (&text, stmt, meeting_fields, meeting_columns, G_N_ELEMENTS (meeting_fields));
      put_studies (&text, &cursors[STUDIES], key);
      put_attendance (&text, &cursors[ATTENDANCE], key);
      put_plain_rows (&text, "guests", &cursors[GUESTS], key,
                      guest_fields, guest_columns, G_N_ELEMENTS (guest_fields));
      put_plain_rows (&text, "speeches", &cursors[SPEECHES], key,
                      speech_fields, speech_columns, G_N_ELEMENTS (speech_fields));
      put_measures (&text, &cursors[MEASURES], key);
      put_session_plan (&text, stmt, &cursors[PLAN_SPEECHES], key);
      ok = put_evidence (rows, &text, key, column_text (stmt, MEETING_UUID),
                         column_text (stmt, MEETING_TITLE), error);
      sl_json_text_end_object (&text);

      if (ok && rows->buffer->len >= FLUSH_SIZE)
        {
          flush (rows);
          if (rows->failed (rows->data))
            break;
        }
    }

  if (ok)
    flush (rows);
  /* Stopped early by a failed write: the rows left are not out of order. */
  if (ok && meetings.rc == SQLITE_ROW)
    {
      meetings.rc = SQLITE_DONE;
      for (guint i = 0; i < N_CURSORS; i++)
        cursors[i].rc = SQLITE_DONE;
    }
  ok = cursor_finish (rows, &meetings, ok, error);
  for (guint i = 0; i < N_CURSORS; i++)
    ok = cursor_finish (rows, &cursors[i], ok, error);

  return ok;
}
