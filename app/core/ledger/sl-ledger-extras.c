/* sl-ledger-extras.c — the keys archive version 2 adds to existing records
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * members.party_joined_on, plans.issuer and issued_on, meetings.on_ideology,
 * hours and batch, studies.topic, guests' unit, superior and remarks, and
 * speeches' id, kind and title (ARCHIVE.md, version 2). They are written
 * after the row they belong to, by its key (guests and speeches by their
 * position, which the save that wrote them just gave them), and read after
 * it: the long statements that save and load the rows themselves stay as
 * they were. A new row whose new keys are all empty costs nothing more,
 * so importing a version 1 archive is no slower.
 */

#define G_LOG_DOMAIN "sl-ledger"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <json-glib/json-glib.h>

#include "sl-guest.h"
#include "sl-ledger-extras.h"
#include "sl-meeting.h"
#include "sl-member.h"
#include "sl-plan.h"
#include "sl-session-plan.h"
#include "sl-speech.h"
#include "sl-study.h"

#define RESOLVE_TOPIC "SELECT id FROM topics WHERE uuid = ?"

static gboolean
step (SlLedger      *self,
      sqlite3_stmt  *stmt,
      GError       **error)
{
  return sl_database_step_done (self->database, stmt, error);
}

/* Members and plans -------------------------------------------------------- */

gboolean
sl_ledger_save_member_extras (SlLedger  *self,
                              gint64     key,
                              SlMember  *member,
                              GError   **error)
{
  sqlite3_stmt *stmt;

  stmt = sl_database_prepare (self->database,
                              "UPDATE members SET party_joined_on = ?2 WHERE id = ?1", error);
  if (stmt == NULL)
    return FALSE;
  sl_bind_key (stmt, 1, key);
  sl_bind_text (stmt, 2, sl_member_get_party_joined_on (member));
  return step (self, stmt, error);
}

gboolean
sl_ledger_save_plan_extras (SlLedger  *self,
                            gint64     key,
                            SlPlan    *plan,
                            GError   **error)
{
  sqlite3_stmt *stmt;

  stmt = sl_database_prepare (self->database,
                              "UPDATE plans SET issuer = ?2, issued_on = ?3 WHERE id = ?1", error);
  if (stmt == NULL)
    return FALSE;
  sl_bind_key (stmt, 1, key);
  sl_bind_text (stmt, 2, sl_plan_get_issuer (plan));
  sl_bind_text (stmt, 3, sl_plan_get_issued_on (plan));
  return step (self, stmt, error);
}

gboolean
sl_ledger_load_plan_extras (SlLedger  *self,
                            SlPlan    *plan,
                            GError   **error)
{
  sqlite3_stmt *stmt;
  int rc;

  stmt = sl_database_prepare (self->database,
                              "SELECT issuer, issued_on FROM plans WHERE id = ?", error);
  if (stmt == NULL)
    return FALSE;
  sl_bind_key (stmt, 1, sl_record_get_key (SL_RECORD (plan)));
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    {
      sl_plan_set_issuer (plan, column_text (stmt, 0));
      sl_plan_set_issued_on (plan, column_text (stmt, 1));
      rc = SQLITE_DONE;
    }
  sqlite3_reset (stmt);

  if (rc != SQLITE_DONE)
    return sl_database_set_error (self->database, rc, error);
  return TRUE;
}

/* Meetings and their rows -------------------------------------------------- */

static gboolean
save_study_topics (SlLedger     *self,
                   SlMeeting    *meeting,
                   gboolean      fresh,
                   GError      **error)
{
  GListModel *studies = sl_meeting_get_studies (meeting);
  guint n = g_list_model_get_n_items (studies);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(SlStudy) study = g_list_model_get_item (studies, i);
      g_autofree char *field = g_strdup_printf ("studies[%u].topic", i);
      sqlite3_stmt *stmt;
      gint64 topic = 0;

      if (fresh && sl_study_get_topic (study) == NULL)
        continue;
      if (!sl_ledger_resolve (self, RESOLVE_TOPIC, sl_study_get_topic (study), field, &topic, error))
        return FALSE;

      stmt = sl_database_prepare (self->database,
                                  "UPDATE studies SET topic_id = ?2 WHERE uuid = ?1", error);
      if (stmt == NULL)
        return FALSE;
      sl_bind_text (stmt, 1, sl_record_get_id (SL_RECORD (study)));
      sl_bind_key (stmt, 2, topic);
      if (!step (self, stmt, error))
        return FALSE;
    }

  return TRUE;
}

