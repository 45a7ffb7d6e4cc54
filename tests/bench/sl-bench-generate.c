/* sl-bench-generate.c — synthetic ledgers of a large bureau for the benchmark
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * sl-bench-generate --scale N --seed S --output FILE.db
 *
 * Writes, through SlLedger exactly as the window and import-archive do,
 * N years (ending with 2023) of a large bureau: three organizations (the
 * bureau's 党组 and two branches of its 机关) with about 300 members and
 * some turnover each year, and per year about 500 meetings of every kind,
 * 15,000 attendance rows, 1,000 studies, 500 measures, 1,300 speeches, a
 * plan per organization, a research topic per leader and 24 items of the
 * 党组's topic pool (sl-bench-pool.c), most studied. Texts are built
 * from phrase banks into realistic lengths (summaries of 100–400
 * characters). Everything, ids included, is drawn from one GRand seeded
 * with S: the same scale and seed give the same ledger.
 *
 * On success the last line on stdout is a summary that the benchmark and
 * its smoke test read: "generated: years=… meetings=… attendance=…".
 */

#include "config.h"

#include <glib/gstdio.h>
#include <locale.h>
#include <malloc.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "sl-attendance.h"
#include "sl-bench-phrases.h"
#include "sl-bench-pool.h"
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

#define LAST_YEAR 2023
#define BUREAU    "市生态环境局"

/* The generator ------------------------------------------------------------- */

typedef struct
{
  SlMember *member;
  int       organization;   /* 0 the 党组, 1 and 2 the branches */
  int       group;          /* 党小组 within a branch, -1 for none */
  gboolean  leader;
  gboolean  central;        /* in the central study group */
  int       joined_year;
  int       left_year;      /* 0 while on the roster */
  char     *joined_on;
  char     *left_on;
} Person;

typedef struct
{
  GRand          *rand;
  SlLedger       *ledger;
  SlOrganization *organizations[3];
  GPtrArray      *people;          /* Person */
  GHashTable     *names;           /* names given, to keep them distinct */
  int             first_year;
  int             sequence[3][SL_MEETING_KIND_OTHER + 1];
  SlPlan         *plans[3];        /* this year's */
  SlBenchPool    *pool;            /* the 党组's topic pool */
  /* counts */
  guint           n_meetings, n_attendance, n_studies, n_measures, n_speeches, n_plans, n_topics;
} Gen;

#define BRANCH_GROUPS 15
#define BRANCH_SIZE   150

static char *
make_uuid (GRand *rand)
{
  return g_strdup_printf ("%08x-%04x-4%03x-%04x-%04x%08x",
                          g_rand_int (rand),
                          g_rand_int_range (rand, 0, 0x10000),
                          g_rand_int_range (rand, 0, 0x1000),
                          0x8000 | g_rand_int_range (rand, 0, 0x4000),
                          g_rand_int_range (rand, 0, 0x10000),
                          g_rand_int (rand));
}

static void
set_id (Gen      *gen,
        gpointer  record)
{
  g_autofree char *id = make_uuid (gen->rand);
  sl_record_set_id (SL_RECORD (record), id);
}

static char *
make_date (int year,
           int month,
           int day)
{
  int last = g_date_get_days_in_month (month, year);
  return g_strdup_printf ("%04d-%02d-%02d", year, month, MIN (MAX (day, 1), last));
}

static char *
random_date (Gen *gen,
             int  year)
{
  return make_date (year, g_rand_int_range (gen->rand, 1, 13), g_rand_int_range (gen->rand, 1, 29));
}

/* Sentences until the text is at least @min characters, at most about @max. */
static char *
paragraph (Gen *gen,
           int  min,
           int  max)
{
  GString *text = g_string_new (NULL);
  int target = g_rand_int_range (gen->rand, min, max + 1);

  while ((int) g_utf8_strlen (text->str, -1) < target)
    {
      switch (g_rand_int_range (gen->rand, 0, 3))
        {
        case 0:
          g_string_append_printf (text, "%s，要%s，%s。", SL_BENCH_PICK (gen->rand, sl_bench_openings),
                                  SL_BENCH_PICK (gen->rand, sl_bench_actions), SL_BENCH_PICK (gen->rand, sl_bench_results));
          break;
        case 1:
          g_string_append_printf (text, "%s，必须%s，%s，%s。", SL_BENCH_PICK (gen->rand, sl_bench_openings),
                                  SL_BENCH_PICK (gen->rand, sl_bench_actions), SL_BENCH_PICK (gen->rand, sl_bench_actions),
                                  SL_BENCH_PICK (gen->rand, sl_bench_results));
          break;
        default:
          g_string_append_printf (text, "%s%s，%s。", SL_BENCH_PICK (gen->rand, sl_bench_speech_leads),
                                  SL_BENCH_PICK (gen->rand, sl_bench_speech_middles), SL_BENCH_PICK (gen->rand, sl_bench_results));
          break;
        }
    }

  return g_string_free (text, FALSE);
}

