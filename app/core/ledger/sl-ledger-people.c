/* sl-ledger-people.c — the topic pool, talks, branch reports and study notes
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Four flat records of archive version 2, each one row: saved by id (a
 * new id adds, a known one updates), loaded whole. References are kept as
 * keys and read back as the ids they name; a topic's planned meeting is
 * kept as the meeting's id, and read back only while that meeting exists.
 */

#define G_LOG_DOMAIN "sl-ledger"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "sl-branch-report.h"
#include "sl-ledger-people.h"
#include "sl-ledger-private.h"
#include "sl-study-note.h"
#include "sl-talk.h"
#include "sl-topic.h"
#include "sl-util.h"

static gboolean
needs (const char  *value,
       const char  *message,
       GError     **error)
{
  if (value != NULL)
    return TRUE;

  g_set_error_literal (error, SL_LEDGER_ERROR, SL_LEDGER_ERROR_INVALID, message);
  return FALSE;
}

static gboolean
finish_save (SlLedger      *self,
             sqlite3_stmt  *stmt,
             gpointer       record,
             GError       **error)
{
  gint64 key = 0;

  if (!sl_ledger_step_returning_key (self, stmt, &key, error))
    return FALSE;

  sl_record_set_key (SL_RECORD (record), key);
  return TRUE;
}

/* Saving ------------------------------------------------------------------- */

gboolean
sl_ledger_save_topic (SlLedger  *self,
                      SlTopic   *topic,
                      GError   **error)
{
  gint64 organization = 0;
  sqlite3_stmt *stmt;

  g_return_val_if_fail (SL_IS_LEDGER (self), FALSE);
  g_return_val_if_fail (SL_IS_TOPIC (topic), FALSE);

  if (!needs (sl_topic_get_organization (topic),
              _("A topic-pool item needs the organization whose pool it is in"), error) ||
      !sl_ledger_resolve (self, RESOLVE_ORGANIZATION, sl_topic_get_organization (topic),
                          "organization", &organization, error))
    return FALSE;

  stmt = sl_database_prepare (self->database,
                              "INSERT INTO topics (uuid, organization_id, title, source_kind, source, "
                              "  published_on, received_on, planned_meeting, note) "
                              "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9) "
                              "ON CONFLICT (uuid) DO UPDATE SET "
                              "  organization_id = excluded.organization_id, title = excluded.title, "
                              "  source_kind = excluded.source_kind, source = excluded.source, "
                              "  published_on = excluded.published_on, "
                              "  received_on = excluded.received_on, "
                              "  planned_meeting = excluded.planned_meeting, note = excluded.note "
                              "RETURNING id",
                              error);
  if (stmt == NULL)
    return FALSE;

  sl_bind_text (stmt, 1, sl_record_get_id (SL_RECORD (topic)));
  sl_bind_key (stmt, 2, organization);
  sl_bind_text (stmt, 3, sl_topic_get_title (topic));
  bind_enum (stmt, 4, SL_TYPE_TOPIC_SOURCE, sl_topic_get_source_kind (topic));
  sl_bind_text (stmt, 5, sl_topic_get_source (topic));
  sl_bind_text (stmt, 6, sl_topic_get_published_on (topic));
  sl_bind_text (stmt, 7, sl_topic_get_received_on (topic));
  sl_bind_text (stmt, 8, sl_topic_get_planned_meeting (topic));
  sl_bind_text (stmt, 9, sl_topic_get_note (topic));

  return finish_save (self, stmt, topic, error);
}

