/* test-window-measures-lock.c — a locked year's measures: their progress still changes, nothing else
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Issue 12: a locked year refuses every change to its meetings, but the
 * progress of their measures is still followed up, and a final meeting's
 * progress is a revision too. Under Xvfb (build-aux/setup.sh --test), on
 * a ledger filled from the example archive, with the real window:
 *
 * - a draft of a locked year: the measure's status and progress fields
 *   are open, its text, owner, department, deadline and removal and every
 *   other section read-only under the banner, which says what may still
 *   change; a progress change is saved (no revision: a draft has no
 *   history), a change of the measure's text is refused and dropped;
 * - a final meeting of a locked year: read-only until the banner's
 *   Update Progress… is given a reason (Cancel: still read-only); then
 *   only the progress fields open, two progress saves are one revision
 *   with that reason, a text change is refused, and Finish closes them;
 * - the overview says that the year is locked, for whom, since when (local
 *   time) and by whom, and still counts the drafts older than the
 *   setting; after an unlock it says nothing of a lock;
 * - a file attached to a final meeting during a revision sitting takes
 *   the sitting's reason, never asks again.
 *
 * The main loop runs until what is awaited holds, with a generous limit,
 * never a fixed sleep.
 */

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>
#include <locale.h>
#include <sqlite3.h>

#include "sl-archive.h"
#include "sl-date.h"
#include "sl-evidence.h"
#include "sl-ledger.h"
#include "sl-measure.h"
#include "sl-meeting.h"
#include "sl-meeting-attachments.h"
#include "sl-meeting-editor.h"
#include "sl-meeting-measure-row.h"
#include "sl-meetings-page.h"
#include "sl-overview.h"
#include "sl-overview-page.h"
#include "sl-window.h"
#include "sl-test-util.h"
#include "sl-test-window.h"
#include "sl-test-display.h"

/* Of the example: 市统计局党组会议2025年第1次, of 市统计局党组, one measure. */
#define MEETING_ID "e20472f6-70f4-5429-bcce-6c5709a2d5fb"
#define ORGANIZATION_ID "62c9f9b1-c1a6-541b-b10c-986195dc206a"

typedef struct
{
  char      *folder;
  char      *path;
  SlLedger  *ledger;
  SlWindow  *window;
} Fixture;

#define T(text) g_dgettext (GETTEXT_PACKAGE, (text))

static gboolean reason_dialog_shown (Fixture *f) { return sl_test_find_toplevel ("sl-reason-dialog", 0) != NULL; }
static gboolean
update_offered (Fixture *f)
{
  GtkWidget *button = sl_test_find_named (GTK_WIDGET (sl_test_window_editor (f->window)), "sl-progress-button");

  return g_strcmp0 (gtk_button_get_label (GTK_BUTTON (button)), T ("Update _Progress…")) == 0;
}
static gboolean saved (Fixture *f) { return g_strcmp0 (sl_test_editor_state (f->window), T ("Saved")) == 0; }
static gboolean not_saved (Fixture *f) { return sl_test_editor_not_saved (f->window); }

#define MEASURE_SQL(column) \
  "SELECT x." column " FROM measures x JOIN meetings m ON m.id = x.meeting_id " \
  "WHERE m.uuid = '" MEETING_ID "' ORDER BY x.position LIMIT 1"
#define REVISIONS_SQL \
  "SELECT count(*) || '|' || coalesce (group_concat (reason, ';'), '') " \
  "FROM revisions r JOIN meetings m ON m.id = r.meeting_id WHERE m.uuid = '" MEETING_ID "'"

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  /* 0: a draft, locked; 1: final, locked; 2: final, not locked. */
  gboolean final = GPOINTER_TO_INT (data) >= 1;
  gboolean lock = GPOINTER_TO_INT (data) <= 1;

  fixture->folder = make_temp_folder ("test-window-measures-lock-XXXXXX");
  fixture->path = g_build_filename (fixture->folder, "ledger.db", NULL);
  fixture->ledger = sl_test_example_ledger (fixture->path);

  if (final)
    {
      g_assert_true (sl_evidence_finalize (fixture->ledger, MEETING_ID, "王五", NULL, &error));
      g_assert_no_error (error);
    }
  if (lock)
    g_assert_true (sl_evidence_lock_year (fixture->ledger, ORGANIZATION_ID, 2025, "王五", &error));
  g_assert_no_error (error);

  fixture->window = sl_test_window_open (fixture->ledger, 1400, 900);

  gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.show-page", "s", "meetings");
  sl_test_iterate (50);
  sl_meetings_page_open_meeting (SL_MEETINGS_PAGE (sl_window_get_page (fixture->window, "meetings")),
                                 MEETING_ID);
  sl_test_iterate (100);
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

