/* test-window-people.c — the window's pages of issue 15: topic pool, talks, records
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Runs under Xvfb (build-aux/setup.sh --test). Each test opens a window on
 * a fresh ledger filled from the example archive (2025 of a 党组 and two
 * branches); today is 2025-12-31 (SL_TODAY). Records are added through the
 * core, driven through the pages' actions and dialogs as a user would, and
 * read back through the ledger.
 */

#include "config.h"

#include <adwaita.h>
#include <glib/gstdio.h>
#include <string.h>

#include "sl-archive.h"
#include "sl-ledger.h"
#include "sl-ledger-people.h"
#include "sl-meeting.h"
#include "sl-meeting-editor.h"
#include "sl-meeting-pool-link.h"
#include "sl-meeting-extra-rows.h"
#include "sl-meeting-guest-superior.h"
#include "sl-guest.h"
#include "sl-guest-remarks.h"
#include "sl-measure.h"
#include "sl-meetings-page.h"
#include "sl-overview-page.h"
#include "sl-pool-page.h"
#include "sl-record-dialog.h"
#include "sl-roster-dialog.h"
#include "sl-csv-reader.h"
#include "sl-reports-page.h"
#include "sl-member-record-page.h"
#include "sl-export-job.h"
#include "sl-statistics.h"
#include "sl-branch-report.h"
#include "sl-study-note.h"
#include "sl-talks-page.h"
#include "sl-study.h"
#include "sl-talk.h"
#include "sl-topic.h"
#include "sl-topic-pool.h"
#include "sl-window.h"
#include "sl-test-util.h"
#include "sl-test-window.h"
#include "sl-test-display.h"

#define TODAY "2025-12-31"
#define PARTY_GROUP "62c9f9b1-c1a6-541b-b10c-986195dc206a"
#define FIRST_MEETING "e20472f6-70f4-5429-bcce-6c5709a2d5fb"   /* 党组会议 2025-01-08 */
#define WANG "d5b85be2-1904-5016-a055-23eee4b431b3"
#define LI "20d56d46-7fe4-5869-b72d-3b82cdab3c8d"

typedef struct
{
  char      *folder;
  char      *path;
  SlLedger  *ledger;
  SlWindow  *window;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);

  fixture->folder = make_temp_folder ("test-window-people-XXXXXX");
  fixture->path = g_build_filename (fixture->folder, "ledger.db", NULL);
  fixture->ledger = sl_test_example_ledger (fixture->path);

  g_settings_reset (settings, "last-year");
}

static void
open_window (Fixture *fixture)
{
  fixture->window = sl_window_new (NULL, fixture->ledger, FALSE);
  gtk_window_present (GTK_WINDOW (fixture->window));
  while (!gtk_widget_get_mapped (GTK_WIDGET (fixture->window)))
    g_main_context_iteration (NULL, TRUE);
  sl_test_iterate (50);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  sl_test_window_close (fixture->window, fixture->ledger);

  remove_tree (fixture->folder);
  g_free (fixture->path);
  g_free (fixture->folder);
}

static void
show_page (Fixture    *fixture,
           const char *name)
{
  gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.show-page", "s", name);
  sl_test_iterate (50);
  g_assert_cmpstr (sl_window_get_page_name (fixture->window), ==, name);
}

static char *
add_topic (Fixture    *fixture,
           const char *title,
           const char *received_on)
{
  g_autoptr(SlTopic) topic = sl_topic_new ();
  g_autoptr(GError) error = NULL;

  sl_topic_set_organization (topic, PARTY_GROUP);
  sl_topic_set_title (topic, title);
  sl_topic_set_source_kind (topic, SL_TOPIC_SOURCE_CENTRAL_DOCUMENT);
  sl_topic_set_source (topic, "新华社");
  sl_topic_set_received_on (topic, received_on);
  g_assert_true (sl_ledger_save_topic (fixture->ledger, topic, &error));
  g_assert_no_error (error);
  return g_strdup (sl_record_get_id (SL_RECORD (topic)));
}

/* Names @topic in the first study of @meeting, through the core. */
static void
study_topic (Fixture    *fixture,
             const char *meeting_id,
             const char *topic)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SlMeeting) meeting = sl_ledger_load_meeting (fixture->ledger, meeting_id, &error);
  g_autoptr(SlStudy) study = NULL;

  g_assert_no_error (error);
  g_assert_true (sl_ledger_load_meeting_details (fixture->ledger, meeting, &error));
  study = g_list_model_get_item (sl_meeting_get_studies (meeting), 0);
  sl_study_set_topic (study, topic);
  g_assert_true (sl_ledger_save_meeting (fixture->ledger, meeting, SL_SAVE_REPLACE, &error));
  g_assert_no_error (error);
}

static SlPoolEntry *
pool_entry (GPtrArray  *pool,
            const char *topic)
{
  for (guint i = 0; i < pool->len; i++)
    {
      SlPoolEntry *entry = g_ptr_array_index (pool, i);

      if (g_strcmp0 (sl_record_get_id (SL_RECORD (entry->topic)), topic) == 0)
        return entry;
    }
  return NULL;
}

static SlRecordDialog *
find_dialog (void)
{
  GListModel *toplevels = gtk_window_get_toplevels ();   /* transfer none */

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GObject) window = g_list_model_get_item (toplevels, i);

      if (SL_IS_RECORD_DIALOG (window) && gtk_widget_get_visible (GTK_WIDGET (window)))
        return SL_RECORD_DIALOG (window);
    }
  return NULL;
}

