/* sl-column-widths.h — a table's width shared out among its columns
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Widths as a browser lays out a table with `table-layout: auto`: each
 * column has a minimum and a maximum; every column gets its minimum, the
 * space left goes in proportion to (maximum - minimum), none beyond its
 * maximum; what is left when all have their maximum is spread in
 * proportion to the maxima (evenly when all are 0). With less than the
 * sum of the minima, each gets its minimum. Any unit.
 *
 * Returns: the sum of the minima */
double   sl_column_widths_distribute (const double *min,
                                      const double *max,
                                      guint         n,
                                      double        available,
                                      double       *widths);

G_END_DECLS
