/* sl-table.c — a document's table, laid out once for every output
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A table is built from the records once (sl-ledger-tables.c) and then
 * drawn by each writer: the spreadsheet and the page renderer read the
 * same cells, so the two never disagree on a figure. Rows are arrays of
 * typed cells; a row may be shorter than the header, and the missing cells
 * read as empty.
 */

#define G_LOG_DOMAIN "sl-table"

#include "config.h"

#include <math.h>
#include <stdio.h>

#include "sl-table.h"
#include "sl-util.h"

struct _SlTable
{
  GObject    parent_instance;

  /* owned */
  char      *title;
  char      *subtitle;
  char      *name;
  gboolean   landscape;
  guint      key_columns;
  GArray    *columns;   /* SlColumn */
  GArray    *groups;    /* SlColumnGroup */
  GPtrArray *charts;    /* SlChart */
  GPtrArray *rows;      /* GArray of SlCell */
  GPtrArray *notes;     /* char *, always ending with NULL */
};

G_DEFINE_FINAL_TYPE (SlTable, sl_table, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_TITLE,
  PROP_SUBTITLE,
  PROP_NAME,
  PROP_LANDSCAPE,
  PROP_KEY_COLUMNS,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static const SlCell empty_cell = { SL_CELL_EMPTY, NULL, 0.0, FALSE };

static void
clear_column (gpointer data)
{
  SlColumn *column = data;

  g_clear_pointer (&column->title, g_free);
}

static void
clear_group (gpointer data)
{
  SlColumnGroup *group = data;

  g_clear_pointer (&group->title, g_free);
  g_clear_pointer (&group->separator, g_free);
  g_clear_pointer (&group->affixes, g_strfreev);
}

static void
free_chart (gpointer data)
{
  SlChart *chart = data;

  g_free (chart->title);
  g_clear_object (&chart->source);
  g_array_unref (chart->series);
  g_array_unref (chart->colors);
  g_array_unref (chart->point_colors);
  g_free (chart);
}

static void
clear_cell (gpointer data)
{
  SlCell *cell = data;

  g_clear_pointer (&cell->text, g_free);
}

static void
sl_table_finalize (GObject *object)
{
  SlTable *self = SL_TABLE (object);

  g_clear_pointer (&self->title, g_free);
  g_clear_pointer (&self->subtitle, g_free);
  g_clear_pointer (&self->name, g_free);
  g_clear_pointer (&self->columns, g_array_unref);
  g_clear_pointer (&self->groups, g_array_unref);
  g_clear_pointer (&self->charts, g_ptr_array_unref);
  g_clear_pointer (&self->rows, g_ptr_array_unref);
  g_clear_pointer (&self->notes, g_ptr_array_unref);

  G_OBJECT_CLASS (sl_table_parent_class)->finalize (object);
}

static void
sl_table_get_property (GObject    *object,
                       guint       prop_id,
                       GValue     *value,
                       GParamSpec *pspec)
{
  SlTable *self = SL_TABLE (object);

  switch (prop_id)
    {
    case PROP_TITLE:       g_value_set_string (value, self->title); break;
    case PROP_SUBTITLE:    g_value_set_string (value, self->subtitle); break;
    case PROP_NAME:        g_value_set_string (value, sl_table_get_name (self)); break;
    case PROP_LANDSCAPE:   g_value_set_boolean (value, self->landscape); break;
    case PROP_KEY_COLUMNS: g_value_set_uint (value, self->key_columns); break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sl_table_set_property (GObject      *object,
                       guint         prop_id,
                       const GValue *value,
                       GParamSpec   *pspec)
{
  SlTable *self = SL_TABLE (object);

  switch (prop_id)
    {
    case PROP_TITLE:       self->title = g_value_dup_string (value); break;
    case PROP_SUBTITLE:    sl_table_set_subtitle (self, g_value_get_string (value)); break;
    case PROP_NAME:        sl_table_set_name (self, g_value_get_string (value)); break;
    case PROP_LANDSCAPE:   sl_table_set_landscape (self, g_value_get_boolean (value)); break;
    case PROP_KEY_COLUMNS: sl_table_set_key_columns (self, g_value_get_uint (value)); break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sl_table_class_init (SlTableClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  const GParamFlags flags = (G_PARAM_READWRITE |
                             G_PARAM_EXPLICIT_NOTIFY |
                             G_PARAM_STATIC_STRINGS);

  object_class->finalize = sl_table_finalize;
  object_class->get_property = sl_table_get_property;
  object_class->set_property = sl_table_set_property;

  properties[PROP_TITLE] =
    g_param_spec_string ("title", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_SUBTITLE] = g_param_spec_string ("subtitle", NULL, NULL, NULL, flags);
  properties[PROP_NAME] = g_param_spec_string ("name", NULL, NULL, NULL, flags);
  properties[PROP_LANDSCAPE] = g_param_spec_boolean ("landscape", NULL, NULL, FALSE, flags);
  properties[PROP_KEY_COLUMNS] = g_param_spec_uint ("key-columns", NULL, NULL,
                                                    0, G_MAXUINT, 0, flags);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
sl_table_init (SlTable *self)
{
  self->columns = g_array_new (FALSE, TRUE, sizeof (SlColumn));
  g_array_set_clear_func (self->columns, clear_column);
  self->groups = g_array_new (FALSE, TRUE, sizeof (SlColumnGroup));
  g_array_set_clear_func (self->groups, clear_group);
  self->charts = g_ptr_array_new_with_free_func (free_chart);
  self->rows = g_ptr_array_new_with_free_func ((GDestroyNotify) g_array_unref);
  self->notes = g_ptr_array_new_with_free_func (g_free);
  g_ptr_array_add (self->notes, NULL);
}

SlTable *
sl_table_new (const char *title)
{
  return g_object_new (SL_TYPE_TABLE, "title", title, NULL);
}

const char *
sl_table_get_title (SlTable *self)
{
  g_return_val_if_fail (SL_IS_TABLE (self), NULL);

  return self->title ? self->title : "";
}

const char *
sl_table_get_subtitle (SlTable *self)
{
  g_return_val_if_fail (SL_IS_TABLE (self), NULL);

  return self->subtitle;
}

void
sl_table_set_subtitle (SlTable    *self,
                       const char *subtitle)
{
  g_return_if_fail (SL_IS_TABLE (self));

  if (sl_set_str (&self->subtitle, subtitle))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SUBTITLE]);
}

const char *
sl_table_get_name (SlTable *self)
{
  g_return_val_if_fail (SL_IS_TABLE (self), NULL);

  return self->name && *self->name ? self->name : sl_table_get_title (self);
}

void
sl_table_set_name (SlTable    *self,
                   const char *name)
{
  g_return_if_fail (SL_IS_TABLE (self));

  if (sl_set_str (&self->name, name))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_NAME]);
}

gboolean
sl_table_get_landscape (SlTable *self)
{
  g_return_val_if_fail (SL_IS_TABLE (self), FALSE);

  return self->landscape;
}

void
sl_table_set_landscape (SlTable  *self,
                        gboolean  landscape)
{
  g_return_if_fail (SL_IS_TABLE (self));

  landscape = !!landscape;
  if (self->landscape == landscape)
    return;

  self->landscape = landscape;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LANDSCAPE]);
}