/* What the Save button does: answer, then close. */
static void
save_and_close (SlRecordDialog *dialog)
{
  adw_message_dialog_response (ADW_MESSAGE_DIALOG (dialog), "save");
  gtk_window_destroy (GTK_WINDOW (dialog));
  sl_test_iterate (50);
  g_assert_null (find_dialog ());
}

/* Topic pool ---------------------------------------------------------------- */

/* Each status as the page shows it: 已逾期 red (CSS "error"), 已学习 with
 * the meeting that studied it, which activating the row opens. */
static void
test_pool_statuses (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autofree char *overdue = add_topic (fixture, "关于加强统计监督的意见", "2025-10-01");
  g_autofree char *open = add_topic (fixture, "在全国统计工作会议上的讲话", "2025-12-20");
  /* Due on day 30, 2025-12-31: today, still in time. */
  g_autofree char *due_today = add_topic (fixture, "重要指示批示精神", "2025-12-01");
  g_autofree char *studied = add_topic (fixture, "中央政治局民主生活会重要讲话", "2024-12-31");
  g_autofree char *last_year = add_topic (fixture, "2024年未学文件", "2024-03-01");
  SlPoolPage *page;
  GtkWidget *label;

  /* Studied on 2025-01-08, day 8: in time; on the page of 2025 though
   * received in 2024. An item of 2024 never studied waits on 2025's page
   * too, overdue. */
  study_topic (fixture, FIRST_MEETING, studied);

  open_window (fixture);

  /* The overview counts the overdue items, in red, and leads to the pool. */
  show_page (fixture, "overview");
  {
    GtkWidget *overview = sl_window_get_page (fixture->window, "overview");
    GtkWidget *row;

    /* The window's first frame may not be painted yet, after which the
     * page counts the year: asking for its figures counts it now. */
    g_assert_nonnull (sl_overview_page_get_overview (SL_OVERVIEW_PAGE (overview)));
    row = sl_test_find_named (overview, "pool-overdue");

    g_assert_nonnull (row);
    g_assert_cmpstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (row)), ==, "5 items, 2 overdue");
    g_assert_true (gtk_widget_has_css_class (row, "error"));
    g_assert_cmpstr (gtk_actionable_get_action_name (GTK_ACTIONABLE (row)), ==, "win.show-page");
  }

  show_page (fixture, "pool");
  page = SL_POOL_PAGE (sl_window_get_page (fixture->window, "pool"));

  g_assert_cmpuint (sl_pool_page_get_n_items (page), ==, 5);
  g_assert_cmpuint (sl_pool_page_get_n_overdue (page), ==, 2);
  g_assert_true (gtk_widget_has_css_class (sl_pool_page_get_status_label (page, last_year), "error"));

  label = sl_pool_page_get_status_label (page, overdue);
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (label)), ==, "Overdue");
  g_assert_true (gtk_widget_has_css_class (label, "error"));

  label = sl_pool_page_get_status_label (page, open);
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (label)), ==, "To study");
  g_assert_false (gtk_widget_has_css_class (label, "error"));
  label = sl_pool_page_get_status_label (page, due_today);
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (label)), ==, "To study");
  g_assert_false (gtk_widget_has_css_class (label, "error"));

  label = sl_pool_page_get_status_label (page, studied);
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (label)), ==, "Studied");
  g_assert_false (gtk_widget_has_css_class (label, "error"));
  g_assert_true (gtk_widget_has_css_class (label, "success"));

  /* Only the studied item opens a meeting: that one. */
  g_assert_null (gtk_actionable_get_action_name (GTK_ACTIONABLE (sl_pool_page_get_row (page, open))));
  g_signal_emit_by_name (sl_pool_page_get_row (page, studied), "activate");
  sl_test_iterate (100);
  g_assert_cmpstr (sl_window_get_page_name (fixture->window), ==, "meetings");
  {
    GtkWidget *meetings = sl_window_get_page (fixture->window, "meetings");
    SlMeetingEditor *editor = SL_MEETING_EDITOR (gtk_widget_get_template_child (meetings, SL_TYPE_MEETINGS_PAGE,
                                                                                 "editor"));

    g_assert_nonnull (sl_meeting_editor_get_meeting (editor));
    g_assert_cmpstr (sl_record_get_id (SL_RECORD (sl_meeting_editor_get_meeting (editor))), ==, FIRST_MEETING);
  }

  /* Another year: what 2024 received. */
  sl_window_set_year (fixture->window, 2024);
  show_page (fixture, "pool");
  g_assert_cmpuint (sl_pool_page_get_n_items (page), ==, 2);
  g_assert_nonnull (sl_pool_page_get_row (page, last_year));
}

