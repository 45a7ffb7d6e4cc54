/* sl-meeting-draft.h — what a new meeting most likely is, worked out from the ledger
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "sl-meeting-draft-title.h"
#include "sl-types.h"

G_BEGIN_DECLS

/* The number in the year and the title: sl-meeting-draft-title.h. */

/* The organization a new meeting of @kind is most likely held by: that of
 * the latest meeting of the kind, else the first organization whose kind
 * fits (a party group for party-group kinds, a branch for branch kinds),
 * else the first one. NULL while the ledger has no organization. */
SlOrganization *sl_meeting_draft_default_organization (SlLedger      *ledger,
                                                       SlMeetingKind  kind);

/* The kind logged most in the 90 days up to the latest meeting on or
 * before @today; a central group session in a ledger without meetings. */
SlMeetingKind   sl_meeting_draft_default_kind (SlLedger      *ledger,
                                               const char    *today);

/* Whom a roster was drawn from: the members the kind expects, or what
 * stood in because the roster marks none of them. */
typedef enum
{
  SL_ROSTER_BASIS_KIND,                  /* as the kind says (or nobody in scope) */
  SL_ROSTER_BASIS_LEADERSHIP_FOR_GROUP,  /* central group: nobody marked, the leadership */
  SL_ROSTER_BASIS_EVERYONE,              /* nobody marked as leadership: every member in scope */
  SL_ROSTER_BASIS_EVERYONE_FOR_GROUP,    /* central group: nobody marked at all, every member */
} SlRosterBasis;

/* The members expected at such a meeting on @date, in roster order
 * (SlMember, new references). */
GPtrArray      *sl_meeting_draft_roster      (SlLedger       *ledger,
                                              const char     *organization,
                                              SlMeetingKind   kind,
                                              const char     *date);
/* The same, with what the roster was drawn from in @basis (nullable). */
GPtrArray      *sl_meeting_draft_roster_basis (SlLedger      *ledger,
                                               const char    *organization,
                                               SlMeetingKind  kind,
                                               const char    *date,
                                               SlRosterBasis *basis);
/* Every member of the meeting's organization active on @date (for branch
 * kinds the branch's own), whatever their marks: the 全体成员 of the
 * 添加人员 list. */
GPtrArray      *sl_meeting_draft_everyone    (SlLedger       *ledger,
                                              const char     *organization,
                                              SlMeetingKind   kind,
                                              const char     *date);
/* One line for the editor when the roster stood in for marks (translated,
 * static), or NULL. */
const char     *sl_roster_basis_to_note      (SlRosterBasis   basis);

/* The first item of @organization's plan for @year that is neither
 * cancelled nor named by a meeting other than @exclude, or NULL. */
SlPlanItem     *sl_meeting_draft_next_plan_item (SlLedger    *ledger,
                                                 const char  *organization,
                                                 int          year,
                                                 const char  *exclude,
                                                 GError     **error);

/* Fills @meeting from its organization, kind, date and expanded flag:
 * sequence, title, chair, recorder, place, times, form, plan item, theme
 * and one present attendance row per expected member. The meeting's own
 * id is left out of the counts, so a saved meeting can be filled again. */
gboolean        sl_meeting_draft_fill        (SlLedger       *ledger,
                                              SlMeeting      *meeting,
                                              GError        **error);

/* A new meeting (new id, not saved) of @kind on @date, filled as above.
 * @organization NULL picks sl_meeting_draft_default_organization(). */
SlMeeting      *sl_meeting_draft_new         (SlLedger       *ledger,
                                              const char     *organization,
                                              SlMeetingKind   kind,
                                              const char     *date,
                                              GError        **error);

/* Dates and times as people type them: "2023-3-5", "2023/03/05",
 * "2023.3.5", "20230305", "2023年3月5日", and within @year "3-5", "3/5",
 * "3.5", "0305", "3月5日" (sl_date_parse()). Returns "YYYY-MM-DD", or NULL
 * when the text is no real day. */
char           *sl_meeting_draft_parse_date  (const char     *text,
                                              int             year);
/* "9:00", "9：00", "09.30", "930", "0930", "9" → "HH:MM"; NULL if not a time. */
char           *sl_meeting_draft_parse_time  (const char     *text);

/* What the meeting editor's fields may store (sl-meeting-fields.c). Each
 * reads @text as typed and returns TRUE with *@value, its standard form
 * (NULL for an empty field that may stay empty), or FALSE with *@message,
 * one line to show beside the field saying what is wrong and how to fix
 * it; nothing is then stored. */

/* A date; @year is the year of "3-5"; an empty field is refused when
 * @required. */
gboolean        sl_meeting_draft_check_date  (const char     *text,
                                              int             year,
                                              gboolean        required,
                                              char          **value,
                                              char          **message);
/* A start or end time. The end field passes the stored start as
 * @not_before, the start field the stored end as @not_after (either may be
 * NULL): a meeting does not end before it starts. */
gboolean        sl_meeting_draft_check_time  (const char     *text,
                                              const char     *not_before,
                                              const char     *not_after,
                                              char          **value,
                                              char          **message);
/* A title: never empty (the list would show a blank row). */
gboolean        sl_meeting_draft_check_title (const char     *text,
                                              char          **value,
                                              char          **message);
/* The year a meeting dated @stored moves to when it is dated @date, or 0
 * when it stays where it is listed (or had no date yet). */
int             sl_meeting_draft_year_change (const char     *stored,
                                              const char     *date);

G_END_DECLS
