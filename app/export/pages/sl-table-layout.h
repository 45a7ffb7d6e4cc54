/* sl-table-layout.h — column widths from what the columns hold
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <pango/pango.h>

G_BEGIN_DECLS

/* Widths as a browser lays out a table with `table-layout: auto`: each
 * column has a minimum (its longest piece of text that cannot be broken)
 * and a maximum (its longest line unbroken). Every column gets its
 * minimum; the space left goes to the columns in proportion to how much
 * more they want (maximum - minimum), none beyond its maximum; what is
 * left after every column has its maximum is spread in proportion to the
 * maxima (or over @n columns evenly when all maxima are 0).
 *
 * When @available is less than the sum of the minima every column gets
 * its minimum and the table is wider than @available: the caller picks a
 * smaller type or prints the table in bands.
 *
 * Returns: the sum of the minima */
double   sl_table_layout_distribute   (const double *min,
                                       const double *max,
                                       guint         n,
                                       double        available,
                                       double       *widths);

/* The widths of @text in @probe's font (paragraphs split at \n): @run,
 * its longest piece Pango's line breaking (UAX #14: between Han
 * characters, at spaces, not inside a Latin word or a number) cannot
 * break, and @line, its longest paragraph unbroken. Either may be NULL.
 * Both are maxima: the caller passes 0s in. */
void     sl_table_layout_measure      (PangoLayout  *probe,
                                       const char   *text,
                                       double       *run,
                                       double       *line);

/* A header's words: it breaks after a space, a “/”, a “、” or a “，”,
 * before a “（” and at \n, and a Han run longer than six characters in
 * two halves; never elsewhere.
 *
 * Returns: (transfer full): the words, each with what follows it */
char   **sl_table_layout_header_words (const char   *title);

/* @title broken into lines of at most @width between its words (Pango
 * breaks a word only when it alone is wider than @width). @widest, if not
 * NULL, is set to the widest word, the header's minimum width.
 *
 * Returns: (transfer full): the title with \n where it breaks */
char    *sl_table_layout_pack_header  (PangoLayout  *probe,
                                       const char   *title,
                                       double        width,
                                       double       *widest);

G_END_DECLS