/* Add through the dialog, delete, undo: the ledger has what the page says. */
static void
test_pool_add_delete_undo (Fixture       *fixture,
                           gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) topics = NULL;
  SlRecordDialog *dialog;
  SlPoolPage *page;
  SlTopic *topic;
  g_autofree char *id = NULL;

  open_window (fixture);
  show_page (fixture, "pool");
  page = SL_POOL_PAGE (sl_window_get_page (fixture->window, "pool"));
  g_assert_cmpuint (sl_pool_page_get_n_items (page), ==, 0);

  gtk_widget_activate_action (GTK_WIDGET (page), "pool.add", NULL);
  sl_test_iterate (50);
  dialog = find_dialog ();
  g_assert_nonnull (dialog);
  /* No title: nothing to save. A date that is no day keeps Save off too. */
  g_assert_false (sl_record_dialog_can_save (dialog));
  sl_record_dialog_set_text (dialog, "title", "关于做好年度统计工作的通知");
  g_assert_true (sl_record_dialog_can_save (dialog));
  sl_record_dialog_set_text (dialog, "received-on", "2025-02-30");
  g_assert_false (sl_record_dialog_can_save (dialog));
  g_assert_true (gtk_widget_has_css_class (sl_record_dialog_get_field (dialog, "received-on"), "error"));
  sl_record_dialog_set_text (dialog, "received-on", "2025年3月5日");
  g_assert_true (sl_record_dialog_can_save (dialog));
  sl_record_dialog_set_choice (dialog, "source-kind", SL_TOPIC_SOURCE_INSTRUCTION);
  sl_record_dialog_set_text (dialog, "source", "国家统计局");
  save_and_close (dialog);

  topics = sl_ledger_load_topics (fixture->ledger, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (topics->len, ==, 1);
  topic = g_ptr_array_index (topics, 0);
  g_assert_cmpstr (sl_topic_get_title (topic), ==, "关于做好年度统计工作的通知");
  g_assert_cmpstr (sl_topic_get_received_on (topic), ==, "2025-03-05");
  g_assert_cmpstr (sl_topic_get_source (topic), ==, "国家统计局");
  g_assert_cmpstr (sl_topic_get_organization (topic), ==, PARTY_GROUP);
  g_assert_cmpint (sl_topic_get_source_kind (topic), ==, SL_TOPIC_SOURCE_INSTRUCTION);
  id = g_strdup (sl_record_get_id (SL_RECORD (topic)));
  g_clear_pointer (&topics, g_ptr_array_unref);

  /* Received 2025-03-05, not studied by 12-31: overdue. */
  g_assert_cmpuint (sl_pool_page_get_n_items (page), ==, 1);
  g_assert_cmpuint (sl_pool_page_get_n_overdue (page), ==, 1);
  g_assert_true (gtk_widget_has_css_class (sl_pool_page_get_status_label (page, id), "error"));

  gtk_widget_activate_action (GTK_WIDGET (page), "pool.delete", "s", id);
  sl_test_iterate (50);
  g_assert_cmpuint (sl_pool_page_get_n_items (page), ==, 0);
  topics = sl_ledger_load_topics (fixture->ledger, &error);
  g_assert_cmpuint (topics->len, ==, 0);
  g_clear_pointer (&topics, g_ptr_array_unref);

  gtk_widget_activate_action (GTK_WIDGET (page), "pool.undo", NULL);
  sl_test_iterate (50);
  g_assert_cmpuint (sl_pool_page_get_n_items (page), ==, 1);
  topics = sl_ledger_load_topics (fixture->ledger, &error);
  g_assert_cmpuint (topics->len, ==, 1);
  g_assert_cmpstr (sl_record_get_id (g_ptr_array_index (topics, 0)), ==, id);
  g_assert_cmpstr (sl_topic_get_title (g_ptr_array_index (topics, 0)), ==, "关于做好年度统计工作的通知");
}

/* The meeting editor offers the open items, most urgent first, and
 * choosing one links the study to it: the pool then shows it studied at
 * that meeting. */
static void
test_pool_link_study (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autofree char *later = add_topic (fixture, "在全国统计工作会议上的讲话", "2025-12-20");
  g_autofree char *urgent = add_topic (fixture, "关于加强统计监督的意见", "2025-10-01");
  g_autofree char *sooner = add_topic (fixture, "重要指示批示精神", "2025-12-01");
  g_autoptr(GPtrArray) pool = NULL;
  g_autoptr(GError) error = NULL;
  GtkWidget *meetings;
  SlMeetingEditor *editor;
  SlMeetingPoolLink *link;
  SlPoolEntry *entry;
  SlStudy *study;

  open_window (fixture);
  gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.open-meeting", "s", FIRST_MEETING);
  sl_test_iterate (100);
  meetings = sl_window_get_page (fixture->window, "meetings");
  editor = SL_MEETING_EDITOR (gtk_widget_get_template_child (meetings, SL_TYPE_MEETINGS_PAGE, "editor"));
  link = SL_MEETING_POOL_LINK (sl_test_find_widget (GTK_WIDGET (editor), SL_TYPE_MEETING_POOL_LINK));
  g_assert_nonnull (link);

  g_assert_cmpuint (sl_meeting_pool_link_get_n_items (link), ==, 3);
  g_assert_cmpstr (sl_meeting_pool_link_get_item (link, 1), ==, urgent);
  g_assert_cmpstr (sl_meeting_pool_link_get_item (link, 2), ==, sooner);
  g_assert_cmpstr (sl_meeting_pool_link_get_item (link, 3), ==, later);
  g_assert_cmpuint (adw_combo_row_get_selected (ADW_COMBO_ROW (link)), ==, 0);

  adw_combo_row_set_selected (ADW_COMBO_ROW (link), 1);
  study = g_list_model_get_item (sl_meeting_get_studies (sl_meeting_editor_get_meeting (editor)), 0);
  g_assert_cmpstr (sl_study_get_topic (study), ==, urgent);
  g_assert_true (sl_study_get_first_topic (study));
  /* The study had a title: it is kept. */
  g_assert_cmpstr (sl_study_get_title (study), ==, "习近平总书记在中共中央政治局民主生活会上的重要讲话");
  g_object_unref (study);
  g_assert_true (sl_meeting_editor_flush (editor, NULL));
  sl_test_iterate (50);

  pool = sl_topic_pool_load (fixture->ledger, NULL, TODAY, &error);
  g_assert_no_error (error);
  entry = pool_entry (pool, urgent);
  g_assert_cmpstr (entry->meeting, ==, FIRST_MEETING);
  g_assert_cmpstr (entry->studied_on, ==, "2025-01-08");
  g_assert_cmpint (entry->status, ==, SL_POOL_STATUS_STUDIED);
  g_assert_null (pool_entry (pool, later)->meeting);

  /* The pool page shows it studied. */
  show_page (fixture, "pool");
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (sl_pool_page_get_status_label (
                     SL_POOL_PAGE (sl_window_get_page (fixture->window, "pool")), urgent))), ==, "Studied");
}