static char *
speech_text (Gen *gen)
{
  GString *text = g_string_new (SL_BENCH_PICK (gen->rand, sl_bench_speech_leads));
  int n = g_rand_int_range (gen->rand, 2, 5);

  for (int i = 0; i < n; i++)
    g_string_append_printf (text, "%s%s", SL_BENCH_PICK (gen->rand, sl_bench_speech_middles), i + 1 < n ? "；" : "。");
  g_string_append (text, SL_BENCH_PICK (gen->rand, sl_bench_speech_ends));
  return g_string_free (text, FALSE);
}

static char *
person_name (Gen *gen)
{
  for (;;)
    {
      char *name = g_strconcat (SL_BENCH_PICK (gen->rand, sl_bench_surnames), SL_BENCH_PICK (gen->rand, sl_bench_given),
                                g_rand_boolean (gen->rand) ? SL_BENCH_PICK (gen->rand, sl_bench_given) : "", NULL);
      if (g_utf8_strlen (name, -1) <= 4 && !g_hash_table_contains (gen->names, name))
        {
          g_hash_table_add (gen->names, g_strdup (name));
          return name;
        }
      g_free (name);
    }
}

static Person *
add_person (Gen        *gen,
            int         organization,
            int         year,
            gboolean    leader,
            gboolean    central,
            const char *post)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *name = person_name (gen);
  Person *person = g_new0 (Person, 1);
  SlMember *member = sl_member_new ();
  g_autofree char *phone = g_strdup_printf ("1%02d%08d", g_rand_int_range (gen->rand, 30, 90),
                                            g_rand_int_range (gen->rand, 0, 100000000));

  set_id (gen, member);
  person->member = member;
  person->organization = organization;
  person->group = organization > 0 ? g_rand_int_range (gen->rand, 0, BRANCH_GROUPS) : -1;
  person->leader = leader;
  person->central = central;
  person->joined_year = year;
  person->joined_on = year > gen->first_year ? random_date (gen, year) : NULL;

  sl_member_set_name (member, name);
  sl_member_set_gender (member, g_rand_boolean (gen->rand) ? "男" : "女");
  sl_member_set_post (member, post);
  sl_member_set_organization (member, sl_record_get_id (SL_RECORD (gen->organizations[organization])));
  sl_member_set_leadership (member, leader);
  sl_member_set_central_group (member, central);
  sl_member_set_joined_on (member, person->joined_on);
  sl_member_set_sort (member, gen->people->len + 1);
  sl_member_set_phone (member, phone);

  if (!sl_ledger_save_member (gen->ledger, member, &error))
    g_error ("member: %s", error->message);

  g_ptr_array_add (gen->people, person);
  return person;
}

static const char *organization_names[3] = {
  BUREAU "党组", BUREAU "机关第一党支部", BUREAU "机关第二党支部",
};

static const char *branch_short[3] = { "", "机关第一党支部", "机关第二党支部" };

static void
add_organizations (Gen *gen)
{
  for (int i = 0; i < 3; i++)
    {
      g_autoptr(GError) error = NULL;
      SlOrganization *organization = sl_organization_new ();

      set_id (gen, organization);
      sl_organization_set_name (organization, organization_names[i]);
      sl_organization_set_kind (organization,
                                i == 0 ? SL_ORGANIZATION_KIND_PARTY_GROUP : SL_ORGANIZATION_KIND_BRANCH);
      if (i > 0)
        sl_organization_set_parent (organization, sl_record_get_id (SL_RECORD (gen->organizations[0])));
      if (!sl_ledger_save_organization (gen->ledger, organization, &error))
        g_error ("organization: %s", error->message);
      gen->organizations[i] = organization;
    }
}

static Person *
add_branch_member (Gen *gen,
                   int  branch,
                   int  year,
                   int  index)
{
  /* The first eight of each branch head a department and sit in the
   * central study group; the rest are its staff. */
  const char *department = sl_bench_departments.words[(index + branch * 8) % sl_bench_departments.n];
  g_autofree char *post = g_strconcat (department,
                                       index < 8 ? "处长" : SL_BENCH_PICK (gen->rand, sl_bench_posts), NULL);

  return add_person (gen, branch, year, FALSE, index < 8, post);
}

static void
add_roster (Gen *gen)
{
  for (guint i = 0; i < sl_bench_leader_posts.n; i++)
    add_person (gen, 0, gen->first_year, i < 8, TRUE, sl_bench_leader_posts.words[i]);

  for (int branch = 1; branch <= 2; branch++)
    for (int i = 0; i < BRANCH_SIZE; i++)
      add_branch_member (gen, branch, gen->first_year, i);
}

static gboolean
is_active (Person     *person,
           const char *date)
{
  return (person->joined_on == NULL || strcmp (person->joined_on, date) <= 0) &&
         (person->left_on == NULL || strcmp (person->left_on, date) >= 0);
}

