/* sl-chart.c — stacked columns or horizontal bars, drawn with Cairo
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The overview's two charts: meetings per month, stacked by kind, with a
 * legend; and each member's attendance rate against the threshold. The
 * chart has no children, so it has no template: it measures itself from
 * its data and draws in snapshot().
 *
 * Colours come from the style, looked up at every draw, so the chart
 * follows the accent and the dark style (css_changed() redraws it). The
 * palette is libadwaita's named colours; the first series colour is the
 * accent. Nothing depends on colour alone: the legend names each series,
 * bars under the threshold carry their figure in bold, and tooltips and
 * the accessible description say the numbers.
 */

#define G_LOG_DOMAIN "sl-chart"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "sl-chart.h"

typedef enum
{
  CHART_NONE,
  CHART_COLUMNS,
  CHART_BARS,
} ChartKind;

struct _SlChart
{
  GtkWidget  parent_instance;

  /* owned */
  ChartKind  kind;
  GStrv      categories;   /* columns: x labels; bars: row labels */
  GStrv      series;       /* columns only */
  GArray    *colors;       /* guint, per series */
  GArray    *values;       /* double: categories × series, or one rate per row */
  double     threshold;

  /* Geometry of the last draw, for tooltips. */
  double     plot_x;
  double     plot_y;
  double     slot;         /* width of a column slot or height of a bar row */
  GArray    *label_extents; /* double pairs: x and width of each x label drawn */
};

G_DEFINE_FINAL_TYPE (SlChart, sl_chart, GTK_TYPE_WIDGET)

#define COLUMN_HEIGHT  180.0
#define BAR_ROW        28.0
#define BAR_THICKNESS  14.0
#define PAD            12.0
#define SWATCH         10.0
#define LABEL_GAP      6.0

static const struct { const char *name; const char *fallback; } palette[] = {
  { "accent_bg_color", "#c01c28" },
  { "blue_3",          "#3584e4" },
  { "green_4",         "#2ec27e" },
  { "yellow_5",        "#c88800" },
  { "purple_3",        "#9141ac" },
  { "orange_3",        "#ff7800" },
  { "brown_2",         "#b5835a" },
  { "blue_5",          "#1a5fb4" },
  { "green_2",         "#8ff0a4" },
  { "dark_1",          "#77767b" },
  { "red_1",           "#f66151" },
  { "purple_1",        "#dc8add" },
};

G_GNUC_BEGIN_IGNORE_DEPRECATIONS
static void
lookup_color (GtkWidget  *widget,
              const char *name,
              const char *fallback,
              GdkRGBA    *color)
{
  GtkStyleContext *context = gtk_widget_get_style_context (widget);

  if (!gtk_style_context_lookup_color (context, name, color))
    gdk_rgba_parse (color, fallback);
}

static void
foreground_color (GtkWidget *widget,
                  GdkRGBA   *color)
{
  gtk_style_context_get_color (gtk_widget_get_style_context (widget), color);
}
G_GNUC_END_IGNORE_DEPRECATIONS

static void
series_color (SlChart *self,
              guint    series,
              GdkRGBA *color)
{
  guint index = series;

  if (self->colors != NULL && series < self->colors->len)
    index = g_array_index (self->colors, guint, series);
  index %= G_N_ELEMENTS (palette);

  lookup_color (GTK_WIDGET (self), palette[index].name, palette[index].fallback, color);
}

static guint
n_categories (SlChart *self)
{
  return self->categories ? g_strv_length (self->categories) : 0;
}

static guint
n_series (SlChart *self)
{
  return self->series ? g_strv_length (self->series) : 0;
}

static double
value_at (SlChart *self,
          guint    category,
          guint    series)
{
  guint index = category * MAX (n_series (self), 1) + series;

  if (self->values == NULL || index >= self->values->len)
    return 0;
  return g_array_index (self->values, double, index);
}

static double
column_total (SlChart *self,
              guint    category)
{
  double total = 0;

  for (guint s = 0; s < n_series (self); s++)
    total += value_at (self, category, s);
  return total;
}

