/* test-meeting-draft.c — a new meeting prefilled from a real ledger
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The ledger of each test:
 *
 *   某某局党组 (A, party group)
 *     ├─ 机关第一党支部 (B, branch)
 *     └─ 机关第二党支部 (C, branch)
 *   离退休干部党支部 (D, branch, no parent given: a roster's usual case)
 *   另一局党组 (E, party group) ─ 另一局机关党支部 (F, branch)
 *
 *   sort name   home  leadership  central group  joined       left
 *   1    张伟   A     yes         yes            -            -
 *   2    王芳   A     yes         yes            -            2023-06-30
 *   3    李娜   B     yes         yes            2023-07-01   -
 *   4    刘洋   A     -           yes            -            -
 *   5    陈静   B     -           -              -            -
 *   6    赵磊   C     -           -              -            -
 *   7    何旻   D     yes         yes            -            -
 *   8    郑喆   F     yes         yes            -            -
 *
 * 李娜 and 何旻 are leaders on the roll of a branch, as leaders often
 * are; 郑喆 leads the other bureau and is never expected at A's meetings.
 */

#include "config.h"

#include <glib/gstdio.h>

#include "sl-attendance.h"
#include "sl-ledger.h"
#include "sl-meeting.h"
#include "sl-date.h"
#include "sl-meeting-draft.h"
#include "sl-meeting-suggestion.h"
#include "sl-member.h"
#include "sl-organization.h"
#include "sl-plan.h"
#include "sl-plan-item.h"
#include "sl-test-util.h"

typedef struct
{
  char           *folder;
  char           *path;
  SlLedger       *ledger;
  SlOrganization *a, *b, *c, *d, *e, *f;
  SlMember       *zhang, *wang, *li, *liu, *chen, *zhao, *he, *zheng;
} Fixture;

static SlOrganization *
add_organization (Fixture            *fixture,
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
  sl_ledger_save_organization (fixture->ledger, organization, &error);
  g_assert_no_error (error);

  return organization;
}

static SlMember *
add_member (Fixture        *fixture,
            const char     *name,
            SlOrganization *home,
            gboolean        leadership,
            gboolean        central_group,
            const char     *joined_on,
            const char     *left_on,
            int             sort)
{
  g_autoptr(GError) error = NULL;
  SlMember *member = sl_member_new ();

  sl_member_set_name (member, name);
  sl_member_set_organization (member, sl_record_get_id (SL_RECORD (home)));
  sl_member_set_leadership (member, leadership);
  sl_member_set_central_group (member, central_group);
  sl_member_set_joined_on (member, joined_on);
  sl_member_set_left_on (member, left_on);
  sl_member_set_sort (member, sort);
  sl_ledger_save_member (fixture->ledger, member, &error);
  g_assert_no_error (error);

  return member;
}

static SlMeeting *
add_meeting (Fixture        *fixture,
             SlOrganization *organization,
             SlMeetingKind   kind,
             const char     *date)
{
  g_autoptr(GError) error = NULL;
  SlMeeting *meeting = sl_meeting_new ();

  sl_meeting_set_organization (meeting, sl_record_get_id (SL_RECORD (organization)));
  sl_meeting_set_kind (meeting, kind);
  sl_meeting_set_date (meeting, date);
  sl_meeting_set_title (meeting, date);
  sl_ledger_save_meeting (fixture->ledger, meeting, SL_SAVE_REPLACE, &error);
  g_assert_no_error (error);

  return meeting;
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  fixture->folder = make_temp_folder ("test-meeting-draft-XXXXXX");
  fixture->path = g_build_filename (fixture->folder, "ledger.db", NULL);
  fixture->ledger = sl_ledger_open (fixture->path, &error);
  g_assert_no_error (error);

  fixture->a = add_organization (fixture, "某某局党组", SL_ORGANIZATION_KIND_PARTY_GROUP, NULL);
  fixture->b = add_organization (fixture, "机关第一党支部", SL_ORGANIZATION_KIND_BRANCH, fixture->a);
  fixture->c = add_organization (fixture, "机关第二党支部", SL_ORGANIZATION_KIND_BRANCH, fixture->a);
  fixture->d = add_organization (fixture, "离退休干部党支部", SL_ORGANIZATION_KIND_BRANCH, NULL);
  fixture->e = add_organization (fixture, "另一局党组", SL_ORGANIZATION_KIND_PARTY_GROUP, NULL);
  fixture->f = add_organization (fixture, "另一局机关党支部", SL_ORGANIZATION_KIND_BRANCH, fixture->e);

  fixture->zhang = add_member (fixture, "张伟", fixture->a, TRUE, TRUE, NULL, NULL, 1);
  fixture->wang = add_member (fixture, "王芳", fixture->a, TRUE, TRUE, NULL, "2023-06-30", 2);
  fixture->li = add_member (fixture, "李娜", fixture->b, TRUE, TRUE, "2023-07-01", NULL, 3);
  fixture->liu = add_member (fixture, "刘洋", fixture->a, FALSE, TRUE, NULL, NULL, 4);
  fixture->chen = add_member (fixture, "陈静", fixture->b, FALSE, FALSE, NULL, NULL, 5);
  fixture->zhao = add_member (fixture, "赵磊", fixture->c, FALSE, FALSE, NULL, NULL, 6);
  fixture->he = add_member (fixture, "何旻", fixture->d, TRUE, TRUE, NULL, NULL, 7);
  fixture->zheng = add_member (fixture, "郑喆", fixture->f, TRUE, TRUE, NULL, NULL, 8);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_clear_object (&fixture->a);
  g_clear_object (&fixture->b);
  g_clear_object (&fixture->c);
  g_clear_object (&fixture->d);
  g_clear_object (&fixture->e);
  g_clear_object (&fixture->f);
  g_clear_object (&fixture->zhang);
  g_clear_object (&fixture->wang);
  g_clear_object (&fixture->li);
  g_clear_object (&fixture->liu);
  g_clear_object (&fixture->chen);
  g_clear_object (&fixture->zhao);
  g_clear_object (&fixture->he);
  g_clear_object (&fixture->zheng);
  g_assert_finalize_object (fixture->ledger);
  remove_tree (fixture->folder);
  g_free (fixture->path);
  g_free (fixture->folder);
}

