/* test-window-evidence.c — a meeting as evidence in the window: final, revised, restored, locked
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Runs under Xvfb (build-aux/setup.sh --test), on a ledger filled from
 * the example archive in a temporary folder, with the real window:
 *
 * - editor.finalize asks for the name, finalises, remembers the name in
 *   the ledger's settings and shows the state “Final”;
 * - a final meeting is read-only until 修订… is given a reason (Cancel
 *   leaves it so); the session's saves are one revision with that reason;
 * - the history lists the revision, compares the versions field by field
 *   (the changed field marked) and restores the earlier one as a new
 *   revision;
 * - a meeting of a locked year has read-only fields and the banner, and a
 *   change made anyway is refused with the lock's message, never
 *   “Saved”.
 *
 * The main loop runs until what is awaited holds, with a generous limit,
 * never a fixed sleep.
 */

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>
#include <locale.h>
#include <glib/gstdio.h>
#include <cairo-pdf.h>
#include <sqlite3.h>

#include "sl-archive.h"
#include "sl-attachments.h"
#include "sl-meeting-attachments.h"
#include "sl-database.h"
#include "sl-evidence.h"
#include "sl-ledger.h"
#include "sl-meeting.h"
#include "sl-meeting-editor.h"
#include "sl-meeting-history.h"
#include "sl-member.h"
#include "sl-meetings-list.h"
#include "sl-meetings-page.h"
#include "sl-window.h"
#include "sl-test-util.h"
#include "sl-test-window.h"
#include "sl-test-display.h"

/* Of the example: 市统计局党组会议2025年第1次, of 市统计局党组. */
#define MEETING_ID "e20472f6-70f4-5429-bcce-6c5709a2d5fb"
#define ORGANIZATION_ID "62c9f9b1-c1a6-541b-b10c-986195dc206a"

/* A 1×1 PNG: what a phone's photo of a signed sheet is. */
static const guchar png_bytes[] = {
  0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00, 0x00, 0x0d, 0x49, 0x48, 0x44, 0x52,
  0x00, 0x00, 0x00, 0x01, 0x00, 0x00, 0x00, 0x01, 0x08, 0x02, 0x00, 0x00, 0x00, 0x90, 0x77, 0x53,
  0xde, 0x00, 0x00, 0x00, 0x0c, 0x49, 0x44, 0x41, 0x54, 0x78, 0x9c, 0x63, 0xf8, 0xcf, 0xc0, 0x00,
  0x00, 0x03, 0x01, 0x01, 0x00, 0xc9, 0xfe, 0x92, 0xef, 0x00, 0x00, 0x00, 0x00, 0x49, 0x45, 0x4e,
  0x44, 0xae, 0x42, 0x60, 0x82,
};

typedef struct
{
  char      *folder;
  char      *path;
  SlLedger  *ledger;
  SlWindow  *window;
} Fixture;

/* What the window says, in the language it runs in (zh_CN for the
 * screenshots, C otherwise). */
#define T(text) g_dgettext (GETTEXT_PACKAGE, (text))

/* With SL_SCREENSHOT_DIR set: @widget's window as a PNG there. */
static void
shot (GtkWidget  *widget,
      const char *name)
{
  const char *folder = g_getenv ("SL_SCREENSHOT_DIR");
  GtkWidget *window = GTK_WIDGET (gtk_widget_get_root (widget));
  g_autoptr(GdkPaintable) paintable = NULL;
  g_autoptr(GskRenderNode) node = NULL;
  g_autoptr(GdkTexture) texture = NULL;
  g_autofree char *path = NULL;
  GtkSnapshot *snapshot;
  int width, height;

  if (folder == NULL)
    return;
  sl_test_iterate (400);
  width = gtk_widget_get_width (window);
  height = gtk_widget_get_height (window);
  paintable = gtk_widget_paintable_new (window);
  snapshot = gtk_snapshot_new ();
  gdk_paintable_snapshot (paintable, snapshot, width, height);
  node = gtk_snapshot_free_to_node (snapshot);
  if (node == NULL)
    return;
  texture = gsk_renderer_render_texture (gtk_native_get_renderer (GTK_NATIVE (window)), node,
                                         &GRAPHENE_RECT_INIT (0, 0, width, height));
  path = g_strdup_printf ("%s/%s.png", folder, name);
  gdk_texture_save_to_png (texture, path);
}