/* About one in twenty-five of a branch leaves each year and as many join;
 * every fourth year one leader retires and another is appointed. */
static void
turn_over (Gen *gen,
           int  year)
{
  guint n = gen->people->len;

  for (guint i = 0; i < n; i++)
    {
      Person *person = g_ptr_array_index (gen->people, i);
      g_autoptr(GError) error = NULL;
      gboolean leaves;

      if (person->left_on != NULL)
        continue;
      if (person->leader)
        leaves = year % 4 == 0 && i % 8 == (guint) (year / 4) % 8 && i != 0;
      else
        leaves = person->organization > 0 && g_rand_int_range (gen->rand, 0, 25) == 0;
      if (!leaves)
        continue;

      person->left_on = random_date (gen, year);
      person->left_year = year;
      sl_member_set_left_on (person->member, person->left_on);
      if (!sl_ledger_save_member (gen->ledger, person->member, &error))
        g_error ("member: %s", error->message);

      if (person->leader)
        add_person (gen, 0, year, TRUE, TRUE, sl_member_get_post (person->member));
      else
        add_branch_member (gen, person->organization, year, 8 + g_rand_int_range (gen->rand, 0, BRANCH_SIZE - 8));
    }
}

static Person *
first_of (Gen        *gen,
          int         organization,
          const char *date,
          int         skip)
{
  for (guint i = 0; i < gen->people->len; i++)
    {
      Person *person = g_ptr_array_index (gen->people, i);
      if (person->organization == organization && is_active (person, date) && skip-- <= 0)
        return person;
    }
  return NULL;
}

/* Plans ----------------------------------------------------------------------- */

static void
add_plans (Gen *gen,
           int  year)
{
  for (int o = 0; o < 3; o++)
    {
      g_autoptr(GError) error = NULL;
      g_autofree char *date = g_strdup_printf ("%04d-01-01", year);
      g_autofree char *title = NULL;
      g_autofree char *guiding = paragraph (gen, 150, 300);
      g_autofree char *focus = paragraph (gen, 150, 300);
      g_autofree char *requirements = paragraph (gen, 100, 250);
      SlPlan *plan = sl_plan_new ();
      Person *secretary = first_of (gen, o, date, 0);
      Person *second = first_of (gen, o, date, 1);

      set_id (gen, plan);
      title = o == 0 ? g_strdup_printf (BUREAU "党组理论学习中心组%d年度学习计划", year)
                     : g_strdup_printf ("%s%d年度党员学习教育计划", branch_short[o], year);
      sl_plan_set_organization (plan, sl_record_get_id (SL_RECORD (gen->organizations[o])));
      sl_plan_set_year (plan, year);
      sl_plan_set_title (plan, title);
      sl_plan_set_guiding (plan, guiding);
      sl_plan_set_focus (plan, focus);
      sl_plan_set_forms (plan, "采取集中学习、专题研讨、辅导报告、调研交流、现场教学相结合的方式，"
                               "每两个月至少开展一次集体学习，每次集中学习原则上不少于半天。");
      sl_plan_set_requirements (plan, requirements);

      for (int month = 1; month <= 12; month++)
        {
          g_autoptr(SlPlanItem) item = sl_plan_item_new ();
          g_autofree char *theme = g_strdup_printf ("学习%s", SL_BENCH_PICK (gen->rand, sl_bench_studied_texts));
          g_autofree char *content = paragraph (gen, 50, 120);
          g_autofree char *planned_on = make_date (year, month, g_rand_int_range (gen->rand, 5, 26));
          const char *leads[] = { secretary ? sl_record_get_id (SL_RECORD (secretary->member)) : NULL, NULL };
          const char *speakers[] = { second ? sl_record_get_id (SL_RECORD (second->member)) : NULL, NULL };
          int status = g_rand_int_range (gen->rand, 0, 20);

          set_id (gen, item);
          sl_plan_item_set_month (item, month);
          sl_plan_item_set_planned_on (item, planned_on);
          sl_plan_item_set_theme (item, theme);
          sl_plan_item_set_content (item, content);
          sl_plan_item_set_form (item, g_rand_int_range (gen->rand, SL_STUDY_FORM_COLLECTIVE_STUDY,
                                                         SL_STUDY_FORM_OTHER));
          sl_plan_item_set_leads (item, leads[0] ? leads : NULL);
          sl_plan_item_set_speakers (item, speakers[0] ? speakers : NULL);
          sl_plan_item_set_scope (item, o == 0 ? "党组理论学习中心组成员" : "支部全体党员");
          sl_plan_item_set_department (item, o == 0 ? "办公室" : "机关党委");
          sl_plan_item_set_status (item, status == 0 ? SL_PLAN_ITEM_STATUS_CANCELLED
                                         : status < 3 ? SL_PLAN_ITEM_STATUS_ADJUSTED
                                         : SL_PLAN_ITEM_STATUS_PLANNED);
          g_list_store_append (G_LIST_STORE (sl_plan_get_items (plan)), item);
        }

      if (!sl_ledger_save_plan (gen->ledger, plan, SL_SAVE_IN_TRANSACTION, &error))
        g_error ("plan: %s", error->message);
      g_clear_object (&gen->plans[o]);
      gen->plans[o] = plan;
      gen->n_plans++;
    }
}