gboolean
sl_ledger_save_talk (SlLedger  *self,
                     SlTalk    *talk,
                     GError   **error)
{
  gint64 organization = 0, initiator = 0, counterpart = 0;
  sqlite3_stmt *stmt;

  g_return_val_if_fail (SL_IS_LEDGER (self), FALSE);
  g_return_val_if_fail (SL_IS_TALK (talk), FALSE);

  if (!needs (sl_talk_get_organization (talk),
              _("A talk needs the organization that keeps its record"), error) ||
      !sl_ledger_resolve (self, RESOLVE_ORGANIZATION, sl_talk_get_organization (talk),
                          "organization", &organization, error) ||
      !sl_ledger_resolve_member (self, sl_talk_get_initiator (talk), "initiator", &initiator, error) ||
      !sl_ledger_resolve_member (self, sl_talk_get_counterpart (talk), "counterpart",
                                 &counterpart, error))
    return FALSE;

  stmt = sl_database_prepare (self->database,
                              "INSERT INTO talks (uuid, organization_id, date, place, initiator_id, "
                              "  counterpart_id, counterpart_name, form, kind, topic, points, follow_up) "
                              "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12) "
                              "ON CONFLICT (uuid) DO UPDATE SET "
                              "  organization_id = excluded.organization_id, date = excluded.date, "
                              "  place = excluded.place, initiator_id = excluded.initiator_id, "
                              "  counterpart_id = excluded.counterpart_id, "
                              "  counterpart_name = excluded.counterpart_name, form = excluded.form, "
                              "  kind = excluded.kind, topic = excluded.topic, "
                              "  points = excluded.points, follow_up = excluded.follow_up "
                              "RETURNING id",
                              error);
  if (stmt == NULL)
    return FALSE;

  sl_bind_text (stmt, 1, sl_record_get_id (SL_RECORD (talk)));
  sl_bind_key (stmt, 2, organization);
  sl_bind_text (stmt, 3, sl_talk_get_date (talk));
  sl_bind_text (stmt, 4, sl_talk_get_place (talk));
  sl_bind_key (stmt, 5, initiator);
  sl_bind_key (stmt, 6, counterpart);
  sl_bind_text (stmt, 7, sl_talk_get_counterpart_name (talk));
  bind_enum (stmt, 8, SL_TYPE_TALK_FORM, sl_talk_get_form (talk));
  bind_enum (stmt, 9, SL_TYPE_TALK_KIND, sl_talk_get_kind (talk));
  sl_bind_text (stmt, 10, sl_talk_get_topic (talk));
  sl_bind_text (stmt, 11, sl_talk_get_points (talk));
  sl_bind_text (stmt, 12, sl_talk_get_follow_up (talk));

  return finish_save (self, stmt, talk, error);
}

/* "YYYY-H1" or "YYYY-H2" */
static gboolean
period_is_valid (const char *period)
{
  return period != NULL && strlen (period) == 7 &&
         g_ascii_isdigit (period[0]) && g_ascii_isdigit (period[1]) &&
         g_ascii_isdigit (period[2]) && g_ascii_isdigit (period[3]) &&
         period[4] == '-' && period[5] == 'H' && (period[6] == '1' || period[6] == '2') &&
         strncmp (period, "0000", 4) != 0;
}

gboolean
sl_ledger_save_branch_report (SlLedger        *self,
                              SlBranchReport  *report,
                              GError         **error)
{
  gint64 organization = 0;
  sqlite3_stmt *stmt;

  g_return_val_if_fail (SL_IS_LEDGER (self), FALSE);
  g_return_val_if_fail (SL_IS_BRANCH_REPORT (report), FALSE);

  if (!needs (sl_branch_report_get_organization (report),
              _("A branch report needs the branch that reports"), error) ||
      !sl_ledger_resolve (self, RESOLVE_ORGANIZATION, sl_branch_report_get_organization (report),
                          "organization", &organization, error))
    return FALSE;

  if (!period_is_valid (sl_branch_report_get_period (report)))
    {
      g_set_error (error, SL_LEDGER_ERROR, SL_LEDGER_ERROR_INVALID,
                   _("period: “%s” is not a half-year; write YYYY-H1 or YYYY-H2"),
                   sl_branch_report_get_period (report) ? sl_branch_report_get_period (report) : "");
      return FALSE;
    }

  stmt = sl_database_prepare (self->database,
                              "INSERT INTO branch_reports (uuid, organization_id, period, received_on, "
                              "  title, note) VALUES (?1, ?2, ?3, ?4, ?5, ?6) "
                              "ON CONFLICT (uuid) DO UPDATE SET "
                              "  organization_id = excluded.organization_id, period = excluded.period, "
                              "  received_on = excluded.received_on, title = excluded.title, "
                              "  note = excluded.note "
                              "RETURNING id",
                              error);
  if (stmt == NULL)
    return FALSE;

  sl_bind_text (stmt, 1, sl_record_get_id (SL_RECORD (report)));
  sl_bind_key (stmt, 2, organization);
  sl_bind_text (stmt, 3, sl_branch_report_get_period (report));
  sl_bind_text (stmt, 4, sl_branch_report_get_received_on (report));
  sl_bind_text (stmt, 5, sl_branch_report_get_title (report));
  sl_bind_text (stmt, 6, sl_branch_report_get_note (report));

  return finish_save (self, stmt, report, error);
}

