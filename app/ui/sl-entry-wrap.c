/* sl-entry-wrap.c — a one-line entry row's whole text, wrapped below it while it does not fit
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * An AdwEntryRow holds one line: at 360 px a meeting's title
 * (“滨江市生态环境局党组2023年第13次党组会议”) showed its first
 * fifteen characters and the rest only by moving the cursor through it.
 * The row stays what it is (a GtkEditable: the fields' checks, bindings
 * and tests work on it), and a row below it shows the whole text,
 * wrapped, whenever the text is wider than the row's text area: on a
 * narrow window, or a long theme on a wide one. It takes no focus and
 * no Tab stop; it follows the text as it is typed.
 *
 * The text area's width is known only after a layout: a change of the
 * window's width is looked at again over the next frames, as the tables
 * fold their columns (sl-column-fold.c).
 */

#define G_LOG_DOMAIN "sl-entry-wrap"

#include "config.h"

#include "sl-entry-wrap.h"

#define WRAP_KEY "sl-entry-wrap"

/* Frames to look again after the window's width changed: one to lay out,
 * one to spare. */
#define FRAMES 2

typedef struct
{
  GtkWidget *entry_row;   /* weak: owns this */
  GtkWidget *wrap_row;
  GtkWidget *label;
  guint      tick;
  int        frames;
} Wrap;

static void
wrap_free (gpointer data)
{
  Wrap *wrap = data;

  if (wrap->entry_row != NULL)
    {
      if (wrap->tick != 0)
        gtk_widget_remove_tick_callback (wrap->entry_row, wrap->tick);
      g_object_remove_weak_pointer (G_OBJECT (wrap->entry_row), (gpointer *) &wrap->entry_row);
    }
  g_free (wrap);
}

static Wrap *
wrap_of (GtkWidget *wrap_row)
{
  return g_object_get_data (G_OBJECT (wrap_row), WRAP_KEY);
}

static void
update (Wrap *wrap)
{
  GtkEditable *text = gtk_editable_get_delegate (GTK_EDITABLE (wrap->entry_row));
  const char *value = gtk_editable_get_text (GTK_EDITABLE (wrap->entry_row));
  int available = text ? gtk_widget_get_width (GTK_WIDGET (text)) : 0;
  gboolean shown = FALSE;

  if (value != NULL && *value != '\0' && available > 0)
    {
      g_autoptr(PangoLayout) layout = gtk_widget_create_pango_layout (GTK_WIDGET (text), value);
      int width = 0;

      pango_layout_get_pixel_size (layout, &width, NULL);
      shown = width > available;
    }
  if (shown)
    gtk_label_set_label (GTK_LABEL (wrap->label), value);
  gtk_widget_set_visible (wrap->wrap_row, shown);
}

static gboolean
tick_cb (GtkWidget     *widget,
         GdkFrameClock *clock,
         gpointer       data)
{
  Wrap *wrap = data;

  update (wrap);
  if (--wrap->frames > 0)
    return G_SOURCE_CONTINUE;
  wrap->tick = 0;
  return G_SOURCE_REMOVE;
}

static void
look_again (GtkWidget *wrap_row)
{
  Wrap *wrap = wrap_of (wrap_row);

  wrap->frames = FRAMES;
  if (wrap->tick == 0 && gtk_widget_get_mapped (wrap->entry_row))
    wrap->tick = gtk_widget_add_tick_callback (wrap->entry_row, tick_cb, wrap, NULL);
}

static void
on_text_changed (GtkWidget *wrap_row)
{
  update (wrap_of (wrap_row));
}

static void
on_unmap (GtkWidget *widget,
          GtkWidget *wrap_row)
{
  Wrap *wrap = wrap_of (wrap_row);

  if (wrap->tick != 0)
    gtk_widget_remove_tick_callback (widget, wrap->tick);
  wrap->tick = 0;
}

/* The window is known once the row is shown; watched once. */
static void
on_map (GtkWidget *widget,
        GtkWidget *wrap_row)
{
  GtkRoot *root = gtk_widget_get_root (widget);

  if (GTK_IS_WINDOW (root) && g_object_get_data (G_OBJECT (widget), "sl-entry-wrap-window") != root)
    {
      g_object_set_data (G_OBJECT (widget), "sl-entry-wrap-window", root);
      g_signal_connect_object (root, "notify::default-width", G_CALLBACK (look_again), wrap_row,
                               G_CONNECT_SWAPPED);
      g_signal_connect_object (root, "notify::maximized", G_CALLBACK (look_again), wrap_row,
                               G_CONNECT_SWAPPED);
    }
  look_again (wrap_row);
}

/* Adds the row of @row's whole text below it, in its list box; returns
 * that row (named "sl-entry-wrap"), hidden while the text fits. */
GtkWidget *
sl_entry_wrap_attach (AdwEntryRow *row)
{
  GtkWidget *list = gtk_widget_get_parent (GTK_WIDGET (row));
  Wrap *wrap;

  g_return_val_if_fail (ADW_IS_ENTRY_ROW (row), NULL);
  g_return_val_if_fail (GTK_IS_LIST_BOX (list), NULL);

  wrap = g_new0 (Wrap, 1);
  wrap->entry_row = GTK_WIDGET (row);
  g_object_add_weak_pointer (G_OBJECT (row), (gpointer *) &wrap->entry_row);
  wrap->label = gtk_label_new (NULL);
  gtk_label_set_wrap (GTK_LABEL (wrap->label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (wrap->label), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_xalign (GTK_LABEL (wrap->label), 0);
  gtk_widget_set_margin_start (wrap->label, 12);
  gtk_widget_set_margin_end (wrap->label, 12);
  gtk_widget_set_margin_top (wrap->label, 6);
  gtk_widget_set_margin_bottom (wrap->label, 8);
  gtk_widget_add_css_class (wrap->label, "dim-label");

  wrap->wrap_row = gtk_list_box_row_new ();
  gtk_widget_set_name (wrap->wrap_row, "sl-entry-wrap");
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (wrap->wrap_row), wrap->label);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (wrap->wrap_row), FALSE);
  gtk_list_box_row_set_selectable (GTK_LIST_BOX_ROW (wrap->wrap_row), FALSE);
  gtk_widget_set_focusable (wrap->wrap_row, FALSE);
  gtk_widget_set_visible (wrap->wrap_row, FALSE);
  gtk_list_box_insert (GTK_LIST_BOX (list), wrap->wrap_row,
                       gtk_list_box_row_get_index (GTK_LIST_BOX_ROW (row)) + 1);
  /* The wrap row holds the state: it goes with the list. */
  g_object_set_data_full (G_OBJECT (wrap->wrap_row), WRAP_KEY, wrap, wrap_free);

  g_signal_connect_object (row, "notify::text", G_CALLBACK (on_text_changed), wrap->wrap_row, G_CONNECT_SWAPPED);
  g_signal_connect_object (row, "map", G_CALLBACK (on_map), wrap->wrap_row, 0);
  g_signal_connect_object (row, "unmap", G_CALLBACK (on_unmap), wrap->wrap_row, 0);
  return wrap->wrap_row;
}
