/* sl-meeting-draft.c — what a new meeting most likely is, worked out from the ledger
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A secretary logs the same kinds of meeting again and again: the same
 * chair, recorder, room and times, the same people expected, the next
 * number in the year and the next item of the yearly plan. These functions
 * work that out so that the editor opens with a meeting that is already
 * nearly right. They read the ledger and never write it.
 *
 * Who is expected (ARCHIVE.md, DOMAIN.md): the members active on the day
 * (joined_on ≤ date ≤ left_on) who belong to the meeting's organization,
 * and of these
 *   central_group                       the central study group members;
 *   party_group, ideology,
 *   situation_analysis                  the leadership members;
 *   branch kinds                        every member of that branch only;
 *   training, other                     everyone.
 * A roster that marks nobody as leadership (or central group) would
 * leave such a meeting with nobody expected: then the leadership stands
 * in for the central group, and everyone for the leadership
 * (sl_meeting_draft_roster_basis() says which).
 * Leaders are usually on the roll of a branch, not of the party group
 * itself, and rosters rarely say which party group a branch answers to.
 * So a member belongs to a party group (or committee) when their branch
 * lies below it, or lies below no party group or committee at all; a
 * member of another party group's branch does not. Members with no
 * organization count as the ledger's own.
 *
 * Only 中心组学习 sessions take the next plan item by default: the yearly
 * plan is the central group's arrangement table. Any meeting can still
 * name an item by hand.
 *
 * The number in the year and the title are worked out in
 * sl-meeting-draft-title.c.
 */

#define G_LOG_DOMAIN "sl-meeting-draft"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <stdlib.h>
#include <string.h>

#include "sl-attendance.h"
#include "sl-date.h"
#include "sl-ledger.h"
#include "sl-meeting.h"
#include "sl-meeting-draft.h"
#include "sl-meeting-draft-title-private.h"
#include "sl-member.h"
#include "sl-organization.h"
#include "sl-plan.h"
#include "sl-plan-item.h"
#include "sl-util.h"

static gboolean
is_branch_kind (SlMeetingKind kind)
{
  return kind == SL_MEETING_KIND_BRANCH_ASSEMBLY ||
         kind == SL_MEETING_KIND_BRANCH_COMMITTEE ||
         kind == SL_MEETING_KIND_GROUP_MEETING ||
         kind == SL_MEETING_KIND_PARTY_LECTURE;
}

static gboolean
is_leadership_kind (SlMeetingKind kind)
{
  return kind == SL_MEETING_KIND_PARTY_GROUP ||
         kind == SL_MEETING_KIND_IDEOLOGY ||
         kind == SL_MEETING_KIND_SITUATION_ANALYSIS;
}

static gboolean
is_party_level (SlOrganization *organization)
{
  SlOrganizationKind kind = organization ? sl_organization_get_kind (organization) : SL_ORGANIZATION_KIND_NONE;

  return kind == SL_ORGANIZATION_KIND_PARTY_GROUP || kind == SL_ORGANIZATION_KIND_PARTY_COMMITTEE;
}

/* TRUE if a member of @home belongs to @meeting_org: @home is it or lies
 * below it, or @meeting_org is a party group or committee and @home lies
 * below no other one. */
static gboolean
organization_belongs (SlLedger   *ledger,
                      const char *home,
                      const char *meeting_org)
{
  /* The depth bound stops a loop of parents, which the schema allows. */
  for (guint depth = 0; home != NULL && depth < 32; depth++)
    {
      SlOrganization *found;

      if (g_strcmp0 (home, meeting_org) == 0)
        return TRUE;

      found = sl_ledger_find_organization (ledger, home);
      if (is_party_level (found))
        return FALSE;
      home = found ? sl_organization_get_parent (found) : NULL;
    }

  return is_party_level (sl_ledger_find_organization (ledger, meeting_org));
}

static gboolean
organization_fits (SlOrganization *organization,
                   SlMeetingKind   kind)
{
  SlOrganizationKind org_kind = sl_organization_get_kind (organization);

  if (is_branch_kind (kind))
    return org_kind == SL_ORGANIZATION_KIND_BRANCH;

  return org_kind == SL_ORGANIZATION_KIND_PARTY_GROUP ||
         org_kind == SL_ORGANIZATION_KIND_PARTY_COMMITTEE;
}