static gboolean finalize_dialog_shown (Fixture *f) { return sl_test_find_toplevel ("sl-finalize-dialog", 0) != NULL; }
static gboolean finalized_dialog_shown (Fixture *f) { return sl_test_find_toplevel ("sl-finalized-dialog", 0) != NULL; }
static gboolean reason_dialog_shown (Fixture *f) { return sl_test_find_toplevel ("sl-reason-dialog", 0) != NULL; }
static gboolean reason_dialog_gone (Fixture *f) { return sl_test_find_toplevel ("sl-reason-dialog", 0) == NULL; }
static gboolean saved (Fixture *f) { return g_strcmp0 (sl_test_editor_state (f->window), T ("Saved")) == 0; }
static gboolean not_saved (Fixture *f) { return sl_test_editor_not_saved (f->window); }

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  fixture->folder = make_temp_folder ("test-window-evidence-XXXXXX");
  fixture->path = g_build_filename (fixture->folder, "ledger.db", NULL);
  fixture->ledger = sl_test_example_ledger (fixture->path);

  /* The attachments test attaches a PNG through the core first. */
  if (GPOINTER_TO_INT (data) == 2)
    {
      g_autofree char *png = g_build_filename (fixture->folder, "签到表.png", NULL);
      g_autoptr(SlAttachment) attachment = NULL;

      g_assert_true (g_file_set_contents (png, (const char *) png_bytes, sizeof png_bytes, &error));
      attachment = sl_attachments_add_file (fixture->ledger, MEETING_ID, "signed_sheet", NULL, png, "王五", NULL,
                                            &error);
      g_assert_no_error (error);
    }

  /* The locked-year test locks before the window reads the meeting. */
  if (GPOINTER_TO_INT (data) == 1)
    {
      g_assert_true (sl_evidence_lock_year (fixture->ledger, ORGANIZATION_ID, 2025, "王五", &error));
      g_assert_no_error (error);
    }

  fixture->window = sl_test_window_open (fixture->ledger, 1400, 900);

  sl_test_window_open_meeting (fixture->window, MEETING_ID);
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

static SlMeeting *
meeting (Fixture *fixture)
{
  return sl_test_editor_meeting (fixture->window, MEETING_ID);
}

static const char *
badge (Fixture *fixture)
{
  return sl_test_editor_badge (fixture->window);
}

#define REVISIONS_SQL \
  "SELECT count(*) || '|' || coalesce (max (made_by), '') || '|' || coalesce (group_concat (reason, ';'), '') " \
  "FROM revisions r JOIN meetings m ON m.id = r.meeting_id WHERE m.uuid = '" MEETING_ID "'"

