/* sl-member-year.c — one member's year, as the 个人学习档案 shows it
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Inspectors sample members (DOMAIN.md, "What an inspection looks for"):
 * attendance, the studies they led, their speeches, research, talks,
 * training hours and notebooks. The figures are SlStatistics' own for the
 * member — expected, present, leave, absent, made up, training hours,
 * talks — so that the card, the overview and `stats --json` never differ;
 * the lists beside them are the records those figures count, taken from
 * the year's meetings and the people records, without SQL of their own.
 */

#define G_LOG_DOMAIN "sl-member-year"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>

#include "sl-attendance.h"
#include "sl-ledger-people.h"
#include "sl-meeting.h"
#include "sl-member.h"
#include "sl-member-year.h"
#include "sl-record.h"
#include "sl-research-topic.h"
#include "sl-speech.h"
#include "sl-study.h"
#include "sl-study-note.h"
#include "sl-talk.h"
#include "sl-util.h"

static void
part_free (gpointer data)
{
  SlMemberPart *part = data;

  g_clear_object (&part->meeting);
  g_clear_object (&part->item);
  g_free (part);
}

static void
add_part (GPtrArray *parts,
          SlMeeting *meeting,
          gpointer   item)
{
  SlMemberPart *part = g_new0 (SlMemberPart, 1);

  part->meeting = g_object_ref (meeting);
  part->item = g_object_ref (item);
  g_ptr_array_add (parts, part);
}

void
sl_member_year_free (SlMemberYear *self)
{
  if (self == NULL)
    return;

  g_clear_object (&self->member);
  g_clear_pointer (&self->absences, g_ptr_array_unref);
  g_clear_pointer (&self->led, g_ptr_array_unref);
  g_clear_pointer (&self->speeches, g_ptr_array_unref);
  g_clear_pointer (&self->trainings, g_ptr_array_unref);
  g_clear_pointer (&self->research_topics, g_ptr_array_unref);
  g_clear_pointer (&self->talks, g_ptr_array_unref);
  g_clear_pointer (&self->notes, g_ptr_array_unref);
  g_free (self);
}

static gboolean
in_year (const char *date,
         int         year)
{
  return date != NULL && sl_date_is_valid (date) && sl_date_get_year (date) == year;
}

/* The member's figures, exactly as `stats --json` gives them. */
static gboolean
load_figures (SlMemberYear *self,
              SlLedger     *ledger,
              const char   *organization,
              const char   *today,
              GError      **error)
{
  g_autoptr(SlStatistics) statistics = NULL;
  const char *id = sl_record_get_id (SL_RECORD (self->member));

  statistics = sl_statistics_compute (sl_ledger_get_database (ledger), self->year,
                                      organization, today, error);
  if (statistics == NULL)
    return FALSE;

  for (guint i = 0; i < statistics->members->len; i++)
    {
      const SlMemberStats *stats = g_ptr_array_index (statistics->members, i);

      if (g_strcmp0 (stats->id, id) == 0)
        {
          self->stats = *stats;
          break;
        }
    }
  self->stats.id = NULL;
  self->stats.name = NULL;
  self->attendance_rate = sl_member_stats_attendance_rate (&self->stats);
  self->participation_rate = sl_member_stats_participation_rate (&self->stats);
  return TRUE;
}

static void
collect_meeting (SlMemberYear *self,
                 SlMeeting    *meeting,
                 const char   *id,
                 GHashTable   *central_group)
{
  GListModel *studies = sl_meeting_get_studies (meeting);
  GListModel *speeches = sl_meeting_get_speeches (meeting);
  GListModel *attendance = sl_meeting_get_attendance (meeting);

  for (guint s = 0; s < g_list_model_get_n_items (studies); s++)
    {
      g_autoptr(SlStudy) study = g_list_model_get_item (studies, s);

      if (g_strcmp0 (sl_study_get_lead (study), id) != 0)
        continue;
      add_part (self->led, meeting, study);
      if (sl_study_get_first_topic (study))
        self->first_topic_led++;
      if (sl_meeting_get_kind (meeting) == SL_MEETING_KIND_CENTRAL_GROUP)
        g_hash_table_add (central_group, meeting);
    }

  for (guint s = 0; s < g_list_model_get_n_items (speeches); s++)
    {
      g_autoptr(SlSpeech) speech = g_list_model_get_item (speeches, s);

      if (g_strcmp0 (sl_speech_get_speaker (speech), id) == 0)
        add_part (self->speeches, meeting, speech);
    }

  for (guint a = 0; a < g_list_model_get_n_items (attendance); a++)
    {
      g_autoptr(SlAttendance) row = g_list_model_get_item (attendance, a);
      SlAttendanceStatus status = sl_attendance_get_status (row);

      if (g_strcmp0 (sl_attendance_get_member (row), id) != 0)
        continue;
      if (status == SL_ATTENDANCE_STATUS_LEAVE || status == SL_ATTENDANCE_STATUS_ABSENT)
        add_part (self->absences, meeting, row);
      if (sl_meeting_get_kind (meeting) == SL_MEETING_KIND_TRAINING)
        add_part (self->trainings, meeting, row);
    }
}

