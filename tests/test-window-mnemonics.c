/* test-window-mnemonics.c — the meeting editor's add buttons by their mnemonics
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Runs under Xvfb (build-aux/setup.sh --test). 添加学习内容(S),
 * 添加列席人员(G) and 添加措施(M) underline their letter, and Alt plus
 * that letter, a real X key event (XTEST, as test-window-keyboard.c
 * sends them), adds the row and puts the focus in its text field at
 * once: the keys typed right after it land there, not in the field that
 * had the focus (a first try with plain mnemonics pressed the button
 * 250 ms late, and the typing went elsewhere). 添加发言 has no letter
 * left (every letter of “Add Speech” underlines another field) and is
 * reached by Tab; its Alt+E stays the editor's own shortcut.
 *
 * The keys come from tests/lib/sl-test-keys.h; where XTEST is missing
 * the tests skip.
 */

#include "config.h"

#include <adwaita.h>
#include <string.h>

#include "sl-enums.h"
#include "sl-ledger.h"
#include "sl-meeting.h"
#include "sl-meeting-editor.h"
#include "sl-meeting-guest-row.h"
#include "sl-meeting-measure-row.h"
#include "sl-meeting-study-row.h"
#include "sl-meetings-page.h"
#include "sl-member.h"
#include "sl-organization.h"
#include "sl-window.h"
#include "sl-test-keys.h"
#include "sl-test-util.h"
#include "sl-test-window.h"
#include "sl-test-display.h"

#define TITLE "局党组2025年第1次会议"

typedef struct
{
  char      *folder;
  SlLedger  *ledger;
  SlWindow  *window;
} Fixture;

static GtkWidget *
editor (Fixture *fixture)
{
  return sl_test_find_mapped (GTK_WIDGET (fixture->window), SL_TYPE_MEETING_EDITOR);
}

static void
fixture_set_up (Fixture *fixture, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SlOrganization) organization = sl_organization_new ();
  g_autoptr(SlMeeting) meeting = sl_meeting_new ();
  g_autoptr(SlMember) member = sl_member_new ();
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);
  g_autofree char *path = NULL;
  GtkWidget *page;

  if (!sl_test_keys_init ())
    return;

  fixture->folder = make_temp_folder ("test-window-mnemonics-XXXXXX");
  path = g_build_filename (fixture->folder, "ledger.db", NULL);
  fixture->ledger = sl_ledger_open (path, &error);
  g_assert_no_error (error);
  g_settings_reset (settings, "last-year");

  sl_organization_set_name (organization, "滨江市生态环境局党组");
  sl_organization_set_kind (organization, SL_ORGANIZATION_KIND_PARTY_GROUP);
  g_assert_true (sl_ledger_save_organization (fixture->ledger, organization, &error));
  g_assert_no_error (error);
  sl_member_set_name (member, "周建国");
  sl_member_set_organization (member, sl_record_get_id (SL_RECORD (organization)));
  sl_member_set_leadership (member, TRUE);
  sl_member_set_joined_on (member, "2020-01-01");
  g_assert_true (sl_ledger_save_member (fixture->ledger, member, &error));
  g_assert_no_error (error);
  sl_meeting_set_organization (meeting, sl_record_get_id (SL_RECORD (organization)));
  sl_meeting_set_kind (meeting, SL_MEETING_KIND_PARTY_GROUP);
  sl_meeting_set_sequence (meeting, 1);
  sl_meeting_set_title (meeting, TITLE);
  sl_meeting_set_date (meeting, "2025-12-01");
  g_assert_true (sl_ledger_save_meeting (fixture->ledger, meeting, SL_SAVE_REPLACE, &error));
  g_assert_no_error (error);

  fixture->window = sl_window_new (NULL, fixture->ledger, FALSE);
  gtk_window_set_default_size (GTK_WINDOW (fixture->window), 1200, 900);
  gtk_window_present (GTK_WINDOW (fixture->window));
  SL_TEST_WAIT_FOR (gtk_widget_get_mapped (GTK_WIDGET (fixture->window)));
  sl_test_iterate (100);
  /* No window manager under Xvfb: the keyboard goes where it is told. */
  sl_test_keys_focus (GTK_WIDGET (fixture->window));

  sl_window_show_page (fixture->window, "meetings");
  page = sl_window_get_page (fixture->window, "meetings");
  sl_meetings_page_open_meeting (SL_MEETINGS_PAGE (page), sl_record_get_id (SL_RECORD (meeting)));
  SL_TEST_WAIT_FOR (editor (fixture) != NULL);
  sl_test_iterate (200);
}