static void
test_finalise_revise_restore (Fixture       *fixture,
                              gconstpointer  data)
{
  g_autofree char *old_place = g_strdup (sl_meeting_get_place (meeting (fixture)));
  g_autofree char *revisions = NULL;
  g_autofree char *hash = NULL;
  g_autofree char *by = NULL;
  g_autofree char *place = NULL;
  g_auto(GStrv) changed = NULL;
  GtkWidget *history;

  g_assert_cmpstr (badge (fixture), ==, T ("Draft"));
  shot (GTK_WIDGET (fixture->window), "editor-draft");

  /* 定稿…: the name, then the check code. */
  gtk_widget_activate_action (GTK_WIDGET (sl_test_window_editor (fixture->window)), "editor.finalize", NULL);
  SL_TEST_WAIT_UNTIL (fixture, finalize_dialog_shown);
  shot (sl_test_find_toplevel ("sl-finalize-dialog", 0), "finalize-dialog");
  sl_test_answer_dialog (sl_test_find_toplevel ("sl-finalize-dialog", 0), "王五", "finalize");
  SL_TEST_WAIT_UNTIL (fixture, finalized_dialog_shown);
  hash = sl_test_stored (fixture->path,
                         "SELECT f.hash FROM meeting_finals f JOIN meetings m ON m.id = f.meeting_id "
                         "WHERE m.uuid = '" MEETING_ID "'");
  g_assert_cmpuint (strlen (hash), ==, 64);
  by = sl_test_stored (fixture->path, "SELECT value FROM settings WHERE key = 'finalize_by'");
  g_assert_cmpstr (by, ==, "王五");
  g_assert_cmpstr (badge (fixture), ==, T ("Final"));
  shot (sl_test_find_toplevel ("sl-finalized-dialog", 0), "finalized-dialog");
  sl_test_answer_dialog (sl_test_find_toplevel ("sl-finalized-dialog", 0), NULL, "close");
  shot (GTK_WIDGET (fixture->window), "editor-final");

  /* The meetings list marks it 定稿. */
  {
    GtkColumnView *view = sl_test_template_child (sl_window_get_page (fixture->window, "meetings"),
                                                  SL_TYPE_MEETINGS_PAGE, "column_view");
    GtkStringList *finals = sl_meetings_list_get_finals (view);

    g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (finals)), ==, 1);
    g_assert_cmpstr (gtk_string_list_get_string (finals, 0), ==, MEETING_ID);
  }

  /* Read-only until 修订… gives a reason; Cancel leaves it read-only. */
  g_assert_false (gtk_widget_is_sensitive (sl_test_editor_child (fixture->window, "place_row")));
  gtk_widget_activate_action (GTK_WIDGET (sl_test_window_editor (fixture->window)), "editor.revise", NULL);
  SL_TEST_WAIT_UNTIL (fixture, reason_dialog_shown);
  sl_test_answer_dialog (sl_test_find_toplevel ("sl-reason-dialog", 0), NULL, "cancel");
  SL_TEST_WAIT_UNTIL (fixture, reason_dialog_gone);
  g_assert_false (gtk_widget_is_sensitive (sl_test_editor_child (fixture->window, "place_row")));
  revisions = sl_test_stored (fixture->path, REVISIONS_SQL);
  g_assert_cmpstr (revisions, ==, "0||");
  g_clear_pointer (&revisions, g_free);

  /* With a reason: the fields open; the session's saves are revision 1,
   * by the remembered name. */
  gtk_widget_activate_action (GTK_WIDGET (sl_test_window_editor (fixture->window)), "editor.revise", NULL);
  SL_TEST_WAIT_UNTIL (fixture, reason_dialog_shown);
  gtk_editable_set_text (GTK_EDITABLE (g_object_get_data (G_OBJECT (sl_test_find_toplevel ("sl-reason-dialog", 0)),
                                                          "sl-entry")),
                         "地点写错");
  shot (sl_test_find_toplevel ("sl-reason-dialog", 0), "reason-dialog");
  sl_test_answer_dialog (sl_test_find_toplevel ("sl-reason-dialog", 0), "地点写错", "revise");
  g_assert_true (gtk_widget_is_sensitive (sl_test_editor_child (fixture->window, "place_row")));
  sl_meeting_set_place (meeting (fixture), "五楼会议室");
  SL_TEST_WAIT_UNTIL (fixture, saved);
  revisions = sl_test_stored (fixture->path, REVISIONS_SQL);
  g_assert_cmpstr (revisions, ==, "1|王五|地点写错");
  g_clear_pointer (&revisions, g_free);
  g_assert_cmpstr (badge (fixture), ==, T ("Final"));

  /* The session's next change goes into the same revision. */
  sl_meeting_set_theme (meeting (fixture), "主题补正");
  g_assert_true (sl_meeting_editor_flush (sl_test_window_editor (fixture->window), NULL));
  g_assert_null (sl_test_find_toplevel ("sl-reason-dialog", 0));
  revisions = sl_test_stored (fixture->path, REVISIONS_SQL);
  g_assert_cmpstr (revisions, ==, "1|王五|地点写错");
  g_clear_pointer (&revisions, g_free);

  /* The history: the revisions, the two versions compared, restore. */
  gtk_widget_activate_action (GTK_WIDGET (sl_test_window_editor (fixture->window)), "editor.history", NULL);
  sl_test_iterate (100);
  history = sl_test_find_toplevel (NULL, SL_TYPE_MEETING_HISTORY);
  g_assert_nonnull (history);
  g_assert_cmpuint (sl_meeting_history_get_n_versions (SL_MEETING_HISTORY (history)), ==, 2);
  sl_meeting_history_compare (SL_MEETING_HISTORY (history), 1, 2);
  changed = sl_meeting_history_get_changed_fields (SL_MEETING_HISTORY (history));
  g_assert_true (g_strv_contains ((const char * const *) changed, "place"));
  g_assert_true (g_strv_contains ((const char * const *) changed, "theme"));
  g_assert_false (g_strv_contains ((const char * const *) changed, "title"));
  shot (history, "history");

  {
    g_autoptr(GError) error = NULL;

    g_assert_true (sl_meeting_history_restore (SL_MEETING_HISTORY (history), 1, "恢复定稿时的内容", &error));
    g_assert_no_error (error);
  }
  sl_test_iterate (100);
  revisions = sl_test_stored (fixture->path, REVISIONS_SQL);
  g_assert_cmpstr (revisions, ==, "2|王五|地点写错;恢复定稿时的内容");
  place = sl_test_stored (fixture->path, "SELECT place FROM meetings WHERE uuid = '" MEETING_ID "'");
  g_assert_cmpstr (place, ==, old_place);
  /* The editor shows the restored content, and is not asked to save it. */
  g_assert_cmpstr (sl_meeting_get_place (meeting (fixture)), ==, old_place);
  g_assert_cmpuint (sl_meeting_history_get_n_versions (SL_MEETING_HISTORY (history)), ==, 3);
  shot (history, "history-restored");
  gtk_window_destroy (GTK_WINDOW (history));

  /* The list, with its 草稿/定稿 column. */
  gtk_widget_activate_action (GTK_WIDGET (sl_test_window_editor (fixture->window)), "editor.back", NULL);
  shot (GTK_WIDGET (fixture->window), "meetings-list");
  gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.show-page", "s", "overview");
  shot (GTK_WIDGET (fixture->window), "overview");
}

