/* sl-test-ledger.c — the fixture the test-ledger-*.c programs share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Moved from test-ledger.c when it was split by record kind.
 */

#include "config.h"

#include <glib/gstdio.h>
#include <string.h>

#include "sl-database.h"
#include "sl-test-ledger.h"
#include "sl-test-util.h"

void
ledger_test_init (int    *argc,
                  char ***argv)
{
  g_test_init (argc, argv, NULL);
  cleanup_items = g_ptr_array_new_with_free_func (g_object_unref);
}

int
ledger_test_run (void)
{
  int result = g_test_run ();

  g_ptr_array_unref (cleanup_items);
  return result;
}

SlLedger *
open_ledger (const char *path)
{
  g_autoptr(GError) error = NULL;
  SlLedger *ledger = sl_ledger_open (path, &error);

  g_assert_no_error (error);
  g_assert_nonnull (ledger);
  return ledger;
}

void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  fixture->folder = g_dir_make_tmp ("sl-ledger-XXXXXX", &error);
  g_assert_no_error (error);
  fixture->path = g_build_filename (fixture->folder, "ledger.db", NULL);
  fixture->ledger = open_ledger (fixture->path);
}

void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  release_items ();
  g_assert_finalize_object (g_steal_pointer (&fixture->ledger));
  remove_tree (fixture->folder);
  g_clear_pointer (&fixture->folder, g_free);
  g_clear_pointer (&fixture->path, g_free);
}

/* Another ledger on the same file: it knows only what is on disk. */
SlLedger *
reopen (Fixture *fixture)
{
  return open_ledger (fixture->path);
}

gint64
count (Fixture    *fixture,
       const char *sql)
{
  sqlite3 *db = sl_database_get_handle (sl_ledger_get_database (fixture->ledger));
  sqlite3_stmt *stmt = NULL;
  gint64 value;

  g_assert_cmpint (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  value = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);

  return value;
}

gint64
search_count (Fixture    *fixture,
              const char *three_chars)
{
  sqlite3 *db = sl_database_get_handle (sl_ledger_get_database (fixture->ledger));
  g_autofree char *query = g_strdup_printf ("\"%s\"", three_chars);
  sqlite3_stmt *stmt = NULL;
  gint64 value;

  g_assert_cmpint (sqlite3_prepare_v2 (db,
                                       "SELECT count(*) FROM search_index "
                                       "WHERE search_index MATCH ?",
                                       -1, &stmt, NULL), ==, SQLITE_OK);
  sqlite3_bind_text (stmt, 1, query, -1, SQLITE_TRANSIENT);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  value = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);

  return value;
}

/* No transaction may be left open by a save or a delete, failed or not. */
void
assert_no_transaction (Fixture *fixture)
{
  sqlite3 *db = sl_database_get_handle (sl_ledger_get_database (fixture->ledger));

  g_assert_cmpint (sqlite3_get_autocommit (db), ==, 1);
}

GPtrArray *cleanup_items;

gpointer
keep_item (gpointer item)
{
  g_assert_nonnull (item);
  g_ptr_array_add (cleanup_items, item);
  return item;
}

void
release_items (void)
{
  g_ptr_array_set_size (cleanup_items, 0);
}

SlOrganization *
make_organization (Fixture    *fixture,
                   const char *name)
{
  g_autoptr(GError) error = NULL;
  SlOrganization *organization = sl_organization_new ();

  sl_organization_set_name (organization, name);
  sl_organization_set_kind (organization, SL_ORGANIZATION_KIND_BRANCH);
  g_assert_true (sl_ledger_save_organization (fixture->ledger, organization, &error));
  g_assert_no_error (error);

  return organization;
}

SlMember *
make_member (Fixture        *fixture,
             SlOrganization *organization,
             const char     *name,
             int             sort)
{
  g_autoptr(GError) error = NULL;
  SlMember *member = sl_member_new ();

  sl_member_set_name (member, name);
  sl_member_set_organization (member, sl_record_get_id (SL_RECORD (organization)));
  sl_member_set_sort (member, sort);
  g_assert_true (sl_ledger_save_member (fixture->ledger, member, &error));
  g_assert_no_error (error);

  return member;
}

const char *
id_of (gpointer record)
{
  return sl_record_get_id (SL_RECORD (record));
}

