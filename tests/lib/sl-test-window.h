/* sl-test-window.h — what window tests share (tests/lib, 'sltest-window')
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The ways a window test finds its widgets and dialogs, answers a dialog,
 * waits for a state, and reads what the ledger file holds; and the end of
 * every window test.
 *
 * Every window test ends the same way: the daily backup and any job the
 * window started (a reload, the statistics, an export) must be over, the
 * dialogs closed, and then nothing may keep the window or the ledger
 * alive. Under the sanitizers those jobs take seconds, so the wait is a
 * bounded loop on the main context, not a fixed pause: a teardown that
 * asserted too early failed the CI's sanitizer round twice.
 */

#pragma once

#include <adwaita.h>

#include "sl-ledger.h"
#include "sl-meeting-editor.h"
#include "sl-window.h"

G_BEGIN_DECLS

/* Runs the main context until @done holds, at most 30 s, then asserts
 * it: the window's idles and jobs take their time under the sanitizers
 * and a loaded machine, so a test waits for what it checks. */
#define SL_TEST_WAIT_FOR(done)                                           \
  G_STMT_START {                                                         \
    gint64 end_ = g_get_monotonic_time () + 30 * G_USEC_PER_SEC;         \
    while (!(done) && g_get_monotonic_time () < end_)                    \
      g_main_context_iteration (NULL, FALSE);                            \
    g_assert_true (done);                                                \
  } G_STMT_END

/* SL_TEST_WAIT_FOR (@condition (@data)): waits for a state a test names by
 * a function of its fixture (saved, a dialog shown, …). */
#define SL_TEST_WAIT_UNTIL(data, condition) SL_TEST_WAIT_FOR ((condition) (data))

/* Runs the default main context for @ms milliseconds without blocking. */
void             sl_test_iterate        (guint        ms);

/* The template child @name of @widget, declared by the class @type;
 * asserts that there is one. */
gpointer         sl_test_template_child (gpointer     widget,
                                         GType        type,
                                         const char  *name);

/* The first widget named @name (gtk_widget_set_name, the .ui's name
 * property) in @widget's tree, @widget included; NULL if none. */
GtkWidget       *sl_test_find_named     (GtkWidget   *widget,
                                         const char  *name);

/* The first widget of @type in @widget's tree, @widget included; NULL if
 * none. sl_test_find_mapped() passes over the widgets not mapped (the
 * pages and popovers not shown). */
GtkWidget       *sl_test_find_widget    (GtkWidget   *widget,
                                         GType        type);
GtkWidget       *sl_test_find_mapped    (GtkWidget   *widget,
                                         GType        type);

/* The first actionable widget (a button, a row) in @widget's tree that
 * activates @action ("win.restore"); NULL if none. */
GtkWidget       *sl_test_find_actionable (GtkWidget  *widget,
                                          const char *action);

/* A visible toplevel window: by its widget name, or (@name NULL) by its
 * @type; NULL if none is shown. */
GtkWidget       *sl_test_find_toplevel  (const char  *name,
                                         GType        type);

/* Answers the message dialog @dialog (asserted non-NULL) as its button
 * would: puts @text (unless NULL) in its extra child, an entry such as the
 * reason dialogs' line, responds @response and closes it. */
void             sl_test_answer_dialog  (GtkWidget   *dialog,
                                         const char  *text,
                                         const char  *response);

/* The meetings page's editor in @window. */
SlMeetingEditor *sl_test_window_editor  (SlWindow    *window);

/* The template child @name of that editor ("place_row", …). */
gpointer         sl_test_editor_child   (SlWindow    *window,
                                         const char  *name);
/* Whether @widget, inside the meeting editor, stands wholly within what
 * the editor's scroller shows. */
gboolean         sl_test_editor_shows   (SlWindow    *window,
                                         GtkWidget   *widget);

/* What the editor's header says of the meeting (已保存, …). */
const char      *sl_test_editor_state   (SlWindow    *window);

/* Whether that header says “Not saved: …”, whatever the reason. */
gboolean         sl_test_editor_not_saved (SlWindow  *window);

/* What the ledger file at @path holds, through a read-only connection of
 * its own as another program would see it: the first column of the first
 * row of @sql, NULL when there is none or it is NULL. */
char            *sl_test_stored         (const char  *path,
                                         const char  *sql);

/* Asserts that sl_test_stored() is @expected. */
void             sl_test_assert_stored  (const char  *path,
                                         const char  *sql,
                                         const char  *expected);

/* Opens a ledger at @path (asserted to open) holding the example archive
 * the window offers on first run: three organizations, 2025's meetings. */
SlLedger        *sl_test_example_ledger (const char  *path);

/* Opens a ledger at @path (asserted to open) holding tests/data/@name,
 * an archive of the test data (year-2023.json: a bureau's 2023). */
SlLedger        *sl_test_data_ledger    (const char  *path,
                                         const char  *name);

/* The fixture of the window tests on a bureau's 2023: a folder of the
 * test's own and in it the ledger of tests/data/year-2023.json, with 2023
 * as this year (SL_TODAY), so that the window shows it. */
typedef struct
{
  char     *folder;
  SlLedger *ledger;
} SlTestYear;

/* Makes the folder from @tmpl (as make_temp_folder()) and the ledger. */
void             sl_test_year_set_up    (SlTestYear  *year,
                                         const char  *tmpl);

/* Asserts that the ledger finalizes; removes the folder. */
void             sl_test_year_tear_down (SlTestYear  *year);

/* A new window on @ledger, as the application opens it: the remembered
 * year forgotten first (each test starts on the ledger's own year), then
 * presented at @width × @height (the default size when 0) and run until
 * it is mapped, laid out and its first idles are done. */
SlWindow        *sl_test_window_open    (SlLedger    *ledger,
                                         int          width,
                                         int          height);

/* Shows the meetings page of @window and opens the meeting @id in its
 * editor, as a click in the list does. */
void             sl_test_window_open_meeting (SlWindow   *window,
                                              const char *id);

/* The meeting in the editor of @window, asserted to be @id. */
SlMeeting       *sl_test_editor_meeting (SlWindow    *window,
                                         const char  *id);

/* The label of the editor's state badge (草稿, 已定稿, …). */
const char      *sl_test_editor_badge   (SlWindow    *window);

/* Destroys every toplevel (dialogs first, then @window), waits (at most
 * 30 s) for the window's jobs to let go of it and of @ledger, and asserts
 * that both finalize. Takes the caller's reference to @ledger, which may
 * be NULL when the test opens further windows on it; @window is owned by
 * GTK's list of toplevels, as sl_window_new() leaves it. */
void sl_test_window_close (SlWindow *window,
                           SlLedger *ledger);

G_END_DECLS