/* Talks ------------------------------------------------------------------- */

/* A talk with a member and one with a name typed: stored as typed, shown,
 * deleted and brought back. */
static void
test_talks_add_delete_undo (Fixture       *fixture,
                            gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) talks = NULL;
  SlRecordDialog *dialog;
  SlTalksPage *page;
  SlTalk *talk;
  g_autofree char *id = NULL;

  open_window (fixture);
  show_page (fixture, "talks");
  page = SL_TALKS_PAGE (sl_window_get_page (fixture->window, "talks"));
  g_assert_cmpuint (sl_talks_page_get_n_talks (page), ==, 0);

  /* With a member: 王建国 (first on the roster) talks with 李红梅. */
  gtk_widget_activate_action (GTK_WIDGET (page), "talks.add", NULL);
  sl_test_iterate (50);
  dialog = find_dialog ();
  g_assert_nonnull (dialog);
  /* Today (2025-12-31) is filled in: the form can be saved at once. */
  g_assert_true (sl_record_dialog_can_save (dialog));
  sl_record_dialog_set_text (dialog, "date", "3月5日");
  sl_record_dialog_set_choice (dialog, "initiator", 1);
  sl_record_dialog_set_choice (dialog, "counterpart", 2);
  sl_record_dialog_set_text (dialog, "counterpart-name", "不应保存");
  sl_record_dialog_set_choice (dialog, "kind", SL_TALK_KIND_ON_APPOINTMENT);
  sl_record_dialog_set_choice (dialog, "form", SL_TALK_FORM_PHONE);
  sl_record_dialog_set_text (dialog, "place", "局机关三楼");
  sl_record_dialog_set_text (dialog, "topic", "任前廉政谈话");
  sl_record_dialog_set_text (dialog, "points", "严守纪律");
  sl_record_dialog_set_text (dialog, "follow-up", "三个月后回访");
  save_and_close (dialog);

  /* With someone not on the roster, by name. */
  gtk_widget_activate_action (GTK_WIDGET (page), "talks.add", NULL);
  sl_test_iterate (50);
  dialog = find_dialog ();
  sl_record_dialog_set_text (dialog, "date", "2025-06-01");
  sl_record_dialog_set_choice (dialog, "initiator", 2);
  sl_record_dialog_set_choice (dialog, "counterpart", 0);
  sl_record_dialog_set_text (dialog, "counterpart-name", "张三（退休干部）");
  save_and_close (dialog);

  g_assert_cmpuint (sl_talks_page_get_n_talks (page), ==, 2);
  talks = sl_ledger_load_talks (fixture->ledger, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (talks->len, ==, 2);
  talk = g_ptr_array_index (talks, 0);
  g_assert_cmpstr (sl_talk_get_date (talk), ==, "2025-03-05");
  g_assert_cmpstr (sl_talk_get_initiator (talk), ==, WANG);
  g_assert_cmpstr (sl_talk_get_counterpart (talk), ==, LI);
  g_assert_null (sl_talk_get_counterpart_name (talk));
  g_assert_cmpint (sl_talk_get_kind (talk), ==, SL_TALK_KIND_ON_APPOINTMENT);
  g_assert_cmpint (sl_talk_get_form (talk), ==, SL_TALK_FORM_PHONE);
  g_assert_cmpstr (sl_talk_get_topic (talk), ==, "任前廉政谈话");
  g_assert_cmpstr (sl_talk_get_points (talk), ==, "严守纪律");
  g_assert_cmpstr (sl_talk_get_follow_up (talk), ==, "三个月后回访");
  g_assert_cmpstr (sl_talk_get_organization (talk), ==, PARTY_GROUP);
  g_assert_cmpstr (sl_talks_page_get_row_title (page, sl_record_get_id (SL_RECORD (talk))), ==,
                   "2025-03-05  王建国 → 李红梅");
  talk = g_ptr_array_index (talks, 1);
  g_assert_null (sl_talk_get_counterpart (talk));
  g_assert_cmpstr (sl_talk_get_counterpart_name (talk), ==, "张三（退休干部）");
  g_assert_cmpstr (sl_talk_get_initiator (talk), ==, LI);
  id = g_strdup (sl_record_get_id (SL_RECORD (talk)));
  g_clear_pointer (&talks, g_ptr_array_unref);

  gtk_widget_activate_action (GTK_WIDGET (page), "talks.delete", "s", id);
  sl_test_iterate (50);
  g_assert_cmpuint (sl_talks_page_get_n_talks (page), ==, 1);
  talks = sl_ledger_load_talks (fixture->ledger, &error);
  g_assert_cmpuint (talks->len, ==, 1);
  g_clear_pointer (&talks, g_ptr_array_unref);

  gtk_widget_activate_action (GTK_WIDGET (page), "talks.undo", NULL);
  sl_test_iterate (50);
  g_assert_cmpuint (sl_talks_page_get_n_talks (page), ==, 2);
  talks = sl_ledger_load_talks (fixture->ledger, &error);
  g_assert_cmpuint (talks->len, ==, 2);
  talk = g_ptr_array_index (talks, 1);
  g_assert_cmpstr (sl_record_get_id (SL_RECORD (talk)), ==, id);
  g_assert_cmpstr (sl_talk_get_counterpart_name (talk), ==, "张三（退休干部）");

  /* Talks of another year are not on this year's page. */
  sl_window_set_year (fixture->window, 2024);
  sl_test_iterate (50);
  g_assert_cmpuint (sl_talks_page_get_n_talks (page), ==, 0);
}

