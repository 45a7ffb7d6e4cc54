/* test-ledger-models.c — The live models and loaded meetings saved to and loaded from a real ledger file
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The ledger's live list models (items-changed, rollback) and meetings
 * loaded by year and organization.
 * The fixture (a fresh ledger in a temporary folder, reopen(), count())
 * is tests/lib/sl-test-ledger.c, shared by the test-ledger-*.c programs.
 */

#include "config.h"

#include <string.h>

#include "sl-database.h"
#include "sl-test-ledger.h"

/* ------------------------------------------------------------------ */
/* Live models                                                        */
/* ------------------------------------------------------------------ */

typedef struct
{
  guint n_signals;
  guint position;
  guint removed;
  guint added;
} ItemsChanged;

static void
on_items_changed (GListModel   *model,
                  guint         position,
                  guint         removed,
                  guint         added,
                  ItemsChanged *record)
{
  record->n_signals++;
  record->position = position;
  record->removed = removed;
  record->added = added;
}

static void
test_model_items_changed (Fixture       *fixture,
                          gconstpointer  data)
{
  g_autoptr(SlOrganization) organization = make_organization (fixture, "机关党委");
  g_autoptr(SlMember) first = make_member (fixture, organization, "张三", 1);
  g_autoptr(SlMember) member = sl_member_new ();
  g_autoptr(SlMember) copy = sl_member_new ();
  g_autoptr(GError) error = NULL;
  ItemsChanged changes = { 0, };
  GListModel *members;
  gulong handler;

  /* Loaded on first use, from the file. */
  members = sl_ledger_get_members (fixture->ledger);
  g_assert_cmpint (g_list_model_get_n_items (members), ==, 1);
  g_assert_true (g_list_model_get_item_type (members) == SL_TYPE_MEMBER);
  handler = g_signal_connect (members, "items-changed", G_CALLBACK (on_items_changed), &changes);

  sl_member_set_name (member, "李四");
  sl_member_set_organization (member, id_of (organization));
  sl_member_set_sort (member, 2);
  g_assert_true (sl_ledger_save_member (fixture->ledger, member, &error));
  g_assert_no_error (error);
  g_assert_cmpint (changes.n_signals, ==, 1);
  g_assert_cmpint (changes.position, ==, 1);
  g_assert_cmpint (changes.removed, ==, 0);
  g_assert_cmpint (changes.added, ==, 1);
  g_assert_cmpint (g_list_model_get_n_items (members), ==, 2);
  g_assert_true (ITEM (members, 1) == (gpointer) member);
  g_assert_true (sl_ledger_find_member (fixture->ledger, id_of (member)) == member);

  /* The same object saved again: already in place, the list is unchanged. */
  sl_member_set_post (member, "组织委员");
  g_assert_true (sl_ledger_save_member (fixture->ledger, member, &error));
  g_assert_no_error (error);
  g_assert_cmpint (changes.n_signals, ==, 1);
  g_assert_cmpint (g_list_model_get_n_items (members), ==, 2);

  /* Another object with the same id (an editor's copy) replaces it in place. */
  sl_record_set_id (SL_RECORD (copy), id_of (member));
  sl_member_set_name (copy, "李四（改）");
  sl_member_set_organization (copy, id_of (organization));
  sl_member_set_sort (copy, 2);
  g_assert_true (sl_ledger_save_member (fixture->ledger, copy, &error));
  g_assert_no_error (error);
  g_assert_cmpint (changes.n_signals, ==, 2);
  g_assert_cmpint (changes.position, ==, 1);
  g_assert_cmpint (changes.removed, ==, 1);
  g_assert_cmpint (changes.added, ==, 1);
  g_assert_cmpint (g_list_model_get_n_items (members), ==, 2);
  g_assert_true (ITEM (members, 1) == (gpointer) copy);
  g_assert_true (sl_ledger_find_member (fixture->ledger, id_of (member)) == copy);
  g_assert_cmpint (count (fixture, "SELECT count(*) FROM members"), ==, 2);

  /* A failed save changes nothing. */
  {
    g_autoptr(SlMember) nameless = sl_member_new ();
    g_assert_true (!sl_ledger_save_member (fixture->ledger, nameless, &error));
    ASSERT_ERROR (error, SL_LEDGER_ERROR, SL_LEDGER_ERROR_INVALID);
    g_clear_error (&error);
    g_assert_cmpint (changes.n_signals, ==, 2);
  }

  /* A delete removes one row, in one signal. */
  g_assert_true (sl_ledger_delete (fixture->ledger, first, &error));
  g_assert_no_error (error);
  g_assert_cmpint (changes.n_signals, ==, 3);
  g_assert_cmpint (changes.position, ==, 0);
  g_assert_cmpint (changes.removed, ==, 1);
  g_assert_cmpint (changes.added, ==, 0);
  g_assert_cmpint (g_list_model_get_n_items (members), ==, 1);

  g_signal_handler_disconnect (members, handler);
}