static SlMeetingMeasureRow *
measure_row (Fixture *fixture)
{
  GtkWidget *list = sl_test_editor_child (fixture->window, "measures_list");
  GtkListBoxRow *row = gtk_list_box_get_row_at_index (GTK_LIST_BOX (list), 0);

  g_assert_true (SL_IS_MEETING_MEASURE_ROW (row));
  return SL_MEETING_MEASURE_ROW (row);
}

static GtkWidget *
row_field (Fixture    *fixture,
           const char *name)
{
  return sl_test_template_child (measure_row (fixture), SL_TYPE_MEETING_MEASURE_ROW, name);
}

static SlMeasure *
measure (Fixture *fixture)
{
  return sl_meeting_measure_row_get_measure (measure_row (fixture));
}

/* Only the progress fields of the measure take changes (@open), or none. */
#define assert_progress_only(fixture, open) assert_progress_only_at ((fixture), (open), __LINE__)

static void
assert_progress_only_at (Fixture  *fixture,
                         gboolean  open,
                         int       line)
{
  SlMeetingEditor *editor = sl_test_window_editor (fixture->window);
  const char *progress[] = { "status_row", "progress_row", "done_row" };
  const char *fixed[] = { "text_row", "owner_row", "department_row", "due_row", "remove_button" };

  for (guint i = 0; i < G_N_ELEMENTS (progress); i++)
    if (gtk_widget_is_sensitive (row_field (fixture, progress[i])) != open)
      g_error ("line %d: %s is %s", line, progress[i], open ? "read-only" : "open");
  for (guint i = 0; i < G_N_ELEMENTS (fixed); i++)
    if (gtk_widget_is_sensitive (row_field (fixture, fixed[i])))
      g_error ("line %d: %s is open in a locked year", line, fixed[i]);
  g_assert_false (gtk_widget_is_sensitive (sl_test_template_child (editor, SL_TYPE_MEETING_EDITOR, "title_row")));
  g_assert_false (gtk_widget_is_sensitive (sl_test_template_child (editor, SL_TYPE_MEETING_EDITOR, "place_row")));
  /* Alt+M adds no measure. */
  gtk_widget_activate_action (GTK_WIDGET (editor), "editor.add-measure", NULL);
  g_assert_cmpuint (g_list_model_get_n_items (sl_meeting_get_measures (sl_meeting_editor_get_meeting (editor))),
                    ==, 1);
}

/* A change of the measure's text that gets through anyway is refused and
 * dropped, with the lock's message; the ledger keeps its text. */
static void
assert_text_refused (Fixture *fixture)
{
  g_autofree char *text = sl_test_stored (fixture->path, MEASURE_SQL ("text"));
  g_autofree char *after = NULL;

  sl_measure_set_text (measure (fixture), "改过的措施");
  SL_TEST_WAIT_UNTIL (fixture, not_saved);
  g_assert_nonnull (strstr (sl_test_editor_state (fixture->window), "2025"));
  after = sl_test_stored (fixture->path, MEASURE_SQL ("text"));
  g_assert_cmpstr (after, ==, text);
  g_assert_cmpstr (sl_measure_get_text (measure (fixture)), ==, text);
}

