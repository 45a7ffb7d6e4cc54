/* sl-guest-remarks.c — a superior's remarks (点评意见) turned into measures
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * When a superior sits in on a session (上级列席旁听) and comments, the
 * work plan expects each point to be followed up like any other measure
 * (整改落实). The remarks are typed as one text; this splits it into its
 * points (lines, "1." / "（一）" items, or "；") and adds one open measure
 * per point to the meeting, where the editor saves it with the rest. A
 * point already among the measures is not added twice, so the action can
 * be repeated after the remarks grow.
 */

#define G_LOG_DOMAIN "sl-guest-remarks"

#include "config.h"

#include <gio/gio.h>
#include <string.h>

#include "sl-guest.h"
#include "sl-guest-remarks.h"
#include "sl-measure.h"
#include "sl-meeting.h"

/* "1." "1、" "（一）" "一是" at the start of a point, dropped. */
static const char *
skip_number (const char *point)
{
  static gsize once = 0;
  static GRegex *number = NULL;
  g_autoptr(GMatchInfo) match = NULL;

  if (g_once_init_enter (&once))
    {
      number = g_regex_new ("^\\s*(?:[0-9０-９]+[.．、)）]|[（(][一二三四五六七八九十0-9]+[)）]|"
                                            "[一二三四五六七八九十]+[是、])\\s*",
                                            G_REGEX_OPTIMIZE, 0, NULL);
      g_once_init_leave (&once, 1);
    }
  if (g_regex_match (number, point, 0, &match))
    {
      int end = 0;

      g_match_info_fetch_pos (match, 0, NULL, &end);
      return point + end;
    }
  return point;
}

GStrv
sl_guest_remarks_split (const char *remarks)
{
  g_autoptr(GStrvBuilder) points = g_strv_builder_new ();
  g_auto(GStrv) lines = NULL;

  if (remarks == NULL)
    return g_strv_builder_end (points);

  lines = g_regex_split_simple ("\\n|；|;", remarks, 0, 0);
  for (guint i = 0; lines[i] != NULL; i++)
    {
      g_autofree char *point = g_strstrip (g_strdup (skip_number (lines[i])));

      if (*point != '\0')
        g_strv_builder_add (points, point);
    }
  return g_strv_builder_end (points);
}

guint
sl_guest_remarks_to_measures (SlMeeting *meeting,
                              SlGuest   *guest)
{
  GListModel *measures;
  g_auto(GStrv) points = NULL;
  guint added = 0;

  g_return_val_if_fail (SL_IS_MEETING (meeting), 0);
  g_return_val_if_fail (SL_IS_GUEST (guest), 0);

  measures = sl_meeting_get_measures (meeting);
  points = sl_guest_remarks_split (sl_guest_get_remarks (guest));
  for (guint i = 0; points[i] != NULL; i++)
    {
      g_autoptr(SlMeasure) measure = NULL;
      gboolean known = FALSE;

      for (guint j = 0; !known && j < g_list_model_get_n_items (measures); j++)
        {
          g_autoptr(SlMeasure) existing = g_list_model_get_item (measures, j);

          known = g_strcmp0 (sl_measure_get_text (existing), points[i]) == 0;
        }
      if (known)
        continue;

      measure = sl_measure_new ();
      sl_measure_set_text (measure, points[i]);
      sl_measure_set_status (measure, SL_MEASURE_STATUS_OPEN);
      g_list_store_append (G_LIST_STORE (measures), measure);
      added++;
    }
  return added;
}