/* A branch report and a study note through their forms; the half-year
 * chosen is the period stored. */
static void
test_reports_and_notes (Fixture       *fixture,
                        gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) reports = NULL;
  g_autoptr(GPtrArray) notes = NULL;
  SlRecordDialog *dialog;
  SlReportsPage *page;

  open_window (fixture);
  show_page (fixture, "reports");
  page = SL_REPORTS_PAGE (sl_window_get_page (fixture->window, "reports"));

  gtk_widget_activate_action (GTK_WIDGET (page), "reports.add-report", NULL);
  sl_test_iterate (50);
  dialog = find_dialog ();
  g_assert_false (sl_record_dialog_can_save (dialog));
  sl_record_dialog_set_choice (dialog, "branch", 1);
  sl_record_dialog_set_choice (dialog, "period", 1);
  sl_record_dialog_set_text (dialog, "received-on", "2025-07-10");
  sl_record_dialog_set_text (dialog, "title", "第二党支部下半年思想政治工作情况报告");
  save_and_close (dialog);

  gtk_widget_activate_action (GTK_WIDGET (page), "reports.add-note", NULL);
  sl_test_iterate (50);
  dialog = find_dialog ();
  sl_record_dialog_set_choice (dialog, "member", 1);
  sl_record_dialog_set_text (dialog, "title", "学习党的二十届三中全会精神笔记");
  sl_record_dialog_set_choice (dialog, "kind", SL_STUDY_NOTE_KIND_REFLECTION);
  sl_record_dialog_set_text (dialog, "size", "12页");
  sl_record_dialog_set_text (dialog, "checked-by", "王建国");
  sl_record_dialog_set_text (dialog, "checked-on", "12.20");
  save_and_close (dialog);

  g_assert_cmpuint (sl_reports_page_get_n_reports (page), ==, 1);
  g_assert_cmpuint (sl_reports_page_get_n_notes (page), ==, 1);
  reports = sl_ledger_load_branch_reports (fixture->ledger, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (reports->len, ==, 1);
  g_assert_cmpstr (sl_branch_report_get_period (g_ptr_array_index (reports, 0)), ==, "2025-H2");
  g_assert_cmpstr (sl_branch_report_get_organization (g_ptr_array_index (reports, 0)), ==,
                   "ab315899-ba5f-590e-8621-227afbd124b4");
  notes = sl_ledger_load_study_notes (fixture->ledger, &error);
  g_assert_cmpuint (notes->len, ==, 1);
  g_assert_cmpstr (sl_study_note_get_member (g_ptr_array_index (notes, 0)), ==, LI);
  g_assert_cmpstr (sl_study_note_get_date (g_ptr_array_index (notes, 0)), ==, TODAY);
  g_assert_cmpstr (sl_study_note_get_checked_on (g_ptr_array_index (notes, 0)), ==, "2025-12-20");
  g_assert_cmpint (sl_study_note_get_kind (g_ptr_array_index (notes, 0)), ==, SL_STUDY_NOTE_KIND_REFLECTION);

  gtk_widget_activate_action (GTK_WIDGET (page), "reports.delete-note", "s",
                              sl_record_get_id (g_ptr_array_index (notes, 0)));
  sl_test_iterate (50);
  g_assert_cmpuint (sl_reports_page_get_n_notes (page), ==, 0);
  gtk_widget_activate_action (GTK_WIDGET (page), "reports.undo", NULL);
  sl_test_iterate (50);
  g_assert_cmpuint (sl_reports_page_get_n_notes (page), ==, 1);
}

/* Member record ------------------------------------------------------------ */

