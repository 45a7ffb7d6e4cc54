/* test-ledger-members.c — Organizations and members saved to and loaded from a real ledger file
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Organizations and members: round trips, what is refused, and deleting
 * one that meetings or other organizations refer to.
 * The fixture (a fresh ledger in a temporary folder, reopen(), count())
 * is tests/lib/sl-test-ledger.c, shared by the test-ledger-*.c programs.
 */

#include "config.h"

#include <string.h>

#include "sl-database.h"
#include "sl-test-ledger.h"

/* ------------------------------------------------------------------ */
/* Organizations and members                                          */
/* ------------------------------------------------------------------ */

static void
test_organization_round_trip (Fixture       *fixture,
                              gconstpointer  data)
{
  g_autoptr(SlOrganization) parent = sl_organization_new ();
  g_autoptr(SlOrganization) child = sl_organization_new ();
  g_autoptr(SlLedger) other = NULL;
  g_autoptr(GError) error = NULL;
  SlOrganization *found;
  gint64 key;

  sl_organization_set_name (parent, "机关党委");
  sl_organization_set_kind (parent, SL_ORGANIZATION_KIND_PARTY_COMMITTEE);
  g_assert_true (sl_ledger_save_organization (fixture->ledger, parent, &error));
  g_assert_no_error (error);

  sl_organization_set_name (child, "第一党支部（机关）");
  sl_organization_set_kind (child, SL_ORGANIZATION_KIND_BRANCH);
  sl_organization_set_parent (child, id_of (parent));
  g_assert_true (sl_ledger_save_organization (fixture->ledger, child, &error));
  g_assert_no_error (error);
  key = sl_record_get_key (SL_RECORD (child));
  g_assert_cmpint (key, >, 0);
  g_assert_cmpint (count (fixture, "SELECT count(*) FROM organizations"), ==, 2);

  other = reopen (fixture);
  g_assert_cmpint (g_list_model_get_n_items (sl_ledger_get_organizations (other)), ==, 2);
  found = sl_ledger_find_organization (other, id_of (child));
  g_assert_nonnull (found);
  g_assert_true (found != child);
  g_assert_cmpstr (id_of (found), ==, id_of (child));
  g_assert_cmpstr (sl_organization_get_name (found), ==, "第一党支部（机关）");
  g_assert_cmpint (sl_organization_get_kind (found), ==, SL_ORGANIZATION_KIND_BRANCH);
  g_assert_cmpstr (sl_organization_get_parent (found), ==, id_of (parent));
  found = sl_ledger_find_organization (other, id_of (parent));
  g_assert_nonnull (found);
  g_assert_cmpstr (sl_organization_get_name (found), ==, "机关党委");
  g_assert_cmpint (sl_organization_get_kind (found), ==, SL_ORGANIZATION_KIND_PARTY_COMMITTEE);
  g_assert_cmpstr (sl_organization_get_parent (found), ==, NULL);
  g_assert_true (sl_ledger_find_organization_by_name (other, "机关党委") == found);
  g_clear_object (&other);

  /* Changed and saved again: the same row. */
  sl_organization_set_name (child, "第二党支部");
  sl_organization_set_kind (child, SL_ORGANIZATION_KIND_OTHER);
  sl_organization_set_parent (child, NULL);
  g_assert_true (sl_ledger_save_organization (fixture->ledger, child, &error));
  g_assert_no_error (error);
  g_assert_cmpint (sl_record_get_key (SL_RECORD (child)), ==, key);
  g_assert_cmpint (count (fixture, "SELECT count(*) FROM organizations"), ==, 2);

  other = reopen (fixture);
  found = sl_ledger_find_organization (other, id_of (child));
  g_assert_nonnull (found);
  g_assert_cmpstr (sl_organization_get_name (found), ==, "第二党支部");
  g_assert_cmpint (sl_organization_get_kind (found), ==, SL_ORGANIZATION_KIND_OTHER);
  g_assert_cmpstr (sl_organization_get_parent (found), ==, NULL);
  g_clear_object (&other);

  /* Deleted. */
  g_assert_true (sl_ledger_delete (fixture->ledger, child, &error));
  g_assert_no_error (error);
  assert_no_transaction (fixture);
  g_assert_cmpint (count (fixture, "SELECT count(*) FROM organizations"), ==, 1);
  g_assert_true (sl_ledger_find_organization (fixture->ledger, id_of (child)) == NULL);
  g_assert_true (!sl_ledger_contains (fixture->ledger, SL_TYPE_ORGANIZATION, id_of (child)));
  g_assert_true (sl_ledger_contains (fixture->ledger, SL_TYPE_ORGANIZATION, id_of (parent)));
  other = reopen (fixture);
  g_assert_cmpint (g_list_model_get_n_items (sl_ledger_get_organizations (other)), ==, 1);
}

