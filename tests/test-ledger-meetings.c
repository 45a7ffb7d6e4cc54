/* test-ledger-meetings.c — Meetings saved to and loaded from a real ledger file
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Meetings with their five lists: round trips, exact text, replacing and
 * merging, references and invalid meetings refused, deleting and undo.
 * The fixture (a fresh ledger in a temporary folder, reopen(), count())
 * is tests/lib/sl-test-ledger.c, shared by the test-ledger-*.c programs.
 */

#include "config.h"

#include <string.h>

#include "sl-database.h"
#include "sl-test-ledger.h"

/* ------------------------------------------------------------------ */
/* Meetings                                                           */
/* ------------------------------------------------------------------ */


static void
test_meeting_round_trip (Fixture       *fixture,
                         gconstpointer  data)
{
  g_auto(Roster) roster = { NULL, };
  g_autoptr(SlMeeting) meeting = NULL;
  g_autoptr(SlMeeting) found = NULL;
  g_autoptr(SlLedger) other = NULL;
  g_autoptr(GError) error = NULL;
  SlStudy *study;
  SlAttendance *row;
  SlMeasure *measure;
  gint64 key;

  roster_init (fixture, &roster);
  meeting = new_full_meeting (&roster);
  save_meeting_ok (fixture, meeting, SL_SAVE_REPLACE);
  key = sl_record_get_key (SL_RECORD (meeting));
  g_assert_cmpint (key, >, 0);
  g_assert_cmpint (count (fixture, "SELECT count(*) FROM meetings"), ==, 1);
  assert_child_counts (fixture, id_of (meeting), 2, 3, 2, 2, 1);

  other = reopen (fixture);
  found = load_meeting_ok (other, id_of (meeting));
  assert_full_meeting (found, meeting, &roster);
  g_clear_object (&found);
  g_clear_object (&other);
  release_items ();

  /* Changed and saved again: the same rows, updated in place. */
  sl_meeting_set_title (meeting, "2023年第3次中心组学习（扩大）");
  sl_meeting_set_expanded (meeting, FALSE);
  sl_meeting_set_sequence (meeting, 0);
  sl_meeting_set_plan_item (meeting, NULL);
  sl_meeting_set_chair (meeting, id_of (roster.third));
  study = ITEM (sl_meeting_get_studies (meeting), 1);
  sl_study_set_first_topic (study, TRUE);
  sl_study_set_lead (study, id_of (roster.recorder));
  row = ITEM (sl_meeting_get_attendance (meeting), 2);
  sl_attendance_set_status (row, SL_ATTENDANCE_STATUS_ABSENT);
  sl_attendance_set_left_early (row, FALSE);
  sl_attendance_set_reason (row, "未请假");
  measure = ITEM (sl_meeting_get_measures (meeting), 0);
  sl_measure_set_status (measure, SL_MEASURE_STATUS_DONE);
  sl_measure_set_done_on (measure, "2023-05-31");
  release_items ();
  save_meeting_ok (fixture, meeting, SL_SAVE_REPLACE);
  g_assert_cmpint (sl_record_get_key (SL_RECORD (meeting)), ==, key);
  g_assert_cmpint (count (fixture, "SELECT count(*) FROM meetings"), ==, 1);
  assert_child_counts (fixture, id_of (meeting), 2, 3, 2, 2, 1);
  g_assert_cmpint (count (fixture, "SELECT count(*) FROM studies"), ==, 2);
  g_assert_cmpint (count (fixture, "SELECT count(*) FROM measures"), ==, 1);

  other = reopen (fixture);
  found = load_meeting_ok (other, id_of (meeting));
  g_assert_cmpstr (sl_meeting_get_title (found), ==, "2023年第3次中心组学习（扩大）");
  g_assert_true (!sl_meeting_get_expanded (found));
  g_assert_cmpint (sl_meeting_get_sequence (found), ==, 0);
  g_assert_cmpstr (sl_meeting_get_plan_item (found), ==, NULL);
  g_assert_cmpstr (sl_meeting_get_chair (found), ==, id_of (roster.third));
  study = ITEM (sl_meeting_get_studies (found), 1);
  g_assert_true (sl_study_get_first_topic (study));
  g_assert_cmpstr (sl_study_get_lead (study), ==, id_of (roster.recorder));
  row = ITEM (sl_meeting_get_attendance (found), 2);
  g_assert_cmpint (sl_attendance_get_status (row), ==, SL_ATTENDANCE_STATUS_ABSENT);
  g_assert_true (!sl_attendance_get_left_early (row));
  g_assert_cmpstr (sl_attendance_get_reason (row), ==, "未请假");
  measure = ITEM (sl_meeting_get_measures (found), 0);
  g_assert_cmpint (sl_measure_get_status (measure), ==, SL_MEASURE_STATUS_DONE);
  g_assert_cmpstr (sl_measure_get_done_on (measure), ==, "2023-05-31");

  /* The search index followed the change, without duplicates. */
  g_assert_cmpint (search_count (fixture, "扩大）"), ==, 1);
  g_assert_cmpint (search_count (fixture, "集体学"), ==, 0);
  g_assert_cmpint (search_count (fixture, "谈体会"), ==, 1);
  g_assert_cmpint (search_count (fixture, "转化清"), ==, 1);
  g_clear_object (&found);
  g_clear_object (&other);

  /* Deleted: the meeting and everything it owns. */
  g_assert_true (sl_ledger_delete (fixture->ledger, meeting, &error));
  g_assert_no_error (error);
  assert_no_transaction (fixture);
  g_assert_cmpint (count (fixture, "SELECT count(*) FROM meetings"), ==, 0);
  g_assert_true (!sl_ledger_contains (fixture->ledger, SL_TYPE_MEETING, id_of (meeting)));
}