SlOrganization *
sl_meeting_draft_default_organization (SlLedger      *ledger,
                                       SlMeetingKind  kind)
{
  g_autoptr(GPtrArray) meetings = NULL;
  GListModel *organizations;
  guint n;

  g_return_val_if_fail (SL_IS_LEDGER (ledger), NULL);

  meetings = sl_ledger_load_meetings (ledger, 0, NULL, FALSE, NULL);
  for (guint i = meetings ? meetings->len : 0; i > 0; i--)
    {
      SlMeeting *meeting = g_ptr_array_index (meetings, i - 1);
      SlOrganization *found;

      if (sl_meeting_get_kind (meeting) != kind)
        continue;
      found = sl_ledger_find_organization (ledger, sl_meeting_get_organization (meeting));
      if (found != NULL)
        return found;
    }

  organizations = sl_ledger_get_organizations (ledger);
  n = g_list_model_get_n_items (organizations);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(SlOrganization) organization = g_list_model_get_item (organizations, i);

      if (organization_fits (organization, kind))
        return organization;
    }

  if (n > 0)
    {
      g_autoptr(SlOrganization) first = g_list_model_get_item (organizations, 0);
      return first;
    }

  return NULL;
}

/**
 * sl_meeting_draft_default_kind:
 * @today: "YYYY-MM-DD"
 *
 * The kind a new meeting most likely is: the kind logged most in the 90
 * days up to the latest meeting on or before @today (a ledger of past
 * years counts back from its own last meeting), the latest of them on a
 * tie. A ledger without meetings follows its organizations
 * (kind_of_organizations()).
 */
/* The meeting a ledger with no meeting yet most likely logs first: its
 * top organization's own (a 党组's 党组会议, a 党委's 中心组学习, a
 * branch's 党员大会). A fresh ledger of one 党组 offered 中心组学习 at
 * Ctrl+N (issue 17). The top organization is the first without a
 * parent, as the roster lists them. */
static SlMeetingKind
kind_of_organizations (SlLedger *ledger)
{
  GListModel *organizations = sl_ledger_get_organizations (ledger);
  guint n = g_list_model_get_n_items (organizations);
  g_autoptr(SlOrganization) top = NULL;
  SlOrganizationKind kind;

  for (guint i = 0; i < n && top == NULL; i++)
    {
      g_autoptr(SlOrganization) organization = g_list_model_get_item (organizations, i);
      const char *parent = sl_organization_get_parent (organization);

      if (parent == NULL || *parent == '\0' || sl_ledger_find_organization (ledger, parent) == NULL)
        top = g_steal_pointer (&organization);
    }
  if (top == NULL && n > 0)
    top = g_list_model_get_item (organizations, 0);

  kind = top ? sl_organization_get_kind (top) : SL_ORGANIZATION_KIND_NONE;
  if (kind == SL_ORGANIZATION_KIND_PARTY_GROUP)
    return SL_MEETING_KIND_PARTY_GROUP;
  if (kind == SL_ORGANIZATION_KIND_BRANCH)
    return SL_MEETING_KIND_BRANCH_ASSEMBLY;
  return SL_MEETING_KIND_CENTRAL_GROUP;
}

