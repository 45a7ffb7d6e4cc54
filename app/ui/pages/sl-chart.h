/* sl-chart.h — stacked columns or horizontal bars, drawn with Cairo
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define SL_TYPE_CHART (sl_chart_get_type ())

G_DECLARE_FINAL_TYPE (SlChart, sl_chart, SL, CHART, GtkWidget)

GtkWidget *sl_chart_new          (void);

/* Stacked columns: @values holds n_categories × n_series numbers, row by
 * row (category 0's series, then category 1's...). @colors picks each
 * series' colour from the chart's palette, so that one kind keeps its
 * colour whatever else is shown. */
void       sl_chart_set_columns  (SlChart            *self,
                                  const char * const *categories,
                                  const char * const *series,
                                  const guint        *colors,
                                  const double       *values);

/* Horizontal bars of rates from 0 to 1, one per label, and a line at
 * @threshold (NAN for none); bars under it are marked. */
void       sl_chart_set_bars     (SlChart            *self,
                                  const char * const *labels,
                                  const double       *rates,
                                  double              threshold);

guint      sl_chart_get_n_items  (SlChart            *self);

const double *sl_chart_get_label_extents (SlChart *self,
                                          guint   *n_labels);

G_END_DECLS
