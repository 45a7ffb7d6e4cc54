/* sl-ledger-meetings.c — SlLedger's meetings and the rows inside them
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A meeting is saved whole (studies, attendance, guests, speeches,
 * measures) in one transaction, or a savepoint of the caller's; new
 * meetings, as in an import, skip the work that only an update needs.
 * Loaded on request: a year's meetings, with or without their rows.
 */

#define G_LOG_DOMAIN "sl-ledger"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "sl-attendance.h"
#include "sl-enums.h"
#include "sl-guest.h"
#include "sl-ledger.h"
#include "sl-ledger-guard.h"
#include "sl-evidence.h"
#include "sl-ledger-private.h"
#include "sl-ledger-saves.h"
#include "sl-ledger-extras.h"
#include "sl-measure.h"
#include "sl-meeting.h"
#include "sl-member.h"
#include "sl-speech.h"
#include "sl-study.h"
#include "sl-util.h"

/* Meetings ----------------------------------------------------------------- */

/* Binds a child row (a study, a measure) to the columns of its INSERT:
 * ?1 uuid, ?2 meeting, ?3 position, then the row's own fields, among which
 * @reference is the member key the caller resolved. */
typedef void (*BindChild) (sqlite3_stmt *stmt,
                           gpointer      row,
                           gint64        meeting,
                           guint         position,
                           gint64        reference);

/* Writes one child row. A row known to be new is inserted plainly, which
 * is cheaper; should its id exist after all (moved from another meeting),
 * it is upserted like any other. */
static gboolean
write_child (SlLedger     *self,
             const char   *insert_sql,
             const char   *upsert_sql,
             gboolean      fresh,
             BindChild     bind,
             SlRecord     *row,
             gint64        meeting,
             guint         position,
             gint64        reference,
             GError      **error)
{
  sqlite3_stmt *stmt;
  gint64 key = 0;

  if (fresh)
    {
      gboolean exists = FALSE;

      if (!(stmt = sl_database_prepare (self->database, insert_sql, error)))
        return FALSE;
      bind (stmt, row, meeting, position, reference);
      if (!sl_ledger_step_new_row (self, stmt, &key, &exists, error))
        return FALSE;
      if (!exists)
        {
          sl_record_set_key (row, key);
          return TRUE;
        }
    }

  if (!(stmt = sl_database_prepare (self->database, upsert_sql, error)))
    return FALSE;
  bind (stmt, row, meeting, position, reference);
  if (!sl_ledger_step_returning_key (self, stmt, &key, error))
    return FALSE;

  sl_record_set_key (row, key);
  return TRUE;
}

#define INSERT_STUDY \
  "INSERT INTO studies (uuid, meeting_id, position, title, source, " \
  "  published_on, lead_id, first_topic, summary) " \
  "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9) "

static void
bind_study (sqlite3_stmt *stmt,
            gpointer      row,
            gint64        meeting,
            guint         position,
            gint64        lead)
{
  SlStudy *study = row;

  sl_bind_text (stmt, 1, sl_record_get_id (SL_RECORD (study)));
  sl_bind_key (stmt, 2, meeting);
  sqlite3_bind_int (stmt, 3, position);
  sl_bind_text (stmt, 4, sl_study_get_title (study));
  sl_bind_text (stmt, 5, sl_study_get_source (study));
  sl_bind_text (stmt, 6, sl_study_get_published_on (study));
  sl_bind_key (stmt, 7, lead);
  sqlite3_bind_int (stmt, 8, sl_study_get_first_topic (study));
  sl_bind_text (stmt, 9, sl_study_get_summary (study));
}

static const char *
study_lead (gpointer row)
{
  return sl_study_get_lead (row);
}


#define ATTENDANCE_ROW "(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
#define INSERT_ATTENDANCE \
  "INSERT INTO attendance (meeting_id, member_id, position, status, leave_kind, reason, " \
  "  late, left_early, made_up, makeup_on, makeup_method, makeup_evidence) VALUES "
#define ATTENDANCE_COLUMNS 12

/* Rows of a new meeting go in eight at a time: a statement per row cost
 * as much again as the row itself (cursors opened, b-trees sought from
 * the root), and a meeting has dozens of rows. */
#define ATTENDANCE_BATCH 8
#define INSERT_ATTENDANCE_BATCH \
  INSERT_ATTENDANCE ATTENDANCE_ROW ", " ATTENDANCE_ROW ", " ATTENDANCE_ROW ", " ATTENDANCE_ROW ", " \
  ATTENDANCE_ROW ", " ATTENDANCE_ROW ", " ATTENDANCE_ROW ", " ATTENDANCE_ROW