static void
test_locked_year (Fixture       *fixture,
                  gconstpointer  data)
{
  SlMeetingEditor *editor = sl_test_window_editor (fixture->window);
  GtkWidget *banner = sl_test_find_named (GTK_WIDGET (editor), "sl-lock-banner");
  GtkWidget *label = sl_test_find_named (GTK_WIDGET (editor), "sl-lock-label");
  GtkWidget *title_row = sl_test_template_child (editor, SL_TYPE_MEETING_EDITOR, "title_row");
  g_autofree char *title = NULL;

  g_assert_nonnull (banner);
  g_assert_true (gtk_revealer_get_reveal_child (GTK_REVEALER (banner)));
  g_assert_nonnull (strstr (gtk_label_get_label (GTK_LABEL (label)), "2025"));
  g_assert_nonnull (strstr (gtk_label_get_label (GTK_LABEL (label)), "王五"));
  g_assert_false (gtk_widget_is_sensitive (title_row));
  shot (GTK_WIDGET (fixture->window), "locked-year");

  /* A change that gets through anyway is refused, with the lock's reason. */
  sl_meeting_set_title (meeting (fixture), "改过的标题");
  SL_TEST_WAIT_UNTIL (fixture, not_saved);
  g_assert_nonnull (strstr (sl_test_editor_state (fixture->window), "2025"));
  title = sl_test_stored (fixture->path, "SELECT title FROM meetings WHERE uuid = '" MEETING_ID "'");
  g_assert_cmpstr (title, !=, "改过的标题");
  g_clear_pointer (&title, g_free);

  /* 解锁…: with a reason, the fields are editable again. */
  gtk_widget_activate_action (GTK_WIDGET (editor), "editor.unlock-year", NULL);
  sl_test_iterate (100);
  sl_test_answer_dialog (sl_test_find_toplevel ("sl-unlock-dialog", 0), "补录会议", "unlock");
  g_assert_false (gtk_revealer_get_reveal_child (GTK_REVEALER (banner)));
  g_assert_true (gtk_widget_is_sensitive (title_row));
  title = sl_test_stored (fixture->path, "SELECT unlock_reason FROM year_locks WHERE year = 2025");
  g_assert_cmpstr (title, ==, "补录会议");
}