static const char *
id_of (gpointer record)
{
  return sl_record_get_id (SL_RECORD (record));
}

/* The roster as "张伟 王芳 ...", to compare in one assertion. */
static char *
names_of (GPtrArray *members)
{
  GString *names = g_string_new (NULL);

  for (guint i = 0; i < members->len; i++)
    {
      if (i > 0)
        g_string_append_c (names, ' ');
      g_string_append (names, sl_member_get_name (g_ptr_array_index (members, i)));
    }

  return g_string_free (names, FALSE);
}

static char *
attendance_names (Fixture   *fixture,
                  SlMeeting *meeting)
{
  GListModel *rows = sl_meeting_get_attendance (meeting);
  g_autoptr(GPtrArray) members = g_ptr_array_new ();

  for (guint i = 0; i < g_list_model_get_n_items (rows); i++)
    {
      g_autoptr(SlAttendance) row = g_list_model_get_item (rows, i);

      g_assert_cmpint (sl_attendance_get_status (row), ==, SL_ATTENDANCE_STATUS_PRESENT);
      g_ptr_array_add (members, sl_ledger_find_member (fixture->ledger, sl_attendance_get_member (row)));
    }

  return names_of (members);
}

static void
test_sequence (Fixture       *fixture,
               gconstpointer  data)
{
  const char *a = id_of (fixture->a);
  g_autoptr(SlMeeting) last_year = NULL, first = NULL, second = NULL, third = NULL;
  g_autoptr(SlMeeting) party = NULL, branch = NULL;
  g_autoptr(GError) error = NULL;

  last_year = add_meeting (fixture, fixture->a, SL_MEETING_KIND_CENTRAL_GROUP, "2022-12-20");
  first = add_meeting (fixture, fixture->a, SL_MEETING_KIND_CENTRAL_GROUP, "2023-01-10");
  party = add_meeting (fixture, fixture->a, SL_MEETING_KIND_PARTY_GROUP, "2023-02-01");
  second = add_meeting (fixture, fixture->a, SL_MEETING_KIND_CENTRAL_GROUP, "2023-03-05");
  /* Another organization's session does not count towards A's numbers. */
  branch = add_meeting (fixture, fixture->b, SL_MEETING_KIND_CENTRAL_GROUP, "2023-03-20");
  third = add_meeting (fixture, fixture->a, SL_MEETING_KIND_CENTRAL_GROUP, "2023-05-20");

#define SEQUENCE(kind, date, exclude) \
  sl_meeting_draft_sequence (fixture->ledger, a, kind, date, exclude, &error)

  g_assert_cmpint (SEQUENCE (SL_MEETING_KIND_CENTRAL_GROUP, "2023-01-01", NULL), ==, 1);
  g_assert_cmpint (SEQUENCE (SL_MEETING_KIND_CENTRAL_GROUP, "2023-02-01", NULL), ==, 2);
  g_assert_cmpint (SEQUENCE (SL_MEETING_KIND_CENTRAL_GROUP, "2023-04-01", NULL), ==, 3);
  g_assert_cmpint (SEQUENCE (SL_MEETING_KIND_CENTRAL_GROUP, "2023-12-31", NULL), ==, 4);
  /* A meeting already logged for the same day came first... */
  g_assert_cmpint (SEQUENCE (SL_MEETING_KIND_CENTRAL_GROUP, "2023-03-05", NULL), ==, 3);
  /* ...unless it is the meeting being numbered. */
  g_assert_cmpint (SEQUENCE (SL_MEETING_KIND_CENTRAL_GROUP, "2023-03-05", id_of (second)), ==, 2);
  g_assert_cmpint (SEQUENCE (SL_MEETING_KIND_CENTRAL_GROUP, "2022-12-31", NULL), ==, 2);
  g_assert_cmpint (SEQUENCE (SL_MEETING_KIND_PARTY_GROUP, "2023-06-01", NULL), ==, 2);
  g_assert_cmpint (SEQUENCE (SL_MEETING_KIND_IDEOLOGY, "2023-06-01", NULL), ==, 1);
  g_assert_no_error (error);

#undef SEQUENCE

  {
    g_autoptr(SlMeeting) draft = sl_meeting_draft_new (fixture->ledger, a, SL_MEETING_KIND_CENTRAL_GROUP,
                                                       "2023-06-15", &error);
    g_assert_no_error (error);
    g_assert_cmpint (sl_meeting_get_sequence (draft), ==, 4);
    g_assert_cmpstr (sl_meeting_get_title (draft), ==, "某某局党组理论学习中心组2023年第4次集体学习");
  }
}

static void
test_titles (void)
{
  g_autofree char *central = sl_meeting_draft_title ("某某局党组", SL_MEETING_KIND_CENTRAL_GROUP, 2023, 3, FALSE);
  g_autofree char *expanded = sl_meeting_draft_title ("某某局党组", SL_MEETING_KIND_CENTRAL_GROUP, 2023, 3, TRUE);
  g_autofree char *party = sl_meeting_draft_title ("某某局党组", SL_MEETING_KIND_PARTY_GROUP, 2023, 12, FALSE);
  g_autofree char *party_expanded = sl_meeting_draft_title ("某某局党组", SL_MEETING_KIND_PARTY_GROUP, 2023, 1, TRUE);
  g_autofree char *ideology = sl_meeting_draft_title ("某某局党组", SL_MEETING_KIND_IDEOLOGY, 2023, 1, FALSE);
  g_autofree char *assembly = sl_meeting_draft_title ("机关第一党支部", SL_MEETING_KIND_BRANCH_ASSEMBLY, 2023, 2, FALSE);
  g_autofree char *lecture = sl_meeting_draft_title ("机关第一党支部", SL_MEETING_KIND_PARTY_LECTURE, 2024, 1, FALSE);

  g_assert_cmpstr (central, ==, "某某局党组理论学习中心组2023年第3次集体学习");
  g_assert_cmpstr (expanded, ==, "某某局党组理论学习中心组2023年第3次集体学习（扩大）");
  g_assert_cmpstr (party, ==, "某某局党组2023年第12次党组会议");
  g_assert_cmpstr (party_expanded, ==, "某某局党组2023年第1次党组会议（扩大）");
  g_assert_cmpstr (ideology, ==, "某某局党组2023年第1次意识形态工作专题会议");
  g_assert_cmpstr (assembly, ==, "机关第一党支部2023年第2次党员大会");
  g_assert_cmpstr (lecture, ==, "机关第一党支部2024年第1次党课");
}