static void
test_model_rollback (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autoptr(SlOrganization) organization = make_organization (fixture, "机关党委");
  g_autoptr(SlMember) kept = make_member (fixture, organization, "张三", 1);
  g_autoptr(SlMember) member = sl_member_new ();
  g_autoptr(SlOrganization) branch = sl_organization_new ();
  g_autoptr(GError) error = NULL;
  ItemsChanged changes = { 0, };
  GListModel *members = sl_ledger_get_members (fixture->ledger);
  GListModel *organizations = sl_ledger_get_organizations (fixture->ledger);
  gulong handler;

  g_assert_cmpint (g_list_model_get_n_items (members), ==, 1);
  g_assert_cmpint (g_list_model_get_n_items (organizations), ==, 1);

  g_assert_true (sl_ledger_begin (fixture->ledger, &error));
  g_assert_no_error (error);
  sl_organization_set_name (branch, "临时支部");
  g_assert_true (sl_ledger_save_organization (fixture->ledger, branch, &error));
  g_assert_no_error (error);
  sl_member_set_name (member, "李四");
  sl_member_set_organization (member, id_of (branch));
  g_assert_true (sl_ledger_save_member (fixture->ledger, member, &error));
  g_assert_no_error (error);
  g_assert_cmpint (g_list_model_get_n_items (members), ==, 2);
  g_assert_cmpint (g_list_model_get_n_items (organizations), ==, 2);
  g_assert_true (sl_ledger_find_member (fixture->ledger, id_of (member)) == member);

  handler = g_signal_connect (members, "items-changed", G_CALLBACK (on_items_changed), &changes);
  sl_ledger_rollback (fixture->ledger);
  assert_no_transaction (fixture);

  /* One items-changed for the reload, and the member is gone. */
  g_assert_cmpint (changes.n_signals, ==, 1);
  g_assert_cmpint (g_list_model_get_n_items (members), ==, 1);
  g_assert_cmpstr (sl_member_get_name (ITEM (members, 0)), ==, "张三");
  g_assert_cmpstr (id_of (ITEM (members, 0)), ==, id_of (kept));
  g_assert_true (sl_ledger_find_member (fixture->ledger, id_of (member)) == NULL);
  g_assert_true (!sl_ledger_contains (fixture->ledger, SL_TYPE_MEMBER, id_of (member)));
  g_assert_cmpint (g_list_model_get_n_items (organizations), ==, 1);
  g_assert_true (sl_ledger_find_organization (fixture->ledger, id_of (branch)) == NULL);
  g_assert_cmpint (count (fixture, "SELECT count(*) FROM members"), ==, 1);
  g_assert_cmpint (count (fixture, "SELECT count(*) FROM organizations"), ==, 1);
  g_signal_handler_disconnect (members, handler);

  /* Committed, the same work stays. */
  g_assert_true (sl_ledger_begin (fixture->ledger, &error));
  g_assert_no_error (error);
  g_assert_true (sl_ledger_save_organization (fixture->ledger, branch, &error));
  g_assert_no_error (error);
  g_assert_true (sl_ledger_save_member (fixture->ledger, member, &error));
  g_assert_no_error (error);
  g_assert_true (sl_ledger_commit (fixture->ledger, &error));
  g_assert_no_error (error);
  assert_no_transaction (fixture);
  g_assert_cmpint (g_list_model_get_n_items (members), ==, 2);
  g_assert_true (sl_ledger_find_member (fixture->ledger, id_of (member)) != NULL);
  g_assert_cmpint (count (fixture, "SELECT count(*) FROM members"), ==, 2);
}

/* ------------------------------------------------------------------ */
/* Loading meetings                                                   */
/* ------------------------------------------------------------------ */

static SlMeeting *
save_simple_meeting (Fixture        *fixture,
                     SlOrganization *organization,
                     const char     *date,
                     const char     *title)
{
  SlMeeting *meeting = sl_meeting_new ();

  sl_meeting_set_organization (meeting, id_of (organization));
  sl_meeting_set_kind (meeting, SL_MEETING_KIND_BRANCH_ASSEMBLY);
  sl_meeting_set_date (meeting, date);
  sl_meeting_set_title (meeting, title);
  append (sl_meeting_get_studies (meeting), new_study (title, NULL, FALSE));
  save_meeting_ok (fixture, meeting, SL_SAVE_REPLACE);

  return meeting;
}

static char *
titles_of (GPtrArray *meetings)
{
  g_autoptr(GString) titles = g_string_new (NULL);

  for (guint i = 0; i < meetings->len; i++)
    g_string_append_printf (titles, "%s%s", i ? "," : "",
                            sl_meeting_get_title (g_ptr_array_index (meetings, i)));

  return g_string_free (g_steal_pointer (&titles), FALSE);
}