static PangoLayout *
make_layout (SlChart    *self,
             const char *text,
             gboolean    small,
             gboolean    bold)
{
  PangoLayout *layout = gtk_widget_create_pango_layout (GTK_WIDGET (self), text);
  PangoAttrList *attributes = pango_attr_list_new ();

  if (small)
    pango_attr_list_insert (attributes, pango_attr_scale_new (0.83));
  if (bold)
    pango_attr_list_insert (attributes, pango_attr_weight_new (PANGO_WEIGHT_BOLD));
  pango_layout_set_attributes (layout, attributes);
  pango_attr_list_unref (attributes);

  return layout;
}

static void
layout_size (PangoLayout *layout,
             double      *width,
             double      *height)
{
  int w, h;

  pango_layout_get_pixel_size (layout, &w, &h);
  if (width)
    *width = w;
  if (height)
    *height = h;
}

static void
set_source (cairo_t       *cr,
            const GdkRGBA *color,
            double         alpha)
{
  cairo_set_source_rgba (cr, color->red, color->green, color->blue, color->alpha * alpha);
}

static void
rounded_rectangle (cairo_t *cr,
                   double   x,
                   double   y,
                   double   width,
                   double   height,
                   double   radius)
{
  radius = MIN (radius, MIN (width, height) / 2);
  cairo_new_sub_path (cr);
  cairo_arc (cr, x + width - radius, y + radius, radius, -G_PI_2, 0);
  cairo_arc (cr, x + width - radius, y + height - radius, radius, 0, G_PI_2);
  cairo_arc (cr, x + radius, y + height - radius, radius, G_PI_2, G_PI);
  cairo_arc (cr, x + radius, y + radius, radius, G_PI, 3 * G_PI_2);
  cairo_close_path (cr);
}

/* The axis' top and its step: whole numbers, about four gridlines. */
static void
nice_scale (double  max,
            double *top,
            double *step)
{
  double raw;

  if (max <= 0)
    max = 1;

  raw = max / 4;
  if (raw <= 1)
    *step = 1;
  else if (raw <= 2)
    *step = 2;
  else if (raw <= 5)
    *step = 5;
  else
    *step = pow (10, ceil (log10 (raw)));

  *top = ceil (max / *step) * *step;
}

/* The legend's height for @width, drawing it when @cr is not NULL. */
static double
legend (SlChart *self,
        cairo_t *cr,
        double   x0,
        double   y0,
        double   width)
{
  GdkRGBA fg;
  double x = x0, y = y0, line = 0;

  foreground_color (GTK_WIDGET (self), &fg);

  for (guint s = 0; s < n_series (self); s++)
    {
      g_autoptr(PangoLayout) layout = make_layout (self, self->series[s], TRUE, FALSE);
      double w, h, item;

      layout_size (layout, &w, &h);
      item = SWATCH + 6 + w + 18;
      if (x > x0 && x + item > x0 + width)
        {
          x = x0;
          y += line + 6;
          line = 0;
        }
      line = MAX (line, h);

      if (cr != NULL)
        {
          GdkRGBA color;

          series_color (self, s, &color);
          set_source (cr, &color, 1);
          rounded_rectangle (cr, x, y + (h - SWATCH) / 2, SWATCH, SWATCH, 2);
          cairo_fill (cr);

          set_source (cr, &fg, 0.8);
          cairo_move_to (cr, x + SWATCH + 6, y);
          pango_cairo_show_layout (cr, layout);
        }

      x += item;
    }

  return n_series (self) > 0 ? y + line - y0 : 0;
}