static void
test_roster (Fixture       *fixture,
             gconstpointer  data)
{
  struct {
    SlOrganization *organization;
    SlMeetingKind   kind;
    const char     *date;
    const char     *names;
  } cases[] = {
    /* 李娜 has not joined yet; 王芳 is still there on the day she leaves. */
    { fixture->a, SL_MEETING_KIND_CENTRAL_GROUP, "2023-03-01", "张伟 王芳 刘洋 何旻" },
    { fixture->a, SL_MEETING_KIND_CENTRAL_GROUP, "2023-06-30", "张伟 王芳 刘洋 何旻" },
    { fixture->a, SL_MEETING_KIND_CENTRAL_GROUP, "2023-07-01", "张伟 李娜 刘洋 何旻" },
    /* Leaders only, those on a branch's roll included, not the other
     * bureau's. */
    { fixture->a, SL_MEETING_KIND_PARTY_GROUP, "2023-03-01", "张伟 王芳 何旻" },
    { fixture->a, SL_MEETING_KIND_PARTY_GROUP, "2023-08-01", "张伟 李娜 何旻" },
    { fixture->a, SL_MEETING_KIND_IDEOLOGY, "2023-08-01", "张伟 李娜 何旻" },
    { fixture->e, SL_MEETING_KIND_PARTY_GROUP, "2023-08-01", "何旻 郑喆" },
    /* A branch's own members, nobody from above or beside it. */
    { fixture->b, SL_MEETING_KIND_BRANCH_ASSEMBLY, "2023-03-01", "陈静" },
    { fixture->b, SL_MEETING_KIND_BRANCH_COMMITTEE, "2023-08-01", "李娜 陈静" },
    { fixture->c, SL_MEETING_KIND_PARTY_LECTURE, "2023-08-01", "赵磊" },
    /* Training takes everyone of the organization and below. */
    { fixture->a, SL_MEETING_KIND_TRAINING, "2023-08-01", "张伟 李娜 刘洋 陈静 赵磊 何旻" },
    { fixture->b, SL_MEETING_KIND_TRAINING, "2023-08-01", "李娜 陈静" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GPtrArray) roster = sl_meeting_draft_roster (fixture->ledger,
                                                             id_of (cases[i].organization),
                                                             cases[i].kind, cases[i].date);
      g_autofree char *names = names_of (roster);
      g_autoptr(SlMeeting) draft = NULL;
      g_autofree char *rows = NULL;
      g_autoptr(GError) error = NULL;

      g_test_message ("case %u: %s", i, cases[i].date);
      g_assert_cmpstr (names, ==, cases[i].names);

      /* The draft's attendance is that roster, everyone present. */
      draft = sl_meeting_draft_new (fixture->ledger, id_of (cases[i].organization),
                                    cases[i].kind, cases[i].date, &error);
      g_assert_no_error (error);
      rows = attendance_names (fixture, draft);
      g_assert_cmpstr (rows, ==, cases[i].names);
    }
}

static void
set_marks (Fixture  *fixture,
           SlMember *member,
           gboolean  leadership,
           gboolean  central_group)
{
  g_autoptr(GError) error = NULL;

  sl_member_set_leadership (member, leadership);
  sl_member_set_central_group (member, central_group);
  g_assert_true (sl_ledger_save_member (fixture->ledger, member, &error));
  g_assert_no_error (error);
}

/* An imported roster marks nobody as leadership or central group: a new
 * 党组会议 then expects the organization's members active on its date
 * (not nobody), and says so; a mark, once made, is followed again. */