/* Guests and speeches are written anew at every save (sl-ledger-meetings.c),
 * with these columns empty: only values need writing. */
static gboolean
save_guest_extras (SlLedger   *self,
                   gint64      key,
                   SlMeeting  *meeting,
                   GError    **error)
{
  GListModel *guests = sl_meeting_get_guests (meeting);
  guint n = g_list_model_get_n_items (guests);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(SlGuest) guest = g_list_model_get_item (guests, i);
      sqlite3_stmt *stmt;

      if (sl_guest_get_unit (guest) == NULL && !sl_guest_get_superior (guest) &&
          sl_guest_get_remarks (guest) == NULL)
        continue;

      stmt = sl_database_prepare (self->database,
                                  "UPDATE guests SET unit = ?3, superior = ?4, remarks = ?5 "
                                  "WHERE meeting_id = ?1 AND position = ?2", error);
      if (stmt == NULL)
        return FALSE;
      sl_bind_key (stmt, 1, key);
      sqlite3_bind_int (stmt, 2, i);
      sl_bind_text (stmt, 3, sl_guest_get_unit (guest));
      sqlite3_bind_int (stmt, 4, sl_guest_get_superior (guest));
      sl_bind_text (stmt, 5, sl_guest_get_remarks (guest));
      if (!step (self, stmt, error))
        return FALSE;
    }

  return TRUE;
}

static gboolean
save_speech_extras (SlLedger   *self,
                    gint64      key,
                    SlMeeting  *meeting,
                    GError    **error)
{
  GListModel *speeches = sl_meeting_get_speeches (meeting);
  guint n = g_list_model_get_n_items (speeches);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(SlSpeech) speech = g_list_model_get_item (speeches, i);
      sqlite3_stmt *stmt;

      if (sl_speech_get_id (speech) == NULL && sl_speech_get_kind (speech) == SL_SPEECH_KIND_NONE &&
          sl_speech_get_title (speech) == NULL)
        continue;

      stmt = sl_database_prepare (self->database,
                                  "UPDATE speeches SET uuid = ?3, kind = ?4, title = ?5 "
                                  "WHERE meeting_id = ?1 AND position = ?2", error);
      if (stmt == NULL)
        return FALSE;
      sl_bind_key (stmt, 1, key);
      sqlite3_bind_int (stmt, 2, i);
      sl_bind_text (stmt, 3, sl_speech_get_id (speech));
      bind_enum (stmt, 4, SL_TYPE_SPEECH_KIND, sl_speech_get_kind (speech));
      sl_bind_text (stmt, 5, sl_speech_get_title (speech));
      if (!step (self, stmt, error))
        return FALSE;
    }

  return TRUE;
}

/* The session plan: its topics as a JSON array in one column, its key
 * speeches a row each (their speakers are references, kept as keys). */
static gboolean
save_session_plan (SlLedger   *self,
                   gint64      key,
                   SlMeeting  *meeting,
                   gboolean    fresh,
                   GError    **error)
{
  SlSessionPlan *plan = sl_meeting_get_session_plan (meeting);
  g_autofree char *topics = NULL;
  sqlite3_stmt *stmt;

  if (fresh && plan == NULL)
    return TRUE;

  if (plan != NULL)
    {
      g_autoptr(JsonBuilder) builder = json_builder_new ();
      g_autoptr(JsonNode) root = NULL;
      const char * const *list = sl_session_plan_get_topics (plan);

      json_builder_begin_array (builder);
      for (guint i = 0; list[i] != NULL; i++)
        json_builder_add_string_value (builder, list[i]);
      json_builder_end_array (builder);
      root = json_builder_get_root (builder);
      topics = json_to_string (root, FALSE);
    }

  stmt = sl_database_prepare (self->database,
                              "UPDATE meetings SET has_session_plan = ?2, session_topics = ?3, "
                              "  session_approved_by = ?4, session_approved_on = ?5 WHERE id = ?1",
                              error);
  if (stmt == NULL)
    return FALSE;
  sl_bind_key (stmt, 1, key);
  sqlite3_bind_int (stmt, 2, plan != NULL);
  sl_bind_text (stmt, 3, topics);
  sl_bind_text (stmt, 4, plan ? sl_session_plan_get_approved_by (plan) : NULL);
  sl_bind_text (stmt, 5, plan ? sl_session_plan_get_approved_on (plan) : NULL);
  if (!step (self, stmt, error))
    return FALSE;

  if (!fresh)
    {
      stmt = sl_database_prepare (self->database,
                                  "DELETE FROM session_plan_speeches WHERE meeting_id = ?", error);
      if (stmt == NULL)
        return FALSE;
      sl_bind_key (stmt, 1, key);
      if (!step (self, stmt, error))
        return FALSE;
    }

  for (guint i = 0; plan != NULL && i < sl_session_plan_get_n_speeches (plan); i++)
    {
      g_autofree char *field = g_strdup_printf ("session_plan.key_speeches[%u].member", i);
      gint64 member = 0;

      if (!sl_ledger_resolve_member (self, sl_session_plan_get_speech_member (plan, i), field,
                                     &member, error))
        return FALSE;

      stmt = sl_database_prepare (self->database,
                                  "INSERT INTO session_plan_speeches (meeting_id, position, member_id, title) "
                                  "VALUES (?, ?, ?, ?)", error);
      if (stmt == NULL)
        return FALSE;
      sl_bind_key (stmt, 1, key);
      sqlite3_bind_int (stmt, 2, i);
      sl_bind_key (stmt, 3, member);
      sl_bind_text (stmt, 4, sl_session_plan_get_speech_title (plan, i));
      if (!step (self, stmt, error))
        return FALSE;
    }

  return TRUE;
}