guint
sl_table_get_key_columns (SlTable *self)
{
  g_return_val_if_fail (SL_IS_TABLE (self), 0);

  return MIN (self->key_columns, self->columns->len);
}

void
sl_table_set_key_columns (SlTable *self,
                          guint    n_columns)
{
  g_return_if_fail (SL_IS_TABLE (self));

  if (self->key_columns == n_columns)
    return;

  self->key_columns = n_columns;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_KEY_COLUMNS]);
}

void
sl_table_add_column (SlTable    *self,
                     const char *title,
                     double      width,
                     gboolean    wrap)
{
  SlColumn column = { g_strdup (title), width > 0 ? width : 4.0, !!wrap };

  g_return_if_fail (SL_IS_TABLE (self));
  g_return_if_fail (self->rows->len == 0);

  g_array_append_val (self->columns, column);
}

guint
sl_table_get_n_columns (SlTable *self)
{
  g_return_val_if_fail (SL_IS_TABLE (self), 0);

  return self->columns->len;
}

const SlColumn *
sl_table_get_column (SlTable *self,
                     guint    column)
{
  g_return_val_if_fail (SL_IS_TABLE (self), NULL);
  g_return_val_if_fail (column < self->columns->len, NULL);

  return &g_array_index (self->columns, SlColumn, column);
}