static void
test_meeting_text_exact (Fixture       *fixture,
                         gconstpointer  data)
{
  g_autoptr(SlOrganization) organization = make_organization (fixture, "党支部，“第一”（试点）");
  g_autoptr(SlMember) member = make_member (fixture, organization, "堃喆昇珺", 1);
  g_autoptr(SlMeeting) meeting = sl_meeting_new ();
  g_autoptr(SlMeeting) found = NULL;
  g_autoptr(SlLedger) other = NULL;
  g_autoptr(SlResearchTopic) topic = sl_research_topic_new ();
  g_autoptr(GPtrArray) topics = NULL;
  g_autoptr(GError) error = NULL;
  SlAttendance *row;
  SlGuest *guest;
  SlSpeech *speech;
  SlMeasure *measure;
  SlStudy *study;

  sl_meeting_set_organization (meeting, id_of (organization));
  sl_meeting_set_kind (meeting, SL_MEETING_KIND_BRANCH_ASSEMBLY);
  sl_meeting_set_date (meeting, "2023-07-01");
  sl_meeting_set_title (meeting, RICH_TEXT);
  sl_meeting_set_place (meeting, "　会议室　");  /* ideographic spaces kept */
  append (sl_meeting_get_studies (meeting), new_study (RICH_TEXT, id_of (member), TRUE));
  row = new_attendance (id_of (member), SL_ATTENDANCE_STATUS_LEAVE);
  sl_attendance_set_leave_kind (row, SL_LEAVE_KIND_SICK);
  sl_attendance_set_reason (row, RICH_TEXT);
  append (sl_meeting_get_attendance (meeting), row);
  guest = sl_guest_new ();
  sl_guest_set_name (guest, "喆昇");
  sl_guest_set_post (guest, RICH_TEXT);
  append (sl_meeting_get_guests (meeting), guest);
  speech = sl_speech_new ();
  sl_speech_set_speaker_name (speech, "珺🙂");
  sl_speech_set_points (speech, RICH_TEXT);
  append (sl_meeting_get_speeches (meeting), speech);
  append (sl_meeting_get_measures (meeting), new_measure (RICH_TEXT, NULL));
  save_meeting_ok (fixture, meeting, SL_SAVE_REPLACE);

  sl_research_topic_set_organization (topic, id_of (organization));
  sl_research_topic_set_year (topic, 2023);
  sl_research_topic_set_title (topic, RICH_TEXT);
  g_assert_true (sl_ledger_save_research_topic (fixture->ledger, topic, &error));
  g_assert_no_error (error);

  other = reopen (fixture);
  g_assert_cmpstr (sl_organization_get_name (sl_ledger_find_organization (other, id_of (organization))),
                   ==, "党支部，“第一”（试点）");
  g_assert_cmpstr (sl_member_get_name (sl_ledger_find_member (other, id_of (member))),
                   ==, "堃喆昇珺");
  found = load_meeting_ok (other, id_of (meeting));
  g_assert_cmpstr (sl_meeting_get_title (found), ==, RICH_TEXT);
  g_assert_cmpint (strlen (sl_meeting_get_title (found)), ==, strlen (RICH_TEXT));
  g_assert_nonnull (strstr (sl_meeting_get_title (found), "\r\n"));
  g_assert_cmpstr (sl_meeting_get_place (found), ==, "　会议室　");
  study = ITEM (sl_meeting_get_studies (found), 0);
  g_assert_cmpstr (sl_study_get_title (study), ==, RICH_TEXT);
  g_assert_cmpstr (sl_study_get_summary (study), ==, "要点：" RICH_TEXT);
  row = ITEM (sl_meeting_get_attendance (found), 0);
  g_assert_cmpint (sl_attendance_get_leave_kind (row), ==, SL_LEAVE_KIND_SICK);
  g_assert_cmpstr (sl_attendance_get_reason (row), ==, RICH_TEXT);
  guest = ITEM (sl_meeting_get_guests (found), 0);
  g_assert_cmpstr (sl_guest_get_name (guest), ==, "喆昇");
  g_assert_cmpstr (sl_guest_get_post (guest), ==, RICH_TEXT);
  speech = ITEM (sl_meeting_get_speeches (found), 0);
  g_assert_cmpstr (sl_speech_get_speaker_name (speech), ==, "珺🙂");
  g_assert_cmpstr (sl_speech_get_points (speech), ==, RICH_TEXT);
  measure = ITEM (sl_meeting_get_measures (found), 0);
  g_assert_cmpstr (sl_measure_get_text (measure), ==, RICH_TEXT);
  g_assert_cmpstr (sl_measure_get_owner (measure), ==, NULL);

  topics = sl_ledger_load_research_topics (other, 2023, &error);
  g_assert_no_error (error);
  g_assert_cmpint (topics->len, ==, 1);
  g_assert_cmpstr (sl_research_topic_get_title (g_ptr_array_index (topics, 0)), ==, RICH_TEXT);

  /* Rare characters are searchable too. */
  g_assert_cmpint (search_count (fixture, "堃喆昇"), >=, 1);
}