static void
bind_attendance (sqlite3_stmt *stmt,
                 int           first,
                 gint64        meeting,
                 gint64        member,
                 guint         position,
                 SlAttendance *row)
{
  sl_bind_key (stmt, first + 1, meeting);
  sl_bind_key (stmt, first + 2, member);
  sqlite3_bind_int (stmt, first + 3, position);
  bind_enum (stmt, first + 4, SL_TYPE_ATTENDANCE_STATUS, sl_attendance_get_status (row));
  bind_enum (stmt, first + 5, SL_TYPE_LEAVE_KIND, sl_attendance_get_leave_kind (row));
  sl_bind_text (stmt, first + 6, sl_attendance_get_reason (row));
  sqlite3_bind_int (stmt, first + 7, sl_attendance_get_late (row));
  sqlite3_bind_int (stmt, first + 8, sl_attendance_get_left_early (row));
  sqlite3_bind_int (stmt, first + 9, sl_attendance_get_has_makeup (row));
  sl_bind_text (stmt, first + 10, sl_attendance_get_makeup_on (row));
  sl_bind_text (stmt, first + 11, sl_attendance_get_makeup_method (row));
  sl_bind_text (stmt, first + 12, sl_attendance_get_makeup_evidence (row));
}

static gboolean
save_attendance (SlLedger     *self,
                 gint64        meeting,
                 GListModel   *attendance,
                 SlSaveFlags   flags,
                 GError      **error)
{
  guint n = g_list_model_get_n_items (attendance);
  g_autoptr(GPtrArray) rows = g_ptr_array_new_full (n, g_object_unref);
  g_autofree gint64 *members = g_new0 (gint64, n + 1);
  g_autoptr(GHashTable) seen = NULL;
  gboolean batch = (flags & SAVE_NEW_RECORD) != 0;
  sqlite3_stmt *stmt;
  guint i = 0;

  if (!(flags & (SL_SAVE_MERGE | SAVE_NEW_RECORD)))
    {
      stmt = sl_database_prepare (self->database,
                                  "DELETE FROM attendance WHERE meeting_id = ?", error);
      if (stmt == NULL)
        return FALSE;
      sl_bind_key (stmt, 1, meeting);
      if (!sl_database_step_done (self->database, stmt, error))
        return FALSE;
    }

  if (batch)
    seen = g_hash_table_new (g_str_hash, g_str_equal);

  for (i = 0; i < n; i++)
    {
      SlAttendance *row = g_list_model_get_item (attendance, i);

      g_ptr_array_add (rows, row);

      if (sl_attendance_get_member (row) == NULL)
        {
          g_set_error (error, SL_LEDGER_ERROR, SL_LEDGER_ERROR_INVALID,
                       _("attendance[%u].member: an attendance row needs a member"), i);
          return FALSE;
        }

      if (sl_attendance_get_status (row) == SL_ATTENDANCE_STATUS_NONE)
        {
          g_set_error (error, SL_LEDGER_ERROR, SL_LEDGER_ERROR_INVALID,
                       _("attendance[%u].status: an attendance row needs a status"), i);
          return FALSE;
        }

      if (!sl_ledger_resolve_member (self, sl_attendance_get_member (row), "member", &members[i], error))
        {
          g_prefix_error (error, "attendance[%u].", i);
          return FALSE;
        }

      /* A member listed twice updates the first row, as one at a time. */
      if (batch && !g_hash_table_add (seen, (gpointer) sl_attendance_get_member (row)))
        batch = FALSE;
    }

  i = 0;
  if (batch)
    for (; i + ATTENDANCE_BATCH <= n; i += ATTENDANCE_BATCH)
      {
        if (!(stmt = sl_database_prepare (self->database, INSERT_ATTENDANCE_BATCH, error)))
          return FALSE;
        for (guint j = 0; j < ATTENDANCE_BATCH; j++)
          bind_attendance (stmt, j * ATTENDANCE_COLUMNS, meeting, members[i + j], i + j,
                           g_ptr_array_index (rows, i + j));
        if (!sl_database_step_done (self->database, stmt, error))
          {
            g_prefix_error (error, "attendance[%u]: ", i);
            return FALSE;
          }
      }

  for (; i < n; i++)
    {
      stmt = sl_database_prepare (self->database,
                                  INSERT_ATTENDANCE ATTENDANCE_ROW " "
                                  "ON CONFLICT (meeting_id, member_id) DO UPDATE SET "
                                  "  position = excluded.position, status = excluded.status, "
                                  "  leave_kind = excluded.leave_kind, reason = excluded.reason, "
                                  "  late = excluded.late, left_early = excluded.left_early, "
                                  "  made_up = excluded.made_up, makeup_on = excluded.makeup_on, "
                                  "  makeup_method = excluded.makeup_method, "
                                  "  makeup_evidence = excluded.makeup_evidence",
                                  error);
      if (stmt == NULL)
        return FALSE;

      bind_attendance (stmt, 0, meeting, members[i], i, g_ptr_array_index (rows, i));
      if (!sl_database_step_done (self->database, stmt, error))
        {
          g_prefix_error (error, "attendance[%u]: ", i);
          return FALSE;
        }
    }

  return TRUE;
}

