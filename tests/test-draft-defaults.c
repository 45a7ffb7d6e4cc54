/* test-draft-defaults.c — a new meeting's kind and title, learned from the organization's own records
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Ctrl+N gave a new meeting the kind of the last one logged, and a title
 * in the program's own form ("滨江市生态环境局党组2023年第13次党组会议")
 * where the organization writes "局党组2023年第N次会议". The kind is now the
 * one logged most in the last 90 days, and the title follows the
 * organization's latest title of the kind, with the next number.
 */

#include "config.h"

#include "sl-ledger.h"
#include "sl-meeting.h"
#include "sl-meeting-draft.h"
#include "sl-organization.h"
#include "sl-test-util.h"

typedef struct
{
  char           *folder;
  char           *path;
  SlLedger       *ledger;
  SlOrganization *group;
} Fixture;

static SlMeeting *
add_meeting (Fixture       *fixture,
             SlMeetingKind  kind,
             const char    *date,
             int            sequence,
             const char    *title,
             gboolean       expanded)
{
  g_autoptr(GError) error = NULL;
  SlMeeting *meeting = sl_meeting_new ();

  sl_meeting_set_organization (meeting, sl_record_get_id (SL_RECORD (fixture->group)));
  sl_meeting_set_kind (meeting, kind);
  sl_meeting_set_date (meeting, date);
  sl_meeting_set_sequence (meeting, sequence);
  sl_meeting_set_title (meeting, title);
  sl_meeting_set_expanded (meeting, expanded);
  sl_ledger_save_meeting (fixture->ledger, meeting, SL_SAVE_REPLACE, &error);
  g_assert_no_error (error);

  return meeting;
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  fixture->folder = make_temp_folder ("test-draft-defaults-XXXXXX");
  fixture->path = g_build_filename (fixture->folder, "ledger.db", NULL);
  fixture->ledger = sl_ledger_open (fixture->path, &error);
  g_assert_no_error (error);

  fixture->group = sl_organization_new ();
  sl_organization_set_name (fixture->group, "滨江市生态环境局党组");
  sl_organization_set_kind (fixture->group, SL_ORGANIZATION_KIND_PARTY_GROUP);
  sl_ledger_save_organization (fixture->ledger, fixture->group, &error);
  g_assert_no_error (error);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_clear_object (&fixture->group);
  g_clear_object (&fixture->ledger);
  remove_tree (fixture->folder);
  g_free (fixture->path);
  g_free (fixture->folder);
}

static void
test_title_like (void)
{
  g_autofree char *next = sl_meeting_draft_title_like ("局党组2023年第12次会议", 2023, 12, FALSE,
                                                       2023, 13, FALSE);
  g_autofree char *from_expanded = sl_meeting_draft_title_like ("局党组2023年第3次会议（扩大）", 2023, 3, TRUE,
                                                                2023, 4, FALSE);
  g_autofree char *to_expanded = sl_meeting_draft_title_like ("局党组2023年第3次会议", 2023, 3, FALSE,
                                                              2024, 1, TRUE);
  g_autofree char *other_number = sl_meeting_draft_title_like ("局党组2023年第3次会议", 2023, 4, FALSE,
                                                               2023, 5, FALSE);
  g_autofree char *no_number = sl_meeting_draft_title_like ("春节前廉政教育", 2023, 1, FALSE,
                                                            2023, 2, FALSE);

  g_assert_cmpstr (next, ==, "局党组2023年第13次会议");
  g_assert_cmpstr (from_expanded, ==, "局党组2023年第4次会议");
  g_assert_cmpstr (to_expanded, ==, "局党组2024年第1次会议（扩大）");
  g_assert_null (other_number);
  g_assert_null (no_number);
}

