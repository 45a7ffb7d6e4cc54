/* sl-test-ledger.h — the fixture the test-ledger-*.c programs share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Each test opens a fresh ledger in its own temporary folder. Records are
 * read back through a second SlLedger on the same file (reopen()), so that
 * what is compared came from the disk, not from objects kept in memory.
 * Row counts are taken with plain SQL: "no duplicate row" and "nothing
 * was written" are facts about the file.
 */

#pragma once

#include <glib.h>
#include <sqlite3.h>

#include "sl-attendance.h"
#include "sl-guest.h"
#include "sl-ledger.h"
#include "sl-measure.h"
#include "sl-meeting.h"
#include "sl-member.h"
#include "sl-organization.h"
#include "sl-plan.h"
#include "sl-plan-item.h"
#include "sl-research-topic.h"
#include "sl-speech.h"
#include "sl-study.h"
#include "sl-test-util.h"  /* ASSERT_ERROR */

/* Text as secretaries type it: full-width punctuation, Windows line
 * breaks, characters outside GB2312, an emoji sequence. */
#define RICH_TEXT \
  "一、深入学习“两个确立”，坚决做到“两个维护”；\r\n" \
  "二、（补充）《党章》第三章——组织制度！？\r\n" \
  "堃喆昇珺　参加。👍🏻🇨🇳👨‍👩‍👧"
#define RARE_NAME "王堃喆"

typedef struct
{
  char     *folder;
  char     *path;
  SlLedger *ledger;
} Fixture;

/* A ledger with an organization, three members and a plan with one item,
 * for meetings to refer to (roster_init()). */
typedef struct
{
  SlOrganization *organization;
  SlMember       *chair;      /* 张三 */
  SlMember       *recorder;   /* 李四 */
  SlMember       *third;      /* 王五 */
  SlPlan         *plan;
  SlPlanItem     *plan_item;
} Roster;

/* Items taken from models stay alive until release_items() or the end of
 * the test, so that assertions can use them without a local each. */
#define ITEM(model, i) \
  ((gpointer) keep_item (g_list_model_get_item (G_LIST_MODEL (model), (i))))

extern GPtrArray *cleanup_items;

/* Sets up GTest and cleanup_items; ledger_test_run() runs and frees. */
void ledger_test_init (int *argc, char ***argv);
int ledger_test_run (void);

/* Defined in sl-test-ledger.c, with a comment there where one is due. */
SlLedger *open_ledger (const char *path);
void fixture_set_up (Fixture *fixture, gconstpointer data);
void fixture_tear_down (Fixture *fixture, gconstpointer data);
SlLedger *reopen (Fixture *fixture);
gint64 count (Fixture *fixture, const char *sql);
gint64 search_count (Fixture *fixture, const char *three_chars);
void assert_no_transaction (Fixture *fixture);
gpointer keep_item (gpointer item);
void release_items (void);
SlOrganization *make_organization (Fixture *fixture, const char *name);
SlMember *make_member (Fixture *fixture, SlOrganization *organization, const char *name, int sort);
const char *id_of (gpointer record);
void save_meeting_ok (Fixture *fixture, SlMeeting *meeting, SlSaveFlags flags);
SlMeeting *load_meeting_ok (SlLedger *ledger, const char *id);
void append (GListModel *model, gpointer item);
void roster_clear (Roster *roster);
void roster_init (Fixture *fixture, Roster *roster);
SlStudy *new_study (const char *title, const char *lead, gboolean first_topic);
SlAttendance *new_attendance (const char *member, SlAttendanceStatus status);
SlMeasure *new_measure (const char *text, const char *owner);
SlMeeting *new_full_meeting (Roster *roster);
gint64 count_children (Fixture *fixture, const char *table, const char *meeting_id);
void assert_full_meeting (SlMeeting *found, SlMeeting *saved, Roster *roster);
void assert_child_counts (Fixture *fixture, const char *meeting_id, gint64 studies, gint64 attendance, gint64 guests, gint64 speeches, gint64 measures);

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Roster, roster_clear)
