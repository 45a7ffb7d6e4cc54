/* test-two-writers.c — the window and another program writing one ledger
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Two SlLedgers on one file stand for the window and the command line:
 * each has its own SQLite connection, as two processes would. A save of
 * what one of them read before the other wrote must be refused
 * (SL_LEDGER_ERROR_CHANGED) and leave the newer row; the data-version
 * watch must notice the other connection's commit; and a save that finds
 * the ledger locked must wait in the save queue until it is stored.
 */

#include "config.h"

#include "reliability-util.h"
#include "sl-plan.h"
#include "sl-research-topic.h"
#include "sl-ledger-watch.h"
#include "sl-save-queue.h"

typedef struct
{
  char     *folder;
  char     *path;
  SlLedger *window;   /* what the window holds */
  SlLedger *other;    /* another program */
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  fixture->folder = make_temp_folder ("sl-two-writers-XXXXXX");
  fixture->path = g_build_filename (fixture->folder, "ledger.db", NULL);
  fixture->window = sl_ledger_open (fixture->path, &error);
  g_assert_no_error (error);
  add_roster (fixture->window);
  fixture->other = sl_ledger_open (fixture->path, &error);
  g_assert_no_error (error);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_clear_object (&fixture->other);
  g_clear_object (&fixture->window);
  remove_tree (fixture->folder);
  g_free (fixture->path);
  g_free (fixture->folder);
}

/* What the file holds, through a connection of its own. */
static char *
stored_text (Fixture    *fixture,
             const char *sql,
             const char *id)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SlDatabase) database = sl_database_open (fixture->path, &error);
  sqlite3_stmt *stmt;
  char *text = NULL;

  g_assert_no_error (error);
  stmt = sl_database_prepare (database, sql, &error);
  g_assert_no_error (error);
  sl_bind_text (stmt, 1, id);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    text = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
  sqlite3_reset (stmt);

  return text;
}

static void
test_member_stale (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autofree char *id = member_id (0);
  g_autofree char *post = NULL;
  g_autoptr(GError) error = NULL;
  SlMember *shown, *theirs;

  /* The window shows the roster... */
  shown = sl_ledger_find_member (fixture->window, id);
  g_assert_nonnull (shown);
  g_assert_cmpint (sl_record_get_change_count (SL_RECORD (shown)), >=, 0);

  /* ...another program gives the member a post... */
  theirs = sl_ledger_find_member (fixture->other, id);
  sl_member_set_post (theirs, "党组书记");
  g_assert_true (sl_ledger_save_member (fixture->other, theirs, &error));
  g_assert_no_error (error);

  /* ...and the window's toggle of its stale copy is refused. */
  sl_member_set_central_group (shown, TRUE);
  g_assert_false (sl_ledger_save_member (fixture->window, shown, &error));
  ASSERT_ERROR (error, SL_LEDGER_ERROR, SL_LEDGER_ERROR_CHANGED);
  g_clear_error (&error);

  post = stored_text (fixture, "SELECT post FROM members WHERE uuid = ?", id);
  g_assert_cmpstr (post, ==, "党组书记");
  g_clear_pointer (&post, g_free);

  /* Read again, the same object shows the post and saves over it. */
  sl_ledger_reload (fixture->window);
  g_assert_true (sl_ledger_find_member (fixture->window, id) == shown);
  g_assert_cmpstr (sl_member_get_post (shown), ==, "党组书记");
  sl_member_set_central_group (shown, TRUE);
  g_assert_true (sl_ledger_save_member (fixture->window, shown, &error));
  g_assert_no_error (error);
  post = stored_text (fixture, "SELECT post || ' ' || central_group FROM members WHERE uuid = ?", id);
  g_assert_cmpstr (post, ==, "党组书记 1");

  /* Its own saves do not make the window's copy stale. */
  sl_member_set_central_group (shown, FALSE);
  g_assert_true (sl_ledger_save_member (fixture->window, shown, &error));
  g_assert_no_error (error);
}