SlMeetingKind
sl_meeting_draft_default_kind (SlLedger   *ledger,
                               const char *today)
{
  g_autofree char *latest = NULL;
  g_autofree char *since = NULL;
  guint counts[SL_MEETING_KIND_OTHER + 1] = { 0 };
  char *latest_of[SL_MEETING_KIND_OTHER + 1] = { NULL };
  SlMeetingKind best = SL_MEETING_KIND_CENTRAL_GROUP;
  int year;
  GDate date;

  g_return_val_if_fail (SL_IS_LEDGER (ledger), SL_MEETING_KIND_CENTRAL_GROUP);

  year = sl_date_get_year (today);
  for (int y = year; y >= year - 10 && latest == NULL && y > 0; y--)
    {
      g_autoptr(GPtrArray) meetings = sl_ledger_load_meetings (ledger, y, NULL, FALSE, NULL);

      for (guint i = 0; meetings != NULL && i < meetings->len; i++)
        {
          const char *day = sl_meeting_get_date (g_ptr_array_index (meetings, i));

          if (g_strcmp0 (day, today) <= 0 && g_strcmp0 (day, latest) > 0)
            {
              g_free (latest);
              latest = g_strdup (day);
            }
        }
    }
  if (latest == NULL)
    return kind_of_organizations (ledger);

  g_date_clear (&date, 1);
  g_date_set_dmy (&date, atoi (latest + 8), atoi (latest + 5), sl_date_get_year (latest));
  g_date_subtract_days (&date, 90);
  since = g_strdup_printf ("%04d-%02d-%02d", g_date_get_year (&date), g_date_get_month (&date),
                           g_date_get_day (&date));

  for (int y = sl_date_get_year (since); y <= sl_date_get_year (latest); y++)
    {
      g_autoptr(GPtrArray) meetings = sl_ledger_load_meetings (ledger, y, NULL, FALSE, NULL);

      for (guint i = 0; meetings != NULL && i < meetings->len; i++)
        {
          SlMeeting *meeting = g_ptr_array_index (meetings, i);
          SlMeetingKind kind = sl_meeting_get_kind (meeting);
          const char *day = sl_meeting_get_date (meeting);

          if (kind <= SL_MEETING_KIND_NONE || kind > SL_MEETING_KIND_OTHER ||
              g_strcmp0 (day, since) <= 0 || g_strcmp0 (day, latest) > 0)
            continue;
          counts[kind]++;
          if (g_strcmp0 (day, latest_of[kind]) > 0)
            {
              g_free (latest_of[kind]);
              latest_of[kind] = g_strdup (day);
            }
        }
    }

  for (guint k = SL_MEETING_KIND_NONE + 1; k <= SL_MEETING_KIND_OTHER; k++)
    if (counts[k] > counts[best] ||
        (counts[k] == counts[best] && counts[k] > 0 && g_strcmp0 (latest_of[k], latest_of[best]) > 0))
      best = k;

  for (guint k = 0; k <= SL_MEETING_KIND_OTHER; k++)
    g_free (latest_of[k]);

  return best;
}

/* The members of @organization active on @date that a meeting of @kind
 * draws on, before the marks of leadership or central group: a branch's
 * own members for branch kinds, else the organization and the branches
 * below it (organization_belongs()). */
static GPtrArray *
members_in_scope (SlLedger      *ledger,
                  const char    *organization,
                  SlMeetingKind  kind,
                  const char    *date)
{
  GPtrArray *scope = g_ptr_array_new_with_free_func (g_object_unref);
  GListModel *members;
  guint n;

  if (!sl_date_is_valid (date))
    return scope;

  members = sl_ledger_get_members (ledger);
  n = g_list_model_get_n_items (members);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(SlMember) member = g_list_model_get_item (members, i);
      const char *home = sl_member_get_organization (member);
      gboolean in_scope;

      if (!sl_member_is_active_on (member, date))
        continue;

      if (is_branch_kind (kind))
        in_scope = organization != NULL && g_strcmp0 (home, organization) == 0;
      else
        in_scope = home == NULL || organization == NULL ||
                   organization_belongs (ledger, home, organization);

      if (in_scope)
        g_ptr_array_add (scope, g_steal_pointer (&member));
    }

  return scope;
}

typedef enum { MARK_LEADERSHIP, MARK_CENTRAL_GROUP } Mark;

/* The members of @scope with @mark (new references). */
static GPtrArray *
marked (GPtrArray *scope,
        Mark       mark)
{
  GPtrArray *found = g_ptr_array_new_with_free_func (g_object_unref);

  for (guint i = 0; i < scope->len; i++)
    {
      SlMember *member = g_ptr_array_index (scope, i);

      if (mark == MARK_LEADERSHIP ? sl_member_get_leadership (member)
                                  : sl_member_get_central_group (member))
        g_ptr_array_add (found, g_object_ref (member));
    }

  return found;
}