static void
assert_member_figures (Fixture            *fixture,
                       SlMemberRecordPage *page,
                       const char         *member)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SlStatistics) stats = sl_statistics_compute (sl_ledger_get_database (fixture->ledger),
                                                         2025, NULL, TODAY, &error);
  SlMemberStats *figures = NULL;
  g_autofree char *expected = NULL, *present = NULL, *leave = NULL, *absent = NULL;
  g_autofree char *made_up = NULL, *hours = NULL, *held = NULL, *received = NULL;

  g_assert_no_error (error);
  for (guint i = 0; i < stats->members->len; i++)
    if (g_strcmp0 (((SlMemberStats *) g_ptr_array_index (stats->members, i))->id, member) == 0)
      figures = g_ptr_array_index (stats->members, i);
  g_assert_nonnull (figures);

  expected = g_strdup_printf ("%u", figures->expected);
  present = g_strdup_printf ("%u", figures->present);
  leave = g_strdup_printf ("%u", figures->leave);
  absent = g_strdup_printf ("%u", figures->absent);
  made_up = g_strdup_printf ("%u", figures->made_up);
  hours = g_strdup_printf ("%g", figures->training_hours);
  held = g_strdup_printf ("%u", figures->talks_as_initiator);
  received = g_strdup_printf ("%u", figures->talks_as_counterpart);

  g_assert_cmpstr (sl_member_record_page_get_member (page), ==, member);
  g_assert_cmpstr (sl_member_record_page_get_figure (page, "expected"), ==, expected);
  g_assert_cmpstr (sl_member_record_page_get_figure (page, "present"), ==, present);
  g_assert_cmpstr (sl_member_record_page_get_figure (page, "leave"), ==, leave);
  g_assert_cmpstr (sl_member_record_page_get_figure (page, "absent"), ==, absent);
  g_assert_cmpstr (sl_member_record_page_get_figure (page, "made-up"), ==, made_up);
  g_assert_cmpstr (sl_member_record_page_get_figure (page, "training-hours"), ==, hours);
  g_assert_cmpstr (sl_member_record_page_get_figure (page, "talks-initiated"), ==, held);
  g_assert_cmpstr (sl_member_record_page_get_figure (page, "talks-received"), ==, received);
}

static void
store_result (GObject      *source,
              GAsyncResult *result,
              gpointer      data)
{
  *(GAsyncResult **) data = g_object_ref (result);
}

/* The member page's figures are those of the statistics (stats --json);
 * what only the page counts is held against a count by hand. */
static void
test_member_record (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autoptr(SlTalk) talk = sl_talk_new ();
  g_autoptr(SlStudyNote) note = sl_study_note_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) meetings = NULL;
  SlMemberRecordPage *page;
  guint first_led = 0;

  sl_talk_set_organization (talk, PARTY_GROUP);
  sl_talk_set_date (talk, "2025-04-01");
  sl_talk_set_initiator (talk, WANG);
  sl_talk_set_counterpart (talk, LI);
  g_assert_true (sl_ledger_save_talk (fixture->ledger, talk, &error));
  sl_study_note_set_member (note, LI);
  sl_study_note_set_date (note, "2025-05-06");
  sl_study_note_set_title (note, "学习笔记");
  sl_study_note_set_kind (note, SL_STUDY_NOTE_KIND_NOTES);
  g_assert_true (sl_ledger_save_study_note (fixture->ledger, note, &error));
  g_assert_no_error (error);

  /* By hand: the first-topic studies 王建国 led in 2025. */
  meetings = sl_ledger_load_meetings (fixture->ledger, 2025, NULL, TRUE, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < meetings->len; i++)
    {
      GListModel *studies = sl_meeting_get_studies (g_ptr_array_index (meetings, i));

      for (guint j = 0; j < g_list_model_get_n_items (studies); j++)
        {
          g_autoptr(SlStudy) study = g_list_model_get_item (studies, j);

          first_led += sl_study_get_first_topic (study) && g_strcmp0 (sl_study_get_lead (study), WANG) == 0;
        }
    }
  g_assert_cmpuint (first_led, >, 0);

  open_window (fixture);
  show_page (fixture, "members");
  gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.open-member-record", "s", LI);
  sl_test_iterate (50);
  g_assert_cmpstr (sl_window_get_page_name (fixture->window), ==, "member-record");
  page = SL_MEMBER_RECORD_PAGE (sl_window_get_page (fixture->window, "member-record"));
  assert_member_figures (fixture, page, LI);
  g_assert_cmpstr (sl_member_record_page_get_figure (page, "talks-received"), ==, "1");
  g_assert_cmpstr (sl_member_record_page_get_figure (page, "notes"), ==, "1");

  gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.open-member-record", "s", WANG);
  sl_test_iterate (50);
  assert_member_figures (fixture, page, WANG);
  g_assert_cmpstr (sl_member_record_page_get_figure (page, "talks-initiated"), ==, "1");
  g_assert_cmpstr (sl_member_record_page_get_figure (page, "notes"), ==, "0");
  {
    g_autofree char *text = g_strdup_printf ("%u", first_led);

    g_assert_cmpstr (sl_member_record_page_get_figure (page, "first-topics-led"), ==, text);
  }

  /* 导出 PDF… asks the window for the member card of this member and
   * year; the export job writes it, with the member's name on it. */
  {
    GtkWidget *button = sl_test_find_named (GTK_WIDGET (page), "sl-member-card-button");
    g_autofree char *target = NULL;
    g_autofree char *pdf = g_build_filename (fixture->folder, "card.pdf", NULL);
    g_autofree char *text = NULL;
    g_autoptr(SlExportJob) job = NULL;
    g_autoptr(GAsyncResult) result = NULL;
    SlDocumentRequest request = { .kind = SL_DOCUMENT_MEMBER_CARD, .year = 2025, .member = WANG };
    const char *argv[] = { "pdftotext", "-layout", pdf, "-", NULL };

    g_assert_nonnull (button);
    g_assert_cmpstr (gtk_actionable_get_action_name (GTK_ACTIONABLE (button)), ==, "win.save-document");
    target = g_variant_print (gtk_actionable_get_action_target_value (GTK_ACTIONABLE (button)), FALSE);
    g_assert_cmpstr (target, ==, "('member-card', 2025, '" WANG "', 'pdf')");

    job = sl_export_job_new (fixture->path, &request, SL_DOCUMENT_FORMAT_PDF, pdf);
    sl_export_job_run_async (job, NULL, store_result, &result);
    while (result == NULL)
      g_main_context_iteration (NULL, TRUE);
    g_assert_true (sl_export_job_run_finish (job, result, &error));
    g_assert_no_error (error);
    g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH | G_SPAWN_STDERR_TO_DEV_NULL,
                                 NULL, NULL, &text, NULL, NULL, &error));
    g_assert_no_error (error);
    g_assert_nonnull (strstr (text, "王建国"));
  }

  /* Another year: nothing expected of 2024's one meeting but its own. */
  sl_window_set_year (fixture->window, 2024);
  sl_test_iterate (50);
  g_assert_cmpstr (sl_member_record_page_get_figure (page, "talks-initiated"), ==, "0");
}