static gboolean
save_guests (SlLedger    *self,
             gint64       meeting,
             GListModel  *guests,
             SlSaveFlags  flags,
             GError     **error)
{
  guint n = g_list_model_get_n_items (guests);
  sqlite3_stmt *stmt;

  if (!(flags & SAVE_NEW_RECORD))
    {
      stmt = sl_database_prepare (self->database, "DELETE FROM guests WHERE meeting_id = ?", error);
      if (stmt == NULL)
        return FALSE;
      sl_bind_key (stmt, 1, meeting);
      if (!sl_database_step_done (self->database, stmt, error))
        return FALSE;
    }

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(SlGuest) guest = g_list_model_get_item (guests, i);

      stmt = sl_database_prepare (self->database,
                                  "INSERT INTO guests (meeting_id, position, name, post) "
                                  "VALUES (?, ?, ?, ?)",
                                  error);
      if (stmt == NULL)
        return FALSE;
      sl_bind_key (stmt, 1, meeting);
      sqlite3_bind_int (stmt, 2, i);
      sl_bind_text (stmt, 3, sl_guest_get_name (guest));
      sl_bind_text (stmt, 4, sl_guest_get_post (guest));
      if (!sl_database_step_done (self->database, stmt, error))
        return FALSE;
    }

  return TRUE;
}

static gboolean
save_speeches (SlLedger    *self,
               gint64       meeting,
               GListModel  *speeches,
               SlSaveFlags  flags,
               GError     **error)
{
  guint n = g_list_model_get_n_items (speeches);
  sqlite3_stmt *stmt;

  if (!(flags & SAVE_NEW_RECORD))
    {
      stmt = sl_database_prepare (self->database, "DELETE FROM speeches WHERE meeting_id = ?", error);
      if (stmt == NULL)
        return FALSE;
      sl_bind_key (stmt, 1, meeting);
      if (!sl_database_step_done (self->database, stmt, error))
        return FALSE;
    }

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(SlSpeech) speech = g_list_model_get_item (speeches, i);
      gint64 speaker = 0;

      if (!sl_ledger_resolve_member (self, sl_speech_get_speaker (speech), "speaker", &speaker, error))
        {
          g_prefix_error (error, "speeches[%u].", i);
          return FALSE;
        }

      stmt = sl_database_prepare (self->database,
                                  "INSERT INTO speeches (meeting_id, position, speaker_id, "
                                  "  speaker_name, points) VALUES (?, ?, ?, ?, ?)",
                                  error);
      if (stmt == NULL)
        return FALSE;
      sl_bind_key (stmt, 1, meeting);
      sqlite3_bind_int (stmt, 2, i);
      sl_bind_key (stmt, 3, speaker);
      sl_bind_text (stmt, 4, sl_speech_get_speaker_name (speech));
      sl_bind_text (stmt, 5, sl_speech_get_points (speech));
      if (!sl_database_step_done (self->database, stmt, error))
        return FALSE;
    }

  return TRUE;
}

#define INSERT_MEASURE \
  "INSERT INTO measures (uuid, meeting_id, position, text, owner_id, " \
  "  department, due_on, status, done_on, progress) " \
  "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10) "

static void
bind_measure (sqlite3_stmt *stmt,
              gpointer      row,
              gint64        meeting,
              guint         position,
              gint64        owner)
{
  SlMeasure *measure = row;

  sl_bind_text (stmt, 1, sl_record_get_id (SL_RECORD (measure)));
  sl_bind_key (stmt, 2, meeting);
  sqlite3_bind_int (stmt, 3, position);
  sl_bind_text (stmt, 4, sl_measure_get_text (measure));
  sl_bind_key (stmt, 5, owner);
  sl_bind_text (stmt, 6, sl_measure_get_department (measure));
  sl_bind_text (stmt, 7, sl_measure_get_due_on (measure));
  bind_enum (stmt, 8, SL_TYPE_MEASURE_STATUS, sl_measure_get_status (measure));
  sl_bind_text (stmt, 9, sl_measure_get_done_on (measure));
  sl_bind_text (stmt, 10, sl_measure_get_progress (measure));
}

static const char *
measure_owner (gpointer row)
{
  return sl_measure_get_owner (row);
}