void
sl_table_add_column_group (SlTable            *self,
                           const char         *title,
                           guint               first,
                           guint               n_columns,
                           const char         *separator,
                           const char * const *affixes)
{
  SlColumnGroup group = { 0 };

  g_return_if_fail (SL_IS_TABLE (self));
  g_return_if_fail (n_columns > 0 && first + n_columns <= self->columns->len);

  for (guint i = 0; i < self->groups->len; i++)
    {
      const SlColumnGroup *other = &g_array_index (self->groups, SlColumnGroup, i);

      g_return_if_fail (first >= other->first + other->n_columns ||
                        first + n_columns <= other->first);
    }

  group.title = g_strdup (title);
  group.first = first;
  group.n_columns = n_columns;
  group.separator = g_strdup (separator != NULL ? separator : "");
  group.affixes = g_new0 (char *, 2 * n_columns + 1);
  for (guint i = 0; i < 2 * n_columns; i++)
    group.affixes[i] = g_strdup (affixes != NULL && affixes[i] != NULL ? affixes[i] : "");
  g_array_append_val (self->groups, group);
}

guint
sl_table_get_n_column_groups (SlTable *self)
{
  g_return_val_if_fail (SL_IS_TABLE (self), 0);

  return self->groups->len;
}

const SlColumnGroup *
sl_table_get_column_group (SlTable *self,
                           guint    group)
{
  g_return_val_if_fail (SL_IS_TABLE (self), NULL);
  g_return_val_if_fail (group < self->groups->len, NULL);

  return &g_array_index (self->groups, SlColumnGroup, group);
}

const SlColumnGroup *
sl_table_find_column_group (SlTable *self,
                            guint    column)
{
  g_return_val_if_fail (SL_IS_TABLE (self), NULL);

  for (guint i = 0; i < self->groups->len; i++)
    {
      const SlColumnGroup *group = &g_array_index (self->groups, SlColumnGroup, i);

      if (column >= group->first && column < group->first + group->n_columns)
        return group;
    }
  return NULL;
}

SlChart *
sl_table_add_chart (SlTable     *self,
                    SlChartKind  kind,
                    const char  *title,
                    SlTable     *source,
                    guint        label_column,
                    guint        first,
                    guint        n)
{
  SlChart *chart;

  g_return_val_if_fail (SL_IS_TABLE (self), NULL);
  g_return_val_if_fail (SL_IS_TABLE (source) && source != self, NULL);

  chart = g_new0 (SlChart, 1);
  chart->kind = kind;
  chart->title = g_strdup (title);
  chart->source = g_object_ref (source);
  chart->label_column = label_column;
  chart->first = first;
  chart->n = n;
  chart->series = g_array_new (FALSE, FALSE, sizeof (guint));
  chart->colors = g_array_new (FALSE, FALSE, sizeof (guint32));
  chart->point_colors = g_array_new (FALSE, TRUE, sizeof (guint32));
  g_ptr_array_add (self->charts, chart);
  return chart;
}

void
sl_chart_add_series (SlChart *chart,
                     guint    index,
                     guint32  color)
{
  g_return_if_fail (chart != NULL);

  g_array_append_val (chart->series, index);
  g_array_append_val (chart->colors, color);
}

void
sl_chart_set_point_color (SlChart *chart,
                          guint    category,
                          guint32  color)
{
  g_return_if_fail (chart != NULL);
  g_return_if_fail (category < chart->n);

  if (chart->point_colors->len < chart->n)
    g_array_set_size (chart->point_colors, chart->n);
  g_array_index (chart->point_colors, guint32, category) = color;
}

