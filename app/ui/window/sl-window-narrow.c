/* sl-window-narrow.c — the main window on a narrow screen: when to fold, which header shows
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * AdwLeaflet folds by itself only when the sidebar and the page no longer
 * fit at their minimum widths; at 700 px the sidebar then still took a
 * third of the window while the tables beside it were cut. libadwaita 1.2
 * has no breakpoints, so the window says when: below SL_WINDOW_FOLD_WIDTH
 * the leaflet may not unfold, and shows the sidebar and the page one at a
 * time. The change is made after the allocation that asks for it, as a
 * property set during allocation would resize within the layout pass.
 *
 * One header bar per view: the meeting editor brings its own (back,
 * title, menu, window buttons), so the page header, with its own back
 * arrow, hides while the editor is shown.
 */

#define G_LOG_DOMAIN "sl-window"

#include "config.h"

#include "sl-meetings-page.h"
#include "sl-window.h"
#include "sl-window-private.h"

static gboolean
apply_fold (gpointer data)
{
  SlWindow *self = data;
  int width = gtk_widget_get_width (GTK_WIDGET (self->leaflet));

  self->fold_idle = 0;
  if (width <= 0)
    return G_SOURCE_REMOVE;

  /* Folding shows the page, not the sidebar: a window opened narrow
   * opened on the list of pages, its welcome or overview out of sight. */
  if (width < SL_WINDOW_FOLD_WIDTH && adw_leaflet_get_can_unfold (self->leaflet))
    adw_leaflet_set_visible_child (self->leaflet, self->content_box);
  adw_leaflet_set_can_unfold (self->leaflet, width >= SL_WINDOW_FOLD_WIDTH);
  return G_SOURCE_REMOVE;
}

static void
size_allocate (GtkWidget *widget,
               int        width,
               int        height,
               int        baseline)
{
  SlWindow *self = SL_WINDOW (widget);
  GtkWidgetClass *parent_class = g_type_class_peek_parent (GTK_WIDGET_GET_CLASS (widget));
  int leaflet_width;

  parent_class->size_allocate (widget, width, height, baseline);

  leaflet_width = gtk_widget_get_width (GTK_WIDGET (self->leaflet));
  if (leaflet_width > 0 &&
      (leaflet_width >= SL_WINDOW_FOLD_WIDTH) != adw_leaflet_get_can_unfold (self->leaflet) &&
      self->fold_idle == 0)
    self->fold_idle = g_idle_add_full (G_PRIORITY_HIGH_IDLE, apply_fold, self, NULL);
}

/* The page header shows unless the meetings page shows its editor. */
void
_sl_window_narrow_update_header (SlWindow *self)
{
  const char *name = gtk_stack_get_visible_child_name (self->content_stack);
  GtkWidget *slot = name ? gtk_stack_get_child_by_name (self->content_stack, name) : NULL;
  GtkWidget *page = slot && ADW_IS_BIN (slot) ? adw_bin_get_child (ADW_BIN (slot)) : NULL;
  gboolean editing = page != NULL && SL_IS_MEETINGS_PAGE (page) &&
                     sl_meetings_page_get_editing (SL_MEETINGS_PAGE (page));

  gtk_widget_set_visible (self->content_header, !editing);
}

/* Called for each page as it is built. */
void
_sl_window_narrow_watch_page (SlWindow  *self,
                              GtkWidget *page)
{
  if (SL_IS_MEETINGS_PAGE (page))
    g_signal_connect_object (page, "notify::editing",
                             G_CALLBACK (_sl_window_narrow_update_header), self, G_CONNECT_SWAPPED);
}

void
_sl_window_narrow_dispose (SlWindow *self)
{
  g_clear_handle_id (&self->fold_idle, g_source_remove);
}

void
_sl_window_narrow_class_init (SlWindowClass *klass)
{
  GTK_WIDGET_CLASS (klass)->size_allocate = size_allocate;
}
