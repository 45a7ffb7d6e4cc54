/* sl-column-fold.c — a table's lesser columns hidden while it is wider than its view
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * GTK 4.8's GtkColumnView cannot pin its first column: a table wider
 * than the window scrolled sideways and took the names or titles out of
 * sight with it. Instead, on a narrow window a table shows fewer columns.
 * The caller names the columns that may go, least needed first, each with
 * the width of the table's view below which it hides (a breakpoint, as
 * libadwaita 1.2 has none). Should the table still ask for more than its
 * view shows (longer texts than the caller planned for), the next of them
 * hides too, until it fits. A column hidden that way comes back only once
 * the view is as wide as the table needed with it (noted when it went),
 * so the table does not flip between two layouts at one width. The
 * columns left wrap their text where they must (the callers' cells wrap).
 *
 * The check runs at idle priority, after the frame's layout: the widths
 * are those of the rows just bound, and a column hidden during
 * allocation would resize inside the layout pass.
 */

#define G_LOG_DOMAIN "sl-ui"

#include "config.h"

#include "sl-column-fold.h"

#define FOLD_KEY "sl-column-fold"

typedef struct
{
  GtkColumnView *view;            /* owns this */
  GPtrArray     *columns;         /* GtkColumnViewColumn, least needed first */
  GArray        *below;           /* int: the view's width below which it hides */
  GArray        *needed;          /* int: -1 shown; else the width it needs to show again */
  GArray        *fixed;           /* int: its fixed width while hidden */
  GtkAdjustment *adjustment;
  GListModel    *model;
  guint          idle;
} Fold;

static void
fold_free (gpointer data)
{
  Fold *fold = data;

  g_clear_handle_id (&fold->idle, g_source_remove);
  if (fold->adjustment != NULL)
    g_signal_handlers_disconnect_by_data (fold->adjustment, fold);
  if (fold->model != NULL)
    g_signal_handlers_disconnect_by_data (fold->model, fold);
  g_clear_object (&fold->adjustment);
  g_clear_object (&fold->model);
  g_ptr_array_unref (fold->columns);
  g_array_unref (fold->below);
  g_array_unref (fold->needed);
  g_array_unref (fold->fixed);
  g_free (fold);
}

/* What the table needs: the sum of its shown columns' minimum widths.
 * More than the view shows, and it scrolls sideways. */
static int
minimum_width (Fold *fold)
{
  int minimum = 0;

  gtk_widget_measure (GTK_WIDGET (fold->view), GTK_ORIENTATION_HORIZONTAL, -1,
                      &minimum, NULL, NULL, NULL);
  return minimum;
}

#define NEEDED(fold, i) g_array_index ((fold)->needed, int, (i))
#define BELOW(fold, i) g_array_index ((fold)->below, int, (i))

/* The rows keep the heights measured for the old column widths, and a
 * cell then widened its wrapped text past the column to fit that height
 * (a meeting's title ran past the window's edge): every cell measures
 * again. The rows are the list's children, the cells theirs. */
static void
queue_resize_cells (GtkWidget *view)
{
  gtk_widget_queue_resize (view);
  for (GtkWidget *list = gtk_widget_get_first_child (view); list != NULL;
       list = gtk_widget_get_next_sibling (list))
    for (GtkWidget *row = gtk_widget_get_first_child (list); row != NULL;
         row = gtk_widget_get_next_sibling (row))
      for (GtkWidget *cell = gtk_widget_get_first_child (row); cell != NULL;
           cell = gtk_widget_get_next_sibling (cell))
        gtk_widget_queue_resize (cell);
}

static void
set_shown (Fold *fold,
           guint i,
           int   needed)
{
  GtkColumnViewColumn *column = fold->columns->pdata[i];

  /* GTK 4.8 counts a hidden column's fixed width in the table's width:
   * the table then asked for more than it showed, and left a blank band
   * on its right. A hidden column keeps no fixed width; it gets it back
   * when it shows again. */
  if (needed >= 0 && NEEDED (fold, i) < 0)
    {
      g_array_index (fold->fixed, int, i) = gtk_column_view_column_get_fixed_width (column);
      gtk_column_view_column_set_fixed_width (column, -1);
    }
  else if (needed < 0 && NEEDED (fold, i) >= 0)
    gtk_column_view_column_set_fixed_width (column, g_array_index (fold->fixed, int, i));

  NEEDED (fold, i) = needed;
  gtk_column_view_column_set_visible (column, needed < 0);
  queue_resize_cells (GTK_WIDGET (fold->view));
}

static gboolean
refold (gpointer data)
{
  Fold *fold = data;
  gboolean hid = FALSE;
  double page;
  int minimum;

  fold->idle = 0;
  if (fold->adjustment == NULL || !gtk_widget_get_mapped (GTK_WIDGET (fold->view)))
    return G_SOURCE_REMOVE;
  page = gtk_adjustment_get_page_size (fold->adjustment);
  if (page <= 1)
    return G_SOURCE_REMOVE;

  /* A column someone else showed again (a filter) is no longer ours. */
  for (guint i = 0; i < fold->columns->len; i++)
    if (NEEDED (fold, i) >= 0 && gtk_column_view_column_get_visible (fold->columns->pdata[i]))
      set_shown (fold, i, -1);

  /* Below its breakpoint, a column goes. */
  for (guint i = 0; i < fold->columns->len; i++)
    if (page < BELOW (fold, i) && gtk_column_view_column_get_visible (fold->columns->pdata[i]))
      {
        set_shown (fold, i, BELOW (fold, i));
        hid = TRUE;
      }

  /* Still too wide: the next columns go until it fits or none is left. */
  minimum = minimum_width (fold);
  for (guint i = 0; i < fold->columns->len && minimum > page + 0.5; i++)
    {
      if (!gtk_column_view_column_get_visible (fold->columns->pdata[i]))
        continue;
      set_shown (fold, i, minimum);
      minimum = minimum_width (fold);
      hid = TRUE;
    }
  if (hid)
    return G_SOURCE_REMOVE;

  /* Room again: the columns hidden last come back while they fit. */
  for (guint i = fold->columns->len; i-- > 0;)
    {
      if (NEEDED (fold, i) < 0)
        continue;
      if (page < BELOW (fold, i) || page < NEEDED (fold, i))
        break;
      set_shown (fold, i, -1);
    }
  return G_SOURCE_REMOVE;
}