void
save_meeting_ok (Fixture     *fixture,
                 SlMeeting   *meeting,
                 SlSaveFlags  flags)
{
  g_autoptr(GError) error = NULL;

  gboolean saved = sl_ledger_save_meeting (fixture->ledger, meeting, flags, &error);

  g_assert_no_error (error);
  g_assert_true (saved);
  assert_no_transaction (fixture);
}

SlMeeting *
load_meeting_ok (SlLedger   *ledger,
                 const char *id)
{
  g_autoptr(GError) error = NULL;
  SlMeeting *meeting = sl_ledger_load_meeting (ledger, id, &error);

  g_assert_no_error (error);
  g_assert_nonnull (meeting);
  return meeting;
}

void
append (GListModel *model,
        gpointer    item)
{
  g_list_store_append (G_LIST_STORE (model), item);
  g_object_unref (item);
}


void
roster_clear (Roster *roster)
{
  g_clear_object (&roster->organization);
  g_clear_object (&roster->chair);
  g_clear_object (&roster->recorder);
  g_clear_object (&roster->third);
  g_clear_object (&roster->plan);
  g_clear_object (&roster->plan_item);
}


void
roster_init (Fixture *fixture,
             Roster  *roster)
{
  g_autoptr(GError) error = NULL;

  roster->organization = make_organization (fixture, "机关党委");
  roster->chair = make_member (fixture, roster->organization, "张三", 1);
  roster->recorder = make_member (fixture, roster->organization, "李四", 2);
  roster->third = make_member (fixture, roster->organization, "王五", 3);

  roster->plan = sl_plan_new ();
  sl_plan_set_organization (roster->plan, id_of (roster->organization));
  sl_plan_set_year (roster->plan, 2023);
  roster->plan_item = sl_plan_item_new ();
  sl_plan_item_set_month (roster->plan_item, 3);
  sl_plan_item_set_theme (roster->plan_item, "三月专题");
  g_list_store_append (G_LIST_STORE (sl_plan_get_items (roster->plan)), roster->plan_item);
  g_assert_true (sl_ledger_save_plan (fixture->ledger, roster->plan, SL_SAVE_REPLACE, &error));
  g_assert_no_error (error);
}

SlStudy *
new_study (const char *title,
           const char *lead,
           gboolean    first_topic)
{
  SlStudy *study = sl_study_new ();

  sl_study_set_title (study, title);
  sl_study_set_source (study, "人民日报");
  sl_study_set_published_on (study, "2023-03-01");
  sl_study_set_lead (study, lead);
  sl_study_set_first_topic (study, first_topic);
  sl_study_set_summary (study, "要点：" RICH_TEXT);

  return study;
}

SlAttendance *
new_attendance (const char         *member,
                SlAttendanceStatus  status)
{
  SlAttendance *row = sl_attendance_new ();

  sl_attendance_set_member (row, member);
  sl_attendance_set_status (row, status);

  return row;
}

SlMeasure *
new_measure (const char *text,
             const char *owner)
{
  SlMeasure *measure = sl_measure_new ();

  sl_measure_set_text (measure, text);
  sl_measure_set_owner (measure, owner);
  sl_measure_set_department (measure, "组织部");
  sl_measure_set_due_on (measure, "2023-06-30");
  sl_measure_set_status (measure, SL_MEASURE_STATUS_IN_PROGRESS);
  sl_measure_set_progress (measure, "已完成初稿");

  return measure;
}