static int
talk_by_date (gconstpointer a,
              gconstpointer b)
{
  return g_strcmp0 (sl_talk_get_date (*(SlTalk * const *) a), sl_talk_get_date (*(SlTalk * const *) b));
}

static int
note_by_date (gconstpointer a,
              gconstpointer b)
{
  return g_strcmp0 (sl_study_note_get_date (*(SlStudyNote * const *) a),
                    sl_study_note_get_date (*(SlStudyNote * const *) b));
}

/**
 * sl_member_year_load:
 *
 * Returns: (transfer full): the member's year, or %NULL with @error set
 *   (SL_LEDGER_ERROR_NOT_FOUND for no such member).
 */
SlMemberYear *
sl_member_year_load (SlLedger    *ledger,
                     const char  *member,
                     int          year,
                     const char  *organization,
                     const char  *today,
                     GError     **error)
{
  g_autoptr(SlMemberYear) self = NULL;
  g_autoptr(GPtrArray) meetings = NULL;
  g_autoptr(GPtrArray) topics = NULL;
  g_autoptr(GPtrArray) talks = NULL;
  g_autoptr(GPtrArray) notes = NULL;
  g_autoptr(GHashTable) central_group = g_hash_table_new (NULL, NULL);
  SlMember *found;
  const char *id;

  g_return_val_if_fail (SL_IS_LEDGER (ledger), NULL);
  g_return_val_if_fail (member != NULL, NULL);

  if (!(found = sl_ledger_find_member (ledger, member)))
    {
      g_set_error (error, SL_LEDGER_ERROR, SL_LEDGER_ERROR_NOT_FOUND,
                   _("No member has the id %s; `study-ledger export-archive` lists members "
                     "with their ids"), member);
      return NULL;
    }

  self = g_new0 (SlMemberYear, 1);
  self->member = g_object_ref (found);
  self->year = year;
  self->absences = g_ptr_array_new_with_free_func (part_free);
  self->led = g_ptr_array_new_with_free_func (part_free);
  self->speeches = g_ptr_array_new_with_free_func (part_free);
  self->trainings = g_ptr_array_new_with_free_func (part_free);
  self->research_topics = g_ptr_array_new_with_free_func (g_object_unref);
  self->talks = g_ptr_array_new_with_free_func (g_object_unref);
  self->notes = g_ptr_array_new_with_free_func (g_object_unref);
  id = sl_record_get_id (SL_RECORD (found));

  if (!load_figures (self, ledger, organization, today, error))
    return NULL;

  /* The year's meetings come by date, so each list is in date order. */
  if (!(meetings = sl_ledger_load_meetings (ledger, year, organization, TRUE, error)))
    return NULL;
  for (guint i = 0; i < meetings->len; i++)
    collect_meeting (self, g_ptr_array_index (meetings, i), id, central_group);
  self->central_group_led = g_hash_table_size (central_group);

  if (!(topics = sl_ledger_load_research_topics (ledger, year, error)))
    return NULL;
  for (guint i = 0; i < topics->len; i++)
    {
      SlResearchTopic *topic = g_ptr_array_index (topics, i);

      if (g_strcmp0 (sl_research_topic_get_lead (topic), id) == 0)
        g_ptr_array_add (self->research_topics, g_object_ref (topic));
    }

  /* Talks count by date alone, as SlStatistics counts them. */
  if (!(talks = sl_ledger_load_talks (ledger, error)))
    return NULL;
  for (guint i = 0; i < talks->len; i++)
    {
      SlTalk *talk = g_ptr_array_index (talks, i);

      if (in_year (sl_talk_get_date (talk), year) &&
          (g_strcmp0 (sl_talk_get_initiator (talk), id) == 0 ||
           g_strcmp0 (sl_talk_get_counterpart (talk), id) == 0))
        g_ptr_array_add (self->talks, g_object_ref (talk));
    }
  g_ptr_array_sort (self->talks, talk_by_date);

  if (!(notes = sl_ledger_load_study_notes (ledger, error)))
    return NULL;
  for (guint i = 0; i < notes->len; i++)
    {
      SlStudyNote *note = g_ptr_array_index (notes, i);

      if (g_strcmp0 (sl_study_note_get_member (note), id) == 0 &&
          in_year (sl_study_note_get_date (note), year))
        g_ptr_array_add (self->notes, g_object_ref (note));
    }
  g_ptr_array_sort (self->notes, note_by_date);

  return g_steal_pointer (&self);
}