static const char *
plan_item_for (Gen *gen,
               int  organization,
               int  month)
{
  GListModel *items = sl_plan_get_items (gen->plans[organization]);
  g_autoptr(SlPlanItem) item = g_list_model_get_item (items, month - 1);

  return item ? sl_record_get_id (SL_RECORD (item)) : NULL;
}

/* Meetings -------------------------------------------------------------------- */

typedef enum
{
  ROSTER_ORGANIZATION,   /* everyone in the organization */
  ROSTER_CENTRAL,        /* the central study group */
  ROSTER_EVERYONE,       /* the whole bureau */
  ROSTER_COMMITTEE,      /* the branch committee: its first seven */
  ROSTER_GROUP,          /* one 党小组 */
  ROSTER_SOME,           /* twenty of the organization */
} Roster;

typedef struct
{
  int            organization;
  SlMeetingKind  kind;
  int            per_year;
  Roster         roster;
  int            studies_min, studies_max;
  int            speeches_min, speeches_max;
  int            measures_min, measures_max;
} Schedule;

static const Schedule schedules[] = {
  { 0, SL_MEETING_KIND_PARTY_GROUP,        30, ROSTER_ORGANIZATION, 1, 2, 2, 4, 3, 6 },
  { 0, SL_MEETING_KIND_CENTRAL_GROUP,      12, ROSTER_CENTRAL,      2, 4, 5, 8, 2, 4 },
  { 0, SL_MEETING_KIND_IDEOLOGY,            2, ROSTER_ORGANIZATION, 1, 1, 3, 3, 2, 2 },
  { 0, SL_MEETING_KIND_SITUATION_ANALYSIS,  2, ROSTER_ORGANIZATION, 1, 1, 3, 3, 2, 2 },
  { 0, SL_MEETING_KIND_TRAINING,            8, ROSTER_EVERYONE,     1, 3, 0, 1, 0, 1 },
  { 0, SL_MEETING_KIND_OTHER,               2, ROSTER_ORGANIZATION, 0, 1, 0, 2, 0, 1 },
#define BRANCH_SCHEDULE(o) \
  { o, SL_MEETING_KIND_BRANCH_ASSEMBLY,    12, ROSTER_ORGANIZATION, 2, 3, 2, 4, 1, 3 }, \
  { o, SL_MEETING_KIND_BRANCH_COMMITTEE,   12, ROSTER_COMMITTEE,    1, 1, 1, 3, 1, 3 }, \
  { o, SL_MEETING_KIND_GROUP_MEETING,     180, ROSTER_GROUP,        1, 3, 1, 3, 0, 1 }, \
  { o, SL_MEETING_KIND_PARTY_LECTURE,       8, ROSTER_ORGANIZATION, 1, 1, 0, 1, 0, 1 }, \
  { o, SL_MEETING_KIND_TRAINING,            6, ROSTER_ORGANIZATION, 1, 3, 0, 1, 0, 1 }, \
  { o, SL_MEETING_KIND_OTHER,               4, ROSTER_SOME,         0, 1, 0, 2, 0, 1 }
  BRANCH_SCHEDULE (1),
  BRANCH_SCHEDULE (2),
#undef BRANCH_SCHEDULE
};

static const char *
kind_name (SlMeetingKind kind)
{
  switch (kind)
    {
    case SL_MEETING_KIND_PARTY_GROUP:        return "党组会议";
    case SL_MEETING_KIND_CENTRAL_GROUP:      return "集体学习";
    case SL_MEETING_KIND_IDEOLOGY:           return "意识形态工作专题会议";
    case SL_MEETING_KIND_SITUATION_ANALYSIS: return "思想政治工作形势分析会";
    case SL_MEETING_KIND_BRANCH_ASSEMBLY:    return "支部党员大会";
    case SL_MEETING_KIND_BRANCH_COMMITTEE:   return "支委会";
    case SL_MEETING_KIND_GROUP_MEETING:      return "党小组会";
    case SL_MEETING_KIND_PARTY_LECTURE:      return "专题党课";
    case SL_MEETING_KIND_TRAINING:           return "专题培训";
    case SL_MEETING_KIND_OTHER:              return "主题党日活动";
    case SL_MEETING_KIND_NONE:
    default:                                 return "会议";
    }
}

