/* sl-search-snippet.c — the line of a meeting's text that a hit shows
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A hit shows the first text of the meeting, in reading order, that holds
 * the query's first word, cut to a line around it, and names that text's
 * field (search --json's "field": speech_title, guest_remarks...), so
 * that a reader sees why a meeting was found: a speech's title or a
 * guest's 点评意见 is not its theme. The fields are those of search_text
 * (schema 9, sl-migrations.c).
 */

#define G_LOG_DOMAIN "sl-search"

#include "config.h"

#include <string.h>

#include "sl-database.h"
#include "sl-search-snippet.h"
#include "sl-util.h"

#define SNIPPET_BEFORE 12
#define SNIPPET_AFTER  28

/**
 * sl_search_snippet_cut:
 * @body: (nullable): a text
 * @word: a word of the query, as typed
 *
 * Returns: (nullable): @body cut to a line around the first @word (Latin
 *   letters without regard to case), or NULL when it does not hold it
 */
char *
sl_search_snippet_cut (const char *body,
                       const char *word)
{
  gboolean fold = sl_str_has_ascii_letter (word);
  g_autofree char *needle = fold ? g_ascii_strdown (word, -1) : g_strdup (word);
  g_autofree char *folded = NULL;
  const char *hit, *start, *end;
  GString *line;

  if (body == NULL || *needle == '\0')
    return NULL;

  /* ASCII lower case keeps every byte where it was. */
  if (fold)
    folded = g_ascii_strdown (body, -1);
  hit = strstr (fold ? folded : body, needle);
  if (hit == NULL)
    return NULL;

  start = body + (hit - (fold ? folded : body));
  end = start + strlen (needle);
  for (int i = 0; i < SNIPPET_BEFORE && start > body; i++)
    start = g_utf8_prev_char (start);
  for (int i = 0; i < SNIPPET_AFTER && *end; i++)
    end = g_utf8_next_char (end);

  line = g_string_new (start > body ? "…" : "");
  for (const char *p = start; p < end; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);
      if (c == '\r' || c == '\n' || c == '\t')
        c = ' ';
      g_string_append_unichar (line, c);
    }
  if (*end)
    g_string_append (line, "…");

  return g_string_free (line, FALSE);
}

/* The meeting's texts in reading order: a query per kind of record, its
 * columns each a field. One short query per kind, stopping at the first
 * text found: a common word is nearly always in the title or theme. */
static const struct
{
  const char *sql;
  const char *fields[5];
} parts[] = {
  { "SELECT title, theme FROM meetings WHERE id = ?", { "title", "theme" } },
  { "SELECT title, source, summary FROM studies WHERE meeting_id = ? ORDER BY position",
    { "study_title", "study_source", "study_summary" } },
  { "SELECT title, points, speaker_name FROM speeches WHERE meeting_id = ? ORDER BY position",
    { "speech_title", "speech", "speaker" } },
  { "SELECT remarks, name, unit, post FROM guests WHERE meeting_id = ? ORDER BY position",
    { "guest_remarks", "guest", "guest_unit", "guest_post" } },
  { "SELECT text, department, progress FROM measures WHERE meeting_id = ? ORDER BY position",
    { "measure", "measure_department", "measure_progress" } },
  { "SELECT chair_summary, decisions, place, note,"
    "  CASE WHEN json_valid (session_topics) AND json_type (session_topics) = 'array'"
    "  THEN (SELECT group_concat (value, char (10)) FROM json_each (session_topics))"
    "  ELSE session_topics END"
    "  FROM meetings WHERE id = ?",
    { "chair_summary", "decisions", "place", "note", "session_topics" } },
};

/**
 * sl_search_snippet_meeting:
 * @meeting: the meeting's key
 * @word: the query's first word
 * @field: (out): the field the line comes from (a code of search
 *   --json's "field"), NULL when none holds @word
 *
 * Returns: the first text of the meeting that holds @word, cut to a line
 *   around it; "" when none does (a word split over two fields)
 */
char *
sl_search_snippet_meeting (SlDatabase  *database,
                           gint64       meeting,
                           const char  *word,
                           const char **field)
{
  char *snippet = NULL;

  *field = NULL;
  for (guint part = 0; snippet == NULL && part < G_N_ELEMENTS (parts); part++)
    {
      g_autoptr(GPtrArray) texts = g_ptr_array_new_with_free_func (g_free);
      sqlite3_stmt *stmt = sl_database_prepare (database, parts[part].sql, NULL);
      int columns;

      if (stmt == NULL)
        break;

      /* Column by column: every title before the first source. */
      columns = MIN (sqlite3_column_count (stmt), (int) G_N_ELEMENTS (parts[part].fields));
      sqlite3_bind_int64 (stmt, 1, meeting);
      while (sqlite3_step (stmt) == SQLITE_ROW)
        for (int c = 0; c < columns; c++)
          g_ptr_array_add (texts, g_strdup (sl_column_text (stmt, c)));
      sqlite3_reset (stmt);

      for (int c = 0; snippet == NULL && c < columns; c++)
        for (guint row = c; snippet == NULL && row < texts->len; row += columns)
          if ((snippet = sl_search_snippet_cut (g_ptr_array_index (texts, row), word)) != NULL)
            *field = parts[part].fields[c];
    }

  return snippet ? snippet : g_strdup ("");
}