static void
draw_columns (SlChart *self,
              cairo_t *cr,
              double   width,
              double   height)
{
  guint n = n_categories (self);
  double max = 0, top, step, axis_w = 0, label_h = 0, legend_h, label_w = 0;
  double plot_x, plot_y, plot_w, plot_h, slot;
  guint stride = 1;
  GdkRGBA fg;

  if (n == 0)
    return;

  foreground_color (GTK_WIDGET (self), &fg);

  for (guint c = 0; c < n; c++)
    max = MAX (max, column_total (self, c));
  nice_scale (max, &top, &step);

  /* The widest axis number and the category labels' height. */
  for (double v = 0; v <= top; v += step)
    {
      g_autofree char *text = g_strdup_printf ("%g", v);
      g_autoptr(PangoLayout) layout = make_layout (self, text, TRUE, FALSE);
      double w;

      layout_size (layout, &w, NULL);
      axis_w = MAX (axis_w, w);
    }
  {
    g_autoptr(PangoLayout) layout = make_layout (self, self->categories[0], TRUE, FALSE);
    layout_size (layout, NULL, &label_h);
  }

  legend_h = legend (self, NULL, PAD, 0, width - 2 * PAD);

  plot_x = PAD + axis_w + 8;
  plot_y = PAD;
  plot_w = width - plot_x - PAD;
  plot_h = height - plot_y - label_h - 6 - (legend_h > 0 ? legend_h + 14 : 0) - PAD;
  if (plot_w <= 0 || plot_h <= 0)
    return;

  slot = plot_w / n;
  self->plot_x = plot_x;
  self->plot_y = plot_y;
  self->slot = slot;

  /* Every stride-th label: at 360 px the twelve months' “10月11月12月”
   * ran into one another. The columns keep their slots; the tooltip
   * still names each month. */
  for (guint c = 0; c < n; c++)
    {
      g_autoptr(PangoLayout) layout = make_layout (self, self->categories[c], TRUE, FALSE);
      double w;

      layout_size (layout, &w, NULL);
      label_w = MAX (label_w, w);
    }
  while (stride < n && stride * slot < label_w + LABEL_GAP)
    stride++;
  g_array_set_size (self->label_extents, 0);

  /* Gridlines and their numbers. */
  cairo_set_line_width (cr, 1);
  for (double v = 0; v <= top; v += step)
    {
      double y = round (plot_y + plot_h - v / top * plot_h) + 0.5;
      g_autofree char *text = g_strdup_printf ("%g", v);
      g_autoptr(PangoLayout) layout = make_layout (self, text, TRUE, FALSE);
      double w, h;

      set_source (cr, &fg, v == 0 ? 0.3 : 0.1);
      cairo_move_to (cr, plot_x, y);
      cairo_line_to (cr, plot_x + plot_w, y);
      cairo_stroke (cr);

      layout_size (layout, &w, &h);
      set_source (cr, &fg, 0.55);
      cairo_move_to (cr, plot_x - 8 - w, y - h / 2);
      pango_cairo_show_layout (cr, layout);
    }

  /* Columns, bottom up, with a sliver of background between segments. */
  for (guint c = 0; c < n; c++)
    {
      double bar_w = MIN (slot * 0.6, 28);
      double x = plot_x + c * slot + (slot - bar_w) / 2;
      double base = plot_y + plot_h;
      g_autoptr(PangoLayout) label = make_layout (self, self->categories[c], TRUE, FALSE);
      double w, label_x;

      for (guint s = 0; s < n_series (self); s++)
        {
          double v = value_at (self, c, s);
          double h = v / top * plot_h;
          GdkRGBA color;

          if (v <= 0)
            continue;

          series_color (self, s, &color);
          set_source (cr, &color, 1);
          rounded_rectangle (cr, x, base - h + 1, bar_w, h - 1, 2);
          cairo_fill (cr);
          base -= h;
        }

      if (c % stride != 0)
        continue;

      /* Centred under its column, but never past the chart's edges. */
      layout_size (label, &w, NULL);
      label_x = CLAMP (plot_x + c * slot + (slot - w) / 2, 0, MAX (0, width - w));
      g_array_append_val (self->label_extents, label_x);
      g_array_append_val (self->label_extents, w);
      set_source (cr, &fg, 0.7);
      cairo_move_to (cr, label_x, plot_y + plot_h + 6);
      pango_cairo_show_layout (cr, label);
    }

  if (legend_h > 0)
    legend (self, cr, plot_x, height - PAD - legend_h, width - plot_x - PAD);
}

static double
bars_label_width (SlChart *self)
{
  double label_w = 0;

  for (guint r = 0; r < n_categories (self); r++)
    {
      g_autoptr(PangoLayout) layout = make_layout (self, self->categories[r], FALSE, FALSE);
      double w;

      layout_size (layout, &w, NULL);
      label_w = MAX (label_w, w);
    }

  return MIN (label_w, 160);
}

static char *
format_rate (double rate)
{
  long tenths = lround (rate * 1000);

  if (tenths % 10 == 0)
    return g_strdup_printf ("%ld%%", tenths / 10);
  return g_strdup_printf ("%ld.%ld%%", tenths / 10, tenths % 10);
}