#define ASSERT_LOADED(ledger, year, organization, expected)                        \
  G_STMT_START {                                                                 \
    g_autoptr(GError) error_ = NULL;                                             \
    g_autoptr(GPtrArray) meetings_ =                                             \
      sl_ledger_load_meetings (ledger, year, organization, FALSE, &error_);      \
    g_autofree char *titles_ = NULL;                                             \
    g_assert_no_error (error_);                                                  \
    g_assert_nonnull (meetings_);                                                \
    titles_ = titles_of (meetings_);                                             \
    g_assert_cmpstr (titles_, ==, expected);                                     \
  } G_STMT_END

static void
test_load_meetings (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autoptr(SlOrganization) first = make_organization (fixture, "第一党支部");
  g_autoptr(SlOrganization) second = make_organization (fixture, "第二党支部");
  g_autoptr(SlMeeting) a = NULL;
  g_autoptr(SlMeeting) b = NULL;
  g_autoptr(SlMeeting) c = NULL;
  g_autoptr(SlMeeting) d = NULL;
  g_autoptr(SlMeeting) e = NULL;
  g_autoptr(SlLedger) other = NULL;
  g_autoptr(GPtrArray) detailed = NULL;
  g_autoptr(GPtrArray) bare = NULL;
  g_autoptr(SlMeeting) found = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *unknown = g_uuid_string_random ();

  /* Saved out of date order. */
  c = save_simple_meeting (fixture, first, "2023-11-20", "C");
  a = save_simple_meeting (fixture, first, "2023-01-05", "A");
  d = save_simple_meeting (fixture, first, "2024-01-10", "D");
  b = save_simple_meeting (fixture, second, "2023-05-05", "B");
  e = save_simple_meeting (fixture, second, "2022-12-31", "E");

  other = reopen (fixture);
  ASSERT_LOADED (other, 0, NULL, "E,A,B,C,D");
  ASSERT_LOADED (other, 2023, NULL, "A,B,C");
  ASSERT_LOADED (other, 2024, NULL, "D");
  ASSERT_LOADED (other, 2022, NULL, "E");
  ASSERT_LOADED (other, 2021, NULL, "");
  ASSERT_LOADED (other, 0, id_of (first), "A,C,D");
  ASSERT_LOADED (other, 0, id_of (second), "E,B");
  ASSERT_LOADED (other, 2023, id_of (first), "A,C");
  ASSERT_LOADED (other, 2023, id_of (second), "B");
  ASSERT_LOADED (other, 2024, id_of (second), "");
  ASSERT_LOADED (other, 0, unknown, "");

  /* Details only when asked for. */
  bare = sl_ledger_load_meetings (other, 2023, id_of (first), FALSE, &error);
  g_assert_no_error (error);
  g_assert_cmpint (bare->len, ==, 2);
  g_assert_cmpint (g_list_model_get_n_items (sl_meeting_get_studies (g_ptr_array_index (bare, 0))), ==, 0);
  g_assert_true (sl_ledger_load_meeting_details (other, g_ptr_array_index (bare, 0), &error));
  g_assert_no_error (error);
  g_assert_cmpint (g_list_model_get_n_items (sl_meeting_get_studies (g_ptr_array_index (bare, 0))), ==, 1);

  detailed = sl_ledger_load_meetings (other, 2023, id_of (first), TRUE, &error);
  g_assert_no_error (error);
  g_assert_cmpint (detailed->len, ==, 2);
  for (guint i = 0; i < detailed->len; i++)
    {
      SlMeeting *meeting = g_ptr_array_index (detailed, i);
      GListModel *studies = sl_meeting_get_studies (meeting);

      g_assert_cmpint (g_list_model_get_n_items (studies), ==, 1);
      /* Each meeting has its own studies, not its neighbour's. */
      g_assert_cmpstr (sl_study_get_title (ITEM (studies, 0)), ==, sl_meeting_get_title (meeting));
      g_assert_cmpstr (sl_meeting_get_organization (meeting), ==, id_of (first));
    }

  /* One by id. */
  found = load_meeting_ok (other, id_of (b));
  g_assert_cmpstr (sl_meeting_get_title (found), ==, "B");
  g_assert_cmpstr (sl_meeting_get_date (found), ==, "2023-05-05");
  g_assert_cmpstr (sl_meeting_get_organization (found), ==, id_of (second));
  g_assert_cmpint (sl_meeting_get_kind (found), ==, SL_MEETING_KIND_BRANCH_ASSEMBLY);
  g_assert_cmpint (g_list_model_get_n_items (sl_meeting_get_studies (found)), ==, 1);
  g_clear_object (&found);

  /* An id nobody has. */
  found = sl_ledger_load_meeting (other, unknown, &error);
  ASSERT_ERROR (error, SL_LEDGER_ERROR, SL_LEDGER_ERROR_NOT_FOUND);
  g_assert_nonnull (strstr (error->message, unknown));
  g_assert_true (found == NULL);
}


int
main (int argc, char *argv[])
{
  ledger_test_init (&argc, &argv);

#define ADD(name, func) \
  g_test_add ("/ledger/" name, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("model/items-changed", test_model_items_changed);
  ADD ("model/rollback", test_model_rollback);
  ADD ("load/meetings", test_load_meetings);

#undef ADD

  return ledger_test_run ();
}