gboolean
sl_ledger_save_study_note (SlLedger     *self,
                           SlStudyNote  *note,
                           GError      **error)
{
  gint64 member = 0;
  sqlite3_stmt *stmt;

  g_return_val_if_fail (SL_IS_LEDGER (self), FALSE);
  g_return_val_if_fail (SL_IS_STUDY_NOTE (note), FALSE);

  if (!needs (sl_study_note_get_member (note), _("A study note needs the member who wrote it"), error) ||
      !sl_ledger_resolve_member (self, sl_study_note_get_member (note), "member", &member, error))
    return FALSE;

  stmt = sl_database_prepare (self->database,
                              "INSERT INTO study_notes (uuid, member_id, date, kind, title, size, "
                              "  checked_by, checked_on) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8) "
                              "ON CONFLICT (uuid) DO UPDATE SET "
                              "  member_id = excluded.member_id, date = excluded.date, "
                              "  kind = excluded.kind, title = excluded.title, size = excluded.size, "
                              "  checked_by = excluded.checked_by, checked_on = excluded.checked_on "
                              "RETURNING id",
                              error);
  if (stmt == NULL)
    return FALSE;

  sl_bind_text (stmt, 1, sl_record_get_id (SL_RECORD (note)));
  sl_bind_key (stmt, 2, member);
  sl_bind_text (stmt, 3, sl_study_note_get_date (note));
  bind_enum (stmt, 4, SL_TYPE_STUDY_NOTE_KIND, sl_study_note_get_kind (note));
  sl_bind_text (stmt, 5, sl_study_note_get_title (note));
  sl_bind_text (stmt, 6, sl_study_note_get_size (note));
  sl_bind_text (stmt, 7, sl_study_note_get_checked_by (note));
  sl_bind_text (stmt, 8, sl_study_note_get_checked_on (note));

  return finish_save (self, stmt, note, error);
}

/* Loading ------------------------------------------------------------------ */

/* Each row of @stmt (prepared, its parameters bound) read into a new
 * object of @type: column 0 the key, 1 the id, then one column per property
 * named in @properties (NULL-terminated), a code for an enum property and
 * text for the rest. Resets @stmt. */
static GPtrArray *
load_rows (SlLedger            *self,
           sqlite3_stmt        *stmt,
           GType                type,
           const char * const  *properties,
           GError             **error)
{
  g_autoptr(GPtrArray) records = g_ptr_array_new_with_free_func (g_object_unref);
  GObjectClass *klass = g_type_class_ref (type);
  int rc;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      GObject *record = g_object_new (type, NULL);

      sl_record_set_key (SL_RECORD (record), sqlite3_column_int64 (stmt, 0));
      sl_record_set_id (SL_RECORD (record), column_text (stmt, 1));
      for (guint i = 0; properties[i] != NULL; i++)
        {
          GParamSpec *pspec = g_object_class_find_property (klass, properties[i]);

          if (G_IS_PARAM_SPEC_ENUM (pspec))
            g_object_set (record, properties[i],
                          column_enum (stmt, 2 + i, pspec->value_type), NULL);
          else
            g_object_set (record, properties[i], column_text (stmt, 2 + i), NULL);
        }
      g_ptr_array_add (records, record);
    }
  sqlite3_reset (stmt);
  g_type_class_unref (klass);

  if (rc != SQLITE_DONE)
    {
      sl_database_set_error (self->database, rc, error);
      return NULL;
    }

  return g_steal_pointer (&records);
}

/* As load_rows(), of @sql, which has no parameters. */
static GPtrArray *
load_all (SlLedger            *self,
          const char          *sql,
          GType                type,
          const char * const  *properties,
          GError             **error)
{
  sqlite3_stmt *stmt = sl_database_prepare (self->database, sql, error);

  return stmt ? load_rows (self, stmt, type, properties, error) : NULL;
}

static const char * const topic_properties[] = {
  "organization", "title", "source-kind", "source", "published-on", "received-on",
  "planned-meeting", "note", NULL
};

GPtrArray *
sl_ledger_load_topics (SlLedger  *self,
                       GError   **error)
{
  g_return_val_if_fail (SL_IS_LEDGER (self), NULL);

  return load_all (self,
                   "SELECT t.id, t.uuid, o.uuid, t.title, t.source_kind, t.source, t.published_on, "
                   "  t.received_on, m.uuid, t.note "
                   "FROM topics t JOIN organizations o ON o.id = t.organization_id "
                   "  LEFT JOIN meetings m ON m.uuid = t.planned_meeting "
                   "ORDER BY t.id",
                   SL_TYPE_TOPIC, topic_properties, error);
}