/* Studies and measures: rows with ids of their own, naming a member. */
typedef struct
{
  const char  *list;            /* "studies", for messages */
  const char  *reference;       /* the member's field: "lead" */
  const char *(*get_reference) (gpointer row);
  const char  *delete_missing;  /* rows of the meeting not in the list */
  const char  *insert;
  const char  *upsert;
  BindChild    bind;
} ChildKind;

static const ChildKind studies_kind = {
  "studies", "lead", study_lead,
  "DELETE FROM studies WHERE meeting_id = ?1 "
  "AND uuid NOT IN (SELECT value FROM json_each (?2))",
  INSERT_STUDY,
  INSERT_STUDY
  "ON CONFLICT (uuid) DO UPDATE SET meeting_id = excluded.meeting_id, "
  "  position = excluded.position, title = excluded.title, "
  "  source = excluded.source, published_on = excluded.published_on, "
  "  lead_id = excluded.lead_id, first_topic = excluded.first_topic, "
  "  summary = excluded.summary "
  "RETURNING id",
  bind_study,
};

static const ChildKind measures_kind = {
  "measures", "owner", measure_owner,
  "DELETE FROM measures WHERE meeting_id = ?1 "
  "AND uuid NOT IN (SELECT value FROM json_each (?2))",
  INSERT_MEASURE,
  INSERT_MEASURE
  "ON CONFLICT (uuid) DO UPDATE SET meeting_id = excluded.meeting_id, "
  "  position = excluded.position, text = excluded.text, "
  "  owner_id = excluded.owner_id, department = excluded.department, "
  "  due_on = excluded.due_on, status = excluded.status, "
  "  done_on = excluded.done_on, progress = excluded.progress "
  "RETURNING id",
  bind_measure,
};

static gboolean
save_children (SlLedger        *self,
               gint64           meeting,
               GListModel      *rows,
               SlSaveFlags      flags,
               const ChildKind *kind,
               GError         **error)
{
  guint n = g_list_model_get_n_items (rows);

  if (!(flags & (SL_SAVE_MERGE | SAVE_NEW_RECORD)) &&
      !sl_ledger_delete_missing (self, kind->delete_missing, meeting, rows, error))
    return FALSE;

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(SlRecord) row = g_list_model_get_item (rows, i);
      gint64 member = 0;

      if (!sl_ledger_resolve_member (self, kind->get_reference (row), kind->reference,
                                     &member, error))
        {
          g_prefix_error (error, "%s[%u].", kind->list, i);
          return FALSE;
        }

      if (!write_child (self, kind->insert, kind->upsert,
                        (flags & SAVE_NEW_ROWS) == SAVE_NEW_ROWS, kind->bind,
                        row, meeting, i, member, error))
        return FALSE;
    }

  return TRUE;
}