static void
test_learned_title (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SlMeeting) first = add_meeting (fixture, SL_MEETING_KIND_PARTY_GROUP, "2023-01-16", 1,
                                            "局党组2023年第1次会议", FALSE);
  g_autoptr(SlMeeting) twelfth = add_meeting (fixture, SL_MEETING_KIND_PARTY_GROUP, "2023-11-20", 2,
                                              "局党组2023年第2次会议", FALSE);
  g_autoptr(SlMeeting) odd = add_meeting (fixture, SL_MEETING_KIND_PARTY_GROUP, "2023-11-28", 3,
                                          "传达全国两会精神专题会", FALSE);
  g_autoptr(SlMeeting) study = add_meeting (fixture, SL_MEETING_KIND_CENTRAL_GROUP, "2023-11-08", 1,
                                            "局党组理论学习中心组2023年第1次集体学习", FALSE);
  g_autoptr(SlMeeting) next = NULL;
  g_autoptr(SlMeeting) central = NULL;
  g_autoptr(SlMeeting) ideology = NULL;
  g_autofree char *again = NULL;

  /* The latest title that holds its number is the model: not the odd one. */
  next = sl_meeting_draft_new (fixture->ledger, NULL, SL_MEETING_KIND_PARTY_GROUP, "2023-12-18", &error);
  g_assert_no_error (error);
  g_assert_cmpint (sl_meeting_get_sequence (next), ==, 4);
  g_assert_cmpstr (sl_meeting_get_title (next), ==, "局党组2023年第4次会议");

  central = sl_meeting_draft_new (fixture->ledger, NULL, SL_MEETING_KIND_CENTRAL_GROUP, "2024-01-10", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (sl_meeting_get_title (central), ==, "局党组理论学习中心组2024年第1次集体学习");

  /* A kind the organization has not titled yet: the standard form. */
  ideology = sl_meeting_draft_new (fixture->ledger, NULL, SL_MEETING_KIND_IDEOLOGY, "2023-12-20", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (sl_meeting_get_title (ideology), ==, "滨江市生态环境局党组2023年第1次意识形态工作专题会议");

  /* What the editor regenerates agrees with the draft, its own id left out. */
  again = sl_meeting_draft_learned_title (fixture->ledger, sl_record_get_id (SL_RECORD (fixture->group)),
                                          SL_MEETING_KIND_PARTY_GROUP, 2023, 2, FALSE,
                                          sl_record_get_id (SL_RECORD (twelfth)));
  g_assert_cmpstr (again, ==, "局党组2023年第2次会议");
}

static void
test_default_kind (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autoptr(SlMeeting) a = NULL, b = NULL, c = NULL, d = NULL, e = NULL, f = NULL;

  /* No meeting yet: the kind of its 党组, not 中心组学习 (issue 17). */
  g_assert_cmpint (sl_meeting_draft_default_kind (fixture->ledger, "2023-12-31"), ==,
                   SL_MEETING_KIND_PARTY_GROUP);

  /* Long ago, many central group sessions; lately, party group meetings
   * most, though the last one logged is a central group session. */
  a = add_meeting (fixture, SL_MEETING_KIND_CENTRAL_GROUP, "2023-02-01", 1, "a", FALSE);
  b = add_meeting (fixture, SL_MEETING_KIND_CENTRAL_GROUP, "2023-03-01", 2, "b", FALSE);
  c = add_meeting (fixture, SL_MEETING_KIND_CENTRAL_GROUP, "2023-04-01", 3, "c", FALSE);
  d = add_meeting (fixture, SL_MEETING_KIND_PARTY_GROUP, "2023-10-20", 1, "d", FALSE);
  e = add_meeting (fixture, SL_MEETING_KIND_PARTY_GROUP, "2023-11-20", 2, "e", FALSE);
  f = add_meeting (fixture, SL_MEETING_KIND_CENTRAL_GROUP, "2023-12-01", 4, "f", FALSE);

  g_assert_cmpint (sl_meeting_draft_default_kind (fixture->ledger, "2023-12-31"), ==,
                   SL_MEETING_KIND_PARTY_GROUP);
  /* A ledger of past years counts back from its own last meeting. */
  g_assert_cmpint (sl_meeting_draft_default_kind (fixture->ledger, "2026-12-05"), ==,
                   SL_MEETING_KIND_PARTY_GROUP);
  /* In spring, the 90 days held central group sessions only. */
  g_assert_cmpint (sl_meeting_draft_default_kind (fixture->ledger, "2023-04-15"), ==,
                   SL_MEETING_KIND_CENTRAL_GROUP);
}

static SlOrganization *
add_organization (SlLedger           *ledger,
                  const char         *name,
                  SlOrganizationKind  kind,
                  SlOrganization     *parent)
{
  g_autoptr(GError) error = NULL;
  SlOrganization *organization = sl_organization_new ();

  sl_organization_set_name (organization, name);
  sl_organization_set_kind (organization, kind);
  if (parent != NULL)
    sl_organization_set_parent (organization, sl_record_get_id (SL_RECORD (parent)));
  g_assert_true (sl_ledger_save_organization (ledger, organization, &error));
  g_assert_no_error (error);
  return organization;
}

/* A ledger with no meeting yet: the kind its top organization holds. */
static void
test_default_kind_fresh (void)
{
  g_autofree char *folder = make_temp_folder ("test-draft-defaults-XXXXXX");
  g_autofree char *branch_path = g_build_filename (folder, "branch.db", NULL);
  g_autofree char *committee_path = g_build_filename (folder, "committee.db", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(SlLedger) branch_ledger = sl_ledger_open (branch_path, &error);
  g_autoptr(SlLedger) committee_ledger = NULL;
  g_autoptr(SlOrganization) branch = NULL;
  g_autoptr(SlOrganization) committee = NULL;
  g_autoptr(SlOrganization) below = NULL;

  g_assert_no_error (error);
  /* No organization at all: 中心组学习, as before. */
  g_assert_cmpint (sl_meeting_draft_default_kind (branch_ledger, "2026-12-05"), ==,
                   SL_MEETING_KIND_CENTRAL_GROUP);
  branch = add_organization (branch_ledger, "机关第一党支部", SL_ORGANIZATION_KIND_BRANCH, NULL);
  g_assert_cmpint (sl_meeting_draft_default_kind (branch_ledger, "2026-12-05"), ==,
                   SL_MEETING_KIND_BRANCH_ASSEMBLY);

  /* A 党委 with a branch below it: the 党委's. */
  committee_ledger = sl_ledger_open (committee_path, &error);
  g_assert_no_error (error);
  committee = add_organization (committee_ledger, "区委党校党委", SL_ORGANIZATION_KIND_PARTY_COMMITTEE, NULL);
  below = add_organization (committee_ledger, "党校第一支部", SL_ORGANIZATION_KIND_BRANCH, committee);
  g_assert_cmpint (sl_meeting_draft_default_kind (committee_ledger, "2026-12-05"), ==,
                   SL_MEETING_KIND_CENTRAL_GROUP);

  g_clear_object (&branch_ledger);
  g_clear_object (&committee_ledger);
  remove_tree (folder);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/draft-defaults/title-like", test_title_like);
  g_test_add ("/draft-defaults/learned-title", Fixture, NULL,
              fixture_set_up, test_learned_title, fixture_tear_down);
  g_test_add ("/draft-defaults/default-kind", Fixture, NULL,
              fixture_set_up, test_default_kind, fixture_tear_down);
  g_test_add_func ("/draft-defaults/default-kind-fresh", test_default_kind_fresh);

  return g_test_run ();
}