static void
test_draft (Fixture       *fixture,
            gconstpointer  data)
{
  SlMeetingEditor *editor = sl_test_window_editor (fixture->window);
  GtkWidget *banner = sl_test_find_named (GTK_WIDGET (editor), "sl-lock-banner");
  GtkWidget *label = sl_test_find_named (GTK_WIDGET (editor), "sl-lock-label");
  GtkWidget *button = sl_test_find_named (GTK_WIDGET (editor), "sl-progress-button");
  g_autofree char *progress = NULL;
  g_autofree char *revisions = NULL;

  g_assert_true (gtk_revealer_get_reveal_child (GTK_REVEALER (banner)));
  g_assert_nonnull (strstr (gtk_label_get_label (GTK_LABEL (label)), "2025"));
  g_assert_nonnull (strstr (gtk_label_get_label (GTK_LABEL (label)),
                            T ("The progress of its measures (status, progress, done on) can still be updated")));
  g_assert_false (gtk_widget_get_visible (button));
  adw_expander_row_set_expanded (ADW_EXPANDER_ROW (measure_row (fixture)), TRUE);
  assert_progress_only (fixture, TRUE);

  /* Progress: saved, as the year goes on. */
  sl_measure_set_progress (measure (fixture), "已完成第一阶段整改");
  SL_TEST_WAIT_UNTIL (fixture, saved);
  progress = sl_test_stored (fixture->path, MEASURE_SQL ("progress"));
  g_assert_cmpstr (progress, ==, "已完成第一阶段整改");
  sl_measure_set_status (measure (fixture), SL_MEASURE_STATUS_DONE);
  sl_measure_set_done_on (measure (fixture), "2025-12-30");
  SL_TEST_WAIT_UNTIL (fixture, saved);
  g_clear_pointer (&progress, g_free);
  progress = sl_test_stored (fixture->path, MEASURE_SQL ("status || '|' || done_on"));
  g_assert_cmpstr (progress, ==, "done|2025-12-30");
  revisions = sl_test_stored (fixture->path, REVISIONS_SQL);
  g_assert_cmpstr (revisions, ==, "0|");

  assert_text_refused (fixture);
  g_clear_pointer (&progress, g_free);
  progress = sl_test_stored (fixture->path, MEASURE_SQL ("progress"));
  g_assert_cmpstr (progress, ==, "已完成第一阶段整改");
}

static void
test_final (Fixture       *fixture,
            gconstpointer  data)
{
  SlMeetingEditor *editor = sl_test_window_editor (fixture->window);
  GtkWidget *label = sl_test_find_named (GTK_WIDGET (editor), "sl-lock-label");
  GtkWidget *button = sl_test_find_named (GTK_WIDGET (editor), "sl-progress-button");
  g_autofree char *progress = NULL;
  g_autofree char *revisions = NULL;

  adw_expander_row_set_expanded (ADW_EXPANDER_ROW (measure_row (fixture)), TRUE);
  g_assert_true (gtk_widget_get_visible (button));
  g_assert_nonnull (strstr (gtk_label_get_label (GTK_LABEL (label)), "2025"));
  assert_progress_only (fixture, FALSE);

  /* Cancel: still read-only, nothing written. */
  gtk_widget_activate (button);
  SL_TEST_WAIT_UNTIL (fixture, reason_dialog_shown);
  sl_test_answer_dialog (sl_test_find_toplevel ("sl-reason-dialog", 0), "跟进整改", "cancel");
  assert_progress_only (fixture, FALSE);

  /* The reason first, then only the progress opens. */
  gtk_widget_activate (button);
  SL_TEST_WAIT_UNTIL (fixture, reason_dialog_shown);
  sl_test_answer_dialog (sl_test_find_toplevel ("sl-reason-dialog", 0), "跟进整改落实", "revise");
  assert_progress_only (fixture, TRUE);
  g_assert_nonnull (strstr (gtk_label_get_label (GTK_LABEL (label)), "跟进整改落实"));

  sl_measure_set_progress (measure (fixture), "已完成第一阶段整改");
  SL_TEST_WAIT_UNTIL (fixture, saved);
  sl_measure_set_status (measure (fixture), SL_MEASURE_STATUS_DONE);
  SL_TEST_WAIT_UNTIL (fixture, saved);
  progress = sl_test_stored (fixture->path, MEASURE_SQL ("progress || '|' || status"));
  g_assert_cmpstr (progress, ==, "已完成第一阶段整改|done");
  /* Two saves, one sitting: one revision, with its reason. */
  revisions = sl_test_stored (fixture->path, REVISIONS_SQL);
  g_assert_cmpstr (revisions, ==, "1|跟进整改落实");

  assert_text_refused (fixture);
  g_clear_pointer (&revisions, g_free);
  revisions = sl_test_stored (fixture->path, REVISIONS_SQL);
  g_assert_cmpstr (revisions, ==, "1|跟进整改落实");

  /* Finish: read-only again. (A button's activation clicks it a moment
   * later.) */
  gtk_widget_activate (button);
  SL_TEST_WAIT_UNTIL (fixture, update_offered);
  assert_progress_only (fixture, FALSE);
  g_assert_true (gtk_widget_get_visible (button));
}