GPtrArray *
sl_meeting_draft_roster_basis (SlLedger       *ledger,
                               const char     *organization,
                               SlMeetingKind   kind,
                               const char     *date,
                               SlRosterBasis  *basis)
{
  g_autoptr(GPtrArray) scope = NULL;
  g_autoptr(GPtrArray) leaders = NULL;
  g_autoptr(GPtrArray) group = NULL;

  if (basis != NULL)
    *basis = SL_ROSTER_BASIS_KIND;
  g_return_val_if_fail (SL_IS_LEDGER (ledger), g_ptr_array_new_with_free_func (g_object_unref));

  scope = members_in_scope (ledger, organization, kind, date);
  if (scope->len == 0)
    return g_steal_pointer (&scope);

  /* A roster that marks nobody (an imported one usually marks nobody:
   * the roster columns carry no such flag) would leave the meeting with
   * nobody expected, and 应到 0 then passes every check. The organization
   * as a whole is the nearest right answer, and the editor says so. */
  if (kind == SL_MEETING_KIND_CENTRAL_GROUP)
    {
      group = marked (scope, MARK_CENTRAL_GROUP);
      if (group->len > 0)
        return g_steal_pointer (&group);
      leaders = marked (scope, MARK_LEADERSHIP);
      if (basis != NULL)
        *basis = leaders->len > 0 ? SL_ROSTER_BASIS_LEADERSHIP_FOR_GROUP : SL_ROSTER_BASIS_EVERYONE_FOR_GROUP;
      return leaders->len > 0 ? g_steal_pointer (&leaders) : g_steal_pointer (&scope);
    }

  if (is_leadership_kind (kind))
    {
      leaders = marked (scope, MARK_LEADERSHIP);
      if (leaders->len > 0)
        return g_steal_pointer (&leaders);
      if (basis != NULL)
        *basis = SL_ROSTER_BASIS_EVERYONE;
    }

  return g_steal_pointer (&scope);
}

GPtrArray *
sl_meeting_draft_roster (SlLedger      *ledger,
                         const char    *organization,
                         SlMeetingKind  kind,
                         const char    *date)
{
  return sl_meeting_draft_roster_basis (ledger, organization, kind, date, NULL);
}

GPtrArray *
sl_meeting_draft_everyone (SlLedger      *ledger,
                           const char    *organization,
                           SlMeetingKind  kind,
                           const char    *date)
{
  g_return_val_if_fail (SL_IS_LEDGER (ledger), g_ptr_array_new_with_free_func (g_object_unref));

  return members_in_scope (ledger, organization, kind, date);
}

const char *
sl_roster_basis_to_note (SlRosterBasis basis)
{
  switch (basis)
    {
    case SL_ROSTER_BASIS_LEADERSHIP_FOR_GROUP:
      return _("No member is marked as central group: the leadership members are listed. "
               "Mark the central group in each member’s details");
    case SL_ROSTER_BASIS_EVERYONE:
      return _("No member is marked as leadership: every member of the organization is listed. "
               "Mark the leadership in each member’s details, or remove the names not expected");
    case SL_ROSTER_BASIS_EVERYONE_FOR_GROUP:
      return _("No member is marked as central group or leadership: every member of the organization "
               "is listed. Mark the central group in each member’s details, or remove the names not expected");
    case SL_ROSTER_BASIS_KIND:
    default:
      return NULL;
    }
}

static SlPlanItem *
next_plan_item (SlLedger    *ledger,
                const char  *organization,
                int          year,
                GPtrArray   *meetings,
                const char  *exclude,
                GError     **error)
{
  g_autoptr(GPtrArray) plans = NULL;
  g_autoptr(GHashTable) held = g_hash_table_new (g_str_hash, g_str_equal);

  plans = sl_ledger_load_plans (ledger, year, error);
  if (plans == NULL)
    return NULL;

  for (guint i = 0; i < meetings->len; i++)
    {
      SlMeeting *meeting = g_ptr_array_index (meetings, i);
      const char *item = sl_meeting_get_plan_item (meeting);

      if (item != NULL && g_strcmp0 (sl_record_get_id (SL_RECORD (meeting)), exclude) != 0)
        g_hash_table_add (held, (gpointer) item);
    }

  for (guint i = 0; i < plans->len; i++)
    {
      SlPlan *plan = g_ptr_array_index (plans, i);
      GListModel *items = sl_plan_get_items (plan);

      if (g_strcmp0 (sl_plan_get_organization (plan), organization) != 0)
        continue;

      for (guint j = 0; j < g_list_model_get_n_items (items); j++)
        {
          g_autoptr(SlPlanItem) item = g_list_model_get_item (items, j);

          if (sl_plan_item_get_status (item) == SL_PLAN_ITEM_STATUS_CANCELLED ||
              g_hash_table_contains (held, sl_record_get_id (SL_RECORD (item))))
            continue;

          return g_steal_pointer (&item);
        }
    }

  return NULL;
}

