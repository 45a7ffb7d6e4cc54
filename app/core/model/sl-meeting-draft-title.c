/* sl-meeting-draft-title.c — a new meeting's number in the year and its title
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A meeting's title carries its number in the year ("2023年第3次"), so the
 * two are worked out together: the number counts the organization's
 * meetings of the kind held up to the day, and the title is written the
 * way the organization's latest title of the kind is written (the pattern
 * it has learned), else in the standard form.
 *
 * Titles are record text, not interface text: they are written the way
 * the documents of a Chinese organisation write them whatever the locale
 * of the desktop, so they are not translated.
 */

#define G_LOG_DOMAIN "sl-meeting-draft"

#include "config.h"

#include <string.h>

#include "sl-ledger.h"
#include "sl-meeting.h"
#include "sl-meeting-draft-title.h"
#include "sl-meeting-draft-title-private.h"
#include "sl-organization.h"
#include "sl-util.h"

int
sl_meeting_draft_count_before (GPtrArray     *meetings,
                               SlMeetingKind  kind,
                               const char    *date,
                               const char    *exclude)
{
  int year = sl_date_get_year (date);
  int count = 0;

  for (guint i = 0; i < meetings->len; i++)
    {
      SlMeeting *meeting = g_ptr_array_index (meetings, i);

      if (sl_meeting_get_kind (meeting) != kind ||
          sl_meeting_get_year (meeting) != year ||
          g_strcmp0 (sl_record_get_id (SL_RECORD (meeting)), exclude) == 0)
        continue;

      /* A meeting already logged for the same day was held first. */
      if (g_strcmp0 (sl_meeting_get_date (meeting), date) <= 0)
        count++;
    }

  return count;
}

int
sl_meeting_draft_sequence (SlLedger       *ledger,
                           const char     *organization,
                           SlMeetingKind   kind,
                           const char     *date,
                           const char     *exclude,
                           GError        **error)
{
  g_autoptr(GPtrArray) meetings = NULL;
  int year;

  g_return_val_if_fail (SL_IS_LEDGER (ledger), 0);
  g_return_val_if_fail (organization != NULL, 0);

  if ((year = sl_date_get_year (date)) == 0)
    return 1;

  meetings = sl_ledger_load_meetings (ledger, year, organization, FALSE, error);
  if (meetings == NULL)
    return 0;

  return 1 + sl_meeting_draft_count_before (meetings, kind, date, exclude);
}

/* How each kind is named at the end of a title. */
static const char *
title_noun (SlMeetingKind kind)
{
  switch (kind)
    {
    case SL_MEETING_KIND_PARTY_GROUP:        return "党组会议";
    case SL_MEETING_KIND_CENTRAL_GROUP:      return "集体学习";
    case SL_MEETING_KIND_IDEOLOGY:           return "意识形态工作专题会议";
    case SL_MEETING_KIND_SITUATION_ANALYSIS: return "思想政治工作形势分析会";
    case SL_MEETING_KIND_BRANCH_ASSEMBLY:    return "党员大会";
    case SL_MEETING_KIND_BRANCH_COMMITTEE:   return "支委会";
    case SL_MEETING_KIND_GROUP_MEETING:      return "党小组会";
    case SL_MEETING_KIND_PARTY_LECTURE:      return "党课";
    case SL_MEETING_KIND_TRAINING:           return "专题培训";
    case SL_MEETING_KIND_OTHER:
    case SL_MEETING_KIND_NONE:
    default:                                 return "会议";
    }
}

char *
sl_meeting_draft_title (const char    *organization_name,
                        SlMeetingKind  kind,
                        int            year,
                        int            sequence,
                        gboolean       expanded)
{
  GString *title = g_string_new (organization_name);

  if (kind == SL_MEETING_KIND_CENTRAL_GROUP)
    g_string_append (title, "理论学习中心组");

  if (year > 0)
    g_string_append_printf (title, "%d年", year);
  if (sequence > 0)
    g_string_append_printf (title, "第%d次", sequence);

  g_string_append (title, title_noun (kind));

  if (expanded)
    g_string_append (title, "（扩大）");

  return g_string_free (title, FALSE);
}

/**
 * sl_meeting_draft_title_like:
 * @model: an existing title of the organization, of @model_year and
 *   @model_sequence ("局党组2023年第12次会议")
 *
 * The title of a new meeting written the way @model is: its text before
 * "<year>年第<N>次" and after it kept, the year and number replaced
 * ("局党组2023年第13次会议"); a model's "（扩大）" is the model's own.
 * NULL when @model does not hold its year and number that way.
 */