static void
test_roster_unmarked (Fixture       *fixture,
                      gconstpointer  data)
{
  SlMember *everyone[] = { fixture->zhang, fixture->wang, fixture->li, fixture->liu,
                           fixture->chen, fixture->zhao, fixture->he, fixture->zheng };
  const struct
  {
    SlOrganization *organization;
    SlMeetingKind   kind;
    const char     *date;
    const char     *names;
    SlRosterBasis   basis;
  } unmarked[] = {
    /* 李娜 joins on 07-01, 王芳 leaves on 06-30; 郑喆 is the other bureau's. */
    { fixture->a, SL_MEETING_KIND_PARTY_GROUP, "2023-03-01", "张伟 王芳 刘洋 陈静 赵磊 何旻", SL_ROSTER_BASIS_EVERYONE },
    { fixture->a, SL_MEETING_KIND_PARTY_GROUP, "2023-08-01", "张伟 李娜 刘洋 陈静 赵磊 何旻", SL_ROSTER_BASIS_EVERYONE },
    { fixture->a, SL_MEETING_KIND_CENTRAL_GROUP, "2023-08-01", "张伟 李娜 刘洋 陈静 赵磊 何旻", SL_ROSTER_BASIS_EVERYONE_FOR_GROUP },
    { fixture->a, SL_MEETING_KIND_SITUATION_ANALYSIS, "2023-08-01", "张伟 李娜 刘洋 陈静 赵磊 何旻", SL_ROSTER_BASIS_EVERYONE },
    { fixture->e, SL_MEETING_KIND_PARTY_GROUP, "2023-08-01", "何旻 郑喆", SL_ROSTER_BASIS_EVERYONE },
    /* Kinds that never asked for a mark are as before. */
    { fixture->b, SL_MEETING_KIND_BRANCH_ASSEMBLY, "2023-03-01", "陈静", SL_ROSTER_BASIS_KIND },
    { fixture->a, SL_MEETING_KIND_TRAINING, "2023-03-01", "张伟 王芳 刘洋 陈静 赵磊 何旻", SL_ROSTER_BASIS_KIND },
  };

  for (guint i = 0; i < G_N_ELEMENTS (everyone); i++)
    set_marks (fixture, everyone[i], FALSE, FALSE);

  for (guint i = 0; i < G_N_ELEMENTS (unmarked); i++)
    {
      SlRosterBasis basis = SL_ROSTER_BASIS_KIND;
      g_autoptr(GPtrArray) roster = sl_meeting_draft_roster_basis (fixture->ledger,
                                                                   id_of (unmarked[i].organization),
                                                                   unmarked[i].kind, unmarked[i].date,
                                                                   &basis);
      g_autoptr(GPtrArray) all = sl_meeting_draft_everyone (fixture->ledger,
                                                            id_of (unmarked[i].organization),
                                                            unmarked[i].kind, unmarked[i].date);
      g_autofree char *names = names_of (roster);
      g_autofree char *all_names = names_of (all);
      g_autoptr(SlMeeting) draft = NULL;
      g_autofree char *rows = NULL;
      g_autoptr(GError) error = NULL;

      g_test_message ("unmarked case %u", i);
      g_assert_cmpstr (names, ==, unmarked[i].names);
      g_assert_cmpint (basis, ==, unmarked[i].basis);
      g_assert_true ((sl_roster_basis_to_note (basis) != NULL) == (basis != SL_ROSTER_BASIS_KIND));
      /* 全体成员 is the same people here, marks or not. */
      g_assert_cmpstr (all_names, ==, unmarked[i].names);

      /* The draft's attendance: everyone present, 应到 not 0. */
      draft = sl_meeting_draft_new (fixture->ledger, id_of (unmarked[i].organization),
                                    unmarked[i].kind, unmarked[i].date, &error);
      g_assert_no_error (error);
      rows = attendance_names (fixture, draft);
      g_assert_cmpstr (rows, ==, unmarked[i].names);
    }

  /* One leader marked: the party group is the leadership again, and the
   * central group, still unmarked, takes the leadership. */
  set_marks (fixture, fixture->liu, TRUE, FALSE);
  {
    SlRosterBasis basis = SL_ROSTER_BASIS_EVERYONE;
    g_autoptr(GPtrArray) party = sl_meeting_draft_roster_basis (fixture->ledger, id_of (fixture->a),
                                                                SL_MEETING_KIND_PARTY_GROUP, "2023-03-01",
                                                                &basis);
    g_autoptr(GPtrArray) group = NULL;
    g_autoptr(GPtrArray) all = NULL;
    g_autofree char *party_names = names_of (party);
    g_autofree char *group_names = NULL;
    g_autofree char *all_names = NULL;

    g_assert_cmpstr (party_names, ==, "刘洋");
    g_assert_cmpint (basis, ==, SL_ROSTER_BASIS_KIND);

    group = sl_meeting_draft_roster_basis (fixture->ledger, id_of (fixture->a),
                                           SL_MEETING_KIND_CENTRAL_GROUP, "2023-03-01", &basis);
    group_names = names_of (group);
    g_assert_cmpstr (group_names, ==, "刘洋");
    g_assert_cmpint (basis, ==, SL_ROSTER_BASIS_LEADERSHIP_FOR_GROUP);

    all = sl_meeting_draft_everyone (fixture->ledger, id_of (fixture->a),
                                     SL_MEETING_KIND_PARTY_GROUP, "2023-03-01");
    all_names = names_of (all);
    g_assert_cmpstr (all_names, ==, "张伟 王芳 刘洋 陈静 赵磊 何旻");
  }
}

static SlPlanItem *
add_item (SlPlan           *plan,
          const char       *theme,
          SlStudyForm       form,
          SlPlanItemStatus  status)
{
  SlPlanItem *item = sl_plan_item_new ();

  sl_plan_item_set_theme (item, theme);
  sl_plan_item_set_form (item, form);
  sl_plan_item_set_status (item, status);
  g_list_store_append (G_LIST_STORE (sl_plan_get_items (plan)), item);

  return item;
}