static gboolean
save_meeting (SlLedger     *self,
              SlMeeting    *meeting,
              SlSaveFlags   flags,
              GError      **error)
{
  sqlite3_stmt *stmt;
  gint64 organization = 0, chair = 0, recorder = 0, plan_item = 0;
  gint64 key = 0;

  if (!sl_date_is_valid (sl_meeting_get_date (meeting)))
    {
      g_set_error (error, SL_LEDGER_ERROR, SL_LEDGER_ERROR_INVALID,
                   _("date: a meeting needs a real date written as YYYY-MM-DD"));
      return FALSE;
    }

  if (sl_meeting_get_start (meeting) != NULL && sl_meeting_get_end (meeting) != NULL &&
      g_strcmp0 (sl_meeting_get_end (meeting), sl_meeting_get_start (meeting)) < 0)
    {
      g_set_error (error, SL_LEDGER_ERROR, SL_LEDGER_ERROR_INVALID,
                   _("end: the meeting ends (%s) before it starts (%s)"),
                   sl_meeting_get_end (meeting), sl_meeting_get_start (meeting));
      return FALSE;
    }

  for (guint i = 0; i < g_list_model_get_n_items (sl_meeting_get_attendance (meeting)); i++)
    {
      g_autoptr(SlAttendance) row = g_list_model_get_item (sl_meeting_get_attendance (meeting), i);
      const char *made_up_on = sl_attendance_get_makeup_on (row);

      if (sl_attendance_get_has_makeup (row) && made_up_on != NULL &&
          g_strcmp0 (made_up_on, sl_meeting_get_date (meeting)) < 0)
        {
          g_set_error (error, SL_LEDGER_ERROR, SL_LEDGER_ERROR_INVALID,
                       _("attendance[%u].makeup.on: the make-up study (%s) is before the meeting (%s)"),
                       i, made_up_on, sl_meeting_get_date (meeting));
          return FALSE;
        }
    }

  if (sl_meeting_get_kind (meeting) == SL_MEETING_KIND_NONE)
    {
      g_set_error (error, SL_LEDGER_ERROR, SL_LEDGER_ERROR_INVALID,
                   _("kind: a meeting needs a kind"));
      return FALSE;
    }

  if (sl_meeting_get_organization (meeting) == NULL)
    {
      g_set_error (error, SL_LEDGER_ERROR, SL_LEDGER_ERROR_INVALID,
                   _("organization: a meeting needs an organization"));
      return FALSE;
    }

  if (!sl_ledger_resolve (self, RESOLVE_ORGANIZATION, sl_meeting_get_organization (meeting),
                "organization", &organization, error) ||
      !sl_ledger_resolve_member (self, sl_meeting_get_chair (meeting), "chair", &chair, error) ||
      !sl_ledger_resolve_member (self, sl_meeting_get_recorder (meeting), "recorder", &recorder, error) ||
      !sl_ledger_resolve (self, RESOLVE_PLAN_ITEM, sl_meeting_get_plan_item (meeting), "plan_item", &plan_item, error))
    return FALSE;

  if (sl_ledger_is_new (self, RESOLVE_MEETING, sl_record_get_id (SL_RECORD (meeting))))
    flags |= (flags & SL_SAVE_MERGE) ? SAVE_NEW_RECORD : SAVE_NEW_ROWS;

#define INSERT_MEETING \
  "INSERT INTO meetings (uuid, organization_id, kind, sequence, title, " \
  "  date, start_time, end_time, place, chair_id, recorder_id, form, " \
  "  theme, expanded, plan_item_id, chair_summary, decisions, note) " \
  "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, " \
  "  ?14, ?15, ?16, ?17, ?18) "
  stmt = sl_database_prepare (self->database,
                              (flags & SAVE_NEW_RECORD) ? INSERT_MEETING :
                              INSERT_MEETING
                              "ON CONFLICT (uuid) DO UPDATE SET "
                              "  organization_id = excluded.organization_id, kind = excluded.kind, "
                              "  sequence = excluded.sequence, title = excluded.title, "
                              "  date = excluded.date, start_time = excluded.start_time, "
                              "  end_time = excluded.end_time, place = excluded.place, "
                              "  chair_id = excluded.chair_id, recorder_id = excluded.recorder_id, "
                              "  form = excluded.form, theme = excluded.theme, "
                              "  expanded = excluded.expanded, plan_item_id = excluded.plan_item_id, "
                              "  chair_summary = excluded.chair_summary, "
                              "  decisions = excluded.decisions, note = excluded.note "
                              "RETURNING id",
                              error);
  if (stmt == NULL)
    return FALSE;

  sl_bind_text (stmt, 1, sl_record_get_id (SL_RECORD (meeting)));
  sl_bind_key (stmt, 2, organization);
  bind_enum (stmt, 3, SL_TYPE_MEETING_KIND, sl_meeting_get_kind (meeting));
  bind_positive (stmt, 4, sl_meeting_get_sequence (meeting));
  sl_bind_text (stmt, 5, sl_meeting_get_title (meeting));
  sl_bind_text (stmt, 6, sl_meeting_get_date (meeting));
  sl_bind_text (stmt, 7, sl_meeting_get_start (meeting));
  sl_bind_text (stmt, 8, sl_meeting_get_end (meeting));
  sl_bind_text (stmt, 9, sl_meeting_get_place (meeting));
  sl_bind_key (stmt, 10, chair);
  sl_bind_key (stmt, 11, recorder);
  bind_enum (stmt, 12, SL_TYPE_STUDY_FORM, sl_meeting_get_form (meeting));
  sl_bind_text (stmt, 13, sl_meeting_get_theme (meeting));
  sqlite3_bind_int (stmt, 14, sl_meeting_get_expanded (meeting));
  sl_bind_key (stmt, 15, plan_item);
  sl_bind_text (stmt, 16, sl_meeting_get_chair_summary (meeting));
  sl_bind_text (stmt, 17, sl_meeting_get_decisions (meeting));
  sl_bind_text (stmt, 18, sl_meeting_get_note (meeting));
#undef INSERT_MEETING

  if ((flags & SAVE_NEW_RECORD) ? !sl_database_step_done (self->database, stmt, error)
                                : !sl_ledger_step_returning_key (self, stmt, &key, error))
    return FALSE;
  if (flags & SAVE_NEW_RECORD)
    key = sqlite3_last_insert_rowid (sl_database_get_handle (self->database));
  sl_record_set_key (SL_RECORD (meeting), key);

  return save_children (self, key, sl_meeting_get_studies (meeting), flags, &studies_kind, error) &&
         save_attendance (self, key, sl_meeting_get_attendance (meeting), flags, error) &&
         save_guests (self, key, sl_meeting_get_guests (meeting), flags, error) &&
         save_speeches (self, key, sl_meeting_get_speeches (meeting), flags, error) &&
         save_children (self, key, sl_meeting_get_measures (meeting), flags, &measures_kind, error) &&
         sl_ledger_save_meeting_extras (self, key, meeting, flags, error);
}

