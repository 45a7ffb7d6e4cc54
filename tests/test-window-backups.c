/* test-window-backups.c — the window's copies of the ledger, and a damaged one
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Runs under Xvfb (build-aux/setup.sh --test), on a fresh ledger filled
 * from the example archive the program carries; today is 2025-12-31
 * (SL_TODAY). The window copies the ledger once a day, after its first
 * frame, and never copies a damaged one; on a damaged ledger it shows a
 * banner whose button restores, and refuses to save until then.
 */

#include "config.h"

#include <adwaita.h>
#include <sqlite3.h>
#include <string.h>

#include "sl-ledger.h"
#include "sl-meeting.h"
#include "sl-organization.h"
#include "sl-window.h"
#include "sl-window-private.h"
#include "sl-test-util.h"
#include "sl-test-window.h"
#include "sl-test-display.h"

#define TODAY "2025-12-31"

typedef struct
{
  char      *folder;
  char      *path;
  SlLedger  *ledger;
  SlWindow  *window;
} Fixture;


/* Until the day's backup, which the window starts after its first frame,
 * is done. */
static void
wait_daily_backup (SlWindow *window)
{
  gint64 end = g_get_monotonic_time () + 30 * G_USEC_PER_SEC;

  while (sl_window_get_daily_backup_pending (window) && g_get_monotonic_time () < end)
    g_main_context_iteration (NULL, TRUE);
  g_assert_false (sl_window_get_daily_backup_pending (window));
}

static void
open_window (Fixture *fixture)
{
  fixture->window = sl_test_window_open (fixture->ledger, 0, 0);
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  fixture->folder = make_temp_folder ("test-window-backups-XXXXXX");
  fixture->path = g_build_filename (fixture->folder, "ledger.db", NULL);
  fixture->ledger = sl_test_example_ledger (fixture->path);
  open_window (fixture);
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
wait_idle (SlWindow *window)
{
  SL_TEST_WAIT_FOR (!sl_window_get_busy (window));
  sl_test_iterate (50);
}

/* The day's backup --------------------------------------------------------- */

static int
compare_names (gconstpointer a,
               gconstpointer b)
{
  return g_strcmp0 (*(const char * const *) a, *(const char * const *) b);
}

/* The daily copies in the ledger's backup folder, sorted. */
static char *
daily_copies (Fixture *fixture)
{
  g_autofree char *backups = g_build_filename (fixture->folder, "ledger-backups", NULL);
  g_autoptr(GDir) dir = g_dir_open (backups, 0, NULL);
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    g_ptr_array_add (names, g_strdup (name));
  g_ptr_array_sort (names, compare_names);
  g_ptr_array_add (names, NULL);

  return g_strjoinv (" ", (char **) names->pdata);
}

/* A copy is written aside and renamed into place: a new copy, a new inode. */
static guint64
inode_of (const char *path)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GFileInfo) info = g_file_query_info (file, G_FILE_ATTRIBUTE_UNIX_INODE,
                                                 G_FILE_QUERY_INFO_NONE, NULL, NULL);

  g_assert_nonnull (info);
  return g_file_info_get_attribute_uint64 (info, G_FILE_ATTRIBUTE_UNIX_INODE);
}

static void
reopen_window (Fixture *fixture)
{
  sl_test_window_close (fixture->window, NULL);
  open_window (fixture);
}

static void
test_daily_backup (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autofree char *today = g_build_filename (fixture->folder, "ledger-backups",
                                             "ledger-" TODAY ".db", NULL);
  g_autofree char *copies = NULL;
  g_autoptr(SlLedger) copy = NULL;
  g_autoptr(GError) error = NULL;
  guint64 first;

  /* The window opened and painted; the copy comes after, in a thread. */
  wait_daily_backup (fixture->window);
  copies = daily_copies (fixture);
  g_assert_cmpstr (copies, ==, "ledger-" TODAY ".db");
  copy = sl_ledger_open (today, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (sl_ledger_get_members (copy)), ==,
                    g_list_model_get_n_items (sl_ledger_get_members (fixture->ledger)));
  g_clear_object (&copy);
  first = inode_of (today);

  /* Opened again the same day: today's copy is there, and stays as it was. */
  reopen_window (fixture);
  wait_daily_backup (fixture->window);
  g_clear_pointer (&copies, g_free);
  copies = daily_copies (fixture);
  g_assert_cmpstr (copies, ==, "ledger-" TODAY ".db");
  g_assert_cmpuint (inode_of (today), ==, first);

  /* The next day's first window makes the next copy. */
  g_setenv ("SL_TODAY", "2026-01-01", TRUE);
  reopen_window (fixture);
  wait_daily_backup (fixture->window);
  g_setenv ("SL_TODAY", TODAY, TRUE);
  g_clear_pointer (&copies, g_free);
  copies = daily_copies (fixture);
  g_assert_cmpstr (copies, ==, "ledger-" TODAY ".db ledger-2026-01-01.db");
}