static void
test_member_round_trip (Fixture       *fixture,
                        gconstpointer  data)
{
  g_autoptr(SlOrganization) first = make_organization (fixture, "第一党支部");
  g_autoptr(SlOrganization) second = make_organization (fixture, "第二党支部");
  g_autoptr(SlMember) member = sl_member_new ();
  g_autoptr(SlLedger) other = NULL;
  g_autoptr(GError) error = NULL;
  SlMember *found;
  gint64 key;

  sl_member_set_name (member, RARE_NAME);
  sl_member_set_gender (member, "女");
  sl_member_set_post (member, "办公室主任（兼）");
  sl_member_set_organization (member, id_of (first));
  sl_member_set_leadership (member, TRUE);
  sl_member_set_central_group (member, TRUE);
  sl_member_set_joined_on (member, "2015-07-01");
  sl_member_set_left_on (member, "2024-06-30");
  sl_member_set_sort (member, 3);
  sl_member_set_phone (member, "138-0000-0000");
  sl_member_set_note (member, RICH_TEXT);
  g_assert_true (sl_ledger_save_member (fixture->ledger, member, &error));
  g_assert_no_error (error);
  key = sl_record_get_key (SL_RECORD (member));
  g_assert_cmpint (key, >, 0);

  other = reopen (fixture);
  found = sl_ledger_find_member (other, id_of (member));
  g_assert_nonnull (found);
  g_assert_true (found != member);
  g_assert_cmpstr (sl_member_get_name (found), ==, RARE_NAME);
  g_assert_cmpstr (sl_member_get_gender (found), ==, "女");
  g_assert_cmpstr (sl_member_get_post (found), ==, "办公室主任（兼）");
  g_assert_cmpstr (sl_member_get_organization (found), ==, id_of (first));
  g_assert_true (sl_member_get_leadership (found));
  g_assert_true (sl_member_get_central_group (found));
  g_assert_cmpstr (sl_member_get_joined_on (found), ==, "2015-07-01");
  g_assert_cmpstr (sl_member_get_left_on (found), ==, "2024-06-30");
  g_assert_cmpint (sl_member_get_sort (found), ==, 3);
  g_assert_cmpstr (sl_member_get_phone (found), ==, "138-0000-0000");
  g_assert_cmpstr (sl_member_get_note (found), ==, RICH_TEXT);
  g_clear_object (&other);

  /* Every field changed, booleans and dates cleared. */
  sl_member_set_name (member, "李明");
  sl_member_set_gender (member, "男");
  sl_member_set_post (member, NULL);
  sl_member_set_organization (member, id_of (second));
  sl_member_set_leadership (member, FALSE);
  sl_member_set_central_group (member, FALSE);
  sl_member_set_joined_on (member, "2001-01-01");
  sl_member_set_left_on (member, NULL);
  sl_member_set_sort (member, 9);
  sl_member_set_phone (member, NULL);
  sl_member_set_note (member, "调任");
  g_assert_true (sl_ledger_save_member (fixture->ledger, member, &error));
  g_assert_no_error (error);
  g_assert_cmpint (sl_record_get_key (SL_RECORD (member)), ==, key);
  g_assert_cmpint (count (fixture, "SELECT count(*) FROM members"), ==, 1);

  other = reopen (fixture);
  found = sl_ledger_find_member (other, id_of (member));
  g_assert_nonnull (found);
  g_assert_cmpstr (sl_member_get_name (found), ==, "李明");
  g_assert_cmpstr (sl_member_get_gender (found), ==, "男");
  g_assert_cmpstr (sl_member_get_post (found), ==, NULL);
  g_assert_cmpstr (sl_member_get_organization (found), ==, id_of (second));
  g_assert_true (!sl_member_get_leadership (found));
  g_assert_true (!sl_member_get_central_group (found));
  g_assert_cmpstr (sl_member_get_joined_on (found), ==, "2001-01-01");
  g_assert_cmpstr (sl_member_get_left_on (found), ==, NULL);
  g_assert_cmpint (sl_member_get_sort (found), ==, 9);
  g_assert_cmpstr (sl_member_get_phone (found), ==, NULL);
  g_assert_cmpstr (sl_member_get_note (found), ==, "调任");
  g_clear_object (&other);

  /* An organization with members cannot go. */
  g_assert_true (!sl_ledger_delete (fixture->ledger, second, &error));
  ASSERT_ERROR (error, SL_LEDGER_ERROR, SL_LEDGER_ERROR_IN_USE);
  g_clear_error (&error);
  assert_no_transaction (fixture);
  g_assert_true (sl_ledger_find_organization (fixture->ledger, id_of (second)) != NULL);
  g_assert_cmpint (count (fixture, "SELECT count(*) FROM organizations"), ==, 2);

  /* A member nothing refers to can. */
  g_assert_true (sl_ledger_delete (fixture->ledger, member, &error));
  g_assert_no_error (error);
  assert_no_transaction (fixture);
  g_assert_cmpint (count (fixture, "SELECT count(*) FROM members"), ==, 0);
  g_assert_true (sl_ledger_find_member (fixture->ledger, id_of (member)) == NULL);
  g_assert_true (!sl_ledger_contains (fixture->ledger, SL_TYPE_MEMBER, id_of (member)));
}