/* A meeting with every field and all five lists filled. */
SlMeeting *
new_full_meeting (Roster *roster)
{
  SlMeeting *meeting = sl_meeting_new ();
  SlAttendance *row;
  SlGuest *guest;
  SlSpeech *speech;

  sl_meeting_set_organization (meeting, id_of (roster->organization));
  sl_meeting_set_kind (meeting, SL_MEETING_KIND_CENTRAL_GROUP);
  sl_meeting_set_sequence (meeting, 3);
  sl_meeting_set_title (meeting, "2023年第3次理论学习中心组集体学习");
  sl_meeting_set_date (meeting, "2023-03-15");
  sl_meeting_set_start (meeting, "09:00");
  sl_meeting_set_end (meeting, "11:30");
  sl_meeting_set_place (meeting, "三楼会议室");
  sl_meeting_set_chair (meeting, id_of (roster->chair));
  sl_meeting_set_recorder (meeting, id_of (roster->recorder));
  sl_meeting_set_form (meeting, SL_STUDY_FORM_COLLECTIVE_STUDY);
  sl_meeting_set_theme (meeting, RICH_TEXT);
  sl_meeting_set_expanded (meeting, TRUE);
  sl_meeting_set_plan_item (meeting, id_of (roster->plan_item));
  sl_meeting_set_chair_summary (meeting, "主持人总结：\r\n一是……二是……");
  sl_meeting_set_decisions (meeting, "会议决定：" RICH_TEXT);
  sl_meeting_set_note (meeting, "备注");

  append (sl_meeting_get_studies (meeting),
          new_study ("习近平总书记重要讲话精神", id_of (roster->chair), TRUE));
  append (sl_meeting_get_studies (meeting),
          new_study ("《中国共产党纪律处分条例》", NULL, FALSE));

  row = new_attendance (id_of (roster->chair), SL_ATTENDANCE_STATUS_PRESENT);
  sl_attendance_set_late (row, TRUE);
  append (sl_meeting_get_attendance (meeting), row);
  row = new_attendance (id_of (roster->recorder), SL_ATTENDANCE_STATUS_LEAVE);
  sl_attendance_set_leave_kind (row, SL_LEAVE_KIND_OFFICIAL);
  sl_attendance_set_reason (row, "赴京参加培训（公差）");
  sl_attendance_set_has_makeup (row, TRUE);
  sl_attendance_set_makeup_on (row, "2023-03-20");
  sl_attendance_set_makeup_method (row, "自学并撰写心得");
  sl_attendance_set_makeup_evidence (row, "心得体会一篇");
  append (sl_meeting_get_attendance (meeting), row);
  row = new_attendance (id_of (roster->third), SL_ATTENDANCE_STATUS_PRESENT);
  sl_attendance_set_left_early (row, TRUE);
  append (sl_meeting_get_attendance (meeting), row);

  guest = sl_guest_new ();
  sl_guest_set_name (guest, "赵处长");
  sl_guest_set_post (guest, "市委宣传部");
  append (sl_meeting_get_guests (meeting), guest);
  guest = sl_guest_new ();
  sl_guest_set_name (guest, "钱科长");
  append (sl_meeting_get_guests (meeting), guest);

  speech = sl_speech_new ();
  sl_speech_set_speaker (speech, id_of (roster->third));
  sl_speech_set_points (speech, "结合分管工作谈体会");
  append (sl_meeting_get_speeches (meeting), speech);
  speech = sl_speech_new ();
  sl_speech_set_speaker_name (speech, "赵处长");
  sl_speech_set_points (speech, "列席发言：" RICH_TEXT);
  append (sl_meeting_get_speeches (meeting), speech);

  append (sl_meeting_get_measures (meeting),
          new_measure ("建立调研成果转化清单", id_of (roster->third)));

  return meeting;
}

gint64
count_children (Fixture    *fixture,
                const char *table,
                const char *meeting_id)
{
  /* Tables are literals of this file; the id is bound. */
  g_autofree char *sql = g_strdup_printf ("SELECT count(*) FROM %s WHERE meeting_id = "
                                          "(SELECT id FROM meetings WHERE uuid = ?)", table);
  sqlite3 *db = sl_database_get_handle (sl_ledger_get_database (fixture->ledger));
  sqlite3_stmt *stmt = NULL;
  gint64 value;

  g_assert_cmpint (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL), ==, SQLITE_OK);
  sqlite3_bind_text (stmt, 1, meeting_id, -1, SQLITE_TRANSIENT);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  value = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);

  return value;
}

