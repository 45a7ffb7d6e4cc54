/* sl-document-pages.c — the page renderer for a document request
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * One renderer class per document kind; this picks it and loads what it
 * draws. Tables come from sl_ledger_tables_build(), as for the
 * spreadsheets, so a ledger's PDF and its xlsx always agree.
 */

#define G_LOG_DOMAIN "sl-document-pages"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "sl-document-pages.h"
#include "sl-ledger.h"
#include "sl-ledger-tables.h"
#include "sl-meeting.h"
#include "sl-member-card-pages.h"
#include "sl-minutes-pages.h"
#include "sl-organization.h"
#include "sl-plan.h"
#include "sl-plan-pages.h"
#include "sl-report-pages.h"
#include "sl-session-plan-pages.h"
#include "sl-sign-in-pages.h"
#include "sl-statistics.h"
#include "sl-table-pages.h"
#include "sl-util.h"
#include "sl-wording.h"

/* Sessions in the order they were held: date, then time, then id. */
static int
compare_sessions (gconstpointer a,
                  gconstpointer b)
{
  SlMeeting *x = *(SlMeeting **) a;
  SlMeeting *y = *(SlMeeting **) b;
  int order = g_strcmp0 (sl_meeting_get_date (x), sl_meeting_get_date (y));

  if (order == 0)
    order = g_strcmp0 (sl_meeting_get_start (x), sl_meeting_get_start (y));
  if (order == 0)
    order = g_strcmp0 (sl_record_get_id (SL_RECORD (x)), sl_record_get_id (SL_RECORD (y)));
  return order;
}

/* A meeting that is not there is the request's fault, not the ledger's. */
static void
propagate (GError **error,
           GError  *local)
{
  if (g_error_matches (local, SL_LEDGER_ERROR, SL_LEDGER_ERROR_NOT_FOUND))
    {
      g_set_error_literal (error, SL_DOCUMENT_ERROR, SL_DOCUMENT_ERROR_NOT_FOUND, local->message);
      g_error_free (local);
    }
  else
    g_propagate_error (error, local);
}

static SlPageRenderer *
new_plan_pages (SlLedger                *ledger,
                const SlDocumentRequest *request,
                GPtrArray               *tables,
                GError                 **error)
{
  g_autoptr(GPtrArray) plans = sl_ledger_load_plans (ledger, request->year, error);
  g_autoptr(SlPlanPages) pages = NULL;
  guint n = 0;

  if (plans == NULL)
    return NULL;

  /* sl_ledger_tables_build() makes one 安排表 per plan of the request, in
   * the order sl_ledger_load_plans() gives them. */
  pages = sl_plan_pages_new ();
  for (guint i = 0; i < plans->len; i++)
    {
      SlPlan *plan = g_ptr_array_index (plans, i);
      SlOrganization *organization;

      if (request->organization != NULL &&
          g_strcmp0 (sl_plan_get_organization (plan), request->organization) != 0)
        continue;

      organization = sl_ledger_find_organization (ledger, sl_plan_get_organization (plan));
      sl_plan_pages_add_plan (pages, plan,
                              organization != NULL ? sl_organization_get_name (organization) : NULL,
                              n < tables->len ? g_ptr_array_index (tables, n) : NULL);
      n++;
    }

  if (n == 0)
    {
      g_set_error (error, SL_DOCUMENT_ERROR, SL_DOCUMENT_ERROR_NOT_FOUND,
                   _("The ledger has no study plan for %d"), request->year);
      return NULL;
    }

  return SL_PAGE_RENDERER (g_steal_pointer (&pages));
}

/* A 学习方案 is for a central-group session; its number (第N次) is its
 * place among its organization's central-group sessions of the year, in
 * the order they were held. */
static SlPageRenderer *
new_session_plan_pages (SlLedger   *ledger,
                        SlMeeting  *meeting,
                        GError    **error)
{
  g_autoptr(GPtrArray) sessions = NULL;
  const char *id = sl_record_get_id (SL_RECORD (meeting));
  guint number = 0;

  if (sl_meeting_get_kind (meeting) != SL_MEETING_KIND_CENTRAL_GROUP)
    {
      g_autofree char *name = sl_wording_meeting_name (meeting);

      g_set_error (error, SL_DOCUMENT_ERROR, SL_DOCUMENT_ERROR_INVALID,
                   _("The meeting %s (%s) is not a central-group session; a session plan "
                     "is made only for a central-group session (理论学习中心组集体学习)"),
                   id, name);
      return NULL;
    }

  sessions = sl_ledger_load_meetings (ledger, sl_meeting_get_year (meeting),
                                      sl_meeting_get_organization (meeting), FALSE, error);
  if (sessions == NULL)
    return NULL;
  g_ptr_array_sort (sessions, compare_sessions);
  for (guint i = 0; i < sessions->len; i++)
    {
      SlMeeting *each = g_ptr_array_index (sessions, i);

      if (sl_meeting_get_kind (each) != SL_MEETING_KIND_CENTRAL_GROUP)
        continue;
      number++;
      if (g_strcmp0 (sl_record_get_id (SL_RECORD (each)), id) == 0)
        break;
    }

  return SL_PAGE_RENDERER (sl_session_plan_pages_new (ledger, meeting, MAX (number, 1)));
}