/* A final meeting changes only with a reason, a meeting of a locked year
 * not at all (sl-evidence.c). */
static gboolean
save_guarded (SlLedger     *self,
              SlMeeting    *meeting,
              SlSaveFlags   flags,
              GError      **error)
{
  SlMeetingChange *change = sl_evidence_change_begin (self, sl_record_get_id (SL_RECORD (meeting)),
                                                      NULL, NULL, error);
  gboolean ok;

  if (change == NULL)
    return FALSE;

  ok = save_meeting (self, meeting, flags, error);
  return sl_evidence_change_end (self, change, ok, ok ? error : NULL) && ok;
}

static gboolean
save_meeting_record (SlLedger     *self,
                     SlRecord     *record,
                     SlSaveFlags   flags,
                     GError      **error)
{
  return save_guarded (self, SL_MEETING (record), flags, error);
}

gboolean
sl_ledger_save_meeting (SlLedger     *self,
                        SlMeeting    *meeting,
                        SlSaveFlags   flags,
                        GError      **error)
{
  g_return_val_if_fail (SL_IS_LEDGER (self), FALSE);
  g_return_val_if_fail (SL_IS_MEETING (meeting), FALSE);

  return sl_ledger_save_with_flags (self, SL_RECORD (meeting), flags,
                                    save_meeting_record, error);
}

#define SELECT_MEETINGS \
  "SELECT m.id, m.uuid, o.uuid, m.kind, m.sequence, m.title, m.date, m.start_time, " \
  "  m.end_time, m.place, c.uuid, r.uuid, m.form, m.theme, m.expanded, pi.uuid, " \
  "  m.chair_summary, m.decisions, m.note, m.change_count " \
  "FROM meetings m JOIN organizations o ON o.id = m.organization_id " \
  "  LEFT JOIN members c ON c.id = m.chair_id " \
  "  LEFT JOIN members r ON r.id = m.recorder_id " \
  "  LEFT JOIN plan_items pi ON pi.id = m.plan_item_id "

static SlMeeting *
read_meeting_row (sqlite3_stmt *stmt)
{
  SlMeeting *meeting = sl_meeting_new ();

  sl_record_set_key (SL_RECORD (meeting), sqlite3_column_int64 (stmt, 0));
  sl_record_set_id (SL_RECORD (meeting), column_text (stmt, 1));
  sl_meeting_set_organization (meeting, column_text (stmt, 2));
  sl_meeting_set_kind (meeting, column_enum (stmt, 3, SL_TYPE_MEETING_KIND));
  sl_meeting_set_sequence (meeting, sqlite3_column_int (stmt, 4));
  sl_meeting_set_title (meeting, column_text (stmt, 5));
  sl_meeting_set_date (meeting, column_text (stmt, 6));
  sl_meeting_set_start (meeting, column_text (stmt, 7));
  sl_meeting_set_end (meeting, column_text (stmt, 8));
  sl_meeting_set_place (meeting, column_text (stmt, 9));
  sl_meeting_set_chair (meeting, column_text (stmt, 10));
  sl_meeting_set_recorder (meeting, column_text (stmt, 11));
  sl_meeting_set_form (meeting, column_enum (stmt, 12, SL_TYPE_STUDY_FORM));
  sl_meeting_set_theme (meeting, column_text (stmt, 13));
  sl_meeting_set_expanded (meeting, sqlite3_column_int (stmt, 14));
  sl_meeting_set_plan_item (meeting, column_text (stmt, 15));
  sl_meeting_set_chair_summary (meeting, column_text (stmt, 16));
  sl_meeting_set_decisions (meeting, column_text (stmt, 17));
  sl_meeting_set_note (meeting, column_text (stmt, 18));
  sl_record_set_change_count (SL_RECORD (meeting), sqlite3_column_int64 (stmt, 19));

  return meeting;
}

static void
replace_items (GListModel *model,
               GPtrArray  *items)
{
  g_list_store_splice (G_LIST_STORE (model), 0, g_list_model_get_n_items (model),
                       items->pdata, items->len);
}