void
assert_full_meeting (SlMeeting *found,
                     SlMeeting *saved,
                     Roster    *roster)
{
  GListModel *list;
  SlStudy *study, *saved_study;
  SlAttendance *row;
  SlGuest *guest;
  SlSpeech *speech;
  SlMeasure *measure, *saved_measure;

  g_assert_true (found != saved);
  g_assert_cmpstr (id_of (found), ==, id_of (saved));
  g_assert_cmpstr (sl_meeting_get_organization (found), ==, id_of (roster->organization));
  g_assert_cmpint (sl_meeting_get_kind (found), ==, SL_MEETING_KIND_CENTRAL_GROUP);
  g_assert_cmpint (sl_meeting_get_sequence (found), ==, 3);
  g_assert_cmpstr (sl_meeting_get_title (found), ==, "2023年第3次理论学习中心组集体学习");
  g_assert_cmpstr (sl_meeting_get_date (found), ==, "2023-03-15");
  g_assert_cmpint (sl_meeting_get_year (found), ==, 2023);
  g_assert_cmpstr (sl_meeting_get_start (found), ==, "09:00");
  g_assert_cmpstr (sl_meeting_get_end (found), ==, "11:30");
  g_assert_cmpstr (sl_meeting_get_place (found), ==, "三楼会议室");
  g_assert_cmpstr (sl_meeting_get_chair (found), ==, id_of (roster->chair));
  g_assert_cmpstr (sl_meeting_get_recorder (found), ==, id_of (roster->recorder));
  g_assert_cmpint (sl_meeting_get_form (found), ==, SL_STUDY_FORM_COLLECTIVE_STUDY);
  g_assert_cmpstr (sl_meeting_get_theme (found), ==, RICH_TEXT);
  g_assert_true (sl_meeting_get_expanded (found));
  g_assert_cmpstr (sl_meeting_get_plan_item (found), ==, id_of (roster->plan_item));
  g_assert_cmpstr (sl_meeting_get_chair_summary (found), ==, "主持人总结：\r\n一是……二是……");
  g_assert_cmpstr (sl_meeting_get_decisions (found), ==, "会议决定：" RICH_TEXT);
  g_assert_cmpstr (sl_meeting_get_note (found), ==, "备注");

  list = sl_meeting_get_studies (found);
  g_assert_cmpint (g_list_model_get_n_items (list), ==, 2);
  study = ITEM (list, 0);
  saved_study = ITEM (sl_meeting_get_studies (saved), 0);
  g_assert_cmpstr (id_of (study), ==, id_of (saved_study));
  g_assert_cmpstr (sl_study_get_title (study), ==, "习近平总书记重要讲话精神");
  g_assert_cmpstr (sl_study_get_source (study), ==, "人民日报");
  g_assert_cmpstr (sl_study_get_published_on (study), ==, "2023-03-01");
  g_assert_cmpstr (sl_study_get_lead (study), ==, id_of (roster->chair));
  g_assert_true (sl_study_get_first_topic (study));
  g_assert_cmpstr (sl_study_get_summary (study), ==, "要点：" RICH_TEXT);
  study = ITEM (list, 1);
  saved_study = ITEM (sl_meeting_get_studies (saved), 1);
  g_assert_cmpstr (id_of (study), ==, id_of (saved_study));
  g_assert_cmpstr (sl_study_get_title (study), ==, "《中国共产党纪律处分条例》");
  g_assert_cmpstr (sl_study_get_lead (study), ==, NULL);
  g_assert_true (!sl_study_get_first_topic (study));

  list = sl_meeting_get_attendance (found);
  g_assert_cmpint (g_list_model_get_n_items (list), ==, 3);
  row = ITEM (list, 0);
  g_assert_cmpstr (sl_attendance_get_member (row), ==, id_of (roster->chair));
  g_assert_cmpint (sl_attendance_get_status (row), ==, SL_ATTENDANCE_STATUS_PRESENT);
  g_assert_cmpint (sl_attendance_get_leave_kind (row), ==, SL_LEAVE_KIND_NONE);
  g_assert_cmpstr (sl_attendance_get_reason (row), ==, NULL);
  g_assert_true (sl_attendance_get_late (row));
  g_assert_true (!sl_attendance_get_left_early (row));
  g_assert_true (!sl_attendance_get_has_makeup (row));
  row = ITEM (list, 1);
  g_assert_cmpstr (sl_attendance_get_member (row), ==, id_of (roster->recorder));
  g_assert_cmpint (sl_attendance_get_status (row), ==, SL_ATTENDANCE_STATUS_LEAVE);
  g_assert_cmpint (sl_attendance_get_leave_kind (row), ==, SL_LEAVE_KIND_OFFICIAL);
  g_assert_cmpstr (sl_attendance_get_reason (row), ==, "赴京参加培训（公差）");
  g_assert_true (!sl_attendance_get_late (row));
  g_assert_true (!sl_attendance_get_left_early (row));
  g_assert_true (sl_attendance_get_has_makeup (row));
  g_assert_cmpstr (sl_attendance_get_makeup_on (row), ==, "2023-03-20");
  g_assert_cmpstr (sl_attendance_get_makeup_method (row), ==, "自学并撰写心得");
  g_assert_cmpstr (sl_attendance_get_makeup_evidence (row), ==, "心得体会一篇");
  g_assert_true (sl_attendance_is_made_up (row));
  row = ITEM (list, 2);
  g_assert_cmpstr (sl_attendance_get_member (row), ==, id_of (roster->third));
  g_assert_cmpint (sl_attendance_get_status (row), ==, SL_ATTENDANCE_STATUS_PRESENT);
  g_assert_true (!sl_attendance_get_late (row));
  g_assert_true (sl_attendance_get_left_early (row));
  g_assert_cmpstr (sl_attendance_get_makeup_on (row), ==, NULL);

  list = sl_meeting_get_guests (found);
  g_assert_cmpint (g_list_model_get_n_items (list), ==, 2);
  guest = ITEM (list, 0);
  g_assert_cmpstr (sl_guest_get_name (guest), ==, "赵处长");
  g_assert_cmpstr (sl_guest_get_post (guest), ==, "市委宣传部");
  guest = ITEM (list, 1);
  g_assert_cmpstr (sl_guest_get_name (guest), ==, "钱科长");
  g_assert_cmpstr (sl_guest_get_post (guest), ==, NULL);

  list = sl_meeting_get_speeches (found);
  g_assert_cmpint (g_list_model_get_n_items (list), ==, 2);
  speech = ITEM (list, 0);
  g_assert_cmpstr (sl_speech_get_speaker (speech), ==, id_of (roster->third));
  g_assert_cmpstr (sl_speech_get_speaker_name (speech), ==, NULL);
  g_assert_cmpstr (sl_speech_get_points (speech), ==, "结合分管工作谈体会");
  speech = ITEM (list, 1);
  g_assert_cmpstr (sl_speech_get_speaker (speech), ==, NULL);
  g_assert_cmpstr (sl_speech_get_speaker_name (speech), ==, "赵处长");
  g_assert_cmpstr (sl_speech_get_points (speech), ==, "列席发言：" RICH_TEXT);

  list = sl_meeting_get_measures (found);
  g_assert_cmpint (g_list_model_get_n_items (list), ==, 1);
  measure = ITEM (list, 0);
  saved_measure = ITEM (sl_meeting_get_measures (saved), 0);
  g_assert_cmpstr (id_of (measure), ==, id_of (saved_measure));
  g_assert_cmpstr (sl_measure_get_text (measure), ==, "建立调研成果转化清单");
  g_assert_cmpstr (sl_measure_get_owner (measure), ==, id_of (roster->third));
  g_assert_cmpstr (sl_measure_get_department (measure), ==, "组织部");
  g_assert_cmpstr (sl_measure_get_due_on (measure), ==, "2023-06-30");
  g_assert_cmpint (sl_measure_get_status (measure), ==, SL_MEASURE_STATUS_IN_PROGRESS);
  g_assert_cmpstr (sl_measure_get_done_on (measure), ==, NULL);
  g_assert_cmpstr (sl_measure_get_progress (measure), ==, "已完成初稿");
}

void
assert_child_counts (Fixture    *fixture,
                     const char *meeting_id,
                     gint64      studies,
                     gint64      attendance,
                     gint64      guests,
                     gint64      speeches,
                     gint64      measures)
{
  g_assert_cmpint (count_children (fixture, "studies", meeting_id), ==, studies);
  g_assert_cmpint (count_children (fixture, "attendance", meeting_id), ==, attendance);
  g_assert_cmpint (count_children (fixture, "guests", meeting_id), ==, guests);
  g_assert_cmpint (count_children (fixture, "speeches", meeting_id), ==, speeches);
  g_assert_cmpint (count_children (fixture, "measures", meeting_id), ==, measures);
}