static void
test_meeting_stale (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autoptr(SlMeeting) meeting = new_meeting ("2024-03-05", "第1次党组会");
  g_autoptr(SlMeeting) shown = NULL;
  g_autoptr(SlMeeting) theirs = NULL;
  g_autofree char *title = NULL;
  g_autoptr(GError) error = NULL;
  const char *id = sl_record_get_id (SL_RECORD (meeting));
  sqlite3 *raw = sl_database_get_handle (sl_ledger_get_database (fixture->other));
  sqlite3_stmt *stmt;

  g_assert_true (sl_ledger_save_meeting (fixture->window, meeting, SL_SAVE_REPLACE, &error));
  g_assert_no_error (error);
  shown = sl_ledger_load_meeting (fixture->window, id, &error);
  g_assert_no_error (error);

  /* A plain UPDATE by another program is counted too (the trigger). */
  g_assert_cmpint (sqlite3_prepare_v2 (raw, "UPDATE meetings SET title = ?1 WHERE uuid = ?2",
                                       -1, &stmt, NULL), ==, SQLITE_OK);
  sqlite3_bind_text (stmt, 1, "他处改的标题", -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, id, -1, SQLITE_STATIC);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_DONE);
  sqlite3_finalize (stmt);

  sl_meeting_set_title (shown, "窗口里的标题");
  g_assert_false (sl_ledger_save_meeting (fixture->window, shown, SL_SAVE_REPLACE, &error));
  ASSERT_ERROR (error, SL_LEDGER_ERROR, SL_LEDGER_ERROR_CHANGED);
  g_clear_error (&error);
  title = stored_text (fixture, "SELECT title FROM meetings WHERE uuid = ?", id);
  g_assert_cmpstr (title, ==, "他处改的标题");
  g_clear_pointer (&title, g_free);

  /* An archive's copy carries no count: imports write as before. */
  theirs = new_meeting ("2024-03-05", "导入的标题");
  sl_record_set_id (SL_RECORD (theirs), id);
  g_assert_cmpint (sl_record_get_change_count (SL_RECORD (theirs)), ==, -1);
  g_assert_true (sl_ledger_save_meeting (fixture->other, theirs, SL_SAVE_MERGE, &error));
  g_assert_no_error (error);
  title = stored_text (fixture, "SELECT title FROM meetings WHERE uuid = ?", id);
  g_assert_cmpstr (title, ==, "导入的标题");
}

static void
test_plan_and_topic_stale (Fixture       *fixture,
                           gconstpointer  data)
{
  g_autoptr(SlPlan) plan = sl_plan_new ();
  g_autoptr(SlResearchTopic) topic = sl_research_topic_new ();
  g_autoptr(GPtrArray) shown_plans = NULL;
  g_autoptr(GPtrArray) their_plans = NULL;
  g_autoptr(GPtrArray) shown_topics = NULL;
  g_autoptr(GPtrArray) their_topics = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  SlPlan *shown_plan, *their_plan;
  SlResearchTopic *shown_topic, *their_topic;

  sl_plan_set_organization (plan, TEST_ORGANIZATION);
  sl_plan_set_year (plan, 2024);
  sl_plan_set_title (plan, "年度学习计划");
  g_assert_true (sl_ledger_save_plan (fixture->window, plan, SL_SAVE_REPLACE, &error));
  sl_research_topic_set_organization (topic, TEST_ORGANIZATION);
  sl_research_topic_set_year (topic, 2024);
  sl_research_topic_set_title (topic, "调研课题");
  g_assert_true (sl_ledger_save_research_topic (fixture->window, topic, &error));
  g_assert_no_error (error);

  shown_plans = sl_ledger_load_plans (fixture->window, 2024, &error);
  shown_topics = sl_ledger_load_research_topics (fixture->window, 2024, &error);
  their_plans = sl_ledger_load_plans (fixture->other, 2024, &error);
  their_topics = sl_ledger_load_research_topics (fixture->other, 2024, &error);
  g_assert_no_error (error);
  shown_plan = g_ptr_array_index (shown_plans, 0);
  their_plan = g_ptr_array_index (their_plans, 0);
  shown_topic = g_ptr_array_index (shown_topics, 0);
  their_topic = g_ptr_array_index (their_topics, 0);

  sl_plan_set_title (their_plan, "他处改的计划");
  g_assert_true (sl_ledger_save_plan (fixture->other, their_plan, SL_SAVE_REPLACE, &error));
  sl_research_topic_set_title (their_topic, "他处改的课题");
  g_assert_true (sl_ledger_save_research_topic (fixture->other, their_topic, &error));
  g_assert_no_error (error);

  sl_plan_set_focus (shown_plan, "窗口里的重点");
  g_assert_false (sl_ledger_save_plan (fixture->window, shown_plan, SL_SAVE_REPLACE, &error));
  ASSERT_ERROR (error, SL_LEDGER_ERROR, SL_LEDGER_ERROR_CHANGED);
  g_clear_error (&error);
  sl_research_topic_set_note (shown_topic, "窗口里的备注");
  g_assert_false (sl_ledger_save_research_topic (fixture->window, shown_topic, &error));
  ASSERT_ERROR (error, SL_LEDGER_ERROR, SL_LEDGER_ERROR_CHANGED);
  g_clear_error (&error);

  text = stored_text (fixture, "SELECT title || coalesce (focus, '') FROM plans WHERE uuid = ?",
                      sl_record_get_id (SL_RECORD (plan)));
  g_assert_cmpstr (text, ==, "他处改的计划");
  g_clear_pointer (&text, g_free);
  text = stored_text (fixture, "SELECT title || coalesce (note, '') FROM research_topics WHERE uuid = ?",
                      sl_record_get_id (SL_RECORD (topic)));
  g_assert_cmpstr (text, ==, "他处改的课题");
}

static void
on_changed (gpointer  watch,
            guint    *count)
{
  (*count)++;
}