static gboolean
overview_counted (Fixture *fixture)
{
  return sl_overview_page_get_overview (SL_OVERVIEW_PAGE (sl_window_get_page (fixture->window, "overview"))) != NULL;
}

static void
test_overview (Fixture       *fixture,
               gconstpointer  data)
{
  SlOverviewPage *page = SL_OVERVIEW_PAGE (sl_window_get_page (fixture->window, "overview"));
  g_autofree char *locked_at = sl_test_stored (fixture->path, "SELECT locked_at FROM year_locks");
  g_autofree char *since = sl_date_local_time_text (locked_at);
  g_autoptr(GError) error = NULL;
  const SlOverview *overview;
  const char *locks;

  gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.show-page", "s", "overview");
  SL_TEST_WAIT_UNTIL (fixture, overview_counted);
  locks = sl_overview_page_get_figure (page, "locks");
  g_assert_nonnull (strstr (locks, "2025"));
  g_assert_nonnull (strstr (locks, "市统计局党组"));
  g_assert_nonnull (strstr (locks, "王五"));
  g_assert_nonnull (strstr (locks, since));
  g_assert_true (gtk_widget_get_visible (sl_test_find_named (GTK_WIDGET (page), "sl-overview-locks")));

  /* The drafts are still counted, the old ones called so. */
  overview = sl_overview_page_get_overview (page);
  g_assert_cmpuint (overview->drafts_overdue, >, 0);
  g_assert_cmpstr (sl_overview_page_get_figure (page, "drafts"), ==, overview->drafts_text);

  /* Unlocked: no word of a lock. */
  g_assert_true (sl_evidence_unlock_year (fixture->ledger, ORGANIZATION_ID, 2025, "补录会议", &error));
  g_assert_no_error (error);
  sl_overview_page_reload (page);
  g_assert_cmpstr (sl_overview_page_get_figure (page, "locks"), ==, "");
  g_assert_false (gtk_widget_get_visible (sl_test_find_named (GTK_WIDGET (page), "sl-overview-locks")));
}

static gboolean
one_attachment (Fixture *fixture)
{
  GtkWidget *widget = sl_test_find_named (GTK_WIDGET (sl_test_window_editor (fixture->window)), "sl-attachments");

  return sl_meeting_attachments_get_n_items (SL_MEETING_ATTACHMENTS (widget)) == 1;
}

static void
test_attach_in_sitting (Fixture       *fixture,
                        gconstpointer  data)
{
  SlMeetingEditor *editor = sl_test_window_editor (fixture->window);
  GtkWidget *attachments = sl_test_find_named (GTK_WIDGET (editor), "sl-attachments");
  g_autofree char *file = g_build_filename (fixture->folder, "签到表.txt", NULL);
  g_autofree char *revisions = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_true (g_file_set_contents (file, "签到表\n", -1, &error));
  gtk_widget_activate_action (GTK_WIDGET (editor), "editor.revise", NULL);
  SL_TEST_WAIT_UNTIL (fixture, reason_dialog_shown);
  sl_test_answer_dialog (sl_test_find_toplevel ("sl-reason-dialog", 0), "补传签到表", "revise");

  sl_meeting_attachments_add_file (SL_MEETING_ATTACHMENTS (attachments), file, "signed_sheet");
  SL_TEST_WAIT_UNTIL (fixture, one_attachment);
  g_assert_null (sl_test_find_toplevel ("sl-attachment-reason-dialog", 0));
  revisions = sl_test_stored (fixture->path, REVISIONS_SQL);
  g_assert_cmpstr (revisions, ==, "1|补传签到表");
}

int
main (int   argc,
      char *argv[])
{
  g_setenv ("SL_TODAY", "2025-12-31", TRUE);
  sl_test_gtk_init_english (&argc, &argv);

  g_test_add ("/window-measures-lock/draft", Fixture, GINT_TO_POINTER (FALSE),
              fixture_set_up, test_draft, fixture_tear_down);
  g_test_add ("/window-measures-lock/final", Fixture, GINT_TO_POINTER (TRUE),
              fixture_set_up, test_final, fixture_tear_down);
  g_test_add ("/window-measures-lock/overview", Fixture, GINT_TO_POINTER (FALSE),
              fixture_set_up, test_overview, fixture_tear_down);
  g_test_add ("/window-measures-lock/attach-in-sitting", Fixture, GINT_TO_POINTER (2),
              fixture_set_up, test_attach_in_sitting, fixture_tear_down);

  return g_test_run ();
}