/**
 * sl_ledger_load_topics_of_year:
 *
 * The items of the pool that may concern @year, in the order they were
 * added: those received in it, those with no date of receipt, those a
 * meeting of the year studied, and those received before it that no
 * meeting has studied yet. A superset of what any one year's view shows
 * (the pool page, the year's 议题库台账): each applies its own rule to it.
 * Found through the indexes (topics_received, meetings_year,
 * studies_meeting, studies_topic), so that a year's view does not read
 * the whole pool; only the never-studied items of earlier years cost a
 * probe each.
 */
GPtrArray *
sl_ledger_load_topics_of_year (SlLedger  *self,
                               int        year,
                               GError   **error)
{
  char start[16], end[16];
  sqlite3_stmt *stmt;

  g_return_val_if_fail (SL_IS_LEDGER (self), NULL);

  stmt = sl_database_prepare (self->database,
                              "SELECT t.id, t.uuid, o.uuid, t.title, t.source_kind, t.source, "
                              "  t.published_on, t.received_on, m.uuid, t.note "
                              "FROM topics t JOIN organizations o ON o.id = t.organization_id "
                              "  LEFT JOIN meetings m ON m.uuid = t.planned_meeting "
                              "WHERE t.id IN ("
                              "  SELECT id FROM topics WHERE received_on >= ?2 AND received_on < ?3 "
                              "  UNION SELECT id FROM topics WHERE received_on IS NULL "
                              "  UNION SELECT id FROM topics WHERE received_on = '' "
                              "  UNION SELECT s.topic_id FROM meetings y "
                              "    JOIN studies s ON s.meeting_id = y.id "
                              "    WHERE y.year = ?1 AND s.topic_id IS NOT NULL "
                              "  UNION SELECT e.id FROM topics e WHERE e.received_on < ?2 "
                              "    AND NOT EXISTS (SELECT 1 FROM studies n WHERE n.topic_id = e.id)) "
                              "ORDER BY t.id",
                              error);
  if (stmt == NULL)
    return NULL;

  g_snprintf (start, sizeof start, "%04d-01-01", year);
  g_snprintf (end, sizeof end, "%04d-01-01", year + 1);
  sqlite3_bind_int (stmt, 1, year);
  sl_bind_text (stmt, 2, start);
  sl_bind_text (stmt, 3, end);

  return load_rows (self, stmt, SL_TYPE_TOPIC, topic_properties, error);
}

GPtrArray *
sl_ledger_load_talks (SlLedger  *self,
                      GError   **error)
{
  static const char * const properties[] = {
    "organization", "date", "place", "initiator", "counterpart", "counterpart-name",
    "form", "kind", "topic", "points", "follow-up", NULL
  };

  g_return_val_if_fail (SL_IS_LEDGER (self), NULL);

  return load_all (self,
                   "SELECT t.id, t.uuid, o.uuid, t.date, t.place, i.uuid, c.uuid, "
                   "  t.counterpart_name, t.form, t.kind, t.topic, t.points, t.follow_up "
                   "FROM talks t JOIN organizations o ON o.id = t.organization_id "
                   "  LEFT JOIN members i ON i.id = t.initiator_id "
                   "  LEFT JOIN members c ON c.id = t.counterpart_id "
                   "ORDER BY t.id",
                   SL_TYPE_TALK, properties, error);
}

GPtrArray *
sl_ledger_load_branch_reports (SlLedger  *self,
                               GError   **error)
{
  static const char * const properties[] = {
    "organization", "period", "received-on", "title", "note", NULL
  };

  g_return_val_if_fail (SL_IS_LEDGER (self), NULL);

  return load_all (self,
                   "SELECT r.id, r.uuid, o.uuid, r.period, r.received_on, r.title, r.note "
                   "FROM branch_reports r JOIN organizations o ON o.id = r.organization_id "
                   "ORDER BY r.id",
                   SL_TYPE_BRANCH_REPORT, properties, error);
}

GPtrArray *
sl_ledger_load_study_notes (SlLedger  *self,
                            GError   **error)
{
  static const char * const properties[] = {
    "member", "date", "kind", "title", "size", "checked-by", "checked-on", NULL
  };

  g_return_val_if_fail (SL_IS_LEDGER (self), NULL);

  return load_all (self,
                   "SELECT n.id, n.uuid, m.uuid, n.date, n.kind, n.title, n.size, n.checked_by, "
                   "  n.checked_on "
                   "FROM study_notes n JOIN members m ON m.id = n.member_id "
                   "ORDER BY n.id",
                   SL_TYPE_STUDY_NOTE, properties, error);
}