static gboolean
load_session_plan (SlLedger     *self,
                   SlMeeting    *meeting,
                   const char   *topics,
                   const char   *approved_by,
                   const char   *approved_on,
                   GError      **error)
{
  g_autoptr(SlSessionPlan) plan = sl_session_plan_new ();
  g_autoptr(JsonNode) root = topics ? json_from_string (topics, NULL) : NULL;
  g_autoptr(GStrvBuilder) list = g_strv_builder_new ();
  g_auto(GStrv) strv = NULL;
  sqlite3_stmt *stmt;
  int rc;

  if (root != NULL && JSON_NODE_HOLDS_ARRAY (root))
    {
      JsonArray *array = json_node_get_array (root);

      for (guint i = 0; i < json_array_get_length (array); i++)
        {
          const char *text = json_node_get_string (json_array_get_element (array, i));
          if (text != NULL)
            g_strv_builder_add (list, text);
        }
    }
  strv = g_strv_builder_end (list);
  sl_session_plan_set_topics (plan, (const char * const *) strv);
  sl_session_plan_set_approved_by (plan, approved_by);
  sl_session_plan_set_approved_on (plan, approved_on);

  stmt = sl_database_prepare (self->database,
                              "SELECT m.uuid, s.title FROM session_plan_speeches s "
                              "  LEFT JOIN members m ON m.id = s.member_id "
                              "WHERE s.meeting_id = ? ORDER BY s.position", error);
  if (stmt == NULL)
    return FALSE;
  sl_bind_key (stmt, 1, sl_record_get_key (SL_RECORD (meeting)));
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    sl_session_plan_add_speech (plan, column_text (stmt, 0), column_text (stmt, 1));
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    return sl_database_set_error (self->database, rc, error);

  sl_meeting_set_session_plan (meeting, plan);
  return TRUE;
}

gboolean
sl_ledger_save_meeting_extras (SlLedger     *self,
                               gint64        key,
                               SlMeeting    *meeting,
                               SlSaveFlags   flags,
                               GError      **error)
{
  gboolean fresh = (flags & SAVE_NEW_RECORD) != 0;

  if (!fresh || sl_meeting_get_on_ideology (meeting) || sl_meeting_get_hours (meeting) > 0 ||
      sl_meeting_get_batch (meeting) > 0)
    {
      sqlite3_stmt *stmt;

      stmt = sl_database_prepare (self->database,
                                  "UPDATE meetings SET on_ideology = ?2, hours = ?3, batch = ?4 "
                                  "WHERE id = ?1", error);
      if (stmt == NULL)
        return FALSE;
      sl_bind_key (stmt, 1, key);
      sqlite3_bind_int (stmt, 2, sl_meeting_get_on_ideology (meeting));
      if (sl_meeting_get_hours (meeting) > 0)
        sqlite3_bind_double (stmt, 3, sl_meeting_get_hours (meeting));
      else
        sqlite3_bind_null (stmt, 3);
      bind_positive (stmt, 4, sl_meeting_get_batch (meeting));
      if (!step (self, stmt, error))
        return FALSE;
    }

  return save_session_plan (self, key, meeting, fresh, error) &&
         save_study_topics (self, meeting, fresh, error) &&
         save_guest_extras (self, key, meeting, error) &&
         save_speech_extras (self, key, meeting, error);
}