static void
test_member_invalid (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autoptr(SlMember) member = sl_member_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *unknown = g_uuid_string_random ();

  g_assert_true (!sl_ledger_save_member (fixture->ledger, member, &error));
  ASSERT_ERROR (error, SL_LEDGER_ERROR, SL_LEDGER_ERROR_INVALID);
  g_clear_error (&error);

  sl_member_set_name (member, "张三");
  sl_member_set_organization (member, unknown);
  g_assert_true (!sl_ledger_save_member (fixture->ledger, member, &error));
  ASSERT_ERROR (error, SL_LEDGER_ERROR, SL_LEDGER_ERROR_REFERENCE);
  g_assert_nonnull (strstr (error->message, unknown));
  g_assert_cmpint (count (fixture, "SELECT count(*) FROM members"), ==, 0);
  g_assert_cmpint (g_list_model_get_n_items (sl_ledger_get_members (fixture->ledger)), ==, 0);
}

/* ------------------------------------------------------------------ */
/* Deleting                                                           */
/* ------------------------------------------------------------------ */

static void
test_delete_member_in_use (Fixture       *fixture,
                           gconstpointer  data)
{
  g_auto(Roster) roster = { NULL, };
  g_autoptr(SlMeeting) meeting = sl_meeting_new ();
  g_autoptr(GError) error = NULL;
  GListModel *members;
  guint n_members;

  roster_init (fixture, &roster);
  members = sl_ledger_get_members (fixture->ledger);
  n_members = g_list_model_get_n_items (members);
  g_assert_cmpint (n_members, ==, 3);

  /* 王五 appears only in the attendance of one meeting. */
  sl_meeting_set_organization (meeting, id_of (roster.organization));
  sl_meeting_set_kind (meeting, SL_MEETING_KIND_BRANCH_COMMITTEE);
  sl_meeting_set_date (meeting, "2023-05-04");
  append (sl_meeting_get_attendance (meeting),
          new_attendance (id_of (roster.third), SL_ATTENDANCE_STATUS_PRESENT));
  save_meeting_ok (fixture, meeting, SL_SAVE_REPLACE);

  g_assert_true (!sl_ledger_delete (fixture->ledger, roster.third, &error));
  ASSERT_ERROR (error, SL_LEDGER_ERROR, SL_LEDGER_ERROR_IN_USE);
  g_test_message ("refused: %s", error->message);
  g_assert_nonnull (strstr (error->message, "王五"));
  g_clear_error (&error);
  assert_no_transaction (fixture);

  g_assert_cmpint (count (fixture, "SELECT count(*) FROM members"), ==, 3);
  g_assert_true (sl_ledger_contains (fixture->ledger, SL_TYPE_MEMBER, id_of (roster.third)));
  g_assert_nonnull (sl_ledger_find_member (fixture->ledger, id_of (roster.third)));
  g_assert_cmpint (g_list_model_get_n_items (members), ==, n_members);
  g_assert_cmpint (sl_record_get_key (SL_RECORD (roster.third)), >, 0);
  g_assert_cmpint (count_children (fixture, "attendance", id_of (meeting)), ==, 1);

  /* Nor can the organization that members and meetings name. */
  g_assert_true (!sl_ledger_delete (fixture->ledger, roster.organization, &error));
  ASSERT_ERROR (error, SL_LEDGER_ERROR, SL_LEDGER_ERROR_IN_USE);
  g_clear_error (&error);
  assert_no_transaction (fixture);
  g_assert_true (sl_ledger_find_organization (fixture->ledger, id_of (roster.organization)) != NULL);

  /* Once the meeting is gone, so is the reason to keep 王五. */
  g_assert_true (sl_ledger_delete (fixture->ledger, meeting, &error));
  g_assert_no_error (error);
  g_assert_true (sl_ledger_delete (fixture->ledger, roster.third, &error));
  g_assert_no_error (error);
  g_assert_cmpint (g_list_model_get_n_items (members), ==, n_members - 1);
  g_assert_true (sl_ledger_find_member (fixture->ledger, id_of (roster.third)) == NULL);

  /* Undo: saving the deleted object again brings the member back. */
  g_assert_true (sl_ledger_save_member (fixture->ledger, roster.third, &error));
  g_assert_no_error (error);
  g_assert_cmpint (g_list_model_get_n_items (members), ==, n_members);
  g_assert_true (sl_ledger_find_member (fixture->ledger, id_of (roster.third)) == roster.third);
  g_assert_cmpint (count (fixture, "SELECT count(*) FROM members WHERE name = '王五'"), ==, 1);
}