static SlStudy *
find_study (SlMeeting  *meeting,
            const char *id)
{
  GListModel *list = sl_meeting_get_studies (meeting);

  for (guint i = 0; i < g_list_model_get_n_items (list); i++)
    {
      SlStudy *study = ITEM (list, i);
      if (g_strcmp0 (id_of (study), id) == 0)
        return study;
    }

  return NULL;
}

static SlAttendance *
find_attendance (SlMeeting  *meeting,
                 const char *member)
{
  GListModel *list = sl_meeting_get_attendance (meeting);

  for (guint i = 0; i < g_list_model_get_n_items (list); i++)
    {
      SlAttendance *row = ITEM (list, i);
      if (g_strcmp0 (sl_attendance_get_member (row), member) == 0)
        return row;
    }

  return NULL;
}

static void
test_meeting_replace_and_merge (Fixture       *fixture,
                                gconstpointer  data)
{
  g_auto(Roster) roster = { NULL, };
  g_autoptr(SlMeeting) meeting = NULL;
  g_autoptr(SlMeeting) edit = NULL;
  g_autoptr(SlMeeting) found = NULL;
  g_autoptr(SlLedger) other = NULL;
  g_autofree char *kept_id = NULL;
  g_autofree char *dropped_id = NULL;
  g_autofree char *kept_measure = NULL;
  g_autofree char *dropped_measure = NULL;
  SlStudy *study;
  SlAttendance *row;
  SlGuest *guest;

  roster_init (fixture, &roster);
  meeting = new_full_meeting (&roster);
  append (sl_meeting_get_measures (meeting), new_measure ("第二项整改", NULL));
  save_meeting_ok (fixture, meeting, SL_SAVE_REPLACE);
  kept_id = g_strdup (id_of (ITEM (sl_meeting_get_studies (meeting), 0)));
  dropped_id = g_strdup (id_of (ITEM (sl_meeting_get_studies (meeting), 1)));
  kept_measure = g_strdup (id_of (ITEM (sl_meeting_get_measures (meeting), 0)));
  dropped_measure = g_strdup (id_of (ITEM (sl_meeting_get_measures (meeting), 1)));
  assert_child_counts (fixture, id_of (meeting), 2, 3, 2, 2, 2);

  /* MERGE, as an archive with fewer rows brings it: a study, a measure
   * and two attendance rows are missing from the object, one study and
   * one attendance row changed. */
  edit = load_meeting_ok (fixture->ledger, id_of (meeting));
  g_list_store_remove (G_LIST_STORE (sl_meeting_get_studies (edit)), 1);
  study = find_study (edit, kept_id);
  sl_study_set_title (study, "习近平总书记重要讲话精神（修订）");
  g_list_store_remove (G_LIST_STORE (sl_meeting_get_measures (edit)), 1);
  g_list_store_remove_all (G_LIST_STORE (sl_meeting_get_attendance (edit)));
  row = new_attendance (id_of (roster.chair), SL_ATTENDANCE_STATUS_ABSENT);
  sl_attendance_set_reason (row, "临时外出");
  append (sl_meeting_get_attendance (edit), row);
  g_list_store_remove (G_LIST_STORE (sl_meeting_get_guests (edit)), 0);
  release_items ();
  save_meeting_ok (fixture, edit, SL_SAVE_MERGE);

  /* Nothing with an id was removed; guests are replaced either way. */
  assert_child_counts (fixture, id_of (meeting), 2, 3, 1, 2, 2);
  other = reopen (fixture);
  found = load_meeting_ok (other, id_of (meeting));
  g_assert_cmpint (g_list_model_get_n_items (sl_meeting_get_studies (found)), ==, 2);
  study = find_study (found, kept_id);
  g_assert_nonnull (study);
  g_assert_cmpstr (sl_study_get_title (study), ==, "习近平总书记重要讲话精神（修订）");
  study = find_study (found, dropped_id);
  g_assert_nonnull (study);
  g_assert_cmpstr (sl_study_get_title (study), ==, "《中国共产党纪律处分条例》");
  g_assert_true (sl_ledger_contains (other, SL_TYPE_MEASURE, dropped_measure));
  /* Attendance merged by member: the chair's row updated, the others kept. */
  g_assert_cmpint (g_list_model_get_n_items (sl_meeting_get_attendance (found)), ==, 3);
  row = find_attendance (found, id_of (roster.chair));
  g_assert_nonnull (row);
  g_assert_cmpint (sl_attendance_get_status (row), ==, SL_ATTENDANCE_STATUS_ABSENT);
  g_assert_cmpstr (sl_attendance_get_reason (row), ==, "临时外出");
  g_assert_true (!sl_attendance_get_late (row));
  row = find_attendance (found, id_of (roster.recorder));
  g_assert_nonnull (row);
  g_assert_cmpint (sl_attendance_get_status (row), ==, SL_ATTENDANCE_STATUS_LEAVE);
  g_assert_cmpstr (sl_attendance_get_reason (row), ==, "赴京参加培训（公差）");
  g_assert_nonnull (find_attendance (found, id_of (roster.third)));
  guest = ITEM (sl_meeting_get_guests (found), 0);
  g_assert_cmpstr (sl_guest_get_name (guest), ==, "钱科长");
  g_clear_object (&found);
  g_clear_object (&other);
  release_items ();

  /* REPLACE with the same object: the lists become exactly its own. */
  save_meeting_ok (fixture, edit, SL_SAVE_REPLACE);
  assert_child_counts (fixture, id_of (meeting), 1, 1, 1, 2, 1);
  g_assert_true (sl_ledger_contains (fixture->ledger, SL_TYPE_STUDY, kept_id));
  g_assert_true (!sl_ledger_contains (fixture->ledger, SL_TYPE_STUDY, dropped_id));
  g_assert_true (sl_ledger_contains (fixture->ledger, SL_TYPE_MEASURE, kept_measure));
  g_assert_true (!sl_ledger_contains (fixture->ledger, SL_TYPE_MEASURE, dropped_measure));
  g_assert_cmpint (search_count (fixture, "纪律处"), ==, 0);
  g_assert_cmpint (search_count (fixture, "第二项"), ==, 0);

  other = reopen (fixture);
  found = load_meeting_ok (other, id_of (meeting));
  g_assert_cmpint (g_list_model_get_n_items (sl_meeting_get_studies (found)), ==, 1);
  g_assert_cmpstr (sl_study_get_title (ITEM (sl_meeting_get_studies (found), 0)),
                   ==, "习近平总书记重要讲话精神（修订）");
  g_assert_cmpint (g_list_model_get_n_items (sl_meeting_get_attendance (found)), ==, 1);
  row = ITEM (sl_meeting_get_attendance (found), 0);
  g_assert_cmpstr (sl_attendance_get_member (row), ==, id_of (roster.chair));
  g_assert_cmpint (sl_attendance_get_status (row), ==, SL_ATTENDANCE_STATUS_ABSENT);

  /* MERGE adds a new study where REPLACE dropped one. */
  g_clear_object (&found);
  append (sl_meeting_get_studies (edit), new_study ("新增篇目", NULL, FALSE));
  save_meeting_ok (fixture, edit, SL_SAVE_MERGE);
  assert_child_counts (fixture, id_of (meeting), 2, 1, 1, 2, 1);
}