static SlMeetingAttachments *
attachments_of (Fixture *fixture)
{
  GtkWidget *widget = sl_test_find_named (GTK_WIDGET (sl_test_window_editor (fixture->window)), "sl-attachments");

  g_assert_nonnull (widget);
  return SL_MEETING_ATTACHMENTS (widget);
}

static gboolean
two_attachments (Fixture *fixture)
{
  return sl_meeting_attachments_get_n_items (attachments_of (fixture)) == 2;
}

/* A one-page PDF, drawn by cairo. */
static char *
write_pdf (Fixture *fixture)
{
  char *path = g_build_filename (fixture->folder, "会议材料.pdf", NULL);
  cairo_surface_t *surface = cairo_pdf_surface_create (path, 595, 842);
  cairo_t *cr = cairo_create (surface);

  cairo_set_source_rgb (cr, 0.8, 0.1, 0.1);
  cairo_rectangle (cr, 50, 50, 495, 200);
  cairo_fill (cr);
  cairo_show_page (cr);
  cairo_destroy (cr);
  cairo_surface_finish (surface);
  cairo_surface_destroy (surface);
  return path;
}

static void
test_attachments (Fixture       *fixture,
                  gconstpointer  data)
{
  SlMeetingAttachments *attachments = attachments_of (fixture);
  g_autofree char *pdf = write_pdf (fixture);
  g_autofree char *count = NULL;

  /* The PNG attached through the core: listed, with its thumbnail. */
  g_assert_cmpuint (sl_meeting_attachments_get_n_items (attachments), ==, 1);
  g_assert_true (sl_meeting_attachments_has_thumbnail (attachments, 0));

  /* A PDF added from the editor (in a thread): its first page as thumbnail. */
  sl_meeting_attachments_add_file (attachments, pdf, "material");
  SL_TEST_WAIT_UNTIL (fixture, two_attachments);
  g_assert_true (sl_meeting_attachments_has_thumbnail (attachments, 0) &&
                 sl_meeting_attachments_has_thumbnail (attachments, 1));
  count = sl_test_stored (fixture->path, "SELECT count(*) || '|' || group_concat (media_type, ';') FROM attachments");
  g_assert_nonnull (strstr (count, "2|"));
  g_assert_nonnull (strstr (count, "application/pdf"));

  {
    GtkWidget *scroller = sl_test_editor_child (fixture->window, "scroller");
    GtkAdjustment *adjustment = gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (scroller));

    sl_test_iterate (200);
    gtk_adjustment_set_value (adjustment, gtk_adjustment_get_upper (adjustment));
    shot (GTK_WIDGET (fixture->window), "attachments");
  }
}

static gboolean lock_dialog_shown (Fixture *f) { return sl_test_find_toplevel ("sl-lock-year-dialog", 0) != NULL; }

/* 锁定年度… on the overview: the top-level organization's year is locked,
 * by the name given, and the meeting then opens read-only. */