static void
draw_bars (SlChart *self,
           cairo_t *cr,
           double   width,
           double   height)
{
  guint n = n_categories (self);
  double label_w, value_w, plot_x, plot_y, plot_w;
  GdkRGBA fg, good, warning;

  if (n == 0)
    return;

  foreground_color (GTK_WIDGET (self), &fg);
  /* Rates read as good or short of the rule: the style's success and
   * warning colours, not the (red) accent, which would say "wrong". */
  lookup_color (GTK_WIDGET (self), "success_bg_color", "#26a269", &good);
  lookup_color (GTK_WIDGET (self), "warning_bg_color", "#e5a50a", &warning);

  {
    g_autoptr(PangoLayout) layout = make_layout (self, "100%", TRUE, TRUE);
    layout_size (layout, &value_w, NULL);
  }

  label_w = bars_label_width (self);
  plot_x = PAD + label_w + 12;
  plot_y = PAD + 18;        /* room for the threshold's label */
  plot_w = width - plot_x - value_w - 8 - PAD;
  if (plot_w <= 20)
    return;

  self->plot_x = plot_x;
  self->plot_y = plot_y;
  self->slot = BAR_ROW;

  for (guint r = 0; r < n; r++)
    {
      double rate = self->values && r < self->values->len
                    ? g_array_index (self->values, double, r) : NAN;
      gboolean under = !isnan (self->threshold) && !isnan (rate) && rate < self->threshold;
      double y = plot_y + r * BAR_ROW;
      double bar_y = y + (BAR_ROW - BAR_THICKNESS) / 2;
      g_autoptr(PangoLayout) label = make_layout (self, self->categories[r], FALSE, FALSE);
      double w, h;

      pango_layout_set_width (label, label_w * PANGO_SCALE);
      pango_layout_set_ellipsize (label, PANGO_ELLIPSIZE_END);
      pango_layout_set_alignment (label, PANGO_ALIGN_RIGHT);
      layout_size (label, &w, &h);
      set_source (cr, &fg, 0.8);
      cairo_move_to (cr, PAD, y + (BAR_ROW - h) / 2);
      pango_cairo_show_layout (cr, label);

      /* The track, then the bar. */
      set_source (cr, &fg, 0.08);
      rounded_rectangle (cr, plot_x, bar_y, plot_w, BAR_THICKNESS, BAR_THICKNESS / 2);
      cairo_fill (cr);

      if (!isnan (rate) && rate > 0)
        {
          set_source (cr, under ? &warning : &good, 1);
          rounded_rectangle (cr, plot_x, bar_y, MAX (plot_w * MIN (rate, 1), BAR_THICKNESS),
                             BAR_THICKNESS, BAR_THICKNESS / 2);
          cairo_fill (cr);
        }

      if (!isnan (rate))
        {
          g_autofree char *text = format_rate (rate);
          g_autoptr(PangoLayout) value = make_layout (self, text, TRUE, under);

          layout_size (value, NULL, &h);
          set_source (cr, &fg, under ? 1 : 0.7);
          cairo_move_to (cr, plot_x + plot_w + 8, y + (BAR_ROW - h) / 2);
          pango_cairo_show_layout (cr, value);
        }
    }

  if (!isnan (self->threshold))
    {
      double x = round (plot_x + plot_w * self->threshold) + 0.5;
      static const double dashes[] = { 4, 3 };
      g_autofree char *rate = format_rate (self->threshold);
      /* Translators: the label of the threshold line in the attendance chart. */
      g_autofree char *text = g_strdup_printf (_("Threshold %s"), rate);
      g_autoptr(PangoLayout) layout = make_layout (self, text, TRUE, FALSE);
      double w, h;

      set_source (cr, &fg, 0.6);
      cairo_set_line_width (cr, 1);
      cairo_set_dash (cr, dashes, G_N_ELEMENTS (dashes), 0);
      cairo_move_to (cr, x, plot_y - 4);
      cairo_line_to (cr, x, plot_y + n * BAR_ROW + 2);
      cairo_stroke (cr);
      cairo_set_dash (cr, NULL, 0, 0);

      layout_size (layout, &w, &h);
      set_source (cr, &fg, 0.7);
      cairo_move_to (cr, MIN (x - w / 2, width - PAD - w), plot_y - 6 - h);
      pango_cairo_show_layout (cr, layout);
    }
}