static void
queue_refold (Fold *fold)
{
  if (fold->idle == 0)
    fold->idle = g_idle_add (refold, fold);
}

static void
on_adjustment_changed (Fold *fold)
{
  queue_refold (fold);
}

static void
on_items_changed (Fold *fold)
{
  queue_refold (fold);
}

static void
watch_adjustment (Fold *fold)
{
  GtkAdjustment *adjustment = gtk_scrollable_get_hadjustment (GTK_SCROLLABLE (fold->view));

  if (adjustment == fold->adjustment)
    return;
  if (fold->adjustment != NULL)
    g_signal_handlers_disconnect_by_data (fold->adjustment, fold);
  g_set_object (&fold->adjustment, adjustment);
  /* "changed" covers the page size (the window's width) and the upper
   * bound (the table's width) together. */
  if (adjustment != NULL)
    g_signal_connect_swapped (adjustment, "changed", G_CALLBACK (on_adjustment_changed), fold);
  queue_refold (fold);
}

static void
watch_model (Fold *fold)
{
  GListModel *model = G_LIST_MODEL (gtk_column_view_get_model (fold->view));

  if (model == fold->model)
    return;
  if (fold->model != NULL)
    g_signal_handlers_disconnect_by_data (fold->model, fold);
  g_set_object (&fold->model, model);
  /* New rows may be wider than the old ones at the same page size. */
  if (model != NULL)
    g_signal_connect_swapped (model, "items-changed", G_CALLBACK (on_items_changed), fold);
  queue_refold (fold);
}

/**
 * sl_column_fold_attach_v:
 * @view: a column view inside a scrolled window
 * @columns: (array length=n_columns): the columns of @view that may hide
 *   on a narrow window, the least needed first
 * @below: (array length=n_columns): for each, the width of @view's
 *   scrolled window below which it hides; 0: only when the table would
 *   scroll sideways
 * @n_columns: their number
 *
 * Hides @columns on a narrow window and shows them again when there is
 * room. The columns not named always show; their cells should wrap
 * rather than widen.
 */
void
sl_column_fold_attach_v (GtkColumnView        *view,
                         GtkColumnViewColumn **columns,
                         const int            *below,
                         guint                 n_columns)
{
  Fold *fold = g_new0 (Fold, 1);
  int unset = -1;

  g_return_if_fail (GTK_IS_COLUMN_VIEW (view));

  fold->view = view;
  fold->columns = g_ptr_array_new_with_free_func (g_object_unref);
  fold->below = g_array_new (FALSE, FALSE, sizeof (int));
  fold->needed = g_array_new (FALSE, FALSE, sizeof (int));
  fold->fixed = g_array_new (FALSE, FALSE, sizeof (int));
  for (guint i = 0; i < n_columns; i++)
    {
      g_ptr_array_add (fold->columns, g_object_ref (columns[i]));
      g_array_append_val (fold->below, below[i]);
      g_array_append_val (fold->needed, unset);
      g_array_append_val (fold->fixed, unset);
    }
  g_object_set_data_full (G_OBJECT (view), FOLD_KEY, fold, fold_free);

  g_signal_connect_swapped (view, "notify::hadjustment", G_CALLBACK (watch_adjustment), fold);
  g_signal_connect_swapped (view, "notify::model", G_CALLBACK (watch_model), fold);
  g_signal_connect_swapped (view, "map", G_CALLBACK (queue_refold), fold);
  watch_adjustment (fold);
  watch_model (fold);
}

/**
 * sl_column_fold_attach:
 * @view: a column view inside a scrolled window
 * @first: the column least needed
 * @...: the width below which @first hides (an int, 0: only when the
 *   table would scroll sideways), then more pairs of a column and a
 *   width, each column more needed than the one before, then %NULL
 *
 * As sl_column_fold_attach_v().
 */
void
sl_column_fold_attach (GtkColumnView       *view,
                       GtkColumnViewColumn *first,
                       ...)
{
  g_autoptr(GPtrArray) columns = g_ptr_array_new ();
  g_autoptr(GArray) below = g_array_new (FALSE, FALSE, sizeof (int));
  va_list args;

  va_start (args, first);
  for (GtkColumnViewColumn *column = first; column != NULL;
       column = va_arg (args, GtkColumnViewColumn *))
    {
      int width = va_arg (args, int);

      g_ptr_array_add (columns, column);
      g_array_append_val (below, width);
    }
  va_end (args);

  sl_column_fold_attach_v (view, (GtkColumnViewColumn **) columns->pdata,
                           (const int *) below->data, columns->len);
}

/**
 * sl_column_fold_get_n_hidden:
 * @view: a column view
 *
 * Returns: how many of @view's columns are hidden for the width now
 */
guint
sl_column_fold_get_n_hidden (GtkColumnView *view)
{
  Fold *fold = g_object_get_data (G_OBJECT (view), FOLD_KEY);
  guint n = 0;

  if (fold == NULL)
    return 0;
  for (guint i = 0; i < fold->needed->len; i++)
    if (NEEDED (fold, i) >= 0)
      n++;
  return n;
}
