/* meeting-editor-util.h — the fixture the meeting-editor tests share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A fresh ledger with a party group of twelve leaders on the central
 * study group and a 2023 plan, a SlMeetingsPage shown in a window, and
 * what the tests read back: the editor, its header, the fields, what the
 * file holds through a second SlLedger. test-meeting-editor.c drives the
 * page and the editor, test-meeting-editor-fields.c the fields that
 * refuse what is typed.
 */

#pragma once

#include <adwaita.h>

#include "sl-ledger.h"
#include "sl-meeting.h"
#include "sl-meeting-editor.h"
#include "sl-meetings-page.h"
#include "sl-organization.h"

G_BEGIN_DECLS

typedef struct
{
  char           *folder;
  char           *path;
  SlLedger       *ledger;
  SlOrganization *organization;
  GtkWidget      *window;
  SlMeetingsPage *page;
} Fixture;

/* The party group's twelve leaders, in roster order. */
extern const char * const names[12];

void show_page (Fixture *fixture);

void fixture_set_up (Fixture       *fixture,
                     gconstpointer  data);

void fixture_tear_down (Fixture       *fixture,
                        gconstpointer  data);

SlMeetingEditor *editor_of (Fixture *fixture);

GListModel *list_of (Fixture *fixture);

SlLedger *reopen (Fixture *fixture);

/* Waits for the editor's delayed save (500 ms) as a user would. */
void wait_for_save (SlMeetingEditor *editor);

SlMeeting *store_meeting (Fixture *fixture);

gboolean shows_label (GtkWidget  *widget,
                      const char *text);

const char *state_of (SlMeetingEditor *editor);

SlMeeting *load_stored (Fixture    *fixture,
                        const char *id);

void assert_stored_date (Fixture    *fixture,
                         const char *id,
                         const char *date);

/* Types @text into @field as a user would: focus, text, then Tab. */
void type_and_tab (GtkWidget  *field,
                   const char *text);

gboolean focus_is_in (GtkWidget *widget);

SlMeetingEditor *open_stored (Fixture    *fixture,
                              SlMeeting  *meeting);

/* What pressing one of its buttons does. */
void answer (AdwMessageDialog *question,
             const char       *response);

/* The message dialog shown, if any. */
AdwMessageDialog *find_question (void);

G_END_DECLS