gboolean
sl_ledger_load_meeting_extras (SlLedger   *self,
                               SlMeeting  *meeting,
                               GError    **error)
{
  gint64 key = sl_record_get_key (SL_RECORD (meeting));
  GListModel *list;
  sqlite3_stmt *stmt;
  int rc;

  stmt = sl_database_prepare (self->database,
                              "SELECT on_ideology, hours, batch, has_session_plan, session_topics, "
                              "  session_approved_by, session_approved_on FROM meetings WHERE id = ?",
                              error);
  if (stmt == NULL)
    return FALSE;
  sl_bind_key (stmt, 1, key);
  if ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gboolean has_plan = sqlite3_column_int (stmt, 3);
      g_autofree char *topics = g_strdup (column_text (stmt, 4));
      g_autofree char *approved_by = g_strdup (column_text (stmt, 5));
      g_autofree char *approved_on = g_strdup (column_text (stmt, 6));

      sl_meeting_set_on_ideology (meeting, sqlite3_column_int (stmt, 0));
      sl_meeting_set_hours (meeting, MAX (0.0, sqlite3_column_double (stmt, 1)));
      sl_meeting_set_batch (meeting, MAX (0, sqlite3_column_int (stmt, 2)));
      sqlite3_reset (stmt);

      if (!has_plan)
        sl_meeting_set_session_plan (meeting, NULL);
      else if (!load_session_plan (self, meeting, topics, approved_by, approved_on, error))
        return FALSE;
      rc = SQLITE_DONE;
    }
  else
    sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    return sl_database_set_error (self->database, rc, error);

  /* Studies by their order: the rows the loader just read, in it. */
  list = sl_meeting_get_studies (meeting);
  stmt = sl_database_prepare (self->database,
                              "SELECT t.uuid FROM studies s LEFT JOIN topics t ON t.id = s.topic_id "
                              "WHERE s.meeting_id = ? ORDER BY s.position, s.id", error);
  if (stmt == NULL)
    return FALSE;
  sl_bind_key (stmt, 1, key);
  for (guint i = 0; (rc = sqlite3_step (stmt)) == SQLITE_ROW; i++)
    {
      g_autoptr(SlStudy) study = g_list_model_get_item (list, i);
      if (study != NULL)
        sl_study_set_topic (study, column_text (stmt, 0));
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    return sl_database_set_error (self->database, rc, error);

  list = sl_meeting_get_guests (meeting);
  stmt = sl_database_prepare (self->database,
                              "SELECT unit, superior, remarks FROM guests "
                              "WHERE meeting_id = ? ORDER BY position", error);
  if (stmt == NULL)
    return FALSE;
  sl_bind_key (stmt, 1, key);
  for (guint i = 0; (rc = sqlite3_step (stmt)) == SQLITE_ROW; i++)
    {
      g_autoptr(SlGuest) guest = g_list_model_get_item (list, i);
      if (guest == NULL)
        continue;
      sl_guest_set_unit (guest, column_text (stmt, 0));
      sl_guest_set_superior (guest, sqlite3_column_int (stmt, 1));
      sl_guest_set_remarks (guest, column_text (stmt, 2));
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    return sl_database_set_error (self->database, rc, error);

  list = sl_meeting_get_speeches (meeting);
  stmt = sl_database_prepare (self->database,
                              "SELECT uuid, kind, title FROM speeches "
                              "WHERE meeting_id = ? ORDER BY position, id", error);
  if (stmt == NULL)
    return FALSE;
  sl_bind_key (stmt, 1, key);
  for (guint i = 0; (rc = sqlite3_step (stmt)) == SQLITE_ROW; i++)
    {
      g_autoptr(SlSpeech) speech = g_list_model_get_item (list, i);
      if (speech == NULL)
        continue;
      sl_speech_set_id (speech, column_text (stmt, 0));
      sl_speech_set_kind (speech, column_enum (stmt, 1, SL_TYPE_SPEECH_KIND));
      sl_speech_set_title (speech, column_text (stmt, 2));
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    return sl_database_set_error (self->database, rc, error);

  return TRUE;
}
