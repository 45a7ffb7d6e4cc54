/* sl-ledger-queries.h — read-only questions the window asks of a ledger
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "sl-types.h"

G_BEGIN_DECLS

typedef struct
{
  char *item;      /* the plan item's id */
  char *meeting;   /* the earliest meeting that names it */
  char *date;
  char *title;
} SlPlanFulfilment;

void            sl_plan_fulfilment_free                  (SlPlanFulfilment *fulfilment);

/* One meeting as the meetings ledger shows it, read without loading the
 * meeting's details: its own fields, the counts of
 * sl_meeting_count_attendance() and its studies' titles. */
typedef struct
{
  gint64         meeting;    /* the meeting's key, sl_record_get_key() */
  SlMeetingKind  kind;
  int            sequence;
  char          *date;
  char          *title;
  char          *theme;
  char          *chair;      /* member ids */
  char          *recorder;
  char          *note;
  guint          expected;
  guint          present;
  guint          leave;
  guint          absent;
  GPtrArray     *studies;    /* (element-type utf8): titles in order, "" for none */
} SlMeetingSummary;

void            sl_meeting_summary_free                  (SlMeetingSummary *summary);

GArray         *sl_ledger_query_years                    (SlLedger         *ledger,
                                                          GError          **error);
GArray         *sl_years_for_selector                    (GArray           *years_with_records,
                                                          int               current_year,
                                                          int               selected_year);
int             sl_ledger_query_meeting_year             (SlLedger         *ledger,
                                                          const char       *meeting);
SlOrganization *sl_ledger_query_default_organization     (SlLedger         *ledger);
GHashTable     *sl_ledger_query_plan_fulfilment          (SlLedger         *ledger,
                                                          int               year,
                                                          GError          **error);
GPtrArray      *sl_members_leaders_in_year               (GListModel       *members,
                                                          int               year);
GPtrArray      *sl_research_missing_leaders              (GPtrArray        *leaders,
                                                          GPtrArray        *topics);
GPtrArray      *sl_ledger_query_meeting_summaries        (SlLedger         *ledger,
                                                          int               year,
                                                          const char       *organization,
                                                          GError          **error);
gboolean        sl_ledger_query_reload                   (SlLedger         *ledger,
                                                          GError          **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (SlPlanFulfilment, sl_plan_fulfilment_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (SlMeetingSummary, sl_meeting_summary_free)

G_END_DECLS