static SlPageRenderer *
new_report_pages (SlLedger                *ledger,
                  const SlDocumentRequest *request,
                  GPtrArray               *tables,
                  GError                 **error)
{
  g_autofree char *today = request->today != NULL ? g_strdup (request->today) : sl_today ();
  g_autofree char *title = sl_ledger_tables_build_title (ledger, request);
  SlStatistics *statistics;

  statistics = sl_statistics_compute (sl_ledger_get_database (ledger), request->year,
                                      request->organization, today, error);
  if (statistics == NULL)
    return NULL;

  return SL_PAGE_RENDERER (sl_report_pages_new (title, statistics, tables));
}

SlPageRenderer *
sl_document_pages_new (SlLedger                *ledger,
                       const SlDocumentRequest *request,
                       GError                 **error)
{
  g_autoptr(GPtrArray) tables = NULL;
  g_autoptr(SlMeeting) meeting = NULL;
  GError *local = NULL;

  g_return_val_if_fail (SL_IS_LEDGER (ledger), NULL);
  g_return_val_if_fail (request != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (sl_document_kind_is_per_meeting (request->kind) &&
      (request->meeting == NULL || *request->meeting == '\0'))
    {
      g_set_error (error, SL_DOCUMENT_ERROR, SL_DOCUMENT_ERROR_INVALID,
                   _("The %s document is made for one meeting; name the meeting"),
                   sl_document_kind_to_code (request->kind));
      return NULL;
    }

  if (request->kind == SL_DOCUMENT_MINUTES)
    {
      if (!(meeting = sl_ledger_load_meeting (ledger, request->meeting, &local)))
        {
          propagate (error, local);
          return NULL;
        }
      return SL_PAGE_RENDERER (sl_minutes_pages_new (ledger, meeting));
    }

  if (request->kind == SL_DOCUMENT_SESSION_PLAN)
    {
      if (!(meeting = sl_ledger_load_meeting (ledger, request->meeting, &local)))
        {
          propagate (error, local);
          return NULL;
        }
      return new_session_plan_pages (ledger, meeting, error);
    }

  if (!(tables = sl_ledger_tables_build (ledger, request, &local)))
    {
      propagate (error, local);
      return NULL;
    }

  switch (request->kind)
    {
    case SL_DOCUMENT_FIRST_TOPIC_LEDGER:
    case SL_DOCUMENT_CENTRAL_GROUP_LEDGER:
    case SL_DOCUMENT_MEETINGS_LEDGER:
    case SL_DOCUMENT_ATTENDANCE:
    case SL_DOCUMENT_MEASURES:
    case SL_DOCUMENT_PLAN_PROGRESS:
    case SL_DOCUMENT_TOPICS:
    case SL_DOCUMENT_TALKS:
      return SL_PAGE_RENDERER (sl_table_pages_new (tables));

    case SL_DOCUMENT_MEMBER_CARD:
      {
        g_autofree char *title = sl_ledger_tables_build_title (ledger, request);

        /* The tables were built, so the member is there. */
        return SL_PAGE_RENDERER (sl_member_card_pages_new (ledger,
                                                           sl_ledger_find_member (ledger, request->member),
                                                           request->year, title, tables));
      }

    case SL_DOCUMENT_PLAN:
      return new_plan_pages (ledger, request, tables, error);

    case SL_DOCUMENT_ANNUAL_REPORT:
      return new_report_pages (ledger, request, tables, error);

    case SL_DOCUMENT_SIGN_IN:
      g_return_val_if_fail (tables->len == 1, NULL);
      return SL_PAGE_RENDERER (sl_sign_in_pages_new (g_ptr_array_index (tables, 0)));

    case SL_DOCUMENT_MINUTES:
    case SL_DOCUMENT_SESSION_PLAN:
    default:
      g_set_error (error, SL_DOCUMENT_ERROR, SL_DOCUMENT_ERROR_UNSUPPORTED,
                   _("There is no document of kind %d"), request->kind);
      return NULL;
    }
}
