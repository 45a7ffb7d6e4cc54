/* sl-page-glyphs.c — the characters no installed font could draw
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Pango shapes a character that no family of the list (nor fontconfig's
 * fallback) has as an unknown glyph, which cairo draws as a box with the
 * code in it: a name on the sign-in sheet that nobody can read. Every line
 * the pages draw (sl-page-op.c) is walked for such glyphs; what they were
 * and the word they were in are kept per thread, as the font stand-ins
 * are (sl-page-fonts.c), for the export's note.
 */

#define G_LOG_DOMAIN "sl-page-renderer"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "sl-page-glyphs.h"

/* More would not help the reader of one line: the fix is the same. */
#define MAX_LISTED 8
/* A name or a word around the character, not the paragraph it is in. */
#define MAX_CONTEXT 8

typedef struct
{
  GHashTable *words;  /* character → the shortest word it was seen in */
  GArray     *order;  /* the characters, in the order first drawn */
} MissingGlyphs;

static void
missing_glyphs_free (gpointer data)
{
  MissingGlyphs *missing = data;

  g_hash_table_unref (missing->words);
  g_array_unref (missing->order);
  g_free (missing);
}

static MissingGlyphs *
missing_glyphs_new (void)
{
  MissingGlyphs *missing = g_new0 (MissingGlyphs, 1);

  missing->words = g_hash_table_new_full (NULL, NULL, NULL, g_free);
  missing->order = g_array_new (FALSE, FALSE, sizeof (gunichar));
  return missing;
}

static GPrivate missing_key = G_PRIVATE_INIT (missing_glyphs_free);

static MissingGlyphs *
get_missing (void)
{
  MissingGlyphs *missing = g_private_get (&missing_key);

  if (missing == NULL)
    g_private_set (&missing_key, missing = missing_glyphs_new ());
  return missing;
}

void
sl_page_glyphs_reset (void)
{
  g_private_replace (&missing_key, missing_glyphs_new ());
}

/* Where a word ends: a name in a list (王芳、陈𠀀) or after a label
 * (出席：陈𠀀) is cut at the punctuation or space around it. */
static gboolean
is_boundary (gunichar c)
{
  return c == 0 || g_unichar_isspace (c) || g_unichar_ispunct (c);
}

/* The word of @text around the character at @at, at most MAX_CONTEXT
 * characters either side. */
static char *
word_around (const char *text,
             const char *at)
{
  const char *start = at;
  const char *end = g_utf8_next_char (at);

  for (guint i = 0; i < MAX_CONTEXT && start > text; i++)
    {
      const char *before = g_utf8_find_prev_char (text, start);

      if (before == NULL || is_boundary (g_utf8_get_char (before)))
        break;
      start = before;
    }
  for (guint i = 0; i < MAX_CONTEXT && *end != '\0'; i++)
    {
      if (is_boundary (g_utf8_get_char (end)))
        break;
      end = g_utf8_next_char (end);
    }

  return g_strndup (start, end - start);
}

/* One character a note: the shortest word it was drawn in is most
 * likely the name itself (a sign-in sheet's cell) rather than a sentence
 * of the minutes that mentions it. */
static void
note_missing (const char *text,
              const char *at)
{
  MissingGlyphs *missing = get_missing ();
  gunichar c = g_utf8_get_char (at);
  const char *known = g_hash_table_lookup (missing->words, GUINT_TO_POINTER (c));
  g_autofree char *word = word_around (text, at);

  if (known == NULL)
    g_array_append_val (missing->order, c);
  else if (g_utf8_strlen (known, -1) <= g_utf8_strlen (word, -1))
    return;
  g_hash_table_insert (missing->words, GUINT_TO_POINTER (c), g_steal_pointer (&word));
}

/* Called for every line drawn: its glyphs that no font had. */
void
sl_page_glyphs_check_line (PangoLayoutLine *line)
{
  const char *text;

  g_return_if_fail (line != NULL);

  if (line->layout == NULL)
    return;
  text = pango_layout_get_text (line->layout);

  for (GSList *l = line->runs; l != NULL; l = l->next)
    {
      PangoGlyphItem *run = l->data;
      PangoGlyphString *glyphs = run->glyphs;

      for (int i = 0; i < glyphs->num_glyphs; i++)
        {
          const char *at;
          gunichar c;

          if ((glyphs->glyphs[i].glyph & PANGO_GLYPH_UNKNOWN_FLAG) == 0
              || glyphs->glyphs[i].glyph == PANGO_GLYPH_INVALID_INPUT)
            continue;

          at = text + run->item->offset + glyphs->log_clusters[i];
          c = g_utf8_get_char (at);
          /* Controls and spaces have no face to miss. */
          if (g_unichar_iscntrl (c) || g_unichar_isspace (c)
              || g_unichar_type (c) == G_UNICODE_FORMAT)
            continue;
          note_missing (text, at);
        }
    }
}

/* The export's note about the characters drawn as boxes since the last
 * reset, or %NULL when every one had a font. */
char *
sl_page_glyphs_note (void)
{
  MissingGlyphs *missing = get_missing ();
  g_autoptr(GString) list = g_string_new (NULL);
  gboolean han = FALSE;

  if (missing->order->len == 0)
    return NULL;

  for (guint i = 0; i < missing->order->len && i < MAX_LISTED; i++)
    {
      gunichar c = g_array_index (missing->order, gunichar, i);
      char character[8] = { 0 };

      g_unichar_to_utf8 (c, character);
      han |= g_unichar_get_script (c) == G_UNICODE_SCRIPT_HAN;
      if (i > 0)
        g_string_append (list, _(", "));
      /* Translators: one character no font has, its code and the word (a
       * name) it is in, an item of the list in “No installed font has …”. */
      g_string_append_printf (list, _("%s (U+%04X, in “%s”)"), character, (guint) c,
                              (const char *) g_hash_table_lookup (missing->words,
                                                                  GUINT_TO_POINTER (c)));
    }
  if (missing->order->len > MAX_LISTED)
    g_string_append_printf (list, _(" and %u more"), missing->order->len - MAX_LISTED);

  /* A rare name character is a Han one of the extensions, and HanaMin
   * (sl-page-fonts.c) has them all; for anything else (an emoji pasted
   * into a note) no one package can be named. */
  if (!han)
    return g_strdup_printf (_("No installed font has %s: printed as a box. "
                              "Install a font that has it, or change the text, "
                              "and export again"),
                            list->str);
  return g_strdup_printf (_("No installed font has %s: printed as a box. "
                            "Install fonts-hanazono (a font with CJK Extension B, "
                            "汉字扩展B区字体) and export again"),
                          list->str);
}