static void
test_lock_year (Fixture       *fixture,
                gconstpointer  data)
{
  GtkWidget *overview = sl_window_get_page (fixture->window, "overview");
  g_autofree char *locked = NULL;
  GtkWidget *banner;

  gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.show-page", "s", "overview");
  sl_test_iterate (100);
  gtk_widget_activate_action (overview, "overview.lock-year", NULL);
  SL_TEST_WAIT_UNTIL (fixture, lock_dialog_shown);
  shot (sl_test_find_toplevel ("sl-lock-year-dialog", 0), "lock-year-dialog");
  /* Who locks is asked, and recorded. */
  sl_test_answer_dialog (sl_test_find_toplevel ("sl-lock-year-dialog", 0), " 李红梅 ", "lock");

  locked = sl_test_stored (fixture->path, "SELECT o.name || '|' || l.year || '|' || l.locked_by "
                                          "FROM year_locks l "
                                          "JOIN organizations o ON o.id = l.organization_id WHERE l.unlocked_at IS NULL");
  g_assert_cmpstr (locked, ==, "市统计局党组|2025|李红梅");

  gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.show-page", "s", "meetings");
  sl_test_iterate (50);
  sl_meetings_page_open_meeting (SL_MEETINGS_PAGE (sl_window_get_page (fixture->window, "meetings")),
                                 MEETING_ID);
  sl_test_iterate (100);
  banner = sl_test_find_named (GTK_WIDGET (sl_test_window_editor (fixture->window)), "sl-lock-banner");
  g_assert_true (gtk_revealer_get_reveal_child (GTK_REVEALER (banner)));
}

/* 定稿人 as the dialog opens: the meeting's 记录人, else the name typed
 * at the last finalisation (it was empty every time). */
static void
test_finalise_proposes_recorder (Fixture       *fixture,
                                 gconstpointer  data)
{
  SlMeeting *shown = meeting (fixture);
  const char *recorder = sl_meeting_get_recorder (shown);
  SlMember *member = recorder ? sl_ledger_find_member (fixture->ledger, recorder) : NULL;
  GtkWidget *dialog;
  g_autoptr(GError) error = NULL;

  g_assert_nonnull (member);
  g_assert_true (sl_database_set_setting (sl_ledger_get_database (fixture->ledger), SL_EVIDENCE_BY_SETTING,
                                          "王五", &error));
  g_assert_no_error (error);

  gtk_widget_activate_action (GTK_WIDGET (sl_test_window_editor (fixture->window)), "editor.finalize", NULL);
  SL_TEST_WAIT_UNTIL (fixture, finalize_dialog_shown);
  dialog = sl_test_find_toplevel ("sl-finalize-dialog", 0);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (g_object_get_data (G_OBJECT (dialog), "sl-entry"))), ==,
                   sl_member_get_name (member));
  sl_test_answer_dialog (dialog, NULL, "cancel");
  sl_test_iterate (50);

  /* No 记录人: the name remembered. */
  sl_meeting_set_recorder (shown, NULL);
  gtk_widget_activate_action (GTK_WIDGET (sl_test_window_editor (fixture->window)), "editor.finalize", NULL);
  SL_TEST_WAIT_UNTIL (fixture, finalize_dialog_shown);
  dialog = sl_test_find_toplevel ("sl-finalize-dialog", 0);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (g_object_get_data (G_OBJECT (dialog), "sl-entry"))), ==,
                   "王五");
  sl_test_answer_dialog (dialog, NULL, "cancel");
  sl_test_iterate (50);
}

int
main (int   argc,
      char *argv[])
{
  g_setenv ("SL_TODAY", "2025-12-31", TRUE);
  sl_test_gtk_init_english (&argc, &argv);

  g_test_add ("/window-evidence/finalise-revise-restore", Fixture, NULL,
              fixture_set_up, test_finalise_revise_restore, fixture_tear_down);
  g_test_add ("/window-evidence/locked-year", Fixture, GINT_TO_POINTER (1),
              fixture_set_up, test_locked_year, fixture_tear_down);

  g_test_add ("/window-evidence/attachments", Fixture, GINT_TO_POINTER (2),
              fixture_set_up, test_attachments, fixture_tear_down);

  g_test_add ("/window-evidence/lock-year", Fixture, NULL,
              fixture_set_up, test_lock_year, fixture_tear_down);
  g_test_add ("/window-evidence/finalise-proposes-recorder", Fixture, NULL,
              fixture_set_up, test_finalise_proposes_recorder, fixture_tear_down);

  return g_test_run ();
}
