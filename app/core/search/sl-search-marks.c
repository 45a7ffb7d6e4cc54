/* sl-search-marks.c — where a search's words are in a snippet
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A hit's snippet is one line of a meeting's text; the reader's eye goes
 * to the words looked for, so the command line brackets them (【学习】,
 * or bold on a terminal) and the window sets them in bold. Matched as the
 * search matches (sl-search.c): Latin letters without regard to case,
 * everything else as typed. Every occurrence of every word is marked;
 * overlapping ones (学习 and 习近 in 学习近) become one mark.
 */

#define G_LOG_DOMAIN "sl-search"

#include "config.h"

#include <string.h>

#include "sl-search-marks.h"
#include "sl-util.h"

static int
compare_marks (gconstpointer a,
               gconstpointer b)
{
  const SlSearchMark *first = a, *second = b;

  if (first->start != second->start)
    return first->start < second->start ? -1 : 1;
  return first->end < second->end ? -1 : first->end > second->end;
}

/**
 * sl_search_marks_find:
 * @text: a snippet, UTF-8
 * @words: the query's words (sl_search_split())
 *
 * Returns: (element-type SlSearchMark): the matches in @text, in order,
 *   none overlapping, each on whole characters
 */
GArray *
sl_search_marks_find (const char         *text,
                      const char * const *words)
{
  g_autoptr(GArray) found = g_array_new (FALSE, FALSE, sizeof (SlSearchMark));
  GArray *merged = g_array_new (FALSE, FALSE, sizeof (SlSearchMark));
  g_autofree char *folded = NULL;
  gsize length;

  if (text == NULL || words == NULL)
    return merged;

  length = strlen (text);
  /* ASCII lower case keeps every byte where it was. */
  folded = g_ascii_strdown (text, length);

  for (guint i = 0; words[i] != NULL; i++)
    {
      gboolean fold = sl_str_has_ascii_letter (words[i]);
      g_autofree char *needle = fold ? g_ascii_strdown (words[i], -1) : g_strdup (words[i]);
      const char *haystack = fold ? folded : text;
      gsize needle_length = strlen (needle);
      const char *p = haystack;

      if (needle_length == 0)
        continue;
      while ((p = strstr (p, needle)) != NULL)
        {
          SlSearchMark mark = { p - haystack, p - haystack + needle_length };

          /* A word is whole characters; so is a match of it in valid
           * UTF-8, since no character's bytes start inside another's. */
          g_array_append_val (found, mark);
          p += needle_length;
        }
    }

  g_array_sort (found, compare_marks);
  for (guint i = 0; i < found->len; i++)
    {
      SlSearchMark *mark = &g_array_index (found, SlSearchMark, i);
      SlSearchMark *last = merged->len > 0 ? &g_array_index (merged, SlSearchMark, merged->len - 1) : NULL;

      /* Overlapping, not merely adjacent: 学 and 习 stay two words. */
      if (last != NULL && mark->start < last->end)
        last->end = MAX (last->end, mark->end);
      else
        g_array_append_val (merged, *mark);
    }

  return merged;
}

/**
 * sl_search_marks_apply:
 * @text: a snippet
 * @marks: (element-type SlSearchMark) (nullable): from sl_search_marks_find()
 * @open: put before each match
 * @close: put after each match
 *
 * Returns: @text with every match between @open and @close
 */
char *
sl_search_marks_apply (const char *text,
                       GArray     *marks,
                       const char *open,
                       const char *close)
{
  GString *marked = g_string_new (NULL);
  gsize at = 0;

  if (text == NULL)
    return g_string_free (marked, FALSE);

  for (guint i = 0; marks != NULL && i < marks->len; i++)
    {
      const SlSearchMark *mark = &g_array_index (marks, SlSearchMark, i);

      g_string_append_len (marked, text + at, mark->start - at);
      g_string_append (marked, open);
      g_string_append_len (marked, text + mark->start, mark->end - mark->start);
      g_string_append (marked, close);
      at = mark->end;
    }
  g_string_append (marked, text + at);

  return g_string_free (marked, FALSE);
}