guint
sl_table_get_n_charts (SlTable *self)
{
  g_return_val_if_fail (SL_IS_TABLE (self), 0);

  return self->charts->len;
}

const SlChart *
sl_table_get_chart (SlTable *self,
                    guint    chart)
{
  g_return_val_if_fail (SL_IS_TABLE (self), NULL);
  g_return_val_if_fail (chart < self->charts->len, NULL);

  return g_ptr_array_index (self->charts, chart);
}

/* A cell copied with its kind and mark, through the public calls. */
static void
copy_cell (SlTable      *self,
           const SlCell *cell)
{
  switch (cell->kind)
    {
    case SL_CELL_TEXT:
      if (cell->alert)
        sl_table_add_alert (self, cell->text);
      else
        sl_table_add_text (self, cell->text);
      break;
    case SL_CELL_DATE:    sl_table_add_date (self, cell->text); break;
    case SL_CELL_NUMBER:  sl_table_add_number (self, cell->number); break;
    case SL_CELL_PERCENT: sl_table_add_percent (self, cell->number); break;
    case SL_CELL_EMPTY:
    default:
      sl_table_add_text (self, NULL);
    }
}

SlTable *
sl_table_join_groups (SlTable *self)
{
  SlTable *joined;
  guint key = 0;

  g_return_val_if_fail (SL_IS_TABLE (self), NULL);

  if (self->groups->len == 0)
    return g_object_ref (self);

  joined = sl_table_new (self->title);
  sl_table_set_subtitle (joined, self->subtitle);
  sl_table_set_name (joined, self->name);
  sl_table_set_landscape (joined, self->landscape);

  for (guint c = 0; c < self->columns->len; )
    {
      const SlColumnGroup *group = sl_table_find_column_group (self, c);
      const SlColumn *column = sl_table_get_column (self, c);

      if (c < self->key_columns)
        key++;
      if (group == NULL)
        {
          sl_table_add_column (joined, column->title, column->width, column->wrap);
          c++;
          continue;
        }
      {
        double width = 0;
        gboolean wrap = FALSE;

        for (guint i = 0; i < group->n_columns; i++)
          {
            width = MAX (width, sl_table_get_column (self, c + i)->width);
            wrap |= sl_table_get_column (self, c + i)->wrap;
          }
        sl_table_add_column (joined, group->title, width, wrap);
        c += group->n_columns;
      }
    }
  sl_table_set_key_columns (joined, key);

  for (guint r = 0; r < self->rows->len; r++)
    {
      sl_table_begin_row (joined);
      for (guint c = 0; c < self->columns->len; )
        {
          const SlColumnGroup *group = sl_table_find_column_group (self, c);
          g_autoptr(GString) text = NULL;

          if (group == NULL)
            {
              copy_cell (joined, sl_table_get_cell (self, r, c));
              c++;
              continue;
            }

          text = g_string_new (NULL);
          for (guint i = 0; i < group->n_columns; i++)
            {
              g_autofree char *part = sl_cell_format (sl_table_get_cell (self, r, c + i));

              if (part == NULL || *part == '\0')
                continue;
              g_string_append_printf (text, "%s%s%s%s", text->len ? group->separator : "",
                                      group->affixes[2 * i], part, group->affixes[2 * i + 1]);
            }
          sl_table_add_text (joined, text->str);
          c += group->n_columns;
        }
    }

  for (guint i = 0; i + 1 < self->notes->len; i++)
    sl_table_add_note (joined, g_ptr_array_index (self->notes, i));

  return joined;
}

void
sl_table_begin_row (SlTable *self)
{
  GArray *row;

  g_return_if_fail (SL_IS_TABLE (self));

  row = g_array_sized_new (FALSE, TRUE, sizeof (SlCell), self->columns->len);
  g_array_set_clear_func (row, clear_cell);
  g_ptr_array_add (self->rows, row);
}