/* Meeting editor: flags of archive version 2 ------------------------------- */

#define CENTRAL_GROUP "1191e84f-8ef2-5dbe-a5c8-a50096308456"   /* 中心组 2025-01-21 */

static SlMeetingEditor *
open_meeting (Fixture    *fixture,
              const char *id)
{
  GtkWidget *meetings;

  gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.open-meeting", "s", id);
  sl_test_iterate (100);
  meetings = sl_window_get_page (fixture->window, "meetings");
  return SL_MEETING_EDITOR (gtk_widget_get_template_child (meetings, SL_TYPE_MEETINGS_PAGE, "editor"));
}

static SlMeeting *
load_meeting (Fixture    *fixture,
              const char *id)
{
  g_autoptr(GError) error = NULL;
  SlMeeting *meeting = sl_ledger_load_meeting (fixture->ledger, id, &error);

  g_assert_no_error (error);
  g_assert_true (sl_ledger_load_meeting_details (fixture->ledger, meeting, &error));
  return meeting;
}

/* The ideology flag shows for a central-group session and is saved; a
 * superior guest's remarks become one measure a point, once. */
static void
test_editor_flags (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autoptr(SlMeeting) stored = load_meeting (fixture, CENTRAL_GROUP);
  g_autoptr(SlGuest) guest = sl_guest_new ();
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) points = sl_guest_remarks_split ("1. 加强理论学习；2、抓好问题整改\n（三）完善制度\n\n");
  SlMeetingEditor *editor;
  SlMeetingExtraRows *rows;
  SlMeetingGuestSuperior *superior;
  GtkWidget *ideology;
  guint measures;

  g_assert_cmpuint (g_strv_length (points), ==, 3);
  g_assert_cmpstr (points[0], ==, "加强理论学习");
  g_assert_cmpstr (points[1], ==, "抓好问题整改");
  g_assert_cmpstr (points[2], ==, "完善制度");

  sl_guest_set_name (guest, "赵书记");
  sl_guest_set_superior (guest, TRUE);
  sl_guest_set_unit (guest, "市委宣传部");
  sl_guest_set_remarks (guest, "1. 加强理论学习；2、抓好问题整改");
  g_list_store_append (G_LIST_STORE (sl_meeting_get_guests (stored)), guest);
  g_assert_true (sl_ledger_save_meeting (fixture->ledger, stored, SL_SAVE_REPLACE, &error));
  g_assert_no_error (error);
  measures = g_list_model_get_n_items (sl_meeting_get_measures (stored));
  g_clear_object (&stored);

  open_window (fixture);
  editor = open_meeting (fixture, CENTRAL_GROUP);
  g_assert_cmpstr (sl_record_get_id (SL_RECORD (sl_meeting_editor_get_meeting (editor))), ==, CENTRAL_GROUP);

  rows = g_object_get_data (G_OBJECT (gtk_widget_get_parent (GTK_WIDGET (gtk_widget_get_template_child (
                              GTK_WIDGET (editor), SL_TYPE_MEETING_EDITOR, "theme_row")))),
                            "sl-meeting-extra-rows");
  g_assert_nonnull (rows);
  ideology = sl_meeting_extra_rows_get_row (rows, "ideology");
  g_assert_true (gtk_widget_get_visible (gtk_widget_get_ancestor (ideology, ADW_TYPE_ACTION_ROW)));
  g_assert_false (gtk_widget_get_visible (gtk_widget_get_ancestor (sl_meeting_extra_rows_get_row (rows, "hours"),
                                                                   ADW_TYPE_ACTION_ROW)));
  gtk_switch_set_active (GTK_SWITCH (ideology), TRUE);

  superior = SL_MEETING_GUEST_SUPERIOR (sl_test_find_widget (GTK_WIDGET (editor), SL_TYPE_MEETING_GUEST_SUPERIOR));
  g_assert_nonnull (superior);
  g_assert_cmpuint (sl_meeting_guest_superior_make_measures (superior), ==, 2);
  /* Again: nothing new. */
  g_assert_cmpuint (sl_meeting_guest_superior_make_measures (superior), ==, 0);
  g_assert_true (sl_meeting_editor_flush (editor, NULL));
  sl_test_iterate (50);

  stored = load_meeting (fixture, CENTRAL_GROUP);
  g_assert_true (sl_meeting_get_on_ideology (stored));
  g_assert_cmpuint (g_list_model_get_n_items (sl_meeting_get_measures (stored)), ==, measures + 2);
  {
    g_autoptr(SlMeasure) last = g_list_model_get_item (sl_meeting_get_measures (stored), measures + 1);
    g_autoptr(SlGuest) kept = g_list_model_get_item (sl_meeting_get_guests (stored), 0);

    g_assert_cmpstr (sl_measure_get_text (last), ==, "抓好问题整改");
    g_assert_true (sl_guest_get_superior (kept));
    g_assert_cmpstr (sl_guest_get_unit (kept), ==, "市委宣传部");
  }
}