gboolean
sl_ledger_load_meeting_details (SlLedger   *self,
                                SlMeeting  *meeting,
                                GError    **error)
{
  g_autoptr(GPtrArray) studies = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GPtrArray) attendance = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GPtrArray) guests = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GPtrArray) speeches = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GPtrArray) measures = g_ptr_array_new_with_free_func (g_object_unref);
  gint64 key;
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (SL_IS_LEDGER (self), FALSE);
  g_return_val_if_fail (SL_IS_MEETING (meeting), FALSE);

  key = sl_record_get_key (SL_RECORD (meeting));

  stmt = sl_database_prepare (self->database,
                              "SELECT s.id, s.uuid, s.title, s.source, s.published_on, l.uuid, "
                              "  s.first_topic, s.summary "
                              "FROM studies s LEFT JOIN members l ON l.id = s.lead_id "
                              "WHERE s.meeting_id = ? ORDER BY s.position, s.id",
                              error);
  if (stmt == NULL)
    return FALSE;
  sl_bind_key (stmt, 1, key);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      SlStudy *study = sl_study_new ();

      sl_record_set_key (SL_RECORD (study), sqlite3_column_int64 (stmt, 0));
      sl_record_set_id (SL_RECORD (study), column_text (stmt, 1));
      sl_study_set_title (study, column_text (stmt, 2));
      sl_study_set_source (study, column_text (stmt, 3));
      sl_study_set_published_on (study, column_text (stmt, 4));
      sl_study_set_lead (study, column_text (stmt, 5));
      sl_study_set_first_topic (study, sqlite3_column_int (stmt, 6));
      sl_study_set_summary (study, column_text (stmt, 7));
      g_ptr_array_add (studies, study);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    return sl_database_set_error (self->database, rc, error);

  stmt = sl_database_prepare (self->database,
                              "SELECT mb.uuid, a.status, a.leave_kind, a.reason, a.late, "
                              "  a.left_early, a.made_up, a.makeup_on, a.makeup_method, "
                              "  a.makeup_evidence "
                              "FROM attendance a JOIN members mb ON mb.id = a.member_id "
                              "WHERE a.meeting_id = ? ORDER BY a.position, a.member_id",
                              error);
  if (stmt == NULL)
    return FALSE;
  sl_bind_key (stmt, 1, key);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      SlAttendance *row = sl_attendance_new ();

      sl_attendance_set_member (row, column_text (stmt, 0));
      sl_attendance_set_status (row, column_enum (stmt, 1, SL_TYPE_ATTENDANCE_STATUS));
      sl_attendance_set_leave_kind (row, column_enum (stmt, 2, SL_TYPE_LEAVE_KIND));
      sl_attendance_set_reason (row, column_text (stmt, 3));
      sl_attendance_set_late (row, sqlite3_column_int (stmt, 4));
      sl_attendance_set_left_early (row, sqlite3_column_int (stmt, 5));
      sl_attendance_set_has_makeup (row, sqlite3_column_int (stmt, 6));
      sl_attendance_set_makeup_on (row, column_text (stmt, 7));
      sl_attendance_set_makeup_method (row, column_text (stmt, 8));
      sl_attendance_set_makeup_evidence (row, column_text (stmt, 9));
      g_ptr_array_add (attendance, row);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    return sl_database_set_error (self->database, rc, error);

  stmt = sl_database_prepare (self->database,
                              "SELECT name, post FROM guests WHERE meeting_id = ? ORDER BY position",
                              error);
  if (stmt == NULL)
    return FALSE;
  sl_bind_key (stmt, 1, key);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      SlGuest *guest = sl_guest_new ();

      sl_guest_set_name (guest, column_text (stmt, 0));
      sl_guest_set_post (guest, column_text (stmt, 1));
      g_ptr_array_add (guests, guest);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    return sl_database_set_error (self->database, rc, error);

  stmt = sl_database_prepare (self->database,
                              "SELECT mb.uuid, s.speaker_name, s.points "
                              "FROM speeches s LEFT JOIN members mb ON mb.id = s.speaker_id "
                              "WHERE s.meeting_id = ? ORDER BY s.position, s.id",
                              error);
  if (stmt == NULL)
    return FALSE;
  sl_bind_key (stmt, 1, key);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      SlSpeech *speech = sl_speech_new ();

      sl_speech_set_speaker (speech, column_text (stmt, 0));
      sl_speech_set_speaker_name (speech, column_text (stmt, 1));
      sl_speech_set_points (speech, column_text (stmt, 2));
      g_ptr_array_add (speeches, speech);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    return sl_database_set_error (self->database, rc, error);

  stmt = sl_database_prepare (self->database,
                              "SELECT x.id, x.uuid, x.text, o.uuid, x.department, x.due_on, "
                              "  x.status, x.done_on, x.progress "
                              "FROM measures x LEFT JOIN members o ON o.id = x.owner_id "
                              "WHERE x.meeting_id = ? ORDER BY x.position, x.id",
                              error);
  if (stmt == NULL)
    return FALSE;
  sl_bind_key (stmt, 1, key);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      SlMeasure *measure = sl_measure_new ();

      sl_record_set_key (SL_RECORD (measure), sqlite3_column_int64 (stmt, 0));
      sl_record_set_id (SL_RECORD (measure), column_text (stmt, 1));
      sl_measure_set_text (measure, column_text (stmt, 2));
      sl_measure_set_owner (measure, column_text (stmt, 3));
      sl_measure_set_department (measure, column_text (stmt, 4));
      sl_measure_set_due_on (measure, column_text (stmt, 5));
      sl_measure_set_status (measure, column_enum (stmt, 6, SL_TYPE_MEASURE_STATUS));
      sl_measure_set_done_on (measure, column_text (stmt, 7));
      sl_measure_set_progress (measure, column_text (stmt, 8));
      g_ptr_array_add (measures, measure);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    return sl_database_set_error (self->database, rc, error);

  replace_items (sl_meeting_get_studies (meeting), studies);
  replace_items (sl_meeting_get_attendance (meeting), attendance);
  replace_items (sl_meeting_get_guests (meeting), guests);
  replace_items (sl_meeting_get_speeches (meeting), speeches);
  replace_items (sl_meeting_get_measures (meeting), measures);

  return sl_ledger_load_meeting_extras (self, meeting, error);
}