static void
test_meeting_unknown_reference (Fixture       *fixture,
                                gconstpointer  data)
{
  g_auto(Roster) roster = { NULL, };
  g_autoptr(SlMeeting) meeting = NULL;
  g_autoptr(SlMeeting) found = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *unknown = g_uuid_string_random ();
  g_autofree char *original_chair = NULL;
  SlStudy *study;
  SlAttendance *row;

  roster_init (fixture, &roster);

  /* The chair names nobody. */
  meeting = new_full_meeting (&roster);
  sl_meeting_set_chair (meeting, unknown);
  g_assert_true (!sl_ledger_save_meeting (fixture->ledger, meeting, SL_SAVE_REPLACE, &error));
  ASSERT_ERROR (error, SL_LEDGER_ERROR, SL_LEDGER_ERROR_REFERENCE);
  g_test_message ("refused: %s", error->message);
  g_assert_nonnull (strstr (error->message, "chair"));
  g_assert_nonnull (strstr (error->message, unknown));
  g_clear_error (&error);
  assert_no_transaction (fixture);
  g_assert_cmpint (count (fixture, "SELECT count(*) FROM meetings"), ==, 0);
  g_assert_true (!sl_ledger_contains (fixture->ledger, SL_TYPE_MEETING, id_of (meeting)));

  /* A study's lead names nobody: the meeting row was already written when
   * that is found, and must be undone with it. */
  sl_meeting_set_chair (meeting, id_of (roster.chair));
  study = ITEM (sl_meeting_get_studies (meeting), 1);
  sl_study_set_lead (study, unknown);
  g_assert_true (!sl_ledger_save_meeting (fixture->ledger, meeting, SL_SAVE_REPLACE, &error));
  ASSERT_ERROR (error, SL_LEDGER_ERROR, SL_LEDGER_ERROR_REFERENCE);
  g_test_message ("refused: %s", error->message);
  g_assert_nonnull (strstr (error->message, "studies[1]"));
  g_clear_error (&error);
  assert_no_transaction (fixture);
  g_assert_cmpint (count (fixture, "SELECT count(*) FROM meetings"), ==, 0);
  g_assert_cmpint (count (fixture, "SELECT count(*) FROM studies"), ==, 0);
  g_assert_cmpint (count (fixture, "SELECT count(*) FROM search_index"), ==, 0);

  /* The last list written, measures: everything before it is undone. */
  sl_study_set_lead (study, NULL);
  sl_measure_set_owner (ITEM (sl_meeting_get_measures (meeting), 0), unknown);
  g_assert_true (!sl_ledger_save_meeting (fixture->ledger, meeting, SL_SAVE_REPLACE, &error));
  ASSERT_ERROR (error, SL_LEDGER_ERROR, SL_LEDGER_ERROR_REFERENCE);
  g_assert_nonnull (strstr (error->message, "measures[0]"));
  g_clear_error (&error);
  assert_no_transaction (fixture);
  g_assert_cmpint (count (fixture, "SELECT count(*) FROM meetings"), ==, 0);
  g_assert_cmpint (count (fixture, "SELECT count(*) FROM studies"), ==, 0);
  g_assert_cmpint (count (fixture, "SELECT count(*) FROM attendance"), ==, 0);
  g_assert_cmpint (count (fixture, "SELECT count(*) FROM guests"), ==, 0);
  g_assert_cmpint (count (fixture, "SELECT count(*) FROM speeches"), ==, 0);
  g_assert_cmpint (count (fixture, "SELECT count(*) FROM measures"), ==, 0);

  /* Saved properly, then a bad edit leaves the stored meeting as it was. */
  sl_measure_set_owner (ITEM (sl_meeting_get_measures (meeting), 0), id_of (roster.third));
  save_meeting_ok (fixture, meeting, SL_SAVE_REPLACE);
  original_chair = g_strdup (sl_meeting_get_chair (meeting));
  sl_meeting_set_title (meeting, "不应写入");
  g_list_store_remove (G_LIST_STORE (sl_meeting_get_studies (meeting)), 0);
  row = ITEM (sl_meeting_get_attendance (meeting), 0);
  sl_attendance_set_member (row, unknown);
  g_assert_true (!sl_ledger_save_meeting (fixture->ledger, meeting, SL_SAVE_REPLACE, &error));
  ASSERT_ERROR (error, SL_LEDGER_ERROR, SL_LEDGER_ERROR_REFERENCE);
  g_assert_nonnull (strstr (error->message, "attendance[0]"));
  g_clear_error (&error);
  assert_no_transaction (fixture);

  found = load_meeting_ok (fixture->ledger, id_of (meeting));
  g_assert_cmpstr (sl_meeting_get_title (found), ==, "2023年第3次理论学习中心组集体学习");
  g_assert_cmpstr (sl_meeting_get_chair (found), ==, original_chair);
  assert_child_counts (fixture, id_of (meeting), 2, 3, 2, 2, 1);
  g_assert_cmpint (search_count (fixture, "不应写"), ==, 0);
}