/* The roster preview ------------------------------------------------------ */

static GtkLabel *
shown_label_containing (GtkWidget  *root,
                        const char *part)
{
  if (GTK_IS_LABEL (root) && gtk_widget_is_visible (root) &&
      strstr (gtk_label_get_text (GTK_LABEL (root)), part) != NULL)
    return GTK_LABEL (root);

  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkLabel *found = shown_label_containing (child, part);

      if (found != NULL)
        return found;
    }

  return NULL;
}

static gboolean
import_offered (GtkWidget *root)
{
  if (GTK_IS_ACTIONABLE (root) &&
      g_strcmp0 (gtk_actionable_get_action_name (GTK_ACTIONABLE (root)), "roster.import") == 0)
    return gtk_widget_is_sensitive (root);

  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (import_offered (child))
      return TRUE;

  return FALSE;
}

static GtkWidget *
preview_of (Fixture    *fixture,
            const char *csv)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) rows = sl_roster_parse ((const guint8 *) csv, strlen (csv), &error);
  g_autoptr(GFile) file = g_file_new_for_path ("/tmp/roster.csv");
  GtkWidget *dialog;

  g_assert_no_error (error);
  dialog = GTK_WIDGET (sl_roster_dialog_new (GTK_WINDOW (fixture->window), fixture->ledger, file, rows, NULL));
  gtk_window_present (GTK_WINDOW (dialog));
  sl_test_iterate (50);
  return dialog;
}

/* What the import would refuse is said in the preview, before 导入 is
 * pressed (a tester pressed it, lost the preview, and had to pick the
 * file again); rows that would belong to no organization are warned of. */
static void
test_roster_preview_problems (Fixture       *fixture,
                              gconstpointer  data)
{
  GtkWidget *dialog;

  open_window (fixture);

  dialog = preview_of (fixture, "姓名,性别,所属支部\n王芳,女,机关第一党支部\n李强,男,机关第一党支部\n"
                                "王 芳,男,机关第一党支部\n");
  g_assert_nonnull (shown_label_containing (dialog, "Cannot import: line 4"));
  g_assert_false (import_offered (dialog));
  gtk_window_destroy (GTK_WINDOW (dialog));

  /* A row pasted twice (issue 17): said, and skipped, not refused. */
  dialog = preview_of (fixture, "姓名,性别,所属支部\n王芳,女,机关第一党支部\n李强,男,机关第一党支部\n"
                                "王 芳,女,机关第一党支部\n");
  g_assert_null (shown_label_containing (dialog, "Cannot import"));
  g_assert_nonnull (shown_label_containing (dialog, "line 4 is the same as line 2"));
  g_assert_true (import_offered (dialog));
  gtk_window_destroy (GTK_WINDOW (dialog));

  dialog = preview_of (fixture, "姓名,性别,所属支部\n王芳,女,机关第一党支部\n孙旻,女,\n赵珺,女,\n");
  g_assert_null (shown_label_containing (dialog, "Cannot import"));
  g_assert_nonnull (shown_label_containing (dialog, "2 people have no 所属支部"));
  g_assert_true (import_offered (dialog));
  gtk_window_destroy (GTK_WINDOW (dialog));

  dialog = preview_of (fixture, "姓名,性别,所属支部\n王芳,女,机关第一党支部\n李强,男,机关第一党支部\n");
  g_assert_null (shown_label_containing (dialog, "Cannot import"));
  g_assert_null (shown_label_containing (dialog, "所属支部 in the file"));
  g_assert_true (import_offered (dialog));
  gtk_window_destroy (GTK_WINDOW (dialog));
  sl_test_iterate (50);
}

int
main (int   argc,
      char *argv[])
{
  g_setenv ("SL_TODAY", TODAY, TRUE);
  g_setenv ("GSETTINGS_BACKEND", "memory", TRUE);
  g_setenv ("LANGUAGE", "C", TRUE);

  sl_test_gtk_init (&argc, &argv);

  g_test_add ("/window-people/pool-statuses", Fixture, NULL,
              fixture_set_up, test_pool_statuses, fixture_tear_down);
  g_test_add ("/window-people/pool-add-delete-undo", Fixture, NULL,
              fixture_set_up, test_pool_add_delete_undo, fixture_tear_down);
  g_test_add ("/window-people/pool-link-study", Fixture, NULL,
              fixture_set_up, test_pool_link_study, fixture_tear_down);

  g_test_add ("/window-people/talks-add-delete-undo", Fixture, NULL,
              fixture_set_up, test_talks_add_delete_undo, fixture_tear_down);
  g_test_add ("/window-people/reports-and-notes", Fixture, NULL,
              fixture_set_up, test_reports_and_notes, fixture_tear_down);

  g_test_add ("/window-people/member-record", Fixture, NULL,
              fixture_set_up, test_member_record, fixture_tear_down);

  g_test_add ("/window-people/editor-flags", Fixture, NULL,
              fixture_set_up, test_editor_flags, fixture_tear_down);

  g_test_add ("/window-people/roster-preview-problems", Fixture, NULL,
              fixture_set_up, test_roster_preview_problems, fixture_tear_down);

  return g_test_run ();
}
