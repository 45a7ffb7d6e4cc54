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
 * XTEST and libX11 are reached through dlsym(), as in
 * test-window-keyboard.c; where either is missing the tests skip.
 */

#include "config.h"

#include <adwaita.h>
#include <dlfcn.h>
#include <gdk/x11/gdkx.h>
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
#include "sl-test-util.h"
#include "sl-test-window.h"

#define TITLE "局党组2025年第1次会议"

static struct
{
  Display *display;
  int (*fake_key) (Display *, unsigned int, Bool, unsigned long);
  KeyCode (*keysym_to_keycode) (Display *, KeySym);
  int (*sync) (Display *, Bool);
  int (*set_input_focus) (Display *, Window, int, Time);
} x;

typedef struct
{
  char      *folder;
  SlLedger  *ledger;
  SlWindow  *window;
} Fixture;

static void
iterate (guint ms)
{
  gint64 end = g_get_monotonic_time () + ms * 1000;

  while (g_get_monotonic_time () < end)
    g_main_context_iteration (NULL, FALSE);
}

static gboolean
x_init (void)
{
  GdkDisplay *display = gdk_display_get_default ();
  void *xtst;

  if (x.display != NULL)
    return TRUE;
  if (!GDK_IS_X11_DISPLAY (display) || (xtst = dlopen ("libXtst.so.6", RTLD_NOW | RTLD_GLOBAL)) == NULL)
    return FALSE;
  x.fake_key = dlsym (xtst, "XTestFakeKeyEvent");
  x.keysym_to_keycode = dlsym (RTLD_DEFAULT, "XKeysymToKeycode");
  x.sync = dlsym (RTLD_DEFAULT, "XSync");
  x.set_input_focus = dlsym (RTLD_DEFAULT, "XSetInputFocus");
  if (!x.fake_key || !x.keysym_to_keycode || !x.sync || !x.set_input_focus)
    return FALSE;
  x.display = gdk_x11_display_get_xdisplay (display);
  return TRUE;
}

/* Everything the X server has for us, handled. */
static void
settle (void)
{
  x.sync (x.display, False);
  for (int round = 0; round < 3; round++)
    {
      while (g_main_context_pending (NULL))
        g_main_context_iteration (NULL, FALSE);
      iterate (15);
    }
}

/* A key, with Alt or not; the keys go out at once, as a fast typist's
 * would, and are handled together afterwards. */
static void
press (guint keyval, gboolean alt)
{
  KeyCode alt_code = x.keysym_to_keycode (x.display, XK_Alt_L);
  KeyCode code = x.keysym_to_keycode (x.display, keyval);

  g_assert_cmpint (code, !=, 0);
  if (alt)
    x.fake_key (x.display, alt_code, True, CurrentTime);
  x.fake_key (x.display, code, True, CurrentTime);
  x.fake_key (x.display, code, False, CurrentTime);
  if (alt)
    x.fake_key (x.display, alt_code, False, CurrentTime);
}

static GtkWidget *
find_widget (GtkWidget *widget, GType type)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (widget, type) && gtk_widget_get_mapped (widget))
    return widget;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_widget (child, type);

      if (found != NULL)
        return found;
    }
  return NULL;
}

/* The button of @action in the editor. */
static GtkWidget *
find_action_button (GtkWidget *widget, const char *action)
{
  if (GTK_IS_BUTTON (widget) &&
      g_strcmp0 (gtk_actionable_get_action_name (GTK_ACTIONABLE (widget)), action) == 0)
    return widget;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_action_button (child, action);

      if (found != NULL)
        return found;
    }
  return NULL;
}

static GtkWidget *
editor (Fixture *fixture)
{
  return find_widget (GTK_WIDGET (fixture->window), SL_TYPE_MEETING_EDITOR);
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

  if (!x_init ())
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
  iterate (100);
  /* No window manager under Xvfb: the keyboard goes where it is told. */
  x.set_input_focus (x.display,
                     gdk_x11_surface_get_xid (gtk_native_get_surface (GTK_NATIVE (fixture->window))),
                     RevertToParent, CurrentTime);
  settle ();

  sl_window_show_page (fixture->window, "meetings");
  page = sl_window_get_page (fixture->window, "meetings");
  sl_meetings_page_open_meeting (SL_MEETINGS_PAGE (page), sl_record_get_id (SL_RECORD (meeting)));
  SL_TEST_WAIT_FOR (editor (fixture) != NULL);
  iterate (200);
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
      iterate (50);
    }
  sl_test_window_close (fixture->window, fixture->ledger);
  remove_tree (fixture->folder);
  g_free (fixture->folder);
}

#define SKIP_WITHOUT_XTEST(fixture)                                          \
  G_STMT_START {                                                             \
    if ((fixture)->window == NULL)                                           \
      {                                                                      \
        g_test_skip ("needs an X11 display with XTEST");                     \
        return;                                                              \
      }                                                                      \
  } G_STMT_END

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
      GtkWidget *button = find_action_button (editor (fixture), buttons[i].action);
      GtkWidget *label = button ? find_widget (button, GTK_TYPE_LABEL) : NULL;
      GtkWidget *title = sl_test_template_child (editor (fixture), SL_TYPE_MEETING_EDITOR, "title_row");
      GtkWidget *focus;
      GtkWidget *row;

      g_test_message ("%s", buttons[i].action);
      g_assert_nonnull (label);
      g_assert_cmpuint (gdk_keyval_to_lower (gtk_label_get_mnemonic_keyval (GTK_LABEL (label))), ==, buttons[i].key);

      /* From the title, as she would after typing it. */
      gtk_widget_grab_focus (title);
      settle ();
      g_assert_true (gtk_widget_is_ancestor (gtk_root_get_focus (GTK_ROOT (fixture->window)), title));

      press (buttons[i].key, TRUE);
      press (GDK_KEY_a, FALSE);
      press (GDK_KEY_b, FALSE);
      press (GDK_KEY_c, FALSE);
      settle ();
      /* Past the 250 ms a button's press takes: nothing comes late. */
      iterate (400);
      settle ();

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

  button = find_action_button (editor (fixture), "editor.add-speech");
  label = button ? find_widget (button, GTK_TYPE_LABEL) : NULL;
  g_assert_nonnull (label);
  g_assert_cmpuint (gtk_label_get_mnemonic_keyval (GTK_LABEL (label)), ==, GDK_KEY_VoidSymbol);
  g_assert_true (gtk_widget_get_focusable (button));
}

int
main (int argc, char **argv)
{
  g_setenv ("SL_TODAY", "2025-12-31", TRUE);
  g_setenv ("GSETTINGS_BACKEND", "memory", TRUE);

  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

  g_test_add ("/window-mnemonics/add-buttons", Fixture, NULL, fixture_set_up, test_add_buttons,
              fixture_tear_down);
  g_test_add ("/window-mnemonics/speech-by-tab", Fixture, NULL, fixture_set_up, test_speech_by_tab,
              fixture_tear_down);

  return g_test_run ();
}