static void
test_meeting_invalid (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autoptr(SlOrganization) organization = make_organization (fixture, "机关党委");
  g_autoptr(SlMeeting) meeting = sl_meeting_new ();
  g_autoptr(GError) error = NULL;

  sl_meeting_set_organization (meeting, id_of (organization));
  sl_meeting_set_kind (meeting, SL_MEETING_KIND_PARTY_GROUP);
  sl_meeting_set_date (meeting, "2023-02-30");
  g_assert_true (!sl_ledger_save_meeting (fixture->ledger, meeting, SL_SAVE_REPLACE, &error));
  ASSERT_ERROR (error, SL_LEDGER_ERROR, SL_LEDGER_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "date"));
  g_clear_error (&error);
  assert_no_transaction (fixture);

  sl_meeting_set_date (meeting, "2023-02-28");
  sl_meeting_set_kind (meeting, SL_MEETING_KIND_NONE);
  g_assert_true (!sl_ledger_save_meeting (fixture->ledger, meeting, SL_SAVE_REPLACE, &error));
  ASSERT_ERROR (error, SL_LEDGER_ERROR, SL_LEDGER_ERROR_INVALID);
  g_clear_error (&error);
  assert_no_transaction (fixture);
  g_assert_cmpint (count (fixture, "SELECT count(*) FROM meetings"), ==, 0);
}