char *
sl_meeting_draft_title_like (const char *model,
                             int         model_year,
                             int         model_sequence,
                             gboolean    model_expanded,
                             int         year,
                             int         sequence,
                             gboolean    expanded)
{
  g_autofree char *needle = NULL;
  g_autofree char *suffix = NULL;
  const char *at;
  GString *title;

  if (model == NULL || model_year <= 0 || model_sequence <= 0 || year <= 0 || sequence <= 0)
    return NULL;

  needle = g_strdup_printf ("%d年第%d次", model_year, model_sequence);
  if ((at = strstr (model, needle)) == NULL)
    return NULL;

  suffix = g_strdup (at + strlen (needle));
  if (model_expanded && g_str_has_suffix (suffix, "（扩大）"))
    suffix[strlen (suffix) - strlen ("（扩大）")] = '\0';

  title = g_string_new_len (model, at - model);
  g_string_append_printf (title, "%d年第%d次%s", year, sequence, suffix);
  if (expanded)
    g_string_append (title, "（扩大）");

  return g_string_free (title, FALSE);
}

/* The latest meeting of @organization and @kind other than @exclude whose
 * title holds its own year and number, from @meetings. */
static SlMeeting *
find_title_model (GPtrArray     *meetings,
                  SlMeetingKind  kind,
                  const char    *exclude)
{
  SlMeeting *model = NULL;

  for (guint i = 0; i < meetings->len; i++)
    {
      SlMeeting *meeting = g_ptr_array_index (meetings, i);
      g_autofree char *like = NULL;

      if (sl_meeting_get_kind (meeting) != kind ||
          g_strcmp0 (sl_record_get_id (SL_RECORD (meeting)), exclude) == 0 ||
          (model != NULL && g_strcmp0 (sl_meeting_get_date (meeting), sl_meeting_get_date (model)) < 0))
        continue;

      like = sl_meeting_draft_title_like (sl_meeting_get_title (meeting), sl_meeting_get_year (meeting),
                                          sl_meeting_get_sequence (meeting),
                                          sl_meeting_get_expanded (meeting), 2000, 1, FALSE);
      if (like != NULL)
        model = meeting;
    }

  return model;
}

static char *
title_from (SlMeeting     *model,
            const char    *organization_name,
            SlMeetingKind  kind,
            int            year,
            int            sequence,
            gboolean       expanded)
{
  char *title = NULL;

  if (model != NULL)
    title = sl_meeting_draft_title_like (sl_meeting_get_title (model), sl_meeting_get_year (model),
                                         sl_meeting_get_sequence (model),
                                         sl_meeting_get_expanded (model), year, sequence, expanded);
  if (title == NULL)
    title = sl_meeting_draft_title (organization_name, kind, year, sequence, expanded);

  return title;
}

/**
 * sl_meeting_draft_learned_title:
 *
 * The title a new meeting gets: written as the organization's latest
 * title of the same kind is (sl_meeting_draft_title_like()), so that a
 * ledger that says "局党组2023年第N次会议" goes on saying it; else the
 * standard form of sl_meeting_draft_title().
 */
char *
sl_meeting_draft_learned_title (SlLedger      *ledger,
                                const char    *organization,
                                SlMeetingKind  kind,
                                int            year,
                                int            sequence,
                                gboolean       expanded,
                                const char    *exclude)
{
  g_autoptr(GPtrArray) meetings = NULL;
  SlOrganization *found;

  g_return_val_if_fail (SL_IS_LEDGER (ledger), NULL);

  found = organization ? sl_ledger_find_organization (ledger, organization) : NULL;
  if (organization != NULL)
    meetings = sl_ledger_load_meetings (ledger, 0, organization, FALSE, NULL);

  return title_from (meetings ? find_title_model (meetings, kind, exclude) : NULL,
                     found ? sl_organization_get_name (found) : "", kind, year, sequence, expanded);
}

char *
sl_meeting_draft_title_from (GPtrArray     *meetings,
                             const char    *organization_name,
                             SlMeetingKind  kind,
                             int            year,
                             int            sequence,
                             gboolean       expanded,
                             const char    *exclude)
{
  return title_from (find_title_model (meetings, kind, exclude), organization_name,
                     kind, year, sequence, expanded);
}