SlPlanItem *
sl_meeting_draft_next_plan_item (SlLedger    *ledger,
                                 const char  *organization,
                                 int          year,
                                 const char  *exclude,
                                 GError     **error)
{
  g_autoptr(GPtrArray) meetings = NULL;

  g_return_val_if_fail (SL_IS_LEDGER (ledger), NULL);
  g_return_val_if_fail (organization != NULL, NULL);

  /* Items are held by meetings of any year (a December session logged in
   * January still fulfils last year's item). */
  meetings = sl_ledger_load_meetings (ledger, 0, organization, FALSE, error);
  if (meetings == NULL)
    return NULL;

  return next_plan_item (ledger, organization, year, meetings, exclude, error);
}

/* The latest earlier meeting of @kind, else the latest one at all. */
static SlMeeting *
find_previous (GPtrArray     *meetings,
               SlMeetingKind  kind,
               const char    *date,
               const char    *exclude)
{
  SlMeeting *latest = NULL;

  for (guint i = 0; i < meetings->len; i++)
    {
      SlMeeting *meeting = g_ptr_array_index (meetings, i);

      if (sl_meeting_get_kind (meeting) != kind ||
          g_strcmp0 (sl_record_get_id (SL_RECORD (meeting)), exclude) == 0)
        continue;

      if (latest != NULL && g_strcmp0 (sl_meeting_get_date (meeting), date) > 0 &&
          g_strcmp0 (sl_meeting_get_date (latest), date) <= 0)
        break;

      latest = meeting;
    }

  return latest;
}

static SlStudyForm
default_form (SlMeetingKind kind)
{
  switch (kind)
    {
    case SL_MEETING_KIND_PARTY_GROUP:
      return SL_STUDY_FORM_RELAY;
    case SL_MEETING_KIND_CENTRAL_GROUP:
    case SL_MEETING_KIND_BRANCH_ASSEMBLY:
    case SL_MEETING_KIND_GROUP_MEETING:
      return SL_STUDY_FORM_COLLECTIVE_STUDY;
    case SL_MEETING_KIND_PARTY_LECTURE:
    case SL_MEETING_KIND_TRAINING:
      return SL_STUDY_FORM_LECTURE;
    case SL_MEETING_KIND_IDEOLOGY:
    case SL_MEETING_KIND_SITUATION_ANALYSIS:
    case SL_MEETING_KIND_BRANCH_COMMITTEE:
      return SL_STUDY_FORM_SEMINAR;
    case SL_MEETING_KIND_OTHER:
    case SL_MEETING_KIND_NONE:
    default:
      return SL_STUDY_FORM_NONE;
    }
}

