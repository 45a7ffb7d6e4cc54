/* sl-test-pdf.h — PDFs read back by the real poppler tools (tests/lib, 'sltest-pdf')
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * What a printed page says, read as a reader's tools read it: pdfinfo
 * (A4, orientation, pages), pdffonts (every font embedded), pdftotext
 * -layout (the words, in order) and pdftotext -bbox (where the words are,
 * in points from the page's top left corner). Only GLib; a tool that
 * fails fails the test.
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* A word of pdftotext -bbox, in points from the page's top left corner. */
typedef struct
{
  double  x0, y0, x1, y1;
  char   *text;
} PdfWord;

/* Runs @program (searched in PATH) with the NULL-terminated arguments;
 * its standard output. Fails the test when it fails. */
char          *pdf_tool          (const char *program,
                                  ...) G_GNUC_NULL_TERMINATED;

/* pdftotext -layout of pages @first to @last (from 1), or of all. */
char          *pdf_page_text     (const char *path,
                                  guint       first,
                                  guint       last);
char          *pdf_all_text      (const char *path);

/* The words of page @page (GArray of PdfWord, freed with their text);
 * the page's size in points in @width and @height (either may be NULL). */
void           pdf_word_clear    (gpointer    data);
GArray        *pdf_page_words    (const char *path,
                                  guint       page,
                                  double     *width,
                                  double     *height);

/* The first of @words that contains @text; NULL if none. */
const PdfWord *pdf_find_word     (GArray     *words,
                                  const char *text);

/* pdfinfo: the number of pages; each page A4, landscape as @landscape
 * says (1 landscape, 0 portrait, -1 either). */
guint          pdf_check_pages   (const char *path,
                                  int         landscape);

/* pdffonts: every font embedded, and the Simplified Chinese faces, not
 * the Japanese ones fontconfig picks for C.UTF-8. */
void           pdf_check_fonts   (const char *path);

/* Each of the NULL-terminated strings occurs in @text, in this order. */
void           assert_in_order   (const char *text,
                                  ...) G_GNUC_NULL_TERMINATED;

/* Whether @text contains @needle, both without spaces: pdftotext puts
 * spaces between Chinese and digits by its own measure. */
gboolean       contains_squeezed (const char *text,
                                  const char *needle);

/* How many times @needle occurs in @text (overlapping ones too). */
guint          count_occurrences (const char *text,
                                  const char *needle);

G_END_DECLS
