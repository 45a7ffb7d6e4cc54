/* sl-search-hit.h — one hit of a search
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Shared by the text search (sl-search.c) and the search by a member's
 * name (sl-search-people.c), each of which makes hits.
 */

#pragma once

#include "sl-types.h"

G_BEGIN_DECLS

typedef struct
{
  char          *meeting;   /* the meeting's id; NULL for a research topic */
  char          *date;      /* a meeting's date; a research topic's year's last day */
  int            year;      /* a research topic's year, 0 for a meeting */
  char          *title;
  SlMeetingKind  kind;
  char          *snippet;   /* the text around the first match, on one line */
  const char    *field;     /* where the snippet is from (speech_title...), static */
  GArray        *marks;     /* SlSearchMark: the query's words in the snippet */
  gint64         key;       /* the meeting's row in this ledger, 0 for a topic */
  double         rank;      /* bm25, lower is better; 0 when not ranked */
  GStrv          roles;     /* a person's part: role codes (chair, speaker...) */
  char          *member;    /* ...and whose (the member's id) */
  char          *topic;     /* a research topic's id */
} SlSearchHit;

static inline void
sl_search_hit_free (SlSearchHit *hit)
{
  if (hit == NULL)
    return;

  g_free (hit->meeting);
  g_free (hit->date);
  g_free (hit->title);
  g_free (hit->snippet);
  g_free (hit->member);
  g_free (hit->topic);
  g_strfreev (hit->roles);
  if (hit->marks != NULL)
    g_array_unref (hit->marks);
  g_free (hit);
}

G_END_DECLS