static char *
meeting_title (int           organization,
               SlMeetingKind kind,
               int           group,
               int           year,
               int           sequence)
{
  if (kind == SL_MEETING_KIND_CENTRAL_GROUP)
    return g_strdup_printf (BUREAU "党组理论学习中心组%d年第%d次集体学习", year, sequence);
  if (kind == SL_MEETING_KIND_GROUP_MEETING)
    return g_strdup_printf ("%s第%s党小组%d年第%d次党小组会", branch_short[organization],
                            sl_bench_group_numbers.words[group], year, sequence);
  if (organization == 0)
    return g_strdup_printf (BUREAU "%s%d年第%d次%s", kind == SL_MEETING_KIND_TRAINING ? "" : "党组",
                            year, sequence, kind_name (kind));
  return g_strdup_printf ("%s%d年第%d次%s", branch_short[organization], year, sequence, kind_name (kind));
}

static GPtrArray *
roster_of (Gen           *gen,
           const Schedule *schedule,
           int             group,
           const char     *date)
{
  GPtrArray *roster = g_ptr_array_new ();
  int organization = schedule->organization;

  for (guint i = 0; i < gen->people->len; i++)
    {
      Person *person = g_ptr_array_index (gen->people, i);
      gboolean in = FALSE;

      if (!is_active (person, date))
        continue;

      switch (schedule->roster)
        {
        case ROSTER_ORGANIZATION:
        case ROSTER_COMMITTEE:
        case ROSTER_SOME:
          in = person->organization == organization;
          break;
        case ROSTER_CENTRAL:
          in = person->central;
          break;
        case ROSTER_EVERYONE:
          in = TRUE;
          break;
        case ROSTER_GROUP:
          in = person->organization == organization && person->group == group;
          break;
        default:
          g_assert_not_reached ();
        }
      if (in)
        g_ptr_array_add (roster, person);
    }

  if (schedule->roster == ROSTER_COMMITTEE && roster->len > 7)
    g_ptr_array_set_size (roster, 7);
  if (schedule->roster == ROSTER_SOME)
    while (roster->len > 20)
      g_ptr_array_remove_index (roster, g_rand_int_range (gen->rand, 0, roster->len));

  return roster;
}

static void
add_attendance (Gen       *gen,
                SlMeeting *meeting,
                GPtrArray *roster,
                const char *date)
{
  GListStore *store = G_LIST_STORE (sl_meeting_get_attendance (meeting));

  for (guint i = 0; i < roster->len; i++)
    {
      Person *person = g_ptr_array_index (roster, i);
      g_autoptr(SlAttendance) row = sl_attendance_new ();
      int draw = g_rand_int_range (gen->rand, 0, 100);

      sl_attendance_set_member (row, sl_record_get_id (SL_RECORD (person->member)));
      if (draw < (person->leader ? 84 : 91))
        {
          sl_attendance_set_status (row, SL_ATTENDANCE_STATUS_PRESENT);
          sl_attendance_set_late (row, g_rand_int_range (gen->rand, 0, 50) == 0);
          sl_attendance_set_left_early (row, g_rand_int_range (gen->rand, 0, 80) == 0);
        }
      else
        {
          gboolean leave = draw < 97;

          sl_attendance_set_status (row, leave ? SL_ATTENDANCE_STATUS_LEAVE : SL_ATTENDANCE_STATUS_ABSENT);
          if (leave)
            {
              sl_attendance_set_leave_kind (row, g_rand_int_range (gen->rand, SL_LEAVE_KIND_OFFICIAL,
                                                                   SL_LEAVE_KIND_PERSONAL + 1));
              sl_attendance_set_reason (row, SL_BENCH_PICK (gen->rand, sl_bench_leave_reasons));
            }
          if (g_rand_int_range (gen->rand, 0, 10) < (leave ? 7 : 5))
            {
              g_autofree char *on = g_strdup (date);
              sl_attendance_set_has_makeup (row, TRUE);
              sl_attendance_set_makeup_on (row, on);
              sl_attendance_set_makeup_method (row, SL_BENCH_PICK (gen->rand, sl_bench_makeup_methods));
              sl_attendance_set_makeup_evidence (row, "学习笔记、心得体会已存档");
            }
        }
      g_list_store_append (store, row);
    }
  gen->n_attendance += roster->len;
}