static void
test_watch (Fixture       *fixture,
            gconstpointer  data)
{
  g_autoptr(SlLedgerWatch) watch = sl_ledger_watch_new (fixture->window, 0);
  g_autofree char *id = member_id (1);
  g_autoptr(GError) error = NULL;
  SlMember *shown = sl_ledger_find_member (fixture->window, id);
  SlMember *theirs = sl_ledger_find_member (fixture->other, id);
  guint changed = 0;

  g_signal_connect (watch, "changed", G_CALLBACK (on_changed), &changed);

  /* Nothing written: nothing to read again. */
  g_assert_false (sl_ledger_watch_check (watch));

  /* The window's own save is no news to it. */
  sl_member_set_phone (shown, "010-1234");
  g_assert_true (sl_ledger_save_member (fixture->window, shown, &error));
  g_assert_no_error (error);
  g_assert_false (sl_ledger_watch_check (watch));
  g_assert_cmpuint (changed, ==, 0);

  /* Another program's commit is, and the member shown follows it. */
  sl_ledger_reload (fixture->other);
  sl_member_set_post (theirs, "纪检委员");
  g_assert_true (sl_ledger_save_member (fixture->other, theirs, &error));
  g_assert_no_error (error);
  g_assert_true (sl_ledger_watch_check (watch));
  g_assert_cmpuint (changed, ==, 1);
  g_assert_true (sl_ledger_find_member (fixture->window, id) == shown);
  g_assert_cmpstr (sl_member_get_post (shown), ==, "纪检委员");
  g_assert_cmpstr (sl_member_get_phone (shown), ==, "010-1234");
  g_assert_false (sl_ledger_watch_check (watch));

  /* And the window may now save over it. */
  sl_member_set_central_group (shown, TRUE);
  g_assert_true (sl_ledger_save_member (fixture->window, shown, &error));
  g_assert_no_error (error);
}

static void
on_saved (gpointer  queue,
          SlRecord *record,
          guint    *count)
{
  (*count)++;
}

static gboolean
give_up (gpointer data)
{
  *(gboolean *) data = TRUE;
  return G_SOURCE_REMOVE;
}

static void
test_busy_queued (Fixture       *fixture,
                  gconstpointer  data)
{
  SlSaveQueue *queue = sl_save_queue_get (fixture->window);
  g_autofree char *id = member_id (2);
  g_autofree char *post = NULL;
  g_autoptr(GError) error = NULL;
  SlMember *shown = sl_ledger_find_member (fixture->window, id);
  SlDatabase *other = sl_ledger_get_database (fixture->other);
  gboolean timed_out = FALSE;
  guint saved = 0;
  guint timeout;

  sl_ledger_set_lock_wait (fixture->window, 50);
  g_signal_connect (queue, "saved", G_CALLBACK (on_saved), &saved);

  /* Another program holds the write lock, as a long import does. */
  g_assert_true (sl_database_exec (other, "BEGIN EXCLUSIVE", &error));
  g_assert_no_error (error);

  sl_member_set_post (shown, "组织委员");
  g_assert_false (sl_save_queue_save (queue, SL_RECORD (shown), &error));
  ASSERT_ERROR (error, SL_DATABASE_ERROR, SL_DATABASE_ERROR_BUSY);
  g_clear_error (&error);
  g_assert_cmpuint (sl_save_queue_get_n_pending (queue), ==, 1);

  /* Tried again while still locked, it keeps waiting. */
  g_assert_false (sl_save_queue_flush (queue, &error));
  ASSERT_ERROR (error, SL_DATABASE_ERROR, SL_DATABASE_ERROR_BUSY);
  g_clear_error (&error);
  g_assert_cmpuint (sl_save_queue_get_n_pending (queue), ==, 1);
  post = stored_text (fixture, "SELECT coalesce (post, '') FROM members WHERE uuid = ?", id);
  g_assert_cmpstr (post, ==, "");
  g_clear_pointer (&post, g_free);

  g_assert_true (sl_database_exec (other, "COMMIT", &error));
  g_assert_no_error (error);

  /* The queue tries on its own, on the main loop. */
  timeout = g_timeout_add_seconds (20, give_up, &timed_out);
  while (sl_save_queue_get_n_pending (queue) > 0 && !timed_out)
    g_main_context_iteration (NULL, TRUE);
  g_assert_false (timed_out);
  g_source_remove (timeout);

  g_assert_cmpuint (saved, ==, 1);
  post = stored_text (fixture, "SELECT post FROM members WHERE uuid = ?", id);
  g_assert_cmpstr (post, ==, "组织委员");
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(name, func) \
  g_test_add ("/two-writers/" name, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("guard/member-stale", test_member_stale);
  ADD ("guard/meeting-stale", test_meeting_stale);
  ADD ("guard/plan-and-topic-stale", test_plan_and_topic_stale);
  ADD ("watch/other-connection", test_watch);
  ADD ("queue/busy-retried", test_busy_queued);

  return g_test_run ();
}