static void
test_plan_item (Fixture       *fixture,
                gconstpointer  data)
{
  const char *a = id_of (fixture->a);
  g_autoptr(SlPlan) plan = sl_plan_new ();
  g_autoptr(SlPlan) other_year = sl_plan_new ();
  g_autoptr(SlPlanItem) first = NULL, cancelled = NULL, third = NULL, fourth = NULL, old = NULL;
  g_autoptr(SlMeeting) held = NULL;
  g_autoptr(SlMeeting) draft = NULL;
  g_autoptr(SlMeeting) party = NULL;
  g_autoptr(SlPlanItem) next = NULL;
  g_autoptr(GError) error = NULL;

  sl_plan_set_organization (plan, a);
  sl_plan_set_year (plan, 2023);
  sl_plan_set_title (plan, "2023年度理论学习中心组学习计划");
  first = add_item (plan, "学习党的二十大精神", SL_STUDY_FORM_COLLECTIVE_STUDY, SL_PLAN_ITEM_STATUS_PLANNED);
  cancelled = add_item (plan, "（取消）", SL_STUDY_FORM_SEMINAR, SL_PLAN_ITEM_STATUS_CANCELLED);
  third = add_item (plan, "意识形态工作专题研讨", SL_STUDY_FORM_SEMINAR, SL_PLAN_ITEM_STATUS_ADJUSTED);
  fourth = add_item (plan, "主题教育读书班", SL_STUDY_FORM_READING_CLASS, SL_PLAN_ITEM_STATUS_PLANNED);
  sl_ledger_save_plan (fixture->ledger, plan, SL_SAVE_REPLACE, &error);
  g_assert_no_error (error);

  sl_plan_set_organization (other_year, a);
  sl_plan_set_year (other_year, 2022);
  old = add_item (other_year, "2022年的专题", SL_STUDY_FORM_SEMINAR, SL_PLAN_ITEM_STATUS_PLANNED);
  sl_ledger_save_plan (fixture->ledger, other_year, SL_SAVE_REPLACE, &error);
  g_assert_no_error (error);

  next = sl_meeting_draft_next_plan_item (fixture->ledger, a, 2023, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (next);
  g_assert_cmpstr (id_of (next), ==, id_of (first));
  g_clear_object (&next);

  held = add_meeting (fixture, fixture->a, SL_MEETING_KIND_CENTRAL_GROUP, "2023-02-10");
  sl_meeting_set_plan_item (held, id_of (first));
  sl_ledger_save_meeting (fixture->ledger, held, SL_SAVE_REPLACE, &error);
  g_assert_no_error (error);

  /* The first item is held, the second cancelled: the third is next. */
  next = sl_meeting_draft_next_plan_item (fixture->ledger, a, 2023, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (id_of (next), ==, id_of (third));
  g_clear_object (&next);

  /* Filling the meeting that holds the first item again offers it again. */
  next = sl_meeting_draft_next_plan_item (fixture->ledger, a, 2023, id_of (held), &error);
  g_assert_no_error (error);
  g_assert_cmpstr (id_of (next), ==, id_of (first));
  g_clear_object (&next);

  /* A branch has no plan. */
  next = sl_meeting_draft_next_plan_item (fixture->ledger, id_of (fixture->b), 2023, NULL, &error);
  g_assert_no_error (error);
  g_assert_null (next);

  /* A new session takes the item, its theme and its form. */
  draft = sl_meeting_draft_new (fixture->ledger, a, SL_MEETING_KIND_CENTRAL_GROUP, "2023-04-01", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (sl_meeting_get_plan_item (draft), ==, id_of (third));
  g_assert_cmpstr (sl_meeting_get_theme (draft), ==, "意识形态工作专题研讨");
  g_assert_cmpint (sl_meeting_get_form (draft), ==, SL_STUDY_FORM_SEMINAR);
  sl_ledger_save_meeting (fixture->ledger, draft, SL_SAVE_REPLACE, &error);
  g_assert_no_error (error);

  next = sl_meeting_draft_next_plan_item (fixture->ledger, a, 2023, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (id_of (next), ==, id_of (fourth));

  /* A party-group meeting does not use up the central group's plan. */
  party = sl_meeting_draft_new (fixture->ledger, a, SL_MEETING_KIND_PARTY_GROUP, "2023-04-02", &error);
  g_assert_no_error (error);
  g_assert_null (sl_meeting_get_plan_item (party));
  g_assert_cmpint (sl_meeting_get_form (party), ==, SL_STUDY_FORM_RELAY);
}

static void
test_previous (Fixture       *fixture,
               gconstpointer  data)
{
  const char *a = id_of (fixture->a);
  g_autoptr(SlMeeting) january = NULL, march = NULL, draft = NULL, early = NULL, party = NULL;
  g_autoptr(SlMeeting) reloaded = NULL;
  g_autoptr(SlLedger) other = NULL;
  g_autoptr(GError) error = NULL;

  january = add_meeting (fixture, fixture->a, SL_MEETING_KIND_CENTRAL_GROUP, "2023-01-10");
  sl_meeting_set_chair (january, id_of (fixture->wang));
  sl_meeting_set_recorder (january, id_of (fixture->chen));
  sl_meeting_set_place (january, "二楼会议室");
  sl_ledger_save_meeting (fixture->ledger, january, SL_SAVE_REPLACE, &error);
  g_assert_no_error (error);

  march = add_meeting (fixture, fixture->a, SL_MEETING_KIND_CENTRAL_GROUP, "2023-03-10");
  sl_meeting_set_chair (march, id_of (fixture->zhang));
  sl_meeting_set_recorder (march, id_of (fixture->liu));
  sl_meeting_set_place (march, "三楼会议室");
  sl_meeting_set_start (march, "09:00");
  sl_meeting_set_end (march, "11:30");
  sl_meeting_set_form (march, SL_STUDY_FORM_LECTURE);
  sl_ledger_save_meeting (fixture->ledger, march, SL_SAVE_REPLACE, &error);
  g_assert_no_error (error);

  /* The kind's default organization is where its meetings are held. */
  g_assert_cmpstr (id_of (sl_meeting_draft_default_organization (fixture->ledger, SL_MEETING_KIND_CENTRAL_GROUP)),
                   ==, a);
  g_assert_cmpstr (id_of (sl_meeting_draft_default_organization (fixture->ledger, SL_MEETING_KIND_BRANCH_ASSEMBLY)),
                   ==, id_of (fixture->b));

  draft = sl_meeting_draft_new (fixture->ledger, NULL, SL_MEETING_KIND_CENTRAL_GROUP, "2023-04-20", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (sl_meeting_get_organization (draft), ==, a);
  g_assert_cmpstr (sl_meeting_get_chair (draft), ==, id_of (fixture->zhang));
  g_assert_cmpstr (sl_meeting_get_recorder (draft), ==, id_of (fixture->liu));
  g_assert_cmpstr (sl_meeting_get_place (draft), ==, "三楼会议室");
  g_assert_cmpstr (sl_meeting_get_start (draft), ==, "09:00");
  g_assert_cmpstr (sl_meeting_get_end (draft), ==, "11:30");
  g_assert_cmpint (sl_meeting_get_form (draft), ==, SL_STUDY_FORM_LECTURE);
  g_assert_cmpint (sl_meeting_get_sequence (draft), ==, 3);

  /* Back-filling February copies January, the meeting before it. */
  early = sl_meeting_draft_new (fixture->ledger, a, SL_MEETING_KIND_CENTRAL_GROUP, "2023-02-01", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (sl_meeting_get_chair (early), ==, id_of (fixture->wang));
  g_assert_cmpstr (sl_meeting_get_place (early), ==, "二楼会议室");
  g_assert_cmpint (sl_meeting_get_sequence (early), ==, 2);

  /* No party-group meeting yet: nothing to copy. */
  party = sl_meeting_draft_new (fixture->ledger, a, SL_MEETING_KIND_PARTY_GROUP, "2023-04-20", &error);
  g_assert_no_error (error);
  g_assert_null (sl_meeting_get_chair (party));
  g_assert_null (sl_meeting_get_place (party));
  g_assert_cmpstr (sl_meeting_get_title (party), ==, "某某局党组2023年第1次党组会议");

  /* The draft can be stored as it is, and reads back the same. */
  sl_ledger_save_meeting (fixture->ledger, draft, SL_SAVE_REPLACE, &error);
  g_assert_no_error (error);
  other = sl_ledger_open (fixture->path, &error);
  g_assert_no_error (error);
  reloaded = sl_ledger_load_meeting (other, id_of (draft), &error);
  g_assert_no_error (error);
  g_assert_cmpstr (sl_meeting_get_title (reloaded), ==, sl_meeting_get_title (draft));
  g_assert_cmpint (sl_meeting_get_sequence (reloaded), ==, 3);
  g_assert_cmpuint (g_list_model_get_n_items (sl_meeting_get_attendance (reloaded)), ==, 4);

  /* Filling the stored meeting again does not count it against itself. */
  sl_meeting_draft_fill (fixture->ledger, reloaded, &error);
  g_assert_no_error (error);
  g_assert_cmpint (sl_meeting_get_sequence (reloaded), ==, 3);
}

static void
test_no_organization (void)
{
  g_autofree char *folder = g_dir_make_tmp ("test-meeting-draft-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (folder, "ledger.db", NULL);
  g_autoptr(GError) error = NULL;
  SlLedger *ledger = sl_ledger_open (path, &error);
  g_autoptr(SlMeeting) draft = NULL;

  g_assert_no_error (error);
  g_assert_null (sl_meeting_draft_default_organization (ledger, SL_MEETING_KIND_PARTY_GROUP));
  draft = sl_meeting_draft_new (ledger, NULL, SL_MEETING_KIND_PARTY_GROUP, "2023-01-01", &error);
  g_assert_null (draft);
  g_assert_error (error, SL_LEDGER_ERROR, SL_LEDGER_ERROR_INVALID);

  g_assert_finalize_object (ledger);
  remove_tree (folder);
}

static void
test_parse (void)
{
  struct { const char *text; const char *date; } dates[] = {
    { "2023-03-05", "2023-03-05" },
    { "2023-3-5", "2023-03-05" },
    { "2023/3/5", "2023-03-05" },
    { "2023.03.05", "2023-03-05" },
    { "20230305", "2023-03-05" },
    { "2023年3月5日", "2023-03-05" },
    { " ２０２３－３－５ ", "2023-03-05" },
    { "3-5", "2024-03-05" },
    { "3.5", "2024-03-05" },
    { "0305", "2024-03-05" },
    { "3月5日", "2024-03-05" },
    { "2-29", "2024-02-29" },
    { "2023-2-29", NULL },
    { "13-1", NULL },
    { "", NULL },
    { "明天", NULL },
    { "2023-03-05-01", NULL },
    { "123", NULL },
  };
  struct { const char *text; const char *time; } times[] = {
    { "09:00", "09:00" },
    { "9:00", "09:00" },
    { "9：30", "09:30" },
    { "14.30", "14:30" },
    { "930", "09:30" },
    { "1430", "14:30" },
    { "9", "09:00" },
    { "24:00", NULL },
    { "9:5", NULL },
    { "12345", NULL },
    { "", NULL },
  };

  for (guint i = 0; i < G_N_ELEMENTS (dates); i++)
    {
      g_autofree char *date = sl_meeting_draft_parse_date (dates[i].text, 2024);
      g_assert_cmpstr (date, ==, dates[i].date);
    }

  for (guint i = 0; i < G_N_ELEMENTS (times); i++)
    {
      g_autofree char *time = sl_meeting_draft_parse_time (times[i].text);
      g_assert_cmpstr (time, ==, times[i].time);
    }
}

/* One date reader serves the editor and the roster: every spelling either
 * took before is still taken by it, and impossible days never are. */
static void
test_date_spellings (void)
{
  struct { const char *text; int year; SlDateParseFlags flags; const char *date; } cases[] = {
    /* The editor's spellings (sl_meeting_draft_parse_date). */
    { "2023-03-05", 0, 0, "2023-03-05" },
    { "2023-3-5", 0, 0, "2023-03-05" },
    { "2023/3/5", 0, 0, "2023-03-05" },
    { "2023/03/05", 0, 0, "2023-03-05" },
    { "2023.3.5", 0, 0, "2023-03-05" },
    { "2023.03.05", 0, 0, "2023-03-05" },
    { "20230305", 0, 0, "2023-03-05" },
    { "2023年3月5日", 0, 0, "2023-03-05" },
    { " ２０２３－３－５ ", 0, 0, "2023-03-05" },
    { "２０２３年３月５日", 0, 0, "2023-03-05" },
    { "3-5", 2024, 0, "2024-03-05" },
    { "3/5", 2024, 0, "2024-03-05" },
    { "3.5", 2024, 0, "2024-03-05" },
    { "03-05", 2024, 0, "2024-03-05" },
    { "0305", 2024, 0, "2024-03-05" },
    { "3月5日", 2024, 0, "2024-03-05" },
    { "3月5号", 2024, 0, "2024-03-05" },
    { "2-29", 2024, 0, "2024-02-29" },
    /* The roster's spellings (sl-csv-reader.c). */
    { "2019-07-01", 0, SL_DATE_PARSE_MONTH | SL_DATE_PARSE_SKIP_TIME, "2019-07-01" },
    { "2019/7/1", 0, SL_DATE_PARSE_MONTH | SL_DATE_PARSE_SKIP_TIME, "2019-07-01" },
    { "2019.7.1", 0, SL_DATE_PARSE_MONTH | SL_DATE_PARSE_SKIP_TIME, "2019-07-01" },
    { "2019年7月1日", 0, SL_DATE_PARSE_MONTH | SL_DATE_PARSE_SKIP_TIME, "2019-07-01" },
    { "2019 年 07 月 01 日", 0, SL_DATE_PARSE_MONTH | SL_DATE_PARSE_SKIP_TIME, "2019-07-01" },
    { "2019年7月1号", 0, SL_DATE_PARSE_MONTH | SL_DATE_PARSE_SKIP_TIME, "2019-07-01" },
    { "２０１９年７月１日", 0, SL_DATE_PARSE_MONTH | SL_DATE_PARSE_SKIP_TIME, "2019-07-01" },
    { "20190701", 0, SL_DATE_PARSE_MONTH | SL_DATE_PARSE_SKIP_TIME, "2019-07-01" },
    { "2019-07", 0, SL_DATE_PARSE_MONTH, "2019-07-01" },
    { "2019/7", 0, SL_DATE_PARSE_MONTH, "2019-07-01" },
    { "2019年7月", 0, SL_DATE_PARSE_MONTH, "2019-07-01" },
    { "201907", 0, SL_DATE_PARSE_MONTH, "2019-07-01" },
    { "2019/7/1 0:00", 0, SL_DATE_PARSE_SKIP_TIME, "2019-07-01" },
    { "2019-07-01 00:00:00", 0, SL_DATE_PARSE_SKIP_TIME, "2019-07-01" },
    { "2000-02-29", 0, 0, "2000-02-29" },
    /* Both readers share these. */
    { "2023-02-30", 0, 0, NULL },
    { "2023-02-30", 2023, SL_DATE_PARSE_MONTH | SL_DATE_PARSE_SKIP_TIME, NULL },
    { "2023-13-01", 0, 0, NULL },
    { "2023-13-01", 2023, SL_DATE_PARSE_MONTH | SL_DATE_PARSE_SKIP_TIME, NULL },
    { "2023年2月30日", 0, 0, NULL },
    { "20230230", 0, 0, NULL },
    { "2-30", 2023, 0, NULL },
    { "0230", 2023, 0, NULL },
    { "1800-01-01", 0, 0, NULL },
    { "2019-7/1", 0, SL_DATE_PARSE_MONTH, NULL },
    { "2019--07", 0, SL_DATE_PARSE_MONTH, NULL },
    { "2019-07-001", 0, 0, NULL },
    { "2019-07-01x", 0, 0, NULL },
    /* A month alone, a time, or a day without a year only where asked for. */
    { "2019-07", 0, 0, NULL },
    { "201907", 0, 0, NULL },
    { "2019年7月", 0, 0, NULL },
    { "2019/7/1 0:00", 0, 0, NULL },
    { "3-5", 0, 0, NULL },
    { "0305", 0, 0, NULL },
    { "3月5日", 0, SL_DATE_PARSE_MONTH, NULL },
    { "2019", 0, SL_DATE_PARSE_MONTH, NULL },
    { "2019年7", 0, SL_DATE_PARSE_MONTH, NULL },
    { NULL, 2023, 0, NULL },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *date = sl_date_parse (cases[i].text, cases[i].year, cases[i].flags);

      g_test_message ("“%s”", cases[i].text);
      g_assert_cmpstr (date, ==, cases[i].date);
    }
}

/* What the editor's fields take and what they refuse, with the line shown
 * beside a refused field. */
static void
test_checks (void)
{
  g_autofree char *value = NULL;
  g_autofree char *message = NULL;

#define CHECK_OK(call, expected) \
  G_STMT_START { g_clear_pointer (&value, g_free); g_clear_pointer (&message, g_free); \
    g_assert_true (call); g_assert_cmpstr (value, ==, expected); g_assert_null (message); } G_STMT_END
#define CHECK_REFUSED(call, words) \
  G_STMT_START { g_clear_pointer (&value, g_free); g_clear_pointer (&message, g_free); \
    g_assert_false (call); g_assert_null (value); g_assert_nonnull (message); \
    g_assert_nonnull (strstr (message, words)); } G_STMT_END

  CHECK_OK (sl_meeting_draft_check_date ("3-15", 2023, TRUE, &value, &message), "2023-03-15");
  CHECK_OK (sl_meeting_draft_check_date ("2030-05-01", 2023, TRUE, &value, &message), "2030-05-01");
  CHECK_OK (sl_meeting_draft_check_date (" ", 2023, FALSE, &value, &message), NULL);
  CHECK_REFUSED (sl_meeting_draft_check_date ("2023-02-30", 2023, TRUE, &value, &message), "Not a date");
  CHECK_REFUSED (sl_meeting_draft_check_date ("2023-13-01", 2023, FALSE, &value, &message), "Not a date");
  CHECK_REFUSED (sl_meeting_draft_check_date ("", 2023, TRUE, &value, &message), "needs a date");

  CHECK_OK (sl_meeting_draft_check_time ("930", NULL, NULL, &value, &message), "09:30");
  CHECK_OK (sl_meeting_draft_check_time ("11:00", "09:00", NULL, &value, &message), "11:00");
  CHECK_OK (sl_meeting_draft_check_time ("9:00", "09:00", NULL, &value, &message), "09:00");
  CHECK_OK (sl_meeting_draft_check_time ("8:00", NULL, "11:00", &value, &message), "08:00");
  CHECK_OK (sl_meeting_draft_check_time ("", "09:00", NULL, &value, &message), NULL);
  CHECK_REFUSED (sl_meeting_draft_check_time ("8:30", "09:00", NULL, &value, &message), "09:00");
  CHECK_REFUSED (sl_meeting_draft_check_time ("8:30", "09:00", NULL, &value, &message), "Ends before it starts");
  CHECK_REFUSED (sl_meeting_draft_check_time ("12:00", NULL, "11:00", &value, &message), "Starts after it ends");
  CHECK_REFUSED (sl_meeting_draft_check_time ("25:00", NULL, NULL, &value, &message), "Not a time");

  CHECK_OK (sl_meeting_draft_check_title ("某某局党组2023年第1次党组会议", &value, &message),
            "某某局党组2023年第1次党组会议");
  CHECK_REFUSED (sl_meeting_draft_check_title ("", &value, &message), "needs a title");
  CHECK_REFUSED (sl_meeting_draft_check_title (" 　", &value, &message), "needs a title");
  CHECK_REFUSED (sl_meeting_draft_check_title (NULL, &value, &message), "needs a title");

  g_assert_cmpint (sl_meeting_draft_year_change ("2023-05-10", "2030-05-01"), ==, 2030);
  g_assert_cmpint (sl_meeting_draft_year_change ("2023-05-10", "2023-12-31"), ==, 0);
  g_assert_cmpint (sl_meeting_draft_year_change (NULL, "2030-05-01"), ==, 0);
  g_assert_cmpint (sl_meeting_draft_year_change ("2023-05-10", NULL), ==, 0);

#undef CHECK_OK
#undef CHECK_REFUSED
}

/* Moving a draft to another day: what the user typed stays, the rest
 * follows the new suggestion (sl-meeting-suggestion.c, which the meeting
 * editor calls). */
static void
test_follow_suggestion (Fixture       *fixture,
                        gconstpointer  data)
{
  g_autoptr(SlMeeting) earlier = add_meeting (fixture, fixture->a, SL_MEETING_KIND_CENTRAL_GROUP, "2023-05-01");
  g_autoptr(SlMeeting) draft = NULL;
  g_autoptr(SlMeeting) previous = NULL;
  g_autoptr(SlMeeting) next = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *rows = NULL;

  draft = sl_meeting_draft_new (fixture->ledger, id_of (fixture->a),
                                SL_MEETING_KIND_CENTRAL_GROUP, "2023-03-01", &error);
  g_assert_no_error (error);
  previous = sl_meeting_suggestion_new (fixture->ledger, draft, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (sl_record_get_id (SL_RECORD (previous)), ==, id_of (draft));
  g_assert_cmpint (sl_meeting_get_sequence (previous), ==, 1);

  /* The user types a place; then moves the draft past the May meeting
   * and past 李娜's joining. */
  sl_meeting_set_place (draft, "三楼会议室");
  sl_meeting_set_date (draft, "2023-07-01");
  next = sl_meeting_suggestion_new (fixture->ledger, draft, &error);
  g_assert_no_error (error);
  g_assert_cmpint (sl_meeting_get_sequence (next), ==, 2);

  g_assert_true (sl_meeting_suggestion_follow (draft, previous, next, FALSE, FALSE));
  g_assert_cmpint (sl_meeting_get_sequence (draft), ==, 2);
  g_assert_cmpstr (sl_meeting_get_place (draft), ==, "三楼会议室");
  g_assert_cmpstr (sl_meeting_get_chair (draft), ==, sl_meeting_get_chair (next));
  rows = attendance_names (fixture, draft);
  g_assert_cmpstr (rows, ==, "张伟 李娜 刘洋 何旻");

  /* A number set by hand and a roster changed by hand stay too. */
  sl_meeting_set_sequence (draft, 7);
  sl_meeting_set_date (draft, "2023-03-01");
  g_clear_object (&previous);
  previous = g_steal_pointer (&next);
  next = sl_meeting_suggestion_new (fixture->ledger, draft, &error);
  g_assert_no_error (error);
  g_assert_false (sl_meeting_suggestion_follow (draft, previous, next, FALSE, TRUE));
  g_assert_cmpint (sl_meeting_get_sequence (draft), ==, 7);
  g_clear_pointer (&rows, g_free);
  rows = attendance_names (fixture, draft);
  g_assert_cmpstr (rows, ==, "张伟 李娜 刘洋 何旻");

  /* Refill (force) takes every suggested field, the user's too. */
  g_assert_true (sl_meeting_suggestion_follow (draft, next, next, TRUE, TRUE));
  g_assert_cmpint (sl_meeting_get_sequence (draft), ==, 1);
  g_assert_cmpstr (sl_meeting_get_place (draft), ==, sl_meeting_get_place (next));
  g_clear_pointer (&rows, g_free);
  rows = attendance_names (fixture, draft);
  g_assert_cmpstr (rows, ==, "张伟 王芳 刘洋 何旻");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/meeting-draft/sequence", Fixture, NULL, fixture_set_up, test_sequence, fixture_tear_down);
  g_test_add_func ("/meeting-draft/titles", test_titles);
  g_test_add ("/meeting-draft/roster", Fixture, NULL, fixture_set_up, test_roster, fixture_tear_down);
  g_test_add ("/meeting-draft/roster-unmarked", Fixture, NULL, fixture_set_up, test_roster_unmarked, fixture_tear_down);
  g_test_add ("/meeting-draft/plan-item", Fixture, NULL, fixture_set_up, test_plan_item, fixture_tear_down);
  g_test_add ("/meeting-draft/previous", Fixture, NULL, fixture_set_up, test_previous, fixture_tear_down);
  g_test_add_func ("/meeting-draft/no-organization", test_no_organization);
  g_test_add_func ("/meeting-draft/parse", test_parse);
  g_test_add_func ("/meeting-draft/date-spellings", test_date_spellings);
  g_test_add_func ("/meeting-draft/checks", test_checks);
  g_test_add ("/meeting-draft/follow-suggestion", Fixture, NULL, fixture_set_up, test_follow_suggestion, fixture_tear_down);

  return g_test_run ();
}