GPtrArray *
sl_ledger_load_meetings (SlLedger    *self,
                         int          year,
                         const char  *organization,
                         gboolean     with_details,
                         GError     **error)
{
  g_autoptr(GPtrArray) meetings = g_ptr_array_new_with_free_func (g_object_unref);
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (SL_IS_LEDGER (self), NULL);

  /* One statement per case: SQLite cannot use the index on year for
   * "?1 = 0 OR m.year = ?1", and read every meeting of every year to
   * export or show one (docs/performance.md). */
  if (year > 0)
    stmt = sl_database_prepare (self->database,
                                SELECT_MEETINGS
                                "WHERE m.year = ?1 AND (?2 IS NULL OR o.uuid = ?2) "
                                "ORDER BY m.date, m.start_time, m.id",
                                error);
  else
    stmt = sl_database_prepare (self->database,
                                SELECT_MEETINGS
                                "WHERE (?2 IS NULL OR o.uuid = ?2) "
                                "ORDER BY m.date, m.start_time, m.id",
                                error);
  if (stmt == NULL)
    return NULL;

  sqlite3_bind_int (stmt, 1, year);
  sl_bind_text (stmt, 2, organization);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (meetings, read_meeting_row (stmt));
  sqlite3_reset (stmt);

  if (rc != SQLITE_DONE)
    {
      sl_database_set_error (self->database, rc, error);
      return NULL;
    }

  if (with_details)
    {
      /* One read transaction for the lot: outside one, SQLite locks and
       * unlocks the file around each of the five statements per meeting. */
      gboolean own = sqlite3_get_autocommit (sl_database_get_handle (self->database));
      gboolean ok = TRUE;

      if (own && !sl_database_exec (self->database, "BEGIN", error))
        return NULL;
      for (guint i = 0; ok && i < meetings->len; i++)
        ok = sl_ledger_load_meeting_details (self, g_ptr_array_index (meetings, i), error);
      if (own)
        sl_database_exec (self->database, "COMMIT", NULL);
      if (!ok)
        return NULL;
    }

  return g_steal_pointer (&meetings);
}

SlMeeting *
sl_ledger_load_meeting (SlLedger    *self,
                        const char  *id,
                        GError     **error)
{
  g_autoptr(SlMeeting) meeting = NULL;
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (SL_IS_LEDGER (self), NULL);
  g_return_val_if_fail (id != NULL, NULL);

  stmt = sl_database_prepare (self->database, SELECT_MEETINGS "WHERE m.uuid = ?", error);
  if (stmt == NULL)
    return NULL;

  sl_bind_text (stmt, 1, id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    meeting = read_meeting_row (stmt);
  sqlite3_reset (stmt);

  if (rc != SQLITE_ROW && rc != SQLITE_DONE)
    {
      sl_database_set_error (self->database, rc, error);
      return NULL;
    }

  if (meeting == NULL)
    {
      g_set_error (error, SL_LEDGER_ERROR, SL_LEDGER_ERROR_NOT_FOUND,
                   _("No meeting has the id %s; `study-ledger search` lists meetings with their ids"),
                   id);
      return NULL;
    }

  if (!sl_ledger_load_meeting_details (self, meeting, error))
    return NULL;

  return g_steal_pointer (&meeting);
}