static void
fixture_tear_down (Fixture *fixture, gconstpointer data)
{
  if (fixture->window == NULL)
    return;
  /* Back to the list first: an editor open when the window goes saves
   * into a page taken apart. */
  if (editor (fixture) != NULL)
    {
      gtk_widget_activate_action (editor (fixture), "editor.back", NULL);
      sl_test_iterate (50);
    }
  sl_test_window_close (fixture->window, fixture->ledger);
  remove_tree (fixture->folder);
  g_free (fixture->folder);
}

#define SKIP_WITHOUT_XTEST(fixture) SL_TEST_KEYS_REQUIRE ((fixture)->window != NULL)

typedef struct
{
  const char *action;
  guint       key;
  GType     (*row_type) (void);
} AddButton;

static const AddButton buttons[] = {
  { "editor.add-study", GDK_KEY_s, sl_meeting_study_row_get_type },
  { "editor.add-guest", GDK_KEY_g, sl_meeting_guest_row_get_type },
  { "editor.add-measure", GDK_KEY_m, sl_meeting_measure_row_get_type },
};

/* Each button underlines its letter; Alt+letter adds its row, and what is
 * typed at once after it is in the new row's field, the title untouched. */
static void
test_add_buttons (Fixture *fixture, gconstpointer data)
{
  SKIP_WITHOUT_XTEST (fixture);

  for (guint i = 0; i < G_N_ELEMENTS (buttons); i++)
    {
      GtkWidget *button = sl_test_find_actionable (editor (fixture), buttons[i].action);
      GtkWidget *label = button ? sl_test_find_mapped (button, GTK_TYPE_LABEL) : NULL;
      GtkWidget *title = sl_test_template_child (editor (fixture), SL_TYPE_MEETING_EDITOR, "title_row");
      GtkWidget *focus;
      GtkWidget *row;

      g_test_message ("%s", buttons[i].action);
      g_assert_nonnull (label);
      g_assert_cmpuint (gdk_keyval_to_lower (gtk_label_get_mnemonic_keyval (GTK_LABEL (label))), ==, buttons[i].key);

      /* From the title, as she would after typing it. */
      gtk_widget_grab_focus (title);
      sl_test_keys_settle ();
      g_assert_true (gtk_widget_is_ancestor (gtk_root_get_focus (GTK_ROOT (fixture->window)), title));

      sl_test_keys_press (buttons[i].key, GDK_ALT_MASK);
      sl_test_keys_press (GDK_KEY_a, 0);
      sl_test_keys_press (GDK_KEY_b, 0);
      sl_test_keys_press (GDK_KEY_c, 0);
      sl_test_keys_settle ();
      /* Past the 250 ms a button's press takes: nothing comes late. */
      sl_test_iterate (400);
      sl_test_keys_settle ();

      focus = gtk_root_get_focus (GTK_ROOT (fixture->window));
      g_assert_nonnull (focus);
      row = gtk_widget_get_ancestor (focus, buttons[i].row_type ());
      g_assert_nonnull (row);
      g_assert_true (GTK_IS_EDITABLE (focus));
      g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (focus)), ==, "abc");
      g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (title)), ==, TITLE);
    }
}

/* 添加发言 underlines nothing: its letters are all taken in the view. */
static void
test_speech_by_tab (Fixture *fixture, gconstpointer data)
{
  GtkWidget *button;
  GtkWidget *label;

  SKIP_WITHOUT_XTEST (fixture);

  button = sl_test_find_actionable (editor (fixture), "editor.add-speech");
  label = button ? sl_test_find_mapped (button, GTK_TYPE_LABEL) : NULL;
  g_assert_nonnull (label);
  g_assert_cmpuint (gtk_label_get_mnemonic_keyval (GTK_LABEL (label)), ==, GDK_KEY_VoidSymbol);
  g_assert_true (gtk_widget_get_focusable (button));
}

int
main (int argc, char **argv)
{
  g_setenv ("SL_TODAY", "2025-12-31", TRUE);
  g_setenv ("GSETTINGS_BACKEND", "memory", TRUE);

  sl_test_gtk_init (&argc, &argv);

  g_test_add ("/window-mnemonics/add-buttons", Fixture, NULL, fixture_set_up, test_add_buttons,
              fixture_tear_down);
  g_test_add ("/window-mnemonics/speech-by-tab", Fixture, NULL, fixture_set_up, test_speech_by_tab,
              fixture_tear_down);

  return g_test_run ();
}
