/* sl-column-widths.c — a table's width shared out among its columns
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The rule of `table-layout: auto`, in any unit: points for the pages
 * (sl-table-layout.c measures with Pango), characters for the xlsx.
 */

#define G_LOG_DOMAIN "sl-column-widths"

#include "config.h"

#include "sl-column-widths.h"

double
sl_column_widths_distribute (const double *min,
                             const double *max,
                             guint         n,
                             double        available,
                             double       *widths)
{
  double sum_min = 0, sum_max = 0, sum_want = 0;

  g_return_val_if_fail (n == 0 || (min != NULL && max != NULL && widths != NULL), 0);

  for (guint c = 0; c < n; c++)
    {
      double lo = MAX (min[c], 0);
      double hi = MAX (max[c], lo);

      sum_min += lo;
      sum_max += hi;
      sum_want += hi - lo;
      widths[c] = lo;
    }

  if (available <= sum_min)
    return sum_min;

  if (available <= sum_max && sum_want > 0)
    {
      /* Each column gets its minimum and a share of the rest in proportion
       * to what it still wants: never beyond its maximum, since the shares
       * add up to exactly what is wanted at available == sum_max. */
      double share = (available - sum_min) / sum_want;

      for (guint c = 0; c < n; c++)
        {
          double lo = MAX (min[c], 0);
          double hi = MAX (max[c], lo);

          widths[c] = lo + (hi - lo) * share;
        }
      return sum_min;
    }

  /* Everything fits unbroken: the rest in proportion to the maxima. */
  for (guint c = 0; c < n; c++)
    {
      double lo = MAX (min[c], 0);
      double hi = MAX (max[c], lo);

      widths[c] = hi + (available - sum_max) * (sum_max > 0 ? hi / sum_max : 1.0 / n);
    }
  return sum_min;
}