gboolean
sl_meeting_draft_fill (SlLedger   *ledger,
                       SlMeeting  *meeting,
                       GError    **error)
{
  g_autoptr(GPtrArray) meetings = NULL;
  g_autoptr(GPtrArray) roster = NULL;
  g_autoptr(GPtrArray) rows = NULL;
  g_autoptr(SlPlanItem) item = NULL;
  g_autofree char *title = NULL;
  const char *organization, *date, *id;
  SlOrganization *found;
  SlMeeting *previous;
  SlMeetingKind kind;
  SlStudyForm form;
  int year;

  g_return_val_if_fail (SL_IS_LEDGER (ledger), FALSE);
  g_return_val_if_fail (SL_IS_MEETING (meeting), FALSE);

  organization = sl_meeting_get_organization (meeting);
  date = sl_meeting_get_date (meeting);
  kind = sl_meeting_get_kind (meeting);
  id = sl_record_get_id (SL_RECORD (meeting));
  year = sl_date_get_year (date);

  if (organization == NULL || (found = sl_ledger_find_organization (ledger, organization)) == NULL)
    {
      g_set_error (error, SL_LEDGER_ERROR, SL_LEDGER_ERROR_INVALID,
                   _("organization: a meeting needs an organization; import a roster first"));
      return FALSE;
    }

  if (year == 0)
    {
      g_set_error (error, SL_LEDGER_ERROR, SL_LEDGER_ERROR_INVALID,
                   _("date: a meeting needs a real date written as YYYY-MM-DD"));
      return FALSE;
    }

  meetings = sl_ledger_load_meetings (ledger, 0, organization, FALSE, error);
  if (meetings == NULL)
    return FALSE;

  sl_meeting_set_sequence (meeting, 1 + sl_meeting_draft_count_before (meetings, kind, date, id));
  title = sl_meeting_draft_title_from (meetings, sl_organization_get_name (found), kind, year,
                                       sl_meeting_get_sequence (meeting),
                                       sl_meeting_get_expanded (meeting), id);
  sl_meeting_set_title (meeting, title);

  previous = find_previous (meetings, kind, date, id);
  sl_meeting_set_chair (meeting, previous ? sl_meeting_get_chair (previous) : NULL);
  sl_meeting_set_recorder (meeting, previous ? sl_meeting_get_recorder (previous) : NULL);
  sl_meeting_set_place (meeting, previous ? sl_meeting_get_place (previous) : NULL);
  sl_meeting_set_start (meeting, previous ? sl_meeting_get_start (previous) : NULL);
  sl_meeting_set_end (meeting, previous ? sl_meeting_get_end (previous) : NULL);

  form = previous ? sl_meeting_get_form (previous) : SL_STUDY_FORM_NONE;
  if (form == SL_STUDY_FORM_NONE)
    form = default_form (kind);

  if (kind == SL_MEETING_KIND_CENTRAL_GROUP)
    {
      item = next_plan_item (ledger, organization, year, meetings, id, error);
      if (item == NULL && error != NULL && *error != NULL)
        return FALSE;
    }

  sl_meeting_set_plan_item (meeting, item ? sl_record_get_id (SL_RECORD (item)) : NULL);
  sl_meeting_set_theme (meeting, item ? sl_plan_item_get_theme (item) : NULL);
  if (item != NULL && sl_plan_item_get_form (item) != SL_STUDY_FORM_NONE)
    form = sl_plan_item_get_form (item);
  sl_meeting_set_form (meeting, form);

  roster = sl_meeting_draft_roster (ledger, organization, kind, date);
  rows = g_ptr_array_new_with_free_func (g_object_unref);
  for (guint i = 0; i < roster->len; i++)
    {
      SlAttendance *row = sl_attendance_new ();

      sl_attendance_set_member (row, sl_record_get_id (g_ptr_array_index (roster, i)));
      sl_attendance_set_status (row, SL_ATTENDANCE_STATUS_PRESENT);
      g_ptr_array_add (rows, row);
    }

  /* One items-changed for the whole roster. */
  g_list_store_splice (G_LIST_STORE (sl_meeting_get_attendance (meeting)), 0,
                       g_list_model_get_n_items (sl_meeting_get_attendance (meeting)),
                       rows->pdata, rows->len);

  return TRUE;
}

SlMeeting *
sl_meeting_draft_new (SlLedger       *ledger,
                      const char     *organization,
                      SlMeetingKind   kind,
                      const char     *date,
                      GError        **error)
{
  g_autoptr(SlMeeting) meeting = NULL;

  g_return_val_if_fail (SL_IS_LEDGER (ledger), NULL);

  if (organization == NULL)
    {
      SlOrganization *found = sl_meeting_draft_default_organization (ledger, kind);

      organization = found ? sl_record_get_id (SL_RECORD (found)) : NULL;
    }

  meeting = sl_meeting_new ();
  sl_meeting_set_organization (meeting, organization);
  sl_meeting_set_kind (meeting, kind);
  sl_meeting_set_date (meeting, date);

  if (!sl_meeting_draft_fill (ledger, meeting, error))
    return NULL;

  return g_steal_pointer (&meeting);
}

/* Typing helpers ------------------------------------------------------------ */

/* Splits @text into runs of ASCII digits; anything else separates them.
 * Full-width digits count as digits: Chinese input methods type them. */
static GPtrArray *
digit_runs (const char *text)
{
  GPtrArray *runs = g_ptr_array_new_with_free_func (g_free);
  GString *run = g_string_new (NULL);

  for (const char *p = text; *p; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (c >= 0xFF10 && c <= 0xFF19)
        c = '0' + (c - 0xFF10);

      if (c < 128 && g_ascii_isdigit (c))
        g_string_append_c (run, c);
      else if (run->len > 0)
        {
          g_ptr_array_add (runs, g_strdup (run->str));
          g_string_truncate (run, 0);
        }
    }

  if (run->len > 0)
    g_ptr_array_add (runs, g_strdup (run->str));
  g_string_free (run, TRUE);

  return runs;
}

/* The number written by the first @len digits of @digits. */
static int
number (const char *digits,
        gsize       len)
{
  int value = 0;

  for (gsize i = 0; i < len && digits[i] != '\0'; i++)
    value = value * 10 + (digits[i] - '0');

  return value;
}