static void
add_cell (SlTable    *self,
          SlCellKind  kind,
          const char *text,
          double      number)
{
  SlCell cell = { kind, g_strdup (text), number, FALSE };
  GArray *row;

  g_return_if_fail (self->rows->len > 0);

  row = g_ptr_array_index (self->rows, self->rows->len - 1);
  if (row->len >= self->columns->len)
    {
      g_critical ("%s: a row of “%s” has more cells than its %u columns",
                  G_STRFUNC, sl_table_get_title (self), self->columns->len);
      g_free (cell.text);
      return;
    }

  g_array_append_val (row, cell);
}

void
sl_table_add_text (SlTable    *self,
                   const char *text)
{
  g_return_if_fail (SL_IS_TABLE (self));

  if (text == NULL || *text == '\0')
    add_cell (self, SL_CELL_EMPTY, NULL, 0.0);
  else
    add_cell (self, SL_CELL_TEXT, text, 0.0);
}

/* Text that an inspection must not miss: an overdue measure, a rule not
 * met. Writers draw it bold and red. */
void
sl_table_add_alert (SlTable    *self,
                    const char *text)
{
  GArray *row;

  g_return_if_fail (SL_IS_TABLE (self));

  sl_table_add_text (self, text);
  row = self->rows->len ? g_ptr_array_index (self->rows, self->rows->len - 1) : NULL;
  if (row != NULL && row->len > 0)
    g_array_index (row, SlCell, row->len - 1).alert = TRUE;
}

/* A date that is not a calendar day (a typo kept from an import) stays
 * visible as text rather than vanishing. */
void
sl_table_add_date (SlTable    *self,
                   const char *date)
{
  g_return_if_fail (SL_IS_TABLE (self));

  if (date == NULL || *date == '\0')
    add_cell (self, SL_CELL_EMPTY, NULL, 0.0);
  else if (sl_date_is_valid (date))
    add_cell (self, SL_CELL_DATE, date, 0.0);
  else
    add_cell (self, SL_CELL_TEXT, date, 0.0);
}

void
sl_table_add_number (SlTable *self,
                     double   number)
{
  g_return_if_fail (SL_IS_TABLE (self));

  add_cell (self, SL_CELL_NUMBER, NULL, number);
}

void
sl_table_add_percent (SlTable *self,
                      double   rate)
{
  g_return_if_fail (SL_IS_TABLE (self));

  if (isnan (rate))
    add_cell (self, SL_CELL_EMPTY, NULL, 0.0);
  else
    add_cell (self, SL_CELL_PERCENT, NULL, rate);
}

guint
sl_table_get_n_rows (SlTable *self)
{
  g_return_val_if_fail (SL_IS_TABLE (self), 0);

  return self->rows->len;
}

const SlCell *
sl_table_get_cell (SlTable *self,
                   guint    row,
                   guint    column)
{
  GArray *cells;

  g_return_val_if_fail (SL_IS_TABLE (self), NULL);
  g_return_val_if_fail (row < self->rows->len, NULL);
  g_return_val_if_fail (column < self->columns->len, NULL);

  cells = g_ptr_array_index (self->rows, row);
  if (column >= cells->len)
    return &empty_cell;

  return &g_array_index (cells, SlCell, column);
}

/**
 * sl_table_new_band:
 * @first: the first of the columns after the key columns to take
 * @n_columns: how many of them
 * @continued: a band after the first: "（续表）" after the title, no notes
 *
 * The key columns and @n_columns others of @table, every row: a matrix too
 * wide for one page printed as bands side by side, each with the names.
 * The last band keeps the notes.
 *
 * Returns: (transfer full): a new table
 */
