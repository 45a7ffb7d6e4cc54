/* sl-test-pdf.c — PDFs read back by the real poppler tools (tests/lib, 'sltest-pdf')
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "sl-test-pdf.h"

char *
pdf_tool (const char *program,
     ...)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *err = NULL;
  char *out = NULL;
  int status = 0;
  const char *arg;
  va_list args;

  g_ptr_array_add (argv, (char *) program);
  va_start (args, program);
  while ((arg = va_arg (args, const char *)) != NULL)
    g_ptr_array_add (argv, (char *) arg);
  va_end (args);
  g_ptr_array_add (argv, NULL);

  g_spawn_sync (NULL, (char **) argv->pdata, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL,
                &out, &err, &status, &error);
  g_assert_no_error (error);
  if (!g_spawn_check_wait_status (status, NULL))
    g_error ("%s failed: %s", program, err);

  return out;
}

char *
pdf_page_text (const char *path,
           guint       first,
           guint       last)
{
  g_autofree char *f = g_strdup_printf ("%u", first);
  g_autofree char *l = g_strdup_printf ("%u", last);

  return pdf_tool ("pdftotext", "-layout", "-f", f, "-l", l, path, "-", NULL);
}

char *
pdf_all_text (const char *path)
{
  return pdf_tool ("pdftotext", "-layout", path, "-", NULL);
}

void
pdf_word_clear (gpointer data)
{
  g_free (((PdfWord *) data)->text);
}

/* The words of page @page, in points from its top left corner. */
GArray *
pdf_page_words (const char *path,
            guint       page,
            double     *width,
            double     *height)
{
  g_autofree char *number = g_strdup_printf ("%u", page);
  g_autofree char *xhtml = pdf_tool ("pdftotext", "-bbox", "-f", number, "-l", number, path, "-", NULL);
  g_autoptr(GRegex) page_regex = g_regex_new ("<page width=\"([0-9.]+)\" height=\"([0-9.]+)\"",
                                              0, 0, NULL);
  g_autoptr(GRegex) word_regex = g_regex_new ("<word xMin=\"([0-9.]+)\" yMin=\"([0-9.]+)\" "
                                              "xMax=\"([0-9.]+)\" yMax=\"([0-9.]+)\">([^<]*)</word>",
                                              0, 0, NULL);
  g_autoptr(GMatchInfo) match = NULL;
  GArray *words = g_array_new (FALSE, TRUE, sizeof (PdfWord));

  g_array_set_clear_func (words, pdf_word_clear);

  if (g_regex_match (page_regex, xhtml, 0, &match))
    {
      g_autofree char *w = g_match_info_fetch (match, 1);
      g_autofree char *h = g_match_info_fetch (match, 2);

      if (width != NULL)
        *width = g_ascii_strtod (w, NULL);
      if (height != NULL)
        *height = g_ascii_strtod (h, NULL);
    }
  g_clear_pointer (&match, g_match_info_free);

  g_regex_match (word_regex, xhtml, 0, &match);
  while (g_match_info_matches (match))
    {
      PdfWord word;
      char *field;

      field = g_match_info_fetch (match, 1); word.x0 = g_ascii_strtod (field, NULL); g_free (field);
      field = g_match_info_fetch (match, 2); word.y0 = g_ascii_strtod (field, NULL); g_free (field);
      field = g_match_info_fetch (match, 3); word.x1 = g_ascii_strtod (field, NULL); g_free (field);
      field = g_match_info_fetch (match, 4); word.y1 = g_ascii_strtod (field, NULL); g_free (field);
      word.text = g_match_info_fetch (match, 5);
      g_array_append_val (words, word);
      g_match_info_next (match, NULL);
    }

  return words;
}

const PdfWord *
pdf_find_word (GArray     *words,
           const char *text)
{
  for (guint i = 0; i < words->len; i++)
    if (strstr (g_array_index (words, PdfWord, i).text, text) != NULL)
      return &g_array_index (words, PdfWord, i);
  return NULL;
}

/* pdfinfo: the number of pages; each page A4, landscape as @landscape
 * says (-1: either). */