static void
add_meeting (Gen            *gen,
             const Schedule *schedule,
             int             year,
             int             sequence,
             int             group,
             const char     *date)
{
  g_autoptr(SlMeeting) meeting = sl_meeting_new ();
  g_autoptr(GPtrArray) roster = roster_of (gen, schedule, group, date);
  g_autoptr(GError) error = NULL;
  g_autofree char *title = meeting_title (schedule->organization, schedule->kind, group, year, sequence);
  g_autofree char *theme = NULL;
  g_autofree char *summary = paragraph (gen, 100, 400);
  Person *chair, *recorder;
  int month = atoi (date + 5);
  gboolean morning;
  int n;

  if (roster->len == 0)
    return;

  chair = g_ptr_array_index (roster, 0);
  recorder = g_ptr_array_index (roster, roster->len > 2 ? roster->len - 1 : 0);

  set_id (gen, meeting);
  theme = g_rand_boolean (gen->rand) ? g_strdup_printf ("学习贯彻%s", SL_BENCH_PICK (gen->rand, sl_bench_studied_texts))
                                     : g_strdup (SL_BENCH_PICK (gen->rand, sl_bench_actions));
  sl_meeting_set_organization (meeting, sl_record_get_id (SL_RECORD (gen->organizations[schedule->organization])));
  sl_meeting_set_kind (meeting, schedule->kind);
  sl_meeting_set_sequence (meeting, sequence);
  sl_meeting_set_title (meeting, title);
  sl_meeting_set_date (meeting, date);
  morning = g_rand_boolean (gen->rand);
  sl_meeting_set_start (meeting, morning ? "09:00" : "14:30");
  sl_meeting_set_end (meeting, morning ? "11:30" : "17:00");
  sl_meeting_set_place (meeting, SL_BENCH_PICK (gen->rand, sl_bench_places));
  sl_meeting_set_chair (meeting, sl_record_get_id (SL_RECORD (chair->member)));
  sl_meeting_set_recorder (meeting, sl_record_get_id (SL_RECORD (recorder->member)));
  sl_meeting_set_form (meeting, g_rand_int_range (gen->rand, SL_STUDY_FORM_COLLECTIVE_STUDY, SL_STUDY_FORM_OTHER));
  sl_meeting_set_theme (meeting, theme);
  sl_meeting_set_chair_summary (meeting, summary);
  if (schedule->kind == SL_MEETING_KIND_PARTY_GROUP)
    {
      g_autofree char *decisions = paragraph (gen, 50, 200);
      sl_meeting_set_decisions (meeting, decisions);
    }
  if (schedule->kind == SL_MEETING_KIND_CENTRAL_GROUP)
    {
      sl_meeting_set_expanded (meeting, sequence % 3 == 0);
      if (g_rand_int_range (gen->rand, 0, 5) > 0)
        sl_meeting_set_plan_item (meeting, plan_item_for (gen, 0, month));
    }
  else if (schedule->kind == SL_MEETING_KIND_BRANCH_ASSEMBLY && g_rand_int_range (gen->rand, 0, 4) > 0)
    sl_meeting_set_plan_item (meeting, plan_item_for (gen, schedule->organization, month));
  if (g_rand_int_range (gen->rand, 0, 10) == 0)
    sl_meeting_set_note (meeting, "扩大会议，邀请有关处室负责同志列席。");

  n = g_rand_int_range (gen->rand, schedule->studies_min, schedule->studies_max + 1);
  for (int i = 0; i < n; i++)
    {
      g_autoptr(SlStudy) study = sl_study_new ();
      g_autofree char *study_summary = paragraph (gen, 100, 400);
      g_autofree char *published = NULL;
      Person *lead = g_ptr_array_index (roster, g_rand_int_range (gen->rand, 0, MIN (roster->len, 5)));

      set_id (gen, study);
      sl_study_set_title (study, SL_BENCH_PICK (gen->rand, sl_bench_studied_texts));
      sl_study_set_source (study, SL_BENCH_PICK (gen->rand, sl_bench_sources));
      if (g_rand_int_range (gen->rand, 0, 3) > 0)
        {
          published = make_date (year, MAX (month - 1, 1), g_rand_int_range (gen->rand, 1, 29));
          if (strcmp (published, date) > 0)
            g_clear_pointer (&published, g_free);
        }
      sl_study_set_published_on (study, published);
      sl_study_set_lead (study, sl_record_get_id (SL_RECORD (lead->member)));
      sl_study_set_first_topic (study, i == 0 && schedule->kind == SL_MEETING_KIND_PARTY_GROUP);
      if (i == 0 && schedule->kind == SL_MEETING_KIND_PARTY_GROUP)
        sl_study_set_topic (study, sl_bench_pool_take (gen->pool, date));
      sl_study_set_summary (study, study_summary);
      g_list_store_append (G_LIST_STORE (sl_meeting_get_studies (meeting)), study);
    }
  gen->n_studies += n;

  add_attendance (gen, meeting, roster, date);

  if (sl_meeting_get_expanded (meeting))
    for (int i = 0; i < 3; i++)
      {
        g_autoptr(SlGuest) guest = sl_guest_new ();
        g_autofree char *name = person_name (gen);
        g_autofree char *post = g_strconcat (SL_BENCH_PICK (gen->rand, sl_bench_departments), "负责同志", NULL);

        sl_guest_set_name (guest, name);
        sl_guest_set_post (guest, post);
        g_list_store_append (G_LIST_STORE (sl_meeting_get_guests (meeting)), guest);
      }

  n = g_rand_int_range (gen->rand, schedule->speeches_min, schedule->speeches_max + 1);
  for (int i = 0; i < n; i++)
    {
      g_autoptr(SlSpeech) speech = sl_speech_new ();
      g_autofree char *points = speech_text (gen);
      Person *speaker = g_ptr_array_index (roster, g_rand_int_range (gen->rand, 0, roster->len));

      sl_speech_set_speaker (speech, sl_record_get_id (SL_RECORD (speaker->member)));
      sl_speech_set_points (speech, points);
      g_list_store_append (G_LIST_STORE (sl_meeting_get_speeches (meeting)), speech);
    }
  gen->n_speeches += n;

  n = g_rand_int_range (gen->rand, schedule->measures_min, schedule->measures_max + 1);
  for (int i = 0; i < n; i++)
    {
      g_autoptr(SlMeasure) measure = sl_measure_new ();
      g_autofree char *text = g_strconcat (SL_BENCH_PICK (gen->rand, sl_bench_measure_actions),
                                           SL_BENCH_PICK (gen->rand, sl_bench_measure_objects), NULL);
      g_autoptr(GDate) due = g_date_new ();
      char due_on[11];
      Person *owner = first_of (gen, 0, date, g_rand_int_range (gen->rand, 0, 6));
      int status = g_rand_int_range (gen->rand, 0, 10);

      g_date_set_parse (due, date);
      g_date_add_days (due, g_rand_int_range (gen->rand, 30, 121));
      g_date_strftime (due_on, sizeof due_on, "%Y-%m-%d", due);

      set_id (gen, measure);
      sl_measure_set_text (measure, text);
      sl_measure_set_owner (measure, owner ? sl_record_get_id (SL_RECORD (owner->member)) : NULL);
      sl_measure_set_department (measure, SL_BENCH_PICK (gen->rand, sl_bench_departments));
      sl_measure_set_due_on (measure, due_on);
      sl_measure_set_status (measure, status < 7 ? SL_MEASURE_STATUS_DONE
                                      : status < 9 ? SL_MEASURE_STATUS_IN_PROGRESS
                                      : SL_MEASURE_STATUS_OPEN);
      if (status < 7)
        sl_measure_set_done_on (measure, due_on);
      sl_measure_set_progress (measure, SL_BENCH_PICK (gen->rand, sl_bench_progress_texts));
      g_list_store_append (G_LIST_STORE (sl_meeting_get_measures (meeting)), measure);
    }
  gen->n_measures += n;

  if (!sl_ledger_save_meeting (gen->ledger, meeting, SL_SAVE_IN_TRANSACTION, &error))
    g_error ("meeting %s: %s", title, error->message);
  gen->n_meetings++;
}