static void
sl_chart_snapshot (GtkWidget   *widget,
                   GtkSnapshot *snapshot)
{
  SlChart *self = SL_CHART (widget);
  double width = gtk_widget_get_width (widget);
  double height = gtk_widget_get_height (widget);
  cairo_t *cr;

  if (self->kind == CHART_NONE || n_categories (self) == 0 || width <= 0 || height <= 0)
    return;

  cr = gtk_snapshot_append_cairo (snapshot, &GRAPHENE_RECT_INIT (0, 0, width, height));
  if (self->kind == CHART_COLUMNS)
    draw_columns (self, cr, width, height);
  else
    draw_bars (self, cr, width, height);
  cairo_destroy (cr);
}

static void
sl_chart_measure (GtkWidget      *widget,
                  GtkOrientation  orientation,
                  int             for_size,
                  int            *minimum,
                  int            *natural,
                  int            *minimum_baseline,
                  int            *natural_baseline)
{
  SlChart *self = SL_CHART (widget);

  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    {
      *minimum = 200;
      *natural = self->kind == CHART_COLUMNS ? 640 : 480;
      return;
    }

  if (self->kind == CHART_COLUMNS)
    {
      double legend_h = legend (self, NULL, PAD, 0, (for_size > 0 ? for_size : 640) - 3 * PAD - 24);

      *minimum = *natural = COLUMN_HEIGHT + (legend_h > 0 ? legend_h + 14 : 0) + 2 * PAD + 20;
    }
  else if (self->kind == CHART_BARS)
    *minimum = *natural = PAD + 18 + n_categories (self) * BAR_ROW + PAD;
  else
    *minimum = *natural = 0;
}

static GtkSizeRequestMode
sl_chart_get_request_mode (GtkWidget *widget)
{
  return GTK_SIZE_REQUEST_HEIGHT_FOR_WIDTH;
}

static gboolean
sl_chart_query_tooltip (GtkWidget  *widget,
                        int         x,
                        int         y,
                        gboolean    keyboard_mode,
                        GtkTooltip *tooltip)
{
  SlChart *self = SL_CHART (widget);
  guint n = n_categories (self);
  int index;

  if (self->slot <= 0 || n == 0)
    return FALSE;

  if (self->kind == CHART_COLUMNS)
    {
      g_autoptr(GString) text = g_string_new (NULL);

      index = (int) floor ((x - self->plot_x) / self->slot);
      if (index < 0 || index >= (int) n)
        return FALSE;

      g_string_append_printf (text, "<b>%s</b>", self->categories[index]);
      for (guint s = 0; s < n_series (self); s++)
        {
          double v = value_at (self, index, s);
          g_autofree char *escaped = NULL;

          if (v <= 0)
            continue;
          escaped = g_markup_escape_text (self->series[s], -1);
          g_string_append_printf (text, "\n%s %g", escaped, v);
        }
      if (column_total (self, index) <= 0)
        g_string_append_printf (text, "\n%s", _("No meetings"));

      gtk_tooltip_set_markup (tooltip, text->str);
      return TRUE;
    }

  if (self->kind == CHART_BARS)
    {
      double rate;
      g_autofree char *rate_text = NULL;
      g_autofree char *text = NULL;

      index = (int) floor ((y - self->plot_y) / self->slot);
      if (index < 0 || index >= (int) n || self->values == NULL)
        return FALSE;

      rate = g_array_index (self->values, double, index);
      rate_text = isnan (rate) ? g_strdup ("—") : format_rate (rate);
      /* Translators: a chart's tooltip: a member's name and attendance rate. */
      text = g_strdup_printf (_("%s: attendance %s"), self->categories[index], rate_text);
      gtk_tooltip_set_text (tooltip, text);
      return TRUE;
    }

  return FALSE;
}

static void
sl_chart_css_changed (GtkWidget         *widget,
                      GtkCssStyleChange *change)
{
  GTK_WIDGET_CLASS (sl_chart_parent_class)->css_changed (widget, change);

  /* The accent or the dark style may have changed the colours. */
  gtk_widget_queue_draw (widget);
}