/* ------------------------------------------------------------------ */
/* Deleting                                                           */
/* ------------------------------------------------------------------ */

static void
test_delete_meeting_cascades_and_undo (Fixture       *fixture,
                                       gconstpointer  data)
{
  g_auto(Roster) roster = { NULL, };
  g_autoptr(SlMeeting) meeting = NULL;
  g_autoptr(SlMeeting) other_meeting = NULL;
  g_autoptr(SlMeeting) found = NULL;
  g_autoptr(SlLedger) other = NULL;
  g_autoptr(GError) error = NULL;

  roster_init (fixture, &roster);
  meeting = new_full_meeting (&roster);
  save_meeting_ok (fixture, meeting, SL_SAVE_REPLACE);

  /* A second meeting whose rows must not be touched. */
  other_meeting = new_full_meeting (&roster);
  sl_meeting_set_title (other_meeting, "另一次会议");
  sl_meeting_set_date (other_meeting, "2023-03-16");
  save_meeting_ok (fixture, other_meeting, SL_SAVE_REPLACE);

  assert_child_counts (fixture, id_of (meeting), 2, 3, 2, 2, 1);
  g_assert_cmpint (search_count (fixture, "中心组集"), ==, 1);
  g_assert_cmpint (search_count (fixture, "谈体会"), ==, 2);

  g_assert_true (sl_ledger_delete (fixture->ledger, meeting, &error));
  g_assert_no_error (error);
  assert_no_transaction (fixture);
  g_assert_cmpint (sl_record_get_key (SL_RECORD (meeting)), ==, 0);
  g_assert_true (!sl_ledger_contains (fixture->ledger, SL_TYPE_MEETING, id_of (meeting)));
  g_assert_cmpint (count (fixture, "SELECT count(*) FROM meetings"), ==, 1);
  g_assert_cmpint (count (fixture, "SELECT count(*) FROM studies"), ==, 2);
  g_assert_cmpint (count (fixture, "SELECT count(*) FROM attendance"), ==, 3);
  g_assert_cmpint (count (fixture, "SELECT count(*) FROM guests"), ==, 2);
  g_assert_cmpint (count (fixture, "SELECT count(*) FROM speeches"), ==, 2);
  g_assert_cmpint (count (fixture, "SELECT count(*) FROM measures"), ==, 1);
  assert_child_counts (fixture, id_of (other_meeting), 2, 3, 2, 2, 1);
  /* Nothing of it can still be found by a search. */
  g_assert_cmpint (search_count (fixture, "中心组集"), ==, 0);
  g_assert_cmpint (search_count (fixture, "谈体会"), ==, 1);

  {
    g_autoptr(SlMeeting) missing = sl_ledger_load_meeting (fixture->ledger, id_of (meeting), &error);
    ASSERT_ERROR (error, SL_LEDGER_ERROR, SL_LEDGER_ERROR_NOT_FOUND);
    g_assert_true (missing == NULL);
    g_clear_error (&error);
  }

  /* Undo: the same object saved again, children and all. */
  save_meeting_ok (fixture, meeting, SL_SAVE_REPLACE);
  g_assert_cmpint (sl_record_get_key (SL_RECORD (meeting)), >, 0);
  assert_child_counts (fixture, id_of (meeting), 2, 3, 2, 2, 1);
  g_assert_cmpint (count (fixture, "SELECT count(*) FROM meetings"), ==, 2);
  g_assert_cmpint (search_count (fixture, "中心组集"), ==, 1);
  g_assert_cmpint (search_count (fixture, "谈体会"), ==, 2);

  other = reopen (fixture);
  found = load_meeting_ok (other, id_of (meeting));
  assert_full_meeting (found, meeting, &roster);
}


int
main (int argc, char *argv[])
{
  ledger_test_init (&argc, &argv);

#define ADD(name, func) \
  g_test_add ("/ledger/" name, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("meeting/round-trip", test_meeting_round_trip);
  ADD ("meeting/text-exact", test_meeting_text_exact);
  ADD ("meeting/replace-and-merge", test_meeting_replace_and_merge);
  ADD ("meeting/unknown-reference", test_meeting_unknown_reference);
  ADD ("meeting/invalid", test_meeting_invalid);
  ADD ("delete/meeting-cascades-and-undo", test_delete_meeting_cascades_and_undo);

#undef ADD

  return ledger_test_run ();
}