char *
sl_meeting_draft_parse_date (const char *text,
                             int         year)
{
  return sl_date_parse (text, year, SL_DATE_PARSE_DEFAULT);
}

char *
sl_meeting_draft_parse_time (const char *text)
{
  g_autoptr(GPtrArray) runs = NULL;
  int hour, minute = 0;
  const char *a;

  if (text == NULL)
    return NULL;

  runs = digit_runs (text);
  if (runs->len == 1)
    {
      gsize len;

      a = g_ptr_array_index (runs, 0);
      len = strlen (a);
      if (len <= 2)
        hour = number (a, len);
      else if (len <= 4)
        {
          hour = number (a, len - 2);
          minute = number (a + len - 2, 2);
        }
      else
        return NULL;
    }
  else if (runs->len == 2)
    {
      const char *b = g_ptr_array_index (runs, 1);

      a = g_ptr_array_index (runs, 0);
      if (strlen (a) > 2 || strlen (b) != 2)
        return NULL;
      hour = number (a, 2);
      minute = number (b, 2);
    }
  else
    return NULL;

  if (hour > 23 || minute > 59)
    return NULL;

  return g_strdup_printf ("%02d:%02d", hour, minute);
}

/* Checks of what is typed ------------------------------------------------- */

static gboolean
refuse (char       **value,
        char       **message,
        char        *text)
{
  *value = NULL;
  *message = text;
  return FALSE;
}

static gboolean
accept (char **value,
        char **message,
        char  *text)
{
  *value = text;
  *message = NULL;
  return TRUE;
}

/* Only white space, full-width spaces included. */
static gboolean
is_blank (const char *text)
{
  for (const char *p = text; p != NULL && *p != '\0'; p = g_utf8_next_char (p))
    if (!g_unichar_isspace (g_utf8_get_char (p)))
      return FALSE;

  return TRUE;
}

gboolean
sl_meeting_draft_check_date (const char  *text,
                             int          year,
                             gboolean     required,
                             char       **value,
                             char       **message)
{
  char *date;

  g_return_val_if_fail (value != NULL && message != NULL, FALSE);

  if (is_blank (text))
    return required ? refuse (value, message, g_strdup (_("A meeting needs a date, such as 2023-03-05")))
                    : accept (value, message, NULL);

  date = sl_meeting_draft_parse_date (text, year);
  if (date == NULL)
    return refuse (value, message,
                   g_strdup (_("Not a date: write it as 2023-03-05, or 3-5 for this year")));

  return accept (value, message, date);
}

gboolean
sl_meeting_draft_check_time (const char  *text,
                             const char  *not_before,
                             const char  *not_after,
                             char       **value,
                             char       **message)
{
  g_autofree char *time = NULL;

  g_return_val_if_fail (value != NULL && message != NULL, FALSE);

  if (is_blank (text))
    return accept (value, message, NULL);

  time = sl_meeting_draft_parse_time (text);
  if (time == NULL)
    return refuse (value, message, g_strdup (_("Not a time: write it as 09:30")));

  /* "HH:MM" strings compare as the times they name. */
  if (not_before != NULL && strcmp (time, not_before) < 0)
    /* Translators: %s is the meeting's start time, such as 09:00. */
    return refuse (value, message,
                   g_strdup_printf (_("Ends before it starts (%s): write a later time"), not_before));
  if (not_after != NULL && strcmp (time, not_after) > 0)
    /* Translators: %s is the meeting's end time, such as 11:00. */
    return refuse (value, message,
                   g_strdup_printf (_("Starts after it ends (%s): write an earlier time"), not_after));

  return accept (value, message, g_steal_pointer (&time));
}

gboolean
sl_meeting_draft_check_title (const char  *text,
                              char       **value,
                              char       **message)
{
  g_return_val_if_fail (value != NULL && message != NULL, FALSE);

  if (is_blank (text))
    return refuse (value, message,
                   g_strdup (_("A meeting needs a title: type one, or let the button beside it write one")));

  /* Kept as typed: the binding writes back what it stores, and trimming
   * under the cursor would eat the space being typed between words. */
  return accept (value, message, g_strdup (text));
}

int
sl_meeting_draft_year_change (const char *stored,
                              const char *date)
{
  int from = sl_date_get_year (stored);
  int to = sl_date_get_year (date);

  return from != 0 && to != 0 && from != to ? to : 0;
}