SlTable *
sl_table_new_band (SlTable  *table,
                   guint     first,
                   guint     n_columns,
                   gboolean  continued)
{
  g_autofree char *title = NULL;
  g_autofree guint *take = NULL;
  guint key, n_take = 0;
  SlTable *band;

  g_return_val_if_fail (SL_IS_TABLE (table), NULL);

  key = sl_table_get_key_columns (table);
  g_return_val_if_fail (first >= key && first + n_columns <= table->columns->len, NULL);

  title = continued ? g_strconcat (table->title, "（续表）", NULL) : g_strdup (table->title);
  band = sl_table_new (title);
  sl_table_set_subtitle (band, table->subtitle);
  sl_table_set_name (band, table->name);
  sl_table_set_landscape (band, table->landscape);
  sl_table_set_key_columns (band, key);

  take = g_new (guint, key + n_columns);
  for (guint c = 0; c < key; c++)
    take[n_take++] = c;
  for (guint c = first; c < first + n_columns; c++)
    take[n_take++] = c;

  for (guint i = 0; i < n_take; i++)
    {
      const SlColumn *column = &g_array_index (table->columns, SlColumn, take[i]);
      sl_table_add_column (band, column->title, column->width, column->wrap);
    }

  for (guint r = 0; r < table->rows->len; r++)
    {
      sl_table_begin_row (band);
      for (guint i = 0; i < n_take; i++)
        {
          const SlCell *cell = sl_table_get_cell (table, r, take[i]);
          add_cell (band, cell->kind, cell->text, cell->number);
          if (cell->alert)
            {
              GArray *row = g_ptr_array_index (band->rows, band->rows->len - 1);
              g_array_index (row, SlCell, row->len - 1).alert = TRUE;
            }
        }
    }

  if (first + n_columns == table->columns->len)
    for (guint i = 0; i + 1 < table->notes->len; i++)
      sl_table_add_note (band, g_ptr_array_index (table->notes, i));

  return band;
}

void
sl_table_add_note (SlTable    *self,
                   const char *note)
{
  g_return_if_fail (SL_IS_TABLE (self));
  g_return_if_fail (note != NULL);

  /* Replace the terminating NULL, then terminate again. */
  g_ptr_array_index (self->notes, self->notes->len - 1) = g_strdup (note);
  g_ptr_array_add (self->notes, NULL);
}

const char * const *
sl_table_get_notes (SlTable *self)
{
  g_return_val_if_fail (SL_IS_TABLE (self), NULL);

  return (const char * const *) self->notes->pdata;
}

/* Without libm, which the library does not link: counts are far below
 * 2^53, where a double holds every whole number exactly. */
gboolean
sl_cell_is_whole (const SlCell *cell)
{
  g_return_val_if_fail (cell != NULL, FALSE);

  return cell->number > -1e15 && cell->number < 1e15 &&
         cell->number == (double) (gint64) cell->number;
}

/**
 * sl_cell_format:
 *
 * The text of @cell as a printed page shows it: dates as 2023年3月5日 (no
 * zero padding, GB/T 9704), rates as 87.5%, counts as integers.
 */
char *
sl_cell_format (const SlCell *cell)
{
  char buffer[G_ASCII_DTOSTR_BUF_SIZE];
  int year, month, day;

  g_return_val_if_fail (cell != NULL, NULL);

  switch (cell->kind)
    {
    case SL_CELL_EMPTY:
      return g_strdup ("");

    case SL_CELL_TEXT:
      return g_strdup (cell->text ? cell->text : "");

    case SL_CELL_DATE:
      if (cell->text != NULL && sscanf (cell->text, "%d-%d-%d", &year, &month, &day) == 3)
        return g_strdup_printf ("%d年%d月%d日", year, month, day);
      return g_strdup (cell->text ? cell->text : "");

    case SL_CELL_NUMBER:
      if (isnan (cell->number))
        return g_strdup ("");
      /* g_ascii_formatd: a decimal point whatever LC_NUMERIC says. */
      return g_strdup (g_ascii_formatd (buffer, sizeof buffer,
                                        sl_cell_is_whole (cell) ? "%.0f" : "%.1f",
                                        cell->number));

    case SL_CELL_PERCENT:
      if (isnan (cell->number))
        return g_strdup ("");
      return g_strconcat (g_ascii_formatd (buffer, sizeof buffer, "%.1f", cell->number * 100.0),
                          "%", NULL);

    default:
      g_return_val_if_reached (g_strdup (""));
    }
}
