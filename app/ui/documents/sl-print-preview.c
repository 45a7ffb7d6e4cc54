/* sl-print-preview.c — a document's pages shown in a window of their own
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The print dialog's 预览 hands the pages to an outside previewer (GTK's
 * gtk-print-preview-command, Evince by default); where none is installed
 * it showed nothing and said nothing. SlPrintOperation's preview handler
 * then opens this window instead: each page drawn by the same renderer
 * that prints it, on white, one under the other.
 */

#define G_LOG_DOMAIN "sl-print-preview"

#include "config.h"

#include <glib/gi18n.h>

#include "sl-print-preview.h"

/* Pixels per point: A4 comes out about 700 pixels wide. */
#define PREVIEW_SCALE 1.2

struct _SlPrintPreview
{
  AdwWindow       parent_instance;

  SlPageRenderer *renderer;
  guint           n_pages;
};

G_DEFINE_FINAL_TYPE (SlPrintPreview, sl_print_preview, ADW_TYPE_WINDOW)

static void
draw_page (GtkDrawingArea *area,
           cairo_t        *cr,
           int             width,
           int             height,
           gpointer        user_data)
{
  SlPrintPreview *self = user_data;
  guint page = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (area), "sl-page"));

  /* Paper is white in the dark theme too. */
  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_paint (cr);
  cairo_scale (cr, PREVIEW_SCALE, PREVIEW_SCALE);
  sl_page_renderer_draw_page (self->renderer, cr, page);
}

static void
sl_print_preview_dispose (GObject *object)
{
  SlPrintPreview *self = SL_PRINT_PREVIEW (object);

  g_clear_object (&self->renderer);

  G_OBJECT_CLASS (sl_print_preview_parent_class)->dispose (object);
}

static void
sl_print_preview_class_init (SlPrintPreviewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = sl_print_preview_dispose;
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
sl_print_preview_init (SlPrintPreview *self)
{
}

GtkWidget *
sl_print_preview_new (GtkWindow      *parent,
                      SlPageRenderer *renderer)
{
  SlPrintPreview *self;
  GtkWidget *content = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *header = adw_header_bar_new ();
  GtkWidget *scrolled = gtk_scrolled_window_new ();
  GtkWidget *pages = gtk_box_new (GTK_ORIENTATION_VERTICAL, 18);
  double widest = 0;
  const char *title;
  g_autofree char *heading = NULL;

  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (SL_IS_PAGE_RENDERER (renderer), NULL);

  self = g_object_new (SL_TYPE_PRINT_PREVIEW,
                       "transient-for", parent,
                       "modal", TRUE,
                       "destroy-with-parent", TRUE,
                       "default-width", 800,
                       "default-height", 900,
                       NULL);
  self->renderer = g_object_ref (renderer);
  self->n_pages = sl_page_renderer_get_n_pages (renderer);

  title = sl_page_renderer_get_title (renderer);
  /* Translators: the title of the print preview; %s is the document. */
  heading = g_strdup_printf (_("Preview: %s"), title ? title : "");
  gtk_window_set_title (GTK_WINDOW (self), heading);
  adw_header_bar_set_title_widget (ADW_HEADER_BAR (header),
                                   adw_window_title_new (heading, NULL));

  gtk_widget_set_margin_top (pages, 18);
  gtk_widget_set_margin_bottom (pages, 18);
  gtk_widget_set_margin_start (pages, 18);
  gtk_widget_set_margin_end (pages, 18);
  gtk_widget_set_halign (pages, GTK_ALIGN_CENTER);

  for (guint i = 0; i < self->n_pages; i++)
    {
      GtkWidget *area = gtk_drawing_area_new ();
      double width = 0, height = 0;
      g_autofree char *label = NULL;

      sl_page_renderer_get_page_size (renderer, i, &width, &height);
      gtk_drawing_area_set_content_width (GTK_DRAWING_AREA (area), (int) (width * PREVIEW_SCALE));
      gtk_drawing_area_set_content_height (GTK_DRAWING_AREA (area), (int) (height * PREVIEW_SCALE));
      g_object_set_data (G_OBJECT (area), "sl-page", GUINT_TO_POINTER (i));
      gtk_drawing_area_set_draw_func (GTK_DRAWING_AREA (area), draw_page, self, NULL);
      gtk_widget_add_css_class (area, "card");
      /* Translators: how a screen reader names a page of the preview. */
      label = g_strdup_printf (_("Page %u of %u"), i + 1, self->n_pages);
      gtk_accessible_update_property (GTK_ACCESSIBLE (area), GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
      gtk_box_append (GTK_BOX (pages), area);
      widest = MAX (widest, width * PREVIEW_SCALE);
    }

  /* Wide enough for a landscape page, where the screen allows. */
  gtk_window_set_default_size (GTK_WINDOW (self), (int) MIN (widest + 60, 1200), 900);

  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), pages);
  gtk_widget_set_vexpand (scrolled, TRUE);
  gtk_box_append (GTK_BOX (content), header);
  gtk_box_append (GTK_BOX (content), scrolled);
  adw_window_set_content (ADW_WINDOW (self), content);

  return GTK_WIDGET (self);
}

guint
sl_print_preview_get_n_pages (SlPrintPreview *self)
{
  g_return_val_if_fail (SL_IS_PRINT_PREVIEW (self), 0);
  return self->n_pages;
}

SlPageRenderer *
sl_print_preview_get_renderer (SlPrintPreview *self)
{
  g_return_val_if_fail (SL_IS_PRINT_PREVIEW (self), NULL);
  return self->renderer;
}

gboolean
sl_print_preview_has_previewer (void)
{
  GtkSettings *settings = gtk_settings_get_default ();
  g_autofree char *command = NULL;
  g_auto(GStrv) argv = NULL;
  g_autofree char *program = NULL;

  if (settings == NULL)
    return FALSE;

  g_object_get (settings, "gtk-print-preview-command", &command, NULL);
  if (command == NULL || !g_shell_parse_argv (command, NULL, &argv, NULL) || argv[0] == NULL)
    return FALSE;

  program = g_find_program_in_path (argv[0]);
  return program != NULL;
}