static void
add_meetings (Gen *gen,
              int  year)
{
  for (guint s = 0; s < G_N_ELEMENTS (schedules); s++)
    {
      const Schedule *schedule = &schedules[s];
      int groups = schedule->roster == ROSTER_GROUP ? BRANCH_GROUPS : 1;
      int per_group = schedule->per_year / groups;

      for (int group = 0; group < groups; group++)
        for (int i = 0; i < per_group; i++)
          {
            /* Spread over the year, a little jitter inside each slot. */
            int slot = 360 / per_group;
            int day_of_year = i * slot + g_rand_int_range (gen->rand, 0, MAX (slot - 1, 1));
            GDate *day = g_date_new_dmy (1, G_DATE_JANUARY, year);
            char date[11];

            g_date_add_days (day, MIN (day_of_year, 363));
            g_date_strftime (date, sizeof date, "%Y-%m-%d", day);
            g_date_free (day);

            add_meeting (gen, schedule, year, i + 1, groups > 1 ? group : 0, date);
          }
    }
}

static void
add_research_topics (Gen *gen,
                     int  year)
{
  g_autofree char *date = g_strdup_printf ("%04d-06-30", year);

  for (guint i = 0; i < gen->people->len; i++)
    {
      Person *person = g_ptr_array_index (gen->people, i);
      g_autoptr(SlResearchTopic) topic = NULL;
      g_autoptr(GError) error = NULL;
      g_autofree char *title = NULL;

      if (!person->leader || !is_active (person, date))
        continue;

      topic = sl_research_topic_new ();
      set_id (gen, topic);
      title = g_strdup_printf ("关于%s的调研", SL_BENCH_PICK (gen->rand, sl_bench_measure_objects));
      sl_research_topic_set_organization (topic, sl_record_get_id (SL_RECORD (gen->organizations[0])));
      sl_research_topic_set_year (topic, year);
      sl_research_topic_set_lead (topic, sl_record_get_id (SL_RECORD (person->member)));
      sl_research_topic_set_title (topic, title);
      sl_research_topic_set_status (topic, year < LAST_YEAR ? SL_TOPIC_STATUS_DONE : SL_TOPIC_STATUS_IN_PROGRESS);
      if (!sl_ledger_save_research_topic (gen->ledger, topic, &error))
        g_error ("research topic: %s", error->message);
      gen->n_topics++;
    }
}

