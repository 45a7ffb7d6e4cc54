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

#include "sl-guest.h"
#include "sl-ledger-extras.h"
#include "sl-meeting.h"
#include "sl-member.h"
#include "sl-plan.h"
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
sl_ledger_load_member_extras (SlLedger   *self,
                              GPtrArray  *members,
                              GError    **error)
{
  g_autoptr(GHashTable) by_id = g_hash_table_new (g_str_hash, g_str_equal);
  sqlite3_stmt *stmt;
  int rc;

  stmt = sl_database_prepare (self->database,
                              "SELECT uuid, party_joined_on FROM members "
                              "WHERE party_joined_on IS NOT NULL", error);
  if (stmt == NULL)
    return FALSE;

  for (guint i = 0; i < members->len; i++)
    {
      SlRecord *record = g_ptr_array_index (members, i);
      g_hash_table_insert (by_id, (gpointer) sl_record_get_id (record), record);
    }

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      SlMember *member = g_hash_table_lookup (by_id, column_text (stmt, 0));

      if (member != NULL)
        sl_member_set_party_joined_on (member, column_text (stmt, 1));
    }
  sqlite3_reset (stmt);

  if (rc != SQLITE_DONE)
    return sl_database_set_error (self->database, rc, error);
  return TRUE;
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

  return save_study_topics (self, meeting, fresh, error) &&
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
                              "SELECT on_ideology, hours, batch FROM meetings WHERE id = ?", error);
  if (stmt == NULL)
    return FALSE;
  sl_bind_key (stmt, 1, key);
  if ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      sl_meeting_set_on_ideology (meeting, sqlite3_column_int (stmt, 0));
      sl_meeting_set_hours (meeting, MAX (0.0, sqlite3_column_double (stmt, 1)));
      sl_meeting_set_batch (meeting, MAX (0, sqlite3_column_int (stmt, 2)));
      rc = SQLITE_DONE;
    }
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