/* Deleting an organization that is the parent of another: the file sets the
 * child's parent to NULL (ON DELETE SET NULL), and the live store, which
 * views bind to, must say the same. Otherwise the child shows a parent that
 * no longer exists, and the next save of that very object (a rename in the
 * editor) is refused with "parent: no record has the id ...". Refusing the
 * delete (IN_USE) would be a fix too; both are accepted here. */
static void
test_delete_parent_organization (Fixture       *fixture,
                                 gconstpointer  data)
{
  g_autoptr(SlOrganization) parent = make_organization (fixture, "机关党委");
  g_autoptr(SlOrganization) child = sl_organization_new ();
  g_autoptr(SlLedger) other = NULL;
  g_autoptr(GError) error = NULL;
  GListModel *organizations = sl_ledger_get_organizations (fixture->ledger);
  SlOrganization *live;
  gboolean deleted;

  sl_organization_set_name (child, "第一党支部");
  sl_organization_set_parent (child, id_of (parent));
  g_assert_true (sl_ledger_save_organization (fixture->ledger, child, &error));
  g_assert_no_error (error);
  g_assert_cmpint (g_list_model_get_n_items (organizations), ==, 2);

  deleted = sl_ledger_delete (fixture->ledger, parent, &error);
  assert_no_transaction (fixture);
  if (!deleted)
    {
      /* Refused: everything still as it was. */
      ASSERT_ERROR (error, SL_LEDGER_ERROR, SL_LEDGER_ERROR_IN_USE);
      g_assert_cmpint (g_list_model_get_n_items (organizations), ==, 2);
      g_assert_cmpint (count (fixture, "SELECT count(*) FROM organizations "
                                       "WHERE parent_id IS NOT NULL"), ==, 1);
      return;
    }
  g_assert_no_error (error);
  g_assert_cmpint (g_list_model_get_n_items (organizations), ==, 1);

  /* What the file says now. */
  other = reopen (fixture);
  g_assert_cmpstr (sl_organization_get_parent (sl_ledger_find_organization (other, id_of (child))),
                   ==, NULL);

  live = sl_ledger_find_organization (fixture->ledger, id_of (child));
  g_assert_nonnull (live);
  g_assert_null (sl_organization_get_parent (live));

  /* The secretary renames the branch in the editor, which edits the store's object. */
  sl_organization_set_name (live, "第一党支部（改）");
  g_assert_true (sl_ledger_save_organization (fixture->ledger, live, &error));
  g_assert_no_error (error);
}


int
main (int argc, char *argv[])
{
  ledger_test_init (&argc, &argv);

#define ADD(name, func) \
  g_test_add ("/ledger/" name, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("organization/round-trip", test_organization_round_trip);
  ADD ("member/round-trip", test_member_round_trip);
  ADD ("member/invalid", test_member_invalid);
  ADD ("delete/member-in-use", test_delete_member_in_use);
  ADD ("delete/parent-organization", test_delete_parent_organization);

#undef ADD

  return ledger_test_run ();
}