static void
sl_chart_finalize (GObject *object)
{
  SlChart *self = SL_CHART (object);

  g_clear_pointer (&self->categories, g_strfreev);
  g_clear_pointer (&self->series, g_strfreev);
  g_clear_pointer (&self->colors, g_array_unref);
  g_clear_pointer (&self->values, g_array_unref);
  g_clear_pointer (&self->label_extents, g_array_unref);

  G_OBJECT_CLASS (sl_chart_parent_class)->finalize (object);
}

static void
sl_chart_class_init (SlChartClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->finalize = sl_chart_finalize;

  widget_class->snapshot = sl_chart_snapshot;
  widget_class->measure = sl_chart_measure;
  widget_class->get_request_mode = sl_chart_get_request_mode;
  widget_class->query_tooltip = sl_chart_query_tooltip;
  widget_class->css_changed = sl_chart_css_changed;

  gtk_widget_class_set_css_name (widget_class, "chart");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_IMG);
}

static void
sl_chart_init (SlChart *self)
{
  self->threshold = NAN;
  self->label_extents = g_array_new (FALSE, FALSE, sizeof (double));
  gtk_widget_set_has_tooltip (GTK_WIDGET (self), TRUE);
}

GtkWidget *
sl_chart_new (void)
{
  return g_object_new (SL_TYPE_CHART, NULL);
}

static void
clear_data (SlChart *self)
{
  g_clear_pointer (&self->categories, g_strfreev);
  g_clear_pointer (&self->series, g_strfreev);
  g_clear_pointer (&self->colors, g_array_unref);
  g_clear_pointer (&self->values, g_array_unref);
  self->threshold = NAN;
  self->slot = 0;
  g_array_set_size (self->label_extents, 0);
}

void
sl_chart_set_columns (SlChart            *self,
                      const char * const *categories,
                      const char * const *series,
                      const guint        *colors,
                      const double       *values)
{
  guint n_cat, n_ser;

  g_return_if_fail (SL_IS_CHART (self));

  clear_data (self);
  self->kind = CHART_COLUMNS;
  self->categories = g_strdupv ((char **) categories);
  self->series = g_strdupv ((char **) series);

  n_cat = n_categories (self);
  n_ser = n_series (self);
  self->colors = g_array_new (FALSE, TRUE, sizeof (guint));
  if (colors != NULL)
    g_array_append_vals (self->colors, colors, n_ser);
  self->values = g_array_new (FALSE, TRUE, sizeof (double));
  if (values != NULL)
    g_array_append_vals (self->values, values, n_cat * n_ser);

  gtk_widget_queue_resize (GTK_WIDGET (self));
}

void
sl_chart_set_bars (SlChart            *self,
                   const char * const *labels,
                   const double       *rates,
                   double              threshold)
{
  g_return_if_fail (SL_IS_CHART (self));

  clear_data (self);
  self->kind = CHART_BARS;
  self->categories = g_strdupv ((char **) labels);
  self->threshold = threshold;
  self->values = g_array_new (FALSE, TRUE, sizeof (double));
  if (rates != NULL)
    g_array_append_vals (self->values, rates, n_categories (self));

  gtk_widget_queue_resize (GTK_WIDGET (self));
}

guint
sl_chart_get_n_items (SlChart *self)
{
  g_return_val_if_fail (SL_IS_CHART (self), 0);
  return n_categories (self);
}

/**
 * sl_chart_get_label_extents:
 * @n_labels: (out): how many labels were drawn
 *
 * Where the last draw put the column chart's x labels: @n_labels pairs
 * of x and width, in the chart's coordinates, left to right. Tests read
 * them to see that no two labels overlap at a narrow width.
 *
 * Returns: (transfer none): the pairs, valid until the next draw
 */
const double *
sl_chart_get_label_extents (SlChart *self,
                            guint   *n_labels)
{
  g_return_val_if_fail (SL_IS_CHART (self), NULL);
  g_return_val_if_fail (n_labels != NULL, NULL);

  *n_labels = self->label_extents->len / 2;
  return (const double *) (gpointer) self->label_extents->data;
}