guint
pdf_check_pages (const char *path,
             int         landscape)
{
  g_autofree char *info = pdf_tool ("pdfinfo", path, NULL);
  g_autofree char *sizes = NULL;
  g_auto(GStrv) lines = NULL;
  const char *pages = strstr (info, "Pages:");
  guint n_pages, n_sizes = 0;
  g_autofree char *last = NULL;

  g_assert_nonnull (pages);
  n_pages = atoi (pages + strlen ("Pages:"));
  g_assert_cmpuint (n_pages, >, 0);

  last = g_strdup_printf ("%u", n_pages);
  sizes = pdf_tool ("pdfinfo", "-f", "1", "-l", last, path, NULL);
  lines = g_strsplit (sizes, "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    {
      double width, height;
      const char *size;

      if (!g_str_has_prefix (lines[i], "Page ") || !(size = strstr (lines[i], "size:")))
        continue;
      g_assert_cmpint (sscanf (size, "size: %lf x %lf", &width, &height), ==, 2);
      if (width > height)
        {
          g_assert_cmpfloat_with_epsilon (width, 841.89, 0.5);
          g_assert_cmpfloat_with_epsilon (height, 595.28, 0.5);
          g_assert_true (landscape != 0);
        }
      else
        {
          g_assert_cmpfloat_with_epsilon (width, 595.28, 0.5);
          g_assert_cmpfloat_with_epsilon (height, 841.89, 0.5);
          g_assert_true (landscape != 1);
        }
      n_sizes++;
    }
  g_assert_cmpuint (n_sizes, ==, n_pages);

  return n_pages;
}

/* pdffonts: every font embedded, and the Simplified Chinese faces, not
 * the Japanese ones fontconfig picks for C.UTF-8. */
void
pdf_check_fonts (const char *path)
{
  g_autofree char *fonts = pdf_tool ("pdffonts", path, NULL);
  g_auto(GStrv) lines = g_strsplit (fonts, "\n", -1);
  const char *emb;
  gsize column;
  guint n_fonts = 0;

  g_assert_nonnull (lines[0]);
  emb = strstr (lines[0], "emb");
  g_assert_nonnull (emb);
  column = emb - lines[0];

  for (guint i = 2; lines[i] != NULL; i++)
    {
      if (lines[i][0] == '\0')
        continue;
      g_assert_cmpuint (strlen (lines[i]), >, column + 3);
      if (strncmp (lines[i] + column, "yes", 3) != 0)
        g_error ("font not embedded in %s: %s", path, lines[i]);
      g_assert_null (strstr (lines[i], "CJKjp"));
      g_assert_null (strstr (lines[i], "CJK JP"));
      n_fonts++;
    }
  g_assert_cmpuint (n_fonts, >, 0);
}

/* Each of the NULL-terminated strings occurs in @text, in this order. */
void
assert_in_order (const char *text,
                 ...)
{
  const char *position = text;
  const char *needle;
  va_list args;

  va_start (args, text);
  while ((needle = va_arg (args, const char *)) != NULL)
    {
      const char *found = strstr (position, needle);

      if (found == NULL)
        g_error ("“%s” missing or out of order in:\n%s", needle, text);
      position = found + strlen (needle);
    }
  va_end (args);
}

/* pdftotext puts spaces between Chinese and digits by its own measure:
 * compare without them. */
gboolean
contains_squeezed (const char *text,
                   const char *needle)
{
  g_autoptr(GString) a = g_string_new (NULL);
  g_autoptr(GString) b = g_string_new (NULL);

  for (const char *p = text; *p != '\0'; p++)
    if (*p != ' ')
      g_string_append_c (a, *p);
  for (const char *p = needle; *p != '\0'; p++)
    if (*p != ' ')
      g_string_append_c (b, *p);

  return strstr (a->str, b->str) != NULL;
}

guint
count_occurrences (const char *text,
       const char *needle)
{
  guint n = 0;

  for (const char *p = strstr (text, needle); p != NULL; p = strstr (p + 1, needle))
    n++;
  return n;
}