static void
person_free (gpointer data)
{
  Person *person = data;

  g_object_unref (person->member);
  g_free (person->joined_on);
  g_free (person->left_on);
  g_free (person);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *output = NULL;
  g_autofree char *temporary = NULL;
  static const char *suffixes[] = { "", "-wal", "-shm" };
  int scale = 1;
  int seed = 1;
  gint64 started;
  Gen gen = { 0 };
  GOptionEntry entries[] = {
    { "scale", 0, 0, G_OPTION_ARG_INT, &scale, "Years of records (1, 10, 100...)", "N" },
    { "seed", 0, 0, G_OPTION_ARG_INT, &seed, "Seed of the random draws", "S" },
    { "output", 0, 0, G_OPTION_ARG_FILENAME, &output, "The ledger to write (must not exist)", "FILE.db" },
    { NULL }
  };

  /* As app/main.c does. */
  mallopt (M_TRIM_THRESHOLD, 32 * 1024 * 1024);
  setlocale (LC_ALL, "");
  context = g_option_context_new (NULL);
  g_option_context_set_summary (context, "Writes a synthetic ledger of SCALE years ending in 2023.");
  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    {
      g_printerr ("sl-bench-generate: %s\n", error->message);
      return 2;
    }
  if (output == NULL || scale < 1 || scale > 1000)
    {
      g_printerr ("sl-bench-generate: --output FILE.db is required and --scale is 1 to 1000\n");
      return 2;
    }

  /* Written aside and renamed when complete: an interrupted run leaves
   * nothing that a cache could take for a ledger. */
  temporary = g_strconcat (output, ".part", NULL);
  for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++)
    {
      g_autofree char *file = g_strconcat (temporary, suffixes[i], NULL);
      g_unlink (file);
    }

  started = g_get_monotonic_time ();
  gen.rand = g_rand_new_with_seed (seed);
  gen.ledger = sl_ledger_open (temporary, &error);
  if (gen.ledger == NULL)
    {
      g_printerr ("sl-bench-generate: %s\n", error->message);
      return 1;
    }
  gen.people = g_ptr_array_new_with_free_func (person_free);
  gen.names = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  gen.first_year = LAST_YEAR - scale + 1;

  if (!sl_ledger_begin (gen.ledger, &error))
    g_error ("%s", error->message);
  add_organizations (&gen);
  add_roster (&gen);
  gen.pool = sl_bench_pool_new (gen.ledger, sl_record_get_id (SL_RECORD (gen.organizations[0])), seed);
  if (!sl_ledger_commit (gen.ledger, &error))
    g_error ("%s", error->message);

  for (int year = gen.first_year; year <= LAST_YEAR; year++)
    {
      if (!sl_ledger_begin (gen.ledger, &error))
        g_error ("%s", error->message);
      if (year > gen.first_year)
        turn_over (&gen, year);
      add_plans (&gen, year);
      sl_bench_pool_add_year (gen.pool, year);
      add_meetings (&gen, year);
      add_research_topics (&gen, year);
      if (!sl_ledger_commit (gen.ledger, &error))
        g_error ("%s", error->message);
      if (scale >= 10 && (year - gen.first_year + 1) % 10 == 0)
        g_printerr ("sl-bench-generate: %d of %d years\n", year - gen.first_year + 1, scale);
    }

  /* One self-contained file: no WAL beside it. */
  if (!sl_database_exec (sl_ledger_get_database (gen.ledger), "PRAGMA wal_checkpoint(TRUNCATE)", &error))
    g_error ("%s", error->message);

  g_print ("generated: years=%d-%d organizations=3 members=%u plans=%u meetings=%u attendance=%u "
           "studies=%u speeches=%u measures=%u research_topics=%u pool_items=%u seconds=%.1f\n",
           gen.first_year, LAST_YEAR, gen.people->len, gen.n_plans, gen.n_meetings, gen.n_attendance,
           gen.n_studies, gen.n_speeches, gen.n_measures, gen.n_topics,
           sl_bench_pool_count (gen.pool),
           (g_get_monotonic_time () - started) / 1e6);

  for (int i = 0; i < 3; i++)
    {
      g_clear_object (&gen.organizations[i]);
      g_clear_object (&gen.plans[i]);
    }
  sl_bench_pool_free (gen.pool);
  g_ptr_array_unref (gen.people);
  g_hash_table_unref (gen.names);
  g_clear_object (&gen.ledger);
  g_rand_free (gen.rand);

  {
    g_autofree char *wal = g_strconcat (temporary, "-wal", NULL);
    g_autofree char *shm = g_strconcat (temporary, "-shm", NULL);
    g_unlink (wal);
    g_unlink (shm);
  }
  if (g_rename (temporary, output) != 0)
    {
      g_printerr ("sl-bench-generate: cannot rename %s to %s\n", temporary, output);
      return 1;
    }

  return 0;
}
