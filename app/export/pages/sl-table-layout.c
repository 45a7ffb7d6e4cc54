/* sl-table-layout.c — column widths from what the columns hold
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Declared widths (SlColumn.width) were guesses made before the data was
 * known: a 备注 of eight characters got 8.8 mm and wrapped every two, while
 * a date had 22 mm. Widths measured from the cells at the size they print
 * in, and shared out as browsers share a table's width, put the room
 * where the text is.
 */

#define G_LOG_DOMAIN "sl-table-layout"

#include "config.h"

#include <string.h>

#include "sl-column-widths.h"
#include "sl-table-layout.h"

double
sl_table_layout_distribute (const double *min,
                            const double *max,
                            guint         n,
                            double        available,
                            double       *widths)
{
  return sl_column_widths_distribute (min, max, n, available, widths);
}

void
sl_table_layout_measure (PangoLayout *probe,
                         const char  *text,
                         double      *run,
                         double      *line)
{
  g_auto(GStrv) paragraphs = NULL;

  g_return_if_fail (PANGO_IS_LAYOUT (probe));

  if (text == NULL || *text == '\0')
    return;

  pango_layout_set_width (probe, -1);
  paragraphs = g_strsplit (text, "\n", -1);
  for (guint p = 0; paragraphs[p] != NULL; p++)
    {
      const char *paragraph = paragraphs[p];
      const PangoLogAttr *attrs;
      PangoRectangle logical;
      int n_attrs = 0, start_x = 0;
      const char *c = paragraph;

      if (*paragraph == '\0')
        continue;

      pango_layout_set_text (probe, paragraph, -1);
      pango_layout_get_extents (probe, NULL, &logical);
      if (line != NULL)
        *line = MAX (*line, pango_units_to_double (logical.width));
      if (run == NULL)
        continue;

      /* A run ends where Pango may break the line: its width is the
       * distance between the two break positions on the unbroken line. */
      attrs = pango_layout_get_log_attrs_readonly (probe, &n_attrs);
      for (int i = 1; i < n_attrs; i++)
        {
          PangoRectangle pos;

          c = g_utf8_next_char (c);
          if (!attrs[i].is_line_break && i != n_attrs - 1)
            continue;
          pango_layout_index_to_pos (probe, (int) (c - paragraph), &pos);
          if (i == n_attrs - 1)
            pos.x = logical.width;
          *run = MAX (*run, pango_units_to_double (pos.x - start_x));
          start_x = pos.x;
        }
    }
}

static gboolean
is_han (gunichar c)
{
  return g_unichar_get_script (c) == G_UNICODE_SCRIPT_HAN;
}

char **
sl_table_layout_header_words (const char *title)
{
  g_autoptr(GPtrArray) words = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GString) word = g_string_new (NULL);

  for (const char *p = title != NULL ? title : ""; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (c == '\n')
        {
          if (word->len > 0)
            g_ptr_array_add (words, g_strdup (word->str));
          g_ptr_array_add (words, g_strdup ("\n"));
          g_string_truncate (word, 0);
          continue;
        }
      if ((c == 0xff08 || c == '(') && word->len > 0)
        {
          g_ptr_array_add (words, g_strdup (word->str));
          g_string_truncate (word, 0);
        }
      g_string_append_unichar (word, c);
      if (g_unichar_isspace (c) || c == '/' || c == 0x3001 || c == 0xff0c || c == 0xff0f)
        {
          g_ptr_array_add (words, g_strdup (word->str));
          g_string_truncate (word, 0);
        }
    }
  if (word->len > 0)
    g_ptr_array_add (words, g_strdup (word->str));

  /* A Han run of more than six characters (第一议题学习内容) reads best
   * broken in the middle. */
  for (guint i = 0; i < words->len; i++)
    {
      const char *w = g_ptr_array_index (words, i);
      glong n = g_utf8_strlen (w, -1);
      gboolean all_han = TRUE;

      for (const char *p = w; *p != '\0' && all_han; p = g_utf8_next_char (p))
        all_han = is_han (g_utf8_get_char (p));
      if (n > 6 && all_han)
        {
          const char *middle = g_utf8_offset_to_pointer (w, (n + 1) / 2);
          char *head = g_strndup (w, middle - w);
          char *tail = g_strdup (middle);

          g_ptr_array_remove_index (words, i);
          g_ptr_array_insert (words, i, tail);
          g_ptr_array_insert (words, i, head);
        }
    }

  g_ptr_array_add (words, NULL);
  return (char **) g_ptr_array_free (g_steal_pointer (&words), FALSE);
}

static double
text_width (PangoLayout *probe,
            const char  *text)
{
  PangoRectangle logical;
  g_autofree char *stripped = g_strdup (text);

  pango_layout_set_width (probe, -1);
  pango_layout_set_text (probe, g_strchomp (stripped), -1);
  pango_layout_get_extents (probe, NULL, &logical);
  return pango_units_to_double (logical.width);
}

char *
sl_table_layout_pack_header (PangoLayout *probe,
                             const char  *title,
                             double       width,
                             double      *widest)
{
  g_auto(GStrv) words = sl_table_layout_header_words (title);
  g_autoptr(GString) packed = g_string_new (NULL);
  g_autoptr(GString) line = g_string_new (NULL);

  g_return_val_if_fail (PANGO_IS_LAYOUT (probe), NULL);

  if (widest != NULL)
    *widest = 0;
  for (guint i = 0; words[i] != NULL; i++)
    {
      g_autofree char *tried = NULL;

      if (strcmp (words[i], "\n") == 0)
        {
          g_string_append_printf (packed, "%s\n", g_strchomp (line->str));
          g_string_truncate (line, 0);
          continue;
        }
      if (widest != NULL)
        *widest = MAX (*widest, text_width (probe, words[i]));

      tried = g_strconcat (line->str, words[i], NULL);
      if (line->len > 0 && text_width (probe, tried) > width)
        {
          g_string_append_printf (packed, "%s\n", g_strchomp (line->str));
          g_string_assign (line, words[i]);
        }
      else
        g_string_assign (line, tried);
    }
  g_string_append (packed, g_strchomp (line->str));

  return g_string_free (g_steal_pointer (&packed), FALSE);
}