/* A damaged ledger -------------------------------------------------------- */

/* Zeroes the last leaf page of the meetings' tables in the closed file, as
 * a disk that lost a sector leaves it. */
static void
zero_a_page (const char *path)
{
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *contents = NULL;
  gsize size = 0;
  gint64 page;

  g_assert_cmpint (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db, "SELECT pageno FROM dbstat WHERE pagetype = 'leaf' "
                                           "AND name IN ('meetings', 'attendance', 'studies') "
                                           "ORDER BY pageno DESC LIMIT 1",
                                       -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  page = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);
  sqlite3_close (db);

  g_file_get_contents (path, &contents, &size, &error);
  g_assert_no_error (error);
  g_assert_cmpuint ((gsize) page * 4096, <=, size);
  memset (contents + (page - 1) * 4096, 0, 4096);
  g_file_set_contents (path, contents, size, &error);
  g_assert_no_error (error);
}

static gboolean
save_a_meeting (Fixture  *fixture,
                GError  **error)
{
  g_autoptr(SlMeeting) meeting = sl_meeting_new ();
  g_autoptr(SlOrganization) organization =
    g_list_model_get_item (sl_ledger_get_organizations (fixture->ledger), 0);

  sl_meeting_set_organization (meeting, sl_record_get_id (SL_RECORD (organization)));
  sl_meeting_set_kind (meeting, SL_MEETING_KIND_PARTY_GROUP);
  sl_meeting_set_date (meeting, "2025-12-30");
  sl_meeting_set_title (meeting, "损坏之后");
  return sl_ledger_save_meeting (fixture->ledger, meeting, SL_SAVE_REPLACE, error);
}

/* The window on a damaged ledger shows a banner whose button restores,
 * and refuses to save; the damaged file is not copied. */
static void
test_damaged (Fixture       *fixture,
              gconstpointer  data)
{
  g_autofree char *sound = g_build_filename (fixture->folder, "ledger-backups",
                                             "ledger-" TODAY ".db", NULL);
  g_autoptr(GFile) backup = g_file_new_for_path (sound);
  g_autoptr(GError) error = NULL;
  g_autofree char *copies = NULL;
  AdwMessageDialog *question;
  GtkWidget *banner;

  wait_daily_backup (fixture->window);
  banner = sl_window_get_damage_banner (fixture->window);
  g_assert_false (gtk_info_bar_get_revealed (GTK_INFO_BAR (banner)));

  /* Closed, damaged, and opened the next day. */
  g_object_ref (fixture->window);
  gtk_window_destroy (GTK_WINDOW (fixture->window));
  sl_test_iterate (50);
  g_assert_finalize_object (fixture->window);
  g_assert_finalize_object (fixture->ledger);
  zero_a_page (fixture->path);
  g_setenv ("SL_TODAY", "2026-01-01", TRUE);
  fixture->ledger = sl_ledger_open (fixture->path, &error);
  g_assert_no_error (error);
  open_window (fixture);
  wait_daily_backup (fixture->window);

  banner = sl_window_get_damage_banner (fixture->window);
  g_assert_true (gtk_info_bar_get_revealed (GTK_INFO_BAR (banner)));
  g_assert_nonnull (sl_test_find_actionable (banner, "win.restore"));
  copies = daily_copies (fixture);
  g_assert_cmpstr (copies, ==, "ledger-" TODAY ".db");

  /* A save is refused, naming restore and the sound backup. */
  g_assert_false (save_a_meeting (fixture, &error));
  g_assert_nonnull (error);
  g_assert_nonnull (strstr (error->message, "restore"));
  g_assert_nonnull (strstr (error->message, sound));
  g_clear_error (&error);

  /* What the restore flow does once a file is chosen: the banner goes,
   * and saving works again. */
  sl_window_restore (fixture->window, backup);
  question = ADW_MESSAGE_DIALOG (sl_test_find_toplevel (NULL, ADW_TYPE_MESSAGE_DIALOG));
  g_assert_nonnull (question);
  adw_message_dialog_response (question, "restore");
  gtk_window_destroy (GTK_WINDOW (question));
  sl_test_iterate (50);
  wait_idle (fixture->window);
  g_setenv ("SL_TODAY", TODAY, TRUE);
  g_assert_false (gtk_info_bar_get_revealed (GTK_INFO_BAR (banner)));
  g_assert_true (save_a_meeting (fixture, &error));
  g_assert_no_error (error);
}

int
main (int   argc,
      char *argv[])
{
  g_setenv ("SL_TODAY", TODAY, TRUE);
  g_setenv ("GSETTINGS_BACKEND", "memory", TRUE);

  sl_test_gtk_init (&argc, &argv);

  g_test_add ("/window/daily-backup", Fixture, NULL,
              fixture_set_up, test_daily_backup, fixture_tear_down);
  g_test_add ("/window/damaged", Fixture, NULL,
              fixture_set_up, test_damaged, fixture_tear_down);

  return g_test_run ();
}
